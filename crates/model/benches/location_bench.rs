//! `normalize_location` on typical location strings.
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use hirekit_model::location::normalize_location;

fn bench(c: &mut Criterion) {
    let inputs = [
        "San Francisco, CA",
        "Remote - Europe (CET ±2h)",
        "Costa Mesa, California, United States; Seattle, Washington, United States",
        "Bengaluru, Karnataka, India",
        "Toronto, ON / Remote",
    ];
    let _ = normalize_location("warm up");
    c.bench_function("normalize_location_5", |b| {
        b.iter(|| {
            inputs
                .iter()
                .map(|s| normalize_location(black_box(s)).countries.len())
                .sum::<usize>()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
