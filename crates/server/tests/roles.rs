//! Role library pages and API, in-process.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use hirekit_server::{router, AppState};

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

async fn app() -> axum::Router {
    let db = hirekit_testkit::sqlite();
    router(AppState::with_empty_index(db.store().await))
}

#[tokio::test]
async fn role_api_lists_shows_and_suggests() {
    let app = app().await;
    let (st, body) = get(&app, "/api/v1/roles").await;
    assert_eq!(st, StatusCode::OK);
    let list: serde_json::Value = serde_json::from_str(&body).expect("json");
    let list = list.as_array().expect("array");
    assert!(list.len() >= 40, "{} roles", list.len());
    let ba = list.iter().find(|r| r["id"] == "backend-architect").expect("backend-architect listed");
    assert_eq!(ba["role_family"], "architecture");
    assert_eq!(ba["url"], "/api/v1/roles/backend-architect");

    let (st, body) = get(&app, "/api/v1/roles/backend-architect").await;
    assert_eq!(st, StatusCode::OK);
    let r: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(r["title"], "Backend Architect");
    assert!(r["responsibilities"].as_array().is_some_and(|a| a.len() >= 8));
    assert!(r["tools"][0]["items"].as_array().is_some_and(|a| !a.is_empty()));
    assert!(r["seniority"][0]["years"].is_array());

    let (st, body) = get(&app, "/api/v1/roles/backnd-engineer").await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    let e: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(e["error"]["code"], "unknown_role");
    assert_eq!(e["error"]["close_matches"][0], "backend-engineer");
    assert!(e["error"]["message"].as_str().is_some_and(|m| m.contains("did you mean")));

    let (st, body) = get(&app, "/api/openapi.json").await;
    assert_eq!(st, StatusCode::OK);
    let doc: serde_json::Value = serde_json::from_str(&body).expect("json");
    for path in ["/api/v1/roles", "/api/v1/roles/{id}", "/api/v1/jobs/{id}"] {
        assert!(doc["paths"].get(path).is_some(), "{path} missing from the OpenAPI document");
    }
    assert!(doc["components"]["schemas"].get("Role").is_some());
}

#[tokio::test]
async fn role_pages_read_like_career_guides() {
    let app = app().await;
    let (st, body) = get(&app, "/roles").await;
    assert_eq!(st, StatusCode::OK);
    for needle in ["Backend", "Data engineering", "href=\"/roles/backend-architect\"", "href=\"/roles/site-reliability-engineer\""] {
        assert!(body.contains(needle), "index lacks {needle}");
    }

    let (st, body) = get(&app, "/roles/backend-architect").await;
    assert_eq!(st, StatusCode::OK);
    for needle in [
        "<h2>Backend Architect</h2>",
        "Responsibilities",
        "Hard skills",
        "Tools by category",
        "Version control",
        "Seniority ladder",
        "Career path",
        "href=\"/roles/backend-engineer\"",
        "href=\"/kits/backend-architect\"",
        "Frequently asked questions",
        "What does a backend architect do?",
    ] {
        assert!(body.contains(needle), "role page lacks {needle}");
    }
    // FAQPage JSON-LD parses and carries every FAQ.
    let start = body.find("<script type=\"application/ld+json\">").expect("JSON-LD") + "<script type=\"application/ld+json\">".len();
    let end = start + body[start..].find("</script>").expect("script end");
    let ld: serde_json::Value = serde_json::from_str(&body[start..end]).expect("JSON-LD is JSON");
    assert_eq!(ld["@type"], "FAQPage");
    let role = hirekit_roles::get("backend-architect").expect("role");
    assert_eq!(ld["mainEntity"].as_array().map(Vec::len), Some(role.faqs.len()));
    assert_eq!(ld["mainEntity"][0]["acceptedAnswer"]["@type"], "Answer");

    // Every role page renders.
    for r in hirekit_roles::all() {
        let (st, _) = get(&app, &format!("/roles/{}", r.id)).await;
        assert_eq!(st, StatusCode::OK, "/roles/{}", r.id);
    }

    let (st, body) = get(&app, "/roles/data-enginer").await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    assert!(body.contains("href=\"/roles/data-engineer\""), "{body}");
    let (st, body) = get(&app, "/roles/%3Cscript%3E").await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    assert!(!body.contains("<script>"), "unknown id is escaped");
}
