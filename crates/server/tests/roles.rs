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

/// A backend posting of seniority `s` paying `base`…`base + 30k` USD a year in `country`.
fn backend_posting(i: usize, s: hirekit_model::Seniority, base: f64, country: &str, skills: &[&str]) -> hirekit_store::Incoming {
    use hirekit_model::{Period, Posting, RemotePolicy, RoleFamily, Salary, Track};
    let posting = Posting {
        title: "Backend Engineer".into(),
        company: Some(format!("Company {i}")),
        role_family: RoleFamily::Backend,
        seniority: Some(s),
        track: Track::Ic,
        remote: Some(RemotePolicy::Onsite),
        countries: vec![country.into()],
        regions: vec![],
        locations: vec![],
        employment_type: None,
        salary: Some(Salary { min: Some(base), max: Some(base + 30_000.0), currency: Some("USD".into()), period: Some(Period::Year) }),
        salary_text: None,
        skills: skills.iter().map(|s| s.to_string()).collect(),
        description: format!("Backend posting {i}."),
        url: Some(format!("https://boards.example/b/{i}")),
        apply_url: None,
        posted_at: None,
        valid_through: None,
        department: None,
    };
    hirekit_store::Incoming {
        external_id: i.to_string(),
        content_hash: format!("h{i}"),
        raw: "{}".into(),
        url: posting.url.clone(),
        apply_url: None,
        fingerprint: format!("fp{i}"),
        rank: 2,
        posting,
    }
}

#[tokio::test]
async fn role_page_and_api_carry_live_figures_from_the_listings() {
    use hirekit_model::Seniority;
    let db = hirekit_testkit::sqlite();
    let store = db.store().await;
    let src = store.ensure_source("greenhouse:acme", Some("greenhouse"), "/x/gh.json", 1).await.expect("source");
    let run = store.begin_run(1).await.expect("run");
    // 20 backend listings: 10 senior in the US at 150k–180k, 10 mid in Germany at 80k–110k;
    // every one asks for Rust, half for PostgreSQL.
    let items: Vec<_> = (0..20)
        .map(|i| {
            let skills: &[&str] = if i % 2 == 0 { &["Rust", "PostgreSQL"] } else { &["Rust"] };
            if i < 10 {
                backend_posting(i, Seniority::Senior, 150_000.0, "US", skills)
            } else {
                backend_posting(i, Seniority::Mid, 80_000.0, "DE", skills)
            }
        })
        .collect();
    store.upsert_batch(src.id, run, 1, &items).await.expect("upsert");
    let rates = hirekit_model::money::Rates::builtin();
    let index = hirekit_index::SearchIndex::in_memory(rates.clone()).expect("index");
    index.catch_up(&store).await.expect("catch up");
    let app = router(AppState::new(store.clone(), index, rates));

    let (st, body) = get(&app, "/api/v1/roles/backend-engineer").await;
    assert_eq!(st, StatusCode::OK, "{body}");
    let r: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(r["title"], "Backend Engineer", "the role's own fields stay at the top level");
    let live = &r["live"];
    assert_eq!(live["listings"], 20);
    assert_eq!(live["sample_size"], 20);
    assert_eq!(live["top_skills"][0]["skill"], "Rust");
    assert_eq!(live["top_skills"][0]["share"], 1.0);
    assert_eq!(live["top_skills"][1]["skill"], "PostgreSQL");
    assert_eq!(live["top_skills"][1]["share"], 0.5);
    let by_sen = live["salary_by_seniority"].as_array().expect("array");
    let senior = by_sen.iter().find(|b| b["group"] == "senior").expect("senior band");
    assert_eq!(senior["n"], 10);
    assert_eq!(senior["median"], 165_000.0, "midpoints of 150k–180k");
    let mid = by_sen.iter().find(|b| b["group"] == "mid").expect("mid band");
    assert_eq!(mid["median"], 95_000.0);
    let regions = live["salary_by_region"].as_array().expect("array");
    let na = regions.iter().find(|b| b["group"] == "north-america").unwrap_or_else(|| panic!("north-america region in {regions:?}"));
    assert_eq!(na["n"], 10);
    assert_eq!(na["median"], 165_000.0);
    assert!(live["headline"].as_str().is_some_and(|h| h.starts_with("Typical salary:")), "{live}");

    let (st, body) = get(&app, "/roles/backend-engineer").await;
    assert_eq!(st, StatusCode::OK);
    for needle in [
        "href=\"/?role_family=backend\"><strong>20</strong> open listings",
        "Typical salary:",
        "<td>Rust</td><td class=\"num\">100%</td>",
        "<td>PostgreSQL</td><td class=\"num\">50%</td>",
        "id=\"live-seniority\"",
        "<td>Senior</td>",
        "$165k",
        "id=\"live-regions\"",
        "<td>North America</td>",
        "Sample: 20 listings with salary data of 20 open listings",
    ] {
        assert!(body.contains(needle), "role page lacks {needle}");
    }

    // A family without listings: a plain sentence, no tables.
    let (st, body) = get(&app, "/roles/product-designer").await;
    assert_eq!(st, StatusCode::OK);
    assert!(body.contains("No open listings for this role family yet"), "no-data text");
    assert!(!body.contains("id=\"live-seniority\""));
    let (_, body) = get(&app, "/api/v1/roles/product-designer").await;
    let r: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(r["live"]["listings"], 0);
    assert_eq!(r["live"]["sample_size"], 0);

    let (_, body) = get(&app, "/api/openapi.json").await;
    let doc: serde_json::Value = serde_json::from_str(&body).expect("json");
    for s in ["RoleView", "Live", "SkillShare", "SalaryBand"] {
        assert!(doc["components"]["schemas"].get(s).is_some(), "{s} missing from the OpenAPI document");
    }
}
