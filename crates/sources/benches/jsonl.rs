//! parse_jsonl_line throughput on schema.org JobPosting lines.
//! Input: HIREKIT_BENCH_JSONL or /tmp/bench20k.jsonl, made with
//! `python3 /work/shared/bench/make_jobposting_jsonl.py 20000 /tmp/bench20k.jsonl`.
//! Skips (with a message) when the file is absent.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use hirekit_sources::{parse_jsonl_line, Context};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let path =
        std::env::var("HIREKIT_BENCH_JSONL").unwrap_or_else(|_| "/tmp/bench20k.jsonl".into());
    let Ok(data) = std::fs::read(&path) else {
        eprintln!(
            "skipping jsonl bench: {path} not found (see benches/jsonl.rs for how to make it)"
        );
        return;
    };
    let lines: Vec<&[u8]> = data
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    let ctx = Context {
        source: path.clone(),
        company: None,
    };
    let mut g = c.benchmark_group("jsonl");
    g.throughput(Throughput::Elements(lines.len() as u64));
    g.sample_size(10);
    g.bench_function(format!("parse_jsonl_line x{}", lines.len()), |b| {
        b.iter(|| {
            let mut ok = 0usize;
            for (i, l) in lines.iter().enumerate() {
                if let Ok(Some(p)) = parse_jsonl_line(l, i + 1, &ctx) {
                    ok += black_box(p).title.len();
                }
            }
            ok
        })
    });
    g.bench_function("baseline serde_json::Value only", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for l in &lines {
                if let Ok(v) = serde_json::from_slice::<serde_json::Value>(l) {
                    n += black_box(v).as_object().map_or(0, |o| o.len());
                }
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
