//! `schema/export.schema.json` describes `KnowledgeBase` exactly as serde writes it: a realistic
//! export covering every field validates, and wrong values or extra fields do not.

use casefile_model::{
    ClaimRecord, DocumentId, DocumentMeta, DocumentRecord, Entity, EntityMention, EntityType,
    Event, EventType, Evidence, KnowledgeBase, LegalRef, MetaField, Modality, PartialDate,
    Participant, Qualifier, Role, SourceFormat,
};
use serde_json::{json, Value};

fn schema() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../schema/export.schema.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn validator() -> jsonschema::Validator {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::draft202012::new(&schema).expect("the schema is a valid 2020-12 schema")
}

/// Every error, one per line, for assertion messages.
fn errors(validator: &jsonschema::Validator, instance: &Value) -> String {
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn evidence(document: &DocumentId, text: &str, start: usize) -> Evidence {
    Evidence {
        document: document.clone(),
        start,
        end: start + text.chars().count(),
        text: text.to_string(),
    }
}

/// An export as resolve would make it from two press releases, covering every field, each
/// nullable field both null and set.
fn knowledge_base() -> KnowledgeBase {
    let d1 = DocumentId::from_content(b"first release");
    let d2 = DocumentId::from_content(b"second release");
    let text1 =
        "Kazakhstan: Journalist Серік Қалиев detained in Almaty under Article 174(2) of the \
                 Criminal Code. On 9 January he was sentenced to seven and a half years.";
    let text2 = "At least 15 people were killed, according to the Interior Ministry, which later \
                 withdrew the figure.";
    let documents = vec![
        DocumentRecord::new(
            d1.clone(),
            "corpus/seeds/000_9836659df6efd5a0.txt".into(),
            SourceFormat::Text,
            DocumentMeta {
                title: Some("Kazakhstan: Journalist detained".into()),
                publisher: Some("Amnesty International".into()),
                published: None,
                reference: Some("AI INDEX: EUR 57/05/98".into()),
                source_url: None,
                supplied: [MetaField::Reference].into_iter().collect(),
            },
            text1.into(),
        ),
        DocumentRecord::new(
            d2.clone(),
            "corpus/seeds/001_report.html".into(),
            SourceFormat::Html,
            DocumentMeta {
                title: None,
                publisher: None,
                published: PartialDate::ymd(1998, 4, 8),
                reference: None,
                source_url: Some("https://example.org/release".into()),
                supplied: [MetaField::Published, MetaField::SourceUrl]
                    .into_iter()
                    .collect(),
            },
            text2.into(),
        ),
    ];
    let entities = vec![
        Entity {
            id: "per-1a2b3c4d5e6f7a8b".into(),
            entity_type: EntityType::Person,
            name: "Серік Қалиев".into(),
            aliases: vec!["Серік Қалиев".into(), "Serik Kaliev".into()],
            mentions: vec![EntityMention {
                document: d1.clone(),
                text: "Серік Қалиев".into(),
                start: 23,
                end: 35,
            }],
            country: None,
            legal: None,
        },
        Entity {
            id: "loc-0f0e0d0c0b0a0908".into(),
            entity_type: EntityType::Location,
            name: "Almaty".into(),
            aliases: vec![],
            mentions: vec![EntityMention {
                document: d1.clone(),
                text: "Almaty".into(),
                start: 48,
                end: 54,
            }],
            country: Some("KZ".into()),
            legal: None,
        },
        Entity {
            id: "law-1111222233334444".into(),
            entity_type: EntityType::LegalProvision,
            name: "Article 174(2) of the Criminal Code".into(),
            aliases: vec![],
            mentions: vec![EntityMention {
                document: d1.clone(),
                text: "Article 174(2) of the Criminal Code".into(),
                start: 61,
                end: 96,
            }],
            country: None,
            legal: Some(LegalRef {
                instrument: Some("Criminal Code".into()),
                article: "174".into(),
                part: Some("2".into()),
                jurisdiction: None,
            }),
        },
        Entity {
            id: "law-5555666677778888".into(),
            entity_type: EntityType::LegalProvision,
            name: "Article 2".into(),
            aliases: vec![],
            mentions: vec![EntityMention {
                document: d1.clone(),
                text: "Article 2".into(),
                start: 61,
                end: 70,
            }],
            country: None,
            legal: Some(LegalRef {
                instrument: None,
                article: "2".into(),
                part: None,
                jurisdiction: Some("Kazakhstan".into()),
            }),
        },
        Entity {
            id: "org-aaaabbbbccccdddd".into(),
            entity_type: EntityType::Organization,
            name: "Interior Ministry".into(),
            aliases: vec![],
            mentions: vec![EntityMention {
                document: d2.clone(),
                text: "Interior Ministry".into(),
                start: 50,
                end: 67,
            }],
            country: None,
            legal: None,
        },
        Entity {
            id: "misc-0000000000000001".into(),
            entity_type: EntityType::Misc,
            name: "Kazakh".into(),
            aliases: vec![],
            mentions: vec![EntityMention {
                document: d1.clone(),
                text: "Kazakh".into(),
                start: 0,
                end: 6,
            }],
            country: None,
            legal: None,
        },
    ];
    let events = vec![
        Event {
            id: "evt-1a2b3c4d5e6f7a8b".into(),
            event_type: EventType::Detention,
            date: None,
            participants: vec![Participant {
                entity: "per-1a2b3c4d5e6f7a8b".into(),
                role: Role::Victim,
            }],
            location: Some("loc-0f0e0d0c0b0a0908".into()),
            legal_basis: vec!["law-1111222233334444".into()],
            charges: vec![],
            sentence: None,
            victim_count: None,
            modality: Modality::Asserted,
            negated: false,
            sources: vec![evidence(&d1, "Journalist Серік Қалиев detained", 12)],
        },
        Event {
            id: "evt-8a7f6e5d4c3b2a19".into(),
            event_type: EventType::Conviction,
            date: PartialDate::md(1, 9),
            participants: vec![
                Participant {
                    entity: "per-1a2b3c4d5e6f7a8b".into(),
                    role: Role::Victim,
                },
                Participant {
                    entity: "org-aaaabbbbccccdddd".into(),
                    role: Role::Authority,
                },
            ],
            location: None,
            legal_basis: vec![],
            charges: vec!["incitement of social discord".into()],
            sentence: Some("P7Y6M".into()),
            victim_count: Some(1),
            modality: Modality::Alleged,
            negated: true,
            sources: vec![
                evidence(&d1, "he was sentenced to seven and a half years", 113),
                evidence(&d2, "At least 15 people", 0),
            ],
        },
        Event {
            id: "evt-0000000000000003".into(),
            event_type: EventType::Killing,
            date: PartialDate::ym(1998, 4),
            participants: vec![],
            location: None,
            legal_basis: vec![],
            charges: vec![],
            sentence: None,
            victim_count: Some(15),
            modality: Modality::Denied,
            negated: false,
            sources: vec![evidence(&d2, "At least 15 people were killed", 0)],
        },
        Event {
            id: "evt-0000000000000004".into(),
            event_type: EventType::CallForRelease,
            date: Some(PartialDate::y(1998)),
            participants: vec![Participant {
                entity: "org-aaaabbbbccccdddd".into(),
                role: Role::Claimant,
            }],
            location: None,
            legal_basis: vec![],
            charges: vec![],
            sentence: None,
            victim_count: None,
            modality: Modality::Demanded,
            negated: false,
            sources: vec![evidence(&d2, "according to the Interior Ministry", 32)],
        },
    ];
    let claims = vec![
        ClaimRecord {
            quantity: 15,
            qualifier: Qualifier::AtLeast,
            unit: "killed".into(),
            retracted: true,
            claimant: Some("org-aaaabbbbccccdddd".into()),
            source: evidence(&d2, "At least 15 people were killed", 0),
        },
        ClaimRecord {
            quantity: 10_000,
            qualifier: Qualifier::About,
            unit: "arrested".into(),
            retracted: false,
            claimant: None,
            source: evidence(&d1, "Journalist", 12),
        },
    ];
    KnowledgeBase {
        format_version: KnowledgeBase::FORMAT_VERSION,
        documents,
        entities,
        events,
        claims,
    }
}

fn export() -> Value {
    serde_json::to_value(knowledge_base()).unwrap()
}

#[test]
fn a_realistic_export_covering_every_field_is_valid() {
    let validator = validator();
    let instance = export();
    assert!(
        validator.is_valid(&instance),
        "{}",
        errors(&validator, &instance)
    );
    // The instance really has the shapes the schema must allow.
    assert_eq!(instance["events"][1]["date"], "--01-09");
    assert_eq!(instance["events"][1]["sentence"], "P7Y6M");
    assert_eq!(instance["events"][0]["date"], Value::Null);
    assert_eq!(instance["documents"][1]["published"], "1998-04-08");
    assert_eq!(instance["documents"][0]["published"], Value::Null);
    // And it is the model's own serialisation: it reads back equal.
    let back: KnowledgeBase = serde_json::from_value(instance).unwrap();
    assert_eq!(back, knowledge_base());
}

#[test]
fn an_empty_export_is_valid() {
    let validator = validator();
    let instance = serde_json::to_value(KnowledgeBase {
        format_version: KnowledgeBase::FORMAT_VERSION,
        ..Default::default()
    })
    .unwrap();
    assert!(
        validator.is_valid(&instance),
        "{}",
        errors(&validator, &instance)
    );
}

#[test]
fn every_model_enum_value_is_allowed() {
    let validator = validator();
    // Each of the 23 event types, every role, modality, qualifier, entity type and format, as
    // the model serialises them: the schema's enums must not lag behind the model.
    for t in EventType::ALL {
        let mut kb = knowledge_base();
        kb.events[0].event_type = t;
        let instance = serde_json::to_value(&kb).unwrap();
        assert!(
            validator.is_valid(&instance),
            "{t:?}: {}",
            errors(&validator, &instance)
        );
    }
    let roles = [
        Role::Victim,
        Role::Perpetrator,
        Role::Authority,
        Role::Participant,
        Role::Claimant,
    ];
    let modalities = [
        Modality::Asserted,
        Modality::Alleged,
        Modality::Denied,
        Modality::Demanded,
        Modality::Scheduled,
    ];
    let qualifiers = [
        Qualifier::Exact,
        Qualifier::AtLeast,
        Qualifier::MoreThan,
        Qualifier::About,
        Qualifier::UpTo,
        Qualifier::FewerThan,
    ];
    let formats = [
        SourceFormat::Text,
        SourceFormat::Markdown,
        SourceFormat::Html,
        SourceFormat::Pdf,
    ];
    for i in 0..6 {
        let mut kb = knowledge_base();
        kb.events[0].participants[0].role = roles[i % roles.len()];
        kb.events[0].modality = modalities[i % modalities.len()];
        kb.claims[0].qualifier = qualifiers[i];
        kb.documents[0].format = formats[i % formats.len()];
        kb.documents[0].supplied = [
            MetaField::Title,
            MetaField::Publisher,
            MetaField::Published,
            MetaField::Reference,
            MetaField::SourceUrl,
        ]
        .into_iter()
        .take(i)
        .collect();
        let instance = serde_json::to_value(&kb).unwrap();
        assert!(
            validator.is_valid(&instance),
            "{i}: {}",
            errors(&validator, &instance)
        );
    }
    assert_eq!(
        schema()["$defs"]["event"]["properties"]["type"]["enum"]
            .as_array()
            .unwrap()
            .len(),
        23
    );
}

/// `export()` changed by `edit` must be rejected.
fn assert_rejected(what: &str, edit: impl FnOnce(&mut Value)) {
    let validator = validator();
    let mut instance = export();
    edit(&mut instance);
    assert!(
        !validator.is_valid(&instance),
        "the schema accepted an export with {what}"
    );
}

#[test]
fn wrong_enum_values_are_rejected() {
    assert_rejected("a document format `docx`", |v| {
        v["documents"][0]["format"] = json!("docx")
    });
    assert_rejected("an entity type `people`", |v| {
        v["entities"][0]["type"] = json!("people")
    });
    assert_rejected("an event type `picnic`", |v| {
        v["events"][0]["type"] = json!("picnic")
    });
    assert_rejected("an event type in capitals", |v| {
        v["events"][0]["type"] = json!("Arrest")
    });
    assert_rejected("a role `witness`", |v| {
        v["events"][0]["participants"][0]["role"] = json!("witness")
    });
    assert_rejected("a modality `rumoured`", |v| {
        v["events"][0]["modality"] = json!("rumoured")
    });
    assert_rejected("a qualifier `roughly`", |v| {
        v["claims"][0]["qualifier"] = json!("roughly")
    });
    assert_rejected("a supplied field `author`", |v| {
        v["documents"][0]["supplied"] = json!(["author"])
    });
}

#[test]
fn extra_and_missing_fields_are_rejected() {
    assert_rejected("an extra document field", |v| {
        v["documents"][0]["language"] = json!("en")
    });
    assert_rejected("an extra event field", |v| {
        v["events"][0]["confidence"] = json!(0.9)
    });
    assert_rejected("an extra evidence field", |v| {
        v["events"][0]["sources"][0]["page"] = json!(1)
    });
    assert_rejected("an extra top-level field", |v| {
        v["generated"] = json!("today")
    });
    assert_rejected("an event without `negated`", |v| {
        v["events"][0].as_object_mut().unwrap().remove("negated");
    });
    assert_rejected("a document without `published`", |v| {
        v["documents"][0]
            .as_object_mut()
            .unwrap()
            .remove("published");
    });
    assert_rejected("an event with no source passage", |v| {
        v["events"][0]["sources"] = json!([])
    });
}

#[test]
fn malformed_values_are_rejected() {
    assert_rejected("a date `9 January 1998`", |v| {
        v["events"][0]["date"] = json!("9 January 1998")
    });
    assert_rejected("a date `1998-4-8`", |v| {
        v["events"][0]["date"] = json!("1998-4-8")
    });
    assert_rejected("a day without a month `1998--08`", |v| {
        v["documents"][0]["published"] = json!("1998--08")
    });
    assert_rejected("a sentence `7 years`", |v| {
        v["events"][1]["sentence"] = json!("7 years")
    });
    assert_rejected("an empty duration `P`", |v| {
        v["events"][1]["sentence"] = json!("P")
    });
    assert_rejected("a negative offset", |v| {
        v["events"][0]["sources"][0]["start"] = json!(-1)
    });
    assert_rejected("a fractional quantity", |v| {
        v["claims"][0]["quantity"] = json!(1.5)
    });
    assert_rejected("a country name instead of a code", |v| {
        v["entities"][1]["country"] = json!("Kazakhstan")
    });
    assert_rejected("a document id that is not a content hash", |v| {
        v["documents"][0]["id"] = json!("doc-1")
    });
    assert_rejected("format version 2", |v| v["format_version"] = json!(2));
    assert_rejected("a string victim count", |v| {
        v["events"][0]["victim_count"] = json!("15")
    });
}

#[test]
fn iso_durations_and_partial_dates_the_model_writes_are_accepted() {
    let validator = validator();
    for sentence in ["P7Y6M", "P5Y", "P18M", "P3Y6M15D", "P2W", "PT72H"] {
        let mut v = export();
        v["events"][1]["sentence"] = json!(sentence);
        assert!(
            validator.is_valid(&v),
            "{sentence}: {}",
            errors(&validator, &v)
        );
    }
    for date in ["1998-04-08", "1998-04", "1998", "--01-09", "--01"] {
        // Every form the model writes parses back to a PartialDate, and the schema accepts it.
        assert!(date.parse::<PartialDate>().is_ok(), "{date}");
        let mut v = export();
        v["events"][0]["date"] = json!(date);
        v["documents"][0]["published"] = json!(date);
        assert!(validator.is_valid(&v), "{date}: {}", errors(&validator, &v));
    }
}
