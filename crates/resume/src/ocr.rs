//! OCR for PDFs without a text layer, when asked for (`Limits::ocr`): poppler's `pdftoppm`
//! renders the pages, `tesseract` reads them (Debian packages `poppler-utils` and
//! `tesseract-ocr`). Both run as child processes in a private temporary folder, killed when
//! they outlast the time limit, so a hostile scan cannot hang or crash hirekit. The OCR time
//! (`TIMEOUT`) comes on top of the per-file limit, which covers reading the text layer.

use crate::DocError;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Pages read by OCR at most (a resume has one to three; each costs seconds).
pub const MAX_PAGES: u32 = 10;
/// Time for the whole document: rendering and reading every page.
pub const TIMEOUT: Duration = Duration::from_secs(60);
/// Longest side of a rendered page in pixels: about 300 dpi for A4 or Letter, where
/// tesseract reads body text best, and a cap, so a hostile page size cannot make pdftoppm
/// write gigabytes.
const SCALE_TO: &str = "3500";

fn ocr_err(msg: String) -> DocError {
    DocError::Ocr(msg)
}

/// Runs a tool to completion or until `deadline`, then kills it.
fn run(tool: &str, args: &[&std::ffi::OsStr], deadline: Instant) -> Result<(), DocError> {
    let mut child = Command::new(tool)
        .args(args)
        // One thread each: batches already read several files at once.
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                ocr_err(format!(
                    "{tool} not found (install the Debian packages poppler-utils and tesseract-ocr)"
                ))
            } else {
                ocr_err(format!("cannot start {tool}: {e}"))
            }
        })?;
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => return Err(ocr_err(format!("{tool} failed ({status})"))),
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(DocError::Timeout);
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(ocr_err(format!("{tool}: {e}")));
            }
        }
    }
}

/// The page images pdftoppm wrote (`page-1.pgm`, `page-02.pgm`…), in page order.
fn page_images(dir: &Path) -> Vec<PathBuf> {
    let mut pages: Vec<(u32, PathBuf)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter_map(|p| {
            let stem = p.file_stem()?.to_str()?;
            let n: u32 = stem.strip_prefix("page-")?.parse().ok()?;
            (p.extension()? == "pgm").then_some((n, p))
        })
        .collect();
    pages.sort();
    pages.into_iter().map(|(_, p)| p).collect()
}

/// The text of a scanned PDF, page by page, and the number of pages read.
pub fn pdf_text(bytes: &[u8], max_pages: u32) -> Result<(String, u32), DocError> {
    let deadline = Instant::now() + TIMEOUT;
    // Private (mode 0700), unpredictable, removed when dropped.
    let dir = tempfile::Builder::new()
        .prefix("hirekit-ocr-")
        .tempdir()
        .map_err(|e| ocr_err(format!("temporary folder: {e}")))?;
    let input = dir.path().join("in.pdf");
    std::fs::write(&input, bytes).map_err(|e| ocr_err(format!("temporary file: {e}")))?;
    let last = max_pages.clamp(1, MAX_PAGES).to_string();
    let prefix = dir.path().join("page");
    run(
        "pdftoppm",
        &[
            "-scale-to".as_ref(),
            SCALE_TO.as_ref(),
            "-gray".as_ref(),
            "-l".as_ref(),
            last.as_ref(),
            input.as_os_str(),
            prefix.as_os_str(),
        ],
        deadline,
    )?;
    let pages = page_images(dir.path());
    let mut text = String::new();
    for (i, page) in pages.iter().enumerate() {
        let out = dir.path().join(format!("text-{i}"));
        run("tesseract", &[page.as_os_str(), out.as_os_str()], deadline)?;
        let t = std::fs::read_to_string(out.with_extension("txt"))
            .map_err(|e| ocr_err(format!("tesseract output: {e}")))?;
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(t.trim_end_matches(['\n', '\u{c}']));
    }
    Ok((text, pages.len() as u32))
}
