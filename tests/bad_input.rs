//! Hostile and unusual input through the `kashf` binary: each case is a row
//! of the README's "Bad input" table or a line of its exit codes. Nothing
//! is lost without a message, and nothing is written that looks whole but
//! is not.

use std::io::{Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;

mod common;
use common::{assert_offsets, jsonl, kashf, run, run_sh, stderr, stdout, texts};

/// Runs kashf with `args` and `stdin`, and returns its output and its peak
/// resident memory in KiB (from `wait4`, so that no other child counts).
#[allow(clippy::zombie_processes)] // reaped by `wait4`, which `Child` does not know of
fn run_peak(dir: &Path, args: &[&str], stdin: Vec<u8>) -> (Vec<u8>, String, u64) {
    let mut child = kashf()
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let mut out = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        out.read_to_end(&mut v).unwrap();
        v
    });
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid; `child` is ours and not yet
    // waited for, so wait4 reaps exactly it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as libc::pid_t);
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{err}"
    );
    writer.join().unwrap();
    (reader.join().unwrap(), err, usage.ru_maxrss as u64)
}

#[test]
fn one_huge_jsonl_record_takes_memory_like_a_file() {
    let dir = tempfile::tempdir().unwrap();
    // About 16 MB of text in 16 pieces, paragraph breaks escaped in JSON.
    let para = "كلام عادي بلا أسماء في هذه الفقرة.\n".repeat(30) + "\n";
    let text = para.repeat((16 << 20) / para.len()) + "ثم زار الوزير موسكو.";
    std::fs::write(dir.path().join("big.txt"), &text).unwrap();
    let (_, err, file_peak) = run_peak(dir.path(), &["extract", "-j2", "big.txt"], Vec::new());
    assert!(err.is_empty(), "{err}");
    let record = serde_json::json!({"id": "big", "text": text}).to_string() + "\n";
    let (out, err, jsonl_peak) = run_peak(
        dir.path(),
        &["extract", "-j2", "--input", "jsonl"],
        record.clone().into_bytes(),
    );
    assert!(err.is_empty(), "{err}");
    let doc: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(doc["doc"], "big");
    assert_eq!(texts(&doc, "PLACE"), ["موسكو"]);
    assert_offsets(&text, &doc);
    // The record is held once, and its text is cut into pieces in place:
    // at most the record's size more than the file took (18 times it
    // before), with room for the allocator's slack.
    let bound = file_peak + (record.len() as u64 * 3 / 2) / 1024;
    assert!(
        jsonl_peak <= bound,
        "peak {jsonl_peak} KiB for a {} KiB record; the same text as a file: {file_peak} KiB",
        record.len() / 1024
    );
}

/// `text` in UTF-16 with a byte order mark.
fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in text.encode_utf16() {
        out.extend(if little {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        });
    }
    out
}

#[test]
fn utf16_with_a_bom_is_decoded_line_by_line() {
    let dir = tempfile::tempdir().unwrap();
    for little in [true, false] {
        std::fs::write(
            dir.path().join("wide.txt"),
            utf16("زار موسكو\r\nثم كييف\nودمشق\n", little),
        )
        .unwrap();
        let out = run(
            dir.path(),
            &["extract", "--input", "lines", "wide.txt"],
            b"",
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let docs = jsonl(&out);
        let names: Vec<&str> = docs.iter().map(|d| d["doc"].as_str().unwrap()).collect();
        assert_eq!(names, ["wide.txt:1", "wide.txt:2", "wide.txt:3"]);
        let places: Vec<Vec<String>> = docs.iter().map(|d| texts(d, "PLACE")).collect();
        assert_eq!(places, [["موسكو"], ["كييف"], ["دمشق"]]);
        assert_eq!(docs[2]["entities"][0]["start"], 1);
    }
    // A lone surrogate spoils its line only.
    let mut bad = utf16("موسكو\nكييف", true);
    bad.extend([0x00, 0xD8]);
    bad.extend(utf16("\nدمشق", true).split_off(2));
    std::fs::write(dir.path().join("bad.txt"), &bad).unwrap();
    let out = run(dir.path(), &["extract", "--input", "lines", "bad.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("bad.txt:2: invalid UTF-16"),
        "{}",
        stderr(&out)
    );
    let names: Vec<String> = jsonl(&out).iter().map(|d| d["doc"].to_string()).collect();
    assert_eq!(names, ["\"bad.txt:1\"", "\"bad.txt:3\""]);
}

#[test]
fn jsonl_is_decoded_like_text() {
    let dir = tempfile::tempdir().unwrap();
    let records = "{\"id\":1,\"text\":\"في موسكو\"}\n{\"id\":2,\"text\":\"في كييف\"}\n";
    let check = |out: &std::process::Output| {
        assert!(out.status.success(), "{}", stderr(out));
        let docs = jsonl(out);
        assert_eq!(docs.len(), 2, "{}", stdout(out));
        assert_eq!(texts(&docs[0], "PLACE"), ["موسكو"]);
        assert_eq!(docs[1]["entities"][0]["start"], 3);
    };
    // A UTF-8 byte order mark before the first record.
    let bom = [b"\xEF\xBB\xBF".as_slice(), records.as_bytes()].concat();
    check(&run(dir.path(), &["extract", "--input", "jsonl"], &bom));
    // UTF-16, either byte order.
    check(&run(
        dir.path(),
        &["extract", "--input", "jsonl"],
        &utf16(records, true),
    ));
    check(&run(
        dir.path(),
        &["extract", "--input", "jsonl"],
        &utf16(records, false),
    ));
    // Windows-1256: «موسكو» and «كييف».
    let mut cp1256 = b"{\"id\":1,\"text\":\"\xdd\xed \xe3\xe6\xd3\xdf\xe6\"}\n".to_vec();
    cp1256.extend(b"{\"id\":2,\"text\":\"\xdd\xed \xdf\xed\xed\xdd\"}\n");
    check(&run(
        dir.path(),
        &["extract", "--input", "jsonl", "--encoding", "windows-1256"],
        &cp1256,
    ));
    // --lossy reads a record with a bad byte.
    let out = run(
        dir.path(),
        &["extract", "--input", "jsonl", "--lossy"],
        b"{\"text\":\"\xff \xd9\x81\xd9\x8a \xd9\x85\xd9\x88\xd8\xb3\xd9\x83\xd9\x88\"}\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(texts(&jsonl(&out)[0], "PLACE"), ["موسكو"]);
}

#[test]
fn a_record_never_gives_an_output_key_twice() {
    let dir = tempfile::tempdir().unwrap();
    let input = "{\"id\":\"a\",\"doc\":\"theirs\",\"text\":\"في موسكو\",\"entities\":[1],\"input_doc\":0}\n";
    let out = run(
        dir.path(),
        &["extract", "--input", "jsonl"],
        input.as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let line = stdout(&out);
    for key in ["\"doc\":", "\"entities\":", "\"input_doc\":"] {
        assert_eq!(line.matches(key).count(), 1, "{key} in {line}");
    }
    let doc = &jsonl(&out)[0];
    assert_eq!(doc["doc"], "a");
    assert_eq!(doc["input_input_doc"], "theirs");
    assert_eq!(doc["input_doc"], 0);
    assert_eq!(doc["input_entities"], serde_json::json!([1]));
    assert_eq!(texts(doc, "PLACE"), ["موسكو"]);
}

#[test]
fn output_file_mode_follows_the_umask_or_the_file_it_replaces() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "موسكو").unwrap();
    let mode = |name: &str| {
        std::fs::metadata(dir.path().join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    let out = run_sh(
        dir.path(),
        "umask 022 && exec \"$KASHF\" extract a.txt -o new.jsonl",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(mode("new.jsonl"), 0o644);
    let out = run_sh(
        dir.path(),
        "umask 027 && exec \"$KASHF\" extract a.txt -o other.jsonl",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(mode("other.jsonl"), 0o640);
    std::fs::set_permissions(
        dir.path().join("new.jsonl"),
        PermissionsExt::from_mode(0o604),
    )
    .unwrap();
    let out = run_sh(
        dir.path(),
        "umask 077 && exec \"$KASHF\" extract a.txt -o new.jsonl",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(mode("new.jsonl"), 0o604);
}

/// The names of the temporary files kashf left in `dir`.
fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".kashf-"))
        .collect()
}

#[test]
fn an_interrupted_output_file_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for signal in [libc::SIGINT, libc::SIGTERM] {
        let mut child = kashf()
            .args(["extract", "--input", "lines", "-o", "out.jsonl"])
            .current_dir(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Input keeps coming: the run is cut in the middle.
        let mut input = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || {
            let line = "زار الوزير موسكو ثم كييف.\n".repeat(1000);
            while input.write_all(line.as_bytes()).is_ok() {}
        });
        // The signal comes the moment the temporary file appears: kashf must
        // be ready to remove it from the moment it exists.
        let started = Instant::now();
        while temporaries(dir.path()).is_empty() {
            assert!(started.elapsed() < Duration::from_secs(60), "no temporary");
            std::thread::yield_now();
        }
        // SAFETY: kill(2) on our own child's pid.
        assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, signal) }, 0);
        let status = child.wait().unwrap();
        writer.join().unwrap();
        assert_eq!(status.signal(), Some(signal), "{status:?}");
        assert_eq!(temporaries(dir.path()), Vec::<String>::new());
        assert!(!dir.path().join("out.jsonl").exists());
    }
}

#[test]
fn a_bad_byte_deep_in_a_stream_says_the_document_was_cut() {
    let dir = tempfile::tempdir().unwrap();
    let head = "زار الوزير موسكو.\n".to_owned() + &"كلام عادي بلا أسماء.\n".repeat(150_000);
    let mut input = head.clone().into_bytes();
    let at = input.len();
    input.push(0xFF);
    input.extend("\nثم كييف.\n".as_bytes());
    let out = run(dir.path(), &["extract"], &input);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("stdin: invalid UTF-8 at byte {at}")),
        "{err}"
    );
    assert!(err.contains("truncated"), "{err}");
    assert!(!err.contains("skipped"), "{err}");
    let docs = jsonl(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(texts(&docs[0], "PLACE"), ["موسكو"]);
}

#[test]
fn output_to_a_folder_is_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = run(dir.path(), &["extract", "missing.txt", "-o", "out"], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("out") && err.contains("folder"), "{err}");
    assert!(!err.contains("missing.txt"), "inputs were read: {err}");
}

#[test]
fn closed_or_unwritable_stdout_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "موسكو").unwrap();
    let out = run_sh(dir.path(), "exec \"$KASHF\" extract a.txt >&-");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("standard output"), "{}", stderr(&out));
    // Open for reading only: every write fails.
    let out = run_sh(dir.path(), "exec \"$KASHF\" extract a.txt 1<a.txt");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("writing output"), "{}", stderr(&out));
    // The other subcommands that write to standard output alike.
    for cmd in [
        "echo موسكو | exec \"$KASHF\" normalize >&-",
        "exec \"$KASHF\" eval --gold g.conll >&-",
    ] {
        std::fs::write(dir.path().join("g.conll"), "موسكو B-LOC\n").unwrap();
        let out = run_sh(dir.path(), cmd);
        assert_eq!(out.status.code(), Some(1), "{cmd}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("standard output"),
            "{cmd}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn help_on_help_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["help", "--help"][..], &["help", "-h"], &["help", "help"]] {
        let out = run(dir.path(), args, b"");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(
            stdout(&out).contains("Usage: kashf help"),
            "{}",
            stdout(&out)
        );
    }
    let out = run(dir.path(), &["help", "extract"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("--input"));
    let out = run(dir.path(), &["help", "gazetteer", "check"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("Usage: kashf gazetteer check"));
    let out = run(dir.path(), &["help", "nosuch"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nosuch"));
}

#[test]
fn file_names_that_are_not_utf8_stay_distinct() {
    let dir = tempfile::tempdir().unwrap();
    let names = [&b"a\xff.txt"[..], b"a\xfe.txt"];
    for n in names {
        std::fs::write(dir.path().join(std::ffi::OsStr::from_bytes(n)), "موسكو").unwrap();
    }
    std::fs::write(dir.path().join("b.txt"), "كييف").unwrap();
    let out = run(dir.path(), &["extract", "."], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let docs: Vec<Value> = jsonl(&out).iter().map(|d| d["doc"].clone()).collect();
    // Base64 of the names' bytes: "./a\xfe.txt", "./a\xff.txt".
    assert_eq!(
        docs,
        [
            serde_json::json!({"bytes": "Li9h/i50eHQ="}),
            serde_json::json!({"bytes": "Li9h/y50eHQ="}),
            Value::from("./b.txt")
        ]
    );
    // Lines: the line number is part of the name's bytes.
    let out = run(
        dir.path(),
        &[
            "extract",
            "--input",
            "lines",
            "--format",
            "csv",
            "a\u{FFFD}.txt",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2), "U+FFFD is a third name");
    let mut cmd = kashf();
    cmd.args(["extract", "--input", "lines", "--format", "csv"])
        .arg(std::ffi::OsStr::from_bytes(b"a\xff.txt"));
    let out = common::run_command(cmd, dir.path(), b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("\"{\"\"bytes\"\":\"\"Yf8udHh0OjE=\"\"}\",PLACE,موسكو"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn names_stop_at_bidi_controls_and_at_a_change_of_script() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        "قال \u{202A}أنطونيو غوتيريش\u{202C} lasted",
        "قال أنطونيو غوتيريش lasted",
        "أعلنت شركة \u{2066}Gazprom\u{2069} و\u{2066}Microsoft\u{2069} عن اتفاق",
        "أعلنت شركة Gazprom وMicrosoft عن اتفاق",
    ];
    let out = run(
        dir.path(),
        &["extract", "--input", "lines"],
        lines.join("\n").as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = jsonl(&out);
    for (doc, line) in docs.iter().zip(lines) {
        assert_offsets(line, doc);
        for e in doc["entities"].as_array().unwrap() {
            let text = e["text"].as_str().unwrap();
            let arabic = text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
            let latin = text.chars().any(|c| c.is_ascii_alphabetic());
            assert!(!(arabic && latin), "{text:?} in {line:?}");
            assert!(
                !text
                    .chars()
                    .any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
                "{text:?} in {line:?}"
            );
        }
    }
    assert_eq!(texts(&docs[0], "PERSON"), ["أنطونيو غوتيريش"]);
    assert_eq!(texts(&docs[1], "PERSON"), ["أنطونيو غوتيريش"]);
}
