//! The engine behind a minimal JavaScript API, for `cargo xtask bench`.
//!
//! The benchmark page hands over the bundle bytes once; every call after that
//! is timed from JavaScript, so the numbers include the JS↔wasm crossing a
//! real page pays.

use clippings_search::{Engine, SearchRequest};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Bench {
    engine: Engine<'static>,
}

/// Bundle bytes copied into wasm memory for the page's lifetime. Separate
/// from [`Bench::open`] so the benchmark times opening alone: the app's
/// bundle is embedded in the wasm module and never copied from JavaScript.
#[wasm_bindgen]
pub struct Bytes {
    bytes: &'static [u8],
}

#[wasm_bindgen]
impl Bytes {
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: Vec<u8>) -> Bytes {
        Bytes {
            bytes: Box::leak(bytes.into_boxed_slice()),
        }
    }
}

#[wasm_bindgen]
impl Bench {
    /// Open a bundle already in wasm memory.
    pub fn open(bytes: &Bytes) -> Result<Bench, JsError> {
        let engine = Engine::open(bytes.bytes).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Bench { engine })
    }

    /// Open a bundle. The bytes live as long as the page (the engine borrows
    /// them in place, as the app does with its embedded bundle).
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: Vec<u8>) -> Result<Bench, JsError> {
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let engine = Engine::open(bytes).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Bench { engine })
    }

    /// Ranked article hits only (what MiniSearch and FlexSearch return).
    /// Returns the number of hits; `top` gets the best ids.
    pub fn search(&self, query: &str) -> u32 {
        let mut request = SearchRequest::new(query);
        request.facets = false;
        request.quotes = false;
        self.engine.search(&request).hits.len() as u32
    }

    /// Everything the app computes per keystroke: hits, quote hits and
    /// facet counts.
    pub fn search_full(&self, query: &str) -> u32 {
        self.engine.search(&SearchRequest::new(query)).hits.len() as u32
    }

    /// Ids of the best `n` hits, to check the engines agree on what they find.
    pub fn top(&self, query: &str, n: usize) -> Vec<String> {
        let mut request = SearchRequest::new(query);
        request.facets = false;
        request.quotes = false;
        let r = self.engine.search(&request);
        r.hits
            .iter()
            .take(n)
            .filter_map(|h| self.engine.document(h.doc).map(|d| d.id.clone()))
            .collect()
    }

    pub fn doc_count(&self) -> u32 {
        self.engine.doc_count() as u32
    }
}
