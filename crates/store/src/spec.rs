//! Opening a store by its spec: a folder (SQLite) or a `postgres://` URL (PostgreSQL).

use crate::postgres::redact;
use crate::{
    IngestEntry, NewReview, PostgresStore, PutOutcome, Result, Review, SqliteStore, Store,
};
use casefile_model::{AnalyzedDocument, DocumentId};
use std::path::{Path, PathBuf};

/// Where a store is, as the CLI's `--store` and `CASEFILE_STORE` give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreSpec {
    /// The embedded store in this folder (`DIR/casefile.sqlite`).
    Sqlite(PathBuf),
    /// A PostgreSQL database, by URL (`postgres://USER@HOST/DB` or `postgresql://…`).
    Postgres(String),
}

impl StoreSpec {
    /// A URL starting `postgres://` or `postgresql://` is PostgreSQL; anything else is a folder.
    pub fn parse(spec: &str) -> StoreSpec {
        let lower = spec.get(..13).unwrap_or(spec).to_ascii_lowercase();
        if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            StoreSpec::Postgres(spec.to_string())
        } else {
            StoreSpec::Sqlite(PathBuf::from(spec))
        }
    }

    /// Opens (creating and migrating as needed) the store.
    pub fn open(&self) -> Result<AnyStore> {
        Ok(match self {
            StoreSpec::Sqlite(dir) => AnyStore::Sqlite(SqliteStore::open(dir)?),
            StoreSpec::Postgres(url) => AnyStore::Postgres(Box::new(PostgresStore::open(url)?)),
        })
    }

    /// The folder for what casefile keeps on local disk beside the store: the search index
    /// (`index/`) and the web app's API tokens (`tokens`). For SQLite it is the store folder
    /// itself; for PostgreSQL, a folder per database under the user's cache folder
    /// (`$XDG_CACHE_HOME/casefile/postgres/NAME`, else `~/.cache/…`), NAME made from the URL
    /// without its password. The CLI's `--local DIR` chooses another.
    pub fn default_local_dir(&self) -> PathBuf {
        match self {
            StoreSpec::Sqlite(dir) => dir.clone(),
            StoreSpec::Postgres(url) => {
                let redacted = redact(url);
                let rest = redacted
                    .split_once("://")
                    .map_or(redacted.as_str(), |(_, r)| r);
                let name: String = rest
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || matches!(c, '.' | '-') {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
                cache_dir().join("casefile").join("postgres").join(name)
            }
        }
    }
}

/// `$XDG_CACHE_HOME`, else `$HOME/.cache`, else the temporary folder.
fn cache_dir() -> PathBuf {
    let from_env = |name| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    from_env("XDG_CACHE_HOME")
        .or_else(|| from_env("HOME").map(|h| h.join(".cache")))
        .unwrap_or_else(std::env::temp_dir)
}

impl std::fmt::Display for StoreSpec {
    /// The folder, or the URL without its password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreSpec::Sqlite(dir) => write!(f, "{}", dir.display()),
            StoreSpec::Postgres(url) => f.write_str(&redact(url)),
        }
    }
}

impl std::str::FromStr for StoreSpec {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        Ok(StoreSpec::parse(s))
    }
}

/// Opens the store `spec` names: a folder (SQLite) or a `postgres://` / `postgresql://` URL.
pub fn open(spec: &str) -> Result<AnyStore> {
    StoreSpec::parse(spec).open()
}

/// Either backend, as [`open`] gives it.
#[derive(Debug)]
pub enum AnyStore {
    /// The embedded store.
    Sqlite(SqliteStore),
    /// The PostgreSQL store (boxed: its client and prepared statements are large).
    Postgres(Box<PostgresStore>),
}

impl AnyStore {
    /// The SQLite database file, or the PostgreSQL URL without its password.
    pub fn path(&self) -> &Path {
        match self {
            AnyStore::Sqlite(s) => s.path(),
            AnyStore::Postgres(s) => s.path(),
        }
    }
}

/// Calls the same method on whichever backend.
macro_rules! either {
    ($self:expr, $s:ident => $call:expr) => {
        match $self {
            AnyStore::Sqlite($s) => $call,
            AnyStore::Postgres($s) => $call,
        }
    };
}

impl Store for AnyStore {
    fn contains(&self, id: &DocumentId) -> Result<bool> {
        either!(self, s => s.contains(id))
    }
    fn put(&mut self, raw: &[u8], analysis: &AnalyzedDocument) -> Result<PutOutcome> {
        either!(self, s => s.put(raw, analysis))
    }
    fn put_batch(&mut self, docs: &[(&[u8], &AnalyzedDocument)]) -> crate::BatchOutcome {
        either!(self, s => s.put_batch(docs))
    }
    fn replace_analysis(&mut self, analysis: &AnalyzedDocument) -> Result<()> {
        either!(self, s => s.replace_analysis(analysis))
    }
    fn document_ids(&self) -> Result<Vec<DocumentId>> {
        either!(self, s => s.document_ids())
    }
    fn analysis(&self, id: &DocumentId) -> Result<Option<AnalyzedDocument>> {
        either!(self, s => s.analysis(id))
    }
    fn raw(&self, id: &DocumentId) -> Result<Option<Vec<u8>>> {
        either!(self, s => s.raw(id))
    }
    fn text(&self, id: &DocumentId) -> Result<Option<String>> {
        either!(self, s => s.text(id))
    }
    fn texts(&self, ids: &[DocumentId]) -> Result<Vec<Option<String>>> {
        either!(self, s => s.texts(ids))
    }
    fn for_each_analysis(&self, f: &mut dyn FnMut(AnalyzedDocument) -> Result<()>) -> Result<()> {
        either!(self, s => s.for_each_analysis(f))
    }
    fn document_count(&self) -> Result<u64> {
        either!(self, s => s.document_count())
    }
    fn analyses(&self) -> Result<Vec<AnalyzedDocument>> {
        either!(self, s => s.analyses())
    }
    fn record_review(&mut self, review: &NewReview) -> Result<Review> {
        either!(self, s => s.record_review(review))
    }
    fn reviews(&self) -> Result<Vec<Review>> {
        either!(self, s => s.reviews())
    }
    fn ingest_log(&self) -> Result<Vec<IngestEntry>> {
        either!(self, s => s.ingest_log())
    }

    fn ingest_log_newest(&self, skip: usize, limit: usize) -> Result<Vec<IngestEntry>> {
        either!(self, s => s.ingest_log_newest(skip, limit))
    }
    fn changes(&self) -> Result<u64> {
        either!(self, s => s.changes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_postgres_and_everything_else_a_folder() {
        assert_eq!(
            StoreSpec::parse("postgres://casefile@localhost/cf"),
            StoreSpec::Postgres("postgres://casefile@localhost/cf".into())
        );
        assert!(matches!(
            StoreSpec::parse("PostgreSQL://u@h/db"),
            StoreSpec::Postgres(_)
        ));
        assert_eq!(
            StoreSpec::parse("casefile-data"),
            StoreSpec::Sqlite("casefile-data".into())
        );
        assert_eq!(
            StoreSpec::parse("./postgres:/x"),
            StoreSpec::Sqlite("./postgres:/x".into())
        );
    }

    #[test]
    fn a_postgres_store_keeps_its_local_files_per_database_without_the_password() {
        let a = StoreSpec::parse("postgres://maria:secret@db.example:5432/casefile");
        let b = StoreSpec::parse("postgres://maria@db.example:5432/other");
        let dir = a.default_local_dir();
        assert!(
            dir.ends_with("casefile/postgres/maria_db.example_5432_casefile"),
            "{dir:?}"
        );
        assert!(!dir.to_string_lossy().contains("secret"));
        assert_ne!(dir, b.default_local_dir());
        assert_eq!(a.to_string(), "postgres://maria@db.example:5432/casefile");
        let s = StoreSpec::parse("data");
        assert_eq!(s.default_local_dir(), PathBuf::from("data"));
    }
}
