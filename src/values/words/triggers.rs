//! Where the grammars start: the positions of the key worth parsing at
//! (every table word with its clitics, every digits token or `%`), found
//! by one pass over the key's words with an automaton of the table's
//! words, run only where a word's last letters may end one.
//!
//! In: the key and its words. Out: the trigger positions, in order.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::lookup::lookup;
use super::table::WORDS;
use super::tokens::is_letter;

/// The words of the table the trigger automaton looks for: those of two
/// letters or more. One-letter words (م, ه after a year) are read by the
/// grammars after digits; as triggers they would fire at the end of every
/// other word.
fn trigger_words() -> Vec<String> {
    WORDS
        .keys()
        .filter(|w| w.chars().count() > 1)
        .cloned()
        .collect()
}

/// The automaton that finds every word of the table (as a substring; the
/// grammars check word boundaries), run over the runs of letters that may
/// end with one ([`triggers_into`]; digits and `%` are found by the scan).
static TRIGGERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    // A DFA without prefilter: Arabic text is made of a few lead bytes
    // (0xD8, 0xD9), so "rare byte" prefilters only add work.
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .prefilter(false)
        .build(trigger_words())
        .expect("the trigger automaton is small")
});

/// The triggers of `key` ([`triggers_into`]), its words found here.
#[cfg(test)]
pub(crate) fn triggers(key: &str) -> std::vec::IntoIter<usize> {
    let mut words = Vec::new();
    crate::doc::words_into(key, &mut words);
    let mut out = Vec::new();
    triggers_into(key, &words, &mut out);
    out.into_iter()
}

/// Pushes the positions of `key` worth parsing at onto `out`, in order:
/// the start of every word token holding a table word (clitics and all),
/// and of every digits token (or `%` before one), each once. `words` are
/// the key's words ([`crate::doc::words_into`]).
///
/// What the trigger automaton would find in one pass over the key, read
/// word by word and run by run: every table word is made of Arabic letters
/// ([`crate::doc::arabic_letters_end`]), so a match never leaves a run of
/// them, and the matches in a run are the same whether the automaton
/// reads the run alone or the whole key (leftmost-longest matches start
/// their search again after the last one, and nothing before a run is
/// part of a match in it). A run holds a trigger only if a table word
/// ends it (the word must end where the match ends), so a word made of
/// one run whose last letters end no table word ([`Endings`]) is stepped
/// over without the automaton: most words of news text. Other words, and
/// the characters between words, are read byte by byte
/// ([`Scan::bytes`]): digits and `%` are matches of one byte each.
pub(in crate::values) fn triggers_into(key: &str, words: &[Range<usize>], out: &mut Vec<usize>) {
    let mut scan = Scan::new(key);
    let bytes = key.as_bytes();
    let mut gap = 0;
    for w in words {
        // Most words are one space apart.
        if w.start > gap + 1 || bytes.get(gap).is_some_and(|&b| b != b' ' && b != b'\n') {
            scan.bytes(gap, w.start, out);
        }
        if crate::doc::arabic_letters_end(bytes, w.start) == w.end {
            scan.word(w.start, w.end, out);
        } else {
            scan.bytes(w.start, w.end, out);
        }
        gap = w.end;
    }
    scan.bytes(gap, key.len(), out);
}

/// Pushes the triggers ([`triggers_into`]) of the words from byte `from` of `key` on
/// (`from` at the start of the key, or of a space or line break) onto
/// `out`, read byte by byte (for a key whose words are not at hand).
pub(in crate::values) fn triggers_from_into(key: &str, from: usize, out: &mut Vec<usize>) {
    Scan::new(key).bytes(from, key.len(), out);
}

/// The trigger search in a key: see [`triggers_into`].
struct Scan<'k> {
    key: &'k str,
    endings: &'static Endings,
    automaton: &'static AhoCorasick,
    /// The start of the last word reported (a word holding two matches
    /// is reported once).
    last: usize,
}

impl<'k> Scan<'k> {
    fn new(key: &'k str) -> Self {
        Scan {
            key,
            endings: &ENDINGS,
            automaton: &TRIGGERS,
            last: usize::MAX,
        }
    }

    /// Pushes the triggers of `from..to` (whole runs of letters, whole
    /// characters) onto `out`.
    fn bytes(&mut self, from: usize, to: usize, out: &mut Vec<usize>) {
        let bytes = &self.key.as_bytes()[..to];
        let mut pos = from;
        while let Some(&b) = bytes.get(pos) {
            match b {
                b'0'..=b'9' | b'%' => {
                    if !continues_digits(&bytes[..pos]) {
                        out.push(pos);
                    }
                    pos += 1;
                }
                // A lead byte: never inside a character.
                0xD8 | 0xD9 => {
                    let end = crate::doc::arabic_letters_end(bytes, pos).max(pos + 1);
                    self.run(pos, end, out);
                    pos = end;
                }
                _ => pos += 1,
            }
        }
    }

    /// Pushes the triggers of the run of letters `start..end` (a whole
    /// run, or a character that is none) onto `out`.
    #[inline]
    fn run(&mut self, start: usize, end: usize, out: &mut Vec<usize>) {
        if self
            .endings
            .may_end_a_word(&self.key.as_bytes()[start..end])
        {
            self.matches(start, end, out);
        }
    }

    /// [`Scan::run`] for a word that is a run of letters: the table is
    /// asked first whether it is a table word with its clitics, which a
    /// trigger is and most words ending as one does are not (the grammars
    /// ask the same at each trigger, so the answer is [`read`](super::read) once), and
    /// the automaton only for those that are.
    #[inline]
    fn word(&mut self, start: usize, end: usize, out: &mut Vec<usize>) {
        if self
            .endings
            .may_end_a_word(&self.key.as_bytes()[start..end])
            && is_table_word(self.key, start, end)
        {
            self.matches(start, end, out);
        }
    }

    /// [`Scan::run`] for a run that may hold a trigger: the automaton's
    /// matches in it.
    #[inline(never)]
    fn matches(&mut self, start: usize, end: usize, out: &mut Vec<usize>) {
        let input = aho_corasick::Input::new(self.key).span(start..end);
        for m in self.automaton.find_iter(input) {
            if let Some(word) = word_trigger(self.key, m.start(), m.end(), self.last) {
                out.push(word);
                self.last = word;
            }
        }
    }
}

/// Whether the word `key[start..end]` is a word of the table with its
/// clitics and article ([`lookup`], out of line: most words never get
/// here).
#[inline(never)]
fn is_table_word(key: &str, start: usize, end: usize) -> bool {
    lookup(key, start, end).is_some()
}

/// Whether a digit or `%` after `before` continues a run of digits
/// (separators included): only the first of a run is a trigger.
fn continues_digits(before: &[u8]) -> bool {
    match before {
        [.., d] if d.is_ascii_digit() => true,
        [.., d, b'.' | b','] => d.is_ascii_digit(),
        _ => false,
    }
}

/// The start of the word token holding the table word the automaton found
/// at `start..end` of `key`, if that is a trigger (and not `last`, the
/// word reported before): the word must end where the match ends, and
/// start at most proclitics and the article before it («وبال»).
fn word_trigger(key: &str, start: usize, end: usize, last: usize) -> Option<usize> {
    if key[end..].chars().next().is_some_and(is_letter) {
        return None;
    }
    let window = start.saturating_sub("وبال".len() + 1);
    let word = token_start(key, start, window)?;
    if word == last {
        return None;
    }
    lookup(key, word, end)?;
    Some(word)
}

/// How the trigger automaton's words end, as bits: the words of two
/// letters, and the last three letters of the longer ones. A run of
/// letters that ends otherwise holds no trigger.
struct Endings {
    /// The words of two letters, by [`Endings::letter`]s.
    pairs: Box<[u64]>,
    /// The last three letters of the longer words.
    triples: Box<[u64]>,
}

/// How the trigger automaton's words end.
static ENDINGS: LazyLock<Endings> = LazyLock::new(|| Endings::of(&trigger_words()));

impl Endings {
    /// The letters [`crate::doc::arabic_letters_end`] steps over: U+0621
    /// .. U+063A and U+0641 .. U+064A.
    const LETTERS: usize = 26 + 10;

    /// The endings of `words`, each made of those letters (else the
    /// automaton could find a word across two runs: a panic when the
    /// tables are built, which a test runs).
    fn of(words: &[String]) -> Endings {
        let bits = |n: usize| vec![0u64; n.div_ceil(64)].into_boxed_slice();
        let mut e = Endings {
            pairs: bits(Self::LETTERS.pow(2)),
            triples: bits(Self::LETTERS.pow(3)),
        };
        for w in words {
            let b = w.as_bytes();
            assert!(
                b.len() >= 4 && crate::doc::arabic_letters_end(b, 0) == b.len(),
                "a trigger word that is not two or more Arabic letters: {w}"
            );
            let n = b.len();
            let pair = Self::letter(b, n - 4) * Self::LETTERS + Self::letter(b, n - 2);
            let (set, i) = match n {
                4 => (&mut e.pairs, pair),
                _ => (
                    &mut e.triples,
                    Self::letter(b, n - 6) * Self::LETTERS.pow(2) + pair,
                ),
            };
            set[i / 64] |= 1 << (i % 64);
        }
        e
    }

    /// The number (below [`Endings::LETTERS`]) of the letter at `i` of
    /// `run`, a run of those letters.
    #[inline(always)]
    fn letter(run: &[u8], i: usize) -> usize {
        let next = usize::from(run[i + 1]);
        if run[i] == 0xD8 {
            next.wrapping_sub(0xA1)
        } else {
            next.wrapping_sub(0x81) + 26
        }
    }

    /// Whether the run of letters `run` (a whole run, as
    /// [`crate::doc::arabic_letters_end`] measures it) may end with a word
    /// of the automaton.
    #[inline(always)]
    fn may_end_a_word(&self, run: &[u8]) -> bool {
        let has = |set: &[u64], i: usize| set.get(i / 64).is_some_and(|b| b >> (i % 64) & 1 == 1);
        let n = run.len();
        if n < 4 {
            return false;
        }
        debug_assert_eq!(crate::doc::arabic_letters_end(run, 0), n);
        let pair = Self::letter(run, n - 4) * Self::LETTERS + Self::letter(run, n - 2);
        has(&self.pairs, pair)
            || n >= 6
                && has(
                    &self.triples,
                    Self::letter(run, n - 6) * Self::LETTERS.pow(2) + pair,
                )
    }
}

/// The start of the letter run `pos` is in, if it starts at or after
/// `window` (a byte offset at most one character off a boundary).
fn token_start(key: &str, pos: usize, window: usize) -> Option<usize> {
    let mut start = pos;
    for (i, c) in key[..pos].char_indices().rev() {
        if !is_letter(c) {
            break;
        }
        if i < window {
            return None;
        }
        start = i;
    }
    Some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The triggers as one pass of the automaton over the whole key found
    /// them (with digits and `%` among its words), before the scan read it
    /// run by run.
    fn triggers_in_one_pass(key: &str, from: usize) -> Vec<usize> {
        let mut pats = trigger_words();
        pats.extend((0..10).map(|d| d.to_string()));
        pats.push("%".to_owned());
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)
            .unwrap();
        let mut last = usize::MAX;
        let input = aho_corasick::Input::new(key).span(from..key.len());
        automaton
            .find_iter(input)
            .filter_map(|m| {
                let first = key.as_bytes()[m.start()];
                if first.is_ascii_digit() || first == b'%' {
                    return (!continues_digits(&key.as_bytes()[..m.start()])).then_some(m.start());
                }
                let start = word_trigger(key, m.start(), m.end(), last)?;
                last = start;
                Some(start)
            })
            .collect()
    }

    #[test]
    fn every_trigger_word_is_two_arabic_letters_or_more() {
        // Building the endings checks each word.
        assert!(ENDINGS.triples.iter().any(|&b| b != 0));
    }

    #[test]
    fn triggers_run_by_run_are_those_of_one_pass() {
        let mut keys: Vec<String> = [
            "قال الوزير يوم الاثنين 12 مارس 2021 ان 3 ملايين شخص",
            "ارتفع المؤشر 2.5% الي 9،000 نقطه خلال الاسبوع الماضي",
            "وبالثلاثين من الشهر، في العام 1990م وللعام الحالي",
            "منذ ثلاثه اعوام ونصف، وخمسهالاف دولار، %15 و15%",
            "الساعه 10:30 صباحا بتوقيت مكه المكرمه\nالثلاثاء 4/10/1436",
            "ثلاثـه اسابيع abcعام عامxyz ژاله سنه ثلاثمايه",
        ]
        .map(str::to_owned)
        .into();
        let words = trigger_words();
        for (i, w) in words.iter().enumerate() {
            let next = &words[(i + 1) % words.len()];
            for k in [
                format!("و{w} ال{w}، 7{w}، {w}7 {w}ـ"),
                format!("{w}{next} {next}{w} ب{w}a x{w}"),
            ] {
                keys.push(k);
            }
        }
        for key in &keys {
            let got: Vec<usize> = triggers(key).collect();
            assert_eq!(got, triggers_in_one_pass(key, 0), "{key:?} word by word");
            let froms = key.match_indices([' ', '\n']).map(|(i, _)| i);
            for from in std::iter::once(0).chain(froms) {
                let mut got = Vec::new();
                triggers_from_into(key, from, &mut got);
                assert_eq!(got, triggers_in_one_pass(key, from), "{key:?} from {from}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn triggers_of_any_text_are_those_of_one_pass(
            key in "[ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإةى ـa0-9%.,،\n]{0,40}"
        ) {
            let got: Vec<usize> = triggers(&key).collect();
            proptest::prop_assert_eq!(got, triggers_in_one_pass(&key, 0));
        }
    }
}
