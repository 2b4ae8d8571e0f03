//! Hash maps and sets for the word tables.
//!
//! The keys are words of the text, looked up several times for every word
//! of every document. std's default SipHash resists hash flooding, which a
//! table of fixed words does not need, and was 13 % of the whole
//! pipeline's time (perf, one day of the news corpus); foldhash (the hasher
//! hashbrown itself defaults to) hashes a short word in a few cycles. The
//! seed is fixed, so nothing depends on a random state.

use std::collections::{HashMap, HashSet};

/// The hasher state of every word table.
pub(crate) type Fast = foldhash::fast::FixedState;

/// A map with [`Fast`] hashing.
pub(crate) type FastMap<K, V> = HashMap<K, V, Fast>;

/// A set with [`Fast`] hashing.
pub(crate) type FastSet<K> = HashSet<K, Fast>;
