//! Server-rendered pages. A browse list and a posting page for now; the search board
//! (facets, salary pages) is built on the Tantivy index.

use std::fmt::Write;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use crate::api::iso;
use crate::AppState;

const PAGE: i64 = 50;

pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(home)).route("/jobs/{id}", get(job_page))
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
    Html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{} · hirekit</title>\
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1d2330;line-height:1.45}}\
a{{color:#1f5fbf}}header{{display:flex;gap:1rem;align-items:baseline;border-bottom:1px solid #dde;margin-bottom:1rem}}\
.job{{padding:.6rem 0;border-bottom:1px solid #eef}}.meta{{color:#5a6275;font-size:.9rem}}\
.tag{{display:inline-block;background:#eef2fb;border-radius:.3rem;padding:0 .35rem;margin:.1rem;font-size:.8rem}}\
pre{{white-space:pre-wrap;font-family:inherit}}.apply{{display:inline-block;background:#1f5fbf;color:#fff;padding:.4rem .8rem;border-radius:.3rem;text-decoration:none}}</style>\
</head><body><header><h1><a href=\"/\">hirekit</a></h1><span class=\"meta\">jobs from many sources, apply at the source</span></header>{}</body></html>",
        esc(title),
        body
    ))
}

#[derive(Deserialize)]
struct Browse {
    after: Option<i64>,
}

async fn home(State(st): State<AppState>, Query(q): Query<Browse>) -> Response {
    let after = q.after.unwrap_or(0);
    let (counts, page) = match (st.store.counts().await, st.store.postings_after(after, PAGE, false).await) {
        (Ok(c), Ok(p)) => (c, p),
        (Err(e), _) | (_, Err(e)) => {
            tracing::error!(error = %e, "home page");
            return (StatusCode::INTERNAL_SERVER_ERROR, layout("Error", "<p>The store is not answering.</p>")).into_response();
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
            let _ = write!(b, "<p><a rel=\"next\" href=\"/?after={}\">Next page →</a></p>", last.id);
        }
    }
    layout("Jobs", &b).into_response()
}

async fn job_page(State(st): State<AppState>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return (StatusCode::NOT_FOUND, layout("Not found", "<p>No such posting.</p>")).into_response();
    };
    let p = match st.store.get_posting(id).await {
        Ok(Some(p)) => p,
        Ok(None) => return (StatusCode::NOT_FOUND, layout("Not found", "<p>No such posting.</p>")).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "job page");
            return (StatusCode::INTERNAL_SERVER_ERROR, layout("Error", "<p>The store is not answering.</p>")).into_response();
        }
    };
    let j = &p.posting;
    let mut b = String::new();
    let _ = write!(b, "<h2>{}</h2><p class=\"meta\">{}</p>", esc(&j.title), esc(j.company.as_deref().unwrap_or("")));
    if let Some(u) = j.apply_url.as_deref().and_then(safe_url) {
        let _ = write!(b, "<p><a class=\"apply\" href=\"{u}\" rel=\"nofollow noopener\">Apply at the source</a></p>");
    }
    let _ = write!(
        b,
        "<p>{} · {} · {} · {}</p>",
        esc(j.role_family.as_str()),
        esc(j.seniority.map(|s| s.as_str()).unwrap_or("level not stated")),
        esc(j.remote.map(|r| r.as_str()).unwrap_or("workplace not stated")),
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
        let link = s.url.as_deref().and_then(safe_url).map(|u| format!(" <a href=\"{u}\">link</a>")).unwrap_or_default();
        let _ = write!(
            b,
            "<li>{}{} — first seen {}{}{}</li>",
            esc(&s.source),
            link,
            iso(s.first_seen),
            s.closed_at.map(|c| format!(", closed {}", iso(c))).unwrap_or_default(),
            s.merge_reason.as_deref().map(|r| format!(" (merged: {})", esc(r))).unwrap_or_default()
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
        assert_eq!(esc("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert!(safe_url("https://x.test/a?b=1&c=2").is_some());
    }
}
