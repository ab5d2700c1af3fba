//! Polls registered sources on their schedule (run by `hirekit serve`).

use std::sync::Arc;
use std::time::Duration;

use hirekit_fetch::Fetcher;
use hirekit_store::{SourceInfo, Store};
use tokio::sync::watch;

use crate::{Ingestor, NoProgress};

/// How often the poller looks for due sources.
const TICK: Duration = Duration::from_secs(15);

/// When a source is next due: its interval after the last poll, doubled per consecutive
/// failure (at most 64×) so a broken feed is not hammered.
pub fn next_due(s: &SourceInfo) -> i64 {
    let Some(last) = s.last_polled_at else { return 0 };
    let factor = 1i64 << s.consecutive_failures.clamp(0, 6);
    last + s.interval_secs.max(1) * factor
}

/// Poll due sources until `stop` turns true.
pub async fn run(store: Store, fetcher: Fetcher, mut stop: watch::Receiver<bool>) {
    let ingestor = Ingestor::new(store.clone(), Some(fetcher), Arc::new(NoProgress));
    loop {
        if *stop.borrow() {
            return;
        }
        match store.list_sources(true).await {
            Ok(sources) => {
                let now = chrono::Utc::now().timestamp();
                for s in sources.into_iter().filter(|s| next_due(s) <= now) {
                    if *stop.borrow() {
                        return;
                    }
                    let spec = match &s.kind {
                        Some(k) => format!("{k}:{}", s.location),
                        None => s.location.clone(),
                    };
                    match ingestor.ingest(std::slice::from_ref(&spec)).await {
                        Ok(sum) => {
                            // File sources have no HTTP status; record theirs here.
                            if !s.location.starts_with("http") {
                                let failed = sum.failed.iter().find(|f| f.item.is_empty());
                                let st = hirekit_store::SourceStatus {
                                    polled_at: now,
                                    status: if failed.is_some() { "failed".into() } else { "ok".into() },
                                    error: failed.map(|f| f.reason.clone()),
                                    ..Default::default()
                                };
                                if let Err(e) = store.record_source_status(s.id, &st).await {
                                    tracing::warn!(error = %e, "recording source status");
                                }
                            }
                            tracing::info!(source = %s.name, new = sum.new, updated = sum.updated, closed = sum.closed,
                                merged = sum.merged, failed = sum.failed.len(), "polled source");
                        }
                        Err(e) => tracing::warn!(source = %s.name, error = %e, "poll failed"),
                    }
                }
            }
            Err(e) => tracing::warn!(error = %e, "cannot list sources"),
        }
        tokio::select! {
            _ = tokio::time::sleep(TICK) => {}
            _ = stop.changed() => {}
        }
    }
}
