//! Statements reported by several outlets. (Provisional: to be replaced.)

use clippings_core::{Document, Quote, QuoteGroup};

pub fn group_statements(_documents: &[Document], _quotes: &[Quote]) -> Vec<QuoteGroup> {
    Vec::new()
}
