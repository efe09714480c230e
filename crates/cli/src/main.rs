//! `casefile`: the command line. Thin by design: it parses arguments, calls the pipeline crates and
//! prints; everything it does is reachable from those crates' APIs too.

mod case;
mod demo;
mod ingest;
mod panics;
mod train;
mod worker;

use anyhow::{Context, Result};

/// mimalloc rather than the system allocator: the pipeline makes and drops many small strings and
/// vectors per document (glibc's malloc/free were ≈ 5% of an ingest), and start-up builds large
/// tables, which glibc faulted in page by page (17,000 page faults, ≈ 700 with mimalloc). It
/// costs a fixed ≈ 55 MiB of peak RSS (docs/benchmarks.md, "Third pass").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use casefile_model::PartialDate;
use casefile_store::{AnyStore, Store, StoreSpec};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// casefile reads human-rights reports and builds an evidence-linked record of who was detained,
/// charged, convicted, tortured, killed, disappeared or silenced.
#[derive(Parser)]
#[command(name = "casefile", version, about, long_about = None)]
struct Cli {
    /// The store: a folder (embedded SQLite; ./casefile-data by default) or a PostgreSQL URL
    /// (postgres://USER@HOST/DB).
    #[arg(
        long,
        global = true,
        env = "CASEFILE_STORE",
        default_value = "casefile-data",
        value_name = "DIR|URL"
    )]
    store: StoreSpec,
    /// The local folder for the search index (DIR/index) and the API tokens (DIR/tokens). For a
    /// store folder it is that folder; for PostgreSQL, by default a folder per database under
    /// ~/.cache/casefile/postgres/.
    #[arg(long, global = true, env = "CASEFILE_LOCAL", value_name = "DIR")]
    local: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read files and folders (text, Markdown, HTML, PDF) into the store.
    Ingest(IngestArgs),
    /// Put files and folders into a PostgreSQL store's work queue, for `casefile worker` processes
    /// to read (files already stored or queued are skipped).
    Enqueue(IngestArgs),
    /// Read the queued files of a PostgreSQL store, one at a time, each stored exactly once
    /// however many workers run on however many machines.
    Worker(worker::WorkerArgs),
    /// How many queued files wait, are done and failed (with each failure's reason).
    Queue,
    /// Write the whole record.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        /// Output file for json and ftm (standard output when absent); the folder for csv.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Print one entity's record: names seen, documents, events in date order with sources.
    Case {
        /// The name (or part of it) to look up.
        name: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: case::CaseFormat,
    },
    /// Ingest the bundled example corpus into a temporary store and print two case files.
    Demo,
    /// Why an entity is what it is: the spellings and documents joined into it, and the reason for
    /// each join.
    Explain {
        /// The entity's id or name.
        entity: String,
    },
    /// Facts the sources state differently (sentence lengths, dates, casualty counts, legal basis),
    /// with both passages; retracted figures are marked.
    Conflicts {
        /// Print JSON (one array of conflicts) instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Name matching.
    Names {
        #[command(subcommand)]
        what: NamesCommand,
    },
    /// Serve the web app and HTTP API on the store.
    Serve {
        /// Address to listen on; loopback unless told otherwise.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Seconds between looks at the store's change counter: what other processes (ingest,
        /// workers, reviews) change is taken into the record and the search index (0: never).
        #[arg(long, default_value_t = 5.0)]
        follow: f64,
    },
    /// Record a judgement in the store's review log (re-applied whenever the record is built):
    /// confirm, reject, correct_date, correct_type, merge, split or comment.
    Review {
        /// The event, entity or document id judged (as `casefile export` prints it).
        target: String,
        /// What you judge: confirm, reject, correct_date, correct_type, merge, split, comment.
        action: String,
        /// The new date or type; for merge and split the other entity's id; for split also one of
        /// the target's spellings, to split it off.
        value: Option<String>,
        /// Who judges: recorded in the audit log.
        #[arg(long)]
        user: String,
        /// A note kept with the judgement.
        #[arg(long)]
        note: Option<String>,
    },
    /// Make a bearer token for the API's write endpoints (printed once; only its hash is kept).
    Token {
        /// Whose token it is: recorded with every review made with it.
        #[arg(long, default_value = "admin")]
        user: String,
    },
    /// Time expressions: tag TimeML files, or plain text from standard input as JSON.
    Timex {
        /// A folder of TimeML (.tml) files to annotate (document creation time from <DCT>).
        #[arg(long, requires = "out", conflicts_with = "dct")]
        timeml: Option<PathBuf>,
        /// Where to write the annotated TimeML files.
        #[arg(long)]
        out: Option<PathBuf>,
        /// The document date for text read from standard input (YYYY, YYYY-MM or YYYY-MM-DD);
        /// without it, expressions that need a year keep it unknown.
        #[arg(long)]
        dct: Option<PartialDate>,
    },
    /// Measure casefile's readers on annotated data.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Re-run the readers on every stored document (after casefile itself improved), keeping the
    /// raw bytes and metadata.
    Reanalyze,
    /// Delete the search index (STORE/index, derived from the store) and build it again.
    Reindex,
    /// Train the violation filter (which kinds of violation an article reports about human-rights
    /// defenders) on an HRDsAttack split and write its weights.
    TrainEvents {
        /// The split folder, with `articles/` and `gold.json` (../shared/datasets/hrdsattack/train).
        #[arg(long)]
        hrd: PathBuf,
        /// Where to write the weights (crates/events/data/hrd-types.tsv is compiled in).
        #[arg(long)]
        out: PathBuf,
        /// Passes over the examples.
        #[arg(long, default_value_t = 30)]
        epochs: usize,
    },
    /// Time the phases of building the record from the store (reading the analyses, resolving,
    /// indexing for search, as `casefile serve` does at start) and print them as one JSON line.
    Profile,
    /// Write realistic, fictional reports with planted facts (for benchmarks and tests); the same
    /// seed gives the same files.
    Generate {
        /// How many reports.
        #[arg(long)]
        docs: usize,
        /// The folder to write them into (subfolders of a thousand).
        #[arg(long)]
        out: PathBuf,
        /// The seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Also write what each report was made to say, one JSON line per report.
        #[arg(long)]
        truth: Option<PathBuf>,
    },
}

/// Arguments of `casefile ingest`.
#[derive(clap::Args)]
pub struct IngestArgs {
    /// Files or folders (read recursively).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Publication date to record for every file of this run (YYYY, YYYY-MM or YYYY-MM-DD),
    /// overriding what casefile reads.
    #[arg(long)]
    published: Option<PartialDate>,
    /// Publisher to record for every file of this run.
    #[arg(long)]
    publisher: Option<String>,
    /// Title to record (useful with a single file).
    #[arg(long)]
    title: Option<String>,
    /// Where the documents were obtained.
    #[arg(long)]
    source_url: Option<String>,
}

impl IngestArgs {
    /// The metadata given on the command line, for every file of the run.
    pub fn overrides(&self) -> casefile_ingest::MetaOverrides {
        casefile_ingest::MetaOverrides {
            title: self.title.clone(),
            publisher: self.publisher.clone(),
            published: self.published,
            source_url: self.source_url.clone(),
        }
    }
}

#[derive(Subcommand)]
enum NamesCommand {
    /// Decide `same` or `different` for each pair of a TSV (header `name_a name_b ...`): the rows
    /// come back with one more column.
    Compare {
        /// The TSV of name pairs.
        #[arg(long)]
        pairs: PathBuf,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Entity recognition on a CoNLL-2003 file: per-type and overall precision, recall and F1 with
    /// conlleval semantics (exact span and type).
    Ner {
        /// The CoNLL file (token ... IOB tag per line).
        #[arg(long)]
        conll: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// The knowledge base as one JSON document (schema/export.schema.json).
    Json,
    /// FollowTheMoney entities as JSON lines (Aleph, OpenSanctions).
    Ftm,
    /// CSV tables with a Frictionless datapackage.json, in the folder given by `-o`.
    Csv,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    panics::install_hook();
    match std::panic::catch_unwind(|| run(cli)) {
        Ok(Ok(code)) => code,
        Ok(Err(e)) => {
            // The reader of our output went away (`casefile export | head`): end quietly, with
            // the status a shell gives a process ended by SIGPIPE.
            let broken_pipe = e.chain().any(|cause| {
                let kind = cause
                    .downcast_ref::<std::io::Error>()
                    .map(std::io::Error::kind)
                    .or_else(|| {
                        cause
                            .downcast_ref::<serde_json::Error>()
                            .and_then(serde_json::Error::io_error_kind)
                    });
                kind == Some(std::io::ErrorKind::BrokenPipe)
            });
            if broken_pipe {
                return ExitCode::from(141);
            }
            eprintln!("error: {}", one_line(&e));
            ExitCode::from(2)
        }
        Err(_) => {
            let message = panics::take_message();
            // `println!` into a closed pipe panics; end quietly as below.
            if message.contains("Broken pipe") {
                return ExitCode::from(141);
            }
            eprintln!("internal error: {message}");
            ExitCode::from(101)
        }
    }
}

/// The error and its causes as one line. Our errors already print their source in their own
/// message (`store PATH: action: reason`), and SQLite's reason repeats as "Error code 13: …", so a
/// cause whose words were already said is left out rather than printed two or three times.
fn one_line(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string().replace('\n', " ");
        let last_clause = text.rsplit(": ").next().unwrap_or(&text);
        if out.contains(&text) || (!last_clause.is_empty() && out.ends_with(last_clause)) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

fn open_store(spec: &StoreSpec) -> Result<AnyStore> {
    spec.open()
        .with_context(|| format!("cannot open the store at {spec}"))
}

fn run(cli: Cli) -> Result<ExitCode> {
    // Files kept beside the store: the search index and the tokens.
    let local = cli
        .local
        .clone()
        .unwrap_or_else(|| cli.store.default_local_dir());
    match cli.command {
        Command::Ingest(args) => {
            let mut store = open_store(&cli.store)?;
            let summary = ingest::run(&mut store, &args)?;
            refresh_index(&local, &store)?;
            Ok(if summary.failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Enqueue(args) => Ok(if worker::enqueue(&cli.store, &args)? > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }),
        Command::Worker(args) => Ok(if worker::run(&cli.store, &args)?.failed > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }),
        Command::Queue => {
            worker::status(&cli.store)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { format, output } => {
            let store = open_store(&cli.store)?;
            let kb = knowledge_base(&store)?;
            if let ExportFormat::Csv = format {
                let dir = output.context("--format csv needs -o FOLDER")?;
                casefile_export::csv_tables::write(&kb, &dir)
                    .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", dir.display()))?;
                return Ok(ExitCode::SUCCESS);
            }
            let mut out: Box<dyn Write> = match &output {
                Some(path) => Box::new(std::io::BufWriter::new(
                    std::fs::File::create(path)
                        .with_context(|| format!("cannot write {}", path.display()))?,
                )),
                None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            };
            if let ExportFormat::Ftm = format {
                casefile_export::ftm::write(&kb, &mut out)?;
            } else {
                serde_json::to_writer_pretty(&mut out, &kb)?;
                writeln!(out)?;
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Case { name, format } => {
            let store = open_store(&cli.store)?;
            let resolution = resolution(&store)?;
            let mut out = std::io::stdout().lock();
            if case::print(&resolution, &name, format, &mut out)? {
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!("no entity matches {name:?}");
                Ok(ExitCode::from(1))
            }
        }
        Command::Demo => demo::run(),
        Command::TrainEvents { hrd, out, epochs } => {
            train::run(&hrd, &out, epochs)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Timex { timeml, out, dct } => timex(timeml, out, dct),
        Command::Explain { entity } => {
            let store = open_store(&cli.store)?;
            let resolution = resolution(&store)?;
            let found = resolution
                .kb
                .entities
                .iter()
                .find(|e| e.id == entity)
                .or_else(|| case::find(&resolution.kb, &entity));
            let Some(e) = found else {
                eprintln!("no entity matches {entity:?}");
                return Ok(ExitCode::from(1));
            };
            println!("{} ({}, {})", e.name, e.entity_type.as_str(), e.id);
            println!("spellings: {}", e.aliases.join(", "));
            let reasons = casefile_resolve::explain(&resolution, &e.id);
            if reasons.is_empty() {
                println!("never merged: one spelling in one document");
            }
            for r in reasons {
                println!("- {r}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Conflicts { json } => {
            let store = open_store(&cli.store)?;
            let resolution = resolution(&store)?;
            let conflicts = casefile_resolve::conflicts(&resolution);
            if json {
                println!("{}", serde_json::to_string_pretty(conflicts)?);
                return Ok(ExitCode::SUCCESS);
            }
            let sources: std::collections::HashMap<_, _> = resolution
                .kb
                .documents
                .iter()
                .map(|d| (&d.id, d.source.as_str()))
                .collect();
            let events: std::collections::HashMap<_, _> =
                resolution.kb.events.iter().map(|e| (&e.id, e)).collect();
            for c in conflicts {
                let kind = events
                    .get(&c.event)
                    .map(|e| e.event_type.as_str())
                    .unwrap_or("event");
                let other = c
                    .other_event
                    .as_ref()
                    .map(|o| format!(" and {o}"))
                    .unwrap_or_default();
                println!(
                    "{kind} {}{other}: {} {:?} vs {:?}",
                    c.event, c.field, c.values.0, c.values.1
                );
                for (value, ev, retracted) in [
                    (&c.values.0, &c.evidence.0, c.retracted.0),
                    (&c.values.1, &c.evidence.1, c.retracted.1),
                ] {
                    let source = sources
                        .get(&ev.document)
                        .copied()
                        .unwrap_or(ev.document.as_str());
                    let mark = if retracted { " (retracted)" } else { "" };
                    println!(
                        "  {value}{mark}: \"{}\" [{source} {}–{}]",
                        ev.text, ev.start, ev.end
                    );
                }
            }
            eprintln!("{} conflicts", conflicts.len());
            Ok(ExitCode::SUCCESS)
        }
        Command::Names {
            what: NamesCommand::Compare { pairs },
        } => {
            let input = std::fs::File::open(&pairs)
                .with_context(|| format!("cannot read {}", pairs.display()))?;
            let out = std::io::BufWriter::new(std::io::stdout().lock());
            casefile_resolve::compare_pairs(std::io::BufReader::new(input), out)
                .with_context(|| format!("cannot compare the pairs of {}", pairs.display()))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve { addr, follow } => {
            let follow = std::time::Duration::try_from_secs_f64(follow)
                .ok()
                .filter(|d| !d.is_zero());
            casefile_serve::serve_blocking(cli.store, local, addr, follow)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Review {
            target,
            action,
            value,
            user,
            note,
        } => review(&cli.store, target, &action, value, user, note),
        Command::Token { user } => {
            std::fs::create_dir_all(&local)
                .with_context(|| format!("cannot create {}", local.display()))?;
            let token = casefile_serve::create_token(&local, &user)
                .with_context(|| format!("cannot write a token into {}", local.display()))?;
            println!("{token}");
            eprintln!("token for {user}: keep it; casefile stores only its hash");
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            what: EvalCommand::Ner { conll },
        } => {
            let report = casefile_ner::Tagger::builtin().eval_conll(&conll)?;
            println!("{report}");
            // PER, ORG and LOC are what casefile's record scores; MISC is reported above apart.
            let (mut gold, mut predicted, mut correct) = (0, 0, 0);
            for c in &report.per_type[..3] {
                gold += c.gold;
                predicted += c.predicted;
                correct += c.correct;
            }
            let p = correct as f64 / predicted.max(1) as f64;
            let r = correct as f64 / gold.max(1) as f64;
            let f = if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            };
            println!(
                "PER+ORG+LOC  precision {:.2}  recall {:.2}  F1 {:.2}",
                100.0 * p,
                100.0 * r,
                100.0 * f
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Profile => profile(&cli.store),
        Command::Generate {
            docs,
            out,
            seed,
            truth,
        } => {
            let started = std::time::Instant::now();
            let s = casefile_generate::generate(&out, docs, seed, truth.as_deref())
                .with_context(|| format!("cannot write reports into {}", out.display()))?;
            eprintln!(
                "wrote {} reports ({} words, {} bytes, {} people with a case) into {} in {:.1} s",
                s.documents,
                s.words,
                s.bytes,
                s.people,
                out.display(),
                started.elapsed().as_secs_f64()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Reanalyze => {
            let mut store = open_store(&cli.store)?;
            let n = ingest::reanalyze(&mut store)?;
            eprintln!("reanalysed {n} documents");
            refresh_index(&local, &store)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Reindex => {
            let store = open_store(&cli.store)?;
            let kb = knowledge_base(&store)?;
            let sync = casefile_serve::reindex(&local, &kb)?;
            eprintln!(
                "indexed {} documents and entities into {}",
                sync.added,
                casefile_serve::index_dir(&local).display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn timex(
    timeml: Option<PathBuf>,
    out: Option<PathBuf>,
    dct: Option<PartialDate>,
) -> Result<ExitCode> {
    if let (Some(input), Some(out)) = (timeml, out) {
        let stats = casefile_timex::annotate_timeml_dir(&input, &out)
            .with_context(|| format!("cannot annotate {}", input.display()))?;
        eprintln!(
            "annotated {} files, {} time expressions, {} words; failed {}",
            stats.files,
            stats.timexes,
            stats.words,
            stats.failed.len()
        );
        return Ok(if stats.failed.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    let mut text = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut text)
        .context("standard input is not UTF-8 text")?;
    let records = casefile_timex::records(&text, dct);
    println!("{}", serde_json::to_string_pretty(&records)?);
    Ok(ExitCode::SUCCESS)
}

/// `casefile review`: checks the judgement against the current record and appends it, with what
/// its target is now, to the store's review log.
fn review(
    dir: &StoreSpec,
    target: String,
    action: &str,
    value: Option<String>,
    user: String,
    note: Option<String>,
) -> Result<ExitCode> {
    use casefile_model::{ReviewAction, ReviewInput};
    let action = ReviewAction::parse(action).with_context(|| {
        let names: Vec<&str> = ReviewAction::ALL.iter().map(|a| a.as_str()).collect();
        format!(
            "unknown review action {action:?}: use one of {}",
            names.join(", ")
        )
    })?;
    let mut store = open_store(dir)?;
    let kb = casefile_serve::resolve_store(&store, &store.reviews()?, false)?.kb;
    // A fact an earlier judgement removed (a rejected event) is found in the record as read.
    let anchor = match casefile_resolve::reviews::anchor(&kb, &target) {
        Some(found) => Some(found),
        None => casefile_resolve::reviews::anchor(
            &casefile_serve::resolve_store(&store, &[], false)?.kb,
            &target,
        ),
    }
    .with_context(|| format!("no event, entity or document has the id {target:?}"))?;
    let needs_value = !matches!(
        action,
        ReviewAction::Confirm | ReviewAction::Reject | ReviewAction::Comment
    );
    if needs_value && value.is_none() {
        anyhow::bail!("{} needs a value", action.as_str());
    }
    let value_anchor = match action {
        ReviewAction::Merge | ReviewAction::Split => {
            let other = value.as_deref().unwrap_or_default();
            let found = casefile_resolve::reviews::value_anchor(&kb, action, &target, other);
            if found.is_none() {
                anyhow::bail!(
                    "{} needs an entity as target and another entity's id as value \
                     (or, for split, one of the target's spellings)",
                    action.as_str()
                );
            }
            found
        }
        ReviewAction::CorrectDate => {
            let v = value.as_deref().unwrap_or_default();
            v.parse::<casefile_model::PartialDate>().map_err(|_| {
                anyhow::anyhow!("{v:?} is not a date (YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD, --MM)")
            })?;
            None
        }
        _ => None,
    };
    let recorded = store.record_review(&casefile_store::NewReview {
        input: ReviewInput {
            target,
            action,
            value: value.map(serde_json::Value::String),
            note,
        },
        anchor: Some(anchor),
        value_anchor,
        user,
    })?;
    println!("{}", serde_json::to_string(&recorded)?);
    Ok(ExitCode::SUCCESS)
}

/// After an ingest or reanalyze: brings the search index up to date when the store has one (a
/// store that was served or reindexed); a store never served pays no resolution here, and
/// `casefile serve` builds its index on first start.
fn refresh_index(store_dir: &std::path::Path, store: &dyn Store) -> Result<()> {
    if !casefile_serve::index_dir(store_dir).exists() {
        return Ok(());
    }
    let kb = knowledge_base(store)?;
    let sync = casefile_serve::update_index(store_dir, &kb)?;
    eprintln!(
        "search index: {} indexed, {} removed, {} unchanged",
        sync.added, sync.removed, sync.unchanged
    );
    Ok(())
}

/// CPU seconds (user + system, all threads) this process has used so far, from `/proc/self/stat`;
/// `None` where there is no such file. Reported beside wall time because the benchmark machine is
/// shared: wall time measures the neighbours too.
fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start at state, field 3.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    // USER_HZ is 100 on every Linux the project targets.
    Some(ticks / 100.0)
}

/// Resident memory of this process in MiB from `/proc/self/status`: (now, peak so far); `None`
/// where there is no such file. Each phase of `profile` reports both, so what each phase keeps and
/// what it needs while it runs can be told apart.
fn rss_mib() -> Option<(u64, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kib / 1024)
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

/// `casefile profile`: wall-clock and CPU seconds of each phase of building the record, with its
/// size and the process's resident memory after each phase.
fn profile(dir: &StoreSpec) -> Result<ExitCode> {
    use std::time::Instant;
    let phase = || (Instant::now(), process_cpu_seconds());
    let took = |(t, cpu): (Instant, Option<f64>)| {
        let cpu = cpu.and_then(|c| Some(process_cpu_seconds()? - c));
        (t.elapsed().as_secs_f64(), cpu)
    };
    // As `casefile serve` builds its record: analyses streamed into the resolver (each reduced
    // to what resolution needs as it is read) and no texts kept; reading and reducing are timed
    // together as the load.
    let started = phase();
    let store = open_store(dir)?;
    let reviews = store.reviews()?;
    let mut resolver = casefile_resolve::Resolver::without_texts();
    let mut mentions = 0;
    store.for_each_analysis(&mut |a| {
        mentions += a.mentions.len();
        resolver.add(a);
        Ok(())
    })?;
    let load = took(started);
    let load_rss = rss_mib();
    let started = phase();
    let kb = resolver.finish(&reviews).kb;
    let resolve = took(started);
    let resolve_rss = rss_mib();
    let (documents, entities, events) = (kb.documents.len(), kb.entities.len(), kb.events.len());
    let started = phase();
    // In RAM, so the profile leaves the store as it is; the texts are read from the store as
    // the server's index does.
    let snapshot = casefile_serve::Snapshot::build_in_ram_from_store(kb, &store)
        .context("cannot build the search index")?;
    let index = took(started);
    let index_rss = rss_mib();
    drop(snapshot);
    println!(
        "{}",
        serde_json::json!({
            "documents": documents,
            "mentions": mentions,
            "entities": entities,
            "events": events,
            "load_s": load.0,
            "load_cpu_s": load.1,
            "resolve_s": resolve.0,
            "resolve_cpu_s": resolve.1,
            "index_s": index.0,
            "index_cpu_s": index.1,
            "load_rss_mib": load_rss.map(|r| r.0),
            "resolve_rss_mib": resolve_rss.map(|r| r.0),
            "index_rss_mib": index_rss.map(|r| r.0),
            "peak_rss_mib": index_rss.map(|r| r.1),
        })
    );
    Ok(ExitCode::SUCCESS)
}

/// Resolves everything in the store: the knowledge base (with the documents' texts) and the
/// reasons and conflicts found.
pub fn resolution(store: &dyn Store) -> Result<casefile_resolve::Resolution> {
    // People's judgements are re-applied on every resolution, so they survive re-ingest and
    // re-extraction.
    Ok(casefile_serve::resolve_store(
        store,
        &store.reviews()?,
        true,
    )?)
}

/// Resolves everything in the store into the knowledge base.
pub fn knowledge_base(store: &dyn Store) -> Result<casefile_model::KnowledgeBase> {
    Ok(resolution(store)?.kb)
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn repeated_causes_are_said_once() {
        let sqlite = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(13),
            Some("database or disk is full".into()),
        );
        let store = casefile_store::StoreError::Sqlite {
            path: "/m/store/casefile.sqlite".into(),
            action: "cannot commit a document",
            source: sqlite,
        };
        let e = anyhow::Error::new(store).context("ingest stopped after storing 28 document(s)");
        assert_eq!(
            one_line(&e),
            "ingest stopped after storing 28 document(s): store /m/store/casefile.sqlite: \
             cannot commit a document: database or disk is full"
        );
    }

    #[test]
    fn a_cause_with_news_is_kept() {
        let io = std::io::Error::other("permission denied");
        let e = anyhow::Error::new(io).context("cannot write out.json");
        assert_eq!(one_line(&e), "cannot write out.json: permission denied");
    }
}
