//! `extract_skills` on a ~3 KB job description (the size ingestion sees on average).
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use hirekit_model::skills::extract_skills;

const PARA: &str = "We are looking for a Senior Backend Engineer to join our platform team. You will design, \
build and operate services written in Go and Python, running on Kubernetes (EKS) in AWS. Our data lives in \
PostgreSQL, Redis and Kafka, and we ship through GitHub Actions with Terraform-managed infrastructure. \
Experience with gRPC, REST APIs, observability (Prometheus, Grafana, OpenTelemetry) and on-call rotations \
is a plus. You care about code review, testing (pytest, Go test) and writing clear documentation. Nice to \
have: React and TypeScript on the front end, Spark or dbt for analytics, and a go-to-market mindset when \
talking to customers. We offer competitive salary, equity, 30 days of holiday and a hybrid setup in Berlin. ";

fn bench(c: &mut Criterion) {
    let text: String = PARA.repeat(3_000 / PARA.len() + 1);
    let text = &text[..3_000.min(text.len())];
    let _ = extract_skills(text); // build the automaton outside the measurement
    c.bench_function("extract_skills_3kb", |b| {
        b.iter(|| extract_skills(black_box(text)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
