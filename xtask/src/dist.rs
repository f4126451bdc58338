//! `cargo xtask dist`: the three ways to open Clippings from one build.
//!
//! 1. `dist/`: trunk's release build with relative URLs (any static host,
//!    any subpath), plus a service worker whose precache list and version
//!    are filled in here from the files actually built;
//! 2. `dist/clippings.html`: one self-contained file (CSS, JS glue and wasm
//!    inlined) that works from `file://`: the glue is imported from a
//!    `data:` URL and the wasm is handed over as bytes, so nothing is fetched;
//! 3. offline: the service worker above.

use crate::step;
use crate::tools::{run_cmd, Env};
use base64::Engine as _;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The single-file build's name inside `dist/`.
pub const SINGLE_FILE: &str = "clippings.html";

/// Build dist/ (optionally into another folder) and return its path.
pub fn run(env: &Env) -> Result<PathBuf, String> {
    build(env, &env.root.join("dist"), true)
}

/// Build into `out`; `release` selects trunk's release mode (wasm-opt, LTO).
pub fn build(env: &Env, out: &Path, release: bool) -> Result<PathBuf, String> {
    step(&format!(
        "Building the app into {} ({} build)",
        out.display(),
        if release { "release" } else { "debug" }
    ));
    let mut cmd = env.command("trunk");
    cmd.arg("build").arg("--dist").arg(out);
    if release {
        cmd.arg("--release");
    }
    run_cmd(&mut cmd)?;
    finish(out)?;
    Ok(out.to_path_buf())
}

/// Post-process a trunk dist folder: service worker list, single file, sizes.
pub fn finish(dist: &Path) -> Result<(), String> {
    finish_with(dist, true)
}

/// [`finish`], optionally without the compressed sizes (which take a while
/// for a build with a large corpus embedded).
pub fn finish_with(dist: &Path, sizes: bool) -> Result<(), String> {
    let read = |name: &str| {
        std::fs::read(dist.join(name)).map_err(|e| format!("{}: {e}", dist.join(name).display()))
    };
    let mut files: Vec<String> = std::fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "sw.js" && n != SINGLE_FILE)
        .collect();
    files.sort();
    let find = |suffix: &str| {
        files
            .iter()
            .find(|f| f.ends_with(suffix))
            .cloned()
            .ok_or_else(|| format!("dist has no *{suffix} file"))
    };
    let wasm_name = find("_bg.wasm")?;
    let js_name = find(".js")?;
    let css_name = find(".css")?;

    // Service worker: precache list and a content version.
    let mut hash: u64 = 0xcbf29ce484222325;
    for f in &files {
        for b in read(f)? {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x100000001b3);
        }
    }
    let list: Vec<String> = std::iter::once("./".to_string())
        .chain(files.iter().map(|f| format!("./{f}")))
        .map(|f| format!("\"{f}\""))
        .collect();
    let sw = String::from_utf8_lossy(&read("sw.js")?)
        .replace("__CLIPPINGS_VERSION__", &format!("{hash:016x}"))
        .replace("__CLIPPINGS_FILES__", &format!("[{}]", list.join(", ")));
    std::fs::write(dist.join("sw.js"), sw).map_err(|e| e.to_string())?;

    // Single self-contained file.
    let index = String::from_utf8_lossy(&read("index.html")?).into_owned();
    let css = String::from_utf8_lossy(&read(&css_name)?).into_owned();
    let js = read(&js_name)?;
    let wasm = read(&wasm_name)?;
    let single = single_file(&index, &css, &js, &wasm)?;
    std::fs::write(dist.join(SINGLE_FILE), &single).map_err(|e| e.to_string())?;

    if !sizes {
        return Ok(());
    }
    step("Sizes (raw / gzip / brotli)");
    for (label, bytes) in [
        (format!("wasm  {wasm_name}"), wasm.as_slice()),
        (format!("js    {js_name}"), js.as_slice()),
        (format!("css   {css_name}"), css.as_bytes()),
        (
            format!("html  {SINGLE_FILE} (self-contained)"),
            single.as_bytes(),
        ),
    ] {
        let (gz, br) = compressed_sizes(bytes);
        eprintln!(
            "    {label:<50} {:>10} / {:>10} / {:>10}",
            kib(bytes.len()),
            kib(gz),
            kib(br)
        );
    }
    eprintln!("    dist/ works from any static host or subpath; {SINGLE_FILE} opens from file://");
    Ok(())
}

fn kib(n: usize) -> String {
    format!("{:.1} KiB", n as f64 / 1024.0)
}

pub fn compressed_sizes(bytes: &[u8]) -> (usize, usize) {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = gz.write_all(bytes);
    let gz = gz.finish().map(|v| v.len()).unwrap_or(0);
    let mut br = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
        let _ = w.write_all(bytes);
    }
    (gz, br.len())
}

/// Rewrite trunk's index.html into one file: the stylesheet inlined, the
/// preload hints dropped, and trunk's loader replaced by one that imports
/// the glue from a `data:` URL and instantiates the wasm from bytes.
pub fn single_file(index: &str, css: &str, js: &[u8], wasm: &[u8]) -> Result<String, String> {
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut html =
        String::with_capacity(index.len() + css.len() + wasm.len() * 4 / 3 + js.len() * 4 / 3);
    let mut rest = index;
    let mut replaced_loader = false;
    while let Some(i) = rest.find('<') {
        html.push_str(&rest[..i]);
        rest = &rest[i..];
        let tag_end = rest.find('>').map(|j| j + 1).unwrap_or(rest.len());
        let tag = &rest[..tag_end];
        let lower = tag.to_ascii_lowercase();
        if lower.starts_with("<link") {
            if lower.contains("stylesheet") {
                html.push_str("<style>");
                html.push_str(&css.replace("</style", "<\\/style"));
                html.push_str("</style>");
            } else if lower.contains("rel=\"icon\"") || lower.contains("rel=icon") {
                let svg = b64.encode(include_bytes!("../../static/icon.svg"));
                html.push_str(&format!("<link rel=\"icon\" type=\"image/svg+xml\" href=\"data:image/svg+xml;base64,{svg}\">"));
            }
            // modulepreload, preload and manifest links have nothing to point
            // at in a single file.
            rest = &rest[tag_end..];
            continue;
        }
        if lower.starts_with("<script") && lower.contains("type=\"module\"")
            || lower.starts_with("<script type=module")
        {
            let close = rest
                .find("</script>")
                .map(|j| j + "</script>".len())
                .ok_or("index.html: unterminated module script")?;
            let body = &rest[tag_end..close];
            if body.contains("init(") && !replaced_loader {
                replaced_loader = true;
                html.push_str(&format!(
                    "<script type=\"module\">\n\
                     const glue = await import(\"data:text/javascript;base64,{}\");\n\
                     const raw = atob(document.getElementById(\"clippings-wasm\").textContent.trim());\n\
                     const bytes = new Uint8Array(raw.length);\n\
                     for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);\n\
                     await glue.default({{ module_or_path: bytes }});\n\
                     </script>\n\
                     <script type=\"application/octet-stream\" id=\"clippings-wasm\">{}</script>",
                    b64.encode(js),
                    b64.encode(wasm)
                ));
                rest = &rest[close..];
                continue;
            }
        }
        html.push_str(tag);
        rest = &rest[tag_end..];
    }
    html.push_str(rest);
    if !replaced_loader {
        return Err("index.html: trunk's wasm loader script was not found".into());
    }
    Ok(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_file_inlines_everything() {
        let index = r#"<html><head><link href="./style-1.css" rel="stylesheet" integrity="x"><link rel="manifest" href="m"><script type="module">import init from './a.js'; await init({ module_or_path: './a_bg.wasm' });</script><link rel="modulepreload" href="./a.js"></head><body></body></html>"#;
        let out = single_file(index, "body{color:red}", b"export default 1", b"\0asm").unwrap();
        assert!(out.contains("<style>body{color:red}</style>"));
        assert!(
            !out.contains("modulepreload") && !out.contains("manifest") && !out.contains("./a.js")
        );
        assert!(out.contains("data:text/javascript;base64,"));
        assert!(out.contains("id=\"clippings-wasm\">AGFzbQ==</script>"));
    }

    #[test]
    fn missing_loader_is_an_error() {
        assert!(single_file("<html></html>", "", b"", b"").is_err());
    }
}
