//! Scale-out: two `serve` nodes on one PostgreSQL database, each with its own index, following
//! the store's change feed. A posting written by a separate ingest worker becomes searchable on
//! both nodes within seconds; a removed source disappears from both.

use std::time::{Duration, Instant};

use hirekit_index::SearchIndex;
use hirekit_model::money::Rates;
use hirekit_server::AppState;
use hirekit_store::Store;

async fn node(url: &str, dir: &std::path::Path) -> (String, tokio::sync::watch::Sender<bool>) {
    let store = Store::connect(url).await.expect("node store");
    let index = SearchIndex::open(dir, Rates::builtin()).expect("index");
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    index.follow(store.clone(), Duration::from_millis(200), stop_rx.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let state = AppState::new(store, index, Rates::builtin());
    let mut rx = stop_rx;
    tokio::spawn(async move {
        let _ = hirekit_server::serve_state(listener, state, async move {
            let _ = rx.changed().await;
        })
        .await;
    });
    (format!("http://{addr}"), stop_tx)
}

async fn total(base: &str, q: &str) -> u64 {
    let body = reqwest_get(&format!("{base}/api/v1/jobs?q={q}&limit=1")).await;
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    v["total"].as_u64().expect("total")
}

/// A tiny HTTP/1.1 GET (no client dependency needed in tests).
async fn reqwest_get(url: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let rest = url.strip_prefix("http://").expect("http");
    let (host, path) = rest.split_once('/').map(|(h, p)| (h, format!("/{p}"))).expect("path");
    let mut s = tokio::net::TcpStream::connect(host).await.expect("connect");
    s.write_all(format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes()).await.expect("write");
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).await.expect("read");
    let text = String::from_utf8_lossy(&buf).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").expect("response");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        // De-chunk.
        let mut out = String::new();
        let mut rest = body;
        while let Some((len, tail)) = rest.split_once("\r\n") {
            let n = usize::from_str_radix(len.trim(), 16).unwrap_or(0);
            if n == 0 {
                break;
            }
            out.push_str(&tail[..n]);
            rest = &tail[n + 2..];
        }
        out
    } else {
        body.to_string()
    }
}

#[tokio::test]
async fn two_nodes_on_one_postgres_follow_the_change_feed() {
    let Some(db) = hirekit_testkit::postgres().await else {
        eprintln!("skipped: HIREKIT_TEST_PG_URL is not set (scripts/test.sh sets it)");
        return;
    };
    let _migrated = db.store().await;
    let (dir_a, dir_b) = (tempfile::tempdir().expect("dir"), tempfile::tempdir().expect("dir"));
    let (a, stop_a) = node(&db.url, dir_a.path()).await;
    let (b, stop_b) = node(&db.url, dir_b.path()).await;
    assert_eq!(total(&a, "zanzibarian").await, 0);

    // An ingest worker (its own connection) writes a posting.
    let feed = tempfile::tempdir().expect("dir");
    let file = feed.path().join("jobs.jsonl");
    std::fs::write(
        &file,
        r#"{"@type":"JobPosting","title":"Zanzibarian Rust Engineer","hiringOrganization":{"name":"Acme"},"description":"Build ledgers in Rust.","url":"https://jobs.example/acme/1","identifier":"1"}"#.to_string() + "\n",
    )
    .expect("write");
    let worker = Store::connect(&db.url).await.expect("worker store");
    let ingestor = hirekit_ingest::Ingestor::new(worker.clone(), None, std::sync::Arc::new(hirekit_ingest::NoProgress));
    let t = Instant::now();
    let s = ingestor.ingest(&[format!("jsonl:{}", file.display())]).await.expect("ingest");
    assert_eq!(s.new, 1);
    for (name, base) in [("A", &a), ("B", &b)] {
        let mut seen = false;
        while t.elapsed() < Duration::from_secs(10) {
            if total(base, "zanzibarian").await == 1 {
                seen = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(seen, "node {name} did not see the posting within 10 s");
        eprintln!("node {name}: searchable {:.0} ms after the ingest finished", t.elapsed().as_secs_f64() * 1000.0);
    }

    // The worker removes the source: both nodes drop the posting (tombstones).
    let sources = worker.list_sources(false).await.expect("sources");
    worker.remove_source(&sources[0].name, 2).await.expect("remove").expect("found");
    let t = Instant::now();
    for base in [&a, &b] {
        while total(base, "zanzibarian").await != 0 {
            assert!(t.elapsed() < Duration::from_secs(10), "deleted posting still found");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    let _ = stop_a.send(true);
    let _ = stop_b.send(true);
    worker.close().await;
}
