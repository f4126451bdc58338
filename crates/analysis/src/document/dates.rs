//! Dates as news pages print them, turned into ISO 8601 (`YYYY-MM-DD`, or
//! `YYYY-MM-DDTHH:MM` when a time is shown).
//!
//! Design: a small tokenizer recognises the *shapes* a dateline takes
//! ("Thu 14 May 2015", "May 14, 2015 at 3:05 p.m. ET", "2021-12-20 12:35",
//! "2015-05-14T10:23:00+08:00"); `chrono` then validates the calendar (no
//! 31 February, a printed weekday must match the date) and parses the
//! machine formats (RFC 3339, RFC 2822, Unix timestamps) that html meta tags
//! and csv exports use. We keep the time as printed, in the page's own zone:
//! converting to UTC would change the *day* a reader sees on the page.
//!
//! Only unambiguous forms are accepted: month names, or year-first numbers.
//! `14/05/2015` and `05/04/2015` are rejected alike, since which number is
//! the day depends on the country of the page, and a wrong date is worse
//! than none. Two-digit years are rejected for the same reason.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// A calendar date with an optional time of day, as printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PrintedDate {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

impl PrintedDate {
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    pub fn iso(self) -> String {
        match self.time {
            Some(t) => format!(
                "{}T{:02}:{:02}",
                self.date.format("%Y-%m-%d"),
                t.hour(),
                t.minute()
            ),
            None => self.date.format("%Y-%m-%d").to_string(),
        }
    }
}

pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Month number (1-12) of an English month name or abbreviation
/// ("May", "Sept.", "dec").
fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(w.as_str())))
        .map(|i| i as u32 + 1)
}

/// Weekday index (0 = Monday) of an English weekday name or abbreviation.
fn weekday_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    let short = ["tues", "weds", "thur", "thurs"];
    if short.contains(&w.as_str()) {
        return WEEKDAYS
            .iter()
            .position(|d| d.starts_with(w.get(..3).unwrap_or("")))
            .map(|i| i as u32);
    }
    WEEKDAYS
        .iter()
        .position(|d| *d == w || (w.len() == 3 && d.starts_with(w.as_str())))
        .map(|i| i as u32)
}

/// Words that may surround a date in a dateline without carrying meaning.
fn is_filler(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "on" | "at" | "of" | "the" | "|" | "-" | "–" | "—" | "/" | "•" | "·"
    )
}

/// Time-zone designators printed after a time; ignored (the time stays as
/// printed).
fn is_zone(word: &str) -> bool {
    let w = word.trim_matches(|c: char| c == '(' || c == ')' || c == '.');
    if w.is_empty() {
        return false;
    }
    let upper = w.to_uppercase();
    let named = [
        "GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT",
        "ET", "PT", "CT", "MT", "HKT", "SGT", "JST", "KST", "IST", "AEST", "AEDT", "NZST", "NZDT",
        "BJT", "Z",
    ];
    if w == upper && named.contains(&upper.as_str()) {
        return true;
    }
    // "+0800", "-05:00", "GMT+8", "UTC+08:00"
    let offset = upper
        .strip_prefix("GMT")
        .or_else(|| upper.strip_prefix("UTC"))
        .unwrap_or(&upper);
    let mut chars = offset.chars();
    matches!(chars.next(), Some('+' | '-'))
        && offset.len() >= 2
        && chars.all(|c| c.is_ascii_digit() || c == ':')
}

/// Parse a clock time: "12:35", "12:35:07", "3:05pm", "3:05 p.m." (the
/// meridiem may be the next word, returned as consumed).
fn parse_time(word: &str, next: Option<&str>) -> Option<(NaiveTime, bool)> {
    let lower = word.to_lowercase();
    let (clock, mut meridiem) = split_meridiem(&lower);
    let mut consumed_next = false;
    if meridiem.is_none() {
        if let Some(n) = next {
            let n = n.to_lowercase();
            let n = n.trim_end_matches(',');
            if matches!(n, "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m") {
                meridiem = Some(n.starts_with('p'));
                consumed_next = true;
            }
        }
    }
    let mut parts = clock.split(':');
    let h: u32 = parse_digits(parts.next()?, 1, 2)?;
    let m: u32 = parse_digits(parts.next()?, 2, 2)?;
    let s: u32 = match parts.next() {
        Some(p) => parse_digits(p.split('.').next()?, 2, 2)?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    let h = match meridiem {
        Some(pm) if (1..=12).contains(&h) => (h % 12) + if pm { 12 } else { 0 },
        Some(_) => return None,
        None => h,
    };
    NaiveTime::from_hms_opt(h, m, s).map(|t| (t, consumed_next))
}

fn split_meridiem(word: &str) -> (&str, Option<bool>) {
    for (suffix, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if let Some(rest) = word.strip_suffix(suffix) {
            if rest.ends_with(|c: char| c.is_ascii_digit()) {
                return (rest, Some(pm));
            }
        }
    }
    (word, None)
}

/// A run of ASCII digits of length `min..=max`.
fn parse_digits(s: &str, min: usize, max: usize) -> Option<u32> {
    if s.len() < min || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Day of month from "14", "14th", "1st", "22nd", "3rd".
fn parse_day(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(&w);
    let d = parse_digits(digits, 1, 2)?;
    (1..=31).contains(&d).then_some(d)
}

fn parse_year(word: &str) -> Option<i32> {
    let y = parse_digits(word, 4, 4)?;
    (1800..=2200).contains(&y).then_some(y as i32)
}

/// Year-first numeric dates: `2015-05-14`, `2015/05/14`, `2015.05.14`,
/// optionally with `T10:23[:00][Z|+08:00]` attached.
fn parse_year_first(word: &str) -> Option<PrintedDate> {
    let (date_part, time_part) = match word.find(['T', 't']) {
        Some(i) => (word.get(..i)?, word.get(i + 1..)),
        None => (word, None),
    };
    let sep = date_part.chars().nth(4)?;
    if !matches!(sep, '-' | '/' | '.') {
        return None;
    }
    let mut parts = date_part.split(sep);
    let y = parse_year(parts.next()?)?;
    let m = parse_digits(parts.next()?, 1, 2)?;
    let d = parse_digits(parts.next()?, 1, 2)?;
    if parts.next().is_some() {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y, m, d)?;
    let time = match time_part {
        Some(t) => {
            // Drop a zone suffix: "Z", "+08:00", "-0500".
            let clock = t
                .trim_end_matches(['Z', 'z'])
                .split(['+', '-'])
                .next()
                .unwrap_or("");
            Some(parse_time(clock, None)?.0)
        }
        None => None,
    };
    Some(PrintedDate { date, time })
}

/// Split a dateline into words, treating commas and separators as breaks
/// but keeping `p.m.` and `14th` whole.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == '•' || c == '·')
        .map(|w| w.trim_matches(|c: char| c == '(' || c == ')' || c == '[' || c == ']'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Parse `text` when it is *only* a date (with optional weekday, time, zone
/// and filler words like "on"/"at"), e.g. a dateline line or a meta value.
/// Anything else left over means it is not a date line: `None`.
pub fn parse_date_only(text: &str) -> Option<PrintedDate> {
    let ws = words(text);
    let (found, used) = parse_at(&ws, 0)?;
    let rest_ok = ws.iter().skip(used).all(|w| is_zone(w) || is_filler(w));
    rest_ok.then_some(found)
}

/// Parse a date starting at word `i` (after optional weekday/filler words).
/// Returns the date and the index just past the last word consumed.
fn parse_at(ws: &[&str], mut i: usize) -> Option<(PrintedDate, usize)> {
    let mut weekday = None;
    // A time may come first: "10:32 a.m. ET, Thu May 14, 2015".
    let mut leading_time = None;
    if let Some((t, consumed)) = ws
        .get(i)
        .filter(|w| w.contains(':'))
        .and_then(|w| parse_time(w, ws.get(i + 1).copied()))
    {
        leading_time = Some(t);
        i += 1 + usize::from(consumed);
        while ws.get(i).is_some_and(|w| is_zone(w)) {
            i += 1;
        }
    }
    while let Some(w) = ws.get(i) {
        if is_filler(w) {
            i += 1;
        } else if let Some(d) = weekday_number(w) {
            weekday = Some(d);
            i += 1;
        } else {
            break;
        }
    }
    let first = *ws.get(i)?;
    let (mut found, mut next) = if let Some(p) = parse_year_first(first) {
        (p, i + 1)
    } else if let Some(month) = month_number(first) {
        // Month D, YYYY
        let day = parse_day(ws.get(i + 1)?)?;
        let year = parse_year(ws.get(i + 2)?)?;
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        (PrintedDate { date, time: None }, i + 3)
    } else if let Some(day) = parse_day(first) {
        // D Month YYYY
        let month = month_number(ws.get(i + 1)?)?;
        let year = parse_year(ws.get(i + 2)?)?;
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        (PrintedDate { date, time: None }, i + 3)
    } else {
        return None;
    };
    if let Some(d) = weekday {
        if found.date.weekday().num_days_from_monday() != d {
            return None;
        }
    }
    if leading_time.is_some() {
        found.time = leading_time;
    }
    if found.time.is_none() {
        // Optional time: "12:35", "at 3:05 p.m.", "- 10:00", "09.30 BST".
        let mut j = next;
        while ws.get(j).is_some_and(|w| is_filler(w)) {
            j += 1;
        }
        if let Some(w) = ws.get(j) {
            let dotted = w.len() == 5 && w.as_bytes().get(2) == Some(&b'.');
            let clock = if dotted {
                w.replace('.', ":")
            } else {
                w.to_string()
            };
            if let Some((t, consumed)) = parse_time(&clock, ws.get(j + 1).copied()) {
                found.time = Some(t);
                next = j + 1 + usize::from(consumed);
            }
        }
    }
    Some((found, next))
}

/// Find the first date anywhere in `text` ("Updated: May 14, 2015 ...").
/// Used only on lines already known to be datelines, never on prose.
pub fn find_date(text: &str) -> Option<PrintedDate> {
    let ws = words(text);
    (0..ws.len()).find_map(|i| parse_at(&ws, i).map(|(d, _)| d))
}

/// Normalise a date given as explicit metadata (html meta, csv column,
/// manifest): ISO 8601 / RFC 3339, RFC 2822, Unix seconds or milliseconds,
/// or any printed form [`parse_date_only`] accepts. A time of exactly
/// midnight with seconds is taken as "date only": feeds write
/// `T00:00:00` when they know just the day.
pub fn normalize_date(value: &str) -> Option<String> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(v) {
        return Some(with_time(dt.naive_local()));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(v) {
        return Some(with_time(dt.naive_local()));
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(v, fmt) {
            return Some(with_time(dt));
        }
    }
    if v.len() >= 9 && v.len() <= 13 && v.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = v.parse().ok()?;
        let secs = if v.len() == 13 { n / 1000 } else { n };
        let dt = DateTime::from_timestamp(secs, 0)?;
        return Some(with_time(dt.naive_utc()));
    }
    parse_date_only(v).map(PrintedDate::iso)
}

fn with_time(dt: NaiveDateTime) -> String {
    let time = dt.time();
    if time == NaiveTime::MIN {
        dt.date().format("%Y-%m-%d").to_string()
    } else {
        PrintedDate {
            date: dt.date(),
            time: Some(time),
        }
        .iso()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn only(text: &str) -> Option<String> {
        parse_date_only(text).map(PrintedDate::iso)
    }

    #[test]
    fn printed_datelines() {
        let cases = [
            ("Thu 14 May 2015", Some("2015-05-14")),
            ("Thursday, May 14, 2015", Some("2015-05-14")),
            ("May 14, 2015 3:05 p.m. ET", Some("2015-05-14T15:05")),
            ("14 May 2015 at 12:35", Some("2015-05-14T12:35")),
            ("2021-12-20 12:35", Some("2021-12-20T12:35")),
            ("2015-05-14T10:23:00+08:00", Some("2015-05-14T10:23")),
            ("Sept. 3, 2019", Some("2019-09-03")),
            ("10:32 a.m. ET, Thu May 14, 2015", Some("2015-05-14T10:32")),
            ("Thu 14 May 2015 09.30 BST", Some("2015-05-14T09:30")),
            ("on Thu 14 May 2015 09.30 BST", Some("2015-05-14T09:30")),
            ("May 14th, 2015", Some("2015-05-14")),
            // A weekday that does not match is a misreading, not a date.
            ("Mon 14 May 2015", None),
            // Ambiguous or incomplete forms are refused.
            ("14/05/2015", None),
            ("05/04/2015", None),
            ("May 14", None),
            ("31 February 2015", None),
            ("14 May 15", None),
            // Prose is not a dateline.
            ("In May 2015 the company said", None),
            ("May 14, 2015 was a busy day", None),
        ];
        for (input, expected) in cases {
            assert_eq!(only(input).as_deref(), expected, "{input}");
        }
    }

    #[test]
    fn explicit_metadata_values() {
        let cases = [
            ("2015-05-14", Some("2015-05-14")),
            ("2015-05-14T00:00:00Z", Some("2015-05-14")),
            ("2015-05-14T10:23:00Z", Some("2015-05-14T10:23")),
            ("Thu, 14 May 2015 10:23:00 +0000", Some("2015-05-14T10:23")),
            ("2015-05-14 10:23:00", Some("2015-05-14T10:23")),
            ("1431599000", Some("2015-05-14T10:23")),
            ("May 14, 2015", Some("2015-05-14")),
            ("soon", None),
            ("", None),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize_date(input).as_deref(), expected, "{input}");
        }
    }

    #[test]
    fn find_date_inside_a_labelled_line() {
        assert_eq!(
            find_date("Updated: May 14, 2015 12:00 pm").map(PrintedDate::iso),
            Some("2015-05-14T12:00".to_string())
        );
        assert_eq!(find_date("Updated recently"), None);
    }
}
