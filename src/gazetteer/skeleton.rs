//! Variant keys and the variant index: what the matcher's table holds of
//! the transliteration variants (see `variant.rs` for the search and its
//! guards, and the table of classes).
//!
//! In: the matching keys of the entries' spellings. Out: the packed
//! variant key of each ([`skeleton`]) and an index from keys to the
//! spellings that have them ([`VariantsBuilder`] writes it into the
//! matcher's table, [`Variants`] reads it in place). What is here decides
//! the bytes of the embedded gazetteers' table (`build.rs` fingerprints
//! this file); the guards of the search do not.

use std::hash::{BuildHasherDefault, Hasher};

use super::Entry;
use crate::doc::Label;
use crate::vocab::table::{ReadError, Reader, U16s, U32s, U64s, Writer};

/// Fewest letters (spaces aside) a spelling needs to be linked as a variant.
pub const MIN_LETTERS: usize = 5;

/// Fewest classes its variant key needs.
pub const MIN_CLASSES: usize = 2;

/// Most classes a variant key holds (12 × 5 bits fit in a `u64`); longer
/// names are matched exactly only.
const MAX_CLASSES: usize = 12;

/// Most words a variant spelling spans.
pub(super) const MAX_WORDS: usize = 3;

/// The Arab League members: their names are Arabic words, written one way.
const ARAB_CC: &[&str] = &[
    "AE", "BH", "DJ", "DZ", "EG", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA",
    "SA", "SD", "SO", "SY", "TN", "YE",
];

/// The non-Arab countries Arabic news reports from most: their smaller
/// cities are variant targets too.
const NEWS_FOCUS: &[&str] = &["AF", "AM", "AZ", "GE", "IL", "IR", "RU", "TR", "UA"];

/// Endings of relational adjectives and their plurals, longest first.
const NISBA_ENDINGS: &[&str] = &["يين", "يون", "يات", "يه", "ي"];

/// The transliteration class of one matching-key character: `Some(0)` for
/// a letter the key drops, `None` for a character that is not an Arabic
/// letter.
pub(super) fn class(c: char, word_final: bool) -> Option<u8> {
    Some(match c {
        // U+0627 ALEF, U+0648 WAW, U+064A YEH, U+0621 HAMZA: vowels
        'ا' | 'و' | 'ي' | 'ء' => 0,
        // U+0647 HEH (and TEH MARBUTA through the key): a final vowel
        'ه' if word_final => 0,
        'ه' | 'ح' => 1,
        'ق' | 'ك' | 'غ' | 'خ' | 'ج' => 2,
        'ز' | 'ذ' | 'ض' | 'ظ' => 3,
        'ت' | 'ط' | 'ث' => 4,
        'س' | 'ص' => 5,
        'ش' => 6,
        'د' => 7,
        'ر' => 8,
        'ل' => 9,
        'م' => 10,
        'ن' => 11,
        'ب' => 12,
        'ف' => 13,
        'ع' => 14,
        _ => return None,
    })
}

/// How each class is shown by [`variant_key`].
const CLASS_LETTERS: [char; 15] = [
    '-', 'ح', 'ك', 'ز', 'ت', 'س', 'ش', 'د', 'ر', 'ل', 'م', 'ن', 'ب', 'ف', 'ع',
];

/// A packed variant key: classes 1..=14 in 5-bit fields, first class
/// lowest, so that a prefix of the key is the value masked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) struct Skeleton {
    pub(super) code: u64,
    pub(super) len: u8,
}

/// The packed variant key of a matching-key string (words separated by
/// single spaces); `None` if it holds anything but Arabic letters and
/// spaces, or more than [`MAX_CLASSES`] classes.
pub(super) fn skeleton(key: &str) -> Option<Skeleton> {
    let mut s = Skeleton { code: 0, len: 0 };
    let mut last = 0;
    let mut chars = key.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            continue;
        }
        let word_final = chars.peek().is_none_or(|&n| n == ' ');
        let k = class(c, word_final)?;
        if k == 0 || k == last {
            last = if k == 0 { last } else { k };
            continue;
        }
        if s.len as usize == MAX_CLASSES {
            return None;
        }
        s.code |= u64::from(k) << (5 * s.len);
        s.len += 1;
        last = k;
    }
    Some(s)
}

/// The variant (consonant-skeleton) key of a spelling as text: the class
/// letters of the table in this module's docs, or an empty string when the
/// spelling has none (non-Arabic letters, too long).
///
/// # Examples
///
/// ```
/// use kashf::gazetteer::variant_key;
///
/// assert_eq!(variant_key("قرة باغ"), "كربك");
/// assert_eq!(variant_key("كاراباخ"), "كربك");
/// assert_eq!(variant_key("شويجو"), variant_key("شويغو"));
/// ```
pub fn variant_key(spelling: &str) -> String {
    let key = super::table::key_of(spelling);
    let Some(s) = skeleton(&key) else {
        return String::new();
    };
    (0..s.len)
        .map(|i| CLASS_LETTERS[((s.code >> (5 * i)) & 31) as usize])
        .collect()
}

/// A multiplicative hasher for the packed keys (SipHash is overkill for a
/// `u64` the text cannot choose adversarially beyond a few bits).
#[derive(Default)]
pub(super) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 ^= self.0 >> 29;
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
}

pub(super) type KeyMap<V> = std::collections::HashMap<Skeleton, V, BuildHasherDefault<KeyHasher>>;

/// A spelling a variant key leads to, as the index stores it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Target {
    pub(super) entry: u32,
    pub(super) person: bool,
    /// How many words the spelling has.
    pub(super) words: u8,
    /// Its relational-adjective ending, if it has one.
    pub(super) nisba: Option<&'static str>,
    /// It ends in يا.
    pub(super) ends_ya: bool,
    /// Where the spelling's matching key without spaces (its letters)
    /// starts in the index's letters, and how many.
    letters_at: u32,
    pub(super) letters_len: u16,
}

/// A spelling a variant key leads to, while the index is built.
#[derive(Clone, Debug)]
struct NewTarget {
    entry: u32,
    person: bool,
    words: u8,
    nisba: Option<&'static str>,
    ends_ya: bool,
    letters: Box<[char]>,
}

/// What a variant key leads to, while the index is built: spellings that
/// have it, and whether it is the key of the first words of a longer
/// spelling (so a text span with it may grow by a word).
#[derive(Clone, Debug, Default)]
struct NewNode {
    code: u64,
    targets: Vec<NewTarget>,
    prefix: bool,
}

/// Builds the variant index of a matcher's entries ([`Variants`]).
#[derive(Debug, Default)]
pub(super) struct VariantsBuilder {
    /// Variant key → its node, nodes in the order first seen (so that the
    /// table's bytes depend on the gazetteers alone).
    index: KeyMap<u32>,
    nodes: Vec<NewNode>,
}

/// The variant index of a matcher's entries, read in place from the
/// matcher's table (see `table.rs`): an open-addressing hash table of the
/// packed variant keys (linear probing from [`slot_of`]), each slot with its
/// node's number plus one (0: empty); per node, where its targets start
/// (one more than the nodes: the last is where the targets end) and
/// whether it is a prefix; per target three `u32`s (the entry with the
/// person bit 31; where its letters start; their count, word count, nisba
/// ending and final يا packed as in [`Variants::target`]); the targets'
/// letters as `u16`s (every letter of a spelling that has a variant key is
/// an Arabic letter of the basic plane).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Variants<'a> {
    keys: U64s<'a>,
    slots: U32s<'a>,
    mask: usize,
    nodes: U32s<'a>,
    prefix: &'a [u8],
    targets: U32s<'a>,
    letters: U16s<'a>,
}

/// What a variant key leads to: the range of its targets, and whether it
/// is a prefix.
#[derive(Clone, Copy, Debug)]
pub(super) struct Node {
    pub(super) targets: (usize, usize),
    pub(super) prefix: bool,
}

/// The first slot probed for a packed variant key. Part of the table's
/// format: it must not change with a dependency or a platform.
fn slot_of(code: u64, mask: usize) -> usize {
    let h = code.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h ^ (h >> 29)) as usize & mask
}

/// Whether an entry's spellings may be linked as transliteration variants:
/// foreign (not an Arab League `cc`; a person without `cc` unless from
/// ANERcorp) and, for a city, prominent enough to be in the news: a million
/// people, or a hundred thousand in the non-Arab countries the news covers
/// most, or no population given (a curated conflict-zone place).
pub(super) fn eligible(e: &Entry) -> bool {
    match e.attr("variant") {
        Some("yes") => return true,
        Some("no") => return false,
        _ => {}
    }
    if e.attr("src") == Some("anercorp") {
        return false;
    }
    let Some(cc) = e.attr("cc") else {
        return e.label == Label::Person;
    };
    if ARAB_CC.contains(&cc) {
        return false;
    }
    if e.attr("type") != Some("city") {
        return true;
    }
    let pop: u64 = e
        .attr("pop")
        .and_then(|p| p.parse().ok())
        .unwrap_or(u64::MAX);
    pop >= 1_000_000 || (pop >= 100_000 && NEWS_FOCUS.contains(&cc))
}

/// Most letters a variant spelling has (longer ones are exact only).
pub(super) const MAX_LETTERS: usize = 40;

/// The letters of `key` without spaces, in `buf`; `None` if too long.
pub(super) fn letters_into<'a>(key: &str, buf: &'a mut [char; MAX_LETTERS]) -> Option<&'a [char]> {
    let mut n = 0;
    for c in key.chars().filter(|&c| c != ' ') {
        *buf.get_mut(n)? = c;
        n += 1;
    }
    Some(&buf[..n])
}

pub(super) fn letters(key: &str) -> Box<[char]> {
    key.chars().filter(|&c| c != ' ').collect()
}

pub(super) fn nisba_ending(key: &str) -> Option<&'static str> {
    NISBA_ENDINGS.iter().copied().find(|e| key.ends_with(e))
}

impl VariantsBuilder {
    /// Adds one spelling (its matching key) of entry `entry`.
    pub(super) fn add(&mut self, entry: u32, person: bool, key: &str) {
        let n = key.chars().filter(|&c| c != ' ').count();
        if n < MIN_LETTERS || key.split(' ').count() > MAX_WORDS || key.starts_with("ال") {
            return;
        }
        let Some(s) = skeleton(key) else { return };
        if (s.len as usize) < MIN_CLASSES {
            return;
        }
        // A text span grows word by word only while it is the key of the
        // first words of a longer spelling (measured: marking every prefix
        // of every key made most words grow and cost a third of the whole
        // search).
        let words: Vec<&str> = key.split(' ').collect();
        for n in 1..words.len() {
            if let Some(p) = skeleton(&words[..n].join(" ")) {
                self.node(p).prefix = true;
            }
        }
        let target = NewTarget {
            entry,
            person,
            words: key.split(' ').count() as u8,
            nisba: nisba_ending(key),
            ends_ya: key.ends_with("يا"),
            letters: letters(key),
        };
        self.node(s).targets.push(target);
    }

    fn node(&mut self, s: Skeleton) -> &mut NewNode {
        let next = self.nodes.len() as u32;
        let i = *self.index.entry(s).or_insert(next);
        if i == next {
            self.nodes.push(NewNode {
                code: s.code,
                ..NewNode::default()
            });
        }
        &mut self.nodes[i as usize]
    }

    /// Writes the index as [`Variants::read`] reads it.
    pub(super) fn write(&self, w: &mut Writer) {
        let size = (self.nodes.len() * 2).next_power_of_two().max(2);
        let mask = size - 1;
        let mut keys = vec![0u64; size];
        let mut slots = vec![0u32; size];
        for (n, node) in self.nodes.iter().enumerate() {
            let mut i = slot_of(node.code, mask);
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            keys[i] = node.code;
            slots[i] = n as u32 + 1;
        }
        let mut starts = Vec::with_capacity(self.nodes.len() + 1);
        let mut prefix = Vec::with_capacity(self.nodes.len());
        let mut targets = Vec::new();
        let mut letters: Vec<u16> = Vec::new();
        for node in &self.nodes {
            starts.push(u32::try_from(targets.len() / 3).expect("below 4 G targets"));
            prefix.push(u8::from(node.prefix));
            for t in &node.targets {
                let nisba = t
                    .nisba
                    .and_then(|e| NISBA_ENDINGS.iter().position(|x| *x == e))
                    .map_or(0, |i| i as u32 + 1);
                let len = u16::try_from(t.letters.len()).unwrap_or(u16::MAX);
                targets.push(t.entry | u32::from(t.person) << 31);
                targets.push(u32::try_from(letters.len()).expect("below 4 G letters"));
                targets.push(
                    u32::from(len)
                        | u32::from(t.words) << 16
                        | nisba << 24
                        | u32::from(t.ends_ya) << 28,
                );
                // Letters of the basic plane (Arabic, by `skeleton`); a
                // spelling too long to be compared is never read.
                if (len as usize) < MAX_LETTERS {
                    letters.extend(t.letters.iter().map(|&c| c as u16));
                }
            }
        }
        starts.push(u32::try_from(targets.len() / 3).expect("below 4 G targets"));
        w.u64s(&keys);
        w.u32s(&slots);
        w.u32s(&starts);
        w.bytes(&prefix);
        w.u32s(&targets);
        w.u16s(&letters);
    }
}

impl<'a> Variants<'a> {
    /// Reads what [`VariantsBuilder::write`] wrote, for a matcher of
    /// `entries` entries.
    pub(super) fn read(r: &mut Reader<'a>, entries: usize) -> Result<Variants<'a>, ReadError> {
        let keys = r.u64s()?;
        let slots = r.u32s()?;
        let nodes = r.u32s()?;
        let prefix = r.bytes()?;
        let targets = r.u32s()?;
        let letters = r.u16s()?;
        let n = prefix.len();
        if !slots.len().is_power_of_two()
            || keys.len() != slots.len()
            || nodes.len() != n + 1
            || slots.len() < 2 * n
            || targets.len() % 3 != 0
        {
            return Err("a variant index of inconsistent sizes".into());
        }
        if (0..slots.len()).any(|i| slots.get(i) as usize > n) {
            return Err("a variant key slot out of bounds".into());
        }
        let mut prev = 0;
        for i in 0..nodes.len() {
            let at = nodes.get(i) as usize;
            if at < prev || at > targets.len() / 3 {
                return Err(format!("variant targets at {at}, out of order or bounds"));
            }
            prev = at;
        }
        let v = Variants {
            keys,
            slots,
            mask: slots.len() - 1,
            nodes,
            prefix,
            targets,
            letters,
        };
        for i in 0..targets.len() / 3 {
            let t = v.target(i);
            if t.entry as usize >= entries
                || ((t.letters_len as usize) < MAX_LETTERS
                    && t.letters_at as usize + t.letters_len as usize > letters.len())
                || t.words == 0
            {
                return Err(format!("variant target {i} out of bounds"));
            }
        }
        Ok(v)
    }

    /// Whether the index has no variant key.
    pub(super) fn is_empty(&self) -> bool {
        self.prefix.is_empty()
    }

    /// The node of variant key `s`.
    #[inline]
    pub(super) fn node(&self, s: Skeleton) -> Option<Node> {
        if self.is_empty() {
            return None;
        }
        let mut i = slot_of(s.code, self.mask);
        loop {
            let n = self.slots.get(i);
            if n == 0 {
                return None;
            }
            if self.keys.get(i) == s.code {
                let n = n as usize - 1;
                return Some(Node {
                    targets: (self.nodes.get(n) as usize, self.nodes.get(n + 1) as usize),
                    prefix: self.prefix[n] != 0,
                });
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Target `i`.
    #[inline]
    pub(super) fn target(&self, i: usize) -> Target {
        let (a, b, c) = (
            self.targets.get(3 * i),
            self.targets.get(3 * i + 1),
            self.targets.get(3 * i + 2),
        );
        let nisba = (c >> 24 & 7) as usize;
        Target {
            entry: a & !(1 << 31),
            person: a >> 31 != 0,
            words: (c >> 16) as u8,
            nisba: nisba
                .checked_sub(1)
                .and_then(|i| NISBA_ENDINGS.get(i).copied()),
            ends_ya: c >> 28 & 1 != 0,
            letters_at: b,
            letters_len: c as u16,
        }
    }

    /// The last letter of target `t`.
    pub(super) fn last_letter(&self, t: &Target) -> Option<char> {
        let n = t.letters_len as usize;
        (n > 0 && n < MAX_LETTERS)
            .then(|| char::from_u32(u32::from(self.letters.get(t.letters_at as usize + n - 1))))
            .flatten()
    }

    /// The letters of target `t` in `buf`; `None` if it has too many to be
    /// compared (see `variant.rs`'s `distance`).
    #[inline]
    pub(super) fn letters_of<'b>(
        &self,
        t: &Target,
        buf: &'b mut [char; MAX_LETTERS],
    ) -> Option<&'b [char]> {
        let n = t.letters_len as usize;
        if n >= MAX_LETTERS {
            return None;
        }
        for (j, slot) in buf[..n].iter_mut().enumerate() {
            let c = self.letters.get(t.letters_at as usize + j);
            *slot = char::from_u32(u32::from(c)).unwrap_or('\0');
        }
        Some(&buf[..n])
    }
}
