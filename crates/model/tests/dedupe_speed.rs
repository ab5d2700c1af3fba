//! Throughput of `fingerprint` (ignored by default: run in release to get real figures):
//! `cargo test --release -p hirekit-model --test dedupe_speed -- --ignored --nocapture`.

use hirekit_model::dedupe::fingerprint;
use hirekit_model::normalize::normalize;
use hirekit_model::SourcePosting;
use std::time::Instant;

#[test]
#[ignore]
fn fingerprint_is_fast() {
    let text = include_str!("data/dedupe_pairs.tsv");
    let mut postings = Vec::new();
    for line in text.lines().skip(1).filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        for (c, t, l) in [(f[1], f[2], f[3]), (f[4], f[5], f[6])] {
            postings.push(normalize(&SourcePosting {
                title: t.into(),
                company: Some(c.into()),
                locations: l.split(" | ").map(str::to_string).collect(),
                ..Default::default()
            }));
        }
    }
    // The machine may be shared: time many short batches and keep the fastest, which is the
    // cost of the code rather than of the neighbours.
    let mut best = f64::MAX;
    let mut total = 0usize;
    for _ in 0..300 {
        let start = Instant::now();
        for p in &postings {
            total += fingerprint(std::hint::black_box(p)).len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    let per = best * 1e9 / postings.len() as f64;
    println!("fingerprint: {per:.0} ns per posting (fastest of 300 passes over {} postings; {total} bytes)", postings.len());
    assert!(per < 2_000.0, "fingerprint takes {per:.0} ns");
}
