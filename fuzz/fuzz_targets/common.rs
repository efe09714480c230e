//! Invariants every ingestion result must keep, shared by the ingestion targets.

use casefile_ingest::{load_bytes, IngestOptions};
use casefile_model::{PartialDate, SourceFormat};

/// Ingests `data` as `format` and checks what came back: a document with text and well-formed
/// metadata, or a one-line error naming the source.
pub fn ingest_and_check(data: &[u8], format: SourceFormat) {
    let source = "fuzz-input";
    match load_bytes(source, data, format, &IngestOptions::default()) {
        Ok(loaded) => {
            let doc = &loaded.document;
            assert_eq!(loaded.raw, data, "raw bytes are the input");
            assert_eq!(doc.format, format);
            assert_eq!(doc.source, source);
            assert!(!doc.text.trim().is_empty(), "an empty document is an error");
            let meta = &doc.meta;
            if let Some(p) = meta.published {
                assert_eq!(
                    PartialDate::checked(p.year, p.month, p.day),
                    Some(p),
                    "publication date {p:?} is not a calendar date"
                );
                let again: PartialDate = p.to_string().parse().expect("date prints parseably");
                assert_eq!(
                    again, p,
                    "publication date round-trips through its text form"
                );
            }
            for (what, v) in [
                ("title", &meta.title),
                ("publisher", &meta.publisher),
                ("reference", &meta.reference),
            ] {
                if let Some(v) = v {
                    assert!(!v.contains('\n'), "{what} {v:?} spans lines");
                }
            }
        }
        Err(e) => {
            let line = e.to_string();
            assert!(!line.contains('\n'), "error is not one line: {line:?}");
            assert!(
                line.starts_with(source),
                "error does not name the source: {line:?}"
            );
        }
    }
}

/// Lets panics raised inside third-party crates (sources under the cargo registry) unwind to the
/// `catch_unwind` that guards them in casefile-ingest, which turns them into the file's error, as
/// in the CLI; any other panic (ours) still aborts as a crash. Without this, libFuzzer's hook
/// aborts on pdf-extract's first `expect` on a damaged font and the target finds nothing else.
/// Each such input is still a real bug upstream; one is kept as a regression test in
/// crates/ingest/tests/pdf.rs.
#[allow(dead_code)] // used by the PDF target only
pub fn tolerate_third_party_panics() {
    let fuzzer_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let third_party = info
            .location()
            .is_some_and(|l| l.file().contains("/.cargo/registry/"));
        if !third_party {
            fuzzer_hook(info);
        }
    }));
}
