//! The one tokenizer: what a word is, for indexing, querying, highlighting
//! and text-reuse alignment alike.
//!
//! Pipeline for every word:
//! 1. Unicode word segmentation (UAX #29, `unicode-segmentation`); Han and
//!    Hiragana characters come out one per word, so a Chinese name inside a
//!    longer run is found as a phrase of characters.
//! 2. Lower-casing, apostrophes unified (`’` → `'`), possessives dropped
//!    (`Alibaba’s` → `alibaba`), zero-width characters and soft hyphens
//!    dropped, thousands separators dropped (`1,000` → `1000`), dotted
//!    acronyms closed up (`U.S.` → `us`). The result is the token's `form`:
//!    the index key, diacritics still on.
//! 3. Compounds joined by a hyphen or an inner dot (`e-commerce`,
//!    `Tmall.com`) yield their parts at consecutive positions *and* the joined
//!    form (`ecommerce`) as an alternative at the first part's position, so
//!    `ecommerce`, `e-commerce` and `commerce` all match.
//! 4. Numbers: `10%`, `10 percent` and `10 per cent` all give `10 percent`;
//!    `$1trillion` and `$1 trillion` both give `$ 1 trillion`.
//!
//! [`normalize`] then folds diacritics (`Łódź` → `lodz`) and British
//! spellings (`organise` → `organize`); [`stem`] applies the Snowball English
//! stemmer to that. The search index keeps forms and looks up by normalized
//! and stemmed keys, which is how it ranks exact > variant > stemmed.
//!
//! Offsets are byte offsets into the input text, so a highlight is exact.

use crate::spelling::americanize;
use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// One token of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Lower-cased word form, see the module docs.
    pub form: String,
    /// Byte range of the word in the input text.
    pub start: usize,
    pub end: usize,
    /// Word position. Alternatives (`joined`) share the position of the first
    /// part of the compound they join.
    pub position: u32,
    /// An extra form for a compound (`ecommerce` for `e-commerce`), not part
    /// of the primary token sequence.
    pub joined: bool,
}

/// Tokenize `text`. Never panics; empty for text with no words.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for_each_token(text, |t| tokens.push(t));
    tokens
}

/// Only the primary tokens (no joined alternatives), in order.
pub fn primary_tokens(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for_each_token(text, |t| {
        if !t.joined {
            tokens.push(t)
        }
    });
    tokens
}

/// Stream the tokens of `text` to `emit`, in position order (a joined
/// alternative comes right after the parts of its compound).
pub fn for_each_token(text: &str, mut emit: impl FnMut(Token)) {
    let mut position: u32 = 0;
    let mut segments = text.split_word_bound_indices().peekable();
    // A pending "per" that may combine with a following "cent".
    let mut pending_per: Option<Token> = None;
    let push = |tok: Token, emit: &mut dyn FnMut(Token), pending: &mut Option<Token>| {
        if let Some(per) = pending.take() {
            if tok.form == "cent" && !tok.joined {
                emit(Token {
                    form: "percent".into(),
                    start: per.start,
                    end: tok.end,
                    position: per.position,
                    joined: false,
                });
                return false;
            }
            emit(per);
        }
        if tok.form == "per" && !tok.joined {
            *pending = Some(tok);
        } else {
            emit(tok);
        }
        true
    };

    while let Some((start, seg)) = segments.next() {
        if seg == "%" || seg == "\u{FF05}" {
            let tok = Token {
                form: "percent".into(),
                start,
                end: start + seg.len(),
                position,
                joined: false,
            };
            if push(tok, &mut emit, &mut pending_per) {
                position += 1;
            }
            continue;
        }
        if is_currency(seg) {
            let tok = Token {
                form: seg.to_string(),
                start,
                end: start + seg.len(),
                position,
                joined: false,
            };
            if push(tok, &mut emit, &mut pending_per) {
                position += 1;
            }
            continue;
        }
        if !is_word(seg) {
            continue;
        }
        // Gather a compound: word (hyphen word)*, with no spaces around.
        let mut parts: Vec<(usize, &str)> = vec![(start, seg)];
        while let Some(&(hstart, h)) = segments.peek() {
            let last = parts[parts.len() - 1];
            if !is_hyphen(h) || hstart != last.0 + last.1.len() {
                break;
            }
            let mut look = segments.clone();
            look.next();
            match look.peek() {
                Some(&(wstart, w)) if is_word(w) && wstart == hstart + h.len() => {
                    segments.next();
                    segments.next();
                    parts.push((wstart, w));
                }
                _ => break,
            }
        }
        // Split each part further on inner dots (tmall.com) and number units
        // ($1trillion), then emit.
        let mut words: Vec<(usize, String)> = Vec::new();
        for (pstart, part) in &parts {
            split_word(*pstart, part, &mut words);
        }
        let words: Vec<(usize, usize, String)> = words
            .into_iter()
            .filter_map(|(s, raw)| {
                let form = word_form(&raw);
                (!form.is_empty()).then_some((s, s + raw.len(), form))
            })
            .collect();
        if words.is_empty() {
            continue;
        }
        let first_position = position;
        let compound_start = words[0].0;
        let compound_end = words[words.len() - 1].1;
        let joined_form: String = if words.len() > 1 && !starts_with_number_unit(&words) {
            words.iter().map(|w| w.2.as_str()).collect()
        } else {
            String::new()
        };
        for (s, e, form) in words {
            let tok = Token {
                form,
                start: s,
                end: e,
                position,
                joined: false,
            };
            if push(tok, &mut emit, &mut pending_per) {
                position += 1;
            }
        }
        if !joined_form.is_empty() {
            let tok = Token {
                form: joined_form,
                start: compound_start,
                end: compound_end,
                position: first_position,
                joined: true,
            };
            push(tok, &mut emit, &mut pending_per);
        }
    }
    if let Some(per) = pending_per.take() {
        emit(per);
    }
}

/// True when the parts are a number and its magnitude ("1", "trillion"), which
/// are the same words as "1 trillion" and need no joined form.
fn starts_with_number_unit(words: &[(usize, usize, String)]) -> bool {
    words.len() == 2
        && words[0].2.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && MAGNITUDES.contains(&words[1].2.as_str())
}

const MAGNITUDES: &[&str] = &[
    "percent", "pc", "k", "m", "mn", "bn", "b", "tn", "thousand", "million", "billion", "trillion",
    "km", "kg", "mb", "gb", "tb",
];

fn is_word(seg: &str) -> bool {
    seg.chars().any(char::is_alphanumeric)
}

fn is_hyphen(seg: &str) -> bool {
    matches!(seg, "-" | "\u{2010}" | "\u{2011}")
}

fn is_currency(seg: &str) -> bool {
    let mut chars = seg.chars();
    matches!(
        (chars.next(), chars.next()),
        (Some('$' | '€' | '£' | '¥' | '₹' | '₩' | '₽'), None)
    )
}

/// Split one UAX #29 word on inner dots that are not an acronym or a decimal
/// number, and a leading number from a magnitude word ("1trillion").
fn split_word(start: usize, word: &str, out: &mut Vec<(usize, String)>) {
    let pieces: Vec<&str> = word.split('.').collect();
    let is_acronym = pieces.len() > 1
        && pieces
            .iter()
            .all(|p| p.chars().count() <= 1 && p.chars().all(char::is_alphabetic));
    let is_decimal = pieces.len() == 2
        && pieces
            .iter()
            .all(|p| p.bytes().all(|b| b.is_ascii_digit() || b == b','));
    if pieces.len() == 1 || is_acronym || is_decimal {
        split_number_unit(start, word, out);
        return;
    }
    let mut offset = start;
    for piece in pieces {
        if !piece.is_empty() {
            split_number_unit(offset, piece, out);
        }
        offset += piece.len() + 1;
    }
}

fn split_number_unit(start: usize, word: &str, out: &mut Vec<(usize, String)>) {
    let digits = word
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b',')
        .count();
    if digits > 0 && digits < word.len() && word.as_bytes()[0].is_ascii_digit() {
        let unit = &word[digits..];
        if MAGNITUDES.contains(&unit.to_lowercase().as_str()) {
            out.push((start, word[..digits].to_string()));
            out.push((start + digits, unit.to_string()));
            return;
        }
    }
    out.push((start, word.to_string()));
}

/// The index form of one word: lower case, apostrophes unified, possessive
/// and invisible characters dropped. Empty when nothing word-like is left.
pub fn word_form(word: &str) -> String {
    let mut form = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => form.push('\''),
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
            c => form.extend(c.to_lowercase()),
        }
    }
    // Possessives: alibaba's → alibaba; workers' → workers.
    if let Some(base) = form.strip_suffix("'s") {
        if !base.is_empty() {
            form.truncate(base.len());
        }
    }
    while form.ends_with('\'') {
        form.pop();
    }
    while form.starts_with('\'') {
        form.remove(0);
    }
    // Dotted acronyms: u.s → us; thousands separators: 1,000 → 1000.
    if form.contains('.')
        && form
            .split('.')
            .all(|p| p.chars().count() <= 1 && p.chars().all(char::is_alphabetic))
    {
        form.retain(|c| c != '.');
    }
    if form.contains(',')
        && form
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        form.retain(|c| c != ',');
    }
    if form.chars().any(char::is_alphanumeric) {
        form
    } else {
        String::new()
    }
}

/// Remove diacritics: `é` → `e`, `Ł` → `l`, `ß` → `ss`. Input is expected
/// lower case. Borrowed when there is nothing to fold.
pub fn fold(form: &str) -> Cow<'_, str> {
    if form.is_ascii() {
        return Cow::Borrowed(form);
    }
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(form.len());
    for c in form.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'ł' | 'Ł' => out.push('l'),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' | 'ð' => out.push('d'),
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'þ' => out.push_str("th"),
            'ı' => out.push('i'),
            c => out.push(c),
        }
    }
    if out == form {
        Cow::Borrowed(form)
    } else {
        Cow::Owned(out)
    }
}

/// The variant-insensitive key of a form: folded diacritics and American
/// spelling. `Organisé` and `organize` share it.
pub fn normalize(form: &str) -> String {
    let folded = fold(form);
    match americanize(&folded) {
        Some(us) => us,
        None => folded.into_owned(),
    }
}

/// The Snowball English stem of a normalized key. Non-Latin words and numbers
/// are returned unchanged.
pub fn stem(normalized: &str) -> String {
    use std::sync::OnceLock;
    static STEMMER: OnceLock<rust_stemmers::Stemmer> = OnceLock::new();
    if !normalized
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b == b'\'')
    {
        return normalized.to_string();
    }
    let stemmer =
        STEMMER.get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English));
    stemmer.stem(normalized).into_owned()
}

/// Normalized words of `text` for comparing two reports of one statement:
/// primary tokens only, each passed through [`normalize`].
pub fn normalized_words(text: &str) -> Vec<String> {
    primary_tokens(text)
        .into_iter()
        .map(|t| normalize(&t.form))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .map(|t| {
                if t.joined {
                    format!("+{}", t.form)
                } else {
                    t.form
                }
            })
            .collect()
    }

    fn check(text: &str, expected: &[&str]) {
        assert_eq!(forms(text), expected, "tokens of {text:?}");
    }

    #[test]
    fn words_are_lowercased_and_possessives_dropped() {
        check("Alibaba's CEO", &["alibaba", "ceo"]);
        check("Alibaba’s workers’ pay", &["alibaba", "workers", "pay"]);
        check("won’t", &["won't"]);
    }

    #[test]
    fn compounds_give_parts_and_joined_form() {
        check(
            "e-commerce giant",
            &["e", "commerce", "+ecommerce", "giant"],
        );
        check("Tmall.com", &["tmall", "com", "+tmallcom"]);
        check("the U.S. market", &["the", "us", "market"]);
    }

    #[test]
    fn numbers_and_money_match_across_spellings() {
        check("$1 trillion", &["$", "1", "trillion"]);
        check("$1trillion", &["$", "1", "trillion"]);
        check("10%", &["10", "percent"]);
        check("10 percent", &["10", "percent"]);
        check("10 per cent", &["10", "percent"]);
        check("1,000 and 2.5", &["1000", "and", "2.5"]);
        check("per person", &["per", "person"]);
    }

    #[test]
    fn cjk_runs_split_into_characters() {
        check("阿里巴巴集团", &["阿", "里", "巴", "巴", "集", "团"]);
    }

    #[test]
    fn folding_and_variants() {
        assert_eq!(fold("łódź"), "lodz");
        assert_eq!(fold("café"), "cafe");
        assert_eq!(normalize("organisé"), "organize");
        assert_eq!(stem(&normalize("globalisation")), stem("globalization"));
        assert_eq!(stem("organizing"), stem("organize"));
    }

    #[test]
    fn offsets_cover_the_word_and_positions_count_words() {
        let text = "Hi, Łódź e-commerce!";
        for t in tokenize(text) {
            assert!(text.get(t.start..t.end).is_some(), "{t:?}");
        }
        let positions: Vec<u32> = tokenize(text).iter().map(|t| t.position).collect();
        assert_eq!(positions, [0, 1, 2, 3, 2]);
    }

    #[test]
    fn zero_width_characters_do_not_split_or_stick() {
        check("Ali\u{200B}baba", &["ali", "baba"]);
        check("Ali\u{200D}baba", &["alibaba"]);
    }
}
