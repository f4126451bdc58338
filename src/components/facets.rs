//! The facet sidebar: one labelled group of checkboxes per facet, counts
//! that follow the query, OR within a facet, AND across facets, a way to
//! exclude a value, and "clear all".
//!
//! A value's count is how many current results carry it; in a facet that
//! already has a selection, it is how many results there would be with that
//! value added (Pagefind's `totalFilters`), so ticking a second outlet never
//! looks like a dead end.

use crate::hooks::use_keep_focus::use_keep_focus;
use crate::state::{Route, Shared};
use clippings_search::{FacetKind, SearchResults};
use std::collections::HashSet;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Shared, not copied: a large corpus has thousands of facet values.
    pub results: Shared<SearchResults>,
    pub route: Route,
    pub on_select: Callback<(FacetKind, String, bool)>,
    pub on_unselect: Callback<(FacetKind, String)>,
    pub on_clear: Callback<()>,
}

/// Values shown before "show all".
const TOP: usize = 8;

#[function_component(Facets)]
pub fn facets(props: &Props) -> Html {
    let expanded = use_state(HashSet::<FacetKind>::new);
    let keep_focus = use_keep_focus();
    let groups = props.results.facets.iter().filter_map(|facet| {
        let kind = facet.kind;
        let has_selection = props.route.selections.iter().any(|s| s.facet == Some(kind));
        let mut values: Vec<_> = facet
            .values
            .iter()
            .filter(|v| v.count > 0 || v.total > 0 || v.selected || v.excluded)
            .collect();
        if values.is_empty() {
            return None;
        }
        let open = expanded.contains(&kind);
        let value_count = values.len();
        let hidden = value_count.saturating_sub(TOP);
        if !matches!(kind, FacetKind::Year | FacetKind::Month) {
            // Stable order by what the user sees: count in results.
            let order = |a: &&clippings_search::FacetCount, b: &&clippings_search::FacetCount| {
                (b.selected, b.count.max(b.total))
                    .cmp(&(a.selected, a.count.max(a.total)))
                    .then_with(|| facet.name(a).cmp(facet.name(b)))
            };
            // Collapsed, only the first TOP are shown: pick them, sort those.
            if !open && values.len() > TOP {
                values.select_nth_unstable_by(TOP - 1, order);
                values.truncate(TOP);
            }
            values.sort_by(order);
        }
        let shown = if open { values.len() } else { TOP };
        let items = values.iter().take(shown).map(|v| {
            let id = format!("facet-{}-{}", kind.key(), slug(facet.name(v)));
            let name = facet.name(v).to_string();
            let shown_count = if has_selection && !v.selected { v.total } else { v.count };
            let label = display_value(kind, &name);
            let on_change = {
                let (sel, unsel, name) = (props.on_select.clone(), props.on_unselect.clone(), name.clone());
                let (keep_focus, id) = (keep_focus.clone(), id.clone());
                let selected = v.selected;
                Callback::from(move |_: Event| {
                    // Ticked values move to the top of the list.
                    keep_focus.emit(id.clone());
                    if selected {
                        unsel.emit((kind, name.clone()));
                    } else {
                        sel.emit((kind, name.clone(), false));
                    }
                })
            };
            if v.excluded {
                let unsel = props.on_unselect.clone();
                let n2 = name.clone();
                return html! {
                    <li class="facet-value excluded" key={name.clone()}>
                        <span class="excluded-name" title={label.clone()}><s>{ label.clone() }</s>{ " (excluded)" }</span>
                        <button type="button" class="icon" aria-label={format!("Stop excluding {label}")}
                            onclick={Callback::from(move |_| unsel.emit((kind, n2.clone())))}>{ "↺" }</button>
                    </li>
                };
            }
            let exclude = {
                let sel = props.on_select.clone();
                let n2 = name.clone();
                Callback::from(move |_| sel.emit((kind, n2.clone(), true)))
            };
            html! {
                <li class="facet-value" key={name.clone()}>
                    <input type="checkbox" id={id.clone()} checked={v.selected} onchange={on_change} />
                    <label for={id}>
                        <span class="facet-name" title={label.clone()}>{ label.clone() }</span>
                        <span class="facet-count">{ shown_count }</span>
                    </label>
                    <button type="button" class="icon exclude" aria-label={format!("Exclude {label}")} title={format!("Exclude {label}")} onclick={exclude}>{ "−" }</button>
                </li>
            }
        });
        let toggle = if hidden > 0 {
            let expanded = expanded.clone();
            let label = if open { "Show fewer".to_string() } else { format!("Show all {value_count} values") };
            html! {
                <button type="button" class="link" aria-expanded={if open { "true" } else { "false" }}
                    onclick={Callback::from(move |_| {
                        let mut set = (*expanded).clone();
                        if !set.remove(&kind) {
                            set.insert(kind);
                        }
                        expanded.set(set);
                    })}>{ label }</button>
            }
        } else {
            html! {}
        };
        let legend_id = format!("facet-{}", kind.key());
        // Keyed by facet: when a group before this one appears or goes
        // (a filter leaves no speakers, say), the others keep their DOM
        // nodes, and a focused checkbox keeps its focus.
        Some(html! {
            <fieldset class="facet" key={kind.key()} aria-labelledby={legend_id.clone()}>
                <legend id={legend_id}>{ kind.label() }</legend>
                <ul>{ for items }</ul>
                { toggle }
            </fieldset>
        })
    });
    let groups: Vec<Html> = groups.collect();
    // Closed by default on narrow screens, so results lead on a phone.
    let initially_open = *use_memo((), |_| !narrow_screen());
    if groups.is_empty() && !props.route.has_filters() {
        // Nothing to filter by (no results): no empty "Filters" panel.
        return html! {};
    }
    let clear = {
        let cb = props.on_clear.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let active: usize = props
        .route
        .selections
        .iter()
        .map(|s| s.include.len() + s.exclude.len())
        .sum();
    html! {
        <aside class="facets" aria-label="Filters">
            <details class="facets-details" open={initially_open}>
                <summary class="facets-summary">
                    <span class="facets-title">{ "Filters" }</span>
                    if active > 0 { <span class="badge">{ format!("{active} active") }</span> }
                </summary>
                <div class="facets-head">
                    <button type="button" class="link" onclick={clear} disabled={!props.route.has_filters()}>{ "Clear all filters" }</button>
                </div>
                if groups.is_empty() {
                    <p class="empty">{ "No filter values for these results." }</p>
                }
                { for groups }
            </details>
        </aside>
    }
}

fn narrow_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(max-width: 760px)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// A value as shown: "yes"/"no" of has-quotes in words.
pub fn display_value(kind: FacetKind, value: &str) -> String {
    match (kind, value) {
        (FacetKind::HasQuotes, "yes") => "With quotes".into(),
        (FacetKind::HasQuotes, "no") => "Without quotes".into(),
        _ => value.to_string(),
    }
}

/// An id-safe version of a value.
fn slug(value: &str) -> String {
    let mut out: String = value
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    // Distinct values can share a slug; the hash keeps ids unique.
    let mut h: u32 = 2166136261;
    for b in value.bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(16777619);
    }
    out.push_str(&format!("-{h:x}"));
    out
}
