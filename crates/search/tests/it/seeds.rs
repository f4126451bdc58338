//! The engine over the analysed seed articles.

use clippings_search::{build_bundle, Engine, SearchRequest};
use std::path::PathBuf;
use std::sync::OnceLock;

fn bundle() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let corpus = clippings_analysis::analyze_dir(&dir).expect("seeds analyse");
        build_bundle(&corpus)
    })
}

/// Ids (file name prefixes) of the articles `query` finds, sorted.
fn found(query: &str) -> Vec<String> {
    let engine = Engine::open(bundle()).unwrap();
    let r = engine.search(&SearchRequest::new(query));
    let mut ids: Vec<String> = r
        .hits
        .iter()
        .map(|h| engine.document(h.doc).unwrap().id[..3].to_string())
        .collect();
    ids.sort();
    ids
}

fn check(query: &str, expected: &[&str]) {
    assert_eq!(found(query), expected, "{query:?}");
}

#[test]
fn phrase_finds_exactly_the_articles_that_carry_it() {
    check("\"global buy and global sell\"", &["001", "002"]);
    // 000 quotes it as adopt "global thinking.": marks do not break a phrase.
    check("\"adopt global thinking\"", &["000", "001", "002", "003"]);
}

#[test]
fn variants_typos_and_prefixes() {
    let with_globalize = found("globalise ");
    for id in ["000", "002", "003"] {
        assert!(with_globalize.contains(&id.to_string()), "{id}");
    }
    check("Zulliy ", &["001", "003"]);
    check("zuli", &["001", "003"]);
    check("\"$1 trillion\"", &["002"]);
    check("\"10 percent\" zulily", &["003"]);
}

#[test]
fn speakers_and_entities() {
    check("speaker:\"Jack Ma\"", &["002"]);
    check("speaker:\"Zhang Jianfeng\"", &["004"]);
}
