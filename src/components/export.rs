//! "Download CSV" / "Download JSON" for what a view shows, and the clipboard.
//!
//! The table is built only when a button is pressed (`make`), then handed
//! to the browser as a Blob behind an object URL and an `<a download>`.

use crate::digest::{export_file_name, Table};
use crate::state::Route;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub route: Route,
    /// What the view shows, as a table.
    pub make: Callback<(), Table>,
    /// Reports "Downloaded …" to the live region.
    pub on_notice: Callback<String>,
}

#[function_component(Export)]
pub fn export(props: &Props) -> Html {
    let button = |ext: &'static str, label: &'static str| {
        let make = props.make.clone();
        let route = props.route.clone();
        let notice = props.on_notice.clone();
        let onclick = Callback::from(move |_| {
            let table = make.emit(());
            let view = route.view.key();
            let name = export_file_name(view, &route.query, &route.selections, ext);
            let (body, mime) = if ext == "csv" {
                // A BOM so spreadsheets read UTF-8.
                (
                    format!("\u{feff}{}", table.to_csv()),
                    "text/csv;charset=utf-8",
                )
            } else {
                (
                    table.to_json(view, &route.query, &route.selections),
                    "application/json;charset=utf-8",
                )
            };
            match download(&name, &body, mime) {
                Ok(()) => notice.emit(format!("Downloaded {name}")),
                Err(()) => notice.emit("The download could not be started".into()),
            }
        });
        html! {
            <button type="button" class="toggle export-btn" {onclick}>{ label }</button>
        }
    };
    html! {
        <div class="export" role="group" aria-label="Export what is shown">
            { button("csv", "Download CSV") }
            { button("json", "Download JSON") }
        </div>
    }
}

/// Save `body` as a file named `name`.
pub fn download(name: &str, body: &str, mime: &str) -> Result<(), ()> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(())?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(body));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(|_| ())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ())?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| ())?
        .dyn_into()
        .map_err(|_| ())?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    let body_el = document.body().ok_or(())?;
    let _ = body_el.append_child(&a);
    a.click();
    a.remove();
    // Revoke once the browser has picked the URL up.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// Put `text` on the clipboard; `done` gets whether it worked.
pub fn copy_text(text: String, done: Callback<bool>) {
    let Some(window) = web_sys::window() else {
        done.emit(false);
        return;
    };
    let clipboard = window.navigator().clipboard();
    let promise = clipboard.write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done.emit(ok);
    });
}
