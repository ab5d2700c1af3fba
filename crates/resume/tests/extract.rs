//! Documents → text: every format, reading order, and hostile input.

mod common;

use std::time::{Duration, Instant};

use hirekit_resume::{extract, DocError, Format, Limits};
use proptest::prelude::*;

fn lim() -> Limits {
    Limits::default()
}

#[test]
fn plain_formats() {
    let d = extract(&common::fixture("jane_doe.txt"), "jane_doe.txt", &lim()).expect("txt");
    assert_eq!(d.format, Format::Text);
    assert!(d.text.starts_with("Jane Doe\nBerlin, Germany"));

    let d = extract(
        &common::fixture("max_mustermann.md"),
        "max_mustermann.md",
        &lim(),
    )
    .expect("md");
    assert_eq!(d.format, Format::Markdown);
    assert!(d.text.contains("## Berufserfahrung"));

    let d = extract(&common::fixture("marie_dupont.html"), "cv.html", &lim()).expect("html");
    assert_eq!(d.format, Format::Html);
    assert!(d.text.contains("Marie Dupont"));
    assert!(d.text.contains("Expérience professionnelle"));
    assert!(
        !d.text.contains("<h2>") && !d.text.contains("font-family"),
        "{}",
        d.text
    );

    let d = extract(&common::fixture("carlos_garcia.rtf"), "cv.rtf", &lim()).expect("rtf");
    assert_eq!(d.format, Format::Rtf);
    assert!(
        d.text.starts_with("Carlos García López\nMadrid, España"),
        "{}",
        d.text
    );
    assert!(
        !d.text.contains("Helvetica")
            && !d.text.contains("89504e47")
            && !d.text.contains("Someone"),
        "{}",
        d.text
    );
    assert!(d.text.contains("Educación") && d.text.contains("Ingeniería Informática"));
}

#[test]
fn docx_paragraphs_tables_and_text_boxes() {
    let bytes = common::docx(
        &[
            "Jane Doe",
            "Work Experience",
            "Senior Engineer at Acme & Co",
        ],
        &[("Jan 2019 – Present", "Berlin")],
        "Skills: Rust, Go",
    );
    let d = extract(&bytes, "cv.docx", &lim()).expect("docx");
    assert_eq!(d.format, Format::Docx);
    assert!(d.text.contains("Senior Engineer at Acme & Co"));
    assert!(d.text.contains("Jan 2019 – Present\nBerlin"), "{}", d.text);
    // The text box once, not twice (its VML fallback is skipped).
    assert_eq!(d.text.matches("Skills: Rust, Go").count(), 1, "{}", d.text);
    // Detected from the content even with a wrong name.
    assert_eq!(
        extract(&bytes, "cv.bin", &lim()).expect("docx").format,
        Format::Docx
    );
}

#[test]
fn odt_paragraphs() {
    let d = extract(
        &common::odt(&["Max Mustermann", "Berufserfahrung", "Entwickler, 2015–2018"]),
        "cv.odt",
        &lim(),
    )
    .expect("odt");
    assert_eq!(d.format, Format::Odt);
    assert_eq!(
        d.text,
        "Max Mustermann\nBerufserfahrung\nEntwickler, 2015–2018"
    );
}

#[test]
fn one_column_pdf() {
    let bytes = common::pdf(&[common::column(
        72.0,
        780.0,
        &[
            "Jane Doe",
            "jane@example.org",
            "Experience",
            "Engineer at Acme",
            "Built the first financial data platform and manage-",
            "ment tools.",
        ],
    )]);
    let d = extract(&bytes, "cv.pdf", &lim()).expect("pdf");
    assert_eq!(d.format, Format::Pdf);
    assert_eq!(d.pages, Some(1));
    assert!(
        d.text
            .starts_with("Jane Doe\njane@example.org\nExperience\nEngineer at Acme"),
        "{}",
        d.text
    );
    // End-of-line hyphenation joined.
    assert!(
        d.text.contains("platform and management tools."),
        "{}",
        d.text
    );
}

#[test]
fn a_batch_of_pdfs_on_the_global_pool_does_not_wait_on_itself() {
    // Each PDF is read on a worker thread while a pool thread waits for it. If the PDF
    // library ran its own work on the same global pool, a batch with more PDFs than pool
    // threads would stall until every file timed out.
    let pdf = common::pdf(&[common::column(72.0, 780.0, &["Jane Doe", "Rust engineer"])]);
    let n = 4 * rayon::current_num_threads().max(2);
    let docs: Vec<(String, Vec<u8>)> = (0..n).map(|i| (format!("cv{i}.pdf"), pdf.clone())).collect();
    let limits = Limits { timeout: Duration::from_secs(3), ..lim() };
    let t = Instant::now();
    let out = hirekit_resume::parse_batch(&docs, &limits);
    let failed: Vec<String> = out.iter().filter_map(|r| r.as_ref().err().map(|e| e.to_string())).collect();
    assert!(failed.is_empty(), "{} of {n} failed: {:?} after {:?}", failed.len(), failed.first(), t.elapsed());
}

#[test]
fn two_column_pdf_reads_each_column_in_turn() {
    let left = [
        "Skills",
        "Python",
        "Rust",
        "Docker",
        "Languages",
        "English",
        "German",
    ];
    let right = [
        "Experience",
        "Senior Engineer",
        "Acme Corp",
        "Jan 2019 - Present",
        "Built data pipelines",
        "Software Engineer",
        "Beta GmbH",
    ];
    let mut runs = vec![(
        50.0,
        800.0,
        18.0,
        "Jane Doe Resume Header Across The Page Width",
    )];
    runs.extend(common::column(50.0, 760.0, &left));
    runs.extend(common::column(250.0, 760.0, &right));
    let d = extract(&common::pdf(&[runs]), "cv.pdf", &lim()).expect("pdf");
    assert!(
        d.text
            .contains("Python\nRust\nDocker\nLanguages\nEnglish\nGerman"),
        "{}",
        d.text
    );
    assert!(
        d.text
            .contains("Experience\nSenior Engineer\nAcme Corp\nJan 2019 - Present"),
        "{}",
        d.text
    );
    assert!(d.text.starts_with("Jane Doe Resume Header"), "{}", d.text);
}

#[test]
fn pdf_without_text_has_no_text_layer() {
    let bytes = common::pdf(&[vec![]]);
    assert_eq!(
        extract(&bytes, "scan.pdf", &lim()),
        Err(DocError::NoTextLayer)
    );
    assert_eq!(
        DocError::NoTextLayer.to_string(),
        "no text layer (scanned?)"
    );
}

#[test]
fn truncated_pdf_is_an_error_not_a_panic() {
    let bytes = common::pdf(&[common::column(72.0, 780.0, &["Jane Doe", "Engineer"])]);
    for cut in [10, bytes.len() / 3, bytes.len() / 2, bytes.len() - 40] {
        let r = extract(&bytes[..cut], "cv.pdf", &lim());
        // Some cuts leave a readable page (lopdf recovers), others do not: never a panic.
        if let Err(e) = r {
            assert!(
                matches!(e, DocError::Corrupt(_) | DocError::NoTextLayer),
                "{e}"
            );
        }
    }
}

#[test]
fn page_cap() {
    let pages: Vec<Vec<common::Run>> = (0..6).map(|_| vec![(72.0, 780.0, 10.0, "page")]).collect();
    let l = Limits {
        max_pages: 5,
        ..lim()
    };
    assert_eq!(
        extract(&common::pdf(&pages), "cv.pdf", &l),
        Err(DocError::TooManyPages { pages: 6, limit: 5 })
    );
}

#[test]
fn encrypted_pdf() {
    let bytes = common::pdf_with(&[common::column(72.0, 780.0, &["secret"])], true);
    assert_eq!(extract(&bytes, "cv.pdf", &lim()), Err(DocError::Encrypted));
}

#[test]
fn wrong_types_and_empty_files() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    let e = extract(png, "cv.pdf", &lim()).expect_err("png");
    assert!(matches!(e, DocError::Unsupported(_)), "{e}");
    assert!(e.to_string().contains("PNG"));
    assert!(matches!(
        extract(b"", "cv.pdf", &lim()),
        Err(DocError::Corrupt(_))
    ));
    assert!(matches!(
        extract(b"  \n", "cv.txt", &lim()),
        Err(DocError::Corrupt(_))
    ));
    assert!(matches!(
        extract(b"\0\x01\x02\x03binary", "cv.pdf", &lim()),
        Err(DocError::Corrupt(_))
    ));
    assert!(matches!(
        extract(b"PK\x03\x04garbage", "cv.docx", &lim()),
        Err(DocError::Corrupt(_))
    ));
    let big = vec![b'a'; 2048];
    assert_eq!(
        extract(
            &big,
            "cv.txt",
            &Limits {
                max_bytes: 1024,
                ..lim()
            }
        ),
        Err(DocError::TooLarge {
            size: 2048,
            limit: 1024
        })
    );
}

/// Rewrites the uncompressed size of every entry (local headers and central directory).
fn declare_size(zip: &mut [u8], size: u32) {
    let mut i = 0;
    while i + 46 <= zip.len() {
        if zip[i..].starts_with(b"PK\x03\x04") {
            zip[i + 22..i + 26].copy_from_slice(&size.to_le_bytes());
        } else if zip[i..].starts_with(b"PK\x01\x02") {
            zip[i + 24..i + 28].copy_from_slice(&size.to_le_bytes());
        }
        i += 1;
    }
}

#[test]
fn zip_bombs_are_refused_quickly() {
    // 64 MiB of one repeated paragraph compresses to a few hundred KiB.
    let para =
        "<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>"
            .repeat(1000);
    let mut xml = String::from("<w:document xmlns:w=\"w\"><w:body>");
    while xml.len() < 64 << 20 {
        xml.push_str(&para);
    }
    xml.push_str("</w:body></w:document>");
    let honest = common::zip(&[("word/document.xml", xml.as_bytes())]);
    let t = Instant::now();
    let e = extract(&honest, "bomb.docx", &lim()).expect_err("bomb");
    assert!(matches!(e, DocError::ZipBomb { .. }), "{e}");

    // Declares 1 GB: refused from the directory, without inflating.
    let mut declared = honest.clone();
    declare_size(&mut declared, 1 << 30);
    let e = extract(&declared, "bomb.docx", &lim()).expect_err("bomb");
    assert!(matches!(e, DocError::ZipBomb { .. }), "{e}");

    // Lies (declares 1 KB): caught while inflating, through the read cap.
    let mut lying = honest;
    declare_size(&mut lying, 1000);
    let e = extract(&lying, "bomb.docx", &lim()).expect_err("bomb");
    assert!(
        matches!(e, DocError::ZipBomb { .. } | DocError::Corrupt(_)),
        "{e}"
    );
    assert!(
        t.elapsed() < Duration::from_secs(5),
        "took {:?}",
        t.elapsed()
    );
}

#[test]
fn time_limit() {
    let pages: Vec<Vec<common::Run>> = (0..40)
        .map(|_| common::column(72.0, 800.0, &["line of text"; 50]))
        .collect();
    let bytes = common::pdf(&pages);
    let l = Limits {
        timeout: Duration::from_nanos(1),
        ..lim()
    };
    assert_eq!(extract(&bytes, "cv.pdf", &l), Err(DocError::Timeout));
}

fn sample_docs() -> Vec<(Vec<u8>, &'static str)> {
    vec![
        (
            common::pdf(&[common::column(
                72.0,
                780.0,
                &["Jane Doe", "Engineer", "2019 - 2020"],
            )]),
            "a.pdf",
        ),
        (
            common::docx(&["Jane Doe", "Engineer"], &[("a", "b")], "box"),
            "a.docx",
        ),
        (common::odt(&["Jane Doe", "Engineer"]), "a.odt"),
        (common::fixture("carlos_garcia.rtf"), "a.rtf"),
        (common::fixture("marie_dupont.html"), "a.html"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048), name in "[a-z]{0,5}\\.(pdf|docx|odt|rtf|html|txt|md|bin)") {
        let _ = extract(&bytes, &name, &lim());
    }

    #[test]
    fn never_panics_on_damaged_documents(which in 0usize..5, cut in any::<prop::sample::Index>(), flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8)) {
        let docs = sample_docs();
        let (mut bytes, name) = docs[which].clone();
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        let n = cut.index(bytes.len() + 1);
        let _ = extract(&bytes[..n], name, &lim());
    }

    #[test]
    fn rtf_prefix_never_panics(body in "\\PC{0,300}") {
        let s = format!("{{\\rtf1 {body}");
        let _ = extract(s.as_bytes(), "x.rtf", &lim());
    }
}
