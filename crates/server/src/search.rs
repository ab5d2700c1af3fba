//! Search and salary insight over the Tantivy index: `GET /api/v1/jobs`, `GET /api/v1/salaries`.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use hirekit_index::{SearchError, SearchIndex, SearchRequest};
use hirekit_model::money::Rates;
use hirekit_model::RoleFamily;
use hirekit_insight::{Basis, Insight};
use serde::Serialize;
use serde_json::json;
use utoipa::{IntoParams, OpenApi};

use crate::AppState;

#[derive(OpenApi)]
#[openapi(paths(search_jobs, salaries))]
pub struct SearchDoc;

pub fn routes() -> Router<AppState> {
    Router::new().route("/api/v1/jobs", get(search_jobs)).route("/api/v1/salaries", get(salaries))
}

/// Query parameters of `GET /api/v1/jobs` (also accepted by `/api/v1/salaries` and the web board).
/// Filters taking a list may be repeated (`skill=Rust&skill=Go`).
#[allow(dead_code)] // documents the contract in the OpenAPI document; parsing is SearchRequest::from_pairs
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct JobsParams {
    /// Free text: words (all required), "quoted phrases", -excluded words; typo-tolerant from five
    /// letters, the last word matches as a prefix.
    q: Option<String>,
    /// backend, frontend, fullstack, software, mobile, devops, data-engineering, data-science,
    /// machine-learning, security, qa, embedded, architecture, engineering-management,
    /// product-management, design, other
    role_family: Option<Vec<String>>,
    /// intern, junior, mid, senior, staff, principal, head
    seniority: Option<Vec<String>>,
    /// remote, hybrid or onsite
    remote: Option<Vec<String>>,
    /// ISO 3166-1 alpha-2 country code, e.g. DE
    country: Option<Vec<String>>,
    /// Region code, e.g. EU, EMEA, LATAM, APAC
    region: Option<Vec<String>>,
    /// Lowest yearly pay wanted, in `currency`: postings whose range reaches it match
    salary_min: Option<f64>,
    /// Highest yearly pay, in `currency`: postings whose range starts at or below it match
    salary_max: Option<f64>,
    /// ISO 4217 code for salary filters and figures (default USD)
    currency: Option<String>,
    /// Required skill (repeatable)
    skill: Option<Vec<String>>,
    /// all (default) or any: how several `skill` values combine
    skill_match: Option<String>,
    /// Company name (case-insensitive, exact)
    company: Option<Vec<String>>,
    /// Company name prefix (case-insensitive)
    company_prefix: Option<String>,
    /// Source kind, e.g. greenhouse, lever, jsonld
    source: Option<Vec<String>>,
    /// full-time, part-time, contract, temporary, internship, volunteer, per-diem, other
    employment_type: Option<Vec<String>>,
    /// Posted within this many days
    posted_within: Option<u32>,
    /// relevance (default), newest or salary
    sort: Option<String>,
    /// Opaque cursor from `next_cursor`
    cursor: Option<String>,
    /// Page size, 1–100 (default 20)
    limit: Option<u32>,
    /// Include closed postings
    include_closed: Option<bool>,
}

/// Extra parameter of `GET /api/v1/salaries`.
#[allow(dead_code)]
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SalaryParams {
    /// Which value of a range counts: midpoint (default), low or high
    basis: Option<String>,
}

/// A search error as an HTTP answer: 400 with a stable code and, for syntax errors, the position.
pub fn search_error(e: SearchError) -> Response {
    let (status, body) = match &e {
        SearchError::Syntax { message, position } => (
            StatusCode::BAD_REQUEST,
            json!({"error": {"code": "invalid_query", "message": format!("{message} (at position {position})"), "position": position}}),
        ),
        SearchError::UnknownParam { name, valid } => (
            StatusCode::BAD_REQUEST,
            json!({"error": {"code": "unknown_parameter", "message": e.to_string(), "parameter": name, "valid": valid}}),
        ),
        SearchError::BadValue { param, .. } => (
            StatusCode::BAD_REQUEST,
            json!({"error": {"code": "invalid_value", "message": e.to_string(), "parameter": param}}),
        ),
        _ => {
            tracing::error!(error = %e, "search failed");
            (StatusCode::INTERNAL_SERVER_ERROR, json!({"error": {"code": "internal", "message": "internal error"}}))
        }
    };
    (status, Json(body)).into_response()
}

/// Runs a request on the blocking pool: Tantivy searches are CPU work.
pub async fn run_search(st: &AppState, req: SearchRequest) -> Result<hirekit_index::SearchResponse, SearchError> {
    let index = st.index.clone();
    tokio::task::spawn_blocking(move || index.search(&req))
        .await
        .unwrap_or_else(|e| Err(SearchError::Internal(e.to_string())))
}

/// Search postings: free text, filters, facets for the current query, cursor pagination.
#[utoipa::path(get, path = "/api/v1/jobs", tag = "jobs", params(JobsParams),
    responses(
        (status = 200, description = "`{\"total\", \"hits\":[{\"id\",\"title\",\"company\",\"apply_url\",\"salary\",\"role_family\",\"seniority\",\"remote\",…}], \"facets\":{\"role_family\":{\"backend\":12,…},…}, \"next_cursor\", \"partial\", \"took_ms\"}`", content_type = "application/json"),
        (status = 400, description = "Invalid query syntax (with position), unknown parameter (lists the valid ones) or bad value", body = crate::api::ErrorBody)
    ))]
async fn search_jobs(State(st): State<AppState>, Query(pairs): Query<Vec<(String, String)>>) -> Response {
    let req = match SearchRequest::from_pairs(&pairs) {
        Ok(r) => r,
        Err(e) => return search_error(e),
    };
    match run_search(&st, req).await {
        Ok(r) => Json(r).into_response(),
        Err(e) => search_error(e),
    }
}

#[derive(Serialize)]
pub struct SalaryReport {
    #[serde(flatten)]
    pub insight: Insight,
    /// True when the time budget cut the scan short.
    pub partial: bool,
    /// Date of the exchange-rate table used for conversion.
    pub rates_date: String,
    pub assumptions: &'static str,
}

pub const ASSUMPTIONS: &str = "Yearly pay: hourly x 2,080, daily x 260, weekly x 52, monthly x 12; a range without a period is yearly. \
Ranges count by their midpoint unless basis says otherwise. Implausible or extreme figures are listed as outliers and left out. See docs/SALARIES.md.";

/// Salary statistics for a filter combination, in the currency asked for.
pub async fn salary_report(st: &AppState, pairs: &[(String, String)]) -> Result<SalaryReport, SearchError> {
    let index = st.index.clone();
    let rates = st.rates.clone();
    let pairs = pairs.to_vec();
    tokio::task::spawn_blocking(move || salary_report_blocking(&index, &rates, &pairs))
        .await
        .unwrap_or_else(|e| Err(SearchError::Internal(e.to_string())))
}

/// The same, for callers outside the server (the CLI): `basis` is accepted beside the search
/// parameters.
pub fn salary_report_blocking(index: &SearchIndex, rates: &Rates, pairs: &[(String, String)]) -> Result<SalaryReport, SearchError> {
    Ok(salary_reports_by_role(index, rates, pairs)?.0)
}

/// One scan, two answers: the report for the whole filter combination, and one per role family
/// (families with matching postings only, in `RoleFamily::ALL` order) — what a salary table
/// by role needs without scanning once per role.
pub fn salary_reports_by_role(
    index: &SearchIndex,
    rates: &Rates,
    pairs: &[(String, String)],
) -> Result<(SalaryReport, Vec<(RoleFamily, SalaryReport)>), SearchError> {
    let mut basis = Basis::Midpoint;
    let mut rest = Vec::with_capacity(pairs.len());
    for (k, v) in pairs {
        if k == "basis" {
            basis = Basis::parse(v).ok_or_else(|| SearchError::BadValue {
                param: "basis".into(),
                message: format!("{v:?} is not one of midpoint, low, high"),
            })?;
        } else {
            rest.push((k.clone(), v.clone()));
        }
    }
    let req = SearchRequest::from_pairs(&rest)?;
    let currency = req.currency.clone();
    let sample = index.salaries(&req)?;
    let floor = rates.convert(8_000.0, "USD", &currency).unwrap_or(8_000.0);
    let ceiling = rates.convert(2_000_000.0, "USD", &currency).unwrap_or(2_000_000.0);
    let opts = hirekit_insight::Options { currency: &currency, basis, plausible: (floor, ceiling), bins: 16 };
    let report = |points: &[hirekit_insight::Point], matched: u64| SalaryReport {
        insight: hirekit_insight::summarize(points, matched, &opts),
        partial: sample.partial,
        rates_date: rates.date.clone(),
        assumptions: ASSUMPTIONS,
    };
    let point = |p: &hirekit_index::SalaryPoint| hirekit_insight::Point { id: p.id, low: p.lo, high: p.hi, period: p.period, seniority: p.seniority };
    let all: Vec<hirekit_insight::Point> = sample.points.iter().map(point).collect();
    let by_role = sample
        .matched_by_role
        .iter()
        .map(|(f, matched)| {
            let pts: Vec<hirekit_insight::Point> =
                sample.points.iter().filter(|p| p.role_family == Some(*f)).map(point).collect();
            (*f, report(&pts, *matched))
        })
        .collect();
    Ok((report(&all, sample.matched), by_role))
}

/// Salary insight: postings counted, postings with salary data, percentiles overall and per
/// seniority, a histogram and flagged outliers, with a headline like
/// "Typical salary: $191k–$278k · 401 listings with salary data".
#[utoipa::path(get, path = "/api/v1/salaries", tag = "salaries", params(JobsParams, SalaryParams),
    responses(
        (status = 200, description = "`{\"headline\", \"postings\", \"with_salary\", \"used\", \"overall\":{\"p10\",\"p25\",\"p50\",\"p75\",\"p90\"}, \"by_seniority\":[…], \"histogram\":[…], \"outliers\":[…], \"currency\", \"rates_date\"}`", content_type = "application/json"),
        (status = 400, description = "Unknown parameter or bad value", body = crate::api::ErrorBody)
    ))]
async fn salaries(State(st): State<AppState>, Query(pairs): Query<Vec<(String, String)>>) -> Response {
    match salary_report(&st, &pairs).await {
        Ok(r) => Json(r).into_response(),
        Err(e) => search_error(e),
    }
}
