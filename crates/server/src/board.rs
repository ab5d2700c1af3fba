//! The public job board: the search page, posting pages and salary pages, rendered on the server.
//!
//! Pages read search results as the JSON the API returns (`serde_json::to_value`), so the board
//! shows exactly what API users get. Every control is a plain form field: without JavaScript the
//! form submits as a GET; with it, `static/app.js` fetches `?fragment=1` and swaps the results.

use std::fmt::Write;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use hirekit_index::{SearchError, SearchRequest};
use hirekit_model::{RemotePolicy, RoleFamily, Seniority};
use serde_json::Value;

use crate::html::{esc, page, safe_url, Page};
use crate::search::{run_search, salary_report, SalaryReport};
use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(search_page))
        .route("/jobs/{id}", get(job_page))
        .route("/salaries", get(salaries_page))
        .route("/salaries/{family}", get(salary_role_page))
}

// ---------- labels ----------

pub fn family_label(f: &str) -> String {
    match f {
        "qa" => "QA & testing".into(),
        "devops" => "DevOps & SRE".into(),
        "fullstack" => "Full-stack".into(),
        "software" => "Software (general)".into(),
        "other" => "Other".into(),
        _ => capitalize(&f.replace('-', " ")),
    }
}

fn seniority_label(s: &str) -> String {
    match s {
        "mid" => "Mid-level".into(),
        "head" => "Head / director".into(),
        _ => capitalize(s),
    }
}

fn remote_label(s: &str) -> String {
    match s {
        "onsite" => "On-site".into(),
        _ => capitalize(s),
    }
}

fn employment_label(s: &str) -> String {
    capitalize(&s.replace('-', " ")).replace("Full time", "Full-time").replace("Part time", "Part-time")
}

fn country_label(c: &str) -> String {
    hirekit_model::location::country_name(c).map(str::to_string).unwrap_or_else(|| c.to_string())
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn facet_label(facet: &str, value: &str) -> String {
    match facet {
        "role_family" => family_label(value),
        "seniority" => seniority_label(value),
        "remote" => remote_label(value),
        "employment_type" => employment_label(value),
        "country" => country_label(value),
        _ => value.to_string(),
    }
}

// ---------- query strings ----------

/// Percent-encodes a query-string component.
pub fn enc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => o.push(b as char),
            b' ' => o.push('+'),
            _ => {
                let _ = write!(o, "%{b:02X}");
            }
        }
    }
    o
}

/// `pairs` as a query string, without the keys in `drop`, plus `add`.
fn qs(pairs: &[(String, String)], drop: &[&str], add: &[(&str, &str)]) -> String {
    let mut parts: Vec<String> =
        pairs.iter().filter(|(k, _)| !drop.contains(&k.as_str())).map(|(k, v)| format!("{}={}", enc(k), enc(v))).collect();
    parts.extend(add.iter().map(|(k, v)| format!("{}={}", enc(k), enc(v))));
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Form fields arrive empty when left blank: an empty field means "no filter".
fn clean(pairs: Vec<(String, String)>) -> (Vec<(String, String)>, bool) {
    let fragment = pairs.iter().any(|(k, _)| k == "fragment");
    let kept = pairs.into_iter().filter(|(k, v)| k != "fragment" && !v.trim().is_empty()).collect();
    (kept, fragment)
}

fn values<'a>(pairs: &'a [(String, String)], key: &str) -> Vec<&'a str> {
    pairs.iter().filter(|(k, _)| k == key).map(|(_, v)| v.as_str()).collect()
}

fn value<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

// ---------- the search page ----------

const CURRENCIES: [&str; 8] = ["USD", "EUR", "GBP", "CAD", "AUD", "CHF", "INR", "PLN"];

async fn search_page(State(st): State<AppState>, Query(raw): Query<Vec<(String, String)>>) -> Response {
    let (pairs, fragment) = clean(raw);
    let outcome = match SearchRequest::from_pairs(&pairs) {
        Ok(req) => run_search(&st, req).await,
        Err(e) => Err(e),
    };
    let (status, results) = match outcome {
        Ok(resp) => match serde_json::to_value(&resp) {
            Ok(v) => (StatusCode::OK, render_results(&pairs, &v)),
            Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, error_box(&format!("cannot render results: {e}"))),
        },
        Err(e) => {
            let status = if matches!(e, SearchError::Internal(_)) { StatusCode::INTERNAL_SERVER_ERROR } else { StatusCode::BAD_REQUEST };
            (status, format!("{}<p><a href=\"/\">Start a new search</a></p>", error_box(&e.to_string())))
        }
    };
    if fragment {
        return (status, Html(results)).into_response();
    }
    let q = value(&pairs, "q").unwrap_or("");
    let sort = value(&pairs, "sort").unwrap_or("relevance");
    let mut b = String::new();
    b.push_str("<h1>Find a technical job</h1>");
    let _ = write!(
        b,
        "<form id=\"search\" action=\"/\" method=\"get\" role=\"search\" aria-label=\"Job search\">\
<div class=\"searchbar\"><label class=\"sr-only\" for=\"q\">Search jobs</label>\
<input type=\"search\" id=\"q\" name=\"q\" value=\"{}\" placeholder=\"Title, skill or company — e.g. rust backend\" autocomplete=\"off\" autofocus>\
<label class=\"sr-only\" for=\"sort\">Sort by</label><select id=\"sort\" name=\"sort\">{}</select>\
<button class=\"btn\" type=\"submit\">Search</button></div>\
<div id=\"results\" aria-live=\"polite\">{results}</div></form>",
        esc(q),
        options(&[("relevance", "Most relevant"), ("newest", "Newest"), ("salary", "Highest salary")], sort),
    );
    let title = if q.is_empty() { "Jobs".to_string() } else { format!("{q} jobs") };
    (status, page(&Page { title: &title, body: &b, nav: "jobs", ..Page::default() })).into_response()
}

fn options(opts: &[(&str, &str)], selected: &str) -> String {
    let mut s = String::new();
    for (v, label) in opts {
        let sel = if *v == selected { " selected" } else { "" };
        let _ = write!(s, "<option value=\"{}\"{sel}>{}</option>", esc(v), esc(label));
    }
    s
}

fn error_box(msg: &str) -> String {
    format!("<p class=\"error\" role=\"alert\">{}</p>", esc(msg))
}

/// Facet counts of one facet, highest first.
fn facet_counts(v: &Value, name: &str) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = v["facets"][name]
        .as_object()
        .map(|m| m.iter().map(|(k, n)| (k.clone(), n.as_u64().unwrap_or(0))).collect())
        .unwrap_or_default();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// A fieldset of checkboxes for one facet: selected values first (even at zero), then the rest.
fn facet_box(pairs: &[(String, String)], v: &Value, facet: &str, param: &str, legend: &str, show: usize) -> String {
    let counts = facet_counts(v, facet);
    let selected = values(pairs, param);
    if counts.is_empty() && selected.is_empty() {
        return String::new();
    }
    let mut rows: Vec<(String, Option<u64>, bool)> = selected.iter().map(|s| (s.to_string(), None, true)).collect();
    for (val, n) in counts {
        if let Some(r) = rows.iter_mut().find(|r| r.0 == val) {
            r.1 = Some(n);
        } else {
            rows.push((val, Some(n), false));
        }
    }
    let mut s = format!("<fieldset><legend>{}</legend>", esc(legend));
    let mut more = String::new();
    for (i, (val, n, checked)) in rows.iter().enumerate() {
        let id = format!("f-{param}-{i}");
        let row = format!(
            "<label for=\"{id}\"><input type=\"checkbox\" id=\"{id}\" name=\"{param}\" value=\"{}\"{}> {}<span class=\"n\">{}</span></label>",
            esc(val),
            if *checked { " checked" } else { "" },
            esc(&facet_label(facet, val)),
            n.map(|n| n.to_string()).unwrap_or_default()
        );
        if i < show || *checked {
            s.push_str(&row);
        } else {
            more.push_str(&row);
        }
    }
    if !more.is_empty() {
        let _ = write!(s, "<details><summary>More</summary>{more}</details>");
    }
    s.push_str("</fieldset>");
    s
}

fn render_results(pairs: &[(String, String)], v: &Value) -> String {
    let mut s = String::from("<div class=\"layout\"><aside class=\"facets\" aria-label=\"Filters\">");
    s.push_str(&facet_box(pairs, v, "remote", "remote", "Workplace", 3));
    // Salary: a floor in a chosen currency; postings whose range reaches it match.
    let cur = value(pairs, "currency").unwrap_or("USD");
    let cur_opts: Vec<(&str, &str)> = CURRENCIES.iter().map(|c| (*c, *c)).collect();
    let _ = write!(
        s,
        "<fieldset><legend>Salary (yearly)</legend><div class=\"row\"><label class=\"sr-only\" for=\"salary_min\">Minimum yearly salary</label>\
<input type=\"number\" id=\"salary_min\" name=\"salary_min\" min=\"0\" step=\"5000\" placeholder=\"at least\" value=\"{}\">\
<label class=\"sr-only\" for=\"currency\">Currency</label><select id=\"currency\" name=\"currency\">{}</select></div></fieldset>",
        esc(value(pairs, "salary_min").unwrap_or("")),
        options(&cur_opts, cur)
    );
    s.push_str(&salary_bands(v, cur));
    s.push_str(&facet_box(pairs, v, "role_family", "role_family", "Role", 8));
    s.push_str(&facet_box(pairs, v, "seniority", "seniority", "Seniority", 7));
    s.push_str(&facet_box(pairs, v, "region", "region", "Region", 6));
    s.push_str(&facet_box(pairs, v, "country", "country", "Country", 6));
    s.push_str(&facet_box(pairs, v, "employment_type", "employment_type", "Employment type", 5));
    s.push_str(&facet_box(pairs, v, "skills", "skill", "Skills", 8));
    s.push_str(&facet_box(pairs, v, "company", "company", "Company", 6));
    let within = value(pairs, "posted_within").unwrap_or("");
    let _ = write!(
        s,
        "<fieldset><legend><label for=\"posted_within\">Posted</label></legend><select id=\"posted_within\" name=\"posted_within\">{}</select></fieldset>\
<noscript><button class=\"btn\" type=\"submit\">Apply filters</button></noscript></aside><section aria-label=\"Results\">",
        options(&[("", "Any time"), ("1", "Last 24 hours"), ("7", "Last 7 days"), ("30", "Last 30 days")], within)
    );
    let total = v["total"].as_u64().unwrap_or(0);
    let took = v["took_ms"].as_f64().unwrap_or(0.0);
    let _ = write!(
        s,
        "<div class=\"summary\"><p><strong>{}</strong> {} <span class=\"muted\">({took:.0} ms)</span></p>{}</div>",
        hirekit_insight::group_digits(total),
        if total == 1 { "job" } else { "jobs" },
        salary_link(pairs)
    );
    if v["partial"].as_bool().unwrap_or(false) {
        s.push_str("<p class=\"notice\">This search took too long and was cut short: counts are partial. Add a word or a filter.</p>");
    }
    let hits = v["hits"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    if hits.is_empty() {
        s.push_str("<p>No jobs match. Try fewer words or filters.</p>");
    }
    s.push_str("<ol class=\"hits\">");
    for h in hits {
        s.push_str(&hit_html(h));
    }
    s.push_str("</ol><nav class=\"pager\" aria-label=\"Pages\">");
    if value(pairs, "cursor").is_some() {
        let _ = write!(s, "<a href=\"/{}\">← First page</a>", esc(&qs(pairs, &["cursor"], &[])));
    } else {
        s.push_str("<span></span>");
    }
    if let Some(c) = v["next_cursor"].as_str() {
        let _ = write!(s, "<a rel=\"next\" href=\"/{}\">Next page →</a>", esc(&qs(pairs, &["cursor"], &[("cursor", c)])));
    }
    s.push_str("</nav></section></div>");
    s
}

/// Salary bands as links that set the salary floor (bands are computed for the current query).
fn salary_bands(v: &Value, cur: &str) -> String {
    let bands = facet_counts(v, "salary_band");
    if bands.is_empty() {
        return String::new();
    }
    let mut s = String::from("<div class=\"muted\" aria-label=\"Salary bands\">");
    let mut sorted = bands;
    sorted.sort_by_key(|(k, _)| band_floor(k));
    for (band, n) in sorted {
        let _ = write!(s, "<div>{} <span class=\"n\">{n}</span></div>", esc(&band_label(&band, cur)));
    }
    s.push_str("</div>");
    s
}

fn band_floor(b: &str) -> u64 {
    b.trim_start_matches('<').split(['-', '–', '+']).next().and_then(|x| x.trim_end_matches('k').parse::<u64>().ok()).unwrap_or(0)
}

fn band_label(b: &str, cur: &str) -> String {
    let sym = hirekit_insight::symbol(cur).map(str::to_string).unwrap_or_else(|| format!("{cur} "));
    if let Some(rest) = b.strip_prefix('<') {
        format!("under {sym}{rest}")
    } else if let Some(rest) = b.strip_suffix('+') {
        format!("{sym}{rest} or more")
    } else {
        format!("{sym}{}", b.replace('-', "–"))
    }
}

fn salary_link(pairs: &[(String, String)]) -> String {
    let keep: Vec<(String, String)> = pairs.iter().filter(|(k, _)| !matches!(k.as_str(), "sort" | "cursor" | "limit")).cloned().collect();
    let path = match values(&keep, "role_family").as_slice() {
        [one] => format!("/salaries/{}", enc(one)),
        _ => "/salaries".into(),
    };
    let rest: Vec<(String, String)> = keep.into_iter().filter(|(k, _)| k != "role_family" || !path.starts_with("/salaries/")).collect();
    format!("<a href=\"{}{}\">Salaries for this search</a>", path, esc(&qs(&rest, &[], &[])))
}

fn hit_html(h: &Value) -> String {
    let id = h["id"].as_i64().unwrap_or(0);
    let title = h["title"].as_str().unwrap_or("");
    let company = h["company"].as_str().unwrap_or("");
    let mut s = format!(
        "<li class=\"hit\"><h2><a href=\"/jobs/{id}\">{}</a></h2><div class=\"meta\">{}",
        esc(title),
        if company.is_empty() { String::new() } else { format!("<strong>{}</strong>", esc(company)) }
    );
    let place = place_text(h);
    if !place.is_empty() {
        let _ = write!(s, " · {}", esc(&place));
    }
    if let Some(p) = h["posted_at"].as_str() {
        let _ = write!(s, " · <time datetime=\"{}\">{}</time>", esc(p), esc(p.get(..10).unwrap_or(p)));
    }
    s.push_str("</div>");
    let salary = salary_text(&h["salary"], &h["salary_annual"]);
    let mut tags = String::new();
    for (key, f) in [("seniority", seniority_label as fn(&str) -> String), ("employment_type", employment_label)] {
        if let Some(x) = h[key].as_str() {
            let _ = write!(tags, "<span class=\"tag\">{}</span>", esc(&f(x)));
        }
    }
    if let Some(skills) = h["skills"].as_array() {
        for sk in skills.iter().filter_map(Value::as_str).take(6) {
            let _ = write!(tags, "<span class=\"tag\">{}</span>", esc(sk));
        }
    }
    let _ = write!(s, "<div>{}{tags}</div>", if salary.is_empty() { String::new() } else { format!("<span class=\"salary\">{}</span> ", esc(&salary)) });
    if let Some(sn) = h["snippet"].as_str() {
        // The index escapes the text and adds only <mark> tags.
        let _ = write!(s, "<p class=\"snippet\">{sn}</p>");
    }
    if let Some(u) = h["apply_url"].as_str().or(h["url"].as_str()).and_then(safe_url) {
        let _ = write!(s, "<div class=\"meta\"><a href=\"{u}\" rel=\"nofollow noopener\" class=\"apply-link\">Apply at the source</a></div>");
    }
    s.push_str("</li>");
    s
}

fn place_text(h: &Value) -> String {
    let remote = h["remote"].as_str();
    let locations: Vec<&str> = h["locations"].as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    let countries: Vec<&str> = h["countries"].as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    let mut parts = Vec::new();
    if let Some(r) = remote {
        parts.push(remote_label(r));
    }
    if !locations.is_empty() {
        let shown: Vec<&str> = locations.iter().take(2).copied().collect();
        let more = if locations.len() > 2 { format!(" +{}", locations.len() - 2) } else { String::new() };
        parts.push(format!("{}{more}", shown.join("; ")));
    } else if !countries.is_empty() {
        parts.push(countries.iter().take(3).map(|c| country_label(c)).collect::<Vec<_>>().join(", "));
    }
    parts.join(" · ")
}

/// "$120k–$150k a year" as stated, with the yearly figure when it was annualized or converted.
fn salary_text(stated: &Value, annual: &Value) -> String {
    let Some(obj) = stated.as_object() else { return String::new() };
    let cur = obj.get("currency").and_then(Value::as_str).unwrap_or("");
    let period = obj.get("period").and_then(Value::as_str).unwrap_or("year");
    let f = |x: Option<f64>| x.map(|v| hirekit_insight::money_short(v, if cur.is_empty() { "USD" } else { cur }));
    let (min, max) = (f(obj.get("min").and_then(Value::as_f64)), f(obj.get("max").and_then(Value::as_f64)));
    let range = match (min, max) {
        (Some(a), Some(b)) if a == b => a,
        (Some(a), Some(b)) => format!("{a}–{b}"),
        (Some(a), None) => format!("from {a}"),
        (None, Some(b)) => format!("up to {b}"),
        (None, None) => return String::new(),
    };
    let mut s = format!("{range} {}", per(period));
    if let (Some(a), Some(c)) = (annual.get("min").and_then(Value::as_f64), annual.get("currency").and_then(Value::as_str)) {
        if period != "year" || !c.eq_ignore_ascii_case(cur) {
            let b = annual.get("max").and_then(Value::as_f64).unwrap_or(a);
            let (x, y) = (hirekit_insight::money_short(a, c), hirekit_insight::money_short(b, c));
            let yearly = if x == y { x } else { format!("{x}–{y}") };
            let _ = write!(s, " (≈ {yearly} a year)");
        }
    }
    s
}

fn per(period: &str) -> &'static str {
    match period {
        "hour" => "an hour",
        "day" => "a day",
        "week" => "a week",
        "month" => "a month",
        _ => "a year",
    }
}

// ---------- posting page ----------

async fn job_page(State(st): State<AppState>, Path(id): Path<String>) -> Response {
    let not_found = || (StatusCode::NOT_FOUND, crate::html::layout("Not found", "<h1>No such posting</h1><p><a href=\"/\">Search jobs</a></p>")).into_response();
    let Ok(id) = id.parse::<i64>() else { return not_found() };
    let p = match st.store.get_posting(id).await {
        Ok(Some(p)) => p,
        Ok(None) => return not_found(),
        Err(e) => {
            tracing::error!(error = %e, "job page");
            return (StatusCode::SERVICE_UNAVAILABLE, crate::html::layout("Unavailable", "<p class=\"error\">The store is not answering; try again shortly.</p>")).into_response();
        }
    };
    let similar = {
        let index = st.index.clone();
        tokio::task::spawn_blocking(move || index.similar(id, 5)).await.ok().and_then(Result::ok).unwrap_or_default()
    };
    let j = &p.posting;
    let mut b = String::new();
    let _ = write!(b, "<article><h1>{}</h1><p class=\"meta\">", esc(&j.title));
    if let Some(c) = &j.company {
        let _ = write!(b, "<strong>{}</strong>", esc(c));
    }
    if p.closed_at.is_some() {
        b.push_str(" · <span class=\"tag\">Closed</span>");
    }
    b.push_str("</p>");
    let apply = j.apply_url.as_deref().or(j.url.as_deref()).and_then(safe_url);
    match &apply {
        Some(u) if p.closed_at.is_none() => {
            let _ = write!(b, "<p><a class=\"apply\" id=\"apply\" href=\"{u}\" rel=\"nofollow noopener\">Apply at the source</a></p>");
        }
        Some(u) => {
            let _ = write!(b, "<p class=\"notice\">This posting was closed at its source. <a href=\"{u}\" rel=\"nofollow noopener\">Original link</a></p>");
        }
        None => {}
    }
    b.push_str("<dl class=\"facts\">");
    let salary = j.salary.as_ref().map(|s| serde_json::to_value(s).unwrap_or(Value::Null)).unwrap_or(Value::Null);
    let annual = j
        .salary
        .as_ref()
        .and_then(|s| {
            let def = j.countries.first().and_then(|c| hirekit_model::location::country_currency(c));
            hirekit_model::money::annual_range(s, &st.rates, "USD", def)
        })
        .map(|(lo, hi)| serde_json::json!({"min": lo, "max": hi, "currency": "USD"}))
        .unwrap_or(Value::Null);
    let salary_line = salary_text(&salary, &annual);
    let fact = |b: &mut String, k: &str, v: &str| {
        if !v.is_empty() {
            let _ = write!(b, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(v));
        }
    };
    fact(&mut b, "Salary", if salary_line.is_empty() { j.salary_text.as_deref().unwrap_or("not stated") } else { &salary_line });
    fact(&mut b, "Role", &family_label(j.role_family.as_str()));
    fact(&mut b, "Seniority", &j.seniority.map(|s| seniority_label(s.as_str())).unwrap_or_else(|| "not stated".into()));
    fact(&mut b, "Workplace", &j.remote.map(|r| remote_label(r.as_str())).unwrap_or_else(|| "not stated".into()));
    fact(&mut b, "Location", &j.locations.join("; "));
    if !j.countries.is_empty() {
        fact(&mut b, "Countries", &j.countries.iter().map(|c| country_label(c)).collect::<Vec<_>>().join(", "));
    }
    if !j.regions.is_empty() {
        fact(&mut b, "Regions", &j.regions.join(", "));
    }
    fact(&mut b, "Employment", &j.employment_type.map(|e| employment_label(e.as_str())).unwrap_or_default());
    fact(&mut b, "Posted", &j.posted_at.map(|t| t.format("%Y-%m-%d").to_string()).unwrap_or_default());
    b.push_str("</dl>");
    if !j.skills.is_empty() {
        b.push_str("<h2>Skills</h2><p>");
        for s in &j.skills {
            let _ = write!(b, "<a class=\"tag\" href=\"/?skill={}\">{}</a>", enc(s), esc(s));
        }
        b.push_str("</p>");
    }
    b.push_str("<h2>Description</h2><div class=\"description\">");
    for para in j.description.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let _ = write!(b, "<p>{}</p>", esc(para).replace('\n', "<br>"));
    }
    b.push_str("</div><h2>Seen on</h2><ul class=\"sources\">");
    for s in &p.sources {
        let link = s.url.as_deref().and_then(safe_url).map(|u| format!(" · <a href=\"{u}\" rel=\"nofollow noopener\">listing</a>")).unwrap_or_default();
        let _ = write!(
            b,
            "<li><strong>{}</strong>{}{link} · first seen {}{}{}</li>",
            esc(&s.source),
            s.kind.as_deref().map(|k| format!(" ({})", esc(k))).unwrap_or_default(),
            crate::api::iso(s.first_seen).get(..10).unwrap_or(""),
            s.closed_at.map(|c| format!(" · closed {}", crate::api::iso(c).get(..10).unwrap_or(""))).unwrap_or_default(),
            s.merge_reason.as_deref().map(|r| format!(" · merged: {}", esc(r))).unwrap_or_default()
        );
    }
    b.push_str("</ul>");
    if !similar.is_empty() {
        b.push_str("<h2>Similar jobs</h2><ol class=\"hits\">");
        for h in &similar {
            if let Ok(v) = serde_json::to_value(h) {
                b.push_str(&hit_html(&v));
            }
        }
        b.push_str("</ol>");
    }
    let _ = write!(
        b,
        "<p><a href=\"/salaries/{}\">What {} roles pay</a></p></article>",
        enc(j.role_family.as_str()),
        esc(&family_label(j.role_family.as_str()).to_lowercase())
    );
    // `<`, `>` and `&` only occur inside JSON strings, where \u escapes mean the same: nothing in
    // a posting can close the script element or open another.
    let jsonld = Value::Object(hirekit_store::schema_org::job_posting(&p))
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    let head = format!("<script type=\"application/ld+json\">{jsonld}</script>");
    let desc: String = j.description.chars().take(150).collect();
    page(&Page { title: &j.title, body: &b, head: &head, nav: "jobs", description: &desc }).into_response()
}

// ---------- salary pages ----------

async fn salaries_page(State(st): State<AppState>, Query(raw): Query<Vec<(String, String)>>) -> Response {
    let (pairs, _) = clean(raw);
    if let [one] = values(&pairs, "role_family").as_slice() {
        let rest: Vec<(String, String)> = pairs.iter().filter(|(k, _)| k != "role_family").cloned().collect();
        let to = format!("/salaries/{}{}", enc(one), qs(&rest, &[], &[]));
        return axum::response::Redirect::to(&to).into_response();
    }
    let (overall, by_role) = {
        let (index, rates, p) = (st.index.clone(), st.rates.clone(), pairs.clone());
        match tokio::task::spawn_blocking(move || crate::search::salary_reports_by_role(&index, &rates, &p)).await {
            Ok(Ok(r)) => r,
            Ok(Err(e)) => return bad_request("Salaries", &e),
            Err(e) => return bad_request("Salaries", &SearchError::Internal(e.to_string())),
        }
    };
    let mut b = String::from("<h1>Salaries in tech</h1>");
    b.push_str(&salary_filters("/salaries", &pairs, false));
    let _ = write!(b, "<p class=\"headline\">{}</p>", esc(&overall.insight.headline));
    b.push_str("<table><caption class=\"sr-only\">Typical yearly salary by role</caption><thead><tr><th>Role</th><th class=\"num\">Typical (p25–p75)</th><th class=\"num\">Median</th><th class=\"num\">Listings with salary</th></tr></thead><tbody>");
    for (f, r) in &by_role {
        let cur = &r.insight.currency;
        let (typical, median) = match r.insight.overall {
            Some(pc) => (
                format!("{}–{}", hirekit_insight::money_short(pc.p25, cur), hirekit_insight::money_short(pc.p75, cur)),
                hirekit_insight::money_short(pc.p50, cur),
            ),
            None => ("—".into(), "—".into()),
        };
        let _ = write!(
            b,
            "<tr><td><a href=\"/salaries/{}{}\">{}</a></td><td class=\"num\">{typical}</td><td class=\"num\">{median}</td><td class=\"num\">{}</td></tr>",
            enc(f.as_str()),
            esc(&qs(&pairs, &[], &[])),
            esc(&family_label(f.as_str())),
            hirekit_insight::group_digits(r.insight.used as u64)
        );
    }
    b.push_str("</tbody></table>");
    b.push_str(&chart_section(&overall));
    page(&Page { title: "Salaries", body: &b, nav: "salaries", ..Page::default() }).into_response()
}

async fn salary_role_page(State(st): State<AppState>, Path(family): Path<String>, Query(raw): Query<Vec<(String, String)>>) -> Response {
    let (mut pairs, _) = clean(raw);
    let Some(f) = RoleFamily::parse(&family) else {
        let e = SearchError::BadValue { param: "role_family".into(), message: format!("unknown role family {family:?}") };
        return bad_request("Salaries", &e);
    };
    pairs.retain(|(k, _)| k != "role_family");
    let mut with_role = pairs.clone();
    with_role.push(("role_family".into(), f.as_str().into()));
    let r = match salary_report(&st, &with_role).await {
        Ok(r) => r,
        Err(e) => return bad_request("Salaries", &e),
    };
    let label = family_label(f.as_str());
    let mut b = format!("<p class=\"meta\"><a href=\"/salaries\">Salaries</a> ›</p><h1>{} salaries</h1>", esc(&label));
    b.push_str(&salary_filters(&format!("/salaries/{}", enc(f.as_str())), &pairs, true));
    let _ = write!(b, "<p class=\"headline\" id=\"headline\">{}</p>", esc(&r.insight.headline));
    let _ = write!(
        b,
        "<p class=\"meta\">{} of {} matching listings state pay · <a href=\"/{}\">See the listings</a></p>",
        hirekit_insight::group_digits(r.insight.with_salary as u64),
        hirekit_insight::group_digits(r.insight.postings),
        esc(&qs(&with_role, &[], &[]))
    );
    if !r.insight.by_seniority.is_empty() {
        b.push_str("<h2>By seniority</h2>");
        b.push_str(&hirekit_insight::bands_svg(&r.insight, 680));
        b.push_str("<table><thead><tr><th>Seniority</th><th class=\"num\">p10</th><th class=\"num\">p25</th><th class=\"num\">Median</th><th class=\"num\">p75</th><th class=\"num\">p90</th><th class=\"num\">Listings</th></tr></thead><tbody>");
        let cur = &r.insight.currency;
        let m = |v: f64| hirekit_insight::money_short(v, cur);
        for band in &r.insight.by_seniority {
            let p = &band.percentiles;
            let _ = write!(
                b,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\"><strong>{}</strong></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                esc(&seniority_label(band.seniority.as_str())),
                m(p.p10),
                m(p.p25),
                m(p.p50),
                m(p.p75),
                m(p.p90),
                band.count
            );
        }
        b.push_str("</tbody></table>");
    }
    b.push_str(&chart_section(&r));
    page(&Page { title: &format!("{label} salaries"), body: &b, nav: "salaries", ..Page::default() }).into_response()
}

fn chart_section(r: &SalaryReport) -> String {
    let mut b = String::from("<h2>Distribution</h2>");
    b.push_str(&hirekit_insight::histogram_svg(&r.insight, 680, 240));
    let _ = write!(
        b,
        "<p class=\"meta\">Yearly pay in {}, by the {} of each range. {} figures were annualized from hourly, daily, weekly or monthly pay. {} outliers set aside. Exchange rates of {}. <a href=\"/api/v1/salaries\">JSON</a></p>",
        esc(&r.insight.currency),
        match r.insight.basis {
            hirekit_insight::Basis::Midpoint => "midpoint",
            hirekit_insight::Basis::Low => "low end",
            hirekit_insight::Basis::High => "high end",
        },
        r.insight.annualized,
        r.insight.outliers.len(),
        esc(&r.rates_date)
    );
    let _ = write!(b, "<details><summary>How these figures are computed</summary><p>{}</p></details>", esc(crate::search::ASSUMPTIONS));
    b
}

fn salary_filters(action: &str, pairs: &[(String, String)], seniority: bool) -> String {
    let pick = |k: &str| value(pairs, k).unwrap_or("");
    let mut s = format!("<form class=\"searchbar\" action=\"{}\" method=\"get\" aria-label=\"Salary filters\">", esc(action));
    if seniority {
        let mut o = vec![("", "All levels")];
        o.extend(Seniority::ALL.iter().map(|x| (x.as_str(), x.as_str())));
        let _ = write!(s, "<label class=\"sr-only\" for=\"s-seniority\">Seniority</label><select id=\"s-seniority\" name=\"seniority\">{}</select>", options(&o, pick("seniority")));
    }
    let remote: Vec<(&str, &str)> = vec![("", "Any workplace"), (RemotePolicy::Remote.as_str(), "Remote"), (RemotePolicy::Hybrid.as_str(), "Hybrid"), (RemotePolicy::Onsite.as_str(), "On-site")];
    let _ = write!(s, "<label class=\"sr-only\" for=\"s-remote\">Workplace</label><select id=\"s-remote\" name=\"remote\">{}</select>", options(&remote, pick("remote")));
    let _ = write!(
        s,
        "<label class=\"sr-only\" for=\"s-country\">Country code</label><input type=\"text\" id=\"s-country\" name=\"country\" size=\"8\" placeholder=\"Country (US)\" value=\"{}\">\
<label class=\"sr-only\" for=\"s-region\">Region</label><input type=\"text\" id=\"s-region\" name=\"region\" size=\"8\" placeholder=\"Region (EU)\" value=\"{}\">",
        esc(pick("country")),
        esc(pick("region"))
    );
    let cur: Vec<(&str, &str)> = CURRENCIES.iter().map(|c| (*c, *c)).collect();
    let _ = write!(
        s,
        "<label class=\"sr-only\" for=\"s-currency\">Currency</label><select id=\"s-currency\" name=\"currency\">{}</select><button class=\"btn\" type=\"submit\">Show</button></form>",
        options(&cur, value(pairs, "currency").unwrap_or("USD"))
    );
    s
}

fn bad_request(title: &str, e: &SearchError) -> Response {
    let body = format!("<h1>{}</h1>{}", esc(title), error_box(&e.to_string()));
    (StatusCode::BAD_REQUEST, page(&Page { title, body: &body, nav: "salaries", ..Page::default() })).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_round_trip_safely() {
        let pairs = vec![("q".to_string(), "c++ & rust".to_string()), ("skill".to_string(), "Go".to_string())];
        assert_eq!(qs(&pairs, &[], &[("cursor", "a/b")]), "?q=c%2B%2B+%26+rust&skill=Go&cursor=a%2Fb");
        assert_eq!(qs(&pairs, &["q", "skill"], &[]), "");
        let (kept, fragment) = clean(vec![("q".into(), "".into()), ("fragment".into(), "1".into()), ("remote".into(), "remote".into())]);
        assert!(fragment);
        assert_eq!(kept, vec![("remote".to_string(), "remote".to_string())]);
    }

    #[test]
    fn salary_lines_show_stated_and_yearly_pay() {
        let stated = serde_json::json!({"min": 50, "max": 60, "currency": "USD", "period": "hour"});
        let annual = serde_json::json!({"min": 104000.0, "max": 124800.0, "currency": "USD"});
        assert_eq!(salary_text(&stated, &annual), "$50–$60 an hour (≈ $104k–$125k a year)");
        let yearly = serde_json::json!({"min": 120000, "max": 150000, "currency": "USD", "period": "year"});
        assert_eq!(salary_text(&yearly, &serde_json::json!({"min": 120000.0, "max": 150000.0, "currency": "USD"})), "$120k–$150k a year");
        assert_eq!(band_label("<50k", "USD"), "under $50k");
        assert_eq!(band_label("300k+", "EUR"), "€300k or more");
    }
}
