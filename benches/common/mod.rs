//! Inputs shared by the benchmarks.

use std::path::{Path, PathBuf};

/// The articles of the SaudiNewsNet 2015 corpus, unpacked into
/// `target/corpus/txt` (`python3 scripts/throughput.py` unpacks it from
/// `../shared`), in path order, up to `KASHF_BENCH_CORPUS_MB` MB (default
/// `default_mb`). `None`, with a message, when the corpus is not unpacked.
pub fn corpus_articles(default_mb: usize) -> Option<Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/corpus/txt");
    if !dir.is_dir() {
        eprintln!(
            "{}: no corpus (run python3 scripts/throughput.py once to unpack it); skipped",
            dir.display()
        );
        return None;
    }
    let mb: usize = std::env::var("KASHF_BENCH_CORPUS_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default_mb);
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut articles = Vec::new();
    let mut bytes = 0;
    for p in paths {
        if bytes >= mb << 20 {
            break;
        }
        let text = std::fs::read_to_string(&p).ok()?;
        bytes += text.len();
        articles.push(text);
    }
    Some(articles)
}
