//! `POST /api/v1/screen` and `POST /api/v1/criteria/derive` in-process: ranking, knock-outs,
//! blind mode, a bad file in a batch, invalid criteria, limits and the OpenAPI entries.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use hirekit_server::{router, AppState};

mod common;
use common::{multipart_request, send};

const BOUNDARY: &str = "hirekit-screen-boundary";

const ALICE: &str = "Alice Marlowe\nalice.marlowe@example.org | +1 (555) 201-3344\n\n\
Summary\nBackend engineer: Rust services, Kafka streams, Kubernetes.\n\n\
Experience\nSenior Backend Engineer\nAcme Inc.\nJan 2016 - Dec 2023\n\
Built Rust services and Kafka pipelines running on Kubernetes.\n\n\
Skills\nRust, Kafka, Kubernetes, PostgreSQL\n\n\
Education\nBSc Computer Science, 2015\n";

const BOB: &str = "Bob Tanaka\nbob.tanaka@example.org\n\n\
Experience\nJunior Developer\nInitech\nJan 2022 - Dec 2023\n\
Wrote Rust command-line tools and Python scripts.\n\n\
Skills\nRust, Python\n";

const CRITERIA: &str = r#"{
  "must_have": ["Rust", "Kafka or RabbitMQ"],
  "nice_to_have": ["Kubernetes", {"skill": "PostgreSQL", "weight": 2}],
  "min_total_years": 3,
  "job_text": "Backend engineer: Rust, Kafka or RabbitMQ, Kubernetes, PostgreSQL."
}"#;

enum Part<'a> {
    Text(&'a str, &'a str),
    File(&'a str, &'a [u8]),
}

fn multipart(parts: &[Part]) -> Vec<u8> {
    let mut body = Vec::new();
    for p in parts {
        match p {
            Part::Text(name, value) => {
                body.extend_from_slice(
                    format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                        .as_bytes(),
                );
            }
            Part::File(file_name, content) => {
                body.extend_from_slice(
                    format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
                );
                body.extend_from_slice(content);
                body.extend_from_slice(b"\r\n");
            }
        }
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn screen(app: &axum::Router, parts: &[Part<'_>]) -> (StatusCode, serde_json::Value) {
    send(app, multipart_request("/api/v1/screen", BOUNDARY, multipart(parts))).await
}

async fn derive(app: &axum::Router, json: &str) -> (StatusCode, serde_json::Value) {
    let req = Request::builder()
        .method("POST")
        .uri("/api/v1/criteria/derive")
        .header("content-type", "application/json")
        .body(Body::from(json.to_string()))
        .expect("request");
    send(app, req).await
}

async fn app() -> (hirekit_testkit::TestDb, axum::Router) {
    let db = hirekit_testkit::sqlite();
    let store = db.store().await;
    (db, router(AppState::with_empty_index(store)))
}

/// CRITERIA against Bob's and Alice's resumes, Bob uploaded first.
async fn screen_bob_then_alice(app: &axum::Router) -> (StatusCode, serde_json::Value) {
    screen(
        app,
        &[
            Part::Text("criteria", CRITERIA),
            Part::File("b.txt", BOB.as_bytes()),
            Part::File("a.txt", ALICE.as_bytes()),
        ],
    )
    .await
}

fn results(v: &serde_json::Value) -> Vec<serde_json::Value> {
    v["results"].as_array().cloned().unwrap_or_default()
}

#[tokio::test]
async fn ranks_files_and_knocks_out_a_missing_must_have() {
    let (_db, app) = app().await;
    // Bob first in the upload: the order of the results is the ranking, not the upload.
    let (st, v) = screen_bob_then_alice(&app).await;
    assert_eq!(st, StatusCode::OK, "{v}");
    let r = results(&v);
    assert_eq!(r.len(), 2, "{v}");
    assert_eq!(r[0]["file"], "a.txt");
    assert_eq!(r[0]["rank"], 1);
    assert_eq!(r[1]["file"], "b.txt");
    assert_eq!(r[1]["rank"], 2);
    assert_eq!(r[0]["knocked_out"], false);
    let (s0, s1) = (
        r[0]["score"].as_f64().unwrap_or(-1.0),
        r[1]["score"].as_f64().unwrap_or(-1.0),
    );
    assert!(s0 > s1 && s1 >= 0.0, "{s0} vs {s1}");
    assert!(r[0]["breakdown"]["coverage"]
        .as_f64()
        .is_some_and(|c| c > 0.5));
    // Alice's evidence: the Kafka must-have met, with a snippet from her resume.
    let kafka = r[0]["evidence"]
        .as_array()
        .and_then(|e| {
            e.iter()
                .find(|e| e["criterion"].as_str().is_some_and(|c| c.contains("Kafka")))
        })
        .cloned()
        .expect("kafka evidence");
    assert_eq!(kafka["met"], true);
    assert!(kafka["snippets"][0]["text"]
        .as_str()
        .is_some_and(|t| t.contains("Kafka")));
    // Bob lacks Kafka/RabbitMQ: knocked out, and the reason says which must-have.
    assert_eq!(r[1]["knocked_out"], true);
    let why = r[1]["knockouts"].to_string();
    assert!(why.contains("Kafka"), "{why}");
    assert!(!why.contains("\"Rust"), "Rust is met: {why}");
    assert_eq!(v["files"], 2);
    assert_eq!(v["ranked"], 2);
    assert_eq!(v["failed"], 0);
    let signals = v["signals"].to_string();
    assert!(
        signals.contains("coverage") && signals.contains("lexical"),
        "{signals}"
    );

    // `top` cuts the ranking.
    let (st, v) = screen(
        &app,
        &[
            Part::Text("criteria", CRITERIA),
            Part::Text("top", "1"),
            Part::File("b.txt", BOB.as_bytes()),
            Part::File("a.txt", ALICE.as_bytes()),
        ],
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    let r = results(&v);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["file"], "a.txt");
}

/// With a sentence model (scripts/test.sh fetches it and sets HIREKIT_TEST_EMBEDDING_MODEL),
/// the API scores with the semantic signal too.
#[tokio::test]
async fn the_semantic_signal_is_used_when_the_server_has_a_model() {
    let Ok(dir) = std::env::var("HIREKIT_TEST_EMBEDDING_MODEL") else {
        eprintln!("skipping: HIREKIT_TEST_EMBEDDING_MODEL is not set (scripts/test.sh sets it)");
        return;
    };
    let model = hirekit_screen::load_model(std::path::Path::new(&dir), None).expect("model loads");
    let db = hirekit_testkit::sqlite();
    let store = db.store().await;
    let app = router(AppState::with_empty_index(store).with_embedder(Some(model)));
    let (st, v) = screen_bob_then_alice(&app).await;
    assert_eq!(st, StatusCode::OK, "{v}");
    assert_eq!(v["signals"], serde_json::json!(["coverage", "lexical", "semantic"]), "{v}");
    let r = results(&v);
    assert_eq!(r[0]["file"], "a.txt");
    let sem: Vec<f64> = r.iter().map(|x| x["breakdown"]["semantic"].as_f64().unwrap_or(-1.0)).collect();
    // Alice's resume is about the job's backend stack; Bob's much less.
    assert!(sem.iter().all(|x| (0.0..=1.0).contains(x)) && sem[0] > sem[1], "{sem:?}");
}

/// A model slow enough that embedding a batch outlasts a short budget.
struct Slow;
impl hirekit_screen::Embedder for Slow {
    fn embed(&self, texts: &[&str]) -> anyhow::Result<Vec<Vec<f32>>> {
        std::thread::sleep(std::time::Duration::from_millis(400));
        Ok(texts
            .iter()
            .map(|t| {
                let l = t.to_lowercase();
                vec![l.matches("rust").count() as f32 + 0.01, l.matches("bread").count() as f32]
            })
            .collect())
    }
    fn name(&self) -> &str {
        "slow"
    }
}

/// Embedding that would outlast the request's budget is left out with a note, goes on in
/// the background, and a repeated request then has the semantic signal.
#[tokio::test]
async fn embedding_past_the_budget_answers_without_it_and_finishes_in_the_background() {
    let db = hirekit_testkit::sqlite();
    let store = db.store().await;
    let slow = std::sync::Arc::new(hirekit_screen::Cached::new(std::sync::Arc::new(Slow), None));
    let state = AppState::with_empty_index(store)
        .with_embedder(Some(slow))
        .with_embed_budget(std::time::Duration::from_secs(1));
    let app = router(state);
    // 200 one-chunk resumes: 4 slices of 64 at 400 ms each, after 400 ms for the job, so the
    // budget runs out before the third; once cached, parsing alone must fit in a second.
    let texts: Vec<String> = (0..200)
        .map(|i| format!("Resume {i}: backend engineer, {} years of Rust and Kafka in production.", i % 9))
        .collect();
    let names: Vec<String> = (0..200).map(|i| format!("cv{i}.txt")).collect();
    let mut parts = vec![Part::Text("criteria", CRITERIA)];
    parts.extend(names.iter().zip(&texts).map(|(n, t)| Part::File(n, t.as_bytes())));
    let (st, v) = screen(&app, &parts).await;
    assert_eq!(st, StatusCode::OK, "{v}");
    assert_eq!(v["signals"], serde_json::json!(["coverage", "lexical"]), "{v}");
    assert!(v["note"].as_str().is_some_and(|n| n.contains("background")), "{}", v["note"]);
    assert_eq!(v["ranked"], 200);
    // The background task embeds the rest (about a second); then the signal is there.
    let t = std::time::Instant::now();
    loop {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let (st, v) = screen(&app, &parts).await;
        assert_eq!(st, StatusCode::OK, "{v}");
        if v["signals"] == serde_json::json!(["coverage", "lexical", "semantic"]) {
            assert!(v["note"].is_null(), "{v}");
            break;
        }
        assert!(t.elapsed().as_secs() < 30, "still no semantic signal: {}", v["note"]);
    }
}

#[tokio::test]
async fn toml_criteria_and_a_job_description_work_too() {
    let (_db, app) = app().await;
    let toml = "must_have = [\"Rust\", \"Kafka or RabbitMQ\"]\nmin_total_years = 3\n";
    let (st, v) = screen(
        &app,
        &[
            Part::Text("criteria", toml),
            Part::File("b.txt", BOB.as_bytes()),
            Part::File("a.txt", ALICE.as_bytes()),
        ],
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    assert_eq!(results(&v)[0]["file"], "a.txt");
    assert_eq!(v["criteria"]["min_total_years"], 3.0);

    let jd = "Backend Engineer\n\nRequirements:\n- 3+ years of experience with Rust\n- Kafka\n\nNice to have:\n- Kubernetes\n";
    let (st, v) = screen(
        &app,
        &[
            Part::Text("jd", jd),
            Part::File("b.txt", BOB.as_bytes()),
            Part::File("a.txt", ALICE.as_bytes()),
        ],
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    assert_eq!(results(&v)[0]["file"], "a.txt");
    // The criteria derived from the JD are shown (without the JD text itself).
    assert!(
        v["criteria"]["must_have"].to_string().contains("Kafka"),
        "{v}"
    );
    assert!(v["criteria"]["job_text"].is_null());
}

#[tokio::test]
async fn blind_mode_hides_name_and_contact() {
    let (_db, app) = app().await;
    let run = |blind: &'static str| {
        let app = app.clone();
        async move {
            screen(
                &app,
                &[
                    Part::Text("criteria", CRITERIA),
                    Part::Text("blind", blind),
                    Part::File("a.txt", ALICE.as_bytes()),
                    Part::File("b.txt", BOB.as_bytes()),
                ],
            )
            .await
        }
    };
    let (st, seen) = run("false").await;
    assert_eq!(st, StatusCode::OK, "{seen}");
    // Without blind mode the contact line shows in the evidence snippets next to "Rust".
    assert!(seen.to_string().contains("201-3344"), "{seen}");
    let (st, blind) = run("true").await;
    assert_eq!(st, StatusCode::OK, "{blind}");
    let out = blind.to_string();
    for who in [
        "Alice",
        "Marlowe",
        "alice.marlowe@example.org",
        "201-3344",
        "Tanaka",
        "bob.tanaka@example.org",
    ] {
        assert!(!out.contains(who), "{who} shown in blind mode: {out}");
    }
    // Same ranking; the criteria are still met from the masked text.
    assert_eq!(results(&blind)[0]["file"], "a.txt");
    assert_eq!(results(&blind)[0]["knocked_out"], false);
    assert_eq!(
        results(&seen)[0]["knocked_out"],
        results(&blind)[0]["knocked_out"]
    );
}

#[tokio::test]
async fn a_bad_file_is_reported_and_the_others_ranked() {
    let (_db, app) = app().await;
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01";
    let (st, v) = screen(
        &app,
        &[
            Part::Text("criteria", CRITERIA),
            Part::File("a.txt", ALICE.as_bytes()),
            Part::File("broken.pdf", b"%PDF-1.4\n1 0 obj <<"),
            Part::File("photo.pdf", png),
            Part::File("b.txt", BOB.as_bytes()),
        ],
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    let r = results(&v);
    assert_eq!(r.len(), 4, "{v}");
    assert_eq!(r[0]["file"], "a.txt");
    assert_eq!(r[1]["file"], "b.txt");
    let broken = r
        .iter()
        .find(|e| e["file"] == "broken.pdf")
        .expect("broken");
    assert_eq!(broken["error"]["code"], "corrupt");
    assert!(broken["score"].is_null());
    let photo = r.iter().find(|e| e["file"] == "photo.pdf").expect("photo");
    assert_eq!(photo["error"]["code"], "unsupported");
    assert!(photo["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("PNG")));
    assert_eq!(v["failed"], 2);
    assert_eq!(v["ranked"], 2);
}

#[tokio::test]
async fn invalid_requests_are_400_naming_the_problem() {
    let (_db, app) = app().await;
    let file = Part::File("a.txt", ALICE.as_bytes());
    let cases: [(Vec<Part>, &str, &str); 7] = [
        (
            vec![
                Part::Text("criteria", "min_total_years = 200\n"),
                Part::File("a.txt", ALICE.as_bytes()),
            ],
            "invalid_criteria",
            "min_total_years",
        ),
        (
            vec![
                Part::Text("criteria", "{\"must_have\": 5}"),
                Part::File("a.txt", ALICE.as_bytes()),
            ],
            "invalid_criteria",
            "JSON",
        ),
        (
            vec![
                Part::Text("criteria", "seniority = \"wizard\"\n"),
                Part::File("a.txt", ALICE.as_bytes()),
            ],
            "invalid_criteria",
            "wizard",
        ),
        (
            vec![
                Part::Text("criteria", "{}"),
                Part::File("a.txt", ALICE.as_bytes()),
            ],
            "invalid_criteria",
            "nothing",
        ),
        (
            vec![Part::File("a.txt", ALICE.as_bytes())],
            "missing_criteria",
            "criteria",
        ),
        (
            vec![
                Part::Text("criteria", CRITERIA),
                Part::Text("jd", "Rust engineer"),
                file,
            ],
            "ambiguous_criteria",
            "only one",
        ),
        (
            vec![Part::Text("criteria", CRITERIA)],
            "missing_file",
            "file",
        ),
    ];
    for (parts, code, says) in cases {
        let (st, v) = screen(&app, &parts).await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{code}: {v}");
        assert_eq!(v["error"]["code"], code, "{v}");
        assert!(
            v["error"]["message"]
                .as_str()
                .is_some_and(|m| m.contains(says)),
            "{code}: {v}"
        );
    }
    let (st, v) = screen(
        &app,
        &[
            Part::Text("criteria", CRITERIA),
            Part::Text("top", "many"),
            Part::File("a.txt", ALICE.as_bytes()),
        ],
    )
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{v}");
    assert_eq!(v["error"]["code"], "invalid_top");
    let (st, v) = screen(
        &app,
        &[
            Part::Text("posting_id", "999999"),
            Part::File("a.txt", ALICE.as_bytes()),
        ],
    )
    .await;
    assert_eq!(st, StatusCode::NOT_FOUND, "{v}");
    assert_eq!(v["error"]["code"], "not_found");
}

#[tokio::test]
async fn too_many_files_is_413() {
    let (_db, app) = app().await;
    let files: Vec<Part> = (0..501).map(|_| Part::File("x.txt", b"Rust")).collect();
    let mut parts = vec![Part::Text("criteria", CRITERIA)];
    parts.extend(files);
    let (st, v) = screen(&app, &parts).await;
    assert_eq!(st, StatusCode::PAYLOAD_TOO_LARGE, "{v}");
    assert_eq!(v["error"]["code"], "too_many_files");
    assert!(v["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("500")));
}

#[tokio::test]
async fn one_oversized_file_fails_alone() {
    let (_db, app) = app().await;
    let big = vec![b'a'; 11 << 20];
    let (st, v) = screen(
        &app,
        &[
            Part::Text("criteria", CRITERIA),
            Part::File("big.txt", &big),
            Part::File("a.txt", ALICE.as_bytes()),
        ],
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    let r = results(&v);
    assert_eq!(r[0]["file"], "a.txt");
    assert_eq!(r[1]["file"], "big.txt");
    assert_eq!(r[1]["error"]["code"], "too_large");
}

#[tokio::test]
async fn derives_criteria_from_a_job_description() {
    let (_db, app) = app().await;
    let jd = "Senior Backend Engineer\n\nRequirements:\n- 5+ years of professional experience\n- Strong Rust skills\n- Kafka or RabbitMQ\n\nNice to have:\n- Kubernetes\n";
    let (st, v) = derive(&app, &serde_json::json!({ "text": jd }).to_string()).await;
    assert_eq!(st, StatusCode::OK, "{v}");
    assert_eq!(v["min_total_years"], 5.0, "{v}");
    let must = v["must_have"].to_string();
    assert!(
        must.contains("Rust") && must.contains("Kafka") && must.contains("RabbitMQ"),
        "{must}"
    );
    assert!(v["nice_to_have"].to_string().contains("Kubernetes"), "{v}");

    // The derived criteria are accepted back by /api/v1/screen as they are.
    let (st, s) = screen(
        &app,
        &[
            Part::Text("criteria", &v.to_string()),
            Part::File("a.txt", ALICE.as_bytes()),
        ],
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{s}");
    assert_eq!(results(&s)[0]["file"], "a.txt");

    for (body, code) in [
        ("{}", "missing_input"),
        ("not json", "bad_json"),
        ("{\"posting_id\": \"abc\"}", "invalid_posting_id"),
        ("{\"text\": \"  \"}", "empty_text"),
    ] {
        let (st, v) = derive(&app, body).await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{body}: {v}");
        assert_eq!(v["error"]["code"], code, "{v}");
    }
    let (st, v) = derive(&app, "{\"posting_id\": 424242}").await;
    assert_eq!(st, StatusCode::NOT_FOUND, "{v}");
}

#[tokio::test]
async fn openapi_lists_the_screening_paths() {
    let doc = serde_json::to_value(hirekit_server::openapi()).expect("json");
    let screen = &doc["paths"]["/api/v1/screen"]["post"];
    assert!(
        screen["requestBody"]["content"]["multipart/form-data"].is_object(),
        "{screen}"
    );
    for code in ["200", "400", "413"] {
        assert!(screen["responses"][code].is_object(), "{code}: {screen}");
    }
    let derive = &doc["paths"]["/api/v1/criteria/derive"]["post"];
    assert!(
        derive["requestBody"]["content"]["application/json"].is_object(),
        "{derive}"
    );
    assert!(doc["components"]["schemas"]["ScreenResponse"].is_object());
}

#[tokio::test]
async fn the_web_page_screens_uploaded_files() {
    let (_db, app) = app().await;
    let req = Request::builder()
        .uri("/screen")
        .body(Body::empty())
        .expect("request");
    let resp = app.clone().oneshot(req).await.expect("response");
    assert_eq!(resp.status(), StatusCode::OK);
    let bytes = resp.into_body().collect().await.expect("body").to_bytes();
    let form = String::from_utf8_lossy(&bytes);
    assert!(form.contains("enctype=\"multipart/form-data\"") && form.contains("name=\"file\""));

    let post_page = |parts: Vec<u8>| {
        let app = app.clone();
        async move {
            let req = multipart_request("/screen", BOUNDARY, parts);
            let resp = app.oneshot(req).await.expect("response");
            let st = resp.status();
            let bytes = resp.into_body().collect().await.expect("body").to_bytes();
            (st, String::from_utf8_lossy(&bytes).into_owned())
        }
    };
    let (st, html) = post_page(multipart(&[
        Part::Text("kind", "criteria"),
        Part::Text("text", CRITERIA),
        Part::File("b.txt", BOB.as_bytes()),
        Part::File("a.txt", ALICE.as_bytes()),
        Part::File("broken.pdf", b"%PDF-1.4\n1 0 obj <<"),
    ]))
    .await;
    assert_eq!(st, StatusCode::OK, "{html}");
    let (a, b) = (html.find("<td>a.txt</td>"), html.find("<td>b.txt</td>"));
    assert!(a.is_some() && b.is_some() && a < b, "{html}");
    assert!(
        html.contains("Knocked out:</strong> missing must-have: Kafka or RabbitMQ"),
        "{html}"
    );
    assert!(html.contains("Evidence") && html.contains("<q>"), "{html}");
    assert!(html.contains("broken.pdf: corrupt"), "{html}");

    let (st, html) = post_page(multipart(&[
        Part::Text("kind", "criteria"),
        Part::Text("text", "min_total_years = 200"),
        Part::File("a.txt", ALICE.as_bytes()),
    ]))
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(html.contains("min_total_years"), "{html}");
    // The form comes back filled in.
    assert!(html.contains(">min_total_years = 200</textarea>"), "{html}");
}
