//! Tags the text on standard input and prints one time expression a line:
//! `start<TAB>end<TAB>TYPE<TAB>value<TAB>text` (byte offsets).
//!
//! Usage: `timex-tag [--dct YYYY-MM-DD|YYYY-MM|YYYY] < text`

use casefile_model::PartialDate;
use std::io::{Read, Write};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dct = match args.iter().position(|a| a == "--dct") {
        Some(p) => match args.get(p + 1).map(|s| s.parse::<PartialDate>()) {
            Some(Ok(d)) => Some(d),
            _ => {
                eprintln!("--dct: expected YYYY-MM-DD, YYYY-MM or YYYY");
                std::process::exit(2);
            }
        },
        None => None,
    };
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("stdin: {e}");
        std::process::exit(1);
    }
    let mut out = std::io::stdout().lock();
    for t in casefile_timex::tag(&text, dct) {
        // A closed pipe (`| head`) ends the output quietly.
        let line = format!(
            "{}\t{}\t{:?}\t{}\t{}",
            t.span.start,
            t.span.end,
            t.timex_type,
            t.value,
            t.text.replace('\n', " ")
        );
        if writeln!(out, "{line}").is_err() {
            return;
        }
    }
}
