//! Tokens with byte offsets, and the writer's sentences.
//!
//! The shared `clippings_core::text` tokenizer is built for search (lower
//! case, possessives dropped, compounds split); attribution needs something
//! else: capitalization, punctuation as tokens (commas and colons decide who
//! said what), possessives flagged rather than dropped, hyphenated names kept
//! whole ("Coca-Cola", "Jae-in") but "US-based" split so that "US" stands
//! alone, and paragraph breaks. So this module has its own small scanner.
//!
//! Sentences are the *writer's* sentences: a top-level quotation is opaque
//! (its inner full stops do not end the writer's sentence), and a quote that
//! ends with its own full stop ends the sentence only when a capital or a
//! new quotation follows (`“We will.” He said` vs `“We will,” he said`).

use super::lexicon;
use super::marks::QuoteRegion;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct,
    /// A paragraph break (a blank line).
    Break,
}

#[derive(Clone, Debug)]
pub struct Token {
    pub kind: Kind,
    /// Byte range of the token; for a possessive word, without its `’s`.
    pub start: usize,
    pub end: usize,
    /// End including a possessive `’s`.
    pub full_end: usize,
    /// Lower case, apostrophes unified to `'`; for punctuation, the mark.
    pub lower: String,
    /// First character of the token as written.
    pub first: char,
    /// The word ends in `’s` (or is a plural in `s’`).
    pub possessive: bool,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// Paragraph index.
    pub para: usize,
    /// Writer's sentence index (filled by [`assign_sentences`]).
    pub sent: usize,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.first == c
    }

    /// First letter upper case (or a lower-case word with an inner capital,
    /// "eBay", "iPhone").
    pub fn is_capitalized(&self, text: &str) -> bool {
        if self.kind != Kind::Word {
            return false;
        }
        if self.first.is_uppercase() {
            return true;
        }
        let word = text.get(self.start..self.end).unwrap_or("");
        self.first.is_lowercase()
            && word.chars().skip(1).any(char::is_uppercase)
            && word.chars().all(|c| c.is_alphanumeric() || c == '.')
    }

    /// Every letter upper case, at least two letters ("WTO", "U.S").
    pub fn is_all_caps(&self, text: &str) -> bool {
        let word = text.get(self.start..self.end).unwrap_or("");
        word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && word
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || ('\u{0300}'..='\u{036F}').contains(&c)
        || ('\u{1AB0}'..='\u{1AFF}').contains(&c)
        || ('\u{20D0}'..='\u{20FF}').contains(&c)
        || ('\u{FE20}'..='\u{FE2F}').contains(&c)
        || c == '\u{200D}'
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Lower case with apostrophes unified.
pub fn lower_form(word: &str) -> String {
    word.chars()
        .map(|c| {
            if is_apostrophe(c) || c == '\u{2018}' {
                '\''
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Split `text` into tokens. Never panics; offsets are on char boundaries.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let pos = |i: usize| chars.get(i).map(|&(p, _)| p).unwrap_or(text.len());
    let mut tokens: Vec<Token> = Vec::new();
    let mut para = 0usize;
    let mut space_before = true;
    let mut i = 0usize;
    while let Some(c) = at(i) {
        if c.is_whitespace() {
            let mut j = i;
            let mut newlines = 0;
            while let Some(w) = at(j) {
                if !w.is_whitespace() {
                    break;
                }
                if w == '\n' {
                    newlines += 1;
                }
                j += 1;
            }
            if newlines >= 2 && !tokens.is_empty() {
                tokens.push(Token {
                    kind: Kind::Break,
                    start: pos(i),
                    end: pos(j),
                    full_end: pos(j),
                    lower: String::new(),
                    first: '\n',
                    possessive: false,
                    space_before: true,
                    para,
                    sent: 0,
                });
                para += 1;
            }
            space_before = true;
            i = j;
            continue;
        }
        if is_word_char(c) {
            let mut j = i + 1;
            loop {
                match at(j) {
                    Some(w) if is_word_char(w) => j += 1,
                    Some(joiner) if joins(&chars, i, j, joiner) => j += 2,
                    _ => break,
                }
            }
            let start = pos(i);
            let full_end = pos(j);
            let word = text.get(start..full_end).unwrap_or("");
            let mut end = full_end;
            let mut possessive = false;
            let n = word.chars().count();
            if n > 2 {
                let mut rev = word.chars().rev();
                if let (Some(s), Some(apo)) = (rev.next(), rev.next()) {
                    if (s == 's' || s == 'S') && is_apostrophe(apo) {
                        possessive = true;
                        end = full_end - s.len_utf8() - apo.len_utf8();
                    }
                }
            }
            // Plural possessive: "workers’ " (the mark stays a token).
            if !possessive
                && word.ends_with('s')
                && at(j).is_some_and(is_apostrophe)
                && at(j + 1).is_none_or(|n| n.is_whitespace())
            {
                possessive = true;
            }
            let core = text.get(start..end).unwrap_or("");
            tokens.push(Token {
                kind: Kind::Word,
                start,
                end,
                full_end,
                lower: lower_form(core),
                first: c,
                possessive,
                space_before,
                para,
                sent: 0,
            });
            space_before = false;
            i = j;
            continue;
        }
        let start = pos(i);
        let end = pos(i + 1);
        tokens.push(Token {
            kind: Kind::Punct,
            start,
            end,
            full_end: end,
            lower: c.to_string(),
            first: c,
            possessive: false,
            space_before,
            para,
            sent: 0,
        });
        space_before = false;
        i += 1;
    }
    tokens
}

/// Whether `joiner` at char index `j` continues the word that started at
/// `start` (a word character must follow it).
fn joins(chars: &[(usize, char)], start: usize, j: usize, joiner: char) -> bool {
    let next = match chars.get(j + 1) {
        Some(&(_, n)) if is_word_char(n) => n,
        _ => return false,
    };
    let prev = match j.checked_sub(1).and_then(|p| chars.get(p)) {
        Some(&(_, p)) => p,
        None => return false,
    };
    if is_apostrophe(joiner) {
        return prev.is_alphabetic() && next.is_alphabetic();
    }
    if is_hyphen(joiner) {
        // "US-based": keep the capitalized part apart from a lower-case
        // suffix, so that the name stands alone.
        let suffix: String = chars
            .iter()
            .skip(j + 1)
            .map(|&(_, c)| c)
            .take_while(|c| is_word_char(*c))
            .collect();
        let head_capitalized = chars.get(start).is_some_and(|&(_, c)| c.is_uppercase());
        return !(head_capitalized && lexicon::is_hyphen_suffix(&suffix.to_lowercase()));
    }
    if joiner == '.' {
        // Tmall.com, U.S, 2.5 — not "end.Next".
        if next.is_lowercase() && prev.is_alphanumeric() {
            return true;
        }
        if next.is_ascii_digit() && prev.is_ascii_digit() {
            return true;
        }
        let segment_len = chars
            .get(..j)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take_while(|&&(_, c)| is_word_char(c))
            .count();
        return segment_len == 1 && prev.is_alphabetic() && next.is_alphabetic();
    }
    if joiner == '&' {
        return prev.is_uppercase() && next.is_uppercase();
    }
    false
}

/// Characters that can follow a sentence's final punctuation and still
/// belong to it.
fn is_trailing_closer(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | '"' | '\'' | '\u{2019}' | '\u{201D}' | '\u{00BB}' | '\u{203A}'
    )
}

fn is_opening_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{2018}' | '\u{201C}' | '\u{201E}' | '\u{00AB}' | '(' | '[' | '\u{201A}'
    )
}

/// Mark every token with its writer's sentence index. Top-level quotes
/// (`regions`, sorted by start) are opaque.
pub fn assign_sentences(text: &str, tokens: &mut [Token], regions: &[QuoteRegion]) {
    let mut sent = 0usize;
    let mut region_idx = 0usize;
    let mut i = 0usize;
    let n = tokens.len();
    let mut pending_break = false;
    while i < n {
        if pending_break {
            sent += 1;
            pending_break = false;
        }
        // Skip regions that end before this token.
        while regions
            .get(region_idx)
            .is_some_and(|r| r.outer.end() <= tokens[i].start)
        {
            region_idx += 1;
        }
        let region = regions
            .get(region_idx)
            .filter(|r| r.outer.start() <= tokens[i].start && tokens[i].start < r.outer.end());
        if let Some(r) = region {
            // The whole quotation belongs to the current sentence.
            let mut j = i;
            while j < n && tokens[j].start < r.outer.end() {
                tokens[j].sent = sent;
                j += 1;
            }
            let inner = r.inner.slice(text).trim_end();
            let ends_sentence = inner
                .trim_end_matches(|c: char| is_trailing_closer(c))
                .ends_with(['.', '!', '?', '\u{2026}']);
            if let Some(next) = tokens.get(j) {
                let starts_new = next.kind == Kind::Break
                    || (next.kind == Kind::Word
                        && (next.first.is_uppercase() || next.first.is_ascii_digit()))
                    || (next.kind == Kind::Punct
                        && is_opening_char(next.first)
                        && next.space_before);
                if ends_sentence
                    && starts_new
                    && next.kind != Kind::Break
                    && !attribution_follows(tokens, j)
                {
                    pending_break = true;
                }
            }
            i = j;
            continue;
        }
        let (kind, first) = (tokens[i].kind, tokens[i].first);
        if kind == Kind::Break {
            tokens[i].sent = sent;
            pending_break = true;
            i += 1;
            continue;
        }
        tokens[i].sent = sent;
        if kind == Kind::Punct && matches!(first, '.' | '!' | '?' | '\u{2026}' | ';') {
            // Absorb closers and repeated marks ("?!", ".)").
            let mut j = i + 1;
            while j < n
                && tokens[j].kind == Kind::Punct
                && !tokens[j].space_before
                && (is_trailing_closer(tokens[j].first)
                    || matches!(tokens[j].first, '.' | '!' | '?'))
                && !starts_region(regions, tokens[j].start)
            {
                tokens[j].sent = sent;
                j += 1;
            }
            if first != ';' && is_sentence_end(text, tokens, i, j) {
                pending_break = true;
            }
            i = j;
            continue;
        }
        i += 1;
    }
}

/// `“Is this the bottom?” Levy asked.`: a name or pronoun and a cue verb
/// (or the inverse) right after a quote belong to the quote's sentence.
fn attribution_follows(tokens: &[Token], at: usize) -> bool {
    let words: Vec<&Token> = tokens
        .get(at..)
        .unwrap_or(&[])
        .iter()
        .take_while(|t| t.kind == Kind::Word || t.is_punct('.') && !t.space_before)
        .filter(|t| t.kind == Kind::Word)
        .take(5)
        .collect();
    let is_cue = |t: &Token| {
        lexicon::cue_form(&t.lower).is_some_and(|c| !c.participle && !c.past_participle_only)
            && t.first.is_lowercase()
    };
    let Some(first) = words.first() else {
        return false;
    };
    // "He added: “…”" introduces the next quote.
    let introduces = |cue_at: usize| {
        let Some(cue) = words.get(cue_at) else {
            return false;
        };
        let after = tokens
            .iter()
            .position(|t| std::ptr::eq(t, *cue))
            .and_then(|i| tokens.get(i + 1));
        after.is_some_and(|t| t.is_punct(':') || super::marks::is_quote_char(t.first))
    };
    if lexicon::is_subject_pronoun(&first.lower) {
        return words.get(1).is_some_and(|t| is_cue(t)) && !introduces(1);
    }
    if first.first.is_uppercase() {
        if let Some(c) = lexicon::cue_form(&first.lower) {
            // "Said Levy." is rare; "Says" opens sentences too.
            return !c.participle && words.get(1).is_some_and(|t| t.first.is_uppercase());
        }
        let name_len = words.iter().take_while(|t| t.first.is_uppercase()).count();
        return name_len <= 3
            && words.get(name_len).is_some_and(|t| is_cue(t))
            && !introduces(name_len);
    }
    false
}

fn starts_region(regions: &[QuoteRegion], at: usize) -> bool {
    regions
        .binary_search_by(|r| r.outer.start().cmp(&at))
        .is_ok()
}

/// Whether the terminal mark at `mark` (closers absorbed up to `next`) ends
/// a sentence.
fn is_sentence_end(text: &str, tokens: &[Token], mark: usize, next: usize) -> bool {
    let following = match tokens.get(next) {
        None => return true,
        Some(t) => t,
    };
    if following.kind == Kind::Break {
        return true;
    }
    if !following.space_before {
        return false;
    }
    let starts_upper = match following.kind {
        Kind::Word => following.first.is_uppercase() || following.first.is_ascii_digit(),
        Kind::Punct => is_opening_char(following.first),
        Kind::Break => true,
    };
    if !starts_upper {
        return false;
    }
    let Some(period) = tokens.get(mark) else {
        return true;
    };
    if period.first != '.' {
        return true;
    }
    // Abbreviations and initials: "Mr. Zhang", "J. Smith", "U.S. market".
    let prev = match mark.checked_sub(1).and_then(|p| tokens.get(p)) {
        Some(p) if p.kind == Kind::Word && p.end == period.start => p,
        _ => return true,
    };
    let word = prev.text(text);
    let single_initial = word.chars().count() == 1 && prev.first.is_uppercase();
    let opener_follows =
        following.kind == Kind::Word && lexicon::is_function_word(&following.lower);
    if lexicon::is_corporate_abbreviation(&prev.lower) || prev.lower.contains('.') {
        return opener_follows;
    }
    if single_initial {
        // "J. Smith" continues; "on X. “This is …" and "Plan B. The" end.
        return following.kind != Kind::Word || opener_follows;
    }
    if lexicon::is_abbreviation(&prev.lower) {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text)
            .iter()
            .map(|t| match t.kind {
                Kind::Word if t.possessive => format!("{}+s", t.text(text)),
                Kind::Word => t.text(text).to_string(),
                Kind::Punct => format!("<{}>", t.first),
                Kind::Break => "¶".to_string(),
            })
            .collect()
    }

    #[test]
    fn words_punctuation_possessives_and_breaks() {
        assert_eq!(
            words("Alibaba’s CEO, Zhang.\n\nHe said"),
            ["Alibaba+s", "CEO", "<,>", "Zhang", "<.>", "¶", "He", "said"]
        );
        assert_eq!(words("don’t"), ["don’t"]);
        assert_eq!(words("workers’ pay"), ["workers+s", "<’>", "pay"]);
    }

    #[test]
    fn compounds_and_dotted_names() {
        assert_eq!(
            words("US-based Coca-Cola"),
            ["US", "<->", "based", "Coca-Cola"]
        );
        assert_eq!(
            words("Tmall.com U.S. e-commerce"),
            ["Tmall.com", "U.S", "<.>", "e-commerce"]
        );
        assert_eq!(words("end.Next"), ["end", "<.>", "Next"]);
        assert_eq!(words("AT&T"), ["AT&T"]);
    }

    fn sentences(text: &str) -> Vec<String> {
        let regions = super::super::marks::find_quotes(text);
        let mut tokens = tokenize(text);
        assign_sentences(text, &mut tokens, &regions);
        let mut out: Vec<String> = Vec::new();
        let mut last = usize::MAX;
        for t in &tokens {
            if t.kind == Kind::Break {
                continue;
            }
            if t.sent != last {
                out.push(String::new());
                last = t.sent;
            }
            if let Some(s) = out.last_mut() {
                s.push_str(t.text(text));
                s.push(' ');
            }
        }
        out.into_iter().map(|s| s.trim_end().to_string()).collect()
    }

    #[test]
    fn sentences_respect_quotes_and_abbreviations() {
        assert_eq!(
            sentences("“We will. We must,” he said. Mr. Smith left the U.S. market."),
            [
                "“ We will . We must , ” he said .",
                "Mr . Smith left the U.S . market ."
            ]
        );
        assert_eq!(
            sentences("“We will.” He left.\n\nNew paragraph"),
            ["“ We will . ”", "He left .", "New paragraph"]
        );
    }
}
