//! One statement as reported by several outlets ([`QuoteGroup`]).
//!
//! Outlets quote the same words differently: British or American spelling,
//! other quotation marks, a sentence cut short, two sentences quoted where
//! another outlet quotes one, or the words reused without quotation marks.
//! The method is the usual one for text reuse, at word level:
//!
//! 1. **Normalise.** Every document becomes a sequence of words keyed by
//!    their normalized form (case, diacritics, en-GB/en-US spelling, quote
//!    marks and punctuation gone, compounds closed up); see [`words`].
//! 2. **Hash exact copies.** Quotes with the same key sequence are one
//!    *statement*; only statements are indexed, so a quote carried verbatim
//!    by a hundred outlets costs one index entry.
//! 3. **Shingle candidates.** Every four-word shingle of every statement goes
//!    into a hash index (shingles made only of function words are left out,
//!    and a shingle shared by more than [`POSTING_CAP`] statements is dropped
//!    as boilerplate). Each document's text is scanned once against the
//!    index, so the cost grows with the text and the matches, never with the
//!    number of document pairs.
//! 4. **Local alignment.** Hits are clustered per (place in the document,
//!    statement) and verified with Smith–Waterman over normalized words
//!    ([`local`]), which tolerates changed, dropped and added words.
//! 5. **Acceptance.** Unquoted reuse needs at least [`MIN_REUSE_WORDS`]
//!    aligned words of which [`MIN_REUSE_CONTENT`] are content words (not
//!    function words or boilerplate like "said", "company", "year"), at a
//!    density of [`MIN_REUSE_DENSITY`]. Two *quotes* are stronger evidence
//!    (both outlets marked the words as someone's), so a short quoted
//!    sentence also groups when it is matched whole: "We must absolutely
//!    globalize" (four words) quoted alone by one outlet and as the first
//!    sentence of a longer quote by another.
//! 6. **Statements, not whole quotes.** A quote is split into sentences
//!    (*units*); an alignment links the units it covers. Groups are the
//!    connected components of units and unquoted text spans. So when one
//!    outlet quotes two sentences and another quotes them separately, the
//!    result is two groups, and the long quote is a member of both, each
//!    time with the span of the sentences that match.
//!
//! A group needs a quote and at least two documents (a statement repeated
//! within one article is not reported by several outlets). A document
//! contributes one unquoted span at most, and none when it also quotes the
//! statement; distinct quotes of one document all stay. `members[0]` is the
//! fullest report; `diff[i]` ([`diff`]) turns its words into member `i`'s.

mod diff;
mod local;
mod words;

use clippings_core::{Document, GroupMember, Quote, QuoteGroup, Span};
use diff::{word_diff, Side};
use local::{smith_waterman, Alignment};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use words::{Interner, Word};

/// Words per shingle. Four, so that a four-word quote can be found at all.
const SHINGLE: usize = 4;
/// Fewest words a quote needs to be grouped.
pub const MIN_QUOTE_WORDS: usize = 4;
/// Unquoted reuse: fewest aligned words, content words among them, and the
/// share of aligned positions that match.
pub const MIN_REUSE_WORDS: usize = 5;
pub const MIN_REUSE_CONTENT: usize = 3;
pub const MIN_REUSE_DENSITY: f64 = 0.7;
/// Quote against quote: the same as reuse, or a whole quoted sentence (at
/// least this much of it) on one side, with [`MIN_SHORT_QUOTE_CONTENT`]
/// content words.
const MIN_SHORT_QUOTE_COVERAGE: f64 = 0.9;
const MIN_SHORT_QUOTE_CONTENT: usize = 2;
const MIN_QUOTE_DENSITY: f64 = 0.6;
/// A shingle found in more statements than this is boilerplate.
pub const POSTING_CAP: usize = 1000;
/// Words of context around a hit cluster given to the local alignment.
const MARGIN: usize = 24;
/// Longest window handed to the local alignment (memory is its square).
const MAX_WINDOW: usize = 2000;
/// Alignments tried per (place, statement) pair, for texts that reuse
/// several separate parts of one long quote.
const MAX_ROUNDS: usize = 4;

/// Group the quotes of `documents` (and unquoted reuse of their words) that
/// report one statement. Deterministic; never panics.
pub fn group_statements(documents: &[Document], quotes: &[Quote]) -> Vec<QuoteGroup> {
    let mut interner = Interner::default();
    let doc_words: Vec<Vec<Word>> = documents
        .iter()
        .map(|d| words::words(&d.text, &mut interner))
        .collect();
    let located: Vec<Option<Located>> = quotes
        .iter()
        .map(|q| locate(q, documents, &doc_words))
        .collect();
    let statements = Statements::build(&located, &doc_words);
    let index = ShingleIndex::build(&statements, &interner);
    let zones: Vec<Vec<Zone>> = (0..documents.len())
        .map(|d| zones_of(d, doc_words[d].len(), &located))
        .collect();

    let mut links: Vec<Link> = Vec::new();
    for (d, words) in doc_words.iter().enumerate() {
        let keys: Vec<u32> = words.iter().map(|w| w.key).collect();
        let candidates = index.scan(d, &keys, &zones[d], &statements);
        for ((zone, statement), hits) in candidates {
            let Some(source) = statements.list.get(statement as usize) else {
                continue;
            };
            let zone_range = zone_range(&zones[d], zone.start);
            let rule = match zone.quote {
                Some(q) => Rule::Quotes {
                    target_units: units_from(&located, Some(q), zone_range.start),
                    source_units: source
                        .quotes
                        .first()
                        .and_then(|&sq| {
                            let start = located.get(sq as usize)?.as_ref()?.words.start;
                            Some(units_from(&located, Some(sq), start))
                        })
                        .unwrap_or_default(),
                },
                None => Rule::Reuse,
            };
            for alignment in align_hits(&keys, zone_range, &source.keys, hits, &rule, &interner) {
                links.push(Link {
                    target: match zone.quote {
                        Some(q) => Target::Quote(q),
                        None => Target::Text(d),
                    },
                    target_words: alignment.a,
                    statement,
                    statement_words: alignment.b,
                });
            }
        }
    }
    build_groups(documents, &doc_words, &located, &statements, &links)
}

/// Where a quote sits in its document's words.
#[derive(Clone, Debug)]
struct Located {
    doc: usize,
    /// Its words (indices into the document's words).
    words: Range<usize>,
    /// Its sentences, as ranges of document word indices, in order.
    units: Vec<Range<usize>>,
}

fn locate(quote: &Quote, documents: &[Document], doc_words: &[Vec<Word>]) -> Option<Located> {
    let doc = quote.doc as usize;
    let text: &str = &documents.get(doc)?.text;
    let words = doc_words.get(doc)?;
    // A span that does not fit the text is a broken quote, not a short one.
    text.get(quote.span.start()..quote.span.end())?;
    let (start, end) = (quote.span.start, quote.span.end);
    let first = words.partition_point(|w| w.start < start);
    let last = words.partition_point(|w| w.end <= end);
    if first >= last {
        return None;
    }
    let mut units = Vec::new();
    let mut unit_start = first;
    for i in first..last - 1 {
        if sentence_ends_after(text, &words[i], &words[i + 1]) {
            units.push(unit_start..i + 1);
            unit_start = i + 1;
        }
    }
    units.push(unit_start..last);
    Some(Located {
        doc,
        words: first..last,
        units,
    })
}

/// True when a sentence ends between `word` and `next`: a terminator in the
/// gap, the next word starting a sentence, and `word` not an abbreviation.
fn sentence_ends_after(text: &str, word: &Word, next: &Word) -> bool {
    let gap = text
        .get(word.end as usize..next.start as usize)
        .unwrap_or("");
    if !gap.contains(['.', '!', '?', '。', '！', '？']) {
        return false;
    }
    let next_starts_sentence = text
        .get(next.start as usize..)
        .and_then(|t| t.chars().next())
        .is_some_and(|c| !c.is_lowercase());
    let surface = text
        .get(word.start as usize..word.end as usize)
        .unwrap_or("");
    let abbreviation = gap.starts_with('.')
        && (surface.chars().count() == 1
            || ABBREVIATIONS.contains(&surface.to_lowercase().trim_end_matches('.')));
    next_starts_sentence && !abbreviation
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "inc", "corp", "co", "ltd", "jr", "sr", "vs", "gen",
    "gov", "sen", "rep", "no", "u.s", "u.k", "e.g", "i.e", "etc", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Exact-copy classes of quotes: the same normalized word sequence.
struct Statements {
    list: Vec<Statement>,
    /// Statement of each quote (`None` for quotes too short or unplaced).
    of_quote: Vec<Option<u32>>,
}

struct Statement {
    keys: Vec<u32>,
    /// Quote indices, ascending.
    quotes: Vec<u32>,
    /// Documents quoting it, ascending, deduplicated.
    docs: Vec<usize>,
}

impl Statements {
    fn build(located: &[Option<Located>], doc_words: &[Vec<Word>]) -> Statements {
        let mut list: Vec<Statement> = Vec::new();
        let mut by_keys: HashMap<Vec<u32>, u32> = HashMap::new();
        let mut of_quote = vec![None; located.len()];
        for (q, place) in located.iter().enumerate() {
            let Some(place) = place else { continue };
            if place.words.len() < MIN_QUOTE_WORDS {
                continue;
            }
            let Some(words) = doc_words
                .get(place.doc)
                .and_then(|w| w.get(place.words.clone()))
            else {
                continue;
            };
            let keys: Vec<u32> = words.iter().map(|w| w.key).collect();
            let id = *by_keys.entry(keys.clone()).or_insert_with(|| {
                list.push(Statement {
                    keys,
                    quotes: Vec::new(),
                    docs: Vec::new(),
                });
                (list.len() - 1) as u32
            });
            if let Some(statement) = list.get_mut(id as usize) {
                statement.quotes.push(q as u32);
                if !statement.docs.contains(&place.doc) {
                    statement.docs.push(place.doc);
                    statement.docs.sort_unstable();
                }
            }
            of_quote[q] = Some(id);
        }
        Statements { list, of_quote }
    }
}

/// Which quote (if any) owns a document word, and where its zone starts.
/// A zone is a maximal run of words in one quote, or outside all quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Zone {
    /// First word of the zone: identifies it within the document.
    start: usize,
    quote: Option<u32>,
}

fn zones_of(doc: usize, len: usize, located: &[Option<Located>]) -> Vec<Zone> {
    let mut owner: Vec<Option<u32>> = vec![None; len];
    // Longer quotes first, so a quote nested in another belongs to the outer.
    let mut quotes: Vec<(usize, &Located)> = located
        .iter()
        .enumerate()
        .filter_map(|(q, l)| l.as_ref().filter(|l| l.doc == doc).map(|l| (q, l)))
        .collect();
    quotes.sort_by_key(|(q, l)| (l.words.start, std::cmp::Reverse(l.words.end), *q));
    for (q, place) in quotes {
        for slot in owner.get_mut(place.words.clone()).into_iter().flatten() {
            if slot.is_none() {
                *slot = Some(q as u32);
            }
        }
    }
    let mut zones = Vec::with_capacity(len);
    let mut start = 0;
    for i in 0..len {
        if i > 0 && owner[i] != owner[i - 1] {
            start = i;
        }
        zones.push(Zone {
            start,
            quote: owner[i],
        });
    }
    zones
}

/// The word range of the zone starting at `start`.
fn zone_range(zones: &[Zone], start: usize) -> Range<usize> {
    let Some(first) = zones.get(start) else {
        return start..start;
    };
    let end = zones
        .iter()
        .skip(start)
        .position(|z| z != first)
        .map_or(zones.len(), |n| start + n);
    start..end
}

/// Statement shingles → (statement, position).
struct ShingleIndex {
    postings: HashMap<[u32; SHINGLE], Vec<(u32, u32)>>,
}

impl ShingleIndex {
    fn build(statements: &Statements, interner: &Interner) -> ShingleIndex {
        let mut postings: HashMap<[u32; SHINGLE], Vec<(u32, u32)>> = HashMap::new();
        for (id, statement) in statements.list.iter().enumerate() {
            for (pos, window) in statement.keys.windows(SHINGLE).enumerate() {
                if !window.iter().any(|&k| interner.is_content(k)) {
                    continue;
                }
                let Ok(shingle) = <[u32; SHINGLE]>::try_from(window) else {
                    continue;
                };
                postings
                    .entry(shingle)
                    .or_default()
                    .push((id as u32, pos as u32));
            }
        }
        postings.retain(|_, list| {
            let mut distinct: Vec<u32> = list.iter().map(|(s, _)| *s).collect();
            distinct.dedup();
            distinct.len() <= POSTING_CAP
        });
        ShingleIndex { postings }
    }

    /// Hits of statements in document `doc`, per (zone, statement), with
    /// positions relative to the zone start and to the statement.
    fn scan(
        &self,
        doc: usize,
        keys: &[u32],
        zones: &[Zone],
        statements: &Statements,
    ) -> BTreeMap<(Zone, u32), Vec<(usize, usize)>> {
        let mut candidates: BTreeMap<(Zone, u32), Vec<(usize, usize)>> = BTreeMap::new();
        for (p, window) in keys.windows(SHINGLE).enumerate() {
            let (Some(&zone), Some(last)) = (zones.get(p), zones.get(p + SHINGLE - 1)) else {
                continue;
            };
            if zone != *last {
                continue;
            }
            let Ok(shingle) = <[u32; SHINGLE]>::try_from(window) else {
                continue;
            };
            let Some(list) = self.postings.get(&shingle) else {
                continue;
            };
            for &(statement, pos) in list {
                let Some(source) = statements.list.get(statement as usize) else {
                    continue;
                };
                let wanted = match zone.quote {
                    Some(q) => {
                        statements.of_quote.get(q as usize).copied().flatten() != Some(statement)
                            && source.docs.iter().any(|&d| d != doc)
                    }
                    None => !source.docs.contains(&doc),
                };
                if wanted {
                    candidates
                        .entry((zone, statement))
                        .or_default()
                        .push((p - zone.start, pos as usize));
                }
            }
        }
        candidates
    }
}

enum Rule {
    /// A quote against a quote: sentence ranges of the target zone (zone
    /// word indices) and of the statement (statement word indices).
    Quotes {
        target_units: Vec<Range<usize>>,
        source_units: Vec<Range<usize>>,
    },
    /// Unquoted text against a quote.
    Reuse,
}

impl Rule {
    fn accepts(&self, al: &Alignment) -> bool {
        let long_enough = al.matches >= MIN_REUSE_WORDS && al.content >= MIN_REUSE_CONTENT;
        match self {
            Rule::Reuse => long_enough && al.density() >= MIN_REUSE_DENSITY,
            Rule::Quotes {
                target_units,
                source_units,
            } => {
                // A whole quoted sentence on either side, even a short one
                // ("We must absolutely globalize"), is the same statement.
                let covers = |units: &[Range<usize>], aligned: &Range<usize>| {
                    units.iter().any(|u| {
                        let shared = u
                            .end
                            .min(aligned.end)
                            .saturating_sub(u.start.max(aligned.start));
                        shared as f64 >= MIN_SHORT_QUOTE_COVERAGE * u.len().max(1) as f64
                    })
                };
                let covers_sentence = al.matches >= MIN_QUOTE_WORDS
                    && al.content >= MIN_SHORT_QUOTE_CONTENT
                    && (covers(target_units, &al.a) || covers(source_units, &al.b));
                (long_enough || covers_sentence) && al.density() >= MIN_QUOTE_DENSITY
            }
        }
    }
}

/// Sentences of `quote`, shifted to start at `origin` (a zone or a
/// statement start).
fn units_from(located: &[Option<Located>], quote: Option<u32>, origin: usize) -> Vec<Range<usize>> {
    quote
        .and_then(|q| located.get(q as usize))
        .and_then(|l| l.as_ref())
        .map(|l| {
            l.units
                .iter()
                .filter(|u| u.start >= origin)
                .map(|u| u.start - origin..u.end - origin)
                .collect()
        })
        .unwrap_or_default()
}

/// Verify the hits of one statement in one zone with local alignments.
/// Returned ranges are in document word indices (`a`) and statement word
/// indices (`b`).
fn align_hits(
    doc_keys: &[u32],
    zone: Range<usize>,
    source: &[u32],
    mut hits: Vec<(usize, usize)>,
    rule: &Rule,
    interner: &Interner,
) -> Vec<Alignment> {
    let Some(target) = doc_keys.get(zone.clone()) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for _ in 0..MAX_ROUNDS {
        if hits.is_empty() {
            break;
        }
        hits.sort_unstable();
        let mut remaining = Vec::new();
        for cluster in clusters(&hits, source.len() + MARGIN) {
            let (t_lo, t_hi) = bounds(cluster.iter().map(|h| h.0), target.len());
            let (s_lo, s_hi) = bounds(cluster.iter().map(|h| h.1), source.len());
            let (Some(t), Some(s)) = (target.get(t_lo..t_hi), source.get(s_lo..s_hi)) else {
                continue;
            };
            let Some(al) = smith_waterman(t, s, |k| interner.is_content(k)) else {
                continue;
            };
            let al = Alignment {
                a: al.a.start + t_lo..al.a.end + t_lo,
                b: al.b.start + s_lo..al.b.end + s_lo,
                ..al
            };
            if !rule.accepts(&al) {
                continue;
            }
            remaining.extend(
                cluster
                    .iter()
                    .filter(|(tp, sp)| !al.a.contains(tp) && !al.b.contains(sp)),
            );
            found.push(Alignment {
                a: al.a.start + zone.start..al.a.end + zone.start,
                ..al
            });
        }
        hits = remaining;
    }
    found
}

/// Split sorted hits where the target position jumps by more than `gap`.
fn clusters(hits: &[(usize, usize)], gap: usize) -> Vec<&[(usize, usize)]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..hits.len() {
        if hits[i].0 > hits[i - 1].0 + gap {
            out.push(&hits[start..i]);
            start = i;
        }
    }
    if start < hits.len() {
        out.push(&hits[start..]);
    }
    out
}

/// The window around shingle positions: margin before, shingle and margin
/// after, clipped to `len` and to [`MAX_WINDOW`].
fn bounds(positions: impl Iterator<Item = usize> + Clone, len: usize) -> (usize, usize) {
    let lo = positions.clone().min().unwrap_or(0).saturating_sub(MARGIN);
    let hi = positions
        .max()
        .unwrap_or(0)
        .saturating_add(SHINGLE + MARGIN)
        .min(len)
        .min(lo + MAX_WINDOW);
    (lo.min(hi), hi)
}

/// A verified alignment between a place in a document and a statement.
struct Link {
    target: Target,
    /// Document word indices of the aligned place.
    target_words: Range<usize>,
    statement: u32,
    /// Statement word indices.
    statement_words: Range<usize>,
}

#[derive(Clone, Copy)]
enum Target {
    Quote(u32),
    /// Unquoted text of this document.
    Text(usize),
}

/// Union-find over units and text spans.
struct Components {
    parent: Vec<usize>,
}

impl Components {
    fn new(n: usize) -> Components {
        Components {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        // The smaller root wins, so components are found in a stable order.
        match ra.cmp(&rb) {
            std::cmp::Ordering::Less => self.parent[rb] = ra,
            std::cmp::Ordering::Greater => self.parent[ra] = rb,
            std::cmp::Ordering::Equal => {}
        }
    }
}

/// Node numbering: every unit of every placed quote, then merged text spans.
struct Nodes {
    /// First node of each quote's units.
    unit_base: Vec<usize>,
    /// Per document: merged unquoted spans (word ranges), sorted.
    text_spans: Vec<Vec<Range<usize>>>,
    text_base: Vec<usize>,
    count: usize,
}

impl Nodes {
    fn build(located: &[Option<Located>], docs: usize, links: &[Link]) -> Nodes {
        let mut count = 0;
        let unit_base = located
            .iter()
            .map(|l| {
                let base = count;
                count += l.as_ref().map_or(0, |l| l.units.len());
                base
            })
            .collect();
        let mut text_spans: Vec<Vec<Range<usize>>> = vec![Vec::new(); docs];
        for link in links {
            if let Target::Text(d) = link.target {
                if let Some(spans) = text_spans.get_mut(d) {
                    spans.push(link.target_words.clone());
                }
            }
        }
        let mut text_base = Vec::with_capacity(docs);
        for spans in &mut text_spans {
            spans.sort_by_key(|r| (r.start, r.end));
            let mut merged: Vec<Range<usize>> = Vec::new();
            for span in spans.drain(..) {
                match merged.last_mut() {
                    Some(last) if span.start < last.end => last.end = last.end.max(span.end),
                    _ => merged.push(span),
                }
            }
            *spans = merged;
            text_base.push(count);
            count += spans.len();
        }
        Nodes {
            unit_base,
            text_spans,
            text_base,
            count,
        }
    }

    /// The node of the merged text span of `doc` holding `words`.
    fn text_node(&self, doc: usize, words: &Range<usize>) -> Option<usize> {
        let spans = self.text_spans.get(doc)?;
        let i = spans
            .iter()
            .position(|s| s.start <= words.start && words.start < s.end)?;
        Some(self.text_base.get(doc)? + i)
    }

    /// Nodes of the units of `quote` that `words` (document word indices)
    /// covers: each unit at least half covered or sharing five words; if
    /// none is, the one sharing most.
    fn unit_nodes(
        &self,
        located: &[Option<Located>],
        quote: usize,
        words: &Range<usize>,
    ) -> Vec<usize> {
        let (Some(Some(place)), Some(&base)) = (located.get(quote), self.unit_base.get(quote))
        else {
            return Vec::new();
        };
        let overlaps: Vec<usize> = place
            .units
            .iter()
            .map(|u| {
                u.end
                    .min(words.end)
                    .saturating_sub(u.start.max(words.start))
            })
            .collect();
        let covered: Vec<usize> = overlaps
            .iter()
            .zip(&place.units)
            .enumerate()
            .filter(|(_, (&o, u))| o > 0 && (2 * o >= u.len() || o >= MIN_REUSE_WORDS))
            .map(|(i, _)| base + i)
            .collect();
        if !covered.is_empty() {
            return covered;
        }
        let best = overlaps
            .iter()
            .enumerate()
            .max_by_key(|(i, &o)| (o, std::cmp::Reverse(*i)))
            .filter(|(_, &o)| o > 0);
        best.map(|(i, _)| vec![base + i]).unwrap_or_default()
    }
}

/// Statement word range → the matching document words of one of its quotes.
fn in_quote(place: &Located, statement_words: &Range<usize>) -> Range<usize> {
    place.words.start + statement_words.start..place.words.start + statement_words.end
}

fn build_groups(
    documents: &[Document],
    doc_words: &[Vec<Word>],
    located: &[Option<Located>],
    statements: &Statements,
    links: &[Link],
) -> Vec<QuoteGroup> {
    let nodes = Nodes::build(located, documents.len(), links);
    let mut components = Components::new(nodes.count);
    let join_all = |components: &mut Components, a: &[usize], b: &[usize]| {
        for &x in a {
            for &y in b {
                components.union(x, y);
            }
        }
    };

    // Exact copies: every unit of a copy joins the matching units of the
    // statement's first quote.
    for statement in &statements.list {
        let Some((&first, rest)) = statement.quotes.split_first() else {
            continue;
        };
        let Some(Some(first_place)) = located.get(first as usize) else {
            continue;
        };
        for &q in rest {
            let Some(Some(place)) = located.get(q as usize) else {
                continue;
            };
            for (u, unit) in place.units.iter().enumerate() {
                let local = unit.start - place.words.start..unit.end - place.words.start;
                let targets =
                    nodes.unit_nodes(located, first as usize, &in_quote(first_place, &local));
                join_all(
                    &mut components,
                    &[nodes.unit_base[q as usize] + u],
                    &targets,
                );
            }
        }
    }

    // Alignments: the aligned place joins the statement's units, taken from
    // one of its quotes in another document (copies are joined above).
    for link in links {
        let (target_doc, target_nodes) = match link.target {
            Target::Quote(q) => {
                let doc = located
                    .get(q as usize)
                    .and_then(|l| l.as_ref())
                    .map(|l| l.doc);
                (
                    doc,
                    nodes.unit_nodes(located, q as usize, &link.target_words),
                )
            }
            Target::Text(d) => (
                Some(d),
                nodes.text_node(d, &link.target_words).into_iter().collect(),
            ),
        };
        let Some(statement) = statements.list.get(link.statement as usize) else {
            continue;
        };
        let representative = statement.quotes.iter().find_map(|&q| {
            located
                .get(q as usize)
                .and_then(|l| l.as_ref())
                .filter(|l| Some(l.doc) != target_doc)
                .map(|l| (q as usize, l))
        });
        let Some((q, place)) = representative else {
            continue;
        };
        let source_nodes = nodes.unit_nodes(located, q, &in_quote(place, &link.statement_words));
        join_all(&mut components, &target_nodes, &source_nodes);
    }

    // Gather components: quote members (their units' extent) and text spans.
    let mut drafts: BTreeMap<usize, Draft> = BTreeMap::new();
    for (q, place) in located.iter().enumerate() {
        let Some(place) = place else { continue };
        for (u, unit) in place.units.iter().enumerate() {
            let root = components.find(nodes.unit_base[q] + u);
            let draft = drafts.entry(root).or_default();
            let range = draft.quotes.entry(q).or_insert(unit.clone());
            range.start = range.start.min(unit.start);
            range.end = range.end.max(unit.end);
            draft.quote_docs.insert(place.doc);
        }
    }
    for (d, spans) in nodes.text_spans.iter().enumerate() {
        for (i, span) in spans.iter().enumerate() {
            let root = components.find(nodes.text_base[d] + i);
            drafts
                .entry(root)
                .or_default()
                .texts
                .push((d, span.clone()));
        }
    }

    let mut groups: Vec<((usize, u32), QuoteGroup)> = drafts
        .into_values()
        .filter_map(|draft| draft.into_group(documents, doc_words, located))
        .collect();
    groups.sort_by_key(|(key, _)| *key);
    groups.into_iter().map(|(_, g)| g).collect()
}

/// One component on its way to a group.
#[derive(Default)]
struct Draft {
    /// Quote → the document words of its units in this component.
    quotes: BTreeMap<usize, Range<usize>>,
    quote_docs: BTreeSet<usize>,
    /// (document, word range) of unquoted spans.
    texts: Vec<(usize, Range<usize>)>,
}

struct Member {
    doc: usize,
    words: Range<usize>,
    quote: Option<u32>,
}

impl Draft {
    /// The group, keyed by its first (document, position), or `None` when
    /// it is not reported by two documents or holds no quote.
    fn into_group(
        self,
        documents: &[Document],
        doc_words: &[Vec<Word>],
        located: &[Option<Located>],
    ) -> Option<((usize, u32), QuoteGroup)> {
        let mut members: Vec<Member> = self
            .quotes
            .iter()
            .filter_map(|(&q, words)| {
                let place = located.get(q)?.as_ref()?;
                Some(Member {
                    doc: place.doc,
                    words: words.clone(),
                    quote: Some(q as u32),
                })
            })
            .collect();
        // A quote nested in another quote of the same document (an inner
        // ‘...’) is part of that report, not a report of its own; so is a
        // second quote over the very same words.
        let inside_another = |i: usize, m: &Member| {
            members.iter().enumerate().any(|(j, o)| {
                j != i
                    && o.doc == m.doc
                    && o.words.start <= m.words.start
                    && m.words.end <= o.words.end
                    && (o.words != m.words || j < i)
            })
        };
        let nested: Vec<bool> = members
            .iter()
            .enumerate()
            .map(|(i, m)| inside_another(i, m))
            .collect();
        let mut keep = nested.iter().map(|n| !n);
        members.retain(|_| keep.next().unwrap_or(true));
        if members.is_empty() {
            return None;
        }
        // One unquoted span per document, and none where the document quotes
        // the statement: its longest, then earliest.
        let mut texts: BTreeMap<usize, Range<usize>> = BTreeMap::new();
        for (d, span) in self.texts {
            if self.quote_docs.contains(&d) {
                continue;
            }
            let entry = texts.entry(d).or_insert(span.clone());
            if span.len() > entry.len() {
                *entry = span;
            }
        }
        members.extend(texts.into_iter().map(|(doc, words)| Member {
            doc,
            words,
            quote: None,
        }));
        let mut docs: Vec<usize> = members.iter().map(|m| m.doc).collect();
        docs.sort_unstable();
        docs.dedup();
        if docs.len() < 2 {
            return None;
        }

        let span_of = |m: &Member| -> Option<Span> {
            let words = doc_words.get(m.doc)?;
            let first = words.get(m.words.start)?;
            let last = words.get(m.words.end.checked_sub(1)?)?;
            let (start, end) = (first.start as usize, last.end as usize);
            // A combining mark after a space makes the space part of the
            // next word's segment; a member's text still starts and ends on
            // a non-space, so trim it here.
            let slice = documents.get(m.doc)?.text.get(start..end)?;
            let lead = slice.len() - slice.trim_start().len();
            let trail = slice.len() - slice.trim_end().len();
            (lead + trail < slice.len()).then(|| Span::new(start + lead, end - trail))
        };
        members.retain(|m| span_of(m).is_some());
        members.sort_by_key(|m| (m.doc, m.words.start, m.quote));
        let base = members
            .iter()
            .enumerate()
            .max_by_key(|(i, m)| (m.words.len(), m.quote.is_some(), std::cmp::Reverse(*i)))
            .map(|(i, _)| i)?;
        let base_member = members.remove(base);
        members.insert(0, base_member);

        let side = |m: &Member| -> Option<(&str, &[Word])> {
            let text: &str = &documents.get(m.doc)?.text;
            Some((text, doc_words.get(m.doc)?.get(m.words.clone())?))
        };
        let (base_text, base_words) = side(&members[0])?;
        let base_side = Side {
            text: base_text,
            words: base_words,
        };
        let mut diff = Vec::with_capacity(members.len());
        let mut out = Vec::with_capacity(members.len());
        for m in &members {
            let (text, words) = side(m)?;
            diff.push(word_diff(&base_side, &Side { text, words }));
            out.push(GroupMember {
                doc: m.doc as u32,
                span: span_of(m)?,
                quote: m.quote,
            });
        }
        let key = out
            .iter()
            .map(|m| (m.doc as usize, m.span.start))
            .min()
            .unwrap_or_default();
        Some((key, QuoteGroup { members: out, diff }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clippings_core::DiffKind;

    fn doc(text: &str) -> Document<'static> {
        Document {
            text: text.to_string().into(),
            ..Default::default()
        }
    }

    /// A quote over the first occurrence of `words` in document `d`.
    fn quote(docs: &[Document], d: u32, words: &str) -> Quote {
        let start = docs[d as usize]
            .text
            .find(words)
            .expect("quote text in doc");
        Quote {
            doc: d,
            span: Span::new(start, start + words.len()),
            outer: Span::new(start, start + words.len()),
            ..Default::default()
        }
    }

    #[test]
    fn sentences_of_a_quote_are_units() {
        let docs = [doc(
            "He said: We must go. We will win the U.S. market, he said.",
        )];
        let q = quote(&docs, 0, "We must go. We will win the U.S. market");
        let mut interner = Interner::default();
        let words = vec![words::words(&docs[0].text, &mut interner)];
        let place = locate(&q, &docs, &words).expect("located");
        let units: Vec<&str> = place
            .units
            .iter()
            .map(|u| {
                let (a, b) = (
                    words[0][u.start].start as usize,
                    words[0][u.end - 1].end as usize,
                );
                &docs[0].text[a..b]
            })
            .collect();
        assert_eq!(units, ["We must go", "We will win the U.S. market"]);
    }

    #[test]
    fn exact_copies_in_two_documents_group_with_an_all_same_diff() {
        let docs = [
            doc("She said “prices will rise again next spring for everyone”."),
            doc("“Prices will rise again next spring for everyone,” she told us."),
        ];
        let quotes = [
            quote(&docs, 0, "prices will rise again next spring for everyone"),
            quote(&docs, 1, "Prices will rise again next spring for everyone"),
        ];
        let groups = group_statements(&docs, &quotes);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].members.len(), 2);
        assert!(groups[0]
            .diff
            .iter()
            .all(|d| d.iter().all(|op| op.op == DiffKind::Same)));
    }

    #[test]
    fn a_quote_nested_in_a_member_is_not_a_member_of_its_own() {
        let docs = [
            doc("He said “we will reach the goal of ‘global buy and global sell’ soon” today."),
            doc("“We will reach the goal of global buy and global sell soon,” he said."),
        ];
        let quotes = [
            quote(
                &docs,
                0,
                "we will reach the goal of ‘global buy and global sell’ soon",
            ),
            quote(&docs, 0, "global buy and global sell"),
            quote(
                &docs,
                1,
                "We will reach the goal of global buy and global sell soon",
            ),
        ];
        let groups = group_statements(&docs, &quotes);
        assert_eq!(groups.len(), 1);
        let members: Vec<(u32, Option<u32>)> =
            groups[0].members.iter().map(|m| (m.doc, m.quote)).collect();
        assert_eq!(members, [(0, Some(0)), (1, Some(2))]);
    }

    #[test]
    fn window_bounds_stay_inside() {
        assert_eq!(bounds([0usize, 3].into_iter(), 10), (0, 10));
        assert_eq!(bounds([100usize].into_iter(), 50), (50, 50));
    }
}
