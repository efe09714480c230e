//! A small store built by hand: two documents, a person detained on a known date, and a document
//! whose text, title and publisher are hostile markup.

#![allow(dead_code)]

use casefile_model::{
    AnalyzedDocument, Document, DocumentId, DocumentMeta, EntityType, EventMention, EventType,
    Mention, Modality, PartialDate, Role, SourceFormat, Span, Timex, TimexType,
};
use casefile_store::{SqliteStore, Store};
use std::path::Path;

pub const HOSTILE: &str = "<script>alert(1)</script> and <img src=x onerror=alert(1)>";

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).expect(needle);
    Span::new(start, start + needle.len())
}

fn mention(text: &str, needle: &str, entity_type: EntityType) -> Mention {
    Mention {
        span: span_of(text, needle),
        text: needle.to_string(),
        entity_type,
        country: None,
        legal: None,
    }
}

/// A document with a person detained in Almaty on a date; the text starts with a non-ASCII
/// word so character and byte offsets differ.
pub fn detention_document(raw: &[u8], person: &str, date: PartialDate) -> AnalyzedDocument {
    let sentence = format!("{person} was detained in Almaty on 8 April 1998.");
    let text = format!("Қазақстан: report.\n\n{sentence} He remains in custody.");
    let mut a = AnalyzedDocument::new(Document {
        id: DocumentId::from_content(raw),
        source: "examples/kozlov.txt".into(),
        format: SourceFormat::Text,
        meta: DocumentMeta {
            title: Some(format!("{person} detained")),
            publisher: Some("Human Rights Watch".into()),
            published: Some(PartialDate::ymd(1998, 4, 9).unwrap()),
            ..DocumentMeta::default()
        },
        text: text.clone(),
    });
    a.sentences = vec![
        span_of(&text, "Қазақстан: report."),
        span_of(&text, &sentence),
    ];
    a.mentions = vec![
        mention(&text, person, EntityType::Person),
        mention(&text, "Almaty", EntityType::Location),
    ];
    a.timexes = vec![Timex {
        span: span_of(&text, "8 April 1998"),
        text: "8 April 1998".into(),
        timex_type: TimexType::Date,
        value: "1998-04-08".into(),
    }];
    a.events = vec![EventMention {
        event_type: EventType::Detention,
        trigger: span_of(&text, "detained"),
        evidence: span_of(&text, &sentence),
        restated: Vec::new(),
        participants: vec![(0, Role::Victim)],
        date: Some(date),
        date_timex: Some(0),
        location: Some(1),
        legal_basis: vec![],
        charges: vec![],
        sentence: None,
        victim_count: None,
        modality: Modality::Asserted,
        negated: false,
    }];
    a
}

/// A document whose text, title and publisher carry script payloads, and which mentions the
/// person again (so the person's case file links to it).
pub fn hostile_document(raw: &[u8]) -> AnalyzedDocument {
    let text = format!("Ivan Kozlov was released. {HOSTILE} The end.");
    let mut a = AnalyzedDocument::new(Document {
        id: DocumentId::from_content(raw),
        source: "examples/<evil>.html".into(),
        format: SourceFormat::Html,
        meta: DocumentMeta {
            title: Some("<script>alert('title')</script>".into()),
            publisher: Some("\"><img src=x onerror=alert(2)>".into()),
            published: None,
            ..DocumentMeta::default()
        },
        text: text.clone(),
    });
    a.sentences = vec![span_of(&text, "Ivan Kozlov was released.")];
    a.mentions = vec![mention(&text, "Ivan Kozlov", EntityType::Person)];
    a.events = vec![EventMention {
        event_type: EventType::Release,
        trigger: span_of(&text, "released"),
        evidence: span_of(&text, "Ivan Kozlov was released."),
        restated: Vec::new(),
        participants: vec![(0, Role::Victim)],
        date: None,
        date_timex: None,
        location: None,
        legal_basis: vec![],
        charges: vec![],
        sentence: None,
        victim_count: None,
        modality: Modality::Asserted,
        negated: false,
    }];
    a
}

/// Fills `dir` with the two documents.
pub fn build_store(dir: &Path) {
    let mut store = SqliteStore::open(dir).unwrap();
    let raw = b"raw bytes of the detention report";
    store
        .put(
            raw,
            &detention_document(raw, "Ivan Kozlov", PartialDate::ymd(1998, 4, 8).unwrap()),
        )
        .unwrap();
    let raw = b"raw bytes of the hostile page";
    store.put(raw, &hostile_document(raw)).unwrap();
}

/// A report that `person` was sentenced to `words` (`iso`, an ISO 8601 duration) on 8 October
/// of `year`, published on `published`.
pub fn conviction_document(
    raw: &[u8],
    person: &str,
    published: PartialDate,
    (words, iso): (&str, &str),
    year: i32,
) -> AnalyzedDocument {
    let sentence = format!("{person} was sentenced to {words} on 8 October {year}.");
    let text = format!("Verdict.\n\n{sentence}");
    let mut a = AnalyzedDocument::new(Document {
        id: DocumentId::from_content(raw),
        source: format!("examples/verdict-{iso}.txt"),
        format: SourceFormat::Text,
        meta: DocumentMeta {
            title: Some(format!("{person} sentenced")),
            publisher: Some("Kazakhstan Bureau".into()),
            published: Some(published),
            ..DocumentMeta::default()
        },
        text: text.clone(),
    });
    a.sentences = vec![span_of(&text, "Verdict."), span_of(&text, &sentence)];
    a.mentions = vec![mention(&text, person, EntityType::Person)];
    a.timexes = vec![Timex {
        span: span_of(&text, &format!("8 October {year}")),
        text: format!("8 October {year}"),
        timex_type: TimexType::Date,
        value: format!("{year}-10-08"),
    }];
    a.events = vec![EventMention {
        event_type: EventType::Conviction,
        trigger: span_of(&text, "sentenced"),
        evidence: span_of(&text, &sentence),
        restated: Vec::new(),
        participants: vec![(0, Role::Victim)],
        date: PartialDate::ymd(year, 10, 8),
        date_timex: Some(0),
        location: None,
        legal_basis: vec![],
        charges: vec![],
        sentence: Some(iso.into()),
        victim_count: None,
        modality: Modality::Asserted,
        negated: false,
    }];
    a
}
