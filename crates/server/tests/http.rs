//! The server in-process (tower oneshot) and over a real socket, on SQLite and PostgreSQL.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use hirekit_model::{Posting, RoleFamily, Track};
use hirekit_server::{router, AppState};
use hirekit_store::{Incoming, Store};

async fn get(app: &axum::Router, path: &str) -> (StatusCode, String) {
    let resp = app
        .clone()
        .oneshot(Request::builder().uri(path).body(Body::empty()).expect("request"))
        .await
        .expect("response");
    let status = resp.status();
    let bytes = resp.into_body().collect().await.expect("body").to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

/// The app state with an in-memory index caught up with the store.
async fn state(store: &Store) -> AppState {
    let index = hirekit_index::SearchIndex::in_memory(hirekit_model::money::Rates::builtin()).expect("index");
    index.catch_up(store).await.expect("catch up");
    AppState::new(store.clone(), index, hirekit_model::money::Rates::builtin())
}

async fn seed(store: &Store) -> i64 {
    let src = store.ensure_source("lever:acme", Some("lever"), "/x/lever.json", 1).await.expect("source");
    let run = store.begin_run(1).await.expect("run");
    let posting = Posting {
        title: "Staff <Backend> Engineer".into(),
        company: Some("Acme".into()),
        role_family: RoleFamily::Backend,
        seniority: None,
        track: Track::Ic,
        remote: None,
        countries: vec!["US".into()],
        regions: vec![],
        locations: vec!["Austin, TX".into()],
        employment_type: None,
        salary: None,
        salary_text: None,
        skills: vec!["Go".into()],
        description: "Build <script>alert(1)</script> APIs".into(),
        url: Some("https://jobs.lever.co/acme/1".into()),
        apply_url: Some("https://jobs.lever.co/acme/1/apply".into()),
        posted_at: None,
        valid_through: None,
        department: None,
    };
    let it = Incoming {
        external_id: "1".into(),
        content_hash: "h".into(),
        raw: "{}".into(),
        url: posting.url.clone(),
        apply_url: posting.apply_url.clone(),
        fingerprint: "acme|staff backend engineer|austin".into(),
        rank: 2,
        posting,
    };
    store.upsert_batch(src.id, run, 1, &[it]).await.expect("upsert");
    store.postings_after(0, 1, false).await.expect("list")[0].id
}

#[tokio::test]
async fn health_metrics_openapi_and_jobs() {
    for db in hirekit_testkit::all().await {
        let store = db.store().await;
        let id = seed(&store).await;
        let app = router(state(&store).await);

        assert_eq!(get(&app, "/healthz").await, (StatusCode::OK, "ok".into()));
        let (st, body) = get(&app, "/readyz").await;
        assert_eq!(st, StatusCode::OK, "{body}");

        let (st, body) = get(&app, "/api/openapi.json").await;
        assert_eq!(st, StatusCode::OK);
        let doc: serde_json::Value = serde_json::from_str(&body).expect("openapi is JSON");
        assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
        for path in ["/api/v1/jobs/{id}", "/api/v1/sources", "/healthz", "/readyz"] {
            assert!(doc["paths"].get(path).is_some(), "{path} missing from the OpenAPI document");
        }

        let (st, body) = get(&app, &format!("/api/v1/jobs/{id}")).await;
        assert_eq!(st, StatusCode::OK);
        let job: serde_json::Value = serde_json::from_str(&body).expect("json");
        assert_eq!(job["apply_url"], "https://jobs.lever.co/acme/1/apply");
        assert_eq!(job["role_family"], "backend");
        assert_eq!(job["sources"][0]["source"], "lever:acme");

        let (st, body) = get(&app, "/api/v1/jobs/999999").await;
        assert_eq!(st, StatusCode::NOT_FOUND);
        assert!(body.contains("\"code\":\"not_found\""), "{body}");
        let (st, _) = get(&app, "/api/v1/jobs/abc").await;
        assert_eq!(st, StatusCode::NOT_FOUND);

        let (st, html) = get(&app, &format!("/jobs/{id}")).await;
        assert_eq!(st, StatusCode::OK);
        assert!(html.contains("Staff &lt;Backend&gt; Engineer"), "title escaped");
        assert!(!html.contains("<script>alert"), "description escaped");
        assert!(html.contains("href=\"https://jobs.lever.co/acme/1/apply\""), "apply at the source");
        let (st, html) = get(&app, "/").await;
        assert_eq!(st, StatusCode::OK);
        assert!(html.contains(&format!("/jobs/{id}")));

        let (_, metrics) = get(&app, "/metrics").await;
        assert!(metrics.contains("hirekit_http_requests_total"), "{metrics}");
        assert!(metrics.contains("route=\"/api/v1/jobs/{id}\""), "{metrics}");
        store.close().await;
    }
}

#[tokio::test]
async fn readyz_reports_a_dead_store() {
    let db = hirekit_testkit::sqlite();
    let store = db.store().await;
    let st = state(&store).await;
    store.close().await; // pool closed: the store no longer answers
    let app = router(st);
    let (st, body) = get(&app, "/readyz").await;
    assert_eq!(st, StatusCode::SERVICE_UNAVAILABLE);
    assert!(body.contains("unavailable"));
}

#[tokio::test]
async fn serves_on_a_socket_and_shuts_down_gracefully() {
    let db = hirekit_testkit::sqlite();
    let store = db.store().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(hirekit_server::serve_state(listener, state(&store).await, async {
        let _ = rx.await;
    }));
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").await.expect("write");
    let mut resp = String::new();
    stream.read_to_string(&mut resp).await.expect("read");
    assert!(resp.starts_with("HTTP/1.1 200"), "{resp}");
    tx.send(()).expect("signal");
    let res = tokio::time::timeout(std::time::Duration::from_secs(10), server).await.expect("stops in time");
    assert!(res.expect("join").is_ok());
}
