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

async fn get_json(app: &axum::Router, path: &str) -> serde_json::Value {
    let resp = app
        .clone()
        .oneshot(Request::builder().uri(path).body(Body::empty()).expect("request"))
        .await
        .expect("response");
    assert_eq!(resp.status(), StatusCode::OK, "{path}");
    let bytes = resp.into_body().collect().await.expect("body").to_bytes();
    serde_json::from_slice(&bytes).expect("json")
}

#[tokio::test]
async fn publish_makes_a_searchable_posting_and_republish_updates_it() {
    let (app, _d) = app().await;
    let mut s = spec();
    s["title"] = "Senior Backend Engineer Zephyrine".into();
    s["identifier"] = "be-2026-1".into();
    s.as_object_mut().expect("object").remove("date_posted");
    let (st, body) = send(&app, "POST", "/api/v1/jd/publish", "application/json", s.to_string()).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let p: serde_json::Value = serde_json::from_str(&body).expect("json");
    let id = p["id"].as_i64().expect("id");
    assert_eq!(p["url"], format!("/jobs/{id}"));
    assert_eq!(p["status"], "new");
    assert_eq!(p["external_id"], "acme/be-2026-1");
    // criteria derived from the JD: the title's seniority and the role's skills
    assert_eq!(p["criteria"]["seniority"], serde_json::json!(["senior", "senior"]), "{}", p["criteria"]);
    assert!(p["criteria"]["job_text"].as_str().is_some_and(|t| t.contains("Zephyrine")));
    let reqs = p["criteria"]["must_have"].as_array().map_or(0, Vec::len) + p["criteria"]["nice_to_have"].as_array().map_or(0, Vec::len);
    assert!(reqs > 0, "no requirements derived: {}", p["criteria"]);

    let found = get_json(&app, "/api/v1/jobs?q=zephyrine").await;
    assert_eq!(found["total"], 1, "{found}");
    assert_eq!(found["hits"][0]["id"], id);
    assert_eq!(found["hits"][0]["company"], "Acme");
    let job = get_json(&app, &format!("/api/v1/jobs/{id}")).await;
    assert_eq!(job["title"], "Senior Backend Engineer Zephyrine");

    // Same spec again: unchanged. Changed pay: the same posting, updated.
    let (_, body) = send(&app, "POST", "/api/v1/jd/publish", "application/json", s.to_string()).await;
    let again: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!((again["id"].as_i64(), again["status"].as_str()), (Some(id), Some("unchanged")));
    s["pay"]["max"] = 190_000.into();
    let (_, body) = send(&app, "POST", "/api/v1/jd/publish", "application/json", s.to_string()).await;
    let upd: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!((upd["id"].as_i64(), upd["status"].as_str()), (Some(id), Some("updated")));
    let found = get_json(&app, "/api/v1/jobs?q=zephyrine").await;
    assert_eq!(found["total"], 1, "republishing does not duplicate: {found}");
    assert_eq!(found["hits"][0]["salary"]["max"], 190_000.0);

    // A bad spec names the field.
    s["pay"]["min"] = 300_000.into();
    let (st, body) = send(&app, "POST", "/api/v1/jd/publish", "application/json", s.to_string()).await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("pay"), "{body}");
}

#[tokio::test]
async fn form_publishes_to_the_board() {
    let (app, _d) = app().await;
    let form = "role=data-engineer&seniority=mid&company_name=Globex&remote=remote&countries=DE&employment_type=full-time\
&pay_min=70000&pay_max=90000&pay_currency=EUR&pay_period=year&apply_url=https%3A%2F%2Fglobex.example%2Fjobs%2F7&action=publish";
    let (st, body) = send(&app, "POST", "/jd/new", "application/x-www-form-urlencoded", form.into()).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert!(body.contains("id=\"published\""), "{body}");
    let found = get_json(&app, "/api/v1/jobs?company=Globex").await;
    assert_eq!(found["total"], 1, "{found}");
    let id = found["hits"][0]["id"].as_i64().expect("id");
    assert!(body.contains(&format!("href=\"/jobs/{id}\"")));
    // Build alone publishes nothing.
    let build = form.replace("Globex", "Initech").replace("action=publish", "action=build");
    let (st, _) = send(&app, "POST", "/jd/new", "application/x-www-form-urlencoded", build).await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(get_json(&app, "/api/v1/jobs?company=Initech").await["total"], 0);
}
