//! Helpers shared by the tests that run the `kashf` binary in temporary
//! folders.
#![allow(dead_code)] // each test file uses its own subset

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The built binary, with the thread count left to `-j`.
pub fn kashf() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kashf"));
    c.env_remove("RAYON_NUM_THREADS");
    c
}

/// Runs kashf with `args` and `stdin`, in `dir`.
pub fn run(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut cmd = kashf();
    cmd.args(args);
    run_command(cmd, dir, stdin)
}

/// Runs `cmd` in `dir` with `stdin` written to it from another thread.
pub fn run_command(mut cmd: Command, dir: &Path, stdin: &[u8]) -> Output {
    let mut child = cmd
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// Runs `script` with `sh -c`, in `dir`, with `$KASHF` naming the binary:
/// for redirections and a umask the test process must not change itself.
pub fn run_sh(dir: &Path, script: &str) -> Output {
    let mut cmd = Command::new("sh");
    cmd.args(["-c", script])
        .env("KASHF", env!("CARGO_BIN_EXE_kashf"))
        .env_remove("RAYON_NUM_THREADS");
    run_command(cmd, dir, b"")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Standard output as one JSON value per line.
pub fn jsonl(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Checks that every entity's offsets give its text, in code points.
pub fn assert_offsets(text: &str, doc: &Value) {
    let chars: Vec<char> = text.chars().collect();
    for e in doc["entities"].as_array().unwrap() {
        let (s, t) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        let slice: String = chars[s..t].iter().collect();
        assert_eq!(slice, e["text"].as_str().unwrap(), "{e}");
    }
}

/// The texts of a document's entities of `label`.
pub fn texts(doc: &Value, label: &str) -> Vec<String> {
    doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["label"] == label)
        .map(|e| e["text"].as_str().unwrap().to_owned())
        .collect()
}
