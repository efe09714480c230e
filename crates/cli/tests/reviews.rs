//! Judgements recorded with `casefile review` are re-applied whenever the record is built: they
//! survive re-ingesting the same folder and re-reading every document.

mod common;

use common::{casefile, export, ok, EXAMPLES};
use serde_json::Value;

fn event<'a>(kb: &'a Value, id: &str) -> Option<&'a Value> {
    kb["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
}

#[test]
fn reviews_survive_reingest_and_reanalysis() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ok(casefile(&store, &["ingest", EXAMPLES]));
    let before = export(&store);
    let events = before["events"].as_array().unwrap();
    assert!(events.len() >= 3, "the example corpus has events");
    let rejected = events[0]["id"].as_str().unwrap().to_string();
    let redated = events[1]["id"].as_str().unwrap().to_string();
    let retyped = events[2]["id"].as_str().unwrap().to_string();
    let new_type = if events[2]["type"] == "protest" {
        "arrest"
    } else {
        "protest"
    };

    ok(casefile(
        &store,
        &["review", &rejected, "reject", "--user", "alice"],
    ));
    let o = ok(casefile(
        &store,
        &[
            "review",
            &redated,
            "correct_date",
            "1999-03-04",
            "--user",
            "alice",
            "--note",
            "the court record says 4 March",
        ],
    ));
    let recorded: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(recorded["user"], "alice");
    assert_eq!(recorded["anchor"]["kind"], "event");
    ok(casefile(
        &store,
        &[
            "review",
            &retyped,
            "correct_type",
            new_type,
            "--user",
            "bob",
        ],
    ));

    let check = |kb: &Value, when: &str| {
        assert!(
            event(kb, &rejected).is_none(),
            "{when}: rejected event gone"
        );
        assert_eq!(event(kb, &redated).unwrap()["date"], "1999-03-04", "{when}");
        assert_eq!(event(kb, &retyped).unwrap()["type"], new_type, "{when}");
        assert_eq!(
            kb["events"].as_array().unwrap().len(),
            events.len() - 1,
            "{when}: nothing else changed"
        );
    };
    check(&export(&store), "after review");
    ok(casefile(&store, &["ingest", EXAMPLES]));
    check(&export(&store), "after ingesting the same folder again");
    ok(casefile(&store, &["reanalyze"]));
    check(&export(&store), "after re-reading every document");

    // Confirming a rejected event brings it back.
    ok(casefile(
        &store,
        &["review", &rejected, "confirm", "--user", "alice"],
    ));
    assert!(event(&export(&store), &rejected).is_some());
}

#[test]
fn a_review_of_nothing_or_with_a_bad_value_is_refused_and_not_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ok(casefile(&store, &["ingest", EXAMPLES]));
    let kb = export(&store);
    let id = kb["events"][0]["id"].as_str().unwrap().to_string();
    for (args, says) in [
        (
            vec!["review", "evt-nope", "reject"],
            "no event, entity or document",
        ),
        (
            vec!["review", id.as_str(), "approve"],
            "unknown review action",
        ),
        (
            vec!["review", id.as_str(), "correct_date", "1999-02-30"],
            "not a date",
        ),
        (vec!["review", id.as_str(), "correct_date"], "needs a value"),
        (
            vec!["review", id.as_str(), "merge", "per-nope"],
            "another entity",
        ),
    ] {
        let mut args = args;
        args.extend(["--user", "alice"]);
        let o = casefile(&store, &args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success(), "{args:?} was accepted");
        assert!(err.contains(says), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    }
    assert_eq!(export(&store), kb, "nothing was recorded");
}

/// The person entity of `kb` one of whose spellings is `name`.
fn person<'a>(kb: &'a Value, name: &str) -> &'a Value {
    kb["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "person" && e["aliases"].as_array().unwrap().contains(&name.into()))
        .unwrap_or_else(|| panic!("no person called {name}"))
}

#[test]
fn merges_and_splits_of_people_survive_reingest_and_reanalysis() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    // A note naming her by her given name only: in another document than her full name, so the
    // reader keeps the two apart.
    let note = dir.path().join("note");
    std::fs::create_dir(&note).unwrap();
    std::fs::write(
        note.join("visit.txt"),
        "Visit note\n\nAigerim, an editor from Kemir, was visited in the penal colony on 3 May 2024.\n",
    )
    .unwrap();
    let note = note.to_str().unwrap();
    ok(casefile(&store, &["ingest", EXAMPLES, note]));
    let kb = export(&store);
    // As read: "Aigerim" alone is not joined to Aigerim Sultanova; Nurlan Timirov is Nurlan
    // Temirov (one vowel apart, the same first name).
    let aigerim = person(&kb, "Aigerim")["id"].as_str().unwrap().to_string();
    let sultanova = person(&kb, "Aigerim Sultanova")["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(aigerim, sultanova);
    let temirov = person(&kb, "Nurlan Temirov");
    assert_eq!(temirov, person(&kb, "Nurlan Timirov"));
    let temirov = temirov["id"].as_str().unwrap().to_string();

    ok(casefile(
        &store,
        &["review", &aigerim, "merge", &sultanova, "--user", "alice"],
    ));
    let o = ok(casefile(
        &store,
        &[
            "review",
            &temirov,
            "split",
            "Nurlan Timirov",
            "--user",
            "bob",
            "--note",
            "two cousins",
        ],
    ));
    let recorded: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(recorded["value_anchor"]["names"][0], "Nurlan Timirov");

    let check = |when: &str| {
        let kb = export(&store);
        assert_eq!(
            person(&kb, "Aigerim")["id"],
            person(&kb, "Aigerim Sultanova")["id"],
            "{when}: merged"
        );
        assert_ne!(
            person(&kb, "Nurlan Temirov")["id"],
            person(&kb, "Nurlan Timirov")["id"],
            "{when}: split"
        );
        let why = String::from_utf8(ok(casefile(&store, &["explain", "Aigerim"])).stdout).unwrap();
        assert!(
            why.contains("alice judged") && why.contains("the same person"),
            "{when}: {why}"
        );
        let why =
            String::from_utf8(ok(casefile(&store, &["explain", "Nurlan Timirov"])).stdout).unwrap();
        assert!(
            why.contains("bob judged Nurlan Temirov and Nurlan Timirov different persons")
                && why.contains("two cousins"),
            "{when}: {why}"
        );
    };
    check("after review");
    ok(casefile(&store, &["ingest", EXAMPLES, note]));
    check("after ingesting the same folder again");
    ok(casefile(&store, &["reanalyze"]));
    check("after re-reading every document");

    // A spelling the entity does not have is refused.
    let o = casefile(
        &store,
        &[
            "review",
            &sultanova,
            "split",
            "Nobody Else",
            "--user",
            "bob",
        ],
    );
    assert!(!o.status.success());
}

#[test]
fn conflicts_list_both_passages_as_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("a.txt"),
        "Kozlov sentenced\n\nALMATY, 9 October 2012 - A court in Aktau on Monday sentenced \
         opposition leader Vladimir Kozlov to seven and a half years in prison under Article 164 \
         of the Criminal Code.\n",
    )
    .unwrap();
    std::fs::write(
        input.join("b.txt"),
        "Verdict in Aktau\n\nALMATY, 10 October 2012 - On 8 October a court sentenced Vladimir \
         Kozlov to seven years in prison under Article 170 of the Criminal Code.\n",
    )
    .unwrap();
    let store = dir.path().join("store");
    ok(casefile(&store, &["ingest", input.to_str().unwrap()]));
    let text = String::from_utf8(ok(casefile(&store, &["conflicts"])).stdout).unwrap();
    assert!(text.contains("sentence \"P7Y6M\" vs \"P7Y\""), "{text}");
    assert!(text.contains("seven and a half years"), "{text}");
    let json: Value =
        serde_json::from_slice(&ok(casefile(&store, &["conflicts", "--json"])).stdout).unwrap();
    let all = json.as_array().unwrap();
    let law = all
        .iter()
        .find(|c| c["field"] == "legal_basis")
        .expect("the two sources name different articles");
    let mut values = [
        law["values"][0].as_str().unwrap(),
        law["values"][1].as_str().unwrap(),
    ];
    values.sort();
    assert!(
        values[0].contains("164") && values[1].contains("170"),
        "{law}"
    );
    for ev in law["evidence"].as_array().unwrap() {
        assert!(ev["text"].as_str().unwrap().contains("sentenced"));
        assert!(ev["end"].as_u64() > ev["start"].as_u64());
    }
    assert_eq!(law["retracted"], serde_json::json!([false, false]));
}
