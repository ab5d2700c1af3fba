//! hirekit-fetch: the polite HTTP client used by `hirekit ingest https://…` and the
//! source poller of `hirekit serve`. It downloads feed documents and returns bytes;
//! parsing happens elsewhere.
//!
//! Politeness: a descriptive User-Agent, a per-host concurrency cap, conditional
//! requests (ETag / Last-Modified), and retries with exponential backoff + full
//! jitter that honour `Retry-After`.

mod backoff;
mod client;
mod config;
mod error;

pub use client::{Fetched, Fetcher, Validators};
pub use config::FetchConfig;
pub use error::FetchError;
