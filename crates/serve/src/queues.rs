//! What the contradictions queue and the ingest status show, computed once for the page and the
//! API alike.

use crate::snapshot::Snapshot;
use crate::AppState;
use casefile_model::PartialDate;
use casefile_resolve::Conflict;
use casefile_store::{JobQueue, Store, StoreSpec};
use serde::Serialize;

/// One passage stating one side of a contradiction.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Side {
    /// The value as the export writes it (a sentence as an ISO 8601 duration, a count).
    pub value: String,
    /// The document stating it.
    pub document: String,
    /// Its title (or file name).
    pub title: String,
    /// Character offsets of the passage in the document's text.
    pub start: usize,
    pub end: usize,
    /// The passage.
    pub text: String,
}

/// One contradiction: an event whose sources state a value differently.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Contradiction {
    pub event: String,
    pub event_type: String,
    pub date: Option<PartialDate>,
    /// (entity id, name) of the event's participants.
    pub participants: Vec<(String, String)>,
    /// What differs: sentence, victim_count, ...
    pub field: String,
    pub sides: [Side; 2],
}

fn side(snap: &Snapshot, value: &str, ev: &casefile_model::Evidence) -> Side {
    Side {
        value: value.to_string(),
        document: ev.document.to_string(),
        title: snap
            .document(ev.document.as_str())
            .map(crate::pages::doc_title)
            .unwrap_or_else(|| ev.document.to_string()),
        start: ev.start,
        end: ev.end,
        text: ev.text.clone(),
    }
}

fn contradiction(snap: &Snapshot, c: &Conflict) -> Contradiction {
    let ev = snap.event(&c.event);
    Contradiction {
        event: c.event.clone(),
        event_type: ev
            .map(|e| e.event_type.as_str().to_string())
            .unwrap_or_else(|| "event".into()),
        date: ev.and_then(|e| e.date),
        participants: ev
            .map(|e| {
                let mut seen: Vec<(String, String)> = Vec::new();
                for p in &e.participants {
                    if !seen.iter().any(|(id, _)| *id == p.entity) {
                        seen.push((p.entity.clone(), snap.entity_name(&p.entity).to_string()));
                    }
                }
                seen
            })
            .unwrap_or_default(),
        field: c.field.clone(),
        sides: [
            side(snap, &c.values.0, &c.evidence.0),
            side(snap, &c.values.1, &c.evidence.1),
        ],
    }
}

/// Contradictions one page of the queue lists (`?page=N`), in the order resolution found them: a
/// large record can hold tens of thousands, and only a page's passages are looked up.
pub(crate) const CONTRADICTIONS_PER_PAGE: usize = 100;

/// One page of the contradictions queue.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ContradictionsPage {
    /// Contradictions in the whole record.
    pub total: usize,
    /// This page (from 1; a page past the last is the last) and the number of pages.
    pub page: usize,
    pub pages: usize,
    /// This page's contradictions.
    pub contradictions: Vec<Contradiction>,
}

impl ContradictionsPage {
    /// The position (from 0) in the whole queue of this page's first contradiction.
    pub fn first(&self) -> usize {
        (self.page - 1) * CONTRADICTIONS_PER_PAGE
    }
}

/// Page `page` (from 1) of the snapshot's contradictions.
pub(crate) fn contradictions_page(snap: &Snapshot, page: usize) -> ContradictionsPage {
    let all = snap.conflicts();
    let pages = all.len().div_ceil(CONTRADICTIONS_PER_PAGE).max(1);
    let page = page.clamp(1, pages);
    let first = (page - 1) * CONTRADICTIONS_PER_PAGE;
    ContradictionsPage {
        total: all.len(),
        page,
        pages,
        contradictions: all
            .iter()
            .skip(first)
            .take(CONTRADICTIONS_PER_PAGE)
            .map(|c| contradiction(snap, c))
            .collect(),
    }
}

/// The contradictions about one event.
pub(crate) fn contradictions_of_event(snap: &Snapshot, event: &str) -> Vec<Contradiction> {
    snap.conflicts_of_event(event)
        .into_iter()
        .map(|c| contradiction(snap, c))
        .collect()
}

/// One stored document's ingest status.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DocumentStatus {
    pub id: String,
    pub source: String,
    pub format: String,
    pub ingested_at: String,
    pub raw_bytes: u64,
    pub text_bytes: u64,
    /// False when the document was stored after the server last read the store (reload).
    pub in_record: bool,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<PartialDate>,
    /// Entity mentions and events read in it.
    pub mentions: usize,
    pub events: usize,
    /// What a monitor may want to check or supply (`--published`, a sidecar, ...).
    pub warnings: Vec<String>,
}

/// Documents one page of the ingest status lists, newest first (`?page=N`): a store of a million
/// reports must not make a page of a million rows.
pub(crate) const STATUS_PER_PAGE: usize = 100;

/// Failed queue jobs the status lists (the first ones, in queue order; `casefile queue` lists all).
const FAILURES_LISTED: usize = 100;

/// The store's ingest status.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Status {
    /// Documents in the store.
    pub stored: usize,
    /// Documents in the record the server serves (fewer until a reload after an ingest).
    pub in_record: usize,
    /// When the last document arrived, UTC.
    pub last_ingest: Option<String>,
    /// How many documents of the record lack what a monitor may want to supply.
    pub gaps: crate::snapshot::RecordGaps,
    /// This page (from 1) and the number of pages of `documents`.
    pub page: usize,
    pub pages: usize,
    /// This page's documents, newest first.
    pub documents: Vec<DocumentStatus>,
    /// The work queue of a PostgreSQL store with workers; absent for SQLite or an empty queue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue: Option<QueueStatus>,
}

/// The jobs of a PostgreSQL store's work queue (`casefile enqueue`, `casefile worker`).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct QueueStatus {
    pub queued: u64,
    pub done: u64,
    pub failed: u64,
    /// The first failed jobs in queue order: (file as enqueued, one-line reason).
    pub failures: Vec<(String, String)>,
}

/// Reads page `page` (from 1) of the ingest log, and the queue of a PostgreSQL store (blocking:
/// run it off the async threads).
pub(crate) fn status(state: &AppState, page: usize) -> anyhow::Result<Status> {
    let store = state.store();
    let stored = usize::try_from(store.document_count()?).unwrap_or(usize::MAX);
    let pages = stored.div_ceil(STATUS_PER_PAGE).max(1);
    let page = page.clamp(1, pages);
    let newest = store.ingest_log_newest(0, 1)?.pop();
    let log = store.ingest_log_newest((page - 1) * STATUS_PER_PAGE, STATUS_PER_PAGE)?;
    // Not held while the rest is read: searches read their snippets' texts through it.
    drop(store);
    let snap = state.snapshot();
    let mut documents = Vec::with_capacity(log.len());
    for entry in log {
        let d = snap.document(entry.id.as_str());
        let mentions = snap.mentions_in_document(entry.id.as_str()).len();
        let events = snap.events_in_document(entry.id.as_str()).len();
        let mut warnings = Vec::new();
        if entry.text_bytes == 0 {
            warnings.push("no text could be read".to_string());
        }
        if let Some(d) = d {
            if d.published.is_none() {
                warnings.push("no publication date stated".into());
            }
            if d.publisher.is_none() {
                warnings.push("no publisher found".into());
            }
            if d.title.is_none() {
                warnings.push("no title found".into());
            }
            if events == 0 {
                warnings.push("no events read".into());
            }
        } else {
            warnings.push("stored after the server last read the store: reload".into());
        }
        documents.push(DocumentStatus {
            id: entry.id.to_string(),
            source: entry.source,
            format: entry.format,
            ingested_at: entry.ingested_at,
            raw_bytes: entry.raw_bytes,
            text_bytes: entry.text_bytes,
            in_record: d.is_some(),
            title: d.and_then(|d| d.title.clone()),
            publisher: d.and_then(|d| d.publisher.clone()),
            published: d.and_then(|d| d.published),
            mentions,
            events,
            warnings,
        });
    }
    Ok(Status {
        stored,
        in_record: snap.kb.documents.len(),
        last_ingest: newest.map(|e| e.ingested_at),
        gaps: snap.gaps(),
        page,
        pages,
        documents,
        queue: queue_status(state.spec())?,
    })
}

/// The queue of a PostgreSQL store, when it has jobs.
fn queue_status(spec: &StoreSpec) -> anyhow::Result<Option<QueueStatus>> {
    let StoreSpec::Postgres(url) = spec else {
        return Ok(None);
    };
    let mut queue = JobQueue::open(url, "status")?;
    let counts = queue.counts()?;
    if counts.queued + counts.done + counts.failed == 0 {
        return Ok(None);
    }
    Ok(Some(QueueStatus {
        queued: counts.queued,
        done: counts.done,
        failed: counts.failed,
        failures: queue
            .first_failures(FAILURES_LISTED)?
            .into_iter()
            .map(|f| (f.source, f.error))
            .collect(),
    }))
}

/// An ISO 8601 duration as words ("P5Y6M" → "5 years 6 months"); anything else as it is.
pub(crate) fn value_text(field: &str, value: &str) -> String {
    if field != "sentence" {
        return value.to_string();
    }
    let Some(rest) = value.strip_prefix('P') else {
        return value.to_string();
    };
    let mut out = Vec::new();
    let mut number = String::new();
    for c in rest.chars() {
        if c.is_ascii_digit() || c == '.' {
            number.push(c);
            continue;
        }
        let unit = match c {
            'Y' => "year",
            'M' => "month",
            'W' => "week",
            'D' => "day",
            _ => return value.to_string(),
        };
        if number.is_empty() {
            return value.to_string();
        }
        let plural = if number == "1" { "" } else { "s" };
        out.push(format!("{number} {unit}{plural}"));
        number.clear();
    }
    if out.is_empty() || !number.is_empty() {
        return value.to_string();
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::value_text;

    #[test]
    fn sentences_read_as_words() {
        assert_eq!(value_text("sentence", "P5Y6M"), "5 years 6 months");
        assert_eq!(value_text("sentence", "P1Y"), "1 year");
        assert_eq!(value_text("sentence", "life"), "life");
        assert_eq!(value_text("sentence", "P5"), "P5");
        assert_eq!(value_text("victim_count", "12"), "12");
    }
}
