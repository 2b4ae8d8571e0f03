//! Applying a model to a chunk: the tagger's final call on names.
//!
//! In: one chunk and the resolved, linked candidates of the finders before
//! it. Out: the same candidates, where the PERSON, PLACE and ORG ones are
//! those the tagger predicts (the rules of the module docs of
//! [`super`]), still sorted and non-overlapping; and, for training with
//! news, the counts of how the tagger labelled each word ([`count_news`]).

use std::ops::Range;

use super::cache::codes;
use super::features::{
    OFFSETS, WordInfo, clusters, infos, joins, lines, pair_features, split_clitic, word_candidates,
};
use super::mend::{mend_dotted, mend_listed, mend_people};
use super::{Cache, Model, NAME_LABELS, NewsCounts, add_to, spans, stack};
use crate::doc::{Candidate, Chunk, Label, Source};
use crate::gazetteer::Matcher;
use crate::vocab::lists::good_phrase;
use crate::vocab::{FUNCTION_BIT, known};

/// Where a new span starts in its first word: after a proclitic when the
/// finders or the lexicons say the rest is the name.
fn span_start(info: &WordInfo<'_>, word: &Range<usize>) -> usize {
    const NAME: u32 = crate::vocab::NAME_BITS;
    // The "stem-frequent" bit of [`FLAG_NAMES`].
    const STEM_FREQUENT: u8 = 1 << 1;
    // The bytes of «و» or «ف».
    const CONJUNCTION: usize = 'و'.len_utf8();
    let aside = match info.clitic {
        // Unless the rest is a frequent word no lexicon knows as a name,
        // or the news writes the whole word often and the rest never
        // («ويندوز», «ويليام»: the whole word has a cluster, the rest none).
        "و" if info.bits & NAME == 0
            && (info.stem_bits & NAME != 0
                || info.flags & STEM_FREQUENT == 0
                    && !(info.clusters.is_some() && info.stem_clusters.is_none())) =>
        {
            info.clitic.len()
        }
        // «و»/«ف» alone where the rest after it is a name too: «وبدرة» is
        // و + «بدرة», not وب + «درة».
        "وب" | "ول" | "وك" | "فب" | "فل"
            if info.bits & NAME == 0 && known(&info.key[CONJUNCTION..]) & NAME != 0 =>
        {
            CONJUNCTION
        }
        // «ف» ("so") before a name is far rarer than «و», and foreign names
        // start with it (F, V): «فرساتشي», «فيربييه», «فنوكوفو» keep it
        // unless the rest is a known name («فأفلاطون»; «فيدل» is no «ف» +
        // «يدل»).
        "ف" | "ب" | "ل" | "وب" | "ول" | "فب" | "فل"
            if info.bits & NAME == 0 && info.stem_bits & NAME != 0 =>
        {
            info.clitic.len()
        }
        // «ك» stays with the name: "like" before a bare name is rare, names
        // that start with «ك» are not («كريتر» is no ك + «ريتر»; see
        // `rules::NAME_CLITICS`).
        "وك" if info.bits & NAME == 0 && info.stem_bits & NAME != 0 => CONJUNCTION,
        // Before the article the proclitic goes aside where the news writes
        // the word with the article alone too: «والأهلي» is و + «الأهلي»,
        // «بالظهران» ب + «الظهران», and after «ل» the article's alef is
        // not written: «للأهلي» is ل + «لأهلي», as the gazetteer's names
        // are. Not where the rest is no word the news writes: «كاليفورنيا»,
        // «فالنسيا», «بالتيمور» are whole names.
        "وال" | "فال" | "بال" | "وبال" | "وكال" | "لل" | "ولل"
            if info.bits & NAME == 0 && clusters(&format!("ال{}", info.stem)).is_some() =>
        {
            match info.clitic {
                "وكال" => CONJUNCTION,
                // «لل»: the first «ل» is the preposition.
                c @ ("لل" | "ولل") => c.len() - 'ل'.len_utf8(),
                c => c.len() - "ال".len(),
            }
        }
        _ => 0,
    };
    // Nor where the news writes the whole word more often than the rest
    // («فريد»: Farid, or unique; not ف + «ريد»).
    if aside > 0 && crate::vocab::glued(info.key, &info.key[aside..]) {
        return word.start;
    }
    word.start + aside
}

/// Whether a rule found a ministry or an agency («وزارة الدفاع
/// الأوكرانية», «وكالة الأنباء الألمانية»): ANERcorp, which the embedded
/// model learns from, leaves most of them unmarked, but they are
/// organisations, and a user of kashf expects them.
fn is_ministry(key: &str, c: &Candidate) -> bool {
    c.label == Label::Org
        && c.source == Source::Rule
        && ["وزاره ", "وكاله "]
            .iter()
            .any(|head| key[c.range.clone()].starts_with(head))
}

/// A predicted span (words `a..=b`) trimmed so that it does not cross the
/// bounds of a gazetteer name of another label: «مجموعة فاغنر يفجيني
/// بريغوجين» keeps the organisation and leaves the person «يفجيني
/// بريغوجين». A name wholly inside the span stays inside («جامعة
/// القاهرة»). `None` if nothing is left.
fn outside_other_names(
    words: &[Range<usize>],
    cands: &[Candidate],
    at: &[Option<(usize, bool)>],
    label: Label,
    mut a: usize,
    mut b: usize,
) -> Option<(usize, usize)> {
    let crossing = |w: usize| {
        at[w]
            .map(|(c, _)| &cands[c])
            .filter(|c| c.source == Source::Gazetteer && c.label != label)
            .map(|c| c.range.clone())
    };
    if let Some(r) = crossing(a).filter(|r| r.start < words[a].start) {
        a = words.partition_point(|w| w.start < r.end);
    }
    if a > b {
        return None;
    }
    if let Some(r) = crossing(b).filter(|r| r.end > words[b].end) {
        b = words.partition_point(|w| w.end <= r.start).checked_sub(1)?;
    }
    (a <= b).then_some((a, b))
}

/// Runs `model` over a chunk and replaces the finders' names in `cands`
/// (sorted, non-overlapping) with the predicted ones (see the module docs).
pub(crate) fn apply(
    model: &Model,
    chunk: &Chunk<'_>,
    cands: &mut Vec<Candidate>,
    cache: &mut Cache,
    matcher: &Matcher,
) {
    let words = chunk.words;
    let at = word_candidates(words, cands);
    cache.prepare(model);
    let mut type_scores = Vec::with_capacity(words.len());
    let info = infos(
        chunk,
        cands,
        &at,
        model.news.as_ref(),
        Some((cache, model, &mut type_scores)),
    );
    let mut tags = vec![0; words.len()];
    let mut feats = Vec::new();
    let mut emits = Vec::with_capacity(words.len());
    let mut second_emits = Vec::new();
    let mut line_tags = Vec::new();
    let joined: Vec<bool> = info.iter().map(joins).collect();
    let lines = lines(&info);
    let codes = codes(&info);
    let passes = model.passes();
    for line in &lines {
        for i in line.clone() {
            let mut emit = cache.context(model, &info, &codes, i, line, &mut feats);
            for f in pair_features(&info, i, line) {
                passes.add(f, &mut emit);
            }
            for (role, d) in OFFSETS.iter().enumerate() {
                let s = match i.checked_add_signed(*d).filter(|j| line.contains(j)) {
                    Some(j) => cache.scores(model, type_scores[j], role),
                    None => cache.edges[role],
                };
                for (e, s) in emit.iter_mut().zip(&s) {
                    add_to(e, s);
                }
            }
            emits.push(emit[0]);
            if model.second.is_some() {
                second_emits.push(emit[1]);
            }
        }
        model.viterbi(&emits[line.clone()], &joined[line.clone()], &mut line_tags);
        tags[line.clone()].copy_from_slice(&line_tags);
    }
    // The second pass reads the rest of the document: a one-line chunk
    // (a sentence of `--input lines`, a headline) has none.
    if let Some(second) = model.second.as_ref().filter(|_| lines.len() > 1) {
        let stems: Vec<u64> = (info.iter().zip(&type_scores))
            .map(|(w, &at)| cache.stem_hash(at, w.stem))
            .collect();
        tags = stack::second_pass(
            second,
            &stems,
            &lines,
            &second_emits,
            &joined,
            &tags,
            &mut cache.views,
            &mut cache.recent_views,
            &mut cache.doc,
        );
    }
    mend_people(&mut tags, &info, &lines, chunk.text, words);
    mend_listed(&mut tags, chunk.key, words, cands, &at, matcher);
    mend_dotted(&mut tags, chunk.key, words);
    let is_name = |c: &Candidate| NAME_LABELS.contains(&c.label);
    let mut keep = vec![false; cands.len()];
    let mut claimed: Vec<Range<usize>> = Vec::new();
    let mut added = Vec::new();
    for (label, a, b) in spans(&tags) {
        let Some((a, b)) = outside_other_names(words, cands, &at, label, a, b) else {
            continue;
        };
        // A currency after an amount is no name: «مليار ريال» (riyals) is no
        // «ريال» the club, whatever ANERcorp's football taught the tagger.
        if a == b && CURRENCIES.contains(&info[a].key) && after_number(chunk.key, cands, &words[a])
        {
            continue;
        }
        // «حسن» ("good") in a set phrase is no first name: «مبادئ حسن
        // الجوار», good neighbourliness, whether the span takes the noun
        // or stops before it (nor is «على» before it «علي»).
        if label == Label::Person
            && (a..=b)
                .filter(|&j| j + 1 < info.len())
                .any(|j| good_phrase(info[j].stem, info[j + 1].key))
        {
            continue;
        }
        // A currency alone is no place or person: «منطقة اليورو» (the
        // eurozone) is no place «اليورو» (28 in a tenth of the news corpus).
        if a == b
            && matches!(label, Label::Place | Label::Person)
            && CURRENCIES.contains(&info[a].stem)
        {
            continue;
        }
        // A function word is no name, with a proclitic or without: «سنة»
        // (year), «إن». With the article it may be: «السنة» (the Sunnis)
        // is an organisation for ANERcorp.
        let article = info[a].clitic.ends_with("ال") || info[a].clitic.ends_with("لل");
        let stem_bits = if article { 0 } else { info[a].stem_bits };
        if a == b && (info[a].bits | stem_bits) & FUNCTION_BIT != 0 {
            continue;
        }
        // A lone word of one or two letters no finder saw is no person:
        // «قال لي» (told me) is no Chinese «لي» (94 such in seven days of
        // the news corpus; 2 right ones in ANERcorp's 5-fold).
        if label == Label::Person && a == b && at[a].is_none() && info[a].key.chars().count() <= 2 {
            continue;
        }
        // A span inside a number or date the grammars read is theirs:
        // «ستون» (sixty) is no person, whatever company the word keeps.
        if at[a].is_some_and(|(c, _)| {
            let r = &cands[c].range;
            cands[c].source == Source::Pattern && r.start <= words[a].start && r.end >= words[b].end
        }) {
            continue;
        }
        // A span inside a ministry or agency a rule found is part of its
        // name: «السعودية» in «وزارة الصحة السعودية» is no place.
        if at[a].is_some_and(|(c, _)| {
            let r = &cands[c].range;
            cands[c].label != label
                && is_ministry(chunk.key, &cands[c])
                && r.start <= words[a].start
                && r.end >= words[b].end
        }) {
            continue;
        }
        let found = at[a].filter(|&(c, begins)| {
            let r = &cands[c].range;
            begins && is_name(&cands[c]) && r.end > words[b].start && r.end <= words[b].end
        });
        let mut range = words[a].start..words[b].end;
        // A gazetteer person that covers the span wins: its bounds come from
        // a list of whole names («الملك عبد الله الثاني», where the tagger
        // may stop at «عبد الله»). (For places and organisations, ANERcorp's
        // bounds agree with the tagger more often than with the lists:
        // −0.007 PLACE F1 on the 5-fold.)
        let known: Vec<usize> = (a..=b)
            .filter_map(|w| at[w].map(|(c, _)| c))
            .filter(|&c| {
                label == Label::Person
                    && cands[c].source == Source::Gazetteer
                    && cands[c].label == label
            })
            .collect();
        let covers =
            |c: usize| cands[c].range.start < words[a].end && cands[c].range.end >= words[b].end;
        if known.iter().any(|&c| covers(c)) {
            for &c in &known {
                keep[c] = true;
                range.start = range.start.min(cands[c].range.start);
                range.end = range.end.max(cands[c].range.end);
            }
            claimed.push(range);
            continue;
        }
        // The tagger's span reaches beyond the gazetteer persons in it
        // («أبو عبد الله التركي» over «عبد الله», «الرئيس محمد بخاري» over
        // «محمد»): the span, stretched over them, not cut to one of them.
        let stretch = known.iter().fold(words[a].end..words[b].end, |r, &c| {
            r.start.min(cands[c].range.start)..r.end.max(cands[c].range.end)
        });
        range.start = range.start.min(stretch.start);
        range.end = range.end.max(stretch.end);
        claimed.push(range);
        match found {
            Some((c, _)) if cands[c].label == label => keep[c] = true,
            _ => {
                // Where the span starts in its first word: after the
                // proclitic a finder set aside there for a name of this
                // label; for a name of another label, the earlier of its
                // start and the tagger's own split («ليون» the city, whole,
                // is «ليون» the person; «باراك», read as ب + the town
                // «اراك», is not split once a person starts there).
                let own = span_start(&info[a], &words[a]);
                let start = match at[a] {
                    Some((c, true)) if is_name(&cands[c]) && cands[c].label == label => {
                        cands[c].range.start
                    }
                    Some((c, true)) if is_name(&cands[c]) => cands[c].range.start.min(own),
                    _ => own,
                };
                // A place or organisation of the lists that the tagger ends
                // earlier («مكة» of «مكة المكرمة») is still that entry: the
                // span keeps its id and name, which users join on. A span
                // that reaches beyond the listed name is another name
                // («باريس سان جرمان» is no Paris, «مجلس الأمن القومي» no
                // Security Council): it carries no id, and resolution
                // looks the whole span up.
                let entry = match at[a] {
                    Some((c, true))
                        if label != Label::Person
                            && cands[c].label == label
                            && cands[c].source == Source::Gazetteer
                            && cands[c].range.end >= words[b].end =>
                    {
                        Some(&cands[c])
                    }
                    _ => None,
                };
                let range = start.min(stretch.start)..stretch.end;
                // After the preposition of «لل» the article lost its alef:
                // the name is «الأهلي», not «لأهلي».
                let lil = matches!(info[a].clitic, "لل" | "ولل")
                    && range.start == words[a].start + info[a].clitic.len() - 'ل'.len_utf8();
                let norm = match entry {
                    Some(c) => c.norm.clone(),
                    None if lil => Some(format!("ا{}", &chunk.text[range.clone()])),
                    None => None,
                };
                added.push(Candidate {
                    norm,
                    id: entry.and_then(|c| c.id.clone()),
                    link: entry.and_then(|c| c.link),
                    ..Candidate::new(range, label, Source::Model)
                });
            }
        }
    }
    // A kept gazetteer person may reach into the span before: merge.
    claimed.sort_by_key(|r| r.start);
    claimed.dedup_by(|next, prev| {
        let overlaps = next.start < prev.end;
        if overlaps {
            prev.end = prev.end.max(next.end);
        }
        overlaps
    });
    let mut n = 0;
    cands.retain(|c| {
        let kept = keep[n];
        n += 1;
        let i = claimed.partition_point(|r| r.end <= c.range.start);
        let free = i == claimed.len() || claimed[i].start >= c.range.end;
        if is_name(c) {
            // A gazetteer name, or a ministry, where the tagger sees nothing
            // stays; but not a one-word person: a first name or surname
            // alone is too often a word («لصالح», in favour of, is no
            // «صالح»), and the tagger read its context.
            let lone_person = c.label == Label::Person && !chunk.key[c.range.clone()].contains(' ');
            return kept
                || free
                    && (c.source == Source::Gazetteer && !lone_person
                        || is_ministry(chunk.key, c));
        }
        // A number or date a predicted name covers goes.
        free
    });
    cands.append(&mut added);
    // Sorted and non-overlapping again: where a kept gazetteer person
    // reaches into the span before it, the leftmost of the two stays.
    crate::doc::resolve(cands);
}

/// Currency words (matching keys), as written after an amount.
const CURRENCIES: &[&str] = &[
    "ريال",
    "ريالا",
    "ريالات",
    "دولار",
    "دولارا",
    "دولارات",
    "يورو",
    "جنيه",
    "جنيها",
    "جنيهات",
    "دينار",
    "دينارا",
    "دنانير",
    "درهم",
    "درهما",
    "دراهم",
    "ليره",
    "ليرات",
    "روبيه",
    "ين",
    "يوان",
    "روبل",
    "فرنك",
    "فرنكا",
    "اورو",
];

/// Whether a number the grammars read ends right before `word`, with only
/// spaces or brackets between («26.4 مليار ريال», «(1300) ريال»).
fn after_number(key: &str, cands: &[Candidate], word: &Range<usize>) -> bool {
    cands
        .iter()
        .take_while(|c| c.range.start < word.start)
        .filter(|c| c.label == Label::Number && c.range.end <= word.start)
        .last()
        .is_some_and(|c| {
            key[c.range.end..word.start]
                .chars()
                .all(|ch| ch.is_whitespace() || matches!(ch, ')' | '(' | '\u{200b}' | '\u{200c}'))
        })
}

/// Counts the words of a chunk (ranges of its matching key) into
/// `counts`: each word's stem, and the label of the name `cands` (the
/// tagger's final names) puts it in.
pub(crate) fn count_news(
    key: &str,
    words: &[Range<usize>],
    cands: &[Candidate],
    counts: &mut NewsCounts,
) {
    let at = word_candidates(words, cands);
    let stems: Vec<&str> = words
        .iter()
        .map(|w| split_clitic(&key[w.clone()]).1)
        .collect();
    let labels: Vec<Option<usize>> = at
        .iter()
        .map(|a| a.and_then(|(c, _)| NAME_LABELS.iter().position(|&l| l == cands[c].label)))
        .collect();
    counts.add(&stems, &labels);
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::eval::parse_conll;
    use crate::tagger::features::word_info;
    use crate::tagger::fixtures::{FINDERS, MIDDLES, pattern_conll, people, with_model};
    #[test]
    fn a_proclitic_before_the_article_goes_aside_where_the_news_writes_the_rest() {
        // (matching key, what the span starts with)
        let cases = [
            ("والاهلي", "الاهلي"),
            ("بالظهران", "الظهران"),
            ("فالقاعده", "القاعده"),
            ("وبالرياض", "الرياض"),
            // «ل» + «لأهلي»: the article's alef is not written after «ل».
            ("للاهلي", "لاهلي"),
            ("وللاهلي", "لاهلي"),
            // Only «و» before «كال»; «ك» stays with a name.
            ("وكالعراق", "كالعراق"),
            // The rest is no word the news writes: a name of its own.
            ("كاليفورنيا", "كاليفورنيا"),
            ("فالنسيا", "فالنسيا"),
            ("بالتيمور", "بالتيمور"),
        ];
        for (key, want) in cases {
            let info = word_info(key, ["-", "-", "-"], "sp", None);
            let start = span_start(&info, &(0..key.len()));
            assert_eq!(&key[start..], want, "{key}");
        }
    }

    #[test]
    fn a_name_after_lil_keeps_its_article_in_norm() {
        // «للأهلي»: the span leaves the preposition out, «لأهلي», and the
        // name is «الأهلي» (the normalised text, alef restored).
        let extractor = crate::extract::Extractor::builder().build().unwrap();
        for text in ["وقدم النادي عرضا للأهلي.", "وفاز الهلال والأهلي في المباراة."]
        {
            let club = extractor
                .extract(text)
                .into_iter()
                .find(|e| e.label == Label::Org)
                .unwrap_or_else(|| panic!("{text}: no club"));
            assert!(
                !club.text.starts_with(['و', 'ل']) || club.text == "لأهلي",
                "{text}: {club:?}"
            );
            assert_eq!(club.norm, "الاهلي", "{text}: {club:?}");
        }
    }

    #[test]
    fn a_conjunction_and_a_preposition_are_set_aside_only_before_a_name() {
        let start = |k: &str| span_start(&word_info(k, ["-", "-", "-"], "sp", None), &(0..k.len()));
        // و + «بدره» and و + «بسام»: both readings leave a name, the
        // shorter proclitic wins.
        assert_eq!(start("وبدره"), 'و'.len_utf8());
        assert_eq!(start("وبسام"), 'و'.len_utf8());
        // وب + «محمد»: only the longer reading is a name.
        assert_eq!(start("لمحمد"), 'ل'.len_utf8());
        assert_eq!(start("وبمحمد"), "وب".len());
        // A known name whole keeps its first letter.
        assert_eq!(start("وليد"), 0);
        // «ك» stays with the name («ريتر», «ريس» are name tokens): only
        // the conjunction before it goes.
        assert_eq!(start("كريتر"), 0);
        assert_eq!(start("وكريس"), 'و'.len_utf8());
        // «ف» goes only before a known name: a rare foreign name keeps it,
        // where «و» would go.
        assert_eq!(start("فرساتشي"), 0);
        assert_eq!(start("ورساتشي"), 'و'.len_utf8());
        assert_eq!(start("فمحمد"), 'ف'.len_utf8());
    }

    #[test]
    fn a_predicted_name_starts_with_its_first_word() {
        // (case, text, the person if any, a span that must not be reported).
        let cases = [
            (
                // The gazetteer reads «باراك» as ب + the Iranian town
                // «اراك»; the person starts with the word.
                "another label's match after a proclitic",
                "رفض الرئيس الأمريكي باراك أوباما مطالب الكونغرس",
                "باراك أوباما",
                "اراك",
            ),
            (
                // «يدل» (indicates) is a frequent word, no name.
                "ف before a frequent word",
                "وقال الزعيم الكوبي فيدل كاسترو إن الحصار انتهى",
                "فيدل كاسترو",
                "يدل كاسترو",
            ),
            (
                // «لي» is also a Chinese surname the name tokens hold.
                "a lone two-letter word",
                "وقال لي أحد الحضور إن الجلسة انتهت",
                "",
                "لي",
            ),
            (
                // The news writes «فرانسوا» often, «رانسوا» never.
                "ف starting a word the clusters know whole",
                "وأكد فرانسوا هولاند أن",
                "فرانسوا هولاند",
                "رانسوا هولاند",
            ),
        ];
        let extractor = crate::extract::Extractor::builder().build().unwrap();
        for (name, text, want, not) in cases {
            let ents = extractor.extract(text);
            assert!(
                want.is_empty()
                    || ents
                        .iter()
                        .any(|e| e.label == Label::Person && e.text == want),
                "case {name}: {ents:?}"
            );
            assert!(!ents.iter().any(|e| e.text == not), "case {name}: {ents:?}");
        }
    }

    #[test]
    fn a_gazetteer_person_neither_cuts_the_taggers_span_nor_stays_against_it() {
        // (text, the person, if any, and what the gazetteer alone matched).
        let cases = [
            // The tagger's span is longer than the gazetteer's «محمد» in
            // it: it stays whole, not cut to the first name.
            (
                "وأكد الرئيس النيجيري محمد بخاري أن الجيش سيواصل الحرب.",
                "محمد بخاري",
                "محمد",
            ),
            (
                "وكان الملك هنري الثامن يحرص على غسل يديه قبل الطعام.",
                "هنري الثامن",
                "هنري",
            ),
            // «لصالح» (in favour of) holds the first name «صالح», and the
            // tagger sees no person there: a one-word gazetteer person goes.
            ("وصوت النواب لصالح القرار بأغلبية كبيرة.", "", "صالح"),
        ];
        let extractor = crate::extract::Extractor::builder().build().unwrap();
        let finders = crate::extract::Extractor::builder()
            .default_model(false)
            .build()
            .unwrap();
        for (text, want, gazetteer) in cases {
            assert!(
                finders
                    .extract(text)
                    .iter()
                    .any(|e| e.label == Label::Person && e.text == gazetteer),
                "the gazetteer no longer matches {gazetteer} in {text:?}: pick another case"
            );
            let want: Vec<&str> = [want].into_iter().filter(|w| !w.is_empty()).collect();
            assert_eq!(people(&extractor, text), want, "{text:?}");
        }
    }

    #[test]
    fn a_place_inside_a_ministry_is_the_ministrys() {
        // The second pass sees «السعودية» a place on the next line; in the
        // ministry's name it is an adjective, and the ministry stays.
        let text = "أعلنت وزارة الصحة السعودية أمس تسجيل 381 إصابة جديدة.\n\
                    وقال المتحدث إن المملكة العربية السعودية تلقت اللقاحات.";
        let ents = crate::extract::Extractor::builder()
            .build()
            .unwrap()
            .extract(text);
        let ministry = ents
            .iter()
            .find(|e| e.label == Label::Org && e.text == "وزارة الصحة السعودية")
            .unwrap_or_else(|| panic!("no ministry in {ents:?}"));
        assert!(
            !ents
                .iter()
                .any(|e| e.start < ministry.end && ministry.start < e.end && e != ministry),
            "{ents:?}"
        );
    }

    #[test]
    fn a_place_the_tagger_bounds_otherwise_keeps_the_lists_id() {
        // The tagger reads «مكة» where the list has «مكة المكرمة»: whatever
        // the bounds, the place is Mecca, with its id and name.
        let extractor = crate::extract::Extractor::builder().build().unwrap();
        for text in [
            "وصل الحجاج إلى مكة المكرمة.",
            "وصل الحجاج إلى مكة المكرمة أمس لأداء العمرة.",
        ] {
            let ents = extractor.extract(text);
            let mecca = ents
                .iter()
                .find(|e| e.label == Label::Place && e.text.starts_with("مكة"))
                .unwrap_or_else(|| panic!("{text}: no Mecca in {ents:?}"));
            assert_eq!(mecca.id.as_deref(), Some("Q5806"), "{text}: {mecca:?}");
            assert_eq!(mecca.norm, "مكة المكرمة", "{text}: {mecca:?}");
        }
    }

    #[test]
    fn a_span_the_tagger_takes_beyond_a_listed_name_is_not_that_entry() {
        // «مانشستر» and «مجلس الأمن» are listed (Manchester, the Security
        // Council); the tagger's longer spans are a club and a national
        // security council: no id of the shorter name, no norm of it.
        let extractor = crate::extract::Extractor::builder().build().unwrap();
        for (text, span) in [
            (
                "انتقل الشاب الواعد رحيم سترلينغ إلى مانشستر سيتي في صفقة ضخمة.",
                "مانشستر سيتي",
            ),
            (
                "وقال المتحدث باسم مجلس الامن القومي إن وضع بولارد ستحدده لجنة.",
                "مجلس الامن القومي",
            ),
        ] {
            let ents = extractor.extract(text);
            let e = ents
                .iter()
                .find(|e| e.text == span)
                .unwrap_or_else(|| panic!("{text}: no {span} in {ents:?}"));
            assert_eq!((e.id.as_deref(), e.link), (None, None), "{text}: {e:?}");
            assert_eq!(e.norm, span, "{text}: {e:?}");
        }
    }

    #[test]
    fn a_function_word_is_no_name() {
        // A tagger whose gold data calls «منذ» and «بعد» people (as a
        // tagger may come to call «سنة», year, an organisation): a
        // function word, bare or after a proclitic, is still no name.
        let mut conll = pattern_conll();
        for (n, word) in ["منذ", "بعد"].iter().cycle().take(12).enumerate() {
            let middle = MIDDLES[n % MIDDLES.len()].replace(' ', " O\n");
            conll.push_str(&format!(
                "كتب O\n{word} B-PERS\nرسالة O\nتقول O\nإن O\n{middle} O\nفي O\nبرقاش B-LOC\n. O\n\n"
            ));
        }
        let gold = parse_conll(&conll, "function.conll").unwrap();
        let extractor = with_model(FINDERS.train(&gold, 10));
        for (word, person) in [
            ("منذ", false),
            ("ومنذ", false),
            ("بعد", false),
            ("زرنوخ", true),
        ] {
            let text = format!("كتب {word} رسالة تقول إن الوفد وصل أمس في برقاش .");
            let people: Vec<String> = extractor
                .extract(&text)
                .into_iter()
                .filter(|e| e.label == Label::Person)
                .map(|e| e.text)
                .collect();
            assert_eq!(people == [word], person, "{text}: {people:?}");
        }
    }

    #[test]
    fn a_currency_after_an_amount_or_alone_is_no_name() {
        let extractor = crate::extract::Extractor::builder().build().unwrap();
        let names = |text: &str| -> Vec<(Label, String)> {
            extractor
                .extract(text)
                .into_iter()
                .filter(|e| NAME_LABELS.contains(&e.label))
                .map(|e| (e.label, e.text))
                .collect()
        };
        // Riyals after an amount, in words or digits, in brackets or not.
        for text in [
            "وبلغت الواردات العام الماضي 26.4 مليار ريال وفق التقرير.",
            "ارتفعت أسعار التأمين إلى (1300) ريال بعد أن كانت أقل.",
            "وتتجاوز استثمارات القطاع نحو تريليوني ريال هذا العام.",
        ] {
            assert!(
                names(text).iter().all(|(_, t)| t != "ريال"),
                "{text}: {:?}",
                names(text)
            );
        }
        // Nor is a currency alone a place: «منطقة اليورو» is the eurozone.
        for text in [
            "والاقتصادات الأخرى الطرفية في منطقة اليورو (مثل إسبانيا والبرتغال) والأسواق الناشئة.",
            "تكون قادرة على استعادة مكانتها كعضو كامل في منطقة اليورو.",
        ] {
            assert!(
                names(text).iter().all(|(_, t)| t != "اليورو"),
                "{text}: {:?}",
                names(text)
            );
        }
        // Real Madrid, with no amount before it, stays what the tagger says.
        assert!(
            names("وفاز ريال مدريد على برشلونة في الدوري.")
                .iter()
                .any(|(label, t)| *label == Label::Org && t.starts_with("ريال")),
            "{:?}",
            names("وفاز ريال مدريد على برشلونة في الدوري.")
        );
    }

    #[test]
    fn a_frequent_word_is_no_proclitic_and_name() {
        // «وكيل» (deputy) is no و + «كيل» (Kiel), «فريد» (unique; Fred,
        // Farid) no ف + «ريد», «فارسي» (Persian) no ف + «ارسي»; «فريد
        // الأطرش» is Farid whole, and «والعراق» is still و + Iraq.
        let extractor = crate::extract::Extractor::builder().build().unwrap();
        // (text, names it must give, pieces it must not)
        let cases: [(&str, &[&str], &[&str]); 4] = [
            (
                "وأفاد الدكتور توفيق السديري وكيل الوزارة لشؤون المساجد.",
                &["توفيق السديري"],
                &["كيل"],
            ),
            ("وقد برع الرجل في هذا بشكل فريد، ولكنه خسر.", &[], &["ريد"]),
            (
                "وقال الفنان فريد الأطرش إن الأغنية جديدة.",
                &["فريد الأطرش"],
                &["ريد الأطرش", "ريد"],
            ),
            (
                "كشف عن احتمالية كون الرحالة فارسي الأصل، وزار مصر والعراق.",
                &["مصر", "العراق"],
                &["ارسي"],
            ),
        ];
        for (text, want, never) in cases {
            let got: Vec<String> = extractor
                .extract(text)
                .into_iter()
                .filter(|e| NAME_LABELS.contains(&e.label))
                .map(|e| e.text)
                .collect();
            for w in want {
                assert!(got.iter().any(|g| g == w), "{text}: no {w} in {got:?}");
            }
            for n in never {
                assert!(!got.iter().any(|g| g == n), "{text}: {n} in {got:?}");
            }
        }
    }

    #[test]
    fn good_in_a_set_phrase_is_no_first_name() {
        // «حسن» is a first name and the adjective "good": «حسن الجوار»
        // (good neighbourliness), «حسن النية» (good faith) are no people,
        // whether a rule or the tagger would take them.
        let extractor = crate::extract::Extractor::builder().build().unwrap();
        for text in [
            "وفقا لمبادئ حسن الجوار وعدم التدخل في الشؤون الداخلية.",
            "أكد الوزير على حسن الجوار بين البلدين.",
            "أظهر الطرفان حسن النية في المفاوضات.",
        ] {
            assert_eq!(people(&extractor, text), Vec::<String>::new(), "{text}");
        }
        assert_eq!(
            people(&extractor, "وقال حسن الزهراني إن الفريق جاهز."),
            ["حسن الزهراني"]
        );
        assert!(good_phrase("حسن", "الجوار"));
        assert!(!good_phrase("حسن", "الزهراني"));
        assert!(!good_phrase("حسين", "الجوار"));
    }

    #[test]
    fn after_number_reads_only_spaces_and_brackets_between() {
        let number = |range: Range<usize>| Candidate::new(range, Label::Number, Source::Pattern);
        // A key, and the numbers in it as the grammars read them.
        let key = "دفع 300 ريال و(40) ريال و40 ثم ريال";
        let at = |s: &str, nth: usize| key.match_indices(s).nth(nth).unwrap().0;
        let word = |nth: usize| at("ريال", nth)..at("ريال", nth) + "ريال".len();
        let n300 = at("300", 0)..at("300", 0) + 3;
        let n40 = at("40", 0)..at("40", 0) + 2;
        let n40b = at("40", 1)..at("40", 1) + 2;
        let cands = [number(n300), number(n40), number(n40b)];
        assert!(after_number(key, &cands, &word(0)));
        assert!(after_number(key, &cands, &word(1)));
        // A word between the number and the currency.
        assert!(!after_number(key, &cands, &word(2)));
        // No number at all.
        assert!(!after_number(key, &[], &word(0)));
    }
}
