//! Fingerprints what the embedded tables (`gazetteers/tables/`) are
//! generated from, so that the library can tell whether the tables it
//! embeds are still what the generator would write (see `src/vocab/`).
//!
//! A table's fingerprint is a 64-bit hash of the path and bytes of every
//! input file, in path order, passed to the crate in an environment
//! variable. Cargo reruns this script when any of them changes. Nothing here reads the
//! network or writes outside `OUT_DIR` (it writes nothing at all).

use std::fs;
use std::path::{Path, PathBuf};

/// The embedded gazetteers.
const GAZETTEERS: &[&str] = &[
    "gazetteers/countries.tsv",
    "gazetteers/regions.tsv",
    "gazetteers/cities.tsv",
    "gazetteers/organizations.tsv",
    "gazetteers/people.tsv",
    "gazetteers/localities.tsv",
    "gazetteers/figures.tsv",
];

/// What the vocabulary is made from: the word lists, the rules' lists and
/// their bits (the nationalities come from the countries, the keys from
/// the normaliser), and the words of the clusters.
const VOCABULARY: &[&str] = &[
    "gazetteers/countries.tsv",
    "gazetteers/frequent-words.txt",
    "gazetteers/model/clusters.tsv",
    "gazetteers/name-words.txt",
    "gazetteers/names/first-names.txt",
    "gazetteers/names/name-tokens.txt",
    "gazetteers/names/common-words.txt",
    "gazetteers/names/weak-name-tokens.txt",
    "src/normalize.rs",
    "src/vocab/lists.rs",
    "src/vocab/mod.rs",
    "src/vocab/table.rs",
    "src/vocab/words.rs",
];

/// The code that turns the gazetteers into the matcher's table (the
/// parser, the matching key, the variant keys and which entries have
/// them, the table's format); not the matcher's guards, which read the
/// table.
const GAZETTEER_CODE: &[&str] = &[
    "src/gazetteer/mod.rs",
    "src/gazetteer/skeleton.rs",
    "src/gazetteer/table.rs",
    "src/normalize.rs",
    "src/vocab/table.rs",
];

/// Each table, and the files and folders (all files below, recursively)
/// it is made from, as groups whose union counts: the data, and the code
/// that turns it into the table. The fingerprint of table `NAME` is
/// `KASHF_TABLE_INPUTS_NAME`.
const TABLES: &[(&str, &[&[&str]])] = &[
    ("WORDS", &[VOCABULARY]),
    // The embedded model's scored words: the model, the clusters, every
    // list a word's lexicon bits and flags come from, and the code that
    // turns a word into features and sums their weights; every input of
    // the vocabulary too, whose word ids the table is indexed by.
    (
        "TAGGER",
        &[
            VOCABULARY,
            &[
                "gazetteers/model",
                "src/vocab",
                "src/tagger/features.rs",
                "src/tagger/model.rs",
                "src/tagger/news.rs",
                "src/tagger/stack.rs",
                "src/tagger/words.rs",
            ],
        ],
    ),
    // The embedded gazetteers' matcher.
    ("GAZETTEER", &[GAZETTEERS, GAZETTEER_CODE]),
    // The embedded gazetteers' patterns over word ids: every input of the
    // gazetteer table (whose pattern numbers it holds) and of the
    // vocabulary (whose word ids it is keyed by), the proclitics
    // (`bounds.rs`), how the key is cut into words (`doc.rs`) and the
    // code that writes the trie.
    (
        "GAZETTEER_IDS",
        &[
            GAZETTEERS,
            GAZETTEER_CODE,
            VOCABULARY,
            &[
                "src/doc.rs",
                "src/gazetteer/bounds.rs",
                "src/gazetteer/id_trie.rs",
                "src/vocab",
            ],
        ],
    ),
];

fn files(root: &Path, rel: &str, out: &mut Vec<(String, PathBuf)>) {
    let path = root.join(rel);
    if path.is_dir() {
        let mut names: Vec<String> = fs::read_dir(&path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .map(|e| {
                e.expect("a folder entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        for name in names {
            files(root, &format!("{rel}/{name}"), out);
        }
    } else if path.is_file() {
        out.push((rel.to_owned(), path));
    }
}

/// FxHash-style mixing, eight bytes at a time; stable across platforms.
fn mix(h: u64, w: u64) -> u64 {
    (h.rotate_left(26) ^ w).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

fn hash_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, u64::from_le_bytes(c.try_into().expect("8 bytes")));
    }
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    mix(mix(h, u64::from_le_bytes(last)), bytes.len() as u64)
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    for (name, inputs) in TABLES {
        let mut all = Vec::new();
        for rel in inputs.iter().copied().flatten() {
            println!("cargo::rerun-if-changed={rel}");
            files(&root, rel, &mut all);
        }
        // A file two groups name (or a folder and a file in it) counts once.
        all.sort();
        all.dedup();
        let mut h = 0;
        for (rel, path) in &all {
            let bytes = fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            h = hash_bytes(hash_bytes(h, rel.as_bytes()), &bytes);
        }
        println!("cargo::rustc-env=KASHF_TABLE_INPUTS_{name}={h:016x}");
    }
    println!("cargo::rerun-if-changed=build.rs");
}
