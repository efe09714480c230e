//! The team backend: the same tables as the SQLite store, in a PostgreSQL database.
//!
//! Uses the synchronous `postgres` crate (rust-postgres): pure Rust, so it links beside rusqlite's
//! bundled SQLite, which sqlx cannot. Each layer of a document is written with one statement
//! (`INSERT … SELECT … FROM UNNEST(arrays)`), so a document costs a handful of round trips
//! whatever its size.

use crate::codec::{enum_from_name, enum_name, from_json, from_sql_int, to_json, to_sql_int};
use crate::{now_rfc3339, IngestEntry, NewReview, PutOutcome, Result, Store, StoreError};
use ::postgres::{Client, IsolationLevel, NoTls, Row, Statement, Transaction};
use casefile_model::{
    AnalyzedDocument, Claim, Document, DocumentId, DocumentMeta, EventMention, LegalRef, Mention,
    PartialDate, Review, ReviewAction, ReviewAnchor, Span, Timex,
};
use std::borrow::Cow;
use std::cell::RefCell;
use std::path::{Path, PathBuf};

/// Schema migrations, oldest first: migration `n` (0-based) takes the database from version `n`
/// to `n + 1` (the `version` in table `casefile_schema`). Only ever append.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/postgres/0001_initial.sql"),
    include_str!("migrations/postgres/0002_reviews.sql"),
    include_str!("migrations/postgres/0003_queue.sql"),
    include_str!("migrations/postgres/0004_changes.sql"),
    include_str!("migrations/postgres/0005_restated.sql"),
];

/// The advisory lock that serialises migrations, so two processes opening a new database at once
/// migrate it once. "CFST" in ASCII, as the SQLite application id.
const MIGRATION_LOCK: i64 = 0x4346_5354;

/// How many document ids [`Store::for_each_analysis`] reads at a time.
const PAGE: i64 = 256;

/// Marks a character the free-text columns escape (see `migrations/postgres/0001_initial.sql`).
const ESC: char = '\u{FFFF}';

/// A string as stored in a TEXT column: NUL, which PostgreSQL refuses, and the escape character
/// itself escaped; anything else unchanged and uncopied.
pub(crate) fn encode(text: &str) -> Cow<'_, str> {
    if !text.contains(['\0', ESC]) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\0' => {
                out.push(ESC);
                out.push('0');
            }
            ESC => {
                out.push(ESC);
                out.push(ESC);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The string [`encode`] stored.
pub(crate) fn decode(text: String) -> String {
    if !text.contains(ESC) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == ESC {
            match chars.next() {
                Some('0') => out.push('\0'),
                Some(ESC) | None => out.push(ESC),
                Some(other) => {
                    out.push(ESC);
                    out.push(other);
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn encode_opt(text: &Option<String>) -> Option<String> {
    text.as_deref().map(|t| encode(t).into_owned())
}

/// The URL without its password, for messages.
pub(crate) fn redact(url: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let mut out = match base.split_once("://") {
        Some((scheme, rest)) => {
            let (authority, path) = match rest.find('/') {
                Some(i) => rest.split_at(i),
                None => (rest, ""),
            };
            let authority = match authority.rsplit_once('@') {
                Some((user, host)) => {
                    let user = user.split(':').next().unwrap_or_default();
                    format!("{user}@{host}")
                }
                None => authority.to_string(),
            };
            format!("{scheme}://{authority}{path}")
        }
        None => base.to_string(),
    };
    if let Some(query) = query {
        let kept: Vec<&str> = query
            .split('&')
            .filter(|p| !p.starts_with("password="))
            .collect();
        if !kept.is_empty() {
            out.push('?');
            out.push_str(&kept.join("&"));
        }
    }
    out
}

/// The prepared statements every operation uses, prepared once per connection.
pub(crate) struct Statements {
    pub(crate) contains: Statement,
    insert_document: Statement,
    sentences: Statement,
    mentions: Statement,
    timexes: Statement,
    events: Statement,
    participants: Statement,
    claims: Statement,
    read_document: Statement,
    read_sentences: Statement,
    read_mentions: Statement,
    read_timexes: Statement,
    read_participants: Statement,
    read_events: Statement,
    read_claims: Statement,
    page: Statement,
}

impl Statements {
    fn prepare(client: &mut Client) -> std::result::Result<Self, ::postgres::Error> {
        Ok(Statements {
            contains: client.prepare("SELECT EXISTS (SELECT 1 FROM documents WHERE id = $1)")?,
            insert_document: client.prepare(
                "INSERT INTO documents (id, source, format, title, publisher, published, \
                 reference, source_url, supplied, text, raw) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
                 ON CONFLICT (id) DO NOTHING",
            )?,
            sentences: client.prepare(
                r#"INSERT INTO sentences (document_id, idx, start, "end")
                   SELECT $1, u.* FROM UNNEST($2::bigint[], $3::bigint[], $4::bigint[]) AS u"#,
            )?,
            mentions: client.prepare(
                r#"INSERT INTO mentions (document_id, idx, start, "end", text, entity_type,
                   country, legal)
                   SELECT $1, u.* FROM UNNEST($2::bigint[], $3::bigint[], $4::bigint[],
                   $5::text[], $6::text[], $7::text[], $8::text[]) AS u"#,
            )?,
            timexes: client.prepare(
                r#"INSERT INTO timexes (document_id, idx, start, "end", text, type, value)
                   SELECT $1, u.* FROM UNNEST($2::bigint[], $3::bigint[], $4::bigint[],
                   $5::text[], $6::text[], $7::text[]) AS u"#,
            )?,
            events: client.prepare(
                "INSERT INTO events (document_id, idx, type, trigger_start, trigger_end, \
                 evidence_start, evidence_end, date, date_timex, location, sentence, \
                 victim_count, modality, negated, charges, legal_basis, restated) \
                 SELECT $1, u.* FROM UNNEST($2::bigint[], $3::text[], $4::bigint[], \
                 $5::bigint[], $6::bigint[], $7::bigint[], $8::text[], $9::bigint[], \
                 $10::bigint[], $11::text[], $12::bigint[], $13::text[], $14::boolean[], \
                 $15::text[], $16::text[], $17::text[]) AS u",
            )?,
            participants: client.prepare(
                "INSERT INTO event_participants (document_id, event_idx, idx, mention_idx, role) \
                 SELECT $1, u.* FROM UNNEST($2::bigint[], $3::bigint[], $4::bigint[], \
                 $5::text[]) AS u",
            )?,
            claims: client.prepare(
                "INSERT INTO claims (document_id, idx, quantity, qualifier, unit, retracted, \
                 evidence_start, evidence_end, claimant) \
                 SELECT $1, u.* FROM UNNEST($2::bigint[], $3::bigint[], $4::text[], $5::text[], \
                 $6::boolean[], $7::bigint[], $8::bigint[], $9::bigint[]) AS u",
            )?,
            read_document: client.prepare(
                "SELECT source, format, title, publisher, published, reference, source_url, \
                 supplied, text FROM documents WHERE id = $1",
            )?,
            read_sentences: client.prepare(
                r#"SELECT idx, start, "end" FROM sentences WHERE document_id = $1 ORDER BY idx"#,
            )?,
            read_mentions: client.prepare(
                r#"SELECT idx, start, "end", text, entity_type, country, legal
                   FROM mentions WHERE document_id = $1 ORDER BY idx"#,
            )?,
            read_timexes: client.prepare(
                r#"SELECT idx, start, "end", text, type, value
                   FROM timexes WHERE document_id = $1 ORDER BY idx"#,
            )?,
            read_participants: client.prepare(
                "SELECT event_idx, idx, mention_idx, role FROM event_participants \
                 WHERE document_id = $1 ORDER BY event_idx, idx",
            )?,
            read_events: client.prepare(
                "SELECT idx, type, trigger_start, trigger_end, evidence_start, evidence_end, \
                 date, date_timex, location, sentence, victim_count, modality, negated, \
                 charges, legal_basis, restated FROM events WHERE document_id = $1 \
                 ORDER BY idx",
            )?,
            read_claims: client.prepare(
                "SELECT idx, quantity, qualifier, unit, retracted, evidence_start, \
                 evidence_end, claimant FROM claims WHERE document_id = $1 ORDER BY idx",
            )?,
            page: client
                .prepare("SELECT seq, id FROM documents WHERE seq > $1 ORDER BY seq LIMIT $2")?,
        })
    }
}

pub(crate) struct Conn {
    pub(crate) client: Client,
    pub(crate) st: Statements,
}

/// The store in a PostgreSQL database, opened by URL (`postgres://USER@HOST/DB`).
///
/// The same guarantees as [`SqliteStore`](crate::SqliteStore): one transaction per document,
/// re-put a no-op (`INSERT … ON CONFLICT DO NOTHING`, so two processes putting the same document
/// at once store it once), exact round trip, the review log append only. Tables live in the
/// first schema of the connection's `search_path` (`public` unless the URL's `options` say
/// otherwise), so one database can hold several stores.
pub struct PostgresStore {
    // Reads take `&self` but the client needs `&mut`; a store is used by one thread at a time
    // (it is `Send`, not `Sync`), as a SQLite connection is.
    conn: RefCell<Conn>,
    /// The URL without its password: what error messages name.
    path: PathBuf,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore")
            .field("url", &self.path)
            .finish_non_exhaustive()
    }
}

pub(crate) fn pg_error<'a>(
    path: &'a Path,
    action: &'static str,
) -> impl FnOnce(::postgres::Error) -> StoreError + 'a {
    move |source| StoreError::Postgres {
        path: path.to_path_buf(),
        action,
        source,
    }
}

impl PostgresStore {
    /// The ingest log's rows in the order (and page) `order` says.
    fn read_ingest_log(
        &self,
        order: &str,
        params: &[&(dyn ::postgres::types::ToSql + Sync)],
    ) -> Result<Vec<IngestEntry>> {
        let rows = self
            .conn
            .borrow_mut()
            .client
            .query(
                &format!(
                    "SELECT id, source, format, \
                     to_char(ingested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), \
                     octet_length(raw)::bigint, octet_length(text)::bigint \
                     FROM documents {order}"
                ),
                params,
            )
            .map_err(self.sql("cannot read the ingest log"))?;
        Ok(rows
            .iter()
            .map(|r| IngestEntry {
                id: DocumentId(r.get(0)),
                source: decode(r.get(1)),
                format: r.get(2),
                ingested_at: r.get(3),
                raw_bytes: u64::try_from(r.get::<_, i64>(4)).unwrap_or_default(),
                text_bytes: u64::try_from(r.get::<_, i64>(5)).unwrap_or_default(),
            })
            .collect())
    }

    /// The schema version this build writes.
    pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

    /// Connects to the database at `url` (`postgres://USER[:PASSWORD]@HOST[:PORT]/DB`, a Unix
    /// socket as a percent-encoded path host, or the key=value form) and runs schema migrations
    /// forward. A database written by a newer schema is refused with [`StoreError::NewerSchema`];
    /// one whose `documents` table is not casefile's with [`StoreError::NotCasefile`].
    pub fn open(url: &str) -> Result<Self> {
        let (conn, path) = open_conn(url)?;
        Ok(PostgresStore {
            conn: RefCell::new(conn),
            path,
        })
    }

    /// The database's URL, without its password.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn sql(&self, action: &'static str) -> impl FnOnce(::postgres::Error) -> StoreError + '_ {
        pg_error(&self.path, action)
    }

    fn read_analysis(&self, id: &DocumentId) -> Result<Option<AnalyzedDocument>> {
        let mut conn = self.conn.borrow_mut();
        let Conn { client, st } = &mut *conn;
        // One snapshot for all layers, so a concurrent replace_analysis is seen whole or not
        // at all.
        let mut tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(self.sql("cannot begin a read transaction"))?;
        let analysis = read_layers(&mut tx, st, &Ctx::new(&self.path, id))?;
        tx.commit()
            .map_err(self.sql("cannot end a read transaction"))?;
        Ok(analysis)
    }
}

/// A new connection to the database at `url`, its schema migrated and statements prepared, and
/// the URL without its password.
pub(crate) fn open_conn(url: &str) -> Result<(Conn, PathBuf)> {
    let path = PathBuf::from(redact(url));
    let mut client = connect(url, &path)?;
    migrate(&mut client, &path)?;
    let st =
        Statements::prepare(&mut client).map_err(pg_error(&path, "cannot prepare statements"))?;
    Ok((Conn { client, st }, path))
}

/// A plain connection to the database at `url` (`path`: the URL without its password).
pub(crate) fn connect(url: &str, path: &Path) -> Result<Client> {
    let sql = |action| pg_error(path, action);
    let config: ::postgres::Config = url.parse().map_err(sql("cannot read the URL"))?;
    config
        .connect(NoTls)
        .map_err(sql("cannot connect to the database"))
}

/// The schema version of the database (0: none yet), or why this build must not touch it.
fn schema_version<C: ::postgres::GenericClient>(tx: &mut C, path: &Path) -> Result<i64> {
    let sql = |action| pg_error(path, action);
    let known = PostgresStore::SCHEMA_VERSION;
    let row = tx
        .query_one(
            "SELECT to_regclass('casefile_schema') IS NOT NULL, \
                 to_regclass('documents') IS NOT NULL",
            &[],
        )
        .map_err(sql("cannot read the schema version"))?;
    let (ours, documents): (bool, bool) = (row.get(0), row.get(1));
    if !ours {
        if documents {
            return Err(StoreError::NotCasefile {
                path: path.to_path_buf(),
                reason: "it has a documents table but no casefile_schema".into(),
            });
        }
        return Ok(0);
    }
    let row = tx
        .query_one("SELECT application, version FROM casefile_schema", &[])
        .map_err(sql("cannot read the schema version"))?;
    let (application, version): (String, i64) = (row.get(0), row.get(1));
    if application != "casefile" {
        return Err(StoreError::NotCasefile {
            path: path.to_path_buf(),
            reason: format!("casefile_schema names the application {application:?}"),
        });
    }
    if version > known {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            known,
        });
    }
    Ok(version)
}

/// Bring the schema up to [`PostgresStore::SCHEMA_VERSION`], or refuse a database this build
/// cannot read.
fn migrate(client: &mut Client, path: &Path) -> Result<()> {
    let sql = |action| pg_error(path, action);
    let known = PostgresStore::SCHEMA_VERSION;
    // The common case, an up-to-date database, takes no lock.
    if schema_version(client, path)? == known {
        return Ok(());
    }
    let mut tx = client
        .transaction()
        .map_err(sql("cannot begin the schema migration"))?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .map_err(sql("cannot lock the schema migration"))?;
    let from = schema_version(&mut tx, path)?;
    if from == 0 {
        tx.batch_execute(
            "CREATE TABLE casefile_schema (application TEXT NOT NULL, version BIGINT NOT NULL); \
             INSERT INTO casefile_schema VALUES ('casefile', 0);",
        )
        .map_err(sql("cannot create the schema version table"))?;
    }
    for migration in &MIGRATIONS[from as usize..] {
        tx.batch_execute(migration)
            .map_err(sql("cannot migrate the schema"))?;
    }
    // In the same transaction as the tables: a crash mid-migration leaves the old version.
    tx.execute("UPDATE casefile_schema SET version = $1", &[&known])
        .map_err(sql("cannot write the schema version"))?;
    tx.commit()
        .map_err(sql("cannot commit the schema migration"))
}

/// The store and document an operation concerns, for error messages.
pub(crate) struct Ctx<'a> {
    path: &'a Path,
    id: &'a DocumentId,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(path: &'a Path, id: &'a DocumentId) -> Self {
        Ctx { path, id }
    }

    pub(crate) fn sql(
        &self,
        action: &'static str,
    ) -> impl FnOnce(::postgres::Error) -> StoreError + '_ {
        pg_error(self.path, action)
    }

    pub(crate) fn invalid(&self, reason: String) -> StoreError {
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

    fn json<T: serde::Serialize>(&self, value: &T) -> Result<String> {
        to_json(value).map_err(|r| self.invalid(r))
    }

    /// Integers come out as i64; anything negative or too large is damage.
    fn us(&self, table: &'static str, v: i64, what: &str) -> Result<usize> {
        from_sql_int(v, what).map_err(|r| self.corrupt(table, r))
    }

    fn span(&self, table: &'static str, start: i64, end: i64) -> Result<Span> {
        Ok(Span {
            start: self.us(table, start, "offset")?,
            end: self.us(table, end, "offset")?,
        })
    }
}

/// Write every layer of `a`, one statement per table. The caller holds the transaction and has
/// removed any old layers.
fn insert_layers(
    tx: &mut Transaction<'_>,
    st: &Statements,
    a: &AnalyzedDocument,
    cx: &Ctx,
) -> Result<()> {
    let id = a.document.id.as_str();
    let idx =
        |n: usize, what: &str| -> Result<Vec<i64>> { (0..n).map(|i| cx.int(i, what)).collect() };

    if !a.sentences.is_empty() {
        let mut starts = Vec::with_capacity(a.sentences.len());
        let mut ends = Vec::with_capacity(a.sentences.len());
        for s in &a.sentences {
            starts.push(cx.int(s.start, "offset")?);
            ends.push(cx.int(s.end, "offset")?);
        }
        let idxs = idx(a.sentences.len(), "sentence index")?;
        tx.execute(&st.sentences, &[&id, &idxs, &starts, &ends])
            .map_err(cx.sql("cannot store sentences"))?;
    }

    if !a.mentions.is_empty() {
        let n = a.mentions.len();
        let (mut starts, mut ends, mut texts, mut types, mut countries, mut legals) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        for m in &a.mentions {
            starts.push(cx.int(m.span.start, "offset")?);
            ends.push(cx.int(m.span.end, "offset")?);
            texts.push(encode(&m.text).into_owned());
            types.push(cx.name(&m.entity_type)?);
            countries.push(encode_opt(&m.country));
            legals.push(m.legal.as_ref().map(|l| cx.json(l)).transpose()?);
        }
        let idxs = idx(n, "mention index")?;
        tx.execute(
            &st.mentions,
            &[
                &id, &idxs, &starts, &ends, &texts, &types, &countries, &legals,
            ],
        )
        .map_err(cx.sql("cannot store mentions"))?;
    }

    if !a.timexes.is_empty() {
        let n = a.timexes.len();
        let (mut starts, mut ends, mut texts, mut types, mut values) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        for t in &a.timexes {
            starts.push(cx.int(t.span.start, "offset")?);
            ends.push(cx.int(t.span.end, "offset")?);
            texts.push(encode(&t.text).into_owned());
            types.push(cx.name(&t.timex_type)?);
            values.push(encode(&t.value).into_owned());
        }
        let idxs = idx(n, "timex index")?;
        tx.execute(
            &st.timexes,
            &[&id, &idxs, &starts, &ends, &texts, &types, &values],
        )
        .map_err(cx.sql("cannot store time expressions"))?;
    }

    if !a.events.is_empty() {
        let n = a.events.len();
        let mut types = Vec::with_capacity(n);
        let mut trigger = (Vec::with_capacity(n), Vec::with_capacity(n));
        let mut evidence = (Vec::with_capacity(n), Vec::with_capacity(n));
        let mut dates = Vec::with_capacity(n);
        let mut date_timexes = Vec::with_capacity(n);
        let mut locations = Vec::with_capacity(n);
        let mut sentences = Vec::with_capacity(n);
        let mut victims = Vec::with_capacity(n);
        let mut modalities = Vec::with_capacity(n);
        let mut negated = Vec::with_capacity(n);
        let mut charges = Vec::with_capacity(n);
        let mut legal_basis = Vec::with_capacity(n);
        let mut restated = Vec::with_capacity(n);
        let mut p_event = Vec::new();
        let mut p_idx = Vec::new();
        let mut p_mention = Vec::new();
        let mut p_role = Vec::new();
        for (i, e) in a.events.iter().enumerate() {
            let event_idx = cx.int(i, "event index")?;
            types.push(cx.name(&e.event_type)?);
            trigger.0.push(cx.int(e.trigger.start, "offset")?);
            trigger.1.push(cx.int(e.trigger.end, "offset")?);
            evidence.0.push(cx.int(e.evidence.start, "offset")?);
            evidence.1.push(cx.int(e.evidence.end, "offset")?);
            dates.push(e.date.map(|d| d.to_string()));
            date_timexes.push(e.date_timex.map(|t| cx.int(t, "timex index")).transpose()?);
            locations.push(e.location.map(|m| cx.int(m, "mention index")).transpose()?);
            sentences.push(encode_opt(&e.sentence));
            victims.push(
                e.victim_count
                    .map(|n| cx.int(n, "victim count"))
                    .transpose()?,
            );
            modalities.push(cx.name(&e.modality)?);
            negated.push(e.negated);
            charges.push(cx.json(&e.charges)?);
            legal_basis.push(cx.json(&e.legal_basis)?);
            restated.push(cx.json(&e.restated)?);
            for (j, (mention, role)) in e.participants.iter().enumerate() {
                p_event.push(event_idx);
                p_idx.push(cx.int(j, "participant index")?);
                p_mention.push(cx.int(*mention, "mention index")?);
                p_role.push(cx.name(role)?);
            }
        }
        let idxs = idx(n, "event index")?;
        tx.execute(
            &st.events,
            &[
                &id,
                &idxs,
                &types,
                &trigger.0,
                &trigger.1,
                &evidence.0,
                &evidence.1,
                &dates,
                &date_timexes,
                &locations,
                &sentences,
                &victims,
                &modalities,
                &negated,
                &charges,
                &legal_basis,
                &restated,
            ],
        )
        .map_err(cx.sql("cannot store events"))?;
        if !p_event.is_empty() {
            tx.execute(
                &st.participants,
                &[&id, &p_event, &p_idx, &p_mention, &p_role],
            )
            .map_err(cx.sql("cannot store event participants"))?;
        }
    }

    if !a.claims.is_empty() {
        let n = a.claims.len();
        let mut quantities = Vec::with_capacity(n);
        let mut qualifiers = Vec::with_capacity(n);
        let mut units = Vec::with_capacity(n);
        let mut retracted = Vec::with_capacity(n);
        let mut starts = Vec::with_capacity(n);
        let mut ends = Vec::with_capacity(n);
        let mut claimants = Vec::with_capacity(n);
        for c in &a.claims {
            quantities.push(cx.int(c.quantity, "quantity")?);
            qualifiers.push(cx.name(&c.qualifier)?);
            units.push(encode(&c.unit).into_owned());
            retracted.push(c.retracted);
            starts.push(cx.int(c.evidence.start, "offset")?);
            ends.push(cx.int(c.evidence.end, "offset")?);
            claimants.push(c.claimant.map(|m| cx.int(m, "mention index")).transpose()?);
        }
        let idxs = idx(n, "claim index")?;
        tx.execute(
            &st.claims,
            &[
                &id,
                &idxs,
                &quantities,
                &qualifiers,
                &units,
                &retracted,
                &starts,
                &ends,
                &claimants,
            ],
        )
        .map_err(cx.sql("cannot store claims"))?;
    }
    Ok(())
}

/// Remove every layer of a document, children before the rows they point at.
fn delete_layers(tx: &mut Transaction<'_>, cx: &Ctx) -> Result<()> {
    for table in [
        "event_participants",
        "events",
        "claims",
        "timexes",
        "mentions",
        "sentences",
    ] {
        tx.execute(
            &format!("DELETE FROM {table} WHERE document_id = $1"),
            &[&cx.id.as_str()],
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

/// A column of a row, a type mismatch reported as a corrupt row rather than a panic.
fn col<'r, T: ::postgres::types::FromSql<'r>>(
    cx: &Ctx,
    table: &'static str,
    row: &'r Row,
    i: usize,
) -> Result<T> {
    row.try_get(i)
        .map_err(|e| cx.corrupt(table, format!("column {i}: {e}")))
}

/// Read a document and every layer, or `None` when it is not stored.
fn read_layers(
    tx: &mut Transaction<'_>,
    st: &Statements,
    cx: &Ctx,
) -> Result<Option<AnalyzedDocument>> {
    let id = cx.id.as_str();
    let Some(row) = tx
        .query_opt(&st.read_document, &[&id])
        .map_err(cx.sql("cannot read a document"))?
    else {
        return Ok(None);
    };
    let t = "documents";
    let text_opt =
        |i| -> Result<Option<String>> { Ok(col::<Option<String>>(cx, t, &row, i)?.map(decode)) };
    let format: String = col(cx, t, &row, 1)?;
    let published: Option<String> = col(cx, t, &row, 4)?;
    let supplied: String = col(cx, t, &row, 7)?;
    let document = Document {
        id: cx.id.clone(),
        source: decode(col(cx, t, &row, 0)?),
        format: enum_from_name(&format).map_err(|r| cx.corrupt(t, format!("format {r}")))?,
        meta: DocumentMeta {
            title: text_opt(2)?,
            publisher: text_opt(3)?,
            published: published
                .map(|p| p.parse::<PartialDate>())
                .transpose()
                .map_err(|e| cx.corrupt(t, format!("published: {e}")))?,
            reference: text_opt(5)?,
            source_url: text_opt(6)?,
            supplied: from_json(&supplied).map_err(|r| cx.corrupt(t, format!("supplied {r}")))?,
        },
        text: decode(col(cx, t, &row, 8)?),
    };
    let mut analysis = AnalyzedDocument::new(document);

    let t = "sentences";
    let rows = tx
        .query(&st.read_sentences, &[&id])
        .map_err(cx.sql("cannot read sentences"))?;
    for (pos, r) in rows.iter().enumerate() {
        expect_idx(cx, t, col(cx, t, r, 0)?, pos)?;
        analysis
            .sentences
            .push(cx.span(t, col(cx, t, r, 1)?, col(cx, t, r, 2)?)?);
    }

    let t = "mentions";
    let rows = tx
        .query(&st.read_mentions, &[&id])
        .map_err(cx.sql("cannot read mentions"))?;
    for (pos, r) in rows.iter().enumerate() {
        expect_idx(cx, t, col(cx, t, r, 0)?, pos)?;
        let entity_type: String = col(cx, t, r, 4)?;
        let legal: Option<String> = col(cx, t, r, 6)?;
        let legal: Option<LegalRef> = legal
            .map(|json| from_json(&json).map_err(|r| cx.corrupt(t, r)))
            .transpose()?;
        analysis.mentions.push(Mention {
            span: cx.span(t, col(cx, t, r, 1)?, col(cx, t, r, 2)?)?,
            text: decode(col(cx, t, r, 3)?),
            entity_type: cx.parse_name(t, "entity_type", &entity_type)?,
            country: col::<Option<String>>(cx, t, r, 5)?.map(decode),
            legal,
        });
    }

    let t = "timexes";
    let rows = tx
        .query(&st.read_timexes, &[&id])
        .map_err(cx.sql("cannot read time expressions"))?;
    for (pos, r) in rows.iter().enumerate() {
        expect_idx(cx, t, col(cx, t, r, 0)?, pos)?;
        let timex_type: String = col(cx, t, r, 4)?;
        analysis.timexes.push(Timex {
            span: cx.span(t, col(cx, t, r, 1)?, col(cx, t, r, 2)?)?,
            text: decode(col(cx, t, r, 3)?),
            timex_type: cx.parse_name(t, "type", &timex_type)?,
            value: decode(col(cx, t, r, 5)?),
        });
    }

    // Participants of all events at once, in (event, position) order, then dealt out.
    let t = "event_participants";
    let rows = tx
        .query(&st.read_participants, &[&id])
        .map_err(cx.sql("cannot read event participants"))?;
    let mut participant_rows = Vec::with_capacity(rows.len());
    for r in &rows {
        participant_rows.push((
            col::<i64>(cx, t, r, 0)?,
            col::<i64>(cx, t, r, 1)?,
            col::<i64>(cx, t, r, 2)?,
            col::<String>(cx, t, r, 3)?,
        ));
    }
    let mut participant_rows = participant_rows.into_iter().peekable();

    let t = "events";
    let rows = tx
        .query(&st.read_events, &[&id])
        .map_err(cx.sql("cannot read events"))?;
    for (pos, r) in rows.iter().enumerate() {
        let idx: i64 = col(cx, t, r, 0)?;
        expect_idx(cx, t, idx, pos)?;
        let mut participants = Vec::new();
        while let Some((_, p_idx, mention, role)) = participant_rows.next_if(|p| p.0 == idx) {
            expect_idx(cx, "event_participants", p_idx, participants.len())?;
            participants.push((
                cx.us("event_participants", mention, "mention index")?,
                cx.parse_name("event_participants", "role", &role)?,
            ));
        }
        let event_type: String = col(cx, t, r, 1)?;
        let date: Option<String> = col(cx, t, r, 6)?;
        let date_timex: Option<i64> = col(cx, t, r, 7)?;
        let location: Option<i64> = col(cx, t, r, 8)?;
        let victim_count: Option<i64> = col(cx, t, r, 10)?;
        let modality: String = col(cx, t, r, 11)?;
        let charges: String = col(cx, t, r, 13)?;
        let legal_basis: String = col(cx, t, r, 14)?;
        let restated: String = col(cx, t, r, 15)?;
        analysis.events.push(EventMention {
            event_type: cx.parse_name(t, "type", &event_type)?,
            trigger: cx.span(t, col(cx, t, r, 2)?, col(cx, t, r, 3)?)?,
            evidence: cx.span(t, col(cx, t, r, 4)?, col(cx, t, r, 5)?)?,
            restated: from_json(&restated).map_err(|r| cx.corrupt(t, r))?,
            participants,
            date: date
                .map(|d| d.parse::<PartialDate>())
                .transpose()
                .map_err(|e| cx.corrupt(t, format!("date: {e}")))?,
            date_timex: date_timex.map(|v| cx.us(t, v, "timex index")).transpose()?,
            location: location.map(|m| cx.us(t, m, "mention index")).transpose()?,
            legal_basis: from_json(&legal_basis).map_err(|r| cx.corrupt(t, r))?,
            charges: from_json(&charges).map_err(|r| cx.corrupt(t, r))?,
            sentence: col::<Option<String>>(cx, t, r, 9)?.map(decode),
            victim_count: victim_count
                .map(|n| from_sql_int(n, "victim count").map_err(|r| cx.corrupt(t, r)))
                .transpose()?,
            modality: cx.parse_name(t, "modality", &modality)?,
            negated: col(cx, t, r, 12)?,
        });
    }
    if let Some((event_idx, ..)) = participant_rows.next() {
        return Err(cx.corrupt(
            "event_participants",
            format!("a participant of event {event_idx}, which is not stored"),
        ));
    }

    let t = "claims";
    let rows = tx
        .query(&st.read_claims, &[&id])
        .map_err(cx.sql("cannot read claims"))?;
    for (pos, r) in rows.iter().enumerate() {
        expect_idx(cx, t, col(cx, t, r, 0)?, pos)?;
        let quantity: i64 = col(cx, t, r, 1)?;
        let qualifier: String = col(cx, t, r, 2)?;
        let claimant: Option<i64> = col(cx, t, r, 7)?;
        analysis.claims.push(Claim {
            quantity: from_sql_int(quantity, "quantity").map_err(|r| cx.corrupt(t, r))?,
            qualifier: cx.parse_name(t, "qualifier", &qualifier)?,
            unit: decode(col(cx, t, r, 3)?),
            retracted: col(cx, t, r, 4)?,
            evidence: cx.span(t, col(cx, t, r, 5)?, col(cx, t, r, 6)?)?,
            claimant: claimant.map(|m| cx.us(t, m, "mention index")).transpose()?,
        });
    }
    Ok(Some(analysis))
}

/// Raises the change counter: the last statement of every transaction that changes the record.
pub(crate) fn bump_changes(tx: &mut Transaction<'_>, path: &Path) -> Result<()> {
    tx.execute("UPDATE changes SET counter = counter + 1", &[])
        .map(|_| ())
        .map_err(pg_error(path, "cannot count a change"))
}

/// Writes a document and every layer inside the caller's transaction (which commits it);
/// nothing when the id is already stored.
pub(crate) fn put_in(
    tx: &mut Transaction<'_>,
    st: &Statements,
    raw: &[u8],
    analysis: &AnalyzedDocument,
    cx: &Ctx,
) -> Result<PutOutcome> {
    let doc = &analysis.document;
    crate::sqlite::check_references(analysis, &|r| cx.invalid(r))?;
    let format = cx.name(&doc.format)?;
    let supplied = cx.json(&doc.meta.supplied)?;
    // ON CONFLICT: a document another process stores at the same moment waits for that
    // process's commit and then inserts nothing, so the check and the insert are one step.
    let inserted = tx
        .execute(
            &st.insert_document,
            &[
                &doc.id.as_str(),
                &encode(&doc.source).as_ref(),
                &format,
                &encode_opt(&doc.meta.title),
                &encode_opt(&doc.meta.publisher),
                &doc.meta.published.map(|d| d.to_string()),
                &encode_opt(&doc.meta.reference),
                &encode_opt(&doc.meta.source_url),
                &supplied,
                &encode(&doc.text).as_ref(),
                &raw,
            ],
        )
        .map_err(cx.sql("cannot store a document"))?;
    if inserted == 0 {
        return Ok(PutOutcome::AlreadyPresent);
    }
    insert_layers(tx, st, analysis, cx)?;
    Ok(PutOutcome::Inserted)
}

impl Store for PostgresStore {
    fn contains(&self, id: &DocumentId) -> Result<bool> {
        let mut conn = self.conn.borrow_mut();
        let Conn { client, st } = &mut *conn;
        client
            .query_one(&st.contains, &[&id.as_str()])
            .map(|r| r.get(0))
            .map_err(self.sql("cannot look a document up"))
    }

    fn put(&mut self, raw: &[u8], analysis: &AnalyzedDocument) -> Result<PutOutcome> {
        let cx = Ctx::new(&self.path, &analysis.document.id);
        let Conn { client, st } = self.conn.get_mut();
        let mut tx = client
            .transaction()
            .map_err(cx.sql("cannot begin a transaction"))?;
        let outcome = put_in(&mut tx, st, raw, analysis, &cx)?;
        if outcome == PutOutcome::AlreadyPresent {
            // Dropping the transaction rolls it back; it wrote nothing.
            return Ok(outcome);
        }
        bump_changes(&mut tx, &self.path)?;
        tx.commit().map_err(cx.sql("cannot commit a document"))?;
        Ok(outcome)
    }

    fn replace_analysis(&mut self, analysis: &AnalyzedDocument) -> Result<()> {
        let doc = &analysis.document;
        let cx = Ctx::new(&self.path, &doc.id);
        crate::sqlite::check_references(analysis, &|r| cx.invalid(r))?;
        let Conn { client, st } = self.conn.get_mut();
        let mut tx = client
            .transaction()
            .map_err(cx.sql("cannot begin a transaction"))?;
        let updated = tx
            .execute(
                "UPDATE documents SET text = $2 WHERE id = $1",
                &[&doc.id.as_str(), &encode(&doc.text).as_ref()],
            )
            .map_err(cx.sql("cannot update a document's text"))?;
        if updated == 0 {
            return Err(StoreError::NotStored {
                path: self.path.clone(),
                id: doc.id.clone(),
            });
        }
        delete_layers(&mut tx, &cx)?;
        insert_layers(&mut tx, st, analysis, &cx)?;
        bump_changes(&mut tx, &self.path)?;
        tx.commit().map_err(cx.sql("cannot commit a document"))
    }

    fn document_ids(&self) -> Result<Vec<DocumentId>> {
        let rows = self
            .conn
            .borrow_mut()
            .client
            .query("SELECT id FROM documents ORDER BY seq", &[])
            .map_err(self.sql("cannot list documents"))?;
        Ok(rows.iter().map(|r| DocumentId(r.get(0))).collect())
    }

    fn analysis(&self, id: &DocumentId) -> Result<Option<AnalyzedDocument>> {
        self.read_analysis(id)
    }

    fn raw(&self, id: &DocumentId) -> Result<Option<Vec<u8>>> {
        self.conn
            .borrow_mut()
            .client
            .query_opt("SELECT raw FROM documents WHERE id = $1", &[&id.as_str()])
            .map(|row| row.map(|r| r.get(0)))
            .map_err(self.sql("cannot read a document's raw bytes"))
    }

    fn for_each_analysis(&self, f: &mut dyn FnMut(AnalyzedDocument) -> Result<()>) -> Result<()> {
        // Pages of ids rather than one open cursor: memory stays bounded, no transaction is held
        // while `f` works, and `f` may itself call the store.
        let mut after = 0i64;
        loop {
            let page: Vec<(i64, String)> = {
                let mut conn = self.conn.borrow_mut();
                let Conn { client, st } = &mut *conn;
                client
                    .query(&st.page, &[&after, &PAGE])
                    .map_err(self.sql("cannot list documents"))?
                    .iter()
                    .map(|r| (r.get(0), r.get(1)))
                    .collect()
            };
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
            .borrow_mut()
            .client
            .query_one("SELECT COUNT(*) FROM documents", &[])
            .map(|r| r.get(0))
            .map_err(self.sql("cannot count documents"))?;
        Ok(u64::try_from(n).unwrap_or_default())
    }

    fn changes(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .borrow_mut()
            .client
            .query_one("SELECT counter FROM changes", &[])
            .map(|r| r.get(0))
            .map_err(self.sql("cannot read the change counter"))?;
        Ok(u64::try_from(n).unwrap_or_default())
    }

    fn text(&self, id: &DocumentId) -> Result<Option<String>> {
        Ok(self.texts(std::slice::from_ref(id))?.pop().flatten())
    }

    fn texts(&self, ids: &[DocumentId]) -> Result<Vec<Option<String>>> {
        let wanted: Vec<&str> = ids.iter().map(|id| id.as_str()).collect();
        let rows = self
            .conn
            .borrow_mut()
            .client
            .query(
                "SELECT id, text FROM documents WHERE id = ANY($1)",
                &[&wanted],
            )
            .map_err(self.sql("cannot read documents' texts"))?;
        let found: std::collections::HashMap<String, String> = rows
            .into_iter()
            .map(|r| (r.get(0), decode(r.get(1))))
            .collect();
        Ok(ids
            .iter()
            .map(|id| found.get(id.as_str()).cloned())
            .collect())
    }

    fn ingest_log(&self) -> Result<Vec<IngestEntry>> {
        self.read_ingest_log("ORDER BY seq", &[])
    }

    fn ingest_log_newest(&self, skip: usize, limit: usize) -> Result<Vec<IngestEntry>> {
        let [skip, limit] = [skip, limit].map(|n| i64::try_from(n).unwrap_or(i64::MAX));
        self.read_ingest_log("ORDER BY seq DESC LIMIT $2 OFFSET $1", &[&skip, &limit])
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
        let mut tx = self
            .conn
            .get_mut()
            .client
            .transaction()
            .map_err(pg_error(&path, "cannot begin a transaction"))?;
        let row = tx
            .query_one(
                "INSERT INTO reviews (target, action, value, note, anchor, value_anchor, \
                 \"user\", created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                &[
                    &encode(&input.target).as_ref(),
                    &input.action.as_str(),
                    &input.value.as_ref().map(|v| v.to_string()),
                    &encode_opt(&input.note),
                    &json(&review.anchor),
                    &json(&review.value_anchor),
                    &user,
                    &created_at,
                ],
            )
            .map_err(pg_error(&path, "cannot record the review"))?;
        bump_changes(&mut tx, &path)?;
        tx.commit()
            .map_err(pg_error(&path, "cannot record the review"))?;
        Ok(Review {
            id: row.get(0),
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
        let rows = self
            .conn
            .borrow_mut()
            .client
            .query(
                "SELECT id, target, action, value, note, anchor, value_anchor, \"user\", \
                 created_at FROM reviews ORDER BY id",
                &[],
            )
            .map_err(self.sql("cannot read the review log"))?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let id: i64 = row.get(0);
            let corrupt = |reason: String| StoreError::InvalidReview {
                path: self.path.clone(),
                reason: format!("stored review {id} is corrupt: {reason}"),
            };
            let action: String = row.get(2);
            let action = ReviewAction::parse(&action)
                .ok_or_else(|| corrupt(format!("unknown action {action:?}")))?;
            let parse = |text: Option<String>| -> Result<Option<ReviewAnchor>> {
                text.map(|t| serde_json::from_str(&t).map_err(|e| corrupt(e.to_string())))
                    .transpose()
            };
            let value: Option<String> = row.get(3);
            out.push(Review {
                id,
                target: decode(row.get(1)),
                action,
                value: value
                    .map(|v| serde_json::from_str(&v).map_err(|e| corrupt(e.to_string())))
                    .transpose()?,
                note: row.get::<_, Option<String>>(4).map(decode),
                anchor: parse(row.get(5))?,
                value_anchor: parse(row.get(6))?,
                user: row.get(7),
                created_at: row.get(8),
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_escape_round_trips_and_leaves_ordinary_text_alone() {
        for s in [
            "",
            "plain",
            "a\0b",
            "\u{FFFF}",
            "\u{FFFF}0",
            "\0\0\u{FFFF}\u{FFFF}x",
        ] {
            let e = encode(s);
            assert!(!e.contains('\0'), "{s:?}");
            assert_eq!(decode(e.into_owned()), s);
        }
        assert!(matches!(encode("Қазақстан 👮"), Cow::Borrowed(_)));
    }

    #[test]
    fn urls_lose_their_password_in_messages() {
        assert_eq!(
            redact("postgres://maria:s3cret@db.example:5432/casefile"),
            "postgres://maria@db.example:5432/casefile"
        );
        assert_eq!(
            redact("postgresql://u@%2Ftmp%2Fpg/db?password=x&options=-c"),
            "postgresql://u@%2Ftmp%2Fpg/db?options=-c"
        );
        assert_eq!(redact("postgres://localhost/db"), "postgres://localhost/db");
    }
}
