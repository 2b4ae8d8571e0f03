//! Per-thread memory of the words a model has scored.
//!
//! In: a model and the words of the chunks one thread reads. Out: each
//! distinct word's [`WordInfo`] record and the
//! summed weights of its word features in every role, computed on first
//! sight; and the summed context features by what they read. News repeats
//! its words, so most words cost one lookup here instead of a dozen in the
//! model's table. The scores are the model's: the cache changes the time a
//! chunk takes, never its tags.

use std::ops::Range;

use super::features::{
    Clusters, NeighbourKey, ROLES, WordInfo, context_features, finder_code, gap_code,
    neighbour_own_features, pair_states, word_info,
};
use super::stack::stem_hash;
#[cfg(doc)]
use super::words::WordTable;
use super::{Model, PassScores, TAGS, news};
use crate::hash::FastMap;
use crate::vocab::WordId;

/// Each word's [`finder_code`] and the [`gap_code`] of its gap before, as
/// [`Cache::context`] reads them.
pub(super) fn codes(w: &[WordInfo<'_>]) -> Vec<(u8, u8)> {
    w.iter()
        .map(|x| {
            let code = |c: u64| u8::try_from(c).expect("codes below 128");
            (code(finder_code(x.finder)), x.gap)
        })
        .collect()
}

/// What the tagger knows of one distinct word before reading its
/// context: its lexicon bits and flags, its clusters, its news code.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Facts {
    pub(super) clitic_len: u8,
    pub(super) bits: u32,
    pub(super) stem_bits: u32,
    pub(super) clusters: Option<Clusters>,
    pub(super) stem_clusters: Option<Clusters>,
    pub(super) flags: u8,
    pub(super) news: Option<news::Code>,
}

impl Facts {
    /// The facts of `info`.
    pub(super) fn of(info: &WordInfo<'_>) -> Facts {
        Facts {
            clitic_len: u8::try_from(info.clitic.len()).expect("a short proclitic"),
            bits: info.bits,
            stem_bits: info.stem_bits,
            clusters: info.clusters,
            stem_clusters: info.stem_clusters,
            flags: info.flags,
            news: info.news,
        }
    }
}

/// A distinct word the cache has scored: its [`Facts`] and the summed
/// weights of its [`type_features`](super::features::type_features) in
/// each role.
#[derive(Clone, Debug)]
pub(super) struct TypeEntry {
    pub(super) facts: Facts,
    pub(super) scores: [PassScores; ROLES],
    /// The word's [`pair_states`].
    pub(super) pair: [u64; 3],
    /// The [`stem_hash`] of the word's stem.
    pub(super) stem: u64,
}

/// Where a word's scores are: in the model's [`WordTable`], by word id,
/// or in the [`Cache`], by entry.
#[derive(Clone, Copy, Debug)]
pub(super) enum Scored {
    Table(u32),
    Cache(u32),
}

/// A direct-mapped memory of a few thousand values by key, read before a
/// hash map of all of them: one multiply, one load and one comparison
/// where the map hashes the key and probes a group (the context sums and
/// the second pass's views repeat a few keys over and over). A key's
/// value is its map's, so a value comes out the same whichever answers.
#[derive(Debug, Default)]
pub(super) struct Recent<V> {
    /// `(key, value)` by [`Recent::slot`]; [`Recent::NO_KEY`] when empty.
    slots: Vec<(u64, V)>,
}

impl<V: Copy + Default> Recent<V> {
    /// The number of slots, as a power of two.
    const BITS: u32 = 12;

    /// The key of an empty slot: no key is (context and view keys hold
    /// fewer than 48 bits).
    const NO_KEY: u64 = u64::MAX;

    /// Empties every slot (and makes them, the first time).
    pub(super) fn clear(&mut self) {
        self.slots.clear();
        self.slots
            .resize(1 << Self::BITS, (Self::NO_KEY, V::default()));
    }

    /// The slot of `key`: its top bits, mixed.
    #[inline(always)]
    fn slot(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::BITS)) as usize
    }

    /// The value of `key`, if its slot holds it.
    #[inline(always)]
    pub(super) fn get(&self, key: u64) -> Option<V> {
        debug_assert_ne!(key, Self::NO_KEY);
        let (k, v) = self.slots[Self::slot(key)];
        (k == key).then_some(v)
    }

    /// Remembers the value of `key`, in place of its slot's.
    #[inline(always)]
    pub(super) fn put(&mut self, key: u64, v: V) {
        self.slots[Self::slot(key)] = (key, v);
    }
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
    pub(super) entries: Vec<TypeEntry>,
    /// The summed weights of the [`type_features`] of the words of
    /// [`Cache::entry`] in a neighbour role whose key and stem add
    /// nothing, by what the rest read ([`Cache::neighbour_scores`]).
    ///
    /// [`type_features`]: super::features::type_features
    neighbours: FastMap<NeighbourKey, PassScores>,
    /// The summed [`context_features`] by a hash of the features.
    contexts: FastMap<u64, PassScores>,
    /// The last of `contexts` read, by slot.
    recent_contexts: Recent<PassScores>,
    /// The [`pair_states`] of the words of the model's [`WordTable`], by
    /// row, made on a word's first sight (zeros until then).
    table_pairs: Vec<[u64; 3]>,
    /// The [`stem_hash`] of the words of the model's [`WordTable`], by
    /// row, made on a word's first stem (zero until then).
    table_stems: Vec<u64>,
    /// The scores of the line's edges in each role.
    pub(super) edges: [PassScores; ROLES],
    /// The summed weights of the second pass's document features, by
    /// `stack::View` key.
    pub(super) views: FastMap<u64, [f32; TAGS]>,
    /// The last of `views` read, by slot.
    pub(super) recent_views: Recent<[f32; TAGS]>,
    /// The second pass's counts of the chunk being read, kept for their
    /// room.
    pub(super) doc: super::stack::Doc,
}

impl Cache {
    const MAX: usize = 1 << 17;

    pub(super) fn prepare(&mut self, model: &Model) {
        let id = Some(model.id);
        if self.model != id || self.types.len() >= Cache::MAX {
            self.types.clear();
            self.entries.clear();
            self.contexts.clear();
            self.neighbours.clear();
            self.views.clear();
            self.recent_contexts.clear();
            self.recent_views.clear();
            self.model = id;
            self.table_pairs.clear();
            let rows = model.words.as_ref().map_or(0, |t| t.len());
            self.table_pairs.resize(rows, [0; 3]);
            self.table_stems.clear();
            self.table_stems.resize(rows, 0);
            for role in 0..ROLES {
                self.edges[role] = model.type_scores(None, role);
            }
        }
    }

    /// The facts of a word (matching key `k`, vocabulary id `id`) and
    /// where its scores are: the model's table if it holds the word, else
    /// this cache's entry, computed on first sight.
    #[inline]
    pub(super) fn word(&mut self, model: &Model, k: &str, id: Option<WordId>) -> (Facts, Scored) {
        if let Some(table) = &model.words
            && let Some(row) = id.and_then(|id| table.row(id))
        {
            return (table.facts(row), Scored::Table(row));
        }
        let n = self.entry(model, k);
        (self.entries[n as usize].facts, Scored::Cache(n))
    }

    /// The summed weights of the word features of a word in `role`, in
    /// each pass.
    #[inline]
    pub(super) fn scores(&self, model: &Model, at: Scored, role: usize) -> PassScores {
        match at {
            Scored::Table(id) => model
                .words
                .as_ref()
                .expect("a table id comes from the model's table")
                .scores(id, role),
            Scored::Cache(n) => self.entries[n as usize].scores[role],
        }
    }

    /// The [`pair_states`] of a word (matching key `k`) whose scores are
    /// at `at`: made once a distinct word, on first sight.
    #[inline]
    pub(super) fn pair_states(&mut self, at: Scored, k: &str) -> [u64; 3] {
        match at {
            Scored::Table(row) => {
                let states = &mut self.table_pairs[row as usize];
                // (A first state of zero, were it a word's, would only be
                // made again each time.)
                if states[0] == 0 {
                    *states = pair_states(k);
                }
                *states
            }
            Scored::Cache(n) => self.entries[n as usize].pair,
        }
    }

    /// The [`stem_hash`] of `stem`, the stem of a word whose scores are
    /// at `at`: made once a distinct word, the second pass's key of each
    /// of its mentions.
    #[inline]
    pub(super) fn stem_hash(&mut self, at: Scored, stem: &str) -> u64 {
        match at {
            Scored::Table(row) => {
                let hash = &mut self.table_stems[row as usize];
                // (A hash of zero, were it a stem's, would only be made
                // again each time.)
                if *hash == 0 {
                    *hash = stem_hash(stem);
                }
                *hash
            }
            Scored::Cache(n) => self.entries[n as usize].stem,
        }
    }

    /// The entry of a word (matching key), computed on first sight.
    pub(super) fn entry(&mut self, model: &Model, k: &str) -> u32 {
        if let Some(&e) = self.types.get(k) {
            return e;
        }
        let info = word_info(k, ["-", "-", "-"], "sp", model.news.as_ref());
        let entry = TypeEntry {
            facts: Facts::of(&info),
            scores: std::array::from_fn(|role| match role {
                0 => model.type_scores(Some(&info), role),
                _ => self.neighbour_scores(model, &info, role),
            }),
            pair: info.pair,
            stem: stem_hash(info.stem),
        };
        let n = self.entries.len() as u32;
        self.entries.push(entry);
        self.types.insert(k.into(), n);
        n
    }

    /// The summed weights of the word features of `info` in neighbour
    /// role `role`: [`Model::type_scores`], remembered by what the
    /// features read besides the word's key and stem ([`NeighbourKey`])
    /// where those two add nothing. The key's and stem's features come
    /// first and the weights are summed in order from zeros, so where
    /// their sum is still +0.0 in every number (no weights, as for most
    /// of these words, which the table does not hold) the sum of the rest
    /// is the sum of them all, bit for bit, and is the same for every word
    /// of one [`NeighbourKey`]; any other word is summed in full.
    fn neighbour_scores(&mut self, model: &Model, info: &WordInfo<'_>, role: usize) -> PassScores {
        let mut own = [[0.0; TAGS]; 2];
        for f in neighbour_own_features(info, role).into_iter().flatten() {
            model.add_passes(f, &mut own);
        }
        if own.as_flattened().iter().any(|x| x.to_bits() != 0) {
            return model.type_scores(Some(info), role);
        }
        *self
            .neighbours
            .entry(NeighbourKey::of(info, role))
            .or_insert_with(|| model.type_scores(Some(info), role))
    }

    /// The summed weights of the [`context_features`] of word `i` of
    /// `line`, remembered by what they read: the finder parts of the word
    /// and its neighbours, the separators around it, and its frequency.
    /// `codes` holds each word's [`finder_code`] and the [`gap_code`] of
    /// its gap before, computed once a word ([`codes`]).
    #[inline]
    pub(super) fn context(
        &mut self,
        model: &Model,
        w: &[WordInfo<'_>],
        codes: &[(u8, u8)],
        i: usize,
        line: &Range<usize>,
        feats: &mut Vec<u64>,
    ) -> PassScores {
        let mut key = u64::from(w[i].flags & 1);
        let at = |d: isize| i.checked_add_signed(d).filter(|j| line.contains(j));
        for d in [0, -1, 1, -2, 2] {
            let code = at(d).map_or(127, |j| u64::from(codes[j].0));
            key = key << 7 | code;
        }
        let gap_after = at(1).map_or(gap_code("</s>"), |j| u64::from(codes[j].1));
        key = key << 4 | u64::from(codes[i].1);
        key = key << 4 | gap_after;
        if let Some(s) = self.recent_contexts.get(key) {
            return s;
        }
        let s = self.context_sums(model, w, i, line, feats, key);
        self.recent_contexts.put(key, s);
        s
    }

    /// The summed weights of the [`context_features`] of word `i` of
    /// `line`, whose [`Cache::context`] key is `key`: from the map of all
    /// of them, else summed and remembered there.
    fn context_sums(
        &mut self,
        model: &Model,
        w: &[WordInfo<'_>],
        i: usize,
        line: &Range<usize>,
        feats: &mut Vec<u64>,
        key: u64,
    ) -> PassScores {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_gives_a_keys_value_until_its_slot_is_taken() {
        let mut recent = Recent::<[f32; TAGS]>::default();
        recent.clear();
        let value = |k: u64| [k as f32; TAGS];
        assert_eq!(
            recent.get(0),
            None,
            "an empty slot holds no key, 0 included"
        );
        for k in 0..100 {
            recent.put(k, value(k));
        }
        for k in 0..100 {
            assert_eq!(recent.get(k), Some(value(k)), "{k}");
        }
        // Two keys of one slot: the last put wins, the other is asked of
        // the map again.
        let slot = Recent::<[f32; TAGS]>::slot(7);
        let other = (100..)
            .find(|&k| Recent::<[f32; TAGS]>::slot(k) == slot)
            .expect("another key of the slot");
        recent.put(other, value(other));
        assert_eq!(recent.get(other), Some(value(other)));
        assert_eq!(recent.get(7), None);
        recent.clear();
        assert_eq!(recent.get(other), None);
    }

    #[test]
    fn a_words_scores_are_its_type_scores_bit_for_bit() {
        // Words the embedded model's table does not hold, many of one
        // [`NeighbourKey`] (made-up words: no clusters, no weights of their
        // own), some with a key of the training data: each role's sum is
        // what `Model::type_scores` sums, remembered or not.
        let model = Model::embedded();
        let mut cache = Cache::default();
        cache.prepare(&model);
        let bits = |s: PassScores| s.map(|p| p.map(f32::to_bits));
        let words = [
            "زرنوخ",
            "زرنوخي",
            "وزرنوخ",
            "بالزرنوخ",
            "كرتشنوف",
            "ودمبيلوف",
            "x",
            "xyzzy",
            "والقاهره",
            "بوتين",
            "ومحمد",
        ];
        for _ in 0..2 {
            for k in words {
                let n = cache.entry(&model, k);
                let info = word_info(k, ["-", "-", "-"], "sp", model.news.as_ref());
                for role in 0..ROLES {
                    assert_eq!(
                        bits(cache.entries[n as usize].scores[role]),
                        bits(model.type_scores(Some(&info), role)),
                        "{k}, role {role}"
                    );
                }
            }
        }
        assert!(
            !cache.neighbours.is_empty(),
            "some sums are remembered by their key"
        );
    }

    #[test]
    fn a_words_kept_hashes_are_the_ones_made_from_it() {
        // Words the embedded model's table holds, and words it does not
        // (scored on first sight): asked twice, the kept pair states and
        // stem hash are those of the word's key and stem.
        let model = Model::embedded();
        let mut cache = Cache::default();
        cache.prepare(&model);
        let vocab = crate::vocab::Vocab::get();
        let mut kinds = [0, 0];
        for _ in 0..2 {
            for k in ["الرئيس", "والحكومة", "قال", "زرنوخ", "وبرقاش", "x"]
            {
                let (facts, at) = cache.word(&model, k, vocab.id(k));
                kinds[usize::from(matches!(at, Scored::Cache(_)))] += 1;
                let stem = &k[usize::from(facts.clitic_len)..];
                assert_eq!(cache.pair_states(at, k), pair_states(k), "{k}");
                assert_eq!(cache.stem_hash(at, stem), stem_hash(stem), "{k}");
            }
        }
        assert!(
            kinds[0] > 0 && kinds[1] > 0,
            "table words and others: {kinds:?}"
        );
    }
}
