//! Golden tests: the whole pipeline on the documents in `fixtures/news/`,
//! rendered one entity per line and compared with `fixtures/golden/`; and
//! the articles of `fixtures/corpus/`, linked across documents as `kashf
//! link` does, where one place and one person the gazetteers do not know
//! and one place they do are written in four spellings each
//! (`fixtures/golden/corpus.tsv`).
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

use kashf::corpus::CorpusLinker;
use kashf::{Entity, Extractor, Label, Link};

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

/// The documents of a fixture folder, sorted by name: (name, text).
fn fixture_docs(folder: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(folder);
    let mut docs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    docs.sort();
    docs.into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The entities of `docs`, linked across them.
fn linked(extractor: &Extractor, docs: &[(String, String)]) -> Vec<(String, Vec<Entity>)> {
    let mut out: Vec<(String, Vec<Entity>)> = docs
        .iter()
        .map(|(name, text)| (name.clone(), extractor.extract(text)))
        .collect();
    let mut linker = CorpusLinker::new();
    for e in out.iter().flat_map(|(_, es)| es) {
        linker.add(e);
    }
    let clusters = linker.finish();
    for e in out.iter_mut().flat_map(|(_, es)| es) {
        clusters.apply(e);
    }
    out
}

#[test]
fn corpus_spellings_carry_one_id() {
    let extractor = Extractor::builder().build().unwrap();
    let docs = fixture_docs("corpus");
    let got = linked(&extractor, &docs);
    // (label, the spellings of one entity, whether the gazetteers know it)
    let names: &[(Label, &[&str], bool)] = &[
        (
            Label::Person,
            &[
                "روبن فاردانيان",
                "روبين فاردانيان",
                "روبن فردانيان",
                "روبين فردنيان",
            ],
            false,
        ),
        (
            Label::Place,
            &["روبوتيني", "رابوتيني", "روبوتينو", "روبوتينه"],
            false,
        ),
        (
            Label::Place,
            &["قره باغ", "قرة باغ", "كاراباخ", "كارباخ"],
            true,
        ),
    ];
    for (label, spellings, known) in names {
        let mentions: Vec<&Entity> = got
            .iter()
            .flat_map(|(_, es)| es)
            .filter(|e| spellings.contains(&e.text.as_str()))
            .collect();
        for s in *spellings {
            assert!(
                mentions.iter().any(|e| e.text == *s),
                "{s} was not found in fixtures/corpus: {mentions:?}"
            );
        }
        let id = mentions[0].id.clone().expect("an id");
        for e in &mentions {
            assert_eq!(
                (e.label, e.id.as_ref()),
                (*label, Some(&id)),
                "{} is not linked with {}: {e:?}",
                e.text,
                mentions[0].text
            );
            assert_eq!(e.link == Some(Link::Corpus), !known, "{e:?}");
        }
        assert_eq!(id.starts_with("kashf:auto:"), !known, "{id}");
    }
    // The same ids whatever order the documents come in.
    let reversed: Vec<(String, String)> = docs.iter().rev().cloned().collect();
    let mut again = linked(&extractor, &reversed);
    again.reverse();
    assert_eq!(got, again);

    let mut rendered = String::new();
    for (name, entities) in &got {
        rendered.push_str(&format!("# {name}\n{}", render(entities)));
    }
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/golden/corpus.tsv");
    if std::env::var_os("KASHF_UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &rendered).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&golden).unwrap_or_default();
    assert!(
        rendered == want,
        "{} differs (KASHF_UPDATE_GOLDEN=1 cargo test --test golden to accept after review):\n--- want\n{want}--- got\n{rendered}",
        golden.display()
    );
}
