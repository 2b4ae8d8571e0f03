//! NUMBER entities: digits in every script, number words, percentages,
//! fractions and ordinals, each with its value.
//!
//! In: a [`Chunk`] (normalised text, digits already ASCII). Out: NUMBER
//! candidates pushed onto the list.

use super::{Candidate, Chunk};

/// Pushes the numbers of `chunk` onto `out`.
pub(crate) fn find(_chunk: &Chunk<'_>, _out: &mut Vec<Candidate>) {}
