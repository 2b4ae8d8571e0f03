//! The false-link measurement of transliteration variants (ignored by
//! default: it needs the news corpus and takes a while).
//!
//! Runs the default extractor over every article of SaudiNewsNet 2015
//! unpacked in `target/corpus/txt`, collects every `variant` entity, and
//! writes to `target/variant-links.tsv` a sample of 300 links (spread
//! evenly in document order, deterministic) with 40 characters of context on each
//! side, plus `target/variant-links-all.tsv` with the count of each
//! distinct (spelling, entry) pair. The sample is judged by hand: the
//! method and the last judgement are in `docs/evaluation.md` (variant links).
//!
//! `cargo test --release --test variant_sample -- --ignored --nocapture`

use std::fmt::Write as _;
use std::path::Path;

use kashf::{Extractor, Source};

#[test]
#[ignore = "needs target/corpus (the news corpus unpacked); writes target/variant-links.tsv"]
fn sample_variant_links() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/corpus/txt");
    if !dir.is_dir() {
        eprintln!("{}: absent, nothing to sample", dir.display());
        return;
    }
    let mut paths: Vec<_> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let ex = Extractor::builder().build().unwrap();
    let mut links = Vec::new();
    let mut bytes = 0;
    let mut exact = 0;
    for p in &paths {
        let text = std::fs::read_to_string(p).unwrap();
        bytes += text.len();
        let chars: Vec<char> = text.chars().collect();
        for e in ex.extract(&text) {
            match e.source {
                Source::Variant => {
                    let ctx = |a: usize, b: usize| -> String {
                        chars[a..b]
                            .iter()
                            .collect::<String>()
                            .replace(['\n', '\t'], " ")
                    };
                    links.push((
                        e.text.clone(),
                        e.norm.clone(),
                        e.id.as_deref().unwrap_or_default().to_owned(),
                        ctx(e.start.saturating_sub(40), e.start),
                        ctx(e.end, (e.end + 40).min(chars.len())),
                    ));
                }
                Source::Gazetteer => exact += 1,
                _ => {}
            }
        }
    }
    // 300 links spread evenly over the corpus (all of them if fewer).
    let n = links.len().min(300);
    let mut out = String::from("text\tnorm\tid\tbefore\tafter\n");
    for l in (0..n).map(|i| &links[i * links.len() / n]) {
        writeln!(out, "{}\t{}\t{}\t{}\t{}", l.0, l.1, l.2, l.3, l.4).unwrap();
    }
    std::fs::write(root.join("target/variant-links.tsv"), out).unwrap();
    let mut counts = std::collections::BTreeMap::new();
    for l in &links {
        *counts
            .entry((l.0.clone(), l.1.clone(), l.2.clone()))
            .or_insert(0) += 1;
    }
    let mut all: Vec<_> = counts.into_iter().collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out = String::from("count\ttext\tnorm\tid\n");
    for ((t, n, i), c) in all {
        writeln!(out, "{c}\t{t}\t{n}\t{i}").unwrap();
    }
    std::fs::write(root.join("target/variant-links-all.tsv"), out).unwrap();
    eprintln!(
        "{} articles, {:.1} MB: {} exact gazetteer names, {} variant links, {n} sampled",
        paths.len(),
        bytes as f64 / 1e6,
        exact,
        links.len()
    );
}
