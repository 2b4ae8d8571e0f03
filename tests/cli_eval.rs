//! `kashf eval` run as a binary on the gold snippets in `fixtures/eval/`,
//! and `kashf train` with the `--model` / `--no-model` options, in
//! temporary folders.

use std::path::Path;
use std::process::{Command, Output};

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
    let (ok, out, err) = eval(&["--gold", "fixtures/eval/news.conll", "--group", "1"]);
    assert!(ok, "{err}");
    // PERSON: جان إيف لودريان and لودريان (sentence 2 alone: a rule is
    // needed, no linking across sentences with --group 1).
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
    // news.conll marks no documents: by default its sentences are running
    // text, read together (fewer than 20 of them), as with --group 3.
    let (ok, default, err) = eval(&["--gold", "fixtures/eval/news.conll"]);
    assert!(ok, "{err}");
    assert_eq!(default, out);
}

#[test]
fn documents_the_gold_marks_are_documents_by_default() {
    // The same sentences as news.conll, the first two one document.
    let (ok, out, err) = eval(&["--gold", "fixtures/eval/news-docs.conll"]);
    assert!(ok, "{err}");
    assert_eq!(row(&out, "PERSON"), [2, 2, 2], "{out}");
    assert_eq!(row(&out, "PLACE")[0], 4, "{out}");
    // A gold span nothing finds («إلى» as a person) in the second sentence
    // of a document: its miss is reported at the document's first line,
    // and at its own sentence's line with `--group 1`.
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("docs.conll");
    std::fs::write(
        &gold,
        "-DOCSTART- O\n\nقال O\nالوزير O\n. O\n\nذهب O\nإلى B-PERS\n. O\n",
    )
    .unwrap();
    let gold = gold.to_str().unwrap();
    let miss_at = |group: &str| {
        let (ok, out, err) = eval(&["--gold", gold, "--errors", "--group", group]);
        assert!(ok, "{err}");
        let miss = out.lines().find(|l| l.starts_with("MISS"));
        let miss = miss
            .unwrap_or_else(|| panic!("no miss in {out}"))
            .to_owned();
        miss.rsplit(':').next().unwrap().to_owned()
    };
    assert_eq!(miss_at("doc"), "3");
    assert_eq!(miss_at("1"), "7");
    for bad in ["0", "x", "2.5"] {
        let (ok, _, err) = eval(&["--gold", "fixtures/eval/news.conll", "--group", bad]);
        assert!(!ok, "--group {bad}");
        assert!(err.contains("--group"), "{err}");
    }
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

/// Runs kashf with `args` in `dir`, with no standard input.
fn kashf(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kashf"))
        .args(args)
        .current_dir(dir)
        .env_remove("RAYON_NUM_THREADS")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// Made-up people after «كتب» and places after «في», which no finder
/// knows (the unit tests in `src/tagger/` check that): what the
/// finders find of them, only a model can add.
const PEOPLE: [&str; 12] = [
    "زرنوخ",
    "قمطار",
    "دلبوش",
    "سنفار",
    "طرموز",
    "خلنبيق",
    "شمردل",
    "برقعان",
    "فنطوس",
    "جلمود",
    "كحلبان",
    "زعنفيل",
];
const PLACES: [&str; 12] = [
    "برقاش",
    "طلمسان",
    "زنطاح",
    "كرموس",
    "دوفلان",
    "شنقوط",
    "مرزوخ",
    "قصطال",
    "حلموط",
    "بطنوس",
    "سرغان",
    "فلطاس",
];

/// CoNLL gold: «كتب PERSON رسالة تقول إن الاجتماع انتهى في PLACE .».
fn pattern_conll() -> String {
    let mut out = String::new();
    for (person, place) in PEOPLE.iter().zip(PLACES) {
        out.push_str(&format!(
            "كتب O\n{person} B-PERS\nرسالة O\nتقول O\nإن O\nالاجتماع O\nانتهى O\nفي O\n{place} B-LOC\n. O\n\n"
        ));
    }
    out
}

/// `kashf train --gold gold.conll --epochs 5` and `args`, in `dir`.
fn train(dir: &Path, args: &[&str]) -> Output {
    kashf(
        dir,
        &[&["train", "--gold", "gold.conll", "--epochs", "5"], args].concat(),
    )
}

/// A temporary folder with `gold.conll` and a model trained on it
/// (`model.bin`), each sentence a document (the file marks none: by
/// default they would be one).
fn trained() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("gold.conll"), pattern_conll()).unwrap();
    let out = train(dir.path(), &["--group", "1", "-o", "model.bin"]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("trained on 12 documents (5 epochs)") && err.contains("model.bin"),
        "{err}"
    );
    dir
}

#[test]
fn train_writes_a_model_that_eval_and_extract_use() {
    let dir = trained();
    let model = std::fs::read(dir.path().join("model.bin")).unwrap();
    assert_eq!(
        &model[..8],
        b"KASHFTAG",
        "the model file starts with its magic"
    );
    // Header, transitions, then at least one feature row.
    assert!(model.len() > 16 + 4 * 7 * 8, "{} bytes", model.len());

    // On its own training data, the model finds every name; without it,
    // the finders find (almost) none.
    let out = kashf(
        dir.path(),
        &["eval", "--gold", "gold.conll", "--model", "model.bin"],
    );
    let (table, err) = (text(&out.stdout), text(&out.stderr));
    assert!(out.status.success(), "{err}");
    assert!(table.contains("PERSON") && table.contains("ORG"), "{table}");
    assert_eq!(row(&table, "PERSON"), [12, 12, 12], "{table}");
    assert_eq!(row(&table, "PLACE"), [12, 12, 12], "{table}");
    let out = kashf(dir.path(), &["eval", "--gold", "gold.conll", "--no-model"]);
    let table = text(&out.stdout);
    assert!(out.status.success());
    assert!(row(&table, "PERSON")[2] < 6, "{table}");
    assert!(row(&table, "PLACE")[2] < 6, "{table}");

    // On an unseen sentence of the pattern, names with `"source":"model"`.
    std::fs::write(
        dir.path().join("new.txt"),
        "كتب هلبوز رسالة تقول إن الاجتماع انتهى في سنطوح .",
    )
    .unwrap();
    let out = kashf(dir.path(), &["extract", "--model", "model.bin", "new.txt"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<(&str, &str, &str)> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["label"].as_str().unwrap(),
                e["text"].as_str().unwrap(),
                e["source"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [("PERSON", "هلبوز", "model"), ("PLACE", "سنطوح", "model")],
        "{doc}"
    );
}

#[test]
fn a_seed_trains_another_model_the_same_each_time() {
    let dir = trained();
    let read = |name: &str| std::fs::read(dir.path().join(name)).unwrap();
    for name in ["seed3a.bin", "seed3b.bin"] {
        let out = train(dir.path(), &["--group", "1", "--seed", "3", "-o", name]);
        let err = text(&out.stderr);
        assert!(out.status.success(), "{err}");
        assert!(err.contains("(5 epochs, seed 3)"), "{err}");
    }
    assert!(
        read("seed3a.bin") == read("seed3b.bin"),
        "one seed, one model"
    );
    assert!(
        read("seed3a.bin") != read("model.bin"),
        "seed 3 shuffles otherwise than the default"
    );
    let out = train(dir.path(), &["--seed=many", "-o", "x.bin"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("invalid value 'many' for '--seed <N>'"),
        "{err}"
    );
}

#[test]
fn a_missing_or_foreign_model_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("in.txt"), "زار الوزير موسكو.").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "KASHF\nليس نموذجا\n").unwrap();
    std::fs::write(dir.path().join("in.conll"), "زار O\nموسكو B-LOC\n").unwrap();
    for sub in ["extract", "eval"] {
        let input: &[&str] = if sub == "extract" {
            &["in.txt"]
        } else {
            &["--gold", "in.conll"]
        };
        let out = kashf(
            dir.path(),
            &[&[sub, "--model", "missing.bin"], input].concat(),
        );
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{sub}: {err}");
        assert!(err.contains("missing.bin"), "{sub}: {err}");
        assert!(out.stdout.is_empty(), "{sub}: nothing is written");

        let out = kashf(
            dir.path(),
            &[&[sub, "--model", "notes.txt"], input].concat(),
        );
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{sub}: {err}");
        assert!(
            err.contains("notes.txt") && err.contains("not a kashf tagger model"),
            "{sub}: {err}"
        );
        assert!(out.stdout.is_empty(), "{sub}: nothing is written");
    }
}

#[test]
fn model_and_no_model_together_are_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("in.txt"), "زار الوزير موسكو.").unwrap();
    for args in [
        &["extract", "--model", "m.bin", "--no-model", "in.txt"][..],
        &[
            "eval",
            "--gold",
            "g.conll",
            "--no-model",
            "--model",
            "m.bin",
        ][..],
    ] {
        let out = kashf(dir.path(), args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("cannot be used with"), "{args:?}: {err}");
        assert!(err.contains("--no-model"), "{args:?}: {err}");
    }
}

#[test]
fn training_on_no_sentences_fails_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in [("empty.conll", ""), ("blank.conll", "\n\n  \n")] {
        std::fs::write(dir.path().join(name), content).unwrap();
        let out = kashf(dir.path(), &["train", "--gold", name, "-o", "model.bin"]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(
            err.contains(name) && err.contains("no sentences to train on"),
            "{name}: {err}"
        );
        assert!(
            !dir.path().join("model.bin").exists(),
            "{name}: no model is written"
        );
    }
    // A gold file that is not there is named too.
    let out = kashf(
        dir.path(),
        &["train", "--gold", "nowhere.conll", "-o", "model.bin"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("nowhere.conll"));
}

/// The embedded model is what `scripts/train-model.sh` writes from the
/// current finders: a change to the gazetteers, rules or features that
/// alters what the tagger learns from must retrain it. The news it reads is
/// the corpus of `../shared`, unpacked here into a temporary folder. Skipped
/// (with a note) without `../shared`.
#[test]
fn embedded_model_is_what_train_model_writes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold = root.join("../shared/data/ner/anercorp-train.conll");
    let corpus = root.join("../shared/corpus/saudinewsnet-2015.tar.xz");
    for needed in [&gold, &corpus] {
        if !needed.exists() {
            eprintln!("skipped: {} not found", needed.display());
            return;
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let untar = Command::new("tar")
        .arg("-xJf")
        .arg(&corpus)
        .arg("-C")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        untar.status.success(),
        "tar -xJf {}: {}",
        corpus.display(),
        String::from_utf8_lossy(&untar.stderr)
    );
    let model = dir.path().join("tagger.bin");
    let out = Command::new(env!("CARGO_BIN_EXE_kashf"))
        .args(["train", "--gold"])
        .arg(&gold)
        .args([
            "--group",
            "20",
            "--epochs",
            "20",
            "--exclude-attr",
            "src=anercorp",
            "--news",
        ])
        .arg(dir.path().join("txt"))
        .arg("-o")
        .arg(&model)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let trained = std::fs::read(&model).unwrap();
    let embedded = std::fs::read(root.join("gazetteers/model/tagger.bin")).unwrap();
    assert!(
        trained == embedded,
        "gazetteers/model/tagger.bin is stale ({} bytes; training now gives {}): run \
         `bash scripts/train-model.sh` and review the 5-fold figures",
        embedded.len(),
        trained.len()
    );
}

#[test]
fn train_with_news_carries_a_lexicon_and_names_a_bad_news_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("gold.conll"), pattern_conll()).unwrap();
    let news = dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    // The pattern with two new names, three times: enough mentions for
    // the lexicon.
    let article: String = (0..3)
        .map(|_| "كتب كرمشون رسالة تقول إن الاجتماع انتهى في دوبلاط .\n")
        .collect();
    std::fs::write(news.join("a.txt"), &article).unwrap();
    std::fs::write(news.join("bad.txt"), b"\xc3\x28 \xd9\x82\xd8\xa7\xd9\x84").unwrap();
    std::fs::write(news.join("notes.md"), "not read: not a .txt file").unwrap();
    let out = train(dir.path(), &["--news", "news", "-o", "model.bin"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "a news file failed: {err}");
    assert!(err.contains("bad.txt") && err.contains("UTF-8"), "{err}");
    assert!(!err.contains("notes.md"), "{err}");
    assert!(err.contains("news with the first model: 1 file,"), "{err}");
    assert!(err.contains("written to model.bin"), "{err}");

    let bytes = std::fs::read(dir.path().join("model.bin")).unwrap();
    let model = kashf::extract::Model::from_bytes(&bytes).unwrap();
    let lexicon = model
        .news()
        .expect("a model trained with news carries its lexicon");
    assert!(!lexicon.is_empty());
    // Without --news, no lexicon.
    let plain = trained();
    let bytes = std::fs::read(plain.path().join("model.bin")).unwrap();
    assert!(
        kashf::extract::Model::from_bytes(&bytes)
            .unwrap()
            .news()
            .is_none()
    );

    // No news at all is an error, and no model is written.
    for news in ["nowhere", "news/bad.txt"] {
        let out = train(dir.path(), &["--news", news, "-o", "none.bin"]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{news}: {err}");
        assert!(
            err.contains(news) && err.contains("no news file could be read"),
            "{news}: {err}"
        );
        assert!(!dir.path().join("none.bin").exists(), "{news}");
    }

    // The model runs with its lexicon.
    std::fs::write(dir.path().join("new.txt"), article.lines().next().unwrap()).unwrap();
    let out = kashf(dir.path(), &["extract", "--model", "model.bin", "new.txt"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<(&str, &str)> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["label"].as_str().unwrap(), e["text"].as_str().unwrap()))
        .collect();
    assert_eq!(got, [("PERSON", "كرمشون"), ("PLACE", "دوبلاط")], "{doc}");
}
