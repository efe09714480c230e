//! The CLI on a PostgreSQL store (`--store postgres://…`): ingesting the example corpus and
//! exporting gives the same record as the SQLite store, and re-ingesting stores nothing new.
//! Runs when `CASEFILE_TEST_POSTGRES` names a database (`scripts/with-postgres` sets it; CI does).

mod common;

use common::{casefile, export, ok, stderr, EXAMPLES};
use serde_json::Value;
use std::path::Path;

/// `value` with every array sorted (by its elements' JSON text), so two records that differ only
/// in the order of lists compare equal.
fn canonical(value: Value) -> Value {
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
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
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

#[test]
fn ingest_and_export_on_postgres_give_the_sqlite_record() {
    let Some(base) = std::env::var("CASEFILE_TEST_POSTGRES")
        .ok()
        .filter(|u| !u.is_empty())
    else {
        use std::io::Write;
        // Straight to the terminal: the harness captures print! of passing tests.
        let _ = writeln!(
            std::io::stderr(),
            "\nSKIPPED: the PostgreSQL CLI test (CASEFILE_TEST_POSTGRES is not set; \
             `scripts/with-postgres cargo test -p casefile-cli --test postgres` runs it)"
        );
        return;
    };
    let schema = format!("cf_cli_{}", std::process::id());
    let mut client = postgres::Client::connect(&base, postgres::NoTls).expect("connects");
    client
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
        ))
        .unwrap();
    let sep = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{sep}options=-csearch_path%3D{schema}");
    let pg = Path::new(&url);
    let dir = tempfile::tempdir().unwrap();
    let sqlite = dir.path().join("store");
    // The search index and tokens of the PostgreSQL store go here, not into the user's cache.
    let local = dir.path().join("local");
    let local = local.to_str().unwrap();

    ok(casefile(&sqlite, &["ingest", EXAMPLES]));
    let first = ok(casefile(pg, &["--local", local, "ingest", EXAMPLES]));
    let again = ok(casefile(pg, &["--local", local, "ingest", EXAMPLES]));
    assert!(
        stderr(&again).contains("ingested 0,"),
        "a second ingest stores nothing: {}",
        stderr(&again)
    );

    let want = export(&sqlite);
    let got = export(pg);
    let documents = want["documents"].as_array().map_or(0, Vec::len);
    assert!(
        documents > 5,
        "the examples were ingested: {}",
        stderr(&first)
    );
    let (got, want) = (canonical(got), canonical(want));
    if let Some(difference) = first_difference(&got, &want, "") {
        panic!("the PostgreSQL export differs from the SQLite export at {difference}");
    }

    // The review log lives in the database too.
    let entity = export(pg)["entities"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    ok(casefile(
        pg,
        &[
            "--local", local, "review", &entity, "confirm", "--user", "maria",
        ],
    ));
    let reviews: i64 = client
        .query_one(&format!("SELECT COUNT(*) FROM {schema}.reviews"), &[])
        .unwrap()
        .get(0);
    assert_eq!(reviews, 1);
    drop(client);
    let mut client = postgres::Client::connect(&base, postgres::NoTls).unwrap();
    client
        .batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))
        .unwrap();
}
