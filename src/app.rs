//! The root component: one reducer, the URL kept in step, the layout.

use crate::components::coverage::CoverageView;
use crate::components::entities::EntitiesView;
use crate::components::facets::Facets;
use crate::components::quotes::QuotesView;
use crate::components::reader::Reader;
use crate::components::results::Results;
use crate::components::search_box::SearchBox;
use crate::components::timeline::TimelineView;
use crate::corpus;
use crate::hooks::use_hotkeys::use_hotkeys;
use crate::hooks::use_route_sync::{current_hash, use_route_sync};
use crate::state::{Action, ResultKind, Route, Shared, State, View, PAGE};
use clippings_search::{FacetKind, SearchRequest, Selection, Sort};
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State {
        route: Route::from_hash(&current_hash()),
        shown: PAGE,
        dark: stored_theme(),
        ..Default::default()
    });
    use_route_sync(&state, state.history);
    use_effect_with(state.dark, |dark| apply_theme(*dark));
    let search_node = use_node_ref();
    {
        let state = state.clone();
        let on_escape = Callback::from(move |_| {
            if state.route.view == View::Read {
                state.dispatch(Action::Close);
            }
        });
        use_hotkeys(search_node.clone(), on_escape);
    }

    let engine = match corpus::engine() {
        Ok(engine) => engine,
        Err(message) => {
            return html! {
                <main class="fatal">
                    <h1>{ "Clippings cannot open its corpus" }</h1>
                    <p>{ message.to_string() }</p>
                </main>
            };
        }
    };

    let route = &state.route;
    let results = Shared(use_memo(
        (route.query.clone(), route.selections.clone(), route.sort),
        move |(query, selections, sort): &(String, Vec<Selection>, Sort)| {
            engine.search(&SearchRequest {
                query: query.clone(),
                selections: selections.clone(),
                sort: *sort,
                ..Default::default()
            })
        },
    ));

    let on_input = {
        let state = state.clone();
        Callback::from(move |q: String| state.dispatch(Action::SetQuery(q)))
    };
    let on_select = {
        let state = state.clone();
        Callback::from(move |(facet, value, exclude): (FacetKind, String, bool)| {
            state.dispatch(Action::Select {
                facet,
                value,
                exclude,
            })
        })
    };
    let on_unselect = {
        let state = state.clone();
        Callback::from(move |(facet, value): (FacetKind, String)| {
            state.dispatch(Action::Unselect { facet, value })
        })
    };
    let on_clear = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::ClearFilters))
    };
    let on_more = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::ShowMore))
    };
    let on_kind = {
        let state = state.clone();
        Callback::from(move |k: ResultKind| state.dispatch(Action::SetKind(k)))
    };
    let on_sort = {
        let state = state.clone();
        Callback::from(move |s: Sort| state.dispatch(Action::SetSort(s)))
    };
    let on_notice = {
        let state = state.clone();
        Callback::from(move |n: String| state.dispatch(Action::Notice(n)))
    };
    let on_only = {
        let state = state.clone();
        Callback::from(move |(facet, value): (FacetKind, String)| {
            state.dispatch(Action::Only { facet, value })
        })
    };
    let dark_now = state.dark.unwrap_or_else(system_dark);
    let on_theme = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::SetDark(Some(!dark_now))))
    };
    let on_toggle_original = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::ToggleOriginal))
    };

    let live = match &state.notice {
        Some(notice) => notice.clone(),
        None => {
            let n = results.total();
            let q = results.quotes.len();
            match route.view {
                View::Read => String::new(),
                _ => format!(
                    "{n} article{} and {q} quote{} found",
                    if n == 1 { "" } else { "s" },
                    if q == 1 { "" } else { "s" }
                ),
            }
        }
    };

    let main = match route.view {
        View::Read => html! {
            <Reader route={route.clone()} results={results.clone()} on_toggle_original={on_toggle_original} on_notice={on_notice.clone()} />
        },
        View::Quotes => html! {
            <QuotesView results={results.clone()} route={route.clone()} shown={state.shown} {on_more} on_notice={on_notice.clone()} />
        },
        View::Coverage => html! {
            <CoverageView results={results.clone()} route={route.clone()} on_only={on_only.clone()} on_notice={on_notice.clone()} />
        },
        View::Timeline => html! {
            <TimelineView results={results.clone()} route={route.clone()} on_only={on_only.clone()} on_notice={on_notice.clone()} />
        },
        View::Entities => html! {
            <EntitiesView results={results.clone()} route={route.clone()} on_only={on_only.clone()} on_notice={on_notice.clone()} />
        },
        View::Search => html! {
            <Results
                results={results.clone()}
                route={route.clone()}
                shown={state.shown}
                {on_more}
                {on_kind}
                {on_sort}
                on_notice={on_notice.clone()}
            />
        },
    };
    let tabs = View::TABS.iter().map(|&v| {
        let mut r = route.clone();
        r.view = v;
        r.doc = None;
        r.original = false;
        let current = route.view == v || (v == View::Search && route.view == View::Read);
        html! {
            <a href={r.to_hash()} class={classes!("tab", current.then_some("current"))}
               aria-current={if current { Some("page") } else { None }}>{ v.label() }</a>
        }
    });
    let show_facets = route.view != View::Read;

    html! {
        <div class={classes!("app", show_facets.then_some("with-facets"))}>
            <header class="top" role="banner">
                <div class="brand">
                    <span class="logo" aria-hidden="true">{ "❝" }</span>
                    <h1>{ "Clippings" }</h1>
                    <span class="corpus-size">{ format!("{} articles", engine.doc_count()) }</span>
                </div>
                <SearchBox value={route.query.clone()} on_input={on_input} node={search_node.clone()} />
                <nav class="tabs" aria-label="Views">{ for tabs }</nav>
                <button type="button" class="toggle theme-toggle" aria-pressed={if dark_now { "true" } else { "false" }}
                    onclick={on_theme} title="Switch between light and dark colours">
                    <span aria-hidden="true">{ "◐ " }</span>{ "Dark mode" }
                </button>
            </header>
            if show_facets {
                <Facets
                    results={results.clone()}
                    route={route.clone()}
                    {on_select}
                    {on_unselect}
                    {on_clear}
                />
            }
            <main id="main" tabindex="-1">{ main }</main>
            <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">{ live }</div>
        </div>
    }
}

const THEME_KEY: &str = "clippings-theme";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The theme chosen on an earlier visit, if any.
fn stored_theme() -> Option<bool> {
    match storage()?.get_item(THEME_KEY).ok().flatten()?.as_str() {
        "dark" => Some(true),
        "light" => Some(false),
        _ => None,
    }
}

/// Does the system prefer dark colours?
fn system_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// `data-theme` on `<html>` overrides `prefers-color-scheme` (see style.css);
/// the choice is remembered.
fn apply_theme(dark: Option<bool>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let storage = storage();
    match dark {
        Some(d) => {
            let value = if d { "dark" } else { "light" };
            let _ = root.set_attribute("data-theme", value);
            if let Some(s) = storage {
                let _ = s.set_item(THEME_KEY, value);
            }
        }
        None => {
            let _ = root.remove_attribute("data-theme");
            if let Some(s) = storage {
                let _ = s.remove_item(THEME_KEY);
            }
        }
    }
}
