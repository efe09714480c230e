//! On one real TempEval-3 file, when the shared data is beside the repo (skipped otherwise):
//! the annotation keeps the text byte for byte and finds most of the gold time expressions with
//! their values.

use std::path::PathBuf;

fn shared() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"))
}

/// The text inside `<TEXT>` with every tag removed, and the gold TIMEX3s as (text, value).
fn text_and_timexes(doc: &str) -> (String, Vec<(String, String)>) {
    let a = doc.find("<TEXT>").unwrap() + 6;
    let b = doc.rfind("</TEXT>").unwrap();
    let body = &doc[a..b];
    let mut text = String::new();
    let mut found = Vec::new();
    let mut rest = body;
    let mut open: Option<(usize, String)> = None;
    while let Some(p) = rest.find('<') {
        text.push_str(&rest[..p]);
        let q = p + rest[p..].find('>').unwrap();
        let tag = &rest[p + 1..q];
        if tag.starts_with("TIMEX3") {
            let v = tag
                .split("value=\"")
                .nth(1)
                .unwrap_or("")
                .split('"')
                .next()
                .unwrap_or("");
            open = Some((text.len(), v.to_string()));
        } else if tag == "/TIMEX3" {
            if let Some((start, v)) = open.take() {
                found.push((text[start..].to_string(), v));
            }
        }
        rest = &rest[q + 1..];
    }
    text.push_str(rest);
    (text, found)
}

#[test]
fn a_real_tbaq_file_round_trips_and_matches_most_gold() {
    let path = shared().join("datasets/tempeval3/TimeBank/APW19980227.0468.tml");
    let Ok(gold) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} not found", path.display());
        return;
    };
    let out = casefile_timex::annotate_timeml(&gold).unwrap();
    let (gold_text, gold_timexes) = text_and_timexes(&gold);
    let (out_text, ours) = text_and_timexes(&out);
    assert_eq!(out_text, gold_text, "the text must be kept byte for byte");
    // Everything outside <TEXT> is untouched.
    assert_eq!(
        &out[..out.find("<TEXT>").unwrap()],
        &gold[..gold.find("<TEXT>").unwrap()]
    );
    assert_eq!(
        &out[out.rfind("</TEXT>").unwrap()..],
        &gold[gold.rfind("</TEXT>").unwrap()..]
    );
    assert!(!gold_timexes.is_empty());
    let hits = gold_timexes.iter().filter(|g| ours.contains(g)).count();
    assert!(
        hits * 10 >= gold_timexes.len() * 7,
        "only {hits} of {} gold expressions found with their values: gold {gold_timexes:?}, ours {ours:?}",
        gold_timexes.len()
    );
}

#[test]
fn a_folder_is_annotated_file_by_file() {
    let dir = shared().join("datasets/tempeval3/AQUAINT");
    if !dir.is_dir() {
        eprintln!("skipped: {} not found", dir.display());
        return;
    }
    let out = std::env::temp_dir().join(format!("casefile-timex-test-{}", std::process::id()));
    let stats = casefile_timex::annotate_timeml_dir(&dir, &out).unwrap();
    let inputs = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "tml"))
        })
        .count();
    assert_eq!(stats.files, inputs);
    assert!(stats.failed.is_empty());
    assert!(stats.timexes > stats.files, "{stats:?}");
    std::fs::remove_dir_all(&out).unwrap();
}
