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

/// `value` with every array sorted (by its elements' JSON text), so two records that differ only
/// in the order of lists compare equal.
pub fn canonical(value: Value) -> Value {
    match value {
        Value::Array(items) => {
            let mut items: Vec<Value> = items.into_iter().map(canonical).collect();
            items.sort_by_cached_key(|v| v.to_string());
            Value::Array(items)
        }
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, canonical(v))).collect())
        }
        other => other,
    }
}

/// Where two JSON values first differ, as a path and both sides, for the failure message.
pub fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                let w = y.get(k).unwrap_or(&Value::Null);
                if let Some(d) = first_difference(v, w, &format!("{path}.{k}")) {
                    return Some(d);
                }
            }
            y.keys()
                .find(|k| !x.contains_key(*k))
                .map(|k| format!("{path}.{k}: only on one side"))
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (v, w))| first_difference(v, w, &format!("{path}[{i}]"))),
        _ if a == b => None,
        _ => Some(format!("{path}: {a} vs {b}")),
    }
}

/// Panics with the first difference unless the two records are equal up to the order of lists.
pub fn assert_same_record(got: Value, want: Value, what: &str) {
    let (got, want) = (canonical(got), canonical(want));
    if let Some(difference) = first_difference(&got, &want, "") {
        panic!("{what}: the records differ at {difference}");
    }
}

/// A schema of its own in `CASEFILE_TEST_POSTGRES`'s database, dropped when this goes away; its
/// `url` is a store URL whose tables live there.
pub struct PgSchema {
    /// The server's database, as `CASEFILE_TEST_POSTGRES` names it.
    pub base: String,
    /// The schema's name.
    pub schema: String,
    /// A store URL for the schema (`options=-csearch_path%3DSCHEMA`).
    pub url: String,
}

impl PgSchema {
    /// A fresh schema named `cf_NAME_PID`, or `None` (after saying the test is skipped) when
    /// `CASEFILE_TEST_POSTGRES` is not set.
    pub fn new(name: &str) -> Option<PgSchema> {
        let Some(base) = std::env::var("CASEFILE_TEST_POSTGRES")
            .ok()
            .filter(|u| !u.is_empty())
        else {
            use std::io::Write;
            // Straight to the terminal: the harness captures print! of passing tests.
            let _ = writeln!(
                std::io::stderr(),
                "\nSKIPPED: the PostgreSQL CLI test {name} (CASEFILE_TEST_POSTGRES is not set; \
                 `scripts/with-postgres cargo test -p casefile-cli --test postgres --test workers` \
                 runs it)"
            );
            return None;
        };
        let schema = format!("cf_{name}_{}", std::process::id());
        let mut client = postgres::Client::connect(&base, postgres::NoTls).expect("connects");
        client
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
            ))
            .unwrap();
        let sep = if base.contains('?') { '&' } else { '?' };
        let url = format!("{base}{sep}options=-csearch_path%3D{schema}");
        Some(PgSchema { base, schema, url })
    }

    /// A new connection whose unqualified tables are the schema's.
    pub fn client(&self) -> postgres::Client {
        postgres::Client::connect(&self.url, postgres::NoTls).expect("connects")
    }

    /// The store URL as a path, for [`casefile`].
    pub fn store(&self) -> &Path {
        Path::new(&self.url)
    }
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        if let Ok(mut client) = postgres::Client::connect(&self.base, postgres::NoTls) {
            let _ = client.batch_execute(&format!("DROP SCHEMA {} CASCADE", self.schema));
        }
    }
}
