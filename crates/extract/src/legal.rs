//! Legal provisions: "Article 318 of the Kazak Criminal Code", "Articles 12 and 15 of the
//! Convention against Torture", "Article 2(3) of the Law on Mass Media", "paragraph 2 of
//! Article 13", "Art. 488 of the Code of Administrative Offences", "Section 5 of the Act".
//!
//! The way laws are cited is regular: a keyword, one or more numbers, then optionally the
//! instrument ("of the ...", ", Kazakhstan's Criminal Code", "(KCC)"). A small grammar over the
//! text reads it; the instrument's own name is a run of capitalised words holding a law word
//! (Code, Law, Act, Convention, ...).

use casefile_gazetteer::{Case, Gazetteer, PlaceKind};
use casefile_model::{LegalRef, Span};
use regex::Regex;
use std::sync::OnceLock;

/// A provision found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provision {
    /// The text naming it ("Article 318 of the Kazak Criminal Code"). Provisions cited together
    /// under one keyword ("Articles 12 and 15 of ...") share the whole citation as their span.
    pub span: Span,
    /// Its structure.
    pub legal: LegalRef,
}

/// What [`find`] reads in a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LegalReading {
    /// Every provision, in text order.
    pub provisions: Vec<Provision>,
    /// Every instrument name, cited with an article or alone ("the Law on Mass Media"): no other
    /// entity is read inside these.
    pub instruments: Vec<Span>,
}

/// Words that make a run of capitalised words the name of a legal instrument.
const LAW_WORDS: &[&str] = &[
    "Code",
    "Codex",
    "Law",
    "Act",
    "Constitution",
    "Convention",
    "Covenant",
    "Charter",
    "Declaration",
    "Protocol",
    "Statute",
    "Decree",
    "Treaty",
    "Rules",
    "Regulations",
    "Regulation",
    "Principles",
    "Ordinance",
    "Directive",
    "Resolution",
    "Bill",
];

/// Lowercase words allowed inside an instrument's name.
const CONNECTORS: &[&str] = &["of", "on", "against", "for", "and", "the", "in", "or", "to"];

/// A keyword and its numbers. The `\b` before the keyword is checked by [`keywords`], not by the
/// regex: a Unicode `\b` sends the regex engine from its DFA to a slow NFA over the whole text as
/// soon as the text has one non-ASCII character.
fn keyword_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // A number: "318", "2(3)", "13(2)(a)", "318-1", "164.1", "5A".
        let num = r"\d+[A-Za-z]?(?:[-.]\d+)*(?:\(\d+[a-z]?\)|\([a-z]\))*";
        Regex::new(&format!(
            r"(?P<kw>[Aa]rticles?|Arts?\.|ARTICLES?|[Ss]ections?|Secs?\.|§§?|[Pp]aragraphs?|[Pp]aras?\.|[Pp]arts?|[Cc]lauses?|[Ss]ubparagraphs?|[Pp]oints?)\s*(?P<nums>{num}(?:\s*(?:,|and|&|or|to)\s*{num})*)"
        ))
        .expect("legal keyword pattern")
    })
}

/// The matches of `\b` followed by [`keyword_re`], as `captures_iter` would give them: at a
/// start where the word boundary fails, the search goes on from the next character (the match at
/// a given start does not depend on the boundary, which holds or fails for all its alternatives).
fn keywords(text: &str) -> impl Iterator<Item = regex::Captures<'_>> {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at <= text.len() {
            let cap = keyword_re().captures_at(text, at)?;
            let start = cap.get(0).expect("match").start();
            if word_boundary(text, start) {
                at = cap.get(0).expect("match").end().max(start + 1);
                return Some(cap);
            }
            at = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
        None
    })
}

/// Unicode `\b` at byte `i` of `text`, as the regex crate defines it.
fn word_boundary(text: &str, i: usize) -> bool {
    let before = text[..i]
        .chars()
        .next_back()
        .is_some_and(regex_syntax::is_word_character);
    let after = text[i..]
        .chars()
        .next()
        .is_some_and(regex_syntax::is_word_character);
    before != after
}

fn number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?P<main>\d+[A-Za-z]?(?:[-.]\d+)*)(?P<parts>(?:\(\d+[a-z]?\)|\([a-z]\))*)")
            .expect("legal number pattern")
    })
}

fn acronym_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^[A-Z][A-Za-z]?[A-Z]{1,6}$").expect("acronym pattern"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    /// Article, section: the provision itself.
    Article,
    /// Part, paragraph, clause, point: a division of an article.
    Part,
}

fn level(kw: &str) -> Level {
    let k = kw.to_lowercase();
    if k.starts_with("art") || k.starts_with("sec") || k.starts_with('§') {
        Level::Article
    } else {
        Level::Part
    }
}

/// A word of the text with its byte span.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// The words (letters, digits, apostrophes, hyphens) and punctuation marks of `text` from `from`,
/// up to `limit` of them.
fn words_from(text: &str, from: usize, limit: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut iter = text[from..].char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if out.len() >= limit {
            break;
        }
        if c.is_whitespace() {
            if c == '\n' && text[from + i + 1..].starts_with('\n') {
                break; // a paragraph ends the citation
            }
            continue;
        }
        let start = from + i;
        let mut end = start + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(j, d)) = iter.peek() {
                let joiner = matches!(d, '\'' | '\u{2019}' | '-' | '+' | '.')
                    && text[from + j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if d.is_alphanumeric() || joiner {
                    end = from + j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
        }
        out.push(Word {
            start,
            end,
            text: &text[start..end],
        });
    }
    out
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn strip_possessive(w: &str) -> Option<&str> {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s"))
}

/// An instrument's name read at the start of `words`.
#[derive(Debug, Clone)]
struct Instrument {
    /// Byte span of the whole phrase, jurisdiction included.
    span: Span,
    /// How many of `words` it takes.
    used: usize,
    /// The instrument proper ("Criminal Code").
    name: String,
    /// The jurisdiction's country name, from a possessive or a nationality word.
    jurisdiction: Option<String>,
}

/// Reads an instrument's name at the start of `words`: an optional "the", an optional
/// jurisdiction ("Kazakhstan's", "Kazak"), then capitalised words and connectors holding a law
/// word, or an acronym ("KCC").
fn instrument_at(gaz: &Gazetteer, text: &str, words: &[Word]) -> Option<Instrument> {
    let mut i = 0;
    if words
        .get(i)
        .is_some_and(|w| w.text.eq_ignore_ascii_case("the"))
    {
        i += 1;
    }
    let first = *words.get(i)?;
    if acronym_re().is_match(first.text) && first.text.chars().count() >= 2 {
        return Some(Instrument {
            span: Span::new(words[0].start, first.end),
            used: i + 1,
            name: first.text.to_string(),
            jurisdiction: None,
        });
    }
    let mut jurisdiction = None;
    let mut name_start = i;
    if let Some(base) = strip_possessive(first.text) {
        if let Some(cc) = gaz.country_of(base, Case::Sensitive) {
            jurisdiction = Some(country_name(gaz, cc).unwrap_or(base).to_string());
            i += 1;
            name_start = i;
        }
    } else {
        let places = gaz.lookup(first.text, Case::Sensitive);
        let demonym = places.iter().find(|p| p.kind == PlaceKind::Demonym);
        let country = places.iter().find(|p| p.kind == PlaceKind::Country);
        if let Some(p) = demonym.or(country) {
            if let Some(cc) = p.country {
                jurisdiction = Some(country_name(gaz, cc).unwrap_or(first.text).to_string());
                i += 1;
                name_start = i;
            }
        }
    }
    // Capitalised words and connectors; a comma only inside a long treaty title ("... Other
    // Cruel, Inhuman or Degrading Treatment"), i.e. before a capitalised word and "or"/"and".
    let mut last_cap: Option<usize> = None;
    let mut has_law_word = false;
    let mut j = name_start;
    while let Some(w) = words.get(j) {
        let t = w.text;
        // The next citation ends the name: "Articles 30 and 34 of the Counter-Terrorism Law and
        // Article 6 of the Anti-Cyber Crime Law".
        if keyword_like(t) {
            break;
        }
        if capitalised(t) && strip_possessive(t).is_none() {
            if LAW_WORDS.contains(&t) {
                has_law_word = true;
            }
            last_cap = Some(j);
            j += 1;
        } else if (CONNECTORS.contains(&t) && last_cap.is_some())
            || (t == ","
                && has_law_word
                && words.get(j + 1).is_some_and(|n| capitalised(n.text))
                && words
                    .get(j + 2)
                    .is_some_and(|n| n.text == "or" || n.text == "and"))
        {
            j += 1;
        } else {
            break;
        }
    }
    let last = last_cap?;
    if !has_law_word {
        return None;
    }
    let name = text[words[name_start].start..words[last].end].to_string();
    Some(Instrument {
        span: Span::new(words[0].start, words[last].end),
        used: last + 1,
        name,
        jurisdiction,
    })
}

fn country_name(gaz: &Gazetteer, cc: &str) -> Option<&'static str> {
    gaz.places()
        .iter()
        .find(|p| p.kind == PlaceKind::Country && p.country == Some(cc))
        .map(|p| p.name)
}

/// Splits "2(3)" into ("2", Some("3")), "13(2)(a)" into ("13", Some("2(a)")).
fn split_number(n: &str) -> (String, Option<String>) {
    match number_re().captures(n) {
        Some(c) => {
            let main = c["main"].to_string();
            let parts = &c["parts"];
            if parts.is_empty() {
                (main, None)
            } else {
                // "(2)(a)" -> "2(a)": the first bracket pair is the part, the rest its points.
                let close = parts.find(')').unwrap_or(parts.len());
                let first = &parts[1..close];
                let rest = parts.get(close + 1..).unwrap_or("");
                (main, Some(format!("{first}{rest}")))
            }
        }
        None => (n.to_string(), None),
    }
}

/// Every legal provision and instrument name in `text`.
pub fn find(gaz: &Gazetteer, text: &str) -> LegalReading {
    let mut reading = LegalReading::default();
    let mut covered_to = 0;
    for cap in keywords(text) {
        let whole = cap.get(0).expect("match");
        if whole.start() < covered_to {
            continue;
        }
        let kw = &cap["kw"];
        // "ARTICLE 19" in capitals is the free-expression organisation, not a provision.
        if kw == "ARTICLE" || kw == "ARTICLES" {
            continue;
        }
        let nums_m = cap.name("nums").expect("numbers");
        let numbers: Vec<&str> = number_re()
            .find_iter(nums_m.as_str())
            .map(|m| m.as_str())
            .collect();
        let mut end = nums_m.end();
        let lvl = level(kw);
        // "paragraph 2 of Article 13": the division of an article.
        let mut outer_article: Option<String> = None;
        let mut words = words_from(text, end, 40);
        if lvl == Level::Part {
            let of_article = words.first().is_some_and(|w| w.text == "of")
                && words
                    .get(1)
                    .is_some_and(|w| level(w.text) == Level::Article && keyword_like(w.text))
                && words
                    .get(2)
                    .is_some_and(|w| w.text.starts_with(|c: char| c.is_ascii_digit()));
            // "Part 2 of Article 13": words[1] may be "Art" followed by ".".
            if of_article {
                let num_word = if words[2].text == "." { 3 } else { 2 };
                if let Some(w) = words.get(num_word) {
                    outer_article = Some(w.text.to_string());
                    end = w.end;
                    // "(3)" after the number belongs to it.
                    words = words_from(text, end, 40);
                }
            } else if words.is_empty() || !matches!(words[0].text, "of") {
                // A bare "paragraph 2" or "part 3" is a division of something unnamed.
                continue;
            }
        }
        // The instrument: "of the X", ", X", "(X)".
        let mut instrument: Option<Instrument> = None;
        if let Some(w) = words.first() {
            match w.text {
                "of" | "under" => {
                    instrument = instrument_at(gaz, text, &words[1..]);
                }
                "," => {
                    instrument = instrument_at(gaz, text, &words[1..]);
                }
                "(" => {
                    if let Some(inst) = instrument_at(gaz, text, &words[1..]) {
                        if words.get(inst.used + 1).is_some_and(|w| w.text == ")") {
                            let close = words[inst.used + 1].end;
                            instrument = Some(Instrument {
                                span: Span::new(words[0].start, close),
                                ..inst
                            });
                        }
                    }
                }
                _ => {}
            }
        }
        // A bare "paragraph 2", or "article 3" in lowercase, is a provision only with its
        // instrument named.
        let lowercase_kw = kw.starts_with(char::is_lowercase);
        if instrument.is_none()
            && ((lvl == Level::Part && outer_article.is_none())
                || (lowercase_kw && lvl == Level::Article))
        {
            continue;
        }
        if let Some(inst) = &instrument {
            end = inst.span.end;
            // The instrument proper, without "the" or a jurisdiction, is not another entity.
            reading.instruments.push(inst.span);
        }
        let span = Span::new(whole.start(), end);
        covered_to = end;
        for n in &numbers {
            let (article, part) = match &outer_article {
                Some(a) => {
                    let (a, inner) = split_number(a);
                    let (p, _) = split_number(n);
                    (a, Some(inner.map_or(p.clone(), |i| format!("{i}({p})"))))
                }
                None => split_number(n),
            };
            reading.provisions.push(Provision {
                span,
                legal: LegalRef {
                    instrument: instrument.as_ref().map(|i| i.name.clone()),
                    article,
                    part,
                    jurisdiction: instrument.as_ref().and_then(|i| i.jurisdiction.clone()),
                },
            });
        }
    }
    share_instruments(text, &mut reading.provisions);
    resolve_acronyms(&mut reading.provisions);
    // Instruments named without an article ("the Law on Mass Media") are no other entity either.
    for (start, end) in instrument_names(text) {
        let s = Span::new(start, end);
        if !reading.instruments.iter().any(|i| i.overlaps(&s)) {
            if let Some(inst) = instrument_at(gaz, text, &words_from(text, start, 30)) {
                reading.instruments.push(inst.span);
            }
        }
    }
    reading.instruments.sort();
    reading
}

/// Where an instrument's name may start: a capitalised run reaching a law word.
fn instrument_names_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let laws = LAW_WORDS.join("|");
        Regex::new(&format!(
            r"\b(?:[A-Z][\w'’-]*\s+)*(?:{laws})\b(?:\s+(?:of|on|against|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*)?"
        ))
        .expect("instrument pattern")
    })
}

/// What `instrument_names_re().find_iter(text)` finds, searched only where it can match.
///
/// The pattern's Unicode `\b` sends the regex engine to its slow NFA over the whole text when the
/// text has a non-ASCII character. Every match holds a law word and only word characters,
/// spaces, apostrophes and hyphens; so each lies inside one maximal run of those characters that
/// contains a law word, and the search runs on those runs alone, in order (`find_at` sees the
/// text before the run for `\b`; the character after a run is not a word character, as the end
/// of the slice is not).
fn instrument_names(text: &str) -> Vec<(usize, usize)> {
    static LAWS: OnceLock<Regex> = OnceLock::new();
    let laws = LAWS.get_or_init(|| Regex::new(&LAW_WORDS.join("|")).expect("law words"));
    let in_run = |c: char| {
        regex_syntax::is_word_character(c) || c.is_whitespace() || matches!(c, '\'' | '’' | '-')
    };
    let mut out = Vec::new();
    let mut done = 0;
    for law in laws.find_iter(text) {
        if law.start() < done {
            continue;
        }
        let start = text[..law.start()]
            .char_indices()
            .rev()
            .find(|&(_, c)| !in_run(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = text[law.end()..]
            .char_indices()
            .find(|&(_, c)| !in_run(c))
            .map_or(text.len(), |(i, _)| law.end() + i);
        let run = &text[..end];
        let mut at = start;
        while let Some(m) = instrument_names_re().find_at(run, at) {
            out.push((m.start(), m.end()));
            at = m.end();
        }
        done = end;
    }
    out
}

fn keyword_like(w: &str) -> bool {
    let l = w.to_lowercase();
    l.starts_with("article") || l == "art" || l == "art." || l.starts_with("section")
}

/// "Article 13 and Article 2(3) of the Law on Mass Media": provisions cited in one breath share
/// the instrument named after the last.
fn share_instruments(text: &str, provisions: &mut [Provision]) {
    for i in (0..provisions.len().saturating_sub(1)).rev() {
        let (a, b) = (&provisions[i], &provisions[i + 1]);
        if a.legal.instrument.is_some() || b.legal.instrument.is_none() || a.span == b.span {
            continue;
        }
        let between = text.get(a.span.end..b.span.start).unwrap_or("x").trim();
        if matches!(between, "and" | "," | "or" | ", and" | "&") {
            provisions[i].legal.instrument = provisions[i + 1].legal.instrument.clone();
            provisions[i].legal.jurisdiction = provisions[i + 1].legal.jurisdiction.clone();
        }
    }
}

/// "(Article 170, KCC)" after "Article 164, Kazakhstan's Criminal Code": an acronym whose letters
/// are the initials of an instrument cited earlier (jurisdiction included) is that instrument.
fn resolve_acronyms(provisions: &mut [Provision]) {
    let mut known: Vec<(String, LegalRef)> = Vec::new();
    for p in provisions.iter_mut() {
        let Some(inst) = p.legal.instrument.clone() else {
            continue;
        };
        if acronym_re().is_match(&inst) {
            if let Some((_, full)) = known.iter().find(|(initials, _)| *initials == inst) {
                p.legal.instrument = full.instrument.clone();
                p.legal.jurisdiction = full.jurisdiction.clone();
            }
            continue;
        }
        let mut initials = String::new();
        if let Some(j) = &p.legal.jurisdiction {
            initials.extend(j.chars().next());
        }
        for w in inst.split_whitespace() {
            if capitalised(w) {
                initials.extend(w.chars().next());
            }
        }
        known.push((initials, p.legal.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instrument_search_finds_what_the_regex_finds() {
        for text in [
            "under the Law on Mass Media and the Criminal Code of the Republic of Kazakhstan’s",
            "Kazakhstan’s Criminal Code, “the Law on Public Associations” and Acts; éLaw; Lawyers",
            "the Universal Declaration of Human Rights. Résumé Code Pénal of Côte d’Ivoire Act",
            "",
        ] {
            let want: Vec<(usize, usize)> = instrument_names_re()
                .find_iter(text)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(instrument_names(text), want, "{text}");
        }
    }

    #[test]
    fn keyword_search_keeps_the_word_boundary() {
        // `keywords` must give what `\b` + keyword_re gave, non-ASCII neighbours included.
        let with_b = Regex::new(&format!(r"\b(?:{})", keyword_re().as_str())).unwrap();
        for text in [
            "Article 5, article 6 and Articles 7 and 8; xArticle 9; éArticle 10; Article 11’s",
            "§ 3, x§ 4, é§5, §§ 6-7, ’Section 8(2)(a), Para. 9, Art. 10 and Arts. 11",
            "“Article 19” of the Covenant, ARTICLE 19, Part 2 of Article 13, Paragraphs 3 to 5",
        ] {
            let want: Vec<(usize, usize)> = with_b
                .find_iter(text)
                .map(|m| (m.start(), m.end()))
                .collect();
            let got: Vec<(usize, usize)> = keywords(text)
                .map(|c| (c.get(0).unwrap().start(), c.get(0).unwrap().end()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    fn read(text: &str) -> Vec<(String, LegalRef)> {
        find(Gazetteer::builtin(), text)
            .provisions
            .into_iter()
            .map(|p| (p.span.slice(text).unwrap().to_string(), p.legal))
            .collect()
    }

    fn legal(
        instrument: Option<&str>,
        article: &str,
        part: Option<&str>,
        j: Option<&str>,
    ) -> LegalRef {
        LegalRef {
            instrument: instrument.map(str::to_string),
            article: article.to_string(),
            part: part.map(str::to_string),
            jurisdiction: j.map(str::to_string),
        }
    }

    #[test]
    fn article_of_a_national_code() {
        let got = read("He was charged under Article 318 of the Kazak Criminal Code for insulting the President.");
        assert_eq!(
            got,
            vec![(
                "Article 318 of the Kazak Criminal Code".to_string(),
                legal(Some("Criminal Code"), "318", None, Some("Kazakhstan"))
            )]
        );
    }

    #[test]
    fn instrument_after_a_comma_and_an_acronym_in_brackets() {
        let text = "charged with \"incitement\" (Article 164, Kazakhstan's Criminal Code) and \"exhortations\" (Article 170, KCC). Also Article 170 (KCC) again.";
        let got = read(text);
        assert_eq!(got[0].0, "Article 164, Kazakhstan's Criminal Code");
        assert_eq!(
            got[0].1,
            legal(Some("Criminal Code"), "164", None, Some("Kazakhstan"))
        );
        assert_eq!(got[1].0, "Article 170, KCC");
        // KCC = Kazakhstan's Criminal Code, cited just before.
        assert_eq!(
            got[1].1,
            legal(Some("Criminal Code"), "170", None, Some("Kazakhstan"))
        );
        assert_eq!(got[2].0, "Article 170 (KCC)");
        assert_eq!(got[2].1.article, "170");
    }

    #[test]
    fn two_articles_under_one_keyword_are_two_provisions() {
        let text = "Kazakhstan has violated Articles 12 and 15 of the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment.";
        let got = read(text);
        assert_eq!(got.len(), 2);
        let instrument = "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment";
        assert_eq!(got[0].0, format!("Articles 12 and 15 of the {instrument}"));
        assert_eq!(got[0].1, legal(Some(instrument), "12", None, None));
        assert_eq!(got[1].1, legal(Some(instrument), "15", None, None));
    }

    #[test]
    fn the_next_citation_ends_an_instruments_name() {
        let got = read("convicted under Articles 30 and 34 of the Counter-Terrorism Law and Article 6 of the Anti-Cyber Crime Law of disturbing public order");
        let instruments: Vec<Option<&str>> =
            got.iter().map(|(_, l)| l.instrument.as_deref()).collect();
        assert_eq!(
            instruments,
            [
                Some("Counter-Terrorism Law"),
                Some("Counter-Terrorism Law"),
                Some("Anti-Cyber Crime Law")
            ],
            "{got:?}"
        );
    }

    #[test]
    fn article_with_a_part_in_brackets_and_a_shared_instrument() {
        let text = "The request was based on Article 13 and Article 2(3) of Kazakhstan's Law on Mass Media, which calls for it.";
        let got = read(text);
        assert_eq!(got[0].0, "Article 13");
        assert_eq!(
            got[0].1,
            legal(Some("Law on Mass Media"), "13", None, Some("Kazakhstan"))
        );
        assert_eq!(got[1].0, "Article 2(3) of Kazakhstan's Law on Mass Media");
        assert_eq!(
            got[1].1,
            legal(
                Some("Law on Mass Media"),
                "2",
                Some("3"),
                Some("Kazakhstan")
            )
        );
    }

    #[test]
    fn abbreviated_article_sections_and_paragraphs() {
        let got = read("He was fined under Art. 488 of the Code of Administrative Offences.");
        assert_eq!(got[0].0, "Art. 488 of the Code of Administrative Offences");
        assert_eq!(
            got[0].1,
            legal(Some("Code of Administrative Offences"), "488", None, None)
        );
        let got = read("as required by Section 5 of the Act.");
        assert_eq!(got[0].0, "Section 5 of the Act");
        assert_eq!(got[0].1, legal(Some("Act"), "5", None, None));
        let got = read("contrary to paragraph 2 of Article 13 of the Constitution.");
        assert_eq!(got[0].0, "paragraph 2 of Article 13 of the Constitution");
        assert_eq!(got[0].1, legal(Some("Constitution"), "13", Some("2"), None));
        let got = read("It violates Article 19 of the International Covenant on Civil and Political Rights, which Kazakhstan ratified.");
        assert_eq!(
            got[0].0,
            "Article 19 of the International Covenant on Civil and Political Rights"
        );
    }

    #[test]
    fn non_provisions_are_not_read() {
        assert!(read("See part 2 of the report and paragraph 4 below.").is_empty());
        assert!(read("ARTICLE 19, the free-expression group, said so.").is_empty());
        assert!(read("an article 3 pages long").is_empty());
        let got = read("under article 13(2)(a) of the Constitution");
        assert_eq!(
            got[0].1,
            legal(Some("Constitution"), "13", Some("2(a)"), None)
        );
    }

    #[test]
    fn bare_instruments_are_recorded() {
        let text = "the Law on Mass Media was amended; the Kazak Criminal Code too.";
        let r = find(Gazetteer::builtin(), text);
        let names: Vec<&str> = r
            .instruments
            .iter()
            .map(|s| s.slice(text).unwrap())
            .collect();
        assert!(names.contains(&"Law on Mass Media"), "{names:?}");
        assert!(
            names.iter().any(|n| n.ends_with("Kazak Criminal Code")),
            "{names:?}"
        );
    }
}
