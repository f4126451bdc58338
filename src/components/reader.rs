//! The reader: one article, clean, with search hits marked (and a "hit 2 of
//! 5" navigator), every direct quote as a `<q>` coloured by speaker (name on
//! hover, on focus and for screen readers), entities as filter links, the
//! removed page furniture on demand, and prev/next article.

use crate::components::export::Export;
use crate::components::results::meta_line;
use crate::components::text::{self, speaker_color, Decorations, EntityDecor, QuoteDecor};
use crate::corpus;
use crate::digest::{self, Cell, Table};
use crate::state::{Route, Shared, View};
use clippings_core::{paragraph_spans, EntityKind};
use clippings_search::{FacetKind, Field, SearchResults};

use web_sys::ScrollIntoViewOptions;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub route: Route,
    pub results: Shared<SearchResults>,
    pub on_toggle_original: Callback<()>,
    pub on_notice: Callback<String>,
}

/// Only `http(s)` URLs become links.
fn safe_url(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| url.trim().to_string())
}

/// The route that filters the search by one facet value.
pub fn filter_href(route: &Route, facet: FacetKind, value: &str) -> String {
    let mut r = route.clone();
    r.view = View::Search;
    r.doc = None;
    r.original = false;
    r.selections.retain(|s| s.facet != Some(facet));
    r.select(facet, value, false);
    r.to_hash()
}

pub fn entity_facet(kind: EntityKind) -> FacetKind {
    match kind {
        EntityKind::Person => FacetKind::Person,
        EntityKind::Organization => FacetKind::Organization,
        EntityKind::Place => FacetKind::Place,
    }
}

#[function_component(Reader)]
pub fn reader(props: &Props) -> Html {
    let current_hit = use_state(|| None::<usize>);
    let doc_id = props.route.doc.clone().unwrap_or_default();
    {
        // A different article starts with no hit selected.
        let current_hit = current_hit.clone();
        use_effect_with(doc_id.clone(), move |_| current_hit.set(None));
    }
    {
        let hit = *current_hit;
        use_effect_with(hit, move |hit| {
            if let Some(i) = hit {
                if let Some(el) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&format!("hit-{i}")))
                {
                    let opts = ScrollIntoViewOptions::new();
                    opts.set_block(web_sys::ScrollLogicalPosition::Center);
                    el.scroll_into_view_with_scroll_into_view_options(&opts);
                }
            }
        });
    }

    let (Ok(engine), Some(d)) = (corpus::engine(), corpus::doc_index(&doc_id)) else {
        let mut back = props.route.clone();
        back.view = View::Search;
        back.doc = None;
        return html! {
            <section class="reader" aria-labelledby="reader-title">
                <h2 id="reader-title">{ "Article not found" }</h2>
                <p>{ format!("There is no article with the id “{doc_id}” in this corpus.") }</p>
                <p><a href={back.to_hash()}>{ "Back to the results" }</a></p>
            </section>
        };
    };
    let Some(doc) = engine.document(d) else {
        return html! {};
    };
    let compiled = &props.results.compiled;
    let text: &str = &doc.text;

    let marks = engine.highlights(d, compiled, Field::Body);
    let title_marks: Vec<(usize, usize)> = engine
        .highlights(d, compiled, Field::Title)
        .into_iter()
        .map(|s| (s.start(), s.end()))
        .collect();
    let quotes: Vec<QuoteDecor> = engine
        .corpus
        .quotes_of(d)
        .map(|(_, q)| QuoteDecor {
            outer: q.outer,
            inner: q.span,
            speaker: q.speaker.clone(),
            cue: q.cue.clone(),
            color: speaker_color(q.speaker.as_deref().unwrap_or("")),
        })
        .collect();
    let mut entities: Vec<EntityDecor> = Vec::new();
    for e in &engine.corpus.entities {
        for m in e.mentions.iter().filter(|m| m.doc == d) {
            entities.push(EntityDecor {
                span: m.span,
                name: e.name.clone(),
                href: filter_href(&props.route, entity_facet(e.kind), &e.name),
            });
        }
    }
    entities.sort_by_key(|e| e.span);
    // Overlapping mentions: keep the first, so links never nest.
    let mut last_end = 0;
    entities.retain(|e| {
        let keep = e.span.start >= last_end;
        if keep {
            last_end = e.span.end;
        }
        keep
    });

    let hit_count = marks.len();
    let decor = Decorations {
        quotes: quotes.clone(),
        marks: marks.clone(),
        entities,
    };

    // Body: paragraphs, with removed blocks in place when asked.
    let paragraphs = paragraph_spans(text);
    let mut body: Vec<Html> = Vec::new();
    let mut hit_base = 0;
    let removed: Vec<_> = if props.route.original {
        doc.removed.iter().collect()
    } else {
        Vec::new()
    };
    let mut removed_iter = removed.iter().peekable();
    for para in &paragraphs {
        while let Some(r) = removed_iter.next_if(|r| r.at <= para.start) {
            body.push(removed_block(&r.reason, &r.text));
        }
        let current = *current_hit;
        let html = text::paragraph(text, *para, &decor, hit_base);
        let n = text::marks_in(*para, &marks);
        let has_current = current.is_some_and(|c| c >= hit_base && c < hit_base + n);
        hit_base += n;
        body.push(html! {
            <p class={classes!(has_current.then_some("has-current"))}>{ html }</p>
        });
    }
    for r in removed_iter {
        body.push(removed_block(&r.reason, &r.text));
    }

    // Hit navigator.
    let hit_nav = if hit_count > 0 {
        let go = |delta: isize| {
            let current_hit = current_hit.clone();
            Callback::from(move |_| {
                let n = hit_count as isize;
                let next = match *current_hit {
                    None if delta > 0 => 0,
                    None => n - 1,
                    Some(i) => (i as isize + delta).rem_euclid(n),
                };
                current_hit.set(Some(next as usize));
            })
        };
        let label = match *current_hit {
            Some(i) => format!("Hit {} of {hit_count}", i + 1),
            None => format!("{hit_count} hit{}", if hit_count == 1 { "" } else { "s" }),
        };
        html! {
            <div class="hit-nav" role="group" aria-label="Search hits in this article">
                <button type="button" onclick={go(-1)} aria-label="Previous hit">{ "↑" }</button>
                <span class="hit-label" aria-live="polite">{ label }</span>
                <button type="button" onclick={go(1)} aria-label="Next hit">{ "↓" }</button>
            </div>
        }
    } else {
        html! {}
    };
    let current_style = current_hit
        .map(|i| format!("#hit-{i} {{ outline: 3px solid var(--accent); outline-offset: 1px; }}"))
        .unwrap_or_default();

    // Speakers in this article.
    let mut speakers: Vec<(String, usize)> = Vec::new();
    for q in &quotes {
        let name = q.speaker.clone().unwrap_or_else(|| "Unattributed".into());
        match speakers.iter_mut().find(|(n, _)| *n == name) {
            Some((_, c)) => *c += 1,
            None => speakers.push((name, 1)),
        }
    }
    let legend = if speakers.is_empty() {
        html! {}
    } else {
        html! {
            <ul class="legend" aria-label="Speakers quoted in this article">
                { for speakers.iter().map(|(name, count)| {
                    let class = classes!("chip", format!("spk-{}", speaker_color(if name == "Unattributed" { "" } else { name })));
                    html! { <li class={class}>{ format!("{name} ({count})") }</li> }
                }) }
            </ul>
        }
    };

    // Prev/next: within the current results when the article is one of
    // them, else in corpus order.
    let order: Vec<u32> = if props.results.hits.iter().any(|h| h.doc == d) {
        props.results.hits.iter().map(|h| h.doc).collect()
    } else {
        (0..engine.doc_count() as u32).collect()
    };
    let pos = order.iter().position(|&x| x == d).unwrap_or(0);
    let link_to = |i: Option<usize>, label: &str, rel: &str| -> Html {
        match i
            .and_then(|i| order.get(i))
            .and_then(|&x| engine.document(x))
        {
            Some(other) => {
                let mut r = props.route.clone();
                r.doc = Some(other.id.clone());
                r.original = false;
                html! { <a class="pager" rel={rel.to_string()} href={r.to_hash()} title={other.title.clone()}>{ label.to_string() }</a> }
            }
            None => {
                html! { <span class="pager disabled" aria-disabled="true">{ label.to_string() }</span> }
            }
        }
    };
    let prev = link_to(pos.checked_sub(1), "← Previous article", "prev");
    let next = link_to(Some(pos + 1), "Next article →", "next");

    let mut back = props.route.clone();
    back.view = View::Search;
    back.doc = None;
    back.original = false;
    let toggle = {
        let cb = props.on_toggle_original.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let removed_count = doc.removed.len();
    let url = doc.url.as_deref().and_then(safe_url);
    let outlet_link = doc
        .outlet
        .as_ref()
        .map(|o| (o.clone(), filter_href(&props.route, FacetKind::Outlet, o)));
    let make = Callback::from(move |()| article_table(d));
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });

    html! {
        <article class="reader" aria-labelledby="reader-title">
            <style>{ current_style }</style>
            <nav class="reader-nav" aria-label="Article navigation">
                <a class="back" href={back.to_hash()}>{ "← Results" }</a>
                { prev }
                { next }
            </nav>
            <header class="reader-head">
                <h2 id="reader-title">
                    { text::marked(&doc.title, &title_marks) }
                    if doc.title_derived { <span class="badge" title="This article has no headline; the title is its first sentence">{ "first line" }</span> }
                </h2>
                <p class="meta">
                    if let Some((outlet, href)) = outlet_link {
                        <a href={href} title={format!("Filter by {outlet}")}>{ outlet }</a>{ " · " }
                        { doc.date.as_deref().map(|d| d.replace('T', " ")).unwrap_or_else(|| "Undated".into()) }
                    } else {
                        { meta_line(None, doc.date.as_deref()) }
                    }
                    if let Some(byline) = &doc.byline { { " · " }{ byline.clone() } }
                    if let Some(url) = url { { " · " }<a href={url} rel="noopener noreferrer" target="_blank">{ "original" }</a> }
                </p>
                { legend }
            </header>
            <div class="reader-tools">
                { hit_nav }
                if removed_count > 0 {
                    <button type="button" class="toggle" aria-pressed={if props.route.original { "true" } else { "false" }} onclick={toggle}>
                        { if props.route.original { "Hide removed page furniture".to_string() } else { format!("Show original ({removed_count} removed block{})", if removed_count == 1 { "" } else { "s" }) } }
                    </button>
                }
                <button type="button" class="toggle" onclick={print}>{ "Print" }</button>
                <Export route={props.route.clone()} {make} on_notice={props.on_notice.clone()} />
            </div>
            <div class="article-body">{ for body }</div>
        </article>
    }
}

fn removed_block(reason: &str, text: &str) -> Html {
    html! {
        <div class="removed">
            <span class="removed-label">{ format!("Removed ({reason})") }</span>
            <pre>{ text.to_string() }</pre>
        </div>
    }
}

/// The open article: its metadata and every quote in it, one row each.
fn article_table(d: u32) -> Table {
    let mut t = Table::new(&[
        "id", "title", "outlet", "date", "byline", "url", "speaker", "quote", "cue",
    ]);
    let Ok(engine) = corpus::engine() else {
        return t;
    };
    let Some(doc) = engine.document(d) else {
        return t;
    };
    let meta = || -> Vec<Cell> {
        vec![
            doc.id.as_str().into(),
            doc.title.as_str().into(),
            Cell::from(doc.outlet.clone()),
            Cell::from(doc.date.clone()),
            Cell::from(doc.byline.clone()),
            Cell::from(doc.url.clone()),
        ]
    };
    let mut any = false;
    for (_, q) in engine.corpus.quotes_of(d) {
        any = true;
        let mut row = meta();
        row.push(Cell::from(q.speaker.clone()));
        row.push(digest::span_words(&doc.text, q.span).into());
        row.push(Cell::from(q.cue.clone()));
        t.push(row);
    }
    if !any {
        let mut row = meta();
        row.extend([Cell::Empty, Cell::Empty, Cell::Empty]);
        t.push(row);
    }
    t
}
