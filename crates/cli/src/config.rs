//! Settings: flags > environment (both via clap) > config file > defaults.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::Deserialize;

use crate::GlobalArgs;

/// What `hirekit.toml` may set. Unknown keys are an error, so typos do not pass silently.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub data_dir: Option<PathBuf>,
    pub database_url: Option<String>,
    pub addr: Option<SocketAddr>,
    /// User-Agent for fetching feeds.
    pub user_agent: Option<String>,
    /// Exchange rates overriding the built-in table (TOML: `date = "…"` and `[per_usd] EUR = 0.9`).
    pub rates_file: Option<PathBuf>,
}

#[derive(Debug)]
pub struct Settings {
    pub data_dir: PathBuf,
    pub database_url: String,
    pub file: FileConfig,
}

pub fn default_addr() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 8080))
}

impl Settings {
    pub fn resolve(g: &GlobalArgs) -> anyhow::Result<Settings> {
        let default_dir = PathBuf::from("./hirekit-data");
        let dir_for_config = g.data_dir.clone().unwrap_or_else(|| default_dir.clone());
        let (path, explicit) = match &g.config {
            Some(p) => (p.clone(), true),
            None => (dir_for_config.join("hirekit.toml"), false),
        };
        let file = load(&path, explicit)?;
        let data_dir = g.data_dir.clone().or_else(|| file.data_dir.clone()).unwrap_or(default_dir);
        let database_url = g
            .database_url
            .clone()
            .or_else(|| file.database_url.clone())
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("hirekit.db").display()));
        Ok(Settings { data_dir, database_url, file })
    }

    pub async fn open_store(&self) -> anyhow::Result<hirekit_store::Store> {
        hirekit_store::Store::connect(&self.database_url)
            .await
            .with_context(|| format!("opening the database {}", hirekit_store::redact(&self.database_url)))
    }

    /// The exchange-rate table: the built-in one, or the operator's file laid over it.
    pub fn rates(&self) -> anyhow::Result<hirekit_model::money::Rates> {
        match &self.file.rates_file {
            None => Ok(hirekit_model::money::Rates::builtin()),
            Some(p) => {
                let text = std::fs::read_to_string(p).with_context(|| format!("reading rates file {}", p.display()))?;
                hirekit_model::money::Rates::from_toml(&text).with_context(|| format!("in {}", p.display()))
            }
        }
    }

    /// This node's search index, `<data-dir>/index` (created when missing; rebuilt from the store
    /// when it is unreadable or of an older layout).
    pub fn open_index(&self) -> anyhow::Result<hirekit_index::SearchIndex> {
        let dir = self.data_dir.join("index");
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        Ok(hirekit_index::SearchIndex::open(&dir, self.rates()?)?)
    }

    pub fn fetcher(&self) -> anyhow::Result<hirekit_fetch::Fetcher> {
        let mut cfg = hirekit_fetch::FetchConfig::default();
        if let Some(ua) = &self.file.user_agent {
            cfg.user_agent = ua.clone();
        }
        Ok(hirekit_fetch::Fetcher::new(cfg)?)
    }
}

fn load(path: &Path, explicit: bool) -> anyhow::Result<FileConfig> {
    match std::fs::read_to_string(path) {
        Ok(text) => toml::from_str(&text).with_context(|| format!("reading config file {}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => Ok(FileConfig::default()),
        Err(e) => Err(anyhow::anyhow!("cannot read config file {}: {e}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_beat_file_beat_defaults() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("hirekit.toml"), "database_url = \"sqlite:///from-file.db\"\naddr = \"127.0.0.1:9999\"\n")
            .expect("write");
        let g = GlobalArgs { data_dir: Some(dir.path().to_path_buf()), ..Default::default() };
        let s = Settings::resolve(&g).expect("resolve");
        assert_eq!(s.database_url, "sqlite:///from-file.db");
        assert_eq!(s.file.addr, Some("127.0.0.1:9999".parse().expect("addr")));
        let g = GlobalArgs { database_url: Some("postgres://x/y".into()), ..g };
        assert_eq!(Settings::resolve(&g).expect("resolve").database_url, "postgres://x/y");
        let empty = tempfile::tempdir().expect("tempdir");
        let g = GlobalArgs { data_dir: Some(empty.path().to_path_buf()), ..Default::default() };
        let s = Settings::resolve(&g).expect("resolve");
        assert!(s.database_url.ends_with("hirekit.db"));
    }

    #[test]
    fn typos_in_the_file_are_errors() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("hirekit.toml"), "databse_url = \"x\"\n").expect("write");
        let g = GlobalArgs { data_dir: Some(dir.path().to_path_buf()), ..Default::default() };
        let err = Settings::resolve(&g).expect_err("typo must fail");
        assert!(format!("{err:#}").contains("databse_url"));
    }
}
