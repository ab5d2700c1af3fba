//! Server-rendered pages. A browse list and a posting page for now; the search board
//! (facets, salary pages) is built on the Tantivy index.

use std::fmt::Write;

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::AppState;


pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/static/{name}", get(asset))
}

/// Escape text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    hirekit_model::text::escape_html(s)
}

/// Only http(s) links are rendered as links (no `javascript:` from a feed).
pub(crate) fn safe_url(u: &str) -> Option<String> {
    (u.starts_with("https://") || u.starts_with("http://")).then(|| esc(u))
}

/// The page frame every server-rendered page uses (`body` is trusted HTML).
pub(crate) fn layout(title: &str, body: &str) -> Html<String> {
    page(&Page {
        title,
        body,
        ..Page::default()
    })
}

/// A page: `head` is extra trusted HTML for `<head>` (JSON-LD, meta); `nav` names the active
/// section ("jobs", "salaries", "roles", "jd").
#[derive(Default)]
pub(crate) struct Page<'a> {
    pub title: &'a str,
    pub body: &'a str,
    pub head: &'a str,
    pub nav: &'a str,
    pub description: &'a str,
}

const NAV: [(&str, &str, &str); 4] = [
    ("jobs", "/", "Jobs"),
    ("salaries", "/salaries", "Salaries"),
    ("roles", "/roles", "Roles"),
    ("jd", "/jd/new", "Write a job ad"),
];

pub(crate) fn page(p: &Page) -> Html<String> {
    let mut nav = String::new();
    for (id, href, label) in NAV {
        let current = if id == p.nav {
            " aria-current=\"page\""
        } else {
            ""
        };
        let _ = write!(nav, "<a href=\"{href}\"{current}>{label}</a>");
    }
    let description = if p.description.is_empty() {
        "Technical jobs from many sources, salary insight, role guides and hiring tools."
    } else {
        p.description
    };
    Html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{} · hirekit</title>\
<meta name=\"description\" content=\"{}\"><link rel=\"stylesheet\" href=\"/static/app.css\">{}</head>\
<body><a class=\"skip\" href=\"#main\">Skip to content</a><header class=\"site\"><a class=\"brand\" href=\"/\">hirekit</a>\
<nav aria-label=\"Main\">{nav}</nav></header><main id=\"main\">{}</main>\
<footer>hirekit · jobs aggregated from public sources: apply at the source · <a href=\"/api/openapi.json\">API</a></footer>\
<script src=\"/static/app.js\" defer></script></body></html>",
        esc(p.title),
        esc(description),
        p.head,
        p.body
    ))
}

/// The stylesheet and the small script, compiled in so the binary is the whole app.
async fn asset(Path(name): Path<String>) -> Response {
    let (body, mime) = match name.as_str() {
        "app.css" => (include_str!("../static/app.css"), "text/css; charset=utf-8"),
        "app.js" => (
            include_str!("../static/app.js"),
            "text/javascript; charset=utf-8",
        ),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, mime),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_rejects_script_urls() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert!(safe_url("https://x.test/a?b=1&c=2").is_some());
    }
}
