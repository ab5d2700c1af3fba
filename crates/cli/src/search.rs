//! `hirekit search`, `hirekit salary` and `hirekit index rebuild`.
//!
//! Flags become the same query parameters the HTTP API takes, parsed by the same code
//! (`SearchRequest::from_pairs`), so the CLI and the API accept and reject exactly the same input.

use std::io::Write as _;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Subcommand};
use hirekit_index::{SearchError, SearchIndex, SearchRequest};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::Value;

use crate::config::Settings;

#[derive(Subcommand, Debug)]
pub enum IndexCmd {
    /// Recreate the search index from the store (the store is the source of truth)
    Rebuild {
        /// Print the result as JSON
        #[arg(long)]
        json: bool,
    },
}

/// Filters shared by `search` and `salary`.
#[derive(Args, Debug, Default)]
pub struct FilterArgs {
    /// Role family, e.g. backend, data-engineering (repeatable)
    #[arg(long = "role", value_name = "FAMILY")]
    pub role: Vec<String>,
    /// intern, junior, mid, senior, staff, principal, head (repeatable)
    #[arg(long, value_name = "LEVEL")]
    pub seniority: Vec<String>,
    /// Workplace: remote, hybrid or onsite; `--remote` alone means remote
    #[arg(long, value_name = "POLICY", num_args = 0..=1, default_missing_value = "remote")]
    pub remote: Vec<String>,
    /// ISO country code, e.g. DE (repeatable)
    #[arg(long, value_name = "CC")]
    pub country: Vec<String>,
    /// Region, e.g. EU, LATAM (repeatable)
    #[arg(long, value_name = "REGION")]
    pub region: Vec<String>,
    /// Lowest yearly pay wanted (ranges that reach it match)
    #[arg(long, value_name = "AMOUNT")]
    pub salary_min: Option<f64>,
    /// Highest yearly pay (ranges that start at or below it match)
    #[arg(long, value_name = "AMOUNT")]
    pub salary_max: Option<f64>,
    /// Currency for salary filters and figures [default: USD]
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
    /// Required skill (repeatable)
    #[arg(long, value_name = "SKILL")]
    pub skill: Vec<String>,
    /// With several --skill: all (default) or any
    #[arg(long, value_name = "all|any")]
    pub skill_match: Option<String>,
    /// Company (repeatable)
    #[arg(long)]
    pub company: Vec<String>,
    /// Source kind, e.g. greenhouse (repeatable)
    #[arg(long)]
    pub source: Vec<String>,
    /// full-time, part-time, contract, temporary, internship (repeatable)
    #[arg(long, value_name = "TYPE")]
    pub employment_type: Vec<String>,
    /// Posted within this many days
    #[arg(long, value_name = "DAYS")]
    pub posted_within: Option<u32>,
    /// Include closed postings
    #[arg(long)]
    pub include_closed: bool,
}

impl FilterArgs {
    fn pairs(&self) -> Vec<(String, String)> {
        let mut p = Vec::new();
        let mut many = |k: &str, v: &[String]| p.extend(v.iter().map(|x| (k.to_string(), x.clone())));
        many("role_family", &self.role);
        many("seniority", &self.seniority);
        many("remote", &self.remote);
        many("country", &self.country);
        many("region", &self.region);
        many("skill", &self.skill);
        many("company", &self.company);
        many("source", &self.source);
        many("employment_type", &self.employment_type);
        let mut one = |k: &str, v: Option<String>| {
            if let Some(v) = v {
                p.push((k.to_string(), v));
            }
        };
        one("salary_min", self.salary_min.map(|v| v.to_string()));
        one("salary_max", self.salary_max.map(|v| v.to_string()));
        one("currency", self.currency.clone());
        one("skill_match", self.skill_match.clone());
        one("posted_within", self.posted_within.map(|v| v.to_string()));
        if self.include_closed {
            p.push(("include_closed".into(), "true".into()));
        }
        p
    }
}

#[derive(Args, Debug)]
pub struct SearchArgs {
    /// Words, "quoted phrases", -excluded words (empty: everything)
    #[arg(value_name = "QUERY", default_value = "")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// relevance, newest or salary
    #[arg(long, default_value = "relevance")]
    pub sort: String,
    /// Results per page (1–100)
    #[arg(long, default_value_t = 20)]
    pub limit: u32,
    /// Cursor printed after the previous page
    #[arg(long)]
    pub cursor: Option<String>,
    /// Print the API's JSON answer
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct SalaryArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Words to match, as in search
    #[arg(long, short = 'q', value_name = "QUERY")]
    pub query: Option<String>,
    /// Which value of a range counts: midpoint, low or high
    #[arg(long, default_value = "midpoint")]
    pub basis: String,
    /// Print the API's JSON answer
    #[arg(long)]
    pub json: bool,
}

/// Opens the node's index and brings it up to date with the store.
pub async fn open_caught_up(settings: &Settings, store: &hirekit_store::Store, quiet: bool) -> anyhow::Result<SearchIndex> {
    let index = settings.open_index()?;
    let behind = store.last_change_seq().await? - index.cursor().seq;
    let spinner = if quiet || behind <= 0 { ProgressBar::hidden() } else { ProgressBar::new_spinner() };
    spinner.set_message("updating the search index from the store…");
    spinner.enable_steady_tick(std::time::Duration::from_millis(120));
    let n = index.catch_up(store).await?;
    spinner.finish_and_clear();
    if n > 0 {
        tracing::info!(postings = n, "search index caught up");
    }
    Ok(index)
}

pub async fn rebuild(settings: &Settings, json: bool) -> anyhow::Result<ExitCode> {
    let store = settings.open_store().await?;
    let index = settings.open_index()?;
    let total = store.counts().await?.postings.max(0) as u64;
    let pb = if json { ProgressBar::hidden() } else { ProgressBar::new(total) };
    pb.set_style(
        ProgressStyle::with_template("indexing {bar:30} {pos}/{len} postings ({per_sec}, {eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let t = Instant::now();
    let n = index.rebuild(&store, &|done| pb.set_position(done)).await?;
    pb.finish_and_clear();
    store.close().await;
    let secs = t.elapsed().as_secs_f64();
    // One segment answers broad queries faster (fewer posting lists to walk per term).
    if !json {
        eprintln!("merging segments…");
    }
    let t = Instant::now();
    let ix = index.clone();
    tokio::task::spawn_blocking(move || ix.optimize()).await??;
    let merge_secs = t.elapsed().as_secs_f64();
    if json {
        println!(
            "{}",
            serde_json::json!({"indexed": n, "seconds": secs, "merge_seconds": merge_secs, "documents": index.num_docs(), "segments": index.segments()})
        );
    } else {
        println!("indexed {n} postings in {secs:.1}s, merged in {merge_secs:.1}s ({} documents)", index.num_docs());
    }
    Ok(ExitCode::SUCCESS)
}

fn search_error(e: SearchError) -> anyhow::Error {
    match e {
        SearchError::UnknownParam { .. } | SearchError::BadValue { .. } | SearchError::Syntax { .. } => anyhow::anyhow!("{e}"),
        other => anyhow::anyhow!("search failed: {other}"),
    }
}

pub async fn search(settings: &Settings, a: SearchArgs) -> anyhow::Result<ExitCode> {
    let store = settings.open_store().await?;
    let index = open_caught_up(settings, &store, a.json).await?;
    store.close().await;
    let mut pairs = vec![("q".to_string(), a.query.join(" ")), ("sort".to_string(), a.sort.clone()), ("limit".to_string(), a.limit.to_string())];
    pairs.extend(a.filters.pairs());
    if let Some(c) = &a.cursor {
        pairs.push(("cursor".into(), c.clone()));
    }
    let req = SearchRequest::from_pairs(&pairs).map_err(search_error)?;
    let resp = index.search(&req).map_err(search_error)?;
    let v = serde_json::to_value(&resp)?;
    let mut out = std::io::stdout().lock();
    if a.json {
        writeln!(out, "{v}")?;
        return Ok(ExitCode::SUCCESS);
    }
    print_table(&mut out, &v)?;
    Ok(ExitCode::SUCCESS)
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n.saturating_sub(1)).collect::<String>() + "…"
    }
}

fn print_table(out: &mut impl std::io::Write, v: &Value) -> anyhow::Result<()> {
    let total = v["total"].as_u64().unwrap_or(0);
    let hits = v["hits"].as_array().cloned().unwrap_or_default();
    writeln!(out, "{total} jobs ({:.1} ms){}", v["took_ms"].as_f64().unwrap_or(0.0), if v["partial"].as_bool() == Some(true) { " — partial: the search was cut short" } else { "" })?;
    if hits.is_empty() {
        return Ok(());
    }
    writeln!(out, "{:>8}  {:<38}  {:<22}  {:<20}  {:<18}", "ID", "TITLE", "COMPANY", "WHERE", "SALARY")?;
    for h in &hits {
        let place = match (h["remote"].as_str(), h["countries"].as_array().and_then(|c| c.first()).and_then(Value::as_str)) {
            (Some(r), Some(c)) => format!("{r} · {c}"),
            (Some(r), None) => r.to_string(),
            (None, Some(c)) => c.to_string(),
            (None, None) => h["locations"].as_array().and_then(|l| l.first()).and_then(Value::as_str).unwrap_or("").to_string(),
        };
        let salary = match (&h["salary_annual"]["min"], &h["salary_annual"]["max"], h["salary_annual"]["currency"].as_str()) {
            (Value::Number(a), Value::Number(b), Some(c)) => {
                let (a, b) = (a.as_f64().unwrap_or(0.0), b.as_f64().unwrap_or(0.0));
                let (x, y) = (hirekit_insight::money_short(a, c), hirekit_insight::money_short(b, c));
                if x == y { x } else { format!("{x}–{y}") }
            }
            _ => String::new(),
        };
        writeln!(
            out,
            "{:>8}  {:<38}  {:<22}  {:<20}  {:<18}",
            h["id"].as_i64().unwrap_or(0),
            cut(h["title"].as_str().unwrap_or(""), 38),
            cut(h["company"].as_str().unwrap_or(""), 22),
            cut(&place, 20),
            cut(&salary, 18)
        )?;
    }
    for facet in ["role_family", "seniority", "remote"] {
        if let Some(m) = v["facets"][facet].as_object() {
            let mut pairs: Vec<(&String, u64)> = m.iter().map(|(k, n)| (k, n.as_u64().unwrap_or(0))).collect();
            pairs.sort_by(|a, b| b.1.cmp(&a.1));
            let shown: Vec<String> = pairs.iter().take(6).map(|(k, n)| format!("{k} {n}")).collect();
            if !shown.is_empty() {
                writeln!(out, "{facet}: {}", shown.join(" · "))?;
            }
        }
    }
    if let Some(c) = v["next_cursor"].as_str() {
        writeln!(out, "more: add --cursor {c}")?;
    }
    Ok(())
}

pub async fn salary(settings: &Settings, a: SalaryArgs) -> anyhow::Result<ExitCode> {
    let store = settings.open_store().await?;
    let index = open_caught_up(settings, &store, a.json).await?;
    store.close().await;
    let mut pairs = a.filters.pairs();
    if let Some(q) = &a.query {
        pairs.push(("q".into(), q.clone()));
    }
    pairs.push(("basis".into(), a.basis.clone()));
    let rates = settings.rates()?;
    let r = hirekit_server::salary_report_blocking(&index, &rates, &pairs).map_err(search_error)?;
    let mut out = std::io::stdout().lock();
    if a.json {
        writeln!(out, "{}", serde_json::to_string(&r)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let i = &r.insight;
    writeln!(out, "{}", i.headline)?;
    writeln!(out, "{} matching postings, {} with salary data, {} used ({} outliers set aside, {} annualized)", i.postings, i.with_salary, i.used, i.outliers.len(), i.annualized)?;
    let m = |v: f64| hirekit_insight::money_short(v, &i.currency);
    if let Some(p) = i.overall {
        writeln!(out, "\n{:<12} {:>9} {:>9} {:>9} {:>9} {:>9} {:>8}", "", "p10", "p25", "median", "p75", "p90", "n")?;
        writeln!(out, "{:<12} {:>9} {:>9} {:>9} {:>9} {:>9} {:>8}", "all", m(p.p10), m(p.p25), m(p.p50), m(p.p75), m(p.p90), i.used)?;
        for b in &i.by_seniority {
            let p = b.percentiles;
            writeln!(out, "{:<12} {:>9} {:>9} {:>9} {:>9} {:>9} {:>8}", b.seniority.as_str(), m(p.p10), m(p.p25), m(p.p50), m(p.p75), m(p.p90), b.count)?;
        }
    }
    if !i.histogram.is_empty() {
        writeln!(out)?;
        let max = i.histogram.iter().map(|b| b.count).max().unwrap_or(1).max(1);
        for b in &i.histogram {
            let w = (b.count * 40).div_ceil(max);
            writeln!(out, "{:>9}  {:<40} {}", m(b.low), "█".repeat(if b.count > 0 { w.max(1) } else { 0 }), b.count)?;
        }
    }
    writeln!(out, "\nYearly pay in {}, exchange rates of {}. {}", i.currency, r.rates_date, r.assumptions)?;
    Ok(ExitCode::SUCCESS)
}
