//! Where a name must end, whatever found it: at a bidi embedding, override
//! or isolate control in the original text (a writer's mark that a
//! differently-directed run starts or ends there), and where the words
//! change script between Arabic and Latin («أنطونيو غوتيريش lasted»: the
//! English word after the name is no part of it; «Gazprom وMicrosoft»:
//! nor is an Arabic word after a Latin name).
//!
//! In: a chunk's resolved candidates, its words, the normalised text and the
//! original. Out: the same candidates, a person, place or organisation that
//! the context rules or the tagger grew word by word cut back to the words
//! before its first break (its `norm` and `id` then describe the words
//! kept). Gazetteer and variant names are spellings of their entries and
//! stay whole.
//!
//! Words without a script of their own ride along: digits and letters
//! mixed («A380», «MT6795T») and Roman numerals («جورج V», «إدوارد VIII»).
//! The normaliser removes the bidi controls, so they are looked for in the
//! original text between two words.

use std::ops::Range;

use super::{Candidate, Label, Source};
use crate::doc::is_alphabetic;
use crate::normalize::Normalized;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Arabic,
    Latin,
}

/// (`doc::is_alphabetic` is `char::is_alphabetic` without the search of
/// the Unicode tables for Arabic letters.)
fn script(c: char) -> Option<Script> {
    match c {
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}' => Some(Script::Arabic).filter(|_| is_alphabetic(c)),
        'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' => {
            Some(Script::Latin).filter(|_| is_alphabetic(c))
        }
        _ => None,
    }
}

/// The scripts of a word's first and last letters, or `None` for a word
/// that has no script of its own (digits in it, a Roman numeral).
fn ends(word: &str) -> Option<(Script, Script)> {
    let roman = word.len() <= 6 && word.bytes().all(|b| b"IVXLCDM".contains(&b));
    if roman || word.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let first = word.chars().find_map(script)?;
    let last = word.chars().rev().find_map(script)?;
    Some((first, last))
}

/// A bidi embedding, override or isolate control (U+202A–U+202E LRE, RLE,
/// PDF, LRO, RLO; U+2066–U+2069 LRI, RLI, FSI, PDI).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Cuts the names of `cands` at their first break (module docs).
pub(crate) fn cut_names(
    original: &str,
    normalized: &Normalized,
    words: &[Range<usize>],
    cands: &mut [Candidate],
) {
    let text = normalized.text();
    for c in cands.iter_mut() {
        if !matches!(c.label, Label::Person | Label::Place | Label::Org)
            || !matches!(c.source, Source::Rule | Source::Model)
        {
            continue;
        }
        let from = words.partition_point(|w| w.start < c.range.start);
        let inside = words[from..]
            .iter()
            .take_while(|w| w.end <= c.range.end)
            .collect::<Vec<_>>();
        // The script of the span so far (the last letter of its last word
        // with one).
        let mut so_far = None;
        for (i, w) in inside.iter().enumerate() {
            let ends = ends(&text[(*w).clone()]);
            let cut = i > 0 && {
                let gap = normalized.source_range(inside[i - 1].clone()).end
                    ..normalized.source_range((*w).clone()).start;
                original
                    .get(gap)
                    .is_some_and(|g| g.chars().any(is_bidi_control))
                    || matches!((so_far, ends), (Some(s), Some((first, _))) if s != first)
            };
            if cut {
                c.range.end = inside[i - 1].end;
                c.norm = None;
                c.id = None;
                c.link = None;
                break;
            }
            if let Some((_, last)) = ends {
                so_far = Some(last);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::words_into;
    use crate::normalize::Normalizer;

    /// The span of `cand` in `original` after cutting.
    fn cut(original: &str, cand: &str, source: Source) -> String {
        let normalized = Normalizer::default().normalize(original);
        let text = normalized.text();
        let at = text.find(cand).expect("the candidate is in the text");
        let mut words = Vec::new();
        words_into(text, &mut words);
        let mut cands = [Candidate::new(at..at + cand.len(), Label::Person, source)];
        cut_names(original, &normalized, &words, &mut cands);
        original[normalized.source_range(cands[0].range.clone())].to_owned()
    }

    #[test]
    fn names_end_at_breaks() {
        let m = Source::Model;
        for (name, original, cand, kept) in [
            (
                "latin after arabic",
                "قال انطونيو غوتيريش lasted",
                "انطونيو غوتيريش lasted",
                "انطونيو غوتيريش",
            ),
            (
                "arabic after latin, clitic and all",
                "شركة Gazprom وMicrosoft",
                "Gazprom وMicrosoft",
                "Gazprom",
            ),
            (
                "a bidi isolate",
                "قال \u{2067}انطونيو\u{2069} \u{2067}غوتيريش\u{2069}",
                "انطونيو غوتيريش",
                "انطونيو",
            ),
            (
                "a pop directional formatting",
                "\u{202B}محمد\u{202C} علي",
                "محمد علي",
                "محمد",
            ),
            ("a roman numeral", "الملك جورج V قال", "جورج V", "جورج V"),
            (
                "a model number",
                "طائرة ايرباص A380 الجديدة",
                "ايرباص A380",
                "ايرباص A380",
            ),
            (
                "a latin word after a numeral",
                "جورج V Smith",
                "جورج V Smith",
                "جورج V",
            ),
            ("one script", "قال محمد علي", "محمد علي", "محمد علي"),
        ] {
            assert_eq!(cut(original, cand, m), kept, "{name}");
        }
        // A gazetteer spelling is its entry's: left whole.
        assert_eq!(
            cut(
                "قال انطونيو غوتيريش lasted",
                "انطونيو غوتيريش lasted",
                Source::Gazetteer
            ),
            "انطونيو غوتيريش lasted"
        );
    }
}
