//! Corpus analysis: from a folder of raw news articles to the structured
//! [`Corpus`] the explorer shows.
//!
//! It runs at build time (the app's `build.rs`) and from the `clippings`
//! CLI, never in the browser, so it can afford to be thorough; what it finds
//! is stored as spans over each document's clean text.
//!
//! The pipeline, one module per stage:
//! 1. [`ingest`]: read the folder (txt, md, html, csv, jsonl, an optional
//!    `clippings.toml` manifest), decode leniently, warn about bad files.
//! 2. [`document`]: strip page furniture (keeping what was removed) and infer
//!    metadata (title, outlet, date, byline, url) the text supports.
//! 3. [`attribution`]: people, organizations and places; direct quotes with
//!    their speakers, pronouns and surnames resolved, aliases merged across
//!    documents.
//! 4. [`align`]: one statement reported by several outlets, with word diffs.
//! 5. [`figures`]: numbers about the same subject that disagree.
//!
//! Nothing here panics on input: every stage takes arbitrary text and reports
//! problems as [`Warning`]s that name the file.

use clippings_core::{Corpus, Document, Warning};
use std::path::Path;

pub mod align;
pub mod attribution;
pub mod document;
pub mod figures;
pub mod ingest;

pub use ingest::{AnalyzeError, Article};

/// Analyse every article under `dir` (recursively).
///
/// Fails only when the folder itself is unusable (missing, not a folder, no
/// readable article); problems with single files are warnings.
pub fn analyze_dir(dir: &Path) -> Result<Corpus<'static>, AnalyzeError> {
    let (articles, warnings) = ingest::read_dir(dir)?;
    Ok(analyze_articles(articles, warnings))
}

/// Analyse articles already read (tests and tools build them in memory).
pub fn analyze_articles(articles: Vec<Article>, mut warnings: Vec<Warning>) -> Corpus<'static> {
    let documents: Vec<Document<'static>> = document::build_all(articles, &mut warnings);
    let (entities, mut quotes) = attribution::analyze(&documents);
    // The index and the reader rely on quotes in document, then text, order.
    quotes.sort_by_key(|q| (q.doc, q.span.start, q.span.end));
    let quote_groups = align::group_statements(&documents, &quotes);
    let discrepancies = figures::discrepancies(&documents);
    Corpus {
        documents,
        quotes,
        entities,
        quote_groups,
        discrepancies,
        warnings,
    }
}
