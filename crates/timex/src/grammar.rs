//! The grammar: which token sequences are time expressions, and what they mean before anchoring.
//!
//! Each matcher looks at the tokens from one position and returns how far the expression runs and
//! its meaning ([`Sem`]); the longest match wins. Anchoring (turning "last Friday" into a date)
//! happens later, in `resolve`, so the grammar never needs the document date.

use crate::tokens::{Kind, Lex, Rel, Tok, Unit};

/// Which way an underspecified date leans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// Decide from the tense around the expression.
    Auto,
    /// The most recent one, strictly before the document date ("last Friday", "last November").
    Last,
    /// The next one, strictly after ("next Friday").
    Next,
    /// The one in the current week or year ("this Friday", "this November").
    This,
}

/// A date before anchoring.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum D {
    /// Year, month, day as stated; a missing year is anchored by direction.
    Cal {
        y: Option<i32>,
        m: u8,
        d: Option<u8>,
        dir: Dir,
    },
    /// "the week of March 6": the ISO week of that day.
    WeekOf {
        y: Option<i32>,
        m: u8,
        d: u8,
        dir: Dir,
    },
    Year(i32),
    /// "199" for the 1990s.
    Decade(i32),
    /// "19" for the 20th century.
    Century(i32),
    /// A quarter ("Q3"), half ("H1") or season ("SU") of a stated or anchored year.
    Part {
        y: Option<i32>,
        part: &'static str,
        dir: Dir,
    },
    /// Offset in `unit`s from the document date, written at that unit's granularity.
    Rel {
        unit: Unit,
        off: i32,
    },
    /// Offset from the last date the text mentioned ("two days later").
    RelRef {
        unit: Unit,
        off: i32,
    },
    /// Offset by an unknown amount ("a few years ago").
    Vague {
        unit: Unit,
        past: bool,
    },
    /// A day of the week.
    Weekday {
        wd: u8,
        dir: Dir,
    },
    /// A day of the week before (`off` -1) or after (+1) the narrative's date ("the previous
    /// Friday", "the following Monday").
    WeekdayRef {
        wd: u8,
        off: i32,
    },
    /// A named holiday, anchored like a day and month ("Christmas", "Thanksgiving Day").
    Holiday {
        h: Holiday,
        dir: Dir,
    },
    /// A holiday of a stated year.
    HolidayOf {
        h: Holiday,
        y: i32,
    },
    /// A quarter or half of the document's year moved by `off` years ("last year's third
    /// quarter").
    PartOfYear {
        off: i32,
        part: &'static str,
    },
    /// "the weekend": the last one in a past-tense sentence, else the coming one.
    TheWeekend,
    /// A month of the document's year moved by `off` years ("June last year").
    MonthOfYear {
        m: u8,
        off: i32,
    },
    /// "N units ago": from the document date, but "a year ago" after "the third quarter" is that
    /// quarter a year before, as financial reports compare periods.
    Ago {
        unit: Unit,
        off: i32,
    },
    /// "the week" alone: a week of the document's year, unnumbered (`1989-WXX`).
    SomeWeek,
    /// "the same period last year": the period the text last named (a month, a quarter or
    /// half, else the year), a year back.
    SamePeriod,
    /// A reporting period: "the quarter", "the year-ago quarter", "the 1988 period". The part
    /// (quarter, half) is stated or taken from the period the text last named.
    Period {
        y: Option<i32>,
        off: i32,
        part: Option<&'static str>,
        quarter: bool,
    },
}

/// Holidays whose date the calendar gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    NewYearsDay,
    NewYearsEve,
    Christmas,
    ChristmasEve,
    Halloween,
    Valentines,
    IndependenceDay,
    /// Fourth Thursday of November (US).
    Thanksgiving,
    /// Tuesday after the first Monday of November (US).
    ElectionDay,
    /// First Monday of September (US).
    LaborDay,
    /// Last Monday of May (US).
    MemorialDay,
    Easter,
    /// The Friday before Easter.
    GoodFriday,
    /// The Monday after Easter.
    EasterMonday,
}

/// An expression's meaning before anchoring.
#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    Date(D),
    /// A time of day on a date (the document date when none is stated).
    Time {
        day: Option<D>,
        /// Hour, minute, and whether the time is in UTC ("16:08 UTC" → `Z`).
        clock: Option<(u8, u8, bool)>,
        part: Option<&'static str>,
    },
    /// Amount (None: unknown) and unit.
    Duration(Option<f64>, Unit),
    Set(String),
    Ref(&'static str),
    /// A stretch of unstated length and unit ("for a while", "a lengthy period"): `PXX`.
    SomeTime,
}

impl Sem {
    /// A holiday of a stated year becomes that year's date.
    fn with_year(self, y: i32) -> Sem {
        match self {
            Sem::Date(D::Holiday { h, .. }) => Sem::Date(D::HolidayOf { h, y }),
            other => other,
        }
    }
}

pub struct G<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    /// How deep matchers are nested ("the early …" calls back into `match_at`); bounded so that
    /// no text, however long its run of "the early the early …", can exhaust the stack.
    depth: std::cell::Cell<u8>,
}

type M = Option<(usize, Sem)>;

fn longest(a: M, b: M) -> M {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.0 > x.0 { y } else { x }),
        (x, None) => x,
        (None, y) => y,
    }
}

/// Words a number after which names a thing, not a year.
const NUMBERED: &[&str] = &[
    "law",
    "laws",
    "no",
    "nos",
    "number",
    "decree",
    "resolution",
    "article",
    "articles",
    "section",
    "paragraph",
    "chapter",
    "case",
    "cell",
    "room",
    "flight",
    "page",
    "pages",
];

impl<'a> G<'a> {
    fn lex(&self, i: usize) -> Lex {
        self.toks.get(i).map_or(Lex::None, |t| t.lex)
    }
    pub fn s(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }
    fn is(&self, i: usize, w: &str) -> bool {
        self.s(i).eq_ignore_ascii_case(w)
    }
    /// Whether token `i` is the word `w` (any case).
    pub fn is_word(&self, i: usize, w: &str) -> bool {
        self.is(i, w)
    }
    fn punct(&self, i: usize, c: char) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && self.text[t.start..].starts_with(c))
    }
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }
    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }
    /// The value of a digits token of at most `max_len` digits.
    pub(crate) fn num(&self, i: usize, max_len: usize) -> Option<u32> {
        let s = self.s(i);
        if self.kind(i) == Some(Kind::Num) && s.len() <= max_len {
            s.parse().ok()
        } else {
            None
        }
    }
    /// Whether a line break separates token `i` from the one before (a title from its dateline).
    fn line_break_before(&self, i: usize) -> bool {
        match (
            i.checked_sub(1).and_then(|p| self.toks.get(p)),
            self.toks.get(i),
        ) {
            (Some(a), Some(b)) => self.text[a.end..b.start].contains('\n'),
            _ => false,
        }
    }

    fn cap(&self, i: usize) -> bool {
        self.s(i).starts_with(|c: char| c.is_ascii_uppercase())
    }

    /// A four-digit year 1000–2099 standing alone (not part of a longer number).
    fn year(&self, i: usize) -> Option<i32> {
        let y = self.num(i, 4)?;
        if self.s(i).len() != 4 || !(1000..=2099).contains(&y) {
            return None;
        }
        // "1,998", "1998.5", "$1998", "1998s"
        if (self.glued(i + 1) && (self.punct(i + 1, ',') || self.punct(i + 1, '.')))
            && self.kind(i + 2) == Some(Kind::Num)
            && self.glued(i + 2)
        {
            return None;
        }
        if self.glued(i + 1) && (self.kind(i + 1) == Some(Kind::Word) || self.punct(i + 1, '%')) {
            return None;
        }
        if i > 0 && self.glued(i) && (self.punct(i - 1, '$') || self.punct(i - 1, '#')) {
            return None;
        }
        // A number that names something is no year: "Law 1055", "Law No. 1042", "Decree 1998",
        // "Resolution 2334", "Article 1010", "Case 1234". ("the Terrorism Act 2000" is a year.)
        if i > 0 {
            let mut p = i - 1;
            if self.punct(p, '.') && p > 0 {
                p -= 1;
            }
            if NUMBERED.iter().any(|w| self.is(p, w)) {
                return None;
            }
        }
        // "$4.1556 per share", "3,1998": the tail of a longer number
        if i > 1
            && self.glued(i)
            && (self.punct(i - 1, '.') || self.punct(i - 1, ','))
            && self.glued(i - 1)
            && self.kind(i - 2) == Some(Kind::Num)
        {
            return None;
        }
        Some(y as i32)
    }

    /// A day of the month: "8", "08", "8th", "eighth" (word ordinals only up to 31 via "twenty").
    fn day(&self, i: usize) -> Option<(usize, u8)> {
        if let Some(d) = self.num(i, 2) {
            if (1..=31).contains(&d) {
                let j = if self.glued(i + 1)
                    && matches!(
                        self.s(i + 1).to_ascii_lowercase().as_str(),
                        "th" | "st" | "nd" | "rd"
                    ) {
                    i + 2
                } else {
                    i + 1
                };
                return Some((j, d as u8));
            }
        }
        self.ordinal_word(i)
    }

    fn ordinal_word(&self, i: usize) -> Option<(usize, u8)> {
        match self.lex(i) {
            Lex::Ordinal(n) => Some((i + 1, n)),
            Lex::NumWord(t @ (20 | 30)) => {
                let j = if self.punct(i + 1, '-') { i + 2 } else { i + 1 };
                match self.lex(j) {
                    Lex::Ordinal(n) if n < 10 => Some((j + 1, t as u8 + n)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// A number: digits, words ("twenty-four", "one hundred"), fractions ("2 1/2", "and a
    /// half"), vague amounts ("a few", "several": `None`). Returns the end and the amount.
    pub(crate) fn number(&self, i: usize, allow_a: bool) -> Option<(usize, Option<f64>)> {
        let (mut j, mut v) = match self.lex(i) {
            _ if self.kind(i) == Some(Kind::Num) => {
                if self.s(i).len() > 6 {
                    return None;
                }
                let mut v: f64 = self.s(i).parse().ok()?;
                let mut j = i + 1;
                // 2.5, 1,000
                if self.punct(j, '.')
                    && self.glued(j)
                    && self.kind(j + 1) == Some(Kind::Num)
                    && self.glued(j + 1)
                {
                    let frac: f64 = format!("0.{}", self.s(j + 1)).parse().ok()?;
                    v += frac;
                    j += 2;
                } else if self.punct(j, ',')
                    && self.glued(j)
                    && self.s(j + 1).len() == 3
                    && self.kind(j + 1) == Some(Kind::Num)
                    && self.glued(j + 1)
                {
                    v = v * 1000.0 + self.s(j + 1).parse::<f64>().ok()?;
                    j += 2;
                }
                // 2 1/2
                if self.num(j, 1) == Some(1)
                    && self.punct(j + 1, '/')
                    && self.num(j + 2, 1) == Some(2)
                {
                    v += 0.5;
                    j += 3;
                }
                (j, Some(v))
            }
            Lex::NumWord(n) => {
                let mut v = n as f64;
                let mut j = i + 1;
                if (20..=90).contains(&n) && n % 10 == 0 {
                    let k = if self.punct(j, '-') { j + 1 } else { j };
                    if let Lex::NumWord(u) = self.lex(k) {
                        if u < 10 {
                            v += u as f64;
                            j = k + 1;
                        }
                    }
                }
                if let Lex::NumWord(m @ (100 | 1000)) = self.lex(j) {
                    v *= m as f64;
                    j += 1;
                }
                (j, Some(v))
            }
            Lex::A if allow_a => {
                if self.is(i + 1, "few") {
                    (i + 2, None)
                } else if self.is(i + 1, "couple") {
                    let j = if self.is(i + 2, "of") { i + 3 } else { i + 2 };
                    (j, Some(2.0))
                } else if let Lex::NumWord(n @ (12 | 100 | 1000)) = self.lex(i + 1) {
                    (i + 2, Some(n as f64))
                } else if self.lex(i + 1) == Lex::Half {
                    return Some((i + 2, Some(0.5)));
                } else {
                    (i + 1, Some(1.0))
                }
            }
            Lex::Half => {
                // "half a year", "half an hour"
                if self.lex(i + 1) == Lex::A {
                    return Some((i + 2, Some(0.5)));
                }
                return None;
            }
            _ if self.is(i, "few") || self.is(i, "several") || self.is(i, "many") => (i + 1, None),
            _ if self.is(i, "couple") && self.is(i + 1, "of") => (i + 2, Some(2.0)),
            // "a single-day record"
            _ if self.is(i, "single") && self.punct(i + 1, '-') => (i + 1, Some(1.0)),
            _ => return None,
        };
        // "and a half"
        if self.is(j, "and") && self.lex(j + 1) == Lex::A && self.lex(j + 2) == Lex::Half {
            if let Some(x) = v.as_mut() {
                *x += 0.5;
            }
            j += 3;
        }
        Some((j, v))
    }

    /// A unit noun at `i` ("years", "second"), with "-" before it allowed ("five-year").
    fn unit(&self, i: usize) -> Option<(usize, Unit, bool)> {
        let i = if self.punct(i, '-') && self.glued(i) {
            i + 1
        } else {
            i
        };
        // "five trading days", "six straight days", "two more weeks"
        let i = if [
            "trading",
            "business",
            "working",
            "calendar",
            "consecutive",
            "straight",
            "successive",
            "more",
            "additional",
            "full",
        ]
        .iter()
        .any(|w| self.is(i, w))
            && matches!(self.lex(i + 1), Lex::Unit(..))
        {
            i + 1
        } else {
            i
        };
        match self.lex(i) {
            Lex::Unit(u, pl) => Some((i + 1, u, pl)),
            Lex::Ordinal(2) if self.is(i, "second") => Some((i + 1, Unit::Second, false)),
            _ if self.is(i, "seconds") => Some((i + 1, Unit::Second, true)),
            _ => None,
        }
    }

    /// Month name at `i` (with the abbreviation's full stop), when it reads as a month here.
    fn month(&self, i: usize) -> Option<(usize, u8, bool)> {
        match self.lex(i) {
            Lex::Month(m, abbr) => {
                let s = self.s(i);
                let lower = s.starts_with(|c: char| c.is_ascii_lowercase());
                // "may" and "march" in lower case are verbs; abbreviations must be capitalised.
                if lower && (abbr || m == 5 || m == 3) {
                    return None;
                }
                let j = if abbr && self.punct(i + 1, '.') && self.glued(i + 1) {
                    i + 2
                } else {
                    i + 1
                };
                Some((j, m, abbr))
            }
            _ => None,
        }
    }

    /// The grammar over the tokens of `text`.
    pub fn new(text: &'a str, toks: &'a [Tok]) -> Self {
        G {
            text,
            toks,
            depth: std::cell::Cell::new(0),
        }
    }

    /// Every matcher from position `i`; the longest wins.
    pub fn match_at(&self, i: usize) -> M {
        if self.depth.get() >= 6 {
            return None;
        }
        self.depth.set(self.depth.get() + 1);
        let m = self.match_at_inner(i);
        self.depth.set(self.depth.get() - 1);
        m
    }

    fn match_at_inner(&self, i: usize) -> M {
        let lex = self.lex(i);
        let kind = self.kind(i);
        if kind == Some(Kind::Punct) {
            return self.short_decade(i);
        }
        let mut best: M = None;
        if kind == Some(Kind::Num) {
            best = longest(best, self.numeric_date(i));
            best = longest(best, self.day_month(i));
            best = longest(best, self.year_expr(i));
            best = longest(best, self.clock(i));
            best = longest(best, self.amount(i));
            best = longest(best, self.century(i));
            return best;
        }
        match lex {
            Lex::None => {
                // "Q3", "H1 2012"
                return self.q_token(i);
            }
            Lex::Month(..) => {
                best = longest(best, self.month_first(i));
            }
            Lex::Weekday(..) => best = longest(best, self.weekday(i)),
            Lex::Holiday => best = longest(best, self.holiday(i)),
            Lex::Ordinal(_) | Lex::NumWord(_) => {
                if let Some((e, y)) = self.spoken_year(i) {
                    best = Some((e, Sem::Date(D::Year(y))));
                }
                best = longest(best, self.day_month(i));
                best = longest(best, self.quarter(i));
                best = longest(best, self.amount(i));
                best = longest(best, self.century(i));
                best = longest(best, self.clock(i));
            }
            Lex::DayWord(_) | Lex::Tonight => best = longest(best, self.day_word(i)),
            Lex::Rel(_) => {
                best = longest(best, self.rel(i));
                best = longest(best, self.this_moment(i));
            }
            Lex::Ref(v) => best = longest(best, self.reference(i, v)),
            Lex::Mod => best = longest(best, self.modified(i)),
            Lex::Approx => best = longest(best, self.approx(i)),
            Lex::Earlier | Lex::Later => best = longest(best, self.earlier(i)),
            Lex::SetAdv(v) if !self.rate_before(i) => best = Some((i + 1, Sem::Set(v.to_string()))),
            Lex::Every => best = longest(best, self.every(i)),
            Lex::A | Lex::Half => {
                best = longest(best, self.amount(i));
                // "for a while", "a fairly lengthy period": a stretch of unsaid length
                if self.lex(i) == Lex::A {
                    if i > 0 && self.is(i - 1, "for") && self.is(i + 1, "while") {
                        best = longest(best, Some((i + 2, Sem::SomeTime)));
                    }
                    let k = if self.s(i + 1).ends_with("ly") {
                        i + 2
                    } else {
                        i + 1
                    };
                    if ["lengthy", "extended", "prolonged", "indefinite"]
                        .iter()
                        .any(|w| self.is(k, w))
                        && self.is(k + 1, "period")
                    {
                        best = longest(best, Some((k + 2, Sem::SomeTime)));
                    }
                }
                // "at a later date": some time ahead
                if self.lex(i) == Lex::A && self.is(i + 1, "later") && self.is(i + 2, "date") {
                    best = longest(best, Some((i + 3, Sem::Ref("FUTURE_REF"))));
                }
            }
            Lex::The => best = longest(best, self.the(i)),
            Lex::Fiscal => best = longest(best, self.fiscal(i)),
            Lex::Season(..) => best = longest(best, self.season(i, true)),
            Lex::Noon | Lex::Midnight => best = longest(best, self.clock(i)),
            Lex::Unit(..) => {
                best = longest(best, self.bare_unit(i));
                best = longest(best, self.year_ago(i));
                best = longest(best, self.year_end(i));
                best = longest(best, self.unit_long(i));
            }
            // "(placed orders) in morning trading": the narrative day's morning; `tag` keeps
            // it only in past narration
            Lex::PartOfDay(p @ ("MO" | "AF" | "EV"))
                if i > 0
                    && (self.is(i - 1, "in") || self.is(i - 1, "during"))
                    && self.is(i + 1, "trading") =>
            {
                best = Some((i + 1, self.narrative_part(p)));
            }
            // "overnight losses in New York" (in a report on Friday's London trading): the
            // night before the narrative's day, which TimeML dates by the evening it starts
            Lex::PartOfDay(p) if self.is(i, "overnight") => {
                best = Some((
                    i + 1,
                    Sem::Time {
                        day: Some(D::RelRef {
                            unit: Unit::Day,
                            off: -1,
                        }),
                        clock: None,
                        part: Some(p),
                    },
                ))
            }
            Lex::Glue => {
                if self.is(i, "few")
                    || self.is(i, "several")
                    || self.is(i, "couple")
                    || self.is(i, "single")
                {
                    best = longest(best, self.amount(i));
                } else if self.is(i, "once") || self.is(i, "twice") {
                    best = longest(best, self.times_per(i));
                } else if self.is(i, "final") {
                    best = longest(best, self.quarter(i));
                } else if self.is(i, "that") {
                    // "that year", "later that month": the narrative's year or month
                    if let Lex::Unit(unit @ (Unit::Year | Unit::Month | Unit::Week), false) =
                        self.lex(i + 1)
                    {
                        if !matches!(self.lex(i + 2), Lex::Unit(..)) && !self.punct(i + 2, '-') {
                            best = Some((i + 2, Sem::Date(D::RelRef { unit, off: 0 })));
                        }
                    }
                } else if self.is(i, "as")
                    && self.is(i + 1, "soon")
                    && self.is(i + 2, "as")
                    && self.is(i + 3, "possible")
                {
                    best = Some((i + 4, Sem::Ref("FUTURE_REF")));
                } else if self.is(i, "then") {
                    // "the then current price", "the then-current chairman": the past's present
                    let k = if self.punct(i + 1, '-') && self.glued(i + 1) {
                        i + 2
                    } else {
                        i + 1
                    };
                    if self.is(k, "current") {
                        best = Some((k + 1, Sem::Ref("PAST_REF")));
                    }
                } else if (self.is(i, "at") && self.is(i + 1, "present"))
                    || (self.is(i, "these") && self.is(i + 1, "days"))
                {
                    best = Some((i + 2, Sem::Ref("PRESENT_REF")));
                }
            }
            _ => {}
        }
        best
    }

    /// "a day-long meeting", "the decades-long dispute": a duration adjective (one unit, or an
    /// unknown number of them when plural).
    fn unit_long(&self, i: usize) -> M {
        let Lex::Unit(unit, plural) = self.lex(i) else {
            return None;
        };
        // "three-day-long" is the number's expression
        if i > 0 && self.glued(i) && self.punct(i - 1, '-') {
            return None;
        }
        if !(self.punct(i + 1, '-')
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.is(i + 2, "long"))
        {
            return None;
        }
        let n = if plural { None } else { Some(1.0) };
        Some((i + 3, Sem::Duration(n, unit)))
    }

    /// "year-end", "year end", "year's end": the end of the document's year (TimeML gives the
    /// year; the "end" is a modifier). After "since" it is the end of the year before.
    fn year_end(&self, i: usize) -> M {
        if self.lex(i) != Lex::Unit(Unit::Year, false) {
            return None;
        }
        let e = if self.punct(i + 1, '-') && self.glued(i + 1) && self.is(i + 2, "end") {
            i + 3
        } else if self.is(i + 1, "end") {
            i + 2
        } else if (self.s(i + 1) == "'" || self.s(i + 1) == "’")
            && self.is(i + 2, "s")
            && self.is(i + 3, "end")
        {
            i + 4
        } else {
            return None;
        };
        // "the year end of ..." and "a year-end bonus" after an article are other phrases
        if i > 0 && (self.lex(i - 1) == Lex::The || self.lex(i - 1) == Lex::A) {
            return None;
        }
        // "year-end net", "year-end bonuses": an adjective before a noun, not a date
        if self.kind(e) == Some(Kind::Word)
            && ![
                "and", "or", "to", "when", "as", "in", "at", "for", "with", "because", "if",
            ]
            .iter()
            .any(|w| self.is(e, w))
        {
            return None;
        }
        let off = if i > 0 && self.is(i - 1, "since") {
            -1
        } else {
            0
        };
        Some((
            e,
            Sem::Date(D::Rel {
                unit: Unit::Year,
                off,
            }),
        ))
    }

    // ---- calendar dates ----

    /// 2012-10-08, 2012/10/08, 08.10.2012, 10/8/2012, 2012-10.
    fn numeric_date(&self, i: usize) -> M {
        let sep = |k: usize| -> Option<char> {
            if !self.glued(k) || !self.glued(k + 1) {
                return None;
            }
            ['-', '/', '.']
                .into_iter()
                .find(|c| self.punct(k, *c) && self.kind(k + 1) == Some(Kind::Num))
        };
        let a = self.s(i);
        let s1 = sep(i + 1)?;
        let b = self.num(i + 2, 2)?;
        if a.len() == 4 {
            let y = self
                .year(i)
                .or_else(|| a.parse().ok().filter(|y| *y > 1000))?;
            if !(1..=12).contains(&b) || self.s(i + 2).len() != 2 {
                return None;
            }
            if sep(i + 3) == Some(s1) {
                let d = self.num(i + 4, 2)?;
                if self.glued(i + 5) && self.punct(i + 5, s1) {
                    return None;
                }
                return Some((
                    i + 5,
                    Sem::Date(D::Cal {
                        y: Some(y),
                        m: b as u8,
                        d: Some(d as u8),
                        dir: Dir::Auto,
                    }),
                ));
            }
            if s1 == '-' && !(self.glued(i + 3) && self.kind(i + 3).is_some()) {
                return Some((
                    i + 3,
                    Sem::Date(D::Cal {
                        y: Some(y),
                        m: b as u8,
                        d: None,
                        dir: Dir::Auto,
                    }),
                ));
            }
            return None;
        }
        if a.len() > 2 {
            return None;
        }
        let a: u32 = a.parse().ok()?;
        if sep(i + 3) != Some(s1) {
            return None;
        }
        let ys = self.s(i + 4);
        let mut y: i32 = self.num(i + 4, 4)? as i32;
        if ys.len() == 2 {
            y += if y < 30 { 2000 } else { 1900 };
        } else if ys.len() != 4 {
            return None;
        }
        if self.glued(i + 5) && (self.punct(i + 5, s1) || self.kind(i + 5) == Some(Kind::Num)) {
            return None;
        }
        // Slashes are American (month first) unless the first number cannot be a month; dots
        // and dashes are European (day first).
        let (m, d) = if s1 == '/' && a <= 12 { (a, b) } else { (b, a) };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        Some((
            i + 5,
            Sem::Date(D::Cal {
                y: Some(y),
                m: m as u8,
                d: Some(d as u8),
                dir: Dir::Auto,
            }),
        ))
    }

    /// An optional year after a date: ", 1998", " 1998".
    fn trailing_year(&self, j: usize) -> Option<(usize, i32)> {
        let k = if self.punct(j, ',') { j + 1 } else { j };
        if let Some((e, y)) = self.spoken_year(k) {
            return Some((e, y));
        }
        let y = self.year(k)?;
        // "on 5 May 1998-99" is fine; "May 5, 1998 people" rarely happens.
        Some((k + 1, y))
    }

    /// "8 April 1998", "8th of April", "eighth of April, 1998".
    fn day_month(&self, i: usize) -> M {
        let (j, d) = self.day(i)?;
        let j = if self.is(j, "of") { j + 1 } else { j };
        let (j, m, _) = self.month(j)?;
        let (end, y) = match self.trailing_year(j) {
            Some((e, y)) => (e, Some(y)),
            None => (j, None),
        };
        Some((
            end,
            Sem::Date(D::Cal {
                y,
                m,
                d: Some(d),
                dir: Dir::Auto,
            }),
        ))
    }

    /// Everything that starts with a month name.
    fn month_first(&self, i: usize) -> M {
        let (j, m, abbr) = self.month(i)?;
        // "April 8, 1998", "Dec. 14", "Sept. 30"
        if let Some((k, d)) = self.day(j) {
            // not "May 3.5%" or a clock time "April 8:30"
            let clock = self.glued(k)
                && self.punct(k, ':')
                && self.glued(k + 1)
                && self.kind(k + 1) == Some(Kind::Num);
            if !(clock || self.glued(k) && self.punct(k, '%')) {
                let (end, y) = match self.trailing_year(k) {
                    Some((e, y)) => (e, Some(y)),
                    None => (k, None),
                };
                return Some((
                    end,
                    Sem::Date(D::Cal {
                        y,
                        m,
                        d: Some(d),
                        dir: Dir::Auto,
                    }),
                ));
            }
        }
        // "December 2011", "April, 1998", "March of 1997"
        let k = if self.is(j, "of") { j + 1 } else { j };
        if let Some((end, y)) = self.trailing_year(k) {
            return Some((
                end,
                Sem::Date(D::Cal {
                    y: Some(y),
                    m,
                    d: None,
                    dir: Dir::Auto,
                }),
            ));
        }
        // "June last year", "January this year"
        if let Lex::Rel(r) = self.lex(j) {
            if self.lex(j + 1) == Lex::Unit(Unit::Year, false) {
                let off = match r {
                    Rel::Last | Rel::Previous | Rel::Past => -1,
                    Rel::Next | Rel::Coming | Rel::Following => 1,
                    _ => 0,
                };
                return Some((j + 2, Sem::Date(D::MonthOfYear { m, off })));
            }
        }
        if abbr {
            return None;
        }
        // A month alone: capitalised, and "May"/"March" only after a preposition.
        if !self.cap(i) {
            return None;
        }
        if m == 5 || m == 3 {
            let prev = if i > 0 { self.s(i - 1) } else { "" };
            let ok = [
                "in", "since", "until", "till", "by", "of", "during", "from", "through", "last",
                "next", "this", "early", "late", "mid", "before", "after", "to",
            ]
            .iter()
            .any(|w| prev.eq_ignore_ascii_case(w));
            // "the March accession", "the May elections": the month before a noun (not "the
            // March on Washington", "the March of Dimes")
            let before_noun = prev.eq_ignore_ascii_case("the")
                && self.kind(j) == Some(Kind::Word)
                && self.s(j).starts_with(|c: char| c.is_ascii_lowercase())
                && ![
                    "on", "to", "of", "for", "through", "in", "from", "against", "and", "by",
                    "past", "into", "across", "toward", "towards", "was", "is", "will",
                ]
                .iter()
                .any(|w| self.is(j, w));
            if !ok && !before_noun {
                return None;
            }
        }
        Some((
            j,
            Sem::Date(D::Cal {
                y: None,
                m,
                d: None,
                dir: Dir::Auto,
            }),
        ))
    }

    /// A year in words: "nineteen ninety-six", "two thousand", "two thousand and one".
    fn spoken_year(&self, i: usize) -> Option<(usize, i32)> {
        match self.lex(i) {
            // "nineteen ninety-six"; not "twelve hundred" (a number)
            Lex::NumWord(h @ 17..=19) => {
                let Lex::NumWord(t @ 20..=90) = self.lex(i + 1) else {
                    return None;
                };
                if t % 10 != 0 {
                    return None;
                }
                let k = if self.punct(i + 2, '-') { i + 3 } else { i + 2 };
                match self.lex(k) {
                    Lex::NumWord(u @ 1..=9) => Some((k + 1, (h * 100 + t + u) as i32)),
                    _ => Some((i + 2, (h * 100 + t) as i32)),
                }
            }
            Lex::NumWord(2) if self.lex(i + 1) == Lex::NumWord(1000) => {
                let k = if self.is(i + 2, "and") { i + 3 } else { i + 2 };
                match self.lex(k) {
                    Lex::NumWord(u @ 1..=19) => Some((k + 1, 2000 + u as i32)),
                    _ => Some((i + 2, 2000)),
                }
            }
            _ => None,
        }
    }

    /// "Christmas", "Christmas Eve", "New Year's Day", "Thanksgiving Day", "Election Day".
    fn holiday(&self, i: usize) -> M {
        let w = self.s(i).to_ascii_lowercase();
        if !self.cap(i) {
            return None;
        }
        let day = |k: usize| self.is(k, "day") && self.cap(k);
        let (end, h) = match w.as_str() {
            "christmas" if self.is(i + 1, "eve") => (i + 2, Holiday::ChristmasEve),
            "christmas" if day(i + 1) => (i + 2, Holiday::Christmas),
            "christmas" => (i + 1, Holiday::Christmas),
            "thanksgiving" if day(i + 1) => (i + 2, Holiday::Thanksgiving),
            "thanksgiving" => (i + 1, Holiday::Thanksgiving),
            "easter" if self.is(i + 1, "sunday") => (i + 2, Holiday::Easter),
            "easter" if self.is(i + 1, "monday") => (i + 2, Holiday::EasterMonday),
            "good" if self.is(i + 1, "friday") && self.cap(i + 1) => (i + 2, Holiday::GoodFriday),
            "easter" => (i + 1, Holiday::Easter),
            "halloween" => (i + 1, Holiday::Halloween),
            "new" if self.is(i + 1, "year") && self.cap(i + 1) => {
                // "New Year's Day", "New Year's Eve", "New Year"
                let k = if self.punct(i + 2, '\'') || self.punct(i + 2, '’') {
                    if self.is(i + 3, "s") {
                        i + 4
                    } else {
                        i + 2
                    }
                } else {
                    i + 2
                };
                if self.is(k, "eve") && self.cap(k) {
                    (k + 1, Holiday::NewYearsEve)
                } else if day(k) {
                    (k + 1, Holiday::NewYearsDay)
                } else {
                    (k, Holiday::NewYearsDay)
                }
            }
            "independence" if day(i + 1) => (i + 2, Holiday::IndependenceDay),
            "election" if day(i + 1) => (i + 2, Holiday::ElectionDay),
            "labor" if day(i + 1) => (i + 2, Holiday::LaborDay),
            "memorial" if day(i + 1) => (i + 2, Holiday::MemorialDay),
            "valentine" => {
                let k = if self.punct(i + 1, '\'') && self.is(i + 2, "s") {
                    i + 3
                } else {
                    i + 1
                };
                if !day(k) {
                    return None;
                }
                (k + 1, Holiday::Valentines)
            }
            _ => return None,
        };
        // "Christmas 1998", "Christmas of 1998"
        let k = if self.is(end, "of") { end + 1 } else { end };
        if let Some(y) = self.year(k) {
            return Some((
                k + 1,
                Sem::Date(D::Holiday { h, dir: Dir::Auto }).with_year(y),
            ));
        }
        Some((end, Sem::Date(D::Holiday { h, dir: Dir::Auto })))
    }

    /// Years and what can follow one: "1998", "1990s", "1988 third quarter", "1998-99".
    fn year_expr(&self, i: usize) -> M {
        // 1990s, 1980's
        if let Some(y) = self.num(i, 4) {
            if self.s(i).len() == 4 && (1000..=2090).contains(&y) && y % 10 == 0 {
                if self.glued(i + 1) && self.is(i + 1, "s") {
                    return Some((i + 2, Sem::Date(D::Decade(y as i32 / 10))));
                }
                if self.glued(i + 1)
                    && (self.punct(i + 1, '\'') || self.punct(i + 1, '’'))
                    && self.glued(i + 2)
                    && self.is(i + 2, "s")
                {
                    return Some((i + 3, Sem::Date(D::Decade(y as i32 / 10))));
                }
            }
        }
        let y = self.year(i)?;
        // "1988 third quarter"
        if let Some((e, Sem::Date(D::Part { y: None, part, .. }))) = self.quarter(i + 1) {
            return Some((
                e,
                Sem::Date(D::Part {
                    y: Some(y),
                    part,
                    dir: Dir::Auto,
                }),
            ));
        }
        // "1998 summer"? rare; a year alone.
        Some((i + 1, Sem::Date(D::Year(y))))
    }

    /// "'80s", "’90s".
    fn short_decade(&self, j: usize) -> M {
        if !(self.punct(j, '\'') || self.punct(j, '’')) {
            return None;
        }
        let n = self.num(j + 1, 2)?;
        if n % 10 == 0 && self.s(j + 1).len() == 2 && self.is(j + 2, "s") && self.glued(j + 2) {
            let c = if n < 30 { 200 } else { 190 };
            return Some((j + 3, Sem::Date(D::Decade(c + n as i32 / 10))));
        }
        None
    }

    /// "20th century", "the nineteenth century".
    fn century(&self, i: usize) -> M {
        let (j, n) = self.day(i)?;
        let j = if self.punct(j, '-') { j + 1 } else { j };
        if self.lex(j) == Lex::Unit(Unit::Century, false) && (1..=30).contains(&n) {
            return Some((j + 1, Sem::Date(D::Century(n as i32 - 1))));
        }
        None
    }

    /// "third quarter", "third-quarter", "first half", "the first quarter of 1990".
    fn quarter(&self, i: usize) -> M {
        let last = self.is(i, "last") || self.is(i, "latter") || self.is(i, "final");
        let (j, n) = if last && self.lex(i + 1) == Lex::Half {
            (i + 1, 2)
        } else if self.is(i, "final") && self.lex(i + 1) == Lex::Unit(Unit::Quarter, false) {
            (i + 1, 4)
        } else {
            self.ordinal_word(i)?
        };
        let j = if self.punct(j, '-') { j + 1 } else { j };
        let part = if self.lex(j) == Lex::Unit(Unit::Quarter, false) && (1..=4).contains(&n) {
            ["Q1", "Q2", "Q3", "Q4"][n as usize - 1]
        } else if self.lex(j) == Lex::Half && (1..=2).contains(&n) {
            ["H1", "H2"][n as usize - 1]
        } else {
            return None;
        };
        let j = j + 1;
        // "the last half of the '80s", "the first half of the 1990s": the decade (TimeML keeps
        // the half as a modifier)
        if part.starts_with('H') && self.is(j, "of") {
            let k = if self.lex(j + 1) == Lex::The {
                j + 2
            } else {
                j + 1
            };
            let decade = match self.kind(k) {
                Some(Kind::Punct) => self.short_decade(k),
                Some(Kind::Num) => self.year_expr(k),
                _ => None,
            };
            if let Some((e, sem @ Sem::Date(D::Decade(_)))) = decade {
                return Some((e, sem));
            }
        }
        // "the first quarter of last year"
        if self.is(j, "of") {
            if let Lex::Rel(r @ (Rel::Last | Rel::This | Rel::Next | Rel::Previous)) =
                self.lex(j + 1)
            {
                if self.lex(j + 2) == Lex::Unit(Unit::Year, false) {
                    let off = match r {
                        Rel::Last | Rel::Previous => -1,
                        Rel::Next => 1,
                        _ => 0,
                    };
                    return Some((j + 3, Sem::Date(D::PartOfYear { off, part })));
                }
            }
        }
        let k = if self.is(j, "of") { j + 1 } else { j };
        let k = if self.lex(k) == Lex::Fiscal { k + 1 } else { k };
        if let Some(y) = self.year(k) {
            return Some((
                k + 1,
                Sem::Date(D::Part {
                    y: Some(y),
                    part,
                    dir: Dir::Auto,
                }),
            ));
        }
        Some((
            j,
            Sem::Date(D::Part {
                y: None,
                part,
                dir: Dir::Auto,
            }),
        ))
    }

    /// "Q3", "Q3 2012", "H1".
    fn q_token(&self, i: usize) -> M {
        let s = self.s(i);
        if !(s == "Q" || s == "H") || !self.glued(i + 1) {
            return None;
        }
        let n = self.num(i + 1, 1)?;
        let part = match (s, n) {
            ("Q", 1..=4) => ["Q1", "Q2", "Q3", "Q4"][n as usize - 1],
            ("H", 1..=2) => ["H1", "H2"][n as usize - 1],
            _ => return None,
        };
        if self.glued(i + 2) && self.kind(i + 2) == Some(Kind::Word) {
            return None;
        }
        let y = self.year(i + 2);
        Some((
            if y.is_some() { i + 3 } else { i + 2 },
            Sem::Date(D::Part {
                y,
                part,
                dir: Dir::Auto,
            }),
        ))
    }

    fn fiscal(&self, i: usize) -> M {
        let (e, sem) = longest(self.year_expr(i + 1), self.quarter(i + 1))?;
        match sem {
            Sem::Date(_) => Some((e, sem)),
            _ => None,
        }
    }

    /// "summer", "summer 1998", "the summer of 1998"; alone only after a cue word.
    fn season(&self, i: usize, need_cue: bool) -> M {
        let Lex::Season(n, plural) = self.lex(i) else {
            return None;
        };
        let part = ["SP", "SU", "FA", "WI"][n as usize - 1];
        if plural {
            return None;
        }
        let j = i + 1;
        let k = if self.is(j, "of") { j + 1 } else { j };
        if let Some((e, y)) = self.trailing_year(k) {
            return Some((
                e,
                Sem::Date(D::Part {
                    y: Some(y),
                    part,
                    dir: Dir::Auto,
                }),
            ));
        }
        if need_cue {
            let prev = if i > 0 { self.s(i - 1) } else { "" };
            let ok = [
                "in", "during", "this", "last", "next", "since", "until", "by", "the", "early",
                "late", "mid",
            ]
            .iter()
            .any(|w| prev.eq_ignore_ascii_case(w));
            // "fall" is usually the verb.
            let fall_ok = ["in", "last", "this", "next", "early", "late"]
                .iter()
                .any(|w| prev.eq_ignore_ascii_case(w));
            if !ok || n == 3 && self.is(i, "fall") && !fall_ok {
                return None;
            }
        }
        Some((
            j,
            Sem::Date(D::Part {
                y: None,
                part,
                dir: Dir::Auto,
            }),
        ))
    }

    /// "Tuesday", "Tuesday morning", "Tuesday, April 7, 1998", "Tuesdays".
    fn weekday(&self, i: usize) -> M {
        let Lex::Weekday(wd, plural) = self.lex(i) else {
            return None;
        };
        if !self.cap(i) {
            return None;
        }
        if plural {
            let mut v = format!("XXXX-WXX-{wd}");
            let mut e = i + 1;
            if let Lex::PartOfDay(p) = self.lex(i + 1) {
                v.push_str(&format!("T{p}"));
                e += 1;
            }
            return Some((e, Sem::Set(v)));
        }
        // "Tuesday nights", and "Monday" in "on Monday and Tuesday nights": every such night
        let plural_part = |k: usize| match self.lex(k) {
            Lex::PartOfDay(p) if self.s(k).ends_with('s') => Some(p),
            _ => None,
        };
        if let Some(p) = plural_part(i + 1) {
            return Some((i + 2, Sem::Set(format!("XXXX-WXX-{wd}T{p}"))));
        }
        if (self.is(i + 1, "and") || self.is(i + 1, "or"))
            && matches!(self.lex(i + 2), Lex::Weekday(_, false))
        {
            if let Some(p) = plural_part(i + 3) {
                return Some((i + 1, Sem::Set(format!("XXXX-WXX-{wd}T{p}"))));
            }
        }
        // "Black Monday", "Bloody Sunday": named events, not this week's day
        if i > 0
            && self.cap(i - 1)
            && [
                "black", "bloody", "cyber", "good", "super", "ash", "palm", "holy", "maundy",
            ]
            .iter()
            .any(|w| self.is(i - 1, w))
        {
            return None;
        }
        let j = if self.punct(i + 1, ',') { i + 2 } else { i + 1 };
        if self.line_break_before(j) {
            return self.with_part_of_day(i + 1, D::Weekday { wd, dir: Dir::Auto });
        }
        if let Some(m) = longest(self.month_first(j), self.day_month(j)) {
            if let (_, Sem::Date(D::Cal { d: Some(_), .. })) = m {
                return Some(m);
            }
        }
        let day = D::Weekday { wd, dir: Dir::Auto };
        self.with_part_of_day(i + 1, day)
    }

    /// A date followed by a part of the day becomes a TIME ("Friday night").
    fn with_part_of_day(&self, j: usize, day: D) -> M {
        if let Lex::PartOfDay(p) = self.lex(j) {
            // "Friday morning" is that day's morning (`…TMO`, as TimeML writes it; `resolve`
            // keeps the type DATE, as TimeBank mostly does); but "Friday night" is the day
            // itself in most of the gold, often annotated as the weekday alone
            if matches!(day, D::Weekday { .. }) && p == "NI" {
                return Some((j + 1, Sem::Date(day)));
            }
            if !self.is(j, "overnight") {
                return Some((
                    j + 1,
                    Sem::Time {
                        day: Some(day),
                        clock: None,
                        part: Some(p),
                    },
                ));
            }
        }
        Some((j, Sem::Date(day)))
    }

    /// "yesterday", "today", "tomorrow morning", "tonight".
    fn day_word(&self, i: usize) -> M {
        match self.lex(i) {
            Lex::Tonight => Some((
                i + 1,
                Sem::Time {
                    day: Some(D::Rel {
                        unit: Unit::Day,
                        off: 0,
                    }),
                    clock: None,
                    part: Some("NI"),
                },
            )),
            // "the people of tomorrow", "today's world" stay; "of tomorrow" is not a date
            Lex::DayWord(1) if i > 0 && self.is(i - 1, "of") => None,
            // "today's youth", "many of today's computers": the present age, not the day
            // (TimeBank leaves this sense untagged)
            Lex::DayWord(0) if self.generic_today(i) => None,
            // "USA Today", "VOA Today": a newspaper's or programme's name
            Lex::DayWord(0)
                if i > 0
                    && self.s(i).starts_with('T')
                    && !self.glued(i)
                    && self.s(i - 1).len() >= 2
                    && self.s(i - 1).chars().all(|c| c.is_ascii_uppercase()) =>
            {
                None
            }
            Lex::DayWord(off) => self.with_part_of_day(
                i + 1,
                D::Rel {
                    unit: Unit::Day,
                    off: off as i32,
                },
            ),
            _ => None,
        }
    }

    /// "today's youth", "in today's world", "many of today's personal computers": "today" as
    /// the present age (a generic noun after it, or "many/most/all of" before it).
    fn generic_today(&self, i: usize) -> bool {
        if !((self.s(i + 1) == "'" || self.s(i + 1) == "’") && self.is_word(i + 2, "s")) {
            return false;
        }
        let quantified = i >= 2
            && self.is_word(i - 1, "of")
            && ["many", "most", "all", "some"]
                .iter()
                .any(|w| self.is_word(i - 2, w));
        quantified
            || [
                "world",
                "youth",
                "society",
                "generation",
                "generations",
                "young",
                "children",
                "kids",
                "teenagers",
                "families",
                "standards",
                "culture",
                "technology",
                "times",
            ]
            .iter()
            .any(|w| self.is_word(i + 3, w))
    }

    /// A rate around a frequency word: "rise 8.5% annually", "10,000 units annually",
    /// "C$17.9 million annually", "average daily volume" measure an amount per period (as "$5
    /// a year" does), which TimeBank leaves untagged.
    fn rate_before(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let prev = self.s(i - 1);
        // "10,000 units annually" (a counted noun; "the council meets weekly" is a verb)
        let counted_noun = self.kind(i - 1) == Some(Kind::Word)
            && prev.len() > 3
            && prev.ends_with('s')
            && !prev.ends_with("ss")
            && self.lex(i - 1) == Lex::None
            && (i.saturating_sub(4)..i - 1).any(|k| self.kind(k) == Some(Kind::Num));
        // "average daily volume": a statistic per period, not a recurring event
        prev.eq_ignore_ascii_case("average")
            || prev == "%"
            || self.kind(i - 1) == Some(Kind::Num)
            || ["million", "billion", "percent"]
                .iter()
                .any(|w| prev.eq_ignore_ascii_case(w))
            || counted_noun
    }

    // ---- relative expressions ----

    /// "last week", "next month", "this year", "the past two months", "last November",
    /// "last Friday", "last summer", "last night", "recent years", "the coming weeks".
    fn rel(&self, i: usize) -> M {
        let Lex::Rel(r) = self.lex(i) else {
            return None;
        };
        let off = match r {
            Rel::Last | Rel::Past | Rel::Previous => -1,
            Rel::Next | Rel::Coming | Rel::Following => 1,
            Rel::This | Rel::Current => 0,
            Rel::Recent => -1,
        };
        if r == Rel::Last && self.lex(i + 1) == Lex::Half {
            return self.quarter(i);
        }
        let dir = match off {
            -1 => Dir::Last,
            1 => Dir::Next,
            _ => Dir::This,
        };
        let j = i + 1;
        // "the past two months", "last three years", "the next few days"
        if r != Rel::This && r != Rel::Current {
            if let Some((k, n)) = self.number(j, false) {
                if let Some((e, unit, _)) = self.unit(k) {
                    return Some((e, Sem::Duration(n, unit)));
                }
            }
        }
        match self.lex(j) {
            Lex::Unit(unit, false) => {
                let unit_sem = |unit: Unit| -> Sem {
                    match (r, unit) {
                        (Rel::Previous, _) | (Rel::Following, _) => {
                            Sem::Date(D::RelRef { unit, off })
                        }
                        _ => Sem::Date(D::Rel { unit, off }),
                    }
                };
                if r == Rel::Recent {
                    return None;
                }
                if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
                    return None;
                }
                if unit == Unit::Day && !matches!(r, Rel::Previous | Rel::Following | Rel::Next) {
                    return None;
                }
                // "this year's third quarter", "next year's first half"
                if unit == Unit::Year
                    && matches!(r, Rel::Last | Rel::This | Rel::Next)
                    && (self.punct(j + 1, '\'') || self.punct(j + 1, '’'))
                    && self.is(j + 2, "s")
                {
                    if let Some((e, Sem::Date(D::Part { y: None, part, .. }))) = self.quarter(j + 3)
                    {
                        return Some((e, Sem::Date(D::PartOfYear { off, part })));
                    }
                    // "last year's quarter", "last year's period": the reporting period a
                    // year back, as "the year-ago quarter"
                    if off == -1
                        && (self.lex(j + 3) == Lex::Unit(Unit::Quarter, false)
                            || self.is(j + 3, "period"))
                    {
                        return Some((
                            j + 4,
                            Sem::Date(D::Period {
                                y: None,
                                off: -1,
                                part: None,
                                quarter: false,
                            }),
                        ));
                    }
                }
                if matches!(unit, Unit::Decade | Unit::Century) && r == Rel::Past {
                    return Some((j + 1, Sem::Duration(Some(1.0), unit)));
                }
                if unit == Unit::Day && r == Rel::Next {
                    // "the next day" tells of the narrative, not of the document date
                    return Some((j + 1, Sem::Date(D::RelRef { unit, off: 1 })));
                }
                Some((j + 1, unit_sem(unit)))
            }
            Lex::Unit(unit, true) => {
                // "the coming weeks", "recent years", "past years"
                if matches!(unit, Unit::Second | Unit::Minute) {
                    return None;
                }
                // "in recent years" names an era, not a measured span: the past (TimeML's
                // PAST_REF); "recent weeks" is an unknown stretch up to now, as TimeBank
                // writes it
                if r == Rel::Recent {
                    if matches!(unit, Unit::Year | Unit::Decade | Unit::Century) {
                        return Some((j + 1, Sem::Ref("PAST_REF")));
                    }
                    return Some((j + 1, Sem::Duration(None, unit)));
                }
                let v = if off > 0 { "FUTURE_REF" } else { "PAST_REF" };
                if off == 0 {
                    return None;
                }
                Some((j + 1, Sem::Ref(v)))
            }
            Lex::Month(..) if !matches!(r, Rel::Recent | Rel::Current) => {
                // "last Oct. 23": the date alone is the expression
                if let Some((_, Sem::Date(D::Cal { d: Some(_), .. }))) = self.month_first(j) {
                    return None;
                }
                let (e, m, _) = self.month(j)?;
                Some((
                    e,
                    Sem::Date(D::Cal {
                        y: None,
                        m,
                        d: None,
                        dir,
                    }),
                ))
            }
            Lex::Weekday(wd, false) if !matches!(r, Rel::Recent | Rel::Current) => {
                let day = if matches!(r, Rel::Previous | Rel::Following) {
                    D::WeekdayRef { wd, off }
                } else {
                    D::Weekday { wd, dir }
                };
                self.with_part_of_day(j + 1, day)
            }
            Lex::Holiday if matches!(r, Rel::Last | Rel::Next | Rel::This) => {
                match self.holiday(j)? {
                    (e, Sem::Date(D::Holiday { h, .. })) => {
                        Some((e, Sem::Date(D::Holiday { h, dir })))
                    }
                    _ => None,
                }
            }
            Lex::Season(n, false) if !matches!(r, Rel::Recent) => Some((
                j + 1,
                Sem::Date(D::Part {
                    y: None,
                    part: ["SP", "SU", "FA", "WI"][n as usize - 1],
                    dir,
                }),
            )),
            Lex::PartOfDay(p) if r == Rel::Last && p == "NI" && !self.is(j, "overnight") => Some((
                j + 1,
                Sem::Time {
                    day: Some(D::Rel {
                        unit: Unit::Day,
                        off: -1,
                    }),
                    clock: None,
                    part: Some(p),
                },
            )),
            Lex::PartOfDay(p) if r == Rel::This && !self.is(j, "overnight") => Some((
                j + 1,
                Sem::Time {
                    day: Some(D::Rel {
                        unit: Unit::Day,
                        off: 0,
                    }),
                    clock: None,
                    part: Some(p),
                },
            )),
            // "the next morning", "the following evening", "the previous night": the day of
            // the narrative, not of the document
            Lex::PartOfDay(p)
                if matches!(r, Rel::Next | Rel::Following | Rel::Previous)
                    && i > 0
                    && self.lex(i - 1) == Lex::The
                    && !self.is(j, "overnight") =>
            {
                Some((
                    j + 1,
                    Sem::Time {
                        day: Some(D::RelRef {
                            unit: Unit::Day,
                            off,
                        }),
                        clock: None,
                        part: Some(p),
                    },
                ))
            }
            Lex::Ordinal(_) if self.is(j, "second") => None,
            Lex::Fiscal if self.lex(j + 1) == Lex::Unit(Unit::Year, false) => Some((
                j + 2,
                Sem::Date(D::Rel {
                    unit: Unit::Year,
                    off,
                }),
            )),
            // "current" alone: the gold reads it as the present ("the current system")
            _ if r == Rel::Current && self.kind(j) == Some(Kind::Word) => {
                Some((i + 1, Sem::Ref("PRESENT_REF")))
            }
            _ => {
                // "this past week", "the past" is handled by `the`
                if r == Rel::This {
                    if let Some((e, sem)) = self.rel(j) {
                        return Some((e, sem));
                    }
                }
                None
            }
        }
    }

    /// "at this moment", "this crucial moment": the present (one adjective allowed between).
    fn this_moment(&self, i: usize) -> M {
        if !self.is(i, "this") {
            return None;
        }
        if self.is(i + 1, "moment") {
            return Some((i + 2, Sem::Ref("PRESENT_REF")));
        }
        let adjective = self.kind(i + 1) == Some(Kind::Word)
            && self.lex(i + 1) == Lex::None
            && self.s(i + 1).starts_with(|c: char| c.is_ascii_lowercase());
        (adjective && self.is(i + 2, "moment")).then_some((i + 3, Sem::Ref("PRESENT_REF")))
    }

    /// "now", "recently", "currently", "soon", "previously".
    fn reference(&self, i: usize, v: &'static str) -> M {
        // "in future quarters", "future years": periods ahead
        if self.is(i, "future") && matches!(self.lex(i + 1), Lex::Unit(_, true)) {
            return Some((i + 2, Sem::Ref("FUTURE_REF")));
        }
        if self.is(i, "present") || self.is(i, "future") {
            return None; // need "the", "at"
        }
        // "the now-cancelled deal", "the soon-to-open terminal": part of an adjective
        if self.glued(i + 1) && self.punct(i + 1, '-') {
            return None;
        }
        // "Now, he says, ...": opening a sentence before a comma, "now" turns the discourse
        // (TimeBank leaves it untagged); "Now the mission is ..." is the present
        if self.s(i) == "Now" && (self.punct(i + 1, ',') || self.is(i + 1, "for")) {
            return None;
        }
        // "killed, most recently last October": the date that follows is the time
        if self.is(i, "recently")
            && i > 0
            && self.is(i - 1, "most")
            && matches!(
                self.lex(i + 1),
                Lex::Rel(_) | Lex::Month(..) | Lex::Weekday(..)
            )
        {
            return None;
        }
        // "as soon as", "soon after": a conjunction, not a time
        if self.is(i, "soon")
            && ((i > 0 && self.is(i - 1, "as"))
                || self.is(i + 1, "after")
                || self.is(i + 1, "afterward")
                || self.is(i + 1, "afterwards"))
        {
            return None;
        }
        // "he was soon released", "cash that soon became a flood": soon after a past event,
        // not a reference to the future
        // (before it only an auxiliary: "to be released soon" is ahead)
        if self.is(i, "soon")
            && (i > 0 && ["was", "were", "had"].iter().any(|w| self.is(i - 1, w))
                || self.past_verb(i + 1))
        {
            return None;
        }
        Some((i + 1, Sem::Ref(v)))
    }

    /// Whether token `k` is a past-tense verb form: an auxiliary of the past or a lower-case
    /// "-ed" word ("released"), or a common irregular past ("became").
    fn past_verb(&self, k: usize) -> bool {
        let w = self.s(k);
        [
            "was", "were", "had", "became", "came", "went", "began", "grew", "fell", "rose",
        ]
        .iter()
        .any(|p| w.eq_ignore_ascii_case(p))
            || (w.len() >= 5
                && w.ends_with("ed")
                && !w.ends_with("eed")
                && w.starts_with(|c: char| c.is_ascii_lowercase()))
    }

    /// "earlier this year", "later this month", "earlier in the year", "later that day",
    /// "earlier today".
    fn earlier(&self, i: usize) -> M {
        let j = i + 1;
        if self.is(j, "this") || self.is(j, "last") || self.is(j, "next") {
            if let Some((e, sem @ Sem::Date(D::Rel { .. }))) = self.rel(j) {
                return Some((e, sem));
            }
            if let Some((e, sem @ Sem::Time { .. })) = self.rel(j) {
                return Some((e, sem));
            }
        }
        if let Lex::DayWord(_) = self.lex(j) {
            return self.day_word(j);
        }
        if self.is(j, "in") && self.lex(j + 1) == Lex::The {
            if let Lex::Unit(unit @ (Unit::Year | Unit::Month | Unit::Week | Unit::Day), false) =
                self.lex(j + 2)
            {
                return Some((j + 3, Sem::Date(D::RelRef { unit, off: 0 })));
            }
        }
        if self.is(j, "that") {
            if let Lex::Unit(unit @ (Unit::Year | Unit::Month | Unit::Week | Unit::Day), false) =
                self.lex(j + 1)
            {
                return Some((j + 2, Sem::Date(D::RelRef { unit, off: 0 })));
            }
        }
        None
    }

    /// Durations and what they turn into: "10 days", "seven and a half years", "two days later",
    /// "a year ago", "a few days", "five-year".
    fn amount(&self, i: usize) -> M {
        let (j, n) = self.number(i, true)?;
        let (k, unit, plural) = self.unit(j)?;
        // Fractions: "a quarter of the votes", "three-quarters"; "a second time" (but "several
        // quarters of losses" are periods: no fraction is vague)
        if unit == Unit::Quarter
            && n.is_some()
            && (self.is(k, "of") || self.punct(j, '-') || self.lex(i) == Lex::A && plural)
        {
            return None;
        }
        if unit == Unit::Second && self.kind(i) != Some(Kind::Num) && !plural {
            return None;
        }
        // "a year" is one year, "a years" is nothing.
        if self.lex(i) == Lex::A && plural && n == Some(1.0) {
            return None;
        }
        if n == Some(1.0) && plural && self.kind(i) == Some(Kind::Num) {
            // "1 years" is fine either way
        }
        let mut n = n;
        let mut k = k;
        // "a year and a half"
        if self.is(k, "and") && self.lex(k + 1) == Lex::A && self.lex(k + 2) == Lex::Half {
            n = n.map(|x| x + 0.5);
            k += 3;
        }
        // "a week or so", "two years or so"
        if self.is(k, "or") && self.is(k + 1, "so") {
            k += 2;
        }
        if unit == Unit::Weekend {
            return None;
        }
        // "a year-earlier loss": the modifier is "year-earlier"
        if self.punct(k, '-') && (self.is(k + 1, "ago") || self.is(k + 1, "earlier")) {
            return None;
        }
        // Ages ("a 6-year-old boy", "55 years old") are not time expressions in TimeBank.
        if self.is(k, "old") || (self.punct(k, '-') && self.is(k + 1, "old")) {
            return None;
        }
        match self.lex(k) {
            Lex::Ago => {
                return Some((
                    k + 1,
                    Sem::Date(match n {
                        Some(x) => D::Ago {
                            unit,
                            off: -(x.round() as i32).max(1),
                        },
                        None => D::Vague { unit, past: true },
                    }),
                ))
            }
            // TimeML reads "two days later" as the duration "two days" (the gap between two
            // events); only "a year earlier" is a date (the same period a year before).
            Lex::Earlier | Lex::Later
                if !self.is(k + 1, "than") && unit == Unit::Year && n == Some(1.0) =>
            {
                let sign = if self.lex(k) == Lex::Earlier { -1 } else { 1 };
                return Some((
                    k + 1,
                    Sem::Date(match n {
                        Some(x) => D::RelRef {
                            unit,
                            off: sign * (x.round() as i32).max(1),
                        },
                        None => D::Vague {
                            unit,
                            past: sign < 0,
                        },
                    }),
                ));
            }
            _ => {}
        }
        if self.is(k, "from") && self.is(k + 1, "now") {
            if let Some(x) = n {
                return Some((
                    k + 2,
                    Sem::Date(D::Rel {
                        unit,
                        off: x.round() as i32,
                    }),
                ));
            }
        }
        // "will one day be": some day in the future
        if self.is(i, "one") && unit == Unit::Day && !plural && i > 0 {
            let prev = self.s(i - 1).to_ascii_lowercase();
            if matches!(
                prev.as_str(),
                "will" | "would" | "may" | "might" | "could" | "can" | "shall"
            ) {
                return Some((k, Sem::Ref("FUTURE_REF")));
            }
        }
        // "one day" alone is usually "some day"; "a day" after "once" is a set.
        if self.lex(i) == Lex::A && i > 0 {
            let prev = self.s(i - 1);
            if ["once", "twice", "times", "per"]
                .iter()
                .any(|w| prev.eq_ignore_ascii_case(w))
            {
                return None;
            }
            // "$5 a year", "700 seats a week", "24 hours a day": a rate, not a duration
            let prev_plural = self.kind(i - 1) == Some(Kind::Word)
                && prev.len() > 3
                && prev.ends_with('s')
                && !prev.ends_with("ss")
                && self.lex(i - 1) == Lex::None;
            if self.kind(i - 1) == Some(Kind::Num)
                || self.is(i - 1, "million")
                || prev_plural
                || matches!(self.lex(i - 1), Lex::Unit(_, true))
            {
                return None;
            }
        }
        Some((k, Sem::Duration(n, unit)))
    }

    /// "once a week", "twice a year", "three times a month".
    fn times_per(&self, i: usize) -> M {
        let j = i + 1;
        if self.lex(j) == Lex::A || self.is(j, "per") || self.is(j, "every") {
            if let Some((e, unit, false)) = self.unit(j + 1) {
                return Some((e, Sem::Set(format!("P1{}", unit_code(unit).1))));
            }
        }
        None
    }

    /// After "the": "same period last year", "corresponding quarter a year earlier", "same month
    /// a year ago", "quarter a year ago": the period the text is about, a year back.
    fn same_period(&self, j: usize) -> M {
        // "the quarter a year ago" says the same without "same"
        let noun = if ["same", "corresponding", "comparable"]
            .iter()
            .any(|w| self.is(j, w))
        {
            j + 1
        } else {
            j
        };
        let same = noun > j;
        let (quarter, month) = match self.lex(noun) {
            Lex::Unit(Unit::Quarter, false) => (true, false),
            Lex::Unit(Unit::Month, false) => (false, true),
            _ if self.is(noun, "period") => (false, false),
            _ => return None,
        };
        let k = if self.is(noun + 1, "of") && self.lex(noun + 2) == Lex::The {
            noun + 3
        } else {
            noun + 1
        };
        // the tail must say "a year back"
        let end = match self.match_at(k) {
            Some((
                e,
                Sem::Date(D::Rel {
                    unit: Unit::Year,
                    off: -1,
                }),
            ))
            | Some((
                e,
                Sem::Date(D::Ago {
                    unit: Unit::Year,
                    off: -1,
                }),
            ))
            | Some((
                e,
                Sem::Date(D::RelRef {
                    unit: Unit::Year,
                    off: -1,
                }),
            )) => e,
            _ => return None,
        };
        // "in January, compared to the same month a year ago": the month last named
        let d = if month {
            D::RelRef {
                unit: Unit::Month,
                off: -12,
            }
        } else if same && !quarter {
            D::SamePeriod
        } else {
            D::Period {
                y: None,
                off: -1,
                part: None,
                quarter,
            }
        };
        Some((end, Sem::Date(d)))
    }

    /// "year-ago", "year-earlier", "the year-ago quarter", "year-earlier third quarter".
    fn year_ago(&self, i: usize) -> M {
        if !(self.is(i, "year")
            && self.punct(i + 1, '-')
            && (self.is(i + 2, "ago") || self.is(i + 2, "earlier")))
        {
            return None;
        }
        let k = i + 3;
        // "the year-earlier nine months": a stretch of months, a year back
        if let Some((u, Some(n))) = self.number(k, false) {
            if let Some((e, Unit::Month, true)) = self.unit(u) {
                return Some((e, Sem::Duration(Some(n), Unit::Month)));
            }
        }
        let (e, part) = match self.quarter(k) {
            Some((e, Sem::Date(D::Part { y: None, part, .. }))) => (e, Some(part)),
            _ if self.lex(k) == Lex::Unit(Unit::Quarter, false) || self.is(k, "period") => {
                (k + 1, None)
            }
            _ => (k, None),
        };
        Some((
            e,
            Sem::Date(D::Period {
                y: None,
                off: -1,
                part,
                quarter: false,
            }),
        ))
    }

    /// Bare plural units after "for"/"over"/"within": "for years", "over months".
    fn bare_unit(&self, i: usize) -> M {
        let Lex::Unit(unit, true) = self.lex(i) else {
            return None;
        };
        if i == 0 || matches!(unit, Unit::Weekend | Unit::Second | Unit::Minute) {
            return None;
        }
        let prev = self.s(i - 1);
        // "the lowest level in years."
        let in_years = prev.eq_ignore_ascii_case("in") && self.kind(i + 1) != Some(Kind::Word);
        if (in_years
            || ["for", "over", "within"]
                .iter()
                .any(|w| prev.eq_ignore_ascii_case(w)))
            && !(self.is(i + 1, "of") || self.is(i + 1, "ago"))
        {
            if matches!(self.lex(i + 1), Lex::Earlier | Lex::Later | Lex::Ago) {
                return None;
            }
            return Some((i + 1, Sem::Duration(None, unit)));
        }
        None
    }

    /// "every week", "each year", "every other day", "every Monday", "every 10 days".
    fn every(&self, i: usize) -> M {
        let mut j = i + 1;
        let mut n = 1;
        if self.is(j, "other") {
            n = 2;
            j += 1;
        }
        if let Some((e, unit, false)) = self.unit(j) {
            let (t, c) = unit_code(unit);
            return Some((e, Sem::Set(format!("P{t}{n}{c}"))));
        }
        if let Some((k, Some(x))) = self.number(j, false) {
            if let Some((e, unit, true)) = self.unit(k) {
                let (t, c) = unit_code(unit);
                return Some((e, Sem::Set(format!("P{t}{}{c}", x as u32))));
            }
        }
        match self.lex(j) {
            Lex::Weekday(wd, false) => {
                let mut v = format!("XXXX-WXX-{wd}");
                let mut e = j + 1;
                if let Lex::PartOfDay(p) = self.lex(j + 1) {
                    v.push_str(&format!("T{p}"));
                    e += 1;
                }
                Some((e, Sem::Set(v)))
            }
            Lex::Month(m, false) => Some((j + 1, Sem::Set(format!("XXXX-{m:02}")))),
            Lex::Season(s, false) => Some((
                j + 1,
                Sem::Set(format!("XXXX-{}", ["SP", "SU", "FA", "WI"][s as usize - 1])),
            )),
            Lex::PartOfDay(p) => Some((j + 1, Sem::Set(format!("XXXX-XX-XXT{p}")))),
            _ => None,
        }
    }

    /// Clock times: "3 p.m.", "10:35 a.m.", "15:00", "noon", "midnight", "3 o'clock",
    /// optionally with a zone and a day ("5 p.m. EST Nov. 9", "noon Thursday").
    fn clock(&self, i: usize) -> M {
        let (mut j, h, mi) = match self.lex(i) {
            // "high noon" is the idiom, not twelve o'clock
            Lex::Noon if i > 0 && self.is_word(i - 1, "high") => return None,
            Lex::Noon => (i + 1, 12, 0),
            Lex::Midnight => (i + 1, 24, 0),
            // "0800 UTC", "1630 GMT": a 24-hour time written as four digits, known by its zone
            _ if self.s(i).len() == 4
                && self.kind(i) == Some(Kind::Num)
                && matches!(self.s(i + 1), "UTC" | "GMT" | "Z") =>
            {
                let v = self.num(i, 4)?;
                let (h, m) = (v / 100, v % 100);
                if h > 24 || m > 59 {
                    return None;
                }
                (i + 1, h, m)
            }
            _ => {
                let (h, hj) = if let Some(h) = self.num(i, 2) {
                    (h, i + 1)
                } else if let Lex::NumWord(n) = self.lex(i) {
                    (n, i + 1)
                } else {
                    return None;
                };
                let (mut mi, mut j) = (0, hj);
                let mut colon = false;
                if self.kind(i) == Some(Kind::Num)
                    && (self.punct(j, ':') || self.punct(j, '.'))
                    && self.glued(j)
                    && self.glued(j + 1)
                    && self.s(j + 1).len() == 2
                {
                    if let Some(m) = self.num(j + 1, 2) {
                        if m < 60 {
                            mi = m;
                            j += 2;
                            colon = self.punct(hj, ':');
                        }
                    }
                }
                let (k, pm) = self.am_pm(j);
                if let Some(pm) = pm {
                    if !(1..=12).contains(&h) {
                        return None;
                    }
                    let h = match (h, pm) {
                        (12, false) => 0,
                        (12, true) => 12,
                        (h, true) => h + 12,
                        (h, false) => h,
                    };
                    (k, h, mi)
                } else if self.is(j, "o") && self.punct(j + 1, '\'') && self.is(j + 2, "clock") {
                    if !(1..=12).contains(&h) {
                        return None;
                    }
                    (j + 3, h, mi)
                } else if (1..=12).contains(&h)
                    && i > 0
                    && ["at", "until", "by", "before", "after", "around", "about"]
                        .iter()
                        .any(|w| self.is(i - 1, w))
                    && self.is(j, "in")
                    && self.lex(j + 1) == Lex::The
                    && matches!(self.lex(j + 2), Lex::PartOfDay(_))
                {
                    // "at 4 in the morning", "until 9 in the evening"
                    let pm = !(self.is(j + 2, "morning") || self.is(j + 2, "night") && h < 6);
                    let h = match (h, pm) {
                        (12, false) => 0,
                        (12, true) => 12,
                        (h, true) => h + 12,
                        (h, false) => h,
                    };
                    (j + 3, h, mi)
                } else if colon && h <= 24 && self.kind(i) == Some(Kind::Num) {
                    // "15:00", but not a ratio "3:2" (minutes have two digits) or "12:30:45"
                    if self.punct(j, ':') && self.glued(j) {
                        return None;
                    }
                    (j, h, mi)
                } else {
                    return None;
                }
            }
        };
        // time zone
        let utc = matches!(self.s(j).to_ascii_uppercase().as_str(), "UTC" | "GMT" | "Z");
        if matches!(
            self.s(j).to_ascii_uppercase().as_str(),
            "EST"
                | "EDT"
                | "CST"
                | "CDT"
                | "PST"
                | "PDT"
                | "MST"
                | "MDT"
                | "GMT"
                | "UTC"
                | "BST"
                | "ET"
                | "PT"
                | "CT"
                | "CET"
                | "CEST"
                | "MSK"
                | "Z"
        ) {
            j += 1;
        }
        // a day after the time, on the same line
        let k = if self.punct(j, ',') || self.is(j, "on") {
            j + 1
        } else {
            j
        };
        let mut day = None;
        if !self.line_break_before(k) {
            if let Some((e, Sem::Date(d))) = longest(
                longest(self.weekday(k), self.month_first(k)),
                longest(self.day_word(k), self.day_month(k)),
            ) {
                if !matches!(d, D::Cal { d: None, .. }) {
                    day = Some(d);
                    j = e;
                }
            }
        }
        Some((
            j,
            Sem::Time {
                day,
                clock: Some((h as u8, mi as u8, utc)),
                part: None,
            },
        ))
    }

    /// "a.m.", "p.m", "am", "PM", "a.m" → (end, Some(is_pm)).
    fn am_pm(&self, j: usize) -> (usize, Option<bool>) {
        let w = self.s(j).to_ascii_lowercase();
        if w == "am" || w == "pm" {
            return (j + 1, Some(w == "pm"));
        }
        if (w == "a" || w == "p")
            && self.punct(j + 1, '.')
            && self.glued(j + 1)
            && self.is(j + 2, "m")
            && self.glued(j + 2)
        {
            let e = if self.punct(j + 3, '.') && self.glued(j + 3) {
                j + 4
            } else {
                j + 3
            };
            return (e, Some(w == "p"));
        }
        (j, None)
    }

    /// A part of the day the narrative is at: "in the morning" in a past-tense account.
    fn narrative_part(&self, p: &'static str) -> Sem {
        Sem::Time {
            day: Some(D::RelRef {
                unit: Unit::Day,
                off: 0,
            }),
            clock: None,
            part: Some(p),
        }
    }

    /// Expressions that include "the": "the 1990s", "the past", "the future", "the year",
    /// "the weekend", "the nine months", "the first nine months", "the past two years", …
    fn the(&self, i: usize) -> M {
        let j = i + 1;
        // "placed orders in the morning": the narrative day's morning (`tag` keeps it only in
        // past narration)
        if let Lex::PartOfDay(p @ ("MO" | "AF" | "EV")) = self.lex(j) {
            if i > 0 && (self.is(i - 1, "in") || self.is(i - 1, "during")) {
                return Some((j + 1, self.narrative_part(p)));
            }
        }
        // "the same day": the narrative's day, as "later that day" is
        if self.is(j, "same") && self.lex(j + 1) == Lex::Unit(Unit::Day, false) {
            return Some((
                j + 2,
                Sem::Date(D::RelRef {
                    unit: Unit::Day,
                    off: 0,
                }),
            ));
        }
        // "for the time being": the present
        if self.is(j, "time") && self.is(j + 1, "being") {
            return Some((j + 2, Sem::Ref("PRESENT_REF")));
        }
        // "in the weeks ahead": as "the coming weeks"
        if let Lex::Unit(unit @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year), true) =
            self.lex(j)
        {
            if self.is(j + 1, "ahead") {
                return Some((j + 2, Sem::Duration(None, unit)));
            }
        }
        // "the first two quarters of 1990": that year's first half
        if self.lex(j + 1) == Lex::NumWord(2)
            && self.lex(j + 2) == Lex::Unit(Unit::Quarter, true)
            && self.is(j + 3, "of")
        {
            let part = if self.is(j, "first") {
                Some("H1")
            } else if self.is(j, "last") || self.is(j, "second") {
                Some("H2")
            } else {
                None
            };
            if let (Some(part), Some(y)) = (part, self.year(j + 4)) {
                return Some((
                    j + 5,
                    Sem::Date(D::Part {
                        y: Some(y),
                        part,
                        dir: Dir::Auto,
                    }),
                ));
            }
        }
        // "today is the eighth day of Desert Shield", "it's the second day of an offensive":
        // the day of speaking
        if let Lex::Ordinal(_) = self.lex(j) {
            let k = if self.is(j + 1, "consecutive") || self.is(j + 1, "straight") {
                j + 2
            } else {
                j + 1
            };
            if self.lex(k) == Lex::Unit(Unit::Day, false)
                && i > 0
                && (self.is(i - 1, "is") || self.is(i - 1, "s") && self.glued(i - 1))
            {
                return Some((
                    k + 1,
                    Sem::Date(D::Rel {
                        unit: Unit::Day,
                        off: 0,
                    }),
                ));
            }
        }
        // "over the years", "in the early years", "in the years that followed": an unknown
        // stretch of years (not "in the years 1990 to 1995")
        if i > 0
            && ["over", "in", "during", "through", "throughout", "across"]
                .iter()
                .any(|w| self.is(i - 1, w))
        {
            let k = if self.is(j, "early") || self.is(j, "intervening") {
                j + 1
            } else {
                j
            };
            if self.lex(k) == Lex::Unit(Unit::Year, true) && self.kind(k + 1) != Some(Kind::Num) {
                return Some((k + 1, Sem::Duration(None, Unit::Year)));
            }
        }
        match self.lex(j) {
            Lex::Rel(Rel::Past) => {
                if let Some(m) = self.rel(j) {
                    return Some(m);
                }
                return Some((j + 1, Sem::Ref("PAST_REF")));
            }
            Lex::Ref("FUTURE_REF") if self.is(j, "future") => {
                return Some((j + 1, Sem::Ref("FUTURE_REF")));
            }
            Lex::Ref(_) if self.is(j, "present") => {
                return Some((j + 1, Sem::Ref("PRESENT_REF")));
            }
            _ => {}
        }
        if self.is(j, "near") || self.is(j, "short") || self.is(j, "long") {
            if self.lex(j + 1) == Lex::Ref("FUTURE_REF") && self.is(j + 1, "future") {
                return Some((j + 2, Sem::Ref("FUTURE_REF")));
            }
            if self.is(j + 1, "term") {
                return Some((j + 2, Sem::Ref("FUTURE_REF")));
            }
        }
        // "the week of March 6", "the week of 6 March"
        if self.lex(j) == Lex::Unit(Unit::Week, false) && self.is(j + 1, "of") {
            if let Some((
                e,
                Sem::Date(D::Cal {
                    y,
                    m,
                    d: Some(d),
                    dir,
                }),
            )) = longest(self.month_first(j + 2), self.day_month(j + 2))
            {
                return Some((e, Sem::Date(D::WeekOf { y, m, d, dir })));
            }
        }
        // "the nineties", "the '80s"
        if let Lex::DecadeWord(n) = self.lex(j) {
            return Some((j + 1, Sem::Date(D::Decade(190 + n as i32))));
        }
        if let Some(m) = self.short_decade(j) {
            return Some(m);
        }
        // "the 80s"
        if let Some(n) = self.num(j, 2) {
            if n % 10 == 0 && self.s(j).len() == 2 && self.glued(j + 1) && self.is(j + 1, "s") {
                let c = if n < 30 { 200 } else { 190 };
                return Some((j + 2, Sem::Date(D::Decade(c + n as i32 / 10))));
            }
        }
        // "the first nine months", "the first two years"
        if let Lex::Ordinal(1) = self.lex(j) {
            if let Some((k, n @ Some(_))) = self.number(j + 1, false) {
                if let Some((e, unit, true)) = self.unit(k) {
                    return Some((e, Sem::Duration(n, unit)));
                }
            }
        }
        // "the year-ago quarter", "the year-earlier period"
        if let Some((e, sem)) = self.year_ago(j) {
            return if e > j + 3 { Some((e, sem)) } else { None };
        }
        // "the (fiscal) year ended June 30": a twelve-month period, a duration in TimeBank
        {
            let k = if self.lex(j) == Lex::Fiscal { j + 1 } else { j };
            if self.lex(k) == Lex::Unit(Unit::Year, false)
                && (self.is(k + 1, "ended") || self.is(k + 1, "ending"))
            {
                return Some((k + 1, Sem::Duration(Some(1.0), Unit::Year)));
            }
        }
        // "the fiscal year", "the full year": the document's year
        if (self.lex(j) == Lex::Fiscal || self.is(j, "full"))
            && self.lex(j + 1) == Lex::Unit(Unit::Year, false)
            && !self.is(j + 2, "ended")
            && !self.is(j + 2, "ending")
        {
            return Some((
                j + 2,
                Sem::Date(D::Rel {
                    unit: Unit::Year,
                    off: 0,
                }),
            ));
        }
        // "the latest period": the reporting period the text is about
        if self.is(j, "latest") && self.is(j + 1, "period") {
            return Some((
                j + 2,
                Sem::Date(D::Period {
                    y: None,
                    off: 0,
                    part: None,
                    quarter: true,
                }),
            ));
        }
        // "the same period last year", "the corresponding quarter a year earlier"
        if let Some(m) = self.same_period(j) {
            return Some(m);
        }
        // "the year", "the weekend", "the quarter", "the month"
        if let Lex::Unit(unit, false) = self.lex(j) {
            if matches!(self.lex(j + 1), Lex::Ago | Lex::Earlier | Lex::Later) {
                return None;
            }
            // "the year 1998", "the year two thousand"
            if unit == Unit::Year {
                if let Some(y) = self.year(j + 1) {
                    return Some((j + 2, Sem::Date(D::Year(y))));
                }
                if self.is(j + 1, "two") && self.is(j + 2, "thousand") {
                    return Some((j + 3, Sem::Date(D::Year(2000))));
                }
            }
            // "the year of the flood" is another year; "a high for the year of $42" is this one
            let of_amount = self.is(j + 1, "of")
                && (matches!(self.s(j + 2), "$" | "#") || self.kind(j + 2) == Some(Kind::Num));
            if self.is(j + 1, "of") && !of_amount
                || ((self.is(j + 1, "before") || self.is(j + 1, "after"))
                    && !matches!(unit, Unit::Day | Unit::Week))
            {
                return None;
            }
            // "the quarter-to-quarter comparison"
            if self.punct(j + 1, '-') && self.glued(j + 1) {
                return None;
            }
            return match unit {
                Unit::Quarter => Some((
                    j + 1,
                    Sem::Date(D::Period {
                        y: None,
                        off: 0,
                        part: None,
                        quarter: true,
                    }),
                )),
                Unit::Weekend => Some((j + 1, Sem::Date(D::TheWeekend))),
                // "the day before", "the week after": from the narrative's date
                Unit::Day | Unit::Week
                    if (self.is(j + 1, "before") || self.is(j + 1, "after"))
                        && (self.kind(j + 2) != Some(Kind::Word)
                            || self.lex(j + 2) == Lex::DayWord(-1)
                            || self.lex(j + 2) == Lex::DayWord(1)) =>
                {
                    let off = if self.is(j + 1, "before") { -1 } else { 1 };
                    if let Lex::DayWord(d) = self.lex(j + 2) {
                        return Some((
                            j + 3,
                            Sem::Date(D::Rel {
                                unit: Unit::Day,
                                off: d as i32 + off,
                            }),
                        ));
                    }
                    Some((j + 2, Sem::Date(D::RelRef { unit, off })))
                }
                // "closed up 2% for the day", "ended the day at 7,114"
                Unit::Day
                    if i > 0
                        && [
                            "for", "end", "ended", "ending", "ends", "finish", "finished", "close",
                            "closed", "closing", "start", "started", "began", "begin",
                        ]
                        .iter()
                        .any(|w| self.is(i - 1, w)) =>
                {
                    Some((j + 1, Sem::Date(D::RelRef { unit, off: 0 })))
                }
                // "for the week, the index fell", "the week's busiest session": some week of
                // the year the text is in; which one the words do not say
                Unit::Week => Some((j + 1, Sem::Date(D::SomeWeek))),
                Unit::Year | Unit::Month => Some((j + 1, Sem::Date(D::Rel { unit, off: 0 }))),
                _ => None,
            };
        }
        // "the 1988 quarter", "the 1989 period"
        if let Some(y) = self.year(j) {
            if self.lex(j + 1) == Lex::Unit(Unit::Quarter, false) || self.is(j + 1, "period") {
                return Some((
                    j + 2,
                    Sem::Date(D::Period {
                        y: Some(y),
                        off: 0,
                        part: None,
                        quarter: true,
                    }),
                ));
            }
        }
        // "the nine months", "the four days"
        if let Some((k, n @ Some(_))) = self.number(j, false).filter(|_| self.year(j).is_none()) {
            if self.lex(j) != Lex::A {
                if let Some((e, unit, true)) = self.unit(k) {
                    if !matches!(self.lex(e), Lex::Ago | Lex::Earlier | Lex::Later) {
                        return Some((e, Sem::Duration(n, unit)));
                    }
                }
            }
        }
        // Anything that takes "the": decades, quarters, centuries, seasons, relative units,
        // modified expressions, "the 14th of December".
        let inner = self.match_at(j)?;
        if self.is(j, "current") && matches!(inner.1, Sem::Ref(_)) {
            return None;
        }
        // "the third-quarter results": the article belongs to the noun
        if matches!(inner.1, Sem::Date(D::Part { .. })) && self.punct(j + 1, '-') {
            return None;
        }
        let takes_the = self.lex(j) == Lex::Mod
            || match &inner.1 {
                Sem::Date(
                    D::Decade(_)
                    | D::Century(_)
                    | D::Part { .. }
                    | D::PartOfYear { .. }
                    | D::WeekdayRef { .. },
                ) => true,
                Sem::Date(D::Rel { .. } | D::RelRef { .. }) => {
                    matches!(self.lex(j), Lex::Rel(_) | Lex::Mod)
                }
                Sem::Date(D::Cal { .. }) => {
                    matches!(self.lex(j), Lex::Mod | Lex::Ordinal(_))
                        || self.kind(j) == Some(Kind::Num) && self.year(j).is_none()
                }
                Sem::Duration(..) => matches!(self.lex(j), Lex::Rel(_)),
                Sem::Ref(_) => matches!(self.lex(j), Lex::Rel(_)),
                Sem::Time { .. } => matches!(self.lex(j), Lex::Rel(_) | Lex::Mod),
                _ => false,
            };
        if takes_the {
            Some(inner)
        } else {
            None
        }
    }

    /// "early 1990", "late November", "mid-1990s", "the end of the year", "late yesterday",
    /// "mid-afternoon".
    fn modified(&self, i: usize) -> M {
        let w = self.s(i).to_ascii_lowercase();
        let mut j = i + 1;
        if self.punct(j, '-') {
            j += 1;
        }
        let needs_of = matches!(w.as_str(), "middle" | "beginning" | "end" | "start");
        if self.is(j, "of") {
            j += 1;
        } else if needs_of {
            return None;
        }
        if let Lex::PartOfDay(p) = self.lex(j) {
            if w == "mid" || w == "late" || w == "early" {
                let day = match self.day_word(j + 1) {
                    Some((_, Sem::Date(d))) => Some((j + 2, d)),
                    _ => None,
                };
                return Some((
                    day.map_or(j + 1, |(e, _)| e),
                    Sem::Time {
                        day: day.map(|(_, d)| d),
                        clock: None,
                        part: Some(p),
                    },
                ));
            }
        }
        let (e, sem) = self.match_at(j).or_else(|| self.short_decade(j))?;
        match sem {
            Sem::Date(_) | Sem::Time { .. } => Some((e, sem)),
            _ => None,
        }
    }

    /// "about two years", "more than a decade", "at least 30 days", "nearly four years ago".
    fn approx(&self, i: usize) -> M {
        let w = self.s(i).to_ascii_lowercase();
        let j = match w.as_str() {
            "more" | "less" | "fewer" if self.is(i + 1, "than") => i + 2,
            "at" if self.is(i + 1, "least") || self.is(i + 1, "most") => i + 2,
            "at" if self.is(i + 1, "present") => return Some((i + 2, Sem::Ref("PRESENT_REF"))),
            "no" if (self.is(i + 1, "more") || self.is(i + 1, "less"))
                && self.is(i + 2, "than") =>
            {
                i + 3
            }
            "nearly" | "almost" | "around" | "over" => i + 1,
            "up" if self.is(i + 1, "to") => i + 2,
            _ => return None,
        };
        let (e, sem) = if self.kind(j) == Some(Kind::Num) && w == "around" {
            self.clock(j).or_else(|| self.amount(j))?
        } else {
            self.amount(j)?
        };
        let keep = matches!(
            &sem,
            Sem::Duration(..)
                | Sem::Time { .. }
                | Sem::Date(D::Rel { .. } | D::RelRef { .. } | D::Vague { .. } | D::Ago { .. })
        );
        if keep {
            Some((e, sem))
        } else {
            None
        }
    }
}

/// TimeML's letter for a unit, and whether it needs the "T" time designator.
pub fn unit_code(unit: Unit) -> (&'static str, &'static str) {
    match unit {
        Unit::Second => ("T", "S"),
        Unit::Minute => ("T", "M"),
        Unit::Hour => ("T", "H"),
        Unit::Day => ("", "D"),
        Unit::Week => ("", "W"),
        Unit::Weekend => ("", "WE"),
        Unit::Month => ("", "M"),
        Unit::Quarter => ("", "Q"),
        Unit::Year => ("", "Y"),
        Unit::Decade => ("", "DE"),
        Unit::Century => ("", "CE"),
        Unit::Millennium => ("", "ML"),
    }
}
