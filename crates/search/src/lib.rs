//! Clippings' search engine, built to run in the browser on an index made
//! at compile time.
//!
//! Design, in one paragraph: the build writes one versioned [`bundle`] with
//! the analysed corpus and a positional index (three [`fst`] dictionaries over
//! one postings blob); the app opens it in place ([`Engine::open`]) and never
//! tokenizes the corpus. A query is parsed leniently ([`query`]), each word is
//! expanded to the index forms it matches with a match kind (exact, then
//! variant, stemmed, prefix, fuzzy; see [`index`]), clauses are evaluated once over
//! their postings and ranked with BM25F plus a proximity bonus ([`rank`]).
//! Facets are bitsets ([`bitset`]) with Pagefind-style counts; snippets
//! ([`snippet`]) are exact byte ranges, escaped on output.
//!
//! Everything here is plain Rust with no browser dependency, tested natively.

pub mod bitset;
pub mod builder;
pub mod bundle;
pub mod engine;
pub mod index;
pub mod query;
pub mod rank;
pub mod snippet;
pub mod varint;

pub use builder::build_bundle;
pub use bundle::{FacetKind, FormatError, FORMAT_VERSION};
pub use engine::{
    Engine, Explanation, FacetCount, FacetCounts, Hit, QuoteHit, SearchRequest, SearchResults,
    Selection, Sort,
};
pub use query::Hint;
pub use snippet::{escape_html, Field, Snippet, SNIPPET_LEN};
