//! Hyperlink targets: PDF link annotations, DOCX relationships, ODT links → `Document::links`
//! → the profile's contact.

mod common;

use common::{docx_linked, pdf_annotated, rels, uri_link, Para};
use hirekit_resume::{extract, parse_bytes, Limits, MAX_LINKS};
use lopdf::{dictionary, Object};
use proptest::prelude::*;

fn lim() -> Limits {
    Limits::default()
}

/// A link annotation whose action is not a URI (a jump inside the document).
fn goto_link() -> Object {
    Object::Dictionary(dictionary! {
        "Subtype" => "Link",
        "A" => dictionary! { "S" => "GoTo", "D" => vec![Object::Integer(0), "Fit".into()] },
    })
}

fn header_page() -> Vec<common::Run<'static>> {
    common::column(
        50.0,
        800.0,
        &[
            "Jane Doe",
            "jdoe-dev | in | Berlin, Germany",
            "",
            "Experience",
            "Software Engineer, Acme GmbH, 2019 - 2023",
            "Built billing services in Rust.",
        ],
    )
}

#[test]
fn pdf_uri_annotations_become_links_and_profile_links() {
    let annots = vec![
        uri_link(b"https://github.com/jdoe-dev"),
        uri_link(b"https://www.linkedin.com/in/jane-doe-42/?trk=public_profile"),
        uri_link(b"https://github.com/jdoe-dev"), // the same target twice
        uri_link(b"https://www.acme-gmbh.example/careers"),
        uri_link(b"javascript:alert(1)"),
        uri_link(b"#section-2"),
        uri_link(b"mailto:jane.doe@example.org?subject=Hello"),
        goto_link(),
        uri_link(b"www.kaggle.com/janedoe"),
    ];
    let bytes = pdf_annotated(&[header_page()], &[annots]);
    let p = parse_bytes(&bytes, "cv.pdf", &lim()).expect("pdf");
    assert_eq!(
        p.document.links,
        vec![
            "https://github.com/jdoe-dev",
            "https://www.linkedin.com/in/jane-doe-42/?trk=public_profile",
            "https://www.acme-gmbh.example/careers",
            "mailto:jane.doe@example.org?subject=Hello",
            "https://www.kaggle.com/janedoe",
        ]
    );
    let c = &p.profile.contact;
    assert_eq!(
        c.links,
        vec![
            "https://github.com/jdoe-dev",
            "https://www.linkedin.com/in/jane-doe-42",
            "https://kaggle.com/janedoe",
        ],
        "profile pages only, tracking dropped, the employer's site left out"
    );
    assert_eq!(c.email.as_deref(), Some("jane.doe@example.org"));
    // The text itself never shows the URLs.
    assert!(
        !p.document.text.contains("github.com"),
        "{}",
        p.document.text
    );
}

#[test]
fn written_email_and_links_win_over_hyperlinks() {
    let page = common::column(
        50.0,
        800.0,
        &[
            "Jane Doe",
            "jane@example.com | https://github.com/jdoe-dev/",
            "",
            "Experience",
            "Engineer, Acme, 2019 - 2023",
        ],
    );
    let annots = vec![
        uri_link(b"mailto:other@example.net"),
        uri_link(b"http://github.com/JDoe-Dev"),
    ];
    let p = parse_bytes(&pdf_annotated(&[page], &[annots]), "cv.pdf", &lim()).expect("pdf");
    let c = &p.profile.contact;
    assert_eq!(c.email.as_deref(), Some("jane@example.com"));
    assert_eq!(
        c.links,
        vec!["https://github.com/jdoe-dev/"],
        "no duplicate"
    );
}

#[test]
fn own_site_is_kept_other_sites_are_not() {
    let annots = vec![
        uri_link(b"https://www.university.example/"),
        uri_link(b"https://github.com/jdoe-dev"),
        uri_link(b"https://jdoedev.example/blog?utm_source=cv"),
        uri_link(b"https://janedoe.example/"),
    ];
    let p = parse_bytes(
        &pdf_annotated(&[header_page()], &[annots]),
        "cv.pdf",
        &lim(),
    )
    .expect("pdf");
    // The site carrying the GitHub handle is the candidate's; only one site is taken.
    assert_eq!(
        p.profile.contact.links,
        vec![
            "https://github.com/jdoe-dev",
            "https://jdoedev.example/blog"
        ]
    );
}

#[test]
fn pdf_links_are_capped_and_malformed_annotations_skipped() {
    let many: Vec<Object> = (0..MAX_LINKS + 100)
        .map(|i| uri_link(format!("https://example.org/{i}").as_bytes()))
        .collect();
    let odd = vec![
        Object::Integer(3),
        Object::Dictionary(dictionary! { "Subtype" => "Link", "A" => Object::Null }),
        Object::Dictionary(
            dictionary! { "Subtype" => "Link", "A" => dictionary! { "S" => "URI", "URI" => 5 } },
        ),
        Object::Dictionary(
            dictionary! { "Subtype" => "Text", "A" => dictionary! { "S" => "URI", "URI" => Object::string_literal("https://github.com/not-a-link") } },
        ),
        Object::Reference((9999, 0)),
    ];
    let bytes = pdf_annotated(&[header_page(), header_page()], &[odd, many]);
    let d = extract(&bytes, "cv.pdf", &lim()).expect("pdf");
    assert_eq!(d.links.len(), MAX_LINKS);
    assert_eq!(d.links[0], "https://example.org/0");
}

#[test]
fn docx_hyperlinks_resolve_through_relationships() {
    let body_rels = rels(&[
        ("rId1", "https://www.linkedin.com/in/jane-doe-42", true),
        ("rId2", "https://acme.example/", true),
        ("rId3", "styles.xml", false),
        // In the rels part but referenced by nothing: edited out of the document.
        ("rId4", "https://github.com/orphan-handle", true),
        ("rId5", "mailto:jane.doe@example.org", true),
    ]);
    let header_rels = rels(&[("rId1", "https://gitlab.com/jdoe-dev", true)]);
    let bytes = docx_linked(
        &[Para::Text("Jane Doe"), Para::Link("GitLab", "rId1")],
        Some(&header_rels),
        &[
            Para::Link("LinkedIn", "rId1"),
            Para::Text("Experience"),
            Para::Link("Acme", "rId2"),
            Para::Link("styles", "rId3"),
            Para::Link("Email me", "rId5"),
            Para::Link("missing", "rId9"),
        ],
        body_rels.as_bytes(),
    );
    let p = parse_bytes(&bytes, "cv.docx", &lim()).expect("docx");
    assert_eq!(
        p.document.links,
        vec![
            "https://gitlab.com/jdoe-dev",
            "https://www.linkedin.com/in/jane-doe-42",
            "https://acme.example/",
            "mailto:jane.doe@example.org",
        ]
    );
    let c = &p.profile.contact;
    assert_eq!(
        c.links,
        vec![
            "https://gitlab.com/jdoe-dev",
            "https://www.linkedin.com/in/jane-doe-42"
        ]
    );
    assert_eq!(c.email.as_deref(), Some("jane.doe@example.org"));
    assert!(p.document.text.contains("LinkedIn"));
}

#[test]
fn docx_with_a_broken_rels_part_keeps_its_text() {
    let bytes = docx_linked(
        &[],
        None,
        &[Para::Text("Jane Doe"), Para::Link("LinkedIn", "rId1")],
        b"<Relationships><Relationship Id=\"rId1\" Target=\"https://x.example\" TargetMode=\"External\"",
    );
    let d = extract(&bytes, "cv.docx", &lim()).expect("docx");
    assert!(d.text.contains("Jane Doe"));
    assert!(d.links.len() <= 1);
}

#[test]
fn odt_links() {
    let bytes = common::odt_body(
        "<text:p>Jane Doe</text:p><text:p><text:a xlink:type=\"simple\" xlink:href=\"https://github.com/jdoe-dev\">GitHub</text:a> <text:a xlink:href=\"#Experience\">Experience</text:a></text:p>",
    );
    let p = parse_bytes(&bytes, "cv.odt", &lim()).expect("odt");
    assert_eq!(p.document.links, vec!["https://github.com/jdoe-dev"]);
    assert_eq!(p.profile.contact.links, vec!["https://github.com/jdoe-dev"]);
}

#[test]
fn formats_without_hyperlinks_have_none() {
    let d = extract(b"Jane Doe\nhttps://github.com/jdoe-dev\n", "cv.txt", &lim()).expect("txt");
    assert!(d.links.is_empty());
}

/// Random PDF objects, nested a little, for annotation dictionaries and their parts.
fn pdf_object() -> impl Strategy<Value = Object> {
    let leaf = prop_oneof![
        Just(Object::Null),
        any::<i64>().prop_map(Object::Integer),
        proptest::collection::vec(any::<u8>(), 0..40)
            .prop_map(|b| Object::String(b, lopdf::StringFormat::Literal)),
        "(Link|URI|GoTo|Annot|S|A|[a-z]{1,4})".prop_map(|n| Object::Name(n.into_bytes())),
        (0u32..40).prop_map(|n| Object::Reference((n, 0))),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Object::Array),
            proptest::collection::vec(("(Subtype|A|S|URI|Type|[A-Z][a-z]{0,3})", inner), 0..4)
                .prop_map(|kv| {
                    let mut d = lopdf::Dictionary::new();
                    for (k, v) in kv {
                        d.set(k.into_bytes(), v);
                    }
                    Object::Dictionary(d)
                }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_uri_bytes_never_panic(uri in proptest::collection::vec(any::<u8>(), 0..300)) {
        let bytes = pdf_annotated(&[header_page()], &[vec![uri_link(&uri)]]);
        let p = parse_bytes(&bytes, "cv.pdf", &lim()).expect("pdf");
        prop_assert!(p.document.links.len() <= 1);
    }

    #[test]
    fn arbitrary_annotation_dicts_never_panic(
        annots in proptest::collection::vec(pdf_object(), 0..6),
        subtype in "(Link|Widget)",
        uri in "\\PC{0,60}",
    ) {
        // A half-right annotation next to random ones.
        let mut list = annots;
        list.push(Object::Dictionary(dictionary! {
            "Subtype" => Object::Name(subtype.into_bytes()),
            "A" => dictionary! { "S" => "URI", "URI" => Object::string_literal(uri) },
        }));
        let bytes = pdf_annotated(&[header_page()], &[list]);
        let _ = parse_bytes(&bytes, "cv.pdf", &lim());
    }

    #[test]
    fn arbitrary_rels_parts_never_panic(
        raw in proptest::collection::vec(any::<u8>(), 0..400),
        target in "\\PC{0,80}",
        as_raw in any::<bool>(),
    ) {
        let good = rels(&[("rId1", &target, true)]);
        let part: &[u8] = if as_raw { &raw } else { good.as_bytes() };
        let bytes = docx_linked(&[], None, &[Para::Text("Jane Doe"), Para::Link("x", "rId1")], part);
        let p = parse_bytes(&bytes, "cv.docx", &lim()).expect("docx");
        prop_assert!(p.document.links.len() <= 1);
    }
}
