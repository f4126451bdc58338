//! Everything the entity and speaker stages share about one document: its
//! tokens, top-level quotations, writer's sentences, which tokens start a
//! sentence (so their capital says nothing), and which paragraphs are set in
//! headline case (so no capital there says anything).

use super::marks::{self, QuoteRegion};
use super::tokens::{self, Kind, Token};
use std::collections::HashSet;

pub struct DocCtx<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub regions: Vec<QuoteRegion>,
    /// Top-level quotation containing each token.
    pub quote_of: Vec<Option<usize>>,
    /// The token starts a sentence, a quotation or a paragraph.
    pub initial: Vec<bool>,
    /// Paragraphs whose words are (nearly) all capitalized: headlines, tags.
    pub headline_para: Vec<bool>,
    /// First token index of each sentence.
    pub sentence_start: Vec<usize>,
}

impl<'t> DocCtx<'t> {
    pub fn new(text: &'t str) -> DocCtx<'t> {
        let regions = marks::find_quotes(text);
        let mut toks = tokens::tokenize(text);
        tokens::assign_sentences(text, &mut toks, &regions);
        let quote_of = quote_membership(&toks, &regions);
        let opening_marks: HashSet<usize> = regions
            .iter()
            .flat_map(|r| {
                std::iter::once(r.open.end())
                    .chain(r.continuations.iter().map(|c| c.end()))
                    .chain(r.nested.iter().map(|n| n.start()))
            })
            .collect();
        let mut initial = vec![false; toks.len()];
        let mut seen_sentence = usize::MAX;
        for (i, t) in toks.iter().enumerate() {
            if t.kind != Kind::Word {
                continue;
            }
            let prev = i.checked_sub(1).and_then(|p| toks.get(p));
            let after_opening = prev.is_some_and(|p| {
                p.kind == Kind::Punct
                    && (marks::is_quote_char(p.first)
                        && (opening_marks.contains(&p.end) || !p.space_before || p.start == 0)
                        || matches!(
                            p.first,
                            ':' | '(' | '[' | '\u{2014}' | '\u{2013}' | '\u{2022}' | '|'
                        ))
            });
            let after_break = prev.is_none_or(|p| p.kind == Kind::Break);
            // Inside a quotation the writer's sentence is opaque, but the
            // speaker's sentences still start with capitals.
            let quoted_sentence_start = quote_of.get(i).copied().flatten().is_some()
                && t.space_before
                && prev.is_some_and(|p| {
                    p.kind == Kind::Punct && matches!(p.first, '.' | '!' | '?' | '\u{2026}')
                });
            if t.sent != seen_sentence || after_opening || after_break || quoted_sentence_start {
                initial[i] = true;
            }
            seen_sentence = t.sent;
        }
        let paragraphs = toks.last().map(|t| t.para + 1).unwrap_or(0);
        let mut headline_para = vec![false; paragraphs];
        for (p, flag) in headline_para.iter_mut().enumerate() {
            *flag = is_headline(text, toks.iter().filter(|t| t.para == p));
        }
        let mut sentence_start = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            while sentence_start.len() <= t.sent {
                sentence_start.push(i);
            }
        }
        DocCtx {
            text,
            tokens: toks,
            regions,
            quote_of,
            initial,
            headline_para,
            sentence_start,
        }
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn token_index_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    pub fn token(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    pub fn word_text(&self, i: usize) -> &'t str {
        self.tokens.get(i).map(|t| t.text(self.text)).unwrap_or("")
    }

    pub fn lower(&self, i: usize) -> &str {
        self.tokens.get(i).map(|t| t.lower.as_str()).unwrap_or("")
    }

    pub fn is_headline_token(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .and_then(|t| self.headline_para.get(t.para))
            .copied()
            .unwrap_or(false)
    }

    /// Token index range `[start, end)` of sentence `s`.
    pub fn sentence_range(&self, s: usize) -> (usize, usize) {
        let start = self
            .sentence_start
            .get(s)
            .copied()
            .unwrap_or(self.tokens.len());
        let end = self
            .sentence_start
            .get(s + 1)
            .copied()
            .unwrap_or(self.tokens.len());
        (start, end)
    }
}

fn quote_membership(toks: &[Token], regions: &[QuoteRegion]) -> Vec<Option<usize>> {
    let mut out = vec![None; toks.len()];
    let mut r = 0;
    for (i, t) in toks.iter().enumerate() {
        while regions.get(r).is_some_and(|q| q.outer.end() <= t.start) {
            r += 1;
        }
        if let Some(q) = regions.get(r) {
            if q.outer.start() <= t.start && t.start < q.outer.end() {
                out[i] = Some(r);
            }
        }
    }
    out
}

/// A paragraph set in headline case: its significant words all (or, with no
/// final full stop, nearly all) capitalized.
fn is_headline<'a>(text: &str, toks: impl Iterator<Item = &'a Token>) -> bool {
    let mut significant = 0usize;
    let mut capitalized = 0usize;
    let mut words = 0usize;
    let mut last_punct = None;
    for t in toks {
        if t.kind == Kind::Punct {
            last_punct = Some(t.first);
            continue;
        }
        if t.kind != Kind::Word {
            continue;
        }
        last_punct = None;
        words += 1;
        let small = super::lexicon::is_function_word(&t.lower) && t.lower.chars().count() <= 4;
        if small || !t.first.is_alphabetic() {
            continue;
        }
        significant += 1;
        if t.is_capitalized(text) {
            capitalized += 1;
        }
    }
    let sentence_end = matches!(last_punct, Some('.' | '!' | '?'));
    if words == 0 || words > 30 || significant == 0 {
        return false;
    }
    if words <= 3 {
        return capitalized == significant && !sentence_end;
    }
    significant >= 2
        && (capitalized == significant || (capitalized * 5 >= significant * 4 && !sentence_end))
}
