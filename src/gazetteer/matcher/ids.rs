//! The exact part of the embedded gazetteers' matcher, run over the
//! chunk's word ids instead of over the characters of its key
//! (`docs/speed.md`, "Over word ids"): the same candidates as the automaton
//! ([`Matcher::exact_by_automaton`]), through the same guards
//! ([`Matcher::accept`]), in the same order.
//!
//! In: a [`Chunk`] (its words and their vocabulary ids, `lex`). Out: the
//! exact candidates, found by a trie over sequences of word ids that is
//! generated ahead of time (`gazetteers/tables/gazetteer-ids.bin`, named
//! `GIDS`) and read in place:
//! - every pattern of the matcher's table (entry, alias, article, لل form)
//!   whose text is words joined by single spaces is cut at its spaces into
//!   words, each word its vocabulary id, or, for a word the vocabulary
//!   lacks, an id of this table's own from `Vocab::len()` up; a لل form is
//!   filed under its article form («للامم» under «الامم»), as a second
//!   value of the same node;
//! - a word of the chunk is read bare and with each proclitic sequence it
//!   starts with set aside (و ف ب ل ك, ال, لل and their sequences), in the
//!   order of their starts, as the automaton finds them leftmost. A
//!   vocabulary word's readings are in the table, by its id (made ahead:
//!   about 150 M instructions over the vocabulary); another word's are
//!   looked up as it comes (one probe a proclitic it starts with);
//! - from each reading the walk takes the following words while one space
//!   stands between them, and the ends it passes are tried longest first,
//!   as the automaton tries the longest match and then the shorter ones
//!   that end at a space inside it.
//!
//! # Patterns cut otherwise
//!
//! 65 patterns are not words joined by single spaces (a hyphen, brackets,
//! a plus: «تيمور-ليستي», «الكونغو - برازافيل», «ميانمار (بورما)»,
//! «اوبك+»). They are not in the trie, and they change what the automaton
//! does where they match (the longest match hides the shorter ones that do
//! not end at a space: «تيمور» inside «تيمور-ليستي»). So where one could
//! start, the automaton itself runs ([`Matcher::exact_from`]), over that
//! word alone: a word one of whose readings is the first word of such a
//! pattern (the table marks those readings: «تيمور», «والكونغو»,
//! «ميانمار»), or one right after the characters such a pattern starts
//! with («'» of «'س-هيرتوجنبوش»). A match the automaton finds elsewhere
//! (inside a word, after no proclitic) is rejected whatever it is, so the
//! trie, which never reads it, finds what the automaton finds everywhere
//! else (`ids_find_what_the_automaton_finds`; the whole news corpus gives
//! the same output both ways).
//!
//! User gazetteers (`--gazetteer`) have no such table: their matcher runs
//! the automaton alone (making the readings of the vocabulary would cost
//! about 150 M instructions at startup). A table generated from other
//! sources than this build's (`build.rs` fingerprints the gazetteers, the
//! vocabulary's inputs, how the key is cut into words, the proclitics and
//! `id_trie.rs`, which writes the table) is not read; the automaton runs
//! instead, with the same results. A child of `matcher.rs` (it reads the
//! matcher's private fields) rather than of the gazetteer module, whose
//! file is part of the gazetteer table's fingerprint. `id_trie.rs`, which
//! `build.rs` compiles too, stays beside that file and is mounted here by
//! its path.

use std::ops::Range;

#[path = "../id_trie.rs"]
mod id_trie;

use super::Matcher;
use crate::doc::{Candidate, Chunk, HijriCalendar, Lex, words_into};
use crate::normalize::{Normalizer, matching_key};
use crate::vocab::Vocab;
use crate::vocab::table::{self, ReadError, Reader, StrMap, U32s, U64s};
use id_trie::{
    KIND, NO_EDGE, NONE, Reading, edge, generate, inputs, prefixes, readings_of, slot_of,
};

/// The embedded gazetteers' trie, as generated.
static EMBEDDED: &[u8] = include_bytes!("../../../gazetteers/tables/gazetteer-ids.bin");

/// The trie of a matcher's patterns over word ids, read in place from its
/// table (see [`Builder::write`](id_trie::Builder::write) for the layout).
#[derive(Clone, Debug)]
pub(super) struct IdTable<'a> {
    vocab: &'static Vocab,
    /// The number of patterns of the matcher.
    patterns: usize,
    /// The number of nodes.
    nodes: u32,
    /// The vocabulary's size: the first id of `extra`'s words.
    base: u32,
    extra: StrMap<'a>,
    keys: U64s<'a>,
    children: U32s<'a>,
    ends: U32s<'a>,
    first: U32s<'a>,
    readings: U32s<'a>,
    /// The first words of the uncut patterns that start with a word.
    uncut_first: StrMap<'a>,
    /// The non-word characters the others start with.
    leading: Box<[&'a str]>,
    /// [`prefixes`].
    prefixes: Box<[&'static str]>,
}

impl IdTable<'static> {
    /// The embedded table, if it was generated from this build's sources
    /// and is the table of a matcher of `patterns` patterns.
    pub(super) fn embedded(patterns: usize) -> Option<IdTable<'static>> {
        table::load(EMBEDDED, KIND, inputs(), |b| IdTable::read(b, patterns))
    }
}

impl<'a> IdTable<'a> {
    /// Reads what [`Builder::write`](id_trie::Builder::write) wrote, for a matcher of `patterns`
    /// patterns over this build's vocabulary.
    fn read(bytes: &'a [u8], patterns: usize) -> Result<IdTable<'a>, ReadError> {
        let vocab = Vocab::get();
        let (mut r, _) = Reader::open(bytes, KIND)?;
        let (n, base) = (r.len()?, r.len()?);
        if n != patterns || base != vocab.len() {
            return Err(format!(
                "a table of {n} patterns over {base} words, for {patterns} over {}",
                vocab.len()
            ));
        }
        let extra = StrMap::read(&mut r)?;
        let (keys, children, ends) = (r.u64s()?, r.u32s()?, r.u32s()?);
        let (first, readings) = (r.u32s()?, r.u32s()?);
        let uncut_first = StrMap::read(&mut r)?;
        let leading = StrMap::read(&mut r)?;
        let leading = (0..leading.len() as u32).map(|i| leading.str(i)).collect();
        r.end()?;
        // Sizes only: checking every number would cost a few million
        // instructions of startup. A number out of bounds is read as no
        // edge, no pattern or no reading instead (`child`, `walk`,
        // `readings`), so a damaged table finds less but never panics.
        if !keys.len().is_power_of_two()
            || children.len() != keys.len()
            || ends.len() % 2 != 0
            || first.len() != base + 1
            || readings.len() % 2 != 0
        {
            return Err("a trie of other sizes than its layout's".into());
        }
        Ok(IdTable {
            vocab,
            patterns: n,
            nodes: (ends.len() / 2) as u32,
            base: base as u32,
            extra,
            keys,
            children,
            ends,
            first,
            readings,
            uncut_first,
            leading,
            prefixes: prefixes().into(),
        })
    }

    /// The child of `node` by word `id`, if any.
    #[inline]
    fn child(&self, node: u32, id: u32) -> Option<u32> {
        let key = edge(node, id);
        let mask = self.keys.len() - 1;
        let mut i = slot_of(key, mask);
        for _ in 0..=mask {
            match self.keys.get(i) {
                k if k == key => return Some(self.children.get(i)).filter(|&c| c < self.nodes),
                NO_EDGE => return None,
                _ => i = (i + 1) & mask,
            }
        }
        None
    }

    /// The id of `w` (a word of the key): its vocabulary id, else this
    /// table's own, else [`NONE`].
    #[inline]
    fn id_of_word(&self, w: &str) -> u32 {
        match self.vocab.id(w) {
            Some(id) => id,
            None => self.extra.get(w).map_or(NONE, |i| self.base + i),
        }
    }

    /// The id of word `i` of the chunk as a following word of a name.
    #[inline]
    fn id_of(&self, chunk: &Chunk<'_>, i: usize) -> u32 {
        match chunk.lex[i].id {
            Some(id) => id,
            None => self
                .extra
                .get(&chunk.key[chunk.words[i].clone()])
                .map_or(NONE, |i| self.base + i),
        }
    }

    /// Pushes the readings of word `i` onto `out` (see [`readings_of`]):
    /// a vocabulary word's from the table, another's looked up.
    fn readings(&self, chunk: &Chunk<'_>, i: usize, out: &mut Vec<Reading>) {
        let range = chunk.words[i].clone();
        if let Some(id) = chunk.lex[i].id {
            let from = self.first.get(id as usize) as usize;
            let to = (self.first.get(id as usize + 1) as usize).min(self.readings.len() / 2);
            out.extend((from..to).map(|k| {
                let [id, packed] = self.readings.array::<2>(2 * k);
                Reading {
                    start: range.start + ((packed >> 2) as usize).min(range.len()),
                    id,
                    slot: (packed & 1) as u8,
                    uncut: packed & 2 != 0,
                }
            }));
            return;
        }
        let w = &chunk.key[range.clone()];
        let starts = |s: &str| {
            let id = self.id_of_word(s);
            let id = if id != NONE && self.child(0, id).is_some() {
                id
            } else {
                NONE
            };
            (id, self.uncut_first.get(s).is_some())
        };
        readings_of(w, range.start, starts(w), &self.prefixes, starts, out);
    }

    /// Pushes onto `out` the pattern ends reachable from `r`, a reading of
    /// word `i`, as (end in the key, pattern), in the order of the walk
    /// (shortest first).
    fn walk(&self, chunk: &Chunk<'_>, i: usize, r: Reading, out: &mut Vec<(usize, u32)>) {
        let mut id = r.id;
        let mut node = 0;
        let mut j = i;
        loop {
            let Some(next) = self.child(node, id) else {
                return;
            };
            node = next;
            let p = self.ends.get(2 * node as usize + usize::from(r.slot));
            if (p as usize) < self.patterns {
                out.push((chunk.words[j].end, p));
            }
            let end = chunk.words[j].end;
            let joined = chunk
                .words
                .get(j + 1)
                .is_some_and(|w| w.start == end + 1 && chunk.key.as_bytes()[end] == b' ');
            if !joined {
                return;
            }
            j += 1;
            id = self.id_of(chunk, j);
            if id == NONE {
                return;
            }
        }
    }

    /// What [`Matcher::exact_by_automaton`] pushes onto `out` for `chunk`,
    /// found over word ids (the automaton run where an uncut pattern could
    /// start).
    pub(super) fn find(&self, m: &Matcher, chunk: &Chunk<'_>, out: &mut Vec<Candidate>) {
        let words = chunk.words;
        let mut readings = Vec::new();
        let mut ends = Vec::new();
        // Where the automaton would be: no match starts before `pos` that
        // has not been tried.
        let mut pos = 0;
        let mut i = 0;
        while i < words.len() {
            readings.clear();
            self.readings(chunk, i, &mut readings);
            if readings.iter().any(|r| r.uncut) || self.after_leading(chunk, i) {
                pos = m.exact_from(chunk, pos, words[i].end, out);
            } else {
                pos = self
                    .match_at(m, chunk, i, &readings, &mut ends, out)
                    .unwrap_or(words[i].end);
            }
            i += words[i..]
                .iter()
                .take_while(|w| w.end <= pos)
                .count()
                .max(1);
        }
    }

    /// Tries the readings of word `i`, start by start; pushes the first
    /// candidate [`Matcher::accept`] takes (the longest at the first start
    /// that has one) and returns its end.
    fn match_at(
        &self,
        m: &Matcher,
        chunk: &Chunk<'_>,
        i: usize,
        readings: &[Reading],
        ends: &mut Vec<(usize, u32)>,
        out: &mut Vec<Candidate>,
    ) -> Option<usize> {
        let mut k = 0;
        while k < readings.len() {
            let start = readings[k].start;
            ends.clear();
            while k < readings.len() && readings[k].start == start {
                self.walk(chunk, i, readings[k], ends);
                k += 1;
            }
            ends.sort_by_key(|&(end, _)| std::cmp::Reverse(end));
            for &(end, p) in ends.iter() {
                if let Some(c) = m.accept(chunk, start, end, p) {
                    out.push(c);
                    return Some(end);
                }
            }
        }
        None
    }

    /// Whether the characters right before word `i` end with those an
    /// uncut pattern starts with («'» of «'س-هيرتوجنبوش»).
    #[inline]
    fn after_leading(&self, chunk: &Chunk<'_>, i: usize) -> bool {
        if self.leading.is_empty() {
            return false;
        }
        let gap = gap(chunk, i);
        gap != " " && self.leading.iter().any(|l| gap.ends_with(l))
    }
}

/// The characters of `chunk`'s key before word `g` and after the one
/// before it (after the last word if `g` is the number of words).
#[inline]
fn gap<'k>(chunk: &Chunk<'k>, g: usize) -> &'k str {
    let from = g.checked_sub(1).map_or(0, |p| chunk.words[p].end);
    let to = chunk.words.get(g).map_or(chunk.key.len(), |w| w.start);
    &chunk.key[from..to]
}

/// One document, prepared as the pipeline prepares a chunk.
struct Doc {
    text: String,
    key: String,
    words: Vec<Range<usize>>,
    lex: Vec<Lex>,
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
/// key, words, vocabulary probes), then either matcher run over all of
/// them. Not a stable API.
#[doc(hidden)]
pub struct ExactBench<'m> {
    matcher: &'m Matcher,
    table: IdTable<'static>,
    docs: Vec<Doc>,
}

#[doc(hidden)]
impl<'m> ExactBench<'m> {
    /// The documents `docs`, prepared for `matcher` (its table over word
    /// ids, or one generated now).
    pub fn new(matcher: &'m Matcher, docs: &[String]) -> ExactBench<'m> {
        let table = matcher.ids.clone().unwrap_or_else(|| {
            let bytes = table::leak(generate(matcher));
            IdTable::read(bytes, matcher.tables().by_key.len()).expect("the generator's table")
        });
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
                };
                matching_key(&doc.text, &mut doc.key);
                words_into(&doc.key, &mut doc.words);
                Vocab::get().lex_into(&doc.key, &doc.words, &mut doc.lex);
                doc
            })
            .collect();
        ExactBench {
            matcher,
            table,
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

    /// The candidates of one of the contenders (`daachorse`: the automaton
    /// over the key; `ids`: the table over word ids, as the pipeline runs
    /// it), or `None` for another name.
    pub fn run(&self, contender: &str) -> Option<usize> {
        Some(match contender {
            "daachorse" => self.count(|d, out| self.matcher.exact_by_automaton(&d.chunk(), out)),
            "ids" => self.count(|d, out| self.table.find(self.matcher, &d.chunk(), out)),
            _ => return None,
        })
    }

    /// What differs between the two: a count, then up to `sample`
    /// candidates that only one of them found, with their words around.
    pub fn compare(&self, sample: usize) -> String {
        let (mut same, mut differ) = (0, 0);
        let mut lines = Vec::new();
        for d in &self.docs {
            let chunk = d.chunk();
            let (mut a, mut b) = (Vec::new(), Vec::new());
            self.matcher.exact_by_automaton(&chunk, &mut a);
            self.table.find(self.matcher, &chunk, &mut b);
            let summary = |c: &Candidate| (c.range.clone(), c.id.clone(), c.link);
            if a.iter().map(summary).eq(b.iter().map(summary)) {
                same += a.len();
                continue;
            }
            differ += 1;
            for c in a
                .iter()
                .filter(|c| !b.iter().any(|o| summary(o) == summary(c)))
            {
                lines.push(format!("  automaton only: {}", around(&d.key, &c.range)));
            }
            for c in b
                .iter()
                .filter(|c| !a.iter().any(|o| summary(o) == summary(c)))
            {
                lines.push(format!("  ids only: {}", around(&d.key, &c.range)));
            }
        }
        let mut report =
            format!("candidates in the same order: {same}; documents that differ: {differ}\n");
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
    use super::id_trie::{Builder, first_word};
    use super::*;

    #[test]
    fn embedded_tables_are_what_the_generator_writes() {
        table::check_embedded(
            "gazetteer-ids.bin",
            EMBEDDED,
            &generate(&Matcher::embedded()),
        );
    }

    #[test]
    fn the_embedded_matcher_reads_its_table() {
        let m = Matcher::embedded();
        assert!(
            m.ids.is_some(),
            "gazetteer-ids.bin is stale or does not read"
        );
        // A table for another matcher is not read.
        assert!(IdTable::embedded(m.tables().by_key.len() + 1).is_none());
    }

    #[test]
    fn uncut_patterns_and_where_they_start() {
        let m = Matcher::embedded();
        let b = Builder::new(&m);
        let (first, leading) = b.uncut_starts();
        assert!(b.uncut.len() < 100, "{}", b.uncut.len());
        for w in ["تيمور", "الكونغو", "للكونغو", "ميانمار", "اوبك", "جمهوريه"]
        {
            assert!(first.contains(&w), "{w} in {first:?}");
        }
        assert_eq!(leading, ["'"]);
        assert_eq!(first_word("'س-ب"), ("'", "س"));
        assert_eq!(first_word("ميانمار (بورما)"), ("", "ميانمار"));
    }

    /// The candidates of the exact part, over word ids and by the
    /// automaton, for `text`.
    fn both(m: &Matcher, text: &str) -> (Vec<Candidate>, Vec<Candidate>) {
        let t = crate::extract::TestChunk::new(text);
        let chunk = t.chunk();
        let ids = m.ids.as_ref().expect("the embedded table");
        let (mut a, mut b) = (Vec::new(), Vec::new());
        m.exact_by_automaton(&chunk, &mut a);
        ids.find(m, &chunk, &mut b);
        (a, b)
    }

    /// Names written with clitics, in runs, cut by hyphens and brackets,
    /// glued to other words: both ways find the same candidates in the
    /// same order.
    #[test]
    fn ids_find_what_the_automaton_finds() {
        let m = Matcher::embedded();
        let cases = [
            "وصل الرئيس إلى موسكو وبموسكو والقاهرة للقاهرة وللولايات المتحدة الأمريكية.",
            "قالت الأمم المتحدة للأمم المتحدة إن جمهورية تيمور-ليستي الديموقراطية دولة.",
            "زار تيمور-ليستي وتيمور - ليشتي وتيمور ثم ميانمار (بورما) وميانمار.",
            "الكونغو - برازافيل والكونغو - كينشاسا وللكونغو - برازافيل والكونغو.",
            "اجتماع أوبك+ في فيينا، وأوبك في الرياض (واس).",
            "مدينة 's-هيرتوجنبوش الهولندية و's-هيرتوجنبوش.",
            "موسكوفي سموسكو تموسكو ببموسكو السورية الأوكرانية في سورية.",
            "ضاحية تشيودا-كو في طوكيو، وكوتو-كو-كو.",
            "(القاهرة) -الرياض- دبي+ ابوظبي' 'جدة",
        ];
        let mut found = Vec::new();
        for text in cases {
            let (a, b) = both(&m, text);
            assert_eq!(a, b, "{text}");
            found.extend(a.iter().map(|c| c.norm.clone().unwrap_or_default()));
        }
        eprintln!("{found:?}");
        for name in ["موسكو", "تيمور الشرقية", "ميانمار", "أوبك", "القاهرة"]
        {
            assert!(found.iter().any(|n| n == name), "{name} in {found:?}");
        }
    }

    /// A matcher over user gazetteers has no table over word ids: the
    /// automaton finds its names, those with hyphens too.
    #[test]
    fn user_gazetteers_run_the_automaton() {
        let g = crate::gazetteer::matcher::tests::gazetteer(
            "Q1\tPLACE\tتيمور-ليستي\t\t\n\
             Q2\tPLACE\tتيمور\t\t\n\
             Q3\tORG\tالأمم المتحدة\t\t\n",
        );
        let m = Matcher::new(&[g]).unwrap();
        assert!(m.ids.is_none());
        let found =
            crate::gazetteer::matcher::tests::found(&m, "زار تيمور-ليستي وتيمور وللأمم المتحدة.");
        let ids: Vec<&str> = found.iter().map(|(_, id, _)| id.as_str()).collect();
        assert_eq!(ids, ["Q1", "Q2", "Q3"], "{found:?}");
    }

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
        let n = bench.run("daachorse").unwrap();
        assert!(n > 40, "{n}");
        assert_eq!(bench.run("ids"), Some(n), "{}", bench.compare(20));
        assert!(bench.compare(0).contains("documents that differ: 0"));
    }
}
