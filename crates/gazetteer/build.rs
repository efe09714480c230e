//! Builds the gazetteer's tables from `data/places.tsv` and `lists/*` at compile time and writes
//! them to `$OUT_DIR/gazetteer.bin`, which the library includes and reads where it lies: start-up
//! then does no parsing, sorting or lowercasing (building them took a third of start-up).

#[allow(dead_code)]
#[path = "src/tables.rs"]
mod tables;

#[allow(dead_code)]
#[path = "src/compile.rs"]
mod compile;

use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let read = |rel: &str| {
        println!("cargo:rerun-if-changed={rel}");
        std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    };
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/tables.rs");
    println!("cargo:rerun-if-changed=src/compile.rs");
    let (places, aliases, demonyms, org_heads, titles) = (
        read("data/places.tsv"),
        read("lists/aliases.tsv"),
        read("lists/demonyms.tsv"),
        read("lists/org_heads.txt"),
        read("lists/titles.txt"),
    );
    let built = compile::Built::new(&compile::Lists {
        places: &places,
        aliases: &aliases,
        demonyms: &demonyms,
        org_heads: &org_heads,
        titles: &titles,
    });
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    std::fs::write(out.join("gazetteer.bin"), built.encode()).expect("writing the tables");
}
