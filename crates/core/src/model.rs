//! The analysed corpus: documents with clean text and metadata, direct quotes
//! with their speakers, named entities, statements reported by several outlets
//! and figures that disagree.
//!
//! Positions are [`Span`]s (byte ranges) into a document's clean `text`, never
//! copies of the text: the reader renders spans as nodes and the text stays in
//! one place. Large text fields are `Cow<'a, str>` so that the embedded corpus
//! bundle can be opened in place (borrowed from the `include_bytes!` blob)
//! while the analyser builds owned values.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A byte range `[start, end)` into one document's clean text.
///
/// Invariant: `start <= end`. Constructed through [`Span::new`], which orders
/// its arguments, so the invariant holds whatever the caller passes.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// A span between two byte offsets, in either order.
    pub fn new(a: usize, b: usize) -> Span {
        let (start, end) = if a <= b { (a, b) } else { (b, a) };
        Span {
            start: clamp_u32(start),
            end: clamp_u32(end),
        }
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start.min(self.end)) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers, or `""` if it does not fit `text` or does
    /// not fall on character boundaries. Never panics.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start()..self.end()).unwrap_or("")
    }
}

fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// One article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document<'a> {
    /// Stable id: the file name without extension; for csv/jsonl rows,
    /// `file-name#row` (1-based data row).
    pub id: String,
    /// Path relative to the corpus folder, with `/` separators.
    pub path: String,
    /// The headline, or a display title derived from the first sentence when
    /// the article has none (`title_derived` is then true).
    pub title: String,
    pub title_derived: bool,
    pub outlet: Option<String>,
    /// ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` when a time is known.
    pub date: Option<String>,
    pub url: Option<String>,
    pub byline: Option<String>,
    /// Clean article text; paragraphs separated by one blank line.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// Page furniture removed from the original, in order.
    #[serde(borrow)]
    pub removed: Vec<Removed<'a>>,
}

impl Document<'_> {
    /// The year of `date`, if known.
    pub fn year(&self) -> Option<i32> {
        self.date.as_deref().and_then(date_year)
    }

    /// `YYYY-MM` of `date`, if the month is known.
    pub fn month(&self) -> Option<&str> {
        let date = self.date.as_deref()?;
        let month = date.get(..7)?;
        (month.as_bytes().get(4) == Some(&b'-')).then_some(month)
    }

    /// Paragraph spans of the clean text (split on blank lines).
    pub fn paragraphs(&self) -> Vec<Span> {
        paragraph_spans(&self.text)
    }

    pub fn into_owned(self) -> Document<'static> {
        Document {
            id: self.id,
            path: self.path,
            title: self.title,
            title_derived: self.title_derived,
            outlet: self.outlet,
            date: self.date,
            url: self.url,
            byline: self.byline,
            text: Cow::Owned(self.text.into_owned()),
            removed: self.removed.into_iter().map(Removed::into_owned).collect(),
        }
    }
}

/// The year of an ISO date string (`2015-05-14` → 2015).
pub fn date_year(date: &str) -> Option<i32> {
    date.get(..4)?.parse().ok()
}

/// Spans of the non-empty paragraphs of `text`, split on blank lines.
pub fn paragraph_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut offset = 0;
    for part in text.split("\n\n") {
        let trimmed = part.trim_matches('\n');
        if !trimmed.trim().is_empty() {
            let lead = part.len() - part.trim_start_matches('\n').len();
            let start = offset + lead;
            spans.push(Span::new(start, start + trimmed.len()));
        }
        offset += part.len() + 2;
    }
    spans
}

/// A block of page furniture taken out of the clean text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Removed<'a> {
    /// Byte offset in the clean text where the block stood (it was removed
    /// just before this offset), so the original can be shown in place.
    pub at: u32,
    /// Why it was removed, e.g. `"newsletter"`, `"tags"`, `"related"`.
    pub reason: String,
    #[serde(borrow)]
    pub text: Cow<'a, str>,
}

impl Removed<'_> {
    pub fn into_owned(self) -> Removed<'static> {
        Removed {
            at: self.at,
            reason: self.reason,
            text: Cow::Owned(self.text.into_owned()),
        }
    }
}

/// A direct quote: words inside quotation marks, attributed where possible.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Index of the document in [`Corpus::documents`].
    pub doc: u32,
    /// The words inside the marks.
    pub span: Span,
    /// The quote including its quotation marks (what the reader replaces
    /// with a `<q>` element, so marks are never doubled).
    pub outer: Span,
    /// Canonical full name of the speaker, when known.
    pub speaker: Option<String>,
    /// Where the speaker is named or referred to for this quote ("Zhang",
    /// "he", "Daniel Zhang").
    pub mention: Option<Span>,
    /// The cue as written: "said", "added", "according to".
    pub cue: Option<String>,
    /// A quoted fragment inside a sentence of the writer's own, rather than a
    /// whole quoted sentence.
    pub partial: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
}

impl EntityKind {
    pub const ALL: [EntityKind; 3] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
        }
    }
}

/// A person, organization or place, merged across documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical name (the fullest form the corpus supports).
    pub name: String,
    pub kind: EntityKind,
    /// Other names for the same entity seen in the corpus.
    pub aliases: Vec<String>,
    /// Every mention, ordered by document then position.
    pub mentions: Vec<Mention>,
}

impl Entity {
    /// `(document index, mention count)` per document, in document order.
    pub fn doc_counts(&self) -> Vec<(u32, usize)> {
        let mut counts: Vec<(u32, usize)> = Vec::new();
        for m in &self.mentions {
            match counts.last_mut() {
                Some((doc, n)) if *doc == m.doc => *n += 1,
                _ => counts.push((m.doc, 1)),
            }
        }
        counts
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub doc: u32,
    pub span: Span,
}

/// One statement as reported by several documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteGroup {
    /// The reports; the first is the base of the diff.
    pub members: Vec<GroupMember>,
    /// `diff[i]` turns member 0's words into member `i`'s words.
    pub diff: Vec<Vec<DiffOp>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupMember {
    pub doc: u32,
    pub span: Span,
    /// Index into [`Corpus::quotes`], or `None` for the same words reused
    /// without quotation marks.
    pub quote: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffKind {
    /// In both.
    Same,
    /// Only in the variant.
    Added,
    /// Only in the base.
    Removed,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffOp {
    pub op: DiffKind,
    pub text: String,
}

/// A number reported with a unit about a subject ("9% stake in Zulily").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub doc: u32,
    /// The figure as written ("roughly 10 percent").
    pub span: Span,
    pub value: f64,
    /// Normalised unit: "percent", "usd", "count", ...
    pub unit: String,
    /// What the figure is about, normalised ("stake in zulily").
    pub subject: String,
    /// Hedged with "about", "roughly", "nearly", ...
    pub approximate: bool,
}

/// Documents that report different values for the same subject and unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Discrepancy {
    pub subject: String,
    pub unit: String,
    pub figures: Vec<Figure>,
}

/// Something the analysis could not do cleanly, naming the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub path: String,
    pub message: String,
}

/// The whole analysed corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus<'a> {
    #[serde(borrow)]
    pub documents: Vec<Document<'a>>,
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
    pub quote_groups: Vec<QuoteGroup>,
    pub discrepancies: Vec<Discrepancy>,
    pub warnings: Vec<Warning>,
}

impl Corpus<'_> {
    /// Quotes of one document, in text order.
    pub fn quotes_of(&self, doc: u32) -> impl Iterator<Item = (usize, &Quote)> {
        self.quotes
            .iter()
            .enumerate()
            .filter(move |(_, q)| q.doc == doc)
    }

    pub fn into_owned(self) -> Corpus<'static> {
        Corpus {
            documents: self
                .documents
                .into_iter()
                .map(Document::into_owned)
                .collect(),
            quotes: self.quotes,
            entities: self.entities,
            quote_groups: self.quote_groups,
            discrepancies: self.discrepancies,
            warnings: self.warnings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_orders_its_ends_and_slices_safely() {
        let s = Span::new(5, 2);
        assert_eq!((s.start, s.end), (2, 5));
        assert_eq!(Span::new(0, 3).slice("héllo"), "hé");
        assert_eq!(Span::new(0, 2).slice("héllo"), "", "not a char boundary");
        assert_eq!(Span::new(3, 99).slice("abc"), "");
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let text = "One.\n\nTwo\nlines.\n\n\n\nThree.";
        let paras: Vec<&str> = paragraph_spans(text)
            .into_iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(paras, ["One.", "Two\nlines.", "Three."]);
    }

    #[test]
    fn month_and_year_come_from_the_iso_date() {
        let doc = Document {
            date: Some("2015-05-14".into()),
            ..Default::default()
        };
        assert_eq!(doc.year(), Some(2015));
        assert_eq!(doc.month(), Some("2015-05"));
    }
}
