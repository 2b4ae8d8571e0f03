//! Stage 3b: a learned tagger that makes the final call on people, places
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

use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use crate::doc::{Candidate, Chunk, Label, Source};
use crate::gazetteer::Matcher;
use crate::hash::{FastMap, FastSet};
use crate::vocab::lists::good_phrase;
use crate::vocab::shape::{arabic_form, has_surname_ending, inflected};
use crate::vocab::{FUNCTION_BIT, frequent, known};

mod news;
mod stack;

pub use news::{NewsCounts, NewsLexicon};

/// BIO tags: O, then B and I for each of [`NAME_LABELS`].
pub(crate) const TAGS: usize = 7;

/// The labels the tagger predicts, in tag order.
const NAME_LABELS: [Label; 3] = [Label::Person, Label::Place, Label::Org];

const MAGIC: &[u8; 8] = b"KASHFTAG";
const VERSION: u32 = 3;

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

/// Whether tag `t` may follow tag `prev` (`None`: the start of a line): an
/// I tag only continues a span of its label.
fn allowed(prev: Option<usize>, t: usize) -> bool {
    t == 0 || is_begin(t) || prev.is_some_and(|p| p != 0 && tag_label(p) == tag_label(t))
}

/// Scores of one word under the first pass and under the second pass's
/// weights of the same features (zero without a second pass).
type PassScores = [[f32; TAGS]; 2];

/// Tag transition weights: `trans[p][t]` is tag `t` after tag `p`; row
/// [`TAGS`] is the start of a line.
type Trans = [[f32; TAGS]; TAGS + 1];

/// A trained model: feature weights and tag transition weights, and the
/// second pass's (`stack`), if it has one.
#[derive(Clone, Debug, Default)]
pub struct Model {
    /// Tells models apart for [`Cache`]: unique in the process for every
    /// model read or trained (0 for an empty default one, never applied).
    id: u64,
    weights: FastMap<u64, [f32; TAGS]>,
    trans: Trans,
    /// The second pass: a model of the same features and the document
    /// features of `stack`, with its own transitions.
    second: Option<Box<Model>>,
    /// The weights of both passes in one table, built on first use by
    /// [`Model::add_passes`]: one lookup a feature instead of two.
    both: OnceLock<FastMap<u64, PassScores>>,
    /// What the model was trained to read of each word in news (`news`),
    /// if it was trained with news.
    news: Option<NewsLexicon>,
}

impl Model {
    /// The model embedded in the binary, trained on ANERcorp's train split
    /// (`scripts/train-model.sh`).
    pub fn embedded() -> Model {
        Model::from_bytes(include_bytes!("../../gazetteers/model/tagger.bin"))
            .expect("the embedded model is well-formed")
    }

    /// How many features have weights (in both passes).
    pub fn len(&self) -> usize {
        self.weights.len() + self.second.as_ref().map_or(0, |s| s.len())
    }

    /// Whether the model has no feature weights.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The news lexicon the model reads words with, if it was trained with
    /// one.
    pub fn news(&self) -> Option<&NewsLexicon> {
        self.news.as_ref()
    }

    /// A fresh [`Model::id`].
    fn next_id() -> u64 {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    }

    /// The model as bytes (the format is in the module docs).
    pub fn to_bytes(&self) -> Vec<u8> {
        let passes = [Some(self), self.second.as_deref()];
        let passes: Vec<&Model> = passes.into_iter().flatten().collect();
        let mut out = Vec::with_capacity(20 + self.len() * (8 + 4 * TAGS));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(TAGS as u32).to_le_bytes());
        out.extend_from_slice(&(passes.len() as u32).to_le_bytes());
        for pass in passes {
            for row in &pass.trans {
                for w in row {
                    out.extend_from_slice(&w.to_le_bytes());
                }
            }
            let mut rows: Vec<(&u64, &[f32; TAGS])> = pass.weights.iter().collect();
            rows.sort_unstable_by_key(|(h, _)| **h);
            out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
            for (h, ws) in rows {
                out.extend_from_slice(&h.to_le_bytes());
                for w in ws {
                    out.extend_from_slice(&w.to_le_bytes());
                }
            }
        }
        match &self.news {
            None => out.push(0),
            Some(news) => {
                out.push(1);
                news.write(&mut out);
            }
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`] (or by a kashf that
    /// wrote version 1, one pass and no row count, or 2, no news lexicon).
    ///
    /// # Errors
    ///
    /// A message saying what is wrong, if `bytes` is not such a model.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let mut at = 0;
        let mut take = |n: usize| -> Result<&[u8], String> {
            let s = bytes
                .get(at..at + n)
                .ok_or_else(|| format!("truncated at byte {at}"))?;
            at += n;
            Ok(s)
        };
        if take(8)? != MAGIC {
            return Err("not a kashf tagger model (no KASHFTAG header)".into());
        }
        let u32_at = |s: &[u8]| u32::from_le_bytes(s.try_into().expect("4 bytes"));
        let f32_at = |s: &[u8]| f32::from_le_bytes(s.try_into().expect("4 bytes"));
        let version = u32_at(take(4)?);
        if !(1..=VERSION).contains(&version) {
            return Err(format!(
                "model version {version}; this kashf reads versions 1 to {VERSION}"
            ));
        }
        let tags = u32_at(take(4)?) as usize;
        if tags != TAGS {
            return Err(format!("{tags} tags; expected {TAGS}"));
        }
        let passes = if version == 1 { 1 } else { u32_at(take(4)?) };
        if !(1..=2).contains(&passes) {
            return Err(format!("{passes} passes; expected 1 or 2"));
        }
        let row_len = 8 + 4 * TAGS;
        let mut models = Vec::new();
        for _ in 0..passes {
            let mut model = Model {
                id: Model::next_id(),
                ..Model::default()
            };
            for row in &mut model.trans {
                for w in row {
                    *w = f32_at(take(4)?);
                }
            }
            let rows = if version == 1 {
                let rest = bytes.len() - (16 + 4 * TAGS * (TAGS + 1));
                if !rest.is_multiple_of(row_len) {
                    return Err(format!(
                        "{rest} bytes of feature rows, not a multiple of {row_len}"
                    ));
                }
                rest / row_len
            } else {
                u32_at(take(4)?) as usize
            };
            // (A corrupt count must not reserve more than the file holds.)
            model.weights.reserve(rows.min(bytes.len() / row_len));
            for _ in 0..rows {
                let row = take(row_len)?;
                let h = u64::from_le_bytes(row[..8].try_into().expect("8 bytes"));
                let ws = std::array::from_fn(|t| f32_at(&row[8 + 4 * t..12 + 4 * t]));
                model.weights.insert(h, ws);
            }
            models.push(model);
        }
        let news = match version {
            1 | 2 => None,
            _ => match take(1)? {
                [0] => None,
                [1] => Some(NewsLexicon::read(&mut take)?),
                flag => return Err(format!("news lexicon flag {flag:?}; expected 0 or 1")),
            },
        };
        if at != bytes.len() {
            return Err(format!(
                "{} bytes after the end of the model",
                bytes.len() - at
            ));
        }
        let mut first = models.remove(0);
        first.second = models.pop().map(Box::new);
        first.news = news;
        Ok(first)
    }

    /// The summed weights of some features.
    fn scores(&self, feats: &[u64]) -> [f32; TAGS] {
        let mut s = [0.0; TAGS];
        for f in feats {
            self.add(*f, &mut s);
        }
        s
    }

    fn add(&self, f: u64, s: &mut [f32; TAGS]) {
        if let Some(ws) = self.weights.get(&f) {
            for (a, w) in s.iter_mut().zip(ws) {
                *a += w;
            }
        }
    }

    /// Adds the weights of feature `f` in each pass to `s`.
    fn add_passes(&self, f: u64, s: &mut PassScores) {
        let Some(second) = &self.second else {
            return self.add(f, &mut s[0]);
        };
        let both = self.both.get_or_init(|| {
            let mut both: FastMap<u64, PassScores> = FastMap::default();
            for (pass, weights) in [&self.weights, &second.weights].into_iter().enumerate() {
                for (h, w) in weights {
                    both.entry(*h).or_default()[pass] = *w;
                }
            }
            both
        });
        if let Some(w) = both.get(&f) {
            for (s, w) in s.iter_mut().zip(w) {
                add_to(s, w);
            }
        }
    }

    /// The summed weights of a word's [`type_features`] in `role`, in each
    /// pass.
    fn type_scores(&self, w: Option<&WordInfo<'_>>, role: usize) -> PassScores {
        let mut s = [[0.0; TAGS]; 2];
        type_features(w, role, &mut |t, parts| {
            self.add_passes(feature(t, parts), &mut s);
        });
        s
    }

    /// The best tag sequence of one line of words, given each word's
    /// emission scores; `joined[i]`: whether word `i` may continue a span
    /// of word `i - 1` (no punctuation between them).
    fn viterbi(&self, emits: &[[f32; TAGS]], joined: &[bool], out: &mut Vec<usize>) {
        viterbi(&self.trans, emits, joined, out);
    }
}

/// The best tag sequence of one line of words under transition weights
/// `trans` (see [`Model::viterbi`]).
fn viterbi(trans: &Trans, emits: &[[f32; TAGS]], joined: &[bool], out: &mut Vec<usize>) {
    let n = emits.len();
    out.clear();
    if n == 0 {
        return;
    }
    // Transitions that [`allowed`] forbids weigh minus infinity.
    let mut trans = *trans;
    for (p, row) in trans.iter_mut().enumerate() {
        let prev = (p < TAGS).then_some(p);
        for (t, w) in row.iter_mut().enumerate() {
            if !allowed(prev, t) {
                *w = f32::NEG_INFINITY;
            }
        }
    }
    let mut score = vec![[f32::NEG_INFINITY; TAGS]; n];
    let mut back = vec![[0u8; TAGS]; n];
    for (i, emit) in emits.iter().enumerate() {
        let mut emit = *emit;
        if !joined[i] {
            // Punctuation before the word: no I tag.
            for (t, e) in emit.iter_mut().enumerate() {
                if t != 0 && !is_begin(t) {
                    *e = f32::NEG_INFINITY;
                }
            }
        }
        if i == 0 {
            for t in 0..TAGS {
                score[0][t] = emit[t] + trans[TAGS][t];
            }
            continue;
        }
        let prev = score[i - 1];
        for t in 0..TAGS {
            let mut best = (f32::NEG_INFINITY, 0);
            for (p, s) in prev.iter().enumerate() {
                let s = s + trans[p][t];
                if s > best.0 {
                    best = (s, p);
                }
            }
            score[i][t] = best.0 + emit[t];
            back[i][t] = best.1 as u8;
        }
    }
    let mut t = (0..TAGS)
        .max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b]).then(b.cmp(&a)))
        .unwrap_or(0);
    out.resize(n, 0);
    for i in (0..n).rev() {
        out[i] = t;
        t = usize::from(back[i][t]);
    }
}

/// The hash of a feature: its template number and its parts. Eight bytes
/// at a time, multiply and rotate as FxHash does (byte-at-a-time FNV-1a
/// cost a third of the tagger's time); each part is closed by its length,
/// so that ("ab", "c") and ("a", "bc") differ. Written out here rather than
/// taken from a crate because model files depend on it: it must never
/// change with a dependency's version.
fn feature(template: u8, parts: &[&str]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mix = |h: u64, w: u64| (h.rotate_left(26) ^ w).wrapping_mul(K);
    let mut h = mix(0, u64::from(template) + 1);
    for p in parts {
        let mut chunks = p.as_bytes().chunks_exact(8);
        for c in &mut chunks {
            h = mix(h, u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            h = mix(h, u64::from_le_bytes(last));
        }
        h = mix(h, 0xFF00_0000_0000_0000 | p.len() as u64);
    }
    h ^ h >> 29
}

/// How a word is separated from the one before it.
fn gap(between: &str) -> &'static str {
    let t = between.trim();
    if between.contains('\n') {
        "nl"
    } else if t.is_empty() {
        "sp"
    } else if t == "،" || t == "," {
        "comma"
    } else if t == "-" {
        "hyphen"
    } else if t.contains(['"', '«', '»', '\'', '“', '”']) {
        "quote"
    } else if t.contains(['(', ')', '[', ']']) {
        "paren"
    } else if t.contains(['.', '!', '?', '؟', '؛', ';', ':']) {
        "stop"
    } else {
        "other"
    }
}

/// Proclitics set aside for a word's stem, longest first.
const PROCLITICS: &[&str] = &[
    "وبال", "وكال", "ولل", "فال", "وال", "بال", "كال", "لل", "ال", "وب", "ول", "وك", "فب", "فل",
    "و", "ف", "ب", "ل", "ك",
];

/// A word's proclitic and stem: the longest proclitic that leaves at least
/// three letters.
fn split_clitic(k: &str) -> (&str, &str) {
    for p in PROCLITICS {
        if let Some(rest) = k.strip_prefix(p)
            && rest.chars().count() >= 3
        {
            return (p, rest);
        }
    }
    ("", k)
}

/// A number below 108 for each [`finder_parts`] value.
fn finder_code(parts: [&str; 3]) -> u64 {
    let index = |list: &[&str], p: &str| list.iter().position(|&x| x == p).unwrap_or(0) as u64;
    let label = index(&["-", "P", "L", "O", "N", "D"], parts[0]);
    let begins = index(&["-", "B", "I"], parts[1]);
    let source = index(&["-", "g", "v", "r", "k", "p"], parts[2]);
    label * 18 + begins * 6 + source
}

/// A number for each [`gap`] value.
fn gap_code(g: &str) -> u64 {
    match g {
        "nl" => 1,
        "sp" => 2,
        "comma" => 3,
        "hyphen" => 4,
        "quote" => 5,
        "paren" => 6,
        "stop" => 7,
        "other" => 8,
        "conj" => 10,
        _ => 9,
    }
}

/// What the finders said of a word: label, begin or inside, source.
fn finder_parts(c: Option<(&Candidate, bool)>) -> [&'static str; 3] {
    let Some((c, begins)) = c else {
        return ["-", "-", "-"];
    };
    let label = match c.label {
        Label::Person => "P",
        Label::Place => "L",
        Label::Org => "O",
        Label::Number => "N",
        Label::Date => "D",
    };
    let source = match c.source {
        Source::Gazetteer => "g",
        Source::Variant => "v",
        Source::Rule | Source::Model => "r",
        Source::Linked => "k",
        Source::Pattern => "p",
    };
    [label, if begins { "B" } else { "I" }, source]
}

/// What the features read of one word.
struct WordInfo<'a> {
    key: &'a str,
    clitic: &'a str,
    stem: &'a str,
    bits: u32,
    stem_bits: u32,
    /// The word's [`clusters`], and its stem's if it has a proclitic.
    clusters: Option<Clusters>,
    stem_clusters: Option<Clusters>,
    /// [`FLAG_NAMES`] bits.
    flags: u8,
    /// The stem's code in the model's news lexicon, if it has one.
    news: Option<news::Code>,
    finder: [&'static str; 3],
    gap_before: &'static str,
}

/// Names of the [`WordInfo::flags`] bits, as feature parts.
const FLAG_NAMES: [&str; 7] = [
    "frequent",
    "stem-frequent",
    "arabic-form",
    "inflected",
    "surname-ending",
    "latin-or-digit",
    "weak-name-token",
];

/// Person-name tokens of Wikidata that the rules' lexicon leaves out (rare
/// there, or also a place or a common word) and the news does not write
/// often (`gazetteers/names/weak-name-tokens.txt`): too weak for a rule,
/// but a feature the tagger weighs («يلتسن», «ماتيراتزي»). ANERcorp's
/// 5-fold: PERSON 0.801 → 0.805 (or 0.802 in another run); AQMAR by
/// article, ORG 0.335 → 0.350 (0.349), PERSON within its retraining
/// noise (0.599, 0.621 against 0.612).
static WEAK_NAME_TOKENS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../gazetteers/names/weak-name-tokens.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect()
});

/// Bit numbers as feature parts.
const BIT_NAMES: [&str; 32] = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
    "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31",
];

/// A word's cluster numbers, fine to coarse (each below [`CLUSTER_MAX`]).
type Clusters = [u16; 3];

/// The number of clusters of the finest level the file may hold.
const CLUSTER_MAX: u16 = 1000;

/// The word clusters (`gazetteers/model/clusters.tsv`, derived from
/// unlabelled news by `scripts/clusters.py`): words found in the same
/// contexts share a cluster, so a name the training data never showed
/// still brings what its cluster's names taught («يلتسين» beside «بوتين»).
const CLUSTERS: &str = include_str!("../../gazetteers/model/clusters.tsv");

/// The clusters of word `k` (a matching key), if it has them. The table
/// is built on the tagger's first use (about 40 M instructions, an eighth
/// of a one-sentence run, callgrind); a binary search of the sorted file
/// instead cost a seventh of the time of a corpus run, in cache misses
/// (`perf`), where the tagger's [`Cache`] asks once per distinct word.
fn clusters(k: &str) -> Option<Clusters> {
    static TABLE: LazyLock<FastMap<&'static str, Clusters>> = LazyLock::new(|| {
        // One pass over the bytes: `str::lines`, `split` and `parse` cost
        // four times as many instructions (callgrind).
        let bytes = CLUSTERS.as_bytes();
        let mut table = FastMap::default();
        table.reserve(bytes.len() / 20);
        let mut at = 0;
        while at < bytes.len() {
            let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |p| at + p);
            if bytes[at] != b'#'
                && let Some(tab) = memchr::memchr(b'\t', &bytes[at..end])
            {
                let mut numbers = [0u16; 3];
                let mut fields = 0;
                let mut digits_only = true;
                for &b in &bytes[at + tab..end] {
                    match b {
                        b'\t' => fields += 1,
                        b'0'..=b'9' if (1..=3).contains(&fields) => {
                            let n = &mut numbers[fields - 1];
                            *n = n.saturating_mul(10).saturating_add(u16::from(b - b'0'));
                        }
                        _ => digits_only = false,
                    }
                }
                if digits_only && fields == 3 && numbers.iter().all(|&n| n < CLUSTER_MAX) {
                    table.insert(&CLUSTERS[at..at + tab], numbers);
                }
            }
            at = end + 1;
        }
        table
    });
    TABLE.get(k).copied()
}

/// A cluster number as a feature part.
fn cluster_part(n: u16) -> &'static str {
    static PARTS: LazyLock<Vec<String>> =
        LazyLock::new(|| (0..CLUSTER_MAX).map(|n| n.to_string()).collect());
    &PARTS[usize::from(n)]
}

/// Length buckets in letters, as feature parts.
const LENGTHS: [&str; 9] = ["0", "1", "2", "3", "4", "5", "6", "7", "8+"];

/// For each word, the first candidate that overlaps it and whether it
/// starts in that word. `cands` is sorted and non-overlapping.
fn word_candidates(words: &[Range<usize>], cands: &[Candidate]) -> Vec<Option<(usize, bool)>> {
    let mut out = vec![None; words.len()];
    let mut c = 0;
    for (i, w) in words.iter().enumerate() {
        while c < cands.len() && cands[c].range.end <= w.start {
            c += 1;
        }
        if c < cands.len() && cands[c].range.start < w.end {
            out[i] = Some((c, cands[c].range.start >= w.start));
        }
    }
    out
}

/// What the features read of word `k` (a matching key), with the news
/// lexicon `news`, if any.
fn word_info<'a>(
    k: &'a str,
    finder: [&'static str; 3],
    gap_before: &'static str,
    news: Option<&NewsLexicon>,
) -> WordInfo<'a> {
    let (clitic, stem) = split_clitic(k);
    let flags = [
        frequent(k),
        frequent(stem),
        arabic_form(stem),
        inflected(k),
        has_surname_ending(stem),
        k.bytes().next().is_some_and(|b| b.is_ascii()),
        WEAK_NAME_TOKENS.contains(stem),
    ]
    .iter()
    .enumerate()
    .fold(0u8, |f, (n, &on)| if on { f | 1 << n } else { f });
    WordInfo {
        key: k,
        clitic,
        stem,
        bits: known(k),
        stem_bits: if clitic.is_empty() { 0 } else { known(stem) },
        clusters: clusters(k),
        stem_clusters: if clitic.is_empty() {
            None
        } else {
            clusters(stem)
        },
        flags,
        news: news.map(|n| n.code(stem)),
        finder,
        gap_before,
    }
}

/// The [`WordInfo`] of every word of a chunk, with the news lexicon
/// `news`; with a cache, each word's [`TypeEntry::scores`] into `scores`
/// (and the model's own lexicon).
fn infos<'a>(
    chunk: &Chunk<'a>,
    cands: &[Candidate],
    at: &[Option<(usize, bool)>],
    news: Option<&NewsLexicon>,
    mut cache: Option<(&mut Cache, &Model, &mut Vec<u32>)>,
) -> Vec<WordInfo<'a>> {
    let key = chunk.key;
    let mut prev_end = 0;
    chunk
        .words
        .iter()
        .zip(at)
        .map(|(r, at)| {
            let k = &key[r.clone()];
            let finder = finder_parts(at.map(|(c, b)| (&cands[c], b)));
            let mut gap_before = gap(&key[prev_end..r.start]);
            prev_end = r.end;
            // «و» or «ف» before what a finder found: a coordination
            // («بيلوغوريفكا وفيرخنوكاميانسكي»), as good as a comma.
            if let Some((c, true)) = *at
                && matches!(&key[r.start..cands[c].range.start], "و" | "ف")
                && gap_before == "sp"
            {
                gap_before = "conj";
            }
            let Some((cache, model, scores)) = &mut cache else {
                return word_info(k, finder, gap_before, news);
            };
            let n = cache.entry(model, k);
            scores.push(n);
            let e = &cache.entries[n as usize];
            let (clitic, stem) = k.split_at(usize::from(e.clitic_len));
            WordInfo {
                key: k,
                clitic,
                stem,
                bits: e.bits,
                stem_bits: e.stem_bits,
                clusters: e.clusters,
                stem_clusters: e.stem_clusters,
                flags: e.flags,
                news: e.news,
                finder,
                gap_before,
            }
        })
        .collect()
}

/// The first and last `n` characters of `s` (all of it if shorter).
fn affixes(s: &str, n: usize) -> (&str, &str) {
    let count = s.chars().count();
    if count <= n {
        return (s, s);
    }
    let pre = s.char_indices().nth(n).map_or(s.len(), |(b, _)| b);
    let suf = s.char_indices().nth(count - n).map_or(0, |(b, _)| b);
    (&s[..pre], &s[suf..])
}

/// The roles a word plays in the features: itself, and the neighbour one
/// or two words before or after the word being tagged.
const ME: usize = 0;
const PREV: usize = 1;
const NEXT: usize = 2;
const PREV2: usize = 3;
const NEXT2: usize = 4;
const ROLES: usize = 5;

/// The features of word `w` (`None`: beyond the line) in `role` that
/// depend on the word alone, so that their weights can be summed once per
/// distinct word ([`Cache`]).
fn type_features(w: Option<&WordInfo<'_>>, role: usize, f: &mut impl FnMut(u8, &[&str])) {
    let (start, end) = ("<s>", "</s>");
    let bits = |f: &mut dyn FnMut(u8, &[&str]), t: u8, bits: u32| {
        for (b, name) in BIT_NAMES.iter().enumerate() {
            if bits & 1 << b != 0 {
                f(t, &[name]);
            }
        }
    };
    let flags = |f: &mut dyn FnMut(u8, &[&str]), t: u8, flags: u8| {
        for (b, name) in FLAG_NAMES.iter().enumerate() {
            if flags & 1 << b != 0 {
                f(t, &[name]);
            }
        }
    };
    // Cluster ids at the levels `levels` (0 fine .. 2 coarse) under
    // templates `t`, `t + 1`, ...; "-" for a word with no cluster.
    let cluster =
        |f: &mut dyn FnMut(u8, &[&str]), t: u8, c: Option<&Clusters>, levels: &[usize]| {
            for (n, &l) in levels.iter().enumerate() {
                f(t + n as u8, &[c.map_or("-", |c| cluster_part(c[l]))]);
            }
        };
    match (role, w) {
        (ME, Some(me)) => {
            cluster(f, 36, me.clusters.as_ref(), &[0, 1, 2]);
            if !me.clitic.is_empty() {
                cluster(f, 39, me.stem_clusters.as_ref(), &[0, 1, 2]);
            }
            f(1, &[me.key]);
            f(2, &[me.stem]);
            f(3, &[me.clitic]);
            let (pre2, suf2) = affixes(me.stem, 2);
            let (pre3, suf3) = affixes(me.stem, 3);
            let (_, suf1) = affixes(me.key, 1);
            f(12, &[pre2]);
            f(13, &[pre3]);
            f(14, &[suf2]);
            f(15, &[suf3]);
            f(16, &[suf1]);
            let letters = me.key.chars().count().min(LENGTHS.len() - 1);
            f(17, &[LENGTHS[letters]]);
            bits(f, 18, me.bits);
            bits(f, 19, me.stem_bits);
            flags(f, 22, me.flags);
            if let Some(code) = me.news {
                // The share of each label, with how often the news writes
                // the stem: a share of 4 mentions is weaker than one of 400.
                let mentions = BIT_NAMES[usize::from(code[3])];
                for (label, share) in BIT_NAMES.iter().zip(&code[..3]) {
                    f(53, &[label, BIT_NAMES[usize::from(*share)], mentions]);
                }
            }
        }
        (ME, None) => {}
        (PREV, w) => {
            f(4, &[w.map_or(start, |x| x.key)]);
            f(8, &[w.map_or(start, |x| x.stem)]);
            bits(f, 20, w.map_or(0, |x| x.bits));
            flags(f, 23, w.map_or(0, |x| x.flags));
            cluster(f, 42, w.and_then(|x| x.clusters.as_ref()), &[0, 1, 2]);
        }
        (NEXT, w) => {
            f(5, &[w.map_or(end, |x| x.key)]);
            f(9, &[w.map_or(end, |x| x.stem)]);
            bits(f, 21, w.map_or(0, |x| x.bits));
            flags(f, 24, w.map_or(0, |x| x.flags));
            cluster(f, 45, w.and_then(|x| x.clusters.as_ref()), &[0, 1, 2]);
        }
        (PREV2, w) => {
            f(6, &[w.map_or(start, |x| x.key)]);
            cluster(f, 48, w.and_then(|x| x.clusters.as_ref()), &[1, 2]);
        }
        (NEXT2, w) => {
            f(7, &[w.map_or(end, |x| x.key)]);
            cluster(f, 50, w.and_then(|x| x.clusters.as_ref()), &[1, 2]);
        }
        _ => unreachable!("no role {role}"),
    }
}

/// The word `d` places from `i` if it is in `line`.
fn neighbour<'w, 'a>(
    w: &'w [WordInfo<'a>],
    i: usize,
    d: isize,
    line: &Range<usize>,
) -> Option<&'w WordInfo<'a>> {
    let j = i.checked_add_signed(d)?;
    line.contains(&j).then(|| &w[j])
}

/// Which neighbour each role looks at.
const OFFSETS: [isize; ROLES] = [0, -1, 1, -2, 2];

/// The features of word `i` of `line` that pair two words, into `out`.
fn pair_features(w: &[WordInfo<'_>], i: usize, line: &Range<usize>, out: &mut Vec<u64>) {
    out.clear();
    let at = |d: isize| neighbour(w, i, d, line);
    let key_at = |d: isize| at(d).map_or(if d < 0 { "<s>" } else { "</s>" }, |x| x.key);
    let me = &w[i];
    let mut f = |t: u8, parts: &[&str]| out.push(feature(t, parts));
    f(10, &[key_at(-1), me.key]);
    f(11, &[me.key, key_at(1)]);
    f(34, &[key_at(-1), me.finder[0]]);
    f(35, &[me.finder[0], key_at(1)]);
}

/// The features of word `i` of `line` that read what the finders said
/// around it, the separators and whether it is frequent (few distinct
/// combinations, so [`Cache`] sums them once per combination), into `out`.
fn context_features(w: &[WordInfo<'_>], i: usize, line: &Range<usize>, out: &mut Vec<u64>) {
    out.clear();
    let at = |d: isize| neighbour(w, i, d, line);
    let me = &w[i];
    let mut f = |t: u8, parts: &[&str]| out.push(feature(t, parts));
    f(0, &[]);
    let none = ["<>", "<>", "<>"];
    let finder_at = |d: isize| at(d).map_or(none, |x| x.finder);
    f(25, &me.finder);
    f(26, &finder_at(-1));
    f(27, &finder_at(1));
    f(28, &finder_at(-2)[..2]);
    f(29, &finder_at(2)[..2]);
    f(30, &[me.gap_before]);
    f(31, &[at(1).map_or("</s>", |x| x.gap_before)]);
    let frequent = if me.flags & 1 != 0 { "f" } else { "r" };
    f(32, &[me.finder[0], me.finder[1], me.finder[2], frequent]);
    f(
        33,
        &[
            finder_at(-1)[0],
            finder_at(-1)[1],
            me.finder[0],
            me.finder[1],
        ],
    );
}

/// Every feature of word `i` of `line` (for training).
fn features(w: &[WordInfo<'_>], i: usize, line: &Range<usize>, out: &mut Vec<u64>) {
    let mut more = Vec::new();
    context_features(w, i, line, &mut more);
    pair_features(w, i, line, out);
    out.append(&mut more);
    for (role, d) in OFFSETS.iter().enumerate() {
        type_features(neighbour(w, i, *d, line), role, &mut |t, parts| {
            out.push(feature(t, parts));
        });
    }
}

/// What the tagger knows of one distinct word: its lexicon bits and flags,
/// and the summed weights of its [`type_features`] in each role.
#[derive(Clone, Debug)]
struct TypeEntry {
    clitic_len: u8,
    bits: u32,
    stem_bits: u32,
    clusters: Option<Clusters>,
    stem_clusters: Option<Clusters>,
    flags: u8,
    news: Option<news::Code>,
    scores: [PassScores; ROLES],
}

/// Per-thread memory of the words seen with one model: news repeats its
/// words, so most words cost one lookup here instead of a dozen in the
/// model's table. Cleared when it holds [`Cache::MAX`] words or the model
/// changes.
#[derive(Debug, Default)]
pub(crate) struct Cache {
    /// The [`Model::id`] of the model the scores are of, once prepared.
    model: Option<u64>,
    /// Indices into `entries`.
    types: FastMap<Box<str>, u32>,
    entries: Vec<TypeEntry>,
    /// The summed [`context_features`] by a hash of the features.
    contexts: FastMap<u64, PassScores>,
    /// The scores of the line's edges in each role.
    edges: [PassScores; ROLES],
    /// The summed weights of the second pass's document features, by
    /// `stack::View` key.
    views: FastMap<u64, [f32; TAGS]>,
}

impl Cache {
    const MAX: usize = 1 << 17;

    fn prepare(&mut self, model: &Model) {
        let id = Some(model.id);
        if self.model != id || self.types.len() >= Cache::MAX {
            self.types.clear();
            self.entries.clear();
            self.contexts.clear();
            self.views.clear();
            self.model = id;
            for role in 0..ROLES {
                self.edges[role] = model.type_scores(None, role);
            }
        }
    }

    /// The entry of a word (matching key), computed on first sight.
    fn entry(&mut self, model: &Model, k: &str) -> u32 {
        if let Some(&e) = self.types.get(k) {
            return e;
        }
        let info = word_info(k, ["-", "-", "-"], "sp", model.news.as_ref());
        let entry = TypeEntry {
            clitic_len: info.clitic.len() as u8,
            bits: info.bits,
            stem_bits: info.stem_bits,
            clusters: info.clusters,
            stem_clusters: info.stem_clusters,
            flags: info.flags,
            news: info.news,
            scores: std::array::from_fn(|role| model.type_scores(Some(&info), role)),
        };
        let n = self.entries.len() as u32;
        self.entries.push(entry);
        self.types.insert(k.into(), n);
        n
    }

    /// The summed weights of the [`context_features`] of word `i` of
    /// `line`, remembered by what they read: the finder parts of the word
    /// and its neighbours, the separators around it, and its frequency.
    fn context(
        &mut self,
        model: &Model,
        w: &[WordInfo<'_>],
        i: usize,
        line: &Range<usize>,
        feats: &mut Vec<u64>,
    ) -> PassScores {
        let mut key = u64::from(w[i].flags & 1);
        for d in [0, -1, 1, -2, 2] {
            let code = neighbour(w, i, d, line).map_or(127, |x| finder_code(x.finder));
            key = key << 7 | code;
        }
        let gap_after = neighbour(w, i, 1, line).map_or("</s>", |x| x.gap_before);
        key = key << 4 | gap_code(w[i].gap_before);
        key = key << 4 | gap_code(gap_after);
        if let Some(s) = self.contexts.get(&key) {
            return *s;
        }
        context_features(w, i, line, feats);
        let mut s = [[0.0; TAGS]; 2];
        for f in feats.iter() {
            model.add_passes(*f, &mut s);
        }
        self.contexts.insert(key, s);
        s
    }
}

/// Whether a word may continue the span of the word before it: only
/// spaces, or a hyphen, between them, and no conjunction before what a
/// finder found in it.
fn joins(info: &WordInfo<'_>) -> bool {
    matches!(info.gap_before, "sp" | "hyphen")
}

/// The lines of a chunk: runs of words with no line break between them.
fn lines(infos: &[WordInfo<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, w) in infos.iter().enumerate() {
        if i > start && w.gap_before == "nl" {
            out.push(start..i);
            start = i;
        }
    }
    if start < infos.len() {
        out.push(start..infos.len());
    }
    out
}

/// Mends the person spans of `tags` where a first-order tagger breaks
/// what every name keeps (ANERcorp's 5-fold misses such bounds dozens of
/// times):
/// - a name does not end in a particle: «علي بن أبي» takes «طالب», «جان
///   مارك دو» takes «لا» and then «سابليير» (not a function word, and
///   after «ولد» or «أم», also "born" and "or", only a known name);
/// - a regnal number after a name is part of it: «الحسن الثاني», «ألفونسو
///   الثالث عشر»;
/// - a word that opens with «و» or «لل» (a proclitic) and is no name itself (nor
///   follows a particle: «سعد بن أبي وقاص»; nor is written whole in the
///   news and never without the proclitic) is not inside the name before
///   it: «حسن يوسف وسميرة عبد العزيز» is two people, «موسي والأدميون» one.
///   What follows the cut stays a person if it is two words or more or a
///   known name after its «و», and is dropped otherwise;
/// - a prayer is no part of a name: «سلمان بن عبدالعزيز حفظه الله» ends
///   before «حفظه الله», and «رحمه الله», «رضي الله» or «الله» alone is no
///   person ([`PRAYERS`]);
/// - «علي» right before a person is the person's first name: «المخلوع علي
///   عبدالله صالح» (`text` holds each of `words` as written, «على» apart).
fn mend_people(
    tags: &mut [usize],
    info: &[WordInfo<'_>],
    lines: &[Range<usize>],
    text: &str,
    words: &[Range<usize>],
) {
    use crate::vocab::{FUNCTION_BIT, NAME_BITS, PARTICLE_BIT, REGNAL_BIT};
    let begin = begin_tag(Label::Person).expect("a name label");
    let inside = begin + 1;
    for line in lines {
        // The end of the span that continues at word `from`.
        let span_end = |tags: &[usize], from: usize| {
            (from..line.end)
                .find(|&e| tags[e] != inside)
                .unwrap_or(line.end)
        };
        let mut i = line.start;
        while i < line.end {
            if tags[i] != begin {
                i += 1;
                continue;
            }
            // No name starts at «الله» after another word: it ends a
            // compound name or a title, which the name takes («ضيف الله
            // القرشي», «ولي الله سيف», «آية الله الخميني»), or it is God
            // («الله عز وجل», «أحب الله العبد»), no name.
            if info[i].key == "الله" && i > line.start && joins(&info[i]) {
                let head = ALLAH_HEADS.contains(&info[i - 1].key);
                if head && tags[i - 1] == 0 {
                    tags[i - 1] = begin;
                    tags[i] = inside;
                    i -= 1;
                } else if head && tag_label(tags[i - 1]) == Some(Label::Person) {
                    // The span before ends at the head: one name.
                    tags[i] = inside;
                    i = span_end(tags, i + 1);
                    continue;
                } else {
                    let end = span_end(tags, i + 1);
                    tags[i..end].fill(0);
                    i = end;
                    continue;
                }
            }
            // «علي» right before a person is the first name. ANERcorp
            // writes the preposition «على» as «علي» (233 times against 43
            // names), and the tagger learned the word as no name; the news
            // writes the name so (all 29 such spans in a tenth of the
            // news corpus: «المخلوع علي عبدالله صالح»). Not «على» itself,
            // whose key is the same.
            if i > line.start
                && tags[i - 1] == 0
                && joins(&info[i])
                && &text[words[i - 1].clone()] == "علي"
            {
                tags[i - 1] = begin;
                tags[i] = inside;
                i -= 1;
            }
            let mut end = span_end(tags, i + 1);
            // Cut before a prayer, or drop a prayer or «الله» alone. (A
            // prayer that opens a longer span is left: «حمد الله» is also
            // a first name.)
            let prayer = (i + 1..=end.min(line.end - 1))
                .find(|&k| info[k].key == "الله" && is_prayer(info[k - 1].key));
            match prayer {
                Some(k) if k - 1 > i => {
                    tags[k - 1..end].fill(0);
                    end = k - 1;
                }
                Some(k) if k + 1 >= end => {
                    tags[i..end].fill(0);
                    i = end;
                    continue;
                }
                _ if end == i + 1 && info[i].key == "الله" => {
                    tags[i] = 0;
                    i = end;
                    continue;
                }
                _ => {}
            }
            // Cut at a conjunction or «لل» that is no name.
            if let Some(k) = (i + 1..end).find(|&k| {
                let w = &info[k];
                (w.clitic.starts_with('و') || w.clitic == "لل")
                    && w.bits & (NAME_BITS | PARTICLE_BIT) == 0
                    && info[k - 1].bits & PARTICLE_BIT == 0
                    // The news writes the whole word and never the rest:
                    // a name of its own («بول وولفويتز»).
                    && !(w.clusters.is_some() && w.stem_clusters.is_none())
            }) {
                let rest = info[k].key.strip_prefix('و').unwrap_or(info[k].key);
                let named = known(rest) & NAME_BITS != 0;
                if end - k >= 2 || named {
                    tags[k] = begin;
                } else {
                    tags[k..end].fill(0);
                }
                i = k;
                continue;
            }
            // Extend over the word after a final particle or a regnal number.
            while end < line.end && joins(&info[end]) && (tags[end] == 0 || tags[end] == begin) {
                let last = &info[end - 1];
                let next = &info[end];
                // Kings go by one name («الحسن», «عبد الله»): after more,
                // «الثالث» is a rank («فرناندو غونزاليز الثالث»).
                let regnal = next.bits & REGNAL_BIT != 0
                    && (end - i == 1 || end - i == 2 && info[i].key == "عبد");
                // «ولد» and «أم» are also "born" and "or": after them
                // only a known name («كوبرنيك ولد في», «أم كلثوم»).
                let particle = last.bits & PARTICLE_BIT != 0
                    && (next.bits & FUNCTION_BIT == 0 || next.bits & PARTICLE_BIT != 0)
                    && (!matches!(last.key, "ولد" | "ام")
                        || next.bits & (NAME_BITS | PARTICLE_BIT) != 0);
                let takes = particle || regnal || next.key == "عشر" && last.bits & REGNAL_BIT != 0;
                if !takes {
                    break;
                }
                tags[end] = inside;
                end = span_end(tags, end + 1);
            }
            i = end;
        }
    }
}

/// Mends the tagger's place and organisation spans that start where a
/// gazetteer name of their label starts and stop inside it, so that a
/// name of the lists is never cut into pieces no list holds: the name
/// split into two spans of its label («حفر» | «الباطن», «المدينة» |
/// «المنورة») becomes one; a span that stops inside it with the rest
/// untagged («لوس» of «لوس أنجلوس», «الضفة» of «الضفة الغربية») takes the
/// rest, unless the part it took is a name of the lists itself: ANERcorp
/// writes «مكة» and «آسيا» without «المكرمة» and «الوسطى», and so may the
/// tagger. (ANERcorp's 5-fold on the same fold models: PLACE 0.870 →
/// 0.873, ORG 0.632 → 0.633; extending every such span instead, 0.862.)
fn mend_listed(
    tags: &mut [usize],
    key: &str,
    words: &[Range<usize>],
    cands: &[Candidate],
    at: &[Option<(usize, bool)>],
    matcher: &Matcher,
) {
    let mut i = 0;
    while i < words.len() {
        let Some((c, true)) = at[i] else {
            i += 1;
            continue;
        };
        let cand = &cands[c];
        // The candidate's last word.
        let j = (i..words.len())
            .take_while(|&w| at[w].is_some_and(|(d, _)| d == c))
            .last()
            .unwrap_or(i);
        let begin = begin_tag(cand.label).filter(|_| {
            matches!(cand.label, Label::Place | Label::Org)
                && cand.source == Source::Gazetteer
                && j > i
                && words[j].end == cand.range.end
        });
        if let Some(begin) = begin.filter(|&b| tags[i] == b) {
            let inside = begin + 1;
            let continues = tags.get(j + 1) == Some(&inside);
            if !continues && tags[i..=j].iter().all(|&t| t == begin || t == inside) {
                tags[i + 1..=j].fill(inside);
            }
            let end = (i + 1..=j).find(|&w| tags[w] != inside).unwrap_or(j + 1);
            if !continues
                && end <= j
                && tags[end..=j].iter().all(|&t| t == 0)
                && !matcher.lists(&key[cand.range.start..words[end - 1].end], cand.label)
            {
                tags[end..=j].fill(inside);
            }
        }
        i = j + 1;
    }
}

/// The names of the Latin letters as Arabic writes them (matching keys):
/// the words of a dotted abbreviation. Arabic initials («د.» for doctor,
/// «محمد أ.») are single letters and none of these; nor is a word run
/// into the next sentence without a space («لندن.ستباع»).
const LETTER_NAMES: &[&str] = &[
    "ايه",
    "اي",
    "بي",
    "سي",
    "دي",
    "اف",
    "جي",
    "جيه",
    "اتش",
    "اش",
    "اس",
    "ام",
    "ان",
    "او",
    "كيه",
    "كي",
    "ال",
    "كيو",
    "ار",
    "تي",
    "يو",
    "في",
    "دبليو",
    "اكس",
    "واي",
    "زد",
    "زي",
];

/// Mends the tagger's names in a dotted abbreviation, letters written out
/// and joined by dots («بي.إم.دبليو», BMW; «إي.إس.بي.إن», ESPN): the
/// tagger sees each letter as a word between two full stops and names one
/// or two of them («إم» alone, an organisation 13 times in a tenth of the
/// news corpus); the name is the whole abbreviation. Where the tagger
/// named its letters with one label only, they become one span.
fn mend_dotted(tags: &mut [usize], key: &str, words: &[Range<usize>]) {
    let letter = |w: &Range<usize>| LETTER_NAMES.contains(&&key[w.clone()]);
    let dot = |a: &Range<usize>, b: &Range<usize>| &key[a.end..b.start] == ".";
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        // The dot first: it rules out nearly every word at once.
        while j + 1 < words.len()
            && dot(&words[j], &words[j + 1])
            && letter(&words[j])
            && letter(&words[j + 1])
        {
            j += 1;
        }
        if j > i {
            let labels: Vec<Label> = tags[i..=j].iter().filter_map(|&t| tag_label(t)).collect();
            if let (Some(&first), true) = (labels.first(), labels.iter().all(|&l| l == labels[0])) {
                // A span of the label that runs into the chain goes on over
                // it («سي.إف إندستريز»).
                let begin = begin_tag(first).expect("a name label");
                let joined = i > 0
                    && tag_label(tags[i - 1]) == Some(first)
                    && key[words[i - 1].end..words[i].start].trim().is_empty();
                tags[i] = if joined { begin + 1 } else { begin };
                tags[i + 1..=j].fill(begin + 1);
            }
        }
        i = j + 1;
    }
}

/// Words that make a name or title with «الله» after them (matching keys):
/// «عبد الله», «ضيف الله», «ولي الله», «عطا الله», «آية الله» ….
const ALLAH_HEADS: &[&str] = &[
    "عبد", "ايه", "ضيف", "ولي", "عطا", "عطاء", "فتح", "نصر", "جار", "خير", "عوض", "رزق", "هبه",
    "فضل", "سيف", "لطف", "نعمه", "حسب", "دخيل", "حرز", "جاب", "فرج", "عين", "امر",
];

/// Words that make a prayer with «الله» after them (matching keys): «رحمه
/// الله» (God have mercy on him), «حفظه الله» (God keep him), «رضي الله
/// عنه», «صلى الله عليه وسلم», «إن شاء الله». Written after a name in the
/// news («عبدالعزيز - رحمه الله»: in 18 days of SaudiNewsNet about 940
/// false people went and 400 were cut to the name before the prayer);
/// ANERcorp tags them O.
const PRAYERS: &[&str] = &[
    "رحمه",
    "رحمها",
    "رحمهم",
    "رحمهما",
    "يرحمه",
    "يرحمها",
    "يرحمهم",
    "يرحمهما",
    "حفظه",
    "حفظها",
    "حفظهم",
    "حفظهما",
    "يحفظه",
    "يحفظها",
    "يحفظهم",
    "ايده",
    "ايدها",
    "يويده",
    "رعاه",
    "رعاها",
    "يرعاه",
    "سلمه",
    "وفقه",
    "وفقها",
    "وفقهم",
    "يوفقه",
    "تغمده",
    "تغمدها",
    "تغمدهم",
    "رضي",
    "غفر",
    "يغفر",
    "طيب",
    "جزاه",
    "جزاها",
    "جزاهم",
    "جزاك",
    "شفاه",
    "عافاه",
    "هداه",
    "اعزه",
    "اطال",
    "بارك",
    "قاتل",
    "قاتله",
    "قاتلهم",
    "لعن",
    "لعنه",
    "صلي",
    "سبحان",
    "شاء",
    "باذن",
    "بعون",
    "توفيق",
    "رضوان",
    "نحمد",
    "احمد",
    "حمد",
    "معاذ",
    "سامح",
    "عباد",
    "ان",
    "لان",
];

/// Whether `key` (a matching key), without a leading «و», «ف» or «ب», is
/// one of [`PRAYERS`] («بحمد الله», thanks to God).
fn is_prayer(key: &str) -> bool {
    let bare = key
        .strip_prefix(['و', 'ف', 'ب'])
        .filter(|rest| rest.chars().count() >= 2);
    PRAYERS.contains(&key) || bare.is_some_and(|rest| PRAYERS.contains(&rest))
}

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
    if aside > 0 && crate::gazetteer::glued(info.key, &info.key[aside..]) {
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
    for line in &lines {
        for i in line.clone() {
            let mut emit = cache.context(model, &info, i, line, &mut feats);
            pair_features(&info, i, line, &mut feats);
            for f in &feats {
                model.add_passes(*f, &mut emit);
            }
            for (role, d) in OFFSETS.iter().enumerate() {
                let s = match i.checked_add_signed(*d).filter(|j| line.contains(j)) {
                    Some(j) => &cache.entries[type_scores[j] as usize].scores[role],
                    None => &cache.edges[role],
                };
                for (e, s) in emit.iter_mut().zip(s) {
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
        let stems: Vec<u64> = info.iter().map(|w| stack::stem_hash(w.stem)).collect();
        tags = stack::second_pass(
            second,
            &stems,
            &lines,
            &second_emits,
            &joined,
            &tags,
            &mut cache.views,
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
                // A place or organisation of the lists that the tagger bounds
                // otherwise («مكة» of «مكة المكرمة», «الولايات المتحدة
                // الأمريكية» over «الولايات المتحدة») is still that entry:
                // the span keeps its id and name, which users join on.
                let entry = match at[a] {
                    Some((c, true))
                        if label != Label::Person
                            && cands[c].label == label
                            && cands[c].source == Source::Gazetteer =>
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

/// One line of a gold document, ready for training.
#[derive(Clone, Debug)]
pub(crate) struct Example {
    feats: Vec<Vec<u64>>,
    joined: Vec<bool>,
    gold: Vec<usize>,
    /// Each word's [`stack::stem_hash`], for the second pass.
    stems: Vec<u64>,
}

/// The training lines of one chunk, its words read with the news lexicon
/// `news` if any: `gold` gives each word's gold span as (label, whether the
/// word starts it).
pub(crate) fn examples(
    chunk: &Chunk<'_>,
    cands: &[Candidate],
    gold: &[Option<(Label, bool)>],
    news: Option<&NewsLexicon>,
    out: &mut Vec<Example>,
) {
    let at = word_candidates(chunk.words, cands);
    let info = infos(chunk, cands, &at, news, None);
    for line in lines(&info) {
        let mut feats = vec![Vec::new(); line.len()];
        for (n, i) in line.clone().enumerate() {
            features(&info, i, &line, &mut feats[n]);
        }
        let joined: Vec<bool> = info[line.clone()].iter().map(joins).collect();
        // A gold span across punctuation is two spans to the tagger.
        let gold = gold[line.clone()]
            .iter()
            .zip(&joined)
            .map(|(g, &joined)| match g {
                None => 0,
                Some((label, begins)) => {
                    begin_tag(*label).expect("a name label") + usize::from(!begins && joined)
                }
            })
            .collect();
        let stems = info[line]
            .iter()
            .map(|w| stack::stem_hash(w.stem))
            .collect();
        out.push(Example {
            feats,
            joined,
            gold,
            stems,
        });
    }
}

/// Adds `b` to `a`, tag by tag.
fn add_to(a: &mut [f32; TAGS], b: &[f32; TAGS]) {
    for (a, b) in a.iter_mut().zip(b) {
        *a += b;
    }
}

/// Averaged perceptron weights while training: the weights, and the sum of
/// each update times the step it was made at.
#[derive(Clone, Default)]
struct Acc {
    w: [f32; TAGS],
    u: [f64; TAGS],
}

impl Acc {
    fn add(&mut self, t: usize, delta: f32, step: u64) {
        self.w[t] += delta;
        self.u[t] += f64::from(delta) * step as f64;
    }

    fn average(&self, step: u64) -> [f32; TAGS] {
        std::array::from_fn(|t| (f64::from(self.w[t]) - self.u[t] / step as f64) as f32)
    }
}

/// Averaged weights at most this large are left out of a trained model.
const PRUNE: f32 = 1.0;

/// Trains a model on the lines of gold documents `docs` for `epochs`
/// passes, and its second pass ([`stack::train`]) when there are enough
/// documents, shuffling the lines by seeds shifted by `seed`. The same
/// data and seed give the same model.
pub(crate) fn train(
    docs: &[Vec<Example>],
    epochs: usize,
    seed: u64,
    news: Option<NewsLexicon>,
) -> Model {
    let lines: Vec<&Example> = docs.iter().flatten().collect();
    let mut model = train_pass(&lines, epochs, seed);
    if !model.is_empty() {
        model.second = stack::train(docs, epochs, seed).map(Box::new);
    }
    model.news = news;
    model
}

/// Trains one pass on `examples` for `epochs` passes: the mean of three
/// averaged perceptrons, each visiting the examples in its own order
/// (shuffled by seeds `seed`, `seed + 1` and `seed + 2`: the same data
/// and seed give the same model), with the weights of at most [`PRUNE`]
/// left out.
fn train_pass(examples: &[&Example], epochs: usize, seed: u64) -> Model {
    // Parameter mixing (McDonald et al. 2010): each order of the examples
    // gives a somewhat different model, and their mean is steadier.
    // ANERcorp's 5-fold with three: PLACE 0.866 → 0.873, ORG 0.623 →
    // 0.625, PERSON 0.780 → 0.778; with five, 0.872, 0.631 and 0.780, for
    // two thirds more training time.
    const MIX: u64 = 3;
    let models: Vec<Model> = (0..MIX)
        .map(|n| train_seeded(examples, epochs, seed.wrapping_add(n)))
        .collect();
    let mut mean: FastMap<u64, [f32; TAGS]> = FastMap::default();
    let mut model = Model {
        id: Model::next_id(),
        ..Model::default()
    };
    let share = 1.0 / MIX as f32;
    for m in &models {
        for (f, w) in &m.weights {
            let sum = mean.entry(*f).or_default();
            for (s, w) in sum.iter_mut().zip(w) {
                *s += w * share;
            }
        }
        for (row, m) in model.trans.iter_mut().zip(&m.trans) {
            for (s, w) in row.iter_mut().zip(m) {
                *s += w * share;
            }
        }
    }
    model.weights = mean
        .into_iter()
        .filter(|(_, w)| w.iter().any(|w| w.abs() > PRUNE))
        .collect();
    model
}

/// Trains one averaged perceptron on `examples` for `epochs` passes,
/// visiting them in an order shuffled by a fixed seed and `seed`; no
/// weight is pruned.
fn train_seeded(examples: &[&Example], epochs: usize, seed: u64) -> Model {
    let mut weights: FastMap<u64, Acc> = FastMap::default();
    let mut trans: Vec<Acc> = vec![Acc::default(); TAGS + 1];
    let mut current = Model::default();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng: u64 = 0x9E37_79B9_7F4A_7C15 ^ seed;
    let mut pred = Vec::new();
    let mut step: u64 = 1;
    for _ in 0..epochs {
        // Fisher–Yates with a 64-bit LCG (Knuth's MMIX constants).
        for i in (1..order.len()).rev() {
            rng = rng
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            order.swap(i, (rng >> 33) as usize % (i + 1));
        }
        for &e in &order {
            let ex = examples[e];
            let emits: Vec<_> = ex.feats.iter().map(|f| current.scores(f)).collect();
            current.viterbi(&emits, &ex.joined, &mut pred);
            if pred != ex.gold {
                for i in 0..pred.len() {
                    let (g, p) = (ex.gold[i], pred[i]);
                    let (gp, pp) = if i == 0 {
                        (TAGS, TAGS)
                    } else {
                        (ex.gold[i - 1], pred[i - 1])
                    };
                    if (gp, g) != (pp, p) {
                        trans[gp].add(g, 1.0, step);
                        trans[pp].add(p, -1.0, step);
                        current.trans[gp][g] += 1.0;
                        current.trans[pp][p] -= 1.0;
                    }
                    if g == p {
                        continue;
                    }
                    for f in &ex.feats[i] {
                        let acc = weights.entry(*f).or_default();
                        acc.add(g, 1.0, step);
                        acc.add(p, -1.0, step);
                        let cur = current.weights.entry(*f).or_default();
                        cur[g] += 1.0;
                        cur[p] -= 1.0;
                    }
                }
            }
            step += 1;
        }
    }
    let mut model = Model {
        id: Model::next_id(),
        ..Model::default()
    };
    for (p, acc) in trans.iter().enumerate() {
        model.trans[p] = acc.average(step);
    }
    for (f, acc) in weights {
        model.weights.insert(f, acc.average(step));
    }
    model
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;
    use crate::eval::{GoldDoc, parse_conll};
    use crate::extract::{Entity, Extractor, extractor_with};

    /// A named case of [`spans`]: tags, and the spans they make.
    type SpansCase = (
        &'static str,
        &'static [usize],
        &'static [(Label, usize, usize)],
    );
    /// An unseen sentence and the names the trained tagger must give.
    type LearnCase = (&'static str, &'static [(Label, &'static str, Source)]);

    // Tag numbers, as `TAGS` and `NAME_LABELS` lay them out.
    const O: usize = 0;
    const B_PER: usize = 1;
    const I_PER: usize = 2;
    const B_LOC: usize = 3;
    const I_LOC: usize = 4;
    const B_ORG: usize = 5;
    const I_ORG: usize = 6;

    /// Made-up names, in no gazetteer or lexicon: the tagger can only learn
    /// them from their context («كتب» before a person, «في» before a place).
    /// Not «قال»: a rule already takes the word after it for a name.
    const PEOPLE: [&str; 24] = [
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
    const PLACES: [&str; 24] = [
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
    const MIDDLES: [&str; 6] = [
        "الاجتماع انتهى",
        "الوفد وصل أمس",
        "المفاوضات استمرت طويلا",
        "السوق مزدحمة",
        "الطقس كان باردا",
        "الناس ينتظرون",
    ];

    /// The gold set: «كتب PERSON رسالة تقول إن … في PLACE .», one sentence
    /// each.
    fn pattern_conll() -> String {
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

    fn gold() -> Vec<GoldDoc> {
        parse_conll(&pattern_conll(), "pattern.conll").unwrap()
    }

    /// The finders without a model, shared: building the matchers is the
    /// slow part.
    static FINDERS: LazyLock<Extractor> = LazyLock::new(|| extractor_with(""));

    /// The model trained on [`gold`], shared.
    static TRAINED: LazyLock<Model> = LazyLock::new(|| FINDERS.train(&gold(), 10));

    pub(super) fn with_model(model: Model) -> Extractor {
        Extractor::builder()
            .default_model(false)
            .model(model)
            .build()
            .unwrap()
    }

    /// Sentences of the pattern with names seen in training and not.
    const PROBES: [&str; 4] = [
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
    static TWO_PASSES: LazyLock<Model> = LazyLock::new(|| {
        FINDERS.train(
            &crate::eval::group(gold(), crate::eval::Grouping::Every(4)),
            10,
        )
    });

    /// Bytes of a model file: the header, then the header's pass count
    /// (version 2 only).
    fn header(version: u32, tags: u32) -> Vec<u8> {
        let mut b = MAGIC.to_vec();
        b.extend_from_slice(&version.to_le_bytes());
        b.extend_from_slice(&tags.to_le_bytes());
        b
    }

    /// The bytes one pass takes: transitions, row count, rows.
    fn pass_len(m: &Model) -> usize {
        4 * TAGS * (TAGS + 1) + 4 + m.weights.len() * (8 + 4 * TAGS)
    }

    #[test]
    fn a_trained_model_survives_bytes_with_the_same_predictions() {
        // One-line documents leave no second pass; four-line ones make one.
        assert!(TRAINED.second.is_none());
        let second = TWO_PASSES.second.as_deref().expect("a second pass");
        assert!(!second.is_empty());
        let joined = PROBES.join("\n");
        let mut probes = PROBES.to_vec();
        probes.push(&joined);
        for (model, passes) in [(&*TRAINED, 1), (&*TWO_PASSES, 2)] {
            assert!(!model.is_empty());
            let bytes = model.to_bytes();
            assert_eq!(&bytes[..8], MAGIC);
            assert_eq!(bytes[16..20], (passes as u32).to_le_bytes());
            // The passes, then the news lexicon flag (none).
            let size = 20 + pass_len(model) + model.second.as_deref().map_or(0, pass_len) + 1;
            assert_eq!(bytes.len(), size);
            assert_eq!(bytes.last(), Some(&0));
            let back = Model::from_bytes(&bytes).unwrap();
            assert_eq!(back.weights, model.weights);
            assert_eq!(back.trans, model.trans);
            assert_eq!(
                back.second.as_ref().map(|s| (&s.weights, s.trans)),
                model.second.as_ref().map(|s| (&s.weights, s.trans))
            );
            assert_eq!(back.to_bytes(), bytes, "to_bytes after from_bytes");
            let (a, b) = (with_model(model.clone()), with_model(back));
            for text in &probes {
                let ea = a.extract(text);
                assert!(!ea.is_empty(), "the model finds something in {text:?}");
                assert_eq!(ea, b.extract(text), "{text:?}");
            }
        }
    }

    #[test]
    fn an_empty_model_survives_bytes() {
        let bytes = Model::default().to_bytes();
        assert_eq!(bytes.len(), 20 + 4 * TAGS * (TAGS + 1) + 4 + 1);
        let back = Model::from_bytes(&bytes).unwrap();
        assert!(back.is_empty());
        assert!(back.second.is_none());
        assert_eq!(back.trans, [[0.0; TAGS]; TAGS + 1]);
    }

    #[test]
    fn a_version_1_model_is_still_read() {
        // Version 1: the header, the transitions, the rows to the end.
        let good = TRAINED.to_bytes();
        let trans = 4 * TAGS * (TAGS + 1);
        let rows = &good[20 + trans + 4..good.len() - 1];
        let v1 = [header(1, 7), good[20..20 + trans].to_vec(), rows.to_vec()].concat();
        let back = Model::from_bytes(&v1).unwrap();
        assert_eq!(back.weights, TRAINED.weights);
        assert_eq!(back.trans, TRAINED.trans);
        assert!(back.second.is_none());
        assert_eq!(back.to_bytes(), good);
        // Cutting whole rows leaves a smaller, valid model.
        let row = 8 + 4 * TAGS;
        let fewer = Model::from_bytes(&v1[..v1.len() - row]).unwrap();
        assert_eq!(fewer.len(), TRAINED.len() - 1);
        let mut extra = v1.clone();
        extra.push(0);
        assert_eq!(
            Model::from_bytes(&extra).unwrap_err(),
            format!(
                "{} bytes of feature rows, not a multiple of {row}",
                rows.len() + 1
            )
        );
    }

    #[test]
    fn a_version_2_model_is_still_read() {
        // Version 2: version 3 without the news lexicon flag.
        let good = TWO_PASSES.to_bytes();
        let v2 = [header(2, 7), good[16..good.len() - 1].to_vec()].concat();
        let back = Model::from_bytes(&v2).unwrap();
        assert!(back.news().is_none());
        assert_eq!(back.to_bytes(), good);
    }

    #[test]
    fn bad_model_bytes_are_refused_with_a_reason() {
        let good = TWO_PASSES.to_bytes();
        let trans_end = 20 + 4 * TAGS * (TAGS + 1);
        let mut extra = good.clone();
        extra.push(0);
        let passes =
            |n: u32| [header(2, 7), n.to_le_bytes().to_vec(), good[20..].to_vec()].concat();
        let cases: Vec<(&str, Vec<u8>, String)> = vec![
            ("empty", vec![], "truncated at byte 0".into()),
            (
                "short magic",
                b"KASH".to_vec(),
                "truncated at byte 0".into(),
            ),
            (
                "text file",
                "قال زرنوخ إن الاجتماع انتهى\n".as_bytes().to_vec(),
                "not a kashf tagger model (no KASHFTAG header)".into(),
            ),
            (
                "lower-case magic",
                [b"kashftag".as_slice(), &good[8..]].concat(),
                "not a kashf tagger model (no KASHFTAG header)".into(),
            ),
            ("no version", MAGIC.to_vec(), "truncated at byte 8".into()),
            (
                "version 4",
                [header(4, 7), good[16..].to_vec()].concat(),
                "model version 4; this kashf reads versions 1 to 3".into(),
            ),
            (
                "version 0",
                header(0, 7),
                "model version 0; this kashf reads versions 1 to 3".into(),
            ),
            (
                "5 tags",
                [header(2, 5), good[16..].to_vec()].concat(),
                "5 tags; expected 7".into(),
            ),
            ("no pass count", header(2, 7), "truncated at byte 16".into()),
            ("no passes", passes(0), "0 passes; expected 1 or 2".into()),
            (
                "three passes",
                passes(3),
                "3 passes; expected 1 or 2".into(),
            ),
            (
                "transitions cut inside a weight",
                good[..30].to_vec(),
                "truncated at byte 28".into(),
            ),
            (
                "last transition missing",
                good[..trans_end - 4].to_vec(),
                format!("truncated at byte {}", trans_end - 4),
            ),
            (
                "one byte too many",
                extra,
                "1 bytes after the end of the model".into(),
            ),
            (
                "no news lexicon flag",
                good[..good.len() - 1].to_vec(),
                format!("truncated at byte {}", good.len() - 1),
            ),
            (
                "a news lexicon flag of 2",
                [&good[..good.len() - 1], &[2]].concat(),
                "news lexicon flag [2]; expected 0 or 1".into(),
            ),
            (
                "a news lexicon flag and no lexicon",
                [&good[..good.len() - 1], &[1]].concat(),
                format!("truncated at byte {}", good.len()),
            ),
            (
                "last row cut",
                good[..good.len() - 4].to_vec(),
                format!("truncated at byte {}", good.len() - 1 - (8 + 4 * TAGS)),
            ),
            (
                "a row count past the end",
                [
                    header(2, 7),
                    1u32.to_le_bytes().to_vec(),
                    good[20..trans_end].to_vec(),
                    u32::MAX.to_le_bytes().to_vec(),
                ]
                .concat(),
                format!("truncated at byte {}", trans_end + 4),
            ),
            (
                "second pass missing",
                good[..20 + pass_len(&TWO_PASSES)].to_vec(),
                format!("truncated at byte {}", 20 + pass_len(&TWO_PASSES)),
            ),
        ];
        for (name, bytes, want) in cases {
            match Model::from_bytes(&bytes) {
                Ok(_) => panic!("{name}: read as a model"),
                Err(e) => assert_eq!(e, want, "{name}"),
            }
        }
    }

    #[test]
    fn an_inside_tag_only_continues_its_own_label() {
        let cases: &[(&str, Option<usize>, usize, bool)] = &[
            ("O at the start", None, O, true),
            ("B at the start", None, B_LOC, true),
            ("I at the start", None, I_PER, false),
            ("O after O", Some(O), O, true),
            ("B after O", Some(O), B_ORG, true),
            ("I-PER after O", Some(O), I_PER, false),
            ("I-LOC after O", Some(O), I_LOC, false),
            ("I-ORG after O", Some(O), I_ORG, false),
            ("I-PER after B-PER", Some(B_PER), I_PER, true),
            ("I-PER after I-PER", Some(I_PER), I_PER, true),
            ("I-LOC after B-LOC", Some(B_LOC), I_LOC, true),
            ("I-ORG after I-ORG", Some(I_ORG), I_ORG, true),
            ("I-PER after B-LOC", Some(B_LOC), I_PER, false),
            ("I-PER after I-ORG", Some(I_ORG), I_PER, false),
            ("I-LOC after I-PER", Some(I_PER), I_LOC, false),
            ("I-ORG after B-PER", Some(B_PER), I_ORG, false),
            ("B-PER after I-PER", Some(I_PER), B_PER, true),
            ("O after I-ORG", Some(I_ORG), O, true),
        ];
        for &(name, prev, t, want) in cases {
            assert_eq!(allowed(prev, t), want, "{name}");
        }
        // Every pair: an I tag needs a B or I of its label just before.
        for prev in std::iter::once(None).chain((0..TAGS).map(Some)) {
            for t in 0..TAGS {
                let inside = t != O && !is_begin(t);
                let want =
                    !inside || prev.is_some_and(|p| p != O && p.div_ceil(2) == t.div_ceil(2));
                assert_eq!(allowed(prev, t), want, "{prev:?} → {t}");
            }
        }
    }

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
    fn proclitics_split_off_only_with_three_letters_left() {
        let cases: &[(&str, &str, (&str, &str))] = &[
            ("no clitic", "محمد", ("", "محمد")),
            ("article", "القاهره", ("ال", "قاهره")),
            ("wa + article", "والقاهره", ("وال", "قاهره")),
            (
                "wa + bi + article, the longest",
                "وبالقاهره",
                ("وبال", "قاهره"),
            ),
            ("bi + article", "بالعراق", ("بال", "عراق")),
            ("fa + article", "فالرئيس", ("فال", "رئيس")),
            ("li + article", "للبنان", ("لل", "بنان")),
            ("wa + li + article", "وللبنان", ("ولل", "بنان")),
            ("ka + article", "كالاسد", ("كال", "اسد")),
            ("wa + li", "ولمصر", ("ول", "مصر")),
            ("wa", "وموسكو", ("و", "موسكو")),
            ("bi", "بموسكو", ("ب", "موسكو")),
            // «وال» would leave one letter: «و» leaves three.
            ("falls back to a shorter clitic", "والد", ("و", "الد")),
            ("exactly three letters left", "وزير", ("و", "زير")),
            ("two letters left: kept whole", "بوش", ("", "بوش")),
            ("article, two letters left", "الرب", ("", "الرب")),
            ("three letters only", "ولد", ("", "ولد")),
            ("Latin", "Obama", ("", "Obama")),
            ("empty", "", ("", "")),
        ];
        for &(name, word, want) in cases {
            let got = split_clitic(word);
            assert_eq!(got, want, "{name}: {word}");
            assert_eq!(format!("{}{}", got.0, got.1), word, "{name}: parts rejoin");
        }
    }

    #[test]
    fn weak_name_tokens_are_flagged_apart_from_the_lexicons() {
        const WEAK: u8 = 1 << 6;
        assert_eq!(FLAG_NAMES[6], "weak-name-token");
        let flags = |k: &str| word_info(k, ["-", "-", "-"], "sp", None).flags;
        // Wikidata's once-seen «يلتسن», with a proclitic too.
        assert_ne!(flags("يلتسن") & WEAK, 0);
        assert_ne!(flags("ليلتسن") & WEAK, 0);
        // A name the rules' lexicon holds, and a word, are not.
        assert_eq!(flags("بوتين") & WEAK, 0);
        assert_eq!(flags("الحكومه") & WEAK, 0);
        // The list holds no name token of the lexicons and none of the
        // news's frequent words.
        let frequent: FastSet<&str> = include_str!("../../gazetteers/frequent-words.txt")
            .lines()
            .collect();
        assert!(WEAK_NAME_TOKENS.len() > 30_000);
        for &w in WEAK_NAME_TOKENS.iter() {
            assert_eq!(known(w) & crate::vocab::NAME_BITS, 0, "{w}");
            assert!(!frequent.contains(w), "{w}");
        }
    }

    #[test]
    fn affixes_count_characters_not_bytes() {
        let cases: &[(&str, &str, usize, (&str, &str))] = &[
            ("two of five", "قاهره", 2, ("قا", "ره")),
            ("three of five", "قاهره", 3, ("قاه", "هره")),
            ("one", "بوش", 1, ("ب", "ش")),
            ("as long as n", "محمد", 4, ("محمد", "محمد")),
            ("shorter than n", "في", 3, ("في", "في")),
            ("empty", "", 2, ("", "")),
            ("ASCII", "Obama", 2, ("Ob", "ma")),
            ("mixed widths", "aبcد", 2, ("aب", "cد")),
        ];
        for &(name, s, n, want) in cases {
            assert_eq!(affixes(s, n), want, "{name}: affixes({s:?}, {n})");
        }
    }

    #[test]
    fn every_word_of_the_cluster_file_is_found_with_its_clusters() {
        let mut previous: Option<&str> = None;
        let mut words = 0;
        for line in CLUSTERS.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 4, "line {line:?}");
            let word = fields[0];
            // Sorted, and no word twice (the table would keep the last).
            if let Some(p) = previous {
                assert!(p < word, "{p:?} before {word:?}: not sorted");
            }
            previous = Some(word);
            let number = |f: &str| f.parse::<u16>().expect("a cluster number");
            let want = [number(fields[1]), number(fields[2]), number(fields[3])];
            assert!(want.iter().all(|&n| n < CLUSTER_MAX), "{line:?}");
            assert_eq!(clusters(word), Some(want), "{word}");
            words += 1;
        }
        assert!(words > 50_000, "only {words} words");
    }

    #[test]
    fn words_outside_the_cluster_file_have_none() {
        for k in ["", "#", "\t", "zzzzzz", "ىىىىىى", "بوتينن", "ابوتين", "a b"] {
            assert_eq!(clusters(k), None, "{k:?}");
        }
    }

    #[test]
    fn cluster_parts_are_the_numbers_the_file_writes() {
        for n in [0, 7, 42, 617, CLUSTER_MAX - 1] {
            assert_eq!(cluster_part(n), n.to_string());
        }
    }

    #[test]
    fn clusters_group_words_used_alike() {
        // Distributional facts of the news corpus, not of the file's
        // format: heads of state together, apart from verbs and cities.
        let fine = |k: &str| clusters(k).unwrap_or_else(|| panic!("{k} has no cluster"))[0];
        assert_eq!(fine("بوتين"), fine("اوباما"));
        assert_eq!(fine("بوتين"), fine("اردوغان"));
        assert_ne!(fine("بوتين"), fine("يلتقي"));
        assert_ne!(fine("بوتين"), fine("القاهره"));
    }

    #[test]
    fn feature_hashes_are_stable_and_keep_parts_apart() {
        // Trained models hold these hashes: they must not change. Values
        // computed independently, by a Python version of `feature` (a part
        // of 16 bytes covers the eight-byte steps and the padded rest).
        let pinned: &[(u8, &[&str], u64)] = &[
            (0, &[], 0x9e37_79bd_8ef1_b1de),
            (4, &["قال"], 0x6a18_0e93_4b0a_2366),
            (25, &["P", "B", "g"], 0x6666_d212_deac_4e1a),
            (1, &["زيلينسكي"], 0x766c_61a1_11f2_5e14),
        ];
        for &(template, parts, want) in pinned {
            assert_eq!(
                feature(template, parts),
                want,
                "feature({template}, {parts:?})"
            );
        }
        assert_ne!(feature(1, &["ab", "c"]), feature(1, &["a", "bc"]));
        assert_ne!(feature(1, &["قال"]), feature(2, &["قال"]));
        assert_ne!(feature(1, &[""]), feature(1, &[]));
    }

    /// A model with weights from a fixed pseudo-random sequence, and lines
    /// of features drawn from its rows.
    fn random_model(seed: u64) -> (Model, Vec<Vec<Vec<u64>>>) {
        let mut rng = seed;
        let mut next = move || {
            rng = rng
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            rng >> 33
        };
        let w = |next: &mut dyn FnMut() -> u64| (next() % 2001) as f32 / 100.0 - 10.0;
        let mut model = Model::default();
        for row in &mut model.trans {
            for x in row.iter_mut() {
                *x = w(&mut next);
            }
        }
        for f in 0..40u64 {
            model
                .weights
                .insert(f, std::array::from_fn(|_| w(&mut next)));
        }
        let mut lines = Vec::new();
        for n in 0..=6 {
            for _ in 0..20 {
                let line = (0..n)
                    .map(|_| (0..3).map(|_| next() % 50).collect())
                    .collect();
                lines.push(line);
            }
        }
        (model, lines)
    }

    /// The emission scores of a line of features.
    fn emits(model: &Model, feats: &[Vec<u64>]) -> Vec<[f32; TAGS]> {
        feats.iter().map(|f| model.scores(f)).collect()
    }

    /// The score of a tag sequence under `model`.
    fn path_score(model: &Model, feats: &[Vec<u64>], tags: &[usize]) -> f32 {
        let mut s = 0.0;
        for (i, (f, &t)) in feats.iter().zip(tags).enumerate() {
            let prev = if i == 0 { TAGS } else { tags[i - 1] };
            s += model.trans[prev][t] + model.scores(f)[t];
        }
        s
    }

    /// The best allowed sequence by trying them all.
    fn brute_force(model: &Model, feats: &[Vec<u64>]) -> f32 {
        let n = feats.len();
        let mut best = f32::NEG_INFINITY;
        for code in 0..TAGS.pow(n as u32) {
            let tags: Vec<usize> = (0..n).map(|i| code / TAGS.pow(i as u32) % TAGS).collect();
            let ok = (0..n).all(|i| allowed(i.checked_sub(1).map(|p| tags[p]), tags[i]));
            if ok {
                best = best.max(path_score(model, feats, &tags));
            }
        }
        best
    }

    #[test]
    fn viterbi_finds_the_best_allowed_sequence() {
        let mut out = vec![3, 3, 3];
        for seed in [1, 2, 3, 0xDEAD_BEEF] {
            let (model, lines) = random_model(seed);
            for feats in &lines {
                model.viterbi(&emits(&model, feats), &vec![true; feats.len()], &mut out);
                assert_eq!(out.len(), feats.len(), "seed {seed}");
                for i in 0..out.len() {
                    let prev = i.checked_sub(1).map(|p| out[p]);
                    assert!(
                        allowed(prev, out[i]),
                        "seed {seed}: {:?} → {} in {out:?}",
                        prev,
                        out[i]
                    );
                }
                if feats.len() <= 4 {
                    let (got, want) = (path_score(&model, feats, &out), brute_force(&model, feats));
                    assert!(
                        (got - want).abs() < 1e-3,
                        "seed {seed}, {feats:?}: viterbi {out:?} scores {got}, best {want}"
                    );
                }
            }
        }
    }

    #[test]
    fn viterbi_opens_a_span_before_continuing_it() {
        // Every word wants I-PER, and a transition rewards O → I-PER: the
        // best allowed sequence is B-PER I-PER I-PER.
        let mut model = Model::default();
        model
            .weights
            .insert(7, [0.0, 0.0, 10.0, 0.0, 0.0, 0.0, 0.0]);
        model.trans[O][I_PER] = 100.0;
        model.trans[TAGS][I_PER] = 100.0;
        let mut out = Vec::new();
        let line = emits(&model, &[vec![7], vec![7], vec![7]]);
        model.viterbi(&line, &[true; 3], &mut out);
        assert_eq!(out, [B_PER, I_PER, I_PER]);
        // Punctuation before the third word: it cannot continue the span.
        model.viterbi(&line, &[true, true, false], &mut out);
        assert_eq!(out[..2], [B_PER, I_PER]);
        assert_ne!(out[2], I_PER, "{out:?}");
        model.viterbi(&[], &[], &mut out);
        assert!(out.is_empty(), "an empty line clears the output");
    }

    #[test]
    fn the_embedded_model_is_trained() {
        let model = Model::embedded();
        assert!(model.len() > 10_000, "{} features", model.len());
        // Read back, it writes the same bytes (sorted rows, little-endian).
        let bytes = include_bytes!("../../gazetteers/model/tagger.bin");
        assert_eq!(model.to_bytes(), bytes);
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

    /// The people `extractor` finds in `text`.
    fn people(extractor: &Extractor, text: &str) -> Vec<String> {
        extractor
            .extract(text)
            .into_iter()
            .filter(|e| e.label == Label::Person)
            .map(|e| e.text)
            .collect()
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

    /// `mend_dotted` over `key` (words: runs of letters), tags written as
    /// O, B and I for organisations and P for a person.
    fn mended_dotted(key: &str, tags: &str) -> String {
        let mut words = Vec::new();
        crate::doc::words_into(key, &mut words);
        let org = begin_tag(Label::Org).unwrap();
        let person = begin_tag(Label::Person).unwrap();
        let mut tags: Vec<usize> = tags
            .split(' ')
            .map(|t| match t {
                "O" => 0,
                "B" => org,
                "I" => org + 1,
                "P" => person,
                _ => panic!("tag {t}"),
            })
            .collect();
        assert_eq!(words.len(), tags.len(), "{key}");
        mend_dotted(&mut tags, key, &words);
        let names = |t: usize| match t {
            0 => "O",
            t if t == org => "B",
            t if t == org + 1 => "I",
            _ => "P",
        };
        tags.into_iter().map(names).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn a_dotted_abbreviation_is_one_name() {
        // One letter of «بي.ام.دبليو» named: the whole.
        assert_eq!(
            mended_dotted("سيارات بي.ام.دبليو الجديده", "O O B O O"),
            "O B I I O"
        );
        assert_eq!(
            mended_dotted("شبكه اي.اس.بي.ان قالت", "O B O B I O"),
            "O B I I I O"
        );
        // A span that runs into it from before, over a space, goes on.
        assert_eq!(mended_dotted("فولكس فاجن ايه.جي", "B I O B"), "B I I I");
        // Not over a quote.
        assert_eq!(mended_dotted("جامعه \"ام.اي.تي\"", "B B O O"), "B B I I");
        // Letters named with two labels stay as they are; no name, nothing.
        assert_eq!(mended_dotted("بي.ام.دبليو", "B P O"), "B P O");
        assert_eq!(mended_dotted("بي.ام.دبليو", "O O O"), "O O O");
        // Initials and words run into the next sentence are no letters.
        assert_eq!(mended_dotted("د.هيا المنيع", "O P P"), "O P P");
        assert_eq!(mended_dotted("لندن.ستباع السياره", "B O O"), "B O O");
    }

    /// `mend_listed` over the words of `text` with the default gazetteers'
    /// names as the finders find them, tags written as O, B and I for places.
    fn mended_places(text: &str, tags: &str) -> String {
        use crate::gazetteer::matching_key_of;
        let finders = crate::extract::Extractor::builder()
            .default_model(false)
            .build()
            .unwrap();
        let key = matching_key_of(text);
        let mut words = Vec::new();
        let mut at = 0;
        for w in key.split(' ') {
            words.push(at..at + w.len());
            at += w.len() + 1;
        }
        let cands: Vec<Candidate> = finders
            .extract(text)
            .into_iter()
            .filter(|e| e.label == Label::Place)
            .map(|e| {
                let name = matching_key_of(&e.text);
                let start = key.find(&name).unwrap();
                (start..start + name.len(), e.label)
            })
            .map(|(range, label)| Candidate::new(range, label, Source::Gazetteer))
            .collect();
        let begin = begin_tag(Label::Place).unwrap();
        let mut tags: Vec<usize> = tags
            .split(' ')
            .map(|t| match t {
                "O" => 0,
                "B" => begin,
                "I" => begin + 1,
                _ => panic!("tag {t}"),
            })
            .collect();
        assert_eq!(words.len(), tags.len());
        let at = word_candidates(&words, &cands);
        mend_listed(&mut tags, &key, &words, &cands, &at, finders.matcher());
        tags.iter()
            .map(|&t| match t {
                0 => "O",
                t if t == begin => "B",
                _ => "I",
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_listed_place_is_not_cut_into_pieces_no_list_holds() {
        // Split in two: one.
        assert_eq!(mended_places("في حفر الباطن أمس", "O B B O"), "O B I O");
        // Cut short, the rest untagged: whole.
        assert_eq!(mended_places("حرائق لوس أنجلوس أمس", "O B O O"), "O B I O");
        // Unless the part is a listed place itself (ANERcorp's «مكة»).
        assert_eq!(mended_places("في مكة المكرمة أمس", "O B O O"), "O B O O");
        // A span that goes on past the name is the tagger's.
        assert_eq!(
            mended_places("في حفر الباطن الشمالية", "O B B I"),
            "O B B I"
        );
    }

    /// The byte ranges of the words of `text`, as the extractor splits them.
    fn text_words(text: &str) -> Vec<Range<usize>> {
        let mut words = Vec::new();
        crate::doc::words_into(text, &mut words);
        words
    }

    /// `mend_people` over the words of `text` on one line, with tags
    /// written as O, B and I for people (`text` as written: the keys fold
    /// ى to ي, the rules may read the spelling).
    fn mended(text: &str, tags: &str) -> String {
        let mut key = String::new();
        crate::normalize::matching_key(text, &mut key);
        let words = text_words(text);
        let info: Vec<WordInfo<'_>> = words
            .iter()
            .map(|r| word_info(&key[r.clone()], ["-", "-", "-"], "sp", None))
            .collect();
        let mut tags: Vec<usize> = tags
            .split(' ')
            .map(|t| match t {
                "O" => 0,
                "B" => 1,
                "I" => 2,
                _ => panic!("tag {t}"),
            })
            .collect();
        assert_eq!(info.len(), tags.len());
        let line = 0..info.len();
        mend_people(&mut tags, &info, std::slice::from_ref(&line), text, &words);
        let names = ["O", "B", "I"];
        tags.iter().map(|&t| names[t]).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn a_person_does_not_end_in_a_particle() {
        assert_eq!(mended("قال علي بن ابي طالب", "O B I I O"), "O B I I I");
        assert_eq!(mended("جان مارك دو لا سابليير", "B I I O O"), "B I I I I");
        // A lone particle the tagger took for a name takes the name after it.
        assert_eq!(mended("عم النبي ابو طالب", "O O B O"), "O O B I");
        // «ولد» is also "was born": not over a function word, and only
        // over a known name.
        assert_eq!(mended("كوبرنيك ولد في تورون", "B I O O"), "B I O O");
        assert_eq!(mended("محمد ولد عبد العزيز", "B I O O"), "B I I I");
        // Not across punctuation.
        let info: Vec<WordInfo<'_>> = ["علي", "بن", "ابي", "طالب"]
            .iter()
            .enumerate()
            .map(|(n, k)| {
                word_info(
                    k,
                    ["-", "-", "-"],
                    if n == 3 { "comma" } else { "sp" },
                    None,
                )
            })
            .collect();
        let mut tags = vec![1, 2, 2, 0];
        let text = "علي بن ابي طالب";
        mend_people(
            &mut tags,
            &info,
            std::slice::from_ref(&(0..4)),
            text,
            &text_words(text),
        );
        assert_eq!(tags, [1, 2, 2, 0]);
    }

    #[test]
    fn ali_before_a_person_is_the_first_name() {
        assert_eq!(mended("المخلوع علي عبدالله صالح", "O O B I"), "O B I I");
        // «على», whose key is the same, is the preposition.
        assert_eq!(mended("المخلوع على عبدالله صالح", "O O B I"), "O O B I");
        // Only right before the span: not after it, nor where the tagger
        // named it already.
        assert_eq!(mended("عبدالله صالح علي", "B I O"), "B I O");
        assert_eq!(mended("وقال علي عبدالله", "O O B"), "O B I");
        assert_eq!(mended("علي عبدالله", "B I"), "B I");
    }

    #[test]
    fn no_person_starts_at_allah_after_a_word() {
        // The compound name or title takes its first word.
        assert_eq!(mended("احتفل ضيف الله القرشي", "O O B I"), "O B I I");
        assert_eq!(mended("المحافظ ولي الله سيف", "O O B I"), "O B I I");
        assert_eq!(mended("قال ايه الله الخميني", "O O B I"), "O B I I");
        // God, after a verb or a name: none.
        assert_eq!(mended("اذا احب الله العبد", "O O B I"), "O O O O");
        assert_eq!(mended("سعود الدوسري الله يرحمك", "B I B I"), "B I O O");
        // A head the tagger put in the span before: one name.
        assert_eq!(mended("الملك عبد الله الثاني", "O B B I"), "O B I I");
        // At the start of a line it is left to the prayer rules.
        assert_eq!(mended("الله اكبر", "B O"), "O O");
    }

    #[test]
    fn a_king_takes_his_regnal_number_and_a_player_keeps_his_rank() {
        assert_eq!(mended("الملك الحسن الثاني", "O B O"), "O B I");
        assert_eq!(mended("الملك عبد الله الثاني", "O B I O"), "O B I I");
        assert_eq!(mended("الفونسو الثالث عشر", "B O O"), "B I I");
        assert_eq!(
            mended("فرناندو غونزاليز الثالث عالميا", "B I O O"),
            "B I O O"
        );
    }

    #[test]
    fn a_conjunction_ends_a_person() {
        // Two people: the second starts at the conjunction (the proclitic
        // is set aside later, by `span_start`).
        assert_eq!(
            mended("الممثلان حسن يوسف وسميره عبد العزيز", "O B I I I I"),
            "O B I B I I"
        );
        // One word that is no name after the conjunction: no person.
        assert_eq!(mended("النبي موسي والادميون", "O B I"), "O B O");
        assert_eq!(mended("كتاب توفيق الحكيم للوسي", "O B I I"), "O B I O");
        // A name that starts with «و», and a name after a particle, stay.
        assert_eq!(mended("اللاعب وليد جنبلاط", "O B I"), "O B I");
        assert_eq!(mended("سعد بن ابي وقاص", "B I I I"), "B I I I");
    }

    #[test]
    fn a_prayer_is_no_part_of_a_name() {
        // (matching keys, tags, mended tags)
        let cases = [
            // After a name: the name ends before it.
            (
                "الملك سلمان بن عبدالعزيز حفظه الله امس",
                "O B I I I I O",
                "O B I I O O O",
            ),
            ("الملك عبدالعزيز رحمه الله", "O B I I", "O B O O"),
            // Only the verb in the span, «الله» after it.
            ("الخليفه عثمان رضي الله عنه", "O B I O O", "O B O O O"),
            // A prayer alone, with «و», and «الله» alone: no person.
            ("وقال رحمه الله", "O B I", "O O O"),
            ("ويرحمه الله", "B I", "O O"),
            ("وقال بحمد الله نجحت", "O B I O", "O O O O"),
            ("ان الله غفور", "O B O", "O O O"),
            // Names that end in «الله» stay, and so does a longer span
            // that opens with «حمد الله» (also a first name).
            ("محمد عبد الله", "B I I", "B I I"),
            ("حسن نصر الله", "B I I", "B I I"),
            ("رامي الحمد الله", "B I I", "B I I"),
            ("حمد الله محب", "B I I", "B I I"),
        ];
        for (text, tags, want) in cases {
            assert_eq!(mended(text, tags), want, "{text}");
        }
        // Through the whole pipeline: the king without the prayer, and no
        // «الله» linked as his surname on the next line.
        let text = "وكان الملك عبدالعزيز رحمه الله قد أسس الدولة.\nوقال محمد إن الله غفور رحيم.";
        let extractor = crate::extract::Extractor::builder().build().unwrap();
        assert_eq!(people(&extractor, text), ["عبدالعزيز", "محمد"]);
    }

    #[test]
    fn training_is_deterministic() {
        let docs = gold();
        let a = FINDERS.train(&docs, 3).to_bytes();
        let b = FINDERS.train(&docs, 3).to_bytes();
        assert!(a == b, "two trainings on the same data differ");
        // With a second pass (four-line documents), too.
        let grouped = crate::eval::group(gold(), crate::eval::Grouping::Every(4));
        let two = FINDERS.train(&grouped, 3);
        assert!(two.second.is_some());
        assert!(two.to_bytes() == FINDERS.train(&grouped, 3).to_bytes());
        // And the examples themselves, trained on directly.
        let m = FINDERS.train(&docs[..5], 2);
        assert_eq!(m.to_bytes(), FINDERS.train(&docs[..5], 2).to_bytes());
        assert_ne!(m.to_bytes(), a, "less data, fewer epochs: another model");
    }

    #[test]
    fn a_seed_gives_another_model_that_learns_as_well() {
        // Four-line documents: both passes are trained, and both shuffled.
        let grouped = crate::eval::group(gold(), crate::eval::Grouping::Every(4));
        let zero = FINDERS.train(&grouped, 10);
        assert!(
            FINDERS.train_with_seed(&grouped, 10, 0, None).to_bytes() == zero.to_bytes(),
            "seed 0 is what `train` trains"
        );
        let seven = FINDERS.train_with_seed(&grouped, 10, 7, None);
        assert!(
            seven.to_bytes() == FINDERS.train_with_seed(&grouped, 10, 7, None).to_bytes(),
            "the same seed gives the same model"
        );
        let (first, second) = (seven.second.as_deref(), zero.second.as_deref());
        assert!(
            seven.weights != zero.weights,
            "the first pass is trained in another order"
        );
        assert!(
            first
                .zip(second)
                .is_some_and(|(a, b)| a.weights != b.weights),
            "and so is the second"
        );
        // Another order, the same pattern learnt.
        let (a, b) = (with_model(zero), with_model(seven));
        for probe in PROBES {
            assert_eq!(
                names(&a.extract(probe)),
                names(&b.extract(probe)),
                "{probe:?}"
            );
        }
    }

    #[test]
    fn training_on_nothing_gives_an_empty_model() {
        assert!(FINDERS.train(&[], 5).is_empty());
        assert!(FINDERS.train(&gold(), 0).is_empty());
    }

    /// The code-point slice `start..end` of `text`.
    fn slice(text: &str, start: usize, end: usize) -> String {
        text.chars().skip(start).take(end - start).collect()
    }

    fn names(ents: &[Entity]) -> Vec<(Label, &str, Source)> {
        ents.iter()
            .filter(|e| NAME_LABELS.contains(&e.label))
            .map(|e| (e.label, e.text.as_str(), e.source))
            .collect()
    }

    /// News for [`news_tells_what_the_context_cannot`]: the gold pattern
    /// with the training names and two new ones, three times over.
    fn news_text() -> String {
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

    #[test]
    fn news_tells_what_the_context_cannot() {
        use Label::{Person, Place};
        // The pattern, and «شاهدنا NAME اليوم .» where the name is as often
        // a person as a place: there, only the word itself can tell.
        let mut conll = pattern_conll();
        for (person, place) in PEOPLE.iter().zip(PLACES) {
            conll.push_str(&format!("شاهدنا O\n{person} B-PERS\nاليوم O\n. O\n\n"));
            conll.push_str(&format!("شاهدنا O\n{place} B-LOC\nاليوم O\n. O\n\n"));
        }
        let gold = parse_conll(&conll, "gold.conll").unwrap();
        let first = FINDERS.train(&gold, 10);
        assert!(first.news().is_none());
        let mut counts = NewsCounts::default();
        let mut scratch = crate::extract::Scratch::default();
        FINDERS.count_news(&first, &news_text(), true, &mut scratch, &mut counts);
        let lexicon = counts.lexicon();
        // The new names' codes: three mentions, all in a person or a place.
        let code = |word: &str| lexicon.code(split_clitic(word).1);
        assert_eq!(code("كرمشون"), [5, 0, 0, 0]);
        assert_eq!(code("دوبلاط"), [0, 5, 0, 0]);
        assert_eq!(code("هلبوز"), news::UNSEEN);
        let second = FINDERS.train_with_news(&gold, 10, lexicon.clone());
        assert_eq!(second.news(), Some(&lexicon));
        let read = Model::from_bytes(&second.to_bytes()).unwrap();
        assert_eq!(
            read.news(),
            Some(&lexicon),
            "the model file carries the lexicon"
        );

        let (with_news, without) = (with_model(read), with_model(first));
        let cases: &[LearnCase] = &[
            (
                "شاهدنا كرمشون اليوم .",
                &[(Person, "كرمشون", Source::Model)],
            ),
            ("شاهدنا دوبلاط اليوم .", &[(Place, "دوبلاط", Source::Model)]),
        ];
        for &(text, want) in cases {
            assert_eq!(names(&with_news.extract(text)), want, "{text:?}");
        }
        assert!(
            cases
                .iter()
                .any(|(text, want)| names(&without.extract(text)) != *want),
            "the model without news already tells them apart: the test shows nothing"
        );
    }

    #[test]
    fn training_learns_a_pattern_the_finders_miss() {
        use Label::{Person, Place};
        let tagger = with_model(TRAINED.clone());
        let cases: &[LearnCase] = &[
            (
                "كتب كرمشون رسالة تقول إن الحديث طال في دوبلاط .",
                &[
                    (Person, "كرمشون", Source::Model),
                    (Place, "دوبلاط", Source::Model),
                ],
            ),
            (
                "وفي الصباح كتب هلبوز رسالة تقول إن الطقس كان باردا في سنطوح .",
                &[
                    (Person, "هلبوز", Source::Model),
                    (Place, "سنطوح", Source::Model),
                ],
            ),
            // A place the gazetteer knows keeps its candidate (and source).
            (
                "كتب مرتلان رسالة تقول إن الناس ينتظرون في القاهرة .",
                &[
                    (Person, "مرتلان", Source::Model),
                    (Place, "القاهرة", Source::Gazetteer),
                ],
            ),
        ];
        for &(text, want) in cases {
            let before = FINDERS.extract(text);
            for (label, name, _) in want.iter().filter(|w| w.2 == Source::Model) {
                assert!(
                    !before.iter().any(|e| e.text.contains(name)),
                    "the finders alone already find {label:?} {name} in {text:?}: {before:?}; \
                     pick other made-up names"
                );
            }
            let ents = tagger.extract(text);
            assert_eq!(names(&ents), want, "{text:?}");
            for e in &ents {
                assert_eq!(e.text, slice(text, e.start, e.end), "offsets of {e:?}");
            }
        }
    }
}
