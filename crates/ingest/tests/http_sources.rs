//! Ingesting from URLs against a local server: conditional GET, failures kept on the source.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hirekit_fetch::{FetchConfig, Fetcher};
use hirekit_ingest::{Ingestor, NoProgress};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// What the fake board answers next: (status line, extra headers, body).
type Reply = (&'static str, String, String);

fn board(ids: &[u64]) -> String {
    let jobs: Vec<String> = ids
        .iter()
        .map(|id| {
            format!(
                r#"{{"id":{id},"title":"Platform Engineer {id}","updated_at":"2026-10-01T10:00:00Z","location":{{"name":"Remote - US"}},
                "absolute_url":"https://boards.greenhouse.io/acme/jobs/{id}","content":"&lt;p&gt;Kubernetes&lt;/p&gt;","departments":[],"offices":[]}}"#
            )
        })
        .collect();
    format!(r#"{{"jobs":[{}],"meta":{{"total":{}}}}}"#, jobs.join(","), ids.len())
}

/// A tiny HTTP/1.1 server on 127.0.0.1 whose answers the test sets; records request heads.
async fn server(reply: Arc<Mutex<Reply>>, heads: Arc<Mutex<Vec<String>>>, hits: Arc<AtomicUsize>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else { return };
            let reply = reply.clone();
            let heads = heads.clone();
            hits.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(async move {
                let mut buf = vec![0u8; 8192];
                let n = sock.read(&mut buf).await.unwrap_or(0);
                heads.lock().expect("lock").push(String::from_utf8_lossy(&buf[..n]).into_owned());
                let (status, headers, body) = reply.lock().expect("lock").clone();
                let resp = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n{headers}\r\n{body}",
                    body.len()
                );
                let _ = sock.write_all(resp.as_bytes()).await;
            });
        }
    });
    format!("http://{addr}/v1/boards/acme/jobs?content=true")
}

#[tokio::test]
async fn url_sources_use_etags_and_keep_failures() {
    for db in hirekit_testkit::all().await {
        let store = db.store().await;
        let reply = Arc::new(Mutex::new(("200 OK", "ETag: \"v1\"\r\n".to_string(), board(&[1, 2]))));
        let heads = Arc::new(Mutex::new(Vec::new()));
        let hits = Arc::new(AtomicUsize::new(0));
        let url = server(reply.clone(), heads.clone(), hits.clone()).await;
        let cfg = FetchConfig {
            max_retries: 1,
            base_backoff: Duration::from_millis(10),
            max_backoff: Duration::from_millis(50),
            timeout: Duration::from_secs(5),
            ..FetchConfig::default()
        };
        let ingestor = Ingestor::new(store.clone(), Some(Fetcher::new(cfg).expect("fetcher")), Arc::new(NoProgress));
        let spec = format!("greenhouse:{url}");

        let s = ingestor.ingest(std::slice::from_ref(&spec)).await.expect("ingest");
        assert_eq!((s.new, s.failed.len()), (2, 0), "{s:?}");
        let src = &store.list_sources(false).await.expect("sources")[0];
        assert_eq!(src.name, "greenhouse:acme");
        assert_eq!((src.last_status.as_deref(), src.etag.as_deref()), (Some("ok"), Some("\"v1\"")));

        // Not modified: the validator goes out, nothing changes, nothing is closed.
        *reply.lock().expect("lock") = ("304 Not Modified", String::new(), String::new());
        let s = ingestor.ingest(std::slice::from_ref(&spec)).await.expect("ingest");
        assert_eq!((s.new, s.closed, s.failed.len()), (0, 0, 0), "{s:?}");
        assert!(heads.lock().expect("lock").last().is_some_and(|h| h.to_ascii_lowercase().contains("if-none-match: \"v1\"")));
        assert_eq!(store.list_sources(false).await.expect("sources")[0].last_status.as_deref(), Some("not_modified"));

        // Server errors: reported, kept on the source, and the postings stay open.
        *reply.lock().expect("lock") = ("500 Internal Server Error", String::new(), "oops".into());
        let s = ingestor.ingest(std::slice::from_ref(&spec)).await.expect("ingest");
        assert_eq!((s.closed, s.failed.len()), (0, 1), "{s:?}");
        let src = &store.list_sources(false).await.expect("sources")[0];
        assert_eq!(src.last_status.as_deref(), Some("failed"));
        assert!(src.last_error.as_deref().is_some_and(|e| e.contains("too_many_retries")), "{:?}", src.last_error);
        assert_eq!(src.consecutive_failures, 1);
        assert_eq!(store.counts().await.expect("counts").open_postings, 2);

        // The board drops job 2: closed.
        *reply.lock().expect("lock") = ("200 OK", "ETag: \"v2\"\r\n".to_string(), board(&[1]));
        let s = ingestor.ingest(std::slice::from_ref(&spec)).await.expect("ingest");
        assert_eq!((s.unchanged, s.closed), (1, 1), "{s:?}");

        // Gone for good: 404 marks the source failed without touching postings.
        *reply.lock().expect("lock") = ("404 Not Found", String::new(), "no".into());
        let before = hits.load(Ordering::SeqCst);
        let s = ingestor.ingest(std::slice::from_ref(&spec)).await.expect("ingest");
        assert_eq!(s.failed.len(), 1);
        assert_eq!(hits.load(Ordering::SeqCst) - before, 1, "404 is not retried");
        assert_eq!(store.counts().await.expect("counts").open_postings, 1);
        store.close().await;
    }
}
