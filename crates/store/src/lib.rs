//! casefile's store: every document's raw bytes, clean text, metadata and every layer of its
//! analysis, behind the small [`Store`] trait.
//!
//! The readers of the store (resolve, export, search, the web app) see only the trait. Two
//! backends implement it: [`SqliteStore`] (embedded, one file in a folder) and [`PostgresStore`]
//! (a team server's database). [`open`] takes either by its spec: a folder or a
//! `postgres://` URL.
//!
//! Guarantees every backend keeps:
//! - **no document half-stored**: a crash (even `kill -9`) at any moment leaves each document
//!   either wholly stored, with every layer, or absent ([`Store::put`]: one transaction per
//!   document; [`Store::put_batch`]: at most one per batch); the next run resumes by skipping
//!   what [`Store::contains`];
//! - **re-ingesting is a no-op**: [`Store::put`] of an id already stored changes nothing;
//! - **exact round trip**: [`Store::analysis`] returns an [`AnalyzedDocument`] equal to the one put
//!   (or last given to [`Store::replace_analysis`]).

mod codec;
mod error;
mod postgres;
mod queue;
mod spec;
mod sqlite;

pub use self::postgres::PostgresStore;
pub use error::StoreError;
pub use queue::{Enqueued, FailedJob, Job, JobOutcome, JobQueue, NewJob, QueueCounts};
pub use spec::{open, AnyStore, StoreSpec};
pub use sqlite::SqliteStore;
// Re-exported so callers of the review methods need not name the model crate.
pub use casefile_model::{Review, ReviewAction, ReviewAnchor, ReviewInput};

use casefile_model::{AnalyzedDocument, DocumentId};

/// The result of every store operation.
pub type Result<T> = std::result::Result<T, StoreError>;

/// What [`Store::put_batch`] did: the outcome of each document handled, in order, and the error
/// that stopped it before the end of the batch, if any.
pub type BatchOutcome = (Vec<PutOutcome>, Option<StoreError>);

/// What [`Store::put`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PutOutcome {
    /// The document was new and is now stored.
    Inserted,
    /// A document with this id was already stored; nothing changed.
    AlreadyPresent,
}

/// Persistence of analysed documents.
pub trait Store {
    /// True when a document with this id is stored.
    fn contains(&self, id: &DocumentId) -> Result<bool>;

    /// Store a document's raw bytes, clean text, metadata and every layer of its analysis
    /// (sentences, mentions, timexes, events with participants, claims) in ONE transaction.
    /// Same id already present → [`PutOutcome::AlreadyPresent`], nothing changes.
    fn put(&mut self, raw: &[u8], analysis: &AnalyzedDocument) -> Result<PutOutcome>;

    /// [`Store::put`] for several documents, in order: the outcomes of the documents stored (or
    /// found present) before the first error, and that error. Each document is still whole or
    /// absent; a backend may commit them together (SQLite: one transaction, a savepoint per
    /// document, so an error keeps the documents before it), which is much cheaper than one
    /// commit each. The default puts them one by one.
    fn put_batch(&mut self, docs: &[(&[u8], &AnalyzedDocument)]) -> BatchOutcome {
        let mut outcomes = Vec::with_capacity(docs.len());
        for (raw, analysis) in docs {
            match self.put(raw, analysis) {
                Ok(o) => outcomes.push(o),
                Err(e) => return (outcomes, Some(e)),
            }
        }
        (outcomes, None)
    }

    /// Replace the analysis layers of a stored document (re-extraction after the readers
    /// improve), keeping raw bytes and metadata; one transaction.
    ///
    /// The clean text is replaced too, because the new layers' spans point into it. The stored
    /// source, format, metadata (title, publisher, date, reference, URL, supplied fields),
    /// ingestion order and ingestion time are kept. A document that is not stored is an error
    /// ([`StoreError::NotStored`]).
    fn replace_analysis(&mut self, analysis: &AnalyzedDocument) -> Result<()>;

    /// Every stored document id, in ingestion order.
    fn document_ids(&self) -> Result<Vec<DocumentId>>;

    /// The stored analysis of a document, or `None` when it is not stored.
    fn analysis(&self, id: &DocumentId) -> Result<Option<AnalyzedDocument>>;

    /// The raw bytes of a document as ingested, or `None` when it is not stored.
    fn raw(&self, id: &DocumentId) -> Result<Option<Vec<u8>>>;

    /// The clean text of a document, or `None` when it is not stored: what a reader holding the
    /// record without texts (`casefile serve`) reads when a request needs one. The default reads
    /// the whole analysis; a backend can read the one column.
    fn text(&self, id: &DocumentId) -> Result<Option<String>> {
        Ok(self.analysis(id)?.map(|a| a.document.text))
    }

    /// The clean texts of `ids`, in their order (`None` for one not stored): the snippets of a
    /// page of search hits. The default reads them one by one; a server backend reads them in
    /// one round trip.
    fn texts(&self, ids: &[DocumentId]) -> Result<Vec<Option<String>>> {
        ids.iter().map(|id| self.text(id)).collect()
    }

    /// Calls `f` for every stored analysis in ingestion order, without holding them all in
    /// memory. The first error `f` returns stops the walk and is returned.
    fn for_each_analysis(&self, f: &mut dyn FnMut(AnalyzedDocument) -> Result<()>) -> Result<()>;

    /// How many documents are stored.
    fn document_count(&self) -> Result<u64>;

    /// Every stored analysis, in ingestion order, in memory: what resolving the whole record
    /// needs.
    fn analyses(&self) -> Result<Vec<AnalyzedDocument>> {
        let mut all = Vec::new();
        self.for_each_analysis(&mut |a| {
            all.push(a);
            Ok(())
        })?;
        Ok(all)
    }

    /// Appends a review to the audit log (one transaction) and returns it as recorded, with its
    /// row id and time. The log is never edited: a later review of the same target overrides an
    /// earlier one when the record is resolved. An empty user is refused.
    fn record_review(&mut self, review: &NewReview) -> Result<Review>;

    /// Every recorded review, oldest first.
    fn reviews(&self) -> Result<Vec<Review>>;

    /// The change counter: raised by one in the same transaction as every change to what the
    /// record is built from (a document stored, an analysis replaced, a review recorded), in
    /// commit order. A reader that saw N has seen every change up to N; `casefile serve` polls it
    /// to rebuild its record and search index when another process changed the store.
    fn changes(&self) -> Result<u64>;

    /// What each ingest stored, in ingestion order: id, source, format, size and when it
    /// arrived. For the ingest status page; it reads no text or analysis.
    fn ingest_log(&self) -> Result<Vec<IngestEntry>>;

    /// One page of the ingest log, newest first: the entries after the `skip` newest, at most
    /// `limit` of them. For the status page of a large store, which must not read the whole log.
    fn ingest_log_newest(&self, skip: usize, limit: usize) -> Result<Vec<IngestEntry>>;
}

/// One stored document as [`Store::ingest_log`] lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestEntry {
    /// The document's id.
    pub id: DocumentId,
    /// The path or name it was ingested from.
    pub source: String,
    /// text, markdown, html or pdf.
    pub format: String,
    /// When this store received it, UTC (audit only).
    pub ingested_at: String,
    /// Size of the raw bytes.
    pub raw_bytes: u64,
    /// Size of the clean text, in bytes (0: nothing readable was found).
    pub text_bytes: u64,
}

/// A review to record: what the person submitted, what its targets were at the time, and who.
#[derive(Debug, Clone, PartialEq)]
pub struct NewReview {
    /// The submitted action.
    pub input: ReviewInput,
    /// What the target was when judged.
    pub anchor: Option<ReviewAnchor>,
    /// For merges and splits, what the other entity was when judged.
    pub value_anchor: Option<ReviewAnchor>,
    /// Who: the token's user, or the CLI's `--user`.
    pub user: String,
}

/// The current time, UTC, as `YYYY-MM-DDTHH:MM:SSZ`. For the audit log only: no fact ever takes
/// its date from the clock.
pub fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}
