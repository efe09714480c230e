//! Tagging speed of the compiled-in model on one core: `ner-speed [FILE] [--repeat N]`.
//! A CoNLL file (default: CoNLL-2003 test) is tagged document by document from its tokens; any
//! other text file is split into sentences and tokens by `casefile-text` and tagged with
//! `Tagger::tag_document`. Prints words per second (words: tokens with a letter or digit).

use std::time::Instant;

/// This thread's CPU time in seconds (Linux: /proc/thread-self/schedstat, nanoseconds on CPU),
/// so the figure means one core's speed even when other processes share the machine.
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

use casefile_ner::{parse_conll, Tagger};

fn main() {
    let mut file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/datasets/conll2003/test.txt"
    )
    .to_string();
    let mut repeat = 5usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--repeat" {
            repeat = args.next().and_then(|v| v.parse().ok()).unwrap_or(5);
        } else {
            file = a;
        }
    }
    let text = match std::fs::read_to_string(&file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("ner-speed: {file}: {e}");
            std::process::exit(1);
        }
    };
    let tagger = Tagger::builtin();
    let conll = text.starts_with("-DOCSTART-");
    let (words, secs, c0) = if conll {
        let docs = parse_conll(&text).unwrap_or_else(|(line, why)| {
            eprintln!("ner-speed: {file}:{line}: {why}");
            std::process::exit(1)
        });
        let sents: Vec<Vec<Vec<&str>>> = docs
            .iter()
            .map(|d| {
                d.sentences
                    .iter()
                    .map(|s| s.tokens.iter().map(String::as_str).collect())
                    .collect()
            })
            .collect();
        let words: usize = docs
            .iter()
            .flat_map(|d| &d.sentences)
            .flat_map(|s| &s.tokens)
            .filter(|t| t.chars().any(char::is_alphanumeric))
            .count();
        let mut out = Vec::new();
        // Warm up: the model is parsed on first use.
        tagger.tag_ids(&sents[0], &mut out);
        let t0 = Instant::now();
        let c0 = cpu_seconds();
        for _ in 0..repeat {
            for d in &sents {
                out.clear();
                tagger.tag_ids(d, &mut out);
            }
        }
        (words, t0.elapsed().as_secs_f64(), c0)
    } else {
        let words = casefile_text::word_count(&text);
        tagger.tag(&text, casefile_model::Span::new(0, 0));
        let t0 = Instant::now();
        let c0 = cpu_seconds();
        for _ in 0..repeat {
            let sentences = casefile_text::sentences(&text);
            std::hint::black_box(tagger.tag_document(&text, &sentences));
        }
        (words, t0.elapsed().as_secs_f64(), c0)
    };
    let cpu = c0.zip(cpu_seconds()).map(|(a, b)| b - a);
    let total = words * repeat;
    println!(
        "{file}: {words} words x {repeat} in {secs:.3} s wall: {:.0} words/s (one thread)",
        total as f64 / secs
    );
    if let Some(cpu) = cpu {
        println!(
            "on-CPU time {cpu:.3} s: {:.0} words/s per core",
            total as f64 / cpu
        );
    }
}
