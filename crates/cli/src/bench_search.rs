//! `hirekit bench search`: the search benchmark of issue 3 (hirekit-searchbench). Runs the
//! PostgreSQL full-text-search baseline (load, warm-up, measured run), hirekit's engines when
//! available, the ratio table, and the judged relevance set.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use hirekit_model::money::Rates;
use hirekit_searchbench::judge::{side_by_side, IdealCounter};

use crate::bench_hirekit::{self, BuildStats};
use hirekit_searchbench::stats::{fmt_ms, ms};
use hirekit_searchbench::{
    judge, load_queries, pg, run, run_concurrent_http, Corpus, Engine, HttpEngine, JudgeReport,
    JudgedSet, Latencies, LoadStats, PgFts, Query, Report, SalaryRule,
};
use serde_json::json;

#[derive(Args, Debug, Clone)]
pub struct SearchArgs {
    /// Corpus JSONL (from ../shared/bench/make_jobposting_jsonl.py); posting id = line number
    #[arg(long)]
    pub corpus: PathBuf,
    /// Workload queries JSONL (../shared/bench/queries_1000.jsonl)
    #[arg(long)]
    pub queries: PathBuf,
    /// PostgreSQL database for the baseline (table searchbench_jobs is dropped and recreated)
    #[arg(long)]
    pub pg_url: Option<String>,
    /// Reuse the table loaded by an earlier run instead of loading the corpus again
    #[arg(long)]
    pub skip_load: bool,
    /// Judged query set (TOML, e.g. crates/searchbench/data/judged_queries.toml)
    #[arg(long)]
    pub judged: Option<PathBuf>,
    /// salary_min_gte compares the annual minimum (min-gte, the bench README's rule) or the
    /// annual maximum (overlap)
    #[arg(long, default_value = "min-gte", value_parser = parse_rule)]
    pub salary_rule: SalaryRule,
    /// Skip the unmeasured warm-up pass
    #[arg(long)]
    pub no_warmup: bool,
    /// Also measure hirekit: build its index of the corpus (ids = line numbers), search it in
    /// process, then serve it with hirekit's HTTP server on 127.0.0.1 and search over HTTP
    #[arg(long)]
    pub hirekit: bool,
    /// With --hirekit: where the index goes; an index already there is reused (no rebuild)
    #[arg(long)]
    pub hirekit_index: Option<PathBuf>,
    /// An already running hirekit HTTP API (e.g. http://127.0.0.1:8080) serving the same corpus
    /// with the same ids
    #[arg(long)]
    pub hirekit_url: Option<String>,
    /// Also measure HTTP throughput with this many concurrent clients (against --hirekit's own
    /// server, else --hirekit-url)
    #[arg(long)]
    pub concurrency: Option<usize>,
    /// Length of the throughput run, seconds
    #[arg(long, default_value_t = 30)]
    pub duration_s: u64,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

fn parse_rule(s: &str) -> Result<SalaryRule, String> {
    SalaryRule::parse(s).ok_or_else(|| format!("expected min-gte or overlap, got {s:?}"))
}


pub async fn run_cmd(args: SearchArgs) -> anyhow::Result<ExitCode> {
    // The engines block on their own runtimes: run them on a plain thread, outside tokio.
    tokio::task::spawn_blocking(move || {
        std::thread::spawn(move || run_sync(args))
            .join()
            .map_err(|_| anyhow::anyhow!("benchmark thread panicked"))?
    })
    .await?
}

struct Measured {
    report: Report,
    judged: Option<JudgeReport>,
}

fn measure(
    engine: &mut dyn Engine,
    queries: &[Query],
    warmup: bool,
    judging: Option<&Judging>,
    rule: SalaryRule,
) -> anyhow::Result<Measured> {
    eprintln!(
        "{}: {} queries{}…",
        engine.name(),
        queries.len(),
        if warmup {
            " (after a warm-up pass)"
        } else {
            ""
        }
    );
    let report = run(engine, queries, warmup)?;
    // A failed judging pass must not throw away the measured run: say so and go on.
    let judged = match judging.map(|j| judge(&j.set, &j.ideal, &j.corpus, engine, rule)) {
        Some(Ok(r)) => Some(r),
        Some(Err(e)) => {
            eprintln!("warning: {}: judged queries failed: {e:#}", engine.name());
            None
        }
        None => None,
    };
    Ok(Measured { report, judged })
}

struct Judging {
    set: JudgedSet,
    ideal: Vec<hirekit_searchbench::judge::IdealCount>,
    corpus: Corpus,
}

fn run_sync(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let queries = load_queries(&args.queries)?;
    let warmup = !args.no_warmup;
    let mut out = json!({"corpus": args.corpus.display().to_string(), "queries": queries.len(),
                          "salary_rule": args.salary_rule, "warmup": warmup});

    // PostgreSQL baseline: load + index (timed), then the measured run.
    let mut load: Option<LoadStats> = None;
    let mut pg_size: Option<(i64, i64)> = None;
    let mut pg_engine: Option<PgFts> = None;
    if let Some(url) = &args.pg_url {
        if !args.skip_load {
            eprintln!("PostgreSQL: loading {} …", args.corpus.display());
            load = Some(pg::load(url, &args.corpus)?);
        }
        let mut e = PgFts::connect(url, args.salary_rule)?;
        pg_size = Some(e.sizes()?);
        pg_engine = Some(e);
    }

    let judging = match &args.judged {
        Some(p) => {
            let set = JudgedSet::load(p)?;
            eprintln!(
                "judging: grading the corpus for {} judged queries…",
                set.queries.len()
            );
            let ideal = IdealCounter::from_corpus(&set, &args.corpus, args.salary_rule)?;
            Some(Judging {
                set,
                ideal,
                corpus: Corpus::open(&args.corpus)?,
            })
        }
        None => None,
    };

    let mut results: Vec<Measured> = Vec::new();
    if let Some(e) = pg_engine.as_mut() {
        results.push(measure(
            e,
            &queries,
            warmup,
            judging.as_ref(),
            args.salary_rule,
        )?);
    }
    drop(pg_engine);
    let mut built: Option<BuildStats> = None;
    let mut served: Option<bench_hirekit::Served> = None;
    if args.hirekit {
        if let Some(n) = bench_hirekit::salary_rule_note(args.salary_rule) {
            eprintln!("{n}");
        }
        let dir = args.hirekit_index.clone().unwrap_or_else(bench_hirekit::default_index_dir);
        let (index, stats) = bench_hirekit::build_index(&args.corpus, &dir, Rates::builtin())?;
        built = Some(stats);
        let mut e = bench_hirekit::InProcess { index: index.clone() };
        results.push(measure(&mut e, &queries, warmup, judging.as_ref(), args.salary_rule)?);
        drop(e);
        let s = bench_hirekit::serve(index, Rates::builtin())?;
        let mut e = HttpEngine::new(&s.url)?;
        results.push(measure(&mut e, &queries, warmup, judging.as_ref(), args.salary_rule)?);
        served = Some(s);
    }
    if let Some(url) = &args.hirekit_url {
        let mut e = HttpEngine::new(url)?;
        results.push(measure(
            &mut e,
            &queries,
            warmup,
            judging.as_ref(),
            args.salary_rule,
        )?);
    }
    let target = served.as_ref().map(|s| s.url.clone()).or_else(|| args.hirekit_url.clone());
    let throughput = match (&target, args.concurrency) {
        (Some(url), Some(c)) => {
            eprintln!(
                "hirekit (HTTP): throughput at concurrency {c} for {} s…",
                args.duration_s
            );
            Some(run_concurrent_http(
                url,
                &queries,
                c,
                Duration::from_secs(args.duration_s),
            )?)
        }
        _ => None,
    };
    drop(served);

    let baseline = results
        .iter()
        .find(|m| m.report.engine.starts_with("PostgreSQL"));
    let ratios: Vec<(String, f64, f64)> = match baseline {
        Some(b) => results
            .iter()
            .filter(|m| !std::ptr::eq(*m, b))
            .map(|m| {
                let r = |a: Duration, x: Duration| ms(a) / ms(x).max(1e-9);
                (
                    m.report.engine.clone(),
                    r(b.report.latencies.p50, m.report.latencies.p50),
                    r(b.report.latencies.p99, m.report.latencies.p99),
                )
            })
            .collect(),
        None => Vec::new(),
    };

    if args.json {
        out["load"] = json!(load);
        out["pg_size_bytes"] =
            json!(pg_size.map(|(t, i)| json!({"table": t, "indexes": i, "total": t + i})));
        out["runs"] = json!(results
            .iter()
            .map(|m| json!({"engine": m.report.engine, "latency_ms": m.report.latencies,
                            "slowest": m.report.slowest(10).iter().map(|(id, d, total)| json!({"id": id, "ms": ms(*d), "total": total})).collect::<Vec<_>>(),
                            "judged": m.judged}))
            .collect::<Vec<_>>());
        out["ratios_pg_over_engine"] = json!(ratios
            .iter()
            .map(|(n, p50, p99)| json!({"engine": n, "p50": p50, "p99": p99}))
            .collect::<Vec<_>>());
        out["throughput"] = json!(throughput);
        out["hirekit_index"] = json!(built);
        out["judged_relevant_in_corpus"] = json!(judging.as_ref().map(|j| j
            .set
            .queries
            .iter()
            .zip(&j.ideal)
            .map(|(q, c)| json!({"q": q.query.q, "twos": c.twos, "ones": c.ones}))
            .collect::<Vec<_>>()));
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }

    println!(
        "corpus {} · {} queries · warm-up {} · salary rule {:?}\n",
        args.corpus.display(),
        queries.len(),
        if warmup { "yes" } else { "no" },
        args.salary_rule
    );
    if let Some(l) = &load {
        println!(
            "PostgreSQL load: {} rows ({} unreadable lines) in {:.1} s = {:.0} rows/s (COPY incl. parse+normalize {:.1} s, indexes + ANALYZE {:.1} s)",
            l.rows, l.skipped_lines, l.total_s, l.rows_per_s(), l.copy_s, l.index_s
        );
    }
    if let Some((t, i)) = pg_size {
        println!(
            "PostgreSQL size: table {} + indexes {} = {}\n",
            mib(t),
            mib(i),
            mib(t + i)
        );
    }
    if let Some(b) = &built {
        if b.reused {
            println!("hirekit index: reused, {} postings, {}\n", b.docs, mib(b.bytes as i64));
        } else {
            println!(
                "hirekit index: {} postings ({} unreadable lines) in {:.1} s = {:.0} postings/s (read + parse + normalize + index), merged into {} segments in {:.1} s; {} on disk\n",
                b.docs, b.skipped_lines, b.build_s, b.docs as f64 / b.build_s.max(1e-9), b.segments, b.optimize_s, mib(b.bytes as i64)
            );
        }
    }
    println!("{}", Latencies::header());
    for m in &results {
        println!("{}", m.report.latencies.row(&m.report.engine));
    }
    if !ratios.is_empty() {
        println!("\n| engine | PG p50 ÷ p50 | PG p99 ÷ p99 |\n|---|---|---|");
        for (n, p50, p99) in &ratios {
            println!("| {n} | {p50:.1}× | {p99:.1}× |");
        }
    }
    for m in &results {
        println!("\n{}: slowest queries", m.report.engine);
        for (id, d, total) in m.report.slowest(5) {
            let q = queries.iter().find(|q| q.id == id);
            println!(
                "  {:>10}  {:>8} hits  #{id} {:?} {}",
                fmt_ms(d),
                total,
                q.map_or("", |q| q.q.as_str()),
                q.map(|q| serde_json::to_string(&q.filters).unwrap_or_default())
                    .unwrap_or_default()
            );
        }
    }
    if let Some(t) = &throughput {
        println!(
            "\nhirekit (HTTP) throughput: {:.0} req/s at concurrency {} ({} requests in {:.1} s, p50 {}, p99 {}, {} errors)",
            t.requests_per_s, t.concurrency, t.requests, t.seconds, fmt_ms(t.p50), fmt_ms(t.p99), t.errors
        );
    }
    let judged: Vec<JudgeReport> = results.iter().filter_map(|m| m.judged.clone()).collect();
    if let (Some(j), false) = (&judging, judged.is_empty()) {
        println!("\nRelevance on {} judged queries (top 10; grade 2 = title matches the intent, 1 = description/skills only):\n", j.set.queries.len());
        print!("{}", side_by_side(&judged, &j.ideal));
    }
    Ok(ExitCode::SUCCESS)
}

fn mib(b: i64) -> String {
    format!("{:.0} MiB", b as f64 / (1u64 << 20) as f64)
}
