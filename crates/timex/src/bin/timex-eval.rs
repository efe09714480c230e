//! Annotates folders of TimeML files with casefile's time expressions, for scoring with
//! `shared/eval/timex_score.py`.
//!
//! Usage: `timex-eval IN_DIR OUT_DIR [IN_DIR OUT_DIR ...]`

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || !args.len().is_multiple_of(2) {
        eprintln!("usage: timex-eval IN_DIR OUT_DIR [IN_DIR OUT_DIR ...]");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for pair in args.chunks(2) {
        match casefile_timex::annotate_timeml_dir(Path::new(&pair[0]), Path::new(&pair[1])) {
            Ok(stats) => {
                println!(
                    "{}: {} files, {} words, {} time expressions -> {}",
                    pair[0], stats.files, stats.words, stats.timexes, pair[1]
                );
                failed |= !stats.failed.is_empty();
            }
            Err(e) => {
                eprintln!("{}: {e}", pair[0]);
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
