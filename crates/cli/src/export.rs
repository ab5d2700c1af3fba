//! `hirekit export` and `hirekit renormalize`.

use std::collections::HashSet;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use hirekit_model::SourceKind;
use hirekit_store::schema_org::ts;
use hirekit_store::StoredPosting;
use serde_json::{json, Value};

use crate::config::Settings;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// One schema.org JobPosting per line, with hirekit's fields under "hirekit"
    Jsonl,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Output format
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// Write to this file instead of stdout
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Include closed postings
    #[arg(long)]
    pub include_closed: bool,
}

const PAGE: i64 = 2000;

/// A stored posting as schema.org JobPosting plus hirekit's fields; `jsonl:` ingests it back.
pub fn job_posting(sp: &StoredPosting) -> Value {
    let p = &sp.posting;
    let mut o = hirekit_store::schema_org::job_posting(sp);
    let sources: Vec<Value> = sp
        .sources
        .iter()
        .map(|s| {
            json!({"source": s.source, "kind": s.kind, "external_id": s.external_id, "url": s.url,
                   "apply_url": s.apply_url, "merge_reason": s.merge_reason, "first_seen": ts(s.first_seen),
                   "last_seen": ts(s.last_seen), "closed_at": s.closed_at.map(ts)})
        })
        .collect();
    o.insert(
        "hirekit".into(),
        json!({
            "id": sp.id, "role_family": p.role_family.as_str(), "seniority": p.seniority.map(|s| s.as_str()),
            "track": p.track.as_str(), "remote": p.remote.map(|r| r.as_str()), "countries": p.countries,
            "regions": p.regions, "salary": p.salary, "fingerprint": sp.fingerprint,
            "first_seen": ts(sp.first_seen), "last_seen": ts(sp.last_seen), "closed_at": sp.closed_at.map(ts),
            "sources": sources,
        }),
    );
    Value::Object(o)
}

pub async fn run(settings: &Settings, a: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = settings.open_store().await?;
    let sink: Box<dyn Write> = match &a.output {
        Some(p) => Box::new(
            std::fs::File::create(p)
                .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", p.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    let mut after = 0;
    let mut n = 0u64;
    loop {
        let page = store.postings_after(after, PAGE, a.include_closed).await?;
        let Some(last) = page.last() else { break };
        after = last.id;
        for p in &page {
            serde_json::to_writer(&mut out, &job_posting(p))?;
            out.write_all(b"\n")?;
            n += 1;
        }
    }
    out.flush()?;
    if let Some(p) = &a.output {
        eprintln!("exported {n} postings to {}", p.display());
    }
    store.close().await;
    Ok(ExitCode::SUCCESS)
}

pub async fn renormalize(settings: &Settings, json: bool) -> anyhow::Result<ExitCode> {
    let store = settings.open_store().await?;
    let mut done: HashSet<i64> = HashSet::new();
    let (mut after, mut items, mut updated) = (0i64, 0u64, 0u64);
    let mut failed: Vec<hirekit_ingest::Failure> = Vec::new();
    loop {
        let page = store.items_after(after, PAGE).await?;
        let Some(last) = page.last() else { break };
        after = last.id;
        let mut updates = Vec::new();
        for it in &page {
            items += 1;
            // The item that created a posting (lowest id) defines it.
            if !done.insert(it.posting_id) {
                continue;
            }
            let kind = it
                .source_kind
                .as_deref()
                .and_then(SourceKind::parse)
                .unwrap_or(SourceKind::Jsonl);
            let ctx = hirekit_ingest::context_for(&it.source_name, &it.source_location);
            let parsed = serde_json::from_str::<Value>(&it.raw)
                .map_err(|e| e.to_string())
                .and_then(|raw| {
                    hirekit_sources::parse_item(kind, &raw, &ctx).map_err(|e| e.reason)
                });
            match parsed {
                Ok(sp) => updates.push((it.posting_id, hirekit_model::normalize::normalize(&sp))),
                Err(reason) => failed.push(hirekit_ingest::Failure {
                    source: it.source_name.clone(),
                    item: format!("item {}", it.id),
                    reason,
                }),
            }
        }
        updated += store
            .update_postings(&updates, chrono::Utc::now().timestamp())
            .await?;
    }
    store.close().await;
    if json {
        println!(
            "{}",
            json!({"items": items, "postings_updated": updated, "failed": failed})
        );
    } else {
        println!(
            "re-normalized {updated} postings from {items} stored items; {} failed",
            failed.len()
        );
        for f in failed.iter().take(20) {
            println!("  failed: {} {}: {}", f.source, f.item, f.reason);
        }
    }
    Ok(ExitCode::SUCCESS)
}
