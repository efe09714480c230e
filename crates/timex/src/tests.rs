//! Behaviour of `tag` by category, with the document date 1998-04-08 (a Wednesday) unless said.

use super::*;
use casefile_model::TimexType;

fn dct() -> Option<PartialDate> {
    PartialDate::ymd(1998, 4, 8)
}

/// The (text, type, value) of every expression found.
fn found(text: &str, dct: Option<PartialDate>) -> Vec<(String, TimexType, String)> {
    tag(text, dct)
        .into_iter()
        .map(|t| {
            assert_eq!(&text[t.span.start..t.span.end], t.text);
            (t.text, t.timex_type, t.value)
        })
        .collect()
}

/// The single expression in `text` must be `want_text` with `value`.
#[track_caller]
fn one(text: &str, d: Option<PartialDate>, want_text: &str, ty: TimexType, value: &str) {
    let got = found(text, d);
    assert_eq!(
        got,
        vec![(want_text.to_string(), ty, value.to_string())],
        "in {text:?}"
    );
}

use TimexType::{Date, Duration, Set, Time};

#[test]
fn absolute_dates_in_every_order() {
    let d = dct();
    one(
        "It was signed on 8 April 1998.",
        d,
        "8 April 1998",
        Date,
        "1998-04-08",
    );
    one(
        "It was signed April 8, 1998 in Almaty",
        d,
        "April 8, 1998",
        Date,
        "1998-04-08",
    );
    one(
        "ALMATY, 8 APRIL 1998 -",
        d,
        "8 APRIL 1998",
        Date,
        "1998-04-08",
    );
    one(
        "Filed 2012-10-08 in court",
        d,
        "2012-10-08",
        Date,
        "2012-10-08",
    );
    one(
        "Dated 08.10.2012 in Astana",
        d,
        "08.10.2012",
        Date,
        "2012-10-08",
    );
    one(
        "On Dec. 14, 2012, he left",
        d,
        "Dec. 14, 2012",
        Date,
        "2012-12-14",
    );
    one(
        "the 14th of December 1997",
        d,
        "the 14th of December 1997",
        Date,
        "1997-12-14",
    );
    one(
        "profits fell as of Sept. 30",
        d,
        "Sept. 30",
        Date,
        "1997-09-30",
    );
    one(
        "on the eighth of April, 1998",
        d,
        "the eighth of April, 1998",
        Date,
        "1998-04-08",
    );
}

#[test]
fn partial_dates_keep_their_granularity() {
    let d = dct();
    one(
        "He was arrested last November.",
        d,
        "last November",
        Date,
        "1997-11",
    );
    one("The law passed in 1997.", d, "1997", Date, "1997");
    one(
        "since December 2011 he",
        d,
        "December 2011",
        Date,
        "2011-12",
    );
    one("prices in the 1990s rose", d, "the 1990s", Date, "199");
    one("He left last summer.", d, "last summer", Date, "1997-SU");
    let feb = PartialDate::ymd(1998, 2, 6);
    one(
        "gains that began last fall",
        feb,
        "last fall",
        Date,
        "1997-FA",
    );
    one("a vote this spring", feb, "this spring", Date, "1998-SP");
    one("prices in the 1980's rose", d, "the 1980's", Date, "198");
    one("in the mid-'90s they fell", d, "the mid-'90s", Date, "199");
    one(
        "profit in the first quarter fell",
        d,
        "the first quarter",
        Date,
        "1998-Q1",
    );
    one(
        "profit in the third quarter fell",
        d,
        "the third quarter",
        Date,
        "1997-Q3",
    );
    one(
        "the first quarter of 1997 was",
        d,
        "the first quarter of 1997",
        Date,
        "1997-Q1",
    );
    one("in the 20th century", d, "the 20th century", Date, "19");
    one("in mid-1996 he", d, "mid-1996", Date, "1996");
    one(
        "in early November he was",
        d,
        "early November",
        Date,
        "1997-11",
    );
}

#[test]
fn relative_expressions_resolve_against_the_dct() {
    let d = dct();
    one("Yesterday's sentencing", d, "Yesterday", Date, "1998-04-07");
    one("He is free today.", d, "today", Date, "1998-04-08");
    one("to be heard tomorrow", d, "tomorrow", Date, "1998-04-09");
    one("a rally tonight", d, "tonight", Time, "1998-04-08TNI");
    one(
        "He was released on Tuesday.",
        d,
        "Tuesday",
        Date,
        "1998-04-07",
    );
    one(
        "He will be released on Friday.",
        d,
        "Friday",
        Date,
        "1998-04-10",
    );
    // A scheduled future ("is to", "due to") points ahead; a capitalised name ending in
    // "-ed" ("United States") is no past-tense verb.
    one(
        "Trading is to resume in Paris Friday.",
        d,
        "Friday",
        Date,
        "1998-04-10",
    );
    one(
        "On Friday, the National Abortion and Reproductive Rights Action League plans to march.",
        d,
        "Friday",
        Date,
        "1998-04-10",
    );
    one(
        "Officials postponed until Friday any action.",
        d,
        "Friday",
        Date,
        "1998-04-10",
    );
    one(
        "Until Monday, they had not called him.",
        d,
        "Monday",
        Date,
        "1998-04-06",
    );
    one(
        "It had been due to expire Monday.",
        d,
        "Monday",
        Date,
        "1998-04-06",
    );
    one(
        "She would be traveling to the United States Friday.",
        d,
        "Friday",
        Date,
        "1998-04-10",
    );
    one(
        "He was detained last week.",
        d,
        "last week",
        Date,
        "1998-W14",
    );
    one(
        "The trial opens this month.",
        d,
        "this month",
        Date,
        "1998-04",
    );
    one(
        "He was arrested earlier this year.",
        d,
        "earlier this year",
        Date,
        "1998",
    );
    one(
        "He was freed one year ago.",
        d,
        "one year ago",
        Date,
        "1997",
    );
    one("He was seen last month", d, "last month", Date, "1998-03");
    one(
        "They rallied over the weekend",
        d,
        "the weekend",
        Date,
        "1998-W14-WE",
    );
    one(
        "They will rally this weekend",
        d,
        "this weekend",
        Date,
        "1998-W15-WE",
    );
    one(
        "He had been arrested the day before.",
        d,
        "the day before",
        Date,
        "1998-04-07",
    );
    one("They met next year", d, "next year", Date, "1999");
    one(
        "It has grown over the past week.",
        d,
        "the past week",
        Date,
        "1998-W14",
    );
}

#[test]
fn gaps_between_events_are_durations_as_in_timeml() {
    // TimeML (and the TempEval gold) read "two days later" as the duration "two days"; the date
    // it implies belongs to event ordering, not to the time expression.
    let got = found(
        "He was detained on 27 February and charged two days later.",
        dct(),
    );
    assert_eq!(got[0].2, "1998-02-27");
    assert_eq!(got[1], ("two days".into(), Duration, "P2D".into()));
    one(
        "profit rose from a year earlier",
        dct(),
        "a year earlier",
        Date,
        "1997",
    );
}

#[test]
fn the_following_year_counts_from_the_year_the_text_stated() {
    // "In 2010 ... the following year" is 2011 whatever the document date: the narrative's
    // year, not the report's.
    let got = found(
        "In 2010 the authorities promised reform. However, the following year the president \
         moved the prisons back to the ministry.",
        dct(),
    );
    assert_eq!(got[1], ("the following year".into(), Date, "2011".into()));
    let got = found("In 1990 he was arrested. A year later he was freed.", dct());
    assert_eq!(got[1], ("A year later".into(), Date, "1991".into()));
    // With no year stated, the document's year is the base.
    one(
        "They met the following year",
        dct(),
        "the following year",
        Date,
        "1999",
    );
}

#[test]
fn a_year_stated_earlier_in_the_sentence_carries_over() {
    let got = found(
        "In 1997 he spent three months in detention after a protest on 30 May. He was freed on 2 May.",
        dct(),
    );
    assert_eq!(got[0].2, "1997");
    assert_eq!(got[2], ("30 May".into(), Date, "1997-05-30".into()));
    // further away, the sentence's year still wins over a date after the document date
    let far = found(
        "Indeed, in 1997 he had spent three and a half months in pre-trial detention in relation \
         to an opposition demonstration in front of Almaty City Council on 30 May.",
        dct(),
    );
    assert_eq!(far.last().unwrap().2, "1997-05-30");
    // a new sentence starts from the document date again
    assert_eq!(got[3], ("2 May".into(), Date, "1998-05-02".into()));
}

#[test]
fn references() {
    let d = dct();
    one("Recently, police raided", d, "Recently", Date, "PAST_REF");
    one("He is now in prison", d, "now", Date, "PRESENT_REF");
    one("He is currently held", d, "currently", Date, "PRESENT_REF");
    one(
        "in the coming weeks",
        d,
        "the coming weeks",
        Date,
        "FUTURE_REF",
    );
    one("in the past, police", d, "the past", Date, "PAST_REF");
    one(
        "in the near future",
        d,
        "the near future",
        Date,
        "FUTURE_REF",
    );
}

#[test]
fn durations() {
    let d = dct();
    one(
        "sentenced to seven and a half years",
        d,
        "seven and a half years",
        Duration,
        "P7Y6M",
    );
    one(
        "held for three and a half months",
        d,
        "three and a half months",
        Duration,
        "P3M15D",
    );
    one("held for 10 days", d, "10 days", Duration, "P10D");
    one("for two months", d, "two months", Duration, "P2M");
    one("a hunger strike of 44 days", d, "44 days", Duration, "P44D");
    one(
        "in exile for more than a decade",
        d,
        "more than a decade",
        Duration,
        "P10Y",
    );
    one("a five-year term", d, "five-year", Duration, "P5Y");
    one("for a few days", d, "a few days", Duration, "PXD");
    one(
        "rose in the past two months",
        d,
        "the past two months",
        Duration,
        "P2M",
    );
    one("half an hour", d, "half an hour", Duration, "PT30M");
    one("2 1/2 years", d, "2 1/2 years", Duration, "P2Y6M");
}

#[test]
fn times_of_day() {
    let d = dct();
    one("at 3 p.m. police", d, "3 p.m.", Time, "1998-04-08T15:00");
    one(
        "at 10:35 a.m. EST",
        d,
        "10:35 a.m. EST",
        Time,
        "1998-04-08T10:35",
    );
    one("at 15:00 the", d, "15:00", Time, "1998-04-08T15:00");
    one("in court at midday", d, "midday", Time, "1998-04-08T12:00");
    one(
        "He leaves at 4 in the morning",
        d,
        "4 in the morning",
        Time,
        "1998-04-08T04:00",
    );
    one(
        "open until 9 in the evening",
        d,
        "9 in the evening",
        Time,
        "1998-04-08T21:00",
    );
    one(
        "will meet at noon Thursday",
        d,
        "noon Thursday",
        Time,
        "1998-04-09T12:00",
    );
    // A weekday's morning or evening is that day's part (TimeML's `TMO`, `EV`), a DATE as
    // TimeBank has it; its night is the day itself, as most of the gold writes it.
    one(
        "was seen Friday morning",
        d,
        "Friday morning",
        Date,
        "1998-04-03TMO",
    );
    one(
        "had been due to expire Friday evening",
        d,
        "Friday evening",
        Date,
        "1998-04-03TEV",
    );
    one(
        "was seen Friday night",
        d,
        "Friday night",
        Date,
        "1998-04-03",
    );
    one(
        "was seen yesterday morning",
        d,
        "yesterday morning",
        Time,
        "1998-04-07TMO",
    );
    one(
        "was seen last night",
        d,
        "last night",
        Time,
        "1998-04-07TNI",
    );
}

#[test]
fn sets() {
    let d = dct();
    one("He must report every week", d, "every week", Set, "P1W");
    one("a weekly vigil", d, "weekly", Set, "P1W");
    one("checked daily", d, "daily", Set, "P1D");
    one("every Monday", d, "every Monday", Set, "XXXX-WXX-1");
    one("twice a year", d, "twice a year", Set, "P1Y");
}

#[test]
fn day_and_month_without_year_lean_by_tense() {
    let d = dct();
    one(
        "He was detained by police on 27 February",
        d,
        "27 February",
        Date,
        "1998-02-27",
    );
    one(
        "He was detained on 7 November",
        d,
        "7 November",
        Date,
        "1997-11-07",
    );
    one("on 7 November", d, "7 November", Date, "1997-11-07");
    one(
        "on 7 November 1997",
        d,
        "7 November 1997",
        Date,
        "1997-11-07",
    );
    one("He will be tried on 5 May", d, "5 May", Date, "1998-05-05");
    one(
        "The verdict is expected on 2 January",
        d,
        "2 January",
        Date,
        "1999-01-02",
    );
}

#[test]
fn no_dct_means_no_invented_year() {
    one("On 9 January he was", None, "9 January", Date, "XXXX-01-09");
    one("yesterday", None, "yesterday", Date, "XXXX-XX-XX");
    one("last week", None, "last week", Date, "XXXX-WXX");
    one("last year", None, "last year", Date, "XXXX");
    one("on Tuesday", None, "Tuesday", Date, "XXXX-WXX-2");
    one("in 1997", None, "1997", Date, "1997");
    let year_only = Some(PartialDate::y(1998));
    one("last year", year_only, "last year", Date, "1997");
    one("yesterday", year_only, "yesterday", Date, "XXXX-XX-XX");
}

#[test]
fn ordinary_words_are_not_dates() {
    let d = dct();
    for text in [
        "You may go.",
        "They march on the capital.",
        "Prices fall in the market.",
        "He paid $1998 for it.",
        "The second witness spoke.",
        "In a sense, the decision stands.",
        "Article 318 of the Criminal Code",
        "1,998 people",
        "The offer is $4.1556 a share.",
        "the now-cancelled lease",
        "the soon-to-open terminal",
    ] {
        assert_eq!(found(text, d), vec![], "in {text:?}");
    }
}

#[test]
fn timeml_round_trip_keeps_the_text() {
    let input = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" \
                 value=\"1998-04-08\" temporalFunction=\"false\" \
                 functionInDocument=\"CREATION_TIME\">19980408</TIMEX3></DCT>\n<TEXT>\nHe was \
                 <EVENT eid=\"e1\" class=\"OCCURRENCE\">detained</EVENT> <TIMEX3 tid=\"t1\" \
                 type=\"DATE\" value=\"1998-04-07\">yesterday</TIMEX3> &amp; held for 10 days \
                 <SIGNAL sid=\"s1\">since</SIGNAL> 7 November.\n</TEXT>\n<TLINK lid=\"l1\"/>\n</TimeML>\n";
    let out = annotate_timeml(input).unwrap();
    let strip = |s: &str| -> String {
        let a = s.find("<TEXT>").unwrap();
        let b = s.rfind("</TEXT>").unwrap();
        let mut t = String::new();
        let mut inside = false;
        for c in s[a + 6..b].chars() {
            match c {
                '<' => inside = true,
                '>' => inside = false,
                c if !inside => t.push(c),
                _ => {}
            }
        }
        t
    };
    assert_eq!(strip(&out), strip(input));
    assert!(out.starts_with(&input[..input.find("<TEXT>").unwrap()]));
    assert!(out.ends_with("</TEXT>\n<TLINK lid=\"l1\"/>\n</TimeML>\n"));
    assert!(
        out.contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-04-07\">yesterday</TIMEX3>")
    );
    assert!(out.contains("<TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P10D\">10 days</TIMEX3>"));
    assert!(out.contains("value=\"1997-11-07\">7 November</TIMEX3>"));
    assert!(!out.contains("<EVENT") && !out.contains("<SIGNAL"));
    assert_eq!(dct_of_timeml(input), PartialDate::ymd(1998, 4, 8));
    assert_eq!(
        annotate_timeml("<TimeML></TimeML>"),
        Err(TimemlError::NoText)
    );
}

#[test]
fn the_crate_never_reads_the_clock() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut stack = vec![std::path::PathBuf::from(dir)];
    let mut seen = 0;
    // The forbidden names are assembled so this file does not match itself.
    let forbidden = [format!("{}()", "now"), format!("System{}", "Time")];
    while let Some(p) = stack.pop() {
        for entry in std::fs::read_dir(&p).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let src = std::fs::read_to_string(&path).unwrap();
                seen += 1;
                for f in &forbidden {
                    assert!(!src.contains(f.as_str()), "{} uses {f}", path.display());
                }
            }
        }
    }
    assert!(seen >= 5);
}

#[test]
fn records_use_character_offsets_for_json() {
    let text = "Тоқаев said on 9 January";
    let recs = records(text, None);
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    assert_eq!(
        text.chars()
            .skip(r.start)
            .take(r.end - r.start)
            .collect::<String>(),
        "9 January"
    );
    let json = serde_json::to_string(&recs).unwrap();
    assert_eq!(
        json,
        r#"[{"start":15,"end":24,"text":"9 January","type":"DATE","value":"XXXX-01-09"}]"#
    );
}

#[test]
fn holidays_and_years_in_words() {
    let d = dct();
    one(
        "He was freed at Christmas",
        d,
        "Christmas",
        Date,
        "1997-12-25",
    );
    one(
        "They met on Thanksgiving Day 1997",
        d,
        "Thanksgiving Day 1997",
        Date,
        "1997-11-27",
    );
    one(
        "rallies on New Year's Day",
        d,
        "New Year's Day",
        Date,
        "1998-01-01",
    );
    one(
        "born in nineteen ninety-six",
        d,
        "nineteen ninety-six",
        Date,
        "1996",
    );
    one(
        "on Easter Sunday",
        None,
        "Easter Sunday",
        Date,
        "XXXX-04-XX",
    );
    // the days that move with Easter (Easter 2020 was 12 April)
    let june_2020 = PartialDate::checked(Some(2020), Some(6), Some(3));
    one(
        "On Good Friday, soldiers arrived at his home.",
        june_2020,
        "Good Friday",
        Date,
        "2020-04-10",
    );
    one(
        "He was detained on Easter Monday.",
        june_2020,
        "Easter Monday",
        Date,
        "2020-04-13",
    );
    assert_eq!(found("a good friday night out", june_2020), vec![]);
    // a number, not a year
    assert_eq!(found("twelve hundred people", d), vec![]);
}

#[test]
fn quarters_halves_and_reporting_periods() {
    let d = dct();
    one("sales in Q3 2012 rose", d, "Q3 2012", Date, "2012-Q3");
    one(
        "in the first half of 1997",
        d,
        "the first half of 1997",
        Date,
        "1997-H1",
    );
    one("a third-quarter loss", d, "third-quarter", Date, "1997-Q3");
    let got = found(
        "Profit in the third quarter of 1997 rose from a year earlier.",
        d,
    );
    assert_eq!(got[1], ("a year earlier".into(), Date, "1996-Q3".into()));
    // A forecast for the quarter under way does not replace the quarter reported on.
    let nov = PartialDate::ymd(1989, 11, 2);
    let got = found(
        "Third-quarter profit rose. It expects fourth-quarter profit to fall. \
         Profit was $3 million a year ago.",
        nov,
    );
    assert_eq!(got[2], ("a year ago".into(), Date, "1988-Q3".into()));
    // After "the first nine months", "a year earlier" compares with last year's nine months:
    // the year, not a quarter.
    let got = found(
        "Third-quarter profit rose. For the nine months, net fell from a year earlier.",
        nov,
    );
    assert_eq!(got[1], ("the nine months".into(), Duration, "P9M".into()));
    assert_eq!(got[2], ("a year earlier".into(), Date, "1988".into()));
    let got = found(
        "Third-quarter sales rose. Sales for last year's quarter were $3 million.",
        nov,
    );
    assert_eq!(
        got[1],
        ("last year's quarter".into(), Date, "1988-Q3".into())
    );
    let got = found(
        "Third-quarter net rose. For the quarter a year ago, it earned $9 million.",
        nov,
    );
    assert_eq!(
        got[1],
        ("the quarter a year ago".into(), Date, "1988-Q3".into())
    );
}

#[test]
fn that_year_is_the_year_last_stated() {
    let got = found(
        "Imports totaled $37 million in 1988, a small share of imports that year.",
        dct(),
    );
    assert_eq!(got[1], ("that year".into(), Date, "1988".into()));
}

#[test]
fn an_ed_adjective_is_no_past_tense() {
    let d = PartialDate::ymd(1989, 10, 26);
    let got = found(
        "The split would be paid on a still unspecified date in January.",
        d,
    );
    assert_eq!(got, vec![("January".into(), Date, "1990-01".into())]);
}

#[test]
fn the_week_of_a_day_is_its_iso_week() {
    let d = PartialDate::ymd(2000, 2, 24);
    one(
        "a court hearing the week of March 6, he said",
        d,
        "the week of March 6",
        Date,
        "2000-W10",
    );
}

#[test]
fn unit_long_adjectives_are_durations() {
    let d = dct();
    one(
        "their third day-long meeting",
        d,
        "day-long",
        Duration,
        "P1D",
    );
    one(
        "settled its decades-long dispute",
        d,
        "decades-long",
        Duration,
        "PXY",
    );
}

#[test]
fn the_next_morning_follows_the_narrative() {
    let got = found(
        "He was arrested on 8 March. He appeared in court the next morning.",
        dct(),
    );
    assert_eq!(
        got[1],
        ("the next morning".into(), Time, "1998-03-09TMO".into())
    );
}

#[test]
fn the_same_day_is_the_narratives_day() {
    let got = found(
        "He was charged on 11 March. The same day, a court ordered his detention.",
        dct(),
    );
    assert_eq!(got[1], ("The same day".into(), Date, "1998-03-11".into()));
    // A month named in its own sentence moved the narrative: the day before it is not that day.
    let got = found(
        "He was charged on 11 March. In April he was detained and released the same day.",
        dct(),
    );
    assert_eq!(got[2].0, "the same day", "{got:?}");
    assert_ne!(got[2].2, "1998-03-11", "{got:?}");
    // Nor is the day before a trial told of in January 2010 the day before the document.
    let got = found(
        "At the trial in January 2010 the soldiers testified. The day before, she had been \
         picked up by the police.",
        dct(),
    );
    assert_eq!(got[1].0, "The day before", "{got:?}");
    assert!(!got[1].2.starts_with("1998"), "{got:?}");
}

#[test]
fn year_end_is_the_year() {
    let d = dct();
    one(
        "to complete the sale by year-end.",
        d,
        "year-end",
        Date,
        "1998",
    );
    one("in place by year's end", d, "year's end", Date, "1998");
    one("The change is since year-end.", d, "year-end", Date, "1997");
    assert_eq!(found("when year-end net was lower", d), vec![]);
}

#[test]
fn rates_ages_and_fractions_are_not_durations() {
    let d = dct();
    for text in [
        "700 seats a week",
        "a 6-year-old boy",
        "he is 55 years old",
        "a quarter of the votes",
        "three-quarters of them",
    ] {
        assert_eq!(found(text, d), vec![], "in {text:?}");
    }
    one("guarded 24 hours a day", d, "24 hours", Duration, "PT24H");
}

#[test]
fn long_runs_of_modifiers_do_not_exhaust_the_stack() {
    let text = "the early this last the mid- ".repeat(50_000);
    let _ = tag(&text, dct());
    let text = "the ".repeat(200_000) + "1990s";
    assert_eq!(tag(&text, dct()).len(), 1);
}

#[test]
fn market_and_wire_idioms() {
    let d = PartialDate::ymd(2008, 9, 18);
    one(
        "shares closed up 2% for the day",
        d,
        "the day",
        Date,
        "2008-09-18",
    );
    one(
        "fell over the past five trading days",
        d,
        "the past five trading days",
        Duration,
        "P5D",
    );
    one("at 16:08 UTC", d, "16:08 UTC", Time, "2008-09-18T16:08Z");
    one("at 0800 GMT", d, "0800 GMT", Time, "2008-09-18T08:00Z");
    one("music of the 80s", d, "the 80s", Date, "198");
    assert_eq!(found("the crash of Black Monday", d), vec![]);
    // a title line ending in a weekday does not run into the dateline below it
    let got = found("Markets fall on Friday\nSeptember 18, 2008", d);
    assert_eq!(got.len(), 2, "{got:?}");
}

#[test]
fn vague_periods() {
    let d = dct();
    // "recent years" is an era of the past; "recent weeks" a stretch up to now
    one(
        "As the yen soared in recent years, losses grew.",
        d,
        "recent years",
        Date,
        "PAST_REF",
    );
    one(
        "Prices fell in recent weeks.",
        d,
        "recent weeks",
        Duration,
        "PXW",
    );
    // "over the years", "in the early years": an unknown number of years
    one(
        "Over the years many more patients died.",
        d,
        "the years",
        Duration,
        "PXY",
    );
    one(
        "You don't save as many lives in the early years.",
        d,
        "the early years",
        Duration,
        "PXY",
    );
    assert!(found("It happened in the years 1990 to 1995.", d)
        .iter()
        .all(|(t, _, _)| t != "the years"));
    // vague counts of quarters are periods, not fractions
    one(
        "It turned a profit after several quarters of losses.",
        d,
        "several quarters",
        Duration,
        "PXQ",
    );
    assert!(found("a quarter of the votes", d).is_empty());
    assert!(found("three quarters of the members", d).is_empty());
}

#[test]
fn soon_in_past_narration_is_no_future() {
    let d = dct();
    assert!(found("He was soon released and went home.", d).is_empty());
    assert!(found("a trickle of cash that soon became a flood", d).is_empty());
    one(
        "He hoped to be released soon.",
        d,
        "soon",
        Date,
        "FUTURE_REF",
    );
    one(
        "The budget will soon move into surplus.",
        d,
        "soon",
        Date,
        "FUTURE_REF",
    );
}

#[test]
fn an_earlier_quarter_named_in_passing_keeps_the_reporting_quarter() {
    let d = PartialDate::ymd(1989, 11, 1);
    let got = found(
        "Net rose in the third quarter. After a flat second quarter, sales grew. \
         Tax rates were lower than a year ago.",
        d,
    );
    assert_eq!(got.last().unwrap().2, "1988-Q3", "{got:?}");
    // a fiscal quarter is another company's report: it becomes the period compared with
    let got = found(
        "Net rose in the third quarter. Armco earned $5 million in its fiscal second quarter, \
         down from $9 million a year ago.",
        d,
    );
    assert_eq!(got.last().unwrap().2, "1988-Q2", "{got:?}");
}

#[test]
fn previous_and_following_weekdays_move_from_the_narratives_date() {
    let d = dct();
    // 6 March 1998 was a Friday
    let got = found(
        "He was arrested on 6 March 1998 and charged the following Monday.",
        d,
    );
    assert_eq!(
        got[1],
        (
            "the following Monday".to_string(),
            Date,
            "1998-03-09".to_string()
        )
    );
    let got = found(
        "Stocks closed on 6 March 1998 down 4.5% from the previous Friday.",
        d,
    );
    assert_eq!(
        got[1],
        (
            "the previous Friday".to_string(),
            Date,
            "1998-02-27".to_string()
        )
    );
    // with no date named, from the document date (Wednesday 8 April 1998)
    one(
        "He had met them the previous Friday.",
        d,
        "the previous Friday",
        Date,
        "1998-04-03",
    );
}

#[test]
fn the_same_period_a_year_back_keeps_the_named_month() {
    let d = PartialDate::ymd(2010, 3, 3);
    let got = found(
        "Sales rose 43% in February compared to the same period last year.",
        d,
    );
    assert_eq!(got[1].2, "2009-02", "{got:?}");
    let got = found(
        "Sales fell 35% in January, compared to the same month a year ago.",
        d,
    );
    assert_eq!(got[1].2, "2009-01", "{got:?}");
    // with no month named, the year
    let got = found("Sales rose compared to the same period last year.", d);
    assert_eq!(got[0].2, "2009", "{got:?}");
}

#[test]
fn weekdays_with_a_plural_part_of_day_are_sets() {
    let d = dct();
    assert_eq!(
        found(
            "Flights leave on Monday and Tuesday nights from March 30.",
            d
        )[..2],
        [
            ("Monday".to_string(), Set, "XXXX-WXX-1TNI".to_string()),
            (
                "Tuesday nights".to_string(),
                Set,
                "XXXX-WXX-2TNI".to_string()
            ),
        ]
    );
    one(
        "He teaches on Sunday mornings.",
        d,
        "Sunday mornings",
        Set,
        "XXXX-WXX-7TMO",
    );
    // one night only: two dates
    assert_eq!(
        found("They met on Monday and Tuesday night.", d),
        [
            ("Monday".to_string(), Date, "1998-04-06".to_string()),
            ("Tuesday night".to_string(), Date, "1998-04-07".to_string()),
        ]
    );
}

#[test]
fn a_past_clock_time_is_on_the_narratives_date() {
    let d = dct();
    let got = found(
        "The bombs exploded on Friday, 3 April 1998. The blast in Nairobi occurred at 10:35 a.m.",
        d,
    );
    assert_eq!(got.last().unwrap().2, "1998-04-03T10:35", "{got:?}");
    // a time still to come is on the document date
    let got = found(
        "The bombs exploded on Friday, 3 April 1998. The minister will speak at 3 p.m.",
        d,
    );
    assert_eq!(got.last().unwrap().2, "1998-04-08T15:00", "{got:?}");
}

#[test]
fn the_nth_day_of_something_said_in_the_present_is_today() {
    let d = dct();
    one(
        "In Saudi Arabia, this is the eighth day of the operation.",
        d,
        "the eighth day",
        Date,
        "1998-04-08",
    );
    let got = found("It's the second day of an offensive by the police.", d);
    assert_eq!(
        got,
        [("the second day".to_string(), Date, "1998-04-08".to_string())]
    );
    // in the past it is not today, and a month is not a day
    assert!(found("It was the third consecutive month of growth.", d).is_empty());
    assert!(found("He did so on his first day in office.", d).is_empty());
}

#[test]
fn a_decimal_point_does_not_end_the_sentence_for_tense() {
    let text = "The shares rose to $12.50 in March. Then they fell.";
    let toks = tokens::tokenize(text);
    let g = G::new(text, &toks);
    let dots: Vec<bool> = (0..toks.len())
        .filter(|&k| g.s(k) == ".")
        .map(|k| is_boundary(&g, &toks, k))
        .collect();
    // the decimal point is inside the clause; the full stop after "March" ends it
    assert_eq!(dots, vec![false, true, true]);
}

#[test]
fn a_month_with_no_tense_cue_leans_to_the_past() {
    // October 30: March 1989 is seven months back, March 1990 four ahead; a report tells of
    // what happened, so the past wins unless the future is much nearer
    let got = found(
        "A high of $42 in June from $29 in March.",
        PartialDate::ymd(1989, 10, 30),
    );
    assert_eq!(got[0].2, "1989-06", "{got:?}");
    assert_eq!(got[1].2, "1989-03", "{got:?}");
    // a month just ahead is still the coming one
    one(
        "Talks in December.",
        PartialDate::ymd(1989, 10, 30),
        "December",
        Date,
        "1989-12",
    );
}

#[test]
fn a_range_marks_both_ends() {
    let d = dct();
    let got = found("The summit is on June 24 and 25.", d);
    assert_eq!(
        got,
        vec![
            ("June 24".to_string(), Date, "1998-06-24".to_string()),
            ("25".to_string(), Date, "1998-06-25".to_string()),
        ]
    );
    let got = found("Repairs take between two to six days, officials said.", d);
    assert_eq!(
        got,
        vec![
            ("two".to_string(), Duration, "P2D".to_string()),
            ("six days".to_string(), Duration, "P6D".to_string()),
        ]
    );
    let got = found("The review will take 60 and 90 days respectively.", d);
    assert_eq!(got[0], ("60".to_string(), Duration, "P60D".to_string()));
    // not a range: a count of people, money, a decimal
    let got = found("On June 3 and 25 people died.", d);
    assert_eq!(got.len(), 1, "{got:?}");
    let got = found("It cost $5 to 10 dollars a day over 2.5 to 3 years.", d);
    assert!(got.iter().all(|t| t.0 != "5"), "{got:?}");
}

#[test]
fn march_and_may_before_a_noun_are_months() {
    let d = dct();
    one("The May elections were calm.", d, "May", Date, "1998-05");
    assert!(found("The March on the capital was peaceful.", d).is_empty());
    assert!(found("The march lasted long.", d).is_empty());
}

#[test]
fn vague_references_in_set_phrases() {
    let d = dct();
    one(
        "He would not travel at this crucial moment.",
        d,
        "this crucial moment",
        Date,
        "PRESENT_REF",
    );
    one(
        "The plant will stay shut for the time being.",
        d,
        "the time being",
        Date,
        "PRESENT_REF",
    );
    one(
        "Losses will shrink in future years.",
        d,
        "future years",
        Date,
        "FUTURE_REF",
    );
    one(
        "It will be financed at a later date.",
        d,
        "a later date",
        Date,
        "FUTURE_REF",
    );
    one(
        "They want the ban lifted as soon as possible.",
        d,
        "as soon as possible",
        Date,
        "FUTURE_REF",
    );
    one(
        "Holders could buy at half the then-current price.",
        d,
        "then-current",
        Date,
        "PAST_REF",
    );
    // not references: "future" before a non-time noun, "as soon as" a conjunction
    assert!(found("Future growth is uncertain.", d).is_empty());
    assert!(found("Call as soon as they land.", d).is_empty());
}

#[test]
fn the_day_before_a_stated_day() {
    let d = dct();
    // Tuesday 7 April 1998 is "last Tuesday" on Wednesday the 8th
    one(
        "The day before last Tuesday's hearing, they met.",
        d,
        "The day before last Tuesday",
        Date,
        "1998-04-06",
    );
    one(
        "Talks resume the day after June 3.",
        d,
        "the day after June 3",
        Date,
        "1998-06-04",
    );
}

#[test]
fn for_the_year_before_an_amount_is_this_year() {
    one(
        "The stock reached a high for the year of $42 on heavy trading.",
        PartialDate::ymd(1989, 10, 30),
        "the year",
        Date,
        "1989",
    );
}

#[test]
fn the_week_alone_is_a_week_of_the_year() {
    let d = PartialDate::ymd(1989, 10, 30);
    one(
        "For the week, the index dropped 3.8%.",
        d,
        "the week",
        Date,
        "1989-WXX",
    );
    // named weeks keep their number
    one(
        "The index dropped 3.8% last week.",
        d,
        "last week",
        Date,
        "1989-W43",
    );
    one(
        "For the week, the index dropped.",
        None,
        "the week",
        Date,
        "XXXX-WXX",
    );
}

#[test]
fn a_title_in_quotes_is_not_a_time() {
    let d = dct();
    assert!(found("He said on NBC's \"This Week,\" that talks would go on.", d).is_empty());
    assert!(found("She spoke on CBS's ''60 Minutes.'' on air", d).is_empty());
    assert!(found("a still from the film ``High Noon.''", d).is_empty());
    // a quotation that opens with a time is still one
    one(
        "``Last Tuesday, we met,'' he said.",
        d,
        "Last Tuesday",
        Date,
        "1998-04-07",
    );
    one(
        "``Today, I'm here,'' he said.",
        d,
        "Today",
        Date,
        "1998-04-08",
    );
}

#[test]
fn half_of_a_decade_is_the_decade_and_year_earlier_months_a_stretch() {
    let d = PartialDate::ymd(1989, 10, 26);
    one(
        "Sales have slowed in the last half of the '80s.",
        d,
        "the last half of the '80s",
        Date,
        "198",
    );
    one(
        "Prices doubled in the first half of the 1970s.",
        d,
        "the first half of the 1970s",
        Date,
        "197",
    );
    one(
        "Net for the year-earlier nine months included a gain.",
        d,
        "the year-earlier nine months",
        Duration,
        "P9M",
    );
}

#[test]
fn a_month_of_another_year_does_not_move_the_reporting_period() {
    let got = found(
        "Net fell in the third quarter. The company changed to a calendar year in December. \
         In the year-ago quarter, it lost money.",
        PartialDate::ymd(1989, 10, 27),
    );
    assert_eq!(got[2].2, "1988-12", "{got:?}");
    assert_eq!(got.last().unwrap().2, "1988-Q3", "{got:?}");
}

#[test]
fn the_quarter_ended_a_day_is_the_calendar_quarter_holding_it() {
    let d = PartialDate::ymd(1989, 10, 30);
    let got = found("In the quarter ended July 31, sales rose.", d);
    assert_eq!(
        got[0],
        ("the quarter".to_string(), Date, "1989-Q2".to_string())
    );
    let got = found("For the quarter ended Sept. 30, it earned $5 million.", d);
    assert_eq!(got[0].2, "1989-Q3", "{got:?}");
    // without a document date no year is guessed
    let got = found("In the quarter ended July 31, sales rose.", None);
    assert!(!got[0].2.starts_with("19"), "{got:?}");
}

#[test]
fn a_stretch_of_unsaid_length() {
    let d = dct();
    one(
        "They will have to live without it for a while.",
        d,
        "a while",
        Duration,
        "PXX",
    );
    one(
        "Troops will stay for a fairly lengthy period.",
        d,
        "a fairly lengthy period",
        Duration,
        "PXX",
    );
    // "once in a while" is a frequency, not a stretch: "a while" needs "for"
    assert!(found("Once in a while it rains.", d).is_empty());
}

#[test]
fn a_holidays_week_is_its_iso_week() {
    // Easter 2000 was Sunday 23 April, the last day of ISO week 16
    one(
        "Protesters prayed as Easter week began.",
        PartialDate::ymd(2000, 4, 17),
        "Easter week",
        Date,
        "2000-W16",
    );
    one(
        "Shops expect a quiet Christmas week.",
        PartialDate::ymd(1998, 12, 1),
        "Christmas week",
        Date,
        "1998-W52",
    );
}

#[test]
fn the_first_two_quarters_of_a_year_are_its_first_half() {
    let d = PartialDate::ymd(1989, 10, 26);
    one(
        "Demand will stay weak through the first two quarters of 1990.",
        d,
        "the first two quarters of 1990",
        Date,
        "1990-H1",
    );
    // without a year it stays a stretch of two quarters
    one(
        "Demand fell in the first two quarters.",
        d,
        "the first two quarters",
        Duration,
        "P2Q",
    );
}

#[test]
fn a_date_restated_after_a_comma_is_one_expression() {
    // 8 March 1998 was a Sunday
    one(
        "Women's Day is this coming Sunday, March eighth.",
        PartialDate::ymd(1998, 3, 5),
        "this coming Sunday, March eighth",
        Date,
        "1998-03-08",
    );
    // two different dates stay two
    let got = found(
        "They met last Friday, March 20.",
        PartialDate::ymd(1998, 3, 5),
    );
    assert_eq!(got.len(), 2, "{got:?}");
}

#[test]
fn the_weeks_ahead_are_a_stretch_of_unsaid_length() {
    one(
        "Funds may sell bonds in the weeks ahead.",
        dct(),
        "the weeks ahead",
        Duration,
        "PXW",
    );
}

#[test]
fn today_as_the_present_age_or_a_name_is_not_the_day() {
    let d = dct();
    assert!(found("Music shapes today's youth.", d).is_empty());
    assert!(found("Prices matter in today's world.", d).is_empty());
    assert!(found("Many of today's tractors run on diesel.", d).is_empty());
    assert!(found("He told USA Today he would stay.", d).is_empty());
    // the day itself stays
    one(
        "The vote is in today's papers.",
        d,
        "today",
        Date,
        "1998-04-08",
    );
    one("Today the court sat.", d, "Today", Date, "1998-04-08");
}

#[test]
fn a_rate_per_period_is_not_a_set() {
    let d = dct();
    assert!(found("Sales should grow 7% annually.", d).is_empty());
    assert!(found("The mill makes 4,000 tonnes annually.", d).is_empty());
    assert!(found("It pays C$3 million annually.", d).is_empty());
    // a frequency of an event stays
    one("The council meets weekly.", d, "weekly", Set, "P1W");
    one("Rallies are held annually.", d, "annually", Set, "P1Y");
}

#[test]
fn high_noon_is_an_idiom() {
    assert!(found("For the villagers, high noon has come.", dct()).is_empty());
    one("They met at noon.", dct(), "noon", Time, "1998-04-08T12:00");
}

#[test]
fn in_n_years_ahead_is_a_date() {
    let d = dct();
    one(
        "The bonds will be repaid in three years.",
        d,
        "three years",
        Date,
        "2001",
    );
    one(
        "The plant will reopen in 2 months.",
        d,
        "2 months",
        Date,
        "1998-06",
    );
    // in past narration it is the stretch
    one(
        "Sales doubled in three years.",
        d,
        "three years",
        Duration,
        "P3Y",
    );
}

#[test]
fn now_turning_the_discourse_is_not_the_present() {
    let d = dct();
    assert!(found("Now, the lawyer says, the case is weak.", d).is_empty());
    one("Now the court is closed.", d, "Now", Date, "PRESENT_REF");
    one(
        "The court is now closed, he said.",
        d,
        "now",
        Date,
        "PRESENT_REF",
    );
}

#[test]
fn a_sentence_opening_date_takes_the_tense_of_a_late_verb() {
    // the verb ("destroyed") comes after a long stretch; the past January, not the coming one
    let got = found(
        "In January, a week after the tenth anniversary of the founding of the town's first \
         cooperative bakery on the river bank, a fire destroyed the plant.",
        PartialDate::ymd(1998, 10, 25),
    );
    assert_eq!(got[0].2, "1998-01", "{got:?}");
}

#[test]
fn a_quotation_opens_a_new_sentence() {
    // "lost" belongs to the next sentence: May with no cue is the coming one
    let got = found(
        "The appeal is heard in May.  ``They lost,'' he said.",
        dct(),
    );
    assert_eq!(got[0].2, "1998-05", "{got:?}");
}

#[test]
fn a_clock_time_in_future_narration_is_on_the_coming_day_named() {
    let got = found(
        "He will travel to Geneva on Friday.  ``He will leave at 6 in the morning,'' she said.",
        dct(),
    );
    assert_eq!(got[1].2, "1998-04-10T06:00", "{got:?}");
}

#[test]
fn in_the_morning_of_a_past_account_is_the_narrative_day() {
    // 1998-04-03 was a Friday
    let got = found(
        "The strike ended Friday. Workers returned in the morning to restart the line.",
        dct(),
    );
    assert_eq!(got[1].0, "the morning", "{got:?}");
    assert_eq!(got[1].2, "1998-04-03TMO", "{got:?}");
    // a habit is no time of any day
    assert!(found("I usually run in the morning.", dct()).is_empty());
}

#[test]
fn the_day_stays_on_the_last_day_named_after_a_year_compared_with() {
    // "a year ago" names a year; "later in the day" is still Tuesday's
    let got = found(
        "The firm said on Tuesday that sales rose 5% from a year ago. Its shares fell \
         later in the day.",
        dct(),
    );
    assert_eq!(got.last().unwrap().2, "1998-04-07", "{got:?}");
}

#[test]
fn in_a_year_or_two_is_a_vague_future() {
    one(
        "You may, in a year or two, see the results.",
        dct(),
        "a year or two",
        Date,
        "FUTURE_REF",
    );
}

#[test]
fn most_recently_before_a_date_leaves_the_date_alone() {
    one(
        "Three were detained, most recently last October.",
        dct(),
        "last October",
        Date,
        "1997-10",
    );
}

#[test]
fn now_for_opens_a_new_item() {
    assert!(found("Now for the weather.", dct()).is_empty());
}

#[test]
fn an_average_per_period_is_a_rate() {
    assert!(found("Its average daily output is 300 tonnes.", dct()).is_empty());
    one("Trains leave daily.", dct(), "daily", Set, "P1D");
}

#[test]
fn this_quarters_results_are_the_reported_quarter() {
    // in November the third quarter is over and is the one the report is about
    let d = PartialDate::ymd(1989, 11, 1);
    let got = found(
        "Net fell in the third quarter. This quarter's loss includes a charge.",
        d,
    );
    assert_eq!(got[1].2, "1989-Q3", "{got:?}");
    // with no report in force it is the quarter under way
    one(
        "This quarter looks weak.",
        d,
        "This quarter",
        Date,
        "1989-Q4",
    );
}

#[test]
fn a_clock_time_after_a_month_named_is_on_the_last_day_named() {
    // no document date: the dateline's day, not the month named after it
    let got = found(
        "Plane flies May 4, 2005. It was shown in January 2005. The take-off, at 08:30 UTC, \
         was normal.",
        None,
    );
    assert_eq!(got[2].2, "2005-05-04T08:30Z", "{got:?}");
}

#[test]
fn overnight_is_the_night_before_the_narrative_day() {
    // 1998-04-03 was a Friday: New York's night before is Thursday's
    let got = found(
        "London shares fell Friday, hurt by overnight losses in New York.",
        dct(),
    );
    assert_eq!(got[1].0, "overnight", "{got:?}");
    assert_eq!(got[1].2, "1998-04-02TNI", "{got:?}");
}

#[test]
fn a_range_never_takes_its_first_number_from_the_expression_before() {
    // Found by `scripts/fuzz timex`: "Mar 3-0 year" tagged "Mar 3" and, inside it, "3" as the
    // first number of a range "3-0 year". Spans must never overlap.
    for text in ["alb-01- Mar 3-0 year year", "On Mar 3-5 years were added."] {
        let got = tag(text, Some(PartialDate::ymd(1998, 4, 8).unwrap()));
        for pair in got.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start, "{text:?}: {got:?}");
        }
    }
    // A range of its own keeps its first number.
    let got = found("He was held for two to six days.", dct());
    assert_eq!(got[0].0, "two", "{got:?}");
}

#[test]
fn a_blank_line_ends_the_sentence_without_a_full_stop() {
    // A tweet's date line has no full stop; the year it states is not the year of the next
    // paragraph's month, which leans to the past of the document date as usual.
    let d = PartialDate::checked(Some(2021), Some(1), Some(8));
    let after = |sep: &str| {
        let text = format!(
            "— FreeChineseFeminists (@FeministChina) January 7, 2021{sep}In the aftermath of \
             Xianzi’s December trial, The Economist wrote about it."
        );
        found(&text, d).last().map(|(_, _, v)| v.clone())
    };
    assert_eq!(after("\n\n").as_deref(), Some("2020-12"));
    assert_eq!(after(".\n\n").as_deref(), Some("2020-12"));
    // in one sentence, the year stated just before still dates the month
    assert_eq!(after(" and in ").as_deref(), Some("2021-12"));
}

#[test]
fn a_number_naming_a_law_or_a_resolution_is_no_year() {
    let got = found(
        "He was charged under Law 1055 and Law No. 1042, as Decree 1998 of 1999 allows. \
         Resolution 2334 was adopted in 2016 under the Terrorism Act 2000.",
        dct(),
    );
    let values: Vec<&str> = got.iter().map(|(_, _, v)| v.as_str()).collect();
    assert_eq!(values, ["1999", "2016", "2000"], "{got:?}");
}
