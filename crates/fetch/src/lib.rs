//! HTTP fetching (placeholder API while the client is written on the `fetch` branch).
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct FetchConfig {
    pub user_agent: String,
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub max_retries: u32,
    pub base_backoff: Duration,
    pub max_backoff: Duration,
    pub per_host_concurrency: usize,
    pub max_body_bytes: u64,
}
impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            user_agent: "hirekit".into(),
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_retries: 4,
            base_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(60),
            per_host_concurrency: 2,
            max_body_bytes: 256 << 20,
        }
    }
}
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}
pub enum Fetched {
    NotModified,
    Body { bytes: Vec<u8>, content_type: Option<String>, validators: Validators, final_url: String },
}
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("not implemented")]
    Unimplemented,
}
impl FetchError {
    pub fn kind(&self) -> &'static str {
        "unimplemented"
    }
    pub fn is_permanent(&self) -> bool {
        true
    }
}
#[derive(Clone)]
pub struct Fetcher;
impl Fetcher {
    pub fn new(_cfg: FetchConfig) -> Result<Fetcher, FetchError> {
        Ok(Fetcher)
    }
    pub async fn get(&self, _url: &str, _prev: Option<&Validators>) -> Result<Fetched, FetchError> {
        Err(FetchError::Unimplemented)
    }
}
