//! Prints, for every `.txt` file of a folder, the entity mentions of the pipeline and of the
//! tagger alone, one JSON object per line (a development aid for cross-checks on other corpora).
use casefile_model::{Document, DocumentId, DocumentMeta, EntityType, SourceFormat};

fn main() {
    let dir = std::env::args().nth(1).expect("a folder");
    let pipeline = casefile_extract::Pipeline::new();
    let tagger = casefile_ner::Tagger::builtin();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("readable folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let name = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let doc = Document {
            id: DocumentId::from_content(text.as_bytes()),
            source: path.display().to_string(),
            format: SourceFormat::Text,
            meta: DocumentMeta::default(),
            text: text.clone(),
        };
        let sentences = casefile_text::sentences(&text);
        for (span, label) in tagger.tag_document(&text, &sentences).into_iter().flatten() {
            let line = serde_json::json!({"doc": name, "by": "tagger", "type": format!("{label:?}").to_uppercase(), "text": &text[span.start..span.end]});
            println!("{line}");
        }
        for m in pipeline.read_entities(doc).mentions {
            let t = match m.entity_type {
                EntityType::Person => "PER",
                EntityType::Organization => "ORG",
                EntityType::Location => "LOC",
                EntityType::LegalProvision => "LAW",
                EntityType::Misc => "MISC",
            };
            let line =
                serde_json::json!({"doc": name, "by": "pipeline", "type": t, "text": m.text});
            println!("{line}");
        }
    }
}
