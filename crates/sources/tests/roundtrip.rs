//! `parse_item` re-reads a stored raw item into the very SourcePosting the document gave:
//! for every fixture, both entry points and several contexts, and for mutated documents.
//! Items whose fields come from their document (Workable account name, Personio board
//! address, a JSON-LD page's URL) must also survive a context that no longer has them,
//! as `hirekit renormalize` builds it ("kind:token" as source).
#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use hirekit_sources::{parse_item, Context, ItemError, SourceKind, SourcePosting};
use proptest::prelude::*;
use serde_json::{json, Value};

/// The kind of every fixture, by file name. An unknown fixture fails the test, so that a
/// new fixture is round-tripped too.
fn kind_of(file: &str) -> SourceKind {
    let table = [
        ("greenhouse_", SourceKind::Greenhouse),
        ("lever_", SourceKind::Lever),
        ("ashby_", SourceKind::Ashby),
        ("workable_", SourceKind::Workable),
        ("smartrecruiters_", SourceKind::SmartRecruiters),
        ("recruitee_", SourceKind::Recruitee),
        ("personio_", SourceKind::Personio),
        ("remoteok", SourceKind::RemoteOk),
        ("feed_", SourceKind::Feed),
        ("jsonld_", SourceKind::JsonLd),
        ("jobs.csv", SourceKind::Csv),
        ("jobs.jsonl", SourceKind::Jsonl),
    ];
    table
        .iter()
        .find(|(p, _)| file.starts_with(p))
        .map(|(_, k)| *k)
        .unwrap_or_else(|| panic!("fixture {file}: add its kind to kind_of"))
}

fn fixture_names() -> Vec<String> {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Contexts a document is ingested with: a file, a URL, a "kind:URL" spec.
fn ingest_contexts(kind: SourceKind, file: &str) -> Vec<Context> {
    let url = match kind {
        SourceKind::Personio => "https://acme.jobs.personio.de/xml?language=en",
        _ => "https://careers.acme.example/jobs/42",
    };
    vec![
        ctx(&format!("tests/fixtures/{file}"), None),
        ctx(url, Some("Acme")),
        ctx(&format!("{kind}:{url}"), Some("Acme")),
    ]
}

/// The context `hirekit renormalize` uses: same company hint, source "kind:token".
fn renormalize_context(kind: SourceKind, ingest: &Context) -> Context {
    Context {
        source: format!("{kind}:acme"),
        company: ingest.company.clone(),
    }
}

/// Every posting of `bytes` (both entry points) comes back from its raw, also after a
/// trip through JSON text (how the store keeps it). Returns how many were checked.
fn assert_round_trip(kind: SourceKind, bytes: &[u8], ctx: &Context, what: &str) -> usize {
    let mut n = 0;
    for run in [run, run_reader] {
        let Ok((ok, _)) = run(kind, bytes, ctx) else {
            continue;
        };
        for sp in ok {
            check_one(kind, &sp, ctx, what);
            n += 1;
        }
    }
    n
}

fn check_one(kind: SourceKind, sp: &SourcePosting, ctx: &Context, what: &str) {
    assert!(
        sp.raw.is_object(),
        "{what}: raw is not an object: {}",
        sp.raw
    );
    assert_eq!(
        parse_item(kind, &sp.raw, ctx).as_ref(),
        Ok(sp),
        "{what}: same context"
    );
    let stored: Value = serde_json::from_str(&sp.raw.to_string()).unwrap();
    assert_eq!(
        parse_item(kind, &stored, &renormalize_context(kind, ctx)).as_ref(),
        Ok(sp),
        "{what}: stored as text, renormalize context"
    );
}

#[test]
fn every_fixture_round_trips() {
    let names = fixture_names();
    assert!(names.len() >= 16, "fixtures missing: {names:?}");
    let mut total = 0;
    for file in &names {
        let kind = kind_of(file);
        let bytes = fixture(file);
        for c in ingest_contexts(kind, file) {
            let n = assert_round_trip(kind, &bytes, &c, &format!("{file} ({})", c.source));
            assert!(n > 0, "{file}: no postings to check");
            total += n;
        }
    }
    assert!(total > 100, "only {total} postings checked");
}

#[test]
fn document_values_are_kept_only_when_needed() {
    // Workable: the account name goes with items that name no company themselves.
    let (ok, _) = run_fixture(SourceKind::Workable, "workable_acme.json", None);
    for sp in &ok {
        let own = sp.raw.get("company").and_then(Value::as_str).is_some();
        assert_eq!(sp.raw.get("_company").is_some(), !own, "{}", sp.title);
    }
    assert!(ok
        .iter()
        .all(|sp| sp.company.as_deref() == Some("Acme Analytics")));
    let bare = ctx("workable:acme", None);
    let first = parse_item(SourceKind::Workable, &ok[0].raw, &bare).unwrap();
    assert_eq!(first.company.as_deref(), Some("Acme Analytics"));

    // Personio: the board address, only when the source is one.
    let url = ctx("https://acme.jobs.personio.de/xml", None);
    let (ok, _) = run(SourceKind::Personio, &fixture("personio_acme.xml"), &url).unwrap();
    assert_eq!(ok[0].raw["_base_url"], "https://acme.jobs.personio.de");
    assert_eq!(
        ok[0].url.as_deref(),
        Some("https://acme.jobs.personio.de/job/1234567")
    );
    let (ok, _) = run_fixture(SourceKind::Personio, "personio_acme.xml", None);
    assert!(ok.iter().all(|sp| sp.raw.get("_base_url").is_none()));

    // JSON-LD: the page URL, only for postings without a url of their own.
    let page = b"<script type=\"application/ld+json\">[{\"@type\":\"JobPosting\",\"title\":\"A\"},\
        {\"@type\":\"JobPosting\",\"title\":\"B\",\"url\":\"https://x.example/b\"}]</script>";
    let c = ctx("jsonld:https://x.example/jobs", None);
    let (ok, _) = run(SourceKind::JsonLd, page, &c).unwrap();
    assert_eq!(ok[0].raw["_url"], "https://x.example/jobs");
    assert_eq!(ok[0].url.as_deref(), Some("https://x.example/jobs"));
    assert!(ok[1].raw.get("_url").is_none());
    let (ok, _) = run(SourceKind::JsonLd, page, &ctx("page.html", None)).unwrap();
    assert!(ok[0].raw.get("_url").is_none() && ok[0].url.is_none());

    // Greenhouse's company comes from ctx, which renormalize gives again: not copied.
    let (ok, _) = run_fixture(SourceKind::Greenhouse, "greenhouse_acme.json", Some("Acme"));
    assert!(ok.iter().all(|sp| sp.raw.get("_company").is_none()));
}

#[test]
fn csv_duplicate_short_and_long_rows() {
    // "title" after "Title", a location column missing from a short row, extra cells.
    let doc = "Title,title,job_location,Location,column 6\n\
               Dev,Other,Berlin,Paris,x\n\
               Ops,Other,Hamburg\n\
               QA,Other,Köln,Wien,y,extra1,extra2\n";
    let c = ctx("jobs.csv", None);
    let (ok, bad) = run(SourceKind::Csv, doc.as_bytes(), &c).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(ok.len(), 3);
    assert_eq!(ok[0].title, "Dev");
    assert_eq!(ok[0].locations, vec!["Paris"]);
    assert_eq!(ok[0].raw["title (column 2)"], "Other");
    // The short row's Location cell is empty, not absent: job_location is not used instead.
    assert_eq!(ok[1].raw["Location"], "");
    assert!(ok[1].locations.is_empty());
    // Cells past the header are "column N"; the header already has a "column 6".
    assert_eq!(ok[2].raw["column 6"], "y");
    assert_eq!(ok[2].raw["column 6 (column 6)"], "extra1");
    assert_eq!(ok[2].raw["column 7"], "extra2");
    assert_eq!(
        assert_round_trip(SourceKind::Csv, doc.as_bytes(), &c, "csv"),
        6
    );
}

#[test]
fn xml_attributes_repeats_and_namespaces() {
    let rss = r#"<rss xmlns:job="urn:j"><channel><title>Board</title>
        <item><title> Dev </title><link rel="x" href="https://a/1"/><link>https://a/2</link>
          <job:company>Initech</job:company><location>Berlin</location><location>Paris</location>
          <description type="html">&lt;p&gt;Hi&lt;/p&gt;</description><pubDate>2024-03-01</pubDate></item>
        <item><title>Ops</title><content:encoded><![CDATA[<b>x</b>]]></content:encoded></item>
        </channel></rss>"#;
    let c = ctx("feed.xml", None);
    let (ok, _) = run(SourceKind::Feed, rss.as_bytes(), &c).unwrap();
    assert_eq!(ok.len(), 2);
    assert_eq!(ok[0].company.as_deref(), Some("Initech"));
    assert_eq!(ok[0].url.as_deref(), Some("https://a/2"));
    assert_eq!(ok[0].locations, vec!["Berlin", "Paris"]);
    assert_eq!(
        assert_round_trip(SourceKind::Feed, rss.as_bytes(), &c, "rss"),
        4
    );
}

#[test]
fn not_an_object_is_a_clear_error() {
    let c = ctx("x", Some("Acme"));
    for kind in SourceKind::ALL {
        for v in [
            Value::Null,
            json!(3),
            json!("title"),
            json!([{"title": "x"}]),
        ] {
            let e = parse_item(kind, &v, &c).unwrap_err();
            assert_eq!(e.item, "item");
            assert!(
                e.reason.contains("not a JSON object") && e.reason.contains(kind.as_str()),
                "{kind}: {}",
                e.reason
            );
        }
    }
}

#[test]
fn items_without_a_title_and_the_remoteok_notice() {
    let c = ctx("x", None);
    for kind in SourceKind::ALL {
        let e = parse_item(kind, &json!({"description": "no title"}), &c).unwrap_err();
        assert_eq!(e.item, "item", "{kind}");
        assert!(e.reason.contains("title"), "{kind}: {}", e.reason);
    }
    let e = parse_item(SourceKind::Greenhouse, &json!({"id": 7}), &c).unwrap_err();
    assert_eq!(
        e,
        ItemError {
            item: "id 7".into(),
            reason: "no title".into()
        }
    );
    let notice = json!({"legal": "API Terms of Service: …"});
    let e = parse_item(SourceKind::RemoteOk, &notice, &c).unwrap_err();
    assert!(e.reason.contains("legal notice"), "{}", e.reason);
}

/// Item-ish JSON: field names the connectors read, XML-style "@attr"/"#text" keys, the
/// extra "_" keys, CSV headers.
fn arb_item() -> impl Strategy<Value = Value> {
    let key = prop::sample::select(vec![
        "title",
        "text",
        "name",
        "position",
        "id",
        "shortcode",
        "company",
        "company_name",
        "location",
        "locations",
        "offices",
        "city",
        "country",
        "countryCode",
        "description",
        "content",
        "url",
        "absolute_url",
        "hostedUrl",
        "salary",
        "salaryRange",
        "min",
        "max",
        "currency",
        "interval",
        "salary_min",
        "salary_max",
        "tags",
        "remote",
        "telecommuting",
        "workplace",
        "department",
        "departments",
        "experienceLevel",
        "jobAd",
        "sections",
        "legal",
        "@type",
        "@href",
        "@rel",
        "#text",
        "_company",
        "_base_url",
        "_url",
        "link",
        "guid",
        "office",
        "additionalOffices",
        "jobDescriptions",
        "jobDescription",
        "value",
        "keywords",
        "createdAt",
        "pubDate",
        "Job Title",
        "job_title",
        "Location",
        "type",
        "hiringOrganization",
        "jobLocation",
        "address",
        "baseSalary",
        "datePosted",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(Value::from),
        prop::sample::select(vec![
            "",
            " ",
            "Engineer",
            " Dev ",
            "JobPosting",
            "Salary",
            "2024-03-01",
            "1709632800",
            "US",
            "Remote",
            "hybrid",
            "https://x.example/1",
            "<p>x</p>",
            "&amp;",
            "ü€",
            "alternate",
            "html",
            "120000",
            "a,b;c",
        ])
        .prop_map(|s| Value::String(s.into())),
        ".{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..7).prop_map(|kv| Value::Object(
                kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}

/// An item object that names a title under every connector's title key (unless the
/// random fields already set that key), so that generated documents yield postings.
fn arb_titled_item() -> impl Strategy<Value = Value> {
    (arb_item(), "[A-Za-z][A-Za-z ]{0,10}").prop_map(|(v, title)| {
        let mut o = match v {
            Value::Object(o) => o,
            other => [("description".to_string(), other)].into_iter().collect(),
        };
        for k in ["title", "text", "name", "position"] {
            o.entry(k).or_insert_with(|| Value::String(title.clone()));
        }
        Value::Object(o)
    })
}

/// A document of `kind` holding `items` (JSON kinds), for the round-trip property.
fn json_document(kind: SourceKind, items: &[Value]) -> Option<Vec<u8>> {
    let doc = match kind {
        SourceKind::Greenhouse | SourceKind::Ashby => json!({ "jobs": items }),
        SourceKind::Workable => json!({ "name": "Acme Analytics", "jobs": items }),
        SourceKind::SmartRecruiters => json!({ "content": items }),
        SourceKind::Recruitee => json!({ "offers": items }),
        SourceKind::Lever => json!(items),
        SourceKind::RemoteOk => {
            let mut all = vec![json!({"legal": "terms"})];
            all.extend_from_slice(items);
            Value::Array(all)
        }
        SourceKind::JsonLd => {
            let typed: Vec<Value> = items
                .iter()
                .map(|v| match v {
                    Value::Object(o) => {
                        let mut o = o.clone();
                        o.insert("@type".into(), json!("JobPosting"));
                        Value::Object(o)
                    }
                    v => v.clone(),
                })
                .collect();
            let mut page = b"<script type=\"application/ld+json\">".to_vec();
            page.extend(serde_json::to_vec(&typed).ok()?);
            page.extend(b"</script>");
            return Some(page);
        }
        SourceKind::Jsonl => {
            let mut out = Vec::new();
            for v in items {
                out.extend(serde_json::to_vec(v).ok()?);
                out.push(b'\n');
            }
            return Some(out);
        }
        _ => return None,
    };
    serde_json::to_vec(&doc).ok()
}

/// XML element text from a JSON value (objects: child elements; the rest: escaped text).
fn xml_of(name: &str, v: &Value, out: &mut String) {
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
    let tag = |k: &str| {
        let k: String = k
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == ':')
            .collect();
        if k.is_empty() {
            "x".to_string()
        } else {
            k
        }
    };
    match v {
        Value::Object(o) => {
            out.push_str(&format!("<{}>", tag(name)));
            for (k, v) in o {
                xml_of(k, v, out);
            }
            out.push_str(&format!("</{}>", tag(name)));
        }
        Value::Array(a) => a.iter().for_each(|x| xml_of(name, x, out)),
        Value::String(s) => out.push_str(&format!("<{0}>{1}</{0}>", tag(name), esc(s))),
        other => out.push_str(&format!("<{0}>{1}</{0}>", tag(name), other)),
    }
}

fn any_kind() -> impl Strategy<Value = SourceKind> {
    prop::sample::select(SourceKind::ALL.to_vec())
}

proptest! {
    #[test]
    fn parse_item_never_panics(kind in any_kind(), v in arb_item()) {
        let c = ctx("https://acme.jobs.personio.de/xml", Some("Acme"));
        match parse_item(kind, &v, &c) {
            Ok(p) => prop_assert!(!p.title.is_empty() && p.title.trim() == p.title),
            Err(e) => prop_assert!(!e.item.is_empty() && !e.reason.is_empty()),
        }
        let _ = parse_item(kind, &v, &Context::default());
    }

    #[test]
    fn generated_json_documents_round_trip(kind in any_kind(),
                                           items in prop::collection::vec(arb_titled_item(), 0..4)) {
        let c = ctx("https://careers.acme.example/jobs", Some("Acme"));
        if let Some(doc) = json_document(kind, &items) {
            assert_round_trip(kind, &doc, &c, "generated");
        }
    }

    #[test]
    fn generated_xml_and_csv_round_trip(items in prop::collection::vec(arb_titled_item(), 0..4),
                                        cells in prop::collection::vec(
                                            prop::collection::vec("[a-zA-Z ,\"\n;]{0,6}", 0..6), 0..5),
                                        header in prop::collection::vec(
                                            prop::sample::select(vec!["Title", "title", "Job Title",
                                                "Location", "location", "City", "Country", "Salary Min",
                                                "salary_max", "Remote", "Skills", "URL", "apply_url",
                                                "column 3", "", "Date Posted"]), 1..6)) {
        let c = ctx("personio:https://acme.jobs.personio.de/xml", Some("Acme"));
        let mut personio = String::from("<workzag-jobs>");
        let mut rss = String::from("<rss><channel>");
        let mut atom = String::from("<feed>");
        for it in &items {
            xml_of("position", it, &mut personio);
            xml_of("item", it, &mut rss);
            xml_of("entry", it, &mut atom);
        }
        personio.push_str("</workzag-jobs>");
        rss.push_str("</channel></rss>");
        atom.push_str("</feed>");
        assert_round_trip(SourceKind::Personio, personio.as_bytes(), &c, "personio");
        assert_round_trip(SourceKind::Feed, rss.as_bytes(), &c, "rss");
        assert_round_trip(SourceKind::Feed, atom.as_bytes(), &c, "atom");

        let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let mut csv: Vec<String> = vec![header.iter().map(|h| quote(h)).collect::<Vec<_>>().join(",")];
        for row in &cells {
            csv.push(row.iter().map(|s| quote(s)).collect::<Vec<_>>().join(","));
        }
        assert_round_trip(SourceKind::Csv, csv.join("\n").as_bytes(), &c, "csv");
    }

    #[test]
    fn truncated_and_spliced_fixtures_round_trip(which in 0..16usize, at in 0.0f64..1.0,
                                                 junk in prop::sample::select(vec![
                                                     "", "<", "&amp;", "</item>", "</position>",
                                                     "\"", ",", "\n", "}", "<b a='1'>x</b>"])) {
        let names = fixture_names();
        let file = &names[which % names.len()];
        let kind = kind_of(file);
        let mut b = fixture(file);
        let pos = ((b.len() as f64) * at) as usize;
        b.splice(pos..pos, junk.bytes());
        for c in ingest_contexts(kind, file) {
            assert_round_trip(kind, &b, &c, file);
            assert_round_trip(kind, &b[..pos], &c, file);
        }
    }
}

/// Every row of the real CSV exports in shared/data (read in place) round-trips.
/// Skips when the data is absent (default ../shared/data, or HIREKIT_SHARED_DATA).
#[test]
fn real_csv_exports_round_trip() {
    let dir = std::env::var("HIREKIT_SHARED_DATA")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| {
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
        })
        .join("jobs");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping real-data round trip: {} not found", dir.display());
        return;
    };
    let mut files: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    files.sort();
    let mut total = 0;
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let c = ctx(&name, None);
        let mut r = std::io::BufReader::new(std::fs::File::open(&path).unwrap());
        let mut n = 0;
        hirekit_sources::parse_reader(SourceKind::Csv, &mut r, &c, &mut |x| {
            if let Ok(sp) = x {
                check_one(SourceKind::Csv, &sp, &c, &name);
                n += 1;
            }
        })
        .unwrap();
        assert!(n > 0, "{name}: no rows");
        total += n;
    }
    eprintln!("real CSV rows round-tripped: {total}");
}
