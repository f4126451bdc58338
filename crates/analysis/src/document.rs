//! From a raw [`Article`] to a [`Document`]: repaired characters, clean
//! paragraphs with the page furniture taken out (and kept in
//! `Document::removed`), and metadata.
//!
//! Stages (one submodule each):
//! - [`repair`]: line endings, zero-width characters, mojibake (`â€™` → `’`).
//! - [`clean`]: paragraphs and furniture (menus, share bars, newsletter
//!   sign-ups, related-article tails, tag lines, captions, datelines…).
//! - [`metadata`]: what removed lines and the prose say about title, outlet,
//!   date and byline; the display title of headline-less articles.
//! - [`dates`]: printed and machine dates to ISO 8601.
//!
//! Precedence, strongest first: the manifest (applied by `ingest`), other
//! explicit metadata (html meta, csv/jsonl columns, front matter), then what
//! the page's own lines show, then inference from prose. Unknown stays
//! `None`: an explicit empty value (`outlet = ""` in the manifest) means
//! "known to be unknown" and also stops inference.

pub mod clean;
pub mod dates;
pub mod metadata;
pub mod repair;

use crate::ingest::MAX_ARTICLE_BYTES;
use crate::Article;
use clippings_core::{Document, Warning};
use std::borrow::Cow;
use std::collections::HashMap;

/// Build one document. Problems (repaired characters, an article with no
/// text left) are pushed to `warnings` naming the file.
pub fn build(article: Article, warnings: &mut Vec<Warning>) -> Document<'static> {
    let mut warn = |message: String| {
        warnings.push(Warning {
            path: article.path.clone(),
            message,
        })
    };
    let raw = cap_text(&article.raw, MAX_ARTICLE_BYTES, &mut warn);
    let repaired = repair::repair(raw);
    for note in &repaired.notes {
        warn(note.clone());
    }
    let explicit_title = article.title.as_deref().map(str::trim);
    let mut cleaned = clean::clean(
        &repaired.text,
        explicit_title.filter(|t| !t.is_empty()),
        article.byline.as_deref().filter(|b| !b.trim().is_empty()),
    );
    if cleaned.text.trim().is_empty() && !repaired.text.trim().is_empty() {
        // Everything looked like furniture. Keeping the page as it is beats
        // showing an empty article.
        warn("no article text recognised; the text is kept uncleaned".to_string());
        cleaned = clean::Cleaned {
            text: plain_paragraphs(&repaired.text),
            removed: Vec::new(),
            found: cleaned.found,
        };
    }
    let found = &cleaned.found;

    let (title, title_derived) = match explicit_title.filter(|t| !t.is_empty()) {
        Some(t) => (metadata::shorten(&collapse(t), 300), false),
        None => match found.headline.as_ref().filter(|_| explicit_title.is_none()) {
            Some(h) => (h.clone(), false),
            None => {
                let derived = metadata::derive_title(&cleaned.text);
                if derived.is_empty() {
                    (article.id.clone(), true)
                } else {
                    (derived, true)
                }
            }
        },
    };

    let url = explicit(&article.url).unwrap_or_else(|| found.url.clone());
    let outlet = explicit(&article.outlet).unwrap_or_else(|| {
        found
            .sources
            .first()
            .cloned()
            .or_else(|| found.site_name.clone())
            .or_else(|| found.syndicated_from.clone())
            .or_else(|| {
                let first = cleaned.text.split("\n\n").next().unwrap_or("");
                metadata::wire_dateline_outlet(first)
            })
            .or_else(|| {
                let paragraphs: Vec<&str> = cleaned.text.split("\n\n").collect();
                let half = paragraphs.len().div_ceil(2).max(1);
                metadata::self_reference_outlet(
                    paragraphs.get(..half).unwrap_or(&[]),
                    &cleaned.text,
                )
            })
            .or_else(|| found.domains.first().cloned())
            // Last resort: the site the article was collected from. A host
            // names the publisher as the data gives it, so it is not a guess.
            .or_else(|| url.as_deref().and_then(metadata::url_host))
    });
    let date = explicit(&article.date).unwrap_or_else(|| {
        found
            .published
            .clone()
            .or_else(|| found.updated.clone())
            .or_else(|| {
                let first = cleaned.text.split("\n\n").next().unwrap_or("");
                metadata::lead_dateline_date(first)
            })
    });
    let byline = explicit(&article.byline).unwrap_or_else(|| {
        let names = if !found.authors.is_empty() {
            &found.authors
        } else if !found.reporters.is_empty() {
            &found.reporters
        } else {
            &found.editors
        };
        (!names.is_empty()).then(|| dedup(names).join(" and "))
    });

    Document {
        id: article.id,
        path: article.path,
        title,
        title_derived,
        outlet,
        date,
        url,
        byline,
        text: Cow::Owned(cleaned.text),
        removed: cleaned.removed,
    }
}

/// Build every article, then drop exact duplicates of clean text: the later
/// copy goes with a warning naming both, unless the two name different
/// outlets or urls (the same wire story run by two papers is two
/// documents, and the journalist wants to see both).
pub fn build_all(articles: Vec<Article>, warnings: &mut Vec<Warning>) -> Vec<Document<'static>> {
    let mut documents: Vec<Document<'static>> = Vec::with_capacity(articles.len());
    let mut by_text: HashMap<String, usize> = HashMap::new();
    for article in articles {
        let doc = build(article, warnings);
        let key = clean::match_key(&doc.text);
        if key.is_empty() {
            documents.push(doc);
            continue;
        }
        if let Some(&first) = by_text.get(&key) {
            if let Some(kept) = documents.get(first) {
                let differs =
                    |a: &Option<String>, b: &Option<String>| a.is_some() && b.is_some() && a != b;
                if differs(&kept.outlet, &doc.outlet) || differs(&kept.url, &doc.url) {
                    warnings.push(Warning {
                        path: doc.path.clone(),
                        message: format!(
                            "same text as {} (kept both: different outlet or url)",
                            kept.path
                        ),
                    });
                } else {
                    warnings.push(Warning {
                        path: doc.path.clone(),
                        message: format!("duplicate of {}; skipped", kept.path),
                    });
                    continue;
                }
            }
        } else {
            by_text.insert(key, documents.len());
        }
        documents.push(doc);
    }
    documents
}

/// `Some(value)` when the value was given explicitly: `Some(None)` for an
/// explicit empty value, `None` when inference should run.
fn explicit(value: &Option<String>) -> Option<Option<String>> {
    value.as_ref().map(|v| {
        let v = collapse(v.trim());
        (!v.is_empty()).then_some(v)
    })
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn dedup(names: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        if !out.contains(n) {
            out.push(n.clone());
        }
    }
    out
}

/// Paragraphs of `text` without any furniture removal (the fallback).
fn plain_paragraphs(text: &str) -> String {
    text.split('\n')
        .map(collapse)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Truncate at `cap` bytes (on a line or character boundary) with a warning.
fn cap_text<'a>(raw: &'a str, cap: usize, warn: &mut impl FnMut(String)) -> &'a str {
    if raw.len() <= cap {
        return raw;
    }
    let mut end = cap;
    while !raw.is_char_boundary(end) {
        end -= 1;
    }
    let head = raw.get(..end).unwrap_or("");
    let head = match head.rfind('\n') {
        Some(i) if i > cap / 2 => head.get(..i).unwrap_or(head),
        _ => head,
    };
    warn(format!(
        "article text is {} bytes; truncated to the first {} (limit {} bytes)",
        raw.len(),
        head.len(),
        cap
    ));
    head
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(raw: &str) -> (Document<'static>, Vec<Warning>) {
        let mut warnings = Vec::new();
        let d = build(
            Article {
                id: "t".into(),
                path: "t.txt".into(),
                raw: raw.into(),
                ..Default::default()
            },
            &mut warnings,
        );
        (d, warnings)
    }

    #[test]
    fn explicit_metadata_wins_and_empty_means_unknown() {
        let mut warnings = Vec::new();
        let d = build(
            Article {
                id: "a".into(),
                path: "a.txt".into(),
                raw: "The Stack Archive\n\nAlibaba to push global expansion\n\nThu 14 May 2015\n\nThe company said it would push into new markets this year.".into(),
                outlet: Some(String::new()),
                date: Some("2016-01-02".into()),
                ..Default::default()
            },
            &mut warnings,
        );
        assert_eq!(d.outlet, None);
        assert_eq!(d.date.as_deref(), Some("2016-01-02"));
        assert_eq!(d.title, "Alibaba to push global expansion");
    }

    #[test]
    fn all_furniture_falls_back_to_the_text() {
        let (d, w) = doc("Advertisement");
        assert_eq!(d.text, "Advertisement");
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn oversized_text_is_truncated_with_a_warning() {
        let big = "word ".repeat(MAX_ARTICLE_BYTES / 5 + 10);
        let (d, w) = doc(&big);
        assert!(d.text.len() <= MAX_ARTICLE_BYTES);
        assert!(w.iter().any(|w| w.message.contains("truncated")));
    }
}
