//! Clippings' shared core: the data model every other crate speaks, and the
//! one text pipeline that indexing, querying, highlighting and quote alignment
//! all share.
//!
//! Why one crate for both: the analysis crate (build time, native only), the
//! search crate (build time and in the browser) and the app all need the same
//! `Document`/`Quote`/`Entity` types and the same idea of what a word is. If
//! the indexer and the query parser tokenized differently, highlights would
//! drift and phrases would silently stop matching; keeping a single
//! [`text::tokenize`] here makes that impossible by construction.
//!
//! This crate is deliberately light (serde + Unicode tables + a Snowball
//! stemmer) so that it compiles quickly for `wasm32-unknown-unknown`.
//!
//! # Invariants
//! - Every [`Span`] is a byte range `start <= end` into one document's clean
//!   `text`, on UTF-8 character boundaries. [`Span::new`] orders its ends, and
//!   [`Span::slice`] never panics, even on a span that does not fit.
//! - A document's clean text separates paragraphs with exactly one blank line
//!   (`"\n\n"`); there is no other paragraph structure to keep in sync.

pub mod model;
pub mod spelling;
pub mod text;

pub use model::*;
