//! `casefile case NAME`: one entity's record, every line with its source.

use anyhow::Result;
use casefile_model::{DocumentRecord, Entity, EntityType, Event, KnowledgeBase};
use clap::ValueEnum;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

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

#[derive(Serialize)]
struct CaseFile<'a> {
    entity: &'a Entity,
    documents: Vec<&'a DocumentRecord>,
    events: Vec<&'a Event>,
}

fn case_file<'a>(kb: &'a KnowledgeBase, entity: &'a Entity) -> CaseFile<'a> {
    let mut doc_ids: Vec<&casefile_model::DocumentId> =
        entity.mentions.iter().map(|m| &m.document).collect();
    doc_ids.dedup();
    let documents = kb
        .documents
        .iter()
        .filter(|d| doc_ids.contains(&&d.id))
        .collect();
    let mut events: Vec<&Event> = kb
        .events
        .iter()
        .filter(|e| e.participants.iter().any(|p| p.entity == entity.id))
        .collect();
    // Date order; undated events last, in the order they were read.
    events.sort_by_key(|e| (e.date.is_none(), e.date.map(|d| d.to_string())));
    CaseFile {
        entity,
        documents,
        events,
    }
}

/// Prints the case file of the entity `query` names; false when none matches.
pub fn print(
    kb: &KnowledgeBase,
    query: &str,
    format: CaseFormat,
    out: &mut dyn Write,
) -> Result<bool> {
    let Some(entity) = find(kb, query) else {
        return Ok(false);
    };
    let case = case_file(kb, entity);
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
    let doc_label = |id: &casefile_model::DocumentId| {
        docs.get(id)
            .map(|d| {
                std::path::Path::new(&d.source)
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_else(|| d.source.clone())
            })
            .unwrap_or_else(|| id.to_string())
    };
    writeln!(out, "{}", heading(1, &e.name))?;
    writeln!(out, "{} · {}", e.entity_type.as_str(), e.id)?;
    writeln!(out)?;
    writeln!(out, "{}", heading(2, "Names seen"))?;
    for alias in &e.aliases {
        writeln!(out, "{bullet}{alias}")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        heading(2, &format!("Documents ({})", case.documents.len()))
    )?;
    for d in &case.documents {
        let published = d
            .published
            .map(|p| p.to_string())
            .unwrap_or_else(|| "date not stated".into());
        let publisher = d.publisher.as_deref().unwrap_or("publisher not stated");
        let title = d.title.as_deref().unwrap_or("(untitled)");
        writeln!(
            out,
            "{bullet}{} — {title} ({publisher}, {published})",
            doc_label(&d.id)
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", heading(2, "Events in date order"))?;
    if case.events.is_empty() {
        writeln!(out, "{bullet}none recorded yet")?;
    }
    let names: BTreeMap<_, _> = kb.entities.iter().map(|x| (&x.id, &x.name)).collect();
    for ev in &case.events {
        let date = ev
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "date unknown".into());
        let role = ev
            .participants
            .iter()
            .find(|p| p.entity == e.id)
            .map(|p| format!("{:?}", p.role).to_lowercase())
            .unwrap_or_default();
        let mut line = format!("{bullet}{date}  {} ({role})", ev.event_type.as_str());
        if !ev.legal_basis.is_empty() {
            let laws: Vec<&str> = ev
                .legal_basis
                .iter()
                .filter_map(|id| names.get(id).map(|n| n.as_str()))
                .collect();
            line.push_str(&format!("; under {}", laws.join(", ")));
        }
        if let Some(s) = &ev.sentence {
            line.push_str(&format!("; sentence {s}"));
        }
        writeln!(out, "{line}")?;
        for s in &ev.sources {
            writeln!(
                out,
                "{bullet}    \"{}\" [{} {}–{}]",
                s.text,
                doc_label(&s.document),
                s.start,
                s.end
            )?;
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
