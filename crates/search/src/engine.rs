//! The search engine over an opened bundle: query compilation, candidate
//! evaluation, BM25F ranking, filters, facet counts and quote results.
//!
//! One request is evaluated in three passes, all linear in the postings the
//! query touches:
//! 1. compile: each typed word becomes a set of index forms with match kinds
//!    (see [`crate::index`]); phrases become per-word form sets;
//! 2. evaluate: each clause decodes its postings once into dense per-document
//!    field frequencies, and notes where each document's positions sit in
//!    the postings: proximity and quote results decode them again only for
//!    the documents they look at, so a common word costs one pass, with no
//!    per-position list to build and sort;
//! 3. combine: AND over clauses (or the best partial matches, flagged),
//!    minus negated clauses, then metadata filters and facet selections as
//!    bitsets; facet counts come from the same bitsets.

use crate::bitset::DocSet;
use crate::bundle::{self, DocStats, Facet, FacetKind, FormatError, IndexData, PosRange};
use crate::index::{Expansion, FormMatch, Index, MatchKind, PositionsAt};
use crate::query::{self, Atom, Filter, FilterKind, Hint, Query, Scope};
use crate::rank::{self, FieldLens, FieldNorms, FieldTf, RankParams};
use crate::snippet::{DocTokens, Field};
use clippings_core::text;
use clippings_core::{Corpus, Document, EntityKind};
use std::collections::HashMap;
use std::collections::HashSet;
use std::sync::{Arc, Mutex, OnceLock};

/// Below this many matching documents a word is also matched with typos.
const FUZZY_BELOW_DF: u32 = 3;
/// How many top documents get the (costlier) proximity bonus.
const PROXIMITY_TOP: usize = 200;

/// An opened corpus bundle, ready to search.
pub struct Engine<'a> {
    pub corpus: Corpus<'a>,
    pub(crate) data: IndexData<'a>,
    pub(crate) index: Index<'a>,
    /// Decoded from `data.facets` on first use.
    facets: OnceLock<Vec<Facet>>,
    /// Built on first search.
    dates: OnceLock<DateOrder>,
    /// Built on first search.
    fields: OnceLock<FieldMap>,
    /// Per facet (in [`Engine::facets`] order), each document's values:
    /// built on first use.
    facet_docs: OnceLock<Vec<DocValues>>,
    /// Quote speakers, interned: built on first use.
    speakers: OnceLock<Speakers>,
    /// Tokens of recently highlighted documents (see [`crate::snippet`]).
    pub(crate) token_cache: Mutex<HashMap<(u32, Field), Arc<DocTokens>>>,
    params: RankParams,
    /// Each document's BM25F length normalisations under `params`: built on
    /// first search, dropped when the parameters change.
    norms: OnceLock<Vec<FieldNorms>>,
    /// Per-document clause buffers of earlier searches, all zero again (see
    /// [`Engine::recycle`]).
    buffers: Mutex<Vec<ClauseBuffers>>,
}

/// The dense per-document buffers of one clause evaluation. Kept between
/// searches: zeroing and allocating them afresh (16 bytes per document)
/// cost more than the rest of a search for a rare word, while clearing the
/// entries a search touched costs one write per match.
struct ClauseBuffers {
    tf: Vec<FieldTf>,
    kinds: Vec<u8>,
}

/// Buffers kept for reuse: enough for a query of several clauses.
const KEPT_BUFFERS: usize = 8;

/// How results are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    #[default]
    Relevance,
    Newest,
    Oldest,
}

impl Sort {
    pub fn key(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
        }
    }

    pub fn from_key(key: &str) -> Option<Sort> {
        [Sort::Relevance, Sort::Newest, Sort::Oldest]
            .into_iter()
            .find(|s| s.key() == key)
    }
}

/// A facet selection: documents with any of `include` (OR), none of `exclude`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Selection {
    pub facet: Option<FacetKind>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

/// One search.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchRequest {
    pub query: String,
    pub selections: Vec<Selection>,
    pub sort: Sort,
    /// Fill [`Hit::explain`] for the first this-many hits.
    pub explain: usize,
    /// Compute facet counts (on by default).
    pub facets: bool,
    /// Compute quote results (on by default).
    pub quotes: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            selections: Vec::new(),
            sort: Sort::Relevance,
            explain: 0,
            facets: true,
            quotes: true,
        }
    }
}

impl SearchRequest {
    pub fn new(query: impl Into<String>) -> Self {
        SearchRequest {
            query: query.into(),
            ..Default::default()
        }
    }
}

/// A matching article.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub doc: u32,
    pub score: f32,
    /// How many of the query's clauses it matches (all, unless `partial`).
    pub matched: usize,
    /// Boxed: only the first `SearchRequest::explain` hits carry one, and a
    /// small `Hit` keeps building and sorting thousands of them cheap.
    pub explain: Option<Box<Explanation>>,
}

/// A matching direct quote.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteHit {
    /// Index into `corpus.quotes`.
    pub quote: u32,
    pub score: f32,
}

/// "Why this result": the score broken down by clause.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    pub clauses: Vec<ClauseExplanation>,
    pub proximity_factor: f32,
    pub total: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClauseExplanation {
    /// The clause as typed.
    pub clause: String,
    pub idf: f32,
    pub tf: FieldTf,
    pub score: f32,
    /// The kinds of match that contributed ("exact", "stemmed", ...).
    pub kinds: Vec<&'static str>,
}

/// Counts for one facet. Values found neither in the results nor in the
/// totals, and not selected or excluded, are left out (a large corpus has
/// thousands of names, and a query touches few of them).
#[derive(Clone, Debug, PartialEq)]
pub struct FacetCounts {
    pub kind: FacetKind,
    /// Every value name of the facet, shared with the engine and indexed by
    /// [`FacetCount::value`]: a common word's results carry thousands of
    /// names, and copying (or reference-counting) each one per search was
    /// most of a search with facets.
    names: Arc<[Box<str>]>,
    pub values: Vec<FacetCount>,
}

impl FacetCounts {
    /// The name of one of this facet's values.
    pub fn name(&self, value: &FacetCount) -> &str {
        self.names.get(value.value as usize).map_or("", |n| n)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct FacetCount {
    /// The value, as an index into the facet's names ([`FacetCounts::name`]).
    pub value: u32,
    /// Documents with this value among the current results.
    pub count: usize,
    /// Documents there would be if this value replaced the current selection
    /// of this facet (Pagefind's `totalFilters`).
    pub total: usize,
    pub selected: bool,
    pub excluded: bool,
}

/// Everything a search returns.
#[derive(Clone, Debug)]
pub struct SearchResults {
    pub query: Query,
    pub compiled: CompiledQuery,
    /// All matching articles, best first.
    pub hits: Vec<Hit>,
    /// Matching direct quotes, best first.
    pub quotes: Vec<QuoteHit>,
    /// No article matched every clause: these match as many as possible.
    pub partial: bool,
    pub facets: Vec<FacetCounts>,
    pub hints: Vec<Hint>,
    /// A respelling of the query that matches the corpus ("did you mean").
    pub suggestion: Option<String>,
}

impl SearchResults {
    pub fn total(&self) -> usize {
        self.hits.len()
    }
}

/// A word or phrase compiled against the index.
#[derive(Clone, Debug, PartialEq)]
pub enum Matcher {
    /// Any of these forms.
    Forms(Vec<FormMatch>),
    /// These form sets at consecutive positions.
    Phrase(Vec<Vec<FormMatch>>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct CompiledClause {
    pub text: String,
    pub matchers: Vec<Matcher>,
    pub scope: Scope,
    pub negated: bool,
    /// Every form any matcher can match, for highlighting.
    pub forms: HashSet<u32>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompiledQuery {
    pub clauses: Vec<CompiledClause>,
}

impl CompiledQuery {
    pub fn positive(&self) -> impl Iterator<Item = &CompiledClause> {
        self.clauses.iter().filter(|c| !c.negated)
    }
}

/// The text part of a search, before filters.
struct Combined {
    /// Positive clauses each document matched; empty when every result
    /// matched all of them (then `Combined::counted` is the count).
    matched_count: Vec<usize>,
    partial: bool,
    text_docs: DocSet,
    /// Positive clauses that count (have any words).
    counted: usize,
}

/// Whether a clause takes part in AND and partial matching: positive and
/// with at least one word (a lone `>` or `…` has none and is ignored).
fn counts(clause: &CompiledClause) -> bool {
    !clause.negated && !clause.matchers.is_empty()
}

/// Per-clause evaluation result.
struct ClauseEval {
    /// Dense per-document weighted frequencies.
    tf: Vec<FieldTf>,
    /// Bitmask of match kinds per document (for explanations).
    kinds: Vec<u8>,
    /// Documents matched.
    docs: DocSet,
    doc_count: u32,
    /// Where each scored document's positions of each word form are, by
    /// document (see [`Engine::clause_positions`]).
    locations: Vec<(u32, PositionsAt)>,
    /// Phrase matches as (doc, start position), sorted.
    phrase_positions: Vec<(u32, u32)>,
    /// Whether `locations` are kept.
    keep_positions: bool,
    scope: Scope,
    /// Matched only through typo-tolerant forms.
    fuzzy_only: bool,
}

impl ClauseEval {
    /// Record that `doc` matches through a form of `kind`.
    #[inline(always)]
    fn mark(&mut self, doc: u32, kind: MatchKind) {
        if let Some(k) = self.kinds.get_mut(doc as usize) {
            *k |= 1 << (kind as u8);
            if !self.docs.contains(doc) {
                self.docs.insert(doc);
                self.doc_count += 1;
            }
        }
    }
}

impl<'a> Engine<'a> {
    /// Open a bundle produced by [`crate::build_bundle`], in place.
    pub fn open(bytes: &'a [u8]) -> Result<Engine<'a>, FormatError> {
        let bundle = bundle::decode(bytes)?;
        let index = Index::open(&bundle.index)?;
        if bundle.index.docs.len() != bundle.corpus.documents.len()
            || bundle.index.quote_ranges.len() != bundle.corpus.quotes.len()
        {
            return Err(FormatError::Payload(
                "index and corpus disagree on document or quote counts".into(),
            ));
        }
        Ok(Engine {
            corpus: bundle.corpus,
            data: bundle.index,
            index,
            facets: OnceLock::new(),
            dates: OnceLock::new(),
            fields: OnceLock::new(),
            facet_docs: OnceLock::new(),
            speakers: OnceLock::new(),
            token_cache: Mutex::new(HashMap::new()),
            params: RankParams::default(),
            norms: OnceLock::new(),
            buffers: Mutex::new(Vec::new()),
        })
    }

    pub fn doc_count(&self) -> usize {
        self.corpus.documents.len()
    }

    pub fn document(&self, doc: u32) -> Option<&Document<'a>> {
        self.corpus.documents.get(doc as usize)
    }

    pub fn stats(&self, doc: u32) -> Option<&DocStats> {
        self.data.docs.get(doc as usize)
    }

    pub fn facets(&self) -> &[Facet] {
        self.facets
            .get_or_init(|| bundle::decode_facets(self.data.facets))
    }

    fn dates(&self) -> &DateOrder {
        self.dates.get_or_init(|| DateOrder::new(&self.corpus))
    }

    fn fields(&self) -> &FieldMap {
        self.fields.get_or_init(|| FieldMap::new(self))
    }

    /// The ranking parameters.
    pub fn params(&self) -> &RankParams {
        &self.params
    }

    /// Rank with other parameters from the next search on.
    pub fn set_params(&mut self, params: RankParams) {
        self.params = params;
        self.norms = OnceLock::new();
    }

    fn norms(&self) -> &[FieldNorms] {
        self.norms.get_or_init(|| {
            let avg = FieldLens {
                title: self.data.avg_title_len,
                body: self.data.avg_body_len,
            };
            self.fields()
                .lens
                .iter()
                .map(|&[title, body]| {
                    let lens = FieldLens {
                        title: title as f32,
                        body: body as f32,
                    };
                    rank::field_norms(lens, avg, &self.params)
                })
                .collect()
        })
    }

    pub fn facet(&self, kind: FacetKind) -> Option<&Facet> {
        self.facets().iter().find(|f| f.kind == kind)
    }

    /// Number of distinct index forms (for statistics).
    pub fn form_count(&self) -> usize {
        self.index.form_count()
    }

    /// Word positions of quote `q`.
    pub fn quote_range(&self, q: u32) -> Option<PosRange> {
        self.data.quote_ranges.get(q as usize).copied()
    }

    fn quote_ranges_of(&self, doc: u32) -> &[PosRange] {
        let Some(stats) = self.stats(doc) else {
            return &[];
        };
        let start = stats.first_quote as usize;
        let end = start + stats.quote_count as usize;
        self.data.quote_ranges.get(start..end).unwrap_or(&[])
    }

    /// Compile a parsed query against the index.
    pub fn compile(&self, query: &Query) -> CompiledQuery {
        let clauses = query
            .clauses
            .iter()
            .map(|clause| {
                let mut matchers = Vec::new();
                for atom in &clause.alternatives {
                    self.compile_atom(atom, clause.negated, &mut matchers);
                }
                let mut forms = HashSet::new();
                for m in &matchers {
                    match m {
                        Matcher::Forms(fs) => forms.extend(fs.iter().map(|f| f.form)),
                        Matcher::Phrase(words) => {
                            for w in words {
                                forms.extend(w.iter().map(|f| f.form));
                            }
                        }
                    }
                }
                let text = clause
                    .alternatives
                    .iter()
                    .map(|a| match a {
                        Atom::Word { text, .. } => text.clone(),
                        Atom::Phrase(p) => format!("\"{p}\""),
                    })
                    .collect::<Vec<_>>()
                    .join(" OR ");
                CompiledClause {
                    text,
                    matchers,
                    scope: clause.scope,
                    negated: clause.negated,
                    forms,
                }
            })
            .collect();
        CompiledQuery { clauses }
    }

    fn expand_word(&self, form: &str, prefix: bool, allow_fuzzy: bool) -> Vec<FormMatch> {
        let how = Expansion {
            prefix,
            fuzzy: false,
        };
        let matches = self.index.expand(form, how);
        let df: u32 = matches
            .iter()
            .map(|m| self.index.doc_frequency(m.form))
            .sum();
        if allow_fuzzy && df < FUZZY_BELOW_DF {
            return self.index.expand(
                form,
                Expansion {
                    prefix,
                    fuzzy: true,
                },
            );
        }
        matches
    }

    fn compile_atom(&self, atom: &Atom, negated: bool, out: &mut Vec<Matcher>) {
        match atom {
            Atom::Word { text: word, prefix } => {
                let tokens = text::tokenize(word);
                let primary: Vec<&text::Token> = tokens.iter().filter(|t| !t.joined).collect();
                // Excluding a word excludes what it says, not its typos.
                let fuzzy = !negated;
                match primary.len() {
                    0 => {}
                    1 => out.push(Matcher::Forms(self.expand_word(
                        &primary[0].form,
                        *prefix,
                        fuzzy,
                    ))),
                    n => {
                        let words = primary
                            .iter()
                            .enumerate()
                            .map(|(i, t)| self.phrase_word(&t.form, *prefix && i == n - 1))
                            .collect();
                        out.push(Matcher::Phrase(words));
                        for joined in tokens.iter().filter(|t| t.joined) {
                            out.push(Matcher::Forms(self.expand_word(&joined.form, false, false)));
                        }
                    }
                }
            }
            Atom::Phrase(phrase) => {
                let primary = text::primary_tokens(phrase);
                match primary.len() {
                    0 => {}
                    1 => out.push(Matcher::Forms(self.phrase_word(&primary[0].form, false))),
                    _ => out.push(Matcher::Phrase(
                        primary
                            .iter()
                            .map(|t| self.phrase_word(&t.form, false))
                            .collect(),
                    )),
                }
            }
        }
    }

    /// A word inside a phrase: exact and spelling variants only, so a quoted
    /// phrase means what it says.
    fn phrase_word(&self, form: &str, prefix: bool) -> Vec<FormMatch> {
        self.index
            .expand(
                form,
                Expansion {
                    prefix,
                    fuzzy: false,
                },
            )
            .into_iter()
            .filter(|m| {
                matches!(
                    m.kind,
                    MatchKind::Exact | MatchKind::Variant | MatchKind::Prefix
                )
            })
            .collect()
    }

    /// Which field a position falls in, for clause scoping and BM25F.
    fn classify(&self, doc: u32, position: u32, scope: Scope) -> Option<(bool, bool, bool)> {
        let stats = self.stats(doc)?;
        let in_title = position < stats.title_len;
        let (in_quote, in_entity) = if in_title {
            (false, false)
        } else {
            self.fields().lookup(doc, position)
        };
        match scope {
            Scope::Title if !in_title => return None,
            Scope::Quote if !in_quote => return None,
            _ => {}
        }
        Some((in_title, in_quote, in_entity))
    }

    fn add_occurrence(
        &self,
        eval: &mut ClauseEval,
        doc: u32,
        position: u32,
        weight: f32,
        scope: Scope,
        kind: MatchKind,
    ) -> bool {
        let Some((in_title, in_quote, in_entity)) = self.classify(doc, position, scope) else {
            return false;
        };
        let Some(tf) = eval.tf.get_mut(doc as usize) else {
            return false;
        };
        if in_title {
            tf.title += weight;
        } else {
            tf.body += weight;
            if in_quote {
                tf.quote += weight;
            }
            if in_entity {
                tf.entity += weight;
            }
        }
        eval.mark(doc, kind);
        eval.phrase_positions.push((doc, position));
        true
    }

    /// Add one document's occurrences of a form (`positions` ascending) to a
    /// clause: one walk over the positions and the document's quote and
    /// entity ranges, instead of a range look-up per position.
    fn add_doc(
        &self,
        eval: &mut ClauseEval,
        doc: u32,
        positions: &[u32],
        weight: f32,
        scope: Scope,
        kind: MatchKind,
    ) -> bool {
        let d = doc as usize;
        let fields = self.fields();
        let Some([title_len, _]) = fields.lens(doc) else {
            return false;
        };
        let Some(tf) = eval.tf.get_mut(d) else {
            return false;
        };
        // Title positions come first.
        let t = positions.partition_point(|&p| p < title_len);
        let (title, body) = positions.split_at(t);
        let count = |n: usize| weight * n as f32;
        let any = match scope {
            Scope::Title => {
                tf.title += count(title.len());
                !title.is_empty()
            }
            Scope::Anywhere => {
                tf.title += count(title.len());
                tf.body += count(body.len());
                let (nq, ne) = fields.count(doc, body);
                tf.quote += count(nq);
                tf.entity += count(ne);
                !positions.is_empty()
            }
            Scope::Quote => {
                let mut any = false;
                for &p in body {
                    let (in_quote, in_entity) = fields.lookup(doc, p);
                    if in_quote {
                        tf.body += weight;
                        tf.quote += weight;
                        if in_entity {
                            tf.entity += weight;
                        }
                        any = true;
                    }
                }
                any
            }
        };
        if any {
            eval.mark(doc, kind);
        }
        any
    }

    /// Add one document's occurrences of a form that are all plain body
    /// text (see [`crate::index::Postings::is_plain`]).
    #[inline(always)]
    fn add_plain(
        &self,
        eval: &mut ClauseEval,
        doc: u32,
        count: usize,
        weight: f32,
        kind: MatchKind,
    ) -> bool {
        let Some(tf) = eval.tf.get_mut(doc as usize) else {
            return false;
        };
        if count == 0 {
            return false;
        }
        tf.body += weight * count as f32;
        eval.mark(doc, kind);
        true
    }

    /// A rough upper bound on the documents a clause matches, from postings
    /// headers only, to evaluate the rarest clauses first.
    fn estimate(&self, clause: &CompiledClause) -> u32 {
        let df = |forms: &[FormMatch]| -> u32 {
            forms
                .iter()
                .map(|f| self.index.doc_frequency(f.form))
                .fold(0u32, u32::saturating_add)
        };
        clause
            .matchers
            .iter()
            .map(|m| match m {
                Matcher::Forms(forms) => df(forms),
                Matcher::Phrase(words) => words.iter().map(|w| df(w)).min().unwrap_or(0),
            })
            .fold(0u32, u32::saturating_add)
    }

    /// Evaluate a clause. With `candidates`, an unscoped word's documents
    /// outside the set are only recorded as matching (document set and
    /// count stay exact, so idf and AND/NOT are unchanged) without their
    /// positions or frequencies: documents that already failed another
    /// clause of an AND are never scored.
    ///
    /// Without `keep_positions` the places of word positions are not kept
    /// (a one-clause query without quote results needs none).
    fn evaluate(
        &self,
        clause: &CompiledClause,
        candidates: Option<&DocSet>,
        keep_positions: bool,
    ) -> ClauseEval {
        let n = self.doc_count();
        let ClauseBuffers { tf, kinds } = self.take_buffers();
        let mut eval = ClauseEval {
            tf,
            kinds,
            docs: DocSet::empty(n),
            doc_count: 0,
            locations: Vec::new(),
            phrase_positions: Vec::new(),
            keep_positions,
            scope: clause.scope,
            fuzzy_only: true,
        };
        let skip = candidates.filter(|_| clause.scope == Scope::Anywhere);
        let mut buf = Vec::new();
        let mut sorted = true;
        let mut form_lists = 0;
        for matcher in &clause.matchers {
            match matcher {
                Matcher::Forms(forms) => {
                    for fm in forms {
                        form_lists += 1;
                        let weight = fm.kind.weight();
                        let fuzzy = matches!(fm.kind, MatchKind::Fuzzy1 | MatchKind::Fuzzy2);
                        let mut postings = self.index.postings(fm.form);
                        while let Some(doc) = postings.next_doc() {
                            if skip.is_some_and(|c| !c.contains(doc)) {
                                if (doc as usize) < n {
                                    eval.mark(doc, fm.kind);
                                    if !fuzzy {
                                        eval.fuzzy_only = false;
                                    }
                                }
                                continue;
                            }
                            let at = postings.positions_location();
                            let any = if postings.is_plain() {
                                // Plain body text: the count is all BM25F
                                // needs, and no scope but the whole text
                                // matches it.
                                clause.scope == Scope::Anywhere
                                    && self.add_plain(
                                        &mut eval,
                                        doc,
                                        postings.position_count(),
                                        weight,
                                        fm.kind,
                                    )
                            } else {
                                postings.positions_into(&mut buf);
                                self.add_doc(&mut eval, doc, &buf, weight, clause.scope, fm.kind)
                            };
                            if any && eval.keep_positions {
                                eval.locations.push((doc, at));
                            }
                            if any && !fuzzy {
                                eval.fuzzy_only = false;
                            }
                        }
                    }
                }
                Matcher::Phrase(words) => {
                    sorted = false;
                    for (doc, start, kind) in self.phrase_matches(words) {
                        if self.add_occurrence(&mut eval, doc, start, 1.0, clause.scope, kind) {
                            eval.fuzzy_only = false;
                        }
                    }
                }
            }
        }
        // One form's postings come out in document order; several forms'
        // are merged (one entry per form and document, not per position).
        if form_lists > 1 {
            eval.locations.sort_unstable();
        }
        if !sorted {
            eval.phrase_positions.sort_unstable();
            eval.phrase_positions.dedup();
        }
        eval
    }

    /// Zeroed per-document buffers for a clause: kept ones, else new ones.
    fn take_buffers(&self) -> ClauseBuffers {
        let n = self.doc_count();
        let kept = self.buffers.lock().ok().and_then(|mut kept| kept.pop());
        match kept {
            Some(b) if b.tf.len() == n && b.kinds.len() == n => b,
            _ => ClauseBuffers {
                tf: vec![FieldTf::default(); n],
                kinds: vec![0; n],
            },
        }
    }

    /// Keep the buffers of finished clause evaluations for later searches,
    /// zeroed again: only the matched documents' entries are ever written.
    fn recycle(&self, evals: Vec<(usize, ClauseEval)>) {
        let Ok(mut kept) = self.buffers.lock() else {
            return;
        };
        for (_, mut e) in evals {
            if kept.len() >= KEPT_BUFFERS {
                break;
            }
            for d in e.docs.iter() {
                if let (Some(tf), Some(k)) = (e.tf.get_mut(d as usize), e.kinds.get_mut(d as usize))
                {
                    *tf = FieldTf::default();
                    *k = 0;
                }
            }
            debug_assert!(
                e.tf.iter().all(|t| *t == FieldTf::default()) && e.kinds.iter().all(|&k| k == 0)
            );
            kept.push(ClauseBuffers {
                tf: e.tf,
                kinds: e.kinds,
            });
        }
    }

    /// `(doc, start position, weakest kind)` of every occurrence of a phrase.
    ///
    /// Documents holding every word are found from document ids alone
    /// (positions skipped); positions are decoded only for those.
    fn phrase_matches(&self, words: &[Vec<FormMatch>]) -> Vec<(u32, u32, MatchKind)> {
        if words.is_empty() || words.iter().any(|w| w.is_empty()) {
            return Vec::new();
        }
        let common = self.phrase_doc_bound(words);
        if common.count() == 0 {
            return Vec::new();
        }
        let mut buf = Vec::new();
        // Per word: sorted (doc, position, kind), in common documents only.
        let lists: Vec<Vec<(u32, u32, MatchKind)>> = words
            .iter()
            .map(|forms| {
                let mut list = Vec::new();
                for fm in forms {
                    let mut postings = self.index.postings(fm.form);
                    while let Some(doc) = postings.next_doc() {
                        if common.contains(doc) {
                            postings.positions_into(&mut buf);
                            list.extend(buf.iter().map(|&p| (doc, p, fm.kind)));
                        }
                    }
                }
                if forms.len() > 1 {
                    list.sort_unstable_by_key(|&(d, p, _)| (d, p));
                }
                list
            })
            .collect();
        // Drive from the rarest word.
        let (driver, _) = lists
            .iter()
            .enumerate()
            .min_by_key(|(_, l)| l.len())
            .unwrap_or((0, &lists[0]));
        let mut out = Vec::new();
        for &(doc, pos, kind) in &lists[driver] {
            let Some(start) = pos.checked_sub(driver as u32) else {
                continue;
            };
            let mut weakest = kind;
            let all = lists.iter().enumerate().all(|(i, list)| {
                let want = (doc, start + i as u32);
                match list.binary_search_by_key(&want, |&(d, p, _)| (d, p)) {
                    Ok(j) => {
                        weakest = weakest.max(list[j].2);
                        true
                    }
                    Err(_) => false,
                }
            });
            if all {
                out.push((doc, start, weakest));
            }
        }
        out
    }

    /// Documents allowed by the query's metadata filters.
    fn filter_docs(&self, filters: &[Filter], hints: &mut Vec<Hint>) -> DocSet {
        let n = self.doc_count();
        let mut allowed = DocSet::full(n);
        for filter in filters {
            match filter {
                Filter::Named {
                    kind,
                    value,
                    negated,
                } => {
                    let facet = match kind {
                        FilterKind::Speaker => FacetKind::Speaker,
                        FilterKind::Outlet => FacetKind::Outlet,
                        FilterKind::Person => FacetKind::Person,
                        FilterKind::Organization => FacetKind::Organization,
                        FilterKind::Place => FacetKind::Place,
                    };
                    let names = self.names_matching(facet, value);
                    if names.is_empty() && !negated {
                        hints.push(Hint {
                            message: format!(
                                "no {} matches '{value}'",
                                facet.label().to_lowercase()
                            ),
                            start: 0,
                            end: 0,
                        });
                    }
                    let mut set = DocSet::empty(n);
                    if let Some(f) = self.facet(facet) {
                        for v in f.values.iter().filter(|v| names.contains(&v.name)) {
                            for &d in &v.docs {
                                set.insert(d);
                            }
                        }
                    }
                    if *negated {
                        allowed.subtract(&set);
                    } else {
                        allowed.intersect_with(&set);
                    }
                }
                Filter::Year { year, negated } => {
                    let set = DocSet::from_docs(
                        n,
                        (0..n as u32).filter(|&d| {
                            self.document(d).and_then(|doc| doc.year()) == Some(*year)
                        }),
                    );
                    if *negated {
                        allowed.subtract(&set);
                    } else {
                        allowed.intersect_with(&set);
                    }
                }
                Filter::After(date) | Filter::Before(date) => {
                    let after = matches!(filter, Filter::After(_));
                    for d in 0..n as u32 {
                        let keep = self
                            .document(d)
                            .and_then(|doc| doc.date.as_deref())
                            .is_some_and(|dd| {
                                if after {
                                    dd >= date.as_str()
                                } else {
                                    dd < date.as_str()
                                }
                            });
                        if !keep {
                            allowed.remove(d);
                        }
                    }
                }
            }
        }
        allowed
    }

    /// Facet values (canonical names) a typed name refers to: every word of
    /// the typed value appears in the name or one of its aliases, diacritics
    /// and case aside; the last word may be a prefix.
    pub fn names_matching(&self, facet: FacetKind, value: &str) -> Vec<String> {
        let wanted: Vec<String> = text::normalized_words(value);
        if wanted.is_empty() {
            return Vec::new();
        }
        let matches_name = |name: &str| {
            let words = text::normalized_words(name);
            wanted.iter().enumerate().all(|(i, w)| {
                words
                    .iter()
                    .any(|x| x == w || (i + 1 == wanted.len() && x.starts_with(w.as_str())))
            })
        };
        let entity_kind = match facet {
            FacetKind::Person | FacetKind::Speaker => Some(EntityKind::Person),
            FacetKind::Organization => Some(EntityKind::Organization),
            FacetKind::Place => Some(EntityKind::Place),
            _ => None,
        };
        let mut names: Vec<String> = Vec::new();
        if let Some(f) = self.facet(facet) {
            for v in &f.values {
                if matches_name(&v.name) {
                    names.push(v.name.clone());
                }
            }
        }
        if let Some(kind) = entity_kind {
            for e in self.corpus.entities.iter().filter(|e| e.kind == kind) {
                if e.aliases.iter().any(|a| matches_name(a)) && !names.contains(&e.name) {
                    names.push(e.name.clone());
                }
            }
        }
        names
    }

    fn selection_docs(&self, selection: &Selection) -> Option<DocSet> {
        let facet = self.facet(selection.facet?)?;
        let n = self.doc_count();
        let mut set = if selection.include.is_empty() {
            DocSet::full(n)
        } else {
            let mut s = DocSet::empty(n);
            for v in facet
                .values
                .iter()
                .filter(|v| selection.include.contains(&v.name))
            {
                for &d in &v.docs {
                    s.insert(d);
                }
            }
            s
        };
        for v in facet
            .values
            .iter()
            .filter(|v| selection.exclude.contains(&v.name))
        {
            for &d in &v.docs {
                set.remove(d);
            }
        }
        Some(set)
    }

    /// A superset of the documents a clause matches, from postings document
    /// ids only: every form of a word, every word of a phrase (scopes are
    /// ignored; they only narrow).
    fn clause_doc_bound(&self, clause: &CompiledClause) -> DocSet {
        let mut out = DocSet::empty(self.doc_count());
        for matcher in &clause.matchers {
            match matcher {
                Matcher::Forms(forms) => self.add_form_docs(forms, &mut out),
                Matcher::Phrase(words) => out.union_with(&self.phrase_doc_bound(words)),
            }
        }
        out
    }

    /// Documents holding any of `forms`, added to `set` (positions skipped).
    fn add_form_docs(&self, forms: &[FormMatch], set: &mut DocSet) {
        for fm in forms {
            let mut postings = self.index.postings(fm.form);
            while let Some(doc) = postings.next_doc() {
                set.insert(doc);
            }
        }
    }

    /// Documents holding every word of a phrase (a superset of those
    /// holding the phrase); empty for an empty phrase.
    fn phrase_doc_bound(&self, words: &[Vec<FormMatch>]) -> DocSet {
        let n = self.doc_count();
        let mut common: Option<DocSet> = None;
        for forms in words {
            let mut set = DocSet::empty(n);
            self.add_form_docs(forms, &mut set);
            match &mut common {
                None => common = Some(set),
                Some(c) => c.intersect_with(&set),
            }
            if common.as_ref().is_some_and(|c| c.count() == 0) {
                break;
            }
        }
        common.unwrap_or_else(|| DocSet::empty(n))
    }

    /// Evaluate every clause, the rarest positive ones first; with
    /// `restrict`, each later unscoped word is scored only in documents that
    /// matched all earlier positive clauses (see [`Engine::evaluate`]).
    fn evaluate_all(
        &self,
        compiled: &CompiledQuery,
        restrict: bool,
        keep_positions: bool,
    ) -> Vec<(usize, ClauseEval)> {
        let n = self.doc_count();
        let mut order: Vec<(u32, usize)> = compiled
            .clauses
            .iter()
            .enumerate()
            .filter(|(_, c)| counts(c))
            .map(|(i, c)| (self.estimate(c), i))
            .collect();
        order.sort_unstable();
        let mut slots: Vec<Option<ClauseEval>> = compiled.clauses.iter().map(|_| None).collect();
        // Documents that can match every positive clause, from document ids
        // alone (positions skipped): no clause, not even the rarest, decodes
        // positions in a document another clause rules out.
        let mut candidates: Option<DocSet> = None;
        if restrict && order.len() > 1 {
            for &(_, i) in &order {
                let docs = self.clause_doc_bound(&compiled.clauses[i]);
                match &mut candidates {
                    None => candidates = Some(docs),
                    Some(c) => c.intersect_with(&docs),
                }
            }
        }
        for (_, i) in order {
            let eval = self.evaluate(
                &compiled.clauses[i],
                candidates.as_ref().filter(|_| restrict),
                keep_positions,
            );
            match &mut candidates {
                None => candidates = Some(eval.docs.clone()),
                Some(c) => c.intersect_with(&eval.docs),
            }
            slots[i] = Some(eval);
        }
        // Excluded clauses need only their documents.
        let nothing = DocSet::empty(n);
        for (i, c) in compiled.clauses.iter().enumerate() {
            if slots[i].is_none() {
                slots[i] = Some(self.evaluate(c, c.negated.then_some(&nothing), false));
            }
        }
        slots
            .into_iter()
            .enumerate()
            .filter_map(|(i, e)| Some((i, e?)))
            .collect()
    }

    /// AND over the positive clauses, else the best partial matches.
    fn combine(&self, compiled: &CompiledQuery, evals: &[(usize, ClauseEval)]) -> Combined {
        let n = self.doc_count();
        let positive: Vec<&ClauseEval> = evals
            .iter()
            .filter(|(i, _)| counts(&compiled.clauses[*i]))
            .map(|(_, e)| e)
            .collect();
        // Usually some documents match every clause: one bitset AND per
        // clause, no per-document counting.
        if let Some((first, rest)) = positive.split_first() {
            let mut all = first.docs.clone();
            for e in rest {
                all.intersect_with(&e.docs);
            }
            if rest.is_empty() || all.count() > 0 {
                return Combined {
                    matched_count: Vec::new(),
                    partial: false,
                    text_docs: all,
                    counted: positive.len(),
                };
            }
        }
        let mut matched_count = vec![0usize; n];
        for e in &positive {
            for d in e.docs.iter() {
                if let Some(c) = matched_count.get_mut(d as usize) {
                    *c += 1;
                }
            }
        }
        let mut partial = false;
        let text_docs = if positive.is_empty() {
            // A query of only punctuation matches nothing; no text, all.
            if compiled.positive().next().is_some() {
                DocSet::empty(n)
            } else {
                DocSet::full(n)
            }
        } else {
            let all = positive.len();
            let best = matched_count.iter().copied().max().unwrap_or(0);
            let need = if best == all {
                all
            } else {
                partial = best > 0;
                best.max(1)
            };
            DocSet::from_docs(
                n,
                (0..n as u32).filter(|&d| matched_count[d as usize] >= need),
            )
        };
        Combined {
            matched_count,
            partial,
            text_docs,
            counted: positive.len(),
        }
    }

    /// Run a search.
    pub fn search(&self, request: &SearchRequest) -> SearchResults {
        let n = self.doc_count();
        let mut query = query::parse(&request.query);
        let mut hints = std::mem::take(&mut query.hints);
        let compiled = self.compile(&query);
        // Positions serve proximity (several clauses) and quote results.
        let keep_positions =
            request.quotes || compiled.clauses.iter().filter(|c| counts(c)).count() > 1;
        let mut evals = self.evaluate_all(&compiled, true, keep_positions);
        let mut combined = self.combine(&compiled, &evals);
        if combined.partial && combined.counted > 1 {
            // The restricted evaluation left documents that match only some
            // clauses unscored: evaluate fully for the partial matches.
            evals = self.evaluate_all(&compiled, false, keep_positions);
            combined = self.combine(&compiled, &evals);
        }
        let Combined {
            matched_count,
            partial,
            text_docs,
            counted,
        } = combined;
        let positive: Vec<&(usize, ClauseEval)> = evals
            .iter()
            .filter(|(i, _)| counts(&compiled.clauses[*i]))
            .collect();
        if partial {
            let missing: Vec<&str> = positive
                .iter()
                .filter(|(_, e)| e.doc_count == 0)
                .map(|(i, _)| compiled.clauses[*i].text.as_str())
                .collect();
            let message = if missing.is_empty() {
                "no article contains all of the words: showing articles that contain most of them"
                    .to_string()
            } else {
                format!(
                    "no article contains {}: showing articles that contain the other words",
                    missing.join(", ")
                )
            };
            hints.push(Hint {
                message,
                start: 0,
                end: 0,
            });
        }
        let mut text_docs = text_docs;
        for (i, e) in &evals {
            if compiled.clauses[*i].negated {
                text_docs.subtract(&e.docs);
            }
        }
        let filter_docs = self.filter_docs(&query.filters, &mut hints);
        let mut base = text_docs;
        base.intersect_with(&filter_docs);

        // Facet selections: results = base ∧ every selection.
        let selection_sets: Vec<(FacetKind, DocSet)> = request
            .selections
            .iter()
            .filter_map(|s| Some((s.facet?, self.selection_docs(s)?)))
            .collect();
        let mut results = base.clone();
        for (_, set) in &selection_sets {
            results.intersect_with(set);
        }

        // Scores.
        let idfs: Vec<f32> = positive
            .iter()
            .map(|(_, e)| rank::idf(n as u32, e.doc_count))
            .collect();
        // Hits are ranked as bare 8-byte keys (score, then date rank, which
        // names the document): they sort in about half the instructions of
        // (key, index) pairs, and the hits are built once, in order.
        let norms = self.norms();
        let dates = self.dates();
        let mut keys: Vec<u64> = Vec::with_capacity(results.count());
        keys.extend(results.iter().map(|d| {
            let doc_norms = norms.get(d as usize).copied().unwrap_or_default();
            let score = positive
                .iter()
                .zip(&idfs)
                .map(|((_, e), &idf)| self.clause_score(e, d, doc_norms, idf))
                .sum();
            dates.key(d, score)
        }));
        // Proximity bonus for the best candidates of multi-clause queries.
        if positive.len() > 1 {
            // The best PROXIMITY_TOP, in any order: a partition, not a sort.
            if keys.len() > PROXIMITY_TOP {
                keys.select_nth_unstable(PROXIMITY_TOP - 1);
            }
            for key in keys.iter_mut().take(PROXIMITY_TOP) {
                if let Some(doc) = dates.doc_of(*key) {
                    let score = key_score(*key) * self.proximity_factor(doc, &positive);
                    *key = dates.key(doc, score);
                }
            }
        }
        if request.sort == Sort::Relevance {
            keys.sort_unstable();
        }
        let mut hits: Vec<Hit> = keys
            .iter()
            .filter_map(|&key| {
                let doc = dates.doc_of(key)?;
                Some(Hit {
                    doc,
                    score: key_score(key),
                    matched: matched_count.get(doc as usize).copied().unwrap_or(counted),
                    explain: None,
                })
            })
            .collect();
        sort_by_date(&mut hits, request.sort, dates);
        for hit in hits.iter_mut().take(request.explain) {
            hit.explain = Some(Box::new(self.explain(hit, &compiled, &positive, &idfs)));
        }

        let quotes = if request.quotes {
            self.quote_hits(&query, &compiled, &positive, &idfs, &results)
        } else {
            Vec::new()
        };
        let facets = if request.facets {
            self.facet_counts(&base, &results, &selection_sets, request)
        } else {
            Vec::new()
        };
        let suggestion = self.suggestion(&query, &compiled, &positive, hits.is_empty() || partial);
        hints.append(&mut query.hints);
        self.recycle(evals);
        SearchResults {
            query,
            compiled,
            hits,
            quotes,
            partial,
            facets,
            hints,
            suggestion,
        }
    }

    /// BM25F of one clause in one document, scaled by the best kind of match
    /// the document has for it (exact > variant > stemmed > prefix > fuzzy).
    fn clause_score(&self, eval: &ClauseEval, doc: u32, norms: FieldNorms, idf: f32) -> f32 {
        let d = doc as usize;
        let best = MatchKind::best_in(eval.kinds[d]).map_or(1.0, MatchKind::weight);
        rank::bm25f_normed(eval.tf[d], norms, idf, &self.params) * best
    }

    /// The positions (ascending, within the clause's scope) at which a
    /// clause matched in `doc`, written to `out` (cleared first): decoded
    /// again from the places evaluation noted.
    fn clause_positions(&self, eval: &ClauseEval, doc: u32, out: &mut Vec<u32>) {
        out.clear();
        let lo = eval.locations.partition_point(|&(d, _)| d < doc);
        let hi = eval.locations.partition_point(|&(d, _)| d <= doc);
        let mut sources = hi - lo;
        for &(_, at) in &eval.locations[lo..hi] {
            self.index.positions_at(at, out);
        }
        if eval.scope != Scope::Anywhere {
            if let Some(stats) = self.stats(doc) {
                let title_len = stats.title_len;
                match eval.scope {
                    Scope::Title => out.retain(|&p| p < title_len),
                    _ => {
                        let fields = self.fields();
                        out.retain(|&p| p >= title_len && fields.in_quote(doc, p));
                    }
                }
            }
        }
        let lo = eval.phrase_positions.partition_point(|&(d, _)| d < doc);
        let hi = eval.phrase_positions.partition_point(|&(d, _)| d <= doc);
        if hi > lo {
            out.extend(eval.phrase_positions[lo..hi].iter().map(|&(_, p)| p));
            sources += 1;
        }
        if sources > 1 {
            out.sort_unstable();
            out.dedup();
        }
    }

    fn proximity_factor(&self, doc: u32, positive: &[&(usize, ClauseEval)]) -> f32 {
        let lists: Vec<Vec<u32>> = positive
            .iter()
            .map(|(_, e)| {
                let mut list = Vec::new();
                self.clause_positions(e, doc, &mut list);
                list
            })
            .filter(|l: &Vec<u32>| !l.is_empty())
            .collect();
        let refs: Vec<&[u32]> = lists.iter().map(Vec::as_slice).collect();
        match rank::smallest_window(&refs) {
            Some(window) => rank::proximity_factor(refs.len(), window, &self.params),
            None => 1.0,
        }
    }

    fn explain(
        &self,
        hit: &Hit,
        compiled: &CompiledQuery,
        positive: &[&(usize, ClauseEval)],
        idfs: &[f32],
    ) -> Explanation {
        let d = hit.doc as usize;
        let doc_norms = self.norms().get(d).copied().unwrap_or_default();
        let clauses: Vec<ClauseExplanation> = positive
            .iter()
            .zip(idfs)
            .map(|((i, e), &idf)| {
                let kinds = MatchKind::ALL
                    .into_iter()
                    .filter(|k| e.kinds[d] & (1 << (*k as u8)) != 0)
                    .map(MatchKind::label)
                    .fold(Vec::new(), |mut v, l| {
                        if !v.contains(&l) {
                            v.push(l)
                        }
                        v
                    });
                ClauseExplanation {
                    clause: compiled.clauses[*i].text.clone(),
                    idf,
                    tf: e.tf[d],
                    score: self.clause_score(e, hit.doc, doc_norms, idf),
                    kinds,
                }
            })
            .collect();
        let proximity_factor = if positive.len() > 1 {
            self.proximity_factor(hit.doc, positive)
        } else {
            1.0
        };
        Explanation {
            clauses,
            proximity_factor,
            total: hit.score,
        }
    }

    /// Quotes whose words (or speaker) match every positive clause, within
    /// the result documents.
    fn quote_hits(
        &self,
        query: &Query,
        compiled: &CompiledQuery,
        positive: &[&(usize, ClauseEval)],
        idfs: &[f32],
        results: &DocSet,
    ) -> Vec<QuoteHit> {
        let speaker_names: Vec<(Vec<String>, bool)> = query
            .filters
            .iter()
            .filter_map(|f| match f {
                Filter::Named {
                    kind: FilterKind::Speaker,
                    value,
                    negated,
                } => Some((self.names_matching(FacetKind::Speaker, value), *negated)),
                _ => None,
            })
            .collect();
        let speakers = self.speakers.get_or_init(|| Speakers::new(&self.corpus));
        // Per speaker, worked out once per search: allowed by the speaker
        // filters, and which clauses (bit i: clause i, first 64) name them,
        // from the speakers each clause's words appear in.
        let speaker_ok: Vec<bool> = speakers
            .names
            .iter()
            .map(|speaker| {
                speaker_names
                    .iter()
                    .all(|(names, negated)| names.iter().any(|n| n == speaker) != *negated)
            })
            .collect();
        let mut speaker_clauses: Vec<u64> = vec![0; speakers.names.len()];
        for (i, (c, _)) in positive.iter().enumerate().take(64) {
            for key in clause_name_keys(&compiled.clauses[*c]) {
                for &sp in speakers.named_by(&key) {
                    if let Some(bits) = speaker_clauses.get_mut(sp as usize) {
                        *bits |= 1 << i;
                    }
                }
            }
        }
        let mut out = Vec::new();
        let mut best_matched = 0;
        let mut scored: Vec<(u32, f32, usize)> = Vec::new();
        let mut clause_lists: Vec<Vec<u32>> = vec![Vec::new(); positive.len()];
        for doc in results.iter() {
            let Some(stats) = self.stats(doc) else {
                continue;
            };
            if stats.quote_count == 0 {
                continue;
            }
            for ((_, e), list) in positive.iter().zip(clause_lists.iter_mut()) {
                self.clause_positions(e, doc, list);
            }
            for q in stats.first_quote..stats.first_quote.saturating_add(stats.quote_count) {
                let Some(&sp) = speakers.of_quote.get(q as usize) else {
                    continue;
                };
                let sp = sp as usize;
                if !speaker_ok.get(sp).copied().unwrap_or(false) {
                    continue;
                }
                let range = self.data.quote_ranges[q as usize];
                let named = speaker_clauses.get(sp).copied().unwrap_or(0);
                let mut matched = 0;
                let mut score = 0.0;
                for (i, (list, idf)) in clause_lists.iter().zip(idfs).enumerate() {
                    let lo = list.partition_point(|&p| p < range.start);
                    let tf = list[lo..]
                        .iter()
                        .take_while(|&&p| range.contains(p))
                        .count();
                    let by_speaker = i < 64 && named >> i & 1 == 1;
                    if tf > 0 {
                        matched += 1;
                        score += idf * (1.0 + (tf as f32).ln());
                    } else if by_speaker {
                        matched += 1;
                        score += idf * 0.5;
                    }
                }
                if matched > 0 || positive.is_empty() {
                    best_matched = best_matched.max(matched);
                    scored.push((q, score, matched));
                }
            }
        }
        let need = if positive.is_empty() {
            0
        } else {
            best_matched.max(1)
        };
        // Quotes matching every clause if any do, else the best partial ones.
        let need = if best_matched == positive.len() {
            positive.len()
        } else {
            need
        };
        for (q, score, matched) in scored {
            if matched >= need {
                out.push(QuoteHit { quote: q, score });
            }
        }
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.quote.cmp(&b.quote)));
        out
    }

    fn facet_counts(
        &self,
        base: &DocSet,
        results: &DocSet,
        selection_sets: &[(FacetKind, DocSet)],
        request: &SearchRequest,
    ) -> Vec<FacetCounts> {
        let n = self.doc_count();
        let by_doc = self
            .facet_docs
            .get_or_init(|| self.facets().iter().map(|f| DocValues::new(f, n)).collect());
        self.facets()
            .iter()
            .zip(by_doc)
            .map(|(facet, by_doc)| {
                let selection = request
                    .selections
                    .iter()
                    .find(|s| s.facet == Some(facet.kind));
                // Counted from the documents' side: the work is the values
                // the results carry, not every value of the facet.
                // Listed: values in the results or the totals, and the
                // selected and excluded ones; in the facet's own order (a
                // set of value indices, not a sort of thousands of them).
                let value_count = facet.values.len();
                let mut listed = DocSet::empty(value_count);
                let counts = by_doc.count(results, value_count, &mut listed);
                // Results if this facet's own selection were lifted.
                let totals = selection.map(|_| {
                    let mut set = base.clone();
                    for (kind, s) in selection_sets {
                        if *kind != facet.kind {
                            set.intersect_with(s);
                        }
                    }
                    by_doc.count(&set, value_count, &mut listed)
                });
                let mut selected = DocSet::empty(value_count);
                let mut excluded = DocSet::empty(value_count);
                if let Some(s) = selection {
                    for (i, v) in facet.values.iter().enumerate() {
                        if s.include.contains(&v.name) {
                            selected.insert(i as u32);
                        }
                        if s.exclude.contains(&v.name) {
                            excluded.insert(i as u32);
                        }
                    }
                    listed.union_with(&selected);
                    listed.union_with(&excluded);
                }
                let values = listed
                    .iter()
                    .map(|i| {
                        let count = counts.get(i as usize).copied().unwrap_or(0) as usize;
                        let total = totals
                            .as_ref()
                            .map_or(count, |t| t.get(i as usize).copied().unwrap_or(0) as usize);
                        FacetCount {
                            value: i,
                            count,
                            total,
                            selected: selected.contains(i),
                            excluded: excluded.contains(i),
                        }
                    })
                    .collect();
                FacetCounts {
                    kind: facet.kind,
                    names: Arc::clone(&by_doc.names),
                    values,
                }
            })
            .collect()
    }

    /// "Did you mean": respell words that matched only through typo
    /// tolerance (or not at all) with their closest index word.
    fn suggestion(
        &self,
        query: &Query,
        compiled: &CompiledQuery,
        positive: &[&(usize, ClauseEval)],
        weak: bool,
    ) -> Option<String> {
        let mut changed = false;
        let mut words = Vec::new();
        for (i, clause) in query.clauses.iter().enumerate() {
            let eval = positive.iter().find(|(j, _)| *j == i).map(|(_, e)| e);
            let mut text = clause_display(clause);
            if let (Some(e), [Atom::Word { text: word, .. }]) =
                (eval, clause.alternatives.as_slice())
            {
                let needs = e.doc_count == 0 || e.fuzzy_only;
                if needs && (weak || e.fuzzy_only) {
                    let best = compiled.clauses[i]
                        .matchers
                        .iter()
                        .filter_map(|m| match m {
                            Matcher::Forms(fs) => fs.first(),
                            Matcher::Phrase(_) => None,
                        })
                        .next()
                        .map(|m| m.key.clone());
                    // A single word was already expanded with typos when
                    // it compiled; only a compound word's parts were not.
                    let tried =
                        matches!(compiled.clauses[i].matchers.as_slice(), [Matcher::Forms(_)]);
                    let best = best.or_else(|| {
                        if tried {
                            return None;
                        }
                        let form = text::primary_tokens(word).first()?.form.clone();
                        self.index
                            .expand(
                                &form,
                                Expansion {
                                    prefix: false,
                                    fuzzy: true,
                                },
                            )
                            .into_iter()
                            .find(|m| matches!(m.kind, MatchKind::Fuzzy1 | MatchKind::Fuzzy2))
                            .map(|m| m.key)
                    });
                    if let Some(best) = best {
                        if best != text::normalize(&word.to_lowercase()) {
                            text = best;
                            changed = true;
                        }
                    }
                }
            }
            words.push(text);
        }
        changed.then(|| words.join(" "))
    }
}

fn clause_display(clause: &query::Clause) -> String {
    let body = clause
        .alternatives
        .iter()
        .map(|a| match a {
            Atom::Word { text, .. } => text.clone(),
            Atom::Phrase(p) => format!("\"{p}\""),
        })
        .collect::<Vec<_>>()
        .join(" OR ");
    let scope = match clause.scope {
        Scope::Anywhere => "",
        Scope::Title => "title:",
        Scope::Quote => "quote:",
    };
    format!("{}{scope}{body}", if clause.negated { "-" } else { "" })
}

/// The normalized words a clause matches exactly (or as the word being
/// typed), for matching it against a speaker's name.
fn clause_name_keys(clause: &CompiledClause) -> HashSet<String> {
    let mut keys = HashSet::new();
    if clause.scope != Scope::Anywhere {
        return keys;
    }
    for m in &clause.matchers {
        if let Matcher::Forms(fs) = m {
            for f in fs {
                match f.kind {
                    MatchKind::Exact => {
                        keys.insert(text::normalize(&f.key));
                    }
                    MatchKind::Variant | MatchKind::Prefix => {
                        keys.insert(f.key.clone());
                    }
                    _ => {}
                }
            }
        }
    }
    keys
}

/// Every quote's speaker as an index into distinct names (`""`, index 0,
/// for none), and for each normalized word the speakers whose names hold
/// it: a search finds the speakers a clause names by looking its words up,
/// not by comparing every speaker's name.
struct Speakers {
    of_quote: Vec<u32>,
    names: Vec<String>,
    by_word: HashMap<String, Vec<u32>>,
}

impl Speakers {
    fn new(corpus: &Corpus<'_>) -> Speakers {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut names = vec![String::new()];
        ids.insert("", 0);
        let of_quote = corpus
            .quotes
            .iter()
            .map(|q| {
                let name = q.speaker.as_deref().unwrap_or("");
                *ids.entry(name).or_insert_with(|| {
                    names.push(name.to_string());
                    (names.len() - 1) as u32
                })
            })
            .collect();
        let mut by_word: HashMap<String, Vec<u32>> = HashMap::new();
        for (sp, name) in names.iter().enumerate() {
            for word in text::normalized_words(name) {
                let list = by_word.entry(word).or_default();
                if list.last() != Some(&(sp as u32)) {
                    list.push(sp as u32);
                }
            }
        }
        Speakers {
            of_quote,
            names,
            by_word,
        }
    }

    /// Speakers whose name holds the normalized word `key`.
    fn named_by(&self, key: &str) -> &[u32] {
        self.by_word.get(key).map_or(&[], Vec::as_slice)
    }
}

/// One facet's values per document (compressed rows: `values[offsets[d] ..
/// offsets[d + 1]]` are the indices of document `d`'s values).
struct DocValues {
    offsets: Vec<u32>,
    values: Vec<u32>,
    /// The facet's value names, shared by every search's counts.
    names: Arc<[Box<str>]>,
}

impl DocValues {
    fn new(facet: &Facet, n: usize) -> DocValues {
        let mut per_doc = vec![0u32; n + 1];
        for v in &facet.values {
            for &d in &v.docs {
                if let Some(c) = per_doc.get_mut(d as usize + 1) {
                    *c += 1;
                }
            }
        }
        for i in 1..per_doc.len() {
            per_doc[i] += per_doc[i - 1];
        }
        let offsets = per_doc.clone();
        let mut next = per_doc;
        let mut values = vec![0u32; offsets[n] as usize];
        for (i, v) in facet.values.iter().enumerate() {
            for &d in v.docs.iter().filter(|&&d| (d as usize) < n) {
                let slot = &mut next[d as usize];
                values[*slot as usize] = i as u32;
                *slot += 1;
            }
        }
        let names = facet
            .values
            .iter()
            .map(|v| v.name.as_str().into())
            .collect();
        DocValues {
            offsets,
            values,
            names,
        }
    }

    /// How many documents of `docs` carry each value, with the values
    /// counted at least once marked in `touched` (a set of value indices).
    fn count(&self, docs: &DocSet, value_count: usize, touched: &mut DocSet) -> Vec<u32> {
        let mut counts = vec![0u32; value_count];
        for d in docs.iter() {
            let d = d as usize;
            let (Some(&lo), Some(&hi)) = (self.offsets.get(d), self.offsets.get(d + 1)) else {
                continue;
            };
            for &v in self.values.get(lo as usize..hi as usize).unwrap_or(&[]) {
                if let Some(c) = counts.get_mut(v as usize) {
                    *c += 1;
                    touched.insert(v);
                }
            }
        }
        counts
    }
}

/// Which word positions of every document lie inside a direct quote or an
/// entity mention, as two bitsets over all documents' positions laid end to
/// end: classifying a position is one bit test, where walking a document's
/// (often hundreds of) entity ranges per word was most of the cost of a
/// common word.
struct FieldMap {
    /// First bit of each document (`n + 1` entries).
    base: Vec<usize>,
    /// Title and body length of each document, in one small table: the
    /// per-hit loops read these for every hit, and the full `DocStats`
    /// records are five times larger and scattered.
    lens: Vec<[u32; 2]>,
    /// Quote and entity bits interleaved: word `2k` holds the quote bits of
    /// positions `64k..64k + 64`, word `2k + 1` their entity bits. Both sit
    /// in one cache line, so classifying a position costs one memory access
    /// (the bitsets are too large for the cache, and each look-up of a
    /// common word's positions is a miss).
    bits: Vec<u64>,
}

impl FieldMap {
    fn new(engine: &Engine<'_>) -> FieldMap {
        let n = engine.doc_count();
        let mut base = Vec::with_capacity(n + 1);
        let mut lens = Vec::with_capacity(n);
        let mut total = 0usize;
        for d in 0..n as u32 {
            base.push(total);
            let stats = engine.stats(d);
            lens.push(stats.map_or([0, 0], |s| [s.title_len, s.body_len]));
            let extent = stats.map_or(0, |s| s.body_base().saturating_add(s.body_len));
            total = total.saturating_add(extent as usize);
        }
        base.push(total);
        // Every body word has a position in the postings, each at least a
        // byte: lengths beyond that come from a corrupt bundle, and get an
        // empty map rather than a huge allocation.
        if total > engine.data.postings.len().saturating_mul(2) + (1 << 20) {
            return FieldMap {
                base: vec![0; n + 1],
                lens,
                bits: Vec::new(),
            };
        }
        let mut map = FieldMap {
            base,
            lens,
            bits: vec![0; total.div_ceil(64) * 2],
        };
        for d in 0..n as u32 {
            let start = map.base[d as usize];
            let extent = (map.base[d as usize + 1] - start) as u32;
            let quotes = engine.quote_ranges_of(d);
            let entities = engine.stats(d).map_or(&[][..], |s| &s.entity_ranges);
            for (ranges, lane) in [(quotes, 0), (entities, 1)] {
                for r in ranges {
                    for p in r.start..r.end.min(extent) {
                        let i = start + p as usize;
                        if let Some(w) = map.bits.get_mut(i / 64 * 2 + lane) {
                            *w |= 1 << (i % 64);
                        }
                    }
                }
            }
        }
        map
    }

    /// `[title length, body length]` of a document.
    #[inline(always)]
    fn lens(&self, doc: u32) -> Option<[u32; 2]> {
        self.lens.get(doc as usize).copied()
    }

    /// `(in quote, in entity)` of one position.
    #[inline(always)]
    fn lookup(&self, doc: u32, position: u32) -> (bool, bool) {
        let d = doc as usize;
        let (Some(&start), Some(&end)) = (self.base.get(d), self.base.get(d + 1)) else {
            return (false, false);
        };
        let i = start + position as usize;
        if i >= end {
            return (false, false);
        }
        let [q, e] = self.bits_at(i);
        (q == 1, e == 1)
    }

    /// The quote and entity bits (0 or 1) of global bit `i`.
    #[inline(always)]
    fn bits_at(&self, i: usize) -> [u64; 2] {
        match self.bits.get(i / 64 * 2..i / 64 * 2 + 2) {
            Some(&[q, e]) => [q >> (i % 64) & 1, e >> (i % 64) & 1],
            _ => [0, 0],
        }
    }

    fn in_quote(&self, doc: u32, position: u32) -> bool {
        self.lookup(doc, position).0
    }

    /// How many of `positions` (ascending) are in a quote, and in an entity
    /// mention.
    #[inline(always)]
    fn count(&self, doc: u32, positions: &[u32]) -> (usize, usize) {
        let d = doc as usize;
        let (Some(&start), Some(&end)) = (self.base.get(d), self.base.get(d + 1)) else {
            return (0, 0);
        };
        let (mut q, mut e) = (0, 0);
        for &p in positions {
            let i = start + p as usize;
            if i >= end {
                break;
            }
            let [qb, eb] = self.bits_at(i);
            q += qb as usize;
            e += eb as usize;
        }
        (q, e)
    }
}

/// Documents in date order, for sorting hits with integer keys instead of
/// comparing date strings.
struct DateOrder {
    /// Position of each document when sorted newest first (undated last),
    /// ties by document index.
    rank: Vec<u32>,
    /// The document at each position of `rank` (its inverse).
    order: Vec<u32>,
    /// Index of each document's date among the distinct dates, newest first;
    /// `u32::MAX` when undated.
    newest: Vec<u32>,
    distinct: u32,
}

impl DateOrder {
    fn new(corpus: &Corpus<'_>) -> DateOrder {
        let n = corpus.documents.len();
        let date = |d: usize| corpus.documents[d].date.as_deref();
        let mut order: Vec<usize> = (0..n).collect();
        // Newest first, undated (None sorts lowest) last, then by index.
        order.sort_by(|&a, &b| date(b).cmp(&date(a)).then(a.cmp(&b)));
        let mut rank = vec![0u32; n];
        let mut newest = vec![u32::MAX; n];
        let mut distinct = 0u32;
        let mut prev: Option<&str> = None;
        for (r, &d) in order.iter().enumerate() {
            rank[d] = r as u32;
            if let Some(x) = date(d) {
                if prev != Some(x) {
                    distinct += 1;
                    prev = Some(x);
                }
                newest[d] = distinct - 1;
            }
        }
        DateOrder {
            rank,
            order: order.into_iter().map(|d| d as u32).collect(),
            newest,
            distinct,
        }
    }
}

/// An order-preserving map of a score to an integer, highest score first
/// (the same order as `f32::total_cmp`, reversed).
fn score_key(score: f32) -> u32 {
    let bits = score.to_bits();
    let ordered = if bits & 0x8000_0000 != 0 {
        !bits
    } else {
        bits | 0x8000_0000
    };
    !ordered
}

impl DateOrder {
    /// A hit's relevance key: score, then newest first, then document
    /// index (`rank` encodes the last two), lowest first. Unique per
    /// document, so an unstable sort on it is exact.
    fn key(&self, doc: u32, score: f32) -> u64 {
        let rank = self.rank.get(doc as usize).copied().unwrap_or(u32::MAX);
        (u64::from(score_key(score)) << 32) | u64::from(rank)
    }

    /// The document of a [`DateOrder::key`].
    fn doc_of(&self, key: u64) -> Option<u32> {
        self.order.get(key as u32 as usize).copied()
    }
}

/// The score of a [`DateOrder::key`].
fn key_score(key: u64) -> f32 {
    let ordered = !((key >> 32) as u32);
    f32::from_bits(if ordered & 0x8000_0000 != 0 {
        ordered & 0x7fff_ffff
    } else {
        !ordered
    })
}

/// Order hits by date for the date sorts (relevance order comes from the
/// keys).
fn sort_by_date(hits: &mut [Hit], sort: Sort, dates: &DateOrder) {
    let newest = |d: u32| dates.newest.get(d as usize).copied().unwrap_or(u32::MAX);
    match sort {
        Sort::Relevance => {}
        // Date (undated articles last either way), then score, then index.
        Sort::Newest | Sort::Oldest => hits.sort_by_cached_key(|h| {
            let day = match newest(h.doc) {
                u32::MAX => u32::MAX,
                x if sort == Sort::Newest => x,
                x => dates.distinct.saturating_sub(1).saturating_sub(x),
            };
            (day, score_key(h.score), h.doc)
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_keys_order_highest_first_and_give_the_score_back() {
        let scores = [
            f32::INFINITY,
            3.5,
            1.0,
            f32::MIN_POSITIVE,
            0.0,
            -0.0,
            -2.0,
            f32::NEG_INFINITY,
        ];
        for pair in scores.windows(2) {
            assert!(score_key(pair[0]) <= score_key(pair[1]), "{pair:?}");
        }
        for s in scores {
            let key = u64::from(score_key(s)) << 32;
            assert_eq!(key_score(key).to_bits(), s.to_bits());
        }
    }
}
