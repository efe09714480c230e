//! One event across sources: statements of the same event in different documents become one
//! [`Event`] with every source, and the values the sources disagree on are kept as [`Conflict`]s.

use casefile_model::{Event, EventId, Evidence, PartialDate, Role};
use std::collections::{BTreeSet, HashMap, HashSet};

/// A value two sources of one event state differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The event.
    pub event: EventId,
    /// What differs: `sentence`, `victim_count`, `date`, `location`.
    pub field: String,
    /// The two values, as written in the export.
    pub values: (String, String),
    /// The passages stating them, in the same order.
    pub evidence: (Evidence, Evidence),
}

/// How fine a date is: day > month > year > none.
fn precision(d: &Option<PartialDate>) -> u8 {
    match d {
        None => 0,
        Some(d) => {
            u8::from(d.year.is_some())
                + u8::from(d.month.is_some()) * 2
                + u8::from(d.day.is_some()) * 4
        }
    }
}

/// The entities an event is about: its victims, or every participant when it names no victim, or
/// its place when it names nobody (the Zhanaozen killings).
fn subjects(e: &Event) -> BTreeSet<&str> {
    let victims: BTreeSet<&str> = e
        .participants
        .iter()
        .filter(|p| p.role == Role::Victim)
        .map(|p| p.entity.as_str())
        .collect();
    if !victims.is_empty() {
        victims
    } else if !e.participants.is_empty() {
        e.participants.iter().map(|p| p.entity.as_str()).collect()
    } else {
        e.location.iter().map(String::as_str).collect()
    }
}

/// Two statements can be of one event: same type, negation and modality, dates that could be the
/// same day and at least one known in both, places that are not two different places.
fn compatible(a: &Event, b: &Event) -> bool {
    a.event_type == b.event_type
        && a.negated == b.negated
        && a.modality == b.modality
        && match (&a.date, &b.date) {
            (Some(x), Some(y)) => x.is_compatible_with(y) && x.year.is_some() && y.year.is_some(),
            _ => false,
        }
        && match (&a.location, &b.location) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
}

/// Merges statements (one event each, one source each, `published` the date of their document)
/// of the same event from different documents. Statements are blocked by type and subject, so
/// the work grows with the statements about each person, not with the record. Returns the merged
/// events, in the order of their first statement, and the conflicts among their sources.
pub fn merge_events(statements: Vec<(Event, Option<PartialDate>)>) -> (Vec<Event>, Vec<Conflict>) {
    // Clusters of statement indexes; a statement joins the one compatible cluster about one of its
    // subjects with no statement from its document.
    //
    // Candidate blocking, exact (the result is what comparing with every member of every cluster
    // about the subject gives): `compatible` needs a year in both dates and the same year, so
    // clusters are found by (type, subject, year), and a statement without a year never joins nor
    // is joined. A newcomer must be compatible with every member, which is being compatible with
    // each distinct (date, place, negation, modality) among them, and from none of their
    // documents: both are kept per cluster, so a cluster told by thousands of reports is checked
    // in a few steps, not thousands.
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut cluster_docs: Vec<HashSet<&str>> = Vec::new();
    let mut cluster_kinds: Vec<Vec<usize>> = Vec::new();
    let mut by_subject: HashMap<(&str, &str, i32), BTreeSet<usize>> = HashMap::new();
    let mut cluster_of = vec![usize::MAX; statements.len()];
    let same_kind = |a: &Event, b: &Event| {
        a.date == b.date
            && a.location == b.location
            && a.negated == b.negated
            && a.modality == b.modality
    };
    for (i, (e, _)) in statements.iter().enumerate() {
        let subj = subjects(e);
        let year = e.date.and_then(|d| d.year);
        let doc = e.sources[0].document.as_str();
        let mut candidates: Vec<usize> = Vec::new();
        if let Some(y) = year {
            for s in &subj {
                if let Some(cs) = by_subject.get(&(e.event_type.as_str(), *s, y)) {
                    candidates.extend(cs.iter().copied());
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let fitting: Vec<usize> = candidates
            .into_iter()
            .filter(|&c| {
                !cluster_docs[c].contains(doc)
                    && cluster_kinds[c]
                        .iter()
                        .all(|&j| compatible(&statements[j].0, e))
            })
            .collect();
        let c = match fitting.as_slice() {
            [only] => *only,
            _ => {
                clusters.push(Vec::new());
                cluster_docs.push(HashSet::new());
                cluster_kinds.push(Vec::new());
                clusters.len() - 1
            }
        };
        clusters[c].push(i);
        cluster_docs[c].insert(doc);
        if !cluster_kinds[c]
            .iter()
            .any(|&j| same_kind(&statements[j].0, e))
        {
            cluster_kinds[c].push(i);
        }
        cluster_of[i] = c;
        if let Some(y) = year {
            for s in subj {
                by_subject
                    .entry((e.event_type.as_str(), s, y))
                    .or_default()
                    .insert(c);
            }
        }
    }

    let mut events = Vec::with_capacity(clusters.len());
    let mut conflicts = Vec::new();
    for members in clusters {
        let mut members = members;
        // The earliest source first: by publication date, then document id. Its id is the event's.
        members.sort_by(|&a, &b| {
            let key = |i: usize| {
                let (e, published) = &statements[i];
                (
                    published.is_none(),
                    published.map(|p| p.to_string()),
                    e.sources[0].document.as_str().to_string(),
                    i,
                )
            };
            key(a).cmp(&key(b))
        });
        let first = &statements[members[0]].0;
        let mut merged = first.clone();
        for &i in &members[1..] {
            let e = &statements[i].0;
            if precision(&e.date) > precision(&merged.date) {
                merged.date = e.date;
            }
            for p in &e.participants {
                if !merged.participants.contains(p) {
                    merged.participants.push(p.clone());
                }
            }
            if merged.location.is_none() {
                merged.location = e.location.clone();
            }
            for l in &e.legal_basis {
                if !merged.legal_basis.contains(l) {
                    merged.legal_basis.push(l.clone());
                }
            }
            for c in &e.charges {
                if !merged.charges.contains(c) {
                    merged.charges.push(c.clone());
                }
            }
            if merged.sentence.is_none() {
                merged.sentence = e.sentence.clone();
            }
            if merged.victim_count.is_none() {
                merged.victim_count = e.victim_count;
            }
            merged.sources.extend(e.sources.iter().cloned());
        }
        // Disagreements between any two sources, each pair once.
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let (a, b) = (&statements[i].0, &statements[j].0);
                let mut differ = |field: &str, va: Option<String>, vb: Option<String>| {
                    if let (Some(va), Some(vb)) = (va, vb) {
                        if va != vb {
                            conflicts.push(Conflict {
                                event: merged.id.clone(),
                                field: field.to_string(),
                                values: (va, vb),
                                evidence: (a.sources[0].clone(), b.sources[0].clone()),
                            });
                        }
                    }
                };
                differ("sentence", a.sentence.clone(), b.sentence.clone());
                differ(
                    "victim_count",
                    a.victim_count.map(|v| v.to_string()),
                    b.victim_count.map(|v| v.to_string()),
                );
            }
        }
        events.push(merged);
    }
    (events, conflicts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use casefile_model::{DocumentId, EventType, Modality, Participant};

    fn statement(doc: &str, date: &str, victim: &str) -> (Event, Option<PartialDate>) {
        let event = Event {
            id: format!("evt-{doc}"),
            event_type: EventType::Arrest,
            date: date.parse().ok(),
            participants: vec![Participant {
                entity: victim.to_string(),
                role: Role::Victim,
            }],
            location: None,
            legal_basis: Vec::new(),
            charges: Vec::new(),
            sentence: None,
            victim_count: None,
            modality: Modality::Asserted,
            negated: false,
            sources: vec![Evidence {
                document: DocumentId(doc.to_string()),
                start: 0,
                end: 1,
                text: "x".to_string(),
            }],
        };
        (event, None)
    }

    #[test]
    fn blocking_keeps_every_rule_of_one_event() {
        let mut s = Vec::new();
        // One arrest told by 50 reports, most with the day, some with the year alone.
        for d in 0..50 {
            let date = if d % 5 == 0 { "2021" } else { "2021-03-14" };
            s.push(statement(&format!("d{d}"), date, "per-a"));
        }
        // The same person arrested again another year; an arrest without a year; a second
        // statement of report d1, which cannot be a second source of an event d1 already tells.
        s.push(statement("d60", "2022-05-02", "per-a"));
        s.push(statement("d61", "--03-14", "per-a"));
        s.push(statement("d62", "", "per-a"));
        s.push(statement("d1", "2021-03-14", "per-a"));
        // Someone else arrested the same day.
        s.push(statement("d63", "2021-03-14", "per-b"));
        let (events, _) = merge_events(s);
        let sizes: Vec<usize> = events.iter().map(|e| e.sources.len()).collect();
        assert_eq!(sizes, vec![50, 1, 1, 1, 1, 1], "{sizes:?}");
        assert_eq!(events[0].date, "2021-03-14".parse().ok());
    }
}
