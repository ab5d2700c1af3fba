//! Screening through the API, the same as `hirekit screen`:
//! - `POST /api/v1/criteria/derive`: a job description or a stored posting → criteria (JSON),
//!   to edit and send back to `/api/v1/screen`.
//! - `POST /api/v1/screen` (multipart): criteria (or a posting id, or a JD) and resume files →
//!   a ranking with the score, breakdown, knock-outs and evidence of every file.

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use hirekit_resume::{DocError, Limits};
use hirekit_screen::{rank, Candidate, Criteria, Options, Scored};
use serde::{Deserialize, Serialize};
use tower_http::limit::RequestBodyLimitLayer;
use utoipa::{OpenApi, ToSchema};

use crate::AppState;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(OpenApi)]
#[openapi(
    paths(derive_criteria, screen),
    components(schemas(DeriveRequest, ScreenUpload, ScreenResponse, ScreenRow, FileError))
)]
pub struct ScreenDoc;

/// Most resume files in one screening request.
pub const MAX_FILES: usize = 500;
/// Largest screening request in total (all files together).
pub const MAX_SCREEN_BODY: usize = 128 * 1024 * 1024;
/// Largest derive request (a job description).
const MAX_DERIVE_BODY: usize = 1 << 20;
/// Default [`AppState::embed_budget`]: parsing 500 files and ranking fit in the rest of the
/// 30 s request timeout.
pub const EMBED_BUDGET: Duration = Duration::from_secs(20);


pub fn routes() -> Router<AppState> {
    let derive = Router::new()
        .route("/api/v1/criteria/derive", post(derive_criteria))
        .layer(DefaultBodyLimit::max(MAX_DERIVE_BODY))
        .layer(RequestBodyLimitLayer::new(MAX_DERIVE_BODY));
    let screen = Router::new()
        .route("/api/v1/screen", post(screen))
        .route("/screen", get(page_form).post(page_submit))
        .layer(DefaultBodyLimit::max(MAX_SCREEN_BODY))
        .layer(RequestBodyLimitLayer::new(MAX_SCREEN_BODY));
    derive.merge(screen)
}

/// An error before any file is screened: the API answers it as JSON, the page as HTML.
struct Fail {
    status: StatusCode,
    code: &'static str,
    message: String,
}

fn fail(status: StatusCode, code: &'static str, message: impl Into<String>) -> Fail {
    Fail {
        status,
        code,
        message: message.into(),
    }
}

impl Fail {
    fn json(self) -> Response {
        error(self.status, self.code, self.message)
    }
}

fn error(status: StatusCode, code: &str, message: impl Into<String>) -> Response {
    let body = serde_json::json!({ "error": { "code": code, "message": message.into() } });
    (status, Json(body)).into_response()
}

/// Either `text` (a job description) or `posting_id` (a stored posting).
#[derive(Deserialize, ToSchema)]
pub struct DeriveRequest {
    /// The job description as plain text or Markdown.
    pub text: Option<String>,
    /// A stored posting's id (a number or a numeric string).
    #[schema(value_type = Option<String>)]
    pub posting_id: Option<serde_json::Value>,
}

#[utoipa::path(post, path = "/api/v1/criteria/derive", tag = "screening",
    request_body = DeriveRequest,
    responses(
        (status = 200, description = "The derived criteria, in the JSON form `/api/v1/screen` accepts as `criteria` (must_have, max_missing_must_haves, nice_to_have, min_total_years, min_years_with, seniority, title_keywords, education, ideal_candidate, job_text, location, salary_ceiling)", body = Object),
        (status = 400, body = crate::api::ErrorBody, description = "Neither or both of `text` and `posting_id`, or a malformed body"),
        (status = 404, body = crate::api::ErrorBody, description = "No posting with that id"),
    ))]
pub async fn derive_criteria(State(st): State<AppState>, body: Bytes) -> Response {
    let req: DeriveRequest = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => {
            return error(
                StatusCode::BAD_REQUEST,
                "bad_json",
                format!("expected {{\"text\": …}} or {{\"posting_id\": …}}: {e}"),
            )
        }
    };
    let crit = match (req.text, req.posting_id) {
        (Some(t), None) => {
            if t.trim().is_empty() {
                return error(StatusCode::BAD_REQUEST, "empty_text", "`text` is empty");
            }
            Criteria::derive_from_text(&t)
        }
        (None, Some(id)) => {
            let id = match &id {
                serde_json::Value::Number(n) => n.as_i64(),
                serde_json::Value::String(s) => s.trim().parse().ok(),
                _ => None,
            };
            let Some(id) = id else {
                return error(
                    StatusCode::BAD_REQUEST,
                    "invalid_posting_id",
                    "`posting_id` must be an integer",
                );
            };
            match posting_criteria(&st, id).await {
                Ok(c) => c,
                Err(f) => return f.json(),
            }
        }
        _ => {
            return error(
                StatusCode::BAD_REQUEST,
                "missing_input",
                "send exactly one of `text` (a job description) and `posting_id`",
            )
        }
    };
    Json(crit).into_response()
}

async fn posting_criteria(st: &AppState, id: i64) -> Result<Criteria, Fail> {
    match st.store.get_posting(id).await {
        Ok(Some(p)) => Ok(Criteria::derive_from_posting(&p.posting)),
        Ok(None) => Err(fail(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("no posting with id {id}"),
        )),
        Err(e) => {
            tracing::error!(error = %e, "store error");
            Err(fail(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "internal error",
            ))
        }
    }
}

/// Multipart form: exactly one of `criteria`, `posting_id` and `jd`; one or more `file`s.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ScreenUpload {
    /// Criteria as JSON (starts with `{`) or TOML, e.g. from `/api/v1/criteria/derive`.
    criteria: Option<String>,
    /// A stored posting: criteria are derived from it.
    posting_id: Option<String>,
    /// A job description (text or Markdown): criteria are derived from it.
    jd: Option<String>,
    /// `true` masks names, contact details, age, gender cues and nationality before scoring
    /// and in the evidence shown.
    blind: Option<bool>,
    /// Return only the N best (failed files are always listed).
    top: Option<usize>,
    /// Resume files (repeat the field): PDF, DOCX, ODT, RTF, HTML, Markdown or text. At most
    /// 500, each at most 10 MiB.
    #[schema(value_type = Vec<String>, format = Binary)]
    file: Vec<Vec<u8>>,
}

/// One entry of `results`: a ranked file (`rank`, `score`…) or a file that could not be read
/// (`file` and `error` only).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ScreenRow {
    /// 1-based position; absent for a failed file.
    rank: Option<usize>,
    /// The uploaded file name.
    file: String,
    /// Same as `file`.
    id: Option<String>,
    /// 0–100.
    score: Option<f32>,
    /// A must-have is missing: ranked after every file that has them all.
    knocked_out: Option<bool>,
    /// Why ("missing must-have: Kafka or RabbitMQ").
    knockouts: Option<Vec<String>>,
    /// coverage, lexical, semantic (0–1), the weights applied and the raw BM25.
    #[schema(value_type = Option<Object>)]
    breakdown: Option<()>,
    /// One entry per criterion, met or missed: criterion, met, credit, weight, note, snippets
    /// (text with byte offsets into the resume text).
    #[schema(value_type = Option<Vec<Object>>)]
    evidence: Option<()>,
    signals: Option<Vec<String>>,
    /// Another file of this batch that is the same person (the better-ranked one).
    duplicate_of: Option<String>,
    /// Why this file could not be read; the others are still ranked.
    error: Option<FileError>,
}

#[derive(Serialize, ToSchema)]
pub struct FileError {
    /// too_large, encrypted, no_text_layer, corrupt, unsupported, timeout…
    code: String,
    message: String,
}

#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ScreenResponse {
    /// The signals the scores were made from ("coverage", "lexical", "semantic").
    signals: Vec<String>,
    /// Present when the ranking was made differently from usual, and why (e.g. the semantic
    /// signal left out because embedding would outlast the request; it then runs in the
    /// background and a repeated request has it).
    note: Option<String>,
    /// The criteria used (without the job text).
    #[schema(value_type = Object)]
    criteria: (),
    /// Files received, ranked and failed.
    files: usize,
    ranked: usize,
    failed: usize,
    /// Ranked files best first (cut to `top`), then the files that failed.
    results: Vec<ScreenRow>,
}

/// Where the criteria come from.
enum Source {
    Criteria(String),
    Posting(String),
    Jd(String),
}

struct Form {
    sources: Vec<Source>,
    /// The web page's single text box and what it holds ("jd" or "criteria").
    text: Option<String>,
    kind: Option<String>,
    blind: bool,
    top: Option<usize>,
    files: Vec<Upload>,
}

struct Upload {
    name: String,
    bytes: Vec<u8>,
    /// Set when the file was over the size cap: its size, the bytes were not kept.
    too_large: Option<u64>,
}

#[utoipa::path(post, path = "/api/v1/screen", tag = "screening",
    request_body(content = ScreenUpload, content_type = "multipart/form-data"),
    responses(
        (status = 200, body = ScreenResponse),
        (status = 400, body = crate::api::ErrorBody, description = "No files, no or several criteria sources, invalid criteria, a bad `top`/`blind`"),
        (status = 404, body = crate::api::ErrorBody, description = "No posting with that id"),
        (status = 413, body = crate::api::ErrorBody, description = "More than 500 files, or the request over 128 MiB"),
    ))]
pub async fn screen(State(st): State<AppState>, form: Multipart) -> Response {
    let limits = Limits::default();
    let form = match read_form(form, &limits).await {
        Ok(f) => f,
        Err(f) => return f.json(),
    };
    let crit = match criteria(&st, form.sources).await {
        Ok(c) => c,
        Err(f) => return f.json(),
    };
    if form.files.is_empty() {
        return error(
            StatusCode::BAD_REQUEST,
            "missing_file",
            "send the resumes as multipart fields `file`",
        );
    }
    let (ranking, top) = (options(&st, form.blind), form.top);
    let files = form.files;
    let done =
        tokio::task::spawn_blocking(move || respond(&crit, files, &limits, &ranking, top)).await;
    match done {
        Ok(body) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "screening worker failed");
            error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "internal error",
            )
        }
    }
}

async fn read_form(mut form: Multipart, limits: &Limits) -> Result<Form, Fail> {
    let mut out = Form {
        sources: Vec::new(),
        text: None,
        kind: None,
        blind: false,
        top: None,
        files: Vec::new(),
    };
    loop {
        let mut field = match form.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return Err(multipart_fail(e)),
        };
        let name = field.name().unwrap_or("").to_string();
        match name.as_str() {
            "file" | "files" | "file[]" | "files[]" => {
                if out.files.len() >= MAX_FILES {
                    return Err(fail(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        "too_many_files",
                        format!("at most {MAX_FILES} files per request"),
                    ));
                }
                let file_name = field
                    .file_name()
                    .map(str::to_string)
                    .filter(|n| !n.trim().is_empty())
                    .unwrap_or_else(|| format!("file {}", out.files.len() + 1));
                // Keep at most the size cap; count (and drop) the rest, so one huge file is
                // reported on its own instead of failing the batch.
                let mut bytes = Vec::new();
                let mut size = 0u64;
                loop {
                    match field.chunk().await {
                        Ok(Some(c)) => {
                            size += c.len() as u64;
                            if size <= limits.max_bytes as u64 {
                                bytes.extend_from_slice(&c);
                            } else if !bytes.is_empty() {
                                bytes = Vec::new();
                            }
                        }
                        Ok(None) => break,
                        Err(e) => return Err(multipart_fail(e)),
                    }
                }
                let too_large = (size > limits.max_bytes as u64).then_some(size);
                out.files.push(Upload {
                    name: file_name,
                    bytes,
                    too_large,
                });
            }
            "criteria" | "posting_id" | "jd" | "blind" | "top" | "text" | "kind" => {
                let text = match field.text().await {
                    Ok(t) => t,
                    Err(e) => return Err(multipart_fail(e)),
                };
                match name.as_str() {
                    "criteria" => out.sources.push(Source::Criteria(text)),
                    "posting_id" => out.sources.push(Source::Posting(text)),
                    "jd" => out.sources.push(Source::Jd(text)),
                    "text" => out.text = Some(text),
                    "kind" => out.kind = Some(text),
                    "blind" => {
                        out.blind = match text.trim().to_ascii_lowercase().as_str() {
                            "true" | "1" | "on" | "yes" => true,
                            "false" | "0" | "off" | "no" | "" => false,
                            other => {
                                return Err(fail(
                                    StatusCode::BAD_REQUEST,
                                    "invalid_blind",
                                    format!("`blind` must be true or false, not {other:?}"),
                                ))
                            }
                        }
                    }
                    _ => {
                        let t = text.trim();
                        if !t.is_empty() {
                            match t.parse::<usize>() {
                                Ok(n) if n > 0 => out.top = Some(n),
                                _ => {
                                    return Err(fail(
                                        StatusCode::BAD_REQUEST,
                                        "invalid_top",
                                        format!("`top` must be a positive integer, not {t:?}"),
                                    ))
                                }
                            }
                        }
                    }
                }
            }
            // Unknown fields are skipped (a submit button, a CSRF token…).
            _ => {}
        }
    }
    if let Some(text) = out.text.clone() {
        out.sources.push(match out.kind.as_deref() {
            Some("criteria") => Source::Criteria(text),
            _ => Source::Jd(text),
        });
    }
    Ok(out)
}

async fn criteria(st: &AppState, mut sources: Vec<Source>) -> Result<Criteria, Fail> {
    if sources.len() > 1 {
        return Err(fail(
            StatusCode::BAD_REQUEST,
            "ambiguous_criteria",
            "send only one of `criteria`, `posting_id` and `jd`",
        ));
    }
    let Some(source) = sources.pop() else {
        return Err(fail(
            StatusCode::BAD_REQUEST,
            "missing_criteria",
            "send one of `criteria` (JSON or TOML), `posting_id` or `jd` (a job description)",
        ));
    };
    let invalid = |m: String| fail(StatusCode::BAD_REQUEST, "invalid_criteria", m);
    let crit = match source {
        Source::Criteria(text) => {
            let t = text.trim_start();
            let parsed = if t.starts_with('{') {
                Criteria::from_json(t)
            } else {
                Criteria::from_toml(t)
            };
            parsed.map_err(|e| invalid(e.to_string()))?
        }
        Source::Posting(id) => {
            let id: i64 = id.trim().parse().map_err(|_| {
                fail(
                    StatusCode::BAD_REQUEST,
                    "invalid_posting_id",
                    format!("`posting_id` must be an integer, not {:?}", id.trim()),
                )
            })?;
            posting_criteria(st, id).await?
        }
        Source::Jd(text) => Criteria::derive_from_text(&text),
    };
    if crit.is_empty() {
        return Err(invalid(
            "criteria: nothing is asked for (no must_have, nice_to_have, years, job_text…)".into(),
        ));
    }
    Ok(crit)
}

/// A batch parsed and ranked.
struct Outcome {
    files: usize,
    /// Best first.
    ranked: Vec<Scored>,
    /// File name and why it could not be read.
    failed: Vec<(String, DocError)>,
    /// Something the reader should know about how the ranking was made.
    note: Option<&'static str>,
}

/// Ranking options: blind or not, with the server's embedding model (and its time budget)
/// when it has one.
fn options(st: &AppState, blind: bool) -> Ranking {
    Ranking {
        opts: Options {
            blind,
            embedder: st.embedder.clone(),
            embed_budget: st.embedder.as_ref().map(|_| st.embed_budget),
            ..Options::default()
        },
        warming: st.warming.clone(),
    }
}

/// How a request ranks: the options, and the server's flag for its one background embedder.
struct Ranking {
    opts: Options,
    warming: Arc<AtomicBool>,
}

/// Clears the warming flag when the background task ends, even by a panic.
struct Warming(Arc<AtomicBool>);
impl Drop for Warming {
    fn drop(&mut self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

/// Shown when the semantic signal was left out for time.
const NOTE_EMBEDDING_LATER: &str = "The semantic signal was left out: embedding these resumes \
takes longer than one request allows. They are being embedded in the background; send the \
same request again in a few minutes to have it.";
const NOTE_EMBEDDING_BUSY: &str = "The semantic signal was left out: embedding these resumes \
takes longer than one request allows, and the server is already embedding another batch in \
the background. Send the request again once that is done to start on these.";

/// Parse every file (on all cores) and rank the ones that could be read.
fn run(crit: &Criteria, files: Vec<Upload>, limits: &Limits, ranking: &Ranking) -> Outcome {
    let opts = &ranking.opts;
    let n_files = files.len();
    let mut too_large = Vec::with_capacity(n_files);
    let docs: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|f| {
            too_large.push(f.too_large);
            (f.name, f.bytes)
        })
        .collect();
    let parsed = hirekit_resume::parse_batch(&docs, limits);
    let mut ok = Vec::new();
    let mut failed = Vec::new();
    for (((name, _), r), big) in docs.iter().zip(parsed).zip(too_large) {
        let r = match big {
            Some(size) => Err(DocError::TooLarge {
                size,
                limit: limits.max_bytes as u64,
            }),
            None => r,
        };
        match r {
            Ok(p) => ok.push((name.as_str(), p)),
            Err(e) => failed.push((name.clone(), e)),
        }
    }
    let cands = candidates(&ok);
    let t = Instant::now();
    let ranked = rank(crit, &cands, opts);
    // Ranking took the whole budget and came back without the signal: it ran out of time
    // (a failing model answers at once).
    let out_of_time = opts.embed_budget.is_some_and(|b| t.elapsed() >= b)
        && ranked.first().is_some_and(|s| !s.signals.contains(&"semantic"));
    let mut note = None;
    if out_of_time {
        note = Some(NOTE_EMBEDDING_BUSY);
        if !ranking.warming.swap(true, Ordering::SeqCst) {
            note = Some(NOTE_EMBEDDING_LATER);
            // The same ranking without a budget fills the vector cache; its result is
            // dropped. Parsed resumes move to the thread (names owned).
            let owned: Vec<(String, hirekit_resume::Parsed)> =
                ok.into_iter().map(|(n, p)| (n.to_string(), p)).collect();
            let (crit, mut opts) = (crit.clone(), opts.clone());
            opts.embed_budget = None;
            let flag = Warming(ranking.warming.clone());
            let spawned = std::thread::Builder::new()
                .name("hirekit-embed-warm".into())
                .spawn(move || {
                    let _flag = flag;
                    let cands = candidates(&owned);
                    let t = Instant::now();
                    let _ = rank(&crit, &cands, &opts);
                    tracing::info!(resumes = cands.len(), took = ?t.elapsed(), "embedded in the background");
                });
            if spawned.is_err() {
                // The closure, and the flag's guard with it, was dropped.
                note = Some(NOTE_EMBEDDING_BUSY);
            }
        }
    }
    Outcome {
        files: n_files,
        ranked,
        failed,
        note,
    }
}

fn candidates<N: AsRef<str>>(parsed: &[(N, hirekit_resume::Parsed)]) -> Vec<Candidate<'_>> {
    parsed
        .iter()
        .map(|(name, p)| Candidate {
            id: name.as_ref().to_string(),
            text: &p.document.text,
            profile: &p.profile,
        })
        .collect()
}

/// The API response body.
fn respond(
    crit: &Criteria,
    files: Vec<Upload>,
    limits: &Limits,
    ranking: &Ranking,
    top: Option<usize>,
) -> Vec<u8> {
    let out = run(crit, files, limits, ranking);
    let mut results: Vec<Entry<_>> = out
        .ranked
        .iter()
        .take(top.unwrap_or(usize::MAX))
        .enumerate()
        .map(|(i, s)| Entry::Ranked(s.to_row(i + 1)))
        .collect();
    results.extend(out.failed.iter().map(|(name, e)| Entry::Failed {
        file: name,
        error: FileError {
            code: e.code().to_string(),
            message: e.to_string(),
        },
    }));
    let mut shown_crit = crit.clone();
    shown_crit.job_text = None;
    let body = Body {
        signals: out
            .ranked
            .first()
            .map(|s| s.signals.clone())
            .unwrap_or_default(),
        note: out.note,
        criteria: &shown_crit,
        files: out.files,
        ranked: out.ranked.len(),
        failed: out.failed.len(),
        results,
    };
    serde_json::to_vec(&body).unwrap_or_else(|_| b"{}".to_vec())
}

#[derive(Serialize)]
#[serde(untagged)]
enum Entry<'a, R: Serialize> {
    Ranked(R),
    Failed { file: &'a str, error: FileError },
}

#[derive(Serialize)]
struct Body<'a, R: Serialize> {
    signals: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'static str>,
    criteria: &'a Criteria,
    files: usize,
    ranked: usize,
    failed: usize,
    results: Vec<Entry<'a, R>>,
}

fn multipart_fail(e: axum::extract::multipart::MultipartError) -> Fail {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return fail(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!("request too large (limit {MAX_SCREEN_BODY} bytes in total)"),
        );
    }
    fail(StatusCode::BAD_REQUEST, "bad_multipart", e.body_text())
}

// ---- The web page: paste a JD or criteria, upload resumes, see the ranking. ----

async fn page_form() -> Response {
    crate::html::layout("Screen resumes", &form_html("", false, false)).into_response()
}

async fn page_submit(State(st): State<AppState>, form: Multipart) -> Response {
    let limits = Limits::default();
    let form = match read_form(form, &limits).await {
        Ok(f) => f,
        Err(f) => return page_error(f, "", false, false),
    };
    let text = form.text.clone().unwrap_or_default();
    let as_criteria = form.kind.as_deref() == Some("criteria");
    let blind = form.blind;
    let crit = match criteria(&st, form.sources).await {
        Ok(c) => c,
        Err(f) => return page_error(f, &text, as_criteria, blind),
    };
    if form.files.is_empty() {
        let f = fail(
            StatusCode::BAD_REQUEST,
            "missing_file",
            "choose one or more resume files",
        );
        return page_error(f, &text, as_criteria, blind);
    }
    let (top, files, ranking) = (form.top, form.files, options(&st, blind));
    let done = tokio::task::spawn_blocking(move || {
        let out = run(&crit, files, &limits, &ranking);
        results_html(&out, top)
    })
    .await;
    match done {
        Ok(results) => {
            let body = format!("{}{}", form_html(&text, as_criteria, blind), results);
            crate::html::layout("Screening results", &body).into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, "screening worker failed");
            let f = fail(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "internal error",
            );
            page_error(f, &text, as_criteria, blind)
        }
    }
}

fn page_error(f: Fail, text: &str, as_criteria: bool, blind: bool) -> Response {
    let body = format!(
        "<p class=\"error\" role=\"alert\"><strong>Cannot screen:</strong> {}</p>{}",
        crate::html::esc(&f.message),
        form_html(text, as_criteria, blind)
    );
    (f.status, crate::html::layout("Screen resumes", &body)).into_response()
}

fn form_html(text: &str, as_criteria: bool, blind: bool) -> String {
    let (jd, cr) = if as_criteria {
        ("", " checked")
    } else {
        (" checked", "")
    };
    format!(
        "<h1>Screen resumes</h1>\
<p>Paste a job description (criteria are derived from it: requirement lists, \"5+ years\", skills) \
or criteria as TOML/JSON, then choose up to {MAX_FILES} resumes (PDF, DOCX, ODT, RTF, HTML, text). \
Every score shows its evidence. The same runs through <code>POST /api/v1/screen</code>.</p>\
<form method=\"post\" action=\"/screen\" enctype=\"multipart/form-data\">\
<fieldset><legend>The job</legend>\
<label><input type=\"radio\" name=\"kind\" value=\"jd\"{jd}> Job description</label> \
<label><input type=\"radio\" name=\"kind\" value=\"criteria\"{cr}> Criteria (TOML or JSON)</label>\
<p><textarea name=\"text\" rows=\"12\" cols=\"80\" required aria-label=\"Job description or criteria\">{}</textarea></p>\
</fieldset>\
<p><label>Resumes <input type=\"file\" name=\"file\" multiple required></label></p>\
<p><label><input type=\"checkbox\" name=\"blind\" value=\"true\"{}> Blind: hide names, contact details, age, gender cues and nationality</label></p>\
<p><label>Show the best <input type=\"number\" name=\"top\" min=\"1\" style=\"width:5em\"></label></p>\
<p><button type=\"submit\">Screen</button></p></form>",
        crate::html::esc(text),
        if blind { " checked" } else { "" }
    )
}

fn results_html(out: &Outcome, top: Option<usize>) -> String {
    use crate::html::esc;
    use std::fmt::Write;
    let mut h = String::new();
    let signals = out
        .ranked
        .first()
        .map(|s| s.signals.join(" + "))
        .unwrap_or_default();
    let _ = write!(
        h,
        "<h2>Ranking</h2><p>{} files: {} ranked, {} could not be read. Scores from {}.</p>",
        out.files,
        out.ranked.len(),
        out.failed.len(),
        if signals.is_empty() {
            "nothing"
        } else {
            &signals
        }
    );
    if let Some(n) = out.note {
        let _ = write!(h, "<p class=\"note\" role=\"status\">{}</p>", esc(n));
    }
    if !out.ranked.is_empty() {
        h.push_str(
            "<table><thead><tr><th>#</th><th>File</th><th>Score</th><th>Coverage</th>\
<th>Lexical</th><th>Notes</th></tr></thead><tbody>",
        );
        for (i, s) in out
            .ranked
            .iter()
            .take(top.unwrap_or(usize::MAX))
            .enumerate()
        {
            let mut notes = Vec::new();
            if s.knocked_out {
                notes.push(format!(
                    "<strong>Knocked out:</strong> {}",
                    esc(&s.knockouts.join("; "))
                ));
            }
            if let Some(d) = &s.duplicate_of {
                notes.push(format!("same person as {}", esc(d)));
            }
            let score = s.score.clamp(0.0, 100.0);
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}</td><td><div style=\"background:#ddd;width:8em;height:.8em\" \
role=\"img\" aria-label=\"score {score:.0} of 100\"><div style=\"background:{};width:{score:.0}%;height:100%\"></div></div>{score:.1}</td>\
<td>{:.0}%</td><td>{:.0}%</td><td>{}</td></tr>",
                i + 1,
                esc(&s.id),
                if s.knocked_out { "#b55" } else { "#3a7" },
                s.breakdown.coverage * 100.0,
                s.breakdown.lexical * 100.0,
                notes.join(" · ")
            );
            let _ = write!(
                h,
                "<tr><td></td><td colspan=\"5\"><details><summary>Evidence</summary><ul>"
            );
            for e in &s.evidence {
                let snippet = e
                    .snippets
                    .first()
                    .map(|sn| format!(" — <q>{}</q>", esc(&sn.text)))
                    .unwrap_or_default();
                let _ = write!(
                    h,
                    "<li>{} {}: {}{}</li>",
                    if e.met { "✓" } else { "✗" },
                    esc(&e.criterion),
                    esc(&e.note),
                    snippet
                );
            }
            h.push_str("</ul></details></td></tr>");
        }
        h.push_str("</tbody></table>");
    }
    if !out.failed.is_empty() {
        h.push_str("<h2>Not read</h2><ul>");
        for (name, e) in &out.failed {
            let _ = write!(h, "<li>{}: {}</li>", esc(name), esc(&e.to_string()));
        }
        h.push_str("</ul>");
    }
    h
}
