//! PDF text layer: lopdf for the structure (encryption, page count), the content interpreter
//! in `pdfx` (a trimmed pdf-extract) for the glyphs with their positions, and our own layout
//! (lines, columns) for reading order.

use lopdf::Document as PdfDoc;
use crate::pdfx::{MediaBox, OutputDev, OutputError, Processor, Transform};

use crate::layout::{self, Glyph};
use crate::{Budget, DocError, Limits};

pub fn extract(
    bytes: &[u8],
    limits: &Limits,
    budget: &Budget,
    warnings: &mut Vec<String>,
    links: &mut Vec<String>,
) -> Result<(String, u32), DocError> {
    let doc = match PdfDoc::load_mem(bytes) {
        Ok(d) => d,
        Err(e) => {
            let msg = e.to_string();
            let low = msg.to_ascii_lowercase();
            if low.contains("decrypt") || low.contains("password") || low.contains("encrypt") {
                return Err(DocError::Encrypted);
            }
            return Err(DocError::Corrupt(format!(
                "unreadable PDF: {}",
                crate::first_line(&msg)
            )));
        }
    };
    // lopdf opens documents that only have an owner password (empty user password); a
    // document still encrypted after loading needs a password we do not have.
    if doc.is_encrypted() {
        return Err(DocError::Encrypted);
    }
    let pages = doc.get_pages();
    let n = pages.len() as u32;
    if n == 0 {
        return Err(DocError::Corrupt("PDF has no pages".into()));
    }
    if n > limits.max_pages {
        return Err(DocError::TooManyPages {
            pages: n,
            limit: limits.max_pages,
        });
    }
    let mut out = String::new();
    let mut failed = 0;
    let empty = lopdf::Dictionary::new();
    // One processor for the whole document: fonts are built once, not once per page.
    let mut proc = Processor::new();
    for (&page, &id) in &pages {
        if budget.expired() {
            return Err(DocError::Timeout);
        }
        let mut dev = Collector {
            glyphs: Vec::new(),
            height: 0.0,
            width: 0.0,
            budget: budget.clone(),
        };
        // One bad page (a broken font, a missing resource) must not lose the others.
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            crate::pdfx::output_page(page, id, &doc, &mut proc, &mut dev, &empty)
        }));
        match r {
            Ok(Ok(())) => {}
            Ok(Err(_)) | Err(_) => {
                if budget.expired() {
                    return Err(DocError::Timeout);
                }
                failed += 1;
            }
        }
        page_links(&doc, id, links);
        let text = layout::page_text(dev.glyphs, dev.width);
        if !text.trim().is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&text);
        }
    }
    if failed > 0 {
        if failed == n && out.trim().is_empty() {
            return Err(DocError::Corrupt("no page could be read".into()));
        }
        warnings.push(format!("{failed} of {n} pages could not be read fully"));
    }
    Ok((out, n))
}

/// Most annotations looked at per page: a page with thousands is hostile or generated junk.
const MAX_ANNOTS: usize = 500;

/// The URI targets of a page's link annotations (`/Annots` → `/Subtype /Link` →
/// `/A << /S /URI /URI (…) >>`), in the page's order. Anything malformed is skipped.
fn page_links(doc: &PdfDoc, page: lopdf::ObjectId, out: &mut Vec<String>) {
    let Ok(dict) = doc.get_dictionary(page) else {
        return;
    };
    let Some(annots) = dict
        .get(b"Annots")
        .ok()
        .and_then(|a| deref(doc, a))
        .and_then(|a| a.as_array().ok())
    else {
        return;
    };
    for a in annots.iter().take(MAX_ANNOTS) {
        if out.len() >= crate::MAX_LINKS {
            return;
        }
        if let Some(uri) = deref(doc, a).and_then(|a| annot_uri(doc, a)) {
            crate::push_link(out, &uri);
        }
    }
}

fn deref<'a>(doc: &'a PdfDoc, o: &'a lopdf::Object) -> Option<&'a lopdf::Object> {
    doc.dereference(o).ok().map(|(_, o)| o)
}

/// The target of one link annotation with a URI action, if that is what it is.
fn annot_uri(doc: &PdfDoc, annot: &lopdf::Object) -> Option<String> {
    let d = annot.as_dict().ok()?;
    if d.get(b"Subtype").ok()?.as_name().ok()? != b"Link" {
        return None;
    }
    let action = deref(doc, d.get(b"A").ok()?)?.as_dict().ok()?;
    if action.get(b"S").ok()?.as_name().ok()? != b"URI" {
        return None;
    }
    let uri = deref(doc, action.get(b"URI").ok()?)?.as_str().ok()?;
    // URIs are 7-bit ASCII by the spec; writers that use a UTF-16 text string add a BOM.
    Some(match uri {
        [0xFE, 0xFF, rest @ ..] => {
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        _ => String::from_utf8_lossy(uri).into_owned(),
    })
}

/// Receives every glyph with its position (top-left origin, y downwards).
struct Collector {
    glyphs: Vec<Glyph>,
    height: f64,
    width: f64,
    budget: Budget,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page: u32,
        mb: &MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = mb.ury - mb.lly;
        self.width = mb.urx - mb.llx;
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), OutputError> {
        if self.glyphs.len().is_multiple_of(256) && self.budget.expired() {
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        // Size of the glyph box after the text matrix (same measure as pdf-extract's own
        // plain-text output).
        let sx = trm.m11 * font_size + trm.m21 * font_size;
        let sy = trm.m12 * font_size + trm.m22 * font_size;
        let size = (sx * sy).abs().sqrt();
        let x = trm.m31;
        let y = self.height - trm.m32;
        if !x.is_finite() || !y.is_finite() || !size.is_finite() {
            return Ok(());
        }
        // Rotated text (vertical margins) would scramble lines; skip it.
        if trm.m12.abs() > trm.m11.abs() {
            return Ok(());
        }
        // TeX fonts map the hyphen to U+00AD (soft hyphen), which would vanish later.
        let text = if ch == "\u{ad}" {
            "-".to_string()
        } else if ch.len() >= 4
            && ch
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b == b'-' || b.is_ascii_digit())
        {
            // Icon fonts decode to glyph names ("GITHUB-SQUARE"): not text.
            " ".to_string()
        } else {
            ch.to_string()
        };
        self.glyphs.push(Glyph {
            x,
            y,
            end: x + width * size,
            size: size.max(1.0),
            text,
        });
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
