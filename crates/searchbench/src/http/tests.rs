use super::*;
use crate::query::Filters;
use std::net::TcpListener;
use std::sync::atomic::AtomicUsize;
use std::sync::Mutex;

/// A tiny HTTP server: answers each request with `respond(path)` → (status, extra headers, body
/// and how to frame it). Counts accepted connections; records request paths.
struct TestServer {
    url: String,
    connections: Arc<AtomicUsize>,
    paths: Arc<Mutex<Vec<String>>>,
}

#[derive(Clone, Copy)]
enum Framing {
    Length,
    Chunked,
    LengthThenClose,
}

fn serve(respond: fn(&str) -> (u16, String, Framing)) -> TestServer {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", l.local_addr().expect("addr"));
    let connections = Arc::new(AtomicUsize::new(0));
    let paths = Arc::new(Mutex::new(Vec::new()));
    let (c2, p2) = (connections.clone(), paths.clone());
    std::thread::spawn(move || {
        for s in l.incoming() {
            let Ok(s) = s else { return };
            c2.fetch_add(1, Ordering::SeqCst);
            let p3 = p2.clone();
            std::thread::spawn(move || {
                let mut r = BufReader::new(s);
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let path = line.split(' ').nth(1).unwrap_or_default().to_string();
                    loop {
                        let mut h = String::new();
                        if r.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                            break;
                        }
                    }
                    p3.lock().expect("lock").push(path.clone());
                    let (status, body, framing) = respond(&path);
                    let w = r.get_mut();
                    let head = format!("HTTP/1.1 {status} X\r\nContent-Type: application/json\r\n");
                    let msg = match framing {
                        Framing::Length => {
                            format!("{head}Content-Length: {}\r\n\r\n{body}", body.len())
                        }
                        Framing::LengthThenClose => {
                            format!(
                                "{head}Connection: close\r\nContent-Length: {}\r\n\r\n{body}",
                                body.len()
                            )
                        }
                        Framing::Chunked => {
                            let (a, b) = body.split_at(body.len() / 2);
                            format!(
                                "{head}Transfer-Encoding: chunked\r\n\r\n{:x};ext=1\r\n{a}\r\n{:x}\r\n{b}\r\n0\r\nX-Trailer: 1\r\n\r\n",
                                a.len(),
                                b.len()
                            )
                        }
                    };
                    if w.write_all(msg.as_bytes()).is_err() {
                        return;
                    }
                    if matches!(framing, Framing::LengthThenClose) {
                        return;
                    }
                }
            });
        }
    });
    TestServer {
        url,
        connections,
        paths,
    }
}

const BODY: &str = r#"{"total": 42, "hits": [{"id": 7, "title": "x"}, {"id": "3"}],
  "facets": {"remote": {"remote": 5, "hybrid": 2, "onsite": 35},
             "country": {"US": 30, "DE": 12}, "company": {"Acme": 2, "Zed": 9}}}"#;

fn q(id: u32, text: &str, filters: Filters) -> Query {
    Query {
        id,
        q: text.into(),
        filters,
    }
}

#[test]
fn builds_the_api_request() {
    let f = Filters {
        remote: Some(true),
        salary_min_gte: Some(100_000.0),
        company_prefix: Some("AT&T".into()),
        country: Some("US".into()),
    };
    assert_eq!(
        api_path(&q(1, "c++ developer", f)).expect("path"),
        "/api/v1/jobs?q=c%2B%2B%20developer&remote=remote&country=US&company_prefix=AT%26T&salary_min=100000&currency=USD&limit=20"
    );
    assert_eq!(
        api_path(&q(1, "rust", Filters::default())).expect("path"),
        "/api/v1/jobs?q=rust&limit=20"
    );
    let base = parse_base_url("http://127.0.0.1:8080/prefix/").expect("url");
    assert_eq!(
        base,
        BaseUrl {
            addr: "127.0.0.1:8080".into(),
            host: "127.0.0.1:8080".into(),
            prefix: "/prefix".into()
        }
    );
    assert_eq!(
        parse_base_url("http://localhost").expect("url").addr,
        "localhost:80"
    );
    assert!(parse_base_url("https://x").is_err());
}

#[test]
fn keeps_the_connection_alive_and_reads_the_answer() {
    let s = serve(|_| (200, BODY.to_string(), Framing::Length));
    let mut e = HttpEngine::new(&s.url).expect("engine");
    let r = e.search(&q(1, "rust", Filters::default())).expect("search");
    assert_eq!(r.ids, vec![7, 3]);
    assert_eq!(r.total, 42);
    assert_eq!(r.facets.remote, (5, 37));
    assert_eq!(
        r.facets.countries,
        vec![("US".to_string(), 30), ("DE".to_string(), 12)]
    );
    assert_eq!(r.facets.companies[0], ("Zed".to_string(), 9));
    e.search(&q(2, "go", Filters::default())).expect("second");
    assert_eq!(
        s.connections.load(Ordering::SeqCst),
        1,
        "one keep-alive connection"
    );
    assert_eq!(
        s.paths.lock().expect("lock")[1],
        "/api/v1/jobs?q=go&limit=20"
    );
}

#[test]
fn reads_chunked_bodies() {
    let s = serve(|_| (200, BODY.to_string(), Framing::Chunked));
    let mut e = HttpEngine::new(&s.url).expect("engine");
    for i in 0..3 {
        assert_eq!(
            e.search(&q(i, "rust", Filters::default()))
                .expect("search")
                .total,
            42
        );
    }
    assert_eq!(s.connections.load(Ordering::SeqCst), 1);
}

#[test]
fn reconnects_after_connection_close() {
    let s = serve(|_| (200, BODY.to_string(), Framing::LengthThenClose));
    let mut c = HttpClient::new(&s.url).expect("client");
    for _ in 0..3 {
        assert_eq!(c.get("/x").expect("get").status, 200);
    }
    assert_eq!(s.connections.load(Ordering::SeqCst), 3);
}

#[test]
fn non_200_is_an_error_and_counted_under_load() {
    let s = serve(|p| {
        if p.contains("bad") {
            (400, "{\"error\":{}}".into(), Framing::Length)
        } else {
            (200, BODY.into(), Framing::Length)
        }
    });
    let mut e = HttpEngine::new(&s.url).expect("engine");
    let err = e.search(&q(1, "bad", Filters::default())).expect_err("400");
    assert!(err.to_string().contains("HTTP 400"), "{err}");
    let qs = [
        q(1, "good", Filters::default()),
        q(2, "bad", Filters::default()),
    ];
    let t = run_concurrent_http(&s.url, &qs, 4, Duration::from_millis(300)).expect("load");
    assert!(t.requests > 0 && t.errors > 0, "{t:?}");
    assert!(t.requests_per_s > 0.0 && t.p99 >= t.p50);
    // One connection per client: 400s keep the connection too.
    assert!(s.connections.load(Ordering::SeqCst) <= 5);
}

#[test]
fn rejects_malformed_responses() {
    let bad: [&[u8]; 5] = [
        b"HTTP/1.1 abc\r\n\r\n",
        b"SMTP 220 hi\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort",
    ];
    for b in bad {
        assert!(
            read_response(&mut &b[..]).is_err(),
            "{:?}",
            String::from_utf8_lossy(b)
        );
    }
    let (r, keep) = read_response(&mut &b"HTTP/1.0 204 No Content\r\n\r\n"[..]).expect("204");
    assert_eq!((r.status, r.body.len(), keep), (204, 0, false));
    assert!(parse_api_result(b"{\"hits\":[]}").is_err());
    assert!(parse_api_result(b"{\"total\":1,\"hits\":[{\"id\":null}]}").is_err());
}

proptest::proptest! {
    #[test]
    fn response_parser_never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
        let _ = read_response(&mut &bytes[..]);
        let _ = parse_api_result(&bytes);
    }

    #[test]
    fn response_parser_never_panics_on_near_http(
        head in "HTTP/1\\.[01] [0-9]{3} [A-Z]{0,3}\r\n((Content-Length|Transfer-Encoding|Connection): [0-9a-z, ]{0,10}\r\n){0,3}\r\n",
        body in "[0-9a-f;\r\n]{0,64}",
    ) {
        let _ = read_response(&mut format!("{head}{body}").as_bytes());
    }
}
