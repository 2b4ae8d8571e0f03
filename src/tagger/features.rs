//! Features: what the tagger reads of each word and its neighbours.
//!
//! In: one chunk's words (matching keys), what the finders found, and the
//! news lexicon of the model, if any. Out: [`WordInfo`] for every word and
//! the hashed features of each ([`feature`]: stable across builds and
//! platforms, since model files store the hashes). A word's features are
//! its matching key and stem, its neighbours', affixes, what the shared
//! word tables know of it ([`crate::vocab::known`]) and whether Wikidata
//! names a person so where they do not ([`flag::WEAK_NAME`]), whether the
//! news writes it often, its word cluster and its neighbours'
//! ([`clusters`]), the separator before and after it, what the finders said
//! of it and its neighbours (label, begin or inside, source), and how a
//! first model tagged its stem throughout the news (`news`).
//!
//! The features of one word alone ([`type_features`]) are kept apart from
//! those that read its context, so that [`super::cache`] can sum them once
//! per distinct word.

use std::ops::Range;
use std::sync::LazyLock;

use super::cache::Scored;
use super::words::WordTable;
use super::{Cache, Model, NewsLexicon, news};
use crate::doc::{Candidate, Chunk, Label, Lex, Source};
use crate::hash::FastMap;
use crate::vocab::shape::{arabic_form, has_surname_ending, inflected};
use crate::vocab::{Vocab, WordId, flag};

/// The hash of a feature: its template number and its parts. Eight bytes
/// at a time, multiply and rotate as FxHash does (byte-at-a-time FNV-1a
/// cost a third of the tagger's time); each part is closed by its length,
/// so that ("ab", "c") and ("a", "bc") differ. Written out here rather than
/// taken from a crate because model files depend on it: it must never
/// change with a dependency's version.
pub(super) fn feature(template: u8, parts: &[&str]) -> u64 {
    let mut h = start(template);
    for p in parts {
        h = absorb(h, p.as_bytes());
    }
    finish(h)
}

/// [`feature`] of one part, without the loop over parts (the second
/// pass's stem of every word, [`super::stack::stem_hash`]).
#[inline]
pub(super) fn feature1(template: u8, a: &str) -> u64 {
    finish(absorb(start(template), a.as_bytes()))
}

/// [`feature`] of two parts, without the loop over parts: what each of
/// the [`pair_features`] is.
#[cfg(test)]
fn feature2(template: u8, a: &str, b: &str) -> u64 {
    finish(absorb(absorb(start(template), a.as_bytes()), b.as_bytes()))
}

/// The multiply and rotate of [`feature`].
#[inline(always)]
const fn mix(h: u64, w: u64) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    (h.rotate_left(26) ^ w).wrapping_mul(K)
}

/// The state of [`feature`] before its parts.
#[inline(always)]
const fn start(template: u8) -> u64 {
    mix(0, template as u64 + 1)
}

/// The state of [`feature`] after part `p`, closed by its length.
/// The eight-byte steps are taken as arrays (`split_first_chunk`), with
/// no iterator of chunks and no conversion that may fail to unwind from.
#[inline(always)]
fn absorb(mut h: u64, p: &[u8]) -> u64 {
    let mut rest = p;
    while let Some((step, more)) = rest.split_first_chunk::<8>() {
        h = mix(h, u64::from_le_bytes(*step));
        rest = more;
    }
    if !rest.is_empty() {
        h = mix(h, padded(rest));
    }
    mix(h, 0xFF00_0000_0000_0000 | p.len() as u64)
}

/// [`absorb`] of a part of one byte (a finder's label), without the
/// loop over eight-byte steps and the read of the rest.
#[inline(always)]
const fn absorb_byte(h: u64, b: u8) -> u64 {
    mix(mix(h, b as u64), 0xFF00_0000_0000_0000 | 1)
}

/// The hash of [`feature`] from its state after the last part.
#[inline(always)]
fn finish(h: u64) -> u64 {
    h ^ h >> 29
}

/// The bytes of `rest` (1 to 7 of them) as a little-endian `u64` padded
/// with zeros: two reads that may overlap, instead of a copy of a length
/// known only at run time into a buffer of eight (a call to `memcpy`).
#[inline]
fn padded(rest: &[u8]) -> u64 {
    let n = rest.len();
    debug_assert!((1..8).contains(&n));
    // The first four bytes and the last four (overlapping: n < 8), or
    // two and two, read as arrays: no bounds check a read.
    if let (Some(a), Some(b)) = (rest.first_chunk::<4>(), rest.last_chunk::<4>()) {
        return u64::from(u32::from_le_bytes(*a))
            | u64::from(u32::from_le_bytes(*b)) << (8 * (n - 4));
    }
    if let (Some(a), Some(b)) = (rest.first_chunk::<2>(), rest.last_chunk::<2>()) {
        return u64::from(u16::from_le_bytes(*a))
            | u64::from(u16::from_le_bytes(*b)) << (8 * (n - 2));
    }
    rest.first().map_or(0, |&b| u64::from(b))
}

/// The [`gap`] of `between` and its [`gap_code`], the code made once a
/// word where the context key, [`joins`] and [`lines`] read it (they
/// compared the gap's name as a string, each for every word). A gap of
/// one space, most of them, compares no name at all.
fn gap_and_code(between: &str) -> (&'static str, u8) {
    if between == " " {
        return ("sp", GAP_SP);
    }
    let g = gap(between);
    (g, gap_code_u8(g))
}

/// [`gap_code`] as a byte.
fn gap_code_u8(g: &str) -> u8 {
    u8::try_from(gap_code(g)).expect("gap codes below 16")
}

/// How a word is separated from the one before it.
fn gap(between: &str) -> &'static str {
    // Most words are one space apart (the normaliser collapses runs of
    // spaces).
    if between == " " {
        return "sp";
    }
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
pub(super) fn split_clitic(k: &str) -> (&str, &str) {
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
pub(super) fn finder_code(parts: [&str; 3]) -> u64 {
    // Every part is one ASCII letter (or «-»), so its first byte tells it
    // (comparing strings cost a third of the context cache's lookups).
    let first = |p: &str| p.as_bytes().first().copied().unwrap_or(b'-');
    let label = match first(parts[0]) {
        b'P' => 1,
        b'L' => 2,
        b'O' => 3,
        b'N' => 4,
        b'D' => 5,
        _ => 0,
    };
    let begins = match first(parts[1]) {
        b'B' => 1,
        b'I' => 2,
        _ => 0,
    };
    let source = match first(parts[2]) {
        b'g' => 1,
        b'v' => 2,
        b'r' => 3,
        b'k' => 4,
        b'p' => 5,
        _ => 0,
    };
    label * 18 + begins * 6 + source
}

/// The [`gap_code`] of a line break.
const GAP_NL: u8 = 1;

/// The [`gap_code`] of spaces alone.
const GAP_SP: u8 = 2;

/// The [`gap_code`] of a hyphen.
const GAP_HYPHEN: u8 = 4;

/// The [`gap_code`] of «و» or «ف» before what a finder found.
const GAP_CONJ: u8 = 10;

/// A number for each [`gap`] value.
pub(super) fn gap_code(g: &str) -> u64 {
    match g {
        "nl" => GAP_NL.into(),
        "sp" => GAP_SP.into(),
        "comma" => 3,
        "hyphen" => GAP_HYPHEN.into(),
        "quote" => 5,
        "paren" => 6,
        "stop" => 7,
        "other" => 8,
        "conj" => GAP_CONJ.into(),
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
pub(super) struct WordInfo<'a> {
    pub(super) key: &'a str,
    pub(super) clitic: &'a str,
    pub(super) stem: &'a str,
    pub(super) bits: u32,
    pub(super) stem_bits: u32,
    /// The word's [`clusters`], and its stem's if it has a proclitic.
    pub(super) clusters: Option<Clusters>,
    pub(super) stem_clusters: Option<Clusters>,
    /// [`FLAG_NAMES`] bits.
    pub(super) flags: u8,
    /// The stem's code in the model's news lexicon, if it has one.
    pub(super) news: Option<news::Code>,
    pub(super) finder: [&'static str; 3],
    pub(super) gap_before: &'static str,
    /// The [`gap_code`] of `gap_before`.
    pub(super) gap: u8,
    /// The word's [`pair_states`].
    pub(super) pair: [u64; 3],
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

/// Whether a word's record says it is one of Wikidata's person-name tokens
/// that the rules' lexicon leaves out (rare there, or also a place or a
/// common word) and the news does not write often
/// (`gazetteers/names/weak-name-tokens.txt`, the vocabulary's
/// [`flag::WEAK_NAME`]): too weak for a rule, but a feature the tagger
/// weighs («يلتسن», «ماتيراتزي»). ANERcorp's 5-fold: PERSON 0.801 → 0.805
/// (or 0.802 in another run); AQMAR by article, ORG 0.335 → 0.350
/// (0.349), PERSON within its retraining noise (0.599, 0.621 against
/// 0.612). Read from the vocabulary's record, not from a set of the
/// file's 34,000 lines built on the first unknown word (15 M
/// instructions, callgrind).
fn weak_name_token(lex: Lex) -> bool {
    lex.flags & flag::WEAK_NAME != 0
}

/// Whether a word's record says it is a frequent news word
/// ([`crate::vocab::frequent`], from the record at hand).
fn frequent_word(lex: Lex) -> bool {
    lex.flags & (flag::COMMON | flag::FREQUENT) != 0
}

/// Bit numbers as feature parts.
const BIT_NAMES: [&str; 32] = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
    "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31",
];

/// A word's cluster numbers, fine to coarse (each below [`CLUSTER_MAX`]).
pub(super) type Clusters = [u16; 3];

/// The number of clusters of the finest level the file may hold.
const CLUSTER_MAX: u16 = 1000;

// The word clusters: words found in the same contexts share a cluster, so
// a name the training data never showed still brings what its cluster's
// names taught («يلتسين» beside «بوتين»). The file is embedded once, by the
// vocabulary, which holds its words too.
pub(super) use crate::vocab::CLUSTERS;

/// The clusters of word `k` (a matching key), if it has them.
pub(super) fn clusters(k: &str) -> Option<Clusters> {
    clusters_of(k, Vocab::get().id(k))
}

/// The clusters of word `k` (a matching key) of vocabulary id `id`: from
/// the embedded model's word table, which holds every word of the cluster
/// file with its clusters (the vocabulary holds them all), or, when that
/// table is stale, from the file ([`clusters_in_file`]). The table saves
/// building a hash map of the file's 88,000 words on the tagger's first
/// word it does not hold (39 M instructions, callgrind).
fn clusters_of(k: &str, id: Option<WordId>) -> Option<Clusters> {
    match WordTable::shared() {
        Some(table) => table.clusters_of(id?),
        None => clusters_in_file(k),
    }
}

/// The clusters of word `k` (a matching key) as the cluster file gives
/// them, if it has them. The table is built on first use (about 40 M
/// instructions, callgrind); a binary search of the sorted file instead
/// cost a seventh of the time of a corpus run, in cache misses (`perf`),
/// where the tagger's [`Cache`] asks once per distinct word.
fn clusters_in_file(k: &str) -> Option<Clusters> {
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
pub(super) fn word_candidates(
    words: &[Range<usize>],
    cands: &[Candidate],
) -> Vec<Option<(usize, bool)>> {
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
pub(super) fn word_info<'a>(
    k: &'a str,
    finder: [&'static str; 3],
    gap_before: &'static str,
    news: Option<&NewsLexicon>,
) -> WordInfo<'a> {
    let (clitic, stem) = split_clitic(k);
    // One probe of the vocabulary for the word, one for its stem: each
    // record answers the lexicon bits, the word lists and the clusters.
    let vocab = Vocab::get();
    let word = vocab.lex(k);
    let stem_lex = if clitic.is_empty() {
        word
    } else {
        vocab.lex(stem)
    };
    let flags = [
        frequent_word(word),
        frequent_word(stem_lex),
        arabic_form(stem),
        inflected(k),
        has_surname_ending(stem),
        k.bytes().next().is_some_and(|b| b.is_ascii()),
        weak_name_token(stem_lex),
    ]
    .iter()
    .enumerate()
    .fold(0u8, |f, (n, &on)| if on { f | 1 << n } else { f });
    WordInfo {
        key: k,
        clitic,
        stem,
        bits: word.bits,
        stem_bits: if clitic.is_empty() { 0 } else { stem_lex.bits },
        clusters: clusters_of(k, word.id),
        stem_clusters: if clitic.is_empty() {
            None
        } else {
            clusters_of(stem, stem_lex.id)
        },
        flags,
        news: news.map(|n| n.code(stem)),
        finder,
        gap_before,
        gap: gap_code_u8(gap_before),
        pair: pair_states(k),
    }
}

/// The [`WordInfo`] of every word of a chunk, with the news lexicon
/// `news`; with a cache, where each word's scores are into `scores` (and
/// the model's own lexicon).
pub(super) fn infos<'a>(
    chunk: &Chunk<'a>,
    cands: &[Candidate],
    at: &[Option<(usize, bool)>],
    news: Option<&NewsLexicon>,
    mut cache: Option<(&mut Cache, &Model, &mut Vec<Scored>)>,
) -> Vec<WordInfo<'a>> {
    let key = chunk.key;
    let mut prev_end = 0;
    assert_eq!(chunk.lex.len(), chunk.words.len(), "a record for each word");
    chunk
        .words
        .iter()
        .zip(at)
        .zip(chunk.lex)
        .map(|((r, at), lex)| {
            let k = &key[r.clone()];
            let finder = finder_parts(at.map(|(c, b)| (&cands[c], b)));
            let (mut gap_before, mut gap) = gap_and_code(&key[prev_end..r.start]);
            prev_end = r.end;
            // «و» or «ف» before what a finder found: a coordination
            // («بيلوغوريفكا وفيرخنوكاميانسكي»), as good as a comma.
            if let Some((c, true)) = *at
                && matches!(&key[r.start..cands[c].range.start], "و" | "ف")
                && gap == GAP_SP
            {
                (gap_before, gap) = ("conj", GAP_CONJ);
            }
            let Some((cache, model, scores)) = &mut cache else {
                return word_info(k, finder, gap_before, news);
            };
            let (e, at) = cache.word(model, k, lex.id);
            scores.push(at);
            let pair = cache.pair_states(at, k);
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
                gap,
                pair,
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

pub(super) const ROLES: usize = 5;

/// The features of word `w` (`None`: beyond the line) in `role` that
/// depend on the word alone, so that their weights can be summed once per
/// distinct word ([`Cache`]).
pub(super) fn type_features(
    w: Option<&WordInfo<'_>>,
    role: usize,
    f: &mut impl FnMut(u8, &[&str]),
) {
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

/// The [`feature`] hashes of the [`type_features`] of word `w` in
/// neighbour role `role` (not [`ME`]) that read its key or stem, in the
/// order `type_features` gives them, first of all: `f(4, key)` and
/// `f(8, stem)` before, `f(5, key)` and `f(9, stem)` after, the key alone
/// two words away. The rest of the role's features read the word's
/// bits, flags and clusters alone ([`NeighbourKey`]).
pub(super) fn neighbour_own_features(w: &WordInfo<'_>, role: usize) -> [Option<u64>; 2] {
    let (key, stem) = match role {
        PREV => (4, Some(8)),
        NEXT => (5, Some(9)),
        PREV2 => (6, None),
        NEXT2 => (7, None),
        _ => unreachable!("no neighbour role {role}"),
    };
    [
        Some(feature1(key, w.key)),
        stem.map(|t| feature1(t, w.stem)),
    ]
}

/// What the [`type_features`] of a word in neighbour role `role` read
/// besides its key and stem ([`neighbour_own_features`]): the role, and
/// the word's bits, flags and clusters where the role reads them (two
/// words away, only the coarser two levels of its clusters). Words of
/// one key in a role have the same features but for their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) struct NeighbourKey {
    role: u8,
    bits: u32,
    flags: u8,
    clusters: Option<[u16; 3]>,
}

impl NeighbourKey {
    /// The key of word `w` in neighbour role `role`.
    pub(super) fn of(w: &WordInfo<'_>, role: usize) -> NeighbourKey {
        let near = matches!(role, PREV | NEXT);
        NeighbourKey {
            role: u8::try_from(role).expect("a role"),
            bits: if near { w.bits } else { 0 },
            flags: if near { w.flags } else { 0 },
            clusters: w.clusters.map(|c| if near { c } else { [0, c[1], c[2]] }),
        }
    }
}

/// The word `d` places from `i` if it is in `line`.
pub(super) fn neighbour<'w, 'a>(
    w: &'w [WordInfo<'a>],
    i: usize,
    d: isize,
    line: &Range<usize>,
) -> Option<&'w WordInfo<'a>> {
    let j = i.checked_add_signed(d)?;
    line.contains(&j).then(|| &w[j])
}

/// Which neighbour each role looks at.
pub(super) const OFFSETS: [isize; ROLES] = [0, -1, 1, -2, 2];

/// The templates of the pair features whose first part is a word's key:
/// the word and the next, the word and the next's finder label, where
/// the word is the one before (10, 34), and the word and the next (11).
const PAIR_FIRST: [u8; 3] = [10, 11, 34];

/// The states of `feature2` of each of [`PAIR_FIRST`] after word `k` (a
/// matching key) as the first part. The hash is a chain, so these are all
/// of a pair feature's hash that depends on one word alone: kept with
/// each distinct word ([`Cache`]), they spare three of the six passes
/// over the words' keys that a word's four pair features make.
pub(super) fn pair_states(k: &str) -> [u64; 3] {
    PAIR_FIRST.map(|t| absorb(start(t), k.as_bytes()))
}

/// The features of word `i` of `line` that pair two words: `feature2`
/// of (the word before, the word), (the word, the word after), (the word
/// before, the word's finder label) and (the label, the word after),
/// from the words' [`pair_states`].
pub(super) fn pair_features(w: &[WordInfo<'_>], i: usize, line: &Range<usize>) -> [u64; 4] {
    let me = &w[i];
    let before = neighbour(w, i, -1, line).map_or_else(|| pair_states("<s>"), |x| x.pair);
    let after = neighbour(w, i, 1, line)
        .map_or("</s>", |x| x.key)
        .as_bytes();
    // The state of template 35 before its first part, made at build time.
    const START_35: u64 = start(35);
    // The finder's label is one letter («-», «P» …): a part of one byte.
    let label = me.finder[0].as_bytes();
    let absorb_label = |h: u64| match label {
        [b] => absorb_byte(h, *b),
        _ => absorb(h, label),
    };
    [
        finish(absorb(before[0], me.key.as_bytes())),
        finish(absorb(me.pair[1], after)),
        finish(absorb_label(before[2])),
        finish(absorb(absorb_label(START_35), after)),
    ]
}

/// The features of word `i` of `line` that read what the finders said
/// around it, the separators and whether it is frequent (few distinct
/// combinations, so [`Cache`] sums them once per combination), into `out`.
pub(super) fn context_features(
    w: &[WordInfo<'_>],
    i: usize,
    line: &Range<usize>,
    out: &mut Vec<u64>,
) {
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
pub(super) fn features(w: &[WordInfo<'_>], i: usize, line: &Range<usize>, out: &mut Vec<u64>) {
    let mut more = Vec::new();
    context_features(w, i, line, &mut more);
    out.clear();
    out.extend_from_slice(&pair_features(w, i, line));
    out.append(&mut more);
    for (role, d) in OFFSETS.iter().enumerate() {
        type_features(neighbour(w, i, *d, line), role, &mut |t, parts| {
            out.push(feature(t, parts));
        });
    }
}

/// Whether a word may continue the span of the word before it: only
/// spaces, or a hyphen, between them, and no conjunction before what a
/// finder found in it.
pub(super) fn joins(info: &WordInfo<'_>) -> bool {
    matches!(info.gap, GAP_SP | GAP_HYPHEN)
}

/// The lines of a chunk: runs of words with no line break between them.
pub(super) fn lines(infos: &[WordInfo<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, w) in infos.iter().enumerate() {
        if i > start && w.gap == GAP_NL {
            out.push(start..i);
            start = i;
        }
    }
    if start < infos.len() {
        out.push(start..infos.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::FastSet;
    use crate::vocab::known;

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
    fn a_gaps_code_is_the_code_of_its_name() {
        for between in [
            " ", "  ", "\n", " \n ", "، ", ",", " - ", "-", " « ", "\"", " (", "] ", ". ", "؟ ",
            "؛", ":", " / ", "", "\t",
        ] {
            let (name, code) = gap_and_code(between);
            assert_eq!(name, gap(between), "{between:?}");
            assert_eq!(u64::from(code), gap_code(name), "{between:?}");
        }
        let w = word_info("قال", ["-", "-", "-"], "hyphen", None);
        assert_eq!((w.gap, joins(&w)), (GAP_HYPHEN, true));
        let w = word_info("قال", ["-", "-", "-"], "conj", None);
        assert_eq!((w.gap, joins(&w)), (GAP_CONJ, false));
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
        let weak: Vec<&str> = include_str!("../../gazetteers/names/weak-name-tokens.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect();
        assert!(weak.len() > 30_000);
        for &w in &weak {
            assert_eq!(known(w) & crate::vocab::NAME_BITS, 0, "{w}");
            assert!(!frequent.contains(w), "{w}");
            // The vocabulary's flag, which the features read, is the file.
            assert!(weak_name_token(Vocab::get().lex(w)), "{w}");
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
            assert_eq!(clusters_in_file(word), Some(want), "{word}");
            words += 1;
        }
        assert!(words > 50_000, "only {words} words");
    }

    #[test]
    fn words_outside_the_cluster_file_have_none() {
        for k in ["", "#", "\t", "zzzzzz", "ىىىىىى", "بوتينن", "ابوتين", "a b"] {
            assert_eq!(clusters(k), None, "{k:?}");
            assert_eq!(clusters_in_file(k), None, "{k:?}");
        }
        // Nor do the vocabulary's words that only the word lists hold,
        // which have an id but no row in the model's word table.
        let vocab = Vocab::get();
        let outside = (0..vocab.len() as u32)
            .map(|id| vocab.word(id))
            .filter(|w| clusters_in_file(w).is_none())
            .step_by(17)
            .take(2_000);
        for w in outside {
            assert_eq!(clusters(w), None, "{w:?}");
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
    fn a_part_of_one_byte_is_absorbed_as_any_part() {
        for h in [0, start(34), start(35), u64::MAX] {
            for b in 0..=u8::MAX {
                assert_eq!(absorb_byte(h, b), absorb(h, &[b]), "{h} {b}");
            }
        }
    }

    #[test]
    fn the_rest_of_a_part_is_read_as_if_copied_into_zeros() {
        let bytes: Vec<u8> = (1..=7u8).map(|b| b.wrapping_mul(0x9D) | 0x80).collect();
        for n in 1..=7 {
            let mut want = [0u8; 8];
            want[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(padded(&bytes[..n]), u64::from_le_bytes(want), "{n} bytes");
        }
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
        // The loops written out: one part, and two, at every length up to
        // past two eight-byte steps.
        let text = "زيلينسكي وقال الرئيس abcdefgh";
        let parts: Vec<&str> = (0..=text.len())
            .filter(|&n| text.is_char_boundary(n))
            .map(|n| &text[..n])
            .collect();
        for (k, a) in parts.iter().enumerate() {
            assert_eq!(feature1(100, a), feature(100, &[a]), "{a:?}");
            let b = parts[parts.len() - 1 - k];
            assert_eq!(feature2(10, a, b), feature(10, &[a, b]), "{a:?} {b:?}");
        }
        assert_ne!(feature(1, &["قال"]), feature(2, &["قال"]));
        assert_ne!(feature(1, &[""]), feature(1, &[]));
    }

    #[test]
    fn a_neighbours_own_features_come_first_and_the_rest_read_its_key() {
        // In each neighbour role, the features that read the word's key
        // and stem are the first the role gives; the rest are those of any
        // word of the same `NeighbourKey`.
        let hashes = |w: &WordInfo<'_>, role: usize| {
            let mut out = Vec::new();
            type_features(Some(w), role, &mut |t, parts| out.push(feature(t, parts)));
            out
        };
        let words = ["والقاهره", "زرنوخ", "بوتين", "الحكومه", "x", "ومحمد"];
        for k in words {
            let w = word_info(k, ["-", "-", "-"], "sp", None);
            for role in [PREV, NEXT, PREV2, NEXT2] {
                let own: Vec<u64> = neighbour_own_features(&w, role)
                    .into_iter()
                    .flatten()
                    .collect();
                let all = hashes(&w, role);
                assert_eq!(all[..own.len()], own[..], "{k}, role {role}");
                // Another key and stem, the same bits, flags and clusters.
                let other = WordInfo {
                    key: "غيرها",
                    stem: "غير",
                    ..word_info(k, ["-", "-", "-"], "sp", None)
                };
                assert_eq!(NeighbourKey::of(&other, role), NeighbourKey::of(&w, role));
                assert_eq!(
                    hashes(&other, role)[own.len()..],
                    all[own.len()..],
                    "{k}, role {role}"
                );
            }
        }
        // Two words away, the finest cluster, the bits and the flags are
        // not read.
        let a = word_info("بوتين", ["-", "-", "-"], "sp", None);
        let b = WordInfo {
            bits: a.bits ^ 1,
            flags: a.flags ^ 1,
            clusters: a.clusters.map(|c| [c[0] ^ 1, c[1], c[2]]),
            ..word_info("بوتين", ["-", "-", "-"], "sp", None)
        };
        for role in [PREV2, NEXT2] {
            assert_eq!(NeighbourKey::of(&a, role), NeighbourKey::of(&b, role));
            assert_eq!(hashes(&a, role), hashes(&b, role));
        }
        for role in [PREV, NEXT] {
            assert_ne!(NeighbourKey::of(&a, role), NeighbourKey::of(&b, role));
        }
    }

    #[test]
    fn pair_features_are_the_hashes_of_their_two_parts() {
        // Lines of one to four words, with and without a finder's label,
        // words of every length around the eight-byte steps: each pair
        // feature from the kept states is the hash of its two parts.
        let keys = [
            "و",
            "قال",
            "الرئيس",
            "زيلينسكي",
            "والمستشارة",
            "abcdefgh",
            "x",
        ];
        let labels = [["-", "-", "-"], ["P", "B", "g"], ["L", "I", "r"]];
        for n in 1..=4 {
            for start in 0..keys.len() {
                let w: Vec<WordInfo<'_>> = (0..n)
                    .map(|j| {
                        let finder = labels[(start + j) % labels.len()];
                        word_info(keys[(start + j) % keys.len()], finder, "sp", None)
                    })
                    .collect();
                let line = 0..n;
                for i in 0..n {
                    let key = |j: Option<usize>, edge| j.map_or(edge, |j: usize| w[j].key);
                    let before = key(i.checked_sub(1), "<s>");
                    let after = key(Some(i + 1).filter(|&j| j < n), "</s>");
                    let me = &w[i];
                    let want = [
                        feature2(10, before, me.key),
                        feature2(11, me.key, after),
                        feature2(34, before, me.finder[0]),
                        feature2(35, me.finder[0], after),
                    ];
                    assert_eq!(
                        pair_features(&w, i, &line),
                        want,
                        "{n} words from {start}, {i}"
                    );
                }
            }
        }
    }
}
