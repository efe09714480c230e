//! Words per second of `casefile_timex::tag` on one core, over the texts of TimeML folders.
//!
//! Usage: `timex-bench [--rounds N] DIR [DIR ...]` (release build).
//!
//! Time is the CPU time of this (single-threaded) process from `/proc/self/schedstat`, which is
//! what "one core" means and keeps this crate free of wall-clock calls (see the crate's tests).

/// Nanoseconds this thread has run on a CPU (Linux).
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut rounds = 20;
    if let Some(p) = args.iter().position(|a| a == "--rounds") {
        rounds = args.get(p + 1).and_then(|n| n.parse().ok()).unwrap_or(20);
        args.drain(p..(p + 2).min(args.len()));
    }
    if args.is_empty() {
        eprintln!("usage: timex-bench [--rounds N] DIR [DIR ...]");
        std::process::exit(2);
    }
    let mut docs = Vec::new();
    for dir in &args {
        let Ok(entries) = std::fs::read_dir(dir) else {
            eprintln!("{dir}: cannot read folder");
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().is_none_or(|x| x != "tml") {
                continue;
            }
            let Ok(raw) = std::fs::read_to_string(&path) else {
                eprintln!("{}: cannot read", path.display());
                continue;
            };
            let dct = casefile_timex::dct_of_timeml(&raw);
            let (Some(a), Some(b)) = (raw.find("<TEXT>"), raw.rfind("</TEXT>")) else {
                continue;
            };
            let mut text = String::new();
            let mut inside = false;
            for c in raw[a + 6..b].chars() {
                match c {
                    '<' => inside = true,
                    '>' => inside = false,
                    c if !inside => text.push(c),
                    _ => {}
                }
            }
            docs.push((text, dct));
        }
    }
    let words: usize = docs.iter().map(|(t, _)| t.split_whitespace().count()).sum();
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    let mut found = 0;
    // One warm-up pass builds the lexicon.
    for (t, d) in &docs {
        found += casefile_timex::tag(t, *d).len();
    }
    let Some(start) = cpu_ns() else {
        eprintln!("/proc/self/schedstat: not readable; this bench needs Linux");
        std::process::exit(1);
    };
    for _ in 0..rounds {
        for (t, d) in &docs {
            found += casefile_timex::tag(t, *d).len();
        }
    }
    let secs = (cpu_ns().unwrap_or(start) - start) as f64 / 1e9;
    let total = (words * rounds) as f64;
    println!(
        "{} documents, {} words, {} bytes; {} rounds in {:.3} s: {:.0} words/s, {:.1} MB/s on one core ({} expressions per round)",
        docs.len(),
        words,
        bytes,
        rounds,
        secs,
        total / secs,
        (bytes * rounds) as f64 / secs / 1e6,
        found / (rounds + 1)
    );
}
