//! Properties that hold for any input: nothing panics, normalisation is
//! idempotent, the offset map stays on character boundaries, and every
//! entity's `text` is exactly the original slice its offsets name.

use std::sync::LazyLock;

use kashf::Extractor;
use kashf::normalize::{Folds, Normalizer, matching_key};
use proptest::prelude::*;

/// Pieces that exercise the folds, the matcher and the grammars: letters,
/// names with clitics, diacritics, digits in three scripts, presentation
/// forms, invisible marks and odd whitespace.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("موسكو".to_owned()),
        Just("وبموسكو".to_owned()),
        Just("للقاهرة".to_owned()),
        Just("الولايات المتحدة".to_owned()),
        Just("على".to_owned()),
        Just("ثلاثة آلاف".to_owned()),
        Just("5 تشرين الثاني/نوفمبر 2020".to_owned()),
        Just("١٢٣٫٥".to_owned()),
        Just("۱۲".to_owned()),
        Just("ﻻ ﷲ ﷺ ﺍﻟﻘﺎﻫﺮﺓ".to_owned()),
        Just("\u{FE70}\u{FE71}".to_owned()),
        Just("ـــ".to_owned()),
        Just("\u{200F}\u{200E}\u{061C}\u{FEFF}\u{202B}\u{2067}".to_owned()),
        Just(" \u{00A0}\t\r\n\u{2028}".to_owned()),
        "[\u{0600}-\u{06FF}]{1,6}",
        "[\u{FB50}-\u{FDFF}\u{FE70}-\u{FEFF}]{1,3}",
        "[a-zA-Z0-9 ,.%/-]{1,5}",
        any::<char>().prop_map(String::from),
    ]
}

/// Built once: building the matcher over the default gazetteers is the
/// slow part of a debug build.
static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::builder().build().unwrap());

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.join(""))
}

fn folds() -> impl Strategy<Value = Folds> {
    prop::array::uniform9(any::<bool>()).prop_map(|b| Folds {
        alef: b[0],
        ya: b[1],
        diacritics: b[2],
        tatweel: b[3],
        digits: b[4],
        persian: b[5],
        presentation: b[6],
        invisible: b[7],
        whitespace: b[8],
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn normalisation_is_idempotent(s in text(), f in folds()) {
        let n = Normalizer::new(f);
        let once = n.normalize(&s);
        let twice = n.normalize(once.text());
        prop_assert_eq!(twice.text(), once.text());
        prop_assert_eq!(n.normalize_str(&s), once.text());
    }

    #[test]
    fn offset_map_is_monotonic_and_on_boundaries(s in text(), f in folds()) {
        let n = Normalizer::new(f).normalize(&s);
        let mut last_end = 0;
        for (i, c) in n.text().char_indices() {
            let r = n.source_range(i..i + c.len_utf8());
            prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
            prop_assert!(r.start < r.end && r.end <= s.len());
            prop_assert!(r.end >= last_end, "map goes backwards at {}", i);
            last_end = r.end;
        }
    }

    #[test]
    fn matching_key_keeps_offsets(s in text()) {
        let n = Normalizer::default().normalize(&s);
        let mut key = String::new();
        matching_key(n.text(), &mut key);
        prop_assert_eq!(key.len(), n.text().len());
        for (i, _) in n.text().char_indices() {
            prop_assert!(key.is_char_boundary(i));
        }
    }

    #[test]
    fn entities_are_exact_sorted_and_disjoint(s in text()) {
        let chars: Vec<char> = s.chars().collect();
        let mut last_end = 0;
        for e in EXTRACTOR.extract(&s) {
            prop_assert!(e.start < e.end && e.end <= chars.len(), "{:?}", e);
            prop_assert!(e.start >= last_end, "overlap at {:?}", e);
            let slice: String = chars[e.start..e.end].iter().collect();
            prop_assert_eq!(&slice, &e.text);
            last_end = e.end;
        }
    }
}

/// Found by `entities_are_exact_sorted_and_disjoint`: «ﷻ» normalises to
/// «جل جلاله», a number took the first word and the tagger an organisation
/// from the second, and both were reported with the ligature.
#[test]
fn a_ligature_of_two_words_is_in_one_entity_at_most() {
    let s = "5 تشرين الثاني/نوفمبر 2020ﷻ١٢٣٫٥";
    let ents = EXTRACTOR.extract(s);
    assert!(!ents.is_empty());
    for pair in ents.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{ents:?}");
    }
}
