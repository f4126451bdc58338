//! Keep keyboard focus on a control that a re-render moves.
//!
//! Ticking a filter re-sorts its list (selected values first), and yew
//! moves a keyed node by re-inserting it, which takes focus away from it:
//! a keyboard user who pressed Space would find focus back at the top of
//! the page. The control asks to keep focus when it acts; after every
//! render, if focus was lost (it is on `<body>` or nowhere), it goes back.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Returns a callback taking the id of the element that should keep focus
/// through the coming renders. The wish ends when focus moves elsewhere or
/// the element is gone.
#[hook]
pub fn use_keep_focus() -> Callback<String> {
    let wanted: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
    {
        let wanted = wanted.clone();
        // Every render: the one that moves the element is not known ahead.
        use_effect(move || restore(&wanted));
    }
    Callback::from(move |id: String| *wanted.borrow_mut() = Some(id))
}

fn restore(wanted: &RefCell<Option<String>>) {
    let Some(id) = wanted.borrow().clone() else {
        return;
    };
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let target = doc
        .get_element_by_id(&id)
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    let Some(target) = target else {
        *wanted.borrow_mut() = None;
        return;
    };
    let active = doc.active_element();
    let lost = match &active {
        None => true,
        Some(a) => doc.body().is_some_and(|b| b.is_same_node(Some(a))),
    };
    if lost {
        let _ = target.focus();
    } else if !active.is_some_and(|a| a.is_same_node(Some(&target))) {
        // The user went elsewhere: leave focus alone from now on.
        *wanted.borrow_mut() = None;
    }
}
