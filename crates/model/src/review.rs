//! Review actions: a person's judgement on a fact, kept in the store beside the documents and
//! re-applied every time the record is resolved, so it survives re-ingest and re-extraction.
//!
//! A review names its target by id (entity, event or document id as exported) and also by an
//! [`ReviewAnchor`]: what the target was when the person judged it (an entity's type and names, an
//! event's type and source passages). Ids of entities derive from names and ids of events from
//! their position in a document, so when better readers change an id, the anchor still finds the
//! fact the person meant.

use crate::kb::Evidence;
use crate::{EntityType, EventType};
use serde::{Deserialize, Serialize};

/// What a reviewer did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewAction {
    /// The fact is right.
    Confirm,
    /// The fact is wrong (an event that did not happen as read, a mention that names nothing).
    Reject,
    /// The date should be `value` (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `--MM-DD`, `--MM`).
    CorrectDate,
    /// The type should be `value` (an event or entity type name).
    CorrectType,
    /// The target entity is the same real-world entity as entity `value` (an id).
    Merge,
    /// The target entity is NOT the same as entity `value` (an id): keep them apart.
    Split,
    /// A note only.
    Comment,
}

impl ReviewAction {
    /// Every action.
    pub const ALL: [ReviewAction; 7] = [
        ReviewAction::Confirm,
        ReviewAction::Reject,
        ReviewAction::CorrectDate,
        ReviewAction::CorrectType,
        ReviewAction::Merge,
        ReviewAction::Split,
        ReviewAction::Comment,
    ];

    /// The snake_case name, as stored and sent over the API.
    pub fn as_str(&self) -> &'static str {
        match self {
            ReviewAction::Confirm => "confirm",
            ReviewAction::Reject => "reject",
            ReviewAction::CorrectDate => "correct_date",
            ReviewAction::CorrectType => "correct_type",
            ReviewAction::Merge => "merge",
            ReviewAction::Split => "split",
            ReviewAction::Comment => "comment",
        }
    }

    /// The action named `name` (its snake_case name), if any.
    pub fn parse(name: &str) -> Option<ReviewAction> {
        ReviewAction::ALL.into_iter().find(|a| a.as_str() == name)
    }
}

/// What a review's target was when it was judged, so the judgement can be found again after the
/// record is rebuilt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReviewAnchor {
    /// An entity: its type and every name it was known by.
    Entity {
        /// The entity's type.
        entity_type: EntityType,
        /// Its canonical name then.
        name: String,
        /// Every spelling it had then.
        names: Vec<String>,
    },
    /// An event: its type and the passages that stated it.
    Event {
        /// The event's type then.
        event_type: EventType,
        /// Its source passages then.
        sources: Vec<Evidence>,
    },
    /// A document (document ids are content hashes and never change).
    Document,
}

/// A review as submitted (`POST /api/reviews`, `casefile review`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewInput {
    /// The id of the event, entity or document reviewed.
    pub target: String,
    /// What the reviewer did.
    pub action: ReviewAction,
    /// The new value, for corrections; the other entity's id, for merges and splits.
    #[serde(default)]
    pub value: Option<serde_json::Value>,
    /// Free text.
    #[serde(default)]
    pub note: Option<String>,
}

/// A recorded review action: one row of the audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// Row id in the log (order of recording).
    pub id: i64,
    /// The event, entity or document id.
    pub target: String,
    /// What was done.
    pub action: ReviewAction,
    /// The new value, if any.
    pub value: Option<serde_json::Value>,
    /// Free text, if any.
    pub note: Option<String>,
    /// What the target was when judged, when the recorder knew it.
    #[serde(default)]
    pub anchor: Option<ReviewAnchor>,
    /// For merges and splits: what the other entity (`value`) was when judged.
    #[serde(default)]
    pub value_anchor: Option<ReviewAnchor>,
    /// The user of the token (or the CLI's `--user`) that recorded it.
    pub user: String,
    /// When (UTC, RFC 3339).
    pub created_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_round_trip_by_name() {
        for a in ReviewAction::ALL {
            assert_eq!(ReviewAction::parse(a.as_str()), Some(a));
            let json = serde_json::to_string(&a).unwrap();
            assert_eq!(json, format!("\"{}\"", a.as_str()));
        }
        assert_eq!(ReviewAction::parse("approve"), None);
    }

    #[test]
    fn anchors_serialise_with_their_kind() {
        let a = ReviewAnchor::Entity {
            entity_type: EntityType::Person,
            name: "Vladimir Kozlov".into(),
            names: vec!["Vladimir Kozlov".into(), "Koslov".into()],
        };
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["kind"], "entity");
        assert_eq!(json["entity_type"], "person");
        let back: ReviewAnchor = serde_json::from_value(json).unwrap();
        assert_eq!(back, a);
        let input: Result<ReviewInput, _> =
            serde_json::from_str(r#"{"target":"x","action":"merge","extra":1}"#);
        assert!(input.is_err(), "unknown fields are refused");
    }
}
