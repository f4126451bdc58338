//! Clippings, the browser app: a thin yew shell over the core crates.
//!
//! It renders and dispatches; all analysis happened at build time and all
//! search happens in `clippings-search`. The corpus bundle is embedded with
//! `include_bytes!` and opened in place (see [`corpus`]).

mod app;
mod components;
mod corpus;
mod digest;
mod hooks;
mod state;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
