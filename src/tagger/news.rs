//! What a first model read in unlabelled news: for each stem, how often
//! the news writes it and how often the model tagged it a person, a place
//! or an organisation.
//!
//! A sentence shows a name once; the news shows it hundreds of times, most
//! of them in contexts the model reads well. «شافيز» after «وسيتوجه» is a
//! hard call; «شافيز» is a person in nearly every one of its mentions in a
//! year of news, and a feature that says so settles it. `kashf train
//! --news` trains a model, reads the news with it ([`NewsCounts`]), and
//! trains again with each word's [`NewsLexicon`] code as a feature; the
//! second model carries the lexicon, so that it reads new text with the
//! same codes. The news has no labels and the first model learns from the
//! training data alone, so a score on held-out data stays honest.
//!
//! ANERcorp's 5-fold, documents of 20 sentences, the news corpus of the
//! benchmarks (SaudiNewsNet): PERSON F1 0.784 → 0.799, ORG 0.625 → 0.635,
//! PLACE 0.873 unchanged; each sentence a document, PERSON 0.746 → 0.763.
//! (A prototype, at two shuffling seeds: PERSON +0.019 and +0.009.)

use super::stack::stem_hash;
use crate::hash::FastMap;

/// A stem's code: the share of its mentions the model tagged each of
/// [`super::NAME_LABELS`] (a [`share_bucket`]), then how often the news
/// writes it (a [`mentions_bucket`]).
pub(super) type Code = [u8; 4];

/// The code of a stem the news writes fewer than [`MIN_MENTIONS`] times.
pub(super) const UNSEEN: Code = [6; 4];

/// Stems written fewer times than this are left out of a lexicon: a share
/// of one or two mentions says little.
const MIN_MENTIONS: u32 = 3;

/// A share as one of six buckets: none, up to 5 %, 20 %, half, 80 %, more.
fn share_bucket(n: u32, mentions: u32) -> u8 {
    let share = f64::from(n) / f64::from(mentions);
    match share {
        s if s <= 0.0 => 0,
        s if s <= 0.05 => 1,
        s if s <= 0.2 => 2,
        s if s <= 0.5 => 3,
        s if s <= 0.8 => 4,
        _ => 5,
    }
}

/// A mention count as one of three buckets: under 10, under 100, more.
fn mentions_bucket(mentions: u32) -> u8 {
    match mentions {
        0..10 => 0,
        10..100 => 1,
        _ => 2,
    }
}

/// Mentions of each stem in news a model read, and of those, how many fell
/// in a span of each label. Counts from any number of threads merge into
/// the same totals, whatever their order.
#[derive(Clone, Debug, Default)]
pub struct NewsCounts {
    /// By [`stem_hash`]: mentions, then mentions in a person, a place and
    /// an organisation.
    stems: FastMap<u64, [u32; 4]>,
}

impl NewsCounts {
    /// Counts one chunk's words: their stems (matching key without a
    /// proclitic or the article) and the label index of the name each is
    /// in, if any.
    pub(super) fn add(&mut self, stems: &[&str], labels: &[Option<usize>]) {
        for (stem, label) in stems.iter().zip(labels) {
            let c = self.stems.entry(stem_hash(stem)).or_default();
            c[0] += 1;
            if let Some(l) = label {
                c[1 + l] += 1;
            }
        }
    }

    /// Adds `other`'s counts to these.
    pub fn merge(&mut self, other: NewsCounts) {
        if self.stems.len() < other.stems.len() {
            return other.merge_into(self);
        }
        other.merge_into(self);
    }

    fn merge_into(self, into: &mut NewsCounts) {
        for (stem, c) in self.stems {
            let sum = into.stems.entry(stem).or_default();
            for (s, n) in sum.iter_mut().zip(c) {
                *s += n;
            }
        }
    }

    /// How many distinct stems were counted.
    pub fn len(&self) -> usize {
        self.stems.len()
    }

    /// Whether nothing was counted.
    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }

    /// The codes of the stems written at least 3 times (a share of one or
    /// two mentions says little).
    pub fn lexicon(&self) -> NewsLexicon {
        let codes = self
            .stems
            .iter()
            .filter(|(_, c)| c[0] >= MIN_MENTIONS)
            .map(|(&stem, c)| {
                let code = [
                    share_bucket(c[1], c[0]),
                    share_bucket(c[2], c[0]),
                    share_bucket(c[3], c[0]),
                    mentions_bucket(c[0]),
                ];
                (stem, code)
            })
            .collect();
        NewsLexicon { codes }
    }
}

/// Each stem's code, by a hash of the stem: for each of PERSON, PLACE and
/// ORG the share of its mentions in the news a model tagged so, and how
/// often the news writes it. What a model trained with news carries
/// ([`NewsCounts::lexicon`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewsLexicon {
    codes: FastMap<u64, Code>,
}

impl NewsLexicon {
    /// How many stems have a code.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Whether no stem has a code.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// The code of `stem`: [`UNSEEN`] if the news wrote it too seldom.
    pub(super) fn code(&self, stem: &str) -> Code {
        self.codes.get(&stem_hash(stem)).copied().unwrap_or(UNSEEN)
    }

    /// Appends the lexicon to `out`: its stem count, then (hash, code)
    /// rows sorted by hash.
    pub(super) fn write(&self, out: &mut Vec<u8>) {
        let mut rows: Vec<(&u64, &Code)> = self.codes.iter().collect();
        rows.sort_unstable_by_key(|(h, _)| **h);
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (h, code) in rows {
            out.extend_from_slice(&h.to_le_bytes());
            out.extend_from_slice(code);
        }
    }

    /// Reads what [`NewsLexicon::write`] wrote, taking bytes with `take`.
    pub(super) fn read<'b>(
        take: &mut impl FnMut(usize) -> Result<&'b [u8], String>,
    ) -> Result<NewsLexicon, String> {
        let n = u32::from_le_bytes(take(4)?.try_into().expect("4 bytes")) as usize;
        let mut codes = FastMap::default();
        for _ in 0..n {
            let row = take(12)?;
            let h = u64::from_le_bytes(row[..8].try_into().expect("8 bytes"));
            let code: Code = row[8..].try_into().expect("4 bytes");
            if code.iter().any(|&b| b >= UNSEEN[0]) {
                return Err(format!("news lexicon code {code:?} out of range"));
            }
            codes.insert(h, code);
        }
        Ok(NewsLexicon { codes })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_and_mentions_fall_in_their_buckets() {
        let cases = [
            (0, 10, 0),
            (1, 20, 1),
            (1, 19, 2),
            (1, 5, 2),
            (1, 2, 3),
            (4, 5, 4),
            (9, 10, 5),
            (10, 10, 5),
        ];
        for (n, mentions, want) in cases {
            assert_eq!(share_bucket(n, mentions), want, "{n} of {mentions}");
        }
        let cases = [(3, 0), (9, 0), (10, 1), (99, 1), (100, 2), (1_000_000, 2)];
        for (mentions, want) in cases {
            assert_eq!(mentions_bucket(mentions), want, "{mentions}");
        }
    }

    /// Counts of `words`, each a stem and the label index of its name.
    fn counted(words: &[(&str, Option<usize>)]) -> NewsCounts {
        let mut c = NewsCounts::default();
        let (stems, labels): (Vec<&str>, Vec<Option<usize>>) = words.iter().copied().unzip();
        c.add(&stems, &labels);
        c
    }

    #[test]
    fn counts_merge_alike_in_any_order_and_rare_stems_stay_out() {
        let a = counted(&[("شافيز", Some(0)), ("قال", None), ("شافيز", Some(0))]);
        let b = counted(&[
            ("شافيز", None),
            ("قال", None),
            ("قال", None),
            ("ليما", Some(1)),
        ]);
        let (mut ab, mut ba) = (a.clone(), b.clone());
        ab.merge(b);
        ba.merge(a);
        assert_eq!(ab.len(), 3);
        let lexicon = ab.lexicon();
        assert_eq!(lexicon, ba.lexicon());
        // «شافيز»: 3 mentions, 2 in a person; «قال»: 3, none in a name;
        // «ليما»: 1 mention, too few.
        assert_eq!(lexicon.len(), 2);
        assert_eq!(lexicon.code("شافيز"), [4, 0, 0, 0]);
        assert_eq!(lexicon.code("قال"), [0, 0, 0, 0]);
        assert_eq!(lexicon.code("ليما"), UNSEEN);
        assert!(NewsCounts::default().lexicon().is_empty());
    }

    #[test]
    fn a_lexicon_reads_back_what_it_wrote_and_refuses_bad_codes() {
        let lexicon = counted(&[("زرنوخ", Some(2)); 120]).lexicon();
        let mut bytes = Vec::new();
        lexicon.write(&mut bytes);
        assert_eq!(bytes.len(), 4 + 12);
        let reader = |bytes: &[u8]| {
            let mut at = 0;
            let mut take = |n: usize| {
                let s = bytes.get(at..at + n).ok_or("truncated".to_owned());
                at += n;
                s
            };
            NewsLexicon::read(&mut take)
        };
        assert_eq!(reader(&bytes), Ok(lexicon));
        assert!(reader(&bytes[..10]).is_err());
        let mut bad = bytes.clone();
        bad[4 + 8] = UNSEEN[0];
        let err = reader(&bad).unwrap_err();
        assert!(err.contains("out of range"), "{err}");
    }
}
