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

/// What the other side of a merge or split judgement of `target` is now: for both, another entity
/// of `kb` named by its id; for a split, also one of the target entity's spellings (split off
/// from the others), anchored as an entity of the target's type with that one name. `None` when
/// `value` is neither (or the action is not a merge or split).
pub fn value_anchor(
    kb: &KnowledgeBase,
    action: ReviewAction,
    target: &str,
    value: &str,
) -> Option<ReviewAnchor> {
    if !matches!(action, ReviewAction::Merge | ReviewAction::Split) || value == target {
        return None;
    }
    let target = kb.entities.iter().find(|e| e.id == target)?;
    if let Some(other) = anchor(kb, value) {
        return matches!(other, ReviewAnchor::Entity { .. }).then_some(other);
    }
    let key = crate::name_key(value);
    let spelling = target
        .aliases
        .iter()
        .find(|a| crate::name_key(a) == key)
        .filter(|_| action == ReviewAction::Split && target.aliases.len() > 1)?;
    Some(ReviewAnchor::Entity {
        entity_type: target.entity_type,
        name: spelling.clone(),
        names: vec![spelling.clone()],
    })
}

use crate::Resolution;
use casefile_model::{EntityType, EventType, PartialDate, Review, ReviewAction};
use std::collections::{BTreeSet, HashMap};

/// People's judgements on entities, as constraints on the clustering of names (nodes: one
/// distinct name of one type, as linked within its document).
#[derive(Debug, Default)]
pub(crate) struct EntityConstraints {
    /// Groups of nodes a person judged one entity (`merge`), in the order judged, with the reason
    /// `casefile explain` shows.
    pub same: Vec<(Vec<usize>, String)>,
    /// Pairs of node sets a person judged different entities (`split`): no node of one side may
    /// share a cluster with a node of the other.
    pub apart: Vec<(Vec<usize>, Vec<usize>, String)>,
}

/// The names of an entity anchor (case folded as [`crate::name_key`] does), with its type.
type AnchorNames<'a> = (EntityType, BTreeSet<String>, &'a str, &'a [String]);

fn anchor_names(anchor: &Option<ReviewAnchor>) -> Option<AnchorNames<'_>> {
    match anchor {
        Some(ReviewAnchor::Entity {
            entity_type,
            name,
            names,
        }) => {
            let mut keys: BTreeSet<String> = names.iter().map(|n| crate::name_key(n)).collect();
            keys.insert(crate::name_key(name));
            keys.remove("");
            Some((*entity_type, keys, name.as_str(), names.as_slice()))
        }
        _ => None,
    }
}

/// The names (as [`crate::name_key`] folds them) on the two sides of each split judgement still in
/// force (a later merge of the same names undoes it), for the links made within a document.
pub(crate) fn split_names(reviews: &[Review]) -> Vec<(BTreeSet<String>, BTreeSet<String>)> {
    let mut out: Vec<(BTreeSet<String>, BTreeSet<String>)> = Vec::new();
    for r in reviews {
        let (Some((_, keys_a, ..)), Some((_, keys_b, ..))) =
            (anchor_names(&r.anchor), anchor_names(&r.value_anchor))
        else {
            continue;
        };
        let keys_a: BTreeSet<String> = if keys_b.is_subset(&keys_a) {
            keys_a.difference(&keys_b).cloned().collect()
        } else {
            keys_a
        };
        match r.action {
            ReviewAction::Split => out.push((keys_a, keys_b)),
            ReviewAction::Merge => out.retain(|(x, y)| {
                let (a, b) = (&keys_a, &keys_b);
                !((!x.is_disjoint(a) && !y.is_disjoint(b))
                    || (!x.is_disjoint(b) && !y.is_disjoint(a)))
            }),
            _ => {}
        }
    }
    out
}

/// Whether names `x` and `y` lie on the two sides of one of `splits`.
pub(crate) fn kept_apart(
    splits: &[(BTreeSet<String>, BTreeSet<String>)],
    x: &str,
    y: &str,
) -> bool {
    splits
        .iter()
        .any(|(a, b)| (a.contains(x) && b.contains(y)) || (a.contains(y) && b.contains(x)))
}

/// Finds the entities of the merge and split judgements of `reviews` among `nodes` (type and key
/// of each), by their anchors: an entity is the nodes of its type whose name is one of the names
/// it had when judged, so a judgement survives re-ingest and re-extraction even when ids change.
/// Of several judgements of the same two entities the latest holds (a split undoes a merge). A
/// split whose other side is a spelling of the target splits that spelling off; otherwise a name
/// both sides had is left to the automatic decision.
pub(crate) fn entity_constraints(
    nodes: &[(EntityType, &str)],
    reviews: &[Review],
) -> EntityConstraints {
    let mut out = EntityConstraints::default();
    let judged: Vec<&Review> = reviews
        .iter()
        .filter(|r| matches!(r.action, ReviewAction::Merge | ReviewAction::Split))
        .collect();
    if judged.is_empty() {
        return out;
    }
    let mut by_key: HashMap<(EntityType, &str), Vec<usize>> = HashMap::new();
    for (i, (t, key)) in nodes.iter().enumerate() {
        by_key.entry((*t, key)).or_default().push(i);
    }
    let find = |t: EntityType, keys: &BTreeSet<String>| -> BTreeSet<usize> {
        keys.iter()
            .filter_map(|k| by_key.get(&(t, k.as_str())))
            .flatten()
            .copied()
            .collect()
    };
    // Judgements are applied oldest first; a later one undoes the earlier ones it contradicts
    // (a split of two entities once merged, a merge of two once split).
    for r in judged {
        let (Some((ta, keys_a, mut name_a, names_a)), Some((_, keys_b, name_b, _))) =
            (anchor_names(&r.anchor), anchor_names(&r.value_anchor))
        else {
            continue;
        };
        let mut side_a = find(ta, &keys_a);
        // The other entity is of the target's type: a judgement across types means nothing.
        let side_b = find(ta, &keys_b);
        let note = r
            .note
            .as_deref()
            .map(|n| format!(": \"{n}\""))
            .unwrap_or_default();
        if keys_b.is_subset(&keys_a) {
            // A spelling of the target split off (or merged back).
            side_a.retain(|n| !side_b.contains(n));
            // Named by a spelling that stays, not by the one split off.
            if let Some(other) = names_a
                .iter()
                .find(|n| !keys_b.contains(&crate::name_key(n)))
            {
                name_a = other;
            }
        }
        // A merge joins everything either side was called, a name both had included ("Aigerim"
        // alone, judged the same as Aigerim Sultanova, whose spellings include "Aigerim" from
        // another document).
        let both: Vec<usize> = side_a.union(&side_b).copied().collect();
        let shared: BTreeSet<usize> = side_a.intersection(&side_b).copied().collect();
        let side_a: BTreeSet<usize> = side_a.difference(&shared).copied().collect();
        let side_b: BTreeSet<usize> = side_b.difference(&shared).copied().collect();
        let merge = r.action == ReviewAction::Merge;
        if merge && both.len() < 2 || !merge && (side_a.is_empty() || side_b.is_empty()) {
            continue;
        }
        let across = |x: &[usize], y: &[usize]| {
            (x.iter().any(|n| side_a.contains(n)) && y.iter().any(|n| side_b.contains(n)))
                || (x.iter().any(|n| side_b.contains(n)) && y.iter().any(|n| side_a.contains(n)))
        };
        let what = ta.as_str();
        let when = format!("(review {}, {}){note}", r.id, r.created_at);
        if merge {
            out.apart.retain(|(x, y, _)| !across(x, y));
            let reason = format!(
                "{} judged {name_a} and {name_b} the same {what} {when}",
                r.user
            );
            out.same.push((both, reason));
        } else {
            out.same.retain(|(x, _)| !across(x, x));
            let reason = format!(
                "{} judged {name_a} and {name_b} different {what}s {when}",
                r.user
            );
            out.apart.push((
                side_a.into_iter().collect(),
                side_b.into_iter().collect(),
                reason,
            ));
        }
    }
    out
}

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
