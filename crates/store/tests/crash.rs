//! Crash safety: a process killed with SIGKILL while it stores documents leaves every document it
//! committed whole, none half-stored, and a store the next run opens and resumes.
//!
//! The test re-runs its own binary as the child (`std::env::current_exe()`, selecting the
//! ignored `crash_child` test by name, with the store's spec, a folder or a PostgreSQL URL, in an
//! environment variable). It runs on both backends (`sqlite::…`, `postgres::…`). The
//! child puts documents in a loop and prints `committed <id>` after each commit, flushed; the
//! parent kills it mid-stream, then checks the store.

mod common;

use casefile_model::{AnalyzedDocument, DocumentId};
use casefile_store::{PutOutcome, Store, StoreSpec};
use common::{layer_counts, sample, Fixture};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Tells the re-invoked test binary to act as the child, and where its store is (a spec).
const CHILD_ENV: &str = "CASEFILE_STORE_CRASH_CHILD_DIR";
/// The child stops by itself after this many documents, so it never runs away.
const CHILD_MAX_DOCUMENTS: usize = 400;

/// Document `i` of the child's stream: big enough (hundreds of rows) that a kill usually lands
/// inside a transaction, and varying in size so the stream is not uniform.
fn document(i: usize) -> (Vec<u8>, AnalyzedDocument) {
    sample(i, 20 + (i * 7) % 60)
}

/// The child's side: put documents 0, 1, 2, ... into the store, skipping those already stored (a
/// resumed run), reporting each commit on stdout.
#[test]
#[ignore = "the child process of the kill_9 tests; run by them"]
fn crash_child() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut store = StoreSpec::parse(&spec)
        .open()
        .expect("child opens the store");
    let mut out = std::io::stdout().lock();
    for i in 0..CHILD_MAX_DOCUMENTS {
        let (raw, analysis) = document(i);
        if store.put(&raw, &analysis).expect("child puts") == PutOutcome::Inserted {
            writeln!(out, "committed {}", analysis.document.id).unwrap();
            out.flush().unwrap();
        }
    }
}

/// The id in a child's report line. The test harness prints "test crash_child ... " without a
/// line break before the child's own output, so the first report can share its line.
fn reported_id(line: &str) -> Option<DocumentId> {
    let at = line.find("committed ")?;
    Some(DocumentId(line[at + "committed ".len()..].to_string()))
}

/// Run the child until it has reported `kill_after` commits, wait `phase` of the time one
/// document takes, SIGKILL it, and return every id it reported (including any reported between
/// the last read and the kill).
///
/// The wait matters: killed right after reading a report, the child is still building its next
/// document, before any transaction. Waiting a fraction of a document's time puts the kill
/// inside `put`, at a different point each run.
fn run_child_and_kill(spec: &str, kill_after: usize, phase: f64) -> Vec<DocumentId> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["crash_child", "--exact", "--ignored", "--nocapture"])
        .args(["--test-threads", "1"])
        .env(CHILD_ENV, spec)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn the child");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut committed = Vec::new();
    let mut first_report = None;
    while committed.len() < kill_after {
        match lines.next() {
            Some(line) => {
                if let Some(id) = reported_id(&line.unwrap()) {
                    committed.push(id);
                    first_report.get_or_insert_with(Instant::now);
                }
            }
            None => panic!(
                "the child ended after {} commits, before it could be killed",
                committed.len()
            ),
        }
    }
    let per_document = first_report.unwrap().elapsed() / (kill_after as u32 - 1).max(1);
    std::thread::sleep(per_document.mul_f64(phase));
    // On Unix `kill` is SIGKILL: no destructor, no rollback, no checkpoint runs.
    child.kill().expect("kill the child");
    let status = child.wait().unwrap();
    assert!(!status.success(), "the child was killed, not finished");
    // Lines already in the pipe were printed after their commit: those ids count too.
    for line in lines {
        if let Some(id) = reported_id(&line.unwrap()) {
            committed.push(id);
        }
    }
    committed
}

#[test]
fn kill_9_leaves_every_committed_document_whole_sqlite() {
    kill_9_leaves_every_committed_document_whole(&Fixture::sqlite());
}

#[test]
fn kill_9_leaves_every_committed_document_whole_postgres() {
    if let Some(fx) = Fixture::postgres() {
        kill_9_leaves_every_committed_document_whole(&fx);
    }
}

fn kill_9_leaves_every_committed_document_whole(fx: &Fixture) {
    let spec = match &fx.spec {
        StoreSpec::Sqlite(dir) => dir.to_str().expect("a UTF-8 temporary path").to_string(),
        StoreSpec::Postgres(url) => url.clone(),
    };
    // The generated documents by id, to compare what the store holds with what was put.
    let generated: HashMap<DocumentId, (usize, AnalyzedDocument)> = (0..CHILD_MAX_DOCUMENTS)
        .map(|i| {
            let (_, a) = document(i);
            (a.document.id.clone(), (i, a))
        })
        .collect();

    let mut reported = Vec::new();
    // Five runs, each killed at a different point: each resumes the store the runs before it
    // left, as a rerun of `casefile ingest` after a crash would.
    let runs = [(15, 0.5), (9, 0.25), (23, 0.75), (6, 0.9), (12, 0.4)];
    for (run, (kill_after, phase)) in runs.into_iter().enumerate() {
        reported.extend(run_child_and_kill(&spec, kill_after, phase));

        let store = fx.spec.open().expect("the store opens after a kill");
        let stored = store.document_ids().unwrap();
        assert_eq!(stored.len() as u64, store.document_count().unwrap());

        // Every reported commit is present, whole and exact.
        for id in &reported {
            let (i, expected) = &generated[id];
            let got = store.analysis(id).unwrap();
            assert_eq!(
                got.as_ref(),
                Some(expected),
                "document {i} ({id}) after the kill"
            );
        }
        // No document is partially stored: every stored one (including one committed after
        // the child's last report) has all its layers, and they are the ones generated.
        for (position, id) in stored.iter().enumerate() {
            let (i, expected) = generated
                .get(id)
                .unwrap_or_else(|| panic!("stored id {id} was never generated"));
            let got = store.analysis(id).unwrap().unwrap();
            assert_eq!(layer_counts(&got), layer_counts(expected), "document {i}");
            assert_eq!(&got, expected, "document {i}");
            // The child puts documents in order, so ingestion order is generation order.
            assert_eq!(*i, position, "ingestion order");
            assert_eq!(store.raw(id).unwrap(), Some(document(*i).0));
        }
        // Beyond those reported, at most one per run: the one committed just before its kill
        // (a resumed run finds it already stored and does not report it).
        assert!(
            stored.len() <= reported.len() + run + 1,
            "{} stored, {} reported",
            stored.len(),
            reported.len()
        );

        // The database itself is sound, and no layer row is orphaned (PostgreSQL enforces its
        // foreign keys on every statement; SQLite is asked).
        if let StoreSpec::Sqlite(_) = &fx.spec {
            let conn = rusqlite::Connection::open(store.path()).unwrap();
            let integrity: String = conn
                .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                .unwrap();
            assert_eq!(integrity, "ok");
            let orphans: i64 = conn
                .query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| {
                    r.get(0)
                })
                .unwrap();
            assert_eq!(orphans, 0);
        }
        // Counted by SQL too, not only through the store's reader.
        let expected_rows: usize = stored
            .iter()
            .map(|id| layer_counts(&generated[id].1).iter().sum::<usize>())
            .sum();
        let rows: i64 = [
            "sentences",
            "mentions",
            "timexes",
            "events",
            "event_participants",
            "claims",
        ]
        .iter()
        .map(|table| fx.count_rows(table))
        .sum();
        assert_eq!(rows as usize, expected_rows);
    }
    // The resumed runs added to the first's work rather than starting over.
    assert!(reported.len() >= runs.iter().map(|r| r.0).sum::<usize>());
    let unique: std::collections::HashSet<_> = reported.iter().collect();
    assert_eq!(
        unique.len(),
        reported.len(),
        "a document was committed twice"
    );
}
