//! Project automation, in Rust so it runs wherever cargo does.
//!
//! ```text
//! cargo xtask serve [--port N]   install what is missing, build, serve on 127.0.0.1
//! cargo xtask dist               build dist/ (+ dist/clippings.html, one self-contained file)
//! cargo xtask test               install what tests need, run every check and test
//! cargo xtask bench              search benchmark vs MiniSearch and FlexSearch (see README)
//! cargo xtask lighthouse         Lighthouse scores of the served release build
//! ```
//!
//! Every command is idempotent: tools are installed only when missing (or at
//! the wrong version), so a warm run goes straight to work.

mod bench;
mod dist;
mod lighthouse;
mod serve;
mod test;
mod tools;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(&args[1..]),
        Some("dist") => tools::ensure_build_tools().and_then(|env| dist::run(&env).map(|_| ())),
        Some("test") => test::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("lighthouse") => lighthouse::run(),
        _ => {
            eprintln!(
                "usage: cargo xtask <command>\n\n  serve [--port N]  set up, build and serve the explorer on 127.0.0.1\n  dist              build dist/ and dist/clippings.html\n  test              set up and run every check and test\n  bench             benchmark search against MiniSearch and FlexSearch\n  lighthouse        Lighthouse scores of the served release build"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Print a progress line that stands out from tool output.
pub fn step(message: &str) {
    eprintln!("\n==> {message}");
}
