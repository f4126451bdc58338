//! The embedded corpus bundle, opened once.

use clippings_search::Engine;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Written by `build.rs` from `seeds/` (or `CLIPPINGS_CORPUS`).
static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The engine over the embedded bundle, or why it could not be opened.
pub fn engine() -> Result<&'static Engine<'static>, &'static str> {
    static ENGINE: OnceLock<Result<Engine<'static>, String>> = OnceLock::new();
    ENGINE
        .get_or_init(|| Engine::open(BUNDLE).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(String::as_str)
}

/// Document index by id.
pub fn doc_index(id: &str) -> Option<u32> {
    static IDS: OnceLock<HashMap<String, u32>> = OnceLock::new();
    let ids = IDS.get_or_init(|| match engine() {
        Ok(e) => e
            .corpus
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i as u32))
            .collect(),
        Err(_) => HashMap::new(),
    });
    ids.get(id).copied()
}
