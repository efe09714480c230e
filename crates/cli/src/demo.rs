//! `casefile demo`: the bundled example corpus, ingested into a temporary store, two case files.
//!
//! The corpus is compiled into the binary so the demo works from any folder, offline, with nothing
//! but the binary.

use crate::{case, ingest, resolution, IngestArgs};
use anyhow::{Context, Result};
use casefile_model::EntityType;
use casefile_store::SqliteStore;
use std::collections::BTreeSet;
use std::process::ExitCode;

macro_rules! corpus_file {
    ($name:literal) => {
        (
            $name,
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../examples/corpus/",
                $name
            )),
        )
    };
}

/// The example corpus: `examples/corpus/` (fictional reports written for casefile).
pub const CORPUS: &[(&str, &[u8])] = &[
    corpus_file!("01-tbhr-sultanova-detained.txt"),
    corpus_file!("02-pfm-sultanova-trial-opens.html"),
    corpus_file!("03-srw-sultanova-sentenced.txt"),
    corpus_file!("04-tbhr-temirov-missing.txt"),
    corpus_file!("05-srw-timirov-nsc-custody.md"),
    corpus_file!("06-pfm-kemir-courier-closed.html"),
    corpus_file!("07-steppe-herald-ordabay-protests.html"),
    corpus_file!("08-cara-ordabay-investigation.txt"),
    corpus_file!("09-osi-briefing-closing-space.pdf"),
];

/// Runs the demo.
pub fn run() -> Result<ExitCode> {
    let dir = tempfile::tempdir().context("cannot create a temporary folder")?;
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus)?;
    for (name, bytes) in CORPUS {
        std::fs::write(corpus.join(name), bytes)?;
    }
    let store_dir = dir.path().join("store");
    let mut store = SqliteStore::open(&store_dir)?;
    eprintln!(
        "casefile demo: ingesting {} example reports into {}",
        CORPUS.len(),
        store_dir.display()
    );
    let summary = ingest::run(
        &mut store,
        &IngestArgs {
            paths: vec![corpus],
            published: None,
            publisher: None,
            title: None,
            source_url: None,
        },
    )?;
    let resolution = resolution(&store)?;
    let kb = &resolution.kb;
    // The two people the corpus says most about, by the number of documents naming them.
    let mut people: Vec<_> = kb
        .entities
        .iter()
        .filter(|e| e.entity_type == EntityType::Person)
        .map(|e| {
            let docs: BTreeSet<_> = e.mentions.iter().map(|m| &m.document).collect();
            (docs.len(), e.mentions.len(), &e.name)
        })
        .collect();
    people.sort_by(|a, b| b.cmp(a));
    let mut out = std::io::stdout().lock();
    for (_, _, name) in people.iter().take(2) {
        println!();
        case::print(&resolution, name, case::CaseFormat::Text, &mut out)?;
    }
    if people.is_empty() {
        println!("(no people recognised yet)");
    }
    Ok(if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_file_is_bundled() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
        let on_disk: BTreeSet<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        let bundled: BTreeSet<String> = CORPUS.iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(on_disk, bundled);
    }
}
