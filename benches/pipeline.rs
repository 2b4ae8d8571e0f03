//! Per-stage and end-to-end benchmarks on the news fixtures (repeated to
//! about 1 MB). Each benchmark checks its own result so the work cannot be
//! optimised away. Throughput on the real corpus is measured by the bench
//! script of the throughput issue; repeated text flatters caches.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kashf::Extractor;
use kashf::normalize::{Normalizer, matching_key};
use kashf::output::{DocMeta, Format};

fn fixture_text() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/news");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let one: String = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    one.repeat((1 << 20) / one.len() + 1)
}

fn stages(c: &mut Criterion) {
    let text = fixture_text();
    let extractor = Extractor::builder().build().unwrap();
    let expected = extractor.extract(&text).len();
    assert!(expected > 1000, "fixtures give {expected} entities");

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("normalize", |b| {
        let n = Normalizer::default();
        b.iter(|| {
            let out = n.normalize(black_box(&text));
            assert!(out.text().len() > text.len() / 2);
        })
    });
    g.bench_function("matching_key", |b| {
        let n = Normalizer::default().normalize(&text);
        let mut key = String::new();
        b.iter(|| {
            matching_key(black_box(n.text()), &mut key);
            assert_eq!(key.len(), n.text().len());
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| assert_eq!(extractor.extract(black_box(&text)).len(), expected))
    });
    g.bench_function("extract+jsonl", |b| {
        let doc = DocMeta::named("bench");
        let mut out = Vec::new();
        b.iter(|| {
            out.clear();
            let entities = extractor.extract(black_box(&text));
            Format::Jsonl.document(&doc, &entities, &mut out);
            assert_eq!(entities.len(), expected);
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
