//! Transliteration variants: unseen spellings of foreign names linked to a
//! known entry through a consonant-skeleton key.
//!
//! In: the matching key of a chunk and the exact matches already found in
//! it. Out: [`Source::Variant`] candidates, never overlapping an exact
//! match, each carrying its entry's `id` and canonical name.
//!
//! # The variant key
//!
//! [`variant_key`] keeps the consonants of a spelling's matching key, each
//! folded to its transliteration class, and drops what foreign names are
//! written with in several ways:
//!
//! | class | letters | why |
//! | --- | --- | --- |
//! | dropped | ا و ي ء; ه or ة at the end of a word; spaces | long vowels and the final vowel are optional (بيراموف/بيرموف, قره/قرة باغ, كاراباخ) |
//! | ك | ق ك غ خ ج (and گ چ through the key) | G, K, Q and Kh: شويغو/شويجو, خاركيف, كاراباخ/قره باغ |
//! | ز | ز ذ ض ظ (ژ) | Z and emphatic Z |
//! | ت | ت ط ث | T and Th |
//! | س | س ص | S |
//! | ح | ح ه (not final) | H |
//!
//! Every other Arabic letter is its own class; a repeated class counts once
//! (doubled consonants). A spelling with any letter outside Arabic (Latin,
//! digits) has no variant key.
//!
//! # The guards
//!
//! Many Arabic words share a skeleton with some foreign name, so a variant
//! link needs all of:
//! - the entry is *foreign*: attribute `cc` outside the Arab League, or a
//!   person without `cc` who does not come from ANERcorp; a city only if
//!   prominent (see `eligible`); `variant=yes` or `variant=no` in a
//!   gazetteer row overrides this;
//! - the spelling has at least [`MIN_LETTERS`] letters and its key at least
//!   [`MIN_CLASSES`] classes, and no word of it is one of the news corpus's
//!   frequent words (`gazetteers/frequent-words.txt`);
//! - it is not itself an exact spelling of any entry (that entry wins), and
//!   it does not end like a relational adjective the entry's spelling does
//!   not end in (اوكراني is "Ukrainian", not أوكرانيا);
//! - it is close to the entry's spelling: a weighted edit distance (vowel
//!   letters and letters of one class cost half) of one half-letter (one
//!   vowel, or ق for ك) when the variant key has fewer than
//!   [`LONG_CLASSES`] classes or the spelling fewer than [`LONG_LETTERS`]
//!   letters, else at most [`MAX_DISTANCE`] per letter of the longer
//!   spelling; and only the spacing may differ between spellings of
//!   different word counts (سانمارتن / سان مارتن, not كولتس / وكالة تاس);
//! - it does not start with the article ال, alone or after a clitic (بال،
//!   لل, …: بالتمر is "with dates", not بالتيمور);
//! - it is not an Arabic word: no word of it, nor its stem once a light
//!   stemmer sets clitics, verb prefixes and pronoun or plural suffixes
//!   aside, is a frequent word or an Arabic name (لشبابنا = ل + شباب + نا);
//!   a foreign first name (`foreign` in `gazetteers/name-words.txt`) is
//!   never a variant of a place or organisation (جورج is not جورجيا);
//! - a final ة is an Arabic word's ending unless the entry's spelling ends
//!   in ة or ه too;
//! - for a place or organisation: no foreign name token is at least as
//!   close (دييجو is Diego, not دايجو), and no person-name word stands
//!   next to it (لويس باستير);
//! - a clitic is set aside only before a consonant (و and ف also before
//!   ا), and on a tie the reading with the clitic set aside wins.
//!
//! # Cost
//!
//! Each word of the text outside exact matches gets its variant key
//! computed (one pass over its letters) and looked up in a hash map of
//! entry keys (and of the keys of the first words of multi-word
//! spellings); only hits go on to a length test, the edit distance, and
//! last the word lists. Measured on SaudiNewsNet 2015 (99 MB, one thread):
//! about 2 s, against 4 s for the rest of the pipeline.
//!
//! [`Source::Variant`]: crate::doc::Source::Variant

use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::LazyLock;

use super::Entry;
use crate::doc::{
    Candidate, Chunk, Label, Link, Source, is_word_char, starts_with_short, word_before_space,
    word_start,
};
use crate::vocab::{self, Vocab, WordId, flag, is_frequent_word};

/// Fewest letters (spaces aside) a spelling needs to be linked as a variant.
pub const MIN_LETTERS: usize = 5;
/// Fewest classes its variant key needs.
pub const MIN_CLASSES: usize = 2;
/// A variant key of fewer classes than this, or a spelling (theirs or
/// ours) of fewer letters than [`LONG_LETTERS`], may differ from the entry's by one vowel
/// or one same-class letter only (شويجو / شويغو, بيرموف / بيراموف).
pub const LONG_CLASSES: usize = 4;
/// See [`LONG_CLASSES`].
pub const LONG_LETTERS: usize = 8;
/// Most classes a variant key holds (12 × 5 bits fit in a `u64`); longer
/// names are matched exactly only.
const MAX_CLASSES: usize = 12;
/// Most words a variant spelling spans.
const MAX_WORDS: usize = 3;
/// Largest weighted edit distance per letter of the longer spelling for
/// long spellings (see `distance`: a vowel or a same-class letter costs
/// half a letter): 2 letters in 10.
pub const MAX_DISTANCE: f32 = 0.2;

/// The Arab League members: their names are Arabic words, written one way.
const ARAB_CC: &[&str] = &[
    "AE", "BH", "DJ", "DZ", "EG", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA",
    "SA", "SD", "SO", "SY", "TN", "YE",
];

/// The non-Arab countries Arabic news reports from most: their smaller
/// cities are variant targets too.
const NEWS_FOCUS: &[&str] = &["AF", "AM", "AZ", "GE", "IL", "IR", "RU", "TR", "UA"];

/// Proclitics tried in front of a variant spelling (no article: foreign
/// names rarely take it, and ال + a nisba is the adjective).
const CLITICS: &[&str] = &["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"];

/// Endings of relational adjectives and their plurals, longest first.
const NISBA_ENDINGS: &[&str] = &["يين", "يون", "يات", "يه", "ي"];

/// The foreign name tokens (`gazetteers/name-words.txt`, class `foreign`)
/// by variant key: a place variant that is at least as close to one of them
/// is a person's name (دييجو is Diego, not دايجو). Built on first use: only
/// a close place target asks.
static FOREIGN: LazyLock<KeyMap<Vec<Box<[char]>>>> = LazyLock::new(|| {
    let vocab = Vocab::get();
    let mut foreign: KeyMap<Vec<Box<[char]>>> = KeyMap::default();
    for id in 0..vocab.len() as WordId {
        if vocab.flags_of(id) & flag::FOREIGN_NAME != 0 {
            let w = vocab.word(id);
            if let Some(s) = skeleton(w) {
                foreign.entry(s).or_default().push(letters(w));
            }
        }
    }
    foreign
});

/// Whether a word (matching key) may be read as a variant of an entry
/// that is (`person`) or is not a person.
fn allowed(word: &str, person: bool) -> bool {
    let f = Vocab::get().flags(word);
    if f & flag::FREQUENT != 0 {
        return false;
    }
    if f & flag::ARABIC_NAME != 0 {
        false
    } else if f & flag::FOREIGN_NAME != 0 {
        person
    } else {
        true
    }
}

/// Whether a word is a frequent word or an Arabic name: a stem the light
/// stemmer recognises.
fn lexicon(word: &str) -> bool {
    vocab::in_lists(word, flag::FREQUENT | flag::ARABIC_NAME)
}

/// Whether a word is an Arabic name, or a foreign name token that is not
/// a frequent word too (في and من are name tokens of Wikidata as well).
fn name_word(word: &str) -> bool {
    let f = Vocab::get().flags(word);
    f & flag::ARABIC_NAME != 0 || f & flag::FOREIGN_NAME != 0 && f & flag::FREQUENT == 0
}

/// Whether a foreign name token with variant key `s` is within `d` of
/// `ours`.
fn foreign_name_within(s: Skeleton, ours: &[char], d: u32) -> bool {
    FOREIGN
        .get(&s)
        .is_some_and(|ts| ts.iter().any(|t| distance(ours, t) <= d))
}

/// Proclitics, the article and verb prefixes a light stemmer sets aside.
const STEM_PREFIXES: &[&str] = &[
    "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "ال", "وال", "فال", "بال",
    "كال", "وبال", "لل", "ولل", "فلل", "س", "وس", "فس", "ي", "ت", "ن", "وي", "وت", "ون", "في",
    "فت", "فن", "سي", "ست", "سن", "وسي", "وست", "وسن", "لي", "لت", "لن", "ولي", "ولت",
];

/// Pronoun, plural and verb suffixes the light stemmer sets aside.
const STEM_SUFFIXES: &[&str] = &[
    "", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "نا", "ني", "ي", "ون", "ين", "ان", "ات",
    "وا", "تم", "تن", "ته", "تها", "تهم", "يه", "يها", "يهم", "يون", "يين", "يات", "يا", "ا",
];

/// Whether a word (matching key) is an Arabic word: itself, or its stem
/// once a light stemmer sets clitics, the article, verb prefixes and
/// pronoun or plural suffixes aside, is a frequent word of the news or an
/// Arabic name (لشبابنا is ل + شباب + نا, not لشبونة; ينقلون is ي + نقل +
/// ون).
fn arabic_word(word: &str) -> bool {
    STEM_PREFIXES
        .iter()
        .filter(|p| word.starts_with(*p))
        .any(|p| {
            let rest = &word[p.len()..];
            STEM_SUFFIXES
                .iter()
                .filter(|s| rest.len() > s.len() && rest.ends_with(*s))
                .any(|s| {
                    let stem = &rest[..rest.len() - s.len()];
                    let long = stem.len() == word.len() || stem.chars().count() >= 3;
                    // A suffix after ة writes it ت: هوايتي is هواية + ي.
                    let taa = (!s.is_empty())
                        .then(|| stem.strip_suffix('ت'))
                        .flatten()
                        .map(|t| format!("{t}ه"));
                    long && (lexicon(stem) || taa.is_some_and(|t| lexicon(&t)))
                })
        })
}

/// The transliteration class of one matching-key character: `Some(0)` for
/// a letter the key drops, `None` for a character that is not an Arabic
/// letter.
fn class(c: char, word_final: bool) -> Option<u8> {
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
struct Skeleton {
    code: u64,
    len: u8,
}

/// The packed variant key of a matching-key string (words separated by
/// single spaces); `None` if it holds anything but Arabic letters and
/// spaces, or more than [`MAX_CLASSES`] classes.
fn skeleton(key: &str) -> Option<Skeleton> {
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
    let key = super::matcher::key_of(spelling);
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
struct KeyHasher(u64);

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

type KeyMap<V> = std::collections::HashMap<Skeleton, V, BuildHasherDefault<KeyHasher>>;

/// A spelling a variant key leads to.
#[derive(Clone, Debug)]
struct Target {
    entry: u32,
    person: bool,
    /// How many words the spelling has.
    words: u8,
    /// Its relational-adjective ending, if it has one.
    nisba: Option<&'static str>,
    /// It ends in يا.
    ends_ya: bool,
    /// The spelling's matching key without spaces, as characters.
    letters: Box<[char]>,
}

/// What a variant key leads to: spellings that have it, and whether it is
/// the key of the first words of a longer spelling (so a text span with it
/// may grow by a word).
#[derive(Clone, Debug, Default)]
struct Node {
    targets: Vec<Target>,
    prefix: bool,
}

/// The variant index of a matcher's entries.
#[derive(Clone, Debug, Default)]
pub(super) struct Variants {
    nodes: KeyMap<Node>,
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
const MAX_LETTERS: usize = 40;

/// The distance (in half-letters) between the letters of two spellings
/// whose variant keys (of `classes` classes) agree, if they are close enough
/// to be one name: one vowel or one same-class letter apart when the key
/// is short ([`LONG_CLASSES`]) or a spelling is ([`LONG_LETTERS`]), else at
/// most [`MAX_DISTANCE`] per letter of the longer one; and only the spacing
/// may differ between spellings of different word counts (`same_words`
/// false: سانمارتن / سان مارتن, not كولتس / وكالة تاس).
fn close(classes: usize, ours: &[char], theirs: &[char], same_words: bool) -> Option<u32> {
    let longest = ours.len().max(theirs.len());
    let shortest = ours.len().min(theirs.len());
    let short = classes < LONG_CLASSES || shortest < LONG_LETTERS;
    // Each letter more or less costs at least a half: skip the distance
    // when the lengths alone rule the pair out.
    let most = if short {
        1
    } else {
        (2.0 * MAX_DISTANCE * longest as f32) as usize
    };
    if longest - shortest > most {
        return None;
    }
    let d = distance(ours, theirs);
    let ok = if !same_words {
        d == 0
    } else if short {
        d <= 1
    } else {
        // Costs are in half-letters: d / 2 <= MAX_DISTANCE * longest.
        d as f32 <= 2.0 * MAX_DISTANCE * longest as f32
    };
    ok.then_some(d)
}

/// Whether two spellings (matching keys) are transliteration variants of
/// each other by the rules the variant search links an entry by: the same
/// variant key of at least [`MIN_CLASSES`] classes and close letters (see
/// `close`). The word guards are the caller's ([`foreign_word`]).
pub(crate) fn spellings_agree(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (Some(s), Some(t)) = (skeleton(a), skeleton(b)) else {
        return false;
    };
    s == t
        && (s.len as usize) >= MIN_CLASSES
        && close(
            s.len as usize,
            &letters(a),
            &letters(b),
            a.split(' ').count() == b.split(' ').count(),
        )
        .is_some()
}

/// Whether a word (matching key) may be spelled in several ways as a
/// foreign name: not an Arabic word (a frequent word of the news or an
/// Arabic name, itself or its stem), and not a foreign first name unless
/// the name is a person's. The variant search's word guards.
pub(crate) fn foreign_word(word: &str, person: bool) -> bool {
    allowed(word, person) && !arabic_word(word)
}

/// The letters of `key` without spaces, in `buf`; `None` if too long.
fn letters_into<'a>(key: &str, buf: &'a mut [char; MAX_LETTERS]) -> Option<&'a [char]> {
    let mut n = 0;
    for c in key.chars().filter(|&c| c != ' ') {
        *buf.get_mut(n)? = c;
        n += 1;
    }
    Some(&buf[..n])
}

fn letters(key: &str) -> Box<[char]> {
    key.chars().filter(|&c| c != ' ').collect()
}

fn nisba_ending(key: &str) -> Option<&'static str> {
    NISBA_ENDINGS.iter().copied().find(|e| key.ends_with(e))
}

impl Variants {
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
                self.nodes.entry(p).or_default().prefix = true;
            }
        }
        self.nodes.entry(s).or_default().targets.push(Target {
            entry,
            person,
            words: key.split(' ').count() as u8,
            nisba: nisba_ending(key),
            ends_ya: key.ends_with("يا"),
            letters: letters(key),
        });
    }

    /// The best entry for a spelling (matching key) that is not exact: the
    /// closest target with the same variant key, if close enough, not a
    /// relational adjective of it, and no word of it an Arabic word or
    /// blocked for it.
    pub(super) fn resolve(&self, key: &str) -> Option<u32> {
        self.closest(key, key, false, false).map(|(e, _)| e)
    }

    /// [`Variants::resolve`] with the distance (in half-letters); `written`
    /// is `key` with the clitics in front of it, if any; `taa` says that
    /// the text writes it with a final ة; `near_name` that a person-name
    /// word stands next to it (then it is no place: لويس باستير).
    fn closest(&self, key: &str, written: &str, taa: bool, near_name: bool) -> Option<(u32, u32)> {
        self.closest_with(skeleton(key)?, key, written, taa, || near_name)
    }

    /// [`Variants::closest`] with the variant key of `key` already made;
    /// `near_name` is asked only if a target that is not a person is close
    /// (it looks at the words around).
    fn closest_with(
        &self,
        s: Skeleton,
        key: &str,
        written: &str,
        taa: bool,
        near_name_of: impl Fn() -> bool,
    ) -> Option<(u32, u32)> {
        // Cheap tests first: this runs for every word whose variant key an
        // entry has; the word lists are consulted only for a close target.
        if (s.len as usize) < MIN_CLASSES
            || ["ال", "وال", "فال", "بال", "كال", "وبال", "لل", "ولل", "فلل"]
                .iter()
                .any(|a| starts_with_short(key, a) || starts_with_short(written, a))
        {
            return None;
        }
        let node = self.nodes.get(&s)?;
        if node.targets.is_empty() {
            return None;
        }
        let mut buf = ['\0'; MAX_LETTERS];
        let ours = letters_into(key, &mut buf)?;
        if ours.len() < MIN_LETTERS {
            return None;
        }
        let words_in = key.split(' ').count() as u8;
        let ending = nisba_ending(key);
        let ya = key.ends_with("يا");
        let near_name = std::cell::OnceCell::new();
        let mut close: Vec<(u32, &Target)> = node
            .targets
            .iter()
            .filter(|t| t.person || !*near_name.get_or_init(&near_name_of))
            // A final ة marks an Arabic word unless the name has one too
            // (أنقرة, لشبونة).
            .filter(|t| !taa || t.letters.last() == Some(&'ه'))
            // فرنسيا is "French" (فرنسياً), not فرنسا.
            .filter(|t| (ending.is_none() || t.nisba == ending) && (!ya || t.ends_ya))
            .filter_map(|t| {
                close(s.len as usize, ours, &t.letters, t.words == words_in).map(|d| (d, t))
            })
            .collect();
        if close.is_empty() {
            return None;
        }
        let words = || key.split(' ').chain(written.split(' ').take(1));
        if words().any(arabic_word) {
            return None;
        }
        close.sort_by_key(|&(d, t)| (d, t.entry));
        close
            .into_iter()
            .find(|&(d, t)| {
                words().all(|w| allowed(w, t.person))
                    // A foreign first name or surname at least as close: a
                    // person, not the place (دييجو is دييغو, not دايجو).
                    && (t.person || !foreign_name_within(s, ours, d))
            })
            .map(|(d, t)| (t.entry, d))
    }

    /// The entry the name at `key[range]` (normalised `text` beside it) is a
    /// variant of, found by any finder and not itself a listed spelling:
    /// the resolution stage's variant link, with the same guards as the
    /// variant search ([`Variants::find`]).
    pub(super) fn at(&self, text: &str, key: &str, range: Range<usize>) -> Option<u32> {
        let s = skeleton(&key[range.clone()])?;
        self.closest_at(s, text, key, range).map(|(entry, _)| entry)
    }

    /// [`Variants::closest_with`] for the span `key[range]` of a chunk, with
    /// what the text around it says: the clitics written before it, a final
    /// ة, and the words on either side (across one space) for the
    /// person-name guard.
    fn closest_at(
        &self,
        s: Skeleton,
        text: &str,
        key: &str,
        range: Range<usize>,
    ) -> Option<(u32, u32)> {
        let (start, end) = (range.start, range.end);
        let ws = word_start(key, start);
        let written = &key[ws..end];
        let taa = text[..end].ends_with('ة');
        let near_name = || {
            let prev = word_before_space(key, ws);
            let next = key[end..]
                .strip_prefix(' ')
                .and_then(|a| a.split(|c: char| !is_word_char(c)).next());
            prev.is_some_and(name_word) || next.is_some_and(name_word)
        };
        self.closest_with(s, &key[range], written, taa, near_name)
    }

    /// Pushes a [`Source::Variant`] candidate for every variant spelling in
    /// `chunk` outside the exact matches `exact` (sorted by start).
    pub(super) fn find(
        &self,
        chunk: &Chunk<'_>,
        exact: &[Candidate],
        is_exact: impl Fn(&str) -> bool,
        entries: &[Entry],
        out: &mut Vec<Candidate>,
    ) {
        if self.nodes.is_empty() {
            return;
        }
        let key = chunk.key;
        let mut blocked = exact.iter().map(|c| c.range.clone()).peekable();
        let mut at = 0;
        for w in chunk.words {
            let (ws, we) = (w.start, w.end);
            if ws < at {
                continue;
            }
            at = we;
            while blocked.peek().is_some_and(|r| r.end <= ws) {
                blocked.next();
            }
            if blocked.peek().is_some_and(|r| r.start < we) {
                continue;
            }
            // Arabic letters take two bytes.
            if we - ws < 2 * MIN_LETTERS {
                continue;
            }
            let word = &key[ws..we];
            // The closest reading wins; on a tie, the one with the clitic
            // set aside (وزيلنسكي is و + زيلنسكي, but واشنطون is one word).
            let limit = blocked.peek().map(|r| r.start);
            // A clitic is set aside only before a consonant (و and ف also
            // before ا): a foreign name that starts with a vowel letter
            // after a clitic is a common misreading (بيونجيانج is not ب +
            // يونجيانج, بادمينتون not ب + ادمنتون, كومرتس not ك + ومرتس).
            // Every clitic starts with و ف ب ل or ك.
            let clitics = if word.starts_with(['و', 'ف', 'ب', 'ل', 'ك']) {
                CLITICS
            } else {
                &[]
            };
            let found = std::iter::once("")
                .chain(clitics.iter().copied())
                .filter(|p| {
                    starts_with_short(word, p) && {
                        let rest = &word[p.len()..];
                        p.is_empty()
                            || !(rest.starts_with(['ي', 'و'])
                                || rest.starts_with('ا') && !matches!(*p, "و" | "ف"))
                    }
                })
                .filter_map(|p| self.span_at(chunk.text, key, ws + p.len(), we, limit, &is_exact))
                .min_by_key(|&(start, _, _, d)| (d, std::cmp::Reverse(start)));
            if let Some((start, end, entry, _)) = found {
                let e = &entries[entry as usize];
                out.push(Candidate {
                    norm: Some(e.name.to_string()),
                    id: Some(e.id.clone()),
                    link: Some(Link::Variant),
                    ..Candidate::new(start..end, e.label, Source::Variant)
                });
                at = end;
            }
        }
    }

    /// The longest variant spelling that starts at `start` (inside the word
    /// ending at `we`) and ends before `limit`, with its entry and distance.
    #[allow(clippy::too_many_arguments)]
    fn span_at(
        &self,
        text: &str,
        key: &str,
        start: usize,
        we: usize,
        limit: Option<usize>,
        is_exact: &impl Fn(&str) -> bool,
    ) -> Option<(usize, usize, u32, u32)> {
        // A span whose first word is a frequent word is never a variant
        // (`closest_with` rejects every span holding one: `arabic_word`,
        // `allowed`). Most words of the news are: one lookup saves the
        // skeleton, the node lookups and the distances.
        if is_frequent_word(&key[start..we]) {
            return None;
        }
        let first = skeleton(&key[start..we])?;
        if first.len < 2 {
            return None;
        }
        let mut best = None;
        let mut end = we;
        let mut s = first;
        for words in 1..=MAX_WORDS {
            let Some(node) = self.nodes.get(&s) else {
                break;
            };
            if !node.targets.is_empty()
                && !is_exact(&key[start..end])
                && let Some((entry, d)) = self.closest_at(s, text, key, start..end)
            {
                best = Some((start, end, entry, d));
            }
            if !node.prefix || words == MAX_WORDS {
                break;
            }
            // Grow by the next word: one space, then letters, before any
            // exact match.
            if key.as_bytes().get(end) != Some(&b' ') {
                break;
            }
            let Some((ns, ne)) = next_word(key, end) else {
                break;
            };
            if ns != end + 1 || limit.is_some_and(|l| l < ne) {
                break;
            }
            let Some(grown) = skeleton(&key[start..ne]) else {
                break;
            };
            s = grown;
            end = ne;
        }
        best
    }
}

/// The next word (a run of alphanumeric characters) at or after `at`.
fn next_word(key: &str, at: usize) -> Option<(usize, usize)> {
    let rest = &key[at..];
    let s = at + rest.find(is_word_char)?;
    let e = key[s..]
        .find(|c: char| !is_word_char(c))
        .map_or(key.len(), |i| s + i);
    Some((s, e))
}

/// Letters whose spelling varies freely: long vowels, hamza, heh/teh
/// marbuta.
fn weak(c: char) -> bool {
    matches!(c, 'ا' | 'و' | 'ي' | 'ء' | 'ه')
}

/// Weighted edit distance in half-letters: a weak letter (vowel, hamza,
/// final heh) inserted or deleted costs 1, any other 2; a substitution
/// within one class (ق/ك, س/ص) or between weak letters costs 1, any other
/// 2.
fn distance(a: &[char], b: &[char]) -> u32 {
    let indel = |c: char| if weak(c) { 1 } else { 2 };
    let sub = |x: char, y: char| {
        if x == y {
            0
        } else if (weak(x) && weak(y))
            || class(x, false).is_some_and(|k| k != 0 && class(y, false) == Some(k))
        {
            1
        } else {
            2
        }
    };
    if b.len() >= MAX_LETTERS {
        return u32::MAX;
    }
    let mut prev = [0u32; MAX_LETTERS];
    let mut cur = [0u32; MAX_LETTERS];
    for (j, &c) in b.iter().enumerate() {
        prev[j + 1] = prev[j] + indel(c);
    }
    for &x in a {
        cur[0] = prev[0] + indel(x);
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + sub(x, y))
                .min(prev[j + 1] + indel(x))
                .min(cur[j] + indel(y));
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_keys_agree_across_spellings() {
        let same: &[(&str, &str)] = &[
            ("قره باغ", "كاراباخ"),
            ("قرة باغ", "قره باغ"),
            ("بيراموف", "بيرموف"),
            ("زيلينسكي", "زيلنسكي"),
            ("دونيتسك", "دونتسك"),
            ("زابوريجيا", "زابوروجيا"),
            ("خاركيف", "خاركوف"),
            ("شويغو", "شويجو"),
            ("ماريوبول", "ماريوبل"),
            ("أوكرانيا", "أوكرينيا"),
            ("أوكرانيا", "اوكرانيا"),
        ];
        for (a, b) in same {
            assert_eq!(variant_key(a), variant_key(b), "{a} / {b}");
            assert!(!variant_key(a).is_empty(), "{a}");
        }
        assert_eq!(variant_key("قرة باغ"), "كربك");
        assert_eq!(variant_key("NATO"), "");
    }

    #[test]
    fn distance_weighs_vowels_and_classes_half() {
        let d = |a: &str, b: &str| distance(&letters(a), &letters(b));
        assert_eq!(d("بيراموف", "بيراموف"), 0);
        assert_eq!(d("بيراموف", "بيرموف"), 1);
        assert_eq!(d("شويغو", "شويجو"), 1);
        assert_eq!(d("قرهباغ", "كاراباخ"), 4);
        assert_eq!(d("قرن", "اوكرانيا"), 6);
        assert_eq!(d("مصر", "مسار"), 2);
    }
}
