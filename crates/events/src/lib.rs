//! casefile's event and claim reader: who did what to whom, when, where, under which law, and how
//! many.
//!
//! [`read`] runs after sentences, entity mentions and time expressions are in place. It is rules,
//! not a model: the language of human-rights reporting is regular ("was detained by police on 27
//! February", "sentenced to seven and a half years", "calls for the release of"), and every
//! decision below can be traced to a phrase in the text.
//!
//! 1. **Triggers.** One Aho–Corasick automaton ([`lexicon`]) finds verbs and nouns that state an
//!    event in the lowercased text; each is checked in its sentence (word boundaries, context words
//!    such as a media word for a ban, proper names such as "Convention against Torture").
//! 2. **Mood.** A trigger under a call ("calls on X to release", "urged … to investigate") becomes
//!    `call_for_release` / `call_for_investigation` with modality `demanded`; other acts under a
//!    call, and hypotheticals ("at risk of torture", "liable to arrest"), state nothing and are
//!    dropped. Negation, allegation and denial are marked.
//! 3. **Participants.** Victims are the passive subject ("X, leader of …, was detained"), the
//!    active object ("police detained X"), the "of"-object or possessor of a noun ("the arrest of
//!    X", "X's detention"), or a pronoun resolved to the most recent salient person. "by X" and
//!    active subjects are perpetrators, or authorities when they are courts, prosecutors or
//!    ministries. Callers are claimants.
//! 4. **Details.** The date is a time expression attached to the trigger (a fronted "On 8
//!    October", or one following the verb in its clause), not the nearest date; an event without
//!    one takes only the year of a dated event beside it in the sentence, or of the last dated
//!    sentence of its paragraph, and a call takes the document's date. Place, legal provisions,
//!    charges in words, prison terms and counts of unnamed victims come from the same sentence.
//! 5. **One event per event.** Statements of the same event in one sentence, and restatements
//!    in the document (the headline, "the ban", the same victim again), are merged, keeping the
//!    most informative passage as evidence.
//!
//! Claims ([`claims`]) are numbers with a qualifier and a unit ("almost 10,000 people have been
//! arrested"), their source ("according to X") and whether they were retracted.

mod claims;
mod gender;
pub mod hrd;
mod lexicon;
mod numbers;
mod text;

use casefile_model::{
    AnalyzedDocument, EntityType, EventMention, EventType, Mention, Modality, PartialDate, Role,
    Span, Timex, TimexType,
};
use gender::Gender;
use lexicon::{
    Entry, Kind, COURT, DESIGNATED, ENTRIES, FORCED, FOUND, HARM, LAW, MEDIA, NEEDS_VICTIM,
    STRIPPED, UNKNOWN, WEAK,
};
use std::ops::Range;
use text::{
    find_word, has_any_word, last_words, list, rfind_any_word, rfind_word, sl, word_offsets, words,
    Words,
};

/// Adds events and claims to a document whose sentences, mentions and time expressions are
/// already read.
///
/// Replaces `analysis.events` and `analysis.claims`. Every event's evidence is the sentence that
/// states it; participants, place and legal basis are indexes into `analysis.mentions`; the date
/// comes from a time expression of the text (or, for a call, the document's own date) and is never
/// invented.
///
/// These are the rules alone: every event the text states. The pipeline then applies the trained
/// violation filter ([`hrd::filter`]), which is trained on what this returns.
pub fn read(analysis: &mut AnalyzedDocument) {
    let ctx = Ctx::new(analysis);
    let found = claims::find(&ctx);
    let mut events = read_events(&ctx, &found);
    events.retain(|e| !bare_mention(&ctx, e));
    let claims = found
        .into_iter()
        .filter(|f| !f.restated)
        .map(|f| f.claim)
        .collect();
    analysis.events = events;
    analysis.claims = claims;
}

/// A noun that tells of killings or a disappearance in general ("wanton killings", "the
/// disappearance") and says nothing of its own: no victim, no count, no place, no date. On the
/// HRDsAttack train split such a mention was the article's reported violation 2 times in 10.
fn bare_mention(ctx: &Ctx, e: &EventMention) -> bool {
    matches!(
        sl(&ctx.lower, e.trigger.start, e.trigger.end),
        "killings" | "disappearance"
    ) && !e.participants.iter().any(|(_, r)| *r == Role::Victim)
        && e.victim_count.is_none()
        && e.location.is_none()
        && e.date.is_none()
}

/// What the readers share about one document.
pub(crate) struct Ctx<'a> {
    text: &'a str,
    /// ASCII-lowercased text: same byte offsets as `text`.
    lower: String,
    sentences: &'a [Span],
    mentions: &'a [Mention],
    timexes: &'a [Timex],
    published: Option<PartialDate>,
    /// Per sentence: is it the headline?
    title: Vec<bool>,
    /// Per sentence: its paragraph number.
    paragraph: Vec<usize>,
}

impl<'a> Ctx<'a> {
    fn new(analysis: &'a AnalyzedDocument) -> Self {
        let text = analysis.document.text.as_str();
        let lower = text.to_ascii_lowercase();
        let sentences = analysis.sentences.as_slice();
        // Paragraph breaks: a line break followed by a blank line.
        let mut breaks = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'\n' {
                let mut j = i + 1;
                while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                    j += 1;
                }
                if j < bytes.len() && bytes[j] == b'\n' {
                    breaks.push(i);
                    while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                        j += 1;
                    }
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
        let paragraph = sentences
            .iter()
            .map(|s| breaks.partition_point(|&b| b < s.start))
            .collect();
        let title_key = analysis
            .document
            .meta
            .title
            .as_deref()
            .map(|t| t.trim().to_ascii_lowercase());
        let mut first_text = true;
        let title = sentences
            .iter()
            .map(|s| {
                let st = sl(&lower, s.start, s.end).trim();
                let is_first = first_text && st.chars().any(char::is_alphabetic);
                if is_first {
                    first_text = false;
                }
                let headline_like =
                    is_first && !st.ends_with(['.', '"', '\u{201d}']) && st.len() < 250;
                title_key
                    .as_deref()
                    .is_some_and(|t| !t.is_empty() && st == t)
                    || headline_like
            })
            .collect();
        Ctx {
            text,
            lower,
            sentences,
            mentions: &analysis.mentions,
            timexes: &analysis.timexes,
            published: analysis.document.meta.published,
            title,
            paragraph,
        }
    }

    /// Mentions lying wholly inside `[a, b)`.
    pub(crate) fn mentions_in(&self, a: usize, b: usize) -> Range<usize> {
        let lo = self.mentions.partition_point(|m| m.span.start < a);
        let hi = self.mentions.partition_point(|m| m.span.start < b);
        let mut hi2 = lo;
        for i in lo..hi {
            if self.mentions[i].span.end <= b {
                hi2 = i + 1;
            }
        }
        lo..hi2.max(lo)
    }

    fn timexes_in(&self, a: usize, b: usize) -> Range<usize> {
        let lo = self.timexes.partition_point(|t| t.span.start < a);
        let hi = self.timexes.partition_point(|t| t.span.start < b);
        lo..hi
    }

    /// True when `[a, b)` lies inside a time expression ("10 days", "1998").
    pub(crate) fn in_timex(&self, a: usize, b: usize) -> bool {
        let i = self.timexes.partition_point(|t| t.span.end <= a);
        self.timexes
            .get(i)
            .is_some_and(|t| t.span.start <= a && b <= t.span.end)
    }

    fn is(&self, m: usize, t: EntityType) -> bool {
        self.mentions[m].entity_type == t
    }

    /// A mention that introduces speech ("said X", "X said", "according to X") is a source, not a
    /// participant.
    fn is_speaker(&self, m: usize, sent: Span) -> bool {
        let sp = self.mentions[m].span;
        let after = sl(&self.lower, sp.end, sent.end.min(sp.end + 16));
        let before = sl(
            &self.lower,
            sent.start.max(sp.start.saturating_sub(40)),
            sp.start,
        )
        .trim_end();
        has_any_word(
            after,
            list![
                "said",
                "says",
                "told",
                "stated",
                "added",
                "noted",
                "commented",
                "explained",
            ],
        ) || before.ends_with("said")
            || before.ends_with("says")
            || before.ends_with("according to")
            || before.ends_with("told")
    }
}

/// Whether the text before a trigger (from its sentence's start) ends in a list governed by a
/// phrase of reputation ("notorious for kidnapping, arbitrary arrests and torture") or of range
/// ("abuses ranging from arbitrary arrest to torture"): the trigger then names a kind of act,
/// not an event.
fn reputation_list(before: &str) -> bool {
    // "violations ranging from murder to torture, arrest and detentions" lists kinds too.
    const REPUTATION: &[&str] = &["notorious for", "infamous for", "known for", "ranging from"];
    let Some(at) = REPUTATION
        .iter()
        .filter_map(|p| rfind_word(before, p).map(|i| i + p.len()))
        .max()
    else {
        return false;
    };
    let list = &before[at..];
    // A list runs on commas and "and"; punctuation, a relative pronoun or a finite verb after
    // its first word starts a new statement.
    list.len() <= 120
        && !list.contains([';', ':', '.', '(', '"', '\u{201c}'])
        && !words(list).skip(1).any(|w| {
            matches!(
                w,
                "that"
                    | "which"
                    | "who"
                    | "whom"
                    | "where"
                    | "when"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "has"
                    | "have"
                    | "had"
            )
        })
}

/// An event read from one trigger, before it becomes an [`EventMention`].
#[derive(Debug, Clone)]
struct Cand {
    ty: EventType,
    kind: Kind,
    trigger: Span,
    sentence: usize,
    victims: Vec<usize>,
    others: Vec<(usize, Role)>,
    date: Option<PartialDate>,
    date_timex: Option<usize>,
    /// The date comes from a time expression attached to this trigger.
    own_date: bool,
    location: Option<usize>,
    legal: Vec<usize>,
    charges: Vec<String>,
    term: Option<String>,
    count: Option<u64>,
    modality: Modality,
    negated: bool,
    /// "the ban", "the ill-treatment": a restatement of an event told before.
    anaphoric: bool,
    /// Took part without being harmed (a protest's own people).
    participant_role: bool,
    /// The sentences of the statements folded into this one: their passages are its evidence too.
    restated: Vec<usize>,
}

impl Cand {
    fn info(&self, ctx: &Ctx) -> usize {
        (!self.victims.is_empty()) as usize * 8
            + self.own_date as usize * 4
            + self.count.is_some() as usize * 4
            + self.location.is_some() as usize
            + (!self.legal.is_empty()) as usize
            + (!ctx.title[self.sentence]) as usize * 2
    }
}

fn is_call(t: EventType) -> bool {
    matches!(
        t,
        EventType::CallForRelease | EventType::CallForInvestigation
    )
}

fn compatible_types(a: EventType, b: EventType) -> bool {
    a == b
        || matches!(
            (a, b),
            (EventType::Arrest, EventType::Detention) | (EventType::Detention, EventType::Arrest)
        )
}

fn dates_compatible(a: Option<PartialDate>, b: Option<PartialDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.is_compatible_with(&b),
        _ => true,
    }
}

/// Violations: what monitors record as done to someone.
fn is_violation(t: EventType) -> bool {
    use EventType as T;
    matches!(
        t,
        T::Arrest
            | T::Detention
            | T::Torture
            | T::Killing
            | T::DeathInCustody
            | T::Disappearance
            | T::Abduction
            | T::Injury
            | T::Harassment
    )
}

/// Steps of a legal case, which share the case's person across a sentence ("found guilty … a
/// decision confirmed on appeal").
fn is_case_step(t: EventType) -> bool {
    use EventType as T;
    matches!(
        t,
        T::Charge | T::Trial | T::Conviction | T::Acquittal | T::Appeal | T::Release | T::Pardon
    )
}

/// Types whose legal basis the text gives ("charged under Article 318").
fn takes_legal_basis(t: EventType) -> bool {
    use EventType as T;
    matches!(
        t,
        T::Charge
            | T::Trial
            | T::Conviction
            | T::Acquittal
            | T::Appeal
            | T::Arrest
            | T::Detention
            | T::MediaRestriction
            | T::Legislation
            | T::Investigation
    )
}

/// Words that make a trigger part of a call.
const CALL_CUES: &Words = &Words::new(&[
    "call",
    "calls",
    "called",
    "calling",
    "urge",
    "urges",
    "urged",
    "urging",
    "demand",
    "demands",
    "demanded",
    "demanding",
    "request",
    "requests",
    "requested",
    "requesting",
    "appeal",
    "appeals",
    "appealed",
    "appealing",
    "ask",
    "asks",
    "asked",
    "asking",
    "must",
    "should",
    "time for",
    "petition",
    "petitioned",
    "insist",
    "insists",
    "insisted",
    "press",
    "presses",
    "pressed",
    "pressing",
    "seek",
    "seeks",
    "sought",
    "plea",
    "pleaded",
    "campaign for",
    "campaigning for",
    "need to",
    "needs to",
]);

/// Words that end a call's reach: what follows them is told as fact.
const CALL_BLOCKERS: &Words = &Words::new(&[
    "who",
    "whom",
    "which",
    "whose",
    "where",
    "while",
    "but",
    "finds",
    "found",
    "said",
    "says",
    "after",
    "since",
    "when",
    "because",
    "although",
    "following",
    // A second finite predicate of the caller: "X, who called for reform and was arrested".
    "and was",
    "and were",
    "and has been",
    "and have been",
    "and had been",
]);

/// Phrases that make an event hypothetical or generic.
const HYPOTHETICAL: &Words = &Words::new(&[
    "risk of",
    "at risk",
    // "she faces the prospect of a lengthy prison sentence"
    "prospect of",
    "liable to",
    "could face",
    "may face",
    "might face",
    "faces up to",
    "face up to",
    "facing up to",
    "threat of",
    "any form of",
    // A kind, not a case: "the kind of banditry and kidnapping our country has witnessed".
    "kind of",
    "kinds of",
    "protect",
    // "ensure she is protected from torture"
    "protected from",
    "prevent",
    "free from",
    "freedom from",
    "right to",
    "fear of",
    "fears of",
    "afraid of",
    "to avoid",
    "would be",
    // Defiance or a refusal, not an event: "the paper would not be intimidated".
    "would not be",
    "will not be",
    "won't be",
    "could be",
    "may be",
    "might be",
    "unless",
    "vulnerable to",
    "safe from",
    "to end",
    "to stop",
    "to halt",
    "prohibition of",
    "protection from",
    "had he",
    "had she",
    "had they",
    "if",
    "whether",
    "will",
    "prohibits",
    "against torture",
    "threatened with",
    "possible",
    // A legal characterisation, not a report: "abuse that could amount to torture", "behaviour
    // tantamount to kidnapping".
    "amount to",
    "amounts to",
    "tantamount to",
]);

/// True when the verb group or the noun phrase of a trigger tells of an act expected at the time
/// of the report, not one that happened: "is due to be tried", "scheduled to go on trial", "was
/// expected to be released", "is to be sentenced", "a planned strike", "his trial is set for".
/// ("will" makes a sentence hypothetical, which is not an event at all.)
fn scheduled(before: &str, after: &str, kind: Kind) -> bool {
    const AHEAD: &[&str] = &[
        "due",
        "scheduled",
        "set",
        "expected",
        "slated",
        "poised",
        "going",
        "plans",
        "planning",
        "planned",
        "plan",
        "is",
        "are",
    ];
    // Back over the verb between "to" and the trigger ("to be tried", "to go on trial", "to
    // stand trial", "to hold a protest"), then "to" and the word that points ahead. Without a
    // verb between, "to" is a preposition: "died due to torture".
    let mut ws = last_words(before, 6).peekable();
    let mut skipped = 0;
    while skipped < 3
        && ws.peek().is_some_and(|w| {
            matches!(
                *w,
                "be" | "go" | "on" | "stand" | "face" | "hold" | "stage" | "a"
            )
        })
    {
        ws.next();
        skipped += 1;
    }
    match ws.next() {
        Some("to") if skipped > 0 && ws.next().is_some_and(|w| AHEAD.contains(&w)) => return true,
        // reported intent: "announced that the movement would hold a rally"
        Some("would") if skipped > 0 => return true,
        _ => {}
    }
    if kind != Kind::Noun {
        return false;
    }
    // "a planned strike", "the upcoming trial", "his next hearing"
    if last_words(before, 2).any(|w| {
        matches!(
            w,
            "planned" | "upcoming" | "forthcoming" | "scheduled" | "next" | "proposed"
        )
    }) {
        return true;
    }
    // "his trial is scheduled for 5 May", "the protest, planned for Friday", "has been set for"
    // (not "were set upon by police")
    let aux = |w: &str| matches!(w, "is" | "are" | "was" | "were" | "has" | "have" | "had");
    let ahead = |w: &[&str]| match w {
        [w, ..] if matches!(*w, "scheduled" | "planned" | "slated" | "due") => true,
        ["set", "for" | "to", ..] => true,
        _ => false,
    };
    let ws: Vec<&str> = words(after).take(4).collect();
    match ws.as_slice() {
        [w, ..] if matches!(*w, "scheduled" | "planned" | "slated") => true,
        [a, "been", rest @ ..] if aux(a) => ahead(rest),
        [a, rest @ ..] if aux(a) => ahead(rest),
        _ => false,
    }
}

/// Words that place a victim in someone's hands: a beating there is ill-treatment.
const CUSTODY_WORDS: &Words = &Words::new(&[
    "custody",
    "detention",
    "detained",
    "detainee",
    "detainees",
    "prison",
    "prisons",
    "prisoner",
    "prisoners",
    "jail",
    "jailed",
    "cell",
    "cells",
    "police station",
    "interrogation",
    "interrogations",
    "interrogated",
    "interrogators",
    "questioning",
    "captivity",
    "captors",
    "arrested",
    "arrest",
    "guard",
    "guards",
    "warden",
    "wardens",
    "warders",
    // restrained by someone: "hung while handcuffed and beaten while in confinement"
    "confinement",
    "handcuffed",
    "blindfolded",
    "shackled",
]);

/// People a blow is dealt to, right after "slapped", "punched" or "kicked" ("kicked a
/// protester", "punched two detainees"), or who are taken somewhere ("took three activists to an
/// unknown location").
const BLOW_TARGETS: &[&str] = &[
    "protester",
    "protesters",
    "demonstrator",
    "demonstrators",
    "student",
    "students",
    "detainee",
    "detainees",
    "prisoner",
    "prisoners",
    "journalist",
    "journalists",
    "activist",
    "activists",
    "man",
    "men",
    "woman",
    "women",
    "people",
    "boy",
    "boys",
    "girl",
    "girls",
    "reporter",
    "reporters",
    "lawyer",
    "lawyers",
    "child",
    "children",
];

/// Those who take people into custody, lawfully or not: the agents of "was picked up by men in
/// plainclothes" and "police picked up the journalist" ("men" only as an agent after "by").
const CAPTORS: &Words = &Words::new(&[
    "police",
    "policemen",
    "policeman",
    "officers",
    "officer",
    "security",
    "agents",
    "soldiers",
    "troops",
    "army",
    "military",
    "intelligence",
    "plainclothes",
    "plainclothesmen",
    "gendarmes",
    "militia",
    "militiamen",
    "paramilitaries",
    "gunmen",
    "men",
    "forces",
    "guards",
    "authorities",
    "detectives",
    "investigators",
    "kgb",
    "fsb",
]);

/// "… by men in plainclothes", "… by the KGB": the agent after a passive is of [`CAPTORS`].
fn by_captors(next_word: &str, after: &str) -> bool {
    next_word == "by" && words(after).take(6).any(|w| CAPTORS.list.contains(&w))
}

/// "Police picked up …", "security forces questioned …": the doer before is of [`CAPTORS`] ("men"
/// only as an agent after "by": "five men picked up" may be anyone).
fn captors_did(prev: &[&str]) -> bool {
    prev.iter().any(|w| CAPTORS.list.contains(w) && *w != "men")
}

/// Words that mark a statement as habitual rather than one event.
const GENERIC: &Words = &Words::new(&[
    "widespread",
    "routinely",
    "routine",
    "often",
    "commonly",
    "systematic",
    "systematically",
    "frequently",
    "regularly",
    "unabated",
    "usually",
    "endemic",
]);

/// Words that report an event as someone's claim.
const ALLEGED: &Words = &Words::new(&[
    "allegedly",
    "reportedly",
    "alleged",
    "allegation",
    "allegations",
    "claimed",
    "claims",
    "claiming",
    "reports",
    "reported",
    "accused",
    "according to",
    "purportedly",
]);

const DENIED: &Words = &Words::new(&[
    "denied",
    "denies",
    "deny",
    "denying",
    "dismissed",
    "dismiss",
]);

/// Words that end the subject's reach leftward from a trigger.
const SUBJECT_BOUNDARIES: &Words = &Words::new(&[
    "but",
    "while",
    "whereas",
    "although",
    "though",
    "said",
    "says",
    "say",
    "that",
    "because",
    "after",
    "before",
    "when",
    "claimed",
    "claims",
    "alleged",
    "reported",
    "stated",
    "added",
    "announced",
    "confirmed",
    "whom",
    "told",
    "where",
    "if",
    "until",
    "since",
]);

/// Verbs that make the subject of a clause the person a noun trigger happened to: "X spent three
/// months in detention", "X faces trial", "statements X made during a demonstration".
const LINKING: &Words = &Words::new(&[
    "spent",
    "spend",
    "spends",
    "in",
    "faces",
    "faced",
    "face",
    "facing",
    "underwent",
    "undergo",
    "suffered",
    "suffers",
    "subjected",
    "during",
    "held",
    "staged",
    "organised",
    "organized",
    "led",
    "joined",
    "attended",
    "remains",
    "remained",
    // "X is serving a five-year sentence", "X was handed a six-month sentence"
    "serving",
    "served",
    "handed",
    "received",
    "went",
    "began",
    "started",
    "announced",
]);

/// Nouns naming courts, prosecutors and ministries: the authority behind a decision.
const AUTHORITY_WORDS: &[&str] = &[
    "court",
    "judge",
    "prosecut",
    "procura",
    "ministry",
    "attorney",
    "tribunal",
    "committee",
    "government",
    "parliament",
    "office",
    "council",
    "commission",
];

fn role_of(ctx: &Ctx, m: usize) -> Role {
    let name = ctx.mentions[m].text.to_ascii_lowercase();
    if AUTHORITY_WORDS.iter().any(|w| name.contains(w)) {
        Role::Authority
    } else {
        Role::Perpetrator
    }
}

/// A time expression's value as a date, at the granularity it supports.
fn timex_date(t: &Timex) -> Option<PartialDate> {
    if !matches!(t.timex_type, TimexType::Date | TimexType::Time) {
        return None;
    }
    let v = t.value.split('T').next().unwrap_or("");
    let mut parts = v.split('-');
    let y = parts.next()?;
    let year = if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) {
        Some(y.parse::<i32>().ok()?)
    } else if y == "XXXX" {
        None
    } else {
        return None;
    };
    let month = match parts.next() {
        Some(m) if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
            Some(m.parse::<u8>().ok()?)
        }
        // Weeks, quarters, seasons: the year alone is what the text supports.
        Some(_) => None,
        None => None,
    };
    let day = match (month, parts.next()) {
        (Some(_), Some(d)) if d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()) => {
            Some(d.parse::<u8>().ok()?)
        }
        _ => None,
    };
    let lower = t.text.to_ascii_lowercase();
    // "one year ago", "two months ago": the day is arithmetic, not something the text says.
    let day = if lower.contains("ago") && (lower.contains("year") || lower.contains("month")) {
        None
    } else {
        day
    };
    PartialDate::checked(year, month, day)
}

/// Reads every event of the document.
fn read_events(ctx: &Ctx, found: &[claims::Found]) -> Vec<EventMention> {
    let lower = ctx.lower.as_str();
    let ac = lexicon::automaton();
    let mut all: Vec<Cand> = Vec::new();
    let mut matches = ac.find_iter(lower).peekable();
    for (si, &sent) in ctx.sentences.iter().enumerate() {
        let mut raw = Vec::new();
        while let Some(m) = matches.peek() {
            if m.start() >= sent.end {
                break;
            }
            let m = matches.next().expect("peeked");
            if m.start() >= sent.start && m.end() <= sent.end {
                raw.push((m.pattern().as_usize(), Span::new(m.start(), m.end())));
            }
        }
        if raw.is_empty() {
            continue;
        }
        let mut cands = sentence_events(ctx, si, sent, &raw);
        sentence_dates(ctx, sent, &mut cands);
        merge_in_sentence(&mut cands);
        all.extend(cands);
    }
    assign_legal_basis(ctx, &mut all);
    time_served(ctx, &mut all);
    same_day(ctx, &mut all);
    inherit_dates(ctx, &mut all);
    recent_by_tense(ctx, &mut all);
    year_of_relative_timex(ctx, &mut all);
    sibling_years(ctx, &mut all);
    propagate_legal_basis(ctx, &mut all);
    count_victims(found, &mut all);
    // A case against no one in particular ("the cases in which workers were convicted") is not a
    // record a monitor can keep, unless the text counts its people.
    all.retain(|c| {
        !(matches!(
            c.ty,
            EventType::Charge | EventType::Trial | EventType::Conviction | EventType::Acquittal
        ) && c.victims.is_empty()
            && c.count.is_none())
    });
    let kept = dedupe(ctx, all);
    kept.into_iter().map(|c| to_mention(ctx, c)).collect()
}

fn to_mention(ctx: &Ctx, c: Cand) -> EventMention {
    let role = if c.participant_role {
        Role::Participant
    } else {
        Role::Victim
    };
    // One entry per name and role: restatements bring the same person again.
    let mut participants: Vec<(usize, Role)> = Vec::new();
    for (m, r) in c
        .victims
        .iter()
        .map(|&v| (v, role))
        .chain(c.others.iter().copied())
    {
        if !participants.iter().any(|&(p, pr)| {
            p == m || (pr == r && one_name(&ctx.mentions[p].text, &ctx.mentions[m].text))
        }) {
            participants.push((m, r));
        }
    }
    let mut restated = c.restated;
    restated.sort_unstable();
    EventMention {
        event_type: c.ty,
        trigger: c.trigger,
        evidence: ctx.sentences[c.sentence],
        restated: restated.into_iter().map(|s| ctx.sentences[s]).collect(),
        participants,
        date: c.date,
        date_timex: c.date_timex,
        location: c.location,
        legal_basis: c.legal,
        charges: c.charges,
        sentence: c.term,
        victim_count: if c.victims.is_empty() { c.count } else { None },
        modality: c.modality,
        negated: c.negated,
    }
}

/// The start of the clause that holds the subject of a trigger at `ts`.
fn clause_start(ctx: &Ctx, ss: usize, ts: usize) -> usize {
    let region = sl(&ctx.lower, ss, ts);
    let mut start = ss;
    let rb = region.as_bytes();
    // Each separator is looked for only when its first byte is present (0xE2 leads both
    // dashes), and single bytes with memchr: most regions hold none, and building a substring
    // searcher per pattern and trigger was the cost.
    let dash = memchr::memchr(0xE2, rb).is_some();
    let hyphen = memchr::memchr(b'-', rb).is_some();
    let paren = memchr::memchr(b'(', rb).is_some();
    for p in [";", ":", "\u{2014}", "\u{2013}", " - ", "(1)", "(2)", "(3)"] {
        let pb = p.as_bytes();
        let last = match p {
            ";" | ":" => memchr::memrchr(pb[0], rb),
            _ if !(dash && pb[0] == 0xE2 || hyphen && pb[0] == b' ' || paren && pb[0] == b'(') => {
                continue;
            }
            // Paired dashes enclose an aside ("X –the brother of Y– was arrested"), not a
            // clause: two non-overlapping occurrences, as `str::matches` counts them.
            _ if !p.starts_with('(')
                && memchr::memmem::find(rb, pb)
                    .is_some_and(|i| memchr::memmem::find(&rb[i + pb.len()..], pb).is_some()) =>
            {
                continue;
            }
            _ => memchr::memmem::rfind(rb, pb),
        };
        if let Some(i) = last {
            start = start.max(ss + i + p.len());
        }
    }
    // A speech verb in the passive ("X was reported missing") is part of X's clause.
    let mut upto = region.len();
    while let Some((i, w)) = rfind_any_word(&region[..upto], SUBJECT_BOUNDARIES) {
        let passive = matches!(w, "reported" | "alleged" | "claimed" | "said")
            && last_words(&region[..i], 1).any(|p| matches!(p, "was" | "were" | "been"));
        // "X, who reported on corruption, was convicted": a journalist's work, not speech.
        let journalism = w == "reported" && reports_news(&region[i + w.len()..]);
        // A word of a name is no boundary: "Omar Said, who remains in prison".
        let in_name = ctx
            .mentions_in(ss, ts)
            .any(|m| ctx.mentions[m].span.start <= ss + i && ss + i < ctx.mentions[m].span.end);
        if !passive && !in_name && !journalism {
            start = start.max(ss + i + w.len());
            break;
        }
        upto = i;
    }
    start
}

/// True when `before` ends in "no record of", "no evidence of" or the like, with an optional
/// possessive: "had no record of her arrest" denies the arrest it names.
fn no_trace_of(before: &str) -> bool {
    let mut back = last_words(before, 4).peekable();
    back.next_if(|w| matches!(*w, "his" | "her" | "their" | "any" | "the"));
    back.next() == Some("of")
        && back.next().is_some_and(|w| {
            matches!(
                w,
                "record" | "records" | "evidence" | "trace" | "sign" | "signs"
            )
        })
        && back.next() == Some("no")
}

/// True when "reported" or "reports" before `rest` is a journalist's work ("reported on
/// corruption", "reports for Meydan TV"), not a claim; "reported on Monday that" is a claim.
fn reports_news(rest: &str) -> bool {
    let mut next = words(rest);
    next.next()
        .is_some_and(|w| matches!(w, "on" | "about" | "for" | "from"))
        && next.next().is_some_and(|w| {
            !(w.starts_with(|c: char| c.is_ascii_digit())
                || casefile_text::month_number(w).is_some()
                || matches!(
                    w,
                    "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                ))
        })
}

/// True when `reach` reports the event as someone's claim ("allegedly", "according to",
/// "reported"), not counting a journalist's reporting ("who reported on corruption").
fn alleged_in(reach: &str) -> bool {
    let mut upto = reach.len();
    while let Some((i, w)) = rfind_any_word(&reach[..upto], ALLEGED) {
        if !(matches!(w, "reported" | "reports") && reports_news(&reach[i + w.len()..])) {
            return true;
        }
        upto = i;
    }
    false
}

/// The persons a personal pronoun at `at` stands for: "he", "him", "she", "her" the person
/// [`resolve_pronoun`] finds, "they" and "them" the group named before it ([`named_group`]).
fn pronoun_persons(ctx: &Ctx, si: usize, ss: usize, at: usize, pronoun: &str) -> Vec<usize> {
    match pronoun {
        "they" | "them" => named_group(ctx, ss, at),
        _ => resolve_pronoun(ctx, si, at, gender::of_pronoun(pronoun))
            .into_iter()
            .collect(),
    }
}

/// The person named as the possessor of a harm right after "into" at `te`: "into X's death",
/// "into the killing of X" is read by [`object_after`].
fn possessor_of_harm_after(ctx: &Ctx, te: usize, se: usize, want: EntityType) -> Vec<usize> {
    let lower = ctx.lower.as_str();
    let after = sl(lower, te, se);
    let Some(rest) = after.trim_start().strip_prefix("into ") else {
        return Vec::new();
    };
    let from = te + after.len() - rest.len();
    let Some(m) = ctx.mentions_in(from, se).next() else {
        return Vec::new();
    };
    let span = ctx.mentions[m].span;
    let gap = sl(lower, from, span.start).trim();
    let tail = sl(lower, span.end, se);
    let harm = tail
        .strip_prefix("'s ")
        .or_else(|| tail.strip_prefix("\u{2019}s "))
        .and_then(|t| words(t).next())
        .is_some_and(|w| {
            matches!(
                w,
                "death"
                    | "killing"
                    | "murder"
                    | "arrest"
                    | "detention"
                    | "torture"
                    | "disappearance"
                    | "abduction"
                    | "beating"
                    | "treatment"
                    | "ill"
            )
        });
    if ctx.is(m, want) && harm && matches!(gap, "" | "the") {
        vec![m]
    } else {
        Vec::new()
    }
}

/// The person a pronoun at `pos` stands for: the last person before it in its sentence whose
/// gender fits the pronoun's (`want`), else, in the nearest earlier sentence that names such a
/// person, the one the document names most (ties: the first, usually the subject). A person of
/// unknown gender fits either pronoun.
fn resolve_pronoun(ctx: &Ctx, si: usize, pos: usize, want: Option<Gender>) -> Option<usize> {
    let sent = ctx.sentences[si];
    let fits = |m: usize, s: Span| {
        ctx.is(m, EntityType::Person) && !ctx.is_speaker(m, s) && gender::compatible(ctx, m, want)
    };
    let here = ctx.mentions_in(sent.start, pos);
    if let Some(m) = here.clone().rev().find(|&m| fits(m, sent)) {
        // A name inside a relative clause closed before the pronoun ("X, whose novel was
        // longlisted next to Y, documented her arrest") is not what the pronoun points back to:
        // the clause's head is.
        let head = head_of_closed_aside(ctx, sent, m, pos).filter(|&h| fits(h, sent));
        return Some(head.unwrap_or(m));
    }
    let times_named = |m: usize| {
        let key = surname_key(&ctx.mentions[m].text);
        ctx.mentions
            .iter()
            .filter(|o| o.entity_type == EntityType::Person && surname_key(&o.text) == key)
            .count()
    };
    // The speaker of the sentence is left out above ("His lawyer, Y, said police beat him" is
    // about the client), but the document's main person telling of themselves is meant
    // ("Tursynayov told the court that guards beat him"): the speaker wins when the document
    // names them more often than the person found in the sentences before.
    let speaker = here.rev().find(|&m| {
        ctx.is(m, EntityType::Person) && ctx.is_speaker(m, sent) && gender::compatible(ctx, m, want)
    });
    let mut earlier = None;
    for back in (si.saturating_sub(6)..si).rev() {
        let s = ctx.sentences[back];
        // Of the persons there, the one the document names most (its main person), else the
        // first (usually the subject).
        let mut best: Option<(usize, usize)> = None;
        for m in ctx.mentions_in(s.start, s.end).filter(|&m| fits(m, s)) {
            let n = times_named(m);
            if best.is_none_or(|(_, bn)| n > bn) {
                best = Some((m, n));
            }
        }
        if best.is_some() {
            earlier = best;
            break;
        }
    }
    match (speaker, earlier) {
        (Some(sp), Some((_, n))) if times_named(sp) > n => Some(sp),
        (Some(sp), None) => Some(sp),
        (_, Some((m, _))) => Some(m),
        (None, None) => None,
    }
}

/// The person whose relative clause (", who …," / ", whose …,") holds mention `m` when that
/// clause closes with a comma before `pos`.
fn head_of_closed_aside(ctx: &Ctx, sent: Span, m: usize, pos: usize) -> Option<usize> {
    let lower = ctx.lower.as_str();
    let mention = ctx.mentions[m].span;
    let before = sl(lower, sent.start, mention.start);
    let opens = [", who ", ", whose ", ", whom "]
        .iter()
        .filter_map(|p| before.rfind(p))
        .max()?;
    // The clause holds the mention: no comma between its opening and the mention, one after.
    if before[opens + 1..].contains(',') {
        return None;
    }
    // A participle after the comma still describes ("who examined X's remains, confirming that
    // he"): the clause has not closed.
    let closes = mention.end + sl(lower, mention.end, pos).find(',')?;
    if words(sl(lower, closes, pos)).next()?.ends_with("ing") {
        return None;
    }
    // The head is the sentence's subject: its first person.
    let at = sent.start + opens;
    let head = ctx
        .mentions_in(sent.start, at)
        .find(|&h| ctx.is(h, EntityType::Person))?;
    (ctx.mentions[head].span.end == at).then_some(head)
}

/// The gender of the nearest "his" / "her" among the last `n` words of `s`, if there is one.
fn possessive(s: &str, n: usize) -> Option<Option<Gender>> {
    // A nearer possessive noun owns the act: "his wife's release" is the wife's ("’s" splits
    // into its own word "s").
    last_words(s, n)
        .take_while(|w| *w != "s" && !w.ends_with("'s"))
        .find(|w| matches!(*w, "his" | "her"))
        .map(gender::of_pronoun)
}

/// Persons joined to mention `m` in one list ("X, Y and Z", "X (Almaty North) and Y", "X, 61, a
/// paralegal; Y, a unionist"), before and after it. Names of other kinds inside a description
/// ("Y, vice president of the miners' union; Z") are stepped over: the text between the two
/// persons decides ([`coordinated`]).
fn with_coordinated(ctx: &Ctx, range: Range<usize>, m: usize, want: EntityType) -> Vec<usize> {
    let mut out = vec![m];
    let mut cur = m;
    while let Some(prev) = (range.start..cur).rev().find(|&p| ctx.is(p, want)) {
        let between = sl(
            &ctx.lower,
            ctx.mentions[prev].span.end,
            ctx.mentions[cur].span.start,
        )
        .trim();
        if coordinated(between) {
            out.insert(0, prev);
            cur = prev;
        } else {
            break;
        }
    }
    let mut cur = m;
    while let Some(next) = (cur + 1..range.end).find(|&n| ctx.is(n, want)) {
        let between = sl(
            &ctx.lower,
            ctx.mentions[cur].span.end,
            ctx.mentions[next].span.start,
        )
        .trim();
        // "Jaymie Gregorio Jr., Rodrigo Esparago": the full stop is the suffix's.
        let between = match between.strip_prefix('.') {
            Some(rest) if suffixed(ctx, cur) => rest.trim_start(),
            _ => between,
        };
        if coordinated(between) {
            out.push(next);
            cur = next;
        } else {
            break;
        }
    }
    out
}

/// True when mention `m` ends with a generational suffix whose full stop follows it ("Jr.").
fn suffixed(ctx: &Ctx, m: usize) -> bool {
    let t = sl(
        &ctx.lower,
        ctx.mentions[m].span.start,
        ctx.mentions[m].span.end,
    );
    t.ends_with(" jr") || t.ends_with(" sr")
}

/// Words of a clause: a list of names holds none of them between two names.
const CLAUSE_WORDS: &Words = &Words::new(&[
    "was", "were", "is", "are", "has", "had", "have", "said", "says", "told", "who", "which",
    "whose", "by", "after", "when", "because",
]);

/// Relatives and colleagues named with someone in one list ("X and her husband Y", "X, and
/// their colleagues Y and Z").
const KIN: &[&str] = &[
    "husband",
    "wife",
    "son",
    "sons",
    "daughter",
    "daughters",
    "brother",
    "brothers",
    "sister",
    "sisters",
    "father",
    "mother",
    "colleague",
    "colleagues",
    "cousin",
    "nephew",
    "niece",
    "partner",
];

/// True when the text between two names joins them in one list, each name perhaps with its own
/// description: ", broadcast reporter", " and photojournalist", ", and"; also a short
/// parenthesis after the first ("(Almaty North) and"), a described name closed by a semicolon
/// (", 61, a paralegal for the union;"), and a relative or colleague ("and her husband").
fn coordinated(between: &str) -> bool {
    if matches!(between, "," | "and" | ", and" | "&") {
        return true;
    }
    // A curly apostrophe is one word's ("the party’s secretary-general"), as a straight one.
    if between.contains('\u{2019}') {
        return coordinated(&between.replace('\u{2019}', "'"));
    }
    // "X (Almaty North) and Y": a short parenthesis describes the name before it.
    if let Some(rest) = between.strip_prefix('(') {
        let Some(close) = rest.find(')') else {
            return false;
        };
        let inside = &rest[..close];
        let after = rest[close + 1..].trim();
        return !after.is_empty()
            && !inside.contains(['(', '.', ';', ':'])
            && words(inside).count() <= 5
            && !has_any_word(inside, CLAUSE_WORDS)
            && coordinated(after);
    }
    // "X, 61, a paralegal for the union; Y, vice president of the miners' union; Z": a list of
    // described names, each description closed by a semicolon.
    if let Some(body) = between
        .strip_suffix("; and")
        .or_else(|| between.strip_suffix(';'))
        .and_then(|b| b.strip_prefix(','))
    {
        // A quoted word may describe ("a key figure of the 2014 "Occupy" movement"); an open
        // quotation is speech.
        let quotes_closed = body.matches('"').count() % 2 == 0
            && body.matches('\u{201c}').count() == body.matches('\u{201d}').count();
        return quotes_closed
            && !body.contains([';', '.', '(', ')', ':'])
            && words(body).count() <= 14
            && !has_any_word(body, CLAUSE_WORDS)
            && !has_any_word(body, list!["said", "says", "added", "according"]);
    }
    let joined = between.starts_with(',') || between.starts_with("and ");
    // "and her husband", ", and their colleagues": the possessive names the relation.
    let ws: Vec<&str> = words(between).collect();
    let kin = ws
        .windows(2)
        .any(|w| matches!(w[0], "his" | "her" | "their") && KIN.contains(&w[1]));
    let possessives = ws
        .iter()
        .filter(|w| matches!(**w, "his" | "her" | "their"))
        .count();
    joined
        && !between.contains(['.', ';', ':', '(', ')'])
        && ws.len() <= 6
        && !has_any_word(
            between,
            list![
                "was", "were", "is", "are", "has", "had", "have", "said", "says", "who", "which",
                "whose", "told", "by", "of", "against", "from", "with", "to", "in", "on", "at",
                "for", "after",
            ],
        )
        && possessives <= kin as usize
        && ws.iter().filter(|w| **w != "and").count() <= 4
}

/// Words of a title or role that stand between a preposition and a name ("of President X").
const NAME_TITLES: &[&str] = &[
    "the",
    "former",
    "late",
    "then",
    "ex",
    "president",
    "prime",
    "minister",
    "king",
    "queen",
    "prince",
    "general",
    "gen",
    "chief",
    "leader",
    "governor",
    "senator",
    "secretary",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "commander",
    "colonel",
    "premier",
    "chairman",
    "speaker",
    "vice",
    "deputy",
    "foreign",
    "interior",
    "justice",
    "supreme",
    "military",
    "us",
    "u",
    "s",
];

/// True when mention `m` is the object of a preposition ("critic of President X", "since the
/// administration of X"), titles and "the" between skipped: such a name
/// describes another noun and is not the clause's subject, unless a relative clause about it
/// holds the trigger ("abuses against X, a poet who was arrested").
fn after_preposition(ctx: &Ctx, m: usize, sent: Span, to: usize) -> bool {
    let start = ctx.mentions[m].span.start;
    let after = sl(&ctx.lower, ctx.mentions[m].span.end, to);
    if has_any_word(after, list!["who", "whom", "whose", "which", "that"]) {
        return false;
    }
    let before = sl(ctx.text, sent.start.max(start.saturating_sub(60)), start);
    // Only the run of words right before the name: "By Monday, X was" is no object of "by".
    let before = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c.is_whitespace() || c == '\'' || c == '-'))
        .map_or(before, |(p, c)| &before[p + c.len_utf8()..]);
    for w in words(before).rev() {
        let lw = w.to_ascii_lowercase();
        // A title or role before the name ("President", "Prime Minister", "former", "the").
        if NAME_TITLES.contains(&lw.as_str()) {
            continue;
        }
        // Not "against": "the case against X was brought" is about X. "By X" is a passive's
        // agent ("be shot by X himself or be killed"); "shelter to X, and charged" is not X's.
        // "for X to be freed": X is the subject of the infinitive.
        if lw == "for" && after.trim_start().starts_with("to ") {
            return false;
        }
        return matches!(
            lw.as_str(),
            "of" | "under" | "since" | "by" | "to" | "at" | "in" | "from" | "for" | "on" | "about"
        );
    }
    false
}

/// True when mention `m` right after "said" / "says" opens the reported clause that holds the
/// trigger at `to` ("the commission said X, a doctor and activist, had been abducted"), rather
/// than naming who spoke after a quote ("\"…,\" said X"): no quote mark and no speech verb
/// stand between it and the trigger, and the trigger is passive.
fn reported_subject(ctx: &Ctx, m: usize, sent: Span, to: usize) -> bool {
    let sp = ctx.mentions[m].span;
    let before = sl(
        &ctx.lower,
        sent.start.max(sp.start.saturating_sub(40)),
        sp.start,
    )
    .trim_end();
    let between = sl(&ctx.lower, sp.end, to);
    let Some(speech) = before
        .strip_suffix("said")
        .or_else(|| before.strip_suffix("says"))
    else {
        return false;
    };
    // After a quote the name after "said" is the speaker's.
    !speech.trim_end().ends_with(['"', '\u{201d}', ','])
        // Only a passive: in "said X imprisoned thousands" X is the doer.
        && has_any_word(between, list!["was", "were", "been", "is", "are", "being"])
        && !between.contains(['"', '\u{201c}', '\u{201d}'])
        && !has_any_word(
            between,
            list![
                "said",
                "says",
                "told",
                "stated",
                "added",
                "noted",
                "explained",
            ],
        )
}

/// The subject of a trigger: the nearest person before it in its clause, skipping back over an
/// apposition ("X, wife of Y, was detained" → X), with coordinated persons.
fn subject(ctx: &Ctx, from: usize, to: usize, want: EntityType, sent: Span) -> Vec<usize> {
    let range = ctx.mentions_in(from, to);
    let possessive = |m: usize| {
        let after = sl(&ctx.lower, ctx.mentions[m].span.end, to);
        starts_possessive(after) || after.starts_with("' ")
    };
    // A possessor names someone else's noun ("Lukashenko's opponents were jailed"), and the
    // object of a preposition someone else's description ("a critic of President X was
    // arrested"); a subject far back belongs to another clause.
    let Some(mut p) = range.clone().rev().find(|&m| {
        ctx.is(m, want)
            && (!ctx.is_speaker(m, sent) || reported_subject(ctx, m, sent, to))
            && !possessive(m)
            && !after_preposition(ctx, m, sent, to)
            && to - ctx.mentions[m].span.end <= 200
    }) else {
        return Vec::new();
    };
    // Apposition: the earlier person is the subject when only a descriptive phrase separates.
    while let Some(q) = (range.start..p).rev().find(|&m| ctx.is(m, want)) {
        let between = sl(
            &ctx.lower,
            ctx.mentions[q].span.end,
            ctx.mentions[p].span.start,
        );
        let appositive = between.trim_start().starts_with(',')
            && !has_any_word(
                between,
                list![
                    "was", "were", "is", "are", "has", "had", "and", "who", "said", "says", "with",
                ],
            )
            && !between.contains(';')
            // "In addition to X, in September, Y was killed": a phrase closed by a comma before
            // Y sets Y apart, where an apposition runs on into Y ("X, wife of Y").
            && (!between.trim_end().ends_with(',') || between.trim() == ",");
        if appositive {
            p = q;
        } else {
            break;
        }
    }
    with_coordinated(ctx, range, p, want)
}

/// True when `after` (the text right after a name) starts with a possessive "'s".
fn starts_possessive(after: &str) -> bool {
    after.starts_with("'s") || after.starts_with("\u{2019}s")
}

/// Words that open a noun phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "this", "that", "our",
];

/// The name that owns the noun at `ts` ("Kaweesi's murder", "X's long detention"): the last
/// mention of type `want` in the 40 bytes before it (not before `ss`), followed by "'s" and at
/// most two more words.
fn possessor_before(ctx: &Ctx, ss: usize, ts: usize, want: EntityType) -> Option<usize> {
    let m = ctx
        .mentions_in(ts.saturating_sub(40).max(ss), ts)
        .rev()
        .find(|&m| ctx.is(m, want))?;
    let between = sl(&ctx.lower, ctx.mentions[m].span.end, ts);
    // "Museveni's condemnation of torture": the possessor owns the noun the "of" follows.
    (starts_possessive(between)
        && words(between).count() <= 3
        && !has_any_word(
            between,
            list!["of", "for", "against", "on", "about", "into"],
        ))
    .then_some(m)
}

/// The object right after a trigger: "detained journalist X", "the arrest of X".
fn object_after(ctx: &Ctx, te: usize, se: usize, want: EntityType, max: usize) -> Vec<usize> {
    let range = ctx.mentions_in(te, se);
    if let Some(listed) = dashed_list(ctx, te, se, want, max) {
        return listed;
    }
    for m in range.clone() {
        let ms = ctx.mentions[m].span.start;
        if ms > te + max {
            break;
        }
        let between = sl(&ctx.lower, te, ms);
        // "arrested seven defenders, namely: X, Y", "including X"
        let listed = has_any_word(between, list!["namely", "including", "identified"]);
        let between_checked = if listed {
            between.replace(':', " ")
        } else {
            between.to_string()
        };
        let between = between_checked.as_str();
        // "arrested nine workers who were identified as X, Y": the list names the objects.
        let identified = between.contains("identified as") && words(between).count() <= 10;
        // A closing quote ends the quoted clause: "… anyone arrested," X said.
        if between.contains(['.', ';', ':', '(', '"', '\u{201c}', '\u{201d}'])
            || (!identified
                && has_any_word(
                    between,
                    list![
                        "by", "who", "which", "after", "when", "because", "for", "in", "on", "at",
                        "said", "and", "to", "from",
                    ],
                ))
            // "arrested since the administration of President X": a name in a time clause; a
            // list still names the objects ("imprisoned since 2016, including X").
            || (!listed
                && has_any_word(
                    between,
                    list![
                        "since",
                        "during",
                        "under",
                        "amid",
                        "following",
                        "before",
                        "while",
                        "despite",
                        "until",
                        "till",
                    ],
                ))
        {
            return Vec::new();
        }
        let after = sl(&ctx.lower, ctx.mentions[m].span.end, ctx.lower.len());
        let possessor = starts_possessive(after);
        // "arrested Kozlov's lawyer": a possessor is not the one it was done to.
        if ctx.is(m, want) && !possessor {
            // "the arrest of Lukashenko critic X": a name before a role noun describes the next
            // name, which is the one it was done to.
            if let Some(n) = (m + 1..range.end).find(|&n| ctx.is(n, want)) {
                let gap = sl(
                    &ctx.lower,
                    ctx.mentions[m].span.end,
                    ctx.mentions[n].span.start,
                );
                let ws: Vec<&str> = words(gap).collect();
                if (1..=2).contains(&ws.len())
                    && !gap.contains([',', '.', ';', ':', '(', '\'', '\u{2019}'])
                    && ws.last().is_some_and(|w| NAMED_ROLES.contains(w))
                {
                    return with_coordinated(ctx, range, n, want);
                }
            }
            return with_coordinated(ctx, range, m, want);
        }
        if ctx.is(m, EntityType::Person) || ctx.is(m, EntityType::Organization) {
            // Another name stands in between: "the arrest of Amnesty's researcher X" still works,
            // "arrested Kozlov's lawyer" does not name Kozlov as the arrested. An organisation
            // before a word for its staff describes the person after it: "detained Reuters
            // reporter X", "arrested another Mada Masr journalist, editor X".
            let staff = ctx.is(m, EntityType::Organization)
                && words(after).next().is_some_and(|w| STAFF.contains(&w));
            if !possessor && !staff {
                return Vec::new();
            }
        }
    }
    Vec::new()
}

/// Words for the people who work for an organisation, as they follow its name ("Reuters
/// reporter X").
const STAFF: &[&str] = &[
    "journalist",
    "journalists",
    "reporter",
    "reporters",
    "editor",
    "correspondent",
    "photographer",
    "photojournalist",
    "producer",
    "researcher",
    "lawyer",
    "activist",
    "activists",
    "member",
    "members",
    "leader",
    "founder",
    "director",
    "staff",
    "worker",
    "workers",
    "employee",
    "employees",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "blogger",
    "presenter",
    "anchor",
    "cameraman",
    "columnist",
    "contributor",
    "chairman",
    "chairperson",
    "coordinator",
    "volunteer",
    "writer",
    "host",
];

/// Role nouns that a name before them describes ("Lukashenko critic X", "Navalny ally Y").
const NAMED_ROLES: &[&str] = &[
    "critic",
    "opponent",
    "ally",
    "aide",
    "supporter",
    "associate",
    "adviser",
    "advisor",
    "rival",
    "loyalist",
];

/// Words that may follow "her" when it is the object pronoun ("arrested her and …"); any
/// other word makes it a determiner ("her husband").
const NOT_AFTER_DETERMINER: &[&str] = &[
    "was", "were", "is", "are", "had", "has", "have", "been", "be", "and", "or", "to", "in", "on",
    "at", "for", "with", "by", "after", "before", "when", "while", "as", "from", "into",
];

/// A form of "be", the auxiliary of the passive ("was detained", "being held").
fn is_be(w: &str) -> bool {
    matches!(w, "was" | "were" | "been" | "being" | "is" | "are" | "be")
}

/// Words that may stand between a relative pronoun and its verb: "who had later been detained"
/// (adverbs in -ly pass without a list: "who was allegedly beaten").
const VERB_GROUP: &Words = &Words::new(&[
    "had", "have", "has", "been", "was", "were", "is", "are", "being", "be", "later", "also",
    "then", "not", "never", "again", "all", "both", "since", "remain", "remains", "remained",
]);

/// Words ending in "s" that are no group of people before a participle: verbs ("remains
/// imprisoned") and spans of time ("spent two years imprisoned").
const NOT_PLURAL_NOUNS: &[&str] = &[
    "this", "always", "perhaps", "remains", "stays", "seems", "appears", "goes", "gets", "years",
    "months", "weeks", "days", "hours", "minutes",
];

/// True when the trigger at `ts` is the verb of a group the text describes without naming it,
/// so the sentence's subject is not its victim: a relative clause whose antecedent is a common
/// noun or a name of another kind ("commemorating the Legionnaires who had been killed"), or a
/// participle right after a plural noun ("media workers killed"). The group stays the named
/// person's when the text links them ([`links_to_group`]).
fn unnamed_antecedent(ctx: &Ctx, ss: usize, cs: usize, ts: usize, want: EntityType) -> bool {
    let lower = ctx.lower.as_str();
    let clause = sl(lower, cs, ts);
    // The end of the group's noun phrase: before a relative pronoun whose verb group runs up to
    // the trigger, or before a participle.
    let relative = rfind_any_word(clause, list!["who", "which", "that"]).filter(|&(p, w)| {
        words(&clause[p + w.len()..]).all(|v| VERB_GROUP.list.contains(&v) || v.ends_with("ly"))
    });
    let noun_end = if let Some((p, _)) = relative {
        let head = clause[..p].trim_end().trim_end_matches(',').trim_end();
        // "who was detained … and who remains imprisoned": the first relative's antecedent.
        if last_words(head, 1).any(|w| matches!(w, "and" | "or" | "but")) {
            return false;
        }
        cs + head.len()
    } else {
        // A participle after a plural noun: "workers killed" (not "two years imprisoned").
        let participle = words(sl(lower, ts, lower.len())).next().is_some_and(|w| {
            w.ends_with("ed") || matches!(w, "held" | "beaten" | "shot" | "slain")
        });
        let head = sl(lower, ss, ts);
        let Some(w) = last_words(head, 1).next() else {
            return false;
        };
        let plural = w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("'s")
            && !NOT_PLURAL_NOUNS.contains(&w);
        if !participle || !plural || head.trim_end().len() + 1 != head.len() {
            return false;
        }
        ss + head.len() - 1
    };
    // A name of the kind wanted is the antecedent itself; a capitalised word that is no name
    // may be one the reader missed.
    let head = sl(ctx.text, ss, noun_end);
    let mut word_start = ss + head.trim_end_matches(|c: char| c.is_alphanumeric()).len();
    match ctx
        .mentions_in(ss, noun_end + 1)
        .find(|&m| ctx.mentions[m].span.end == noun_end)
    {
        Some(m) if ctx.is(m, want) => return false,
        Some(m) => word_start = ctx.mentions[m].span.start,
        None if word_start > ss
            && ctx.text[word_start..].starts_with(|c: char| c.is_uppercase()) =>
        {
            return false
        }
        None => {}
    }
    // The named person the group may belong to: the last one before it, or a pronoun after
    // that person.
    let named = ctx
        .mentions_in(ss, word_start)
        .rev()
        .find(|&m| ctx.is(m, want))
        .map(|m| ctx.mentions[m].span.end);
    let from = named.unwrap_or(ss);
    let pronoun = rfind_any_word(
        sl(lower, from, word_start),
        list!["he", "she", "they", "him", "her", "them"],
    )
    .map(|(p, w)| from + p + w.len());
    match pronoun.or(named) {
        Some(end) => !links_to_group(sl(lower, end, word_start)),
        None => true,
    }
}

/// True when the text between a person and a group's noun makes the person one of the group:
/// an apposition ("X, 50, from the Jenin governorate, who"), a predicate ("X was also a
/// freelance journalist, raised in Florida, who"; "X is one of the six organisers arrested"; "X
/// was among the activists arrested"), or a conjunction ("X and two other activists detained",
/// "X, along with three party activists abducted").
fn links_to_group(between: &str) -> bool {
    if between.contains(';') {
        return false;
    }
    let mut ws = words(between).peekable();
    // Ages and parenthetical numbers after the name: "X, 31, was".
    while ws
        .peek()
        .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
    {
        ws.next();
    }
    let first = ws.next().unwrap_or("");
    let second = ws.next().unwrap_or("");
    let copula = |w: &str| {
        matches!(
            w,
            "is" | "was" | "are" | "were" | "remains" | "remained" | "became" | "becomes" | "s"
        )
    };
    copula(first)
        || (matches!(first, "also" | "still" | "now") && copula(second))
        || first == "and" && words(between).count() <= 6
        || matches!((first, second), ("along" | "together", "with"))
        || (between.trim_start().starts_with(',')
            && words(between).count() <= 15
            && !has_any_word(
                between,
                list!["said", "says", "told", "but", "had", "has", "have", "when"],
            ))
}

/// The subject of an inverted passive that opens its clause: "Also arrested last year was
/// ex-ambassador X", "Among the detained are X and Y" is [`members`]' business.
fn inverted_subject(
    ctx: &Ctx,
    cs: usize,
    ts: usize,
    te: usize,
    se: usize,
    want: EntityType,
) -> Vec<usize> {
    let before: Vec<&str> = words(sl(&ctx.lower, cs, ts)).collect();
    if !(before.is_empty() || before == ["also"]) {
        return Vec::new();
    }
    let after = sl(&ctx.lower, te, se.min(te + 120));
    let Some((p, w)) = ["was", "were", "is", "are"]
        .iter()
        .filter_map(|w| find_word(after, w).map(|p| (p, *w)))
        .min()
    else {
        return Vec::new();
    };
    if after[..p].contains(['.', ';', ':', '"', '\u{201c}']) {
        return Vec::new();
    }
    let from = te + p + w.len();
    let range = ctx.mentions_in(from, se);
    let Some(m) = range.clone().next() else {
        return Vec::new();
    };
    let gap = sl(&ctx.lower, from, ctx.mentions[m].span.start);
    if !ctx.is(m, want) || gap.contains([',', '.', ';', ':', '(']) || words(gap).count() > 3 {
        return Vec::new();
    }
    with_coordinated(ctx, range, m, want)
}

/// "Police detained 23 people that day", "he was released on bail later that day", "X was
/// arrested the same day": an undated event of a sentence that points back to a day takes the
/// day of the last event dated to the day in that sentence or the three before it. The timex crate
/// leaves these phrases alone (on TimeBank they point back to the document date as often as to
/// the narrative's day); here the narrative is the events read so far.
fn same_day(ctx: &Ctx, all: &mut [Cand]) {
    const BACK: &Words = &Words::new(&[
        "that day",
        "that morning",
        "that afternoon",
        "that evening",
        "that night",
        "the same day",
    ]);
    for i in 0..all.len() {
        if all[i].date.is_some() || is_call(all[i].ty) || all[i].negated {
            continue;
        }
        let si = all[i].sentence;
        let sent = ctx.sentences[si];
        // "detained on 15 November 2020 while streaming live from a protest", "arrested on 3
        // May during a picket": what the dated event interrupted happened that day.
        let ts = all[i].trigger.start;
        let near = sl(&ctx.lower, sent.start.max(ts.saturating_sub(60)), ts);
        if let Some((p, _)) = rfind_any_word(near, list!["while", "during"]) {
            let cue = ts - near.len() + p;
            // Only the first event after the cue, with no comma between: "while covering a rally
            // in support of a killed protester" dates the rally, not the killing.
            let first_after_cue = !all[..i]
                .iter()
                .any(|c| c.sentence == si && c.trigger.start > cue)
                && !sl(&ctx.lower, cue, ts).contains([',', ';']);
            let interrupted = first_after_cue
                .then(|| {
                    all[..i]
                        .iter()
                        .rev()
                        .find(|c| c.sentence == si && c.own_date && c.trigger.end <= cue)
                })
                .flatten();
            if let Some(d) = interrupted.and_then(|c| c.date).filter(|d| d.day.is_some()) {
                all[i].date = Some(d);
                all[i].own_date = true;
                continue;
            }
        }
        // "police shot dead at least 12 people during protests in Nairobi on Tuesday": what
        // happened during a dated event took place then.
        let after = sl(
            &ctx.lower,
            all[i].trigger.end,
            sent.end.min(all[i].trigger.end + 100),
        );
        // "have had no information about him since he was picked up … on 22 June", "held since
        // his arrest on 3 May": a state began with the dated event after "since".
        let state = matches!(all[i].ty, EventType::Disappearance | EventType::Detention);
        let cues: &[&str] = if state {
            &["during", "since"]
        } else {
            &["during"]
        };
        // ("has not been seen since her arrest on 4 November": the trigger ends with the cue.)
        let trigger_since =
            state && sl(&ctx.lower, all[i].trigger.start, all[i].trigger.end).ends_with(" since");
        let first_cue = if trigger_since {
            Some(0)
        } else {
            cues.iter().filter_map(|w| find_word(after, w)).min()
        };
        if let Some(p) = first_cue.filter(|&p| !after[..p].contains([',', ';'])) {
            let cue = all[i].trigger.end + p;
            let during = all
                .iter()
                .filter(|c| c.sentence == si && c.trigger.start > cue)
                .min_by_key(|c| c.trigger.start)
                .filter(|c| c.own_date && c.trigger.start <= cue + 40)
                .and_then(|c| c.date);
            if let Some(d) = during {
                all[i].date = Some(d);
                all[i].own_date = true;
                continue;
            }
        }
        if !has_any_word(sl(&ctx.lower, sent.start, sent.end), BACK) {
            continue;
        }
        // "In April he was detained … and released the same day": an event dated in the same
        // sentence is that day, to what precision it has; only without one is an earlier
        // sentence's day taken.
        let day = all[..i]
            .iter()
            .rev()
            .take_while(|c| c.sentence + 3 >= si)
            .find_map(|c| {
                c.date
                    .filter(|d| c.sentence == si || d.day.is_some() && d.year.is_some())
            });
        if let Some(d) = day {
            all[i].date = Some(d);
            all[i].own_date = true;
        }
    }
}

/// True when the words before a time expression (`pre`, lowercase, trimmed) end in a verb of
/// speaking, optionally with "on" ("said today", "told reporters on Monday", "announced on 3
/// May"): the expression dates the statement, and gives the events it reports its year only.
fn speech_date(pre: &str) -> bool {
    const SPEECH: &[&str] = &[
        "said",
        "says",
        "told",
        "announced",
        "stated",
        "added",
        "reported",
        "tweeted",
        "wrote",
    ];
    let mut ws = last_words(pre, 6);
    let mut w = ws.next();
    if w == Some("on") {
        w = ws.next();
    }
    match w {
        Some(v) if SPEECH.contains(&v) => !pre.ends_with(','),
        // "told reporters on Monday", "told Gulf Rights Monitor on Thursday": the one told (a
        // name of up to four words), then the date; not "told police he was arrested on Monday".
        Some(v) => std::iter::once(v)
            .chain(ws)
            .take(5)
            .take_while(|x| {
                !(is_be(x)
                    || x.ends_with("ed")
                    || matches!(
                        *x,
                        "he" | "she"
                            | "they"
                            | "him"
                            | "her"
                            | "them"
                            | "that"
                            | "had"
                            | "has"
                            | "have"
                    ))
            })
            .any(|x| x == "told"),
        None => false,
    }
}

/// Events an anniversary is of: "vigils this weekend to mark the second anniversary of X being
/// detained", "November 11, 2019, will mark the 100-year anniversary of the massacre". The event
/// is that many years before the year the sentence gives the anniversary. Only the year: an
/// anniversary is marked near the day, not always on it ("December 14, 2012 — Commemorating the
/// first anniversary of the Zhanaozen killings" of 16 December 2011). An anniversary the
/// sentence does not date, or whose years it does not count, dates nothing: the date it would
/// otherwise take is the anniversary's, not the event's.
fn anniversaries(ctx: &Ctx, sent: Span, cands: &mut [Cand]) {
    let lower = ctx.lower.as_str();
    for c in cands.iter_mut() {
        let before = sl(lower, sent.start, c.trigger.start);
        let Some(p) = before.rfind("anniversary of ") else {
            continue;
        };
        let between = &before[p + "anniversary of ".len()..];
        if words(between).count() > 6 || between.contains([',', ';', '.']) {
            continue;
        }
        let at = sent.start + p;
        let years = before[..p]
            .split_whitespace()
            .next_back()
            .and_then(numbers::anniversary_years);
        // The anniversary's own date: the sentence's time expression nearest to the word, not one
        // inside the event's noun phrase.
        let of_event = at..c.trigger.end;
        let marked = ctx
            .timexes_in(sent.start, sent.end)
            .filter(|&t| !of_event.contains(&ctx.timexes[t].span.start))
            .filter_map(|t| Some((t, timex_date(&ctx.timexes[t])?)))
            .min_by_key(|(t, _)| ctx.timexes[*t].span.start.abs_diff(at));
        let date = match (years, marked) {
            (Some(n), Some((t, d))) => d.year.and_then(|y| {
                let y = y.checked_sub(i32::try_from(n).ok()?)?;
                Some((PartialDate::y(y), t))
            }),
            _ => None,
        };
        c.date = date.map(|(d, _)| d);
        c.date_timex = date.map(|(_, t)| t);
        c.own_date = date.is_some();
    }
}

/// The person a violation noun at `ts` is done to when a verb before it inflicts it on them:
/// "subjected X to torture", "subjecting him to beatings", "gave X electric shocks". Looked for
/// from `from` (in the clause, at most a few words back; `ss` starts the sentence); the object
/// must follow the verb at once and the noun come within three words of it.
fn inflicted_on(ctx: &Ctx, si: usize, ss: usize, from: usize, ts: usize) -> Vec<usize> {
    let lower = ctx.lower.as_str();
    let Some(from) = (from..ts).find(|&i| lower.is_char_boundary(i)) else {
        return Vec::new();
    };
    let near = sl(lower, from, ts);
    let Some((p, verb)) = rfind_any_word(
        near,
        list!["subjected", "subjecting", "gave", "giving", "given"],
    ) else {
        return Vec::new();
    };
    let obj_from = from + p + verb.len();
    // What lies between the object and the noun: "to", and a determiner or adjective or two.
    let fits = |rest: &str| {
        let ws: Vec<&str> = words(rest).collect();
        !rest.contains([',', ';', '.', ':'])
            && ws.len() <= 3
            && (!verb.starts_with("subject") || ws.first() == Some(&"to"))
    };
    let person = ctx
        .mentions_in(obj_from, ts)
        .find(|&m| ctx.is(m, EntityType::Person));
    if let Some(m) = person {
        let span = ctx.mentions[m].span;
        if sl(lower, obj_from, span.start).trim().is_empty() && fits(sl(lower, span.end, ts)) {
            return vec![m];
        }
        return Vec::new();
    }
    let rest = sl(lower, obj_from, ts);
    let mut ws = words(rest);
    match ws.next() {
        Some(w @ ("him" | "her")) => {
            let after = rest.trim_start()[w.len()..].to_string();
            if fits(&after) {
                if let Some(m) = resolve_pronoun(ctx, si, obj_from, gender::of_pronoun(w)) {
                    return vec![m];
                }
            }
            Vec::new()
        }
        Some("them") if fits(&rest.trim_start()[4..]) => named_group(ctx, ss, obj_from),
        _ => Vec::new(),
    }
}

/// The persons a plural pronoun at `pos` stands for: the list of two or more persons named last
/// before it in its sentence ("X and Y said they …"), or nothing when the sentence names no
/// such list (a single person is not "they").
fn named_group(ctx: &Ctx, ss: usize, pos: usize) -> Vec<usize> {
    let range = ctx.mentions_in(ss, pos);
    let Some(last) = range.clone().rev().find(|&m| ctx.is(m, EntityType::Person)) else {
        return Vec::new();
    };
    let group = with_coordinated(ctx, range, last, EntityType::Person);
    if group.len() >= 2 {
        group
    } else {
        Vec::new()
    }
}

/// True when the words right after a trigger name animals ("the torture and slaughter of
/// dogs", "torture the dogs"): cruelty to animals is no human-rights violation.
fn animals(after: &str) -> bool {
    words(after).take(5).any(|w| {
        matches!(
            w,
            "dog" | "dogs" | "cat" | "cats" | "animal" | "animals" | "puppies" | "livestock"
        )
    })
}

/// The names a dash opens right after the trigger's object: "detained journalists from the
/// Vostok Times — X and Y —" (the group is the object; the list names it).
fn dashed_list(
    ctx: &Ctx,
    te: usize,
    se: usize,
    want: EntityType,
    max: usize,
) -> Option<Vec<usize>> {
    let window = sl(&ctx.lower, te, se.min(te + max));
    let dash = window.find(['\u{2014}', '\u{2013}'])?;
    let object = &window[..dash];
    if object.contains(['.', ';', ':', '(', ',', '"', '\u{201c}'])
        || words(object).count() > 8
        || has_any_word(
            object,
            list!["by", "who", "which", "after", "when", "because", "said", "to", "and",],
        )
    {
        return None;
    }
    let from = te + dash;
    let range = ctx.mentions_in(from, se);
    let m = range.clone().next()?;
    let gap = sl(&ctx.lower, from, ctx.mentions[m].span.start);
    let gap = gap.trim_start_matches(['\u{2014}', '\u{2013}']);
    if !ctx.is(m, want) || gap.contains([',', '.', ';', ':', '(']) || words(gap).count() > 2 {
        return None;
    }
    Some(with_coordinated(ctx, range, m, want))
}

/// Adds the persons named right after "together with" / "along with" following the trigger
/// (with their descriptions: "journalist Y and trade unionist Z") to the victims.
fn companions(ctx: &Ctx, te: usize, se: usize, c: &mut Cand) {
    let after = sl(&ctx.lower, te, se);
    let Some(p) = ["together with", "along with"]
        .iter()
        .filter_map(|w| find_word(after, w).map(|p| p + w.len()))
        .min()
    else {
        return;
    };
    // The phrase belongs to the trigger's clause only when nothing clause-like stands between.
    let gap = &after[..p];
    if gap.contains(['.', ';', ':']) || has_any_word(gap, list!["who", "which", "said", "after"]) {
        return;
    }
    let from = te + p;
    let range = ctx.mentions_in(from, se);
    let Some(m) = range.clone().next() else {
        return;
    };
    if !ctx.is(m, EntityType::Person) {
        return;
    }
    let between = sl(&ctx.lower, from, ctx.mentions[m].span.start);
    if between.len() > 40
        || between.contains(['.', ';', ',', ':', '('])
        || has_any_word(between, list!["who", "was", "were", "by", "said", "of"])
    {
        return;
    }
    for v in with_coordinated(ctx, range, m, EntityType::Person) {
        if !c.victims.contains(&v) && !c.others.iter().any(|(o, _)| *o == v) {
            c.victims.push(v);
        }
    }
}

/// Adds the persons a group is said to include to the victims: after the trigger ("dozens remain
/// behind bars, including lawyer X and Y"; "among those abducted is X"), or, in the trigger's
/// clause, before it ("senior staff, including editor X, were also arrested"; "writers such as X
/// are in prison").
fn members(ctx: &Ctx, cs: usize, ts: usize, te: usize, se: usize, c: &mut Cand) {
    let after = sl(&ctx.lower, te, se);
    // "Among those abducted is X": the list follows the verb of the sentence.
    let among =
        last_words(sl(&ctx.lower, ts.saturating_sub(60).max(cs), ts), 6).any(|w| w == "among");
    let listed_at = if among {
        ["is", "are", "was", "were"]
            .iter()
            .filter_map(|w| find_word(after, w).map(|p| (p, w.len())))
            .min()
    } else {
        find_word(after, "including").map(|p| (p, "including".len()))
    };
    let (from, to) = if let Some((p, len)) = listed_at {
        // The list belongs to the trigger's clause only when nothing clause-like stands between.
        let gap = &after[..p];
        // With a victim already named, only a list of others adds to it ("X was arrested with
        // four others, including Y").
        if (!c.victims.is_empty() && !has_any_word(gap, list!["other", "others"]))
            || gap.len() > 90
            || gap.contains(['.', ';', ':', '(', '"', '\u{201c}'])
            || has_any_word(
                gap,
                list!["who", "which", "said", "after", "when", "because", "than"],
            )
        {
            return;
        }
        (te + p + len, se)
    } else {
        if !c.victims.is_empty() {
            return;
        }
        let before = sl(&ctx.lower, cs, ts);
        let Some((p, w)) = rfind_any_word(before, list!["including", "such as"]) else {
            return;
        };
        (cs + p + w.len(), ts)
    };
    let range = ctx.mentions_in(from, to);
    // A nationality or place may describe the first member ("Ugandan novelist X").
    let Some(m) = range.clone().find(|&m| ctx.is(m, EntityType::Person)) else {
        return;
    };
    let between = sl(&ctx.lower, from, ctx.mentions[m].span.start);
    if between.len() > 50
        || between.contains(['.', ';', ',', ':', '('])
        || has_any_word(
            between,
            list!["who", "was", "were", "by", "said", "of", "the"],
        )
    {
        return;
    }
    // The list goes on while names are joined by "," / "and", each perhaps with a description
    // that may itself hold a nationality ("and Cuban lyricist Y").
    let mut listed = vec![m];
    let mut last = m;
    for next in range.filter(|&n| n > m && ctx.is(n, EntityType::Person)) {
        let gap = sl(
            &ctx.lower,
            ctx.mentions[last].span.end,
            ctx.mentions[next].span.start,
        )
        .trim();
        if !coordinated(gap) {
            break;
        }
        listed.push(next);
        last = next;
    }
    if to == ts {
        // Before the trigger the list must close the subject: "…, including X, were arrested".
        let last = *listed.last().unwrap_or(&m);
        let rest = sl(&ctx.lower, ctx.mentions[last].span.end, ts);
        if rest.contains(['.', ';', ':']) || words(rest).count() > 5 {
            return;
        }
    }
    for v in listed {
        if !c.victims.contains(&v) && !c.others.iter().any(|(o, _)| *o == v) {
            c.victims.push(v);
        }
    }
}

/// The agent of a passive: "by police", "by the Almaty city court".
fn agent(ctx: &Ctx, te: usize, se: usize) -> Option<usize> {
    let after = sl(&ctx.lower, te, se.min(te + 40));
    let p = find_word(after, "by")?;
    let from = te + p + 3;
    ctx.mentions_in(from, se).find(|&m| {
        let rest = sl(&ctx.lower, ctx.mentions[m].span.end, se);
        ctx.mentions[m].span.start <= from + 12
            && matches!(
                ctx.mentions[m].entity_type,
                EntityType::Organization | EntityType::Person
            )
            // "by Kaweesi's enemies": the possessor is not the agent
            && !starts_possessive(rest)
    })
}

/// True when the trigger at `ts` is preceded by a call to act, with nothing told as fact between.
fn under_call(ctx: &Ctx, ss: usize, ts: usize) -> Option<usize> {
    let from = ss.max(ts.saturating_sub(240));
    let from = (from..ts)
        .find(|&i| ctx.lower.is_char_boundary(i))
        .unwrap_or(ts);
    let window = sl(&ctx.lower, from, ts);
    let (p, w) = rfind_any_word(window, CALL_CUES)?;
    // "appeal" and "press" are calls only as verbs of asking; "on appeal", "the press", "the
    // Court of Appeal upheld", "the appeal court" and "an appeal hearing" are not.
    if (w == "appeal" || w == "appeals")
        && (window[..p].trim_end().ends_with("on")
            || window[..p].trim_end().ends_with(" of")
            || words(&window[p + w.len()..])
                .next()
                .is_some_and(|n| matches!(n, "court" | "courts" | "judge" | "judges" | "hearing")))
    {
        return None;
    }
    if w == "press" && window[..p].trim_end().ends_with("the") {
        return None;
    }
    let mut rest = window[p + w.len()..].trim_start();
    // A cue inside a bracket or a quotation that closes before the trigger is a name, not a
    // call: "found guilty under Article 280 ("public calls for extremist activity") and
    // sentenced".
    let closes = |open: char, close: char| rest.matches(close).count() > rest.matches(open).count();
    if closes('(', ')') || closes('\u{201c}', '\u{201d}') || rest.matches('"').count() % 2 == 1 {
        return None;
    }
    // Asking a court is a step of a case, not a call ("asked an Almaty court for a ban").
    if find_word(rest, "court").is_some() {
        return None;
    }
    if let Some(r) = rest.strip_prefix("that ") {
        rest = r;
    }
    if rest.contains([';', '.'])
        || has_any_word(rest, CALL_BLOCKERS)
        || find_word(rest, "that").is_some()
    {
        return None;
    }
    Some(from + p)
}

/// Who is joined by "and" to a pronoun object right after the trigger at `te`: "sentenced her
/// and her camerawoman Darya Chultsova to two years". Not a name that starts a clause of its
/// own ("arrested him and his brother Ivan was beaten").
fn joined_to_pronoun(ctx: &Ctx, te: usize, se: usize, want: EntityType) -> Vec<usize> {
    let after = sl(&ctx.lower, te, se).trim_start();
    let Some(rest) = after
        .strip_prefix("him and ")
        .or_else(|| after.strip_prefix("her and "))
    else {
        return Vec::new();
    };
    let from = se - rest.len();
    let joined = object_after(ctx, from, se, want, 40);
    // The object ends with the name: punctuation or a preposition follows, not a verb.
    let own_clause = joined.last().is_some_and(|&m| {
        let tail = sl(&ctx.lower, ctx.mentions[m].span.end, se).trim_start();
        !tail.is_empty()
            && !tail.starts_with(|c: char| c.is_ascii_punctuation())
            && !words(tail).next().is_some_and(|w| {
                matches!(
                    w,
                    "to" | "on"
                        | "in"
                        | "at"
                        | "for"
                        | "under"
                        | "after"
                        | "before"
                        | "during"
                        | "from"
                        | "with"
                        | "and"
                        | "last"
                        | "this"
                        | "over"
                        | "without"
                )
            })
    });
    if own_clause {
        Vec::new()
    } else {
        joined
    }
}

/// Words between an investigation's verb and the noun: "open an independent investigation".
fn investigation_modifier(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "independent"
            | "impartial"
            | "thorough"
            | "prompt"
            | "effective"
            | "full"
            | "credible"
            | "transparent"
            | "swift"
            | "immediate"
            | "criminal"
            | "new"
            | "official"
    )
}

/// True when a verb in the past opens the investigation ending `before`: "police opened an
/// investigation" states one even after a call earlier in the sentence ("X, who had asked for a
/// lawyer, and opened an investigation").
fn opened_in_past(before: &str) -> bool {
    last_words(before, 6)
        .find(|w| !investigation_modifier(w))
        .is_some_and(|w| {
            matches!(
                w,
                "opened" | "launched" | "conducted" | "initiated" | "began" | "started" | "ordered"
            )
        })
}

/// The length of the phrase that hands a sentence to its holder at the start of `after`
/// ("handed to", "imposed on"), if one is there.
fn sentence_link(after: &str) -> Option<usize> {
    [
        "handed to ",
        "handed down to ",
        "given to ",
        "imposed on ",
        "passed on ",
    ]
    .iter()
    .find(|l| after.starts_with(**l))
    .map(|l| l.len() - 1)
}

/// A call resumed by "and" after a relative clause that `under_call` stops at: "should release
/// X and 28 others who remain behind bars, and open an independent investigation into …",
/// "should release X, who was detained in May, and drop …". Only for a base form right after
/// the "and" ("and release him", "and open an inquiry"), which no statement of fact takes.
/// Returns the cue's offset.
fn coordinated_call(ctx: &Ctx, ss: usize, ts: usize, base_trigger: bool) -> Option<usize> {
    let before = sl(&ctx.lower, ss, ts);
    let mut seen_verb = base_trigger;
    let mut reached_and = false;
    for w in last_words(before, 6) {
        if w == "and" {
            reached_and = true;
            break;
        }
        if !seen_verb {
            // The investigation's own verb: "open an inquiry", "launch an investigation".
            if matches!(
                w,
                "open" | "launch" | "conduct" | "initiate" | "establish" | "order" | "carry"
            ) {
                seen_verb = true;
                continue;
            }
            if investigation_modifier(w) || w == "out" {
                continue;
            }
            return None;
        }
        // After the verb only the "and" itself may come ("and release him": nothing between).
        return None;
    }
    if !reached_and || !seen_verb {
        return None;
    }
    // The "and" ends a clause when a comma stands before it; the call is the sentence's.
    let and_pos = rfind_word(before, "and")?;
    if !before[..and_pos].trim_end().ends_with(',') {
        return None;
    }
    let head = &before[..and_pos];
    let (p, w) = rfind_any_word(head, CALL_CUES)?;
    if matches!(w, "appeal" | "appeals" | "press") {
        return None;
    }
    // The cue's clause holds no full stop, and the clause after the cue a relative one only.
    let rest = &head[p + w.len()..];
    if rest.contains([';', '.']) || !has_any_word(rest, list!["who", "whom", "which", "whose"]) {
        return None;
    }
    Some(ss + p)
}

/// A ban being lifted ("lifting the ban on", "the ban was lifted") ends a restriction: it states
/// none. `before` and `after` are the sentence's lowercase text around the trigger.
fn lifted_ban(before: &str, after: &str) -> bool {
    let prev: Vec<&str> = last_words(before, 4).collect();
    let lifts = |w: &str| {
        matches!(
            w,
            "lift" | "lifts" | "lifted" | "lifting" | "end" | "ended" | "ending" | "overturned"
        )
    };
    // "lifted the ban", "lifting its three-year ban".
    prev.iter().take(3).any(|w| lifts(w)) || {
        let next: Vec<&str> = words(after).take(6).collect();
        // "the ban on X was lifted", "the ban has been lifted".
        next.iter().any(|w| matches!(*w, "lifted" | "overturned"))
    }
}

/// Reads the candidates of one sentence from its trigger matches.
fn sentence_events(ctx: &Ctx, si: usize, sent: Span, raw: &[(usize, Span)]) -> Vec<Cand> {
    let lower = ctx.lower.as_str();
    let text = ctx.text;
    let b = lower.as_bytes();
    let (ss, se) = (sent.start, sent.end);
    let s_lower = sl(lower, ss, se);
    let title = ctx.title[si];
    // Asked only of a capitalised trigger inside the sentence (rare), so counted only then.
    let title_case = std::cell::OnceCell::new();
    let title_case = || {
        *title_case.get_or_init(|| {
            let capitalised_words = words(sl(text, ss, se))
                .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
                .count();
            capitalised_words * 10 >= words(sl(text, ss, se)).count() * 6
        })
    };
    // A ban names its media here or in the sentence before ("the newspaper X … A court banned X").
    let prev_sentence = if si > 0 {
        let p = ctx.sentences[si - 1];
        sl(lower, p.start, p.end)
    } else {
        ""
    };
    // Context words are looked up only for the triggers that need them.
    // Whole words: "pressure", "expressed", "immediately" and "visited" name no media.
    let media = || {
        has_any_word(s_lower, lexicon::MEDIA_WORDS)
            || has_any_word(prev_sentence, lexicon::MEDIA_WORDS)
    };
    let law = || lexicon::LAW_WORDS.iter().any(|w| s_lower.contains(w));
    let court = || lexicon::COURT_WORDS.iter().any(|w| s_lower.contains(w));
    // Asked only of a candidate without victims, so looked up only then.
    let generic = std::cell::OnceCell::new();
    let generic = || *generic.get_or_init(|| has_any_word(s_lower, GENERIC));
    let mut out: Vec<Cand> = Vec::new();

    for &(pi, span) in raw {
        let entry = &ENTRIES[pi];
        // "found X guilty": the trigger reaches back to the verb, so its object is inside.
        // A complement whose verb stands before it, with the object between ("found X guilty",
        // "forced him into a car", "stripped X of its registration", "designated X a foreign
        // agent"): the trigger reaches back to the verb, and without one there is no event.
        let governing_verb: Option<VerbBefore> = if entry.flags & FOUND != 0 {
            Some(finding_verb)
        } else if entry.flags & FORCED != 0 {
            Some(forcing_verb)
        } else if entry.flags & STRIPPED != 0 {
            Some(stripping_verb)
        } else if entry.flags & DESIGNATED != 0 {
            Some(designating_verb)
        } else {
            None
        };
        let span = match governing_verb.map(|verb_of| verb_of(lower, ss, span.start)) {
            None => span,
            Some(Some(verb)) => Span::new(verb.start, span.end),
            Some(None) => continue,
        };
        let (ts, te) = (span.start, span.end);
        // Whole words only, and not inside a hyphenated word ("pre-trial", "anti-torture"),
        // except the length of a term ("a five-year sentence").
        if (ts > 0
            && (b[ts - 1].is_ascii_alphanumeric()
                || (b[ts - 1] == b'-' && !names_term_unit(entry.pattern))))
            || (te < b.len() && (b[te].is_ascii_alphanumeric() || b[te] == b'-'))
        {
            continue;
        }
        // A capitalised trigger inside running text is part of a name ("Convention against
        // Torture", "the Zhanaozen Massacre"); headlines in title case are not running text.
        if ts > ss && text.as_bytes()[ts].is_ascii_uppercase() && !title_case() {
            continue;
        }
        // "died on 21 May in Penal Colony No. 17": a death where its victim was held. Asked once,
        // of the "died" entries only.
        let died_held = entry.flags & HARM != 0 && held_where_died(sl(lower, te, se));
        if (entry.flags & MEDIA != 0 && !media())
            || (entry.flags & LAW != 0 && !law())
            || (entry.flags & COURT != 0 && !court())
            || (entry.flags & UNKNOWN != 0
                && !has_any_word(sl(lower, te, se), list!["unknown", "unclear", "not known"]))
            || (entry.flags & HARM != 0 && !died_held && !harm_done_after(sl(lower, te, se)))
        {
            continue;
        }
        let after = sl(lower, te, se);
        let before = sl(lower, ss, ts);
        let prev: Vec<&str> = last_words(before, 3).collect();
        let next_word = words(after).next().unwrap_or("");
        // Known false friends.
        let skip = match entry.pattern {
            // Blows are dealt to someone: "slapped him", "was kicked", "punched a protester";
            // not "slapped fees on imports", "kicked off the campaign", "kicked the door".
            "slapped" | "punched" | "kicked" => {
                !(prev
                    .first()
                    .is_some_and(|w| is_be(w) || matches!(*w, "got" | "get"))
                    || matches!(next_word, "him" | "her" | "them" | "me" | "us")
                    || ctx.mentions_in(te, se).next().is_some_and(|m| {
                        ctx.is(m, EntityType::Person)
                            && words(sl(lower, te, ctx.mentions[m].span.start)).count() <= 1
                    })
                    || words(after).take(3).any(|w| BLOW_TARGETS.contains(&w)))
            }
            // "did not know where she was": only of someone held, named or a pronoun; not
            // "did not know where to go" or "where the meeting would be".
            "did not know where"
            | "do not know where"
            | "does not know where"
            | "don't know where"
            | "didn't know where"
            | "not told where" => {
                // "did not know where they were going to take him": where the captors would go.
                let intended = words(after)
                    .take(6)
                    .any(|w| matches!(w, "going" | "would" | "take" | "taking"));
                intended
                    || !matches!(next_word, "he" | "she" | "they")
                        && !ctx.mentions_in(te, se).next().is_some_and(|m| {
                            ctx.is(m, EntityType::Person)
                                && sl(lower, te, ctx.mentions[m].span.start).trim().is_empty()
                        })
            }
            // "was picked up by men in plainclothes", "police picked up the journalist": only by
            // those who hold people, not "the bus picked up passengers".
            "picked up" => {
                let passive = prev.first().is_some_and(|w| is_be(w));
                !(passive && by_captors(next_word, after) || captors_did(&prev))
            }
            // "no information about him since …": a person unaccounted for, not "no information
            // about the charges".
            "no information about" | "no information on" | "no news of" => {
                let person_next = ctx.mentions_in(te, se).next().is_some_and(|m| {
                    let start = ctx.mentions[m].span.start;
                    ctx.is(m, EntityType::Person)
                        && sl(lower, te, start).trim().is_empty()
                        && !sl(lower, ctx.mentions[m].span.end, se).starts_with(['\'', '’'])
                });
                !(matches!(next_word, "him" | "her" | "them") || person_next)
                    || !has_any_word(after, list!["since", "whereabouts", "fate"])
            }
            // "received seven years", "was given five years in a penal colony": only with a
            // term right after (not "received a letter", "was given access").
            p if TERM_RECEIVED.contains(&p) => {
                let at = term_start(lower, te, se);
                numbers::parse_length(lower, at, se.min(at + 40)).is_none()
            }
            // "held in a cell with convicted murderers": an adjective, not a verdict.
            "convicted" => matches!(
                next_word,
                "murderers"
                    | "murderer"
                    | "criminals"
                    | "criminal"
                    | "prisoners"
                    | "prisoner"
                    | "felons"
                    | "felon"
                    | "killers"
                    | "killer"
                    | "terrorists"
                    | "terrorist"
                    | "rapists"
                    | "inmates"
                    | "offenders"
                    | "offender"
            ),
            "tried" => {
                let second = words(after).nth(1).unwrap_or("");
                matches!(
                    next_word,
                    "to" | "and"
                        | "unsuccessfully"
                        | "but"
                        | "hard"
                        | "everything"
                        | "again"
                        | "desperately"
                        | "repeatedly"
                ) || (next_word == "in" && second == "vain")
                    || (matches!(next_word, "his" | "her" | "their" | "my" | "our")
                        && second == "best")
            }
            "arrest" | "arrests" => {
                // "charged with resisting arrest": an offence, not an arrest
                prev.first() == Some(&"resisting")
                    || matches!(next_word, "warrant" | "warrants")
                    || prev
                        .first()
                        .is_some_and(|w| matches!(*w, "cardiac" | "house"))
                        && next_word == "warrant"
                    || prev.first() == Some(&"cardiac")
            }
            // "upheld the nine-year prison sentence handed to X", "quashed his conviction": the
            // step of the appeal, which names the person; the conviction itself came earlier and
            // takes no date from this sentence.
            "conviction" | "convictions" | "prison sentence" | "prison term" | "jail term"
            | "guilty verdict" | "year sentence" | "month sentence"
                if last_words(before, 5).any(|w| {
                    matches!(
                        w,
                        "upheld" | "upholds" | "uphold" | "confirmed" | "overturned" | "quashed"
                    )
                }) =>
            {
                true
            }
            // A penalty at stake is no conviction: "faces a ten-year sentence" ("faces" links
            // its subject to a trial, not to a sentence).
            "year sentence" | "month sentence" | "prison sentence" | "prison term"
            | "jail term" => {
                last_words(before, 4).any(|w| matches!(w, "face" | "faces" | "faced" | "facing"))
            }
            "into a car" => next_word == "park",
            // Someone taken where no one knows: a person, not "took the food to an unknown
            // location". The trigger reaches back to the verb, so the object is inside it.
            "to an unknown location" | "to an undisclosed location" => {
                let trigger = sl(lower, ts, te);
                let passive = last_words(before, 1).any(is_be);
                !passive
                    && !words(trigger)
                        .any(|w| matches!(w, "him" | "her" | "them") || BLOW_TARGETS.contains(&w))
                    && !ctx
                        .mentions_in(ts, te)
                        .any(|m| ctx.is(m, EntityType::Person))
            }
            // "free" releases only someone: a name, a pronoun or the held ("free all jailed
            // journalists"), not "free and fair elections" or "free speech".
            "free" => {
                let named = ctx.mentions_in(te, se).next().is_some_and(|m| {
                    ctx.mentions[m].span.start <= te + 1 && ctx.is(m, EntityType::Person)
                });
                !named
                    && !matches!(
                        next_word,
                        "him"
                            | "her"
                            | "them"
                            | "all"
                            | "those"
                            | "jailed"
                            | "imprisoned"
                            | "detained"
                            | "political"
                    )
            }
            "detention" => matches!(
                next_word,
                "facility" | "facilities" | "centre" | "center" | "centres" | "centers"
            ),
            // "membership in a banned group", "a banned extremist organisation": a group's
            // standing, no ban on media.
            "banned" => {
                matches!(prev.first().copied(), Some("a" | "an" | "the"))
                    && words(after).take(3).any(|w| {
                        matches!(
                            w,
                            "group"
                                | "groups"
                                | "organisation"
                                | "organisations"
                                | "organization"
                                | "organizations"
                                | "party"
                                | "parties"
                                | "movement"
                                | "movements"
                                | "outfit"
                                | "association"
                        )
                    })
            }
            // "a government charged with the sole task of", "the body charged with overseeing":
            // a duty given, not an accusation; "which Gebru charged was an effort to", "critics
            // charged that": an allegation made, not a charge brought.
            "charged" => {
                let ws: Vec<&str> = words(after).take(4).collect();
                // The one who charges is named or a pronoun; "those charged are" lists the
                // accused.
                let accuser = last_words(sl(ctx.text, ss, ts), 1).next().is_some_and(|w| {
                    let lw = w.to_ascii_lowercase();
                    (w.starts_with(char::is_uppercase)
                        && !matches!(
                            lw.as_str(),
                            "those" | "these" | "all" | "many" | "others" | "people" | "the"
                        ))
                        || matches!(w, "he" | "she" | "they")
                });
                ws.first() == Some(&"that")
                    || (accuser
                        && matches!(
                            ws.first().copied(),
                            Some("was" | "is" | "were" | "are" | "had" | "has")
                        ))
                    || ws.first() == Some(&"with")
                        && ws[1..].iter().any(|w| {
                            matches!(
                                *w,
                                "task"
                                    | "tasks"
                                    | "responsibility"
                                    | "responsibilities"
                                    | "duty"
                                    | "duties"
                                    | "mandate"
                                    | "mission"
                                    | "overseeing"
                                    | "supervising"
                                    | "ensuring"
                                    | "implementing"
                                    | "investigating"
                                    | "monitoring"
                            )
                        })
            }
            "torture" | "ill-treatment" => {
                let against = |w: &str| {
                    matches!(
                        w,
                        "on" | "against"
                            | "prevention"
                            | "prevent"
                            | "prohibition"
                            | "anti"
                            | "combat"
                            | "combating"
                            | "eradicate"
                            | "end"
                            | "ending"
                            | "eradicating"
                            | "eliminate"
                            | "eliminating"
                            | "abolish"
                            | "abolishing"
                            // "all vestiges of torture", "all forms of ill-treatment"
                            | "vestiges"
                            | "forms"
                    )
                };
                prev.first().is_some_and(|w| against(w))
                    // "the national body for the prevention of torture"
                    || (prev.first() == Some(&"of") && prev.get(1).is_some_and(|w| against(w)))
                    || animals(after)
            }
            // "a hard-living, tortured genius": the adjective of a troubled mind.
            "tortured" => {
                matches!(
                    next_word,
                    "genius"
                        | "soul"
                        | "souls"
                        | "artist"
                        | "past"
                        | "relationship"
                        | "history"
                        | "romance"
                        | "mind"
                        | "existence"
                        | "childhood"
                        | "poet"
                        | "prose"
                ) || animals(after)
            }
            "beaten" => next_word == "back",
            // "beat her with truncheons", "beat Bolat Nurov": a blow only with its object
            // ("beat the odds", "beat a retreat" are not)
            "beat" => {
                !matches!(next_word, "him" | "her" | "them" | "up")
                    && ctx
                        .mentions_in(te, se)
                        .next()
                        .is_none_or(|m| sl(lower, te, ctx.mentions[m].span.start).trim() != "")
            }
            // "beating a hasty retreat", "beat a retreat": withdrawing, not a blow.
            "beating" => {
                let next: Vec<&str> = words(after).take(3).collect();
                next.first() == Some(&"a") && next.contains(&"retreat")
            }
            // "killing off orchards", "killed off the plan": ending something, not killing.
            "killed" if next_word == "off" => true,
            "ban" if lifted_ban(before, after) => true,
            "assassination" | "murder" | "killing" => {
                // "charged with killing", "convicted of murder": the offence of a case step,
                // unless it names whom it killed ("convicted for killing two young men, X and
                // Y"), which makes the killing a fact of the record of its own.
                matches!(next_word, "attempt" | "attempts" | "plot" | "plots" | "off")
                    || prev.first() == Some(&"attempted")
                    || (prev
                        .first()
                        .is_some_and(|w| matches!(*w, "with" | "for" | "of"))
                        && object_after(ctx, te, se, EntityType::Person, 60).is_empty())
            }
            "released" | "release" => {
                // "released information", "released a statement": publishing, not freeing.
                const PUBLISHED: &[&str] = &[
                    "information",
                    "footage",
                    "details",
                    "figures",
                    "data",
                    "statement",
                    "report",
                    "video",
                    "photos",
                    "images",
                    "names",
                    "results",
                    "list",
                    "statements",
                    "findings",
                    "recording",
                    "album",
                    "book",
                    "film",
                    "letter",
                    "document",
                    "documents",
                ];
                let mut it = words(after);
                let w1 = it.next().unwrap_or("");
                let w2 = it.next().unwrap_or("");
                PUBLISHED.contains(&w1)
                    || (matches!(
                        w1,
                        "a" | "an" | "the" | "its" | "their" | "his" | "her" | "new"
                    ) && PUBLISHED.contains(&w2))
                    || prev.first() == Some(&"press")
                    // "a letter released by the Justice Department"
                    || prev.first().is_some_and(|w| PUBLISHED.contains(w))
            }
            "strike" | "strikes" => prev
                .first()
                .is_some_and(|w| matches!(*w, "air" | "drone" | "missile" | "military" | "lucky")),
            // An appeal intended is not one lodged: "said it would appeal the verdict", "plans
            // to appeal".
            "appeal" | "appeals" => {
                matches!(next_word, "to" | "for")
                    || prev.first().is_some_and(|w| {
                        matches!(
                            *w,
                            "urgent" | "would" | "will" | "to" | "may" | "might" | "could"
                        )
                    })
            }
            "rally" => matches!(next_word, "behind" | "around" | "support"),
            "suspended" => matches!(next_word, "sentence" | "prison" | "jail"),
            // "…, the employees apprehended.": with no one apprehended and no passive it is
            // "feared", not "arrested".
            "apprehended" => {
                !prev.first().is_some_and(|w| is_be(w))
                    && after
                        .trim_start()
                        .starts_with(['.', ',', ';', '"', '\u{201d}'])
            }
            // "the suspension of the corporate access of X", "the suspension of aid": what is
            // suspended is no outlet, account or licence.
            "suspension" => {
                next_word == "of" && {
                    let phrase_end = after
                        .find([',', '.', ';'])
                        .map_or(se, |i| te + i)
                        .min(te + 60);
                    let phrase = sl(lower, te, phrase_end);
                    !has_any_word(phrase, lexicon::MEDIA_WORDS)
                        && !has_any_word(
                            phrase,
                            list![
                                "account",
                                "accounts",
                                "licence",
                                "license",
                                "licences",
                                "licenses",
                                "programme",
                                "program",
                                "show",
                                "accreditation",
                                "accreditations",
                                "broadcasting",
                            ],
                        )
                        && !ctx
                            .mentions_in(te, phrase_end)
                            .any(|m| ctx.is(m, EntityType::Organization))
                }
            }
            "murders" => prev
                .first()
                .is_some_and(|w| matches!(*w, "with" | "for" | "of")),
            "passed" => matches!(next_word, "away" | "by" | "through"),
            // A home or an office searched: "Police searched Volkov's flat and the homes of three
            // colleagues"; not "searched for survivors" or "searched the archives".
            "searched" => !words(after).take(6).any(|w| {
                matches!(
                    w,
                    "home"
                        | "homes"
                        | "flat"
                        | "flats"
                        | "apartment"
                        | "apartments"
                        | "house"
                        | "houses"
                        | "office"
                        | "offices"
                        | "premises"
                        | "newsroom"
                )
            }),
            // Into custody: "remanded X in judicial custody", "was remanded to prison".
            "remanded" => !words(after)
                .take(8)
                .any(|w| matches!(w, "custody" | "detention" | "prison" | "jail")),
            // Questioned at length or by those who hold people: "had been questioned for more
            // than 30 hours", "was questioned by the KGB"; not "questioned the decision".
            "questioned" => {
                let passive = prev.first().is_some_and(|w| is_be(w));
                let at_length = words(after).take(8).any(|w| matches!(w, "hours" | "days"));
                // ("Police questioned him for six hours".)
                !(at_length && (passive || captors_did(&prev))
                    || passive && by_captors(next_word, after))
            }
            // Care withheld from someone ("had been denied adequate medical care", "denied
            // medical treatment to detainees"), not "denied medical treatment costs".
            p if p.starts_with("denied") && p.contains("medical") => {
                !(prev.first().is_some_and(|w| is_be(w))
                    || has_any_word(
                        s_lower,
                        list![
                            "detention",
                            "prison",
                            "custody",
                            "jail",
                            "cell",
                            "colony",
                            "detained",
                            "imprisoned",
                            "prisoner",
                            "prisoners",
                            "detainee",
                            "detainees",
                        ],
                    ))
            }
            // "The body of X was found … with gunshot wounds": a violent death found; not "the
            // body of the text", nor a body found after a drowning.
            "body of" | "bodies of" => {
                !(has_any_word(
                    s_lower,
                    list!["found", "discovered", "recovered", "dumped", "exhumed"],
                ) && has_any_word(
                    s_lower,
                    list![
                        "gunshot",
                        "bullet",
                        "shot",
                        "stab",
                        "stabbed",
                        "strangled",
                        "tortured",
                        "torture",
                        "mutilated",
                        "beaten",
                        "bound",
                    ],
                ))
            }
            // "executed a plan" is none; "executed four men", "executed Kyaw Min Yu" and
            // "executed him" put someone to death.
            "executed" => {
                let someone = matches!(next_word, "him" | "her" | "them")
                    || words(after).take(3).any(|w| BLOW_TARGETS.contains(&w))
                    || ctx.mentions_in(te, se).next().is_some_and(|m| {
                        ctx.is(m, EntityType::Person)
                            && words(sl(lower, te, ctx.mentions[m].span.start)).count() <= 1
                    })
                    // "X and Y were executed on 7 January", "he was executed".
                    || prev.first().is_some_and(|w| is_be(w))
                        && (prev.iter().any(|w| matches!(*w, "he" | "she" | "they"))
                            || ctx.mentions_in(ss, ts).next_back().is_some_and(|m| {
                                ctx.is(m, EntityType::Person)
                                    && words(sl(lower, ctx.mentions[m].span.end, ts)).count()
                                        <= 2
                            }));
                !someone
                    && !has_any_word(
                        s_lower,
                        list![
                            "execution",
                            "executions",
                            "shot",
                            "hanged",
                            "killed",
                            "death",
                            "firing",
                            "people",
                            "prisoners",
                        ],
                    )
            }
            // "we protest against", "summoned the ambassador to protest against": an objection
            // voiced, not an assembly; but people who gathered or marched "to protest against"
            // a law held a protest.
            "protest" | "protests" => {
                matches!(next_word, "against" | "that")
                    && prev
                        .first()
                        .is_some_and(|w| matches!(*w, "to" | "they" | "we" | "i"))
                    && !(prev.first() == Some(&"to")
                        && has_any_word(
                            sl(lower, ss.max(ts.saturating_sub(80)), ts),
                            list![
                                "gathered",
                                "assembled",
                                "marched",
                                "rallied",
                                "streets",
                                "went out",
                                "came out",
                                "turned out",
                                "poured",
                                "took part",
                            ],
                        ))
            }
            "attacked" | "assaulted" => !has_any_word(
                s_lower,
                list![
                    "beaten",
                    "injured",
                    "hospital",
                    "wounded",
                    "knife",
                    "stabbed",
                    "physically",
                    "attackers",
                    "unknown",
                    "men",
                    "assailants",
                ],
            ),
            _ => false,
        };
        if skip {
            continue;
        }
        let mut ty = if died_held {
            EventType::DeathInCustody
        } else {
            entry.ty
        };
        // A beating is ill-treatment where its victim is held ("beaten in custody", "beaten
        // during interrogation"); elsewhere it is an assault (an injury), which is how the
        // HRDsAttack annotators read it too.
        if matches!(
            entry.pattern,
            "beaten" | "beating" | "beatings" | "beat" | "slapped" | "punched" | "kicked"
        ) && !has_any_word(s_lower, CUSTODY_WORDS)
        {
            ty = EventType::Injury;
        }
        let mut modality = Modality::Asserted;
        let call = if ty == EventType::Investigation && opened_in_past(sl(lower, ss, ts)) {
            None
        } else {
            under_call(ctx, ss, ts)
        };
        let call = call.or_else(|| {
            (entry.kind == Kind::Base || ty == EventType::Investigation)
                .then(|| coordinated_call(ctx, ss, ts, entry.kind == Kind::Base))
                .flatten()
        });
        if let Some(cue) = call {
            let between = sl(lower, cue, ts);
            match ty {
                EventType::Release => {
                    ty = EventType::CallForRelease;
                    modality = Modality::Demanded;
                }
                EventType::Investigation => {
                    // A court or prosecutor "calling for" an investigation orders one.
                    let from = clause_start(ctx, ss, cue);
                    let judicial = ctx.mentions_in(from, cue).any(|m| {
                        ctx.is(m, EntityType::Organization) && {
                            let n = ctx.mentions[m].text.to_ascii_lowercase();
                            ["court", "judge", "prosecut", "procura", "attorney"]
                                .iter()
                                .any(|w| n.contains(w))
                        }
                    });
                    if !judicial {
                        ty = EventType::CallForInvestigation;
                        modality = Modality::Demanded;
                    }
                }
                t if is_violation(t)
                    && has_any_word(
                        between,
                        list![
                            "investigate",
                            "investigation",
                            "allegations",
                            "into",
                            "accountable",
                            "responsible",
                            "perpetrators",
                            "justice",
                        ],
                    ) =>
                {
                    modality = Modality::Alleged;
                }
                _ => continue,
            }
        } else {
            match entry.kind {
                // "an attempt to close down 40 outlets", "a complaint seeking to close down":
                // a restriction under way.
                Kind::Base
                    if ty == EventType::MediaRestriction
                        && has_any_word(
                            sl(lower, ts.saturating_sub(50).max(ss), ts),
                            list![
                                "attempt",
                                "seeking",
                                "sought",
                                "seeks",
                                "bid",
                                "moved",
                                "complaint",
                                "move",
                            ],
                        ) => {}
                // "before his release in February 2024", "since her release from prison", "after
                // the release of X": a release that happened, told as a point in time.
                Kind::Base
                    if entry.pattern == "release"
                        && release_in_time(sl(lower, ts.saturating_sub(60).max(ss), ts)) => {}
                Kind::Base => continue,
                _ if entry.flags & WEAK != 0 => {
                    // "an investigation was opened", "launched a criminal investigation"; not "the
                    // investigation into his case" told in passing.
                    let near = sl(lower, ts.saturating_sub(40).max(ss), ts);
                    if !has_any_word(
                        near,
                        list![
                            "a",
                            "an",
                            "opened",
                            "launched",
                            "initiated",
                            "began",
                            "started",
                            "ordered",
                            "criminal",
                            "official",
                            "new",
                        ],
                    ) {
                        continue;
                    }
                }
                _ => {}
            }
        }
        // Hypothetical or generic: "at risk of torture", "liable to arrest", "any street protest".
        let near_from = ss.max(ts.saturating_sub(60));
        let near_from = (near_from..ts)
            .find(|&i| lower.is_char_boundary(i))
            .unwrap_or(ts);
        let near = sl(lower, near_from, ts);
        let near = near.rsplit([';', '.']).next().unwrap_or(near);
        // An "unless" condition reaches to the trigger until a comma closes it: "release X,
        // unless he is charged with a recognisable offence on credible evidence and tried".
        // ("if" often means "whether": "unclear if the protests that broke out after X was
        // arrested …"; it only counts near the trigger, with the other hypotheticals.)
        let in_condition = rfind_any_word(before, list!["unless"])
            .is_some_and(|(p, _)| !before[p..].contains([',', ';', ':']));
        // A modal in the verb group: "could now be closed", "may yet be tried" are not events;
        // "may have been tortured" is an allegation (below). Read in the original case: "in
        // May" is a month.
        let group: Vec<&str> = last_words(sl(ctx.text, ss, ts), 4).collect();
        let modal_at = group
            .iter()
            .position(|w| matches!(*w, "could" | "may" | "might"));
        let possibly_past = modal_at.is_some_and(|i| group[..i].contains(&"have"));
        let modal = entry.kind == Kind::Verb && modal_at.is_some() && !possibly_past;
        if call.is_none()
            && (has_any_word(near, HYPOTHETICAL)
                || in_condition
                || modal
                || last_words(before, 2).any(|w| w == "any"))
        {
            continue;
        }
        // A reputation, not a report: "a unit notorious for kidnapping, extortion and torture".
        if call.is_none() && reputation_list(sl(lower, ss, ts)) {
            continue;
        }
        // A count of an indictment names a charge, not an event: "two counts of kidnapping",
        // "one count of first-degree torture".
        if call.is_none()
            && last_words(before, 6)
                .find(|w| !CRIME_MODIFIERS.contains(w) || matches!(*w, "count" | "counts"))
                .is_some_and(|w| matches!(w, "count" | "counts"))
        {
            continue;
        }
        // Negation within the verb group: "was not charged", "no charges were brought".
        let negated = prev
            .iter()
            .take(2)
            .any(|w| matches!(*w, "not" | "never" | "no" | "without"))
            || before.trim_end().ends_with("n't")
            // "X was not among those charged"
            || before.trim_end().ends_with("not among those")
            // "nobody had been injured", "no one was arrested", "none of whom were prosecuted"
            || last_words(before, 4).any(|w| matches!(w, "nobody" | "none"))
            || last_words(before, 4)
                .zip(last_words(before, 4).skip(1))
                .any(|pair| pair == ("one", "no"))
            // "have not opened an investigation", "did not bring any charges"
            || (entry.kind == Kind::Noun
                && matches!(
                    prev.as_slice(),
                    ["a" | "an" | "any", _, "not" | "never"]
                ))
            || (entry.kind == Kind::Noun && after.trim_start().starts_with("were not"))
            // "had no record of her arrest", "found no evidence of torture"
            || (entry.kind == Kind::Noun && no_trace_of(before));
        let cs = clause_start(ctx, ss, ts);
        let clause = sl(lower, cs, ts);
        if modality == Modality::Asserted {
            let reach = sl(lower, cs.min(ts.saturating_sub(80)).max(ss), ts);
            if has_any_word(reach, DENIED) {
                modality = Modality::Denied;
            } else if possibly_past
                || alleged_in(reach)
                || has_any_word(
                    sl(lower, te, se.min(te + 12)),
                    list!["allegedly", "reportedly"],
                )
                || rfind_word(before, "claimed").is_some()
                // Torture told as someone's account ("At the trial she said that officers had
                // put a bag over her head") is their allegation until a court finds it.
                || ty == EventType::Torture
                    && has_any_word(
                        sl(lower, ss, ts),
                        list!["said", "says", "told", "testified", "stated", "complained"],
                    )
            {
                modality = Modality::Alleged;
            }
        }
        if modality == Modality::Asserted && !negated && scheduled(before, after, entry.kind) {
            modality = Modality::Scheduled;
        }

        let mut c = Cand {
            ty,
            kind: entry.kind,
            trigger: span,
            sentence: si,
            victims: Vec::new(),
            others: Vec::new(),
            date: None,
            date_timex: None,
            own_date: false,
            location: None,
            legal: Vec::new(),
            charges: Vec::new(),
            term: None,
            count: None,
            modality,
            negated,
            anaphoric: false,
            participant_role: ty == EventType::Protest,
            restated: Vec::new(),
        };
        // An alleged violation named in a call ("calls on X to investigate torture") has no
        // subject of its own: the call's addressee did not suffer it.
        let (cs, clause) = if call.is_some() && !is_call(c.ty) {
            (ts, "")
        } else {
            (cs, clause)
        };
        participants(ctx, si, sent, entry, cs, clause, &mut c, call);
        if c.victims.is_empty() && entry.flags & NEEDS_VICTIM != 0 {
            continue;
        }
        if c.victims.is_empty() && !is_call(c.ty) && generic() {
            continue;
        }
        if title
            && c.victims.is_empty()
            && !is_call(c.ty)
            && c.ty != EventType::Protest
            && !is_violation(c.ty)
        {
            continue;
        }
        // Arresting, charging or convicting a suspect is a step of the investigation into a
        // violation, not a violation: "police arrested two suspects in connection with the
        // murder of", "was convicted of aggravated kidnapping".
        if matches!(
            c.ty,
            EventType::Arrest
                | EventType::Detention
                | EventType::Charge
                | EventType::Trial
                | EventType::Conviction
        ) && accuses_of_violence(ctx, sent, c.trigger)
        {
            c.ty = EventType::Investigation;
            let named: Vec<usize> = std::mem::take(&mut c.victims);
            for v in named {
                c.others.push((v, Role::Perpetrator));
            }
        }
        // "the closure of a media outlet" names a kind, not the closure told before.
        let indefinite_of = {
            let mut next = words(after);
            next.next() == Some("of") && matches!(next.next(), Some("a" | "an" | "any"))
        };
        c.anaphoric = entry.kind == Kind::Noun
            && c.victims.is_empty()
            && !indefinite_of
            && prev.first().is_some_and(|w| {
                matches!(*w, "the" | "this" | "that" | "these" | "those" | "such")
            });
        details(ctx, sent, &mut c);
        out.push(c);
    }
    // Steps of one case share its person across the sentence: "was found guilty … a decision
    // confirmed on appeal"; "criminal proceedings … in connection with a picket which X held".
    for i in 0..out.len() {
        if !out[i].victims.is_empty() || !is_case_step(out[i].ty) {
            continue;
        }
        // The act a step is for ("convicted five officers for killing X and Y") did not happen
        // to the step's person: its victims are not the defendants.
        let offence = |j: usize| names_offence(lower, &out[i], &out[j]);
        // Who an act did not happen to ("X was not among those charged") lends no one to the
        // acts that did; "detained … without trial" still lends its person to the trial.
        let lent_by_a_negation = |j: usize| out[j].negated && !out[i].negated;
        let donor = (0..i)
            .rev()
            .find(|&j| {
                !out[j].victims.is_empty() && !is_call(out[j].ty) && out[j].ty != EventType::Protest
            })
            .or_else(|| {
                (i + 1..out.len()).find(|&j| !out[j].victims.is_empty() && !is_call(out[j].ty))
            })
            .filter(|&j| !offence(j) && !lent_by_a_negation(j));
        if let Some(j) = donor {
            out[i].victims = out[j].victims.clone();
        }
    }
    out
}

/// Words naming the ones accused of a violent crime.
const SUSPECT_WORDS: &Words = &Words::new(&[
    "suspect",
    "suspects",
    "suspected",
    "kidnappers",
    "killers",
    "killer",
    "gunmen",
    "gunman",
    "assailants",
    "assailant",
    "attackers",
    "attacker",
    "perpetrators",
    "perpetrator",
    "murderer",
    "murderers",
    "culprits",
    "robbers",
    "abductors",
    "kingpin",
    "hijacking",
    // People named by an ordinary crime ("2,175 drug traffickers had been arrested", "a fugitive
    // wanted for"): the crime describes the person, unlike a charge ("arrested on drug charges"),
    // which is often how defenders are silenced.
    "traffickers",
    "trafficker",
    "smugglers",
    "smuggler",
    "thieves",
    "thief",
    "fraudsters",
    "fraudster",
    "bandits",
    "fugitive",
    "fugitives",
    "burglars",
    "poachers",
    // "convicted sex offender X", "14 felons convicted of murder".
    "offender",
    "offenders",
    "felon",
    "felons",
]);

/// Crimes of violence an arrest or conviction may be for.
const VIOLENT_CRIMES: &[&str] = &[
    "murder",
    "murders",
    "murdering",
    "killing",
    "killings",
    "death",
    "kidnapping",
    "kidnap",
    "abduction",
    "assassination",
    "rape",
    "robbery",
    "manslaughter",
    "homicide",
    "lynching",
    "hijacking",
    "attack",
    "assault",
    "shooting",
    "stabbing",
    "larceny",
    "burglary",
    "carjacking",
    "arson",
    // "indicted for hostage-taking"
    "hostage",
];

/// Deeds told as a gerund that name a violent crime however the accused is described ("convicted
/// of murdering a gas station worker", "arrested for raping"); not "killing" or "assaulting",
/// which political prisoners are often accused of ("for killing a police officer", "assaulting
/// officers" at a protest), nor "shooting" (a video).
const CRIME_GERUNDS: &[&str] = &["murdering", "raping", "stabbing", "abducting", "robbing"];

/// Words that may stand between the preposition and the crime: "first-degree kidnapping",
/// "two counts of armed robbery", "sexual assault".
const CRIME_MODIFIERS: &[&str] = &[
    // "detained for alleged kidnap and murder", "arrested for allegedly kidnapping a herdsman":
    // the suspicion is still of a violent crime.
    "alleged",
    "allegedly",
    "aggravated",
    "first",
    "second",
    "third",
    "degree",
    "attempted",
    "armed",
    "sexual",
    "capital",
    "two",
    "three",
    "four",
    "several",
    "multiple",
    "count",
    "counts",
    "of",
    "a",
    "an",
    "the",
    "various",
];

/// Offences of speech and association that states charge critics with: being "suspected" of
/// them makes an arrest no investigation of a violent crime.
const DISSENT_OFFENCES: &[&str] = &[
    "collusion",
    "subversion",
    "subversive",
    "sedition",
    "seditious",
    "espionage",
    "spying",
    "treason",
    "separatism",
    "extremism",
    "links",
    "ties",
    "membership",
];

/// The verb of force that puts a victim into a vehicle at `at` ("unidentified men forced
/// camerawoman X into a car", "bundled him into a van"), with a short object between and no
/// clause opening in it.
fn forcing_verb(lower: &str, ss: usize, at: usize) -> Option<Span> {
    let before = sl(lower, ss, at);
    let (pos, verb) = rfind_any_word(
        before,
        list![
            "forced", "bundled", "pushed", "dragged", "shoved", "threw", "thrown", "took", "taken",
            "driven",
        ],
    )?;
    let between = &before[pos + verb.len()..];
    let object = words(between).count();
    // In the passive the one forced is the subject: "was taken to an unknown location".
    let passive = last_words(&before[..pos], 1).any(is_be);
    ((object > 0 || passive)
        && object <= 6
        && !between.contains([',', ';', ':', '(', '"', '\u{201c}'])
        && !has_any_word(
            between,
            list!["that", "who", "which", "was", "were", "to", "and", "back", "out"],
        ))
    .then(|| Span::new(ss + pos, ss + pos + verb.len()))
}

/// Triggers whose subject receives a prison term named right after them: "X received seven
/// years", "was given a five-year term".
const TERM_RECEIVED: &[&str] = &["received", "was given", "were given"];

/// Where the length of a term begins after a trigger ending at `te`: past an article ("was
/// given a five-year term"), else right there ("received seven years").
fn term_start(lower: &str, te: usize, limit: usize) -> usize {
    let after = sl(lower, te, limit);
    let rest = after.trim_start();
    let article = ["a ", "an "]
        .iter()
        .find(|a| rest.starts_with(**a))
        .map_or(0, |a| a.len());
    te + after.len() - rest.len() + article
}

/// True for a trigger that starts with the unit of a term, so that its number stands before it
/// joined by a hyphen: "a five-year sentence", "an 18-month sentence".
fn names_term_unit(trigger: &str) -> bool {
    trigger.starts_with("year ") || trigger.starts_with("month ")
}

/// Finds, in the sentence starting at the second argument, the verb that governs a complement at
/// the third (the lower-cased text first): [`finding_verb`], [`forcing_verb`], [`stripping_verb`],
/// [`designating_verb`].
type VerbBefore = fn(&str, usize, usize) -> Option<Span>;

/// The verb of stripping that governs "of its registration" at `at` ("stripped the Belarusian
/// Association of Journalists of its registration", "deprived Y of his accreditation"): the
/// object between is short and no clause opens in it.
fn stripping_verb(lower: &str, ss: usize, at: usize) -> Option<Span> {
    verb_with_object_before(
        lower,
        ss,
        at,
        list!["stripped", "strips", "deprived", "deprives"],
        8,
    )
}

/// The last of `verbs` before `at` in the sentence starting at `ss`, when one to `max_object`
/// words stand between it and `at` and no clause opens there (no comma, semicolon, colon or
/// bracket).
fn verb_with_object_before(
    lower: &str,
    ss: usize,
    at: usize,
    verbs: &Words,
    max_object: usize,
) -> Option<Span> {
    let before = sl(lower, ss, at);
    let (pos, verb) = rfind_any_word(before, verbs)?;
    let between = &before[pos + verb.len()..];
    let object = words(between).count();
    (object > 0 && object <= max_object && !between.contains([',', ';', ':', '(']))
        .then(|| Span::new(ss + pos, ss + pos + verb.len()))
}

/// The verb that imposes a status named at `at` on the one named between ("designated Volkov a
/// \"foreign agent\""; "added the journalist to the list of foreign agents" is not read), or on
/// its subject in the passive ("was declared a foreign agent").
fn designating_verb(lower: &str, ss: usize, at: usize) -> Option<Span> {
    // (In the passive only the article stands between: "was declared a foreign agent".)
    verb_with_object_before(
        lower,
        ss,
        at,
        list![
            "designated",
            "designates",
            "declared",
            "declares",
            "labelled",
            "labeled",
            "branded",
            "listed",
        ],
        6,
    )
}

/// The verb of finding that governs a verdict's complement at `at` ("the court found Otabek
/// Sattoriy guilty", "declared all five defendants not guilty"): the object between is short
/// and no clause opens in it. Not a plea ("pleaded guilty") or a feeling ("felt guilty"), nor the
/// finding of a disciplinary body ("the panel had found X guilty of misconduct"), which convicts
/// no one.
fn finding_verb(lower: &str, ss: usize, at: usize) -> Option<Span> {
    let before = sl(lower, ss, at);
    let (pos, verb) = rfind_any_word(
        before,
        list!["found", "finds", "declared", "declares", "pronounced"],
    )?;
    let finder = last_words(&before[..pos], 4);
    if finder
        .take_while(|w| !matches!(*w, "and" | "but" | "that" | "who" | "which"))
        .any(|w| {
            matches!(
                w,
                "panel" | "committee" | "board" | "commission" | "council" | "inquiry" | "review"
            )
        })
    {
        return None;
    }
    let between = &before[pos + verb.len()..];
    let object = words(between).count();
    if object == 0
        || object > 8
        || between.contains([',', ';', ':', '(', '"', '\u{201c}'])
        || has_any_word(
            between,
            list!["that", "who", "which", "was", "were", "be", "been", "to", "had", "has"],
        )
    {
        return None;
    }
    Some(Span {
        start: ss + pos,
        end: ss + pos + verb.len(),
    })
}

/// True when every "suspect…" word of `near` is "suspected (of) <an offence of dissent>"
/// ("detained over suspected collusion with foreign forces"): the one arrested is a critic, not
/// a suspect of violence.
fn suspicion_of_dissent(near: &str) -> bool {
    let ws: Vec<&str> = words(near).collect();
    let mut any = false;
    for (i, w) in ws.iter().enumerate() {
        if !SUSPECT_WORDS.list.contains(w) {
            continue;
        }
        let next = ws.get(i + 1).copied().unwrap_or("");
        let next = if next == "of" {
            ws.get(i + 2).copied().unwrap_or("")
        } else {
            next
        };
        if *w != "suspected" || !DISSENT_OFFENCES.contains(&next) {
            return false;
        }
        any = true;
    }
    any
}

/// True when the trigger arrests, charges or convicts someone for a violent crime.
fn accuses_of_violence(ctx: &Ctx, sent: Span, trigger: Span) -> bool {
    let lower = ctx.lower.as_str();
    let near = sl(
        lower,
        sent.start.max(trigger.start.saturating_sub(100)),
        sent.end.min(trigger.end + 100),
    );
    if has_any_word(near, SUSPECT_WORDS) && !suspicion_of_dissent(near) {
        return true;
    }
    let after = sl(lower, trigger.end, sent.end.min(trigger.end + 120));
    // A named crime, not a deed told as a gerund: "convicted of murder", "arrested for the
    // murder of", "in connection with the killing of"; not "convicted … for killing a police
    // officer", which is what political prisoners are often charged with.
    for lead in [
        "in connection with the",
        "in connection with",
        // "found guilty in the kidnapping of", "charged in the killing of": right after the
        // trigger only ("arrested on suspicion he had participated in the murder" is not)
        "in the",
        "over the",
        "for the",
        "for",
        "of",
        "with",
        "on suspicion of",
        // "indicted on first-degree murder charges"
        "on",
        "for his role in the",
        "for her role in the",
        "for their role in the",
        "for their roles in the",
        "for involvement in the",
        // a part in it: "for taking part in various murders", "for aiding in a murder"
        "for taking part in",
        "for participating in",
        "for participation in",
        "for aiding in",
        "for complicity in",
    ] {
        let mut from = 0;
        while let Some(p) = find_word(&after[from..], lead) {
            // Right after the trigger, what the trial or arrest is for; further on, torture may
            // be how it was done ("convicted in a trial marred by allegations of torture").
            let right_after = after[..from + p].trim().is_empty();
            if lead == "in the" && !right_after {
                break;
            }
            let rest = &after[from + p + lead.len()..];
            let mut ws = words(rest);
            let w1 = ws.next().unwrap_or("");
            // The crime after its modifiers ("first-degree", "two counts of armed").
            // (and its year: "for his role in the 1972 murder of")
            let modifier = |w: &str| {
                CRIME_MODIFIERS.contains(&w)
                    || w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
            };
            let w2 = words(rest).take(5).find(|w| !modifier(w)).unwrap_or("");
            let definite = lead.ends_with("the")
                || lead.starts_with("in connection")
                || lead.starts_with("on suspicion");
            let crime = |w: &str| {
                (VIOLENT_CRIMES.contains(&w)
                    && (definite || !w.ends_with("ing") || w == "kidnapping"))
                    || (!definite && CRIME_GERUNDS.contains(&w))
                    || (w == "torture" && right_after && matches!(lead, "for" | "with"))
            };
            if crime(w1) || (modifier(w1) && w1 != "of" && crime(w2)) {
                return true;
            }
            // A deed done to death is a violent crime whoever stands trial for it: "convicted of
            // assaulting a child to death", "of shooting a person to death".
            if !definite && w1.ends_with("ing") && {
                let deed: Vec<&str> = words(rest).take(6).collect();
                deed.windows(2).any(|p| p == ["to", "death"])
            } {
                return true;
            }
            from += p + lead.len();
        }
    }
    false
}

/// True when a past-tense trigger is followed by its object ("prosecuted war crimes", "arrested
/// him"), so that its subject is the doer; a participle is followed by a preposition, "to" or
/// punctuation ("sentenced to four years", "arrested in May", "arrested.").
fn active_with_object(after: &str, ty: EventType) -> bool {
    // These happen to their subject whatever follows.
    if matches!(
        ty,
        EventType::Disappearance | EventType::DeathInCustody | EventType::Release
    ) {
        return false;
    }
    let t = after.trim_start();
    if t.is_empty() || !t.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return false;
    }
    let next = words(t).next().unwrap_or("");
    !matches!(
        next,
        "to" | "in"
            | "on"
            | "at"
            | "for"
            | "by"
            | "after"
            | "during"
            | "since"
            | "with"
            | "over"
            | "from"
            | "under"
            | "without"
            | "last"
            | "yesterday"
            | "earlier"
            | "and"
            | "or"
            | "but"
            | "as"
            | "while"
            | "when"
            | "before"
            | "near"
            | "outside"
            | "inside"
            | "into"
            | "again"
            | "twice"
            | "alongside"
            | "along"
            | "together"
            | "because"
            | "amid"
            | "following"
            | "until"
            | "till"
            | "allegedly"
            | "reportedly"
            | "today"
            | "this"
            | "these"
            | "late"
            | "early"
            | "days"
            | "weeks"
            | "months"
            | "hours"
            | "shortly"
            | "briefly"
            | "overnight"
            | "later"
            | "then"
            | "again,"
            | "without,"
            | "is"
            | "was"
            | "were"
            | "are"
            | "has"
            | "had"
            | "have"
            | "who"
            | "which"
            | "that"
            | "of"
            | "upon"
            | "between"
            | "where"
            | "across"
            | "against"
            | "under,"
            | "around"
            | "last,"
            | "once"
            | "recently"
            | "immediately"
            | "illegally"
            | "arbitrarily"
            | "unlawfully"
            | "unjustly"
    ) && !next.ends_with("ly")
        && !next.starts_with(|c: char| c.is_ascii_digit())
}

/// True when the name starting at `at` is the object of a preposition or of a verb of
/// addressing, directly ("a lawyer for Bakhvalova", "regards Madel Ismailov as") or through an
/// apposition ("a letter to the president of Kazakhstan, Nursultan Nazarbayev, requesting"): it
/// is not the subject of the clause. `ss` is the sentence's start.
fn object_of_phrase(lower: &str, ss: usize, at: usize) -> bool {
    const GOVERNORS: &[&str] = &[
        "to", "on", "for", "of", "with", "against", "at", "from", "about", "as", "regards",
        "urged", "urging", "urges", "asked", "asking", "asks", "told", "telling", "tells", "wrote",
        "sent", "pressed", "called",
        // the subject of a condition, not of the call: "If Nazarbayev wants to change this, it's
        // time for him to release Mr. Kozlov"
        "if", "unless",
    ];
    let before = sl(lower, ss, at).trim_end();
    // Titles before a name belong to it: "to President Nazarbayev", "on UN chief Guterres".
    let governor = last_words(before, 4).find(|w| {
        !matches!(
            *w,
            "president"
                | "minister"
                | "prime"
                | "the"
                | "chief"
                | "secretary"
                | "general"
                | "mr"
                | "ms"
                | "mrs"
                | "dr"
                | "king"
                | "governor"
                | "judge"
                | "un"
                | "you"
        )
    });
    if !before.ends_with(',') && governor.is_some_and(|w| GOVERNORS.contains(&w)) {
        return true;
    }
    // An apposition: ", NAME" after a noun phrase governed by "to the …" with no verb after it,
    // back to the previous comma ("submitted a letter to the president of the Republic of
    // Kazakhstan, Nursultan Nazarbayev,"). Only "to the": "On Monday, Amnesty International
    // called", "a lawyer for the family, X, asked" have their subject there.
    if let Some(np) = before.strip_suffix(',') {
        let seg = np.rfind(',').map_or(np, |i| &np[i + 1..]);
        let mut after_to: Vec<&str> = words(seg).rev().take_while(|w| *w != "to").collect();
        let governed = after_to.len() < words(seg).count();
        after_to.reverse();
        return governed
            && after_to.first() == Some(&"the")
            && !after_to.iter().any(|w| {
                w.ends_with("ed")
                    || matches!(*w, "is" | "was" | "are" | "were" | "has" | "have" | "had")
            });
    }
    false
}

/// Finds the people of a candidate.
#[allow(clippy::too_many_arguments)]
fn participants(
    ctx: &Ctx,
    si: usize,
    sent: Span,
    entry: &Entry,
    cs: usize,
    clause: &str,
    c: &mut Cand,
    call: Option<usize>,
) {
    let lower = ctx.lower.as_str();
    let (ts, te) = (c.trigger.start, c.trigger.end);
    let (ss, se) = (sent.start, sent.end);
    let kind = entry.kind;
    let want = if c.ty == EventType::MediaRestriction {
        EntityType::Organization
    } else {
        EntityType::Person
    };
    if is_call(c.ty) {
        // Who is to be freed: after the trigger ("release X", "the release of X"), or a
        // possessive ("his immediate release"), or the subject of "X must be released".
        let mut v = object_after(ctx, te, se, want, 70);
        if v.is_empty() {
            let after = sl(lower, te, se).trim_start();
            if after.starts_with("of ") {
                let from = te + (sl(lower, te, se).len() - after.len()) + 3;
                v = object_after(ctx, from, se, want, 50);
            }
        }
        if v.is_empty() && c.ty == EventType::CallForInvestigation {
            // "an investigation into X's death": the one whose death or detention it is.
            v = possessor_of_harm_after(ctx, te, se, want);
        }
        if v.is_empty() {
            let before = sl(lower, ts.saturating_sub(60).max(ss), ts);
            if let Some(g) = possessive(before, 4) {
                if let Some(m) = resolve_pronoun(ctx, si, ts, g) {
                    v = vec![m];
                }
            }
        }
        if v.is_empty() {
            // "release her immediately": the pronoun's person.
            if let Some(p @ ("him" | "her" | "them")) = words(sl(lower, te, se)).next() {
                v = pronoun_persons(ctx, si, ss, te, p);
            }
        }
        if v.is_empty() && c.ty == EventType::CallForRelease && kind == Kind::Verb {
            v = subject(ctx, cs, ts, want, sent);
            // "He must be released immediately": the pronoun's person.
            if v.is_empty() {
                if let Some((p, w)) = rfind_any_word(sl(lower, cs, ts), list!["he", "she", "they"])
                {
                    v = pronoun_persons(ctx, si, ss, cs + p, w);
                }
            }
        }
        c.victims = v;
        // The caller: the subject of the call.
        if let Some(cue) = call {
            let from = clause_start(ctx, ss, cue);
            // The one asked or spoken of is not the one asking: "a letter to the president,
            // Nursultan Nazarbayev, requesting that he release", "a lawyer for Bakhvalova asked".
            // Nor is the one told what they "should" or "must" do ("Mr Cameron should add his
            // voice to calls for an investigation", "The authorities must release").
            let told_to = |m: usize| {
                let end = ctx.mentions[m].span.end;
                has_any_word(
                    sl(lower, end, cue.max(end)),
                    list!["should", "must", "ought"],
                )
            };
            // ... but one told to join the call is asked to call, not to act on it: neither
            // its claimant nor its authority ("Mr Cameron should add his voice to calls").
            let joins_call = |m: usize| {
                let end = ctx.mentions[m].span.end;
                has_any_word(
                    sl(lower, end, cue.max(end)),
                    list!["voice", "join", "support", "endorse", "echo"],
                )
            };
            let cue_is_modal = matches!(
                sl(lower, cue, ts).split(' ').next(),
                Some("should" | "must")
            );
            let told = |m: usize| {
                object_of_phrase(lower, ss, ctx.mentions[m].span.start)
                    || told_to(m)
                    || cue_is_modal
            };
            // The one to be freed is not the one asking ("The organization considers Aigerim
            // Sultanova a prisoner of conscience and calls for her release").
            let victims = &c.victims;
            let here = ctx
                .mentions_in(from, cue)
                .filter(|&m| !told(m) && !victims.contains(&m));
            let pick = here
                .clone()
                .find(|&m| {
                    ctx.is(m, EntityType::Organization) && role_of(ctx, m) != Role::Authority
                })
                .or_else(|| here.clone().find(|&m| ctx.is(m, EntityType::Person)));
            if let Some(m) = pick {
                c.others.push((m, Role::Claimant));
            } else if let Some(m) = ctx
                .mentions_in(ss, cue)
                .find(|&m| ctx.is(m, EntityType::Organization) && !told(m) && !victims.contains(&m))
            {
                c.others.push((m, Role::Claimant));
            }
            // The one asked to act is the authority of the call: "calls on President Tokayev to
            // release", "a letter to the president, Nursultan Nazarbayev, requesting that he
            // release".
            // Only the object of the asking verb itself, followed by its infinitive ("urged X
            // to", "calls on X to", "appealed to X to"), or that apposition.
            let asked = ctx
                .mentions_in(cue, ts)
                .filter(|&m| {
                    let span = ctx.mentions[m].span;
                    let lead = words(sl(lower, cue, span.start)).skip(1).all(|w| {
                        matches!(
                            w,
                            "on" | "upon" | "to" | "the" | "president" | "prime" | "minister"
                        )
                    });
                    lead && sl(lower, span.end, ts).trim_start().starts_with("to ")
                })
                .chain(ctx.mentions_in(from, cue).filter(|&m| {
                    let span = ctx.mentions[m].span;
                    (object_of_phrase(lower, ss, span.start)
                        && sl(lower, span.end, cue).trim() == ",")
                        || told_to(m) && !joins_call(m)
                        // "President Tokayev should order an investigation"
                        || cue_is_modal && sl(lower, span.end, cue).trim().is_empty()
                }))
                .find(|&m| {
                    (ctx.is(m, EntityType::Person) || ctx.is(m, EntityType::Organization))
                        && !c.victims.contains(&m)
                        && !c.others.iter().any(|(o, _)| *o == m)
                });
            if let Some(m) = asked {
                c.others.push((m, Role::Authority));
            }
        }
        c.victims.retain(|v| !c.others.iter().any(|(o, _)| o == v));
        return;
    }
    let before = sl(lower, ss, ts);
    let prev: Vec<&str> = last_words(before, 3).collect();
    let aux = |w: &str| is_be(w) || matches!(w, "got" | "get" | "gets");
    // "X received seven years": the subject is the one sentenced, as in the passive.
    let passive = TERM_RECEIVED.contains(&entry.pattern)
        || prev.first().is_some_and(|w| aux(w))
        || (prev.first().is_some_and(|w| {
            w.ends_with("ly")
                || matches!(
                    *w,
                    "later" | "also" | "then" | "not" | "never" | "subsequently" | "again"
                )
        }) && prev.get(1).is_some_and(|w| aux(w)))
        || find_word(sl(lower, te, se.min(te + 5)), "by").is_some();
    let by = agent(ctx, te, se);
    if let Some(a) = by {
        c.others.push((a, role_of(ctx, a)));
    }
    match kind {
        Kind::Verb => {
            // A state ("remains in detention", "still in prison") or a death ("died from
            // gunshot wounds") has no object: a name after it belongs to another clause ("…
            // though their driver, X, was released").
            let trigger = sl(lower, ts, te);
            let state = ["remain", "still in", "now in", "under house", "died"]
                .iter()
                .any(|w| trigger.starts_with(w));
            // "found X guilty", "forced X into a car": the object is inside the trigger phrase.
            let holds_object = entry.flags & (FOUND | FORCED | STRIPPED | DESIGNATED) != 0;
            // An object inside the trigger phrase ("forced him into a car"): its pronoun.
            let inner = [" him ", " her ", " them "]
                .iter()
                .find_map(|p| trigger.find(p).map(|i| (ts + i + 1, p.trim())));
            let obj = if trigger.ends_with(" where")
                || matches!(
                    entry.pattern,
                    "no information about" | "no information on" | "no news of"
                ) {
                // The one missing, named or a pronoun right after: the subject of the clause
                // after "where" ("her family did not know where she was"), not the one who did
                // not know; the object of "no information about him".
                // ("where her husband was" names someone else: only a subject pronoun there.)
                let case: &[&str] = if trigger.ends_with(" where") {
                    &["he", "she", "they"]
                } else {
                    &["him", "her", "them"]
                };
                match words(sl(lower, te, se)).next() {
                    Some(p) if case.contains(&p) => pronoun_persons(ctx, si, ss, te, p),
                    _ => object_after(ctx, te, se, want, 20),
                }
            } else if let Some((at, pronoun)) = inner {
                pronoun_persons(ctx, si, ss, at, pronoun)
            } else if passive || state {
                Vec::new()
            } else if entry.pattern == "upheld" {
                // "upheld the nine-year sentence handed to X", "upheld X's conviction".
                let after = sl(lower, te, se);
                let holder = word_offsets(after)
                    .take(6)
                    .find(|(_, w)| matches!(*w, "sentence" | "term" | "conviction"))
                    .and_then(|(p, w)| {
                        let rest = after[p + w.len()..].trim_start();
                        sentence_link(rest).map(|l| te + after.len() - rest.len() + l)
                    });
                match holder {
                    Some(from) => object_after(ctx, from, se, want, 60),
                    None => object_after(ctx, te, se, want, 90),
                }
            } else if holds_object {
                // "found Otabek Sattoriy and Ivan Petrov guilty": the names inside; "found all
                // five defendants guilty of murdering X": none, and not the one murdered.
                ctx.mentions_in(ts, te)
                    .filter(|&m| ctx.is(m, want))
                    .collect()
            } else {
                object_after(ctx, te, se, want, 90)
            };
            if !obj.is_empty() {
                c.victims = obj;
                // The doer is the subject of an active verb: the first name of its clause, or
                // the one right before the verb after a clause joined by ", and" ("the court
                // stripped X of its licence, and the Information Ministry blocked Y").
                let doer = |m: usize| {
                    matches!(
                        ctx.mentions[m].entity_type,
                        EntityType::Organization | EntityType::Person
                    ) && !c.victims.contains(&m)
                        && !ctx.is_speaker(m, sent)
                };
                let joined_subject = ctx.mentions_in(cs, ts).next_back().filter(|&m| {
                    let end = ctx.mentions[m].span.end;
                    doer(m)
                        && sl(lower, end, ts).trim().is_empty()
                        && sl(lower, cs, ctx.mentions[m].span.start).contains(", and ")
                });
                if let Some(m) =
                    joined_subject.or_else(|| ctx.mentions_in(cs, ts).find(|&m| doer(m)))
                {
                    c.others.push((m, role_of(ctx, m)));
                }
            } else if !passive && !state && active_with_object(sl(lower, te, se), c.ty) {
                // "police arrested him": the object is a pronoun; "who prosecuted war crimes":
                // the subject is the doer and the object names no one.
                let next = words(sl(lower, te, se)).next().unwrap_or("");
                if matches!(next, "him" | "her" | "them") {
                    c.victims = pronoun_persons(ctx, si, ss, te, next);
                    // "sentenced her and her camerawoman Darya Chultsova to two years".
                    if next != "them" && !c.victims.is_empty() {
                        c.victims.extend(joined_to_pronoun(ctx, te, se, want));
                    }
                }
                // "Police raided Volkov's flat": the one whose home it is.
                if c.victims.is_empty() && matches!(entry.pattern, "raided" | "searched") {
                    let owner = ctx.mentions_in(te, se).next().filter(|&m| {
                        let span = ctx.mentions[m].span;
                        ctx.is(m, want)
                            && words(sl(lower, te, span.start)).count() <= 1
                            && sl(lower, span.end, se).starts_with(['\'', '\u{2019}'])
                    });
                    c.victims.extend(owner);
                }
            } else if !passive
                && !state
                && c.ty == EventType::Harassment
                && sl(lower, ts, te).starts_with("threat")
                && words(sl(lower, te, se)).next() == Some("to")
            {
                // "Trump had threatened to impose tariffs": the subject makes the threat, and
                // whom it is against is not said.
                for m in subject(ctx, cs, ts, EntityType::Person, sent) {
                    c.others.push((m, role_of(ctx, m)));
                }
            } else {
                // "He had told his family … after being detained": a non-finite clause shares the
                // subject of the clause it hangs on.
                let (cs, clause) = if clause.trim_start().starts_with("being")
                    || clause.trim_start().starts_with("having been")
                {
                    let outer = clause_start(ctx, ss, cs.saturating_sub(8).max(ss));
                    (outer, sl(lower, outer, ts))
                } else {
                    (cs, clause)
                };
                // "release X and Y and all others detained for …": the participle describes
                // the unnamed others, not the names before them.
                // ("X was among those arrested" still names X.)
                let others_described = prev
                    .first()
                    .is_some_and(|w| matches!(*w, "others" | "those" | "everyone" | "anyone"))
                    && prev.get(1) != Some(&"among");
                // "commemorating the Legionnaires who had been killed", "media workers killed,
                // disappeared and harmed": the participle describes a group the text does not
                // name, not the subject of the sentence.
                let unnamed = unnamed_antecedent(ctx, ss, cs, ts, want);
                if !others_described && !unnamed {
                    c.victims = subject(ctx, cs, ts, want, sent);
                }
                // "Among those sentenced to death are X and Y": the names after the verb.
                if c.victims.is_empty()
                    && prev.first() == Some(&"those")
                    && prev.get(1) == Some(&"among")
                {
                    let after = sl(lower, te, se);
                    if let Some((p, w)) = word_offsets(after).take(12).find(|(_, w)| {
                        matches!(*w, "are" | "were" | "is" | "was" | "include" | "included")
                    }) {
                        let range = ctx.mentions_in(te + p + w.len(), se);
                        if let Some(m) = range.clone().find(|&m| ctx.is(m, want)) {
                            c.victims = with_coordinated(ctx, range, m, want);
                        }
                    }
                }
                if c.victims.is_empty() && !unnamed {
                    c.victims = inverted_subject(ctx, cs, ts, te, se, want);
                }
                if c.victims.is_empty() && !unnamed && want == EntityType::Person {
                    // "X and Y said they were detained": the plural pronoun stands for the
                    // group named before it in the sentence.
                    if let Some((p, _)) = rfind_any_word(clause, list!["they"]) {
                        c.victims = named_group(ctx, ss, cs + p);
                    }
                }
                if c.victims.is_empty() && !unnamed {
                    if let Some((p, w)) = rfind_any_word(clause, list!["he", "she", "him", "her"]) {
                        // "Her husband was arrested": a determiner names someone else.
                        let determiner = w == "her"
                            && words(&clause[p + 3..])
                                .next()
                                .is_some_and(|n| !NOT_AFTER_DETERMINER.contains(&n));
                        // "Two intellectuals who have criticized him have disappeared": an
                        // object inside the subject's relative clause is not the subject.
                        let in_relative = matches!(w, "him" | "her")
                            && has_any_word(&clause[..p], list!["who", "whom"]);
                        // "two men held with him died": the object of a preposition inside the
                        // subject is someone else.
                        let after_preposition = matches!(w, "him" | "her")
                            && last_words(&clause[..p], 1).any(|b| {
                                matches!(
                                    b,
                                    "with" | "beside" | "alongside" | "near" | "like" | "for"
                                )
                            });
                        if !determiner && !in_relative && !after_preposition {
                            if let Some(m) = resolve_pronoun(ctx, si, cs + p, gender::of_pronoun(w))
                            {
                                c.victims = vec![m];
                            }
                        }
                    }
                }
            }
        }
        Kind::Noun | Kind::Base => {
            // "the arrest of X", "the picket which activist X held"
            let after = sl(lower, te, se).trim_start();
            // "the arrest and subsequent prosecution of X": the "of" of the second noun
            // belongs to both.
            let shared_of = after
                .strip_prefix("and ")
                .and_then(|rest| {
                    let ws: Vec<&str> = words(rest).take(4).collect();
                    let at = ws.iter().position(|w| *w == "of")?;
                    (at >= 1 && !rest[..rest.find(" of ")?].contains([',', '.', ';']))
                        .then(|| rest.find(" of ").map(|i| i + 4))?
                })
                .map(|i| te + (sl(lower, te, se).len() - after.len()) + 4 + i);
            let handed = (c.ty == EventType::Conviction)
                .then(|| sentence_link(after))
                .flatten();
            // "a travel ban on X": a ban falls on its victim.
            let ban_on = after.starts_with("on ")
                && (entry.pattern.ends_with("ban") || entry.pattern.ends_with("bans"));
            let of_from = if after.starts_with("of ") || after.starts_with("against ") || ban_on {
                te + (sl(lower, te, se).len() - after.len()) + after.find(' ').unwrap_or(0)
            } else if let Some(link) = handed {
                // "the prison sentence handed to X"
                te + (sl(lower, te, se).len() - after.len()) + link
            } else if let Some(p) = shared_of {
                p
            } else {
                te
            };
            // "Kaweesi's murder, although X was not charged": the possessor right before the
            // noun is its victim, whoever follows it.
            let possessor = (of_from == te)
                .then(|| possessor_before(ctx, ss, ts, want))
                .flatten();
            c.victims = match possessor {
                Some(m) => vec![m],
                None => object_after(ctx, of_from, se, want, 60),
            };
            // "the arrest reflected the desperation of X": an "of" after a noun phrase of its
            // own is that noun's ("the trial began of X", "the murder case of X" and "the
            // killing last week of X" still name the one it was done to).
            if of_from == te
                && c.victims.first().is_some_and(|&m| {
                    let between = sl(lower, te, ctx.mentions[m].span.start);
                    let ws: Vec<&str> = words(between).collect();
                    ws.iter().enumerate().any(|(i, w)| {
                        *w == "of"
                            && i >= 2
                            && ws[i.saturating_sub(3)..i - 1]
                                .iter()
                                .any(|d| DETERMINERS.contains(d))
                    })
                })
            {
                c.victims.clear();
            }
            if c.victims.is_empty() && of_from == te {
                // A relative clause naming its doer: "a picket which activist X held".
                let tail = sl(lower, te, se.min(te + 20));
                if has_any_word(
                    tail,
                    list![
                        "which",
                        "that",
                        "held",
                        "staged",
                        "organised",
                        "organized",
                        "led",
                    ],
                ) {
                    let range = ctx.mentions_in(te, se.min(te + 90));
                    if let Some(m) = range.clone().find(|&m| ctx.is(m, want)) {
                        let between = sl(lower, te, ctx.mentions[m].span.start);
                        if !between.contains(['.', ';', ',']) {
                            c.victims = vec![m];
                        }
                    }
                }
            }
            // A gerund with an object pronoun: "saw the men beating him".
            if c.victims.is_empty() && of_from == te {
                let mut next = words(sl(lower, te, se));
                match (next.next(), next.next()) {
                    (Some(w @ ("him" | "her")), after)
                        if w == "him"
                            || after.is_none_or(|a| NOT_AFTER_DETERMINER.contains(&a)) =>
                    {
                        if let Some(m) = resolve_pronoun(ctx, si, te, gender::of_pronoun(w)) {
                            c.victims = vec![m];
                        }
                    }
                    (Some("them"), _) => c.victims = named_group(ctx, ss, te),
                    _ => {}
                }
            }
            // A possessor: "X's arrest", "his detention".
            if c.victims.is_empty() {
                let near = sl(lower, ts.saturating_sub(40).max(ss), ts);
                if let Some(m) = possessor_before(ctx, ss, ts, want) {
                    c.victims = vec![m];
                }
                if let Some(g) = possessive(near, 4).filter(|_| c.victims.is_empty()) {
                    if let Some(m) = resolve_pronoun(ctx, si, ts, g) {
                        c.victims = vec![m];
                    }
                }
                // "X and Y were sentenced to death. Their appeals were rejected": the group
                // named last, in this sentence or the one before.
                if c.victims.is_empty() && last_words(near, 1).any(|w| w == "their") {
                    let from = if si > 0 {
                        ctx.sentences[si - 1].start
                    } else {
                        ss
                    };
                    c.victims = named_group(ctx, from, ts);
                }
            }
            // The object of a verb that inflicts the noun: "police subjected X to torture",
            // "guards gave him electric shocks".
            if c.victims.is_empty() && is_violation(c.ty) && want == EntityType::Person {
                c.victims = inflicted_on(ctx, si, ss, cs.max(ts.saturating_sub(60)), ts);
            }
            // The subject of the clause: "X spent three months in detention", "X faces trial".
            if c.victims.is_empty() && c.ty != EventType::MediaRestriction {
                let v = subject(ctx, cs, ts, want, sent);
                if let Some(&first) = v.last() {
                    let link = sl(lower, ctx.mentions[first].span.end, ts);
                    // Taking part makes a protester, not a defendant: "X, who had attended
                    // every hearing of the trial".
                    let takes_part = c.ty != EventType::Protest
                        && has_any_word(
                            link,
                            list![
                                "attended",
                                "joined",
                                "staged",
                                "organised",
                                "organized",
                                "led",
                            ],
                        );
                    // "X is accused of taking part in the killing of …", "X made attempts to
                    // rein in the militia; reports of killings": being "in" a violent act is
                    // taking part in it or another clause, not suffering it.
                    let only_in = !words(link)
                        .any(|w| !matches!(w, "in" | "during") && LINKING.list.contains(&w));
                    let violent = matches!(
                        c.ty,
                        EventType::Killing | EventType::Torture | EventType::Abduction
                    );
                    if has_any_word(link, LINKING) && !takes_part && !(violent && only_in) {
                        c.victims = v;
                    }
                }
            }
            // "X and Y alleged that they were subjected to torture": the group named before
            // the plural pronoun.
            if c.victims.is_empty() && want == EntityType::Person {
                if let Some((p, _)) = rfind_any_word(clause, list!["they"]) {
                    if has_any_word(&clause[p..], LINKING) {
                        c.victims = named_group(ctx, ss, cs + p);
                    }
                }
            }
            // "The court ordered that he be held in pre-trial detention", "she remains in
            // detention": the pronoun subject of a verb that puts its subject in the noun's
            // state, close before it.
            // So for a step of a case: "she faces charges of …", "he faces trial".
            if c.victims.is_empty()
                && want == EntityType::Person
                && (is_violation(c.ty) || is_case_step(c.ty))
            {
                if let Some((p, w)) = rfind_any_word(clause, list!["he", "she"]) {
                    let link = &clause[p..];
                    if words(link).count() <= 7
                        && has_any_word(
                            link,
                            list![
                                "held",
                                "kept",
                                "placed",
                                "remains",
                                "remained",
                                "spent",
                                "faces",
                                "faced",
                                "facing",
                                "underwent",
                                "suffered",
                                "subjected",
                            ],
                        )
                    {
                        if let Some(m) = resolve_pronoun(ctx, si, cs + p, gender::of_pronoun(w)) {
                            c.victims = vec![m];
                        }
                    }
                }
            }
        }
    }
    // "He … had to be hospitalized while in detention", "X was acquitted after spending seven
    // months in detention": the one in the noun's state is the sentence's subject, a pronoun or
    // a name that opens it (after a role: "Journalist X").
    if c.victims.is_empty()
        && want == EntityType::Person
        && is_violation(c.ty)
        && matches!(
            last_words(sl(lower, ss, ts), 4)
                .collect::<Vec<_>>()
                .as_slice(),
            ["in", "while", ..]
                | [_, "in", "while", ..]
                | [
                    "in",
                    "days" | "weeks" | "months" | "years" | "month" | "year",
                    _,
                    "spending" | "spent"
                ]
        )
    {
        let opening = sl(lower, ss, ts).trim_start();
        let at = ts - opening.len();
        match words(opening).next() {
            Some(w @ ("he" | "she")) => {
                if let Some(m) = resolve_pronoun(ctx, si, at, gender::of_pronoun(w)) {
                    c.victims = vec![m];
                }
            }
            _ => {
                if let Some(m) = ctx.mentions_in(ss, ts).next().filter(|&m| {
                    let role = sl(lower, at, ctx.mentions[m].span.start);
                    ctx.is(m, want)
                        && words(role).count() <= 3
                        && !role.contains([',', '(', '"', '\u{201c}'])
                        && !has_any_word(
                            role,
                            list![
                                "to",
                                "according",
                                "of",
                                "with",
                                "by",
                                "for",
                                "on",
                                "in",
                                "at",
                                "from",
                                "said",
                                "after",
                                "when",
                                "while",
                                "as",
                                "like",
                            ],
                        )
                }) {
                    c.victims = vec![m];
                }
            }
        }
    }
    // A group and its named members: "dozens remain behind bars, including X".
    if is_violation(c.ty) && want == EntityType::Person {
        members(ctx, cs, ts, te, se, c);
    }
    // Companions share what was done to the victim: "X was arrested together with journalist Y
    // and trade unionist Z".
    if is_violation(c.ty) && !c.victims.is_empty() && want == EntityType::Person {
        companions(ctx, te, se, c);
    }
    // A protest that is the reason for another event ("arrested for taking part in a
    // demonstration") names no one of its own.
    if c.ty == EventType::Protest {
        let near = sl(lower, ts.saturating_sub(45).max(ss), ts);
        if [
            "taking part in",
            "participating in",
            "attending",
            "joining",
            "for organising",
            "for organizing",
        ]
        .iter()
        .any(|p| near.contains(p))
        {
            c.victims.clear();
        }
    }
    // Media restrictions name every outlet after the trigger ("a ban against eight newspapers …,
    // including X; Y; the Z channel"), except one whose object stands inside it ("stripped X of
    // its registration, and the ministry blocked Y": Y is the next act's).
    if c.ty == EventType::MediaRestriction && entry.flags & STRIPPED == 0 {
        for m in ctx.mentions_in(te, se) {
            if ctx.is(m, EntityType::Organization)
                && !c.victims.contains(&m)
                && role_of(ctx, m) != Role::Authority
            {
                c.victims.push(m);
            }
        }
        // The authority before the trigger, unless its own subject is one already.
        if !c.others.iter().any(|&(_, r)| r == Role::Authority) {
            if let Some(m) = ctx.mentions_in(ss, ts).find(|&m| {
                ctx.is(m, EntityType::Organization) && role_of(ctx, m) == Role::Authority
            }) {
                c.others.push((m, Role::Authority));
            }
        }
    }
    // Courts and prosecutors in the sentence decide case steps.
    if is_case_step(c.ty) || c.ty == EventType::Investigation {
        for m in ctx.mentions_in(ss, se) {
            if ctx.is(m, EntityType::Organization)
                && role_of(ctx, m) == Role::Authority
                && !c.others.iter().any(|(o, _)| *o == m)
            {
                c.others.push((m, Role::Authority));
            }
        }
    }
    c.victims.retain(|v| !c.others.iter().any(|(o, _)| o == v));
    c.victims.dedup();
}

/// True when the words between a trigger and a place start a second noun phrase with its own
/// complement ("the killing of X and allegations of war crimes in Yemen"): the place belongs to
/// that phrase, not to the trigger.
fn second_noun_phrase(between: &str) -> bool {
    let Some(a) = between.find(" and ") else {
        return false;
    };
    let rest = &between[a + 5..];
    // "the torture and murder of a man in Syria": a second event noun shares the place.
    let next = rest.trim_start_matches("the ");
    let another_event = lexicon::automaton()
        .find(next)
        .is_some_and(|m| m.start() == 0);
    !another_event && find_word(rest, "of").is_some()
}

/// Place, legal basis, charges in words and prison term.
fn details(ctx: &Ctx, sent: Span, c: &mut Cand) {
    let lower = ctx.lower.as_str();
    let (ss, se) = (sent.start, sent.end);
    let (ts, te) = (c.trigger.start, c.trigger.end);
    // Place: "in Almaty" after the trigger, "the Zhanaozen killings", or a fronted "In Minsk,";
    // not any place the sentence happens to name (measured: that was less often the right one).
    let locs: Vec<usize> = ctx
        .mentions_in(ss, se)
        .filter(|&m| ctx.is(m, EntityType::Location))
        .collect();
    let preceded_by_in = |m: usize| {
        let s = ctx.mentions[m].span.start;
        let before = sl(lower, ss.max(s.saturating_sub(12)), s).trim_end();
        before.ends_with(" in")
            || before.ends_with(" at")
            || before.ends_with(" near")
            || before.ends_with(" of")
            || before == "in"
    };
    c.location = locs
        .iter()
        .copied()
        .find(|&m| {
            let s = ctx.mentions[m].span.start;
            let between = sl(lower, te, s);
            s >= te
                && s <= te + 80
                && preceded_by_in(m)
                && !between.contains(';')
                // "Penal Colony No. 17 in Shklov": a numbering full stop ends nothing.
                && !between
                    .match_indices('.')
                    .any(|(i, _)| !between[..i].ends_with(" no"))
                && !second_noun_phrase(between)
        })
        .or_else(|| {
            // "the Zhanaozen killings"; not "an activist from X, died", an apposition's place.
            locs.iter().copied().find(|&m| {
                let e = ctx.mentions[m].span.end;
                e <= ts && ts - e <= 3 && sl(lower, e, ts).trim().is_empty()
            })
        })
        // A fronted place sets the scene of the whole sentence: "In Minsk, police detained …".
        .or_else(|| {
            locs.iter().copied().find(|&m| {
                let s = ctx.mentions[m].span.start;
                s < ts && s <= ss + 12 && preceded_by_in(m)
            })
        });
    // Prison term for a conviction: "sentenced to seven and a half years", "jailed for five years".
    if matches!(c.ty, EventType::Conviction | EventType::Detention) {
        let limit = se.min(te + 220);
        let mut reach = sl(lower, te, limit);
        if let Some(p) = reach.find([';', '\u{2014}']) {
            reach = &reach[..p];
        }
        let reach_end = te + reach.len();
        let mut term = None;
        for w in ["to", "for"] {
            let mut from = 0;
            while let Some(p) = find_word(&reach[from..], w) {
                let at = te + from + p + w.len();
                let mut at2 = at;
                let tail = sl(lower, at, reach_end).trim_start();
                for filler in [
                    "up to",
                    "a further",
                    "a total of",
                    "an additional",
                    "another",
                ] {
                    if let Some(r) = tail.strip_prefix(filler) {
                        at2 = reach_end - r.len();
                    }
                }
                if let Some((d, _)) = numbers::parse_duration(lower, at2, reach_end) {
                    term = Some(d);
                    break;
                }
                from += p + w.len();
            }
            if term.is_some() || c.ty == EventType::Conviction && w == "to" && term.is_some() {
                break;
            }
            if c.ty == EventType::Detention && w == "to" {
                continue;
            }
        }
        // "received seven years", "was given a five-year term": the length right after.
        let trigger = sl(lower, ts, te);
        if term.is_none() && TERM_RECEIVED.contains(&trigger) {
            term = numbers::parse_duration(lower, term_start(lower, te, reach_end), reach_end)
                .map(|(d, _)| d);
        }
        // "a five-year sentence": the length stands in the trigger.
        if term.is_none() && names_term_unit(trigger) {
            let b = lower.as_bytes();
            if ts >= 2 && b[ts - 1] == b'-' {
                let mut ns = ts - 1;
                while ns > ss && b[ns - 1].is_ascii_alphanumeric() {
                    ns -= 1;
                }
                term = numbers::parse_duration(lower, ns, te).map(|(d, _)| d);
            }
        }
        if term.is_none() && c.ty == EventType::Conviction {
            // A duration time expression right after "to".
            for t in ctx.timexes_in(te, reach_end) {
                let tx = &ctx.timexes[t];
                if tx.timex_type == TimexType::Duration
                    && sl(lower, te, tx.span.start).trim_end().ends_with("to")
                {
                    term = numbers::normalise_duration(&tx.value);
                    break;
                }
            }
        }
        if let Some(t) = term {
            if c.ty == EventType::Detention {
                // "jailed for five years" is a conviction with its term.
                let jailed = matches!(sl(lower, ts, te), "jailed" | "imprisoned");
                if jailed && sl(lower, te, reach_end).trim_start().starts_with("for") {
                    c.ty = EventType::Conviction;
                    c.term = Some(t);
                }
            } else {
                c.term = Some(t);
            }
        }
    }
    // Charges named in words: for/of/with "…" after the trigger.
    if matches!(
        c.ty,
        EventType::Charge
            | EventType::Conviction
            | EventType::Trial
            | EventType::Arrest
            | EventType::Detention
    ) {
        let limit = se.min(te + 260);
        let mut p = te;
        // Where the last charge taken closed: a quoted name listed right after it is another
        // ("charges of \"joining a terrorist group\" and \"spreading false news\"").
        let mut taken_until: Option<usize> = None;
        while p < limit {
            let rest = sl(ctx.text, p, limit);
            let Some(q) = rest.find(['"', '\u{201c}', '\u{ab}']) else {
                break;
            };
            let open = p + q;
            let open_len = sl(ctx.text, open, ctx.text.len())
                .chars()
                .next()
                .map_or(1, char::len_utf8);
            let body_start = open + open_len;
            let Some(close_rel) = sl(ctx.text, body_start, limit).find(['"', '\u{201d}', '\u{bb}'])
            else {
                break;
            };
            let body_end = body_start + close_rel;
            let lead = sl(lower, te.max(open.saturating_sub(30)), open).trim_end();
            let body = sl(ctx.text, body_start, body_end)
                .trim()
                .trim_end_matches([',', '.']);
            // ... and closes the list or a clause: not "\"hooliganism\", and \"the court\" said".
            let listed = taken_until.is_some_and(|end| {
                matches!(
                    sl(lower, end, open).trim(),
                    "and" | "," | ", and" | "or" | ", or" | "as well as"
                )
            }) && {
                let next = sl(lower, body_end + 1, se).trim_start();
                next.is_empty()
                    || next.starts_with([',', '.', ';', ')'])
                    || words(next)
                        .next()
                        .is_some_and(|w| matches!(w, "and" | "or" | "under" | "in" | "after"))
            };
            // Scare quotes before the noun they describe name no charge: "prisons with
            // \"dangerous and alarming\" conditions", "the provision of \"free\" education".
            let describes_noun = !sl(ctx.text, body_start, body_end)
                .trim_end()
                .ends_with([',', '.', ';'])
                && {
                    let next = sl(ctx.text, body_end, se)
                        .trim_start_matches(['"', '\u{201d}', '\u{bb}'])
                        .trim_start();
                    words(next).next().is_some_and(|w| {
                        next.starts_with(|ch: char| ch.is_lowercase())
                            && !QUOTE_FOLLOWERS.contains(&w)
                    })
                };
            if describes_noun {
                p = body_end + 1;
                while p < limit && !ctx.text.is_char_boundary(p) {
                    p += 1;
                }
                continue;
            }
            if (lead.ends_with("for")
                || lead.ends_with("of")
                || lead.ends_with("with")
                || lead.ends_with("charges")
                || lead.ends_with("charge")
                || listed)
                && !body.is_empty()
                && body.len() < 100
                && !c.charges.iter().any(|x| x == body)
            {
                c.charges.push(body.to_string());
                taken_until = Some((body_end + 1).min(limit));
            }
            p = body_end + 1;
            while p < limit && !ctx.text.is_char_boundary(p) {
                p += 1;
            }
        }
        if c.charges.is_empty() {
            c.charges.extend(unquoted_charge(ctx, te, se));
        }
    }
}

/// Words that may follow a quoted charge's name: it ends there ("for \"hooliganism\" and
/// resisting arrest", "of \"subversion\" in 2019"). Any other lowercase word makes the quotation
/// a scare quote on the noun after it.
const QUOTE_FOLLOWERS: &[&str] = &[
    "and", "or", "in", "by", "for", "under", "on", "against", "after", "before", "earlier",
    "later", "a", "an", "the", "is", "was", "were", "are", "with", "at", "from", "to", "of",
    "which", "that", "who", "as", "since", "when", "while", "because", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten", "last", "this", "over", "but", "and/or",
];

/// Stems of the offences charges are named by, as words start: "extortion", "inciting social
/// discord", "spreading false information", "abuse of office".
const OFFENCE_STEMS: &[&str] = &[
    "extort",
    "libel",
    "slander",
    "defam",
    "insult",
    "hooligan",
    "treason",
    "espionage",
    "spying",
    "embezzl",
    "brib",
    // whole words: "fraudulent election" is no charge
    "fraud ",
    "tax evasion",
    "terroris",
    "extremis",
    "sedition",
    "seditious",
    "subversi",
    "blasphem",
    "incit",
    "false information",
    "disinformation",
    "fake news",
    "mass disorder",
    "riot",
    "illegal assembly",
    "unlawful assembly",
    "illegal gathering",
    "unauthori",
    "unsanctioned",
    "separatis",
    "state secrets",
    "national security",
    "public order",
    "drug",
    "narcotic",
    "weapon",
    "firearm",
    "vandal",
    "contempt",
    "disobedience",
    "overthrow",
    "undermin",
    "propaganda",
    "discredit",
    "collusion",
    "collud",
    "conspiracy",
    "abuse of office",
    "abuse of power",
    "misappropriat",
    "money laundering",
    "smuggl",
    "murder",
    "kidnap",
    "assault",
    "robbery",
    "hostage",
];

/// A charge named without quotes after the trigger ("found X guilty of extortion and libel
/// under …", "charged him with hooliganism", "on charges of treason"): the words after "of",
/// "with" or "for" up to where the clause goes on, when they name an offence. A reason that
/// is no offence ("sentenced for criticising the president") is not a charge's name.
fn unquoted_charge(ctx: &Ctx, te: usize, se: usize) -> Option<String> {
    let lower = ctx.lower.as_str();
    let reach = se.min(te + 90);
    let window = sl(lower, te, reach);
    let mut from = 0;
    // Each lead in turn: "the trial of X on charges of treason" names X after the first.
    while let Some((at, lead)) = ["of", "with", "for"]
        .iter()
        .filter_map(|w| find_word(&window[from..], w).map(|p| (p, *w)))
        .min()
    {
        let start = from + at + lead.len();
        from = start;
        if window[..start - lead.len()].contains([',', ';', ':', '(']) {
            return None;
        }
        let rest = sl(lower, te + start, se);
        // The name ends at the first punctuation, or earlier where the clause goes on.
        let mut end = rest
            .find([',', ';', '.', '(', ':', '"', '\u{201c}'])
            .unwrap_or(rest.len());
        for (count, (i, w)) in word_offsets(&rest[..end]).enumerate() {
            if (matches!(
                w,
                "under"
                    | "after"
                    | "before"
                    | "in"
                    | "at"
                    | "on"
                    | "by"
                    | "because"
                    | "which"
                    | "who"
                    | "that"
                    | "while"
                    | "during"
                    | "since"
                    | "following"
                    | "when"
                    | "as"
                    | "but"
                    | "and"
                    | "from"
                    | "last"
                    | "earlier"
                    | "this"
                    | "will"
                    | "would"
                    | "began"
                    | "begins"
                    | "opened"
                    | "opens"
                    | "started"
                    | "starts"
                    | "resumed"
                    | "continued"
                    | "continues"
                    | "alleged"
                    | "said"
                    | "reported"
                    // the reason after the charge: "unlawful assembly for taking pictures"
                    | "for"
            ) || finite_auxiliary(w))
                && (w != "and" || ends_clause_after_and(&rest[i + 3..]))
                // "taking part in mass disorder", "participating in an illegal gathering"
                && !(w == "in"
                    && last_words(&rest[..i], 1).next().is_some_and(|p| {
                        matches!(p, "part" | "participating" | "participation" | "engaging")
                    }))
            {
                end = i;
                // "charged with treason and a bail request has been declined": the verb's
                // subject came after the last "and".
                if finite_auxiliary(w) {
                    if let Some(p) = rfind_word(&rest[..i], "and") {
                        end = p;
                    }
                }
                break;
            }
            if count >= 9 {
                // No end in sight: not a name ("conspiracy to collude with foreign powers to
                // endanger …" must not give its tail to the "with" inside).
                return None;
            }
        }
        let phrase = rest[..end]
            .trim_end_matches(['-', '\u{2013}', '\u{2014}', ' '])
            .trim();
        // A space after the last word lets a stem such as "fraud " match whole words only.
        let padded = format!("{phrase} ");
        if phrase.is_empty() || !OFFENCE_STEMS.iter().any(|s| starts_word(&padded, s)) {
            continue;
        }
        let at = te + start + (rest.len() - rest.trim_start().len());
        return Some(sl(ctx.text, at, at + phrase.len()).to_string());
    }
    None
}

/// "is", "are", "was", "were", "has", "have", "had": a finite verb group begins.
fn finite_auxiliary(w: &str) -> bool {
    matches!(w, "is" | "are" | "was" | "were" | "has" | "have" | "had")
}

/// True when the words after an "and" go on with a new clause, step or lead ("and sentenced
/// him", "and was jailed", "and for killing"), so the "and" ends a charge's name rather than
/// joining two offences.
fn ends_clause_after_and(after: &str) -> bool {
    words(after).next().is_some_and(|w| {
        finite_auxiliary(w)
            || w.ends_with("ed")
            || matches!(
                w,
                "faces"
                | "face"
                | "then"
                // "… mass disorder and for killing a police officer": another charge's lead
                | "for"
                | "of"
                | "with"
                | "on"
                // participles not in -ed: "and kept in detention"
                | "kept"
                | "held"
                | "sent"
                | "put"
                | "taken"
                | "thrown"
                | "brought"
                | "beaten"
            )
    })
}

/// True when `stem` begins a word of `phrase` (`phrase` lowercase).
fn starts_word(phrase: &str, stem: &str) -> bool {
    let b = phrase.as_bytes();
    phrase
        .match_indices(stem)
        .any(|(i, _)| i == 0 || !b[i - 1].is_ascii_alphanumeric())
}

/// Attaches each time expression of a sentence to the trigger it dates, then gives each candidate
/// the nearest attached date.
fn sentence_dates(ctx: &Ctx, sent: Span, cands: &mut [Cand]) {
    if cands.is_empty() {
        return;
    }
    let lower = ctx.lower.as_str();
    let (ss, _se) = (sent.start, sent.end);
    let mut best: Vec<Option<(usize, usize)>> = vec![None; cands.len()]; // (distance, timex)
    let mut shifted: Vec<Option<(PartialDate, usize)>> = vec![None; cands.len()];
    let mut signed = None;
    for t in ctx.timexes_in(sent.start, sent.end) {
        let tx = &ctx.timexes[t];
        if timex_date(tx).is_none() {
            continue;
        }
        let (xs, xe) = (tx.span.start, tx.span.end);
        // A dateline "NEW YORK (December 14, 2012)" dates the document, not an event; a date in
        // brackets after words of the sentence ("was arrested on (July 27, 2012)") is the
        // event's. A dateline's words are all capitalised.
        let pre = sl(lower, ss, xs).trim_end();
        if pre.ends_with('(')
            && sl(lower, xe, lower.len()).trim_start().starts_with(')')
            && words(sl(ctx.text, ss, xs)).all(|w| !w.starts_with(|c: char| c.is_ascii_lowercase()))
        {
            continue;
        }
        // So does "TULKARA, 7 June 2018 — The trial … opened on 4 June": a capitalised place, a
        // comma, the date and a dash.
        if pre.ends_with(',')
            && sl(lower, xe, lower.len())
                .trim_start()
                .starts_with(['\u{2014}', '\u{2013}', '-'])
            && words(sl(ctx.text, ss, xs)).count() <= 4
            && words(sl(ctx.text, ss, xs)).all(|w| w.starts_with(|c: char| c.is_uppercase()))
        {
            continue;
        }
        // An embedded post's signature ("… pic.twitter.com/x — Name (@handle) May 27, 2021")
        // dates the post: every event it tells that has no date of its own.
        if pre.ends_with(')') && pre.rfind("(@").is_some_and(|p| !pre[p..].contains(' ')) {
            signed = Some(t);
            continue;
        }
        // "the December 2011 violence": a date inside a noun phrase dates that noun.
        let next_after = words(sl(lower, xe, sent.end)).next().unwrap_or("");
        let adjectival = pre.ends_with("the")
            && sl(lower, xe, sent.end).starts_with(' ')
            && next_after.chars().all(|c| c.is_ascii_alphabetic())
            && !matches!(
                next_after,
                "and"
                    | "or"
                    | "to"
                    | "in"
                    | "on"
                    | "at"
                    | "by"
                    | "when"
                    | "after"
                    | "before"
                    | "the"
                    | "a"
            )
            && !cands
                .iter()
                .any(|c| c.trigger.start >= xe && c.trigger.start <= xe + 1 + next_after.len());
        // "the 7 November demonstration", "the November 2019 shooting deaths": the date belongs
        // to the noun right after it, or after one or two words that modify that noun.
        let modifies_next = pre
            .ends_with("the")
            .then(|| {
                cands.iter().position(|c| {
                    let gap = sl(lower, xe, c.trigger.start);
                    c.trigger.start >= xe
                        && c.kind == Kind::Noun
                        && gap
                            .chars()
                            .all(|ch| ch.is_ascii_lowercase() || ch == ' ' || ch == '-')
                        && words(gap).count() <= 2
                })
            })
            .flatten();
        if adjectival && modifies_next.is_none() {
            continue;
        }
        if let Some(o) = modifies_next {
            let d = cands[o].trigger.start - xe;
            if best[o].is_none_or(|(bd, _)| d < bd) {
                best[o] = Some((d, t));
            }
            continue;
        }
        let before = cands.iter().rposition(|c| c.trigger.end <= xs);
        let after = cands.iter().position(|c| c.trigger.start >= xe);
        // "died on 21 December 2011, two days after he was released": the release is two days
        // earlier, by arithmetic the text states.
        if let Some(ai) = after {
            if let Some(d) =
                timex_date(tx).and_then(|d| offset_date(d, sl(lower, xe, cands[ai].trigger.start)))
            {
                shifted[ai].get_or_insert((d, t));
            }
        }
        // Fronted: only a few words, none of them a name or a verb, stand before the date
        // ("On 8 October,", "Indeed, in 1997"), not "Kenzhebaev died on 21 December".
        // After a dateline ("SHULAN, 1 June 2023 — Yesterday the court rejected …") the
        // sentence starts again at the dash.
        let lead_from = sl(lower, ss, xs)
            .rfind(['\u{2014}', '\u{2013}'])
            .map(|p| ss + p)
            .filter(|&p| ctx.timexes_in(ss, p).next().is_some())
            .and_then(|p| (p + 1..=xs).find(|&i| lower.is_char_boundary(i)))
            .unwrap_or(ss);
        let lead_text = sl(lower, lead_from, xs);
        let lead_words = if ctx.mentions_in(lead_from, xs).next().is_some()
            || words(lead_text).any(|w| {
                w.len() > 3 && w.ends_with("ed")
                    || matches!(
                        w,
                        "died" | "was" | "were" | "is" | "are" | "set" | "built" | "made"
                    )
            }) {
            usize::MAX
        } else {
            words(lead_text).count()
        };
        let mut owner = None;
        if before.is_none() && lead_words <= 5 {
            // A fronted date dates the main clause, not a trigger deep in a subordinate one:
            // close by, or further ("On 20 January the court found X guilty under Article 378
            // of the Criminal Code ("…") and sentenced him") when no clause opens between.
            owner = after.filter(|&ai| {
                let gap = sl(lower, xe, cands[ai].trigger.start);
                !opens_subordinate_clause(sl(lower, xs, cands[ai].trigger.start))
                    && gap.len() <= 140
                    || gap.len() <= 300
                        && !gap.contains([';', ':'])
                        // a charge's name in brackets is no clause: "(\"false information
                        // about the armed forces\")"
                        && !has_any_word(
                            &without_brackets(gap),
                            list![
                                "who", "which", "that", "after", "before", "when", "while",
                                "because", "since", "until", "although", "if", "whose", "where",
                                "said", "says", "about",
                            ],
                        )
            });
        } else if let Some(bi) = before {
            let c = &cands[bi];
            let between = sl(lower, c.trigger.end, xs);
            let noun_takes_place = c.kind == Kind::Noun
                && (takes_place(between) || c.ty == EventType::Appeal && appeal_decided(between));
            let clean = !between.contains(';')
                && !between.contains("anniversary")
                && between.len() < 140
                && (c.kind == Kind::Verb || noun_takes_place || noun_may_take_date(between))
                && (noun_takes_place || !participle_owns_date(between))
                && !event_noun_owns_date(between)
                && !relative_clause_owns_date(between)
                // "designated X a \"foreign agent\", and in June a court fined him": a date
                // after "and" opens the next clause.
                && !{
                    let ws: Vec<&str> = last_words(between, 2).collect();
                    matches!(ws[..], ["in" | "on", "and"])
                }
                // "did not know where she was until she appeared on 6 February": the date
                // ends the event, it does not say when it began. What ends there is dated by
                // it ("released … until 2021"), and so is what did not happen until then ("not
                // convicted until 2014").
                && (find_word(between, "until").is_none()
                    || c.ty == EventType::Release
                    || c.negated);
            if clean {
                owner = Some(bi);
            } else if let Some(ai) = after {
                let gap = sl(lower, xe, cands[ai].trigger.start);
                if gap.len() < 40 && !gap.contains([',', ';']) {
                    owner = Some(ai);
                }
            }
        } else if let Some(ai) = after {
            // "on 31 October Askar Moldashev, the brother of …, was arrested"
            let gap = sl(lower, xe, cands[ai].trigger.start);
            let lead = last_words(sl(lower, ss, xs), 1).next().unwrap_or("");
            let limit = if matches!(lead, "on" | "in" | "since") {
                150
            } else {
                40
            };
            let subordinate = has_any_word(
                gap,
                list![
                    "after", "before", "when", "while", "because", "since", "until", "who",
                    "which", "that",
                ],
            );
            // "Although the law changed in 2019, harassment remains": the date belongs to the
            // subordinate clause before the comma.
            let lead_subordinate = words(sl(lower, ss, xs)).next().is_some_and(|w| {
                matches!(
                    w,
                    "although" | "though" | "while" | "whereas" | "as" | "because" | "if"
                )
            }) && gap.contains(',');
            if gap.len() < limit && !gap.contains([';']) && !subordinate && !lead_subordinate {
                owner = Some(ai);
            }
        }
        if let Some(o) = owner {
            let c = &cands[o];
            if sl(lower, xs.min(c.trigger.start), xe.max(c.trigger.end)).contains("anniversary") {
                continue;
            }
            let d = xs.abs_diff(c.trigger.start);
            if best[o].is_none_or(|(bd, _)| d < bd) {
                best[o] = Some((d, t));
            }
        }
    }
    if let Some(t) = signed {
        for b in best.iter_mut().filter(|b| b.is_none()) {
            *b = Some((usize::MAX, t));
        }
    }
    // A year the sentence states outright ("in 1997 … on 30 May").
    let years_stated = ctx
        .timexes_in(sent.start, sent.end)
        .filter(|&t| states_year(&ctx.timexes[t].text))
        .filter_map(|t| timex_date(&ctx.timexes[t]).and_then(|d| d.year))
        .collect::<Vec<_>>();
    for (c, b) in cands.iter_mut().zip(best) {
        if let Some((_, t)) = b {
            let tx = &ctx.timexes[t];
            let mut date = timex_date(tx);
            // A day and month without a year were anchored on the document's date; when that
            // puts them after the document, and the sentence names one year, they belong to it.
            if let (Some(d), Some(p), [y]) = (date, ctx.published, years_stated.as_slice()) {
                if !states_year(&tx.text) && d.year.is_some() && d.year != Some(*y) && d > p {
                    date = PartialDate::checked(Some(*y), d.month, d.day).or(date);
                }
            }
            // "detained two students …, Human Rights Watch said today", "police said on
            // Tuesday": a date right after a verb of speaking dates the statement; the event
            // it reports is of that year, not necessarily of that day.
            if speech_date(sl(lower, ss, tx.span.start).trim_end()) {
                date = date.and_then(|d| d.year).map(PartialDate::y);
            }
            c.date = date;
            c.date_timex = Some(t);
            c.own_date = true;
        }
    }
    for (c, s) in cands.iter_mut().zip(shifted) {
        if let (None, Some((d, t))) = (c.date, s) {
            c.date = Some(d);
            c.date_timex = Some(t);
            c.own_date = true;
        }
    }
    anniversaries(ctx, sent, cands);
    // Participles joined without a verb of their own share one date: "at least 12 people were
    // killed and 70 injured when security forces opened fire on 18 March". Only acts of one
    // incident: "arrested and charged" may be days apart (the year only, in `inherit_dates`).
    let incident = |t: EventType| {
        matches!(
            t,
            EventType::Killing
                | EventType::Injury
                | EventType::Torture
                | EventType::Abduction
                | EventType::DeathInCustody
        )
    };
    let copy_date = |to: &mut Cand, from: &Cand| {
        to.date = from.date;
        to.date_timex = from.date_timex;
        to.own_date = from.own_date;
    };
    for i in 1..cands.len() {
        let between = sl(lower, cands[i - 1].trigger.end, cands[i].trigger.start);
        if !(incident(cands[i - 1].ty) && incident(cands[i].ty) && shares_verb_group(between)) {
            continue;
        }
        let (a, b) = cands.split_at_mut(i);
        let (x, y) = (&mut a[i - 1], &mut b[0]);
        match (x.date.is_some(), y.date.is_some()) {
            (true, false) => copy_date(y, x),
            (false, true) => copy_date(x, y),
            _ => {}
        }
    }
}

/// True when two participles are joined by "and" with at most a count or an adverb between and
/// no verb of their own ("killed and 70 injured", "killed and more than 100 seriously injured").
fn shares_verb_group(between: &str) -> bool {
    let ws: Vec<&str> = words(between).collect();
    ws.first() == Some(&"and")
        && !between.contains([',', ';', '.'])
        && ws.len() <= 5
        && !ws[1..].iter().any(|&w| {
            matches!(
                w,
                "was" | "were" | "is" | "are" | "has" | "have" | "had" | "been" | "later" | "then"
            ) || (w.len() > 4 && w.ends_with("ed"))
        })
}

/// The date of an event told as "N days (weeks, months, years) after" or "before" a dated one:
/// `gap` is the text between the time expression and the event's trigger (", two days after he
/// was"). Days and weeks keep the day, months the month, years the year, and only when `date` is
/// that fine.
fn offset_date(date: PartialDate, gap: &str) -> Option<PartialDate> {
    use casefile_timex::calendar::{add_days, add_months, Ymd};
    let rest = gap.trim_start_matches([' ', ',']);
    let mut ws = words(rest);
    let mut w = ws.next()?;
    if matches!(w, "just" | "only" | "about" | "some" | "nearly" | "almost") {
        w = ws.next()?;
    }
    let n: i64 = match w {
        "a" | "an" | "one" => 1,
        _ => {
            let (v, _, end) = numbers::parse_number(w, 0, w.len())?;
            if end != w.len() || v > 400 {
                return None;
            }
            v as i64
        }
    };
    let unit = ws.next()?;
    let sign = match ws.next()? {
        "after" => -1,
        "before" => 1,
        _ => return None,
    };
    // Only the verb group of the event may follow ("after he was", "before being").
    if ws.count() > 3 || rest.contains([',', ';']) {
        return None;
    }
    match (unit, date.year, date.month, date.day) {
        ("day" | "days" | "week" | "weeks", Some(y), Some(m), Some(d)) => {
            let per = if unit.starts_with("day") { 1 } else { 7 };
            let to = add_days(Ymd { y, m, d }, sign * n * per);
            PartialDate::checked(Some(to.y), Some(to.m), Some(to.d))
        }
        ("month" | "months", Some(y), Some(m), _) => {
            let (y, m) = add_months(y, m, (sign * n) as i32);
            PartialDate::checked(Some(y), Some(m), None)
        }
        ("year" | "years", Some(y), _, _) => Some(PartialDate::y(y + (sign * n) as i32)),
        _ => None,
    }
}

/// True when the words between a trigger and a later time expression end in a noun of an event
/// of its own and its preposition ("charged with inciting protests during a strike in December
/// 2011", "arrested over his role in the elections of 2019"): the date is that event's.
fn event_noun_owns_date(between: &str) -> bool {
    let mut ws = last_words(between, 2);
    let (Some(prep), Some(noun)) = (ws.next(), ws.next()) else {
        return false;
    };
    matches!(prep, "in" | "on" | "of" | "during")
        && matches!(
            noun,
            "strike"
                | "strikes"
                | "protest"
                | "protests"
                | "demonstration"
                | "demonstrations"
                | "election"
                | "elections"
                | "violence"
                | "unrest"
                | "riot"
                | "riots"
                | "clashes"
                | "uprising"
                | "massacre"
                | "war"
                | "conflict"
                | "crackdown"
                | "coup"
                | "referendum"
                | "events"
        )
}

/// True when the words between a trigger and a later time expression end in a participle that
/// describes a noun of its own ("charged under the law imposed in June 2020", "jailed over a post
/// published in 2019"): the date is that participle's, not the trigger's.
fn participle_owns_date(between: &str) -> bool {
    let ws: Vec<&str> = words(between).collect();
    let n = ws.len();
    // The participle stands within the last three words before the date ("imposed in", "published
    // on 5 May"), after at least a noun for it to describe.
    (n.saturating_sub(3)..n).any(|i| {
        let w = ws[i];
        let participle = (w.len() > 4 && w.ends_with("ed"))
            || matches!(w, "held" | "made" | "written" | "built" | "taken" | "given");
        participle
            && i >= 2
            && !matches!(
                ws[i - 1],
                "was"
                    | "were"
                    | "is"
                    | "are"
                    | "be"
                    | "been"
                    | "being"
                    | "has"
                    | "have"
                    | "had"
                    | "and"
                    | "or"
                    | "then"
                    | "later"
                    | "also"
                    | "not"
                    | "who"
                    | "which"
                    | "that"
            )
            && !ws[i - 1].ends_with("ly")
    })
}

/// True when what follows `gap` (from a time expression on) stands in a temporal clause opened
/// inside it: "In December, X
/// had asked for protection, but it was pending when he was killed" (the date is the main
/// clause's). Not when the clause closed before ("On 3 May, when police arrived, they arrested
/// him"), nor after a word of time, where "when" names the time itself ("September 11, 2012 was
/// a bloody day when …", "a flashpoint last month when …").
fn opens_subordinate_clause(gap: &str) -> bool {
    rfind_any_word(gap, list!["when", "while"]).is_some_and(|(p, w)| {
        !gap[p + w.len()..].contains([',', ';'])
            && !last_words(&gap[..p], 1).any(|t| {
                matches!(
                    t,
                    "day"
                        | "days"
                        | "night"
                        | "morning"
                        | "evening"
                        | "afternoon"
                        | "week"
                        | "month"
                        | "year"
                        | "years"
                        | "time"
                        | "moment"
                        | "date"
                        | "period"
                )
            })
    })
}

/// True when a relative clause with its own verb stands between a trigger and a date: "suspected
/// of supporting the TPLF, which parliament designated a terrorist organisation in May" dates the
/// designation, not the suspicion. Only a clause set off by a comma, on a thing: one on the
/// trigger's own noun ("a picket which the poet held in Almaty on 9 June") dates the event, and
/// one on its victims ("the killing of 44 civilians who were taken in July 1992") may.
fn relative_clause_owns_date(between: &str) -> bool {
    let Some(r) = between.rfind(", which ") else {
        return false;
    };
    words(&between[r + ", which ".len()..]).any(|w| {
        (w.len() > 4 && w.ends_with("ed"))
            || matches!(
                w,
                "was" | "were" | "had" | "made" | "took" | "held" | "gave"
            )
    })
}

/// True when a time expression writes its year in digits ("7 November 1997", "in 2012").
fn states_year(text: &str) -> bool {
    text.as_bytes().windows(4).enumerate().any(|(i, w)| {
        w.iter().all(u8::is_ascii_digit)
            && (i == 0 || !text.as_bytes()[i - 1].is_ascii_digit())
            && text
                .as_bytes()
                .get(i + 4)
                .is_none_or(|b| !b.is_ascii_digit())
    })
}

/// True when the clause after a death says harm done caused it: "died on Monday after police
/// beat him", "died following a beating", "died from the torture", not "died after a long
/// illness" or "of a heart attack".
fn harm_done_after(after: &str) -> bool {
    let clause = &after[..after.find(['.', ';']).unwrap_or(after.len()).min(120)];
    let ws: Vec<&str> = words(clause).collect();
    let Some(cause) = ws
        .iter()
        .position(|w| matches!(*w, "after" | "following" | "from" | "of"))
    else {
        return false;
    };
    ws[cause + 1..].iter().take(8).enumerate().any(|(i, w)| {
        // `ws[cause + i]` is the word before `w`. "ill-treatment" reads as "ill treatment".
        (HARM_WORDS.contains(w) && (i == 0 || ws[cause + i] != "heart"))
            || (*w == "treatment" && i > 0 && ws[cause + i] == "ill")
    })
}

/// True when the clause after "died" places the death where its victim was held: "died on 21
/// May 2021 in Penal Colony No. 17", "died at the police station", "died on Tuesday while in
/// custody". Not "died in hospital after his release from prison": the place must follow "in" or
/// "at" directly or after an article, within the first words of the clause.
fn held_where_died(after: &str) -> bool {
    let clause = &after[..after.find([';', '(']).unwrap_or(after.len()).min(90)];
    let ws: Vec<&str> = words(clause).take(12).collect();
    ws.iter().enumerate().any(|(i, w)| {
        matches!(*w, "in" | "at")
            && !ws[..i]
                .iter()
                .any(|p| matches!(*p, "after" | "of" | "from" | "following"))
            && {
                let place: Vec<&str> = ws[i + 1..]
                    .iter()
                    .copied()
                    .skip_while(|d| matches!(*d, "a" | "the" | "his" | "her" | "their"))
                    .take(2)
                    .collect();
                // "a police station", "police custody"; a station alone may be a railway's.
                // "pre-trial detention" reads as the words "pre" and "trial".
                place.iter().any(|p| HELD_PLACES.contains(p))
                    || matches!(
                        place[..],
                        ["police", "station" | "cell" | "cells"] | ["pre", "trial"]
                    )
            }
    })
}

/// Places where people are held, for [`held_where_died`].
const HELD_PLACES: &[&str] = &[
    "custody",
    "detention",
    "prison",
    "jail",
    "gaol",
    "colony",
    "cell",
    "cells",
    "remand",
    "penitentiary",
];

/// Words of harm done to a body, for [`harm_done_after`].
const HARM_WORDS: &[&str] = &[
    "beat",
    "beaten",
    "beating",
    "beatings",
    "tortured",
    "torture",
    "shot",
    "shooting",
    "stabbed",
    "stabbing",
    "attacked",
    "attack",
    "assaulted",
    "assault",
    "injuries",
    "wounds",
    "mutilation",
];

/// `text` without what stands in round brackets.
fn without_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for ch in text.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(ch),
            _ => {}
        }
    }
    out
}

/// True when the words before a "release" place it in time: "before his release", "since her
/// release", "after the release of X", "following Aasif Sultan's release" (not "calls for his
/// release", "pending his release").
fn release_in_time(before: &str) -> bool {
    let when = |w: &&str| {
        matches!(
            *w,
            "after" | "before" | "since" | "following" | "until" | "upon"
        )
    };
    let ws: Vec<&str> = last_words(before, 5).collect();
    match ws.first() {
        Some(&("his" | "her" | "their" | "the")) => ws.get(1).is_some_and(when),
        // A possessive name: "’s" is a word of its own, "'s" ends the name's last word.
        Some(&"s") => ws[1..].iter().take(4).any(when),
        Some(w) if w.ends_with("'s") => ws[1..].iter().take(3).any(when),
        _ => false,
    }
}

/// True when `between` (after an appeal's noun, up to a time expression) is the appeal's
/// outcome: "Their appeals were rejected in June", "his appeal was dismissed on 3 May". (Not for
/// other nouns: "the charges were dismissed in May" dates the dismissal, not the charges.)
fn appeal_decided(between: &str) -> bool {
    let ws: Vec<&str> = words(between).collect();
    match ws[..] {
        ["was" | "were", outcome] | ["was" | "were", outcome, "on" | "in"] => matches!(
            outcome,
            "rejected" | "dismissed" | "upheld" | "overturned" | "quashed" | "heard" | "granted"
        ),
        _ => false,
    }
}

/// True when a noun trigger is the subject of a verb of taking place and `between` (the words up
/// to a later time expression) ends in that verb and a short place phrase: "The trial of X,
/// editor of Y, opened today", "Her trial opened at the Kemir City Court on 2 June".
fn takes_place(between: &str) -> bool {
    let ws: Vec<&str> = words(between).collect();
    let Some(v) = ws.iter().rposition(|w| {
        matches!(
            *w,
            "opened"
                | "began"
                | "started"
                | "resumed"
                | "ended"
                | "concluded"
                | "occurred"
                | "happened"
                | "erupted"
        )
    }) else {
        return false;
    };
    let rest = &ws[v + 1..];
    // "an investigation into what happened to her on 28 March": the date is what happened's
    !(v > 0 && matches!(ws[v - 1], "what" | "which" | "that" | "who"))
        && rest.len() <= 6
        // ("behind closed doors" is a manner, not a verb)
        && rest
            .iter()
            .all(|w| !(w.len() > 4 && w.ends_with("ed")) || *w == "closed")
        && (rest.last().is_none_or(|w| {
            matches!(
                *w,
                "on" | "in" | "at" | "since" | "from" | "during" | "between"
            )
        })
            // "opened at the Brensk City Court yesterday": a place, then the date as an adverb
            || rest.first().is_some_and(|w| matches!(*w, "at" | "in"))
                && !between[between.rfind(ws[v]).unwrap_or(0)..].contains([',', ';']))
}

/// A noun trigger takes a later date only through a prepositional phrase with no verb between:
/// "a demonstration in Almaty, the capital, on 7 November", not "the killings, the group wrote
/// today".
fn noun_may_take_date(between: &str) -> bool {
    let last = words(between).next_back();
    let prepositional = match last {
        None => true,
        Some(w) => matches!(
            w,
            "on" | "in" | "since" | "from" | "during" | "at" | "until" | "of" | "between"
        ),
    };
    prepositional
        && !words(between).any(|w| {
            w.len() > 4 && w.ends_with("ed") && !matches!(w, "held" | "based" | "called" | "named")
        })
}

fn same_victims(a: &Cand, b: &Cand, ctx: &Ctx) -> Option<bool> {
    if a.victims.is_empty() || b.victims.is_empty() {
        return None;
    }
    Some(a.victims.iter().any(|&x| {
        b.victims
            .iter()
            .any(|&y| surname_key(&ctx.mentions[x].text) == surname_key(&ctx.mentions[y].text))
    }))
}

/// True when two mentions name one person as far as one event can tell: the same surname, and
/// one name is the other or ends it ("Kozlov", "Mr Vladimir Kozlov" and "Vladimir Kozlov"). Two
/// full names with different given names are two people ("Ali Khan and Sara Khan").
fn one_name(a: &str, b: &str) -> bool {
    if surname_key(a) != surname_key(b) {
        return false;
    }
    let words = |s: &str| -> Vec<String> {
        s.trim()
            .trim_end_matches("'s")
            .trim_end_matches("\u{2019}s")
            .split_whitespace()
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    wa.ends_with(&wb) || wb.ends_with(&wa)
}

fn surname_key(name: &str) -> String {
    let n = name
        .trim()
        .trim_end_matches("'s")
        .trim_end_matches("\u{2019}s");
    n.rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or(n)
        .to_lowercase()
}

/// Folds `from` into `into`: participants, and details `into` lacks.
fn absorb(into: &mut Cand, from: &Cand) {
    // What `from` adds below is stated in its passages, which become evidence of `into`.
    for s in std::iter::once(from.sentence).chain(from.restated.iter().copied()) {
        if s != into.sentence && !into.restated.contains(&s) {
            into.restated.push(s);
        }
    }
    for &v in &from.victims {
        if !into.victims.contains(&v) {
            into.victims.push(v);
        }
    }
    for &o in &from.others {
        if !into.others.contains(&o) {
            into.others.push(o);
        }
    }
    // A restatement may know the day the first statement gives the year of ("the second
    // anniversary of X being detained" and "arrested on April 11 2019"): the finer date, when
    // it agrees.
    let refines = match (into.date, from.date) {
        (Some(a), Some(b)) => {
            from.own_date
                && a.year.is_some()
                && a.year == b.year
                && (a.month.is_none() && b.month.is_some()
                    || a.month == b.month && a.day.is_none() && b.day.is_some())
        }
        _ => false,
    };
    if (into.date.is_none() || (!into.own_date && from.own_date) || refines) && from.date.is_some()
    {
        into.date = from.date;
        into.date_timex = from.date_timex;
        into.own_date = from.own_date;
    }
    if into.location.is_none() {
        into.location = from.location;
    }
    for &l in &from.legal {
        if !into.legal.contains(&l) {
            into.legal.push(l);
        }
    }
    for ch in &from.charges {
        if !into.charges.contains(ch) {
            into.charges.push(ch.clone());
        }
    }
    if into.term.is_none() {
        into.term = from.term.clone();
    }
    if into.count.is_none() {
        into.count = from.count;
    }
}

/// One event per event within a sentence: "found guilty and sentenced", "beaten, ill-treated and
/// humiliated", "missing … whose whereabouts remain unknown".
fn merge_in_sentence(cands: &mut Vec<Cand>) {
    let mut i = 0;
    while i < cands.len() {
        let mut j = i + 1;
        while j < cands.len() {
            let (a, b) = (&cands[i], &cands[j]);
            let victims_ok = match (a.victims.is_empty(), b.victims.is_empty()) {
                (false, false) => a.victims.iter().any(|v| b.victims.contains(v)),
                _ => true,
            };
            let terms_ok = match (&a.term, &b.term) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            };
            if compatible_types(a.ty, b.ty)
                && victims_ok
                && terms_ok
                && dates_compatible(a.date, b.date)
                && a.negated == b.negated
            {
                let b = cands.remove(j);
                let a = &mut cands[i];
                absorb(a, &b);
                // An act the sentence asserts stays asserted when it also tells of allegations
                // about it ("sanctioned two months of pre-trial detention for X and called for
                // an investigation into his allegations about … his detention").
                if a.modality == Modality::Asserted && b.modality != Modality::Alleged {
                    a.modality = b.modality;
                }
            } else {
                j += 1;
            }
        }
        i += 1;
    }
}

/// Legal provisions of a sentence go to its nearest legal-type event: the one before them
/// ("charged under Article 318"), else the first after; provisions the state is said to violate
/// or to have ratified are not a basis.
fn assign_legal_basis(ctx: &Ctx, all: &mut [Cand]) {
    let lower = ctx.lower.as_str();
    let mut start = 0;
    while start < all.len() {
        let si = all[start].sentence;
        let end = start + all[start..].iter().take_while(|c| c.sentence == si).count();
        let sent = ctx.sentences[si];
        for m in ctx.mentions_in(sent.start, sent.end) {
            if !ctx.is(m, EntityType::LegalProvision) {
                continue;
            }
            let ms = ctx.mentions[m].span.start;
            let lead = sl(lower, sent.start.max(ms.saturating_sub(45)), ms);
            // A quoted charge before the provision is the charge's wording, not a violation
            // alleged by the writer: "for \"organising actions that grossly violate public
            // order\" under Article 342".
            let lead = lead.rsplit(['"', '\u{201d}']).next().unwrap_or(lead);
            if [
                "violat",
                "ratif",
                "guarantee",
                "enshrine",
                "contrary to",
                "breach",
                "obligations",
            ]
            .iter()
            .any(|w| lead.contains(w))
            {
                continue;
            }
            let group = &mut all[start..end];
            let target = group
                .iter()
                .rposition(|c| takes_legal_basis(c.ty) && c.trigger.end <= ms)
                .or_else(|| group.iter().position(|c| takes_legal_basis(c.ty)));
            if let Some(t) = target {
                if !group[t].legal.contains(&m) {
                    group[t].legal.push(m);
                }
            }
        }
        start = end;
    }
}

/// Dates for events the text dates only by context: the year of a dated event beside it in the
/// sentence ("detained on 27 February … and charged"), else the year of the last sentence of its
/// paragraph with a dated event or a stated year; calls take the document's own date.
fn inherit_dates(ctx: &Ctx, all: &mut [Cand]) {
    // Same-sentence siblings: year only.
    fill_sentence_years(&ctx.lower, all, |c| c.own_date && !is_call(c.ty));
    // Calls: the document's date.
    for c in all.iter_mut() {
        if is_call(c.ty) && c.date.is_none() {
            c.date = ctx.published;
        }
    }
    // Paragraph: the year of the nearest earlier sentence of the paragraph with a dated event
    // or a stated year.
    // (paragraph, sentence, year, from a sentence without events)
    let mut sentence_year: Vec<(usize, usize, i32, bool)> = Vec::new();
    let mut i = 0;
    let mut next_plain = 0;
    while i < all.len() {
        let si = all[i].sentence;
        let end = i + all[i..].iter().take_while(|c| c.sentence == si).count();
        let para = ctx.paragraph[si];
        // A sentence without events that states a year ("On 28 December 2021 he posted a
        // video.") sets the time of the paragraph's next sentences as a dated event does.
        for (sj, sent) in ctx.sentences.iter().enumerate().take(si).skip(next_plain) {
            if let Some(y) = stated_year(ctx, *sent, false) {
                sentence_year.push((ctx.paragraph[sj], sj, y, true));
            }
        }
        next_plain = si + 1;
        // A sentence that states another year of its own does not tell of an earlier
        // sentence's time ("In 2010 … However, the following year … allegations of torture were
        // received": not 2010), and its own rules left its events undated.
        let inherited = sentence_year
            .iter()
            .rev()
            .take_while(|(p, s, _, plain)| *p == para || (*plain && *p + 1 == para && *s + 1 == si))
            .map(|&(_, _, y, _)| y)
            .next()
            .filter(|y| stated_year(ctx, ctx.sentences[si], true).is_none_or(|own| own == *y));
        if let Some(y) = inherited {
            for c in &mut all[i..end] {
                if c.date.is_none() && !since_then(ctx, c) {
                    c.date = Some(PartialDate::y(y));
                }
            }
        }
        if let Some(y) = all[i..end].iter().find_map(|c| c.date.and_then(|d| d.year)) {
            sentence_year.push((para, si, y, false));
        }
        i = end;
    }
}

/// True when the trigger's verb group says "since" ("At least 150 of its members have since been
/// imprisoned"): what happened over the years after a time told before, on no date of its own.
fn since_then(ctx: &Ctx, c: &Cand) -> bool {
    // Within the trigger's sentence: "… not been heard of since. Police arrested X" is no
    // "since" of the arrest.
    let from = c
        .trigger
        .start
        .saturating_sub(30)
        .max(ctx.sentences[c.sentence].start);
    last_words(sl(&ctx.lower, from, c.trigger.start), 3).any(|w| w == "since")
}

/// The year a sentence states for the time it tells of: a written year or a day of a month named
/// in words (with `counted`, also a year counted in words: "the following year", "last year"),
/// outside a relative clause and not modifying a noun; `None` for a photo's caption or credit,
/// which dates the picture, not the story.
fn stated_year(ctx: &Ctx, sent: Span, counted: bool) -> Option<i32> {
    if has_any_word(
        sl(&ctx.lower, sent.start, sent.end),
        list!["photo", "photos", "image", "images", "pictured"],
    ) {
        return None;
    }
    ctx.timexes[ctx.timexes_in(sent.start, sent.end)]
        .iter()
        .filter(|t| {
            (states_year(&t.text)
                || names_day_of_month(t)
                || (counted
                    && has_any_word(sl(&ctx.lower, t.span.start, t.span.end), list!["year"])))
                && !in_relative_clause(ctx, sent.start, t)
                && !modifies_noun(ctx, sent.start, t)
        })
        .find_map(|t| timex_date(t).and_then(|d| d.year))
}

/// True when `t` stands between an article and its noun ("the root causes of the 2015 crisis"):
/// it dates that noun, not the time the paragraph tells of.
fn modifies_noun(ctx: &Ctx, sent_start: usize, t: &Timex) -> bool {
    let pre = sl(&ctx.lower, sent_start, t.span.start);
    last_words(pre, 1)
        .next()
        .is_some_and(|w| matches!(w, "the" | "a" | "an"))
}

/// True when a time expression names a month in words and a day of it ("On 9 August", "on 1
/// February"): its year, read from the document's date, is as firm as a written one.
fn names_day_of_month(t: &Timex) -> bool {
    timex_date(t).is_some_and(|d| d.year.is_some() && d.month.is_some() && d.day.is_some())
        && t.text
            .to_ascii_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| casefile_text::month_number(w).is_some())
}

/// True when `t` lies in a relative clause about a noun ("the Covenant, which Kazakhstan ratified
/// in 2005, …"): it dates that noun, not the time of the paragraph.
fn in_relative_clause(ctx: &Ctx, sent_start: usize, t: &Timex) -> bool {
    let pre = sl(&ctx.lower, sent_start, t.span.start);
    [", which ", ", who ", ", whose ", ", where "]
        .iter()
        .filter_map(|w| pre.rfind(w).map(|p| p + w.len()))
        .max()
        .is_some_and(|p| !pre[p..].contains(','))
}

/// An event still undated after the tense and relative-expression rules takes the year those
/// rules gave an event of its own sentence ("have been arrested for kidnapping a worker": the
/// kidnapping is as recent as the arrest the sentence reports), as with a sibling's own date.
fn sibling_years(ctx: &Ctx, all: &mut [Cand]) {
    fill_sentence_years(&ctx.lower, all, |c| !is_call(c.ty) && !c.negated);
}

/// Within each sentence, the year of the first event that `donor` accepts dates that sentence's
/// undated events (calls excepted: they take the document's date). `all` is in sentence order.
/// A step against a person does not take the year of the act it is for ("charged with inciting
/// protests during a strike in December 2011": the charge came later).
fn fill_sentence_years(lower: &str, all: &mut [Cand], donor: impl Fn(&Cand) -> bool) {
    let mut start = 0;
    while start < all.len() {
        let si = all[start].sentence;
        let end = start + all[start..].iter().take_while(|c| c.sentence == si).count();
        // The donors as they stand before any of the sentence's events is filled.
        let donors: Vec<(usize, i32)> = (start..end)
            .filter(|&d| donor(&all[d]))
            .filter_map(|d| all[d].date.and_then(|x| x.year).map(|y| (d, y)))
            .collect();
        for r in start..end {
            if all[r].date.is_some() || is_call(all[r].ty) {
                continue;
            }
            // Nor does the act take the year of the step that names it as its offence
            // ("convicted on 22 September 2017 five officers for killing X": not a 2017 killing).
            let year = donors
                .iter()
                .find(|&&(d, _)| {
                    let act_of_step = is_case_step(all[d].ty)
                        && (names_offence(lower, &all[d], &all[r])
                            || named_as_offence(lower, &all[d], &all[r]));
                    // "detained for more than five years before his release in February 2024":
                    // years apart.
                    let (a, b) = if all[r].trigger.start < all[d].trigger.start {
                        (all[r].trigger.end, all[d].trigger.start)
                    } else {
                        (all[d].trigger.end, all[r].trigger.start)
                    };
                    let between = sl(lower, a, b.max(a));
                    let years_apart = has_any_word(between, list!["years", "months"])
                        && has_any_word(between, list!["before", "after", "until"]);
                    !is_offence_of(lower, &all[r], &all[d]) && !act_of_step && !years_apart
                })
                .map(|&(_, y)| y);
            if let Some(y) = year {
                all[r].date = Some(PartialDate::y(y));
            }
        }
        start = end;
    }
}

/// A word that makes what follows it the offence of a case step ("charged with", "arrested
/// for", "convicted of", "jailed over").
fn introduces_offence(w: &str) -> bool {
    matches!(w, "with" | "for" | "of" | "over")
}

/// True when `act` comes after `step` right after an [`introduces_offence`] word ("convicted
/// five officers for killing X"): the act is what the step is for.
fn names_offence(lower: &str, step: &Cand, act: &Cand) -> bool {
    act.trigger.start >= step.trigger.end
        && last_words(sl(lower, step.trigger.end, act.trigger.start), 1)
            .next()
            .is_some_and(introduces_offence)
}

/// True when `act` comes after `step` as the object of an offence told by a verb in -ing after an
/// [`introduces_offence`] word, in the same clause ("convicted them of organizing or participating
/// in the Zhanaozen protests"): the act is what the step is for, and older than it.
fn named_as_offence(lower: &str, step: &Cand, act: &Cand) -> bool {
    if act.trigger.start < step.trigger.end {
        return false;
    }
    let before = sl(lower, step.trigger.end, act.trigger.start);
    let clause = &before[before.rfind([',', ';', ':', '(']).map_or(0, |p| p + 1)..];
    let near: Vec<&str> = last_words(clause, 8).collect();
    near.windows(2)
        .any(|w| w[0].len() > 4 && w[0].ends_with("ing") && introduces_offence(w[1]))
}

/// True when `act` is what the step `step` is for: it follows the step's trigger after "with",
/// "for", "of" or "over" ("charged with inciting protests", "arrested for the killing of").
fn is_offence_of(lower: &str, step: &Cand, act: &Cand) -> bool {
    use EventType as T;
    let step_against_person = |t: T| {
        matches!(
            t,
            T::Charge | T::Trial | T::Conviction | T::Appeal | T::Arrest | T::Detention
        )
    };
    step_against_person(step.ty)
        && !step_against_person(act.ty)
        && !matches!(
            act.ty,
            T::Release | T::Pardon | T::Acquittal | T::Investigation
        )
        && act.trigger.start >= step.trigger.end
        && words(sl(lower, step.trigger.end, act.trigger.start))
            .next()
            .is_some_and(introduces_offence)
}

/// An undated event told in the present perfect or present ("has been arrested", "remains in
/// detention") happened shortly before the document: it takes the document's year, nothing finer.
fn recent_by_tense(ctx: &Ctx, all: &mut [Cand]) {
    let Some(year) = ctx.published.and_then(|d| d.year) else {
        return;
    };
    for c in all.iter_mut() {
        if c.date.is_some() || is_call(c.ty) || since_then(ctx, c) {
            continue;
        }
        let sent = ctx.sentences[c.sentence];
        let before = sl(
            &ctx.lower,
            sent.start.max(c.trigger.start.saturating_sub(40)),
            c.trigger.start,
        );
        let group: Vec<&str> = last_words(before, 4).collect();
        // "who's been held", "they’ve been charged": the contracted auxiliary is a word of its
        // own after a curly apostrophe, the end of the word after a straight one.
        let perfect_aux = |w: &str| {
            matches!(w, "has" | "have" | "s" | "ve") || w.ends_with("'s") || w.ends_with("'ve")
        };
        // "claiming to have been tortured", "may have been beaten": a perfect infinitive or a
        // modal's perfect tells of some past time, not of the present.
        let not_finite = |w: Option<&&str>| {
            w.is_some_and(|w| {
                matches!(
                    *w,
                    "to" | "may" | "might" | "could" | "would" | "should" | "must" | "will"
                )
            })
        };
        let present = group.windows(2).take(2).enumerate().any(|(k, w)| {
            (perfect_aux(w[1]) && w[0] == "been" && !not_finite(group.get(k + 2)))
                || matches!((w[1], w[0]), ("is" | "are", "being" | "still"))
        }) || group
            .first()
            .is_some_and(|w| matches!(*w, "remains" | "remain"))
            || (c.kind == Kind::Verb
                && group.first().is_some_and(|w| matches!(*w, "has" | "have")));
        // A headline tells the news in the present ("Police detain reporter", "Journalist
        // arrested"): recent, unless it names a time of its own.
        let headline = ctx.title[c.sentence]
            && ctx.timexes[ctx.timexes_in(sent.start, sent.end)].is_empty()
            && !c.negated;
        if present || headline {
            c.date = Some(PartialDate::y(year));
        }
    }
}

/// An undated event whose sentence dates something by the document's own date ("prompting a
/// crackdown last week", "protests on Monday led to arrests") happened that year: it takes the
/// year, nothing finer, since the expression may date a neighbouring event. Only expressions that
/// state no year of their own count: "in 1984" in the same sentence is background, not the news.
fn year_of_relative_timex(ctx: &Ctx, all: &mut [Cand]) {
    for c in all.iter_mut() {
        if c.date.is_some() || is_call(c.ty) || c.negated {
            continue;
        }
        let sent = ctx.sentences[c.sentence];
        let year = ctx.timexes[ctx.timexes_in(sent.start, sent.end)]
            .iter()
            .filter(|t| {
                // "said today" dates the statement, not the event.
                let l = t.text.to_ascii_lowercase();
                !states_year(&t.text) && !l.contains("today") && !l.contains("now")
            })
            // "In December, X had asked for protection, but it was pending when he was killed":
            // a date before a subordinate clause dates the main clause only.
            .filter(|t| {
                t.span.end > c.trigger.start
                    || !opens_subordinate_clause(sl(&ctx.lower, t.span.start, c.trigger.start))
            })
            .find_map(|t| timex_date(t).and_then(|d| d.year));
        if let Some(y) = year {
            c.date = Some(PartialDate::y(y));
        }
    }
}

/// A conviction, trial or appeal takes the legal basis of the charge against the same person.
fn propagate_legal_basis(ctx: &Ctx, all: &mut [Cand]) {
    for i in 0..all.len() {
        if !matches!(
            all[i].ty,
            EventType::Conviction | EventType::Trial | EventType::Appeal
        ) || !all[i].legal.is_empty()
        {
            continue;
        }
        let basis = all
            .iter()
            .filter(|c| c.ty == EventType::Charge && !c.legal.is_empty())
            .find(|c| same_victims(c, &all[i], ctx) == Some(true))
            .map(|c| c.legal.clone());
        if let Some(b) = basis {
            all[i].legal = b;
        }
    }
}

fn unit_matches(unit: &str, t: EventType) -> bool {
    use EventType as T;
    matches!(
        (unit, t),
        ("killed", T::Killing | T::DeathInCustody)
            | ("injured", T::Injury)
            | ("arrested" | "detained", T::Arrest | T::Detention)
            | ("criminal_cases" | "charged", T::Charge)
            | ("tried", T::Trial)
            | ("convicted", T::Conviction)
            | ("abducted", T::Abduction)
            | ("disappeared", T::Disappearance)
            | ("tortured", T::Torture)
            | ("released", T::Release)
    )
}

/// Unnamed victims: "at least 15 oil workers were murdered" → 15.
fn count_victims(found: &[claims::Found], all: &mut [Cand]) {
    for c in all.iter_mut() {
        if !c.victims.is_empty() {
            continue;
        }
        c.count = found
            .iter()
            .filter(|f| f.sentence == c.sentence && unit_matches(&f.claim.unit, c.ty))
            .min_by_key(|f| f.number.start.abs_diff(c.trigger.start))
            .map(|f| f.claim.quantity)
            .or(c.count);
    }
}

/// What a statement says of its event before a join: [`guessed_join`] compares against it.
struct OwnFacts {
    place: Option<usize>,
    date: Option<PartialDate>,
    others: usize,
    legal: usize,
    charges: usize,
    term: bool,
    count: bool,
    restated: usize,
}

impl Cand {
    fn facts(&self) -> OwnFacts {
        OwnFacts {
            place: self.location,
            date: self.date,
            others: self.others.len(),
            legal: self.legal.len(),
            charges: self.charges.len(),
            term: self.term.is_some(),
            count: self.count.is_some(),
            restated: self.restated.len(),
        }
    }
}

/// "was released on bail yesterday after spending five months in detention": a detention whose
/// length the sentence states, ended by a release the sentence dates, began that long before the
/// release. The arithmetic keeps the precision the text allows: months and years from a release
/// known to the month give a month, days and weeks from a release known to the day give a day.
/// A hedged length ("nearly five months", "over two years") gives nothing.
fn time_served(ctx: &Ctx, all: &mut [Cand]) {
    use casefile_timex::calendar::{add_days, add_months, Ymd};
    for i in 0..all.len() {
        let c = &all[i];
        if c.ty != EventType::Detention || c.own_date {
            continue;
        }
        let start = ctx.sentences[c.sentence].start;
        let Some((months, days)) = length_served(&ctx.lower, start, c.trigger.start)
            .and_then(numbers::Length::months_or_days)
        else {
            continue;
        };
        let release = all.iter().find(|r| {
            r.sentence == c.sentence
                && r.ty == EventType::Release
                && r.own_date
                && !r.negated
                && r.modality == Modality::Asserted
        });
        let Some((Some(end), timex)) = release.map(|r| (r.date, r.date_timex)) else {
            continue;
        };
        let began = match (end.year, end.month, end.day) {
            (Some(y), Some(m), Some(d)) if months == 0 => i64::try_from(days).ok().and_then(|n| {
                let b = add_days(Ymd { y, m, d }, -n);
                PartialDate::ymd(b.y, b.m, b.d)
            }),
            (Some(y), Some(m), _) if days == 0 => i32::try_from(months).ok().and_then(|n| {
                let (by, bm) = add_months(y, m, -n);
                PartialDate::ym(by, bm)
            }),
            _ => None,
        };
        if let Some(began) = began {
            let c = &mut all[i];
            c.date = Some(began);
            c.date_timex = timex;
            c.own_date = true;
        }
    }
}

/// The length of time stated right before a detention trigger at `trigger` ("after spending
/// five months in", "after three days" before "behind bars").
fn length_served(lower: &str, sentence_start: usize, trigger: usize) -> Option<numbers::Length> {
    let mut before = lower.get(sentence_start..trigger)?.trim_end();
    for modifier in [" pre-trial", " pretrial", " police", " administrative"] {
        before = before.strip_suffix(modifier).unwrap_or(before);
    }
    before = before.strip_suffix(" in").unwrap_or(before);
    let end = sentence_start + before.len();
    // The length's first word: at most five words back ("seven and a half years").
    let mut starts = Vec::new();
    let mut at = before.len();
    while starts.len() < 5 {
        let Some(space) = before[..at].trim_end().rfind(' ') else {
            break;
        };
        starts.push(space + 1);
        at = space;
    }
    for &ws in starts.iter().rev() {
        let Some((length, stop)) = numbers::parse_length(lower, sentence_start + ws, end) else {
            continue;
        };
        if stop != end {
            continue;
        }
        let lead = before[..ws].trim_end();
        let lead_word = lead.rsplit(' ').next().unwrap_or("");
        if !matches!(
            lead_word,
            "after" | "following" | "spending" | "spent" | "serving" | "served"
        ) {
            return None;
        }
        return Some(length);
    }
    None
}

/// After a join made on the type alone: the event keeps its own place, and a date it took from
/// the other is kept to its year (the guess is good enough for a year, not for a day). The other
/// statement's passages stay its evidence only when it gave the event something (a year, a
/// participant, a law, a count): a guess that added nothing is not offered as a source.
fn guessed_join(c: &mut Cand, own: OwnFacts) {
    c.location = own.place;
    let dated = c.date != own.date;
    if dated {
        c.date = c.date.and_then(|d| d.year).map(PartialDate::y);
        c.own_date = false;
    }
    let gave = dated
        || c.others.len() > own.others
        || c.legal.len() > own.legal
        || c.charges.len() > own.charges
        || (c.term.is_some() && !own.term)
        || (c.count.is_some() && !own.count);
    if !gave {
        c.restated.truncate(own.restated);
    }
}

/// One event per real event in the document: restatements are folded into the first statement,
/// and the most informative passage is kept as evidence.
fn dedupe(ctx: &Ctx, all: Vec<Cand>) -> Vec<Cand> {
    let mut kept: Vec<Cand> = Vec::new();
    for c in all {
        let mut target = None;
        let mut weak = false;
        for (k, e) in kept.iter().enumerate().rev() {
            // "refused to open a case into the beatings": the beating told before, in custody,
            // though this sentence names no custody.
            let beating_told_before =
                c.anaphoric && c.ty == EventType::Injury && e.ty == EventType::Torture;
            // A trial due in March is not the trial held in May.
            if !(compatible_types(e.ty, c.ty) || beating_told_before)
                || e.negated != c.negated
                || (e.modality == Modality::Scheduled) != (c.modality == Modality::Scheduled)
            {
                continue;
            }
            if !dates_compatible(e.date, c.date) {
                continue;
            }
            if let (Some(a), Some(b)) = (e.count, c.count) {
                if a != b {
                    continue;
                }
            }
            // Two prison terms are two sentences.
            if let (Some(a), Some(b)) = (&e.term, &c.term) {
                if a != b {
                    continue;
                }
            }
            let dup = match same_victims(e, &c, ctx) {
                Some(same) => same,
                None => {
                    let both_empty = e.victims.is_empty() && c.victims.is_empty();
                    let loc_ok = match (e.location, c.location) {
                        (Some(a), Some(b)) => ctx.mentions[a]
                            .text
                            .eq_ignore_ascii_case(&ctx.mentions[b].text),
                        _ => true,
                    };
                    (both_empty && loc_ok)
                        || (ctx.title[e.sentence] && e.victims.is_empty())
                        || (ctx.title[c.sentence] && c.victims.is_empty())
                        || is_call(c.ty)
                        // "condemned the killing and said Banaag was the fourth journalist
                        // killed": the killing told before, whose victim was not named there.
                        || (c.anaphoric && (c.victims.is_empty() || e.victims.is_empty()))
                }
            };
            if dup {
                // Two events that name no one, told in different paragraphs, are joined on
                // their type alone: a guess good enough for a date, not for a place (a count
                // of "35,000 arrested" across a country is not made local by a later arrest of
                // "an activist in Moscow").
                weak = e.victims.is_empty()
                    && c.victims.is_empty()
                    && ctx.paragraph[e.sentence] != ctx.paragraph[c.sentence]
                    && !ctx.title[e.sentence]
                    && !ctx.title[c.sentence]
                    && !is_call(c.ty)
                    && !c.anaphoric;
                target = Some(k);
                break;
            }
        }
        match target {
            Some(k) => {
                let e = &mut kept[k];
                if c.info(ctx) > e.info(ctx) {
                    let mut c = c;
                    let own = c.facts();
                    absorb(&mut c, e);
                    if weak {
                        guessed_join(&mut c, own);
                    }
                    if e.ty == EventType::Arrest && c.ty == EventType::Detention {
                        c.ty = EventType::Arrest;
                    }
                    *e = c;
                } else {
                    let own = e.facts();
                    absorb(e, &c);
                    if weak {
                        guessed_join(e, own);
                    }
                }
            }
            None => kept.push(c),
        }
    }
    kept.sort_by_key(|c| c.trigger.start);
    kept
}

#[cfg(test)]
mod tests;
