//! Entity mentions: the statistical tagger's persons, organisations and places, corrected and
//! completed with the gazetteer and a few rules where English is regular.
//!
//! Order of trust, highest first: legal provisions (a grammar), dateline places, organisation
//! names built on a head word ("Almaty City Council"), the tagger, a name after a title
//! ("journalist Makhambet Abzhan"), gazetteer places the tagger missed, acronyms defined in the
//! text ("Human Rights Foundation (HRF)"), and other occurrences of a name read elsewhere in the
//! document. Every span is cleaned the way names are cited: no leading "the", no trailing
//! possessive, no title inside a person's name, no surrounding quotes.

use crate::boilerplate::{self, Boilerplate};
use crate::legal;
use casefile_gazetteer::{best_place, Case, Gazetteer, Place, PlaceKind};
use casefile_model::{EntityType, LegalRef, Mention, Span};
use casefile_ner::{NerLabel, Tagger};
use std::collections::{HashMap, HashSet};

/// Where a candidate comes from; the order is the order of trust when two overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    Legal,
    Dateline,
    HeadWord,
    Country,
    Tagger,
    Title,
    Gazetteer,
    Acronym,
    Propagated,
}

#[derive(Debug, Clone)]
struct Candidate {
    span: Span,
    ty: EntityType,
    country: Option<String>,
    /// Boxed: a provision's four strings made every candidate ~150 bytes, and choosing among
    /// candidates sorts them (moves) several times; the box keeps them ~60.
    legal: Option<Box<LegalRef>>,
    source: Source,
}

impl Candidate {
    /// A name a rule found, with no country or provision attached yet.
    fn new(span: Span, ty: EntityType, source: Source) -> Self {
        Candidate {
            span,
            ty,
            country: None,
            legal: None,
            source,
        }
    }

    /// Read by a rule that sees the type in the text (a title, a head word, a law's grammar), not
    /// only by the tagger's weights: such a reading decides the type of the same name elsewhere.
    fn strong(&self) -> bool {
        matches!(
            self.source,
            Source::Legal | Source::Dateline | Source::HeadWord | Source::Country | Source::Title
        )
    }
}

/// A short fixed word list asked about nearly every token. `contains` first checks a mask of the
/// lengths its words have for each first byte, built at compile time, so most tokens are turned
/// away without comparing against every word (a linear scan of a 29-word list per token was a
/// visible share of the reader); the answer is the list's own.
struct Words {
    words: &'static [&'static str],
    /// Bit `len` of `lens[b]`: some word starts with byte `b` and is `len` bytes long (bit 31:
    /// 31 bytes or more).
    lens: [u32; 256],
}

impl Words {
    const fn new(words: &'static [&'static str]) -> Words {
        let mut lens = [0u32; 256];
        let mut i = 0;
        while i < words.len() {
            let b = words[i].as_bytes();
            if !b.is_empty() {
                lens[b[0] as usize] |= 1 << Self::len_bit(b.len());
            }
            i += 1;
        }
        Words { words, lens }
    }

    const fn len_bit(len: usize) -> u32 {
        if len < 31 {
            len as u32
        } else {
            31
        }
    }

    /// True when `w` is one of the words.
    fn contains(&self, w: &str) -> bool {
        match w.as_bytes().first() {
            Some(&b) if self.lens[b as usize] & (1 << Self::len_bit(w.len())) == 0 => false,
            _ => self.words.contains(&w),
        }
    }
}

/// Words that open a sentence without being part of a name that follows them.
static OPENERS: Words = Words::new(&[
    "The",
    "A",
    "An",
    "On",
    "In",
    "At",
    "By",
    "For",
    "From",
    "To",
    "With",
    "As",
    "After",
    "Before",
    "During",
    "Since",
    "Under",
    "Yesterday",
    "Today",
    "Tomorrow",
    "Last",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "Or",
    "However",
    "Meanwhile",
    "He",
    "She",
    "They",
    "We",
    "It",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "According",
    "When",
    "While",
    "If",
    "Although",
    "Both",
    "All",
    "Some",
    "Many",
    "Several",
    "Other",
    "Others",
    "Also",
    "Then",
    "Now",
    "Indeed",
    "Specifically",
    "Subsequently",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
]);

/// Words that are never a name on their own, whatever the tagger or the gazetteer says: closed
/// word classes, numbers, months and days (compared in lowercase), and generic acronyms.
const NEVER_NAMES: &[&str] = &[
    "i",
    "me",
    "he",
    "she",
    "it",
    "we",
    "they",
    "him",
    "her",
    "us",
    "them",
    "his",
    "its",
    "our",
    "their",
    "this",
    "that",
    "these",
    "those",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "if",
    "of",
    "in",
    "on",
    "at",
    "to",
    "by",
    "for",
    "from",
    "with",
    "as",
    "all",
    "some",
    "any",
    "many",
    "most",
    "other",
    "such",
    "who",
    "what",
    "which",
    "when",
    "where",
    "why",
    "how",
    "yes",
    "no",
    "not",
    "also",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tomorrow",
    "almost",
    "about",
    "around",
    "nearly",
    "over",
    "after",
    "before",
    "since",
    "during",
    "while",
    "although",
    "though",
    "however",
    "meanwhile",
    "despite",
    "according",
    "among",
    "between",
    "including",
    "within",
    "without",
    "there",
    "here",
    "then",
    "now",
    "email",
    "e-mail",
    "ngo",
    "ngos",
    "tv",
    "internet",
    "mp",
    "mps",
    "ceo",
    "pm",
    "am",
    "president",
    "government",
    "police",
    "court",
    "ministry",
    // Plural nouns of the people reports speak of, capitalised at a sentence's or a heading's
    // start ("People were detained there", "Detention of Gay and Transgender People").
    "people",
    "persons",
    "prisoners",
    "detainees",
    "protesters",
    "protestors",
    "demonstrators",
    "activists",
    "journalists",
    "officials",
    "authorities",
    "residents",
    "citizens",
    "villagers",
    "witnesses",
    "victims",
    "relatives",
    "families",
];

fn never_a_name(name: &str) -> bool {
    // "US" is a country, "us" a pronoun: a word in capitals is checked against acronyms only.
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .all(|w| {
            if w.chars().count() > 1 && is_all_caps(w) {
                NEVER_ACRONYMS.contains(w)
            } else if w.bytes().all(|b| b.is_ascii_lowercase()) {
                // Most words are lowercase already: no copy to ask.
                never_names().contains(w)
            } else {
                never_names().contains(w.to_lowercase().as_str())
            }
        })
}

/// [`NEVER_NAMES`] as a set: asked for nearly every candidate's every word (FxHash: the words
/// are our own, so SipHash's defence against crafted keys buys nothing).
fn never_names() -> &'static rustc_hash::FxHashSet<&'static str> {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| NEVER_NAMES.iter().copied().collect())
}

/// Generic acronyms that name no one ("NGO", "TV").
static NEVER_ACRONYMS: Words =
    Words::new(&["NGO", "NGOS", "NGOs", "TV", "CEO", "MP", "MPs", "PM", "AM"]);

/// Common nouns naming a kind of organisation: a capitalised name right after (or, for some,
/// before) one is that organisation ("the opposition party Alga", "the newspaper Golos
/// Respubliki", "the *Respublika* newspaper").
static ORG_NOUNS_BEFORE: Words = Words::new(&[
    "party",
    "movement",
    "newspaper",
    "paper",
    "weekly",
    "daily",
    "magazine",
    "journal",
    "channel",
    "station",
    "broadcaster",
    "agency",
    "group",
    "organisation",
    "organization",
    "company",
    "website",
    "portal",
    "outlet",
    "union",
    "association",
    "foundation",
    "bloc",
    "coalition",
    "network",
    "publication",
    "NGO",
    "charity",
    "firm",
]);
static ORG_NOUNS_AFTER: Words = Words::new(&[
    "newspaper",
    "weekly",
    "daily",
    "magazine",
    "channel",
    "station",
    "party",
    "movement",
    "website",
    "agency",
    "broadcaster",
    "outlet",
    "group",
]);

/// Capitalised words that name the field of an office ("Minister of Health", "High Commissioner
/// for Human Rights", "Special Rapporteur on Torture"), not a person: a name that follows them is
/// the office holder's ([`office_holders`]).
static OFFICE_FIELDS: Words = Words::new(&[
    "Affairs",
    "Agriculture",
    "Assembly",
    "Association",
    "Broadcasting",
    "Children",
    "Commerce",
    "Communication",
    "Communications",
    "Culture",
    "Defence",
    "Defenders",
    "Defense",
    "Development",
    "Economy",
    "Education",
    "Energy",
    "Environment",
    "Executions",
    "Expression",
    "Finance",
    "Foreign",
    "Freedom",
    "Health",
    "Home",
    "Human",
    "Immigration",
    "Industry",
    "Information",
    "Interior",
    "Internal",
    "Justice",
    "Labor",
    "Labour",
    "Media",
    "Migrants",
    "Minorities",
    "Opinion",
    "Planning",
    "Police",
    "Prisons",
    "Public",
    "Refugees",
    "Relations",
    "Religious",
    "Rights",
    "Security",
    "Social",
    "Torture",
    "Trade",
    "Transport",
    "Transportation",
    "Welfare",
    "Women",
    "Youth",
]);

/// Lowercase words allowed inside an organisation's name ("Council of Europe").
static ORG_CONNECTORS: Words = Words::new(&["of", "for", "on", "against", "de"]);

/// Verbs of a group's mission after "to" in its name: "Committee to Protect Journalists",
/// "Campaign to Stop Killer Robots", "Coalition to End Torture".
static MISSION_VERBS: Words = Words::new(&[
    "Protect",
    "Stop",
    "End",
    "Free",
    "Defend",
    "Save",
    "Ban",
    "Abolish",
    "Promote",
    "Support",
    "Combat",
    "Prevent",
    "Eliminate",
    "Fight",
    "Monitor",
    "Restore",
    "Reform",
    "Preserve",
    "Investigate",
]);

fn is_capitalised(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && w.chars().any(char::is_alphabetic)
        && !w.chars().any(|c| c.is_ascii_digit())
}

fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "\u{2019}s" | "'" | "\u{2019}")
}

fn is_all_caps(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

/// The tokens of a sentence (CoNLL style: possessives split, hyphenated words whole).
struct Sentence<'t> {
    tokens: Vec<Span>,
    text: &'t str,
}

impl<'t> Sentence<'t> {
    fn word(&self, i: usize) -> &'t str {
        let s = self.tokens[i];
        &self.text[s.start..s.end]
    }
}

/// Cleans a span the way names are cited: surrounding white space, quotes and brackets, a
/// leading "the", a trailing possessive and trailing punctuation go; for a person, leading titles
/// go too. `None` when nothing name-like is left.
fn clean_span(gaz: &Gazetteer, text: &str, span: Span, ty: EntityType) -> Option<Span> {
    let (mut s, mut e) = (span.start, span.end);
    loop {
        let piece = text.get(s..e)?;
        let before = (s, e);
        let trimmed_start = piece.trim_start_matches(|c: char| {
            c.is_whitespace() || "\"\u{201c}\u{201d}\u{2018}'([«*_".contains(c)
        });
        s += piece.len() - trimmed_start.len();
        let piece = &text[s..e];
        let trimmed_end = piece.trim_end_matches(|c: char| {
            c.is_whitespace() || "\"\u{201c}\u{201d}\u{2019}')]».,;:*_".contains(c)
        });
        e -= piece.len() - trimmed_end.len();
        // "U.S." keeps its last full stop: it is part of the abbreviation.
        let last_word = text[s..e].rsplit(' ').next().unwrap_or("");
        if dotted_letters(last_word) && text[e..].starts_with('.') {
            e += 1;
        }
        let piece = &text[s..e];
        for suffix in ["'s", "\u{2019}s"] {
            if piece.ends_with(suffix) {
                e -= suffix.len();
            }
        }
        // "the Poland-based channel": the name is before the hyphen; "Kremlin-backed RT": after
        // the adjective.
        let piece = &text[s..e];
        if let Some(h) = adjective_hyphen(piece) {
            e = s + h;
        } else if let Some(first) = piece.split(' ').next().filter(|w| w.len() < piece.len()) {
            if adjective_hyphen(first).is_some() {
                s += first.len() + 1;
            }
        }
        let piece = &text[s..e];
        for lead in ["'s ", "\u{2019}s "] {
            if piece.starts_with(lead) {
                s += lead.len();
            }
        }
        let piece = &text[s..e];
        for article in ["the ", "The ", "THE "] {
            if piece.starts_with(article) {
                s += article.len();
            }
        }
        // "An Arizona jury", "A Russian court": an indefinite article before a place or a
        // nationality ("An" alone may be a given name: "An Nguyen").
        let piece = &text[s..e];
        for article in INDEFINITE_ARTICLES {
            if piece
                .strip_prefix(article)
                .is_some_and(|rest| !gaz.lookup(rest, Case::Sensitive).is_empty())
            {
                s += article.len();
            }
        }
        if ty == EntityType::Person {
            let piece = &text[s..e];
            let words: Vec<&str> = piece.split_whitespace().collect();
            // Two-word titles first ("Prime Minister"), then one word ("President", "Mr.").
            for n in (1..=gaz.max_title_words().min(words.len().saturating_sub(1))).rev() {
                let cand = words[..n].join(" ");
                // "Reporters Without Borders", "Lawyers for Human Rights" name a group.
                if gaz.is_title(&cand) && !group_name_link(words[n]) {
                    let cut = piece
                        .match_indices(words[n - 1])
                        .next()
                        .map(|(i, w)| i + w.len())
                        .unwrap_or(0);
                    s += cut;
                    break;
                }
            }
        }
        if (s, e) == before || s >= e {
            break;
        }
    }
    let piece = text.get(s..e)?;
    (s < e && piece.chars().any(char::is_alphabetic)).then(|| Span::new(s, e))
}

/// An indefinite article and its space, as it stands before a capitalised name.
const INDEFINITE_ARTICLES: [&str; 2] = ["A ", "An "];

/// A word that links a group's members to its cause in the group's name ("Reporters Without
/// Borders", "Lawyers for Human Rights", "Mothers Against Violence"); no person's name has one.
fn group_name_link(word: &str) -> bool {
    matches!(
        word,
        "Without" | "without" | "Against" | "against" | "For" | "for"
    )
}

fn place_country(gaz: &Gazetteer, name: &str) -> (Option<String>, bool) {
    let mut places = gaz.lookup(name, Case::Sensitive);
    if places.is_empty() {
        places = gaz.lookup(name, Case::Insensitive);
    }
    let demonym = !places.is_empty() && places.iter().all(|p| p.kind == PlaceKind::Demonym);
    (
        best_place(&places)
            .and_then(|p| p.country)
            .map(str::to_string),
        demonym,
    )
}

/// Reads every entity mention of `text`.
pub fn read(gaz: &Gazetteer, tagger: &Tagger, text: &str, sentence_spans: &[Span]) -> Vec<Mention> {
    let bp = boilerplate::scan(text);
    let reading = legal::find(gaz, text);
    let mut cands: Vec<Candidate> = Vec::new();

    for p in &reading.provisions {
        if bp.masks(&p.span) {
            continue;
        }
        cands.push(Candidate {
            span: p.span,
            ty: EntityType::LegalProvision,
            country: None,
            legal: Some(Box::new(p.legal.clone())),
            source: Source::Legal,
        });
    }
    let in_instrument = |s: &Span| reading.instruments.iter().any(|i| i.overlaps(s));

    for d in &bp.datelines {
        for place in d.places.iter().flatten() {
            let name = &text[place.start..place.end];
            let (country, _) = place_country(gaz, name);
            cands.push(Candidate {
                span: *place,
                ty: EntityType::Location,
                country,
                legal: None,
                source: Source::Dateline,
            });
        }
    }

    // Sentences that are wholly boilerplate are not read; partly masked ones (a dateline) are,
    // and what falls in the mask is dropped.
    let sentences: Vec<Span> = sentence_spans
        .iter()
        .copied()
        .filter(|s| !bp.masked.iter().any(|m| m.contains(s)))
        .collect();
    let tokenised: Vec<Sentence> = sentences
        .iter()
        .map(|s| Sentence {
            tokens: casefile_ner::conll_tokens(text, *s),
            text,
        })
        .collect();

    // Organisation names built on a head word.
    for sent in &tokenised {
        for span in head_word_orgs(gaz, sent) {
            if bp.masks(&span) || in_instrument(&span) {
                continue;
            }
            cands.push(Candidate::new(
                span,
                EntityType::Organization,
                Source::HeadWord,
            ));
        }
        for span in typed_orgs(gaz, sent) {
            if bp.masks(&span) || in_instrument(&span) {
                continue;
            }
            cands.push(Candidate::new(
                span,
                EntityType::Organization,
                Source::HeadWord,
            ));
        }
        for span in office_holders(gaz, sent) {
            if bp.masks(&span) {
                continue;
            }
            cands.push(Candidate::new(span, EntityType::Person, Source::HeadWord));
        }
        for span in lowercase_offices(sent) {
            if bp.masks(&span) {
                continue;
            }
            cands.push(Candidate::new(
                span,
                EntityType::Organization,
                Source::HeadWord,
            ));
        }
    }

    // The tagger.
    let pieces: Vec<&[Span]> = tokenised.iter().map(|s| s.tokens.as_slice()).collect();
    let tagged = tagger.tag_tokenised(text, &pieces);
    for (span, label) in tagged.into_iter().flatten() {
        let ty = match label {
            NerLabel::Per => EntityType::Person,
            NerLabel::Org => EntityType::Organization,
            NerLabel::Loc => EntityType::Location,
            NerLabel::Misc => EntityType::Misc,
        };
        let Some(span) = clean_span(gaz, text, span, ty) else {
            continue;
        };
        if bp.masks(&span) {
            continue;
        }
        let mut cand = Candidate {
            span,
            ty,
            country: None,
            legal: None,
            source: Source::Tagger,
        };
        fix_tagged(gaz, text, &mut cand);
        // Inside a law's name only its jurisdiction is a place ("Kazakhstan's Law on Mass
        // Media"); "Law" and "Mass Media" are not.
        if in_instrument(&cand.span) {
            let name = &text[cand.span.start..cand.span.end];
            let jurisdiction = gaz
                .lookup(name, Case::Sensitive)
                .iter()
                .any(|p| p.kind == PlaceKind::Country);
            if !(cand.ty == EntityType::Location && jurisdiction) {
                continue;
            }
        }
        cands.push(cand);
    }

    // Names after a title.
    for sent in &tokenised {
        for span in titled_persons(gaz, sent) {
            if bp.masks(&span) {
                continue;
            }
            cands.push(Candidate::new(span, EntityType::Person, Source::Title));
        }
    }

    // Gazetteer places.
    let (sensitive, insensitive) = gaz.find_all_both(text);
    let mentioned_countries: HashSet<String> = sensitive
        .iter()
        .filter(|m| !bp.masks(&m.span))
        .flat_map(|m| m.places.iter().filter_map(|p| p.country))
        .map(str::to_string)
        .collect();
    for m in insensitive {
        if bp.masks(&m.span) || in_instrument(&m.span) && !is_possessive_place(text, m.span) {
            continue;
        }
        if let Some(c) = gazetteer_candidate(
            gaz,
            text,
            &m.span,
            &m.places,
            m.exact_case,
            &mentioned_countries,
        ) {
            cands.push(c);
        }
    }

    // A bare title ("the Prosecutor said") names a person's office, not an organisation. A
    // person's name takes no article and no "of" after it: "the Big Lies of government", "the
    // Town Clerk of a small town" are things and offices.
    cands.retain(|c| {
        let name = &text[c.span.start..c.span.end];
        let thing_of = c.ty == EntityType::Person
            && c.source == Source::Tagger
            && text[..c.span.start].ends_with(" the ")
            && text[c.span.end..].starts_with(" of ");
        c.ty == EntityType::LegalProvision
            || !(thing_of
                || never_a_name(name)
                || (!name.contains(' ') && gaz.is_title(name))
                || (c.ty == EntityType::Organization && names_an_office(gaz, name)))
    });
    for c in &mut cands {
        retype_by_context(gaz, text, c);
    }
    for c in &mut cands {
        c.span = cut_at_headline_break(text, c.span);
    }
    let mut chosen = select(cands);
    join_initials(text, &mut chosen);
    join_split_names(gaz, text, &mut chosen);
    add_acronyms(text, &bp, &mut chosen);
    places_after_in(text, &mut chosen);
    unify_types(text, &mut chosen);
    propagate(text, &bp, &reading.instruments, &mut chosen);
    let mut chosen = select(chosen);
    drop_name_fragments(text, &mut chosen);
    drop_headline_capitals(text, &mut chosen);
    surnames_of_persons(gaz, text, &mut chosen);
    // A place's country, from the gazetteer, whoever found it, read in the light of the
    // countries the document names, or whose capitals it names ("Delta" in a report on Nigeria
    // is Delta State).
    let doc_countries: HashSet<&str> = chosen
        .iter()
        .filter(|c| c.ty == EntityType::Location)
        .flat_map(|c| {
            let name = &text[c.span.start..c.span.end];
            without_alias_capitals(gaz.lookup(name, Case::Sensitive), name)
        })
        .filter(|p| p.kind == PlaceKind::Country || p.capital)
        .filter_map(|p| p.country)
        .collect();
    for c in &mut chosen {
        if c.ty == EntityType::Location {
            let found = assign_country(gaz, text, c.span, &doc_countries);
            if found.is_some() || c.source != Source::Dateline {
                c.country = found;
            }
        }
    }
    chosen
        .into_iter()
        .map(|c| Mention {
            span: c.span,
            text: text[c.span.start..c.span.end].to_string(),
            entity_type: c.ty,
            country: c.country,
            legal: c.legal.map(|l| *l),
        })
        .collect()
}

/// The country of the place named at `span`: among the places of that name, one in a country the
/// document names, else a country, continent or city named by its own name (or a big one), and
/// a region only in a country the document names. "Niger state" is the Nigerian state.
fn assign_country(
    gaz: &Gazetteer,
    text: &str,
    span: Span,
    doc_countries: &HashSet<&str>,
) -> Option<String> {
    let name = &text[span.start..span.end];
    let case = if is_all_caps(name) {
        Case::Insensitive
    } else {
        Case::Sensitive
    };
    let next: String = text[span.end..]
        .trim_start_matches(' ')
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let mut places = Vec::new();
    if matches!(
        next.to_lowercase().as_str(),
        "state" | "province" | "region"
    ) {
        places = gaz.lookup(&format!("{name} {next}"), Case::Insensitive);
    }
    if places.is_empty() {
        places = gaz.lookup(name, case);
    }
    places.retain(|p| p.kind != PlaceKind::Demonym);
    let places = without_alias_capitals(places, name);
    let local: Vec<&Place> = places
        .iter()
        .copied()
        .filter(|p| p.country.is_some_and(|c| doc_countries.contains(c)))
        .collect();
    if let Some(p) = best_place(&local) {
        return p.country.map(str::to_string);
    }
    let plausible: Vec<&Place> = places
        .iter()
        .copied()
        .filter(|p| match p.kind {
            PlaceKind::Country | PlaceKind::Continent => true,
            PlaceKind::City => {
                p.capital || p.population_k >= 100 || p.name.eq_ignore_ascii_case(name)
            }
            // A region by its full ISO name ("Haryana"), not a short form made from one
            // ("Gulf" from "Gulf Province").
            // ("Haryana" for the table's "Haryāna": diacritics are not what makes a short form).
            PlaceKind::Region => same_letters(p.name, name),
            PlaceKind::Demonym => false,
        })
        .collect();
    best_place(&plausible)
        .and_then(|p| p.country)
        .map(str::to_string)
}

/// Drops a capital that bears `name` only as an alternate spelling when a bigger city bears it as
/// its own name: "Delhi" is Delhi, India, not Dili, the capital of Timor-Leste ("Delhi" is one of
/// Dili's old spellings), though a capital otherwise outranks a city of the same name.
fn without_alias_capitals<'a>(places: Vec<&'a Place>, name: &str) -> Vec<&'a Place> {
    let own_city_k = places
        .iter()
        .filter(|p| p.kind == PlaceKind::City && same_letters(p.name, name))
        .map(|p| p.population_k)
        .max();
    let Some(own_k) = own_city_k else {
        return places;
    };
    places
        .into_iter()
        .filter(|p| {
            !(p.kind == PlaceKind::City
                && p.capital
                && !same_letters(p.name, name)
                && p.population_k < own_k)
        })
        .collect()
}

/// The Latin letter under a diacritic ("ā" → 'a'), lowercased; other characters lowercased.
fn base_letter(c: char) -> char {
    let l = c.to_lowercase().next().unwrap_or(c);
    match l {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ġ' => 'g',
        'ḥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ṣ' => 's',
        'ť' | 'ţ' | 'ṭ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

/// True when two names spell the same letters, case and diacritics aside.
fn same_letters(a: &str, b: &str) -> bool {
    a.chars().map(base_letter).eq(b.chars().map(base_letter))
}

fn is_possessive_place(text: &str, span: Span) -> bool {
    let rest = &text[span.end..];
    rest.starts_with("'s") || rest.starts_with("\u{2019}s")
}

/// A name runs over a line break when a PDF wraps a line ("the Criminal\nCode"), not when the
/// line is a headline or list item of its own ("Kemir Courier\nAmendments"): a span whose first
/// line is short is cut at the break.
fn cut_at_headline_break(text: &str, span: Span) -> Span {
    let Some(nl) = text[span.start..span.end].find('\n') else {
        return span;
    };
    let line_start = text[..span.start].rfind('\n').map_or(0, |p| p + 1);
    let line_len = text[line_start..span.start + nl].chars().count();
    if line_len >= 60 {
        return span;
    }
    let end = span.start + text[span.start..span.start + nl].trim_end().len();
    Span::new(span.start, end.max(span.start))
}

/// Corrects a tagged span with the gazetteer: a country is a place whatever the tagger calls it
/// ("Kazakhstan has violated ..." is read as ORG by a news-trained model), a nationality word is
/// not a place, "Kazakhstan-based" is the place "Kazakhstan", and an organisation name does not
/// carry another entity's possessive ("Kazakhstan's Interior Ministry").
fn fix_tagged(gaz: &Gazetteer, text: &str, cand: &mut Candidate) {
    numbered_facility(text, cand);
    let name = &text[cand.span.start..cand.span.end];
    // A headline in capitals ("KAZAKSTAN") is looked up in any case.
    let case = if is_all_caps(name) && name.chars().count() >= 4 {
        Case::Insensitive
    } else {
        Case::Sensitive
    };
    let exact = gaz.lookup(name, case);
    // A place named by its own name (not a GeoNames alternate that happens to be a word) is a
    // place when the tagger calls it an organisation or a miscellaneous name ("an Almaty
    // court", "Kazakhstan has violated").
    let is_place = exact.iter().any(|p| match p.kind {
        PlaceKind::Country | PlaceKind::Continent => true,
        PlaceKind::City | PlaceKind::Region => p.name.eq_ignore_ascii_case(name),
        PlaceKind::Demonym => false,
    });
    // "An Arizona jury": after an indefinite article a place is no one's name.
    let indefinite = INDEFINITE_ARTICLES
        .iter()
        .any(|a| text[..cand.span.start].ends_with(a));
    if is_place
        && (matches!(cand.ty, EntityType::Organization | EntityType::Misc)
            || indefinite && cand.ty == EntityType::Person)
    {
        cand.ty = EntityType::Location;
    }
    // A capital or country of two words or more by its own name is no one's name ("Addis
    // Ababa", "Sri Lanka"), whatever the tagger says; one word may be ("Jordan", "Georgia").
    let capital_by_name = name.split_whitespace().count() >= 2
        && exact.iter().any(|p| {
            (p.kind == PlaceKind::Country || (p.kind == PlaceKind::City && p.capital))
                && p.name == name
        });
    if capital_by_name && cand.ty == EntityType::Person {
        cand.ty = EntityType::Location;
    }
    if !exact.is_empty() && exact.iter().all(|p| p.kind == PlaceKind::Demonym) {
        cand.ty = EntityType::Misc;
        cand.country = exact[0].country.map(str::to_string);
        return;
    }
    if matches!(cand.ty, EntityType::Location | EntityType::Misc) {
        if let Some((head, tail)) = name.split_once('-') {
            if tail.chars().all(|c| c.is_lowercase())
                && !gaz.lookup(head, Case::Sensitive).is_empty()
            {
                cand.span = Span::new(cand.span.start, cand.span.start + head.len());
                let (country, demonym) = place_country(gaz, head);
                cand.ty = if demonym {
                    EntityType::Misc
                } else {
                    EntityType::Location
                };
                cand.country = country;
                return;
            }
        }
    }
    // "Reporters Without Borders" at the start of a sentence: the tagger left the members'
    // word out of the group's name.
    if name.split(' ').next().is_some_and(group_name_link) {
        let before = text[..cand.span.start].trim_end_matches(' ');
        let prev = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if prev.starts_with(char::is_uppercase) && before.len() + 1 == cand.span.start {
            cand.span = Span::new(cand.span.start - 1 - prev.len(), cand.span.end);
            cand.ty = EntityType::Organization;
            return;
        }
    }
    let name = &text[cand.span.start..cand.span.end];
    // A person's name has no organisation's head word in it ("his restaurant, Cafe Seasons",
    // "Amnesty International"), and "Operation Epervier" is an operation, not a person.
    if cand.ty == EntityType::Person && name.contains(' ') {
        let first = name.split(' ').next().unwrap_or("");
        if first == "Operation" {
            cand.ty = EntityType::Misc;
        } else if name
            .split(' ')
            .any(|w| gaz.is_org_head(w) || group_name_link(w))
        {
            cand.ty = EntityType::Organization;
        }
    }
    if cand.ty == EntityType::Organization {
        for sep in ["'s ", "\u{2019}s "] {
            if let Some(i) = name.find(sep) {
                let owner = &name[..i];
                let places = gaz.lookup(owner, Case::Sensitive);
                if places.iter().any(|p| p.kind != PlaceKind::Demonym) {
                    cand.span = Span::new(cand.span.start + i + sep.len(), cand.span.end);
                }
            }
        }
    }
    if cand.ty == EntityType::Location {
        cand.country = best_place(&exact)
            .and_then(|p| p.country)
            .map(str::to_string);
    }
}

/// Organisation names built on a head word: a run of capitalised words (with "of", "for", "on",
/// "against" and possessives inside) holding a word like Ministry, Council, Court, Foundation.
fn head_word_orgs(gaz: &Gazetteer, sent: &Sentence) -> Vec<Span> {
    let n = sent.tokens.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !is_capitalised(sent.word(i))
            || is_all_caps(sent.word(i))
                && sent.word(i).len() > 1
                && !is_short_acronym(sent.word(i))
        {
            i += 1;
            continue;
        }
        // Extend the run.
        let start = i;
        let mut end = i + 1; // exclusive
        let mut j = i + 1;
        while j < n {
            let w = sent.word(j);
            if is_capitalised(w) && sent.tokens[j].start <= sent.tokens[j - 1].end + 1 {
                end = j + 1;
                j += 1;
            } else if (ORG_CONNECTORS.contains(w)
                || is_possessive(w)
                || (w == "to" && j + 1 < n && MISSION_VERBS.contains(sent.word(j + 1))))
                && j + 1 < n
                && is_capitalised(sent.word(j + 1))
            {
                j += 1;
            } else if ORG_CONNECTORS.contains(w)
                && j + 2 < n
                && sent.word(j + 1) == "the"
                && is_capitalised(sent.word(j + 2))
                && (start..j).any(|k| gaz.is_org_head(sent.word(k)))
            {
                // "National Union of Journalists of the Philippines", "Ministry of the Interior";
                // not a person or a role before it ("X of the Bisan Center", "Executive
                // Director of the Foundation").
                j += 2;
            } else {
                break;
            }
        }
        i = end.max(i + 1);
        let mut s = start;
        // A sentence opener is not part of the name that follows it, nor is a person's role
        // before "of" ("Deputy Director of Amnesty International"); a title before a possessive
        // is ("General Prosecutor's Office").
        while s < end && OPENERS.contains(sent.word(s)) {
            s += 1;
        }
        let mut t = s;
        while t < end && gaz.is_title(sent.word(t)) {
            t += 1;
        }
        if t > s && t < end && ORG_CONNECTORS.contains(sent.word(t)) {
            s = t + 1;
        }
        if s >= end {
            continue;
        }
        // Another entity's possessive opens the run: "Kazakhstan's Interior Ministry",
        // "Amnesty International's Europe and Central Asia Programme". A single ordinary word
        // before the possessive is part of the name ("People's Front", "Workers' Movement").
        let mut k = s;
        while k < end {
            if is_possessive(sent.word(k)) && k == s {
                // A possessive cannot open a name.
                s = k + 1;
            } else if is_possessive(sent.word(k)) {
                let owner_words = k - s;
                let owner = &sent.text[sent.tokens[s].start..sent.tokens[k - 1].end];
                // "General Prosecutor's Office", "Attorney General's Office": a title before the
                // possessive makes one name with it.
                let owner_last = sent.word(k - 1);
                let owner_is_entity = !gaz.is_title(owner_last)
                    && (owner_words > 1
                        || !gaz.lookup(owner, Case::Sensitive).is_empty()
                        || is_all_caps(owner));
                if owner_is_entity {
                    s = k + 1;
                }
            }
            k += 1;
        }
        if s >= end {
            continue;
        }
        // "the New York-based Committee to Protect Journalists": the name starts after the
        // participle that places it.
        if let Some(k) = (s..end)
            .rev()
            .find(|&k| adjective_hyphen(sent.word(k)).is_some())
        {
            s = k + 1;
        }
        let heads: Vec<usize> = (s..end)
            .filter(|&k| gaz.is_org_head(sent.word(k)))
            .collect();
        let Some(&last_head) = heads.last() else {
            continue;
        };
        // The name ends at its head ("Ford Motor Company", not "... Company CEO Alan Mulally")
        // or goes on through "of ..." ("Ministry of Health", "Council of Europe"), never
        // through a month or a sentence word ("Office on June").
        let mut stop = last_head + 1;
        if stop < end && (ORG_CONNECTORS.contains(sent.word(stop)) || sent.word(stop) == "to") {
            stop = end;
        }
        if let Some(k) = (s + 1..stop).find(|&k| OPENERS.contains(sent.word(k))) {
            stop = k;
        }
        while stop > s
            && (ORG_CONNECTORS.contains(sent.word(stop - 1)) || is_possessive(sent.word(stop - 1)))
        {
            stop -= 1;
        }
        if stop < s + 2 || !(s..stop).any(|k| gaz.is_org_head(sent.word(k))) {
            continue;
        }
        let end = stop;
        out.push(Span::new(sent.tokens[s].start, sent.tokens[end - 1].end));
    }
    out
}

/// A name in emphasis or quotes, or a capitalised run, next to a noun saying what kind of
/// organisation it is: "the opposition party \"Alga!\"", "the *Respublika* newspaper", "the
/// Internet TV station *Stan TV*", "the social movement Khalyk Maydany".
fn typed_orgs(gaz: &Gazetteer, sent: &Sentence) -> Vec<Span> {
    let n = sent.tokens.len();
    let text = sent.text;
    let mut out = Vec::new();
    let is_delim = |w: &str| {
        matches!(
            w,
            "*" | "_" | "\"" | "\u{201c}" | "\u{201d}" | "'" | "\u{2018}" | "\u{2019}"
        )
    };
    // A name: capitalised words, with symbols glued to them ("K+", "Alga!"), and inside
    // delimiters also lowercase words ("*K+ satellite*").
    let name_at = |i: usize| -> Option<(usize, usize, bool)> {
        let mut j = i;
        let delimited = j < n && is_delim(sent.word(j));
        if delimited {
            j += 1;
        }
        let start = j;
        if j >= n
            || !is_capitalised(sent.word(j))
            || OPENERS.contains(sent.word(j))
            || gaz.is_title(sent.word(j))
        {
            return None;
        }
        while j < n && j - start < 5 {
            let w = sent.word(j);
            let glued = j > start
                && sent.tokens[j].start == sent.tokens[j - 1].end
                && matches!(w, "+" | "!" | "&");
            if is_capitalised(w)
                || glued
                || (delimited && j > start && w.chars().all(char::is_alphabetic))
            {
                j += 1;
            } else {
                break;
            }
        }
        if delimited {
            // The closing mark may follow a comma or full stop: "\"Alga!,\"".
            let close = if j < n && matches!(sent.word(j), "," | ".") {
                j + 1
            } else {
                j
            };
            if close < n && is_delim(sent.word(close)) {
                return Some((start, j, true));
            }
            return None;
        }
        Some((start, j, false))
    };
    for i in 0..n {
        let w = sent.word(i);
        // Noun, then name.
        if ORG_NOUNS_BEFORE.contains(w) {
            let delimited = name_at(i + 1);
            let plain = if i + 2 < n && is_delim(sent.word(i + 1)) {
                name_at(i + 2)
            } else {
                None
            };
            if let Some((s, e, _)) = delimited.or(plain) {
                let name = &text[sent.tokens[s].start..sent.tokens[e - 1].end];
                // Only a country or nationality is never a party's name; a town of the same name
                // somewhere ("Alga" in Ethiopia) does not stop it.
                let country_word = gaz
                    .lookup(name, Case::Sensitive)
                    .iter()
                    .any(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Demonym));
                if !country_word {
                    out.push(Span::new(sent.tokens[s].start, sent.tokens[e - 1].end));
                }
            }
        }
        // Name, then noun ("the Respublika newspaper", "*K+ satellite* TV channel").
        if i == 0
            || i > 0
                && (matches!(sent.word(i - 1), "the" | "a" | "an" | "its" | "their")
                    || sent.word(i - 1) == "The"
                    || sent.word(i - 1) == ";"
                    || sent.word(i - 1) == ",")
        {
            let start_at = if i == 0 { 0 } else { i };
            if let Some((s, e, delimited)) = name_at(start_at) {
                let mut k = if delimited { e + 1 } else { e };
                let first_modifier = k;
                // Up to two words of kind between name and noun: "K+ satellite TV channel".
                while k < n
                    && k < first_modifier + 2
                    && matches!(
                        sent.word(k),
                        "TV" | "television"
                            | "radio"
                            | "satellite"
                            | "opposition"
                            | "online"
                            | "news"
                    )
                {
                    k += 1;
                }
                if k < n && ORG_NOUNS_AFTER.contains(sent.word(k)) {
                    let name = &text[sent.tokens[s].start..sent.tokens[e - 1].end];
                    // "the Poland-based television channel": where it is based, not its name;
                    // "the Kremlin-backed RT channel": the name after the adjective.
                    if adjective_hyphen(name).is_some() {
                        continue;
                    }
                    let s = if e - s > 1 && adjective_hyphen(sent.word(s)).is_some() {
                        s + 1
                    } else {
                        s
                    };
                    let name = &text[sent.tokens[s].start..sent.tokens[e - 1].end];
                    let places = gaz.lookup(name, Case::Sensitive);
                    if places.is_empty() {
                        out.push(Span::new(sent.tokens[s].start, sent.tokens[e - 1].end));
                    }
                }
            }
        }
    }
    // "the news website Tut.by." at a sentence's end: the full stop is the sentence's.
    for span in &mut out {
        *span = without_final_stop(text, *span);
    }
    out
}

/// "Penal Colony No. 17", "Detention Centre No. 2": the tagger stops at the abbreviation's full
/// stop and reads "Colony No" as a name. The number belongs to the name, as do the capitalised
/// words right before it, and a numbered facility is an institution, not a person.
fn numbered_facility(text: &str, cand: &mut Candidate) {
    let name = &text[cand.span.start..cand.span.end];
    if !(name.ends_with(" No") || name.ends_with(" no")) {
        return;
    }
    let after = &text[cand.span.end..];
    let Some(number) = after.strip_prefix(". ") else {
        return;
    };
    let digits = number.len()
        - number
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    if digits == 0 {
        return;
    }
    cand.span.end += 2 + digits;
    // "in Penal Colony": capitalised words before, back to a lowercase word.
    for _ in 0..2 {
        let before = text[..cand.span.start].strip_suffix(' ').unwrap_or("");
        let word_start = before
            .rfind(|c: char| !c.is_alphabetic())
            .map_or(0, |i| i + 1);
        let word = &before[word_start..];
        if word.starts_with(char::is_uppercase) && !before[..word_start].trim_end().ends_with('.') {
            cand.span.start = word_start;
        } else {
            break;
        }
    }
    cand.ty = EntityType::Organization;
}

/// True for letters joined by full stops without the last one: "U.S", "N.Y".
fn dotted_letters(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

/// `span` without a full stop that ends its last word, unless the word is a dotted
/// abbreviation ("U.S.", "N.Y.") or an initial ("K."): "Tut.by." at a sentence's end is
/// "Tut.by".
fn without_final_stop(text: &str, span: Span) -> Span {
    let name = &text[span.start..span.end];
    let core = name.rsplit(' ').next().unwrap_or("").trim_end_matches('.');
    let abbreviation = dotted_letters(core) || core.chars().count() <= 1;
    if name.len() > 1 && name.ends_with('.') && !abbreviation {
        Span::new(span.start, span.end - 1)
    } else {
        span
    }
}

/// Where a name made an adjective by a hyphenated participle ends: "Poland-based",
/// "Kremlin-backed", "US-led" give the offset of their hyphen.
fn adjective_hyphen(name: &str) -> Option<usize> {
    let h = name.rfind('-')?;
    matches!(
        &name[h + 1..],
        "based"
            | "born"
            | "led"
            | "backed"
            | "funded"
            | "owned"
            | "run"
            | "controlled"
            | "language"
            | "speaking"
    )
    .then_some(h)
}

/// "Ramón J. Velásquez": the tagger stops at the initial's full stop; the name goes on.
fn join_initials(text: &str, chosen: &mut Vec<Candidate>) {
    let mut i = 0;
    while i + 1 < chosen.len() {
        let (a, b) = (&chosen[i], &chosen[i + 1]);
        let name = &text[a.span.start..a.span.end];
        let last = name.rsplit(' ').next().unwrap_or("");
        let initial = last.chars().count() == 1 && last.chars().all(char::is_uppercase);
        let between = text.get(a.span.end..b.span.start).unwrap_or("");
        let b_name = &text[b.span.start..b.span.end];
        if a.ty == EntityType::Person
            && initial
            && (between == ". " || between == ".")
            && (b.ty == EntityType::Person || !b_name.contains(' '))
        {
            chosen[i].span = Span::new(chosen[i].span.start, chosen[i + 1].span.end);
            chosen.remove(i + 1);
            continue;
        }
        i += 1;
    }
}

/// A given name the tagger split from the rest of a person's name ("Journalists Abdifatah" as an
/// organisation, then "Mohamed Abdi" as a person) is joined to it: one capitalised word that is
/// no place, acronym or organisation head, right before a person's name with one space between,
/// is that name's first word; a role word before it ("Journalists") is left out, as titles are.
fn join_split_names(gaz: &Gazetteer, text: &str, chosen: &mut Vec<Candidate>) {
    let mut i = 0;
    while i + 1 < chosen.len() {
        let (a, b) = (&chosen[i], &chosen[i + 1]);
        let between = text.get(a.span.end..b.span.start).unwrap_or("");
        let name = &text[a.span.start..a.span.end];
        let mut words: Vec<&str> = name.split(' ').collect();
        let mut start = a.span.start;
        if words.len() == 2 {
            let role = words[0];
            if gaz.is_title(role) || gaz.is_title(role.strip_suffix('s').unwrap_or(role)) {
                start += role.len() + 1;
                words.remove(0);
            }
        }
        let word = words[0];
        let joinable = words.len() == 1
            && matches!(
                a.source,
                Source::Tagger | Source::Gazetteer | Source::Propagated
            )
            && matches!(
                a.ty,
                EntityType::Organization | EntityType::Location | EntityType::Misc
            )
            && b.ty == EntityType::Person
            && between == " "
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).all(char::is_lowercase)
            && !gaz.is_org_head(word)
            && !gaz.is_title(word)
            && gaz.lookup(word, Case::Sensitive).is_empty();
        if joinable {
            let end = chosen[i + 1].span.end;
            chosen[i + 1].span = Span::new(start, end);
            chosen.remove(i);
            continue;
        }
        i += 1;
    }
}

fn is_short_acronym(w: &str) -> bool {
    (2..=6).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
}

/// Prosecutors' offices written in lowercase: "the attorney general's office", "the prosecutor's
/// office". These name an institution though they are not capitalised.
fn lowercase_offices(sent: &Sentence) -> Vec<Span> {
    let n = sent.tokens.len();
    let mut out = Vec::new();
    for i in 0..n {
        if sent.word(i) != "office" || i < 2 || !is_possessive(sent.word(i - 1)) {
            continue;
        }
        let w1 = sent.word(i - 2).to_lowercase();
        let w0 = if i >= 3 {
            sent.word(i - 3).to_lowercase()
        } else {
            String::new()
        };
        let start = match (w0.as_str(), w1.as_str()) {
            ("attorney" | "prosecutor" | "procurator", "general") => i - 3,
            ("general", "prosecutor" | "procurator") => i - 3,
            (_, "prosecutor" | "procurator") => i - 2,
            _ => continue,
        };
        out.push(Span::new(sent.tokens[start].start, sent.tokens[i].end));
    }
    out
}

/// A name after a title or role: "President Nazarbayev", "Ms Struthers", "journalist Makhambet
/// Abzhan", "HRF president, Thor Halvorssen". The title stays outside the span.
fn titled_persons(gaz: &Gazetteer, sent: &Sentence) -> Vec<Span> {
    let n = sent.tokens.len();
    let mut out = Vec::new();
    // The candidate title, one buffer for every token.
    let mut words = String::new();
    let mut i = 0;
    while i < n {
        let mut title_len = 0;
        // A title of two or more words begins with its first word, as any key of a token
        // without white space does: other tokens try one word only.
        let w = sent.word(i);
        let (alone, longer) = if w.contains(char::is_whitespace) {
            (gaz.is_title(w), true)
        } else {
            gaz.title_word(w)
        };
        let longest = if longer { gaz.max_title_words() } else { 1 };
        for len in (1..=longest).rev() {
            if i + len > n {
                continue;
            }
            if len == 1 {
                // The word alone, which `title_word` has keyed already.
                if alone {
                    title_len = 1;
                }
                break;
            }
            words.clear();
            for k in i..i + len {
                if k > i {
                    words.push(' ');
                }
                words.push_str(sent.word(k));
            }
            if gaz.is_title(&words) {
                title_len = len;
                break;
            }
        }
        if title_len == 0 {
            i += 1;
            continue;
        }
        let mut j = i + title_len;
        // "Mr." : the dot is its own token.
        if j < n && sent.word(j) == "." {
            j += 1;
        }
        let comma = j < n && sent.word(j) == ",";
        if comma {
            j += 1;
        }
        let start = j;
        while j < n && j - start < 3 && is_name_word(gaz, sent.word(j)) {
            j += 1;
        }
        let len = j - start;
        // After a comma only a full name counts ("president, Thor Halvorssen"), and it must end
        // there (not "leader, Amnesty International said").
        let ok = if comma {
            len >= 2 && (j == n || !is_capitalised(sent.word(j)))
        } else {
            len >= 1
        };
        if ok && len > 0 {
            out.push(Span::new(sent.tokens[start].start, sent.tokens[j - 1].end));
            i = j;
        } else {
            i += title_len;
        }
    }
    out
}

/// The holder named right after an office's field: "High Commissioner for Human Rights Navi
/// Pillay", "Minister of the Interior Taoufik Charfeddine", "Special Rapporteur on Torture Nils
/// Melzer", "President of France Emmanuel Macron". The tagger reads field and name as one
/// organisation; a full name (two or three name words, ending there) after a title, "of", "for"
/// or "on" and words of [`OFFICE_FIELDS`] or a country's name is a person.
fn office_holders(gaz: &Gazetteer, sent: &Sentence) -> Vec<Span> {
    let n = sent.tokens.len();
    let is_field = |w: &str| {
        OFFICE_FIELDS.contains(w)
            || gaz
                .lookup(w, Case::Sensitive)
                .iter()
                .any(|p| p.kind == PlaceKind::Country)
    };
    let mut out = Vec::new();
    for i in 0..n.saturating_sub(4) {
        if !opens_office(gaz, sent.word(i), sent.word(i + 1)) {
            continue;
        }
        let mut j = i + 2;
        if sent.word(j) == "the" {
            j += 1;
        }
        // The field ends after its last field word; "and" or "of" only join two of them.
        let mut field_end = None;
        while j < n {
            let w = sent.word(j);
            if is_field(w) {
                j += 1;
                field_end = Some(j);
            } else if field_end == Some(j) && matches!(w, "and" | "of" | "&") {
                j += 1;
            } else {
                break;
            }
        }
        let Some(start) = field_end else { continue };
        let mut end = start;
        while end < n
            && end - start < 3
            && is_name_word(gaz, sent.word(end))
            && !is_field(sent.word(end))
        {
            end += 1;
        }
        if end - start >= 2 && (end == n || !is_capitalised(sent.word(end))) {
            out.push(Span::new(
                sent.tokens[start].start,
                sent.tokens[end - 1].end,
            ));
        }
    }
    out
}

/// True when `name` is an office, a title with its field ("Head of Policy", "Minister of
/// Information and Culture", "Commissioner for Human Rights"), and no organisation: no word of it
/// heads an organisation's name ("Director of the Office of …" is left alone).
fn names_an_office(gaz: &Gazetteer, name: &str) -> bool {
    let mut ws = name.split_whitespace();
    let (Some(first), Some(second)) = (ws.next(), ws.next()) else {
        return false;
    };
    opens_office(gaz, first, second) && !name.split_whitespace().any(|w| gaz.is_org_head(w))
}

/// True when `title` and the word after it open an office with its field: a capitalised title,
/// then "of", "for" or "on" ("Minister of", "Commissioner for", "Rapporteur on").
fn opens_office(gaz: &Gazetteer, title: &str, next: &str) -> bool {
    is_capitalised(title) && gaz.is_title(title) && matches!(next, "of" | "for" | "on")
}

fn is_name_word(gaz: &Gazetteer, w: &str) -> bool {
    is_capitalised(w)
        && !is_all_caps(w)
        && !OPENERS.contains(w)
        && !gaz.is_title(w)
        && !gaz.is_org_head(w)
        // Surnames can be old town names ("Kozlov" was Michurinsk): only a country or a
        // nationality word stops a name here.
        && !gaz
            .lookup(w, Case::Sensitive)
            .iter()
            .any(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Demonym | PlaceKind::Continent))
        && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}')
}

/// A gazetteer match as a candidate, when it is believable on its own: a country or a region of
/// the world as written, or a city the document's countries make likely, that is not a common
/// word here and not part of a longer name.
fn gazetteer_candidate(
    gaz: &Gazetteer,
    text: &str,
    span: &Span,
    places: &[&Place],
    exact_case: bool,
    mentioned_countries: &HashSet<String>,
) -> Option<Candidate> {
    let name = &text[span.start..span.end];
    if !name.starts_with(char::is_uppercase) {
        return None;
    }
    let best = best_place(places)?;
    if best.kind == PlaceKind::Demonym {
        return Some(Candidate {
            span: *span,
            ty: EntityType::Misc,
            country: best.country.map(str::to_string),
            legal: None,
            source: Source::Gazetteer,
        });
    }
    if !exact_case {
        // "KAZAKSTAN" in a headline: a country or a big city in capitals.
        let big = best.kind == PlaceKind::Country || best.population_k >= 100 || best.capital;
        if !(is_all_caps(name) && name.len() >= 4 && big) {
            return None;
        }
    }
    // A word written in lowercase elsewhere in the text is a common word here ("Police",
    // "Mission", "Of").
    let lower = name.to_lowercase();
    if OPENERS.contains(name) || never_a_name(name) {
        return None;
    }
    // GeoNames' alternate names include short words in other languages ("She", "Alga"): a city
    // found by the gazetteer alone must be named by its own name or a long alternate.
    if matches!(best.kind, PlaceKind::City | PlaceKind::Region)
        && !(best.name.eq_ignore_ascii_case(name) || name.chars().count() >= 6)
    {
        return None;
    }
    if name.len() < 3 || gaz.is_org_head(name) || gaz.is_title(name) || contains_word(text, &lower)
    {
        return None;
    }
    // Part of a longer capitalised name ("Almaty City Council", "New York Times").
    let before = text[..span.start].trim_end_matches([' ', '\t']);
    let prev_word: &str = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let after = text[span.end..].trim_start_matches([' ', '\t']);
    let next_word: &str = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let prev_cap = before.ends_with(|c: char| c.is_alphanumeric())
        && is_capitalised(prev_word)
        && !OPENERS.contains(prev_word);
    let next_cap = after.starts_with(char::is_uppercase) && is_capitalised(next_word);
    if (prev_cap || next_cap) && exact_case {
        return None;
    }
    let likely = match best.kind {
        PlaceKind::Country | PlaceKind::Continent => true,
        PlaceKind::City | PlaceKind::Region => {
            best.capital
                || best.population_k >= 500
                || best
                    .country
                    .is_some_and(|c| mentioned_countries.contains(c))
                    && best.population_k >= 15
                || best.kind == PlaceKind::Region
                    && best
                        .country
                        .is_some_and(|c| mentioned_countries.contains(c))
        }
        PlaceKind::Demonym => false,
    };
    // A country's full name ("Republic of Kazakhstan") is better read whole than as the
    // tagger's pieces.
    let source = if best.kind == PlaceKind::Country && exact_case && name.contains(' ') {
        Source::Country
    } else {
        Source::Gazetteer
    };
    likely.then(|| Candidate {
        span: *span,
        ty: EntityType::Location,
        country: best.country.map(str::to_string),
        legal: None,
        source,
    })
}

/// True when `word` (lowercase) occurs in `text` as a whole lowercase word.
fn contains_word(text: &str, word: &str) -> bool {
    let whole = |i: usize| {
        let b = text[..i].chars().next_back();
        let a = text[i + word.len()..].chars().next();
        !b.is_some_and(char::is_alphanumeric) && !a.is_some_and(char::is_alphanumeric)
    };
    if word.is_empty() {
        return text.match_indices(word).any(|(i, _)| whole(i));
    }
    // memchr's vectorised search: the same non-overlapping matches as `match_indices`, each at a
    // character boundary (both are valid UTF-8); the text is searched once per place name.
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).any(whole)
}

/// Most trusted first; between equals the longer span, then the earlier.
fn sort_by_trust(cands: &mut [Candidate]) {
    cands.sort_by(|a, b| {
        a.source
            .cmp(&b.source)
            .then(b.span.len().cmp(&a.span.len()))
            .then(a.span.start.cmp(&b.span.start))
    });
}

/// Keeps the most trusted of overlapping candidates; a longer span wins between equals.
fn select(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    sort_by_trust(&mut cands);
    let mut kept: Vec<Candidate> = Vec::new();
    // The kept spans by (start, end), with their index in `kept`. Kept spans never overlap one
    // another (provisions sharing one span aside), so in this order their ends never decrease
    // either, and the only ones a new span can overlap are the last of those starting before it
    // ends: a binary search and a few steps back, where a pass over every kept span made
    // choosing quadratic. An inverted span (never made, but not ruled out by the type) ends
    // that reasoning: from then on every kept span is checked.
    let mut order: Vec<(usize, usize, usize)> = Vec::new();
    let mut ordered = true;
    for c in cands {
        // Provisions cited together share one span: each is its own mention.
        let clashes = |k: &Candidate| {
            k.span.overlaps(&c.span)
                && !(k.ty == EntityType::LegalProvision
                    && c.ty == EntityType::LegalProvision
                    && k.span == c.span
                    && k.legal != c.legal)
        };
        let clash = if ordered && c.span.start <= c.span.end {
            let upto = order.partition_point(|&(start, _, _)| start < c.span.end);
            order[..upto]
                .iter()
                .rev()
                .take_while(|&&(_, end, _)| end > c.span.start)
                .any(|&(_, _, i)| clashes(&kept[i]))
        } else {
            kept.iter().any(clashes)
        };
        // A head-word organisation fixes the tagger's boundaries only when it covers the
        // tagger's span; a tagged name it cuts through is kept instead ("Amnesty
        // International's Europe and Central Asia Programme").
        if !clash {
            ordered &= c.span.start <= c.span.end;
            let key = (c.span.start, c.span.end);
            let at = order.partition_point(|&(start, end, _)| (start, end) <= key);
            order.insert(at, (key.0, key.1, kept.len()));
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| (c.span.start, c.span.end));
    kept
}

/// The tagger's place, organisation or miscellaneous name is a person when it has a person's
/// name's shape ([`personal_name_shape`]), or when a title stands before it ("leader Madel
/// Ismailov") or a role after it ("Madel Ismailov, leader of ..."); an organisation is one only
/// with the title before it. A known place is left alone.
fn retype_by_context(gaz: &Gazetteer, text: &str, c: &mut Candidate) {
    if c.source != Source::Tagger
        || !matches!(
            c.ty,
            EntityType::Location | EntityType::Misc | EntityType::Organization
        )
    {
        return;
    }
    let name = &text[c.span.start..c.span.end];
    let places = gaz.lookup(name, Case::Sensitive);
    if !name.split(' ').all(is_capitalised) || places.iter().any(|p| p.kind != PlaceKind::Demonym) {
        return;
    }
    // "Roman Orehansky": a given name that is also a people's adjective made it miscellaneous.
    if personal_name_shape(gaz, name) {
        c.ty = EntityType::Person;
        return;
    }
    // A nationality after a role word describes the person ("dissident Iranian journalist"); it
    // is a name only after a capitalised title ("Judge French").
    let demonym = !places.is_empty();
    let before: Vec<&str> = text[..c.span.start]
        .split_whitespace()
        .rev()
        .take(2)
        .collect();
    let titled = before.first().is_some_and(|w| {
        !w.ends_with(',') && gaz.is_title(w) && !(demonym && w.starts_with(char::is_lowercase))
    }) || (before.len() == 2 && gaz.is_title(&format!("{} {}", before[1], before[0])));
    let after = text[c.span.end..].trim_start_matches([' ', '\u{2019}', '\'']);
    let role_after = after.strip_prefix(", ").is_some_and(|rest| {
        let mut words = rest.split(|ch: char| !ch.is_alphanumeric() && ch != '-');
        let mut w = words.next().unwrap_or("");
        if matches!(w, "a" | "an" | "the") {
            w = words.next().unwrap_or("");
        }
        !w.is_empty() && w.starts_with(char::is_lowercase) && gaz.is_title(w)
    });
    if titled || (role_after && !demonym && c.ty != EntityType::Organization) {
        c.ty = EntityType::Person;
        c.source = Source::Title;
    }
}

/// Surname endings of the region's naming systems (Russian and Kazakh -ov/-ova, -yev, -in/-ina,
/// Ukrainian -enko, patronymics, Kazakh -uly/-kyzy, Georgian -shvili/-dze, Polish -ski/-ska). Not
/// Armenian -yan: Tagalog names of organisations end so ("Bagong Alyansang Makabayan").
const SURNAME_ENDINGS: &[&str] = &[
    "ov", "ova", "ev", "eva", "yev", "yeva", "enko", "ovich", "evich", "ovna", "evna", "sky",
    "skaya", "skaia", "skaja", "skiy", "skij", "skyi", "ski", "ska", "uly", "kyzy", "shvili",
    "dze", "in", "ina",
];

/// True when a name the tagger read as an organisation or a place has the shape of a person's
/// name: two or three capitalised words, none an organisation's head word ("Court", "Party") or a
/// country, the last no place and ending as a surname does ("Nurbek Abylykov" beside "the Shulan
/// City Court found Nurbek Abylykov guilty"). Organisations named after a person carry a head word
/// ("the Andrei Sakharov Foundation").
fn personal_name_shape(gaz: &Gazetteer, name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let Some(last) = words.last() else {
        return false;
    };
    // A given name may be a city's or a region's too ("Sofia", "Ksenia" spelling Xenia, Ohio;
    // `is_name_word` stops countries); a surname may not.
    (2..=3).contains(&words.len())
        && words.iter().all(|w| is_name_word(gaz, w) && w.len() >= 2)
        && gaz.lookup(last, Case::Sensitive).is_empty()
        && last.len() >= 5
        && SURNAME_ENDINGS.iter().any(|e| last.ends_with(e))
}

/// True when `word` names no place, or only small towns: a person's name may be one ("Ksenia"
/// is also Xenia, Ohio), a country, region or city of note is read as the place.
fn at_most_a_small_town(gaz: &Gazetteer, word: &str) -> bool {
    gaz.lookup(word, Case::Sensitive)
        .iter()
        .all(|p| p.kind == PlaceKind::City && !p.capital && p.population_k < 500)
}

/// A one-word name the tagger read as an organisation or a place that is the surname of a person
/// the document names in full is that person ("The trial of Zhanibek Abylenbayev … Abylenbayev
/// told the court"), unless an organisation's name ends in it too.
fn surnames_of_persons(gaz: &Gazetteer, text: &str, chosen: &mut [Candidate]) {
    let surnames = last_words_of(text, chosen, EntityType::Person);
    let org_ends = last_words_of(text, chosen, EntityType::Organization);
    for c in chosen.iter_mut() {
        let name = &text[c.span.start..c.span.end];
        if matches!(c.source, Source::Tagger | Source::Propagated)
            && matches!(
                c.ty,
                EntityType::Organization | EntityType::Location | EntityType::Misc
            )
            && !name.contains(' ')
            && surnames.contains(name)
            && !org_ends.contains(name)
            && at_most_a_small_town(gaz, name)
        {
            c.ty = EntityType::Person;
        }
    }
}

/// The last words of the names of two words or more of type `ty` ("Courier" of "Kemir Courier").
fn last_words_of<'t>(text: &'t str, chosen: &[Candidate], ty: EntityType) -> HashSet<&'t str> {
    chosen
        .iter()
        .filter(|c| c.ty == ty)
        .filter_map(|c| {
            let name = &text[c.span.start..c.span.end];
            name.contains(' ')
                .then(|| name.rsplit(' ').next())
                .flatten()
        })
        .collect()
}

/// Every word of the persons named with two words or more.
fn words_of_full_names<'t>(text: &'t str, chosen: &[Candidate]) -> HashSet<&'t str> {
    chosen
        .iter()
        .filter(|c| c.ty == EntityType::Person)
        .map(|c| &text[c.span.start..c.span.end])
        .filter(|n| n.contains(' '))
        .flat_map(|n| n.split(' '))
        .collect()
}

/// A one-word person that is only ever the last word of an organisation's name in this document
/// ("Courier" of "Kemir Courier") is a fragment the tagger cut off, not a person.
fn drop_name_fragments(text: &str, chosen: &mut Vec<Candidate>) {
    let last_words = last_words_of(text, chosen, EntityType::Organization);
    let person_words = words_of_full_names(text, chosen);
    chosen.retain(|c| {
        let name = &text[c.span.start..c.span.end];
        let fragment = c.ty == EntityType::Person
            && !name.contains(' ')
            && last_words.contains(name)
            && !person_words.contains(name);
        !fragment
    });
}

/// A name the tagger read only in a title-case headline ("Investigate Death of Protester in
/// Custody", "Free Jailed Journalists") is the headline's capitals, not a name, when the body
/// writes one of its words in lowercase ("the protester", "in custody") and none of them with a
/// capital inside a sentence. A name the body repeats ("Release Vladimir Kozlov") stays.
fn drop_headline_capitals(text: &str, chosen: &mut Vec<Candidate>) {
    let Some(end) = text.find('\n') else {
        return;
    };
    // Most documents have no tagger name in their first line: nothing to read then.
    if !chosen
        .iter()
        .any(|c| c.source == Source::Tagger && c.span.end <= end)
    {
        return;
    }
    let (headline, body) = text.split_at(end);
    let long_words = || {
        headline
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 4)
    };
    let capitalised = long_words()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    let all = long_words().count();
    if all < 3 || capitalised * 10 < all * 7 {
        return;
    }
    // A capital after a lowercase word and a space is inside a sentence.
    let capital_inside_sentence = |w: &str| {
        memchr::memmem::find_iter(body.as_bytes(), w.as_bytes()).any(|i| {
            let whole_after = !body[i + w.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            let before = body[..i].strip_suffix(' ').unwrap_or("");
            whole_after && before.ends_with(|c: char| c.is_lowercase() || c == ',')
        })
    };
    chosen.retain(|c| {
        if c.source != Source::Tagger || c.span.end > end {
            return true;
        }
        let name = &text[c.span.start..c.span.end];
        let ws: Vec<&str> = name.split_whitespace().collect();
        let capitals_only = ws
            .iter()
            .any(|w| w.len() > 3 && contains_word(body, &w.to_lowercase()))
            && !ws.iter().any(|w| capital_inside_sentence(w))
            && !body.contains(name);
        !capitals_only
    });
}

/// A one-word person the tagger read right after "in", "near" or "outside" ("police detained
/// her in Kemir", "a detention centre in Kemir") is a place the gazetteer does not know, unless
/// it is a word of a person the document names in full ("confidence in Putin") or a possessive
/// follows ("in Kozlov's case").
fn places_after_in(text: &str, chosen: &mut [Candidate]) {
    let person_words = words_of_full_names(text, chosen);
    for c in chosen.iter_mut() {
        let name = &text[c.span.start..c.span.end];
        if c.ty == EntityType::Person
            && c.source == Source::Tagger
            && !name.contains(' ')
            && !person_words.contains(name)
            && [" in ", " near ", " outside "]
                .iter()
                .any(|p| text[..c.span.start].ends_with(p))
            && !text[c.span.end..].starts_with(['\'', '\u{2019}'])
        {
            c.ty = EntityType::Location;
        }
    }
}

/// "Human Rights Foundation (HRF)": every later "HRF" is that organisation.
fn add_acronyms(text: &str, bp: &Boilerplate, chosen: &mut Vec<Candidate>) {
    let mut acronyms: Vec<(String, EntityType)> = Vec::new();
    for c in chosen.iter() {
        if !matches!(c.ty, EntityType::Organization | EntityType::Location) {
            continue;
        }
        let rest = &text[c.span.end..];
        let Some(inner) = rest
            .strip_prefix(" (")
            .and_then(|r| r.split_once(')'))
            .map(|(a, _)| a)
        else {
            continue;
        };
        let name = &text[c.span.start..c.span.end];
        let initials: String = name
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .filter(|ch| ch.is_uppercase())
            .collect();
        if is_short_acronym(inner) && initials.contains(inner.chars().next().unwrap_or(' ')) {
            acronyms.push((inner.to_string(), c.ty));
        }
    }
    for (acr, ty) in acronyms {
        // memchr's vectorised search: the same non-overlapping matches as `match_indices` (the
        // acronym is non-empty ASCII), where the standard TwoWay scan of the whole text per
        // name was a visible share of the reader.
        for i in memchr::memmem::find_iter(text.as_bytes(), acr.as_bytes()) {
            let span = Span::new(i, i + acr.len());
            let b = text[..i].chars().next_back();
            let a = text[span.end..].chars().next();
            if b.is_some_and(char::is_alphanumeric) || a.is_some_and(char::is_alphanumeric) {
                continue;
            }
            if bp.masks(&span) || chosen.iter().any(|c| c.span.overlaps(&span)) {
                continue;
            }
            chosen.push(Candidate {
                span,
                ty,
                country: None,
                legal: None,
                source: Source::Acronym,
            });
        }
    }
    chosen.sort_by_key(|c| (c.span.start, c.span.end));
}

/// The readings of one name as one type, as `unify_types` tallies them.
#[derive(Clone, Copy)]
struct TypeVotes {
    /// Readings by a rule that sees the type in the text (`Candidate::strong`).
    strong: usize,
    /// All readings.
    all: usize,
    /// The most trusted source among them (lower is more trusted).
    best_source: Source,
    /// Offset of the first reading.
    first_start: usize,
}

/// One name, one type within a document: where the tagger read the same words as a person here
/// and an organisation there, the type read most often (then the most trusted source, then the
/// type read first) wins.
fn unify_types(text: &str, chosen: &mut [Candidate]) {
    // The last tie-break (first reading) makes the outcome independent of hash order: without it
    // a name read once as each type took a different type from run to run.
    let mut votes: HashMap<&str, HashMap<EntityType, TypeVotes>> = HashMap::new();
    for c in chosen.iter() {
        if !matches!(
            c.ty,
            EntityType::Person | EntityType::Organization | EntityType::Location
        ) {
            continue;
        }
        // The gazetteer's own readings do not vote: "Toyota" read as an organisation by the
        // tagger is not outvoted by the Japanese city of that name.
        if c.source == Source::Gazetteer {
            continue;
        }
        let e = votes
            .entry(&text[c.span.start..c.span.end])
            .or_default()
            .entry(c.ty)
            .or_insert(TypeVotes {
                strong: 0,
                all: 0,
                best_source: c.source,
                first_start: c.span.start,
            });
        e.strong += usize::from(c.strong());
        e.all += 1;
        e.best_source = e.best_source.min(c.source);
        e.first_start = e.first_start.min(c.span.start);
    }
    let winner: HashMap<&str, EntityType> = votes
        .into_iter()
        .map(|(name, v)| {
            let best = v
                .into_iter()
                .max_by(|(_, a), (_, b)| {
                    a.strong
                        .cmp(&b.strong)
                        .then(a.all.cmp(&b.all))
                        .then(b.best_source.cmp(&a.best_source))
                        .then(b.first_start.cmp(&a.first_start))
                })
                .map(|(t, _)| t)
                .expect("two or more votes");
            (name, best)
        })
        .collect();
    for c in chosen.iter_mut() {
        if c.source == Source::Legal || c.source == Source::Dateline {
            continue;
        }
        if let Some(&t) = winner.get(&text[c.span.start..c.span.end]) {
            c.ty = t;
        }
    }
}

/// A name read once is the same name where the tagger missed it later in the document.
fn propagate(text: &str, bp: &Boilerplate, instruments: &[Span], chosen: &mut Vec<Candidate>) {
    let mut names: Vec<(String, EntityType, Option<String>)> = Vec::new();
    let mut seen = HashSet::new();
    for c in chosen.iter() {
        if !matches!(
            c.ty,
            EntityType::Person | EntityType::Organization | EntityType::Location
        ) {
            continue;
        }
        let name = &text[c.span.start..c.span.end];
        if name.chars().count() < 3 || !name.starts_with(char::is_uppercase) || is_all_caps(name) {
            continue;
        }
        if seen.insert(name.to_string()) {
            names.push((name.to_string(), c.ty, c.country.clone()));
        }
    }
    // Longest names first, so that "Vladimir Kozlov" is placed before "Kozlov".
    names.sort_by_key(|n| std::cmp::Reverse(n.0.len()));
    for (name, ty, country) in names {
        // As in `add_acronyms`: memchr's search finds the same non-overlapping matches as
        // `match_indices` (the name is non-empty), each at a character boundary.
        for i in memchr::memmem::find_iter(text.as_bytes(), name.as_bytes()) {
            let span = Span::new(i, i + name.len());
            let b = text[..i].chars().next_back();
            let a = text[span.end..].chars().next();
            if b.is_some_and(|c| c.is_alphanumeric() || c == '-')
                || a.is_some_and(|c| c.is_alphanumeric() || c == '-')
            {
                continue;
            }
            if bp.masks(&span)
                || instruments.iter().any(|s| s.overlaps(&span))
                || chosen.iter().any(|c| c.span.overlaps(&span))
            {
                continue;
            }
            // Not inside a longer capitalised name ("Kozlov Street").
            let next = text[span.end..].trim_start_matches(' ');
            if next.len() < text.len() - span.end && next.starts_with(char::is_uppercase) {
                continue;
            }
            chosen.push(Candidate {
                span,
                ty,
                country: country.clone(),
                legal: None,
                source: Source::Propagated,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz() -> &'static Gazetteer {
        Gazetteer::builtin()
    }

    /// The names a rule over one sentence finds in `text`, read as one sentence.
    fn found_by<'t>(rule: impl Fn(&Sentence<'t>) -> Vec<Span>, text: &'t str) -> Vec<&'t str> {
        let sent = Sentence {
            tokens: casefile_ner::conll_tokens(text, Span::new(0, text.len())),
            text,
        };
        rule(&sent).iter().map(|s| s.slice(text).unwrap()).collect()
    }

    #[test]
    fn spans_are_cleaned_as_names_are_cited() {
        let text = "the \u{201c}Workers' Movement\u{201d}, President Nazarbayev's government";
        let s = clean_span(gaz(), text, Span::new(0, 24), EntityType::Organization).unwrap();
        assert_eq!(s.slice(text), Some("Workers' Movement"));
        let start = text.find("President").unwrap();
        let end = text.find(" government").unwrap();
        let s = clean_span(gaz(), text, Span::new(start, end), EntityType::Person).unwrap();
        assert_eq!(s.slice(text), Some("Nazarbayev"));
        let text = "the U.S. said";
        let s = clean_span(gaz(), text, Span::new(4, 8), EntityType::Location).unwrap();
        assert_eq!(s.slice(text), Some("U.S."));
        // An indefinite article goes before a place, not before a given name.
        let text = "An Arizona jury acquitted An Nguyen";
        let s = clean_span(gaz(), text, Span::new(0, 10), EntityType::Person).unwrap();
        assert_eq!(s.slice(text), Some("Arizona"));
        let s = clean_span(gaz(), text, Span::new(26, 35), EntityType::Person).unwrap();
        assert_eq!(s.slice(text), Some("An Nguyen"));
        // A role word is cut before a name, not out of a group's name.
        let text = "Reporters Without Borders and journalist Aidos Sadykov";
        let s = clean_span(gaz(), text, Span::new(0, 25), EntityType::Person).unwrap();
        assert_eq!(s.slice(text), Some("Reporters Without Borders"));
        let s = clean_span(gaz(), text, Span::new(30, 54), EntityType::Person).unwrap();
        assert_eq!(s.slice(text), Some("Aidos Sadykov"));
    }

    #[test]
    fn head_words_build_organisation_names() {
        let text = "He protested in front of Almaty City Council and the Ministry of Health; Kazakhstan\u{2019}s Interior Ministry said the People's Front of Kazakstan was formed.";
        let found = found_by(|sent| head_word_orgs(gaz(), sent), text);
        assert!(found.contains(&"Almaty City Council"), "{found:?}");
        assert!(found.contains(&"Ministry of Health"), "{found:?}");
        assert!(found.contains(&"Interior Ministry"), "{found:?}");
        assert!(found.contains(&"People's Front of Kazakstan"), "{found:?}");
        let text = "an attempt by the General Prosecutor\u{2019}s Office, said the Deputy Director of Amnesty International.";
        let found = found_by(|sent| head_word_orgs(gaz(), sent), text);
        assert_eq!(
            found,
            vec![
                "General Prosecutor\u{2019}s Office",
                "Amnesty International"
            ]
        );
    }

    #[test]
    fn titles_introduce_persons() {
        let text = "missing, including journalist Makhambet Abzhan, said Ms Struthers and HRF president, Thor Halvorssen. Mr. Kozlov agreed.";
        let found = found_by(|sent| titled_persons(gaz(), sent), text);
        assert_eq!(
            found,
            vec!["Makhambet Abzhan", "Struthers", "Thor Halvorssen", "Kozlov"]
        );
    }

    #[test]
    fn a_full_name_after_an_offices_field_is_its_holder() {
        let text =
            "The UN High Commissioner for Human Rights Navi Pillay, the Special Rapporteur on \
                    Torture Nils Melzer, the Minister of the Interior Taoufik Charfeddine and \
                    the Commissioner of Internal Security and Home Affairs Samuel Aruwan met \
                    the President of France Emmanuel Macron. The Minister of Health said the \
                    Director of Amnesty International Kenya spoke to the Head of Police Affairs.";
        let found = found_by(|sent| office_holders(gaz(), sent), text);
        assert_eq!(
            found,
            vec![
                "Navi Pillay",
                "Nils Melzer",
                "Taoufik Charfeddine",
                "Samuel Aruwan",
                "Emmanuel Macron"
            ]
        );
    }

    #[test]
    fn lowercase_prosecutors_offices() {
        let text = "Kazakhstan's attorney general's office announced it.";
        let found = found_by(|sent| lowercase_offices(sent), text);
        assert_eq!(found, vec!["attorney general's office"]);
    }

    #[test]
    fn a_two_word_capital_tagged_as_a_person_is_a_place() {
        let text = "They were held in Addis Ababa and Jordan said so.";
        let fix = |name: &str| {
            let s = text.find(name).unwrap();
            let mut c = Candidate {
                span: Span::new(s, s + name.len()),
                ty: EntityType::Person,
                country: None,
                legal: None,
                source: Source::Tagger,
            };
            fix_tagged(gaz(), text, &mut c);
            c.ty
        };
        assert_eq!(fix("Addis Ababa"), EntityType::Location);
        // One word may be a person's name.
        assert_eq!(fix("Jordan"), EntityType::Person);
    }

    /// The tagger's reading of `len` bytes at `start` as `ty`.
    fn tagged(start: usize, len: usize, ty: EntityType) -> Candidate {
        Candidate::new(Span::new(start, start + len), ty, Source::Tagger)
    }

    /// The type `retype_by_context` gives the first `name` of `text` that the tagger read as `ty`.
    fn retyped(text: &str, name: &str, ty: EntityType) -> EntityType {
        let mut c = tagged(text.find(name).unwrap(), name.len(), ty);
        retype_by_context(gaz(), text, &mut c);
        c.ty
    }

    #[test]
    fn a_tagged_person_with_an_organisation_head_word_is_no_person() {
        let text = "Police raided Cafe Seasons and Radio Free Asia; Operation Epervier went on; \
                    Reporters Without Borders and Nurbek Abylykov left.";
        let fixed = |name: &str| {
            let mut c = tagged(text.find(name).unwrap(), name.len(), EntityType::Person);
            fix_tagged(gaz(), text, &mut c);
            c.ty
        };
        assert_eq!(fixed("Cafe Seasons"), EntityType::Organization);
        assert_eq!(fixed("Radio Free Asia"), EntityType::Organization);
        assert_eq!(fixed("Operation Epervier"), EntityType::Misc);
        assert_eq!(fixed("Reporters Without Borders"), EntityType::Organization);
        // The members' word the tagger left out is the group's.
        let at = text.find("Without Borders").unwrap();
        let mut c = tagged(at, "Without Borders".len(), EntityType::Person);
        fix_tagged(gaz(), text, &mut c);
        assert_eq!(
            (c.span.slice(text), c.ty),
            (Some("Reporters Without Borders"), EntityType::Organization)
        );
        assert_eq!(fixed("Nurbek Abylykov"), EntityType::Person);
        // A place after an indefinite article ("An Arizona jury").
        let text = "An Arizona jury acquitted him.";
        let mut c = tagged(3, "Arizona".len(), EntityType::Person);
        fix_tagged(gaz(), text, &mut c);
        assert_eq!(c.ty, EntityType::Location);
    }

    #[test]
    fn a_one_word_person_after_in_is_a_place() {
        let text = "Police detained her in Kemir; trust in Putin, said Vladimir Putin; \
                    in Kozlov's case; Ivan Kemirov spoke.";
        let at = |name: &str| tagged(text.find(name).unwrap(), name.len(), EntityType::Person);
        let mut chosen = vec![
            at("Kemir"),
            at("Putin"),
            at("Vladimir Putin"),
            at("Kozlov"),
            at("Ivan Kemirov"),
        ];
        places_after_in(text, &mut chosen);
        let types: Vec<EntityType> = chosen.iter().map(|c| c.ty).collect();
        assert_eq!(
            types,
            [
                EntityType::Location,
                EntityType::Person,
                EntityType::Person,
                EntityType::Person,
                EntityType::Person
            ]
        );
    }

    #[test]
    fn an_organisation_shaped_as_a_personal_name_is_a_person() {
        let text = "The Shulan City Court found Nurbek Abylykov guilty; the Andrei Sakharov \
                    Foundation, Kazakhstan Today and Bagong Alyansang Makabayan protested. The \
                    trial of Ksenia Dubroveva, Sofia Kolyvichina and Raushan Serikazina opened in \
                    Kazakhstan Dubrovev. Sofia Zaitsetsskaia and Olga Kovalskaja were jailed.";
        let retype_from = |name: &str, ty: EntityType| retyped(text, name, ty);
        let retype = |name: &str| retype_from(name, EntityType::Organization);
        assert_eq!(retype("Nurbek Abylykov"), EntityType::Person);
        assert_eq!(retype("Raushan Serikazina"), EntityType::Person);
        // The tagger's place too, and a given name that also names a city ("Ksenia" is an alias
        // of Xenia, Ohio; "Sofia") is still a given name; a country's name is not.
        assert_eq!(
            retype_from("Ksenia Dubroveva", EntityType::Location),
            EntityType::Person
        );
        assert_eq!(
            retype_from("Sofia Kolyvichina", EntityType::Location),
            EntityType::Person
        );
        // Other spellings of the same endings: -skaia, -skaja.
        for name in ["Sofia Zaitsetsskaia", "Olga Kovalskaja"] {
            assert_eq!(
                retype_from(name, EntityType::Location),
                EntityType::Person,
                "{name}"
            );
        }
        assert_eq!(
            retype_from("Kazakhstan Dubrovev", EntityType::Location),
            EntityType::Location
        );
        // A head word, a place or no surname ending keeps the organisation.
        assert_eq!(
            retype("Andrei Sakharov Foundation"),
            EntityType::Organization
        );
        assert_eq!(retype("Shulan City Court"), EntityType::Organization);
        assert_eq!(retype("Kazakhstan Today"), EntityType::Organization);
        assert_eq!(
            retype("Bagong Alyansang Makabayan"),
            EntityType::Organization
        );
    }

    #[test]
    fn a_nationality_after_a_role_word_stays_a_nationality() {
        let text =
            "Ruhollah Zam, a dissident Iranian journalist, met Judge French and leader Madel.";
        let retype = |name: &str, ty: EntityType| retyped(text, name, ty);
        assert_eq!(retype("Iranian", EntityType::Misc), EntityType::Misc);
        // A capitalised title still makes a name of a nationality word, and a role word of any
        // other name.
        assert_eq!(retype("French", EntityType::Misc), EntityType::Person);
        assert_eq!(retype("Madel", EntityType::Misc), EntityType::Person);
    }

    #[test]
    fn a_region_named_without_its_diacritics_has_its_country() {
        let text = "Farmers in Haryana protested.";
        let s = text.find("Haryana").unwrap();
        let found = assign_country(gaz(), text, Span::new(s, s + 7), &HashSet::new());
        assert_eq!(found.as_deref(), Some("IN"));
        assert!(same_letters("Haryāna", "haryana"));
        assert!(!same_letters("Gulf", "Gulf Province"));
    }

    #[test]
    fn a_city_by_its_own_name_beats_a_capital_of_that_old_spelling() {
        let text = "Police in Delhi arrested two men. Dili is quiet.";
        let s = text.find("Delhi").unwrap();
        let found = assign_country(gaz(), text, Span::new(s, s + 5), &HashSet::new());
        assert_eq!(found.as_deref(), Some("IN"));
        // The capital by its own name keeps its country.
        let s = text.find("Dili").unwrap();
        let found = assign_country(gaz(), text, Span::new(s, s + 4), &HashSet::new());
        assert_eq!(found.as_deref(), Some("TL"));
    }

    #[test]
    fn a_given_name_split_from_a_person_is_joined_to_it() {
        let text = "Journalists Tamrat Bekele Alemu and Ministry Abebe Kebede were arrested.";
        let at = |s: &str, ty: EntityType| tagged(text.find(s).unwrap(), s.len(), ty);
        let mut chosen = vec![
            at("Journalists Tamrat", EntityType::Organization),
            at("Bekele Alemu", EntityType::Person),
            at("Ministry", EntityType::Organization),
            at("Abebe Kebede", EntityType::Person),
        ];
        join_split_names(gaz(), text, &mut chosen);
        let names: Vec<(&str, EntityType)> = chosen
            .iter()
            .map(|c| (&text[c.span.start..c.span.end], c.ty))
            .collect();
        // The role word stays out; an organisation's head word is no given name.
        assert_eq!(
            names,
            [
                ("Tamrat Bekele Alemu", EntityType::Person),
                ("Ministry", EntityType::Organization),
                ("Abebe Kebede", EntityType::Person),
            ]
        );
    }

    #[test]
    fn a_surname_read_as_an_organisation_is_the_person_named_in_full() {
        let text = "The trial of Zhanibek Abylenbayev opened. Abylenbayev told the court. Kemir \
                    Courier and Courier wrote of Anna Courier; Ivan Almaty met in Almaty.";
        let at = |s: &str, nth: usize, ty: EntityType| {
            tagged(text.match_indices(s).nth(nth).unwrap().0, s.len(), ty)
        };
        let mut chosen = vec![
            at("Zhanibek Abylenbayev", 0, EntityType::Person),
            at("Abylenbayev", 1, EntityType::Organization),
            at("Kemir Courier", 0, EntityType::Organization),
            at("Courier", 1, EntityType::Organization),
            at("Anna Courier", 0, EntityType::Person),
            at("Ivan Almaty", 0, EntityType::Person),
            at("Almaty", 1, EntityType::Location),
        ];
        surnames_of_persons(gaz(), text, &mut chosen);
        let types: Vec<EntityType> = chosen.iter().map(|c| c.ty).collect();
        // A surname is the person; a word that only ends an organisation's name, or a city of
        // note, is not.
        assert_eq!(
            types,
            [
                EntityType::Person,
                EntityType::Person,
                EntityType::Organization,
                EntityType::Organization,
                EntityType::Person,
                EntityType::Person,
                EntityType::Location,
            ]
        );
    }

    #[test]
    fn a_name_read_once_as_each_type_takes_the_type_read_first_every_time() {
        let text = "Tarsaly said. Later Tarsaly wrote.";
        let second = text.rfind("Tarsaly").unwrap();
        let make = |first: EntityType, then: EntityType| {
            vec![
                Candidate {
                    span: Span::new(0, 7),
                    ty: first,
                    country: None,
                    legal: None,
                    source: Source::Tagger,
                },
                Candidate {
                    span: Span::new(second, second + 7),
                    ty: then,
                    country: None,
                    legal: None,
                    source: Source::Tagger,
                },
            ]
        };
        // Each call hashes with fresh keys, so a tie left to hash order would flip across runs.
        for _ in 0..50 {
            for (first, then) in [
                (EntityType::Organization, EntityType::Location),
                (EntityType::Location, EntityType::Organization),
            ] {
                let mut chosen = make(first, then);
                unify_types(text, &mut chosen);
                assert!(chosen.iter().all(|c| c.ty == first), "{chosen:?}");
            }
        }
    }

    /// `select` as it was first written: each candidate checked against every kept one.
    fn select_by_scan(mut cands: Vec<Candidate>) -> Vec<Candidate> {
        sort_by_trust(&mut cands);
        let mut kept: Vec<Candidate> = Vec::new();
        for c in cands {
            let clash = kept.iter().any(|k| {
                k.span.overlaps(&c.span)
                    && !(k.ty == EntityType::LegalProvision
                        && c.ty == EntityType::LegalProvision
                        && k.span == c.span
                        && k.legal != c.legal)
            });
            if !clash {
                kept.push(c);
            }
        }
        kept.sort_by_key(|c| (c.span.start, c.span.end));
        kept
    }

    fn view(cands: &[Candidate]) -> Vec<(Span, EntityType, Option<Box<LegalRef>>, Source)> {
        cands
            .iter()
            .map(|c| (c.span, c.ty, c.legal.clone(), c.source))
            .collect()
    }

    proptest::proptest! {
        /// Selecting through the ordered index keeps exactly what checking every kept span did,
        /// empty spans, shared provision spans and ties included.
        #[test]
        fn select_keeps_what_a_full_scan_keeps(
            raw in proptest::collection::vec((0usize..40, 0usize..8, 0u8..9, 0u8..3, 0u8..3), 0..60)
        ) {
            let sources = [
                Source::Legal, Source::Dateline, Source::HeadWord, Source::Country, Source::Tagger,
                Source::Title, Source::Gazetteer, Source::Acronym, Source::Propagated,
            ];
            let cands: Vec<Candidate> = raw
                .iter()
                .map(|&(start, len, source, ty, article)| {
                    let legal = ty == 0;
                    Candidate {
                        span: Span::new(start, start + len),
                        ty: if legal { EntityType::LegalProvision } else { EntityType::Person },
                        country: None,
                        legal: legal.then(|| Box::new(LegalRef {
                            article: article.to_string(),
                            ..LegalRef::default()
                        })),
                        source: sources[source as usize],
                    }
                })
                .collect();
            proptest::prop_assert_eq!(view(&select(cands.clone())), view(&select_by_scan(cands)));
        }
    }
}
