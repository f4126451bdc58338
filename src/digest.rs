//! What the Quotes, Coverage, Timeline and Entities views show, and what the
//! export buttons download, computed from the corpus and the current search
//! results. Pure data shaping: no DOM and no yew, so it is tested natively
//! (`cargo test -p clippings-app`). The components only render these.

use clippings_core::{Corpus, EntityKind, Span};
use clippings_search::{FacetKind, Hit, QuoteHit, Selection};
use std::collections::{BTreeMap, HashMap, HashSet};

// ---------------------------------------------------------------------------
// Quotes

/// One entry of the Quotes view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteItem {
    /// A quote reported once.
    Single { quote: u32 },
    /// A statement reported by several documents (index into
    /// `corpus.quote_groups`), shown once; `quote` is the matching quote that
    /// brought it in.
    Group { group: u32, quote: u32 },
}

impl QuoteItem {
    pub fn quote(self) -> u32 {
        match self {
            QuoteItem::Single { quote } | QuoteItem::Group { quote, .. } => quote,
        }
    }
}

/// The quotes of one speaker (`None`: unattributed).
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerQuotes {
    pub speaker: Option<String>,
    pub items: Vec<QuoteItem>,
}

/// Quote index → quote group index.
fn quote_groups_by_quote(corpus: &Corpus<'_>) -> HashMap<u32, u32> {
    let mut map = HashMap::new();
    for (g, group) in corpus.quote_groups.iter().enumerate() {
        for m in &group.members {
            if let Some(q) = m.quote {
                map.entry(q).or_insert(g as u32);
            }
        }
    }
    map
}

/// Every matching quote grouped by speaker (most quoted first, unattributed
/// last); a statement reported by several outlets appears once. A speaker
/// facet selection also narrows the quotes themselves, not just the
/// articles they come from.
pub fn quotes_by_speaker(
    corpus: &Corpus<'_>,
    hits: &[QuoteHit],
    selections: &[Selection],
) -> Vec<SpeakerQuotes> {
    let speaker_sel = selections
        .iter()
        .find(|s| s.facet == Some(FacetKind::Speaker));
    let groups = quote_groups_by_quote(corpus);
    let mut seen_groups: HashSet<u32> = HashSet::new();
    let mut by_speaker: Vec<SpeakerQuotes> = Vec::new();
    let mut index: HashMap<Option<String>, usize> = HashMap::new();
    for hit in hits {
        let Some(q) = corpus.quotes.get(hit.quote as usize) else {
            continue;
        };
        if let Some(sel) = speaker_sel {
            let name = q.speaker.as_deref().unwrap_or("");
            if !sel.include.is_empty() && !sel.include.iter().any(|v| v == name) {
                continue;
            }
            if sel.exclude.iter().any(|v| v == name) {
                continue;
            }
        }
        let item = match groups.get(&hit.quote) {
            Some(&g) => {
                if !seen_groups.insert(g) {
                    continue;
                }
                QuoteItem::Group {
                    group: g,
                    quote: hit.quote,
                }
            }
            None => QuoteItem::Single { quote: hit.quote },
        };
        let i = *index.entry(q.speaker.clone()).or_insert_with(|| {
            by_speaker.push(SpeakerQuotes {
                speaker: q.speaker.clone(),
                items: Vec::new(),
            });
            by_speaker.len() - 1
        });
        by_speaker[i].items.push(item);
    }
    by_speaker.sort_by(|a, b| {
        a.speaker
            .is_none()
            .cmp(&b.speaker.is_none())
            .then(b.items.len().cmp(&a.items.len()))
            .then_with(|| a.speaker.cmp(&b.speaker))
    });
    by_speaker
}

/// How many distinct outlets report a quote group (unknown outlets count
/// once each document).
pub fn group_outlets(corpus: &Corpus<'_>, group: u32) -> usize {
    let Some(g) = corpus.quote_groups.get(group as usize) else {
        return 0;
    };
    let mut outlets: HashSet<String> = HashSet::new();
    for m in &g.members {
        let doc = corpus.documents.get(m.doc as usize);
        let key = match doc.and_then(|d| d.outlet.clone()) {
            Some(o) => o,
            None => format!("\u{0}doc{}", m.doc),
        };
        outlets.insert(key);
    }
    outlets.len()
}

/// A citation: Speaker, “quote”, Outlet, date.
pub fn citation(
    speaker: Option<&str>,
    words: &str,
    outlet: Option<&str>,
    date: Option<&str>,
) -> String {
    let words: String = words.split_whitespace().collect::<Vec<_>>().join(" ");
    // The sentence's own punctuation is not part of the quote.
    let words = words.trim_end_matches([',', ';', ':']);
    format!(
        "{}, “{}”, {}, {}",
        speaker.unwrap_or("Unattributed speaker"),
        words,
        outlet.unwrap_or("outlet unknown"),
        date.map(|d| d.replace('T', " "))
            .unwrap_or_else(|| "undated".into())
    )
}

/// The citation of one quote of the corpus.
pub fn quote_citation(corpus: &Corpus<'_>, quote: u32) -> Option<String> {
    let q = corpus.quotes.get(quote as usize)?;
    let doc = corpus.documents.get(q.doc as usize)?;
    Some(citation(
        q.speaker.as_deref(),
        q.span.slice(&doc.text),
        doc.outlet.as_deref(),
        doc.date.as_deref(),
    ))
}

// ---------------------------------------------------------------------------
// Long lists

/// The first `cap` items unless `all`, and how many were left out. The
/// Coverage, Timeline and Entities views render lists this way: on a corpus
/// of thousands of articles, every statement, article and name at once is
/// tens of thousands of nodes per keystroke; "Show all" lifts the cap, and
/// exports always hold everything.
pub fn capped<T>(items: &[T], cap: usize, all: bool) -> (&[T], usize) {
    if all || items.len() <= cap {
        (items, 0)
    } else {
        (&items[..cap], items.len() - cap)
    }
}

// ---------------------------------------------------------------------------
// Coverage

/// One figure that disagrees with another outlet's.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureRef {
    /// Index into `corpus.discrepancies`.
    pub discrepancy: usize,
    /// Index into that discrepancy's `figures`.
    pub figure: usize,
}

/// One row of the Coverage table.
#[derive(Clone, Debug, PartialEq)]
pub struct OutletRow {
    pub outlet: Option<String>,
    /// Its matching documents, oldest first (undated last).
    pub docs: Vec<u32>,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// Statements (quote groups) it carried.
    pub groups: Vec<u32>,
    /// Its figures that other outlets report differently.
    pub figures: Vec<FigureRef>,
}

/// One row per outlet over the matching articles (most articles first,
/// unknown outlet last).
pub fn coverage(corpus: &Corpus<'_>, hits: &[Hit]) -> Vec<OutletRow> {
    // Dense per-document tables, not hash maps: this runs on every
    // keystroke over every result and every statement of the corpus.
    let n = corpus.documents.len();
    let mut ordered: Vec<u32> = hits
        .iter()
        .map(|h| h.doc)
        .filter(|&d| (d as usize) < n)
        .collect();
    ordered.sort_unstable();
    ordered.dedup();
    let mut rows: Vec<OutletRow> = Vec::new();
    let mut row_of: HashMap<Option<&str>, usize> = HashMap::new();
    ordered.sort_by(|&a, &b| date_order(corpus, a, b));
    for d in ordered {
        let Some(doc) = corpus.documents.get(d as usize) else {
            continue;
        };
        let i = *row_of.entry(doc.outlet.as_deref()).or_insert_with(|| {
            rows.push(OutletRow {
                outlet: doc.outlet.clone(),
                docs: Vec::new(),
                first_date: None,
                last_date: None,
                groups: Vec::new(),
                figures: Vec::new(),
            });
            rows.len() - 1
        });
        let row = &mut rows[i];
        row.docs.push(d);
        if let Some(date) = &doc.date {
            if row.first_date.is_none() {
                row.first_date = Some(date.clone());
            }
            row.last_date = Some(date.clone());
        }
    }
    let mut row_of_doc: Vec<Option<usize>> = vec![None; n];
    for (i, r) in rows.iter().enumerate() {
        for &d in &r.docs {
            row_of_doc[d as usize] = Some(i);
        }
    }
    let row_of_doc = |d: u32| row_of_doc.get(d as usize).copied().flatten();
    for (g, group) in corpus.quote_groups.iter().enumerate() {
        let mut carried: Vec<usize> = group
            .members
            .iter()
            .filter_map(|m| row_of_doc(m.doc))
            .collect();
        carried.sort_unstable();
        carried.dedup();
        for i in carried {
            rows[i].groups.push(g as u32);
        }
    }
    for (di, disc) in corpus.discrepancies.iter().enumerate() {
        for (fi, f) in disc.figures.iter().enumerate() {
            if let Some(i) = row_of_doc(f.doc) {
                rows[i].figures.push(FigureRef {
                    discrepancy: di,
                    figure: fi,
                });
            }
        }
    }
    rows.sort_by(|a, b| {
        a.outlet
            .is_none()
            .cmp(&b.outlet.is_none())
            .then(b.docs.len().cmp(&a.docs.len()))
            .then_with(|| a.outlet.cmp(&b.outlet))
    });
    rows
}

/// Discrepancies with at least two of their figures among the matching
/// articles.
pub fn discrepancies_in(corpus: &Corpus<'_>, hits: &[Hit]) -> Vec<usize> {
    let docs: HashSet<u32> = hits.iter().map(|h| h.doc).collect();
    corpus
        .discrepancies
        .iter()
        .enumerate()
        .filter(|(_, d)| d.figures.iter().filter(|f| docs.contains(&f.doc)).count() >= 2)
        .map(|(i, _)| i)
        .collect()
}

fn date_order(corpus: &Corpus<'_>, a: u32, b: u32) -> std::cmp::Ordering {
    let date = |d: u32| {
        corpus
            .documents
            .get(d as usize)
            .and_then(|doc| doc.date.as_deref())
    };
    match (date(a), date(b)) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
    .then(a.cmp(&b))
}

/// The words a span covers, with runs of whitespace as one space.
pub fn span_words(text: &str, span: Span) -> String {
    span.slice(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first `n` words of `text`, with "…" when cut.
pub fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= n {
        words.join(" ")
    } else {
        format!("{} …", words[..n].join(" "))
    }
}

// ---------------------------------------------------------------------------
// Timeline

#[derive(Clone, Debug, PartialEq)]
pub struct MonthDocs {
    /// `YYYY-MM`, or `None` when only the year is known.
    pub month: Option<String>,
    pub docs: Vec<u32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct YearDocs {
    pub year: i32,
    pub months: Vec<MonthDocs>,
}

impl YearDocs {
    pub fn count(&self) -> usize {
        self.months.iter().map(|m| m.docs.len()).sum()
    }
}

/// The matching articles by year and month (oldest first), and the undated
/// ones apart.
pub fn timeline(corpus: &Corpus<'_>, hits: &[Hit]) -> (Vec<YearDocs>, Vec<u32>) {
    let mut years: BTreeMap<i32, BTreeMap<Option<String>, Vec<u32>>> = BTreeMap::new();
    let mut undated = Vec::new();
    let mut docs: Vec<u32> = hits.iter().map(|h| h.doc).collect();
    docs.sort_by(|&a, &b| date_order(corpus, a, b));
    docs.dedup();
    for d in docs {
        let Some(doc) = corpus.documents.get(d as usize) else {
            continue;
        };
        match doc.year() {
            Some(y) => years
                .entry(y)
                .or_default()
                .entry(doc.month().map(str::to_string))
                .or_default()
                .push(d),
            None => undated.push(d),
        }
    }
    let years = years
        .into_iter()
        .map(|(year, months)| YearDocs {
            year,
            months: months
                .into_iter()
                .map(|(month, docs)| MonthDocs { month, docs })
                .collect(),
        })
        .collect();
    (years, undated)
}

/// "May 2015" for "2015-05".
pub fn month_label(month: &str) -> String {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (y, m) = month.split_once('-').unwrap_or((month, ""));
    match m
        .parse::<usize>()
        .ok()
        .and_then(|m| NAMES.get(m.wrapping_sub(1)))
    {
        Some(name) => format!("{name} {y}"),
        None => month.to_string(),
    }
}

// ---------------------------------------------------------------------------
// Entities

#[derive(Clone, Debug, PartialEq)]
pub struct EntityRow {
    /// Index into `corpus.entities`.
    pub entity: u32,
    /// Matching articles that mention it.
    pub docs: usize,
    /// Its mentions in those articles.
    pub mentions: usize,
}

/// People, organizations and places mentioned in the matching articles,
/// most widespread first.
pub fn entities(corpus: &Corpus<'_>, hits: &[Hit]) -> Vec<(EntityKind, Vec<EntityRow>)> {
    let docs: HashSet<u32> = hits.iter().map(|h| h.doc).collect();
    EntityKind::ALL
        .into_iter()
        .map(|kind| {
            let mut rows: Vec<EntityRow> = corpus
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == kind)
                .filter_map(|(i, e)| {
                    let counts: Vec<(u32, usize)> = e
                        .doc_counts()
                        .into_iter()
                        .filter(|(d, _)| docs.contains(d))
                        .collect();
                    let mentions: usize = counts.iter().map(|(_, n)| n).sum();
                    (!counts.is_empty()).then_some(EntityRow {
                        entity: i as u32,
                        docs: counts.len(),
                        mentions,
                    })
                })
                .collect();
            rows.sort_by(|a, b| {
                b.docs
                    .cmp(&a.docs)
                    .then(b.mentions.cmp(&a.mentions))
                    .then_with(|| {
                        let name = |r: &EntityRow| {
                            corpus
                                .entities
                                .get(r.entity as usize)
                                .map(|e| e.name.clone())
                        };
                        name(a).cmp(&name(b))
                    })
            });
            (kind, rows)
        })
        .collect()
}

pub fn entity_kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Organization => "Organizations",
        EntityKind::Place => "Places",
    }
}

// ---------------------------------------------------------------------------
// Export

/// One cell of an exported table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Num(usize),
    Empty,
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}

impl From<usize> for Cell {
    fn from(n: usize) -> Cell {
        Cell::Num(n)
    }
}

impl From<Option<String>> for Cell {
    fn from(s: Option<String>) -> Cell {
        s.map_or(Cell::Empty, Cell::Text)
    }
}

impl From<Option<&str>> for Cell {
    fn from(s: Option<&str>) -> Cell {
        s.map_or(Cell::Empty, |s| Cell::Text(s.to_string()))
    }
}

/// What a view shows, as rows for CSV and JSON.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(columns: &[&'static str]) -> Table {
        Table {
            columns: columns.to_vec(),
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }

    /// RFC 4180 CSV with a header row. Text cells that a spreadsheet would
    /// run as a formula get a leading `'`.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let line = |cells: Vec<String>| cells.join(",") + "\r\n";
        out.push_str(&line(self.columns.iter().map(|c| csv_field(c)).collect()));
        for row in &self.rows {
            out.push_str(&line(
                row.iter()
                    .map(|c| match c {
                        Cell::Text(s) => {
                            let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                                format!("'{s}")
                            } else {
                                s.clone()
                            };
                            csv_field(&s)
                        }
                        Cell::Num(n) => n.to_string(),
                        Cell::Empty => String::new(),
                    })
                    .collect(),
            ));
        }
        out
    }

    /// `{"view": …, "query": …, "filters": […], "rows": [{column: value}]}`.
    pub fn to_json(&self, view: &str, query: &str, selections: &[Selection]) -> String {
        let mut out = String::from("{\n");
        out.push_str(&format!("  \"view\": {},\n", json_string(view)));
        out.push_str(&format!("  \"query\": {},\n", json_string(query)));
        let filters: Vec<String> = selection_words(selections)
            .iter()
            .map(|f| json_string(f))
            .collect();
        out.push_str(&format!("  \"filters\": [{}],\n", filters.join(", ")));
        out.push_str("  \"rows\": [");
        for (i, row) in self.rows.iter().enumerate() {
            out.push_str(if i == 0 { "\n    {" } else { ",\n    {" });
            let fields: Vec<String> = self
                .columns
                .iter()
                .zip(row)
                .map(|(c, v)| {
                    let v = match v {
                        Cell::Text(s) => json_string(s),
                        Cell::Num(n) => n.to_string(),
                        Cell::Empty => "null".into(),
                    };
                    format!("{}: {v}", json_string(c))
                })
                .collect();
            out.push_str(&fields.join(", "));
            out.push('}');
        }
        out.push_str(if self.rows.is_empty() {
            "]\n}\n"
        } else {
            "\n  ]\n}\n"
        });
        out
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Filters in words: `outlet:The Stack`, `-year:2015`.
pub fn selection_words(selections: &[Selection]) -> Vec<String> {
    let mut out = Vec::new();
    for s in selections {
        let Some(facet) = s.facet else { continue };
        for v in &s.include {
            out.push(format!("{}:{v}", facet.key()));
        }
        for v in &s.exclude {
            out.push(format!("-{}:{v}", facet.key()));
        }
    }
    out
}

/// A safe download name: `clippings-quotes-zhang-outlet-the-stack.csv`.
/// Only ASCII letters, digits and single dashes; never empty, never long.
pub fn export_file_name(view: &str, query: &str, selections: &[Selection], ext: &str) -> String {
    let mut parts = vec!["clippings".to_string(), view.to_string()];
    if !query.trim().is_empty() {
        parts.push(query.to_string());
    }
    for f in selection_words(selections) {
        match f.strip_prefix('-') {
            Some(rest) => parts.push(format!("not {rest}")),
            None => parts.push(f),
        }
    }
    let mut name = String::new();
    for c in parts.join("-").chars() {
        let c = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            '-'
        };
        if c == '-' && (name.is_empty() || name.ends_with('-')) {
            continue;
        }
        name.push(c);
    }
    let mut name: String = name.chars().take(80).collect();
    while name.ends_with('-') {
        name.pop();
    }
    if name.is_empty() {
        name.push_str("clippings");
    }
    let ext: String = ext.chars().filter(char::is_ascii_alphanumeric).collect();
    format!("{name}.{ext}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use clippings_core::{
        Discrepancy, Document, Entity, Figure, GroupMember, Mention, Quote, QuoteGroup,
    };

    fn doc(id: &str, outlet: Option<&str>, date: Option<&str>, text: &str) -> Document<'static> {
        Document {
            id: id.into(),
            title: format!("Title {id}"),
            outlet: outlet.map(String::from),
            date: date.map(String::from),
            text: text.to_string().into(),
            ..Default::default()
        }
    }

    fn quote(doc: u32, text: &str, words: &str, speaker: Option<&str>) -> Quote {
        let start = text.find(words).expect("words in text");
        Quote {
            doc,
            span: Span::new(start, start + words.len()),
            outer: Span::new(start - 1, start + words.len() + 1),
            speaker: speaker.map(String::from),
            ..Default::default()
        }
    }

    fn corpus() -> Corpus<'static> {
        let t0 = "Zhang said \"We must globalize now\" and \"Other words\" today. Zulily stake 9%.";
        let t1 = "\"We must globalize\" Zhang said. A \"nameless remark\" too. About roughly 10 percent.";
        let t2 = "Undated piece says \"hello there\" via Lee.";
        let documents = vec![
            doc("a", Some("The Stack"), Some("2015-05-14"), t0),
            doc("b", Some("Global Times"), Some("2015-06-01"), t1),
            doc("c", None, None, t2),
        ];
        let quotes = vec![
            quote(0, t0, "We must globalize now", Some("Daniel Zhang")),
            quote(0, t0, "Other words", Some("Daniel Zhang")),
            quote(1, t1, "We must globalize", Some("Daniel Zhang")),
            quote(1, t1, "nameless remark", None),
            quote(2, t2, "hello there", Some("Ann Lee")),
        ];
        let quote_groups = vec![QuoteGroup {
            members: vec![
                GroupMember {
                    doc: 0,
                    span: quotes[0].span,
                    quote: Some(0),
                },
                GroupMember {
                    doc: 1,
                    span: quotes[2].span,
                    quote: Some(2),
                },
            ],
            diff: vec![vec![], vec![]],
        }];
        let fig = |doc: u32, text: &str, s: &str, value: f64| Figure {
            doc,
            span: Span::new(text.find(s).unwrap(), text.find(s).unwrap() + s.len()),
            value,
            unit: "percent".into(),
            subject: "stake in zulily".into(),
            approximate: value > 9.5,
        };
        let discrepancies = vec![Discrepancy {
            subject: "stake in zulily".into(),
            unit: "percent".into(),
            figures: vec![
                fig(0, t0, "9%", 9.0),
                fig(1, t1, "roughly 10 percent", 10.0),
            ],
        }];
        let entities = vec![
            Entity {
                name: "Daniel Zhang".into(),
                kind: EntityKind::Person,
                aliases: vec!["Zhang".into()],
                mentions: vec![
                    Mention {
                        doc: 0,
                        span: Span::new(0, 5),
                    },
                    Mention {
                        doc: 1,
                        span: Span::new(20, 25),
                    },
                    Mention {
                        doc: 1,
                        span: Span::new(30, 35),
                    },
                ],
            },
            Entity {
                name: "Zulily".into(),
                kind: EntityKind::Organization,
                aliases: vec![],
                mentions: vec![Mention {
                    doc: 0,
                    span: Span::new(60, 66),
                }],
            },
        ];
        Corpus {
            documents,
            quotes,
            entities,
            quote_groups,
            discrepancies,
            warnings: vec![],
        }
    }

    fn qhits(qs: &[u32]) -> Vec<QuoteHit> {
        qs.iter()
            .map(|&quote| QuoteHit { quote, score: 0.0 })
            .collect()
    }

    fn hits(ds: &[u32]) -> Vec<Hit> {
        ds.iter()
            .map(|&doc| Hit {
                doc,
                score: 0.0,
                matched: 0,
                explain: None,
            })
            .collect()
    }

    #[test]
    fn long_lists_are_capped_until_all_is_asked_for() {
        let items = [1, 2, 3, 4, 5];
        assert_eq!(capped(&items, 3, false), (&items[..3], 2));
        assert_eq!(capped(&items, 3, true), (&items[..], 0));
        assert_eq!(capped(&items, 5, false), (&items[..], 0));
        assert_eq!(capped(&items[..0], 0, false), (&items[..0], 0));
    }

    #[test]
    fn quotes_group_by_speaker_with_groups_once_and_unknown_last() {
        let c = corpus();
        let got = quotes_by_speaker(&c, &qhits(&[3, 0, 1, 2, 4, 99]), &[]);
        let speakers: Vec<Option<&str>> = got.iter().map(|s| s.speaker.as_deref()).collect();
        assert_eq!(speakers, [Some("Daniel Zhang"), Some("Ann Lee"), None]);
        assert_eq!(
            got[0].items,
            [
                QuoteItem::Group { group: 0, quote: 0 },
                QuoteItem::Single { quote: 1 }
            ]
        );
        assert_eq!(group_outlets(&c, 0), 2);
        assert_eq!(group_outlets(&c, 7), 0);
    }

    #[test]
    fn a_speaker_selection_narrows_the_quotes() {
        let c = corpus();
        let sel = vec![Selection {
            facet: Some(FacetKind::Speaker),
            include: vec!["Ann Lee".into()],
            exclude: vec![],
        }];
        let got = quotes_by_speaker(&c, &qhits(&[0, 1, 2, 3, 4]), &sel);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].items, [QuoteItem::Single { quote: 4 }]);
        let sel = vec![Selection {
            facet: Some(FacetKind::Speaker),
            include: vec![],
            exclude: vec!["Daniel Zhang".into()],
        }];
        let got = quotes_by_speaker(&c, &qhits(&[0, 1, 2, 3, 4]), &sel);
        assert_eq!(got.iter().map(|s| s.items.len()).sum::<usize>(), 2);
    }

    #[test]
    fn citations_name_speaker_quote_outlet_and_date() {
        let c = corpus();
        assert_eq!(
            quote_citation(&c, 0).unwrap(),
            "Daniel Zhang, “We must globalize now”, The Stack, 2015-05-14"
        );
        assert_eq!(
            quote_citation(&c, 3).unwrap(),
            "Unattributed speaker, “nameless remark”, Global Times, 2015-06-01"
        );
        assert!(quote_citation(&c, 42).is_none());
    }

    #[test]
    fn coverage_has_one_row_per_outlet_with_statements_and_disagreements() {
        let c = corpus();
        let rows = coverage(&c, &hits(&[2, 1, 0]));
        let outlets: Vec<Option<&str>> = rows.iter().map(|r| r.outlet.as_deref()).collect();
        assert_eq!(outlets, [Some("Global Times"), Some("The Stack"), None]);
        assert_eq!(rows[1].groups, [0]);
        assert_eq!(rows[1].first_date.as_deref(), Some("2015-05-14"));
        assert_eq!(
            rows[0].figures,
            [FigureRef {
                discrepancy: 0,
                figure: 1
            }]
        );
        assert!(rows[2].groups.is_empty() && rows[2].first_date.is_none());
        assert_eq!(discrepancies_in(&c, &hits(&[0, 1])), [0]);
        assert!(discrepancies_in(&c, &hits(&[0])).is_empty());
    }

    #[test]
    fn timeline_groups_by_year_and_month_and_keeps_undated_apart() {
        let c = corpus();
        let (years, undated) = timeline(&c, &hits(&[2, 1, 0]));
        assert_eq!(years.len(), 1);
        assert_eq!(years[0].year, 2015);
        assert_eq!(years[0].count(), 2);
        assert_eq!(years[0].months[0].month.as_deref(), Some("2015-05"));
        assert_eq!(undated, [2]);
        assert_eq!(month_label("2015-05"), "May 2015");
        assert_eq!(month_label("2015-13"), "2015-13");
        assert_eq!(month_label("junk"), "junk");
    }

    #[test]
    fn entities_count_documents_and_mentions_in_the_results() {
        let c = corpus();
        let all = entities(&c, &hits(&[0, 1, 2]));
        assert_eq!(all[0].0, EntityKind::Person);
        assert_eq!(
            all[0].1,
            [EntityRow {
                entity: 0,
                docs: 2,
                mentions: 3
            }]
        );
        let only_b = entities(&c, &hits(&[1]));
        assert!(only_b[1].1.is_empty(), "Zulily is not in b");
    }

    #[test]
    fn csv_and_json_escape_everything() {
        let mut t = Table::new(&["text", "n", "none"]);
        t.push(vec!["a, \"b\"\nc".into(), 3.into(), Cell::Empty]);
        t.push(vec![
            "=HYPERLINK(\"x\")".into(),
            0.into(),
            "<script>".into(),
        ]);
        let csv = t.to_csv();
        assert_eq!(
            csv,
            "text,n,none\r\n\"a, \"\"b\"\"\nc\",3,\r\n\"'=HYPERLINK(\"\"x\"\")\",0,<script>\r\n"
        );
        let json = t.to_json("quotes", "q\"\u{1}", &[]);
        assert!(json.contains(r#""query": "q\"\u0001""#), "{json}");
        assert!(
            json.contains(r#"{"text": "a, \"b\"\nc", "n": 3, "none": null}"#),
            "{json}"
        );
        let empty = Table::new(&["x"]).to_json("v", "", &[]);
        assert!(empty.ends_with("\"rows\": []\n}\n"), "{empty}");
    }

    #[test]
    fn export_names_are_safe_and_carry_query_and_filters() {
        let sel = vec![Selection {
            facet: Some(FacetKind::Outlet),
            include: vec!["The Stack".into()],
            exclude: vec!["../../etc/passwd".into()],
        }];
        assert_eq!(
            export_file_name("quotes", "Zhang \"buy\"", &sel, "csv"),
            "clippings-quotes-zhang-buy-outlet-the-stack-not-outlet-etc-passwd.csv"
        );
        assert_eq!(
            export_file_name("search", "", &[], "json"),
            "clippings-search.json"
        );
        let long = export_file_name("x", &"<script>".repeat(50), &[], "c/s\\v");
        assert!(long.len() <= 84 && !long.contains("--"), "{long}");
        assert!(long.ends_with(".csv"));
    }
}
