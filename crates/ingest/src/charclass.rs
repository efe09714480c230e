//! Membership in a Unicode character class exactly as the regex crate reads it, for the small
//! hand scanners that stand in for patterns whose compiled NFA was a measurable share of a
//! process's CPU (bounded repetitions of `\p{Lu}` compile one copy of the class per repetition).

use regex_syntax::hir::{Class, HirKind};

/// A set of characters, built from a one-class regex such as `[\p{Lu}\d]`.
#[derive(Debug, Clone)]
pub(crate) struct CharClass {
    /// Sorted, disjoint, inclusive ranges (as regex-syntax gives them).
    ranges: Vec<(char, char)>,
    /// The ASCII members, one bit each: most text is ASCII, and a bit test beats a search.
    ascii: u128,
}

impl CharClass {
    /// The class `pattern` denotes; `pattern` must be a single class (`\p{Lu}`, `[\p{L}.'-]`, `\s`).
    pub(crate) fn new(pattern: &str) -> Self {
        // Translating a class from regex-syntax's tables takes microseconds; what costs is
        // compiling it into an automaton, which this never does.
        let hir = regex_syntax::Parser::new()
            .parse(pattern)
            .expect("valid class");
        let ranges: Vec<(char, char)> = match hir.kind() {
            HirKind::Class(Class::Unicode(c)) => {
                c.ranges().iter().map(|r| (r.start(), r.end())).collect()
            }
            other => panic!("{pattern:?} is not one Unicode class: {other:?}"),
        };
        let mut ascii = 0u128;
        for &(lo, hi) in &ranges {
            for c in lo..=hi.min('\x7f') {
                ascii |= 1 << (c as u32);
            }
        }
        CharClass { ranges, ascii }
    }

    /// True when `c` is in the class.
    pub(crate) fn contains(&self, c: char) -> bool {
        if c.is_ascii() {
            return self.ascii & (1 << (c as u32)) != 0;
        }
        self.ranges
            .binary_search_by(|&(lo, hi)| {
                if hi < c {
                    std::cmp::Ordering::Less
                } else if lo > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// Every character of the first blocks (Latin, Greek, Cyrillic, …), and every seventh of the
    /// first three planes.
    fn sample() -> impl Iterator<Item = char> {
        (0u32..0x3_0000)
            .step_by(7)
            .chain(0..0x3000)
            .filter_map(char::from_u32)
    }

    #[test]
    fn agrees_with_the_regex_class() {
        for pattern in [
            r"\p{Lu}",
            r"[\p{L}.'’\-]",
            r"[\p{L}'’&.\-]",
            r"[\p{L}'’\-]",
            r"[\p{Lu}\d]",
            r"\s",
        ] {
            let class = CharClass::new(pattern);
            let re = Regex::new(&format!("^{pattern}$")).unwrap();
            for c in sample() {
                assert_eq!(
                    class.contains(c),
                    re.is_match(c.encode_utf8(&mut [0; 4])),
                    "{pattern} {c:?}"
                );
            }
        }
    }

    /// The scans read `\s` as `char::is_whitespace`: both are Unicode's White_Space.
    #[test]
    fn regex_white_space_is_char_white_space() {
        let space = CharClass::new(r"\s");
        for c in (0u32..0x11_0000).filter_map(char::from_u32) {
            assert_eq!(space.contains(c), c.is_whitespace(), "{c:?}");
        }
    }
}
