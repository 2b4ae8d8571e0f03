//! Transliteration variants: unseen spellings of foreign names linked to a
//! known entry through a consonant-skeleton key.
//!
//! In: the matching key of a chunk and the exact matches already found in
//! it. Out: [`Source::Variant`] candidates, never overlapping an exact
//! match, each carrying its entry's `id` and canonical name.
//!
//! # The variant key
//!
//! [`variant_key`](super::skeleton::variant_key) keeps the consonants of a
//! spelling's matching key, each folded to its transliteration class, and
//! drops what foreign names are written with in several ways:
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

use std::ops::Range;
use std::sync::LazyLock;

use super::skeleton::{
    KeyMap, MAX_LETTERS, MAX_WORDS, Skeleton, Target, Variants, class, letters, letters_into,
    nisba_ending, skeleton,
};
pub use super::skeleton::{MIN_CLASSES, MIN_LETTERS};
use crate::doc::{
    Candidate, Chunk, is_word_char, starts_with_short, word_before_space, word_start,
};
use crate::vocab::{self, Vocab, WordId, flag, is_frequent_word};

/// A variant key of fewer classes than this, or a spelling (theirs or
/// ours) of fewer letters than [`LONG_LETTERS`], may differ from the entry's by one vowel
/// or one same-class letter only (شويجو / شويغو, بيرموف / بيراموف).
pub const LONG_CLASSES: usize = 4;
/// See [`LONG_CLASSES`].
pub const LONG_LETTERS: usize = 8;
/// A variant key of at most this many classes, in a spelling of at most
/// [`SHORT_LETTERS`] letters, is shared by too many local names and words
/// for a skeleton to say which place or organisation is meant: such a
/// spelling is linked to one only with the
/// very letters of its spelling (the spacing aside), not one vowel or one
/// same-class letter apart (بوطان, a Kurdish village, is no بوتان,
/// Bhutan; سمنين, a park, no سمنان, Semnan). People keep the one letter
/// (شويجو / شويغو), and longer spellings the vowel (أوكرينيا / أوكرانيا).
pub const SHORT_CLASSES: usize = 3;
/// See [`SHORT_CLASSES`].
pub const SHORT_LETTERS: usize = 5;
/// Largest weighted edit distance per letter of the longer spelling for
/// long spellings (see `distance`: a vowel or a same-class letter costs
/// half a letter): 2 letters in 10.
pub const MAX_DISTANCE: f32 = 0.2;

/// Proclitics tried in front of a variant spelling (no article: foreign
/// names rarely take it, and ال + a nisba is the adjective).
const CLITICS: &[&str] = &["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"];

/// The foreign name tokens (`gazetteers/name-words.txt`, class `foreign`)
/// by variant key, as vocabulary ids: a place variant that is at least as
/// close to one of them is a person's name (دييجو is Diego, not دايجو).
/// Built on first use: only a close place target asks. Ids rather than
/// each word's letters: the letters of 12,000 words, each in a box of its
/// own, made most of the build's 17 M instructions (callgrind), while a
/// place target asks of a few words.
static FOREIGN: LazyLock<KeyMap<Vec<WordId>>> = LazyLock::new(|| {
    let vocab = Vocab::get();
    let mut foreign: KeyMap<Vec<WordId>> = KeyMap::default();
    for id in 0..vocab.len() as WordId {
        if vocab.flags_of(id) & flag::FOREIGN_NAME != 0
            && let Some(s) = skeleton(vocab.word(id))
        {
            foreign.entry(s).or_default().push(id);
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
    let vocab = Vocab::get();
    let mut buf = ['\0'; MAX_LETTERS];
    FOREIGN.get(&s).is_some_and(|ids| {
        ids.iter().any(|&id| {
            let word = vocab.word(id);
            match letters_into(word, &mut buf) {
                Some(theirs) => distance(ours, theirs) <= d,
                // (No name token is that long: the same answer anyway.)
                None => distance(ours, &letters(word)) <= d,
            }
        })
    })
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

impl Variants<'_> {
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
        let node = self.node(s)?;
        if node.targets.0 == node.targets.1 {
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
        let mut theirs = ['\0'; MAX_LETTERS];
        let mut close: Vec<(u32, Target)> = (node.targets.0..node.targets.1)
            .map(|i| self.target(i))
            // A spelling of too many letters is never close (`distance`).
            .filter(|t| (t.letters_len as usize) < MAX_LETTERS)
            .filter(|t| t.person || !*near_name.get_or_init(&near_name_of))
            // A final ة marks an Arabic word unless the name has one too
            // (أنقرة, لشبونة).
            .filter(|t| !taa || self.last_letter(t) == Some('ه'))
            // فرنسيا is "French" (فرنسياً), not فرنسا.
            .filter(|t| (ending.is_none() || t.nisba == ending) && (!ya || t.ends_ya))
            .filter_map(|t| {
                // The lengths alone may rule the target out before its
                // letters are read.
                if !lengths_may_agree(s.len as usize, ours.len(), t.letters_len as usize) {
                    return None;
                }
                let theirs = self.letters_of(&t, &mut theirs)?;
                close(s.len as usize, ours, theirs, t.words == words_in)
                    .filter(|&d| {
                        t.person
                            || d == 0
                            || s.len as usize > SHORT_CLASSES
                            || ours.len() > SHORT_LETTERS
                    })
                    .map(|d| (d, t))
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

    /// Pushes a [`Source::Variant`](crate::doc::Source::Variant) candidate (made by `candidate` from its
    /// range and entry) for every variant spelling in `chunk` outside the
    /// exact matches `exact` (sorted by start).
    pub(super) fn find(
        &self,
        chunk: &Chunk<'_>,
        exact: &[Candidate],
        is_exact: impl Fn(&str) -> bool,
        candidate: impl Fn(Range<usize>, u32) -> Candidate,
        out: &mut Vec<Candidate>,
    ) {
        if self.is_empty() {
            return;
        }
        let key = chunk.key;
        let mut blocked = exact.iter().map(|c| c.range.clone()).peekable();
        let mut at = 0;
        for (w, lex) in chunk.words.iter().zip(chunk.lex) {
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
                .filter(|p| {
                    // A span whose first word is a frequent word is never
                    // a variant (`closest_with` rejects every span holding
                    // one: `arabic_word`, `allowed`). Most words of the
                    // news are: one lookup saves the skeleton, the node
                    // lookups and the distances. The whole word's lookup
                    // is the chunk's.
                    !if p.is_empty() {
                        lex.flags & flag::FREQUENT != 0
                    } else {
                        is_frequent_word(&word[p.len()..])
                    }
                })
                .filter_map(|p| self.span_at(chunk.text, key, ws + p.len(), we, limit, &is_exact))
                .min_by_key(|&(start, _, _, d)| (d, std::cmp::Reverse(start)));
            if let Some((start, end, entry, _)) = found {
                out.push(candidate(start..end, entry));
                at = end;
            }
        }
    }

    /// The longest variant spelling that starts at `start` (inside the word
    /// ending at `we`, not a frequent word) and ends before `limit`, with
    /// its entry and distance.
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
        // (The caller has set aside a first word that is a frequent word.)
        let first = skeleton(&key[start..we])?;
        if first.len < 2 {
            return None;
        }
        let mut best = None;
        let mut end = we;
        let mut s = first;
        for words in 1..=MAX_WORDS {
            let Some(node) = self.node(s) else {
                break;
            };
            if node.targets.0 < node.targets.1
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

/// Whether spellings of `a` and `b` letters, whose variant keys (of
/// `classes` classes) agree, may be close enough for `close`: each letter
/// more or less costs at least a half.
fn lengths_may_agree(classes: usize, a: usize, b: usize) -> bool {
    let (longest, shortest) = (a.max(b), a.min(b));
    let most = if classes < LONG_CLASSES || shortest < LONG_LETTERS {
        1
    } else {
        (2.0 * MAX_DISTANCE * longest as f32) as usize
    };
    longest - shortest <= most
}

/// The distance (in half-letters) between the letters of two spellings
/// whose variant keys (of `classes` classes) agree, if they are close enough
/// to be one name: one vowel or one same-class letter apart when the key
/// is short ([`LONG_CLASSES`]) or a spelling is ([`LONG_LETTERS`]), else at
/// most [`MAX_DISTANCE`] per letter of the longer one; and only the spacing
/// may differ between spellings of different word counts (`same_words`
/// false: سانمارتن / سان مارتن, not كولتس / وكالة تاس).
fn close(classes: usize, ours: &[char], theirs: &[char], same_words: bool) -> Option<u32> {
    if !lengths_may_agree(classes, ours.len(), theirs.len()) {
        return None;
    }
    let longest = ours.len().max(theirs.len());
    let short = classes < LONG_CLASSES || ours.len().min(theirs.len()) < LONG_LETTERS;
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
    use super::super::skeleton::variant_key;
    use super::*;

    #[test]
    fn a_foreign_name_token_is_found_within_its_distance_by_its_key() {
        let vocab = Vocab::get();
        let tokens: Vec<&str> = (0..vocab.len() as WordId)
            .filter(|&id| vocab.flags_of(id) & flag::FOREIGN_NAME != 0)
            .map(|id| vocab.word(id))
            .collect();
        assert!(
            tokens.len() > 10_000,
            "{} foreign name tokens",
            tokens.len()
        );
        for w in tokens.iter().step_by(97) {
            let Some(s) = skeleton(w) else { continue };
            assert!(foreign_name_within(s, &letters(w), 0), "{w}");
        }
        // A vowel more is one letter's half: within 1, not within 0.
        let diego = "دييغو";
        assert!(tokens.contains(&diego));
        let s = skeleton("دييغوو").expect("a key");
        assert_eq!(skeleton(diego), Some(s));
        assert!(foreign_name_within(s, &letters("دييغوو"), 1));
        assert!(!foreign_name_within(s, &letters("دييغوو"), 0));
        // A word of the news that no foreign name is close to.
        let s = skeleton("الحكومه").expect("a key");
        assert!(!foreign_name_within(s, &letters("الحكومه"), 0));
    }

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
