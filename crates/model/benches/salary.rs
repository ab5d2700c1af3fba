//! `cargo bench -p hirekit-model --bench salary`: ns per parse over real salary strings and
//! whole job descriptions from the labelled set.
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use hirekit_model::salary::parse_salary;

/// (short strings, descriptions stating pay, descriptions without pay)
fn texts() -> (Vec<String>, Vec<String>, Vec<String>) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/salary_labelled.tsv"
    );
    let body = std::fs::read_to_string(path).expect("labelled set");
    let (mut short, mut pay, mut no_pay) = (Vec::new(), Vec::new(), Vec::new());
    for line in body.lines().skip(1) {
        let mut cols = line.split('\t');
        let (Some(text), Some(min)) = (cols.next(), cols.next()) else {
            continue;
        };
        let text = text.replace("\\n", "\n");
        if text.len() <= 200 {
            short.push(text);
        } else if text.len() >= 1500 && min == "null" {
            no_pay.push(text);
        } else if text.len() >= 1500 {
            pay.push(text);
        }
    }
    (short, pay, no_pay)
}

fn run(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    set: &[String],
) {
    let bytes: usize = set.iter().map(String::len).sum();
    g.throughput(Throughput::Elements(set.len() as u64));
    let label = format!("{name}_x{}_avg{}B", set.len(), bytes / set.len().max(1));
    g.bench_function(label, |b| {
        b.iter(|| {
            for t in set {
                black_box(parse_salary(black_box(t)));
            }
        })
    });
}

fn bench(c: &mut Criterion) {
    let (short, pay, no_pay) = texts();
    let mut g = c.benchmark_group("salary");
    run(&mut g, "short_strings", &short);
    run(&mut g, "descriptions_with_pay", &pay);
    run(&mut g, "descriptions_without_pay", &no_pay);
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
