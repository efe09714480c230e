//! Full-text search over documents and entities: a tantivy index in RAM, rebuilt with each
//! [`Snapshot`](crate::Snapshot) (it is derived from the store, so there is nothing to keep in
//! step on disk).
//!
//! Text is lowercased and folded to ASCII ("Nazarbaev" and "Nazarbáev" match); entity names also
//! match one edit away ("Koslov" finds "Kozlov"). Facets: `kind` (document or entity), `type`
//! (entity type), `year` and `publisher` (documents).

use casefile_model::KnowledgeBase;
use serde::Serialize;
use std::collections::BTreeMap;
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{
    Facet, FacetOptions, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value,
    STORED, STRING,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, SimpleTokenizer, TextAnalyzer};
use tantivy::{doc, Index, IndexReader, TantivyDocument, Term};

const ANALYZER: &str = "folded";
/// The facet dimensions, in the order pages show them.
pub const FACETS: [&str; 4] = ["kind", "type", "year", "publisher"];

pub(crate) struct SearchIndex {
    index: Index,
    reader: IndexReader,
    kind: Field,
    id: Field,
    title: Field,
    names: Field,
    body: Field,
    publisher: Field,
    facet: Field,
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

fn facet(dim: &str, value: &str) -> Facet {
    Facet::from_path([dim, value])
}

impl SearchIndex {
    pub(crate) fn build(kb: &KnowledgeBase) -> tantivy::Result<SearchIndex> {
        let mut builder = Schema::builder();
        let text = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let kind = builder.add_text_field("kind", STRING | STORED);
        let id = builder.add_text_field("id", STRING | STORED);
        let title = builder.add_text_field("title", text.clone());
        let names = builder.add_text_field("names", text.clone());
        let body = builder.add_text_field("body", text.clone());
        let publisher = builder.add_text_field("publisher", text);
        let facet_field = builder.add_facet_field("facet", FacetOptions::default());
        let index = Index::create_in_ram(builder.build());
        index.tokenizers().register(
            ANALYZER,
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .build(),
        );
        // One thread: the machine is small and indexing is a fraction of resolving.
        let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, 50_000_000)?;
        for d in &kb.documents {
            let mut doc = doc!(
                kind => "document",
                id => d.id.as_str(),
                body => d.text.as_str(),
                facet_field => facet("kind", "document"),
            );
            if let Some(t) = &d.title {
                doc.add_text(title, t);
            }
            if let Some(p) = &d.publisher {
                doc.add_text(publisher, p);
                doc.add_facet(facet_field, facet("publisher", p));
            }
            if let Some(y) = d.published.and_then(|p| p.year) {
                doc.add_facet(facet_field, facet("year", &y.to_string()));
            }
            writer.add_document(doc)?;
        }
        for e in &kb.entities {
            let mut doc = doc!(
                kind => "entity",
                id => e.id.as_str(),
                title => e.name.as_str(),
                facet_field => facet("kind", "entity"),
                facet_field => facet("type", e.entity_type.as_str()),
            );
            for a in &e.aliases {
                doc.add_text(names, a);
            }
            writer.add_document(doc)?;
        }
        writer.commit()?;
        let reader = index.reader()?;
        Ok(SearchIndex {
            index,
            reader,
            kind,
            id,
            title,
            names,
            body,
            publisher,
            facet: facet_field,
        })
    }

    /// Runs `request`; `doc_text` gives a document's clean text for its snippet.
    pub(crate) fn search<'a>(
        &self,
        doc_text: impl Fn(&str) -> Option<&'a str>,
        request: &SearchRequest,
    ) -> tantivy::Result<SearchResults> {
        let searcher = self.reader.searcher();
        let mut parser = QueryParser::for_index(
            &self.index,
            vec![self.title, self.names, self.body, self.publisher],
        );
        parser.set_field_boost(self.title, 3.0);
        parser.set_field_boost(self.names, 3.0);
        parser.set_field_fuzzy(self.names, false, 1, true);
        let q = request.q.trim();
        let text_query: Box<dyn Query> = if q.is_empty() {
            Box::new(AllQuery)
        } else {
            parser.parse_query_lenient(q).0
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query)];
        for (dim, value) in &request.filters {
            let term = Term::from_facet(self.facet, &facet(dim, value));
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            ));
        }
        let query = BooleanQuery::new(clauses);
        let mut facets = FacetCollector::for_field("facet");
        for dim in FACETS {
            facets.add_facet(Facet::from_path([dim]));
        }
        let limit = request.limit.clamp(1, 100);
        let (top, total, facet_counts) = searcher.search(
            &query,
            &(TopDocs::with_limit(limit).order_by_score(), Count, facets),
        )?;
        let snippets = if q.is_empty() {
            None
        } else {
            Some(SnippetGenerator::create(&searcher, &query, self.body)?)
        };
        let mut hits = Vec::with_capacity(top.len());
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
            let id = get(self.id);
            let snippet = match (&snippets, kind) {
                (Some(gen), "document") => doc_text(&id).and_then(|text| {
                    let s = gen.snippet(text);
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
        let mut out: BTreeMap<&'static str, BTreeMap<String, u64>> = BTreeMap::new();
        for dim in FACETS {
            let counts = out.entry(dim).or_default();
            for (f, n) in facet_counts.get(Facet::from_path([dim])) {
                if let Some(value) = f.to_path().last() {
                    counts.insert((*value).to_string(), n);
                }
            }
        }
        Ok(SearchResults {
            total,
            hits,
            facets: out,
        })
    }
}
