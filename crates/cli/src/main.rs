//! `hirekit`: the command-line entry point. Each subcommand is a thin layer over a library crate.

mod bench;
mod bench_hirekit;
mod bench_pages;
mod bench_search;
mod config;
mod demo;
mod export;
mod kits;
mod jd;
mod normalize;
mod progress;
mod search;
mod roles;
mod resume;
mod screen;
mod sources;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Parser, Subcommand};
use hirekit_ingest::{Ingestor, Summary};

use crate::config::Settings;

/// hirekit — write, post and fill technical roles; find jobs from many sources.
#[derive(Parser, Debug)]
#[command(name = "hirekit", version, about, long_about = None, propagate_version = true)]
#[command(after_help = "Start with `hirekit demo`: it builds a realistic corpus and serves it at http://127.0.0.1:8080/.\n\
Settings come from flags, then HIREKIT_* environment variables, then <data-dir>/hirekit.toml.")]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Debug, Clone, Default)]
pub struct GlobalArgs {
    /// Folder for the SQLite database, the index and generated files [default: ./hirekit-data]
    #[arg(long, global = true, env = "HIREKIT_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Database URL: a SQLite file (default: <data-dir>/hirekit.db) or postgres://user:pass@host/db
    #[arg(long, global = true, env = "HIREKIT_DATABASE_URL", value_name = "URL")]
    pub database_url: Option<String>,
    /// Config file [default: <data-dir>/hirekit.toml when it exists]
    #[arg(long, global = true, env = "HIREKIT_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Log filter, e.g. info or hirekit=debug [default: info for serve, warn otherwise]
    #[arg(long, global = true, env = "HIREKIT_LOG", value_name = "FILTER")]
    pub log: Option<String>,
    /// Log as JSON lines instead of text
    #[arg(long, global = true)]
    pub log_json: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Generate a realistic corpus, ingest it through the real connectors, and serve it
    Demo(demo::DemoArgs),
    /// Serve the web UI and the JSON API, and poll registered sources
    Serve(ServeArgs),
    /// Ingest job postings from files, folders or URLs (optionally prefixed with their kind)
    #[command(after_help = "SOURCE is a file, a folder (every file in it) or an http(s) URL, optionally prefixed by its kind:\n\
greenhouse: lever: ashby: workable: smartrecruiters: recruitee: personio: remoteok: feed: jsonld: csv: jsonl:\n\
Without a prefix the kind is detected from the content.\n\n\
Examples:\n  hirekit ingest ./feeds/\n  hirekit ingest jsonl:postings.jsonl --json\n  \
hirekit ingest greenhouse:https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true")]
    Ingest(IngestArgs),
    /// Run one normalizer over stdin, one input per line, printing one JSON object per line
    Normalize(normalize::NormalizeArgs),
    /// Manage registered sources (polled by `hirekit serve`)
    #[command(subcommand)]
    Source(sources::SourceCmd),
    /// Write stored postings out (schema.org JobPosting JSONL with hirekit's fields)
    Export(export::ExportArgs),
    /// Re-apply the current normalizers to every stored raw item, without fetching again
    Renormalize(RenormalizeArgs),
    /// Search postings (free text, filters, facets) and print a table or the API's JSON
    #[command(after_help = "Examples:\n  hirekit search rust backend --remote --salary-min 150000\n  \
hirekit search '\"platform engineer\" -intern' --country DE --sort newest --json")]
    Search(search::SearchArgs),
    /// Salary insight for a role, seniority, place… (percentiles, by seniority, histogram)
    #[command(after_help = "Example:\n  hirekit salary --role backend --seniority senior --remote --currency EUR")]
    Salary(search::SalaryArgs),
    /// Manage this node's search index
    #[command(subcommand)]
    Index(search::IndexCmd),
    /// Job descriptions: build from a spec, lint any JD text
    #[command(subcommand)]
    Jd(jd::JdCmd),
    /// Benchmarks (figures go to docs/BENCHMARKS.md)
    #[command(subcommand)]
    Bench(bench::BenchCmd),
    /// The role library: career guides for technical roles (`role list`, `role show ID`)
    #[command(subcommand)]
    Role(roles::RoleCmd),
    /// Print an interview kit for a role and seniority (Markdown, printable HTML or JSON)
    Kit(kits::KitArgs),
    /// Resume documents → candidate profiles
    #[command(subcommand)]
    Resume(resume::ResumeCmd),
    /// Rank resumes against a job (posting id, criteria file or job description), with evidence
    Screen(screen::ScreenArgs),
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Address to listen on
    #[arg(long, env = "HIREKIT_ADDR", value_name = "HOST:PORT")]
    pub addr: Option<SocketAddr>,
    /// Do not poll registered sources
    #[arg(long)]
    pub no_poll: bool,
}

#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Files, folders or URLs
    #[arg(required = true, value_name = "SOURCE")]
    pub sources: Vec<String>,
    /// Print the summary as one JSON object
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct RenormalizeArgs {
    /// Print the summary as JSON
    #[arg(long)]
    pub json: bool,
}

fn main() -> ExitCode {
    // Behave like other Unix tools in a pipeline (`hirekit export | head`): exit quietly on a closed pipe.
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread exists; SIG_DFL is a valid handler.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let default_log = if matches!(cli.command, Command::Serve(_) | Command::Demo(_)) { "info" } else { "warn" };
    init_logging(cli.global.log.as_deref().unwrap_or(default_log), cli.global.log_json);
    let rt = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match rt.block_on(run(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging(filter: &str, json: bool) {
    use tracing_subscriber::EnvFilter;
    let mut filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    // An explicit merge racing tantivy's background merges logs a harmless warning per segment.
    if let Ok(d) = "tantivy::indexer::segment_manager=error".parse() {
        filter = filter.add_directive(d);
    }
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let settings = Settings::resolve(&cli.global)?;
    match cli.command {
        Command::Jd(c) => jd::run(&settings, c).await,
        Command::Normalize(a) => normalize::run(&a),
        Command::Demo(a) => demo::run(&settings, a).await,
        Command::Serve(a) => {
            let store = settings.open_store().await?;
            let addr = a.addr.or(settings.file.addr).unwrap_or_else(config::default_addr);
            let poller = if a.no_poll { None } else { Some(settings.fetcher()?) };
            serve(&settings, store, addr, poller).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Search(a) => search::search(&settings, a).await,
        Command::Salary(a) => search::salary(&settings, a).await,
        Command::Index(search::IndexCmd::Rebuild { json }) => search::rebuild(&settings, json).await,
        Command::Ingest(a) => {
            let store = settings.open_store().await?;
            let ingestor = Ingestor::new(store.clone(), Some(settings.fetcher()?), progress::bar(a.json));
            let summary = ingestor.ingest(&a.sources).await?;
            store.close().await;
            print_summary(&summary, a.json)?;
            Ok(if summary.total_seen() == 0 && !summary.failed.is_empty() { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        Command::Source(c) => sources::run(&settings, c).await,
        Command::Export(a) => export::run(&settings, a).await,
        Command::Renormalize(a) => export::renormalize(&settings, a.json).await,
        Command::Bench(c) => bench::run(&settings, c).await,
        Command::Role(c) => roles::run(c),
        Command::Kit(a) => kits::run(&a),
        Command::Resume(c) => resume::run(c),
        Command::Screen(a) => screen::run(&settings, a).await,
    }
}

/// Serve until Ctrl-C / SIGTERM. The search index catches up with the store in the background
/// and then follows its change feed (so postings ingested by any process show up within about a
/// second); with a fetcher, registered sources are polled too.
pub async fn serve(
    settings: &Settings,
    store: hirekit_store::Store,
    addr: SocketAddr,
    poll_with: Option<hirekit_fetch::Fetcher>,
) -> anyhow::Result<()> {
    let index = settings.open_index()?;
    let rates = settings.rates()?;
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let follower = index.follow(store.clone(), std::time::Duration::from_secs(1), stop_rx.clone());
    let poller = poll_with.map(|fetcher| tokio::spawn(hirekit_ingest::poller::run(store.clone(), fetcher, stop_rx)));
    let state = hirekit_server::AppState::new(store.clone(), index, rates).with_embedder(screen::server_embedder(settings));
    let result = hirekit_server::serve(state, addr, hirekit_server::shutdown_signal()).await;
    let _ = stop_tx.send(true);
    let _ = follower.await;
    if let Some(p) = poller {
        let _ = p.await;
    }
    store.close().await;
    result
}

pub fn print_summary(s: &Summary, json: bool) -> anyhow::Result<()> {
    if json {
        println!("{}", serde_json::to_string(s)?);
        return Ok(());
    }
    println!(
        "{} new, {} updated, {} unchanged, {} closed, {} merged, {} failed",
        s.new,
        s.updated,
        s.unchanged,
        s.closed,
        s.merged,
        s.failed.len()
    );
    const SHOW: usize = 20;
    for f in s.failed.iter().take(SHOW) {
        if f.item.is_empty() {
            println!("  failed: {}: {}", f.source, f.reason);
        } else {
            println!("  failed: {} {}: {}", f.source, f.item, f.reason);
        }
    }
    if s.failed.len() > SHOW {
        println!("  … and {} more failures (use --json for all)", s.failed.len() - SHOW);
    }
    Ok(())
}

/// The progress handle type the CLI uses.
pub type ProgressHandle = Arc<dyn hirekit_ingest::Progress>;
