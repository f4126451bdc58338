//! The corpus bundle: one versioned binary holding the analysed corpus and
//! its search index, written at build time and opened in place at start-up.
//!
//! Layout: `MAGIC` (8 bytes) · format version (u32 LE) · payload length (u64
//! LE) · payload. The payload is [`postcard`] of [`Bundle`]; every large field
//! (document text, the three term dictionaries, postings) is a borrowed
//! `&[u8]`/`Cow<str>`, so opening deserializes only small metadata and never
//! copies or re-tokenizes text. Term dictionaries are [`fst`] maps, which are
//! read directly from their bytes.
//!
//! A reader refuses a bundle whose magic or version differs with a
//! [`FormatError`] that says what it found and what it expected: an app built
//! against one version can never misread another's bytes as garbage.

use clippings_core::Corpus;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The first bytes of every bundle.
pub const MAGIC: &[u8; 8] = b"CLIPPNGS";

/// Bumped whenever the payload layout changes.
pub const FORMAT_VERSION: u32 = 1;

const HEADER_LEN: usize = 8 + 4 + 8;

/// The whole bundle: the analysed corpus and its index.
#[derive(Debug, Serialize, Deserialize)]
pub struct Bundle<'a> {
    #[serde(borrow)]
    pub corpus: Corpus<'a>,
    #[serde(borrow)]
    pub index: IndexData<'a>,
}

/// A range of word positions `[start, end)` in one document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PosRange {
    pub start: u32,
    pub end: u32,
}

impl PosRange {
    pub fn contains(self, position: u32) -> bool {
        self.start <= position && position < self.end
    }
}

/// The positional index. Term ids ("forms") are ordinals in the `forms` fst.
#[derive(Debug, Serialize, Deserialize)]
pub struct IndexData<'a> {
    /// fst: form → form id.
    #[serde(borrow)]
    pub forms: &'a [u8],
    /// fst: normalized key (diacritics folded, American spelling) → offset of
    /// a form-id list in `groups`.
    #[serde(borrow)]
    pub norms: &'a [u8],
    /// fst: stem of the normalized key → offset of a form-id list in `groups`.
    #[serde(borrow)]
    pub stems: &'a [u8],
    /// Form-id lists: count, then delta-coded ids (LEB128).
    #[serde(borrow)]
    pub groups: &'a [u8],
    /// Per form: doc count, then per doc: doc delta, term frequency, position
    /// deltas (LEB128).
    #[serde(borrow)]
    pub postings: &'a [u8],
    /// Per form id: u32 LE offset into `postings`.
    #[serde(borrow)]
    pub postings_index: &'a [u8],
    /// Per document, in corpus order.
    pub docs: Vec<DocStats>,
    /// Per quote (parallel to `corpus.quotes`): its word positions.
    pub quote_ranges: Vec<PosRange>,
    /// Mean field lengths in words, for BM25 length normalisation.
    pub avg_title_len: f32,
    pub avg_body_len: f32,
    pub facets: Vec<Facet>,
}

/// Per-document index statistics.
///
/// Word positions: the title's words are `0..title_len`; the body's word `i`
/// is at `body_base() + i`, one gap after the title so a phrase never spans
/// title and body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocStats {
    pub title_len: u32,
    pub body_len: u32,
    /// Positions covered by entity mentions (sorted, disjoint).
    pub entity_ranges: Vec<PosRange>,
    /// Index of this document's first quote in `corpus.quotes` (quotes are
    /// sorted by document) and how many it has.
    pub first_quote: u32,
    pub quote_count: u32,
}

impl DocStats {
    pub fn body_base(&self) -> u32 {
        self.title_len + 1
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FacetKind {
    Outlet,
    Year,
    Month,
    Speaker,
    Person,
    Organization,
    Place,
    HasQuotes,
}

impl FacetKind {
    pub const ALL: [FacetKind; 8] = [
        FacetKind::Outlet,
        FacetKind::Year,
        FacetKind::Month,
        FacetKind::Speaker,
        FacetKind::Person,
        FacetKind::Organization,
        FacetKind::Place,
        FacetKind::HasQuotes,
    ];

    /// The name used in URLs, the CLI and JSON.
    pub fn key(self) -> &'static str {
        match self {
            FacetKind::Outlet => "outlet",
            FacetKind::Year => "year",
            FacetKind::Month => "month",
            FacetKind::Speaker => "speaker",
            FacetKind::Person => "person",
            FacetKind::Organization => "org",
            FacetKind::Place => "place",
            FacetKind::HasQuotes => "has_quotes",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FacetKind::Outlet => "Outlet",
            FacetKind::Year => "Year",
            FacetKind::Month => "Month",
            FacetKind::Speaker => "Speaker",
            FacetKind::Person => "Person",
            FacetKind::Organization => "Organization",
            FacetKind::Place => "Place",
            FacetKind::HasQuotes => "Has quotes",
        }
    }

    pub fn from_key(key: &str) -> Option<FacetKind> {
        FacetKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// One facet: its values and the documents carrying each.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Facet {
    pub kind: FacetKind,
    /// Sorted by document count, descending (by value for dates).
    pub values: Vec<FacetValue>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FacetValue {
    pub name: String,
    /// Sorted document indices.
    pub docs: Vec<u32>,
}

/// Why a bundle could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    TooShort(usize),
    BadMagic,
    Version { found: u32, expected: u32 },
    Length { declared: u64, actual: usize },
    Payload(String),
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::TooShort(n) => {
                write!(f, "corpus bundle is {n} bytes, shorter than its header")
            }
            FormatError::BadMagic => write!(f, "not a Clippings corpus bundle (bad magic bytes)"),
            FormatError::Version { found, expected } => write!(
                f,
                "corpus bundle has format version {found}, this build reads version {expected}: rebuild the corpus"
            ),
            FormatError::Length { declared, actual } => write!(
                f,
                "corpus bundle is truncated: header declares {declared} payload bytes, found {actual}"
            ),
            FormatError::Payload(e) => write!(f, "corpus bundle payload is corrupt: {e}"),
        }
    }
}

impl std::error::Error for FormatError {}

/// Serialize a bundle with its header.
pub fn encode(bundle: &Bundle<'_>) -> Vec<u8> {
    // postcard only fails on types it cannot represent; Bundle has none.
    let payload = postcard::to_allocvec(bundle).unwrap_or_default();
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

/// Open a bundle in place: check the header, then borrow everything large
/// from `bytes`.
pub fn decode(bytes: &[u8]) -> Result<Bundle<'_>, FormatError> {
    if bytes.len() < HEADER_LEN {
        if bytes.len() >= 8 && &bytes[..8] != MAGIC {
            return Err(FormatError::BadMagic);
        }
        return Err(FormatError::TooShort(bytes.len()));
    }
    if &bytes[..8] != MAGIC {
        return Err(FormatError::BadMagic);
    }
    let mut version = [0u8; 4];
    version.copy_from_slice(&bytes[8..12]);
    let found = u32::from_le_bytes(version);
    if found != FORMAT_VERSION {
        return Err(FormatError::Version {
            found,
            expected: FORMAT_VERSION,
        });
    }
    let mut len = [0u8; 8];
    len.copy_from_slice(&bytes[12..20]);
    let declared = u64::from_le_bytes(len);
    let payload = &bytes[HEADER_LEN..];
    if declared != payload.len() as u64 {
        return Err(FormatError::Length {
            declared,
            actual: payload.len(),
        });
    }
    postcard::from_bytes(payload).map_err(|e| FormatError::Payload(e.to_string()))
}

/// Where a bundle's bytes go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Breakdown {
    pub total: usize,
    /// Documents (with their text) and analysis results.
    pub corpus: usize,
    /// Dictionaries, postings with positions, per-document statistics, facets.
    pub index: usize,
    /// Titles and clean texts, the text the index covers.
    pub text: usize,
}

/// Measure a bundle.
pub fn breakdown(bytes: &[u8]) -> Result<Breakdown, FormatError> {
    let bundle = decode(bytes)?;
    let corpus = postcard::to_allocvec(&bundle.corpus)
        .map(|v| v.len())
        .unwrap_or(0);
    let text = bundle
        .corpus
        .documents
        .iter()
        .map(|d| d.title.len() + d.text.len())
        .sum();
    Ok(Breakdown {
        total: bytes.len(),
        corpus,
        index: bytes.len().saturating_sub(corpus + HEADER_LEN),
        text,
    })
}
