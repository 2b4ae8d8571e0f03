//! Places: a place noun (مدينة، بلدة، قرية، إقليم، محافظة، ولاية, plurals)
//! then a rare word, and after a plural the coordinated list that follows
//! («مدن باخموت وسوليدار»).
//!
//! In: the chunk's [`Words`]. Out: PLACE candidates, `source:
//! rule`, each one or two rare words the lexicons do not know as common or
//! function words.

use super::{Gap, Words, is_adjective, push, starts_with_digit};
use crate::doc::{Candidate, Label};
use crate::vocab::shape::inflected_noun;
use crate::vocab::{COLLISIONS, bit, has};

pub(super) fn places(w: &Words<'_>, out: &mut Vec<Candidate>) {
    for i in 0..w.len() {
        let plural = w.has(i, bit::PLACE_PLURAL_C);
        let generic = w.has(i, bit::GENERIC_C);
        let singular = plural || w.has(i, bit::PLACE_NOUN_C);
        if !singular {
            continue;
        }
        let mut j = i + 1;
        if j < w.len() && w.gap(j) == Gap::Space && w.has(j, bit::PLACE_NOUN_ARTICLE) {
            // «عاصمة الإقليم X»
            j += 1;
        }
        let mut first = true;
        while j < w.len() && (w.gap(j) == Gap::Space || !first && w.gap(j) == Gap::Comma) {
            let (clitic, ok) = if first {
                (0, true)
            } else if w.key(j).starts_with('و') {
                ("و".len(), true)
            } else {
                (0, w.gap(j) == Gap::Comma)
            };
            if !ok {
                break;
            }
            let end = match w.gaz[j] {
                Some((Label::Place, after)) => Some(after),
                Some(_) => None,
                None if generic && w.key(j).ends_with('ه') => None,
                None => place_name(w, j, clitic).inspect(|&e| {
                    push(
                        out,
                        w.words[j].range.start + clitic..w.words[e - 1].range.end,
                        Label::Place,
                    );
                }),
            };
            let Some(end) = end else { break };
            if !plural {
                break;
            }
            j = end;
            first = false;
        }
    }
}

/// A place name at word `i` (after `clitic` bytes): one rare word, and a
/// second one if rare too («معرة النعمان»). Returns the end word.
fn place_name(w: &Words<'_>, i: usize, clitic: usize) -> Option<usize> {
    let rare = |j: usize, c: usize| {
        let k = &w.key(j)[c..];
        !k.is_empty()
            && !has(k, bit::COMMON | bit::FUNCTION)
            && !COLLISIONS.contains(&&w.text(j)[c..])
            && !starts_with_digit(k)
            && !is_adjective(k)
            && k.chars().count() >= 3
            && (!has(k, bit::FIRST) || k.starts_with("ال"))
            && !inflected_noun(k)
            && !has(k, bit::PLACE_NOUN | bit::PLACE_PLURAL)
    };
    if !rare(i, clitic) {
        return None;
    }
    let mut e = i + 1;
    if e < w.len() && w.gap(e) == Gap::Space && w.gaz[e].is_none() && rare(e, 0) {
        let k = w.key(e);
        // A second rare word joins unless it starts a coordination or is a
        // feminine adjective (منطقة X عازلة).
        if !k.starts_with('و') && !k.ends_with('ه') {
            e += 1;
        }
    }
    Some(e)
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::{found, has};

    #[test]
    fn places_after_place_nouns() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("city", "سيطرت القوات على مدينة باخموتسك", &["باخموتسك"]),
            (
                "list of cities",
                "في مدن باخموتكا وسوليداريف وكراماتوركا",
                &["باخموتكا", "سوليداريف", "كراماتوركا"],
            ),
            (
                "list of towns",
                "قصفت بلدات كفرسجنة ومعرشمشة النعمان وتلمنسيه",
                &["كفرسجنة", "معرشمشة النعمان", "تلمنسيه"],
            ),
            (
                "capital of the province",
                "في عاصمة الإقليم زاركاندويا",
                &["زاركاندويا"],
            ),
            ("with a clitic", "وصل إلى بلدة زاخيدني", &["زاخيدني"]),
        ];
        for (name, text, want) in cases {
            for span in *want {
                assert!(
                    has(text, "PLACE", span),
                    "case {name}, {span}: {:?}",
                    found(text)
                );
            }
            let rule = found(text)
                .into_iter()
                .filter(|(l, _, s)| l == "PLACE" && s == "rule")
                .count();
            assert!(rule >= 1, "case {name}: {:?}", found(text));
        }
        // Conservative: common words after a place noun are not places.
        for text in ["في مدينة كبيرة", "منطقة عسكرية", "قرية صغيرة", "مدن أخرى"]
        {
            assert!(
                !found(text).iter().any(|(l, _, _)| l == "PLACE"),
                "{text}: {:?}",
                found(text)
            );
        }
    }
}
