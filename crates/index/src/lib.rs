//! The search index of job postings: a Tantivy index derived from the store.
//!
//! The store is the source of truth. The index remembers how far it has read the store's
//! change feed (a cursor kept in the commit payload, so it is exactly as durable as the
//! documents) and catches up from there; a missing, outdated or damaged index is recreated
//! and refilled from the store.

mod collect;
mod query;
mod request;
mod response;
mod schema;
mod search;
mod segdata;
mod snippet;
mod tokenizer;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use hirekit_model::money::Rates;
use hirekit_store::{Store, StoreError, StoredPosting};
use serde::{Deserialize, Serialize};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

pub use query::{parse as parse_query, Clause, Parsed};
pub use request::{SearchError, SearchRequest, SkillMatch, Sort, MAX_LIMIT, MAX_OFFSET, PARAMS};
pub use response::{
    AnnualSalary, FacetCounts, Facets, Hit, SalaryPoint, SalarySample, SearchResponse,
};
pub use schema::SCHEMA_VERSION;

/// Writer memory: large enough that a rebuild of a million postings writes few segments.
const WRITER_HEAP: usize = 256 << 20;
/// Postings read from the store per request while catching up.
const PAGE: i64 = 5_000;
/// Catch-up commits this often, so a long catch-up shows progress and survives a crash.
const COMMIT_EVERY: usize = 100_000;

/// How far the index has read the store's change feed: every change up to and including
/// posting `id` at change sequence `seq` is in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    pub seq: i64,
    pub id: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("search index directory {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("search index: reading the store: {0}")]
    Store(#[from] StoreError),
    #[error("search index: {0}")]
    Other(String),
}

/// What the commit payload holds.
#[derive(Serialize, Deserialize)]
struct Payload {
    schema: u32,
    rates: String,
    seq: i64,
    id: i64,
}

/// The search index. Cheap to clone; all clones share one index.
#[derive(Clone)]
pub struct SearchIndex {
    inner: Arc<Inner>,
}

struct Inner {
    fields: schema::Fields,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    cache: segdata::Cache,
    /// Committed position in the change feed.
    cursor: Mutex<Cursor>,
    rates: Rates,
    rates_key: String,
    dir: Option<PathBuf>,
    /// One reader of the change feed at a time (catch-up rounds and rebuilds).
    feed: tokio::sync::Mutex<()>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Identifies a rate table: salaries are indexed in USD with it, so other rates need a rebuild.
fn rates_key(r: &Rates) -> String {
    let mut s = r.date.clone();
    for c in r.currencies() {
        s.push_str(&format!("|{c}={}", r.convert(1.0, "USD", c).unwrap_or(0.0)));
    }
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(s.as_bytes()))
}

/// Threads a search uses, and the segments `optimize` leaves (one per thread).
fn search_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8)
}

/// Split segments into `k` groups of about equal document counts (largest first, each to the
/// lightest group), so each search thread gets the same amount of work after merging.
fn balanced_groups(metas: &[tantivy::index::SegmentMeta], k: usize) -> Vec<Vec<tantivy::index::SegmentId>> {
    let mut sorted: Vec<&tantivy::index::SegmentMeta> = metas.iter().collect();
    sorted.sort_by_key(|m| std::cmp::Reverse(m.num_docs()));
    let mut groups: Vec<(u64, Vec<tantivy::index::SegmentId>)> = vec![(0, Vec::new()); k.max(1)];
    for m in sorted {
        if let Some(g) = groups.iter_mut().min_by_key(|g| g.0) {
            g.0 += u64::from(m.num_docs());
            g.1.push(m.id());
        }
    }
    groups.into_iter().map(|g| g.1).filter(|g| !g.is_empty()).collect()
}

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> IndexError + '_ {
    move |source| IndexError::Io {
        path: path.display().to_string(),
        source,
    }
}

impl SearchIndex {
    /// Open the index in `dir`, creating it if missing. An index of another schema version or
    /// rate table, or one that cannot be read, is wiped and recreated (empty: `catch_up`
    /// refills it from the store).
    pub fn open(dir: &Path, rates: Rates) -> Result<SearchIndex, IndexError> {
        std::fs::create_dir_all(dir).map_err(io_err(dir))?;
        if dir.join("meta.json").exists() {
            match Self::open_existing(dir, rates.clone()) {
                Ok(ix) => return Ok(ix),
                Err(e @ IndexError::Tantivy(tantivy::TantivyError::LockFailure(..))) => {
                    return Err(e)
                }
                Err(e) => {
                    tracing::warn!(dir = %dir.display(), error = %e, "search index unusable; recreating it from the store");
                    wipe(dir)?;
                }
            }
        }
        let (schema, _) = schema::build();
        let index = Index::create_in_dir(dir, schema)?;
        Self::from_index(index, rates, Some(dir.to_path_buf()), None)
    }

    /// A throwaway index in memory (tests, one-off tools).
    pub fn in_memory(rates: Rates) -> Result<SearchIndex, IndexError> {
        let (schema, _) = schema::build();
        Self::from_index(Index::create_in_ram(schema), rates, None, None)
    }

    fn open_existing(dir: &Path, rates: Rates) -> Result<SearchIndex, IndexError> {
        let index = Index::open_in_dir(dir)?;
        let (schema, _) = schema::build();
        if index.schema() != schema {
            return Err(IndexError::Other(
                "schema differs from this version's".into(),
            ));
        }
        let meta = index.load_metas()?;
        let payload: Option<Payload> = meta
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_str(p).ok());
        let cursor = match payload {
            None if meta.segments.is_empty() => Cursor::default(),
            None => return Err(IndexError::Other("commit payload missing".into())),
            Some(p) if p.schema != SCHEMA_VERSION => {
                return Err(IndexError::Other(format!(
                    "schema version {} (this build: {SCHEMA_VERSION})",
                    p.schema
                )))
            }
            Some(p) if p.rates != rates_key(&rates) => {
                return Err(IndexError::Other(
                    "indexed with another exchange-rate table".into(),
                ))
            }
            Some(p) => Cursor {
                seq: p.seq,
                id: p.id,
            },
        };
        Self::from_index(index, rates, Some(dir.to_path_buf()), Some(cursor))
    }

    fn from_index(
        mut index: Index,
        rates: Rates,
        dir: Option<PathBuf>,
        cursor: Option<Cursor>,
    ) -> Result<SearchIndex, IndexError> {
        index
            .tokenizers()
            .register(tokenizer::NAME, tokenizer::HkTokenizer);
        let (_, fields) = schema::build();
        // Two indexing threads at most: the machine also serves queries and runs the store.
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 2);
        let writer = index.writer_with_num_threads(threads, WRITER_HEAP)?;
        // Segments are searched in parallel, one per core: a broad query over a million
        // postings (scoring and counting facets of every match) takes half the time on two.
        index.set_multithread_executor(search_threads())?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let ix = SearchIndex {
            inner: Arc::new(Inner {
                fields,
                reader,
                writer: Mutex::new(writer),
                cache: segdata::Cache::default(),
                cursor: Mutex::new(cursor.unwrap_or_default()),
                rates_key: rates_key(&rates),
                rates,
                dir,
                feed: tokio::sync::Mutex::new(()),
            }),
        };
        ix.inner.cache.refresh(&ix.inner.reader.searcher())?;
        Ok(ix)
    }

    /// The committed position in the store's change feed.
    pub fn cursor(&self) -> Cursor {
        *lock(&self.inner.cursor)
    }

    /// Documents searchable now (closed postings included).
    pub fn num_docs(&self) -> u64 {
        self.inner.reader.searcher().num_docs()
    }

    /// Segments the reader sees (each adds a little per-query work).
    pub fn segments(&self) -> usize {
        self.inner.reader.searcher().segment_readers().len()
    }

    /// Where the index lives (None in memory).
    pub fn dir(&self) -> Option<&Path> {
        self.inner.dir.as_deref()
    }

    /// Upsert `changed` (by posting id), remove `deleted`, commit with cursor `to` and make
    /// the result searchable.
    pub fn apply(
        &self,
        changed: &[StoredPosting],
        deleted: &[i64],
        to: Cursor,
    ) -> Result<(), IndexError> {
        let mut w = lock(&self.inner.writer);
        self.stage(&w, changed, deleted)?;
        self.commit(&mut w, to)
    }

    fn stage(
        &self,
        w: &IndexWriter,
        changed: &[StoredPosting],
        deleted: &[i64],
    ) -> Result<(), IndexError> {
        let f = &self.inner.fields;
        for id in deleted {
            w.delete_term(Term::from_field_i64(f.id, *id));
        }
        for sp in changed {
            w.delete_term(Term::from_field_i64(f.id, sp.id));
            let doc: TantivyDocument = schema::to_document(sp, f, &self.inner.rates);
            w.add_document(doc)?;
        }
        Ok(())
    }

    fn commit(&self, w: &mut IndexWriter, to: Cursor) -> Result<(), IndexError> {
        let payload = Payload {
            schema: SCHEMA_VERSION,
            rates: self.inner.rates_key.clone(),
            seq: to.seq,
            id: to.id,
        };
        let mut pc = w.prepare_commit()?;
        pc.set_payload(
            &serde_json::to_string(&payload).map_err(|e| IndexError::Other(e.to_string()))?,
        );
        pc.commit()?;
        self.inner.reader.reload()?;
        self.inner.cache.refresh(&self.inner.reader.searcher())?;
        *lock(&self.inner.cursor) = to;
        Ok(())
    }

    /// Merge the segments down to one per search thread (after a rebuild: fewer segments, less
    /// work per query, and each thread searches one of about equal size).
    /// Takes a while on a large index; searches keep running on the old segments meanwhile.
    pub fn optimize(&self) -> Result<(), IndexError> {
        let mut w = lock(&self.inner.writer);
        let target = search_threads();
        // A background merge may hold some segments: retry with the then-current set.
        let mut tries = 0;
        loop {
            let metas = w.index().searchable_segment_metas()?;
            if metas.len() <= target {
                break;
            }
            let groups = balanced_groups(&metas, target);
            let merges: Vec<_> = groups.iter().filter(|g| g.len() > 1).map(|g| w.merge(g)).collect();
            let mut deferred = None;
            for m in merges {
                if let Err(e) = m.wait() {
                    deferred = Some(e);
                }
            }
            match deferred {
                None => break,
                Some(e) if tries < 50 => {
                    tracing::debug!(error = %e, "merge deferred");
                    tries += 1;
                    std::thread::sleep(Duration::from_millis(200));
                }
                Some(e) => return Err(e.into()),
            }
        }
        let _ = w.garbage_collect_files().wait();
        self.inner.reader.reload()?;
        self.inner.cache.refresh(&self.inner.reader.searcher())?;
        Ok(())
    }

    /// Read the store's change feed from the cursor to its end; returns postings applied.
    pub async fn catch_up(&self, store: &Store) -> Result<usize, IndexError> {
        let _feed = self.inner.feed.lock().await;
        self.follow_feed(store, self.cursor(), COMMIT_EVERY, &|_| {})
            .await
    }

    /// Recreate the index from the whole store. Searches see the old index until the new one
    /// is committed at the end.
    pub async fn rebuild(
        &self,
        store: &Store,
        progress: &dyn Fn(u64),
    ) -> Result<usize, IndexError> {
        let _feed = self.inner.feed.lock().await;
        {
            let w = lock(&self.inner.writer);
            w.delete_all_documents()?;
        }
        let r = self
            .follow_feed(store, Cursor::default(), usize::MAX, progress)
            .await;
        if r.is_err() {
            // drop the half-built state; the committed index stays as it was
            let mut w = lock(&self.inner.writer);
            let _ = w.rollback();
        }
        r
    }

    async fn follow_feed<P: Fn(u64) + ?Sized>(
        &self,
        store: &Store,
        start: Cursor,
        commit_every: usize,
        progress: &P,
    ) -> Result<usize, IndexError> {
        let mut cur = start;
        let mut applied = 0usize;
        let mut pending = 0usize;
        let mut dirty = false;
        loop {
            // Every writer takes the sequence first and holds it to commit, so sequences commit
            // in order: once change `s` is visible, all changes before it are too.
            let last = store.last_change_seq().await?;
            let page = store.changes_after(cur.seq, cur.id, PAGE).await?;
            // Read after the page: every deletion up to the page's last sequence is visible.
            let deleted = store.deleted_since(cur.seq.saturating_add(1)).await?;
            let next = match page.last() {
                Some(p) => Cursor {
                    seq: p.change_seq,
                    id: p.id,
                },
                None if last > cur.seq => Cursor {
                    seq: last,
                    id: i64::MAX,
                },
                None => cur,
            };
            let n = page.len();
            if n == 0 && deleted.is_empty() && next == cur {
                break;
            }
            let this = self.clone();
            tokio::task::spawn_blocking(move || {
                let w = lock(&this.inner.writer);
                this.stage(&w, &page, &deleted)
            })
            .await
            .map_err(|e| IndexError::Other(format!("indexing task failed: {e}")))??;
            applied += n;
            pending += n;
            dirty = true;
            cur = next;
            progress(applied as u64);
            let done = (n as i64) < PAGE;
            if pending >= commit_every || done {
                let this = self.clone();
                tokio::task::spawn_blocking(move || {
                    let mut w = lock(&this.inner.writer);
                    this.commit(&mut w, next)
                })
                .await
                .map_err(|e| IndexError::Other(format!("commit task failed: {e}")))??;
                pending = 0;
                dirty = false;
            }
            if done {
                break;
            }
        }
        if dirty || (start == Cursor::default() && commit_every == usize::MAX) {
            // a rebuild of an empty store still has to commit the emptied index
            let this = self.clone();
            tokio::task::spawn_blocking(move || {
                let mut w = lock(&this.inner.writer);
                this.commit(&mut w, cur)
            })
            .await
            .map_err(|e| IndexError::Other(format!("commit task failed: {e}")))??;
        }
        Ok(applied)
    }

    /// Catch up every `every` until `stop` turns true (or its sender goes away). Errors are
    /// logged and retried on the next round.
    pub fn follow(
        &self,
        store: Store,
        every: Duration,
        stop: tokio::sync::watch::Receiver<bool>,
    ) -> tokio::task::JoinHandle<()> {
        let this = self.clone();
        let mut stop = stop;
        tokio::spawn(async move {
            loop {
                if *stop.borrow() {
                    break;
                }
                match this.catch_up(&store).await {
                    Ok(0) => {}
                    Ok(n) => tracing::debug!(postings = n, "search index caught up"),
                    Err(e) => tracing::warn!(error = %e, "search index catch-up failed; retrying"),
                }
                tokio::select! {
                    _ = tokio::time::sleep(every) => {}
                    r = stop.changed() => {
                        if r.is_err() || *stop.borrow() {
                            break;
                        }
                    }
                }
            }
        })
    }

    pub(crate) fn inner_parts(&self) -> (&IndexReader, &schema::Fields, &segdata::Cache, &Rates) {
        (
            &self.inner.reader,
            &self.inner.fields,
            &self.inner.cache,
            &self.inner.rates,
        )
    }
}

/// Remove an unusable index's files (only the index's own, never unrelated files).
fn wipe(dir: &Path) -> Result<(), IndexError> {
    for entry in std::fs::read_dir(dir).map_err(io_err(dir))? {
        let entry = entry.map_err(io_err(dir))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        let ours = name == "meta.json"
            || name == ".managed.json"
            || name.starts_with(".tantivy")
            || name.ends_with(".lock")
            || tantivy_file(&name);
        if ours && path.is_file() {
            std::fs::remove_file(&path).map_err(io_err(&path))?;
        }
    }
    Ok(())
}

/// Segment files are named `<32 hex digits>.<component>`.
fn tantivy_file(name: &str) -> bool {
    let (stem, _) = name.split_once('.').unwrap_or((name, ""));
    stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit())
}
