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
    let fixed = re(
        &FIXED,
        r"(?i)^(?:public statement|press release|news release|media release|for immediate release|ends[ .…/]*|end|share( icon| this( article| page| story)?)?( on \w+)?:?|tweet|print|email|e-mail|facebook|twitter|whatsapp|telegram|linkedin|copy link|leave a (?:reply|comment)|comments?|related( articles| content| news)?:?|read more|view (?:latest|all) [\w ]+|more on this( topic)?|subscribe.*|donate|sign up.*|follow us.*|skip to (?:main )?content|menu|home|search|back to top|top|tags?:.*|categories?:.*|posted in .*|filed under .*|copyright .*|© .*|all rights reserved.*|\[?join our mailing list\]?(?:\(.*\))?|read the (?:letter|report|statement|full \w+)\b.*)$",
    );
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
    let contact = re(
        &CONTACT,
        r"(?i)[\w.+-]+@[\w-]+\.[\w.]+|https?://|\(?\+?\d[\d ()-]{7,}\d",
    );
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
        || reference.is_match(l)
        || contact_label.is_match(l)
        || contact.is_match(l)
        || (has_www() && www.is_match(l))
        || date_only.is_match(l)
        || (byline.is_match(l) && !l.ends_with('.'))
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
}
