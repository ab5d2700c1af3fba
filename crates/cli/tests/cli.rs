//! The `hirekit` binary as users script it: contracts of the named commands and JSON shapes.

use std::io::Write;
use std::process::{Command, Stdio};

fn hirekit() -> Command {
    Command::new(env!("CARGO_BIN_EXE_hirekit"))
}

fn run_stdin(args: &[&str], input: &str) -> String {
    let mut child = hirekit().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("spawn");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{args:?} failed");
    String::from_utf8(out.stdout).expect("utf8")
}

fn json_lines(s: &str) -> Vec<serde_json::Value> {
    s.lines().map(|l| serde_json::from_str(l).expect("one JSON value per line")).collect()
}

#[test]
fn normalize_prints_one_json_object_per_line() {
    let raw = run_stdin(&["normalize", "salary"], "€40 - €60k per year\nCompetitive\n$20-$23 per hour\n");
    // Field order as documented, for people reading the output.
    assert_eq!(raw.lines().next(), Some(r#"{"min":40000,"max":60000,"currency":"EUR","period":"year"}"#));
    let v = json_lines(&raw);
    assert_eq!(v.len(), 3);
    assert_eq!(v[0], serde_json::json!({"min": 40000, "max": 60000, "currency": "EUR", "period": "year"}));
    assert!(v[1].is_null(), "no pay stated → null");
    assert_eq!(v[2]["period"], "hour");

    let v = json_lines(&run_stdin(&["normalize", "salary", "--default-currency", "gbp"], "30000 - 35000\n"));
    assert_eq!(v[0]["currency"], "GBP");

    let v = json_lines(&run_stdin(&["normalize", "title"], "Sr. Backend Engineer (m/w/d)\nEngineering Manager\n"));
    assert_eq!(v[0], serde_json::json!({"role_family": "backend", "seniority": "senior", "track": "ic"}));
    assert_eq!(v[1]["track"], "manager");

    let v = json_lines(&run_stdin(&["normalize", "location"], "Remote (US only)\n"));
    assert_eq!(v[0]["remote"], "remote");
    assert_eq!(v[0]["countries"], serde_json::json!(["US"]));

    let v = json_lines(&run_stdin(&["normalize", "skills"], "k8s, Postgres and golang\n"));
    let skills: Vec<&str> = v[0]["skills"].as_array().expect("array").iter().filter_map(|s| s.as_str()).collect();
    for want in ["Kubernetes", "PostgreSQL", "Go"] {
        assert!(skills.contains(&want), "{want} in {skills:?}");
    }
}

#[test]
fn ingest_json_summary_and_global_flags_after_the_subcommand() {
    let dir = tempfile::tempdir().expect("tempdir");
    let feed = dir.path().join("jobs.jsonl");
    std::fs::write(
        &feed,
        "{\"@type\":\"JobPosting\",\"identifier\":\"a\",\"title\":\"QA Engineer\",\"hiringOrganization\":{\"name\":\"X\"}}\nnot json\n",
    )
    .expect("write");
    let data = dir.path().join("data");
    let out = hirekit()
        .args(["ingest", feed.to_str().expect("path"), "--json", "--data-dir", data.to_str().expect("path")])
        .output()
        .expect("run");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    for key in ["new", "updated", "unchanged", "closed", "merged", "failed"] {
        assert!(v.get(key).is_some(), "{key} in {v}");
    }
    assert_eq!(v["new"], 1);
    assert_eq!(v["failed"][0]["item"], "line 2");
    assert!(v["failed"][0]["source"].as_str().is_some_and(|s| s.ends_with("jobs.jsonl")));
    assert!(data.join("hirekit.db").exists(), "--data-dir after the subcommand is honoured");

    // Export writes JobPosting lines that ingest back.
    let out = hirekit().args(["--data-dir", data.to_str().expect("path"), "export"]).output().expect("export");
    let lines = json_lines(&String::from_utf8(out.stdout).expect("utf8"));
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["@type"], "JobPosting");
    assert_eq!(lines[0]["hirekit"]["role_family"], "qa");
}

#[test]
fn a_killed_ingest_leaves_a_consistent_store_that_resumes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let feed = dir.path().join("big.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&feed).expect("create"));
    let n = 60_000;
    for i in 0..n {
        writeln!(
            f,
            r#"{{"@type":"JobPosting","identifier":"id-{i}","title":"Backend Engineer","hiringOrganization":{{"name":"Company {i}"}},"description":"Rust and PostgreSQL, {}"}}"#,
            "lorem ipsum ".repeat(40)
        )
        .expect("write");
    }
    drop(f);
    let data = dir.path().join("data");
    let db = data.join("hirekit.db");
    let mut child = hirekit()
        .args(["--data-dir", data.to_str().expect("path"), "ingest", feed.to_str().expect("path")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    // Kill it hard once some batches are committed.
    let started = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let committed = committed_postings(&db);
        if committed > 0 || started.elapsed().as_secs() > 60 {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();

    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let store = hirekit_store::Store::connect(&format!("sqlite://{}", db.display())).await.expect("reopen");
        let c = store.counts().await.expect("counts");
        assert!(c.postings > 0 && c.postings < n, "killed mid-ingest: {c:?}");
        assert_eq!(c.postings, c.items, "every posting has its item, no half-written batch: {c:?}");
        store.close().await;
    });
    // Run again: it picks up where it stopped and ends with everything exactly once.
    let out = hirekit()
        .args(["--data-dir", data.to_str().expect("path"), "ingest", feed.to_str().expect("path"), "--json"])
        .output()
        .expect("rerun");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["new"].as_i64().unwrap_or(0) + v["unchanged"].as_i64().unwrap_or(0), n, "{v}");
    rt.block_on(async {
        let store = hirekit_store::Store::connect(&format!("sqlite://{}", db.display())).await.expect("reopen");
        assert_eq!(store.counts().await.expect("counts").postings, n);
        store.close().await;
    });
}

/// Committed postings so far, read through a second connection (WAL allows it).
fn committed_postings(db: &std::path::Path) -> i64 {
    if !db.exists() {
        return 0;
    }
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    rt.block_on(async {
        match hirekit_store::Store::connect(&format!("sqlite://{}", db.display())).await {
            Ok(s) => {
                let n = s.counts().await.map(|c| c.postings).unwrap_or(0);
                s.close().await;
                n
            }
            Err(_) => 0,
        }
    })
}

/// `hirekit screen`: the JSON and CSV contracts, a bad file reported without stopping the
/// batch, `--top`, and the semantic signal with `--model` when the test model is there.
#[test]
fn screen_ranks_a_folder_as_json_and_csv() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cvs = dir.path().join("cvs");
    std::fs::create_dir(&cvs).expect("mkdir");
    std::fs::write(
        cvs.join("alice.txt"),
        "Alice Marlowe\nalice@example.org\n\nExperience\nBackend Engineer, Acme, Jan 2016 - Dec 2023\n\
         Rust services, Kafka pipelines on Kubernetes.\n\nSkills\nRust, Kafka, Kubernetes, PostgreSQL\n",
    )
    .expect("write");
    std::fs::write(
        cvs.join("bob.txt"),
        "Bob Tanaka\nbob@example.org\n\nExperience\nJunior Developer, Initech, Jan 2022 - Dec 2023\n\
         Python scripts.\n\nSkills\nPython\n",
    )
    .expect("write");
    std::fs::write(cvs.join("broken.pdf"), b"%PDF-1.7 this is not a real pdf").expect("write");
    let jd = dir.path().join("jd.md");
    std::fs::write(&jd, "Backend Engineer\nRequirements:\n- Rust\n- Kafka or RabbitMQ\nNice to have: Kubernetes\n")
        .expect("write");
    let data = dir.path().join("data");
    let screen = |extra: &[&str]| {
        let mut args = vec!["screen", "--data-dir", data.to_str().expect("path"), "--job", jd.to_str().expect("path")];
        args.extend_from_slice(extra);
        args.push(cvs.to_str().expect("path"));
        hirekit().args(&args).env_remove("HIREKIT_EMBEDDING_MODEL").output().expect("run")
    };

    let out = screen(&["--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("a JSON array");
    assert_eq!(rows.len(), 2, "the broken file is skipped, not ranked");
    for key in ["file", "score", "knocked_out", "breakdown", "evidence"] {
        assert!(rows[0].get(key).is_some(), "{key} in {}", rows[0]);
    }
    assert!(rows[0]["file"].as_str().is_some_and(|f| f.ends_with("alice.txt")), "{}", rows[0]);
    assert_eq!(rows[0]["knocked_out"], false);
    assert_eq!(rows[1]["knocked_out"], true);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.pdf") && stderr.contains("1 file(s) skipped"), "{stderr}");
    assert!(stderr.contains("no embedding model"), "{stderr}");

    let out = screen(&["--csv", "--top", "1"]);
    let csv = String::from_utf8(out.stdout).expect("utf8");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "rank,file,score,knocked_out,coverage,lexical,semantic,duplicate_of,knockouts");
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(lines[1].starts_with("1,") && lines[1].contains("alice.txt"), "{csv}");

    let Ok(model) = std::env::var("HIREKIT_TEST_EMBEDDING_MODEL") else {
        eprintln!("skipping the --model part: HIREKIT_TEST_EMBEDDING_MODEL is not set (scripts/test.sh sets it)");
        return;
    };
    let out = screen(&["--json", "--model", &model]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("a JSON array");
    assert_eq!(rows[0]["signals"], serde_json::json!(["coverage", "lexical", "semantic"]), "{}", rows[0]);
    assert!(rows.iter().all(|r| r["breakdown"]["semantic"].as_f64().is_some_and(|x| (0.0..=1.0).contains(&x))));
    // Vectors are cached in the data dir: a resume is embedded once.
    assert!(std::fs::read_dir(data.join("cache").join("embeddings")).is_ok_and(|d| d.count() > 0));
}
