//! The CLI on a PostgreSQL store (`--store postgres://…`): ingesting the example corpus and
//! exporting gives the same record as the SQLite store, and re-ingesting stores nothing new.
//! Runs when `CASEFILE_TEST_POSTGRES` names a database (`scripts/with-postgres` sets it; CI does).

mod common;

use common::{canonical, casefile, export, first_difference, ok, stderr, EXAMPLES};
use std::path::Path;

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
