//! The CLI's output shapes: JSON (a stable contract) and readable summaries.

use clippings_core::{Corpus, Span};
use clippings_search::{Engine, SearchResults, SNIPPET_LEN};
use serde_json::{json, Value};
use std::fmt::Write;

fn span(s: Span) -> Value {
    json!([s.start, s.end])
}

/// `clippings analyze --json`.
pub fn corpus(corpus: &Corpus<'_>) -> Value {
    let doc_id = |d: u32| {
        corpus
            .documents
            .get(d as usize)
            .map(|doc| doc.id.as_str())
            .unwrap_or("")
    };
    let text_of = |d: u32, s: Span| {
        corpus
            .documents
            .get(d as usize)
            .map(|doc| s.slice(&doc.text))
            .unwrap_or("")
    };
    let documents: Vec<Value> = corpus
        .documents
        .iter()
        .map(|d| {
            json!({
                "id": d.id,
                "path": d.path,
                "title": d.title,
                "title_derived": d.title_derived,
                "outlet": d.outlet,
                "date": d.date,
                "url": d.url,
                "byline": d.byline,
                "text": d.text,
                "removed": d.removed.iter().map(|r| json!({"at": r.at, "reason": r.reason, "text": r.text})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let quotes: Vec<Value> = corpus
        .quotes
        .iter()
        .map(|q| {
            json!({
                "doc": doc_id(q.doc),
                "text": text_of(q.doc, q.span),
                "start": q.span.start,
                "end": q.span.end,
                "speaker": q.speaker,
                "speaker_mention": q.mention.map(|m| text_of(q.doc, m)),
                "mention_start": q.mention.map(|m| m.start),
                "mention_end": q.mention.map(|m| m.end),
                "cue": q.cue,
                "partial": q.partial,
                "outer_start": q.outer.start,
                "outer_end": q.outer.end,
            })
        })
        .collect();
    let entities: Vec<Value> = corpus
        .entities
        .iter()
        .map(|e| {
            let docs: Vec<Value> = e
                .doc_counts()
                .into_iter()
                .map(|(d, count)| {
                    let spans: Vec<Value> = e
                        .mentions
                        .iter()
                        .filter(|m| m.doc == d)
                        .map(|m| span(m.span))
                        .collect();
                    json!({"doc": doc_id(d), "count": count, "spans": spans})
                })
                .collect();
            json!({"name": e.name, "kind": e.kind.as_str(), "aliases": e.aliases, "docs": docs})
        })
        .collect();
    let quote_groups: Vec<Value> = corpus
        .quote_groups
        .iter()
        .map(|g| {
            let members: Vec<Value> = g
                .members
                .iter()
                .map(|m| {
                    json!({
                        "doc": doc_id(m.doc),
                        "start": m.span.start,
                        "end": m.span.end,
                        "text": text_of(m.doc, m.span),
                        "quote": m.quote,
                    })
                })
                .collect();
            json!({"quotes": members, "diff": g.diff})
        })
        .collect();
    let discrepancies: Vec<Value> = corpus
        .discrepancies
        .iter()
        .map(|d| {
            let figures: Vec<Value> = d
                .figures
                .iter()
                .map(|f| {
                    json!({
                        "doc": doc_id(f.doc),
                        "value": f.value,
                        "unit": f.unit,
                        "text": text_of(f.doc, f.span),
                        "start": f.span.start,
                        "end": f.span.end,
                        "approximate": f.approximate,
                    })
                })
                .collect();
            json!({"subject": d.subject, "unit": d.unit, "figures": figures})
        })
        .collect();
    json!({
        "documents": documents,
        "quotes": quotes,
        "entities": entities,
        "quote_groups": quote_groups,
        "discrepancies": discrepancies,
        "warnings": corpus.warnings,
    })
}

/// `clippings analyze` without `--json`.
pub fn corpus_summary(corpus: &Corpus<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} documents, {} quotes, {} entities, {} shared statements, {} disagreeing figures, {} warnings\n",
        corpus.documents.len(),
        corpus.quotes.len(),
        corpus.entities.len(),
        corpus.quote_groups.len(),
        corpus.discrepancies.len(),
        corpus.warnings.len()
    );
    for (d, doc) in corpus.documents.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}  {}{}\n    outlet: {}  date: {}  byline: {}  ({} words, {} blocks removed)",
            doc.id,
            doc.title,
            if doc.title_derived {
                "  [derived title]"
            } else {
                ""
            },
            doc.outlet.as_deref().unwrap_or("?"),
            doc.date.as_deref().unwrap_or("?"),
            doc.byline.as_deref().unwrap_or("?"),
            doc.text.split_whitespace().count(),
            doc.removed.len()
        );
        for (_, q) in corpus.quotes_of(d as u32) {
            let _ = writeln!(
                out,
                "    “{}” — {}{}",
                q.span.slice(&doc.text),
                q.speaker.as_deref().unwrap_or("(unattributed)"),
                q.cue
                    .as_deref()
                    .map(|c| format!(" ({c})"))
                    .unwrap_or_default()
            );
        }
    }
    if !corpus.entities.is_empty() {
        let _ = writeln!(out, "\nentities:");
        for e in &corpus.entities {
            let _ = writeln!(
                out,
                "    {} [{}] in {} documents{}",
                e.name,
                e.kind.as_str(),
                e.doc_counts().len(),
                if e.aliases.is_empty() {
                    String::new()
                } else {
                    format!(", also {}", e.aliases.join(", "))
                }
            );
        }
    }
    for d in &corpus.discrepancies {
        let values: Vec<String> = d
            .figures
            .iter()
            .map(|f| {
                let id = corpus
                    .documents
                    .get(f.doc as usize)
                    .map(|x| x.id.as_str())
                    .unwrap_or("");
                format!(
                    "{}{} {} ({id})",
                    if f.approximate { "~" } else { "" },
                    f.value,
                    f.unit
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "\ndisagreement on {}: {}",
            d.subject,
            values.join(" vs ")
        );
    }
    for w in &corpus.warnings {
        let _ = writeln!(out, "warning: {}: {}", w.path, w.message);
    }
    out
}

/// `clippings search --json`.
pub fn search(engine: &Engine<'_>, results: &SearchResults, limit: usize) -> Value {
    let hits: Vec<Value> = results
        .hits
        .iter()
        .take(limit)
        .map(|h| {
            let doc = engine.document(h.doc);
            let snippet = engine.snippet(h.doc, &results.compiled, SNIPPET_LEN);
            let mut hit = json!({
                "doc": doc.map(|d| d.id.as_str()),
                "title": doc.map(|d| d.title.as_str()),
                "outlet": doc.and_then(|d| d.outlet.as_deref()),
                "date": doc.and_then(|d| d.date.as_deref()),
                "score": h.score,
                "snippet": snippet.text,
                "snippet_start": snippet.start,
                "highlights": snippet.highlights.iter().map(|&(s, e)| json!([s, e])).collect::<Vec<_>>(),
            });
            if let Some(ex) = &h.explain {
                hit["explain"] = json!({
                    "total": ex.total,
                    "proximity_factor": ex.proximity_factor,
                    "clauses": ex.clauses.iter().map(|c| json!({
                        "clause": c.clause,
                        "idf": c.idf,
                        "score": c.score,
                        "tf": {"title": c.tf.title, "body": c.tf.body, "quote": c.tf.quote, "entity": c.tf.entity},
                        "match": c.kinds,
                    })).collect::<Vec<_>>(),
                });
            }
            hit
        })
        .collect();
    let quotes: Vec<Value> = results
        .quotes
        .iter()
        .take(limit)
        .filter_map(|qh| {
            let q = engine.corpus.quotes.get(qh.quote as usize)?;
            let doc = engine.document(q.doc)?;
            Some(json!({
                "doc": doc.id,
                "text": q.span.slice(&doc.text),
                "speaker": q.speaker,
                "score": qh.score,
            }))
        })
        .collect();
    let mut facets = serde_json::Map::new();
    for f in &results.facets {
        let values: serde_json::Map<String, Value> = f
            .values
            .iter()
            .filter(|v| v.count > 0)
            .map(|v| (f.name(v).to_string(), json!(v.count)))
            .collect();
        facets.insert(f.kind.key().to_string(), Value::Object(values));
    }
    json!({
        "total": results.total(),
        "partial": results.partial,
        "hits": hits,
        "quotes": quotes,
        "facets": facets,
        "hints": results.hints.iter().map(|h| h.message.clone()).collect::<Vec<_>>(),
        "suggestion": results.suggestion,
    })
}

/// `clippings search` without `--json`.
pub fn search_summary(engine: &Engine<'_>, results: &SearchResults, limit: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} article{}{}",
        results.total(),
        if results.total() == 1 { "" } else { "s" },
        if results.partial {
            " (partial matches)"
        } else {
            ""
        }
    );
    for h in &results.hints {
        let _ = writeln!(out, "note: {}", h.message);
    }
    if let Some(s) = &results.suggestion {
        let _ = writeln!(out, "did you mean: {s}");
    }
    for (rank, h) in results.hits.iter().take(limit).enumerate() {
        let Some(doc) = engine.document(h.doc) else {
            continue;
        };
        let snippet = engine.snippet(h.doc, &results.compiled, SNIPPET_LEN);
        let mut marked = String::new();
        let mut at = 0;
        for &(s, e) in &snippet.highlights {
            marked.push_str(snippet.text.get(at..s).unwrap_or(""));
            marked.push('[');
            marked.push_str(snippet.text.get(s..e).unwrap_or(""));
            marked.push(']');
            at = e;
        }
        marked.push_str(snippet.text.get(at..).unwrap_or(""));
        let _ = writeln!(
            out,
            "\n{}. {}  ({:.3})\n   {} · {} · {}\n   {}{}{}",
            rank + 1,
            doc.title,
            h.score,
            doc.id,
            doc.outlet.as_deref().unwrap_or("outlet unknown"),
            doc.date.as_deref().unwrap_or("undated"),
            if snippet.cut_start { "…" } else { "" },
            marked.replace('\n', " "),
            if snippet.cut_end { "…" } else { "" },
        );
        if let Some(ex) = &h.explain {
            for c in &ex.clauses {
                let _ = writeln!(
                    out,
                    "   why: {} idf {:.2} tf title {:.1} body {:.1} quote {:.1} entity {:.1} ({}) → {:.3}",
                    c.clause,
                    c.idf,
                    c.tf.title,
                    c.tf.body,
                    c.tf.quote,
                    c.tf.entity,
                    c.kinds.join(", "),
                    c.score
                );
            }
            if ex.proximity_factor != 1.0 {
                let _ = writeln!(out, "   why: proximity ×{:.2}", ex.proximity_factor);
            }
        }
    }
    if !results.quotes.is_empty() {
        let _ = writeln!(out, "\n{} quotes:", results.quotes.len());
        for qh in results.quotes.iter().take(limit) {
            if let Some(q) = engine.corpus.quotes.get(qh.quote as usize) {
                if let Some(doc) = engine.document(q.doc) {
                    let _ = writeln!(
                        out,
                        "   “{}” — {} ({})",
                        q.span.slice(&doc.text),
                        q.speaker.as_deref().unwrap_or("unattributed"),
                        doc.id
                    );
                }
            }
        }
    }
    out
}
