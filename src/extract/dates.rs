//! DATE entities: calendar dates in both Gregorian month systems, Hijri
//! dates, numeric dates, ranges, relative dates, times and durations, each
//! with a TIMEX3 value.
//!
//! In: a [`Chunk`] (normalised text, digits already ASCII). Out: DATE
//! candidates pushed onto the list.

use chrono::NaiveDate;

use super::{Candidate, Chunk};

/// Pushes the dates of `chunk` onto `out`.
pub(crate) fn find(_chunk: &Chunk<'_>, _out: &mut Vec<Candidate>) {}

/// A date at the head of a document (a dateline such as «12 مارس 2021»),
/// which relative dates in it resolve against.
pub(crate) fn dateline(_chunk: &Chunk<'_>) -> Option<NaiveDate> {
    None
}
