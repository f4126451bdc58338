//! Figures that disagree across outlets ([`Figure`], [`Discrepancy`]).
//!
//! Every document's clean text is read for numbers with a unit (percent,
//! a currency, or a count of some noun) and a subject ([`extract`],
//! [`subject`]). Figures with the same normalised subject and unit, from
//! documents of different outlets, are compared; if two cannot both be
//! true, all the figures of that subject and unit form a [`Discrepancy`].
//!
//! **When do two figures disagree?** Each figure stands for an interval:
//! - an exact figure for its rounding interval as written: `9%` is
//!   [8.5, 9.5), so `9.4%` agrees with it and `10%` does not; `$25 billion`
//!   agrees with `$25.03 billion`;
//! - a hedged figure widens that: `about`/`roughly`/`around` by 5% either
//!   way, `nearly`/`up to`/`less than` by 10% below, `more than`/`over`/`at
//!   least` by 20% above.
//!
//! Two figures disagree when their intervals do not overlap (touching
//! intervals do not overlap). So "roughly 10 percent" ([9.5, 10.5]) against
//! an exact "9%" ([8.5, 9.5]) is a discrepancy worth showing, and the figure's
//! `approximate` flag lets the reader see that one side was hedged; "about
//! 10 percent" against "10.2 percent" is not.
//!
//! **Which figures are compared?** Only the same subject *and* unit, and
//! only when their sentences share a proper name (the Zulily of "9% stake
//! in Zulily"), so "14,000 calls" and "30 calls" in unrelated stories are
//! never paired; only the same subject *and* unit, so
//! "41 percent" business-volume growth never meets "62 percent" order-volume
//! growth; only across outlets (a document without an outlet counts as its
//! own), since one outlet updating its own number is not a disagreement
//! between outlets; and only when the two documents are dated within a year
//! of each other or either date is unknown, since a figure from a story six
//! years later describes a different moment. Figures without a subject are
//! kept in the figure list but never paired.

mod extract;
mod subject;
mod words;

use crate::document::dates;
use clippings_core::{Discrepancy, Document, Figure, Span};
use extract::{Found, Hedge};
use std::collections::{BTreeMap, BTreeSet};

/// Disagreeing figures of `documents`, ordered by their first figure.
pub fn discrepancies(documents: &[Document]) -> Vec<Discrepancy> {
    let mut by_key: BTreeMap<(String, String), Vec<(usize, Found)>> = BTreeMap::new();
    for (d, doc) in documents.iter().enumerate() {
        for found in found_in(&doc.text) {
            if found.subject.is_empty() {
                continue;
            }
            by_key
                .entry((found.subject.clone(), found.unit.clone()))
                .or_default()
                .push((d, found));
        }
    }
    let mut out: Vec<Discrepancy> = Vec::new();
    for ((subject, unit), mut items) in by_key {
        // One report per document and value.
        items.sort_by_key(|(d, f)| (*d, f.start));
        let mut kept: Vec<(usize, Found)> = Vec::new();
        for (d, f) in items {
            let duplicate = kept
                .iter()
                .any(|(kd, kf)| *kd == d && kf.value == f.value && kf.hedge == f.hedge);
            if !duplicate {
                kept.push((d, f));
            }
        }
        // Figures about the same thing share a proper name in their
        // sentences ("… stake in … Zulily"); "14,000 calls" and "30 calls"
        // in unrelated stories do not. Cluster by shared names, then look
        // for a disagreement inside each cluster.
        let anchors: Vec<BTreeSet<String>> = kept
            .iter()
            .map(|(d, f)| sentence_anchors(&documents[*d].text, f.start, f.end))
            .collect();
        let mut cluster: Vec<usize> = (0..kept.len()).collect();
        fn root(cluster: &mut [usize], mut i: usize) -> usize {
            while cluster[i] != i {
                cluster[i] = cluster[cluster[i]];
                i = cluster[i];
            }
            i
        }
        for i in 0..kept.len() {
            for j in i + 1..kept.len() {
                if !anchors[i].is_disjoint(&anchors[j]) {
                    let (a, b) = (root(&mut cluster, i), root(&mut cluster, j));
                    cluster[a.max(b)] = a.min(b);
                }
            }
        }
        let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..kept.len() {
            let r = root(&mut cluster, i);
            members.entry(r).or_default().push(i);
        }
        for group in members.values() {
            let disagree = group.iter().enumerate().any(|(x, &i)| {
                group.iter().skip(x + 1).any(|&j| {
                    let ((da, fa), (db, fb)) = (&kept[i], &kept[j]);
                    comparable(documents, *da, *db)
                        && !intervals_overlap(fa, fb)
                        && !anchors[i].is_disjoint(&anchors[j])
                })
            });
            if disagree {
                out.push(Discrepancy {
                    subject: subject.clone(),
                    unit: unit.clone(),
                    figures: group
                        .iter()
                        .map(|&i| to_figure(kept[i].0, &kept[i].1))
                        .collect(),
                });
            }
        }
    }
    out.sort_by_key(|d| d.figures.first().map(|f| (f.doc, f.span.start)));
    out
}

/// Proper names in the sentence around `[start, end)`: capitalized words
/// but calendar words and a few capitalized function words, lower-cased.
fn sentence_anchors(text: &str, start: usize, end: usize) -> BTreeSet<String> {
    const SKIP: &[&str] = &[
        "the", "a", "an", "in", "on", "at", "of", "and", "but", "for", "with", "by", "it", "its",
        "he", "she", "they", "we", "i", "this", "that", "mr", "mrs", "ms", "dr",
    ];
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let from = text
        .get(..start)
        .and_then(|b| b.rfind(is_end).map(|i| i + 1))
        .unwrap_or(0);
    let to = text
        .get(end..)
        .and_then(|a| a.find(is_end).map(|i| end + i))
        .unwrap_or(text.len());
    let sentence = text.get(from..to).unwrap_or("");
    sentence
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .enumerate()
        .filter(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
        .map(|(i, w)| (i, w.to_lowercase()))
        // The sentence's first word is a name only if the document never
        // writes it in lower case ("Cainiao handled", not "Last week").
        .filter(|(i, w)| *i > 0 || !text.contains(&format!(" {w} ")))
        .map(|(_, w)| w)
        .filter(|w| !SKIP.contains(&w.as_str()))
        .filter(|w| !dates::MONTHS.contains(&w.as_str()) && !dates::WEEKDAYS.contains(&w.as_str()))
        .collect()
}

/// Every figure of one text, as document `doc`'s, in text order.
pub fn figures_in(doc: u32, text: &str) -> Vec<Figure> {
    found_in(text)
        .iter()
        .map(|f| to_figure(doc as usize, f))
        .collect()
}

fn found_in(text: &str) -> Vec<Found> {
    let words = words::words(text);
    extract::figures(&words, yuan_context(&words))
}

/// `¥` is both yuan and yen: read it as yuan where China is talked about
/// more than Japan.
fn yuan_context(words: &[words::FWord]) -> bool {
    let (mut china, mut japan) = (0, 0);
    for w in words {
        match w.form.as_str() {
            "china" | "chinese" | "yuan" | "rmb" | "renminbi" | "beijing" | "shanghai" => {
                china += 1
            }
            "japan" | "japanese" | "yen" | "tokyo" => japan += 1,
            _ => {}
        }
    }
    china > japan
}

fn to_figure(doc: usize, f: &Found) -> Figure {
    Figure {
        doc: doc as u32,
        span: Span::new(f.start, f.end),
        value: f.value,
        unit: f.unit.clone(),
        subject: f.subject.clone(),
        approximate: f.hedge != Hedge::Exact,
    }
}

/// The interval a figure stands for; see the module docs.
fn interval(f: &Found) -> (f64, f64) {
    let v = f.value;
    let half = f.precision.abs() / 2.0;
    let (lo, hi) = (v - half, v + half);
    match f.hedge {
        Hedge::Exact => (lo, hi),
        Hedge::Around => (lo.min(v * 0.95), hi.max(v * 1.05)),
        Hedge::AtMost => (lo.min(v * 0.9), hi),
        Hedge::AtLeast => (lo, hi.max(v * 1.2)),
    }
}

fn intervals_overlap(a: &Found, b: &Found) -> bool {
    let (a_lo, a_hi) = interval(a);
    let (b_lo, b_hi) = interval(b);
    a_lo < b_hi && b_lo < a_hi
}

/// Different outlets, dated within a year of each other (or undated).
fn comparable(documents: &[Document], a: usize, b: usize) -> bool {
    if a == b {
        return false;
    }
    let (Some(da), Some(db)) = (documents.get(a), documents.get(b)) else {
        return false;
    };
    let outlet = |d: &Document| d.outlet.as_deref().map(|o| o.trim().to_lowercase());
    if let (Some(oa), Some(ob)) = (outlet(da), outlet(db)) {
        if !oa.is_empty() && oa == ob {
            return false;
        }
    }
    match (
        da.date.as_deref().and_then(day_number),
        db.date.as_deref().and_then(day_number),
    ) {
        (Some(x), Some(y)) => (x - y).abs() <= 366,
        _ => true,
    }
}

/// Days since 1970-01-01 of an ISO date (`YYYY-MM-DD...`).
fn day_number(date: &str) -> Option<i64> {
    let y: i64 = date.get(..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    let d: i64 = date.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(value: f64, precision: f64, hedge: Hedge) -> Found {
        Found {
            start: 0,
            end: 0,
            value,
            precision,
            unit: "percent".into(),
            subject: "stake in zulily".into(),
            hedge,
            parts: None,
            first_word: 0,
            end_word: 0,
        }
    }

    #[test]
    fn rounding_and_hedges_decide_agreement() {
        let exact = |v: f64, p: f64| found(v, p, Hedge::Exact);
        assert!(!intervals_overlap(
            &exact(9.0, 1.0),
            &found(10.0, 1.0, Hedge::Around)
        ));
        assert!(intervals_overlap(&exact(9.4, 0.1), &exact(9.0, 1.0)));
        assert!(!intervals_overlap(&exact(9.0, 1.0), &exact(10.0, 1.0)));
        assert!(intervals_overlap(
            &exact(10.2, 0.1),
            &found(10.0, 1.0, Hedge::Around)
        ));
        assert!(intervals_overlap(
            &exact(9.5, 0.1),
            &found(10.0, 1.0, Hedge::AtMost)
        ));
        assert!(intervals_overlap(
            &exact(5.5e6, 1e5),
            &found(5e6, 1e6, Hedge::AtLeast)
        ));
        assert!(!intervals_overlap(
            &exact(8e6, 1e6),
            &found(5e6, 1e6, Hedge::AtLeast)
        ));
    }

    #[test]
    fn day_numbers_count_days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(
            day_number("2015-05-14T10:00"),
            day_number("2015-05-13").map(|d| d + 1)
        );
        assert_eq!(day_number("2015-13-01"), None);
        assert_eq!(day_number("15"), None);
    }
}
