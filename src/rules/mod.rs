//! Context rules: people, places and organisations the gazetteers do not
//! list.
//!
//! In: a [`Chunk`] and the candidates the gazetteer has already found. Out:
//! more PERSON, PLACE and ORG candidates with `source: rule`, ranges in
//! normalised-text bytes; [`crate::doc::resolve`] later keeps the leftmost
//! longest of them all.
//!
//! Rules, all on the matching key, word by word:
//! - **titles**: a title or role (الرئيس، وزير الخارجية، المتحدث باسم …)
//!   then, within a few words of modifiers (nationality adjectives, the
//!   ministry or body, gazetteer places and organisations) and an optional
//!   apposition comma, a name: «وزير الخارجية الفرنسي، جان إيف لودريان»;
//! - **nationality nouns**: a nationality adjective with the article not
//!   after a definite noun, then a name: «تعرض الفرنسي سيباستيان لوب»;
//! - **reporting verbs** (قال، أكد، أعلن، أضاف، أوضح, …) followed by a
//!   known name token;
//! - **first names**: a first name from the lexicons followed by one to
//!   three name tokens (lexicon tokens, surname endings ـوف/ـيف/ـيان/ـسكي,
//!   rare nisba surnames with ال, particles بن، بنت، أبو، عبد، آل);
//! - **surname endings** alone: a rare word ending in ـوف، ـيف، ـيان;
//!   and a lone name token the news rarely writes as another word;
//! - **places**: a place noun (مدينة، بلدة، قرية، إقليم، محافظة، منطقة،
//!   ولاية، العاصمة، عاصمة الإقليم, plurals) then a rare word, and for the
//!   plurals the coordinated list after it («مدن باخموت وسوليدار»);
//! - **organisations**: a head noun (وزارة، وكالة، مجلس، هيئة, …) then one
//!   to three words with the article, a nationality adjective included
//!   («وزارة الصحة السعودية»), stopping at a preposition («وزارة الدفاع في
//!   أوكرانيا» is ORG + PLACE).
//! - **clubs**: a gazetteer place right after a team or media noun («فريق
//!   ليون», «قناة الجزيرة»), or followed by a masculine nationality
//!   adjective of its own country («ليون الفرنسي»: a city is feminine), is
//!   the club or outlet: ORG.
//!
//! A name never runs over a common word, a function word, a verb or
//! punctuation: a word list from the news corpus (`common-words.txt`) ends
//! it, unless the word is a name token. Rules prefer precision: a place
//! needs a place noun and a word the corpus rarely uses.
//!
//! The word lists the rules read (titles, verbs, place nouns, heads, name
//! lexicons) are in [`crate::vocab`], shared with the tagger and linking;
//! the lexicons are derived by `gazetteers/names/generate.py` (sources in
//! `gazetteers/SOURCES.md`) and embedded.
//!
//! The files: this one reads a chunk's words once ([`Words`]: separators,
//! what the gazetteer found, each word's list bits) and runs the rules in
//! order; `places.rs`, `orgs.rs` and `people.rs` hold the rules of each
//! label, people last, off the words the others have taken.

mod orgs;
mod people;
mod places;

use std::ops::Range;

use orgs::{club_places, organisations, team_places};
use people::people;
use places::places;

use crate::doc::{Candidate, Chunk, Label, Source};
use crate::gazetteer::Matcher;
use crate::vocab::{COLLISIONS, bit};

/// How a word is separated from the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gap {
    /// Only spaces.
    Space,
    /// A comma (، or ,), perhaps with spaces.
    Comma,
    /// Anything else: a full stop, a colon, a quote, a line break, a dash …
    Break,
}

#[derive(Clone, Debug)]
struct Word {
    range: Range<usize>,
    gap: Gap,
}

/// The words of a chunk with what the gazetteer found.
struct Words<'a> {
    chunk: &'a Chunk<'a>,
    words: Vec<Word>,
    /// For each word: the label of a gazetteer candidate starting there
    /// (with or without a proclitic before it), and the word index after it.
    gaz: Vec<Option<(Label, usize)>>,
    /// For each word: whether the candidate of `gaz` starts at the word's
    /// first letter (no proclitic before it).
    gaz_bare: Vec<bool>,
    /// For each word: whether a gazetteer candidate covers any of it.
    in_gazetteer: Vec<bool>,
    /// For each word: its [`bit`]s, with [`bit::FUNCTION`] set for the
    /// [`COLLISIONS`] too.
    bits: Vec<u32>,
}

impl<'a> Words<'a> {
    fn new(chunk: &'a Chunk<'a>, cands: &[Candidate]) -> Words<'a> {
        let key = chunk.key;
        let mut prev_end = 0;
        let words: Vec<Word> = chunk
            .words
            .iter()
            .enumerate()
            .map(|(n, r)| {
                let between = &key[prev_end..r.start];
                prev_end = r.end;
                // Most gaps are one space: `trim` asks Unicode of each
                // character, 40 instructions a word.
                let gap = if n == 0 || between == " " || between.trim().is_empty() {
                    Gap::Space
                } else if matches!(between.trim(), "،" | ",") && !between.contains('\n') {
                    Gap::Comma
                } else {
                    Gap::Break
                };
                Word {
                    range: r.clone(),
                    gap,
                }
            })
            .collect();
        let mut gaz = vec![None; words.len()];
        let mut gaz_bare = vec![false; words.len()];
        for c in cands.iter().filter(|c| c.source != Source::Pattern) {
            // The word the candidate starts in (a proclitic may precede it).
            let w = words.partition_point(|w| w.range.end <= c.range.start);
            if w < words.len() && words[w].range.start <= c.range.start {
                let after = words.partition_point(|w| w.range.start < c.range.end);
                let keep = gaz[w].is_none_or(|(_, a)| after > a);
                if keep {
                    gaz[w] = Some((c.label, after));
                    gaz_bare[w] = words[w].range.start == c.range.start;
                }
            }
        }
        let in_gazetteer = covered(&words, cands.iter().filter(|c| c.source != Source::Pattern));
        let bits = words
            .iter()
            .zip(chunk.lex)
            .map(|(w, lex)| {
                let b = lex.bits;
                let collision =
                    b & bit::COLLISION != 0 && COLLISIONS.contains(&&chunk.text[w.range.clone()]);
                if collision { b | bit::FUNCTION } else { b }
            })
            .collect();
        Words {
            chunk,
            words,
            gaz,
            gaz_bare,
            in_gazetteer,
            bits,
        }
    }

    fn len(&self) -> usize {
        self.words.len()
    }

    /// For each word: whether one of `cands` covers any of it.
    fn covered(&self, cands: &[Candidate]) -> Vec<bool> {
        covered(&self.words, cands)
    }

    fn key(&self, i: usize) -> &'a str {
        &self.chunk.key[self.words[i].range.clone()]
    }

    fn text(&self, i: usize) -> &'a str {
        &self.chunk.text[self.words[i].range.clone()]
    }

    fn gap(&self, i: usize) -> Gap {
        self.words[i].gap
    }

    /// Whether word `i` has any of `bits`.
    fn has(&self, i: usize, bits: u32) -> bool {
        self.bits[i] & bits != 0
    }

    /// A gazetteer PLACE or ORG starts at word `i`.
    fn gaz_place_or_org(&self, i: usize) -> bool {
        matches!(self.gaz[i], Some((Label::Place | Label::Org, _)))
    }

    /// A word that never belongs to a name.
    fn is_function(&self, i: usize) -> bool {
        self.has(i, bit::FUNCTION)
    }

    fn is_common(&self, i: usize) -> bool {
        self.has(i, bit::COMMON)
    }
}

/// For each of `words` (sorted, apart): whether one of `cands` covers any
/// of it. Each candidate visits only the words it covers.
fn covered<'c>(words: &[Word], cands: impl IntoIterator<Item = &'c Candidate>) -> Vec<bool> {
    let mut flags = vec![false; words.len()];
    for c in cands {
        let first = words.partition_point(|w| w.range.end <= c.range.start);
        for (w, flag) in words[first..].iter().zip(&mut flags[first..]) {
            if w.range.start >= c.range.end {
                break;
            }
            *flag = true;
        }
    }
    flags
}

/// A relational adjective with the article: الفرنسي، الأوكرانية.
fn is_adjective(k: &str) -> bool {
    k.starts_with("ال") && (k.ends_with('ي') || k.ends_with("يه")) && k.chars().count() >= 5
}

fn starts_with_digit(k: &str) -> bool {
    k.starts_with(|c: char| c.is_ascii_digit())
}

fn push(out: &mut Vec<Candidate>, range: Range<usize>, label: Label) {
    out.push(Candidate::new(range, label, Source::Rule));
}

/// Pushes the candidates of every rule in `chunk`. `cands` holds what the
/// gazetteer found (read to keep names off known places and
/// organisations); rule candidates are appended to it.
pub(crate) fn find(chunk: &Chunk<'_>, matcher: &Matcher, cands: &mut Vec<Candidate>) {
    let w = Words::new(chunk, cands);
    let mut out = Vec::new();
    places(&w, &mut out);
    organisations(&w, &mut out);
    let teams: Vec<Range<usize>> = team_places(&w)
        .into_iter()
        .map(|j| w.words[j].range.clone())
        .chain(club_places(&w, cands, matcher))
        .collect();
    // People last, off the words a place or organisation rule has taken.
    let claimed = w.covered(&out);
    people(&w, &claimed, &mut out);
    for c in cands.iter_mut() {
        if c.label == Label::Place
            && matches!(c.source, Source::Gazetteer | Source::Variant)
            && teams.iter().any(|r| r.contains(&c.range.start))
        {
            // The team, not the city: no place id or norm.
            c.label = Label::Org;
            c.source = Source::Rule;
            c.id = None;
            c.link = None;
            c.norm = None;
        }
    }
    cands.extend(out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;

    pub(super) static EXTRACTOR: std::sync::LazyLock<Extractor> =
        std::sync::LazyLock::new(|| Extractor::builder().default_model(false).build().unwrap());

    /// (label, text, source) of what the whole pipeline finds.
    pub(super) fn found(text: &str) -> Vec<(String, String, String)> {
        EXTRACTOR
            .extract(text)
            .into_iter()
            .filter(|e| matches!(e.label, Label::Person | Label::Place | Label::Org))
            .map(|e| {
                (
                    e.label.as_str().to_owned(),
                    e.text,
                    e.source.as_str().to_owned(),
                )
            })
            .collect()
    }

    pub(super) fn has(text: &str, label: &str, span: &str) -> bool {
        found(text).iter().any(|(l, t, _)| l == label && t == span)
    }

    /// (name, text, expected (label, span)s, spans no candidate may have).
    pub(super) type Expect<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)], &'a [&'a str]);

    pub(super) fn check(cases: &[Expect]) {
        for (name, text, want, never) in cases {
            let got = found(text);
            for (label, span) in *want {
                assert!(has(text, label, span), "case {name}: {got:?}");
            }
            for span in *never {
                assert!(
                    !got.iter().any(|(_, t, _)| t == span),
                    "case {name}: {span:?} found in {got:?}"
                );
            }
        }
    }

    #[test]
    fn gazetteer_names_inside_other_words() {
        check(&[
            // لل + a place with the article: the place (the span leaves
            // out the preposition ل), even where «للعراق» is a frequent word.
            ("lil", "ذهب للعراق أمس", &[("PLACE", "لعراق")], &[]),
            (
                "lil after a conjunction",
                "وللعراق",
                &[("PLACE", "لعراق")],
                &[],
            ),
            // A frequent word is not a proclitic + a rare place:
            // «بنوك» "banks" is not ب + نوك (Nuuk).
            ("banks", "أموال بنوك كثيرة", &[], &["نوك"]),
            ("and banks", "أموال وبنوك كثيرة", &[], &["نوك"]),
            (
                "a clitic on a place",
                "وصل بموسكو",
                &[("PLACE", "موسكو")],
                &[],
            ),
        ]);
    }

    #[test]
    fn jim_spellings_of_foreign_places() {
        // gazetteers/generate.py adds the ج spelling of a foreign g.
        check(&[
            (
                "hong kong",
                "زار هونج كونج أمس",
                &[("PLACE", "هونج كونج")],
                &[],
            ),
            ("hamburg", "في هامبورج", &[("PLACE", "هامبورج")], &[]),
            (
                "morocco keeps its ghain",
                "في المغرب",
                &[("PLACE", "المغرب")],
                &[],
            ),
        ]);
    }

    #[test]
    fn descriptors_before_known_places() {
        check(&[
            (
                "region",
                "في جنوب لبنان",
                &[("PLACE", "لبنان")],
                &["جنوب لبنان"],
            ),
            ("strip", "في قطاع غزة", &[("PLACE", "غزة")], &["قطاع غزة"]),
            ("state", "في دولة قطر", &[("PLACE", "قطر")], &["دولة قطر"]),
            // A country named with a descriptor is the country.
            (
                "south africa",
                "في جنوب أفريقيا",
                &[("PLACE", "جنوب أفريقيا")],
                &["أفريقيا"],
            ),
            (
                "south sudan",
                "في جنوب السودان",
                &[("PLACE", "جنوب السودان")],
                &["السودان"],
            ),
        ]);
    }
}
