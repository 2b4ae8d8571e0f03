//! A prototype kept for measurement (issue 23, `docs/speed.md`, "Over word
//! ids"): the exact part of the matcher ([`Matcher::find_exact`]) run over
//! the chunk's word ids instead of over the characters of its key.
//!
//! In: a [`Chunk`] (its words and their vocabulary ids, `lex`). Out: the
//! same candidates as `find_exact`, through the same guards
//! ([`Matcher::accept`]), found by a trie over sequences of word ids:
//! - every pattern of the matcher's table (entry, alias, article, لل form)
//!   is cut at its spaces into words, each word its vocabulary id, or, for
//!   a word the vocabulary lacks, an id of this trie's own from
//!   `Vocab::len()` up; a لل form is filed under its article form («للامم»
//!   under «الامم»), as a second value of the same node;
//! - a word of the chunk is read bare (its id from `lex`, already probed)
//!   and with each proclitic sequence it starts with set aside (و ف ب ل ك,
//!   ال, لل and their sequences: one probe of the spelling words each), in
//!   the order of their starts, as the automaton finds them leftmost;
//! - from each reading the walk takes the following words while one space
//!   stands between them, and the ends it passes are tried longest first,
//!   as `find_exact` tries the longest match and then the shorter ones that
//!   end at a space inside it.
//!
//! Patterns that are not words joined by single spaces (a hyphen, a dot,
//! a digit glued to letters) are not in the trie: see [`IdTrie::uncut`].
//! Not used by the pipeline; `benches/gazetteer.rs` (`exact/`) times it
//! against the automaton and compares their candidates. A child of
//! `matcher.rs` rather than of the gazetteer module, whose file is part of
//! the gazetteer table's fingerprint.

use std::ops::Range;

use super::Matcher;
use crate::doc::{Candidate, Chunk, HijriCalendar, Lex, is_word_char, words_into};
use crate::gazetteer::bounds::{CLITICS, CLITICS_ARTICLE};
use crate::hash::FastMap;
use crate::normalize::{Normalizer, matching_key};
use crate::vocab::Vocab;

/// No pattern, no id.
const NONE: u32 = u32::MAX;

/// The article, which a لل form's words stand for.
const ARTICLE: &str = "ال";

/// A trie over sequences of word ids, of the patterns of one matcher.
pub(super) struct IdTrie {
    vocab: &'static Vocab,
    /// Every word of a pattern → its id.
    words: FastMap<Box<str>, u32>,
    /// The words of patterns that the vocabulary lacks → their ids.
    extra: FastMap<Box<str>, u32>,
    /// (node, word id) → node; the root is node 0.
    edges: FastMap<u64, u32>,
    /// Per node, the pattern that ends there, and the لل pattern.
    ends: Vec<[u32; 2]>,
    /// The patterns left out: their text is not words joined by single
    /// spaces.
    pub(super) uncut: Vec<u32>,
    /// The readings of the vocabulary's words, once made.
    by_vocab: Option<ByVocab>,
}

/// The readings of each vocabulary word that can start a name (their
/// starts relative to the word's).
struct ByVocab {
    /// Word id → where its readings start in `readings` (one more at the
    /// end).
    first: Vec<u32>,
    readings: Vec<Reading>,
}

/// One way to read a word: where its name would start (after the
/// proclitics set aside), the id of the rest, and which value of a node it
/// reads (0: the pattern, 1: the لل pattern).
#[derive(Clone, Copy, Debug)]
struct Reading {
    start: usize,
    id: u32,
    slot: u8,
}

/// The proclitic sequences a word may start with before a name, in the
/// order of their length (so the readings of a word come in the order of
/// their starts).
fn prefixes() -> Vec<&'static str> {
    let mut all: Vec<&str> = CLITICS
        .iter()
        .chain(CLITICS_ARTICLE)
        .copied()
        .filter(|p| !p.is_empty())
        .collect();
    all.sort_by_key(|p| (p.len(), *p));
    all.dedup();
    all
}

impl IdTrie {
    /// The trie of `m`'s patterns.
    pub(super) fn new(m: &Matcher) -> IdTrie {
        let t = m.tables();
        let vocab = Vocab::get();
        let mut trie = IdTrie {
            vocab,
            words: FastMap::default(),
            extra: FastMap::default(),
            edges: FastMap::default(),
            ends: vec![[NONE; 2]],
            uncut: Vec::new(),
            by_vocab: None,
        };
        for p in 0..t.by_key.len() as u32 {
            let text = t.by_key.str(p);
            let pattern = t.pattern(p);
            let (text, slot) = match text.strip_prefix("لل") {
                Some(rest) if pattern.lil => (format!("{ARTICLE}{rest}"), 1),
                _ => (text.to_owned(), 0),
            };
            if !cut_as_the_key_is(&text) {
                trie.uncut.push(p);
                continue;
            }
            let mut node = 0;
            for w in text.split(' ') {
                let id = trie.word_id(w);
                let next = trie.ends.len() as u32;
                node = *trie.edges.entry(edge(node, id)).or_insert(next);
                if node == next {
                    trie.ends.push([NONE; 2]);
                }
            }
            let end = &mut trie.ends[node as usize][slot];
            if *end == NONE {
                *end = p;
            }
        }
        trie
    }

    /// The id of pattern word `w`, made if the vocabulary lacks it.
    fn word_id(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.words.get(w) {
            return id;
        }
        let id = self.vocab.id(w).unwrap_or_else(|| {
            let id = (self.vocab.len() + self.extra.len()) as u32;
            self.extra.insert(w.into(), id);
            id
        });
        self.words.insert(w.into(), id);
        id
    }

    /// How many words of the patterns the vocabulary lacks.
    pub(super) fn extra_words(&self) -> usize {
        self.extra.len()
    }

    /// How many words the patterns have, distinct.
    pub(super) fn pattern_words(&self) -> usize {
        self.words.len()
    }

    /// The id of word `i` of the chunk as a following word of a name
    /// (whole, no proclitic): its vocabulary id, else this trie's own.
    #[inline]
    fn id_of(&self, chunk: &Chunk<'_>, i: usize) -> u32 {
        match chunk.lex[i].id {
            Some(id) => id,
            None => {
                let w = &chunk.key[chunk.words[i].clone()];
                self.extra.get(w).copied().unwrap_or(NONE)
            }
        }
    }

    /// Pushes the readings of word `i` onto `out`, in the order of their
    /// starts: bare, then each proclitic sequence it starts with set
    /// aside; a لل form's reading beside the one that starts where it does.
    /// A vocabulary word's come from [`IdTrie::by_vocab`] when it is made.
    fn readings(&self, chunk: &Chunk<'_>, i: usize, prefixes: &[&str], out: &mut Vec<Reading>) {
        let range = chunk.words[i].clone();
        if let (Some(by_vocab), Some(id)) = (&self.by_vocab, chunk.lex[i].id) {
            let (from, to) = (by_vocab.first[id as usize], by_vocab.first[id as usize + 1]);
            out.extend(
                by_vocab.readings[from as usize..to as usize]
                    .iter()
                    .map(|r| Reading {
                        start: range.start + r.start,
                        ..*r
                    }),
            );
            return;
        }
        let w = &chunk.key[range.clone()];
        self.readings_of(w, range.start, self.id_of(chunk, i), prefixes, out);
    }

    /// The readings of word `w`, starting at `at`, whose id is `bare`.
    fn readings_of(
        &self,
        w: &str,
        at: usize,
        bare: u32,
        prefixes: &[&str],
        out: &mut Vec<Reading>,
    ) {
        let mut buf = String::new();
        let mut lil = |from: usize, rest: &str, out: &mut Vec<Reading>| {
            if let Some(name) = rest.strip_prefix("لل").filter(|n| !n.is_empty()) {
                buf.clear();
                buf.push_str(ARTICLE);
                buf.push_str(name);
                if let Some(&id) = self.words.get(buf.as_str()) {
                    out.push(Reading {
                        start: at + from,
                        id,
                        slot: 1,
                    });
                }
            }
        };
        out.push(Reading {
            start: at,
            id: bare,
            slot: 0,
        });
        lil(0, w, out);
        for pf in prefixes {
            let Some(rest) = w.strip_prefix(pf).filter(|r| !r.is_empty()) else {
                continue;
            };
            if let Some(&id) = self.words.get(rest) {
                out.push(Reading {
                    start: at + pf.len(),
                    id,
                    slot: 0,
                });
            }
            if matches!(*pf, "و" | "ف") {
                lil(pf.len(), rest, out);
            }
        }
    }

    /// Makes [`IdTrie::by_vocab`]: the readings of every vocabulary word
    /// that can start a name, read as the vocabulary's record would hold
    /// them.
    fn read_the_vocabulary(&mut self) {
        let prefixes = prefixes();
        let mut first = Vec::with_capacity(self.vocab.len() + 1);
        let mut readings = Vec::new();
        let mut one = Vec::new();
        for id in 0..self.vocab.len() as u32 {
            first.push(readings.len() as u32);
            one.clear();
            self.readings_of(self.vocab.word(id), 0, id, &prefixes, &mut one);
            readings.extend(
                one.iter()
                    .filter(|r| self.edges.contains_key(&edge(0, r.id))),
            );
        }
        first.push(readings.len() as u32);
        self.by_vocab = Some(ByVocab { first, readings });
    }

    /// The pattern ends reachable from `r`, a reading of word `i`, as
    /// (end in the key, pattern), pushed onto `out` in the order of the
    /// walk (shortest first). `id_of(j)` is the id of word `j`.
    fn walk(
        &self,
        chunk: &Chunk<'_>,
        i: usize,
        r: Reading,
        id_of: impl Fn(usize) -> u32,
        out: &mut Vec<(usize, u32)>,
    ) {
        let mut id = r.id;
        let mut node = 0;
        let mut j = i;
        loop {
            let Some(&next) = self.edges.get(&edge(node, id)) else {
                return;
            };
            node = next;
            let p = self.ends[node as usize][usize::from(r.slot)];
            if p != NONE {
                out.push((chunk.words[j].end, p));
            }
            let joined = chunk
                .words
                .get(j + 1)
                .is_some_and(|w| &chunk.key[chunk.words[j].end..w.start] == " ");
            if !joined {
                return;
            }
            j += 1;
            id = id_of(j);
            if id == NONE {
                return;
            }
        }
    }

    /// [`Matcher::find_exact`] over word ids: the readings of each word
    /// looked up as it comes.
    pub(super) fn find(&self, m: &Matcher, chunk: &Chunk<'_>, out: &mut Vec<Candidate>) {
        let prefixes = prefixes();
        let mut readings = Vec::new();
        let mut i = 0;
        while i < chunk.words.len() {
            readings.clear();
            self.readings(chunk, i, &prefixes, &mut readings);
            i = self.match_at(m, chunk, i, &readings, |j| self.id_of(chunk, j), out);
        }
    }

    /// The readings of every word of `chunk` and the ids of its words,
    /// looked up ahead (what the walk needs, so that it can be timed
    /// alone).
    fn prepare(&self, chunk: &Chunk<'_>) -> Prepared {
        let prefixes = prefixes();
        let mut p = Prepared::default();
        for i in 0..chunk.words.len() {
            let from = p.readings.len();
            self.readings(chunk, i, &prefixes, &mut p.readings);
            p.of_word.push(from..p.readings.len());
            p.ids.push(self.id_of(chunk, i));
        }
        p
    }

    /// [`IdTrie::find`] with the lookups done ahead ([`IdTrie::prepare`]).
    fn find_prepared(
        &self,
        m: &Matcher,
        chunk: &Chunk<'_>,
        p: &Prepared,
        out: &mut Vec<Candidate>,
    ) {
        let mut i = 0;
        while i < chunk.words.len() {
            let readings = &p.readings[p.of_word[i].clone()];
            i = self.match_at(m, chunk, i, readings, |j| p.ids[j], out);
        }
    }

    /// Tries the readings of word `i`, start by start; pushes the first
    /// candidate [`Matcher::accept`] takes (the longest at the first start
    /// that has one) and returns the word after it, else `i + 1`.
    fn match_at(
        &self,
        m: &Matcher,
        chunk: &Chunk<'_>,
        i: usize,
        readings: &[Reading],
        id_of: impl Fn(usize) -> u32 + Copy,
        out: &mut Vec<Candidate>,
    ) -> usize {
        let mut ends = Vec::new();
        let mut k = 0;
        while k < readings.len() {
            let start = readings[k].start;
            ends.clear();
            while k < readings.len() && readings[k].start == start {
                self.walk(chunk, i, readings[k], id_of, &mut ends);
                k += 1;
            }
            if ends.is_empty() {
                continue;
            }
            ends.sort_by_key(|&(end, _)| std::cmp::Reverse(end));
            for &(end, p) in &ends {
                if let Some(c) = m.accept(chunk, start, end, p) {
                    out.push(c);
                    return i + chunk.words[i..].iter().take_while(|w| w.end <= end).count();
                }
            }
        }
        i + 1
    }
}

/// The key of an edge.
#[inline]
fn edge(node: u32, id: u32) -> u64 {
    u64::from(node) << 32 | u64::from(id)
}

/// Whether `text` (a pattern's key) is words as the key cuts them ([`words_into`]),
/// one space between each two.
fn cut_as_the_key_is(text: &str) -> bool {
    text.split(' ')
        .all(|w| !w.is_empty() && w.chars().all(is_word_char))
}

/// What [`IdTrie::prepare`] looked up for a chunk.
#[derive(Default)]
struct Prepared {
    readings: Vec<Reading>,
    /// Each word's readings, a range of `readings`.
    of_word: Vec<Range<usize>>,
    /// Each word's id as a following word.
    ids: Vec<u32>,
}

/// One document, prepared as the pipeline prepares a chunk.
struct Doc {
    text: String,
    key: String,
    words: Vec<Range<usize>>,
    lex: Vec<Lex>,
    prepared: Prepared,
}

impl Doc {
    fn chunk(&self) -> Chunk<'_> {
        Chunk {
            text: &self.text,
            key: &self.key,
            words: &self.words,
            lex: &self.lex,
            ref_date: None,
            hijri: HijriCalendar::default(),
        }
    }
}

/// The exact matching over characters and over word ids side by side, for
/// `benches/gazetteer.rs`: documents prepared once (normalised, matching
/// key, words, vocabulary probes, and the word-id readings), then either
/// matcher run over all of them. Not a stable API.
#[doc(hidden)]
pub struct ExactBench<'m> {
    matcher: &'m Matcher,
    trie: IdTrie,
    /// The same trie with the vocabulary's words read ahead.
    records: IdTrie,
    docs: Vec<Doc>,
}

#[doc(hidden)]
impl<'m> ExactBench<'m> {
    /// The documents `docs`, prepared for `matcher`.
    pub fn new(matcher: &'m Matcher, docs: &[String]) -> ExactBench<'m> {
        let trie = IdTrie::new(matcher);
        let mut records = IdTrie::new(matcher);
        let clock = std::time::Instant::now();
        records.read_the_vocabulary();
        if let Some(v) = &records.by_vocab {
            eprintln!(
                "the vocabulary's readings: {} for {} words, made in {:?}",
                v.readings.len(),
                records.vocab.len(),
                clock.elapsed()
            );
        }
        let normalizer = Normalizer::new(crate::gazetteer::PIPELINE_FOLDS);
        let docs = docs
            .iter()
            .map(|d| {
                let n = normalizer.normalize(d);
                let mut doc = Doc {
                    text: n.text().to_owned(),
                    key: String::new(),
                    words: Vec::new(),
                    lex: Vec::new(),
                    prepared: Prepared::default(),
                };
                matching_key(&doc.text, &mut doc.key);
                words_into(&doc.key, &mut doc.words);
                Vocab::get().lex_into(&doc.key, &doc.words, &mut doc.lex);
                doc.prepared = trie.prepare(&doc.chunk());
                doc
            })
            .collect();
        ExactBench {
            matcher,
            trie,
            records,
            docs,
        }
    }

    /// The bytes of the documents' matching keys.
    pub fn bytes(&self) -> usize {
        self.docs.iter().map(|d| d.key.len()).sum()
    }

    /// The candidates of `find` over every document, counted.
    fn count(&self, find: impl Fn(&Doc, &mut Vec<Candidate>)) -> usize {
        let mut out = Vec::new();
        self.docs
            .iter()
            .map(|d| {
                out.clear();
                find(d, &mut out);
                out.len()
            })
            .sum()
    }

    /// Exact candidates through the automaton, as the pipeline finds them.
    pub fn automaton(&self) -> usize {
        self.count(|d, out| self.matcher.find_exact(&d.chunk(), out))
    }

    /// Exact candidates over word ids, the readings' lookups included.
    pub fn ids(&self) -> usize {
        self.count(|d, out| self.trie.find(self.matcher, &d.chunk(), out))
    }

    /// Exact candidates over word ids, a vocabulary word's readings read
    /// from its record, the others' looked up.
    pub fn ids_records(&self) -> usize {
        self.count(|d, out| self.records.find(self.matcher, &d.chunk(), out))
    }

    /// The candidates of one of the contenders (`daachorse`, `ids`,
    /// `ids-vocab-readings`, `ids-walk-only`), or `None` for another name.
    pub fn run(&self, contender: &str) -> Option<usize> {
        Some(match contender {
            "daachorse" => self.automaton(),
            "ids" => self.ids(),
            "ids-vocab-readings" => self.ids_records(),
            "ids-walk-only" => self.ids_walk(),
            _ => return None,
        })
    }

    /// Exact candidates over word ids, the lookups done ahead.
    pub fn ids_walk(&self) -> usize {
        self.count(|d, out| {
            self.trie
                .find_prepared(self.matcher, &d.chunk(), &d.prepared, out)
        })
    }

    /// What differs between the two: a summary, then up to `sample`
    /// candidates that only one of them found, with their words around.
    pub fn compare(&self, sample: usize) -> String {
        let t = self.matcher.tables();
        let mut report = format!(
            "patterns {}, left out of the trie {}; pattern words {}, of which the vocabulary lacks {}\n",
            t.by_key.len(),
            self.trie.uncut.len(),
            self.trie.pattern_words(),
            self.trie.extra_words()
        );
        for &p in self.trie.uncut.iter().take(sample) {
            report.push_str(&format!("  left out: {:?}\n", t.by_key.str(p)));
        }
        let (mut same, mut only_a, mut only_b) = (0, 0, 0);
        let mut lines = Vec::new();
        for d in &self.docs {
            let chunk = d.chunk();
            let (mut a, mut b) = (Vec::new(), Vec::new());
            self.matcher.find_exact(&chunk, &mut a);
            self.trie.find(self.matcher, &chunk, &mut b);
            let summary = |c: &Candidate| (c.range.clone(), c.id.clone(), c.link);
            let sb: Vec<_> = b.iter().map(summary).collect();
            let sa: Vec<_> = a.iter().map(summary).collect();
            for (c, s) in a.iter().zip(&sa) {
                if sb.contains(s) {
                    same += 1;
                } else {
                    only_a += 1;
                    lines.push(format!("  automaton only: {}", around(&d.key, &c.range)));
                }
            }
            for (c, s) in b.iter().zip(&sb) {
                if !sa.contains(s) {
                    only_b += 1;
                    lines.push(format!("  ids only: {}", around(&d.key, &c.range)));
                }
            }
        }
        report.push_str(&format!(
            "candidates: both {same}, automaton only {only_a}, ids only {only_b}\n"
        ));
        for l in lines.iter().take(sample) {
            report.push_str(l);
            report.push('\n');
        }
        report
    }
}

/// `key[range]` in brackets, with up to 30 bytes (whole characters) either
/// side.
fn around(key: &str, range: &Range<usize>) -> String {
    let mut from = range.start.saturating_sub(30);
    while !key.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (range.end + 30).min(key.len());
    while !key.is_char_boundary(to) {
        to -= 1;
    }
    format!(
        "{}[{}]{}",
        &key[from..range.start],
        &key[range.clone()],
        &key[range.end..to]
    )
    .replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Over the fixture documents, the two find the same candidates.
    #[test]
    fn ids_find_what_the_automaton_finds_in_the_fixtures() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/news");
        let mut docs = Vec::new();
        for e in std::fs::read_dir(dir).unwrap() {
            docs.push(std::fs::read_to_string(e.unwrap().path()).unwrap());
        }
        let m = Matcher::embedded();
        let bench = ExactBench::new(&m, &docs);
        let n = bench.automaton();
        assert!(n > 40, "{n}");
        assert_eq!(bench.ids(), n, "{}", bench.compare(20));
        assert_eq!(bench.ids_walk(), n);
        assert_eq!(bench.ids_records(), n);
    }
}
