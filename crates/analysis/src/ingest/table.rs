//! Tables of articles: `.csv`/`.tsv` (one article per row, read with the
//! `csv` crate, which handles quoted fields with embedded newlines, the
//! part hand-rolled splitters get wrong), `.jsonl`/`.ndjson` (one JSON
//! object per line) and `.json` (an array of such objects).
//!
//! Column names are matched case-insensitively after folding spaces, dots
//! and dashes to `_` (`Publish Date` = `publish_date`); see [`field_for`]
//! for the names understood. A subtitle/description column is prepended
//! to the text as a standfirst. Unknown columns are reported once per file.
//! Values may be strings, numbers (a Unix time in a date column), arrays
//! (`"authors": ["A", "B"]`) or objects with a `name` (`"source": {"name":
//! "Reuters"}`, as news APIs export them).
//!
//! Delimiter: `.tsv` is tab-separated; for `.csv` the first line decides
//! between `,`, `;` (spreadsheets in comma-decimal locales) and tab.

use crate::document::dates;
use serde_json::Value;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Title,
    Date,
    Url,
    Outlet,
    Byline,
    Text,
    Standfirst,
    /// Known and deliberately unused (ids, indexes).
    Ignored,
}

/// The field a column name maps to.
pub fn field_for(column: &str) -> Option<Field> {
    let key: String = column
        .trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .chars()
        .map(|c| if matches!(c, ' ' | '-' | '.') { '_' } else { c })
        .collect();
    let field = match key.as_str() {
        "title" | "headline" | "heading" | "article_title" => Field::Title,
        "date" | "publish_date" | "published" | "pubdate" | "pub_date" | "published_at"
        | "publication_date" | "date_published" | "datepublished" | "published_date"
        | "publishedat" | "datetime" | "timestamp" | "created_at" | "seendate" => Field::Date,
        "url"
        | "link"
        | "article_source_link"
        | "source_url"
        | "article_url"
        | "href"
        | "permalink"
        | "canonical_url"
        | "web_url" => Field::Url,
        "outlet" | "source" | "publisher" | "site" | "site_name" | "source_name"
        | "publication" | "media" | "newspaper" | "media_outlet" | "source_domain" | "domain" => {
            Field::Outlet
        }
        "author" | "byline" | "authors" | "writer" | "by" | "creator" => Field::Byline,
        "text" | "body" | "content" | "article" | "article_text" | "full_text" | "fulltext"
        | "story" | "maintext" | "main_text" | "article_body" | "articlebody" | "body_text" => {
            Field::Text
        }
        "subtitle" | "description" | "standfirst" | "dek" | "subheadline" | "sub_title"
        | "subhead" | "lede" | "deck" => Field::Standfirst,
        "id" | "index" | "unnamed: 0" | "unnamed:_0" | "" | "_id" | "uuid" | "guid" => {
            Field::Ignored
        }
        _ => return None,
    };
    Some(field)
}

/// One article read from a row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    /// 1-based data row (csv) or line (jsonl) or array index + 1 (json).
    pub number: usize,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub text: String,
}

/// Rows and per-row problems (`(row number, message)`; 0 = the file).
#[derive(Debug, Default)]
pub struct Table {
    pub rows: Vec<Row>,
    pub problems: Vec<(usize, String)>,
}

/// Collects fields of one record, whatever the format.
#[derive(Default)]
struct Builder {
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    byline: Option<String>,
    text: Option<String>,
    standfirst: Option<String>,
}

impl Builder {
    fn set(&mut self, field: Field, value: String) {
        let value = value.trim().to_string();
        if value.is_empty() {
            return;
        }
        let slot = match field {
            Field::Title => &mut self.title,
            Field::Date => &mut self.date,
            Field::Url => &mut self.url,
            Field::Outlet => &mut self.outlet,
            Field::Byline => &mut self.byline,
            Field::Text => &mut self.text,
            Field::Standfirst => &mut self.standfirst,
            Field::Ignored => return,
        };
        if slot.is_none() {
            *slot = Some(value);
        }
    }

    fn finish(self, number: usize, problems: &mut Vec<(usize, String)>) -> Option<Row> {
        let Some(text) = self.text else {
            problems.push((number, "no article text; skipped".to_string()));
            return None;
        };
        let text = match self.standfirst {
            Some(s) if !text.trim_start().starts_with(s.trim()) => format!("{s}\n\n{text}"),
            _ => text,
        };
        let date = self.date.and_then(|d| match dates::normalize_date(&d) {
            Some(iso) => Some(iso),
            None => {
                problems.push((
                    number,
                    format!("date \u{201c}{d}\u{201d} not understood; ignored"),
                ));
                None
            }
        });
        Some(Row {
            number,
            title: self.title.map(|t| one_line(&t)),
            date,
            url: self.url,
            outlet: self.outlet.map(|t| one_line(&t)),
            byline: self.byline.map(|t| one_line(&t)),
            text,
        })
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Warn about unknown columns, once per file.
fn report_unknown(columns: &[String], problems: &mut Vec<(usize, String)>) {
    let unknown: Vec<&str> = columns
        .iter()
        .filter(|c| field_for(c).is_none())
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        problems.push((
            0,
            format!("unknown column(s) ignored: {}", unknown.join(", ")),
        ));
    }
}

/// The delimiter of a `.csv`: whichever of `,` `;` tab is most frequent
/// outside quotes on the first line.
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let delimiters = [b',', b';', b'\t'];
    let best = (0..3).max_by_key(|&i| (counts.get(i).copied().unwrap_or(0), 3 - i));
    best.and_then(|i| delimiters.get(i).copied())
        .unwrap_or(b',')
}

/// Read a csv/tsv file (`tab` forces tab separation).
pub fn read_csv(text: &str, tab: bool) -> Table {
    let mut table = Table::default();
    let delimiter = if tab { b'\t' } else { sniff_delimiter(text) };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.byte_headers() {
        Ok(h) => h
            .iter()
            .map(|f| String::from_utf8_lossy(f).trim().to_string())
            .collect(),
        Err(e) => {
            table
                .problems
                .push((0, format!("unreadable header row ({e})")));
            return table;
        }
    };
    let fields: Vec<Option<Field>> = headers.iter().map(|h| field_for(h)).collect();
    if !fields.contains(&Some(Field::Text)) {
        table.problems.push((
            0,
            format!(
                "no text column (text, body, content, article…) among: {}; skipped",
                headers.join(", ")
            ),
        ));
        return table;
    }
    report_unknown(&headers, &mut table.problems);
    let mut record = csv::ByteRecord::new();
    let mut number = 0;
    let mut errors = 0;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                number += 1;
                let mut b = Builder::default();
                for (value, field) in record.iter().zip(&fields) {
                    if let Some(field) = field {
                        b.set(*field, String::from_utf8_lossy(value).into_owned());
                    }
                }
                if let Some(row) = b.finish(number, &mut table.problems) {
                    table.rows.push(row);
                }
            }
            Err(e) => {
                number += 1;
                errors += 1;
                if errors <= 5 {
                    table
                        .problems
                        .push((number, format!("unreadable row ({e}); skipped")));
                }
                if errors > 1000 {
                    table
                        .problems
                        .push((0, "too many unreadable rows; stopped".to_string()));
                    break;
                }
            }
        }
    }
    table
}

/// A JSON value as text: strings as they are, numbers printed, arrays
/// joined, objects by their `name`.
fn value_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(_) | Value::Null => None,
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(value_text).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Value::Object(map) => map
            .get("name")
            .or_else(|| map.get("title"))
            .and_then(value_text),
    }
}

fn read_object(
    value: &Value,
    number: usize,
    unknown: &mut Vec<String>,
    problems: &mut Vec<(usize, String)>,
) -> Option<Row> {
    let Value::Object(map) = value else {
        problems.push((number, "not a JSON object; skipped".to_string()));
        return None;
    };
    let mut b = Builder::default();
    for (key, v) in map {
        match field_for(key) {
            Some(field) => {
                if let Some(text) = value_text(v) {
                    b.set(field, text);
                }
            }
            None => {
                if !unknown.contains(key) {
                    unknown.push(key.clone());
                }
            }
        }
    }
    b.finish(number, problems)
}

/// Read JSON Lines: one object per line (blank lines skipped; numbers are
/// physical line numbers so a reader can find the line).
pub fn read_jsonl(text: &str) -> Table {
    let mut table = Table::default();
    let mut unknown = Vec::new();
    let mut errors = 0;
    for (i, line) in text.split('\n').enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(v) => {
                if let Some(row) = read_object(&v, i + 1, &mut unknown, &mut table.problems) {
                    table.rows.push(row);
                }
            }
            Err(e) => {
                errors += 1;
                if errors <= 5 {
                    table
                        .problems
                        .push((i + 1, format!("invalid JSON ({e}); skipped")));
                }
            }
        }
    }
    if errors > 5 {
        table
            .problems
            .push((0, format!("{errors} invalid JSON lines in all")));
    }
    if !unknown.is_empty() {
        table.problems.insert(
            0,
            (
                0,
                format!("unknown field(s) ignored: {}", unknown.join(", ")),
            ),
        );
    }
    table
}

/// Read a `.json` file: an array of article objects, or one object.
pub fn read_json(text: &str) -> Table {
    let mut table = Table::default();
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            table
                .problems
                .push((0, format!("invalid JSON ({e}); skipped")));
            return table;
        }
    };
    let items: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(map) => match map.get("articles").or_else(|| map.get("items")) {
            Some(Value::Array(items)) => items.iter().collect(),
            _ => vec![&value],
        },
        _ => Vec::new(),
    };
    let mut unknown = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        if let Some(row) = read_object(item, i + 1, &mut unknown, &mut table.problems) {
            table.rows.push(row);
        }
    }
    if !unknown.is_empty() {
        table.problems.insert(
            0,
            (
                0,
                format!("unknown field(s) ignored: {}", unknown.join(", ")),
            ),
        );
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_fold_case_and_separators() {
        let cases = [
            ("Title", Some(Field::Title)),
            ("Publish Date", Some(Field::Date)),
            ("article_source_link", Some(Field::Url)),
            ("SOURCE", Some(Field::Outlet)),
            ("byline", Some(Field::Byline)),
            ("Content", Some(Field::Text)),
            ("description", Some(Field::Standfirst)),
            ("id", Some(Field::Ignored)),
            ("sentiment", None),
        ];
        for (name, expected) in cases {
            assert_eq!(field_for(name), expected, "{name}");
        }
    }

    #[test]
    fn csv_with_quoted_newlines_and_semicolons() {
        let t = read_csv(
            "Title;Date;Text\nA;2015-05-14;\"Line one.\nLine two.\"\nB;;\n",
            false,
        );
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].text, "Line one.\nLine two.");
        assert_eq!(t.rows[0].date.as_deref(), Some("2015-05-14"));
        assert_eq!(t.problems, [(2, "no article text; skipped".to_string())]);
    }

    #[test]
    fn jsonl_values_of_every_shape() {
        let t = read_jsonl(
            "{\"title\":\"T\",\"source\":{\"id\":null,\"name\":\"Reuters\"},\"authors\":[\"A\",\"B\"],\"publishedAt\":1431599000,\"content\":\"Body.\",\"mood\":1}\n\nnot json\n",
        );
        assert_eq!(t.rows.len(), 1);
        let r = &t.rows[0];
        assert_eq!(r.outlet.as_deref(), Some("Reuters"));
        assert_eq!(r.byline.as_deref(), Some("A, B"));
        assert_eq!(r.date.as_deref(), Some("2015-05-14T10:23"));
        assert_eq!(t.problems.len(), 2, "{:?}", t.problems);
        assert!(t
            .problems
            .iter()
            .any(|(n, m)| *n == 3 && m.contains("invalid JSON")));
    }
}
