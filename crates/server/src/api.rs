//! JSON API under /api/v1, described by the OpenAPI document at /api/openapi.json.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use hirekit_store::{PostingSource, StoredPosting};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

use crate::AppState;

#[derive(OpenApi)]
#[openapi(
    info(title = "hirekit", description = "Job postings aggregated from many sources, normalized and deduplicated."),
    paths(get_job, list_sources, stats, crate::observe::healthz, crate::observe::readyz),
    components(schemas(JobView, SalaryView, SourceView, SourceStatusView, StatsView, ErrorBody, ErrorDetail))
)]
pub struct ApiDoc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/openapi.json", get(|| async { Json(crate::openapi()) }))
        .route("/api/v1/jobs/{id}", get(get_job))
        .route("/api/v1/sources", get(list_sources))
        .route("/api/v1/stats", get(stats))
}

/// Errors as `{"error":{"code","message"}}`; internals are logged, not leaked.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable machine-readable code, e.g. `not_found`.
    code: String,
    message: String,
}

impl ApiError {
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::NOT_FOUND, code: "not_found", message: message.into() }
    }
}

impl From<hirekit_store::StoreError> for ApiError {
    fn from(e: hirekit_store::StoreError) -> ApiError {
        tracing::error!(error = %e, "store error");
        ApiError { status: StatusCode::INTERNAL_SERVER_ERROR, code: "internal", message: "internal error".into() }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody { error: ErrorDetail { code: self.code.into(), message: self.message } };
        (self.status, Json(body)).into_response()
    }
}

#[derive(Serialize, ToSchema)]
pub struct SalaryView {
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub currency: Option<String>,
    /// hour, day, week, month or year
    pub period: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SourceView {
    /// Source name, e.g. `greenhouse:acme`.
    pub source: String,
    pub kind: Option<String>,
    pub external_id: String,
    pub url: Option<String>,
    pub apply_url: Option<String>,
    /// Why this copy was merged into the posting (absent for the first copy).
    pub merge_reason: Option<String>,
    pub first_seen: String,
    pub last_seen: String,
    pub closed_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct JobView {
    pub id: i64,
    pub title: String,
    pub company: Option<String>,
    /// Where to apply: the source's own link.
    pub apply_url: Option<String>,
    pub url: Option<String>,
    pub salary: Option<SalaryView>,
    pub role_family: String,
    pub seniority: Option<String>,
    pub track: String,
    /// remote, hybrid or onsite
    pub remote: Option<String>,
    pub countries: Vec<String>,
    pub regions: Vec<String>,
    pub locations: Vec<String>,
    pub employment_type: Option<String>,
    pub skills: Vec<String>,
    pub description: String,
    pub department: Option<String>,
    pub posted_at: Option<String>,
    pub first_seen: String,
    pub last_seen: String,
    pub closed_at: Option<String>,
    pub sources: Vec<SourceView>,
}

pub fn iso(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0).map(|d| d.to_rfc3339()).unwrap_or_default()
}

fn source_view(s: &PostingSource) -> SourceView {
    SourceView {
        source: s.source.clone(),
        kind: s.kind.clone(),
        external_id: s.external_id.clone(),
        url: s.url.clone(),
        apply_url: s.apply_url.clone(),
        merge_reason: s.merge_reason.clone(),
        first_seen: iso(s.first_seen),
        last_seen: iso(s.last_seen),
        closed_at: s.closed_at.map(iso),
    }
}

pub fn job_view(sp: &StoredPosting) -> JobView {
    let p = &sp.posting;
    JobView {
        id: sp.id,
        title: p.title.clone(),
        company: p.company.clone(),
        apply_url: p.apply_url.clone(),
        url: p.url.clone(),
        salary: p.salary.as_ref().map(|s| SalaryView {
            min: s.min,
            max: s.max,
            currency: s.currency.clone(),
            period: s.period.map(|x| x.as_str().to_string()),
        }),
        role_family: p.role_family.as_str().into(),
        seniority: p.seniority.map(|s| s.as_str().into()),
        track: p.track.as_str().into(),
        remote: p.remote.map(|r| r.as_str().into()),
        countries: p.countries.clone(),
        regions: p.regions.clone(),
        locations: p.locations.clone(),
        employment_type: p.employment_type.map(|e| e.as_str().into()),
        skills: p.skills.clone(),
        description: p.description.clone(),
        department: p.department.clone(),
        posted_at: p.posted_at.map(|t| t.to_rfc3339()),
        first_seen: iso(sp.first_seen),
        last_seen: iso(sp.last_seen),
        closed_at: sp.closed_at.map(iso),
        sources: sp.sources.iter().map(source_view).collect(),
    }
}

/// One posting with every source it was seen on.
#[utoipa::path(get, path = "/api/v1/jobs/{id}", tag = "jobs",
    params(("id" = i64, Path, description = "Posting id")),
    responses((status = 200, body = JobView), (status = 404, body = ErrorBody)))]
pub async fn get_job(State(st): State<AppState>, Path(id): Path<String>) -> Result<Json<JobView>, ApiError> {
    let id: i64 = id.parse().map_err(|_| ApiError::not_found(format!("no posting {id:?}: ids are numbers")))?;
    match st.store.get_posting(id).await? {
        Some(p) => Ok(Json(job_view(&p))),
        None => Err(ApiError::not_found(format!("no posting {id}"))),
    }
}

#[derive(Serialize, ToSchema)]
pub struct SourceStatusView {
    pub id: i64,
    pub name: String,
    pub kind: Option<String>,
    pub location: String,
    /// Polled by `hirekit serve` on a schedule.
    pub registered: bool,
    pub interval_secs: i64,
    pub last_polled_at: Option<String>,
    pub last_ok_at: Option<String>,
    /// ok, not_modified or failed
    pub last_status: Option<String>,
    pub last_error: Option<String>,
    pub consecutive_failures: i64,
}

/// Every source with its last status and error.
#[utoipa::path(get, path = "/api/v1/sources", tag = "sources", responses((status = 200, body = [SourceStatusView])))]
pub async fn list_sources(State(st): State<AppState>) -> Result<Json<Vec<SourceStatusView>>, ApiError> {
    let v = st
        .store
        .list_sources(false)
        .await?
        .into_iter()
        .map(|s| SourceStatusView {
            id: s.id,
            name: s.name,
            kind: s.kind,
            location: s.location,
            registered: s.registered,
            interval_secs: s.interval_secs,
            last_polled_at: s.last_polled_at.map(iso),
            last_ok_at: s.last_ok_at.map(iso),
            last_status: s.last_status,
            last_error: s.last_error,
            consecutive_failures: s.consecutive_failures,
        })
        .collect();
    Ok(Json(v))
}

#[derive(Serialize, ToSchema)]
pub struct StatsView {
    pub postings: i64,
    pub open_postings: i64,
    /// Source items (one posting may have several).
    pub items: i64,
    pub sources: i64,
}

/// Store totals.
#[utoipa::path(get, path = "/api/v1/stats", tag = "jobs", responses((status = 200, body = StatsView)))]
pub async fn stats(State(st): State<AppState>) -> Result<Json<StatsView>, ApiError> {
    let c = st.store.counts().await?;
    Ok(Json(StatsView { postings: c.postings, open_postings: c.open_postings, items: c.items, sources: c.sources }))
}
