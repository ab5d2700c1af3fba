//! Property tests: no input makes any connector panic, and what comes out is well-formed
//! (every posting has a non-blank, trimmed title; every error names its item).
#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use hirekit_sources::{
    company_hint, detect, parse_document, parse_jsonl_line, parse_reader, split_prefix, Context,
    SourceKind,
};
use proptest::prelude::*;
use serde_json::Value;

const FIXTURES: [(&str, SourceKind); 15] = [
    ("greenhouse_acme.json", SourceKind::Greenhouse),
    ("lever_acme.json", SourceKind::Lever),
    ("ashby_acme.json", SourceKind::Ashby),
    ("workable_acme.json", SourceKind::Workable),
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

/// Run one kind over bytes (both entry points) and check the output's invariants.
fn check(kind: SourceKind, bytes: &[u8]) {
    let ctx = Context {
        source: "https://example.org/x".into(),
        company: Some("Acme".into()),
    };
    let mut sink = |r: Result<hirekit_sources::SourcePosting, hirekit_sources::ItemError>| match r {
        Ok(p) => {
            assert!(!p.title.is_empty(), "{kind}: empty title");
            assert_eq!(p.title.trim(), p.title, "{kind}: untrimmed title");
        }
        Err(e) => assert!(!e.item.is_empty(), "{kind}: unnamed item error"),
    };
    let _ = parse_document(kind, bytes, &ctx, &mut sink);
    let _ = parse_reader(
        kind,
        &mut std::io::BufReader::with_capacity(5, bytes),
        &ctx,
        &mut sink,
    );
    let _ = detect(bytes, Some("x.json"));
    let _ = detect(bytes, None);
}

fn all_kinds(bytes: &[u8]) {
    for kind in SourceKind::ALL {
        check(kind, bytes);
    }
}

/// JSON values that reuse the field names the connectors look at, so mutations reach
/// the mapping code rather than being ignored.
fn arb_json() -> impl Strategy<Value = Value> {
    let key = prop::sample::select(vec![
        "title",
        "text",
        "name",
        "position",
        "id",
        "jobs",
        "content",
        "offers",
        "location",
        "locations",
        "categories",
        "allLocations",
        "salaryRange",
        "min",
        "max",
        "interval",
        "compensation",
        "summaryComponents",
        "compensationType",
        "minValue",
        "maxValue",
        "baseSalary",
        "value",
        "unitText",
        "jobLocation",
        "address",
        "addressCountry",
        "identifier",
        "@type",
        "@graph",
        "hiringOrganization",
        "employmentType",
        "datePosted",
        "createdAt",
        "updated_at",
        "salary",
        "remote",
        "hybrid",
        "jobAd",
        "sections",
        "departments",
        "offices",
        "lists",
        "legal",
        "skills",
        "tags",
        "salary_min",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop::sample::select(vec![
            "",
            " ",
            "JobPosting",
            "Salary",
            "1 YEAR",
            "per-hour-wage",
            "TELECOMMUTE",
            "2024-03-01",
            "1709632800000",
            "&lt;p&gt;",
            "&amp;amp;",
            "<p>x</p>",
            "US",
            "Remote",
            "hybrid",
            "\u{feff}",
            "ü€😀",
            "9999999999999999999999",
            "-1",
            "NaN",
        ])
        .prop_map(|s| Value::String(s.into())),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..6).prop_map(|kv| Value::Object(
                kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}

/// Replace the node at a pseudo-random position (by pre-order index) with `new`.
fn replace_nth(v: &mut Value, n: &mut usize, new: &Value) -> bool {
    if *n == 0 {
        *v = new.clone();
        return true;
    }
    *n -= 1;
    match v {
        Value::Array(a) => a.iter_mut().any(|x| replace_nth(x, n, new)),
        Value::Object(o) => o.values_mut().any(|x| replace_nth(x, n, new)),
        _ => false,
    }
}

fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count).sum(),
        Value::Object(o) => o.values().map(count).sum(),
        _ => 0,
    }
}

proptest! {
    // 256 cases per property by default; PROPTEST_CASES=N for a longer run.

    #[test]
    fn random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        all_kinds(&bytes);
    }

    #[test]
    fn random_text_with_markup(s in "[<>&;\"'{}\\[\\],:a-z0-9 \n!-]{0,300}") {
        all_kinds(s.as_bytes());
        let _ = split_prefix(&s);
        let _ = company_hint(&s);
    }

    #[test]
    fn random_strings_to_helpers(s in ".{0,80}") {
        let _ = split_prefix(&s);
        let _ = company_hint(&s);
        let _ = company_hint(&format!("https://{s}"));
        let _ = hirekit_sources::parse_date(&s);
        let _ = parse_jsonl_line(s.as_bytes(), 1, &Context::default());
    }

    #[test]
    fn truncated_fixtures(which in 0..FIXTURES.len(), frac in 0.0f64..1.0) {
        let (file, kind) = FIXTURES[which];
        let b = fixture(file);
        let cut = ((b.len() as f64) * frac) as usize;
        check(kind, &b[..cut]);
        check(SourceKind::Jsonl, &b[..cut]);
    }

    #[test]
    fn spliced_fixtures(which in 0..FIXTURES.len(), at in 0.0f64..1.0,
                        junk in prop::sample::select(vec![
                            "<", "&", "&#xD800;", "&#0;", "&bogus;", "]]>", "<![CDATA[", "</position>", "</item>",
                            "<!DOCTYPE x>", "<!ENTITY e 'x'>", "\"", "}", "]", ",", "\n", "\u{0}", "\u{feff}",
                            "\r\n\"", "<script type=\"application/ld+json\">", "</script>", "<!--", "-->",
                        ])) {
        let (file, kind) = FIXTURES[which];
        let mut b = fixture(file);
        let pos = ((b.len() as f64) * at) as usize;
        b.splice(pos..pos, junk.bytes());
        check(kind, &b);
    }

    #[test]
    fn mutated_json_documents(which in 0..8usize, pick in any::<prop::sample::Index>(), new in arb_json()) {
        let (file, kind) = FIXTURES[which];
        let mut v: Value = serde_json::from_slice(&fixture(file)).unwrap();
        let mut n = pick.index(count(&v));
        replace_nth(&mut v, &mut n, &new);
        let bytes = serde_json::to_vec(&v).unwrap();
        check(kind, &bytes);
        // The same document as one JSONL line and inside a JSON-LD script.
        check(SourceKind::Jsonl, &bytes);
        let mut page = b"<html><script type=\"application/ld+json\">".to_vec();
        page.extend_from_slice(&bytes);
        page.extend_from_slice(b"</script></html>");
        check(SourceKind::JsonLd, &page);
    }

    #[test]
    fn mutated_job_postings(pick in any::<prop::sample::Index>(), new in arb_json()) {
        let line = fixture("jobs.jsonl");
        let first = line.split(|&b| b == b'\n').next().unwrap();
        let mut v: Value = serde_json::from_slice(first).unwrap();
        let mut n = pick.index(count(&v));
        replace_nth(&mut v, &mut n, &new);
        let bytes = serde_json::to_vec(&v).unwrap();
        let r = parse_jsonl_line(&bytes, 7, &Context::default());
        if let Err(e) = &r {
            prop_assert_eq!(e.item.as_str(), "line 7");
        }
        check(SourceKind::JsonLd, &bytes);
    }

    #[test]
    fn arbitrary_json_everywhere(v in arb_json()) {
        let bytes = serde_json::to_vec(&v).unwrap();
        all_kinds(&bytes);
        let wrapped = serde_json::to_vec(&serde_json::json!({"jobs": [v.clone()], "offers": [v.clone()], "content": [v]})).unwrap();
        all_kinds(&wrapped);
    }
}

#[test]
fn deep_nesting_does_not_overflow() {
    let deep_json = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    all_kinds(deep_json.as_bytes());
    let deep_xml = format!(
        "<rss><channel><item><title>t</title>{}</item></channel></rss>",
        "<a>".repeat(100_000)
    );
    all_kinds(deep_xml.as_bytes());
    let deep_ld = format!(
        "<script type=\"application/ld+json\">{}</script>",
        "{\"a\":".repeat(5_000)
    );
    all_kinds(deep_ld.as_bytes());
}
