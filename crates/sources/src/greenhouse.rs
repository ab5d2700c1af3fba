//! Greenhouse job board API: `GET /v1/boards/{token}/jobs?content=true`.
//! `content` is HTML whose markup is entity-encoded ("&lt;p&gt;"); it is decoded once.

use crate::util::*;
use crate::{Context, DocError, ItemError};
use hirekit_model::posting::SourcePosting;
use serde_json::Value;

pub fn parse(
    doc: &Value,
    ctx: &Context,
    out: &mut dyn FnMut(Result<SourcePosting, ItemError>),
) -> Result<(), DocError> {
    // The list endpoint wraps jobs; the single-job endpoint returns one job object.
    let jobs: Vec<&Value> = match doc {
        Value::Object(o) if o.get("jobs").is_some() => match o.get("jobs") {
            Some(Value::Array(a)) => a.iter().collect(),
            _ => {
                return Err(DocError {
                    reason: "greenhouse: \"jobs\" is not an array".into(),
                })
            }
        },
        Value::Object(o) if o.contains_key("absolute_url") || o.contains_key("title") => vec![doc],
        Value::Array(a) => a.iter().collect(),
        _ => {
            return Err(DocError {
                reason: "greenhouse: expected an object with \"jobs\"".into(),
            })
        }
    };
    for (i, job) in jobs.into_iter().enumerate() {
        out(item(job, At::Index(i), ctx));
    }
    Ok(())
}

pub(crate) fn item(job: &Value, at: At, ctx: &Context) -> Result<SourcePosting, ItemError> {
    let label = || item_label(job, "id", at);
    if !job.is_object() {
        return Err(ItemError {
            item: at.to_string(),
            reason: "not an object".into(),
        });
    }
    let title = get_text(job, "title").ok_or_else(|| ItemError {
        item: label(),
        reason: "no title".into(),
    })?;
    let mut locations = Vec::new();
    push_loc(&mut locations, path_str(job, &["location", "name"]));
    if locations.is_empty() {
        for o in arr(job, "offices") {
            push_loc(
                &mut locations,
                get_str(o, "location").or_else(|| get_str(o, "name")),
            );
        }
    }
    let description_html = get_str(job, "content").map(|c| decode_entities_once(&c));
    let department = arr(job, "departments")
        .iter()
        .find_map(|d| get_str(d, "name"));
    Ok(SourcePosting {
        external_id: get_str(job, "id"),
        title,
        company: get_str(job, "company_name").or_else(|| ctx.company.clone()),
        description_html,
        locations,
        url: get_str(job, "absolute_url"),
        posted_at: get_date(job, "first_published"),
        updated_at: get_date(job, "updated_at"),
        department,
        raw: job.clone(),
        ..Default::default()
    })
}

/// Greenhouse double-encodes: the JSON string holds "&lt;p&gt;Tom &amp;amp; Jerry".
/// One decode yields the HTML "<p>Tom &amp; Jerry", which is what a browser would get.
pub fn decode_entities_once(s: &str) -> String {
    html_escape::decode_html_entities(s).into_owned()
}
