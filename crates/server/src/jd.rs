//! Job descriptions over HTTP: `POST /api/v1/jd/build`, `POST /api/v1/jd/lint`,
//! `POST /api/v1/jd/publish`, and the builder form at `/jd/new` (works without JavaScript; a
//! small script shows lint findings live while the description is typed).
//!
//! Publishing stores the built JD as a posting of the board, owned by the default
//! organisation, under the source `hirekit:jd`. Its identity there is the company and the
//! spec's `identifier`, so publishing the same spec again updates the posting.

use std::fmt::Write;

use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use hirekit_jd::{Finding, JdError, LintOptions, Spec};
use hirekit_screen::Criteria;
use hirekit_store::{Incoming, Store, StoreError};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use utoipa::{OpenApi, ToSchema};

use crate::html::{esc, layout};
use crate::AppState;

#[derive(OpenApi)]
#[openapi(
    paths(build_jd, lint_jd, publish_jd_api),
    components(schemas(JdBuildView, JdLintRequest, JdLintView, FindingView, PublishedView)),
    tags((name = "jd", description = "Job-description builder and linter"))
)]
pub struct JdDoc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/jd/build", post(build_jd))
        .route("/api/v1/jd/lint", post(lint_jd))
        .route("/api/v1/jd/publish", post(publish_jd_api))
        .route("/jd/new", get(form_page).post(form_submit))
}

/// One lint finding; `start`/`end` are byte offsets into the linted text.
#[derive(Serialize, ToSchema)]
pub struct FindingView {
    /// Stable rule id, e.g. `missing-pay-range`
    pub rule: String,
    /// error, warning or info
    pub severity: String,
    pub message: String,
    pub start: usize,
    pub end: usize,
    pub suggestion: Option<String>,
}

impl From<&Finding> for FindingView {
    fn from(f: &Finding) -> Self {
        FindingView {
            rule: f.rule.into(),
            severity: f.severity.as_str().into(),
            message: f.message.clone(),
            start: f.start,
            end: f.end,
            suggestion: f.suggestion.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct JdBuildView {
    pub title: String,
    pub markdown: String,
    pub html: String,
    /// schema.org JobPosting
    #[schema(value_type = Object)]
    pub jsonld: Value,
    /// Lint findings for the built Markdown
    pub findings: Vec<FindingView>,
}

#[derive(Deserialize, ToSchema)]
pub struct JdLintRequest {
    /// JD text: plain, Markdown or HTML
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct JdLintView {
    pub findings: Vec<FindingView>,
}

/// `{"error":{"code","message"}}`, as the rest of the API.
fn api_error(status: StatusCode, code: &str, message: String) -> Response {
    (
        status,
        Json(json!({"error": {"code": code, "message": message}})),
    )
        .into_response()
}

fn jd_error(e: &JdError) -> Response {
    match e {
        JdError::Invalid(_) | JdError::Syntax(_) => api_error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_spec",
            e.to_string(),
        ),
        JdError::BadInput(_) => api_error(StatusCode::BAD_REQUEST, "bad_input", e.to_string()),
    }
}

fn build_from(v: Value) -> Result<JdBuildView, JdError> {
    let spec = hirekit_jd::parse_spec_value(v)?;
    let jd = hirekit_jd::build(&spec)?;
    let findings = hirekit_jd::lint(
        &jd.markdown,
        &LintOptions {
            reference_date: spec.date_posted,
            ..LintOptions::default()
        },
    )
    .unwrap_or_default();
    Ok(JdBuildView {
        title: jd.title,
        markdown: jd.markdown,
        html: jd.html,
        jsonld: jd.jsonld,
        findings: findings.iter().map(FindingView::from).collect(),
    })
}

/// Build a JD from a spec (same fields as the TOML spec of `hirekit jd build`).
#[utoipa::path(post, path = "/api/v1/jd/build", tag = "jd",
    request_body(content = Object, description = "JD spec: role, seniority, company{name,about,site,logo}, location{remote,countries,regions,timezones,city}, pay{min,max,currency,period}, employment_type, benefits, apply_url, must_have, nice_to_have, title, intro, date_posted, valid_through, identifier, direct_apply"),
    responses((status = 200, body = JdBuildView), (status = 422, body = crate::api::ErrorBody, description = "invalid spec; the message names the field")))]
pub async fn build_jd(
    body: Result<Json<Value>, axum::extract::rejection::JsonRejection>,
) -> Response {
    let Json(v) = match body {
        Ok(b) => b,
        Err(e) => return api_error(StatusCode::BAD_REQUEST, "bad_json", e.body_text()),
    };
    match build_from(v) {
        Ok(view) => Json(view).into_response(),
        Err(e) => jd_error(&e),
    }
}

/// Lint JD text.
#[utoipa::path(post, path = "/api/v1/jd/lint", tag = "jd", request_body = JdLintRequest,
    responses((status = 200, body = JdLintView), (status = 400, body = crate::api::ErrorBody, description = "empty or binary text")))]
pub async fn lint_jd(
    body: Result<Json<JdLintRequest>, axum::extract::rejection::JsonRejection>,
) -> Response {
    let Json(req) = match body {
        Ok(b) => b,
        Err(e) => return api_error(StatusCode::BAD_REQUEST, "bad_json", e.body_text()),
    };
    match hirekit_jd::lint(&req.text, &LintOptions::default()) {
        Ok(f) => Json(JdLintView {
            findings: f.iter().map(FindingView::from).collect(),
        })
        .into_response(),
        Err(e) => jd_error(&e),
    }
}

/// Source name (and location) of published JDs.
pub const PUBLISH_SOURCE: &str = "hirekit:jd";

/// A JD published to the board.
#[derive(Debug, Serialize)]
pub struct Published {
    /// Posting id on the board.
    pub id: i64,
    /// The posting's page, `/jobs/{id}`.
    pub url: String,
    /// The posting's id within the `hirekit:jd` source: company and spec identifier.
    pub external_id: String,
    /// new, updated or unchanged
    pub status: &'static str,
    pub title: String,
    /// Screening criteria derived from the published posting (as `hirekit screen` derives them).
    pub criteria: Criteria,
}

#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error(transparent)]
    Spec(#[from] JdError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The stable id of a spec within the `hirekit:jd` source.
fn external_id(spec: &Spec) -> String {
    format!("{}/{}", spec.company.name.trim().to_lowercase(), spec.identifier)
}

/// Build the JD of `spec` and store it as a posting of the default organisation; publishing
/// the same company + identifier again updates that posting. The stored raw item is the
/// JobPosting JSON-LD, so `hirekit renormalize` can parse it like any JSON-LD item. The
/// serve node's index picks the posting up from the change feed (callers holding an index can
/// run `catch_up` to make it searchable at once).
pub async fn publish_jd(store: &Store, spec: &Spec) -> Result<Published, PublishError> {
    let jd = hirekit_jd::build(spec)?;
    let posting = hirekit_jd::to_posting(&jd, spec);
    let raw = jd.jsonld.to_string();
    let now = chrono::Utc::now().timestamp();
    let src = store
        .ensure_source(PUBLISH_SOURCE, Some("jsonld"), PUBLISH_SOURCE, now)
        .await?;
    let external_id = external_id(spec);
    let item = Incoming {
        external_id: external_id.clone(),
        content_hash: format!("{:032x}", xxhash_rust::xxh3::xxh3_128(raw.as_bytes())),
        raw,
        url: None,
        apply_url: posting.apply_url.clone(),
        fingerprint: hirekit_model::dedupe::fingerprint(&posting),
        // the employer's own posting: it defines the fields when it joins an ingested copy
        rank: 2,
        posting: posting.clone(),
    };
    let run = store.begin_run(now).await?;
    let outcome = store.upsert_batch(src.id, run, now, std::slice::from_ref(&item)).await?;
    let summary = serde_json::to_string(&outcome).unwrap_or_default();
    store.finish_run(run, now, &summary).await?;
    let id = store
        .assign_to_org(hirekit_store::DEFAULT_ORG, src.id, &external_id)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("published item {external_id} has no posting")))?;
    let status = if outcome.new + outcome.merged > 0 {
        "new"
    } else if outcome.updated > 0 {
        "updated"
    } else {
        "unchanged"
    };
    Ok(Published {
        id,
        url: format!("/jobs/{id}"),
        external_id,
        status,
        title: jd.title,
        criteria: Criteria::derive_from_posting(&posting),
    })
}

/// Publish, then bring this node's index up to date so the posting is searchable at once.
async fn publish_here(st: &AppState, spec: &Spec) -> Result<Published, PublishError> {
    let p = publish_jd(&st.store, spec).await?;
    if let Err(e) = st.index.catch_up(&st.store).await {
        // the background follower retries within a second
        tracing::warn!(error = %e, "index catch-up after publish failed");
    }
    Ok(p)
}

/// `POST /api/v1/jd/publish` answer.
#[derive(Serialize, ToSchema)]
pub struct PublishedView {
    /// Posting id on the board
    pub id: i64,
    /// `/jobs/{id}`
    pub url: String,
    /// Id within the `hirekit:jd` source (company/identifier): the same spec updates the same posting
    pub external_id: String,
    /// new, updated or unchanged
    pub status: String,
    pub title: String,
    /// Screening criteria derived from the JD (the `hirekit screen` criteria format)
    #[schema(value_type = Object)]
    pub criteria: Value,
}

impl From<Published> for PublishedView {
    fn from(p: Published) -> Self {
        PublishedView {
            id: p.id,
            url: p.url,
            external_id: p.external_id,
            status: p.status.into(),
            title: p.title,
            criteria: serde_json::to_value(&p.criteria).unwrap_or(Value::Null),
        }
    }
}

fn publish_error(e: &PublishError) -> Response {
    match e {
        PublishError::Spec(e) => jd_error(e),
        PublishError::Store(e) => {
            tracing::error!(error = %e, "publishing a JD failed");
            api_error(StatusCode::INTERNAL_SERVER_ERROR, "internal", "internal error".into())
        }
    }
}

/// Build a JD from a spec and publish it as a posting of the board (owned by the default
/// organisation). Publishing the same company + `identifier` again updates the posting.
#[utoipa::path(post, path = "/api/v1/jd/publish", tag = "jd",
    request_body(content = Object, description = "JD spec, as for /api/v1/jd/build; set `identifier` to keep one posting across re-publishes (default: role-seniority-date posted)"),
    responses((status = 200, body = PublishedView, description = "Published; the posting is searchable at once"),
        (status = 422, body = crate::api::ErrorBody, description = "invalid spec; the message names the field")))]
pub async fn publish_jd_api(
    State(st): State<AppState>,
    body: Result<Json<Value>, axum::extract::rejection::JsonRejection>,
) -> Response {
    let Json(v) = match body {
        Ok(b) => b,
        Err(e) => return api_error(StatusCode::BAD_REQUEST, "bad_json", e.body_text()),
    };
    let spec = match hirekit_jd::parse_spec_value(v) {
        Ok(s) => s,
        Err(e) => return jd_error(&e),
    };
    match publish_here(&st, &spec).await {
        Ok(p) => Json(PublishedView::from(p)).into_response(),
        Err(e) => publish_error(&e),
    }
}

/// The form's fields, flat; lists are one item per line.
#[derive(Deserialize, Default, Clone)]
pub struct FormSpec {
    #[serde(default)]
    role: String,
    #[serde(default)]
    seniority: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    company_name: String,
    #[serde(default)]
    company_about: String,
    #[serde(default)]
    company_site: String,
    #[serde(default)]
    company_logo: String,
    #[serde(default)]
    remote: String,
    #[serde(default)]
    countries: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    timezones: String,
    #[serde(default)]
    employment_type: String,
    #[serde(default)]
    pay_min: String,
    #[serde(default)]
    pay_max: String,
    #[serde(default)]
    pay_currency: String,
    #[serde(default)]
    pay_period: String,
    #[serde(default)]
    intro: String,
    #[serde(default)]
    must_have: String,
    #[serde(default)]
    nice_to_have: String,
    #[serde(default)]
    benefits: String,
    #[serde(default)]
    apply_url: String,
    /// "publish" from the Publish button; anything else builds
    #[serde(default)]
    action: String,
}

fn lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

impl FormSpec {
    /// The spec JSON the API takes; empty fields are left out so defaults apply.
    fn to_value(&self) -> Result<Value, String> {
        let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        let mut v = json!({
            "role": opt(&self.role), "seniority": opt(&self.seniority), "title": opt(&self.title),
            "employment_type": opt(&self.employment_type), "apply_url": opt(&self.apply_url), "intro": opt(&self.intro),
            "benefits": lines(&self.benefits),
            "company": {"name": opt(&self.company_name), "about": opt(&self.company_about), "site": opt(&self.company_site), "logo": opt(&self.company_logo)},
            "location": {"remote": opt(&self.remote), "countries": self.countries.split([',', ' ']).filter(|c| !c.is_empty()).collect::<Vec<_>>(), "city": opt(&self.city), "timezones": lines(&self.timezones)},
        });
        if !self.must_have.trim().is_empty() {
            v["must_have"] = json!(lines(&self.must_have));
        }
        if !self.nice_to_have.trim().is_empty() {
            v["nice_to_have"] = json!(lines(&self.nice_to_have));
        }
        if [&self.pay_min, &self.pay_max, &self.pay_currency]
            .iter()
            .any(|s| !s.trim().is_empty())
        {
            let num = |f: &str, s: &str| -> Result<Option<f64>, String> {
                let t = s.trim().replace([',', '_', ' '], "");
                if t.is_empty() {
                    return Ok(None);
                }
                t.parse::<f64>()
                    .map(Some)
                    .map_err(|_| format!("{f}: {s:?} is not a number"))
            };
            v["pay"] = json!({"min": num("pay.min", &self.pay_min)?, "max": num("pay.max", &self.pay_max)?,
                "currency": opt(&self.pay_currency), "period": opt(&self.pay_period)});
        }
        // drop nulls so "absent" means absent
        fn strip(v: &mut Value) {
            if let Value::Object(m) = v {
                m.retain(|_, x| !x.is_null());
                m.values_mut().for_each(strip);
            }
        }
        strip(&mut v);
        Ok(v)
    }
}

/// A labelled `<select>`; an empty `current` selects `default`.
fn select(name: &str, label: &str, current: &str, default: &str, options: &[&str]) -> String {
    let current = if current.is_empty() { default } else { current };
    let mut s = format!("<label>{}<br><select name=\"{name}\" id=\"{name}\">", esc(label));
    for o in options {
        let sel = if *o == current { " selected" } else { "" };
        let _ = write!(s, "<option{sel}>{}</option>", esc(o));
    }
    s.push_str("</select></label><br>");
    s
}

fn input(name: &str, label: &str, value: &str) -> String {
    format!(
        "<label>{}<br><input name=\"{name}\" id=\"{name}\" value=\"{}\" size=\"40\"></label><br>",
        esc(label),
        esc(value)
    )
}

fn textarea(name: &str, label: &str, value: &str) -> String {
    format!("<label>{}<br><textarea name=\"{name}\" id=\"{name}\" rows=\"4\" cols=\"60\">{}</textarea></label><br>", esc(label), esc(value))
}

fn form_html(f: &FormSpec) -> String {
    let mut roles = vec![""];
    roles.extend(hirekit_jd::role_ids());
    let mut b = String::from(
        "<h2>New job description</h2><form method=\"post\" action=\"/jd/new\" id=\"jdform\">",
    );
    b.push_str(&select("role", "Role", &f.role, "", &roles));
    b.push_str(&select("seniority", "Seniority", &f.seniority, "mid", &["intern", "junior", "mid", "senior", "staff", "principal", "head"]));
    b.push_str(&input("title", "Title (optional override)", &f.title));
    b.push_str(&input("company_name", "Company name", &f.company_name));
    b.push_str(&textarea(
        "company_about",
        "About the company",
        &f.company_about,
    ));
    b.push_str(&input(
        "company_site",
        "Company site (https://…)",
        &f.company_site,
    ));
    b.push_str(&input("company_logo", "Logo URL", &f.company_logo));
    b.push_str(&select("remote", "Work arrangement", &f.remote, "remote", &["remote", "hybrid", "onsite"]));
    b.push_str(&input(
        "countries",
        "Countries (ISO codes, e.g. US, DE)",
        &f.countries,
    ));
    b.push_str(&input("city", "City (hybrid/onsite)", &f.city));
    b.push_str(&textarea(
        "timezones",
        "Time zones (one per line)",
        &f.timezones,
    ));
    b.push_str(&select("employment_type", "Employment type", &f.employment_type, "full-time", &["full-time", "part-time", "contract", "internship", "temporary"]));
    b.push_str(&input("pay_min", "Pay from", &f.pay_min));
    b.push_str(&input("pay_max", "Pay to", &f.pay_max));
    b.push_str(&input(
        "pay_currency",
        "Currency (ISO 4217)",
        &f.pay_currency,
    ));
    b.push_str(&select("pay_period", "Pay period", &f.pay_period, "year", &["hour", "day", "week", "month", "year"]));
    b.push_str(&textarea(
        "intro",
        "Description (what the role is about)",
        &f.intro,
    ));
    b.push_str(&textarea(
        "must_have",
        "Must-haves, one per line (empty: from the role)",
        &f.must_have,
    ));
    b.push_str(&textarea(
        "nice_to_have",
        "Nice-to-haves, one per line (empty: from the role)",
        &f.nice_to_have,
    ));
    b.push_str(&textarea("benefits", "Benefits, one per line", &f.benefits));
    b.push_str(&input("apply_url", "Apply URL", &f.apply_url));
    b.push_str("<p><button type=\"submit\" name=\"action\" value=\"build\" id=\"build\">Build</button> \
                <button type=\"submit\" name=\"action\" value=\"publish\" id=\"publish\">Publish to board</button></p></form>");
    b.push_str("<h3>Live lint</h3><ul id=\"live\" class=\"meta\"><li>Type a description to see findings.</li></ul>");
    // Live findings: lint the free text fields while typing (the full check runs on Build).
    b.push_str(r#"<script>
(function(){var f=document.getElementById('jdform'),out=document.getElementById('live'),t=null;
function text(){return ['title','intro','company_about','must_have','nice_to_have','benefits'].map(function(n){return f.elements[n].value}).join('\n\n')}
function show(list){out.innerHTML='';if(!list.length){out.innerHTML='<li>No findings.</li>';return}
list.forEach(function(x){var li=document.createElement('li');li.textContent=x.severity+' ['+x.rule+'] '+x.message+(x.suggestion?' — '+x.suggestion:'');out.appendChild(li)})}
function run(){var s=text();if(!s.trim()){return}
fetch('/api/v1/jd/lint',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({text:s})})
.then(function(r){return r.json()}).then(function(j){show((j.findings||[]).filter(function(x){return ['gendered-language','exclusionary-language','jargon','years-exceed-technology-age','all-caps-shouting','readability'].indexOf(x.rule)>=0}))}).catch(function(){})}
f.addEventListener('input',function(){clearTimeout(t);t=setTimeout(run,400)});})();
</script>"#);
    b
}

async fn form_page() -> Response {
    layout("New job description", &form_html(&FormSpec::default())).into_response()
}

fn findings_html(f: &[FindingView]) -> String {
    if f.is_empty() {
        return "<p>No lint findings.</p>".into();
    }
    let mut b = String::from("<ul>");
    for x in f {
        let _ = write!(
            b,
            "<li><strong>{}</strong> [{}] {}",
            esc(&x.severity),
            esc(&x.rule),
            esc(&x.message)
        );
        if let Some(s) = &x.suggestion {
            let _ = write!(b, " — <em>{}</em>", esc(s));
        }
        b.push_str("</li>");
    }
    b.push_str("</ul>");
    b
}

async fn form_submit(State(st): State<AppState>, Form(f): Form<FormSpec>) -> Response {
    let result = f
        .to_value()
        .and_then(|v| build_from(v.clone()).map(|view| (view, v)).map_err(|e| e.to_string()));
    match result {
        Ok((view, v)) => {
            let ld = serde_json::to_string_pretty(&view.jsonld).unwrap_or_default();
            let mut b = String::new();
            if f.action == "publish" {
                let published = match hirekit_jd::parse_spec_value(v) {
                    Ok(spec) => publish_here(&st, &spec).await,
                    Err(e) => Err(e.into()),
                };
                match published {
                    Ok(p) => {
                        let _ = write!(
                            b,
                            "<p class=\"notice\" id=\"published\">Published to the board ({}): <a href=\"{}\">{}</a> · \
                             {} must-haves and {} nice-to-haves derived for screening.</p>",
                            esc(p.status),
                            esc(&p.url),
                            esc(&p.title),
                            p.criteria.must_have.len(),
                            p.criteria.nice_to_have.len()
                        );
                    }
                    Err(e) => {
                        tracing::error!(error = %e, "publishing from the form failed");
                        b.push_str("<p class=\"error\">Publishing failed; the JD below was built but not published.</p>");
                    }
                }
            }
            let _ = write!(b, "<h2>Preview</h2><div class=\"job\">{}</div>", view.html);
            let _ = write!(b, "<h2>Lint findings</h2>{}", findings_html(&view.findings));
            let _ = write!(b, "<h2>JSON-LD</h2><pre id=\"jsonld\">{}</pre>", esc(&ld));
            let _ = write!(b, "<h2>Markdown</h2><pre>{}</pre>", esc(&view.markdown));
            b.push_str(&form_html(&f));
            layout(&view.title, &b).into_response()
        }
        Err(msg) => {
            let mut b = String::from("<h2>Please fix</h2><ul class=\"errors\">");
            for part in msg.split("; ") {
                let _ = write!(b, "<li>{}</li>", esc(part));
            }
            b.push_str("</ul>");
            b.push_str(&form_html(&f));
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                layout("New job description", &b),
            )
                .into_response()
        }
    }
}
