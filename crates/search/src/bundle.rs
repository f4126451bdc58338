//! The corpus bundle: one versioned binary holding the analysed corpus and
//! its search index, written at build time and opened in place at start-up.
//!
//! Layout: `MAGIC` (8 bytes) · format version (u32 LE) · payload length (u64
//! LE) · payload. The payload is [`postcard`] of the corpus's fields and the
//! index (entities in a compact codec of their own, see `entities_codec`);
//! every large field (document text, the three term dictionaries, postings)
//! is a borrowed `&[u8]`/`Cow<str>`, so opening deserializes only small
//! metadata and never copies or re-tokenizes text. Term dictionaries are
//! [`fst`] maps, read directly from their bytes; facets are decoded on first
//! use.
//!
//! A reader refuses a bundle whose magic or version differs with a
//! [`FormatError`] that says what it found and what it expected: an app built
//! against one version can never misread another's bytes as garbage.

use clippings_core::{
    Corpus, DiffKind, DiffOp, Discrepancy, Document, Entity, EntityKind, GroupMember, Mention,
    Quote, QuoteGroup, Span, Warning,
};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The first bytes of every bundle.
pub const MAGIC: &[u8; 8] = b"CLIPPNGS";

/// Bumped whenever the payload layout changes.
pub const FORMAT_VERSION: u32 = 4;

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
    /// fst: normalized key (diacritics folded, American spelling) → one form
    /// id inline (`id << 1 | 1`) or the offset of a form-id list in `groups`
    /// (`offset << 1`).
    #[serde(borrow)]
    pub norms: &'a [u8],
    /// fst: stem of the normalized key → form ids, encoded as in `norms`.
    #[serde(borrow)]
    pub stems: &'a [u8],
    /// Form-id lists: count, then delta-coded ids (LEB128).
    #[serde(borrow)]
    pub groups: &'a [u8],
    /// Per form: doc count, then per doc: `doc delta << 2 | (tf == 1) << 1 |
    /// plain`, the byte length of the position deltas unless tf is 1, the
    /// position deltas (LEB128); see [`crate::index::Postings`].
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
    /// postcard of `Vec<Facet>`, decoded on first use (facet counts and
    /// named filters), so opening the bundle does not pay for it.
    #[serde(borrow)]
    pub facets: &'a [u8],
}

/// Encode facets for [`IndexData::facets`].
pub fn encode_facets(facets: &[Facet]) -> Vec<u8> {
    postcard::to_allocvec(facets).unwrap_or_default()
}

/// Decode [`IndexData::facets`]; corrupt bytes give no facets.
pub fn decode_facets(bytes: &[u8]) -> Vec<Facet> {
    postcard::from_bytes(bytes).unwrap_or_default()
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
    /// Positions covered by entity mentions (sorted, disjoint; stored as
    /// gap/length varints).
    #[serde(with = "ranges_delta")]
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
    /// Sorted document indices (stored delta-coded).
    #[serde(with = "docs_delta")]
    pub docs: Vec<u32>,
}

/// Quotes: document, span, outer span, a flag byte (speaker, mention, cue,
/// partial), then the present optional fields.
mod quotes_codec {
    use super::entities_codec::{list, put_span, put_str, span, string};
    use super::Quote;
    use crate::varint;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(quotes: &&[Quote], s: S) -> Result<S::Ok, S::Error> {
        let mut out = Vec::new();
        varint::write(&mut out, quotes.len() as u64);
        for q in quotes.iter() {
            varint::write(&mut out, u64::from(q.doc));
            put_span(&mut out, q.span);
            put_span(&mut out, q.outer);
            out.push(
                u8::from(q.speaker.is_some())
                    | u8::from(q.mention.is_some()) << 1
                    | u8::from(q.cue.is_some()) << 2
                    | u8::from(q.partial) << 3,
            );
            if let Some(x) = &q.speaker {
                put_str(&mut out, x);
            }
            if let Some(m) = q.mention {
                put_span(&mut out, m);
            }
            if let Some(x) = &q.cue {
                put_str(&mut out, x);
            }
        }
        s.serialize_bytes(&out)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Quote>, D::Error> {
        d.deserialize_bytes(super::BytesVisitor(|bytes: &[u8]| {
            list(bytes, |r| {
                let doc = r.read_u32()?;
                let span_ = span(r)?;
                let outer = span(r)?;
                let flags = *r.take(1)?.first()?;
                let speaker = if flags & 1 != 0 {
                    Some(string(r)?)
                } else {
                    None
                };
                let mention = if flags & 2 != 0 { Some(span(r)?) } else { None };
                let cue = if flags & 4 != 0 {
                    Some(string(r)?)
                } else {
                    None
                };
                Some(Quote {
                    doc,
                    span: span_,
                    outer,
                    speaker,
                    mention,
                    cue,
                    partial: flags & 8 != 0,
                })
            })
        }))
    }
}

/// Quote groups: members (document, span, quote + 1 or 0), then per variant
/// its diff operations (kind byte, text).
mod groups_codec {
    use super::entities_codec::{list, put_span, put_str, span, string};
    use super::{DiffKind, DiffOp, GroupMember, QuoteGroup};
    use crate::varint::{self, Reader};
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(groups: &&[QuoteGroup], s: S) -> Result<S::Ok, S::Error> {
        let mut out = Vec::new();
        varint::write(&mut out, groups.len() as u64);
        for g in groups.iter() {
            varint::write(&mut out, g.members.len() as u64);
            for m in &g.members {
                varint::write(&mut out, u64::from(m.doc));
                put_span(&mut out, m.span);
                varint::write(&mut out, m.quote.map_or(0, |q| u64::from(q) + 1));
            }
            varint::write(&mut out, g.diff.len() as u64);
            for ops in &g.diff {
                varint::write(&mut out, ops.len() as u64);
                for op in ops {
                    out.push(match op.op {
                        DiffKind::Same => 0,
                        DiffKind::Added => 1,
                        DiffKind::Removed => 2,
                    });
                    put_str(&mut out, &op.text);
                }
            }
        }
        s.serialize_bytes(&out)
    }

    fn counted<T>(
        r: &mut Reader<'_>,
        mut item: impl FnMut(&mut Reader<'_>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let n = r.read()?.min(r.remaining() as u64) as usize;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(item(r)?);
        }
        Some(out)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<QuoteGroup>, D::Error> {
        d.deserialize_bytes(super::BytesVisitor(|bytes: &[u8]| {
            list(bytes, |r| {
                let members = counted(r, |r| {
                    let doc = r.read_u32()?;
                    let span = span(r)?;
                    let quote = r.read_u32()?.checked_sub(1);
                    Some(GroupMember { doc, span, quote })
                })?;
                let diff = counted(r, |r| {
                    counted(r, |r| {
                        let op = match r.take(1)?.first()? {
                            0 => DiffKind::Same,
                            1 => DiffKind::Added,
                            _ => DiffKind::Removed,
                        };
                        Some(DiffOp {
                            op,
                            text: string(r)?,
                        })
                    })
                })?;
                Some(QuoteGroup { members, diff })
            })
        }))
    }
}

/// Byte-string visitor shared by the delta codecs below: accepts borrowed or
/// owned bytes and hands them to `decode`.
struct BytesVisitor<F>(F);

impl<'de, T, F: FnOnce(&[u8]) -> T> serde::de::Visitor<'de> for BytesVisitor<F> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a byte string")
    }
    fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<T, E> {
        Ok((self.0)(v))
    }
    fn visit_borrowed_bytes<E: serde::de::Error>(self, v: &'de [u8]) -> Result<T, E> {
        Ok((self.0)(v))
    }
    fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<T, E> {
        Ok((self.0)(&v))
    }
}

/// Sorted `u32` lists as one byte string of LEB128 deltas (about half the
/// size of postcard's plain varints for document lists).
mod docs_delta {
    use crate::varint;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(docs: &[u32], s: S) -> Result<S::Ok, S::Error> {
        let mut out = Vec::with_capacity(docs.len());
        let mut prev = 0u32;
        for &d in docs {
            varint::write(&mut out, u64::from(d.wrapping_sub(prev)));
            prev = d;
        }
        s.serialize_bytes(&out)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u32>, D::Error> {
        d.deserialize_bytes(super::BytesVisitor(|bytes: &[u8]| {
            let mut r = varint::Reader::new(bytes);
            let mut out = Vec::with_capacity(bytes.len());
            let mut prev = 0u32;
            while let Some(delta) = r.read_u32() {
                prev = prev.wrapping_add(delta);
                out.push(prev);
            }
            out
        }))
    }
}

/// Sorted disjoint ranges as LEB128 (gap from the previous end, length).
mod ranges_delta {
    use super::PosRange;
    use crate::varint;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(ranges: &[PosRange], s: S) -> Result<S::Ok, S::Error> {
        let mut out = Vec::with_capacity(ranges.len() * 2);
        let mut prev = 0u32;
        for r in ranges {
            varint::write(&mut out, u64::from(r.start.wrapping_sub(prev)));
            varint::write(&mut out, u64::from(r.end.wrapping_sub(r.start)));
            prev = r.end;
        }
        s.serialize_bytes(&out)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<PosRange>, D::Error> {
        d.deserialize_bytes(super::BytesVisitor(|bytes: &[u8]| {
            let mut r = varint::Reader::new(bytes);
            let mut out = Vec::with_capacity(bytes.len() / 2);
            let mut prev = 0u32;
            while let (Some(gap), Some(len)) = (r.read_u32(), r.read_u32()) {
                let start = prev.wrapping_add(gap);
                let end = start.wrapping_add(len);
                out.push(PosRange { start, end });
                prev = end;
            }
            out
        }))
    }
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
    let c = &bundle.corpus;
    let wire = WireOut {
        documents: &c.documents,
        quotes: &c.quotes,
        entities: &c.entities,
        quote_groups: &c.quote_groups,
        discrepancies: &c.discrepancies,
        warnings: &c.warnings,
        index: &bundle.index,
    };
    let payload = postcard::to_allocvec(&wire).unwrap_or_default();
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
    let wire: WireIn<'_> =
        postcard::from_bytes(payload).map_err(|e| FormatError::Payload(e.to_string()))?;
    Ok(Bundle {
        corpus: Corpus {
            documents: wire.documents,
            quotes: wire.quotes,
            entities: wire.entities,
            quote_groups: wire.quote_groups,
            discrepancies: wire.discrepancies,
            warnings: wire.warnings,
        },
        index: wire.index,
    })
}

/// The payload as written: the corpus's fields, then the index. Quotes,
/// entities and quote groups (on NewsArticles 22k quotes, 160k mentions,
/// 36k diff operations) use compact codecs of their own; the rest is plain
/// postcard.
#[derive(Serialize)]
struct WireOut<'b, 'a> {
    documents: &'b [Document<'a>],
    #[serde(serialize_with = "quotes_codec::serialize")]
    quotes: &'b [Quote],
    #[serde(serialize_with = "entities_codec::serialize")]
    entities: &'b [Entity],
    #[serde(serialize_with = "groups_codec::serialize")]
    quote_groups: &'b [QuoteGroup],
    discrepancies: &'b [Discrepancy],
    warnings: &'b [Warning],
    index: &'b IndexData<'a>,
}

#[derive(Deserialize)]
struct WireIn<'a> {
    #[serde(borrow)]
    documents: Vec<Document<'a>>,
    #[serde(deserialize_with = "quotes_codec::deserialize")]
    quotes: Vec<Quote>,
    #[serde(deserialize_with = "entities_codec::deserialize")]
    entities: Vec<Entity>,
    #[serde(deserialize_with = "groups_codec::deserialize")]
    quote_groups: Vec<QuoteGroup>,
    discrepancies: Vec<Discrepancy>,
    warnings: Vec<Warning>,
    #[serde(borrow)]
    index: IndexData<'a>,
}

/// Entities as one byte string: per entity the name, kind, aliases and
/// mentions (document, start, length) as LEB128 and raw UTF-8. Decoding is
/// one tight loop instead of a serde visit per mention and span, which made
/// entities the largest cost of opening a bundle.
mod entities_codec {
    use super::{Entity, EntityKind, Mention, Span};
    use crate::varint::{self, Reader};
    use serde::{Deserializer, Serializer};

    pub(super) fn put_str(out: &mut Vec<u8>, s: &str) {
        varint::write(out, s.len() as u64);
        out.extend_from_slice(s.as_bytes());
    }

    pub(super) fn put_span(out: &mut Vec<u8>, span: Span) {
        varint::write(out, u64::from(span.start));
        varint::write(out, u64::from(span.end.wrapping_sub(span.start)));
    }

    pub(super) fn span(r: &mut Reader<'_>) -> Option<Span> {
        let start = r.read_u32()?;
        let len = r.read_u32()?;
        Some(Span {
            start,
            end: start.wrapping_add(len),
        })
    }

    /// A counted list of items; stops early (no panic) on corrupt bytes.
    pub(super) fn list<T>(
        bytes: &[u8],
        mut item: impl FnMut(&mut Reader<'_>) -> Option<T>,
    ) -> Vec<T> {
        let mut r = Reader::new(bytes);
        let count = r.read().unwrap_or(0).min(bytes.len() as u64) as usize;
        let mut out = Vec::with_capacity(count);
        for _ in 0..count {
            match item(&mut r) {
                Some(x) => out.push(x),
                None => break,
            }
        }
        out
    }

    pub fn serialize<S: Serializer>(entities: &&[Entity], s: S) -> Result<S::Ok, S::Error> {
        let mut out = Vec::new();
        varint::write(&mut out, entities.len() as u64);
        for e in entities.iter() {
            put_str(&mut out, &e.name);
            out.push(match e.kind {
                EntityKind::Person => 0,
                EntityKind::Organization => 1,
                EntityKind::Place => 2,
            });
            varint::write(&mut out, e.aliases.len() as u64);
            for a in &e.aliases {
                put_str(&mut out, a);
            }
            varint::write(&mut out, e.mentions.len() as u64);
            for m in &e.mentions {
                varint::write(&mut out, u64::from(m.doc));
                varint::write(&mut out, u64::from(m.span.start));
                varint::write(&mut out, u64::from(m.span.end.wrapping_sub(m.span.start)));
            }
        }
        s.serialize_bytes(&out)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Entity>, D::Error> {
        d.deserialize_bytes(super::BytesVisitor(decode))
    }

    /// Truncated or corrupt bytes end the list early; never panics.
    fn decode(bytes: &[u8]) -> Vec<Entity> {
        list(bytes, entity)
    }

    pub(super) fn string(r: &mut Reader<'_>) -> Option<String> {
        let len = usize::try_from(r.read()?).ok()?;
        let bytes = r.take(len)?;
        Some(match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => String::from_utf8_lossy(bytes).into_owned(),
        })
    }

    fn entity(r: &mut Reader<'_>) -> Option<Entity> {
        let name = string(r)?;
        let kind = match r.take(1)?.first()? {
            0 => EntityKind::Person,
            1 => EntityKind::Organization,
            _ => EntityKind::Place,
        };
        let n = r.read()?.min(r.remaining() as u64) as usize;
        let mut aliases = Vec::with_capacity(n);
        for _ in 0..n {
            aliases.push(string(r)?);
        }
        let n = r.read()?.min(r.remaining() as u64) as usize;
        let mut mentions = Vec::with_capacity(n);
        for _ in 0..n {
            let doc = r.read_u32()?;
            let start = r.read_u32()?;
            let len = r.read_u32()?;
            mentions.push(Mention {
                doc,
                span: Span {
                    start,
                    end: start.wrapping_add(len),
                },
            });
        }
        Some(Entity {
            name,
            kind,
            aliases,
            mentions,
        })
    }
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
    // The index is the payload's last part.
    let index = postcard::to_allocvec(&bundle.index)
        .map(|v| v.len())
        .unwrap_or(0);
    let corpus = bytes.len().saturating_sub(HEADER_LEN + index);
    let text = bundle
        .corpus
        .documents
        .iter()
        .map(|d| d.title.len() + d.text.len())
        .sum();
    Ok(Breakdown {
        total: bytes.len(),
        corpus,
        index,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_entities_and_groups_round_trip_through_their_codecs() {
        let corpus = Corpus {
            entities: vec![
                Entity {
                    name: "Łódź".into(),
                    kind: EntityKind::Place,
                    aliases: vec!["Lodz".into(), String::new()],
                    mentions: vec![
                        Mention {
                            doc: 3,
                            span: Span { start: 10, end: 14 },
                        },
                        Mention {
                            doc: 0,
                            span: Span {
                                start: 900,
                                end: 70_000,
                            },
                        },
                    ],
                },
                Entity {
                    name: "Jack Ma".into(),
                    kind: EntityKind::Person,
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                },
            ],
            quotes: vec![
                Quote {
                    doc: 0,
                    span: Span { start: 5, end: 9 },
                    outer: Span { start: 4, end: 10 },
                    speaker: Some("Jack Ma".into()),
                    mention: None,
                    cue: Some("said".into()),
                    partial: true,
                },
                Quote {
                    doc: 0,
                    span: Span { start: 20, end: 30 },
                    outer: Span { start: 19, end: 31 },
                    speaker: None,
                    mention: Some(Span { start: 40, end: 47 }),
                    cue: None,
                    partial: false,
                },
            ],
            quote_groups: vec![QuoteGroup {
                members: vec![
                    GroupMember {
                        doc: 0,
                        span: Span { start: 5, end: 9 },
                        quote: Some(0),
                    },
                    GroupMember {
                        doc: 2,
                        span: Span { start: 1, end: 3 },
                        quote: None,
                    },
                ],
                diff: vec![
                    Vec::new(),
                    vec![
                        DiffOp {
                            op: DiffKind::Same,
                            text: "global".into(),
                        },
                        DiffOp {
                            op: DiffKind::Removed,
                            text: "buy ✓".into(),
                        },
                        DiffOp {
                            op: DiffKind::Added,
                            text: String::new(),
                        },
                    ],
                ],
            }],
            ..Corpus::default()
        };
        let bytes = crate::build_bundle(&corpus);
        let back = decode(&bytes).expect("decodes");
        assert_eq!(back.corpus, corpus);
        let b = breakdown(&bytes).expect("measures");
        assert_eq!(b.total, b.corpus + b.index + HEADER_LEN);
    }
}
