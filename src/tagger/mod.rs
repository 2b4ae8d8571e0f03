//! A learned tagger that makes the final call on people, places
//! and organisations.
//!
//! In: one chunk and the resolved, linked candidates of the finders before
//! it (gazetteer, context rules, dates and numbers, linking). Out: the same
//! candidates, where the PERSON, PLACE and ORG ones are those the tagger
//! predicts (`apply`):
//! - a predicted span that a finder found too (same words, same label)
//!   keeps that candidate with its `norm`, `id` and `source`; a new one has
//!   `source: model`;
//! - a gazetteer person the span overlaps replaces it (the list knows the
//!   whole name); a span is trimmed so as not to cross the edge of a
//!   gazetteer name of another label;
//! - a gazetteer name, or a ministry or agency a rule found, stays where
//!   the tagger predicts nothing; the finders' other names are dropped;
//! - numbers and dates stay, except where a predicted name covers them
//!   (a predicted name inside a number or date is dropped instead).
//!
//! Candidates stay sorted and non-overlapping. No span runs over
//! punctuation, or over «و»/«ف» glued to a name a finder found.
//!
//! The model is a first-order structured perceptron (Collins 2002), with
//! averaged weights, over BIO tags of the chunk's words (`words_into`),
//! decoded line by line with Viterbi. A second pass (`stack`) decodes again
//! with the same features and how the first pass tagged the other mentions
//! of each word in the chunk, so that a name is read alike throughout a
//! document («الحكيم» alone after «توفيق الحكيم»). A word's features are its matching
//! key and stem, its neighbours', affixes, what the rules' lexicons know of
//! it (and whether Wikidata names a person so where they do not:
//! `WEAK_NAME_TOKENS`), whether the news writes it often, its word cluster and its
//! neighbours' (`clusters`), the separator before and after it, what
//! the finders said of it and its neighbours (label, begin or
//! inside, source), and for a model trained with news, how a first model
//! tagged the word's stem throughout the news (`news`): the tagger learns
//! when to trust each finder, and memorises the names of its training
//! data as a gazetteer would.
//!
//! Why a perceptron and not a CRF or a neural tagger: it trains in seconds
//! on ANERcorp with no dependency or download, decodes at about a
//! microsecond a word (callgrind: ≈ 3,600 instructions), and its weights
//! are a plain table. A CRF on the same features might do a little better;
//! it was not tried.
//!
//! Features are hashed to 64 bits (`feature`: stable across builds and
//! platforms, unlike the std hashers), so a model is a table from hash to
//! weights. The file format ([`Model::to_bytes`]) is little-endian:
//! `KASHFTAG`, the version (3), the tag count and the number of passes (1
//! or 2), then for each pass its transition weights, its row count and its
//! (hash, weights) rows sorted by hash, weights as `f32`; then a byte, 1 if
//! a news lexicon follows (`NewsLexicon::write`) and 0 if not. Versions 1
//! (one pass, no counts) and 2 (no lexicon byte) are still read.
//!
//! The files, in the order a chunk meets them:
//! - `features.rs`: what the tagger reads of each word and its neighbours;
//! - `cache.rs`: per-thread memory of the words a model has scored;
//! - `model.rs`: the weights and the file format;
//! - `decode.rs`: Viterbi over one line of words;
//! - `stack.rs`: the second pass, which reads the other mentions of a word;
//! - `mend.rs`: rules on the decoded tags that every name keeps;
//! - `apply.rs`: the tags turned into the chunk's final candidates;
//! - `words.rs`: the embedded model's known words, scored ahead of time;
//! - `train.rs`: the averaged perceptrons that make a model;
//! - `news.rs`: what a first model read in the news, as features.

use crate::doc::Label;

mod apply;
mod cache;
mod decode;
mod features;
#[cfg(test)]
mod fixtures;
mod mend;
mod model;
mod news;
mod stack;
mod train;
mod words;

pub(crate) use apply::{apply, count_news};
pub(crate) use cache::Cache;
pub use model::Model;
pub use news::{NewsCounts, NewsLexicon};
pub(crate) use train::{Example, examples, train};

/// BIO tags: O, then B and I for each of [`NAME_LABELS`].
pub(crate) const TAGS: usize = 7;

/// The labels the tagger predicts, in tag order.
const NAME_LABELS: [Label; 3] = [Label::Person, Label::Place, Label::Org];

/// The label of a tag, if it is not O.
fn tag_label(t: usize) -> Option<Label> {
    (t > 0).then(|| NAME_LABELS[(t - 1) / 2])
}

/// Whether a tag begins a span.
fn is_begin(t: usize) -> bool {
    t % 2 == 1
}

/// The B tag of a label.
fn begin_tag(label: Label) -> Option<usize> {
    NAME_LABELS
        .iter()
        .position(|&l| l == label)
        .map(|i| 1 + 2 * i)
}

/// Scores of one word under the first pass and under the second pass's
/// weights of the same features (zero without a second pass).
type PassScores = [[f32; TAGS]; 2];

/// Tag transition weights: `trans[p][t]` is tag `t` after tag `p`; row
/// [`TAGS`] is the start of a line.
type Trans = [[f32; TAGS]; TAGS + 1];

/// The tagger's spans: (label, first word, last word).
fn spans(tags: &[usize]) -> Vec<(Label, usize, usize)> {
    let mut out: Vec<(Label, usize, usize)> = Vec::new();
    for (i, &t) in tags.iter().enumerate() {
        let Some(label) = tag_label(t) else { continue };
        match out.last_mut() {
            Some(last) if !is_begin(t) && last.2 + 1 == i && last.0 == label => last.2 = i,
            _ => out.push((label, i, i)),
        }
    }
    out
}

/// Adds `b` to `a`, tag by tag.
fn add_to(a: &mut [f32; TAGS], b: &[f32; TAGS]) {
    for (a, b) in a.iter_mut().zip(b) {
        *a += b;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::fixtures::B_LOC;
    use crate::tagger::fixtures::B_ORG;
    use crate::tagger::fixtures::B_PER;
    use crate::tagger::fixtures::I_LOC;
    use crate::tagger::fixtures::I_ORG;
    use crate::tagger::fixtures::I_PER;
    use crate::tagger::fixtures::O;

    /// A named case of [`spans`]: tags, and the spans they make.
    type SpansCase = (
        &'static str,
        &'static [usize],
        &'static [(Label, usize, usize)],
    );

    #[test]
    fn tag_numbers_and_labels_agree() {
        assert_eq!(tag_label(O), None);
        for (b, label) in [
            (B_PER, Label::Person),
            (B_LOC, Label::Place),
            (B_ORG, Label::Org),
        ] {
            assert!(is_begin(b) && !is_begin(b + 1));
            assert_eq!(begin_tag(label), Some(b));
            assert_eq!(tag_label(b), Some(label));
            assert_eq!(tag_label(b + 1), Some(label));
        }
        assert_eq!(begin_tag(Label::Date), None);
        assert_eq!(begin_tag(Label::Number), None);
    }

    #[test]
    fn spans_read_bio_tags() {
        use Label::{Org, Person, Place};
        let cases: &[SpansCase] = &[
            ("nothing", &[], &[]),
            ("all O", &[O, O, O], &[]),
            ("one word", &[O, B_PER, O], &[(Person, 1, 1)]),
            ("three words", &[B_PER, I_PER, I_PER, O], &[(Person, 0, 2)]),
            ("at the end", &[O, B_LOC, I_LOC], &[(Place, 1, 2)]),
            (
                "B after B",
                &[B_PER, B_PER],
                &[(Person, 0, 0), (Person, 1, 1)],
            ),
            (
                "B after I of the same label",
                &[B_ORG, I_ORG, B_ORG],
                &[(Org, 0, 1), (Org, 2, 2)],
            ),
            (
                "different labels side by side",
                &[B_LOC, I_LOC, B_ORG, I_ORG],
                &[(Place, 0, 1), (Org, 2, 3)],
            ),
            // Not what Viterbi gives, but spans stays sane on it.
            ("I at the start", &[I_PER, I_PER], &[(Person, 0, 1)]),
            (
                "I after O",
                &[B_PER, O, I_PER],
                &[(Person, 0, 0), (Person, 2, 2)],
            ),
            (
                "I of another label",
                &[B_PER, I_LOC],
                &[(Person, 0, 0), (Place, 1, 1)],
            ),
        ];
        for &(name, tags, want) in cases {
            assert_eq!(spans(tags), want, "{name}");
        }
    }
}
