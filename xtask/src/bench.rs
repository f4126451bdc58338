//! `cargo xtask bench`: see README. (Being written.)

pub fn run(_args: &[String]) -> Result<(), String> {
    Err("bench: not available yet".into())
}
