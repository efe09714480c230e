//! Full-text search over documents and entities: a tantivy index derived from the resolved
//! record. The server keeps it in `STORE/index/` ([`SearchIndex::open_dir`]) and brings it up to
//! date with the record when it starts or reloads ([`SearchIndex::sync`]): each indexed item
//! carries a fingerprint of what was indexed, so only documents and entities that changed are
//! re-indexed. Nothing in it is authoritative: deleting the folder (`casefile reindex`) loses
//! nothing.
//!
//! Text is lowercased and folded to ASCII ("Nazarbaev" and "Nazarbáev" match); a word found
//! nowhere in the record also matches names one edit away ("Koslov" finds "Kozlov"). Facets:
//! `kind` (document or entity), `type` (entity type), `event` (types of the events a document
//! states or an entity takes part in), `year` (a document's publication year; the years of an
//! entity's events), `country` (of an entity; of the entities a document mentions) and
//! `publisher` (documents).

use crate::facets::{FacetSets, MatchSet};
use casefile_model::{DocumentRecord, KnowledgeBase};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;
use tantivy::collector::TopDocs;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, Query, QueryClone,
    QueryParser, TermQuery,
};
use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::schema::{
    Facet, FacetOptions, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value,
    STORED, STRING,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, SimpleTokenizer, TextAnalyzer};
use tantivy::{
    doc, DocAddress, Document, Index, IndexReader, IndexWriter, Searcher, TantivyDocument, Term,
};

const ANALYZER: &str = "folded";
/// How many times an entity's score counts against a report's: a name's case file comes first.
const ENTITY_BOOST: f32 = 3.0;
/// The score of an entity found by a name one edit away (tantivy gives fuzzy matches a constant
/// score): about that of a short name matched as written, so the person comes before reports.
const NEAR_NAME_SCORE: f32 = 3.0;
/// The facet dimensions, in the order pages show them.
pub const FACETS: [&str; 6] = ["kind", "type", "event", "year", "country", "publisher"];

pub(crate) struct SearchIndex {
    index: Index,
    reader: IndexReader,
    kind: Field,
    id: Field,
    text: Field,
    names: Field,
    facet: Field,
    key: Field,
    fingerprint: Field,
    /// Kept here: the reader holds its warmer weakly.
    facet_sets: Arc<FacetSets>,
}

/// What to search for.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// The query, in tantivy's query language (plain words are fine; syntax errors are forgiven).
    pub q: String,
    /// Facet filters: (dimension, value), e.g. ("type", "person").
    pub filters: Vec<(String, String)>,
    /// How many hits.
    pub limit: usize,
}

/// One hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// `document` or `entity`.
    pub kind: &'static str,
    /// Document or entity id.
    pub id: String,
    /// BM25 score.
    pub score: f32,
    /// For a document: a passage with the query's words, when the text has them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<Snippet>,
}

/// A passage of a document's text with the matched words marked.
#[derive(Debug, Clone, Serialize)]
pub struct Snippet {
    /// The passage.
    pub text: String,
    /// Matched words as `[start, end)` character offsets into `text`.
    pub highlights: Vec<[usize; 2]>,
}

/// The hits and facet counts of one search.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    /// Number of matching documents and entities (before `limit`).
    pub total: usize,
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// For each facet dimension, value → number of matches.
    pub facets: BTreeMap<&'static str, BTreeMap<String, u64>>,
}

/// Gives a document's clean text for indexing: from the record itself, or read from the store
/// when the record was resolved without texts.
pub(crate) type TextOf<'a> = &'a dyn Fn(&DocumentRecord) -> tantivy::Result<String>;

/// [`TextOf`] for a record that carries its texts.
pub(crate) fn text_in_record(d: &DocumentRecord) -> tantivy::Result<String> {
    Ok(d.text.clone())
}

fn facet(dim: &str, value: &str) -> Facet {
    Facet::from_path([dim, value])
}

/// What [`SearchIndex::sync`] did: items (documents and entities) added or re-indexed, removed,
/// and left as they were.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct IndexSync {
    /// Items indexed (new, or changed since they were last indexed).
    pub added: usize,
    /// Items removed (gone from the record, or changed).
    pub removed: usize,
    /// Items already indexed as they are.
    pub unchanged: usize,
}

/// The fields of the index.
#[derive(Clone, Copy)]
struct Fields {
    key: Field,
    fingerprint: Field,
    kind: Field,
    id: Field,
    text: Field,
    names: Field,
    facet: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        // `d:ID` or `e:ID`: the term a changed item is deleted by.
        key: builder.add_text_field("key", STRING | STORED),
        fingerprint: builder.add_text_field("fingerprint", STORED),
        kind: builder.add_text_field("kind", STRING | STORED),
        id: builder.add_text_field("id", STRING | STORED),
        // Everything a query matches: a document's title, publisher and text; an entity's names.
        // One field, so a query's words are single postings lists that tantivy intersects and
        // ranks skipping whole blocks; spread over four fields, each word was a union of four
        // and every match had to be scored (a million-report store took 25–70 ms a query).
        text: builder.add_text_field("text", text.clone()),
        // An entity's names again, for the fuzzy match of a misspelt name.
        names: builder.add_text_field("names", text),
        facet: builder.add_facet_field("facet", FacetOptions::default()),
    };
    (builder.build(), fields)
}

/// The best `limit` of `top` and `entities` (hits of the same query, the second narrowed to
/// entities), each entity's score counted [`ENTITY_BOOST`] times, each hit once, best first.
fn entities_first(
    top: Vec<(f32, DocAddress)>,
    entities: &[(f32, DocAddress)],
    limit: usize,
) -> Vec<(f32, DocAddress)> {
    let mut merged: Vec<(f32, DocAddress)> = entities
        .iter()
        .map(|&(score, address)| (score * ENTITY_BOOST, address))
        .collect();
    merged.extend(
        top.into_iter()
            .filter(|(_, address)| !entities.iter().any(|(_, a)| a == address)),
    );
    merged.sort_by(|a, b| b.0.total_cmp(&a.0));
    merged.truncate(limit);
    merged
}

impl SearchIndex {
    /// A fresh index of `kb` in RAM.
    pub(crate) fn in_ram(kb: &KnowledgeBase, text: TextOf) -> tantivy::Result<SearchIndex> {
        let (schema, _) = schema();
        let index = SearchIndex::with_index(Index::create_in_ram(schema))?;
        index.sync(kb, text)?;
        Ok(index)
    }

    /// The index in the folder `dir`, created when absent and rebuilt from scratch when it cannot
    /// be opened or was written with another schema (an older casefile), then brought up to date
    /// with `kb`.
    pub(crate) fn open_dir(
        dir: &Path,
        kb: &KnowledgeBase,
        text: TextOf,
    ) -> tantivy::Result<(SearchIndex, IndexSync)> {
        let (schema, _) = schema();
        let opened = if dir.join("meta.json").exists() {
            Index::open_in_dir(dir)
                .ok()
                .filter(|i| i.schema() == schema)
        } else {
            None
        };
        let index = match opened {
            Some(i) => i,
            None => {
                if dir.exists() {
                    std::fs::remove_dir_all(dir)?;
                }
                std::fs::create_dir_all(dir)?;
                Index::create_in_dir(dir, schema)?
            }
        };
        let index = SearchIndex::with_index(index)?;
        let sync = index.sync(kb, text)?;
        Ok((index, sync))
    }

    fn with_index(index: Index) -> tantivy::Result<SearchIndex> {
        // Tokenizers are not stored with an index: register ours on every open.
        index.tokenizers().register(
            ANALYZER,
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .build(),
        );
        let (_, f) = schema();
        // Reloaded by hand after our own commits: a snapshot's hits then always come from the
        // index as that snapshot's record left it.
        let facet_sets = Arc::new(FacetSets::new("facet"));
        let reader = facet_sets.reader(&index)?;
        Ok(SearchIndex {
            index,
            reader,
            kind: f.kind,
            id: f.id,
            text: f.text,
            names: f.names,
            facet: f.facet,
            key: f.key,
            fingerprint: f.fingerprint,
            facet_sets,
        })
    }

    /// The index entries `kb` calls for: (key, document without its fingerprint). Documents'
    /// texts come from `text`, one at a time.
    fn entries<'a>(
        &'a self,
        kb: &'a KnowledgeBase,
        text: TextOf<'a>,
    ) -> impl Iterator<Item = tantivy::Result<(String, TantivyDocument)>> + 'a {
        // Facet values gathered from the events and mentions, per document and per entity.
        let mut doc_facets: HashMap<&str, BTreeSet<(&str, String)>> = HashMap::new();
        let mut entity_facets: HashMap<&str, BTreeSet<(&str, String)>> = HashMap::new();
        for ev in &kb.events {
            let event = ("event", ev.event_type.as_str().to_string());
            for s in &ev.sources {
                doc_facets
                    .entry(s.document.as_str())
                    .or_default()
                    .insert(event.clone());
            }
            for p in &ev.participants {
                let set = entity_facets.entry(p.entity.as_str()).or_default();
                set.insert(event.clone());
                if let Some(y) = ev.date.and_then(|d| d.year) {
                    set.insert(("year", y.to_string()));
                }
            }
        }
        for e in &kb.entities {
            if let Some(c) = e.country.as_deref().filter(|c| !c.is_empty()) {
                for m in &e.mentions {
                    doc_facets
                        .entry(m.document.as_str())
                        .or_default()
                        .insert(("country", c.to_string()));
                }
            }
        }
        let documents = kb.documents.iter().map(move |d| {
            let mut doc = doc!(
                self.kind => "document",
                self.id => d.id.as_str(),
                self.facet => facet("kind", "document"),
            );
            if let Some(t) = &d.title {
                doc.add_text(self.text, t);
            }
            if let Some(p) = &d.publisher {
                doc.add_text(self.text, p);
                doc.add_facet(self.facet, facet("publisher", p));
            }
            doc.add_text(self.text, text(d)?);
            if let Some(y) = d.published.and_then(|p| p.year) {
                doc.add_facet(self.facet, facet("year", &y.to_string()));
            }
            for (dim, value) in doc_facets.get(d.id.as_str()).into_iter().flatten() {
                doc.add_facet(self.facet, facet(dim, value));
            }
            Ok((format!("d:{}", d.id.as_str()), doc))
        });
        let entities = kb.entities.iter().map(move |e| {
            let mut doc = doc!(
                self.kind => "entity",
                self.id => e.id.as_str(),
                self.facet => facet("kind", "entity"),
                self.facet => facet("type", e.entity_type.as_str()),
            );
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                doc.add_text(self.text, name);
                doc.add_text(self.names, name);
            }
            if let Some(c) = e.country.as_deref().filter(|c| !c.is_empty()) {
                doc.add_facet(self.facet, facet("country", c));
            }
            for (dim, value) in entity_facets.get(e.id.as_str()).into_iter().flatten() {
                doc.add_facet(self.facet, facet(dim, value));
            }
            Ok((format!("e:{}", e.id), doc))
        });
        documents.chain(entities)
    }

    /// Brings the index up to date with `kb`: items whose fingerprint differs from the indexed
    /// one are re-indexed, items no longer in `kb` removed, the rest left alone.
    pub(crate) fn sync(&self, kb: &KnowledgeBase, text: TextOf) -> tantivy::Result<IndexSync> {
        let schema = self.index.schema();
        let searcher = self.reader.searcher();
        let mut indexed: HashMap<String, String> = HashMap::new();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            for doc_id in segment.doc_ids_alive() {
                let stored: TantivyDocument =
                    searcher.doc(tantivy::DocAddress::new(ord as u32, doc_id))?;
                let get = |f: Field| {
                    stored
                        .get_first(f)
                        .and_then(|v| v.as_str())
                        .unwrap_or_default()
                        .to_string()
                };
                indexed.insert(get(self.key), get(self.fingerprint));
            }
        }
        let mut sync = IndexSync::default();
        // Made only when something changed: an index already up to date is only read.
        let mut writer: Option<IndexWriter> = None;
        for entry in self.entries(kb, text) {
            let (key, mut doc) = entry?;
            let fingerprint = hex::encode(&Sha256::digest(doc.to_json(&schema).as_bytes())[..16]);
            match indexed.remove(&key) {
                Some(f) if f == fingerprint => {
                    sync.unchanged += 1;
                    continue;
                }
                Some(_) => sync.removed += 1,
                None => {}
            }
            let w = match &mut writer {
                Some(w) => w,
                None => writer.insert(self.writer()?),
            };
            w.delete_term(Term::from_field_text(self.key, &key));
            doc.add_text(self.key, &key);
            doc.add_text(self.fingerprint, &fingerprint);
            w.add_document(doc)?;
            sync.added += 1;
        }
        for key in indexed.keys() {
            let w = match &mut writer {
                Some(w) => w,
                None => writer.insert(self.writer()?),
            };
            w.delete_term(Term::from_field_text(self.key, key));
            sync.removed += 1;
        }
        if let Some(mut w) = writer {
            w.commit()?;
            w.wait_merging_threads()?;
            self.reader.reload()?;
        }
        Ok(sync)
    }

    fn writer(&self) -> tantivy::Result<IndexWriter> {
        // Another process may hold the index's write lock for a moment: `casefile serve`
        // following the store while `casefile ingest` brings the same index up to date. Each
        // writes what the record says (delete by key, then add), so waiting for the other is
        // enough.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            // One thread: the machine is small and indexing is a fraction of resolving.
            match self
                .index
                .writer_with_num_threads::<TantivyDocument>(1, 50_000_000)
            {
                Err(tantivy::TantivyError::LockFailure(..))
                    if std::time::Instant::now() < deadline =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                other => return other,
            }
        }
    }

    /// The query for the user's words `q` (tantivy's query language; syntax errors are forgiven).
    ///
    /// Every word is required unless the query says otherwise (`OR`, `-word`): a researcher
    /// narrowing a search adds words. A plain word that occurs nowhere in the record as written
    /// also matches names one edit away ("Koslov" finds "Kozlov"), so a misspelt name still
    /// finds its person; a word the record has is taken as written ("Kozlov" does not find
    /// "Kozlova", "detention" is not widened), and so are numbers and short words, which one
    /// edit turns into other words. Keeping the words the record has exact also keeps the query
    /// one that tantivy can answer without scoring every match: a fuzzy alternative beside a
    /// common word made a query of a million reports score each of its 250,000 matches.
    fn text_query(&self, searcher: &Searcher, q: &str) -> Box<dyn Query> {
        let mut parser = QueryParser::for_index(&self.index, vec![self.text]);
        parser.set_conjunction_by_default();
        let (ast, _errors) = tantivy::query_grammar::parse_query_lenient(q);
        self.convert(&parser, searcher, ast)
            .unwrap_or_else(|| Box::new(BooleanQuery::new(Vec::new())))
    }

    /// `ast` as a query, as the parser would build it, with the fuzzy name alternatives of
    /// [`SearchIndex::text_query`]; `None` for what matches nothing by itself (a word of
    /// punctuation only), which the enclosing clause then leaves out, as tantivy's parser does.
    fn convert(
        &self,
        parser: &QueryParser,
        searcher: &Searcher,
        ast: UserInputAst,
    ) -> Option<Box<dyn Query>> {
        match ast {
            UserInputAst::Clause(clauses) => {
                let mut converted: Vec<(Occur, Box<dyn Query>)> = clauses
                    .into_iter()
                    .filter_map(|(occur, sub)| {
                        let sub = self.convert(parser, searcher, sub)?;
                        Some((occur.unwrap_or(Occur::Must), sub))
                    })
                    .collect();
                if converted.is_empty() {
                    return None;
                }
                // Exclusions alone would match nothing: they exclude from everything.
                if converted.iter().all(|(o, _)| *o == Occur::MustNot) {
                    converted.push((Occur::Should, Box::new(AllQuery)));
                }
                Some(Box::new(BooleanQuery::new(converted)))
            }
            UserInputAst::Boost(inner, boost) => {
                let inner = self.convert(parser, searcher, *inner)?;
                Some(Box::new(BoostQuery::new(inner, boost.into_inner() as f32)))
            }
            UserInputAst::Leaf(leaf) => {
                let (literal, unknown) = match leaf.as_ref() {
                    UserInputLeaf::Literal(l) => (true, self.unknown_word(searcher, l)),
                    _ => (false, None),
                };
                let (exact, _) =
                    parser.build_query_from_user_input_ast_lenient(UserInputAst::Leaf(leaf));
                if literal {
                    let mut has_terms = false;
                    exact.query_terms(&mut |_, _| has_terms = true);
                    if !has_terms {
                        return None;
                    }
                }
                let Some(word) = unknown else {
                    return Some(exact);
                };
                let near = FuzzyTermQuery::new(Term::from_field_text(self.names, &word), 1, true);
                Some(Box::new(BooleanQuery::new(vec![
                    (Occur::Should, exact),
                    (
                        Occur::Should,
                        Box::new(BoostQuery::new(Box::new(near), NEAR_NAME_SCORE)),
                    ),
                ])))
            }
        }
    }

    /// The indexed form of `literal` when it is a plain word of four letters or more that occurs
    /// nowhere in the index: such a word also matches names one edit away.
    fn unknown_word(&self, searcher: &Searcher, literal: &UserInputLiteral) -> Option<String> {
        if literal.field_name.is_some()
            || literal.delimiter != Delimiter::None
            || literal.prefix
            || literal.slop != 0
        {
            return None;
        }
        let mut analyzer = self.index.tokenizer_for_field(self.text).ok()?;
        let mut stream = analyzer.token_stream(&literal.phrase);
        let word = stream.next()?.text.clone();
        if stream.next().is_some()
            || word.chars().count() < 4
            || !word.chars().all(char::is_alphabetic)
        {
            return None;
        }
        let anywhere = searcher
            .doc_freq(&Term::from_field_text(self.text, &word))
            .ok()?;
        (anywhere == 0).then_some(word)
    }

    /// `top` (the best hits of `query`) with the best entities among its matches counted
    /// [`ENTITY_BOOST`] times their score: a name's person, organisation or place comes before the
    /// reports that mention it. The entities are found by a second search narrowed to them, which
    /// costs little (entities are few) and leaves the main search free to skip blocks; a boost
    /// inside the query would have it score every match.
    fn with_entities_first(
        &self,
        searcher: &Searcher,
        query: &BooleanQuery,
        top: Vec<(f32, DocAddress)>,
        limit: usize,
    ) -> tantivy::Result<Vec<(f32, DocAddress)>> {
        let entities = BooleanQuery::new(vec![
            (Occur::Must, Box::new(query.clone())),
            (
                Occur::Must,
                // Scores nothing: an entity's score is its words' alone.
                Box::new(ConstScoreQuery::new(
                    Box::new(TermQuery::new(
                        Term::from_facet(self.facet, &facet("kind", "entity")),
                        IndexRecordOption::Basic,
                    )),
                    0.0,
                )),
            ),
        ]);
        let best_entities =
            searcher.search(&entities, &TopDocs::with_limit(limit).order_by_score())?;
        Ok(entities_first(top, &best_entities, limit))
    }

    /// Runs `request`; `doc_texts` gives the clean texts of documents, in the order asked, for
    /// their snippets (asked once, for the documents among the hits).
    pub(crate) fn search(
        &self,
        doc_texts: impl Fn(&[&str]) -> Vec<Option<String>>,
        request: &SearchRequest,
    ) -> tantivy::Result<SearchResults> {
        let searcher = self.reader.searcher();
        let q = request.q.trim();
        let text_query: Box<dyn Query> = if q.is_empty() {
            Box::new(AllQuery)
        } else {
            self.text_query(&searcher, q)
        };
        // The words' own clauses when they are all required, rather than the words as one
        // clause: tantivy skips blocks only for one flat conjunction, and scores every match of
        // a nested one (24 ms instead of 3 for four common words at a million reports).
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            match text_query.downcast_ref::<BooleanQuery>() {
                Some(words) if words.clauses().iter().all(|(o, _)| *o == Occur::Must) => words
                    .clauses()
                    .iter()
                    .map(|(o, q)| (*o, q.box_clone()))
                    .collect(),
                _ => vec![(Occur::Must, text_query)],
            };
        for (dim, value) in &request.filters {
            let term = Term::from_facet(self.facet, &facet(dim, value));
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            ));
        }
        let query = BooleanQuery::new(clauses);
        let limit = request.limit.clamp(1, 100);
        let best = TopDocs::with_limit(limit).order_by_score();
        // Two passes, because together they would cost more: the best hits alone let tantivy
        // skip blocks of documents that cannot enter them, and the matches alone need no scores.
        // Except for a phrase: its every match is scored (positions are read) either way, so
        // one pass does both.
        let mut phrase = false;
        query.query_terms(&mut |_, positions| phrase |= positions);
        let (top, matches) = if phrase {
            searcher.search(&query, &(best, MatchSet))?
        } else {
            (
                searcher.search(&query, &best)?,
                searcher.search(&query, &MatchSet)?,
            )
        };
        // Narrowed to documents, the query can find no entity to put first.
        let documents_only = request
            .filters
            .iter()
            .any(|(dim, value)| dim == "kind" && value == "document");
        let top = if documents_only {
            top
        } else {
            self.with_entities_first(&searcher, &query, top, limit)?
        };
        let (total, facet_counts) = self.facet_sets.count(&searcher, &matches)?;
        let snippets = if q.is_empty() {
            None
        } else {
            Some(SnippetGenerator::create(&searcher, &query, self.text)?)
        };
        let mut found = Vec::with_capacity(top.len());
        for (score, address) in top {
            let stored: TantivyDocument = searcher.doc(address)?;
            let get = |f: Field| {
                stored
                    .get_first(f)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            let kind = if get(self.kind) == "entity" {
                "entity"
            } else {
                "document"
            };
            found.push((score, kind, get(self.id)));
        }
        // The texts of the documents among the hits, read together: from a server store, one
        // round trip for the page instead of one per hit.
        let mut texts = match &snippets {
            Some(_) => {
                let ids: Vec<&str> = found
                    .iter()
                    .filter(|(_, kind, _)| *kind == "document")
                    .map(|(_, _, id)| id.as_str())
                    .collect();
                doc_texts(&ids).into_iter()
            }
            None => Vec::new().into_iter(),
        };
        let mut hits = Vec::with_capacity(found.len());
        for (score, kind, id) in found {
            let snippet = match (&snippets, kind) {
                (Some(gen), "document") => texts.next().flatten().and_then(|text| {
                    let s = gen.snippet(&text);
                    if s.is_empty() {
                        return None;
                    }
                    let fragment = s.fragment();
                    let chars = |b: usize| fragment[..b].chars().count();
                    Some(Snippet {
                        text: fragment.to_string(),
                        highlights: s
                            .highlighted()
                            .iter()
                            .map(|r| [chars(r.start), chars(r.end)])
                            .collect(),
                    })
                }),
                _ => None,
            };
            hits.push(Hit {
                kind,
                id,
                score,
                snippet,
            });
        }
        Ok(SearchResults {
            total,
            hits,
            facets: facet_counts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_count_three_times_and_each_hit_is_listed_once() {
        let at = |doc: u32| DocAddress::new(0, doc);
        // Reports 1 and 2 outscore entities 3 and 4 by their words; 4 is among the best hits.
        let top = vec![(2.0, at(1)), (1.5, at(2)), (0.25, at(4))];
        let entities = [(0.75, at(3)), (0.25, at(4))];
        assert_eq!(
            entities_first(top.clone(), &entities, 10),
            vec![(2.25, at(3)), (2.0, at(1)), (1.5, at(2)), (0.75, at(4))]
        );
        assert_eq!(
            entities_first(top.clone(), &entities, 2),
            vec![(2.25, at(3)), (2.0, at(1))]
        );
        assert_eq!(
            entities_first(top, &[], 2),
            vec![(2.0, at(1)), (1.5, at(2))]
        );
    }
}
