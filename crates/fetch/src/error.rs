/// Why a fetch failed. `kind()` gives a stable short name for logs/metrics and the
/// store; `is_permanent()` tells the poller to mark the source failed instead of
/// trying again later.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("invalid url {url:?}: {reason}")]
    InvalidUrl { url: String, reason: String },
    /// 404 or 410.
    #[error("{url}: not found (HTTP {status})")]
    NotFound { url: String, status: u16 },
    #[error("{url}: dns lookup failed: {message}")]
    Dns { url: String, message: String },
    /// Connection refused/reset, TLS failure, or the server hung up before answering.
    #[error("{url}: connection failed: {message}")]
    Connect { url: String, message: String },
    #[error("{url}: timed out")]
    Timeout { url: String },
    /// `size` is the declared Content-Length when that was what gave it away.
    #[error("{url}: body larger than {limit} bytes")]
    TooLarge {
        url: String,
        limit: u64,
        size: Option<u64>,
    },
    /// A status we neither accept nor retry (or 401/403, which are permanent).
    #[error("{url}: HTTP {status}")]
    HttpStatus { url: String, status: u16 },
    /// The body ended early (Content-Length mismatch, early EOF, broken gzip).
    #[error("{url}: body truncated: {message}")]
    Truncated { url: String, message: String },
    /// The server kept answering with a retryable status (429/5xx).
    #[error("{url}: gave up after {attempts} attempts (last HTTP {last_status})")]
    TooManyRetries {
        url: String,
        attempts: u32,
        last_status: u16,
    },
    /// The client could not be built from the config (e.g. a User-Agent that is not a
    /// legal header value).
    #[error("bad fetch config: {message}")]
    Config { message: String },
    /// Redirect loop or too many redirects.
    #[error("{url}: redirect error: {message}")]
    Redirect { url: String, message: String },
}

impl FetchError {
    pub fn kind(&self) -> &'static str {
        match self {
            FetchError::InvalidUrl { .. } => "invalid_url",
            FetchError::NotFound { .. } => "not_found",
            FetchError::Dns { .. } => "dns",
            FetchError::Connect { .. } => "connect",
            FetchError::Timeout { .. } => "timeout",
            FetchError::TooLarge { .. } => "too_large",
            FetchError::HttpStatus { .. } => "http_status",
            FetchError::Truncated { .. } => "truncated",
            FetchError::TooManyRetries { .. } => "too_many_retries",
            FetchError::Redirect { .. } => "redirect",
            FetchError::Config { .. } => "config",
        }
    }

    /// Errors that will not go away by asking again: the source should be marked failed.
    pub fn is_permanent(&self) -> bool {
        match self {
            FetchError::InvalidUrl { .. }
            | FetchError::NotFound { .. }
            | FetchError::Dns { .. } => true,
            FetchError::HttpStatus { status, .. } => matches!(status, 401 | 403),
            _ => false,
        }
    }

    /// Worth another attempt within the same `get` call.
    pub(crate) fn is_retryable(&self) -> bool {
        matches!(
            self,
            FetchError::Connect { .. } | FetchError::Timeout { .. } | FetchError::Truncated { .. }
        )
    }

    /// The HTTP status behind the error, if any.
    pub fn status(&self) -> Option<u16> {
        match self {
            FetchError::NotFound { status, .. } | FetchError::HttpStatus { status, .. } => {
                Some(*status)
            }
            FetchError::TooManyRetries { last_status, .. } => Some(*last_status),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permanence() {
        let u = || "http://x/".to_string();
        assert!(FetchError::NotFound {
            url: u(),
            status: 410
        }
        .is_permanent());
        assert!(FetchError::HttpStatus {
            url: u(),
            status: 403
        }
        .is_permanent());
        assert!(FetchError::HttpStatus {
            url: u(),
            status: 401
        }
        .is_permanent());
        assert!(!FetchError::HttpStatus {
            url: u(),
            status: 400
        }
        .is_permanent());
        assert!(!FetchError::Timeout { url: u() }.is_permanent());
        assert!(!FetchError::TooManyRetries {
            url: u(),
            attempts: 5,
            last_status: 503
        }
        .is_permanent());
        assert_eq!(FetchError::Timeout { url: u() }.kind(), "timeout");
    }
}
