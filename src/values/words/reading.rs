//! A reading of one key: while [`read`] runs, what the grammars learn of
//! the key's tokens, table words and cardinals is remembered by offset
//! (the memo), so that the same question at the same place is answered
//! once.
//!
//! In: the key being read (known by its address and length). Out: the
//! remembered answers, through [`with_memo`]; none outside a reading.

use std::cell::{Cell, RefCell};

use super::lookup::Hit;
use super::tokens::TokKind;
use crate::values::numbers::Parsed;

/// Runs `f`, the grammars reading `key`, with what they learn of its tokens
/// and words remembered until it returns: each grammar tried at a trigger
/// reads the trigger's word and its neighbours again (about 25 tokens and
/// 13 table lookups a trigger on news text, most of them the same ones).
/// A reading inside another (never in the pipeline) has a memo of its own
/// until it returns; the outer one's is then the current one again.
pub(crate) fn read<R>(key: &str, f: impl FnOnce() -> R) -> R {
    /// The reading under way: it owns the thread's memo until it ends,
    /// whichever way it ends, and then gives it back (tables kept, key
    /// forgotten) and makes the outer reading's memo current again.
    struct Reading {
        memo: Memo,
        outer: *mut Memo,
    }
    impl Drop for Reading {
        fn drop(&mut self) {
            CURRENT.set(self.outer);
            self.memo.key = None;
            let memo = std::mem::take(&mut self.memo);
            SPARE.with_borrow_mut(|spare| *spare = memo);
        }
    }
    let mut reading = Reading {
        memo: SPARE.with_borrow_mut(std::mem::take),
        outer: CURRENT.get(),
    };
    reading.memo.start(key);
    reading.memo.serial = next_serial();
    // `reading` does not move until it is dropped, after `f` returns, and
    // nothing else touches its memo meanwhile: see `with_memo`.
    CURRENT.set(&raw mut reading.memo);
    f()
}

/// What is known of the tokens and words of the key being [`read`], by
/// byte offset. The grammars pass the key around as `&str`, so it is known
/// by its address and length, and only while [`read`] runs: a key read
/// outside it is measured every time. A head of it (`&key[..n]`, the
/// dateline's) shares what holds there too: a word looked up before `n`,
/// a token that ends before `n` (one that reaches `n` may be cut short).
///
/// The tables are as long as the longest key read, and hold the number of
/// the reading that wrote each slot, so that starting a reading clears
/// nothing: a slot of an earlier one is as good as empty.
///
/// The memo of the reading under way is reached through a thread-local
/// pointer ([`CURRENT`]), which costs one load: the grammars ask it about
/// a million and a half times over 3 MB of news, and a `RefCell` in a
/// thread-local with a destructor (`with_borrow_mut`: the thread-local's
/// state, the borrow flag, a closure kept out of line) cost about 100
/// instructions an access, 160 M over 3 MB. Between readings the memo is
/// kept in [`SPARE`], so that its tables are allocated once a thread.
#[derive(Default)]
pub(super) struct Memo {
    /// The address and length of the key, while it is read.
    key: Option<(usize, usize)>,
    /// The thread's serial number of the reading ([`reading_serial`]):
    /// unlike `reading`, never the same for two readings of a thread.
    serial: u64,
    /// The number of the reading (from 1).
    reading: u32,
    /// Per offset: the reading, and 0 for no token, else the token's end
    /// plus 1, shifted left by 2, with its kind in the low bits.
    tokens: Vec<(u32, u32)>,
    /// Per offset: the reading, the end of the word looked up there, and
    /// what the table said: 0 not a word of it, else the index in `hits`
    /// plus 1.
    words: Vec<(u32, u32, u32)>,
    hits: Vec<Hit>,
    /// Per offset: the reading, the length of the key the cardinal there
    /// was read in ([`remembered_cardinal`]), and the index of the answer
    /// in `cardinals`.
    cardinal_at: Vec<(u32, u32, u32)>,
    cardinals: Vec<Option<Parsed>>,
}

thread_local! {
    /// The memo of the [`read`] under way on this thread, owned by that
    /// reading; null outside one. A `Cell` of a pointer has no destructor,
    /// so reading it is one load, with no state to check.
    static CURRENT: Cell<*mut Memo> = const { Cell::new(std::ptr::null_mut()) };
    /// The serial number of the thread's last [`read`].
    static SERIAL: Cell<u64> = const { Cell::new(0) };
    /// The thread's memo between readings.
    static SPARE: RefCell<Memo> = const {
        RefCell::new(Memo {
            key: None,
            serial: 0,
            reading: 0,
            tokens: Vec::new(),
            words: Vec::new(),
            hits: Vec::new(),
            cardinal_at: Vec::new(),
            cardinals: Vec::new(),
        })
    };
}

/// The next serial number of a [`read`] on this thread (from 1).
fn next_serial() -> u64 {
    let n = SERIAL.get() + 1;
    SERIAL.set(n);
    n
}

/// The serial number of the [`read`] under way on this thread if `key` is
/// the key it reads or a head of it; none outside a reading. Two readings
/// of a thread never share a number, so a grammar may remember what it
/// read of `key` under it (see `dates::time::clock_any`): the key does not
/// change while it is read.
pub(in crate::values) fn reading_serial(key: &str) -> Option<u64> {
    with_memo(|m| {
        let m = m?;
        m.length_of(key)?;
        Some(m.serial)
    })
}

/// `read_it()`, the cardinal that starts at `pos` of `key`
/// ([`numbers::cardinal`](crate::values::numbers)), remembered while `key` is
/// [`read`]: the number grammar and the date grammars (a day, a count of
/// units, an hour) ask it at the same triggers, about three times each.
/// The answer is kept with the length of the key it was read in: a head of
/// the key (the dateline's) may end a number sooner.
pub(in crate::values) fn remembered_cardinal(
    key: &str,
    pos: usize,
    read_it: impl FnOnce() -> Option<Parsed>,
) -> Option<Parsed> {
    let known = with_memo(|m| m?.cardinal(key, pos));
    if let Some(known) = known {
        return known;
    }
    let found = read_it();
    with_memo(|m| {
        if let Some(m) = m {
            m.set_cardinal(key, pos, found);
        }
    });
    found
}

/// Runs `f` with the memo of the reading under way, if there is one.
///
/// `f` must not call `with_memo` again (neither [`lookup`](super::lookup()) nor
/// [`token_at`](super::token_at) does: they measure the key and look words up in the table
/// without the memo), so that the `&mut Memo` it gets is the only
/// reference to the memo while it runs.
#[inline(always)]
pub(super) fn with_memo<R>(f: impl FnOnce(Option<&mut Memo>) -> R) -> R {
    // SAFETY: a non-null `CURRENT` points to the memo of a `Reading` that
    // has not been dropped (its drop sets `CURRENT` back before the memo
    // goes) and that does not move while it is current (`read` keeps it in
    // place until `f` returns). The memo is only reached through this
    // pointer meanwhile, on this thread alone, and never by two calls at
    // once (see above), so the reference is unique.
    f(unsafe { CURRENT.get().as_mut() })
}

impl Memo {
    /// The length of `key` if the memo holds it or a longer key that
    /// starts with it.
    #[inline]
    pub(super) fn length_of(&self, key: &str) -> Option<usize> {
        match self.key {
            Some((at, len)) if at == key.as_ptr() as usize && key.len() <= len => Some(key.len()),
            _ => None,
        }
    }

    fn start(&mut self, key: &str) {
        // Offsets are kept in 30 bits: a longer key (never a chunk) is not
        // remembered.
        if key.is_empty() || key.len() >= 1 << 29 {
            self.key = None;
            return;
        }
        self.key = Some((key.as_ptr() as usize, key.len()));
        self.reading = self.reading.wrapping_add(1);
        if self.reading == 0 {
            // Every number has been used: clear the tables once.
            self.tokens.clear();
            self.words.clear();
            self.cardinal_at.clear();
            self.reading = 1;
        }
        if self.tokens.len() < key.len() {
            self.tokens.resize(key.len(), (0, 0));
            self.words.resize(key.len(), (0, 0, 0));
            self.cardinal_at.resize(key.len(), (0, 0, 0));
        }
        self.hits.clear();
        self.cardinals.clear();
    }

    /// The token at `pos` of a key `len` bytes long, if known.
    #[inline]
    pub(super) fn token(&self, pos: usize, len: usize) -> Option<Option<(usize, TokKind)>> {
        let (reading, code) = *self.tokens.get(pos).filter(|_| pos < len)?;
        if reading != self.reading || !self.holds(code >> 2, len) {
            return None;
        }
        let kind = match code & 3 {
            0 => TokKind::Word,
            1 => TokKind::Digits,
            _ => TokKind::Punct,
        };
        Some(match code >> 2 {
            0 => None,
            end => Some((end as usize - 1, kind)),
        })
    }

    pub(super) fn set_token(
        &mut self,
        pos: usize,
        len: usize,
        tok: Option<(usize, TokKind)>,
    ) -> Option<()> {
        let code = match tok {
            _ if pos >= len => return None,
            None => 0,
            Some((end, _)) if !self.holds(end as u32 + 1, len) => return None,
            Some((end, kind)) => {
                let kind = match kind {
                    TokKind::Word => 0,
                    TokKind::Digits => 1,
                    TokKind::Punct => 2,
                };
                (end as u32 + 1) << 2 | kind
            }
        };
        *self.tokens.get_mut(pos)? = (self.reading, code);
        None
    }

    /// Whether a token that ends at `end_1 - 1` (none: `end_1` 0) is the
    /// same in the key and in its head `len` bytes long: the key itself,
    /// or a token that ends far enough before the head's end that nothing
    /// read to end it (a separator and the digits after it: «9،000») lies
    /// beyond. A token that runs past the end of a head is another there.
    #[inline]
    fn holds(&self, end_1: u32, len: usize) -> bool {
        /// The most bytes read past a token's end to end it: an Arabic
        /// comma and four digits.
        const LOOKAHEAD: usize = 8;
        end_1 == 0
            || self.key.is_some_and(|(_, full)| len == full)
            || end_1 as usize + LOOKAHEAD <= len
    }

    #[inline]
    pub(super) fn word(&self, start: usize, end: usize) -> Option<Option<Hit>> {
        // A word is looked up by its letters alone: the length of the key
        // it is read in does not matter.
        match *self.words.get(start)? {
            (r, e, _) if r != self.reading || e as usize != end => None,
            (_, _, 0) => Some(None),
            (_, _, i) => Some(Some(self.hits[i as usize - 1])),
        }
    }

    /// The cardinal at `pos` of `key` (the key read or a head of it), if
    /// known.
    #[inline]
    fn cardinal(&self, key: &str, pos: usize) -> Option<Option<Parsed>> {
        let len = self.length_of(key)?;
        match *self.cardinal_at.get(pos)? {
            (r, l, i) if r == self.reading && l as usize == len => Some(self.cardinals[i as usize]),
            _ => None,
        }
    }

    fn set_cardinal(&mut self, key: &str, pos: usize, found: Option<Parsed>) -> Option<()> {
        let len = u32::try_from(self.length_of(key)?).ok()?;
        let index = u32::try_from(self.cardinals.len()).ok()?;
        let slot = self.cardinal_at.get_mut(pos)?;
        *slot = (self.reading, len, index);
        self.cardinals.push(found);
        None
    }

    pub(super) fn set_word(&mut self, start: usize, end: usize, hit: Option<Hit>) -> Option<()> {
        let index = match hit {
            None => 0,
            Some(h) => {
                self.hits.push(h);
                self.hits.len() as u32
            }
        };
        *self.words.get_mut(start)? = (self.reading, end as u32, index);
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::words::token_at;

    #[test]
    fn a_reading_remembers_tokens_as_they_are_in_each_head_of_its_key() {
        let keys = [
            "عام 5،0001 و 9،000 نقطه في 1,500.75 او 2014،2015",
            "بتاريخ 12/3/2021 الساعه 10:30 وبالعام 1،234،567 دولار",
        ];
        let tokens = |key: &str, pos: usize| token_at(key, pos).map(|t| (t.start, t.end, t.kind));
        for key in keys {
            let heads: Vec<usize> = (0..=key.len())
                .filter(|&n| key.is_char_boundary(n))
                .collect();
            // The whole key read first (the grammars), then its heads; and
            // the heads first, longest last (the dateline), then the key.
            for heads_first in [false, true] {
                read(key, || {
                    let mut order = heads.clone();
                    if !heads_first {
                        order.reverse();
                    }
                    for &n in &order {
                        // A copy is at another address: never remembered.
                        let copy = key[..n].to_owned();
                        for pos in 0..=n {
                            let got = tokens(&key[..n], pos);
                            assert_eq!(got, tokens(&copy, pos), "{key:?}[..{n}] at {pos}");
                        }
                    }
                });
            }
        }
    }

    #[test]
    fn a_reading_inside_another_has_its_own_memo_and_gives_the_outer_one_back() {
        let outer = "في 12 مايو 2021 قتل 3 اشخاص";
        let inner = "بلغ عدد سكانها 1،234،567 نسمه";
        let tokens = |key: &str| -> Vec<_> {
            (0..key.len())
                .filter(|&p| key.is_char_boundary(p))
                .map(|p| token_at(key, p).map(|t| (t.start, t.end, t.kind)))
                .collect()
        };
        let fresh = (tokens(outer), tokens(inner));
        assert!(with_memo(|m| m.is_none()), "no memo outside a reading");
        let (before, nested, after) = read(outer, || {
            let before = tokens(outer);
            let nested = read(inner, || {
                assert!(with_memo(
                    |m| m.is_some_and(|m| m.length_of(inner).is_some())
                ));
                tokens(inner)
            });
            assert!(with_memo(
                |m| m.is_some_and(|m| m.length_of(outer).is_some())
            ));
            (before, nested, tokens(outer))
        });
        assert!(with_memo(|m| m.is_none()), "no memo after the reading");
        assert_eq!(before, fresh.0);
        assert_eq!(after, fresh.0);
        assert_eq!(nested, fresh.1);
        // A reading that panics gives its memo back too.
        let caught = std::panic::catch_unwind(|| read(outer, || panic!("stop")));
        assert!(caught.is_err());
        assert!(with_memo(|m| m.is_none()));
        assert_eq!(read(inner, || tokens(inner)), fresh.1);
    }

    #[test]
    fn each_reading_has_a_serial_number_of_its_own() {
        let key = "في 12 مايو 2021";
        assert_eq!(reading_serial(key), None, "none outside a reading");
        let (first, head, nested) = read(key, || {
            let nested = read("قتل 3 اشخاص", || reading_serial("قتل 3 اشخاص"));
            assert_eq!(reading_serial("قتل 3 اشخاص"), None, "not the key read");
            (reading_serial(key), reading_serial(&key[..6]), nested)
        });
        let second = read(key, || reading_serial(key));
        assert!(first.is_some() && second.is_some() && nested.is_some());
        assert_eq!(head, first, "a head of the key shares its reading");
        assert_ne!(first, second, "the same key read again");
        assert_ne!(first, nested);
    }
}
