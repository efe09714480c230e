//! Plain-text and Markdown ingestion (decoding, furniture removal, title/publisher/date/reference
//! from the text) on arbitrary bytes.
#![no_main]

#[path = "common.rs"]
mod common;

use casefile_model::SourceFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::ingest_and_check(data, SourceFormat::Text);
    common::ingest_and_check(data, SourceFormat::Markdown);
});
