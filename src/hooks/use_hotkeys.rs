//! Keyboard shortcuts: `/` focuses the search box, `j`/`k` (or the arrow
//! keys in the results) move through results, Enter opens, Esc clears or
//! closes.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// Is the event aimed at something that takes typing?
fn typing_target(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .is_some_and(|el| {
            let tag = el.tag_name().to_ascii_lowercase();
            tag == "input" || tag == "textarea" || tag == "select" || el.is_content_editable()
        })
}

/// Move focus to the next/previous element matching `.result-link`.
fn move_focus(delta: i32) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(list) = doc.query_selector_all(".result-link") else {
        return;
    };
    let n = list.length() as i32;
    if n == 0 {
        return;
    }
    let active = doc.active_element();
    let mut current = -1;
    for i in 0..n {
        if let (Some(node), Some(a)) = (list.item(i as u32), &active) {
            if node.is_same_node(Some(a)) {
                current = i;
            }
        }
    }
    let next = if current < 0 {
        if delta > 0 {
            0
        } else {
            n - 1
        }
    } else {
        (current + delta).clamp(0, n - 1)
    };
    if let Some(el) = list
        .item(next as u32)
        .and_then(|n| n.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

#[hook]
pub fn use_hotkeys(search_box: NodeRef, on_escape: Callback<()>) {
    use_effect_with((), move |_| {
        let listener = Closure::<dyn Fn(KeyboardEvent)>::new(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let key = e.key();
            if key == "Escape" {
                on_escape.emit(());
                return;
            }
            if typing_target(&e) {
                return;
            }
            match key.as_str() {
                "/" => {
                    if let Some(input) = search_box.cast::<HtmlInputElement>() {
                        e.prevent_default();
                        let _ = input.focus();
                        input.select();
                    }
                }
                "j" => move_focus(1),
                "k" => move_focus(-1),
                "ArrowDown" | "ArrowUp" => {
                    let in_results = e
                        .target()
                        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
                        .is_some_and(|el| el.class_list().contains("result-link"));
                    if in_results {
                        e.prevent_default();
                        move_focus(if key == "ArrowDown" { 1 } else { -1 });
                    }
                }
                _ => {}
            }
        });
        let document = web_sys::window().and_then(|w| w.document());
        if let Some(d) = &document {
            let _ =
                d.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(d) = document {
                let _ = d.remove_event_listener_with_callback(
                    "keydown",
                    listener.as_ref().unchecked_ref(),
                );
            }
        }
    });
}
