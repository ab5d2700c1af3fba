//! Format detection: magic bytes first, the file extension second.

use crate::{DocError, Format};

/// Signatures of common non-document files, to refuse them by name.
const OTHER_MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\xD0\xCF\x11\xE0", "legacy MS Office (.doc) file"),
    (b"\x1F\x8B", "gzip archive"),
    (b"Rar!", "RAR archive"),
    (b"7z\xBC\xAF", "7-Zip archive"),
    (b"\x7FELF", "executable"),
    (b"MZ", "executable"),
];

pub fn detect(bytes: &[u8], file_name: &str) -> Result<Format, DocError> {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let head = &bytes[..bytes.len().min(1024)];
    if memfind(head, b"%PDF-").is_some() {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return zip_kind(bytes, &ext);
    }
    let trimmed = trim_start(bytes);
    if trimmed.starts_with(b"{\\rtf") {
        return Ok(Format::Rtf);
    }
    for (magic, what) in OTHER_MAGIC {
        if bytes.starts_with(magic) {
            return Err(DocError::Unsupported(format!("{what}{}", named(&ext))));
        }
    }
    if looks_binary(head) {
        return Err(match ext.as_str() {
            "pdf" => DocError::Corrupt("not a PDF (no %PDF header)".into()),
            "docx" | "odt" => DocError::Corrupt(format!("not a {ext} (not a zip archive)")),
            _ => DocError::Unsupported(format!("binary data{}", named(&ext))),
        });
    }
    match ext.as_str() {
        "pdf" => return Err(DocError::Corrupt("not a PDF (no %PDF header)".into())),
        "docx" | "odt" => return Err(DocError::Corrupt(format!("not a {ext} (not a zip archive)"))),
        _ => {}
    }
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let trimmed_lower = trim_start(&lower);
    if trimmed_lower.starts_with(b"<!doctype html")
        || trimmed_lower.starts_with(b"<html")
        || (trimmed_lower.starts_with(b"<") && (memfind(&lower, b"<body").is_some() || memfind(&lower, b"<div").is_some()))
        || matches!(ext.as_str(), "html" | "htm" | "xhtml")
    {
        return Ok(Format::Html);
    }
    if matches!(ext.as_str(), "md" | "markdown") {
        return Ok(Format::Markdown);
    }
    Ok(Format::Text)
}

fn named(ext: &str) -> String {
    if ext.is_empty() {
        String::new()
    } else {
        format!(" (named .{ext})")
    }
}

fn zip_kind(bytes: &[u8], ext: &str) -> Result<Format, DocError> {
    // The local file names are in the clear; no need to open the archive here.
    if memfind(bytes, b"word/document.xml").is_some() {
        return Ok(Format::Docx);
    }
    if memfind(&bytes[..bytes.len().min(200)], b"application/vnd.oasis.opendocument.text").is_some() {
        return Ok(Format::Odt);
    }
    match ext {
        "docx" => Ok(Format::Docx),
        "odt" => Ok(Format::Odt),
        _ => Err(DocError::Unsupported("zip archive that is neither DOCX nor ODT".into())),
    }
}

fn trim_start(b: &[u8]) -> &[u8] {
    let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b);
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

/// NUL bytes or many control bytes: not text. UTF-16 with a BOM counts as text.
fn looks_binary(head: &[u8]) -> bool {
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return false;
    }
    if head.contains(&0) {
        return true;
    }
    let ctrl = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    ctrl * 10 > head.len()
}

pub fn memfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}
