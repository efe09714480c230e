//! `casefile train-events`: rebuilds the trained violation filter (`casefile_events::hrd`) from
//! an HRDsAttack split.

use anyhow::{Context, Result};
use casefile_events::hrd;
use casefile_extract::Pipeline;
use casefile_ingest::IngestOptions;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

/// One (article, category) the rules found: its features and whether the gold lists it.
type Example = (usize, Vec<String>, bool);

/// Reads `DIR/articles` with every reader but the filter, labels each (article, category) the
/// rules found with whether `DIR/gold.json` lists that category, trains, and writes the weights.
pub fn run(dir: &Path, out: &Path, epochs: usize) -> Result<()> {
    let gold_path = dir.join("gold.json");
    let gold: BTreeMap<String, serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(&gold_path)
            .with_context(|| format!("cannot read {}", gold_path.display()))?,
    )
    .with_context(|| format!("{}: not a gold file", gold_path.display()))?;
    let pipeline = Pipeline::new();
    let options = IngestOptions::default();
    // Sorted by file name so that the same split always gives the same weights.
    let dump_analyses = std::env::var("CASEFILE_DUMP_ANALYSES").ok();
    let rows: Vec<(Vec<Example>, String)> = gold
        .par_iter()
        .map(|(name, g)| {
            let path = dir.join("articles").join(name);
            let loaded = match casefile_ingest::load_file(&path, &options) {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("{e}");
                    return (Vec::new(), String::new());
                }
            };
            let mut analysis = pipeline.read_entities(loaded.document);
            casefile_events::read(&mut analysis);
            let types: Vec<&str> = g["violation_types"]
                .as_array()
                .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
                .unwrap_or_default();
            let dumped = if dump_analyses.is_some() {
                serde_json::json!({"name": name, "analysis": &analysis}).to_string()
            } else {
                String::new()
            };
            let examples = hrd::features(&analysis)
                .into_iter()
                .map(|(c, f)| (c, f, types.contains(&hrd::CATEGORIES[c])))
                .collect();
            (examples, dumped)
        })
        .collect();
    // For studying the rules' output outside: one JSON line per article, its whole analysis.
    if let Some(path) = &dump_analyses {
        let lines: Vec<&str> = rows.iter().map(|(_, d)| d.as_str()).collect();
        std::fs::write(path, lines.join("\n")).with_context(|| format!("cannot write {path}"))?;
    }
    let examples: Vec<Example> = rows.into_iter().flat_map(|(e, _)| e).collect();
    // For studying the features outside: one JSON line per example.
    if let Ok(path) = std::env::var("CASEFILE_DUMP_EXAMPLES") {
        let lines: Vec<String> = examples
            .iter()
            .map(|(c, f, y)| {
                serde_json::json!({"category": hrd::CATEGORIES[*c], "features": f, "gold": y})
                    .to_string()
            })
            .collect();
        std::fs::write(&path, lines.join("\n")).with_context(|| format!("cannot write {path}"))?;
    }
    let positives = examples.iter().filter(|(_, _, y)| *y).count();
    let gold_total: usize = gold
        .values()
        .map(|g| g["violation_types"].as_array().map_or(0, |a| a.len()))
        .sum();
    let hrd::Trained {
        model,
        held_out_gain: gain,
        best_threshold: threshold,
    } = hrd::train(&examples, gold_total, epochs);
    std::fs::write(out, model.to_text())
        .with_context(|| format!("cannot write {}", out.display()))?;
    let kept = examples
        .iter()
        .filter(|(c, f, y)| (!hrd::filterable(*c) || model.score(f) >= 0.0) == *y)
        .count();
    eprintln!(
        "held-out micro F1 gain {gain:+.4} at threshold {threshold:.1} (used from {:+.2})",
        hrd::MIN_GAIN
    );
    eprintln!(
        "{} articles, {} (article, category) examples ({} in gold); {} weights; train accuracy {:.3}; wrote {}",
        gold.len(),
        examples.len(),
        positives,
        model.len(),
        kept as f64 / examples.len().max(1) as f64,
        out.display()
    );
    Ok(())
}
