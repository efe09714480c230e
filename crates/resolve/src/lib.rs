//! The knowledge base across documents: one entity per real-world entity, one event per statement.
//!
//! This first resolver is deliberately conservative: it merges only what it can justify from the
//! text alone.
//! - Within a document, a person named by surname only ("Kozlov", "Mr Kozlov") is the person named
//!   in full with that surname in the same document, when exactly one such person exists.
//! - Across documents, entities of the same type with the same normalised name are one entity.
//!   Spelling variants (Kozlov/Koslov) are not merged yet: a missed merge is visible and fixable; a
//!   wrong merge silently corrupts two case files.
//!
//! Ids are derived from the entity's type and key, so the same store yields the same ids on every
//! run and on every machine.

use casefile_model::{
    AnalyzedDocument, CharIndex, ClaimRecord, DocumentRecord, Entity, EntityMention, EntityType,
    Event, Evidence, KnowledgeBase, Mention, Participant, Span,
};
pub mod names;

pub use names::{compare_pairs, same_name, NameDecision};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};

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

/// The key of each mention of one document, with surname-only person mentions mapped to the full
/// name they abbreviate.
fn document_keys(analysis: &AnalyzedDocument) -> Vec<String> {
    let keys: Vec<String> = analysis
        .mentions
        .iter()
        .map(|m| name_key(&m.text))
        .collect();
    // Surname → the full-name keys (two words or more) of persons in this document ending with it.
    let mut by_surname: HashMap<&str, Vec<&str>> = HashMap::new();
    for (m, key) in analysis.mentions.iter().zip(&keys) {
        if m.entity_type == EntityType::Person && key.contains(' ') {
            let surname = key.rsplit(' ').next().unwrap_or(key);
            let fulls = by_surname.entry(surname).or_default();
            if !fulls.contains(&key.as_str()) {
                fulls.push(key);
            }
        }
    }
    analysis
        .mentions
        .iter()
        .zip(&keys)
        .map(|(m, key)| {
            if m.entity_type == EntityType::Person && !key.contains(' ') {
                if let Some([full]) = by_surname.get(key.as_str()).map(Vec::as_slice) {
                    return full.to_string();
                }
            }
            key.clone()
        })
        .collect()
}

/// Builds the knowledge base from every document's analysis.
pub fn build_knowledge_base(analyses: &[AnalyzedDocument]) -> KnowledgeBase {
    struct Building {
        entity: Entity,
        name_counts: BTreeMap<String, usize>,
    }
    let mut entities: BTreeMap<(EntityType, String), Building> = BTreeMap::new();
    let mut documents = Vec::new();
    let mut events = Vec::new();
    let mut claims = Vec::new();

    for analysis in analyses {
        let doc = &analysis.document;
        let index = CharIndex::new(&doc.text);
        let evidence = |span: Span| Evidence {
            document: doc.id.clone(),
            start: index.char_offset(span.start),
            end: index.char_offset(span.end),
            text: span.slice(&doc.text).unwrap_or_default().to_string(),
        };
        documents.push(DocumentRecord::new(
            doc.id.clone(),
            doc.source.clone(),
            doc.format,
            doc.meta.clone(),
            doc.text.clone(),
        ));

        let keys = document_keys(analysis);
        let mut mention_ids = Vec::with_capacity(keys.len());
        for (m, key) in analysis.mentions.iter().zip(&keys) {
            let slot = (m.entity_type, key.clone());
            let id = stable_id(type_prefix(m.entity_type), &[m.entity_type.as_str(), key]);
            let building = entities.entry(slot).or_insert_with(|| Building {
                entity: Entity {
                    id: id.clone(),
                    entity_type: m.entity_type,
                    name: m.text.clone(),
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                    country: None,
                    legal: None,
                },
                name_counts: BTreeMap::new(),
            });
            add_mention(&mut building.entity, m, &evidence(m.span));
            *building.name_counts.entry(m.text.clone()).or_default() += 1;
            mention_ids.push(id);
        }

        for (i, em) in analysis.events.iter().enumerate() {
            let source = evidence(em.evidence);
            events.push(Event {
                id: stable_id("evt", &[doc.id.as_str(), &i.to_string()]),
                event_type: em.event_type,
                date: em.date,
                participants: em
                    .participants
                    .iter()
                    .filter_map(|&(m, role)| {
                        mention_ids.get(m).map(|id| Participant {
                            entity: id.clone(),
                            role,
                        })
                    })
                    .collect(),
                location: em.location.and_then(|m| mention_ids.get(m).cloned()),
                legal_basis: em
                    .legal_basis
                    .iter()
                    .filter_map(|&m| mention_ids.get(m).cloned())
                    .collect(),
                charges: em.charges.clone(),
                sentence: em.sentence.clone(),
                victim_count: em.victim_count,
                modality: em.modality,
                negated: em.negated,
                sources: vec![source],
            });
        }
        for c in &analysis.claims {
            claims.push(ClaimRecord {
                quantity: c.quantity,
                qualifier: c.qualifier,
                unit: c.unit.clone(),
                retracted: c.retracted,
                claimant: c.claimant.and_then(|m| mention_ids.get(m).cloned()),
                source: evidence(c.evidence),
            });
        }
    }

    let entities = entities
        .into_values()
        .map(|mut b| {
            // The canonical name is the longest spelling, most frequent first among equals: full
            // names beat surnames.
            let mut names: Vec<(String, usize)> = b.name_counts.into_iter().collect();
            names.sort_by(|a, b| {
                b.0.chars()
                    .count()
                    .cmp(&a.0.chars().count())
                    .then(b.1.cmp(&a.1))
                    .then(a.0.cmp(&b.0))
            });
            b.entity.name = names[0].0.clone();
            b.entity.aliases = names.into_iter().map(|(n, _)| n).collect();
            b.entity
        })
        .collect();

    KnowledgeBase {
        format_version: KnowledgeBase::FORMAT_VERSION,
        documents,
        entities,
        events,
        claims,
    }
}

fn add_mention(entity: &mut Entity, m: &Mention, at: &Evidence) {
    if entity.country.is_none() {
        entity.country = m.country.clone();
    }
    if entity.legal.is_none() {
        entity.legal = m.legal.clone();
    }
    entity.mentions.push(EntityMention {
        document: at.document.clone(),
        text: m.text.clone(),
        start: at.start,
        end: at.end,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use casefile_model::{Document, DocumentId, DocumentMeta, SourceFormat};

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
}
