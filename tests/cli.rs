//! The `kashf` binary, run in temporary folders: folders, every stdin mode,
//! both formats, `-o`, bad inputs, a closed pipe, and thread counts.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

mod common;
use common::{assert_offsets, jsonl, kashf, run, stderr, stdout};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/news")
}

/// A folder with nested text files, a file the glob skips, and a file with
/// a known place.
fn news_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("b/nested")).unwrap();
    std::fs::write(root.join("a.txt"), "زار الوزير مُوسكو أمس.").unwrap();
    std::fs::write(root.join("b/nested/c.txt"), "من القاهرة إلى كييف").unwrap();
    std::fs::write(root.join("b/skip.md"), "موسكو").unwrap();
    dir
}

#[test]
fn folder_to_jsonl_in_sorted_order() {
    let dir = news_folder();
    let out = run(dir.path(), &["extract", "."], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = jsonl(&out);
    let names: Vec<&str> = docs.iter().map(|d| d["doc"].as_str().unwrap()).collect();
    assert_eq!(names, ["./a.txt", "./b/nested/c.txt"]);
    let a = &docs[0]["entities"][0];
    assert_eq!(a["text"], "مُوسكو");
    assert_eq!(a["norm"], "موسكو");
    assert_eq!(a["label"], "PLACE");
    assert_offsets("زار الوزير مُوسكو أمس.", &docs[0]);
    let places: Vec<&str> = docs[1]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["label"] == "PLACE")
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert_eq!(places, ["القاهرة", "كييف"]);
}

#[test]
fn glob_chooses_files_in_folders() {
    let dir = news_folder();
    let out = run(dir.path(), &["extract", "--glob", "*.md", "b"], b"");
    assert!(out.status.success());
    let docs = jsonl(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["doc"], "b/skip.md");
    // A file named on the command line is read whatever the glob.
    let out = run(dir.path(), &["extract", "b/skip.md"], b"");
    assert_eq!(jsonl(&out).len(), 1);
}

#[test]
fn csv_has_header_and_one_row_per_entity() {
    let dir = news_folder();
    let out = run(dir.path(), &["extract", "--format", "csv", "."], b"");
    assert!(out.status.success());
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(
        r.headers().unwrap(),
        vec![
            "doc", "label", "text", "start", "end", "norm", "value", "kind", "id", "source", "link"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let labels: Vec<&str> = rows.iter().map(|r| &r[1]).collect();
    assert_eq!(labels, ["PLACE", "DATE", "PLACE", "PLACE"]);
    assert_eq!(&rows[0][0], "./a.txt");
    assert_eq!(&rows[0][2], "مُوسكو");
    let extractor = kashf::Extractor::builder().build().unwrap();
    let moscow = extractor.matcher().lookup("موسكو").unwrap().entry;
    assert_eq!(&rows[0][8], &*moscow.id);
    // How the name was resolved; empty for a date.
    assert_eq!((&rows[0][10], &rows[1][10]), ("exact", ""));
}

#[test]
fn stdin_modes() {
    let dir = tempfile::tempdir().unwrap();
    // text: the whole stream is one document.
    let out = run(dir.path(), &["extract"], "موسكو\nكييف\n".as_bytes());
    let docs = jsonl(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["doc"], "stdin");
    assert_eq!(docs[0]["entities"][1]["start"], 6);
    // `-` is stdin too.
    let out = run(dir.path(), &["extract", "-"], "موسكو".as_bytes());
    assert_eq!(jsonl(&out)[0]["doc"], "stdin");
    // lines: one document per line.
    let out = run(
        dir.path(),
        &["extract", "--input", "lines"],
        "موسكو\n\nكييف".as_bytes(),
    );
    let docs = jsonl(&out);
    let names: Vec<&str> = docs.iter().map(|d| d["doc"].as_str().unwrap()).collect();
    assert_eq!(names, ["stdin:1", "stdin:2", "stdin:3"]);
    assert_eq!(docs[2]["entities"][0]["start"], 0);
    // jsonl: id echoed as doc, other fields copied, text not echoed.
    let input = "{\"id\": 42, \"text\": \"في كييف\", \"lang\": \"ar\"}\n{\"text\": \"موسكو\"}\n";
    let out = run(
        dir.path(),
        &["extract", "--input", "jsonl"],
        input.as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = jsonl(&out);
    assert_eq!(docs[0]["doc"], 42);
    assert_eq!(docs[0]["lang"], "ar");
    assert!(docs[0].get("text").is_none());
    assert_eq!(docs[0]["entities"][0]["start"], 3);
    assert_eq!(docs[1]["doc"], "stdin:2");
}

#[test]
fn malformed_jsonl_line_is_reported_and_the_rest_processed() {
    let dir = tempfile::tempdir().unwrap();
    let input = "{\"text\": \"موسكو\"}\n{\"text\": \n{\"id\": 3}\n{\"text\": \"كييف\"}\n";
    let out = run(
        dir.path(),
        &["extract", "--input", "jsonl"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("stdin:2: malformed JSON"), "{err}");
    assert!(err.contains("stdin:3: no \"text\" field"), "{err}");
    let names: Vec<String> = jsonl(&out).iter().map(|d| d["doc"].to_string()).collect();
    assert_eq!(names, ["\"stdin:1\"", "\"stdin:4\""]);
}

#[test]
fn output_file_is_written_whole() {
    let dir = news_folder();
    let out = run(dir.path(), &["extract", ".", "-o", "out.jsonl"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    assert_eq!(written.lines().count(), 2);
    // No temporary file left behind.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".kashf-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    // A folder that does not exist is a configuration error.
    let out = run(
        dir.path(),
        &["extract", ".", "-o", "no/such/dir/out.jsonl"],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no/such/dir"), "{}", stderr(&out));
}

#[test]
fn bad_files_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("1-good.txt"), "موسكو").unwrap();
    std::fs::write(root.join("2-bad.txt"), b"\xd9\x85\xd9\x88 \xff\xfe end").unwrap();
    std::fs::write(root.join("3-binary.txt"), b"\x7fELF\x00\x01\x02").unwrap();
    std::fs::write(root.join("4-empty.txt"), b"").unwrap();
    std::fs::write(root.join("5-good.txt"), "كييف").unwrap();
    let out = run(root, &["extract", ".", "missing.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("2-bad.txt: invalid UTF-8 at byte 5"), "{err}");
    assert!(
        err.contains("3-binary.txt: binary file (NUL byte at byte 4)"),
        "{err}"
    );
    assert!(err.contains("missing.txt"), "{err}");
    let docs = jsonl(&out);
    let names: Vec<&str> = docs.iter().map(|d| d["doc"].as_str().unwrap()).collect();
    assert_eq!(names, ["./1-good.txt", "./4-empty.txt", "./5-good.txt"]);
    assert_eq!(docs[1]["entities"], Value::Array(vec![]));
    // A dangling link in a folder is reported like an unreadable file.
    std::os::unix::fs::symlink(root.join("nowhere.txt"), root.join("6-link.txt")).unwrap();
    let out = run(root, &["extract", "-q", "."], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("6-link.txt"), "{}", stderr(&out));
    assert_eq!(jsonl(&out).len(), 3);
    // --lossy reads the bad file.
    let out = run(root, &["extract", "--lossy", "2-bad.txt"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(jsonl(&out).len(), 1);
}

#[test]
fn legacy_and_utf16_encodings() {
    let dir = tempfile::tempdir().unwrap();
    // "في موسكو" in Windows-1256.
    let cp1256 = [0xdd, 0xed, 0x20, 0xe3, 0xe6, 0xd3, 0xdf, 0xe6];
    std::fs::write(dir.path().join("old.txt"), cp1256).unwrap();
    let out = run(dir.path(), &["extract", "old.txt"], b"");
    assert_eq!(out.status.code(), Some(2), "UTF-8 by default");
    let out = run(
        dir.path(),
        &["extract", "--encoding", "windows-1256", "old.txt"],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let e = &jsonl(&out)[0]["entities"][0];
    assert_eq!(
        (e["text"].as_str(), e["start"].as_u64()),
        (Some("موسكو"), Some(3))
    );
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend("في موسكو".encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.path().join("wide.txt"), utf16).unwrap();
    let out = run(dir.path(), &["extract", "wide.txt"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(jsonl(&out)[0]["entities"][0]["start"], 3);
}

#[test]
fn closed_stdout_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let lines = "زار الوزير موسكو ثم كييف.\n".repeat(200_000);
    std::fs::write(dir.path().join("big.txt"), &lines).unwrap();
    let mut child = kashf()
        .args(["extract", "--input", "lines", "big.txt"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
}

#[test]
fn output_is_identical_for_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let docs = std::fs::read_dir(fixtures()).unwrap().count();
    for (i, entry) in std::fs::read_dir(fixtures()).unwrap().enumerate() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for copy in 0..30 {
            std::fs::write(dir.path().join(format!("{copy:02}-{i}.txt")), &text).unwrap();
        }
    }
    // A multi-chunk document too.
    let para = std::fs::read_to_string(fixtures().join("01-ukraine.txt")).unwrap();
    std::fs::write(dir.path().join("zz-big.txt"), para.repeat(3000)).unwrap();
    let one = run(dir.path(), &["extract", "-j1", "."], b"");
    let two = run(dir.path(), &["extract", "-j2", "."], b"");
    let four = run(
        dir.path(),
        &["extract", "--threads", "4", "--format", "csv", "."],
        b"",
    );
    let four_one = run(dir.path(), &["extract", "-j1", "--format", "csv", "."], b"");
    assert!(one.status.success() && two.status.success());
    assert_eq!(jsonl(&one).len(), docs * 30 + 1);
    assert!(one.stdout == two.stdout, "-j1 and -j2 differ");
    assert!(four.stdout == four_one.stdout, "CSV -j4 and -j1 differ");
}

#[test]
fn huge_file_is_processed_in_chunks_with_file_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let filler = "كلام عادي بلا أسماء.\n".repeat(500_000); // ~12 MB, several chunks
    let text = format!("{filler}وفي النهاية زار موسكو.");
    std::fs::write(dir.path().join("huge.txt"), &text).unwrap();
    let out = run(dir.path(), &["extract", "huge.txt"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = jsonl(&out);
    assert_eq!(docs.len(), 1);
    let e = &docs[0]["entities"][0];
    assert_eq!(e["text"], "موسكو");
    assert_eq!(
        e["start"].as_u64().unwrap() as usize,
        filler.chars().count() + 16
    );
    // A bad byte at the very end skips the whole file: nothing half-written.
    let mut bad = text.into_bytes();
    bad.push(0xff);
    std::fs::write(dir.path().join("huge.txt"), &bad).unwrap();
    let out = run(dir.path(), &["extract", "huge.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        stderr(&out).contains(&format!("invalid UTF-8 at byte {}", bad.len() - 1)),
        "{}",
        stderr(&out)
    );
}

#[test]
fn named_pipe_is_streamed() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, "في موسكو").unwrap())
    };
    let out = run(dir.path(), &["extract", "pipe.txt"], b"");
    writer.join().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(jsonl(&out)[0]["entities"][0]["start"], 3);
}

#[test]
fn enormous_line_in_lines_mode() {
    let dir = tempfile::tempdir().unwrap();
    let line = "كلمة ".repeat(600_000) + "موسكو";
    let input = format!("كييف\n{line}\nدمشق\n");
    let out = run(
        dir.path(),
        &["extract", "--input", "lines"],
        input.as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = jsonl(&out);
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[1]["entities"][0]["start"], 600_000 * 5);
}

#[test]
fn stats_and_usage_errors() {
    let dir = news_folder();
    let out = run(dir.path(), &["extract", "--stats", "-q", "."], b"");
    let err = stderr(&out);
    assert!(err.contains("2 documents"), "{err}");
    assert!(err.contains("PLACE=3"), "{err}");
    assert!(err.contains("MB/s"), "{err}");
    let out = run(
        dir.path(),
        &["extract", "--ref-date", "2020-13-01", "."],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("YYYY-MM-DD"), "{}", stderr(&out));
    let out = run(dir.path(), &["extract", "--no-such-flag"], b"");
    assert_eq!(out.status.code(), Some(1));
    let out = run(dir.path(), &["extract", "--help"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("--input"));
}

#[test]
fn user_gazetteers() {
    let dir = news_folder();
    let g = "id\tlabel\tname\tvariants\tattrs\nkashf:test:1\tPLACE\tباخموت\tبخموت\ten=Bakhmut\n";
    std::fs::write(dir.path().join("mine.tsv"), g).unwrap();
    let out = run(
        dir.path(),
        &[
            "extract",
            "--gazetteer",
            "mine.tsv",
            "--no-default-gazetteers",
        ],
        "في بخموت وموسكو".as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = jsonl(&out);
    // No default gazetteers: only the user's name has an id («موسكو»
    // may still be found by the tagger, without one).
    let ents: Vec<_> = docs[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| !e["id"].is_null())
        .collect();
    assert_eq!(ents.len(), 1, "{ents:?}");
    assert_eq!(ents[0]["norm"], "باخموت");
    assert_eq!(ents[0]["id"], "kashf:test:1");
    // A malformed row is a configuration error naming file and line.
    std::fs::write(
        dir.path().join("bad.tsv"),
        "id\tlabel\tname\tvariants\tattrs\nx\tTOWN\tا\t\t\n",
    )
    .unwrap();
    let out = run(dir.path(), &["extract", "--gazetteer", "bad.tsv", "."], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("bad.tsv:2: bad label \"TOWN\""),
        "{}",
        stderr(&out)
    );
    let out = run(
        dir.path(),
        &["gazetteer", "check", "bad.tsv", "mine.tsv"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("mine.tsv: ok, 1 entries, 2 spellings"));
    let out = run(
        dir.path(),
        &["gazetteer", "lookup", "--gazetteer", "mine.tsv", "بخموت"],
        b"",
    );
    assert!(stdout(&out).contains("id=kashf:test:1"), "{}", stdout(&out));
}

#[test]
fn normalize_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["normalize"], "قالَ  إنّ ١٥ ﻻ\nمؤسسة".as_bytes());
    assert!(out.status.success());
    assert_eq!(stdout(&out), "قال ان 15 لا\nمؤسسة");
    let out = run(
        dir.path(),
        &["normalize", "--no-digits", "--key"],
        "مؤسسة ١٥\n".as_bytes(),
    );
    assert_eq!(stdout(&out), "موسسه ١٥\n");
}

#[test]
fn every_name_is_resolved_whatever_found_it() {
    // A typo of a country's name the tagger finds, a transliteration
    // variant, an exact name: `link` says how, `source` who found it.
    let dir = tempfile::tempdir().unwrap();
    let text = "وصل الوفد إلى موريتنيا أمس وقال شويجو إن موسكو ترفض.";
    let out = run(dir.path(), &["extract"], text.as_bytes());
    assert!(out.status.success());
    let docs = jsonl(&out);
    let got: Vec<(&str, &str, &str, &str)> = docs[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["label"] != "DATE")
        .map(|e| {
            (
                e["text"].as_str().unwrap(),
                e["norm"].as_str().unwrap(),
                e["source"].as_str().unwrap(),
                e["link"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("موريتنيا", "موريتانيا", "model", "fuzzy"),
            ("شويجو", "سيرغي شويغو", "variant", "variant"),
            ("موسكو", "موسكو", "gazetteer", "exact"),
        ]
    );
}

/// A folder with the articles of `fixtures/corpus` (one person and one
/// place the gazetteers do not know, four spellings each) and their JSONL
/// as `kashf extract` writes it, `ex.jsonl`.
fn corpus_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus");
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    let out = run(dir.path(), &["extract", "-q", ".", "-o", "ex.jsonl"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

/// (doc, start) → the entity, of every entity of a JSONL output.
fn by_place(docs: &[Value]) -> std::collections::BTreeMap<(String, u64), Value> {
    docs.iter()
        .flat_map(|d| {
            d["entities"].as_array().unwrap().iter().map(move |e| {
                let key = (
                    d["doc"].as_str().unwrap().to_owned(),
                    e["start"].as_u64().unwrap(),
                );
                (key, e.clone())
            })
        })
        .collect()
}

#[test]
fn link_gathers_the_spellings_of_unseen_names_across_documents() {
    let dir = corpus_folder();
    let before = jsonl(&run(dir.path(), &["extract", "-q", "."], b""));
    let out = run(dir.path(), &["link", "ex.jsonl"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let after = jsonl(&out);
    assert_eq!(after.len(), 4);
    let (before, after) = (by_place(&before), by_place(&after));
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    let mut ids = std::collections::BTreeMap::new();
    for (at, e) in &after {
        let was = &before[at];
        if e["link"] == "corpus" {
            // Only an unseen name changes: its id, norm and link.
            assert!(was["id"].is_null() && was["link"].is_null(), "{was}");
            for field in ["label", "text", "start", "end", "source"] {
                assert_eq!(e[field], was[field], "{e}");
            }
            assert!(e["id"].as_str().unwrap().starts_with("kashf:auto:"), "{e}");
            ids.entry(e["id"].as_str().unwrap().to_owned())
                .or_insert_with(Vec::new)
                .push((e["text"].as_str().unwrap().to_owned(), e["norm"].clone()));
        } else {
            assert_eq!(e, was);
        }
    }
    let vardanyan = ids
        .values()
        .find(|ms| ms.iter().any(|(t, _)| t == "روبين فردنيان"))
        .expect("a cluster of Vardanyan's spellings");
    let mut spellings: Vec<&str> = vardanyan.iter().map(|(t, _)| t.as_str()).collect();
    spellings.sort_unstable();
    spellings.dedup();
    assert_eq!(
        spellings,
        [
            "روبن فاردانيان",
            "روبن فردانيان",
            "روبين فاردانيان",
            "روبين فردنيان",
            "فردانيان"
        ]
    );
    // Its most frequent spelling (twice, as «روبن فردانيان» with the surname
    // linked to it; the first in code-point order) is the norm of all.
    assert!(
        vardanyan.iter().all(|(_, n)| n == "روبن فاردانيان"),
        "{vardanyan:?}"
    );

    // Standard input, and extract --link-corpus at any thread count, give
    // the same bytes.
    let ex = std::fs::read(dir.path().join("ex.jsonl")).unwrap();
    let piped = run(dir.path(), &["link"], &ex);
    assert_eq!(stdout(&piped), stdout(&out));
    for j in ["1", "2"] {
        let once = run(
            dir.path(),
            &["extract", "-q", "-j", j, "--link-corpus", "."],
            b"",
        );
        assert!(once.status.success(), "{}", stderr(&once));
        assert_eq!(stdout(&once), stdout(&out), "-j{j}");
    }
}

#[test]
fn link_ids_do_not_depend_on_the_order_of_documents() {
    let dir = corpus_folder();
    let ex = std::fs::read_to_string(dir.path().join("ex.jsonl")).unwrap();
    let mut names = Vec::new();
    for (i, line) in ex.lines().enumerate() {
        let name = format!("d{i}.jsonl");
        std::fs::write(dir.path().join(&name), format!("{line}\n")).unwrap();
        names.push(name);
    }
    let forward: Vec<&str> = names.iter().map(String::as_str).collect();
    let backward: Vec<&str> = forward.iter().rev().copied().collect();
    let ids = |files: &[&str]| {
        let mut args = vec!["link"];
        args.extend_from_slice(files);
        let out = run(dir.path(), &args, b"");
        assert!(out.status.success(), "{}", stderr(&out));
        by_place(&jsonl(&out))
            .into_iter()
            .map(|(at, e)| (at, e["id"].clone(), e["norm"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&forward), ids(&backward));
}

#[test]
fn link_names_a_bad_record_and_goes_on() {
    let dir = corpus_folder();
    let ex = std::fs::read_to_string(dir.path().join("ex.jsonl")).unwrap();
    let lines: Vec<&str> = ex.lines().collect();
    let bad = format!(
        "{}\n{{\"text\": \"not ours\"}}\n{}\n",
        lines[0],
        lines[1..].join("\n")
    );
    std::fs::write(dir.path().join("bad.jsonl"), bad).unwrap();
    let out = run(dir.path(), &["link", "bad.jsonl", "missing.jsonl"], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("bad.jsonl:2: not a record of kashf's JSONL"),
        "{err}"
    );
    assert!(err.contains("missing.jsonl"), "{err}");
    // Every good record is written, linked.
    let docs = jsonl(&out);
    assert_eq!(docs.len(), 4);
    assert!(stdout(&out).contains("\"link\":\"corpus\""));
}

#[test]
fn link_writes_csv_and_extract_link_corpus_refuses_other_formats() {
    let dir = corpus_folder();
    let out = run(dir.path(), &["link", "--format", "csv", "ex.jsonl"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(r.headers().unwrap().iter().next_back(), Some("link"));
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert!(
        rows.iter()
            .any(|r| &r[2] == "روبوتينه" && &r[10] == "corpus")
    );
    let out = run(
        dir.path(),
        &["extract", "--link-corpus", "--format", "conll", "."],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--link-corpus writes JSONL or CSV"));
}

#[test]
fn variants_from_standard_input_have_their_examples() {
    let dir = corpus_folder();
    let from_files = stdout(&run(dir.path(), &["variants", "-q", "."], b""));
    let rows = |tsv: &str| -> Vec<Vec<String>> {
        tsv.lines()
            .skip(1)
            .map(|l| l.split('\t').map(str::to_owned).collect())
            .collect()
    };
    // (id, spelling, count, example) of each row.
    let report = |tsv: &str| -> Vec<[String; 4]> {
        rows(tsv)
            .into_iter()
            .map(|r| [r[0].clone(), r[4].clone(), r[5].clone(), r[7].clone()])
            .collect()
    };
    // The four articles as JSONL records on standard input: named by
    // their ids, which name no file; the examples come from the text read.
    let mut records = String::new();
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    for name in &names {
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
        let record = serde_json::json!({"id": format!("./{name}"), "text": text});
        records += &format!("{record}\n");
    }
    let out = run(
        dir.path(),
        &["variants", "-q", "--input", "jsonl", "-"],
        records.as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let from_stdin = stdout(&out);
    assert_eq!(report(&from_stdin), report(&from_files));
    assert!(
        rows(&from_stdin).iter().all(|r| r[7].contains('[')),
        "every spelling has an example: {from_stdin}"
    );
    // One article as plain text on standard input.
    let text = std::fs::read(dir.path().join("01-karabakh.txt")).unwrap();
    let out = run(dir.path(), &["variants", "-q"], &text);
    assert!(out.status.success(), "{}", stderr(&out));
    let tsv = stdout(&out);
    let karabakh = rows(&tsv)
        .into_iter()
        .find(|r| r[4] == "كاراباخ")
        .unwrap_or_else(|| panic!("{tsv}"));
    assert_eq!(karabakh[6], "stdin");
    assert!(karabakh[7].contains("[كاراباخ]"), "{tsv}");
}

#[test]
fn variants_as_html_is_one_page_of_the_same_report() {
    let dir = corpus_folder();
    let args = ["variants", "-q", "--min-spellings", "2", "."];
    let tsv = stdout(&run(dir.path(), &args, b""));
    let out = run(
        dir.path(),
        &[&args[..], &["--format", "html", "-o", "v.html"]].concat(),
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let page = std::fs::read_to_string(dir.path().join("v.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
    let rows: Vec<Vec<&str>> = tsv
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    let ids: std::collections::BTreeSet<&str> = rows.iter().map(|r| r[0]).collect();
    assert!(ids.len() >= 3, "{tsv}");
    assert_eq!(page.matches("<tbody class=\"entity\"").count(), ids.len());
    assert!(page.contains(&format!("<p id=\"summary\">{} entities</p>", ids.len())));
    // Every spelling with its count, document and example, the mention
    // marked, in the order of the TSV.
    let mut at = 0;
    for r in &rows {
        let row = format!(
            "<td class=\"spelling\">{}</td><td class=\"n\">{}</td><td class=\"doc\">{}</td>\
             <td class=\"example\">{}</td>",
            r[4],
            r[5],
            r[6],
            r[7].replace('[', "<mark>").replace(']', "</mark>")
        );
        let found = page[at..]
            .find(&row)
            .unwrap_or_else(|| panic!("{row} after {at} in {page}"));
        at += found + row.len();
    }
}

#[test]
fn variants_lists_each_entitys_spellings_with_counts_and_an_example() {
    let dir = corpus_folder();
    let out = run(dir.path(), &["variants", "-q", "."], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let tsv = stdout(&out);
    let mut lines = tsv.lines();
    assert_eq!(
        lines.next(),
        Some("id\tlabel\tnorm\tmentions\tspelling\tcount\tdoc\texample")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 8), "{tsv}");
    // Most mentions first.
    let mentions: Vec<u64> = rows.iter().map(|r| r[3].parse().unwrap()).collect();
    assert!(mentions.windows(2).all(|w| w[0] >= w[1]), "{tsv}");
    let karabakh: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| r[0] == "kashf:region:az-karabakh")
        .map(|r| (r[4], r[5]))
        .collect();
    assert_eq!(
        karabakh,
        [
            ("قره باغ", "2"),
            ("كاراباخ", "2"),
            ("قرة باغ", "1"),
            ("كارباخ", "1")
        ]
    );
    let robotyne = rows.iter().find(|r| r[4] == "روبوتينو").unwrap();
    assert!(robotyne[0].starts_with("kashf:auto:"));
    assert_eq!(robotyne[6], "./03-talks.txt");
    assert_eq!(
        robotyne[7],
        "… الجانبين ناقشا عودة النازحين إلى كارباخ، وأن فردانيان سلم رسالة من سكان قرية [روبوتينو] التي دمرتها المعارك."
    );

    // From kashf's JSONL, the same report; as JSONL, the same content.
    let from = run(dir.path(), &["variants", "--from-jsonl", "ex.jsonl"], b"");
    assert_eq!(stdout(&from), tsv);
    let json = run(
        dir.path(),
        &[
            "variants",
            "-q",
            "--format",
            "jsonl",
            "--min-spellings",
            "4",
            ".",
        ],
        b"",
    );
    let entities = jsonl(&json);
    let ids: Vec<&str> = entities.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert!(ids.contains(&"kashf:region:az-karabakh"));
    let k = entities
        .iter()
        .find(|e| e["id"] == "kashf:region:az-karabakh")
        .unwrap();
    assert_eq!(k["mentions"], 6);
    assert_eq!(k["spellings"][0]["spelling"], "قره باغ");
    assert_eq!(k["spellings"][0]["doc"], "./01-karabakh.txt");
}
