//! Native benchmark of the core: opening a bundle and answering queries.
//!
//! Runs on the seeds, and on the bundle named by `CLIPPINGS_BENCH_BUNDLE`
//! (`cargo xtask bench` points it at the NewsArticles bundle).

use clippings_search::{build_bundle, Engine, SearchRequest};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::path::PathBuf;

const QUERIES: &[(&str, &str)] = &[
    ("1-term", "government "),
    ("2-term", "white house "),
    ("3-term", "prime minister said "),
    ("phrase", "\"the white house\""),
    ("typo", "goverment "),
    ("prefix", "presid"),
    ("no-hit", "qzxvplorf "),
    ("seeds 1-term", "alibaba "),
    ("seeds phrase", "\"global buy and global sell\""),
];

fn bundles() -> Vec<(String, Vec<u8>)> {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut out = Vec::new();
    if let Ok(corpus) = clippings_analysis::analyze_dir(&seeds) {
        out.push(("seeds".to_string(), build_bundle(&corpus)));
    }
    if let Some(path) = std::env::var_os("CLIPPINGS_BENCH_BUNDLE") {
        if let Ok(bytes) = std::fs::read(&path) {
            out.push(("news".to_string(), bytes));
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    for (name, bytes) in bundles() {
        c.bench_function(&format!("{name}/open"), |b| {
            b.iter(|| Engine::open(black_box(&bytes)).map(|e| e.doc_count()))
        });
        let Ok(engine) = Engine::open(&bytes) else {
            continue;
        };
        for (label, query) in QUERIES {
            let mut request = SearchRequest::new(*query);
            request.facets = false;
            request.quotes = false;
            c.bench_function(&format!("{name}/{label}"), |b| {
                b.iter(|| engine.search(black_box(&request)).hits.len())
            });
            let full = SearchRequest::new(*query);
            c.bench_function(&format!("{name}/{label} +facets+quotes"), |b| {
                b.iter(|| engine.search(black_box(&full)).hits.len())
            });
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
