//! Whole-word search for literal names: what the regex `\b(?:a|b|…)\b` finds, without a regex.
//!
//! The publisher scorer looks for a few dozen organisation names in every passage of every
//! document. As regexes, a Unicode `\b` makes the engine leave its DFA for a slow NFA on any text
//! with one non-ASCII character (a curly quote), and a candidate found in one document only had
//! to be compiled for it. These searches give the same matches as the regex: leftmost start,
//! and at one start the first alternative in order.

use memchr::memmem;

/// Literal alternatives searched as whole words (Unicode word boundaries, as `\b`).
#[derive(Debug, Clone)]
pub(crate) struct Literals {
    /// Each alternative with its searcher, built once (building one per search cost as much as
    /// the search).
    alts: Vec<(String, memmem::Finder<'static>)>,
}

/// A match: byte range in the haystack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
}

impl Found {
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
}

/// Unicode `\b` at byte `i` of `text`, as the regex crate defines it.
pub(crate) fn word_boundary(text: &str, i: usize) -> bool {
    let before = text[..i]
        .chars()
        .next_back()
        .is_some_and(regex_syntax::is_word_character);
    let after = text[i..]
        .chars()
        .next()
        .is_some_and(regex_syntax::is_word_character);
    before != after
}

impl Literals {
    /// The alternatives, in priority order.
    pub fn new<S: Into<String>>(alts: impl IntoIterator<Item = S>) -> Literals {
        Literals {
            alts: alts
                .into_iter()
                .map(|a| {
                    let a: String = a.into();
                    let finder = memmem::Finder::new(a.as_bytes()).into_owned();
                    (a, finder)
                })
                .collect(),
        }
    }

    /// The first whole-word occurrence of `alt` at or after `from`.
    fn first_of(alt: &str, finder: &memmem::Finder, hay: &str, from: usize) -> Option<usize> {
        if alt.is_empty() {
            // Never built from an empty name; an empty literal would need regex's rules for
            // empty matches, so it finds nothing.
            return None;
        }
        let mut at = from;
        while at <= hay.len() {
            let q = at + finder.find(&hay.as_bytes()[at..])?;
            if word_boundary(hay, q) && word_boundary(hay, q + alt.len()) {
                return Some(q);
            }
            // `alt` starts with a whole character, so `q` is a character boundary.
            at = q + hay[q..].chars().next().map_or(1, char::len_utf8);
        }
        None
    }

    /// The leftmost match starting at or after `from` (a character boundary).
    pub fn find_at(&self, hay: &str, from: usize) -> Option<Found> {
        let mut best: Option<Found> = None;
        for (alt, finder) in &self.alts {
            let Some(q) = Self::first_of(alt, finder, hay, from) else {
                continue;
            };
            // At one start, the earlier alternative wins: a later one only by starting earlier.
            if best.is_none_or(|b| q < b.start) {
                best = Some(Found {
                    start: q,
                    end: q + alt.len(),
                });
            }
        }
        best
    }

    /// The leftmost match.
    pub fn find(&self, hay: &str) -> Option<Found> {
        self.find_at(hay, 0)
    }

    /// True when any alternative occurs as a whole word.
    pub fn is_match(&self, hay: &str) -> bool {
        self.find(hay).is_some()
    }

    /// Successive non-overlapping matches, as `Regex::find_iter`.
    pub fn find_iter<'a>(&'a self, hay: &'a str) -> impl Iterator<Item = Found> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || {
            if at > hay.len() {
                return None;
            }
            let m = self.find_at(hay, at)?;
            at = m.end;
            Some(m)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The regex these searches stand for.
    fn regex_of(alts: &[&str]) -> Regex {
        let alts: Vec<String> = alts.iter().map(|a| regex::escape(a)).collect();
        Regex::new(&format!(r"\b(?:{})\b", alts.join("|"))).unwrap()
    }

    fn same(alts: &[&str], hay: &str) {
        let re = regex_of(alts);
        let lit = Literals::new(alts.iter().copied());
        let want: Vec<(usize, usize)> = re.find_iter(hay).map(|m| (m.start(), m.end())).collect();
        let got: Vec<(usize, usize)> = lit.find_iter(hay).map(|m| (m.start, m.end)).collect();
        assert_eq!(got, want, "{alts:?} in {hay:?}");
        assert_eq!(lit.is_match(hay), re.is_match(hay));
    }

    #[test]
    fn finds_what_the_regex_finds() {
        let alts = ["Amnesty International", "Amnesty"];
        same(
            &alts,
            "Amnesty International said; Amnesty’s staff; AmnestyX; Amnesty Internationally.",
        );
        same(
            &alts,
            "éAmnesty International, Amnesty International’s, (Amnesty)",
        );
        same(&["HRF"], "HRFX HRF. xHRF HRF’s «HRF» HRF");
        same(
            &["Reporters Without Borders", "RSF"],
            "RSF RSF RSFRSF Reporters Without Borders (RSF)",
        );
        same(
            &["Tarsaly Bureau", "TB"],
            "The Tarsaly Bureau (TB) and TB’s Tarsaly Bureaus",
        );
        same(&["a a"], "a a a a a");
        same(&["Ünal Vakfı"], "Ünal Vakfı, Ünal Vakfıs Ünal Vakfı");
        same(&["X"], "");
    }
}
