//! Workable widget API: `GET /api/v1/widget/accounts/{account}?details=true`
//! → `{name, jobs:[…]}`; the account name is the company. The newer careers-page API
//! (`/api/v3/accounts/{account}/jobs` → `{total, results:[…]}`, with `workplace`,
//! `published`, `type`, `location:{…}`) is read by the same code. An item without its own
//! `company` gets the account name in raw under `_company` (see [`ACCOUNT_KEY`]).

use crate::util::*;
use crate::{Context, DocError, ItemError};
use hirekit_model::posting::{RemotePolicy, SourcePosting};
use serde_json::Value;

pub fn parse(
    doc: &Value,
    ctx: &Context,
    out: &mut dyn FnMut(Result<SourcePosting, ItemError>),
) -> Result<(), DocError> {
    let jobs = match doc.get("jobs").or_else(|| doc.get("results")) {
        Some(Value::Array(a)) => a,
        _ => {
            return Err(DocError {
                reason: "workable: expected an object with a \"jobs\" array".into(),
            })
        }
    };
    let account = get_str(doc, "name");
    for (i, job) in jobs.iter().enumerate() {
        let at = At::Index(i);
        match with_account(job, account.as_deref()) {
            Some(raw) => out(item(&raw, at, ctx)),
            None => out(item(job, at, ctx)),
        }
    }
    Ok(())
}

/// Raw key holding the account name (the document's top-level `name`) in an item that
/// names no company itself, so that a stored item still knows its company.
pub const ACCOUNT_KEY: &str = "_company";

/// The item with the account name added under [`ACCOUNT_KEY`], when it needs it.
fn with_account(job: &Value, account: Option<&str>) -> Option<Value> {
    let account = account?;
    if get_str(job, "company").is_some() {
        return None;
    }
    let mut raw = job.as_object()?.clone();
    raw.insert(ACCOUNT_KEY.into(), Value::String(account.to_string()));
    Some(Value::Object(raw))
}

pub(crate) fn item(job: &Value, at: At, ctx: &Context) -> Result<SourcePosting, ItemError> {
    if !job.is_object() {
        return Err(ItemError {
            item: at.to_string(),
            reason: "not an object".into(),
        });
    }
    let title = get_text(job, "title").ok_or_else(|| ItemError {
        item: item_label(job, "shortcode", at),
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
    // The v3 API nests the place in a `location` object; the widget has flat fields.
    let loc = job.get("location").filter(|l| l.is_object()).unwrap_or(job);
    if locations.is_empty() {
        let region = get_str(loc, "state").or_else(|| get_str(loc, "region"));
        push_loc(
            &mut locations,
            join_parts(&[get_str(loc, "city"), region, get_str(loc, "country")]),
        );
    }
    let country = ["country_code", "countryCode"]
        .iter()
        .find_map(|k| get_str(job, k).or_else(|| get_str(loc, k)))
        .and_then(|c| iso2(&c))
        .or(country)
        .or_else(|| get_str(loc, "country").and_then(|c| iso2(&c)));
    let remote = get_str(job, "workplace")
        .and_then(|w| remote_word(&w))
        .or_else(|| (get_bool(job, "telecommuting") == Some(true)).then_some(RemotePolicy::Remote))
        .or_else(|| (get_bool(job, "remote") == Some(true)).then_some(RemotePolicy::Remote));
    // v3 gives department as an array of names.
    let department = match job.get("department") {
        Some(Value::Array(a)) => a.iter().find_map(str_of),
        Some(v) => str_of(v),
        None => None,
    };
    let description = get_str(job, "description");
    let (html, text) = match description {
        Some(d) if looks_like_html(&d) => (Some(d), None),
        d => (None, d),
    };
    Ok(SourcePosting {
        external_id: get_str(job, "shortcode").or_else(|| get_str(job, "id")),
        title,
        company: get_str(job, "company")
            .or_else(|| get_str(job, ACCOUNT_KEY))
            .or_else(|| ctx.company.clone()),
        description_html: html,
        description_text: text,
        locations,
        country,
        remote,
        employment_type: get_str(job, "employment_type").or_else(|| get_str(job, "type")),
        url: get_str(job, "url").or_else(|| get_str(job, "shortlink")),
        apply_url: get_str(job, "application_url"),
        posted_at: ["published_on", "published", "created_at"]
            .iter()
            .find_map(|k| get_date(job, k)),
        department,
        seniority: get_str(job, "experience"),
        raw: job.clone(),
        ..Default::default()
    })
}
