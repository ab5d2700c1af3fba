//! Resume documents → plain text → [`Profile`].
//!
//! [`extract`] turns the bytes of a PDF, DOCX, ODT, RTF, HTML, Markdown or text file into
//! text, refusing hostile input (size, page and decompression caps, a time limit, encrypted
//! or corrupt files) with a clear [`DocError`]. [`parse_profile`] turns text into a
//! [`Profile`] whose facts carry byte offsets into that text.
//!
//! Extraction runs on a worker thread: a panic inside a third-party parser becomes
//! `DocError::Corrupt`, and a file that takes longer than `Limits::timeout` is reported as
//! `DocError::Timeout` (the worker is told to stop at its next check).

mod detect;
mod layout;
mod ocr;
mod pdf;
mod pdfx;
mod rtf;
mod textfix;
mod zipdoc;

pub mod profile;

use std::fmt;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

pub use hirekit_model::profile::Profile;
pub use profile::{add_hyperlinks, parse_profile, parse_profile_at};

/// Caps applied to every file.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest accepted file.
    pub max_bytes: usize,
    /// Most pages read from a PDF.
    pub max_pages: u32,
    /// Largest decompressed/compressed ratio of a zip entry (DOCX, ODT).
    pub max_ratio: u64,
    /// Most bytes decompressed from a zip-based document in total.
    pub max_unzipped: u64,
    /// Time limit per file.
    pub timeout: Duration,
    /// Read a PDF without a text layer with OCR (pdftoppm + tesseract, at most 10 pages in
    /// 60 s); off by default: it is slow and needs those two programs.
    pub ocr: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 10 * 1024 * 1024,
            max_pages: 50,
            max_ratio: 100,
            max_unzipped: 50 * 1024 * 1024,
            timeout: Duration::from_secs(10),
            ocr: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Pdf,
    Docx,
    Odt,
    Rtf,
    Html,
    Text,
    Markdown,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Rtf => "rtf",
            Format::Html => "html",
            Format::Text => "text",
            Format::Markdown => "markdown",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Extracted text of one document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Document {
    pub format: Format,
    pub text: String,
    /// Page count (PDF only).
    pub pages: Option<u32>,
    /// Things the reader should know ("read only the first 50 of 80 pages").
    pub warnings: Vec<String>,
    /// Hyperlink targets (PDF link annotations, DOCX/ODT hyperlinks): `http(s)://`, `mailto:`
    /// and `tel:` only, deduplicated, in document order, at most [`MAX_LINKS`]. Often the
    /// only place a profile URL is written when the text shows an icon or a handle.
    pub links: Vec<String>,
}

/// Most hyperlink targets kept per document.
pub const MAX_LINKS: usize = 300;
/// Longest hyperlink target kept (longer ones are tracking junk or hostile).
const MAX_LINK_LEN: usize = 2048;

/// Adds one hyperlink target to `out` if it is a usable, new, absolute link and the cap is not
/// reached. Other schemes (javascript:, file:, internal anchors, relative paths) are dropped:
/// they are never a contact detail, and some are unsafe to show.
pub(crate) fn push_link(out: &mut Vec<String>, raw: &str) {
    if out.len() >= MAX_LINKS {
        return;
    }
    let t = raw.trim_matches(|c: char| c.is_whitespace() || c == '\0');
    if t.is_empty() || t.len() > MAX_LINK_LEN || t.chars().any(char::is_control) {
        return;
    }
    // Some writers leave out the scheme ("www.linkedin.com/in/…").
    let t = if t.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www.")) {
        format!("https://{t}")
    } else {
        t.to_string()
    };
    let scheme = t.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
    if !matches!(scheme.as_deref(), Some("http" | "https" | "mailto" | "tel")) {
        return;
    }
    if !out.contains(&t) {
        out.push(t);
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocError {
    #[error("file too large: {size} bytes (limit {limit})")]
    TooLarge { size: u64, limit: u64 },
    #[error("too many pages: {pages} (limit {limit})")]
    TooManyPages { pages: u32, limit: u32 },
    #[error("refused as a zip bomb: {reason}")]
    ZipBomb { reason: String },
    #[error("encrypted document (password protected)")]
    Encrypted,
    #[error("no text layer (scanned?)")]
    NoTextLayer,
    #[error("corrupt document: {0}")]
    Corrupt(String),
    #[error("unsupported file type: {0}")]
    Unsupported(String),
    #[error("timed out")]
    Timeout,
    #[error("no text layer, and OCR failed: {0}")]
    Ocr(String),
}

impl DocError {
    /// Stable machine-readable code ("too_large", "no_text_layer"…).
    pub fn code(&self) -> &'static str {
        match self {
            DocError::TooLarge { .. } => "too_large",
            DocError::TooManyPages { .. } => "too_many_pages",
            DocError::ZipBomb { .. } => "zip_bomb",
            DocError::Encrypted => "encrypted",
            DocError::NoTextLayer => "no_text_layer",
            DocError::Corrupt(_) => "corrupt",
            DocError::Unsupported(_) => "unsupported",
            DocError::Timeout => "timeout",
            DocError::Ocr(_) => "ocr_failed",
        }
    }
}

/// Cooperative stop signal and deadline shared with the worker.
#[derive(Clone)]
pub(crate) struct Budget {
    stop: Arc<AtomicBool>,
    deadline: Instant,
}

impl Budget {
    pub(crate) fn expired(&self) -> bool {
        self.stop.load(Ordering::Relaxed) || Instant::now() >= self.deadline
    }
}

/// Extracts the text of a document. `file_name` is only used for its extension, when the
/// content itself does not tell the format.
pub fn extract(bytes: &[u8], file_name: &str, limits: &Limits) -> Result<Document, DocError> {
    if bytes.len() > limits.max_bytes {
        return Err(DocError::TooLarge {
            size: bytes.len() as u64,
            limit: limits.max_bytes as u64,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DocError::Corrupt("empty file".into()));
    }
    let format = detect::detect(bytes, file_name)?;
    // Plain formats are cheap and cannot panic: no worker thread needed.
    let budget = Budget {
        stop: Arc::new(AtomicBool::new(false)),
        deadline: Instant::now() + limits.timeout,
    };
    let doc = match format {
        Format::Text | Format::Markdown | Format::Html | Format::Rtf => {
            extract_as(format, bytes, limits, &budget)?
        }
        Format::Pdf | Format::Docx | Format::Odt => on_worker(format, bytes, limits, budget)?,
    };
    if doc.text.trim().is_empty() && format == Format::Pdf && limits.ocr {
        let (text, pages) = ocr::pdf_text(bytes, limits.max_pages)?;
        if text.trim().is_empty() {
            return Err(DocError::NoTextLayer);
        }
        let mut warnings = doc.warnings;
        warnings.push(format!(
            "no text layer: read by OCR ({pages} page(s)); check names, dates and numbers"
        ));
        return Ok(Document {
            text: textfix::tidy(&text),
            warnings,
            ..doc
        });
    }
    if doc.text.trim().is_empty() {
        return Err(if format == Format::Pdf {
            DocError::NoTextLayer
        } else {
            DocError::Corrupt("no text found".into())
        });
    }
    Ok(doc)
}

fn on_worker(
    format: Format,
    bytes: &[u8],
    limits: &Limits,
    budget: Budget,
) -> Result<Document, DocError> {
    let (tx, rx) = mpsc::channel();
    let owned = bytes.to_vec();
    let lim = limits.clone();
    let b = budget.clone();
    let spawned = std::thread::Builder::new()
        .name("hirekit-resume-extract".into())
        .spawn(move || {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                extract_as(format, &owned, &lim, &b)
            }));
            let r = r.unwrap_or_else(|p| {
                let msg = p
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "parser failure".into());
                Err(DocError::Corrupt(format!(
                    "parser failed: {}",
                    first_line(&msg)
                )))
            });
            let _ = tx.send(r);
        });
    if spawned.is_err() {
        return Err(DocError::Corrupt("cannot start a worker thread".into()));
    }
    match rx.recv_timeout(limits.timeout) {
        Ok(r) => r,
        Err(_) => {
            budget.stop.store(true, Ordering::Relaxed);
            Err(DocError::Timeout)
        }
    }
}

fn first_line(s: &str) -> &str {
    let l = s.lines().next().unwrap_or("");
    let mut cut = l.len().min(200);
    while !l.is_char_boundary(cut) {
        cut -= 1;
    }
    &l[..cut]
}

fn extract_as(
    format: Format,
    bytes: &[u8],
    limits: &Limits,
    budget: &Budget,
) -> Result<Document, DocError> {
    let mut warnings = Vec::new();
    let mut pages = None;
    let mut links = Vec::new();
    let text = match format {
        Format::Pdf => {
            let (t, n) = pdf::extract(bytes, limits, budget, &mut warnings, &mut links)?;
            pages = Some(n);
            t
        }
        Format::Docx => zipdoc::docx(bytes, limits, budget, &mut links)?,
        Format::Odt => zipdoc::odt(bytes, limits, budget, &mut links)?,
        Format::Rtf => rtf::to_text(&String::from_utf8_lossy(bytes)),
        Format::Html => hirekit_model::text::html_to_text(&decode_text(bytes)),
        Format::Text | Format::Markdown => decode_text(bytes),
    };
    if budget.expired() {
        return Err(DocError::Timeout);
    }
    Ok(Document {
        format,
        text: textfix::tidy(&text),
        pages,
        warnings,
        links,
    })
}

/// UTF-8 (lossy), or UTF-16 with a byte-order mark.
fn decode_text(bytes: &[u8]) -> String {
    let utf16 = |le: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    match bytes {
        [0xFF, 0xFE, ..] => utf16(true),
        [0xFE, 0xFF, ..] => utf16(false),
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// A document and the profile parsed from its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub document: Document,
    pub profile: Profile,
}

pub fn parse_bytes(bytes: &[u8], file_name: &str, limits: &Limits) -> Result<Parsed, DocError> {
    let document = extract(bytes, file_name, limits)?;
    let mut profile = parse_profile(&document.text);
    add_hyperlinks(&mut profile, &document.links);
    Ok(Parsed { document, profile })
}

pub fn parse_file(path: &Path, limits: &Limits) -> Result<Parsed, DocError> {
    let meta =
        std::fs::metadata(path).map_err(|e| DocError::Corrupt(format!("cannot read file: {e}")))?;
    if meta.len() > limits.max_bytes as u64 {
        return Err(DocError::TooLarge {
            size: meta.len(),
            limit: limits.max_bytes as u64,
        });
    }
    let bytes =
        std::fs::read(path).map_err(|e| DocError::Corrupt(format!("cannot read file: {e}")))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    parse_bytes(&bytes, name, limits)
}

/// Parses many documents (`(file name, bytes)`) on all cores; results in input order, one
/// per document, so one bad file never stops the batch.
pub fn parse_batch<B: AsRef<[u8]> + Sync>(
    docs: &[(String, B)],
    limits: &Limits,
) -> Vec<Result<Parsed, DocError>> {
    use rayon::prelude::*;
    docs.par_iter()
        .map(|(name, bytes)| parse_bytes(bytes.as_ref(), name, limits))
        .collect()
}

/// [`parse_file`] for many paths on all cores; results in input order.
pub fn parse_files(paths: &[std::path::PathBuf], limits: &Limits) -> Vec<Result<Parsed, DocError>> {
    use rayon::prelude::*;
    paths.par_iter().map(|p| parse_file(p, limits)).collect()
}
