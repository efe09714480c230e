//! casefile's types, defined once and shared by every stage of the pipeline.
//!
//! Two views of the same facts live here:
//! - the **per-document analysis** ([`AnalyzedDocument`]): one document flows through the readers,
//!   each adding a layer (sentences, mentions, time expressions, events, claims). Every fact carries a
//!   [`Span`] of *byte* offsets into the document's clean text, which is what Rust slices by.
//! - the **knowledge base** ([`KnowledgeBase`]): what resolution makes of all analyses together, one
//!   entity per real-world entity and one event per real-world event, with [`Evidence`] given in
//!   *character* (Unicode scalar value) offsets, which is what JSON consumers (Python, JavaScript
//!   after conversion) index by. The export and the scorers read this view.

mod date;
mod kb;
mod offsets;
mod review;

pub use date::{PartialDate, PartialDateError};
pub use kb::{
    ClaimRecord, DocumentRecord, Entity, EntityId, EntityMention, Event, EventId, Evidence,
    KnowledgeBase, Participant,
};
pub use offsets::CharIndex;
pub use review::{Review, ReviewAction, ReviewAnchor, ReviewInput};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::fmt;

/// A document's identity: the first 16 hex digits of the SHA-256 of its raw bytes.
///
/// Content-derived so that re-ingesting the same bytes from anywhere is recognised as the same
/// document, and so that two machines give the same id without coordination.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocumentId(pub String);

impl DocumentId {
    /// The id of a document with these raw bytes.
    pub fn from_content(raw: &[u8]) -> Self {
        let digest = Sha256::digest(raw);
        DocumentId(hex::encode(&digest[..8]))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A half-open range of byte offsets `[start, end)` into a document's clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes). Panics in debug builds when `end < start`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span end before start: {start}..{end}");
        Span { start, end }
    }

    /// The text the span covers, or `None` when it is out of range or not on char boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The format a document arrived in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Plain text.
    Text,
    /// Markdown, read as text with its markup removed.
    Markdown,
    /// HTML, reduced to its main content.
    Html,
    /// PDF, from its text layer.
    Pdf,
}

impl SourceFormat {
    /// The lowercase name used in the store and the export.
    pub fn as_str(&self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Markdown => "markdown",
            SourceFormat::Html => "html",
            SourceFormat::Pdf => "pdf",
        }
    }
}

/// A metadata field a person can supply or correct.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetaField {
    /// The headline.
    Title,
    /// The issuing organisation.
    Publisher,
    /// The publication date.
    Published,
    /// The document's own reference number.
    Reference,
    /// Where the document was obtained.
    SourceUrl,
}

/// What is known about a document besides its text.
///
/// Every field is `None` when neither the document nor the user says it: in particular the
/// publication date is never guessed from the clock or the file's modification time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// The headline.
    pub title: Option<String>,
    /// The organisation that issued the document.
    pub publisher: Option<String>,
    /// The publication date, at the granularity the document states.
    pub published: Option<PartialDate>,
    /// The issuer's reference number, e.g. `EUR 57/05/98`.
    pub reference: Option<String>,
    /// Where the document was obtained, when known.
    pub source_url: Option<String>,
    /// The fields whose value a person supplied (sidecar file or command-line flag) rather than
    /// casefile read from the document.
    #[serde(default)]
    pub supplied: BTreeSet<MetaField>,
}

/// A document as ingested: identity, origin, metadata and clean text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Content hash of the raw bytes.
    pub id: DocumentId,
    /// The path (or name) it was ingested from.
    pub source: String,
    /// The format it arrived in.
    pub format: SourceFormat,
    /// Title, publisher, date, reference.
    pub meta: DocumentMeta,
    /// The clean text every span points into: boilerplate removed, paragraphs separated by a blank
    /// line.
    pub text: String,
}

/// The kinds of entity casefile recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    /// A person.
    Person,
    /// An organisation: party, ministry, court, NGO, company, newspaper.
    Organization,
    /// A place: country, region, city, building.
    Location,
    /// A provision of law: "Article 318 of the Criminal Code".
    LegalProvision,
    /// Another named thing (nationalities, events); recognised, not scored.
    Misc,
}

impl EntityType {
    /// The snake_case name used in the store and the export.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Location => "location",
            EntityType::LegalProvision => "legal_provision",
            EntityType::Misc => "misc",
        }
    }
}

/// The structure of a legal provision mention.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LegalRef {
    /// The instrument: "Criminal Code", "Convention against Torture", "Law on Mass Media".
    pub instrument: Option<String>,
    /// The article number as written: "318", "2".
    pub article: String,
    /// Part or paragraph, when stated: "3" in "Article 2(3)".
    pub part: Option<String>,
    /// The jurisdiction, when stated: "Kazakhstan".
    pub jurisdiction: Option<String>,
}

/// A stretch of text naming an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Where it stands.
    pub span: Span,
    /// The surface form, exactly as in the text.
    pub text: String,
    /// What kind of entity it names.
    pub entity_type: EntityType,
    /// For a place: the ISO 3166-1 alpha-2 code of its country, when known.
    pub country: Option<String>,
    /// For a legal provision: its structure.
    pub legal: Option<LegalRef>,
}

/// TimeML's four kinds of time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period: "8 April 1998", "last November".
    Date,
    /// A time of day: "3 p.m.".
    Time,
    /// A length of time: "seven and a half years".
    Duration,
    /// A recurrence: "every week".
    Set,
}

/// A time expression with its TimeML value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// Where it stands.
    pub span: Span,
    /// The surface form.
    pub text: String,
    /// Its TimeML type.
    pub timex_type: TimexType,
    /// Its TimeML value (`1998-04-07`, `XXXX-01-09`, `P7Y6M`, `PAST_REF`).
    pub value: String,
}

/// The event vocabulary of `FORMAT.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    /// Taken into custody.
    Arrest,
    /// Held in custody.
    Detention,
    /// Formally accused.
    Charge,
    /// Tried in court.
    Trial,
    /// Found guilty, sentenced.
    Conviction,
    /// Found not guilty.
    Acquittal,
    /// An appeal heard or decided.
    Appeal,
    /// Set free.
    Release,
    /// Pardoned or amnestied.
    Pardon,
    /// Torture or other ill-treatment, alleged or established.
    Torture,
    /// Killed.
    Killing,
    /// Died in custody.
    DeathInCustody,
    /// Disappeared; whereabouts unknown.
    Disappearance,
    /// Injured.
    Injury,
    /// A demonstration, picket or strike.
    Protest,
    /// Kidnapping by non-state actors.
    Abduction,
    /// A newspaper closed, a site blocked, a broadcast banned.
    MediaRestriction,
    /// Threats, surveillance, intimidation.
    Harassment,
    /// A law passed or proposed.
    Legislation,
    /// An official investigation.
    Investigation,
    /// A call for someone's release.
    CallForRelease,
    /// A call for an investigation.
    CallForInvestigation,
    /// Anything else worth recording.
    Other,
}

impl EventType {
    /// Every event type, in vocabulary order.
    pub const ALL: [EventType; 23] = [
        EventType::Arrest,
        EventType::Detention,
        EventType::Charge,
        EventType::Trial,
        EventType::Conviction,
        EventType::Acquittal,
        EventType::Appeal,
        EventType::Release,
        EventType::Pardon,
        EventType::Torture,
        EventType::Killing,
        EventType::DeathInCustody,
        EventType::Disappearance,
        EventType::Injury,
        EventType::Protest,
        EventType::Abduction,
        EventType::MediaRestriction,
        EventType::Harassment,
        EventType::Legislation,
        EventType::Investigation,
        EventType::CallForRelease,
        EventType::CallForInvestigation,
        EventType::Other,
    ];

    /// The snake_case name used in the store and the export.
    pub fn as_str(&self) -> &'static str {
        match self {
            EventType::Arrest => "arrest",
            EventType::Detention => "detention",
            EventType::Charge => "charge",
            EventType::Trial => "trial",
            EventType::Conviction => "conviction",
            EventType::Acquittal => "acquittal",
            EventType::Appeal => "appeal",
            EventType::Release => "release",
            EventType::Pardon => "pardon",
            EventType::Torture => "torture",
            EventType::Killing => "killing",
            EventType::DeathInCustody => "death_in_custody",
            EventType::Disappearance => "disappearance",
            EventType::Injury => "injury",
            EventType::Protest => "protest",
            EventType::Abduction => "abduction",
            EventType::MediaRestriction => "media_restriction",
            EventType::Harassment => "harassment",
            EventType::Legislation => "legislation",
            EventType::Investigation => "investigation",
            EventType::CallForRelease => "call_for_release",
            EventType::CallForInvestigation => "call_for_investigation",
            EventType::Other => "other",
        }
    }

    /// The type named `name` (snake_case), if any.
    pub fn parse(name: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// The part an entity plays in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The one it was done to.
    Victim,
    /// Who did it.
    Perpetrator,
    /// The court, prosecutor or ministry that decided it.
    Authority,
    /// A participant, e.g. protesters.
    Participant,
    /// Who calls for release or investigation.
    Claimant,
}

/// How the text asserts an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Stated as fact.
    #[default]
    Asserted,
    /// Alleged, reported, claimed.
    Alleged,
    /// Denied by someone.
    Denied,
    /// Demanded or called for, not (yet) happened.
    Demanded,
    /// Scheduled or expected at the time of the report, not (yet) happened: "is due to be tried
    /// on 2 January", "a planned strike".
    Scheduled,
}

impl Modality {
    /// The lowercase name used in the export and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Alleged => "alleged",
            Modality::Denied => "denied",
            Modality::Demanded => "demanded",
            Modality::Scheduled => "scheduled",
        }
    }
}

/// One statement of an event in one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventMention {
    /// What happened.
    pub event_type: EventType,
    /// The word or phrase that signals it ("detained", "sentencing").
    pub trigger: Span,
    /// The passage that states it (usually its sentence).
    pub evidence: Span,
    /// The other passages of the document that state the same event again and were joined to
    /// this statement ("the arrest", a headline, a later sentence naming who called for it), in
    /// text order: what they added (a participant, the date, the place, the law) has its
    /// evidence there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restated: Vec<Span>,
    /// Who took part, as indexes into [`AnalyzedDocument::mentions`], with their roles.
    pub participants: Vec<(usize, Role)>,
    /// When, at the granularity the text supports.
    pub date: Option<PartialDate>,
    /// The time expression the date comes from, an index into [`AnalyzedDocument::timexes`].
    pub date_timex: Option<usize>,
    /// Where: an index into [`AnalyzedDocument::mentions`].
    pub location: Option<usize>,
    /// Legal provisions invoked: indexes into [`AnalyzedDocument::mentions`].
    pub legal_basis: Vec<usize>,
    /// Charges named in words ("incitement of social discord").
    pub charges: Vec<String>,
    /// For a conviction, the term as an ISO 8601 duration (`P7Y6M`).
    pub sentence: Option<String>,
    /// The number of unnamed victims, when stated.
    pub victim_count: Option<u64>,
    /// Asserted, alleged, denied or demanded.
    pub modality: Modality,
    /// True when the text says it did not happen ("was not charged").
    pub negated: bool,
}

/// How a number is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "15 people".
    Exact,
    /// "at least 15".
    AtLeast,
    /// "more than 15".
    MoreThan,
    /// "about", "almost", "some", "close to" 15.
    About,
    /// "up to 15".
    UpTo,
    /// "fewer than 15".
    FewerThan,
}

/// A numeric statement: "at least 15 people were killed".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// The number stated.
    pub quantity: u64,
    /// How it is qualified.
    pub qualifier: Qualifier,
    /// What was counted: `killed`, `injured`, `arrested`, `detained`, `criminal_cases`, ...
    pub unit: String,
    /// True when the text says the figure was withdrawn or disavowed.
    pub retracted: bool,
    /// The passage that states it.
    pub evidence: Span,
    /// Who makes the claim ("according to the Interior Ministry"): an index into
    /// [`AnalyzedDocument::mentions`].
    pub claimant: Option<usize>,
}

/// One document with every layer the readers added: the object that flows through the pipeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalyzedDocument {
    /// The document and its clean text.
    pub document: Document,
    /// Sentence spans, in order.
    pub sentences: Vec<Span>,
    /// Entity mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Time expressions, in text order.
    pub timexes: Vec<Timex>,
    /// Event statements.
    pub events: Vec<EventMention>,
    /// Numeric claims.
    pub claims: Vec<Claim>,
}

impl AnalyzedDocument {
    /// A document with no layers yet.
    pub fn new(document: Document) -> Self {
        AnalyzedDocument {
            document,
            sentences: Vec::new(),
            mentions: Vec::new(),
            timexes: Vec::new(),
            events: Vec::new(),
            claims: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_id_is_a_stable_content_hash() {
        let a = DocumentId::from_content(b"hello");
        assert_eq!(a, DocumentId::from_content(b"hello"));
        assert_ne!(a, DocumentId::from_content(b"hello "));
        // SHA-256("hello") begins 2cf24dba5fb0a30e.
        assert_eq!(a.as_str(), "2cf24dba5fb0a30e");
    }

    #[test]
    fn event_type_names_round_trip_through_serde_and_parse() {
        for t in EventType::ALL {
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
            assert_eq!(EventType::parse(t.as_str()), Some(t));
        }
        assert_eq!(EventType::parse("picnic"), None);
    }

    #[test]
    fn span_slices_only_on_char_boundaries() {
        let text = "Qasym-Zhomart Тоқаев";
        assert_eq!(Span::new(0, 5).slice(text), Some("Qasym"));
        // 'Т' is two bytes: a span ending inside it is refused rather than panicking.
        assert_eq!(Span::new(0, 15).slice(text), None);
        assert!(Span::new(0, 10).overlaps(&Span::new(9, 12)));
        assert!(!Span::new(0, 10).overlaps(&Span::new(10, 12)));
    }
}
