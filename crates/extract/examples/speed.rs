//! Times the gazetteer's load and the entity readers over every `.txt`/`.html` file of a folder
//! read as plain text (a development aid; the benchmark of record is the CLI's).
use casefile_model::{Document, DocumentId, DocumentMeta, SourceFormat};
use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).expect("a folder");
    let t = Instant::now();
    let _ = casefile_gazetteer::Gazetteer::builtin();
    println!("gazetteer loaded in {:?}", t.elapsed());
    let t = Instant::now();
    let pipeline = casefile_extract::Pipeline::new();
    println!("pipeline loaded in {:?}", t.elapsed());
    let mut docs = Vec::new();
    for e in std::fs::read_dir(dir).expect("readable folder").flatten() {
        if let Ok(text) = std::fs::read_to_string(e.path()) {
            docs.push(Document {
                id: DocumentId::from_content(text.as_bytes()),
                source: e.path().display().to_string(),
                format: SourceFormat::Text,
                meta: DocumentMeta::default(),
                text,
            });
        }
    }
    let words: usize = docs
        .iter()
        .map(|d| casefile_text::word_count(&d.text))
        .sum();
    let t = Instant::now();
    let mut mentions = 0;
    for d in docs {
        mentions += pipeline.read_entities(d).mentions.len();
    }
    let secs = t.elapsed().as_secs_f64();
    println!("{words} words, {mentions} mentions in {secs:.2}s: {:.0} words/s (one thread, timex included)", words as f64 / secs);
}
