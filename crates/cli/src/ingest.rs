//! `casefile ingest` and `casefile reanalyze`: files → documents → analyses → store.
//!
//! Reading and analysis run in parallel (rayon) on a batch of files at a time, on a thread of
//! their own; writing happens on this thread in file order, one transaction per batch
//! ([`Store::put_batch`]), while the next batch is analysed. The store's ingestion order is the same on
//! every run, no document is ever half-stored, and a kill at any moment loses at most the batch
//! not yet committed.

use crate::IngestArgs;
use anyhow::Result;
use casefile_extract::Pipeline;
use casefile_ingest::{IngestError, IngestOptions};
use casefile_model::DocumentId;
use casefile_store::{PutOutcome, Store};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::HashSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

/// What one ingest run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Documents newly stored.
    pub ingested: usize,
    /// Documents already in the store (same content).
    pub skipped: usize,
    /// Files that could not be read.
    pub failed: usize,
}

/// Files analysed in parallel before their results are written; bounds memory on large folders.
const BATCH: usize = 256;

enum Outcome {
    Analysed(Vec<u8>, Box<casefile_model::AnalyzedDocument>),
    AlreadyStored,
    Failed(IngestError),
}

/// Ingests the files and folders of `args` into `store`, printing one line per failure and a
/// summary to standard error.
pub fn run(store: &mut dyn Store, args: &IngestArgs) -> Result<Summary> {
    let options = IngestOptions {
        overrides: args.overrides(),
        ..IngestOptions::default()
    };
    let mut summary = Summary::default();
    // The files are walked twice, counted for the progress bar and then read, rather than listed
    // once into memory: a million paths would be the one thing in an ingest that grows with the
    // corpus.
    let total = casefile_ingest::walk_iter(&args.paths).count();
    let known: HashSet<DocumentId> = store.document_ids()?.into_iter().collect();
    let pipeline = Pipeline::new();
    let progress = ProgressBar::new(total as u64);
    progress.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} files {per_sec} {eta} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );

    // Analysis of the next batch (rayon, on its own thread) overlaps with writing this one (here,
    // in file order); the channel holds one batch, so at most three are in memory.
    let analyse_file = |path: &PathBuf| -> Outcome {
        match casefile_ingest::load_file(path, &options) {
            Err(e) => Outcome::Failed(e),
            Ok(loaded) if known.contains(&loaded.document.id) => Outcome::AlreadyStored,
            Ok(loaded) => {
                let document = loaded.document;
                match catch_unwind(AssertUnwindSafe(|| pipeline.analyze(document))) {
                    Ok(analysis) => Outcome::Analysed(loaded.raw, Box::new(analysis)),
                    Err(_) => Outcome::Failed(IngestError {
                        path: path.clone(),
                        reason: format!(
                            "casefile failed while reading it (a bug: please report this file): {}",
                            crate::panics::take_message()
                        ),
                    }),
                }
            }
        }
    };
    let analyse = |batch: Vec<Result<PathBuf, IngestError>>| -> Vec<Outcome> {
        batch
            .into_par_iter()
            .map(|entry| match entry {
                // A path the walk could not read: reported in its place in the order.
                Err(e) => Outcome::Failed(e),
                Ok(path) => analyse_file(&path),
            })
            .collect()
    };
    std::thread::scope(|scope| -> Result<()> {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Outcome>>(1);
        let paths = &args.paths;
        scope.spawn(move || {
            let mut walk = casefile_ingest::walk_iter(paths);
            loop {
                let batch: Vec<_> = walk.by_ref().take(BATCH).collect();
                // The writer stopped (a store error): no more work.
                if batch.is_empty() || tx.send(analyse(batch)).is_err() {
                    break;
                }
            }
        });
        for outcomes in rx {
            write_batch(store, outcomes, &mut summary, &progress)?;
        }
        Ok(())
    })?;
    progress.finish_and_clear();
    eprintln!(
        "ingested {}, skipped {} (already stored), failed {}",
        summary.ingested, summary.skipped, summary.failed
    );
    Ok(summary)
}

/// Writes one batch's outcomes in order: failures are reported, analysed documents stored in one
/// [`Store::put_batch`]. A store failure (a full disk, a read-only file) ends the run: every later
/// document would fail the same way. What was committed stays, and the message says how much, so
/// the user knows a second run will go on from there.
fn write_batch(
    store: &mut dyn Store,
    outcomes: Vec<Outcome>,
    summary: &mut Summary,
    progress: &ProgressBar,
) -> Result<()> {
    let mut to_store: Vec<(&[u8], &casefile_model::AnalyzedDocument)> = Vec::new();
    for outcome in &outcomes {
        match outcome {
            Outcome::Failed(e) => {
                progress.suspend(|| eprintln!("error: {e}"));
                summary.failed += 1;
            }
            Outcome::AlreadyStored => summary.skipped += 1,
            Outcome::Analysed(raw, analysis) => to_store.push((raw, analysis)),
        }
    }
    progress.inc((outcomes.len() - to_store.len()) as u64);
    let (stored, error) = store.put_batch(&to_store);
    for o in &stored {
        match o {
            PutOutcome::Inserted => summary.ingested += 1,
            // The same content twice in one run: the second copy is a no-op.
            PutOutcome::AlreadyPresent => summary.skipped += 1,
        }
    }
    progress.inc(stored.len() as u64);
    match error {
        None => Ok(()),
        Some(e) => Err(anyhow::Error::new(e).context(format!(
            "ingest stopped after storing {} document(s), which are kept \
             (run it again to go on)",
            summary.ingested
        ))),
    }
}

/// Re-runs the readers on every stored document, replacing its analysis layers.
pub fn reanalyze(store: &mut dyn Store) -> Result<usize> {
    let pipeline = Pipeline::new();
    let ids = store.document_ids()?;
    let mut count = 0;
    for batch in ids.chunks(BATCH) {
        let mut documents = Vec::with_capacity(batch.len());
        for id in batch {
            if let Some(a) = store.analysis(id)? {
                documents.push(a.document);
            }
        }
        let analyses: Vec<_> = documents
            .into_par_iter()
            .map(|d| {
                let source = d.source.clone();
                catch_unwind(AssertUnwindSafe(|| pipeline.analyze(d))).map_err(|_| source)
            })
            .collect();
        for a in analyses {
            match a {
                Ok(a) => {
                    store.replace_analysis(&a)?;
                    count += 1;
                }
                // The stored analysis stays as it was: an older reading beats none.
                Err(source) => eprintln!(
                    "error: {source}: casefile failed while reading it again (a bug: please report this file): {}",
                    crate::panics::take_message()
                ),
            }
        }
    }
    Ok(count)
}
