//! Organisations: a head noun (وزارة، وكالة، مجلس، هيئة, …) and the words
//! with the article after it; an institution or club head before a known
//! place («جامعة كامبريدج», «دينامو كييف»); and the places that name a
//! team or an outlet («فريق ليون», «ليون الفرنسي»), which [`super::find`]
//! relabels ORG.
//!
//! In: the chunk's [`Words`], the gazetteer's candidates and
//! its matcher (a nationality adjective's country). Out: ORG candidates,
//! `source: rule`, stopping at a preposition («وزارة الدفاع في أوكرانيا» is
//! ORG + PLACE).

use std::ops::Range;

use super::{Gap, Words, push};
use crate::doc::{Candidate, Label, Source};
use crate::gazetteer::{Lookup, Matcher};
use crate::hash::FastSet;
use crate::vocab::lists::{CLUB_HEADS, INSTITUTION_HEADS, ORG_HEADS, TEAM_NOUNS};
use crate::vocab::{CLITICS, bit};

/// The word after `key` once a proclitic of [`CLITICS`] (or none) is set
/// aside, if it is in `set`, with the proclitic's byte length.
fn head_in(key: &str, set: &FastSet<String>) -> Option<usize> {
    if set.contains(key) {
        return Some(0);
    }
    CLITICS
        .iter()
        .rev()
        .find(|c| key.strip_prefix(**c).is_some_and(|r| set.contains(r)))
        .map(|c| c.len())
}

/// The words after a head that still belong to the organisation: words
/// with the article, up to `max_end`, not a function word, not a gazetteer
/// organisation. Returns the index after the last one.
fn article_words(w: &Words<'_>, mut j: usize, max_end: usize) -> usize {
    while j < w.len() && j < max_end && w.gap(j) == Gap::Space {
        let k = w.key(j);
        if !k.starts_with("ال") || w.is_function(j) {
            break;
        }
        // A gazetteer place that is not an adjective ends the name
        // unless it is the organisation's own (جامعة القاهرة).
        if let Some((Label::Org, _)) = w.gaz[j] {
            break;
        }
        j += 1;
    }
    j
}

/// Whether only spaces and quotation marks stand between word `i` and the
/// next.
fn only_spaces_or_quotes(w: &Words<'_>, i: usize) -> bool {
    w.chunk.key[w.words[i].range.end..w.words[i + 1].range.start]
        .chars()
        .all(|c| {
            (c.is_whitespace() && c != '\n') || matches!(c, '"' | '«' | '»' | '“' | '”' | '\'')
        })
}

/// The gazetteer places named as the city of a team: the index of the word
/// each starts in («فريق ليون» → ليون). [`find`](super::find) relabels them ORG.
pub(super) fn team_places(w: &Words<'_>) -> Vec<usize> {
    (0..w.len().saturating_sub(1))
        .filter(|&i| {
            w.has(i, bit::PLACE_ORG_C)
                && head_in(w.key(i), &TEAM_NOUNS).is_some()
                && only_spaces_or_quotes(w, i)
                && matches!(w.gaz[i + 1], Some((Label::Place, _)))
                && w.gaz_bare[i + 1]
        })
        .map(|i| i + 1)
        .collect()
}

/// The gazetteer places followed by a masculine nationality adjective,
/// as their ranges. A city is feminine in Arabic («ليون الفرنسية» is the
/// city); a masculine adjective agrees with the club, the نادي or فريق
/// left unsaid: «حقق ليون الفرنسي فوزه», «تعادل مع ميلان الإيطالي», «قطر
/// القطري» (the club Qatar SC). Where both the place and the adjective's
/// country are known, they must agree: in «مدافع مانشستر الإيرلندي» the
/// adjective is the defender's. [`find`](super::find) relabels them ORG.
pub(super) fn club_places(
    w: &Words<'_>,
    cands: &[Candidate],
    matcher: &Matcher,
) -> Vec<Range<usize>> {
    cands
        .iter()
        .filter(|c| {
            c.label == Label::Place && matches!(c.source, Source::Gazetteer | Source::Variant)
        })
        .filter_map(|c| {
            let j = w.words.partition_point(|x| x.range.start < c.range.end);
            if j >= w.len() || w.gap(j) != Gap::Space {
                return None;
            }
            let country = nationality_masculine(w.key(j), matcher)?;
            let own = matcher
                .lookup(&w.chunk.text[c.range.clone()])
                .and_then(|l| l.entry.attr("cc"));
            match (country, own) {
                (Some(a), Some(b)) if a != b => None,
                _ => Some(c.range.clone()),
            }
        })
        .collect()
}

/// If a word (matching key) is a masculine nationality adjective, the
/// country code of its place (`Some(None)` if the entry has none): ال and
/// a nisba ي on a known place, with or without its article or final ا or
/// يا (الفرنسي ← فرنسا, الإيطالي ← إيطاليا, العراقي ← العراق, القطري ←
/// قطر). Asked only after a gazetteer place.
fn nationality_masculine<'m>(k: &str, matcher: &'m Matcher) -> Option<Option<&'m str>> {
    let stem = k.strip_prefix("ال")?.strip_suffix('ي')?;
    if stem.chars().count() < 3 || stem.ends_with('ي') {
        return None;
    }
    [
        stem.to_owned(),
        format!("{stem}ا"),
        format!("{stem}يا"),
        format!("ال{stem}"),
    ]
    .iter()
    .find_map(|s| match matcher.lookup(s) {
        Some(Lookup { entry, via, .. }) if via.is_listed() && entry.label == Label::Place => {
            Some(entry.attr("cc"))
        }
        _ => None,
    })
}

pub(super) fn organisations(w: &Words<'_>, out: &mut Vec<Candidate>) {
    let mut i = 0;
    while i < w.len() {
        // A head with a known place: «جامعة كامبريدج», «دينامو كييف».
        if w.has(i, bit::PLACE_ORG_C)
            && let Some((clitic, extends)) = head_in(w.key(i), &INSTITUTION_HEADS)
                .map(|c| (c, true))
                .or_else(|| head_in(w.key(i), &CLUB_HEADS).map(|c| (c, false)))
            && i + 1 < w.len()
            && w.gap(i + 1) == Gap::Space
            && let Some((Label::Place, after)) = w.gaz[i + 1]
            && w.gaz_bare[i + 1]
            && w.gaz[i].is_none()
        {
            let j = if extends {
                article_words(w, after, after + 2)
            } else {
                after
            };
            push(
                out,
                w.words[i].range.start + clitic..w.words[j - 1].range.end,
                Label::Org,
            );
            i = j;
            continue;
        }
        if !w.has(i, bit::ORG_HEAD_C) {
            i += 1;
            continue;
        }
        let k = w.key(i);
        let clitic = if ORG_HEADS.contains(k) {
            Some(0)
        } else {
            CLITICS
                .iter()
                .rev()
                .find(|c| k.strip_prefix(**c).is_some_and(|r| ORG_HEADS.contains(r)))
                .map(|c| c.len())
        };
        let Some(clitic) = clitic else {
            i += 1;
            continue;
        };
        let j = article_words(w, i + 1, i + 4);
        if j > i + 1 && w.gaz[i].is_none() {
            push(
                out,
                w.words[i].range.start + clitic..w.words[j - 1].range.end,
                Label::Org,
            );
            i = j;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extractor_with;
    use crate::rules::tests::{check, found, has};

    #[test]
    fn organisations_are_not_places() {
        type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
        let cases: &[Case] = &[
            (
                "ministry with nationality",
                "قالت وزارة الخارجية الفرنسية",
                &[("ORG", "وزارة الخارجية الفرنسية")],
            ),
            (
                "ministry in a country",
                "قالت وزارة الدفاع في أوكرانيا",
                &[("ORG", "وزارة الدفاع"), ("PLACE", "أوكرانيا")],
            ),
            (
                "saudi ministry",
                "أعلنت وزارة الصحة السعودية",
                &[("ORG", "وزارة الصحة السعودية")],
            ),
            (
                "news agency",
                "ذكرت وكالة الأنباء الألمانية",
                &[("ORG", "وكالة الأنباء الألمانية")],
            ),
            (
                "ukrainian ministry",
                "وأعلنت وزارة الدفاع الأوكرانية",
                &[("ORG", "وزارة الدفاع الأوكرانية")],
            ),
        ];
        for (name, text, want) in cases {
            let got = found(text);
            for (label, span) in *want {
                assert!(has(text, label, span), "case {name}: {got:?}");
            }
            assert!(
                !got.iter().any(|(l, t, _)| l == "PLACE" && t == "السعودية"),
                "case {name}: {got:?}"
            );
        }
    }

    #[test]
    fn organisations_named_after_a_place() {
        check(&[
            (
                "university",
                "درس في جامعة كامبريدج",
                &[("ORG", "جامعة كامبريدج")],
                &["كامبريدج"],
            ),
            (
                "bank with adjective",
                "قال مصرف قطر المركزي",
                &[("ORG", "مصرف قطر المركزي")],
                &["قطر"],
            ),
            (
                "club prefix",
                "فاز دينامو كييف الأوكراني",
                &[("ORG", "دينامو كييف")],
                &["كييف", "دينامو كييف الأوكراني"],
            ),
            (
                "club after a proclitic",
                "خسر أمام وستيوا بوخارست",
                &[("ORG", "ستيوا بوخارست")],
                &["بوخارست"],
            ),
            (
                "armed wing",
                "أعلنت سرايا القدس",
                &[("ORG", "سرايا القدس")],
                &["القدس"],
            ),
            (
                "team noun stays outside",
                "لعب فريق ليون أمس",
                &[("ORG", "ليون")],
                &["فريق ليون"],
            ),
            (
                "newspaper in quotes",
                "نشرت صحيفة \"الشرق الأوسط\" أمس",
                &[("ORG", "الشرق الأوسط")],
                &[],
            ),
            (
                "the region stays a place",
                "السلام في الشرق الأوسط",
                &[("PLACE", "الشرق الأوسط")],
                &[],
            ),
            (
                "riyal is money",
                "دفع مليون ريال في الرياض",
                &[("PLACE", "الرياض")],
                &["ريال في الرياض"],
            ),
            (
                "a proclitic on the place: not the bank's name",
                "افتتح بنك للعيون في القاهرة",
                &[("PLACE", "القاهرة")],
                &["بنك للعيون"],
            ),
        ]);
    }

    #[test]
    fn clubs_named_after_their_city() {
        check(&[
            (
                "club",
                "حقق ليون الفرنسي فوزه الثاني",
                &[("ORG", "ليون")],
                &[],
            ),
            (
                "club after a conjunction",
                "مانشستر يونايتد وليون الفرنسي",
                &[("ORG", "ليون")],
                &[],
            ),
            (
                "club named after its country",
                "تعادل قطر القطري",
                &[("ORG", "قطر")],
                &[],
            ),
            ("guest", "فاز على ضيفه بورتو", &[("ORG", "بورتو")], &[]),
            ("city", "في ليون الفرنسية", &[("PLACE", "ليون")], &[]),
            (
                "another country's adjective",
                "كان مدافع مانشستر الإيرلندي",
                &[("PLACE", "مانشستر")],
                &[],
            ),
            (
                "not a nationality",
                "في مطار دبي الدولي",
                &[("PLACE", "دبي")],
                &[],
            ),
        ]);
    }

    #[test]
    fn a_correspondent_works_for_an_outlet() {
        // «الجزيرة» "the island" as a place, as ANERcorp's names list it.
        let ex = extractor_with("t:1\tPLACE\tالجزيرة\t\t\n");
        let got: Vec<(Label, String)> = ex
            .extract("وقال مراسل الجزيرة في موسكو")
            .into_iter()
            .map(|e| (e.label, e.text))
            .collect();
        assert_eq!(
            got,
            [
                (Label::Org, "الجزيرة".to_owned()),
                (Label::Place, "موسكو".to_owned())
            ]
        );
    }
}
