//! Linking across a corpus: the spellings of one unseen name gathered into
//! one cluster, with one id and one `norm`.
//!
//! In: every entity of a corpus, in any order, in a first pass
//! ([`CorpusLinker::add`]); out: [`Clusters`], which a second pass applies
//! to the same entities ([`Clusters::apply`]). A person, place or
//! organisation that no gazetteer entry resolved (`id` null) takes the id
//! `kashf:auto:<16 hex digits>`, the most frequent spelling of its cluster
//! as `norm`, and `link: corpus`. Numbers, dates and names with an id are
//! left as they are. It runs after extraction, over kashf's own output
//! (`kashf link`, `kashf extract --link-corpus`), so that extraction stays
//! one streaming pass.
//!
//! # Which spellings make one name
//!
//! The spelling of a mention is the matching key of its `norm` (a surname
//! linked within its document to a full name counts as that full name).
//! Spellings of one label are one name when:
//!
//! 1. their *corpus key* is the same: the variant key of the whole name
//!    ([`crate::gazetteer::variant_key`]: consonant classes, long vowels
//!    and the final vowel dropped) together with its Arabic words written
//!    exactly. A word that is a frequent word of the news or an Arabic name
//!    (itself or its stem), or, in a place or organisation, a foreign first
//!    name, is an Arabic word and must be spelled the same («سمير» and
//!    «سامر» are two names; «زيلنسكي» and «زيلينسكي» one);
//! 2. they are close by the variant search's own measure (one vowel or one
//!    same-class letter apart for short names, at most one letter in five
//!    for long ones, only the spacing differing between spellings of
//!    different word counts): each spelling, from the most frequent down,
//!    joins the first cluster that holds a spelling that close to it, or
//!    starts a cluster of its own.
//!
//! Left out (guards against false merges, each a test below): a name of
//! fewer than [`MIN_LETTERS`] letters or a variant key of fewer than
//! [`MIN_CLASSES`] classes (short keys are shared by many names); a name of
//! one word that is an Arabic word (a common word or a first name the
//! tagger took for a name: «الأمل», «محمد»); a person of one name (a
//! surname or a first name alone says nothing about who is meant across
//! documents: «ماركس» and «ماركوس», Marx and Marcus, are one key; a
//! surname linked within its document to a full name counts as the full
//! name); a cluster of one mention.
//! Labels never mix: a person and a place with the same spellings are two
//! clusters.
//!
//! # Ids
//!
//! The id is a hash (FNV-1a, 64 bits) of the label and the corpus key; a
//! second cluster with the same key (spellings too far apart) adds its most
//! frequent spelling to the hash. Nothing depends on the order documents
//! come in or on the number of threads: the same corpus gives the same
//! ids, and a name keeps its id in another corpus as long as it has one
//! cluster there.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::guards::one_name;
use crate::doc::{Entity, Label, Link};
use crate::gazetteer::{foreign_word, matching_key_of, spellings_agree, variant_key};

/// Fewest letters (spaces aside) of a name gathered across a corpus.
pub const MIN_LETTERS: usize = 5;
/// Fewest classes of its variant key.
pub const MIN_CLASSES: usize = 3;

/// The first pass: counts the spellings of the corpus's unresolved names.
#[derive(Clone, Debug, Default)]
pub struct CorpusLinker {
    /// (label, corpus key) → spelling (matching key) → its counts.
    groups: BTreeMap<(Label, String), BTreeMap<String, Spelling>>,
}

/// The mentions of one spelling: how many, and the `norm`s they are
/// written with (which may differ in what the matching key folds).
#[derive(Clone, Debug, Default)]
struct Spelling {
    count: u64,
    norms: BTreeMap<String, u64>,
}

/// One cluster: an unseen name and its spellings in the corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cluster {
    /// `kashf:auto:` and 16 hex digits.
    pub id: Arc<str>,
    /// What every mention is.
    pub label: Label,
    /// The most frequent spelling (`norm`) of its mentions; of equally
    /// frequent ones, the first in code-point order.
    pub norm: String,
    /// Its spellings (`norm`s) with their counts, most frequent first (then
    /// in code-point order).
    pub spellings: Vec<(String, u64)>,
    /// Mentions in all.
    pub mentions: u64,
}

/// The clusters of a corpus ([`CorpusLinker::finish`]).
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    clusters: Vec<Cluster>,
    /// (label, spelling) → index into `clusters`.
    index: HashMap<(Label, String), usize>,
}

impl CorpusLinker {
    /// A linker that has seen nothing.
    pub fn new() -> CorpusLinker {
        CorpusLinker::default()
    }

    /// Counts one entity of the corpus (any entity may be passed: those
    /// that cannot join a cluster are skipped).
    pub fn add(&mut self, e: &Entity) {
        if let Some((group, key)) = mention_key(e) {
            let spelling = self
                .groups
                .entry(group)
                .or_default()
                .entry(key)
                .or_default();
            spelling.count += 1;
            *spelling.norms.entry(e.norm.clone()).or_default() += 1;
        }
    }

    /// The clusters of everything added.
    pub fn finish(self) -> Clusters {
        let mut out = Clusters::default();
        for ((label, key), spellings) in self.groups {
            let mut order: Vec<(&String, &Spelling)> = spellings.iter().collect();
            order.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
            // (head spelling, members), in order of their heads.
            let mut parts: Vec<(&str, Vec<(&String, &Spelling)>)> = Vec::new();
            for (spelling, counts) in order {
                match parts
                    .iter_mut()
                    .find(|(_, members)| members.iter().any(|(m, _)| spellings_agree(m, spelling)))
                {
                    Some((_, members)) => members.push((spelling, counts)),
                    None => parts.push((spelling, vec![(spelling, counts)])),
                }
            }
            for (i, (head, members)) in parts.into_iter().enumerate() {
                let mentions: u64 = members.iter().map(|(_, s)| s.count).sum();
                if mentions < 2 {
                    continue;
                }
                let mut norms: BTreeMap<&str, u64> = BTreeMap::new();
                for (_, s) in &members {
                    for (norm, n) in &s.norms {
                        *norms.entry(norm).or_default() += n;
                    }
                }
                let mut spellings: Vec<(String, u64)> =
                    norms.into_iter().map(|(s, n)| (s.to_owned(), n)).collect();
                spellings.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                let mut hashed = format!("{}\t{key}", label.as_str());
                if i > 0 {
                    hashed.push('\t');
                    hashed.push_str(head);
                }
                let at = out.clusters.len();
                for (spelling, _) in &members {
                    out.index.insert((label, (*spelling).clone()), at);
                }
                out.clusters.push(Cluster {
                    id: format!("kashf:auto:{:016x}", fnv1a(hashed.as_bytes())).into(),
                    label,
                    norm: spellings[0].0.clone(),
                    spellings,
                    mentions,
                });
            }
        }
        out
    }
}

impl Clusters {
    /// The cluster an entity belongs to, if any.
    pub fn get(&self, e: &Entity) -> Option<&Cluster> {
        let (group, key) = mention_key(e)?;
        self.index.get(&(group.0, key)).map(|&i| &self.clusters[i])
    }

    /// Gives an entity its cluster's id and `norm`, with `link: corpus`;
    /// returns whether it has a cluster.
    pub fn apply(&self, e: &mut Entity) -> bool {
        let Some(c) = self.get(e) else {
            return false;
        };
        e.id = Some(c.id.clone());
        e.norm = c.norm.clone();
        e.link = Some(Link::Corpus);
        true
    }

    /// The clusters, most mentions first (then by id).
    pub fn iter(&self) -> impl Iterator<Item = &Cluster> {
        let mut all: Vec<&Cluster> = self.clusters.iter().collect();
        all.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.id.cmp(&b.id)));
        all.into_iter()
    }

    /// How many clusters there are.
    pub fn len(&self) -> usize {
        self.clusters.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.clusters.is_empty()
    }
}

/// The group (label and corpus key) and the spelling (matching key) of an
/// entity that may join a cluster; `None` for the others (see the module
/// docs).
fn mention_key(e: &Entity) -> Option<((Label, String), String)> {
    if e.id.is_some() || !matches!(e.label, Label::Person | Label::Place | Label::Org) {
        return None;
    }
    let key = matching_key_of(&e.norm);
    if key.chars().filter(|&c| c != ' ').count() < MIN_LETTERS {
        return None;
    }
    let person = e.label == Label::Person;
    if person && one_name(&key) {
        return None;
    }
    let words: Vec<&str> = key.split(' ').collect();
    let arabic: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !foreign_word(w, person))
        .collect();
    if words.len() == 1 && !arabic.is_empty() {
        return None;
    }
    let skeleton = variant_key(&key);
    let group = if skeleton.is_empty() {
        // Not Arabic letters only, or too long for a variant key: exact.
        format!("={key}")
    } else if skeleton.chars().count() < MIN_CLASSES {
        return None;
    } else if arabic.len() == words.len() {
        format!("={key}")
    } else {
        format!("{skeleton}|{}", arabic.join(" "))
    };
    Some(((e.label, group), key))
}

/// 64-bit FNV-1a: a hash that is the same on every machine and in every
/// version (std's hashers promise neither).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Source;

    fn mention(label: Label, norm: &str) -> Entity {
        Entity {
            label,
            text: norm.into(),
            start: 0,
            end: norm.chars().count(),
            norm: norm.into(),
            value: None,
            kind: None,
            id: None,
            source: Source::Model,
            link: None,
        }
    }

    /// The clusters of `mentions` (label, norm, times), as the id of each
    /// mention's cluster (`None`: none) in order.
    fn clustered(mentions: &[(Label, &str, usize)]) -> Vec<Option<Arc<str>>> {
        let mut linker = CorpusLinker::new();
        for &(label, norm, n) in mentions {
            for _ in 0..n {
                linker.add(&mention(label, norm));
            }
        }
        let clusters = linker.finish();
        mentions
            .iter()
            .map(|&(label, norm, _)| clusters.get(&mention(label, norm)).map(|c| c.id.clone()))
            .collect()
    }

    #[test]
    fn spellings_of_one_unseen_name_make_one_cluster() {
        use Label::{Org, Person, Place};
        // (case, mentions, which of them share a cluster: the same number,
        // one cluster; 0, none)
        type Case<'a> = (&'a str, &'a [(Label, &'a str, usize)], &'a [u8]);
        #[rustfmt::skip]
        let cases: &[Case<'_>] = &[
            ("a person in four spellings", &[(Person, "فولوديمير زيلنسكي", 3), (Person, "فولوديمير زيلينسكي", 2), (Person, "فلوديمير زيلنسكي", 1), (Person, "فولوديمير زيلنسكى", 1)], &[1, 1, 1, 1]),
            ("one word, ق for ك and a dropped vowel", &[(Place, "كارباخ", 2), (Place, "كاراباخ", 1), (Place, "قارباخ", 1)], &[1, 1, 1]),
            ("an Arabic first name is spelled one way", &[(Person, "سمير كوزلوف", 2), (Person, "سامر كوزلوف", 2)], &[1, 2]),
            ("a person of one name", &[(Person, "ماركوس", 2), (Person, "ماركس", 2), (Person, "عبد الرحيم", 2)], &[0, 0, 0]),
            ("a one-word common word", &[(Org, "الاتحاد", 9)], &[0]),
            ("a short key", &[(Place, "بارو", 3), (Place, "بيرو", 3)], &[0, 0]),
            ("too few letters", &[(Place, "ماري", 4)], &[0]),
            ("labels never mix", &[(Person, "كراسنو غوروفكا", 2), (Place, "كراسنو غوروفكا", 2)], &[1, 2]),
            ("a foreign first name is no place", &[(Place, "كوزلوفسكي", 2)], &[0]),
            ("one mention is no cluster", &[(Place, "كاراباخ", 1)], &[0]),
            ("a spelling too far from the most frequent", &[(Place, "ستيفانوبولوس", 3), (Place, "ستفنبلس", 2)], &[1, 2]),
            ("one word for two: only the spacing may differ", &[(Place, "كراسنو غوروفكا", 2), (Place, "كراسنوغوروفكا", 1), (Place, "كراسنوجوروفكا", 2)], &[1, 1, 2]),
            ("a frequent word is spelled one way", &[(Place, "سان مارتين", 2), (Place, "سانمارتين", 2)], &[1, 2]),
        ];
        for (name, mentions, want) in cases {
            let got = clustered(mentions);
            // Number the clusters in order of first appearance.
            let mut seen: Vec<&Arc<str>> = Vec::new();
            let numbered: Vec<u8> = got
                .iter()
                .map(|id| match id {
                    None => 0,
                    Some(id) => match seen.iter().position(|s| *s == id) {
                        Some(p) => p as u8 + 1,
                        None => {
                            seen.push(id);
                            seen.len() as u8
                        }
                    },
                })
                .collect();
            assert_eq!(&numbered[..], *want, "case {name}: {got:?}");
        }
    }

    #[test]
    fn the_most_frequent_spelling_is_the_norm() {
        let mut linker = CorpusLinker::new();
        for (norm, n) in [("كاراباخ", 2), ("كارباخ", 3), ("قارباخ", 3)] {
            for _ in 0..n {
                linker.add(&mention(Label::Place, norm));
            }
        }
        let clusters = linker.finish();
        let mut e = mention(Label::Place, "كاراباخ");
        assert!(clusters.apply(&mut e));
        // Three each: the first in code-point order (ق before ك).
        assert_eq!(e.norm, "قارباخ");
        assert_eq!(e.link, Some(Link::Corpus));
        assert!(e.id.as_deref().unwrap().starts_with("kashf:auto:"));
        let c = clusters.iter().next().unwrap();
        assert_eq!(
            c.spellings,
            [
                ("قارباخ".to_owned(), 3),
                ("كارباخ".to_owned(), 3),
                ("كاراباخ".to_owned(), 2)
            ]
        );
        assert_eq!(c.mentions, 8);
    }

    #[test]
    fn ids_do_not_depend_on_the_order_of_mentions() {
        let mentions = [
            (Label::Person, "فولوديمير زيلنسكي"),
            (Label::Person, "فولوديمير زيلينسكي"),
            (Label::Place, "كاراباخ"),
            (Label::Place, "كارباخ"),
        ];
        let ids = |order: &[usize]| {
            let mut linker = CorpusLinker::new();
            for &i in order {
                let (label, norm) = mentions[i];
                linker.add(&mention(label, norm));
            }
            let clusters = linker.finish();
            mentions
                .iter()
                .map(|&(l, n)| clusters.get(&mention(l, n)).unwrap().id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&[0, 1, 2, 3]), ids(&[3, 1, 2, 0]));
        // A fixed hash: the same id on every machine and in every version.
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn names_with_an_id_and_values_are_left_alone() {
        let mut linker = CorpusLinker::new();
        let known = Entity {
            id: Some("Q1".into()),
            ..mention(Label::Place, "كاراباخ")
        };
        let number = mention(Label::Number, "ثلاثة آلاف");
        for e in [&known, &known, &number, &number] {
            linker.add(e);
        }
        let clusters = linker.finish();
        assert!(clusters.is_empty());
        let mut e = known.clone();
        assert!(!clusters.apply(&mut e));
        assert_eq!(e, known);
    }
}
