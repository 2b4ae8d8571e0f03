//! Resolution: which entity each name found in a document is.
//!
//! In: the resolved (sorted, non-overlapping) candidates of one chunk, after
//! the finders and again after the tagger. Out: the same candidates, where
//! 1. every person, place and organisation that no finder linked is looked
//!    up in the gazetteers, whatever found it ([`entity`]: exact key,
//!    alias, variant key, then a bounded edit distance for long names), and
//!    takes the entry's `id` and name with `link` saying how, unless a
//!    guard of this stage ([`guards`]) says the name is not that entry
//!    where it stands;
//! 2. the mentions of one person share the `norm` and `id` of its full
//!    name ([`link`]: a surname alone, another spelling of a first name),
//!    and words no finder claimed that are such a surname become people.
//!
//! The gazetteer matcher links the names it finds itself (exact, alias,
//! variant); the spellings' lookups and the variant guards live in
//! [`crate::gazetteer`], one place for both.
//!
//! Linking across the documents of a corpus ([`corpus`]) runs after
//! extraction, over its output: the spellings of one unseen name gathered
//! into one cluster.

pub mod corpus;
pub(crate) mod entity;
mod guards;
pub(crate) mod link;
