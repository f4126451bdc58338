//! The Entities view: people, organizations and places in the matching
//! articles, with how many articles and mentions, and their other names.
//! A name filters the search by that entity.

use crate::components::export::Export;
use crate::components::reader::entity_facet;
use crate::components::show_all::ShowAll;
use crate::corpus;
use crate::digest::{self, EntityRow, Table};
use crate::state::{Route, Shared};
use clippings_core::EntityKind;
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

/// Names listed per kind (those in most articles first) until "Show all".
const KIND_CAP: usize = 50;

#[function_component(EntitiesView)]
pub fn entities_view(props: &Props) -> Html {
    let all = use_state(|| false);
    let data: Rc<Vec<(EntityKind, Vec<EntityRow>)>> =
        use_memo(props.results.clone(), |results| match corpus::engine() {
            Ok(engine) => digest::entities(&engine.corpus, &results.hits),
            Err(_) => Vec::new(),
        });
    let Ok(engine) = corpus::engine() else {
        return html! {};
    };
    let corpus = &engine.corpus;
    let make = {
        let data = data.clone();
        Callback::from(move |()| entities_table(&data))
    };
    let total: usize = data.iter().map(|(_, rows)| rows.len()).sum();

    let mut hidden = 0;
    let groups = data.iter().filter(|(_, rows)| !rows.is_empty()).map(|(kind, all_rows)| {
        let (rows, left) = digest::capped(all_rows, KIND_CAP, *all);
        hidden += left;
        let facet = entity_facet(*kind);
        let label = digest::entity_kind_label(*kind);
        let caption_id = format!("entities-{}", kind.as_str());
        let body = rows.iter().filter_map(|row| {
            let e = corpus.entities.get(row.entity as usize)?;
            let selected = props.route.is_selected(facet, &e.name) == Some(true);
            let cb = props.on_only.clone();
            let name = e.name.clone();
            let onclick = Callback::from(move |_| cb.emit((facet, name.clone())));
            let aliases = e.aliases.join(", ");
            Some(html! {
                <tr key={e.name.clone()} class={classes!(selected.then_some("selected"))}>
                    <th scope="row">
                        <button type="button" class="link entity-filter" title={format!("Filter by {}", e.name)}
                            aria-pressed={if selected { "true" } else { "false" }} {onclick}>{ e.name.clone() }</button>
                    </th>
                    <td class="num">{ row.docs }</td>
                    <td class="num">{ row.mentions }</td>
                    <td class="aliases">{ if aliases.is_empty() { "—".to_string() } else { aliases } }</td>
                </tr>
            })
        });
        html! {
            <div class="table-wrap" role="region" aria-labelledby={caption_id.clone()} tabindex="0" key={label}>
                <table class="entities">
                    <caption id={caption_id}>
                        { format!("{label} ({})", all_rows.len()) }
                        if left > 0 { { format!(", the {} in most articles", rows.len()) } }
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Name" }</th>
                            <th scope="col" class="num">{ "Articles" }</th>
                            <th scope="col" class="num">{ "Mentions" }</th>
                            <th scope="col">{ "Also called" }</th>
                        </tr>
                    </thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
        }
    });
    let groups: Vec<Html> = groups.collect();

    html! {
        <section class="view entities-view" aria-labelledby="view-heading">
            <div class="results-bar">
                <h2 id="view-heading" class="count">
                    { format!("{total} entit{} in {} article{}", if total == 1 { "y" } else { "ies" }, props.results.total(), if props.results.total() == 1 { "" } else { "s" }) }
                </h2>
                <ShowAll all={all.clone()} {hidden} noun="names" />
                <Export route={props.route.clone()} {make} on_notice={props.on_notice.clone()} />
            </div>
            if total == 0 {
                <p class="empty">{ "No person, organization or place is named in the matching articles." }</p>
            }
            <div class="entity-tables">{ for groups }</div>
        </section>
    }
}

fn entities_table(data: &[(EntityKind, Vec<EntityRow>)]) -> Table {
    let mut t = Table::new(&["kind", "name", "articles", "mentions", "aliases"]);
    let Ok(engine) = corpus::engine() else {
        return t;
    };
    for (kind, rows) in data {
        for row in rows {
            let Some(e) = engine.corpus.entities.get(row.entity as usize) else {
                continue;
            };
            t.push(vec![
                kind.as_str().into(),
                e.name.as_str().into(),
                row.docs.into(),
                row.mentions.into(),
                e.aliases.join("; ").into(),
            ]);
        }
    }
    t
}
