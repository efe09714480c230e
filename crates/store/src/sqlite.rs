//! The embedded backend: one SQLite file in the store folder.

use crate::codec::{enum_from_name, enum_name, from_json, from_sql_int, to_json, to_sql_int};
use crate::{now_rfc3339, IngestEntry, NewReview, PutOutcome, Result, Store, StoreError};
use casefile_model::{
    AnalyzedDocument, Claim, Document, DocumentId, DocumentMeta, EventMention, LegalRef, Mention,
    PartialDate, Review, ReviewAction, ReviewAnchor, Span, Timex,
};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The database file inside the store folder.
pub const DATABASE_FILE: &str = "casefile.sqlite";

/// Marks the file as a casefile store (`PRAGMA application_id`), so that a foreign SQLite file
/// put in its place is refused rather than migrated. "CFST" in ASCII.
const APPLICATION_ID: i64 = 0x4346_5354;

/// Schema migrations, oldest first: migration `n` (0-based) takes the store from
/// `PRAGMA user_version` `n` to `n + 1`. Only ever append; never edit a released one.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_reviews.sql"),
    include_str!("migrations/0003_changes.sql"),
    include_str!("migrations/0004_seq_keys.sql"),
    include_str!("migrations/0005_restated.sql"),
];

/// What [`MIGRATIONS`] up to version [`FRESH_VERSION`] leave in an empty database, in one
/// script: a new store runs it instead of them (their renames re-parsed the whole schema each,
/// most of a new store's opening), then the migrations after that version.
const FRESH: &str = include_str!("migrations/fresh_v4.sql");

/// The schema version [`FRESH`] creates.
const FRESH_VERSION: i64 = 4;
const _: () = assert!(FRESH_VERSION as usize <= MIGRATIONS.len());

/// How long a writer waits for another process's transaction before giving up. Transactions
/// are one document each, so a wait this long means something is stuck.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// How many document ids [`Store::for_each_analysis`] reads at a time.
const PAGE: i64 = 256;

/// The embedded store: `casefile.sqlite` in a folder, in WAL mode, with foreign keys enforced.
///
/// Writes are one transaction per document ([`Store::put`]) or per batch ([`Store::put_batch`]).
/// With WAL and `synchronous=NORMAL` a committed
/// document survives the process being killed at any moment; after a power cut the database is
/// still consistent, though the last few commits may be rolled back, and the next ingest run
/// simply stores those documents again.
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl SqliteStore {
    /// The ingest log's rows in the order (and page) `order` says.
    fn read_ingest_log<P: rusqlite::Params>(
        &self,
        order: &str,
        params: P,
    ) -> Result<Vec<IngestEntry>> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT id, source, format, ingested_at, length(raw), \
                 length(CAST(text AS BLOB)) FROM documents {order}"
            ))
            .map_err(self.sql("cannot read the ingest log"))?;
        let rows = stmt
            .query_map(params, |r| {
                Ok(IngestEntry {
                    id: DocumentId(r.get(0)?),
                    source: r.get(1)?,
                    format: r.get(2)?,
                    ingested_at: r.get(3)?,
                    raw_bytes: u64::try_from(r.get::<_, i64>(4)?).unwrap_or_default(),
                    text_bytes: u64::try_from(r.get::<_, i64>(5)?).unwrap_or_default(),
                })
            })
            .map_err(self.sql("cannot read the ingest log"))?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(self.sql("cannot read the ingest log"))
    }

    /// The schema version this build writes (`PRAGMA user_version` of a store it opened).
    pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

    /// Open or create the store in folder `dir` (created if missing): `dir/casefile.sqlite`.
    ///
    /// Runs schema migrations forward (versioned with `PRAGMA user_version`); a store written by
    /// a newer schema version is refused with [`StoreError::NewerSchema`], and a SQLite file of
    /// another application with [`StoreError::ForeignDatabase`]. WAL mode, foreign keys on,
    /// busy timeout.
    pub fn open(dir: &Path) -> Result<Self> {
        if dir.exists() && !dir.is_dir() {
            return Err(StoreError::NotAFolder {
                path: dir.to_path_buf(),
            });
        }
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_path_buf(),
            action: "cannot create the store folder",
            source,
        })?;
        let path = dir.join(DATABASE_FILE);
        let sql = |action| sql_error(&path, action);
        let mut conn = Connection::open(&path).map_err(sql("cannot open the database"))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(sql("cannot set the busy timeout"))?;
        conn.set_prepared_statement_cache_capacity(64);
        // WAL: readers never block the writer, and a commit is one append to the log, so a kill
        // at any moment leaves the last committed transaction intact. Some file systems (network
        // mounts) cannot do WAL; SQLite then keeps its rollback journal, which is crash safe too.
        let _mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "wal", |row| row.get(0))
            .map_err(sql("cannot open the database"))?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sql("cannot set synchronous mode"))?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(sql("cannot enable foreign keys"))?;
        // A page cache of 64 MiB (SQLite's default is 2 MiB): the id index and the search for a
        // document by content hash still touch pages all over one B-tree, and re-reading them
        // from the OS was a visible share of ingest. A fixed size, so memory does not grow with
        // the store.
        conn.pragma_update(None, "cache_size", -65536)
            .map_err(sql("cannot set the page cache size"))?;
        migrate(&mut conn, &path)?;
        Ok(SqliteStore { conn, path })
    }

    /// Puts `docs` in one transaction, all or none: on an error, how many were put before the
    /// failing one, and its error.
    fn put_all(
        &mut self,
        docs: &[(&[u8], &AnalyzedDocument)],
    ) -> std::result::Result<Vec<PutOutcome>, (usize, StoreError)> {
        let mut outcomes = Vec::with_capacity(docs.len());
        let Some((_, first)) = docs.first() else {
            return Ok(outcomes);
        };
        let cx = Ctx::new(&self.path, &first.document.id);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| (0, cx.sql("cannot begin a transaction")(e)))?;
        for (raw, analysis) in docs {
            let cx = Ctx::new(&self.path, &analysis.document.id);
            // On an error, dropping the transaction rolls it back.
            let outcome = put_in(&tx, raw, analysis, &cx).map_err(|e| (outcomes.len(), e))?;
            outcomes.push(outcome);
        }
        tx.commit()
            .map_err(|e| (0, cx.sql("cannot commit documents")(e)))?;
        Ok(outcomes)
    }

    /// The database file, `dir/casefile.sqlite`.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn sql(&self, action: &'static str) -> impl FnOnce(rusqlite::Error) -> StoreError + '_ {
        sql_error(&self.path, action)
    }

    fn read_analysis(&self, id: &DocumentId) -> Result<Option<AnalyzedDocument>> {
        // One read transaction, so all layers come from the same committed state even while
        // another process replaces them.
        let tx = self
            .conn
            .unchecked_transaction()
            .map_err(self.sql("cannot begin a read transaction"))?;
        let analysis = read_layers(&tx, &Ctx::new(&self.path, id))?;
        tx.commit()
            .map_err(self.sql("cannot end a read transaction"))?;
        Ok(analysis)
    }
}

fn sql_error<'a>(
    path: &'a Path,
    action: &'static str,
) -> impl FnOnce(rusqlite::Error) -> StoreError + 'a {
    move |source| StoreError::Sqlite {
        path: path.to_path_buf(),
        action,
        source,
    }
}

/// Bring the schema up to [`SqliteStore::SCHEMA_VERSION`], or refuse a store this build cannot
/// read.
fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let sql = |action| sql_error(path, action);
    let known = SqliteStore::SCHEMA_VERSION;
    let check = |conn: &Connection| -> Result<i64> {
        let app: i64 = conn
            .pragma_query_value(None, "application_id", |row| row.get(0))
            .map_err(sql("cannot read the application id"))?;
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(sql("cannot read the schema version"))?;
        if app != 0 && app != APPLICATION_ID {
            return Err(StoreError::ForeignDatabase {
                path: path.to_path_buf(),
                found: app,
            });
        }
        if version > known {
            return Err(StoreError::NewerSchema {
                path: path.to_path_buf(),
                found: version,
                known,
            });
        }
        if version < 0 {
            return Err(StoreError::ForeignDatabase {
                path: path.to_path_buf(),
                found: app,
            });
        }
        Ok(version)
    };
    // The common case, an up-to-date store, takes no write lock.
    if check(conn)? == known {
        return Ok(());
    }
    // IMMEDIATE takes the write lock first, so two processes opening a new store at once
    // migrate it once: the second sees the first's version after waiting.
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sql("cannot begin the schema migration"))?;
    let mut from = check(&tx)?;
    if from == 0 {
        tx.execute_batch(FRESH)
            .map_err(sql("cannot create the schema"))?;
        from = FRESH_VERSION;
    }
    for migration in &MIGRATIONS[from as usize..] {
        tx.execute_batch(migration)
            .map_err(sql("cannot migrate the schema"))?;
    }
    // Both pragmas are stored in the database header, inside this transaction: a crash
    // mid-migration leaves the old version and the old tables.
    tx.pragma_update(None, "user_version", known)
        .map_err(sql("cannot write the schema version"))?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(sql("cannot write the application id"))?;
    tx.commit()
        .map_err(sql("cannot commit the schema migration"))
}

/// The store and document an operation concerns, for error messages.
struct Ctx<'a> {
    path: &'a Path,
    id: &'a DocumentId,
}

impl<'a> Ctx<'a> {
    fn new(path: &'a Path, id: &'a DocumentId) -> Self {
        Ctx { path, id }
    }

    fn sql(&self, action: &'static str) -> impl FnOnce(rusqlite::Error) -> StoreError + '_ {
        sql_error(self.path, action)
    }

    fn invalid(&self, reason: String) -> StoreError {
        StoreError::InvalidAnalysis {
            path: self.path.to_path_buf(),
            id: self.id.clone(),
            reason,
        }
    }

    fn corrupt(&self, table: &'static str, reason: String) -> StoreError {
        StoreError::Corrupt {
            path: self.path.to_path_buf(),
            id: self.id.clone(),
            table,
            reason,
        }
    }

    fn name<T: serde::Serialize>(&self, value: &T) -> Result<String> {
        enum_name(value).map_err(|reason| self.invalid(reason))
    }

    /// The enum variant a stored name stands for.
    fn parse_name<T: serde::de::DeserializeOwned>(
        &self,
        table: &'static str,
        column: &str,
        value: &str,
    ) -> Result<T> {
        enum_from_name(value).map_err(|reason| self.corrupt(table, format!("{column}: {reason}")))
    }

    fn int<T: TryInto<i64> + Copy + std::fmt::Display>(&self, value: T, what: &str) -> Result<i64> {
        to_sql_int(value, what).map_err(|reason| self.invalid(reason))
    }
}

/// Refuse an analysis whose facts point at mentions or time expressions it does not have,
/// before SQL's foreign keys would, with a message that says which.
pub(crate) fn check_references(
    a: &AnalyzedDocument,
    invalid: &dyn Fn(String) -> StoreError,
) -> Result<()> {
    let mentions = a.mentions.len();
    let timexes = a.timexes.len();
    let bad = |what: String, idx: usize, list: &str, len: usize| {
        invalid(format!(
            "{what} names {list} {idx}, but the document has {len} {list}s"
        ))
    };
    for (i, e) in a.events.iter().enumerate() {
        for &(m, _) in &e.participants {
            if m >= mentions {
                return Err(bad(
                    format!("event {i}'s participant"),
                    m,
                    "mention",
                    mentions,
                ));
            }
        }
        if let Some(m) = e.location.filter(|&m| m >= mentions) {
            return Err(bad(format!("event {i}'s location"), m, "mention", mentions));
        }
        if let Some(&m) = e.legal_basis.iter().find(|&&m| m >= mentions) {
            return Err(bad(
                format!("event {i}'s legal basis"),
                m,
                "mention",
                mentions,
            ));
        }
        if let Some(t) = e.date_timex.filter(|&t| t >= timexes) {
            return Err(bad(format!("event {i}'s date"), t, "timex", timexes));
        }
    }
    for (i, c) in a.claims.iter().enumerate() {
        if let Some(m) = c.claimant.filter(|&m| m >= mentions) {
            return Err(bad(format!("claim {i}'s claimant"), m, "mention", mentions));
        }
    }
    Ok(())
}

/// Binds the values of a multi-row INSERT in order, one parameter after the other.
struct RowBinder<'s, 'c> {
    st: &'s mut rusqlite::Statement<'c>,
    next: usize,
    cx: &'s Ctx<'s>,
    action: &'static str,
}

impl RowBinder<'_, '_> {
    /// Binds `value` to the next parameter.
    fn push<V: rusqlite::ToSql>(&mut self, value: V) -> Result<()> {
        self.st
            .raw_bind_parameter(self.next, value)
            .map_err(self.cx.sql(self.action))?;
        self.next += 1;
        Ok(())
    }
}

/// The row counts of the multi-row INSERTs [`insert_rows`] uses, largest first; 1 ends any
/// remainder. Few sizes, so their statements stay in the connection's statement cache.
const ROW_CHUNKS: [usize; 3] = [32, 8, 1];

/// Inserts `rows` in order with multi-row `INSERT … VALUES (…), (…)` statements: `head` is the
/// statement up to `VALUES `, each row takes `width` parameters, and `bind(binder, i, row)`
/// binds row `i`'s `width` values in column order. One statement per row was most of the store's
/// time for the many small rows (sentences, mentions): SQLite's per-statement work (opening
/// cursors, the foreign-key bookkeeping, resetting) is paid once per chunk instead. The rows,
/// their order and the checks on each are the same.
fn insert_rows<T>(
    tx: &Connection,
    head: &str,
    width: usize,
    rows: &[T],
    cx: &Ctx,
    action: &'static str,
    bind: impl Fn(&mut RowBinder<'_, '_>, usize, &T) -> Result<()>,
) -> Result<()> {
    let mut done = 0;
    for chunk in ROW_CHUNKS {
        if rows.len() - done < chunk {
            continue;
        }
        let mut sql = String::with_capacity(head.len() + chunk * (2 * width + 3));
        sql.push_str(head);
        for r in 0..chunk {
            sql.push_str(if r == 0 { "(" } else { ", (" });
            for c in 0..width {
                sql.push_str(if c == 0 { "?" } else { ", ?" });
            }
            sql.push(')');
        }
        let mut st = tx.prepare_cached(&sql).map_err(cx.sql(action))?;
        while rows.len() - done >= chunk {
            let mut binder = RowBinder {
                st: &mut st,
                next: 1,
                cx,
                action,
            };
            for (j, row) in rows[done..done + chunk].iter().enumerate() {
                bind(&mut binder, done + j, row)?;
            }
            st.raw_execute().map_err(cx.sql(action))?;
            done += chunk;
        }
    }
    Ok(())
}

/// Writes every layer of `a` under its document's ingestion number `seq`. The caller holds the
/// transaction and has removed any old layers.
fn insert_layers(tx: &Connection, a: &AnalyzedDocument, seq: i64, cx: &Ctx) -> Result<()> {
    insert_rows(
        tx,
        r#"INSERT INTO sentences (document_seq, idx, start, "end") VALUES "#,
        4,
        &a.sentences,
        cx,
        "cannot store a sentence",
        |r, i, s| {
            r.push(seq)?;
            r.push(cx.int(i, "sentence index")?)?;
            r.push(cx.int(s.start, "offset")?)?;
            r.push(cx.int(s.end, "offset")?)?;
            Ok(())
        },
    )?;

    insert_rows(
        tx,
        r#"INSERT INTO mentions (document_seq, idx, start, "end", text, entity_type, country, legal) VALUES "#,
        8,
        &a.mentions,
        cx,
        "cannot store a mention",
        |r, i, m| {
            let legal = match &m.legal {
                Some(legal) => Some(to_json(legal).map_err(|r| cx.invalid(r))?),
                None => None,
            };
            r.push(seq)?;
            r.push(cx.int(i, "mention index")?)?;
            r.push(cx.int(m.span.start, "offset")?)?;
            r.push(cx.int(m.span.end, "offset")?)?;
            r.push(&m.text)?;
            r.push(cx.name(&m.entity_type)?)?;
            r.push(&m.country)?;
            r.push(legal)?;
            Ok(())
        },
    )?;

    insert_rows(
        tx,
        r#"INSERT INTO timexes (document_seq, idx, start, "end", text, type, value) VALUES "#,
        7,
        &a.timexes,
        cx,
        "cannot store a time expression",
        |r, i, t| {
            r.push(seq)?;
            r.push(cx.int(i, "timex index")?)?;
            r.push(cx.int(t.span.start, "offset")?)?;
            r.push(cx.int(t.span.end, "offset")?)?;
            r.push(&t.text)?;
            r.push(cx.name(&t.timex_type)?)?;
            r.push(&t.value)?;
            Ok(())
        },
    )?;

    let mut st = tx
        .prepare_cached(
            "INSERT INTO events (document_seq, idx, type, trigger_start, trigger_end, \
             evidence_start, evidence_end, date, date_timex, location, sentence, victim_count, \
             modality, negated, charges, legal_basis, restated) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        )
        .map_err(cx.sql("cannot prepare to store events"))?;
    let mut participants = tx
        .prepare_cached(
            "INSERT INTO event_participants (document_seq, event_idx, idx, mention_idx, role) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .map_err(cx.sql("cannot prepare to store event participants"))?;
    for (i, e) in a.events.iter().enumerate() {
        let event_idx = cx.int(i, "event index")?;
        st.execute(params![
            seq,
            event_idx,
            cx.name(&e.event_type)?,
            cx.int(e.trigger.start, "offset")?,
            cx.int(e.trigger.end, "offset")?,
            cx.int(e.evidence.start, "offset")?,
            cx.int(e.evidence.end, "offset")?,
            e.date.map(|d| d.to_string()),
            e.date_timex.map(|t| cx.int(t, "timex index")).transpose()?,
            e.location.map(|m| cx.int(m, "mention index")).transpose()?,
            e.sentence,
            e.victim_count
                .map(|n| cx.int(n, "victim count"))
                .transpose()?,
            cx.name(&e.modality)?,
            e.negated,
            to_json(&e.charges).map_err(|r| cx.invalid(r))?,
            to_json(&e.legal_basis).map_err(|r| cx.invalid(r))?,
            to_json(&e.restated).map_err(|r| cx.invalid(r))?
        ])
        .map_err(cx.sql("cannot store an event"))?;
        for (j, (mention, role)) in e.participants.iter().enumerate() {
            participants
                .execute(params![
                    seq,
                    event_idx,
                    cx.int(j, "participant index")?,
                    cx.int(*mention, "mention index")?,
                    cx.name(role)?
                ])
                .map_err(cx.sql("cannot store an event participant"))?;
        }
    }

    let mut st = tx
        .prepare_cached(
            "INSERT INTO claims (document_seq, idx, quantity, qualifier, unit, retracted, \
             evidence_start, evidence_end, claimant) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )
        .map_err(cx.sql("cannot prepare to store claims"))?;
    for (i, c) in a.claims.iter().enumerate() {
        st.execute(params![
            seq,
            cx.int(i, "claim index")?,
            cx.int(c.quantity, "quantity")?,
            cx.name(&c.qualifier)?,
            c.unit,
            c.retracted,
            cx.int(c.evidence.start, "offset")?,
            cx.int(c.evidence.end, "offset")?,
            c.claimant.map(|m| cx.int(m, "mention index")).transpose()?
        ])
        .map_err(cx.sql("cannot store a claim"))?;
    }
    Ok(())
}

/// Remove every layer of a document, children before the rows they point at.
fn delete_layers(tx: &Connection, seq: i64, cx: &Ctx) -> Result<()> {
    for table in [
        "event_participants",
        "events",
        "claims",
        "timexes",
        "mentions",
        "sentences",
    ] {
        tx.execute(
            &format!("DELETE FROM {table} WHERE document_seq = ?1"),
            [seq],
        )
        .map_err(cx.sql("cannot remove the old analysis"))?;
    }
    Ok(())
}

/// A row's `idx` must be its position: the layers are read back as lists and the facts point
/// at each other by position.
fn expect_idx(cx: &Ctx, table: &'static str, idx: i64, position: usize) -> Result<()> {
    if usize::try_from(idx).ok() == Some(position) {
        Ok(())
    } else {
        Err(cx.corrupt(
            table,
            format!("idx {idx} where {position} was expected (a gap or a duplicate)"),
        ))
    }
}

/// Read a document and every layer, or `None` when it is not stored.
fn read_layers(conn: &Connection, cx: &Ctx) -> Result<Option<AnalyzedDocument>> {
    type DocRow = (
        i64,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        String,
        String,
    );
    let row: Option<DocRow> = conn
        .prepare_cached(
            "SELECT seq, source, format, title, publisher, published, reference, source_url, \
             supplied, text FROM documents WHERE id = ?1",
        )
        .and_then(|mut st| {
            st.query_row([cx.id.as_str()], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                ))
            })
            .optional()
        })
        .map_err(cx.sql("cannot read a document"))?;
    let Some((
        seq,
        source,
        format,
        title,
        publisher,
        published,
        reference,
        source_url,
        supplied,
        text,
    )) = row
    else {
        return Ok(None);
    };
    let corrupt_doc = |reason: String| cx.corrupt("documents", reason);
    let document = Document {
        id: cx.id.clone(),
        source,
        format: enum_from_name(&format).map_err(|r| corrupt_doc(format!("format {r}")))?,
        meta: DocumentMeta {
            title,
            publisher,
            published: published
                .map(|p| p.parse::<PartialDate>())
                .transpose()
                .map_err(|e| corrupt_doc(format!("published: {e}")))?,
            reference,
            source_url,
            supplied: from_json(&supplied).map_err(|r| corrupt_doc(format!("supplied {r}")))?,
        },
        text,
    };
    let mut analysis = AnalyzedDocument::new(document);

    // Integers come out of SQLite as i64; anything negative or too large is damage.
    let us = |table: &'static str, v: i64, what: &str| -> Result<usize> {
        from_sql_int(v, what).map_err(|r| cx.corrupt(table, r))
    };
    let span = |table: &'static str, start: i64, end: i64| -> Result<Span> {
        Ok(Span {
            start: us(table, start, "offset")?,
            end: us(table, end, "offset")?,
        })
    };

    let mut st = conn
        .prepare_cached(
            r#"SELECT idx, start, "end" FROM sentences WHERE document_seq = ?1 ORDER BY idx"#,
        )
        .map_err(cx.sql("cannot read sentences"))?;
    let rows = st
        .query_map([seq], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?)))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<(i64, i64, i64)>>>())
        .map_err(cx.sql("cannot read sentences"))?;
    for (pos, (idx, start, end)) in rows.into_iter().enumerate() {
        expect_idx(cx, "sentences", idx, pos)?;
        analysis.sentences.push(span("sentences", start, end)?);
    }

    type MentionRow = (
        i64,
        i64,
        i64,
        String,
        String,
        Option<String>,
        Option<String>,
    );
    let mut st = conn
        .prepare_cached(
            r#"SELECT idx, start, "end", text, entity_type, country, legal
               FROM mentions WHERE document_seq = ?1 ORDER BY idx"#,
        )
        .map_err(cx.sql("cannot read mentions"))?;
    let rows = st
        .query_map([seq], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<MentionRow>>>())
        .map_err(cx.sql("cannot read mentions"))?;
    for (pos, (idx, start, end, text, entity_type, country, legal)) in rows.into_iter().enumerate()
    {
        expect_idx(cx, "mentions", idx, pos)?;
        let legal: Option<LegalRef> = match legal {
            Some(json) => Some(from_json(&json).map_err(|r| cx.corrupt("mentions", r))?),
            None => None,
        };
        analysis.mentions.push(Mention {
            span: span("mentions", start, end)?,
            text,
            entity_type: cx.parse_name("mentions", "entity_type", &entity_type)?,
            country,
            legal,
        });
    }

    type TimexRow = (i64, i64, i64, String, String, String);
    let mut st = conn
        .prepare_cached(
            r#"SELECT idx, start, "end", text, type, value
               FROM timexes WHERE document_seq = ?1 ORDER BY idx"#,
        )
        .map_err(cx.sql("cannot read time expressions"))?;
    let rows = st
        .query_map([seq], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<TimexRow>>>())
        .map_err(cx.sql("cannot read time expressions"))?;
    for (pos, (idx, start, end, text, timex_type, value)) in rows.into_iter().enumerate() {
        expect_idx(cx, "timexes", idx, pos)?;
        analysis.timexes.push(Timex {
            span: span("timexes", start, end)?,
            text,
            timex_type: cx.parse_name("timexes", "type", &timex_type)?,
            value,
        });
    }

    // Participants of all events at once, in (event, position) order, then dealt out.
    let mut st = conn
        .prepare_cached(
            "SELECT event_idx, idx, mention_idx, role FROM event_participants \
             WHERE document_seq = ?1 ORDER BY event_idx, idx",
        )
        .map_err(cx.sql("cannot read event participants"))?;
    let participant_rows = st
        .query_map([seq], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<(i64, i64, i64, String)>>>())
        .map_err(cx.sql("cannot read event participants"))?;
    let mut participant_rows = participant_rows.into_iter().peekable();

    let mut st = conn
        .prepare_cached(
            "SELECT idx, type, trigger_start, trigger_end, evidence_start, evidence_end, date, \
             date_timex, location, sentence, victim_count, modality, negated, charges, \
             legal_basis, restated FROM events WHERE document_seq = ?1 ORDER BY idx",
        )
        .map_err(cx.sql("cannot read events"))?;
    let mut rows = st.query([seq]).map_err(cx.sql("cannot read events"))?;
    let mut pos = 0;
    while let Some(r) = rows.next().map_err(cx.sql("cannot read events"))? {
        let row = (|| -> rusqlite::Result<_> {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                (r.get::<_, i64>(2)?, r.get::<_, i64>(3)?),
                (r.get::<_, i64>(4)?, r.get::<_, i64>(5)?),
                r.get::<_, Option<String>>(6)?,
                (r.get::<_, Option<i64>>(7)?, r.get::<_, Option<i64>>(8)?),
                r.get::<_, Option<String>>(9)?,
                r.get::<_, Option<i64>>(10)?,
                r.get::<_, String>(11)?,
                r.get::<_, bool>(12)?,
                (r.get::<_, String>(13)?, r.get::<_, String>(14)?),
                r.get::<_, String>(15)?,
            ))
        })()
        .map_err(cx.sql("cannot read events"))?;
        let (
            idx,
            event_type,
            trigger,
            evidence,
            date,
            (date_timex, location),
            sentence,
            victim_count,
            modality,
            negated,
            (charges, legal_basis),
            restated,
        ) = row;
        expect_idx(cx, "events", idx, pos)?;
        let mut participants = Vec::new();
        while let Some((_, p_idx, mention, role)) = participant_rows.next_if(|p| p.0 == idx) {
            expect_idx(cx, "event_participants", p_idx, participants.len())?;
            participants.push((
                us("event_participants", mention, "mention index")?,
                cx.parse_name("event_participants", "role", &role)?,
            ));
        }
        analysis.events.push(EventMention {
            event_type: cx.parse_name("events", "type", &event_type)?,
            trigger: span("events", trigger.0, trigger.1)?,
            evidence: span("events", evidence.0, evidence.1)?,
            restated: from_json(&restated).map_err(|r| cx.corrupt("events", r))?,
            participants,
            date: date
                .map(|d| d.parse::<PartialDate>())
                .transpose()
                .map_err(|e| cx.corrupt("events", format!("date: {e}")))?,
            date_timex: date_timex
                .map(|t| us("events", t, "timex index"))
                .transpose()?,
            location: location
                .map(|m| us("events", m, "mention index"))
                .transpose()?,
            legal_basis: from_json(&legal_basis).map_err(|r| cx.corrupt("events", r))?,
            charges: from_json(&charges).map_err(|r| cx.corrupt("events", r))?,
            sentence,
            victim_count: victim_count
                .map(|n| from_sql_int(n, "victim count").map_err(|r| cx.corrupt("events", r)))
                .transpose()?,
            modality: cx.parse_name("events", "modality", &modality)?,
            negated,
        });
        pos += 1;
    }
    if let Some((event_idx, ..)) = participant_rows.next() {
        return Err(cx.corrupt(
            "event_participants",
            format!("a participant of event {event_idx}, which is not stored"),
        ));
    }

    type ClaimRow = (i64, i64, String, String, bool, i64, i64, Option<i64>);
    let mut st = conn
        .prepare_cached(
            "SELECT idx, quantity, qualifier, unit, retracted, evidence_start, evidence_end, \
             claimant FROM claims WHERE document_seq = ?1 ORDER BY idx",
        )
        .map_err(cx.sql("cannot read claims"))?;
    let rows = st
        .query_map([seq], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<ClaimRow>>>())
        .map_err(cx.sql("cannot read claims"))?;
    for (pos, (idx, quantity, qualifier, unit, retracted, start, end, claimant)) in
        rows.into_iter().enumerate()
    {
        expect_idx(cx, "claims", idx, pos)?;
        analysis.claims.push(Claim {
            quantity: from_sql_int(quantity, "quantity").map_err(|r| cx.corrupt("claims", r))?,
            qualifier: cx.parse_name("claims", "qualifier", &qualifier)?,
            unit,
            retracted,
            evidence: span("claims", start, end)?,
            claimant: claimant
                .map(|m| us("claims", m, "mention index"))
                .transpose()?,
        });
    }
    Ok(Some(analysis))
}

/// Raises the change counter, in the transaction of the change.
fn bump_changes(tx: &Connection, path: &Path) -> Result<()> {
    tx.prepare_cached("UPDATE changes SET counter = counter + 1")
        .and_then(|mut st| st.execute([]))
        .map(|_| ())
        .map_err(sql_error(path, "cannot count a change"))
}

/// Stores one document inside `tx` (a transaction or savepoint the caller commits): nothing when
/// its id is already stored.
fn put_in(
    tx: &Connection,
    raw: &[u8],
    analysis: &AnalyzedDocument,
    cx: &Ctx,
) -> Result<PutOutcome> {
    let doc = &analysis.document;
    check_references(analysis, &|r| cx.invalid(r))?;
    let format = enum_name(&doc.format).map_err(|r| cx.invalid(r))?;
    let supplied = to_json(&doc.meta.supplied).map_err(|r| cx.invalid(r))?;
    let present: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?1)")
        .and_then(|mut st| st.query_row([doc.id.as_str()], |r| r.get(0)))
        .map_err(cx.sql("cannot look a document up"))?;
    if present {
        return Ok(PutOutcome::AlreadyPresent);
    }
    let seq: i64 = tx
        .prepare_cached("SELECT COALESCE(MAX(seq), 0) + 1 FROM documents")
        .and_then(|mut st| st.query_row([], |r| r.get(0)))
        .map_err(cx.sql("cannot number a document"))?;
    tx.prepare_cached(
        "INSERT INTO documents (id, seq, source, format, title, publisher, published, \
         reference, source_url, supplied, text, raw) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )
    .and_then(|mut st| {
        st.execute(params![
            doc.id.as_str(),
            seq,
            doc.source,
            format,
            doc.meta.title,
            doc.meta.publisher,
            doc.meta.published.map(|d| d.to_string()),
            doc.meta.reference,
            doc.meta.source_url,
            supplied,
            doc.text,
            raw
        ])
    })
    .map_err(cx.sql("cannot store a document"))?;
    insert_layers(tx, analysis, seq, cx)?;
    bump_changes(tx, cx.path)?;
    Ok(PutOutcome::Inserted)
}

impl Store for SqliteStore {
    fn contains(&self, id: &DocumentId) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?1)")
            .and_then(|mut st| st.query_row([id.as_str()], |r| r.get(0)))
            .map_err(self.sql("cannot look a document up"))
    }

    fn put(&mut self, raw: &[u8], analysis: &AnalyzedDocument) -> Result<PutOutcome> {
        let doc = &analysis.document;
        let cx = Ctx::new(&self.path, &doc.id);
        // IMMEDIATE: take the write lock before reading, so the existence check and the insert
        // see the same state even with another process ingesting into the same store.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(cx.sql("cannot begin a transaction"))?;
        // On an error, dropping the transaction rolls it back.
        let outcome = put_in(&tx, raw, analysis, &cx)?;
        if outcome == PutOutcome::Inserted {
            tx.commit().map_err(cx.sql("cannot commit a document"))?;
        }
        Ok(outcome)
    }

    fn put_batch(&mut self, docs: &[(&[u8], &AnalyzedDocument)]) -> crate::BatchOutcome {
        match self.put_all(docs) {
            Ok(outcomes) => (outcomes, None),
            // The transaction was rolled back whole. The documents before the failing one were
            // fine: store them again, in a transaction of their own, as put would have kept them.
            // (Cheaper than a savepoint per document, whose journal every write would pay for.)
            Err((done, e)) => match self.put_all(&docs[..done]) {
                Ok(outcomes) => (outcomes, Some(e)),
                Err((_, e)) => (Vec::new(), Some(e)),
            },
        }
    }

    fn replace_analysis(&mut self, analysis: &AnalyzedDocument) -> Result<()> {
        let doc = &analysis.document;
        let cx = Ctx::new(&self.path, &doc.id);
        check_references(analysis, &|r| cx.invalid(r))?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(cx.sql("cannot begin a transaction"))?;
        let seq: Option<i64> = tx
            .prepare_cached("UPDATE documents SET text = ?2 WHERE id = ?1 RETURNING seq")
            .and_then(|mut st| {
                st.query_row(params![doc.id.as_str(), doc.text], |r| r.get(0))
                    .optional()
            })
            .map_err(cx.sql("cannot update a document's text"))?;
        let Some(seq) = seq else {
            return Err(StoreError::NotStored {
                path: self.path.clone(),
                id: doc.id.clone(),
            });
        };
        delete_layers(&tx, seq, &cx)?;
        insert_layers(&tx, analysis, seq, &cx)?;
        bump_changes(&tx, &self.path)?;
        tx.commit().map_err(cx.sql("cannot commit a document"))
    }

    fn document_ids(&self) -> Result<Vec<DocumentId>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id FROM documents ORDER BY seq")
            .map_err(self.sql("cannot list documents"))?;
        let ids = st
            .query_map([], |r| r.get(0).map(DocumentId))
            .and_then(|rows| rows.collect())
            .map_err(self.sql("cannot list documents"))?;
        Ok(ids)
    }

    fn analysis(&self, id: &DocumentId) -> Result<Option<AnalyzedDocument>> {
        self.read_analysis(id)
    }

    fn raw(&self, id: &DocumentId) -> Result<Option<Vec<u8>>> {
        self.conn
            .prepare_cached("SELECT raw FROM documents WHERE id = ?1")
            .and_then(|mut st| st.query_row([id.as_str()], |r| r.get(0)).optional())
            .map_err(self.sql("cannot read a document's raw bytes"))
    }

    fn text(&self, id: &DocumentId) -> Result<Option<String>> {
        self.conn
            .prepare_cached("SELECT text FROM documents WHERE id = ?1")
            .and_then(|mut st| st.query_row([id.as_str()], |r| r.get(0)).optional())
            .map_err(self.sql("cannot read a document's text"))
    }

    fn for_each_analysis(&self, f: &mut dyn FnMut(AnalyzedDocument) -> Result<()>) -> Result<()> {
        // Pages of ids rather than one open cursor: memory stays bounded, no read transaction is
        // held while `f` works, and `f` may itself call the store.
        let mut after = 0i64;
        loop {
            let page: Vec<(i64, String)> = self
                .conn
                .prepare_cached(
                    "SELECT seq, id FROM documents WHERE seq > ?1 ORDER BY seq LIMIT ?2",
                )
                .and_then(|mut st| {
                    st.query_map([after, PAGE], |r| Ok((r.get(0)?, r.get(1)?)))?
                        .collect()
                })
                .map_err(self.sql("cannot list documents"))?;
            let Some(&(last, _)) = page.last() else {
                return Ok(());
            };
            for (_, id) in page {
                // Documents are never deleted, so one listed is still there.
                if let Some(analysis) = self.read_analysis(&DocumentId(id))? {
                    f(analysis)?;
                }
            }
            after = last;
        }
    }

    fn document_count(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))
            .map_err(self.sql("cannot count documents"))?;
        // COUNT(*) is never negative.
        Ok(u64::try_from(n).unwrap_or_default())
    }

    fn ingest_log(&self) -> Result<Vec<IngestEntry>> {
        self.read_ingest_log("ORDER BY seq", [])
    }

    fn ingest_log_newest(&self, skip: usize, limit: usize) -> Result<Vec<IngestEntry>> {
        let [skip, limit] = [skip, limit].map(|n| i64::try_from(n).unwrap_or(i64::MAX));
        self.read_ingest_log("ORDER BY seq DESC LIMIT ?2 OFFSET ?1", [skip, limit])
    }

    fn changes(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .prepare_cached("SELECT counter FROM changes")
            .and_then(|mut st| st.query_row([], |r| r.get(0)))
            .map_err(self.sql("cannot read the change counter"))?;
        Ok(u64::try_from(n).unwrap_or_default())
    }

    fn record_review(&mut self, review: &NewReview) -> Result<Review> {
        let user = review.user.trim();
        if user.is_empty() || user.chars().any(char::is_control) {
            return Err(StoreError::InvalidReview {
                path: self.path.clone(),
                reason: "the user must be a non-empty name without control characters".into(),
            });
        }
        let input = &review.input;
        // Serialising the model's own enums cannot fail.
        let json = |v: &Option<ReviewAnchor>| v.as_ref().and_then(|a| to_json(a).ok());
        let created_at = now_rfc3339();
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql_error(&path, "cannot begin a transaction"))?;
        tx.prepare_cached(
            "INSERT INTO reviews (target, action, value, note, anchor, value_anchor, user, \
                 created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .and_then(|mut stmt| {
            stmt.execute(params![
                input.target,
                input.action.as_str(),
                input.value.as_ref().map(|v| v.to_string()),
                input.note,
                json(&review.anchor),
                json(&review.value_anchor),
                user,
                created_at,
            ])
        })
        .map_err(sql_error(&path, "cannot record the review"))?;
        let id = tx.last_insert_rowid();
        bump_changes(&tx, &path)?;
        tx.commit()
            .map_err(sql_error(&path, "cannot record the review"))?;
        Ok(Review {
            id,
            target: input.target.clone(),
            action: input.action,
            value: input.value.clone(),
            note: input.note.clone(),
            anchor: review.anchor.clone(),
            value_anchor: review.value_anchor.clone(),
            user: user.to_string(),
            created_at,
        })
    }

    fn reviews(&self) -> Result<Vec<Review>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, target, action, value, note, anchor, value_anchor, user, created_at \
                 FROM reviews ORDER BY id",
            )
            .map_err(self.sql("cannot read the review log"))?;
        let rows = stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, Option<String>>(3)?,
                    row.get::<_, Option<String>>(4)?,
                    row.get::<_, Option<String>>(5)?,
                    row.get::<_, Option<String>>(6)?,
                    row.get::<_, String>(7)?,
                    row.get::<_, String>(8)?,
                ))
            })
            .map_err(self.sql("cannot read the review log"))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, target, action, value, note, anchor, value_anchor, user, created_at) =
                row.map_err(self.sql("cannot read the review log"))?;
            let corrupt = |reason: String| StoreError::InvalidReview {
                path: self.path.clone(),
                reason: format!("stored review {id} is corrupt: {reason}"),
            };
            let action = ReviewAction::parse(&action)
                .ok_or_else(|| corrupt(format!("unknown action {action:?}")))?;
            let parse = |text: Option<String>| -> Result<Option<ReviewAnchor>> {
                text.map(|t| serde_json::from_str(&t).map_err(|e| corrupt(e.to_string())))
                    .transpose()
            };
            out.push(Review {
                id,
                target,
                action,
                value: value
                    .map(|v| serde_json::from_str(&v).map_err(|e| corrupt(e.to_string())))
                    .transpose()?,
                note,
                anchor: parse(anchor)?,
                value_anchor: parse(value_anchor)?,
                user,
                created_at,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The schema (`sqlite_master` without root pages) and the rows of every table of `conn`.
    fn contents(conn: &Connection) -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
            .expect("schema query");
        let mut out: Vec<String> = stmt
            .query_map([], |r| {
                Ok(format!(
                    "{} {} {} {:?}",
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?
                ))
            })
            .expect("schema rows")
            .collect::<std::result::Result<_, _>>()
            .expect("schema rows");
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .expect("tables query")
            .query_map([], |r| r.get(0))
            .expect("tables")
            .collect::<std::result::Result<_, _>>()
            .expect("tables");
        for t in tables {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM \"{t}\""))
                .expect("table query");
            let n = stmt.column_count();
            let rows: Vec<String> = stmt
                .query_map([], |r| {
                    let cells: Vec<String> = (0..n)
                        .map(|i| format!("{:?}", r.get_ref(i).expect("a cell")))
                        .collect();
                    Ok(cells.join("|"))
                })
                .expect("rows")
                .collect::<std::result::Result<_, _>>()
                .expect("rows");
            out.push(format!("{t}: {rows:?}"));
        }
        for pragma in ["user_version", "application_id"] {
            let v: i64 = conn
                .pragma_query_value(None, pragma, |r| r.get(0))
                .expect("pragma");
            out.push(format!("{pragma} {v}"));
        }
        out
    }

    #[test]
    fn a_new_store_gets_the_schema_the_migrations_build() {
        let by_steps = Connection::open_in_memory().expect("in memory");
        for m in MIGRATIONS {
            by_steps.execute_batch(m).expect("migration");
        }
        by_steps
            .pragma_update(None, "user_version", SqliteStore::SCHEMA_VERSION)
            .expect("version");
        by_steps
            .pragma_update(None, "application_id", APPLICATION_ID)
            .expect("application id");
        let mut fresh = Connection::open_in_memory().expect("in memory");
        migrate(&mut fresh, Path::new(":memory:")).expect("a new store's schema");
        let (a, b) = (contents(&by_steps), contents(&fresh));
        assert!(a.len() > 20, "{a:?}");
        assert_eq!(a, b);
        // The script stands for the migrations up to its version, no more: later ones run after.
        let partial = Connection::open_in_memory().expect("in memory");
        for m in &MIGRATIONS[..FRESH_VERSION as usize] {
            partial.execute_batch(m).expect("migration");
        }
        let only_fresh = Connection::open_in_memory().expect("in memory");
        only_fresh.execute_batch(FRESH).expect("the script");
        let strip = |v: Vec<String>| -> Vec<String> {
            v.into_iter()
                .filter(|l| !l.starts_with("user_version") && !l.starts_with("application_id"))
                .collect()
        };
        assert_eq!(strip(contents(&partial)), strip(contents(&only_fresh)));
    }
}
