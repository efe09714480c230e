//! TimeML in and out: re-annotating the `<TEXT>` of a TimeML document with our TIMEX3 tags.
//!
//! The text between the tags is kept byte for byte (the scorer compares it), and everything
//! outside `<TEXT>` (the DCT among it) is left as it was.

use casefile_model::{PartialDate, TimexType};
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Why a TimeML document could not be annotated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimemlError {
    /// No `<TEXT>…</TEXT>` element.
    NoText,
    /// A `<` inside `<TEXT>` without its `>`, at this byte offset of the input.
    UnclosedTag(usize),
}

impl fmt::Display for TimemlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimemlError::NoText => f.write_str("no <TEXT> element"),
            TimemlError::UnclosedTag(at) => write!(f, "unclosed tag at byte {at}"),
        }
    }
}

impl std::error::Error for TimemlError {}

/// What [`annotate_timeml_dir`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Files annotated and written.
    pub files: usize,
    /// Time expressions written.
    pub timexes: usize,
    /// Words (whitespace-separated) in the annotated texts.
    pub words: usize,
    /// Files that could not be read or annotated, with the reason (each also printed as one line
    /// on stderr).
    pub failed: Vec<(PathBuf, String)>,
}

/// The document creation time of a TimeML document: the `value` of the TIMEX3 whose
/// `functionInDocument` is `CREATION_TIME` (or the first TIMEX3 inside `<DCT>`), at the
/// granularity it states. `None` when there is none or it is not a calendar date.
pub fn dct_of_timeml(input: &str) -> Option<PartialDate> {
    let tag = find_dct_tag(input)?;
    let value = attr(tag, "value")?;
    // "1998-01-08T10:00" → the date part; "19980108" → 1998-01-08
    let date = value.split('T').next().unwrap_or(value);
    if date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()) {
        return format!("{}-{}-{}", &date[..4], &date[4..6], &date[6..])
            .parse()
            .ok();
    }
    date.parse().ok()
}

fn find_dct_tag(input: &str) -> Option<&str> {
    let mut from = 0;
    while let Some(p) = input[from..].find("<TIMEX3") {
        let start = from + p;
        let end = start + input[start..].find('>')?;
        let tag = &input[start..end];
        if tag.contains("CREATION_TIME") {
            return Some(tag);
        }
        from = end;
    }
    let dct = input.find("<DCT>")?;
    let start = dct + input[dct..].find("<TIMEX3")?;
    let end = start + input[start..].find('>')?;
    Some(&input[start..end])
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let p = tag.find(&key)? + key.len();
    let q = tag[p..].find('"')?;
    Some(&tag[p..p + q])
}

/// The text of a TimeML body with every tag removed, byte for byte otherwise.
fn strip_tags(body: &str, offset: usize) -> Result<String, TimemlError> {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    let mut at = offset;
    while let Some(p) = rest.find('<') {
        out.push_str(&rest[..p]);
        let q = rest[p..]
            .find('>')
            .ok_or(TimemlError::UnclosedTag(at + p))?;
        at += p + q + 1;
        rest = &rest[p + q + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn type_name(t: TimexType) -> &'static str {
    match t {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

/// Reads a TimeML document, removes every tag inside `<TEXT>` (TIMEX3, EVENT, SIGNAL, …) and
/// writes our own TIMEX3 tags there (with `tid`, `type` and `value`), anchored on the document's
/// DCT. The text and everything outside `<TEXT>` stay as they were.
pub fn annotate_timeml(input: &str) -> Result<String, TimemlError> {
    annotate(input).map(|a| a.output)
}

struct Annotated {
    output: String,
    timexes: usize,
    words: usize,
}

fn annotate(input: &str) -> Result<Annotated, TimemlError> {
    let open = input.find("<TEXT>").ok_or(TimemlError::NoText)? + "<TEXT>".len();
    let close = input.rfind("</TEXT>").ok_or(TimemlError::NoText)?;
    if close < open {
        return Err(TimemlError::NoText);
    }
    let text = strip_tags(&input[open..close], open)?;
    let dct = dct_of_timeml(&input[..open]).or_else(|| dct_of_timeml(input));
    let timexes = crate::tag(&text, dct);
    let mut out = String::with_capacity(input.len() + timexes.len() * 80);
    out.push_str(&input[..open]);
    let mut pos = 0;
    for (n, t) in timexes.iter().enumerate() {
        out.push_str(&text[pos..t.span.start]);
        out.push_str(&format!(
            "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\">",
            n + 1,
            type_name(t.timex_type),
            t.value
        ));
        out.push_str(&text[t.span.start..t.span.end]);
        out.push_str("</TIMEX3>");
        pos = t.span.end;
    }
    out.push_str(&text[pos..]);
    out.push_str(&input[close..]);
    Ok(Annotated {
        output: out,
        timexes: timexes.len(),
        words: text.split_whitespace().count(),
    })
}

/// Annotates every `*.tml` file of `in_dir` into `out_dir` (created if needed) under the same
/// name. A file that cannot be read or annotated is reported on stderr in one line naming it and
/// the reason, and the run continues.
pub fn annotate_timeml_dir(in_dir: &Path, out_dir: &Path) -> io::Result<Stats> {
    fs::create_dir_all(out_dir)?;
    let mut paths: Vec<PathBuf> = fs::read_dir(in_dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    paths.sort();
    let mut stats = Stats::default();
    for path in paths {
        let result = fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|s| annotate(&s).map_err(|e| e.to_string()));
        match result {
            Ok(a) => {
                let name = path.file_name().unwrap_or_default();
                fs::write(out_dir.join(name), &a.output)?;
                stats.files += 1;
                stats.timexes += a.timexes;
                stats.words += a.words;
            }
            Err(reason) => {
                eprintln!("{}: {reason}", path.display());
                stats.failed.push((path, reason));
            }
        }
    }
    Ok(stats)
}
