//! `clippings`: the command-line face of the same core the app embeds.
//!
//! - `clippings analyze DIR [--json]`: the analysed corpus (documents,
//!   quotes, entities, shared statements, disagreeing figures, warnings).
//! - `clippings search DIR QUERY [--json]`: ranked articles, quotes, facets.
//! - `clippings bundle DIR -o FILE`: write the corpus bundle the app embeds.
//!
//! DIR may also be a bundle file written by `clippings bundle`. The JSON
//! shapes are a contract other tools rely on; they are documented in the
//! README and pinned by this crate's tests.

mod json;

use clap::{Parser, Subcommand};
use clippings_search::{Engine, FacetKind, SearchRequest, Selection, Sort};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "clippings",
    version,
    about = "Explore press coverage: analyse and search a folder of news articles"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse a folder of articles: clean text, metadata, quotes, entities.
    Analyze {
        /// Folder of articles (.txt, .md, .html, .csv, .jsonl).
        dir: PathBuf,
        /// Print one JSON object instead of a readable summary.
        #[arg(long)]
        json: bool,
    },
    /// Search a folder of articles (or a bundle file).
    Search {
        /// Folder of articles, or a bundle written by `clippings bundle`.
        dir: PathBuf,
        /// The query (see README: phrases, -exclude, OR, field:value, year:).
        query: String,
        #[arg(long)]
        json: bool,
        /// relevance, newest or oldest.
        #[arg(long, default_value = "relevance")]
        sort: String,
        /// Facet selection FACET=VALUE (repeatable; FACET=-VALUE excludes).
        #[arg(long = "facet", value_name = "FACET=VALUE")]
        facets: Vec<String>,
        /// How many hits to print.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Show the score breakdown of each hit.
        #[arg(long)]
        explain: bool,
    },
    /// Write the corpus bundle (documents + analysis + index) to a file.
    Bundle {
        dir: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        /// Also write the size breakdown as JSON to this file.
        #[arg(long)]
        stats: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("clippings: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Analyze { dir, json } => {
            let corpus = clippings_analysis::analyze_dir(&dir).map_err(|e| e.to_string())?;
            if json {
                print_json(&json::corpus(&corpus));
            } else {
                print!("{}", json::corpus_summary(&corpus));
            }
            Ok(())
        }
        Command::Search {
            dir,
            query,
            json,
            sort,
            facets,
            limit,
            explain,
        } => {
            let bytes = load_bundle(&dir)?;
            let engine = Engine::open(&bytes).map_err(|e| e.to_string())?;
            let sort = Sort::from_key(&sort)
                .ok_or_else(|| format!("--sort {sort}: expected relevance, newest or oldest"))?;
            let request = SearchRequest {
                query,
                selections: parse_selections(&facets)?,
                sort,
                explain: if explain { limit } else { 0 },
                ..Default::default()
            };
            let results = engine.search(&request);
            if json {
                print_json(&json::search(&engine, &results, limit));
            } else {
                print!("{}", json::search_summary(&engine, &results, limit));
            }
            Ok(())
        }
        Command::Bundle { dir, output, stats } => {
            let bytes = load_bundle(&dir)?;
            std::fs::write(&output, &bytes).map_err(|e| format!("{}: {e}", output.display()))?;
            let b = clippings_search::bundle::breakdown(&bytes).map_err(|e| e.to_string())?;
            eprintln!(
                "wrote {}: {} bytes = corpus and analysis {} + index {} ({:.2}× the {} bytes of text it indexes)",
                output.display(),
                b.total,
                b.corpus,
                b.index,
                b.index as f64 / b.text.max(1) as f64,
                b.text
            );
            if let Some(path) = stats {
                let json = serde_json::json!({
                    "total_bytes": b.total,
                    "corpus_bytes": b.corpus,
                    "index_bytes": b.index,
                    "text_bytes": b.text,
                });
                std::fs::write(&path, json.to_string())
                    .map_err(|e| format!("{}: {e}", path.display()))?;
            }
            Ok(())
        }
    }
}

/// Bundle bytes for a folder (analysed and indexed now) or a bundle file.
fn load_bundle(path: &Path) -> Result<Vec<u8>, String> {
    if path.is_file() {
        return std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()));
    }
    let corpus = clippings_analysis::analyze_dir(path).map_err(|e| e.to_string())?;
    for w in &corpus.warnings {
        eprintln!("warning: {}: {}", w.path, w.message);
    }
    Ok(clippings_search::build_bundle(&corpus))
}

fn parse_selections(args: &[String]) -> Result<Vec<Selection>, String> {
    let mut selections: Vec<Selection> = Vec::new();
    for arg in args {
        let (key, value) = arg
            .split_once('=')
            .ok_or_else(|| format!("--facet {arg}: expected FACET=VALUE"))?;
        let facet = FacetKind::from_key(key).ok_or_else(|| {
            let keys: Vec<&str> = FacetKind::ALL.iter().map(|k| k.key()).collect();
            format!(
                "--facet {arg}: unknown facet '{key}' (one of {})",
                keys.join(", ")
            )
        })?;
        let pos = match selections.iter().position(|s| s.facet == Some(facet)) {
            Some(i) => i,
            None => {
                selections.push(Selection {
                    facet: Some(facet),
                    ..Default::default()
                });
                selections.len() - 1
            }
        };
        match value.strip_prefix('-') {
            Some(v) => selections[pos].exclude.push(v.to_string()),
            None => selections[pos].include.push(value.to_string()),
        }
    }
    Ok(selections)
}

fn print_json(value: &serde_json::Value) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_default()
    );
}
