//! Facet counts whose cost does not grow with the number of matches.
//!
//! tantivy's `FacetCollector` reads the facets of every matching document: about 50 ns a
//! document, so 50 ms for a query that matches a million reports. Here each segment's facet
//! values are turned once, when a searcher is warmed, into the set of documents that carry them
//! ([`SegmentFacets`]). A search then only marks its matches in a bit set ([`MatchSet`], no
//! scoring, as cheap as counting), and each value's count is the size of the intersection of two
//! sets: 64 documents a machine word for the common values, a walk of a short list for the rare
//! ones. When a query matches few documents, reading their facets one by one is cheaper, and that
//! is what is done then. Both ways give exact counts.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::fastfield::FacetReader;
use tantivy::index::SegmentId;
use tantivy::schema::Facet;
use tantivy::{
    DocId, Index, IndexReader, Score, Searcher, SearcherGeneration, SegmentOrdinal, SegmentReader,
    Warmer,
};

use crate::search::FACETS;

/// The documents of one segment that carry one facet value.
enum DocSet {
    /// One bit a document: values carried by at least 1 in [`DENSE_FROM`] documents.
    Dense(Vec<u64>),
    /// Sorted document ids: rarer values, where a bit set would be mostly zeros.
    Sparse(Vec<DocId>),
}

/// A value is kept as a bit set when at least one document in this many carries it: below that,
/// walking its list costs less than intersecting a whole bit set (and takes less memory).
const DENSE_FROM: usize = 32;

/// One facet value of a segment and its documents.
struct FacetValue {
    dimension: &'static str,
    value: String,
    docs: DocSet,
}

/// A segment's facet values, ready for counting.
pub(crate) struct SegmentFacets {
    reader: FacetReader,
    /// For each facet ordinal of the segment, its index in `values` (`u32::MAX`: a facet that is
    /// not counted, such as a bare dimension).
    value_of_ord: Vec<u32>,
    values: Vec<FacetValue>,
    /// Words and list entries [`SegmentFacets::count_by_sets`] visits: what counting by
    /// intersection costs, to compare with reading each match's facets.
    intersection_cost: usize,
}

/// Reading one match's facets costs about this many intersection steps (a column lookup and a
/// handful of ordinals, against one AND and popcount of a word).
const COST_PER_MATCH: usize = 16;

/// Calls `f` with the index in the segment's values of each counted facet value `doc` carries
/// (`value_of_ord` as in [`SegmentFacets`]), once for a value the document carries twice, whose
/// ordinals come in a row.
fn for_each_value(
    reader: &FacetReader,
    value_of_ord: &[u32],
    doc: DocId,
    mut f: impl FnMut(usize),
) {
    let mut previous = u32::MAX;
    for ord in reader.facet_ords(doc) {
        let v = value_of_ord[ord as usize];
        if v != u32::MAX && v != previous {
            f(v as usize);
        }
        previous = v;
    }
}

/// Marks `doc` in a bit set of one bit a document.
fn insert(bits: &mut [u64], doc: DocId) {
    bits[doc as usize / 64] |= 1 << (doc % 64);
}

/// Whether `doc` is marked in a bit set of one bit a document.
fn contains(bits: &[u64], doc: DocId) -> bool {
    bits[doc as usize / 64] & (1 << (doc % 64)) != 0
}

impl SegmentFacets {
    fn build(segment: &SegmentReader, field: &str) -> tantivy::Result<SegmentFacets> {
        let reader = segment.facet_reader(field)?;
        let mut value_of_ord = vec![u32::MAX; reader.num_facets()];
        let mut values = Vec::new();
        let mut facet = Facet::root();
        for (ord, slot) in value_of_ord.iter_mut().enumerate() {
            reader.facet_from_ord(ord as u64, &mut facet)?;
            let path = facet.to_path();
            if let [dim, value] = path[..] {
                if let Some(dimension) = FACETS.iter().find(|d| **d == dim) {
                    *slot = values.len() as u32;
                    values.push((*dimension, value.to_string(), Vec::new()));
                }
            }
        }
        for doc in 0..segment.max_doc() {
            for_each_value(&reader, &value_of_ord, doc, |v| values[v].2.push(doc));
        }
        let max_doc = segment.max_doc() as usize;
        let words = max_doc.div_ceil(64);
        let mut intersection_cost = 0;
        let values = values
            .into_iter()
            .map(|(dimension, value, docs)| {
                let docs = if docs.len() * DENSE_FROM >= max_doc {
                    let mut bits = vec![0u64; words];
                    for d in docs {
                        insert(&mut bits, d);
                    }
                    intersection_cost += words;
                    DocSet::Dense(bits)
                } else {
                    intersection_cost += docs.len();
                    DocSet::Sparse(docs)
                };
                FacetValue {
                    dimension,
                    value,
                    docs,
                }
            })
            .collect();
        Ok(SegmentFacets {
            reader,
            value_of_ord,
            values,
            intersection_cost,
        })
    }

    /// Adds, for each value, how many of `matches` carry it.
    fn count(&self, matches: &[u64], n_matches: usize, counts: &mut [u64]) {
        if n_matches.saturating_mul(COST_PER_MATCH) < self.intersection_cost {
            self.count_by_matches(matches, counts);
        } else {
            self.count_by_sets(matches, counts);
        }
    }

    fn count_by_matches(&self, matches: &[u64], counts: &mut [u64]) {
        for (w, &word) in matches.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                let doc = (w * 64) as DocId + bits.trailing_zeros();
                bits &= bits - 1;
                for_each_value(&self.reader, &self.value_of_ord, doc, |v| counts[v] += 1);
            }
        }
    }

    fn count_by_sets(&self, matches: &[u64], counts: &mut [u64]) {
        for (count, value) in counts.iter_mut().zip(&self.values) {
            *count += match &value.docs {
                DocSet::Dense(bits) => bits
                    .iter()
                    .zip(matches)
                    .map(|(a, b)| u64::from((a & b).count_ones()))
                    .sum::<u64>(),
                DocSet::Sparse(docs) => {
                    docs.iter().filter(|&&d| contains(matches, d)).count() as u64
                }
            };
        }
    }
}

/// For each facet dimension, value → number of matches.
pub(crate) type FacetCounts = BTreeMap<&'static str, BTreeMap<String, u64>>;

/// The facet sets of the segments of the searchers in use: a tantivy [`Warmer`], so a reloaded
/// searcher's new segments are prepared before it serves, and those of searchers no longer used
/// are dropped.
pub(crate) struct FacetSets {
    field: &'static str,
    segments: Mutex<HashMap<SegmentId, Arc<SegmentFacets>>>,
}

impl FacetSets {
    pub(crate) fn new(field: &'static str) -> FacetSets {
        FacetSets {
            field,
            segments: Mutex::new(HashMap::new()),
        }
    }

    /// A reader of `index` that reloads only when told (after our own commits) and has these
    /// sets warmed with each searcher it loads. The reader holds the sets weakly: keep them.
    pub(crate) fn reader(self: &Arc<Self>, index: &Index) -> tantivy::Result<IndexReader> {
        let warmer: Arc<dyn Warmer> = self.clone();
        index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .warmers(vec![Arc::downgrade(&warmer)])
            .try_into()
    }

    fn of(&self, segment: &SegmentReader) -> tantivy::Result<Arc<SegmentFacets>> {
        let id = segment.segment_id();
        if let Some(s) = self.segments.lock().unwrap().get(&id) {
            return Ok(s.clone());
        }
        // Built outside the lock: another search may build the same segment meanwhile, which
        // costs time once but gives the same sets.
        let built = Arc::new(SegmentFacets::build(segment, self.field)?);
        self.segments.lock().unwrap().insert(id, built.clone());
        Ok(built)
    }

    /// The number of matches, and for each facet dimension, value → number of matches.
    pub(crate) fn count(
        &self,
        searcher: &Searcher,
        matches: &Matches,
    ) -> tantivy::Result<(usize, FacetCounts)> {
        let mut out: FacetCounts = FACETS.iter().map(|d| (*d, BTreeMap::new())).collect();
        let mut total = 0;
        for (ord, bits) in &matches.segments {
            let n: usize = bits.iter().map(|w| w.count_ones() as usize).sum();
            if n == 0 {
                continue;
            }
            total += n;
            let facets = self.of(searcher.segment_reader(*ord))?;
            let mut counts = vec![0u64; facets.values.len()];
            facets.count(bits, n, &mut counts);
            for (value, n) in facets.values.iter().zip(counts) {
                if n > 0 {
                    *out.entry(value.dimension)
                        .or_default()
                        .entry(value.value.clone())
                        .or_default() += n;
                }
            }
        }
        Ok((total, out))
    }
}

impl Warmer for FacetSets {
    fn warm(&self, searcher: &Searcher) -> tantivy::Result<()> {
        for segment in searcher.segment_readers() {
            self.of(segment)?;
        }
        Ok(())
    }

    fn garbage_collect(&self, live_generations: &[&SearcherGeneration]) {
        let live: HashSet<SegmentId> = live_generations
            .iter()
            .flat_map(|g| g.segments().keys().copied())
            .collect();
        self.segments
            .lock()
            .unwrap()
            .retain(|id, _| live.contains(id));
    }
}

/// The documents a query matches, one bit set per segment.
pub(crate) struct Matches {
    segments: Vec<(SegmentOrdinal, Vec<u64>)>,
}

/// Collects a query's matches into a [`Matches`], without scoring them.
pub(crate) struct MatchSet;

/// [`MatchSet`] for one segment.
pub(crate) struct SegmentMatchSet {
    ord: SegmentOrdinal,
    bits: Vec<u64>,
}

impl Collector for MatchSet {
    type Fruit = Matches;
    type Child = SegmentMatchSet;

    fn for_segment(
        &self,
        ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentMatchSet> {
        Ok(SegmentMatchSet {
            ord,
            bits: vec![0; (segment.max_doc() as usize).div_ceil(64)],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<(SegmentOrdinal, Vec<u64>)>) -> tantivy::Result<Matches> {
        Ok(Matches { segments })
    }
}

impl SegmentCollector for SegmentMatchSet {
    type Fruit = (SegmentOrdinal, Vec<u64>);

    fn collect(&mut self, doc: DocId, _: Score) {
        insert(&mut self.bits, doc);
    }

    fn harvest(self) -> Self::Fruit {
        (self.ord, self.bits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::{Count, FacetCollector};
    use tantivy::query::{AllQuery, Query, TermQuery};
    use tantivy::schema::{FacetOptions, IndexRecordOption, Schema, STRING};
    use tantivy::{doc, TantivyDocument, Term};

    /// tantivy's own facet counts: the reference.
    fn reference(searcher: &Searcher, query: &dyn Query) -> (usize, FacetCounts) {
        let mut collector = FacetCollector::for_field("facet");
        for dim in FACETS {
            collector.add_facet(Facet::from_path([dim]));
        }
        let (total, counts) = searcher.search(query, &(Count, collector)).unwrap();
        let mut out: BTreeMap<&'static str, BTreeMap<String, u64>> = BTreeMap::new();
        for dim in FACETS {
            let values = out.entry(dim).or_default();
            for (facet, n) in counts.get(Facet::from_path([dim])) {
                values.insert(facet.to_path().last().unwrap().to_string(), n);
            }
        }
        (total, out)
    }

    #[test]
    fn counts_equal_tantivys_for_few_and_many_matches_across_segments_and_deletes() {
        let mut builder = Schema::builder();
        let word = builder.add_text_field("word", STRING);
        let facet = builder.add_facet_field("facet", FacetOptions::default());
        let index = Index::create_in_ram(builder.build());
        let sets = Arc::new(FacetSets::new("facet"));
        let reader = sets.reader(&index).unwrap();
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        // Three segments; "rare" on 1 document in 97, years on all, countries on some twice.
        let mut n = 0u32;
        for _segment in 0..3 {
            for _ in 0..2_000 {
                n += 1;
                let mut d: TantivyDocument = doc!(
                    word => if n.is_multiple_of(97) { "rare" } else { "common" },
                    facet => Facet::from_path(["year", &(1990 + n % 7).to_string()]),
                    facet => Facet::from_path(["kind", "document"]),
                );
                if n.is_multiple_of(3) {
                    d.add_facet(facet, Facet::from_path(["country", "KZ"]));
                    d.add_facet(facet, Facet::from_path(["country", "KZ"]));
                }
                if n.is_multiple_of(500) {
                    d.add_facet(facet, Facet::from_path(["publisher", &format!("P{n}")]));
                }
                // Not a counted dimension, and a bare dimension: both left out.
                d.add_facet(facet, Facet::from_path(["other", "x"]));
                d.add_facet(facet, Facet::from_path(["event"]));
                writer.add_document(d).unwrap();
            }
            writer.commit().unwrap();
        }
        writer.delete_term(Term::from_field_text(word, "rare"));
        writer.commit().unwrap();
        reader.reload().unwrap();
        let searcher = reader.searcher();
        assert_eq!(searcher.segment_readers().len(), 3);
        assert_eq!(sets.segments.lock().unwrap().len(), 3, "warmed on reload");

        let common = TermQuery::new(
            Term::from_field_text(word, "common"),
            IndexRecordOption::Basic,
        );
        let kz = TermQuery::new(
            Term::from_facet(facet, &Facet::from_path(["country", "KZ"])),
            IndexRecordOption::Basic,
        );
        let one_publisher = TermQuery::new(
            Term::from_facet(facet, &Facet::from_path(["publisher", "P1500"])),
            IndexRecordOption::Basic,
        );
        let queries: [&dyn Query; 4] = [&AllQuery, &common, &kz, &one_publisher];
        for query in queries {
            let matches = searcher.search(query, &MatchSet).unwrap();
            let ours = sets.count(&searcher, &matches).unwrap();
            assert_eq!(ours, reference(&searcher, query));
        }
        let (total, counts) = sets
            .count(&searcher, &searcher.search(&AllQuery, &MatchSet).unwrap())
            .unwrap();
        assert_eq!(total, 6_000 - 6_000 / 97);
        assert_eq!(
            counts["country"]["KZ"],
            2_000
                - (1..=6_000)
                    .filter(|n: &u32| n.is_multiple_of(3) && n.is_multiple_of(97))
                    .count() as u64
        );
        assert!(!counts.contains_key("other"));
        // The two ways of counting agree segment by segment, whichever `count` would choose.
        for query in queries {
            for (ord, bits) in searcher.search(query, &MatchSet).unwrap().segments {
                let facets = sets.of(searcher.segment_reader(ord)).unwrap();
                let mut by_matches = vec![0; facets.values.len()];
                let mut by_sets = vec![0; facets.values.len()];
                facets.count_by_matches(&bits, &mut by_matches);
                facets.count_by_sets(&bits, &mut by_sets);
                assert_eq!(by_matches, by_sets);
            }
        }
    }

    #[test]
    fn segments_of_dropped_searchers_are_forgotten() {
        let mut builder = Schema::builder();
        let facet = builder.add_facet_field("facet", FacetOptions::default());
        let index = Index::create_in_ram(builder.build());
        let sets = Arc::new(FacetSets::new("facet"));
        let reader = sets.reader(&index).unwrap();
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for year in ["2001", "2002"] {
            writer
                .add_document(doc!(facet => Facet::from_path(["year", year])))
                .unwrap();
            writer.commit().unwrap();
        }
        reader.reload().unwrap();
        let before = sets.segments.lock().unwrap().len();
        writer
            .merge(&index.searchable_segment_ids().unwrap())
            .wait()
            .unwrap();
        writer.commit().unwrap();
        reader.reload().unwrap();
        let live = reader.searcher().generation().clone();
        sets.garbage_collect(&[&live]);
        assert_eq!(before, 2);
        assert_eq!(sets.segments.lock().unwrap().len(), 1);
    }
}
