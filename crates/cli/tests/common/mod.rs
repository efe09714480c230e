//! What the CLI's end-to-end tests share: running the built binary on a store, and reading what it
//! said.
#![allow(dead_code)] // each test file uses its own part

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

/// The `casefile` binary built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_casefile");
/// The bundled example corpus.
pub const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");

/// Runs `casefile --store STORE ARGS…` (ignoring any `CASEFILE_STORE` of the environment).
pub fn casefile(store: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--store")
        .arg(store)
        .args(args)
        .env_remove("CASEFILE_STORE")
        .output()
        .expect("casefile runs")
}

/// What a run wrote on standard error.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `o`, after asserting the run succeeded (its standard error is the failure message).
pub fn ok(o: Output) -> Output {
    assert!(o.status.success(), "{}", stderr(&o));
    o
}

/// The store's record as `casefile export --format json` writes it.
pub fn export(store: &Path) -> Value {
    let o = casefile(store, &["export", "--format", "json"]);
    assert!(o.status.success(), "export failed: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("export is JSON")
}
