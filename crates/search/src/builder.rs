//! Building the bundle from an analysed corpus (build time and the CLI).
//!
//! Every document's title and clean text go through the shared tokenizer
//! once; the browser only ever reads the result. Three dictionaries index the
//! same postings at three levels of looseness (exact form, normalized
//! variant, stem) so that ranking can prefer exact matches without storing
//! the postings three times.

use crate::bundle::{self, Bundle, DocStats, Facet, FacetKind, FacetValue, IndexData, PosRange};
use crate::varint;
use clippings_core::text::{self, Token};
use clippings_core::{Corpus, Span};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Analyse nothing, index everything: turn a corpus into bundle bytes.
pub fn build_bundle(corpus: &Corpus<'_>) -> Vec<u8> {
    let mut postings_by_form: HashMap<String, Vec<(u32, u32)>> = HashMap::new();
    let mut docs = Vec::with_capacity(corpus.documents.len());
    let mut quote_ranges = vec![PosRange::default(); corpus.quotes.len()];

    let mut mentions_by_doc: Vec<Vec<Span>> = vec![Vec::new(); corpus.documents.len()];
    for entity in &corpus.entities {
        for m in &entity.mentions {
            if let Some(list) = mentions_by_doc.get_mut(m.doc as usize) {
                list.push(m.span);
            }
        }
    }

    for (d, doc) in corpus.documents.iter().enumerate() {
        let d = d as u32;
        let title_tokens = text::tokenize(&doc.title);
        let title_len = title_tokens
            .iter()
            .map(|t| t.position + 1)
            .max()
            .unwrap_or(0);
        for t in title_tokens {
            postings_by_form
                .entry(t.form)
                .or_default()
                .push((d, t.position));
        }
        let stats_base = title_len + 1;
        let body_tokens = text::tokenize(&doc.text);
        let body_len = body_tokens
            .iter()
            .map(|t| t.position + 1)
            .max()
            .unwrap_or(0);

        let mut entity_ranges: Vec<PosRange> = mentions_by_doc[d as usize]
            .iter()
            .filter_map(|span| positions_of(&body_tokens, *span))
            .map(|r| PosRange {
                start: r.start + stats_base,
                end: r.end + stats_base,
            })
            .collect();
        entity_ranges.sort();
        entity_ranges = merge_ranges(entity_ranges);

        let mut first_quote = u32::MAX;
        let mut quote_count = 0;
        for (qi, quote) in corpus.quotes_of(d) {
            first_quote = first_quote.min(qi as u32);
            quote_count += 1;
            if let Some(r) = positions_of(&body_tokens, quote.span) {
                quote_ranges[qi] = PosRange {
                    start: r.start + stats_base,
                    end: r.end + stats_base,
                };
            }
        }
        for t in body_tokens {
            postings_by_form
                .entry(t.form)
                .or_default()
                .push((d, t.position + stats_base));
        }
        docs.push(DocStats {
            title_len,
            body_len,
            entity_ranges,
            first_quote: if quote_count == 0 { 0 } else { first_quote },
            quote_count,
        });
    }

    // Forms in byte order: their ordinal is the form id.
    let mut forms: Vec<(String, Vec<(u32, u32)>)> = postings_by_form.into_iter().collect();
    forms.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));

    // Each document's quote positions, merged, to flag plain postings: the
    // same slice of `quote_ranges` the engine's field map reads.
    let fields: Vec<DocFields> = docs
        .iter()
        .map(|stats| {
            let start = stats.first_quote as usize;
            let end = start.saturating_add(stats.quote_count as usize);
            let mut quotes: Vec<PosRange> = quote_ranges
                .get(start..end)
                .unwrap_or(&[])
                .iter()
                .filter(|r| r.start < r.end)
                .copied()
                .collect();
            quotes.sort();
            DocFields {
                title_len: stats.title_len,
                quotes: merge_ranges(quotes),
                entities: &stats.entity_ranges,
            }
        })
        .collect();

    let mut postings = Vec::new();
    let mut postings_index = Vec::with_capacity(forms.len() * 4);
    let mut forms_fst = fst::MapBuilder::memory();
    let mut norm_groups: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut stem_groups: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (id, (form, mut occurrences)) in forms.into_iter().enumerate() {
        let id = id as u32;
        // Keys are unique and sorted, so insertion cannot fail.
        let _ = forms_fst.insert(form.as_bytes(), u64::from(id));
        postings_index.extend_from_slice(&(postings.len() as u32).to_le_bytes());
        occurrences.sort_unstable();
        occurrences.dedup();
        encode_postings(&mut postings, &occurrences, &fields);
        let norm = text::normalize(&form);
        let stem = text::stem(&norm);
        stem_groups.entry(stem).or_default().push(id);
        norm_groups.entry(norm).or_default().push(id);
    }

    let mut groups = Vec::new();
    let norms = group_fst(&norm_groups, &mut groups);
    let stems = group_fst(&stem_groups, &mut groups);
    let forms_fst = forms_fst.into_inner().unwrap_or_default();

    let n = docs.len().max(1) as f32;
    let avg_title_len = docs.iter().map(|d| d.title_len as f32).sum::<f32>() / n;
    let avg_body_len = docs.iter().map(|d| d.body_len as f32).sum::<f32>() / n;

    let facets = bundle::encode_facets(&build_facets(corpus));
    let bundle = Bundle {
        corpus: corpus.clone(),
        index: IndexData {
            forms: &forms_fst,
            norms: &norms,
            stems: &stems,
            groups: &groups,
            postings: &postings,
            postings_index: &postings_index,
            docs,
            quote_ranges,
            avg_title_len: avg_title_len.max(1.0),
            avg_body_len: avg_body_len.max(1.0),
            facets: &facets,
        },
    };
    bundle::encode(&bundle)
}

/// Word positions (relative to the text's first word) of the tokens lying
/// inside `span`.
fn positions_of(tokens: &[Token], span: Span) -> Option<PosRange> {
    let inside = tokens
        .iter()
        .filter(|t| !t.joined && t.start >= span.start() && t.end <= span.end());
    let mut range: Option<PosRange> = None;
    for t in inside {
        let r = range.get_or_insert(PosRange {
            start: t.position,
            end: t.position + 1,
        });
        r.start = r.start.min(t.position);
        r.end = r.end.max(t.position + 1);
    }
    range
}

fn merge_ranges(sorted: Vec<PosRange>) -> Vec<PosRange> {
    let mut out: Vec<PosRange> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// What marks a document's positions as other than plain body text.
struct DocFields<'a> {
    title_len: u32,
    /// Sorted and disjoint.
    quotes: Vec<PosRange>,
    /// Sorted and disjoint.
    entities: &'a [PosRange],
}

impl DocFields<'_> {
    /// Whether every position is in the body, outside quotes and entity
    /// mentions: such a posting's field frequencies are its position count.
    fn all_plain(&self, positions: &[u32]) -> bool {
        let inside = |ranges: &[PosRange], p: u32| {
            let i = ranges.partition_point(|r| r.end <= p);
            ranges.get(i).is_some_and(|r| r.contains(p))
        };
        positions
            .iter()
            .all(|&p| p >= self.title_len && !inside(&self.quotes, p) && !inside(self.entities, p))
    }
}

fn encode_postings(out: &mut Vec<u8>, occurrences: &[(u32, u32)], fields: &[DocFields<'_>]) {
    let mut per_doc: Vec<(u32, Vec<u32>)> = Vec::new();
    for &(doc, pos) in occurrences {
        match per_doc.last_mut() {
            Some((d, positions)) if *d == doc => positions.push(pos),
            _ => per_doc.push((doc, vec![pos])),
        }
    }
    varint::write(out, per_doc.len() as u64);
    let mut prev_doc = 0;
    let mut deltas = Vec::new();
    for (doc, positions) in per_doc {
        // Most (form, document) pairs occur once: flag that in the low bit
        // of the document delta instead of spending a byte on the frequency.
        let single = positions.len() == 1;
        // A search scores a plain posting from its position count alone,
        // without decoding or classifying the positions.
        let plain = fields
            .get(doc as usize)
            .is_some_and(|f| f.all_plain(&positions));
        varint::write(
            out,
            (u64::from(doc - prev_doc) << 2) | u64::from(single) << 1 | u64::from(plain),
        );
        prev_doc = doc;
        deltas.clear();
        let mut prev = 0;
        for p in positions {
            varint::write(&mut deltas, u64::from(p - prev));
            prev = p;
        }
        if !single {
            // Bytes, not a count: a reader skips them without decoding.
            varint::write(out, deltas.len() as u64);
        }
        out.extend_from_slice(&deltas);
    }
}

fn group_fst(groups: &BTreeMap<String, Vec<u32>>, blob: &mut Vec<u8>) -> Vec<u8> {
    let mut builder = fst::MapBuilder::memory();
    for (key, ids) in groups {
        // A single id is stored inline in the fst value (low bit set); a
        // list is an offset into `blob` (low bit clear).
        if let [id] = ids.as_slice() {
            let _ = builder.insert(key.as_bytes(), (u64::from(*id) << 1) | 1);
            continue;
        }
        let offset = (blob.len() as u64) << 1;
        varint::write(blob, ids.len() as u64);
        let mut prev = 0;
        for &id in ids {
            varint::write(blob, u64::from(id - prev));
            prev = id;
        }
        // BTreeMap<String> iterates in byte order with unique keys.
        let _ = builder.insert(key.as_bytes(), offset);
    }
    builder.into_inner().unwrap_or_default()
}

fn build_facets(corpus: &Corpus<'_>) -> Vec<Facet> {
    let mut by_kind: BTreeMap<FacetKind, BTreeMap<String, BTreeSet<u32>>> = BTreeMap::new();
    let mut add = |kind: FacetKind, value: &str, doc: u32| {
        let value = value.trim();
        if !value.is_empty() {
            by_kind
                .entry(kind)
                .or_default()
                .entry(value.to_string())
                .or_default()
                .insert(doc);
        }
    };
    let mut quoted = BTreeSet::new();
    for q in &corpus.quotes {
        quoted.insert(q.doc);
        if let Some(speaker) = &q.speaker {
            add(FacetKind::Speaker, speaker, q.doc);
        }
    }
    for (d, doc) in corpus.documents.iter().enumerate() {
        let d = d as u32;
        if let Some(outlet) = &doc.outlet {
            add(FacetKind::Outlet, outlet, d);
        }
        if let Some(year) = doc.year() {
            add(FacetKind::Year, &year.to_string(), d);
        }
        if let Some(month) = doc.month() {
            add(FacetKind::Month, month, d);
        }
        let has = if quoted.contains(&d) { "yes" } else { "no" };
        add(FacetKind::HasQuotes, has, d);
    }
    for entity in &corpus.entities {
        let kind = match entity.kind {
            clippings_core::EntityKind::Person => FacetKind::Person,
            clippings_core::EntityKind::Organization => FacetKind::Organization,
            clippings_core::EntityKind::Place => FacetKind::Place,
        };
        for m in &entity.mentions {
            add(kind, &entity.name, m.doc);
        }
    }
    FacetKind::ALL
        .into_iter()
        .map(|kind| {
            let mut values: Vec<FacetValue> = by_kind
                .remove(&kind)
                .unwrap_or_default()
                .into_iter()
                .map(|(name, docs)| FacetValue {
                    name,
                    docs: docs.into_iter().collect(),
                })
                .collect();
            match kind {
                // Dates read in date order, newest first.
                FacetKind::Year | FacetKind::Month => values.sort_by(|a, b| b.name.cmp(&a.name)),
                _ => values.sort_by(|a, b| {
                    b.docs
                        .len()
                        .cmp(&a.docs.len())
                        .then_with(|| a.name.cmp(&b.name))
                }),
            }
            Facet { kind, values }
        })
        .collect()
}
