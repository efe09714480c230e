//! The review log: judgements are appended, read back in order with their anchors, survive
//! reopening and re-extraction, and a version-1 store gains the log by migration; on both
//! backends (`sqlite::NAME`, `postgres::NAME`).

mod common;

use casefile_model::{EntityType, EventType, Evidence};
use casefile_store::{
    NewReview, PostgresStore, ReviewAction, ReviewAnchor, ReviewInput, SqliteStore, Store,
    StoreError,
};
use common::sample;

fn merge(target: &str, other: &str) -> NewReview {
    NewReview {
        input: ReviewInput {
            target: target.into(),
            action: ReviewAction::Merge,
            value: Some(serde_json::json!(other)),
            note: Some("same man, two spellings".into()),
        },
        anchor: Some(ReviewAnchor::Entity {
            entity_type: EntityType::Person,
            name: "Vladimir Kozlov".into(),
            names: vec!["Vladimir Kozlov".into()],
        }),
        value_anchor: Some(ReviewAnchor::Entity {
            entity_type: EntityType::Person,
            name: "Vladimir Koslov".into(),
            names: vec!["Vladimir Koslov".into(), "Koslov".into()],
        }),
        user: "alice".into(),
    }
}

backend_tests! {
    fn reviews_are_read_back_in_order_with_their_anchors(fx) {
        let mut store = fx.open();
        assert!(store.reviews().unwrap().is_empty());
        let first = store.record_review(&merge("per-a", "per-b")).unwrap();
        let (_, analysis) = sample(0, 4);
        let reject = NewReview {
            input: ReviewInput {
                target: "evt-1".into(),
                action: ReviewAction::Reject,
                value: None,
                note: None,
            },
            anchor: Some(ReviewAnchor::Event {
                event_type: EventType::Arrest,
                sources: vec![Evidence {
                    document: analysis.document.id.clone(),
                    start: 0,
                    end: 5,
                    text: "Fives".into(),
                }],
            }),
            value_anchor: None,
            user: " bob ".into(),
        };
        let second = store.record_review(&reject).unwrap();
        assert!(second.id > first.id);
        assert_eq!(second.user, "bob", "user names are trimmed");
        assert!(first.created_at.ends_with('Z') && first.created_at.len() == 20);
        let all = store.reviews().unwrap();
        assert_eq!(all, vec![first.clone(), second.clone()]);
        assert_eq!(all[0].value, Some(serde_json::json!("per-b")));
        assert_eq!(all[0].value_anchor, merge("", "").value_anchor);

        // Reopening, storing and re-extracting documents leave the log alone.
        drop(store);
        let mut store = fx.open();
        let (raw, analysis) = sample(1, 3);
        store.put(&raw, &analysis).unwrap();
        store.replace_analysis(&analysis).unwrap();
        assert_eq!(store.reviews().unwrap(), vec![first, second]);
    }

    fn a_review_without_a_user_is_refused_and_nothing_is_recorded(fx) {
        let mut store = fx.open();
        let mut review = merge("per-a", "per-b");
        review.user = "  ".into();
        let err = store.record_review(&review).unwrap_err();
        assert!(matches!(err, StoreError::InvalidReview { .. }), "{err}");
        let where_ = store.path().display().to_string();
        assert!(err.to_string().contains(&where_), "{err}");
        review.user = "a\u{7}b".into();
        assert!(store.record_review(&review).is_err());
        assert!(store.reviews().unwrap().is_empty());
    }

    fn a_version_1_store_gains_the_review_log_and_keeps_its_documents(fx) {
        let (raw, analysis) = sample(2, 3);
        {
            let mut store = fx.open();
            store.put(&raw, &analysis).unwrap();
        }
        // Turn it back into what a version-1 build wrote: no reviews table (nor the later
        // ones), user_version 1.
        if fx.is_postgres() {
            fx.execute(
                "DROP TABLE reviews, queue, queue_claims, changes; \
                 ALTER TABLE events DROP COLUMN restated; \
                 UPDATE casefile_schema SET version = 1;",
            );
        } else if let casefile_store::StoreSpec::Sqlite(dir) = &fx.spec {
            common::rewrite_sqlite_as_version(dir, 1);
        }
        let mut store = fx.open();
        // A version-1 store never held the passages that restate an event (version 5 added
        // them): everything else comes back as stored.
        let mut expected = analysis.clone();
        for e in &mut expected.events {
            e.restated.clear();
        }
        assert_eq!(store.analysis(&analysis.document.id).unwrap(), Some(expected));
        store.record_review(&merge("per-a", "per-b")).unwrap();
        assert_eq!(store.reviews().unwrap().len(), 1);
        if fx.is_postgres() {
            let version: i64 = fx
                .pg_client()
                .query_one("SELECT version FROM casefile_schema", &[])
                .unwrap()
                .get(0);
            assert_eq!(version, PostgresStore::SCHEMA_VERSION);
        } else {
            let conn = rusqlite::Connection::open(store.path()).unwrap();
            let version: i64 = conn
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .unwrap();
            assert_eq!(version, SqliteStore::SCHEMA_VERSION);
        }
    }

    fn every_change_raises_the_change_counter_once(fx) {
        let mut store = fx.open();
        assert_eq!(store.changes().unwrap(), 0);
        let (raw, analysis) = sample(3, 2);
        store.put(&raw, &analysis).unwrap();
        assert_eq!(store.changes().unwrap(), 1);
        // Putting the same document again changes nothing, so counts nothing.
        store.put(&raw, &analysis).unwrap();
        assert_eq!(store.changes().unwrap(), 1);
        store.replace_analysis(&analysis).unwrap();
        assert_eq!(store.changes().unwrap(), 2);
        store.record_review(&merge("per-a", "per-b")).unwrap();
        assert_eq!(store.changes().unwrap(), 3);
        // Another connection sees the same number.
        assert_eq!(fx.open().changes().unwrap(), 3);
    }

    fn a_corrupt_review_row_is_reported_not_skipped(fx) {
        let mut store = fx.open();
        store.record_review(&merge("per-a", "per-b")).unwrap();
        fx.execute("UPDATE reviews SET action = 'approve'");
        let err = store.reviews().unwrap_err();
        assert!(err.to_string().contains("unknown action"), "{err}");
    }
}
