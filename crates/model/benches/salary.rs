//! `cargo bench -p hirekit-model --bench salary`: ns per parse over real salary strings and
//! whole job descriptions from the labelled set.
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use hirekit_model::salary::parse_salary;

fn texts() -> (Vec<String>, Vec<String>) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/salary_labelled.tsv"
    );
    let body = std::fs::read_to_string(path).expect("labelled set");
    let all: Vec<String> = body
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .map(|t| t.replace("\\n", "\n"))
        .collect();
    let short = all.iter().filter(|t| t.len() <= 200).cloned().collect();
    let long = all.iter().filter(|t| t.len() >= 1500).cloned().collect();
    (short, long)
}

fn bench(c: &mut Criterion) {
    let (short, long) = texts();
    let mut g = c.benchmark_group("salary");
    g.throughput(Throughput::Elements(short.len() as u64));
    g.bench_function(format!("short_strings_x{}", short.len()), |b| {
        b.iter(|| {
            for t in &short {
                black_box(parse_salary(black_box(t)));
            }
        })
    });
    let bytes: usize = long.iter().map(String::len).sum();
    g.throughput(Throughput::Elements(long.len() as u64));
    g.bench_function(
        format!(
            "descriptions_x{}_avg{}B",
            long.len(),
            bytes / long.len().max(1)
        ),
        |b| {
            b.iter(|| {
                for t in &long {
                    black_box(parse_salary(black_box(t)));
                }
            })
        },
    );
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
