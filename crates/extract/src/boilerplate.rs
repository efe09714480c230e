//! The parts of a document that are not its report: reference lines ("AI INDEX: EUR 57/05/98"),
//! date lines, labels ("PUBLIC STATEMENT", "ENDS"), bylines, share and reply buttons, site
//! navigation and contact footers. No entity is read inside them.
//!
//! Ingest removes most of this from HTML; plain-text and Markdown reports (and what survives of
//! a web page's menu) keep it, so the readers recognise it by its shape: short lines in runs,
//! contact details, fixed phrases.

use casefile_model::Span;
use regex::Regex;
use std::sync::OnceLock;

/// A dateline opening a report: "NEW YORK (December 14, 2012)—", "KEMIR, 16 March 2023 —",
/// "Kemir / Geneva, 1 November 2023 -".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dateline {
    /// The whole dateline, dash included: no entity is read in it except its places.
    pub span: Span,
    /// The place names it opens with ("NEW YORK"; "Kemir" and "Geneva").
    pub places: [Option<Span>; 2],
}

/// What [`scan`] finds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Boilerplate {
    /// Byte ranges that are not the report, in order.
    pub masked: Vec<Span>,
    /// Datelines (their spans are also masked).
    pub datelines: Vec<Dateline>,
}

impl Boilerplate {
    /// True when `span` overlaps a masked range.
    pub fn masks(&self, span: &Span) -> bool {
        let i = self.masked.partition_point(|m| m.end <= span.start);
        self.masked.get(i).is_some_and(|m| m.overlaps(span))
    }
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("boilerplate pattern"))
}

/// Fixed phrases that make a whole line boilerplate. Those whose last word is any word (`\w`)
/// are checked apart, by `fixed_any_word`: a Unicode `\w` in the one pattern made it twice as
/// costly to build (≈ 1.6 ms, once per process).
const FIXED_PATTERN: &str = r"(?i)^(?:public statement|press release|news release|media release|for immediate release|ends[ .…/]*|end|share( icon| this( article| page| story)?)?:?|tweet|print|email|e-mail|facebook|twitter|whatsapp|telegram|linkedin|copy link|leave a (?:reply|comment)|comments?|related( articles| content| news)?:?|read more|more on this( topic)?|subscribe.*|donate|sign up.*|follow us.*|skip to (?:main )?content|menu|home|search|back to top|top|tags?:.*|categories?:.*|posted in .*|filed under .*|copyright .*|© .*|all rights reserved.*|\[?join our mailing list\]?(?:\(.*\))?|read the (?:letter|report|statement)\b.*)$";

/// Web addresses and telephone numbers. E-mail addresses, `[\w.+-]+@[\w-]+\.[\w.]+`, are found
/// by `has_email`: its three Unicode `\w` classes were most of this pattern's cost to build
/// (≈ 1.3 of 1.5 ms, once per process).
const CONTACT_PATTERN: &str = r"(?i)https?://|\(?\+?\d[\d ()-]{7,}\d";

/// A line that is boilerplate by its wording alone.
fn boilerplate_line(line: &str) -> bool {
    static FIXED: OnceLock<Regex> = OnceLock::new();
    static REFERENCE: OnceLock<Regex> = OnceLock::new();
    static CONTACT_LABEL: OnceLock<Regex> = OnceLock::new();
    static CONTACT: OnceLock<Regex> = OnceLock::new();
    static WWW: OnceLock<Regex> = OnceLock::new();
    static DATE_ONLY: OnceLock<Regex> = OnceLock::new();
    static BYLINE: OnceLock<Regex> = OnceLock::new();
    let l = line
        .trim()
        .trim_start_matches(['•', '*', '-', '>', '·', '|'])
        .trim();
    if l.is_empty() {
        return false;
    }
    let fixed = re(&FIXED, FIXED_PATTERN);
    let reference = re(
        &REFERENCE,
        r"(?i)^(?:ai index|index(?: number| no\.?)?|ref(?:erence)?(?: no\.?| number)?|our ref|doc(?:ument)? (?:id|no\.?|number)|news service(?: no\.?)?)\s*:",
    );
    // One contact pattern, in three parts: a Unicode `\b` makes the regex engine leave its fast
    // DFA for a slow NFA on any line with a non-ASCII character (a curly quote), so the parts
    // with `\b` run only when they can match (anchored, or after a literal precheck).
    let contact_label = re(
        &CONTACT_LABEL,
        r"(?i)^(?:contact|contacts|press contact|media contact|for more information|for further information|tel|telephone|phone|fax|mobile|e-?mail|web(?:site)?|address)\b.*[:.]",
    );
    let contact = re(&CONTACT, CONTACT_PATTERN);
    let www = re(&WWW, r"(?i)\bwww\.\S+");
    let has_www = || {
        l.as_bytes()
            .windows(4)
            .any(|w| w.eq_ignore_ascii_case(b"www."))
    };
    let date_only = re(
        &DATE_ONLY,
        r"(?i)^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{1,2}\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s+\d{1,2},?)?\s+\d{4}$|^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}$",
    );
    let byline = re(
        &BYLINE,
        r"^(?:By|BY|Posted by|Written by|Author:|Authors:|Reporting by|Edited by)\s+\S.{0,60}$",
    );
    fixed.is_match(l)
        || fixed_any_word(l)
        || reference.is_match(l)
        || contact_label.is_match(l)
        || has_email(l)
        || contact.is_match(l)
        || (has_www() && www.is_match(l))
        || date_only.is_match(l)
        || (byline.is_match(l) && !l.ends_with('.'))
}

/// The fixed phrases that end in any word: `share … on \w+:?`, `view (latest|all) [\w ]+` and
/// `read the full \w+\b.*`, the whole line, in any case.
fn fixed_any_word(l: &str) -> bool {
    static PREFIX: OnceLock<Regex> = OnceLock::new();
    // The literal words stay with the regex (its case folding: "ſhare" is "share" to it); the
    // words after them are checked here.
    let prefix = re(
        &PREFIX,
        r"(?i)^(?:(?P<share>share(?: icon| this(?: article| page| story)?)? on )|(?P<view>view (?:latest|all) )|(?P<read>read the full ))",
    );
    let Some(c) = prefix.captures(l) else {
        return false;
    };
    let rest = &l[c.get(0).expect("match").end()..];
    let word = regex_syntax::is_word_character;
    if c.name("share").is_some() {
        let w = rest.strip_suffix(':').unwrap_or(rest);
        !w.is_empty() && w.chars().all(word)
    } else if c.name("view").is_some() {
        !rest.is_empty() && rest.chars().all(|c| c == ' ' || word(c))
    } else {
        // `\w+\b.*`: a word character first is enough (the run of them ends at a boundary), and
        // no line break after it (`.` stops at one).
        rest.chars().next().is_some_and(word) && !rest.contains('\n')
    }
}

/// True when `l` holds an e-mail address as `[\w.+-]+@[\w-]+\.[\w.]+` reads one: a word
/// character (or `.`, `+`, `-`) before an `@`, then word characters or hyphens up to a `.`, and
/// a word character or `.` after it.
fn has_email(l: &str) -> bool {
    let word = regex_syntax::is_word_character;
    memchr::memchr_iter(b'@', l.as_bytes()).any(|at| {
        let before = l[..at]
            .chars()
            .next_back()
            .is_some_and(|c| word(c) || matches!(c, '.' | '+' | '-'));
        let mut after = l[at + 1..].chars();
        let mut domain = 0;
        let dot = loop {
            match after.next() {
                Some(c) if word(c) || c == '-' => domain += 1,
                c => break c == Some('.'),
            }
        };
        before && domain > 0 && dot && after.next().is_some_and(|c| word(c) || c == '.')
    })
}

/// A short line without sentence punctuation: a menu item, a label, an address line.
fn short_line(line: &str) -> bool {
    let l = line.trim();
    // Counting stops at seven: a paragraph's line is not read to its end.
    let words = l.split_whitespace().take(7).count();
    (1..=6).contains(&words) && !l.ends_with(['.', '!', '?', ':', ',', ';', '"', '\u{201d}'])
}

fn dateline_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let month = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\.?";
        let date = format!(
            r"(?:(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{{1,2}}\s+{month}|{month}\s+\d{{1,2}})(?:,?\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})"
        );
        let place = r"[A-Z][A-Za-z.'’-]*(?:[ -][A-Z][A-Za-z.'’-]*){0,3}";
        Regex::new(&format!(
            r"^(?P<p1>{place})(?:\s*/\s*(?P<p2>{place}))?(?:,\s*[A-Z][A-Za-z.]*)?(?:\s*\(\s*{date}\s*\)|,\s*{date})\s*(?:[—–-]+|:)\s*"
        ))
        .expect("dateline pattern")
    })
}

/// Finds the boilerplate of `text`.
pub fn scan(text: &str) -> Boilerplate {
    // Lines with their spans, and for each the paragraph it belongs to.
    let mut lines: Vec<(Span, &str)> = Vec::new();
    let mut at = 0;
    for l in text.split_inclusive('\n') {
        let body = l.trim_end_matches(['\n', '\r']);
        lines.push((Span::new(at, at + body.len()), body));
        at += l.len();
    }
    let mut masked_line = vec![false; lines.len()];
    for (i, (_, l)) in lines.iter().enumerate() {
        if boilerplate_line(l) {
            masked_line[i] = true;
        }
    }
    // Paragraphs: runs of non-blank lines.
    let mut paragraphs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].1.trim().is_empty() {
            i += 1;
            continue;
        }
        let s = i;
        while i < lines.len() && !lines[i].1.trim().is_empty() {
            i += 1;
        }
        paragraphs.push((s, i));
    }
    // A paragraph of several lines most of which are contact details is a footer: its other
    // lines are the organisation's name and postal address.
    for &(s, e) in &paragraphs {
        let n = e - s;
        let contact = (s..e).filter(|&k| masked_line[k]).count();
        if n >= 3 && contact * 3 >= n && (s..e).all(|k| short_line(lines[k].1) || masked_line[k]) {
            masked_line[s..e].iter_mut().for_each(|m| *m = true);
        }
    }
    // Navigation: four or more consecutive paragraphs that are each one short line (menu
    // items), or bulleted short lines.
    let single_short = |&(s, e): &(usize, usize)| e - s == 1 && short_line(lines[s].1);
    let mut k = 0;
    while k < paragraphs.len() {
        if !single_short(&paragraphs[k]) {
            k += 1;
            continue;
        }
        let start = k;
        while k < paragraphs.len() && single_short(&paragraphs[k]) {
            k += 1;
        }
        if k - start >= 4 {
            for p in &paragraphs[start..k] {
                masked_line[p.0] = true;
            }
        }
    }
    for (i, (_, l)) in lines.iter().enumerate() {
        let t = l.trim_start();
        if (t.starts_with('•') || t.starts_with('·'))
            && short_line(t.trim_start_matches(['•', '·']))
        {
            masked_line[i] = true;
        }
    }

    let mut out = Boilerplate::default();
    for (i, (span, _)) in lines.iter().enumerate() {
        if masked_line[i] {
            match out.masked.last_mut() {
                Some(last) if text[last.end..span.start].trim().is_empty() => last.end = span.end,
                _ => out.masked.push(*span),
            }
        }
    }
    for &(s, _) in &paragraphs {
        let (span, line) = lines[s];
        if masked_line[s] {
            continue;
        }
        if let Some(c) = dateline_re().captures(line) {
            let whole = c.get(0).expect("match");
            let to_span = |m: Option<regex::Match>| {
                m.map(|m| Span::new(span.start + m.start(), span.start + m.end()))
            };
            out.datelines.push(Dateline {
                span: Span::new(span.start, span.start + whole.end()),
                places: [to_span(c.name("p1")), to_span(c.name("p2"))],
            });
        }
    }
    for d in &out.datelines {
        out.masked.push(d.span);
    }
    out.masked.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked_texts(text: &str) -> Vec<&str> {
        scan(text)
            .masked
            .iter()
            .map(|s| s.slice(text).unwrap())
            .collect()
    }

    #[test]
    fn reference_date_and_label_lines_are_masked() {
        let text = "\n\nAI INDEX: EUR 57/05/98\n8 APRIL 1998\n\nPUBLIC STATEMENT\n\nKAZAKSTAN\n\nImprisonment of opposition leader politically motivated\n\nYesterday's sentencing of Madel Ismailov was wrong.\n\nENDS.../";
        let m = masked_texts(text);
        assert!(m
            .iter()
            .any(|t| t.contains("AI INDEX: EUR 57/05/98") && t.contains("8 APRIL 1998")));
        assert!(m.iter().any(|t| t.contains("PUBLIC STATEMENT")));
        assert!(m.iter().any(|t| t.contains("ENDS.../")));
        assert!(!m
            .iter()
            .any(|t| t.contains("Ismailov") || t.contains("KAZAKSTAN")));
    }

    #[test]
    fn navigation_and_contact_footer_are_masked() {
        let text = "Human Rights Foundation\n\nAbout Us\n\nMission\n\nDonate\n\nReports\n\nKazakhstan: HRF calls on the President to act\n\nThe text of the release, long enough to be prose.\n\nContact: Pedro Pizano, pedro@thehrf.org, 212-246-8486\n\nHuman Rights Foundation\n350 Fifth Avenue, #4515\nNew York, NY 10118\nPhone: (212) 246-8486\nwww.thehrf.org";
        let m = masked_texts(text);
        assert!(m[0].starts_with("Human Rights Foundation") && m[0].ends_with("Reports"));
        assert!(m.iter().any(|t| t.starts_with("Contact: Pedro Pizano")));
        assert!(m
            .iter()
            .any(|t| t.contains("350 Fifth Avenue") && t.contains("New York, NY")));
        assert!(!m.iter().any(|t| t.contains("long enough to be prose")));
    }

    #[test]
    fn datelines_keep_their_place() {
        let text = "Title here\n\nNEW YORK (December 14, 2012)—Commemorating the anniversary, HRF wrote.\n\nKEMIR, 16 March 2023 — Police detained her.";
        let b = scan(text);
        assert_eq!(b.datelines.len(), 2);
        assert_eq!(
            b.datelines[0].places[0].unwrap().slice(text),
            Some("NEW YORK")
        );
        assert_eq!(
            b.datelines[0].span.slice(text),
            Some("NEW YORK (December 14, 2012)—")
        );
        assert_eq!(b.datelines[1].places[0].unwrap().slice(text), Some("KEMIR"));
    }

    #[test]
    fn share_buttons_and_bylines_are_masked() {
        let text =
            "Share icon\nShare this article:\n\nBy Jane Reporter\n\nShe said so.\n\nLeave a Reply";
        let m = masked_texts(text);
        assert!(m.iter().any(|t| t.contains("Share this article:")));
        assert!(m.iter().any(|t| t.contains("By Jane Reporter")));
        assert!(m.iter().any(|t| t.contains("Leave a Reply")));
        assert!(!m.iter().any(|t| t.contains("She said so.")));
    }

    /// The patterns `fixed_any_word` and `has_email` took over, as they were written.
    const OLD_FIXED: &str = r"(?i)^(?:public statement|press release|news release|media release|for immediate release|ends[ .…/]*|end|share( icon| this( article| page| story)?)?( on \w+)?:?|tweet|print|email|e-mail|facebook|twitter|whatsapp|telegram|linkedin|copy link|leave a (?:reply|comment)|comments?|related( articles| content| news)?:?|read more|view (?:latest|all) [\w ]+|more on this( topic)?|subscribe.*|donate|sign up.*|follow us.*|skip to (?:main )?content|menu|home|search|back to top|top|tags?:.*|categories?:.*|posted in .*|filed under .*|copyright .*|© .*|all rights reserved.*|\[?join our mailing list\]?(?:\(.*\))?|read the (?:letter|report|statement|full \w+)\b.*)$";
    const OLD_CONTACT: &str = r"(?i)[\w.+-]+@[\w-]+\.[\w.]+|https?://|\(?\+?\d[\d ()-]{7,}\d";

    fn old_and_new(l: &str) -> ((bool, bool), (bool, bool)) {
        static FIXED: OnceLock<Regex> = OnceLock::new();
        static CONTACT: OnceLock<Regex> = OnceLock::new();
        static NEW_FIXED: OnceLock<Regex> = OnceLock::new();
        static NEW_CONTACT: OnceLock<Regex> = OnceLock::new();
        let fixed = re(&FIXED, OLD_FIXED);
        let contact = re(&CONTACT, OLD_CONTACT);
        let new_fixed = re(&NEW_FIXED, FIXED_PATTERN);
        let new_contact = re(&NEW_CONTACT, CONTACT_PATTERN);
        (
            (fixed.is_match(l), contact.is_match(l)),
            (
                new_fixed.is_match(l) || fixed_any_word(l),
                has_email(l) || new_contact.is_match(l),
            ),
        )
    }

    #[test]
    fn fixed_phrases_and_contacts_are_what_the_old_patterns_read() {
        for l in [
            "Share on Facebook",
            "SHARE THIS ARTICLE ON X:",
            "ſhare on twitter",
            "share on foo::",
            "share on",
            "View all press releases",
            "view latest news!",
            "Read the full report here.",
            "read the full\treport",
            "read the full \n",
            "Read the letter",
            "info@hrw.org",
            "mail: a.b+c@mail-server.co.uk",
            "@x.y",
            "a@.y",
            "a@b.",
            "a@b.c",
            "é@ü.ß",
            "a@b-c.",
            "a@b-c..",
            "HTTPS://x",
            "httpſ://x",
            "+7 (727) 123-45-67",
            "12345678",
            "123456789",
        ] {
            let (old, new) = old_and_new(l);
            assert_eq!(new, old, "{l:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10000))]

        /// Lines made of the pieces the patterns read, in any order.
        #[test]
        fn contacts_and_fixed_phrases_agree_with_the_old_patterns(
            picks in proptest::collection::vec(0usize..200, 0..10),
        ) {
            const PIECES: &[&str] = &[
                "share", "Share", "ſhare", " on ", " this", " article", " icon", "view ", "all ",
                "latest ", "read the full ", "read the ", "report", "x", "É", "ß", "_", "1", "٣",
                "@", ".", "+", "-", ":", " ", "\n", "\t", "(", ")", "http", "s", "://", "’", "a",
                "12345", "678", "\u{a0}", "\u{200d}", "ǅ",
            ];
            let l: String = picks.iter().map(|&i| PIECES[i % PIECES.len()]).collect();
            let (old, new) = old_and_new(&l);
            proptest::prop_assert_eq!(new, old, "{:?}", l);
        }

        /// Strings shaped like e-mail addresses, well or badly.
        #[test]
        fn e_mail_addresses_are_what_the_old_pattern_read(
            parts in proptest::collection::vec(proptest::collection::vec(0usize..200, 0..5), 1..4),
        ) {
            const PIECES: &[&str] = &[
                "x", "xy.z", "É.ß", ".", "+", "-", "_", "1", " ", "’", "ß", "\u{200d}", ":", "x-1.",
            ];
            let l = parts
                .iter()
                .map(|p| p.iter().map(|&i| PIECES[i % PIECES.len()]).collect::<String>())
                .collect::<Vec<_>>()
                .join("@");
            let (old, new) = old_and_new(&l);
            proptest::prop_assert_eq!(new, old, "{:?}", l);
            let l = l.replacen('@', ".", 1);
            let (old, new) = old_and_new(&l);
            proptest::prop_assert_eq!(new, old, "{:?}", l);
        }
    }
}
