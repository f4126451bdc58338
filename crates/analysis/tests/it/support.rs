//! Shared helpers for the integration tests.
#![allow(dead_code)]

use clippings_analysis::{analyze_articles, analyze_dir, Article};
use clippings_core::Corpus;
use std::path::PathBuf;
use std::sync::OnceLock;

/// The repository's `seeds/` folder.
pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// The fixtures folder of this crate's tests.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The analysed seeds, computed once per test run.
pub fn seeds() -> &'static Corpus<'static> {
    static SEEDS: OnceLock<Corpus<'static>> = OnceLock::new();
    SEEDS.get_or_init(|| analyze_dir(&seeds_dir()).expect("seeds analyse"))
}

/// Analyse one in-memory article with the given raw text.
pub fn analyze_text(id: &str, raw: &str) -> Corpus<'static> {
    analyze_articles(
        vec![Article {
            id: id.to_string(),
            path: format!("{id}.txt"),
            raw: raw.to_string(),
            ..Default::default()
        }],
        Vec::new(),
    )
}

/// Analyse several in-memory articles `(id, raw)`.
pub fn analyze_texts(articles: &[(&str, &str)]) -> Corpus<'static> {
    analyze_articles(
        articles
            .iter()
            .map(|(id, raw)| Article {
                id: id.to_string(),
                path: format!("{id}.txt"),
                raw: raw.to_string(),
                ..Default::default()
            })
            .collect(),
        Vec::new(),
    )
}

/// Property-test cases: `n` by default, `PROPTEST_CASES` when set, so a
/// long fuzzing run is `PROPTEST_CASES=100000 cargo test --release …`.
pub fn cases(n: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(n)
}
