//! The words and tokens shared by the number and date grammars.
//!
//! In: the matching key of a chunk (see [`crate::normalize::matching_key`]:
//! alef forms folded, ة→ه, ى→ي, ؤ→و, ئ→ي, digits ASCII). Out: tokens with
//! byte ranges of the key (which are the ranges of the normalised text), and
//! the meaning of the words the grammars know.
//!
//! Invariants:
//! - a token never crosses a line break and tokens are separated by at most
//!   one space (the normaliser collapses whitespace runs);
//! - [`lookup()`] sets proclitics (و ف ب ل ك) aside and reports where the word
//!   proper starts, so a span never starts on a clitic; the article ال stays
//!   inside the word proper (it is part of «الثالث», «العام»).
//!
//! The grammars do not tokenise whole chunks: one pass over the key's words
//! ([`triggers_into`]) finds the words of the tables and the digits, and the
//! grammars read tokens around those points only.
//!
//! The parts, by what they hold: what a word means (`meaning.rs`), the
//! word table (`table.rs`), looking a word up with its clitics
//! (`lookup.rs`), the tokens of the key and the value of digits
//! (`tokens.rs`), the memo of one reading (`reading.rs`) and the trigger
//! positions (`triggers.rs`).

mod lookup;
mod meaning;
mod reading;
mod table;
mod tokens;
mod triggers;

pub(super) use lookup::{Hit, lookup, word};
pub(super) use meaning::{Count, DateW, DayPart, Edge, MonthHead, Num, Opener, Unit};
pub(crate) use reading::read;
pub(super) use reading::{reading_serial, remembered_cardinal};
pub(super) use tokens::{
    Digits, REH, Tok, TokKind, is_letter, letter_run, next_token, parse_digits, prev_token,
    token_at,
};
#[cfg(test)]
pub(crate) use triggers::triggers;
pub(super) use triggers::{triggers_from_into, triggers_into};
