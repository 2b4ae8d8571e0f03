//! The trie over word ids of the embedded gazetteers' patterns, as it is
//! made and written into `gazetteers/tables/gazetteer-ids.bin` (`GIDS`),
//! and the readings of a word, which the table holds for the vocabulary's
//! words and `ids.rs` makes the same way for the others. What this file
//! does decides the table's bytes: it is part of the table's fingerprint
//! (`build.rs`); `ids.rs`, which reads the table and walks it, is not.

use super::Matcher;
use crate::doc::is_word_char;
use crate::gazetteer::bounds::{CLITICS, CLITICS_ARTICLE};
use crate::hash::FastMap;
use crate::vocab::Vocab;
use crate::vocab::table::{self, StrMap, Writer};

/// No pattern, no id, no node.
pub(super) const NONE: u32 = u32::MAX;

/// An empty slot of the edge table.
pub(super) const NO_EDGE: u64 = u64::MAX;

/// The article, which a لل form's words stand for.
const ARTICLE: &str = "ال";

/// The table's name.
pub(super) const KIND: &[u8; 4] = b"GIDS";

/// The fingerprint of what the table is made from (`build.rs`).
pub(super) fn inputs() -> u64 {
    table::fingerprint(env!("KASHF_TABLE_INPUTS_GAZETTEER_IDS"))
}

/// One way to read a word: where its name would start (after the
/// proclitics set aside), the id of the rest ([`NONE`] if no pattern of
/// the trie starts with it), which value of a node it reads (0: the
/// pattern, 1: the لل pattern), and whether the rest is the first word of
/// an uncut pattern.
#[derive(Clone, Copy, Debug)]
pub(super) struct Reading {
    pub(super) start: usize,
    pub(super) id: u32,
    pub(super) slot: u8,
    pub(super) uncut: bool,
}

/// The proclitic sequences a word may start with before a name, in the
/// order of their length (so the readings of a word come in the order of
/// their starts).
pub(super) fn prefixes() -> Vec<&'static str> {
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

/// Pushes onto `out` the readings of word `w`, starting at `at`, whose own
/// id is `bare`, in the order of their starts: bare, then each proclitic
/// sequence it starts with set aside; a لل form's reading beside the one
/// that starts where it does. `id(s)` is the id of `s` if a pattern of
/// the trie can start with it, else [`NONE`], and whether an uncut
/// pattern starts with `s` as its first word.
pub(super) fn readings_of(
    w: &str,
    at: usize,
    bare: (u32, bool),
    prefixes: &[&str],
    id: impl Fn(&str) -> (u32, bool),
    out: &mut Vec<Reading>,
) {
    let mut push = |start: usize, (id, uncut): (u32, bool), slot: u8| {
        if id != NONE || uncut {
            out.push(Reading {
                start,
                id,
                slot,
                uncut,
            });
        }
    };
    // A لل form is in the trie under its article form; an uncut one is
    // the first word as written («للكونغو»), read with slot 0.
    let lil = |rest: &str| {
        let id = rest
            .strip_prefix("لل")
            .filter(|n| !n.is_empty())
            .map_or(NONE, |name| id(&format!("{ARTICLE}{name}")).0);
        (id, false)
    };
    push(at, bare, 0);
    push(at, lil(w), 1);
    for pf in prefixes {
        let Some(rest) = w.strip_prefix(pf).filter(|r| !r.is_empty()) else {
            continue;
        };
        push(at + pf.len(), id(rest), 0);
        if matches!(*pf, "و" | "ف") {
            push(at + pf.len(), lil(rest), 1);
        }
    }
}

/// Whether `text` (a pattern's key) is words as the key cuts them
/// ([`words_into`](crate::doc::words_into)), one space between each two.
fn cut_as_the_key_is(text: &str) -> bool {
    text.split(' ')
        .all(|w| !w.is_empty() && w.chars().all(is_word_char))
}

/// The trie of a matcher's patterns as it is made, before it is written.
pub(super) struct Builder {
    vocab: &'static Vocab,
    /// Every word of a pattern → its id.
    words: FastMap<Box<str>, u32>,
    /// The words of patterns that the vocabulary lacks, in the order of
    /// their ids (from `vocab.len()` up).
    extra: Vec<Box<str>>,
    /// (node, word id) → node; the root is node 0.
    edges: FastMap<u64, u32>,
    /// The edges in the order they were made.
    order: Vec<u64>,
    /// Per node, the pattern that ends there, and the لل pattern.
    ends: Vec<[u32; 2]>,
    /// The patterns left out: their text is not words joined by single
    /// spaces.
    pub(super) uncut: Vec<u32>,
    /// The first words of those that start with a word.
    uncut_first: FastMap<Box<str>, ()>,
    /// The non-word characters those that start with one start with.
    leading: Vec<String>,
}

impl Builder {
    /// The trie of `m`'s patterns.
    pub(super) fn new(m: &Matcher) -> Builder {
        let t = m.tables();
        let mut b = Builder {
            vocab: Vocab::get(),
            words: FastMap::default(),
            extra: Vec::new(),
            edges: FastMap::default(),
            order: Vec::new(),
            ends: vec![[NONE; 2]],
            uncut: Vec::new(),
            uncut_first: FastMap::default(),
            leading: Vec::new(),
        };
        for p in 0..t.by_key.len() as u32 {
            let text = t.by_key.str(p);
            let (text, slot) = match text.strip_prefix("لل") {
                Some(rest) if t.pattern(p).lil => (format!("{ARTICLE}{rest}"), 1),
                _ => (text.to_owned(), 0),
            };
            if !cut_as_the_key_is(&text) {
                b.uncut.push(p);
                let (lead, first) = first_word(t.by_key.str(p));
                if lead.is_empty() {
                    b.uncut_first.insert(first.into(), ());
                } else if !b.leading.iter().any(|l| l == lead) {
                    b.leading.push(lead.to_owned());
                }
                continue;
            }
            let mut node = 0;
            for w in text.split(' ') {
                let id = b.word_id(w);
                node = b.child(node, id);
            }
            let end = &mut b.ends[node as usize][slot];
            if *end == NONE {
                *end = p;
            }
        }
        b
    }

    /// The id of pattern word `w`, made if the vocabulary lacks it.
    fn word_id(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.words.get(w) {
            return id;
        }
        let id = self.vocab.id(w).unwrap_or_else(|| {
            self.extra.push(w.into());
            (self.vocab.len() + self.extra.len() - 1) as u32
        });
        self.words.insert(w.into(), id);
        id
    }

    /// The child of `node` by word `id`, made if it is not there.
    fn child(&mut self, node: u32, id: u32) -> u32 {
        let next = self.ends.len() as u32;
        let key = edge(node, id);
        let child = *self.edges.entry(key).or_insert(next);
        if child == next {
            self.ends.push([NONE; 2]);
            self.order.push(key);
        }
        child
    }

    /// The readings of every vocabulary word that can start a name, their
    /// starts relative to the word's: where each word's start in the
    /// second (`len + 1` of them), and the readings.
    fn read_the_vocabulary(&self) -> (Vec<u32>, Vec<Reading>) {
        let prefixes = prefixes();
        let id = |s: &str| {
            let id = self
                .words
                .get(s)
                .copied()
                .filter(|&id| self.edges.contains_key(&edge(0, id)))
                .unwrap_or(NONE);
            (id, self.uncut_first.contains_key(s))
        };
        let mut first = Vec::with_capacity(self.vocab.len() + 1);
        let mut readings = Vec::new();
        for w in 0..self.vocab.len() as u32 {
            first.push(readings.len() as u32);
            let word = self.vocab.word(w);
            let bare = if self.edges.contains_key(&edge(0, w)) {
                w
            } else {
                NONE
            };
            let bare = (bare, self.uncut_first.contains_key(word));
            readings_of(word, 0, bare, &prefixes, id, &mut readings);
        }
        first.push(readings.len() as u32);
        (first, readings)
    }

    /// The first words of the uncut patterns that start with a word, and
    /// the characters the others start with, sorted.
    pub(super) fn uncut_starts(&self) -> (Vec<&str>, Vec<&str>) {
        let mut first: Vec<&str> = self.uncut_first.keys().map(|w| &**w).collect();
        let mut leading: Vec<&str> = self.leading.iter().map(String::as_str).collect();
        first.sort_unstable();
        leading.sort_unstable();
        (first, leading)
    }

    /// The table: the layout below, after the header.
    ///
    /// `u32` the number of patterns, `u32` the vocabulary's size; the
    /// words the vocabulary lacks ([`StrMap`]); the edges, an
    /// open-addressing table of `(node << 32 | word id)` keys (`u64s`,
    /// [`NO_EDGE`] empty) and their child nodes (`u32s`); each node's two
    /// ends (`u32s`); where each vocabulary word's readings start (`u32s`,
    /// one more at the end) and the readings, two `u32` each (the id of the
    /// rest; its start relative to the word's shifted left twice, or'ed
    /// with 2 if the rest is an uncut pattern's first word and with the
    /// slot); the first words of the uncut patterns and the characters
    /// before the first word of the others (two [`StrMap`]s).
    fn write(&self, m: &Matcher) -> Vec<u8> {
        let mut w = Writer::new(KIND, inputs());
        w.u32(m.tables().by_key.len() as u32);
        w.u32(self.vocab.len() as u32);
        let extra: Vec<&str> = self.extra.iter().map(|s| &**s).collect();
        StrMap::write(&extra, &mut w);
        let size = (self.order.len() * 2).next_power_of_two().max(2);
        let mut keys = vec![NO_EDGE; size];
        let mut children = vec![NONE; size];
        for &key in &self.order {
            let mut i = slot_of(key, size - 1);
            while keys[i] != NO_EDGE {
                i = (i + 1) & (size - 1);
            }
            keys[i] = key;
            children[i] = self.edges[&key];
        }
        w.u64s(&keys);
        w.u32s(&children);
        let ends: Vec<u32> = self.ends.iter().flatten().copied().collect();
        w.u32s(&ends);
        let (first, readings) = self.read_the_vocabulary();
        w.u32s(&first);
        let packed: Vec<u32> = readings
            .iter()
            .flat_map(|r| {
                let flags = u32::from(r.uncut) << 1 | u32::from(r.slot);
                [r.id, (r.start as u32) << 2 | flags]
            })
            .collect();
        w.u32s(&packed);
        let (first, leading) = self.uncut_starts();
        StrMap::write(&first, &mut w);
        StrMap::write(&leading, &mut w);
        w.finish()
    }
}

/// The non-word characters `text` starts with, and its first word.
pub(super) fn first_word(text: &str) -> (&str, &str) {
    let lead = text.len() - text.trim_start_matches(|c| !is_word_char(c)).len();
    let rest = &text[lead..];
    let first = rest.split(|c| !is_word_char(c)).next().unwrap_or_default();
    (&text[..lead], first)
}

/// The key of an edge.
#[inline]
pub(super) fn edge(node: u32, id: u32) -> u64 {
    u64::from(node) << 32 | u64::from(id)
}

/// The first slot to probe for edge `key` in a table of `mask + 1` slots.
#[inline]
pub(super) fn slot_of(key: u64, mask: usize) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask
}

/// The bytes of the table of `m`'s patterns (`m` the embedded matcher).
pub(super) fn generate(m: &Matcher) -> Vec<u8> {
    Builder::new(m).write(m)
}
