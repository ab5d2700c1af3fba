//! In-process search benchmark on the shared workload.
//!
//! ```text
//! python3 ../shared/bench/make_jobposting_jsonl.py 100000 /tmp/idx100k.jsonl
//! cargo run --release -p hirekit-index --example search_bench -- /tmp/idx100k.jsonl \
//!     [../shared/bench/queries_1000.jsonl] [INDEX_DIR]
//! ```
//! Parses and normalizes the corpus as ingest does, builds the index through `apply` (ids
//! 1..N), prints build time and size, then runs the 1,000 queries twice (warm-up, measured):
//! top 20 by relevance plus all facets over the whole match.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::Instant;

use hirekit_index::{Cursor, SearchIndex, SearchRequest};
use hirekit_model::money::Rates;
use hirekit_model::{RemotePolicy, SourceKind};
use hirekit_sources::Context;
use hirekit_store::{PostingSource, StoredPosting};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let corpus = args
        .first()
        .cloned()
        .unwrap_or_else(|| "/tmp/idx100k.jsonl".into());
    let queries = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "../shared/bench/queries_1000.jsonl".into());
    let dir = args
        .get(2)
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("hirekit-search-bench"));
    let _ = std::fs::remove_dir_all(&dir);

    let t = Instant::now();
    let lines: Vec<Vec<u8>> = std::io::BufReader::new(std::fs::File::open(&corpus)?)
        .split(b'\n')
        .collect::<Result<_, _>>()?;
    let postings = parse(&lines);
    drop(lines);
    println!(
        "parsed + normalized {} postings in {:.1} s",
        postings.len(),
        t.elapsed().as_secs_f64()
    );

    let ix = SearchIndex::open(&dir, Rates::builtin())?;
    let t = Instant::now();
    let n = postings.len();
    for (k, chunk) in postings.chunks(50_000).enumerate() {
        let last = chunk.last().map_or(0, |p| p.id);
        ix.apply(
            chunk,
            &[],
            Cursor {
                seq: k as i64 + 1,
                id: last,
            },
        )?;
    }
    let build = t.elapsed().as_secs_f64();
    let segments = ix.segments();
    drop(postings);
    println!(
        "index build: {n} postings in {build:.1} s ({:.0} docs/s), {:.0} MiB on disk, {} docs, {segments} segments",
        n as f64 / build,
        dir_size(&dir) as f64 / (1 << 20) as f64,
        ix.num_docs()
    );

    let reqs = load_queries(&queries)?;
    run_queries(&ix, &reqs)?;
    let t = Instant::now();
    ix.optimize()?;
    println!(
        "optimize (merge into one segment): {:.1} s, {:.0} MiB on disk, {} segments",
        t.elapsed().as_secs_f64(),
        dir_size(&dir) as f64 / (1 << 20) as f64,
        ix.segments()
    );
    run_queries(&ix, &reqs)?;
    Ok(())
}

fn run_queries(ix: &SearchIndex, reqs: &[(String, SearchRequest)]) -> Result<(), Box<dyn std::error::Error>> {
    let mut lat = Vec::new();
    let mut cpu = Vec::new();
    let mut slow = Vec::new();
    for round in 0..2 {
        lat.clear();
        cpu.clear();
        slow.clear();
        for (q, r) in reqs {
            let t = Instant::now();
            let c = thread_cpu_ms();
            let res = ix.search(r)?;
            cpu.push(thread_cpu_ms() - c);
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            lat.push(ms);
            if round == 1 {
                slow.push((ms, q.clone(), res.total));
            }
        }
    }
    for (what, v) in [("wall", &mut lat), ("thread CPU", &mut cpu)] {
        v.sort_by(f64::total_cmp);
        let p = |x: f64| v[((v.len() as f64 * x).ceil() as usize).saturating_sub(1).min(v.len() - 1)];
        println!(
            "search {what} ({} queries, warm, one thread): p50 {:.2} ms  p90 {:.2} ms  p99 {:.2} ms  max {:.2} ms  mean {:.2} ms",
            v.len(),
            p(0.50),
            p(0.90),
            p(0.99),
            v[v.len() - 1],
            v.iter().sum::<f64>() / v.len() as f64
        );
    }
    slow.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (ms, q, total) in slow.iter().take(5) {
        println!("  slow: {ms:.2} ms  {total} hits  {q}");
    }
    Ok(())
}

/// Parse and normalize on every core, the way ingest does for a JSONL file.
fn parse(lines: &[Vec<u8>]) -> Vec<StoredPosting> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per = lines.len().div_ceil(threads).max(1);
    let mut out: Vec<StoredPosting> = std::thread::scope(|s| {
        let handles: Vec<_> = lines
            .chunks(per)
            .enumerate()
            .map(|(c, chunk)| {
                s.spawn(move || {
                    let ctx = Context {
                        source: "bench.jsonl".into(),
                        company: None,
                    };
                    chunk
                        .iter()
                        .enumerate()
                        .filter_map(|(i, line)| {
                            let line_no = c * per + i + 1;
                            let sp =
                                hirekit_sources::parse_jsonl_line(line, line_no, &ctx).ok()??;
                            let posting = hirekit_model::normalize::normalize(&sp);
                            Some((line_no, posting))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .map(|(line_no, posting)| StoredPosting {
                id: line_no as i64,
                fingerprint: String::new(),
                posting,
                first_seen: 1_763_000_000,
                last_seen: 1_763_000_000,
                closed_at: None,
                updated_at: 1_763_000_000,
                change_seq: 1,
                sources: vec![PostingSource {
                    source_id: 1,
                    source: "bench".into(),
                    kind: Some(SourceKind::Jsonl.as_str().into()),
                    external_id: line_no.to_string(),
                    url: None,
                    apply_url: None,
                    merge_reason: None,
                    first_seen: 1_763_000_000,
                    last_seen: 1_763_000_000,
                    closed_at: None,
                }],
            })
            .collect()
    });
    out.sort_by_key(|p| p.id);
    out
}

fn load_queries(path: &str) -> Result<Vec<(String, SearchRequest)>, Box<dyn std::error::Error>> {
    let mut v = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(path)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let j: serde_json::Value = serde_json::from_str(&line)?;
        let f = &j["filters"];
        let mut r = SearchRequest {
            q: j["q"].as_str().unwrap_or("").to_string(),
            limit: 20,
            facets: true,
            ..Default::default()
        };
        if f["remote"].as_bool() == Some(true) {
            r.remote = vec![RemotePolicy::Remote];
        }
        if let Some(x) = f["salary_min_gte"].as_f64() {
            r.salary_min = Some(x);
        }
        if let Some(x) = f["company_prefix"].as_str() {
            r.company_prefix = Some(x.to_string());
        }
        if let Some(x) = f["country"].as_str() {
            r.country = vec![x.to_string()];
        }
        v.push((line, r));
    }
    Ok(v)
}

/// CPU time of this thread: on a shared machine wall time also counts other processes.
fn thread_cpu_ms() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we own.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 * 1000.0 + ts.tv_nsec as f64 / 1e6
}

fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}
