//! PDF: the text layer, and the Info dictionary's title, author and creation date.
//!
//! Parsing is done by lopdf and text extraction by pdf-extract, both inside `catch_unwind`: PDF
//! parsers meet malformed files daily and a panic in one must become an error for that file, not
//! the end of the run. Encrypted, truncated and image-only PDFs get reasons of their own, since
//! each asks the user for something different (a password, a new download, OCR).

use crate::meta::{self, Layout};
use crate::text;
use casefile_model::{DocumentMeta, PartialDate};
use lopdf::{Document, Object};
use std::panic::{catch_unwind, AssertUnwindSafe};

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Clean text and metadata of a PDF.
pub(crate) fn extract(raw: &[u8]) -> Result<(String, DocumentMeta), String> {
    let head = &raw[..raw.len().min(1024)];
    if !contains(head, b"%PDF-") {
        return Err("not a PDF (no %PDF- header)".into());
    }
    // The /Encrypt key sits in the trailer (or the cross-reference stream's dictionary), which
    // stays unencrypted; seeing it tells an encrypted file from a damaged one.
    let encrypted = contains(raw, b"/Encrypt");
    // A download cut short loses its end, and with it the "%%EOF" marker.
    let tail = &raw[raw.len().saturating_sub(2048)..];
    if !contains(tail, b"%%EOF") {
        return Err(if encrypted {
            "PDF is encrypted".to_string()
        } else {
            "PDF is truncated or damaged: no end-of-file marker (%%EOF)".to_string()
        });
    }
    let doc = match catch_unwind(AssertUnwindSafe(|| Document::load_mem(raw))) {
        Ok(Ok(doc)) => doc,
        Ok(Err(e)) if encrypted => {
            return Err(format!(
                "PDF is encrypted (cannot open without a password: {e})"
            ))
        }
        Ok(Err(e)) => return Err(format!("PDF is truncated or damaged: {e}")),
        Err(_) => return Err("PDF is truncated or damaged: the PDF parser crashed".into()),
    };
    // lopdf opens files encrypted with an empty user password itself; anything still encrypted
    // needs a password we do not have.
    if doc.is_encrypted() {
        return Err("PDF is encrypted".into());
    }
    let text = catch_unwind(AssertUnwindSafe(|| {
        let mut s = String::new();
        let mut out = pdf_extract::PlainTextOutput::new(&mut s);
        pdf_extract::output_doc(&doc, &mut out).map(|_| s)
    }));
    let text = match text {
        Ok(Ok(s)) => s,
        Ok(Err(e)) if encrypted => return Err(format!("PDF is encrypted ({e})")),
        Ok(Err(e)) => return Err(format!("PDF is truncated or damaged: {e}")),
        Err(_) => {
            return Err("PDF is truncated or damaged: the text extractor crashed".into());
        }
    };
    if text.trim().is_empty() {
        return Err("PDF has no text layer (scanned?)".into());
    }
    let cleaned = text::clean(&rejoin_wrapped_lines(&text::normalize(&text)));
    let layout = Layout::new(&cleaned.text);
    let info = info_dict(&doc);

    let title = info
        .title
        .filter(|t| is_real_title(t))
        .or_else(|| meta::title(&layout));
    let publisher =
        meta::publisher(&layout, &[]).or(info.author.filter(|a| meta::looks_like_org(a)));
    // The text's own header date first: the file may have been made long after publication.
    let published = meta::published(&layout).or(info.created);
    let meta = DocumentMeta {
        title,
        publisher,
        published,
        reference: meta::reference(&cleaned.text),
        source_url: None,
        supplied: Default::default(),
    };
    Ok((cleaned.text, meta))
}

/// PDF text comes line by line as laid out on the page. A line that continues a sentence (the
/// next line starts in lower case after a line of some length) is joined to it, and a word split
/// by a hyphen at the line's end ("detain-" / "ed") is mended, so sentences read whole. Lines
/// starting in capitals stay as they are: they may be headings, list items or header lines.
fn rejoin_wrapped_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            // The line as rebuilt so far: a wrapped sentence is long whichever piece it is in.
            let current = out.rsplit('\n').next().unwrap_or("");
            let long = current.chars().count() >= 40;
            let next_lower = line.chars().next().is_some_and(char::is_lowercase);
            let hyphenated = current.ends_with('-')
                && current[..current.len() - 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_lowercase);
            if long && next_lower && hyphenated {
                out.pop();
            } else if long && next_lower {
                out.push(' ');
            } else {
                out.push('\n');
            }
        }
        out.push_str(line);
    }
    out
}

#[derive(Debug, Default)]
struct Info {
    title: Option<String>,
    author: Option<String>,
    created: Option<PartialDate>,
}

fn info_dict(doc: &Document) -> Info {
    let Ok(info) = doc.trailer.get(b"Info") else {
        return Info::default();
    };
    let dict = match info {
        Object::Reference(id) => doc.get_object(*id).and_then(Object::as_dict).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    };
    let Some(dict) = dict else {
        return Info::default();
    };
    let text = |key: &[u8]| {
        dict.get(key)
            .ok()
            .and_then(|o| o.as_str().ok())
            .map(decode_text_string)
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty())
    };
    Info {
        title: text(b"Title"),
        author: text(b"Author"),
        created: text(b"CreationDate").and_then(|d| parse_pdf_date(&d)),
    }
}

/// PDF text strings are UTF-16BE with a byte-order mark, or PDFDocEncoding (Latin-1 for the
/// characters that matter here).
fn decode_text_string(b: &[u8]) -> String {
    if let Some(rest) = b.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = b.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    b.iter().map(|&c| c as char).collect()
}

/// `D:YYYYMMDDHHmmSS…` at the granularity it gives.
fn parse_pdf_date(s: &str) -> Option<PartialDate> {
    let digits: String = s
        .trim()
        .trim_start_matches("D:")
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let part = |r: std::ops::Range<usize>| digits.get(r).and_then(|p| p.parse::<u32>().ok());
    let year = part(0..4)? as i32;
    let month = part(4..6).map(|m| m as u8);
    let day = month.and(part(6..8)).map(|d| d as u8);
    PartialDate::checked(Some(year), month, day)
}

/// Info titles are often the producing program's idea of a name ("Microsoft Word - draft3.docx",
/// "untitled"), which is no headline.
fn is_real_title(t: &str) -> bool {
    let lower = t.to_lowercase();
    let file_like = [
        ".doc", ".docx", ".pdf", ".rtf", ".odt", ".indd", ".txt", ".qxd",
    ]
    .iter()
    .any(|e| lower.ends_with(e));
    t.split_whitespace().count() >= 2
        && !file_like
        && !lower.starts_with("microsoft word")
        && !lower.starts_with("untitled")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_keep_their_granularity() {
        assert_eq!(
            parse_pdf_date("D:20121214093000+01'00'"),
            PartialDate::ymd(2012, 12, 14)
        );
        assert_eq!(parse_pdf_date("D:2012"), Some(PartialDate::y(2012)));
        assert_eq!(parse_pdf_date("D:20121399"), None);
        assert_eq!(parse_pdf_date("garbage"), None);
    }

    #[test]
    fn info_strings_decode_utf16_and_latin1() {
        assert_eq!(
            decode_text_string(&[0xFE, 0xFF, 0x04, 0x1A, 0x00, 0x5A]),
            "КZ"
        );
        assert_eq!(decode_text_string(b"Caf\xe9"), "Café");
    }

    #[test]
    fn wrapped_lines_are_rejoined_and_headers_kept() {
        let t = "PUBLIC STATEMENT\n8 April 1998\nThe authorities must investigate every allegation of tor-\nture in police cells, the\norganisation said.\nKazakhstan is a state party.\n\nx-\nray";
        assert_eq!(
            rejoin_wrapped_lines(t),
            "PUBLIC STATEMENT\n8 April 1998\nThe authorities must investigate every allegation of torture in police cells, the organisation said.\nKazakhstan is a state party.\n\nx-\nray"
        );
    }

    #[test]
    fn producer_names_are_not_titles() {
        assert!(!is_real_title("Microsoft Word - draft3.docx"));
        assert!(!is_real_title("report.pdf"));
        assert!(is_real_title("Old habits: torture in Kazakhstan"));
    }
}
