//! The tagger's second pass: the first pass's tags, read across the whole
//! document, as features.
//!
//! A name is written many times in one article, and the first pass tags
//! each mention on its own: «توفيق الحكيم» in one sentence, «الحكيم» alone
//! and untagged five sentences on; «أوبرا وينفري» once, «وينفري» next. The
//! second pass is a second model with the first's features and features
//! that say how the first pass tagged the other mentions of the word's stem
//! in the chunk (mostly a person? the surname of a longer one?), how it
//! tagged the word and its neighbours, and whether the word and its
//! neighbour were one name elsewhere; it decodes the line again (stacking,
//! as Krishnan and Manning 2006 did for consistency).
//!
//! Trained on first-pass tags of documents the first pass did not learn
//! from ([`FOLDS`]-fold jackknife): on its own training data the first
//! pass is nearly always right, and a second pass trained on that would
//! learn to copy it.
//!
//! ANERcorp's 5-fold, 20 sentences a document: PERSON F1 0.760 → 0.780,
//! PLACE 0.874 → 0.866, ORG 0.614 → 0.623, for 13 % more instructions
//! (callgrind, news): its weights of the first pass's features are summed
//! with the first's in the tagger's per-word cache, and those of the
//! document features once per distinct [`View`]. A chunk of one line keeps
//! the first pass's tags (`apply`): it has nothing else to read, and run on
//! single sentences the second pass cost 0.003 PERSON F1.

use std::ops::Range;

use super::cache::Recent;
use super::decode::viterbi;
use super::features::{feature, feature1};
use super::train::train_pass;
use super::{Example, Model, TAGS, add_to};
use crate::hash::FastMap;

/// How many parts the training documents are cut into for the jackknife.
const FOLDS: usize = 5;

/// Tag names as feature parts, in tag order.
const TAG_NAMES: [&str; TAGS] = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"];

/// Label names as feature parts, in [`super::NAME_LABELS`] order.
const LABEL_NAMES: [&str; 3] = ["PER", "LOC", "ORG"];

/// The key the document statistics group mentions by: the hash of a
/// word's stem (its matching key without a proclitic or the article), so
/// that «والحكيم» counts with «الحكيم».
pub(super) fn stem_hash(stem: &str) -> u64 {
    feature1(100, stem)
}

/// How the first pass tagged the mentions of one stem.
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    mentions: u32,
    /// In a span of each label.
    label: [u32; 3],
    /// The first, and the last, word of a person of two words or more.
    first: u32,
    last: u32,
}

/// A word's place in the first pass's spans.
#[derive(Clone, Copy, Debug, Default)]
struct Place {
    /// The label index of its span.
    label: Option<usize>,
    /// First or last word of a person of two words or more.
    first: bool,
    last: bool,
    /// In the same span as the word before it.
    joined: bool,
}

/// The first pass's tags of one document, counted by stem. A thread keeps
/// one (in the tagger's [`Cache`](super::Cache)) and reads each chunk into
/// it ([`Doc::read`]): its vectors and maps keep their room from chunk to
/// chunk, so a chunk allocates nothing once they have grown, and each word
/// costs one probe of a map (its stem's number) where a map of counts built
/// for each chunk cost two and the pairs' map a third.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    /// The first pass's tags.
    tags: Vec<u8>,
    /// Each word's place in the first pass's spans.
    places: Vec<Place>,
    /// The number of each distinct stem of the chunk, by [`stem_hash`], in
    /// order of first mention.
    numbers: FastMap<u64, u32>,
    /// Each word's stem number.
    stem: Vec<u32>,
    /// How the first pass tagged each stem's mentions, by stem number.
    counts: Vec<Counts>,
    /// Whether a stem is the first of a pair of `pairs`, by stem number:
    /// the words of any other stem need no look-up there.
    starts_pair: Vec<bool>,
    /// The labels of the spans that hold two adjacent stems, by
    /// [`pair_key`].
    pairs: FastMap<u64, [u32; 3]>,
    /// For each word, how the first pass tagged the other mentions of its
    /// stem.
    others: Vec<Counts>,
    /// For each word, the [`PAIRS`] code of the label of the first-pass
    /// spans that hold it and the next word together elsewhere.
    pair_next: Vec<u8>,
    /// For each word, the bits of its [`View::key`] that depend on it
    /// alone: the shares, first and last of `others`.
    own: Vec<u64>,
}

/// The key of a pair of adjacent stems.
fn pair_key(a: u64, b: u64) -> u64 {
    a.rotate_left(21) ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl Doc {
    /// Counts the first pass's tags `tags` of a chunk whose words' stems
    /// are `stems` ([`stem_hash`]), in place of the chunk read before.
    fn read(&mut self, stems: &[u64], tags: &[usize]) {
        debug_assert_eq!(stems.len(), tags.len());
        self.tags.clear();
        self.tags
            .extend(tags.iter().map(|&t| u8::try_from(t).expect("a tag")));
        self.places.clear();
        self.places.resize(tags.len(), Place::default());
        for (label, a, b) in super::spans(tags) {
            let l = super::NAME_LABELS
                .iter()
                .position(|&x| x == label)
                .expect("a name label");
            let multi_person = l == 0 && b > a;
            for (i, p) in self.places[a..=b].iter_mut().enumerate() {
                *p = Place {
                    label: Some(l),
                    first: multi_person && i == 0,
                    last: multi_person && a + i == b,
                    joined: i > 0,
                };
            }
        }
        self.numbers.clear();
        self.stem.clear();
        self.counts.clear();
        self.starts_pair.clear();
        self.pairs.clear();
        for (i, (&s, p)) in stems.iter().zip(&self.places).enumerate() {
            let next = self.counts.len() as u32;
            let n = *self.numbers.entry(s).or_insert(next);
            if n == next {
                self.counts.push(Counts::default());
                self.starts_pair.push(false);
            }
            self.stem.push(n);
            let c = &mut self.counts[n as usize];
            c.mentions += 1;
            if let Some(l) = p.label {
                c.label[l] += 1;
                c.first += u32::from(p.first);
                c.last += u32::from(p.last);
                if p.joined {
                    self.pairs.entry(pair_key(stems[i - 1], s)).or_default()[l] += 1;
                    self.starts_pair[self.stem[i - 1] as usize] = true;
                }
            }
        }
        // Each word's own mention (and its own pair) is taken out.
        self.others.clear();
        self.others
            .extend(self.stem.iter().zip(&self.places).map(|(&n, p)| {
                let mut c = self.counts[n as usize];
                c.mentions -= 1;
                if let Some(l) = p.label {
                    c.label[l] -= 1;
                    c.first -= u32::from(p.first);
                    c.last -= u32::from(p.last);
                }
                c
            }));
        self.own.clear();
        self.own.extend(self.others.iter().map(own_key));
        self.pair_next.clear();
        self.pair_next.extend((0..stems.len()).map(|i| {
            // (A stem that starts no pair has none with the next word,
            // unless two pairs' keys of 64 bits were one.)
            if !self.starts_pair[self.stem[i] as usize] {
                return 0;
            }
            let Some(mut n) = stems
                .get(i + 1)
                .and_then(|next| self.pairs.get(&pair_key(stems[i], *next)))
                .copied()
            else {
                return 0;
            };
            if let Some(Place {
                joined: true,
                label: Some(l),
                ..
            }) = self.places.get(i + 1)
            {
                n[*l] -= 1;
            }
            (0..3)
                .filter(|&l| n[l] > 0)
                .max_by_key(|&l| (n[l], std::cmp::Reverse(l)))
                .map_or(0, |l| l as u8 + 1)
        }));
    }

    /// The [`View::key`] of word `i` of `line` (indices into the
    /// document): the word's own bits read once a chunk ([`Doc::own`]),
    /// and its neighbours' tags, the share of people among their stems'
    /// other mentions (the first field of their own bits) and the pairs.
    #[inline(always)]
    fn key(&self, i: usize, line: &Range<usize>) -> u64 {
        let prev = i.checked_sub(1).filter(|j| line.contains(j));
        let next = Some(i + 1).filter(|j| line.contains(j));
        let tag = |j: Option<usize>| u64::from(j.map_or(TAGS as u8, |j| self.tags[j]));
        let person = |j: Option<usize>| j.map_or(5, |j| self.own[j] >> View::SHARES & 0xF);
        let pair = |p: Option<usize>| u64::from(p.map_or(4, |p| self.pair_next[p]));
        self.own[i]
            | tag(prev) << View::TAGS
            | tag(Some(i)) << (View::TAGS - 4)
            | tag(next) << (View::TAGS - 8)
            | person(prev) << View::PERSON
            | person(next) << (View::PERSON - 4)
            | pair(prev) << View::PAIR
            | pair(next.map(|_| i))
    }

    /// A document read from `stems` and `tags` (training).
    fn new(stems: &[u64], tags: &[usize]) -> Doc {
        let mut d = Doc::default();
        d.read(stems, tags);
        d
    }
}

/// Share names as feature parts ([`share`]), and the edge of a line.
const SHARES: [&str; 6] = ["none", "0", "some", "most", "all", "<>"];

/// The label of a pair elsewhere as feature parts ([`Doc::pair_next`]),
/// and the edge of a line.
const PAIRS: [&str; 5] = ["-", "PER", "LOC", "ORG", "<>"];

/// The [`SHARES`] code of `count` out of `of`.
fn share(count: u32, of: u32) -> u8 {
    match (count, of) {
        (_, 0) => 0,
        (0, _) => 1,
        (c, n) if 2 * c < n => 2,
        (c, n) if c < n => 3,
        _ => 4,
    }
}

/// The bits of the [`View::key`] of a word whose stem's other mentions are
/// `c`, the fields it reads of them alone (shares, first, last) each
/// shifted into its place: what a [`View`] of those fields and zeros keys
/// as, without the array of codes folded four bits at a time.
fn own_key(c: &Counts) -> u64 {
    let share = |l: usize| u64::from(share(c.label[l], c.mentions));
    let key = u64::from(c.first > 0) << 41
        | u64::from(c.last > 0) << 40
        | share(0) << View::SHARES
        | share(1) << (View::SHARES - 4)
        | share(2) << (View::SHARES - 8);
    debug_assert_eq!(key, own_view(c).key(), "{c:?}");
    key
}

/// The [`View`] of the fields of a word whose stem's other mentions are
/// `c` that read them alone, the others zero ([`own_key`]).
fn own_view(c: &Counts) -> View {
    View {
        tags: [0; 3],
        shares: std::array::from_fn(|l| share(c.label[l], c.mentions)),
        first: c.first > 0,
        last: c.last > 0,
        person: [0; 2],
        pair: [0; 2],
    }
}

/// What the second pass's features read of one word, as small codes, so
/// that their summed weights can be remembered by it ([`View::key`]).
#[derive(Clone, Copy, Debug, PartialEq)]
struct View {
    /// First-pass tags of the word before, the word and the word after
    /// ([`TAGS`]: the edge of the line).
    tags: [u8; 3],
    /// The [`SHARES`] of the other mentions of the word's stem in each
    /// label.
    shares: [u8; 3],
    /// Whether another mention is the first, or the last, word of a
    /// person of two words or more.
    first: bool,
    last: bool,
    /// The [`SHARES`] of people among the other mentions of the stems of
    /// the words before and after.
    person: [u8; 2],
    /// The [`PAIRS`] codes of the word with the word before, and with the
    /// word after.
    pair: [u8; 2],
}

impl View {
    /// Where the fields start in [`View::key`], four bits a code: the
    /// three tags from bit 36 down, the three shares from 24, the two
    /// people from 12, the two pairs from 4; `last` at 40, `first` at 41.
    const TAGS: u32 = 36;
    const SHARES: u32 = 24;
    const PERSON: u32 = 12;
    const PAIR: u32 = 4;

    /// Word `i` of `line` (indices into the document).
    fn of(d: &Doc, i: usize, line: &Range<usize>) -> View {
        View::from_key(d.key(i, line))
    }

    /// A number that tells views apart: its codes, four bits each
    /// (none is above 7), after `first` and `last`.
    fn key(&self) -> u64 {
        let [t0, t1, t2] = self.tags;
        let [s0, s1, s2] = self.shares;
        let [p0, p1] = self.person;
        let [q0, q1] = self.pair;
        [t0, t1, t2, s0, s1, s2, p0, p1, q0, q1].iter().fold(
            u64::from(self.first) << 1 | u64::from(self.last),
            |k, &c| k << 4 | u64::from(c),
        )
    }

    /// The view whose [`View::key`] is `k`.
    fn from_key(k: u64) -> View {
        let code = |at: u32| (k >> at & 0xF) as u8;
        View {
            tags: [View::TAGS, View::TAGS - 4, View::TAGS - 8].map(code),
            shares: [View::SHARES, View::SHARES - 4, View::SHARES - 8].map(code),
            first: k >> 41 & 1 == 1,
            last: k >> 40 & 1 == 1,
            person: [View::PERSON, View::PERSON - 4].map(code),
            pair: [View::PAIR, 0].map(code),
        }
    }

    /// The second pass's features of the view, into `out`.
    fn features(&self, out: &mut Vec<u64>) {
        out.clear();
        let tag = |t: u8| TAG_NAMES.get(usize::from(t)).copied().unwrap_or("<>");
        let me = tag(self.tags[1]);
        let mut f = |t: u8, parts: &[&str]| out.push(feature(t, parts));
        f(60, &[]);
        f(61, &[me]);
        f(62, &[tag(self.tags[0]), me, tag(self.tags[2])]);
        for (name, &s) in LABEL_NAMES.iter().zip(&self.shares) {
            f(63, &[name, SHARES[usize::from(s)], me]);
        }
        let yes = |b: bool| if b { "y" } else { "n" };
        f(64, &[yes(self.first), yes(self.last), me]);
        f(65, &[SHARES[usize::from(self.person[0])], me]);
        f(66, &[SHARES[usize::from(self.person[1])], me]);
        f(67, &[PAIRS[usize::from(self.pair[0])], me]);
        f(68, &[PAIRS[usize::from(self.pair[1])], me]);
    }
}

/// Decodes the lines of a chunk again: `emits` holds `second`'s scores of
/// each word's first-pass features, `tags` the first pass's tags; the
/// weights of the document features are added, summed once per distinct
/// [`View`] in `sums` (the last read of them in `recent`); the chunk's
/// counts are read into `doc`. Returns the new tags.
#[allow(clippy::too_many_arguments)]
pub(super) fn second_pass(
    second: &Model,
    stems: &[u64],
    lines: &[Range<usize>],
    emits: &[[f32; TAGS]],
    joined: &[bool],
    tags: &[usize],
    sums: &mut FastMap<u64, [f32; TAGS]>,
    recent: &mut Recent<[f32; TAGS]>,
    doc: &mut Doc,
) -> Vec<usize> {
    doc.read(stems, tags);
    let doc = &*doc;
    let mut out = vec![0; tags.len()];
    let mut feats = Vec::new();
    let mut line_emits = Vec::new();
    let mut line_tags = Vec::new();
    for line in lines {
        line_emits.clear();
        for i in line.clone() {
            let key = doc.key(i, line);
            let sum = recent.get(key).unwrap_or_else(|| {
                let sum = *sums.entry(key).or_insert_with(|| {
                    View::from_key(key).features(&mut feats);
                    second.scores(&feats)
                });
                recent.put(key, sum);
                sum
            });
            let mut emit = emits[i];
            add_to(&mut emit, &sum);
            line_emits.push(emit);
        }
        viterbi(
            &second.trans,
            &line_emits,
            &joined[line.clone()],
            &mut line_tags,
        );
        out[line.clone()].copy_from_slice(&line_tags);
    }
    out
}

/// Trains the second pass on the lines of gold documents `docs`: each
/// [`FOLDS`]th of the documents is tagged by a first pass trained on the
/// others, and the second pass learns from those tags; `seed` as for
/// [`super::train()`]. `None` with fewer documents than folds.
pub(super) fn train(docs: &[Vec<Example>], epochs: usize, seed: u64) -> Option<Model> {
    let n = docs.len();
    if n < FOLDS || epochs == 0 {
        return None;
    }
    let mut examples = Vec::new();
    let mut line_tags = Vec::new();
    for k in 0..FOLDS {
        let held = n * k / FOLDS..n * (k + 1) / FOLDS;
        let rest: Vec<&Example> = docs[..held.start]
            .iter()
            .chain(&docs[held.end..])
            .flatten()
            .collect();
        let first = train_pass(&rest, epochs, seed);
        // Only documents of more than one line: the second pass reads no
        // other (see `apply`).
        for doc in docs[held].iter().filter(|d| d.len() > 1) {
            let (mut stems, mut tags, mut lines) = (Vec::new(), Vec::new(), Vec::new());
            for ex in doc {
                let emits: Vec<[f32; TAGS]> = ex.feats.iter().map(|f| first.scores(f)).collect();
                viterbi(&first.trans, &emits, &ex.joined, &mut line_tags);
                lines.push(tags.len()..tags.len() + ex.gold.len());
                tags.extend_from_slice(&line_tags);
                stems.extend_from_slice(&ex.stems);
            }
            let d = Doc::new(&stems, &tags);
            for (ex, line) in doc.iter().zip(lines) {
                let feats = line
                    .clone()
                    .zip(&ex.feats)
                    .map(|(i, own)| {
                        let mut f = Vec::new();
                        View::of(&d, i, &line).features(&mut f);
                        f.extend_from_slice(own);
                        f
                    })
                    .collect();
                examples.push(Example {
                    feats,
                    joined: ex.joined.clone(),
                    gold: ex.gold.clone(),
                    stems: Vec::new(),
                });
            }
        }
    }
    if examples.is_empty() {
        return None;
    }
    let refs: Vec<&Example> = examples.iter().collect();
    Some(train_pass(&refs, epochs, seed))
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::fixtures::with_model;
    use super::*;
    use crate::doc::Label;

    pub(super) const O: usize = 0;
    pub(super) const B_PER: usize = 1;
    pub(super) const I_PER: usize = 2;
    pub(super) const B_LOC: usize = 3;

    #[test]
    fn shares_name_their_bucket() {
        let cases = [
            ((0, 0), "none"),
            ((0, 3), "0"),
            ((1, 3), "some"),
            ((1, 2), "most"),
            ((2, 3), "most"),
            ((3, 3), "all"),
        ];
        for ((count, of), want) in cases {
            assert_eq!(
                SHARES[usize::from(share(count, of))],
                want,
                "{count} of {of}"
            );
        }
    }

    /// «توفيق الحكيم قال الحكيم ان حكيم توفيق الحكيم» as stems 1 2 3 2 4 2 1 2:
    /// a person, the surname alone untagged, a place, the full name untagged.
    const STEMS: [u64; 8] = [1, 2, 3, 2, 4, 2, 1, 2];
    const TAGS_1: [usize; 8] = [B_PER, I_PER, O, O, O, B_LOC, O, O];

    #[test]
    fn a_words_own_key_is_a_views() {
        for mentions in 0..6 {
            for label in [[0, 0, 0], [1, 0, 0], [0, 2, 1], [3, 3, 0], [5, 0, 5]] {
                for (first, last) in [(0, 0), (1, 0), (0, 2), (1, 1)] {
                    let c = Counts {
                        mentions,
                        label: label.map(|n: u32| n.min(mentions)),
                        first,
                        last,
                    };
                    assert_eq!(own_key(&c), own_view(&c).key(), "{c:?}");
                }
            }
        }
    }

    #[test]
    fn a_mention_counts_the_others_not_itself() {
        let d = Doc::new(&STEMS, &TAGS_1);
        // Stem 2 has four mentions: the surname of a person, a place, two O.
        let c = d.others[3];
        assert_eq!((c.mentions, c.label, c.first, c.last), (3, [1, 1, 0], 0, 1));
        // The surname itself: its own person and last word are left out.
        let c = d.others[1];
        assert_eq!((c.mentions, c.label, c.first, c.last), (3, [0, 1, 0], 0, 0));
        // The first name untagged: its other mention began a person.
        let c = d.others[6];
        assert_eq!((c.mentions, c.label, c.first, c.last), (1, [1, 0, 0], 1, 0));
        // The first name of the person: its other mention is untagged.
        let c = d.others[0];
        assert_eq!((c.mentions, c.label, c.first, c.last), (1, [0, 0, 0], 0, 0));
        // A word said once.
        assert_eq!(d.others[2].mentions, 0);
    }

    #[test]
    fn a_pair_is_a_name_elsewhere_only_if_another_span_holds_it() {
        let d = Doc::new(&STEMS, &TAGS_1);
        // «توفيق الحكيم» untagged at 6–7 was one person at 0–1.
        assert_eq!(PAIRS[usize::from(d.pair_next[6])], "PER");
        // At 0–1 the only span holding the pair is its own.
        assert_eq!(PAIRS[usize::from(d.pair_next[0])], "-");
        // Never in one span.
        assert_eq!(PAIRS[usize::from(d.pair_next[2])], "-");
        // The last word has no next.
        assert_eq!(d.pair_next[7], 0);
    }

    /// A word's view field by field from the document's counts, as
    /// `View::of` read it before the keys were made of each word's own
    /// bits.
    fn view_field_by_field(d: &Doc, i: usize, line: &Range<usize>) -> View {
        let prev = i.checked_sub(1).filter(|j| line.contains(j));
        let next = Some(i + 1).filter(|j| line.contains(j));
        let tag = |j: Option<usize>| j.map_or(TAGS as u8, |j| d.tags[j]);
        let c = d.others[i];
        let person =
            |j: Option<usize>| j.map_or(5, |j| share(d.others[j].label[0], d.others[j].mentions));
        View {
            tags: [tag(prev), tag(Some(i)), tag(next)],
            shares: std::array::from_fn(|l| share(c.label[l], c.mentions)),
            first: c.first > 0,
            last: c.last > 0,
            person: [person(prev), person(next)],
            pair: [
                prev.map_or(4, |p| d.pair_next[p]),
                next.map_or(4, |_| d.pair_next[i]),
            ],
        }
    }

    /// Pseudo-random documents: stems from a few, any tags (I tags
    /// without a B too), 40 to 100 words.
    fn documents() -> Vec<(Vec<u64>, Vec<usize>)> {
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        (0..200)
            .map(|_| {
                let len = 40 + next(61) as usize;
                let few = 2 + next(12);
                let stems = (0..len).map(|_| next(few)).collect();
                let tags = (0..len).map(|_| next(TAGS as u64) as usize).collect();
                (stems, tags)
            })
            .collect()
    }

    #[test]
    fn a_words_key_is_its_view_field_by_field() {
        let mut d = Doc::default();
        for (stems, tags) in documents() {
            d.read(&stems, &tags);
            let n = stems.len();
            // The whole document as one line, and cut into lines of 7.
            let lines: Vec<Range<usize>> = std::iter::once(0..n)
                .chain((0..n).step_by(7).map(|a| a..(a + 7).min(n)))
                .collect();
            for line in &lines {
                for i in line.clone() {
                    let want = view_field_by_field(&d, i, line);
                    assert_eq!(View::of(&d, i, line), want, "word {i} of {line:?}");
                    assert_eq!(d.key(i, line), want.key(), "word {i} of {line:?}");
                    assert_eq!(View::from_key(want.key()), want);
                }
            }
        }
    }

    #[test]
    fn a_document_read_again_keeps_nothing_of_the_one_before() {
        let docs = documents();
        let mut d = Doc::default();
        for (stems, tags) in &docs {
            d.read(stems, tags);
            let fresh = Doc::new(stems, tags);
            assert_eq!(d.tags, fresh.tags);
            assert_eq!(d.pair_next, fresh.pair_next);
            assert_eq!(d.own, fresh.own);
            assert_eq!(format!("{:?}", d.others), format!("{:?}", fresh.others));
        }
    }

    #[test]
    fn features_read_the_other_mentions() {
        let d = Doc::new(&STEMS, &TAGS_1);
        let mut out = Vec::new();
        View::of(&d, 3, &(0..8)).features(&mut out);
        // The untagged «الحكيم»: another mention is a person's surname.
        for want in [
            feature(61, &["O"]),
            feature(62, &["O", "O", "O"]),
            feature(63, &["PER", "some", "O"]),
            feature(63, &["LOC", "some", "O"]),
            feature(63, &["ORG", "0", "O"]),
            feature(64, &["n", "y", "O"]),
        ] {
            assert!(out.contains(&want), "{out:?}");
        }
        // The untagged «توفيق» before «الحكيم»: the pair is a person
        // elsewhere, and so is the next word's stem.
        View::of(&d, 6, &(0..8)).features(&mut out);
        assert!(out.contains(&feature(68, &["PER", "O"])));
        assert!(out.contains(&feature(66, &["some", "O"])));
        // Out of the line, the neighbours are edges.
        View::of(&d, 6, &(6..7)).features(&mut out);
        assert!(out.contains(&feature(62, &["<>", "O", "<>"])));
        assert!(out.contains(&feature(68, &["<>", "O"])));
    }

    #[test]
    fn the_second_pass_decides_on_documents_of_more_than_one_line() {
        // A first pass that tags nothing (its one weight favours O), and a
        // second that tags every word a person.
        let mut second = Model::default();
        second
            .weights
            .insert(feature(60, &[]), [0.0, 1e6, 0.0, 0.0, 0.0, 0.0, 0.0]);
        let mut first = Model {
            id: Model::next_id(),
            second: Some(Box::new(second)),
            ..Model::default()
        };
        first
            .weights
            .insert(feature(0, &[]), [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
        let x = with_model(first);
        let people = |text: &str| {
            x.extract(text)
                .iter()
                .filter(|e| e.label == Label::Person)
                .count()
        };
        assert_eq!(people("زار الوزير القاهرة امس"), 0, "one line");
        assert!(
            people("زار الوزير القاهرة امس\nوعاد اليوم") > 0,
            "two lines"
        );
    }
}
