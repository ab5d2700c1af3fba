//! The [`Fetcher`]: one reqwest client plus per-host semaphores, with a retry loop.

use std::collections::HashMap;
use std::error::Error as _;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use reqwest::header::{self, HeaderMap, HeaderValue};
use reqwest::{StatusCode, Url};
use tokio::sync::Semaphore;

use crate::backoff::{backoff_ceiling, parse_retry_after, Jitter};
use crate::{FetchConfig, FetchError};

/// Cache validators from a previous successful fetch, sent back as conditional headers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Validators {
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// The result of a successful `get`.
#[derive(Debug, Clone, PartialEq)]
pub enum Fetched {
    /// 304: the document has not changed since `prev`.
    NotModified,
    Body {
        /// The decoded (gunzipped) body.
        bytes: Bytes,
        content_type: Option<String>,
        /// Validators to store and pass as `prev` next time.
        validators: Validators,
        /// URL after redirects.
        final_url: String,
    },
}

/// Polite HTTP GET client. Cheap to clone; clones share the connection pool and the
/// per-host limits.
#[derive(Clone)]
pub struct Fetcher {
    inner: Arc<Inner>,
}

struct Inner {
    client: reqwest::Client,
    cfg: FetchConfig,
    hosts: Mutex<HashMap<String, Arc<Semaphore>>>,
    jitter: Jitter,
}

impl std::fmt::Debug for Fetcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fetcher")
            .field("cfg", &self.inner.cfg)
            .finish_non_exhaustive()
    }
}

/// What one attempt produced, before the retry loop decides.
enum Attempt {
    Done(Fetched),
    /// A status worth retrying (429/5xx), with the server's `Retry-After` if it gave one.
    RetryStatus {
        status: u16,
        retry_after: Option<Duration>,
    },
}

/// Which part of the exchange a transport error came from.
#[derive(Clone, Copy)]
enum Phase {
    Head,
    Body,
}

impl Fetcher {
    pub fn new(cfg: FetchConfig) -> Result<Fetcher, FetchError> {
        let mut headers = HeaderMap::new();
        // Feeds come as JSON, XML or HTML; say so, but accept anything.
        headers.insert(
            header::ACCEPT,
            HeaderValue::from_static(
                "application/json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5",
            ),
        );
        let client = reqwest::Client::builder()
            .user_agent(cfg.user_agent.as_str())
            .default_headers(headers)
            .timeout(cfg.timeout)
            .connect_timeout(cfg.connect_timeout)
            // Sends Accept-Encoding: gzip and transparently decodes.
            .gzip(true)
            .build()
            .map_err(|e| FetchError::Config {
                message: error_chain(&e),
            })?;
        Ok(Fetcher {
            inner: Arc::new(Inner {
                client,
                cfg,
                hosts: Mutex::new(HashMap::new()),
                jitter: Jitter::new(),
            }),
        })
    }

    pub fn config(&self) -> &FetchConfig {
        &self.inner.cfg
    }

    /// GET with conditional headers from `prev` (ETag → If-None-Match,
    /// Last-Modified → If-Modified-Since). Retries transient failures; see the crate docs.
    pub async fn get(&self, url: &str, prev: Option<&Validators>) -> Result<Fetched, FetchError> {
        let parsed = parse_url(url)?;
        let sem = self.host_semaphore(&parsed);
        let cfg = &self.inner.cfg;
        let mut retry: u32 = 0;
        loop {
            let outcome = {
                // Held for the whole exchange, released before any backoff sleep so a
                // waiting retry does not block other requests to the host. The
                // semaphore is never closed, so acquire cannot fail.
                let _permit = sem.acquire().await.ok();
                tracing::debug!(url, attempt = retry + 1, "fetch");
                self.attempt(&parsed, prev).await
            };
            let attempts = retry + 1;
            let (wait, reason) = match outcome {
                Ok(Attempt::Done(f)) => return Ok(f),
                Ok(Attempt::RetryStatus {
                    status,
                    retry_after,
                }) => {
                    if retry >= cfg.max_retries {
                        tracing::warn!(url, attempts, status, "fetch: giving up");
                        return Err(FetchError::TooManyRetries {
                            url: url.to_string(),
                            attempts,
                            last_status: status,
                        });
                    }
                    let wait = match retry_after {
                        Some(ra) => ra.min(cfg.max_backoff),
                        None => self.jittered(retry),
                    };
                    (wait, format!("HTTP {status}"))
                }
                Err(e) => {
                    if !e.is_retryable() || retry >= cfg.max_retries {
                        if e.is_retryable() {
                            tracing::warn!(url, attempts, error = %e, "fetch: giving up");
                        }
                        return Err(e);
                    }
                    (self.jittered(retry), e.to_string())
                }
            };
            tracing::warn!(
                url,
                attempt = attempts,
                wait_ms = wait.as_millis() as u64,
                reason = %reason,
                "fetch: retrying"
            );
            tokio::time::sleep(wait).await;
            retry += 1;
        }
    }

    fn jittered(&self, retry: u32) -> Duration {
        let cfg = &self.inner.cfg;
        self.inner
            .jitter
            .below(backoff_ceiling(retry, cfg.base_backoff, cfg.max_backoff))
    }

    /// The semaphore for this URL's host, created on first use.
    fn host_semaphore(&self, url: &Url) -> Arc<Semaphore> {
        // Keyed by host name only: politeness is about the server, not the port.
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let permits = self.inner.cfg.per_host_concurrency.max(1);
        let mut hosts = self
            .inner
            .hosts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        hosts
            .entry(host)
            .or_insert_with(|| Arc::new(Semaphore::new(permits)))
            .clone()
    }

    async fn attempt(&self, url: &Url, prev: Option<&Validators>) -> Result<Attempt, FetchError> {
        let cfg = &self.inner.cfg;
        let mut req = self.inner.client.get(url.clone());
        if let Some(prev) = prev {
            // A validator that is not a legal header value is skipped, not fatal.
            if let Some(v) = prev
                .etag
                .as_deref()
                .and_then(|v| HeaderValue::from_str(v).ok())
            {
                req = req.header(header::IF_NONE_MATCH, v);
            }
            if let Some(v) = prev
                .last_modified
                .as_deref()
                .and_then(|v| HeaderValue::from_str(v).ok())
            {
                req = req.header(header::IF_MODIFIED_SINCE, v);
            }
        }
        let mut resp = req
            .send()
            .await
            .map_err(|e| classify(&e, url, Phase::Head))?;

        let status = resp.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Attempt::Done(Fetched::NotModified));
        }
        match status.as_u16() {
            429 | 503 => {
                let retry_after = header_str(resp.headers(), header::RETRY_AFTER)
                    .and_then(|v| parse_retry_after(&v, chrono::Utc::now()));
                return Ok(Attempt::RetryStatus {
                    status: status.as_u16(),
                    retry_after,
                });
            }
            500 | 502 | 504 => {
                return Ok(Attempt::RetryStatus {
                    status: status.as_u16(),
                    retry_after: None,
                });
            }
            404 | 410 => {
                return Err(FetchError::NotFound {
                    url: url.to_string(),
                    status: status.as_u16(),
                })
            }
            _ if !status.is_success() => {
                return Err(FetchError::HttpStatus {
                    url: url.to_string(),
                    status: status.as_u16(),
                })
            }
            _ => {}
        }

        // reqwest hides Content-Length when it is gunzipping, so this catches the
        // honest uncompressed case early; the streaming check below catches the rest.
        let declared = resp.content_length();
        if let Some(len) = declared {
            if len > cfg.max_body_bytes {
                return Err(FetchError::TooLarge {
                    url: url.to_string(),
                    limit: cfg.max_body_bytes,
                    size: Some(len),
                });
            }
        }

        let headers = resp.headers();
        let content_type = header_str(headers, header::CONTENT_TYPE);
        let validators = Validators {
            etag: header_str(headers, header::ETAG),
            last_modified: header_str(headers, header::LAST_MODIFIED),
        };
        let final_url = resp.url().to_string();

        // Do not trust a declared length for the up-front allocation beyond a few MiB.
        let initial = declared.unwrap_or(0).min(cfg.max_body_bytes).min(8 << 20) as usize;
        let mut body = Vec::with_capacity(initial);
        while let Some(chunk) = resp
            .chunk()
            .await
            .map_err(|e| classify(&e, url, Phase::Body))?
        {
            if (body.len() + chunk.len()) as u64 > cfg.max_body_bytes {
                return Err(FetchError::TooLarge {
                    url: url.to_string(),
                    limit: cfg.max_body_bytes,
                    size: declared,
                });
            }
            body.extend_from_slice(&chunk);
        }

        Ok(Attempt::Done(Fetched::Body {
            bytes: Bytes::from(body),
            content_type,
            validators,
            final_url,
        }))
    }
}

fn parse_url(url: &str) -> Result<Url, FetchError> {
    let invalid = |reason: String| FetchError::InvalidUrl {
        url: url.to_string(),
        reason,
    };
    let parsed = Url::parse(url.trim()).map_err(|e| invalid(e.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(invalid(format!("unsupported scheme {:?}", parsed.scheme())));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(invalid("no host".to_string()));
    }
    Ok(parsed)
}

fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// "outer: inner: innermost", so logs show the root cause.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut msg = e.to_string();
    let mut src = e.source();
    while let Some(s) = src {
        let s_msg = s.to_string();
        if !msg.contains(&s_msg) {
            msg.push_str(": ");
            msg.push_str(&s_msg);
        }
        src = s.source();
    }
    msg
}

/// True when hyper's connector reported a name-resolution failure.
fn is_dns(e: &reqwest::Error) -> bool {
    let mut src = e.source();
    while let Some(s) = src {
        if s.to_string().starts_with("dns error") {
            return true;
        }
        src = s.source();
    }
    false
}

fn classify(e: &reqwest::Error, url: &Url, phase: Phase) -> FetchError {
    let url_s = url.to_string();
    let message = error_chain(e);
    if e.is_timeout() {
        FetchError::Timeout { url: url_s }
    } else if is_dns(e) {
        FetchError::Dns {
            url: url_s,
            message,
        }
    } else if e.is_redirect() {
        FetchError::Redirect {
            url: url_s,
            message,
        }
    } else if e.is_builder() {
        FetchError::InvalidUrl {
            url: url_s,
            reason: message,
        }
    } else if matches!(phase, Phase::Body) || e.is_body() || e.is_decode() {
        FetchError::Truncated {
            url: url_s,
            message,
        }
    } else {
        // Refused, reset, TLS failure, or closed before a response: transient.
        FetchError::Connect {
            url: url_s,
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_validation() {
        assert_eq!(
            parse_url("not a url").map_err(|e| e.kind()).err(),
            Some("invalid_url")
        );
        assert_eq!(
            parse_url("ftp://x/y").map_err(|e| e.kind()).err(),
            Some("invalid_url")
        );
        assert_eq!(
            parse_url("file:///etc/passwd").map_err(|e| e.kind()).err(),
            Some("invalid_url")
        );
        assert!(parse_url("https://boards.example.com/feed.json").is_ok());
        assert!(parse_url(" http://127.0.0.1:8080/x ").is_ok());
    }

    #[test]
    fn default_user_agent_names_the_project() {
        let ua = FetchConfig::default().user_agent;
        assert!(ua.starts_with("hirekit/0."), "{ua}");
        assert!(ua.contains("+https://github.com/hirekit/hirekit"));
    }
}
