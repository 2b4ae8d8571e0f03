//! `kashf extract --format conll`, run as a binary on the fixtures and
//! compared with the JSONL of the same run.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn kashf(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kashf"));
    cmd.args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .env_remove("RAYON_NUM_THREADS")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = cmd.spawn().unwrap();
    if let Some(text) = stdin {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "kashf {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// One document of CoNLL output: its name, its tokens, and the entities
/// its tags make (label, tokens joined).
#[derive(Debug, Default)]
struct ConllDoc {
    name: String,
    tokens: Vec<String>,
    entities: Vec<(String, String)>,
    sentences: usize,
}

/// Reads CoNLL output as a scorer would, checking its shape on the way:
/// every line a `# doc = ` comment, a blank line, or `token<TAB>TAG`;
/// no empty sentence; `I-X` only after `B-X` or `I-X`.
fn parse_conll(out: &str) -> Vec<ConllDoc> {
    let mut docs: Vec<ConllDoc> = Vec::new();
    let mut prev: Option<&str> = None;
    for (n, line) in out.lines().enumerate() {
        let at = || format!("line {}: {line:?}", n + 1);
        if let Some(name) = line.strip_prefix("# doc = ") {
            assert!(
                prev.is_none_or(str::is_empty),
                "a sentence not ended: {}",
                at()
            );
            docs.push(ConllDoc {
                name: name.to_string(),
                ..ConllDoc::default()
            });
            prev = None;
            continue;
        }
        let doc = docs.last_mut().expect("a `# doc = ` line first");
        if line.is_empty() {
            assert!(
                prev.is_some_and(|p| !p.is_empty()),
                "empty sentence: {}",
                at()
            );
            doc.sentences += 1;
            prev = Some("");
            continue;
        }
        let (token, tag) = line.split_once('\t').unwrap_or_else(|| panic!("{}", at()));
        assert!(
            !token.is_empty() && !token.contains(char::is_whitespace),
            "{}",
            at()
        );
        doc.tokens.push(token.to_string());
        match tag.split_once('-') {
            None => assert_eq!(tag, "O", "{}", at()),
            Some(("B", label)) => doc.entities.push((label.to_string(), token.to_string())),
            Some(("I", label)) => {
                let before = prev.and_then(|p| p.rsplit_once('\t')).map(|(_, t)| t);
                let continues = before.and_then(|t| t.split_once('-')).map(|(_, l)| l);
                assert_eq!(continues, Some(label), "I- without its B-: {}", at());
                doc.entities.last_mut().unwrap().1.push_str(token);
            }
            _ => panic!("bad tag: {}", at()),
        }
        prev = Some(line);
    }
    assert!(
        prev.is_none_or(str::is_empty),
        "the last sentence not ended"
    );
    docs
}

fn without_whitespace(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn conll_has_every_entity_of_the_jsonl_and_every_token_of_the_text() {
    let args = ["extract", "-q", "--ref-date", "2021-03-12", "fixtures/news"];
    let jsonl = String::from_utf8(kashf(&args, None).stdout).unwrap();
    let conll_args = [&args[..], &["--format", "conll"]].concat();
    let conll = String::from_utf8(kashf(&conll_args, None).stdout).unwrap();
    let docs = parse_conll(&conll);
    let json: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), json.len());
    assert!(json.len() >= 8);
    for (doc, j) in docs.iter().zip(&json) {
        let name = j["doc"].as_str().unwrap();
        assert_eq!(doc.name, name);
        let text =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap();
        assert_eq!(doc.tokens.concat(), without_whitespace(&text), "{name}");
        assert!(doc.sentences > 1, "{name}: {} sentences", doc.sentences);
        let want: Vec<(String, String)> = j["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let text = e["text"].as_str().unwrap();
                (
                    e["label"].as_str().unwrap().to_string(),
                    without_whitespace(text),
                )
            })
            .collect();
        assert!(!want.is_empty(), "{name}");
        assert_eq!(doc.entities, want, "{name}");
    }
    // The same bytes at one thread.
    let one = [&conll_args[..], &["-j", "1"]].concat();
    assert_eq!(String::from_utf8(kashf(&one, None).stdout).unwrap(), conll);
}

#[test]
fn conll_names_jsonl_documents_and_splits_sentences() {
    let input = concat!(
        r#"{"id": 7, "text": "زار الوزير «موسكو». ثم وصل إلى القاهرة"}"#,
        "\n",
        r#"{"id": "فارغ", "text": ""}"#,
        "\n",
        r#"{"id": "سطران\nفي الاسم", "text": "قال جورج بوش\nفي واشنطن"}"#,
        "\n"
    );
    let out = kashf(
        &["extract", "--input", "jsonl", "--format", "conll"],
        Some(input),
    );
    let out = String::from_utf8(out.stdout).unwrap();
    let want = "# doc = 7\n\
                زار\tO\nالوزير\tO\n«\tO\nموسكو\tB-PLACE\n»\tO\n.\tO\n\n\
                ثم\tO\nوصل\tO\nإلى\tO\nالقاهرة\tB-PLACE\n\n\
                # doc = فارغ\n\
                # doc = سطران في الاسم\n\
                قال\tO\nجورج\tB-PERSON\nبوش\tI-PERSON\n\n\
                في\tO\nواشنطن\tB-PLACE\n\n";
    assert_eq!(out, want);
}
