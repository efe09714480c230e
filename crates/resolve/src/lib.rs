//! The knowledge base across documents: one entity per real-world entity, one event per statement.
//!
//! - **Within a document**, a short mention joins the full name it stands for: a person's surname
//!   ("Kozlov", "Mr Kozlov") the one person of that surname; an organisation's acronym ("HRF") the
//!   name whose initials it is; an organisation's first word ("Amnesty") the one organisation
//!   named in full with it (not when that word names a place in the record); a surname the reader
//!   typed as something else ("Koslov" as an organisation) the person of that surname.
//! - **Across documents**, distinct names are blocked (type + skeleton of the surname or of the
//!   longest word; for persons also first name + the surname's consonants) and compared within
//!   the block only, so the cost grows with the size of blocks, not the square of the record.
//!   Names are compared by [`names`]: transliteration skeletons and the rigour variant table,
//!   masculine and feminine forms kept apart. Persons join when the surnames are one name and the
//!   first names agree (Vladimir Kozlov ≠ Aliya Kozlov); a surname alone joins a person only when
//!   exactly one person of that surname exists in the whole record. Places in different countries
//!   never join. An acronym alone joins the one name the record defines it as.
//! - Every merge keeps its reason ([`Resolution::reasons`], [`explain`]).
//!
//! Ids are derived from the entity's type and fullest name (and a place's country), so the same
//! store yields the same ids on every run, on every machine, whatever the order of documents.

use casefile_model::{
    AnalyzedDocument, CharIndex, Claim, ClaimRecord, DocumentId, DocumentRecord, Entity, EntityId,
    EntityMention, EntityType, Event, EventMention, Evidence, KnowledgeBase, LegalRef, PartialDate,
    Participant, Review, Span,
};
pub mod events;
pub mod names;
pub mod reviews;

pub use events::Conflict;

pub use names::{compare_pairs, same_name, NameDecision};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The name used to compare mentions: case folded, white space collapsed, curly quotes
/// straightened, a leading "the" and a trailing possessive removed.
pub fn name_key(name: &str) -> String {
    let straight: String = name
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            c => c,
        })
        .collect();
    let mut key = straight
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if let Some(rest) = key.strip_prefix("the ") {
        key = rest.to_string();
    }
    if let Some(rest) = key.strip_suffix("'s") {
        key = rest.to_string();
    }
    key.trim_matches(|c: char| c == '"' || c == '.' || c == ',' || c == ';' || c == ':')
        .to_string()
}

fn stable_id(prefix: &str, parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for p in parts {
        hasher.update(p.as_bytes());
        hasher.update([0]);
    }
    format!("{prefix}-{}", hex::encode(&hasher.finalize()[..8]))
}

fn type_prefix(t: EntityType) -> &'static str {
    match t {
        EntityType::Person => "per",
        EntityType::Organization => "org",
        EntityType::Location => "loc",
        EntityType::LegalProvision => "law",
        EntityType::Misc => "misc",
    }
}

/// How one document's mentions name entities: each mention's key (the normalised name of the entity
/// it names in this document) and, when the mention was linked to a longer name, why.
struct DocumentKeys {
    keys: Vec<String>,
    /// Each mention's entity type: the reader's, except a surname the reader typed otherwise.
    types: Vec<EntityType>,
    reasons: Vec<Option<String>>,
    /// Acronyms this document defines: acronym key → the full name's key.
    acronyms: Vec<(String, String)>,
}

/// The initials of a name's capitalised words ("Human Rights Foundation" → "hrf"), and of all its
/// words; "of", "for", "the", "and" are skipped in the first.
fn initials(name: &str) -> [String; 2] {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = |w: &&str| w.chars().next().map(|c| c.to_lowercase().to_string());
    let caps: String = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(first)
        .collect();
    let all: String = words.iter().filter_map(first).collect();
    [caps, all]
}

fn is_acronym(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&letters)
        && !text.contains(' ')
        && text
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&' || c.is_ascii_digit())
}

/// Links, within one document, short mentions to the full name they stand for: a person's surname
/// to the one person of that surname, an organisation's acronym to the name it abbreviates, an
/// organisation's first word ("Amnesty") to the one organisation named in full with it.
fn document_keys(analysis: &Facts, places: &HashSet<String>) -> DocumentKeys {
    let keys: Vec<String> = analysis
        .mentions
        .iter()
        .map(|m| match shared_citation(analysis, m) {
            Some(legal) => name_key(&single_citation(legal)),
            None => name_key(&m.text),
        })
        .collect();
    let doc = analysis.id.as_str();
    // Surname skeleton → the full-name keys (two parts or more) of persons ending with it.
    let mut by_surname: HashMap<String, Vec<&str>> = HashMap::new();
    // Given-name skeleton → the full-name keys of persons starting with it.
    let mut by_given: HashMap<String, Vec<&str>> = HashMap::new();
    let mut org_fulls: Vec<(&str, &str)> = Vec::new();
    for (m, key) in analysis.mentions.iter().zip(&keys) {
        let parts = names::word_parts(key);
        if m.entity_type == EntityType::Person && parts.len() >= 2 {
            let surname = names::skeleton(&parts[parts.len() - 1]);
            let fulls = by_surname.entry(surname).or_default();
            if !fulls.contains(&key.as_str()) {
                fulls.push(key);
            }
            let fulls = by_given.entry(names::skeleton(&parts[0])).or_default();
            if !fulls.contains(&key.as_str()) {
                fulls.push(key);
            }
        }
        if m.entity_type == EntityType::Organization
            && parts.len() >= 2
            && !org_fulls.iter().any(|(k, _)| k == key)
        {
            org_fulls.push((key, &m.text));
        }
    }
    let mut reasons = vec![None; keys.len()];
    let mut acronyms = Vec::new();
    let mut out = keys.clone();
    let mut types: Vec<EntityType> = analysis.mentions.iter().map(|m| m.entity_type).collect();
    for (i, (m, key)) in analysis.mentions.iter().zip(&keys).enumerate() {
        // "Kyaw Min Yu, known as Ko Jimmy": the other name of the person just named.
        if m.known_as && i > 0 {
            reasons[i] = Some(format!(
                "\"{}\" in document {doc} is {}: the text gives it as that person's other name",
                m.text,
                out[i - 1]
            ));
            out[i] = out[i - 1].clone();
            continue;
        }
        let parts = names::word_parts(key);
        // Two surnames without the given name ("Mr Lacayo Ruiz" beside "Tomás Lacayo Ruiz"):
        // the one longer name of a person there that ends with them.
        if parts.len() >= 2 && m.entity_type == EntityType::Person {
            let surname = names::skeleton(&parts[parts.len() - 1]);
            let longer: Vec<&str> = by_surname
                .get(&surname)
                .into_iter()
                .flatten()
                .copied()
                .filter(|full| {
                    let fp = names::word_parts(full);
                    fp.len() > parts.len() && fp.ends_with(&parts)
                })
                .collect();
            if let [full] = longer.as_slice() {
                reasons[i] = Some(format!(
                    "\"{}\" in document {doc} is {full}, the only person there whose name ends so",
                    m.text
                ));
                out[i] = full.to_string();
            }
            continue;
        }
        if parts.len() != 1 {
            continue;
        }
        let surname = names::skeleton(&parts[0]);
        let only_person = by_surname.get(&surname).map(Vec::as_slice);
        match m.entity_type {
            EntityType::Person => {
                if let Some([full]) = only_person {
                    reasons[i] = Some(format!(
                        "\"{}\" in document {doc} is {full}, the only person of that surname there",
                        m.text
                    ));
                    out[i] = full.to_string();
                } else if only_person.is_none() {
                    // A given name alone ("Tanvir had organised protests" after "Tanvir Hasan
                    // Rony"): the one person there of that given name, when it is nobody's
                    // surname there.
                    if let Some([full]) = by_given.get(&surname).map(Vec::as_slice) {
                        reasons[i] = Some(format!(
                            "\"{}\" in document {doc} is {full}, the only person of that given \
                             name there",
                            m.text
                        ));
                        out[i] = full.to_string();
                    }
                }
            }
            // A reader's slip: the surname of the one person of that name, read as a name of
            // another type ("Koslov" as an organisation beside "Vladimir Kozlov").
            EntityType::Organization | EntityType::Location | EntityType::Misc
                if !is_acronym(&m.text) && matches!(only_person, Some([_])) =>
            {
                let full = only_person
                    .and_then(|f| f.first())
                    .copied()
                    .unwrap_or_default();
                reasons[i] = Some(format!(
                    "\"{}\" in document {doc} was read as {}, but it is the surname of {full}, \
                     the only person of that surname there",
                    m.text,
                    m.entity_type.as_str()
                ));
                out[i] = full.to_string();
                types[i] = EntityType::Person;
            }
            EntityType::Organization if is_acronym(&m.text) => {
                let letters: String = key.chars().filter(|c| c.is_alphanumeric()).collect();
                let found: Vec<&str> = org_fulls
                    .iter()
                    .filter(|(_, text)| initials(text).contains(&letters))
                    .map(|(k, _)| *k)
                    .collect();
                if let [full] = found.as_slice() {
                    reasons[i] = Some(format!(
                        "\"{}\" abbreviates {full} in document {doc}",
                        m.text
                    ));
                    acronyms.push((key.clone(), full.to_string()));
                    out[i] = full.to_string();
                }
            }
            // Not when the word names a place somewhere in the record: "Tarsaly" is not short for
            // "Tarsaly Bureau for Human Rights".
            EntityType::Organization if !places.contains(key) => {
                let mut found: Vec<&str> = org_fulls
                    .iter()
                    .map(|(k, _)| *k)
                    .filter(|k| k.split(' ').next() == Some(key.as_str()))
                    .collect();
                found.sort_by_key(|k| k.len());
                // "Amnesty International" and "Amnesty International UK": the shorter is meant.
                if let Some(&shortest) = found.first() {
                    if found.iter().all(|k| k.starts_with(shortest)) {
                        reasons[i] = Some(format!(
                            "\"{}\" is short for {shortest} in document {doc}",
                            m.text
                        ));
                        out[i] = shortest.to_string();
                    }
                }
            }
            _ => {}
        }
    }
    // The other name stands for the person wherever else the document uses it alone.
    let other_names: Vec<(String, String)> = (0..keys.len())
        .filter(|&i| analysis.mentions[i].known_as)
        .map(|i| (keys[i].clone(), out[i].clone()))
        .collect();
    for (alias, person) in other_names {
        for j in 0..keys.len() {
            if keys[j] == alias && out[j] == alias && types[j] == EntityType::Person {
                reasons[j] = Some(format!(
                    "\"{}\" in document {doc} is {person}: the text gives it as that person's \
                     other name",
                    analysis.mentions[j].text
                ));
                out[j] = person.clone();
            }
        }
    }
    DocumentKeys {
        keys: out,
        types,
        reasons,
        acronyms,
    }
}

/// The knowledge base with the reasons for every merge it made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolution {
    /// The resolved record.
    pub kb: KnowledgeBase,
    /// For each entity built from more than one name or document, why its parts were joined.
    pub reasons: BTreeMap<EntityId, Vec<String>>,
    /// Values sources state differently: of one event (sentence lengths, victim counts, legal
    /// basis, numeric claims) and the dates of events about one person ([`Conflict`]).
    pub conflicts: Vec<Conflict>,
}

/// The disagreements between sources of one event, with both passages: what
/// `casefile conflicts` lists. They are found while events are merged, so they come from the
/// [`Resolution`] rather than the exported knowledge base (which keeps one value per event).
pub fn conflicts(resolution: &Resolution) -> &[Conflict] {
    &resolution.conflicts
}

/// Why an entity was resolved as it was (empty when it was never merged): what
/// `casefile explain ENTITY` prints.
pub fn explain<'a>(resolution: &'a Resolution, entity: &str) -> &'a [String] {
    resolution
        .reasons
        .get(entity)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// One distinct name of one type (and, for places, one country) in the whole record.
struct Node {
    entity_type: EntityType,
    key: String,
    country: Option<String>,
    /// Skeletons of the name's parts.
    skels: Vec<String>,
    /// (document index, mention index) of every mention.
    mentions: Vec<(usize, usize)>,
    documents: BTreeSet<usize>,
    reasons: BTreeSet<String>,
}

/// The skeletons a name is matched on. A place the gazetteer placed in a country is matched
/// without the state's form ("Republic of Kazakhstan" is Kazakhstan); the country guard keeps
/// "Republic of Korea" from North Korea.
fn match_parts(entity_type: EntityType, key: &str, has_country: bool) -> Vec<String> {
    let mut parts = if entity_type == EntityType::Person {
        names::word_parts(key)
    } else {
        names::name_parts(key)
    };
    if entity_type == EntityType::Location && has_country {
        let forms = [
            "republic",
            "kingdom",
            "state",
            "commonwealth",
            "federation",
            "principality",
        ];
        let of = parts.iter().position(|p| p == "of");
        if let Some(of) = of {
            if of + 1 < parts.len()
                && parts[..of].iter().all(|p| {
                    forms.contains(&p.as_str())
                        || p == "federal"
                        || p == "islamic"
                        || p == "united"
                        || p == "socialist"
                })
                && parts[..of].iter().any(|p| forms.contains(&p.as_str()))
            {
                parts.drain(..=of);
            }
        }
    }
    parts.iter().map(|p| names::skeleton(p)).collect()
}

/// Union-find over nodes, with what each cluster needs for its guards.
struct Clusters {
    parent: Vec<usize>,
    /// Per root: the first-name skeletons of its full person names.
    given: Vec<BTreeSet<String>>,
    /// Per root: the countries of its places.
    countries: Vec<BTreeSet<String>>,
    reasons: Vec<Vec<String>>,
    /// Per root: the people's "different" judgements it takes a side in (judgement, side), so no
    /// union, automatic or judged, joins the two sides.
    apart: Vec<BTreeSet<(usize, bool)>>,
}

impl Clusters {
    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins the clusters of `a` and `b` unless their given names conflict or their places lie in
    /// different countries. The smaller index stays the root so the result does not depend on the
    /// order of calls' arguments.
    fn union(&mut self, a: usize, b: usize, reason: String) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        let given_ok = self.given[ra]
            .iter()
            .all(|x| self.given[rb].iter().all(|y| given_compatible(x, y)));
        let countries: BTreeSet<&String> = self.countries[ra]
            .iter()
            .chain(&self.countries[rb])
            .collect();
        if !given_ok || countries.len() > 1 {
            return false;
        }
        self.join_roots(ra, rb, Some(reason))
    }

    /// Joins the clusters of `a` and `b` because a person judged them one, whatever the guards of
    /// the automatic decision say, but never against a person's judgement that they differ.
    fn union_judged(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        ra == rb || self.join_roots(ra, rb, None)
    }

    fn join_roots(&mut self, ra: usize, rb: usize, reason: Option<String>) -> bool {
        let kept_apart = self.apart[ra]
            .iter()
            .any(|&(j, side)| self.apart[rb].contains(&(j, !side)));
        if kept_apart {
            return false;
        }
        let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[child] = root;
        let g = std::mem::take(&mut self.given[child]);
        self.given[root].extend(g);
        let c = std::mem::take(&mut self.countries[child]);
        self.countries[root].extend(c);
        let r = std::mem::take(&mut self.reasons[child]);
        self.reasons[root].extend(r);
        self.reasons[root].extend(reason);
        let a = std::mem::take(&mut self.apart[child]);
        self.apart[root].extend(a);
        true
    }
}

/// Two first names can be one person's: the same name, or an initial and a name it begins.
fn given_compatible(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.len() == 1 || b.len() == 1 {
        return a.chars().next() == b.chars().next();
    }
    skeleton_parts_same(a, b)
}

fn skeleton_parts_same(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    names::NameTable::builtin().shared_group(a, b).is_some() && !names::gender_forms(a, b)
}

/// All parts the same name, in order (skeletons compared, then the variant table).
fn all_parts_same(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| skeleton_parts_same(x, y))
}

/// Two full person names name one person: the same surname, and first names that agree (an
/// initial agrees with a name it begins); a middle name or patronymic only one of them gives is no
/// conflict.
fn persons_match(a: &[String], b: &[String]) -> bool {
    let (Some(sa), Some(sb)) = (a.last(), b.last()) else {
        return false;
    };
    let surnames_agree =
        skeleton_parts_same(sa, sb) || (a[0] == b[0] && a[0].len() > 1 && one_vowel_apart(sa, sb));
    if !surnames_agree {
        return false;
    }
    if !given_compatible(&a[0], &b[0]) {
        return false;
    }
    // "bin Salman" names a father, so "Mohammed bin Salman" and "Muhammad Salman" (a common
    // given name and surname) are two people: a patronymic particle only one name has is a
    // conflict, unlike a middle name.
    if patronymic_particle(a) != patronymic_particle(b) {
        return false;
    }
    if a.len() == b.len() {
        return a[1..a.len() - 1]
            .iter()
            .zip(&b[1..b.len() - 1])
            .all(|(x, y)| given_compatible(x, y));
    }
    true
}

/// The Arabic particle of a father's name ("bin", "ibn", "bint") inside a name's skeletons, if
/// there is one; only between the first and the last part, where "Ben" is no given name.
fn patronymic_particle(parts: &[String]) -> Option<&str> {
    let inner = parts.get(1..parts.len().saturating_sub(1))?;
    inner
        .iter()
        .map(String::as_str)
        .find(|p| matches!(*p, "bin" | "ibn" | "bint" | "binti"))
}

/// Two surnames that differ in one vowel only (Temirov/Timirov): a spelling slip when the first
/// names are the same, though not enough on its own (Cuomo/Cuono, Lurii/Lurie are two names).
fn one_vowel_apart(a: &str, b: &str) -> bool {
    if a.len() != b.len() || a.len() < 5 || names::gender_forms(a, b) {
        return false;
    }
    let diffs: Vec<(u8, u8)> = a.bytes().zip(b.bytes()).filter(|(x, y)| x != y).collect();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    // Not the last letter: that is where endings (and genders) differ.
    matches!(diffs.as_slice(), [(x, y)] if vowel(*x) && vowel(*y))
        && a.as_bytes()[a.len() - 1] == b.as_bytes()[b.len() - 1]
}

/// How reasons name a document: the file name it was ingested from, else its id.
fn doc_name(d: &casefile_model::Document) -> String {
    let base = d.source.rsplit('/').next().unwrap_or(&d.source);
    if base.is_empty() {
        d.id.to_string()
    } else {
        base.to_string()
    }
}

/// What resolution needs of one document's analysis, with its clean text gone: every offset
/// already in characters and every passage already cut, so the record of a million documents is
/// never in memory twice (analyses and knowledge base) and texts at most once.
struct Facts {
    id: DocumentId,
    /// [`doc_name`], for reasons.
    name: String,
    published: Option<PartialDate>,
    mentions: Vec<FactMention>,
    /// Each statement with its passages: the main one first, then its restatements.
    events: Vec<(EventMention, Vec<Evidence>)>,
    claims: Vec<(Claim, Evidence)>,
}

/// A [`casefile_model::Mention`] with character offsets and without what resolution ignores.
struct FactMention {
    text: String,
    entity_type: EntityType,
    country: Option<String>,
    // Boxed: most mentions are not legal provisions, and the struct is inline in every mention.
    legal: Option<Box<LegalRef>>,
    start: usize,
    end: usize,
    /// A person's other name given right after the one before: "Kyaw Min Yu, known as Ko Jimmy".
    known_as: bool,
}

/// The words that give a person's other name after the name: "X, known as Y", "X (also known as
/// Y)", "X, alias Y".
fn introduces_other_name(between: &str) -> bool {
    let b = between.trim().trim_start_matches([',', '(']).trim();
    // What lies between two names is often a paragraph: lower-casing never shortens a text in
    // characters, so one of more than 15 (at most 4 bytes each) cannot become a phrase below.
    if b.len() > 60 {
        return false;
    }
    let b = b.to_lowercase();
    matches!(
        b.as_str(),
        "known as" | "also known as" | "better known as" | "widely known as" | "alias" | "aka"
    )
}

impl Facts {
    /// Cuts the passages and converts the offsets of `analysis`, and gives its document record
    /// (with the clean text when `texts`).
    fn read(analysis: AnalyzedDocument, texts: bool) -> (Facts, DocumentRecord) {
        let AnalyzedDocument {
            document,
            mentions,
            events,
            claims,
            ..
        } = analysis;
        let index = CharIndex::new(&document.text);
        let evidence = |span: Span| Evidence {
            document: document.id.clone(),
            start: index.char_offset(span.start),
            end: index.char_offset(span.end),
            text: span.slice(&document.text).unwrap_or_default().to_string(),
        };
        // Pushed into exact-size vectors rather than collected in place, which would keep the
        // larger allocation of the source vector.
        let mut fact_mentions = Vec::with_capacity(mentions.len());
        let mut previous: Option<(usize, EntityType)> = None;
        for m in mentions {
            let known_as = m.entity_type == EntityType::Person
                && previous.is_some_and(|(end, t)| {
                    t == EntityType::Person
                        && document
                            .text
                            .get(end..m.span.start)
                            .is_some_and(introduces_other_name)
                });
            previous = Some((m.span.end, m.entity_type));
            fact_mentions.push(FactMention {
                start: index.char_offset(m.span.start),
                end: index.char_offset(m.span.end),
                text: m.text,
                entity_type: m.entity_type,
                country: m.country,
                legal: m.legal.map(Box::new),
                known_as,
            });
        }
        let mut fact_events = Vec::with_capacity(events.len());
        for em in events {
            let mut sources = Vec::with_capacity(1 + em.restated.len());
            sources.push(evidence(em.evidence));
            sources.extend(em.restated.iter().map(|&s| evidence(s)));
            fact_events.push((em, sources));
        }
        let mut fact_claims = Vec::with_capacity(claims.len());
        for c in claims {
            let ev = evidence(c.evidence);
            fact_claims.push((c, ev));
        }
        let facts = Facts {
            id: document.id.clone(),
            name: doc_name(&document),
            published: document.meta.published,
            mentions: fact_mentions,
            events: fact_events,
            claims: fact_claims,
        };
        let record = DocumentRecord::new(
            document.id,
            document.source,
            document.format,
            document.meta,
            if texts { document.text } else { String::new() },
        );
        (facts, record)
    }
}

/// Resolution fed one analysis at a time (as a store streams them):
/// each is reduced to what resolution needs as it arrives and the analysis dropped, so the
/// analyses of the whole store are never in memory together.
///
/// `Resolver::new().add(a)…finish(reviews)` gives exactly what [`resolve_reviewed`] gives for the
/// same analyses in the same order.
pub struct Resolver {
    facts: Vec<Facts>,
    documents: Vec<DocumentRecord>,
    texts: bool,
}

impl Default for Resolver {
    fn default() -> Self {
        Resolver::new()
    }
}

impl Resolver {
    /// A resolver whose record keeps every document's clean text (what the export writes).
    pub fn new() -> Self {
        Resolver {
            facts: Vec::new(),
            documents: Vec::new(),
            texts: true,
        }
    }

    /// A resolver whose record leaves every [`DocumentRecord::text`] empty: for a reader that
    /// fetches a document's text from the store when it needs it (`casefile serve`), so texts
    /// never stay in memory. Everything else, passages included, is as [`Resolver::new`] gives.
    pub fn without_texts() -> Self {
        Resolver {
            texts: false,
            ..Resolver::new()
        }
    }

    /// Adds the next document (documents are listed in the order added: ingestion order).
    pub fn add(&mut self, analysis: AnalyzedDocument) {
        let (facts, record) = Facts::read(analysis, self.texts);
        self.facts.push(facts);
        self.documents.push(record);
    }

    /// Resolves the documents added, applying people's judgements as [`resolve_reviewed`] does.
    pub fn finish(self, reviews: &[Review]) -> Resolution {
        reviewed(resolve_judged(self.facts, self.documents, reviews), reviews)
    }
}

/// The documents of `analyses`, copied into a [`Resolver`].
fn facts_of(analyses: &[AnalyzedDocument]) -> Resolver {
    let mut resolver = Resolver::new();
    for a in analyses {
        resolver.add(a.clone());
    }
    resolver
}

/// Builds the knowledge base from every document's analysis.
///
/// The result does not depend on the order of `analyses` except for the order of the document
/// list, which follows it (ingestion order).
pub fn build_knowledge_base(analyses: &[AnalyzedDocument]) -> KnowledgeBase {
    resolve(analyses).kb
}

/// Resolves the record as [`resolve`] does, then applies people's judgements from the store's
/// review log ([`reviews`]), oldest first.
///
/// Entity judgements (`merge`, `split`) are constraints of the clustering itself: names a person
/// judged one entity are joined whatever the automatic guards say, and names judged different
/// are never joined, neither directly nor through a chain. The entities are found again by their
/// anchors (type and every spelling they had when judged), so judgements survive re-ingest and
/// re-extraction; the reviewer's judgement is the reason [`explain`] gives.
pub fn resolve_reviewed(analyses: &[AnalyzedDocument], reviews: &[Review]) -> Resolution {
    facts_of(analyses).finish(reviews)
}

/// `resolution` with the event judgements of `reviews` applied.
fn reviewed(mut resolution: Resolution, reviews: &[Review]) -> Resolution {
    reviews::apply_event_reviews(&mut resolution, reviews);
    // A disagreement about an event a person rejected is no longer one.
    let ids: HashSet<&str> = resolution.kb.events.iter().map(|e| e.id.as_str()).collect();
    resolution.conflicts.retain(|c| {
        ids.contains(c.event.as_str())
            && c.other_event
                .as_ref()
                .is_none_or(|o| ids.contains(o.as_str()))
    });
    resolution
}

/// Resolves entities across documents and keeps the reason for every merge.
///
/// Within a document, short mentions join the full name they stand for ([`document_keys`]).
/// Across documents, distinct names are blocked by type and the skeleton of the surname (persons)
/// or of the longest word (others), and joined within a block when [`names`] says the names are
/// one: persons when surname and first names agree (Vladimir Kozlov ≠ Aliya Kozlov, Kozlov ≠
/// Kozlova); places unless they lie in different countries; a surname alone when exactly one
/// person of that surname exists in the whole record; an acronym when the record defines it one
/// way only.
pub fn resolve(analyses: &[AnalyzedDocument]) -> Resolution {
    let Resolver {
        facts, documents, ..
    } = facts_of(analyses);
    resolve_judged(facts, documents, &[])
}

/// [`resolve`] with the entity judgements of `reviews` as constraints of the clustering.
/// `documents` is the document list as given (ingestion order); `facts` are consumed as the
/// record is built.
fn resolve_judged(
    mut sorted: Vec<Facts>,
    documents: Vec<DocumentRecord>,
    reviews: &[Review],
) -> Resolution {
    // Everything but the document list is built in document-id order: order-independent.
    sorted.sort_by(|a, b| a.id.as_str().cmp(b.id.as_str()));

    let mut nodes_by_key: BTreeMap<(EntityType, String, Option<String>), Node> = BTreeMap::new();
    let split_names = reviews::split_names(reviews);
    let mut acronym_defs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let places: HashSet<String> = sorted
        .iter()
        .flat_map(|a| a.mentions.iter())
        .filter(|m| m.entity_type == EntityType::Location)
        .map(|m| name_key(&m.text))
        .collect();
    for (d, analysis) in sorted.iter().enumerate() {
        let mut dk = document_keys(analysis, &places);
        if !split_names.is_empty() {
            // A short name a person split off its full name is not linked to it in the document.
            for (i, m) in analysis.mentions.iter().enumerate() {
                let own = name_key(&m.text);
                if dk.keys[i] != own && reviews::kept_apart(&split_names, &own, &dk.keys[i]) {
                    dk.keys[i] = own;
                    dk.types[i] = m.entity_type;
                    dk.reasons[i] = None;
                }
            }
        }
        for (i, m) in analysis.mentions.iter().enumerate() {
            let entity_type = dk.types[i];
            let country = if entity_type == EntityType::Location {
                m.country.clone()
            } else {
                None
            };
            let key = dk.keys[i].clone();
            let node = nodes_by_key
                .entry((entity_type, key.clone(), country.clone()))
                .or_insert_with(|| Node {
                    entity_type,
                    skels: match_parts(entity_type, &key, country.is_some()),
                    key,
                    country,
                    mentions: Vec::new(),
                    documents: BTreeSet::new(),
                    reasons: BTreeSet::new(),
                });
            node.mentions.push((d, i));
            node.documents.insert(d);
            if let Some(r) = dk.reasons[i].take() {
                node.reasons.insert(r);
            }
        }
        for (acro, full) in dk.acronyms {
            acronym_defs.entry(acro).or_default().insert(full);
        }
    }
    let nodes: Vec<Node> = nodes_by_key.into_values().collect();
    // Each mention's node, by document and position: the keys it was found by are not kept.
    let mut mention_node: Vec<Vec<usize>> =
        sorted.iter().map(|a| vec![0; a.mentions.len()]).collect();
    for (n, node) in nodes.iter().enumerate() {
        for &(d, i) in &node.mentions {
            mention_node[d][i] = n;
        }
    }
    let index_of: HashMap<(EntityType, &str), Vec<usize>> =
        nodes
            .iter()
            .enumerate()
            .fold(HashMap::new(), |mut m, (i, n)| {
                m.entry((n.entity_type, n.key.as_str()))
                    .or_default()
                    .push(i);
                m
            });

    let mut clusters = Clusters {
        parent: (0..nodes.len()).collect(),
        given: nodes
            .iter()
            .map(|n| {
                if n.entity_type == EntityType::Person && n.skels.len() >= 2 {
                    n.skels.first().cloned().into_iter().collect()
                } else {
                    BTreeSet::new()
                }
            })
            .collect(),
        countries: nodes
            .iter()
            .map(|n| n.country.iter().cloned().collect())
            .collect(),
        reasons: vec![Vec::new(); nodes.len()],
        apart: vec![BTreeSet::new(); nodes.len()],
    };
    let node_names: Vec<(EntityType, &str)> = nodes
        .iter()
        .map(|n| (n.entity_type, n.key.as_str()))
        .collect();
    let judged = reviews::entity_constraints(&node_names, reviews);
    for (j, (a, b, _)) in judged.apart.iter().enumerate() {
        for (side, members) in [(false, a), (true, b)] {
            for &n in members {
                clusters.apart[n].insert((j, side));
            }
        }
    }

    // Blocks: type + skeleton of the surname (persons) or of the longest part, with the number
    // of parts (other types must agree part by part).
    let mut blocks: BTreeMap<(EntityType, usize, String), Vec<usize>> = BTreeMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if n.skels.is_empty() {
            continue;
        }
        let block = match n.entity_type {
            EntityType::Person => {
                let surname = &n.skels[n.skels.len() - 1];
                if n.skels.len() >= 2 {
                    // A second block for slips in a vowel of the surname (Temirov/Timirov): the
                    // first name and the surname's consonants.
                    let consonants: String = surname
                        .chars()
                        .filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'))
                        .collect();
                    blocks
                        .entry((n.entity_type, 1, format!("{}|{consonants}", n.skels[0])))
                        .or_default()
                        .push(i);
                }
                (n.entity_type, 0, surname.clone())
            }
            EntityType::Organization | EntityType::Location => {
                let longest = n
                    .skels
                    .iter()
                    .max_by(|a, b| a.len().cmp(&b.len()).then(b.cmp(a)))
                    .cloned()
                    .unwrap_or_default();
                (n.entity_type, n.skels.len(), longest)
            }
            // Legal provisions and other names join only on the same normalised name (one node).
            _ => continue,
        };
        blocks.entry(block).or_default().push(i);
    }

    let describe = |n: &Node| -> String {
        // A name in thousands of documents names three of them: reasons stay readable.
        let mut docs: Vec<String> = n
            .documents
            .iter()
            .take(3)
            .map(|&d| sorted[d].name.clone())
            .collect();
        if n.documents.len() > 3 {
            docs.push(format!("{} more", n.documents.len() - 3));
        }
        format!("{} ({})", n.key, docs.join(", "))
    };
    for ((entity_type, kind, _), members) in &blocks {
        match entity_type {
            EntityType::Person => {
                let (full, short): (Vec<usize>, Vec<usize>) =
                    members.iter().partition(|&&i| nodes[i].skels.len() >= 2);
                for (x, &i) in full.iter().enumerate() {
                    for &j in &full[x + 1..] {
                        if persons_match(&nodes[i].skels, &nodes[j].skels) {
                            let reason = format!(
                                "{} and {}: {}",
                                describe(&nodes[i]),
                                describe(&nodes[j]),
                                same_name(&nodes[i].key, &nodes[j].key).reason()
                            );
                            clusters.union(i, j, reason);
                        }
                    }
                }
                if *kind == 1 {
                    continue;
                }
                for &i in &short {
                    let surname = &nodes[i].skels[0];
                    let mut roots: Vec<usize> = full
                        .iter()
                        .filter(|&&j| {
                            skeleton_parts_same(surname, &nodes[j].skels[nodes[j].skels.len() - 1])
                        })
                        .map(|&j| clusters.find(j))
                        .collect();
                    roots.sort_unstable();
                    roots.dedup();
                    match roots.as_slice() {
                        [only] => {
                            let reason = format!(
                                "{}: the only person of that surname in the record is {}",
                                describe(&nodes[i]),
                                nodes[*only].key
                            );
                            clusters.union(*only, i, reason);
                        }
                        [] => {
                            // Surnames alone, with no full name anywhere: one spelling family.
                            for &j in &short {
                                if j > i && skeleton_parts_same(surname, &nodes[j].skels[0]) {
                                    let reason = format!(
                                        "{} and {}: {}",
                                        describe(&nodes[i]),
                                        describe(&nodes[j]),
                                        same_name(&nodes[i].key, &nodes[j].key).reason()
                                    );
                                    clusters.union(i, j, reason);
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
            _ => {
                for (x, &i) in members.iter().enumerate() {
                    for &j in &members[x + 1..] {
                        if all_parts_same(&nodes[i].skels, &nodes[j].skels) {
                            let reason = format!(
                                "{} and {}: {}",
                                describe(&nodes[i]),
                                describe(&nodes[j]),
                                same_name(&nodes[i].key, &nodes[j].key).reason()
                            );
                            clusters.union(i, j, reason);
                        }
                    }
                }
            }
        }
    }
    // An acronym standing alone joins the one name the record expands it to.
    for (i, n) in nodes.iter().enumerate() {
        if n.entity_type != EntityType::Organization {
            continue;
        }
        if let Some(fulls) = acronym_defs.get(&n.key) {
            if let [full] = fulls.iter().collect::<Vec<_>>().as_slice() {
                if let Some(&j) = index_of
                    .get(&(EntityType::Organization, full.as_str()))
                    .and_then(|v| v.first())
                {
                    let reason = format!(
                        "{}: the record defines this acronym only as {full}",
                        describe(n)
                    );
                    clusters.union(j, i, reason);
                }
            }
        }
    }

    // People's "same" judgements, after the automatic decisions so those keep their reasons.
    for (group, reason) in &judged.same {
        let mut joined = false;
        for &n in &group[1..] {
            let before = clusters.find(n) != clusters.find(group[0]);
            joined |= before && clusters.union_judged(group[0], n);
        }
        if joined {
            let root = clusters.find(group[0]);
            clusters.reasons[root].push(reason.clone());
        }
    }

    // Clusters → entities. The id comes from the cluster's fullest name (most parts, then the
    // first in order) and, for a place, its country: content, not order.
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..nodes.len() {
        let r = clusters.find(i);
        members.entry(r).or_default().push(i);
    }
    let mut node_entity = vec![String::new(); nodes.len()];
    let mut entities = Vec::with_capacity(members.len());
    let mut reasons = BTreeMap::new();
    for (root, group) in &members {
        let best = group
            .iter()
            .copied()
            .min_by(|&a, &b| {
                nodes[b]
                    .skels
                    .len()
                    .cmp(&nodes[a].skels.len())
                    .then(nodes[a].key.cmp(&nodes[b].key))
                    .then(nodes[a].country.cmp(&nodes[b].country))
            })
            .unwrap_or(*root);
        let n = &nodes[best];
        let id = match &n.country {
            Some(c) => stable_id(
                type_prefix(n.entity_type),
                &[n.entity_type.as_str(), &n.key, c],
            ),
            None => stable_id(
                type_prefix(n.entity_type),
                &[n.entity_type.as_str(), &n.key],
            ),
        };
        let mut entity = Entity {
            id: id.clone(),
            entity_type: n.entity_type,
            name: String::new(),
            aliases: Vec::new(),
            mentions: Vec::new(),
            country: None,
            legal: None,
        };
        let mut name_counts: BTreeMap<String, usize> = BTreeMap::new();
        let mut all: Vec<(usize, usize)> = group
            .iter()
            .flat_map(|&i| nodes[i].mentions.iter().copied())
            .collect();
        all.sort_unstable();
        for (d, mi) in all {
            let analysis = &mut sorted[d];
            let m = &mut analysis.mentions[mi];
            match name_counts.get_mut(&m.text) {
                Some(n) => *n += 1,
                None => {
                    name_counts.insert(m.text.clone(), 1);
                }
            }
            add_mention(&mut entity, m, &analysis.id);
        }
        // The canonical name is the longest spelling, most frequent first among equals: full
        // names beat surnames.
        let mut names: Vec<(String, usize)> = name_counts.into_iter().collect();
        names.sort_by(|a, b| {
            b.0.chars()
                .count()
                .cmp(&a.0.chars().count())
                .then(b.1.cmp(&a.1))
                .then(a.0.cmp(&b.0))
        });
        entity.name = names.first().map(|n| n.0.clone()).unwrap_or_default();
        // Provisions cited together are named each on its own: their shared passage is the
        // spelling of none of them.
        if entity.entity_type == EntityType::LegalProvision && {
            let key = name_key(&entity.name);
            !group.iter().any(|&i| nodes[i].key == key)
        } {
            if let Some(legal) = &entity.legal {
                entity.name = single_citation(legal);
            }
        }
        entity.aliases = names.into_iter().map(|(n, _)| n).collect();
        let mut why: Vec<String> = group
            .iter()
            .flat_map(|&i| nodes[i].reasons.iter().cloned())
            .collect();
        why.extend(clusters.reasons[*root].iter().cloned());
        if !why.is_empty() {
            reasons.insert(id.clone(), why);
        }
        for &i in group {
            node_entity[i] = id.clone();
        }
        entities.push(entity);
    }
    entities.sort_by(|a, b| a.id.cmp(&b.id));
    // Every mention is in its entity now (and `mention_node` says which): free them early.
    for a in &mut sorted {
        a.mentions = Vec::new();
    }
    // A "different" judgement is the reason on both entities it keeps apart.
    for (a, b, reason) in &judged.apart {
        let ids: BTreeSet<&String> = a.iter().chain(b).map(|&n| &node_entity[n]).collect();
        for id in ids {
            let why: &mut Vec<String> = reasons.entry(id.clone()).or_default();
            if !why.contains(reason) {
                why.push(reason.clone());
            }
        }
    }

    drop(nodes);
    let mut statements = Vec::new();
    let mut claims = Vec::new();
    // The facts are consumed here, each document's dropped once its events and claims are made.
    for (d, analysis) in sorted.into_iter().enumerate() {
        let mention_ids: Vec<String> = mention_node[d]
            .iter()
            .map(|&n| node_entity[n].clone())
            .collect();
        for (i, (em, sources)) in analysis.events.into_iter().enumerate() {
            // Two mentions of one entity ("the Human Rights Foundation (HRF)") are one
            // participant, in the order first named.
            let mut participants: Vec<Participant> = Vec::new();
            for &(m, role) in &em.participants {
                if let Some(id) = mention_ids.get(m) {
                    if !participants
                        .iter()
                        .any(|p| p.entity == *id && p.role == role)
                    {
                        participants.push(Participant {
                            entity: id.clone(),
                            role,
                        });
                    }
                }
            }
            let mut legal_basis: Vec<String> = Vec::new();
            for id in em.legal_basis.iter().filter_map(|&m| mention_ids.get(m)) {
                if !legal_basis.contains(id) {
                    legal_basis.push(id.clone());
                }
            }
            let event = Event {
                id: stable_id("evt", &[analysis.id.as_str(), &i.to_string()]),
                event_type: em.event_type,
                date: em.date,
                participants,
                location: em.location.and_then(|m| mention_ids.get(m).cloned()),
                legal_basis,
                charges: em.charges,
                sentence: em.sentence,
                victim_count: em.victim_count,
                modality: em.modality,
                negated: em.negated,
                sources,
            };
            statements.push((event, analysis.published));
        }
        for (c, source) in analysis.claims {
            claims.push(ClaimRecord {
                quantity: c.quantity,
                qualifier: c.qualifier,
                unit: c.unit,
                retracted: c.retracted,
                claimant: c.claimant.and_then(|m| mention_ids.get(m).cloned()),
                source,
            });
        }
    }

    let (events, mut conflicts) = events::merge_events(statements);
    conflicts.extend(events::date_conflicts(&events));
    conflicts.extend(events::claim_conflicts(&events, &claims));
    // Sources citing the same provision differently ("Article 174" / "Article 174 of the
    // Criminal Code" are two entities) agree; the rest are shown by name, not by id.
    let laws: HashMap<&str, &Entity> = entities
        .iter()
        .filter(|e| e.entity_type == EntityType::LegalProvision)
        .map(|e| (e.id.as_str(), e))
        .collect();
    let provisions = |ids: &str| -> Vec<&Entity> {
        ids.split(", ")
            .filter_map(|id| laws.get(id).copied())
            .collect()
    };
    conflicts.retain(|c| {
        c.field != "legal_basis"
            || !provisions(&c.values.0)
                .iter()
                .any(|a| provisions(&c.values.1).iter().any(|b| same_provision(a, b)))
    });
    for c in conflicts.iter_mut().filter(|c| c.field == "legal_basis") {
        for v in [&mut c.values.0, &mut c.values.1] {
            *v = v
                .split(", ")
                .map(|id| laws.get(id).map_or(id, |e| e.name.as_str()))
                .collect::<Vec<_>>()
                .join(", ");
        }
    }

    Resolution {
        kb: KnowledgeBase {
            format_version: KnowledgeBase::FORMAT_VERSION,
            documents,
            entities,
            events,
            claims,
        },
        reasons,
        conflicts,
    }
}

/// The provision of `m` when it is one of several cited together under one keyword ("Articles
/// 165 and 139 of the Criminal Code": two provisions sharing one passage), else `None`. Each is
/// then an entity of its own, keyed and named as if cited alone.
fn shared_citation<'a>(analysis: &Facts, m: &'a FactMention) -> Option<&'a LegalRef> {
    let legal = m.legal.as_deref()?;
    analysis
        .mentions
        .iter()
        .any(|o| {
            o.start == m.start && o.end == m.end && o.legal.as_deref().is_some_and(|l| l != legal)
        })
        .then_some(legal)
}

/// A provision's citation on its own: "Article 139 of the Criminal Code", "Article 2(3)".
fn single_citation(legal: &LegalRef) -> String {
    let mut name = format!("Article {}", legal.article);
    if let Some(part) = &legal.part {
        name.push_str(&format!("({part})"));
    }
    if let Some(instrument) = &legal.instrument {
        name.push_str(&format!(" of the {instrument}"));
    }
    name
}

/// Two legal-provision entities can cite one provision: an article number in common (every number
/// of the name counts: "Articles 174 and 274") and instruments that do not differ (unknown in
/// one, or one name inside the other: "Covenant" in "International Covenant on Civil and
/// Political Rights").
pub fn same_provision(a: &Entity, b: &Entity) -> bool {
    let numbers = |e: &Entity| -> BTreeSet<String> {
        let mut n: BTreeSet<String> = e
            .name
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
        n.extend(e.legal.as_ref().map(|l| l.article.clone()));
        n
    };
    let instrument = |e: &Entity| {
        e.legal
            .as_ref()
            .and_then(|l| l.instrument.as_ref())
            .map(|i| i.to_lowercase())
    };
    let instruments_agree = match (instrument(a), instrument(b)) {
        (Some(x), Some(y)) => x.contains(&y) || y.contains(&x),
        _ => true,
    };
    instruments_agree && !numbers(a).is_disjoint(&numbers(b))
}

/// Adds `m` to `entity`, moving its text: each mention is added once, and its text is not read
/// after.
fn add_mention(entity: &mut Entity, m: &mut FactMention, document: &DocumentId) {
    if entity.country.is_none() {
        entity.country = m.country.clone();
    }
    if entity.legal.is_none() {
        entity.legal = m.legal.as_deref().cloned();
    }
    entity.mentions.push(EntityMention {
        document: document.clone(),
        text: std::mem::take(&mut m.text),
        start: m.start,
        end: m.end,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use casefile_model::{
        Document, DocumentId, DocumentMeta, EventMention, EventType, Mention, Modality,
        PartialDate, Qualifier, Role, SourceFormat,
    };

    fn analysed(text: &str, names: &[(&str, EntityType)]) -> AnalyzedDocument {
        let document = Document {
            id: DocumentId::from_content(text.as_bytes()),
            source: "test.txt".into(),
            format: SourceFormat::Text,
            meta: DocumentMeta::default(),
            text: text.into(),
        };
        let mut a = AnalyzedDocument::new(document);
        for (name, t) in names {
            let mut from = 0;
            while let Some(pos) = text[from..].find(name) {
                let start = from + pos;
                a.mentions.push(Mention {
                    span: Span::new(start, start + name.len()),
                    text: name.to_string(),
                    entity_type: *t,
                    country: None,
                    legal: None,
                });
                from = start + name.len();
            }
        }
        a.mentions.sort_by_key(|m| m.span);
        a
    }

    #[test]
    fn surname_mentions_join_the_full_name_in_the_same_document() {
        let a = analysed(
            "Vladimir Kozlov was detained. Kozlov denies it.",
            &[
                ("Vladimir Kozlov", EntityType::Person),
                ("Kozlov", EntityType::Person),
            ],
        );
        // "Kozlov" inside "Vladimir Kozlov" was found too; drop the nested one as a tagger would.
        let mut a = a;
        a.mentions
            .retain(|m| !(m.text == "Kozlov" && m.span.start == 9));
        let kb = build_knowledge_base(&[a]);
        let people: Vec<_> = kb
            .entities
            .iter()
            .filter(|e| e.entity_type == EntityType::Person)
            .collect();
        assert_eq!(people.len(), 1);
        assert_eq!(people[0].name, "Vladimir Kozlov");
        assert_eq!(people[0].mentions.len(), 2);
    }

    /// [`analysed`] without the mentions found inside longer ones, as a tagger gives them.
    fn outermost(text: &str, names: &[(&str, EntityType)]) -> AnalyzedDocument {
        let mut a = analysed(text, names);
        let spans: Vec<Span> = a.mentions.iter().map(|m| m.span).collect();
        a.mentions.retain(|m| {
            !spans
                .iter()
                .any(|s| *s != m.span && s.start <= m.span.start && m.span.end <= s.end)
        });
        a
    }

    #[test]
    fn two_surnames_without_the_given_name_join_the_one_full_name_ending_so() {
        let rosa = ("Rosa Mairena Ortiz", EntityType::Person);
        let short = ("Mairena Ortiz", EntityType::Person);
        let mentions_of = |kb: &KnowledgeBase, name: &str| {
            kb.entities
                .iter()
                .find(|e| e.name == name)
                .map_or(0, |e| e.mentions.len())
        };
        let kb = build_knowledge_base(&[outermost(
            "Rosa Mairena Ortiz was detained. Mairena Ortiz was later charged.",
            &[rosa, short],
        )]);
        assert_eq!(
            mentions_of(&kb, "Rosa Mairena Ortiz"),
            2,
            "{:#?}",
            kb.entities
        );
        // Another person of the last surname does not stand in the way.
        let kb = build_knowledge_base(&[outermost(
            "Rosa Mairena Ortiz and Pedro Gomez Ortiz were detained. Mairena Ortiz spoke.",
            &[rosa, ("Pedro Gomez Ortiz", EntityType::Person), short],
        )]);
        assert_eq!(
            mentions_of(&kb, "Rosa Mairena Ortiz"),
            2,
            "{:#?}",
            kb.entities
        );
        // Two relatives of that name: the short form is neither's.
        let kb = build_knowledge_base(&[outermost(
            "Rosa Mairena Ortiz and Juan Mairena Ortiz were detained. Mairena Ortiz spoke.",
            &[rosa, ("Juan Mairena Ortiz", EntityType::Person), short],
        )]);
        assert_eq!(mentions_of(&kb, "Mairena Ortiz"), 1, "{:#?}", kb.entities);
    }

    #[test]
    fn different_people_sharing_a_surname_stay_apart() {
        let a = analysed(
            "Aliya Kozlova and Vladimir Kozlov met. Kozlova spoke.",
            &[
                ("Aliya Kozlova", EntityType::Person),
                ("Vladimir Kozlov", EntityType::Person),
                ("Kozlova", EntityType::Person),
            ],
        );
        let mut a = a;
        a.mentions
            .retain(|m| !(m.text == "Kozlova" && m.span.start == 6));
        let kb = build_knowledge_base(&[a]);
        let kozlova = kb
            .entities
            .iter()
            .find(|e| e.name == "Aliya Kozlova")
            .unwrap();
        assert_eq!(kozlova.mentions.len(), 2);
        let kozlov = kb
            .entities
            .iter()
            .find(|e| e.name == "Vladimir Kozlov")
            .unwrap();
        assert_eq!(kozlov.mentions.len(), 1);
    }

    #[test]
    fn a_given_name_alone_joins_the_one_person_of_that_given_name_in_the_document() {
        let names = |text: &str, found: &[(&str, EntityType)]| {
            let kb = build_knowledge_base(&[outermost(text, found)]);
            let mut people: Vec<(String, usize)> = kb
                .entities
                .iter()
                .filter(|e| e.entity_type == EntityType::Person)
                .map(|e| (e.name.clone(), e.mentions.len()))
                .collect();
            people.sort();
            people
        };
        let rony = ("Tanvir Hasan Rony", EntityType::Person);
        let tanvir = ("Tanvir", EntityType::Person);
        assert_eq!(
            names(
                "Tanvir Hasan Rony was detained. Tanvir had organised protests.",
                &[rony, tanvir]
            ),
            [("Tanvir Hasan Rony".to_string(), 2)]
        );
        // Two people of that given name: which one is not known.
        let ahmed = ("Tanvir Ahmed", EntityType::Person);
        assert_eq!(
            names(
                "Tanvir Hasan Rony and Tanvir Ahmed were detained. Tanvir had organised protests.",
                &[rony, ahmed, tanvir]
            )
            .len(),
            3
        );
    }

    #[test]
    fn a_name_given_as_another_persons_other_name_joins_that_person() {
        let found = [
            ("Kyaw Min Yu", EntityType::Person),
            ("Ko Jimmy", EntityType::Person),
        ];
        let kb = build_knowledge_base(&[outermost(
            "Kyaw Min Yu, known as Ko Jimmy, was executed. Ko Jimmy had spent 15 years in prison.",
            &found,
        )]);
        let people: Vec<(&str, usize)> = kb
            .entities
            .iter()
            .filter(|e| e.entity_type == EntityType::Person)
            .map(|e| (e.name.as_str(), e.mentions.len()))
            .collect();
        assert_eq!(people, [("Kyaw Min Yu", 3)]);
        // Two people side by side are two people.
        let kb = build_knowledge_base(&[outermost(
            "Kyaw Min Yu, Ko Jimmy and others were executed.",
            &found,
        )]);
        assert_eq!(kb.entities.len(), 2);
    }

    #[test]
    fn same_name_across_documents_is_one_entity_with_stable_id_and_char_offsets() {
        let a = analysed(
            "Protest in Zhanaozen.",
            &[("Zhanaozen", EntityType::Location)],
        );
        let b = analysed(
            "«Тест» Zhanaozen again.",
            &[("Zhanaozen", EntityType::Location)],
        );
        let kb = build_knowledge_base(&[a.clone(), b.clone()]);
        assert_eq!(kb.entities.len(), 1);
        let e = &kb.entities[0];
        assert_eq!(e.mentions.len(), 2);
        // The second document has multi-byte characters before the mention: offsets are chars.
        assert_eq!(e.mentions[1].start, 7);
        let again = build_knowledge_base(&[b, a]);
        assert_eq!(again.entities[0].id, e.id);
    }

    #[test]
    fn name_keys_fold_case_quotes_articles_and_possessives() {
        assert_eq!(
            name_key("the Human  Rights Foundation"),
            "human rights foundation"
        );
        assert_eq!(name_key("Kazakhstan’s"), "kazakhstan");
        assert_eq!(name_key("Kazakhstan's"), name_key("kazakhstan"));
    }

    /// A document whose mentions are found by string search; a name inside a longer listed name
    /// is dropped, as a tagger would.
    fn doc(text: &str, names: &[(&str, EntityType)]) -> AnalyzedDocument {
        let mut a = analysed(text, names);
        let spans: Vec<Span> = a.mentions.iter().map(|m| m.span).collect();
        a.mentions
            .retain(|m| !spans.iter().any(|s| *s != m.span && s.contains(&m.span)));
        a
    }

    fn place(text: &str, name: &str, country: &str) -> AnalyzedDocument {
        let mut a = doc(text, &[(name, EntityType::Location)]);
        for m in &mut a.mentions {
            m.country = Some(country.into());
        }
        a
    }

    /// The entity of `name`'s mention in `a`.
    fn id_of(kb: &KnowledgeBase, a: &AnalyzedDocument, name: &str) -> String {
        kb.entities
            .iter()
            .find(|e| {
                e.mentions
                    .iter()
                    .any(|m| m.document == a.document.id && m.text == name)
            })
            .unwrap_or_else(|| panic!("no entity for {name}"))
            .id
            .clone()
    }

    const P: EntityType = EntityType::Person;
    const O: EntityType = EntityType::Organization;

    #[test]
    fn spellings_of_one_person_join_across_documents_with_a_reason() {
        let a = doc(
            "Vladimir Kozlov was detained. Kozlov denies it.",
            &[("Vladimir Kozlov", P), ("Kozlov", P)],
        );
        let b = doc("Vladimir Koslov was sentenced.", &[("Vladimir Koslov", P)]);
        let c = doc(
            "President Nursultan Nazarbayev spoke.",
            &[("Nursultan Nazarbayev", P)],
        );
        let d = doc(
            "Nursultan Nazarbaev signed. Nazarbaev left.",
            &[("Nursultan Nazarbaev", P), ("Nazarbaev", P)],
        );
        let r = resolve(&[a.clone(), b.clone(), c.clone(), d.clone()]);
        let kozlov = id_of(&r.kb, &a, "Vladimir Kozlov");
        assert_eq!(kozlov, id_of(&r.kb, &b, "Vladimir Koslov"));
        assert_eq!(kozlov, id_of(&r.kb, &a, "Kozlov"));
        let nazarbayev = id_of(&r.kb, &c, "Nursultan Nazarbayev");
        assert_eq!(nazarbayev, id_of(&r.kb, &d, "Nazarbaev"));
        assert_ne!(kozlov, nazarbayev);
        let why = explain(&r, &kozlov).join("\n");
        assert!(
            why.contains("koslov ~ kozlov: same spelling after transliteration"),
            "{why}"
        );
        assert!(why.contains("only person of that surname"), "{why}");
        assert!(explain(&r, "per-none").is_empty());
    }

    #[test]
    fn a_hyphenated_surname_alone_joins_its_full_name() {
        let a = doc(
            "David Díaz-Jogeix said. Díaz-Jogeix added.",
            &[("David Díaz-Jogeix", P), ("Díaz-Jogeix", P)],
        );
        let kb = build_knowledge_base(std::slice::from_ref(&a));
        assert_eq!(
            id_of(&kb, &a, "David Díaz-Jogeix"),
            id_of(&kb, &a, "Díaz-Jogeix")
        );
    }

    #[test]
    fn gender_forms_and_different_first_names_stay_apart_across_documents() {
        let a = doc("Vladimir Kozlov was detained.", &[("Vladimir Kozlov", P)]);
        let b = doc("Aliya Kozlova was detained.", &[("Aliya Kozlova", P)]);
        let c = doc("Aliya Kozlov was detained.", &[("Aliya Kozlov", P)]);
        let d = doc("Vladimir Kozlova was named.", &[("Vladimir Kozlova", P)]);
        let kb = build_knowledge_base(&[a.clone(), b.clone(), c.clone(), d.clone()]);
        let ids: BTreeSet<String> = [
            id_of(&kb, &a, "Vladimir Kozlov"),
            id_of(&kb, &b, "Aliya Kozlova"),
            id_of(&kb, &c, "Aliya Kozlov"),
            id_of(&kb, &d, "Vladimir Kozlova"),
        ]
        .into();
        assert_eq!(ids.len(), 4);
    }

    #[test]
    fn a_patronymic_particle_only_one_name_has_keeps_two_people_apart() {
        let a = doc("Mohammed bin Salman spoke.", &[("Mohammed bin Salman", P)]);
        let b = doc("Muhammad Salman was arrested.", &[("Muhammad Salman", P)]);
        let c = doc("Mohammad bin Salman spoke.", &[("Mohammad bin Salman", P)]);
        let kb = build_knowledge_base(&[a.clone(), b.clone(), c.clone()]);
        assert_ne!(
            id_of(&kb, &a, "Mohammed bin Salman"),
            id_of(&kb, &b, "Muhammad Salman")
        );
        // Both with the particle: one person in two spellings.
        assert_eq!(
            id_of(&kb, &a, "Mohammed bin Salman"),
            id_of(&kb, &c, "Mohammad bin Salman")
        );
        // A middle name only one gives is still no conflict.
        let d = doc(
            "Vladimir Ivanovich Kozlov spoke.",
            &[("Vladimir Ivanovich Kozlov", P)],
        );
        let e = doc("Vladimir Kozlov was detained.", &[("Vladimir Kozlov", P)]);
        let kb = build_knowledge_base(&[d.clone(), e.clone()]);
        assert_eq!(
            id_of(&kb, &d, "Vladimir Ivanovich Kozlov"),
            id_of(&kb, &e, "Vladimir Kozlov")
        );
    }

    #[test]
    fn a_surname_alone_joins_across_documents_only_when_one_person_bears_it() {
        let a = doc("Vladimir Kozlov was detained.", &[("Vladimir Kozlov", P)]);
        let b = doc("Kozlov was sentenced.", &[("Kozlov", P)]);
        let kb = build_knowledge_base(&[a.clone(), b.clone()]);
        assert_eq!(id_of(&kb, &a, "Vladimir Kozlov"), id_of(&kb, &b, "Kozlov"));
        // A second Kozlov in the record: "Kozlov" alone could be either.
        let c = doc("Igor Kozlov spoke.", &[("Igor Kozlov", P)]);
        let kb = build_knowledge_base(&[a.clone(), b.clone(), c.clone()]);
        let lone = id_of(&kb, &b, "Kozlov");
        assert_ne!(lone, id_of(&kb, &a, "Vladimir Kozlov"));
        assert_ne!(lone, id_of(&kb, &c, "Igor Kozlov"));
        assert_ne!(
            id_of(&kb, &a, "Vladimir Kozlov"),
            id_of(&kb, &c, "Igor Kozlov")
        );
        // "Kozlova" alone is not Vladimir Kozlov.
        let e = doc("Kozlova was sentenced.", &[("Kozlova", P)]);
        let kb = build_knowledge_base(&[a.clone(), e.clone()]);
        assert_ne!(id_of(&kb, &a, "Vladimir Kozlov"), id_of(&kb, &e, "Kozlova"));
    }

    #[test]
    fn the_example_corpus_people_resolve_as_the_story_says() {
        let d1 = doc(
            "Aigerim Sultanova was detained. Her brother Daulet Sultanov protested.",
            &[("Aigerim Sultanova", P), ("Daulet Sultanov", P)],
        );
        let d2 = doc(
            "Aygerim Sultanova's trial opened. Sultanova pleaded not guilty.",
            &[("Aygerim Sultanova", P), ("Sultanova", P)],
        );
        let d3 = doc(
            "Nurlan Temirov is missing, said his wife Gulnara Temirova.",
            &[("Nurlan Temirov", P), ("Gulnara Temirova", P)],
        );
        let d4 = doc(
            "Nurlan Timirov is held by the NSC. Daulet Sultanov was fined.",
            &[("Nurlan Timirov", P), ("Daulet Sultanov", P)],
        );
        let kb = build_knowledge_base(&[d1.clone(), d2.clone(), d3.clone(), d4.clone()]);
        let aigerim = id_of(&kb, &d1, "Aigerim Sultanova");
        assert_eq!(aigerim, id_of(&kb, &d2, "Aygerim Sultanova"));
        assert_eq!(aigerim, id_of(&kb, &d2, "Sultanova"));
        let daulet = id_of(&kb, &d1, "Daulet Sultanov");
        assert_ne!(aigerim, daulet);
        assert_eq!(daulet, id_of(&kb, &d4, "Daulet Sultanov"));
        let nurlan = id_of(&kb, &d3, "Nurlan Temirov");
        assert_eq!(nurlan, id_of(&kb, &d4, "Nurlan Timirov"));
        assert_ne!(nurlan, id_of(&kb, &d3, "Gulnara Temirova"));
    }

    #[test]
    fn organisations_join_through_acronyms_and_short_names() {
        let a = doc(
            "The Human Rights Foundation (HRF) said. HRF called for release. Amnesty International and Amnesty agreed.",
            &[
                ("Human Rights Foundation", O),
                ("HRF", O),
                ("Amnesty International", O),
                ("Amnesty", O),
            ],
        );
        let b = doc("HRF wrote again.", &[("HRF", O)]);
        let kb = build_knowledge_base(&[a.clone(), b.clone()]);
        let hrf = id_of(&kb, &a, "Human Rights Foundation");
        assert_eq!(hrf, id_of(&kb, &a, "HRF"));
        assert_eq!(hrf, id_of(&kb, &b, "HRF"));
        assert_eq!(
            id_of(&kb, &a, "Amnesty International"),
            id_of(&kb, &a, "Amnesty")
        );
        // A word that names a place is not short for an organisation named after the place.
        let c = doc(
            "Tarsaly Bureau for Human Rights said Tarsaly must act.",
            &[("Tarsaly Bureau for Human Rights", O), ("Tarsaly", O)],
        );
        let d = place("Protests in Tarsaly.", "Tarsaly", "XX");
        let kb = build_knowledge_base(&[c.clone(), d]);
        assert_ne!(
            id_of(&kb, &c, "Tarsaly Bureau for Human Rights"),
            id_of(&kb, &c, "Tarsaly")
        );
    }

    #[test]
    fn places_join_across_spellings_but_not_across_countries() {
        let a = place("Elections in Kazakstan.", "Kazakstan", "KZ");
        let b = place("Protest in Kazakhstan.", "Kazakhstan", "KZ");
        let c = place(
            "The Republic of Kazakhstan signed.",
            "Republic of Kazakhstan",
            "KZ",
        );
        let d = place("Floods in Delta.", "Delta", "NG");
        let e = place("Floods in Delta.  ", "Delta", "US");
        let kb = build_knowledge_base(&[a.clone(), b.clone(), c.clone(), d.clone(), e.clone()]);
        let kz = id_of(&kb, &a, "Kazakstan");
        assert_eq!(kz, id_of(&kb, &b, "Kazakhstan"));
        assert_eq!(kz, id_of(&kb, &c, "Republic of Kazakhstan"));
        assert_ne!(id_of(&kb, &d, "Delta"), id_of(&kb, &e, "Delta"));
    }

    #[test]
    fn the_record_does_not_depend_on_the_order_of_documents() {
        let docs = vec![
            doc("Vladimir Kozlov was detained.", &[("Vladimir Kozlov", P)]),
            doc(
                "Vladimir Koslov and Kozlov.",
                &[("Vladimir Koslov", P), ("Kozlov", P)],
            ),
            doc("Kozlov was sentenced.", &[("Kozlov", P)]),
            doc("Aliya Kozlova spoke.", &[("Aliya Kozlova", P)]),
            place("Protest in Kazakhstan.", "Kazakhstan", "KZ"),
            place("Elections in Kazakstan.", "Kazakstan", "KZ"),
        ];
        let forward = resolve(&docs);
        let mut reversed = docs.clone();
        reversed.reverse();
        let backward = resolve(&reversed);
        assert_eq!(forward.kb.entities, backward.kb.entities);
        assert_eq!(forward.kb.events, backward.kb.events);
        assert_eq!(forward.reasons, backward.reasons);
        let mut rotated = docs.clone();
        rotated.rotate_left(2);
        assert_eq!(resolve(&rotated).kb.entities, forward.kb.entities);
        // The document list keeps the order it was given (ingestion order).
        assert_eq!(backward.kb.documents[0].id, docs[5].document.id);
    }

    /// `a` with a conviction of the mention `victim`, on `date`, for `sentence`.
    fn with_conviction(
        mut a: AnalyzedDocument,
        victim: &str,
        date: Option<PartialDate>,
        sentence: &str,
    ) -> AnalyzedDocument {
        let m = a.mentions.iter().position(|m| m.text == victim).unwrap();
        let all = Span::new(0, a.document.text.len());
        a.events.push(EventMention {
            event_type: EventType::Conviction,
            trigger: all,
            evidence: all,
            restated: Vec::new(),
            participants: vec![(m, Role::Victim)],
            date,
            date_timex: None,
            location: None,
            legal_basis: Vec::new(),
            charges: Vec::new(),
            sentence: Some(sentence.into()),
            victim_count: None,
            modality: Modality::Asserted,
            negated: false,
        });
        a
    }

    #[test]
    fn two_mentions_of_one_entity_are_one_participant() {
        let mut a = doc(
            "The Human Rights Foundation (HRF) called for the release of Vladimir Kozlov.",
            &[
                ("Human Rights Foundation", O),
                ("HRF", O),
                ("Vladimir Kozlov", P),
            ],
        );
        let all = Span::new(0, a.document.text.len());
        a.events.push(EventMention {
            event_type: EventType::CallForRelease,
            trigger: all,
            evidence: all,
            restated: Vec::new(),
            participants: vec![(0, Role::Claimant), (1, Role::Claimant), (2, Role::Victim)],
            date: None,
            date_timex: None,
            location: None,
            legal_basis: Vec::new(),
            charges: Vec::new(),
            sentence: None,
            victim_count: None,
            modality: Modality::Demanded,
            negated: false,
        });
        let kb = build_knowledge_base(std::slice::from_ref(&a));
        let roles: Vec<(String, Role)> = kb.events[0]
            .participants
            .iter()
            .map(|p| (p.entity.clone(), p.role))
            .collect();
        assert_eq!(
            roles,
            [
                (id_of(&kb, &a, "HRF"), Role::Claimant),
                (id_of(&kb, &a, "Vladimir Kozlov"), Role::Victim)
            ]
        );
    }

    #[test]
    fn one_conviction_reported_twice_is_one_event_and_its_sentences_conflict() {
        let mut a = doc(
            "Vladimir Kozlov was sentenced to seven and a half years on 8 October.",
            &[("Vladimir Kozlov", P)],
        );
        a.document.meta.published = PartialDate::ymd(2012, 10, 9);
        let a = with_conviction(a, "Vladimir Kozlov", PartialDate::ymd(2012, 10, 8), "P7Y6M");
        let mut b = doc(
            "In October Vladimir Koslov got six years.",
            &[("Vladimir Koslov", P)],
        );
        b.document.meta.published = PartialDate::ymd(2012, 12, 1);
        let b = with_conviction(b, "Vladimir Koslov", PartialDate::ym(2012, 10), "P6Y");
        // A conviction of the same man a year later is another event.
        let c = doc(
            "Vladimir Kozlov was convicted again.",
            &[("Vladimir Kozlov", P)],
        );
        let c = with_conviction(c, "Vladimir Kozlov", Some(PartialDate::y(2013)), "P2Y");
        let r = resolve(&[b.clone(), c.clone(), a.clone()]);
        assert_eq!(r.kb.events.len(), 2);
        let merged = r.kb.events.iter().find(|e| e.sources.len() == 2).unwrap();
        assert_eq!(merged.date, PartialDate::ymd(2012, 10, 8));
        // The earliest source's statement gives the id and the sentence.
        assert_eq!(merged.id, stable_id("evt", &[a.document.id.as_str(), "0"]));
        assert_eq!(merged.sentence.as_deref(), Some("P7Y6M"));
        let found = conflicts(&r);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].event, merged.id);
        assert_eq!(found[0].field, "sentence");
        assert_eq!(found[0].values, ("P7Y6M".to_string(), "P6Y".to_string()));
        assert_eq!(found[0].evidence.0.document, a.document.id);
        assert_eq!(found[0].evidence.1.document, b.document.id);
        // The same whatever the order of documents.
        let again = resolve(&[a, c, b]);
        assert_eq!(again.kb.events, r.kb.events);
        assert_eq!(again.conflicts, r.conflicts);
    }

    /// A judgement of `target` against `value` (an entity id of `kb`, or a spelling of `target`),
    /// anchored as the CLI anchors it.
    fn judge(
        kb: &KnowledgeBase,
        id: i64,
        target: &str,
        action: casefile_model::ReviewAction,
        value: &str,
    ) -> Review {
        let anchor = reviews::anchor(kb, target).expect("target exists");
        let value_anchor = reviews::anchor(kb, value).or_else(|| match &anchor {
            casefile_model::ReviewAnchor::Entity { entity_type, .. } => {
                Some(casefile_model::ReviewAnchor::Entity {
                    entity_type: *entity_type,
                    name: value.into(),
                    names: vec![value.into()],
                })
            }
            _ => None,
        });
        Review {
            id,
            target: target.into(),
            action,
            value: Some(serde_json::json!(value)),
            note: None,
            anchor: Some(anchor),
            value_anchor,
            user: "alice".into(),
            created_at: "2026-11-23T12:00:00Z".into(),
        }
    }

    use casefile_model::ReviewAction::{Merge, Split};

    #[test]
    fn a_merge_joins_what_the_names_keep_apart_and_is_the_reason_given() {
        let a = doc("Nurlan Temirov was detained.", &[("Nurlan Temirov", P)]);
        let b = doc("Nurik Temirov was released.", &[("Nurik Temirov", P)]);
        let kb = build_knowledge_base(&[a.clone(), b.clone()]);
        let (ta, tb) = (
            id_of(&kb, &a, "Nurlan Temirov"),
            id_of(&kb, &b, "Nurik Temirov"),
        );
        assert_ne!(ta, tb, "a nickname is not joined automatically");
        let merge = judge(&kb, 1, &ta, Merge, &tb);
        let r = resolve_reviewed(&[a.clone(), b.clone()], std::slice::from_ref(&merge));
        let joined = id_of(&r.kb, &a, "Nurlan Temirov");
        assert_eq!(joined, id_of(&r.kb, &b, "Nurik Temirov"));
        let why = explain(&r, &joined).join("\n");
        assert!(
            why.contains("alice judged Nurlan Temirov and Nurik Temirov the same person"),
            "{why}"
        );
        // Re-read with more documents (other ids, more names): the judgement still holds.
        let c = doc(
            "Nurik Temirov and Aliya Temirova spoke.",
            &[("Nurik Temirov", P), ("Aliya Temirova", P)],
        );
        let r = resolve_reviewed(&[c.clone(), a.clone(), b.clone()], &[merge]);
        let joined = id_of(&r.kb, &a, "Nurlan Temirov");
        assert_eq!(joined, id_of(&r.kb, &c, "Nurik Temirov"));
        assert_ne!(joined, id_of(&r.kb, &c, "Aliya Temirova"));
    }

    #[test]
    fn a_split_spelling_stays_apart_even_through_a_chain() {
        let a = doc(
            "Vladimir Kozlov was detained. Kozlov denies it.",
            &[("Vladimir Kozlov", P), ("Kozlov", P)],
        );
        let b = doc("Vladimir Koslov was sentenced.", &[("Vladimir Koslov", P)]);
        let docs = [a.clone(), b.clone()];
        let kb = build_knowledge_base(&docs);
        let kozlov = id_of(&kb, &a, "Vladimir Kozlov");
        assert_eq!(kozlov, id_of(&kb, &b, "Vladimir Koslov"));
        let split = judge(&kb, 1, &kozlov, Split, "Vladimir Koslov");
        // A third document with the initial only could join either, but not both.
        let c = doc("V. Kozlov appealed.", &[("V. Kozlov", P)]);
        let r = resolve_reviewed(
            &[a.clone(), b.clone(), c.clone()],
            std::slice::from_ref(&split),
        );
        let (x, y) = (
            id_of(&r.kb, &a, "Vladimir Kozlov"),
            id_of(&r.kb, &b, "Vladimir Koslov"),
        );
        assert_ne!(x, y);
        assert_eq!(x, id_of(&r.kb, &a, "Kozlov"));
        assert!(explain(&r, &x)
            .iter()
            .any(|w| w
                .contains("alice judged Vladimir Kozlov and Vladimir Koslov different persons")));
        assert!(explain(&r, &y).iter().any(|w| w.contains("alice judged")));
        // A later merge of the two undoes the split.
        let merge = judge(&r.kb, 2, &x, Merge, &y);
        let r = resolve_reviewed(&docs, &[split, merge]);
        assert_eq!(
            id_of(&r.kb, &a, "Vladimir Kozlov"),
            id_of(&r.kb, &b, "Vladimir Koslov")
        );
    }

    #[test]
    fn a_split_keeps_two_entities_apart_when_the_names_would_join_them_again() {
        let a = doc("Vladimir Kozlov was detained.", &[("Vladimir Kozlov", P)]);
        let b = doc("Kozlov was sentenced.", &[("Kozlov", P)]);
        let c = doc("Igor Kozlov spoke.", &[("Igor Kozlov", P)]);
        // With two Kozlovs in the record "Kozlov" alone is its own entity; a reviewer says it is
        // not Vladimir.
        let kb = build_knowledge_base(&[a.clone(), b.clone(), c.clone()]);
        let (va, lone) = (id_of(&kb, &a, "Vladimir Kozlov"), id_of(&kb, &b, "Kozlov"));
        assert_ne!(va, lone);
        let split = judge(&kb, 7, &va, Split, &lone);
        // Igor's document is gone: the names alone would now join "Kozlov" to Vladimir.
        assert_eq!(
            id_of(&build_knowledge_base(&[a.clone(), b.clone()]), &b, "Kozlov"),
            va
        );
        let r = resolve_reviewed(&[a.clone(), b.clone()], &[split]);
        assert_ne!(
            id_of(&r.kb, &a, "Vladimir Kozlov"),
            id_of(&r.kb, &b, "Kozlov")
        );
        assert!(explain(&r, &va).iter().any(|w| w.contains("review 7")));
    }

    /// `a` with one statement of `event_type` spanning the whole text: the mention `victim` as
    /// victim, mention `place` as location, `legal` mentions as legal basis.
    fn with_event(
        mut a: AnalyzedDocument,
        event_type: EventType,
        victim: Option<&str>,
        place: Option<&str>,
        date: Option<PartialDate>,
        legal: &[&str],
    ) -> AnalyzedDocument {
        let at = |a: &AnalyzedDocument, name: &str| {
            a.mentions.iter().position(|m| m.text == name).unwrap()
        };
        let all = Span::new(0, a.document.text.len());
        let participants = victim
            .map(|v| (at(&a, v), Role::Victim))
            .into_iter()
            .collect();
        let location = place.map(|p| at(&a, p));
        let legal_basis = legal.iter().map(|l| at(&a, l)).collect();
        a.events.push(EventMention {
            event_type,
            trigger: all,
            evidence: all,
            restated: Vec::new(),
            participants,
            date,
            date_timex: None,
            location,
            legal_basis,
            charges: Vec::new(),
            sentence: None,
            victim_count: None,
            modality: Modality::Asserted,
            negated: false,
        });
        a
    }

    const L: EntityType = EntityType::LegalProvision;

    #[test]
    fn provisions_cited_together_are_one_entity_each_named_alone() {
        let citation = "Articles 165 and 139 of the Criminal Code";
        let text = format!("He was convicted under {citation}.");
        let mut a = doc(&text, &[(citation, L)]);
        let cited = |article: &str| LegalRef {
            instrument: Some("Criminal Code".into()),
            article: article.into(),
            part: None,
            jurisdiction: None,
        };
        // The legal reader gives each provision of the citation, both over its whole passage.
        let mut second = a.mentions[0].clone();
        a.mentions[0].legal = Some(cited("165"));
        second.legal = Some(cited("139"));
        a.mentions.push(second);
        // Another document cites one of them alone.
        let mut b = doc(
            "Article 139 of the Criminal Code punishes libel.",
            &[("Article 139 of the Criminal Code", L)],
        );
        b.mentions[0].legal = Some(cited("139"));
        let kb = build_knowledge_base(&[a, b]);
        let mut names: Vec<&str> = kb
            .entities
            .iter()
            .filter(|e| e.mentions.iter().any(|m| m.text == citation))
            .map(|e| e.name.as_str())
            .collect();
        names.sort_unstable();
        assert_eq!(
            names,
            [
                "Article 139 of the Criminal Code",
                "Article 165 of the Criminal Code"
            ]
        );
        // The one cited alone elsewhere is the same entity.
        let article_139 = kb
            .entities
            .iter()
            .find(|e| e.name == "Article 139 of the Criminal Code")
            .unwrap();
        assert_eq!(article_139.mentions.len(), 2, "{article_139:#?}");
    }

    #[test]
    fn sources_naming_no_provision_in_common_contradict_each_other() {
        let a = doc(
            "Vladimir Kozlov was convicted under Article 164.",
            &[("Vladimir Kozlov", P), ("Article 164", L)],
        );
        let a = with_event(
            a,
            EventType::Conviction,
            Some("Vladimir Kozlov"),
            None,
            PartialDate::ymd(2012, 10, 8),
            &["Article 164"],
        );
        let b = doc(
            "Vladimir Kozlov was convicted under Article 174.",
            &[("Vladimir Kozlov", P), ("Article 174", L)],
        );
        let b = with_event(
            b,
            EventType::Conviction,
            Some("Vladimir Kozlov"),
            None,
            PartialDate::ymd(2012, 10, 8),
            &["Article 174"],
        );
        // A third source naming one provision of the two is no contradiction of the first.
        let c = doc(
            "Vladimir Kozlov was convicted under Article 164 and Article 170.",
            &[
                ("Vladimir Kozlov", P),
                ("Article 164", L),
                ("Article 170", L),
            ],
        );
        let c = with_event(
            c,
            EventType::Conviction,
            Some("Vladimir Kozlov"),
            None,
            PartialDate::ymd(2012, 10, 8),
            &["Article 164", "Article 170"],
        );
        // Nor is the same article cited with its code.
        let d = doc(
            "Vladimir Kozlov was convicted under Article 164 of the Criminal Code.",
            &[
                ("Vladimir Kozlov", P),
                ("Article 164 of the Criminal Code", L),
            ],
        );
        let d = with_event(
            d,
            EventType::Conviction,
            Some("Vladimir Kozlov"),
            None,
            PartialDate::ymd(2012, 10, 8),
            &["Article 164 of the Criminal Code"],
        );
        let r = resolve(&[a.clone(), b.clone(), c.clone(), d]);
        assert_eq!(r.kb.events.len(), 1);
        let found: Vec<&Conflict> = conflicts(&r)
            .iter()
            .filter(|c| c.field == "legal_basis")
            .collect();
        assert_eq!(found.len(), 3, "{found:?}");
        for f in found {
            let docs = [&f.evidence.0.document, &f.evidence.1.document];
            assert!(
                docs.contains(&&b.document.id),
                "b against each of the others"
            );
            assert!(f.evidence.0.text.contains("Article 1"));
        }
    }

    #[test]
    fn a_day_reported_differently_is_a_contradiction_but_another_month_is_not() {
        let conviction = |text: &str, date| {
            let a = doc(text, &[("Vladimir Kozlov", P)]);
            with_event(
                a,
                EventType::Conviction,
                Some("Vladimir Kozlov"),
                None,
                date,
                &[],
            )
        };
        let a = conviction(
            "Vladimir Kozlov was convicted on 8 October.",
            PartialDate::ymd(2012, 10, 8),
        );
        let b = conviction(
            "Vladimir Kozlov was convicted on 9 October.",
            PartialDate::ymd(2012, 10, 9),
        );
        let c = conviction(
            "Vladimir Kozlov was convicted on 8 December.",
            PartialDate::ymd(2012, 12, 8),
        );
        let r = resolve(&[a.clone(), b.clone(), c]);
        assert_eq!(r.kb.events.len(), 3, "different days are not merged");
        let dates: Vec<&Conflict> = conflicts(&r).iter().filter(|c| c.field == "date").collect();
        assert_eq!(dates.len(), 1, "{dates:?}");
        let d = dates[0];
        let mut values = [d.values.0.as_str(), d.values.1.as_str()];
        values.sort();
        assert_eq!(values, ["2012-10-08", "2012-10-09"]);
        assert!(d.other_event.is_some() && d.other_event.as_ref() != Some(&d.event));
        let texts = [d.evidence.0.text.as_str(), d.evidence.1.text.as_str()];
        assert!(texts.contains(&"Vladimir Kozlov was convicted on 9 October."));
        // Rejecting one of the two events settles it.
        let other = d.other_event.clone().unwrap();
        let mut kb = KnowledgeBase::default();
        kb.events = r.kb.events.clone();
        let reject = Review {
            id: 1,
            target: other.clone(),
            action: casefile_model::ReviewAction::Reject,
            value: None,
            note: None,
            anchor: reviews::anchor(&kb, &other),
            value_anchor: None,
            user: "alice".into(),
            created_at: "2026-11-23T12:00:00Z".into(),
        };
        let r = resolve_reviewed(&[a, b], &[reject]);
        assert!(conflicts(&r).iter().all(|c| c.field != "date"));
    }

    #[test]
    fn casualty_figures_that_cannot_both_be_true_contradict_and_retractions_are_marked() {
        let killing = |text: &str, claims: &[(u64, Qualifier, bool)]| {
            let a = place(text, "Zhanaozen", "KZ");
            let mut a = with_event(
                a,
                EventType::Killing,
                None,
                Some("Zhanaozen"),
                PartialDate::ymd(2011, 12, 16),
                &[],
            );
            for &(quantity, qualifier, retracted) in claims {
                a.claims.push(casefile_model::Claim {
                    quantity,
                    qualifier,
                    unit: "killed".into(),
                    retracted,
                    evidence: Span::new(0, a.document.text.len()),
                    claimant: None,
                });
            }
            a
        };
        let a = killing(
            "At least 15 people were killed in Zhanaozen.",
            &[(15, Qualifier::AtLeast, false)],
        );
        let b = killing(
            "Sixteen people were killed in Zhanaozen.",
            &[(16, Qualifier::Exact, false)],
        );
        let c = killing(
            "Twelve people were killed in Zhanaozen, officials first said.",
            &[(12, Qualifier::Exact, true)],
        );
        let r = resolve(&[a.clone(), b.clone(), c.clone()]);
        assert_eq!(r.kb.events.len(), 1);
        let counts: Vec<&Conflict> = conflicts(&r)
            .iter()
            .filter(|c| c.field == "count:killed")
            .collect();
        // 12 contradicts both "at least 15" and 16; those two agree.
        assert_eq!(counts.len(), 2, "{counts:?}");
        for f in &counts {
            let (twelve, other) = if f.values.0 == "12" {
                (f.retracted.0, f.retracted.1)
            } else {
                assert_eq!(f.values.1, "12");
                (f.retracted.1, f.retracted.0)
            };
            assert!(
                twelve && !other,
                "only the withdrawn figure is marked retracted"
            );
        }
        assert!(counts
            .iter()
            .any(|f| f.values.0 == "at least 15" || f.values.1 == "at least 15"));
    }

    #[test]
    fn a_day_without_a_year_joins_the_event_of_that_day_but_a_month_alone_does_not() {
        let conviction = |text: &str, date| {
            let a = doc(text, &[("Vladimir Kozlov", P)]);
            with_event(
                a,
                EventType::Conviction,
                Some("Vladimir Kozlov"),
                None,
                date,
                &[],
            )
        };
        let a = conviction(
            "On 8 October 2012 Vladimir Kozlov was convicted.",
            PartialDate::ymd(2012, 10, 8),
        );
        // An undated source: "on 8 October" has no year.
        let b = conviction(
            "In its verdict against Vladimir Kozlov on 8 October the court spoke.",
            PartialDate::md(10, 8),
        );
        let c = conviction(
            "In October Vladimir Kozlov was convicted.",
            PartialDate::checked(None, Some(10), None),
        );
        let r = resolve(&[a, b, c]);
        assert_eq!(r.kb.events.len(), 2);
        let merged = r.kb.events.iter().find(|e| e.sources.len() == 2).unwrap();
        assert_eq!(merged.date, PartialDate::ymd(2012, 10, 8));
    }

    #[test]
    fn a_surname_split_off_its_full_name_in_a_document_stands_alone() {
        let a = doc(
            "Vladimir Kozlov was detained. Kozlov, his brother, protested.",
            &[("Vladimir Kozlov", P), ("Kozlov", P)],
        );
        let kb = build_knowledge_base(std::slice::from_ref(&a));
        let kozlov = id_of(&kb, &a, "Vladimir Kozlov");
        assert_eq!(kozlov, id_of(&kb, &a, "Kozlov"), "linked as read");
        let split = judge(&kb, 3, &kozlov, Split, "Kozlov");
        let r = resolve_reviewed(std::slice::from_ref(&a), std::slice::from_ref(&split));
        let (full, short) = (
            id_of(&r.kb, &a, "Vladimir Kozlov"),
            id_of(&r.kb, &a, "Kozlov"),
        );
        assert_ne!(full, short);
        // Nor does the lone surname join him from another document.
        let b = doc("Kozlov spoke again.", &[("Kozlov", P)]);
        let r = resolve_reviewed(&[a.clone(), b.clone()], &[split]);
        assert_ne!(
            id_of(&r.kb, &a, "Vladimir Kozlov"),
            id_of(&r.kb, &b, "Kozlov")
        );
        assert!(explain(&r, &full).iter().any(|w| w.contains("review 3")));
    }
}
