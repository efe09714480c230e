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

#[cfg(test)]
mod tests {
    use super::*;
    use casefile_model::{DocumentId, Event, Evidence, Modality};

    fn event(id: &str, event_type: EventType, start: usize) -> Event {
        Event {
            id: id.into(),
            event_type,
            date: None,
            participants: Vec::new(),
            location: None,
            legal_basis: Vec::new(),
            charges: Vec::new(),
            sentence: None,
            victim_count: None,
            modality: Modality::Asserted,
            negated: false,
            sources: vec![Evidence {
                document: DocumentId("d1".into()),
                start,
                end: start + 10,
                text: "x".repeat(10),
            }],
        }
    }

    fn review(
        target: &str,
        action: ReviewAction,
        value: Option<&str>,
        anchor: Option<ReviewAnchor>,
    ) -> Review {
        Review {
            id: 1,
            target: target.into(),
            action,
            value: value.map(|v| serde_json::json!(v)),
            note: None,
            anchor,
            value_anchor: None,
            user: "alice".into(),
            created_at: "2026-11-23T00:00:00Z".into(),
        }
    }

    #[test]
    fn a_judgement_finds_its_event_by_passage_when_the_id_changed() {
        let mut r = Resolution::default();
        r.kb.events = vec![
            event("evt-new-0", EventType::Arrest, 0),
            event("evt-new-1", EventType::Conviction, 40),
        ];
        // Judged when the conviction was event 3 of the document; its passage is unchanged.
        let anchor = anchor_of(&event("evt-old-3", EventType::Conviction, 42));
        let reviews = [
            review(
                "evt-old-3",
                ReviewAction::CorrectDate,
                Some("2012-10-08"),
                Some(anchor.clone()),
            ),
            review("evt-new-0", ReviewAction::Reject, None, None),
            // Neither the id nor the passage exists any more: nothing happens.
            review(
                "evt-gone",
                ReviewAction::Reject,
                None,
                Some(anchor_of(&event("evt-gone", EventType::Conviction, 200))),
            ),
        ];
        apply_event_reviews(&mut r, &reviews);
        assert_eq!(r.kb.events.len(), 1);
        assert_eq!(r.kb.events[0].id, "evt-new-1");
        assert_eq!(r.kb.events[0].date, Some("2012-10-08".parse().unwrap()));
    }

    #[test]
    fn a_passage_of_another_type_is_not_the_event_judged() {
        let mut r = Resolution::default();
        r.kb.events = vec![event("evt-a", EventType::Release, 0)];
        let anchor = anchor_of(&event("evt-b", EventType::Arrest, 0));
        apply_event_reviews(
            &mut r,
            &[review("evt-b", ReviewAction::Reject, None, Some(anchor))],
        );
        assert_eq!(r.kb.events.len(), 1);
    }

    fn anchor_of(e: &Event) -> ReviewAnchor {
        let mut kb = KnowledgeBase::default();
        kb.events.push(e.clone());
        anchor(&kb, &e.id).unwrap()
    }
}
