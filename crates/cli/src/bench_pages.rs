//! `hirekit bench pages URL`: server time of the web pages (issue 3: "server time for any page
//! ≤ 100 ms on the 1M corpus"), measured from a client on the same machine, warm.
//!
//! Pages: the search page for every workload query (with its filters, as a visitor would
//! send them), the search page empty and with facets ticked, posting pages of the hits, the
//! salary overview and each role's salary page, role pages.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Args;
use hirekit_searchbench::http::{encode, HttpClient};
use hirekit_searchbench::stats::{fmt_ms, ms};
use hirekit_searchbench::{load_queries, Latencies};
use serde_json::{json, Value};

#[derive(Args, Debug, Clone)]
pub struct PagesArgs {
    /// A running `hirekit serve` (e.g. http://127.0.0.1:8080)
    pub url: String,
    /// Workload queries JSONL: each becomes a search page request
    #[arg(long, default_value = "../shared/bench/queries_1000.jsonl")]
    pub queries: PathBuf,
    /// Posting pages to fetch (ids taken from search results)
    #[arg(long, default_value_t = 200)]
    pub postings: usize,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

pub async fn run_cmd(a: PagesArgs) -> anyhow::Result<ExitCode> {
    tokio::task::spawn_blocking(move || run_sync(a)).await?
}

fn run_sync(a: PagesArgs) -> anyhow::Result<ExitCode> {
    let mut c = HttpClient::new(&a.url)?;
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();

    let queries = load_queries(&a.queries)?;
    let search: Vec<String> = queries
        .iter()
        .map(|q| {
            let mut p = format!("/?q={}", encode(&q.q));
            if q.filters.remote == Some(true) {
                p.push_str("&remote=remote");
            }
            if let Some(x) = &q.filters.country {
                p.push_str(&format!("&country={}", encode(x)));
            }
            if let Some(x) = &q.filters.company_prefix {
                p.push_str(&format!("&company_prefix={}", encode(x)));
            }
            if let Some(x) = q.filters.salary_min_gte {
                p.push_str(&format!("&salary_min={x}&currency=USD"));
            }
            p
        })
        .collect();
    groups.push(("search page, workload queries", search));
    groups.push((
        "search page, browsing",
        [
            "/",
            "/?remote=remote",
            "/?role_family=backend&seniority=senior",
            "/?sort=newest",
            "/?sort=salary",
            "/?q=engineer&remote=remote&region=europe",
            "/?q=data&posted_within=30d",
            "/?skill=python&skill=aws",
        ]
        .map(String::from)
        .to_vec(),
    ));

    // Posting pages: ids from a few broad searches, spread over the corpus.
    let mut ids: Vec<i64> = Vec::new();
    for q in ["engineer", "developer", "manager", "data", "designer", "analyst", "nurse", "sales"] {
        let r = c.get(&format!("/api/v1/jobs?q={q}&limit=50"))?;
        if r.status != 200 {
            anyhow::bail!("GET /api/v1/jobs?q={q}: HTTP {}", r.status);
        }
        let v: Value = serde_json::from_slice(&r.body)?;
        ids.extend(v["hits"].as_array().into_iter().flatten().filter_map(|h| h["id"].as_i64()));
    }
    ids.sort_unstable();
    ids.dedup();
    ids.truncate(a.postings);
    groups.push(("posting page", ids.iter().map(|i| format!("/jobs/{i}")).collect()));

    let families = hirekit_model::RoleFamily::ALL.iter().map(|f| format!("/salaries/{}", f.as_str()));
    let mut sal = vec!["/salaries".to_string(), "/salaries?remote=remote".into(), "/salaries?currency=EUR".into()];
    sal.extend(families);
    groups.push(("salary pages", sal));
    groups.push((
        "role pages",
        hirekit_roles::all().iter().map(|r| format!("/roles/{}", r.id)).collect(),
    ));

    let mut out = Vec::new();
    let mut worst: Vec<(Duration, String)> = Vec::new();
    for (name, paths) in &groups {
        // warm-up pass, then the measured one
        for p in paths {
            fetch(&mut c, p)?;
        }
        let mut samples = Vec::with_capacity(paths.len());
        for p in paths {
            let t = Instant::now();
            fetch(&mut c, p)?;
            let d = t.elapsed();
            samples.push(d);
            worst.push((d, p.clone()));
        }
        out.push((name.to_string(), Latencies::from_samples(&samples), paths.len()));
    }
    worst.sort_by(|a, b| b.0.cmp(&a.0));
    worst.truncate(10);

    if a.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({
                "url": a.url,
                "groups": out.iter().map(|(n, l, k)| json!({"pages": n, "requests": k, "latency_ms": l})).collect::<Vec<_>>(),
                "slowest": worst.iter().map(|(d, p)| json!({"path": p, "ms": ms(*d)})).collect::<Vec<_>>(),
            }))?
        );
    } else {
        println!("{}", Latencies::header().replacen("| engine | queries |", "| pages | requests |", 1));
        for (n, l, _) in &out {
            println!("{}", l.row(n));
        }
        println!("\nslowest pages:");
        for (d, p) in &worst {
            println!("  {:>10}  {p}", fmt_ms(*d));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn fetch(c: &mut HttpClient, path: &str) -> anyhow::Result<()> {
    let r = c.get(path)?;
    if r.status != 200 {
        anyhow::bail!("GET {path}: HTTP {}", r.status);
    }
    Ok(())
}
