//! Reading a corpus folder into raw [`Article`]s.
//!
//! # Input
//! The folder is read recursively; files are processed in order of their
//! relative path (byte order, `/` separators), so ids, warnings and the
//! corpus are the same on every machine.
//!
//! | files | one article per | metadata from |
//! | --- | --- | --- |
//! | `.txt`, `.text` | file | the text itself (see `document`) |
//! | `.md`, `.markdown` | file | YAML `---` or TOML `+++` front matter, a leading `# H1` |
//! | `.html`, `.htm`, `.xhtml` | file | JSON-LD, Open Graph, meta tags, `<time>`, `<h1>`, `<title>` |
//! | `.csv`, `.tsv` | row | columns (title, date, url, outlet, author, text…) |
//! | `.jsonl`, `.ndjson` | line | fields, as for csv |
//! | `.json` | array element | fields, as for csv |
//!
//! Optional `clippings.toml` at the root overrides metadata per file; its
//! format is documented in [`manifest`].
//!
//! Skipped **silently**: hidden files and folders (`.git`, `.DS_Store`),
//! `README*`, `LICENSE*`, `CHANGELOG*`, `NOTES*` (documentation next to a
//! corpus, not articles). Skipped with **one summary warning** per corpus:
//! assets saved along with web pages (images, css, js, fonts, media).
//! Skipped with **a warning each**: any other extension, and files without
//! one. Symbolic links to folders are not followed (loops); folders deeper
//! than 32 levels are not read.
//!
//! # Ids
//! The file name without extension (`001_a31c8d53c7f2617f`); a table row is
//! `file-stem#N` (N = 1-based data row, jsonl line, or json array index).
//! When two files give the same id (`a.txt`, `a.md`), the first in path
//! order keeps it and the later one gets its relative path without
//! extension (`sub/a`), else with extension (`a.md`), else `id~2`…, with a
//! warning. Document `path` is the relative path, plus `#N` for rows.
//!
//! # Bad input
//! One bad file never stops the corpus: it costs a [`Warning`] naming it.
//! Empty and whitespace-only files, binary files, rows without text and
//! unreadable tables are skipped; invalid UTF-8 is decoded (with the byte
//! offset of the first bad sequence reported); CRLF and BOMs are normalised
//! silently. Size limits keep memory and time linear: an article's text is
//! cut at [`MAX_ARTICLE_BYTES`], an html page at [`MAX_HTML_BYTES`], a
//! table file at [`MAX_TABLE_BYTES`], each with a warning; oversized files
//! are read only up to the limit (streamed, never loaded whole).
//! Articles whose text is byte-for-byte the same (after whitespace) as an
//! earlier one are dropped with a warning naming both, unless the two name
//! different outlets or urls (a wire story run by two papers stays twice).
//! [`AnalyzeError`] is returned only when the folder is missing, not a
//! folder, unreadable, or yields no usable article.

pub mod decode;
pub mod html;
pub mod manifest;
pub mod markdown;
pub mod table;

use clippings_core::Warning;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Limit on one article's text (a long news feature is ~100 KB).
pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;
/// Limit on one html page (inline scripts and styles make pages large).
pub const MAX_HTML_BYTES: usize = 8 * 1024 * 1024;
/// Limit on one csv/jsonl/json file.
pub const MAX_TABLE_BYTES: usize = 256 * 1024 * 1024;
/// Folders deeper than this are not read.
const MAX_DEPTH: usize = 32;

/// One raw article as read, before cleaning.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    pub id: String,
    /// Relative path with `/` separators (`#N` appended for table rows).
    pub path: String,
    /// The article body as found (raw text, markup already stripped).
    pub raw: String,
    /// Metadata given explicitly (columns, front matter, html meta,
    /// manifest). `Some("")` means "known to be unknown": no inference.
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub byline: Option<String>,
}

/// Why a corpus folder could not be read at all.
#[derive(Debug)]
pub enum AnalyzeError {
    NotFound(String),
    NotADirectory(String),
    /// The folder was read but held no usable article; the warnings say
    /// what was skipped and why.
    NoArticles(String, Vec<Warning>),
    Io(String, std::io::Error),
}

impl fmt::Display for AnalyzeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnalyzeError::NotFound(p) => write!(f, "{p}: no such folder"),
            AnalyzeError::NotADirectory(p) => write!(f, "{p}: not a folder"),
            AnalyzeError::NoArticles(p, warnings) => {
                write!(
                    f,
                    "{p}: no usable article found (.txt, .md, .html, .csv, .tsv, .jsonl, .json)"
                )?;
                for w in warnings.iter().take(5) {
                    write!(f, "; {}: {}", w.path, w.message)?;
                }
                if warnings.len() > 5 {
                    write!(f, "; and {} more warning(s)", warnings.len() - 5)?;
                }
                Ok(())
            }
            AnalyzeError::Io(p, e) => write!(f, "{p}: cannot read folder: {e}"),
        }
    }
}

impl std::error::Error for AnalyzeError {}

/// One file's bytes, possibly cut at its size limit.
struct Entry {
    path: String,
    bytes: Vec<u8>,
    /// Size of the whole file, when more than `bytes` holds.
    truncated_from: Option<u64>,
}

/// What to do with a file, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Markdown,
    Html,
    Csv,
    Tsv,
    Jsonl,
    Json,
    Manifest,
    /// README and friends: skipped silently.
    Documentation,
    /// Images, styles, scripts saved with a page: one summary warning.
    Asset,
    Unknown,
}

fn kind_of(path: &str) -> Kind {
    if path == manifest::MANIFEST_NAME {
        return Kind::Manifest;
    }
    let name = path.rsplit('/').next().unwrap_or(path);
    let lower = name.to_lowercase();
    let (stem, ext) = match lower.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s, e),
        _ => (lower.as_str(), ""),
    };
    if [
        "readme",
        "license",
        "licence",
        "changelog",
        "notes",
        "copying",
    ]
    .iter()
    .any(|d| stem == *d || stem.starts_with(&format!("{d}.")) || stem.starts_with(&format!("{d}-")))
    {
        return Kind::Documentation;
    }
    match ext {
        "txt" | "text" => Kind::Text,
        "md" | "markdown" => Kind::Markdown,
        "html" | "htm" | "xhtml" => Kind::Html,
        "csv" => Kind::Csv,
        "tsv" => Kind::Tsv,
        "jsonl" | "ndjson" => Kind::Jsonl,
        "json" => Kind::Json,
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "svg" | "ico" | "bmp" | "avif" | "css" | "js"
        | "mjs" | "map" | "woff" | "woff2" | "ttf" | "otf" | "eot" | "mp4" | "webm" | "mp3"
        | "m4a" | "ogg" | "wav" => Kind::Asset,
        _ => Kind::Unknown,
    }
}

fn byte_limit(kind: Kind) -> usize {
    match kind {
        Kind::Html => MAX_HTML_BYTES,
        Kind::Csv | Kind::Tsv | Kind::Jsonl | Kind::Json => MAX_TABLE_BYTES,
        Kind::Manifest => MAX_ARTICLE_BYTES,
        _ => MAX_ARTICLE_BYTES,
    }
}

/// Read every article under `dir` (recursively).
pub fn read_dir(dir: &Path) -> Result<(Vec<Article>, Vec<Warning>), AnalyzeError> {
    let shown = dir.display().to_string();
    let meta = std::fs::metadata(dir).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => AnalyzeError::NotFound(shown.clone()),
        _ => AnalyzeError::Io(shown.clone(), e),
    })?;
    if !meta.is_dir() {
        return Err(AnalyzeError::NotADirectory(shown));
    }
    // The root must be listable; problems further down are warnings.
    std::fs::read_dir(dir).map_err(|e| AnalyzeError::Io(shown.clone(), e))?;
    let mut warnings = Vec::new();
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    let mut stack: Vec<(PathBuf, String, usize)> = vec![(dir.to_path_buf(), String::new(), 0)];
    while let Some((folder, prefix, depth)) = stack.pop() {
        let listing = match std::fs::read_dir(&folder) {
            Ok(l) => l,
            Err(e) => {
                warnings.push(Warning {
                    path: prefix.trim_end_matches('/').to_string(),
                    message: format!("folder unreadable ({e}); skipped"),
                });
                continue;
            }
        };
        for entry in listing.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let rel = format!("{prefix}{name}");
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            if file_type.is_dir() {
                if depth + 1 >= MAX_DEPTH {
                    warnings.push(Warning {
                        path: rel,
                        message: format!("folder nested deeper than {MAX_DEPTH} levels; skipped"),
                    });
                } else {
                    stack.push((path, format!("{rel}/"), depth + 1));
                }
            } else if file_type.is_symlink() {
                if path.is_dir() {
                    warnings.push(Warning {
                        path: rel,
                        message: "link to a folder not followed".to_string(),
                    });
                } else if path.is_file() {
                    files.push((rel, path));
                }
            } else if file_type.is_file() {
                files.push((rel, path));
            }
        }
    }
    files.sort();
    let mut entries = Vec::new();
    for (rel, path) in files {
        let kind = kind_of(&rel);
        if matches!(kind, Kind::Documentation | Kind::Asset | Kind::Unknown) {
            entries.push(Entry {
                path: rel,
                bytes: Vec::new(),
                truncated_from: None,
            });
            continue;
        }
        match read_capped(&path, byte_limit(kind)) {
            Ok((bytes, truncated_from)) => entries.push(Entry {
                path: rel,
                bytes,
                truncated_from,
            }),
            Err(e) => warnings.push(Warning {
                path: rel,
                message: format!("unreadable ({e}); skipped"),
            }),
        }
    }
    read_entries(&shown, entries, warnings)
}

/// Read at most `limit` bytes (plus the file's size when it is larger).
fn read_capped(path: &Path, limit: usize) -> std::io::Result<(Vec<u8>, Option<u64>)> {
    let file = std::fs::File::open(path)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(limit).min(limit));
    file.take(u64::try_from(limit).unwrap_or(u64::MAX))
        .read_to_end(&mut bytes)?;
    let truncated = (size > bytes.len() as u64).then_some(size);
    let bytes = if truncated.is_some() {
        decode::truncate(&bytes, limit).to_vec()
    } else {
        bytes
    };
    Ok((bytes, truncated))
}

/// Read articles from in-memory files: `(relative path, bytes)` pairs, as
/// if they were a folder (same rules, limits and warnings; hidden files
/// skipped; `clippings.toml` at the root is the manifest).
pub fn read_files<P, B>(
    files: impl IntoIterator<Item = (P, B)>,
) -> Result<(Vec<Article>, Vec<Warning>), AnalyzeError>
where
    P: AsRef<str>,
    B: AsRef<[u8]>,
{
    let mut entries: Vec<Entry> = Vec::new();
    for (path, bytes) in files {
        let path = path
            .as_ref()
            .replace('\\', "/")
            .trim_start_matches("./")
            .trim_start_matches('/')
            .to_string();
        if path.is_empty()
            || path
                .split('/')
                .any(|part| part.starts_with('.') || part.is_empty())
        {
            continue;
        }
        let bytes = bytes.as_ref();
        let limit = byte_limit(kind_of(&path));
        let kept = decode::truncate(bytes, limit);
        entries.push(Entry {
            truncated_from: (kept.len() < bytes.len()).then_some(bytes.len() as u64),
            bytes: kept.to_vec(),
            path,
        });
    }
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    read_entries("(in-memory files)", entries, Vec::new())
}

/// An article before ids are assigned.
struct Found {
    /// Base id (stem, or stem#N).
    base: String,
    /// Id candidates when the base collides.
    alternatives: Vec<String>,
    article: Article,
}

/// The shared core of [`read_dir`] and [`read_files`].
fn read_entries(
    label: &str,
    entries: Vec<Entry>,
    mut warnings: Vec<Warning>,
) -> Result<(Vec<Article>, Vec<Warning>), AnalyzeError> {
    let mut found: Vec<Found> = Vec::new();
    let mut manifest_entries = Vec::new();
    let mut assets = 0usize;
    for entry in entries {
        let kind = kind_of(&entry.path);
        let mut warn = |message: String| {
            warnings.push(Warning {
                path: entry.path.clone(),
                message,
            })
        };
        match kind {
            Kind::Documentation => continue,
            Kind::Asset => {
                assets += 1;
                continue;
            }
            Kind::Unknown => {
                let ext = entry
                    .path
                    .rsplit('/')
                    .next()
                    .and_then(|n| n.rsplit_once('.'))
                    .map(|(_, e)| format!(".{e}"))
                    .unwrap_or_else(|| "no extension".to_string());
                warn(format!(
                    "unsupported file type ({ext}); skipped (articles are .txt, .md, .html, .csv, .tsv, .jsonl, .json)"
                ));
                continue;
            }
            _ => {}
        }
        if let Some(size) = entry.truncated_from {
            warn(format!(
                "file is {size} bytes; only the first {} were read (limit)",
                entry.bytes.len()
            ));
        }
        let legacy = kind == Kind::Html && html::declares_legacy_charset(&entry.bytes);
        let decoded = match decode::decode(&entry.bytes, legacy) {
            Ok(d) => d,
            Err(decode::Unreadable::Empty) => {
                warn("empty file; skipped".to_string());
                continue;
            }
            Err(decode::Unreadable::Binary(what)) => {
                warn(format!("not text ({what}); skipped"));
                continue;
            }
        };
        for note in decoded.notes {
            warn(note);
        }
        let text = decoded.text;
        let stem = file_stem(&entry.path);
        let without_ext = path_without_ext(&entry.path);
        let file_article = |raw: String| Found {
            base: stem.clone(),
            alternatives: vec![without_ext.clone(), entry.path.clone()],
            article: Article {
                path: entry.path.clone(),
                raw,
                ..Default::default()
            },
        };
        match kind {
            Kind::Manifest => {
                manifest_entries = manifest::parse(&text, &mut warnings);
            }
            Kind::Text => found.push(file_article(text)),
            Kind::Markdown => {
                let md = markdown::read(&text);
                for note in md.notes {
                    warn(note);
                }
                let mut f = file_article(md.body);
                f.article.title = md.title;
                f.article.date = md.date;
                f.article.url = md.url;
                f.article.outlet = md.outlet;
                f.article.byline = md.byline;
                found.push(f);
            }
            Kind::Html => {
                let page = html::extract(&text);
                for note in page.notes {
                    warn(note);
                }
                if page.body.trim().is_empty() {
                    warn("no article text found in the page; skipped".to_string());
                    continue;
                }
                let mut f = file_article(page.body);
                f.article.title = page.title;
                f.article.date = page.date;
                f.article.url = page.url;
                f.article.outlet = page.outlet;
                f.article.byline = page.byline;
                found.push(f);
            }
            Kind::Csv | Kind::Tsv | Kind::Jsonl | Kind::Json => {
                let t = match kind {
                    Kind::Csv => table::read_csv(&text, false),
                    Kind::Tsv => table::read_csv(&text, true),
                    Kind::Jsonl => table::read_jsonl(&text),
                    _ => table::read_json(&text),
                };
                for (row, problem) in t.problems {
                    let path = if row == 0 {
                        entry.path.clone()
                    } else {
                        format!("{}#{row}", entry.path)
                    };
                    warnings.push(Warning {
                        path,
                        message: problem,
                    });
                }
                for row in t.rows {
                    let n = row.number;
                    found.push(Found {
                        base: format!("{stem}#{n}"),
                        alternatives: vec![
                            format!("{without_ext}#{n}"),
                            format!("{}#{n}", entry.path),
                        ],
                        article: Article {
                            path: format!("{}#{n}", entry.path),
                            raw: row.text,
                            title: row.title,
                            outlet: row.outlet,
                            date: row.date,
                            url: row.url,
                            byline: row.byline,
                            ..Default::default()
                        },
                    });
                }
            }
            _ => {}
        }
    }
    if assets > 0 {
        warnings.push(Warning {
            path: ".".to_string(),
            message: format!("skipped {assets} image/style/script/media file(s) (not articles)"),
        });
    }
    let mut articles = assign_ids(found, &mut warnings);
    manifest::apply(&manifest_entries, &mut articles, &mut warnings);
    let articles = drop_duplicates(articles, &mut warnings);
    if articles.is_empty() {
        return Err(AnalyzeError::NoArticles(label.to_string(), warnings));
    }
    Ok((articles, warnings))
}

/// File name without its last extension.
fn file_stem(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name.to_string(),
    }
}

fn path_without_ext(path: &str) -> String {
    match path.rsplit_once('/') {
        Some((dir, _)) => format!("{dir}/{}", file_stem(path)),
        None => file_stem(path),
    }
}

/// Give every article a unique id, deterministically (input is in path
/// order; the first keeps the plain id).
fn assign_ids(found: Vec<Found>, warnings: &mut Vec<Warning>) -> Vec<Article> {
    let mut taken: HashSet<String> = HashSet::new();
    let bases: HashMap<String, usize> = found.iter().fold(HashMap::new(), |mut m, f| {
        *m.entry(f.base.clone()).or_default() += 1;
        m
    });
    let mut articles = Vec::with_capacity(found.len());
    // Plain ids first, so a later file's alternative never steals an id
    // that another file has as its plain id.
    let reserved: HashSet<String> = bases.keys().cloned().collect();
    for f in found {
        let mut article = f.article;
        let id = if taken.insert(f.base.clone()) {
            f.base
        } else {
            let alt = f
                .alternatives
                .iter()
                .find(|a| !taken.contains(*a) && !reserved.contains(*a))
                .cloned()
                .unwrap_or_else(|| {
                    (2..)
                        .map(|n| format!("{}~{n}", f.base))
                        .find(|c| !taken.contains(c) && !reserved.contains(c))
                        .unwrap_or_default()
                });
            taken.insert(alt.clone());
            warnings.push(Warning {
                path: article.path.clone(),
                message: format!("id \u{201c}{}\u{201d} already used by an earlier file; this one is \u{201c}{alt}\u{201d}", f.base),
            });
            alt
        };
        article.id = id;
        articles.push(article);
    }
    articles
}

/// Drop later articles whose raw text equals an earlier one's (after
/// whitespace), unless their outlet or url differ.
fn drop_duplicates(articles: Vec<Article>, warnings: &mut Vec<Warning>) -> Vec<Article> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut kept: Vec<Article> = Vec::with_capacity(articles.len());
    for article in articles {
        let key = article.raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(first) = seen.get(&key).and_then(|&i| kept.get(i)) {
            let differs = |a: &Option<String>, b: &Option<String>| {
                a.as_deref().is_some_and(|x| !x.is_empty())
                    && b.as_deref().is_some_and(|y| !y.is_empty())
                    && a != b
            };
            if differs(&first.outlet, &article.outlet) || differs(&first.url, &article.url) {
                warnings.push(Warning {
                    path: article.path.clone(),
                    message: format!(
                        "same text as {} (kept both: different outlet or url)",
                        first.path
                    ),
                });
            } else {
                warnings.push(Warning {
                    path: article.path.clone(),
                    message: format!("duplicate of {}; skipped", first.path),
                });
                continue;
            }
        } else {
            seen.insert(key, kept.len());
        }
        kept.push(article);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        let cases = [
            ("a.txt", Kind::Text),
            ("sub/A.HTML", Kind::Html),
            ("README.md", Kind::Documentation),
            ("clippings.toml", Kind::Manifest),
            ("sub/clippings.toml", Kind::Unknown),
            ("page_files/logo.png", Kind::Asset),
            ("notes", Kind::Documentation),
            ("article", Kind::Unknown),
            ("feed.ndjson", Kind::Jsonl),
        ];
        for (path, kind) in cases {
            assert_eq!(kind_of(path), kind, "{path}");
        }
    }

    #[test]
    fn colliding_ids_are_disambiguated_in_path_order() {
        let (articles, warnings) = read_files([
            ("a.txt", "One text here."),
            ("a.md", "Another text here."),
            ("sub/a.txt", "Third text here."),
        ])
        .expect("reads");
        let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "a.txt", "sub/a"]);
        assert_eq!(warnings.len(), 2);
    }
}
