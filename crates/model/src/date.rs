//! Dates known only in part: "1998", "April 1998", "9 January" (year unknown).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date at the granularity the text supports.
///
/// Written as in `FORMAT.md`: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, and `--MM-DD` or `--MM` when the day
/// or month is known but the year is not. A day without a month is not representable: no text
/// supports it and it would read as a made-up date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// The year, when known.
    pub year: Option<i32>,
    /// The month 1–12, when known.
    pub month: Option<u8>,
    /// The day 1–31, when known (only with a month).
    pub day: Option<u8>,
}

/// Why a string is not a [`PartialDate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartialDateError(pub String);

impl fmt::Display for PartialDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not a date (YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD or --MM): {:?}",
            self.0
        )
    }
}

impl std::error::Error for PartialDateError {}

fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        // An unknown year allows 29 February: the text may be right about a leap year.
        _ => match year {
            Some(y) if !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) => 28,
            _ => 29,
        },
    }
}

impl PartialDate {
    /// A full date; `None` when it does not exist (31 April, 29 February 2023).
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        Self::checked(Some(year), Some(month), Some(day))
    }

    /// A month of a year.
    pub fn ym(year: i32, month: u8) -> Option<Self> {
        Self::checked(Some(year), Some(month), None)
    }

    /// A year alone.
    pub fn y(year: i32) -> Self {
        PartialDate {
            year: Some(year),
            month: None,
            day: None,
        }
    }

    /// A day and month of an unknown year ("9 January" in an undated document).
    pub fn md(month: u8, day: u8) -> Option<Self> {
        Self::checked(None, Some(month), Some(day))
    }

    /// Any combination, validated: a day needs a month, values must exist on the calendar, and
    /// something must be known.
    pub fn checked(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> Option<Self> {
        if year.is_none() && month.is_none() {
            return None;
        }
        if let Some(y) = year {
            if !(1..=9999).contains(&y) {
                return None;
            }
        }
        match (month, day) {
            (None, Some(_)) => return None,
            (Some(m), _) if !(1..=12).contains(&m) => return None,
            (Some(m), Some(d)) if d == 0 || d > days_in_month(year, m) => return None,
            _ => {}
        }
        Some(PartialDate { year, month, day })
    }

    /// True when year, month and day are all known.
    pub fn is_complete(&self) -> bool {
        self.year.is_some() && self.month.is_some() && self.day.is_some()
    }

    /// True when `self` could be the same day as `other`: every field known in both agrees.
    pub fn is_compatible_with(&self, other: &PartialDate) -> bool {
        fn agree<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        agree(self.year, other.year) && agree(self.month, other.month) && agree(self.day, other.day)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => write!(f, "{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => write!(f, "{y:04}-{m:02}"),
            (Some(y), None, _) => write!(f, "{y:04}"),
            (None, Some(m), Some(d)) => write!(f, "--{m:02}-{d:02}"),
            (None, Some(m), None) => write!(f, "--{m:02}"),
            (None, None, _) => f.write_str(""),
        }
    }
}

impl FromStr for PartialDate {
    type Err = PartialDateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || PartialDateError(s.to_string());
        let num = |p: &str, len: usize| -> Result<u32, PartialDateError> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| err())
            } else {
                Err(err())
            }
        };
        let (year, rest) = if let Some(rest) = s.strip_prefix("--") {
            (None, rest)
        } else {
            let (y, rest) = s.split_at(s.find('-').unwrap_or(s.len()));
            (
                Some(num(y, 4)? as i32),
                rest.strip_prefix('-').unwrap_or(rest),
            )
        };
        let mut parts = if rest.is_empty() {
            Vec::new()
        } else {
            rest.split('-').collect::<Vec<_>>()
        };
        if parts.len() > 2 || (year.is_none() && parts.is_empty()) {
            return Err(err());
        }
        let day = if parts.len() == 2 {
            Some(num(parts.pop().unwrap(), 2)? as u8)
        } else {
            None
        };
        let month = match parts.pop() {
            Some(m) => Some(num(m, 2)? as u8),
            None => None,
        };
        PartialDate::checked(year, month, day).ok_or_else(err)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn writes_every_granularity_as_format_md_says() {
        assert_eq!(
            PartialDate::ymd(1998, 4, 8).unwrap().to_string(),
            "1998-04-08"
        );
        assert_eq!(PartialDate::ym(1997, 11).unwrap().to_string(), "1997-11");
        assert_eq!(PartialDate::y(2012).to_string(), "2012");
        assert_eq!(PartialDate::md(1, 9).unwrap().to_string(), "--01-09");
    }

    #[test]
    fn refuses_dates_that_do_not_exist() {
        assert!(PartialDate::ymd(2023, 2, 29).is_none());
        assert!(PartialDate::ymd(2024, 2, 29).is_some());
        assert!(PartialDate::ymd(1998, 4, 31).is_none());
        assert!(PartialDate::checked(Some(1998), None, Some(3)).is_none());
        assert!("1998-13".parse::<PartialDate>().is_err());
        assert!("98-04-08".parse::<PartialDate>().is_err());
        assert!("".parse::<PartialDate>().is_err());
        assert!("--".parse::<PartialDate>().is_err());
    }

    #[test]
    fn compatibility_ignores_unknown_fields() {
        let full = PartialDate::ymd(2012, 10, 8).unwrap();
        assert!(PartialDate::y(2012).is_compatible_with(&full));
        assert!(PartialDate::md(10, 8).unwrap().is_compatible_with(&full));
        assert!(!PartialDate::ym(2012, 11).unwrap().is_compatible_with(&full));
    }

    proptest! {
        #[test]
        fn display_and_parse_round_trip(y in proptest::option::of(1i32..=9999), m in 1u8..=12, d in proptest::option::of(1u8..=28), keep_month in any::<bool>()) {
            let month = if keep_month || y.is_none() { Some(m) } else { None };
            let day = if month.is_some() { d } else { None };
            let date = PartialDate::checked(y, month, day).unwrap();
            let text = date.to_string();
            prop_assert_eq!(text.parse::<PartialDate>().unwrap(), date);
        }
    }
}
