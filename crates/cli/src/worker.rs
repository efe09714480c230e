//! `casefile enqueue`, `casefile worker` and `casefile queue`: reading a corpus with several
//! processes, on one machine or several, through the work queue of a PostgreSQL store
//! (`casefile_store::JobQueue`, whose invariants are stated there).
//!
//! `enqueue` reads files (bytes and sidecars, no parsing) into the queue; each `worker` takes one
//! job at a time, reads it with the same code `casefile ingest` uses, and stores it in the job's
//! own transaction. A worker that loses the server reconnects with backoff and goes on.

use crate::IngestArgs;
use anyhow::{bail, Context, Result};
use casefile_extract::Pipeline;
use casefile_ingest::{IngestOptions, MetaOverrides};
use casefile_model::{AnalyzedDocument, SourceFormat};
use casefile_store::{Enqueued, Job, JobOutcome, JobQueue, NewJob, StoreSpec};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

/// Arguments of `casefile worker`.
#[derive(clap::Args)]
pub struct WorkerArgs {
    /// Stop when no job is waiting (the jobs other workers are reading are theirs); without it
    /// the worker waits for new jobs until stopped.
    #[arg(long)]
    until_empty: bool,
    /// Seconds between looks at an empty queue.
    #[arg(long, default_value_t = 2.0)]
    poll: f64,
    /// The name recorded with each job this worker takes and finishes (default HOST:PID).
    #[arg(long)]
    name: Option<String>,
    /// A job taken this many times without being finished (its workers died on it) is given up
    /// as failed.
    #[arg(long, default_value_t = JobQueue::DEFAULT_MAX_ATTEMPTS)]
    max_attempts: i64,
    /// How long to keep trying to reconnect after losing the server before giving up, seconds.
    #[arg(long, default_value_t = 60)]
    reconnect_secs: u64,
    /// Jobs read at once, each on its own thread and connections (named NAME/1, NAME/2, …),
    /// sharing one copy of the readers: one worker process can use every core of its machine.
    #[arg(long, default_value_t = 1)]
    threads: usize,
}

/// The URL of a PostgreSQL store, or the one-line error for a store folder.
fn queue_url<'a>(spec: &'a StoreSpec, command: &str) -> Result<&'a str> {
    match spec {
        StoreSpec::Postgres(url) => Ok(url),
        StoreSpec::Sqlite(dir) => bail!(
            "casefile {command} needs a PostgreSQL store (--store postgres://…): the work queue \
             lives in the database; {} is a store folder, which `casefile ingest` fills",
            dir.display()
        ),
    }
}

/// `casefile enqueue`: queues the files of `args` (skipping those stored or queued already).
/// Returns how many files could not be read.
pub fn enqueue(spec: &StoreSpec, args: &IngestArgs) -> Result<usize> {
    let url = queue_url(spec, "enqueue")?;
    let mut queue = JobQueue::open(url, "enqueue")
        .with_context(|| format!("cannot open the store at {spec}"))?;
    let options = IngestOptions {
        overrides: args.overrides(),
        ..IngestOptions::default()
    };
    let (mut queued, mut stored, mut already, mut failed) = (0, 0, 0, 0);
    // Walked lazily: a corpus of a million files is never listed whole.
    for entry in casefile_ingest::walk_iter(&args.paths) {
        let file = match entry.and_then(|path| casefile_ingest::read_file(&path, &options)) {
            Ok(file) => file,
            Err(e) => {
                eprintln!("error: {e}");
                failed += 1;
                continue;
            }
        };
        let meta = serde_json::to_string(&file.overrides)?;
        let outcome = queue
            .enqueue(&NewJob {
                source: &file.source,
                format: file.format.as_str(),
                meta: &meta,
                raw: &file.raw,
            })
            .with_context(|| {
                format!("enqueue stopped after queueing {queued} file(s), which stay queued")
            })?;
        match outcome {
            Enqueued::Queued => queued += 1,
            Enqueued::AlreadyStored => stored += 1,
            Enqueued::AlreadyQueued => already += 1,
        }
    }
    eprintln!(
        "queued {queued}, skipped {stored} (already stored) and {already} (already queued), \
         failed {failed}"
    );
    Ok(failed)
}

/// `casefile queue`: how many jobs wait, are done and failed, and why each failed one failed.
pub fn status(spec: &StoreSpec) -> Result<()> {
    let url = queue_url(spec, "queue")?;
    let mut queue = JobQueue::open(url, "status")
        .with_context(|| format!("cannot open the store at {spec}"))?;
    let counts = queue.counts()?;
    for failure in queue.failures()? {
        // A reader's error names the file already; the queue's own reasons do not.
        if failure.error.starts_with(&failure.source) {
            println!("failed: {}", failure.error);
        } else {
            println!("failed: {}: {}", failure.source, failure.error);
        }
    }
    println!(
        "queue: {} waiting, {} done, {} failed",
        counts.queued, counts.done, counts.failed
    );
    Ok(())
}

/// What one worker did.
#[derive(Debug, Default, Clone, Copy)]
pub struct WorkerSummary {
    /// Documents it stored.
    pub stored: usize,
    /// Jobs whose document was already stored.
    pub already: usize,
    /// Jobs it marked failed.
    pub failed: usize,
    /// Times it reconnected after losing the server.
    pub reconnects: usize,
}

/// The machine's name, for the default worker name.
fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|h| h.trim().to_string())
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "localhost".into())
}

/// Reads a job's file as `casefile ingest` reads it from disk: its bytes, format and the
/// metadata supplied with it, then the readers.
fn read_job(pipeline: &Pipeline, job: &Job) -> std::result::Result<AnalyzedDocument, String> {
    let format: SourceFormat =
        serde_json::from_value(serde_json::Value::String(job.format.clone())).map_err(|_| {
            format!(
                "{}: unknown format {:?} in the queue",
                job.source, job.format
            )
        })?;
    let overrides: MetaOverrides = serde_json::from_str(&job.meta)
        .map_err(|e| format!("{}: unreadable metadata in the queue: {e}", job.source))?;
    let options = IngestOptions {
        overrides,
        ..IngestOptions::default()
    };
    let loaded = casefile_ingest::load_bytes(&job.source, &job.raw, format, &options)
        .map_err(|e| e.to_string())?;
    catch_unwind(AssertUnwindSafe(|| pipeline.analyze(loaded.document))).map_err(|_| {
        format!(
            "{}: casefile failed while reading it (a bug: please report this file): {}",
            job.source,
            crate::panics::take_message()
        )
    })
}

/// Connects, retrying with backoff until `deadline` (none: one try).
fn connect(
    url: &str,
    args: &WorkerArgs,
    name: &str,
    deadline: Option<Instant>,
) -> Result<JobQueue> {
    let mut wait = Duration::from_millis(250);
    loop {
        match JobQueue::open(url, name) {
            Ok(q) => return Ok(q.with_max_attempts(args.max_attempts)),
            Err(e) => match deadline {
                Some(d) if Instant::now() + wait < d => {
                    std::thread::sleep(wait);
                    wait = (wait * 2).min(Duration::from_secs(5));
                }
                _ => return Err(e.into()),
            },
        }
    }
}

/// `casefile worker`: takes jobs one at a time on each of its threads until stopped (or, with
/// `--until-empty`, until none is waiting).
pub fn run(spec: &StoreSpec, args: &WorkerArgs) -> Result<WorkerSummary> {
    let url = queue_url(spec, "worker")?;
    let name = args
        .name
        .clone()
        .unwrap_or_else(|| format!("{}:{}", hostname(), std::process::id()));
    let threads = args.threads.max(1);
    // Each thread has its own connections and its own name (for the claims); the readers are
    // shared, loaded once.
    let names: Vec<String> = if threads == 1 {
        vec![name.clone()]
    } else {
        (1..=threads).map(|i| format!("{name}/{i}")).collect()
    };
    let mut queues = Vec::with_capacity(threads);
    for n in &names {
        queues.push(
            connect(url, args, n, None)
                .with_context(|| format!("cannot open the store at {spec}"))?,
        );
    }
    let pipeline = Pipeline::new();
    let summaries: Vec<Result<WorkerSummary>> = std::thread::scope(|scope| {
        let handles: Vec<_> = queues
            .into_iter()
            .zip(&names)
            .map(|(q, n)| {
                let pipeline = &pipeline;
                scope.spawn(move || work(url, args, n, q, pipeline))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("a worker thread panicked")))
            })
            .collect()
    });
    let mut total = WorkerSummary::default();
    for s in summaries {
        let s = s?;
        total.stored += s.stored;
        total.already += s.already;
        total.failed += s.failed;
        total.reconnects += s.reconnects;
    }
    eprintln!(
        "worker {name}: stored {}, already stored {}, failed {}, reconnected {} time(s)",
        total.stored, total.already, total.failed, total.reconnects
    );
    Ok(total)
}

/// One thread's loop: take a job, read it, store it; reconnect when the server goes away.
fn work(
    url: &str,
    args: &WorkerArgs,
    name: &str,
    queue: JobQueue,
    pipeline: &Pipeline,
) -> Result<WorkerSummary> {
    let mut queue = Some(queue);
    // For the fault tests only: a pause after taking each job, so that a test can kill the
    // worker while it certainly holds one.
    let pause = std::env::var("CASEFILE_WORKER_PAUSE_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .map(Duration::from_millis);
    let mut summary = WorkerSummary::default();
    let mut read = |job: &Job| {
        if let Some(p) = pause {
            std::thread::sleep(p);
        }
        read_job(pipeline, job)
    };
    loop {
        let q = match queue.as_mut() {
            Some(q) => q,
            None => {
                let deadline = Instant::now() + Duration::from_secs(args.reconnect_secs);
                let q = connect(url, args, name, Some(deadline)).with_context(|| {
                    format!(
                        "worker {name}: lost the server and could not reconnect within {} s",
                        args.reconnect_secs
                    )
                })?;
                summary.reconnects += 1;
                eprintln!("worker {name}: reconnected");
                queue.insert(q)
            }
        };
        match q.process_next(&mut read) {
            Ok(Some((_, JobOutcome::Stored))) => summary.stored += 1,
            Ok(Some((_, JobOutcome::AlreadyStored))) => summary.already += 1,
            Ok(Some((_, JobOutcome::Failed(reason)))) => {
                eprintln!("error: {reason}");
                summary.failed += 1;
            }
            Ok(Some((job, JobOutcome::GaveUp(n)))) => {
                eprintln!(
                    "error: {}: given up after {n} attempts by workers that stopped on it",
                    job.source
                );
                summary.failed += 1;
            }
            Ok(None) if args.until_empty => break,
            Ok(None) => std::thread::sleep(
                Duration::try_from_secs_f64(args.poll.max(0.05)).unwrap_or(Duration::from_secs(2)),
            ),
            Err(e) if e.is_connection_lost() => {
                eprintln!("worker {name}: lost the server ({e}); reconnecting");
                queue = None;
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(summary)
}
