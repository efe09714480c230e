//! The work queue of a PostgreSQL store: files waiting to be read, taken by any number of
//! `casefile worker` processes on any number of machines.
//!
//! Invariants (tested in `crates/cli/tests/workers.rs`, `scripts/fault-worker-kill`,
//! `scripts/fault-postgres-restart`):
//! - **a file is queued once**: rows are keyed by the content id of their bytes, and a file whose
//!   document is already stored is not queued at all;
//! - **a job is done exactly once**: a worker locks its row (`FOR UPDATE SKIP LOCKED`, so workers
//!   never wait for each other), reads the file, and in the SAME transaction stores the document
//!   and marks the row done. A worker that dies or loses the server mid-document has its
//!   transaction rolled back and its lock released by the server: the row is waiting again, for
//!   any worker, and nothing of it was stored;
//! - **nothing is retried forever**: a file that cannot be read is marked failed with its
//!   one-line reason; a row taken [`JobQueue::max_attempts`] times without being finished (its
//!   workers kept dying on it) is marked failed too. Enqueueing a failed file again retries it.

use crate::postgres::{
    bump_changes, connect, decode, encode, open_conn, pg_error, put_in, Conn, Ctx,
};
use crate::{PutOutcome, Result, StoreError};
use ::postgres::Client;
use casefile_model::{AnalyzedDocument, DocumentId};
use std::path::{Path, PathBuf};

/// A file to queue: its bytes and what `casefile enqueue` read about it.
#[derive(Debug, Clone, Copy)]
pub struct NewJob<'a> {
    /// The path as given: the stored document's `source`.
    pub source: &'a str,
    /// The format's name (text, markdown, html, pdf).
    pub format: &'a str,
    /// Metadata supplied with the file, as JSON (the worker's to interpret).
    pub meta: &'a str,
    /// The file's bytes.
    pub raw: &'a [u8],
}

/// What [`JobQueue::enqueue`] did with a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enqueued {
    /// Queued (or, having failed before, queued again).
    Queued,
    /// Its document is already stored.
    AlreadyStored,
    /// It is already waiting or done.
    AlreadyQueued,
}

/// A job a worker has taken: everything it needs to read the file.
#[derive(Debug, Clone)]
pub struct Job {
    /// The row's id (queue order).
    pub id: i64,
    /// The content id of `raw`: the id its document must have.
    pub document_id: DocumentId,
    /// The path as enqueued.
    pub source: String,
    /// The format's name.
    pub format: String,
    /// Metadata supplied with the file, as JSON.
    pub meta: String,
    /// The file's bytes.
    pub raw: Vec<u8>,
    /// How many times a worker took it before, this time not counted (workers that died on it).
    pub earlier_attempts: i64,
}

/// What became of a job [`JobQueue::process_next`] took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobOutcome {
    /// Read and stored; the job is done.
    Stored,
    /// Its document was already stored (the same bytes by another route); the job is done.
    AlreadyStored,
    /// It could not be read: the one-line reason. The job is failed.
    Failed(String),
    /// Workers took it too often without finishing it; the job is failed.
    GaveUp(i64),
}

/// How many jobs are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QueueCounts {
    /// Waiting for a worker (including those a worker is reading now).
    pub queued: u64,
    /// Stored (or found already stored).
    pub done: u64,
    /// Given up, with a reason.
    pub failed: u64,
}

/// One failed job, for the queue's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedJob {
    /// The path as enqueued.
    pub source: String,
    /// Why, one line.
    pub error: String,
}

/// The queue of a PostgreSQL store, as one worker (or `casefile enqueue`) sees it. Holds two
/// connections: one for the job's transaction, and one that records each claim at once, outside
/// it, so that the claim survives the worker's death.
pub struct JobQueue {
    conn: Conn,
    side: Client,
    path: PathBuf,
    worker: String,
    max_attempts: i64,
}

impl std::fmt::Debug for JobQueue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JobQueue")
            .field("url", &self.path)
            .field("worker", &self.worker)
            .finish_non_exhaustive()
    }
}

impl JobQueue {
    /// How many times a job may be taken before it is given up, by default.
    pub const DEFAULT_MAX_ATTEMPTS: i64 = 5;

    /// Connects to the store at `url` (migrating it as [`crate::PostgresStore::open`] does) as
    /// the worker named `worker` (recorded with each claim and each finished job).
    pub fn open(url: &str, worker: &str) -> Result<Self> {
        let (conn, path) = open_conn(url)?;
        let side = connect(url, &path)?;
        Ok(JobQueue {
            conn,
            side,
            path,
            worker: worker.to_string(),
            max_attempts: Self::DEFAULT_MAX_ATTEMPTS,
        })
    }

    /// Sets how many times a job may be taken without being finished before it is given up
    /// (at least 1).
    pub fn with_max_attempts(mut self, n: i64) -> Self {
        self.max_attempts = n.max(1);
        self
    }

    /// How many times a job may be taken before it is given up.
    pub fn max_attempts(&self) -> i64 {
        self.max_attempts
    }

    /// The database's URL, without its password.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn sql(&self, action: &'static str) -> impl FnOnce(::postgres::Error) -> StoreError + '_ {
        pg_error(&self.path, action)
    }

    /// Queues a file unless its document is stored or it is already queued; a file that failed
    /// before is queued again, its earlier claims forgotten.
    pub fn enqueue(&mut self, job: &NewJob) -> Result<Enqueued> {
        let id = DocumentId::from_content(job.raw);
        let path = self.path.clone();
        let sql = |action| pg_error(&path, action);
        let mut tx = self
            .conn
            .client
            .transaction()
            .map_err(sql("cannot begin a transaction"))?;
        let stored: bool = tx
            .query_one(&self.conn.st.contains, &[&id.as_str()])
            .map_err(sql("cannot look a document up"))?
            .get(0);
        if stored {
            return Ok(Enqueued::AlreadyStored);
        }
        // The row is inserted, or a failed one reset; a waiting or done one is left alone
        // (RETURNING gives no row then).
        let row = tx
            .query_opt(
                "INSERT INTO queue (document_id, source, format, meta, raw) \
                 VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (document_id) DO UPDATE SET state = 'queued', error = NULL, \
                 worker = NULL, finished_at = NULL, source = EXCLUDED.source, \
                 format = EXCLUDED.format, meta = EXCLUDED.meta, raw = EXCLUDED.raw \
                 WHERE queue.state = 'failed' RETURNING id",
                &[
                    &id.as_str(),
                    &encode(job.source).as_ref(),
                    &job.format,
                    &encode(job.meta).as_ref(),
                    &job.raw,
                ],
            )
            .map_err(sql("cannot queue a file"))?;
        let Some(row) = row else {
            return Ok(Enqueued::AlreadyQueued);
        };
        let job_id: i64 = row.get(0);
        tx.execute("DELETE FROM queue_claims WHERE job_id = $1", &[&job_id])
            .map_err(sql("cannot queue a file"))?;
        tx.commit().map_err(sql("cannot queue a file"))?;
        Ok(Enqueued::Queued)
    }

    /// Takes the oldest waiting job no other worker holds, gives it to `read`, and stores what
    /// `read` returns (or its error) and the job's new state in one transaction. `None`: no job
    /// is waiting that another worker does not hold.
    ///
    /// `read` returns the analysed document, whose id must be the job's `document_id`, or the
    /// one-line reason it cannot be read. A store error (a lost connection) rolls everything
    /// back: the job waits again.
    pub fn process_next(
        &mut self,
        read: &mut dyn FnMut(&Job) -> std::result::Result<AnalyzedDocument, String>,
    ) -> Result<Option<(Job, JobOutcome)>> {
        let path = self.path.clone();
        let sql = |action| pg_error(&path, action);
        let Conn { client, st } = &mut self.conn;
        let mut tx = client
            .transaction()
            .map_err(sql("cannot begin a transaction"))?;
        let Some(row) = tx
            .query_opt(
                "SELECT id, document_id, source, format, meta, raw FROM queue \
                 WHERE state = 'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
                &[],
            )
            .map_err(sql("cannot take a job from the queue"))?
        else {
            tx.commit().map_err(sql("cannot end a transaction"))?;
            return Ok(None);
        };
        let job_id: i64 = row.get(0);
        let earlier: i64 = tx
            .query_one(
                "SELECT COUNT(*) FROM queue_claims WHERE job_id = $1",
                &[&job_id],
            )
            .map_err(sql("cannot count a job's attempts"))?
            .get(0);
        let job = Job {
            id: job_id,
            document_id: DocumentId(row.get(1)),
            source: decode(row.get(2)),
            format: row.get(3),
            meta: decode(row.get(4)),
            raw: row.get(5),
            earlier_attempts: earlier,
        };
        let finish = "UPDATE queue SET state = $2, worker = $3, error = $4, \
                      finished_at = now(), raw = CASE WHEN $2 = 'done' THEN ''::bytea \
                      ELSE raw END WHERE id = $1";
        if earlier >= self.max_attempts {
            let reason = format!(
                "given up: taken {earlier} times by workers that stopped before finishing it"
            );
            tx.execute(finish, &[&job_id, &"failed", &self.worker, &reason])
                .map_err(sql("cannot mark a job failed"))?;
            tx.commit().map_err(sql("cannot mark a job failed"))?;
            return Ok(Some((job, JobOutcome::GaveUp(earlier))));
        }
        // Committed at once on the other connection: it counts even if this worker dies now.
        self.side
            .execute(
                "INSERT INTO queue_claims (job_id, worker) VALUES ($1, $2)",
                &[&job_id, &self.worker],
            )
            .map_err(sql("cannot record a claim"))?;
        let outcome = match read(&job) {
            Err(reason) => {
                let reason = reason.replace('\n', " ");
                tx.execute(
                    finish,
                    &[&job_id, &"failed", &self.worker, &encode(&reason).as_ref()],
                )
                .map_err(sql("cannot mark a job failed"))?;
                JobOutcome::Failed(reason)
            }
            Ok(analysis) => {
                let cx = Ctx::new(&path, &job.document_id);
                if analysis.document.id != job.document_id {
                    return Err(cx.invalid(format!(
                        "the document read from job {job_id} has the id {}, not its bytes' id",
                        analysis.document.id.as_str()
                    )));
                }
                let put = put_in(&mut tx, st, &job.raw, &analysis, &cx)?;
                tx.execute(finish, &[&job_id, &"done", &self.worker, &None::<String>])
                    .map_err(sql("cannot mark a job done"))?;
                if put == PutOutcome::Inserted {
                    bump_changes(&mut tx, &path)?;
                }
                match put {
                    PutOutcome::Inserted => JobOutcome::Stored,
                    PutOutcome::AlreadyPresent => JobOutcome::AlreadyStored,
                }
            }
        };
        tx.commit().map_err(sql("cannot commit a job"))?;
        Ok(Some((job, outcome)))
    }

    /// How many jobs are in each state.
    pub fn counts(&mut self) -> Result<QueueCounts> {
        let rows = self
            .conn
            .client
            .query("SELECT state, COUNT(*) FROM queue GROUP BY state", &[])
            .map_err(pg_error(&self.path, "cannot count the queue"))?;
        let mut counts = QueueCounts::default();
        for row in rows {
            let n = u64::try_from(row.get::<_, i64>(1)).unwrap_or_default();
            match row.get::<_, &str>(0) {
                "queued" => counts.queued = n,
                "done" => counts.done = n,
                _ => counts.failed += n,
            }
        }
        Ok(counts)
    }

    /// The failed jobs with their reasons, in queue order.
    pub fn failures(&mut self) -> Result<Vec<FailedJob>> {
        self.first_failures(usize::MAX)
    }

    /// The first `limit` failed jobs with their reasons, in queue order.
    pub fn first_failures(&mut self, limit: usize) -> Result<Vec<FailedJob>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = self
            .conn
            .client
            .query(
                "SELECT source, COALESCE(error, '') FROM queue WHERE state = 'failed' \
                 ORDER BY id LIMIT $1",
                &[&limit],
            )
            .map_err(self.sql("cannot list failed jobs"))?;
        Ok(rows
            .into_iter()
            .map(|r| FailedJob {
                source: decode(r.get(0)),
                error: decode(r.get(1)),
            })
            .collect())
    }
}

impl StoreError {
    /// True when the error is the server going away (restarted, shut down, the network cut):
    /// reconnecting may cure it. A worker then reconnects and goes on.
    pub fn is_connection_lost(&self) -> bool {
        let StoreError::Postgres { source, .. } = self else {
            return false;
        };
        if source.is_closed() {
            return true;
        }
        if let Some(code) = source.code() {
            let code = code.code();
            // Class 08: connection exception; 57P01-57P03: admin/crash shutdown, cannot connect
            // now (starting up).
            return code.starts_with("08") || matches!(code, "57P01" | "57P02" | "57P03");
        }
        // No server code: the client's own failure, an I/O error on the socket.
        let mut cause = std::error::Error::source(source);
        while let Some(c) = cause {
            if c.downcast_ref::<std::io::Error>().is_some() {
                return true;
            }
            cause = c.source();
        }
        false
    }
}
