//! `POST /api/v1/resumes` in-process: a parsed upload, the size cap, a bad file, and the
//! OpenAPI entry.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use hirekit_server::{router, AppState};

mod common;
use common::{multipart_request, send};

const BOUNDARY: &str = "hirekit-test-boundary";

fn multipart(field: &str, file_name: &str, content: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    body.extend_from_slice(
        format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn post(app: &axum::Router, body: Vec<u8>) -> (StatusCode, serde_json::Value) {
    send(app, multipart_request("/api/v1/resumes", BOUNDARY, body)).await
}

async fn app() -> (hirekit_testkit::TestDb, axum::Router) {
    let db = hirekit_testkit::sqlite();
    let store = db.store().await;
    (db, router(AppState::with_empty_index(store)))
}

#[tokio::test]
async fn parses_an_uploaded_resume() {
    let (_db, app) = app().await;
    let cv = "Jane Doe\njane@example.org | +1 (555) 123-4567\n\nExperience\nSenior Engineer\nAcme Inc.\nJan 2019 - Dec 2022\nBuilt Kafka pipelines in Python.\n\nEducation\nBSc Computer Science, MIT, 2018\n";
    let (st, v) = post(&app, multipart("file", "jane.txt", cv.as_bytes())).await;
    assert_eq!(st, StatusCode::OK, "{v}");
    assert_eq!(v["format"], "text");
    assert_eq!(v["profile"]["contact"]["email"], "jane@example.org");
    assert_eq!(v["profile"]["contact"]["name"], "Jane Doe");
    assert_eq!(v["profile"]["experience"][0]["title"], "Senior Engineer");
    assert_eq!(v["profile"]["total_years"], 4.0);
    assert!(v["text"]
        .as_str()
        .is_some_and(|t| t.contains("Kafka pipelines")));
    assert!(v["warnings"].as_array().is_some_and(Vec::is_empty));
    // Evidence spans point into the returned text.
    let text = v["text"].as_str().unwrap_or_default();
    let skill = v["profile"]["skills"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["name"] == "Kafka"))
        .expect("kafka");
    let (a, b) = (
        skill["evidence"][0]["start"].as_u64().unwrap_or(0) as usize,
        skill["evidence"][0]["end"].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(&text[a..b], "Kafka");
}

#[tokio::test]
async fn bodies_over_one_mib_are_accepted_here() {
    // Over the global 1 MiB cap, under the 10 MiB resume cap.
    let (_db, app) = app().await;
    let mut cv = String::from("Jane Doe\njane@example.org\n\n");
    while cv.len() < 2 << 20 {
        cv.push_str("Built data pipelines with Kafka and Python for many teams.\n");
    }
    let (st, v) = post(&app, multipart("file", "big.txt", cv.as_bytes())).await;
    assert_eq!(st, StatusCode::OK, "{v}");
}

#[tokio::test]
async fn too_large_is_413() {
    let (_db, app) = app().await;
    let big = vec![b'a'; 11 << 20];
    let (st, v) = post(&app, multipart("file", "big.txt", &big)).await;
    assert_eq!(st, StatusCode::PAYLOAD_TOO_LARGE, "{v}");
}

#[tokio::test]
async fn bad_files_are_422_with_a_reason() {
    let (_db, app) = app().await;
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01";
    let (st, v) = post(&app, multipart("file", "cv.pdf", png)).await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["error"]["code"], "unsupported");
    assert!(v["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("PNG")));

    let (st, v) = post(&app, multipart("file", "cv.pdf", b"%PDF-1.4\n1 0 obj <<")).await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["error"]["code"], "corrupt");

    let (st, v) = post(&app, multipart("other", "cv.txt", b"Jane")).await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{v}");
    assert_eq!(v["error"]["code"], "missing_file");
}

#[tokio::test]
async fn other_routes_keep_the_one_mib_cap_and_openapi_lists_the_upload() {
    let (_db, app) = app().await;
    let req = Request::builder()
        .method("POST")
        .uri("/api/v1/stats")
        .header("content-length", 2 << 20)
        .body(Body::from(vec![b'x'; 2 << 20]))
        .expect("request");
    let resp = app.clone().oneshot(req).await.expect("response");
    assert!(
        matches!(
            resp.status(),
            StatusCode::PAYLOAD_TOO_LARGE | StatusCode::METHOD_NOT_ALLOWED
        ),
        "{}",
        resp.status()
    );

    let resp = app
        .clone()
        .oneshot(
            Request::builder()
                .uri("/api/openapi.json")
                .body(Body::empty())
                .expect("request"),
        )
        .await
        .expect("response");
    let bytes = resp.into_body().collect().await.expect("body").to_bytes();
    let doc: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    let op = &doc["paths"]["/api/v1/resumes"]["post"];
    assert!(
        op["requestBody"]["content"]["multipart/form-data"].is_object(),
        "{op}"
    );
    assert!(op["responses"]["422"].is_object());
    assert!(doc["paths"]["/api/v1/jobs/{id}"].is_object());
}
