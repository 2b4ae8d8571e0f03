//! The model: feature weights and tag transitions, one pass or two, and
//! its file format.
//!
//! In: bytes written by [`Model::to_bytes`] (or the embedded model). Out: a
//! [`Model`] whose weights [`super::apply()`] sums and whose transitions
//! [`super::decode`] reads. The format is in the docs of [`super`];
//! bytes that are not a model of a version this kashf reads are
//! refused with a reason, never a panic.

use std::sync::OnceLock;

use super::decode::viterbi;
use super::features::{WordInfo, feature, type_features};
use super::words::WordTable;
use super::{NewsLexicon, PassScores, TAGS, Trans, add_to};
use crate::hash::FastMap;

const MAGIC: &[u8; 8] = b"KASHFTAG";

const VERSION: u32 = 3;

/// A trained model: feature weights and tag transition weights, and the
/// second pass's (`stack`), if it has one.
#[derive(Clone, Debug, Default)]
pub struct Model {
    /// Tells models apart for [`Cache`](super::Cache): unique in the process for every
    /// model read or trained (0 for an empty default one, never applied).
    pub(super) id: u64,
    pub(super) weights: FastMap<u64, [f32; TAGS]>,
    pub(super) trans: Trans,
    /// The second pass: a model of the same features and the document
    /// features of `stack`, with its own transitions.
    pub(super) second: Option<Box<Model>>,
    /// The weights of both passes in one table, built on first use by
    /// [`Model::add_passes`]: one lookup a feature instead of two.
    pub(super) both: OnceLock<Both>,
    /// What the model was trained to read of each word in news (`news`),
    /// if it was trained with news.
    pub(super) news: Option<NewsLexicon>,
    /// The words this model knows, scored ahead of time: the embedded
    /// model's table ([`WordTable`]), if it is current; `None` for any
    /// other model.
    pub(super) words: Option<WordTable>,
}

/// The weights of both passes by feature hash, for [`Model::add_passes`]:
/// open addressing, probed linearly from the hash's low bits (the hashes
/// are mixed already), at most half full, with the keys apart from the
/// weights, so that a probe that misses (as most pairs of words do) reads
/// a few keys and nothing else: two thirds of the instructions of a
/// lookup in a `HashMap` (callgrind, with the weights' sums). A key of 0
/// marks an empty slot; a feature whose hash is 0 has its weights aside.
#[derive(Clone, Debug, Default)]
pub(super) struct Both {
    keys: Vec<u64>,
    /// For each slot, its weights' index in `weights`.
    at: Vec<u32>,
    weights: Vec<PassScores>,
    zero: Option<PassScores>,
}

impl Both {
    /// The weights of `passes` (zero in a pass without the feature).
    fn new(passes: [&FastMap<u64, [f32; TAGS]>; 2]) -> Both {
        let n: usize = passes.iter().map(|p| p.len()).sum();
        let size = (2 * n).next_power_of_two().max(2);
        let mut both = Both {
            keys: vec![0; size],
            at: vec![0; size],
            weights: Vec::with_capacity(n),
            zero: None,
        };
        for (pass, weights) in passes.into_iter().enumerate() {
            for (&h, w) in weights {
                both.entry(h)[pass] = *w;
            }
        }
        both
    }

    /// The weights of feature `h`, added (zero) if it has none yet.
    fn entry(&mut self, h: u64) -> &mut PassScores {
        if h == 0 {
            return self.zero.get_or_insert_default();
        }
        let mask = self.keys.len() - 1;
        let mut i = h as usize & mask;
        while self.keys[i] != h {
            if self.keys[i] == 0 {
                self.keys[i] = h;
                self.at[i] = u32::try_from(self.weights.len()).expect("below 2^32 features");
                self.weights.push(PassScores::default());
                break;
            }
            i = (i + 1) & mask;
        }
        &mut self.weights[self.at[i] as usize]
    }

    /// The weights of feature `h`, if it has any.
    #[inline]
    fn get(&self, h: u64) -> Option<&PassScores> {
        if h == 0 {
            return self.zero.as_ref();
        }
        let mask = self.keys.len() - 1;
        let mut i = h as usize & mask;
        loop {
            match self.keys[i] {
                k if k == h => return Some(&self.weights[self.at[i] as usize]),
                0 => return None,
                _ => i = (i + 1) & mask,
            }
        }
    }
}

/// The weights of a model's passes, found once (a chunk) for the many
/// features whose weights are added ([`Model::add_passes`], which asks
/// for the second pass and the table of both each feature, out of line).
#[derive(Clone, Copy, Debug)]
pub(super) enum Passes<'m> {
    /// A model of one pass: its weights.
    One(&'m FastMap<u64, [f32; TAGS]>),
    /// A model of two: the weights of both.
    Two(&'m Both),
}

impl Passes<'_> {
    /// Adds the weights of feature `f` in each pass to `s` (nothing to the
    /// second pass of a model of one).
    #[inline(always)]
    pub(super) fn add(self, f: u64, s: &mut PassScores) {
        match self {
            Passes::One(weights) => {
                if let Some(ws) = weights.get(&f) {
                    add_to(&mut s[0], ws);
                }
            }
            Passes::Two(both) => {
                if let Some(w) = both.get(f) {
                    for (s, w) in s.iter_mut().zip(w) {
                        add_to(s, w);
                    }
                }
            }
        }
    }
}

impl Model {
    /// The model embedded in the binary, trained on ANERcorp's train split
    /// (`scripts/train-model.sh`).
    pub fn embedded() -> Model {
        let mut model = Model::from_bytes(include_bytes!("../../gazetteers/model/tagger.bin"))
            .expect("the embedded model is well-formed");
        model.words = WordTable::embedded();
        model
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
    pub(super) fn next_id() -> u64 {
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
    pub(super) fn scores(&self, feats: &[u64]) -> [f32; TAGS] {
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
    pub(super) fn add_passes(&self, f: u64, s: &mut PassScores) {
        self.passes().add(f, s);
    }

    /// The weights of the model's passes, for [`Passes::add`].
    pub(super) fn passes(&self) -> Passes<'_> {
        match &self.second {
            None => Passes::One(&self.weights),
            Some(second) => Passes::Two(
                self.both
                    .get_or_init(|| Both::new([&self.weights, &second.weights])),
            ),
        }
    }

    /// The summed weights of a word's [`type_features`] in `role`, in each
    /// pass.
    pub(super) fn type_scores(&self, w: Option<&WordInfo<'_>>, role: usize) -> PassScores {
        let mut s = [[0.0; TAGS]; 2];
        type_features(w, role, &mut |t, parts| {
            self.add_passes(feature(t, parts), &mut s);
        });
        s
    }

    /// The best tag sequence of one line of words, given each word's
    /// emission scores; `joined[i]`: whether word `i` may continue a span
    /// of word `i - 1` (no punctuation between them).
    pub(super) fn viterbi(&self, emits: &[[f32; TAGS]], joined: &[bool], out: &mut Vec<usize>) {
        viterbi(&self.trans, emits, joined, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::tagger::fixtures::{PROBES, TRAINED, TWO_PASSES, with_model};
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
    fn the_embedded_model_is_trained() {
        let model = Model::embedded();
        assert!(model.len() > 10_000, "{} features", model.len());
        // Read back, it writes the same bytes (sorted rows, little-endian).
        let bytes = include_bytes!("../../gazetteers/model/tagger.bin");
        assert_eq!(model.to_bytes(), bytes);
    }
}
