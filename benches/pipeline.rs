//! Per-stage and end-to-end benchmarks: normalisation (with the matching
//! key and the words), gazetteer matching (exact names and variants), the
//! context rules, the number and date grammars, JSONL writing, and the
//! whole of `extract` + JSONL.
//!
//! Two inputs, one criterion group each:
//! - `fixtures`: the news fixtures, as documents, repeated to about 1 MB
//!   (repeated text flatters caches: use it to compare changes, not to
//!   quote);
//! - `corpus`: the first `KASHF_BENCH_CORPUS_MB` MB (default 4) of the
//!   SaudiNewsNet corpus in `target/corpus/txt`, skipped with a message
//!   when it is not unpacked.
//!
//! Every benchmark checks its own result (word, candidate and entity
//! counts, computed once before timing) so that no work is optimised away.
//!
//! Run: `cargo bench --bench pipeline` (or `-- corpus/rules`, …).

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kashf::extract::Stages;
use kashf::output::{DocMeta, Format};
use kashf::{Entity, Extractor};

/// The fixture documents, repeated to about 1 MB.
fn fixture_docs() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/news");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let docs: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let copies = (1 << 20) / bytes + 1;
    std::iter::repeat_n(docs, copies).flatten().collect()
}

/// One stage of [`Stages`], returning what it found.
type Stage = fn(&mut Stages<'_>) -> usize;

/// Sums `stage` over the documents, each normalised first.
fn over(docs: &[String], stages: &mut Stages<'_>, stage: Stage) -> usize {
    docs.iter()
        .map(|d| {
            stages.prepare(d);
            stage(stages)
        })
        .sum()
}

fn group(c: &mut Criterion, name: &str, docs: &[String]) {
    let extractor = Extractor::builder().build().unwrap();
    let bytes: usize = docs.iter().map(String::len).sum();
    let entities: Vec<Vec<Entity>> = docs.iter().map(|d| extractor.extract(d)).collect();
    let total: usize = entities.iter().map(Vec::len).sum();
    assert!(total > docs.len(), "{name}: only {total} entities");
    let mut stages = Stages::new(&extractor);
    let words: usize = docs.iter().map(|d| stages.prepare(d)).sum();
    // What each stage finds, to check every timed run against.
    let stage_fns: [(&str, Stage); 3] = [
        ("gazetteer", |s| s.gazetteer()),
        ("gazetteer+rules", |s| s.gazetteer() + s.rules()),
        ("numbers+dates", |s| s.numbers_dates()),
    ];
    let expected: Vec<usize> = stage_fns
        .iter()
        .map(|&(_, f)| over(docs, &mut stages, f))
        .collect();

    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("normalize", |b| {
        b.iter(|| {
            let n: usize = docs.iter().map(|d| stages.prepare(black_box(d))).sum();
            assert_eq!(n, words);
        })
    });
    // Each stage runs after normalisation (the rules also after the
    // gazetteer, whose names they read): subtract to read a stage alone.
    for (&(stage, f), &want) in stage_fns.iter().zip(&expected) {
        g.bench_function(format!("normalize+{stage}"), |b| {
            b.iter(|| assert_eq!(over(black_box(docs), &mut stages, f), want))
        });
    }
    g.bench_function("jsonl", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            out.clear();
            for (i, e) in entities.iter().enumerate() {
                Format::Jsonl.document(&DocMeta::named(i.to_string()), "", black_box(e), &mut out);
            }
            assert!(out.len() > total);
        })
    });
    g.bench_function("extract+jsonl", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            out.clear();
            let mut n = 0;
            for (i, d) in docs.iter().enumerate() {
                let e = extractor.extract(black_box(d));
                n += e.len();
                Format::Jsonl.document(&DocMeta::named(i.to_string()), d, &e, &mut out);
            }
            assert_eq!(n, total);
        })
    });
    g.finish();
}

fn pipeline(c: &mut Criterion) {
    group(c, "fixtures", &fixture_docs());
    if let Some(docs) = common::corpus_articles(4) {
        group(c, "corpus", &docs);
    }
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
