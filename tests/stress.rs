//! A stress test, ignored by default (about a minute per round):
//!
//! ```sh
//! cargo test --release --test stress -- --ignored
//! KASHF_STRESS_ROUNDS=20 KASHF_STRESS_SEED=7 cargo test --release --test stress -- --ignored
//! ```
//!
//! Each round writes random documents — Arabic words and names, Latin,
//! digits in three scripts, diacritics, tatweel, presentation forms, bidi
//! and zero-width controls, odd whitespace, NULs and invalid bytes — as a
//! folder of files, as one file of lines and as one JSONL file, and runs
//! every input mode in both formats at one, two and four threads. It
//! checks the exit code (2 exactly when an input was bad), that every
//! good document comes out and no bad one does, that every entity's
//! offsets give its text in the original, sorted and not overlapping, and
//! that the output bytes do not depend on the thread count.

use std::collections::BTreeMap;

use serde_json::Value;

mod common;
use common::{run, stderr};

/// Documents by name: their bytes, and whether each must fail.
type Docs = BTreeMap<String, (Vec<u8>, bool)>;

/// xorshift64*: reproducible without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PIECES: &[&str] = &[
    "موسكو",
    "وبموسكو",
    "القاهرة",
    "الولايات المتحدة",
    "على",
    "قال الرئيس",
    "أنطونيو غوتيريش",
    "محمد بن سلمان",
    "وزارة الخارجية",
    "شركة",
    "ثلاثة آلاف",
    "5 تشرين الثاني/نوفمبر 2020",
    "١٢٣٫٥",
    "۱۲",
    "%",
    "ﻻ ﷲ ﺍﻟﻘﺎﻫﺮﺓ",
    "قالَ الرئيسُ",
    "ـــ",
    "Gazprom",
    "Microsoft",
    "lasted",
    "A380",
    "George V",
    "https://example.com/موسكو",
    "a@b.com",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{A0}",
    "\u{2028}",
    "\u{200F}",
    "\u{200E}",
    "\u{061C}",
    "\u{FEFF}",
    "\u{202A}",
    "\u{202B}",
    "\u{202C}",
    "\u{2066}",
    "\u{2067}",
    "\u{2069}",
    "\u{200B}",
    "\u{200D}",
    "«",
    "»",
    "،",
    ".",
    "؟",
    "(",
    ")",
    "\"",
    "\\",
    "😀",
    "\u{064B}\u{0651}",
];

/// A random document: text, and whether its bytes are bad (invalid UTF-8
/// or a NUL).
fn document(rng: &mut Rng, lines: bool) -> (Vec<u8>, bool) {
    let mut text = String::new();
    for _ in 0..rng.below(60) {
        let piece = rng.pick(PIECES);
        if lines && piece.contains(['\n', '\r', '\u{2028}']) {
            text.push(' ');
        } else {
            text.push_str(piece);
        }
    }
    let mut bytes = text.into_bytes();
    let bad = rng.below(8) == 0;
    if bad {
        let at = rng.below(bytes.len() + 1);
        let junk: &[u8] = [&b"\xff"[..], b"\xc3", b"\xed\xa0\x80", b"\x00"][rng.below(4)];
        bytes.splice(at..at, junk.iter().copied());
    }
    (bytes, bad)
}

/// Checks one output (JSONL or CSV) against the documents it came from,
/// keyed by name, with whether each fails (and so must not come out).
fn check(out: &[u8], csv: bool, docs: &Docs) {
    let mut seen = BTreeMap::new();
    let mut rows: Vec<(String, Value)> = Vec::new();
    if csv {
        let mut r = csv::Reader::from_reader(out);
        for row in r.records() {
            let row = row.unwrap();
            rows.push((
                row[0].to_owned(),
                serde_json::json!({"text": &row[2], "start": row[3].parse::<u64>().unwrap(),
                                   "end": row[4].parse::<u64>().unwrap()}),
            ));
        }
    } else {
        for line in out.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let doc: Value = serde_json::from_slice(line).unwrap();
            let name = doc["doc"].as_str().unwrap().to_owned();
            assert!(seen.insert(name.clone(), ()).is_none(), "{name} twice");
            for e in doc["entities"].as_array().unwrap() {
                rows.push((name.clone(), e.clone()));
            }
        }
        for (name, (_, fails)) in docs {
            assert_eq!(seen.contains_key(name), !fails, "{name}: fails {fails}");
        }
    }
    let mut last: BTreeMap<&str, u64> = BTreeMap::new();
    for (name, e) in &rows {
        let (bytes, fails) = docs
            .get(name)
            .unwrap_or_else(|| panic!("no document {name}"));
        assert!(!fails, "{name} fails but has entities");
        let text = String::from_utf8_lossy(bytes);
        let chars: Vec<char> = text.chars().collect();
        let (s, t) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
        let end = last.entry(name.as_str()).or_insert(0);
        assert!(*end <= s && s < t, "{name}: {e} overlaps or is empty");
        *end = t;
        let slice: String = chars[s as usize..t as usize].iter().collect();
        assert_eq!(slice, e["text"].as_str().unwrap(), "{name}: {e}");
    }
}

fn round(seed: u64) {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("files")).unwrap();
    let (mut files, mut lines, mut records) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    let mut lines_file = Vec::new();
    let mut jsonl_file = Vec::new();
    for i in 0..150 {
        let (bytes, bad) = document(&mut rng, false);
        std::fs::write(root.join(format!("files/{i:03}.txt")), &bytes).unwrap();
        files.insert(format!("files/{i:03}.txt"), (bytes, bad));
        let (bytes, bad) = document(&mut rng, true);
        lines_file.extend(&bytes);
        lines_file.push(b'\n');
        lines.insert(format!("lines.txt:{}", i + 1), (bytes, bad));
        // JSONL: a record of a good text; its bytes are never bad (JSON
        // escapes), but one record in ten is malformed.
        let (bytes, _) = document(&mut rng, false);
        let text = String::from_utf8_lossy(&bytes).replace('\0', " ");
        let malformed = rng.below(10) == 0;
        let mut record = serde_json::json!({"id": format!("r{i}"), "text": text}).to_string();
        if malformed {
            let mut cut = record.len() / 2;
            while !record.is_char_boundary(cut) {
                cut -= 1;
            }
            record.truncate(cut);
        }
        jsonl_file.extend(record.as_bytes());
        jsonl_file.push(b'\n');
        records.insert(format!("r{i}"), (text.into_bytes(), malformed));
    }
    std::fs::write(root.join("lines.txt"), &lines_file).unwrap();
    std::fs::write(root.join("in.jsonl"), &jsonl_file).unwrap();
    let cases: [(&str, &str, &Docs); 3] = [
        ("text", "files", &files),
        ("lines", "lines.txt", &lines),
        ("jsonl", "in.jsonl", &records),
    ];
    for (mode, input, docs) in cases {
        for lossy in [false, true] {
            // What fails: a malformed record; a NUL; a bad byte unless lossy.
            let docs: Docs = docs
                .iter()
                .map(|(k, (b, bad))| {
                    let fails = *bad && (mode == "jsonl" || !lossy || b.contains(&0));
                    (k.clone(), (b.clone(), fails))
                })
                .collect();
            let any_fails = docs.values().any(|(_, fails)| *fails);
            for format in ["jsonl", "csv"] {
                let mut outputs = Vec::new();
                for threads in ["-j1", "-j2", "-j4"] {
                    let mut args = vec!["extract", "-q", threads, "--input", mode];
                    args.extend(["--format", format]);
                    if lossy {
                        args.push("--lossy");
                    }
                    args.push(input);
                    let out = run(root, &args, b"");
                    assert_eq!(
                        out.status.code(),
                        Some(if any_fails { 2 } else { 0 }),
                        "seed {seed} {args:?}: {}",
                        stderr(&out)
                    );
                    outputs.push(out.stdout);
                }
                assert!(
                    outputs.windows(2).all(|w| w[0] == w[1]),
                    "seed {seed} {mode} {format}: output depends on the thread count"
                );
                check(&outputs[0], format == "csv", &docs);
            }
        }
    }
}

#[test]
#[ignore = "a stress test: cargo test --release --test stress -- --ignored"]
fn random_documents_through_every_mode_and_format() {
    let seed: u64 = std::env::var("KASHF_STRESS_SEED").map_or(1, |s| s.parse().unwrap());
    let rounds: u64 = std::env::var("KASHF_STRESS_ROUNDS").map_or(3, |s| s.parse().unwrap());
    for r in 0..rounds {
        round(seed + r);
    }
}
