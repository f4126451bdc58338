//! Highlights and snippets: exact byte ranges of what matched, and the
//! densest window of them, quote-aware.
//!
//! Highlighting runs the shared tokenizer over the one document being shown
//! (never the corpus) and matches tokens against the compiled query's form
//! sets, so a highlight is exactly the word or phrase the index matched. The
//! tokens of the last few hundred documents shown are kept, so typing
//! (which mostly reorders the same articles) tokenizes each once.
//! Rendering ([`Snippet::to_html`], [`escape_html`]) always escapes text:
//! corpus text never becomes markup.

use crate::engine::{CompiledClause, CompiledQuery, Engine, Matcher};
use crate::query::Scope;
use clippings_core::text::{self, Token};
use clippings_core::Span;
use std::collections::HashSet;
use std::sync::Arc;

/// A window of a document's text with highlight ranges relative to it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    /// Byte offset of the window in the document text.
    pub start: usize,
    /// The window: `document.text[start..start + text.len()]`.
    pub text: String,
    /// Byte ranges into `text`, sorted and disjoint.
    pub highlights: Vec<(usize, usize)>,
    /// The window starts/ends inside the text (show an ellipsis).
    pub cut_start: bool,
    pub cut_end: bool,
}

impl Snippet {
    /// Escaped HTML with `<mark>` around the highlights.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        let mut at = 0;
        for &(s, e) in &self.highlights {
            if let (Some(before), Some(hit)) = (self.text.get(at..s), self.text.get(s..e)) {
                out.push_str(&escape_html(before));
                out.push_str("<mark>");
                out.push_str(&escape_html(hit));
                out.push_str("</mark>");
                at = e;
            }
        }
        out.push_str(&escape_html(self.text.get(at..).unwrap_or("")));
        out
    }
}

/// Escape text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Which text of a document to highlight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Body,
}

/// One field of one document, tokenized, with each token's index form id
/// (forms dropped): what highlighting needs, kept between searches.
pub(crate) struct DocTokens {
    tokens: Vec<Token>,
    ids: Vec<Option<u32>>,
}

/// Documents whose tokens are kept. A results page shows 30; typing a
/// query mostly reshuffles the same articles, so each is tokenized once
/// instead of on every keystroke.
const TOKEN_CACHE_DOCS: usize = 256;

/// Default snippet length in bytes.
pub const SNIPPET_LEN: usize = 220;

impl Engine<'_> {
    fn doc_tokens(&self, doc: u32, field: Field, source: &str) -> Arc<DocTokens> {
        let key = (doc, field);
        if let Some(hit) = self
            .token_cache
            .lock()
            .ok()
            .and_then(|c| c.get(&key).cloned())
        {
            return hit;
        }
        let mut tokens = text::tokenize(source);
        let ids = tokens.iter().map(|t| self.index.form_id(&t.form)).collect();
        for t in &mut tokens {
            t.form = String::new();
        }
        let entry = Arc::new(DocTokens { tokens, ids });
        if let Ok(mut cache) = self.token_cache.lock() {
            if cache.len() >= TOKEN_CACHE_DOCS {
                cache.clear();
            }
            cache.insert(key, entry.clone());
        }
        entry
    }

    /// Byte ranges of every match of the query's positive clauses in a
    /// document's title or body, sorted and merged.
    pub fn highlights(&self, doc: u32, query: &CompiledQuery, field: Field) -> Vec<Span> {
        let Some(document) = self.document(doc) else {
            return Vec::new();
        };
        let (source, quote_spans): (&str, Vec<Span>) = match field {
            Field::Title => (&document.title, Vec::new()),
            Field::Body => (
                &document.text,
                self.corpus.quotes_of(doc).map(|(_, q)| q.span).collect(),
            ),
        };
        let doc_tokens = self.doc_tokens(doc, field, source);
        let (tokens, ids) = (&doc_tokens.tokens, &doc_tokens.ids);
        let mut spans = Vec::new();
        for clause in query.positive() {
            let allowed = |t: &Token| match (clause.scope, field) {
                (Scope::Anywhere, _) => true,
                (Scope::Title, f) => f == Field::Title,
                (Scope::Quote, Field::Body) => quote_spans
                    .iter()
                    .any(|q| q.contains(Span::new(t.start, t.end))),
                (Scope::Quote, Field::Title) => false,
            };
            clause_spans(clause, tokens, ids, &allowed, &mut spans);
        }
        merge(spans)
    }

    /// The best window of a document's body for this query.
    pub fn snippet(&self, doc: u32, query: &CompiledQuery, max_len: usize) -> Snippet {
        let Some(document) = self.document(doc) else {
            return Snippet::default();
        };
        let text = document.text.as_ref();
        let hits = self.highlights(doc, query, Field::Body);
        let max_len = max_len.max(40);
        let (mut start, mut end) = match best_window(text, &hits, max_len) {
            Some(first) => {
                let quote = self
                    .corpus
                    .quotes_of(doc)
                    .map(|(_, q)| q.outer)
                    .find(|o| o.contains(first));
                match quote {
                    // Quote-aware: show the quote that matched, whole if it fits.
                    Some(o) if o.len() <= max_len * 2 => (o.start(), o.end()),
                    Some(o) => {
                        let s = first.start().saturating_sub(max_len / 4).max(o.start());
                        (s, s + max_len)
                    }
                    None => {
                        let lead = max_len / 4;
                        let s = sentence_start(text, first.start(), lead * 3)
                            .unwrap_or_else(|| first.start().saturating_sub(lead));
                        (s, s + max_len)
                    }
                }
            }
            None => (0, max_len),
        };
        end = end.min(text.len());
        start = start.min(end);
        (start, end) = word_bounds(text, start, end);
        let highlights = hits
            .iter()
            .filter(|h| h.start() >= start && h.end() <= end)
            .map(|h| (h.start() - start, h.end() - start))
            .collect();
        Snippet {
            start,
            text: text.get(start..end).unwrap_or("").to_string(),
            highlights,
            cut_start: start > 0,
            cut_end: end < text.len(),
        }
    }
}

fn clause_spans(
    clause: &CompiledClause,
    tokens: &[Token],
    ids: &[Option<u32>],
    allowed: &dyn Fn(&Token) -> bool,
    out: &mut Vec<Span>,
) {
    for matcher in &clause.matchers {
        match matcher {
            Matcher::Forms(forms) => {
                let set: HashSet<u32> = forms.iter().map(|f| f.form).collect();
                for (t, id) in tokens.iter().zip(ids) {
                    if id.is_some_and(|id| set.contains(&id)) && allowed(t) {
                        out.push(Span::new(t.start, t.end));
                    }
                }
            }
            Matcher::Phrase(words) => {
                let sets: Vec<HashSet<u32>> = words
                    .iter()
                    .map(|w| w.iter().map(|f| f.form).collect())
                    .collect();
                if sets.is_empty() {
                    continue;
                }
                // Tokens at each position (primary and joined alternatives).
                let max_pos = tokens.iter().map(|t| t.position).max().unwrap_or(0) as usize;
                let mut at: Vec<Vec<usize>> = vec![Vec::new(); max_pos + 1];
                for (i, t) in tokens.iter().enumerate() {
                    at[t.position as usize].push(i);
                }
                for p in 0..at.len() {
                    let mut first: Option<&Token> = None;
                    let mut last: Option<&Token> = None;
                    let ok = sets.iter().enumerate().all(|(k, set)| {
                        at.get(p + k).is_some_and(|here| {
                            here.iter().any(|&i| {
                                let hit = ids[i].is_some_and(|id| set.contains(&id));
                                if hit {
                                    if k == 0 {
                                        first = Some(&tokens[i]);
                                    }
                                    last = Some(&tokens[i]);
                                }
                                hit
                            })
                        })
                    });
                    if let (true, Some(f), Some(l)) = (ok, first, last) {
                        if allowed(f) && allowed(l) {
                            out.push(Span::new(f.start, l.end.max(f.end)));
                        }
                    }
                }
            }
        }
    }
}

fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// The highlight that starts the window with the most distinct matched words
/// (then the most matches) within `max_len` bytes.
fn best_window(text: &str, hits: &[Span], max_len: usize) -> Option<Span> {
    let mut best: Option<(usize, usize, Span)> = None;
    for (i, h) in hits.iter().enumerate() {
        let limit = h.start() + max_len * 3 / 4;
        let mut distinct: Vec<String> = Vec::new();
        let mut count = 0;
        for other in hits[i..].iter().take_while(|o| o.end() <= limit) {
            count += 1;
            let word = other.slice(text).to_lowercase();
            if !distinct.contains(&word) {
                distinct.push(word);
            }
        }
        let key = (distinct.len(), count);
        if best.is_none_or(|(d, c, _)| key > (d, c)) {
            best = Some((key.0, key.1, *h));
        }
    }
    best.map(|(_, _, h)| h)
}

/// The start of the sentence containing `at`, if it is within `reach` bytes.
fn sentence_start(text: &str, at: usize, reach: usize) -> Option<usize> {
    let from = at.saturating_sub(reach);
    let window = text.get(floor_boundary(text, from)..floor_boundary(text, at))?;
    let base = floor_boundary(text, from);
    let mut found = None;
    for (i, _) in window.match_indices(['.', '!', '?', '\n']) {
        let after = base + i + 1;
        let rest = text.get(after..)?;
        let skip = rest.len() - rest.trim_start().len();
        if after + skip <= at {
            found = Some(after + skip);
        }
    }
    found
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Shrink `[start, end)` so it neither starts nor ends inside a word.
fn word_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut s = floor_boundary(text, start);
    let mut e = floor_boundary(text, end);
    if s > 0 {
        let prev_is_word = text[..s]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        if prev_is_word {
            while s < e {
                let c = text[s..].chars().next().unwrap_or(' ');
                s += c.len_utf8();
                if !c.is_alphanumeric() {
                    break;
                }
            }
        }
        while s < e && text[s..].starts_with(char::is_whitespace) {
            s += text[s..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if e < text.len() {
        let next_is_word = text[e..].chars().next().is_some_and(char::is_alphanumeric);
        if next_is_word {
            while e > s {
                let c = text[..e].chars().next_back().unwrap_or(' ');
                if !c.is_alphanumeric() {
                    break;
                }
                e -= c.len_utf8();
            }
        }
        while e > s && text[..e].ends_with(char::is_whitespace) {
            e -= text[..e].chars().next_back().map_or(1, char::len_utf8);
        }
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_escaped_around_marks() {
        let s = Snippet {
            start: 0,
            text: "<b>Zhang</b> & co".into(),
            highlights: vec![(3, 8)],
            cut_start: false,
            cut_end: false,
        };
        assert_eq!(
            s.to_html(),
            "&lt;b&gt;<mark>Zhang</mark>&lt;/b&gt; &amp; co"
        );
    }

    #[test]
    fn word_bounds_never_cut_words() {
        let text = "alpha beta gamma delta";
        assert_eq!(word_bounds(text, 2, 13), (6, 10));
        assert_eq!(word_bounds(text, 0, 22), (0, 22));
        assert_eq!(word_bounds("héllo wörld", 2, 9), (7, 7));
    }
}
