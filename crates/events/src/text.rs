//! Small word-level helpers over lowercased ASCII-compatible text (byte offsets, no allocation).

/// `s[a..b]` with both ends moved inside to character boundaries, and clamped to `s`: windows
/// of fixed byte width ("40 bytes before the trigger") may end inside a curly quote.
pub(crate) fn sl(s: &str, a: usize, b: usize) -> &str {
    let mut b = b.min(s.len());
    while !s.is_char_boundary(b) {
        b -= 1;
    }
    let mut a = a.min(b);
    while !s.is_char_boundary(a) {
        a += 1;
    }
    if a > b {
        return "";
    }
    &s[a..b]
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// True when `w` stands at `at` (before `limit`) as whole words.
pub(crate) fn is_word_at(s: &str, at: usize, limit: usize, w: &str) -> bool {
    let b = s.as_bytes();
    let end = at + w.len();
    end <= limit
        && s.as_bytes()[at..end] == *w.as_bytes()
        && (at == 0 || !is_word_byte(b[at - 1]) || !is_word_byte(w.as_bytes()[0]))
        && (end >= b.len() || !is_word_byte(b[end]) || !is_word_byte(w.as_bytes()[w.len() - 1]))
}

/// The first occurrence of `n` in `h`, as `memmem::find` gives it. The haystacks here are a
/// sentence or shorter: a `memchr` for the first byte and a compare beat building a substring
/// searcher on every call.
fn find_bytes(h: &[u8], n: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = n.split_first() else {
        return Some(0);
    };
    let mut i = 0;
    while let Some(p) = memchr::memchr(first, &h[i..]) {
        let at = i + p;
        if h.len() - at < n.len() {
            return None;
        }
        if h[at + 1..at + n.len()] == *rest {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// The last occurrence of `n` in `h`, as `memmem::rfind` gives it (see [`find_bytes`]).
fn rfind_bytes(h: &[u8], n: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = n.split_first() else {
        return Some(h.len());
    };
    let mut end = h.len();
    while let Some(at) = memchr::memrchr(first, &h[..end]) {
        if at + n.len() <= h.len() && h[at + 1..at + n.len()] == *rest {
            return Some(at);
        }
        end = at;
    }
    None
}

/// The first position of `w` as whole words in `s`.
///
/// [`find_bytes`] finds the same first occurrence as `str::find`, without building a substring
/// searcher on every call (this runs for every trigger and word).
pub(crate) fn find_word(s: &str, w: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = find_bytes(&s.as_bytes()[from..], w.as_bytes()) {
        let at = from + p;
        if is_word_at(s, at, s.len(), w) {
            return Some(at);
        }
        from = at + 1;
        while !s.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

/// The last position of `w` as whole words in `s`.
pub(crate) fn rfind_word(s: &str, w: &str) -> Option<usize> {
    let mut to = s.len();
    // As in `find_word`: the same last occurrence as `str::rfind`.
    while let Some(at) = rfind_bytes(&s.as_bytes()[..to], w.as_bytes()) {
        if is_word_at(s, at, s.len(), w) {
            return Some(at);
        }
        if at == 0 {
            return None;
        }
        to = at + w.len() - 1;
        while !s.is_char_boundary(to) {
            to -= 1;
        }
    }
    None
}

/// ASCII-alphanumeric runs of `s` with their byte offsets: what [`find_word`] calls a word.
/// Split by bytes, not characters: a byte of a multi-byte character is never ASCII, so the runs
/// are the same, and each starts and ends at a character boundary.
fn alnum_runs(s: &str) -> impl DoubleEndedIterator<Item = (usize, &str)> {
    s.as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |w| {
            let at = w.as_ptr() as usize - s.as_ptr() as usize;
            (at, &s[at..at + w.len()])
        })
}

/// True when `w` is one word as [`find_word`] means it (a list entry that is no phrase).
fn is_single_word(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The bit [`word_lengths`] sets for a word of `len` bytes.
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// Bit `min(len, 63)` for the length of each single-word entry of `words`: a run of another
/// length equals none of them, so most runs are turned away without scanning the list.
fn word_lengths(words: &[&str]) -> u64 {
    words
        .iter()
        .filter(|w| is_single_word(w))
        .fold(0, |m, w| m | length_bit(w.len()))
}

/// True when `w` (a run) is one of `words`, whose single-word lengths are `lengths`.
fn is_listed(w: &str, words: &[&str], lengths: u64) -> bool {
    lengths & length_bit(w.len()) != 0 && words.contains(&w)
}

/// True when any of `words` occurs in `s` as whole words.
///
/// One pass over the words of `s` for single-word entries (a substring search per entry was the
/// reader's hot spot); phrases are searched for.
pub(crate) fn has_any_word(s: &str, words: &[&str]) -> bool {
    // A phrase never equals a single run, so one membership test covers the single words.
    // The lengths and whether any phrase is listed, in one pass over the list.
    let mut lengths = 0u64;
    let mut phrases = false;
    for w in words {
        if is_single_word(w) {
            lengths |= length_bit(w.len());
        } else {
            phrases = true;
        }
    }
    alnum_runs(s).any(|(_, w)| is_listed(w, words, lengths))
        || phrases
            && words
                .iter()
                .filter(|w| !is_single_word(w))
                .any(|p| find_word(s, p).is_some())
}

/// The last of `words` in `s` as whole words: (position, the word).
pub(crate) fn rfind_any_word<'w>(s: &str, words: &[&'w str]) -> Option<(usize, &'w str)> {
    let mut best: Option<(usize, &'w str)> = None;
    let lengths = word_lengths(words);
    for (p, w) in alnum_runs(s).rev() {
        // The length test turns most runs away; the list is then scanned once.
        if lengths & length_bit(w.len()) == 0 {
            continue;
        }
        if let Some(found) = words.iter().find(|x| **x == w) {
            best = Some((p, *found));
            break;
        }
    }
    for p in words.iter().filter(|w| !is_single_word(w)) {
        if let Some(at) = rfind_word(s, p) {
            if best.is_none_or(|(b, bw)| at > b || (at == b && p.len() > bw.len())) {
                best = Some((at, *p));
            }
        }
    }
    best
}

/// The words of `s` in order (ASCII letters, digits and apostrophes).
pub(crate) fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
}

/// The last `n` words before the end of `s`, nearest first.
pub(crate) fn last_words(s: &str, n: usize) -> impl Iterator<Item = &str> {
    words(s).rev().take(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_whole_words_only() {
        assert_eq!(find_word("the arrested man", "arrest"), None);
        assert_eq!(find_word("after the arrest.", "arrest"), Some(10));
        assert_eq!(rfind_word("he said he", "he"), Some(8));
        assert!(has_any_word("calls for", &["call", "calls"]));
        assert_eq!(
            rfind_any_word("urged them to", &["urge", "urged"]),
            Some((0, "urged"))
        );
        // Runs split at multi-byte characters as at any other non-word character.
        let s = "caf\u{e9}arrest \u{201c}said\u{201d} such as";
        assert!(has_any_word(s, &["said"]));
        assert!(has_any_word(s, &["arrest"]));
        assert!(!has_any_word(s, &["cafe", "sai"]));
        assert_eq!(
            rfind_any_word(s, &["said", "such as"]),
            Some((s.len() - "such as".len(), "such as"))
        );
        assert_eq!(
            rfind_any_word(s, &["said", "x"]),
            Some((s.find("said").unwrap(), "said"))
        );
        assert_eq!(
            last_words("he was not", 2).collect::<Vec<_>>(),
            vec!["not", "was"]
        );
    }
}
