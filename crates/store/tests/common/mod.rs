//! Realistic analysed documents for the store's tests, generated deterministically so that a
//! child process and its parent agree on what document `i` is.

#![allow(dead_code)] // each test binary uses part of this module

use casefile_model::{
    AnalyzedDocument, Claim, Document, DocumentId, DocumentMeta, EntityType, EventMention,
    EventType, LegalRef, MetaField, Modality, PartialDate, Qualifier, Role, SourceFormat, Span,
    Timex, TimexType,
};

/// The byte span of `needle` at or after byte `from` of `text`.
fn find(text: &str, needle: &str, from: usize) -> Span {
    let start = from + text[from..].find(needle).expect("needle in text");
    Span::new(start, start + needle.len())
}

/// Document `i` with `sentences` sentences, each carrying a person, a place, a legal provision, an
/// organisation, a time expression, a detention event and a claim. Returns its raw bytes and its
/// analysis; the id is the content hash of the raw bytes, as ingest makes it.
pub fn sample(i: usize, sentences: usize) -> (Vec<u8>, AnalyzedDocument) {
    let mut text = String::new();
    let mut sentence_spans = Vec::new();
    for k in 0..sentences {
        let start = text.len();
        text.push_str(&format!(
            "Journalist Серік Қалиев-{i}-{k} was “detained” in Алматы by the Ministry of Internal \
             Affairs under Article 174 of the Criminal Code on 9 January, and at least {k} were \
             arrested 👮. "
        ));
        sentence_spans.push(Span::new(start, text.len()));
        if k % 5 == 4 {
            text.push_str("\n\n");
        }
    }
    let raw = format!("<html><body><h1>Report {i}</h1><p>{text}</p></body></html>").into_bytes();
    let id = DocumentId::from_content(&raw);
    let formats = [
        SourceFormat::Html,
        SourceFormat::Text,
        SourceFormat::Pdf,
        SourceFormat::Markdown,
    ];
    let published = match i % 4 {
        0 => PartialDate::ymd(1998, 4, 8),
        1 => PartialDate::md(1, 9),
        2 => Some(PartialDate::y(2012)),
        _ => None,
    };
    let mut supplied = std::collections::BTreeSet::new();
    if i % 2 == 0 {
        supplied.insert(MetaField::Published);
        supplied.insert(MetaField::SourceUrl);
    }
    let document = Document {
        id,
        source: format!("corpus/{i:03}_доклад.html"),
        format: formats[i % formats.len()],
        meta: DocumentMeta {
            title: Some(format!("Kazakhstan: Қазақстан report {i}")),
            publisher: (i % 3 != 2).then(|| "Amnesty International".to_string()),
            published,
            reference: (i % 2 == 0).then(|| "AI INDEX: EUR 57/05/98".to_string()),
            source_url: (i % 2 == 1).then(|| format!("https://example.org/{i}")),
            supplied,
        },
        text: String::new(),
    };
    let mut a = AnalyzedDocument::new(document);
    let modalities = [
        Modality::Asserted,
        Modality::Alleged,
        Modality::Denied,
        Modality::Demanded,
        Modality::Scheduled,
    ];
    for (k, s) in sentence_spans.iter().enumerate() {
        let person = find(&text, &format!("Серік Қалиев-{i}-{k}"), s.start);
        let place = find(&text, "Алматы", s.start);
        let org = find(&text, "Ministry of Internal Affairs", s.start);
        let law = find(&text, "Article 174 of the Criminal Code", s.start);
        let when = find(&text, "9 January", s.start);
        let trigger = find(&text, "detained", s.start);
        let claim = find(&text, &format!("at least {k} were"), s.start);
        let m0 = a.mentions.len();
        for (span, entity_type) in [
            (person, EntityType::Person),
            (place, EntityType::Location),
            (org, EntityType::Organization),
            (law, EntityType::LegalProvision),
        ] {
            a.mentions.push(casefile_model::Mention {
                span,
                text: text[span.start..span.end].to_string(),
                entity_type,
                country: (entity_type == EntityType::Location).then(|| "KZ".to_string()),
                legal: (entity_type == EntityType::LegalProvision).then(|| LegalRef {
                    instrument: Some("Criminal Code".to_string()),
                    article: "174".to_string(),
                    part: (k % 2 == 0).then(|| "2".to_string()),
                    jurisdiction: None,
                }),
            });
        }
        let t = a.timexes.len();
        a.timexes.push(Timex {
            span: when,
            text: "9 January".to_string(),
            timex_type: if k % 7 == 6 {
                TimexType::Duration
            } else {
                TimexType::Date
            },
            value: "XXXX-01-09".to_string(),
        });
        a.events.push(EventMention {
            event_type: EventType::ALL[k % EventType::ALL.len()],
            trigger,
            evidence: *s,
            // Every other event is restated in the sentences before it.
            restated: if k % 2 == 1 {
                sentence_spans[..k].to_vec()
            } else {
                Vec::new()
            },
            participants: vec![(m0, Role::Victim), (m0 + 2, Role::Perpetrator)],
            date: PartialDate::md(1, 9),
            date_timex: Some(t),
            location: Some(m0 + 1),
            legal_basis: vec![m0 + 3],
            charges: if k % 2 == 0 {
                vec!["incitement of «social» discord".to_string()]
            } else {
                Vec::new()
            },
            sentence: (k % 3 == 0).then(|| "P7Y6M".to_string()),
            victim_count: (k % 2 == 1).then_some(k as u64),
            modality: modalities[k % modalities.len()],
            negated: k % 5 == 0,
        });
        a.claims.push(Claim {
            quantity: k as u64,
            qualifier: Qualifier::AtLeast,
            unit: "arrested".to_string(),
            retracted: k % 4 == 3,
            evidence: claim,
            claimant: (k % 2 == 0).then_some(m0 + 2),
        });
    }
    a.sentences = sentence_spans;
    a.document.text = text;
    (raw, a)
}

/// The number of rows each layer of `a` takes, for comparing stored and generated documents.
pub fn layer_counts(a: &AnalyzedDocument) -> [usize; 6] {
    [
        a.sentences.len(),
        a.mentions.len(),
        a.timexes.len(),
        a.events.len(),
        a.events.iter().map(|e| e.participants.len()).sum(),
        a.claims.len(),
    ]
}

/// A fresh, empty store of one backend for one test, opened as often as the test likes.
///
/// SQLite: a folder in a temporary directory. PostgreSQL: a schema of its own in the database
/// `CASEFILE_TEST_POSTGRES` names (the store's tables go in the first schema of the connection's
/// `search_path`), dropped when the fixture is.
pub struct Fixture {
    /// What [`Fixture::open`] opens.
    pub spec: casefile_store::StoreSpec,
    _dir: Option<tempfile::TempDir>,
    /// The base URL and the schema, for PostgreSQL.
    pg: Option<(String, String)>,
}

/// The environment variable naming the PostgreSQL database the tests may use.
pub const POSTGRES_ENV: &str = "CASEFILE_TEST_POSTGRES";

impl Fixture {
    /// A store folder in a fresh temporary directory.
    pub fn sqlite() -> Fixture {
        let dir = tempfile::tempdir().expect("a temporary directory");
        Fixture {
            spec: casefile_store::StoreSpec::Sqlite(dir.path().join("store")),
            _dir: Some(dir),
            pg: None,
        }
    }

    /// A fresh schema in the database `CASEFILE_TEST_POSTGRES` names, or `None` (after saying so
    /// on the terminal, once per test binary) when it is not set.
    pub fn postgres() -> Option<Fixture> {
        let Some(base) = std::env::var(POSTGRES_ENV).ok().filter(|u| !u.is_empty()) else {
            static SAID: std::sync::Once = std::sync::Once::new();
            SAID.call_once(|| {
                use std::io::Write;
                // Straight to the terminal: the test harness captures print! of passing tests.
                let _ = writeln!(
                    std::io::stderr(),
                    "\nSKIPPED: the PostgreSQL variants of these tests ({POSTGRES_ENV} is not set; \
                     `scripts/with-postgres cargo test -p casefile-store` runs them)"
                );
            });
            return None;
        };
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let schema = format!("cf_test_{}_{n}", std::process::id());
        let mut client = ::postgres::Client::connect(&base, ::postgres::NoTls)
            .unwrap_or_else(|e| panic!("{POSTGRES_ENV}: cannot connect: {e}"));
        client
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
            ))
            .expect("a fresh schema");
        let sep = if base.contains('?') { '&' } else { '?' };
        let url = format!("{base}{sep}options=-csearch_path%3D{schema}");
        Some(Fixture {
            spec: casefile_store::StoreSpec::Postgres(url),
            _dir: None,
            pg: Some((base, schema)),
        })
    }

    /// Opens the store (again).
    pub fn open(&self) -> casefile_store::AnyStore {
        self.spec.open().expect("store opens")
    }

    /// True for PostgreSQL.
    pub fn is_postgres(&self) -> bool {
        self.pg.is_some()
    }

    /// The number of rows of `table`, read with the backend's own client.
    pub fn count_rows(&self, table: &str) -> i64 {
        match (&self.spec, &self.pg) {
            (casefile_store::StoreSpec::Sqlite(dir), _) => {
                rusqlite::Connection::open(dir.join("casefile.sqlite"))
                    .unwrap()
                    .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
                    .unwrap()
            }
            (casefile_store::StoreSpec::Postgres(_), Some((base, schema))) => {
                ::postgres::Client::connect(base, ::postgres::NoTls)
                    .unwrap()
                    .query_one(&format!("SELECT COUNT(*) FROM {schema}.{table}"), &[])
                    .unwrap()
                    .get(0)
            }
            _ => unreachable!(),
        }
    }

    /// Runs SQL statements on the store with the backend's own client (to damage or age it).
    pub fn execute(&self, sql: &str) {
        match &self.spec {
            casefile_store::StoreSpec::Sqlite(dir) => {
                rusqlite::Connection::open(dir.join("casefile.sqlite"))
                    .unwrap()
                    .execute_batch(sql)
                    .unwrap();
            }
            casefile_store::StoreSpec::Postgres(_) => self.pg_client().batch_execute(sql).unwrap(),
        }
    }

    /// A client on the PostgreSQL schema (its tables unqualified), for tests that look inside.
    pub fn pg_client(&self) -> ::postgres::Client {
        let casefile_store::StoreSpec::Postgres(url) = &self.spec else {
            panic!("not a PostgreSQL fixture");
        };
        ::postgres::Client::connect(url, ::postgres::NoTls).unwrap()
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        if let Some((base, schema)) = &self.pg {
            if let Ok(mut client) = ::postgres::Client::connect(base, ::postgres::NoTls) {
                let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
            }
        }
    }
}

/// Declares each test twice: `sqlite::NAME` on a fresh SQLite store and `postgres::NAME` on a
/// fresh PostgreSQL schema (skipped, saying so, without `CASEFILE_TEST_POSTGRES`). The body gets
/// `fx: &Fixture`.
#[macro_export]
macro_rules! backend_tests {
    ($(fn $name:ident($fx:ident) $body:block)*) => {
        mod sqlite {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[test]
                fn $name() {
                    let fixture = $crate::common::Fixture::sqlite();
                    let $fx = &fixture;
                    $body
                }
            )*
        }
        mod postgres {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[test]
                fn $name() {
                    let Some(fixture) = $crate::common::Fixture::postgres() else {
                        return;
                    };
                    let $fx = &fixture;
                    $body
                }
            )*
        }
    };
}

/// Rewrites the SQLite store in `dir` (current schema, no reviews) as schema version `version`
/// (1 to 3) laid it out: layer rows keyed by their document's content hash, and only the tables
/// that version had. For the tests of migrations from real old layouts.
pub fn rewrite_sqlite_as_version(dir: &std::path::Path, version: usize) {
    let file = dir.join("casefile.sqlite");
    let current = dir.join("current.sqlite");
    std::fs::rename(&file, &current).unwrap();
    for side in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.join(format!("casefile.sqlite{side}")));
    }
    let conn = rusqlite::Connection::open(&file).unwrap();
    let migrations = [
        include_str!("../../src/migrations/0001_initial.sql"),
        include_str!("../../src/migrations/0002_reviews.sql"),
        include_str!("../../src/migrations/0003_changes.sql"),
    ];
    for migration in &migrations[..version] {
        conn.execute_batch(migration).unwrap();
    }
    conn.execute("ATTACH DATABASE ?1 AS new", [current.to_str().unwrap()])
        .unwrap();
    conn.execute_batch(
        r#"INSERT INTO documents SELECT * FROM new.documents;
           INSERT INTO sentences SELECT d.id, o.idx, o.start, o."end"
             FROM new.sentences o JOIN documents d ON d.seq = o.document_seq;
           INSERT INTO mentions SELECT d.id, o.idx, o.start, o."end", o.text, o.entity_type,
             o.country, o.legal FROM new.mentions o JOIN documents d ON d.seq = o.document_seq;
           INSERT INTO timexes SELECT d.id, o.idx, o.start, o."end", o.text, o.type, o.value
             FROM new.timexes o JOIN documents d ON d.seq = o.document_seq;
           INSERT INTO events SELECT d.id, o.idx, o.type, o.trigger_start, o.trigger_end,
             o.evidence_start, o.evidence_end, o.date, o.date_timex, o.location, o.sentence,
             o.victim_count, o.modality, o.negated, o.charges, o.legal_basis
             FROM new.events o JOIN documents d ON d.seq = o.document_seq;
           INSERT INTO event_participants SELECT d.id, o.event_idx, o.idx, o.mention_idx, o.role
             FROM new.event_participants o JOIN documents d ON d.seq = o.document_seq;
           INSERT INTO claims SELECT d.id, o.idx, o.quantity, o.qualifier, o.unit, o.retracted,
             o.evidence_start, o.evidence_end, o.claimant
             FROM new.claims o JOIN documents d ON d.seq = o.document_seq;"#,
    )
    .unwrap();
    if version >= 3 {
        conn.execute_batch("UPDATE changes SET counter = (SELECT counter FROM new.changes)")
            .unwrap();
    }
    conn.execute_batch("DETACH DATABASE new").unwrap();
    conn.pragma_update(None, "user_version", version as i64)
        .unwrap();
    // "CFST", the casefile store mark.
    conn.pragma_update(None, "application_id", 0x4346_5354_i64)
        .unwrap();
    drop(conn);
    std::fs::remove_file(&current).unwrap();
}
