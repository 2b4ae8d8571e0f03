//! Replays every input kept under `fuzz/regressions/TARGET/` through the
//! check of that fuzz target (`fuzz/src/lib.rs`, included here so that the
//! fuzzers and this test run the very same code). A crash the fuzzers find
//! is copied there (`scripts/fuzz.sh` does it) and stays fixed.

#[path = "../fuzz/src/lib.rs"]
mod checks;

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut replayed = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n == "README.md") {
            continue;
        }
        let data = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(outcome.is_ok(), "{target}: {} fails again", path.display());
        replayed += 1;
    }
    assert!(
        replayed > 0,
        "no inputs kept for {target} in {}",
        dir.display()
    );
}

#[test]
fn normalize() {
    replay("normalize", checks::normalize);
}

#[test]
fn text() {
    replay("text", checks::text);
}

#[test]
fn lines() {
    replay("lines", checks::lines);
}

#[test]
fn jsonl() {
    replay("jsonl", checks::jsonl);
}
