//! Calendar dates as documents write them in headers and datelines: "8 APRIL 1998",
//! "December 14, 2012", "April 1998", "2012-12-14", "2021-09-07T14:39:09".
//!
//! Only explicit dates are read here. Relative words ("today", "on Wednesday") never give a date:
//! resolving them needs an anchor, and the clock is not one.

use crate::charclass::CharClass;
use casefile_model::PartialDate;
use once_cell::sync::Lazy;
use regex::Regex;

const MONTH: &str = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
const WEEKDAY: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)";

/// One regex for every written form, tried leftmost-first; alternatives with a day come before the
/// month-and-year form so "14 December 2012" is not read as "December 2012".
static DATE: Lazy<Regex> = Lazy::new(|| {
    let pat = format!(
        r"(?ix)
        \b(?:
            (?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?:\b|T)
          | (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{MONTH})\.?,?\s+(?P<y1>\d{{4}})\b
          | (?P<m2>{MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})\b
          | (?P<m3>{MONTH})\.?,?\s+(?P<y3>\d{{4}})\b
        )"
    );
    Regex::new(&pat).expect("date regex")
});

static LEADING_ISO: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T\s+Z]|-\d|\.)").expect("iso regex")
});

static WEEKDAY_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"(?i)\b{WEEKDAY}\b\.?,?")).expect("weekday regex"));

/// Month number of an English month name or abbreviation.
pub(crate) fn month_number(name: &str) -> Option<u8> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    let m = match n.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// A date found in a text: where it stands (byte offsets) and what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub date: PartialDate,
}

/// Every explicit calendar date in `s`, in order. Impossible dates (31 April) are skipped.
pub(crate) fn find_dates(s: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for c in DATE.captures_iter(s) {
        let Some(whole) = c.get(0) else { continue };
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let month = |name: &str| c.name(name).and_then(|m| month_number(m.as_str()));
        let date = if let Some(y) = num("iy") {
            PartialDate::checked(
                Some(y as i32),
                num("im").map(|m| m as u8),
                num("id").map(|d| d as u8),
            )
        } else if let Some(y) = num("y1") {
            PartialDate::checked(Some(y as i32), month("m1"), num("d1").map(|d| d as u8))
        } else if let Some(y) = num("y2") {
            PartialDate::checked(Some(y as i32), month("m2"), num("d2").map(|d| d as u8))
        } else if let Some(y) = num("y3") {
            PartialDate::checked(Some(y as i32), month("m3"), None)
        } else {
            None
        };
        if let Some(date) = date {
            let end = whole.end();
            // The ISO alternative may have consumed a 'T'; the date itself ends before it.
            let end = if s[..end].ends_with('T') {
                end - 1
            } else {
                end
            };
            out.push(Found {
                start: whole.start(),
                end,
                date,
            });
        }
    }
    out
}

/// The date in a machine-written timestamp (`2021-09-07T14:39:09-04:00`, `2012-12-14`, `2012-12`),
/// or a written date ("December 14, 2012") as some sites put in their meta tags. The date part is
/// taken as written, without shifting time zones: the publisher's own calendar day is the one the
/// document states.
pub(crate) fn parse_timestamp(s: &str) -> Option<PartialDate> {
    let s = s.trim();
    if let Some(c) = LEADING_ISO.captures(s) {
        let y = c.get(1)?.as_str().parse::<i32>().ok()?;
        let m = c.get(2).and_then(|m| m.as_str().parse::<u8>().ok());
        let d = c.get(3).and_then(|d| d.as_str().parse::<u8>().ok());
        return PartialDate::checked(Some(y), m, d);
    }
    let found = find_dates(s);
    found.first().map(|f| f.date)
}

/// Words that may stand beside a date on a header line without making it a sentence:
/// "Published: 8 April 1998", "Press release, 14 December 2012".
const LABEL_WORDS: &[&str] = &[
    "published",
    "posted",
    "date",
    "dated",
    "on",
    "issued",
    "released",
    "release",
    "press",
    "news",
    "public",
    "statement",
    "for",
    "immediate",
    "media",
    "advisory",
    "embargoed",
    "embargo",
    "until",
    "first",
    "last",
    "updated",
];

/// The date on a line that is nothing but a date, possibly with a weekday and a label
/// ("8 APRIL 1998", "Monday, 14 December 2012", "Published: December 14, 2012"). A line that says
/// anything else is not a header date.
pub(crate) fn header_line_date(line: &str) -> Option<PartialDate> {
    let line = line.trim();
    if line.is_empty() || line.len() > 80 {
        return None;
    }
    let found = find_dates(line);
    let [f] = found.as_slice() else { return None };
    let rest = format!("{} {}", &line[..f.start], &line[f.end..]);
    let rest = WEEKDAY_RE.replace_all(&rest, " ");
    // A time of day ("10:00 GMT") may follow the date.
    let ok = rest
        .split(|c: char| !c.is_alphanumeric() && c != ':')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(':'))
        .filter(|w| !w.is_empty())
        .all(|w| {
            let lw = w.to_lowercase();
            LABEL_WORDS.contains(&lw.as_str())
                || (w.chars().all(|c| c.is_ascii_digit() || c == ':') && w.contains(':'))
                || matches!(
                    lw.as_str(),
                    "gmt" | "utc" | "cet" | "est" | "bst" | "am" | "pm"
                )
        });
    // "Updated" alone is not a publication date.
    let updated = rest.to_lowercase().contains("updated");
    (ok && !updated).then_some(f.date)
}

/// Capital letters.
static UPPER: Lazy<CharClass> = Lazy::new(|| CharClass::new(r"\p{Lu}"));
/// The characters of a place name's word.
static PLACE_CHAR: Lazy<CharClass> = Lazy::new(|| CharClass::new(r"[\p{L}.'’\-]"));

/// A place name in capitals or Title Case ("NEW YORK", "London", "Almaty/Geneva"), then "," or
/// "(": whether the whole of `s` matches
/// `^(?:[\p{Lu}][\p{L}.'’\-]*(?:(?:\s*/\s*|\s+|,\s*)[\p{Lu}][\p{L}.'’\-]*){0,4})\s*[,(]?\s*$`.
/// A hand scan: the four repetitions of Unicode classes took ≈ 2 ms to compile, once per process.
fn is_dateline_place(s: &str) -> bool {
    let mut it = s.chars().peekable();
    let mut words = 0;
    loop {
        // A word: a capital, then letters and . ' ’ - (none of which separates words).
        if !it.next().is_some_and(|c| UPPER.contains(c)) {
            return false;
        }
        while it.next_if(|&c| PLACE_CHAR.contains(c)).is_some() {}
        words += 1;
        if words > 5 {
            return false;
        }
        let mut space_before = false;
        while it.next_if(|c| c.is_whitespace()).is_some() {
            space_before = true;
        }
        match it.peek() {
            None => return true,
            // "Almaty / Geneva": a slash always separates two words.
            Some('/') => {
                it.next();
                while it.next_if(|c| c.is_whitespace()).is_some() {}
            }
            // "Almaty, Geneva" (no space before the comma), or a comma or bracket that ends it.
            Some(&p @ (',' | '(')) => {
                it.next();
                while it.next_if(|c| c.is_whitespace()).is_some() {}
                if it.peek().is_none() {
                    return true;
                }
                if p == '(' || space_before {
                    return false;
                }
            }
            // "NEW YORK": spaces between two words; anything else ends the match.
            Some(_) if space_before => {}
            Some(_) => return false,
        }
    }
}

/// What may follow a dateline's date: a dash or colon, "/ Place", "(AFP) –", after an optional
/// closing bracket. Whether `s` starts with a match of
/// `^\s*\)?\s*(?:[-–—:]|/\s*\p{Lu}|\(\w+\)\s*[-–—])`, by a hand scan (the regex took ≈ 0.5 ms to
/// compile, once per process).
fn dateline_after(s: &str) -> bool {
    let space = char::is_whitespace;
    let s = s.trim_start_matches(space);
    // Only a closing bracket can be read here, and nothing after it starts with one.
    let s = s.strip_prefix(')').unwrap_or(s).trim_start_matches(space);
    let mut it = s.chars();
    match it.next() {
        Some('-' | '–' | '—' | ':') => true,
        Some('/') => it
            .as_str()
            .trim_start_matches(space)
            .chars()
            .next()
            .is_some_and(|c| UPPER.contains(c)),
        Some('(') => {
            let rest = it.as_str();
            let end = rest
                .find(|c: char| !regex_syntax::is_word_character(c))
                .unwrap_or(rest.len());
            end > 0
                && rest[end..]
                    .strip_prefix(')')
                    .is_some_and(|r| r.trim_start_matches(space).starts_with(['-', '–', '—']))
        }
        _ => false,
    }
}

/// The date of a news dateline opening a paragraph: "NEW YORK (December 14, 2012)—…",
/// "LONDON, 5 May 2015 – …", "14 December 2012 – …".
pub(crate) fn dateline_date(paragraph: &str) -> Option<PartialDate> {
    let head: String = paragraph.chars().take(120).collect();
    let f = *find_dates(&head).first()?;
    // Human Rights Watch writes the whole dateline in brackets: "(Berlin, March 3, 2014) –".
    let before = head[..f.start].trim().trim_start_matches('(').trim_start();
    let after = &head[f.end..];
    // "In December 2011 — …" opens a sentence, not a dateline.
    let first_word = before
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let preposition = matches!(
        first_word.as_str(),
        "in" | "on"
            | "by"
            | "since"
            | "from"
            | "until"
            | "till"
            | "before"
            | "after"
            | "during"
            | "at"
            | "of"
            | "as"
            | "between"
            | "throughout"
            | "early"
            | "late"
            | "mid"
            | "the"
    );
    let before_ok = before.is_empty() || (!preposition && is_dateline_place(before));
    (before_ok && dateline_after(after)).then_some(f.date)
}

/// The date of a header line naming a place and a date and nothing else:
/// "Kemir / Geneva, 1 November 2023", "LONDON, 5 May 2015".
pub(crate) fn place_date_line(line: &str) -> Option<PartialDate> {
    let l = line.trim().trim_end_matches(['.', ':', ';']);
    let found = find_dates(l);
    let f = found.last()?;
    if found.len() != 1 || f.end != l.len() || !l[..f.start].trim_end().ends_with(',') {
        return None;
    }
    // Reuse the dateline rules (place shape, no preposition) with the dash the line lacks.
    // "Committee to Protect Journalists, New York, 3 March 2022": the publisher may stand
    // before the place, so each comma-separated tail is a candidate too.
    let mut rest = l;
    loop {
        if let Some(d) = dateline_date(&format!("{rest} –")) {
            return Some(d);
        }
        let (_, tail) = rest.split_once(", ")?;
        // The tail must still name a place before the date.
        if !tail.contains(", ") {
            return None;
        }
        rest = tail;
    }
}

/// The parts of a header line separated by "·", "|", "•" or a spaced dash, and a closing
/// bracketed part ("Bangkok, 26 July 2022 (Southeast Asia Rights Network)"); none for a line too
/// long to be a header's.
fn segments(line: &str) -> impl Iterator<Item = &str> {
    let l = line.trim();
    let l = if l.len() > 160 { "" } else { l };
    l.split(['·', '|', '•'])
        .flat_map(|seg| seg.split(" — ").flat_map(|s| s.split(" – ")))
        .flat_map(|seg| {
            let seg = seg.trim();
            let bracket = seg
                .strip_suffix(')')
                .and_then(|body| body.rfind(" (").map(|at| (&seg[..at], &body[at + 2..])));
            match bracket {
                Some((before, inside)) => [before, inside].into_iter().take(2),
                None => [seg, ""].into_iter().take(1),
            }
        })
}

/// The date of one segment: a date line, or a place and its date ("Istanbul, 14 March 2024").
fn segment_date(segment: &str) -> Option<PartialDate> {
    header_line_date(segment).or_else(|| place_date_line(segment))
}

/// The date in one segment of a header line whose parts are separated by "·", "|" or a dash:
/// "Alert · Thursday, 7 December 2023 · Europe and Central Asia desk", "Istanbul, 14 March
/// 2024 — Reporters' Rights Watch".
pub(crate) fn segmented_line_date(line: &str) -> Option<PartialDate> {
    segments(line).find_map(segment_date)
}

/// The other segments of a header line one of whose segments is its date: the issuer in
/// "Istanbul, 14 March 2024 — Reporters' Rights Watch". None when no segment is a date.
pub(crate) fn undated_segments(line: &str) -> Vec<&str> {
    // Each segment's date is read once (a date search per segment).
    let dated: Vec<(&str, bool)> = segments(line)
        .map(|s| (s.trim(), segment_date(s).is_some()))
        .collect();
    if dated.len() < 2 || !dated.iter().any(|&(_, d)| d) {
        return Vec::new();
    }
    dated
        .into_iter()
        .filter(|&(s, d)| !s.is_empty() && !d)
        .map(|(s, _)| s)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn reads_every_written_form_at_its_granularity() {
        let f = find_dates("on 8 APRIL 1998 and December 14, 2012, then April 1998 or 2012-12-14");
        let got: Vec<String> = f.iter().map(|f| f.date.to_string()).collect();
        assert_eq!(got, ["1998-04-08", "2012-12-14", "1998-04", "2012-12-14"]);
    }

    #[test]
    fn skips_dates_that_do_not_exist() {
        assert!(find_dates("31 April 2001").is_empty());
    }

    #[test]
    fn header_lines_are_only_a_date() {
        assert_eq!(header_line_date("8 APRIL 1998"), Some(d("1998-04-08")));
        assert_eq!(header_line_date("April 1998"), Some(d("1998-04")));
        assert_eq!(
            header_line_date("Monday, 14 December 2012"),
            Some(d("2012-12-14"))
        );
        assert_eq!(
            header_line_date("Published: December 14, 2012 10:00 GMT"),
            Some(d("2012-12-14"))
        );
        assert_eq!(header_line_date("He was arrested on 7 November 1997"), None);
        assert_eq!(header_line_date("Updated 3 May 2015"), None);
        assert_eq!(header_line_date("AI INDEX: EUR 57/05/98"), None);
    }

    #[test]
    fn place_and_segmented_header_lines() {
        assert_eq!(
            place_date_line("Kemir / Geneva, 1 November 2023"),
            Some(d("2023-11-01"))
        );
        assert_eq!(place_date_line("LONDON, 5 May 2015"), Some(d("2015-05-05")));
        assert_eq!(place_date_line("He left on 5 May 2015"), None);
        assert_eq!(place_date_line("In Almaty, 5 May 2015"), None);
        // A publisher before the place.
        assert_eq!(
            place_date_line("Committee to Protect Journalists, New York, 3 March 2022"),
            Some(d("2022-03-03"))
        );
        assert_eq!(
            place_date_line("He was arrested, beaten and held in Almaty, 5 May 2015"),
            None
        );
        assert_eq!(
            segmented_line_date("Alert · Thursday, 7 December 2023 · Europe and Central Asia desk"),
            Some(d("2023-12-07"))
        );
        assert_eq!(
            segmented_line_date("By Madina Seitkali in Ordabay · Updated 18:45"),
            None
        );
        assert_eq!(
            segmented_line_date("Updated · 7 December 2023"),
            Some(d("2023-12-07"))
        );
        // A place and its date, then the issuer.
        let line = "Istanbul, 14 March 2024 — Reporters' Rights Watch";
        assert_eq!(segmented_line_date(line), Some(d("2024-03-14")));
        assert_eq!(undated_segments(line), vec!["Reporters' Rights Watch"]);
        let line = "Bangkok, 26 July 2022 (Southeast Asia Rights Network)";
        assert_eq!(segmented_line_date(line), Some(d("2022-07-26")));
        assert_eq!(
            undated_segments(line),
            vec!["Southeast Asia Rights Network"]
        );
        assert_eq!(
            segmented_line_date("In Istanbul, 14 March 2024 — a court"),
            None
        );
        assert!(undated_segments("Reporters' Rights Watch — Istanbul office").is_empty());
        assert!(undated_segments("Istanbul, 14 March 2024").is_empty());
    }

    #[test]
    fn datelines_open_the_lede() {
        assert_eq!(
            dateline_date("NEW YORK (December 14, 2012)—Commemorating the first anniversary"),
            Some(d("2012-12-14"))
        );
        assert_eq!(
            dateline_date("LONDON, 5 May 2015 – Amnesty International said"),
            Some(d("2015-05-05"))
        );
        assert_eq!(
            dateline_date("ALMATY, Kazakhstan, Dec. 14, 2012 – Police detained"),
            Some(d("2012-12-14"))
        );
        assert_eq!(
            dateline_date("(Berlin, March 3, 2014) – Kazakh authorities should"),
            Some(d("2014-03-03"))
        );
        assert_eq!(
            dateline_date("Paris-Geneva, 14 December 2012. The Observatory"),
            None
        );
        assert_eq!(
            dateline_date("Paris-Geneva, 14 December 2012 - The Observatory"),
            Some(d("2012-12-14"))
        );
        assert_eq!(
            dateline_date("On 26 January 2012, Vladimir Kozlov was detained"),
            None
        );
        assert_eq!(
            dateline_date("In December 2011 — a month of strikes — police fired"),
            None
        );
    }

    #[test]
    fn timestamps_keep_the_publishers_calendar_day() {
        assert_eq!(
            parse_timestamp("2017-08-28T11:56:53-04:00"),
            Some(d("2017-08-28"))
        );
        assert_eq!(parse_timestamp("2021-09-07"), Some(d("2021-09-07")));
        assert_eq!(parse_timestamp("2021-09"), Some(d("2021-09")));
        assert_eq!(parse_timestamp("December 14, 2012"), Some(d("2012-12-14")));
        assert_eq!(parse_timestamp("soon"), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

        /// The scan reads place names as the regex it replaced did.
        #[test]
        fn dateline_places_are_what_the_regex_read(
            picks in proptest::collection::vec(0usize..100, 0..14),
        ) {
            static OLD: Lazy<Regex> = Lazy::new(|| {
                Regex::new(r"^(?:[\p{Lu}][\p{L}.'’\-]*(?:(?:\s*/\s*|\s+|,\s*)[\p{Lu}][\p{L}.'’\-]*){0,4})\s*[,(]?\s*$").unwrap()
            });
            const PIECES: &[&str] = &[
                "NEW", "YORK", "London", "Ünal", "ÉCOLE", "Almaty", "St.", "O’Neil", "l'Est",
                "Kemir-Sud", "a", "b", "é", "ǅ", "Ⅻ", "1", "٣", "/", ",", "(", ")", ".", "-", "'",
                " ", "  ", "\t", "\n", "\u{a0}", "\u{85}", "\u{2009}", "\u{200b}", "&", "x", "Y",
            ];
            let s: String = picks.iter().map(|&i| PIECES[i % PIECES.len()]).collect();
            proptest::prop_assert_eq!(is_dateline_place(&s), OLD.is_match(&s), "{:?}", s);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

        /// The scan reads what follows a dateline's date as the regex it replaced did.
        #[test]
        fn what_follows_a_date_is_what_the_regex_read(
            picks in proptest::collection::vec(0usize..100, 0..8),
        ) {
            static OLD: Lazy<Regex> = Lazy::new(|| {
                Regex::new(r"^\s*\)?\s*(?:[-–—:]|/\s*\p{Lu}|\(\w+\)\s*[-–—])").unwrap()
            });
            const PIECES: &[&str] = &[
                ")", "(", "-", "–", "—", ":", "/", "AFP", "É", "x", "_", "1", "٣", "ǅ", "\u{200d}",
                " ", "\t", "\n", "\u{a0}", "\u{85}", "’", ".", "ab",
            ];
            let s: String = picks.iter().map(|&i| PIECES[i % PIECES.len()]).collect();
            proptest::prop_assert_eq!(dateline_after(&s), OLD.is_match(&s), "{:?}", s);
        }
    }

    #[test]
    fn dateline_places_on_known_cases() {
        for (s, want) in [
            ("NEW YORK", true),
            ("Almaty / Geneva,", true),
            ("Almaty, Geneva (", true),
            ("A B C D E", true),
            ("A B C D E F", false),
            ("A , B", false),
            ("A,(", false),
            ("A/", false),
            ("In December", true),
            ("london", false),
        ] {
            assert_eq!(is_dateline_place(s), want, "{s}");
        }
    }
}
