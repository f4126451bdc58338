//! The "Show all" switch of a view whose lists are capped (see
//! [`crate::digest::capped`]).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub all: UseStateHandle<bool>,
    /// Items the caps leave out now (0: nothing to show, no button).
    pub hidden: usize,
    /// What the items are, plural ("articles", "names").
    pub noun: AttrValue,
}

#[function_component(ShowAll)]
pub fn show_all(props: &Props) -> Html {
    if props.hidden == 0 && !*props.all {
        return html! {};
    }
    let all = props.all.clone();
    let onclick = Callback::from(move |_| all.set(!*all));
    let label = if *props.all {
        format!("Show fewer {}", props.noun)
    } else {
        format!("Show all {} ({} more)", props.noun, props.hidden)
    };
    html! {
        <button type="button" class="toggle show-all" aria-pressed={if *props.all { "true" } else { "false" }} {onclick}>{ label }</button>
    }
}
