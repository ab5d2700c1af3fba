//! Test support: every store test runs once on a fresh SQLite file and once on a fresh
//! PostgreSQL database (created through the admin URL in `HIREKIT_TEST_PG_URL`).

use std::sync::atomic::{AtomicU64, Ordering};

use hirekit_store::Store;
use sqlx::Connection;

/// A throwaway database; the SQLite folder is removed on drop.
pub struct TestDb {
    pub name: &'static str,
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

impl TestDb {
    pub async fn store(&self) -> Store {
        match Store::connect(&self.url).await {
            Ok(s) => s,
            Err(e) => panic!("cannot open {} test database: {e}", self.name),
        }
    }
}

pub fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}", dir.path().join("test.db").display());
    TestDb { name: "sqlite", url, _dir: Some(dir) }
}

/// A fresh PostgreSQL database, or None when no server is configured. Under CI a missing
/// server is an error: the PostgreSQL half of the suite must not be skipped silently.
pub async fn postgres() -> Option<TestDb> {
    let Ok(admin) = std::env::var("HIREKIT_TEST_PG_URL") else {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("HIREKIT_TEST_PG_URL is not set under CI: run the tests through scripts/test.sh");
        }
        eprintln!("note: HIREKIT_TEST_PG_URL not set; PostgreSQL half skipped (scripts/test.sh sets it)");
        return None;
    };
    static N: AtomicU64 = AtomicU64::new(0);
    let name = format!(
        "hk_{}_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed),
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0)
    );
    let mut conn = sqlx::PgConnection::connect(&admin).await.expect("connect to the PostgreSQL admin URL");
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&mut conn).await.expect("create database");
    let _ = conn.close().await;
    let base = admin.rsplit_once('/').map(|(b, _)| b.to_string()).unwrap_or(admin);
    Some(TestDb { name: "postgres", url: format!("{base}/{name}"), _dir: None })
}

/// SQLite always, PostgreSQL when available.
pub async fn all() -> Vec<TestDb> {
    let mut v = vec![sqlite()];
    if let Some(pg) = postgres().await {
        v.push(pg);
    }
    v
}
