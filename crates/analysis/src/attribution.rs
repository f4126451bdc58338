//! Entities, direct quotes and their speakers.
//!
//! The stage runs per document, then once across the corpus:
//! 1. [`context`]: tokens ([`tokens`]), top-level quotations ([`marks`]),
//!    the writer's sentences, sentence starts and headline-case paragraphs.
//! 2. [`entities`]: people, organizations and places in the document, with
//!    surnames resolved to the nearest full name and roles read from titles
//!    and appositions. Sentence-initial capitals are judged against the
//!    corpus [`entities::Vocabulary`] of words also written in lower case.
//! 3. [`speakers`]: each quotation is attributed by cue patterns, pronouns
//!    are resolved, floating quotes inherit, and scare quotes and titles
//!    are dropped.
//! 4. [`merge`]: clusters merged across documents (aliases, misspellings,
//!    English and Chinese names of one person), canonical names chosen.
//!
//! Why this shape: quote detection and attribution depend on each other
//! only through spans, so each piece is testable alone, and everything is
//! byte spans into the clean text, never copies. Nothing here indexes or
//! slices text without `get`, so arbitrary input cannot panic.
//!
//! Decisions a reader of the output should know:
//! - `Quote.span` is the text between the marks, trimmed of spaces; for a
//!   multi-paragraph quote it runs from the first opening mark to the last
//!   closing mark and so includes the continuation marks in between.
//! - A floating quote (no cue of its own, following an attributed quote)
//!   has the previous quote's `speaker` and `mention`, and `cue: None`.
//! - A quote of one to three words with no cue is not kept (scare quotes,
//!   terms, nicknames); with a cue it is a partial quote.
//! - Organizations can be speakers ("Alibaba said in a statement"); an
//!   unnamed "a spokeswoman" has no speaker but keeps its `mention`.

mod context;
pub mod entities;
mod gazetteer;
mod lexicon;
pub mod marks;
mod merge;
mod speakers;
mod tokens;

use clippings_core::{Document, Entity, Quote};
use context::DocCtx;
use entities::Vocabulary;

/// Entities and quotes of a corpus; quotes sorted by (doc, span.start).
pub fn analyze(documents: &[Document]) -> (Vec<Entity>, Vec<Quote>) {
    let contexts: Vec<DocCtx> = documents.iter().map(|d| DocCtx::new(&d.text)).collect();
    let mut vocabulary = Vocabulary::default();
    for ctx in &contexts {
        vocabulary.add_text(ctx);
    }
    let names: Vec<entities::DocNames> = contexts
        .iter()
        .map(|ctx| entities::detect(ctx, &vocabulary))
        .collect();
    let local_quotes: Vec<Vec<speakers::LocalQuote>> = contexts
        .iter()
        .zip(&names)
        .map(|(ctx, n)| speakers::attribute(ctx, n))
        .collect();
    let merged = merge::merge(&names);
    let mut quotes = Vec::new();
    for (doc, (ctx, locals)) in contexts.iter().zip(&local_quotes).enumerate() {
        for q in locals {
            let Some(region) = ctx.regions.get(q.region) else {
                continue;
            };
            let speaker = q
                .speaker
                .and_then(|c| merged.index.get(&(doc, c)))
                .and_then(|&e| merged.entities.get(e))
                .map(|e| e.name.clone());
            quotes.push(Quote {
                doc: u32::try_from(doc).unwrap_or(u32::MAX),
                span: region.inner,
                outer: region.outer,
                speaker,
                mention: q.mention,
                cue: q.cue.clone(),
                partial: q.partial,
            });
        }
    }
    quotes.sort_by_key(|q| (q.doc, q.span.start, q.span.end));
    (merged.entities, quotes)
}
