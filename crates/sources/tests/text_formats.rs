//! Personio XML, RSS/Atom feeds, JSON-LD pages, JSONL and CSV.
#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use hirekit_model::posting::{Period, RemotePolicy};
use hirekit_sources::{parse_jsonl_line, SourceKind};

#[test]
fn personio() {
    let c = ctx(
        "https://acme.jobs.personio.de/xml?language=de",
        Some("Acme"),
    );
    let (ok, bad) = run(SourceKind::Personio, &fixture("personio_acme.xml"), &c).unwrap();
    assert_eq!((ok.len(), bad.len()), (2, 1));
    assert_eq!(bad[0].item, "id 1234569");
    let p = &ok[0];
    assert_eq!(p.external_id.as_deref(), Some("1234567"));
    assert_eq!(
        p.title,
        "Senior Frontend Developer (m/w/d) – React & TypeScript"
    );
    assert_eq!(p.company.as_deref(), Some("Acme Software GmbH"));
    assert_eq!(p.locations, vec!["Berlin", "Hamburg", "München"]);
    assert_eq!(p.department.as_deref(), Some("Engineering"));
    assert_eq!(p.employment_type.as_deref(), Some("permanent, full-time"));
    assert_eq!(p.seniority.as_deref(), Some("experienced"));
    assert_eq!(p.skills, vec!["React", "TypeScript", "GraphQL"]);
    assert_eq!(date(&p.posted_at), "2024-02-29T10:15:00+00:00");
    assert_eq!(
        p.url.as_deref(),
        Some("https://acme.jobs.personio.de/job/1234567")
    );
    assert_eq!(
        p.description_html.as_deref(),
        Some(
            "<h3>Deine Aufgaben</h3><ul><li>React-Komponenten bauen</li><li>Code Reviews &amp; Pairing</li></ul>\
             <h3>Dein Profil</h3><p>5+ Jahre Erfahrung. Gehalt: 65.000 € – 80.000 € pro Jahr.</p>"
        )
    );
    assert_eq!(p.raw["subcompany"], "Acme Software GmbH");
    assert_eq!(p.raw["additionalOffices"]["office"][1], "München");

    let p = &ok[1];
    assert_eq!(
        p.title, "Werkstudent Buchhaltung – 20h",
        "numeric character reference"
    );
    assert_eq!(p.company.as_deref(), Some("Acme"));
    assert_eq!(
        p.description_html.as_deref(),
        Some("<h3>Über uns</h3><p>Escaped HTML without CDATA &nbsp;works too.</p>")
    );
    assert_eq!(date(&p.posted_at), "2024-03-01T00:00:00+00:00");
}

#[test]
fn personio_truncated_keeps_complete_positions() {
    let x = fixture("personio_acme.xml");
    let cut = String::from_utf8_lossy(&x)
        .find("<name>Werkstudent")
        .unwrap();
    let (ok, bad) = run(SourceKind::Personio, &x[..cut], &ctx("f.xml", None)).unwrap();
    assert_eq!(ok.len(), 1);
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].item, "id 1234568");
}

#[test]
fn dtd_and_entities_refused() {
    let bombs: [&[u8]; 3] = [
        b"<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>\
          <workzag-jobs><position><name>&lol2;</name></position></workzag-jobs>",
        b"<!DOCTYPE rss SYSTEM \"http://example.org/evil.dtd\"><rss><channel><item><title>x</title></item></channel></rss>",
        b"<?xml version=\"1.0\"?>\n<!doctype feed [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><feed><entry><title>&xxe;</title></entry></feed>",
    ];
    for (i, b) in bombs.iter().enumerate() {
        for kind in [SourceKind::Personio, SourceKind::Feed] {
            let r = run(kind, b, &ctx("x.xml", None));
            let e = r.expect_err(&format!("bomb {i} accepted by {kind}"));
            assert!(e.reason.contains("DTD"), "{}", e.reason);
        }
    }
    // An undeclared entity is never expanded: it stays as written.
    let (ok, _) = run(
        SourceKind::Feed,
        b"<rss><channel><item><title>A &xxe; B</title></item></channel></rss>",
        &ctx("x", None),
    )
    .unwrap();
    assert_eq!(ok[0].title, "A &xxe; B");
}

#[test]
fn rss() {
    let (ok, bad) = run_fixture(SourceKind::Feed, "feed_rss.xml", None);
    assert_eq!((ok.len(), bad.len()), (2, 1));
    assert_eq!(bad[0].item, "position 3");
    let p = &ok[0];
    assert_eq!(
        p.title, "Globex: Site Reliability Engineer",
        "title kept as written"
    );
    assert_eq!(
        p.company.as_deref(),
        Some("Globex Corporation"),
        "from <job:company>, not dc:creator"
    );
    assert_eq!(p.external_id.as_deref(), Some("job-1001"));
    assert_eq!(
        p.url.as_deref(),
        Some("https://jobs.example.org/jobs/1001-sre")
    );
    assert_eq!(date(&p.posted_at), "2024-03-04T14:30:00+00:00");
    assert_eq!(
        p.description_html.as_deref(),
        Some("<p>On-call &amp; automation. <b>$140k–$170k</b></p>")
    );
    assert_eq!(p.locations, vec!["Chicago, IL"]);
    assert_eq!(p.employment_type.as_deref(), Some("Full-time"));
    assert_eq!(p.salary_text.as_deref(), Some("$140,000 - $170,000 a year"));
    let p = &ok[1];
    assert_eq!(p.title, "Data Analyst at Initech");
    assert_eq!(
        p.company, None,
        "no company element: not guessed from the title"
    );
    assert_eq!(
        p.description_html.as_deref(),
        Some("<p>Full <em>HTML</em> body.</p>"),
        "content:encoded wins"
    );
    assert_eq!(
        p.external_id.as_deref(),
        Some("https://jobs.example.org/jobs/1002"),
        "link when no guid"
    );
    assert_eq!(date(&p.posted_at), "2024-03-03T08:00:00+00:00");
}

#[test]
fn rss_items_outside_channel() {
    let x = b"<rss version=\"0.91\"><item><title>Welder</title><link>https://x.example/1</link></item></rss>";
    let (ok, _) = run(SourceKind::Feed, x, &ctx("x", None)).unwrap();
    assert_eq!(ok.len(), 1);
    assert_eq!(ok[0].url.as_deref(), Some("https://x.example/1"));
}

#[test]
fn atom() {
    let (ok, bad) = run_fixture(SourceKind::Feed, "feed_atom.xml", None);
    assert_eq!((ok.len(), bad.len()), (2, 0));
    let p = &ok[0];
    assert_eq!(p.title, "Clinical Research Associate");
    assert_eq!(
        p.url.as_deref(),
        Some("https://careers.umbrella.example/jobs/77"),
        "not rel=self"
    );
    assert_eq!(
        p.external_id.as_deref(),
        Some("tag:umbrella.example,2024:job-77")
    );
    assert_eq!(date(&p.posted_at), "2024-03-01T09:00:00+00:00");
    assert_eq!(date(&p.updated_at), "2024-03-05T18:30:02+00:00");
    assert_eq!(
        p.description_html.as_deref(),
        Some("<p>Monitor trials across <b>EMEA</b>.</p>")
    );
    let p = &ok[1];
    assert_eq!(
        p.url.as_deref(),
        Some("https://careers.umbrella.example/jobs/78")
    );
    assert_eq!(p.description_text.as_deref(), Some("Night shifts."));
    assert_eq!(date(&p.updated_at), "2024-03-04T08:00:00+00:00");
}

#[test]
fn jsonld_graph_in_comment_with_trailing_comma() {
    let c = ctx("https://careers.hooli.example/jobs/ds-42", None);
    let (ok, bad) = run(SourceKind::JsonLd, &fixture("jsonld_page.html"), &c).unwrap();
    assert_eq!((ok.len(), bad.len()), (1, 0), "{bad:?}");
    let p = &ok[0];
    assert_eq!(p.title, "Senior Data Scientist");
    assert_eq!(p.external_id.as_deref(), Some("DS-42"));
    assert_eq!(p.company.as_deref(), Some("Hooli"));
    assert_eq!(
        p.description_html.as_deref(),
        Some("<p>Model <strong>churn</strong> and pricing.</p><ul><li>Python</li></ul>")
    );
    assert_eq!(date(&p.posted_at), "2024-03-01T00:00:00+00:00");
    assert_eq!(date(&p.valid_through), "2024-05-01T06:59:59+00:00");
    assert_eq!(p.employment_type.as_deref(), Some("FULL_TIME, CONTRACTOR"));
    assert_eq!(
        p.locations,
        vec!["Palo Alto, CA, US", "Toronto, ON, Canada"]
    );
    assert_eq!(p.country.as_deref(), Some("US"));
    let s = p.salary.as_ref().unwrap();
    assert_eq!(
        (s.min, s.max, s.currency.as_deref(), s.period),
        (
            Some(160000.0),
            Some(210000.0),
            Some("USD"),
            Some(Period::Year)
        )
    );
    assert_eq!(p.skills, vec!["Python", "SQL", "causal inference"]);
    assert_eq!(p.seniority.as_deref(), Some("Mid-Senior level"));
    assert_eq!(p.department.as_deref(), Some("15-2051.00 Data Scientists"));
    assert_eq!(
        p.url.as_deref(),
        Some("https://careers.hooli.example/jobs/ds-42"),
        "page URL as fallback"
    );
    assert_eq!(p.raw["directApply"], true);
}

#[test]
fn jsonld_array_raw_newlines_and_bad_script() {
    let (ok, bad) = run_fixture(SourceKind::JsonLd, "jsonld_remote.html", None);
    assert_eq!((ok.len(), bad.len()), (2, 1));
    assert_eq!(bad[0].item, "script 2");
    let p = &ok[0];
    assert_eq!(p.title, "Remote Technical Writer");
    assert_eq!(p.remote, Some(RemotePolicy::Remote));
    assert_eq!(p.locations, vec!["USA", "Ontario"]);
    assert_eq!(p.external_id.as_deref(), Some("TW-7"));
    assert_eq!(
        p.description_text.as_deref(),
        Some("Write docs.\nPlain text with a raw newline inside the string.")
    );
    let s = p.salary.as_ref().unwrap();
    assert_eq!(
        (s.min, s.max, s.currency.as_deref(), s.period),
        (Some(45.0), Some(45.0), Some("USD"), Some(Period::Hour))
    );
    assert_eq!(p.skills, vec!["Markdown", "Docs-as-code"]);
    assert_eq!(p.url, None, "file source is no URL");
    let p = &ok[1];
    assert_eq!(p.title, "Untitled fallback to name");
    assert_eq!(p.company.as_deref(), Some("Kramerica"));
    assert_eq!(p.locations, vec!["Queens, NY"]);
    assert_eq!(p.salary.as_ref().and_then(|s| s.min), Some(52000.0));
}

#[test]
fn jsonld_without_scripts_is_a_doc_error() {
    let r = run(
        SourceKind::JsonLd,
        b"<html><body>No data</body></html>",
        &ctx("p.html", None),
    );
    assert!(r.is_err());
}

fn check_jsonl(ok: &[hirekit_sources::SourcePosting], bad: &[hirekit_sources::ItemError]) {
    assert_eq!(ok.len(), 4);
    let items: Vec<&str> = bad.iter().map(|e| e.item.as_str()).collect();
    assert_eq!(items, vec!["line 4", "line 5", "line 7"]);
    assert!(
        bad[0].reason.starts_with("not valid JSON"),
        "{}",
        bad[0].reason
    );
    assert_eq!(bad[1].reason, "not a JSON object");
    assert_eq!(bad[2].reason, "no title");

    let p = &ok[0];
    assert_eq!(p.title, "Backend Engineer (Go)");
    assert_eq!(p.external_id.as_deref(), Some("bars-0"));
    assert_eq!(p.company.as_deref(), Some("Stark Payments"));
    assert_eq!(p.locations, vec!["Austin, TX"]);
    assert_eq!(
        p.description_text.as_deref(),
        Some("We run payments.\nYou write Go.")
    );
    assert_eq!(p.employment_type.as_deref(), Some("FULL_TIME"));
    let s = p.salary.as_ref().unwrap();
    assert_eq!(
        (s.min, s.max, s.currency.as_deref(), s.period),
        (
            Some(140000.0),
            Some(175000.0),
            Some("USD"),
            Some(Period::Year)
        )
    );
    assert_eq!(p.raw["identifier"]["value"], "bars-0");

    assert_eq!(ok[1].country.as_deref(), Some("GB"));
    assert_eq!(date(&ok[1].posted_at), "2013-06-01T00:00:00+00:00");

    let p = &ok[2];
    let s = p.salary.as_ref().unwrap();
    assert_eq!(
        (s.min, s.max, s.period),
        (Some(7000.0), None, Some(Period::Month))
    );
    assert_eq!(
        p.description_html.as_deref(),
        Some("<p>Java &amp; Spring</p>")
    );
    assert_eq!(
        p.raw["hirekit"]["seniority"], "junior",
        "hirekit's export block stays in raw"
    );

    let p = &ok[3];
    assert_eq!(p.title, "Café Manager");
    assert_eq!(p.remote, Some(RemotePolicy::Remote));
    assert_eq!(date(&p.posted_at), "2024-03-05T10:00:00+00:00");
}

#[test]
fn jsonl_bad_lines_in_the_middle() {
    let bytes = fixture("jobs.jsonl");
    let c = ctx("jobs.jsonl", None);
    let (ok, bad) = run(SourceKind::Jsonl, &bytes, &c).unwrap();
    check_jsonl(&ok, &bad);
    let (ok, bad) = run_reader(SourceKind::Jsonl, &bytes, &c).unwrap();
    check_jsonl(&ok, &bad);
}

#[test]
fn jsonl_line_api() {
    let c = ctx("x", None);
    assert_eq!(parse_jsonl_line(b"  \r", 3, &c), Ok(None));
    let e = parse_jsonl_line(b"{\"title\": 1}", 12, &c).unwrap_err();
    assert_eq!(e.item, "line 12");
    let p = parse_jsonl_line(b"{\"title\":\"Caf\xe9\"}\r", 1, &c)
        .unwrap()
        .unwrap();
    assert_eq!(p.title, "Caf\u{fffd}", "invalid UTF-8 decoded lossily");
    let p = parse_jsonl_line(b"\xef\xbb\xbf{\"title\":\"A\"}", 1, &c)
        .unwrap()
        .unwrap();
    assert_eq!(p.title, "A", "BOM on the first line");
}

fn check_csv(ok: &[hirekit_sources::SourcePosting], bad: &[hirekit_sources::ItemError]) {
    assert_eq!(ok.len(), 3);
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].item, "line 5");
    assert_eq!(bad[0].reason, "no title");
    let p = &ok[0];
    assert_eq!(p.title, "Senior Accountant");
    assert_eq!(p.company.as_deref(), Some("Wayne Enterprises"));
    assert_eq!(p.locations, vec!["Gotham, NJ"]);
    assert_eq!(p.salary_text.as_deref(), Some("$85,000 - $95,000 a year"));
    assert_eq!(p.employment_type.as_deref(), Some("Full-time"));
    assert_eq!(date(&p.posted_at), "2024-03-01T00:00:00+00:00");
    assert_eq!(p.external_id.as_deref(), Some("wa-17"));
    assert_eq!(p.remote, None);
    assert_eq!(p.country.as_deref(), Some("US"));
    assert_eq!(p.url.as_deref(), Some("https://jobs.wayne.example/17"));
    assert_eq!(
        p.description_text.as_deref(),
        Some("Close the books.\nMonthly reporting, \"IFRS\" and GAAP.")
    );
    assert_eq!(
        p.raw["Job Title"], "Senior Accountant",
        "BOM stripped from the first header"
    );
    assert_eq!(ok[1].title, "Pharmacist");
    assert_eq!(ok[1].url, None);
    let p = &ok[2];
    assert_eq!(p.company.as_deref(), Some("Caf\u{fffd} Ltd"));
    assert_eq!(p.remote, Some(RemotePolicy::Remote));
    assert_eq!(p.country, None);
    assert_eq!(
        p.description_html.as_deref(),
        Some("<p>Help <b>customers</b></p>")
    );
}

#[test]
fn csv() {
    let bytes = fixture("jobs.csv");
    let c = ctx("jobs.csv", None);
    let (ok, bad) = run(SourceKind::Csv, &bytes, &c).unwrap();
    check_csv(&ok, &bad);
    let (ok, bad) = run_reader(SourceKind::Csv, &bytes, &c).unwrap();
    check_csv(&ok, &bad);
}

#[test]
fn csv_semicolons_and_structured_salary() {
    let data = "position;employer;city;country;min_salary;max_salary;currency;pay_period\n\
                Lagerist;Muster AG;Köln;DE;2.800;3.200;eur;MONTHLY\n";
    let (ok, bad) = run(SourceKind::Csv, data.as_bytes(), &ctx("x.csv", None)).unwrap();
    assert!(bad.is_empty());
    let p = &ok[0];
    assert_eq!(p.title, "Lagerist");
    assert_eq!(p.company.as_deref(), Some("Muster AG"));
    assert_eq!(p.locations, vec!["Köln, DE"]);
    assert_eq!(p.country.as_deref(), Some("DE"));
    let s = p.salary.as_ref().unwrap();
    assert_eq!(
        (s.min, s.max, s.currency.as_deref(), s.period),
        (Some(2800.0), Some(3200.0), Some("EUR"), Some(Period::Month)),
        "dots as thousands separators"
    );
}

#[test]
fn csv_without_title_column_is_a_doc_error() {
    assert!(run(SourceKind::Csv, b"a,b\n1,2\n", &ctx("x.csv", None)).is_err());
    assert!(run(SourceKind::Csv, b"", &ctx("x.csv", None)).is_err());
}
