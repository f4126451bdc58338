//! Who said each quotation: cue patterns, speaker phrases, pronouns, and the
//! decision whether a quotation is a statement at all.
//!
//! Design. Each writer's sentence is read as a sequence of *items*: words,
//! punctuation, and each top-level quotation as one opaque item. Around a
//! quotation the patterns of news attribution are tried, most specific
//! first (the order of BBC Citron's and the Gender Gap Tracker's rules):
//! 1. right after the quote: `“…,” Zhang said` / `“…,” said Zhang` /
//!    `“…,” the company said in a statement` / `“…,” according to Zhang` /
//!    `“…” — Zhang`, the speaker phrase possibly carrying an apposition
//!    (`Zhang Jianfeng, president of Alibaba Cloud, said`);
//! 2. before it, in the same sentence: the nearest cue verb whose subject
//!    can be found (`Zhang said: “…”`, `Zhang said that “…”`, `Zhang told
//!    employees “…”`, `Zhang said he wants to … adopt “global thinking.”`,
//!    `…, saying “…”` takes the sentence subject, `According to Zhang, “…”`);
//! 3. a colon introduction in the previous sentence (`says Zhang:`);
//! 4. a sentence-final attribution covering the whole sentence
//!    (`The firm must put “customers first,” Zhang said.`);
//! 5. another attributed quote in the same sentence (`“bold” and “necessary”`);
//! 6. *floating* quotes: a whole-sentence quote with no cue of its own,
//!    right after an attributed quote (same or next paragraph, nobody else
//!    named in between), inherits its speaker and mention. Its `cue` stays
//!    `None`: the reader can tell an inherited attribution from a cued one.
//!
//! Speaker phrases resolve to a named mention (a person or organization
//! cluster), a pronoun (resolved to the most salient compatible person: most
//! recent sentence first, subjects before objects, gender from given names,
//! honorifics and earlier pronouns), or a nominal phrase (“a spokeswoman
//! for Alibaba” → Alibaba; “the company” → the organization named last;
//! “the CEO” → the person holding that role; “a spokeswoman” → none).
//!
//! What is not a statement: a quote right after a naming verb (“called”,
//! “dubbed”), a title-case quote without a cue (a book, a programme), and a
//! quote of one to three words with no cue or inherited speaker (scare
//! quotes, terms, nicknames). Short quotes *with* a cue are kept as partial
//! quotes.

use super::context::DocCtx;
use super::entities::{at_clause_start, DocNames, Gender};
use super::lexicon;
use super::tokens::Kind;
use clippings_core::{EntityKind, Span};
use std::collections::HashMap;

/// A quotation with its attribution, still in document-local terms.
#[derive(Clone, Debug)]
pub struct LocalQuote {
    pub region: usize,
    /// Local entity cluster of the speaker.
    pub speaker: Option<usize>,
    pub mention: Option<Span>,
    pub cue: Option<String>,
    pub partial: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Item {
    Tok(usize),
    Quote(usize),
}

#[derive(Clone, Copy, Debug)]
enum Head {
    Named(usize),
    Pronoun(usize),
    Nominal {
        org: Option<usize>,
        role: Option<&'static str>,
        business: bool,
        /// "the Norwegian", "the 25-year-old", "the striker": a
        /// description of someone just named.
        descriptor: bool,
    },
}

#[derive(Clone, Copy, Debug)]
struct Np {
    first: usize,
    last: usize,
    head: Head,
}

#[derive(Clone, Debug)]
struct Attribution {
    np: Np,
    /// Cue as written, with its token range.
    cue: Option<(String, usize, usize)>,
}

struct Sentence {
    items: Vec<Item>,
}

/// Attribute the quotations of one document.
pub fn attribute(ctx: &DocCtx, names: &DocNames) -> Vec<LocalQuote> {
    let pronouns = resolve_pronouns(ctx, names);
    let resolver = Resolver {
        ctx,
        names,
        pronouns: &pronouns,
    };
    let regions = &ctx.regions;
    // Sentence and item position of every quotation.
    let mut sentences: HashMap<usize, Sentence> = HashMap::new();
    let mut located: Vec<Option<(usize, usize)>> = Vec::with_capacity(regions.len());
    for (q, region) in regions.iter().enumerate() {
        let first_tok =
            Some(ctx.token_index_at(region.outer.start())).filter(|&i| i < ctx.tokens.len());
        let Some(first_tok) = first_tok else {
            located.push(None);
            continue;
        };
        let s = ctx.tokens.get(first_tok).map(|t| t.sent).unwrap_or(0);
        let sentence = sentences.entry(s).or_insert_with(|| Sentence {
            items: items_of(ctx, s),
        });
        let p = sentence.items.iter().position(|it| *it == Item::Quote(q));
        located.push(p.map(|p| (s, p)));
    }

    // Own attributions.
    let mut own: Vec<Option<Attribution>> = vec![None; regions.len()];
    let mut label: Vec<bool> = vec![false; regions.len()];
    for q in 0..regions.len() {
        let Some((s, p)) = located.get(q).copied().flatten() else {
            continue;
        };
        let Some(sentence) = sentences.get(&s) else {
            continue;
        };
        let items = &sentence.items;
        if is_label(ctx, items, p) {
            label[q] = true;
            continue;
        }
        own[q] = resolver
            .after(items, p)
            .or_else(|| resolver.before(items, p))
            .or_else(|| {
                let leading = items.get(..p).unwrap_or(&[]).iter().all(|it| matches!(it, Item::Tok(i) if ctx.token(*i).is_some_and(|t| t.kind == Kind::Punct)));
                if leading {
                    resolver.colon_intro(&sentences, s)
                } else {
                    None
                }
            })
            .or_else(|| {
                // A sentence-final cue covers a real quotation, not a scare
                // quote buried in the sentence ("… “biases” in data,
                // regulators warn").
                let words = regions.get(q).map(|r| inner_words(ctx, r.inner)).unwrap_or(0);
                if words >= 4 {
                    resolver.sentence_final(items, p)
                } else {
                    None
                }
            });
    }

    // Decide, inherit and resolve, in text order.
    let mut out: Vec<LocalQuote> = Vec::new();
    let mut last_attributed: Option<(usize, Option<usize>, Option<Span>)> = None; // (quote idx in out, speaker, mention)
    for (q, region) in regions.iter().enumerate() {
        if label[q] {
            continue;
        }
        let Some((s, p)) = located.get(q).copied().flatten() else {
            continue;
        };
        let Some(sentence) = sentences.get(&s) else {
            continue;
        };
        let items = &sentence.items;
        let inner = region.inner.slice(ctx.text);
        let words = inner_words(ctx, region.inner);
        let starts_upper = starts_like_sentence(inner);
        let attribution = own[q].clone();
        let clause_start = at_quote_clause_start(ctx, items, p, attribution.as_ref());
        let whole = starts_upper && clause_start;
        let mut quote = LocalQuote {
            region: q,
            speaker: None,
            mention: None,
            cue: None,
            partial: !whole,
        };
        let title_like = is_title_like(ctx, region.inner);
        if words <= 6 && in_title_list(ctx, items, p, regions) {
            // “Lovely to Look At,” “Moulin Rouge,” “Lili,”: a list of titles.
            continue;
        }
        if let Some(a) = attribution {
            if title_like && words >= 2 && after_title_noun(ctx, items, p) {
                continue;
            }
            let (speaker, mention) = resolver.resolve(a.np);
            quote.speaker = speaker;
            quote.mention = mention;
            quote.cue = a.cue.map(|(c, _, _)| c);
        } else if let Some(prev) = same_sentence_source(&out, regions, &located, q, s) {
            // Another quote of this sentence carries the cue ("“bold” and
            // “necessary”").
            if title_like {
                continue;
            }
            quote.speaker = prev.speaker;
            quote.mention = prev.mention;
            quote.cue = prev.cue.clone();
        } else {
            if title_like {
                continue;
            }
            let floating = whole_sentence_position(ctx, items, p)
                && last_attributed.is_some_and(|(o, speaker, _)| {
                    out.get(o)
                        .is_some_and(|prev| may_inherit(ctx, names, prev, q, speaker))
                });
            if floating {
                if let Some((_, speaker, mention)) = last_attributed {
                    quote.speaker = speaker;
                    quote.mention = mention;
                }
            } else if words <= 3 || (!whole && words < 6) {
                // Scare quotes, terms, titles: not statements.
                continue;
            }
        }
        if quote.speaker.is_some() || quote.mention.is_some() {
            last_attributed = Some((out.len(), quote.speaker, quote.mention));
        }
        out.push(quote);
    }
    out
}

/// The collapsed items of sentence `s`.
fn items_of(ctx: &DocCtx, s: usize) -> Vec<Item> {
    let (start, end) = ctx.sentence_range(s);
    let mut items = Vec::new();
    for i in start..end {
        let Some(t) = ctx.token(i) else { break };
        if t.kind == Kind::Break {
            continue;
        }
        match ctx.quote_of.get(i).copied().flatten() {
            Some(q) => {
                if items.last() != Some(&Item::Quote(q)) {
                    items.push(Item::Quote(q));
                }
            }
            None => items.push(Item::Tok(i)),
        }
    }
    items
}

/// The word tokens inside a span (found by binary search: tokens are in
/// text order).
fn words_in<'c>(ctx: &'c DocCtx, inner: Span) -> impl Iterator<Item = &'c super::tokens::Token> {
    let from = ctx.token_index_at(inner.start());
    ctx.tokens
        .get(from..)
        .unwrap_or(&[])
        .iter()
        .take_while(move |t| t.start < inner.end())
        .filter(move |t| t.kind == Kind::Word && t.end <= inner.end())
}

fn inner_words(ctx: &DocCtx, inner: Span) -> usize {
    words_in(ctx, inner).count()
}

/// The quote's words begin like a sentence: a capital, a digit, "[", or an
/// ellipsis then a capital.
fn starts_like_sentence(inner: &str) -> bool {
    let trimmed = inner.trim_start_matches(|c: char| {
        matches!(c, '.' | '\u{2026}' | ' ' | '[' | '(') || super::marks::is_quote_char(c)
    });
    match trimmed.chars().next() {
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || inner.starts_with('[')
                || !c.is_alphabetic() && !c.is_lowercase()
        }
        None => false,
    }
}

/// All significant words capitalized and no sentence punctuation at the end:
/// a title or a name, not a statement.
fn is_title_like(ctx: &DocCtx, inner: Span) -> bool {
    let text = inner.slice(ctx.text).trim_end();
    if text.ends_with(['.', '!', '?', ',', '\u{2026}']) {
        return false;
    }
    let mut significant = 0;
    let mut words = 0;
    for t in words_in(ctx, inner) {
        words += 1;
        if !t.first.is_alphabetic() {
            continue;
        }
        let small = lexicon::is_function_word(&t.lower) && t.lower.chars().count() <= 4;
        if small && words > 1 {
            continue;
        }
        significant += 1;
        if !t.is_capitalized(ctx.text) {
            return false;
        }
    }
    significant >= 1 && words <= 12
}

/// A quote that sits in a list of title-case quotes (“Moulin Rouge,”
/// “Lili,” and “Gigi”): names of works, not statements. Both it and a
/// neighbouring quote, separated only by a comma, "and" or "or", must look
/// like titles once a trailing comma is ignored.
fn in_title_list(
    ctx: &DocCtx,
    items: &[Item],
    p: usize,
    regions: &[super::marks::QuoteRegion],
) -> bool {
    let titled = |k: usize| -> bool {
        let Some(Item::Quote(q)) = items.get(k) else {
            return false;
        };
        regions.get(*q).is_some_and(|r| {
            let text = r.inner.slice(ctx.text).trim_end();
            let inner = Span::new(
                r.inner.start(),
                r.inner.start() + text.trim_end_matches(',').len(),
            );
            words_in(ctx, inner).count() <= 6 && is_title_like(ctx, inner)
        })
    };
    let joiner = |k: usize| -> bool {
        matches!(items.get(k), Some(Item::Tok(i)) if matches!(ctx.lower(*i), "," | "and" | "or"))
    };
    if !titled(p) {
        return false;
    }
    let before = p.checked_sub(1).is_some_and(|k| {
        titled(k)
            || (joiner(k)
                && k.checked_sub(1).is_some_and(|j| {
                    titled(j) || (joiner(j) && j.checked_sub(1).is_some_and(titled))
                }))
    });
    let after =
        titled(p + 1) || (joiner(p + 1) && (titled(p + 2) || (joiner(p + 2) && titled(p + 3))));
    before || after
}

/// A title noun right before the quote ("his book “…”").
fn after_title_noun(ctx: &DocCtx, items: &[Item], p: usize) -> bool {
    let Some(Item::Tok(i)) = p.checked_sub(1).and_then(|k| items.get(k)) else {
        return false;
    };
    matches!(
        ctx.lower(*i),
        "book"
            | "film"
            | "movie"
            | "show"
            | "series"
            | "song"
            | "album"
            | "novel"
            | "play"
            | "programme"
            | "program"
            | "documentary"
            | "article"
            | "report"
            | "paper"
            | "essay"
            | "column"
            | "podcast"
            | "campaign"
            | "slogan"
            | "motto"
            | "titled"
            | "entitled"
    )
}

/// A quote right after a naming verb: a label ("a plan called “Blue Sky”").
fn is_label(ctx: &DocCtx, items: &[Item], p: usize) -> bool {
    let Some(Item::Tok(i)) = p.checked_sub(1).and_then(|k| items.get(k)) else {
        return false;
    };
    let l = ctx.lower(*i);
    if lexicon::is_naming_verb(l) {
        return true;
    }
    if matches!(
        l,
        "term"
            | "word"
            | "phrase"
            | "hashtag"
            | "label"
            | "nickname"
            | "moniker"
            | "headline"
            | "caption"
            | "brand"
    ) {
        return true;
    }
    // "known as", "also known as", "a.k.a."
    if l == "as" {
        if let Some(Item::Tok(j)) = p.checked_sub(2).and_then(|k| items.get(k)) {
            return matches!(
                ctx.lower(*j),
                "known" | "referred" | "billed" | "branded" | "dubbed"
            );
        }
    }
    false
}

/// The quote's opening begins a clause: the sentence starts with it, or a
/// colon, comma, dash or the cue itself stands right before it.
fn at_quote_clause_start(
    ctx: &DocCtx,
    items: &[Item],
    p: usize,
    attribution: Option<&Attribution>,
) -> bool {
    let Some(last) = p.checked_sub(1).and_then(|k| items.get(k)) else {
        return true;
    };
    let only_item_before = p == 1;
    match last {
        Item::Quote(_) => true,
        Item::Tok(i) => {
            let Some(t) = ctx.token(*i) else { return true };
            if t.kind == Kind::Punct {
                return matches!(
                    t.first,
                    ':' | ',' | '\u{2014}' | '\u{2013}' | '-' | '(' | ';'
                ) || super::marks::is_quote_char(t.first)
                    || only_item_before;
            }
            if matches!(t.lower.as_str(), "that") {
                return true;
            }
            attribution
                .and_then(|a| a.cue.as_ref())
                .is_some_and(|&(_, _, cue_end)| cue_end == *i)
        }
    }
}

/// The quote stands at the start of its sentence (only punctuation before).
fn whole_sentence_position(ctx: &DocCtx, items: &[Item], p: usize) -> bool {
    items.get(..p).unwrap_or(&[]).iter().all(|it| match it {
        Item::Tok(i) => ctx.token(*i).is_some_and(|t| t.kind == Kind::Punct),
        Item::Quote(_) => false,
    })
}

fn same_sentence_source<'a>(
    out: &'a [LocalQuote],
    regions: &[super::marks::QuoteRegion],
    located: &[Option<(usize, usize)>],
    q: usize,
    s: usize,
) -> Option<&'a LocalQuote> {
    let _ = regions;
    let sentence_of = |r: usize| located.get(r).copied().flatten().map(|(ps, _)| ps);
    // `out` is in text order: stop at the first quote of an earlier sentence.
    out.iter()
        .rev()
        .take_while(|prev| sentence_of(prev.region).is_some_and(|ps| ps >= s))
        .find(|prev| {
            prev.region != q
                && sentence_of(prev.region) == Some(s)
                && (prev.speaker.is_some() || prev.mention.is_some())
                && prev.cue.is_some()
        })
}

/// A floating quote may inherit from `prev` when it is in the same or the
/// next paragraph and no other person is named in between.
fn may_inherit(
    ctx: &DocCtx,
    names: &DocNames,
    prev: &LocalQuote,
    q: usize,
    speaker: Option<usize>,
) -> bool {
    let (Some(a), Some(b)) = (ctx.regions.get(prev.region), ctx.regions.get(q)) else {
        return false;
    };
    let para_of = |pos: usize| ctx.token(ctx.token_index_at(pos)).map(|t| t.para);
    let (Some(pa), Some(pb)) = (
        para_of(a.outer.end().saturating_sub(1)),
        para_of(b.outer.start()),
    ) else {
        return false;
    };
    if pb > pa + 1 {
        return false;
    }
    if pb == pa + 1 {
        // It must open its paragraph.
        let bi = ctx.token_index_at(b.outer.start());
        let opens_paragraph = bi
            .checked_sub(1)
            .and_then(|p| ctx.token(p))
            .is_none_or(|t| t.kind == Kind::Break);
        if !opens_paragraph {
            return false;
        }
    }
    let from = names
        .mentions
        .partition_point(|m| m.span.start() < a.outer.end());
    let between = names
        .mentions
        .get(from..)
        .unwrap_or(&[])
        .iter()
        .take_while(|m| m.span.start() < b.outer.start())
        .filter(|m| m.span.end() <= b.outer.start() && !m.in_quote);
    for m in between {
        if names.kind_of(m.cluster) == Some(EntityKind::Person) && Some(m.cluster) != speaker {
            return false;
        }
    }
    true
}

struct Resolver<'a, 't> {
    ctx: &'a DocCtx<'t>,
    names: &'a DocNames,
    pronouns: &'a HashMap<usize, usize>,
}

impl Resolver<'_, '_> {
    fn tok(&self, item: Option<&Item>) -> Option<usize> {
        match item {
            Some(Item::Tok(i)) => Some(*i),
            _ => None,
        }
    }

    fn lower_at(&self, items: &[Item], k: usize) -> &str {
        self.tok(items.get(k))
            .map(|i| self.ctx.lower(i))
            .unwrap_or("")
    }

    fn is_punct_at(&self, items: &[Item], k: usize, chars: &[char]) -> bool {
        self.tok(items.get(k))
            .and_then(|i| self.ctx.token(i))
            .is_some_and(|t| t.kind == Kind::Punct && chars.contains(&t.first))
    }

    fn is_word_at(&self, items: &[Item], k: usize) -> bool {
        self.tok(items.get(k))
            .and_then(|i| self.ctx.token(i))
            .is_some_and(|t| t.kind == Kind::Word)
    }

    /// The period of "Ms." or "J." rather than a full stop.
    fn is_abbreviation_period(&self, items: &[Item], k: usize) -> bool {
        let Some(i) = self.tok(items.get(k)) else {
            return false;
        };
        let Some(t) = self.ctx.token(i).filter(|t| t.is_punct('.')) else {
            return false;
        };
        let Some(p) = k
            .checked_sub(1)
            .and_then(|p| self.tok(items.get(p)))
            .and_then(|p| self.ctx.token(p))
        else {
            return false;
        };
        p.end == t.start
            && (lexicon::is_honorific(&p.lower)
                || lexicon::is_abbreviation(&p.lower)
                || p.text(self.ctx.text).chars().count() == 1
                // A party-and-state tag: "D-N.Y.", "R-Wis.", "D-Calif.".
                || p.text(self.ctx.text).rsplit('-').next().is_some_and(|s| {
                    p.text(self.ctx.text).contains('-')
                        && s.chars().next().is_some_and(char::is_uppercase)
                        && s.chars().count() <= 5
                        && s.chars().all(|c| c.is_alphabetic() || c == '.')
                }))
    }

    /// A finite cue verb at item `k`: its lemma form and the item index of
    /// its last word (particle included).
    fn cue_at(
        &self,
        items: &[Item],
        k: usize,
        allow_participle: bool,
    ) -> Option<(lexicon::CueForm, usize)> {
        let i = self.tok(items.get(k))?;
        let t = self.ctx.token(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        // Capitalized only at a sentence start ("Says Zhang: …").
        if t.first.is_uppercase() && !self.ctx.initial.get(i).copied().unwrap_or(false) {
            return None;
        }
        if self.names.mention_at(i).is_some() {
            return None;
        }
        let form = lexicon::cue_form(&t.lower)?;
        if form.past_participle_only || (form.participle && !allow_participle) {
            return None;
        }
        // "declined to say", "did not say": not a report.
        if t.lower == form.lemma {
            let prev = k
                .checked_sub(1)
                .map(|p| self.lower_at(items, p))
                .unwrap_or("");
            if matches!(
                prev,
                "to" | "not"
                    | "n't"
                    | "never"
                    | "could"
                    | "would"
                    | "can"
                    | "will"
                    | "should"
                    | "may"
                    | "might"
                    | "must"
                    | "cannot"
                    | "shall"
            ) {
                return None;
            }
        }
        let mut end = k;
        if let Some(particle) = form.particle {
            if self.lower_at(items, k + 1) != particle {
                return None;
            }
            end = k + 1;
        }
        // "called it “a disaster”" is a cue only with an object between it
        // and the quotation (checked by the caller via `is_label`).
        Some((form, end))
    }

    fn cue_text(&self, items: &[Item], start: usize, end: usize) -> Option<(String, usize, usize)> {
        let a = self.tok(items.get(start))?;
        let b = self.tok(items.get(end))?;
        let (ta, tb) = (self.ctx.token(a)?, self.ctx.token(b)?);
        let text = self.ctx.text.get(ta.start..tb.end)?;
        Some((text.split_whitespace().collect::<Vec<_>>().join(" "), a, b))
    }

    /// The cue with "tell"'s object ("told reporters", "told the BBC").
    fn cue_with_object(
        &self,
        items: &[Item],
        cue: usize,
        cue_end: usize,
        form: lexicon::CueForm,
    ) -> (Option<(String, usize, usize)>, usize) {
        let mut end = cue_end;
        if form.lemma == "tell" {
            let next = cue_end + 1;
            if let Some(i) = self.tok(items.get(next)) {
                let l = self.ctx.lower(i);
                let object_pronoun = matches!(l, "me" | "us" | "him" | "her" | "them");
                if let Some(m) = self.names.mention_at(i) {
                    let last = (next..items.len())
                        .take_while(|&k| self.tok(items.get(k)).is_some_and(|t| t <= m.last_tok))
                        .last()
                        .unwrap_or(next);
                    end = last;
                } else if object_pronoun
                    || lexicon::is_bare_plural_speaker(l)
                    || matches!(
                        l,
                        "reporters" | "journalists" | "lawmakers" | "parliament" | "congress"
                    )
                {
                    end = next;
                } else if matches!(l, "the" | "a" | "an") {
                    // "told a news conference", "told the BBC".
                    let mut k = next + 1;
                    while k <= next + 3 {
                        let Some(j) = self.tok(items.get(k)) else {
                            break;
                        };
                        let Some(t) = self.ctx.token(j) else { break };
                        let named = self.names.mention_at(j);
                        let noun = t.kind == Kind::Word
                            && !lexicon::is_function_word(&t.lower)
                            && lexicon::cue_form(&t.lower).is_none()
                            && !lexicon::is_cue_filler(&t.lower);
                        if named.is_none() && !noun {
                            break;
                        }
                        end = k;
                        if let Some(m) = named {
                            while self
                                .tok(items.get(end + 1))
                                .is_some_and(|t| t <= m.last_tok)
                            {
                                end += 1;
                            }
                            break;
                        }
                        k += 1;
                    }
                }
            }
        }
        (self.cue_text(items, cue, end), end)
    }

    /// Pattern 1: right after the quote.
    fn after(&self, items: &[Item], p: usize) -> Option<Attribution> {
        // `… had shown “greed.” He added` : a quote closing the writer's
        // own sentence with a full stop is not followed by its cue.
        if let Some(Item::Quote(q)) = items.get(p) {
            let inner = self
                .ctx
                .regions
                .get(*q)
                .map(|r| r.inner.slice(self.ctx.text))
                .unwrap_or("");
            let writer_before = items.get(..p).unwrap_or(&[]).iter().rev().take(200).any(|it| {
                matches!(it, Item::Tok(i) if self.ctx.token(*i).is_some_and(|t| t.kind == Kind::Word))
            });
            if writer_before && inner.trim_end().ends_with('.') {
                return None;
            }
        }
        let mut k = p + 1;
        let mut dash = false;
        let mut skipped = 0;
        while skipped < 2 && self.is_punct_at(items, k, &[',', '\u{2014}', '\u{2013}', '-']) {
            if !self.is_punct_at(items, k, &[',']) {
                dash = true;
            }
            k += 1;
            skipped += 1;
        }
        if matches!(items.get(k), Some(Item::Quote(_)) | None) {
            return None;
        }
        // "according to NP"
        if self.lower_at(items, k) == "according" && self.lower_at(items, k + 1) == "to" {
            let np = self.np_forward(items, k + 2)?;
            let cue = self.cue_text(items, k, k + 1);
            return Some(Attribution { np, cue });
        }
        // Inverted: "said Zhang".
        if let Some((form, cue_end)) = self.cue_at(items, k, false) {
            let (cue, obj_end) = self.cue_with_object(items, k, cue_end, form);
            let np = self.np_forward(items, obj_end + 1)?;
            return Some(Attribution { np, cue });
        }
        // "Zhang said", "the company said", "Zhang, 43, said".
        let mut m = k;
        let limit = (k + 16).min(items.len());
        let mut cue_found = None;
        while m < limit {
            match items.get(m) {
                Some(Item::Quote(_)) | None => break,
                Some(Item::Tok(_)) => {}
            }
            if self.is_punct_at(items, m, &['.', ';', ':', '?', '!'])
                && !self.is_abbreviation_period(items, m)
            {
                break;
            }
            if let Some((form, cue_end)) = self.cue_at(items, m, false) {
                cue_found = Some((m, cue_end, form));
                break;
            }
            // "was quoted as saying"
            if self.lower_at(items, m) == "quoted"
                && self.lower_at(items, m + 1) == "as"
                && self.lower_at(items, m + 2) == "saying"
            {
                cue_found = Some((m, m + 2, lexicon::cue_form("saying")?));
                break;
            }
            m += 1;
        }
        if let Some((cue_start, cue_end, form)) = cue_found {
            // `“… laws.” Karimi says he braced himself`: a quote closed with
            // a full stop, then a cue that opens a clause of its own, is
            // reported speech of a new sentence, not this quote's cue.
            let closed_sentence = matches!(items.get(p), Some(Item::Quote(q)) if self
                .ctx
                .regions
                .get(*q)
                .is_some_and(|r| r.inner.slice(self.ctx.text).trim_end().ends_with('.')));
            let opens_clause = matches!(
                self.lower_at(items, cue_end + 1),
                "that"
                    | "he"
                    | "she"
                    | "they"
                    | "it"
                    | "we"
                    | "i"
                    | "there"
                    | "the"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "this"
                    | "these"
                    | "those"
            );
            if closed_sentence && opens_clause && form.lemma != "tell" {
                return None;
            }
            if cue_start > k {
                let np_end = self.trim_fillers_back(items, k, cue_start);
                if let Some(np) = self.np_with_apposition(items, k, np_end) {
                    let (cue, _) = self.cue_with_object(items, cue_start, cue_end, form);
                    return Some(Attribution { np, cue });
                }
            }
        }
        // "“…” — Daniel Zhang" signature.
        if dash {
            let np = self.np_forward(items, k)?;
            if matches!(np.head, Head::Named(_)) {
                let cue = self.cue_text(items, p + 1, p + 1);
                return Some(Attribution { np, cue });
            }
        }
        None
    }

    /// Skip adverbs, auxiliaries and time words backwards from `end`
    /// (exclusive); returns the new exclusive end.
    fn trim_fillers_back(&self, items: &[Item], start: usize, end: usize) -> usize {
        let mut e = end;
        let mut steps = 0;
        while e > start + 1 && steps < 4 {
            let l = self.lower_at(items, e - 1);
            let is_filler = lexicon::is_cue_filler(l) && !lexicon::is_subject_pronoun(l);
            if !is_filler {
                break;
            }
            e -= 1;
            steps += 1;
        }
        e
    }

    /// A speaker phrase exactly covering items `[start, end)`, possibly with
    /// an apposition set off by commas.
    fn np_with_apposition(&self, items: &[Item], start: usize, end: usize) -> Option<Np> {
        let comma = (start..end).find(|&k| self.is_punct_at(items, k, &[',']));
        let np_end = match comma {
            Some(c) => {
                // The apposition must close with a comma before the cue.
                if !self.is_punct_at(items, end - 1, &[',']) || c == end - 1 && c == start {
                    return None;
                }
                c
            }
            None => end,
        };
        self.np_exact(items, start, np_end)
    }

    /// A speaker phrase exactly covering `[start, end)`.
    fn np_exact(&self, items: &[Item], start: usize, end: usize) -> Option<Np> {
        if end <= start || end - start > 10 {
            return None;
        }
        let toks: Vec<usize> = (start..end)
            .map(|k| self.tok(items.get(k)))
            .collect::<Option<Vec<_>>>()?;
        let (&first, &last) = (toks.first()?, toks.last()?);
        // Every token a word (hyphen or apostrophe inside names aside).
        if toks.iter().any(|&i| {
            self.ctx.token(i).is_none_or(|t| {
                t.kind == Kind::Punct && !matches!(t.first, '.' | '&' | '\'' | '\u{2019}')
            })
        }) {
            return None;
        }
        if toks.len() == 1 && lexicon::is_subject_pronoun(self.ctx.lower(first)) {
            return Some(Np {
                first,
                last,
                head: Head::Pronoun(first),
            });
        }
        self.classify_np(&toks)
    }

    /// Decide the head of a candidate speaker phrase.
    fn classify_np(&self, toks: &[usize]) -> Option<Np> {
        let (&first, &last) = (toks.first()?, toks.last()?);
        let mentions: Vec<usize> = toks
            .iter()
            .filter_map(|&i| self.names.mention_index_at(i))
            .fold(Vec::new(), |mut v, m| {
                if v.last() != Some(&m) {
                    v.push(m);
                }
                v
            });
        let kind = |m: usize| {
            self.names
                .mentions
                .get(m)
                .and_then(|mm| self.names.kind_of(mm.cluster))
        };
        // A person named in the phrase speaks, unless the name only
        // modifies another head ("Whitfield's barrister").
        let person = mentions.iter().find(|&&m| {
            kind(m) == Some(EntityKind::Person)
                && self
                    .names
                    .mentions
                    .get(m)
                    .is_some_and(|mm| !mm.possessive || mm.last_tok == last)
        });
        if let Some(&person) = person {
            return Some(Np {
                first,
                last,
                head: Head::Named(person),
            });
        }
        let last_lower = self.ctx.lower(last);
        // "a spokesperson for Redrow": the head precedes the named tail.
        let pp_before_last = toks
            .iter()
            .position(|&i| matches!(self.ctx.lower(i), "for" | "of" | "at" | "from" | "with"))
            .is_some_and(|pos| pos > 0);
        let head_is_mention = self.names.mention_at(last).is_some() && !pp_before_last;
        if let Some(&org) = mentions.first() {
            if head_is_mention {
                return Some(Np {
                    first,
                    last,
                    head: Head::Named(org),
                });
            }
        }
        // Nominal: determiner/possessive start (or a bare plural), noun head.
        let first_tok = self.ctx.token(first)?;
        let starts_nominal = lexicon::is_determiner(&first_tok.lower)
            || first_tok.possessive
            || self.names.mention_at(first).is_some()
            || (toks.len() == 1 && lexicon::is_bare_plural_speaker(last_lower))
            || (lexicon::is_bare_plural_speaker(last_lower)
                && toks.iter().all(|&i| {
                    self.ctx
                        .token(i)
                        .is_some_and(|t| t.first.is_lowercase() || t.possessive)
                }));
        if !starts_nominal {
            return None;
        }
        // A cue verb or a pronoun inside is not a speaker phrase.
        if toks.iter().any(|&i| {
            let l = self.ctx.lower(i);
            lexicon::cue_form(l).is_some_and(|c| !c.participle)
                && self.names.mention_at(i).is_none()
                && i != last
                || matches!(l, "he" | "she" | "they" | "we" | "i" | "it") && toks.len() > 1
                || matches!(l, "is" | "was" | "were" | "are" | "has" | "had" | "have")
        }) {
            return None;
        }
        // The head: the last word before a "for/of/at ORG" tail.
        let mut head = last;
        let mut org = mentions
            .iter()
            .filter_map(|&m| self.names.mentions.get(m))
            .map(|m| m.cluster)
            .find(|&c| self.names.kind_of(c) == Some(EntityKind::Organization));
        if let Some(pos) = toks
            .iter()
            .position(|&i| matches!(self.ctx.lower(i), "for" | "of" | "at" | "from" | "with"))
        {
            if pos > 0 {
                head = toks[pos - 1];
            }
        }
        let head_lower = self.ctx.lower(head);
        let words: Vec<&str> = toks.iter().map(|&i| self.ctx.lower(i)).collect();
        let role = words
            .iter()
            .enumerate()
            .find_map(|(k, _)| lexicon::role_at(words.get(k..).unwrap_or(&[])).map(|(r, _)| r));
        let business = lexicon::is_business_noun(head_lower)
            && matches!(first_tok.lower.as_str(), "the" | "this");
        let descriptor = first_tok.lower == "the"
            && toks.len() <= 3
            && (lexicon::is_demonym(head_lower)
                || head_lower.ends_with("-old")
                || is_person_descriptor(head_lower));
        if org.is_none()
            && (matches!(first_tok.lower.as_str(), "its" | "their")
                || toks.iter().any(|&i| {
                    self.ctx
                        .token(i)
                        .is_some_and(|t| t.possessive && lexicon::is_business_noun(&t.lower))
                }))
        {
            org = self
                .names
                .org_before(first)
                .or_else(|| self.names.main_org());
        }
        Some(Np {
            first,
            last,
            head: Head::Nominal {
                org,
                role,
                business,
                descriptor,
            },
        })
    }

    /// A speaker phrase starting at item `k`, read forward until a stop.
    fn np_forward(&self, items: &[Item], k: usize) -> Option<Np> {
        let mut end = k;
        while end < items.len() && end - k < 10 {
            let Some(i) = self.tok(items.get(end)) else {
                break;
            };
            let t = self.ctx.token(i)?;
            if t.kind == Kind::Punct {
                if t.first == '.'
                    && end > k
                    && self
                        .tok(items.get(end - 1))
                        .and_then(|p| self.ctx.token(p))
                        .is_some_and(|p| {
                            p.end == t.start
                                && (p.text(self.ctx.text).chars().count() == 1
                                    || lexicon::is_honorific(&p.lower))
                        })
                {
                    end += 1;
                    continue;
                }
                break;
            }
            let l = t.lower.as_str();
            let in_mention = self.names.mention_at(i).is_some();
            if !in_mention && end > k {
                if matches!(l, "for" | "of") {
                    // "a spokeswoman for Alibaba": keep a named tail.
                    let next = self.tok(items.get(end + 1));
                    let mut j = end + 1;
                    if next.is_some_and(|n| self.ctx.lower(n) == "the") {
                        j += 1;
                    }
                    if self
                        .tok(items.get(j))
                        .is_some_and(|n| self.names.mention_at(n).is_some())
                    {
                        end = j;
                        continue;
                    }
                    break;
                }
                if lexicon::is_np_stop(l) || lexicon::cue_form(l).is_some() {
                    break;
                }
            }
            if t.possessive && in_mention {
                end += 1;
                continue;
            }
            end += 1;
            if in_mention {
                // Stop right after a complete name unless a title follows.
                let m = self.names.mention_at(i)?;
                if i == m.last_tok && !t.possessive {
                    break;
                }
            }
        }
        if end == k {
            return None;
        }
        self.np_exact(items, k, end)
    }

    /// Pattern 2: a cue before the quote in the same sentence.
    fn before(&self, items: &[Item], p: usize) -> Option<Attribution> {
        let seg_start = items
            .get(..p)
            .unwrap_or(&[])
            .iter()
            .rposition(|it| matches!(it, Item::Quote(_)))
            .map(|x| x + 1)
            .unwrap_or(0);
        self.before_in(items, seg_start, p)
    }

    /// Look for a cue in `items[seg_start..end]`, the quote standing at `end`.
    fn before_in(&self, items: &[Item], seg_start: usize, end: usize) -> Option<Attribution> {
        let mut c = end;
        while c > seg_start {
            c -= 1;
            let l = self.lower_at(items, c);
            if l == "according" && self.lower_at(items, c + 1) == "to" {
                if let Some(np) = self.np_forward(items, c + 2) {
                    let cue = self.cue_text(items, c, c + 1);
                    return Some(Attribution { np, cue });
                }
                continue;
            }
            // "As Zhang put it," / "In the words of Zhang,"
            let Some((form, cue_end)) = self.cue_at(items, c, true) else {
                continue;
            };
            // A determiner before makes it a noun: "the report", "a statement".
            let prev_lower = c
                .checked_sub(1)
                .map(|k| self.lower_at(items, k))
                .unwrap_or("");
            if matches!(
                prev_lower,
                "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "this" | "that"
            ) {
                continue;
            }
            if form.lemma == "call" && cue_end + 1 == end {
                continue;
            }
            let (cue, obj_end) = self.cue_with_object(items, c, cue_end, form);
            if form.participle {
                // "was quoted as saying"
                if prev_lower == "as" && c >= 2 && self.lower_at(items, c - 2) == "quoted" {
                    let mut s = c - 2;
                    while s > seg_start
                        && matches!(
                            self.lower_at(items, s - 1),
                            "was" | "is" | "been" | "has" | "had" | "were"
                        )
                    {
                        s -= 1;
                    }
                    if let Some(np) = self.subject_back(items, seg_start, s) {
                        let cue = self.cue_text(items, c - 2, c);
                        return Some(Attribution { np, cue });
                    }
                    continue;
                }
                // ", saying “…”": the sentence subject.
                if c > seg_start && self.is_punct_at(items, c - 1, &[',']) {
                    if let Some(np) = self.sentence_subject(items, c) {
                        return Some(Attribution { np, cue });
                    }
                }
                continue;
            }
            // Inverted at a sentence start: "Says Zhang: “…”".
            if c == 0 {
                let mut np_end = end;
                while np_end > obj_end + 1
                    && self.is_punct_at(items, np_end - 1, &[':', ',', '\u{2014}'])
                {
                    np_end -= 1;
                }
                if np_end > obj_end + 1 {
                    if let Some(np) = self.np_exact(items, obj_end + 1, np_end) {
                        return Some(Attribution { np, cue });
                    }
                }
            }
            if let Some(np) = self.subject_back(items, seg_start, c) {
                return Some(Attribution { np, cue });
            }
            // "… and added “…”": the sentence subject.
            if matches!(
                prev_lower,
                "and" | "but" | "then" | "also" | "before" | "later"
            ) {
                if let Some(np) = self.sentence_subject(items, c) {
                    return Some(Attribution { np, cue });
                }
            }
        }
        self.verbless_colon_intro(items, seg_start, end)
    }

    /// A person's name right before a colon that opens the quote, with no
    /// verb: "Ireland head coach Joe Schmidt: “…”", "In the words of House
    /// Speaker Paul Ryan (R-Wis.) on Friday: “…”". Interview and live-blog
    /// style; only a named person qualifies, never a bare noun phrase.
    fn verbless_colon_intro(
        &self,
        items: &[Item],
        seg_start: usize,
        end: usize,
    ) -> Option<Attribution> {
        if end < seg_start + 2 || end - seg_start > 20 || !self.is_punct_at(items, end - 1, &[':'])
        {
            return None;
        }
        let mut k = end - 1;
        // "… on Friday:"
        if k >= seg_start + 2
            && self.lower_at(items, k - 2) == "on"
            && lexicon::is_calendar_word(self.lower_at(items, k - 1))
        {
            k -= 2;
        }
        // "… (R-Wis.):"
        if k > seg_start + 1 && self.is_punct_at(items, k - 1, &[')']) {
            k = (seg_start..k - 1)
                .rev()
                .take(8)
                .find(|&j| self.is_punct_at(items, j, &['(']))?;
        }
        let i = self.tok(items.get(k.checked_sub(1)?))?;
        let m = self.names.mention_at(i)?;
        if m.last_tok != i || self.names.kind_of(m.cluster) != Some(EntityKind::Person) {
            return None;
        }
        Some(Attribution {
            np: Np {
                first: m.first_tok,
                last: i,
                head: Head::Named(self.names.mention_index_at(i)?),
            },
            cue: None,
        })
    }

    /// The subject of the cue at item `cue`, read backwards.
    fn subject_back(&self, items: &[Item], seg_start: usize, cue: usize) -> Option<Np> {
        let mut j = cue;
        // Fillers: "Zhang also said", "he has told".
        let mut steps = 0;
        while j > seg_start && steps < 3 {
            let l = self.lower_at(items, j - 1);
            if lexicon::is_cue_filler(l)
                && !lexicon::is_subject_pronoun(l)
                && self
                    .tok(items.get(j - 1))
                    .is_some_and(|i| self.names.mention_at(i).is_none())
            {
                j -= 1;
                steps += 1;
            } else {
                break;
            }
        }
        if j == seg_start {
            return None;
        }
        // Apposition: "Zhang Jianfeng, president of …, said"; "Its author,
        // Laura Gardiner, said" (the name inside wins).
        if self.is_punct_at(items, j - 1, &[',']) {
            let close = j - 1;
            let open = (seg_start..close)
                .rev()
                .take(32)
                .find(|&k| self.is_punct_at(items, k, &[',']))?;
            let inside: Vec<usize> = (open + 1..close)
                .filter_map(|k| self.tok(items.get(k)))
                .collect();
            // The apposition is a name, perhaps with an honorific ("Sir
            // James Bevan").
            let name_start = inside
                .iter()
                .position(|&i| self.names.mention_at(i).is_some());
            if let (Some(pos), Some(&b)) = (name_start, inside.last()) {
                let titles_only = inside.get(..pos).unwrap_or(&[]).iter().all(|&i| {
                    let t = self.ctx.token(i);
                    t.is_some_and(|t| t.is_punct('.') || lexicon::is_honorific(&t.lower))
                });
                let a = inside.get(pos).copied().unwrap_or(b);
                if let Some(m) = self.names.mention_at(a) {
                    let person = self.names.kind_of(m.cluster) == Some(EntityKind::Person);
                    if person && titles_only && m.last_tok == b {
                        let np = Np {
                            first: a,
                            last: b,
                            head: Head::Named(self.names.mention_index_at(a)?),
                        };
                        return Some(np);
                    }
                }
            }
            j = open;
            if j <= seg_start {
                return None;
            }
        }
        let last = j - 1;
        let last_tok = self.tok(items.get(last))?;
        let t = self.ctx.token(last_tok)?;
        if t.kind != Kind::Word {
            return None;
        }
        if lexicon::is_subject_pronoun(&t.lower) {
            return Some(Np {
                first: last_tok,
                last: last_tok,
                head: Head::Pronoun(last_tok),
            });
        }
        if let Some(m) = self.names.mention_at(last_tok) {
            // Extend back over titles and an organization modifier.
            let mut first_item = last;
            while first_item > seg_start
                && self
                    .tok(items.get(first_item - 1))
                    .is_some_and(|i| i >= m.first_tok)
            {
                first_item -= 1;
            }
            let mut start_item = first_item;
            while start_item > seg_start {
                let Some(i) = self.tok(items.get(start_item - 1)) else {
                    break;
                };
                let l = self.ctx.lower(i);
                let titleish = lexicon::role_at(&[l]).is_some()
                    || lexicon::is_honorific(l)
                    || lexicon::is_role_modifier(l)
                    || matches!(l, "chief" | "executive" | "officer" | "vice")
                    || self.names.mention_at(i).is_some_and(|mm| {
                        self.names.kind_of(mm.cluster) == Some(EntityKind::Organization)
                    });
                if !titleish {
                    break;
                }
                start_item -= 1;
            }
            let start_tok = self.tok(items.get(start_item))?;
            // "a spokeswoman for Alibaba said": the nominal with its tail.
            if start_item > seg_start + 1
                && matches!(self.lower_at(items, start_item - 1), "for" | "of" | "at")
            {
                if let Some(np) = self.nominal_back(items, seg_start, start_item - 1, last) {
                    return Some(np);
                }
            }
            if at_clause_start(self.ctx, self.names, start_tok) {
                let toks: Vec<usize> = (start_item..=last)
                    .filter_map(|k| self.tok(items.get(k)))
                    .collect();
                return self.classify_np(&toks);
            }
            // "As my friend Dave put it": a nominal around the name.
        }
        self.nominal_back(items, seg_start, j, last)
    }

    /// A nominal phrase ending at item `last` (its head before `head_end`).
    fn nominal_back(
        &self,
        items: &[Item],
        seg_start: usize,
        head_end: usize,
        last: usize,
    ) -> Option<Np> {
        let head_item = head_end.checked_sub(1)?;
        let mut d = head_item;
        let mut steps = 0;
        loop {
            let i = self.tok(items.get(d))?;
            let t = self.ctx.token(i)?;
            if t.kind != Kind::Word {
                return None;
            }
            if lexicon::is_determiner(&t.lower) {
                break;
            }
            if t.possessive && d < head_item {
                // "the bank's review": the determiner of the possessor.
                if d > seg_start && matches!(self.lower_at(items, d - 1), "the" | "a" | "an") {
                    d -= 1;
                }
                break;
            }
            if d == head_item && lexicon::is_bare_plural_speaker(&t.lower) {
                // Bare plural: "analysts said".
                let before = d
                    .checked_sub(1)
                    .map(|k| self.lower_at(items, k))
                    .unwrap_or("");
                if d == seg_start
                    || !self.is_word_at(items, d - 1)
                    || matches!(before, "and" | "but" | "that" | "as" | "while")
                    || lexicon::is_role_modifier(before)
                {
                    break;
                }
            }
            if d == seg_start || steps >= 6 {
                return None;
            }
            d -= 1;
            steps += 1;
        }
        let first_tok = self.tok(items.get(d))?;
        // "A spokeswoman for the GMB union": the nominal continues leftwards.
        if d > seg_start + 1
            && matches!(
                self.lower_at(items, d - 1),
                "for" | "of" | "at" | "from" | "with"
            )
        {
            if let Some(outer) = self.nominal_back(items, seg_start, d - 1, last) {
                return Some(outer);
            }
        }
        if !at_clause_start(self.ctx, self.names, first_tok) && d > seg_start {
            let prev = self.lower_at(items, d - 1);
            if !matches!(
                prev,
                "and" | "but" | "that" | "as" | "while" | "when" | "because"
            ) {
                return None;
            }
        }
        let toks: Vec<usize> = (d..=last).filter_map(|k| self.tok(items.get(k))).collect();
        self.classify_np(&toks)
    }

    /// The subject at the start of the sentence (for participle cues).
    fn sentence_subject(&self, items: &[Item], before: usize) -> Option<Np> {
        for k in 0..before.min(14) {
            let Some(i) = self.tok(items.get(k)) else {
                continue;
            };
            let t = self.ctx.token(i)?;
            if t.kind != Kind::Word {
                continue;
            }
            if matches!(t.lower.as_str(), "he" | "she" | "they" | "it" | "we") {
                return Some(Np {
                    first: i,
                    last: i,
                    head: Head::Pronoun(i),
                });
            }
            if let Some(m) = self.names.mention_at(i) {
                if !m.possessive && at_clause_start(self.ctx, self.names, m.first_tok) {
                    return Some(Np {
                        first: m.first_tok,
                        last: m.last_tok,
                        head: Head::Named(self.names.mention_index_at(i)?),
                    });
                }
            }
            if lexicon::is_determiner(&t.lower) && at_clause_start(self.ctx, self.names, i) {
                // "The company welcomed it, saying …"
                let mut e = k + 1;
                while e < before && self.is_word_at(items, e) && e - k < 5 {
                    let l = self.lower_at(items, e);
                    let inflected_cue = lexicon::cue_form(l).is_some_and(|c| c.lemma != l);
                    if inflected_cue || lexicon::is_cue_filler(l) {
                        break;
                    }
                    e += 1;
                }
                let toks: Vec<usize> = (k..e).filter_map(|x| self.tok(items.get(x))).collect();
                if toks.len() >= 2 {
                    return self.classify_np(&toks);
                }
            }
        }
        None
    }

    /// Pattern 3: the previous sentence ends with a colon and holds a cue.
    fn colon_intro(&self, sentences: &HashMap<usize, Sentence>, s: usize) -> Option<Attribution> {
        let prev = s.checked_sub(1)?;
        let items = match sentences.get(&prev) {
            Some(sentence) => sentence.items.clone(),
            None => items_of(self.ctx, prev),
        };
        let last = items.len().checked_sub(1)?;
        if !self.is_punct_at(&items, last, &[':']) {
            return None;
        }
        let seg_start = items
            .iter()
            .rposition(|it| matches!(it, Item::Quote(_)))
            .map(|x| x + 1)
            .unwrap_or(0);
        self.before_in(&items, seg_start, last)
    }

    /// Pattern 4: ", Zhang said." closing the sentence after the quote.
    fn sentence_final(&self, items: &[Item], p: usize) -> Option<Attribution> {
        let end = items.len();
        let mut stop = end;
        while stop > p + 1 && self.is_punct_at(items, stop - 1, &['.', '!', '?']) {
            stop -= 1;
        }
        let comma = (p + 1..stop)
            .rev()
            .take(40)
            .find(|&k| self.is_punct_at(items, k, &[',']))?;
        if (comma + 1..stop).any(|k| matches!(items.get(k), Some(Item::Quote(_)))) {
            return None;
        }
        let k = comma + 1;
        // Inverted: ", said Zhang."
        if let Some((form, cue_end)) = self.cue_at(items, k, false) {
            let (cue, obj_end) = self.cue_with_object(items, k, cue_end, form);
            let np = self.np_forward(items, obj_end + 1)?;
            return Some(Attribution { np, cue });
        }
        let cue_pos = (k..stop.min(k + 8)).find(|&m| self.cue_at(items, m, false).is_some())?;
        let (form, cue_end) = self.cue_at(items, cue_pos, false)?;
        // At most a few words after the cue ("on Friday", "in a statement").
        if stop.saturating_sub(cue_end + 1) > 6 {
            return None;
        }
        let np_end = self.trim_fillers_back(items, k, cue_pos);
        let np = self.np_exact(items, k, np_end)?;
        let (cue, _) = self.cue_with_object(items, cue_pos, cue_end, form);
        Some(Attribution { np, cue })
    }

    /// The speaker cluster and mention span of a speaker phrase.
    fn resolve(&self, np: Np) -> (Option<usize>, Option<Span>) {
        let span_of = |a: usize, b: usize| -> Option<Span> {
            let (ta, tb) = (self.ctx.token(a)?, self.ctx.token(b)?);
            Some(Span::new(ta.start, tb.end))
        };
        match np.head {
            Head::Named(m) => {
                let mention = self.names.mentions.get(m);
                (mention.map(|mm| mm.cluster), mention.map(|mm| mm.span))
            }
            Head::Pronoun(i) => {
                let l = self.ctx.lower(i);
                let speaker = match l {
                    "he" | "she" => self.pronouns.get(&i).copied(),
                    "it" => self.org_near(i),
                    _ => None,
                };
                (speaker, span_of(i, i))
            }
            Head::Nominal {
                org,
                role,
                business,
                descriptor,
            } => {
                let span = span_of(np.first, np.last);
                if let Some(role) = role.filter(|r| *r != "spokesperson") {
                    let holders: Vec<usize> = self
                        .names
                        .clusters
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| {
                            c.kind == EntityKind::Person
                                && c.roles.iter().any(|r| {
                                    r.role == role
                                        && (org.is_none() || r.org.is_none() || r.org == org)
                                })
                        })
                        .map(|(id, _)| id)
                        .collect();
                    if holders.len() == 1 {
                        return (holders.first().copied(), span);
                    }
                    if !holders.is_empty() {
                        return (None, span);
                    }
                }
                if org.is_some() {
                    return (org, span);
                }
                if business {
                    return (
                        self.names
                            .org_before(np.first)
                            .or_else(|| self.names.main_org()),
                        span,
                    );
                }
                if descriptor {
                    return (self.salient_person(np.first), span);
                }
                (None, span)
            }
        }
    }

    /// The person a description ("the Norwegian") refers to: the most
    /// recently named person of the last two sentences, subjects first.
    fn salient_person(&self, i: usize) -> Option<usize> {
        let sent = self.ctx.token(i)?.sent;
        self.names
            .mentions
            .iter()
            .filter(|m| m.last_tok < i && !m.in_quote)
            .filter(|m| self.names.kind_of(m.cluster) == Some(EntityKind::Person))
            .filter_map(|m| Some((m, self.ctx.token(m.first_tok)?.sent)))
            .filter(|(_, s)| sent.saturating_sub(*s) <= 2)
            .max_by_key(|(m, s)| (*s, m.subject, m.first_tok))
            .map(|(m, _)| m.cluster)
    }

    /// The organization a speaking "it" refers to: the one named last within
    /// the previous few sentences.
    fn org_near(&self, i: usize) -> Option<usize> {
        let sent = self.ctx.token(i)?.sent;
        let org = self.names.org_before(i)?;
        let last = self
            .names
            .mentions
            .iter()
            .rev()
            .find(|m| m.cluster == org && m.last_tok < i)?;
        let msent = self.ctx.token(last.first_tok)?.sent;
        (sent.saturating_sub(msent) <= 3).then_some(org)
    }
}

/// Nouns that describe a person just named ("the striker said").
fn is_person_descriptor(lower: &str) -> bool {
    matches!(
        lower,
        "striker"
            | "midfielder"
            | "defender"
            | "goalkeeper"
            | "forward"
            | "winger"
            | "captain"
            | "veteran"
            | "star"
            | "singer"
            | "actor"
            | "actress"
            | "rapper"
            | "novelist"
            | "writer"
            | "player"
            | "champion"
            | "teenager"
            | "youngster"
            | "billionaire"
            | "entrepreneur"
            | "politician"
            | "lawmaker"
            | "senator"
            | "congressman"
            | "congresswoman"
            | "manager"
            | "coach"
            | "boss"
            | "pensioner"
            | "mother"
            | "father"
            | "grandmother"
            | "grandfather"
            | "widow"
            | "survivor"
            | "victim"
            | "rookie"
            | "skipper"
            | "batsman"
            | "bowler"
            | "pitcher"
            | "quarterback"
            | "driver"
            | "rider"
            | "cyclist"
            | "runner"
            | "swimmer"
            | "golfer"
            | "boxer"
            | "fighter"
            | "musician"
            | "artist"
            | "director"
            | "filmmaker"
            | "comedian"
            | "presenter"
            | "host"
    )
}

/// Resolve he/she/him/his/her to person clusters (outside quotes), left to
/// right, keeping resolved pronouns as links in the chain.
fn resolve_pronouns(ctx: &DocCtx, names: &DocNames) -> HashMap<usize, usize> {
    let mut genders: Vec<Gender> = names.clusters.iter().map(|c| c.gender).collect();
    let mut history: Vec<(usize, usize, usize, bool)> = Vec::new(); // (cluster, sent, tok, subject)
    let mut out = HashMap::new();
    for (i, t) in ctx.tokens.iter().enumerate() {
        if t.kind != Kind::Word || ctx.quote_of.get(i).copied().flatten().is_some() {
            continue;
        }
        if let Some(mi) = names.mention_index_at(i) {
            if let Some(m) = names.mentions.get(mi) {
                if m.first_tok == i && names.kind_of(m.cluster) == Some(EntityKind::Person) {
                    history.push((m.cluster, t.sent, i, m.subject));
                }
            }
            continue;
        }
        let male = match t.lower.as_str() {
            "he" | "him" | "his" | "himself" => true,
            "she" | "her" | "hers" | "herself" => false,
            _ => continue,
        };
        let compatible = |c: usize| match genders.get(c) {
            Some(Gender::Male) => male,
            Some(Gender::Female) => !male,
            _ => true,
        };
        // The last few sentences only (history is in text order).
        let window = |accept: &dyn Fn(usize) -> bool| {
            history
                .iter()
                .rev()
                .take_while(|(_, s, _, _)| t.sent.saturating_sub(*s) <= 3)
                .filter(|(c, _, _, _)| accept(*c))
                .max_by_key(|(_, s, tok, subject)| (*s, *subject, *tok))
                .map(|&(c, _, _, _)| c)
        };
        let recent = window(&compatible);
        // Nobody compatible nearby: a gender guessed from a given name
        // yields to the text ("Yuki Tanaka … she says").
        let soft = |c: usize| names.clusters.get(c).is_some_and(|cl| cl.gender_from_name);
        let relaxed = || window(&|c| compatible(c) || soft(c));
        let chosen = recent.or_else(relaxed).or_else(|| {
            history
                .iter()
                .rev()
                .find(|(c, _, _, _)| compatible(*c))
                .map(|&(c, _, _, _)| c)
        });
        if let Some(c) = chosen {
            out.insert(i, c);
            if let Some(g) = genders.get_mut(c) {
                if *g == Gender::Unknown || soft(c) {
                    *g = if male { Gender::Male } else { Gender::Female };
                }
            }
            let nominative = matches!(t.lower.as_str(), "he" | "she");
            history.push((c, t.sent, i, nominative));
        }
    }
    out
}
