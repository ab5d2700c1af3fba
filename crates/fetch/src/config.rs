use std::time::Duration;

/// Knobs of the [`crate::Fetcher`]. Tests shrink the timing fields so retries run fast.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    /// Sent on every request so site operators can tell who we are.
    pub user_agent: String,
    /// Whole-request deadline (connect + headers + body), per attempt.
    pub timeout: Duration,
    /// Deadline for DNS + TCP (+ TLS) connect, per attempt.
    pub connect_timeout: Duration,
    /// Retries after the first attempt (so at most `max_retries + 1` attempts).
    pub max_retries: u32,
    /// Backoff before retry n is uniform in `[0, min(max_backoff, base_backoff * 2^n)]`.
    pub base_backoff: Duration,
    /// Upper bound for any single wait, including a server's `Retry-After`.
    pub max_backoff: Duration,
    /// Simultaneous requests to one host.
    pub per_host_concurrency: usize,
    /// Bodies larger than this (after gzip decoding) fail with `FetchError::TooLarge`.
    pub max_body_bytes: u64,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            user_agent: format!(
                "hirekit/{} (+https://github.com/hirekit/hirekit; job aggregator)",
                env!("CARGO_PKG_VERSION")
            ),
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_retries: 4,
            base_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(60),
            per_host_concurrency: 2,
            max_body_bytes: 256 * 1024 * 1024,
        }
    }
}
