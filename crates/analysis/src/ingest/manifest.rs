//! The optional `clippings.toml` manifest at the corpus root: metadata set
//! by hand, overriding everything read or inferred (parsed with `toml`).
//!
//! ```toml
//! # One table per article. The key is the file's path relative to the
//! # corpus folder ("sub/a.txt", "feeds.csv#3" for a row) or its id
//! # ("001_a31c8d53c7f2617f", "feeds#3").
//! ["001_a31c8d53c7f2617f.txt"]
//! title  = "Alibaba to push global expansion, says new CEO"
//! outlet = "The Stack"
//! date   = 2015-05-14          # or "2015-05-14", "May 14, 2015", "2015-05-14T10:23"
//! url    = "https://example.com/alibaba"
//! byline = "Jane Doe"
//!
//! ["002_9d7a65f23ea37d83.txt"]
//! outlet = ""                   # empty: known to be unknown (no inference)
//! ```
//!
//! Accepted aliases: `headline` for `title`; `source`, `publisher`, `site`
//! for `outlet`; `author` for `byline`; `link` for `url`. Unknown keys,
//! values that are not strings or dates, unreadable dates and entries that
//! match no article are reported as warnings and otherwise ignored; an
//! unreadable manifest is a warning too (the corpus still loads).

use crate::document::dates;
use crate::ingest::Article;
use clippings_core::Warning;

/// One manifest entry's fields (`Some("")` = explicitly unknown).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entry {
    pub key: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub byline: Option<String>,
}

/// The file name of the manifest at the corpus root.
pub const MANIFEST_NAME: &str = "clippings.toml";

/// Parse the manifest text. Problems are pushed to `warnings`.
pub fn parse(text: &str, warnings: &mut Vec<Warning>) -> Vec<Entry> {
    let mut warn = |message: String| {
        warnings.push(Warning {
            path: MANIFEST_NAME.to_string(),
            message,
        })
    };
    let table: toml::Table = match text.parse() {
        Ok(t) => t,
        Err(e) => {
            let msg = e.to_string();
            warn(format!(
                "unreadable manifest ignored: {}",
                msg.split_whitespace().collect::<Vec<_>>().join(" ")
            ));
            return Vec::new();
        }
    };
    let mut entries = Vec::new();
    for (key, value) in &table {
        let Some(fields) = value.as_table() else {
            warn(format!(
                "\u{201c}{key}\u{201d} is not a table of fields (write [\"{key}\"] then title = …); ignored"
            ));
            continue;
        };
        let mut entry = Entry {
            key: key.clone(),
            ..Default::default()
        };
        for (field, v) in fields {
            let text = match v {
                toml::Value::String(s) => s.trim().to_string(),
                toml::Value::Datetime(d) => d.to_string(),
                other => {
                    warn(format!(
                        "[\u{201c}{key}\u{201d}] {field}: expected a string, found {}; ignored",
                        other.type_str()
                    ));
                    continue;
                }
            };
            let slot = match field.to_lowercase().as_str() {
                "title" | "headline" => &mut entry.title,
                "outlet" | "source" | "publisher" | "site" => &mut entry.outlet,
                "url" | "link" => &mut entry.url,
                "byline" | "author" => &mut entry.byline,
                "date" => {
                    if text.is_empty() {
                        entry.date = Some(String::new());
                    } else {
                        match dates::normalize_date(&text) {
                            Some(iso) => entry.date = Some(iso),
                            None => warn(format!(
                                "[\u{201c}{key}\u{201d}] date \u{201c}{text}\u{201d} not understood (use YYYY-MM-DD); ignored"
                            )),
                        }
                    }
                    continue;
                }
                _ => {
                    warn(format!(
                        "[\u{201c}{key}\u{201d}] unknown key \u{201c}{field}\u{201d} ignored (known: title, outlet, date, url, byline)"
                    ));
                    continue;
                }
            };
            *slot = Some(text);
        }
        entries.push(entry);
    }
    entries
}

/// Apply entries to the articles (matched by path, then by id); warn about
/// entries that match nothing.
pub fn apply(entries: &[Entry], articles: &mut [Article], warnings: &mut Vec<Warning>) {
    for entry in entries {
        let key = entry.key.trim().trim_start_matches("./").replace('\\', "/");
        let by_path = articles.iter().position(|a| a.path == key);
        let index = by_path.or_else(|| articles.iter().position(|a| a.id == key));
        let Some(article) = index.and_then(|i| articles.get_mut(i)) else {
            warnings.push(Warning {
                path: MANIFEST_NAME.to_string(),
                message: format!(
                    "entry \u{201c}{}\u{201d} matches no article (keys are relative paths or ids); ignored",
                    entry.key
                ),
            });
            continue;
        };
        let set = |slot: &mut Option<String>, value: &Option<String>| {
            if let Some(v) = value {
                *slot = Some(v.clone());
            }
        };
        set(&mut article.title, &entry.title);
        set(&mut article.outlet, &entry.outlet);
        set(&mut article.date, &entry.date);
        set(&mut article.url, &entry.url);
        set(&mut article.byline, &entry.byline);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_aliases_and_problems() {
        let mut w = Vec::new();
        let entries = parse(
            "[\"a.txt\"]\ntitle = \"T\"\nsource = \"S\"\ndate = 2015-05-14\nmood = \"x\"\n\n[b]\ndate = \"someday\"\nbyline = 3\n",
            &mut w,
        );
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].title.as_deref(), Some("T"));
        assert_eq!(entries[0].outlet.as_deref(), Some("S"));
        assert_eq!(entries[0].date.as_deref(), Some("2015-05-14"));
        assert_eq!(w.len(), 3, "{w:?}");
    }

    #[test]
    fn broken_manifest_is_a_warning() {
        let mut w = Vec::new();
        assert!(parse("[a\ntitle = ", &mut w).is_empty());
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].path, MANIFEST_NAME);
    }
}
