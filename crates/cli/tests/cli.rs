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
