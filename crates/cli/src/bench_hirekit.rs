//! hirekit's side of `hirekit bench search`: its Tantivy index built from the benchmark corpus
//! (posting id = corpus line number, as on the PostgreSQL side), searched in process and over
//! the real HTTP API (`hirekit-server`'s router on 127.0.0.1, port chosen by the OS).
//!
//! The index is built straight from the corpus, not through `hirekit ingest`: ingest merges
//! cross-source duplicates and assigns its own ids, and judged relevance needs both engines to
//! name the same postings.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context as _;
use hirekit_index::{Cursor, SearchIndex, SearchRequest};
use hirekit_model::money::Rates;
use hirekit_model::{RemotePolicy, SourceKind};
use hirekit_searchbench::{Engine, EngineResult, Facets, Query, SalaryRule};
use hirekit_sources::Context;
use hirekit_store::{PostingSource, StoredPosting};
use rayon::prelude::*;
use serde::Serialize;

/// Lines parsed and applied per index commit.
const CHUNK: usize = 50_000;

#[derive(Debug, Clone, Serialize)]
pub struct BuildStats {
    pub docs: u64,
    /// Lines the JSONL connector rejected (skipped, as `hirekit ingest` would report them).
    pub skipped_lines: u64,
    /// Reading + parsing + normalizing + indexing, chunk by chunk.
    pub build_s: f64,
    /// Merging the segments down to one per search thread.
    pub optimize_s: f64,
    pub bytes: u64,
    /// Segments after merging (one per search thread).
    pub segments: usize,
    /// True when an index of an earlier run was reused (no build figures then).
    pub reused: bool,
}

/// Build the index of `corpus` in `dir` (or reuse the one there), merged into one segment.
pub fn build_index(corpus: &Path, dir: &Path, rates: Rates) -> anyhow::Result<(SearchIndex, BuildStats)> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let ix = SearchIndex::open(dir, rates).context("opening the benchmark index")?;
    if ix.num_docs() > 0 {
        eprintln!("hirekit: reusing the index in {} ({} postings)", dir.display(), ix.num_docs());
        let stats = BuildStats {
            docs: ix.num_docs(),
            skipped_lines: 0,
            build_s: 0.0,
            optimize_s: 0.0,
            bytes: dir_size(dir),
            segments: ix.segments(),
            reused: true,
        };
        return Ok((ix, stats));
    }
    eprintln!("hirekit: indexing {} into {} …", corpus.display(), dir.display());
    let file = std::fs::File::open(corpus).with_context(|| format!("opening {}", corpus.display()))?;
    let mut lines = BufReader::with_capacity(1 << 20, file).split(b'\n');
    let t = Instant::now();
    let (mut line_no, mut docs, mut skipped, mut seq) = (0usize, 0u64, 0u64, 0i64);
    loop {
        let mut chunk: Vec<(usize, Vec<u8>)> = Vec::with_capacity(CHUNK);
        for line in lines.by_ref().take(CHUNK) {
            line_no += 1;
            chunk.push((line_no, line.with_context(|| format!("reading line {line_no}"))?));
        }
        if chunk.is_empty() {
            break;
        }
        let parsed: Vec<Option<StoredPosting>> = chunk.par_iter().map(|(n, l)| stored(l, *n)).collect();
        skipped += parsed.iter().filter(|p| p.is_none()).count() as u64;
        let postings: Vec<StoredPosting> = parsed.into_iter().flatten().collect();
        docs += postings.len() as u64;
        seq += 1;
        let last = postings.last().map_or(0, |p| p.id);
        ix.apply(&postings, &[], Cursor { seq, id: last })?;
        eprint!("\r  {docs} postings indexed");
    }
    eprintln!();
    let build_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    ix.optimize()?;
    let optimize_s = t.elapsed().as_secs_f64();
    let stats = BuildStats { docs, skipped_lines: skipped, build_s, optimize_s, bytes: dir_size(dir), segments: ix.segments(), reused: false };
    Ok((ix, stats))
}

/// One corpus line as the store would hold it; None for a line the connector rejects.
fn stored(line: &[u8], line_no: usize) -> Option<StoredPosting> {
    let ctx = Context { source: "bench.jsonl".into(), company: None };
    let sp = hirekit_sources::parse_jsonl_line(line, line_no, &ctx).ok()??;
    let posting = hirekit_model::normalize::normalize(&sp);
    let t = 1_763_000_000;
    Some(StoredPosting {
        id: line_no as i64,
        fingerprint: String::new(),
        posting,
        first_seen: t,
        last_seen: t,
        closed_at: None,
        updated_at: t,
        change_seq: 1,
        sources: vec![PostingSource {
            source_id: 1,
            source: "bench".into(),
            kind: Some(SourceKind::Jsonl.as_str().into()),
            external_id: line_no.to_string(),
            url: None,
            apply_url: None,
            merge_reason: None,
            first_seen: t,
            last_seen: t,
            closed_at: None,
        }],
    })
}

/// The request the API builds from the same query (see `hirekit_searchbench::http::api_path`).
pub fn request(q: &Query) -> anyhow::Result<SearchRequest> {
    let f = &q.filters;
    let mut r = SearchRequest { q: q.q.clone(), limit: 20, facets: true, ..Default::default() };
    match f.remote {
        Some(true) => r.remote = vec![RemotePolicy::Remote],
        Some(false) => anyhow::bail!("remote=false has no equivalent in hirekit's filters"),
        None => {}
    }
    r.salary_min = f.salary_min_gte;
    r.company_prefix = f.company_prefix.clone();
    r.country = f.country.iter().cloned().collect();
    Ok(r)
}

/// The index searched in this process (no HTTP, no JSON).
pub struct InProcess {
    pub index: SearchIndex,
}

impl Engine for InProcess {
    fn name(&self) -> String {
        "hirekit (in-process)".into()
    }

    fn search(&mut self, q: &Query) -> anyhow::Result<EngineResult> {
        let r = self.index.search(&request(q)?).map_err(|e| anyhow::anyhow!("{e}"))?;
        let top = |c: &hirekit_index::FacetCounts| c.0.iter().take(10).cloned().collect::<Vec<_>>();
        let remote_yes = r.facets.remote.get("remote").unwrap_or(0);
        Ok(EngineResult {
            ids: r.hits.iter().map(|h| h.id).collect(),
            total: r.total,
            facets: Facets {
                remote: (remote_yes, r.total.saturating_sub(remote_yes)),
                countries: top(&r.facets.country),
                companies: top(&r.facets.company),
            },
        })
    }
}

/// hirekit's HTTP server over `index`, on its own runtime, until dropped.
pub struct Served {
    pub url: String,
    runtime: tokio::runtime::Runtime,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    _store_dir: tempfile::TempDir,
}

/// Serve the real router (API, board) with `index`; the store is an empty SQLite file, which
/// `/api/v1/jobs` never reads (hits come from the index).
pub fn serve(index: SearchIndex, rates: Rates) -> anyhow::Result<Served> {
    let store_dir = tempfile::Builder::new().prefix("hirekit-bench-store-").tempdir()?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let url = format!("sqlite://{}", store_dir.path().join("store.db").display());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let addr = runtime.block_on(async {
        let store = hirekit_store::Store::connect(&url).await?;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let state = hirekit_server::AppState::new(store, index, rates);
        tokio::spawn(async move {
            let shutdown = async {
                let _ = stopped.await;
            };
            if let Err(e) = hirekit_server::serve_state(listener, state, shutdown).await {
                eprintln!("hirekit server: {e:#}");
            }
        });
        anyhow::Ok(addr)
    })?;
    Ok(Served { url: format!("http://{addr}"), runtime, stop: Some(stop), _store_dir: store_dir })
}

impl Drop for Served {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        // Let in-flight connections finish; the runtime's drop then stops its workers.
        self.runtime.block_on(async { tokio::time::sleep(std::time::Duration::from_millis(50)).await });
    }
}

/// hirekit's salary filter is the overlap rule (a range that reaches the floor); min-gte would
/// compare the range's minimum. Benchmarks that judge relevance must use the same rule on both sides.
pub fn salary_rule_note(rule: SalaryRule) -> Option<&'static str> {
    match rule {
        SalaryRule::Overlap => None,
        _ => Some(
            "note: hirekit filters salary by overlap (annual max ≥ floor); pass --salary-rule overlap so \
             both engines answer the same question",
        ),
    }
}

pub fn default_index_dir() -> PathBuf {
    std::env::temp_dir().join("hirekit-bench-index")
}

pub fn dir_size(p: &Path) -> u64 {
    let Ok(rd) = std::fs::read_dir(p) else { return 0 };
    rd.flatten()
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_size(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}
