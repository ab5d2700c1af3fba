//! Workable widget API: `GET /api/v1/widget/accounts/{account}?details=true`
//! → `{name, jobs:[…]}`; the account name is the company.

use crate::util::*;
use crate::{Context, DocError, ItemError};
use hirekit_model::posting::{RemotePolicy, SourcePosting};
use serde_json::Value;

pub fn parse(
    doc: &Value,
    ctx: &Context,
    out: &mut dyn FnMut(Result<SourcePosting, ItemError>),
) -> Result<(), DocError> {
    let jobs = match doc.get("jobs") {
        Some(Value::Array(a)) => a,
        _ => {
            return Err(DocError {
                reason: "workable: expected an object with a \"jobs\" array".into(),
            })
        }
    };
    let company = get_str(doc, "name").or_else(|| ctx.company.clone());
    for (i, job) in jobs.iter().enumerate() {
        out(item(job, i, company.as_deref()));
    }
    Ok(())
}

fn item(job: &Value, i: usize, company: Option<&str>) -> Result<SourcePosting, ItemError> {
    if !job.is_object() {
        return Err(ItemError {
            item: format!("index {i}"),
            reason: "not an object".into(),
        });
    }
    let title = get_text(job, "title").ok_or_else(|| ItemError {
        item: item_label(job, "shortcode", i),
        reason: "no title".into(),
    })?;
    let mut locations = Vec::new();
    let mut country = None;
    for l in arr(job, "locations") {
        push_loc(
            &mut locations,
            join_parts(&[
                get_str(l, "city"),
                get_str(l, "region"),
                get_str(l, "country"),
            ]),
        );
        country = country.or_else(|| get_str(l, "countryCode").and_then(|c| iso2(&c)));
    }
    if locations.is_empty() {
        push_loc(
            &mut locations,
            join_parts(&[
                get_str(job, "city"),
                get_str(job, "state"),
                get_str(job, "country"),
            ]),
        );
    }
    let country = get_str(job, "country_code")
        .or_else(|| get_str(job, "countryCode"))
        .and_then(|c| iso2(&c))
        .or(country)
        .or_else(|| get_str(job, "country").and_then(|c| iso2(&c)));
    let description = get_str(job, "description");
    let (html, text) = match description {
        Some(d) if looks_like_html(&d) => (Some(d), None),
        d => (None, d),
    };
    Ok(SourcePosting {
        external_id: get_str(job, "shortcode").or_else(|| get_str(job, "id")),
        title,
        company: get_str(job, "company").or_else(|| company.map(str::to_string)),
        description_html: html,
        description_text: text,
        locations,
        country,
        remote: (get_bool(job, "telecommuting") == Some(true)).then_some(RemotePolicy::Remote),
        employment_type: get_str(job, "employment_type"),
        url: get_str(job, "url").or_else(|| get_str(job, "shortlink")),
        apply_url: get_str(job, "application_url"),
        posted_at: get_date(job, "published_on").or_else(|| get_date(job, "created_at")),
        department: get_str(job, "department"),
        seniority: get_str(job, "experience"),
        raw: job.clone(),
        ..Default::default()
    })
}
