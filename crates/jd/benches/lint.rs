//! `CARGO_TARGET_DIR=… cargo bench -p hirekit-jd`: lint 10,000 real JDs (the LinkedIn and
//! Greenhouse/Lever descriptions from shared/data, repeated) on a 2-thread rayon pool,
//! as `hirekit jd lint` does for many files.
#![allow(clippy::unwrap_used)] // tests fail loudly

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use hirekit_jd::{lint_many, LintOptions};

fn corpus() -> Vec<String> {
    let dir = std::env::var("HIREKIT_SHARED_DATA").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data").to_string()
    });
    let mut docs = Vec::new();
    if let Ok(mut r) =
        csv::Reader::from_path(format!("{dir}/jobs/linkedin_2023_2024_sample_1000.csv"))
    {
        let h = r.headers().cloned().unwrap_or_default();
        let d = h.iter().position(|x| x == "description");
        for rec in r.records().flatten() {
            if let Some(t) = d.and_then(|i| rec.get(i)).filter(|t| !t.trim().is_empty()) {
                docs.push(t.to_string());
            }
        }
    }
    if let Ok(body) = std::fs::read_to_string(format!(
        "{dir}/jobs/greenhouse_lever_board_jobs_2025_11_480.json"
    )) {
        let v: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
        for j in v.as_array().into_iter().flatten() {
            if let Some(t) = j.get("description").and_then(|x| x.as_str()) {
                docs.push(hirekit_model::text::decode_entities(t).into_owned());
            }
        }
    }
    if docs.is_empty() {
        eprintln!("shared data not found: benchmarking a synthetic JD");
        docs.push("Senior Backend Engineer\nLocation: New York, NY (hybrid)\n\nWe want a rockstar with 10+ years of Kubernetes. ".repeat(20));
    }
    let n = docs.len();
    let bytes: usize = docs.iter().map(String::len).sum();
    eprintln!("{n} distinct JDs, {} bytes on average", bytes / n);
    docs.iter().cycle().take(10_000).cloned().collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let opts = LintOptions::default();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("pool");
    let mut g = c.benchmark_group("lint");
    g.sample_size(10);
    g.throughput(Throughput::Elements(docs.len() as u64));
    g.bench_function("10k_jds_2_threads", |b| {
        b.iter(|| pool.install(|| lint_many(&docs, &opts)).len())
    });
    let one = &docs[..1000];
    g.throughput(Throughput::Elements(one.len() as u64));
    g.bench_function("1k_jds_1_thread", |b| {
        b.iter(|| {
            one.iter()
                .map(|d| hirekit_jd::lint(d, &opts).map(|f| f.len()).unwrap_or(0))
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
