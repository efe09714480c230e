//! The knowledge base: the resolved record across all documents, as exported.
//!
//! Field names and meanings follow `../shared/eval/FORMAT.md`; `schema/export.schema.json` in the
//! repository is the JSON Schema of this view. Offsets here are character offsets.

use crate::{
    DocumentId, DocumentMeta, EntityType, EventType, LegalRef, MetaField, Modality, PartialDate,
    Qualifier, Role, SourceFormat,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A stable entity id, e.g. `per-1a2b3c4d5e6f7a8b`.
pub type EntityId = String;
/// A stable event id, e.g. `evt-1a2b3c4d5e6f7a8b`.
pub type EventId = String;

/// A passage of a document: the evidence for a fact.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// The document it stands in.
    pub document: DocumentId,
    /// First character (Unicode scalar value offset into the document's clean text).
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The passage itself.
    pub text: String,
}

/// A document as exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// Content hash.
    pub id: DocumentId,
    /// The path it was ingested from.
    pub source: String,
    /// The format it arrived in.
    pub format: SourceFormat,
    /// The headline, or `null`.
    pub title: Option<String>,
    /// The issuing organisation, or `null`.
    pub publisher: Option<String>,
    /// The publication date, or `null` when the document does not say.
    pub published: Option<PartialDate>,
    /// The issuer's reference number, or `null`.
    pub reference: Option<String>,
    /// Where the document was obtained, or `null`.
    pub source_url: Option<String>,
    /// Metadata fields a person supplied rather than casefile read.
    pub supplied: BTreeSet<MetaField>,
    /// The clean text all offsets point into.
    pub text: String,
}

impl DocumentRecord {
    /// The export view of a document's metadata and text.
    pub fn new(
        id: DocumentId,
        source: String,
        format: SourceFormat,
        meta: DocumentMeta,
        text: String,
    ) -> Self {
        DocumentRecord {
            id,
            source,
            format,
            title: meta.title,
            publisher: meta.publisher,
            published: meta.published,
            reference: meta.reference,
            source_url: meta.source_url,
            supplied: meta.supplied,
            text,
        }
    }
}

/// One mention of an entity, as exported.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EntityMention {
    /// The document it stands in.
    pub document: DocumentId,
    /// The surface form in that document.
    pub text: String,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// One real-world entity across documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id.
    pub id: EntityId,
    /// `person`, `organization`, `location`, `legal_provision` or `misc`.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Canonical name.
    pub name: String,
    /// Every spelling seen.
    pub aliases: Vec<String>,
    /// Every mention, with its document and span.
    pub mentions: Vec<EntityMention>,
    /// For a place: ISO 3166-1 alpha-2 code of its country.
    pub country: Option<String>,
    /// For a legal provision: its structure.
    pub legal: Option<LegalRef>,
}

/// An entity's part in an event.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Participant {
    /// The entity.
    pub entity: EntityId,
    /// Its role.
    pub role: Role,
}

/// One real-world event across documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id.
    pub id: EventId,
    /// What happened.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// When, or `null`.
    pub date: Option<PartialDate>,
    /// Who, with roles.
    pub participants: Vec<Participant>,
    /// Where: a location entity id, or `null`.
    pub location: Option<EntityId>,
    /// Legal provisions invoked: entity ids.
    pub legal_basis: Vec<EntityId>,
    /// Charges named in words.
    pub charges: Vec<String>,
    /// For a conviction: the term as an ISO 8601 duration, else `null`.
    pub sentence: Option<String>,
    /// Number of unnamed victims, when stated.
    pub victim_count: Option<u64>,
    /// Asserted, alleged, denied, demanded or scheduled.
    pub modality: Modality,
    /// True when the text says it did not happen.
    pub negated: bool,
    /// The passages that state it, one or more per source document.
    pub sources: Vec<Evidence>,
}

/// A numeric claim as exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimRecord {
    /// The number stated.
    pub quantity: u64,
    /// How it is qualified.
    pub qualifier: Qualifier,
    /// What was counted.
    pub unit: String,
    /// True when the text says the figure was withdrawn.
    pub retracted: bool,
    /// Who makes the claim: an entity id, or `null`.
    pub claimant: Option<EntityId>,
    /// The passage that states it.
    pub source: Evidence,
}

/// The whole record, as `casefile export --format json` writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnowledgeBase {
    /// Version of this export format (see `schema/export.schema.json`).
    pub format_version: u32,
    /// Every document.
    pub documents: Vec<DocumentRecord>,
    /// Every resolved entity.
    pub entities: Vec<Entity>,
    /// Every resolved event.
    pub events: Vec<Event>,
    /// Every numeric claim.
    pub claims: Vec<ClaimRecord>,
}

impl KnowledgeBase {
    /// The export format version this build writes.
    pub const FORMAT_VERSION: u32 = 1;
}
