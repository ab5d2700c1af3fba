//! Storage: SQLite (embedded default) or PostgreSQL (scale-out), one API.
//!
//! The SQL is written once in `queries.rs` and compiled for each backend (see `backends.rs`),
//! so both stores run the same logic and the test suite exercises both.

mod backends;
pub mod schema_org;
mod types;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};

pub use types::*;

/// The organisation created with the schema; owns what a single-tenant install publishes.
pub const DEFAULT_ORG: i64 = 1;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("invalid database URL {url:?}: {reason}")]
    BadUrl { url: String, reason: String },
    #[error("corrupt stored value in {what}: {reason}")]
    Corrupt { what: &'static str, reason: String },
    #[error("{0}")]
    NotFound(String),
}

/// Which database is behind the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub struct Store {
    db: Db,
}

#[derive(Clone)]
enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Run the same expression against whichever pool the store has; `$m` names the backend module.
macro_rules! dispatch {
    ($self:expr, $m:ident, $p:ident => $body:expr) => {
        match &$self.db {
            Db::Sqlite($p) => {
                use backends::sqlite as $m;
                $body
            }
            Db::Postgres($p) => {
                use backends::postgres as $m;
                $body
            }
        }
    };
}

impl Store {
    /// Open (creating if needed) the database at `url` and apply migrations.
    /// `sqlite://path`, `sqlite:path` or a bare file path select SQLite; `postgres://…` PostgreSQL.
    pub async fn connect(url: &str) -> Result<Store> {
        let store = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let opts = PgConnectOptions::from_str(url)
                .map_err(|e| StoreError::BadUrl {
                    url: redact(url),
                    reason: e.to_string(),
                })?
                // Tables grow from empty during an ingest: a generic plan cached while they were
                // small keeps seq-scanning them later. Plan each execution with current stats.
                .options([("plan_cache_mode", "force_custom_plan")]);
            let pool = PgPoolOptions::new()
                .max_connections(8)
                .acquire_timeout(Duration::from_secs(30))
                .connect_with(opts)
                .await?;
            sqlx::migrate!("./migrations/postgres").run(&pool).await?;
            Store {
                db: Db::Postgres(pool),
            }
        } else {
            let path = url
                .strip_prefix("sqlite://")
                .or_else(|| url.strip_prefix("sqlite:"))
                .unwrap_or(url);
            if let Some(dir) = Path::new(path).parent() {
                if !dir.as_os_str().is_empty() {
                    std::fs::create_dir_all(dir).map_err(|e| StoreError::BadUrl {
                        url: url.to_string(),
                        reason: format!("cannot create {}: {e}", dir.display()),
                    })?;
                }
            }
            let opts = SqliteConnectOptions::new()
                .filename(path)
                .create_if_missing(true)
                // Rows carry a description and the raw item (a few KB each): 16 KiB pages hold
                // several without overflow chains (measured +18% ingest vs 4 KiB; 64 KiB was slower).
                // Applies when the database file is created.
                .page_size(16384)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(60))
                .foreign_keys(true)
                // 256 MiB page cache per connection: keeps the lookup indexes of a million-posting
                // store in memory during ingest (+19% at 1M postings vs 64 MiB).
                .pragma("cache_size", "-262144")
                .pragma("temp_store", "memory")
                // Bulk ingests write GBs of WAL (hot index pages again in every transaction):
                // checkpoint every 40,000 pages (625 MiB), so a page rewritten many times is copied
                // to the database once per checkpoint (1M postings: 11.7 GB written instead of
                // 13.2 GB with 10,000 pages, and fewer fsyncs).
                .pragma("wal_autocheckpoint", "40000");
            let pool = SqlitePoolOptions::new()
                .max_connections(4)
                .acquire_timeout(Duration::from_secs(60))
                .connect_with(opts)
                .await?;
            sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
            Store {
                db: Db::Sqlite(pool),
            }
        };
        Ok(store)
    }

    pub fn backend(&self) -> Backend {
        match self.db {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Cheap liveness check of the database (for `/readyz`).
    pub async fn ping(&self) -> Result<()> {
        dispatch!(self, q, p => q::ping(p).await)
    }

    pub async fn close(&self) {
        match &self.db {
            Db::Sqlite(p) => p.close().await,
            Db::Postgres(p) => p.close().await,
        }
    }

    /// Find or create the source for `location` (a canonical path or URL).
    pub async fn ensure_source(
        &self,
        name: &str,
        kind: Option<&str>,
        location: &str,
        now: i64,
    ) -> Result<SourceInfo> {
        dispatch!(self, q, p => q::ensure_source(p, name, kind, location, now).await)
    }

    /// Register a source to be polled by `hirekit serve`.
    pub async fn register_source(
        &self,
        name: &str,
        kind: Option<&str>,
        location: &str,
        interval_secs: i64,
        now: i64,
    ) -> Result<SourceInfo> {
        dispatch!(self, q, p => q::register_source(p, name, kind, location, interval_secs, now).await)
    }

    pub async fn list_sources(&self, registered_only: bool) -> Result<Vec<SourceInfo>> {
        dispatch!(self, q, p => q::list_sources(p, registered_only).await)
    }

    /// Remove a source by id, name or location, with its items. Postings it alone had are
    /// deleted; postings whose other sources all dropped them are closed.
    pub async fn remove_source(&self, key: &str, now: i64) -> Result<Option<SourceInfo>> {
        dispatch!(self, q, p => q::remove_source(p, key, now).await)
    }

    pub async fn record_source_status(&self, id: i64, status: &SourceStatus) -> Result<()> {
        dispatch!(self, q, p => q::record_source_status(p, id, status).await)
    }

    /// Start an ingest run; its id marks every item seen in it (for closing what vanished).
    pub async fn begin_run(&self, now: i64) -> Result<i64> {
        dispatch!(self, q, p => q::begin_run(p, now).await)
    }

    pub async fn finish_run(&self, run: i64, now: i64, summary_json: &str) -> Result<()> {
        dispatch!(self, q, p => q::finish_run(p, run, now, summary_json).await)
    }

    /// Insert or update a batch of items from one source, merging duplicates, in one transaction.
    pub async fn upsert_batch(
        &self,
        source_id: i64,
        run: i64,
        now: i64,
        items: &[Incoming],
    ) -> Result<BatchOutcome> {
        dispatch!(self, q, p => q::upsert_batch(p, source_id, run, now, items).await)
    }

    /// Close the items of a whole-board source that run `run` did not see; returns postings closed.
    pub async fn close_missing(&self, source_id: i64, run: i64, now: i64) -> Result<u64> {
        dispatch!(self, q, p => q::close_missing(p, source_id, run, now).await)
    }

    pub async fn get_posting(&self, id: i64) -> Result<Option<StoredPosting>> {
        dispatch!(self, q, p => q::get_posting(p, id).await)
    }

    /// Postings with id > `after`, in id order, at most `limit` (keyset pagination for export).
    pub async fn postings_after(
        &self,
        after: i64,
        limit: i64,
        include_closed: bool,
    ) -> Result<Vec<StoredPosting>> {
        dispatch!(self, q, p => q::postings_after(p, after, limit, include_closed).await)
    }

    /// Postings changed after the keyset `(seq, id)` in commit order, closed ones included:
    /// search nodes follow this feed to stay in step with the store.
    pub async fn changes_after(&self, seq: i64, id: i64, limit: i64) -> Result<Vec<StoredPosting>> {
        dispatch!(self, q, p => q::changes_after(p, seq, id, limit).await)
    }

    /// The highest change sequence committed so far (0 for an empty store).
    pub async fn last_change_seq(&self) -> Result<i64> {
        dispatch!(self, q, p => q::last_change_seq(p).await)
    }

    /// Ids of postings deleted (with their source) at change sequence `seq` or later.
    pub async fn deleted_since(&self, seq: i64) -> Result<Vec<i64>> {
        dispatch!(self, q, p => q::deleted_since(p, seq).await)
    }

    /// Source items with id > `after` (for renormalize).
    pub async fn items_after(&self, after: i64, limit: i64) -> Result<Vec<StoredItem>> {
        dispatch!(self, q, p => q::items_after(p, after, limit).await)
    }

    /// Replace the normalized fields of a posting (renormalize); bumps its change sequence.
    pub async fn update_postings(
        &self,
        updates: &[(i64, hirekit_model::Posting)],
        now: i64,
    ) -> Result<u64> {
        dispatch!(self, q, p => q::update_postings(p, updates, now).await)
    }

    /// Mark source `source_id`, and the posting holding its item `external_id`, as owned by
    /// organisation `org_id` (e.g. [`DEFAULT_ORG`] for a JD published from the builder).
    /// Returns that posting's id (None when the source has no such item).
    pub async fn assign_to_org(&self, org_id: i64, source_id: i64, external_id: &str) -> Result<Option<i64>> {
        dispatch!(self, q, p => q::assign_to_org(p, org_id, source_id, external_id).await)
    }

    pub async fn counts(&self) -> Result<Counts> {
        dispatch!(self, q, p => q::counts(p).await)
    }
}

/// Hide a password in a database URL before it reaches a log or an error.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.find(':') {
                Some(c) => format!("{}{}:***{}", &url[..s + 3], &creds[..c], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn redacts_passwords() {
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("postgres://h/db"), "postgres://h/db");
        assert_eq!(redact("/tmp/x.db"), "/tmp/x.db");
    }
}
