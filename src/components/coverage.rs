//! The Coverage view: one row per outlet with its articles, dates, the
//! statements (quote groups) and figures it carried, and where outlets
//! disagree (both values, both outlets).

use crate::components::export::Export;
use crate::components::results::reader_href;
use crate::components::show_all::ShowAll;
use crate::corpus;
use crate::digest::{self, Cell, OutletRow, Table};
use crate::state::{Route, Shared, View};
use clippings_core::{Corpus, Figure};
use clippings_search::{FacetKind, SearchResults};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub results: Shared<SearchResults>,
    pub route: Route,
    pub on_only: Callback<(FacetKind, String)>,
    pub on_notice: Callback<String>,
}

/// "9% (The Stack)".
fn figure_text(corpus: &Corpus<'_>, f: &Figure) -> String {
    corpus
        .documents
        .get(f.doc as usize)
        .map(|d| digest::span_words(&d.text, f.span))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| format!("{}", f.value))
}

fn figure_outlet(corpus: &Corpus<'_>, f: &Figure) -> String {
    corpus
        .documents
        .get(f.doc as usize)
        .and_then(|d| d.outlet.clone())
        .unwrap_or_else(|| "Outlet unknown".into())
}

/// Statements and figures listed per outlet, and disagreements, until
/// "Show all".
const CELL_CAP: usize = 5;
const DISAGREEMENT_CAP: usize = 10;

fn more(n: usize) -> Html {
    if n == 0 {
        return html! {};
    }
    html! { <li class="capped-more">{ format!("… and {n} more") }</li> }
}

#[function_component(CoverageView)]
pub fn coverage_view(props: &Props) -> Html {
    let all = use_state(|| false);
    let rows: Rc<Vec<OutletRow>> =
        use_memo(props.results.clone(), |results| match corpus::engine() {
            Ok(engine) => digest::coverage(&engine.corpus, &results.hits),
            Err(_) => Vec::new(),
        });
    let Ok(engine) = corpus::engine() else {
        return html! {};
    };
    let corpus = &engine.corpus;
    let discrepancies = digest::discrepancies_in(corpus, &props.results.hits);
    let make = {
        let rows = rows.clone();
        Callback::from(move |()| coverage_table(&rows))
    };

    let mut hidden = 0;
    let (shown_discrepancies, disagreements_left) =
        digest::capped(&discrepancies, DISAGREEMENT_CAP, *all);
    hidden += disagreements_left;
    let disagreements = shown_discrepancies.iter().filter_map(|&di| {
        let d = corpus.discrepancies.get(di)?;
        // One disagreement can hold hundreds of figures (a common unit
        // across a large corpus).
        let (figures, figures_left) = digest::capped(&d.figures, CELL_CAP, *all);
        hidden += figures_left;
        let items = figures.iter().map(|f| {
            let doc = corpus.documents.get(f.doc as usize);
            let href = doc.map(|doc| reader_href(&props.route, &doc.id)).unwrap_or_default();
            html! {
                <li>
                    <mark class="figure">{ figure_text(corpus, f) }</mark>
                    { " — " }
                    <a href={href}>{ figure_outlet(corpus, f) }</a>
                    { format!(", {}", doc.and_then(|d| d.date.clone()).unwrap_or_else(|| "undated".into())) }
                    if f.approximate { <span class="badge">{ "approximate" }</span> }
                </li>
            }
        });
        Some(html! {
            <li class="disagreement" key={di}>
                <strong>{ format!("{} ({})", d.subject, d.unit) }</strong>
                <ul>{ for items }{ more(figures_left) }</ul>
            </li>
        })
    });
    let disagreements: Vec<Html> = disagreements.collect();

    let table_rows = rows.iter().map(|row| {
        let name = row.outlet.clone().unwrap_or_else(|| "Outlet unknown".into());
        let filter = match &row.outlet {
            Some(outlet) => {
                let cb = props.on_only.clone();
                let value = outlet.clone();
                html! {
                    <button type="button" class="link outlet-filter" title={format!("Filter by {outlet}")}
                        onclick={Callback::from(move |_| cb.emit((FacetKind::Outlet, value.clone())))}>{ name.clone() }</button>
                }
            }
            None => html! { { name.clone() } },
        };
        let articles_href = {
            let mut r = props.route.clone();
            r.view = View::Search;
            if let Some(outlet) = &row.outlet {
                r.selections.retain(|s| s.facet != Some(FacetKind::Outlet));
                r.select(FacetKind::Outlet, outlet, false);
            }
            r.to_hash()
        };
        let dates = match (&row.first_date, &row.last_date) {
            (Some(a), Some(b)) if a == b => a.replace('T', " "),
            (Some(a), Some(b)) => format!("{} – {}", a.replace('T', " "), b.replace('T', " ")),
            _ => "undated".into(),
        };
        let (groups, groups_left) = digest::capped(&row.groups, CELL_CAP, *all);
        let (figure_refs, figures_left) = digest::capped(&row.figures, CELL_CAP, *all);
        hidden += groups_left + figures_left;
        let statements = groups.iter().filter_map(|&g| {
            let grp = corpus.quote_groups.get(g as usize)?;
            let m = grp.members.first()?;
            let d = corpus.documents.get(m.doc as usize)?;
            let speaker = m
                .quote
                .and_then(|q| corpus.quotes.get(q as usize))
                .and_then(|q| q.speaker.clone())
                .unwrap_or_else(|| "Unattributed".into());
            let words = digest::first_words(&digest::span_words(&d.text, m.span), 10);
            Some(html! { <li key={g}>{ format!("{speaker}: “{words}”") }</li> })
        });
        let figures = figure_refs.iter().filter_map(|fr| {
            let disc = corpus.discrepancies.get(fr.discrepancy)?;
            let f = disc.figures.get(fr.figure)?;
            let differing: Vec<&Figure> = disc
                .figures
                .iter()
                .enumerate()
                .filter(|(i, o)| *i != fr.figure && o.value != f.value)
                .map(|(_, o)| o)
                .collect();
            let (shown_others, others_left) = digest::capped(&differing, CELL_CAP, *all);
            hidden += others_left;
            let mut others: Vec<String> = shown_others
                .iter()
                .map(|o| format!("{} ({})", figure_text(corpus, o), figure_outlet(corpus, o)))
                .collect();
            if others_left > 0 {
                others.push(format!("and {others_left} more"));
            }
            Some(html! {
                <li>
                    <mark class="figure">{ figure_text(corpus, f) }</mark>
                    { format!(" {}", disc.subject) }
                    if !others.is_empty() {
                        <span class="disagrees">{ format!(" — others: {}", others.join("; ")) }</span>
                    }
                </li>
            })
        });
        let n = row.docs.len();
        html! {
            <tr key={name.clone()}>
                <th scope="row">{ filter }</th>
                <td class="num"><a href={articles_href} aria-label={format!("{n} article{} from {name}", if n == 1 { "" } else { "s" })}>{ n }</a></td>
                <td class="dates">{ dates }</td>
                <td>
                    if row.groups.is_empty() { <span class="none">{ "—" }</span> }
                    else { <ul class="cell-list">{ for statements }{ more(groups_left) }</ul> }
                </td>
                <td>
                    if row.figures.is_empty() { <span class="none">{ "—" }</span> }
                    else { <ul class="cell-list">{ for figures }{ more(figures_left) }</ul> }
                </td>
            </tr>
        }
    });
    let table_rows: Vec<Html> = table_rows.collect();

    let outlets = rows.len();
    html! {
        <section class="view coverage-view" aria-labelledby="view-heading">
            <div class="results-bar">
                <h2 id="view-heading" class="count">
                    { format!("{outlets} outlet{} · {} article{}", if outlets == 1 { "" } else { "s" }, props.results.total(), if props.results.total() == 1 { "" } else { "s" }) }
                </h2>
                <ShowAll all={all.clone()} {hidden} noun="statements and figures" />
                <Export route={props.route.clone()} {make} on_notice={props.on_notice.clone()} />
            </div>
            if !disagreements.is_empty() {
                <section class="disagreements" aria-labelledby="disagree-heading">
                    <h3 id="disagree-heading">{ "Where outlets disagree" }</h3>
                    <ul>{ for disagreements }{ more(disagreements_left) }</ul>
                </section>
            }
            if rows.is_empty() {
                <p class="empty">{ "No article matches the query and filters." }</p>
            } else {
                <p class="hint">{ "Select an outlet to filter by it; the article count lists its articles." }</p>
                <div class="table-wrap" role="region" aria-labelledby="coverage-caption" tabindex="0">
                    <table class="coverage">
                        <caption id="coverage-caption">{ "Coverage by outlet" }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "Outlet" }</th>
                                <th scope="col" class="num">{ "Articles" }</th>
                                <th scope="col">{ "Dates" }</th>
                                <th scope="col">{ "Statements carried" }</th>
                                <th scope="col">{ "Disputed figures" }</th>
                            </tr>
                        </thead>
                        <tbody>{ for table_rows }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}

fn coverage_table(rows: &[OutletRow]) -> Table {
    let mut t = Table::new(&[
        "outlet",
        "articles",
        "first_date",
        "last_date",
        "statements",
        "disputed_figures",
    ]);
    let Ok(engine) = corpus::engine() else {
        return t;
    };
    let corpus = &engine.corpus;
    for row in rows {
        let statements: Vec<String> = row
            .groups
            .iter()
            .filter_map(|&g| {
                let m = corpus.quote_groups.get(g as usize)?.members.first()?;
                let d = corpus.documents.get(m.doc as usize)?;
                Some(digest::span_words(&d.text, m.span))
            })
            .collect();
        let figures: Vec<String> = row
            .figures
            .iter()
            .filter_map(|fr| {
                let disc = corpus.discrepancies.get(fr.discrepancy)?;
                let f = disc.figures.get(fr.figure)?;
                Some(format!("{} ({})", figure_text(corpus, f), disc.subject))
            })
            .collect();
        t.push(vec![
            Cell::from(row.outlet.clone()),
            row.docs.len().into(),
            Cell::from(row.first_date.clone()),
            Cell::from(row.last_date.clone()),
            statements.join(" | ").into(),
            figures.join(" | ").into(),
        ]);
    }
    t
}
