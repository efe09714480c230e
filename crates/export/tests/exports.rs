//! Both exports of a small knowledge base, checked against the schema each claims.

use casefile_export::{csv_tables, ftm};
use casefile_model::KnowledgeBase;
use serde_json::{json, Value};

/// Two documents spelling Kozlov two ways, a conviction reported by both, a place and a claim.
fn kb() -> KnowledgeBase {
    let doc = |id: &str, date: Value| {
        json!({"id": id, "source": format!("{id}.txt"), "format": "text", "title": "Kazakhstan: Kozlov convicted",
               "publisher": "Amnesty International", "published": date, "reference": "EUR 57/001/2012",
               "source_url": "https://example.org/a", "supplied": [], "text": "..."})
    };
    serde_json::from_value(json!({
        "format_version": 1,
        "documents": [doc("d1", json!("2012-10-08")), doc("d2", json!("2012"))],
        "entities": [
            {"id": "per-1", "type": "person", "name": "Vladimir Kozlov", "aliases": ["Vladimir Kozlov", "Koslov"],
             "mentions": [{"document": "d1", "text": "Vladimir Kozlov", "start": 0, "end": 15},
                          {"document": "d1", "text": "Kozlov", "start": 40, "end": 46},
                          {"document": "d2", "text": "Koslov", "start": 3, "end": 9}],
             "country": null, "legal": null},
            {"id": "org-1", "type": "organization", "name": "Alga!", "aliases": [],
             "mentions": [{"document": "d1", "text": "Alga!", "start": 20, "end": 25}], "country": null, "legal": null},
            {"id": "loc-1", "type": "location", "name": "Aktau", "aliases": [],
             "mentions": [{"document": "d1", "text": "Aktau", "start": 60, "end": 65}], "country": "KZ", "legal": null},
            {"id": "law-1", "type": "legal_provision", "name": "Article 164 of the Criminal Code", "aliases": [],
             "mentions": [{"document": "d1", "text": "Article 164", "start": 70, "end": 81}], "country": null, "legal": null}
        ],
        "events": [
            {"id": "evt-1", "type": "conviction", "date": "2012-10-08",
             "participants": [{"entity": "per-1", "role": "victim"}, {"entity": "loc-1", "role": "participant"}],
             "location": "loc-1", "legal_basis": ["law-1"], "charges": ["inciting social discord"],
             "sentence": "P7Y6M", "victim_count": null, "modality": "asserted", "negated": false,
             "sources": [{"document": "d1", "start": 0, "end": 50, "text": "Vladimir Kozlov was sentenced"},
                         {"document": "d2", "start": 0, "end": 30, "text": "Koslov got 7.5 years"}]},
            {"id": "evt-2", "type": "arrest", "date": null, "participants": [], "location": null,
             "legal_basis": [], "charges": [], "sentence": null, "victim_count": 15, "modality": "alleged",
             "negated": false, "sources": [{"document": "d2", "start": 10, "end": 20, "text": "arrested"}]}
        ],
        "claims": [{"quantity": 15, "qualifier": "at_least", "unit": "killed", "retracted": false,
                    "claimant": "org-1", "source": {"document": "d1", "start": 90, "end": 110, "text": "at least 15 killed"}}]
    }))
    .expect("the fixture matches the model")
}

fn ftm_lines() -> Vec<Value> {
    let mut buf = Vec::new();
    ftm::write(&kb(), &mut buf).unwrap();
    let text = String::from_utf8(buf).unwrap();
    assert_eq!(ftm::validate(&text), Ok(text.lines().count()));
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn find<'a>(lines: &'a [Value], id: &str) -> &'a Value {
    lines
        .iter()
        .find(|l| l["id"] == id)
        .unwrap_or_else(|| panic!("no {id}"))
}

#[test]
fn ftm_maps_entities_places_documents_and_events() {
    let lines = ftm_lines();
    let person = find(&lines, "per-1");
    assert_eq!(person["schema"], "Person");
    assert_eq!(person["properties"]["alias"], json!(["Koslov"]));
    assert_eq!(find(&lines, "org-1")["schema"], "Organization");
    let place = find(&lines, "loc-1");
    assert_eq!(place["schema"], "Address");
    assert_eq!(place["properties"]["country"], json!(["kz"]));
    // No FtM schema fits a legal provision: it is named in the event instead.
    assert!(lines.iter().all(|l| l["id"] != "law-1"));
    let doc = find(&lines, "doc-d2");
    assert_eq!(doc["schema"], "Document");
    assert_eq!(doc["properties"]["publishedAt"], json!(["2012"]));
    let ev = find(&lines, "evt-1");
    assert_eq!(ev["schema"], "Event");
    assert_eq!(ev["properties"]["date"], json!(["2012-10-08"]));
    assert_eq!(ev["properties"]["involved"], json!(["per-1"]));
    assert_eq!(ev["properties"]["addressEntity"], json!(["loc-1"]));
    assert_eq!(ev["properties"]["country"], json!(["kz"]));
    let desc = ev["properties"]["description"][0].as_str().unwrap();
    assert!(
        desc.contains("legal basis: Article 164 of the Criminal Code"),
        "{desc}"
    );
    assert!(desc.contains("sentence: P7Y6M"), "{desc}");
    // An event without a known date carries none rather than a guessed one.
    assert!(find(&lines, "evt-2")["properties"].get("date").is_none());
}

#[test]
fn ftm_keeps_every_passage_as_documentation() {
    let lines = ftm_lines();
    let d = find(&lines, "dcm-per-1-d1");
    assert_eq!(d["schema"], "Documentation");
    assert_eq!(d["properties"]["document"], json!(["doc-d1"]));
    assert_eq!(
        d["properties"]["summary"],
        json!(["0-15: Vladimir Kozlov", "40-46: Kozlov"])
    );
    let sources = find(&lines, "dcm-evt-1-d2");
    assert_eq!(sources["properties"]["role"], json!(["source"]));
    assert_eq!(
        sources["properties"]["summary"],
        json!(["0-30: Koslov got 7.5 years"])
    );
    let mentions: Vec<&Value> = lines
        .iter()
        .filter(|l| l["schema"] == "Mention" && l["properties"]["resolved"] == json!(["per-1"]))
        .collect();
    let mut forms: Vec<&str> = mentions
        .iter()
        .map(|m| m["properties"]["name"][0].as_str().unwrap())
        .collect();
    forms.sort();
    assert_eq!(forms, ["Koslov", "Kozlov", "Vladimir Kozlov"]);
}

#[test]
fn ftm_validator_rejects_what_ftm_would() {
    let ok = r#"{"id":"p","schema":"Person","properties":{"name":["A"]}}"#;
    assert_eq!(ftm::validate(ok), Ok(1));
    let bad = [
        (
            r#"{"id":"p","schema":"Thing","properties":{"name":["A"]}}"#,
            "abstract",
        ),
        (
            r#"{"id":"p","schema":"Human","properties":{"name":["A"]}}"#,
            "unknown schema",
        ),
        (
            r#"{"id":"p","schema":"Person","properties":{"name":["A"],"title2":["x"]}}"#,
            "no property",
        ),
        (
            r#"{"id":"p","schema":"Person","properties":{"name":["A"],"birthDate":["8 Oct 2012"]}}"#,
            "ISO 8601",
        ),
        (
            r#"{"id":"p","schema":"Person","properties":{"name":["A"],"country":["KZ"]}}"#,
            "ISO 3166",
        ),
        (
            r#"{"id":"p","schema":"Person","properties":{"alias":["A"]}}"#,
            "required",
        ),
        (
            r#"{"id":"e","schema":"Event","properties":{"name":["A"],"involved":["nobody"]}}"#,
            "missing",
        ),
    ];
    for (line, why) in bad {
        let problems = ftm::validate(line).expect_err(line);
        assert!(
            problems.iter().any(|p| p.contains(why)),
            "{line}: {problems:?}"
        );
    }
    // A reference to an entity of the wrong schema: `involved` takes a LegalEntity.
    let wrong = format!(
        "{}\n{}",
        r#"{"id":"a","schema":"Address","properties":{"full":["Aktau"]}}"#,
        r#"{"id":"e","schema":"Event","properties":{"name":["A"],"involved":["a"]}}"#
    );
    assert!(ftm::validate(&wrong).unwrap_err()[0].contains("not a LegalEntity"));
}

#[test]
fn csv_tables_match_their_datapackage() {
    let dir = tempfile::tempdir().unwrap();
    csv_tables::write(&kb(), dir.path()).unwrap();
    let rows = csv_tables::validate(dir.path()).unwrap_or_else(|p| panic!("{p:?}"));
    assert!(rows > 10, "{rows}");
    let descriptor: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("datapackage.json")).unwrap(),
    )
    .unwrap();
    let names: Vec<&str> = descriptor["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    for t in [
        "documents",
        "entities",
        "names",
        "mentions",
        "events",
        "participants",
        "evidence",
        "claims",
    ] {
        assert!(names.contains(&t), "{t} missing from {names:?}");
    }
    let evidence = std::fs::read_to_string(dir.path().join("evidence.csv")).unwrap();
    assert!(
        evidence.contains("evt-1,d2,0,30,Koslov got 7.5 years"),
        "{evidence}"
    );
    let names_csv = std::fs::read_to_string(dir.path().join("names.csv")).unwrap();
    assert_eq!(
        names_csv
            .lines()
            .filter(|l| l.starts_with("per-1,"))
            .count(),
        2,
        "{names_csv}"
    );
    let claims = std::fs::read_to_string(dir.path().join("claims.csv")).unwrap();
    assert!(
        claims.contains("1,15,at_least,killed,false,org-1,d1,90,110,at least 15 killed"),
        "{claims}"
    );
}

#[test]
fn csv_validator_catches_broken_tables() {
    let dir = tempfile::tempdir().unwrap();
    csv_tables::write(&kb(), dir.path()).unwrap();
    // A participant pointing at an entity that is not exported.
    let p = dir.path().join("participants.csv");
    let text = std::fs::read_to_string(&p).unwrap() + "evt-1,per-404,victim\n";
    std::fs::write(&p, text).unwrap();
    // A span end that is not a number.
    let e = dir.path().join("evidence.csv");
    let text = std::fs::read_to_string(&e).unwrap() + "evt-2,d1,3,x,passage\n";
    std::fs::write(&e, text).unwrap();
    let problems = csv_tables::validate(dir.path()).unwrap_err();
    assert!(
        problems.iter().any(|p| p.contains("per-404")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("is not integer")),
        "{problems:?}"
    );
}
