//! Character-level repair before any cleaning: line endings, invisible
//! characters and mojibake.
//!
//! Why here and not in `ingest`: articles also arrive in memory (tests,
//! tools), and every later stage (paragraphs, spans, quotes) must see the
//! same normalised characters, so `document::build` repairs whatever it is
//! given. Every repair that changes visible text is counted and reported as
//! a warning; invisible noise (zero-width characters) is removed with a count.
//!
//! Mojibake: the common accident is UTF-8 bytes decoded as Windows-1252 (or
//! Latin-1), so `’` (E2 80 99) shows as `â€™` and `é` (C3 A9) as `Ã©`. We map
//! each suspicious character back to its single byte and re-decode a run
//! only when the bytes form *valid* UTF-8 (`std::str::from_utf8` checks
//! overlong forms and continuation bytes), which ordinary accented text
//! almost never does. Two passes undo double encoding.
//! When the bytes are lost altogether (a `?` or `�` where a character stood),
//! we guess only in contexts with one plausible reading: `don?t`/`Zhang�s`
//! → `’`, and a lone `?`/`�` between two words of one sentence
//! (`strategy ? should`) → `–`.

/// The repaired text and human-readable notes on what was changed.
pub struct Repaired {
    pub text: String,
    pub notes: Vec<String>,
}

/// Normalise line endings, drop invisible characters, undo mojibake.
pub fn repair(raw: &str) -> Repaired {
    let mut notes = Vec::new();
    let text = normalize_line_endings(raw);
    let (text, invisible, controls) = remove_invisible(&text);
    if invisible > 0 {
        notes.push(format!("removed {invisible} zero-width character(s)"));
    }
    if controls > 0 {
        notes.push(format!("removed {controls} control character(s)"));
    }
    let mut text = text;
    let mut fixed_total = 0;
    let mut example = None;
    for _ in 0..2 {
        let (fixed, count, first) = undo_mojibake(&text);
        if count == 0 {
            break;
        }
        fixed_total += count;
        if example.is_none() {
            example = first;
        }
        text = fixed;
    }
    if fixed_total > 0 {
        let eg = example
            .map(|(from, to)| {
                format!(", e.g. \u{201c}{from}\u{201d} \u{2192} \u{201c}{to}\u{201d}")
            })
            .unwrap_or_default();
        notes.push(format!(
            "repaired {fixed_total} mis-decoded character(s) (UTF-8 read as Windows-1252){eg}"
        ));
    }
    let (text, guessed) = guess_lost_characters(&text);
    if guessed > 0 {
        notes.push(format!(
            "guessed {guessed} unreadable character(s) (? or \u{fffd}) from context as \u{2019} or \u{2013}"
        ));
    }
    Repaired { text, notes }
}

/// CRLF and lone CR become LF; Unicode line/paragraph separators and form
/// feeds become line breaks too.
pub fn normalize_line_endings(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{2028}' | '\u{000B}' | '\u{000C}' => out.push('\n'),
            '\u{2029}' => out.push_str("\n\n"),
            _ => out.push(c),
        }
    }
    out
}

/// Zero-width characters that are never meaningful in news prose. ZWJ and
/// ZWNJ are kept between non-ASCII letters and symbols (emoji sequences,
/// Persian and Indic scripts need them) and dropped next to ASCII/space.
fn remove_invisible(text: &str) -> (String, usize, usize) {
    let mut out = String::with_capacity(text.len());
    let mut invisible = 0;
    let mut controls = 0;
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}' | '\u{00AD}' => invisible += 1,
            '\u{200C}' | '\u{200D}' => {
                let prev = i.checked_sub(1).and_then(|j| chars.get(j));
                let next = chars.get(i + 1);
                let joins =
                    |ch: Option<&char>| ch.is_some_and(|ch| !ch.is_ascii() && !ch.is_whitespace());
                if joins(prev) && joins(next) {
                    out.push(c);
                } else {
                    invisible += 1;
                }
            }
            '\n' | '\t' => out.push(c),
            // C0 controls and DEL are noise; C1 controls (U+0080..U+009F)
            // may be mojibake bytes, so they are left for `undo_mojibake`.
            c if (c as u32) < 0x20 || c == '\u{7F}' => controls += 1,
            _ => out.push(c),
        }
    }
    (out, invisible, controls)
}

/// The Windows-1252 byte that decodes to `c`, if any (Latin-1 for the
/// C1 and upper ranges, the cp1252 table for its 0x80-0x9F punctuation).
fn cp1252_byte(c: char) -> Option<u8> {
    let n = c as u32;
    if (0x80..=0xFF).contains(&n) {
        return u8::try_from(n).ok();
    }
    let b = match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(b)
}

/// Re-decode runs of characters whose cp1252 bytes form valid UTF-8.
/// Returns the text, how many characters were repaired, and one example.
fn undo_mojibake(text: &str) -> (String, usize, Option<(String, String)>) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    let mut example = None;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let lead = cp1252_byte(c).filter(|b| (0xC2..=0xF4).contains(b));
        if let Some(lead) = lead {
            let needed = match lead {
                0xC2..=0xDF => 1,
                0xE0..=0xEF => 2,
                _ => 3,
            };
            let mut bytes = vec![lead];
            for k in 1..=needed {
                match chars.get(i + k).and_then(|&c| cp1252_byte(c)) {
                    Some(b) if (0x80..=0xBF).contains(&b) => bytes.push(b),
                    _ => break,
                }
            }
            if bytes.len() == needed + 1 {
                if let Ok(decoded) = std::str::from_utf8(&bytes) {
                    if example.is_none() {
                        let from: String =
                            chars.get(i..=i + needed).unwrap_or(&[]).iter().collect();
                        example = Some((from, decoded.to_string()));
                    }
                    out.push_str(decoded);
                    count += 1;
                    i += needed + 1;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    (out, count, example)
}

/// Endings of English contractions and possessives after an apostrophe.
const CONTRACTION_TAILS: [&str; 7] = ["s", "t", "d", "m", "ll", "re", "ve"];

/// `don?t` / `Zhang�s` → `’`; `word ? word` / `word � word` (a lost dash,
/// next word lower-case) → `–`; `"?word` (a lost space after a quotation
/// mark) → ` `. Only these unambiguous contexts.
fn guess_lost_characters(text: &str) -> (String, usize) {
    if !text.contains(['?', '\u{FFFD}']) {
        return (text.to_string(), 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut guessed = 0;
    for (i, c) in text.char_indices() {
        if c != '?' && c != '\u{FFFD}' {
            out.push(c);
            continue;
        }
        let before = text.get(..i).unwrap_or("");
        let after = text.get(i + c.len_utf8()..).unwrap_or("");
        let prev = before.chars().next_back();
        if prev.is_some_and(char::is_alphabetic) {
            let tail: String = after.chars().take_while(|ch| ch.is_alphabetic()).collect();
            let boundary = after.get(tail.len()..).and_then(|r| r.chars().next());
            if CONTRACTION_TAILS.contains(&tail.as_str())
                && !boundary.is_some_and(char::is_alphanumeric)
            {
                out.push('\u{2019}');
                guessed += 1;
                continue;
            }
            if c == '\u{FFFD}' && after.chars().next().is_some_and(char::is_alphabetic) {
                // A character lost inside a word: leave the marker.
                out.push(c);
                continue;
            }
        }
        // `equality,"?she declared`, `"Breaking Bad"?creator`: a lost
        // (non-breaking) space between a quotation mark and a word.
        if matches!(prev, Some('"' | '\u{201C}' | '\u{201D}'))
            && after.chars().next().is_some_and(char::is_alphabetic)
        {
            out.push(' ');
            guessed += 1;
            continue;
        }
        let spaced_before = prev == Some(' ')
            && before
                .trim_end_matches(' ')
                .chars()
                .next_back()
                .is_some_and(|p| p.is_alphanumeric() || p == ',');
        let mut rest = after.chars();
        let spaced_after = rest.next() == Some(' ') && rest.next().is_some_and(char::is_lowercase);
        if spaced_before && spaced_after {
            out.push('\u{2013}');
            guessed += 1;
            continue;
        }
        out.push(c);
    }
    (out, guessed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(raw: &str) -> String {
        repair(raw).text
    }

    #[test]
    fn repairs() {
        let cases = [
            ("a\r\nb\rc\n", "a\nb\nc\n"),
            ("Zhang\u{200B}\u{200B} said", "Zhang said"),
            (
                "world\u{00E2}\u{20AC}\u{2122}s largest",
                "world\u{2019}s largest",
            ),
            ("caf\u{00C3}\u{00A9}", "caf\u{E9}"),
            (
                "\u{00E2}\u{20AC}\u{0153}We will\u{00E2}\u{20AC}\u{009D}",
                "\u{201C}We will\u{201D}",
            ),
            (
                "don?t and Zhang\u{FFFD}s",
                "don\u{2019}t and Zhang\u{2019}s",
            ),
            ("strategy ? should it", "strategy \u{2013} should it"),
            (
                "equality,\"?she declared and \"Breaking Bad\"?creator",
                "equality,\" she declared and \"Breaking Bad\" creator",
            ),
            ("He asked \"why?\" and \"?\"", "He asked \"why?\" and \"?\""),
            // Real question marks and accented words are left alone.
            ("Why? Because.", "Why? Because."),
            ("Is it? yes", "Is it? yes"),
            (
                "S\u{E3}o Paulo, voil\u{E0}\u{2026}",
                "S\u{E3}o Paulo, voil\u{E0}\u{2026}",
            ),
            (
                "Gr\u{FC}\u{DF}e aus M\u{FC}nchen",
                "Gr\u{FC}\u{DF}e aus M\u{FC}nchen",
            ),
            // Emoji ZWJ sequences survive.
            ("\u{1F468}\u{200D}\u{1F469}", "\u{1F468}\u{200D}\u{1F469}"),
        ];
        for (raw, expected) in cases {
            assert_eq!(fixed(raw), expected, "{raw:?}");
        }
    }

    #[test]
    fn notes_count_what_changed() {
        let r = repair("a\u{200B}b\u{200B}c \u{00E2}\u{20AC}\u{2122}");
        assert_eq!(r.notes.len(), 2, "{:?}", r.notes);
        assert!(r.notes[0].contains('2'));
        assert!(repair("plain text").notes.is_empty());
    }
}
