//! Reading a corpus folder. (Provisional: plain `.txt` only; to be replaced.)

use clippings_core::Warning;
use std::fmt;
use std::path::Path;

/// One raw article as read from disk, before cleaning.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    pub id: String,
    /// Relative path with `/` separators.
    pub path: String,
    /// The article body as found (raw text, markup already stripped).
    pub raw: String,
    /// Metadata given explicitly (columns, front matter, html meta, manifest).
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub byline: Option<String>,
}

#[derive(Debug)]
pub enum AnalyzeError {
    NotFound(String),
    NotADirectory(String),
    NoArticles(String),
    Io(String, std::io::Error),
}

impl fmt::Display for AnalyzeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnalyzeError::NotFound(p) => write!(f, "{p}: no such folder"),
            AnalyzeError::NotADirectory(p) => write!(f, "{p}: not a folder"),
            AnalyzeError::NoArticles(p) => write!(f, "{p}: no articles found (.txt, .md, .html, .csv, .jsonl)"),
            AnalyzeError::Io(p, e) => write!(f, "{p}: {e}"),
        }
    }
}

impl std::error::Error for AnalyzeError {}

pub fn read_dir(dir: &Path) -> Result<(Vec<Article>, Vec<Warning>), AnalyzeError> {
    let shown = dir.display().to_string();
    if !dir.exists() {
        return Err(AnalyzeError::NotFound(shown));
    }
    if !dir.is_dir() {
        return Err(AnalyzeError::NotADirectory(shown));
    }
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| AnalyzeError::Io(shown.clone(), e))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    entries.sort();
    let mut articles = Vec::new();
    let warnings = Vec::new();
    for path in entries {
        let bytes = std::fs::read(&path).map_err(|e| AnalyzeError::Io(path.display().to_string(), e))?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let id = path.file_stem().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        articles.push(Article { id, path: name, raw: String::from_utf8_lossy(&bytes).into_owned(), ..Default::default() });
    }
    if articles.is_empty() {
        return Err(AnalyzeError::NoArticles(shown));
    }
    Ok((articles, warnings))
}
