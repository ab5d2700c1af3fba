//! OCR of a scanned resume (`Limits::ocr`): a text PDF is rendered to a grey image with
//! pdftoppm, the image alone is put in a new PDF (no text layer: a scan), and extraction with
//! OCR must read the words back. Skips when pdftoppm or tesseract is missing
//! (scripts/test.sh installs poppler-utils and tesseract-ocr).

mod common;

use hirekit_resume::{extract, DocError, Limits};
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};
use std::process::Command;

fn have(tool: &str) -> bool {
    Command::new(tool).arg("-v").output().is_ok()
}

/// A binary PGM (P5) image: width, height, 8-bit grey pixels.
fn read_pgm(b: &[u8]) -> (i64, i64, Vec<u8>) {
    // Header: "P5", width, height, maxval, each separated by whitespace, then one byte.
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while b[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !b[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(std::str::from_utf8(&b[start..i]).unwrap().to_string());
    }
    assert_eq!(fields[0], "P5");
    let (w, h): (i64, i64) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let px = b[i + 1..].to_vec();
    assert_eq!(px.len() as i64, w * h);
    (w, h, px)
}

/// A one-page PDF whose only content is the grey image, drawn over the whole A4 page.
fn image_pdf(w: i64, h: i64, px: Vec<u8>) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let img = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => w, "Height" => h,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        px,
    ));
    let ops = vec![
        Operation::new("q", vec![]),
        Operation::new("cm", vec![595.into(), 0.into(), 0.into(), 842.into(), 0.into(), 0.into()]),
        Operation::new("Do", vec!["Im0".into()]),
        Operation::new("Q", vec![]),
    ];
    let content = doc.add_object(Stream::new(dictionary! {}, Content { operations: ops }.encode().unwrap()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        "Resources" => dictionary! { "XObject" => dictionary! { "Im0" => img } },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut buf = Vec::new();
    doc.save_to(&mut buf).unwrap();
    buf
}

#[test]
fn a_scanned_pdf_is_read_with_ocr_only_when_asked() {
    if !have("pdftoppm") || !have("tesseract") {
        eprintln!("skipping: pdftoppm or tesseract not installed (Debian: poppler-utils tesseract-ocr)");
        return;
    }
    let lines = [
        "Jane Doe",
        "jane.doe@example.org",
        "Experience",
        "Senior Backend Engineer, Acme GmbH, 2018 - 2023",
        "Skills: Python, Kubernetes, PostgreSQL",
    ];
    let runs: Vec<_> = lines.iter().enumerate().map(|(i, t)| (72.0, 760.0 - 24.0 * i as f64, 14.0, *t)).collect();
    let text_pdf = common::pdf(&[runs]);
    let dir = std::env::temp_dir().join(format!("hirekit-ocr-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("in.pdf"), &text_pdf).unwrap();
    let ok = Command::new("pdftoppm")
        .args(["-r", "150", "-gray", "-singlefile"])
        .arg(dir.join("in.pdf"))
        .arg(dir.join("page"))
        .status()
        .unwrap()
        .success();
    assert!(ok, "pdftoppm failed");
    let (w, h, px) = read_pgm(&std::fs::read(dir.join("page.pgm")).unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
    let scan = image_pdf(w, h, px);

    // Without OCR: the clear "no text layer" error, never an empty profile.
    assert_eq!(extract(&scan, "scan.pdf", &Limits::default()), Err(DocError::NoTextLayer));

    let with_ocr = Limits { ocr: true, ..Limits::default() };
    let d = extract(&scan, "scan.pdf", &with_ocr).expect("OCR reads the scan");
    for want in ["Jane Doe", "Backend Engineer", "Kubernetes", "PostgreSQL", "2018"] {
        assert!(d.text.contains(want), "{want:?} not in OCR text:\n{}", d.text);
    }
    assert!(d.warnings.iter().any(|w| w.contains("OCR")), "{:?}", d.warnings);
    let p = hirekit_resume::parse_profile(&d.text);
    assert!(p.skills.iter().any(|s| s.name == "Kubernetes"), "{:?}", p.skills);

    // A PDF with a text layer is not sent to OCR: same text with and without the flag.
    assert_eq!(
        extract(&text_pdf, "cv.pdf", &with_ocr).unwrap().text,
        extract(&text_pdf, "cv.pdf", &Limits::default()).unwrap().text
    );
}

#[test]
fn ocr_of_garbage_is_an_error_not_a_hang() {
    if !have("pdftoppm") {
        eprintln!("skipping: pdftoppm not installed");
        return;
    }
    // Starts like a PDF, is not one: lopdf and pdftoppm both refuse it.
    let junk = b"%PDF-1.5\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF".to_vec();
    let r = extract(&junk, "x.pdf", &Limits { ocr: true, ..Limits::default() });
    assert!(r.is_err(), "{r:?}");
}
