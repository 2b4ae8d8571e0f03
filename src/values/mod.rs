//! Numbers and dates: the grammars that find NUMBER and DATE entities and
//! give each a normalised value.
//!
//! In: a [`Chunk`] (normalised text and its matching key, digits already
//! ASCII, and the reference date if known). Out: NUMBER and DATE
//! [`Candidate`]s with byte ranges of the normalised text, `source:
//! pattern`, a [`Value`] and a [`Kind`]. Overlaps between them (a number
//! inside a date) are left to the pipeline's resolution, which prefers the
//! date.
//!
//! - [`words`]: the word tables (number words, month names, units, …), the
//!   tokens and the one Aho-Corasick pass that finds where to parse;
//! - [`numbers`]: cardinals, ordinals, fractions and percentages;
//! - [`dates`]: calendar dates, ranges, relative dates, times, durations
//!   and sets, with TIMEX3 values.
//!
//! [`Kind`]: crate::doc::Kind
//! [`Value`]: crate::doc::Value

mod dates;
mod numbers;
mod words;

use crate::doc::{Candidate, Chunk};

pub(crate) use dates::{dateline, mark_after};

/// Pushes the dates and then the numbers of `chunk` onto `out`, parsing at
/// the triggers of its key (put into `triggers` by [`words::triggers_into`]): both
/// grammars read the same words and digits, found once, and each token and
/// table word once ([`words::read`]). A chunk that opens its document
/// (`doc_start`) and has no reference date takes its [`dateline`], found
/// in the same reading.
pub(crate) fn find(
    chunk: &Chunk<'_>,
    doc_start: bool,
    triggers: &mut Vec<usize>,
    out: &mut Vec<Candidate>,
) {
    words::read(chunk.key, || {
        triggers.clear();
        words::triggers_into(chunk.key, chunk.words, triggers);
        let ref_date = match chunk.ref_date {
            None if doc_start => dateline(chunk, triggers),
            known => known,
        };
        let chunk = Chunk { ref_date, ..*chunk };
        dates::find(&chunk, triggers, out);
        numbers::find(&chunk, triggers, out);
    });
}
