//! kashf (كشف, "uncovering") finds the people, places, organisations,
//! numbers and dates in Arabic text, with offsets into the original text and
//! values you can sort and join on.
//!
//! The modules follow the pipeline, in the order data flows:
//!
//! 1. [`normalize`]: fold alef and ya variants, diacritics, tatweel, digits,
//!    presentation forms and invisible marks, keeping an offset map back to
//!    the original;
//! 2. [`gazetteer`]: find known names (embedded and user gazetteers),
//!    clitic-aware, on the matching key;
//! 3. [`extract`]: run every finder (gazetteers, context rules, numbers,
//!    dates, linking), resolve overlaps, let the learned tagger
//!    ([`tagger`], a [`Model`] embedded or trained with
//!    [`Extractor::train`]) make the final call on names, and map spans
//!    back to the original as [`Entity`] values; the finders it runs have
//!    modules of their own ([`gazetteer`], `rules`, `values`, `resolve`),
//!    and the word tables they share are in `vocab`;
//! 4. [`output`]: write entities as JSONL, CSV, CoNLL or an HTML page.
//!
//! [`input`] reads files, folders and streams (encodings, binary files,
//! chunking of huge files) for the command-line tool.
//!
//! # Layers
//!
//! Each module imports only from the modules on the lines above its own,
//! never from one below it or beside it on its line, so that each can be
//! read and tested with only what is above it in mind. This list is the
//! one place the order is written; `tests/layers.rs` reads it from here and
//! fails on an import that goes the other way (tests inside a module may
//! still run the whole pipeline).
//!
//! ```text
//! error, hash    errors with a path and a line; the fast hash maps
//! doc            the shared vocabulary: Label, Entity, Candidate, Chunk, …
//! normalize      stage 1: folds and the offset map back to the original
//! vocab          the word tables stages share: lexicons, known-word bits
//! values         numbers and dates, with their normalised values
//! gazetteer      stage 2: known names, exact spellings and variants
//! rules          context rules: people, places, organisations
//! tagger         the learned tagger: features, model, decoding, training
//! resolve        which entity a name is: gazetteer lookups, in-document links
//! extract        stage 3: the finders, the tagger and linking, in order
//! output         writers: JSONL, CSV, CoNLL, the HTML view
//! input          files, folders and streams, as documents and chunks
//! eval           gold formats and scoring against them
//! train          tagger models trained on gold documents
//! ```
//!
//! # Examples
//!
//! ```
//! use kashf::{Extractor, Label};
//!
//! let extractor = Extractor::builder().build()?;
//! let text = "وصل الرئيسُ إلى مـوسكو.";
//! let entities = extractor.extract(text);
//! let moscow = &entities[0];
//! assert_eq!(moscow.label, Label::Place);
//! assert_eq!(moscow.text, "مـوسكو");
//! assert_eq!(moscow.norm, "موسكو");
//! // Offsets count code points of the original text, tatweel included.
//! let chars: Vec<char> = text.chars().collect();
//! assert_eq!(chars[moscow.start..moscow.end].iter().collect::<String>(), "مـوسكو");
//! # Ok::<(), kashf::Error>(())
//! ```

pub mod doc;
pub mod error;
pub mod eval;
pub mod extract;
pub mod gazetteer;
mod hash;
pub mod input;
pub mod normalize;
pub mod output;
mod resolve;
mod rules;
pub mod tagger;
mod train;
mod values;
mod vocab;

pub use doc::{Entity, HijriCalendar, Kind, Label, Link, Source, Value};
pub use error::{Error, ErrorKind, Result};
pub use extract::{Extractor, ExtractorBuilder, Model};
pub use resolve::corpus;
