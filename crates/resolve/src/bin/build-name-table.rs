//! `build-name-table RIGOUR_PERSONS.txt OUT.bin`: compiles the rigour name-variant groups into the
//! fingerprint table compiled into the crate (`data/name-groups.bin`). Run through
//! `scripts/build-name-table`.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: build-name-table RIGOUR_PERSONS.txt OUT.bin");
        std::process::exit(2);
    }
    let text = match std::fs::read_to_string(&args[1]) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}: {e}", args[1]);
            std::process::exit(1);
        }
    };
    let entries = casefile_resolve::names::compile_groups(&text);
    let bytes = casefile_resolve::names::NameTable::to_bytes(&entries);
    if let Err(e) = std::fs::write(&args[2], &bytes) {
        eprintln!("{}: {e}", args[2]);
        std::process::exit(1);
    }
    eprintln!(
        "{} entries, {} bytes -> {}",
        entries.len(),
        bytes.len(),
        args[2]
    );
}
