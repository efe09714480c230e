//! The search index in `STORE/index/`: made on first open, kept when nothing changed, updated
//! item by item, rebuilt from scratch by `reindex`, and rebuilt when unreadable.

mod common;

use casefile_model::{KnowledgeBase, PartialDate};
use casefile_serve::{index_dir, reindex, update_index, AppState, IndexSync};
use casefile_store::{SqliteStore, Store};
use std::path::Path;

fn knowledge_base(dir: &Path) -> KnowledgeBase {
    let store = SqliteStore::open(dir).unwrap();
    casefile_resolve::resolve_reviewed(&store.analyses().unwrap(), &store.reviews().unwrap()).kb
}

fn items(kb: &KnowledgeBase) -> usize {
    kb.documents.len() + kb.entities.len()
}

/// Ids of the hits of `q` on a state opened afresh on `dir`.
fn hits(dir: &Path, q: &str) -> Vec<String> {
    hits_in(AppState::open(dir).unwrap(), q)
}

/// Ids of the hits of `q` on `state`.
fn hits_in(state: AppState, q: &str) -> Vec<String> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    rt.block_on(async {
        use tower::ServiceExt;
        let app = casefile_serve::router(state);
        let response = app
            .oneshot(
                axum::http::Request::get(format!("/api/search?q={q}"))
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect()
    })
}

#[test]
fn the_index_is_kept_on_disk_and_only_changes_are_reindexed() {
    let dir = tempfile::tempdir().unwrap();
    common::build_store(dir.path());
    assert!(!index_dir(dir.path()).exists());
    assert!(!hits(dir.path(), "Kozlov").is_empty());
    assert!(index_dir(dir.path()).join("meta.json").exists());

    // Opened again with the same record: nothing to index.
    let kb = knowledge_base(dir.path());
    let n = items(&kb);
    assert_eq!(
        update_index(dir.path(), &kb).unwrap(),
        IndexSync {
            added: 0,
            removed: 0,
            unchanged: n
        }
    );

    // A new document with a new person: that document and that person are indexed, the rest kept.
    {
        let mut store = SqliteStore::open(dir.path()).unwrap();
        let raw = b"a third report";
        store
            .put(
                raw,
                &common::detention_document(raw, "Maria Petrova", PartialDate::y(2001)),
            )
            .unwrap();
    }
    let kb = knowledge_base(dir.path());
    let sync = update_index(dir.path(), &kb).unwrap();
    assert_eq!(sync.added + sync.unchanged, items(&kb), "{sync:?}");
    assert!(sync.added >= 2, "the document and Petrova: {sync:?}");
    assert!(
        sync.unchanged >= 2,
        "the first documents are kept: {sync:?}"
    );
    assert_eq!(hits(dir.path(), "Petrova").len(), 2, "entity and document");

    // reindex starts from nothing.
    let sync = reindex(dir.path(), &kb).unwrap();
    assert_eq!(
        sync,
        IndexSync {
            added: items(&kb),
            removed: 0,
            unchanged: 0
        }
    );
    assert_eq!(hits(dir.path(), "Petrova").len(), 2);
}

#[test]
fn a_removed_item_leaves_the_index() {
    let dir = tempfile::tempdir().unwrap();
    common::build_store(dir.path());
    let mut kb = knowledge_base(dir.path());
    update_index(dir.path(), &kb).unwrap();
    let gone = kb.documents.pop().unwrap();
    let sync = update_index(dir.path(), &kb).unwrap();
    assert_eq!(sync.removed, 1, "{sync:?}");
    assert_eq!(sync.added, 0, "{sync:?}");
    // The server's own sync puts it back: the store still has it.
    let state = AppState::open(dir.path()).unwrap();
    assert!(state.snapshot().document(gone.id.as_str()).is_some());
    assert_eq!(
        update_index(dir.path(), &knowledge_base(dir.path()))
            .unwrap()
            .added,
        0
    );
}

#[test]
fn an_unreadable_index_is_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    common::build_store(dir.path());
    let index = index_dir(dir.path());
    std::fs::create_dir_all(&index).unwrap();
    std::fs::write(index.join("meta.json"), "not an index").unwrap();
    assert!(!hits(dir.path(), "Kozlov").is_empty());
    let kb = knowledge_base(dir.path());
    assert_eq!(update_index(dir.path(), &kb).unwrap().added, 0);
}

#[test]
fn the_server_follows_what_another_process_stores_and_reviews() {
    let dir = tempfile::tempdir().unwrap();
    common::build_store(dir.path());
    let state = AppState::open(dir.path()).unwrap();
    assert_eq!(state.follow().unwrap(), None, "nothing changed");
    let before = state.snapshot().kb.documents.len();
    assert!(hits_in(state.clone(), "Zhanuzakov").is_empty());

    // Another process (another connection) stores a document.
    let raw = b"a later report about Zhanuzakov";
    let date = PartialDate::ymd(2021, 3, 3).unwrap();
    let mut other = SqliteStore::open(dir.path()).unwrap();
    other
        .put(
            raw,
            &common::detention_document(raw, "Bolat Zhanuzakov", date),
        )
        .unwrap();
    assert_eq!(state.follow().unwrap(), Some(before + 1));
    let found = hits_in(state.clone(), "Zhanuzakov");
    assert!(!found.is_empty(), "the new document is searchable");
    assert_eq!(state.follow().unwrap(), None, "seen already");
    // A review recorded elsewhere (another server, `casefile review`) is a change too.
    other
        .record_review(&casefile_store::NewReview {
            input: casefile_store::ReviewInput {
                target: found[0].clone(),
                action: casefile_store::ReviewAction::Comment,
                value: None,
                note: Some("checked with the lawyer".into()),
            },
            anchor: None,
            value_anchor: None,
            user: "maria".into(),
        })
        .unwrap();
    assert_eq!(state.follow().unwrap(), Some(before + 1));
    // And a fresh server on the index on disk finds it too.
    assert_eq!(hits(dir.path(), "Zhanuzakov"), found);
}
