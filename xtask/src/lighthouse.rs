//! `cargo xtask lighthouse`: Lighthouse (npm, 12.8) against the served
//! release build in Debian's Chromium, mobile and desktop presets. Not part
//! of `cargo xtask test`: scores depend on the machine's speed, so they are
//! recorded in README rather than asserted.

use crate::step;
use crate::tools::{ensure_build_tools, ensure_test_tools, run_cmd};

pub fn run() -> Result<(), String> {
    let env = ensure_build_tools()?;
    ensure_test_tools(&env)?;
    let dist = crate::dist::run(&env)?;
    let dir = env.root.join("e2e/lighthouse");
    if !dir.join("node_modules/lighthouse").exists() {
        step("Installing Lighthouse (npm ci)");
        run_cmd(
            env.command("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(&dir),
        )?;
    }
    step("Lighthouse: served release build, mobile and desktop");
    run_cmd(
        env.command("node")
            .arg("run.mjs")
            .env("CLIPPINGS_DIST", &dist)
            .current_dir(&dir),
    )
}
