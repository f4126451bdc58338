//! Search results: articles (title, outlet, date, quote count, highlighted
//! snippet) or individual quotes, with the result count, sort and
//! articles/quotes toggle.

use crate::components::export::Export;
use crate::components::text::{marked, speaker_color};
use crate::corpus;
use crate::digest::{self, Cell, Table};
use crate::state::{ResultKind, Route, Shared, View};
use clippings_search::{SearchResults, Sort, SNIPPET_LEN};

use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub results: Shared<SearchResults>,
    pub route: Route,
    pub shown: usize,
    pub on_more: Callback<()>,
    pub on_kind: Callback<ResultKind>,
    pub on_sort: Callback<Sort>,
    pub on_notice: Callback<String>,
}

/// The link that opens `doc` in the reader, keeping query and filters.
pub fn reader_href(route: &Route, doc_id: &str) -> String {
    let mut r = route.clone();
    r.view = View::Read;
    r.doc = Some(doc_id.to_string());
    r.original = false;
    r.to_hash()
}

/// "Daniel Zhang", "2015-05-14" and friends, joined with middle dots.
pub fn meta_line(outlet: Option<&str>, date: Option<&str>) -> String {
    [
        outlet.unwrap_or("Outlet unknown").to_string(),
        date.map(|d| d.replace('T', " "))
            .unwrap_or_else(|| "Undated".into()),
    ]
    .join(" · ")
}

#[function_component(Results)]
pub fn results(props: &Props) -> Html {
    let Ok(engine) = corpus::engine() else {
        return html! {};
    };
    let results = &props.results;
    let kind = props.route.kind;
    let total = results.total();
    let quotes_total = results.quotes.len();

    let on_sort = {
        let cb = props.on_sort.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            cb.emit(Sort::from_key(&select.value()).unwrap_or_default());
        })
    };
    let toggle = |k: ResultKind, label: String| {
        let cb = props.on_kind.clone();
        let pressed = if kind == k { "true" } else { "false" };
        html! {
            <button type="button" class="seg" aria-pressed={pressed} onclick={Callback::from(move |_| cb.emit(k))}>
                { label }
            </button>
        }
    };

    let summary = match kind {
        ResultKind::Articles => format!("{total} article{}", if total == 1 { "" } else { "s" }),
        ResultKind::Quotes => format!(
            "{quotes_total} quote{}",
            if quotes_total == 1 { "" } else { "s" }
        ),
    };

    let notes: Html = {
        let mut notes: Vec<Html> = Vec::new();
        if let Some(s) = &results.suggestion {
            let mut r = props.route.clone();
            r.query = s.clone();
            r.view = View::Search;
            notes.push(html! {
                <p class="note">{ "Did you mean " }<a href={r.to_hash()}>{ s.clone() }</a>{ "?" }</p>
            });
        }
        for h in &results.hints {
            notes.push(html! { <p class="note">{ h.message.clone() }</p> });
        }
        notes.into_iter().collect()
    };

    let body = match kind {
        ResultKind::Articles => {
            if total == 0 {
                html! { <p class="empty">{ empty_message(&props.route) }</p> }
            } else {
                let items: Html = results
                    .hits
                    .iter()
                    .take(props.shown)
                    .filter_map(|hit| {
                        let doc = engine.document(hit.doc)?;
                        let stats = engine.stats(hit.doc)?;
                        let snippet = engine.snippet(hit.doc, &results.compiled, SNIPPET_LEN);
                        let quotes = stats.quote_count;
                        let href = reader_href(&props.route, &doc.id);
                        let title_hl: Vec<(usize, usize)> = engine
                            .highlights(hit.doc, &results.compiled, clippings_search::Field::Title)
                            .into_iter()
                            .map(|s| (s.start(), s.end()))
                            .collect();
                        Some(html! {
                            <li class="result" key={doc.id.clone()}>
                                <h3 class="result-title">
                                    <a class="result-link" href={href}>{ marked(&doc.title, &title_hl) }</a>
                                    if doc.title_derived { <span class="badge" title="This article has no headline; the title is its first sentence">{ "first line" }</span> }
                                </h3>
                                <p class="meta">
                                    { meta_line(doc.outlet.as_deref(), doc.date.as_deref()) }
                                    { " · " }
                                    { format!("{quotes} quote{}", if quotes == 1 { "" } else { "s" }) }
                                </p>
                                <p class="snippet">
                                    if snippet.cut_start { { "… " } }
                                    { marked(&snippet.text, &snippet.highlights) }
                                    if snippet.cut_end { { " …" } }
                                </p>
                            </li>
                        })
                    })
                    .collect();
                let more = total > props.shown;
                let on_more = props.on_more.clone();
                html! {
                    <>
                        <ol class="results" aria-label="Articles">{ items }</ol>
                        if more {
                            <button type="button" class="more" onclick={Callback::from(move |_| on_more.emit(()))}>
                                { format!("Show more ({} of {total} shown)", props.shown) }
                            </button>
                        }
                    </>
                }
            }
        }
        ResultKind::Quotes => {
            if quotes_total == 0 {
                html! { <p class="empty">{ "No direct quotes match. Try the article results, or fewer words." }</p> }
            } else {
                let items: Html = results
                    .quotes
                    .iter()
                    .take(props.shown)
                    .filter_map(|qh| {
                        let q = engine.corpus.quotes.get(qh.quote as usize)?;
                        let doc = engine.document(q.doc)?;
                        let words = q.span.slice(&doc.text);
                        let speaker = q.speaker.clone().unwrap_or_else(|| "Unattributed".into());
                        let color = format!("spk-{}", speaker_color(&speaker));
                        let hl: Vec<(usize, usize)> = engine
                            .highlights(q.doc, &results.compiled, clippings_search::Field::Body)
                            .into_iter()
                            .filter(|h| q.span.contains(*h))
                            .map(|h| (h.start() - q.span.start(), h.end() - q.span.start()))
                            .collect();
                        let href = reader_href(&props.route, &doc.id);
                        Some(html! {
                            <li class="result quote-result" key={format!("q{}", qh.quote)}>
                                <blockquote class={classes!("quote-card", color)}>
                                    <p><q>{ marked(words, &hl) }</q></p>
                                </blockquote>
                                <p class="meta">
                                    <strong>{ speaker }</strong>
                                    { " · " }
                                    <a class="result-link" href={href}>{ doc.title.clone() }</a>
                                    { " · " }
                                    { meta_line(doc.outlet.as_deref(), doc.date.as_deref()) }
                                </p>
                            </li>
                        })
                    })
                    .collect();
                let more = quotes_total > props.shown;
                let on_more = props.on_more.clone();
                html! {
                    <>
                        <ol class="results" aria-label="Quotes">{ items }</ol>
                        if more {
                            <button type="button" class="more" onclick={Callback::from(move |_| on_more.emit(()))}>
                                { format!("Show more ({} of {quotes_total} shown)", props.shown) }
                            </button>
                        }
                    </>
                }
            }
        }
    };

    let make = {
        let results = props.results.clone();
        Callback::from(move |()| results_table(&results, kind))
    };
    let sort = props.route.sort;
    html! {
        <section class="results-pane" aria-labelledby="results-heading">
            <div class="results-bar">
                <h2 id="results-heading" class="count">
                    { summary }
                    if results.partial { <span class="badge warn">{ "partial matches" }</span> }
                </h2>
                <div class="seg-group" role="group" aria-label="Show results as">
                    { toggle(ResultKind::Articles, format!("Articles ({total})")) }
                    { toggle(ResultKind::Quotes, format!("Quotes ({quotes_total})")) }
                </div>
                <label class="sort">
                    { "Sort " }
                    <select onchange={on_sort} aria-label="Sort results">
                        <option value="relevance" selected={sort == Sort::Relevance}>{ "Relevance" }</option>
                        <option value="newest" selected={sort == Sort::Newest}>{ "Newest first" }</option>
                        <option value="oldest" selected={sort == Sort::Oldest}>{ "Oldest first" }</option>
                    </select>
                </label>
                <Export route={props.route.clone()} {make} on_notice={props.on_notice.clone()} />
            </div>
            { notes }
            { body }
        </section>
    }
}

fn empty_message(route: &Route) -> String {
    if route.has_filters() {
        "No article matches the query with these filters. Remove a filter or clear them all.".into()
    } else if route.query.trim().is_empty() {
        "The corpus is empty.".into()
    } else {
        format!("No article matches “{}”. Check the spelling, use fewer words, or remove quotation marks.", route.query)
    }
}

/// The article or quote results as a table (all of them, not just the
/// rendered page).
fn results_table(results: &SearchResults, kind: ResultKind) -> Table {
    let Ok(engine) = corpus::engine() else {
        return Table::default();
    };
    let corpus = &engine.corpus;
    match kind {
        ResultKind::Articles => {
            let mut t = Table::new(&[
                "rank", "id", "title", "outlet", "date", "byline", "quotes", "url",
            ]);
            for (i, hit) in results.hits.iter().enumerate() {
                let Some(doc) = engine.document(hit.doc) else {
                    continue;
                };
                let quotes = engine.stats(hit.doc).map_or(0, |s| s.quote_count as usize);
                t.push(vec![
                    (i + 1).into(),
                    doc.id.as_str().into(),
                    doc.title.as_str().into(),
                    Cell::from(doc.outlet.clone()),
                    Cell::from(doc.date.clone()),
                    Cell::from(doc.byline.clone()),
                    quotes.into(),
                    Cell::from(doc.url.clone()),
                ]);
            }
            t
        }
        ResultKind::Quotes => {
            let mut t = Table::new(&[
                "speaker",
                "quote",
                "outlet",
                "date",
                "article_id",
                "citation",
            ]);
            for qh in &results.quotes {
                let Some(q) = corpus.quotes.get(qh.quote as usize) else {
                    continue;
                };
                let Some(doc) = engine.document(q.doc) else {
                    continue;
                };
                t.push(vec![
                    Cell::from(q.speaker.clone()),
                    digest::span_words(&doc.text, q.span).into(),
                    Cell::from(doc.outlet.clone()),
                    Cell::from(doc.date.clone()),
                    doc.id.as_str().into(),
                    Cell::from(digest::quote_citation(corpus, qh.quote)),
                ]);
            }
            t
        }
    }
}
