//! `casefile train-events` on a small split made here: it reads the articles, writes weights the
//! pipeline can load, and reports a missing article as one line naming the file.

use std::fs;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_casefile");

#[test]
fn train_events_writes_weights_that_parse_and_names_a_missing_article() {
    let dir = tempfile::tempdir().unwrap();
    let split = dir.path().join("split");
    fs::create_dir_all(split.join("articles")).unwrap();
    fs::write(
        split.join("articles/a.txt"),
        "Journalist detained\n\nThe journalist Ana Lopez was detained by police in Lima on 3 March \
         2020, the Committee said.\n",
    )
    .unwrap();
    fs::write(
        split.join("articles/b.txt"),
        "Robber arrested\n\nA robbery suspect was arrested by police in Lima on 4 March 2020.\n",
    )
    .unwrap();
    fs::write(
        split.join("gold.json"),
        r#"{"a.txt": {"violation_types": ["arbitrary detention"]},
            "b.txt": {"violation_types": []},
            "missing.txt": {"violation_types": ["killing"]}}"#,
    )
    .unwrap();
    let out = dir.path().join("weights.tsv");
    let o = Command::new(BIN)
        .args(["train-events", "--hrd"])
        .arg(&split)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("missing.txt"), "{err}");
    assert!(err.contains("3 articles"), "{err}");
    let text = fs::read_to_string(&out).unwrap();
    let model = casefile_events::hrd::TypeModel::parse(&text).expect("weights parse");
    assert!(!model.is_empty(), "{text}");
    assert!(text.lines().any(|l| l.starts_with("bias\t")), "{text}");
}
