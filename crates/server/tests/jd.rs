//! The JD builder and linter over HTTP, in-process.
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use hirekit_server::{router, AppState};

async fn app() -> (axum::Router, hirekit_testkit::TestDb) {
    let db = hirekit_testkit::sqlite();
    let store = db.store().await;
    (router(AppState::with_empty_index(store)), db)
}

async fn send(
    app: &axum::Router,
    method: &str,
    path: &str,
    ctype: &str,
    body: String,
) -> (StatusCode, String) {
    let req = Request::builder()
        .method(method)
        .uri(path)
        .header("content-type", ctype)
        .body(Body::from(body))
        .expect("request");
    let resp = app.clone().oneshot(req).await.expect("response");
    let status = resp.status();
    let bytes = resp.into_body().collect().await.expect("body").to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

fn spec() -> serde_json::Value {
    serde_json::json!({
        "role": "backend-engineer", "seniority": "senior", "employment_type": "full-time",
        "apply_url": "https://jobs.example.com/1", "date_posted": "2026-11-01",
        "company": {"name": "Acme", "site": "https://acme.example.com", "logo": "https://acme.example.com/l.png"},
        "location": {"remote": "hybrid", "countries": ["US"], "city": "New York"},
        "pay": {"min": 150000, "max": 180000, "currency": "USD", "period": "year"},
    })
}

#[tokio::test]
async fn build_api() {
    let (app, _d) = app().await;
    let (st, body) = send(
        &app,
        "POST",
        "/api/v1/jd/build",
        "application/json",
        spec().to_string(),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(v["title"], "Senior Backend Engineer");
    assert_eq!(v["jsonld"]["@type"], "JobPosting");
    assert_eq!(
        v["jsonld"]["jobLocation"][0]["address"]["addressLocality"],
        "New York"
    );
    assert!(v["markdown"].as_str().expect("md").contains("150,000"));
    assert!(v["findings"].is_array());
    assert!(hirekit_jd::validate_jobposting(&v["jsonld"])
        .iter()
        .all(|f| f.severity != hirekit_jd::Severity::Error));

    let mut bad = spec();
    bad["pay"]["max"] = serde_json::json!(100);
    let (st, body) = send(
        &app,
        "POST",
        "/api/v1/jd/build",
        "application/json",
        bad.to_string(),
    )
    .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(v["error"]["code"], "invalid_spec");
    assert!(
        v["error"]["message"]
            .as_str()
            .expect("msg")
            .contains("pay.max"),
        "{body}"
    );

    let (st, _) = send(
        &app,
        "POST",
        "/api/v1/jd/build",
        "application/json",
        "{not json".into(),
    )
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn lint_api() {
    let (app, _d) = app().await;
    let text = "We want a rockstar engineer in New York.";
    let (st, body) = send(
        &app,
        "POST",
        "/api/v1/jd/lint",
        "application/json",
        serde_json::json!({"text": text}).to_string(),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    let f = v["findings"].as_array().expect("findings");
    let g = f
        .iter()
        .find(|x| x["rule"] == "gendered-language")
        .expect("gendered finding");
    let (s, e) = (
        g["start"].as_u64().expect("start") as usize,
        g["end"].as_u64().expect("end") as usize,
    );
    assert_eq!(&text[s..e], "rockstar");
    assert!(f
        .iter()
        .any(|x| x["rule"] == "missing-pay-range" && x["severity"] == "error"));

    let (st, body) = send(
        &app,
        "POST",
        "/api/v1/jd/lint",
        "application/json",
        r#"{"text":"  "}"#.into(),
    )
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(body.contains("empty"));
}

#[tokio::test]
async fn builder_form() {
    let (app, _d) = app().await;
    let (st, body) = send(&app, "GET", "/jd/new", "text/html", String::new()).await;
    assert_eq!(st, StatusCode::OK);
    assert!(body.contains("<form method=\"post\" action=\"/jd/new\""));
    assert!(body.contains("backend-engineer"));
    assert!(body.contains("/api/v1/jd/lint"));

    let form = "role=backend-engineer&seniority=staff&company_name=Acme+%3Cb%3E&remote=remote&countries=US%2C+CA&employment_type=full-time\
&pay_min=150000&pay_max=190000&pay_currency=USD&pay_period=year&intro=We+need+a+ninja.&apply_url=https%3A%2F%2Fjobs.example.com%2F9";
    let (st, body) = send(
        &app,
        "POST",
        "/jd/new",
        "application/x-www-form-urlencoded",
        form.into(),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert!(body.contains("Staff Backend Engineer"));
    assert!(body.contains("TELECOMMUTE"));
    assert!(body.contains("gendered-language"), "lint findings shown");
    assert!(
        body.contains("Acme &lt;b&gt;") && !body.contains("Acme <b>"),
        "escaped"
    );

    let (st, body) = send(
        &app,
        "POST",
        "/jd/new",
        "application/x-www-form-urlencoded",
        "role=backend-enginer&company_name=A".into(),
    )
    .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("did you mean backend-engineer"));
    assert!(body.contains("apply_url"));
}

#[tokio::test]
async fn openapi_lists_jd() {
    let (app, _d) = app().await;
    let (st, body) = send(
        &app,
        "GET",
        "/api/openapi.json",
        "application/json",
        String::new(),
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    assert!(body.contains("/api/v1/jd/build") && body.contains("/api/v1/jd/lint"));
    assert!(body.contains("/api/v1/jobs/{id}"));
}
