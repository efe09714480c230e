//! Review actions and the tokens that may record them.
//!
//! - `STORE/tokens`: one line per token, `SHA256-HEX<TAB>USER<TAB>CREATED`. Only hashes are kept,
//!   so the file does not give anyone a token; a token is shown once, when made.
//! - `STORE/reviews.sqlite`: the audit log, one row per action (what, on which target, by which
//!   token's user, when). A file of its own so the pipeline's store schema stays the pipeline's.

use anyhow::Context;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::Path;

const TOKENS_FILE: &str = "tokens";
const REVIEWS_FILE: &str = "reviews.sqlite";

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Makes a new API token for `user`, appends its hash to `STORE/tokens` (created with mode 0600
/// on Unix) and returns the token, which is not stored anywhere: show it once.
///
/// `user` must be non-empty, at most 100 characters, without control characters.
pub fn create_token(store_dir: &Path, user: &str) -> io::Result<String> {
    let user = user.trim();
    if user.is_empty() || user.chars().count() > 100 || user.chars().any(char::is_control) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "a token's user name must be 1-100 characters without control characters",
        ));
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(io::Error::other)?;
    let token = format!("cf_{}", hex::encode(bytes));
    std::fs::create_dir_all(store_dir)?;
    let mut options = OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(store_dir.join(TOKENS_FILE))?;
    writeln!(file, "{}\t{}\t{}", hash(&token), user, now_rfc3339())?;
    file.sync_all()?;
    Ok(token)
}

/// True when `STORE/tokens` lists at least one token.
pub fn has_tokens(store_dir: &Path) -> io::Result<bool> {
    Ok(!read_tokens(store_dir)?.is_empty())
}

/// (hash, user) pairs; a missing file is no tokens.
fn read_tokens(store_dir: &Path) -> io::Result<Vec<(String, String)>> {
    let text = match std::fs::read_to_string(store_dir.join(TOKENS_FILE)) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    Ok(text
        .lines()
        .filter_map(|line| {
            let mut parts = line.split('\t');
            let h = parts.next()?.trim();
            let user = parts.next()?.trim();
            (h.len() == 64 && !user.is_empty()).then(|| (h.to_string(), user.to_string()))
        })
        .collect())
}

/// The user whose token `presented` is, if any. Read from the file on every call, so tokens made
/// while the server runs work at once.
pub(crate) fn user_for_token(store_dir: &Path, presented: &str) -> io::Result<Option<String>> {
    let presented = hash(presented);
    let mut found = None;
    for (h, user) in read_tokens(store_dir)? {
        // Compare every byte of every entry: the time taken says nothing about which matched.
        let same = h
            .bytes()
            .zip(presented.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
        if same && found.is_none() {
            found = Some(user);
        }
    }
    Ok(found)
}

/// What a reviewer did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewAction {
    /// The fact is right.
    Confirm,
    /// The fact is wrong.
    Reject,
    /// The date should be `value` (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `--MM-DD`, `--MM`).
    CorrectDate,
    /// The type should be `value` (an event or entity type name).
    CorrectType,
    /// The target entity is the same as entity `value`.
    Merge,
    /// The target entity conflates several; `value` says how.
    Split,
    /// A note only.
    Comment,
}

impl ReviewAction {
    /// Every action.
    pub const ALL: [ReviewAction; 7] = [
        ReviewAction::Confirm,
        ReviewAction::Reject,
        ReviewAction::CorrectDate,
        ReviewAction::CorrectType,
        ReviewAction::Merge,
        ReviewAction::Split,
        ReviewAction::Comment,
    ];

    /// The snake_case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            ReviewAction::Confirm => "confirm",
            ReviewAction::Reject => "reject",
            ReviewAction::CorrectDate => "correct_date",
            ReviewAction::CorrectType => "correct_type",
            ReviewAction::Merge => "merge",
            ReviewAction::Split => "split",
            ReviewAction::Comment => "comment",
        }
    }
}

/// The body of `POST /api/reviews`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewInput {
    /// The id of the event, entity or document reviewed.
    pub target: String,
    /// What the reviewer did.
    pub action: ReviewAction,
    /// The new value, for corrections and merges.
    #[serde(default)]
    pub value: Option<serde_json::Value>,
    /// Free text.
    #[serde(default)]
    pub note: Option<String>,
}

/// A recorded review action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// Row id in the log.
    pub id: i64,
    /// The event, entity or document id.
    pub target: String,
    /// What was done.
    pub action: ReviewAction,
    /// The new value, if any.
    pub value: Option<serde_json::Value>,
    /// Free text, if any.
    pub note: Option<String>,
    /// The user of the token that recorded it.
    pub user: String,
    /// When (UTC, RFC 3339).
    pub created_at: String,
}

/// The review log, `STORE/reviews.sqlite`.
pub(crate) struct ReviewLog {
    conn: Connection,
}

impl ReviewLog {
    pub(crate) fn open(store_dir: &Path) -> anyhow::Result<ReviewLog> {
        let path = store_dir.join(REVIEWS_FILE);
        let conn = Connection::open(&path)
            .with_context(|| format!("cannot open the review log {}", path.display()))?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             CREATE TABLE IF NOT EXISTS reviews (
                 id INTEGER PRIMARY KEY AUTOINCREMENT,
                 target TEXT NOT NULL,      -- event, entity or document id
                 action TEXT NOT NULL,      -- ReviewAction's snake_case name
                 value TEXT,                -- JSON, for corrections and merges
                 note TEXT,
                 user TEXT NOT NULL,        -- the token's user
                 created_at TEXT NOT NULL   -- UTC, RFC 3339
             );
             CREATE INDEX IF NOT EXISTS reviews_target ON reviews(target);",
        )
        .with_context(|| format!("cannot set up the review log {}", path.display()))?;
        Ok(ReviewLog { conn })
    }

    pub(crate) fn record(&self, input: ReviewInput, user: &str) -> rusqlite::Result<Review> {
        let created_at = now_rfc3339();
        let value = input.value.as_ref().map(|v| v.to_string());
        self.conn.execute(
            "INSERT INTO reviews (target, action, value, note, user, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                input.target,
                input.action.as_str(),
                value,
                input.note,
                user,
                created_at
            ],
        )?;
        Ok(Review {
            id: self.conn.last_insert_rowid(),
            target: input.target,
            action: input.action,
            value: input.value,
            note: input.note,
            user: user.to_string(),
            created_at,
        })
    }

    /// Reviews of `target` (all when `None`), oldest first, at most `limit`.
    pub(crate) fn list(&self, target: Option<&str>, limit: usize) -> rusqlite::Result<Vec<Review>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, target, action, value, note, user, created_at FROM reviews
             WHERE ?1 IS NULL OR target = ?1 ORDER BY id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![target, limit as i64], |row| {
            let action: String = row.get(2)?;
            let value: Option<String> = row.get(3)?;
            Ok(Review {
                id: row.get(0)?,
                target: row.get(1)?,
                action: ReviewAction::ALL
                    .into_iter()
                    .find(|a| a.as_str() == action)
                    .unwrap_or(ReviewAction::Comment),
                value: value.and_then(|v| serde_json::from_str(&v).ok()),
                note: row.get(4)?,
                user: row.get(5)?,
                created_at: row.get(6)?,
            })
        })?;
        rows.collect()
    }
}

/// The current time, UTC, as `YYYY-MM-DDTHH:MM:SSZ` (audit only; no fact ever takes its date
/// from the clock).
pub(crate) fn now_rfc3339() -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_hashed_and_found() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!has_tokens(dir.path()).unwrap());
        let a = create_token(dir.path(), "alice").unwrap();
        let b = create_token(dir.path(), "bob").unwrap();
        assert!(has_tokens(dir.path()).unwrap());
        assert_ne!(a, b);
        let file = std::fs::read_to_string(dir.path().join(TOKENS_FILE)).unwrap();
        assert!(!file.contains(&a), "the token itself is never stored");
        assert_eq!(
            user_for_token(dir.path(), &a).unwrap().as_deref(),
            Some("alice")
        );
        assert_eq!(
            user_for_token(dir.path(), &b).unwrap().as_deref(),
            Some("bob")
        );
        assert_eq!(user_for_token(dir.path(), "cf_nope").unwrap(), None);
        assert!(create_token(dir.path(), "bad\tname").is_err());
        assert!(create_token(dir.path(), " ").is_err());
    }

    #[test]
    fn clock_format_is_rfc3339() {
        let now = now_rfc3339();
        assert_eq!(now.len(), 20, "{now}");
        assert!(now.ends_with('Z') && now.as_bytes()[10] == b'T', "{now}");
        assert!(now.as_str() > "2024-01-01", "{now}");
    }
}
