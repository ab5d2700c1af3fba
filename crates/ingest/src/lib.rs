//! The ingest pipeline: SOURCE → bytes → items → normalized postings → store.
//!
//! Parsing and normalizing run on a blocking thread (JSONL in parallel with rayon) and hand
//! batches to the store through a bounded channel, so memory stays flat on multi-GB inputs and
//! the database writes overlap with parsing. Each batch is one transaction: a crash mid-ingest
//! leaves whole batches, never half a posting.

mod item;
pub mod poller;
mod resolve;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;

use hirekit_fetch::{Fetched, Fetcher, Validators};
use hirekit_model::SourceKind;
use hirekit_sources::{Context, ItemError};
use hirekit_store::{Incoming, SourceInfo, SourceStatus, Store};
use rayon::prelude::*;
use serde::Serialize;
use tokio::sync::mpsc;

pub use item::{rank, to_incoming};
pub use resolve::{context_for, resolve, Resolved, Target};

/// Items per parsed batch (the parser sends these to the store loop).
const BATCH: usize = 1000;
/// Items per store transaction at most: when the parser is ahead, the batches waiting in the
/// channel are stored together. Each transaction writes every B-tree page it touched to the
/// WAL, and the lookup indexes take random inserts, so bigger transactions write fewer pages
/// per item (measured: docs/BENCHMARKS.md). When the store keeps up, batches go one at a time.
const STORE_GROUP: usize = 8000;
/// Lines handed to rayon at once on the JSONL fast path.
const LINE_CHUNK: usize = 4000;

/// One item (or whole source) that could not be ingested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failure {
    pub source: String,
    pub item: String,
    pub reason: String,
}

/// The closing summary; `--json` prints exactly this object.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub new: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub closed: u64,
    pub merged: u64,
    pub failed: Vec<Failure>,
}

impl Summary {
    pub fn total_seen(&self) -> u64 {
        self.new + self.updated + self.unchanged + self.merged
    }
}

/// Progress reporting hooks (the CLI draws a bar; tests and the server pass `NoProgress`).
pub trait Progress: Send + Sync {
    fn source_started(&self, _name: &str, _total_bytes: Option<u64>) {}
    fn bytes_read(&self, _n: u64) {}
    fn items_done(&self, _n: u64) {}
    fn source_finished(&self, _name: &str) {}
}

pub struct NoProgress;
impl Progress for NoProgress {}

pub struct Ingestor {
    store: Store,
    fetcher: Option<Fetcher>,
    progress: Arc<dyn Progress>,
}

/// A batch from the parsing thread: items ready to store and the failures met on the way.
struct Batch {
    items: Vec<Incoming>,
    failed: Vec<Failure>,
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

impl Ingestor {
    pub fn new(store: Store, fetcher: Option<Fetcher>, progress: Arc<dyn Progress>) -> Ingestor {
        Ingestor { store, fetcher, progress }
    }

    /// Ingest every SOURCE argument; never stops at a bad one.
    pub async fn ingest(&self, specs: &[String]) -> anyhow::Result<Summary> {
        let mut summary = Summary::default();
        let run = self.store.begin_run(now()).await?;
        for spec in specs {
            let resolved = resolve(spec);
            summary.failed.extend(resolved.failures);
            for target in resolved.targets {
                self.ingest_target(&target, run, &mut summary).await?;
            }
        }
        let json = serde_json::to_string(&summary)?;
        self.store.finish_run(run, now(), &json).await?;
        Ok(summary)
    }

    async fn ingest_target(&self, t: &Target, run: i64, summary: &mut Summary) -> anyhow::Result<()> {
        let fail = |reason: String| Failure { source: t.display.clone(), item: String::new(), reason };
        if t.is_url() {
            return self.ingest_url(t, run, summary).await;
        }
        let path = Path::new(&t.location);
        let mut head = vec![0u8; 64 * 1024];
        let n = match open_maybe_gz(path).and_then(|mut r| read_up_to(&mut r, &mut head)) {
            Ok(n) => n,
            Err(e) => {
                summary.failed.push(fail(format!("cannot read: {e}")));
                return Ok(());
            }
        };
        head.truncate(n);
        let Some(kind) = t.kind.or_else(|| hirekit_sources::detect(&head, Some(&t.location))) else {
            summary.failed.push(fail(format!(
                "cannot tell the format; prefix the source with its kind, e.g. jsonl:{}",
                t.location
            )));
            return Ok(());
        };
        let source = self.store.ensure_source(&t.name(kind), Some(kind.as_str()), &t.location, now()).await?;
        let total = std::fs::metadata(path).ok().map(|m| m.len());
        self.progress.source_started(&t.display, total);
        let ctx = t.context();
        let progress = self.progress.clone();
        let location = t.location.clone();
        let result = self
            .run_pipeline(&source, kind, run, summary, move |tx| {
                let reader = open_maybe_gz(Path::new(&location)).map_err(|e| format!("cannot read: {e}"))?;
                let mut reader = BufReader::with_capacity(1 << 20, CountingReader { inner: reader, progress });
                produce(kind, &mut reader, &ctx, &tx)
            })
            .await;
        self.progress.source_finished(&t.display);
        if let Err(reason) = result? {
            summary.failed.push(fail(reason));
        }
        Ok(())
    }

    async fn ingest_url(&self, t: &Target, run: i64, summary: &mut Summary) -> anyhow::Result<()> {
        let fail = |reason: String| Failure { source: t.display.clone(), item: String::new(), reason };
        let Some(fetcher) = &self.fetcher else {
            summary.failed.push(fail("HTTP sources are not enabled here".into()));
            return Ok(());
        };
        let provisional = t.kind.map(|k| k.as_str());
        let source = self
            .store
            .ensure_source(&t.name(t.kind.unwrap_or(SourceKind::Jsonl)), provisional, &t.location, now())
            .await?;
        let prev = Validators { etag: source.etag.clone(), last_modified: source.last_modified.clone() };
        self.progress.source_started(&t.display, None);
        let fetched = fetcher.get(&t.location, Some(&prev)).await;
        let polled_at = now();
        let (bytes, validators) = match fetched {
            Ok(Fetched::NotModified) => {
                let st = SourceStatus { polled_at, status: "not_modified".into(), ..Default::default() };
                self.store.record_source_status(source.id, &st).await?;
                self.progress.source_finished(&t.display);
                return Ok(());
            }
            Ok(Fetched::Body { bytes, validators, .. }) => (bytes, validators),
            Err(e) => {
                let reason = format!("{} ({})", e, e.kind());
                let st = SourceStatus { polled_at, status: "failed".into(), error: Some(reason.clone()), ..Default::default() };
                self.store.record_source_status(source.id, &st).await?;
                summary.failed.push(fail(reason));
                self.progress.source_finished(&t.display);
                return Ok(());
            }
        };
        let head = &bytes[..bytes.len().min(64 * 1024)];
        let Some(kind) = t.kind.or_else(|| hirekit_sources::detect(head, Some(&t.location))) else {
            let reason = "cannot tell the format of the response; prefix the URL with its kind".to_string();
            let st = SourceStatus { polled_at, status: "failed".into(), error: Some(reason.clone()), ..Default::default() };
            self.store.record_source_status(source.id, &st).await?;
            summary.failed.push(fail(reason));
            return Ok(());
        };
        let ctx = t.context();
        self.progress.bytes_read(bytes.len() as u64);
        let result = self
            .run_pipeline(&source, kind, run, summary, move |tx| {
                produce(kind, &mut std::io::Cursor::new(bytes), &ctx, &tx)
            })
            .await?;
        let st = match &result {
            Ok(()) => SourceStatus {
                polled_at,
                status: "ok".into(),
                error: None,
                etag: validators.etag,
                last_modified: validators.last_modified,
            },
            Err(reason) => SourceStatus { polled_at, status: "failed".into(), error: Some(reason.clone()), ..Default::default() },
        };
        self.store.record_source_status(source.id, &st).await?;
        if let Err(reason) = result {
            summary.failed.push(fail(reason));
        }
        self.progress.source_finished(&t.display);
        Ok(())
    }

    /// Run `producer` on a blocking thread and store what it sends. Returns the producer's
    /// document-level error, if any (then nothing is closed: a broken fetch is not a takedown).
    async fn run_pipeline<F>(
        &self,
        source: &SourceInfo,
        kind: SourceKind,
        run: i64,
        summary: &mut Summary,
        producer: F,
    ) -> anyhow::Result<Result<(), String>>
    where
        F: FnOnce(mpsc::Sender<Batch>) -> Result<(), String> + Send + 'static,
    {
        let (tx, mut rx) = mpsc::channel::<Batch>(STORE_GROUP / BATCH);
        let handle = tokio::task::spawn_blocking(move || producer(tx));
        let seen = now();
        let (started, mut waiting, mut storing) = (std::time::Instant::now(), 0f64, 0f64);
        loop {
            let t = std::time::Instant::now();
            let Some(mut batch) = rx.recv().await else { break };
            // Batches already waiting go into the same transaction (see STORE_GROUP).
            while batch.items.len() < STORE_GROUP {
                match rx.try_recv() {
                    Ok(more) => {
                        batch.items.extend(more.items);
                        batch.failed.extend(more.failed);
                    }
                    Err(_) => break,
                }
            }
            waiting += t.elapsed().as_secs_f64();
            summary.failed.extend(batch.failed);
            let n = batch.items.len() as u64;
            let t = std::time::Instant::now();
            let out = self.store.upsert_batch(source.id, run, seen, &batch.items).await?;
            storing += t.elapsed().as_secs_f64();
            // Freeing thousands of postings (dozens of allocations each) is not free: do it off
            // the store loop, which is the critical path of a bulk ingest.
            let items = batch.items;
            tokio::task::spawn_blocking(move || drop(items));
            summary.new += out.new;
            summary.updated += out.updated;
            summary.unchanged += out.unchanged;
            summary.merged += out.merged;
            self.progress.items_done(n);
        }
        // Which side limits throughput: waiting = the parser is behind, storing = the database is.
        tracing::debug!(source = %source.name, total = started.elapsed().as_secs_f64(), waiting, storing, "pipeline timing");
        let doc = handle.await.map_err(|e| anyhow::anyhow!("parser thread failed: {e}"))?;
        if doc.is_ok() && kind.lists_whole_board() {
            summary.closed += self.store.close_missing(source.id, run, now()).await?;
        }
        Ok(doc)
    }
}

/// Parse `reader` as `kind` and send normalized batches. Runs on a blocking thread.
fn produce(kind: SourceKind, reader: &mut dyn BufRead, ctx: &Context, tx: &mpsc::Sender<Batch>) -> Result<(), String> {
    if kind == SourceKind::Jsonl {
        return produce_jsonl(reader, ctx, tx);
    }
    let mut batch = Batch { items: Vec::with_capacity(BATCH), failed: Vec::new() };
    let mut closed = false;
    let res = hirekit_sources::parse_reader(kind, reader, ctx, &mut |r| {
        if closed {
            return;
        }
        match r {
            Ok(sp) => batch.items.push(to_incoming(kind, &sp)),
            Err(e) => batch.failed.push(failure(ctx, e)),
        }
        if batch.items.len() >= BATCH {
            let full = std::mem::replace(&mut batch, Batch { items: Vec::with_capacity(BATCH), failed: Vec::new() });
            closed = tx.blocking_send(full).is_err();
        }
    });
    if !closed && (!batch.items.is_empty() || !batch.failed.is_empty()) {
        let _ = tx.blocking_send(batch);
    }
    res.map_err(|e| e.reason)
}

/// JSONL: read lines in chunks and parse + normalize each chunk in parallel.
fn produce_jsonl(reader: &mut dyn BufRead, ctx: &Context, tx: &mpsc::Sender<Batch>) -> Result<(), String> {
    let mut line_no = 0usize;
    let mut eof = false;
    while !eof {
        let mut lines: Vec<(usize, Vec<u8>)> = Vec::with_capacity(LINE_CHUNK);
        while lines.len() < LINE_CHUNK {
            let mut buf = Vec::new();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => {
                    eof = true;
                    break;
                }
                Ok(_) => {
                    line_no += 1;
                    lines.push((line_no, buf));
                }
                Err(e) => return Err(format!("read error after line {line_no}: {e}")),
            }
        }
        let results: Vec<Result<Option<Incoming>, ItemError>> = lines
            .par_iter()
            .map(|(no, l)| {
                hirekit_sources::parse_jsonl_line(l, *no, ctx).map(|o| o.map(|sp| item::jsonl_incoming(&sp, l)))
            })
            .collect();
        let mut batch = Batch { items: Vec::with_capacity(BATCH), failed: Vec::new() };
        for r in results {
            match r {
                Ok(Some(it)) => batch.items.push(it),
                Ok(None) => {}
                Err(e) => batch.failed.push(failure(ctx, e)),
            }
            if batch.items.len() >= BATCH {
                let full = std::mem::replace(&mut batch, Batch { items: Vec::with_capacity(BATCH), failed: Vec::new() });
                if tx.blocking_send(full).is_err() {
                    return Ok(());
                }
            }
        }
        if (!batch.items.is_empty() || !batch.failed.is_empty()) && tx.blocking_send(batch).is_err() {
            return Ok(());
        }
    }
    Ok(())
}

fn failure(ctx: &Context, e: ItemError) -> Failure {
    Failure { source: ctx.source.clone(), item: e.item, reason: e.reason }
}

fn open_maybe_gz(path: &Path) -> std::io::Result<Box<dyn Read + Send>> {
    let f = std::fs::File::open(path)?;
    if path.extension().is_some_and(|e| e == "gz") {
        Ok(Box::new(flate2::read::MultiGzDecoder::new(f)))
    } else {
        Ok(Box::new(f))
    }
}

fn read_up_to(r: &mut dyn Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// Reports bytes as they are read, for the progress bar.
struct CountingReader {
    inner: Box<dyn Read + Send>,
    progress: Arc<dyn Progress>,
}

impl Read for CountingReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.bytes_read(n as u64);
        Ok(n)
    }
}
