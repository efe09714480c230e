//! PDF ingestion (text extraction, the Info dictionary, PDF dates) on arbitrary bytes.
#![no_main]

#[path = "common.rs"]
mod common;

use casefile_model::SourceFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: common::tolerate_third_party_panics(), |data: &[u8]| {
    common::ingest_and_check(data, SourceFormat::Pdf);
});
