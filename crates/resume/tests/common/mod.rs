//! Builders for test documents: PDFs (lopdf), DOCX and ODT (zip), made in the test so no
//! binary fixture is needed.
#![allow(dead_code)]

use std::io::Write;

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};

/// One text run: x, y (from the bottom, PDF style), font size, text.
pub type Run<'a> = (f64, f64, f64, &'a str);

pub fn pdf(pages: &[Vec<Run<'_>>]) -> Vec<u8> {
    pdf_with(pages, false)
}

/// With `encrypted`, the trailer names a standard security handler whose user password is
/// not empty (the keys are made up, so no password opens it).
pub fn pdf_with(pages: &[Vec<Run<'_>>], encrypted: bool) -> Vec<u8> {
    build_pdf(pages, &[], encrypted)
}

/// A PDF whose page `i` also carries the annotations `annots[i]` (each stored as its own
/// object, referenced from the page's `/Annots`).
pub fn pdf_annotated(pages: &[Vec<Run<'_>>], annots: &[Vec<Object>]) -> Vec<u8> {
    build_pdf(pages, annots, false)
}

/// A link annotation with a URI action.
pub fn uri_link(uri: &[u8]) -> Object {
    Object::Dictionary(dictionary! {
        "Type" => "Annot",
        "Subtype" => "Link",
        "Rect" => vec![10.into(), 10.into(), 60.into(), 20.into()],
        "A" => dictionary! {
            "S" => "URI",
            "URI" => Object::String(uri.to_vec(), lopdf::StringFormat::Literal),
        },
    })
}

fn build_pdf(pages: &[Vec<Run<'_>>], annots: &[Vec<Object>], encrypted: bool) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids: Vec<Object> = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let mut ops = Vec::new();
        for &(x, y, size, text) in page {
            ops.push(Operation::new("BT", vec![]));
            ops.push(Operation::new("Tf", vec!["F1".into(), size.into()]));
            ops.push(Operation::new("Td", vec![x.into(), y.into()]));
            ops.push(Operation::new("Tj", vec![Object::string_literal(text)]));
            ops.push(Operation::new("ET", vec![]));
        }
        let content = Content { operations: ops };
        let content_id = doc.add_object(Stream::new(
            dictionary! {},
            content.encode().expect("encode"),
        ));
        let mut page_dict = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        };
        if let Some(list) = annots.get(i) {
            let refs: Vec<Object> = list
                .iter()
                .map(|a| doc.add_object(a.clone()).into())
                .collect();
            page_dict.set("Annots", refs);
        }
        let page_id = doc.add_object(page_dict);
        kids.push(page_id.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    if encrypted {
        let key = Object::String(
            b"0123456789abcdef0123456789abcdef".to_vec(),
            lopdf::StringFormat::Hexadecimal,
        );
        let enc = doc.add_object(dictionary! {
            "Filter" => "Standard",
            "V" => 1,
            "R" => 2,
            "Length" => 40,
            "P" => -4,
            "O" => key.clone(),
            "U" => key,
        });
        doc.trailer.set("Encrypt", enc);
        let id = Object::String(
            b"0011223344556677".to_vec(),
            lopdf::StringFormat::Hexadecimal,
        );
        doc.trailer.set("ID", vec![id.clone(), id]);
    }
    let mut buf = Vec::new();
    doc.save_to(&mut buf).expect("save");
    buf
}

/// Lines top-down at x, 14 pt apart, starting at y.
pub fn column<'a>(x: f64, y: f64, lines: &[&'a str]) -> Vec<Run<'a>> {
    lines
        .iter()
        .enumerate()
        .map(|(i, t)| (x, y - 14.0 * i as f64, 10.0, *t))
        .collect()
}

pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        w.start_file(*name, opts).expect("start");
        w.write_all(data).expect("write");
    }
    w.finish().expect("finish").into_inner()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A DOCX whose body has the given paragraphs, one table row (two cells) and a text box.
pub fn docx(paragraphs: &[&str], table: &[(&str, &str)], text_box: &str) -> Vec<u8> {
    let mut body = String::new();
    for p in paragraphs {
        body.push_str(&format!(
            "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            esc(p)
        ));
    }
    if !table.is_empty() {
        body.push_str("<w:tbl>");
        for (a, b) in table {
            body.push_str(&format!(
                "<w:tr><w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc></w:tr>",
                esc(a),
                esc(b)
            ));
        }
        body.push_str("</w:tbl>");
    }
    if !text_box.is_empty() {
        // Word writes text boxes twice: DrawingML (Choice) and VML (Fallback).
        let p = format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", esc(text_box));
        body.push_str(&format!(
            "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>{p}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>{p}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        ));
    }
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:wps=\"x\" xmlns:v=\"urn:schemas-microsoft-com:vml\"><w:body>{body}</w:body></w:document>"
    );
    zip(&[
        ("[Content_Types].xml", b"<?xml version=\"1.0\"?><Types/>"),
        ("word/document.xml", xml.as_bytes()),
    ])
}

pub fn odt(paragraphs: &[&str]) -> Vec<u8> {
    let mut body = String::new();
    for p in paragraphs {
        body.push_str(&format!("<text:p>{}</text:p>", esc(p)));
    }
    odt_body(&body)
}

/// An ODT whose `office:text` holds `body` (raw XML, e.g. with `text:a xlink:href` links).
pub fn odt_body(body: &str) -> Vec<u8> {
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><office:body><office:text>{body}</office:text></office:body></office:document-content>"
    );
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("mimetype", stored).expect("start");
    w.write_all(b"application/vnd.oasis.opendocument.text")
        .expect("write");
    let def = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    w.start_file("content.xml", def).expect("start");
    w.write_all(xml.as_bytes()).expect("write");
    w.finish().expect("finish").into_inner()
}

/// One DOCX body paragraph: plain text, or text inside a `w:hyperlink` to relationship `rid`.
pub enum Para<'a> {
    Text(&'a str),
    Link(&'a str, &'a str),
}

fn paras_xml(paras: &[Para<'_>]) -> String {
    paras
        .iter()
        .map(|p| match p {
            Para::Text(t) => format!("<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>", esc(t)),
            Para::Link(t, rid) => format!(
                "<w:p><w:hyperlink r:id=\"{rid}\" w:history=\"1\"><w:r><w:t>{}</w:t></w:r></w:hyperlink></w:p>",
                esc(t)
            ),
        })
        .collect()
}

/// A relationships part: `(id, target, external)`.
pub fn rels(list: &[(&str, &str, bool)]) -> String {
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    for (id, target, external) in list {
        x.push_str(&format!(
            "<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"{}\"{}/>",
            esc(target).replace('"', "&quot;"),
            if *external { " TargetMode=\"External\"" } else { "" }
        ));
    }
    x.push_str("</Relationships>");
    x
}

/// A DOCX with hyperlinks: a header (with its own rels part, when given) and a body whose
/// rels part is `body_rels` (raw bytes, so tests can damage it).
pub fn docx_linked(
    header: &[Para<'_>],
    header_rels: Option<&str>,
    body: &[Para<'_>],
    body_rels: &[u8],
) -> Vec<u8> {
    let ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    let doc = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document {ns}><w:body>{}</w:body></w:document>",
        paras_xml(body)
    );
    let hdr = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:hdr {ns}>{}</w:hdr>",
        paras_xml(header)
    );
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", b"<?xml version=\"1.0\"?><Types/>"),
        ("word/document.xml", doc.as_bytes()),
        ("word/_rels/document.xml.rels", body_rels),
    ];
    if !header.is_empty() {
        parts.push(("word/header1.xml", hdr.as_bytes()));
    }
    if let Some(r) = header_rels {
        parts.push(("word/_rels/header1.xml.rels", r.as_bytes()));
    }
    zip(&parts)
}

pub fn fixture(name: &str) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(p).expect("fixture")
}

/// ../shared/data (from the workspace root, or HIREKIT_SHARED_DATA) when it holds the resume
/// sets; otherwise `None` after saying that the test skips.
pub fn shared_data() -> Option<std::path::PathBuf> {
    let p = std::env::var_os("HIREKIT_SHARED_DATA")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    if p.join("resumes").is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: no shared data at {} (set HIREKIT_SHARED_DATA)", p.display());
        None
    }
}
