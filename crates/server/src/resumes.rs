//! `POST /api/v1/resumes`: upload one resume (multipart field `file`), get back the parsed
//! profile and the extracted text.

use axum::extract::{DefaultBodyLimit, Multipart};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use hirekit_resume::{DocError, Limits};
use serde::Serialize;
use tower_http::limit::RequestBodyLimitLayer;
use utoipa::{OpenApi, ToSchema};

use crate::AppState;

#[derive(OpenApi)]
#[openapi(paths(upload_resume), components(schemas(ResumeUpload, ResumeParsed)))]
pub struct ResumesDoc;

/// Room for the multipart framing around a file of the largest accepted size.
const FRAMING: usize = 64 * 1024;

pub fn routes() -> Router<AppState> {
    let max = Limits::default().max_bytes + FRAMING;
    Router::new()
        .route("/api/v1/resumes", post(upload_resume))
        .layer(DefaultBodyLimit::max(max))
        .layer(RequestBodyLimitLayer::new(max))
}

/// Multipart form with the resume file.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ResumeUpload {
    /// PDF, DOCX, ODT, RTF, HTML, Markdown or plain text.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

#[derive(Serialize, ToSchema)]
pub struct ResumeParsed {
    /// The parsed profile (hirekit_model::profile::Profile): contact, sections, experience,
    /// total_years, seniority, skills with evidence spans, education, certifications, languages.
    #[schema(value_type = Object)]
    pub profile: hirekit_resume::Profile,
    /// Extracted text; every span in the profile is a byte range of it.
    pub text: String,
    /// pdf, docx, odt, rtf, html, text or markdown.
    pub format: String,
    pub pages: Option<u32>,
    pub warnings: Vec<String>,
}

fn error(status: StatusCode, code: &str, message: impl Into<String>) -> Response {
    let body = serde_json::json!({ "error": { "code": code, "message": message.into() } });
    (status, Json(body)).into_response()
}

#[utoipa::path(post, path = "/api/v1/resumes", tag = "resumes",
    request_body(content = ResumeUpload, content_type = "multipart/form-data"),
    responses(
        (status = 200, body = ResumeParsed),
        (status = 400, body = crate::api::ErrorBody, description = "No `file` field"),
        (status = 413, body = crate::api::ErrorBody, description = "File over the size cap"),
        (status = 422, body = crate::api::ErrorBody, description = "Unreadable, encrypted, scanned or unsupported file"),
    ))]
pub async fn upload_resume(mut form: Multipart) -> Response {
    let limits = Limits::default();
    let mut file: Option<(String, Vec<u8>)> = None;
    loop {
        match form.next_field().await {
            Ok(Some(field)) => {
                if field.name() != Some("file") {
                    continue;
                }
                let name = field.file_name().unwrap_or("").to_string();
                match field.bytes().await {
                    Ok(b) => file = Some((name, b.to_vec())),
                    Err(e) => return multipart_error(e, &limits),
                }
                break;
            }
            Ok(None) => break,
            Err(e) => return multipart_error(e, &limits),
        }
    }
    let Some((name, bytes)) = file else {
        return error(StatusCode::BAD_REQUEST, "missing_file", "send the resume as multipart field `file`");
    };
    let lim = limits.clone();
    let parsed = tokio::task::spawn_blocking(move || hirekit_resume::parse_bytes(&bytes, &name, &lim)).await;
    match parsed {
        Ok(Ok(p)) => Json(ResumeParsed {
            profile: p.profile,
            text: p.document.text,
            format: p.document.format.as_str().to_string(),
            pages: p.document.pages,
            warnings: p.document.warnings,
        })
        .into_response(),
        Ok(Err(e @ DocError::TooLarge { .. })) => error(StatusCode::PAYLOAD_TOO_LARGE, e.code(), e.to_string()),
        Ok(Err(e)) => error(StatusCode::UNPROCESSABLE_ENTITY, e.code(), e.to_string()),
        Err(e) => {
            tracing::error!(error = %e, "resume worker failed");
            error(StatusCode::INTERNAL_SERVER_ERROR, "internal", "internal error")
        }
    }
}

fn multipart_error(e: axum::extract::multipart::MultipartError, limits: &Limits) -> Response {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!("file too large (limit {} bytes)", limits.max_bytes),
        );
    }
    error(StatusCode::BAD_REQUEST, "bad_multipart", e.body_text())
}
