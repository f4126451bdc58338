//! Quotation marks: find them, tell them from apostrophes, pair them.
//!
//! Design. Every quotation-mark character is read as a [`Mark`] with a
//! *family* (double, single, guillemet, corner bracket), a *glyph direction*
//! (“ opens, ” closes, " could do either) and its *flanking* (can it open:
//! text follows and space or an opening bracket precedes; can it close: the
//! mirror image), the way CommonMark decides emphasis. Glyph direction alone
//! is not trusted, because real copy is full of “mismatched“ marks, German
//! „…“ quotes and Swedish ”…” quotes; flanking alone is not trusted either,
//! because `said:“We` has no space. The two together decide.
//!
//! Marks are then paired with a stack per paragraph:
//! - a closer closes the innermost open mark of its family and implicitly
//!   closes anything opened inside it (so in ‘‘… ‘global sell,’’ the ’’ ends
//!   both the nested single and the outer quote);
//! - only top-level pairs become [`QuoteRegion`]s: a nested quote is part of
//!   the statement around it, not a statement of its own;
//! - at a paragraph end, a quote still open continues into the next
//!   paragraph only if that paragraph *starts* with an opening mark (the
//!   multi-paragraph convention); otherwise it is recovered: cut after an
//!   attribution it swallowed (“We will, he said.) or at the paragraph end,
//!   so a missing mark never eats the rest of the article.
//!
//! Apostrophes never open or close a single-quoted quote: a mark between
//! letters (don’t, Alibaba’s), an elision (’90s, ’em, rock ’n’ roll), and a
//! plural possessive (workers’ pay, only a *weak* closer, used when no
//! better closer follows). Doubled singles (‘‘…’’) and TeX-style ``…'' are
//! read as double marks.

use clippings_core::{paragraph_spans, Span};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
    Corner,
    WhiteCorner,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Glyph {
    Open,
    Close,
    Either,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    start: usize,
    end: usize,
    family: Family,
    glyph: Glyph,
    can_open: bool,
    can_close: bool,
    /// Never a quotation mark (don’t, ’90s, inch marks).
    apostrophe: bool,
    /// Looks like a plural possessive ("workers’ pay").
    weak_close: bool,
    /// A double mark written as two singles (‘‘ ’’).
    doubled: bool,
    /// Marks of the same family later in the paragraph that can close, and
    /// that can only open (precomputed so pairing stays linear).
    closers_after: u32,
    openers_after: u32,
}

/// One top-level quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteRegion {
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the quote was recovered without one.
    pub close: Option<Span>,
    /// The words inside the marks, trimmed of whitespace.
    pub inner: Span,
    /// From the opening mark to the closing mark (or the recovered end).
    pub outer: Span,
    /// Opening marks of continuation paragraphs (multi-paragraph quotes).
    pub continuations: Vec<Span>,
    /// Inner spans of quotes nested inside this one.
    pub nested: Vec<Span>,
    pub family: Family,
    /// Closed by recovery rather than by a closing mark.
    pub recovered: bool,
}

fn classify(c: char) -> Option<(Family, Glyph)> {
    Some(match c {
        '"' | '\u{FF02}' => (Family::Double, Glyph::Either),
        '\u{201C}' | '\u{201E}' | '\u{201F}' | '\u{301D}' => (Family::Double, Glyph::Open),
        '\u{201D}' | '\u{301E}' => (Family::Double, Glyph::Close),
        '\'' => (Family::Single, Glyph::Either),
        '\u{2018}' | '\u{201A}' | '\u{201B}' => (Family::Single, Glyph::Open),
        '\u{2019}' => (Family::Single, Glyph::Close),
        '`' => (Family::Single, Glyph::Open),
        '\u{00AB}' => (Family::Guillemet, Glyph::Open),
        '\u{00BB}' => (Family::Guillemet, Glyph::Close),
        '\u{2039}' => (Family::SingleGuillemet, Glyph::Open),
        '\u{203A}' => (Family::SingleGuillemet, Glyph::Close),
        '\u{300C}' => (Family::Corner, Glyph::Open),
        '\u{300D}' => (Family::Corner, Glyph::Close),
        '\u{300E}' => (Family::WhiteCorner, Glyph::Open),
        '\u{300F}' => (Family::WhiteCorner, Glyph::Close),
        _ => return None,
    })
}

/// True for any character that can be a quotation mark.
pub fn is_quote_char(c: char) -> bool {
    classify(c).is_some()
}

fn is_open_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '<' | '/' | '\u{2014}' | '\u{2013}' | '-' | ':' | '\u{2015}'
    ) || is_quote_char(c)
}

fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}')
}

/// Short words written with a leading apostrophe: ’em, ’tis, ’cause.
fn is_elision(after: &str) -> bool {
    let word: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if word.is_empty() {
        return false;
    }
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    if digits == 2 && (word.len() == 2 || word.get(2..) == Some("s")) {
        return true;
    }
    matches!(
        word.as_str(),
        "em" | "tis" | "twas" | "cause" | "til" | "bout" | "n" | "nuff" | "cos" | "coz" | "fraid"
    )
}

/// Scan the marks of one paragraph.
fn scan_paragraph(text: &str, para: Span) -> Vec<Mark> {
    let body = para.slice(text);
    let base = para.start();
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut marks = Vec::new();
    let mut i = 0;
    while let Some(&(_, c)) = chars.get(i) {
        let Some((family, glyph)) = classify(c) else {
            i += 1;
            continue;
        };
        // A run of the same single-family character: ‘‘ ’’ '' `` read as
        // double marks.
        let mut run = 1;
        if family == Family::Single {
            while chars.get(i + run).is_some_and(|&(_, d)| d == c) {
                run += 1;
            }
        }
        if c == '`' && run < 2 {
            i += 1;
            continue;
        }
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).map(|&(_, p)| p);
        let next = chars.get(i + run).map(|&(_, n)| n);
        let end_of = |k: usize| {
            chars
                .get(k)
                .map(|&(p, _)| base + p)
                .unwrap_or(base + body.len())
        };
        let pieces: Vec<(usize, usize, Family)> = match run {
            1 => vec![(i, i + 1, family)],
            2 => vec![(i, i + 2, Family::Double)],
            _ => {
                // ’’’ after text: a single closing inside a double closing;
                // ‘‘‘ before text: a double opening then a single.
                let closing = prev.is_some_and(|p| !p.is_whitespace())
                    && next.is_none_or(|n| !n.is_alphanumeric());
                if closing {
                    vec![(i, i + 1, Family::Single), (i + 1, i + 3, Family::Double)]
                } else {
                    vec![(i, i + 2, Family::Double), (i + 2, i + 3, Family::Single)]
                }
            }
        };
        for (a, b, fam) in pieces {
            let start = end_of(a);
            let end = end_of(b);
            let prev = a.checked_sub(1).and_then(|p| chars.get(p)).map(|&(_, p)| p);
            let next = chars.get(b).map(|&(_, n)| n);
            let after = body.get(end - base..).unwrap_or("");
            let mut mark = make_mark(start, end, fam, glyph, prev, next, after, &chars, a);
            mark.doubled = family == Family::Single && fam == Family::Double;
            marks.push(mark);
        }
        // A run longer than three marks is read as its first three.
        i += run.max(1);
    }
    // Inch marks: a straight double after a digit in a paragraph with an
    // odd number of straight doubles.
    let straight_doubles = body.matches('"').count();
    if straight_doubles % 2 == 1 {
        for m in marks.iter_mut() {
            let is_straight = text.get(m.start..m.end) == Some("\"");
            let after_digit = text
                .get(..m.start)
                .and_then(|t| t.chars().next_back())
                .is_some_and(|p| p.is_ascii_digit());
            if is_straight && after_digit && !m.can_open {
                m.apostrophe = true;
            }
        }
    }
    count_following(&mut marks);
    marks
}

#[allow(clippy::too_many_arguments)]
fn make_mark(
    start: usize,
    end: usize,
    family: Family,
    glyph: Glyph,
    prev: Option<char>,
    next: Option<char>,
    after: &str,
    chars: &[(usize, char)],
    index: usize,
) -> Mark {
    // Guillemets are often set off by (thin) spaces: « Bonjour ».
    let guillemet = matches!(family, Family::Guillemet | Family::SingleGuillemet);
    let (prev, next) = if guillemet {
        let p = chars
            .get(..index)
            .unwrap_or(&[])
            .iter()
            .rev()
            .map(|&(_, c)| c)
            .find(|c| !is_inline_space(*c));
        let n = after.chars().find(|c| !is_inline_space(*c));
        let p = match prev {
            Some(c) if is_inline_space(c) => p.map(|_| 'x'),
            other => other,
        };
        let n = match next {
            Some(c) if is_inline_space(c) => n.map(|_| 'x'),
            other => other,
        };
        (p, n)
    } else {
        (prev, next)
    };
    let ws_before = prev.is_none_or(char::is_whitespace);
    let ws_after = next.is_none_or(char::is_whitespace);
    let alnum_before = prev.is_some_and(char::is_alphanumeric);
    let alnum_after = next.is_some_and(char::is_alphanumeric);
    let closing_punct_after = next.is_some_and(|n| {
        matches!(
            n,
            ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '\u{2026}'
        ) || n == '\u{2014}'
            || n == '\u{2013}'
            || n == '-'
            || is_quote_char(n)
    });
    let strict_open = (ws_before || prev.is_some_and(is_open_punct))
        && !ws_after
        && !next.is_some_and(|n| matches!(n, ',' | ';' | ')' | ']'));
    let strict_close = !ws_before
        && !prev.is_some_and(|p| matches!(p, '(' | '['))
        && (ws_after || closing_punct_after);
    let (can_open, can_close) = match glyph {
        Glyph::Open => (!ws_after && !alnum_before, strict_close),
        Glyph::Close => (strict_open, !ws_before),
        Glyph::Either => (strict_open, strict_close),
    };
    let mut apostrophe = false;
    let mut weak_close = false;
    if family == Family::Single {
        if alnum_before && alnum_after {
            apostrophe = true;
        }
        if can_open && is_elision(after) {
            apostrophe = true;
        }
        // The second mark of ’n’.
        if prev == Some('n') {
            let before_n = index
                .checked_sub(2)
                .and_then(|k| chars.get(k))
                .map(|&(_, c)| c);
            let before_that = index
                .checked_sub(3)
                .and_then(|k| chars.get(k))
                .map(|&(_, c)| c);
            if before_n.is_some_and(|c| classify(c).is_some_and(|(f, _)| f == Family::Single))
                && before_that.is_none_or(char::is_whitespace)
            {
                apostrophe = true;
            }
        }
        if matches!(prev, Some('s' | 'S')) && ws_after {
            let following = after.trim_start().chars().next();
            if following.is_some_and(char::is_lowercase) {
                weak_close = true;
            }
        }
    } else if family == Family::Double && alnum_before && alnum_after {
        apostrophe = true;
    }
    Mark {
        start,
        end,
        family,
        glyph,
        can_open,
        can_close,
        apostrophe,
        weak_close,
        doubled: false,
        closers_after: 0,
        openers_after: 0,
    }
}

/// An opening mark waiting for its closer.
#[derive(Clone, Debug)]
struct Open {
    start: usize,
    end: usize,
    family: Family,
    glyph: Glyph,
    doubled: bool,
    continuations: Vec<Span>,
    nested: Vec<Span>,
}

/// Find the top-level quotations of `text`, sorted by position.
pub fn find_quotes(text: &str) -> Vec<QuoteRegion> {
    let paras = paragraph_spans(text);
    let para_marks: Vec<Vec<Mark>> = paras.iter().map(|p| scan_paragraph(text, *p)).collect();
    let mut regions = Vec::new();
    let mut carry: Option<Open> = None;
    for (pi, para) in paras.iter().enumerate() {
        let marks = para_marks.get(pi).map(Vec::as_slice).unwrap_or(&[]);
        let mut stack: Vec<Open> = Vec::new();
        let mut k = 0;
        if let Some(open) = carry.take() {
            stack.push(open);
            k = 1; // marks[0] is the continuation mark, recorded already
        }
        while let Some(m) = marks.get(k) {
            step(text, marks, k, m, &mut stack, &mut regions);
            k += 1;
        }
        // End of paragraph: continue into the next one, or recover.
        if let Some(outer) = stack.into_iter().next() {
            let next_first = paras.get(pi + 1).and_then(|next| {
                let first = para_marks.get(pi + 1)?.first()?;
                let lead = text.get(next.start()..first.start)?;
                (lead.trim().is_empty()
                    && first.can_open
                    && !first.apostrophe
                    && compatible(outer.family, first.family))
                .then_some(*first)
            });
            let swallowed = attribution_cut(text, outer.end, para.end());
            match (next_first, swallowed) {
                (Some(first), None) => {
                    let mut outer = outer;
                    outer.continuations.push(Span::new(first.start, first.end));
                    carry = Some(outer);
                }
                (_, cut) => {
                    let keep = outer.family != Family::Single
                        || outer.glyph == Glyph::Open
                        || cut.is_some();
                    if keep {
                        let end = cut.unwrap_or(para.end());
                        push_region(text, &mut regions, outer, None, end);
                    }
                }
            }
        }
    }
    regions.sort_by_key(|r| r.outer.start);
    regions
}

/// Families that close each other.
fn compatible(open: Family, close: Family) -> bool {
    open == close
}

/// Process mark `k` of a paragraph.
fn step(
    text: &str,
    marks: &[Mark],
    k: usize,
    m: &Mark,
    stack: &mut Vec<Open>,
    regions: &mut Vec<QuoteRegion>,
) {
    if m.apostrophe {
        return;
    }
    let mut open_idx = stack.iter().rposition(|o| compatible(o.family, m.family));
    // ‘‘…’ : a lone single closer ends a quote opened with doubled singles.
    if open_idx.is_none() && m.family == Family::Single && m.glyph != Glyph::Open && !m.weak_close {
        open_idx = stack.iter().rposition(|o| o.doubled);
    }
    let close_here = |stack: &mut Vec<Open>, regions: &mut Vec<QuoteRegion>, idx: usize| {
        close(text, stack, regions, idx, m);
    };
    match (m.can_open, m.can_close, open_idx) {
        (_, true, Some(idx)) => {
            let prefer_open = m.glyph == Glyph::Open && m.can_open && !m.can_close;
            if prefer_open {
                open_new(text, marks, k, m, stack, regions);
                return;
            }
            if m.weak_close && better_closer_follows(marks, k, m.family) {
                return;
            }
            // An opening glyph that could also open: “A “B” C” nests only
            // when enough closers follow.
            if m.glyph == Glyph::Open && m.can_open && should_nest(marks, k, m.family) {
                open_new(text, marks, k, m, stack, regions);
                return;
            }
            close_here(stack, regions, idx);
        }
        (true, _, _) => open_new(text, marks, k, m, stack, regions),
        _ => {}
    }
}

fn open_new(
    text: &str,
    marks: &[Mark],
    k: usize,
    m: &Mark,
    stack: &mut Vec<Open>,
    regions: &mut Vec<QuoteRegion>,
) {
    // The same family already open: either a nested quote with its own
    // closer, or the earlier quote lost its closing mark.
    if let Some(idx) = stack.iter().rposition(|o| o.family == m.family) {
        if !should_nest(marks, k, m.family) {
            if idx == 0 {
                if let Some(outer) = stack.drain(..).next() {
                    let limit = trim_end_at(text, m.start);
                    let end = attribution_cut(text, outer.end, limit).unwrap_or(limit);
                    push_region(text, regions, outer, None, end);
                }
            } else {
                stack.truncate(idx);
            }
        }
    }
    stack.push(Open {
        start: m.start,
        end: m.end,
        family: m.family,
        glyph: m.glyph,
        doubled: m.doubled,
        continuations: Vec::new(),
        nested: Vec::new(),
    });
}

fn trim_end_at(text: &str, at: usize) -> usize {
    let before = text.get(..at).unwrap_or("");
    before.trim_end().len()
}

/// Whether enough closers of `family` follow mark `k` to close both a
/// nested quote opened here and the one already open.
fn should_nest(marks: &[Mark], k: usize, family: Family) -> bool {
    marks
        .get(k)
        .filter(|m| m.family == family)
        .is_some_and(|m| m.closers_after >= m.openers_after + 2)
}

/// Fill `closers_after` / `openers_after` with one backward pass.
fn count_following(marks: &mut [Mark]) {
    let mut closers: HashMap<Family, u32> = HashMap::new();
    let mut openers: HashMap<Family, u32> = HashMap::new();
    for m in marks.iter_mut().rev() {
        m.closers_after = closers.get(&m.family).copied().unwrap_or(0);
        m.openers_after = openers.get(&m.family).copied().unwrap_or(0);
        if !m.apostrophe {
            if m.can_close {
                *closers.entry(m.family).or_default() += 1;
            } else if m.can_open {
                *openers.entry(m.family).or_default() += 1;
            }
        }
    }
}

/// A non-weak closer of `family` follows mark `k` in the paragraph before
/// any closer of another family.
fn better_closer_follows(marks: &[Mark], k: usize, family: Family) -> bool {
    for m in marks.get(k + 1..).unwrap_or(&[]).iter().take(64) {
        if m.apostrophe {
            continue;
        }
        if m.family == family && m.can_close && !m.weak_close {
            return true;
        }
        if m.family != family && m.can_close && !m.can_open {
            return false;
        }
    }
    false
}

fn close(text: &str, stack: &mut Vec<Open>, regions: &mut Vec<QuoteRegion>, idx: usize, m: &Mark) {
    let inner_end = m.start;
    let mut popped = stack.split_off(idx);
    if popped.is_empty() {
        return;
    }
    let open = popped.remove(0);
    if idx == 0 {
        let mut open = open;
        // Nested quotes closed implicitly by this closer still count as
        // nested spans.
        for inner in popped {
            open.nested.push(Span::new(inner.end, inner_end));
        }
        let close = Span::new(m.start, m.end);
        push_region_closed(text, regions, open, close);
    } else if let Some(parent) = stack.first_mut() {
        parent.nested.push(Span::new(open.end, inner_end));
    }
}

fn push_region_closed(text: &str, regions: &mut Vec<QuoteRegion>, open: Open, close: Span) {
    let inner = trimmed(text, open.end, close.start());
    if !has_words(inner.slice(text)) {
        return;
    }
    regions.push(QuoteRegion {
        open: Span::new(open.start, open.end),
        close: Some(close),
        inner,
        outer: Span::new(open.start, close.end()),
        continuations: open.continuations,
        nested: open.nested,
        family: open.family,
        recovered: false,
    });
}

fn push_region(
    text: &str,
    regions: &mut Vec<QuoteRegion>,
    open: Open,
    close: Option<Span>,
    end: usize,
) {
    if let Some(close) = close {
        push_region_closed(text, regions, open, close);
        return;
    }
    let inner = trimmed(text, open.end, end);
    if !has_words(inner.slice(text)) {
        return;
    }
    regions.push(QuoteRegion {
        open: Span::new(open.start, open.end),
        close: None,
        outer: Span::new(open.start, inner.end()),
        inner,
        continuations: open.continuations,
        nested: open.nested,
        family: open.family,
        recovered: true,
    });
}

fn trimmed(text: &str, start: usize, end: usize) -> Span {
    let Some(body) = text.get(start..end) else {
        return Span::new(start, start);
    };
    let lead = body.len() - body.trim_start().len();
    let trail = body.trim_end().len();
    if trail <= lead {
        return Span::new(start, start);
    }
    Span::new(start + lead, start + trail)
}

fn has_words(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// In an unclosed quote `[from, to)`, the end of a quote that swallowed its
/// own attribution: `“We will, he said. …` → after "We will,".
pub fn attribution_cut(text: &str, from: usize, to: usize) -> Option<usize> {
    let body = text.get(from..to)?;
    for (offset, _) in body.match_indices([',', '\u{2014}']) {
        let comma_end = offset + body.get(offset..)?.chars().next()?.len_utf8();
        let rest = body.get(comma_end..)?;
        if !rest.starts_with(char::is_whitespace) || offset == 0 {
            continue;
        }
        let words: Vec<&str> = rest
            .split_whitespace()
            .take(4)
            .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
            .collect();
        if attribution_words(&words) {
            return Some(from + comma_end);
        }
    }
    None
}

fn attribution_words(words: &[&str]) -> bool {
    use super::lexicon::{cue_form, is_subject_pronoun};
    let lower: Vec<String> = words.iter().map(|w| super::tokens::lower_form(w)).collect();
    let is_cue = |i: usize| {
        lower
            .get(i)
            .and_then(|w| cue_form(w))
            .is_some_and(|c| !c.participle && !c.past_participle_only && c.particle.is_none())
    };
    let is_name = |i: usize| {
        words
            .get(i)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    let pronoun = lower
        .first()
        .is_some_and(|w| is_subject_pronoun(w) && w != "it");
    if pronoun && is_cue(1) {
        return true;
    }
    if is_name(0) && (is_cue(1) || (is_name(1) && is_cue(2))) {
        return true;
    }
    if is_cue(0) {
        let next_is_pronoun = lower.get(1).is_some_and(|w| is_subject_pronoun(w));
        return next_is_pronoun || is_name(1);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        find_quotes(text)
            .iter()
            .map(|r| r.inner.slice(text))
            .collect()
    }

    #[test]
    fn curly_straight_and_single_marks() {
        assert_eq!(quotes("“We will,” he said."), ["We will,"]);
        assert_eq!(quotes("\"We will,\" he said."), ["We will,"]);
        assert_eq!(quotes("‘We will,’ he said."), ["We will,"]);
        assert_eq!(quotes("'We will,' he said."), ["We will,"]);
        assert_eq!(quotes("‘‘We will,’’ he said."), ["We will,"]);
        assert_eq!(quotes("«Nous allons» a-t-il dit."), ["Nous allons"]);
        assert_eq!(quotes("« Nous allons », a-t-il dit."), ["Nous allons"]);
        assert_eq!(quotes("Er sagte: „Wir werden.“ Dann"), ["Wir werden."]);
        assert_eq!(quotes("``We will,'' he said."), ["We will,"]);
    }

    #[test]
    fn nested_quotes_belong_to_the_outer_one() {
        let text = "“Achieve ‘global buy and global sell’,” he added.";
        assert_eq!(quotes(text), ["Achieve ‘global buy and global sell’,"]);
        let text = "‘‘We must achieve ‘global buy and global sell,’’ said Zhang.";
        assert_eq!(
            quotes(text),
            ["We must achieve ‘global buy and global sell,"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quotes("Alibaba’s workers’ pay in the ’90s, rock ’n’ roll, don’t."),
            Vec::<&str>::new()
        );
        assert_eq!(
            quotes("‘The workers’ rights matter,’ she said."),
            ["The workers’ rights matter,"]
        );
        assert_eq!(
            quotes("He said 'em all. It's 'the best' plan."),
            ["the best"]
        );
    }

    #[test]
    fn mismatched_and_missing_marks_recover() {
        assert_eq!(quotes("“We will,“ he said."), ["We will,"]);
        assert_eq!(
            quotes("“We will, he said. The rest of the paragraph.\n\nNext paragraph."),
            ["We will,"]
        );
        assert_eq!(
            quotes("She said “we will try.\n\nNext paragraph “quoted” here."),
            ["we will try.", "quoted"]
        );
    }

    #[test]
    fn multi_paragraph_quotes_are_one() {
        let text = "“First paragraph.\n\n“Second paragraph.\n\n“Third,” he said.";
        let found = find_quotes(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].continuations.len(), 2);
        assert!(found[0].inner.slice(text).ends_with("Third,"));
    }

    #[test]
    fn inch_marks_are_ignored() {
        assert_eq!(quotes("A 12\" screen and \"a quote\" here."), ["a quote"]);
    }
}
