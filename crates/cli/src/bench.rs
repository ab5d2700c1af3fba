//! `hirekit bench ingest`: ingest throughput and peak memory on a fresh database.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use clap::Subcommand;
use hirekit_ingest::{Ingestor, NoProgress};
use serde_json::json;

use crate::config::Settings;

#[derive(Subcommand, Debug)]
pub enum BenchCmd {
    /// Ingest FILE into a fresh database and report postings/s and peak memory.
    /// Uses a new SQLite file in a temp folder, or --database-url (must be an empty PostgreSQL database).
    Ingest {
        /// Input (e.g. a JSONL file from ../shared/bench/make_jobposting_jsonl.py)
        file: PathBuf,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Search latency: the PostgreSQL full-text-search baseline and hirekit on the issue 3 workload.
    Search(crate::bench_search::SearchArgs),
    /// Server time of the web pages (search, posting, salary and role pages) of a running server.
    Pages(crate::bench_pages::PagesArgs),
}

/// Peak resident memory of this process (Linux), in bytes.
fn peak_rss() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

pub async fn run(settings: &Settings, cmd: BenchCmd) -> anyhow::Result<ExitCode> {
    match cmd {
        BenchCmd::Search(a) => crate::bench_search::run_cmd(a).await,
        BenchCmd::Pages(a) => crate::bench_pages::run_cmd(a).await,
        BenchCmd::Ingest { file, json } => {
            let tmp = tempfile::Builder::new().prefix("hirekit-bench-").tempdir_in(std::env::temp_dir())?;
            let url = if settings.database_url.starts_with("postgres") {
                settings.database_url.clone()
            } else {
                format!("sqlite://{}", tmp.path().join("bench.db").display())
            };
            let store = hirekit_store::Store::connect(&url).await?;
            let backend = format!("{:?}", store.backend()).to_lowercase();
            let ingestor = Ingestor::new(store.clone(), None, Arc::new(NoProgress));
            let t = Instant::now();
            let summary = ingestor.ingest(&[file.display().to_string()]).await?;
            let secs = t.elapsed().as_secs_f64();
            store.close().await;
            let n = summary.total_seen();
            let rate = n as f64 / secs;
            let rss = peak_rss();
            if json {
                println!(
                    "{}",
                    json!({"backend": backend, "postings": n, "new": summary.new, "merged": summary.merged,
                           "failed": summary.failed.len(), "seconds": secs, "postings_per_second": rate,
                           "peak_rss_bytes": rss})
                );
            } else {
                println!(
                    "{backend}: {n} postings in {secs:.1}s = {rate:.0} postings/s; peak RSS {} MiB; {} new, {} merged, {} failed",
                    rss.map(|b| b / (1 << 20)).unwrap_or(0),
                    summary.new,
                    summary.merged,
                    summary.failed.len()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
