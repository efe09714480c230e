//! `casefile export --format ftm|csv` on the bundled example corpus, each output checked against
//! the schema it claims (the FtM schema table and the CSV folder's datapackage.json).

mod common;

use common::{ok, BIN, EXAMPLES};
use std::path::Path;
use std::process::Command;

/// Runs casefile on `store` and asserts it succeeded.
fn casefile(store: &Path, args: &[&str]) -> std::process::Output {
    ok(common::casefile(store, args))
}

#[test]
fn ftm_and_csv_exports_of_the_examples_are_valid() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    casefile(&store, &["ingest", EXAMPLES]);

    let ftm_path = tmp.path().join("out.ftm.jsonl");
    casefile(
        &store,
        &[
            "export",
            "--format",
            "ftm",
            "-o",
            ftm_path.to_str().unwrap(),
        ],
    );
    let lines = std::fs::read_to_string(&ftm_path).unwrap();
    let count = casefile_export::ftm::validate(&lines).unwrap_or_else(|p| panic!("{p:#?}"));
    let schemata: std::collections::BTreeSet<String> = lines
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["schema"].to_string())
        .collect();
    for s in ["Document", "Person", "Event", "Documentation", "Mention"] {
        assert!(
            schemata.contains(&format!("\"{s}\"")),
            "no {s} among {schemata:?}"
        );
    }
    // Standard output carries the same lines.
    let stdout = casefile(&store, &["export", "--format", "ftm"]).stdout;
    assert_eq!(String::from_utf8(stdout).unwrap(), lines);
    assert!(count > 20, "{count}");

    let dir = tmp.path().join("csv");
    casefile(
        &store,
        &["export", "--format", "csv", "-o", dir.to_str().unwrap()],
    );
    let rows = casefile_export::csv_tables::validate(&dir).unwrap_or_else(|p| panic!("{p:#?}"));
    assert!(rows > 20, "{rows}");
    let evidence = std::fs::read_to_string(dir.join("evidence.csv")).unwrap();
    assert!(
        evidence.lines().count() > 1,
        "no event evidence: {evidence}"
    );
}

#[test]
fn csv_export_without_a_folder_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let o = Command::new(BIN)
        .arg("--store")
        .arg(tmp.path().join("store"))
        .args(["export", "--format", "csv"])
        .env_remove("CASEFILE_STORE")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("-o FOLDER"));
}
