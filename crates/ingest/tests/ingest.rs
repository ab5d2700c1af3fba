//! The pipeline end to end on real connector input, on SQLite and PostgreSQL.

use std::path::Path;
use std::sync::Arc;

use hirekit_ingest::{Ingestor, NoProgress, Summary};
use hirekit_store::Store;

fn greenhouse(jobs: &[(u64, &str, &str)]) -> String {
    let items: Vec<String> = jobs
        .iter()
        .map(|(id, title, city)| {
            format!(
                r#"{{"id":{id},"title":"{title}","updated_at":"2026-10-01T10:00:00-04:00","requisition_id":"R{id}",
                "location":{{"name":"{city}"}},"absolute_url":"https://boards.greenhouse.io/acme/jobs/{id}","metadata":[],
                "content":"&lt;p&gt;Build payment APIs in Go and PostgreSQL. Salary: $150,000 - $180,000 per year.&lt;/p&gt;",
                "departments":[{{"id":1,"name":"Engineering"}}],"offices":[{{"id":1,"name":"{city}","location":"{city}"}}]}}"#
            )
        })
        .collect();
    format!(r#"{{"jobs":[{}],"meta":{{"total":{}}}}}"#, items.join(","), jobs.len())
}

const JSONL: &str = r#"{"@context":"https://schema.org","@type":"JobPosting","identifier":{"@type":"PropertyValue","value":"agg-1"},"title":"Senior Backend Engineer","hiringOrganization":{"@type":"Organization","name":"Acme, Inc."},"jobLocation":{"@type":"Place","address":{"@type":"PostalAddress","addressLocality":"Austin, TX","addressCountry":"US"}},"description":"<p>Go, Kubernetes</p>","url":"https://aggregator.example/jobs/1"}
{"@context":"https://schema.org","@type":"JobPosting","identifier":"agg-2","title":"Data Analyst","hiringOrganization":{"name":"Other Co"},"description":"SQL and dashboards","baseSalary":{"@type":"MonetaryAmount","currency":"USD","value":{"@type":"QuantitativeValue","minValue":40,"maxValue":55,"unitText":"HOUR"}}}
this line is not JSON
{"@type":"JobPosting","identifier":"agg-3","title":"","description":"no title"}
{"@type":"JobPosting","identifier":"agg-4","title":"QA Engineer","hiringOrganization":{"name":"Other Co"},"description":"Selenium"}
"#;

async fn ingest(store: &Store, specs: &[String]) -> Summary {
    Ingestor::new(store.clone(), None, Arc::new(NoProgress)).ingest(specs).await.expect("ingest")
}

fn write(dir: &Path, name: &str, body: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, body).expect("write fixture");
    p.display().to_string()
}

#[tokio::test]
async fn folder_ingest_is_idempotent_merges_and_closes() {
    for db in hirekit_testkit::all().await {
        let store = db.store().await;
        let dir = tempfile::tempdir().expect("tempdir");
        let gh = write(
            dir.path(),
            "greenhouse-acme.json",
            &greenhouse(&[(11, "Senior Backend Engineer", "Austin, TX"), (12, "Frontend Engineer", "Austin, TX")]),
        );
        write(dir.path(), "aggregator.jsonl", JSONL);

        let s = ingest(&store, &[dir.path().display().to_string()]).await;
        // 2 board jobs + 3 good JSONL lines, one of which is the board's backend job again.
        assert_eq!((s.new, s.merged, s.closed), (4, 1, 0), "{s:?}");
        assert_eq!(s.failed.len(), 2, "bad JSON line and empty title: {:?}", s.failed);
        assert!(s.failed.iter().any(|f| f.item == "line 3" && f.source.ends_with("aggregator.jsonl")), "{:?}", s.failed);
        assert!(s.failed.iter().any(|f| f.item == "line 4"), "{:?}", s.failed);

        let again = ingest(&store, &[dir.path().display().to_string()]).await;
        assert_eq!((again.new, again.updated, again.merged, again.closed), (0, 0, 0, 0), "{again:?}");
        assert_eq!(again.unchanged, 5);

        // The board drops the frontend job: it closes. The backend job is still on the board.
        std::fs::write(&gh, greenhouse(&[(11, "Senior Backend Engineer", "Austin, TX")])).expect("rewrite");
        let s = ingest(&store, &[gh.clone()]).await;
        assert_eq!((s.unchanged, s.closed), (1, 1), "{s:?}");

        let open = store.postings_after(0, 100, false).await.expect("list");
        assert_eq!(open.len(), 3);
        let backend = open.iter().find(|p| p.posting.title == "Senior Backend Engineer").expect("backend");
        assert_eq!(backend.sources.len(), 2, "one posting, both sources");
        assert_eq!(backend.posting.apply_url.as_deref(), Some("https://boards.greenhouse.io/acme/jobs/11"));
        assert_eq!(backend.posting.company.as_deref(), Some("Acme"));
        let analyst = open.iter().find(|p| p.posting.title == "Data Analyst").expect("analyst");
        let pay = analyst.posting.salary.as_ref().expect("structured pay kept");
        assert_eq!((pay.min, pay.max, pay.currency.as_deref()), (Some(40.0), Some(55.0), Some("USD")));
        store.close().await;
    }
}

#[tokio::test]
async fn missing_and_unknown_sources_are_reported_not_fatal() {
    let db = hirekit_testkit::sqlite();
    let store = db.store().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let junk = write(dir.path(), "notes.txt", "just some words\nwith no structure at all");
    let good = write(dir.path(), "jobs.jsonl", JSONL);
    let s = ingest(&store, &["/nonexistent/feed.json".into(), junk, good]).await;
    assert!(s.failed.iter().any(|f| f.source == "/nonexistent/feed.json" && f.reason.contains("cannot open")), "{:?}", s.failed);
    assert!(s.failed.iter().any(|f| f.reason.contains("cannot tell the format")), "{:?}", s.failed);
    assert_eq!(s.new, 3, "the good file still ingests: {s:?}");
    // A forced kind that does not fit is a document error, reported by name.
    let wrong = write(dir.path(), "x.json", "{\"not\": \"a board\"}");
    let s = ingest(&store, &[format!("personio:{wrong}")]).await;
    assert_eq!(s.failed.len(), 1, "{s:?}");
    assert!(s.failed[0].source.contains("x.json"));
}

#[tokio::test]
async fn gzip_jsonl_streams() {
    use std::io::Write;
    let db = hirekit_testkit::sqlite();
    let store = db.store().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.jsonl.gz");
    let mut gz = flate2::write::GzEncoder::new(std::fs::File::create(&path).expect("create"), flate2::Compression::fast());
    for i in 0..5000 {
        writeln!(
            gz,
            r#"{{"@type":"JobPosting","identifier":"id-{i}","title":"Rust Engineer","hiringOrganization":{{"name":"Company {i}"}},"description":"Rust"}}"#
        )
        .expect("write");
    }
    gz.finish().expect("finish");
    let s = ingest(&store, &[path.display().to_string()]).await;
    assert_eq!(s.new, 5000, "{s:?}");
    assert!(s.failed.is_empty());
}

#[tokio::test]
async fn stored_items_renormalize_without_refetch() {
    for db in hirekit_testkit::all().await {
        let store = db.store().await;
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "greenhouse-acme.json", &greenhouse(&[(1, "Sr. Site Reliability Engineer", "Berlin")]));
        ingest(&store, &[dir.path().display().to_string()]).await;
        let items = store.items_after(0, 10).await.expect("items");
        assert_eq!(items.len(), 1);
        let it = &items[0];
        let raw: serde_json::Value = serde_json::from_str(&it.raw).expect("raw is JSON");
        let kind = hirekit_model::SourceKind::parse(it.source_kind.as_deref().expect("kind")).expect("known kind");
        let ctx = hirekit_ingest::context_for(&it.source_name, &it.source_location);
        let sp = hirekit_sources::parse_item(kind, &raw, &ctx).expect("re-read");
        let p = hirekit_model::normalize::normalize(&sp);
        let stored = store.get_posting(it.posting_id).await.expect("get").expect("exists");
        assert_eq!(p, stored.posting, "re-reading the raw item gives the stored posting");
        store.close().await;
    }
}
