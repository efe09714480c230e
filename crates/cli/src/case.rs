//! `casefile case NAME`: one entity's record, every line with its source: names and the documents
//! using each, roles, affiliations, the legal chain in date order, other events, how many sources
//! state each event, and where the sources disagree.

use anyhow::Result;
use casefile_model::{
    DocumentId, DocumentRecord, Entity, EntityType, Event, EventType, Evidence, KnowledgeBase,
    PartialDate,
};
use casefile_resolve::{Conflict, Resolution};
use clap::ValueEnum;
use regex::Regex;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::sync::OnceLock;

/// How to print a case file.
#[derive(Clone, Copy, ValueEnum)]
pub enum CaseFormat {
    /// Plain text for the terminal.
    Text,
    /// Markdown, for reports.
    Md,
    /// JSON, for programs.
    Json,
}

/// Picks the entity `query` names: an exact (case-insensitive) name or spelling first, else one
/// whose name contains the query; among several, persons first, then the most mentioned.
pub fn find<'a>(kb: &'a KnowledgeBase, query: &str) -> Option<&'a Entity> {
    let q = query.trim().to_lowercase();
    let exact = |e: &&Entity| e.aliases.iter().any(|a| a.to_lowercase() == q);
    let partial = |e: &&Entity| e.aliases.iter().any(|a| a.to_lowercase().contains(&q));
    let rank = |e: &&Entity| (e.entity_type == EntityType::Person, e.mentions.len());
    kb.entities
        .iter()
        .filter(exact)
        .max_by_key(rank)
        .or_else(|| kb.entities.iter().filter(partial).max_by_key(rank))
}

/// The sentence-like passage around characters `start..end` of `text`: from the previous sentence
/// end or line break to the next.
pub fn passage(text: &str, start: usize, end: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let end = end.min(chars.len());
    let start = start.min(end);
    let mut from = start;
    while from > 0 {
        let c = chars[from - 1];
        if c == '\n' || (matches!(c, '.' | '!' | '?') && chars.get(from) == Some(&' ')) {
            break;
        }
        from -= 1;
    }
    let mut to = end;
    while to < chars.len() {
        let c = chars[to];
        to += 1;
        if c == '\n' {
            to -= 1;
            break;
        }
        if matches!(c, '.' | '!' | '?') && chars.get(to).is_none_or(|n| n.is_whitespace()) {
            break;
        }
    }
    chars[from..to]
        .iter()
        .collect::<String>()
        .trim()
        .to_string()
}

/// A document as the case file cites it.
#[derive(Serialize)]
struct DocRef<'a> {
    id: &'a DocumentId,
    /// The file name it was ingested from.
    label: String,
    title: Option<&'a str>,
    publisher: Option<&'a str>,
    published: Option<String>,
}

/// One spelling and the documents that use it.
#[derive(Serialize)]
struct NameLine<'a> {
    name: &'a str,
    documents: Vec<&'a DocumentId>,
}

/// A role the entity plays and in how many events.
#[derive(Serialize)]
struct RoleLine {
    role: String,
    events: usize,
}

/// An organisation the person is tied to by the text ("Vladimir Kozlov, the leader of Alga").
#[derive(Serialize)]
struct Affiliation<'a> {
    organisation: &'a str,
    name: &'a str,
    /// How: the words the text uses ("leader", "editor-in-chief").
    relation: String,
    /// Every passage stating it.
    sources: Vec<Evidence>,
}

/// One event of the case file, with its sources.
#[derive(Serialize)]
struct EventLine<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    event_type: &'static str,
    date: Option<String>,
    /// The entity's role in it.
    role: String,
    /// Everyone else taking part: (name, role).
    others: Vec<(&'a str, String)>,
    legal_basis: Vec<&'a str>,
    charges: &'a [String],
    sentence: Option<&'a str>,
    location: Option<&'a str>,
    modality: &'static str,
    negated: bool,
    /// How many documents state it.
    corroboration: usize,
    sources: &'a [Evidence],
}

#[derive(Serialize)]
struct CaseFile<'a> {
    entity: &'a Entity,
    names: Vec<NameLine<'a>>,
    roles: Vec<RoleLine>,
    affiliations: Vec<Affiliation<'a>>,
    documents: Vec<DocRef<'a>>,
    /// Arrest, detention, charge, trial, conviction, acquittal, appeal, release, pardon: in date
    /// order, same-day or partly dated steps in the order of the procedure.
    legal_chain: Vec<EventLine<'a>>,
    other_events: Vec<EventLine<'a>>,
    /// Where the sources of its events disagree.
    contradictions: Vec<&'a Conflict>,
}

/// The steps of a criminal case, in the order they happen.
const LEGAL_CHAIN: [EventType; 9] = [
    EventType::Arrest,
    EventType::Detention,
    EventType::Charge,
    EventType::Trial,
    EventType::Conviction,
    EventType::Acquittal,
    EventType::Appeal,
    EventType::Release,
    EventType::Pardon,
];

fn stage(t: EventType) -> usize {
    LEGAL_CHAIN
        .iter()
        .position(|x| *x == t)
        .unwrap_or(LEGAL_CHAIN.len())
}

/// Sort keys for events: date first; a date known only to the year (or month) sorts after the
/// dated events of that year (or month) that come earlier in the procedure, so "charged in 2012"
/// follows "detained on 26 January 2012" and precedes "convicted on 8 October 2012". Undated
/// events come last, in procedure order.
fn order_events(events: &mut [&Event]) {
    let full = |d: &PartialDate| (d.year, d.month.unwrap_or(0), d.day.unwrap_or(0));
    let keys: Vec<(bool, Option<i32>, u8, u8, usize)> = events
        .iter()
        .map(|e| {
            let st = stage(e.event_type);
            let Some(d) = e.date.filter(|d| d.year.is_some()) else {
                return (true, None, 0, 0, st);
            };
            if d.day.is_some() {
                let (y, m, dd) = full(&d);
                return (false, y, m, dd, st);
            }
            // The latest dated step of an earlier stage in the same period.
            let (m, dd) = events
                .iter()
                .filter(|o| stage(o.event_type) < st)
                .filter_map(|o| o.date)
                .filter(|o| o.year == d.year && (d.month.is_none() || o.month == d.month))
                .map(|o| (o.month.unwrap_or(0), o.day.unwrap_or(0)))
                .max()
                .unwrap_or((d.month.unwrap_or(0), 0));
            (false, d.year, m, dd, st)
        })
        .collect();
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]).then(events[a].id.cmp(&events[b].id)));
    let sorted: Vec<&Event> = order.iter().map(|&i| events[i]).collect();
    events.copy_from_slice(&sorted);
}

/// Char offset → byte offset, for each char boundary of `text`.
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// The organisations the text ties `person` to: an apposition after one of its mentions ("Vladimir
/// Kozlov, the leader of the opposition party Alga!") or a title before it ("Alga leader Vladimir
/// Kozlov"), the organisation being a resolved organisation mention of the same sentence.
fn affiliations<'a>(kb: &'a KnowledgeBase, person: &Entity) -> Vec<Affiliation<'a>> {
    const ROLES: &str = "leader|head|chair|chairman|chairwoman|chairperson|founder|co-founder|\
        member|director|editor|editor-in-chief|president|secretary|spokesman|spokeswoman|\
        spokesperson|coordinator|lawyer|owner|chief|deputy|activist|journalist|reporter|\
        correspondent|researcher|employee|staff member|representative";
    static AFTER: OnceLock<Regex> = OnceLock::new();
    static BEFORE: OnceLock<Regex> = OnceLock::new();
    let after = AFTER.get_or_init(|| {
        Regex::new(&format!(
            r"^,\s+(?:(?:the|a|an)\s+)?(?:[\p{{L}}-]+\s+){{0,2}}?((?i:{ROLES}))\s+(?:of|at|for|with)\s+"
        ))
        .expect("valid pattern")
    });
    let before = BEFORE.get_or_init(|| {
        Regex::new(&format!(r"^(?:'s|’s)?\s+((?i:{ROLES}))\s+$")).expect("valid pattern")
    });
    // Organisation mentions by document: (start, end, entity).
    let mut orgs: BTreeMap<&DocumentId, Vec<(usize, usize, &Entity)>> = BTreeMap::new();
    for e in kb
        .entities
        .iter()
        .filter(|e| e.entity_type == EntityType::Organization && e.id != person.id)
    {
        for m in &e.mentions {
            orgs.entry(&m.document)
                .or_default()
                .push((m.start, m.end, e));
        }
    }
    let docs: BTreeMap<&DocumentId, &DocumentRecord> =
        kb.documents.iter().map(|d| (&d.id, d)).collect();
    let mut found: BTreeMap<(&str, String), Affiliation<'a>> = BTreeMap::new();
    let mut offsets: BTreeMap<&DocumentId, Vec<usize>> = BTreeMap::new();
    for m in &person.mentions {
        let (Some(doc), Some(in_doc)) = (docs.get(&m.document), orgs.get(&m.document)) else {
            continue;
        };
        let text = doc.text.as_str();
        let at = offsets
            .entry(&m.document)
            .or_insert_with(|| byte_offsets(text));
        let byte = |c: usize| at[c.min(at.len() - 1)];
        let mut hit = |org: &'a Entity, relation: &str, from: usize, to: usize| {
            let ev = Evidence {
                document: m.document.clone(),
                start: from,
                end: to,
                text: text[byte(from)..byte(to)].to_string(),
            };
            let a = found
                .entry((org.id.as_str(), relation.to_lowercase()))
                .or_insert_with(|| Affiliation {
                    organisation: &org.id,
                    name: &org.name,
                    relation: relation.to_lowercase(),
                    sources: Vec::new(),
                });
            if !a.sources.contains(&ev) {
                a.sources.push(ev);
            }
        };
        let rest = &text[byte(m.end)..];
        if let Some(c) = after.captures(rest) {
            let role = c.get(1).map_or("", |r| r.as_str());
            let from = m.end + rest[..c.get(0).map_or(0, |x| x.end())].chars().count();
            // The organisation named next, within a few words and the same sentence.
            let next = in_doc
                .iter()
                .filter(|(s, _, _)| *s >= from && *s <= from + 60)
                .min_by_key(|(s, _, _)| *s);
            if let Some(&(s, e, org)) = next {
                let between = &text[byte(from)..byte(s)];
                if !between.contains(['.', ',', ';', '(', ')']) {
                    hit(org, role, m.start, e);
                }
            }
        }
        for &(s, e, org) in in_doc.iter().filter(|(_, e, _)| *e <= m.start) {
            if m.start - e > 40 {
                continue;
            }
            if let Some(c) = before.captures(&text[byte(e)..byte(m.start)]) {
                hit(org, c.get(1).map_or("", |r| r.as_str()), s, m.end);
            }
        }
    }
    found.into_values().collect()
}

/// The names of the provisions `ids`, each provision once: of the spellings sources use for one
/// provision ("Article 274", "Article 274 of the Criminal Code") the fullest.
fn provisions<'a>(laws: &BTreeMap<&str, &'a Entity>, ids: &'a [String]) -> Vec<&'a str> {
    let found: Vec<&Entity> = ids
        .iter()
        .filter_map(|id| laws.get(id.as_str()).copied())
        .collect();
    let mut out: Vec<&str> = ids
        .iter()
        .filter(|id| !laws.contains_key(id.as_str()))
        .map(String::as_str)
        .collect();
    for (i, a) in found.iter().enumerate() {
        let fuller = found.iter().enumerate().any(|(j, b)| {
            j != i
                && casefile_resolve::same_provision(a, b)
                && (b.name.len(), j) > (a.name.len(), i)
        });
        if !fuller {
            out.push(&a.name);
        }
    }
    out
}

fn event_line<'a>(
    laws: &BTreeMap<&str, &'a Entity>,
    names: &BTreeMap<&'a str, &'a str>,
    entity: &Entity,
    e: &'a Event,
) -> EventLine<'a> {
    let mut roles: Vec<String> = e
        .participants
        .iter()
        .filter(|p| p.entity == entity.id)
        .map(|p| format!("{:?}", p.role).to_lowercase())
        .collect();
    roles.dedup();
    let documents: BTreeSet<&DocumentId> = e.sources.iter().map(|s| &s.document).collect();
    let mut others: Vec<(&str, String)> = Vec::new();
    for p in e.participants.iter().filter(|p| p.entity != entity.id) {
        let name = names
            .get(p.entity.as_str())
            .copied()
            .unwrap_or(p.entity.as_str());
        let role = format!("{:?}", p.role).to_lowercase();
        if !others.iter().any(|(n, r)| *n == name && *r == role) {
            others.push((name, role));
        }
    }
    EventLine {
        others,
        id: &e.id,
        event_type: e.event_type.as_str(),
        date: e.date.map(|d| d.to_string()),
        role: roles.join(", "),
        legal_basis: provisions(laws, &e.legal_basis),
        charges: &e.charges,
        sentence: e.sentence.as_deref(),
        location: e
            .location
            .as_ref()
            .map(|id| names.get(id.as_str()).copied().unwrap_or(id.as_str())),
        modality: e.modality.as_str(),
        negated: e.negated,
        corroboration: documents.len(),
        sources: &e.sources,
    }
}

fn label(d: &DocumentRecord) -> String {
    std::path::Path::new(&d.source)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| d.source.clone())
}

fn case_file<'a>(resolution: &'a Resolution, entity: &'a Entity) -> CaseFile<'a> {
    let kb = &resolution.kb;
    let mut doc_ids: Vec<&DocumentId> = Vec::new();
    let mut names: Vec<NameLine<'a>> = entity
        .aliases
        .iter()
        .map(|a| NameLine {
            name: a,
            documents: Vec::new(),
        })
        .collect();
    for m in &entity.mentions {
        if !doc_ids.contains(&&m.document) {
            doc_ids.push(&m.document);
        }
        if let Some(n) = names.iter_mut().find(|n| n.name == m.text) {
            if !n.documents.contains(&&m.document) {
                n.documents.push(&m.document);
            }
        }
    }
    let documents = kb
        .documents
        .iter()
        .filter(|d| doc_ids.contains(&&d.id))
        .map(|d| DocRef {
            id: &d.id,
            label: label(d),
            title: d.title.as_deref(),
            publisher: d.publisher.as_deref(),
            published: d.published.map(|p| p.to_string()),
        })
        .collect();
    let mut events: Vec<&Event> = kb
        .events
        .iter()
        .filter(|e| e.participants.iter().any(|p| p.entity == entity.id))
        .collect();
    order_events(&mut events);
    let entity_names: BTreeMap<&str, &str> = kb
        .entities
        .iter()
        .map(|x| (x.id.as_str(), x.name.as_str()))
        .collect();
    let laws: BTreeMap<&str, &Entity> = kb
        .entities
        .iter()
        .filter(|x| x.entity_type == EntityType::LegalProvision)
        .map(|x| (x.id.as_str(), x))
        .collect();
    let mut roles: BTreeMap<String, usize> = BTreeMap::new();
    for e in &events {
        let mut mine: Vec<String> = e
            .participants
            .iter()
            .filter(|p| p.entity == entity.id)
            .map(|p| format!("{:?}", p.role).to_lowercase())
            .collect();
        mine.sort();
        mine.dedup();
        for r in mine {
            *roles.entry(r).or_default() += 1;
        }
    }
    let mut roles: Vec<RoleLine> = roles
        .into_iter()
        .map(|(role, events)| RoleLine { role, events })
        .collect();
    roles.sort_by(|a, b| b.events.cmp(&a.events).then(a.role.cmp(&b.role)));
    let ids: BTreeSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
    let contradictions = casefile_resolve::conflicts(resolution)
        .iter()
        .filter(|c| {
            ids.contains(c.event.as_str())
                || c.other_event
                    .as_ref()
                    .is_some_and(|o| ids.contains(o.as_str()))
        })
        .collect();
    let (chain, other): (Vec<&Event>, Vec<&Event>) = events
        .into_iter()
        .partition(|e| LEGAL_CHAIN.contains(&e.event_type));
    CaseFile {
        entity,
        names,
        roles,
        affiliations: if entity.entity_type == EntityType::Person {
            affiliations(kb, entity)
        } else {
            Vec::new()
        },
        documents,
        legal_chain: chain
            .into_iter()
            .map(|e| event_line(&laws, &entity_names, entity, e))
            .collect(),
        other_events: other
            .into_iter()
            .map(|e| event_line(&laws, &entity_names, entity, e))
            .collect(),
        contradictions,
    }
}

/// Prints the case file of the entity `query` names; false when none matches.
pub fn print(
    resolution: &Resolution,
    query: &str,
    format: CaseFormat,
    out: &mut dyn Write,
) -> Result<bool> {
    let kb = &resolution.kb;
    let Some(entity) = find(kb, query) else {
        return Ok(false);
    };
    let case = case_file(resolution, entity);
    match format {
        CaseFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &case)?;
            writeln!(out)?;
        }
        CaseFormat::Text | CaseFormat::Md => {
            write_readable(kb, &case, matches!(format, CaseFormat::Md), out)?
        }
    }
    Ok(true)
}

fn write_readable(
    kb: &KnowledgeBase,
    case: &CaseFile<'_>,
    markdown: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let e = case.entity;
    let heading = |level: usize, text: &str| {
        if markdown {
            format!("{} {text}", "#".repeat(level))
        } else if level == 1 {
            format!("{text}\n{}", "=".repeat(text.chars().count()))
        } else {
            format!("{text}:")
        }
    };
    let bullet = if markdown { "- " } else { "  " };
    let docs: BTreeMap<_, _> = kb.documents.iter().map(|d| (&d.id, d)).collect();
    let doc_label = |id: &DocumentId| {
        docs.get(id)
            .map(|d| label(d))
            .unwrap_or_else(|| id.to_string())
    };
    let cite = |s: &Evidence| {
        format!(
            "\"{}\" [{} {}–{}]",
            s.text,
            doc_label(&s.document),
            s.start,
            s.end
        )
    };
    writeln!(out, "{}", heading(1, &e.name))?;
    writeln!(out, "{} · {}", e.entity_type.as_str(), e.id)?;
    writeln!(out)?;
    writeln!(out, "{}", heading(2, "Names seen"))?;
    for n in &case.names {
        let in_docs: Vec<String> = n.documents.iter().map(|d| doc_label(d)).collect();
        writeln!(out, "{bullet}{} — {}", n.name, in_docs.join(", "))?;
    }
    if !case.roles.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", heading(2, "Roles"))?;
        for r in &case.roles {
            let s = if r.events == 1 { "" } else { "s" };
            writeln!(out, "{bullet}{} in {} event{s}", r.role, r.events)?;
        }
    }
    if !case.affiliations.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", heading(2, "Affiliations"))?;
        for a in &case.affiliations {
            writeln!(out, "{bullet}{} of {}", a.relation, a.name)?;
            for s in &a.sources {
                writeln!(out, "{bullet}    {}", cite(s))?;
            }
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        heading(2, &format!("Documents ({})", case.documents.len()))
    )?;
    for d in &case.documents {
        let published = d.published.as_deref().unwrap_or("date not stated");
        let publisher = d.publisher.unwrap_or("publisher not stated");
        let title = d.title.unwrap_or("(untitled)");
        writeln!(
            out,
            "{bullet}{} — {title} ({publisher}, {published})",
            d.label
        )?;
    }
    for (title, lines) in [
        ("Legal chain", &case.legal_chain),
        ("Other events", &case.other_events),
    ] {
        writeln!(out)?;
        writeln!(out, "{}", heading(2, title))?;
        if lines.is_empty() {
            writeln!(out, "{bullet}none recorded yet")?;
        }
        for ev in lines {
            let date = ev.date.as_deref().unwrap_or("date unknown");
            let mut line = format!("{bullet}{date}  {} ({})", ev.event_type, ev.role);
            if ev.negated {
                // "was not charged": the text says it did not happen, which is not a denial
                // (the `denied` modality is someone denying it).
                line.push_str("; negated: the text says it did not happen");
            } else if ev.modality != "asserted" {
                line.push_str(&format!("; {}", ev.modality));
            }
            if !ev.others.is_empty() {
                let with: Vec<String> = ev
                    .others
                    .iter()
                    .map(|(n, r)| format!("{n} ({r})"))
                    .collect();
                line.push_str(&format!("; with {}", with.join(", ")));
            }
            if !ev.legal_basis.is_empty() {
                line.push_str(&format!("; under {}", ev.legal_basis.join(", ")));
            }
            if !ev.charges.is_empty() {
                line.push_str(&format!("; charges: {}", ev.charges.join("; ")));
            }
            if let Some(s) = ev.sentence {
                line.push_str(&format!("; sentence {s}"));
            }
            if let Some(l) = ev.location {
                line.push_str(&format!("; in {l}"));
            }
            let n = ev.corroboration;
            line.push_str(&format!(" — {n} source{}", if n == 1 { "" } else { "s" }));
            writeln!(out, "{line}")?;
            for s in ev.sources {
                writeln!(out, "{bullet}    {}", cite(s))?;
            }
        }
    }
    if !case.contradictions.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", heading(2, "Contradictions"))?;
        for c in &case.contradictions {
            writeln!(
                out,
                "{bullet}{}: {:?} vs {:?} ({})",
                c.field, c.values.0, c.values.1, c.event
            )?;
            for (value, s, retracted) in [
                (&c.values.0, &c.evidence.0, c.retracted.0),
                (&c.values.1, &c.evidence.1, c.retracted.1),
            ] {
                let mark = if retracted { " (retracted)" } else { "" };
                writeln!(out, "{bullet}    {value}{mark}: {}", cite(s))?;
            }
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", heading(2, "Mentions"))?;
    for m in &e.mentions {
        let text = docs.get(&m.document).map(|d| d.text.as_str()).unwrap_or("");
        writeln!(
            out,
            "{bullet}{} [{}–{}]: \"{}\"",
            doc_label(&m.document),
            m.start,
            m.end,
            passage(text, m.start, m.end)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passage_is_the_sentence_around_the_mention() {
        let text = "First one. Then Kozlov was detained in Almaty. Last.";
        let start = text.find("Kozlov").unwrap();
        assert_eq!(
            passage(text, start, start + 6),
            "Then Kozlov was detained in Almaty."
        );
    }
}
