//! The knowledge base as the web app reads it: the resolved record plus the lookups each page
//! needs, and the search index, built together so they always agree.

use crate::search::{text_in_record, IndexSync, SearchIndex};
use casefile_model::{DocumentRecord, Entity, Event, KnowledgeBase, PartialDate};
use casefile_resolve::Conflict;
use casefile_store::Store;
use std::collections::HashMap;
use std::path::Path;

/// One consistent view of the store: knowledge base, lookups and search index.
pub struct Snapshot {
    /// The resolved record, as `casefile export` writes it, except that a snapshot built from a
    /// store ([`Snapshot::build_from_store`]) leaves every document's text empty: pages read a
    /// text from the store when they need it ([`Snapshot::texts_in_record`]).
    pub kb: KnowledgeBase,
    /// True when `kb` carries the documents' texts.
    texts_in_record: bool,
    documents: HashMap<String, usize>,
    entities: HashMap<String, usize>,
    events: HashMap<String, usize>,
    events_by_entity: HashMap<String, Vec<usize>>,
    events_by_document: HashMap<String, Vec<usize>>,
    mentions_by_document: HashMap<String, Vec<(usize, usize)>>,
    /// Values the sources of one event state differently (`casefile conflicts`).
    conflicts: Vec<Conflict>,
    /// Indexes into `conflicts` by event id: a page lists hundreds of events, each looked up.
    conflicts_by_event: HashMap<String, Vec<usize>>,
    /// Per entity (same order as `kb.entities`), the documents mentioning it in ingestion order:
    /// worked out once here, because search results and case files need them on every request
    /// and a place named in most reports has hundreds of thousands of mentions.
    documents_by_entity: Vec<Vec<usize>>,
    /// Counted once: the status page shows them on every request.
    gaps: RecordGaps,
    pub(crate) search: SearchIndex,
}

/// How many documents of the record lack what a monitor may want to check or supply.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct RecordGaps {
    /// No publication date stated (their relative dates stay unresolved).
    pub no_published: usize,
    pub no_publisher: usize,
    pub no_title: usize,
    /// No event was read in them.
    pub no_events: usize,
}

/// The text of `d` read from `store`, for the search index.
fn text_in_store(store: &dyn Store, d: &DocumentRecord) -> tantivy::Result<String> {
    store
        .text(&d.id)
        .map_err(|e| tantivy::TantivyError::SystemError(e.to_string()))?
        .ok_or_else(|| {
            tantivy::TantivyError::SystemError(format!(
                "document {} is no longer in the store",
                d.id
            ))
        })
}

/// Sort key putting events in date order: dated by year, month, day (a year alone before its
/// months), dates without a year after every dated one, undated events last, each group in the
/// order resolution gave.
pub fn date_key(date: Option<PartialDate>) -> (u8, i32, u8, u8) {
    match date {
        Some(d) => match d.year {
            Some(y) => (0, y, d.month.unwrap_or(0), d.day.unwrap_or(0)),
            None => (1, 0, d.month.unwrap_or(0), d.day.unwrap_or(0)),
        },
        None => (2, 0, 0, 0),
    }
}

impl Snapshot {
    /// Indexes `kb` for lookups, and for search in RAM.
    pub fn build(kb: KnowledgeBase) -> tantivy::Result<Snapshot> {
        let search = SearchIndex::in_ram(&kb, &text_in_record)?;
        Ok(Snapshot::with_search(kb, search, true))
    }

    /// Indexes `kb`, a record resolved without texts from `store`, for lookups, with the search
    /// index in the folder `index_dir` brought up to date with it; the texts it indexes are read
    /// from `store` one at a time, as the pages read them later.
    pub fn build_from_store(
        kb: KnowledgeBase,
        index_dir: &Path,
        store: &dyn Store,
    ) -> tantivy::Result<(Snapshot, IndexSync)> {
        let text = |d: &DocumentRecord| text_in_store(store, d);
        let (search, sync) = SearchIndex::open_dir(index_dir, &kb, &text)?;
        Ok((Snapshot::with_search(kb, search, false), sync))
    }

    /// [`Snapshot::build_from_store`] with the search index in RAM (`casefile profile`).
    pub fn build_in_ram_from_store(
        kb: KnowledgeBase,
        store: &dyn Store,
    ) -> tantivy::Result<Snapshot> {
        let search = SearchIndex::in_ram(&kb, &|d: &DocumentRecord| text_in_store(store, d))?;
        Ok(Snapshot::with_search(kb, search, false))
    }

    /// True when the record carries the documents' texts ([`Snapshot::build`]); false when they
    /// are read from the store ([`Snapshot::build_from_store`]).
    pub fn texts_in_record(&self) -> bool {
        self.texts_in_record
    }

    fn with_search(kb: KnowledgeBase, search: SearchIndex, texts_in_record: bool) -> Snapshot {
        let documents: HashMap<String, usize> = kb
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.0.clone(), i))
            .collect();
        let entities = kb
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let events = kb
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let mut events_by_entity: HashMap<String, Vec<usize>> = HashMap::new();
        let mut events_by_document: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, ev) in kb.events.iter().enumerate() {
            for p in &ev.participants {
                let list = events_by_entity.entry(p.entity.clone()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
            for s in &ev.sources {
                let list = events_by_document.entry(s.document.0.clone()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        for list in events_by_entity.values_mut() {
            list.sort_by_key(|&i| date_key(kb.events[i].date));
        }
        let mut mentions_by_document: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        let mut documents_by_entity = Vec::with_capacity(kb.entities.len());
        for (ei, e) in kb.entities.iter().enumerate() {
            let mut idx: Vec<usize> = e
                .mentions
                .iter()
                .filter_map(|m| documents.get(m.document.as_str()).copied())
                .collect();
            idx.sort_unstable();
            idx.dedup();
            documents_by_entity.push(idx);
            for (mi, m) in e.mentions.iter().enumerate() {
                mentions_by_document
                    .entry(m.document.0.clone())
                    .or_default()
                    .push((ei, mi));
            }
        }
        let mut gaps = RecordGaps::default();
        for d in &kb.documents {
            gaps.no_published += usize::from(d.published.is_none());
            gaps.no_publisher += usize::from(d.publisher.is_none());
            gaps.no_title += usize::from(d.title.is_none());
            gaps.no_events += usize::from(!events_by_document.contains_key(d.id.as_str()));
        }
        Snapshot {
            gaps,
            kb,
            texts_in_record,
            documents,
            entities,
            events,
            events_by_entity,
            events_by_document,
            mentions_by_document,
            conflicts: Vec::new(),
            conflicts_by_event: HashMap::new(),
            documents_by_entity,
            search,
        }
    }

    /// How many documents of the record lack a publication date, publisher, title or events.
    pub fn gaps(&self) -> RecordGaps {
        self.gaps
    }

    /// This snapshot with the conflicts resolution found for its record.
    pub fn with_conflicts(mut self, conflicts: Vec<Conflict>) -> Snapshot {
        let mut by_event: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, c) in conflicts.iter().enumerate() {
            by_event.entry(c.event.clone()).or_default().push(i);
        }
        self.conflicts = conflicts;
        self.conflicts_by_event = by_event;
        self
    }

    /// Every conflict between sources, in the order resolution found them.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// The conflicts about one event.
    pub fn conflicts_of_event(&self, id: &str) -> Vec<&Conflict> {
        self.conflicts_by_event
            .get(id)
            .map(|l| l.iter().map(|&i| &self.conflicts[i]).collect())
            .unwrap_or_default()
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&DocumentRecord> {
        self.documents.get(id).map(|&i| &self.kb.documents[i])
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.get(id).map(|&i| &self.kb.entities[i])
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.get(id).map(|&i| &self.kb.events[i])
    }

    /// The events an entity takes part in, in date order ([`date_key`]).
    pub fn events_of_entity(&self, id: &str) -> Vec<&Event> {
        self.events_by_entity
            .get(id)
            .map(|l| l.iter().map(|&i| &self.kb.events[i]).collect())
            .unwrap_or_default()
    }

    /// The events with a source passage in this document.
    pub fn events_in_document(&self, id: &str) -> Vec<&Event> {
        self.events_by_document
            .get(id)
            .map(|l| l.iter().map(|&i| &self.kb.events[i]).collect())
            .unwrap_or_default()
    }

    /// Every entity mention in this document, with its entity.
    pub fn mentions_in_document(&self, id: &str) -> Vec<(&Entity, &casefile_model::EntityMention)> {
        self.mentions_by_document
            .get(id)
            .map(|l| {
                l.iter()
                    .map(|&(e, m)| {
                        let entity = &self.kb.entities[e];
                        (entity, &entity.mentions[m])
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The documents an entity is mentioned in, in ingestion order.
    pub fn documents_of_entity(&self, entity: &Entity) -> Vec<&DocumentRecord> {
        match self.entities.get(entity.id.as_str()) {
            Some(&i) => self.documents_by_entity[i]
                .iter()
                .map(|&d| &self.kb.documents[d])
                .collect(),
            // An entity from elsewhere (not this snapshot's): read its mentions.
            None => {
                let mut idx: Vec<usize> = entity
                    .mentions
                    .iter()
                    .filter_map(|m| self.documents.get(m.document.as_str()).copied())
                    .collect();
                idx.sort_unstable();
                idx.dedup();
                idx.into_iter().map(|i| &self.kb.documents[i]).collect()
            }
        }
    }

    /// The number of documents an entity is mentioned in (without listing them).
    pub fn document_count(&self, entity: &Entity) -> usize {
        match self.entities.get(entity.id.as_str()) {
            Some(&i) => self.documents_by_entity[i].len(),
            None => self.documents_of_entity(entity).len(),
        }
    }

    /// The name of an entity id, or the id itself when unknown.
    pub fn entity_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.entity(id).map(|e| e.name.as_str()).unwrap_or(id)
    }

    /// True when `id` names a document, entity or event.
    pub fn knows(&self, id: &str) -> bool {
        self.documents.contains_key(id)
            || self.entities.contains_key(id)
            || self.events.contains_key(id)
    }
}
