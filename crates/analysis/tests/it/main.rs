//! The analysis crate's one integration-test binary: features checked on
//! small fixtures and on the seed articles, one module per pipeline stage.

mod align;
mod document;
mod figures;
mod ingest;
mod quotes;
mod support;
