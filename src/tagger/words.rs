//! The words the embedded model knows, scored ahead of time.
//!
//! In: the embedded model and the words of its cluster file (every word
//! the news writes often enough to have a cluster: 88,346 words, 92 % of
//! the words of news text). Out: a table, generated ahead of time and read
//! in place (`gazetteers/tables/tagger-words.bin`, the format of
//! [`crate::vocab::table`]), that gives each of those words what the
//! per-thread [`Cache`](super::Cache) would compute on first sight: its
//! lexicon bits and flags, its clusters and its stem's, its news code, and
//! the summed weights of its word features ([`type_features`](super::features::type_features)) in every
//! role and pass. A known word then costs one hash probe and a few reads;
//! the cache is left to the words the table does not hold.
//!
//! The sums are made by the same code the cache runs
//! ([`Model::type_scores`](super::Model::type_scores), over
//! [`word_info`](super::features::word_info)), feature by feature in the
//! same order, and stored as the bits of each `f32`: the tagger's
//! scores, and so its tags, are the same with the table or without it (a
//! test compares every word's record with the cache's).
//!
//! The words are the vocabulary's ([`Vocab`], which holds the cluster
//! file's words): a word's row is found from its word id, which the
//! pipeline looks up once a chunk for every stage, so a known word costs
//! the tagger no probe of its own.
//!
//! Sections, after the table header (kind `TAGW`): for each word id of the
//! vocabulary, the word's row ([`NO_ROW`] for a word the table does not
//! score); one record of [`RECORD`] bytes a row ([`Facts`]), the rows in
//! the order of the words' bytes; [`ROLES`] indices a word into the score pool; the
//! pool, `2 × TAGS` `f32` bits an entry, each distinct entry once (most
//! words share the sums of their neighbour roles: a word without weights
//! of its own in a role has those of its bits, flags and clusters).
//!
//! The table belongs to the embedded model: `build.rs` fingerprints the
//! model, the cluster file, the word lists and the code that reads them
//! (all of the vocabulary's sources, so that its word ids are the ones the
//! table was generated for),
//! and a table generated from other sources is not used (the cache does
//! all the work, with the same tags, at the old cost). The test
//! `embedded_tables_are_what_the_generator_writes` fails until it is
//! generated again (`KASHF_UPDATE_TABLES=1 cargo test --release --lib
//! tables_are_what`).

use std::sync::LazyLock;

#[cfg(test)]
use super::Model;
use super::cache::Facts;
use super::features::ROLES;
#[cfg(test)]
use super::features::{Clusters, word_info};
use super::{PassScores, TAGS};
#[cfg(test)]
use crate::hash::FastMap;
#[cfg(test)]
use crate::vocab::table::Writer;
use crate::vocab::table::{self, ReadError, Reader, U32s, load};
use crate::vocab::{Vocab, WordId};

/// The embedded table, as generated.
const EMBEDDED: &[u8] = include_bytes!("../../gazetteers/tables/tagger-words.bin");

/// The table name.
const KIND: &[u8; 4] = b"TAGW";

/// The bytes of one word's [`Facts`]: `bits` and `stem_bits` (`u32`),
/// `clusters` and `stem_clusters` (three `u16` each, [`NO_CLUSTER`] for
/// none), `flags`, the proclitic's length in bytes, 1 if a news code
/// follows (else 0), the four bytes of the news code, and a zero byte.
const RECORD: usize = 28;

/// A cluster number that marks a word with no clusters.
const NO_CLUSTER: u16 = u16::MAX;

/// The row of a word id the table does not score.
const NO_ROW: u32 = u32::MAX;

/// The numbers of one pool entry: [`PassScores`], pass by pass.
const ENTRY: usize = 2 * TAGS;

/// The fingerprint of the table's sources (`build.rs`).
fn inputs() -> u64 {
    table::fingerprint(env!("KASHF_TABLE_INPUTS_TAGGER"))
}

/// The clusters at byte `at` of a record ([`NO_CLUSTER`]: none).
#[inline(always)]
fn clusters_at(r: &[u8; RECORD], at: usize) -> Option<[u16; 3]> {
    let u16_at = |at: usize| u16::from_le_bytes([r[at], r[at + 1]]);
    let c = [u16_at(at), u16_at(at + 2), u16_at(at + 4)];
    (c[0] != NO_CLUSTER).then_some(c)
}

/// The embedded model's scored words, read in place.
#[derive(Clone, Copy, Debug)]
pub(super) struct WordTable {
    /// Each vocabulary word's row, or [`NO_ROW`].
    rows: U32s<'static>,
    records: &'static [u8],
    /// [`ROLES`] pool entries a word.
    scores: U32s<'static>,
    /// [`ENTRY`] `f32` bits an entry.
    pool: U32s<'static>,
}

impl WordTable {
    /// The embedded table, if it was generated from this build's sources.
    pub(super) fn embedded() -> Option<WordTable> {
        Self::shared().copied()
    }

    /// The embedded table, read and checked once for the process (the
    /// model and the features' cluster lookups share it), if it was
    /// generated from this build's sources.
    pub(super) fn shared() -> Option<&'static WordTable> {
        static SHARED: LazyLock<Option<WordTable>> =
            LazyLock::new(|| load(EMBEDDED, KIND, inputs(), WordTable::read));
        SHARED.as_ref()
    }

    fn read(bytes: &'static [u8]) -> Result<WordTable, ReadError> {
        let (mut r, _) = Reader::open(bytes, KIND)?;
        let rows = r.u32s()?;
        let records = r.bytes()?;
        let scores = r.u32s()?;
        let pool = r.u32s()?;
        r.end()?;
        let n = records.len() / RECORD;
        if rows.len() != Vocab::get().len() {
            return Err(format!(
                "rows for {} word ids in a vocabulary of {}",
                rows.len(),
                Vocab::get().len()
            ));
        }
        if let Some(bad) =
            (0..rows.len()).find(|&i| rows.get(i) != NO_ROW && rows.get(i) as usize >= n)
        {
            return Err(format!("row {} of {n}", rows.get(bad)));
        }
        if records.len() != n * RECORD || scores.len() != n * ROLES {
            return Err(format!(
                "{} record bytes and {} score indices for {n} words",
                records.len(),
                scores.len()
            ));
        }
        if !pool.len().is_multiple_of(ENTRY) {
            return Err(format!("a score pool of {} numbers", pool.len()));
        }
        let entries = pool.len() / ENTRY;
        if let Some(bad) = (0..scores.len()).find(|&i| scores.get(i) as usize >= entries) {
            return Err(format!("score index {} of {entries}", scores.get(bad)));
        }
        Ok(WordTable {
            rows,
            records,
            scores,
            pool,
        })
    }

    /// How many words the table scores (rows).
    pub(super) fn len(&self) -> usize {
        self.records.len() / RECORD
    }

    /// The row of the word with vocabulary id `word`, if the table holds
    /// it.
    #[inline]
    pub(super) fn row(&self, word: WordId) -> Option<u32> {
        Some(self.rows.get(word as usize)).filter(|&r| r != NO_ROW)
    }

    /// The row of word `k` (a matching key), if the table holds it (one
    /// probe of the vocabulary).
    #[cfg(test)]
    pub(super) fn id(&self, k: &str) -> Option<u32> {
        Vocab::get().id(k).and_then(|w| self.row(w))
    }

    /// The clusters of vocabulary word `word`, if the table holds the word
    /// and it has clusters: the table holds every word of the cluster file
    /// (the record's clusters, the file's).
    #[inline]
    pub(super) fn clusters_of(&self, word: WordId) -> Option<[u16; 3]> {
        let row = self.row(word)? as usize;
        let r: &[u8; RECORD] = self.records[row * RECORD..][..RECORD]
            .try_into()
            .expect("RECORD bytes");
        clusters_at(r, 8)
    }

    /// The facts of row `id`.
    #[inline]
    pub(super) fn facts(&self, id: u32) -> Facts {
        // (A record of known length: no bounds check a field.)
        let r: &[u8; RECORD] = self.records[id as usize * RECORD..][..RECORD]
            .try_into()
            .expect("RECORD bytes");
        let u32_at = |at: usize| u32::from_le_bytes([r[at], r[at + 1], r[at + 2], r[at + 3]]);
        let clusters = |at: usize| clusters_at(r, at);
        Facts {
            bits: u32_at(0),
            stem_bits: u32_at(4),
            clusters: clusters(8),
            stem_clusters: clusters(14),
            flags: r[20],
            clitic_len: r[21],
            news: (r[22] == 1).then(|| [r[23], r[24], r[25], r[26]]),
        }
    }

    /// The summed weights of word `id`'s features in `role`, in each pass.
    #[inline]
    pub(super) fn scores(&self, id: u32, role: usize) -> PassScores {
        let at = self.scores.get(id as usize * ROLES + role) as usize * ENTRY;
        let entry: [u32; ENTRY] = self.pool.array(at);
        std::array::from_fn(|pass| std::array::from_fn(|t| f32::from_bits(entry[pass * TAGS + t])))
    }
}

/// The words the table scores: those of the cluster file.
#[cfg(test)]
fn words() -> Vec<&'static str> {
    crate::vocab::cluster_words()
}

/// The table for `model` (the embedded one, for the embedded table).
#[cfg(test)]
fn generate(model: &Model) -> Vec<u8> {
    let words = words();
    let vocab = Vocab::get();
    let mut rows = vec![NO_ROW; vocab.len()];
    for (row, k) in words.iter().enumerate() {
        let id = vocab.id(k).expect("the vocabulary holds the cluster words");
        rows[id as usize] = u32::try_from(row).expect("below 4 G words");
    }
    let mut w = Writer::new(KIND, inputs());
    w.u32s(&rows);
    let mut records = Vec::with_capacity(words.len() * RECORD);
    let mut indices = Vec::with_capacity(words.len() * ROLES);
    let mut pool: Vec<u32> = Vec::new();
    let mut seen: FastMap<[u32; ENTRY], u32> = FastMap::default();
    for k in &words {
        let info = word_info(k, ["-", "-", "-"], "sp", model.news.as_ref());
        let clusters = |c: Option<Clusters>| c.unwrap_or([NO_CLUSTER; 3]);
        records.extend_from_slice(&info.bits.to_le_bytes());
        records.extend_from_slice(&info.stem_bits.to_le_bytes());
        for c in clusters(info.clusters)
            .iter()
            .chain(&clusters(info.stem_clusters))
        {
            records.extend_from_slice(&c.to_le_bytes());
        }
        records.push(info.flags);
        records.push(u8::try_from(info.clitic.len()).expect("a short proclitic"));
        records.push(u8::from(info.news.is_some()));
        records.extend_from_slice(&info.news.unwrap_or_default());
        records.push(0);
        for role in 0..ROLES {
            let s = model.type_scores(Some(&info), role);
            let bits: [u32; ENTRY] = std::array::from_fn(|i| s[i / TAGS][i % TAGS].to_bits());
            let next = u32::try_from(seen.len()).expect("below 4 G entries");
            let index = *seen.entry(bits).or_insert_with(|| {
                pool.extend_from_slice(&bits);
                next
            });
            indices.push(index);
        }
    }
    w.bytes(&records);
    w.u32s(&indices);
    w.u32s(&pool);
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::Cache;
    use crate::vocab::table::{check_embedded, leak};

    #[test]
    fn embedded_tables_are_what_the_generator_writes() {
        check_embedded("tagger-words.bin", EMBEDDED, &generate(&Model::embedded()));
    }

    #[test]
    fn every_word_has_what_the_cache_computes_bit_for_bit() {
        let model = Model::embedded();
        let table = WordTable::read(leak(generate(&model))).unwrap();
        let mut cache = Cache::default();
        cache.prepare(&model);
        let words = words();
        assert!(words.len() > 50_000, "{} words", words.len());
        // Every 7th word (all of them take seconds in a debug build), and
        // a few with proclitics, news codes and no clusters of the stem.
        for k in words.iter().step_by(7).chain(&["والقاهره", "بوتين", "ل"]) {
            let id = table
                .id(k)
                .unwrap_or_else(|| panic!("{k} not in the table"));
            let n = cache.entry(&model, k);
            let want = &cache.entries[n as usize];
            assert_eq!(table.facts(id), want.facts, "{k}");
            for role in 0..ROLES {
                let bits = |s: PassScores| s.map(|p| p.map(f32::to_bits));
                assert_eq!(
                    bits(table.scores(id, role)),
                    bits(want.scores[role]),
                    "{k}, role {role}"
                );
            }
        }
        for k in ["", "زرنوخخ", "ابوتين", "a b"] {
            assert_eq!(table.id(k), None, "{k:?}");
        }
    }

    #[test]
    fn the_embedded_model_reads_the_table_and_others_do_not() {
        assert!(WordTable::embedded().is_some(), "a stale tagger-words.bin");
        assert!(Model::embedded().words.is_some());
        let other = Model::from_bytes(&Model::embedded().to_bytes()).unwrap();
        assert!(other.words.is_none());
    }

    #[test]
    fn a_stale_or_damaged_table_is_not_read() {
        let good = generate(&Model::embedded());
        let mut stale = good.clone();
        // The fingerprint sits after the magic, version and kind.
        stale[16] ^= 1;
        assert!(load(leak(stale), KIND, inputs(), WordTable::read).is_none());
        let cut = good[..good.len() - 4].to_vec();
        assert!(WordTable::read(leak(cut)).is_err());
        // The rows follow the 24 bytes of the header and their count: a
        // row past the records, or rows for another vocabulary, are not
        // read.
        let rows_at = 24 + 4;
        let mut past = good.clone();
        past[rows_at..rows_at + 4].copy_from_slice(&(NO_ROW - 1).to_le_bytes());
        let err = WordTable::read(leak(past)).unwrap_err();
        assert!(err.starts_with("row "), "{err}");
        let mut other = good.clone();
        let n = u32::try_from(Vocab::get().len() - 1).unwrap();
        other[24..28].copy_from_slice(&n.to_le_bytes());
        assert!(WordTable::read(leak(other)).is_err());
        assert!(load(leak(good), KIND, inputs(), WordTable::read).is_some());
    }

    #[test]
    fn a_word_s_row_is_found_by_its_vocabulary_id() {
        let table = WordTable::embedded().expect("the embedded table");
        let vocab = Vocab::get();
        let words = words();
        for (row, k) in words.iter().enumerate().step_by(101) {
            let id = vocab.id(k).unwrap_or_else(|| panic!("{k} has no id"));
            assert_eq!(table.row(id), Some(row as u32), "{k}");
        }
        // The words of the lists without clusters have no row.
        let outside: Vec<u32> = (0..vocab.len() as u32)
            .filter(|&i| words.binary_search(&vocab.word(i)).is_err())
            .collect();
        assert!(
            outside.len() > 1000,
            "{} words outside the clusters",
            outside.len()
        );
        for &id in outside.iter().step_by(31) {
            assert_eq!(table.row(id), None, "{}", vocab.word(id));
        }
    }
}
