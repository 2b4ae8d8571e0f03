//! Stage 1: normalisation, with an exact map back to the original text.
//!
//! In: any `&str`. Out: a [`Normalized`] holding the normalised text and an
//! offset map from every byte of it back to the character of the original it
//! came from.
//!
//! Invariants:
//! - normalisation never reorders text: the map is monotonic, so a range of
//!   the normalised text maps to one contiguous range of the original;
//! - every normalised character comes from exactly one original character (a
//!   character that expands under NFKC, like `ﻻ` → `لا`, gives several
//!   normalised characters that all map back to it), so
//!   [`Normalized::source_range`] always lands on character boundaries of
//!   the original;
//! - normalising normalised text changes nothing (idempotence);
//! - the [matching key](matching_key) has exactly the byte length of the text
//!   it is made from, so key offsets *are* normalised-text offsets and share
//!   one offset map.
//!
//! # The folds
//!
//! Each fold can be switched off in [`Folds`] (the `kashf normalize` flags).
//!
//! | fold | code points | result |
//! | --- | --- | --- |
//! | `alef` | U+0622 آ, U+0623 أ, U+0625 إ, U+0671 ٱ, U+0672, U+0673 | U+0627 ا |
//! | `ya` | U+0649 ى ALEF MAKSURA | U+064A ي |
//! | `diacritics` | U+064B–U+065F harakat, U+0670 superscript alef, U+06D6–U+06ED Quranic marks, U+FE70–U+FE7F their presentation forms | removed |
//! | `tatweel` | U+0640 ـ | removed |
//! | `digits` | U+0660–U+0669 ٠-٩, U+06F0–U+06F9 ۰-۹; U+066B ٫, U+066C ٬, U+066A ٪ | `0`-`9`; `.`, `,`, `%` |
//! | `persian` | U+06A9 ک; U+06CC ی; U+06C1 ہ, U+06D5 ە, U+06C0 ۀ | U+0643 ك; U+064A ي; U+0647 ه |
//! | `presentation` | U+FB50–U+FDFF, U+FE70–U+FEFE | NFKC, then the other folds (`ﻻ` → `لا`, `ﷲ` → `الله`) |
//! | `invisible` | U+200B–U+200F, U+061C ALM, U+FEFF BOM, U+202A–U+202E, U+2066–U+2069, U+2060, U+00AD | removed |
//! | `whitespace` | any run of `char::is_whitespace` (NBSP U+00A0 included) | one `\n` if the run holds a line break, else one space |
//!
//! The Persian letters that have no Arabic look-alike, پ (U+067E), چ
//! (U+0686), ژ (U+0698), گ (U+06AF) and ڤ (U+06A4), are **kept** in the
//! normalised text: Arabic news uses them to spell foreign names (ڤ for V,
//! گ for G) and reporting them as another letter would be wrong. The matching
//! key folds them to ب, ج, ز, ك and ف.
//!
//! Whitespace keeps line breaks (as one `\n`) rather than folding them to a
//! space: the extractors must not join a name at the end of one line with a
//! word at the start of the next.
//!
//! # The matching key
//!
//! [`matching_key`] is a second, lossier level for gazetteers and rules only,
//! never for reported text: ة → ه, ؤ → و, ئ → ي, the Persian letters above,
//! any alef form → ا, ى → ي, and ASCII lower case. Each of these maps a
//! character to one of the same UTF-8 length. The bare hamza ء (U+0621) is
//! kept: removing it would shift offsets, and words written with it (جزء,
//! شيء) are rarely names.

use std::ops::Range;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

/// Which folds [`Normalizer`] applies. All are on by default.
///
/// # Examples
///
/// ```
/// use kashf::normalize::{Folds, Normalizer};
///
/// let keep_digits = Folds { digits: false, ..Folds::default() };
/// let n = Normalizer::new(keep_digits).normalize("أحمد ٣");
/// assert_eq!(n.text(), "احمد ٣");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Folds {
    /// آ أ إ ٱ → ا.
    pub alef: bool,
    /// ى → ي.
    pub ya: bool,
    /// Strip harakat, superscript alef and Quranic marks.
    pub diacritics: bool,
    /// Strip tatweel (kashida).
    pub tatweel: bool,
    /// Arabic-Indic and Persian digits → ASCII; ٫ ٬ ٪ → `.` `,` `%`.
    pub digits: bool,
    /// Persian/Urdu ک ی ہ ە ۀ → ك ي ه.
    pub persian: bool,
    /// Presentation forms and ligatures through NFKC.
    pub presentation: bool,
    /// Remove zero-width and bidi control characters.
    pub invisible: bool,
    /// Collapse whitespace runs to one space (or one `\n`).
    pub whitespace: bool,
}

impl Default for Folds {
    fn default() -> Folds {
        Folds::all()
    }
}

impl Folds {
    /// Every fold on: what the extraction pipeline uses.
    pub const fn all() -> Folds {
        Folds {
            alef: true,
            ya: true,
            diacritics: true,
            tatweel: true,
            digits: true,
            persian: true,
            presentation: true,
            invisible: true,
            whitespace: true,
        }
    }

    /// Every fold off: the text passes through unchanged.
    pub const fn none() -> Folds {
        Folds {
            alef: false,
            ya: false,
            diacritics: false,
            tatweel: false,
            digits: false,
            persian: false,
            presentation: false,
            invisible: false,
            whitespace: false,
        }
    }
}

/// What the character table says to do with one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Keep,
    Replace(char),
    /// Remove a mark that belongs to the character before it (a haraka,
    /// tatweel): the span of that character grows to cover it.
    Attach,
    /// Remove a character that belongs to no other (a bidi mark).
    Remove,
    Space,
    /// Run the character through NFKC and fold each resulting character.
    Expand,
}

/// The character table: one arm per code point or range.
fn action_of(c: char, f: Folds) -> Action {
    use Action::*;
    let on = |flag: bool, a: Action| if flag { a } else { Keep };
    match c {
        // Fast path: ASCII other than whitespace is always kept.
        '\0'..='\x08' | '\x0e'..='\x1f' | '!'..='\x7f' => Keep,
        // U+0622 ALEF WITH MADDA ABOVE, U+0623 ALEF WITH HAMZA ABOVE,
        // U+0625 ALEF WITH HAMZA BELOW, U+0671 ALEF WASLA,
        // U+0672 ALEF WITH WAVY HAMZA ABOVE, U+0673 ALEF WITH WAVY HAMZA BELOW
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' | '\u{0672}' | '\u{0673}' => {
            on(f.alef, Replace('\u{0627}'))
        }
        // U+0649 ALEF MAKSURA → U+064A YEH
        '\u{0649}' => on(f.ya, Replace('\u{064A}')),
        // U+064B FATHATAN .. U+065F WAVY HAMZA BELOW: harakat, shadda, sukun,
        // combining hamza and madda
        '\u{064B}'..='\u{065F}' => on(f.diacritics, Attach),
        // U+0670 SUPERSCRIPT ALEF
        '\u{0670}' => on(f.diacritics, Attach),
        // U+06D6 SMALL HIGH LIGATURE SAD WITH LAM .. U+06ED SMALL LOW MEEM:
        // Quranic annotation marks
        '\u{06D6}'..='\u{06ED}' => on(f.diacritics, Attach),
        // U+0640 TATWEEL
        '\u{0640}' => on(f.tatweel, Attach),
        // U+0660..U+0669 ARABIC-INDIC DIGIT ZERO..NINE
        '\u{0660}'..='\u{0669}' => on(
            f.digits,
            Replace(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        ),
        // U+06F0..U+06F9 EXTENDED ARABIC-INDIC (Persian) DIGIT ZERO..NINE
        '\u{06F0}'..='\u{06F9}' => on(
            f.digits,
            Replace(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        ),
        // U+066A ARABIC PERCENT SIGN
        '\u{066A}' => on(f.digits, Replace('%')),
        // U+066B ARABIC DECIMAL SEPARATOR
        '\u{066B}' => on(f.digits, Replace('.')),
        // U+066C ARABIC THOUSANDS SEPARATOR
        '\u{066C}' => on(f.digits, Replace(',')),
        // U+06A9 KEHEH (Persian kaf) → U+0643 KAF
        '\u{06A9}' => on(f.persian, Replace('\u{0643}')),
        // U+06CC FARSI YEH → U+064A YEH
        '\u{06CC}' => on(f.persian, Replace('\u{064A}')),
        // U+06C0 HEH WITH YEH ABOVE, U+06C1 HEH GOAL, U+06D5 AE → U+0647 HEH
        '\u{06C0}' | '\u{06C1}' | '\u{06D5}' => on(f.persian, Replace('\u{0647}')),
        // U+FE70..U+FE7F: presentation forms of the harakat (isolated and
        // medial fathatan .. sukun). NFKC would turn some into a space plus a
        // haraka; they are diacritics and go with them.
        '\u{FE70}'..='\u{FE7F}' => {
            if f.diacritics {
                Attach
            } else {
                on(f.presentation, Expand)
            }
        }
        // U+FEFF ZERO WIDTH NO-BREAK SPACE (byte order mark)
        '\u{FEFF}' => on(f.invisible, Remove),
        // U+FB50..U+FDFF ARABIC PRESENTATION FORMS-A (ligatures such as
        // U+FDF2 ﷲ), U+FE80..U+FEFC ARABIC PRESENTATION FORMS-B (contextual
        // letter forms and the lam-alef ligatures such as U+FEFB ﻻ)
        '\u{FB50}'..='\u{FDFF}' | '\u{FE80}'..='\u{FEFE}' => on(f.presentation, Expand),
        // U+200B ZERO WIDTH SPACE, U+200C ZWNJ, U+200D ZWJ, U+200E LRM,
        // U+200F RLM
        '\u{200B}'..='\u{200F}' => on(f.invisible, Remove),
        // U+061C ARABIC LETTER MARK
        '\u{061C}' => on(f.invisible, Remove),
        // U+202A LRE, U+202B RLE, U+202C PDF, U+202D LRO, U+202E RLO
        '\u{202A}'..='\u{202E}' => on(f.invisible, Remove),
        // U+2066 LRI, U+2067 RLI, U+2068 FSI, U+2069 PDI
        '\u{2066}'..='\u{2069}' => on(f.invisible, Remove),
        // U+2060 WORD JOINER, U+00AD SOFT HYPHEN
        '\u{2060}' | '\u{00AD}' => on(f.invisible, Remove),
        // Whitespace: ASCII, U+0085, U+00A0 NBSP, U+1680, U+2000..U+200A,
        // U+2028, U+2029, U+202F, U+205F, U+3000
        c if c.is_whitespace() => on(f.whitespace, Space),
        _ => Keep,
    }
}

/// Fills `table` with the actions of the characters from `first` on.
fn fill(table: &mut [Action], first: usize, folds: Folds) {
    for (i, a) in table.iter_mut().enumerate() {
        // Both tables lie below the surrogates.
        if let Some(c) = char::from_u32((first + i) as u32) {
            *a = action_of(c, folds);
        }
    }
}

/// The character at byte `at` of `s`, a character boundary before its end
/// (else, never in the pipeline, a space).
fn char_at(s: &str, at: usize) -> char {
    s[at..].chars().next().unwrap_or(' ')
}

/// Applies a chosen set of [`Folds`]. Cheap to copy; build once, use anywhere.
///
/// # Examples
///
/// ```
/// use kashf::normalize::Normalizer;
///
/// let original = "قالَ الرئيسُ إنّ ١٥ ألفاً";
/// let n = Normalizer::default().normalize(original);
/// assert_eq!(n.text(), "قال الرئيس ان 15 الفا");
///
/// // "ان" sits at bytes 20..24 of the normalised text; in the original it
/// // is "إنّ", shadda included.
/// let start = n.text().find("ان").unwrap();
/// let r = n.source_range(start..start + "ان".len());
/// assert_eq!(&original[r], "إنّ");
/// ```
#[derive(Clone, Debug)]
pub struct Normalizer {
    folds: Folds,
    /// The character table, precomputed for U+0000..U+07FF: every
    /// character of one or two bytes in UTF-8 (ASCII, Latin, the Arabic
    /// block: nearly every character of Arabic news), so that its index is
    /// read from its bytes without decoding it ([`Self::action_at`]).
    /// Looking up an array instead of running the `match` for every
    /// character made the pass 2.7× faster (`cargo bench --bench pipeline
    /// -- stages/normalize`: 63 → 170 MiB/s on the fixtures).
    table: Box<[Action; TABLE_LEN]>,
    /// The table for General Punctuation, U+2000..U+206F: news quotes
    /// (“ ”), dashes, the ellipsis and the bidi marks, about one character
    /// in twenty of Arabic news among those of three bytes or more.
    punctuation: Box<[Action; PUNCTUATION_LEN]>,
}

/// Characters below this get their action from the precomputed table: the
/// one- and two-byte characters of UTF-8.
const TABLE_LEN: usize = 0x0800;
/// The first character of the General Punctuation table.
const PUNCTUATION_START: usize = 0x2000;
/// How many characters the General Punctuation table holds.
const PUNCTUATION_LEN: usize = 0x0070;

impl Default for Normalizer {
    fn default() -> Normalizer {
        Normalizer::new(Folds::all())
    }
}

impl Normalizer {
    /// A normaliser that applies `folds`.
    pub fn new(folds: Folds) -> Normalizer {
        let mut table = Box::new([Action::Keep; TABLE_LEN]);
        fill(&mut table[..], 0, folds);
        let mut punctuation = Box::new([Action::Keep; PUNCTUATION_LEN]);
        fill(&mut punctuation[..], PUNCTUATION_START, folds);
        Normalizer {
            folds,
            table,
            punctuation,
        }
    }

    /// What to do with `c`.
    #[inline]
    fn action(&self, c: char) -> Action {
        let i = c as usize;
        if let Some(&a) = self.table.get(i) {
            return a;
        }
        match i
            .checked_sub(PUNCTUATION_START)
            .and_then(|j| self.punctuation.get(j))
        {
            Some(&a) => a,
            None => action_of(c, self.folds),
        }
    }

    /// The byte length of the character at byte `at` of `s` (a character
    /// boundary before its end) and what to do with it. A character of one
    /// or two bytes is looked up by the bits of its bytes, without decoding
    /// it to a `char` (which cost about 13 instructions a character, a
    /// third of the pass, callgrind).
    #[inline]
    fn action_at(&self, s: &str, at: usize) -> (usize, Action) {
        let bytes = s.as_bytes();
        let lead = bytes[at];
        if lead < 0x80 {
            return (1, self.table[usize::from(lead)]);
        }
        if lead < 0xE0 {
            // 110xxxxx 10yyyyyy: the code point xxxxxyyyyyy, below 0x800.
            let i = (usize::from(lead & 0x1F) << 6) | usize::from(bytes[at + 1] & 0x3F);
            return (2, self.table[i]);
        }
        match s[at..].chars().next() {
            Some(c) => (c.len_utf8(), self.action(c)),
            // Not reached: `at` is a character boundary before the end.
            None => (s.len() - at, Action::Keep),
        }
    }

    /// The folds this normaliser applies.
    pub fn folds(&self) -> Folds {
        self.folds
    }

    /// Normalises `original`, keeping the offset map.
    ///
    /// # Panics
    ///
    /// If `original` is 4 GiB or longer (offsets are kept as `u32`; the
    /// pipeline feeds text in chunks far smaller than that).
    pub fn normalize(&self, original: &str) -> Normalized {
        let mut out = Normalized::default();
        self.normalize_into(original, &mut out);
        out
    }

    /// Like [`normalize`](Self::normalize), reusing `out`'s buffers.
    pub fn normalize_into(&self, original: &str, out: &mut Normalized) {
        assert!(
            u32::try_from(original.len()).is_ok(),
            "normalise at most 4 GiB at a time"
        );
        out.clear();
        out.text.reserve(original.len());
        // Characters that stay as they are accumulate in a run, copied in
        // one go when something else comes: most of the text is copied
        // this way, and the offset map grows by a segment per run, not by
        // an entry per byte.
        let mut run = 0;
        let mut at = 0;
        while at < original.len() {
            let (len, action) = self.action_at(original, at);
            let kept = match action {
                Action::Keep => true,
                // A lone space is its own fold.
                Action::Space => {
                    original.as_bytes()[at] == b' ' && !out.ends_with_space(original, run, at)
                }
                _ => false,
            };
            if kept {
                at += len;
                continue;
            }
            out.keep(original, run, at);
            let end = at + len;
            run = end;
            let (from, to) = (at as u32, end as u32);
            match action {
                Action::Keep => unreachable!(),
                Action::Replace(r) => out.push(r, from, to),
                Action::Attach => out.attach(from, to),
                Action::Remove => {}
                Action::Space => out.push_space(char_at(original, at), from, to),
                Action::Expand => {
                    for e in std::iter::once(char_at(original, at)).nfkc() {
                        match self.action(e) {
                            Action::Keep | Action::Expand => out.push(e, from, to),
                            Action::Replace(r) => out.push(r, from, to),
                            Action::Attach => out.attach(from, to),
                            Action::Remove => {}
                            Action::Space => out.push_space(e, from, to),
                        }
                    }
                }
            }
            at = end;
        }
        out.keep(original, run, original.len());
    }

    /// Normalises without keeping an offset map: what `kashf normalize`
    /// prints. Borrows `original` when no fold applies to it.
    pub fn normalize_str<'a>(&self, original: &'a str) -> std::borrow::Cow<'a, str> {
        let untouched = !original.chars().any(|c| match self.action(c) {
            Action::Keep => false,
            // A lone space is its own fold; anything else in a run changes.
            Action::Space => c != ' ',
            _ => true,
        }) && !original.contains("  ");
        if untouched {
            std::borrow::Cow::Borrowed(original)
        } else {
            std::borrow::Cow::Owned(self.normalize(original).text)
        }
    }
}

/// Normalised text with its offset map back to the original.
///
/// Built by [`Normalizer::normalize`]. Offsets into the original are byte
/// offsets of the original `&str`; the pipeline turns them into code-point
/// offsets for output.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    text: String,
    /// The offset map: consecutive segments covering `text`, in order.
    segments: Vec<Segment>,
}

/// A stretch of the normalised text and the stretch of the original it
/// came from.
///
/// In an *aligned* segment every byte corresponds to the byte at the same
/// distance in the original (kept characters, and characters replaced by
/// one of the same UTF-8 length), except that the original may run on past
/// `norm_len` with marks attached to the last character (harakat, merged
/// whitespace). Any other segment is one original character (with its
/// attached marks) and all the normalised characters it became.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Segment {
    norm: u32,
    norm_len: u32,
    orig: u32,
    orig_len: u32,
    aligned: bool,
}

impl Segment {
    fn norm_end(&self) -> u32 {
        self.norm + self.norm_len
    }

    fn orig_end(&self) -> u32 {
        self.orig + self.orig_len
    }
}

impl Normalized {
    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Maps a non-empty byte range of the normalised text to the byte range
    /// of the original text it came from. The result always lies on
    /// character boundaries of the original. Marks removed after a
    /// character (harakat, tatweel) belong to it and stay inside the range;
    /// other removed characters at the edges (a bidi mark around a name)
    /// stay outside it.
    ///
    /// # Panics
    ///
    /// If the range is empty or out of bounds.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        assert!(
            range.start < range.end && range.end <= self.text.len(),
            "bad range {range:?} of {} bytes",
            self.text.len()
        );
        let (start, end) = (range.start as u32, range.end as u32);
        let first = self.segment(start);
        let start = if first.aligned {
            first.orig + (start - first.norm)
        } else {
            first.orig
        };
        let last = self.segment(end - 1);
        let end = if last.aligned && end < last.norm_end() {
            last.orig + (end - last.norm)
        } else {
            last.orig_end()
        };
        start as usize..end as usize
    }

    /// The segment holding normalised byte `at`.
    fn segment(&self, at: u32) -> &Segment {
        let i = self.segments.partition_point(|s| s.norm_end() <= at);
        &self.segments[i]
    }

    fn clear(&mut self) {
        self.text.clear();
        self.segments.clear();
    }

    /// Whether the last character before original offset `at` (still in
    /// the pending run `run..at`, or already written) is whitespace.
    fn ends_with_space(&self, original: &str, run: usize, at: usize) -> bool {
        let last = if run < at {
            original.as_bytes()[at - 1]
        } else {
            self.text.as_bytes().last().copied().unwrap_or(0)
        };
        matches!(last, b' ' | b'\n')
    }

    /// Copies the kept characters `original[from..to]`.
    fn keep(&mut self, original: &str, from: usize, to: usize) {
        if from < to {
            self.text.push_str(&original[from..to]);
            self.aligned(from as u32, (to - from) as u32);
        }
    }

    /// Adds `len` bytes at original offset `orig` that map byte for byte.
    fn aligned(&mut self, orig: u32, len: u32) {
        let norm = (self.text.len() as u32) - len;
        match self.segments.last_mut() {
            Some(s)
                if s.aligned
                    && s.norm_len == s.orig_len
                    && s.orig_end() == orig
                    && s.norm_end() == norm =>
            {
                s.norm_len += len;
                s.orig_len += len;
            }
            _ => self.segments.push(Segment {
                norm,
                norm_len: len,
                orig,
                orig_len: len,
                aligned: true,
            }),
        }
    }

    /// Pushes `c`, which stands for the original character at
    /// `start..end`.
    fn push(&mut self, c: char, start: u32, end: u32) {
        let n = c.len_utf8() as u32;
        self.text.push(c);
        if n == end - start {
            self.aligned(start, n);
            return;
        }
        let norm = self.text.len() as u32 - n;
        match self.segments.last_mut() {
            // More characters from the same original one (NFKC).
            Some(s) if !s.aligned && s.orig == start && s.norm_end() == norm => s.norm_len += n,
            _ => self.segments.push(Segment {
                norm,
                norm_len: n,
                orig: start,
                orig_len: end - start,
                aligned: false,
            }),
        }
    }

    /// Extends the last character's source range over a removed mark that
    /// directly follows it in the original.
    fn attach(&mut self, start: u32, end: u32) {
        if let Some(s) = self.segments.last_mut()
            && s.orig_end() == start
        {
            s.orig_len = end - s.orig;
        }
    }

    /// Pushes whitespace, merging it into a preceding space (and upgrading
    /// that space to `\n` when this is a line break).
    fn push_space(&mut self, c: char, start: u32, end: u32) {
        let line_break = matches!(
            c,
            '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        );
        match self.text.as_bytes().last() {
            Some(b' ') | Some(b'\n') => {
                if line_break {
                    // Same length: ' ' and '\n' are both one byte.
                    let last = self.text.len() - 1;
                    self.text.replace_range(last.., "\n");
                }
                if let Some(s) = self.segments.last_mut() {
                    s.orig_len = end - s.orig;
                }
            }
            _ => self.push(if line_break { '\n' } else { ' ' }, start, end),
        }
    }
}

/// Writes the matching key of normalised `text` into `key` (cleared first):
/// the lossy second level described in the [module docs](self). `key` has
/// exactly `text.len()` bytes and every character sits at the same offset.
///
/// # Examples
///
/// ```
/// let mut key = String::new();
/// kashf::normalize::matching_key("مؤسسة قرة باغ", &mut key);
/// assert_eq!(key, "موسسه قره باغ");
/// ```
pub fn matching_key(text: &str, key: &mut String) {
    // Every key fold maps ASCII to ASCII and U+0600..U+06FF (two bytes,
    // lead byte 0xD8..=0xDB) to the same block, so the key is made by
    // copying runs of unchanged text whole and pushing only the folded
    // characters, rather than decoding and re-encoding every character
    // (`cargo bench -- stages/matching_key`: +27% throughput, measured on a
    // loaded machine) or patching bytes in place and validating the result
    // as UTF-8 again (a tenth of the normalisation stage's instructions,
    // callgrind).
    static ARABIC: LazyLock<[char; 256]> = LazyLock::new(|| {
        std::array::from_fn(|i| key_char(char::from_u32(0x0600 + i as u32).expect("a character")))
    });
    let table = &*ARABIC;
    key.clear();
    key.reserve(text.len());
    let bytes = text.as_bytes();
    // The start of the run of text not yet copied.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (len, folded) = match b {
            0x00..=0x7F => (
                1,
                b.is_ascii_uppercase()
                    .then(|| char::from(b.to_ascii_lowercase())),
            ),
            0xD8..=0xDB => {
                let at = (usize::from(b & 0x03) << 6) | usize::from(bytes[i + 1] & 0x3F);
                let c = table[at];
                (2, (u32::from(c) != 0x0600 + at as u32).then_some(c))
            }
            0xC0..=0xDF => (2, None),
            0xE0..=0xEF => (3, None),
            _ => (4, None),
        };
        if let Some(c) = folded {
            key.push_str(&text[run..i]);
            key.push(c);
            run = i + len;
        }
        i += len;
    }
    key.push_str(&text[run..]);
}

/// The matching-key fold of one character; always the same UTF-8 length.
pub fn key_char(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        // U+0629 TEH MARBUTA → U+0647 HEH
        '\u{0629}' => '\u{0647}',
        // U+0624 WAW WITH HAMZA ABOVE → U+0648 WAW
        '\u{0624}' => '\u{0648}',
        // U+0626 YEH WITH HAMZA ABOVE, U+0649 ALEF MAKSURA → U+064A YEH
        '\u{0626}' | '\u{0649}' => '\u{064A}',
        // alef forms, as in the `alef` fold
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' | '\u{0672}' | '\u{0673}' => '\u{0627}',
        // U+067E PEH → U+0628 BEH
        '\u{067E}' => '\u{0628}',
        // U+0686 TCHEH → U+062C JEEM
        '\u{0686}' => '\u{062C}',
        // U+0698 JEH → U+0632 ZAIN
        '\u{0698}' => '\u{0632}',
        // U+06AF GAF, U+06A9 KEHEH → U+0643 KAF
        '\u{06AF}' | '\u{06A9}' => '\u{0643}',
        // U+06A4 VEH → U+0641 FEH
        '\u{06A4}' => '\u{0641}',
        // U+06CC FARSI YEH → U+064A YEH
        '\u{06CC}' => '\u{064A}',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        Normalizer::default().normalize(s).text
    }

    /// One row per fold: (name, input, expected normalised text).
    const FOLDS: &[(&str, &str, &str)] = &[
        ("alef madda", "آمن", "امن"),
        ("alef hamza above", "أحمد", "احمد"),
        ("alef hamza below", "إبراهيم", "ابراهيم"),
        ("alef wasla", "ٱلله", "الله"),
        ("alef maksura", "على مستشفى", "علي مستشفي"),
        ("fatha damma kasra", "كَتَبَ كُتُب كِتاب", "كتب كتب كتاب"),
        ("tanween", "شكراً جداً", "شكرا جدا"),
        ("shadda sukun", "محمّد قُدْس", "محمد قدس"),
        ("superscript alef", "هٰذا", "هذا"),
        ("quranic marks", "الرَّحِيمِ ۝ ذَٰلِكَ ۖ", "الرحيم ذلك "),
        ("tatweel", "الســـــلام", "السلام"),
        ("arabic-indic digits", "٠١٢٣٤٥٦٧٨٩", "0123456789"),
        ("persian digits", "۰۱۲۳۴۵۶۷۸۹", "0123456789"),
        ("arabic separators", "١٬٥٠٠٫٧٥ و٢٠٪", "1,500.75 و20%"),
        ("keheh", "کتاب", "كتاب"),
        ("farsi yeh", "ایران", "ايران"),
        ("heh goal and ae", "ہ ە ۀ", "ه ه ه"),
        ("persian letters kept", "پ چ ژ گ ڤ", "پ چ ژ گ ڤ"),
        ("lam-alef ligature", "ﻻ", "لا"),
        ("lam-alef hamza ligature", "ﻷ", "لا"),
        ("allah ligature", "ﷲ", "الله"),
        ("contextual forms", "ﺳﻼﻡ", "سلام"),
        ("salla ligature", "ﷺ", "صلي الله عليه وسلم"),
        ("isolated haraka form", "ب\u{FE70}ب", "بب"),
        ("zwnj zwj", "می\u{200C}خواهم \u{200D}", "ميخواهم "),
        ("lrm rlm alm", "\u{200E}غزة\u{200F}\u{061C}", "غزة"),
        ("bom", "\u{FEFF}نص", "نص"),
        ("bidi embeddings", "\u{202B}نص\u{202C}", "نص"),
        ("bidi isolates", "\u{2067}نص\u{2069}", "نص"),
        ("space run", "a  \t b", "a b"),
        ("nbsp", "a\u{00A0}\u{00A0}b", "a b"),
        ("line break run", "a \n\n b", "a\nb"),
        ("invisible inside space run", "a \u{200F} b", "a b"),
        ("ta marbuta kept", "مدينة", "مدينة"),
        ("hamza seats kept", "مؤتمر رئيس", "مؤتمر رئيس"),
        ("latin kept", "NATO", "NATO"),
    ];

    #[test]
    fn every_fold() {
        for (name, input, want) in FOLDS {
            assert_eq!(norm(input), *want, "fold {name:?} on {input:?}");
        }
    }

    /// The tables and the reading of a character's action from its bytes
    /// say what the character table says, for every character of one, two
    /// and three bytes and a few of four, with every fold on and off.
    #[test]
    fn tables_read_from_bytes_agree_with_the_character_table() {
        for folds in [Folds::all(), Folds::none()] {
            let n = Normalizer::new(folds);
            let chars = (0..0x1_0000).chain([0x1_F600, 0x1_0FFFF]);
            for c in chars.filter_map(char::from_u32) {
                let s = format!("a{c}");
                assert_eq!(n.action(c), action_of(c, folds), "{c:?} U+{:04X}", c as u32);
                assert_eq!(
                    n.action_at(&s, 1),
                    (c.len_utf8(), action_of(c, folds)),
                    "{c:?} U+{:04X}",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn folds_switch_off() {
        let none = Normalizer::new(Folds::none());
        for (name, input, _) in FOLDS {
            assert_eq!(none.normalize(input).text(), *input, "fold {name:?}");
        }
        let no_alef = Normalizer::new(Folds {
            alef: false,
            ..Folds::all()
        });
        assert_eq!(no_alef.normalize("أحمدُ").text(), "أحمد");
    }

    /// Every normalised character maps back to the original character it
    /// came from.
    #[test]
    fn offset_map_points_at_source_characters() {
        let cases: &[(&str, &str, &str)] = &[
            // (original, normalised substring, original substring)
            ("قالَ إنّ", "ان", "إنّ"),
            ("قالَ إنّ", "ال", "الَ"),
            ("\u{200F}مصرُ\u{200F}", "مصر", "مصرُ"),
            ("\u{200F}أوكرانيا\u{200F}", "اوكرانيا", "أوكرانيا"),
            ("عدد ٣٥ قتيلاً", "35", "٣٥"),
            ("ﷲ أكبر", "الله", "ﷲ"),
            ("ﷲ أكبر", "لل", "ﷲ"),
            ("قال ﻻ", "لا", "ﻻ"),
            ("ﻻ قال", "ل", "ﻻ"),
            ("موسكـــو", "موسكو", "موسكـــو"),
            ("a \u{00A0} b", "a b", "a \u{00A0} b"),
            ("a \u{00A0} b", " ", " \u{00A0} "),
        ];
        for (original, needle, want) in cases {
            let n = Normalizer::default().normalize(original);
            let at = n
                .text()
                .find(needle)
                .unwrap_or_else(|| panic!("{needle:?} not in {:?}", n.text()));
            let r = n.source_range(at..at + needle.len());
            assert_eq!(&original[r], *want, "mapping {needle:?} in {original:?}");
        }
    }

    #[test]
    fn matching_key_folds_and_keeps_length() {
        let cases = [
            ("مدينة", "مدينه"),
            ("مؤتمر", "موتمر"),
            ("رئيس", "رييس"),
            ("على", "علي"),
            ("گ پ چ ژ ڤ", "ك ب ج ز ف"),
            ("NATO", "nato"),
            ("15 جزء", "15 جزء"),
        ];
        let mut key = String::new();
        for (text, want) in cases {
            matching_key(text, &mut key);
            assert_eq!(key, want, "key of {text:?}");
            assert_eq!(key.len(), text.len());
        }
    }

    #[test]
    fn normalize_str_borrows_clean_text() {
        let n = Normalizer::default();
        assert!(matches!(
            n.normalize_str("قال الرئيس"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(n.normalize_str("قالَ  الرئيس"), "قال الرئيس");
        assert_eq!(n.normalize_str("a\nb"), "a\nb");
        assert_eq!(n.normalize_str("a\tb"), "a b");
    }
}
