//! Builds the Bloom filter of the built-in model's person-name parts at compile time
//! (`$OUT_DIR/names.bin`): `Tagger::builtin` then reads it instead of building it at start-up.
//! Layout, little-endian: the model's names section start and end (u64 each), the count of
//! fingerprints (u64), the fingerprints (u32, sorted, distinct), zeros to a multiple of 8, then
//! the filter's words (u64).

#[allow(dead_code)]
#[path = "src/names_bloom.rs"]
mod names_bloom;

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/names_bloom.rs");
    println!("cargo:rerun-if-changed=model/ner.bin");
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let model = std::fs::read(dir.join("model/ner.bin")).expect("model/ner.bin");
    let start = names_bloom::names_section_start(&model).expect("a model header");
    let (fps, end) = names_bloom::read_names(&model).expect("the model's names section");
    let mut out = Vec::new();
    for v in [start as u64, end as u64, fps.len() as u64] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    for fp in &fps {
        out.extend_from_slice(&fp.to_le_bytes());
    }
    while out.len() & 7 != 0 {
        out.push(0);
    }
    for w in names_bloom::bloom(&fps) {
        out.extend_from_slice(&w.to_le_bytes());
    }
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    std::fs::write(out_dir.join("names.bin"), out).expect("writing names.bin");
}
