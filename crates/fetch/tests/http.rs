//! End-to-end tests against a hand-written HTTP/1.1 server on 127.0.0.1, so each test
//! can misbehave exactly as it needs (wrong Content-Length, hang, close mid-body).

use std::collections::HashMap;
use std::future::Future;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use hirekit_fetch::{FetchConfig, FetchError, Fetched, Fetcher, Validators};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

// ---------- test server ----------

#[derive(Debug, Clone)]
struct Req {
    path: String,
    /// Lower-cased names.
    headers: HashMap<String, String>,
}

struct Server {
    addr: SocketAddr,
    hits: Arc<AtomicUsize>,
    reqs: Arc<Mutex<Vec<Req>>>,
}

impl Server {
    fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }
    fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
    fn req(&self, i: usize) -> Req {
        self.reqs.lock().expect("lock")[i].clone()
    }
}

/// Serves every connection with `handler(request, hit_index, stream)`. One request per
/// connection; responses say `Connection: close`.
async fn serve<F, Fut>(handler: F) -> Server
where
    F: Fn(Req, usize, TcpStream) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let hits = Arc::new(AtomicUsize::new(0));
    let reqs = Arc::new(Mutex::new(Vec::new()));
    let handler = Arc::new(handler);
    let (h, r) = (hits.clone(), reqs.clone());
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let (h, r, handler) = (h.clone(), r.clone(), handler.clone());
            tokio::spawn(async move {
                let Some(req) = read_head(&mut stream).await else {
                    return;
                };
                r.lock().expect("lock").push(req.clone());
                let n = h.fetch_add(1, Ordering::SeqCst);
                handler(req, n, stream).await;
            });
        }
    });
    Server { addr, hits, reqs }
}

async fn read_head(stream: &mut TcpStream) -> Option<Req> {
    let mut buf = Vec::new();
    let mut byte = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut byte).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&byte[..n]);
    }
    let text = String::from_utf8_lossy(&buf).into_owned();
    let mut lines = text.split("\r\n");
    let path = lines.next()?.split(' ').nth(1)?.to_string();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Some(Req { path, headers })
}

/// A complete response with a correct Content-Length.
async fn respond(mut s: TcpStream, status: &str, headers: &[(&str, &str)], body: &[u8]) {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = s.write_all(head.as_bytes()).await;
    let _ = s.write_all(body).await;
    let _ = s.shutdown().await;
}

/// Small timings so retries take milliseconds.
fn fast() -> FetchConfig {
    FetchConfig {
        timeout: Duration::from_secs(3),
        connect_timeout: Duration::from_secs(2),
        max_retries: 3,
        base_backoff: Duration::from_millis(10),
        max_backoff: Duration::from_millis(50),
        ..FetchConfig::default()
    }
}

fn fetcher(cfg: FetchConfig) -> Fetcher {
    Fetcher::new(cfg).expect("fetcher")
}

fn body_of(f: Fetched) -> Vec<u8> {
    match f {
        Fetched::Body { bytes, .. } => bytes.to_vec(),
        Fetched::NotModified => panic!("expected a body, got NotModified"),
    }
}

const LM: &str = "Wed, 21 Oct 2015 07:28:00 GMT";

// ---------- tests ----------

#[tokio::test]
async fn etag_and_last_modified_then_304() {
    let srv = serve(|req, _, s| async move {
        let etag_ok = req.headers.get("if-none-match").map(String::as_str) == Some("\"v1\"");
        let lm_ok = req.headers.get("if-modified-since").map(String::as_str) == Some(LM);
        if etag_ok && lm_ok {
            respond(s, "304 Not Modified", &[("ETag", "\"v1\"")], b"").await
        } else {
            let h = [
                ("ETag", "\"v1\""),
                ("Last-Modified", LM),
                ("Content-Type", "application/json"),
            ];
            respond(s, "200 OK", &h, b"{\"jobs\":[]}").await
        }
    })
    .await;
    let f = fetcher(fast());

    let first = f
        .get(&srv.url("/feed.json"), None)
        .await
        .expect("first get");
    let Fetched::Body {
        bytes,
        content_type,
        validators,
        final_url,
    } = first
    else {
        panic!("expected body")
    };
    assert_eq!(&bytes[..], b"{\"jobs\":[]}");
    assert_eq!(content_type.as_deref(), Some("application/json"));
    assert_eq!(validators.etag.as_deref(), Some("\"v1\""));
    assert_eq!(validators.last_modified.as_deref(), Some(LM));
    assert_eq!(final_url, srv.url("/feed.json"));
    assert!(!srv.req(0).headers.contains_key("if-none-match"));

    let second = f
        .get(&srv.url("/feed.json"), Some(&validators))
        .await
        .expect("second get");
    assert_eq!(second, Fetched::NotModified);
    let r = srv.req(1);
    assert_eq!(
        r.headers.get("if-none-match").map(String::as_str),
        Some("\"v1\"")
    );
    assert_eq!(
        r.headers.get("if-modified-since").map(String::as_str),
        Some(LM)
    );
    assert_eq!(srv.hits(), 2);
}

#[tokio::test]
async fn only_the_validators_we_have_are_sent() {
    let srv = serve(|_, _, s| respond(s, "200 OK", &[], b"x")).await;
    let prev = Validators {
        etag: None,
        last_modified: Some(LM.to_string()),
    };
    fetcher(fast())
        .get(&srv.url("/"), Some(&prev))
        .await
        .expect("get");
    let r = srv.req(0);
    assert!(!r.headers.contains_key("if-none-match"));
    assert_eq!(
        r.headers.get("if-modified-since").map(String::as_str),
        Some(LM)
    );
}

#[tokio::test]
async fn polite_user_agent_and_gzip_accepted() {
    let srv = serve(|_, _, s| respond(s, "200 OK", &[], b"ok")).await;
    fetcher(FetchConfig::default())
        .get(&srv.url("/ua"), None)
        .await
        .expect("get");
    let r = srv.req(0);
    assert_eq!(r.path, "/ua");
    let ua = r.headers.get("user-agent").expect("user-agent sent");
    assert_eq!(ua, &FetchConfig::default().user_agent);
    assert!(
        ua.starts_with("hirekit/") && ua.contains("job aggregator"),
        "{ua}"
    );
    let ae = r
        .headers
        .get("accept-encoding")
        .expect("accept-encoding sent");
    assert!(ae.contains("gzip"), "{ae}");
}

#[tokio::test]
async fn custom_user_agent_is_used() {
    let srv = serve(|_, _, s| respond(s, "200 OK", &[], b"ok")).await;
    let cfg = FetchConfig {
        user_agent: "hirekit-test/9 (+mailto:ops@example.org)".into(),
        ..fast()
    };
    fetcher(cfg).get(&srv.url("/"), None).await.expect("get");
    assert_eq!(
        srv.req(0).headers.get("user-agent").map(String::as_str),
        Some("hirekit-test/9 (+mailto:ops@example.org)")
    );
}

#[tokio::test]
async fn retry_after_on_429_is_honoured() {
    let srv = serve(|_, n, s| async move {
        if n == 0 {
            respond(
                s,
                "429 Too Many Requests",
                &[("Retry-After", "1")],
                b"slow down",
            )
            .await
        } else {
            respond(s, "200 OK", &[], b"done").await
        }
    })
    .await;
    let cfg = FetchConfig {
        max_backoff: Duration::from_secs(5),
        ..fast()
    };
    let t = Instant::now();
    let got = fetcher(cfg).get(&srv.url("/"), None).await.expect("get");
    let waited = t.elapsed();
    assert_eq!(body_of(got), b"done");
    assert_eq!(srv.hits(), 2);
    assert!(
        waited >= Duration::from_millis(950),
        "waited only {waited:?}"
    );
    assert!(waited < Duration::from_secs(4), "waited {waited:?}");
}

#[tokio::test]
async fn retry_after_is_capped_by_max_backoff() {
    let srv = serve(|_, n, s| async move {
        if n == 0 {
            respond(
                s,
                "503 Service Unavailable",
                &[("Retry-After", "3600")],
                b"",
            )
            .await
        } else {
            respond(s, "200 OK", &[], b"back").await
        }
    })
    .await;
    let t = Instant::now();
    let got = fetcher(fast()).get(&srv.url("/"), None).await.expect("get");
    assert_eq!(body_of(got), b"back");
    assert!(
        t.elapsed() < Duration::from_secs(2),
        "took {:?}",
        t.elapsed()
    );
}

#[tokio::test]
async fn server_errors_twice_then_success() {
    let srv = serve(|_, n, s| async move {
        match n {
            0 => respond(s, "500 Internal Server Error", &[], b"oops").await,
            1 => respond(s, "502 Bad Gateway", &[], b"oops").await,
            _ => respond(s, "200 OK", &[], b"third time").await,
        }
    })
    .await;
    let got = fetcher(fast()).get(&srv.url("/"), None).await.expect("get");
    assert_eq!(body_of(got), b"third time");
    assert_eq!(srv.hits(), 3);
}

#[tokio::test]
async fn server_error_forever_gives_up_after_max_retries() {
    let srv = serve(|_, _, s| respond(s, "500 Internal Server Error", &[], b"down")).await;
    let cfg = FetchConfig {
        max_retries: 3,
        ..fast()
    };
    let err = fetcher(cfg)
        .get(&srv.url("/"), None)
        .await
        .expect_err("must fail");
    assert_eq!(err.kind(), "too_many_retries");
    assert!(!err.is_permanent());
    assert_eq!(err.status(), Some(500));
    assert!(
        matches!(err, FetchError::TooManyRetries { attempts: 4, .. }),
        "{err:?}"
    );
    assert_eq!(srv.hits(), 4);
}

#[tokio::test]
async fn zero_retries_means_one_attempt() {
    let srv = serve(|_, _, s| respond(s, "504 Gateway Timeout", &[], b"")).await;
    let cfg = FetchConfig {
        max_retries: 0,
        ..fast()
    };
    let err = fetcher(cfg)
        .get(&srv.url("/"), None)
        .await
        .expect_err("must fail");
    assert_eq!(err.kind(), "too_many_retries");
    assert_eq!(srv.hits(), 1);
}

#[tokio::test]
async fn not_found_is_permanent_and_not_retried() {
    for (status, kind) in [
        ("404 Not Found", "not_found"),
        ("410 Gone", "not_found"),
        ("403 Forbidden", "http_status"),
        ("401 Unauthorized", "http_status"),
    ] {
        let srv = serve(move |_, _, s| respond(s, status, &[], b"nope")).await;
        let err = fetcher(fast())
            .get(&srv.url("/gone"), None)
            .await
            .expect_err("must fail");
        assert_eq!(err.kind(), kind, "{status}");
        assert!(err.is_permanent(), "{status}");
        assert_eq!(srv.hits(), 1, "{status} must not be retried");
    }
}

#[tokio::test]
async fn other_client_errors_fail_without_retry_but_are_not_permanent() {
    let srv = serve(|_, _, s| respond(s, "400 Bad Request", &[], b"")).await;
    let err = fetcher(fast())
        .get(&srv.url("/"), None)
        .await
        .expect_err("must fail");
    assert_eq!(err.kind(), "http_status");
    assert_eq!(err.status(), Some(400));
    assert!(!err.is_permanent());
    assert_eq!(srv.hits(), 1);
}

#[tokio::test]
async fn slow_response_times_out() {
    let srv = serve(|_, _, s| async move {
        tokio::time::sleep(Duration::from_secs(3)).await;
        respond(s, "200 OK", &[], b"too late").await
    })
    .await;
    let cfg = FetchConfig {
        timeout: Duration::from_millis(300),
        max_retries: 1,
        ..fast()
    };
    let t = Instant::now();
    let err = fetcher(cfg)
        .get(&srv.url("/"), None)
        .await
        .expect_err("must time out");
    assert_eq!(err.kind(), "timeout");
    assert!(!err.is_permanent());
    assert_eq!(srv.hits(), 2, "a timeout is retried");
    assert!(
        t.elapsed() < Duration::from_millis(2000),
        "took {:?}",
        t.elapsed()
    );
}

#[tokio::test]
async fn stalled_body_times_out() {
    let srv = serve(|_, _, mut s| async move {
        let _ = s
            .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nfirst bytes")
            .await;
        tokio::time::sleep(Duration::from_secs(3)).await;
    })
    .await;
    let cfg = FetchConfig {
        timeout: Duration::from_millis(300),
        max_retries: 0,
        ..fast()
    };
    let err = fetcher(cfg)
        .get(&srv.url("/"), None)
        .await
        .expect_err("must time out");
    assert_eq!(err.kind(), "timeout");
}

async fn truncated(mut s: TcpStream) {
    let _ = s
        .write_all(
            b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1000\r\n\r\n0123456789",
        )
        .await;
    let _ = s.shutdown().await;
}

#[tokio::test]
async fn truncated_body_is_retried_then_reported() {
    let srv = serve(|_, _, s| truncated(s)).await;
    let cfg = FetchConfig {
        max_retries: 2,
        ..fast()
    };
    let err = fetcher(cfg)
        .get(&srv.url("/"), None)
        .await
        .expect_err("must fail");
    assert_eq!(err.kind(), "truncated", "{err:?}");
    assert!(!err.is_permanent());
    assert_eq!(srv.hits(), 3);
}

#[tokio::test]
async fn truncated_body_then_complete_succeeds() {
    let srv = serve(|_, n, s| async move {
        if n == 0 {
            truncated(s).await
        } else {
            respond(s, "200 OK", &[], &[b'a'; 1000]).await
        }
    })
    .await;
    let got = fetcher(fast()).get(&srv.url("/"), None).await.expect("get");
    assert_eq!(body_of(got).len(), 1000);
    assert_eq!(srv.hits(), 2);
}

#[tokio::test]
async fn connection_closed_before_response_is_retried() {
    let srv = serve(|_, n, s| async move {
        if n == 0 {
            drop(s); // hang up without a word
        } else {
            respond(s, "200 OK", &[], b"second try").await
        }
    })
    .await;
    let got = fetcher(fast()).get(&srv.url("/"), None).await.expect("get");
    assert_eq!(body_of(got), b"second try");
    assert_eq!(srv.hits(), 2);
}

#[tokio::test]
async fn connection_refused_is_transient() {
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        l.local_addr().expect("addr").port()
    };
    let cfg = FetchConfig {
        max_retries: 1,
        ..fast()
    };
    let err = fetcher(cfg)
        .get(&format!("http://127.0.0.1:{port}/"), None)
        .await
        .expect_err("nobody listens");
    assert_eq!(err.kind(), "connect", "{err:?}");
    assert!(!err.is_permanent());
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data).expect("gzip write");
    enc.finish().expect("gzip finish")
}

#[tokio::test]
async fn gzip_body_is_decoded() {
    let doc = "<rss><channel><item><title>Rust engineer</title></item></channel></rss>".repeat(50);
    let packed = gzip(doc.as_bytes());
    assert!(packed.len() < doc.len());
    let srv = serve(move |req, _, s| {
        let packed = packed.clone();
        async move {
            let wants_gzip = req
                .headers
                .get("accept-encoding")
                .is_some_and(|v| v.contains("gzip"));
            assert!(wants_gzip, "client must offer gzip");
            let h = [
                ("Content-Encoding", "gzip"),
                ("Content-Type", "application/rss+xml"),
            ];
            respond(s, "200 OK", &h, &packed).await
        }
    })
    .await;
    let got = fetcher(fast())
        .get(&srv.url("/rss"), None)
        .await
        .expect("get");
    assert_eq!(body_of(got), doc.as_bytes());
}

#[tokio::test]
async fn declared_length_over_cap_is_too_large() {
    let srv = serve(|_, _, s| respond(s, "200 OK", &[], &[b'x'; 2000])).await;
    let cfg = FetchConfig {
        max_body_bytes: 1000,
        ..fast()
    };
    let err = fetcher(cfg)
        .get(&srv.url("/"), None)
        .await
        .expect_err("too big");
    assert_eq!(err.kind(), "too_large");
    assert!(
        matches!(
            err,
            FetchError::TooLarge {
                limit: 1000,
                size: Some(2000),
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(srv.hits(), 1, "too_large is not retried");
}

#[tokio::test]
async fn body_exactly_at_cap_is_fine() {
    let srv = serve(|_, _, s| respond(s, "200 OK", &[], &[b'x'; 1000])).await;
    let cfg = FetchConfig {
        max_body_bytes: 1000,
        ..fast()
    };
    let got = fetcher(cfg).get(&srv.url("/"), None).await.expect("get");
    assert_eq!(body_of(got).len(), 1000);
}

#[tokio::test]
async fn endless_body_without_length_stops_at_cap() {
    // No Content-Length: the body runs until close, and this server never closes.
    let srv = serve(|_, _, mut s| async move {
        let _ = s
            .write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")
            .await;
        let chunk = vec![b'y'; 64 * 1024];
        while s.write_all(&chunk).await.is_ok() {}
    })
    .await;
    let cfg = FetchConfig {
        max_body_bytes: 256 * 1024,
        ..fast()
    };
    let res = tokio::time::timeout(
        Duration::from_secs(5),
        fetcher(cfg).get(&srv.url("/"), None),
    )
    .await
    .expect("must not read forever");
    let err = res.expect_err("too big");
    assert_eq!(err.kind(), "too_large");
    assert!(
        matches!(err, FetchError::TooLarge { size: None, .. }),
        "{err:?}"
    );
}

#[tokio::test]
async fn gzip_bomb_is_capped_after_decoding() {
    let packed = gzip(&vec![0u8; 4 * 1024 * 1024]);
    assert!(packed.len() < 64 * 1024);
    let srv = serve(move |_, _, s| {
        let packed = packed.clone();
        async move { respond(s, "200 OK", &[("Content-Encoding", "gzip")], &packed).await }
    })
    .await;
    let cfg = FetchConfig {
        max_body_bytes: 1024 * 1024,
        ..fast()
    };
    let err = fetcher(cfg)
        .get(&srv.url("/"), None)
        .await
        .expect_err("too big");
    assert_eq!(err.kind(), "too_large");
}

#[tokio::test]
async fn per_host_concurrency_is_limited() {
    let active = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let (a, p) = (active.clone(), peak.clone());
    let srv = serve(move |_, _, s| {
        let (a, p) = (a.clone(), p.clone());
        async move {
            // Counted from request received to just before the reply is written, a window
            // that lies inside the client's permit, so the peak can't be over-counted.
            let now = a.fetch_add(1, Ordering::SeqCst) + 1;
            p.fetch_max(now, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(150)).await;
            a.fetch_sub(1, Ordering::SeqCst);
            respond(s, "200 OK", &[], b"ok").await
        }
    })
    .await;
    let f = fetcher(FetchConfig {
        per_host_concurrency: 2,
        ..fast()
    });
    let t = Instant::now();
    let tasks: Vec<_> = (0..6)
        .map(|i| {
            let (f, url) = (f.clone(), srv.url(&format!("/{i}")));
            tokio::spawn(async move { f.get(&url, None).await })
        })
        .collect();
    for t in tasks {
        t.await.expect("join").expect("get");
    }
    assert_eq!(srv.hits(), 6);
    assert_eq!(
        peak.load(Ordering::SeqCst),
        2,
        "at most 2 at once, and the limit is used"
    );
    // Three waves of 150 ms.
    assert!(
        t.elapsed() >= Duration::from_millis(440),
        "took {:?}",
        t.elapsed()
    );
}

#[tokio::test]
async fn redirect_reports_final_url() {
    let srv = serve(|req, _, s| async move {
        if req.path == "/old" {
            respond(s, "301 Moved Permanently", &[("Location", "/new")], b"").await
        } else {
            respond(s, "200 OK", &[], b"moved here").await
        }
    })
    .await;
    let got = fetcher(fast())
        .get(&srv.url("/old"), None)
        .await
        .expect("get");
    let Fetched::Body {
        bytes, final_url, ..
    } = got
    else {
        panic!("expected body")
    };
    assert_eq!(&bytes[..], b"moved here");
    assert_eq!(final_url, srv.url("/new"));
}

#[tokio::test]
async fn unresolvable_host_is_permanent_dns_error() {
    let cfg = FetchConfig {
        connect_timeout: Duration::from_secs(3),
        ..fast()
    };
    let t = Instant::now();
    let res = tokio::time::timeout(
        Duration::from_secs(10),
        fetcher(cfg).get("http://nonexistent.invalid/", None),
    )
    .await
    .expect("dns failure must not hang");
    let err = res.expect_err("must fail");
    assert_eq!(err.kind(), "dns", "{err:?}");
    assert!(err.is_permanent());
    assert!(
        t.elapsed() < Duration::from_secs(5),
        "took {:?}",
        t.elapsed()
    );
}

#[tokio::test]
async fn invalid_urls_are_permanent() {
    let f = fetcher(fast());
    for url in [
        "",
        "not a url",
        "ftp://example.org/feed",
        "http://",
        "mailto:jobs@example.org",
    ] {
        let err = f.get(url, None).await.expect_err(url);
        assert_eq!(err.kind(), "invalid_url", "{url:?}: {err:?}");
        assert!(err.is_permanent());
    }
}

#[tokio::test]
async fn fetcher_is_send_sync_and_clone() {
    fn assert_traits<T: Send + Sync + Clone + 'static>() {}
    assert_traits::<Fetcher>();
    let f = fetcher(fast());
    let g = f.clone();
    assert_eq!(g.config().max_retries, f.config().max_retries);
}
