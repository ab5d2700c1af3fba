//! Interview kits over HTTP, in-process: JSON API, printable page, Markdown download, errors.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use hirekit_server::{router, AppState};

async fn get(app: &axum::Router, path: &str) -> (StatusCode, Option<String>, String) {
    let resp = app
        .clone()
        .oneshot(
            Request::builder()
                .uri(path)
                .body(Body::empty())
                .expect("request"),
        )
        .await
        .expect("response");
    let status = resp.status();
    let ctype = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(String::from);
    let bytes = resp.into_body().collect().await.expect("body").to_bytes();
    (status, ctype, String::from_utf8_lossy(&bytes).into_owned())
}

async fn app() -> (hirekit_testkit::TestDb, axum::Router) {
    // Kits do not touch the store; SQLite is enough for the state.
    let db = hirekit_testkit::sqlite();
    let store = db.store().await;
    (db, router(AppState::with_empty_index(store)))
}

#[tokio::test]
async fn kit_json_api() {
    let (_db, app) = app().await;
    let (st, ctype, body) = get(&app, "/api/v1/kits/backend-engineer?seniority=senior").await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert!(ctype.is_some_and(|c| c.starts_with("application/json")));
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(v["role_id"], "backend-engineer");
    assert_eq!(v["seniority"], "senior");
    let len = |k: &str| v[k].as_array().map(Vec::len).unwrap_or(0);
    assert!((5..=6).contains(&len("screening")));
    assert!((8..=12).contains(&len("technical")));
    assert!((1..=3).contains(&len("system_design")));
    assert!((5..=7).contains(&len("behavioural")));
    assert!((5..=8).contains(&len("scorecard")));
    let q = &v["technical"][0];
    for k in ["text", "skill", "level", "strong_answer", "red_flags"] {
        assert!(!q[k].is_null(), "technical question lacks {k}: {q}");
    }
    assert_eq!(
        v["scorecard"][0]["rubric"].as_array().map(Vec::len),
        Some(4)
    );

    // Default seniority is mid; juniors get no system design.
    let (_, _, body) = get(&app, "/api/v1/kits/backend-engineer").await;
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(v["seniority"], "mid");
    let (_, _, body) = get(&app, "/api/v1/kits/frontend-engineer?seniority=junior").await;
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(v["system_design"].as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn kit_api_errors_are_json() {
    let (_db, app) = app().await;
    let (st, _, body) = get(&app, "/api/v1/kits/backend-enginer?seniority=senior").await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    let v: serde_json::Value = serde_json::from_str(&body).expect("json error body");
    assert_eq!(v["error"]["code"], "not_found");
    assert!(
        v["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("backend-engineer")),
        "close match named: {v}"
    );

    let (st, _, body) = get(&app, "/api/v1/kits/backend-engineer?seniority=wizard").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    let v: serde_json::Value = serde_json::from_str(&body).expect("json error body");
    assert_eq!(v["error"]["code"], "bad_request");
}

#[tokio::test]
async fn kit_in_openapi() {
    let (_db, app) = app().await;
    let (st, _, body) = get(&app, "/api/openapi.json").await;
    assert_eq!(st, StatusCode::OK);
    let doc: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert!(
        doc["paths"].get("/api/v1/kits/{role}").is_some(),
        "kits path missing"
    );
    assert!(
        doc["paths"].get("/api/v1/jobs/{id}").is_some(),
        "existing paths kept"
    );
    assert!(doc["components"]["schemas"].get("Kit").is_some());
}

#[tokio::test]
async fn kit_page_and_markdown_download() {
    let (_db, app) = app().await;
    let (st, ctype, html) = get(&app, "/kits/backend-architect?seniority=staff").await;
    assert_eq!(st, StatusCode::OK);
    assert!(ctype.is_some_and(|c| c.starts_with("text/html")));
    for part in [
        "Interview kit: Backend Architect",
        "id=\"screening\"",
        "id=\"technical\"",
        "id=\"system-design\"",
        "id=\"behavioural\"",
        "id=\"scorecard\"",
        "@media print",
        "href=\"/kits/backend-architect?seniority=junior\"",
        "href=\"/kits/backend-architect.md?seniority=staff\"",
        "Download Markdown",
    ] {
        assert!(html.contains(part), "page lacks {part}");
    }

    let (st, ctype, md) = get(&app, "/kits/backend-architect.md?seniority=staff").await;
    assert_eq!(st, StatusCode::OK);
    assert!(ctype.is_some_and(|c| c.starts_with("text/markdown")));
    assert!(md.starts_with("# Interview kit: Backend Architect (staff)"));
    assert!(md.contains("## System design"));

    let (st, _, html) = get(&app, "/kits/frontend-enginer").await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    assert!(
        html.contains("href=\"/kits/frontend-engineer\""),
        "suggests the close match"
    );
    let (st, _, _) = get(&app, "/kits/frontend-engineer?seniority=wizard").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
}
