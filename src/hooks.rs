//! Hooks that connect the state to the browser.

pub mod use_hotkeys;
pub mod use_keep_focus;
pub mod use_route_sync;
