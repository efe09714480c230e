//! People's judgements (the review log in the store) applied to the record.
//!
//! [`anchor`] captures what a target is when someone judges it, so the judgement can find its
//! fact again after re-ingest or re-extraction changes ids.

use casefile_model::{KnowledgeBase, ReviewAnchor};

/// What `id` (an entity, event or document id of `kb`) is now, for recording with a review;
/// `None` when `kb` has no such id.
pub fn anchor(kb: &KnowledgeBase, id: &str) -> Option<ReviewAnchor> {
    if let Some(e) = kb.entities.iter().find(|e| e.id == id) {
        let mut names = vec![e.name.clone()];
        names.extend(e.aliases.iter().filter(|a| **a != e.name).cloned());
        return Some(ReviewAnchor::Entity {
            entity_type: e.entity_type,
            name: e.name.clone(),
            names,
        });
    }
    if let Some(ev) = kb.events.iter().find(|ev| ev.id == id) {
        return Some(ReviewAnchor::Event {
            event_type: ev.event_type,
            sources: ev.sources.clone(),
        });
    }
    kb.documents
        .iter()
        .any(|d| d.id.0 == id)
        .then_some(ReviewAnchor::Document)
}

use crate::Resolution;
use casefile_model::{EventType, PartialDate, Review, ReviewAction};

/// The event of `kb` a review of an event meant: the one with the review's target id, else the
/// one of the anchor's type sharing a source passage with the anchor (ids of events change when
/// better readers find more events in a document; the passages do not).
fn find_event(kb: &KnowledgeBase, review: &Review) -> Option<usize> {
    if let Some(i) = kb.events.iter().position(|e| e.id == review.target) {
        return Some(i);
    }
    let Some(ReviewAnchor::Event {
        event_type,
        sources,
    }) = &review.anchor
    else {
        return None;
    };
    kb.events.iter().position(|e| {
        e.event_type == *event_type
            && e.sources.iter().any(|s| {
                sources
                    .iter()
                    .any(|a| a.document == s.document && a.start < s.end && s.start < a.end)
            })
    })
}

/// Applies the event judgements of `reviews` (oldest first, so a later judgement of the same fact
/// wins) to `resolution`: a rejected event leaves the record, a corrected date or type replaces
/// the read one. Reviews whose fact can no longer be found change nothing.
pub fn apply_event_reviews(resolution: &mut Resolution, reviews: &[Review]) {
    let kb = &mut resolution.kb;
    let mut rejected = vec![false; kb.events.len()];
    for review in reviews {
        let Some(i) = find_event(kb, review) else {
            continue;
        };
        let value = review.value.as_ref().and_then(|v| v.as_str());
        match review.action {
            ReviewAction::Reject => rejected[i] = true,
            // Confirming after a rejection restores the event.
            ReviewAction::Confirm => rejected[i] = false,
            ReviewAction::CorrectDate => {
                if let Some(date) = value.and_then(|v| v.parse::<PartialDate>().ok()) {
                    kb.events[i].date = Some(date);
                }
            }
            ReviewAction::CorrectType => {
                if let Some(t) = value.and_then(EventType::parse) {
                    kb.events[i].event_type = t;
                }
            }
            ReviewAction::Merge | ReviewAction::Split | ReviewAction::Comment => {}
        }
    }
    let mut keep = rejected.iter().map(|r| !r);
    kb.events.retain(|_| keep.next().unwrap_or(true));
}
