//! Runs the pipeline on the seed press releases and writes a knowledge base JSON that
//! `../shared/eval/score.py` reads, to measure the entity readers before (and apart from) the
//! store, resolution and CLI export.
//!
//! Usage: seed-export [SEEDS_DIR] [OUT.json]
//! (defaults: ../shared/corpus/seeds and seeds-export.json).
//!
//! Each document's text is the file as it is (no ingest cleaning). Within one document, each
//! (type, surface text) is one entity, except that a person's or organisation's shorter form is
//! joined to the longer one it ends or begins ("Kozlov" with "Vladimir Kozlov") and an acronym to
//! the name it abbreviates: the resolution the scorer needs within a document, nothing across
//! documents.

use casefile_extract::Pipeline;
use casefile_model::{
    CharIndex, Document, DocumentId, DocumentMeta, DocumentRecord, Entity, EntityMention,
    EntityType, KnowledgeBase, SourceFormat,
};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/corpus/seeds".to_string()),
    );
    let out = args
        .next()
        .unwrap_or_else(|| "seeds-export.json".to_string());
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let pipeline = Pipeline::new();
    let mut kb = KnowledgeBase {
        format_version: KnowledgeBase::FORMAT_VERSION,
        ..KnowledgeBase::default()
    };
    for path in paths {
        let raw = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let text = String::from_utf8_lossy(&raw).into_owned();
        let document = Document {
            id: DocumentId::from_content(&raw),
            source: path.display().to_string(),
            format: SourceFormat::Text,
            meta: DocumentMeta::default(),
            text,
        };
        let analysis = pipeline.read_entities(document);
        let doc = &analysis.document;
        let index = CharIndex::new(&doc.text);
        // (type, surface) -> mentions, in order of first appearance.
        let mut groups: BTreeMap<(EntityType, String), Vec<usize>> = BTreeMap::new();
        for (i, m) in analysis.mentions.iter().enumerate() {
            let key = match (&m.legal, m.entity_type) {
                (Some(l), EntityType::LegalProvision) => format!("{} #{}", m.text, l.article),
                _ => m.text.clone(),
            };
            groups.entry((m.entity_type, key)).or_default().push(i);
        }
        let mut keys: Vec<(EntityType, String)> = groups.keys().cloned().collect();
        // Longer names first, so that a short form finds the long one it belongs to.
        keys.sort_by_key(|(_, s)| std::cmp::Reverse(s.len()));
        let mut owner: BTreeMap<(EntityType, String), (EntityType, String)> = BTreeMap::new();
        for k in &keys {
            if !matches!(k.0, EntityType::Person | EntityType::Organization) {
                continue;
            }
            let long = keys.iter().find(|l| {
                l.0 == k.0
                    && l.1.len() > k.1.len()
                    && !owner.contains_key(*l)
                    && (l.1.ends_with(&format!(" {}", k.1))
                        || (k.0 == EntityType::Person && l.1.starts_with(&format!("{} ", k.1)))
                        || (k.1.len() >= 2
                            && k.1.chars().all(|c| c.is_ascii_uppercase())
                            && initials(&l.1).contains(&k.1)))
            });
            if let Some(l) = long {
                owner.insert(k.clone(), l.clone());
            }
        }
        let mut merged: BTreeMap<(EntityType, String), Vec<usize>> = BTreeMap::new();
        for (k, v) in groups {
            let root = owner.get(&k).cloned().unwrap_or(k);
            merged.entry(root).or_default().extend(v);
        }
        for ((ty, name), idxs) in merged {
            let first = &analysis.mentions[idxs[0]];
            let mut hasher = Sha256::new();
            hasher.update(doc.id.as_str().as_bytes());
            hasher.update(ty.as_str().as_bytes());
            hasher.update(name.as_bytes());
            let id = format!(
                "{}-{}",
                &ty.as_str()[..3],
                hex::encode(&hasher.finalize()[..8])
            );
            let mentions: Vec<EntityMention> = idxs
                .iter()
                .map(|&i| {
                    let m = &analysis.mentions[i];
                    EntityMention {
                        document: doc.id.clone(),
                        text: m.text.clone(),
                        start: index.char_offset(m.span.start),
                        end: index.char_offset(m.span.end),
                    }
                })
                .collect();
            let mut aliases: Vec<String> = mentions.iter().map(|m| m.text.clone()).collect();
            aliases.sort();
            aliases.dedup();
            kb.entities.push(Entity {
                id,
                entity_type: ty,
                name: first.text.clone(),
                aliases,
                mentions,
                country: first.country.clone(),
                legal: first.legal.clone(),
            });
        }
        kb.documents.push(DocumentRecord::new(
            doc.id.clone(),
            doc.source.clone(),
            doc.format,
            doc.meta.clone(),
            doc.text.clone(),
        ));
    }
    std::fs::write(&out, serde_json::to_string_pretty(&kb)?)?;
    eprintln!(
        "wrote {out}: {} documents, {} entities",
        kb.documents.len(),
        kb.entities.len()
    );
    Ok(())
}

fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}
