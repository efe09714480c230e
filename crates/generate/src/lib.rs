//! Realistic, fictional human-rights reports in bulk, for benchmarks and end-to-end tests.
//!
//! A seeded [world](World) holds people with one case each (detention, charges under articles of
//! a criminal code, trial, conviction with a sentence, appeal, release), their relatives, lawyers
//! and judges, and protests broken up with deaths. Each report tells one stage of one case, or one
//! protest, as one of a dozen fictional organisations would: a title, the publisher, a dateline and
//! several paragraphs. Cross-document resolution has real work to do:
//!
//! - a person's stages are spread over several reports, by different publishers;
//! - each publisher keeps its own romanisation, so a person appears as "Yerzhan Temirbayev" in one
//!   report and "Erzhan Temirbaev" in another;
//! - a relative carries the other gender's form of the surname (Nurlan Temirov's wife Gulnara
//!   Temirova): a different person, often in the same report;
//! - lawyers and judges recur across many cases;
//! - a protest's death toll differs between reports ("at least 12" against "at least 15").
//!
//! Every name is made up from syllables; no real person is described. The same seed and count
//! give the same files, byte for byte. Documents are made independently (each from its own stream
//! of the seed), in parallel, and written as they are made.

mod rng;
mod text;
mod world;

use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub use text::Document;
use world::World;

/// What [`generate`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Files written.
    pub documents: usize,
    /// Words written (runs of letters and digits).
    pub words: usize,
    /// Bytes written.
    pub bytes: usize,
    /// People with a case in the world.
    pub people: usize,
}

/// A person named in a report, as planted: who they are and how this report spells them.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PlantedPerson {
    /// The person's identity in the world (stable for a seed).
    pub id: String,
    /// The canonical spelling.
    pub name: String,
    /// The spelling this report uses.
    pub spelling: String,
}

/// An event a report states, as planted.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PlantedEvent {
    /// The event type, as the export names it (`arrest`, `charge`, `conviction`, ...).
    pub event_type: &'static str,
    /// The planted person it happened to, when it is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// The date it happened (YYYY-MM-DD).
    pub date: String,
    /// For a conviction or appeal: the sentence in months.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence_months: Option<u32>,
    /// For a charge or conviction: the articles of the criminal code.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<String>,
    /// For a killing: the death toll this report gives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub killed: Option<u32>,
}

/// The truth about one report: what it was made to say.
#[derive(Debug, Clone, Serialize)]
pub struct Planted {
    /// The file, relative to the output folder.
    pub file: String,
    /// The publication date (YYYY-MM-DD).
    pub published: String,
    /// The publisher.
    pub publisher: String,
    /// The people named, main subject first.
    pub people: Vec<PlantedPerson>,
    /// The events stated.
    pub events: Vec<PlantedEvent>,
}

/// What one folder's worker made: files, words, bytes, truth lines.
type Folder = (usize, usize, usize, Vec<String>);

/// Documents per subfolder, so no folder holds more than a thousand files.
const PER_FOLDER: usize = 1000;

/// The corpus of `docs` reports for `seed`, made on demand.
pub struct Corpus {
    world: World,
    seed: u64,
    docs: usize,
}

impl Corpus {
    /// The world for `docs` reports drawn from `seed`.
    pub fn new(docs: usize, seed: u64) -> Corpus {
        let (cases, incidents) = text::split(docs);
        Corpus {
            world: World::new(seed, cases, incidents),
            seed,
            docs,
        }
    }

    /// Number of reports.
    pub fn len(&self) -> usize {
        self.docs
    }

    /// True when there are no reports.
    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    /// People with a case.
    pub fn people(&self) -> usize {
        self.world.people.len()
    }

    /// Report number `index` (< [`len`](Corpus::len)).
    pub fn document(&self, index: usize) -> Document {
        text::document(&self.world, self.seed, index)
    }

    /// Where report `index` goes, relative to the output folder.
    pub fn path(&self, index: usize, doc: &Document) -> PathBuf {
        PathBuf::from(format!("{:03}", index / PER_FOLDER)).join(&doc.file_name)
    }
}

/// Writes `docs` reports for `seed` under `out` (created if needed, in subfolders of a thousand),
/// and, when `truth` is given, one JSON line per report with what it was made to say
/// ([`Planted`]).
pub fn generate(out: &Path, docs: usize, seed: u64, truth: Option<&Path>) -> io::Result<Summary> {
    let corpus = Corpus::new(docs, seed);
    std::fs::create_dir_all(out)?;
    let mut truth_out = match truth {
        Some(p) => Some(io::BufWriter::new(std::fs::File::create(p)?)),
        None => None,
    };
    let mut summary = Summary {
        documents: 0,
        words: 0,
        bytes: 0,
        people: corpus.people(),
    };
    // Folders are made in parallel a few at a time; the truth is written in document order.
    let folders: Vec<usize> = (0..docs.div_ceil(PER_FOLDER)).collect();
    for group in folders.chunks(16) {
        let results: Vec<io::Result<Folder>> = group
            .par_iter()
            .map(|&f| {
                let dir = out.join(format!("{f:03}"));
                std::fs::create_dir_all(&dir)?;
                let (mut n, mut words, mut bytes) = (0, 0, 0);
                let mut lines = Vec::new();
                for index in f * PER_FOLDER..((f + 1) * PER_FOLDER).min(docs) {
                    let doc = corpus.document(index);
                    let rel = corpus.path(index, &doc);
                    std::fs::write(out.join(&rel), doc.text.as_bytes())?;
                    n += 1;
                    words += text::count_words(&doc.text);
                    bytes += doc.text.len();
                    if truth.is_some() {
                        let mut planted = doc.planted;
                        planted.file = rel.to_string_lossy().into_owned();
                        lines.push(serde_json::to_string(&planted).map_err(io::Error::other)?);
                    }
                }
                Ok((n, words, bytes, lines))
            })
            .collect();
        for r in results {
            let (n, words, bytes, lines) = r?;
            summary.documents += n;
            summary.words += words;
            summary.bytes += bytes;
            if let Some(w) = truth_out.as_mut() {
                for l in lines {
                    writeln!(w, "{l}")?;
                }
            }
        }
    }
    if let Some(mut w) = truth_out {
        w.flush()?;
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                out.extend(files(&p));
            } else {
                out.push(p);
            }
        }
        out.sort();
        out
    }

    #[test]
    fn writes_the_number_of_files_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        let s = generate(dir.path(), 1203, 7, None).unwrap();
        assert_eq!(s.documents, 1203);
        let written = files(dir.path());
        assert_eq!(written.len(), 1203);
        // Two folders of a thousand and one of the rest.
        assert!(dir.path().join("000").is_dir() && dir.path().join("001").is_dir());
        assert!(s.words > 1203 * 200, "reports have several paragraphs");
    }

    #[test]
    fn the_same_seed_gives_the_same_files_and_another_seed_others() {
        let (a, b, c) = (
            tempfile::tempdir().unwrap(),
            tempfile::tempdir().unwrap(),
            tempfile::tempdir().unwrap(),
        );
        let ta = a.path().join("truth.jsonl");
        generate(&a.path().join("docs"), 60, 42, Some(&ta)).unwrap();
        generate(&b.path().join("docs"), 60, 42, None).unwrap();
        generate(&c.path().join("docs"), 60, 43, None).unwrap();
        let read = |d: &Path| -> Vec<(PathBuf, Vec<u8>)> {
            files(&d.join("docs"))
                .into_iter()
                .map(|p| {
                    let bytes = std::fs::read(&p).unwrap();
                    (p.strip_prefix(d).unwrap().to_path_buf(), bytes)
                })
                .collect()
        };
        assert_eq!(read(a.path()), read(b.path()));
        assert_ne!(read(a.path()), read(c.path()));
        assert_eq!(
            std::fs::read_to_string(&ta).unwrap().lines().count(),
            60,
            "one truth line per report"
        );
    }

    #[test]
    fn a_persons_reports_tell_the_stages_of_one_case_in_date_order() {
        let corpus = Corpus::new(400, 1);
        let mut by_person: std::collections::BTreeMap<String, Vec<(String, &'static str)>> =
            Default::default();
        for i in 0..corpus.len() {
            let d = corpus.document(i);
            for e in &d.planted.events {
                if let Some(p) = &e.person {
                    by_person
                        .entry(p.clone())
                        .or_default()
                        .push((e.date.clone(), e.event_type));
                }
            }
        }
        let spread = by_person.values().filter(|v| v.len() >= 4).count();
        assert!(
            spread > by_person.len() / 2,
            "most cases span several reports"
        );
        for events in by_person.values() {
            // The same event told twice has one date: a person's arrest is one day.
            let arrests: std::collections::BTreeSet<&String> = events
                .iter()
                .filter(|(_, t)| *t == "arrest")
                .map(|(d, _)| d)
                .collect();
            assert!(arrests.len() <= 1, "{events:?}");
        }
    }

    #[test]
    fn publishers_spell_some_people_differently_and_relatives_are_other_people() {
        let corpus = Corpus::new(600, 3);
        let mut variants = 0;
        let mut relatives = 0;
        for i in 0..corpus.len() {
            let d = corpus.document(i);
            for p in &d.planted.people {
                assert!(
                    d.text.contains(&p.spelling),
                    "{} not in report {i}",
                    p.spelling
                );
                if p.spelling != p.name {
                    variants += 1;
                }
            }
            if let [main, rest @ ..] = d.planted.people.as_slice() {
                let surname = |s: &str| s.rsplit(' ').next().unwrap_or_default().to_string();
                for r in rest
                    .iter()
                    .filter(|r| r.id.starts_with(&format!("{}-", main.id)))
                {
                    relatives += 1;
                    assert_ne!(surname(&r.name), surname(&main.name));
                    assert!(surname(&r.name).starts_with(&surname(&main.name)[..3]));
                }
            }
        }
        assert!(variants > 50, "{variants} variant spellings");
        assert!(relatives > 50, "{relatives} relatives named");
    }
}
