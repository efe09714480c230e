//! Anchoring: from a meaning ([`Sem`]) and the document date to a TimeML value.
//!
//! What the document date does not give stays `X`: a document without a year never gets one, and
//! nothing here reads the clock.

use crate::calendar::{self, Ymd};
use crate::grammar::{unit_code, Dir, Holiday, Sem, D};
use crate::tokens::Unit;
use casefile_model::TimexType;

/// Which way the verbs around an expression point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// A date known in part: the document date, or the last date the text mentioned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Known {
    pub y: Option<i32>,
    pub m: Option<u8>,
    pub d: Option<u8>,
    /// The quarter or half ("Q3", "H1") when the date is one.
    pub part: Option<&'static str>,
}

impl Known {
    fn full(&self) -> Option<Ymd> {
        match (self.y, self.m, self.d) {
            (Some(y), Some(m), Some(d)) => Some(Ymd { y, m, d }),
            _ => None,
        }
    }
    fn ym(&self) -> Option<(i32, u8)> {
        Some((self.y?, self.m?))
    }
}

fn ymd_str(d: Ymd) -> String {
    format!("{:04}-{:02}-{:02}", d.y, d.m, d.d)
}

/// Value of a date relative to `base` by `off` units, at the unit's granularity.
fn shift(base: &Known, unit: Unit, off: i32) -> String {
    match unit {
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => match base.full() {
            Some(d) if unit == Unit::Day => ymd_str(calendar::add_days(d, off as i64)),
            Some(d) => ymd_str(d),
            None => "XXXX-XX-XX".into(),
        },
        Unit::Week | Unit::Weekend => match base.full() {
            Some(d) => {
                let (y, w) = calendar::iso_week(calendar::add_days(d, 7 * off as i64));
                let we = if unit == Unit::Weekend { "-WE" } else { "" };
                format!("{y:04}-W{w:02}{we}")
            }
            None if unit == Unit::Weekend => "XXXX-WXX-WE".into(),
            None => "XXXX-WXX".into(),
        },
        Unit::Month => match base.ym() {
            Some((y, m)) => {
                let (y, m) = calendar::add_months(y, m, off);
                format!("{y:04}-{m:02}")
            }
            None => "XXXX-XX".into(),
        },
        Unit::Quarter => match base.ym() {
            Some((y, m)) => {
                let (y, m) = calendar::add_months(y, m, 3 * off);
                format!("{y:04}-Q{}", (m - 1) / 3 + 1)
            }
            None => "XXXX-QX".into(),
        },
        Unit::Year => match base.y {
            Some(y) => format!("{:04}", y + off),
            None => "XXXX".into(),
        },
        Unit::Decade => match base.y {
            Some(y) => format!("{:03}", y / 10 + off),
            None => "XXX".into(),
        },
        Unit::Century | Unit::Millennium => match base.y {
            Some(y) => format!("{:02}", y / 100 + off),
            None => "XX".into(),
        },
    }
}

/// The year a month (and day) without a year falls in, seen from the document date.
fn anchor_year(dct: &Known, m: u8, d: Option<u8>, dir: Dir, tense: Tense) -> Option<i32> {
    let y0 = dct.y?;
    let Some(dm) = dct.m else {
        return Some(y0);
    };
    let here = (dm, dct.d.unwrap_or(15));
    let there = (m, d.unwrap_or(0));
    let month_only = d.is_none();
    let before = if month_only { m < dm } else { there < here };
    let after = if month_only { m > dm } else { there > here };
    Some(match dir {
        Dir::This => y0,
        Dir::Last => {
            if before {
                y0
            } else {
                y0 - 1
            }
        }
        Dir::Next => {
            if after {
                y0
            } else {
                y0 + 1
            }
        }
        Dir::Auto => match tense {
            // A past-tense verb moves the date a year back only when it would otherwise lie well
            // after the document date: a date a few days ahead is usually a scheduled event, and
            // the tense cue a neighbouring clause's.
            Tense::Past => {
                if gap_days(y0, m, d, dct) > 45 {
                    y0 - 1
                } else {
                    y0
                }
            }
            Tense::Future => {
                if gap_days(y0, m, d, dct) < -45 {
                    y0 + 1
                } else {
                    y0
                }
            }
            Tense::Unknown => {
                // The nearest occurrence ("7 November" in April 1998 is November 1997), with
                // the past favoured: reports tell of what happened.
                let gap = gap_days(y0, m, d, dct);
                if gap > 0 {
                    let back = gap_days(y0 - 1, m, d, dct).abs();
                    if gap * 3 / 2 < back {
                        y0
                    } else {
                        y0 - 1
                    }
                } else {
                    let ahead = gap_days(y0 + 1, m, d, dct);
                    if ahead * 2 < -gap {
                        y0 + 1
                    } else {
                        y0
                    }
                }
            }
        },
    })
}

/// Days from the document date to day `d` (mid-month when unknown) of month `m` in year `y`.
fn gap_days(y: i32, m: u8, d: Option<u8>, dct: &Known) -> i64 {
    let at = |y: i32, m: u8, d: u8| calendar::to_days(Ymd { y, m, d: d.min(28) });
    let (Some(dy), Some(dm)) = (dct.y, dct.m) else {
        return 0;
    };
    at(y, m, d.unwrap_or(15)) - at(dy, dm, dct.d.unwrap_or(15))
}

/// The year of a season (spring 1 … winter 4) seen from month `dm` of year `y0`. Seasons are
/// counted on one line, winter Y running from December Y into February Y+1, so "last fall" in
/// February 1998 is 1997-FA and "this spring" then is 1998-SP.
fn season_year(y0: i32, dm: u8, idx: u8, dir: Dir, tense: Tense) -> i32 {
    let now = match dm {
        3..=5 => y0 * 4,
        6..=8 => y0 * 4 + 1,
        9..=11 => y0 * 4 + 2,
        12 => y0 * 4 + 3,
        _ => (y0 - 1) * 4 + 3,
    };
    let at = |y: i32| y * 4 + idx as i32 - 1;
    let candidates = [y0 - 2, y0 - 1, y0, y0 + 1];
    let last_before = |strict: bool| {
        candidates
            .iter()
            .copied()
            .filter(|y| if strict { at(*y) < now } else { at(*y) <= now })
            .max()
            .unwrap_or(y0)
    };
    let first_after = |strict: bool| {
        candidates
            .iter()
            .copied()
            .filter(|y| if strict { at(*y) > now } else { at(*y) >= now })
            .min()
            .unwrap_or(y0)
    };
    match (dir, tense) {
        (Dir::Last, _) => last_before(true),
        (Dir::Next, _) => first_after(true),
        (Dir::Auto, Tense::Past) => last_before(false),
        (Dir::Auto, Tense::Future) => first_after(false),
        // "this spring", or no tense: the nearest, the past one on a tie
        _ => {
            let back = last_before(false);
            let ahead = first_after(false);
            if at(ahead) - now < now - at(back) {
                ahead
            } else {
                back
            }
        }
    }
}

/// Index of a year part (quarter, half, season) and of the part the document date is in.
fn part_index(part: &str, m: u8) -> (u8, u8) {
    match part.as_bytes()[0] {
        b'Q' => (part.as_bytes()[1] - b'0', (m - 1) / 3 + 1),
        b'H' => (part.as_bytes()[1] - b'0', (m - 1) / 6 + 1),
        _ => {
            let idx = match part {
                "SP" => 1,
                "SU" => 2,
                "FA" => 3,
                _ => 4,
            };
            let cur = match m {
                3..=5 => 1,
                6..=8 => 2,
                9..=11 => 3,
                _ => 4,
            };
            (idx, cur)
        }
    }
}

/// Resolves a date; also returns what it says of the calendar, for later "two days later".
pub fn date(d: &D, dct: &Known, reference: &Known, tense: Tense) -> (String, Option<Known>) {
    match *d {
        D::Cal { y, m, d, dir } => {
            let y = y.or_else(|| anchor_year(dct, m, d, dir, tense));
            let ys = y.map_or("XXXX".to_string(), |y| format!("{y:04}"));
            let v = match d {
                Some(d) => format!("{ys}-{m:02}-{d:02}"),
                None => format!("{ys}-{m:02}"),
            };
            (
                v,
                y.map(|y| Known {
                    y: Some(y),
                    m: Some(m),
                    d,
                    part: None,
                }),
            )
        }
        D::WeekOf { y, m, d, dir } => {
            let y = y.or_else(|| anchor_year(dct, m, Some(d), dir, tense));
            let v = match y {
                Some(y) => {
                    let (wy, w) = calendar::iso_week(Ymd { y, m, d });
                    format!("{wy:04}-W{w:02}")
                }
                None => "XXXX-WXX".into(),
            };
            (v, None)
        }
        D::HolidayOf { h, y } => {
            let day = holiday_date(h, y);
            (ymd_str(day), known_of(&ymd_str(day)))
        }
        D::Holiday { h, dir } => match dct.y {
            Some(y0) => {
                let near = holiday_date(h, y0);
                let y = anchor_year(dct, near.m, Some(near.d), dir, tense).unwrap_or(y0);
                let day = holiday_date(h, y);
                (ymd_str(day), known_of(&ymd_str(day)))
            }
            None => {
                let day = holiday_date(h, 2001);
                if fixed_holiday(h) {
                    (format!("XXXX-{:02}-{:02}", day.m, day.d), None)
                } else {
                    (format!("XXXX-{:02}-XX", day.m), None)
                }
            }
        },
        D::Year(y) => (format!("{y:04}"), None),
        D::Decade(n) => (format!("{n:03}"), None),
        D::Century(n) => (format!("{n:02}"), None),
        D::Part { y, part, dir } => {
            let y = y.or_else(|| {
                let y0 = dct.y?;
                let Some(dm) = dct.m else {
                    return Some(y0);
                };
                let (idx, cur) = part_index(part, dm);
                if !part.starts_with(['Q', 'H']) {
                    return Some(season_year(y0, dm, idx, dir, tense));
                }
                Some(match dir {
                    Dir::This => y0,
                    Dir::Last => y0 - i32::from(idx >= cur),
                    Dir::Next => y0 + i32::from(idx <= cur),
                    Dir::Auto => match tense {
                        Tense::Past if idx > cur => y0 - 1,
                        // Only well behind: "the third quarter" in November is this year's.
                        Tense::Future if idx + 1 < cur => y0 + 1,
                        // A quarter still to come is rarely spoken of without a future verb;
                        // results of a past one are.
                        Tense::Unknown if idx > cur && part.starts_with(['Q', 'H']) => y0 - 1,
                        _ => y0,
                    },
                })
            });
            let ys = y.map_or("XXXX".to_string(), |y| format!("{y:04}"));
            // A quarter or half becomes the period later "a year earlier" compares with.
            let k = y.filter(|_| part.starts_with(['Q', 'H'])).map(|y| Known {
                y: Some(y),
                m: None,
                d: None,
                part: Some(part),
            });
            (format!("{ys}-{part}"), k)
        }
        D::PartOfYear { off, part } => match dct.y {
            Some(y) => (
                format!("{:04}-{part}", y + off),
                Some(Known {
                    y: Some(y + off),
                    m: None,
                    d: None,
                    part: Some(part),
                }),
            ),
            None => (format!("XXXX-{part}"), None),
        },
        D::MonthOfYear { m, off } => match dct.y {
            Some(y) => (format!("{:04}-{m:02}", y + off), None),
            None => (format!("XXXX-{m:02}"), None),
        },
        D::TheWeekend => {
            // "the weekend": the last one in a past-tense sentence, else the coming one
            let Some(base) = dct.full() else {
                return ("XXXX-WXX-WE".into(), None);
            };
            let wd = calendar::weekday(base) as i64;
            let sat = if tense == Tense::Future || wd == 6 || wd == 7 {
                calendar::add_days(base, (6 - wd).max(-1))
            } else {
                calendar::add_days(base, -(wd + 1))
            };
            let (y, w) = calendar::iso_week(sat);
            (format!("{y:04}-W{w:02}-WE"), None)
        }
        D::SomeWeek => (
            dct.y
                .map_or("XXXX-WXX".to_string(), |y| format!("{y:04}-WXX")),
            None,
        ),
        D::Rel { unit, off } => {
            let v = shift(dct, unit, off);
            let k = known_of(&v);
            (v, k)
        }
        D::RelRef { unit, off } | D::Ago { unit, off } => {
            // "a year ago" / "a year earlier" in a report on a quarter: that quarter a year back
            if let (Unit::Year, -1, Some(p), Some(y)) = (unit, off, reference.part, reference.y) {
                return (format!("{:04}-{p}", y - 1), None);
            }
            let base = if matches!(d, D::Ago { .. }) {
                dct
            } else {
                reference
            };
            let v = shift(base, unit, off);
            let k = known_of(&v);
            (v, k)
        }
        D::Period {
            y,
            off,
            part,
            quarter,
        } => {
            let part = part.or(reference.part);
            let year = y.or_else(|| reference.y.map(|y| y + off));
            match (year, part) {
                (Some(y), Some(p)) => (format!("{y:04}-{p}"), None),
                (Some(y), None) if !quarter || off != 0 || reference.part.is_none() && y != 0 => {
                    if quarter && off == 0 && d_is_the_quarter(d) {
                        // "the quarter" with nothing named before: the one just reported on
                        // in a past-tense sentence, else the current one.
                        let back = i32::from(tense == Tense::Past);
                        return (shift(dct, Unit::Quarter, -back), None);
                    }
                    (format!("{y:04}"), None)
                }
                _ => (
                    shift(dct, Unit::Quarter, -i32::from(tense == Tense::Past)),
                    None,
                ),
            }
        }
        // "sales rose in February compared with the same period last year": the month the text
        // named, a year back; otherwise the reporting period or year, as "the year-ago period"
        D::SamePeriod => match (reference.part, reference.y, reference.m, reference.d) {
            (None, Some(y), Some(m), None) => (format!("{:04}-{m:02}", y - 1), None),
            _ => date(
                &D::Period {
                    y: None,
                    off: -1,
                    part: None,
                    quarter: false,
                },
                dct,
                reference,
                tense,
            ),
        },
        D::Vague { past, .. } => ((if past { "PAST_REF" } else { "FUTURE_REF" }).into(), None),
        // "the previous Friday": strictly before the narrative's date (the last full date the
        // text named, else the document date); "the following Monday" strictly after it
        D::WeekdayRef { wd, off } => match reference.full().or_else(|| dct.full()) {
            Some(base) => {
                let dw = calendar::weekday(base) as i64;
                let wd = wd as i64;
                let delta = if off < 0 {
                    -(dw - wd - 1).rem_euclid(7) - 1
                } else {
                    (wd - dw - 1).rem_euclid(7) + 1
                };
                let day = calendar::add_days(base, delta);
                (ymd_str(day), known_of(&ymd_str(day)))
            }
            None => (format!("XXXX-WXX-{wd}"), None),
        },
        D::Weekday { wd, dir } => match dct.full() {
            Some(base) => {
                let dw = calendar::weekday(base) as i64;
                let wd = wd as i64;
                let back = (dw - wd).rem_euclid(7);
                let fwd = (wd - dw).rem_euclid(7);
                let off = match dir {
                    Dir::Last => -(if back == 0 { 7 } else { back }),
                    Dir::Next => {
                        if fwd == 0 {
                            7
                        } else {
                            fwd
                        }
                    }
                    Dir::This => wd - dw,
                    Dir::Auto => {
                        if tense == Tense::Future {
                            fwd
                        } else {
                            -back
                        }
                    }
                };
                let day = calendar::add_days(base, off);
                (
                    ymd_str(day),
                    Some(Known {
                        y: Some(day.y),
                        m: Some(day.m),
                        d: Some(day.d),
                        part: None,
                    }),
                )
            }
            None => (format!("XXXX-WXX-{wd}"), None),
        },
    }
}

fn d_is_the_quarter(d: &D) -> bool {
    matches!(
        d,
        D::Period {
            y: None,
            off: 0,
            part: None,
            quarter: true
        }
    )
}

/// The date of a holiday in year `y`.
fn holiday_date(h: Holiday, y: i32) -> Ymd {
    let fixed = |m: u8, d: u8| Ymd { y, m, d };
    match h {
        Holiday::NewYearsDay => fixed(1, 1),
        Holiday::NewYearsEve => fixed(12, 31),
        Holiday::Christmas => fixed(12, 25),
        Holiday::ChristmasEve => fixed(12, 24),
        Holiday::Halloween => fixed(10, 31),
        Holiday::Valentines => fixed(2, 14),
        Holiday::IndependenceDay => fixed(7, 4),
        Holiday::Thanksgiving => calendar::nth_weekday(y, 11, 4, 4),
        Holiday::ElectionDay => calendar::add_days(calendar::nth_weekday(y, 11, 1, 1), 1),
        Holiday::LaborDay => calendar::nth_weekday(y, 9, 1, 1),
        Holiday::MemorialDay => calendar::nth_weekday(y, 5, 1, 5),
        Holiday::Easter => calendar::easter(y),
        Holiday::GoodFriday => calendar::add_days(calendar::easter(y), -2),
        Holiday::EasterMonday => calendar::add_days(calendar::easter(y), 1),
    }
}

/// Whether a holiday falls on the same day every year.
fn fixed_holiday(h: Holiday) -> bool {
    matches!(
        h,
        Holiday::NewYearsDay
            | Holiday::NewYearsEve
            | Holiday::Christmas
            | Holiday::ChristmasEve
            | Holiday::Halloween
            | Holiday::Valentines
            | Holiday::IndependenceDay
    )
}

/// A full date value back into a [`Known`], for the reference date.
fn known_of(v: &str) -> Option<Known> {
    let b = v.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b[0].is_ascii_digit() {
        Some(Known {
            y: v[0..4].parse().ok(),
            m: v[5..7].parse().ok(),
            d: v[8..10].parse().ok(),
            part: None,
        })
    } else {
        None
    }
}

/// A duration value: "P7Y6M" for seven and a half years, "PXD" for "a few days".
pub fn duration(n: Option<f64>, unit: Unit) -> String {
    let (unit, n) = match unit {
        Unit::Decade => (Unit::Year, n.map(|x| x * 10.0)),
        Unit::Century => (Unit::Year, n.map(|x| x * 100.0)),
        Unit::Millennium => (Unit::Year, n.map(|x| x * 1000.0)),
        Unit::Weekend => (Unit::Day, n.map(|x| x * 2.0)),
        u => (u, n),
    };
    let (t, c) = unit_code(unit);
    let Some(x) = n else {
        return format!("P{t}X{c}");
    };
    let whole = x.trunc() as u64;
    let frac = x - x.trunc();
    if frac.abs() < 1e-9 {
        return format!("P{t}{whole}{c}");
    }
    // A fraction goes to the next smaller unit when it comes out whole there.
    let smaller = match unit {
        Unit::Year => Some((12.0, "", "M")),
        Unit::Quarter => Some((3.0, "", "M")),
        Unit::Month => Some((30.0, "", "D")),
        Unit::Week => Some((7.0, "", "D")),
        Unit::Day => Some((24.0, "T", "H")),
        Unit::Hour => Some((60.0, "T", "M")),
        Unit::Minute => Some((60.0, "T", "S")),
        _ => None,
    };
    if let Some((factor, t2, c2)) = smaller {
        let part = frac * factor;
        if (part - part.round()).abs() < 1e-9 {
            let part = part.round() as u64;
            let mut v = String::from("P");
            if whole > 0 {
                v.push_str(&format!("{t}{whole}{c}"));
            }
            // "T" once, before the first time part.
            if t2 == "T" && !v.contains('T') {
                v.push('T');
            }
            v.push_str(&format!("{part}{c2}"));
            return v;
        }
    }
    format!("P{t}{x}{c}")
}

/// TimeML type and value of a meaning.
pub fn value(
    sem: &Sem,
    dct: &Known,
    reference: &Known,
    tense: Tense,
) -> (TimexType, String, Option<Known>) {
    match sem {
        Sem::Date(d) => {
            let (v, k) = date(d, dct, reference, tense);
            (TimexType::Date, v, k)
        }
        Sem::Time { day, clock, part } => {
            let (dv, k) = match day {
                Some(d) => date(d, dct, reference, tense),
                // The day the narrative is at: the last full date named, else the DCT.
                None => match reference.full().or_else(|| dct.full()) {
                    Some(d) => (ymd_str(d), None),
                    None => ("XXXX-XX-XX".into(), None),
                },
            };
            let tv = match (clock, part) {
                (Some((h, m, utc)), _) => {
                    format!("T{h:02}:{m:02}{}", if *utc { "Z" } else { "" })
                }
                (None, Some(p)) => format!("T{p}"),
                (None, None) => String::new(),
            };
            // A weekday's part ("Friday night") is a DATE in TimeBank, a clock time a TIME.
            let ty = match (day, clock) {
                (Some(D::Weekday { .. }), None) => TimexType::Date,
                _ => TimexType::Time,
            };
            (ty, format!("{dv}{tv}"), k)
        }
        Sem::Duration(n, unit) => (TimexType::Duration, duration(*n, *unit), None),
        Sem::Set(v) => (TimexType::Set, v.clone(), None),
        Sem::Ref(v) => (TimexType::Date, (*v).to_string(), None),
        Sem::SomeTime => (TimexType::Duration, "PXX".to_string(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_follow_timeml() {
        assert_eq!(duration(Some(7.5), Unit::Year), "P7Y6M");
        assert_eq!(duration(Some(3.5), Unit::Month), "P3M15D");
        assert_eq!(duration(Some(10.0), Unit::Day), "P10D");
        assert_eq!(duration(Some(1.0), Unit::Decade), "P10Y");
        assert_eq!(duration(Some(1.5), Unit::Minute), "PT1M30S");
        assert_eq!(duration(Some(0.5), Unit::Hour), "PT30M");
        assert_eq!(duration(Some(2.5), Unit::Day), "P2DT12H");
        assert_eq!(duration(None, Unit::Year), "PXY");
        assert_eq!(duration(None, Unit::Hour), "PTXH");
    }
}
