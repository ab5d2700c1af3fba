//! `hirekit demo`: generate a corpus as real feed files, ingest them through the connectors, serve.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use hirekit_ingest::Ingestor;
use indicatif::{ProgressBar, ProgressStyle};

use crate::config::Settings;

#[derive(Args, Debug)]
pub struct DemoArgs {
    /// How many postings to generate
    #[arg(long, default_value_t = 20_000, value_parser = clap::value_parser!(u64).range(1..=50_000_000))]
    pub postings: u64,
    /// Seed: the same seed writes the same corpus
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Stop after ingesting instead of serving
    #[arg(long)]
    pub no_serve: bool,
    /// Address to serve on
    #[arg(long, env = "HIREKIT_ADDR", value_name = "HOST:PORT")]
    pub addr: Option<SocketAddr>,
    /// Where to write the feed files [default: <data-dir>/demo-feeds]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Print the ingest summary as JSON
    #[arg(long)]
    pub json: bool,
}

pub async fn run(settings: &Settings, a: DemoArgs) -> anyhow::Result<ExitCode> {
    let out_dir = a.out.clone().unwrap_or_else(|| settings.data_dir.join("demo-feeds"));
    let cfg = hirekit_demo::DemoConfig { postings: a.postings, seed: a.seed, out_dir: out_dir.clone() };
    let started = Instant::now();
    let pb = if a.json { ProgressBar::hidden() } else { ProgressBar::new(a.postings) };
    pb.set_style(
        ProgressStyle::with_template("generating {bar:30} {pos}/{len} postings ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let report = tokio::task::spawn_blocking({
        let pb = pb.clone();
        move || hirekit_demo::generate(&cfg, &mut |n| pb.set_position(n))
    })
    .await??;
    pb.finish_and_clear();
    if !a.json {
        eprintln!(
            "wrote {} postings ({} deliberate duplicates) as {} feed files in {} ({:.1}s)",
            report.postings,
            report.duplicates,
            report.files.len(),
            out_dir.display(),
            started.elapsed().as_secs_f64()
        );
    }
    let store = settings.open_store().await?;
    let ingestor = Ingestor::new(store.clone(), None, crate::progress::bar(a.json));
    let t = Instant::now();
    let summary = ingestor.ingest(&[out_dir.display().to_string()]).await?;
    if !a.json {
        eprintln!("ingested in {:.1}s", t.elapsed().as_secs_f64());
    }
    crate::print_summary(&summary, a.json)?;
    if a.no_serve {
        store.close().await;
        return Ok(ExitCode::SUCCESS);
    }
    let addr = a.addr.or(settings.file.addr).unwrap_or_else(crate::config::default_addr);
    eprintln!("serving the demo at http://{addr}/  (Ctrl-C to stop)");
    crate::serve(settings, store, addr, None).await?;
    Ok(ExitCode::SUCCESS)
}
