//! casefile's time expressions: recognition and TimeML normalisation against the document date.
//!
//! [`tag`] finds dates ("8 April 1998", "Dec. 14, 2012", "last November"), times ("3 p.m."),
//! durations ("seven and a half years") and sets ("every week") in running text and writes their
//! TimeML values, anchored on the document creation time (DCT). Rules, not a model: English date
//! language is regular, and rules are fast and explainable.
//!
//! How it works: a cheap tokenizer tags every word with one hash lookup (month, weekday, number,
//! unit, relative word…); only tokens the lexicon knows start the grammar ([`grammar`]), which
//! returns the longest expression and its meaning; [`resolve`] then anchors the meaning on the DCT,
//! leaning to the past or the future by the verbs nearby.
//!
//! Never invented: with no DCT (or no year in it) "9 January" is `XXXX-01-09` and "yesterday"
//! is `XXXX-XX-XX`. Nothing in this crate reads the clock.
//!
//! [`annotate_timeml`] and [`annotate_timeml_dir`] read and write TimeML, for evaluation against
//! TempEval-3 with `shared/eval/timex_score.py`.

pub mod calendar;
mod grammar;
mod resolve;
mod timeml;
mod tokens;

pub use timeml::{annotate_timeml, annotate_timeml_dir, dct_of_timeml, Stats, TimemlError};

use casefile_model::{CharIndex, PartialDate, Span, Timex, TimexType};
use grammar::{Dir, Sem, D, G};
use resolve::{Known, Tense};
use serde::Serialize;
use tokens::{Kind, Lex, Tok};

/// Time expressions in `text`, normalised against the document creation time `dct` (the
/// publication date, possibly partial or unknown). Spans are byte offsets into `text`, in text
/// order, never overlapping.
pub fn tag(text: &str, dct: Option<PartialDate>) -> Vec<Timex> {
    let toks = tokens::tokenize(text);
    let g = G::new(text, &toks);
    let dct = dct.map_or(Known::default(), |d| Known {
        y: d.year,
        m: d.month,
        d: d.day,
        part: None,
    });
    let mut reference = dct;
    // The last full day the text named: "the day", "later in the day" after "up from 14% a
    // year ago" are still on that day, not in the year compared with.
    let mut last_day = dct;
    // The last year the text stated in digits or words, and where that expression ended.
    let mut stated_year: Option<(i32, usize)> = None;
    let mut reference_at = 0;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        // The prefilter: only digits and words the lexicon knows (or "Q3"-like) can start one.
        let starts = t.kind == Kind::Num
            || (t.kind == Kind::Word && (t.lex != Lex::None || is_q(&text[t.start..t.end])))
            || (t.kind == Kind::Punct && matches!(&text[t.start..t.end], "'" | "’"));
        if starts {
            if let Some((end, sem)) = g.match_at(i) {
                // "in the morning" names the narrative day's morning only in past narration
                // ("Dealers placed orders in the morning"); "I run in the morning" is a habit
                if matches!(
                    sem,
                    Sem::Time {
                        day: Some(D::RelRef { off: 0, .. }),
                        clock: None,
                        ..
                    }
                ) && i > 0
                    && (g.is_word(i - 1, "in") || g.is_word(i - 1, "during"))
                    && tense(&g, i, end) != Tense::Past
                {
                    i = end;
                    continue;
                }
                // "ABC's "This Week"", "``High Noon''": a title in quotes
                if end > i && quoted_title(&g, &toks, i, end) {
                    i = end;
                    continue;
                }
                if end > i {
                    let tense = if !needs_tense(&sem) {
                        Tense::Unknown
                    } else if possessive(&g, end) {
                        // "Wednesday's ruling" names a day that has happened
                        Tense::Past
                    } else {
                        tense(&g, i, end)
                    };
                    let stated = explicit_year(&sem);
                    // "in 1997 he spent three months in detention after a protest on 30 May":
                    // a day without a year takes the year named before it in the same
                    // sentence, unless the verb points to the future. Close by (10 tokens) it
                    // always does; further away only when the date would otherwise land after
                    // the document date while the sentence speaks of an earlier year.
                    let sem = match (sem, stated_year) {
                        (
                            Sem::Date(D::Cal {
                                y: None,
                                m,
                                d,
                                dir: Dir::Auto,
                            }),
                            Some((y, at)),
                        ) if tense != Tense::Future
                            && i - at <= 40
                            && (i - at <= 10 || lands_after_dct(&dct, y, m, d, tense))
                            && !crosses_boundary(&g, &toks, at, i) =>
                        {
                            Sem::Date(D::Cal {
                                y: Some(y),
                                m,
                                d,
                                dir: Dir::Auto,
                            })
                        }
                        (sem, _) => sem,
                    };
                    if let Some(y) = stated {
                        stated_year = Some((y, end));
                    }
                    // A clock time without a day is on the day the sentence is about: a date
                    // named earlier in it; in past narration the narrative's last date ("The
                    // blast occurred at 10:35 a.m."); else the document date.
                    // (a sentence is taken to be at most 80 tokens, which also keeps this scan
                    // linear on text without full stops)
                    let same_sentence = i - reference_at.min(i) <= 80
                        && !crosses_boundary(&g, &toks, reference_at, i);
                    let clause = crate::tense(&g, i, end);
                    // ... and in future narration on the coming day the text last named ("will
                    // travel Thursday. ``He will leave at 4 in the morning''")
                    let ahead = |r: &Known| {
                        (r.y, r.m, r.d) > (dct.y, dct.m, dct.d) && r.d.is_some() && dct.d.is_some()
                    };
                    let anchor = match sem {
                        Sem::Time { day: None, .. }
                            if !same_sentence
                                && clause != Tense::Past
                                && !(clause == Tense::Future && ahead(&reference)) =>
                        {
                            dct
                        }
                        // "totaled $37 million in 1988, a share of imports that year", "in
                        // 2010 ... the following year": the year the text last stated, when
                        // stated after the last full date (a year from a reporting period,
                        // "a year earlier" after "the third quarter of 1997", stays that
                        // quarter's)
                        Sem::Date(D::RelRef {
                            unit: tokens::Unit::Year,
                            off,
                        }) if off == 0 || reference.part.is_none() => match stated_year {
                            Some((y, at)) if at >= reference_at => Known {
                                y: Some(y),
                                ..Known::default()
                            },
                            _ => reference,
                        },
                        Sem::Date(D::RelRef {
                            unit: tokens::Unit::Day,
                            ..
                        })
                        | Sem::Time {
                            day:
                                Some(D::RelRef {
                                    unit: tokens::Unit::Day,
                                    ..
                                }),
                            ..
                        }
                        | Sem::Time { day: None, .. }
                            if reference.d.is_none()
                                && last_day.d.is_some()
                                // "In April he was detained and released the same day", "at
                                // the trial in January 2010 … The day before": a day counted
                                // from a month the text has just named (in this sentence or the
                                // one before) is in that month, not next to a day named before
                                // it (or the document's). A month named in passing further back
                                // ("the October 2019 protests") leaves the narrative's day.
                                && !(i - reference_at.min(i) <= 60
                                    && reference.m.is_some()
                                    && (reference.y, reference.m) != (last_day.y, last_day.m)
                                    && matches!(
                                        sem,
                                        Sem::Date(D::RelRef {
                                            unit: tokens::Unit::Day,
                                            ..
                                        })
                                    )) =>
                        {
                            last_day
                        }
                        _ => reference,
                    };
                    // "the first nine months ... a year earlier": a period of several
                    // quarters ends the quarter's reign; "a year earlier" is then the year.
                    if matches!(sem, Sem::Duration(Some(n), tokens::Unit::Month) if n > 3.0) {
                        reference.part = None;
                    }
                    // "the quarter ended July 31", when no reporting period is in force yet:
                    // the calendar quarter holding most of its three months (May to July: Q2)
                    let sem = match sem {
                        Sem::Date(D::Period {
                            y: None,
                            off: 0,
                            part: None,
                            quarter: true,
                        }) if reference.part.is_none() && g.is_word(end, "ended") => {
                            quarter_ended(&g, end + 1, &dct).map_or(sem, |(y, part)| {
                                Sem::Date(D::Part {
                                    y: Some(y),
                                    part,
                                    dir: Dir::Auto,
                                })
                            })
                        }
                        sem => sem,
                    };
                    // "you may, in a year or two, save lives": some vague time ahead
                    let (end, sem) = match sem {
                        Sem::Duration(Some(n), _)
                            if n == 1.0
                                && i > 0
                                && g.is_word(i - 1, "in")
                                && g.is_word(end, "or")
                                && g.is_word(end + 1, "two")
                                && crate::tense(&g, i, end) != Tense::Past =>
                        {
                            (end + 2, Sem::Ref("FUTURE_REF"))
                        }
                        sem => (end, sem),
                    };
                    // "will be redeemed in five years": the point that many years from now, a
                    // date (TimeML), not the stretch
                    let sem = match sem {
                        Sem::Duration(Some(n), unit)
                            if i > 0
                                && toks[i - 1].kind == Kind::Word
                                && &text[toks[i - 1].start..toks[i - 1].end] == "in"
                                && (t.kind == Kind::Num || matches!(t.lex, Lex::NumWord(_)))
                                && n >= 1.0
                                && n.fract() == 0.0
                                && matches!(
                                    unit,
                                    tokens::Unit::Year | tokens::Unit::Month | tokens::Unit::Week
                                )
                                && crate::tense(&g, i, end) == Tense::Future =>
                        {
                            Sem::Date(D::Rel {
                                unit,
                                off: n as i32,
                            })
                        }
                        sem => sem,
                    };
                    let (timex_type, value, known) = resolve::value(&sem, &dct, &anchor, tense);
                    // "This quarter's loss includes ...": results of a quarter are the quarter
                    // the report is about (finished), not the calendar quarter under way
                    let (value, known) = match (&sem, reference.part, reference.y) {
                        (
                            Sem::Date(D::Rel {
                                unit: tokens::Unit::Quarter,
                                off: 0,
                            }),
                            Some(q),
                            Some(y),
                        ) if q.starts_with('Q')
                            && possessive(&g, end)
                            && reference.y == dct.y
                            && completed_part(&reference, &dct) =>
                        {
                            (format!("{y:04}-{q}"), Some(reference))
                        }
                        _ => (value, known),
                    };
                    if let Some(mut k) = known {
                        // The reporting period (quarter, half) stays in force until another is
                        // named: "a year earlier" after "the quarter ended Sept. 30" is still
                        // that quarter a year before.
                        if k.part.is_none() {
                            // ... and a date of another year named in passing ("changed to a
                            // calendar year in December") does not move the report's year
                            if reference.part.is_none() || k.y == reference.y {
                                k.part = reference.part;
                                reference = k;
                            }
                        } else if reference.part.is_none()
                            || completed_part(&k, &dct)
                                && (!earlier_part(&k, &reference)
                                    // a fiscal quarter is on another company's calendar:
                                    // a new report
                                    || toks[i..end].iter().any(|t| t.lex == Lex::Fiscal))
                        {
                            reference = k;
                        }
                        reference_at = end;
                        if reference.d.is_some() {
                            last_day = reference;
                        }
                    }
                    // "two to six days", "between 60 and 90 days": TimeML marks the range's
                    // first number too, with the unit of the second
                    if let Sem::Duration(Some(_), unit) = sem {
                        // The first number must not lie in the expression before ("Mar 3-0
                        // year" is no range): spans never overlap.
                        let free = |k: &usize| {
                            out.last()
                                .is_none_or(|p: &Timex| p.span.end <= toks[*k].start)
                        };
                        if let Some(k) = range_first_number(&g, &toks, i).filter(free) {
                            if let Some((_, Some(n))) = g.number(k, false) {
                                let (ty, v, _) = resolve::value(
                                    &Sem::Duration(Some(n), unit),
                                    &dct,
                                    &anchor,
                                    Tense::Unknown,
                                );
                                out.push(timex_at(text, toks[k].start, toks[k].end, ty, v));
                            }
                        }
                    }
                    let second = match sem {
                        Sem::Date(D::Cal { d: Some(d), .. }) => second_day(&g, &toks, end, d),
                        _ => None,
                    };
                    // "the day before last Tuesday's hearing": a day from a stated day
                    let free = out
                        .last()
                        .is_none_or(|p: &Timex| i < 3 || p.span.end <= toks[i - 3].start);
                    let (first, value) = match day_next_to(&g, i, &value).filter(|_| free) {
                        Some(v) => (i - 3, v),
                        None => (i, value),
                    };
                    // "Easter week", "Christmas week": the ISO week holding the holiday
                    let (end, value) = match sem {
                        Sem::Date(D::Holiday { .. } | D::HolidayOf { .. })
                            if g.is_word(end, "week") =>
                        {
                            match iso_week_of(&value) {
                                Some(w) => (end + 1, w),
                                None => (end, value),
                            }
                        }
                        _ => (end, value),
                    };
                    let span = Span::new(toks[first].start, toks[end - 1].end);
                    // "this coming Sunday, March eighth": a date restating the one just before
                    // it, after a comma, is one expression
                    if let Some(p) = out.last_mut().filter(|p| {
                        p.value == value
                            && timex_type == TimexType::Date
                            && text[p.span.end..span.start].trim() == ","
                    }) {
                        p.span = Span::new(p.span.start, span.end);
                        p.text = text[p.span.start..p.span.end].to_string();
                        i = end;
                        continue;
                    }
                    out.push(Timex {
                        span,
                        text: text[span.start..span.end].to_string(),
                        timex_type,
                        value: value.clone(),
                    });
                    i = end;
                    // "April 24 and 25": the second day is an expression of its own, in the
                    // first one's month and year
                    if let (Some((k, d2)), Some(month)) = (second, value.get(..8)) {
                        if value.len() == 10 {
                            let v = format!("{month}{d2:02}");
                            out.push(timex_at(text, toks[k].start, toks[k].end, timex_type, v));
                            i = k + 1;
                        }
                    }
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

fn timex_at(text: &str, start: usize, end: usize, timex_type: TimexType, value: String) -> Timex {
    Timex {
        span: Span::new(start, end),
        text: text[start..end].to_string(),
        timex_type,
        value,
    }
}

/// Whether tokens `i..end` are (part of) a short title-case phrase in quotes: a programme or
/// film ("This Week", "60 Minutes", "High Noon"), not a time. The quoted phrase holds only
/// capitalised words (and the expression's digits), so a quotation that opens with a time
/// ("``Last Tuesday, we met'') is not one.
fn quoted_title(g: &G, toks: &[Tok], i: usize, end: usize) -> bool {
    let cap = |k: usize| {
        toks[k].kind == Kind::Word && g.s(k).starts_with(|c: char| c.is_ascii_uppercase())
    };
    let quote = |k: usize| {
        toks[k].kind == Kind::Punct && matches!(g.s(k), "\"" | "`" | "'" | "“" | "”" | "‘" | "’")
    };
    if !(i..end).all(|k| cap(k) || toks[k].kind == Kind::Num) || !(i..end).any(cap) {
        return false;
    }
    let mut k = i;
    while k > 0 && i - k < 3 && cap(k - 1) {
        k -= 1;
    }
    // an opening quote touches the word after it
    if k == 0 || !quote(k - 1) || !toks[k].glued {
        return false;
    }
    let mut m = end;
    while m < toks.len() && m - end < 4 && (cap(m) || matches!(g.s(m), "," | ".")) {
        m += 1;
    }
    // a closing quote touches the word before it, and is no apostrophe ("Sunday's", "I'm")
    let closing = m < toks.len()
        && quote(m)
        && toks[m].glued
        && toks
            .get(m + 1)
            .is_none_or(|n| !(n.glued && n.kind == Kind::Word));
    closing && (m > end || end - i > 1 || k < i)
}

/// The year and calendar quarter of a three-month period that ended on the day and month at
/// `k` ("Sept. 30", "July 31"), the last such day on or before the document date. `None` without
/// a full document date (no year is guessed) or without a day.
fn quarter_ended(g: &G, k: usize, dct: &Known) -> Option<(i32, &'static str)> {
    let (j, m) = match g.toks.get(k)?.lex {
        Lex::Month(m, abbr) => (
            if abbr && g.s(k + 1) == "." {
                k + 2
            } else {
                k + 1
            },
            m,
        ),
        _ => return None,
    };
    let d = u8::try_from(g.num(j, 2)?).ok()?;
    let (dy, dm, dd) = (dct.y?, dct.m?, dct.d?);
    let ended_year = if (m, d) <= (dm, dd) { dy } else { dy - 1 };
    let part = [
        "Q4", "Q1", "Q1", "Q1", "Q2", "Q2", "Q2", "Q3", "Q3", "Q3", "Q4", "Q4",
    ][usize::from(m) - 1];
    Some((if m == 1 { ended_year - 1 } else { ended_year }, part))
}

/// The ISO week (`2000-W16`) of a full date value (`2000-04-23`).
fn iso_week_of(value: &str) -> Option<String> {
    let b = value.as_bytes();
    if value.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (wy, w) = calendar::iso_week(calendar::Ymd {
        y: value[..4].parse().ok()?,
        m: value[5..7].parse().ok()?,
        d: value[8..].parse().ok()?,
    });
    Some(format!("{wy:04}-W{w:02}"))
}

/// "the day before" / "the day after" right before the expression at `i`, whose value is a
/// full date: that date moved by a day.
fn day_next_to(g: &G, i: usize, value: &str) -> Option<String> {
    if i < 3 || !g.is_word(i - 3, "the") || !g.is_word(i - 2, "day") {
        return None;
    }
    let step = if g.is_word(i - 1, "before") {
        -1
    } else if g.is_word(i - 1, "after") {
        1
    } else {
        return None;
    };
    let b = value.as_bytes();
    if value.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let ymd = calendar::Ymd {
        y: value[..4].parse().ok()?,
        m: value[5..7].parse().ok()?,
        d: value[8..].parse().ok()?,
    };
    let e = calendar::add_days(ymd, step);
    Some(format!("{:04}-{:02}-{:02}", e.y, e.m, e.d))
}

/// Where the first number of a range ends up when the expression at `i` is its second half:
/// "two to | six days", "60 and | 90 days", "10- | 15 years". Only a free-standing small number
/// or a number word (not "$2.5", not a year) counts.
fn range_first_number(g: &G, toks: &[Tok], i: usize) -> Option<usize> {
    let k = i.checked_sub(2)?;
    let link = ["to", "and", "or"].iter().any(|w| g.is_word(i - 1, w)) || g.s(i - 1) == "-";
    let number = match toks[k].lex {
        Lex::NumWord(_) => true,
        _ => toks[k].kind == Kind::Num && !toks[k].glued && g.num(k, 3).is_some(),
    };
    // "$5 to 10 days" is money; "2.5 to 3 years" has its "5" glued to the point
    let money = k > 0 && matches!(g.s(k - 1), "$" | "#");
    (link && number && !money && g.number(k, false).is_some_and(|(e, _)| e == i - 1)).then_some(k)
}

/// "April 24 and 25", "May 3-4": the second day number after a day-and-month ending at `end`,
/// later in the same month, and not the start of something else ("and 25 others", "to 30%").
fn second_day(g: &G, toks: &[Tok], end: usize, d: u8) -> Option<(usize, u8)> {
    let link = ["and", "or", "to", "through"]
        .iter()
        .any(|w| g.is_word(end, w))
        || (g.s(end) == "-" && toks[end].glued);
    let k = end + 1;
    let d2 = u8::try_from(g.num(k, 2)?).ok()?;
    // followed by punctuation or a preposition: "April 24 and 25." "May 3-4 in Geneva"
    let free = match toks.get(k + 1) {
        None => true,
        Some(n) if n.kind == Kind::Punct => {
            let p = &g.text[n.start..n.end];
            let decimal = p == "."
                && toks
                    .get(k + 2)
                    .is_some_and(|a| a.glued && a.kind == Kind::Num);
            !(matches!(p, "%" | ":" | "/") || decimal)
        }
        Some(_) => ["in", "at", "on", "for", "with", "when", "by"]
            .iter()
            .any(|w| g.is_word(k + 1, w)),
    };
    // "May 3-4, 2001": the year after the range is the first day's too; left whole
    let year_after = g.s(k + 1) == "," && g.num(k + 2, 4).is_some_and(|y| y >= 1000);
    (link && d2 > d && d2 <= 31 && free && !year_after).then_some((k, d2))
}

/// Whether the word at `k` follows a determiner, directly or across one adverb ("a still
/// unspecified date", "the proposed merger"): then an "-ed" word is an adjective.
fn after_determiner(g: &G, k: usize) -> bool {
    const DET: [&str; 12] = [
        "a", "an", "the", "this", "its", "their", "his", "her", "our", "some", "any", "no",
    ];
    let det = |j: usize| DET.iter().any(|d| g.is_word(j, d));
    (k > 0 && det(k - 1))
        || (k > 1 && (g.is_word(k - 1, "still") || g.s(k - 1).ends_with("ly")) && det(k - 2))
}

/// Whether a quarter or half ended before the document date: only such a period can be the one
/// a report compares "a year earlier" with. A forecast ("fourth-quarter earnings will fall", in
/// November) or a later year's quarter does not replace the period being reported on.
fn completed_part(k: &Known, dct: &Known) -> bool {
    let (Some(y), Some(p)) = (k.y, k.part) else {
        return false;
    };
    let (Some(dy), Some(dm)) = (dct.y, dct.m) else {
        return true;
    };
    let n = p
        .as_bytes()
        .get(1)
        .map_or(0, |b| i32::from(b.wrapping_sub(b'0')));
    let last_month = match p.as_bytes()[0] {
        b'Q' => n * 3,
        b'H' => n * 6,
        _ => return true,
    };
    (y, last_month) < (dy, i32::from(dm))
}

/// Whether `k` is a quarter or half of the same year as the reporting period `reference` but
/// before it: "after a flat second quarter" in a report on the third is a comparison, and the
/// third stays the period "a year ago" refers to.
fn earlier_part(k: &Known, reference: &Known) -> bool {
    match (k.part, reference.part) {
        (Some(a), Some(b)) => k.y == reference.y && a.as_bytes()[0] == b.as_bytes()[0] && a < b,
        _ => false,
    }
}

/// Whether a day and month without a year, anchored on the DCT as usual, would fall after the
/// DCT while `stated` (a year the sentence names) is before the DCT's year.
fn lands_after_dct(dct: &Known, stated: i32, m: u8, d: Option<u8>, tense: Tense) -> bool {
    let (Some(dy), Some(dm)) = (dct.y, dct.m) else {
        return false;
    };
    if stated >= dy {
        return false;
    }
    let sem = Sem::Date(D::Cal {
        y: None,
        m,
        d,
        dir: Dir::Auto,
    });
    let (_, value, _) = resolve::value(&sem, dct, dct, tense);
    let Some(vy) = value.get(..4).and_then(|v| v.parse::<i32>().ok()) else {
        return false;
    };
    vy > dy || (vy == dy && (m, d.unwrap_or(0)) > (dm, dct.d.unwrap_or(0)))
}

/// The year an expression states outright ("1997", "7 November 1997", "the third quarter of
/// 1997"), not one it gets by anchoring.
fn explicit_year(sem: &Sem) -> Option<i32> {
    match sem {
        Sem::Date(D::Year(y))
        | Sem::Date(D::Cal { y: Some(y), .. })
        | Sem::Date(D::Part { y: Some(y), .. }) => Some(*y),
        _ => None,
    }
}

/// An "'s" right after the expression.
fn possessive(g: &G, end: usize) -> bool {
    (g.s(end) == "'" || g.s(end) == "’") && g.is_word(end + 1, "s")
}

/// A time expression as the CLI and JSON consumers see it: **character** offsets (as in the
/// export's evidence), the text, the TimeML type and value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimexRecord {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The surface form.
    pub text: String,
    /// DATE, TIME, DURATION or SET.
    #[serde(rename = "type")]
    pub timex_type: TimexType,
    /// The TimeML value.
    pub value: String,
}

/// [`tag`] with character offsets, ready to print as JSON
/// (`casefile timex --dct 1998-04-08 < text`).
pub fn records(text: &str, dct: Option<PartialDate>) -> Vec<TimexRecord> {
    let index = CharIndex::new(text);
    tag(text, dct)
        .into_iter()
        .map(|t| TimexRecord {
            start: index.char_offset(t.span.start),
            end: index.char_offset(t.span.end),
            text: t.text,
            timex_type: t.timex_type,
            value: t.value,
        })
        .collect()
}

fn is_q(s: &str) -> bool {
    s == "Q" || s == "H"
}

/// Whether anchoring the meaning depends on tense (only underspecified dates do).
fn needs_tense(sem: &Sem) -> bool {
    let d = match sem {
        Sem::Date(d) => d,
        Sem::Time { day: Some(d), .. } => d,
        _ => return false,
    };
    matches!(
        d,
        D::Cal {
            y: None,
            dir: Dir::Auto,
            ..
        } | D::Part {
            y: None,
            dir: Dir::Auto,
            ..
        } | D::WeekOf {
            y: None,
            dir: Dir::Auto,
            ..
        } | D::Weekday { dir: Dir::Auto, .. }
            | D::Period { .. }
            | D::SamePeriod
            | D::Holiday { dir: Dir::Auto, .. }
            | D::TheWeekend
    )
}

/// Words after which a full stop is an abbreviation's, not a sentence end.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "sgt", "gov", "sen", "rep",
    "rev", "no", "vs", "inc", "corp", "co", "ltd", "art", "prof", "capt", "cmdr", "adm",
];

/// Whether a blank line follows token `k`: the paragraph ends there, full stop or not (a
/// headline, a dateline, a tweet's date line "— FreeChineseFeminists (@x) January 7, 2021").
fn blank_line_after(g: &G, toks: &[Tok], k: usize) -> bool {
    toks.get(k + 1)
        .is_some_and(|n| g.text[toks[k].end..n.start].matches('\n').count() >= 2)
}

/// Whether a sentence ends between the token before `from` (the end of an earlier expression)
/// and token `to`.
fn crosses_boundary(g: &G, toks: &[Tok], from: usize, to: usize) -> bool {
    (from > 0 && from <= to && blank_line_after(g, toks, from - 1))
        || (from..to).any(|k| is_boundary(g, toks, k))
}

/// Whether a token ends a sentence for the tense window: ".", "!", "?", ";" or a line break
/// between paragraphs.
fn is_boundary(g: &G, toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    if blank_line_after(g, toks, k) {
        return true;
    }
    if t.kind != Kind::Punct {
        return false;
    }
    let c = g.text[t.start..].chars().next().unwrap_or(' ');
    match c {
        '!' | '?' | ';' => true,
        // "Dec." or "Mr." or "p.m." do not end a sentence; "police." and "May." do, before a
        // capital or the end.
        '.' => {
            // "$29.75", "4.5%": a decimal point, not a full stop
            let decimal = t.glued
                && k > 0
                && toks[k - 1].kind == Kind::Num
                && toks
                    .get(k + 1)
                    .is_some_and(|n| n.glued && n.kind == Kind::Num);
            if decimal {
                return false;
            }
            let capital = |n: &Tok| {
                g.text[n.start..].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            };
            // a quotation may open the next sentence: `Appeals.  ``I won't ...''`
            let mut n = k + 1;
            while toks.get(n).is_some_and(|t| {
                t.kind == Kind::Punct
                    && matches!(&g.text[t.start..t.end], "`" | "\"" | "'" | "“" | "‘")
            }) {
                n += 1;
            }
            let next_ok = toks.get(n).is_none_or(capital);
            let prev = if k > 0 { g.s(k - 1) } else { "" };
            let abbrev = prev.len() == 1
                || ABBREVIATIONS.iter().any(|a| prev.eq_ignore_ascii_case(a))
                || (k > 0
                    && toks[k - 1].lex != Lex::Month(5, false)
                    && matches!(toks[k - 1].lex, Lex::Month(_, true)));
            next_ok && !abbrev
        }
        _ => false,
    }
}

/// "was planning", "were expected", "was due", "was to": a past that points forward.
fn cue_future_after(g: &G, k: usize) -> bool {
    [
        "planning",
        "expected",
        "scheduled",
        "due",
        "to",
        "going",
        "set",
    ]
    .iter()
    .any(|w| g.is_word(k, w))
}

/// The tense of the clause around tokens `start..end`: the nearest tense cue within the sentence,
/// looking left first. Reported events lean to the past, announced ones to the future.
fn tense(g: &G, start: usize, end: usize) -> Tense {
    let toks = g.toks;
    let cue = |k: usize| -> Option<Tense> {
        let t = &toks[k];
        if t.kind != Kind::Word {
            return None;
        }
        // A participle after "be"/"to" ("will be tried") tells nothing by itself.
        if k > 0 && (g.is_word(k - 1, "be") || g.is_word(k - 1, "to")) {
            return None;
        }
        let w = g.s(k);
        let lower = w.to_ascii_lowercase();
        match lower.as_str() {
            // "next to the embassy" is a place
            "next" if g.is_word(k + 1, "to") => None,
            "will" | "shall" | "ll" | "wo" | "scheduled" | "expected" | "expects" | "expect"
            | "planning" | "intends" | "upcoming" | "next" | "going" | "tomorrow" | "soon"
            | "would" | "payable" => Some(Tense::Future),
            // "plans to", "planned to leave", "as early as Tuesday"
            "plan" | "plans" | "planned" | "supposed" if g.is_word(k + 1, "to") => {
                Some(Tense::Future)
            }
            "early" if k > 0 && g.is_word(k - 1, "as") => Some(Tense::Future),
            // "closed until Friday", "has until 9 a.m. Tuesday": a deadline, ahead
            // (lower case: a sentence opening "Until Thursday, they had not ..." narrates)
            "until" | "till" if w.starts_with(|c: char| c.is_ascii_lowercase()) => {
                Some(Tense::Future)
            }
            // "is to resume trading Tuesday", "are due to meet Monday": a schedule
            // ("had been due to expire Friday" is a past schedule)
            "is" | "are" | "am" if g.is_word(k + 1, "to") => Some(Tense::Future),
            "due"
                if g.is_word(k + 1, "to")
                    && !(k > 0 && ["been", "was", "were"].iter().any(|b| g.is_word(k - 1, b))) =>
            {
                Some(Tense::Future)
            }
            // "set to resume", "was planning to"
            "set" if g.is_word(k + 1, "to") => Some(Tense::Future),
            "was" | "were" if cue_future_after(g, k + 1) => Some(Tense::Future),
            "was" | "were" | "had" | "did" | "ago" | "last" | "said" | "told" | "took" | "gave"
            | "came" | "began" | "went" | "held" | "met" | "made" | "left" | "fell" | "rose"
            | "won" | "lost" | "sent" | "brought" | "found" | "yesterday" | "been" | "saw"
            | "spoke" | "wrote" | "paid" | "sold" | "bought" | "got" => Some(Tense::Past),
            // Lower case only: a capitalised "-ed" word mid-clause is a name ("the United
            // States Thursday"); after a determiner it is an adjective ("on a still
            // unspecified date in January").
            _ if lower.len() >= 5
                && lower.ends_with("ed")
                && !lower.ends_with("eed")
                && !w.starts_with(|c: char| c.is_ascii_uppercase())
                && !after_determiner(g, k) =>
            {
                Some(Tense::Past)
            }
            _ => None,
        }
    };
    // Left, nearest first, within the sentence.
    let mut left = None;
    let mut k = start;
    let mut steps = 0;
    while k > 0 && steps < 16 {
        k -= 1;
        steps += 1;
        if is_boundary(g, toks, k) {
            break;
        }
        if let Some(t) = cue(k) {
            left = Some((steps, t));
            break;
        }
    }
    // With nothing on the left ("On Tuesday, the National Abortion Rights Action League plans
    // to ..."), the verb follows the subject, which can be long.
    let reach = if left.is_none() { 30 } else { 8 };
    let mut right = None;
    let mut k = end;
    let mut steps = 0;
    while k < toks.len() && steps < reach {
        if is_boundary(g, toks, k) || (k == end && k > 0 && blank_line_after(g, toks, k - 1)) {
            break;
        }
        steps += 1;
        if let Some(t) = cue(k) {
            right = Some((steps, t));
            break;
        }
        k += 1;
    }
    match (left, right) {
        // The clause's verb usually comes before its time expression: a cue on the left wins
        // unless the right one is much closer.
        (Some((dl, tl)), Some((dr, tr))) => {
            if dr * 2 < dl {
                tr
            } else {
                tl
            }
        }
        (Some((_, t)), None) | (None, Some((_, t))) => t,
        (None, None) => Tense::Unknown,
    }
}

#[cfg(test)]
mod tests;
