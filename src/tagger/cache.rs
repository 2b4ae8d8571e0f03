//! Per-thread memory of the words a model has scored.
//!
//! In: a model and the words of the chunks one thread reads. Out: each
//! distinct word's [`WordInfo`](super::features::WordInfo) record and the
//! summed weights of its word features in every role, computed on first
//! sight; and the summed context features by what they read. News repeats
//! its words, so most words cost one lookup here instead of a dozen in the
//! model's table. The scores are the model's: the cache changes the time a
//! chunk takes, never its tags.

use std::ops::Range;

use super::features::{
    Clusters, ROLES, WordInfo, context_features, finder_code, gap_code, neighbour, word_info,
};
use super::{Model, PassScores, TAGS, news};
use crate::hash::FastMap;

/// What the tagger knows of one distinct word: its lexicon bits and flags,
/// and the summed weights of its [`type_features`] in each role.
#[derive(Clone, Debug)]
pub(super) struct TypeEntry {
    pub(super) clitic_len: u8,
    pub(super) bits: u32,
    pub(super) stem_bits: u32,
    pub(super) clusters: Option<Clusters>,
    pub(super) stem_clusters: Option<Clusters>,
    pub(super) flags: u8,
    pub(super) news: Option<news::Code>,
    pub(super) scores: [PassScores; ROLES],
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
    /// The summed [`context_features`] by a hash of the features.
    contexts: FastMap<u64, PassScores>,
    /// The scores of the line's edges in each role.
    pub(super) edges: [PassScores; ROLES],
    /// The summed weights of the second pass's document features, by
    /// `stack::View` key.
    pub(super) views: FastMap<u64, [f32; TAGS]>,
}

impl Cache {
    const MAX: usize = 1 << 17;

    pub(super) fn prepare(&mut self, model: &Model) {
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
    pub(super) fn entry(&mut self, model: &Model, k: &str) -> u32 {
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
    pub(super) fn context(
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
