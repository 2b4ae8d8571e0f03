//! The pipeline's shared vocabulary: what every stage reads and writes.
//!
//! In: nothing from the stages; this module sits below all of them
//! ([`crate::normalize`], [`crate::gazetteer`], [`crate::extract`], …) so
//! that each can name these types without importing another stage.
//!
//! - [`Label`], [`Kind`], [`Source`], [`Link`] and [`Value`]: what an
//!   entity is, its finer type, which stage found it, how it was resolved
//!   to a gazetteer entry, and the value of a number or date;
//!   [`HijriCalendar`], which calendar Hijri dates are converted with;
//! - [`Entity`]: one entity as the library reports it, with offsets in code
//!   points of the original text;
//! - `Candidate`: what a finder reports, a byte range of the *normalised*
//!   text; the extractor maps candidates back to entities;
//! - `Chunk`: the view of one chunk every finder gets (normalised text,
//!   matching key with the same offsets, the key's words);
//! - `is_word_char` and `words_into`: what a word is, and the words of a
//!   key, found once per chunk; `word_start`, `word_before_space` and
//!   `starts_with_short`, the small questions every stage asks of words;
//! - `resolve`: how candidates compete for a span (leftmost, longest, then
//!   `Candidate`'s rank).

use std::ops::Range;
use std::sync::{Arc, LazyLock};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Label {
    /// A person.
    Person,
    /// A place: country, city, region, …
    Place,
    /// An organisation.
    Org,
    /// A number, with its value.
    Number,
    /// A date, time or duration, with its TIMEX3 value.
    Date,
}

impl Label {
    /// Every label, in output order.
    pub const ALL: [Label; 5] = [
        Label::Person,
        Label::Place,
        Label::Org,
        Label::Number,
        Label::Date,
    ];

    /// The label as written in output (`PERSON`, `PLACE`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Place => "PLACE",
            Label::Org => "ORG",
            Label::Number => "NUMBER",
            Label::Date => "DATE",
        }
    }

    /// Parses a label as written in gazetteers and output.
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// A finer type for numbers and dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A count: 3000, ثلاثة آلاف.
    Cardinal,
    /// A rank: الثالث, 3rd.
    Ordinal,
    /// A percentage: 15%, ١٥٪.
    Percent,
    /// A fraction: نصف, ثلثا.
    Fraction,
    /// A calendar date or a date range.
    Date,
    /// A time of day.
    Time,
    /// A length of time: P12Y.
    Duration,
    /// A recurring time: كل يوم.
    Set,
}

impl Kind {
    /// The kind as written in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Cardinal => "cardinal",
            Kind::Ordinal => "ordinal",
            Kind::Percent => "percent",
            Kind::Fraction => "fraction",
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Duration => "duration",
            Kind::Set => "set",
        }
    }
}

/// The Hijri calendar that Hijri dates (15 شعبان 1445 هـ, 4/10/1436) are
/// converted with.
///
/// Both come from ICU4X's `icu_calendar`, with its data compiled in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HijriCalendar {
    /// Umm al-Qura, Saudi Arabia's official calendar (the KACST tables,
    /// 1300 to 1600 AH; the tabular calendar outside them): what Saudi and
    /// Gulf news date by.
    #[default]
    UmmAlQura,
    /// The tabular (arithmetical) calendar, civil epoch (1 Muharram 1 AH =
    /// 16 July 622 Julian), leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26
    /// and 29 of each 30 years; a day or two off observation-based
    /// calendars.
    Tabular,
}

/// Which stage found an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// An exact (normalised) gazetteer spelling.
    Gazetteer,
    /// A transliteration variant of a gazetteer spelling.
    Variant,
    /// A context rule (titles, place nouns, name lexicons).
    Rule,
    /// A partial mention linked to a full one in the same document.
    Linked,
    /// The number and date grammars.
    Pattern,
    /// The learned tagger ([`crate::tagger`]), where no finder found the same span.
    Model,
}

impl Source {
    /// The source as written in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Gazetteer => "gazetteer",
            Source::Variant => "variant",
            Source::Rule => "rule",
            Source::Linked => "linked",
            Source::Pattern => "pattern",
            Source::Model => "model",
        }
    }
}

/// How a name was resolved to its gazetteer entry: the `link` of an
/// [`Entity`], apart from its [`Source`] (which stage found the span).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Link {
    /// The span's matching key is the entry's name.
    Exact,
    /// The span's matching key is another spelling the entry lists (an old
    /// name, a short name, a spelling of the same sounds).
    Alias,
    /// A transliteration variant of one of the entry's spellings, by the
    /// consonant-skeleton key and its guards.
    Variant,
    /// One vowel letter (ا و ي) more or fewer, or a doubled letter, than
    /// one of the entry's spellings: a typo of a long place or
    /// organisation name.
    Fuzzy,
    /// Not a gazetteer entry: a cluster of one unseen name's spellings
    /// across the documents of a corpus (`kashf link`, [`crate::corpus`]),
    /// with a `kashf:auto:` id.
    Corpus,
}

impl Link {
    /// The link as written in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Link::Exact => "exact",
            Link::Alias => "alias",
            Link::Variant => "variant",
            Link::Fuzzy => "fuzzy",
            Link::Corpus => "corpus",
        }
    }

    /// Whether the span's key is itself a spelling of the entry.
    pub fn is_listed(self) -> bool {
        matches!(self, Link::Exact | Link::Alias)
    }
}

/// The normalised value of a number or date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// A whole number (written without a decimal point).
    Int(i64),
    /// A number with a fraction.
    Float(f64),
    /// A TIMEX3 value: `2020-10-23`, `XXXX-WXX-5`, `P12Y`, `T08:00`, …
    Timex(String),
}

impl Value {
    /// Whole numbers as [`Value::Int`], so that JSON shows `2500000000`,
    /// not `2500000000.0`, however a finder computed them.
    pub(crate) fn canonical(self) -> Value {
        match self {
            // Below 2^53 every integer is exact in an f64.
            Value::Float(f) if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 => {
                Value::Int(f as i64)
            }
            v => v,
        }
    }
}

/// One entity found in a document (its JSON, as kashf writes it, reads
/// back with serde).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// What it is.
    pub label: Label,
    /// The exact original text of the span.
    pub text: String,
    /// Start, in Unicode code points of the original document.
    pub start: usize,
    /// End (exclusive), in Unicode code points of the original document.
    pub end: usize,
    /// Canonical name for names; the normalised form otherwise.
    pub norm: String,
    /// The value of a number or date.
    pub value: Option<Value>,
    /// A finer type for numbers and dates.
    pub kind: Option<Kind>,
    /// The stable id of the linked gazetteer entry (a Wikidata QID where
    /// known).
    pub id: Option<Arc<str>>,
    /// Which stage found it.
    pub source: Source,
    /// How a name was resolved to the entry `id` names (`None`: not
    /// resolved, and for numbers and dates).
    pub link: Option<Link>,
}

/// What a finder reports: a byte range of the normalised text and what it
/// is. Finders push these; the extractor's `resolve` and the offset map do
/// the rest.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate {
    /// Byte range in the normalised text (and the key: same offsets).
    pub range: Range<usize>,
    pub label: Label,
    /// `None`: the normalised text of the span.
    pub norm: Option<String>,
    pub value: Option<Value>,
    pub kind: Option<Kind>,
    pub id: Option<Arc<str>>,
    pub source: Source,
    /// How `id` was found, if set.
    pub link: Option<Link>,
}

impl Candidate {
    /// A candidate of `label` from `source` over `range`, with no norm,
    /// value, kind or id (set them with struct update syntax).
    pub(crate) fn new(range: Range<usize>, label: Label, source: Source) -> Candidate {
        Candidate {
            range,
            label,
            norm: None,
            value: None,
            kind: None,
            id: None,
            source,
            link: None,
        }
    }

    /// Preference between candidates with the same range: dates (which
    /// contain numbers) over numbers; gazetteer names over rule guesses.
    pub(crate) fn rank(&self) -> u8 {
        match (self.label, self.source) {
            (Label::Date, _) => 6,
            (Label::Number, _) => 5,
            (_, Source::Gazetteer) => 4,
            (_, Source::Variant) => 3,
            (_, Source::Linked) => 2,
            (_, Source::Rule | Source::Model) => 1,
            (_, Source::Pattern) => 0,
        }
    }
}

/// What the shared vocabulary (`crate::vocab`) knows of one word of a
/// chunk, from one probe of its table: the word's id there, which word
/// lists hold it (`vocab::flag`) and which of the rules' lists hold it or
/// its readings with a proclitic (`vocab::bit`). A word the vocabulary
/// does not hold has no id and no bits. The stages read these instead of
/// looking the word up again by its string.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Lex {
    pub id: Option<u32>,
    pub flags: u16,
    pub bits: u32,
}

/// The view of one chunk that every finder gets.
pub(crate) struct Chunk<'a> {
    /// Normalised text (all folds on).
    pub text: &'a str,
    /// Its matching key: same length, same offsets.
    pub key: &'a str,
    /// The words of the key ([`words_into`]), in order.
    pub words: &'a [Range<usize>],
    /// What the vocabulary knows of each of `words` (as many, in the same
    /// order), looked up once for every stage.
    pub lex: &'a [Lex],
    /// The date relative expressions resolve against, if known.
    pub ref_date: Option<NaiveDate>,
    /// The calendar Hijri dates are converted with.
    pub hijri: HijriCalendar,
}

/// Puts the words of `key` into `out`: the maximal runs of word
/// characters ([`is_word_char`]), as byte ranges. Found
/// once per chunk for the rules, the variant search and the linking.
pub(crate) fn words_into(key: &str, out: &mut Vec<Range<usize>>) {
    out.clear();
    let bytes = key.as_bytes();
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        // Most of a chunk's bytes are in runs of Arabic letters.
        let run = i;
        i = arabic_letters_end(bytes, i);
        if i > run {
            start = start.or(Some(run));
            continue;
        }
        let b = bytes[i];
        let (word, len) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else if b & 0xE0 == 0xC0 && i + 1 < bytes.len() {
            // Two bytes (Arabic among them): decoded in place.
            let c = (u32::from(b & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
            (char::from_u32(c).is_some_and(is_word_char), 2)
        } else {
            let c = key[i..].chars().next().unwrap_or_default();
            (is_word_char(c), c.len_utf8())
        };
        match (start, word) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        out.push(s..bytes.len());
    }
}

/// Where the run of Arabic letters that starts at byte `i` of `bytes`
/// (UTF-8) ends, read two bytes at a time: U+0621 HAMZA .. U+063A GHAIN
/// (D8 A1..BA), U+0641 FEH .. U+064A YEH (D9 81..8A). `i` if none starts
/// there.
#[inline]
pub(crate) fn arabic_letters_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&[lead, next]) = bytes.get(i..i + 2) {
        let letter = match lead {
            0xD8 => next.wrapping_sub(0xA1) < 0x1A,
            0xD9 => next.wrapping_sub(0x81) < 0x0A,
            _ => false,
        };
        if !letter {
            break;
        }
        i += 2;
    }
    i
}

/// Letters and digits: what a word is made of. Arabic letters and ASCII
/// take a fast path; `char::is_alphanumeric` looks other characters up in
/// Unicode tables, which cost a third of the variant search when every
/// character went there.
pub(crate) fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        // U+0621 HAMZA .. U+063A GHAIN, U+0641 FEH .. U+064A YEH
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => true,
        _ if c.is_ascii() => false,
        _ => CHAR_CLASSES.get(c, CharClasses::ALPHANUMERIC),
    }
}

/// `char::is_alphabetic`, with Arabic letters and ASCII on a fast path,
/// the rest of the two-byte code points (Latin, Arabic: «،», «»») read from
/// a bit table, and general punctuation (“ ” – …, none of it a letter)
/// answered at once.
pub(crate) fn is_alphabetic(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        // U+0621 HAMZA .. U+063A GHAIN, U+0641 FEH .. U+064A YEH
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => true,
        _ if c.is_ascii() => false,
        _ => CHAR_CLASSES.get(c, CharClasses::ALPHABETIC),
    }
}

/// `char::is_alphabetic` and `char::is_alphanumeric` of the code points
/// below [`CharClasses::SPAN`] as bits, made from those functions on first
/// use (so they agree by construction); general punctuation (U+2000 ..
/// U+206F) is neither; other code points ask the standard library, which
/// searches its Unicode tables for every character outside ASCII (about
/// 450 instructions for «،», «»» or a letter of the Arabic block, which
/// every word boundary in Arabic text passes).
pub(crate) struct CharClasses {
    bits: [[u64; Self::SPAN / 64]; 2],
}

impl CharClasses {
    /// The two-byte code points of UTF-8 and below.
    const SPAN: usize = 0x800;
    const ALPHABETIC: usize = 0;
    const ALPHANUMERIC: usize = 1;

    fn new() -> CharClasses {
        let mut bits = [[0u64; Self::SPAN / 64]; 2];
        for cp in 0..Self::SPAN as u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let (word, bit) = (cp as usize / 64, 1 << (cp % 64));
            if c.is_alphabetic() {
                bits[Self::ALPHABETIC][word] |= bit;
            }
            if c.is_alphanumeric() {
                bits[Self::ALPHANUMERIC][word] |= bit;
            }
        }
        CharClasses { bits }
    }

    fn get(&self, c: char, class: usize) -> bool {
        let cp = c as usize;
        match self.bits[class].get(cp / 64) {
            Some(word) => word >> (cp % 64) & 1 == 1,
            None if ('\u{2000}'..='\u{206F}').contains(&c) => false,
            None if class == Self::ALPHABETIC => c.is_alphabetic(),
            None => c.is_alphanumeric(),
        }
    }
}

static CHAR_CLASSES: LazyLock<CharClasses> = LazyLock::new(CharClasses::new);

/// Keeps a non-overlapping subset of `cands`, sorted by start: at each point
/// the leftmost candidate wins, then the longest, then the higher rank.
///
/// Before that, a name guessed by a context rule that overlaps a number or
/// a date is dropped: the grammars know their words, the rules only guess
/// («ذكرى الحادي عشر من سبتمبر» is a date, not a person named ذكرى).
pub(crate) fn resolve(cands: &mut Vec<Candidate>) {
    cands.sort_by(|a, b| {
        a.range
            .start
            .cmp(&b.range.start)
            .then(b.range.end.cmp(&a.range.end))
            .then(b.rank().cmp(&a.rank()))
    });
    // Pattern ranges in start order, with the furthest end reached so far,
    // so that overlap with any of them is one binary search.
    let mut patterns: Vec<(usize, usize)> = Vec::new();
    for c in cands.iter().filter(|c| c.source == Source::Pattern) {
        let reach = patterns.last().map_or(0, |&(_, e)| e).max(c.range.end);
        patterns.push((c.range.start, reach));
    }
    if !patterns.is_empty() {
        cands.retain(|c| {
            if c.source != Source::Rule {
                return true;
            }
            let before = patterns.partition_point(|&(s, _)| s < c.range.end);
            before == 0 || patterns[before - 1].1 <= c.range.start
        });
    }
    let mut end = 0;
    cands.retain(|c| {
        if c.range.start >= end && c.range.start < c.range.end {
            end = c.range.end;
            true
        } else {
            false
        }
    });
}

/// The start of the word that `at` lies in (`at` itself after a
/// non-word character).
pub(crate) fn word_start(key: &str, at: usize) -> usize {
    key[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map_or(at, |(i, _)| i)
}

/// The word of `key` right before a space that ends at `at` (empty after
/// punctuation); `None` when no space comes right before `at`.
pub(crate) fn word_before_space(key: &str, at: usize) -> Option<&str> {
    key[..at]
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(|c: char| !is_word_char(c)).next())
}

/// Whether `s` starts with `prefix`, for the short prefixes (proclitics,
/// the article) tried on every word: a byte loop the compiler keeps inline,
/// where `str::starts_with` calls `memcmp`, which was a tenth of the
/// pipeline's time.
#[inline]
pub(crate) fn starts_with_short(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.bytes().zip(prefix.bytes()).all(|(a, b)| a == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_the_runs_of_alphanumeric_characters() {
        let texts = [
            "قال الرئيس، «محمد» بن سلمان: 3 مايو 2020!",
            "وپژوهش گاه ڤيينا ٱلله ـ tatweel ñandú A380 x²y ①",
            "2,500 دولار — 10:30 صباحا\nسطر ثان 😀 end",
            "",
            "ا",
        ];
        for text in texts {
            let mut want = Vec::new();
            let mut start = None;
            for (i, c) in text.char_indices() {
                match (start, c.is_alphanumeric()) {
                    (None, true) => start = Some(i),
                    (Some(s), false) => {
                        want.push(s..i);
                        start = None;
                    }
                    _ => {}
                }
            }
            want.extend(start.map(|s| s..text.len()));
            let mut got = Vec::new();
            words_into(text, &mut got);
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn character_classes_agree_with_the_standard_library() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{:04X}", c as u32);
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{:04X}", c as u32);
        }
    }

    fn cand(range: Range<usize>, label: Label) -> Candidate {
        Candidate::new(range, label, Source::Pattern)
    }

    #[test]
    fn resolve_prefers_leftmost_then_longest_then_rank() {
        let mut c = vec![
            cand(5..9, Label::Number),
            cand(0..3, Label::Place),
            cand(5..12, Label::Date),
            cand(10..14, Label::Number),
            cand(12..14, Label::Date),
            cand(12..14, Label::Number),
        ];
        resolve(&mut c);
        let got: Vec<_> = c.iter().map(|c| (c.range.clone(), c.label)).collect();
        assert_eq!(
            got,
            vec![
                (0..3, Label::Place),
                (5..12, Label::Date),
                (12..14, Label::Date)
            ]
        );
    }

    #[test]
    fn rule_names_never_swallow_numbers_or_dates() {
        let rule = |r: Range<usize>| Candidate {
            source: Source::Rule,
            ..cand(r, Label::Person)
        };
        let mut c = vec![
            rule(0..10),
            cand(8..12, Label::Date),
            rule(12..20),
            rule(30..40),
        ];
        c.push(cand(35..36, Label::Number));
        c.push(cand(1..2, Label::Number));
        resolve(&mut c);
        let got: Vec<_> = c.iter().map(|c| (c.range.clone(), c.source)).collect();
        assert_eq!(
            got,
            vec![
                (1..2, Source::Pattern),
                (8..12, Source::Pattern),
                (12..20, Source::Rule),
                (35..36, Source::Pattern)
            ]
        );
    }
}
