//! Server-rendered pages. A browse list and a posting page for now; the search board
//! (facets, salary pages) is built on the Tantivy index.

use std::fmt::Write;

use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use crate::api::iso;
use crate::AppState;

const PAGE: i64 = 50;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/jobs/{id}", get(job_page))
        .route("/static/{name}", get(asset))
}

/// Escape text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
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

#[derive(Deserialize)]
struct Browse {
    after: Option<i64>,
}

async fn home(State(st): State<AppState>, Query(q): Query<Browse>) -> Response {
    let after = q.after.unwrap_or(0);
    let (counts, page) = match (
        st.store.counts().await,
        st.store.postings_after(after, PAGE, false).await,
    ) {
        (Ok(c), Ok(p)) => (c, p),
        (Err(e), _) | (_, Err(e)) => {
            tracing::error!(error = %e, "home page");
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                layout("Error", "<p>The store is not answering.</p>"),
            )
                .into_response();
        }
    };
    let mut b = String::new();
    let _ = write!(
        b,
        "<p>{} open postings ({} in all) from {} sources.</p>",
        counts.open_postings, counts.postings, counts.sources
    );
    for p in &page {
        let j = &p.posting;
        let salary = j
            .salary
            .as_ref()
            .map(|s| {
                let f = |v: Option<f64>| v.map(|x| format!("{x:.0}")).unwrap_or_else(|| "…".into());
                format!(
                    " · {}–{} {} / {}",
                    f(s.min),
                    f(s.max),
                    s.currency.as_deref().unwrap_or(""),
                    s.period.map(|p| p.as_str()).unwrap_or("?")
                )
            })
            .unwrap_or_default();
        let _ = write!(
            b,
            "<div class=\"job\"><a href=\"/jobs/{}\"><strong>{}</strong></a> — {}<div class=\"meta\">{} · {}{}{}</div></div>",
            p.id,
            esc(&j.title),
            esc(j.company.as_deref().unwrap_or("")),
            esc(j.role_family.as_str()),
            esc(&j.locations.join("; ")),
            j.remote.map(|r| format!(" · {}", r.as_str())).unwrap_or_default(),
            esc(&salary),
        );
    }
    if page.len() as i64 == PAGE {
        if let Some(last) = page.last() {
            let _ = write!(
                b,
                "<p><a rel=\"next\" href=\"/?after={}\">Next page →</a></p>",
                last.id
            );
        }
    }
    layout("Jobs", &b).into_response()
}

async fn job_page(State(st): State<AppState>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return (
            StatusCode::NOT_FOUND,
            layout("Not found", "<p>No such posting.</p>"),
        )
            .into_response();
    };
    let p = match st.store.get_posting(id).await {
        Ok(Some(p)) => p,
        Ok(None) => {
            return (
                StatusCode::NOT_FOUND,
                layout("Not found", "<p>No such posting.</p>"),
            )
                .into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, "job page");
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                layout("Error", "<p>The store is not answering.</p>"),
            )
                .into_response();
        }
    };
    let j = &p.posting;
    let mut b = String::new();
    let _ = write!(
        b,
        "<h2>{}</h2><p class=\"meta\">{}</p>",
        esc(&j.title),
        esc(j.company.as_deref().unwrap_or(""))
    );
    if let Some(u) = j.apply_url.as_deref().and_then(safe_url) {
        let _ = write!(b, "<p><a class=\"apply\" href=\"{u}\" rel=\"nofollow noopener\">Apply at the source</a></p>");
    }
    let _ = write!(
        b,
        "<p>{} · {} · {} · {}</p>",
        esc(j.role_family.as_str()),
        esc(j
            .seniority
            .map(|s| s.as_str())
            .unwrap_or("level not stated")),
        esc(j
            .remote
            .map(|r| r.as_str())
            .unwrap_or("workplace not stated")),
        esc(&j.locations.join("; "))
    );
    if !j.skills.is_empty() {
        b.push_str("<p>");
        for s in &j.skills {
            let _ = write!(b, "<span class=\"tag\">{}</span>", esc(s));
        }
        b.push_str("</p>");
    }
    let _ = write!(b, "<pre>{}</pre><h3>Seen on</h3><ul>", esc(&j.description));
    for s in &p.sources {
        let link = s
            .url
            .as_deref()
            .and_then(safe_url)
            .map(|u| format!(" <a href=\"{u}\">link</a>"))
            .unwrap_or_default();
        let _ = write!(
            b,
            "<li>{}{} — first seen {}{}{}</li>",
            esc(&s.source),
            link,
            iso(s.first_seen),
            s.closed_at
                .map(|c| format!(", closed {}", iso(c)))
                .unwrap_or_default(),
            s.merge_reason
                .as_deref()
                .map(|r| format!(" (merged: {})", esc(r)))
                .unwrap_or_default()
        );
    }
    b.push_str("</ul>");
    layout(&j.title, &b).into_response()
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
