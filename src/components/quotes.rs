//! The Quotes view: every quote matching the query and filters, grouped by
//! speaker; a statement reported by several outlets shown once, with "reported
//! by N outlets" and the word-level differences between the reports; a
//! citation to copy for each.

use crate::components::export::{copy_text, Export};
use crate::components::results::reader_href;
use crate::components::text::{marked, speaker_color};
use crate::corpus;
use crate::digest::{self, Cell, QuoteItem, SpeakerQuotes, Table};
use crate::state::{Route, Shared};
use clippings_core::{DiffKind, DiffOp};
use clippings_search::{Field, SearchResults};
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub results: Shared<SearchResults>,
    pub route: Route,
    pub shown: usize,
    pub on_more: Callback<()>,
    pub on_notice: Callback<String>,
}

#[function_component(QuotesView)]
pub fn quotes_view(props: &Props) -> Html {
    let grouped: Rc<Vec<SpeakerQuotes>> = {
        let results = props.results.clone();
        let selections = props.route.selections.clone();
        use_memo(
            (results, selections),
            |(results, selections)| match corpus::engine() {
                Ok(engine) => {
                    digest::quotes_by_speaker(&engine.corpus, &results.quotes, selections)
                }
                Err(_) => Vec::new(),
            },
        )
    };
    let Ok(engine) = corpus::engine() else {
        return html! {};
    };
    let corpus = &engine.corpus;
    let compiled = &props.results.compiled;
    let total: usize = grouped.iter().map(|s| s.items.len()).sum();
    let speakers = grouped.len();

    let make = {
        let grouped = grouped.clone();
        Callback::from(move |()| quotes_table(&grouped))
    };

    // Highlights per document, computed once per render.
    let mut highlights: HashMap<u32, Vec<clippings_core::Span>> = HashMap::new();
    let mut hl = |doc: u32, span: clippings_core::Span| -> Vec<(usize, usize)> {
        highlights
            .entry(doc)
            .or_insert_with(|| engine.highlights(doc, compiled, Field::Body))
            .iter()
            .filter(|h| span.contains(**h) && !h.is_empty())
            .map(|h| (h.start() - span.start(), h.end() - span.start()))
            .collect()
    };

    let copy = |text: String| -> Html {
        let notice = props.on_notice.clone();
        let onclick = Callback::from(move |_| {
            let notice = notice.clone();
            copy_text(
                text.clone(),
                Callback::from(move |ok: bool| {
                    notice.emit(if ok {
                        "Citation copied".to_string()
                    } else {
                        "Could not copy the citation: the browser refused clipboard access"
                            .to_string()
                    })
                }),
            );
        });
        html! { <button type="button" class="toggle copy" {onclick}>{ "Copy citation" }</button> }
    };

    let mut budget = props.shown;
    let sections = grouped.iter().enumerate().filter_map(|(si, s)| {
        if budget == 0 {
            return None;
        }
        let name = s.speaker.clone().unwrap_or_else(|| "Unattributed".into());
        let color = format!("spk-{}", speaker_color(s.speaker.as_deref().unwrap_or("")));
        let heading_id = format!("speaker-{si}");
        let take = s.items.len().min(budget);
        budget -= take;
        let items = s.items.iter().take(take).filter_map(|item| {
            let group = match item {
                QuoteItem::Group { group, .. } => Some(*group),
                QuoteItem::Single { .. } => None,
            };
            // A statement shows its base wording (what the diffs start from).
            let base = group
                .and_then(|g| corpus.quote_groups.get(g as usize))
                .and_then(|g| g.members.first());
            let qi = base.and_then(|m| m.quote).unwrap_or(item.quote());
            let q = corpus.quotes.get(qi as usize)?;
            let (doc_index, span) = match base {
                Some(m) => (m.doc, m.span),
                None => (q.doc, q.span),
            };
            let doc = corpus.documents.get(doc_index as usize)?;
            let words = span.slice(&doc.text);
            let marks = hl(doc_index, span);
            let open = reader_href(&props.route, &doc.id);
            let meta = html! {
                <p class="meta">
                    { doc.outlet.clone().unwrap_or_else(|| "Outlet unknown".into()) }
                    { " · " }
                    { doc.date.as_deref().map(|d| d.replace('T', " ")).unwrap_or_else(|| "Undated".into()) }
                    { " · " }
                    <a class="result-link" href={open}>{ format!("Open “{}”", digest::first_words(&doc.title, 8)) }</a>
                </p>
            };
            let group_html = group.and_then(|g| {
                let grp = corpus.quote_groups.get(g as usize)?;
                let n = digest::group_outlets(corpus, g);
                let members = grp.members.iter().enumerate().filter_map(|(mi, m)| {
                    let d = corpus.documents.get(m.doc as usize)?;
                    // An unknown outlet is named by its article instead.
                    let outlet = d.outlet.clone().unwrap_or_else(|| format!("“{}” (outlet unknown)", digest::first_words(&d.title, 8)));
                    let date = d.date.as_deref().map(|x| x.replace('T', " ")).unwrap_or_else(|| "undated".into());
                    let ops: &[DiffOp] = grp.diff.get(mi).map(Vec::as_slice).unwrap_or(&[]);
                    let differs = ops.iter().any(|o| o.op != DiffKind::Same);
                    let how = if m.quote.is_none() { " (without quotation marks)" } else { "" };
                    Some(html! {
                        <li key={mi}>
                            <a href={reader_href(&props.route, &d.id)}>{ outlet }</a>
                            { format!(", {date}{how}") }
                            if mi == 0 {
                                { " — the wording shown above" }
                            } else if differs {
                                { ": " }<span class="diff">{ diff_html(ops) }</span>
                            } else {
                                { " — same words" }
                            }
                        </li>
                    })
                });
                Some(html! {
                    <div class="group">
                        <p class="reported"><strong>{ format!("Reported by {n} outlet{}", if n == 1 { "" } else { "s" }) }</strong></p>
                        <ul class="members">{ for members }</ul>
                    </div>
                })
            });
            Some(html! {
                <li class="quote-item" key={group.map(|g| format!("g{g}")).unwrap_or_else(|| format!("q{qi}"))}>
                    <blockquote class={classes!("quote-card", color.clone())}>
                        <p><q>{ marked(words, &marks) }</q></p>
                    </blockquote>
                    { meta }
                    { group_html.unwrap_or_else(|| html! {}) }
                    <div class="quote-actions">{ copy(digest::citation(q.speaker.as_deref(), words, doc.outlet.as_deref(), doc.date.as_deref())) }</div>
                </li>
            })
        });
        Some(html! {
            <section class="speaker" aria-labelledby={heading_id.clone()} key={name.clone()}>
                <h3 id={heading_id} class={classes!("speaker-name", color.clone())}>
                    { name.clone() }
                    <span class="facet-count">{ format!(" · {} quote{}", s.items.len(), if s.items.len() == 1 { "" } else { "s" }) }</span>
                </h3>
                <ol class="quote-list" aria-label={format!("Quotes by {name}")}>{ for items }</ol>
            </section>
        })
    });
    let sections: Vec<Html> = sections.collect();

    let more = total > props.shown;
    let on_more = props.on_more.clone();
    html! {
        <section class="view quotes-view" aria-labelledby="view-heading">
            <div class="results-bar">
                <h2 id="view-heading" class="count">
                    { format!("{total} quote{} by {speakers} speaker{}", if total == 1 { "" } else { "s" }, if speakers == 1 { "" } else { "s" }) }
                </h2>
                <Export route={props.route.clone()} {make} on_notice={props.on_notice.clone()} />
            </div>
            if total == 0 {
                <p class="empty">{ "No direct quotes match the query and filters. Try fewer words or remove a filter." }</p>
            } else {
                { for sections }
                if more {
                    <button type="button" class="more" onclick={Callback::from(move |_| on_more.emit(()))}>
                        { format!("Show more ({} of {total} shown)", props.shown) }
                    </button>
                }
            }
        </section>
    }
}

/// Word-level differences: removed words in `<del>`, added in `<ins>`, as
/// text nodes only.
pub fn diff_html(ops: &[DiffOp]) -> Html {
    let mut out: Vec<Html> = Vec::new();
    for (i, op) in ops.iter().enumerate() {
        if i > 0 {
            out.push(html! { { " " } });
        }
        let text = op.text.clone();
        out.push(match op.op {
            DiffKind::Same => html! { { text } },
            DiffKind::Added => html! { <ins>{ text }</ins> },
            DiffKind::Removed => html! { <del>{ text }</del> },
        });
    }
    out.into_iter().collect()
}

fn quotes_table(grouped: &[SpeakerQuotes]) -> Table {
    let mut t = Table::new(&[
        "speaker",
        "quote",
        "outlet",
        "date",
        "article_id",
        "article_title",
        "reported_by_outlets",
        "citation",
    ]);
    let Ok(engine) = corpus::engine() else {
        return t;
    };
    let corpus = &engine.corpus;
    for s in grouped {
        for item in &s.items {
            let (outlets, base) = match item {
                QuoteItem::Group { group, .. } => (
                    digest::group_outlets(corpus, *group),
                    corpus
                        .quote_groups
                        .get(*group as usize)
                        .and_then(|g| g.members.first()),
                ),
                QuoteItem::Single { .. } => (1, None),
            };
            let Some(q) = corpus.quotes.get(item.quote() as usize) else {
                continue;
            };
            let (d, span) = base.map_or((q.doc, q.span), |m| (m.doc, m.span));
            let Some(doc) = corpus.documents.get(d as usize) else {
                continue;
            };
            let words = digest::span_words(&doc.text, span);
            let cite = digest::citation(
                s.speaker.as_deref(),
                &words,
                doc.outlet.as_deref(),
                doc.date.as_deref(),
            );
            t.push(vec![
                Cell::from(s.speaker.clone()),
                words.into(),
                Cell::from(doc.outlet.clone()),
                Cell::from(doc.date.clone()),
                doc.id.as_str().into(),
                doc.title.as_str().into(),
                outlets.into(),
                cite.into(),
            ]);
        }
    }
    t
}
