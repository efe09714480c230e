//! HTML ingestion (readability extraction, metadata, JSON-LD, encodings) on arbitrary bytes.
#![no_main]

#[path = "common.rs"]
mod common;

use casefile_model::SourceFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::ingest_and_check(data, SourceFormat::Html);
});
