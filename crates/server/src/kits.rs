//! Interview kits: `GET /api/v1/kits/{role}?seniority=…` (JSON), the printable kit page
//! `GET /kits/{role}?seniority=…` and its Markdown download `GET /kits/{role}.md?seniority=…`.

use std::fmt::Write;

use axum::extract::{Path, Query};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use hirekit_kits::{Competency, DesignPrompt, Kit, KitInput, Level, Question, UnknownRole};
use hirekit_model::Seniority;
use serde::Deserialize;
use utoipa::OpenApi;

use crate::api::ApiError;
use crate::html::{esc, layout};
use crate::AppState;

#[derive(OpenApi)]
#[openapi(
    paths(get_kit),
    components(schemas(Kit, Question, DesignPrompt, Competency, Level))
)]
pub struct KitsDoc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/kits/{role}", get(get_kit))
        .route("/kits/{role}", get(kit_page))
}

#[derive(Deserialize)]
pub struct KitQuery {
    seniority: Option<String>,
}

/// The role's kit input. The server's one place for role resolution: `hirekit_kits::role_input`
/// is replaced by hirekit-roles on merge.
fn role_input(id: &str) -> Result<KitInput, UnknownRole> {
    hirekit_kits::role_input(id)
}

/// Seniority from the query; `mid` when absent.
fn seniority(q: &KitQuery) -> Result<Seniority, String> {
    match q
        .seniority
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => Ok(Seniority::Mid),
        Some(s) => hirekit_kits::parse_seniority(s).ok_or_else(|| {
            format!(
                "unknown seniority {s:?}; use one of {}",
                hirekit_kits::seniority_names().join(", ")
            )
        }),
    }
}

fn bad_request(message: String) -> Response {
    let body = serde_json::json!({"error": {"code": "bad_request", "message": message}});
    (StatusCode::BAD_REQUEST, Json(body)).into_response()
}

/// The interview kit for a role at a seniority: screening, technical, system-design and
/// behavioural questions (each with what a strong answer shows and red flags) and a 1–4 scorecard.
#[utoipa::path(get, path = "/api/v1/kits/{role}", tag = "kits",
    params(
        ("role" = String, Path, description = "Role id, e.g. backend-engineer"),
        ("seniority" = Option<String>, Query, description = "intern, junior, mid (default), senior, staff, principal or head"),
    ),
    responses(
        (status = 200, body = Kit),
        (status = 400, description = "Unknown seniority", body = crate::api::ErrorBody),
        (status = 404, description = "Unknown role (the message lists close matches)", body = crate::api::ErrorBody),
    ))]
pub async fn get_kit(Path(role): Path<String>, Query(q): Query<KitQuery>) -> Response {
    let level = match seniority(&q) {
        Ok(s) => s,
        Err(m) => return bad_request(m),
    };
    match role_input(&role) {
        Ok(input) => Json(hirekit_kits::build(&input, level)).into_response(),
        Err(e) => ApiError::not_found(e.to_string()).into_response(),
    }
}

/// `/kits/{role}` is the printable page; `/kits/{role}.md` the Markdown download.
async fn kit_page(Path(role): Path<String>, Query(q): Query<KitQuery>) -> Response {
    let (role, markdown) = match role.strip_suffix(".md") {
        Some(r) => (r.to_string(), true),
        None => (role, false),
    };
    let level = match seniority(&q) {
        Ok(s) => s,
        Err(m) => {
            return (
                StatusCode::BAD_REQUEST,
                layout("Bad request", &format!("<p>{}</p>", esc(&m))),
            )
                .into_response()
        }
    };
    let input = match role_input(&role) {
        Ok(i) => i,
        Err(e) => return not_found_page(&e),
    };
    let kit = hirekit_kits::build(&input, level);
    if markdown {
        // The id is a known role's slug, safe in a header.
        let disposition = format!(
            "attachment; filename=\"{}-{}-interview-kit.md\"",
            kit.role_id,
            level.as_str()
        );
        return (
            [
                (
                    header::CONTENT_TYPE,
                    "text/markdown; charset=utf-8".to_string(),
                ),
                (header::CONTENT_DISPOSITION, disposition),
            ],
            hirekit_kits::to_markdown(&kit),
        )
            .into_response();
    }
    let mut b = String::new();
    b.push_str("<nav class=\"no-print kit-nav\" aria-label=\"Seniority\"><span>Seniority:</span> ");
    for s in Seniority::ALL {
        if s == level {
            let _ = write!(b, "<strong aria-current=\"page\">{}</strong> ", s.as_str());
        } else {
            let _ = write!(
                b,
                "<a href=\"/kits/{}?seniority={}\">{}</a> ",
                esc(&kit.role_id),
                s.as_str(),
                s.as_str()
            );
        }
    }
    let _ = write!(
        b,
        "· <a href=\"/kits/{}.md?seniority={}\" download>Download Markdown</a> · \
<a href=\"/api/v1/kits/{}?seniority={}\">JSON</a> · <button type=\"button\" onclick=\"window.print()\">Print</button></nav>",
        esc(&kit.role_id),
        level.as_str(),
        esc(&kit.role_id),
        level.as_str()
    );
    b.push_str(&hirekit_kits::to_html(&kit));
    layout(
        &format!("Interview kit: {} ({})", kit.role_title, level.as_str()),
        &b,
    )
    .into_response()
}

fn not_found_page(e: &UnknownRole) -> Response {
    let mut b = format!("<p>No role {}.</p>", esc(&format!("{:?}", e.id)));
    let links = |ids: Vec<String>| {
        ids.iter()
            .map(|id| format!("<a href=\"/kits/{0}\">{0}</a>", esc(id)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !e.suggestions.is_empty() {
        let _ = write!(b, "<p>Did you mean {}?</p>", links(e.suggestions.clone()));
    }
    let all = hirekit_kits::role_ids()
        .into_iter()
        .map(String::from)
        .collect();
    let _ = write!(b, "<p>Kits exist for: {}.</p>", links(all));
    (StatusCode::NOT_FOUND, layout("Unknown role", &b)).into_response()
}
