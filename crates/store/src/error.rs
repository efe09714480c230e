//! What can go wrong in a store, each error naming the store (its folder or database file, or
//! for PostgreSQL its URL without the password) and the reason.

use casefile_model::DocumentId;
use std::path::PathBuf;

/// A store operation failed. Every message names the store (its folder or database file) and
/// the reason, so a one-line report is enough to act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The store folder's path names something that is not a folder.
    #[error("store {path}: not a folder (a file of that name is in the way)")]
    NotAFolder {
        /// The path given as the store folder.
        path: PathBuf,
    },

    /// The file system refused (creating the folder, reading it).
    #[error("store {path}: {action}: {source}")]
    Io {
        /// The folder or file concerned.
        path: PathBuf,
        /// What was being done.
        action: &'static str,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },

    /// The database refused or failed.
    #[error("store {path}: {action}: {source}")]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// What was being done.
        action: &'static str,
        /// SQLite's reason.
        #[source]
        source: rusqlite::Error,
    },

    /// The PostgreSQL server refused or failed (`path` is the database's URL without its
    /// password).
    #[error("store {path}: {action}: {source}")]
    Postgres {
        /// The database's URL, without its password.
        path: PathBuf,
        /// What was being done.
        action: &'static str,
        /// The server's or the client's reason.
        #[source]
        source: ::postgres::Error,
    },

    /// A PostgreSQL database (or schema) that holds tables of another application.
    #[error("store {path}: not a casefile store ({reason})")]
    NotCasefile {
        /// The database's URL, without its password.
        path: PathBuf,
        /// What gave it away.
        reason: String,
    },

    /// The store was written by a newer casefile whose schema this build does not know.
    #[error(
        "store {path}: written by a newer casefile (schema version {found}; this build knows up \
         to {known}); upgrade casefile to open it"
    )]
    NewerSchema {
        /// The database file.
        path: PathBuf,
        /// The schema version found in the file.
        found: i64,
        /// The newest schema version this build knows.
        known: i64,
    },

    /// The database file belongs to another application.
    #[error("store {path}: not a casefile store (SQLite application id {found:#x})")]
    ForeignDatabase {
        /// The database file.
        path: PathBuf,
        /// The application id found in the file.
        found: i64,
    },

    /// A document to replace the analysis of is not stored.
    #[error("store {path}: document {id} is not stored, so its analysis cannot be replaced")]
    NotStored {
        /// The database file.
        path: PathBuf,
        /// The document asked for.
        id: DocumentId,
    },

    /// An analysis that cannot be stored as it is (an index pointing past its list, a number too
    /// large for SQL's 64-bit signed integers).
    #[error("store {path}: document {id} cannot be stored: {reason}")]
    InvalidAnalysis {
        /// The database file.
        path: PathBuf,
        /// The document.
        id: DocumentId,
        /// What is wrong with it.
        reason: String,
    },

    /// A stored row that does not read back as the model says it should (edited by hand, or
    /// damaged).
    #[error("store {path}: document {id}: corrupt {table} row: {reason}")]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// The document the row belongs to.
        id: DocumentId,
        /// The table.
        table: &'static str,
        /// What is wrong.
        reason: String,
    },

    /// A review that cannot be recorded (no user, a malformed value).
    #[error("store {path}: review refused: {reason}")]
    InvalidReview {
        /// The database file.
        path: PathBuf,
        /// Why.
        reason: String,
    },

    /// The function given to [`Store::for_each_analysis`](crate::Store::for_each_analysis)
    /// stopped the walk with its own error.
    #[error("{0}")]
    Consumer(Box<dyn std::error::Error + Send + Sync + 'static>),
}

impl StoreError {
    /// Wrap an error of the caller's own, to stop
    /// [`Store::for_each_analysis`](crate::Store::for_each_analysis).
    pub fn consumer(error: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>) -> Self {
        StoreError::Consumer(error.into())
    }
}
