//! Keep keyboard focus on a control that a re-render moves.
//!
//! Ticking a filter re-sorts its list (selected values first), and yew
//! moves a keyed node by re-inserting it, which takes focus away from it:
//! a keyboard user who pressed Space would find focus back at the top of
//! the page. The control asks to keep focus when it acts; after each render
//! in the next few moments, if focus was lost (it is on `<body>` or
//! nowhere), it goes back.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// How long a wish to keep focus lasts, in milliseconds: long enough for
/// the search and the re-render it sets off on a large corpus, short
/// enough that a later click on the page is not undone.
const KEEP_MS: f64 = 2000.0;

/// An element id, and until when (`Date.now()`) to keep focus on it.
type Wish = Option<(String, f64)>;

/// Returns a callback taking the id of the element that should keep focus
/// through the coming renders. The wish ends after [`KEEP_MS`], when focus
/// moves elsewhere, or when the element is gone.
#[hook]
pub fn use_keep_focus() -> Callback<String> {
    let wish: Rc<RefCell<Wish>> = use_mut_ref(|| None);
    {
        let wish = wish.clone();
        // Every render: the one that moves the element is not known ahead.
        use_effect(move || restore(&wish));
    }
    Callback::from(move |id: String| {
        *wish.borrow_mut() = Some((id, js_sys::Date::now() + KEEP_MS));
    })
}

fn restore(wish: &RefCell<Wish>) {
    let Some((id, until)) = wish.borrow().clone() else {
        return;
    };
    if js_sys::Date::now() > until {
        *wish.borrow_mut() = None;
        return;
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let target = doc
        .get_element_by_id(&id)
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    let Some(target) = target else {
        *wish.borrow_mut() = None;
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
        *wish.borrow_mut() = None;
    }
}
