//! Proleptic Gregorian arithmetic on plain integers: the few operations normalisation needs (day
//! offsets, weekdays, ISO weeks, month offsets), without a date library or the clock.

/// A complete calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    /// The year.
    pub y: i32,
    /// The month, 1–12.
    pub m: u8,
    /// The day of the month, 1–31.
    pub d: u8,
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
pub fn to_days(date: Ymd) -> i64 {
    let y = date.y as i64 - if date.m <= 2 { 1 } else { 0 };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = date.m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + date.d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date `z` days after 1970-01-01 (the inverse of [`to_days`]).
pub fn from_days(z: i64) -> Ymd {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    Ymd {
        y: (y + if m <= 2 { 1 } else { 0 }) as i32,
        m,
        d,
    }
}

/// `date` moved by `n` days.
pub fn add_days(date: Ymd, n: i64) -> Ymd {
    from_days(to_days(date) + n)
}

/// ISO weekday: Monday 1 … Sunday 7.
pub fn weekday(date: Ymd) -> u8 {
    // 1970-01-01 was a Thursday.
    ((to_days(date).rem_euclid(7) + 3) % 7 + 1) as u8
}

/// ISO 8601 week-numbering year and week.
pub fn iso_week(date: Ymd) -> (i32, u8) {
    let wd = weekday(date) as i64;
    // The Thursday of this week decides the year.
    let thursday = from_days(to_days(date) - wd + 4);
    let jan1 = Ymd {
        y: thursday.y,
        m: 1,
        d: 1,
    };
    let week = (to_days(thursday) - to_days(jan1)) / 7 + 1;
    (thursday.y, week as u8)
}

/// `(year, month)` moved by `n` months.
pub fn add_months(y: i32, m: u8, n: i32) -> (i32, u8) {
    let idx = y * 12 + (m as i32 - 1) + n;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u8)
}

/// The `n`th (1-based; 5 = last) ISO weekday `wd` of a month.
pub fn nth_weekday(y: i32, m: u8, wd: u8, n: u8) -> Ymd {
    let first = Ymd { y, m, d: 1 };
    let shift = (wd as i64 - weekday(first) as i64).rem_euclid(7);
    let mut day = add_days(first, shift + 7 * (n as i64 - 1));
    while day.m != m {
        day = add_days(day, -7);
    }
    day
}

/// Easter Sunday (Gregorian; the anonymous algorithm).
pub fn easter(y: i32) -> Ymd {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Ymd {
        y,
        m: month as u8,
        d: day as u8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_and_weekdays() {
        let d = Ymd {
            y: 1998,
            m: 4,
            d: 8,
        };
        assert_eq!(from_days(to_days(d)), d);
        assert_eq!(weekday(d), 3); // a Wednesday
        assert_eq!(
            add_days(d, -40),
            Ymd {
                y: 1998,
                m: 2,
                d: 27
            }
        );
        assert_eq!(iso_week(d), (1998, 15));
        assert_eq!(
            iso_week(Ymd {
                y: 2010,
                m: 1,
                d: 3
            }),
            (2009, 53)
        );
        assert_eq!(add_months(1998, 1, -2), (1997, 11));
        assert_eq!(
            easter(2000),
            Ymd {
                y: 2000,
                m: 4,
                d: 23
            }
        );
        // Thanksgiving 1999: the fourth Thursday of November
        assert_eq!(
            nth_weekday(1999, 11, 4, 4),
            Ymd {
                y: 1999,
                m: 11,
                d: 25
            }
        );
    }
}
