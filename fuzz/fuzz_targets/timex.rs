//! Time expressions against a document date, and the `PartialDate` parser used for publication
//! dates (sidecars, `--published`, TimeML DCTs).
#![no_main]

use casefile_model::PartialDate;
use casefile_timex::{records, tag};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first four bytes choose the document date (year, month, day, granularity), the rest is
    // the text; so every text is tried against full, partial and unknown DCTs.
    let (dct, rest) = if data.len() >= 4 {
        let year = 1900 + i32::from(u16::from_le_bytes([data[0], data[1]]) % 300);
        let month = data[2] % 13;
        let day = data[3] % 32;
        let dct = match data[3] >> 6 {
            0 => None,
            1 => Some(PartialDate::y(year)),
            2 => PartialDate::ym(year, month.max(1)),
            _ => PartialDate::ymd(year, month.max(1), day.max(1)),
        };
        (dct, &data[4..])
    } else {
        (None, data)
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };

    if let Ok(d) = text.parse::<PartialDate>() {
        assert_eq!(PartialDate::checked(d.year, d.month, d.day), Some(d));
        assert_eq!(
            d.to_string().parse::<PartialDate>(),
            Ok(d),
            "{d:?} round-trips"
        );
    }

    let found = tag(text, dct);
    let mut last_end = 0;
    for t in &found {
        let s = t.span;
        assert!(
            s.start < s.end && s.end <= text.len(),
            "span {s:?} outside the text"
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "span {s:?} splits a character"
        );
        assert!(s.start >= last_end, "spans overlap or are out of order");
        last_end = s.end;
        assert_eq!(
            t.text,
            text[s.start..s.end],
            "surface form is the spanned text"
        );
        assert!(!t.value.is_empty(), "empty value for {:?}", t.text);
    }
    // records() gives the same expressions with character offsets (what the scorers read).
    let recs = records(text, dct);
    assert_eq!(recs.len(), found.len(), "records() and tag() agree");
    for (r, t) in recs.iter().zip(&found) {
        assert_eq!(r.text, t.text);
        assert_eq!(
            r.start,
            text[..t.span.start].chars().count(),
            "character offset"
        );
        assert_eq!(r.end - r.start, t.text.chars().count(), "character length");
    }
});
