//! Which connector reads a SOURCE: `kind:` prefixes, content sniffing, URL/file-name hints.

use crate::jobposting::is_job_posting;
use hirekit_model::posting::SourceKind;
use serde_json::Value;

/// Split an optional `kind:` prefix off a SOURCE argument:
/// "greenhouse:https://…" → (Some(Greenhouse), "https://…"); "./x.json" → (None, "./x.json");
/// "C:\\x" or "https://…" without a known kind → (None, whole).
pub fn split_prefix(spec: &str) -> (Option<SourceKind>, &str) {
    if let Some((head, rest)) = spec.split_once(':') {
        if let Some(k) = kind_name(head) {
            return (Some(k), rest);
        }
    }
    (None, spec)
}

/// A kind's CLI name, plus a few obvious aliases.
fn kind_name(s: &str) -> Option<SourceKind> {
    let s = s.trim().to_ascii_lowercase();
    SourceKind::parse(&s).or(match s.as_str() {
        "rss" | "atom" => Some(SourceKind::Feed),
        "json-ld" | "ld" | "ldjson" => Some(SourceKind::JsonLd),
        "ndjson" => Some(SourceKind::Jsonl),
        "remote-ok" => Some(SourceKind::RemoteOk),
        _ => None,
    })
}

/// Guess the kind from the first bytes (up to 64 KiB) and a file name/URL hint.
/// Decisive content wins; the hint settles what the content leaves open (an empty
/// `{"jobs":[]}`, an unknown HTML page, a header-only CSV).
pub fn detect(prefix: &[u8], name_hint: Option<&str>) -> Option<SourceKind> {
    let prefix = &prefix[..prefix.len().min(64 * 1024)];
    let text = String::from_utf8_lossy(crate::util::strip_bom(prefix));
    let t = text.trim_start();
    let hint = name_hint.and_then(hint_kind);
    let by_content = match t.as_bytes().first() {
        Some(b'{') | Some(b'[') => json_kind(t, hint),
        Some(b'<') => markup_kind(t),
        Some(_) => csv_like(t).then_some(SourceKind::Csv),
        None => None,
    };
    match (by_content, hint) {
        // A header-like line is weak evidence; an explicit .jsonl/.xml/.html name is stronger.
        (Some(SourceKind::Csv), Some(h)) => Some(h),
        (Some(k), _) => Some(k),
        (None, h) => h,
    }
}

fn json_kind(t: &str, hint: Option<SourceKind>) -> Option<SourceKind> {
    // A complete JSON object on the first line: JSONL, or a minified API document.
    let first_line = t.split('\n').next().unwrap_or("");
    if let Ok(v) = serde_json::from_str::<Value>(first_line.trim()) {
        if let Some(k) = parsed_kind(&v) {
            return Some(k);
        }
        if v.is_object() && (is_job_posting(&v) || v.get("title").is_some()) {
            return Some(SourceKind::Jsonl);
        }
    }
    // Otherwise look for field names that only one API uses.
    let has = |k: &str| t.contains(&format!("\"{k}\""));
    let first_elem = t.split('}').next().unwrap_or("");
    if t.starts_with('[') && first_elem.contains("\"legal\"") {
        return Some(SourceKind::RemoteOk);
    }
    if has("hostedUrl") {
        return Some(SourceKind::Lever);
    }
    if has("absolute_url") {
        return Some(SourceKind::Greenhouse);
    }
    if has("jobUrl") || has("descriptionHtml") {
        return Some(SourceKind::Ashby);
    }
    if has("releasedDate") || has("refNumber") || has("jobAd") {
        return Some(SourceKind::SmartRecruiters);
    }
    if has("offers")
        && (has("careers_url")
            || has("slug")
            || t.contains("\"offers\":[]")
            || t.contains("\"offers\": []"))
    {
        return Some(SourceKind::Recruitee);
    }
    if has("shortcode") {
        return Some(SourceKind::Workable);
    }
    if has("categories") && t.starts_with('[') && has("text") {
        return Some(SourceKind::Lever);
    }
    if t.contains("JobPosting") {
        // Pretty-printed JSON-LD, unless the name says it is line-delimited.
        return Some(if hint == Some(SourceKind::Jsonl) {
            SourceKind::Jsonl
        } else {
            SourceKind::JsonLd
        });
    }
    if has("offers") {
        return Some(SourceKind::Recruitee);
    }
    None
}

/// Kind of a fully parsed (small, minified) JSON document.
fn parsed_kind(v: &Value) -> Option<SourceKind> {
    let first_of = |key: &str| match v.get(key) {
        Some(Value::Array(a)) => a.first(),
        _ => None,
    };
    match v {
        Value::Array(a) => {
            let f = a.first()?;
            if f.get("legal").is_some() && f.get("position").is_none() {
                Some(SourceKind::RemoteOk)
            } else if f.get("hostedUrl").is_some() || f.get("categories").is_some() {
                Some(SourceKind::Lever)
            } else if f.get("position").is_some() && f.get("epoch").is_some() {
                Some(SourceKind::RemoteOk)
            } else {
                None
            }
        }
        Value::Object(o) => {
            if let Some(j) = first_of("results") {
                if j.get("shortcode").is_some() {
                    return Some(SourceKind::Workable);
                }
            }
            if let Some(j) = first_of("jobs") {
                if j.get("absolute_url").is_some() {
                    return Some(SourceKind::Greenhouse);
                }
                if j.get("jobUrl").is_some() || j.get("descriptionHtml").is_some() {
                    return Some(SourceKind::Ashby);
                }
                if j.get("shortcode").is_some() {
                    return Some(SourceKind::Workable);
                }
            }
            if o.contains_key("offers") {
                return Some(SourceKind::Recruitee);
            }
            if o.contains_key("jobAd") {
                return Some(SourceKind::SmartRecruiters);
            }
            if let Some(c) = first_of("content") {
                if c.get("releasedDate").is_some() || c.get("refNumber").is_some() {
                    return Some(SourceKind::SmartRecruiters);
                }
            }
            None
        }
        _ => None,
    }
}

fn markup_kind(t: &str) -> Option<SourceKind> {
    let lower = t.to_ascii_lowercase();
    if lower.contains("<workzag-jobs") {
        Some(SourceKind::Personio)
    } else if lower.contains("<rss") || lower.contains("<feed") || lower.contains("<rdf:rdf") {
        Some(SourceKind::Feed)
    } else if lower.contains("<html")
        || lower.contains("<!doctype html")
        || lower.contains("ld+json")
    {
        Some(SourceKind::JsonLd)
    } else {
        None
    }
}

/// A first line that looks like a CSV header: two or more short delimited names.
fn csv_like(t: &str) -> bool {
    let first = t.lines().next().unwrap_or("");
    [',', ';', '\t'].iter().any(|&d| {
        let cells: Vec<&str> = first.split(d).collect();
        cells.len() >= 2 && cells.iter().all(|c| c.trim().trim_matches('"').len() <= 64)
    })
}

/// Kind from a URL host/path or a file name.
fn hint_kind(name: &str) -> Option<SourceKind> {
    let l = name.trim().to_ascii_lowercase();
    let host_rules: [(&str, SourceKind); 9] = [
        ("greenhouse.io", SourceKind::Greenhouse),
        ("lever.co", SourceKind::Lever),
        ("ashbyhq.com", SourceKind::Ashby),
        ("workable.com", SourceKind::Workable),
        ("smartrecruiters.com", SourceKind::SmartRecruiters),
        ("recruitee.com", SourceKind::Recruitee),
        (".jobs.personio.", SourceKind::Personio),
        ("remoteok.com", SourceKind::RemoteOk),
        ("remoteok.io", SourceKind::RemoteOk),
    ];
    if l.starts_with("http://") || l.starts_with("https://") {
        let host = l.split('/').nth(2).unwrap_or("");
        if let Some((_, k)) = host_rules.iter().find(|(h, _)| host.contains(h)) {
            return Some(*k);
        }
    }
    let path = l.split(['?', '#']).next().unwrap_or(&l);
    let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let file = file.strip_suffix(".gz").unwrap_or(file);
    // "greenhouse-acme.json": a kind name in front.
    if let Some(k) = file.split(['-', '_', '.']).next().and_then(kind_name) {
        if file.contains('.') {
            return Some(k);
        }
    }
    let ext = file.rsplit('.').next().unwrap_or("");
    match ext {
        "jsonl" | "ndjson" => Some(SourceKind::Jsonl),
        "csv" | "tsv" => Some(SourceKind::Csv),
        "rss" | "atom" => Some(SourceKind::Feed),
        "html" | "htm" => Some(SourceKind::JsonLd),
        "xml" if file.contains("personio") => Some(SourceKind::Personio),
        "xml" => Some(SourceKind::Feed),
        _ => None,
    }
}

/// Company hint from a URL or path: the board token / account / subdomain, e.g.
/// boards-api.greenhouse.io/v1/boards/acme/jobs → "acme"; acme.recruitee.com/api/offers →
/// "acme"; a file name "greenhouse-acme.json" → "acme". None when nothing names one.
pub fn company_hint(location: &str) -> Option<String> {
    // Tokens keep their case (SmartRecruiters ids are "AcmeGmbH"); hosts are compared lowercase.
    let (_, loc) = split_prefix(location.trim());
    let loc = loc.trim();
    let lower = loc.to_ascii_lowercase();
    let token = if lower.starts_with("https://") || lower.starts_with("http://") {
        url_token(&loc[loc.find("://").map_or(0, |i| i + 3)..])
    } else if looks_like_host(&lower) {
        // A scheme-less "boards.greenhouse.io/acme" is still a URL.
        url_token(loc)
    } else {
        file_token(loc)
    }?;
    let token = token.trim();
    let ok = !token.is_empty()
        && token.len() <= 100
        && token
            .chars()
            .all(|c| c.is_alphanumeric() || "-_.".contains(c));
    ok.then(|| token.to_string())
}

fn looks_like_host(s: &str) -> bool {
    let host = s.split('/').next().unwrap_or("");
    host.contains('.')
        && [".io", ".co", ".com", ".de"]
            .iter()
            .any(|tld| host.ends_with(tld))
        && !host.ends_with(".json")
}

fn url_token(rest: &str) -> Option<String> {
    let (before_query, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut parts = before_query.split('/');
    let host = parts.next()?.split(':').next()?.to_ascii_lowercase();
    let host = host.as_str();
    let segs: Vec<&str> = parts.filter(|s| !s.is_empty()).collect();
    let after = |key: &str| {
        segs.iter()
            .position(|s| *s == key)
            .and_then(|i| segs.get(i + 1))
            .map(|s| s.to_string())
    };
    let sub = || {
        let first = host.split('.').next()?;
        (!matches!(
            first,
            "www" | "api" | "apply" | "jobs" | "careers" | "boards" | "app"
        ))
        .then(|| first.to_string())
    };
    let first_seg = || {
        segs.first()
            .filter(|s| !matches!(**s, "api" | "v0" | "v1" | "embed"))
            .map(|s| s.to_string())
    };
    let query_for = || {
        query
            .split('&')
            .find_map(|kv| kv.strip_prefix("for="))
            .map(str::to_string)
    };
    if host.ends_with("greenhouse.io") {
        after("boards").or_else(query_for).or_else(first_seg)
    } else if host.ends_with("lever.co") {
        after("postings").or_else(first_seg)
    } else if host.ends_with("ashbyhq.com") {
        after("job-board").or_else(first_seg)
    } else if host.ends_with("workable.com") {
        after("accounts").or_else(|| {
            if host.starts_with("apply.") {
                first_seg()
            } else {
                sub()
            }
        })
    } else if host.ends_with("smartrecruiters.com") {
        after("companies").or_else(first_seg)
    } else if host.ends_with("recruitee.com") || host.contains(".jobs.personio.") {
        sub()
    } else {
        // Mirrors and proxies keep the public API paths: /v1/boards/acme/jobs, /v0/postings/acme…
        ["boards", "postings", "job-board", "accounts", "companies"]
            .iter()
            .find_map(|k| after(k))
            .filter(|t| t != "jobs")
    }
}

fn file_token(path: &str) -> Option<String> {
    let file = path.rsplit(['/', '\\']).next()?;
    let stem = file.split('.').next()?;
    let (head, rest) = stem.split_once(['-', '_'])?;
    kind_name(head)?;
    (!rest.is_empty()).then(|| rest.to_string())
}

/// A display name from a board token: "acme-corp" → "Acme Corp".
pub fn company_display_name(token: &str) -> String {
    token
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
