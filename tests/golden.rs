//! Golden tests: the whole pipeline on the documents in `fixtures/news/`,
//! rendered one entity per line and compared with `fixtures/golden/`.
//!
//! After a reviewed change in what kashf finds, update the expected files
//! with:
//!
//! ```sh
//! KASHF_UPDATE_GOLDEN=1 cargo test --test golden
//! ```
//! and read the diff (`git diff fixtures/golden`) before committing it.

use std::fmt::Write as _;
use std::path::Path;

use kashf::{Entity, Extractor};

/// One line per entity: start, end, label, text, norm, value, kind, id,
/// source, link, tab-separated.
fn render(entities: &[Entity]) -> String {
    let mut out = String::new();
    for e in entities {
        let value = e
            .value
            .as_ref()
            .map_or_else(|| "-".to_owned(), |v| serde_json::to_string(v).unwrap());
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            e.start,
            e.end,
            e.label.as_str(),
            e.text,
            e.norm,
            value,
            e.kind.map_or("-", |k| k.as_str()),
            e.id.as_deref().unwrap_or("-"),
            e.source.as_str(),
            e.link.map_or("-", |l| l.as_str())
        )
        .unwrap();
    }
    out
}

#[test]
fn news_fixtures_match_golden_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let update = std::env::var_os("KASHF_UPDATE_GOLDEN").is_some();
    let extractor = Extractor::builder().build().unwrap();
    let mut docs: Vec<_> = std::fs::read_dir(root.join("news"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    docs.sort();
    assert!(
        docs.len() >= 5,
        "fixtures/news has {} documents",
        docs.len()
    );
    let mut mismatched = Vec::new();
    for doc in docs {
        let text = std::fs::read_to_string(&doc).unwrap();
        let entities = extractor.extract(&text);
        // Offsets index the original text in code points.
        let chars: Vec<char> = text.chars().collect();
        for e in &entities {
            let slice: String = chars[e.start..e.end].iter().collect();
            assert_eq!(slice, e.text, "{}: entity {e:?}", doc.display());
        }
        let got = render(&entities);
        let golden = root
            .join("golden")
            .join(doc.file_name().unwrap())
            .with_extension("tsv");
        if update {
            std::fs::write(&golden, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&golden).unwrap_or_default();
        if got != want {
            mismatched.push(format!(
                "{}:\n--- want ({})\n{want}--- got\n{got}",
                doc.display(),
                golden.display()
            ));
        }
    }
    assert!(
        mismatched.is_empty(),
        "golden output differs (KASHF_UPDATE_GOLDEN=1 cargo test --test golden to accept after review):\n{}",
        mismatched.join("\n")
    );
}
