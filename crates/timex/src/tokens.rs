//! A cheap tokenizer for the time-expression grammar, and the lexicon that tags each token.
//!
//! Words are runs of letters, numbers runs of ASCII digits, everything else one character: "1990s"
//! is `1990` + `s`, "a.m." is `a . m .`, "third-quarter" is `third - quarter`. Whether two tokens
//! touch (no space between) is kept, so the grammar can tell "14th" from "14 th". The lexicon is a
//! single hash lookup per word, which is also the prefilter: only positions whose token can start
//! a time expression are handed to the grammar.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Punct,
}

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

/// What the lexicon knows about a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    None,
    /// A month name; `true` when it is an abbreviation ("Dec", "Sept").
    Month(u8, bool),
    /// ISO weekday 1–7; plural ("Tuesdays") in the second field.
    Weekday(u8, bool),
    /// A number word ("seven", "twenty", "hundred", "dozen").
    NumWord(u32),
    /// An ordinal word ("first", "third", "twenty-first" is two tokens).
    Ordinal(u8),
    /// A unit noun; plural in the second field.
    Unit(Unit, bool),
    /// Spring 1, summer 2, fall 3, winter 4.
    Season(u8, bool),
    /// yesterday -1, today 0, tomorrow 1.
    DayWord(i8),
    /// tonight.
    Tonight,
    /// A part of the day (TimeML code).
    PartOfDay(&'static str),
    /// last, next, this, past, coming, previous, following, current, …
    Rel(Rel),
    /// A word that is a reference by itself: now, currently, recently, …
    Ref(&'static str),
    /// early, late, mid, …
    Mod,
    /// about, nearly, almost, some, roughly, …
    Approx,
    /// ago
    Ago,
    /// earlier
    Earlier,
    /// later
    Later,
    /// daily, weekly, … (SET value)
    SetAdv(&'static str),
    /// every, each
    Every,
    /// "a", "an"
    A,
    /// "the"
    The,
    Half,
    Fiscal,
    Noon,
    Midnight,
    /// Other words the grammar looks at but that start nothing.
    Glue,
    /// "decade" ordinal-like words for decades: "eighties" → 8.
    DecadeWord(u8),
    /// The first word of a holiday's name ("Christmas", "Thanksgiving", "New").
    Holiday,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    Last,
    Next,
    This,
    Past,
    Coming,
    Previous,
    Following,
    Current,
    Recent,
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub lex: Lex,
    /// The token touches the previous one (no space between).
    pub glued: bool,
}

/// The word lexicon, asked about every word of every text: FxHash, as SipHash's defence against
/// crafted keys buys nothing for our own fixed words and hashing was most of the lookup.
fn lexicon() -> &'static FxHashMap<&'static str, Lex> {
    static LEX: OnceLock<FxHashMap<&'static str, Lex>> = OnceLock::new();
    LEX.get_or_init(build_lexicon)
}

fn build_lexicon() -> FxHashMap<&'static str, Lex> {
    let mut m: FxHashMap<&'static str, Lex> = FxHashMap::default();
    for (word, n, abbreviated) in casefile_text::MONTH_NAMES {
        m.insert(word, Lex::Month(n, abbreviated));
    }
    let days = [
        ("monday", "mon", 1),
        ("tuesday", "tue", 2),
        ("wednesday", "wed", 3),
        ("thursday", "thu", 4),
        ("friday", "fri", 5),
        ("saturday", "sat", 6),
        ("sunday", "sun", 7),
    ];
    for (full, _abbr, n) in days {
        m.insert(full, Lex::Weekday(n, false));
    }
    for (w, n) in [
        ("mondays", 1),
        ("tuesdays", 2),
        ("wednesdays", 3),
        ("thursdays", 4),
        ("fridays", 5),
        ("saturdays", 6),
        ("sundays", 7),
    ] {
        m.insert(w, Lex::Weekday(n, true));
    }
    m.insert("tues", Lex::Weekday(2, false));
    m.insert("thurs", Lex::Weekday(4, false));
    let nums = [
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
        ("hundred", 100),
        ("thousand", 1000),
        ("dozen", 12),
    ];
    for (w, n) in nums {
        m.insert(w, Lex::NumWord(n));
    }
    let ords = [
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
        ("eleventh", 11),
        ("twelfth", 12),
        ("thirteenth", 13),
        ("fourteenth", 14),
        ("fifteenth", 15),
        ("sixteenth", 16),
        ("seventeenth", 17),
        ("eighteenth", 18),
        ("nineteenth", 19),
        ("twentieth", 20),
        ("thirtieth", 30),
    ];
    for (w, n) in ords {
        m.insert(w, Lex::Ordinal(n));
    }
    let units = [
        ("second", Unit::Second),
        ("minute", Unit::Minute),
        ("hour", Unit::Hour),
        ("day", Unit::Day),
        ("week", Unit::Week),
        ("weekend", Unit::Weekend),
        ("month", Unit::Month),
        ("quarter", Unit::Quarter),
        ("year", Unit::Year),
        ("decade", Unit::Decade),
        ("century", Unit::Century),
        ("millennium", Unit::Millennium),
    ];
    for (w, u) in units {
        // "second" stays an ordinal; the grammar reads it as a unit after a number.
        if w != "second" {
            m.insert(w, Lex::Unit(u, false));
        }
    }
    for (w, u) in [
        ("seconds", Unit::Second),
        ("minutes", Unit::Minute),
        ("mins", Unit::Minute),
        ("hours", Unit::Hour),
        ("hrs", Unit::Hour),
        ("days", Unit::Day),
        ("weeks", Unit::Week),
        ("weekends", Unit::Weekend),
        ("months", Unit::Month),
        ("quarters", Unit::Quarter),
        ("years", Unit::Year),
        ("yrs", Unit::Year),
        ("decades", Unit::Decade),
        ("centuries", Unit::Century),
        ("millennia", Unit::Millennium),
        ("fortnight", Unit::Week),
    ] {
        m.insert(w, Lex::Unit(u, true));
    }
    m.insert("fortnight", Lex::Unit(Unit::Week, false));
    for (w, n, pl) in [
        ("spring", 1, false),
        ("summer", 2, false),
        ("fall", 3, false),
        ("autumn", 3, false),
        ("winter", 4, false),
        ("springs", 1, true),
        ("summers", 2, true),
        ("autumns", 3, true),
        ("winters", 4, true),
    ] {
        m.insert(w, Lex::Season(n, pl));
    }
    m.insert("yesterday", Lex::DayWord(-1));
    m.insert("today", Lex::DayWord(0));
    m.insert("tomorrow", Lex::DayWord(1));
    m.insert("tonight", Lex::Tonight);
    for (w, c) in [
        ("morning", "MO"),
        ("afternoon", "AF"),
        ("evening", "EV"),
        ("night", "NI"),
        ("overnight", "NI"),
        ("midday", "MI"),
        ("mornings", "MO"),
        ("afternoons", "AF"),
        ("evenings", "EV"),
        ("nights", "NI"),
    ] {
        m.insert(w, Lex::PartOfDay(c));
    }
    for (w, r) in [
        ("last", Rel::Last),
        ("next", Rel::Next),
        ("this", Rel::This),
        ("past", Rel::Past),
        ("coming", Rel::Coming),
        ("upcoming", Rel::Coming),
        ("previous", Rel::Previous),
        ("preceding", Rel::Previous),
        ("prior", Rel::Previous),
        ("following", Rel::Following),
        ("current", Rel::Current),
        ("recent", Rel::Recent),
        ("latest", Rel::Last),
    ] {
        m.insert(w, Lex::Rel(r));
    }
    for (w, v) in [
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("presently", "PRESENT_REF"),
        ("nowadays", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("lately", "PAST_REF"),
        ("soon", "FUTURE_REF"),
        ("future", "FUTURE_REF"),
        ("present", "PRESENT_REF"),
    ] {
        m.insert(w, Lex::Ref(v));
    }
    for w in [
        "early",
        "late",
        "mid",
        "middle",
        "beginning",
        "end",
        "start",
    ] {
        m.insert(w, Lex::Mod);
    }
    // Modifiers TimeBank keeps inside the expression ("nearly two months", "at least 30 days");
    // "about", "over", "within", "only" stay outside, as in the gold.
    for w in [
        "nearly", "almost", "around", "at", "more", "less", "fewer", "no", "up", "over",
    ] {
        m.insert(w, Lex::Approx);
    }
    m.insert("ago", Lex::Ago);
    m.insert("earlier", Lex::Earlier);
    m.insert("later", Lex::Later);
    for (w, v) in [
        ("daily", "P1D"),
        ("nightly", "P1D"),
        ("weekly", "P1W"),
        ("biweekly", "P2W"),
        ("monthly", "P1M"),
        ("yearly", "P1Y"),
        ("annually", "P1Y"),
        ("hourly", "PT1H"),
    ] {
        m.insert(w, Lex::SetAdv(v));
    }
    m.insert("every", Lex::Every);
    m.insert("each", Lex::Every);
    m.insert("a", Lex::A);
    m.insert("an", Lex::A);
    m.insert("the", Lex::The);
    m.insert("half", Lex::Half);
    m.insert("fiscal", Lex::Fiscal);
    m.insert("noon", Lex::Noon);
    m.insert("midday", Lex::Noon);
    m.insert("midnight", Lex::Midnight);
    for w in [
        "christmas",
        "thanksgiving",
        "easter",
        "halloween",
        "new",
        "independence",
        "election",
        "labor",
        "memorial",
        "valentine",
        // "Good Friday"
        "good",
    ] {
        m.insert(w, Lex::Holiday);
    }
    for (w, n) in [
        ("twenties", 2),
        ("thirties", 3),
        ("forties", 4),
        ("fifties", 5),
        ("sixties", 6),
        ("seventies", 7),
        ("eighties", 8),
        ("nineties", 9),
    ] {
        m.insert(w, Lex::DecadeWord(n));
    }
    for w in [
        "of", "and", "few", "several", "couple", "many", "ago", "am", "pm", "o", "th", "st", "nd",
        "rd", "s", "in", "on", "from", "to", "that", "these", "final", "single", "same", "day",
        "years", "times", "once", "twice", "per", "other", "est", "edt", "gmt", "utc", "cst",
        "cdt", "pst", "pdt", "year", "as", "then",
    ] {
        m.entry(w).or_insert(Lex::Glue);
    }
    m
}

/// Looks a word up, case-insensitively, without allocating.
fn lookup(word: &str) -> Lex {
    let bytes = word.as_bytes();
    if bytes.len() > 12 || !bytes.is_ascii() {
        return Lex::None;
    }
    let mut buf = [0u8; 12];
    for (b, c) in buf.iter_mut().zip(bytes) {
        *b = c.to_ascii_lowercase();
    }
    // The buffer holds lowercase ASCII copied from valid ASCII, so it is UTF-8.
    let lower = std::str::from_utf8(&buf[..bytes.len()]).unwrap_or("");
    lexicon().get(lower).copied().unwrap_or(Lex::None)
}

/// Splits `text` into tokens with their lexicon tags.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut last_end = usize::MAX;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if b.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            kind = Kind::Num;
        } else if b.is_ascii_alphabetic()
            || (b >= 0x80 && text[i..].chars().next().is_some_and(char::is_alphabetic))
        {
            // Letters, ASCII or not: foreign words stay whole and no character is split.
            while i < bytes.len() {
                let c = bytes[i];
                if c.is_ascii_alphabetic() {
                    i += 1;
                } else if c >= 0x80 {
                    match text[i..].chars().next() {
                        Some(ch) if ch.is_alphabetic() => i += ch.len_utf8(),
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            kind = Kind::Word;
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            kind = Kind::Punct;
        }
        let lex = if kind == Kind::Word {
            lookup(&text[start..i])
        } else {
            Lex::None
        };
        out.push(Tok {
            start,
            end: i,
            kind,
            lex,
            glued: last_end == start,
        });
        last_end = i;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_numbers_words_and_marks() {
        let text = "the 1990s, 3 p.m. — Décembre";
        let toks = tokenize(text);
        let parts: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            parts,
            [
                "the",
                "1990",
                "s",
                ",",
                "3",
                "p",
                ".",
                "m",
                ".",
                "—",
                "Décembre"
            ]
        );
        assert!(toks[2].glued && !toks[1].glued);
        assert_eq!(toks[0].lex, Lex::The);
    }
}
