//! The CLI on a PostgreSQL store (`--store postgres://…`): ingesting the example corpus and
//! exporting gives the same record as the SQLite store, and re-ingesting stores nothing new.
//! Runs when `CASEFILE_TEST_POSTGRES` names a database (`scripts/with-postgres` sets it; CI does).

mod common;

use common::{canonical, casefile, export, first_difference, ok, stderr, PgSchema, EXAMPLES};

#[test]
fn ingest_and_export_on_postgres_give_the_sqlite_record() {
    let Some(schema) = PgSchema::new("cli") else {
        return;
    };
    let pg = schema.store();
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
    let reviews: i64 = schema
        .client()
        .query_one(
            &format!("SELECT COUNT(*) FROM {}.reviews", schema.schema),
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(reviews, 1);
}
