//! `extract_skills` on ~3 KB of text (the average description size ingestion sees): a
//! skill-dense synthetic paragraph, and real Greenhouse/Lever descriptions when the shared
//! data is present.
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use hirekit_model::skills::extract_skills;
use hirekit_model::text::html_to_text;
use std::path::PathBuf;

const PARA: &str = "We are looking for a Senior Backend Engineer to join our platform team. You will design, \
build and operate services written in Go and Python, running on Kubernetes (EKS) in AWS. Our data lives in \
PostgreSQL, Redis and Kafka, and we ship through GitHub Actions with Terraform-managed infrastructure. \
Experience with gRPC, REST APIs, observability (Prometheus, Grafana, OpenTelemetry) and on-call rotations \
is a plus. You care about code review, testing (pytest, Go test) and writing clear documentation. Nice to \
have: React and TypeScript on the front end, Spark or dbt for analytics, and a go-to-market mindset when \
talking to customers. We offer competitive salary, equity, 30 days of holiday and a hybrid setup in Berlin. ";

fn cut(s: &str, n: usize) -> &str {
    let mut n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    &s[..n]
}

/// Real descriptions as plain text, cut to 3 KB each.
fn real_texts() -> Vec<String> {
    let base = std::env::var("HIREKIT_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    let Ok(raw) =
        std::fs::read_to_string(base.join("jobs/greenhouse_lever_board_jobs_2025_11_480.json"))
    else {
        return Vec::new();
    };
    let jobs: Vec<serde_json::Value> = serde_json::from_str(&raw).unwrap_or_default();
    jobs.iter()
        .filter_map(|j| j["description"].as_str())
        .map(html_to_text)
        .filter(|t| t.len() >= 3_000)
        .map(|t| cut(&t, 3_000).to_string())
        .take(50)
        .collect()
}

fn bench(c: &mut Criterion) {
    let text = PARA.repeat(3_000 / PARA.len() + 1);
    let text = cut(&text, 3_000);
    let _ = extract_skills(text); // build the automaton outside the measurement
    c.bench_function("extract_skills_3kb_dense", |b| {
        b.iter(|| extract_skills(black_box(text)))
    });
    let real = real_texts();
    if !real.is_empty() {
        c.bench_function("extract_skills_3kb_real_avg", |b| {
            let mut i = 0;
            b.iter(|| {
                i = (i + 1) % real.len();
                extract_skills(black_box(&real[i]))
            })
        });
    } else {
        eprintln!("shared data absent: skipping the real-description bench");
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
