//! casefile-ingest: files and folders of text, Markdown, HTML and PDF to [`Document`]s.
//!
//! Each file becomes clean text (navigation, share buttons, comment forms and other page furniture
//! removed; paragraphs separated by a blank line) and metadata read from the document itself:
//! title, publisher, publication date and the issuer's reference number. A sidecar file
//! `FILE.meta.json` and command-line overrides can supply or correct metadata; what a person
//! supplied is recorded in [`DocumentMeta::supplied`].
//!
//! Every failure is an [`IngestError`] naming the file and the reason, never a panic, so a run over
//! a folder goes on past a bad file.

mod charclass;
mod dates;
mod html;
mod literals;
mod meta;
mod pdf;
mod text;

use casefile_model::{Document, DocumentId, DocumentMeta, MetaField, PartialDate, SourceFormat};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Default size limit: 64 MiB. Press releases and reports are far smaller; anything bigger is
/// almost certainly not a document (a disk image, a video) and reading it would only waste memory.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// How to ingest: the size limit and the metadata a person supplies on the command line.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Files larger than this many bytes are refused before being read.
    pub max_bytes: u64,
    /// Metadata that replaces what the document says (and what a sidecar says).
    pub overrides: MetaOverrides,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            overrides: MetaOverrides::default(),
        }
    }
}

/// Metadata a person supplies, from a sidecar `FILE.meta.json` or from command-line flags.
///
/// Each `Some` value replaces what casefile read from the document and is recorded as supplied.
/// Serialisable so that a queued file carries what was supplied with it (`casefile enqueue`).
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize, Deserialize)]
pub struct MetaOverrides {
    /// The headline.
    pub title: Option<String>,
    /// The issuing organisation.
    pub publisher: Option<String>,
    /// The publication date.
    pub published: Option<PartialDate>,
    /// Where the document was obtained.
    pub source_url: Option<String>,
}

impl MetaOverrides {
    /// These values, each absent one taken from `under` (a sidecar's, under the command line's).
    fn or(&self, under: MetaOverrides) -> MetaOverrides {
        MetaOverrides {
            title: self.title.clone().or(under.title),
            publisher: self.publisher.clone().or(under.publisher),
            published: self.published.or(under.published),
            source_url: self.source_url.clone().or(under.source_url),
        }
    }

    /// Writes the supplied values into `meta` and records them in `meta.supplied`.
    fn apply(&self, meta: &mut DocumentMeta) {
        if let Some(t) = &self.title {
            meta.title = Some(t.clone());
            meta.supplied.insert(MetaField::Title);
        }
        if let Some(p) = &self.publisher {
            meta.publisher = Some(p.clone());
            meta.supplied.insert(MetaField::Publisher);
        }
        if let Some(d) = self.published {
            meta.published = Some(d);
            meta.supplied.insert(MetaField::Published);
        }
        if let Some(u) = &self.source_url {
            meta.source_url = Some(u.clone());
            meta.supplied.insert(MetaField::SourceUrl);
        }
    }
}

/// A document as ingested, with the raw bytes it was read from (the store keeps both, so that a
/// later, better reader can re-read the original).
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The clean text and metadata.
    pub document: Document,
    /// The bytes as read.
    pub raw: Vec<u8>,
}

/// One failure: which file and why, printable as one line `PATH: reason`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {reason}", path.display())]
pub struct IngestError {
    /// The file (or name) that failed.
    pub path: PathBuf,
    /// Why, in a few words a monitor can act on.
    pub reason: String,
}

impl IngestError {
    fn new(path: impl Into<PathBuf>, reason: impl Into<String>) -> Self {
        IngestError {
            path: path.into(),
            reason: reason.into(),
        }
    }
}

/// Suffix of sidecar metadata files: `report.pdf.meta.json` describes `report.pdf`.
const SIDECAR_SUFFIX: &str = ".meta.json";

/// The format a file name's extension announces, or `None` for an extension casefile does not
/// read. Content sniffing is deliberately not done: a `.txt` that holds a PDF is an error the
/// user should see, not a guess.
pub fn format_for_path(path: &Path) -> Option<SourceFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(SourceFormat::Text),
        "md" | "markdown" => Some(SourceFormat::Markdown),
        "html" | "htm" | "xhtml" => Some(SourceFormat::Html),
        "pdf" => Some(SourceFormat::Pdf),
        _ => None,
    }
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn is_sidecar(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.to_ascii_lowercase().ends_with(SIDECAR_SUFFIX))
}

/// Recursively expands files and folders into the files to ingest.
///
/// Arguments keep their order; each folder's contents come sorted by path, so two runs over the
/// same folder see the same order. Inside folders, hidden entries and `*.meta.json` sidecars are
/// skipped; every other file is returned, so that one of a format casefile does not read gets its
/// error line from [`load_file`] instead of vanishing from the record unnoticed. Missing or unreadable paths and dangling symbolic links come
/// back as errors and the walk goes on.
pub fn walk(paths: &[PathBuf]) -> Vec<Result<PathBuf, IngestError>> {
    walk_iter(paths).collect()
}

/// [`walk`] one file at a time: only the listings of the folders on the current path are held,
/// so walking a million files takes no more memory than walking a thousand.
pub fn walk_iter(paths: &[PathBuf]) -> Walk {
    Walk {
        // Next last: the arguments reversed, so the first comes out first.
        pending: paths.iter().rev().cloned().map(Pending::Argument).collect(),
        seen_dirs: BTreeSet::new(),
    }
}

/// The iterator of [`walk_iter`].
pub struct Walk {
    /// What is still to come, the next last.
    pending: Vec<Pending>,
    /// Folders already opened (canonical paths): a symbolic link back up the tree would otherwise
    /// loop forever.
    seen_dirs: BTreeSet<PathBuf>,
}

enum Pending {
    /// A path given on the command line: a file is taken even when hidden.
    Argument(PathBuf),
    /// A folder to open.
    Folder(PathBuf),
    /// A file to ingest, or an error to report.
    Ready(Result<PathBuf, IngestError>),
}

impl Walk {
    /// Pushes the contents of `dir`: its entry errors first, then its entries sorted by path.
    fn open(&mut self, dir: &Path) {
        if let Ok(canon) = fs::canonicalize(dir) {
            if !self.seen_dirs.insert(canon) {
                return;
            }
        }
        let entries = match fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => {
                self.pending.push(Pending::Ready(Err(IngestError::new(
                    dir,
                    format!("cannot read folder: {e}"),
                ))));
                return;
            }
        };
        let mut errors = Vec::new();
        let mut paths = Vec::new();
        for entry in entries {
            match entry {
                Ok(en) => paths.push(en.path()),
                Err(e) => errors.push(Pending::Ready(Err(IngestError::new(
                    dir,
                    format!("cannot read folder entry: {e}"),
                )))),
            }
        }
        paths.sort();
        let children = paths
            .into_iter()
            .filter(|p| !is_hidden(p) && !is_sidecar(p))
            .map(|p| match fs::metadata(&p) {
                Ok(m) if m.is_dir() => Pending::Folder(p),
                Ok(_) => Pending::Ready(Ok(p)),
                Err(e) => {
                    let reason = describe_io_error(&p, &e);
                    Pending::Ready(Err(IngestError::new(p, reason)))
                }
            });
        let first = self.pending.len();
        self.pending.extend(errors);
        self.pending.extend(children);
        self.pending[first..].reverse();
    }
}

impl Iterator for Walk {
    type Item = Result<PathBuf, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.pending.pop()? {
                Pending::Ready(item) => return Some(item),
                Pending::Folder(dir) => self.open(&dir),
                Pending::Argument(p) => match fs::metadata(&p) {
                    Ok(m) if m.is_dir() => self.open(&p),
                    Ok(_) if is_sidecar(&p) => {}
                    Ok(_) => return Some(Ok(p)),
                    Err(e) => {
                        let reason = describe_io_error(&p, &e);
                        return Some(Err(IngestError::new(p, reason)));
                    }
                },
            }
        }
    }
}

/// A one-line reason for an I/O failure, naming a dangling symbolic link as such (the OS only
/// says "not found", which is puzzling when `ls` shows the file).
fn describe_io_error(path: &Path, e: &std::io::Error) -> String {
    let dangling = fs::symlink_metadata(path)
        .map(|m| m.file_type().is_symlink())
        .unwrap_or(false);
    if dangling && e.kind() == std::io::ErrorKind::NotFound {
        match fs::read_link(path) {
            Ok(target) => format!(
                "dangling symbolic link (target {} does not exist)",
                target.display()
            ),
            Err(_) => "dangling symbolic link".to_string(),
        }
    } else if e.kind() == std::io::ErrorKind::NotFound {
        "no such file or folder".to_string()
    } else if e.kind() == std::io::ErrorKind::PermissionDenied {
        "permission denied".to_string()
    } else {
        format!("cannot read: {e}")
    }
}

/// Reads one file into a [`Document`].
///
/// In order: the size is checked from the file system before anything is read (a 100 MB file is
/// refused at once); the format comes from the extension; the content is parsed and metadata read
/// from it; a sidecar `FILE.meta.json` (keys `title`, `publisher`, `published` as
/// `YYYY[-MM[-DD]]`, `source_url`) then replaces what it names, and `opts.overrides` last. An
/// invalid sidecar is an error rather than silently ignored: the user wrote it to be obeyed.
pub fn load_file(path: &Path, opts: &IngestOptions) -> Result<Loaded, IngestError> {
    let file = read_file(path, opts)?;
    let mut document = parse(&file.source, &file.raw, file.format)
        .map_err(|reason| IngestError::new(path, reason))?;
    file.overrides.apply(&mut document.meta);
    Ok(Loaded {
        document,
        raw: file.raw,
    })
}

/// A file's bytes and what was supplied with it, not yet read into a document: what
/// `casefile enqueue` puts in a PostgreSQL store's queue for a worker to read with
/// [`load_bytes`] (given `overrides`), which then gives the document [`load_file`] gives.
#[derive(Debug, Clone)]
pub struct RawFile {
    /// The path as given: the document's `source`.
    pub source: String,
    /// The format its extension announces.
    pub format: SourceFormat,
    /// The bytes as read.
    pub raw: Vec<u8>,
    /// The sidecar's metadata under the options' overrides (each field from the options when
    /// they have it).
    pub overrides: MetaOverrides,
}

/// Reads a file's bytes and its sidecar, with the same checks and errors as [`load_file`]
/// (size, type, format), without parsing it.
pub fn read_file(path: &Path, opts: &IngestOptions) -> Result<RawFile, IngestError> {
    let err = |reason: String| IngestError::new(path, reason);
    let md = fs::metadata(path).map_err(|e| err(describe_io_error(path, &e)))?;
    if md.is_dir() {
        return Err(err("is a folder, not a file".into()));
    }
    // A pipe would block the run forever and a device never ends: only regular files are read.
    if !md.is_file() {
        return Err(err("not a regular file (a device, pipe or socket)".into()));
    }
    if md.len() > opts.max_bytes {
        return Err(err(too_large(md.len(), opts.max_bytes)));
    }
    let format = format_for_path(path).ok_or_else(|| {
        err(match path.extension().and_then(|e| e.to_str()) {
            Some(ext) => format!(
                "unsupported file type .{ext} (casefile reads .txt .text .md .markdown .html .htm .xhtml .pdf)"
            ),
            None => "no file extension: cannot tell the format (casefile reads .txt .text .md .markdown .html .htm .xhtml .pdf)".to_string(),
        })
    })?;
    let file = fs::File::open(path).map_err(|e| err(describe_io_error(path, &e)))?;
    // Read at most one byte past the limit: the file may have grown since the size check.
    let mut raw = Vec::with_capacity(md.len() as usize);
    file.take(opts.max_bytes.saturating_add(1))
        .read_to_end(&mut raw)
        .map_err(|e| err(format!("cannot read: {e}")))?;
    if raw.len() as u64 > opts.max_bytes {
        return Err(err(too_large(raw.len() as u64, opts.max_bytes)));
    }
    let sidecar = read_sidecar(path)?.unwrap_or_default();
    Ok(RawFile {
        source: path.to_string_lossy().into_owned(),
        format,
        raw,
        overrides: opts.overrides.or(sidecar),
    })
}

/// Reads a document from bytes already in memory (standard input, tests). `source` names it in
/// the document and in errors. No sidecar is read.
pub fn load_bytes(
    source: &str,
    raw: &[u8],
    format: SourceFormat,
    opts: &IngestOptions,
) -> Result<Loaded, IngestError> {
    if raw.len() as u64 > opts.max_bytes {
        return Err(IngestError::new(
            source,
            too_large(raw.len() as u64, opts.max_bytes),
        ));
    }
    let mut document = parse(source, raw, format).map_err(|r| IngestError::new(source, r))?;
    opts.overrides.apply(&mut document.meta);
    Ok(Loaded {
        document,
        raw: raw.to_vec(),
    })
}

fn too_large(len: u64, max: u64) -> String {
    format!("file too large: {len} bytes (limit {max} bytes)")
}

/// Format-specific reading: clean text plus the metadata the document states.
///
/// Runs under `catch_unwind`: the parsers are third-party code fed hostile bytes, and one file's
/// panic must become that file's error while the run goes on.
fn parse(source: &str, raw: &[u8], format: SourceFormat) -> Result<Document, String> {
    let run = std::panic::AssertUnwindSafe(|| parse_unguarded(source, raw, format));
    std::panic::catch_unwind(run).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into());
        Err(format!(
            "could not be read: the {} reader failed ({})",
            format.as_str(),
            what.lines().next().unwrap_or("")
        ))
    })
}

fn parse_unguarded(source: &str, raw: &[u8], format: SourceFormat) -> Result<Document, String> {
    let (text, meta) = match format {
        SourceFormat::Text | SourceFormat::Markdown => {
            let decoded = text::decode_utf8_text(raw)?;
            let body = if format == SourceFormat::Markdown {
                text::strip_markdown(&decoded)
            } else {
                // Pages saved as text keep Markdown-style links and emphasis; rendered HTML and
                // PDF text do not need this, an asterisk there is the author's.
                text::strip_links(&decoded)
            };
            let cleaned = text::clean(&body);
            let meta = meta::from_text(&cleaned);
            (cleaned.text, meta)
        }
        SourceFormat::Html => html::extract(raw)?,
        SourceFormat::Pdf => pdf::extract(raw)?,
    };
    if text.trim().is_empty() {
        return Err("empty document".into());
    }
    Ok(Document {
        id: DocumentId::from_content(raw),
        source: source.to_string(),
        format,
        meta,
        text,
    })
}

/// The keys a sidecar may hold; anything else is refused so that a typo ("pubished") is reported
/// instead of silently ignored.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Sidecar {
    title: Option<String>,
    publisher: Option<String>,
    published: Option<String>,
    source_url: Option<String>,
}

fn sidecar_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(SIDECAR_SUFFIX);
    PathBuf::from(s)
}

fn read_sidecar(path: &Path) -> Result<Option<MetaOverrides>, IngestError> {
    let side = sidecar_path(path);
    let bytes = match fs::read(&side) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(IngestError::new(
                path,
                format!("cannot read sidecar {}: {e}", side.display()),
            ))
        }
    };
    let bad =
        |why: String| IngestError::new(path, format!("invalid sidecar {}: {why}", side.display()));
    let parsed: Sidecar = serde_json::from_slice(&bytes).map_err(|e| bad(e.to_string()))?;
    let published = match parsed.published.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => {
            // Only a year, month or day the user means: `--MM-DD` has no place in a sidecar.
            if s.starts_with('-') {
                return Err(bad(format!(
                    "published must be YYYY, YYYY-MM or YYYY-MM-DD, got {s:?}"
                )));
            }
            Some(s.parse::<PartialDate>().map_err(|e| bad(e.to_string()))?)
        }
    };
    let nonempty = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(Some(MetaOverrides {
        title: nonempty(parsed.title),
        publisher: nonempty(parsed.publisher),
        published,
        source_url: nonempty(parsed.source_url),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_displays_as_one_line_path_and_reason() {
        let e = IngestError::new("a/b.txt", "empty document");
        assert_eq!(e.to_string(), "a/b.txt: empty document");
    }

    #[test]
    fn format_comes_from_the_extension_case_insensitively() {
        assert_eq!(
            format_for_path(Path::new("x/REPORT.PDF")),
            Some(SourceFormat::Pdf)
        );
        assert_eq!(
            format_for_path(Path::new("a.markdown")),
            Some(SourceFormat::Markdown)
        );
        assert_eq!(
            format_for_path(Path::new("a.xhtml")),
            Some(SourceFormat::Html)
        );
        assert_eq!(format_for_path(Path::new("a.docx")), None);
        assert_eq!(format_for_path(Path::new("README")), None);
    }

    #[test]
    fn sidecar_sits_beside_the_file_with_its_full_name() {
        assert_eq!(
            sidecar_path(Path::new("d/r.pdf")),
            PathBuf::from("d/r.pdf.meta.json")
        );
        assert!(is_sidecar(Path::new("d/r.pdf.meta.json")));
        assert!(!is_sidecar(Path::new("d/r.json")));
    }

    #[test]
    fn overrides_replace_and_are_recorded_as_supplied() {
        let mut meta = DocumentMeta {
            title: Some("Read".into()),
            ..Default::default()
        };
        MetaOverrides {
            title: Some("Given".into()),
            published: PartialDate::ym(1998, 4),
            ..Default::default()
        }
        .apply(&mut meta);
        assert_eq!(meta.title.as_deref(), Some("Given"));
        assert_eq!(meta.published, PartialDate::ym(1998, 4));
        assert!(meta.supplied.contains(&MetaField::Title));
        assert!(meta.supplied.contains(&MetaField::Published));
        assert!(!meta.supplied.contains(&MetaField::Publisher));
    }
}
