//! The one integration-test binary: a module per subcommand. Each test
//! writes its inputs to a temporary directory, runs the real binary, and
//! checks stdout, stderr and the exit code.

#![allow(clippy::unwrap_used, clippy::expect_used)]
mod browser;
mod explain;
mod extract;
mod formats;
mod help;
mod hostile;
mod import;
mod index;
mod rank;
mod recruiter;
mod score;
mod serve;
mod serve_browser;
mod snapshot;
mod taxonomy;

use assert_cmd::Command;

/// The `skillmatch` binary under test, keeping its prepared taxonomies in
/// a folder of this test run (not the user's cache).
pub fn skillmatch() -> Command {
    let mut cmd = Command::cargo_bin("skillmatch").expect("binary is built");
    cmd.env("SKILLMATCH_CACHE_DIR", test_cache());
    cmd
}

/// The cache folder of the tests, in the build's folder for test files.
pub fn test_cache() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("prepared-taxonomies")
}

/// Runs the binary and parses stdout as JSON, asserting exit 0.
pub fn json_of(args: &[&str]) -> serde_json::Value {
    let out = skillmatch().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}
