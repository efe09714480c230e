//! `casefile case` on the seed press releases in `../shared`: Vladimir Kozlov's case file, every
//! fact with its source. Skipped (with a note) when the shared folder is absent.

mod common;

use common::{casefile, ok};
use serde_json::Value;
use std::path::PathBuf;

fn seeds() -> Option<PathBuf> {
    let p = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/seeds"
    ));
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: {} is absent", p.display());
        None
    }
}

/// The events of `lines` of type `t`.
fn of_type<'a>(lines: &'a Value, t: &str) -> Vec<&'a Value> {
    lines
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == t)
        .collect()
}

#[test]
fn kozlov_case_file_has_the_legal_chain_from_its_sources() {
    let Some(seeds) = seeds() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ok(casefile(&store, &["ingest", seeds.to_str().unwrap()]));
    let o = ok(casefile(
        &store,
        &["case", "Vladimir Kozlov", "--format", "json"],
    ));
    let case: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(case["entity"]["name"], "Vladimir Kozlov");

    // The spelling Koslov, in one source.
    let koslov = case["names"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["name"] == "Koslov")
        .expect("the spelling Koslov");
    assert_eq!(koslov["documents"].as_array().unwrap().len(), 1);

    // Every event line cites passages that exist in its documents.
    let chain = &case["legal_chain"];
    for e in chain
        .as_array()
        .unwrap()
        .iter()
        .chain(case["other_events"].as_array().unwrap())
    {
        assert!(!e["sources"].as_array().unwrap().is_empty(), "{e}");
        for s in e["sources"].as_array().unwrap() {
            assert!(s["end"].as_u64() > s["start"].as_u64(), "{s}");
            assert!(!s["text"].as_str().unwrap().is_empty());
        }
    }

    let detention = chain
        .as_array()
        .unwrap()
        .iter()
        .find(|e| (e["type"] == "arrest" || e["type"] == "detention") && e["date"] == "2012-01-26")
        .expect("detained on 26 January 2012");
    let charged_under: Vec<&str> = of_type(chain, "charge")
        .iter()
        .flat_map(|e| e["legal_basis"].as_array().unwrap())
        .filter_map(Value::as_str)
        .collect();
    assert!(
        charged_under.iter().any(|l| l.contains("164"))
            && charged_under.iter().any(|l| l.contains("170")),
        "{charged_under:?}"
    );
    let conviction = of_type(chain, "conviction")
        .into_iter()
        .find(|e| e["date"] == "2012-10-08")
        .expect("convicted on 8 October 2012");
    assert_eq!(conviction["sentence"], "P7Y6M");
    assert_eq!(conviction["corroboration"], 2, "stated by two sources");
    let appeal = of_type(chain, "appeal")
        .into_iter()
        .find(|e| e["date"] == "2012-11-19")
        .expect("appeal upheld on 19 November 2012");
    let call = of_type(&case["other_events"], "call_for_release")
        .into_iter()
        .find(|e| e["date"] == "2012-12-14")
        .expect("HRF's call for release");
    assert!(
        call["others"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o[0] == "Human Rights Foundation"),
        "{call}"
    );
    // The president the letter is addressed to is asked, not asking.
    let others = call["others"].as_array().unwrap();
    assert!(
        others
            .iter()
            .any(|o| o[0] == "Nursultan Nazarbayev" && o[1] == "authority"),
        "{call}"
    );
    assert!(
        !others
            .iter()
            .any(|o| o[0] == "Nursultan Nazarbayev" && o[1] == "claimant"),
        "{call}"
    );

    // The legal chain is in date order: detention, charge, conviction, appeal.
    let position = |e: &Value| {
        chain
            .as_array()
            .unwrap()
            .iter()
            .position(|x| x["id"] == e["id"])
            .unwrap()
    };
    assert!(position(detention) < position(conviction));
    assert!(position(conviction) < position(appeal));

    // The leader of Alga!, from the passages that say so.
    let alga = case["affiliations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"].as_str().unwrap().starts_with("Alga"))
        .expect("affiliated with Alga");
    assert_eq!(alga["relation"], "leader");
    assert!(alga["sources"][0]["text"]
        .as_str()
        .unwrap()
        .contains("leader"));

    // The text form carries the same facts, each with its source.
    let text =
        String::from_utf8(ok(casefile(&store, &["case", "Vladimir Kozlov"])).stdout).unwrap();
    assert!(text.contains("Legal chain:"), "{text}");
    assert!(text.contains("leader of Alga"), "{text}");
    assert!(text.contains("sentence P7Y6M"), "{text}");
    assert!(text.contains("— 2 sources"), "{text}");
}
