//! `cargo xtask test`: install what tests need, then run every check and
//! test, and end with a pass/fail summary.
//!
//! Steps run in order; a failed step does not stop the ones that do not
//! depend on it, so one run shows everything that is wrong.

use crate::dist;
use crate::step;
use crate::tools::{ensure_build_tools, ensure_test_tools, run_cmd, Env};
use std::time::Instant;

struct Outcome {
    name: &'static str,
    ok: bool,
    secs: f64,
    detail: String,
}

fn timed(
    outcomes: &mut Vec<Outcome>,
    name: &'static str,
    f: impl FnOnce() -> Result<(), String>,
) -> bool {
    step(name);
    let start = Instant::now();
    let result = f();
    let ok = result.is_ok();
    outcomes.push(Outcome {
        name,
        ok,
        secs: start.elapsed().as_secs_f64(),
        detail: result.err().unwrap_or_default(),
    });
    ok
}

fn run_all(env: &Env) -> Vec<Outcome> {
    let mut outcomes = Vec::new();
    let cargo = |args: &[&str]| {
        let mut cmd = env.command("cargo");
        cmd.args(args);
        run_cmd(&mut cmd)
    };
    timed(&mut outcomes, "cargo fmt --check", || {
        cargo(&["fmt", "--all", "--check"])
    });
    timed(&mut outcomes, "clippy (host)", || {
        cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])
    });
    timed(&mut outcomes, "clippy (wasm32)", || {
        // The app with its tests; the core crates' libraries only, since
        // their native-only dev-dependencies (proptest's getrandom) do not
        // build for wasm32.
        cargo(&[
            "clippy",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "clippings-app",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])?;
        cargo(&[
            "clippy",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "clippings-core",
            "-p",
            "clippings-search",
            "--",
            "-D",
            "warnings",
        ])
    });
    timed(&mut outcomes, "cargo test (all crates, native)", || {
        cargo(&["test", "--workspace"])
    });
    timed(&mut outcomes, "wasm tests in headless Chromium", || {
        let mut cmd = env.command("cargo");
        cmd.args([
            "test",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "clippings-app",
        ])
        .env("CHROMEDRIVER", "/usr/bin/chromedriver");
        run_cmd(&mut cmd)
    });
    let hostile = env.root.join("target/dist-hostile");
    let many = env.root.join("target/dist-many");
    let built = timed(
        &mut outcomes,
        "build dist/ (release) and the single file",
        || dist::run(env).map(|_| ()),
    ) && timed(
        &mut outcomes,
        "build the hostile-corpus app (debug)",
        || {
            let hostile_env = env.with_var("CLIPPINGS_CORPUS", "e2e/fixtures/hostile");
            dist::build(&hostile_env, &hostile, false).map(|_| ())
        },
    ) && timed(&mut outcomes, "build the capped-lists app (debug)", || {
        // Twelve articles in one month from one outlet: enough for the
        // Timeline and Coverage lists to be capped behind "Show all".
        let many_env = env.with_var("CLIPPINGS_CORPUS", "e2e/fixtures/many");
        dist::build(&many_env, &many, false).map(|_| ())
    });
    if built {
        timed(&mut outcomes, "browser tests (headless Chromium)", || {
            let mut cmd = env.command("node");
            cmd.args(["--test", "--test-concurrency=1", "tests/"])
                .current_dir(env.root.join("e2e"))
                .env("CLIPPINGS_DIST", env.root.join("dist"))
                .env("CLIPPINGS_HOSTILE_DIST", &hostile)
                .env("CLIPPINGS_MANY_DIST", &many);
            run_cmd(&mut cmd)
        });
    } else {
        outcomes.push(Outcome {
            name: "browser tests (headless Chromium)",
            ok: false,
            secs: 0.0,
            detail: "skipped: the app did not build".into(),
        });
    }
    outcomes
}

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(a) = args.first() {
        return Err(format!("test: unknown argument {a}"));
    }
    let start = Instant::now();
    let env = ensure_build_tools()?;
    ensure_test_tools(&env)?;
    let setup = start.elapsed().as_secs_f64();
    let outcomes = run_all(&env);
    eprintln!(
        "\n==> Summary (setup {setup:.0}s, total {:.0}s)",
        start.elapsed().as_secs_f64()
    );
    for o in &outcomes {
        eprintln!(
            "    {}  {:<48} {:>6.0}s{}",
            if o.ok { "PASS" } else { "FAIL" },
            o.name,
            o.secs,
            if o.detail.is_empty() {
                String::new()
            } else {
                format!("  ({})", o.detail)
            }
        );
    }
    let failed = outcomes.iter().filter(|o| !o.ok).count();
    if failed == 0 {
        eprintln!("\nall {} steps passed", outcomes.len());
        Ok(())
    } else {
        Err(format!("{failed} of {} steps failed", outcomes.len()))
    }
}
