//! Analyse the corpus folder and write the bundle the app embeds.
//!
//! The folder is `seeds/` unless `CLIPPINGS_CORPUS` names another one (tests
//! and benchmarks build the app over other corpora that way). Problems with
//! single files are printed as cargo warnings naming the file and the
//! problem, and the other files still go in; an unusable folder fails the
//! build with the reason. `CLIPPINGS_STRICT=1` turns file warnings into a
//! failed build, for corpora that must be clean.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=CLIPPINGS_CORPUS");
    println!("cargo:rerun-if-env-changed=CLIPPINGS_STRICT");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let dir = match std::env::var_os("CLIPPINGS_CORPUS") {
        Some(d) if !d.is_empty() => manifest.join(d),
        _ => manifest.join("seeds"),
    };
    // A directory path makes cargo rescan the whole tree for changes.
    println!("cargo:rerun-if-changed={}", dir.display());
    let corpus = match clippings_analysis::analyze_dir(&dir) {
        Ok(corpus) => corpus,
        Err(e) => {
            eprintln!("error: corpus: {e}");
            println!("cargo:warning=corpus: {e}");
            std::process::exit(1);
        }
    };
    for w in &corpus.warnings {
        println!(
            "cargo:warning=corpus: {}: {}",
            w.path,
            w.message.replace('\n', " ")
        );
    }
    if std::env::var("CLIPPINGS_STRICT").is_ok_and(|v| v == "1") && !corpus.warnings.is_empty() {
        eprintln!(
            "error: corpus has {} warnings and CLIPPINGS_STRICT=1",
            corpus.warnings.len()
        );
        std::process::exit(1);
    }
    let bytes = clippings_search::build_bundle(&corpus);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("corpus.bin");
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("error: writing {}: {e}", out.display());
        std::process::exit(1);
    }
}
