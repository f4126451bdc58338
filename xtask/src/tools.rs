//! Installing what the build and the tests need, only when it is missing.

use crate::step;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Versions the project is pinned to.
pub const TRUNK_VERSION: &str = "0.21.14";

/// Where things are, and the PATH to run tools with.
#[derive(Clone, Debug)]
pub struct Env {
    pub root: PathBuf,
    pub path: String,
    /// Extra environment for every command (e.g. `CLIPPINGS_CORPUS`).
    pub vars: Vec<(String, String)>,
}

impl Env {
    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.root).env("PATH", &self.path);
        for (k, v) in &self.vars {
            cmd.env(k, v);
        }
        cmd
    }

    /// The same environment plus one variable.
    pub fn with_var(&self, key: &str, value: &str) -> Env {
        let mut env = self.clone();
        env.vars.push((key.to_string(), value.to_string()));
        env
    }
}

/// The workspace root (the parent of this crate).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// Run a command, failing with its name on a non-zero exit.
pub fn run_cmd(cmd: &mut Command) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    let status = cmd
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// A command's trimmed stdout, or None if it cannot run or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The `wasm-bindgen` version Cargo.lock resolved.
pub fn locked_wasm_bindgen(root: &Path) -> Result<String, String> {
    let lock =
        std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(v.trim_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry".into())
}

fn cargo_bin_path() -> String {
    let home = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo")
        });
    home.join("bin").display().to_string()
}

/// Everything `trunk build --release` needs: the wasm target, trunk, the
/// exact wasm-bindgen-cli, and npm's binaryen (wasm-opt version_132).
pub fn ensure_build_tools() -> Result<Env, String> {
    let root = root();
    let tools_bin = root.join("tools/node_modules/.bin");
    let path = format!(
        "{}:{}:{}",
        tools_bin.display(),
        cargo_bin_path(),
        std::env::var("PATH").unwrap_or_default()
    );
    let env = Env {
        root: root.clone(),
        path,
        vars: Vec::new(),
    };

    let targets = output(
        env.command("rustup")
            .args(["target", "list", "--installed"]),
    )
    .unwrap_or_default();
    if !targets
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        step("Adding the wasm32-unknown-unknown target (rustup)");
        run_cmd(
            env.command("rustup")
                .args(["target", "add", "wasm32-unknown-unknown"]),
        )?;
    }

    let trunk = output(env.command("trunk").arg("--version")).unwrap_or_default();
    if trunk != format!("trunk {TRUNK_VERSION}") {
        step(&format!(
            "Installing trunk {TRUNK_VERSION} (first time only: about 12 minutes on 2 cores)"
        ));
        run_cmd(env.command("cargo").args([
            "install",
            "trunk",
            "--version",
            TRUNK_VERSION,
            "--locked",
        ]))?;
    }

    let wanted = locked_wasm_bindgen(&root)?;
    let trunk_toml = std::fs::read_to_string(root.join("Trunk.toml")).unwrap_or_default();
    if !trunk_toml.contains(&format!("wasm_bindgen = \"{wanted}\"")) {
        return Err(format!(
            "Trunk.toml must pin [tools] wasm_bindgen = \"{wanted}\" (the version in Cargo.lock)"
        ));
    }
    let have = output(env.command("wasm-bindgen").arg("--version")).unwrap_or_default();
    if have != format!("wasm-bindgen {wanted}") {
        step(&format!(
            "Installing wasm-bindgen-cli {wanted} (matches Cargo.lock; a few minutes)"
        ));
        // Not --locked: one of its locked dependencies is not on every registry mirror.
        run_cmd(
            env.command("cargo")
                .args(["install", "wasm-bindgen-cli", "--version", &wanted]),
        )?;
    }

    if !tools_bin.join("wasm-opt").exists() {
        step("Installing binaryen (wasm-opt version_132) from npm");
        run_cmd(
            env.command("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(root.join("tools")),
        )?;
    }
    Ok(env)
}

/// What the tests need on top: Chromium + chromedriver (apt) and the e2e
/// npm packages (npm ci, from the lockfile).
pub fn ensure_test_tools(env: &Env) -> Result<(), String> {
    let missing = ["/usr/bin/chromium", "/usr/bin/chromedriver"]
        .iter()
        .any(|p| !Path::new(p).exists());
    if missing {
        step("Installing Chromium and chromedriver (apt)");
        let sudo = output(Command::new("id").arg("-u")).as_deref() != Some("0");
        let apt = |args: &[&str]| {
            let mut cmd = if sudo {
                let mut c = Command::new("sudo");
                c.arg("apt-get");
                c
            } else {
                Command::new("apt-get")
            };
            cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
            run_cmd(&mut cmd)
        };
        apt(&["update", "-q"])?;
        apt(&["install", "-y", "-q", "chromium", "chromium-driver"])?;
    }
    let e2e = env.root.join("e2e");
    let have = e2e.join("node_modules/playwright-core").exists()
        && e2e.join("node_modules/axe-core").exists();
    if !have {
        step("Installing browser-test packages (npm ci)");
        run_cmd(
            env.command("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(&e2e),
        )?;
    }
    Ok(())
}
