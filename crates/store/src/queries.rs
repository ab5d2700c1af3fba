// Included by backends.rs once per database (DB = Sqlite | Postgres). Keep SQL portable:
// `$N` placeholders work in both; where the dialects differ, branch on IS_PG.

use std::collections::HashMap;

use hirekit_model::{EmploymentType, Period, Posting, RemotePolicy, RoleFamily, Salary, Seniority, Track};
use sqlx::{AssertSqlSafe, Pool, QueryBuilder, Row};

use crate::{
    BatchOutcome, Counts, Incoming, PostingSource, Result, SourceInfo, SourceStatus, StoreError,
    StoredItem, StoredPosting,
};

type Conn = <DB as sqlx::Database>::Connection;
type DbRow = <DB as sqlx::Database>::Row;

/// Keep IN lists and multi-row VALUES well under SQLite's 32,766 bound parameters.
/// A power of two: see `in_list` and `runs`.
const CHUNK: usize = 512;

// Statement shapes. sqlx prepares and caches one statement per distinct SQL text, and the text
// of an IN list or a multi-row VALUES depends on its length. Lengths that vary batch after batch
// meant preparing a new big statement almost every time, and the per-connection cache filling
// with one-off statements of several MB each. So IN lists are padded to a power of two and
// multi-row writes are split into power-of-two runs: a handful of shapes serve every batch.

/// Push `(v1, v2, …)` for a non-empty IN list, padded to a power of two (at least 8) by
/// repeating the last value, which does not change the result.
fn in_list<T>(qb: &mut QueryBuilder<DB>, vals: &[T])
where
    T: Clone + for<'a> sqlx::Encode<'a, DB> + sqlx::Type<DB>,
{
    let padded = vals.len().next_power_of_two().max(8);
    qb.push("(");
    let mut sep = qb.separated(", ");
    for v in vals.iter().chain(std::iter::repeat_n(&vals[vals.len() - 1], padded - vals.len())) {
        sep.push_bind(v.clone());
    }
    qb.push(")");
}

/// Split `v` into runs of `max` (a power of two) rows, then power-of-two runs for the rest.
fn runs<T>(mut v: &[T], max: usize) -> impl Iterator<Item = &[T]> {
    std::iter::from_fn(move || {
        if v.is_empty() {
            return None;
        }
        let n = if v.len() >= max { max } else { 1 << v.len().ilog2() };
        let (head, tail) = v.split_at(n);
        v = tail;
        Some(head)
    })
}

const SOURCE_COLS: &str = "id, name, kind, location, registered, interval_secs, etag, last_modified, \
    last_polled_at, last_ok_at, last_status, last_error, consecutive_failures, created_at";

/// The normalized fields, in the order `push_fields` binds them (inserts and updates share it).
macro_rules! field_cols {
    () => {
        "fingerprint, title, company, role_family, seniority, track, remote, countries, regions, \
         locations, employment_type, salary_min, salary_max, salary_currency, salary_period, \
         salary_text, skills, description, url, apply_url, department, posted_at, valid_through"
    };
}
const FIELD_COLS: &str = field_cols!();
const POSTING_COLS: &str = concat!(
    "id, ",
    field_cols!(),
    ", first_seen, last_seen, closed_at, updated_at, change_seq, source_rank"
);

pub async fn ping(p: &Pool<DB>) -> Result<()> {
    sqlx::query("SELECT 1").execute(p).await?;
    Ok(())
}

fn source_from_row(r: &DbRow) -> Result<SourceInfo> {
    Ok(SourceInfo {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        kind: r.try_get("kind")?,
        location: r.try_get("location")?,
        registered: r.try_get::<i64, _>("registered")? != 0,
        interval_secs: r.try_get("interval_secs")?,
        etag: r.try_get("etag")?,
        last_modified: r.try_get("last_modified")?,
        last_polled_at: r.try_get("last_polled_at")?,
        last_ok_at: r.try_get("last_ok_at")?,
        last_status: r.try_get("last_status")?,
        last_error: r.try_get("last_error")?,
        consecutive_failures: r.try_get("consecutive_failures")?,
        created_at: r.try_get("created_at")?,
    })
}

async fn source_by_location(p: &Pool<DB>, location: &str) -> Result<Option<SourceInfo>> {
    let sql = format!("SELECT {SOURCE_COLS} FROM sources WHERE location = $1");
    let row = sqlx::query(AssertSqlSafe(sql)).bind(location).fetch_optional(p).await?;
    row.as_ref().map(source_from_row).transpose()
}

pub async fn ensure_source(p: &Pool<DB>, name: &str, kind: Option<&str>, location: &str, now: i64) -> Result<SourceInfo> {
    if let Some(s) = source_by_location(p, location).await? {
        if s.kind.is_none() && kind.is_some() {
            sqlx::query("UPDATE sources SET kind = $1 WHERE id = $2").bind(kind).bind(s.id).execute(p).await?;
            return Ok(SourceInfo { kind: kind.map(str::to_string), ..s });
        }
        return Ok(s);
    }
    sqlx::query(
        "INSERT INTO sources (name, kind, location, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (location) DO NOTHING",
    )
    .bind(name)
    .bind(kind)
    .bind(location)
    .bind(now)
    .execute(p)
    .await?;
    source_by_location(p, location)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("source {location} vanished while being created")))
}

pub async fn register_source(
    p: &Pool<DB>,
    name: &str,
    kind: Option<&str>,
    location: &str,
    interval_secs: i64,
    now: i64,
) -> Result<SourceInfo> {
    let s = ensure_source(p, name, kind, location, now).await?;
    sqlx::query("UPDATE sources SET registered = 1, interval_secs = $1, name = $2, kind = COALESCE($3, kind) WHERE id = $4")
        .bind(interval_secs)
        .bind(name)
        .bind(kind)
        .bind(s.id)
        .execute(p)
        .await?;
    source_by_location(p, location)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("source {location}")))
}

pub async fn list_sources(p: &Pool<DB>, registered_only: bool) -> Result<Vec<SourceInfo>> {
    let filter = if registered_only { "WHERE registered = 1" } else { "" };
    let sql = format!("SELECT {SOURCE_COLS} FROM sources {filter} ORDER BY id");
    let rows = sqlx::query(AssertSqlSafe(sql)).fetch_all(p).await?;
    rows.iter().map(source_from_row).collect()
}

pub async fn remove_source(p: &Pool<DB>, key: &str, now: i64) -> Result<Option<SourceInfo>> {
    let sql = format!("SELECT {SOURCE_COLS} FROM sources WHERE location = $1 OR name = $1 OR CAST(id AS TEXT) = $1 ORDER BY id");
    let rows = sqlx::query(AssertSqlSafe(sql)).bind(key).fetch_all(p).await?;
    let Some(src) = rows.first().map(source_from_row).transpose()? else {
        return Ok(None);
    };
    let mut tx = if IS_PG { p.begin().await? } else { p.begin_with("BEGIN IMMEDIATE").await? };
    // The sequence first: every writer takes it before touching postings (one lock order).
    let seq = take(&mut tx, "change_seq", 1).await?;
    sqlx::query(
        "INSERT INTO posting_tombstones (posting_id, change_seq) SELECT id, $2 FROM postings \
         WHERE id IN (SELECT posting_id FROM posting_sources WHERE source_id = $1) \
         AND NOT EXISTS (SELECT 1 FROM posting_sources ps WHERE ps.posting_id = postings.id AND ps.source_id <> $1)",
    )
    .bind(src.id)
    .bind(seq)
    .execute(&mut *tx)
    .await?;
    // Postings seen only on this source go with it; merged ones keep their other sources.
    sqlx::query(
        "DELETE FROM postings WHERE id IN (SELECT posting_id FROM posting_sources WHERE source_id = $1) \
         AND NOT EXISTS (SELECT 1 FROM posting_sources ps WHERE ps.posting_id = postings.id AND ps.source_id <> $1)",
    )
    .bind(src.id)
    .execute(&mut *tx)
    .await?;
    let affected: Vec<i64> = sqlx::query_scalar("SELECT DISTINCT posting_id FROM posting_sources WHERE source_id = $1")
        .bind(src.id)
        .fetch_all(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM posting_sources WHERE source_id = $1").bind(src.id).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM sources WHERE id = $1").bind(src.id).execute(&mut *tx).await?;
    // What is left listed only on closed items is closed too.
    for chunk in affected.chunks(CHUNK) {
        let mut qb = QueryBuilder::<DB>::new("UPDATE postings SET closed_at = ");
        qb.push_bind(now).push(", updated_at = ").push_bind(now).push(", change_seq = ").push_bind(seq);
        qb.push(" WHERE closed_at IS NULL AND NOT EXISTS (SELECT 1 FROM posting_sources ps WHERE ps.posting_id = postings.id AND ps.closed_at IS NULL) AND id IN (");
        let mut sep = qb.separated(", ");
        for id in chunk {
            sep.push_bind(*id);
        }
        qb.push(")");
        qb.build().execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(Some(src))
}

pub async fn record_source_status(p: &Pool<DB>, id: i64, st: &SourceStatus) -> Result<()> {
    let failed = st.status == "failed";
    sqlx::query(
        "UPDATE sources SET last_polled_at = $1, last_status = $2, last_error = $3, \
         etag = COALESCE($4, etag), last_modified = COALESCE($5, last_modified), \
         last_ok_at = CASE WHEN $6 = 0 THEN $1 ELSE last_ok_at END, \
         consecutive_failures = CASE WHEN $6 = 0 THEN 0 ELSE consecutive_failures + 1 END \
         WHERE id = $7",
    )
    .bind(st.polled_at)
    .bind(&st.status)
    .bind(&st.error)
    .bind(&st.etag)
    .bind(&st.last_modified)
    .bind(i64::from(failed))
    .bind(id)
    .execute(p)
    .await?;
    Ok(())
}

/// Take `n` values from a counter; returns the last one (the block is `last-n+1 ..= last`).
/// The counter row stays locked until commit, so change sequences are handed out in commit order.
async fn take(conn: &mut Conn, name: &str, n: i64) -> Result<i64> {
    let v: i64 = sqlx::query_scalar("UPDATE counters SET value = value + $1 WHERE name = $2 RETURNING value")
        .bind(n)
        .bind(name)
        .fetch_one(conn)
        .await?;
    Ok(v)
}

pub async fn begin_run(p: &Pool<DB>, now: i64) -> Result<i64> {
    let mut tx = p.begin().await?;
    let id = take(&mut tx, "ingest_run", 1).await?;
    sqlx::query("INSERT INTO ingest_runs (id, started_at) VALUES ($1, $2)")
        .bind(id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn finish_run(p: &Pool<DB>, run: i64, now: i64, summary: &str) -> Result<()> {
    sqlx::query("UPDATE ingest_runs SET finished_at = $1, summary = $2 WHERE id = $3")
        .bind(now)
        .bind(summary)
        .bind(run)
        .execute(p)
        .await?;
    Ok(())
}

fn json_list(v: &[String]) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

/// The defining-copy rank of each posting in `ids`.
async fn posting_ranks(conn: &mut Conn, ids: impl Iterator<Item = i64>) -> Result<HashMap<i64, i64>> {
    let mut ids: Vec<i64> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    let mut out = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(CHUNK) {
        let mut qb = QueryBuilder::<DB>::new("SELECT id, source_rank FROM postings WHERE id IN ");
        in_list(&mut qb, chunk);
        let rows: Vec<(i64, i64)> = qb.build_query_as().fetch_all(&mut *conn).await?;
        out.extend(rows);
    }
    Ok(out)
}

/// What became of each item of a batch.
enum Plan {
    /// Same source item, same content: only bookkeeping.
    Unchanged { item_row: i64, posting_id: i64 },
    /// Same source item, new content (or seen again after being closed); `defines`: this copy
    /// ranks at least as high as the one that defines the posting, so its fields win.
    Updated { item_row: i64, posting_id: i64, defines: bool },
    /// A new item that joins an existing posting; `better`: it outranks the copy that defines it.
    Merge { posting_id: i64, reason: String, better: bool },
    /// A new posting.
    New { posting_id: i64 },
}

pub async fn upsert_batch(p: &Pool<DB>, source_id: i64, run: i64, now: i64, items: &[Incoming]) -> Result<BatchOutcome> {
    let mut out = BatchOutcome::default();
    if items.is_empty() {
        return Ok(out);
    }
    let mut tx = if IS_PG { p.begin().await? } else { p.begin_with("BEGIN IMMEDIATE").await? };

    // 1. Items this source already has.
    // external id → (item row, posting id, content hash, item closed_at, posting's defining rank)
    let mut known: HashMap<String, (i64, i64, String, Option<i64>, i64)> = HashMap::new();
    for chunk in items.chunks(CHUNK) {
        let mut qb = QueryBuilder::<DB>::new(
            "SELECT external_id, id, posting_id, content_hash, closed_at FROM posting_sources WHERE source_id = ",
        );
        qb.push_bind(source_id).push(" AND external_id IN ");
        let ids: Vec<&str> = chunk.iter().map(|it| it.external_id.as_str()).collect();
        in_list(&mut qb, &ids);
        for r in qb.build().fetch_all(&mut *tx).await? {
            known.insert(
                r.try_get("external_id")?,
                (r.try_get("id")?, r.try_get("posting_id")?, r.try_get("content_hash")?, r.try_get("closed_at")?, 0),
            );
        }
    }
    // Separate lookups, not a JOIN: PostgreSQL's cached generic plan for the JOIN scanned the
    // whole postings table (hundreds of ms per batch).
    let ranks = posting_ranks(&mut tx, known.values().map(|k| k.1)).await?;
    for k in known.values_mut() {
        k.4 = ranks.get(&k.1).copied().unwrap_or(0);
    }

    // 2. For new items: open postings with the same fingerprint or the same URL (any source).
    let fresh: Vec<&Incoming> = items.iter().filter(|it| !known.contains_key(&it.external_id)).collect();
    // posting id and the rank of the copy that defines it
    let mut by_fp: HashMap<String, (i64, i64)> = HashMap::new();
    let mut by_url: HashMap<String, (i64, i64)> = HashMap::new();
    for chunk in fresh.chunks(CHUNK) {
        let mut qb = QueryBuilder::<DB>::new("SELECT fingerprint, id, source_rank FROM postings WHERE closed_at IS NULL AND fingerprint IN ");
        let fps: Vec<&str> = chunk.iter().map(|it| it.fingerprint.as_str()).collect();
        in_list(&mut qb, &fps);
        for r in qb.build().fetch_all(&mut *tx).await? {
            by_fp.entry(r.try_get("fingerprint")?).or_insert((r.try_get("id")?, r.try_get("source_rank")?));
        }
        let urls: Vec<&str> = chunk.iter().flat_map(|it| it.apply_url.iter().chain(it.url.iter())).map(String::as_str).collect();
        for urls in urls.chunks(CHUNK) {
            let mut qb = QueryBuilder::<DB>::new(
                "SELECT url, posting_id FROM posting_sources WHERE closed_at IS NULL AND source_id <> ",
            );
            qb.push_bind(source_id).push(" AND url IN ");
            in_list(&mut qb, urls);
            let found: Vec<(String, i64)> = qb.build_query_as().fetch_all(&mut *tx).await?;
            let ranks = posting_ranks(&mut tx, found.iter().map(|f| f.1)).await?;
            for (url, pid) in found {
                by_url.entry(url).or_insert((pid, ranks.get(&pid).copied().unwrap_or(0)));
            }
        }
    }

    // 3. Decide, allocating ids for new postings (items repeated within the batch count once).
    let n_new_max = fresh.len() as i64;
    let mut next_id = if n_new_max > 0 { take(&mut tx, "posting_id", n_new_max).await? - n_new_max + 1 } else { 0 };
    let seq = take(&mut tx, "change_seq", 1).await?;
    let mut plans: Vec<Plan> = Vec::with_capacity(items.len());
    let mut seen_in_batch: HashMap<&str, usize> = HashMap::new();
    for it in items {
        if let Some(&first) = seen_in_batch.get(it.external_id.as_str()) {
            // The same item twice in one input: the later copy is a no-op.
            plans.push(match &plans[first] {
                Plan::Unchanged { item_row, posting_id } | Plan::Updated { item_row, posting_id, .. } => {
                    Plan::Unchanged { item_row: *item_row, posting_id: *posting_id }
                }
                Plan::Merge { posting_id, .. } | Plan::New { posting_id } => {
                    Plan::Unchanged { item_row: -1, posting_id: *posting_id }
                }
            });
            continue;
        }
        seen_in_batch.insert(it.external_id.as_str(), plans.len());
        let plan = if let Some((row, pid, hash, closed, rank)) = known.get(&it.external_id) {
            if *hash == it.content_hash && closed.is_none() {
                Plan::Unchanged { item_row: *row, posting_id: *pid }
            } else {
                Plan::Updated { item_row: *row, posting_id: *pid, defines: it.rank >= *rank }
            }
        } else if let Some(&(pid, rank)) = by_fp.get(&it.fingerprint) {
            Plan::Merge { posting_id: pid, reason: "same company, title and location".into(), better: it.rank > rank }
        } else if let Some((pid, rank)) = it.apply_url.iter().chain(it.url.iter()).find_map(|u| by_url.get(u).copied()) {
            Plan::Merge { posting_id: pid, reason: "same job URL".into(), better: it.rank > rank }
        } else {
            let pid = next_id;
            next_id += 1;
            by_fp.insert(it.fingerprint.clone(), (pid, it.rank));
            for u in it.apply_url.iter().chain(it.url.iter()) {
                by_url.entry(u.clone()).or_insert((pid, it.rank));
            }
            Plan::New { posting_id: pid }
        };
        plans.push(plan);
    }

    // 4. Write.
    let mut new_postings: Vec<(i64, &Incoming)> = Vec::new();
    let mut new_items: Vec<(i64, &Incoming, Option<&str>)> = Vec::new();
    let mut touched_items: Vec<i64> = Vec::new();
    let mut touched_postings: Vec<i64> = Vec::new();
    let mut fills: Vec<(i64, &Posting)> = Vec::new();
    for (it, plan) in items.iter().zip(&plans) {
        match plan {
            Plan::Unchanged { item_row, posting_id } => {
                if *item_row >= 0 {
                    touched_items.push(*item_row);
                }
                touched_postings.push(*posting_id);
                out.unchanged += 1;
            }
            Plan::Updated { item_row, posting_id, defines } => {
                update_item(&mut tx, *item_row, it, run, now).await?;
                if *defines {
                    write_posting_fields(&mut tx, *posting_id, &it.posting, &it.fingerprint, now, seq).await?;
                }
                // Seen again: a posting closed earlier is open again.
                sqlx::query("UPDATE postings SET closed_at = NULL WHERE id = $1").bind(*posting_id).execute(&mut *tx).await?;
                touched_postings.push(*posting_id);
                out.updated += 1;
            }
            Plan::Merge { posting_id, reason, better } => {
                new_items.push((*posting_id, it, Some(reason.as_str())));
                touched_postings.push(*posting_id);
                if *better {
                    // The employer's own copy now defines the posting (and its apply link).
                    write_posting_fields(&mut tx, *posting_id, &it.posting, &it.fingerprint, now, seq).await?;
                    sqlx::query("UPDATE postings SET source_rank = $1 WHERE id = $2")
                        .bind(it.rank)
                        .bind(*posting_id)
                        .execute(&mut *tx)
                        .await?;
                } else {
                    fills.push((*posting_id, &it.posting));
                }
                out.merged += 1;
            }
            Plan::New { posting_id } => {
                new_postings.push((*posting_id, it));
                new_items.push((*posting_id, it, None));
                out.new += 1;
            }
        }
    }
    fills.sort_by_key(|f| f.0);
    fills.dedup_by_key(|f| f.0);
    for chunk in runs(&fills, 32) {
        fill_gaps(&mut tx, chunk, now, seq).await?;
    }
    for chunk in runs(&new_postings, 256) {
        insert_postings(&mut tx, chunk, now, seq).await?;
    }
    for chunk in runs(&new_items, 512) {
        insert_items(&mut tx, source_id, chunk, run, now).await?;
    }
    for chunk in touched_items.chunks(CHUNK) {
        let mut qb = QueryBuilder::<DB>::new("UPDATE posting_sources SET last_seen = ");
        qb.push_bind(now).push(", last_run = ").push_bind(run).push(" WHERE id IN ");
        in_list(&mut qb, chunk);
        qb.build().execute(&mut *tx).await?;
    }
    touched_postings.sort_unstable();
    touched_postings.dedup();
    for chunk in touched_postings.chunks(CHUNK) {
        let mut qb = QueryBuilder::<DB>::new("UPDATE postings SET last_seen = ");
        qb.push_bind(now).push(" WHERE id IN ");
        in_list(&mut qb, chunk);
        qb.build().execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(out)
}

/// Bind a posting's normalized fields, separated, in `FIELD_COLS` order.
fn push_fields<Sep: std::fmt::Display>(b: &mut sqlx::query_builder::Separated<'_, DB, Sep>, fingerprint: &str, p: &Posting) {
    let s = p.salary.as_ref();
    b.push_bind(fingerprint.to_string())
        .push_bind(p.title.clone())
        .push_bind(p.company.clone())
        .push_bind(p.role_family.as_str())
        .push_bind(p.seniority.map(Seniority::as_str))
        .push_bind(p.track.as_str())
        .push_bind(p.remote.map(RemotePolicy::as_str))
        .push_bind(json_list(&p.countries))
        .push_bind(json_list(&p.regions))
        .push_bind(json_list(&p.locations))
        .push_bind(p.employment_type.map(EmploymentType::as_str))
        .push_bind(s.and_then(|s| s.min))
        .push_bind(s.and_then(|s| s.max))
        .push_bind(s.and_then(|s| s.currency.clone()))
        .push_bind(s.and_then(|s| s.period).map(Period::as_str))
        .push_bind(p.salary_text.clone())
        .push_bind(json_list(&p.skills))
        .push_bind(p.description.clone())
        .push_bind(p.url.clone())
        .push_bind(p.apply_url.clone())
        .push_bind(p.department.clone())
        .push_bind(p.posted_at.map(|t| t.timestamp()))
        .push_bind(p.valid_through.map(|t| t.timestamp()));
}

async fn insert_postings(conn: &mut Conn, rows: &[(i64, &Incoming)], now: i64, seq: i64) -> Result<()> {
    let mut qb = QueryBuilder::<DB>::new(format!("INSERT INTO postings ({POSTING_COLS}) "));
    qb.push_values(rows, |mut b, (id, it)| {
        b.push_bind(*id);
        push_fields(&mut b, &it.fingerprint, &it.posting);
        b.push_bind(now)
            .push_bind(now)
            .push_bind(None::<i64>)
            .push_bind(now)
            .push_bind(seq)
            .push_bind(it.rank);
    });
    qb.build().execute(conn).await?;
    Ok(())
}

async fn insert_items(conn: &mut Conn, source_id: i64, rows: &[(i64, &Incoming, Option<&str>)], run: i64, now: i64) -> Result<()> {
    let mut qb = QueryBuilder::<DB>::new(
        "INSERT INTO posting_sources (posting_id, source_id, external_id, url, apply_url, content_hash, raw, \
         merge_reason, first_seen, last_seen, last_run) ",
    );
    qb.push_values(rows, |mut b, (pid, it, reason)| {
        b.push_bind(*pid)
            .push_bind(source_id)
            .push_bind(it.external_id.clone())
            .push_bind(it.url.clone())
            .push_bind(it.apply_url.clone())
            .push_bind(it.content_hash.clone())
            .push_bind(it.raw.clone())
            .push_bind(reason.map(str::to_string))
            .push_bind(now)
            .push_bind(now)
            .push_bind(run);
    });
    qb.build().execute(conn).await?;
    Ok(())
}

async fn update_item(conn: &mut Conn, row: i64, it: &Incoming, run: i64, now: i64) -> Result<()> {
    sqlx::query(
        "UPDATE posting_sources SET content_hash = $1, raw = $2, url = $3, apply_url = $4, last_seen = $5, \
         last_run = $6, closed_at = NULL WHERE id = $7",
    )
    .bind(&it.content_hash)
    .bind(&it.raw)
    .bind(&it.url)
    .bind(&it.apply_url)
    .bind(now)
    .bind(run)
    .bind(row)
    .execute(conn)
    .await?;
    Ok(())
}

/// Overwrite a posting's normalized fields (row-value SET works in SQLite and PostgreSQL).
async fn write_posting_fields(conn: &mut Conn, id: i64, p: &Posting, fingerprint: &str, now: i64, seq: i64) -> Result<()> {
    let mut qb = QueryBuilder::<DB>::new(format!("UPDATE postings SET ({FIELD_COLS}) = ("));
    push_fields(&mut qb.separated(", "), fingerprint, p);
    qb.push("), updated_at = ").push_bind(now);
    qb.push(", change_seq = ").push_bind(seq);
    qb.push(" WHERE id = ").push_bind(id);
    qb.build().execute(conn).await?;
    Ok(())
}

/// Merged duplicates may know what the first copy did not (pay, employment type, apply link).
/// One statement for many postings: per-row round trips dominated merge-heavy batches.
async fn fill_gaps(conn: &mut Conn, rows: &[(i64, &Posting)], now: i64, seq: i64) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut qb = QueryBuilder::<DB>::new("WITH v (id, smin, smax, scur, sper, emp, apply, remote, sen) AS (");
    qb.push_values(rows, |mut b, (id, p)| {
        let s = p.salary.as_ref();
        b.push("CAST(")
            .push_bind_unseparated(*id)
            .push_unseparated(" AS BIGINT)")
            .push("CAST(")
            .push_bind_unseparated(s.and_then(|s| s.min))
            .push_unseparated(" AS DOUBLE PRECISION)")
            .push("CAST(")
            .push_bind_unseparated(s.and_then(|s| s.max))
            .push_unseparated(" AS DOUBLE PRECISION)")
            .push("CAST(")
            .push_bind_unseparated(s.and_then(|s| s.currency.clone()))
            .push_unseparated(" AS TEXT)")
            .push("CAST(")
            .push_bind_unseparated(s.and_then(|s| s.period).map(Period::as_str))
            .push_unseparated(" AS TEXT)")
            .push("CAST(")
            .push_bind_unseparated(p.employment_type.map(EmploymentType::as_str))
            .push_unseparated(" AS TEXT)")
            .push("CAST(")
            .push_bind_unseparated(p.apply_url.clone())
            .push_unseparated(" AS TEXT)")
            .push("CAST(")
            .push_bind_unseparated(p.remote.map(RemotePolicy::as_str))
            .push_unseparated(" AS TEXT)")
            .push("CAST(")
            .push_bind_unseparated(p.seniority.map(Seniority::as_str))
            .push_unseparated(" AS TEXT)");
    });
    let no_pay = "postings.salary_min IS NULL AND postings.salary_max IS NULL";
    qb.push(format!(
        ") UPDATE postings SET \
         salary_min = CASE WHEN {no_pay} THEN v.smin ELSE postings.salary_min END, \
         salary_max = CASE WHEN {no_pay} THEN v.smax ELSE postings.salary_max END, \
         salary_currency = CASE WHEN {no_pay} THEN v.scur ELSE postings.salary_currency END, \
         salary_period = CASE WHEN {no_pay} THEN v.sper ELSE postings.salary_period END, \
         employment_type = COALESCE(postings.employment_type, v.emp), \
         apply_url = COALESCE(postings.apply_url, v.apply), \
         remote = COALESCE(postings.remote, v.remote), \
         seniority = COALESCE(postings.seniority, v.sen), updated_at = "
    ));
    qb.push_bind(now).push(", change_seq = ").push_bind(seq).push(" FROM v WHERE postings.id = v.id");
    qb.build().execute(conn).await?;
    Ok(())
}

pub async fn close_missing(p: &Pool<DB>, source_id: i64, run: i64, now: i64) -> Result<u64> {
    let mut tx = if IS_PG { p.begin().await? } else { p.begin_with("BEGIN IMMEDIATE").await? };
    let gone = sqlx::query(
        "UPDATE posting_sources SET closed_at = $1 WHERE source_id = $2 AND closed_at IS NULL AND last_run <> $3",
    )
    .bind(now)
    .bind(source_id)
    .bind(run)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let mut closed = 0;
    if gone > 0 {
        let seq = take(&mut tx, "change_seq", 1).await?;
        // A posting closes when none of its sources still lists it.
        closed = sqlx::query(
            "UPDATE postings SET closed_at = $1, updated_at = $1, change_seq = $2 WHERE closed_at IS NULL \
             AND id IN (SELECT posting_id FROM posting_sources WHERE source_id = $3 AND closed_at = $1) \
             AND NOT EXISTS (SELECT 1 FROM posting_sources ps WHERE ps.posting_id = postings.id AND ps.closed_at IS NULL)",
        )
        .bind(now)
        .bind(seq)
        .bind(source_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    }
    tx.commit().await?;
    Ok(closed)
}

fn parse_list(s: &str, what: &'static str) -> Result<Vec<String>> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt { what, reason: e.to_string() })
}

fn ts(v: Option<i64>) -> Option<chrono::DateTime<chrono::Utc>> {
    v.and_then(|t| chrono::DateTime::from_timestamp(t, 0))
}

fn posting_from_row(r: &DbRow) -> Result<StoredPosting> {
    let rf: String = r.try_get("role_family")?;
    let track: String = r.try_get("track")?;
    let min: Option<f64> = r.try_get("salary_min")?;
    let max: Option<f64> = r.try_get("salary_max")?;
    let currency: Option<String> = r.try_get("salary_currency")?;
    let period: Option<String> = r.try_get("salary_period")?;
    let salary = (min.is_some() || max.is_some()).then(|| Salary {
        min,
        max,
        currency,
        period: period.as_deref().and_then(Period::parse),
    });
    let posting = Posting {
        title: r.try_get("title")?,
        company: r.try_get("company")?,
        role_family: RoleFamily::parse(&rf).unwrap_or(RoleFamily::Other),
        seniority: r.try_get::<Option<String>, _>("seniority")?.as_deref().and_then(Seniority::parse),
        track: Track::parse(&track).unwrap_or(Track::Ic),
        remote: r.try_get::<Option<String>, _>("remote")?.as_deref().and_then(RemotePolicy::parse),
        countries: parse_list(r.try_get("countries")?, "postings.countries")?,
        regions: parse_list(r.try_get("regions")?, "postings.regions")?,
        locations: parse_list(r.try_get("locations")?, "postings.locations")?,
        employment_type: r
            .try_get::<Option<String>, _>("employment_type")?
            .as_deref()
            .and_then(EmploymentType::parse),
        salary,
        salary_text: r.try_get("salary_text")?,
        skills: parse_list(r.try_get("skills")?, "postings.skills")?,
        description: r.try_get("description")?,
        url: r.try_get("url")?,
        apply_url: r.try_get("apply_url")?,
        posted_at: ts(r.try_get("posted_at")?),
        valid_through: ts(r.try_get("valid_through")?),
        department: r.try_get("department")?,
    };
    Ok(StoredPosting {
        id: r.try_get("id")?,
        fingerprint: r.try_get("fingerprint")?,
        posting,
        first_seen: r.try_get("first_seen")?,
        last_seen: r.try_get("last_seen")?,
        closed_at: r.try_get("closed_at")?,
        updated_at: r.try_get("updated_at")?,
        change_seq: r.try_get("change_seq")?,
        sources: Vec::new(),
    })
}

async fn attach_sources(p: &Pool<DB>, postings: &mut [StoredPosting]) -> Result<()> {
    if postings.is_empty() {
        return Ok(());
    }
    let index: HashMap<i64, usize> = postings.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    for chunk in postings.iter().map(|p| p.id).collect::<Vec<_>>().chunks(CHUNK) {
        let mut qb = QueryBuilder::<DB>::new(
            "SELECT ps.posting_id, ps.source_id, s.name, s.kind, ps.external_id, ps.url, ps.apply_url, ps.merge_reason, \
             ps.first_seen, ps.last_seen, ps.closed_at FROM posting_sources ps JOIN sources s ON s.id = ps.source_id \
             WHERE ps.posting_id IN (",
        );
        let mut sep = qb.separated(", ");
        for id in chunk {
            sep.push_bind(*id);
        }
        qb.push(") ORDER BY ps.id");
        for r in qb.build().fetch_all(p).await? {
            let pid: i64 = r.try_get("posting_id")?;
            if let Some(&i) = index.get(&pid) {
                postings[i].sources.push(PostingSource {
                    source_id: r.try_get("source_id")?,
                    source: r.try_get("name")?,
                    kind: r.try_get("kind")?,
                    external_id: r.try_get("external_id")?,
                    url: r.try_get("url")?,
                    apply_url: r.try_get("apply_url")?,
                    merge_reason: r.try_get("merge_reason")?,
                    first_seen: r.try_get("first_seen")?,
                    last_seen: r.try_get("last_seen")?,
                    closed_at: r.try_get("closed_at")?,
                });
            }
        }
    }
    Ok(())
}

pub async fn get_posting(p: &Pool<DB>, id: i64) -> Result<Option<StoredPosting>> {
    let sql = format!("SELECT {POSTING_COLS} FROM postings WHERE id = $1");
    let Some(row) = sqlx::query(AssertSqlSafe(sql)).bind(id).fetch_optional(p).await? else {
        return Ok(None);
    };
    let mut v = vec![posting_from_row(&row)?];
    attach_sources(p, &mut v).await?;
    Ok(v.pop())
}

pub async fn postings_after(p: &Pool<DB>, after: i64, limit: i64, include_closed: bool) -> Result<Vec<StoredPosting>> {
    let open = if include_closed { "" } else { "AND closed_at IS NULL" };
    let sql = format!("SELECT {POSTING_COLS} FROM postings WHERE id > $1 {open} ORDER BY id LIMIT $2");
    let rows = sqlx::query(AssertSqlSafe(sql)).bind(after).bind(limit).fetch_all(p).await?;
    let mut v = rows.iter().map(posting_from_row).collect::<Result<Vec<_>>>()?;
    attach_sources(p, &mut v).await?;
    Ok(v)
}

/// Postings changed after the keyset `(seq, id)`, closed ones included, in commit order.
pub async fn changes_after(p: &Pool<DB>, seq: i64, id: i64, limit: i64) -> Result<Vec<StoredPosting>> {
    let sql = format!(
        "SELECT {POSTING_COLS} FROM postings WHERE change_seq > $1 OR (change_seq = $1 AND id > $2) \
         ORDER BY change_seq, id LIMIT $3"
    );
    let rows = sqlx::query(AssertSqlSafe(sql)).bind(seq).bind(id).bind(limit).fetch_all(p).await?;
    let mut v = rows.iter().map(posting_from_row).collect::<Result<Vec<_>>>()?;
    attach_sources(p, &mut v).await?;
    Ok(v)
}

/// The highest change sequence committed so far.
pub async fn last_change_seq(p: &Pool<DB>) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT value FROM counters WHERE name = 'change_seq'").fetch_one(p).await?)
}

/// Ids of postings deleted at change sequence `seq` or later.
pub async fn deleted_since(p: &Pool<DB>, seq: i64) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar("SELECT posting_id FROM posting_tombstones WHERE change_seq >= $1 ORDER BY posting_id")
        .bind(seq)
        .fetch_all(p)
        .await?)
}

pub async fn items_after(p: &Pool<DB>, after: i64, limit: i64) -> Result<Vec<StoredItem>> {
    let rows = sqlx::query(
        "SELECT ps.id, ps.posting_id, s.kind, s.name, s.location, ps.raw FROM posting_sources ps \
         JOIN sources s ON s.id = ps.source_id WHERE ps.id > $1 ORDER BY ps.id LIMIT $2",
    )
    .bind(after)
    .bind(limit)
    .fetch_all(p)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(StoredItem {
                id: r.try_get("id")?,
                posting_id: r.try_get("posting_id")?,
                source_kind: r.try_get("kind")?,
                source_name: r.try_get("name")?,
                source_location: r.try_get("location")?,
                raw: r.try_get("raw")?,
            })
        })
        .collect()
}

pub async fn update_postings(p: &Pool<DB>, updates: &[(i64, Posting)], now: i64) -> Result<u64> {
    if updates.is_empty() {
        return Ok(0);
    }
    let mut tx = if IS_PG { p.begin().await? } else { p.begin_with("BEGIN IMMEDIATE").await? };
    let seq = take(&mut tx, "change_seq", 1).await?;
    let mut n = 0;
    for (id, posting) in updates {
        let fp: Option<String> = sqlx::query_scalar("SELECT fingerprint FROM postings WHERE id = $1")
            .bind(*id)
            .fetch_optional(&mut *tx)
            .await?;
        if let Some(fp) = fp {
            write_posting_fields(&mut tx, *id, posting, &fp, now, seq).await?;
            n += 1;
        }
    }
    tx.commit().await?;
    Ok(n)
}

pub async fn counts(p: &Pool<DB>) -> Result<Counts> {
    let postings: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM postings").fetch_one(p).await?;
    let open_postings: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM postings WHERE closed_at IS NULL").fetch_one(p).await?;
    let items: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM posting_sources").fetch_one(p).await?;
    let sources: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sources").fetch_one(p).await?;
    Ok(Counts { postings, open_postings, items, sources })
}

#[cfg(test)]
mod shape_tests {
    use super::runs;

    #[test]
    fn runs_cover_the_input_in_power_of_two_pieces() {
        for n in [0usize, 1, 2, 3, 7, 31, 32, 33, 100, 255, 256, 257, 1000, 4001] {
            let v: Vec<usize> = (0..n).collect();
            let pieces: Vec<&[usize]> = runs(&v, 256).collect();
            assert_eq!(pieces.concat(), v, "n = {n}");
            assert!(pieces.iter().all(|p| p.len().is_power_of_two() && p.len() <= 256), "n = {n}");
            // At most one piece of each size below the maximum: few distinct statements.
            let small: Vec<usize> = pieces.iter().map(|p| p.len()).filter(|&l| l < 256).collect();
            let mut dedup = small.clone();
            dedup.dedup();
            assert_eq!(small, dedup, "n = {n}");
        }
    }
}

/// Mark a source, and the posting its item `external_id` belongs to, as owned by `org_id`.
pub async fn assign_to_org(p: &Pool<DB>, org_id: i64, source_id: i64, external_id: &str) -> Result<Option<i64>> {
    let mut tx = p.begin().await?;
    sqlx::query("UPDATE sources SET org_id = $1 WHERE id = $2").bind(org_id).bind(source_id).execute(&mut *tx).await?;
    let posting: Option<i64> = sqlx::query_scalar("SELECT posting_id FROM posting_sources WHERE source_id = $1 AND external_id = $2")
        .bind(source_id)
        .bind(external_id)
        .fetch_optional(&mut *tx)
        .await?;
    if let Some(id) = posting {
        sqlx::query("UPDATE postings SET org_id = $1 WHERE id = $2").bind(org_id).bind(id).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(posting)
}
