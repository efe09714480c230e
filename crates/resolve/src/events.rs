//! One event across sources: statements of the same event in different documents become one
//! [`Event`] with every source, and the values the sources disagree on are kept as [`Conflict`]s.

use casefile_model::{
    ClaimRecord, Event, EventId, EventType, Evidence, PartialDate, Qualifier, Role,
};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// A value two sources of one fact state differently: what `casefile conflicts` lists and the web
/// app can show (it serialises as JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// The event (the first one, for a date two separate events disagree on).
    pub event: EventId,
    /// For `date`: the other event, stated by another source about the same person, which the
    /// dates kept from being merged. `None` for the other fields, which one event's sources state.
    pub other_event: Option<EventId>,
    /// What differs: `sentence`, `victim_count`, `legal_basis`, `date`, or `count:UNIT` for a
    /// numeric claim (`count:killed`).
    pub field: String,
    /// The two values, as written in the export (claims as "at least 15").
    pub values: (String, String),
    /// The passages stating them, in the same order.
    pub evidence: (Evidence, Evidence),
    /// Whether each value was withdrawn by its source (a retracted claim).
    pub retracted: (bool, bool),
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
/// same day and known in both to the year or to the day (a source without a date of its own
/// writes "on 8 October": the same day of the same month, for the same person and kind of event,
/// is the same event, while a month alone or a year alone says too little), places that are not
/// two different places.
fn compatible(a: &Event, b: &Event) -> bool {
    a.event_type == b.event_type
        && a.negated == b.negated
        && a.modality == b.modality
        && match (&a.date, &b.date) {
            (Some(x), Some(y)) => {
                x.is_compatible_with(y)
                    && ((x.year.is_some() && y.year.is_some())
                        || (x.day.is_some() && y.day.is_some()))
            }
            _ => false,
        }
        && match (&a.location, &b.location) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
}

/// A blocking key of a statement's date: the dates [`compatible`] can join share one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum BlockKey {
    Year(i32),
    MonthDay(u8, u8),
}

/// The blocking keys of a date: its year, and its month and day when the day is known.
fn block_keys(date: Option<PartialDate>) -> Vec<BlockKey> {
    let Some(d) = date else { return Vec::new() };
    let mut keys = Vec::with_capacity(2);
    if let Some(y) = d.year {
        keys.push(BlockKey::Year(y));
    }
    if let (Some(m), Some(day)) = (d.month, d.day) {
        keys.push(BlockKey::MonthDay(m, day));
    }
    keys
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
    // about the subject gives): `compatible` needs the same year in both dates, or the same month
    // and day in both, so clusters are found by (type, subject, year) and by (type, subject,
    // month-day), and a statement with neither never joins nor is joined. A newcomer must be compatible with every member, which is being compatible with
    // each distinct (date, place, negation, modality) among them, and from none of their
    // documents: both are kept per cluster, so a cluster told by thousands of reports is checked
    // in a few steps, not thousands.
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut cluster_docs: Vec<HashSet<&str>> = Vec::new();
    let mut cluster_kinds: Vec<Vec<usize>> = Vec::new();
    let mut by_subject: HashMap<(&str, &str, BlockKey), BTreeSet<usize>> = HashMap::new();
    let mut cluster_of = vec![usize::MAX; statements.len()];
    let same_kind = |a: &Event, b: &Event| {
        a.date == b.date
            && a.location == b.location
            && a.negated == b.negated
            && a.modality == b.modality
    };
    for (i, (e, _)) in statements.iter().enumerate() {
        let subj = subjects(e);
        let keys = block_keys(e.date);
        let doc = e.sources[0].document.as_str();
        let mut candidates: Vec<usize> = Vec::new();
        for key in &keys {
            for s in &subj {
                if let Some(cs) = by_subject.get(&(e.event_type.as_str(), *s, *key)) {
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
        for key in keys {
            for s in &subj {
                by_subject
                    .entry((e.event_type.as_str(), *s, key))
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
                                other_event: None,
                                field: field.to_string(),
                                values: (va, vb),
                                evidence: (a.sources[0].clone(), b.sources[0].clone()),
                                retracted: (false, false),
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
                // Provisions only one source names complete the other; none in common is a
                // contradiction (convicted under Article 164 / under Article 174).
                let disjoint = !a.legal_basis.is_empty()
                    && !b.legal_basis.is_empty()
                    && !a.legal_basis.iter().any(|l| b.legal_basis.contains(l));
                if disjoint {
                    differ(
                        "legal_basis",
                        Some(a.legal_basis.join(", ")),
                        Some(b.legal_basis.join(", ")),
                    );
                }
            }
        }
        events.push(merged);
    }
    (events, conflicts)
}

/// The least and greatest number a claim allows ("at least 15": 15..∞, "about 100": 90..110).
fn claim_range(c: &ClaimRecord) -> (u64, u64) {
    let q = c.quantity;
    match c.qualifier {
        Qualifier::Exact => (q, q),
        Qualifier::AtLeast => (q, u64::MAX),
        Qualifier::MoreThan => (q.saturating_add(1), u64::MAX),
        // "About" leaves a tenth either way: 10,000 and 9,500 are one figure.
        Qualifier::About => (q - q / 10, q.saturating_add(q / 10)),
        Qualifier::UpTo => (0, q),
        Qualifier::FewerThan => (0, q.saturating_sub(1)),
    }
}

fn claim_text(c: &ClaimRecord) -> String {
    let q = match c.qualifier {
        Qualifier::Exact => "",
        Qualifier::AtLeast => "at least ",
        Qualifier::MoreThan => "more than ",
        Qualifier::About => "about ",
        Qualifier::UpTo => "up to ",
        Qualifier::FewerThan => "fewer than ",
    };
    format!("{q}{}", c.quantity)
}

/// Numeric claims that contradict each other: claims of one unit (killed, arrested, …) in the
/// passages of one event stated by different documents whose ranges cannot both be true (at
/// least 15 / 12; about 10,000 / 5,000). A claim belongs to an event when its passage lies within
/// one of the event's source passages. Retracted claims are listed too, marked as retracted.
pub fn claim_conflicts(events: &[Event], claims: &[ClaimRecord]) -> Vec<Conflict> {
    let mut by_document: BTreeMap<&str, Vec<&ClaimRecord>> = BTreeMap::new();
    for c in claims {
        by_document
            .entry(c.source.document.as_str())
            .or_default()
            .push(c);
    }
    let mut out = Vec::new();
    for e in events.iter().filter(|e| e.sources.len() > 1) {
        // (source index, claim) for every claim inside one of the event's passages.
        let inside: Vec<(usize, &ClaimRecord)> = e
            .sources
            .iter()
            .enumerate()
            .flat_map(|(i, s)| {
                by_document
                    .get(s.document.as_str())
                    .into_iter()
                    .flatten()
                    .filter(move |c| s.start <= c.source.start && c.source.end <= s.end)
                    .map(move |c| (i, *c))
            })
            .collect();
        for (x, &(i, a)) in inside.iter().enumerate() {
            for &(j, b) in &inside[x + 1..] {
                if e.sources[i].document == e.sources[j].document || a.unit != b.unit {
                    continue;
                }
                let ((lo_a, hi_a), (lo_b, hi_b)) = (claim_range(a), claim_range(b));
                if hi_a < lo_b || hi_b < lo_a {
                    out.push(Conflict {
                        event: e.id.clone(),
                        other_event: None,
                        field: format!("count:{}", a.unit),
                        values: (claim_text(a), claim_text(b)),
                        evidence: (a.source.clone(), b.source.clone()),
                        retracted: (a.retracted, b.retracted),
                    });
                }
            }
        }
    }
    out
}

/// A rough day number, to tell dates a few days apart from dates months apart.
fn day_number(d: &PartialDate) -> Option<i64> {
    Some(i64::from(d.year?) * 372 + i64::from(d.month?) * 31 + i64::from(d.day?))
}

/// Dates that contradict each other: two events of a kind a person goes through once at a time
/// (arrest, detention, charge, conviction, appeal, release, death in custody, killing,
/// disappearance), about the same victim, stated by different documents, both dated to the day and
/// at most a week apart. They were not merged because their dates differ; a week is the span of a
/// slip or a misreported day, while a later arrest of the same person is usually further away.
pub fn date_conflicts(events: &[Event]) -> Vec<Conflict> {
    const ONCE: [EventType; 9] = [
        EventType::Arrest,
        EventType::Detention,
        EventType::Charge,
        EventType::Conviction,
        EventType::Appeal,
        EventType::Release,
        EventType::DeathInCustody,
        EventType::Killing,
        EventType::Disappearance,
    ];
    let mut by_victim: BTreeMap<(EventType, &str), Vec<usize>> = BTreeMap::new();
    for (i, e) in events.iter().enumerate() {
        if !ONCE.contains(&e.event_type) || e.negated {
            continue;
        }
        for p in e.participants.iter().filter(|p| p.role == Role::Victim) {
            let list = by_victim
                .entry((e.event_type, p.entity.as_str()))
                .or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
    }
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for list in by_victim.values() {
        // Day order, so each event is compared only with those of the following week: a person
        // with many events of one kind costs no more than the events near each other.
        let mut dated: Vec<(i64, usize)> = list
            .iter()
            .filter_map(|&i| Some((day_number(events[i].date.as_ref()?)?, i)))
            .collect();
        dated.sort_unstable();
        for (x, &(na, i)) in dated.iter().enumerate() {
            for &(nb, j) in dated[x + 1..].iter().take_while(|(nb, _)| nb - na <= 7) {
                let (a, b) = (&events[i], &events[j]);
                let shared_document = a
                    .sources
                    .iter()
                    .any(|s| b.sources.iter().any(|t| t.document == s.document));
                if na == nb || a.modality != b.modality || shared_document {
                    continue;
                }
                if seen.insert((i.min(j), i.max(j))) {
                    let (Some(da), Some(db)) = (a.date, b.date) else {
                        continue;
                    };
                    out.push(Conflict {
                        event: a.id.clone(),
                        other_event: Some(b.id.clone()),
                        field: "date".into(),
                        values: (da.to_string(), db.to_string()),
                        evidence: (a.sources[0].clone(), b.sources[0].clone()),
                        retracted: (false, false),
                    });
                }
            }
        }
    }
    out
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
        // The same person arrested again another year; an arrest on 14 March of an unstated year
        // (it cannot join the 50, some of which know only the year); an undated arrest; a second
        // statement of report d1, which cannot be a second source of an event d1 already tells but
        // joins the day-only statement, both known to the day.
        s.push(statement("d60", "2022-05-02", "per-a"));
        s.push(statement("d61", "--03-14", "per-a"));
        s.push(statement("d62", "", "per-a"));
        s.push(statement("d1", "2021-03-14", "per-a"));
        // Someone else arrested the same day.
        s.push(statement("d63", "2021-03-14", "per-b"));
        let (events, _) = merge_events(s);
        let sizes: Vec<usize> = events.iter().map(|e| e.sources.len()).collect();
        assert_eq!(sizes, vec![50, 1, 2, 1, 1], "{sizes:?}");
        assert_eq!(events[0].date, "2021-03-14".parse().ok());
        assert_eq!(events[2].date, "2021-03-14".parse().ok());
    }
}
