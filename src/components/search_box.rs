//! The one search box: search as you type, `/` to focus, Esc to clear.

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub value: String,
    pub on_input: Callback<String>,
    pub node: NodeRef,
}

#[function_component(SearchBox)]
pub fn search_box(props: &Props) -> Html {
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_input.emit(input.value());
        })
    };
    let onkeydown = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                e.stop_propagation();
                on_input.emit(String::new());
            }
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="search" role="search" {onsubmit}>
            <label for="q" class="sr-only">{ "Search" }</label>
            <input
                id="q"
                ref={props.node.clone()}
                type="search"
                aria-label="Search"
                placeholder="Search: words, \"phrases\", -exclude, speaker:…  (press /)"
                autocomplete="off"
                spellcheck="false"
                value={props.value.clone()}
                {oninput}
                {onkeydown}
            />
        </form>
    }
}
