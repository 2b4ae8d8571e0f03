//! Gazetteer matching on real news: which automaton, how long to build it,
//! and what the whole matcher (exact names and transliteration variants)
//! costs per MB.
//!
//! Inputs:
//! - the SaudiNewsNet 2015 corpus unpacked into `target/corpus/`
//!   (`python3 scripts/throughput.py` unpacks it from `../shared`). The first
//!   `KASHF_BENCH_CORPUS_MB` MB (default 16) of the articles, in path order,
//!   are read. Without the corpus the benchmark prints a message and measures
//!   nothing.
//! - pattern sets: the embedded default gazetteers, and the benchmark-only
//!   name lists `../shared/data/bench/names-{1k,10k,100k}.txt` (skipped when
//!   absent; never shipped).
//!
//! Every automaton counts its leftmost-longest matches over the matching key
//! of the corpus; the counts are checked equal across automata before
//! anything is timed, and each timed run checks its count again.
//!
//! The `exact` group times the exact part of the embedded gazetteers'
//! matcher both ways it can run: the daachorse automaton over the key,
//! then the whole-word guards (what a matcher over user gazetteers runs),
//! and the trie over word ids that the pipeline runs for the embedded
//! gazetteers (`src/gazetteer/matcher/ids.rs`), over the same documents;
//! it prints what their candidates differ by before timing.
//!
//! Run: `cargo bench --bench gazetteer` (filters work as usual:
//! `cargo bench --bench gazetteer -- automaton/default`).

mod common;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder};
use kashf::Extractor;
use kashf::gazetteer::{Gazetteer, Matcher};
use kashf::normalize::{Normalizer, matching_key};

/// The first `KASHF_BENCH_CORPUS_MB` MB (default 16) of the corpus,
/// articles joined by a blank line.
fn corpus() -> Option<String> {
    Some(common::corpus_articles(16)?.join("\n\n"))
}

fn key_of(text: &str) -> String {
    let n = Normalizer::default().normalize(text);
    let mut key = String::new();
    matching_key(n.text(), &mut key);
    key
}

/// The matching keys of every spelling in a pattern set, deduplicated.
fn pattern_sets() -> Vec<(String, Vec<String>)> {
    let mut sets = Vec::new();
    let mut keys: Vec<String> = Gazetteer::embedded()
        .entries()
        .iter()
        .flat_map(|e| e.spellings())
        .map(key_of)
        .filter(|k| k.chars().count() >= 2)
        .collect();
    keys.sort();
    keys.dedup();
    sets.push(("default".to_owned(), keys));
    for n in ["1k", "10k", "100k"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("../shared/data/bench/names-{n}.txt"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("{}: absent, skipped", path.display());
            continue;
        };
        let mut keys: Vec<String> = text
            .lines()
            .map(key_of)
            .filter(|k| k.chars().count() >= 2)
            .collect();
        keys.sort();
        keys.dedup();
        sets.push((format!("names-{n}"), keys));
    }
    sets
}

enum Engine {
    Ac(AhoCorasick),
    Daac(CharwiseDoubleArrayAhoCorasick<u32>),
}

impl Engine {
    fn count(&self, hay: &str) -> usize {
        match self {
            Engine::Ac(ac) => ac.find_iter(hay).count(),
            Engine::Daac(d) => d.leftmost_find_iter(hay).count(),
        }
    }
}

const ENGINES: &[&str] = &[
    "ac-auto",
    "ac-dfa",
    "ac-contiguous-nfa",
    "ac-noncontiguous-nfa",
    "daachorse",
];

fn build(engine: &str, keys: &[String]) -> Option<Engine> {
    let ac = |kind: Option<AhoCorasickKind>| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(kind)
            .build(keys)
            .ok()
            .map(Engine::Ac)
    };
    match engine {
        "ac-auto" => ac(None),
        "ac-dfa" => ac(Some(AhoCorasickKind::DFA)),
        "ac-contiguous-nfa" => ac(Some(AhoCorasickKind::ContiguousNFA)),
        "ac-noncontiguous-nfa" => ac(Some(AhoCorasickKind::NoncontiguousNFA)),
        "daachorse" => CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(daachorse::MatchKind::LeftmostLongest)
            .build(keys)
            .ok()
            .map(Engine::Daac),
        _ => unreachable!(),
    }
}

fn automata(c: &mut Criterion) {
    // Without the corpus, `corpus_articles` has said so.
    let Some(text) = corpus() else {
        return;
    };
    let hay = key_of(&text);
    for (set, keys) in pattern_sets() {
        let mut g = c.benchmark_group(format!("automaton/{set}"));
        g.sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(4));
        g.throughput(Throughput::Bytes(hay.len() as u64));
        let mut expected = None;
        for &name in ENGINES {
            let Some(engine) = build(name, &keys) else {
                eprintln!("{set}: {name} could not be built, skipped");
                continue;
            };
            let n = engine.count(&hay);
            assert_eq!(*expected.get_or_insert(n), n, "{set}: {name} disagrees");
            g.bench_function(BenchmarkId::new("search", name), |b| {
                b.iter(|| assert_eq!(engine.count(black_box(&hay)), n))
            });
        }
        g.finish();

        let mut g = c.benchmark_group(format!("build/{set}"));
        g.sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
        for &name in ENGINES {
            g.bench_function(name, |b| {
                b.iter(|| assert!(build(name, black_box(&keys)).is_some()))
            });
        }
        g.finish();
    }
}

fn matcher(c: &mut Criterion) {
    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    g.bench_function("parse embedded", |b| {
        b.iter(|| assert!(!Gazetteer::embedded().entries().is_empty()))
    });
    let embedded = [Gazetteer::embedded()];
    g.bench_function("Matcher::new(embedded)", |b| {
        b.iter(|| assert!(!Matcher::new(black_box(&embedded)).unwrap().is_empty()))
    });
    g.bench_function("Extractor::build", |b| {
        b.iter(|| assert!(!Extractor::builder().build().unwrap().matcher().is_empty()))
    });
    g.finish();

    let Some(text) = corpus() else { return };
    let extractor = Extractor::builder().build().unwrap();
    let expected = extractor.extract(&text).len();
    let mut g = c.benchmark_group("corpus");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("extract", |b| {
        b.iter(|| assert_eq!(extractor.extract(black_box(&text)).len(), expected))
    });
    g.finish();
}

/// The exact matcher over the key's characters (daachorse) and over word
/// ids (as the pipeline runs it for the embedded gazetteers), on the same
/// documents, each timed run checking its count.
fn exact(c: &mut Criterion) {
    let Some(docs) = common::corpus_articles(16) else {
        return;
    };
    let matcher = Matcher::embedded();
    let bench = matcher.exact_bench(&docs);
    eprintln!(
        "{} documents, {} bytes of matching key",
        docs.len(),
        bench.bytes()
    );
    eprintln!("{}", bench.compare(60));
    let mut g = c.benchmark_group("exact");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(6));
    g.throughput(Throughput::Bytes(bench.bytes() as u64));
    let contenders = ["daachorse", "ids"];
    let counts: Vec<usize> = contenders
        .iter()
        .map(|c| bench.run(c).expect("a contender"))
        .collect();
    assert!(counts.iter().all(|&n| n == counts[0]), "{counts:?}");
    eprintln!("exact candidates: {counts:?}");
    for (name, want) in contenders.into_iter().zip(counts) {
        g.bench_function(name, |b| {
            b.iter(|| assert_eq!(black_box(&bench).run(name), Some(want)))
        });
    }
    g.finish();
}

criterion_group!(benches, automata, matcher, exact);
criterion_main!(benches);
