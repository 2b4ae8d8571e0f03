//! What the tagger's tests share: a small gold set of made-up names that
//! only their context tells apart, the finders without a model, models
//! trained on the gold set (one pass, and two from four-line documents),
//! and helpers that read what the whole pipeline finds with a model.

use std::sync::LazyLock;

use super::Model;
use crate::doc::{Entity, Label, Source};
use crate::eval::{GoldDoc, parse_conll};
use crate::extract::{Extractor, extractor_with};
use crate::tagger::NAME_LABELS;

/// An unseen sentence and the names the trained tagger must give.
pub(super) type LearnCase = (&'static str, &'static [(Label, &'static str, Source)]);

// Tag numbers, as `TAGS` and `NAME_LABELS` lay them out.
pub(super) const O: usize = 0;

pub(super) const B_PER: usize = 1;

pub(super) const I_PER: usize = 2;

pub(super) const B_LOC: usize = 3;

pub(super) const I_LOC: usize = 4;

pub(super) const B_ORG: usize = 5;

pub(super) const I_ORG: usize = 6;

/// Made-up names, in no gazetteer or lexicon: the tagger can only learn
/// them from their context («كتب» before a person, «في» before a place).
/// Not «قال»: a rule already takes the word after it for a name.
pub(super) const PEOPLE: [&str; 24] = [
    "زرنوخ",
    "قمطار",
    "دلبوش",
    "سنفار",
    "طرموز",
    "خلنبيق",
    "شمردل",
    "برقعان",
    "فنطوس",
    "جلمود",
    "كحلبان",
    "زعنفيل",
    "هدلوش",
    "صنبور",
    "مرطاخ",
    "قلنسان",
    "دحبور",
    "شنطوف",
    "غرنوق",
    "ضمبال",
    "نطفوش",
    "خربوط",
    "سلطوم",
    "زمهران",
];

/// Made-up places, and a few the gazetteer knows: the tagger learns to
/// keep the gazetteer's places too.
pub(super) const PLACES: [&str; 24] = [
    "برقاش",
    "طلمسان",
    "زنطاح",
    "الرياض",
    "دوفلان",
    "شنقوط",
    "مرزوخ",
    "بغداد",
    "حلموط",
    "بطنوس",
    "سرغان",
    "الخرطوم",
    "جرموق",
    "نقطال",
    "ودحان",
    "دمشق",
    "صلبوخ",
    "عفطوس",
    "زلفان",
    "الجزائر",
    "رقطون",
    "تلمعان",
    "دغموس",
    "شرنباط",
];

pub(super) const MIDDLES: [&str; 6] = [
    "الاجتماع انتهى",
    "الوفد وصل أمس",
    "المفاوضات استمرت طويلا",
    "السوق مزدحمة",
    "الطقس كان باردا",
    "الناس ينتظرون",
];

/// The gold set: «كتب PERSON رسالة تقول إن … في PLACE .», one sentence
/// each.
pub(super) fn pattern_conll() -> String {
    let mut out = String::new();
    for (i, (person, place)) in PEOPLE.iter().zip(PLACES).enumerate() {
        out.push_str(&format!("كتب O\n{person} B-PERS\nرسالة O\nتقول O\nإن O\n"));
        for w in MIDDLES[i % MIDDLES.len()].split(' ') {
            out.push_str(&format!("{w} O\n"));
        }
        out.push_str(&format!("في O\n{place} B-LOC\n. O\n\n"));
    }
    out
}

pub(super) fn gold() -> Vec<GoldDoc> {
    parse_conll(&pattern_conll(), "pattern.conll").unwrap()
}

/// The finders without a model, shared: building the matchers is the
/// slow part.
pub(super) static FINDERS: LazyLock<Extractor> = LazyLock::new(|| extractor_with(""));

/// The model trained on [`gold`], shared.
pub(super) static TRAINED: LazyLock<Model> = LazyLock::new(|| FINDERS.train(&gold(), 10));

pub(super) fn with_model(model: Model) -> Extractor {
    Extractor::builder()
        .default_model(false)
        .model(model)
        .build()
        .unwrap()
}

/// Sentences of the pattern with names seen in training and not.
pub(super) const PROBES: [&str; 4] = [
    "كتب زرنوخ رسالة تقول إن الاجتماع انتهى في برقاش .",
    "كتب كرمشون رسالة تقول إن الحديث طال في دوبلاط .",
    "وزار الوزير القاهرة أمس.",
    "كتب هلبوز رسالة تقول إن الطقس كان باردا في سنطوح .\nكتب مرتلان رسالة في قرطاس .",
];

#[test]
fn the_gold_set_has_one_person_and_one_place_a_sentence() {
    let docs = gold();
    assert_eq!(docs.len(), PEOPLE.len());
    for d in &docs {
        let labels: Vec<Label> = d.spans.iter().map(|s| s.label).collect();
        assert_eq!(labels, [Label::Person, Label::Place], "{}", d.text);
    }
}

/// A model with a second pass: [`gold`] in documents of four lines.
pub(super) static TWO_PASSES: LazyLock<Model> = LazyLock::new(|| {
    FINDERS.train(
        &crate::eval::group(gold(), crate::eval::Grouping::Every(4)),
        10,
    )
});

/// The people `extractor` finds in `text`.
pub(super) fn people(extractor: &Extractor, text: &str) -> Vec<String> {
    extractor
        .extract(text)
        .into_iter()
        .filter(|e| e.label == Label::Person)
        .map(|e| e.text)
        .collect()
}

/// The code-point slice `start..end` of `text`.
pub(super) fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

pub(super) fn names(ents: &[Entity]) -> Vec<(Label, &str, Source)> {
    ents.iter()
        .filter(|e| NAME_LABELS.contains(&e.label))
        .map(|e| (e.label, e.text.as_str(), e.source))
        .collect()
}

/// News for [`news_tells_what_the_context_cannot`]: the gold pattern
/// with the training names and two new ones, three times over.
pub(super) fn news_text() -> String {
    let mut out = String::new();
    for middle in &MIDDLES[..3] {
        for (person, place) in PEOPLE.into_iter().zip(PLACES).chain([("كرمشون", "دوبلاط")])
        {
            out.push_str(&format!(
                "كتب {person} رسالة تقول إن {middle} في {place} .\n"
            ));
        }
    }
    out
}
