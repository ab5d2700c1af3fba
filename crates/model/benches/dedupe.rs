//! Cost of `fingerprint` on the labelled dedupe pairs' postings.
//! `cargo bench -p hirekit-model --bench dedupe`

use criterion::{criterion_group, criterion_main, Criterion};
use hirekit_model::dedupe::fingerprint;
use hirekit_model::normalize::normalize;
use hirekit_model::SourcePosting;

fn postings() -> Vec<hirekit_model::Posting> {
    let text = include_str!("../tests/data/dedupe_pairs.tsv");
    let mut out = Vec::new();
    for line in text.lines().skip(1).filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 7 {
            continue;
        }
        for (c, t, l) in [(f[1], f[2], f[3]), (f[4], f[5], f[6])] {
            out.push(normalize(&SourcePosting {
                title: t.into(),
                company: Some(c.into()),
                locations: l.split(" | ").map(str::to_string).collect(),
                ..Default::default()
            }));
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let ps = postings();
    c.bench_function(&format!("fingerprint x{}", ps.len()), |b| {
        b.iter(|| {
            ps.iter()
                .map(|p| fingerprint(std::hint::black_box(p)).len())
                .sum::<usize>()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
