//! People, organizations and places in one document, with in-document
//! coreference of names ("Zhang" → the nearest "Zhang …" introduced before).
//!
//! Design. No offline NER crate fits (the Rust NER crates need model files
//! or are Chinese-only), so this is a rule-based recognizer of the kind news
//! attribution systems used before neural NER, built from evidence rather
//! than from lists alone:
//! 1. *Runs*: maximal sequences of capitalized words in one sentence,
//!    joined by name particles ("von der"), initials ("J."), and "of"/"and"
//!    only where the result is an institution ("Bank of America", "Monetary
//!    and Financial Institutions Forum").
//! 2. *Segments*: runs cut at titles ("Alibaba CEO Daniel Zhang" → Alibaba |
//!    Daniel Zhang with role CEO) and stripped of words whose capital means
//!    nothing: sentence-initial common words (a word the corpus also writes
//!    in lower case, unless the rest of the run is a known name), months,
//!    demonyms, "The", "Internet". Headline-case paragraphs are not read for
//!    new names, only for names found elsewhere.
//! 3. *Evidence* per distinct name, summed over all its occurrences:
//!    honorifics, role appositions ("X, president of Y"), ages ("Zhang,
//!    43,"), given names, family-first surnames, company suffixes, ".com",
//!    a company noun before ("platform Cainiao"), "X-based", "in X", the
//!    gazetteer. The kind with most evidence wins; organization is the
//!    default for an unexplained capitalized name.
//! 4. *Clusters*: full person names become people; a shorter mention
//!    ("Zhang", "Mr Zhang") joins the cluster whose first or last name it is
//!    that was mentioned most recently before it (so two Zhangs in one
//!    article stay apart); organizations join on their name without
//!    corporate suffixes ("Alibaba Group" = "Alibaba"); places on their
//!    gazetteer key ("U.S." = "United States").
//! 5. *Roles*: (role, organization) pairs from titles and appositions, used
//!    to resolve "the CEO said" and to merge aliases across documents.

use super::context::DocCtx;
use super::gazetteer::{self, NameGender};
use super::lexicon;
use super::tokens::Kind;
use clippings_core::{text::fold, EntityKind, Span};
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    pub role: &'static str,
    /// Local cluster of the organization, when the text names it.
    pub org: Option<usize>,
}

#[derive(Clone, Debug)]
pub struct Cluster {
    pub kind: EntityKind,
    /// Fullest surface form.
    pub name: String,
    /// Lower-case, folded tokens of `name`.
    pub tokens: Vec<String>,
    /// Person: lower-case family name.
    pub family: Option<String>,
    /// Person: lower-case given name(s), when the name has more than one part.
    pub given: Option<String>,
    pub gender: Gender,
    pub roles: Vec<Role>,
    /// Matching key: org name without corporate suffix, canonical place, or
    /// the person's folded full name.
    pub key: String,
    /// Surface forms of full mentions with their counts.
    pub forms: Vec<(String, usize)>,
    /// The kind is a default, not backed by evidence (an unexplained
    /// capitalized word): another document may know better.
    pub weak: bool,
    /// The gender is the given name's usual one, which the text's own
    /// pronouns may contradict ("Yuki … she").
    pub gender_from_name: bool,
}

#[derive(Clone, Debug)]
pub struct NameMention {
    pub span: Span,
    pub cluster: usize,
    pub first_tok: usize,
    /// Inclusive.
    pub last_tok: usize,
    /// A full form (not a surname-only or title-case echo).
    pub full: bool,
    /// Subject position: at a clause start.
    pub subject: bool,
    pub possessive: bool,
    pub in_quote: bool,
}

#[derive(Debug, Default)]
pub struct DocNames {
    pub clusters: Vec<Cluster>,
    /// Sorted by position.
    pub mentions: Vec<NameMention>,
    token_mention: Vec<Option<usize>>,
    /// (last token, cluster) of organization mentions outside quotes.
    org_mentions: Vec<(usize, usize)>,
}

impl DocNames {
    /// The mention covering token `i`.
    pub fn mention_at(&self, i: usize) -> Option<&NameMention> {
        self.token_mention
            .get(i)
            .copied()
            .flatten()
            .and_then(|m| self.mentions.get(m))
    }

    pub fn mention_index_at(&self, i: usize) -> Option<usize> {
        self.token_mention.get(i).copied().flatten()
    }

    pub fn kind_of(&self, cluster: usize) -> Option<EntityKind> {
        self.clusters.get(cluster).map(|c| c.kind)
    }

    /// The organization mentioned last before token `i` (the referent of
    /// "the company").
    pub fn org_before(&self, i: usize) -> Option<usize> {
        let n = self.org_mentions.partition_point(|&(last, _)| last < i);
        n.checked_sub(1)
            .and_then(|k| self.org_mentions.get(k))
            .map(|&(_, c)| c)
    }

    /// The organization mentioned most often (fallback referent).
    pub fn main_org(&self) -> Option<usize> {
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for m in &self.mentions {
            if self.kind_of(m.cluster) == Some(EntityKind::Organization) {
                *counts.entry(m.cluster).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .max_by_key(|&(c, n)| (n, usize::MAX - c))
            .map(|(c, _)| c)
    }
}

/// Words seen in lower case anywhere in the corpus: a sentence-initial
/// capital on one of these is the sentence's, not a name's.
#[derive(Debug, Default)]
pub struct Vocabulary {
    lower: HashSet<String>,
}

impl Vocabulary {
    pub fn add_text(&mut self, ctx: &DocCtx) {
        for (i, t) in ctx.tokens.iter().enumerate() {
            if t.kind == Kind::Word && t.first.is_lowercase() && !ctx.is_headline_token(i) {
                self.lower.insert(t.lower.clone());
            }
        }
    }

    pub fn is_common(&self, lower: &str) -> bool {
        self.lower.contains(lower) || lexicon::is_function_word(lower)
    }
}

/// Evidence for an entity kind.
#[derive(Clone, Copy, Debug, Default)]
struct Evidence {
    person: f32,
    org: f32,
    place: f32,
}

impl Evidence {
    fn add(&mut self, other: Evidence) {
        self.person += other.person;
        self.org += other.org;
        self.place += other.place;
    }
}

/// One occurrence of a candidate name.
#[derive(Clone, Debug)]
struct Segment {
    /// Word token indices.
    words: Vec<usize>,
    surface: String,
    key: String,
    evidence: Evidence,
    /// Gender from an honorific.
    honorific_gender: Option<bool>,
    /// First word at a sentence or quote start.
    initial: bool,
    headline: bool,
}

impl Segment {
    fn first(&self) -> usize {
        self.words.first().copied().unwrap_or(0)
    }
    fn last(&self) -> usize {
        self.words.last().copied().unwrap_or(0)
    }
}

/// Lower-case, folded key of a surface form: "Zhang  Yong" → "zhang yong".
pub fn name_key(surface: &str) -> String {
    let lower: String = super::tokens::lower_form(surface);
    let words: Vec<String> = lower
        .split_whitespace()
        .map(|w| fold(w.trim_end_matches('.')).into_owned())
        .collect();
    words.join(" ")
}

const CORPORATE_SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "ltd",
    "limited",
    "llc",
    "plc",
    "group",
    "holdings",
    "holding",
    "sa",
    "ag",
    "nv",
    "gmbh",
    "company",
    "asa",
    "ab",
    "oyj",
    "spa",
    "bv",
    "kk",
    "pty",
    "lp",
    "llp",
];

/// Heads an organization drops in short references ("Northstar Bank" →
/// "Northstar").
const SHORTENABLE_HEADS: &[&str] = &[
    "bank",
    "airlines",
    "airways",
    "motors",
    "motor",
    "energy",
    "capital",
    "partners",
    "media",
    "pharmaceuticals",
    "telecom",
    "insurance",
    "securities",
    "technologies",
    "systems",
    "labs",
    "electronics",
    "brands",
    "industries",
    "enterprises",
    "international",
    "worldwide",
    "entertainment",
    "financial",
    "water",
    "foods",
    "networks",
];

/// Words that name a kind of institution rather than one institution.
const GENERIC_NAME_WORDS: &[&str] = &[
    "world",
    "national",
    "central",
    "federal",
    "international",
    "global",
    "general",
    "united",
    "first",
    "new",
    "royal",
    "state",
    "city",
    "people's",
    "reserve",
    "development",
    "investment",
    "commercial",
    "savings",
    "trust",
    "union",
    "public",
    "private",
    "southern",
    "northern",
    "eastern",
    "western",
    "american",
    "british",
    "european",
    "asian",
    "african",
    "green",
    "clean",
    "solar",
    "wind",
    "nuclear",
    "digital",
    "social",
    "mass",
    "news",
    "north",
    "south",
    "east",
    "west",
];

/// Organization key: the name without corporate suffixes or ".com".
pub fn org_key(key: &str) -> String {
    let mut words: Vec<&str> = key.split(' ').collect();
    while words.len() > 1 && words.last().is_some_and(|w| CORPORATE_SUFFIXES.contains(w)) {
        words.pop();
    }
    if words.first() == Some(&"the") && words.len() > 1 {
        words.remove(0);
    }
    // "Northstar Bank" is called "Northstar" for short; "World Bank" and
    // "China Mobile" are not shortened (a common word or a place remains).
    if words.len() == 2 && words.last().is_some_and(|w| SHORTENABLE_HEADS.contains(w)) {
        let rest = words.first().copied().unwrap_or("");
        let generic = lexicon::is_function_word(rest)
            || lexicon::is_demonym(rest)
            || gazetteer::place(rest).is_some()
            || GENERIC_NAME_WORDS.contains(&rest);
        if !generic {
            words.pop();
        }
    }
    let mut joined = words.join(" ");
    if let Some(base) = joined.strip_suffix(".com") {
        if !base.is_empty() && !base.contains('.') && base.chars().count() > 2 {
            joined = base.to_string();
        }
    }
    joined
}

/// "of" joins a run only after these heads ("Bank of America").
fn is_of_head(lower: &str) -> bool {
    matches!(
        lower,
        "bank"
            | "university"
            | "ministry"
            | "department"
            | "institute"
            | "republic"
            | "kingdom"
            | "college"
            | "school"
            | "academy"
            | "museum"
            | "office"
            | "bureau"
            | "council"
            | "board"
            | "house"
            | "church"
            | "city"
            | "state"
            | "states"
            | "province"
            | "government"
            | "federation"
            | "union"
            | "association"
            | "society"
            | "chamber"
            | "court"
            | "commission"
            | "committee"
            | "party"
            | "league"
            | "organization"
            | "organisation"
            | "secretary"
            | "minister"
            | "isle"
            | "gulf"
            | "bay"
            | "sea"
            | "cape"
            | "mount"
            | "duke"
            | "duchess"
            | "prince"
            | "princess"
            | "king"
            | "queen"
            | "lord"
            | "centre"
            | "center"
            | "hospital"
            | "people's"
            | "federal"
            | "central"
            | "port"
    )
}

/// A title or honorific starting at word `w` of a run: how many words it
/// spans, its role (if any) and the gender it implies.
fn title_at(
    ctx: &DocCtx,
    words: &[usize],
    w: usize,
) -> Option<(usize, Option<&'static str>, Option<bool>)> {
    let lowers: Vec<&str> = words
        .get(w..)
        .unwrap_or(&[])
        .iter()
        .take(3)
        .map(|&i| ctx.lower(i))
        .collect();
    let first = *lowers.first()?;
    if lowers.len() >= 3 && first == "secretary" && lowers.get(1) == Some(&"of") {
        return Some((3, Some("secretary"), None));
    }
    if let Some((role, n)) = lexicon::role_at(&lowers) {
        // "General Motors", "President's Office": a title word followed by
        // an organization head is part of a name.
        let after = words.get(w + n).map(|&i| ctx.lower(i));
        if after.is_some_and(lexicon::is_org_suffix) {
            return None;
        }
        return Some((n, Some(role), lexicon::honorific_gender(first)));
    }
    if lexicon::is_honorific(first) {
        let after = words.get(w + 1).map(|&i| ctx.lower(i));
        if after.is_some_and(lexicon::is_org_suffix) || words.len() == w + 1 {
            return None;
        }
        return Some((1, None, lexicon::honorific_gender(first)));
    }
    None
}

/// A lower-case noun that names a job ("meteorologist", "councillor",
/// "spokesman"), judged by its ending, with common non-job words excluded.
pub fn looks_like_occupation(lower: &str) -> bool {
    if lexicon::role_at(&[lower]).is_some() {
        return true;
    }
    if lower.chars().count() < 5 || !lower.chars().all(|c| c.is_alphabetic() || c == '-') {
        return false;
    }
    const NOT_JOBS: &[&str] = &[
        "after",
        "other",
        "under",
        "never",
        "over",
        "their",
        "number",
        "water",
        "power",
        "matter",
        "order",
        "border",
        "manner",
        "corner",
        "letter",
        "paper",
        "computer",
        "center",
        "river",
        "summer",
        "winter",
        "dinner",
        "weather",
        "together",
        "however",
        "whether",
        "either",
        "neither",
        "rather",
        "later",
        "former",
        "latter",
        "cancer",
        "quarter",
        "chapter",
        "member",
        "minor",
        "major",
        "factor",
        "sector",
        "error",
        "favor",
        "favour",
        "labor",
        "labour",
        "floor",
        "door",
        "color",
        "colour",
        "honor",
        "honour",
        "humor",
        "mirror",
        "interior",
        "exterior",
        "superior",
        "senior",
        "junior",
        "prior",
        "sponsor",
        "motor",
        "meteor",
        "another",
        "further",
        "earlier",
        "better",
        "bigger",
        "larger",
        "smaller",
        "greater",
        "higher",
        "lower",
        "longer",
        "stronger",
        "faster",
        "slower",
        "newer",
        "older",
        "fewer",
        "harder",
        "cheaper",
        "easier",
        "whatever",
        "wherever",
        "whenever",
        "forever",
        "register",
        "disaster",
        "monster",
        "shelter",
        "theater",
        "theatre",
        "filter",
        "cluster",
        "christian",
        "median",
        "guardian",
        "italian",
        "indian",
        "asian",
        "canadian",
        "german",
        "woman",
        "human",
        "german",
        "roman",
        "shaman",
        "talisman",
        "policyman",
        "ottoman",
    ];
    if NOT_JOBS.contains(&lower) {
        return false;
    }
    [
        "ist", "ologist", "ian", "man", "woman", "person", "er", "or", "eur", "ant",
    ]
    .iter()
    .any(|suffix| lower.ends_with(suffix))
}

/// Nouns of family and acquaintance ("her daughter, Ana,").
fn is_relation_noun(lower: &str) -> bool {
    matches!(
        lower,
        "wife"
            | "husband"
            | "partner"
            | "daughter"
            | "son"
            | "mother"
            | "father"
            | "brother"
            | "sister"
            | "friend"
            | "colleague"
            | "neighbour"
            | "neighbor"
            | "cousin"
            | "uncle"
            | "aunt"
            | "niece"
            | "nephew"
            | "grandson"
            | "granddaughter"
            | "fiancee"
            | "fiance"
            | "girlfriend"
            | "boyfriend"
            | "widow"
            | "widower"
            | "deputy"
            | "assistant"
            | "aide"
            | "boss"
            | "landlord"
            | "landlady"
            | "tenant"
            | "lawyer"
            | "client"
            | "patient"
    )
}

/// Words that form a government title with the title after them
/// ("Transport Secretary", "Foreign Minister").
pub fn is_portfolio_word(lower: &str) -> bool {
    matches!(
        lower,
        "transport"
            | "defence"
            | "defense"
            | "health"
            | "foreign"
            | "home"
            | "finance"
            | "interior"
            | "justice"
            | "education"
            | "trade"
            | "culture"
            | "environment"
            | "energy"
            | "treasury"
            | "labor"
            | "labour"
            | "housing"
            | "business"
            | "economy"
            | "agriculture"
            | "digital"
            | "security"
            | "state"
            | "deputy"
            | "shadow"
            | "junior"
            | "cabinet"
            | "attorney"
            | "industry"
            | "commerce"
            | "immigration"
            | "climate"
            | "development"
            | "science"
            | "technology"
            | "infrastructure"
            | "communications"
            | "tourism"
            | "sports"
            | "sport"
            | "fisheries"
            | "veterans"
            | "exchequer"
            | "northern"
            | "scottish"
            | "welsh"
            | "chief"
            | "majority"
            | "minority"
            | "house"
            | "club"
            | "team"
            | "party"
            | "opposition"
    )
}

fn is_noise_word(lower: &str) -> bool {
    lexicon::is_calendar_word(lower)
        || lexicon::is_demonym(lower)
        || lexicon::is_non_entity_word(lower)
}

/// Build the runs of capitalized words (word token indices).
fn runs(ctx: &DocCtx) -> Vec<Vec<usize>> {
    let toks = &ctx.tokens;
    let text = ctx.text;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.kind != Kind::Word || !t.is_capitalized(text) {
            i += 1;
            continue;
        }
        let mut run = vec![i];
        let mut j = i;
        while let Some(last) = toks.get(j) {
            if last.possessive {
                break;
            }
            let mut k = j + 1;
            // "Mr." / "J." : absorb the period.
            if toks
                .get(k)
                .is_some_and(|p| p.is_punct('.') && !p.space_before)
            {
                let word = last.text(text);
                let initial = word.chars().count() == 1 && last.first.is_uppercase();
                if initial
                    || lexicon::is_honorific(&last.lower)
                    || lexicon::is_abbreviation(&last.lower)
                {
                    k += 1;
                } else {
                    break;
                }
            }
            let Some(next) = toks.get(k) else { break };
            // Dwayne "The Rock" Johnson: a quoted nickname inside a name.
            if next.kind == Kind::Punct
                && next.space_before
                && super::marks::is_quote_char(next.first)
            {
                if let Some(after) = nickname_end(ctx, k) {
                    run.push(after);
                    j = after;
                    continue;
                }
            }
            if next.kind != Kind::Word || next.sent != last.sent || !next.space_before {
                break;
            }
            if next.is_capitalized(text) {
                run.push(k);
                j = k;
                continue;
            }
            // Connectors: "of", "of the", "and", "&", name particles.
            let connector = matches!(next.lower.as_str(), "of" | "and" | "&")
                || lexicon::is_name_particle(&next.lower);
            if !connector {
                break;
            }
            let mut m = k + 1;
            let mut connectors = vec![k];
            if next.lower == "of"
                && toks
                    .get(m)
                    .is_some_and(|t| t.lower == "the" && t.kind == Kind::Word)
            {
                connectors.push(m);
                m += 1;
            }
            while toks.get(m).is_some_and(|t| {
                t.kind == Kind::Word
                    && lexicon::is_name_particle(&t.lower)
                    && !t.is_capitalized(text)
            }) {
                connectors.push(m);
                m += 1;
            }
            match toks.get(m) {
                Some(t)
                    if t.kind == Kind::Word
                        && t.is_capitalized(text)
                        && t.sent == last.sent
                        && t.space_before =>
                {
                    run.extend(connectors);
                    run.push(m);
                    j = m;
                }
                _ => break,
            }
        }
        i = j + 1;
        out.push(run);
    }
    out
}

/// `k` opens a quoted nickname of one to three capitalized words, closed
/// and followed by a capitalized word: the index of that word.
fn nickname_end(ctx: &DocCtx, k: usize) -> Option<usize> {
    let open_at = ctx.token(k)?.start;
    let region = ctx.regions.iter().find(|r| r.open.start() == open_at)?;
    let inside: Vec<usize> = (k + 1..ctx.tokens.len())
        .take_while(|&i| ctx.token(i).is_some_and(|t| t.end <= region.inner.end()))
        .collect();
    let words = inside
        .iter()
        .filter(|&&i| ctx.token(i).is_some_and(|t| t.kind == Kind::Word))
        .count();
    let all_capitalized = inside.iter().all(|&i| {
        ctx.token(i).is_some_and(|t| {
            t.kind == Kind::Word
                && (t.is_capitalized(ctx.text) || lexicon::is_function_word(&t.lower))
        })
    });
    if !(1..=3).contains(&words) || !all_capitalized {
        return None;
    }
    let after = (k + 1..ctx.tokens.len())
        .find(|&i| ctx.token(i).is_some_and(|t| t.start >= region.outer.end()))?;
    let t = ctx.token(after)?;
    (t.kind == Kind::Word && t.space_before && t.is_capitalized(ctx.text)).then_some(after)
}

/// Split a run at connectors that do not make an institution name.
fn split_connectors(ctx: &DocCtx, run: &[usize]) -> Vec<Vec<usize>> {
    let last_is_suffix = run
        .last()
        .is_some_and(|&i| lexicon::is_org_suffix(ctx.lower(i)));
    let mut parts: Vec<Vec<usize>> = vec![Vec::new()];
    let mut idx = 0;
    while let Some(&t) = run.get(idx) {
        let lower = ctx.lower(t);
        let is_connector = matches!(lower, "of" | "and" | "&" | "the")
            && !ctx
                .tokens
                .get(t)
                .is_some_and(|tok| tok.is_capitalized(ctx.text));
        if is_connector {
            let prev_word = parts.last().and_then(|p| p.last()).map(|&p| ctx.lower(p));
            let keep = match lower {
                "of" => prev_word.is_some_and(is_of_head),
                "the" => parts
                    .last()
                    .and_then(|p| p.last())
                    .is_some_and(|&p| ctx.lower(p) == "of"),
                _ => last_is_suffix,
            };
            if keep {
                if let Some(p) = parts.last_mut() {
                    p.push(t);
                }
            } else {
                // Drop a dangling "of" before the split.
                if let Some(p) = parts.last_mut() {
                    while p
                        .last()
                        .is_some_and(|&q| matches!(ctx.lower(q), "of" | "the"))
                    {
                        p.pop();
                    }
                }
                parts.push(Vec::new());
            }
        } else if let Some(p) = parts.last_mut() {
            p.push(t);
        }
        idx += 1;
    }
    parts.into_iter().filter(|p| !p.is_empty()).collect()
}

/// Turn runs into segments with their own evidence.
fn segments(ctx: &DocCtx, vocab: &Vocabulary) -> (Vec<Segment>, Vec<(String, String)>) {
    let mut out = Vec::new();
    let mut aliases = Vec::new();
    for run in runs(ctx) {
        let headline = run.first().is_some_and(|&i| ctx.is_headline_token(i));
        for part in split_connectors(ctx, &run) {
            split_titles(ctx, vocab, &part, headline, &mut out);
        }
    }
    // Parenthesized acronyms: "Official Monetary … Forum (OMFIF)".
    for w in 0..out.len() {
        let Some(seg) = out.get(w) else { continue };
        if seg.words.len() < 2 {
            continue;
        }
        let after = seg.last() + 1;
        let open = ctx.token(after).is_some_and(|t| t.is_punct('('));
        let acronym = ctx.token(after + 1).filter(|t| t.is_all_caps(ctx.text));
        let close = ctx.token(after + 2).is_some_and(|t| t.is_punct(')'));
        if let (true, Some(acr), true) = (open, acronym, close) {
            aliases.push((seg.key.clone(), name_key(acr.text(ctx.text))));
        }
    }
    (out, aliases)
}

/// Cut a run at titles and strip meaningless words, pushing segments.
fn split_titles(
    ctx: &DocCtx,
    vocab: &Vocabulary,
    part: &[usize],
    headline: bool,
    out: &mut Vec<Segment>,
) {
    let mut current: Vec<usize> = Vec::new();
    let mut title: Option<(Option<&'static str>, Option<bool>)> = None;
    let mut w = 0;
    while w < part.len() {
        if let Some((n, role, gender)) = title_at(ctx, part, w) {
            // "Department of Justice", "Office of the President": a title
            // word closing an "of" name is part of the name.
            let closes_of_name = w + n >= part.len()
                && !current.is_empty()
                && part
                    .get(w.wrapping_sub(1))
                    .is_some_and(|&i| matches!(ctx.lower(i), "of" | "the"));
            if closes_of_name {
                current.extend(part.get(w..w + n).unwrap_or(&[]).iter().copied());
                w += n;
                continue;
            }
            // "Transport Secretary Grant Shapps", "Senate Majority Leader":
            // the portfolio is part of the title, not an organization.
            while current
                .last()
                .is_some_and(|&i| is_portfolio_word(ctx.lower(i)))
            {
                current.pop();
            }
            if !current.is_empty() {
                finish_segment(
                    ctx,
                    vocab,
                    std::mem::take(&mut current),
                    title.take(),
                    headline,
                    true,
                    out,
                );
            }
            // "Chief Executive Officer of Northwind Energy": what follows
            // "of" is the organization, not the title holder.
            let of_follows = part
                .get(w + n)
                .is_some_and(|&i| matches!(ctx.lower(i), "of" | "at" | "for"));
            title = if of_follows {
                None
            } else {
                Some((role, gender))
            };
            w += n;
            continue;
        }
        if let Some(&t) = part.get(w) {
            current.push(t);
        }
        w += 1;
    }
    if !current.is_empty() {
        finish_segment(ctx, vocab, current, title, headline, false, out);
    }
}

fn finish_segment(
    ctx: &DocCtx,
    vocab: &Vocabulary,
    mut words: Vec<usize>,
    title: Option<(Option<&'static str>, Option<bool>)>,
    headline: bool,
    before_title: bool,
    out: &mut Vec<Segment>,
) {
    // Leading noise: "The", months, "Internet". A demonym goes only before
    // a person's name ("Chinese Xi Jinping"); it belongs to institutions
    // ("European Commission", "Chinese Academy of Sciences").
    let person_follows = |words: &[usize], from: usize| {
        words
            .get(from)
            .is_some_and(|&i| gazetteer::given_name(&fold(ctx.lower(i))).is_some())
    };
    // A month that is also a given name ("Jan Kubis", "April Ryan") starts
    // a person's name when a plain capitalized word follows and no date
    // preposition comes before ("in May Alibaba said" stays a date).
    let given_month = |words: &[usize]| {
        let (Some(&i), Some(&next)) = (words.first(), words.get(1)) else {
            return false;
        };
        let next_lower = ctx.lower(next);
        let before = i
            .checked_sub(1)
            .and_then(|p| ctx.tokens.get(p))
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower.as_str());
        lexicon::is_calendar_word(ctx.lower(i))
            && gazetteer::given_name(&fold(ctx.lower(i))).is_some()
            && !is_noise_word(next_lower)
            && gazetteer::place(next_lower).is_none()
            && !gazetteer::is_known_organization(next_lower)
            && !before.is_some_and(|b| {
                matches!(
                    b,
                    "in" | "since"
                        | "until"
                        | "till"
                        | "by"
                        | "last"
                        | "next"
                        | "early"
                        | "late"
                        | "mid"
                        | "from"
                        | "through"
                        | "of"
                        | "on"
                        | "during"
                        | "before"
                        | "after"
                        | "this"
                        | "that"
                        | "each"
                        | "every"
                )
            })
    };
    while !given_month(&words)
        && words.first().is_some_and(|&i| {
            let l = ctx.lower(i);
            let person_follows = |from: usize| person_follows(&words, from);
            let demonym = lexicon::is_demonym(l)
                && !lexicon::is_calendar_word(l)
                && !lexicon::is_non_entity_word(l);
            (is_noise_word(l) && (!demonym || person_follows(1) || words.len() == 1))
                || matches!(l, "the" | "of" | "and" | "&")
                || (lexicon::is_function_word(l) && ctx.initial.get(i) == Some(&true))
        })
    {
        words.remove(0);
    }
    while words.last().is_some_and(|&i| {
        let l = ctx.lower(i);
        is_noise_word(l)
            || matches!(l, "of" | "and" | "the" | "&")
            || lexicon::is_name_particle(l)
                && !ctx
                    .tokens
                    .get(i)
                    .is_some_and(|t| t.is_capitalized(ctx.text))
    }) {
        words.pop();
    }
    if words.is_empty() {
        return;
    }
    // Several standalone gazetteer names in one run are a list ("Alibaba
    // Asia China" in a tag line), not one name.
    let standalone = words
        .iter()
        .filter(|&&i| {
            let l = ctx.lower(i);
            gazetteer::place(l).is_some() || gazetteer::is_known_organization(l)
        })
        .count();
    if standalone >= 2 && words.len() >= 2 {
        let whole = name_key(&surface_of(ctx, &words));
        if gazetteer::place(&whole).is_none() && !gazetteer::is_known_organization(&whole) {
            for w in words {
                push_segment(ctx, vocab, vec![w], None, headline, false, out);
            }
            return;
        }
    }
    push_segment(ctx, vocab, words, title, headline, before_title, out);
}

fn surface_of(ctx: &DocCtx, words: &[usize]) -> String {
    let (Some(&a), Some(&b)) = (words.first(), words.last()) else {
        return String::new();
    };
    let (Some(ta), Some(tb)) = (ctx.token(a), ctx.token(b)) else {
        return String::new();
    };
    // "U.S." keeps its final period.
    let mut end = tb.end;
    if tb.lower.contains('.') {
        if let Some(p) = ctx
            .token(b + 1)
            .filter(|p| p.is_punct('.') && p.start == tb.end)
        {
            end = p.end;
        }
    }
    // Join the words with what lies between them when that is only spaces
    // and periods ("J. Smith"); a skipped nickname becomes one space.
    let mut out = String::new();
    let mut prev_end: Option<usize> = None;
    for (n, &w) in words.iter().enumerate() {
        let Some(t) = ctx.token(w) else { continue };
        if let Some(pe) = prev_end {
            let gap = ctx.text.get(pe..t.start).unwrap_or(" ");
            if gap.chars().all(|c| c.is_whitespace() || c == '.') {
                out.push_str(&gap.split_whitespace().collect::<Vec<_>>().join(" "));
                if gap.chars().any(char::is_whitespace) {
                    out.push(' ');
                }
            } else {
                out.push(' ');
            }
        }
        let word_end = if n + 1 == words.len() { end } else { t.end };
        out.push_str(ctx.text.get(t.start..word_end).unwrap_or(""));
        prev_end = Some(t.end);
    }
    let _ = ta;
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A US party-and-state tag after a legislator's name ("D-N.Y.", "R-Wis",
/// "I-Vt."): an abbreviation, not an organization.
fn is_party_tag(surface: &str) -> bool {
    let mut chars = surface.chars();
    matches!(chars.next(), Some('D' | 'R' | 'I'))
        && chars.next() == Some('-')
        && chars.clone().next().is_some_and(char::is_uppercase)
        && chars.clone().count() <= 8
        && chars.all(|c| c.is_alphabetic() || c == '.')
}

fn push_segment(
    ctx: &DocCtx,
    vocab: &Vocabulary,
    words: Vec<usize>,
    title: Option<(Option<&'static str>, Option<bool>)>,
    headline: bool,
    before_title: bool,
    out: &mut Vec<Segment>,
) {
    let surface = surface_of(ctx, &words);
    let key = name_key(&surface);
    if key.is_empty() || !key.chars().any(char::is_alphabetic) {
        return;
    }
    let first = words.first().copied().unwrap_or(0);
    if is_party_tag(&surface) {
        return;
    }
    let single = words.len() == 1;
    if single {
        let l = ctx.lower(first);
        // "I", and single letters in general, are not names on their own.
        if ctx.word_text(first).chars().count() == 1 {
            return;
        }
        if is_noise_word(l)
            || lexicon::is_honorific(l)
            || lexicon::role_at(&[l]).is_some()
                && ctx.word_text(first).chars().all(|c| c.is_lowercase())
        {
            return;
        }
        // An all-capitals common word ("TOP 20") is emphasis, not a name.
        let caps = ctx.token(first).is_some_and(|t| t.is_all_caps(ctx.text));
        if caps
            && vocab.is_common(l)
            && !gazetteer::is_known_organization(l)
            && gazetteer::place(l).is_none()
        {
            return;
        }
    }
    let initial = ctx.initial.get(first).copied().unwrap_or(false);
    let mut evidence = evidence_of(ctx, &words, &key, before_title);
    let mut honorific_gender = None;
    if let Some((role, gender)) = title {
        // "Miss Hungary", "Miss America": a pageant title over a known
        // place names the place's title, not a person called Hungary.
        let pageant = role.is_none() && gazetteer::place(&key).is_some();
        if role.is_some() {
            evidence.person += 4.0;
        } else if !pageant {
            evidence.person += 5.0;
        }
        if !pageant {
            honorific_gender = gender;
        }
    }
    out.push(Segment {
        words,
        surface,
        key,
        evidence,
        honorific_gender,
        initial,
        headline,
    });
}

/// Evidence from a segment's own words and its context.
fn evidence_of(ctx: &DocCtx, words: &[usize], key: &str, before_title: bool) -> Evidence {
    let mut ev = Evidence::default();
    let toks = &ctx.tokens;
    let first = words.first().copied().unwrap_or(0);
    let last = words.last().copied().unwrap_or(0);
    let lowers: Vec<&str> = words.iter().map(|&i| ctx.lower(i)).collect();
    let n = lowers.len();
    let last_lower = lowers.last().copied().unwrap_or("");
    let first_lower = lowers.first().copied().unwrap_or("");
    // Own words.
    if n >= 2 && lexicon::is_org_suffix(last_lower) {
        ev.org += 4.0;
    }
    if n >= 2 && lexicon::is_place_suffix(last_lower) {
        ev.place += 4.0;
    }
    if key.ends_with(".com") || key.contains(".com ") {
        ev.org += 4.0;
    }
    if gazetteer::is_known_organization(key) {
        let caps_ok = key.len() > 3 || ctx.token(first).is_some_and(|t| t.is_all_caps(ctx.text));
        if caps_ok {
            ev.org += 4.0;
        }
    }
    if gazetteer::place(key).is_some() {
        ev.place += 4.0;
    }
    if n >= 2 {
        if gazetteer::given_name(&fold(first_lower)).is_some()
            && !lexicon::is_org_suffix(last_lower)
        {
            ev.person += 3.0;
        } else if gazetteer::near_given_name(&fold(first_lower))
            && !lexicon::is_org_suffix(last_lower)
        {
            ev.person += 1.5;
        }
        // Right after an inverted cue ("said Émile Laurent"): a person,
        // unless the name says otherwise.
        let prev_cue = first
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .and_then(|t| lexicon::cue_form(&t.lower))
            .is_some_and(|c| !c.participle && c.particle.is_none() && c.lemma != "tell");
        if prev_cue && n <= 3 && !lexicon::is_org_suffix(last_lower) {
            ev.person += 1.0;
        }
        let cjk = gazetteer::is_family_first_surname(first_lower)
            && n <= 3
            && lowers.iter().skip(1).all(|w| {
                !lexicon::is_org_suffix(w)
                    && gazetteer::place(w).is_none()
                    && !gazetteer::is_known_organization(w)
            });
        if cjk {
            ev.person += 3.0;
        }
    } else {
        if gazetteer::given_name(&fold(first_lower)).is_some() {
            ev.person += 1.0;
        }
        if gazetteer::is_family_first_surname(first_lower) {
            ev.person += 0.6;
        }
        let caps = ctx.token(first).is_some_and(|t| t.is_all_caps(ctx.text));
        if caps {
            ev.org += 1.0;
        }
    }
    if before_title {
        // "Alibaba CEO Daniel Zhang": the part before a title is usually the
        // organization.
        ev.org += 1.5;
    }
    // Context before.
    let prev = first.checked_sub(1).and_then(|p| toks.get(p));
    // "His business partner, Dany Garcia," / "the judge, Amelia Stone,".
    if prev.is_some_and(|p| p.is_punct(',')) && n <= 3 {
        let before = first.checked_sub(2).and_then(|p| toks.get(p));
        if before.is_some_and(|t| {
            t.kind == Kind::Word
                && t.first.is_lowercase()
                && (looks_like_occupation(&t.lower)
                    || lexicon::role_at(&[t.lower.as_str()]).is_some()
                    || is_relation_noun(&t.lower))
        }) {
            ev.person += 3.0;
        }
    }
    // "Al Jazeera's Shihab Rattansi", "Reuters' Jane Smith": a two- or
    // three-word name owned by a capitalized possessor is a person (its
    // reporter, its chief), unless its own words say otherwise.
    if (2..=3).contains(&n)
        && prev.is_some_and(|p| p.kind == Kind::Word && p.possessive && p.first.is_uppercase())
        && !lexicon::is_org_suffix(last_lower)
        && !gazetteer::is_known_organization(key)
        && gazetteer::place(key).is_none()
    {
        ev.person += 2.5;
    }
    let prev_lower = prev
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.lower.as_str());
    if let Some(pl) = prev_lower {
        if lexicon::is_org_noun(pl) {
            ev.org += 3.0;
        }
        if let Some((_, _)) = lexicon::role_at(&[pl]) {
            if !lexicon::is_org_noun(pl) {
                ev.person += 4.0;
            }
        }
        if lexicon::is_place_preposition(pl) {
            let before_prep = first
                .checked_sub(2)
                .and_then(|p| toks.get(p))
                .map(|t| t.lower.as_str());
            if before_prep.is_some_and(lexicon::is_investment_word) {
                ev.org += 2.0;
            } else if matches!(pl, "in" | "at" | "near" | "from" | "across" | "throughout") {
                ev.place += 1.0;
            }
        }
        // "an analyst at Berenberg", "chief strategist at Fidelity".
        if matches!(pl, "at" | "with" | "for") {
            let before = first.checked_sub(2).and_then(|p| toks.get(p));
            if before.is_some_and(|t| {
                t.kind == Kind::Word
                    && (lexicon::role_at(&[t.lower.as_str()]).is_some()
                        || looks_like_occupation(&t.lower))
            }) {
                ev.org += 2.5;
            }
        }
        // "meteorologist Kent Prochazka", "chef Marco Bianchi".
        if (2..=3).contains(&n)
            && prev.is_some_and(|p| p.first.is_lowercase())
            && looks_like_occupation(pl)
            && !lexicon::is_org_noun(pl)
        {
            ev.person += 2.0;
        }
        if matches!(pl, "headquartered" | "based") {
            ev.place += 3.0;
        }
        if pl == "by"
            && prev.is_some_and(|p| {
                ctx.initial.get(first - 1) == Some(&true) && p.first.is_uppercase()
            })
        {
            ev.person += 3.0; // "By Aaran Fronda" byline
        }
        if let Some(c) = lexicon::cue_form(pl) {
            // "said Zhang" names the speaker; "told Reuters" the listener.
            if !c.participle && c.particle.is_none() && c.lemma != "tell" {
                ev.person += 0.5;
                ev.org += 0.25;
            }
        }
    }
    // Context after.
    let next = toks.get(last + 1);
    if let Some(nt) = next {
        if nt.is_punct('-') && !nt.space_before {
            if let Some(suffix) = toks.get(last + 2) {
                match suffix.lower.as_str() {
                    "based" | "born" | "headquartered" | "registered" => ev.place += 3.0,
                    "owned" | "backed" | "listed" | "funded" | "controlled" | "run" => {
                        ev.org += 1.0
                    }
                    _ => {}
                }
            }
        }
        if nt.kind == Kind::Word {
            if let Some(c) = lexicon::cue_form(&nt.lower) {
                if !c.participle && c.particle.is_none() {
                    ev.person += 0.5;
                    ev.org += 0.25;
                }
            }
        }
        // "replace Johnathan Lu as CEO of Alibaba".
        if nt.kind == Kind::Word && nt.lower == "as" {
            let mut k = last + 2;
            while toks.get(k).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "the" | "a" | "an" | "new" | "its" | "chief"
                ) && k < last + 4
            }) {
                k += 1;
            }
            let role_words: Vec<&str> = (k..k + 3)
                .filter_map(|i| toks.get(i))
                .map(|t| t.lower.as_str())
                .collect();
            if lexicon::role_at(&role_words).is_some()
                || toks
                    .get(k)
                    .is_some_and(|t| lexicon::role_at(&[t.lower.as_str()]).is_some())
            {
                ev.person += 3.0;
            }
        }
        if nt.is_punct(',') {
            // ", 43," age; ", president of …" role apposition.
            let after = toks.get(last + 2);
            if let Some(a) = after {
                let text = a.text(ctx.text);
                let numeric = |s: &str| {
                    s.len() <= 3 && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
                };
                // ", 43," / ", now 61," / ", aged 61,"
                let age = numeric(text)
                    || matches!(a.lower.as_str(), "now" | "aged" | "age")
                        && toks
                            .get(last + 3)
                            .is_some_and(|t| numeric(t.text(ctx.text)));
                let age_end = if numeric(text) { last + 3 } else { last + 4 };
                if age
                    && toks
                        .get(age_end)
                        .is_some_and(|t| t.is_punct(',') || t.is_punct('.'))
                {
                    ev.person += 4.0;
                }
                let mut k = last + 2;
                while toks.get(k).is_some_and(|t| {
                    t.kind == Kind::Word && (lexicon::is_role_modifier(&t.lower) || t.possessive)
                }) && k < last + 6
                {
                    k += 1;
                }
                let role_words: Vec<&str> = (k..k + 3)
                    .filter_map(|i| toks.get(i))
                    .map(|t| t.lower.as_str())
                    .collect();
                if let Some((role, _)) = lexicon::role_at(&role_words) {
                    if role != "head" && role != "partner" {
                        ev.person += 4.0;
                    }
                }
                if lexicon::is_org_noun(&a.lower)
                    || (a.lower == "a" || a.lower == "an")
                        && toks
                            .get(last + 3)
                            .is_some_and(|t| lexicon::is_org_noun(&t.lower))
                {
                    ev.org += 2.0;
                }
            }
        }
    }
    ev
}

/// Recognize the names of one document.
pub fn detect(ctx: &DocCtx, vocab: &Vocabulary) -> DocNames {
    let (mut segs, aliases) = segments(ctx, vocab);
    resolve_initial_words(ctx, vocab, &mut segs);
    let headline_segs: Vec<Segment> = segs.iter().filter(|s| s.headline).cloned().collect();
    segs.retain(|s| !s.headline);
    let mut names = cluster(ctx, &segs, &aliases);
    echo_headlines(ctx, &headline_segs, &mut names);
    finish(ctx, &mut names);
    names
}

/// Sentence-initial words: strip a common word unless the segment is a
/// known name without it.
fn resolve_initial_words(ctx: &DocCtx, vocab: &Vocabulary, segs: &mut Vec<Segment>) {
    // Names seen away from sentence starts: whole names, and the parts of
    // person names (a surname may open a sentence alone).
    let mut reliable: HashSet<String> = HashSet::new();
    for s in segs.iter().filter(|s| !s.initial && !s.headline) {
        reliable.insert(s.key.clone());
        let ev = s.evidence;
        if ev.person > ev.org && ev.person > ev.place {
            for &w in &s.words {
                reliable.insert(ctx.lower(w).to_string());
            }
        }
        // The last part of a two- or three-part name may be a surname
        // opening a later sentence ("Erling Haaland" … "Haaland, who …").
        if (2..=3).contains(&s.words.len()) {
            if let Some(&w) = s.words.last() {
                let l = ctx.lower(w);
                if !lexicon::is_org_suffix(l) && !lexicon::is_place_suffix(l) && !vocab.is_common(l)
                {
                    reliable.insert(l.to_string());
                }
            }
        }
    }
    let known = |key: &str| {
        reliable.contains(key)
            || gazetteer::place(key).is_some()
            || gazetteer::is_known_organization(key)
    };
    let mut out = Vec::with_capacity(segs.len());
    for mut s in segs.drain(..) {
        if !s.initial {
            out.push(s);
            continue;
        }
        let first = s.first();
        let first_lower = ctx.lower(first).to_string();
        let common = vocab.is_common(&first_lower);
        if s.words.len() == 1 {
            // A lone capitalized word at a sentence start is a name only
            // with support: seen elsewhere mid-sentence, in the gazetteer,
            // shaped like a name (eBay, JD.com, WTO), or followed by a cue
            // or a possessive.
            let word = ctx.word_text(first);
            let shaped = word
                .chars()
                .skip(1)
                .any(|c| c.is_uppercase() || c == '.' || c.is_ascii_digit());
            // An inflected cue ("Gartner said"), not a plural's bare verb
            // ("Critics call").
            let next_is_cue = ctx
                .token(first + 1)
                .filter(|t| {
                    t.kind == Kind::Word
                        && lexicon::cue_form(&t.lower).is_some_and(|c| c.lemma != t.lower)
                })
                .and_then(|t| lexicon::cue_form(&t.lower))
                .is_some_and(|c| !c.participle && c.particle.is_none())
                && !lexicon::is_bare_plural_speaker(&first_lower);
            let possessive = ctx.token(first).is_some_and(|t| t.possessive);
            let keep = known(&s.key)
                || gazetteer::is_family_first_surname(&first_lower)
                    && !lexicon::is_function_word(&first_lower)
                || gazetteer::given_name(&first_lower).is_some() && !common
                || (!common && (shaped || next_is_cue || possessive))
                || s.evidence.person >= 4.0;
            if keep {
                out.push(s);
            }
            continue;
        }
        let rest_first_lower = s
            .words
            .get(1)
            .map(|&w| ctx.lower(w).to_string())
            .unwrap_or_default();
        // "Developer Redrow", "Chef Marco Bianchi": a common noun used as a
        // title at the sentence start.
        let noun_title = lexicon::is_org_noun(&first_lower) || looks_like_occupation(&first_lower);
        let title_word = noun_title
            || !common
                && gazetteer::given_name(&first_lower).is_none()
                && gazetteer::given_name(&rest_first_lower).is_some()
                && gazetteer::place(&first_lower).is_none();
        if common || title_word {
            let rest: Vec<usize> = s.words.iter().skip(1).copied().collect();
            let rest_surface = surface_of(ctx, &rest);
            let rest_key = name_key(&rest_surface);
            let rest_first = rest
                .first()
                .map(|&w| ctx.lower(w).to_string())
                .unwrap_or_default();
            let strip = known(&rest_key)
                || reliable.contains(&rest_first)
                || lexicon::is_function_word(&first_lower)
                || gazetteer::given_name(&first_lower).is_none()
                    && gazetteer::given_name(&rest_first).is_some();
            if strip {
                s.words = rest;
                s.surface = rest_surface;
                s.key = rest_key;
                s.initial = false;
                s.evidence = evidence_of(ctx, &s.words, &s.key, false);
            }
        }
        out.push(s);
    }
    *segs = out;
}

fn classify(ev: Evidence, single: bool) -> EntityKind {
    let best = ev.person.max(ev.org).max(ev.place);
    if best < 1.0 {
        if single && ev.person >= 1.0 {
            return EntityKind::Person;
        }
        return EntityKind::Organization;
    }
    if ev.person >= best {
        EntityKind::Person
    } else if ev.org >= best {
        EntityKind::Organization
    } else {
        EntityKind::Place
    }
}

fn person_parts(tokens: &[String]) -> (Option<String>, Option<String>) {
    let mut toks: Vec<&str> = tokens.iter().map(String::as_str).collect();
    while toks.len() > 1
        && toks
            .last()
            .is_some_and(|t| matches!(*t, "jr" | "sr" | "ii" | "iii" | "iv"))
    {
        toks.pop();
    }
    match toks.len() {
        0 => (None, None),
        1 => (toks.first().map(|s| s.to_string()), None),
        n => {
            let first = toks[0];
            let second = toks[1];
            let family_first = n <= 3
                && gazetteer::is_family_first_surname(first)
                && gazetteer::given_name(second).is_none();
            if family_first {
                (Some(first.to_string()), Some(toks[1..].join(" ")))
            } else {
                (toks.last().map(|s| s.to_string()), Some(first.to_string()))
            }
        }
    }
}

fn key_tokens(key: &str) -> Vec<String> {
    key.split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// True when `short` is a contiguous prefix or suffix of `long`, or one of
/// its first/last tokens.
fn short_matches(short: &[String], long: &[String]) -> bool {
    if short.is_empty() || short.len() >= long.len() {
        return false;
    }
    long.starts_with(short) || long.ends_with(short)
}

fn cluster(ctx: &DocCtx, segs: &[Segment], aliases: &[(String, String)]) -> DocNames {
    // Aggregate evidence per key.
    let mut evidence: HashMap<&str, Evidence> = HashMap::new();
    let mut genders: HashMap<&str, Option<bool>> = HashMap::new();
    for s in segs {
        evidence.entry(&s.key).or_default().add(s.evidence);
        if s.honorific_gender.is_some() {
            genders.insert(&s.key, s.honorific_gender);
        }
    }
    // A two- or three-part name whose last part is also used alone is a
    // person referred to by surname ("Jaron Lanier" … "Lanier argues").
    let singles: HashSet<&str> = segs
        .iter()
        .filter(|s| s.words.len() == 1)
        .map(|s| s.key.as_str())
        .collect();
    for s in segs.iter().filter(|s| (2..=3).contains(&s.words.len())) {
        let Some(last) = s.key.rsplit(' ').next() else {
            continue;
        };
        let named_thing = lexicon::is_org_suffix(last)
            || lexicon::is_place_suffix(last)
            || gazetteer::place(last).is_some()
            || gazetteer::is_known_organization(last)
            || gazetteer::place(&s.key).is_some()
            || gazetteer::is_known_organization(&s.key);
        let first_word = s.key.split(' ').next().unwrap_or("");
        let noun_title = lexicon::is_org_noun(first_word)
            || (looks_like_occupation(first_word) && gazetteer::given_name(first_word).is_none());
        if singles.contains(last) && !named_thing && !noun_title {
            if let Some(ev) = evidence.get_mut(s.key.as_str()) {
                if ev.person < 2.0 {
                    ev.person += 2.0;
                }
            }
        }
    }
    // A name opening a clause, followed within two sentences by "he" or
    // "she" (outside quotes) with no other name in between, is a person
    // ("Masako Kongo still remembers … “…,” she says").
    let pronouns: Vec<(usize, usize)> = ctx
        .tokens
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            t.kind == Kind::Word
                && matches!(t.lower.as_str(), "he" | "she")
                && ctx.quote_of.get(*i).copied().flatten().is_none()
        })
        .map(|(i, t)| (i, t.sent))
        .collect();
    let mut starts: Vec<usize> = segs.iter().map(Segment::first).collect();
    starts.sort_unstable();
    for s in segs.iter().filter(|s| (2..=3).contains(&s.words.len())) {
        let Some(ev) = evidence.get(s.key.as_str()).copied() else {
            continue;
        };
        if ev.org >= 2.0 || ev.place >= 2.0 || ev.person >= 1.0 {
            continue;
        }
        let first = s.first();
        let Some(sent) = ctx.token(first).map(|t| t.sent) else {
            continue;
        };
        let clause_start = ctx.initial.get(first).copied().unwrap_or(false)
            || first
                .checked_sub(1)
                .and_then(|p| ctx.token(p))
                .is_some_and(|t| t.is_punct(','));
        if !clause_start {
            continue;
        }
        let next_pronoun = pronouns.partition_point(|&(i, _)| i <= s.last());
        let follower = pronouns
            .get(next_pronoun)
            .filter(|&&(_, ps)| ps <= sent + 2)
            .map(|&(i, _)| i);
        if let Some(p) = follower {
            let next_start = starts.partition_point(|&st| st <= s.last());
            let someone_between = starts.get(next_start).is_some_and(|&st| st < p);
            if !someone_between {
                if let Some(e) = evidence.get_mut(s.key.as_str()) {
                    e.person += 1.5;
                }
            }
        }
    }
    // Aliases share evidence: the acronym is whatever its expansion is.
    let alias_of: HashMap<&str, &str> = aliases
        .iter()
        .map(|(a, b)| (b.as_str(), a.as_str()))
        .collect();
    let kind_of_key = |key: &str| -> EntityKind {
        let key = alias_of.get(key).copied().unwrap_or(key);
        let ev = evidence.get(key).copied().unwrap_or_default();
        classify(ev, !key.contains(' '))
    };

    let mut names = DocNames::default();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    // Full person names first, in order of appearance.
    let mut order: Vec<usize> = (0..segs.len()).collect();
    order.sort_by_key(|&i| segs[i].first());
    let mut seg_cluster: Vec<Option<usize>> = vec![None; segs.len()];
    for &i in &order {
        let s = &segs[i];
        if s.words.len() < 2 || kind_of_key(&s.key) != EntityKind::Person {
            continue;
        }
        let toks = key_tokens(&s.key);
        // Same person: equal key, or one a contiguous part of the other.
        let existing = by_key.get(&s.key).copied().or_else(|| {
            names.clusters.iter().position(|c| {
                c.kind == EntityKind::Person
                    && c.tokens.len() >= 2
                    && toks.len() >= 2
                    && (short_matches(&toks, &c.tokens) || short_matches(&c.tokens, &toks))
            })
        });
        let id = match existing {
            Some(id) => {
                if let Some(c) = names.clusters.get_mut(id) {
                    if toks.len() > c.tokens.len() {
                        c.tokens = toks.clone();
                        c.name = s.surface.clone();
                        c.key = s.key.clone();
                    }
                }
                id
            }
            None => {
                let (family, given) = person_parts(&toks);
                names.clusters.push(Cluster {
                    kind: EntityKind::Person,
                    name: s.surface.clone(),
                    tokens: toks.clone(),
                    family,
                    given,
                    gender: Gender::Unknown,
                    gender_from_name: false,
                    roles: Vec::new(),
                    key: s.key.clone(),
                    forms: Vec::new(),
                    weak: false,
                });
                names.clusters.len() - 1
            }
        };
        by_key.insert(s.key.clone(), id);
        seg_cluster[i] = Some(id);
    }
    // Recompute person parts after names grew.
    for c in names.clusters.iter_mut() {
        let (family, given) = person_parts(&c.tokens);
        c.family = family;
        c.given = given;
    }
    // Full-mention positions per person cluster, for nearest-preceding links.
    let mut full_positions: Vec<(usize, usize)> = order
        .iter()
        .filter_map(|&i| seg_cluster[i].map(|c| (segs[i].first(), c)))
        .collect();
    full_positions.sort();

    let mut positions_of: HashMap<usize, Vec<usize>> = HashMap::new();
    for &(p, c) in &full_positions {
        positions_of.entry(c).or_default().push(p);
    }
    // Everything else, in order.
    for &i in &order {
        if seg_cluster[i].is_some() {
            continue;
        }
        let s = &segs[i];
        let toks = key_tokens(&s.key);
        // A shorter reference to a person introduced in full.
        let candidates: Vec<usize> = names
            .clusters
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                c.kind == EntityKind::Person
                    && c.tokens.len() >= 2
                    && short_matches(&toks, &c.tokens)
            })
            .map(|(id, _)| id)
            .collect();
        let strong_other = {
            let ev = evidence.get(s.key.as_str()).copied().unwrap_or_default();
            ev.org >= 4.0 || ev.place >= 4.0
        };
        if !candidates.is_empty() && (!strong_other || toks.len() <= 1) {
            let pos = s.first();
            // Per candidate: its last full mention before, first after.
            let nearest = |c: usize| {
                let list = positions_of.get(&c).map(Vec::as_slice).unwrap_or(&[]);
                let n = list.partition_point(|&p| p < pos);
                let before = n.checked_sub(1).and_then(|k| list.get(k)).copied();
                let after = list.get(n).copied().filter(|&p| p > pos);
                (before, after)
            };
            let before = candidates
                .iter()
                .filter_map(|&c| nearest(c).0.map(|p| (p, c)))
                .max()
                .map(|(_, c)| c);
            let after = candidates
                .iter()
                .filter_map(|&c| nearest(c).1.map(|p| (p, c)))
                .min()
                .map(|(_, c)| c);
            if let Some(id) = before.or(after).or(candidates.first().copied()) {
                seg_cluster[i] = Some(id);
                continue;
            }
        }
        let kind = kind_of_key(&s.key);
        let cluster_key = match kind {
            EntityKind::Organization => {
                let k = alias_of
                    .get(s.key.as_str())
                    .map(|k| org_key(k))
                    .unwrap_or_else(|| org_key(&s.key));
                format!("o:{k}")
            }
            EntityKind::Place => format!("p:{}", gazetteer::place(&s.key).unwrap_or(&s.key)),
            EntityKind::Person => format!("h:{}", s.key),
        };
        let id = match by_key.get(&cluster_key) {
            Some(&id) => id,
            None => {
                let (family, given) = if kind == EntityKind::Person {
                    person_parts(&toks)
                } else {
                    (None, None)
                };
                let all_caps = s
                    .surface
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
                let name = match kind {
                    EntityKind::Place => gazetteer::place(&s.key)
                        .filter(|k| *k != s.key || all_caps)
                        .map(gazetteer::place_display)
                        .unwrap_or_else(|| s.surface.clone()),
                    _ => s.surface.clone(),
                };
                names.clusters.push(Cluster {
                    kind,
                    name,
                    tokens: toks.clone(),
                    family,
                    given,
                    gender: Gender::Unknown,
                    gender_from_name: false,
                    roles: Vec::new(),
                    key: cluster_key
                        .trim_start_matches(|c| c != ':')
                        .trim_start_matches(':')
                        .to_string(),
                    forms: Vec::new(),
                    weak: {
                        let ev = evidence.get(s.key.as_str()).copied().unwrap_or_default();
                        ev.person.max(ev.org).max(ev.place) < 1.0
                    },
                });
                let id = names.clusters.len() - 1;
                by_key.insert(cluster_key, id);
                id
            }
        };
        seg_cluster[i] = Some(id);
    }
    // Mentions.
    for (i, s) in segs.iter().enumerate() {
        let Some(cluster) = seg_cluster[i] else {
            continue;
        };
        push_mention(ctx, &mut names, s, cluster);
        if let Some(c) = names.clusters.get_mut(cluster) {
            let full = c.kind != EntityKind::Person || s.words.len() >= 2 || c.tokens.len() < 2;
            if full {
                match c.forms.iter_mut().find(|(f, _)| *f == s.surface) {
                    Some((_, n)) => *n += 1,
                    None => c.forms.push((s.surface.clone(), 1)),
                }
            }
            if let Some(Some(g)) = genders.get(s.key.as_str()) {
                c.gender = if *g { Gender::Male } else { Gender::Female };
            }
        }
    }
    names
}

fn push_mention(ctx: &DocCtx, names: &mut DocNames, s: &Segment, cluster: usize) {
    let (Some(a), Some(b)) = (ctx.token(s.first()), ctx.token(s.last())) else {
        return;
    };
    let full = names
        .clusters
        .get(cluster)
        .is_some_and(|c| c.kind != EntityKind::Person || s.words.len() >= c.tokens.len().min(2));
    names.mentions.push(NameMention {
        span: Span::new(a.start, b.end),
        cluster,
        first_tok: s.first(),
        last_tok: s.last(),
        full,
        subject: false,
        possessive: b.possessive,
        in_quote: ctx.quote_of.get(s.first()).copied().flatten().is_some(),
    });
}

/// Headline-case paragraphs: mark names already known from the body.
fn echo_headlines(ctx: &DocCtx, segs: &[Segment], names: &mut DocNames) {
    let mut known: HashMap<String, usize> = HashMap::new();
    for (id, c) in names.clusters.iter().enumerate() {
        for (form, _) in &c.forms {
            known.entry(name_key(form)).or_insert(id);
        }
        known.entry(c.key.clone()).or_insert(id);
    }
    // Surnames and single names: the person mentioned most.
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for m in &names.mentions {
        *counts.entry(m.cluster).or_default() += 1;
    }
    let mut people: Vec<(usize, &Cluster)> = names
        .clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == EntityKind::Person)
        .collect();
    people.sort_by_key(|(id, _)| std::cmp::Reverse(counts.get(id).copied().unwrap_or(0)));
    for (id, c) in people {
        if let Some(f) = &c.family {
            known.entry(f.clone()).or_insert(id);
        }
    }
    for s in segs {
        // Longest known sub-sequence, left to right.
        let mut w = 0;
        while w < s.words.len() {
            let mut matched = 0;
            for len in (1..=(s.words.len() - w).min(5)).rev() {
                let part: Vec<usize> = s.words.get(w..w + len).unwrap_or(&[]).to_vec();
                let key = name_key(&surface_of(ctx, &part));
                let hit = known
                    .get(&key)
                    .or_else(|| known.get(&org_key(&key)))
                    .or_else(|| gazetteer::place(&key).and_then(|p| known.get(p)))
                    .copied();
                if let Some(id) = hit {
                    let seg = Segment {
                        words: part,
                        surface: String::new(),
                        key,
                        evidence: Evidence::default(),
                        honorific_gender: None,
                        initial: false,
                        headline: true,
                    };
                    push_mention(ctx, names, &seg, id);
                    if let Some(m) = names.mentions.last_mut() {
                        m.full = false;
                    }
                    matched = len;
                    break;
                }
            }
            w += matched.max(1);
        }
    }
}

/// Sort mentions, index tokens, set subjects, genders and roles.
fn finish(ctx: &DocCtx, names: &mut DocNames) {
    names.mentions.sort_by_key(|m| (m.span.start, m.span.end));
    names.mentions.dedup_by_key(|m| m.span);
    names.org_mentions = names
        .mentions
        .iter()
        .filter(|m| {
            !m.in_quote
                && names
                    .clusters
                    .get(m.cluster)
                    .is_some_and(|c| c.kind == EntityKind::Organization)
        })
        .map(|m| (m.last_tok, m.cluster))
        .collect();
    names.org_mentions.sort_unstable();
    names.token_mention = vec![None; ctx.tokens.len()];
    for (mi, m) in names.mentions.iter().enumerate() {
        for t in m.first_tok..=m.last_tok {
            if let Some(slot) = names.token_mention.get_mut(t) {
                *slot = Some(mi);
            }
        }
    }
    // Subjects: at a clause start, and not an apposition set off by commas
    // on both sides ("blame the referee, Anthony Taylor, for …").
    let subjects: Vec<bool> = names
        .mentions
        .iter()
        .map(|m| {
            let comma_before = m
                .first_tok
                .checked_sub(1)
                .and_then(|p| ctx.token(p))
                .is_some_and(|t| t.is_punct(','));
            let comma_after = ctx.token(m.last_tok + 1).is_some_and(|t| t.is_punct(','));
            !m.possessive
                && at_clause_start(ctx, names, m.first_tok)
                && !(comma_before && comma_after)
        })
        .collect();
    for (m, s) in names.mentions.iter_mut().zip(subjects) {
        m.subject = s;
    }
    // Genders from given names.
    for c in names.clusters.iter_mut() {
        if c.kind != EntityKind::Person || c.gender != Gender::Unknown {
            continue;
        }
        let given_first =
            c.tokens.len() >= 2 && c.given.as_deref() == c.tokens.first().map(String::as_str);
        if given_first {
            match c.given.as_deref().and_then(gazetteer::given_name) {
                Some(NameGender::Male) => {
                    c.gender = Gender::Male;
                    c.gender_from_name = true;
                }
                Some(NameGender::Female) => {
                    c.gender = Gender::Female;
                    c.gender_from_name = true;
                }
                _ => {}
            }
        }
    }
    let roles = extract_roles(ctx, names);
    for (cluster, role) in roles {
        if let Some(c) = names.clusters.get_mut(cluster) {
            if !c.roles.contains(&role) {
                c.roles.push(role);
            }
        }
    }
}

/// Whether token `i` begins a clause: only titles, modifiers or an
/// introductory phrase's comma lie between it and the sentence start.
pub fn at_clause_start(ctx: &DocCtx, names: &DocNames, i: usize) -> bool {
    let Some(tok) = ctx.token(i) else {
        return false;
    };
    let (start, _) = ctx.sentence_range(tok.sent);
    let mut j = i;
    let mut steps = 0;
    while j > start && steps < 8 {
        j -= 1;
        steps += 1;
        let Some(t) = ctx.token(j) else { return false };
        match t.kind {
            Kind::Punct => {
                // The period of "Rep." or "Mr." belongs to the title.
                let abbreviation = t.first == '.'
                    && j.checked_sub(1)
                        .and_then(|p| ctx.token(p))
                        .is_some_and(|p| {
                            p.end == t.start
                                && (lexicon::is_honorific(&p.lower)
                                    || lexicon::is_abbreviation(&p.lower))
                        });
                if abbreviation {
                    continue;
                }
                return matches!(t.first, ',' | ':' | ';' | '\u{2014}' | '(')
                    || super::marks::is_quote_char(t.first);
            }
            Kind::Break => return true,
            Kind::Word => {
                let l = t.lower.as_str();
                if matches!(
                    l,
                    "that"
                        | "which"
                        | "who"
                        | "whom"
                        | "and"
                        | "but"
                        | "as"
                        | "while"
                        | "when"
                        | "because"
                        | "so"
                        | "then"
                        | "after"
                        | "before"
                        | "although"
                        | "though"
                        | "if"
                        | "since"
                ) {
                    return true;
                }
                // "Alibaba CEO", "Houston Mayor", "Transport Secretary",
                // "the company's new".
                let titleish = lexicon::role_at(&[l]).is_some()
                    || lexicon::is_honorific(l)
                    || lexicon::is_role_modifier(l)
                    || lexicon::is_demonym(l)
                    || is_portfolio_word(l)
                    || looks_like_occupation(l)
                    || matches!(l, "chief" | "executive" | "officer" | "vice" | "co" | "the")
                    || names.mention_at(j).is_some_and(|m| {
                        names.kind_of(m.cluster) != Some(EntityKind::Person) || t.possessive
                    })
                    || t.possessive && lexicon::is_business_noun(l);
                if !titleish {
                    return false;
                }
            }
        }
    }
    true
}

/// (cluster, role) pairs from the text around person mentions.
fn extract_roles(ctx: &DocCtx, names: &DocNames) -> Vec<(usize, Role)> {
    let mut out = Vec::new();
    let toks = &ctx.tokens;
    let org_at = |i: usize| -> Option<usize> {
        names
            .mention_at(i)
            .filter(|m| names.kind_of(m.cluster) == Some(EntityKind::Organization))
            .map(|m| m.cluster)
    };
    let org_ref = |i: usize, before: usize| -> Option<Option<usize>> {
        // An organization reference ending at token i: a named org, or
        // "the company's" / "its" meaning the last-named one.
        let t = toks.get(i)?;
        if let Some(o) = org_at(i) {
            return Some(Some(o));
        }
        let l = t.lower.as_str();
        if (t.possessive && lexicon::is_business_noun(l)) || l == "its" {
            return Some(names.org_before(before).or_else(|| names.main_org()));
        }
        None
    };
    for m in &names.mentions {
        if names.kind_of(m.cluster) != Some(EntityKind::Person) || m.in_quote {
            continue;
        }
        let Some(tok) = toks.get(m.first_tok) else {
            continue;
        };
        let (sent_start, sent_end) = ctx.sentence_range(tok.sent);
        // Backward: "[ORG's] [new] ROLE [of ORG][,] NAME".
        let mut j = m.first_tok;
        if j > sent_start && toks.get(j - 1).is_some_and(|t| t.is_punct(',')) {
            j -= 1;
        }
        let window_start = j.saturating_sub(6).max(sent_start);
        let mut found = None;
        let mut s = window_start;
        while s < j {
            let words: Vec<&str> = (s..(s + 3).min(j)).map(|i| ctx.lower(i)).collect();
            if let Some((role, n)) = lexicon::role_at(&words) {
                let end = s + n;
                // What lies between the role and the name: nothing, or "of ORG".
                let between_ok = end == j
                    || (ctx.lower(end) == "of" || ctx.lower(end) == "at")
                        && (end + 1..j).all(|i| org_at(i).is_some());
                if between_ok {
                    let mut org = if end < j { org_at(end + 1) } else { None };
                    if org.is_none() {
                        // Before the role: skip modifiers, then an org reference.
                        let mut b = s;
                        while b > sent_start
                            && toks.get(b - 1).is_some_and(|t| {
                                t.kind == Kind::Word
                                    && lexicon::is_role_modifier(&t.lower)
                                    && !t.possessive
                            })
                        {
                            b -= 1;
                        }
                        if b > sent_start {
                            org = org_ref(b - 1, m.first_tok).flatten();
                        }
                    }
                    found = Some(Role { role, org });
                }
                s += n;
                continue;
            }
            s += 1;
        }
        if let Some(r) = found {
            out.push((m.cluster, r));
        }
        // Forward apposition: "NAME, [the|ORG's] [new] ROLE [of|at ORG]".
        let mut k = m.last_tok + 1;
        if toks.get(k).is_some_and(|t| t.is_punct(',')) {
            k += 1;
            let mut org = None;
            let mut steps = 0;
            while k < sent_end && steps < 5 {
                let Some(t) = toks.get(k) else { break };
                if t.kind != Kind::Word {
                    break;
                }
                if let Some(o) = org_ref(k, m.first_tok) {
                    org = o;
                    // Skip the rest of a multi-word org mention.
                    while names.mention_at(k + 1).is_some_and(|mm| {
                        Some(mm.cluster) == org
                            && names.mention_at(k).is_some_and(|a| a.cluster == mm.cluster)
                    }) {
                        k += 1;
                    }
                    k += 1;
                    steps += 1;
                    continue;
                }
                if lexicon::is_role_modifier(&t.lower) || lexicon::is_determiner(&t.lower) {
                    k += 1;
                    steps += 1;
                    continue;
                }
                break;
            }
            let words: Vec<&str> = (k..k + 3).map(|i| ctx.lower(i)).collect();
            if let Some((role, n)) = lexicon::role_at(&words) {
                let after = k + n;
                if matches!(ctx.lower(after), "of" | "at" | "for") {
                    let mut a = after + 1;
                    if ctx.lower(a) == "the" {
                        a += 1;
                    }
                    if let Some(o) = org_at(a) {
                        org = Some(o);
                    }
                }
                out.push((m.cluster, Role { role, org }));
            }
        }
        // "NAME … as|appointed|named ROLE of ORG" later in the sentence.
        let mut k = m.last_tok + 1;
        let limit = (m.last_tok + 12).min(sent_end);
        while k < limit {
            if names.mention_at(k).is_some_and(|o| {
                names.kind_of(o.cluster) == Some(EntityKind::Person) && o.cluster != m.cluster
            }) {
                // Another person: the phrase may still be about them, but only
                // "as ROLE" right after them; stop for this one.
                break;
            }
            let l = ctx.lower(k);
            if matches!(
                l,
                "as" | "appointed"
                    | "named"
                    | "became"
                    | "becomes"
                    | "become"
                    | "promoted"
                    | "elected"
            ) {
                let mut r = k + 1;
                while matches!(ctx.lower(r), "the" | "new" | "its" | "a" | "an" | "to") {
                    r += 1;
                }
                let words: Vec<&str> = (r..r + 3).map(|i| ctx.lower(i)).collect();
                if let Some((role, n)) = lexicon::role_at(&words) {
                    let after = r + n;
                    let mut org = None;
                    if matches!(ctx.lower(after), "of" | "at") {
                        org = org_at(after + 1);
                    }
                    out.push((m.cluster, Role { role, org }));
                    break;
                }
            }
            if toks
                .get(k)
                .is_some_and(|t| t.kind == Kind::Punct && matches!(t.first, '.' | ';'))
            {
                break;
            }
            k += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people_and_orgs(text: &str) -> Vec<(String, EntityKind)> {
        let ctx = DocCtx::new(text);
        let mut vocab = Vocabulary::default();
        vocab.add_text(&ctx);
        let names = detect(&ctx, &vocab);
        let mut out: Vec<(String, EntityKind)> = names
            .clusters
            .iter()
            .map(|c| (c.name.clone(), c.kind))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn names_titles_and_kinds() {
        let found = people_and_orgs(
            "Alibaba CEO Daniel Zhang spoke in Hangzhou. Zhang said the company, based in Zhejiang Province, would grow.",
        );
        assert!(
            found.contains(&("Daniel Zhang".into(), EntityKind::Person)),
            "{found:?}"
        );
        assert!(
            found.contains(&("Alibaba".into(), EntityKind::Organization)),
            "{found:?}"
        );
        assert!(
            found.contains(&("Hangzhou".into(), EntityKind::Place)),
            "{found:?}"
        );
        assert!(
            found.contains(&("Zhejiang Province".into(), EntityKind::Place)),
            "{found:?}"
        );
        assert!(!found.iter().any(|(n, _)| n == "Zhang"), "{found:?}");
    }

    #[test]
    fn sentence_initial_words_and_noise_are_not_names() {
        let found = people_and_orgs("Moreover, the plan works. Official figures rose in March. The Internet grew on Monday.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn nearest_full_name_wins_for_a_shared_surname() {
        let text = "Zhang Yong spoke. Zhang said hi. Later, Zhang Jianfeng, president of Alibaba Cloud, spoke. Zhang said bye.";
        let ctx = DocCtx::new(text);
        let vocab = Vocabulary::default();
        let names = detect(&ctx, &vocab);
        let surnames: Vec<String> = names
            .mentions
            .iter()
            .filter(|m| m.span.slice(text) == "Zhang")
            .map(|m| names.clusters[m.cluster].name.clone())
            .collect();
        assert_eq!(surnames, ["Zhang Yong", "Zhang Jianfeng"]);
        let jianfeng = names
            .clusters
            .iter()
            .find(|c| c.name == "Zhang Jianfeng")
            .expect("cluster");
        assert_eq!(jianfeng.roles.first().map(|r| r.role), Some("president"));
    }

    #[test]
    fn org_keys_drop_corporate_suffixes() {
        assert_eq!(org_key("alibaba group"), "alibaba");
        assert_eq!(org_key("amazon.com"), "amazon");
        assert_eq!(org_key("jd.com"), "jd.com");
        assert_eq!(org_key("bank of america"), "bank of america");
    }
}
