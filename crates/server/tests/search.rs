//! The search API, salary insight and the board pages, on SQLite and PostgreSQL.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use hirekit_model::{Period, Posting, RemotePolicy, RoleFamily, Salary, Seniority, Track};
use hirekit_server::{router, AppState};
use hirekit_store::{Incoming, Store};

async fn get(app: &axum::Router, path: &str) -> (StatusCode, String) {
    let resp = app.clone().oneshot(Request::builder().uri(path).body(Body::empty()).expect("request")).await.expect("response");
    let status = resp.status();
    let bytes = resp.into_body().collect().await.expect("body").to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

async fn json(app: &axum::Router, path: &str) -> (StatusCode, Value) {
    let (st, body) = get(app, path).await;
    (st, serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path}: not JSON ({e}): {body}")))
}

fn posting(i: usize) -> Posting {
    let (title, family, seniority) = match i % 4 {
        0 => ("Senior Backend Engineer", RoleFamily::Backend, Some(Seniority::Senior)),
        1 => ("Backend Engineer", RoleFamily::Backend, Some(Seniority::Mid)),
        2 => ("Frontend Developer", RoleFamily::Frontend, Some(Seniority::Mid)),
        _ => ("Data Engineer", RoleFamily::DataEngineering, Some(Seniority::Junior)),
    };
    let remote = if i % 2 == 0 { RemotePolicy::Remote } else { RemotePolicy::Onsite };
    let base = 100_000.0 + 5_000.0 * (i % 10) as f64;
    Posting {
        title: title.into(),
        company: Some(format!("Company {}", i % 5)),
        role_family: family,
        seniority,
        track: Track::Ic,
        remote: Some(remote),
        countries: vec![if i % 3 == 0 { "DE".into() } else { "US".into() }],
        regions: vec![],
        locations: vec![],
        employment_type: None,
        salary: Some(Salary { min: Some(base), max: Some(base + 30_000.0), currency: Some("USD".into()), period: Some(Period::Year) }),
        salary_text: None,
        skills: if i % 2 == 0 { vec!["Rust".into(), "PostgreSQL".into()] } else { vec!["Go".into()] },
        description: format!("Posting number {i}: build reliable services with care."),
        url: Some(format!("https://boards.example/acme/{i}")),
        apply_url: Some(format!("https://boards.example/acme/{i}/apply")),
        posted_at: None,
        valid_through: None,
        department: None,
    }
}

async fn seed(store: &Store, n: usize) {
    let src = store.ensure_source("greenhouse:acme", Some("greenhouse"), "/x/gh.json", 1).await.expect("source");
    let run = store.begin_run(1).await.expect("run");
    let items: Vec<Incoming> = (0..n)
        .map(|i| Incoming {
            external_id: i.to_string(),
            content_hash: format!("h{i}"),
            raw: "{}".into(),
            url: Some(format!("https://boards.example/acme/{i}")),
            apply_url: Some(format!("https://boards.example/acme/{i}/apply")),
            fingerprint: format!("fp{i}"),
            rank: 2,
            posting: posting(i),
        })
        .collect();
    store.upsert_batch(src.id, run, 1, &items).await.expect("upsert");
}

async fn app(store: &Store) -> axum::Router {
    let index = hirekit_index::SearchIndex::in_memory(hirekit_model::money::Rates::builtin()).expect("index");
    index.catch_up(store).await.expect("catch up");
    router(AppState::new(store.clone(), index, hirekit_model::money::Rates::builtin()))
}

#[tokio::test]
async fn search_api_filters_facets_pages_and_rejects_bad_input() {
    for db in hirekit_testkit::all().await {
        eprintln!("backend: {}", db.name);
        let store = db.store().await;
        seed(&store, 40).await;
        let app = app(&store).await;

        let (st, v) = json(&app, "/api/v1/jobs?q=backend&limit=5").await;
        assert_eq!(st, StatusCode::OK, "{v}");
        assert_eq!(v["total"], 20);
        assert_eq!(v["hits"].as_array().expect("hits").len(), 5);
        let hit = &v["hits"][0];
        for key in ["id", "title", "company", "apply_url", "salary", "role_family", "seniority", "remote"] {
            assert!(hit.get(key).is_some(), "hit lacks {key}: {hit}");
        }
        assert_eq!(v["facets"]["role_family"]["backend"], 20);
        assert_eq!(v["facets"]["seniority"]["senior"], 10);

        // Filters combine; facets follow the query.
        let (_, v) = json(&app, "/api/v1/jobs?q=backend&remote=remote&country=DE").await;
        let n = v["total"].as_u64().expect("total");
        assert!(n > 0 && n < 20, "{n}");
        for h in v["hits"].as_array().expect("hits") {
            assert_eq!(h["remote"], "remote");
            assert_eq!(h["countries"][0], "DE");
        }
        let (_, v) = json(&app, "/api/v1/jobs?skill=Rust&skill=PostgreSQL").await;
        assert_eq!(v["total"], 20);
        let (_, v) = json(&app, "/api/v1/jobs?salary_min=140000&currency=USD").await;
        assert!(v["hits"].as_array().expect("hits").iter().all(|h| h["salary"]["max"].as_f64().expect("max") >= 140_000.0));

        // Cursor pages do not overlap.
        let (_, p1) = json(&app, "/api/v1/jobs?q=engineer&limit=10").await;
        let cursor = p1["next_cursor"].as_str().expect("cursor");
        let (_, p2) = json(&app, &format!("/api/v1/jobs?q=engineer&limit=10&cursor={cursor}")).await;
        let ids = |v: &Value| v["hits"].as_array().expect("hits").iter().map(|h| h["id"].as_i64().expect("id")).collect::<Vec<_>>();
        assert!(ids(&p1).iter().all(|i| !ids(&p2).contains(i)));

        // Bad input: 400 with a message, a position, the valid parameters.
        let (st, v) = json(&app, "/api/v1/jobs?q=%22unclosed").await;
        assert_eq!(st, StatusCode::BAD_REQUEST);
        assert_eq!(v["error"]["code"], "invalid_query");
        assert!(v["error"]["position"].is_number(), "{v}");
        let (st, v) = json(&app, "/api/v1/jobs?colour=blue").await;
        assert_eq!(st, StatusCode::BAD_REQUEST);
        assert_eq!(v["error"]["code"], "unknown_parameter");
        assert!(v["error"]["valid"].as_array().expect("valid").iter().any(|p| p == "role_family"));
        let (st, v) = json(&app, "/api/v1/jobs?seniority=galactic").await;
        assert_eq!(st, StatusCode::BAD_REQUEST);
        assert_eq!(v["error"]["parameter"], "seniority");
        let (_, v) = json(&app, "/api/v1/jobs?limit=100000").await;
        assert!(v["hits"].as_array().expect("hits").len() <= 100, "page size is capped");

        // The OpenAPI document lists the search and salary endpoints with their parameters.
        let (_, doc) = json(&app, "/api/openapi.json").await;
        let params = doc["paths"]["/api/v1/jobs"]["get"]["parameters"].as_array().expect("params");
        for p in ["q", "role_family", "salary_min", "currency", "skill", "cursor", "limit"] {
            assert!(params.iter().any(|x| x["name"] == p), "{p} not documented");
        }
        assert!(doc["paths"]["/api/v1/salaries"].is_object());
        store.close().await;
    }
}

#[tokio::test]
async fn salary_insight_and_pages() {
    let db = hirekit_testkit::sqlite();
    let store = db.store().await;
    seed(&store, 40).await;
    let app = app(&store).await;
    let (st, v) = json(&app, "/api/v1/salaries?role_family=backend").await;
    assert_eq!(st, StatusCode::OK, "{v}");
    assert_eq!(v["postings"], 20);
    assert_eq!(v["with_salary"], 20);
    let p25 = v["overall"]["p25"].as_f64().expect("p25");
    let p75 = v["overall"]["p75"].as_f64().expect("p75");
    assert!(p25 < p75);
    let headline = v["headline"].as_str().expect("headline");
    assert!(headline.starts_with("Typical salary: $") && headline.ends_with("· 20 listings with salary data"), "{headline}");
    assert!(v["by_seniority"].as_array().expect("bands").len() == 2);
    assert!(!v["histogram"].as_array().expect("histogram").is_empty());
    // Another currency converts; a bad basis is a 400.
    let (_, eur) = json(&app, "/api/v1/salaries?role_family=backend&currency=EUR").await;
    assert!(eur["overall"]["p50"].as_f64().expect("p50") < v["overall"]["p50"].as_f64().expect("p50"));
    let (st, _) = json(&app, "/api/v1/salaries?basis=median").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);

    let (st, html) = get(&app, "/salaries/backend").await;
    assert_eq!(st, StatusCode::OK);
    assert!(html.contains("id=\"headline\""));
    assert!(html.contains("<svg class=\"chart histogram\""));
    assert!(html.contains("<svg class=\"chart bands\""));
    let (st, html) = get(&app, "/salaries").await;
    assert_eq!(st, StatusCode::OK);
    assert!(html.contains("/salaries/backend"));
    let (st, _) = get(&app, "/salaries/astronaut").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    store.close().await;
}

#[tokio::test]
async fn board_pages_render_search_results_and_postings() {
    let db = hirekit_testkit::sqlite();
    let store = db.store().await;
    seed(&store, 12).await;
    let app = app(&store).await;
    let (st, html) = get(&app, "/?q=backend&remote=remote").await;
    assert_eq!(st, StatusCode::OK);
    assert!(html.contains("<form id=\"search\""));
    assert!(html.contains("name=\"remote\" value=\"remote\" checked"), "the ticked facet stays ticked");
    assert!(html.contains("class=\"hit\""));
    // The fragment is the results part only (for in-place updates).
    let (_, frag) = get(&app, "/?q=backend&fragment=1").await;
    assert!(frag.starts_with("<div class=\"layout\">") && !frag.contains("<html"));
    // Empty form fields mean "no filter".
    let (st, _) = get(&app, "/?q=&salary_min=&posted_within=").await;
    assert_eq!(st, StatusCode::OK);
    let (st, html) = get(&app, "/?q=%22open").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(html.contains("class=\"error\""));
    // A posting page: JSON-LD, apply link, similar postings.
    let (_, v) = json(&app, "/api/v1/jobs?q=frontend&limit=1").await;
    let id = v["hits"][0]["id"].as_i64().expect("id");
    let (st, html) = get(&app, &format!("/jobs/{id}")).await;
    assert_eq!(st, StatusCode::OK);
    assert!(html.contains("<script type=\"application/ld+json\">"));
    assert!(html.contains("id=\"apply\" href=\"https://boards.example/acme/"));
    assert!(html.contains("Similar jobs"));
    store.close().await;
}
