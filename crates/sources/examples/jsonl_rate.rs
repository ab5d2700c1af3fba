//! Lines per second of `parse_jsonl_line`, by wall clock and by CPU time of this thread
//! (the CPU figure is what one core does, even on a loaded machine).
//! Usage: cargo run --release -p hirekit-sources --example jsonl_rate -- FILE.jsonl [passes] [mode]
//! mode: full (default) | value (serde_json::Value parse only, for comparison)

use hirekit_sources::{parse_jsonl_line, Context};
use std::time::Instant;

fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "/tmp/bench20k.jsonl".into());
    let passes: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5);
    let mode = args.next().unwrap_or_else(|| "full".into());
    let Ok(data) = std::fs::read(&path) else {
        eprintln!("cannot read {path}");
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
    let (t0, c0) = (Instant::now(), cpu_ns());
    let (mut ok, mut bad) = (0usize, 0usize);
    for _ in 0..passes {
        for (i, l) in lines.iter().enumerate() {
            if mode == "value" {
                match serde_json::from_slice::<serde_json::Value>(l) {
                    Ok(v) => ok += usize::from(v.is_object()),
                    Err(_) => bad += 1,
                }
                continue;
            }
            match parse_jsonl_line(l, i + 1, &ctx) {
                Ok(Some(p)) => ok += usize::from(!p.title.is_empty()),
                Ok(None) => {}
                Err(_) => bad += 1,
            }
        }
    }
    let wall = t0.elapsed().as_secs_f64();
    let n = (lines.len() * passes) as f64;
    let bytes = (data.len() * passes) as f64;
    print!(
        "{mode}: {} lines x {passes} (avg {:.0} B/line): wall {:.0} lines/s",
        lines.len(),
        bytes / n,
        n / wall
    );
    if let (Some(a), Some(b)) = (c0, cpu_ns()) {
        let cpu = (b - a) as f64 / 1e9;
        print!(
            ", cpu {:.0} lines/s ({:.0} MB/s per core)",
            n / cpu,
            bytes / cpu / 1e6
        );
    }
    println!("; ok {ok}, errors {bad}");
}
