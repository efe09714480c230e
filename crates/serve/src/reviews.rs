//! Review actions and the tokens that may record them.
//!
//! - `STORE/tokens`: one line per token, `SHA256-HEX<TAB>USER<TAB>CREATED`. Only hashes are kept,
//!   so the file does not give anyone a token; a token is shown once, when made.
//!
//! The review log itself is in the store ([`casefile_store::Store::record_review`]), where
//! resolution reads it back every time the record is built.

use sha2::{Digest, Sha256};
use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::Path;

const TOKENS_FILE: &str = "tokens";

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

pub(crate) use casefile_store::now_rfc3339;

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
