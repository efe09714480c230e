//! `names-compare [PAIRS.tsv]`: reads name pairs (TSV with the header `name_a name_b label kind`,
//! from the file or standard input) and writes each row back with one more column, `same` or
//! `different`, for `../shared/eval/names_score.py`.

use std::io::{self, BufReader};

fn main() {
    let stdout = io::stdout().lock();
    let out = io::BufWriter::new(stdout);
    let result = match std::env::args().nth(1) {
        Some(path) => match std::fs::File::open(&path) {
            Ok(f) => casefile_resolve::compare_pairs(BufReader::new(f), out),
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        },
        None => casefile_resolve::compare_pairs(io::stdin().lock(), out),
    };
    if let Err(e) = result {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("names-compare: {e}");
            std::process::exit(1);
        }
    }
}
