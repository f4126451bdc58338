//! Reading metadata off the lines of a page: datelines, bylines, "Source:"
//! lines, site-name lines, headlines, wire datelines and an outlet naming
//! itself in running text; plus the display title derived for headline-less
//! articles.
//!
//! Principles:
//! - **Never invent.** A value is taken only from a line whose *whole* text
//!   is metadata (every piece recognised: a date, a label like `Source:` or
//!   `Editor:`, a `By …` credit, a domain), so prose that merely mentions a
//!   date ("In May 2015 the company…") never becomes the article's date.
//! - **Prefer explicit lines to inference.** Outlet evidence is ranked:
//!   `Source:` line > site-name line > wire dateline `(Reuters) -` > the
//!   outlet naming itself in prose. The last is the weakest and is only
//!   accepted for self-reference phrasings ("X last week reported that",
//!   "X has learned", "X understands", "X can reveal") about a name that
//!   is not itself a subject of the story (it occurs at most twice), and is
//!   not introduced as a source ("news source Alizila revealed").
//! - A site-name line ("The Stack Archive") is a short Title-Case line
//!   *above* the headline; to tell it from a short headline it must also
//!   look like a site name: a generic suffix ("Archive", "Home"), an outlet
//!   noun ("News", "Times", "Post", "Eye"…) or a domain.

use super::dates::{self, PrintedDate};
use std::collections::HashMap;

/// How a date was labelled on its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateKind {
    /// "Published", "Posted", or an unlabelled dateline.
    Published,
    /// "Updated", "Last updated", "Modified".
    Updated,
}

/// What one metadata line says.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LineMeta {
    pub dates: Vec<(DateKind, PrintedDate)>,
    /// People credited as authors ("By Jane Doe", "Author: …").
    pub authors: Vec<String>,
    /// People credited as editors ("Editor: Wang Jian").
    pub editors: Vec<String>,
    /// Outlets named as the source ("Source: Global Times").
    pub sources: Vec<String>,
    /// Domain names ("en.hangzhou.com.cn").
    pub domains: Vec<String>,
    /// What kind of line it mostly is, for the `removed` reason.
    pub reason: &'static str,
}

/// Labels that may stand before a colon on a metadata line.
const LABELS: &[&str] = &[
    "source",
    "sources",
    "from",
    "author",
    "authors",
    "by",
    "written by",
    "reporter",
    "reporters",
    "writer",
    "editor",
    "editors",
    "edited by",
    "published",
    "published on",
    "first published",
    "posted",
    "posted on",
    "updated",
    "last updated",
];

/// Words that join names in a credit ("Jane Doe and John Roe", "Ursula von
/// der Leyen").
const NAME_CONNECTORS: &[&str] = &[
    "and", "&", "de", "van", "von", "der", "den", "la", "le", "da", "dos", "du", "bin", "al", "el",
    "y",
];

/// Split a line into pieces at visual separators: `|`, bullets, dashes with
/// spaces around them, and runs of two or more spaces (pages lay datelines
/// out with non-breaking spaces).
fn pieces(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut spaces = 0;
    let chars: Vec<char> = line.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let spaced = |j: usize| chars.get(j).is_some_and(|c| c.is_whitespace());
        let is_dash_sep = matches!(c, '-' | '–' | '—') && i > 0 && spaced(i - 1) && spaced(i + 1);
        let is_slash_sep = c == '/' && i > 0 && spaced(i - 1) && spaced(i + 1);
        if matches!(c, '|' | '•' | '·') || is_dash_sep || is_slash_sep {
            out.push(std::mem::take(&mut current));
            spaces = 0;
            continue;
        }
        if c.is_whitespace() {
            spaces += 1;
            if spaces == 2 {
                out.push(std::mem::take(&mut current));
            }
            if spaces == 1 {
                current.push(' ');
            }
            continue;
        }
        spaces = 0;
        current.push(c);
    }
    out.push(current);
    // Split again before a colon label glued to the previous piece
    // ("2021-12-20 12:35 Source:Global Times").
    let mut split = Vec::new();
    for piece in out {
        let mut rest = piece.trim().to_string();
        loop {
            let lower = rest.to_lowercase();
            let cut = LABELS
                .iter()
                .filter_map(|label| {
                    let pat = format!("{label}:");
                    lower
                        .match_indices(&pat)
                        .map(|(i, _)| i)
                        .find(|&i| i > 0 && lower.get(..i).is_some_and(|b| b.ends_with(' ')))
                })
                .min();
            match cut.and_then(|i| Some((rest.get(..i)?.to_string(), rest.get(i..)?.to_string()))) {
                Some((head, tail)) => {
                    split.push(head.trim().to_string());
                    rest = tail;
                }
                None => break,
            }
        }
        split.push(rest.trim().to_string());
    }
    // "Posted on May 15, 2015 by Jane Doe": the credit is a piece.
    let split: Vec<String> = split
        .into_iter()
        .flat_map(|piece| {
            let at = piece.find(" by ").filter(|&i| {
                piece
                    .get(i + 4..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_uppercase)
                    && i > 0
            });
            match at
                .and_then(|i| Some((piece.get(..i)?.to_string(), piece.get(i + 1..)?.to_string())))
            {
                Some((head, tail)) => vec![head, tail],
                None => vec![piece],
            }
        })
        .collect();
    // A domain glued to what follows ("example.com 2021-12-20") is a piece
    // of its own.
    let mut out = Vec::new();
    for piece in split.into_iter().filter(|p| !p.is_empty()) {
        match piece.split_once(' ') {
            Some((first, rest)) if is_domain(first) => {
                out.push(first.to_string());
                out.push(rest.trim().to_string());
            }
            _ => out.push(piece),
        }
    }
    out
}

/// Parse a line that consists only of metadata. `None` when any piece of it
/// is something else (prose, a headline), so a caller can trust every value.
pub fn parse_meta_line(line: &str) -> Option<LineMeta> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 200 {
        return None;
    }
    let mut meta = LineMeta::default();
    let mut substantive = false;
    let mut kinds: Vec<&'static str> = Vec::new();
    let mut pending_time = None;
    let mut bare_names: Vec<String> = Vec::new();
    for piece in pieces(line) {
        let lower = piece.to_lowercase();
        // "Label: value" (value may be empty: "Author:")
        if let Some((label, value)) = split_label(&piece, &lower) {
            let value = value.trim();
            match label {
                "source" | "sources" | "from" => {
                    kinds.push("source");
                    if !value.is_empty() {
                        if is_domain(value) {
                            meta.domains.push(value.to_string());
                        } else if is_name_like(value, 6) {
                            meta.sources.push(value.to_string());
                        } else {
                            return None;
                        }
                        substantive = true;
                    }
                }
                "author" | "authors" | "by" | "written by" | "reporter" | "reporters"
                | "writer" => {
                    kinds.push("byline");
                    if !value.is_empty() {
                        meta.authors.push(labelled_credit(value)?);
                        substantive = true;
                    }
                }
                "editor" | "editors" | "edited by" => {
                    kinds.push("byline");
                    if !value.is_empty() {
                        meta.editors.push(labelled_credit(value)?);
                        substantive = true;
                    }
                }
                _ => {
                    kinds.push("dateline");
                    if !value.is_empty() {
                        let kind = if label.contains("updated") {
                            DateKind::Updated
                        } else {
                            DateKind::Published
                        };
                        meta.dates.push((kind, dates::parse_date_only(value)?));
                        substantive = true;
                    }
                }
            }
            continue;
        }
        if let Some(rest) = piece
            .strip_prefix("By ")
            .or_else(|| piece.strip_prefix("BY "))
            .or_else(|| piece.strip_prefix("by "))
        {
            kinds.push("byline");
            meta.authors.push(clean_credit(rest)?);
            substantive = true;
            continue;
        }
        if let Some(d) = dated_piece(&piece, &lower) {
            kinds.push("dateline");
            meta.dates.push(d);
            substantive = true;
            continue;
        }
        if let Some(t) = time_only(&piece) {
            // A time printed apart from its date ("2021-12-20 | 12:35", or
            // before it: "8:00 AM GMT+1 • May 14, 2015").
            match meta.dates.last_mut() {
                Some((_, d)) if d.time.is_none() => d.time = Some(t),
                _ => pending_time = Some(t),
            }
            continue;
        }
        if let Some((name, handle)) = piece.rsplit_once(" @") {
            // "Jane Doe @janedoe": a credit with a social handle.
            if !handle.is_empty() && handle.chars().all(|c| c.is_alphanumeric() || c == '_') {
                if let Some(credit) = clean_credit(name) {
                    kinds.push("byline");
                    meta.authors.push(credit);
                    substantive = true;
                    continue;
                }
            }
        }
        if is_domain(&piece) {
            kinds.push("source");
            meta.domains.push(piece.to_lowercase());
            continue;
        }
        if is_reading_time(&lower) || is_relative_time(&lower) {
            continue;
        }
        // A bare name is a credit only beside a date ("Jane Doe | May 14,
        // 2015"): checked once every piece is seen.
        match clean_credit(&piece) {
            Some(name) if piece.split_whitespace().count() <= 4 => bare_names.push(name),
            _ => return None,
        }
    }
    if let Some(t) = pending_time {
        match meta.dates.last_mut() {
            Some((_, d)) if d.time.is_none() => d.time = Some(t),
            _ => return None,
        }
    }
    if !bare_names.is_empty() {
        if meta.dates.is_empty() {
            return None;
        }
        kinds.push("byline");
        meta.authors.extend(bare_names);
    }
    if !substantive && meta.domains.is_empty() && kinds.is_empty() {
        return None;
    }
    meta.reason = if kinds.contains(&"dateline") {
        "dateline"
    } else if kinds.contains(&"byline") {
        "byline"
    } else {
        "source"
    };
    Some(meta)
}

/// The value of an explicit "Author:"/"Editor:" label: a clean name, or,
/// since the label vouches for it, any short value without sentence
/// punctuation (wire desks sign with handles: "Editor: huaxia").
fn labelled_credit(value: &str) -> Option<String> {
    clean_credit(value).or_else(|| {
        let v = value.trim();
        (v.split_whitespace().count() <= 4
            && !v.contains(['.', '!', '?', '"'])
            && v.chars().any(char::is_alphabetic))
        .then(|| v.to_string())
    })
}

/// `("source", "Global Times")` from `"Source:Global Times"`.
fn split_label<'a>(piece: &'a str, lower: &str) -> Option<(&'static str, &'a str)> {
    let colon = lower.find(':')?;
    let label = lower.get(..colon)?.trim();
    let found = LABELS.iter().find(|l| **l == label)?;
    Some((found, piece.get(colon + 1..)?))
}

/// "Published May 14, 2015", "Updated 12:35 14 May 2015", or a bare date.
fn dated_piece(piece: &str, lower: &str) -> Option<(DateKind, PrintedDate)> {
    for (prefix, kind) in [
        ("last updated", DateKind::Updated),
        ("last modified", DateKind::Updated),
        ("updated", DateKind::Updated),
        ("modified", DateKind::Updated),
        ("first published", DateKind::Published),
        ("published", DateKind::Published),
        ("posted", DateKind::Published),
    ] {
        if lower.starts_with(prefix) {
            let rest = piece.get(prefix.len()..)?;
            return dates::parse_date_only(rest).map(|d| (kind, d));
        }
    }
    dates::parse_date_only(piece).map(|d| (DateKind::Published, d))
}

fn time_only(piece: &str) -> Option<chrono::NaiveTime> {
    let d = dates::parse_date_only(&format!("2000-01-01 {piece}"))?;
    d.time
}

/// "5 min read", "3 minute read", "Reading time: 4 minutes".
pub fn is_reading_time(lower: &str) -> bool {
    (lower.ends_with("min read") || lower.ends_with("minute read") || lower.ends_with("mins read"))
        && lower.split_whitespace().count() <= 4
        || lower.starts_with("reading time")
}

/// "6 years ago", "3 hours ago": a relative age printed beside a date.
fn is_relative_time(lower: &str) -> bool {
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        [n, unit, "ago"] => {
            (n.parse::<u32>().is_ok() || matches!(*n, "a" | "an"))
                && unit.trim_end_matches('s').len() >= 3
                && [
                    "year", "month", "week", "day", "hour", "minute", "min", "hr",
                ]
                .contains(&unit.trim_end_matches('s'))
        }
        _ => false,
    }
}

/// A bare domain name: `en.hangzhou.com.cn`, `www.thestack.com`.
pub fn is_domain(text: &str) -> bool {
    let t = text.trim().trim_end_matches('/');
    let t = t
        .strip_prefix("https://")
        .or_else(|| t.strip_prefix("http://"))
        .unwrap_or(t);
    let labels: Vec<&str> = t.split('.').collect();
    labels.len() >= 2
        && !t.contains(char::is_whitespace)
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
        && t.chars().any(|c| c.is_ascii_alphabetic())
}

/// A proper name of at most `max_words` words: capitalised words (or
/// connectors, initials, `&`), no sentence punctuation.
pub fn is_name_like(text: &str, max_words: usize) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > max_words {
        return false;
    }
    if text.contains(['!', '?', ';', '"', '\u{201c}', '\u{201d}']) {
        return false;
    }
    let first_upper = words
        .first()
        .and_then(|w| w.chars().next())
        .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic() && c.is_alphanumeric());
    first_upper
        && words.iter().all(|w| {
            let lower = w.to_lowercase();
            NAME_CONNECTORS.contains(&lower.as_str())
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_numeric())
                || matches!(lower.as_str(), "of" | "the" | "on" | "for")
        })
}

/// Tidy a credit: "Jane Doe, Staff Writer" → "Jane Doe"; "JANE DOE" →
/// "Jane Doe"; "Jane Doe in Beijing" → "Jane Doe". `None` if what is left
/// is not a list of names.
pub fn clean_credit(value: &str) -> Option<String> {
    let value = value.trim().trim_end_matches(['.', ',']);
    // Keep names; drop a role or outlet after a comma, and " in <Place>".
    let mut names: Vec<String> = Vec::new();
    for (i, part) in value.split([',', ';']).enumerate() {
        let part = part.trim();
        let part = part
            .split(" in ")
            .next()
            .unwrap_or(part)
            .trim()
            .trim_start_matches("and ")
            .trim();
        if part.is_empty() {
            continue;
        }
        let person_like = is_name_like(part, 8)
            && part.chars().next().is_some_and(char::is_uppercase)
            && !part.contains(char::is_numeric);
        if i == 0 {
            if !person_like || is_role(part) {
                return None;
            }
            names.push(part.to_string());
        } else if is_role(part) {
            continue;
        } else if person_like {
            // A co-author has a first and last name; a single word or an
            // outlet noun after the comma is the outlet ("Jane Doe,
            // Reuters"), which is not a person.
            let lower = part.to_lowercase();
            let outlet = part.split_whitespace().count() < 2
                || lower.split_whitespace().any(|w| OUTLET_NOUNS.contains(&w));
            if !outlet {
                names.push(part.to_string());
            }
        } else if part.split_whitespace().count() > 4 {
            // "By Jane Doe, who covers China for…": prose, not a credit.
            return None;
        }
    }
    if names.is_empty() {
        return None;
    }
    let joined = names.join(", ");
    // "JANE DOE Associated Press": capitals for the name, then the
    // affiliation in Title Case; the name is what we want.
    let words: Vec<&str> = joined.split_whitespace().collect();
    let caps = |w: &&&str| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase);
    let caps_run = words.iter().take_while(caps).count();
    if caps_run >= 2 && caps_run < words.len() {
        let name = words.get(..caps_run).unwrap_or(&[]).join(" ");
        return Some(title_case(&name));
    }
    let letters: Vec<char> = joined.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 3 && letters.iter().all(|c| c.is_uppercase()) {
        return Some(title_case(&joined));
    }
    Some(joined)
}

fn is_role(part: &str) -> bool {
    let lower = part.to_lowercase();
    [
        "staff",
        "writer",
        "reporter",
        "correspondent",
        "editor",
        "contributor",
        "columnist",
        "team",
        "desk",
        "bureau",
    ]
    .iter()
    .any(|r| {
        lower
            .split_whitespace()
            .any(|w| w.trim_end_matches('s') == *r)
    })
}

fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            let lower = w.to_lowercase();
            if NAME_CONNECTORS.contains(&lower.as_str()) {
                return lower;
            }
            let mut chars = lower.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A `By Jane Doe` credit line (alone on its line). The name list must look
/// like names, so "By 2020, Zhang wants…" and "By contrast, …" are prose.
pub fn byline_line(text: &str) -> Option<String> {
    let rest = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("BY "))
        .or_else(|| text.strip_prefix("Written by "))
        .or_else(|| text.strip_prefix("Words by "))
        .or_else(|| text.strip_prefix("Posted by "))
        .or_else(|| text.strip_prefix("\u{2014} "))
        .or_else(|| text.strip_prefix("\u{2013} "))?;
    if rest.split_whitespace().count() > 10 {
        return None;
    }
    clean_credit(rest)
}

/// Wire-story credits at the foot: "(Reporting by Jane Doe in Beijing;
/// Editing by John Roe)" → `Some("Jane Doe")` for the reporter.
pub fn credits_line(text: &str) -> Option<Option<String>> {
    let inner = text
        .trim()
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']', '.']);
    let lower = inner.to_lowercase();
    let starts = [
        "reporting by",
        "additional reporting by",
        "writing by",
        "editing by",
        "compiled by",
        "produced by",
        "research by",
    ];
    if !starts.iter().any(|s| lower.starts_with(s)) || inner.split_whitespace().count() > 40 {
        return None;
    }
    let reporter = inner.split(';').find_map(|part| {
        let part = part.trim();
        let low = part.to_lowercase();
        let rest = ["reporting by ", "writing by "]
            .iter()
            .find_map(|p| low.starts_with(p).then(|| part.get(p.len()..)).flatten())?;
        clean_credit(&rest.replace(" and ", ", ")).map(|names| names.replace(", ", " and "))
    });
    Some(reporter)
}

/// Outlet nouns that make a short Title-Case line a site name.
const OUTLET_NOUNS: &[&str] = &[
    "news",
    "times",
    "post",
    "journal",
    "daily",
    "herald",
    "tribune",
    "review",
    "magazine",
    "insider",
    "wire",
    "weekly",
    "today",
    "gazette",
    "observer",
    "guardian",
    "telegraph",
    "chronicle",
    "standard",
    "express",
    "mirror",
    "register",
    "reporter",
    "monitor",
    "press",
    "media",
    "radio",
    "tv",
    "network",
    "blog",
    "eye",
    "report",
    "week",
    "world",
    "online",
    "stack",
    "verge",
    "crunch",
    "wired",
    "star",
];

/// The host of an http(s) URL without a leading `www.`, lower-cased:
/// `http://abcnews.go.com/Politics/x` → `abcnews.go.com`. None for anything
/// that is not an absolute http(s) URL with a dotted host.
pub fn url_host(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        url.get(8..)?
    } else if lower.starts_with("http://") {
        url.get(7..)?
    } else {
        return None;
    };
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let valid = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    valid.then(|| host.to_string())
}

/// Trailing words that name a section of the site rather than the site.
const SITE_SUFFIXES: &[&str] = &["archive", "archives", "home", "homepage"];

/// If `text` looks like the name of the site (a line above the headline),
/// the outlet name it gives: "The Stack Archive" → "The Stack".
pub fn site_name(text: &str) -> Option<String> {
    let text = text.trim();
    if is_domain(text) {
        return Some(text.to_lowercase());
    }
    if !is_name_like(text, 5) || text.ends_with(['.', ':', ',']) || text.contains(char::is_numeric)
    {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if let Some(last) = lower.last() {
        if SITE_SUFFIXES.contains(&last.as_str()) && words.len() >= 2 {
            let keep = words.get(..words.len() - 1)?;
            return Some(keep.join(" "));
        }
    }
    lower
        .iter()
        .any(|w| OUTLET_NOUNS.contains(&w.as_str()))
        .then(|| text.to_string())
}

/// A line that can be a headline: 2-25 words, not a sentence ending in a
/// full stop, starting with a capital (or a quote mark or digit).
pub fn headline_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let first = text.chars().next();
    (2..=25).contains(&words)
        && text.chars().count() <= 200
        && !text.ends_with(['.', ':', ',', ';'])
        && first.is_some_and(|c| {
            c.is_uppercase() || c.is_numeric() || "\"'\u{201c}\u{2018}".contains(c)
        })
        && text.chars().any(char::is_alphabetic)
}

/// "BEIJING (Reuters) - …", "HANGZHOU, China, May 14 (AP) — …": the wire
/// service in the dateline of the first paragraph.
pub fn wire_dateline_outlet(first_paragraph: &str) -> Option<String> {
    let open = first_paragraph.find('(')?;
    if open > 60 {
        return None;
    }
    let close = open + first_paragraph.get(open..)?.find(')')?;
    let name = first_paragraph.get(open + 1..close)?.trim();
    let after = first_paragraph.get(close + 1..)?.trim_start();
    if !after.starts_with(['-', '\u{2013}', '\u{2014}']) {
        return None;
    }
    // What precedes the parenthesis is a place in capitals, maybe a date.
    let before = first_paragraph.get(..open)?;
    let place_ok = before
        .chars()
        .filter(|c| c.is_alphabetic())
        .take(3)
        .all(char::is_uppercase);
    (place_ok && is_name_like(name, 4) && !name.contains(char::is_numeric))
        .then(|| name.to_string())
}

/// The date in a dateline opening the first paragraph, as wire copy and
/// press releases print it: "HANGZHOU, China, May 14, 2015 -- Alibaba…".
/// Only a full date with a year counts ("BEIJING, May 14 (Reuters) -" has
/// none, and the year is never guessed).
pub fn lead_dateline_date(first_paragraph: &str) -> Option<String> {
    let head = first_paragraph
        .get(..first_paragraph.len().min(120))
        .unwrap_or("");
    let end = [" -- ", " \u{2014} ", " \u{2013} ", " - ", " /"]
        .iter()
        .filter_map(|sep| head.find(sep))
        .min()?;
    let prefix = head.get(..end)?;
    let place_in_capitals = prefix
        .chars()
        .filter(|c| c.is_alphabetic())
        .take(3)
        .all(char::is_uppercase);
    if !place_in_capitals || !prefix.contains(',') {
        return None;
    }
    dates::find_date(prefix).map(PrintedDate::iso)
}

/// The outlet a syndication note names: "This article appeared in the
/// South China Morning Post print edition", "Read the original article on
/// Business Insider", "This story originally appeared on Grist".
pub fn syndication_outlet(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    let starts = [
        "read the original article on ",
        "this article appeared in ",
        "this article appeared on ",
        "this article originally appeared in ",
        "this article originally appeared on ",
        "this article first appeared in ",
        "this article first appeared on ",
        "this story originally appeared in ",
        "this story originally appeared on ",
        "this story first appeared on ",
        "this article was originally published on ",
        "this article was originally published by ",
        "this story was originally published by ",
        "originally published on ",
        "originally published by ",
    ];
    let rest = starts
        .iter()
        .find_map(|s| lower.starts_with(s).then(|| line.get(s.len()..)).flatten())?;
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix("the ")
        .or_else(|| rest.strip_prefix("The "))
        .unwrap_or(rest);
    let name: Vec<&str> = rest
        .split_whitespace()
        .map(|w| w.trim_end_matches(['.', ',', ':', ';']))
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase) || *w == "&")
        .take(6)
        .collect();
    (!name.is_empty()).then(|| name.join(" "))
}

/// Time phrases that mark a self-reference to the outlet's own earlier
/// reporting ("X last week reported that").
const EARLIER: &[&str] = &[
    "last week",
    "last month",
    "last year",
    "last night",
    "earlier this week",
    "earlier this month",
    "earlier this year",
    "earlier today",
    "previously",
    "earlier",
    "recently",
    "yesterday",
];

/// Phrases after a name by which an outlet speaks of itself.
fn self_reference_tail(after: &str) -> bool {
    // Only the next few words matter; a bounded prefix keeps long
    // paragraphs linear.
    let after = after.trim_start();
    let end = after
        .char_indices()
        .nth(60)
        .map(|(i, _)| i)
        .unwrap_or(after.len());
    let lower = after.get(..end).unwrap_or("").to_lowercase();
    let direct = [
        "has learned",
        "has learnt",
        "understands",
        "can reveal",
        "can exclusively reveal",
        "has exclusively learned",
    ];
    if direct.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    // "X last week reported that" / "X reported last week that"
    for when in EARLIER {
        let a = format!("{when} reported that");
        let b = format!("reported {when} that");
        let c = format!("{when} reported,");
        if lower.starts_with(&a) || lower.starts_with(&b) || lower.starts_with(&c) {
            return true;
        }
    }
    false
}

/// Words that introduce a *source*, so the name after them is not the
/// outlet itself ("news source Alizila", "according to Reuters").
const SOURCE_INTRODUCERS: &[&str] = &[
    "source",
    "outlet",
    "newspaper",
    "site",
    "website",
    "to",
    "agency",
    "publication",
];

/// Capitalised words that are not names (sentence-initial pronouns and
/// generic subjects).
const NOT_NAMES: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "the company",
    "officials",
    "police",
    "sources",
    "analysts",
    "the",
    "there",
];

/// The outlet, when the article names itself in its own prose.
pub fn self_reference_outlet(paragraphs: &[&str], full_text: &str) -> Option<String> {
    let mut found: Vec<String> = Vec::new();
    // An outlet names itself near the top; twenty paragraphs bound the
    // work on huge inputs.
    for para in paragraphs.iter().take(20) {
        for (name, start, end) in capitalised_runs(para) {
            let Some(after) = para.get(end..) else {
                continue;
            };
            if !self_reference_tail(after) {
                continue;
            }
            let before = para.get(..start).unwrap_or("");
            let prev_word = before
                .split_whitespace()
                .next_back()
                .unwrap_or("")
                .to_lowercase();
            if SOURCE_INTRODUCERS.contains(&prev_word.trim_matches(','))
                || NOT_NAMES.contains(&name.to_lowercase().as_str())
            {
                continue;
            }
            if !found.contains(&name) {
                found.push(name);
            }
        }
    }
    let counts = occurrences(full_text, &found);
    let mut accepted = found
        .into_iter()
        .filter(|n| counts.get(n).copied().unwrap_or(0) <= 2);
    let first = accepted.next()?;
    // Two different self-names: ambiguous, so none.
    accepted.next().is_none().then_some(first)
}

fn occurrences(text: &str, names: &[String]) -> HashMap<String, usize> {
    names
        .iter()
        .map(|n| (n.clone(), text.matches(n.as_str()).count()))
        .collect()
}

/// Runs of 1-4 capitalised words ("Payment Eye", "The Stack") with their
/// byte range in `text`.
fn capitalised_runs(text: &str) -> Vec<(String, usize, usize)> {
    let mut runs = Vec::new();
    let mut words: Vec<(usize, &str)> = Vec::new();
    let flush = |words: &mut Vec<(usize, &str)>, runs: &mut Vec<(String, usize, usize)>| {
        if let (Some(&(start, _)), Some(&(last_start, last))) = (words.first(), words.last()) {
            if words.len() <= 4 {
                let end = last_start + last.len();
                let name = text.get(start..end).unwrap_or("").to_string();
                runs.push((name, start, end));
            }
        }
        words.clear();
    };
    let mut offset = 0;
    for token in text.split(' ') {
        let start = offset;
        offset += token.len() + 1;
        let bare = token.trim_end_matches([',', '.', ';', ':']);
        let capitalised = bare.chars().next().is_some_and(char::is_uppercase)
            && bare
                .chars()
                .all(|c| c.is_alphanumeric() || c == '&' || c == '-' || c == '\'');
        if capitalised && bare.len() == token.len() {
            words.push((start, bare));
        } else {
            if capitalised {
                words.push((start, bare));
            }
            flush(&mut words, &mut runs);
        }
    }
    flush(&mut words, &mut runs);
    runs
}

/// A display title for an article without a headline: its first sentence,
/// cut at a word boundary near 80 characters with "…".
pub fn derive_title(text: &str) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let first_para = text.split("\n\n").next().unwrap_or("").trim();
    let sentence = first_para
        .split_sentence_bounds()
        .next()
        .unwrap_or("")
        .trim();
    shorten(sentence, 80)
}

/// Cut `text` to at most `max` characters at a word boundary, adding "…".
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut = text
        .char_indices()
        .nth(max)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let head = text.get(..cut).unwrap_or(text);
    let head = match head.rfind(char::is_whitespace) {
        Some(i) if i > max / 2 => head.get(..i).unwrap_or(head),
        _ => head,
    };
    let head =
        head.trim_end_matches(|c: char| c.is_whitespace() || ",;:-\u{2013}\u{2014}".contains(c));
    format!("{head}\u{2026}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_lines() {
        let m = parse_meta_line(
            "en.hangzhou.com.cn\u{a0}\u{a0} 2021-12-20 12:35\u{a0}\u{a0} Source:Global Times",
        )
        .expect("meta line");
        assert_eq!(m.sources, ["Global Times"]);
        assert_eq!(m.domains, ["en.hangzhou.com.cn"]);
        assert_eq!(
            m.dates.first().map(|d| d.1.iso()).as_deref(),
            Some("2021-12-20T12:35")
        );

        let m = parse_meta_line("Author:\u{a0} Editor:Wang Jian").expect("credit line");
        assert_eq!(m.editors, ["Wang Jian"]);
        assert!(m.authors.is_empty());

        let m = parse_meta_line("May 14, 2015 / 3:05 PM / 6 years ago").expect("reuters");
        assert_eq!(
            m.dates.first().map(|d| d.1.iso()).as_deref(),
            Some("2015-05-14T15:05")
        );
        let m = parse_meta_line("First published on Thu 14 May 2015 09.30 BST").expect("guardian");
        assert_eq!(
            m.dates.first().map(|d| d.1.iso()).as_deref(),
            Some("2015-05-14T09:30")
        );

        let m = parse_meta_line("By Jane Doe | Updated May 14, 2015 3:05 pm").expect("byline");
        assert_eq!(m.authors, ["Jane Doe"]);
        assert_eq!(m.dates.first().map(|d| d.0), Some(DateKind::Updated));

        for prose in [
            "Alibaba to push global expansion, says new CEO",
            "In May 2015 the company said it would grow.",
            "By 2020, Zhang wants Alibaba to generate $1trillion",
            "Source: people familiar with the matter said the deal was off",
        ] {
            assert_eq!(parse_meta_line(prose), None, "{prose}");
        }
    }

    #[test]
    fn site_names() {
        assert_eq!(site_name("The Stack Archive").as_deref(), Some("The Stack"));
        assert_eq!(site_name("Reseller News").as_deref(), Some("Reseller News"));
        assert_eq!(
            site_name("www.example.com").as_deref(),
            Some("www.example.com")
        );
        assert_eq!(site_name("Alibaba Goes Global"), None);
        assert_eq!(site_name("Menu"), None);
    }

    #[test]
    fn self_references() {
        let text = "Payment Eye last week reported that Daniel Zhang is to replace him.";
        assert_eq!(
            self_reference_outlet(&[text], text).as_deref(),
            Some("Payment Eye")
        );
        let text = "Official Alibaba news source Alizila revealed what Zhang has in store.";
        assert_eq!(self_reference_outlet(&[text], text), None);
        // A company that is the story's subject is not the outlet.
        let text = "Alibaba last week reported that revenue rose. Alibaba said so. Alibaba grew.";
        assert_eq!(self_reference_outlet(&[text], text), None);
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(
            wire_dateline_outlet("BEIJING (Reuters) - Alibaba said on Thursday").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            wire_dateline_outlet("HANGZHOU, China, May 14 (AP) \u{2014} Alibaba").as_deref(),
            Some("AP")
        );
        assert_eq!(wire_dateline_outlet("Alibaba (the company) - said"), None);
    }

    #[test]
    fn syndication_notes() {
        assert_eq!(
            syndication_outlet(
                "This article appeared in the South China Morning Post print edition as: X"
            )
            .as_deref(),
            Some("South China Morning Post")
        );
        assert_eq!(
            syndication_outlet("Read the original article on Business Insider").as_deref(),
            Some("Business Insider")
        );
        assert_eq!(syndication_outlet("Read more about it"), None);
    }

    #[test]
    fn url_hosts_name_the_site() {
        for (url, host) in [
            (
                "http://abcnews.go.com/Politics/story?id=1",
                Some("abcnews.go.com"),
            ),
            ("HTTPS://WWW.Reuters.com", Some("reuters.com")),
            ("https://user@example.org:8080/x", Some("example.org")),
            ("ftp://example.org/x", None),
            ("https://localhost/x", None),
            ("https://", None),
            ("not a url", None),
            ("https://ex<script>.com/", None),
        ] {
            assert_eq!(url_host(url).as_deref(), host, "{url}");
        }
    }

    #[test]
    fn more_meta_lines() {
        let m = parse_meta_line("Jane Doe @janedoe / 8:00 AM GMT+1 \u{2022} May 14, 2015")
            .expect("tech blog");
        assert_eq!(m.authors, ["Jane Doe"]);
        assert_eq!(
            m.dates.first().map(|d| d.1.iso()).as_deref(),
            Some("2015-05-14T08:00")
        );
        let m = parse_meta_line("Jane Doe | May 14, 2015").expect("bare name beside a date");
        assert_eq!(m.authors, ["Jane Doe"]);
        assert_eq!(parse_meta_line("Jane Doe | John Roe"), None);
        assert_eq!(
            clean_credit("JANE DOE Associated Press").as_deref(),
            Some("Jane Doe")
        );
        let m = parse_meta_line("Source: Xinhua | 2015-05-14 17:23:56 | Editor: huaxia")
            .expect("xinhua");
        assert_eq!(
            (m.sources.as_slice(), m.editors.as_slice()),
            (&["Xinhua".to_string()][..], &["huaxia".to_string()][..])
        );
    }

    #[test]
    fn lead_datelines() {
        assert_eq!(
            lead_dateline_date("HANGZHOU, China, May 14, 2015 -- Alibaba Group today announced")
                .as_deref(),
            Some("2015-05-14")
        );
        assert_eq!(
            lead_dateline_date("BEIJING, May 14 (Reuters) - Alibaba said"),
            None
        );
        assert_eq!(lead_dateline_date("In May 14, 2015 - news"), None);
    }

    #[test]
    fn credits() {
        assert_eq!(byline_line("By Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(
            byline_line("By JANE DOE, Staff Writer").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(byline_line("By 2020, Zhang wants more"), None);
        assert_eq!(byline_line("By contrast, the firm grew"), None);
        assert_eq!(
            byline_line("By Jane Doe, Reuters").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            byline_line("By Jane Doe, John Roe and Ann Lee").as_deref(),
            Some("Jane Doe, John Roe and Ann Lee")
        );
        assert_eq!(
            byline_line("By Jane Doe, who has covered China for a decade"),
            None
        );
        assert_eq!(
            credits_line("(Reporting by Jane Doe and John Roe in Beijing; Editing by Ann Lee)"),
            Some(Some("Jane Doe and John Roe".to_string()))
        );
    }

    #[test]
    fn derived_titles() {
        assert_eq!(
            derive_title("Alibaba wants to go global in a big way.\n\nMore."),
            "Alibaba wants to go global in a big way."
        );
        let long = derive_title(
            "Daniel Zhang has only just been appointed CEO of Alibaba, but already he\u{2019}s planning big things for the firm.",
        );
        assert!(
            long.ends_with('\u{2026}') && long.chars().count() <= 81,
            "{long}"
        );
        assert!(long.starts_with("Daniel Zhang has only just been appointed CEO of Alibaba"));
    }
}
