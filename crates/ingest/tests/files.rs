//! Files on disk: hostile inputs, sidecars, overrides, ids, PDFs and folder walking. Every hostile
//! file is generated here in a temporary folder; none is committed.

mod common;

use casefile_ingest::{load_bytes, load_file, walk, IngestError, IngestOptions, MetaOverrides};
use casefile_model::{DocumentId, MetaField, PartialDate, SourceFormat};
use std::fs;
use std::path::{Path, PathBuf};

const RELEASE: &str = "Kazakhstan: journalist detained\n\nLONDON, 5 May 2015 – Front Line Defenders said today that the journalist was detained by police in Almaty and must be released at once.\n\nHe was held without charge.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap();
    p
}

/// The error for `path`, checking that it names the file and contains `reason`.
fn refused(path: &Path, reason: &str) -> IngestError {
    let e = match load_file(path, &IngestOptions::default()) {
        Ok(_) => panic!("{} should have been refused", path.display()),
        Err(e) => e,
    };
    let line = e.to_string();
    assert_eq!(e.path, path);
    assert!(
        line.starts_with(&format!("{}: ", path.display())),
        "{line:?} should start with the path"
    );
    assert!(line.contains(reason), "{line:?} should say {reason:?}");
    assert!(!line.contains('\n'), "{line:?} should be one line");
    e
}

#[test]
fn empty_and_blank_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    refused(&write(dir.path(), "empty.txt", b""), "empty document");
    refused(
        &write(dir.path(), "blank.md", b"  \n\n\t \r\n"),
        "empty document",
    );
    refused(
        &write(dir.path(), "blank.html", b"<html><body> </body></html>"),
        "empty document",
    );
}

#[test]
fn binary_and_invalid_utf8_text_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut bin = b"GIF89a".to_vec();
    bin.extend((0..=255u8).cycle().take(4096));
    refused(
        &write(dir.path(), "image.txt", &bin),
        "binary content, not text (NUL byte at offset",
    );
    let e = refused(
        &write(dir.path(), "latin1.txt", b"Kazakstan caf\xe9 statement"),
        "not UTF-8 text (invalid byte at offset 13)",
    );
    assert_eq!(
        e.to_string(),
        format!(
            "{}: not UTF-8 text (invalid byte at offset 13)",
            dir.path().join("latin1.txt").display()
        )
    );
}

#[test]
fn a_huge_file_is_refused_by_its_size_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.txt");
    // Sparse: takes no disk space, but claims 100 MB.
    fs::File::create(&p)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    refused(&p, "file too large: 104857600 bytes (limit 67108864 bytes)");
    // A smaller limit applies to bytes in memory too.
    let opts = IngestOptions {
        max_bytes: 10,
        ..Default::default()
    };
    let e = load_bytes("stdin", RELEASE.as_bytes(), SourceFormat::Text, &opts).unwrap_err();
    assert!(e.to_string().starts_with("stdin: file too large"));
}

#[test]
fn unknown_extension_missing_path_and_dangling_link_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    refused(
        &write(dir.path(), "report.docx", b"PK\x03\x04"),
        "unsupported file type .docx",
    );
    refused(&write(dir.path(), "README", b"text"), "no file extension");
    refused(&dir.path().join("nowhere.txt"), "no such file or folder");
    refused(dir.path(), "is a folder");
    #[cfg(unix)]
    {
        let link = dir.path().join("gone.txt");
        std::os::unix::fs::symlink(dir.path().join("deleted-target.txt"), &link).unwrap();
        refused(&link, "dangling symbolic link");
        // A device behind an innocent name must not be read (it never ends).
        let dev = dir.path().join("null.txt");
        std::os::unix::fs::symlink("/dev/zero", &dev).unwrap();
        refused(&dev, "not a regular file");
    }
}

#[test]
fn truncated_encrypted_and_textless_pdfs_get_clear_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = common::tiny_pdf(&["Kazakhstan: journalist detained"], None);
    refused(
        &write(dir.path(), "cut.pdf", &pdf[..pdf.len() / 2]),
        "PDF is truncated or damaged",
    );
    // An encrypted file: the trailer points at an encryption dictionary.
    let text = String::from_utf8_lossy(&pdf).into_owned();
    let encrypted = text.replace(
        "/Root 1 0 R",
        "/Root 1 0 R /Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /O <00> /U <00> /P -4 >> /ID [<00><00>]",
    );
    refused(
        &write(dir.path(), "locked.pdf", encrypted.as_bytes()),
        "PDF is encrypted",
    );
    // A page with no text on it: what a scan without OCR looks like to a text reader.
    let blank = common::tiny_pdf(&[], None);
    refused(
        &write(dir.path(), "scan.pdf", &blank),
        "PDF has no text layer (scanned?)",
    );
    refused(
        &write(dir.path(), "fake.pdf", b"hello, not a pdf"),
        "not a PDF",
    );
    refused(
        &write(
            dir.path(),
            "garbage.pdf",
            b"%PDF-1.4\n1 0 obj << /Type /Catalog\n%%EOF\n",
        ),
        "PDF is truncated or damaged",
    );
}

#[test]
fn a_tiny_pdf_is_read_back_with_its_text_and_info() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = common::tiny_pdf(
        &[
            "PUBLIC STATEMENT",
            "8 April 1998",
            "Imprisonment of opposition leader politically motivated",
        ],
        Some("Imprisonment of opposition leader"),
    );
    let p = write(dir.path(), "statement.pdf", &pdf);
    let l = load_file(&p, &IngestOptions::default()).unwrap();
    let d = l.document;
    assert_eq!(d.format, SourceFormat::Pdf);
    assert!(d.text.contains("PUBLIC STATEMENT"), "{:?}", d.text);
    assert!(
        d.text
            .contains("Imprisonment of opposition leader politically motivated"),
        "{:?}",
        d.text
    );
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Imprisonment of opposition leader")
    );
    // The header date line wins over the file's creation date (2015).
    assert_eq!(d.meta.published, PartialDate::ymd(1998, 4, 8));
    assert_eq!(l.raw, pdf);
    assert_eq!(d.id, DocumentId::from_content(&pdf));
}

#[test]
fn sidecar_overrides_and_records_what_was_supplied() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "release.txt", RELEASE.as_bytes());
    let read = load_file(&p, &IngestOptions::default()).unwrap().document;
    assert_eq!(read.meta.published, PartialDate::ymd(2015, 5, 5));
    assert_eq!(read.meta.publisher.as_deref(), Some("Front Line Defenders"));
    assert!(read.meta.supplied.is_empty());

    write(
        dir.path(),
        "release.txt.meta.json",
        br#"{"published": "2015-05", "publisher": "FLD", "source_url": "https://example.org/r"}"#,
    );
    let d = load_file(&p, &IngestOptions::default()).unwrap().document;
    assert_eq!(d.meta.published, PartialDate::ym(2015, 5));
    assert_eq!(d.meta.publisher.as_deref(), Some("FLD"));
    assert_eq!(d.meta.source_url.as_deref(), Some("https://example.org/r"));
    assert_eq!(
        d.meta.title, read.meta.title,
        "what the sidecar does not name stays"
    );
    assert_eq!(
        d.meta.supplied.iter().copied().collect::<Vec<_>>(),
        [
            MetaField::Publisher,
            MetaField::Published,
            MetaField::SourceUrl
        ]
    );
    // The sidecar changes metadata, never the identity of the content.
    assert_eq!(d.id, read.id);

    // Command-line overrides come last.
    let opts = IngestOptions {
        overrides: MetaOverrides {
            publisher: Some("Front Line Defenders".into()),
            title: Some("Given title".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    let d = load_file(&p, &opts).unwrap().document;
    assert_eq!(d.meta.publisher.as_deref(), Some("Front Line Defenders"));
    assert_eq!(d.meta.title.as_deref(), Some("Given title"));
    assert!(d.meta.supplied.contains(&MetaField::Title));
    assert!(d.meta.supplied.contains(&MetaField::Publisher));
}

#[test]
fn an_invalid_sidecar_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.txt", RELEASE.as_bytes());
    write(
        dir.path(),
        "a.txt.meta.json",
        br#"{"published": "14/12/2012"}"#,
    );
    refused(&p, "invalid sidecar");
    write(dir.path(), "a.txt.meta.json", br#"{"pubished": "2012"}"#);
    refused(&p, "unknown field `pubished`");
    write(dir.path(), "a.txt.meta.json", b"{not json");
    refused(&p, "invalid sidecar");
    write(
        dir.path(),
        "a.txt.meta.json",
        br#"{"published": "2012-02-30"}"#,
    );
    refused(&p, "invalid sidecar");
}

#[test]
fn same_content_gives_the_same_id_wherever_it_comes_from() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", RELEASE.as_bytes());
    let b = write(dir.path(), "copy of a.md", RELEASE.as_bytes());
    let da = load_file(&a, &IngestOptions::default()).unwrap().document;
    let db = load_file(&b, &IngestOptions::default()).unwrap().document;
    let dc = load_bytes(
        "-",
        RELEASE.as_bytes(),
        SourceFormat::Text,
        &IngestOptions::default(),
    )
    .unwrap()
    .document;
    assert_eq!(da.id, db.id);
    assert_eq!(da.id, dc.id);
    assert_eq!(da.id, DocumentId::from_content(RELEASE.as_bytes()));
    assert_eq!(da.source, a.to_string_lossy());
    assert_eq!(dc.source, "-");
    let other = load_bytes(
        "x",
        b"Different words here.",
        SourceFormat::Text,
        &IngestOptions::default(),
    )
    .unwrap()
    .document;
    assert_ne!(other.id, da.id);
}

#[test]
fn markdown_is_read_as_text_without_markup() {
    let md = "# Kazakhstan: **free** the journalists\n\n*LONDON, 5 May 2015* – [Reporters Without Borders](https://rsf.org) said today that [three journalists](https://x.org/a) were detained.\n\n![photo](p.jpg)\n\n## Background\n\nThe law on `mass media` was amended.\n";
    let d = load_bytes(
        "r.md",
        md.as_bytes(),
        SourceFormat::Markdown,
        &IngestOptions::default(),
    )
    .unwrap()
    .document;
    assert_eq!(
        d.text,
        "Kazakhstan: free the journalists\n\nLONDON, 5 May 2015 – Reporters Without Borders said today that three journalists were detained.\n\nBackground\n\nThe law on mass media was amended."
    );
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Kazakhstan: free the journalists")
    );
    assert_eq!(
        d.meta.publisher.as_deref(),
        Some("Reporters Without Borders")
    );
    assert_eq!(d.meta.published, PartialDate::ymd(2015, 5, 5));
}

#[test]
fn walk_expands_folders_sorted_and_reports_bad_paths() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("b/nested")).unwrap();
    fs::create_dir_all(root.join(".git")).unwrap();
    write(root, "z.txt", b"z");
    write(root, "a.html", b"a");
    write(root, "a.html.meta.json", b"{}");
    write(root, ".hidden.txt", b"h");
    write(root, "photo.jpg", b"j");
    write(&root.join("b"), "c.pdf", b"c");
    write(&root.join("b/nested"), "d.md", b"d");
    write(&root.join(".git"), "e.txt", b"e");
    let explicit = write(root, "notes.docx", b"x");
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("missing"), root.join("m.txt")).unwrap();

    let results = walk(&[root.to_path_buf(), root.join("absent"), explicit.clone()]);
    let ok: Vec<String> = results
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|p| p.strip_prefix(root).unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        ok,
        [
            "a.html",
            "b/c.pdf",
            "b/nested/d.md",
            "notes.docx",
            "photo.jpg",
            "z.txt",
            "notes.docx"
        ]
    );
    // A file casefile cannot read is returned so that loading it reports it, not dropped.
    let photo = load_file(&root.join("photo.jpg"), &IngestOptions::default()).unwrap_err();
    assert!(photo.to_string().contains("photo.jpg"), "{photo}");
    let errors: Vec<String> = results
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors
            .iter()
            .any(|e| e.ends_with("absent: no such file or folder")),
        "{errors:?}"
    );
    #[cfg(unix)]
    assert!(
        errors
            .iter()
            .any(|e| e.contains("m.txt: dangling symbolic link")),
        "{errors:?}"
    );
    // The explicitly named unsupported file is then refused by load_file, with its reason.
    assert!(load_file(&explicit, &IngestOptions::default())
        .unwrap_err()
        .reason
        .contains("unsupported file type"));
}

/// A small deterministic generator, so the mutations are the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

#[test]
fn damaged_files_give_errors_or_documents_never_panics() {
    let pdf = common::tiny_pdf(&["Kazakhstan: journalist detained in Almaty"], Some("T t"));
    let html = b"<html><head><title>T | S</title><meta property=\"article:published_time\" content=\"2012-12-14\"></head><body><article><h1>T</h1><p>Police detained the journalist in Almaty on Monday, colleagues said.</p></article></body></html>".to_vec();
    let text = RELEASE.as_bytes().to_vec();
    let mut rng = Lcg(42);
    for (format, original) in [
        (SourceFormat::Pdf, &pdf),
        (SourceFormat::Html, &html),
        (SourceFormat::Text, &text),
        (SourceFormat::Markdown, &text),
    ] {
        for round in 0..150 {
            let mut bytes = original.clone();
            match round % 3 {
                // Overwrite a few bytes.
                0 => {
                    for _ in 0..4 {
                        let i = rng.next() % bytes.len();
                        bytes[i] = (rng.next() % 256) as u8;
                    }
                }
                // Cut the file short.
                1 => bytes.truncate(rng.next() % bytes.len()),
                // Drop a slice from the middle.
                _ => {
                    let a = rng.next() % bytes.len();
                    let b = (a + rng.next() % 64).min(bytes.len());
                    bytes.drain(a..b);
                }
            }
            // Either outcome is fine; unwinding out of load_bytes is not.
            let r = std::panic::catch_unwind(|| {
                load_bytes("m", &bytes, format, &IngestOptions::default()).map(|l| l.document)
            });
            assert!(r.is_ok(), "{format:?} round {round} panicked");
            if let Ok(Ok(d)) = r {
                assert!(!d.text.trim().is_empty());
            }
        }
    }
}
