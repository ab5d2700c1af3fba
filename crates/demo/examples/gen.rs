//! Write a demo corpus: `cargo run -p hirekit-demo --release --example gen -- N SEED OUT_DIR`.
use hirekit_demo::{generate, DemoConfig};
use std::time::Instant;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let postings = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(hirekit_demo::DEFAULT_POSTINGS);
    let seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(42);
    let out_dir = args.next().unwrap_or_else(|| "demo-data".into()).into();
    let cfg = DemoConfig {
        postings,
        seed,
        out_dir,
    };
    let t = Instant::now();
    let report = generate(&cfg, &mut |_| {})?;
    let secs = t.elapsed().as_secs_f64();
    let mut kinds: std::collections::BTreeMap<&str, (u64, u64)> = Default::default();
    for f in &report.files {
        let e = kinds.entry(f.kind).or_default();
        e.0 += 1;
        e.1 += f.postings;
    }
    for (k, (files, n)) in kinds {
        println!("{k:16} {files:5} files {n:9} postings");
    }
    println!(
        "total {} postings ({} duplicates) in {secs:.2}s",
        report.postings, report.duplicates
    );
    Ok(())
}
