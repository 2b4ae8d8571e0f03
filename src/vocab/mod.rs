//! One vocabulary: every word the word lists know, one id, one record of
//! what each stage needs of it; and the embedded tables, generated ahead of
//! time and read in place.
//!
//! In: a word (a matching key, [`crate::normalize::matching_key`]). Out:
//! its [`WordId`], if any list holds it, and its record: which lists hold
//! it ([`flag`]). One hash probe answers every list, where each stage used
//! to keep a `HashMap<&str, _>` of its own, built at startup.
//!
//! # The tables
//!
//! The tables are generated from their sources (the word lists and
//! gazetteers under `gazetteers/`, read by the code that defines them) and
//! committed under `gazetteers/tables/`; the library embeds them with
//! `include_bytes!` and reads them in place (the format: [`table`]), so
//! startup parses nothing. `build.rs` fingerprints the sources; a table
//! generated from other sources than this build's (a list edited since) is
//! not used: the library builds it from the sources instead, as the
//! generator would, which gives the same results at the old startup cost.
//! The test `embedded_tables_are_what_the_generator_writes` fails while a
//! table is stale; regenerate with
//!
//! ```sh
//! KASHF_UPDATE_TABLES=1 cargo test --release --lib tables_are_what
//! ```
//!
//! and commit `gazetteers/tables/`.
//!
//! Invariants: word ids are dense (`0..len`), the words sorted by their
//! UTF-8 bytes, so that the table is the same bytes whatever order the
//! lists are read in; a word no list holds has no id and the record of
//! flags 0.

pub(crate) mod table;
mod words;

pub(crate) use words::{Vocab, WordId, flag, has};
