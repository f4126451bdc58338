//! Keep the URL and the state in step, both ways.
//!
//! State → URL: after each change the hash is written with `pushState` (or
//! `replaceState` while typing), which does not fire `hashchange`, so there is
//! no loop. URL → state: `hashchange` (links, back/forward, a pasted URL)
//! dispatches [`Action::FromUrl`].

use crate::state::{Action, HistoryMode, Route, State};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The current location hash.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

fn write_hash(hash: &str, mode: HistoryMode) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let result = match mode {
        HistoryMode::Push => {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash))
        }
        HistoryMode::Replace => {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash))
        }
    };
    if result.is_err() {
        // Some embedded contexts refuse history writes; the hash still works.
        let _ = window.location().set_hash(hash);
    }
}

#[hook]
pub fn use_route_sync(state: &UseReducerHandle<State>, mode: HistoryMode) {
    // URL → state.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn()>::new(move || {
                state.dispatch(Action::FromUrl(Route::from_hash(&current_hash())));
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback(
                    "hashchange",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "hashchange",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    // State → URL.
    use_effect_with(state.route.clone(), move |route| {
        let hash = route.to_hash();
        if Route::from_hash(&current_hash()) != *route {
            write_hash(&hash, mode);
        }
    });
}
