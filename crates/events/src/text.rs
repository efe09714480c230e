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

/// The length of the leading ASCII-alphanumeric run of `w` (all of it for a single word).
const fn head_len(w: &[u8]) -> usize {
    let mut i = 0;
    while i < w.len() && w[i].is_ascii_alphanumeric() {
        i += 1;
    }
    i
}

/// The bit [`Words`] sets for a word or head of `len` bytes (bit 31: 31 bytes or more).
const fn length_bit(len: usize) -> u32 {
    1 << if len < 31 { len } else { 31 }
}

/// A fixed list of words and phrases to look for as whole words, with masks built at compile
/// time ([`list!`]): for each first byte, the lengths of its single words, and the lengths of
/// its phrases' first words ("risk" of "risk of"). A phrase that starts with a letter or digit
/// can only stand where a run of the text starts, and only if that run is its first word, so
/// one pass over the runs answers for the words and the phrases together; most runs are turned
/// away by the masks without comparing against the list (scanning the list, and searching the
/// text once per phrase, were the reader's hot spots).
pub(crate) struct Words {
    /// The entries, in their written order.
    pub(crate) list: &'static [&'static str],
    /// [`length_bit`] of each single-word entry, by its first byte.
    single: [u32; 128],
    /// [`length_bit`] of the first word of each phrase, by its first byte.
    phrase: [u32; 128],
    /// Some phrase starts with a byte that is no letter or digit: searched for on its own.
    odd: bool,
}

impl Words {
    /// The masks of `list`.
    pub(crate) const fn new(list: &'static [&'static str]) -> Words {
        let mut single = [0u32; 128];
        let mut phrase = [0u32; 128];
        let mut odd = false;
        let mut i = 0;
        while i < list.len() {
            let w = list[i].as_bytes();
            let head = head_len(w);
            if head == 0 {
                // Empty or starting with another byte: no run starts it.
                odd |= !w.is_empty();
            } else if head == w.len() {
                single[w[0] as usize] |= length_bit(head);
            } else {
                phrase[w[0] as usize] |= length_bit(head);
            }
            i += 1;
        }
        Words {
            list,
            single,
            phrase,
            odd,
        }
    }

    /// True when some entry's masks let a run of `len` bytes starting with `first` through.
    #[inline]
    fn may_start(&self, first: u8, len: usize) -> bool {
        let f = (first & 0x7f) as usize;
        (self.single[f] | self.phrase[f]) & length_bit(len) != 0
    }

    /// The longest entry that stands as whole words at the run `run` (at byte `at` of `s`).
    fn at_run(&self, s: &str, at: usize, run: &str) -> Option<&'static str> {
        let rb = run.as_bytes();
        let first = rb[0];
        let bit = length_bit(rb.len());
        let mut best = None;
        // The first byte is compared before the rest: a call to compare the rest per entry of
        // the same length was most of the cost.
        if self.single[first as usize] & bit != 0 {
            best = self
                .list
                .iter()
                .find(|w| w.len() == rb.len() && w.as_bytes()[0] == first && **w == run)
                .copied();
        }
        if self.phrase[first as usize] & bit != 0 {
            for p in self.list {
                let pb = p.as_bytes();
                if pb.len() > rb.len()
                    && pb[0] == first
                    && !pb[rb.len()].is_ascii_alphanumeric()
                    && pb[..rb.len()] == *rb
                    && best.is_none_or(|b: &str| pb.len() > b.len())
                    && is_word_at(s, at, s.len(), p)
                {
                    best = Some(*p);
                }
            }
        }
        best
    }

    /// False when `w` (one word) is certainly none of the single words: its first byte and
    /// length match none of theirs.
    pub(crate) fn may_hold(&self, w: &str) -> bool {
        w.as_bytes()
            .first()
            .is_some_and(|&b| self.single[(b & 0x7f) as usize] & length_bit(w.len()) != 0)
    }

    /// The phrases no run can start.
    fn odd(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.list
            .iter()
            .copied()
            .filter(|w| !w.is_empty() && head_len(w.as_bytes()) == 0)
    }
}

/// A [`Words`] list built at compile time: `list!["who", "which", "according to"]`.
macro_rules! list {
    ($($w:expr),* $(,)?) => {
        const { &$crate::text::Words::new(&[$($w),*]) }
    };
}
pub(crate) use list;

/// True when any of `words` occurs in `s` as whole words.
pub(crate) fn has_any_word(s: &str, words: &Words) -> bool {
    // The runs are the ASCII-alphanumeric runs of bytes, what `find_word` calls words (a byte
    // of a multi-byte character is never ASCII, so each run starts and ends at a character
    // boundary); the masks turn most of them away before a call.
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let at = i;
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if words.may_start(b[at], i - at) && words.at_run(s, at, &s[at..i]).is_some() {
            return true;
        }
    }
    words.odd && words.odd().any(|p| find_word(s, p).is_some())
}

/// The last of `words` in `s` as whole words: (position, the word); of several at the same
/// position, the longest.
pub(crate) fn rfind_any_word(s: &str, words: &Words) -> Option<(usize, &'static str)> {
    // The last run that starts an entry holds the last match of every entry a run can start.
    let b = s.as_bytes();
    let mut best = None;
    let mut i = b.len();
    while i > 0 {
        if !b[i - 1].is_ascii_alphanumeric() {
            i -= 1;
            continue;
        }
        let end = i;
        while i > 0 && b[i - 1].is_ascii_alphanumeric() {
            i -= 1;
        }
        if words.may_start(b[i], end - i) {
            if let Some(found) = words.at_run(s, i, &s[i..end]) {
                best = Some((i, found));
                break;
            }
        }
    }
    if words.odd {
        for p in words.odd() {
            if let Some(at) = rfind_word(s, p) {
                if best.is_none_or(|(b, bw)| at > b || (at == b && p.len() > bw.len())) {
                    best = Some((at, p));
                }
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

/// The words of `s` in order, as [`words`] gives them, each with its byte offset in `s`.
pub(crate) fn word_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> {
    // Each word is a subslice of `s`: its offset is the distance between the two pointers.
    words(s).map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
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
        assert!(has_any_word("calls for", list!["call", "calls"]));
        assert_eq!(
            rfind_any_word("urged them to", list!["urge", "urged"]),
            Some((0, "urged"))
        );
        // Runs split at multi-byte characters as at any other non-word character.
        let s = "caf\u{e9}arrest \u{201c}said\u{201d} such as";
        assert!(has_any_word(s, list!["said"]));
        assert!(has_any_word(s, list!["arrest"]));
        assert!(!has_any_word(s, list!["cafe", "sai"]));
        assert_eq!(
            rfind_any_word(s, list!["said", "such as"]),
            Some((s.len() - "such as".len(), "such as"))
        );
        assert_eq!(
            rfind_any_word(s, list!["said", "x"]),
            Some((s.find("said").unwrap(), "said"))
        );
        assert_eq!(
            last_words("he was not", 2).collect::<Vec<_>>(),
            vec!["not", "was"]
        );
    }

    /// What the lists mean, entry by entry: a search for each.
    fn naive_has(s: &str, words: &Words) -> bool {
        words.list.iter().any(|w| find_word(s, w).is_some())
    }

    fn naive_rfind(s: &str, words: &Words) -> Option<(usize, &'static str)> {
        words
            .list
            .iter()
            .filter_map(|w| rfind_word(s, w).map(|at| (at, *w)))
            .max_by_key(|&(at, w)| (at, w.len()))
    }

    #[test]
    fn one_pass_over_the_runs_finds_what_a_search_per_entry_finds() {
        // Phrases sharing a first word with a single word and with each other, a phrase of
        // three words, one that starts with punctuation, words inside longer words.
        let lists: [&Words; 4] = [
            list![
                "risk",
                "risk of",
                "at risk",
                "risk of death",
                "free from",
                "if"
            ],
            list!["such as", "such", "as", "including", "-led", "pre-trial"],
            list![
                "said",
                "says",
                "according to",
                "ill-treatment",
                "n\u{2019}t"
            ],
            list!["x", "xy", "x y", "y"],
        ];
        let texts = [
            "at risk of death, if they return; such as pre-trial detention",
            "the risk-of death: free from fear; as said, according to him",
            "ill-treatment and ill treatment, don\u{2019}t x xy x y y-led",
            "\u{201c}at risk\u{201d} ifs andrisk of",
        ];
        let mut checked = 0;
        for text in texts {
            // Every slice that starts and ends on a character boundary: slices cut words.
            let cuts: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for (i, &a) in cuts.iter().enumerate() {
                for &b in &cuts[i..] {
                    let s = &text[a..b];
                    for words in lists {
                        assert_eq!(has_any_word(s, words), naive_has(s, words), "{s:?}");
                        assert_eq!(rfind_any_word(s, words), naive_rfind(s, words), "{s:?}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 10_000);
    }
}
