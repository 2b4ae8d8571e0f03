//! `kashf eval` run as a binary on the gold snippets in `fixtures/eval/`.

use std::path::Path;
use std::process::Command;

fn eval(args: &[&str]) -> (bool, String, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_kashf"))
        .arg("eval")
        .args(args)
        .current_dir(root)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The `label gold pred tp` columns of one row of the table.
fn row(table: &str, label: &str) -> Vec<usize> {
    table
        .lines()
        .find(|l| l.split_whitespace().next() == Some(label))
        .unwrap_or_else(|| panic!("no {label} row in\n{table}"))
        .split_whitespace()
        .skip(1)
        .take(3)
        .map(|n| n.parse().unwrap())
        .collect()
}

#[test]
fn conll_gold_is_scored_per_label() {
    let (ok, out, err) = eval(&["--gold", "fixtures/eval/news.conll"]);
    assert!(ok, "{err}");
    // PERSON: جان إيف لودريان and لودريان (sentence 2 alone: a rule is
    // needed, no linking across sentences without --group).
    assert_eq!(row(&out, "PERSON")[0], 2, "{out}");
    // PLACE: وموسكو (gold with the clitic), أوكرانيا, القاهرة, الإسكندرية.
    assert_eq!(row(&out, "PLACE")[0], 4, "{out}");
    assert!(row(&out, "PLACE")[2] >= 3, "{out}");
    assert_eq!(row(&out, "ORG"), [1, 1, 1], "{out}");
}

#[test]
fn grouping_lets_linking_see_the_whole_document() {
    let (ok, out, err) = eval(&["--gold", "fixtures/eval/news.conll", "--group", "3"]);
    assert!(ok, "{err}");
    assert_eq!(row(&out, "PERSON"), [2, 2, 2], "{out}");
}

#[test]
fn jsonl_gold_and_errors() {
    let (ok, out, err) = eval(&["--gold", "fixtures/eval/news.jsonl", "--errors"]);
    assert!(ok, "{err}");
    assert_eq!(row(&out, "PERSON"), [1, 1, 1], "{out}");
    assert_eq!(row(&out, "ORG"), [1, 1, 1], "{out}");
    // MISC gold is ignored; nothing is a false positive here.
    assert!(!out.contains("FP\t"), "{out}");
}

#[test]
fn bad_options_and_files_fail_with_a_message() {
    let (ok, _, err) = eval(&["--gold", "fixtures/eval/missing.conll"]);
    assert!(!ok);
    assert!(err.contains("missing.conll"), "{err}");
    let (ok, _, err) = eval(&[
        "--gold",
        "fixtures/eval/news.conll",
        "--exclude-attr",
        "src",
    ]);
    assert!(!ok);
    assert!(err.contains("KEY=VALUE"), "{err}");
    let (ok, out, err) = eval(&[
        "--gold",
        "fixtures/eval/news.conll",
        "--no-default-gazetteers",
        "--exclude-attr",
        "src=anercorp",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("PLACE"), "{out}");
}
