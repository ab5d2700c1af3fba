//! SmartRecruiters posting API: the list `GET /v1/companies/{id}/postings`
//! (`{offset, limit, totalFound, content:[…]}`) or one posting's detail (with `jobAd`).

use crate::util::*;
use crate::{Context, DocError, ItemError};
use hirekit_model::posting::{RemotePolicy, SourcePosting};
use serde_json::Value;

pub fn parse(
    doc: &Value,
    ctx: &Context,
    out: &mut dyn FnMut(Result<SourcePosting, ItemError>),
) -> Result<(), DocError> {
    match doc {
        Value::Object(o) => match o.get("content") {
            Some(Value::Array(a)) => {
                for (i, p) in a.iter().enumerate() {
                    out(item(p, At::Index(i), ctx));
                }
            }
            _ if o.contains_key("name") || o.contains_key("jobAd") => {
                out(item(doc, At::Index(0), ctx))
            }
            _ => {
                return Err(DocError {
                    reason: "smartrecruiters: expected a postings list or a posting".into(),
                })
            }
        },
        Value::Array(a) => {
            for (i, p) in a.iter().enumerate() {
                out(item(p, At::Index(i), ctx));
            }
        }
        _ => {
            return Err(DocError {
                reason: "smartrecruiters: expected a postings list or a posting".into(),
            })
        }
    }
    Ok(())
}

/// `{id, label}` objects are common; take the label, or a plain string.
fn label(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        o @ Value::Object(_) => get_str(o, "label").or_else(|| get_str(o, "name")),
        other => str_of(other),
    }
}

pub(crate) fn item(p: &Value, at: At, ctx: &Context) -> Result<SourcePosting, ItemError> {
    if !p.is_object() {
        return Err(ItemError {
            item: at.to_string(),
            reason: "not an object".into(),
        });
    }
    let title = get_text(p, "name").ok_or_else(|| ItemError {
        item: item_label(p, "id", at),
        reason: "no title (name)".into(),
    })?;
    let loc = p.get("location").unwrap_or(&Value::Null);
    let mut locations = Vec::new();
    push_loc(
        &mut locations,
        get_str(loc, "fullLocation").or_else(|| {
            join_parts(&[
                get_str(loc, "city"),
                get_str(loc, "region"),
                get_str(loc, "country").map(|c| c.to_ascii_uppercase()),
            ])
        }),
    );
    let remote = match (get_bool(loc, "remote"), get_bool(loc, "hybrid")) {
        (Some(true), _) => Some(RemotePolicy::Remote),
        (_, Some(true)) => Some(RemotePolicy::Hybrid),
        // Both flags stated false: the posting is on site.
        (Some(false), Some(false)) => Some(RemotePolicy::Onsite),
        _ => None,
    };
    let company_id = path_str(p, &["company", "identifier"]);
    let id = get_str(p, "id");
    // The list endpoint has no public URL; the job page address is stable.
    let url = get_str(p, "postingUrl").or_else(|| match (&company_id, &id) {
        (Some(c), Some(id)) => Some(format!("https://jobs.smartrecruiters.com/{c}/{id}")),
        _ => None,
    });
    let seniority = match p.get("experienceLevel") {
        Some(o @ Value::Object(_)) => get_str(o, "id").or_else(|| get_str(o, "label")),
        Some(v) => str_of(v),
        None => None,
    };
    Ok(SourcePosting {
        external_id: id,
        title,
        company: path_str(p, &["company", "name"]).or_else(|| ctx.company.clone()),
        description_html: job_ad_html(p),
        locations,
        country: get_str(loc, "country").and_then(|c| iso2(&c)),
        remote,
        employment_type: label(p, "typeOfEmployment"),
        url,
        apply_url: get_str(p, "applyUrl"),
        posted_at: get_date(p, "releasedDate"),
        department: label(p, "department").or_else(|| label(p, "function")),
        seniority,
        raw: p.clone(),
        ..Default::default()
    })
}

/// The jobAd sections in reading order, each as `<h3>title</h3>` + its HTML.
fn job_ad_html(p: &Value) -> Option<String> {
    let sections = get_path(p, &["jobAd", "sections"])?;
    let mut html = String::new();
    for key in [
        "companyDescription",
        "jobDescription",
        "qualifications",
        "additionalInformation",
    ] {
        let Some(s) = sections.get(key) else { continue };
        let Some(text) = get_str(s, "text") else {
            continue;
        };
        if let Some(t) = get_str(s, "title") {
            html.push_str(&format!("<h3>{}</h3>", esc(&t)));
        }
        html.push_str(&text);
    }
    (!html.is_empty()).then_some(html)
}
