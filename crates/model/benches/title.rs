//! `cargo bench -p hirekit-model --bench title`: time per title over the labelled set.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use hirekit_model::title::normalize_title;

fn titles() -> Vec<&'static str> {
    include_str!("../tests/data/title_labelled.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .collect()
}

fn bench(c: &mut Criterion) {
    let titles = titles();
    // Build the lexicon outside the measurement.
    let _ = normalize_title("warm up");
    let mut g = c.benchmark_group("normalize_title");
    g.throughput(Throughput::Elements(titles.len() as u64));
    g.bench_function("labelled_set", |b| {
        b.iter(|| {
            for t in &titles {
                black_box(normalize_title(black_box(t)));
            }
        })
    });
    g.throughput(Throughput::Elements(1));
    g.bench_function("single_typical", |b| {
        b.iter(|| {
            normalize_title(black_box(
                "Senior Software Engineer, Platform (m/w/d) - Remote",
            ))
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
