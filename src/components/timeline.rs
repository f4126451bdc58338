//! The Timeline view: the matching articles by year and month, a bar per
//! month, undated articles listed apart. A year filters; an article opens.

use crate::components::export::Export;
use crate::components::results::reader_href;
use crate::components::show_all::ShowAll;
use crate::corpus;
use crate::digest::{self, Cell, Table, YearDocs};
use crate::state::{Route, Shared};
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

/// Articles listed per month (and undated) until "Show all".
const MONTH_CAP: usize = 10;

#[function_component(TimelineView)]
pub fn timeline_view(props: &Props) -> Html {
    let all = use_state(|| false);
    let data: Rc<(Vec<YearDocs>, Vec<u32>)> =
        use_memo(props.results.clone(), |results| match corpus::engine() {
            Ok(engine) => digest::timeline(&engine.corpus, &results.hits),
            Err(_) => (Vec::new(), Vec::new()),
        });
    let Ok(engine) = corpus::engine() else {
        return html! {};
    };
    let corpus = &engine.corpus;
    let (years, undated) = &*data;
    let make = {
        let data = data.clone();
        Callback::from(move |()| timeline_table(&data.0, &data.1))
    };
    let max = years
        .iter()
        .flat_map(|y| y.months.iter().map(|m| m.docs.len()))
        .max()
        .unwrap_or(1)
        .max(1);

    let article = |d: u32| -> Html {
        let Some(doc) = corpus.documents.get(d as usize) else {
            return html! {};
        };
        html! {
            <li key={doc.id.clone()}>
                <a class="result-link" href={reader_href(&props.route, &doc.id)}>{ doc.title.clone() }</a>
                <span class="meta">
                    { format!(" · {}", doc.outlet.clone().unwrap_or_else(|| "Outlet unknown".into())) }
                    if let Some(date) = &doc.date { { format!(" · {}", date.replace('T', " ")) } }
                </span>
            </li>
        }
    };

    let mut hidden = 0;
    let more = |n: usize| -> Html {
        if n == 0 {
            return html! {};
        }
        html! { <li class="capped-more">{ format!("… and {n} more") }</li> }
    };
    let year_sections = years.iter().map(|y| {
        let year = y.year.to_string();
        let count = y.count();
        let filter = {
            let cb = props.on_only.clone();
            let year = year.clone();
            Callback::from(move |_| cb.emit((FacetKind::Year, year.clone())))
        };
        let heading_id = format!("year-{year}");
        let months = y.months.iter().map(|m| {
            let (shown, left) = digest::capped(&m.docs, MONTH_CAP, *all);
            hidden += left;
            let label = m.month.as_deref().map(digest::month_label).unwrap_or_else(|| format!("{year}, month unknown"));
            let n = m.docs.len();
            let width = format!("width: {}%", (n * 100 / max).max(2));
            html! {
                <li class="month" key={label.clone()}>
                    <div class="month-head">
                        <span class="month-name">{ label.clone() }</span>
                        <span class="bar" style={width} aria-hidden="true"></span>
                        <span class="facet-count">{ format!("{n} article{}", if n == 1 { "" } else { "s" }) }</span>
                    </div>
                    <ul class="articles">{ for shown.iter().map(|&d| article(d)) }{ more(left) }</ul>
                </li>
            }
        });
        html! {
            <section class="year" aria-labelledby={heading_id.clone()} key={year.clone()}>
                <div class="year-head">
                    <h3 id={heading_id}>{ format!("{year} · {count} article{}", if count == 1 { "" } else { "s" }) }</h3>
                    <button type="button" class="toggle year-filter" onclick={filter}>{ format!("Filter by {year}") }</button>
                </div>
                <ol class="months">{ for months.collect::<Vec<Html>>() }</ol>
            </section>
        }
    });
    let year_sections: Vec<Html> = year_sections.collect();
    let (undated_shown, undated_left) = digest::capped(undated, MONTH_CAP, *all);
    hidden += undated_left;
    let dated: usize = years.iter().map(YearDocs::count).sum();

    html! {
        <section class="view timeline-view" aria-labelledby="view-heading">
            <div class="results-bar">
                <h2 id="view-heading" class="count">
                    { format!("{dated} dated article{}", if dated == 1 { "" } else { "s" }) }
                    if !undated.is_empty() { { format!(", {} undated", undated.len()) } }
                </h2>
                <ShowAll all={all.clone()} {hidden} noun="articles" />
                <Export route={props.route.clone()} {make} on_notice={props.on_notice.clone()} />
            </div>
            if years.is_empty() && undated.is_empty() {
                <p class="empty">{ "No article matches the query and filters." }</p>
            }
            { for year_sections }
            if !undated.is_empty() {
                <section class="year undated" aria-labelledby="undated-heading">
                    <h3 id="undated-heading">{ format!("Undated · {} article{}", undated.len(), if undated.len() == 1 { "" } else { "s" }) }</h3>
                    <ul class="articles">{ for undated_shown.iter().map(|&d| article(d)) }{ more(undated_left) }</ul>
                </section>
            }
        </section>
    }
}

fn timeline_table(years: &[YearDocs], undated: &[u32]) -> Table {
    let mut t = Table::new(&["year", "month", "date", "outlet", "title", "article_id"]);
    let Ok(engine) = corpus::engine() else {
        return t;
    };
    let corpus = &engine.corpus;
    let mut push = |year: Option<i32>, month: Option<&str>, d: u32| {
        if let Some(doc) = corpus.documents.get(d as usize) {
            t.push(vec![
                year.map_or(Cell::Empty, |y| Cell::Text(y.to_string())),
                Cell::from(month),
                Cell::from(doc.date.clone()),
                Cell::from(doc.outlet.clone()),
                doc.title.as_str().into(),
                doc.id.as_str().into(),
            ]);
        }
    };
    for y in years {
        for m in &y.months {
            for &d in &m.docs {
                push(Some(y.year), m.month.as_deref(), d);
            }
        }
    }
    for &d in undated {
        push(None, None, d);
    }
    t
}
