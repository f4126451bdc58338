//! Bytes to text, leniently: a bad file costs a warning, never the corpus.
//!
//! - Byte-order marks are stripped; UTF-16 (with a BOM, or unmistakable
//!   from its zero bytes) is decoded, since Windows editors still save it.
//! - Binary files (NUL bytes, known magic numbers, mostly control bytes)
//!   are refused with a reason, so a stray PDF or image is reported, not
//!   shown as garbage.
//! - Invalid UTF-8 is reported with the byte offset of the first bad
//!   sequence. If the file has *no* valid multi-byte sequence at all it is
//!   almost certainly a legacy single-byte file and is decoded as
//!   Windows-1252 (a superset of Latin-1 that also covers curly quotes);
//!   otherwise bad sequences become U+FFFD.

/// Decoded text with notes for warnings.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub notes: Vec<String>,
}

/// Why a file's bytes are not an article.
#[derive(Debug, PartialEq, Eq)]
pub enum Unreadable {
    Empty,
    Binary(String),
}

/// The 0x80-0x9F range of Windows-1252; undefined bytes map to the C1
/// control of the same number (as browsers do).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Decode one Windows-1252 byte.
pub fn cp1252_char(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_HIGH
            .get(usize::from(b - 0x80))
            .copied()
            .unwrap_or('\u{FFFD}'),
        _ => char::from(b),
    }
}

/// Decode `bytes`. `legacy_hint` is true when the file declares a
/// single-byte charset (an html `<meta charset=windows-1252>`).
pub fn decode(bytes: &[u8], legacy_hint: bool) -> Result<Decoded, Unreadable> {
    let mut notes = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        utf8(rest, legacy_hint, &mut notes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, true)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, false)
    } else if let Some(little_endian) = bomless_utf16(bytes) {
        notes.push(format!(
            "decoded as UTF-16{} (no byte-order mark)",
            if little_endian { "LE" } else { "BE" }
        ));
        utf16(bytes, little_endian)
    } else {
        utf8(bytes, legacy_hint, &mut notes)?
    };
    if text.trim().is_empty() {
        return Err(Unreadable::Empty);
    }
    Ok(Decoded { text, notes })
}

fn utf8(bytes: &[u8], legacy_hint: bool, notes: &mut Vec<String>) -> Result<String, Unreadable> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Unreadable::Empty);
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(Unreadable::Binary(kind));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(error) => {
            let offset = error.valid_up_to();
            let mut bad = 0usize;
            let mut valid_multibyte = false;
            for chunk in bytes.utf8_chunks() {
                valid_multibyte |= !chunk.valid().is_ascii();
                if !chunk.invalid().is_empty() {
                    bad += 1;
                }
            }
            if legacy_hint || !valid_multibyte {
                notes.push(format!(
                    "not valid UTF-8 (first bad byte at offset {offset}); decoded as Windows-1252"
                ));
                Ok(bytes.iter().map(|&b| cp1252_char(b)).collect())
            } else {
                notes.push(format!(
                    "invalid UTF-8 at byte offset {offset} ({bad} bad sequence(s)); replaced with \u{FFFD}"
                ));
                Ok(String::from_utf8_lossy(bytes).into_owned())
            }
        }
    }
}

fn utf16(bytes: &[u8], little_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|pair| match pair {
        [a, b] if little_endian => u16::from_le_bytes([*a, *b]),
        [a, b] => u16::from_be_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    char::decode_utf16(units)
        .map(|c| c.unwrap_or('\u{FFFD}'))
        .collect()
}

/// UTF-16 without a BOM: in the first 1 KiB, most bytes at one parity are
/// zero (ASCII text) and almost none at the other.
fn bomless_utf16(bytes: &[u8]) -> Option<bool> {
    let sample = bytes.get(..bytes.len().min(1024))?;
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 >= pairs * 7 && even * 20 <= pairs {
        Some(true)
    } else if even * 10 >= pairs * 7 && odd * 20 <= pairs {
        Some(false)
    } else {
        None
    }
}

/// A reason when the bytes are not text.
fn binary_kind(bytes: &[u8]) -> Option<String> {
    const MAGIC: [(&[u8], &str); 8] = [
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"PK\x03\x04", "a zip archive (docx/xlsx/epub?)"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\xD0\xCF\x11\xE0", "an old Office document"),
        (b"RIFF", "a media file"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(kind.to_string());
    }
    let sample = bytes.get(..bytes.len().min(8192)).unwrap_or(bytes);
    if sample.contains(&0) {
        return Some("binary data (NUL bytes)".to_string());
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x0B | 0x1B))
        .count();
    (controls * 10 > sample.len()).then(|| "binary data (mostly control bytes)".to_string())
}

/// Cut `bytes` to at most `cap`, backing off to a UTF-8 character start so
/// the cut does not itself create an invalid sequence.
pub fn truncate(bytes: &[u8], cap: usize) -> &[u8] {
    if bytes.len() <= cap {
        return bytes;
    }
    let mut end = cap;
    // Step back over continuation bytes (at most 3) to a character start.
    for _ in 0..3 {
        match bytes.get(end) {
            Some(b) if (0x80..0xC0).contains(b) => end -= 1,
            _ => break,
        }
    }
    bytes.get(..end).unwrap_or(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        let ok = |b: &[u8]| decode(b, false).map(|d| d.text);
        assert_eq!(ok(b"\xEF\xBB\xBFhello").as_deref(), Ok("hello"));
        assert_eq!(ok(b"\xFF\xFEh\0i\0").as_deref(), Ok("hi"));
        assert_eq!(ok(b"\xFE\xFF\0h\0i").as_deref(), Ok("hi"));
        assert_eq!(
            ok(b"h\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0").as_deref(),
            Ok("hello world")
        );
        assert_eq!(
            ok(b"caf\xe9 \x93quoted\x94").as_deref(),
            Ok("caf\u{e9} \u{201c}quoted\u{201d}")
        );
        assert_eq!(ok("caf\u{e9} ".as_bytes()).as_deref(), Ok("caf\u{e9} "));
        assert_eq!(ok(b"  \n\t "), Err(Unreadable::Empty));
        assert!(matches!(ok(b"%PDF-1.4 ..."), Err(Unreadable::Binary(_))));
        assert!(matches!(ok(b"abc\0def"), Err(Unreadable::Binary(_))));
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let d = decode(
            "ok \u{e9} then "
                .as_bytes()
                .iter()
                .chain(b"\xff bad")
                .copied()
                .collect::<Vec<u8>>()
                .as_slice(),
            false,
        )
        .expect("decodes");
        assert!(d.text.contains('\u{FFFD}'));
        assert!(
            d.notes.first().is_some_and(|n| n.contains("offset 11")),
            "{:?}",
            d.notes
        );
    }

    #[test]
    fn truncation_respects_characters() {
        let s = "a\u{e9}\u{e9}";
        let cut = truncate(s.as_bytes(), 2);
        assert_eq!(cut, b"a");
    }
}
