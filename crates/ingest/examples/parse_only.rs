//! Parse + normalize a JSONL file without storing: the CPU cost of the producer side.
//! `cargo run --release -p hirekit-ingest --example parse_only -- FILE [threads]`
use std::io::BufRead;
use std::time::Instant;

use rayon::prelude::*;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: parse_only FILE [threads]");
    if let Some(n) = args.next().and_then(|t| t.parse().ok()) {
        rayon::ThreadPoolBuilder::new().num_threads(n).build_global().expect("pool");
    }
    let lines: Vec<Vec<u8>> = std::io::BufReader::new(std::fs::File::open(&path).expect("open"))
        .split(b'\n')
        .map(|l| l.expect("read"))
        .collect();
    let ctx = hirekit_sources::Context { source: path.clone(), company: None };
    let t = Instant::now();
    let parsed: Vec<_> = lines
        .par_iter()
        .enumerate()
        .filter_map(|(i, l)| hirekit_sources::parse_jsonl_line(l, i + 1, &ctx).ok().flatten())
        .collect();
    let t_parse = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let n = parsed.par_iter().map(|sp| hirekit_ingest::to_incoming(hirekit_model::SourceKind::Jsonl, sp)).count();
    let t_norm = t.elapsed().as_secs_f64();
    println!(
        "{n} items: parse {:.0}/s, normalize {:.0}/s ({} threads)",
        n as f64 / t_parse,
        n as f64 / t_norm,
        rayon::current_num_threads()
    );
}
