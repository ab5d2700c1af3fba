//! The PostgreSQL full-text-search baseline, built the way the bench README describes
//! PostgreSQL 15 FTS was measured: a weighted `tsvector` (title A, company B, description C)
//! with a GIN index, btree indexes for the filters, `websearch_to_tsquery('english', q)` (all
//! words required), `ORDER BY ts_rank_cd(…) DESC LIMIT 20`, and facet counts with GROUP BY over
//! the whole match — all in one statement, one round trip per query.
//!
//! The table is `searchbench_jobs` in the database the URL names; [`load`] drops and recreates it.

use std::path::Path;
use std::sync::mpsc;
use std::time::Instant;

use anyhow::Context as _;
use serde::Serialize;
use std::str::FromStr;

use sqlx::postgres::PgConnectOptions;
use sqlx::{AssertSqlSafe, ConnectOptions, Connection, PgConnection, Row};

use crate::corpus::{for_each_doc, CorpusDoc};
use crate::engine::{Engine, EngineResult, Facets};
use crate::query::Query;

pub const TABLE: &str = "searchbench_jobs";

/// Which salary bound `salary_min_gte` compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub enum SalaryRule {
    /// The bench README's rule: the posting's annual minimum (minValue) ≥ X. Default.
    #[default]
    MinGte,
    /// Ranges that reach X: the annual maximum ≥ X (issue 3's "ranges overlap" for a lower bound).
    Overlap,
}

impl SalaryRule {
    pub fn column(self) -> &'static str {
        match self {
            SalaryRule::MinGte => "salary_min_usd",
            SalaryRule::Overlap => "salary_max_usd",
        }
    }
    pub fn parse(s: &str) -> Option<SalaryRule> {
        match s {
            "min-gte" => Some(SalaryRule::MinGte),
            "overlap" => Some(SalaryRule::Overlap),
            _ => None,
        }
    }
}

/// Load and index timing and on-disk size.
#[derive(Debug, Clone, Serialize)]
pub struct LoadStats {
    pub rows: u64,
    pub skipped_lines: u64,
    /// COPY, with reading + parsing + normalizing the JSONL overlapped on another thread, and
    /// the generated tsvector column computed by PostgreSQL during the COPY.
    pub copy_s: f64,
    /// Primary key, GIN and btree indexes, then ANALYZE.
    pub index_s: f64,
    pub total_s: f64,
    /// pg_table_size (heap + TOAST) and pg_indexes_size.
    pub table_bytes: i64,
    pub index_bytes: i64,
}

impl LoadStats {
    pub fn rows_per_s(&self) -> f64 {
        self.rows as f64 / self.total_s.max(1e-9)
    }
    pub fn total_bytes(&self) -> i64 {
        self.table_bytes + self.index_bytes
    }
}

/// Connect without sqlx's statement logging: a baseline query over 1 s is expected here and
/// would otherwise print a warning each time.
async fn connect(url: &str) -> anyhow::Result<PgConnection> {
    let opts = PgConnectOptions::from_str(url)?.disable_statement_logging();
    Ok(PgConnection::connect_with(&opts).await?)
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?)
}

/// COPY text format: backslash, tab, newline and carriage return escaped; NUL dropped
/// (PostgreSQL text cannot hold it); None is `\N`.
fn copy_field(out: &mut Vec<u8>, v: Option<&str>) {
    let Some(s) = v else {
        out.extend_from_slice(b"\\N");
        return;
    };
    for &b in s.as_bytes() {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0 => {}
            _ => out.push(b),
        }
    }
}

fn copy_row(out: &mut Vec<u8>, d: &CorpusDoc) {
    let num = |x: Option<f64>| x.filter(|v| v.is_finite()).map(|v| format!("{v}"));
    copy_field(out, Some(&d.id.to_string()));
    out.push(b'\t');
    copy_field(out, Some(&d.title));
    out.push(b'\t');
    copy_field(out, d.company.as_deref());
    out.push(b'\t');
    copy_field(out, Some(&d.description));
    out.push(b'\t');
    copy_field(out, d.country.as_deref());
    out.push(b'\t');
    copy_field(out, Some(if d.remote { "t" } else { "f" }));
    out.push(b'\t');
    copy_field(out, num(d.salary_min_usd).as_deref());
    out.push(b'\t');
    copy_field(out, num(d.salary_max_usd).as_deref());
    out.push(b'\t');
    copy_field(out, d.posted.map(|t| t.to_rfc3339()).as_deref());
    out.push(b'\n');
}

const CREATE: &str = "
CREATE TABLE searchbench_jobs (
    id bigint NOT NULL,
    title text NOT NULL,
    company text,
    description text NOT NULL,
    country text,
    remote boolean NOT NULL,
    salary_min_usd double precision,
    salary_max_usd double precision,
    posted timestamptz,
    tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', coalesce(company, '')), 'B') ||
        setweight(to_tsvector('english', description), 'C')
    ) STORED
)";

/// Built after the COPY (faster than maintaining them row by row).
const INDEXES: &[&str] = &[
    "ALTER TABLE searchbench_jobs ADD PRIMARY KEY (id)",
    "CREATE INDEX searchbench_jobs_tsv ON searchbench_jobs USING gin (tsv)",
    "CREATE INDEX searchbench_jobs_country ON searchbench_jobs (country)",
    "CREATE INDEX searchbench_jobs_remote ON searchbench_jobs (remote)",
    "CREATE INDEX searchbench_jobs_company ON searchbench_jobs (lower(company) text_pattern_ops)",
    "CREATE INDEX searchbench_jobs_salary_min ON searchbench_jobs (salary_min_usd)",
    "CREATE INDEX searchbench_jobs_salary_max ON searchbench_jobs (salary_max_usd)",
    "ANALYZE searchbench_jobs",
];

/// Load the corpus into a fresh `searchbench_jobs` table of the database at `url`, index it,
/// and measure time and size. Ids are corpus line numbers.
pub fn load(url: &str, corpus: &Path) -> anyhow::Result<LoadStats> {
    let rt = runtime()?;
    let mut conn = rt
        .block_on(connect(url))
        .with_context(|| "connecting to PostgreSQL")?;
    let started = Instant::now();
    rt.block_on(async {
        sqlx::raw_sql("DROP TABLE IF EXISTS searchbench_jobs")
            .execute(&mut conn)
            .await?;
        sqlx::raw_sql(CREATE).execute(&mut conn).await?;
        anyhow::Ok(())
    })?;

    // Producer thread: read + parse + normalize (rayon) + encode; this thread feeds COPY.
    let (tx, rx) = mpsc::sync_channel::<Vec<u8>>(4);
    let path = corpus.to_path_buf();
    let producer = std::thread::spawn(move || {
        let mut buf = Vec::with_capacity(1 << 22);
        let stats = for_each_doc(&path, |d| {
            copy_row(&mut buf, &d);
            if buf.len() >= 1 << 22 {
                let full = std::mem::replace(&mut buf, Vec::with_capacity(1 << 22));
                tx.send(full).map_err(|_| anyhow::anyhow!("COPY stopped"))?;
            }
            Ok(())
        })?;
        if !buf.is_empty() {
            tx.send(buf).map_err(|_| anyhow::anyhow!("COPY stopped"))?;
        }
        anyhow::Ok(stats)
    });
    let copied = rt.block_on(async {
        let mut copy = conn
            .copy_in_raw(
                "COPY searchbench_jobs (id, title, company, description, country, remote, \
                 salary_min_usd, salary_max_usd, posted) FROM STDIN",
            )
            .await?;
        for chunk in rx.iter() {
            if let Err(e) = copy.send(chunk).await {
                return Err(anyhow::Error::from(e).context("COPY"));
            }
        }
        Ok(copy.finish().await?)
    });
    let scan = producer
        .join()
        .map_err(|_| anyhow::anyhow!("corpus reader panicked"))??;
    let rows = copied?;
    let copy_s = started.elapsed().as_secs_f64();

    let t = Instant::now();
    rt.block_on(async {
        for sql in INDEXES {
            sqlx::raw_sql(AssertSqlSafe(*sql))
                .execute(&mut conn)
                .await
                .with_context(|| sql.to_string())?;
        }
        anyhow::Ok(())
    })?;
    let index_s = t.elapsed().as_secs_f64();
    let total_s = started.elapsed().as_secs_f64();
    let (table_bytes, index_bytes): (i64, i64) = rt.block_on(
        sqlx::query_as(
            "SELECT pg_table_size('searchbench_jobs'), pg_indexes_size('searchbench_jobs')",
        )
        .fetch_one(&mut conn),
    )?;
    let _ = rt.block_on(conn.close());
    Ok(LoadStats {
        rows,
        skipped_lines: scan.skipped,
        copy_s,
        index_s,
        total_s,
        table_bytes,
        index_bytes,
    })
}

/// The search statement for a query's filter combination, with its binds in order.
/// Placeholders are numbered as filters appear, so only the active filters are in the SQL.
pub fn search_sql(q: &Query, rule: SalaryRule) -> (String, Vec<Bind>) {
    let mut binds = vec![Bind::Text(q.q.clone())];
    let mut wh = String::from("j.tsv @@ tq.q");
    let f = &q.filters;
    if let Some(r) = f.remote {
        binds.push(Bind::Bool(r));
        wh.push_str(&format!(" AND j.remote = ${}", binds.len()));
    }
    if let Some(s) = f.salary_min_gte {
        binds.push(Bind::Float(s));
        wh.push_str(&format!(" AND j.{} >= ${}", rule.column(), binds.len()));
    }
    if let Some(p) = &f.company_prefix {
        binds.push(Bind::Text(like_prefix(&p.to_lowercase())));
        wh.push_str(&format!(" AND lower(j.company) LIKE ${}", binds.len()));
    }
    if let Some(c) = &f.country {
        binds.push(Bind::Text(c.to_ascii_uppercase()));
        wh.push_str(&format!(" AND j.country = ${}", binds.len()));
    }
    let sql = format!(
        "WITH tq AS (SELECT websearch_to_tsquery('english', $1) AS q),
m AS MATERIALIZED (
    SELECT j.id, j.remote, j.country, j.company, ts_rank_cd(j.tsv, tq.q) AS rank
    FROM {TABLE} j, tq WHERE {wh}
)
SELECT
    (SELECT count(*) FROM m) AS total,
    (SELECT coalesce(array_agg(id ORDER BY rank DESC, id), '{{}}')
       FROM (SELECT id, rank FROM m ORDER BY rank DESC, id LIMIT 20) t) AS ids,
    (SELECT count(*) FROM m WHERE remote) AS n_remote,
    (SELECT coalesce(json_agg(json_build_array(country, n) ORDER BY n DESC, country), '[]')::text
       FROM (SELECT country, count(*) AS n FROM m WHERE country IS NOT NULL
             GROUP BY country ORDER BY n DESC, country LIMIT 10) t) AS countries,
    (SELECT coalesce(json_agg(json_build_array(company, n) ORDER BY n DESC, company), '[]')::text
       FROM (SELECT company, count(*) AS n FROM m WHERE company IS NOT NULL
             GROUP BY company ORDER BY n DESC, company LIMIT 10) t) AS companies"
    );
    (sql, binds)
}

#[derive(Debug, Clone, PartialEq)]
pub enum Bind {
    Text(String),
    Bool(bool),
    Float(f64),
}

/// `prefix%` with LIKE's wildcards in the prefix escaped (default escape character `\`).
pub fn like_prefix(p: &str) -> String {
    let mut s = String::with_capacity(p.len() + 1);
    for c in p.chars() {
        if matches!(c, '%' | '_' | '\\') {
            s.push('\\');
        }
        s.push(c);
    }
    s.push('%');
    s
}

fn parse_pairs(json: &str) -> anyhow::Result<Vec<(String, u64)>> {
    let v: Vec<(String, u64)> = serde_json::from_str(json).context("facet JSON")?;
    Ok(v)
}

/// One connection to a loaded database.
pub struct PgFts {
    rt: tokio::runtime::Runtime,
    conn: Option<PgConnection>,
    rule: SalaryRule,
}

impl PgFts {
    /// Connect to a database loaded by [`load`]. Plans are made per query with the actual
    /// values (`plan_cache_mode = force_custom_plan`), as a client sending literal SQL (psql,
    /// psycopg) gets: a generic plan could not use the prefix index for `LIKE $n`.
    pub fn connect(url: &str, rule: SalaryRule) -> anyhow::Result<PgFts> {
        let rt = runtime()?;
        let conn = rt
            .block_on(async {
                let mut c = connect(url).await?;
                sqlx::raw_sql("SET plan_cache_mode = force_custom_plan")
                    .execute(&mut c)
                    .await?;
                anyhow::Ok(c)
            })
            .context("connecting to PostgreSQL")?;
        Ok(PgFts {
            rt,
            conn: Some(conn),
            rule,
        })
    }

    /// Rows in the table (to check a load or a `--skip-load` run).
    pub fn count(&mut self) -> anyhow::Result<i64> {
        let conn = self.conn.as_mut().context("closed")?;
        let n: (i64,) = self
            .rt
            .block_on(sqlx::query_as("SELECT count(*) FROM searchbench_jobs").fetch_one(conn))?;
        Ok(n.0)
    }

    /// Size of the table and its indexes, in bytes.
    pub fn sizes(&mut self) -> anyhow::Result<(i64, i64)> {
        let conn = self.conn.as_mut().context("closed")?;
        Ok(self.rt.block_on(
            sqlx::query_as(
                "SELECT pg_table_size('searchbench_jobs'), pg_indexes_size('searchbench_jobs')",
            )
            .fetch_one(conn),
        )?)
    }
}

impl Drop for PgFts {
    fn drop(&mut self) {
        if let Some(c) = self.conn.take() {
            let _ = self.rt.block_on(c.close());
        }
    }
}

impl Engine for PgFts {
    fn name(&self) -> String {
        "PostgreSQL FTS".into()
    }

    fn search(&mut self, q: &Query) -> anyhow::Result<EngineResult> {
        let (sql, binds) = search_sql(q, self.rule);
        let conn = self.conn.as_mut().context("closed")?;
        let row = self.rt.block_on(async {
            let mut query = sqlx::query(AssertSqlSafe(sql));
            for b in binds {
                query = match b {
                    Bind::Text(s) => query.bind(s),
                    Bind::Bool(v) => query.bind(v),
                    Bind::Float(v) => query.bind(v),
                };
            }
            query.fetch_one(conn).await
        })?;
        let total: i64 = row.try_get("total")?;
        let ids: Vec<i64> = row.try_get("ids")?;
        let n_remote: i64 = row.try_get("n_remote")?;
        let countries: String = row.try_get("countries")?;
        let companies: String = row.try_get("companies")?;
        Ok(EngineResult {
            ids,
            total: total as u64,
            facets: Facets {
                remote: (n_remote as u64, (total - n_remote) as u64),
                countries: parse_pairs(&countries)?,
                companies: parse_pairs(&companies)?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Filters;

    #[test]
    fn copy_rows_escape_specials() {
        let mut out = Vec::new();
        copy_field(&mut out, Some("a\tb\\c\nd\re\0f"));
        assert_eq!(out, b"a\\tb\\\\c\\nd\\ref");
        out.clear();
        copy_field(&mut out, None);
        assert_eq!(out, b"\\N");
    }

    #[test]
    fn sql_has_only_the_active_filters() {
        let q = Query {
            id: 1,
            q: "data engineer".into(),
            filters: Filters {
                salary_min_gte: Some(100_000.0),
                company_prefix: Some("No_Fluff%".into()),
                ..Filters::default()
            },
        };
        let (sql, binds) = search_sql(&q, SalaryRule::MinGte);
        assert!(
            sql.contains("j.salary_min_usd >= $2") && sql.contains("lower(j.company) LIKE $3"),
            "{sql}"
        );
        assert!(!sql.contains("j.remote =") && !sql.contains("j.country ="));
        assert_eq!(binds[2], Bind::Text("no\\_fluff\\%%".into()));
        let (sql, _) = search_sql(&q, SalaryRule::Overlap);
        assert!(sql.contains("j.salary_max_usd >= $2"));
    }
}
