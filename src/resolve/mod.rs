//! Resolution: which entity each name found in a document is.
//!
//! In: the resolved (sorted, non-overlapping) candidates of one chunk, after
//! the finders and again after the tagger. Out: the same candidates, where
//! the mentions of one person share the `norm` and `id` of its full name
//! ([`link`]: a surname alone, another spelling of a first name), and words
//! no finder claimed that are such a surname become people.
//!
//! Linking a name to a gazetteer entry by exact spelling, alias or
//! transliteration variant happens in the gazetteer's matcher
//! ([`crate::gazetteer`]); linking across the documents of a corpus would
//! belong here too.

pub(crate) mod link;
