//! Detection, `kind:` prefixes, company hints and document-level bad input.
#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use hirekit_sources::{company_display_name, company_hint, detect, split_prefix, SourceKind};

#[test]
fn detects_every_fixture_without_a_hint() {
    let cases = [
        ("greenhouse_acme.json", SourceKind::Greenhouse),
        ("lever_acme.json", SourceKind::Lever),
        ("ashby_acme.json", SourceKind::Ashby),
        ("workable_acme.json", SourceKind::Workable),
        ("workable_v3.json", SourceKind::Workable),
        ("smartrecruiters_list.json", SourceKind::SmartRecruiters),
        ("smartrecruiters_detail.json", SourceKind::SmartRecruiters),
        ("recruitee_acme.json", SourceKind::Recruitee),
        ("remoteok.json", SourceKind::RemoteOk),
        ("personio_acme.xml", SourceKind::Personio),
        ("feed_rss.xml", SourceKind::Feed),
        ("feed_atom.xml", SourceKind::Feed),
        ("jsonld_page.html", SourceKind::JsonLd),
        ("jsonld_remote.html", SourceKind::JsonLd),
        ("jobs.jsonl", SourceKind::Jsonl),
        ("jobs.csv", SourceKind::Csv),
    ];
    for (file, kind) in cases {
        assert_eq!(detect(&fixture(file), None), Some(kind), "{file}");
        // A misleading-free name hint agrees.
        assert_eq!(
            detect(&fixture(file), Some(file)),
            Some(kind),
            "{file} with hint"
        );
    }
}

#[test]
fn detects_minified_documents() {
    for (file, kind) in [
        ("greenhouse_acme.json", SourceKind::Greenhouse),
        ("ashby_acme.json", SourceKind::Ashby),
        ("workable_acme.json", SourceKind::Workable),
        ("lever_acme.json", SourceKind::Lever),
        ("recruitee_acme.json", SourceKind::Recruitee),
        ("smartrecruiters_list.json", SourceKind::SmartRecruiters),
        ("remoteok.json", SourceKind::RemoteOk),
    ] {
        let v: serde_json::Value = serde_json::from_slice(&fixture(file)).unwrap();
        let min = serde_json::to_vec(&v).unwrap();
        assert_eq!(detect(&min, None), Some(kind), "minified {file}");
    }
}

#[test]
fn hint_settles_ambiguous_content() {
    let empty = br#"{"jobs":[],"meta":{"total":0}}"#;
    assert_eq!(
        detect(
            empty,
            Some("https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true")
        ),
        Some(SourceKind::Greenhouse)
    );
    assert_eq!(
        detect(
            empty,
            Some("https://api.ashbyhq.com/posting-api/job-board/acme")
        ),
        Some(SourceKind::Ashby)
    );
    assert_eq!(
        detect(
            empty,
            Some("https://apply.workable.com/api/v1/widget/accounts/acme")
        ),
        Some(SourceKind::Workable)
    );
    assert_eq!(detect(empty, None), None);
    assert_eq!(
        detect(
            b"[]",
            Some("https://api.lever.co/v0/postings/acme?mode=json")
        ),
        Some(SourceKind::Lever)
    );
    assert_eq!(
        detect(b"[]", Some("https://remoteok.com/api")),
        Some(SourceKind::RemoteOk)
    );
    assert_eq!(
        detect(b"<html><body>hi</body></html>", Some("page.html")),
        Some(SourceKind::JsonLd)
    );
    assert_eq!(detect(b"", Some("dump.jsonl")), Some(SourceKind::Jsonl));
    assert_eq!(
        detect(b"", Some("greenhouse-acme.json")),
        Some(SourceKind::Greenhouse)
    );
    assert_eq!(detect(b"title,company\n", None), Some(SourceKind::Csv));
    assert_eq!(detect(b"just some words", None), None);
    // Pretty-printed JSON-LD is a JSON-LD document, unless the name says JSONL.
    let pretty = b"{\n  \"@type\": \"JobPosting\",\n  \"title\": \"X\"\n}\n";
    assert_eq!(detect(pretty, None), Some(SourceKind::JsonLd));
    assert_eq!(
        detect(
            b"{\"@type\":\"JobPosting\",\"title\":\"X\"}\n{\"title\":\"Y\"}\n",
            None
        ),
        Some(SourceKind::Jsonl)
    );
    assert_eq!(
        detect(b"<?xml version=\"1.0\"?><workzag-jobs/>", None),
        Some(SourceKind::Personio)
    );
}

#[test]
fn prefixes() {
    assert_eq!(
        split_prefix("greenhouse:https://boards-api.greenhouse.io/v1/boards/acme/jobs"),
        (
            Some(SourceKind::Greenhouse),
            "https://boards-api.greenhouse.io/v1/boards/acme/jobs"
        )
    );
    assert_eq!(
        split_prefix("lever:acme"),
        (Some(SourceKind::Lever), "acme")
    );
    assert_eq!(
        split_prefix("JSONL:./x.jsonl"),
        (Some(SourceKind::Jsonl), "./x.jsonl")
    );
    assert_eq!(
        split_prefix("rss:https://x.example/feed"),
        (Some(SourceKind::Feed), "https://x.example/feed")
    );
    assert_eq!(split_prefix("./x.json"), (None, "./x.json"));
    assert_eq!(split_prefix("C:\\jobs\\x.json"), (None, "C:\\jobs\\x.json"));
    assert_eq!(
        split_prefix("https://example.org/jobs"),
        (None, "https://example.org/jobs")
    );
    assert_eq!(split_prefix(""), (None, ""));
}

#[test]
fn company_hints() {
    let cases = [
        (
            "https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true",
            Some("acme"),
        ),
        ("https://boards.greenhouse.io/acme/jobs/123", Some("acme")),
        (
            "https://boards.greenhouse.io/embed/job_board?for=acme",
            Some("acme"),
        ),
        (
            "https://api.lever.co/v0/postings/acme?mode=json",
            Some("acme"),
        ),
        ("https://jobs.lever.co/acme/5ac2", Some("acme")),
        (
            "https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true",
            Some("acme"),
        ),
        (
            "https://apply.workable.com/api/v1/widget/accounts/acme",
            Some("acme"),
        ),
        ("https://apply.workable.com/acme/", Some("acme")),
        (
            "https://api.smartrecruiters.com/v1/companies/acme/postings",
            Some("acme"),
        ),
        ("https://acme.recruitee.com/api/offers", Some("acme")),
        (
            "HTTPS://API.SmartRecruiters.com/v1/companies/AcmeGmbH/postings",
            Some("AcmeGmbH"),
        ),
        ("https://acme.jobs.personio.de/xml", Some("acme")),
        (
            "greenhouse:https://boards-api.greenhouse.io/v1/boards/globex/jobs",
            Some("globex"),
        ),
        ("boards-api.greenhouse.io/v1/boards/acme/jobs", Some("acme")),
        ("./data/greenhouse-acme.json", Some("acme")),
        ("/tmp/lever_initech.json", Some("initech")),
        ("./data/jobs.json", None),
        ("https://remoteok.com/api", None),
        ("https://example.org/careers", None),
        ("", None),
    ];
    for (loc, want) in cases {
        assert_eq!(company_hint(loc).as_deref(), want, "{loc}");
    }
    assert_eq!(company_display_name("acme-corp"), "Acme Corp");
    assert_eq!(company_display_name("globex"), "Globex");
}

#[test]
fn document_errors() {
    let c = ctx("x", None);
    let gh = fixture("greenhouse_acme.json");
    // Truncated JSON: the whole document is unusable, and says where.
    let e = run(SourceKind::Greenhouse, &gh[..gh.len() / 2], &c).unwrap_err();
    assert!(
        e.reason.contains("not valid JSON") && e.reason.contains("line"),
        "{}",
        e.reason
    );
    // Truncated after two whole items: those are kept, the cut is one bad item.
    let lv = fixture("lever_acme.json");
    let cut = String::from_utf8_lossy(&lv).find("\"c9999999").unwrap();
    let (ok, bad) = run(SourceKind::Lever, &lv[..cut], &c).unwrap();
    assert_eq!(
        ok.iter().map(|p| p.title.as_str()).collect::<Vec<_>>(),
        vec!["Staff Platform Engineer", "Store Associate"]
    );
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].item, "index 2");
    // Cut after the jobs list closed: every job is read, and the broken rest is reported.
    let meta = String::from_utf8_lossy(&gh).find("\"meta\"").unwrap();
    let (ok, bad) = run(SourceKind::Greenhouse, &gh[..meta + 3], &c).unwrap();
    assert_eq!((ok.len(), bad.len()), (2, 3));
    assert!(
        bad[2].reason.starts_with("document invalid after the list"),
        "{}",
        bad[2].reason
    );
    // Right syntax, wrong shape.
    for kind in [
        SourceKind::Greenhouse,
        SourceKind::Ashby,
        SourceKind::Workable,
        SourceKind::Recruitee,
        SourceKind::RemoteOk,
    ] {
        assert!(run(kind, b"\"just a string\"", &c).is_err(), "{kind}");
    }
    assert!(run(
        SourceKind::Greenhouse,
        br#"{"jobs": {"not": "an array"}}"#,
        &c
    )
    .is_err());
    assert!(run(SourceKind::Personio, b"<html><body/></html>", &c).is_err());
    assert!(run(SourceKind::Feed, b"not xml at all", &c).is_err());
}

#[test]
fn invalid_utf8_is_decoded_lossily() {
    let doc = b"{\"jobs\":[{\"id\":1,\"title\":\"Caf\xe9 Manager\",\"absolute_url\":\"u\"}]}";
    let (ok, bad) = run(SourceKind::Greenhouse, doc, &ctx("x", None)).unwrap();
    assert!(bad.is_empty());
    assert_eq!(ok[0].title, "Caf\u{fffd} Manager");
    let xml = b"<rss><channel><item><title>Z\xfcrich Barista</title></item></channel></rss>";
    let (ok, _) = run(SourceKind::Feed, xml, &ctx("x", None)).unwrap();
    assert_eq!(ok[0].title, "Z\u{fffd}rich Barista");
}

#[test]
fn wrong_field_types_are_ignored_not_fatal() {
    let doc =
        br#"{"jobs":[{"id":{"x":1},"title":"Ok","location":"not an object","departments":"nope",
        "offices":7,"updated_at":true,"content":["x"]}]}"#;
    let (ok, bad) = run(SourceKind::Greenhouse, doc, &ctx("x", None)).unwrap();
    assert!(bad.is_empty());
    assert_eq!(ok[0].title, "Ok");
    assert_eq!(
        (
            ok[0].external_id.clone(),
            ok[0].updated_at,
            ok[0].description_html.clone()
        ),
        (None, None, None)
    );
    assert!(ok[0].locations.is_empty());
}

#[test]
fn reader_caps_non_streamed_kinds() {
    // parse_reader on a non-streamed kind reads the whole input; small input works.
    let (ok, _) = run_reader(
        SourceKind::Lever,
        &fixture("lever_acme.json"),
        &ctx("x", None),
    )
    .unwrap();
    assert_eq!(ok.len(), 3);
}
