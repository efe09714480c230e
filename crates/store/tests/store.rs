//! The store's behaviour on both backends: exact round trips, no-op re-ingestion, re-extraction,
//! ordering, and clear refusals of stores it must not touch. Tests in `backend_tests!` run as
//! `sqlite::NAME` and `postgres::NAME` (the latter with `CASEFILE_TEST_POSTGRES` set, as
//! `scripts/with-postgres` does); the rest concern one backend's files or tables.

mod common;

use casefile_model::{
    AnalyzedDocument, Claim, Document, DocumentId, DocumentMeta, EntityType, EventMention,
    EventType, LegalRef, Mention, MetaField, Modality, PartialDate, Qualifier, Role, SourceFormat,
    Span, Timex, TimexType,
};
use casefile_store::{PutOutcome, SqliteStore, Store, StoreError};
use common::sample;
use proptest::prelude::*;
use rusqlite::Connection;

fn open(dir: &tempfile::TempDir) -> SqliteStore {
    SqliteStore::open(dir.path()).expect("store opens")
}

#[test]
fn a_store_folder_that_is_a_file_is_refused_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("store");
    std::fs::write(&file, b"not a folder").unwrap();
    let err = SqliteStore::open(&file).unwrap_err();
    assert!(matches!(err, StoreError::NotAFolder { .. }), "{err}");
    let message = err.to_string();
    assert!(message.contains(&file.display().to_string()), "{message}");
    assert!(message.contains("not a folder"), "{message}");
    // The file is left as it was.
    assert_eq!(std::fs::read(&file).unwrap(), b"not a folder");
}

#[test]
fn a_missing_store_folder_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a").join("b");
    let store = SqliteStore::open(&nested).unwrap();
    assert!(nested.join("casefile.sqlite").is_file());
    assert_eq!(store.document_count().unwrap(), 0);
}

#[test]
fn a_store_written_by_a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (raw, a) = sample(0, 2);
    {
        let mut store = open(&dir);
        store.put(&raw, &a).unwrap();
        let conn = Connection::open(store.path()).unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, SqliteStore::SCHEMA_VERSION);
        conn.pragma_update(None, "user_version", SqliteStore::SCHEMA_VERSION + 1)
            .unwrap();
    }
    let err = SqliteStore::open(dir.path()).unwrap_err();
    match &err {
        StoreError::NewerSchema { found, known, .. } => {
            assert_eq!(*found, SqliteStore::SCHEMA_VERSION + 1);
            assert_eq!(*known, SqliteStore::SCHEMA_VERSION);
        }
        other => panic!("expected NewerSchema, got {other}"),
    }
    let message = err.to_string();
    assert!(message.contains("casefile.sqlite"), "{message}");
    assert!(message.contains("newer"), "{message}");

    // Refusing did not touch it: put the version back and the document is there.
    let conn = Connection::open(dir.path().join("casefile.sqlite")).unwrap();
    conn.pragma_update(None, "user_version", SqliteStore::SCHEMA_VERSION)
        .unwrap();
    drop(conn);
    assert_eq!(open(&dir).analysis(&a.document.id).unwrap(), Some(a));
}

#[test]
fn a_file_that_is_not_a_database_is_refused_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("casefile.sqlite");
    std::fs::write(&db, vec![b'x'; 4096]).unwrap();
    let err = SqliteStore::open(dir.path()).unwrap_err();
    let message = err.to_string();
    assert!(message.contains(&db.display().to_string()), "{message}");
    assert!(message.contains("not a database"), "{message}");
}

#[test]
fn another_applications_sqlite_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let conn = Connection::open(dir.path().join("casefile.sqlite")).unwrap();
    conn.execute_batch("CREATE TABLE photos (id INTEGER); PRAGMA application_id = 12345;")
        .unwrap();
    drop(conn);
    let err = SqliteStore::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::ForeignDatabase { .. }), "{err}");
    assert!(err.to_string().contains("not a casefile store"), "{err}");
}

#[test]
fn sql_users_see_relational_tables_with_the_models_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    let (raw, a) = sample(0, 12);
    store.put(&raw, &a).unwrap();
    let conn = Connection::open(store.path()).unwrap();
    let strings = |sql: &str| -> Vec<String> {
        let mut st = conn.prepare(sql).unwrap();
        let rows = st.query_map([], |r| r.get(0)).unwrap();
        rows.collect::<rusqlite::Result<_>>().unwrap()
    };
    assert_eq!(
        strings("SELECT DISTINCT entity_type FROM mentions ORDER BY 1"),
        ["legal_provision", "location", "organization", "person"]
    );
    assert!(strings("SELECT type FROM events").contains(&"death_in_custody".to_string()));
    assert_eq!(
        strings("SELECT DISTINCT role FROM event_participants ORDER BY 1"),
        ["perpetrator", "victim"]
    );
    assert_eq!(
        strings("SELECT DISTINCT type FROM timexes ORDER BY 1"),
        ["DATE", "DURATION"]
    );
    assert_eq!(
        strings("SELECT DISTINCT qualifier FROM claims"),
        ["at_least"]
    );
    assert_eq!(
        strings("SELECT published || ' ' || format || ' ' || supplied FROM documents"),
        [r#"1998-04-08 html ["published","source_url"]"#]
    );
    assert_eq!(
        strings("SELECT DISTINCT date FROM events"),
        ["--01-09".to_string()]
    );
    // A JSON column SQL can open.
    assert_eq!(
        strings("SELECT DISTINCT json_extract(legal, '$.article') FROM mentions WHERE legal IS NOT NULL"),
        ["174"]
    );
    // Ingestion time is an audit UTC timestamp, distinct from the publication date.
    let ingested = strings("SELECT ingested_at FROM documents");
    assert!(
        ingested[0].ends_with('Z') && ingested[0].len() == 24,
        "{ingested:?}"
    );
    // A join a web app would make: victims of detentions with the place.
    let victims = strings(
        "SELECT m.text || ' @ ' || l.text FROM events e \
         JOIN event_participants p ON p.document_seq = e.document_seq AND p.event_idx = e.idx \
         JOIN mentions m ON m.document_seq = p.document_seq AND m.idx = p.mention_idx \
         JOIN mentions l ON l.document_seq = e.document_seq AND l.idx = e.location \
         WHERE e.type = 'detention' AND p.role = 'victim'",
    );
    assert_eq!(victims, ["Серік Қалиев-0-1 @ Алматы"]);
    // Foreign keys hold.
    assert!(strings("SELECT 'x' FROM pragma_foreign_key_check").is_empty());
}

#[test]
fn an_empty_database_file_is_initialised_to_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("casefile.sqlite"), b"").unwrap();
    let mut store = open(&dir);
    let (raw, a) = sample(0, 1);
    assert_eq!(store.put(&raw, &a).unwrap(), PutOutcome::Inserted);
    let conn = Connection::open(store.path()).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SqliteStore::SCHEMA_VERSION);
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

backend_tests! {
    fn a_realistic_document_round_trips_exactly(fx) {
        let mut store = fx.open();
        let (raw, analysis) = sample(0, 12);
        assert!(!store.contains(&analysis.document.id).unwrap());
        assert_eq!(store.put(&raw, &analysis).unwrap(), PutOutcome::Inserted);
        assert!(store.contains(&analysis.document.id).unwrap());
        assert_eq!(
            store.analysis(&analysis.document.id).unwrap(),
            Some(analysis.clone())
        );
        assert_eq!(store.raw(&analysis.document.id).unwrap(), Some(raw));
        assert_eq!(store.document_count().unwrap(), 1);
        if let casefile_store::StoreSpec::Sqlite(dir) = &fx.spec {
            assert_eq!(store.path(), dir.join("casefile.sqlite"));
        }
    }

    fn every_metadata_variant_round_trips(fx) {
        let mut store = fx.open();
        // Sample i varies format, publication date granularity (full, --MM-DD, year, none),
        // optional metadata and supplied fields.
        for i in 0..8 {
            let (raw, analysis) = sample(i, 3);
            store.put(&raw, &analysis).unwrap();
            assert_eq!(
                store.analysis(&analysis.document.id).unwrap().as_ref(),
                Some(&analysis),
                "sample {i}"
            );
        }
    }

    fn an_unknown_document_is_none(fx) {
        let store = fx.open();
        let id = DocumentId("0000000000000000".into());
        assert_eq!(store.analysis(&id).unwrap(), None);
        assert_eq!(store.raw(&id).unwrap(), None);
        assert!(!store.contains(&id).unwrap());
    }

    fn putting_the_same_id_twice_is_already_present_and_changes_nothing(fx) {
        let mut store = fx.open();
        let (raw, analysis) = sample(1, 4);
        assert_eq!(store.put(&raw, &analysis).unwrap(), PutOutcome::Inserted);
        let (other_raw, _) = sample(2, 1);
        store.put(&other_raw, &sample(2, 1).1).unwrap();

        // Same id, different everything else: the stored document must not change.
        let mut changed = analysis.clone();
        changed.document.meta.title = Some("another title".into());
        changed.mentions.truncate(1);
        changed.events.clear();
        changed.claims.clear();
        assert_eq!(
            store.put(b"different bytes", &changed).unwrap(),
            PutOutcome::AlreadyPresent
        );
        assert_eq!(
            store.analysis(&analysis.document.id).unwrap(),
            Some(analysis.clone())
        );
        assert_eq!(store.raw(&analysis.document.id).unwrap(), Some(raw));
        assert_eq!(store.document_count().unwrap(), 2);
        // Ingestion order is not disturbed by the second put.
        assert_eq!(
            store.document_ids().unwrap(),
            vec![analysis.document.id.clone(), sample(2, 1).1.document.id]
        );
    }

    fn replace_analysis_swaps_the_layers_and_keeps_raw_bytes_metadata_and_order(fx) {
        let mut store = fx.open();
        let (raw0, first) = sample(0, 6);
        let (raw1, second) = sample(1, 2);
        store.put(&raw0, &first).unwrap();
        store.put(&raw1, &second).unwrap();

        // Better readers: fewer mentions, a new event type, a claim retracted, and metadata the
        // re-extraction must not overwrite.
        let mut better = first.clone();
        better.mentions.truncate(4);
        better.timexes.truncate(1);
        better.events = vec![EventMention {
            event_type: EventType::DeathInCustody,
            trigger: Span::new(0, 10),
            evidence: better.sentences[0],
            restated: Vec::new(),
            participants: vec![(0, Role::Victim), (2, Role::Authority)],
            date: PartialDate::ym(2012, 10),
            date_timex: Some(0),
            location: Some(1),
            legal_basis: vec![3],
            charges: vec![],
            sentence: None,
            victim_count: None,
            modality: Modality::Alleged,
            negated: false,
        }];
        better.claims = vec![Claim {
            quantity: 15,
            qualifier: Qualifier::About,
            unit: "killed".into(),
            retracted: true,
            evidence: better.sentences[1],
            claimant: None,
        }];
        better.document.meta.title = Some("must not replace the stored title".into());
        better.document.source = "elsewhere.txt".into();
        store.replace_analysis(&better).unwrap();

        let stored = store.analysis(&first.document.id).unwrap().unwrap();
        let mut expected = better.clone();
        expected.document.meta = first.document.meta.clone();
        expected.document.source = first.document.source.clone();
        assert_eq!(stored, expected);
        assert_eq!(store.raw(&first.document.id).unwrap(), Some(raw0));
        assert_eq!(
            store.document_ids().unwrap(),
            vec![first.document.id.clone(), second.document.id.clone()]
        );
        // The other document is untouched.
        assert_eq!(store.analysis(&second.document.id).unwrap(), Some(second));

        // Replacing with the original brings it back exactly.
        store.replace_analysis(&first).unwrap();
        assert_eq!(store.analysis(&first.document.id).unwrap(), Some(first));
    }

    fn replace_analysis_of_a_document_not_stored_is_refused(fx) {
        let mut store = fx.open();
        let (_, analysis) = sample(3, 1);
        let err = store.replace_analysis(&analysis).unwrap_err();
        assert!(matches!(err, StoreError::NotStored { .. }), "{err}");
        assert!(err.to_string().contains(analysis.document.id.as_str()));
        assert_eq!(store.document_count().unwrap(), 0);
    }

    fn unicode_text_and_fields_round_trip(fx) {
        let mut store = fx.open();
        // Cyrillic with Kazakh letters, curly quotes, an emoji outside the BMP, combining marks,
        // right-to-left Arabic, a zero-width joiner and a NUL, which SQLite TEXT must keep.
        let text = "«Тоқаев» said: “Қазақстан” 👩‍⚖️ e\u{301} حقوق الإنسان \u{0}end";
        let raw = text.as_bytes().to_vec();
        let id = DocumentId::from_content(&raw);
        let person = Span::new(2, 2 + "Тоқаев".len());
        let mut a = AnalyzedDocument::new(Document {
            id: id.clone(),
            source: "доклад/שלום.txt".into(),
            format: SourceFormat::Text,
            meta: DocumentMeta {
                title: Some("Қазақстан: «адам құқықтары»".into()),
                publisher: Some("Human Rights Watch — Центральная Азия".into()),
                published: PartialDate::md(2, 29),
                reference: Some("№ 57/05/98".into()),
                source_url: Some("https://example.org/ü".into()),
                supplied: [MetaField::Title, MetaField::Reference]
                    .into_iter()
                    .collect(),
            },
            text: text.into(),
        });
        a.sentences.push(Span::new(0, text.len()));
        a.mentions.push(Mention {
            span: person,
            text: "Тоқаев".into(),
            entity_type: EntityType::Person,
            country: None,
            legal: None,
        });
        a.mentions.push(Mention {
            span: Span::new(0, 0),
            text: "Статья 174 Уголовного кодекса".into(),
            entity_type: EntityType::LegalProvision,
            country: Some("KZ".into()),
            legal: Some(LegalRef {
                instrument: Some("Уголовный кодекс".into()),
                article: "174".into(),
                part: Some("2".into()),
                jurisdiction: Some("Қазақстан".into()),
            }),
        });
        a.timexes.push(Timex {
            span: Span::new(1, 2),
            text: "сегодня".into(),
            timex_type: TimexType::Set,
            value: "PRESENT_REF".into(),
        });
        a.events.push(EventMention {
            event_type: EventType::MediaRestriction,
            trigger: person,
            evidence: Span::new(0, text.len()),
            restated: Vec::new(),
            participants: vec![(0, Role::Claimant)],
            date: None,
            date_timex: None,
            location: None,
            legal_basis: vec![1, 1],
            charges: vec!["«разжигание» розни 🔥".into()],
            sentence: Some("P7Y6M".into()),
            victim_count: Some(0),
            modality: Modality::Demanded,
            negated: true,
        });
        a.claims.push(Claim {
            quantity: 10_000,
            qualifier: Qualifier::FewerThan,
            unit: "арестовано".into(),
            retracted: false,
            evidence: person,
            claimant: Some(0),
        });
        store.put(&raw, &a).unwrap();
        assert_eq!(store.analysis(&id).unwrap(), Some(a));

        // Stored as TEXT, readable by any SQL client.
        if fx.is_postgres() {
            // PostgreSQL TEXT cannot hold the NUL: it is stored escaped, the rest as it is.
            let stored: String = fx
                .pg_client()
                .query_one("SELECT text FROM documents WHERE id = $1", &[&id.as_str()])
                .unwrap()
                .get(0);
            assert_eq!(stored, text.replace('\0', "\u{FFFF}0"));
        } else {
            let conn = Connection::open(store.path()).unwrap();
            let (stored, kind): (String, String) = conn
                .query_row(
                    "SELECT text, typeof(text) FROM documents WHERE id = ?1",
                    [id.as_str()],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap();
            assert_eq!((stored.as_str(), kind.as_str()), (text, "text"));
        }
    }

    fn document_ids_follow_ingestion_order_not_id_order(fx) {
        let mut store = fx.open();
        let mut expected = Vec::new();
        for i in [5, 3, 9, 0, 7] {
            let (raw, a) = sample(i, 1);
            store.put(&raw, &a).unwrap();
            expected.push(a.document.id);
        }
        assert_ne!(expected, {
            let mut sorted = expected.clone();
            sorted.sort();
            sorted
        });
        assert_eq!(store.document_ids().unwrap(), expected);
        assert_eq!(store.document_count().unwrap(), 5);
        // And after reopening.
        drop(store);
        assert_eq!(fx.open().document_ids().unwrap(), expected);
    }

    fn for_each_analysis_visits_every_document_in_order_across_pages(fx) {
        let mut store = fx.open();
        // More than one page of ids (256).
        let mut expected = Vec::new();
        for i in 0..300 {
            let (raw, a) = sample(i, 1 + i % 2);
            store.put(&raw, &a).unwrap();
            expected.push(a);
        }
        let mut seen = Vec::new();
        store
            .for_each_analysis(&mut |a| {
                seen.push(a);
                Ok(())
            })
            .unwrap();
        assert_eq!(seen.len(), expected.len());
        assert!(seen == expected, "analyses differ or are out of order");
    }

    fn for_each_analysis_stops_at_the_first_error_of_its_function(fx) {
        let mut store = fx.open();
        for i in 0..5 {
            let (raw, a) = sample(i, 1);
            store.put(&raw, &a).unwrap();
        }
        let mut calls = 0;
        let err = store
            .for_each_analysis(&mut |_| {
                calls += 1;
                if calls == 2 {
                    Err(StoreError::consumer("index full"))
                } else {
                    Ok(())
                }
            })
            .unwrap_err();
        assert_eq!(calls, 2);
        assert_eq!(err.to_string(), "index full");
    }

    fn for_each_analysis_lets_its_function_read_the_store(fx) {
        let mut store = fx.open();
        for i in 0..3 {
            let (raw, a) = sample(i, 1);
            store.put(&raw, &a).unwrap();
        }
        let mut raw_bytes = 0;
        store
            .for_each_analysis(&mut |a| {
                raw_bytes += store.raw(&a.document.id)?.unwrap().len();
                assert_eq!(store.analysis(&a.document.id)?, Some(a));
                Ok(())
            })
            .unwrap();
        assert!(raw_bytes > 0);
    }

    fn an_analysis_pointing_at_a_missing_mention_is_refused_and_nothing_is_stored(fx) {
        let mut store = fx.open();
        let (raw, mut a) = sample(0, 2);
        a.events[1].participants.push((99, Role::Victim));
        let err = store.put(&raw, &a).unwrap_err();
        assert!(matches!(err, StoreError::InvalidAnalysis { .. }), "{err}");
        let message = err.to_string();
        assert!(
            message.contains("event 1's participant names mention 99"),
            "{message}"
        );
        assert!(message.contains(a.document.id.as_str()), "{message}");
        assert_eq!(store.document_count().unwrap(), 0);
    }

    fn a_batch_stores_in_order_and_an_invalid_document_stops_it_keeping_those_before(fx) {
        let mut store = fx.open();
        let docs: Vec<(Vec<u8>, AnalyzedDocument)> = (0..5).map(|i| sample(i, 3)).collect();
        let mut bad = docs[3].1.clone();
        bad.events[1].participants.push((99, Role::Victim));
        // 0, 1, 0 again (already present within the batch), 2, then the invalid 3, then 4.
        let batch: Vec<(&[u8], &AnalyzedDocument)> = vec![
            (&docs[0].0, &docs[0].1),
            (&docs[1].0, &docs[1].1),
            (&docs[0].0, &docs[0].1),
            (&docs[2].0, &docs[2].1),
            (&docs[3].0, &bad),
            (&docs[4].0, &docs[4].1),
        ];
        let (outcomes, error) = store.put_batch(&batch);
        assert_eq!(
            outcomes,
            vec![
                PutOutcome::Inserted,
                PutOutcome::Inserted,
                PutOutcome::AlreadyPresent,
                PutOutcome::Inserted
            ]
        );
        let err = error.expect("the invalid document stops the batch");
        assert!(matches!(err, StoreError::InvalidAnalysis { .. }), "{err}");
        assert!(err.to_string().contains(bad.document.id.as_str()), "{err}");
        // The documents before it are whole and in order; it and those after it are absent.
        let ids: Vec<DocumentId> = docs[..3].iter().map(|d| d.1.document.id.clone()).collect();
        assert_eq!(store.document_ids().unwrap(), ids);
        // A following server sees each stored document as a change, and nothing of the rolled
        // back part.
        assert_eq!(store.changes().unwrap(), 3);
        for (raw, a) in &docs[..3] {
            assert_eq!(store.analysis(&a.document.id).unwrap().as_ref(), Some(a));
            assert_eq!(store.raw(&a.document.id).unwrap().as_ref(), Some(raw));
        }
        // A later batch goes on from there, as a second ingest run does.
        let rest: Vec<(&[u8], &AnalyzedDocument)> =
            docs.iter().map(|(r, a)| (r.as_slice(), a)).collect();
        let (outcomes, error) = store.put_batch(&rest);
        assert!(error.is_none());
        assert_eq!(
            outcomes.iter().filter(|o| **o == PutOutcome::Inserted).count(),
            2
        );
        assert_eq!(store.document_count().unwrap(), 5);
        assert_eq!(store.changes().unwrap(), 5);
        let (outcomes, error) = store.put_batch(&[]);
        assert!(outcomes.is_empty() && error.is_none());
        assert_eq!(store.changes().unwrap(), 5);
    }

    fn a_number_beyond_sql_integers_is_refused_and_the_transaction_rolled_back(fx) {
        let mut store = fx.open();
        let (raw, mut a) = sample(0, 3);
        // The claim is written after the document row and every other layer: a refusal there must
        // roll all of them back.
        a.claims[2].quantity = u64::MAX;
        let err = store.put(&raw, &a).unwrap_err();
        assert!(matches!(err, StoreError::InvalidAnalysis { .. }), "{err}");
        assert!(err.to_string().contains("quantity"), "{err}");
        assert!(!store.contains(&a.document.id).unwrap());
        for table in [
            "documents",
            "sentences",
            "mentions",
            "timexes",
            "events",
            "claims",
        ] {
            assert_eq!(fx.count_rows(table), 0, "{table}");
        }
        // The store still works afterwards.
        a.claims[2].quantity = 3;
        assert_eq!(store.put(&raw, &a).unwrap(), PutOutcome::Inserted);
    }

    fn the_store_is_usable_as_a_trait_object_and_moves_across_threads(fx) {
        // Readers take `&dyn Store` so a second backend fits without touching them; a pipeline's
        // writer thread owns the store.
        fn assert_send<T: Send>() {}
        assert_send::<SqliteStore>();
        assert_send::<casefile_store::PostgresStore>();
        assert_send::<casefile_store::AnyStore>();
        // Errors travel through anyhow and across threads.
        fn assert_error<T: std::error::Error + Send + Sync + 'static>() {}
        assert_error::<StoreError>();
        let store: Box<dyn Store + Send> = Box::new(fx.open());
        let count = std::thread::spawn(move || store.document_count().unwrap())
            .join()
            .unwrap();
        assert_eq!(count, 0);
    }

    fn the_ingest_log_lists_documents_in_order_with_their_sizes(fx) {
        let mut store = fx.open();
        let mut expected = Vec::new();
        for i in [3, 1] {
            let (raw, a) = sample(i, 2);
            store.put(&raw, &a).unwrap();
            let d = &a.document;
            expected.push((d.id.clone(), d.source.clone(), raw.len() as u64, d.text.len() as u64));
        }
        let log = store.ingest_log().unwrap();
        let got: Vec<_> = log
            .iter()
            .map(|e| (e.id.clone(), e.source.clone(), e.raw_bytes, e.text_bytes))
            .collect();
        assert_eq!(got, expected);
        assert_eq!(log[0].format, "markdown");
        assert!(log.iter().all(|e| e.ingested_at.ends_with('Z')), "{log:?}");
        // Pages of it, newest first.
        assert_eq!(store.ingest_log_newest(0, 1).unwrap(), vec![log[1].clone()]);
        assert_eq!(store.ingest_log_newest(0, 9).unwrap(), vec![log[1].clone(), log[0].clone()]);
        assert_eq!(store.ingest_log_newest(1, 9).unwrap(), vec![log[0].clone()]);
        assert_eq!(store.ingest_log_newest(2, 9).unwrap(), vec![]);
    }

    fn texts_are_read_alone_and_together_in_the_order_asked(fx) {
        let mut store = fx.open();
        let (raw_a, a) = sample(5, 2);
        let (raw_b, b) = sample(6, 3);
        store.put(&raw_a, &a).unwrap();
        store.put(&raw_b, &b).unwrap();
        let (ida, idb) = (a.document.id.clone(), b.document.id.clone());
        let missing = casefile_model::DocumentId("0000000000000000".into());
        assert_eq!(store.text(&ida).unwrap(), Some(a.document.text.clone()));
        assert_eq!(store.text(&missing).unwrap(), None);
        assert_eq!(
            store.texts(&[idb, missing, ida]).unwrap(),
            vec![Some(b.document.text.clone()), None, Some(a.document.text.clone())]
        );
        assert_eq!(store.texts(&[]).unwrap(), Vec::<Option<String>>::new());
    }

    fn two_handles_on_one_store_see_each_others_commits(fx) {
        let mut writer = fx.open();
        let reader = fx.open();
        let (raw, a) = sample(4, 2);
        writer.put(&raw, &a).unwrap();
        assert_eq!(reader.analysis(&a.document.id).unwrap(), Some(a.clone()));
        let mut other = fx.open();
        assert_eq!(other.put(&raw, &a).unwrap(), PutOutcome::AlreadyPresent);
    }
}

// ---- PostgreSQL only: its schema table and what SQL users see ----

#[test]
fn postgres_a_database_written_by_a_newer_schema_is_refused() {
    let Some(fx) = common::Fixture::postgres() else {
        return;
    };
    let (raw, a) = sample(0, 2);
    fx.open().put(&raw, &a).unwrap();
    let known = casefile_store::PostgresStore::SCHEMA_VERSION;
    let mut client = fx.pg_client();
    let version: i64 = client
        .query_one("SELECT version FROM casefile_schema", &[])
        .unwrap()
        .get(0);
    assert_eq!(version, known);
    client
        .execute("UPDATE casefile_schema SET version = $1", &[&(known + 1)])
        .unwrap();
    let err = fx.spec.open().unwrap_err();
    assert!(
        matches!(err, StoreError::NewerSchema { found, .. } if found == known + 1),
        "{err}"
    );
    assert!(err.to_string().contains("newer"), "{err}");
    // Refusing did not touch it.
    client
        .execute("UPDATE casefile_schema SET version = $1", &[&known])
        .unwrap();
    assert_eq!(fx.open().analysis(&a.document.id).unwrap(), Some(a));
}

#[test]
fn postgres_another_applications_documents_table_is_refused() {
    let Some(fx) = common::Fixture::postgres() else {
        return;
    };
    fx.pg_client()
        .batch_execute("CREATE TABLE documents (id INTEGER)")
        .unwrap();
    let err = fx.spec.open().unwrap_err();
    assert!(matches!(err, StoreError::NotCasefile { .. }), "{err}");
    assert!(err.to_string().contains("not a casefile store"), "{err}");
}

#[test]
fn postgres_a_wrong_password_is_reported_without_it() {
    let Some(fx) = common::Fixture::postgres() else {
        return;
    };
    let casefile_store::StoreSpec::Postgres(url) = &fx.spec else {
        unreachable!()
    };
    // A database that does not exist: the message names it, never a password.
    let bad = url
        .replace("://casefile@", "://casefile:hunter2@")
        .replace("/casefile_test", "/no_such_db");
    let err = casefile_store::open(&bad).unwrap_err();
    let message = err.to_string();
    assert!(matches!(err, StoreError::Postgres { .. }), "{message}");
    assert!(!message.contains("hunter2"), "{message}");
}

#[test]
fn postgres_sql_users_see_relational_tables_with_the_models_names() {
    let Some(fx) = common::Fixture::postgres() else {
        return;
    };
    let (raw, a) = sample(0, 12);
    fx.open().put(&raw, &a).unwrap();
    let mut client = fx.pg_client();
    let mut strings = |sql: &str| -> Vec<String> {
        client
            .query(sql, &[])
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect()
    };
    assert_eq!(
        strings("SELECT DISTINCT entity_type FROM mentions ORDER BY 1"),
        ["legal_provision", "location", "organization", "person"]
    );
    assert_eq!(
        strings("SELECT DISTINCT role FROM event_participants ORDER BY 1"),
        ["perpetrator", "victim"]
    );
    assert_eq!(
        strings("SELECT published || ' ' || format || ' ' || supplied FROM documents"),
        [r#"1998-04-08 html ["published","source_url"]"#]
    );
    // JSON columns cast to jsonb.
    assert_eq!(
        strings("SELECT DISTINCT legal::jsonb ->> 'article' FROM mentions WHERE legal IS NOT NULL"),
        ["174"]
    );
    let victims = strings(
        "SELECT m.text || ' @ ' || l.text FROM events e \
         JOIN event_participants p ON p.document_id = e.document_id AND p.event_idx = e.idx \
         JOIN mentions m ON m.document_id = p.document_id AND m.idx = p.mention_idx \
         JOIN mentions l ON l.document_id = e.document_id AND l.idx = e.location \
         WHERE e.type = 'detention' AND p.role = 'victim'",
    );
    assert_eq!(victims, ["Серік Қалиев-0-1 @ Алматы"]);
    let log = fx.open().ingest_log().unwrap();
    assert_eq!(log.len(), 1);
    assert!(
        log[0].ingested_at.ends_with('Z') && log[0].ingested_at.len() == 24,
        "{log:?}"
    );
    assert_eq!(log[0].raw_bytes, raw.len() as u64);
    assert_eq!(log[0].text_bytes, a.document.text.len() as u64);
}

// ---- property: any analysis the model can express round-trips exactly ----

fn span() -> impl Strategy<Value = Span> {
    (0usize..100_000, 0usize..1_000).prop_map(|(start, len)| Span::new(start, start + len))
}

fn date() -> impl Strategy<Value = Option<PartialDate>> {
    prop_oneof![
        Just(None),
        (1i32..=9999).prop_map(|y| Some(PartialDate::y(y))),
        (1i32..=9999, 1u8..=12).prop_map(|(y, m)| PartialDate::ym(y, m)),
        (1i32..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| PartialDate::ymd(y, m, d)),
        (1u8..=12, 1u8..=29).prop_map(|(m, d)| PartialDate::md(m, d)),
        (1u8..=12).prop_map(|m| PartialDate::checked(None, Some(m), None)),
    ]
}

fn text() -> impl Strategy<Value = String> {
    // Any Unicode, weighted towards the scripts the corpus has.
    prop_oneof![any::<String>(), "[a-zA-Z ҚқӘәТтоаев«»“”👮\n]{0,40}"]
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

fn entity_type() -> impl Strategy<Value = EntityType> {
    prop_oneof![
        Just(EntityType::Person),
        Just(EntityType::Organization),
        Just(EntityType::Location),
        Just(EntityType::LegalProvision),
        Just(EntityType::Misc),
    ]
}

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![
        Just(Role::Victim),
        Just(Role::Perpetrator),
        Just(Role::Authority),
        Just(Role::Participant),
        Just(Role::Claimant),
    ]
}

fn modality() -> impl Strategy<Value = Modality> {
    prop_oneof![
        Just(Modality::Asserted),
        Just(Modality::Alleged),
        Just(Modality::Denied),
        Just(Modality::Demanded),
        Just(Modality::Scheduled),
    ]
}

fn qualifier() -> impl Strategy<Value = Qualifier> {
    prop_oneof![
        Just(Qualifier::Exact),
        Just(Qualifier::AtLeast),
        Just(Qualifier::MoreThan),
        Just(Qualifier::About),
        Just(Qualifier::UpTo),
        Just(Qualifier::FewerThan),
    ]
}

fn timex_type() -> impl Strategy<Value = TimexType> {
    prop_oneof![
        Just(TimexType::Date),
        Just(TimexType::Time),
        Just(TimexType::Duration),
        Just(TimexType::Set),
    ]
}

fn format() -> impl Strategy<Value = SourceFormat> {
    prop_oneof![
        Just(SourceFormat::Text),
        Just(SourceFormat::Markdown),
        Just(SourceFormat::Html),
        Just(SourceFormat::Pdf),
    ]
}

fn meta_field() -> impl Strategy<Value = MetaField> {
    prop_oneof![
        Just(MetaField::Title),
        Just(MetaField::Publisher),
        Just(MetaField::Published),
        Just(MetaField::Reference),
        Just(MetaField::SourceUrl),
    ]
}

fn legal() -> impl Strategy<Value = Option<LegalRef>> {
    proptest::option::of((opt_text(), text(), opt_text(), opt_text()).prop_map(
        |(instrument, article, part, jurisdiction)| LegalRef {
            instrument,
            article,
            part,
            jurisdiction,
        },
    ))
}

fn mention() -> impl Strategy<Value = Mention> {
    (span(), text(), entity_type(), opt_text(), legal()).prop_map(
        |(span, text, entity_type, country, legal)| Mention {
            span,
            text,
            entity_type,
            country,
            legal,
        },
    )
}

fn timex() -> impl Strategy<Value = Timex> {
    (span(), text(), timex_type(), text()).prop_map(|(span, text, timex_type, value)| Timex {
        span,
        text,
        timex_type,
        value,
    })
}

/// An event whose indexes point into `mentions` mentions and `timexes` time expressions.
fn event(mentions: usize, timexes: usize) -> impl Strategy<Value = EventMention> {
    // Only called when there are mentions: an empty range is not a strategy.
    let mention_idx = move || 0..mentions;
    let participants = if mentions == 0 {
        Just(Vec::new()).boxed()
    } else {
        proptest::collection::vec((mention_idx(), role()), 0..4).boxed()
    };
    let opt_mention = if mentions == 0 {
        Just(None).boxed()
    } else {
        proptest::option::of(mention_idx()).boxed()
    };
    let legal_basis = if mentions == 0 {
        Just(Vec::new()).boxed()
    } else {
        proptest::collection::vec(mention_idx(), 0..3).boxed()
    };
    let date_timex = if timexes == 0 {
        Just(None).boxed()
    } else {
        proptest::option::of(0..timexes).boxed()
    };
    let event_type = (0..EventType::ALL.len()).prop_map(|i| EventType::ALL[i]);
    (
        (
            event_type,
            span(),
            span(),
            proptest::collection::vec(span(), 0..3),
            participants,
            date(),
            date_timex,
        ),
        (
            opt_mention,
            legal_basis,
            proptest::collection::vec(text(), 0..3),
            proptest::option::of("P[0-9]{1,2}Y([0-9]{1,2}M)?"),
            proptest::option::of(0u64..=i64::MAX as u64),
            modality(),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (event_type, trigger, evidence, restated, participants, date, date_timex),
                (location, legal_basis, charges, sentence, victim_count, modality, negated),
            )| EventMention {
                event_type,
                trigger,
                evidence,
                restated,
                participants,
                date,
                date_timex,
                location,
                legal_basis,
                charges,
                sentence,
                victim_count,
                modality,
                negated,
            },
        )
}

fn claim(mentions: usize) -> impl Strategy<Value = Claim> {
    let claimant = if mentions == 0 {
        Just(None).boxed()
    } else {
        proptest::option::of(0..mentions).boxed()
    };
    (
        0u64..=i64::MAX as u64,
        qualifier(),
        text(),
        any::<bool>(),
        span(),
        claimant,
    )
        .prop_map(
            |(quantity, qualifier, unit, retracted, evidence, claimant)| Claim {
                quantity,
                qualifier,
                unit,
                retracted,
                evidence,
                claimant,
            },
        )
}

fn analysis() -> impl Strategy<Value = (Vec<u8>, AnalyzedDocument)> {
    let meta = (
        opt_text(),
        opt_text(),
        date(),
        opt_text(),
        opt_text(),
        proptest::collection::btree_set(meta_field(), 0..5),
    )
        .prop_map(
            |(title, publisher, published, reference, source_url, supplied)| DocumentMeta {
                title,
                publisher,
                published,
                reference,
                source_url,
                supplied,
            },
        );
    (
        proptest::collection::vec(any::<u8>(), 0..200),
        text(),
        format(),
        meta,
        text(),
        // Up to past two chunks of 32 rows and one of 8: the SQLite backend inserts these layers
        // with multi-row statements of 32, 8 and 1 rows.
        proptest::collection::vec(span(), 0..80),
        proptest::collection::vec(mention(), 0..50),
        proptest::collection::vec(timex(), 0..45),
    )
        .prop_flat_map(
            |(raw, source, format, meta, text, sentences, mentions, timexes)| {
                let (m, t) = (mentions.len(), timexes.len());
                (
                    Just((
                        raw, source, format, meta, text, sentences, mentions, timexes,
                    )),
                    proptest::collection::vec(event(m, t), 0..5),
                    proptest::collection::vec(claim(m), 0..4),
                )
            },
        )
        .prop_map(
            |((raw, source, format, meta, text, sentences, mentions, timexes), events, claims)| {
                let id = DocumentId::from_content(&raw);
                let analysis = AnalyzedDocument {
                    document: Document {
                        id,
                        source,
                        format,
                        meta,
                        text,
                    },
                    sentences,
                    mentions,
                    timexes,
                    events,
                    claims,
                };
                (raw, analysis)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_analysis_round_trips_exactly_sqlite((raw, a) in analysis()) {
        round_trips(&common::Fixture::sqlite(), raw, a)?;
    }

    #[test]
    fn any_analysis_round_trips_exactly_postgres((raw, a) in analysis()) {
        if let Some(fx) = common::Fixture::postgres() {
            round_trips(&fx, raw, a)?;
        }
    }
}

fn round_trips(
    fx: &common::Fixture,
    raw: Vec<u8>,
    a: AnalyzedDocument,
) -> std::result::Result<(), TestCaseError> {
    let mut store = fx.open();
    prop_assert_eq!(store.put(&raw, &a).unwrap(), PutOutcome::Inserted);
    prop_assert_eq!(store.analysis(&a.document.id).unwrap(), Some(a.clone()));
    prop_assert_eq!(store.raw(&a.document.id).unwrap(), Some(raw));
    // And a replacement by itself is a no-op.
    store.replace_analysis(&a).unwrap();
    prop_assert_eq!(store.analysis(&a.document.id).unwrap(), Some(a));
    Ok(())
}

#[test]
fn a_version_3_store_is_migrated_with_every_layer_intact() {
    let new = tempfile::tempdir().unwrap();
    let old = tempfile::tempdir().unwrap();
    let mut written = Vec::new();
    {
        let mut store = open(&new);
        for i in 0..5 {
            let (raw, a) = sample(i, 3 + i);
            assert_eq!(store.put(&raw, &a).unwrap(), PutOutcome::Inserted);
            written.push(a);
        }
    }
    let changes_before = open(&new).changes().unwrap();
    std::fs::copy(
        new.path().join("casefile.sqlite"),
        old.path().join("casefile.sqlite"),
    )
    .unwrap();
    common::rewrite_sqlite_as_version(old.path(), 3);

    let mut store = open(&old);
    // Every layer reads back as written, in ingestion order, with the change counter kept; the
    // passages restating an event came with version 5, so a version-3 store has none.
    let mut expected = written.clone();
    for e in expected.iter_mut().flat_map(|a| a.events.iter_mut()) {
        e.restated.clear();
    }
    assert_eq!(store.analyses().unwrap(), expected);
    assert_eq!(store.changes().unwrap(), changes_before);
    // The migrated store takes new documents and replaced analyses like a new one.
    let (raw, a) = sample(9, 4);
    assert_eq!(store.put(&raw, &a).unwrap(), PutOutcome::Inserted);
    let mut replaced = written[2].clone();
    replaced.events.clear();
    store.replace_analysis(&replaced).unwrap();
    assert_eq!(
        store.analysis(&replaced.document.id).unwrap().as_ref(),
        Some(&replaced)
    );
    assert_eq!(store.analysis(&a.document.id).unwrap().as_ref(), Some(&a));
    drop(store);

    let conn = Connection::open(old.path().join("casefile.sqlite")).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SqliteStore::SCHEMA_VERSION);
    let dangling: i64 = conn
        .query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(dangling, 0);
    // No table of the old layout is left behind, and every layer is keyed by ingestion number.
    let old_tables: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'old_%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(old_tables, 0);
    for table in [
        "sentences",
        "mentions",
        "timexes",
        "events",
        "event_participants",
        "claims",
    ] {
        let first: String = conn
            .query_row(
                "SELECT name FROM pragma_table_info(?1) WHERE cid = 0",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(first, "document_seq", "{table}");
    }
}
