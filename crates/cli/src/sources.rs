//! `hirekit source add|list|remove`.

use std::process::ExitCode;

use clap::{Args, Subcommand};

use crate::config::Settings;

#[derive(Subcommand, Debug)]
pub enum SourceCmd {
    /// Register a source (file, folder or URL, optionally `kind:`-prefixed) to be polled by `hirekit serve`
    Add(AddArgs),
    /// List sources with their last status and error
    List {
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Remove a source (by id, name or location) and the postings only it had
    Remove {
        /// Source id, name or location
        key: String,
    },
}

#[derive(Args, Debug)]
pub struct AddArgs {
    /// The source, e.g. greenhouse:https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true
    pub source: String,
    /// Poll interval in seconds
    #[arg(long, default_value_t = 3600, value_parser = clap::value_parser!(i64).range(60..))]
    pub every: i64,
    /// A name to show instead of the derived one
    #[arg(long)]
    pub name: Option<String>,
}

pub async fn run(settings: &Settings, cmd: SourceCmd) -> anyhow::Result<ExitCode> {
    let store = settings.open_store().await?;
    let now = chrono::Utc::now().timestamp();
    match cmd {
        SourceCmd::Add(a) => {
            let resolved = hirekit_ingest::resolve(&a.source);
            if let Some(f) = resolved.failures.first() {
                anyhow::bail!("{}: {}", f.source, f.reason);
            }
            for t in resolved.targets {
                let kind = t.kind.map(|k| k.as_str());
                let name = a.name.clone().unwrap_or_else(|| t.name(t.kind.unwrap_or(hirekit_model::SourceKind::Jsonl)));
                let s = store.register_source(&name, kind, &t.location, a.every, now).await?;
                println!("registered source {} ({}) every {}s: {}", s.id, s.name, s.interval_secs, s.location);
            }
        }
        SourceCmd::List { json } => {
            let list = store.list_sources(false).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&list)?);
            } else if list.is_empty() {
                println!("no sources yet: `hirekit ingest SOURCE` or `hirekit source add SOURCE`");
            } else {
                println!("{:>4}  {:<10} {:<32} {:<12} {}", "id", "polled", "name", "status", "location");
                for s in list {
                    println!(
                        "{:>4}  {:<10} {:<32} {:<12} {}{}",
                        s.id,
                        if s.registered { format!("{}s", s.interval_secs) } else { "-".into() },
                        s.name,
                        s.last_status.as_deref().unwrap_or("-"),
                        s.location,
                        s.last_error.map(|e| format!("\n      last error: {e}")).unwrap_or_default()
                    );
                }
            }
        }
        SourceCmd::Remove { key } => match store.remove_source(&key, now).await? {
            Some(s) => println!("removed source {} ({})", s.id, s.name),
            None => anyhow::bail!("no source with id, name or location {key:?}; see `hirekit source list`"),
        },
    }
    store.close().await;
    Ok(ExitCode::SUCCESS)
}
