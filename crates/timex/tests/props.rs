//! `tag` never panics, whatever the text, and its spans are char-boundary slices in order.

use casefile_model::PartialDate;
use proptest::prelude::*;

fn dct() -> impl Strategy<Value = Option<PartialDate>> {
    prop_oneof![
        Just(None),
        (1i32..=9999).prop_map(|y| Some(PartialDate::y(y))),
        (1i32..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| PartialDate::ymd(y, m, d)),
    ]
}

/// Words the grammar cares about, glued into random sentences, reach deep into the rules.
fn timexy() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "the",
        "last",
        "next",
        "this",
        "past",
        "coming",
        "early",
        "late",
        "mid",
        "-",
        "of",
        "on",
        "in",
        "a",
        "an",
        "and",
        "half",
        "few",
        "ago",
        "earlier",
        "later",
        "than",
        "more",
        "at",
        "least",
        "every",
        "each",
        "other",
        "year",
        "years",
        "month",
        "weeks",
        "day",
        "quarter",
        "third",
        "first",
        "second",
        "century",
        "1998",
        "1990s",
        "'80s",
        "31",
        "29",
        "0",
        "12",
        "99999999",
        "3",
        ".",
        ",",
        ":",
        "/",
        "'",
        "s",
        "th",
        "p.m.",
        "a.m",
        "noon",
        "Monday",
        "Friday",
        "May",
        "Dec.",
        "February",
        "summer",
        "fall",
        "yesterday",
        "tonight",
        "now",
        "recently",
        "fiscal",
        "Q4",
        "H1",
        "nineteen",
        "ninety",
        "-six",
        "two",
        "thousand",
        "Christmas",
        "New",
        "Year",
        "'s",
        "Day",
        "Eve",
        "Thanksgiving",
        "é",
        "—",
        "日本",
        "2012-10-08",
        "08.10.2012",
        "10/8/98",
        "2024-02-30",
        "9999-12-31",
        "0001-01-01",
    ]);
    prop::collection::vec(words, 0..30).prop_map(|w| w.join(" "))
}

fn check(text: &str, dct: Option<PartialDate>) -> Result<(), TestCaseError> {
    let found = casefile_timex::tag(text, dct);
    let mut last_end = 0;
    for t in &found {
        prop_assert!(t.span.start < t.span.end);
        prop_assert!(t.span.start >= last_end, "overlap in {:?}", text);
        let slice = text.get(t.span.start..t.span.end);
        prop_assert_eq!(slice, Some(t.text.as_str()));
        prop_assert!(!t.value.is_empty());
        last_end = t.span.end;
    }
    Ok(())
}

proptest! {
    #[test]
    fn never_panics_on_any_string(text in any::<String>(), d in dct()) {
        check(&text, d)?;
    }

    #[test]
    fn never_panics_on_time_like_text(text in timexy(), d in dct()) {
        check(&text, d)?;
    }
}
