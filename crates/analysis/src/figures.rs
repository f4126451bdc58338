//! Figures that disagree across outlets. (Provisional: to be replaced.)

use clippings_core::{Discrepancy, Document};

pub fn discrepancies(_documents: &[Document]) -> Vec<Discrepancy> {
    Vec::new()
}
