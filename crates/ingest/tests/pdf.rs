//! PDFs as producers write them: compressed content streams, UTF-16 Info strings, encryption.
//! Built in the test with lopdf, never committed as binaries.

use casefile_ingest::{load_bytes, IngestOptions};
use casefile_model::{PartialDate, SourceFormat};
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, EncryptionState, EncryptionVersion, Object, Permissions};

/// A one-page PDF with Flate-compressed content, each of `lines` on its own line (a blank line
/// between paragraphs where `lines` has an empty string), and an Info dictionary.
fn build(lines: &[&str], info: lopdf::Dictionary) -> Document {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut ops = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 11.into()]),
        Operation::new("TL", vec![14.into()]),
        Operation::new("Td", vec![72.into(), 740.into()]),
    ];
    for l in lines {
        if !l.is_empty() {
            ops.push(Operation::new("Tj", vec![Object::string_literal(*l)]));
        }
        ops.push(Operation::new("T*", vec![]));
        if l.is_empty() {
            ops.push(Operation::new("T*", vec![]));
        }
    }
    ops.push(Operation::new("ET", vec![]));
    let mut stream = lopdf::Stream::new(
        dictionary! {},
        Content { operations: ops }.encode().unwrap(),
    );
    stream.compress().unwrap();
    let content_id = doc.add_object(stream);
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        "Resources" => resources_id,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let info_id = doc.add_object(info);
    doc.trailer.set("Info", info_id);
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::string_literal(b"0123456789abcdef".to_vec()),
            Object::string_literal(b"0123456789abcdef".to_vec()),
        ]),
    );
    doc
}

fn save(doc: &mut Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn utf16(s: &str) -> Object {
    let mut b = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        b.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(b, lopdf::StringFormat::Hexadecimal)
}

const LINES: &[&str] = &[
    "Kazakhstan: end torture in police custody",
    "",
    "The authorities must investigate every allegation of torture in police cells, the",
    "organisation said, after new testimony from detainees in Zhanaozen.",
];

fn load(raw: &[u8]) -> Result<casefile_model::Document, casefile_ingest::IngestError> {
    load_bytes("r.pdf", raw, SourceFormat::Pdf, &IngestOptions::default()).map(|l| l.document)
}

#[test]
fn compressed_pdf_with_utf16_info_is_read() {
    let mut doc = build(
        LINES,
        dictionary! {
            "Title" => utf16("Old habits: torture in Kazakhstan"),
            "Author" => Object::string_literal("Human Rights Watch"),
            "CreationDate" => Object::string_literal("D:20131203101500+01'00'"),
        },
    );
    let d = load(&save(&mut doc)).unwrap();
    assert!(
        d.text
            .contains("The authorities must investigate every allegation of torture"),
        "{:?}",
        d.text
    );
    // The line wrapped on the page is one sentence again.
    assert!(
        d.text
            .contains("in police cells, the organisation said, after"),
        "{:?}",
        d.text
    );
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Old habits: torture in Kazakhstan")
    );
    // The text names no issuer; the Author field names an organisation.
    assert_eq!(d.meta.publisher.as_deref(), Some("Human Rights Watch"));
    // No date in the text: the file's own creation date is what the document states.
    assert_eq!(d.meta.published, PartialDate::ymd(2013, 12, 3));
}

#[test]
fn a_person_as_author_is_not_the_publisher_and_a_bad_title_is_ignored() {
    let mut doc = build(
        LINES,
        dictionary! {
            "Title" => Object::string_literal("Microsoft Word - draft3.docx"),
            "Author" => Object::string_literal("jsmith"),
        },
    );
    let d = load(&save(&mut doc)).unwrap();
    assert_eq!(d.meta.publisher, None);
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Kazakhstan: end torture in police custody")
    );
    assert_eq!(d.meta.published, None);
}

fn encrypt(doc: &mut Document, user_password: &str) {
    let version = EncryptionVersion::V2 {
        document: doc,
        owner_password: "owner-secret",
        user_password,
        key_length: 128,
        permissions: Permissions::all(),
    };
    let state = EncryptionState::try_from(version).unwrap();
    doc.encrypt(&state).unwrap();
}

#[test]
fn a_password_protected_pdf_is_refused_as_encrypted() {
    let mut doc = build(LINES, dictionary! {});
    encrypt(&mut doc, "user-secret");
    let e = load(&save(&mut doc)).unwrap_err();
    assert!(e.to_string().starts_with("r.pdf: PDF is encrypted"), "{e}");
}

#[test]
fn a_pdf_encrypted_only_against_editing_is_read() {
    // Many official PDFs carry an owner password only: anyone may read them.
    let mut doc = build(LINES, dictionary! {});
    encrypt(&mut doc, "");
    let d = load(&save(&mut doc)).unwrap();
    assert!(d.text.contains("detainees in Zhanaozen."), "{:?}", d.text);
}

/// Found by `scripts/fuzz ingest_pdf`: the example briefing with nine bytes changed (a font
/// resource dictionary made a number, "/Encrypt" written into the trailer) makes pdf-extract panic
/// on an `expect` inside its font loading. The reader must turn that into this file's one-line
/// error and not bring the run down.
#[test]
fn fuzz_regression_pdf_extract_panic_is_a_one_line_error() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/corpus/09-osi-briefing-closing-space.pdf"
    );
    let mut raw = std::fs::read(path).unwrap();
    for (at, byte) in [
        (2404, 0o54),
        (8927, 0o57),
        (8928, 0o105),
        (8929, 0o156),
        (8930, 0o143),
        (8931, 0o162),
        (8932, 0o171),
        (8933, 0o160),
        (8934, 0o164),
    ] {
        raw[at] = byte;
    }
    let e = casefile_ingest::load_bytes(
        "fuzzed.pdf",
        &raw,
        casefile_model::SourceFormat::Pdf,
        &casefile_ingest::IngestOptions::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(e.starts_with("fuzzed.pdf: "), "{e}");
    assert!(!e.contains('\n'), "{e}");
    assert!(e.contains("PDF"), "{e}");
}
