//! hirekit's HTTP API as an engine, and a concurrent load generator, over a small blocking
//! HTTP/1.1 client (std TcpStream, keep-alive, Content-Length or chunked bodies). Only what a
//! benchmark against a local server needs: plain http, GET, no redirects.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _};
use serde::Serialize;
use serde_json::Value;

use crate::engine::{Engine, EngineResult, Facets};
use crate::query::Query;
use crate::stats::percentile;

const MAX_HEADER_BYTES: usize = 64 * 1024;
const MAX_BODY_BYTES: usize = 64 * 1024 * 1024;

/// `http://host:port/prefix` split into what a request needs.
#[derive(Debug, Clone, PartialEq)]
pub struct BaseUrl {
    /// host:port to connect to
    pub addr: String,
    /// Host header value
    pub host: String,
    /// path prefix without trailing slash ("" for none)
    pub prefix: String,
}

pub fn parse_base_url(url: &str) -> anyhow::Result<BaseUrl> {
    let Some(rest) = url.strip_prefix("http://") else {
        bail!("only http:// URLs are supported, got {url:?}");
    };
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    if authority.is_empty() {
        bail!("no host in {url:?}");
    }
    let addr = if authority
        .rsplit_once(':')
        .is_some_and(|(_, p)| p.parse::<u16>().is_ok())
    {
        authority.to_string()
    } else {
        format!("{authority}:80")
    };
    Ok(BaseUrl {
        addr,
        host: authority.to_string(),
        prefix: path.trim_end_matches('/').to_string(),
    })
}

/// Percent-encode a query-string value (RFC 3986 unreserved characters stay).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The API request for a workload query:
/// `/api/v1/jobs?q=…&remote=remote&country=US&company_prefix=…&salary_min=…&currency=USD&limit=20`.
pub fn api_path(q: &Query) -> anyhow::Result<String> {
    let mut s = format!("/api/v1/jobs?q={}", encode(&q.q));
    let f = &q.filters;
    match f.remote {
        Some(true) => s.push_str("&remote=remote"),
        Some(false) => bail!("remote=false has no equivalent in the API"),
        None => {}
    }
    if let Some(c) = &f.country {
        s.push_str(&format!("&country={}", encode(c)));
    }
    if let Some(p) = &f.company_prefix {
        s.push_str(&format!("&company_prefix={}", encode(p)));
    }
    if let Some(m) = f.salary_min_gte {
        s.push_str(&format!("&salary_min={m}&currency=USD"));
    }
    s.push_str("&limit=20");
    Ok(s)
}

/// A response: status and body.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub status: u16,
    pub body: Vec<u8>,
}

/// One keep-alive connection, reopened when the server closed it.
pub struct HttpClient {
    base: BaseUrl,
    conn: Option<BufReader<TcpStream>>,
    timeout: Duration,
}

impl HttpClient {
    pub fn new(base_url: &str) -> anyhow::Result<HttpClient> {
        Ok(HttpClient {
            base: parse_base_url(base_url)?,
            conn: None,
            timeout: Duration::from_secs(30),
        })
    }

    fn connect(&self) -> anyhow::Result<BufReader<TcpStream>> {
        let s = TcpStream::connect(&self.base.addr)
            .with_context(|| format!("connecting to {}", self.base.addr))?;
        s.set_nodelay(true)?;
        s.set_read_timeout(Some(self.timeout))?;
        s.set_write_timeout(Some(self.timeout))?;
        Ok(BufReader::with_capacity(64 * 1024, s))
    }

    /// GET `path` (relative to the base URL's prefix).
    pub fn get(&mut self, path: &str) -> anyhow::Result<Response> {
        let reused = self.conn.is_some();
        match self.try_get(path) {
            Ok(r) => Ok(r),
            // A kept-alive connection the server has since closed: retry once on a new one.
            Err(e) if reused && e.downcast_ref::<Stale>().is_some() => {
                self.conn = None;
                self.try_get(path)
            }
            Err(e) => {
                self.conn = None;
                Err(e)
            }
        }
    }

    fn try_get(&mut self, path: &str) -> anyhow::Result<Response> {
        if self.conn.is_none() {
            self.conn = Some(self.connect()?);
        }
        let req = format!(
            "GET {}{} HTTP/1.1\r\nHost: {}\r\nAccept: application/json\r\nConnection: keep-alive\r\n\r\n",
            self.base.prefix, path, self.base.host
        );
        let conn = self.conn.as_mut().context("no connection")?;
        if conn.get_mut().write_all(req.as_bytes()).is_err() {
            return Err(Stale.into());
        }
        let (resp, keep) = read_response(conn)?;
        if !keep {
            self.conn = None;
        }
        Ok(resp)
    }
}

/// The server closed the connection before answering (only retried on a reused connection).
#[derive(Debug)]
struct Stale;
impl std::fmt::Display for Stale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection closed by the server")
    }
}
impl std::error::Error for Stale {}

fn read_line_limited(r: &mut impl BufRead, budget: &mut usize) -> anyhow::Result<String> {
    let mut line = Vec::new();
    let n = r
        .by_ref()
        .take(*budget as u64 + 1)
        .read_until(b'\n', &mut line)?;
    if n > *budget {
        bail!("response header too large");
    }
    *budget -= n;
    Ok(String::from_utf8_lossy(&line)
        .trim_end_matches(['\r', '\n'])
        .to_string())
}

/// Read one response; also says whether the connection may be reused.
pub fn read_response(r: &mut impl BufRead) -> anyhow::Result<(Response, bool)> {
    let mut budget = MAX_HEADER_BYTES;
    let status_line = match read_line_limited(r, &mut budget) {
        Ok(l) if l.is_empty() => return Err(Stale.into()),
        Ok(l) => l,
        Err(e) if e.downcast_ref::<std::io::Error>().is_some() => return Err(Stale.into()),
        Err(e) => return Err(e),
    };
    let mut parts = status_line.splitn(3, ' ');
    let version = parts.next().unwrap_or_default();
    let status: u16 = match (version.starts_with("HTTP/1."), parts.next().map(str::parse)) {
        (true, Some(Ok(s))) => s,
        _ => bail!("bad status line {status_line:?}"),
    };
    let mut keep = version == "HTTP/1.1";
    let mut length: Option<usize> = None;
    let mut chunked = false;
    loop {
        let line = read_line_limited(r, &mut budget)?;
        if line.is_empty() {
            break;
        }
        let Some((name, value)) = line.split_once(':') else {
            bail!("bad header line {line:?}");
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-length" => {
                length = Some(
                    value
                        .parse()
                        .with_context(|| format!("bad Content-Length {value:?}"))?,
                )
            }
            "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
            "connection" => {
                let v = value.to_ascii_lowercase();
                if v.contains("close") {
                    keep = false;
                } else if v.contains("keep-alive") {
                    keep = true;
                }
            }
            _ => {}
        }
    }
    let body = if chunked {
        read_chunked(r)?
    } else if let Some(n) = length {
        if n > MAX_BODY_BYTES {
            bail!("response body of {n} bytes is too large");
        }
        let mut b = vec![0; n];
        r.read_exact(&mut b).context("response body")?;
        b
    } else if status == 204 || status == 304 || (100..200).contains(&status) {
        Vec::new()
    } else {
        // No length: the body runs to the end of the connection.
        keep = false;
        let mut b = Vec::new();
        r.take(MAX_BODY_BYTES as u64 + 1).read_to_end(&mut b)?;
        if b.len() > MAX_BODY_BYTES {
            bail!("response body too large");
        }
        b
    };
    Ok((Response { status, body }, keep))
}

fn read_chunked(r: &mut impl BufRead) -> anyhow::Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let mut budget = MAX_HEADER_BYTES;
        let line = read_line_limited(r, &mut budget)?;
        let size_hex = line.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_hex, 16)
            .with_context(|| format!("bad chunk size {line:?}"))?;
        if size == 0 {
            // Trailers, up to the blank line.
            loop {
                let mut budget = MAX_HEADER_BYTES;
                if read_line_limited(r, &mut budget)?.is_empty() {
                    return Ok(body);
                }
            }
        }
        if body.len() + size > MAX_BODY_BYTES {
            bail!("response body too large");
        }
        let start = body.len();
        body.resize(start + size, 0);
        r.read_exact(&mut body[start..]).context("chunk")?;
        let mut budget = 2;
        if !read_line_limited(r, &mut budget)?.is_empty() {
            bail!("chunk not followed by CRLF");
        }
    }
}

/// hirekit's answer: `{"total", "hits":[{"id"…}], "facets":{"remote":{…},"country":{…},"company":{…}}}`.
pub fn parse_api_result(body: &[u8]) -> anyhow::Result<EngineResult> {
    let v: Value = serde_json::from_slice(body).context("response is not JSON")?;
    let total = v
        .get("total")
        .and_then(Value::as_u64)
        .context("no \"total\" number")?;
    let hits = v
        .get("hits")
        .and_then(Value::as_array)
        .context("no \"hits\" array")?;
    let mut ids = Vec::with_capacity(hits.len());
    for h in hits {
        let id = match h.get("id") {
            Some(Value::Number(n)) => n.as_i64(),
            Some(Value::String(s)) => s.parse().ok(),
            _ => None,
        };
        ids.push(id.context("hit without a numeric \"id\"")?);
    }
    let facets = v.get("facets");
    let counts = |key: &str| -> Vec<(String, u64)> {
        let mut c: Vec<(String, u64)> = facets
            .and_then(|f| f.get(key))
            .and_then(Value::as_object)
            .map(|o| {
                o.iter()
                    .filter_map(|(k, n)| Some((k.clone(), n.as_u64()?)))
                    .collect()
            })
            .unwrap_or_default();
        c.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        c.truncate(10);
        c
    };
    // "remote" facet: the remote (or "true") bucket against all others (hybrid, onsite, false…).
    let (mut yes, mut no) = (0, 0);
    for (k, n) in counts_all(facets, "remote") {
        if k == "remote" || k == "true" {
            yes += n;
        } else {
            no += n;
        }
    }
    Ok(EngineResult {
        ids,
        total,
        facets: Facets {
            remote: (yes, no),
            countries: counts("country"),
            companies: counts("company"),
        },
    })
}

fn counts_all(facets: Option<&Value>, key: &str) -> Vec<(String, u64)> {
    facets
        .and_then(|f| f.get(key))
        .and_then(Value::as_object)
        .map(|o| {
            o.iter()
                .filter_map(|(k, n)| Some((k.clone(), n.as_u64()?)))
                .collect()
        })
        .unwrap_or_default()
}

/// hirekit over HTTP: one client, one keep-alive connection.
pub struct HttpEngine {
    client: HttpClient,
    name: String,
}

impl HttpEngine {
    pub fn new(base_url: &str) -> anyhow::Result<HttpEngine> {
        Ok(HttpEngine {
            client: HttpClient::new(base_url)?,
            name: "hirekit (HTTP)".into(),
        })
    }
}

impl Engine for HttpEngine {
    fn name(&self) -> String {
        self.name.clone()
    }

    fn search(&mut self, q: &Query) -> anyhow::Result<EngineResult> {
        let resp = self.client.get(&api_path(q)?)?;
        if resp.status != 200 {
            bail!(
                "HTTP {}: {}",
                resp.status,
                String::from_utf8_lossy(&resp.body[..resp.body.len().min(300)])
            );
        }
        parse_api_result(&resp.body)
    }
}

/// Requests per second and latency under concurrent load.
#[derive(Debug, Clone, Serialize)]
pub struct Throughput {
    pub concurrency: usize,
    pub seconds: f64,
    /// Successful (HTTP 200) requests.
    pub requests: u64,
    pub requests_per_s: f64,
    #[serde(serialize_with = "crate::stats::ser_ms")]
    pub p50: Duration,
    #[serde(serialize_with = "crate::stats::ser_ms")]
    pub p99: Duration,
    /// Non-200 answers and transport errors.
    pub errors: u64,
}

/// `concurrency` clients (threads), each with its own keep-alive connection, cycling through
/// the queries (each client starts at a different offset) for `duration`.
pub fn run_concurrent_http(
    base_url: &str,
    queries: &[Query],
    concurrency: usize,
    duration: Duration,
) -> anyhow::Result<Throughput> {
    if queries.is_empty() || concurrency == 0 {
        bail!("need at least one query and one client");
    }
    let paths: Arc<Vec<String>> = Arc::new(
        queries
            .iter()
            .map(api_path)
            .collect::<anyhow::Result<_>>()?,
    );
    parse_base_url(base_url)?;
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let workers: Vec<_> = (0..concurrency)
        .map(|i| {
            let (paths, stop, url) = (paths.clone(), stop.clone(), base_url.to_string());
            std::thread::spawn(move || {
                let mut lat = Vec::new();
                let mut errors = 0u64;
                let mut client = match HttpClient::new(&url) {
                    Ok(c) => c,
                    Err(_) => return (lat, 1),
                };
                let mut k = i * paths.len() / concurrency;
                while !stop.load(Ordering::Relaxed) {
                    let t = Instant::now();
                    match client.get(&paths[k % paths.len()]) {
                        Ok(r) if r.status == 200 => lat.push(t.elapsed()),
                        _ => errors += 1,
                    }
                    k += 1;
                }
                (lat, errors)
            })
        })
        .collect();
    std::thread::sleep(duration);
    stop.store(true, Ordering::Relaxed);
    let mut all = Vec::new();
    let mut errors = 0;
    for w in workers {
        let (lat, e) = w
            .join()
            .map_err(|_| anyhow::anyhow!("client thread panicked"))?;
        all.extend(lat);
        errors += e;
    }
    let seconds = started.elapsed().as_secs_f64();
    all.sort_unstable();
    Ok(Throughput {
        concurrency,
        seconds,
        requests: all.len() as u64,
        requests_per_s: all.len() as f64 / seconds,
        p50: percentile(&all, 50.0),
        p99: percentile(&all, 99.0),
        errors,
    })
}

#[cfg(test)]
mod tests;
