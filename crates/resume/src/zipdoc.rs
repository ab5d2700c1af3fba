//! DOCX and ODT: a zip archive of XML parts. Every read goes through a byte budget, so a
//! zip bomb is refused while inflating rather than after.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;
use zip::ZipArchive;

use crate::{Budget, DocError, Limits};

/// Entries smaller than this are never refused for their ratio: tiny XML parts compress
/// very well and are harmless.
const RATIO_FREE: u64 = 1024 * 1024;

struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    used: u64,
    limits: &'a Limits,
}

impl<'a> Archive<'a> {
    fn open(bytes: &'a [u8], limits: &'a Limits) -> Result<Self, DocError> {
        let mut zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| DocError::Corrupt(format!("bad zip archive: {e}")))?;
        // Declared sizes can lie, but when they are honest we can refuse without inflating.
        let mut declared: u64 = 0;
        for i in 0..zip.len() {
            if let Some(meta) = zip
                .by_index_raw(i)
                .ok()
                .map(|f| (f.size(), f.compressed_size()))
            {
                declared = declared.saturating_add(meta.0);
                if meta.0 > RATIO_FREE && meta.0 / meta.1.max(1) > limits.max_ratio {
                    return Err(DocError::ZipBomb {
                        reason: format!(
                            "an entry declares a {}:1 compression ratio (limit {})",
                            meta.0 / meta.1.max(1),
                            limits.max_ratio
                        ),
                    });
                }
            }
        }
        let _ = declared; // honest archives with many parts can exceed the cap in parts we never read
        Ok(Archive {
            zip,
            used: 0,
            limits,
        })
    }

    fn names(&self) -> Vec<String> {
        self.zip.file_names().map(str::to_string).collect()
    }

    /// Reads one entry through the ratio and total caps. `Ok(None)` when it is absent.
    fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, DocError> {
        let entry = match self.zip.by_name(name) {
            Ok(e) => e,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(DocError::Corrupt(format!("cannot read {name}: {e}"))),
        };
        if entry.encrypted() {
            return Err(DocError::Encrypted);
        }
        let by_ratio = entry
            .compressed_size()
            .max(1)
            .saturating_mul(self.limits.max_ratio)
            .max(RATIO_FREE);
        let by_total = self.limits.max_unzipped.saturating_sub(self.used);
        let cap = by_ratio.min(by_total);
        let mut buf = Vec::new();
        entry
            .take(cap + 1)
            .read_to_end(&mut buf)
            .map_err(|e| DocError::Corrupt(format!("cannot inflate {name}: {e}")))?;
        if buf.len() as u64 > cap {
            let reason = if cap == by_total {
                format!(
                    "more than {} bytes once decompressed",
                    self.limits.max_unzipped
                )
            } else {
                format!("{name} inflates more than {}:1", self.limits.max_ratio)
            };
            return Err(DocError::ZipBomb { reason });
        }
        self.used += buf.len() as u64;
        Ok(Some(buf))
    }
}

pub fn docx(
    bytes: &[u8],
    limits: &Limits,
    budget: &Budget,
    links: &mut Vec<String>,
) -> Result<String, DocError> {
    let mut ar = Archive::open(bytes, limits)?;
    if ar.names().iter().any(|n| n == "EncryptedPackage") {
        return Err(DocError::Encrypted);
    }
    let body = ar
        .read("word/document.xml")?
        .ok_or_else(|| DocError::Corrupt("DOCX without word/document.xml".into()))?;
    // Headers often hold the name and contact line; read them first.
    let mut headers: Vec<String> = ar
        .names()
        .into_iter()
        .filter(|n| n.starts_with("word/header") && n.ends_with(".xml"))
        .collect();
    headers.sort();
    let mut out = String::new();
    for h in headers {
        if let Some(x) = ar.read(&h)? {
            let mut ids = Vec::new();
            let t = xml_text(&x, &DOCX, budget, &mut ids)?;
            if !t.trim().is_empty() {
                out.push_str(&t);
                out.push('\n');
            }
            docx_links(&mut ar, &h, &ids, links)?;
        }
    }
    let mut ids = Vec::new();
    out.push_str(&xml_text(&body, &DOCX, budget, &mut ids)?);
    docx_links(&mut ar, "word/document.xml", &ids, links)?;
    Ok(out)
}

/// Resolves the relationship ids of a part's `w:hyperlink` elements to their external
/// targets (`word/_rels/<part>.rels`). Only referenced relationships count: a relationship
/// nothing points at was edited out of the document (stale, or removed on purpose, e.g. by
/// anonymisation) and is not a link the reader sees.
fn docx_links(
    ar: &mut Archive<'_>,
    part: &str,
    ids: &[String],
    links: &mut Vec<String>,
) -> Result<(), DocError> {
    if ids.is_empty() || links.len() >= crate::MAX_LINKS {
        return Ok(());
    }
    let Some((dir, file)) = part.rsplit_once('/') else {
        return Ok(());
    };
    // A rels part that cannot be read (broken, over a cap) loses the links, not the text.
    let rels = match ar.read(&format!("{dir}/_rels/{file}.rels")) {
        Ok(Some(x)) => external_targets(&x),
        _ => return Ok(()),
    };
    let by_id: std::collections::HashMap<&str, &str> = rels
        .iter()
        .map(|(i, t)| (i.as_str(), t.as_str()))
        .collect();
    for id in ids {
        if let Some(target) = by_id.get(id.as_str()) {
            crate::push_link(links, target);
        }
    }
    Ok(())
}

/// Most relationships read from one rels part.
const MAX_RELS: usize = 5000;

/// `(Id, Target)` of every relationship with `TargetMode="External"` in a rels part. Stops
/// quietly at the first XML error: what was read before still counts.
fn external_targets(xml: &[u8]) -> Vec<(String, String)> {
    let mut r = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    loop {
        let e = match r.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => e,
            Ok(Event::Eof) | Err(_) | Ok(Event::DocType(_)) => break,
            Ok(_) => {
                buf.clear();
                continue;
            }
        };
        if e.local_name().as_ref() == b"Relationship" {
            let (mut id, mut target, mut external) = (None, None, false);
            for a in e.attributes().flatten() {
                let v = a.unescape_value().map(|v| v.into_owned()).ok();
                match a.key.local_name().as_ref() {
                    b"Id" => id = v,
                    b"Target" => target = v,
                    b"TargetMode" => {
                        external = v.is_some_and(|v| v.eq_ignore_ascii_case("external"))
                    }
                    _ => {}
                }
            }
            if let (Some(id), Some(target), true) = (id, target, external) {
                out.push((id, target));
                if out.len() >= MAX_RELS {
                    break;
                }
            }
        }
        buf.clear();
    }
    out
}

pub fn odt(
    bytes: &[u8],
    limits: &Limits,
    budget: &Budget,
    links: &mut Vec<String>,
) -> Result<String, DocError> {
    let mut ar = Archive::open(bytes, limits)?;
    let manifest = ar.read("META-INF/manifest.xml")?.unwrap_or_default();
    if crate::detect::memfind(&manifest, b"encryption-data").is_some() {
        return Err(DocError::Encrypted);
    }
    let body = ar
        .read("content.xml")?
        .ok_or_else(|| DocError::Corrupt("ODT without content.xml".into()))?;
    // ODT writes the target on the link itself (`text:a xlink:href`).
    let mut hrefs = Vec::new();
    let text = xml_text(&body, &ODT, budget, &mut hrefs)?;
    for h in &hrefs {
        crate::push_link(links, h);
    }
    Ok(text)
}

/// Which local element names mean what, per format.
struct Vocab {
    /// Text-bearing elements.
    text: &'static [&'static [u8]],
    /// Elements whose end is a line break.
    para: &'static [&'static [u8]],
    /// Elements whose end separates table cells.
    cell: &'static [&'static [u8]],
    /// Empty elements that stand for a tab / a line break / a space.
    tab: &'static [&'static [u8]],
    brk: &'static [&'static [u8]],
    space: &'static [&'static [u8]],
    /// Subtrees to skip entirely (deleted text, field codes, duplicate fallbacks).
    skip: &'static [&'static [u8]],
    /// Whether text anywhere counts (ODT) or only inside `text` elements (DOCX).
    text_anywhere: bool,
    /// Hyperlink element and the attribute naming its target (DOCX: a relationship id).
    link: (&'static [u8], &'static [u8]),
}

const DOCX: Vocab = Vocab {
    text: &[b"t"],
    // Each table cell holds its own paragraphs, so cells come out one per line.
    para: &[b"p"],
    cell: &[],
    tab: &[b"tab", b"ptab"],
    brk: &[b"br", b"cr"],
    space: &[],
    skip: &[b"delText", b"instrText", b"Fallback", b"rPr", b"pPr"],
    text_anywhere: false,
    link: (b"hyperlink", b"id"),
};

const ODT: Vocab = Vocab {
    text: &[],
    para: &[b"p", b"h"],
    cell: &[],
    tab: &[b"tab"],
    brk: &[b"line-break"],
    space: &[b"s"],
    skip: &[b"tracked-changes", b"annotation", b"note-citation"],
    text_anywhere: true,
    link: (b"a", b"href"),
};

fn has(list: &[&[u8]], name: &[u8]) -> bool {
    list.contains(&name)
}

/// Most hyperlink references collected from one part.
const MAX_REFS: usize = 1000;

/// The text of one XML part; the targets of its hyperlink elements (with content, outside
/// skipped subtrees) go to `refs` in document order.
fn xml_text(
    xml: &[u8],
    v: &Vocab,
    budget: &Budget,
    refs: &mut Vec<String>,
) -> Result<String, DocError> {
    let mut r = Reader::from_reader(xml);
    let mut out = String::new();
    let mut in_text = 0usize;
    let mut skip = 0usize;
    let mut buf = Vec::new();
    let mut events = 0u32;
    loop {
        events = events.wrapping_add(1);
        if events.is_multiple_of(4096) && budget.expired() {
            return Err(DocError::Timeout);
        }
        let ev = r
            .read_event_into(&mut buf)
            .map_err(|e| DocError::Corrupt(format!("bad XML: {e}")))?;
        match ev {
            Event::Eof => break,
            Event::DocType(_) => return Err(DocError::Corrupt("XML with a DTD".into())),
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if skip > 0 || has(v.skip, name) {
                    skip += 1;
                } else if has(v.text, name) {
                    in_text += 1;
                } else if name == v.link.0 && refs.len() < MAX_REFS {
                    let target = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == v.link.1)
                        .and_then(|a| a.unescape_value().ok().map(|s| s.into_owned()));
                    if let Some(t) = target.filter(|t| !refs.contains(t)) {
                        refs.push(t);
                    }
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if skip > 0 {
                    skip -= 1;
                } else if has(v.text, name) {
                    in_text = in_text.saturating_sub(1);
                } else if has(v.para, name) {
                    out.push('\n');
                } else if has(v.cell, name) {
                    out.push_str("  ");
                }
            }
            Event::Empty(e) => {
                if skip > 0 {
                    continue;
                }
                let name = e.local_name();
                let name = name.as_ref();
                if has(v.tab, name) {
                    out.push('\t');
                } else if has(v.brk, name) || has(v.para, name) {
                    out.push('\n');
                } else if has(v.space, name) {
                    let n = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == b"c")
                        .and_then(|a| {
                            std::str::from_utf8(&a.value)
                                .ok()
                                .and_then(|s| s.parse::<usize>().ok())
                        })
                        .unwrap_or(1);
                    out.push_str(&" ".repeat(n.min(8)));
                }
            }
            Event::Text(t) if skip == 0 && (in_text > 0 || v.text_anywhere) => {
                let s = t
                    .decode()
                    .map_err(|e| DocError::Corrupt(format!("bad text encoding: {e}")))?;
                if v.text_anywhere {
                    // ODT: whitespace between elements is layout, not content.
                    let collapsed: String = s.split(['\n', '\r']).collect::<Vec<_>>().join(" ");
                    out.push_str(&collapsed);
                } else {
                    out.push_str(&s);
                }
            }
            Event::CData(t) if skip == 0 && (in_text > 0 || v.text_anywhere) => {
                out.push_str(&String::from_utf8_lossy(&t));
            }
            Event::GeneralRef(g) if skip == 0 && (in_text > 0 || v.text_anywhere) => {
                if let Ok(Some(c)) = g.resolve_char_ref() {
                    out.push(c);
                } else {
                    let name: &[u8] = &g;
                    out.push_str(match name {
                        b"amp" => "&",
                        b"lt" => "<",
                        b"gt" => ">",
                        b"quot" => "\"",
                        b"apos" => "'",
                        _ => "",
                    });
                }
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}
