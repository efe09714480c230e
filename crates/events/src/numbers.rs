//! Numbers written in digits or words ("10,000", "fifteen", "two dozen", "seven and a half"), and
//! prison terms as ISO 8601 durations ("seven and a half years" → `P7Y6M`).
//!
//! Everything works on the lowercased text with byte offsets, without allocating.

/// The value of one number word, and whether it multiplies ("hundred", "thousand").
fn word_value(w: &str) -> Option<(u64, bool)> {
    let v = match w {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "dozen" => return Some((12, true)),
        "hundred" => return Some((100, true)),
        "thousand" => return Some((1_000, true)),
        "million" => return Some((1_000_000, true)),
        _ => return None,
    };
    Some((v, false))
}

/// The number of years an anniversary counts, from the word before "anniversary" (lowercase):
/// "second", "10th", "100-year", "one-year", "fifth-year". `None` for anything else ("the
/// anniversary of his death" does not say how many years).
pub(crate) fn anniversary_years(word: &str) -> Option<u64> {
    let w = word
        .strip_suffix("-year")
        .or_else(|| word.strip_suffix("-years"))
        .unwrap_or(word);
    let ordinal = match w {
        "first" => Some(1),
        "second" => Some(2),
        "third" => Some(3),
        "fourth" => Some(4),
        "fifth" => Some(5),
        "sixth" => Some(6),
        "seventh" => Some(7),
        "eighth" => Some(8),
        "ninth" => Some(9),
        "tenth" => Some(10),
        "eleventh" => Some(11),
        "twelfth" => Some(12),
        "fifteenth" => Some(15),
        "twentieth" => Some(20),
        "twenty-fifth" => Some(25),
        "thirtieth" => Some(30),
        "fortieth" => Some(40),
        "fiftieth" => Some(50),
        "hundredth" => Some(100),
        _ => None,
    };
    if ordinal.is_some() {
        return ordinal;
    }
    let digits = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        // a cardinal only before "-year": "the 10-year anniversary", not "the 10 anniversary"
        .or_else(|| (w.len() < word.len()).then_some(w))?;
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return digits.parse().ok().filter(|&n| (1..=1000).contains(&n));
    }
    match word_value(digits) {
        Some((n, false)) if w.len() < word.len() => Some(n),
        _ => None,
    }
}

/// The next ASCII word (letters, or a digit group with `,`/`.` inside) at or after `pos`, skipping
/// spaces only. Returns (start, end).
pub(crate) fn next_word(s: &str, mut pos: usize, limit: usize) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let limit = limit.min(b.len());
    while pos < limit && b[pos] == b' ' {
        pos += 1;
    }
    if pos >= limit {
        return None;
    }
    let start = pos;
    if b[pos].is_ascii_digit() {
        while pos < limit
            && (b[pos].is_ascii_digit()
                || ((b[pos] == b',' || b[pos] == b'.')
                    && pos + 1 < limit
                    && b[pos + 1].is_ascii_digit()))
        {
            pos += 1;
        }
    } else {
        while pos < limit && (b[pos].is_ascii_alphabetic() || b[pos] == b'\'') {
            pos += 1;
        }
    }
    (pos > start).then_some((start, pos))
}

/// A number starting at `pos` (after optional spaces): digits ("10,000", "1.5 million") or words
/// ("fifteen", "twenty-three", "two dozen", "a hundred"). Returns (value, start, end).
/// A bare "a"/"an" is not a number.
pub(crate) fn parse_number(s: &str, pos: usize, limit: usize) -> Option<(u64, usize, usize)> {
    let (ws, we) = next_word(s, pos, limit)?;
    let w = &s[ws..we];
    let b = s.as_bytes();
    if b[ws].is_ascii_digit() {
        // A digit inside a longer token (phone numbers, "2(3)", "12-year") is not a count.
        if we < b.len() && (b[we] == b'-' || b[we] == b'(' || b[we].is_ascii_alphabetic()) {
            return None;
        }
        if ws > 0 && matches!(b[ws - 1], b'-' | b'(' | b'#' | b'/' | b'$') {
            return None;
        }
        let (value, frac) = if w.contains('.') {
            // "1.5 million": keep one decimal place for the multiplier.
            let mut parts = w.split('.');
            let int: u64 = parts.next()?.replace(',', "").parse().ok()?;
            let f = parts.next()?;
            if parts.next().is_some() || f.len() > 2 {
                return None;
            }
            (int, Some(f))
        } else {
            (w.replace(',', "").parse().ok()?, None)
        };
        if let Some((ms, me)) = next_word(s, we, limit) {
            if let Some((m, true)) = word_value(&s[ms..me]) {
                if m >= 1000 {
                    let fv = frac.map_or(0, |f| {
                        let d: u64 = f.parse().unwrap_or(0);
                        d * m / 10u64.pow(f.len() as u32)
                    });
                    return Some((value * m + fv, ws, me));
                }
            }
        }
        if frac.is_some() {
            return None;
        }
        return Some((value, ws, we));
    }
    // Words, possibly hyphenated ("twenty-three").
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut end = ws;
    let mut p = ws;
    let mut any = false;
    let mut first = true;
    while let Some((a, mut e)) = next_word(s, p, limit) {
        let word = &s[a..e];
        let Some((v, mult)) = word_value(word) else {
            break;
        };
        if first && (word == "a" || word == "an") {
            // "a dozen", "a hundred": only with a multiplier right after.
            match next_word(s, e, limit) {
                Some((x, y)) if matches!(word_value(&s[x..y]), Some((_, true))) => {}
                _ => break,
            }
        }
        first = false;
        if mult {
            current = current.max(1) * v;
            if v >= 1000 {
                total += current;
                current = 0;
            }
        } else {
            current += v;
        }
        any = true;
        // "twenty-three": a hyphen joins the next number word.
        if e < b.len() && b[e] == b'-' {
            if let Some((x, y)) = next_word(s, e + 1, limit) {
                if let Some((v2, false)) = word_value(&s[x..y]) {
                    current += v2;
                    e = y;
                }
            }
        }
        end = e;
        p = e;
        // "and" inside a number ("one hundred and five") but not "and a half".
        if let Some((x, y)) = next_word(s, p, limit) {
            if &s[x..y] == "and" {
                if let Some((x2, y2)) = next_word(s, y, limit) {
                    if s[x2..y2] != *"a" && word_value(&s[x2..y2]).is_some() {
                        p = y;
                    }
                }
            }
        }
    }
    if !any {
        return None;
    }
    Some((total + current, ws, end))
}

/// The unit of a [`Length`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Year,
    Month,
    Week,
    Day,
}

/// A length of time as the text states it: "seven and a half years", "18 months", "ten days".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Length {
    pub n: u64,
    pub unit: Unit,
    /// "and a half" (years only).
    pub half: bool,
}

impl Length {
    /// The ISO 8601 duration: `P7Y6M`, `P18M`, `P2W`, `P3D`.
    pub(crate) fn iso(self) -> String {
        let n = self.n;
        match self.unit {
            Unit::Year if self.half => format!("P{n}Y6M"),
            Unit::Year => format!("P{n}Y"),
            Unit::Month => format!("P{n}M"),
            Unit::Week => format!("P{n}W"),
            Unit::Day => format!("P{n}D"),
        }
    }

    /// The length in whole months and whole days: (months, 0) for years and months, (0, days)
    /// for weeks and days. `None` when too long to count.
    pub(crate) fn months_or_days(self) -> Option<(u64, u64)> {
        Some(match self.unit {
            Unit::Year => (self.n.checked_mul(12)? + if self.half { 6 } else { 0 }, 0),
            Unit::Month => (self.n, 0),
            Unit::Week => (0, self.n.checked_mul(7)?),
            Unit::Day => (0, self.n),
        })
    }
}

/// A length of time at `pos`: a number, optionally "and a half", then a unit; also "half a year".
/// Returns it and the end of the phrase.
pub(crate) fn parse_length(s: &str, pos: usize, limit: usize) -> Option<(Length, usize)> {
    let (ws, we) = next_word(s, pos, limit)?;
    if &s[ws..we] == "half" {
        let (a, b) = next_word(s, we, limit)?;
        if matches!(&s[a..b], "a" | "an") {
            let (c, d) = next_word(s, b, limit)?;
            return match &s[c..d] {
                "year" => Some((
                    Length {
                        n: 6,
                        unit: Unit::Month,
                        half: false,
                    },
                    d,
                )),
                _ => None,
            };
        }
        return None;
    }
    // "a year", "one year", "18 months", "five-year".
    let (n, _, mut end) = match parse_number(s, pos, limit) {
        Some(x) => x,
        None if matches!(&s[ws..we], "a" | "an") => (1, ws, we),
        None => {
            // "12-year" style tokens are refused by parse_number; take the digits.
            let b = s.as_bytes();
            if b[ws].is_ascii_digit() && we < b.len() && b[we] == b'-' {
                (s[ws..we].parse().ok()?, ws, we)
            } else {
                return None;
            }
        }
    };
    let mut half = false;
    if let Some((a, b)) = next_word(s, end, limit) {
        if &s[a..b] == "and" {
            if let (Some((c, d)), true) = (next_word(s, b, limit), true) {
                if &s[c..d] == "a" {
                    if let Some((e, f)) = next_word(s, d, limit) {
                        if &s[e..f] == "half" {
                            half = true;
                            end = f;
                        }
                    }
                }
            }
        }
    }
    // The unit may follow a hyphen ("five-year sentence").
    let bytes = s.as_bytes();
    let unit_pos = if end < bytes.len() && bytes[end] == b'-' {
        end + 1
    } else {
        end
    };
    let (ua, ub) = next_word(s, unit_pos, limit)?;
    let unit = match &s[ua..ub] {
        "year" | "years" => Unit::Year,
        // Only years have a half ("seven and a half months" is not read).
        "month" | "months" if !half => Unit::Month,
        "week" | "weeks" => Unit::Week,
        "day" | "days" => Unit::Day,
        _ => return None,
    };
    // Weeks and days drop "and a half", as the ISO form always did.
    let half = half && unit == Unit::Year;
    Some((Length { n, unit, half }, ub))
}

/// [`parse_length`] as an ISO 8601 duration.
pub(crate) fn parse_duration(s: &str, pos: usize, limit: usize) -> Option<(String, usize)> {
    parse_length(s, pos, limit).map(|(l, end)| (l.iso(), end))
}

/// A TimeML duration value in the gold's convention: `P7.5Y` → `P7Y6M`, `P1.5Y` → `P1Y6M`.
pub(crate) fn normalise_duration(value: &str) -> Option<String> {
    let rest = value.strip_prefix('P')?;
    if rest.starts_with('T') || rest.is_empty() {
        return None;
    }
    if let Some(y) = rest.strip_suffix('Y') {
        if let Some((int, frac)) = y.split_once('.') {
            let int: u32 = int.parse().ok()?;
            let months = match frac {
                "5" => 6,
                "25" => 3,
                "75" => 9,
                _ => return None,
            };
            return Some(format!("P{int}Y{months}M"));
        }
    }
    if rest
        .bytes()
        .all(|b| b.is_ascii_digit() || b"YMWD".contains(&b))
    {
        return Some(value.to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<u64> {
        parse_number(s, 0, s.len()).map(|x| x.0)
    }

    #[test]
    fn counts_the_years_of_an_anniversary() {
        for (w, n) in [
            ("second", Some(2)),
            ("10th", Some(10)),
            ("21st", Some(21)),
            ("100-year", Some(100)),
            ("one-year", Some(1)),
            ("fifth-year", Some(5)),
            // no count: "the anniversary", "the 10 anniversary", "north"
            ("the", None),
            ("10", None),
            ("north", None),
            ("a", None),
        ] {
            assert_eq!(anniversary_years(w), n, "{w}");
        }
    }

    #[test]
    fn reads_numbers_in_digits_and_words() {
        assert_eq!(num("10,000 people"), Some(10_000));
        assert_eq!(num("15 workers"), Some(15));
        assert_eq!(num("fifteen workers"), Some(15));
        assert_eq!(num("twenty-three websites"), Some(23));
        assert_eq!(num("two dozen activists"), Some(24));
        assert_eq!(num("a dozen activists"), Some(12));
        assert_eq!(num("1.5 million people"), Some(1_500_000));
        assert_eq!(num("three hundred and five"), Some(305));
        assert_eq!(num("a man"), None);
        assert_eq!(num("212-246-8486"), None);
    }

    #[test]
    fn reads_prison_terms_as_iso_durations() {
        let d = |s: &str| parse_duration(s, 0, s.len()).map(|x| x.0);
        assert_eq!(
            d("seven and a half years in prison").as_deref(),
            Some("P7Y6M")
        );
        assert_eq!(d("one year imprisonment").as_deref(), Some("P1Y"));
        assert_eq!(d("five years").as_deref(), Some("P5Y"));
        assert_eq!(d("18 months").as_deref(), Some("P18M"));
        assert_eq!(d("a year").as_deref(), Some("P1Y"));
        assert_eq!(d("five-year term").as_deref(), Some("P5Y"));
        assert_eq!(d("half a year").as_deref(), Some("P6M"));
        assert_eq!(d("life imprisonment"), None);
        let length = |s: &str| parse_length(s, 0, s.len()).and_then(|x| x.0.months_or_days());
        assert_eq!(length("seven and a half years"), Some((90, 0)));
        assert_eq!(length("five months in detention"), Some((5, 0)));
        assert_eq!(length("two weeks"), Some((0, 14)));
        assert_eq!(length("ten days"), Some((0, 10)));
        assert_eq!(normalise_duration("P7.5Y").as_deref(), Some("P7Y6M"));
        assert_eq!(normalise_duration("P18M").as_deref(), Some("P18M"));
        assert_eq!(normalise_duration("PT3H"), None);
    }
}
