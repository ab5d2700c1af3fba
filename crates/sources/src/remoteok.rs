//! RemoteOK API: an array whose first element is a legal notice, then jobs.
//! Every RemoteOK job is remote; salary_min/max are USD per year when non-zero.

use crate::util::*;
use crate::{Context, DocError, ItemError};
use hirekit_model::posting::{Period, RemotePolicy, Salary, SourcePosting};
use serde_json::Value;

pub fn parse(
    doc: &Value,
    ctx: &Context,
    out: &mut dyn FnMut(Result<SourcePosting, ItemError>),
) -> Result<(), DocError> {
    let Value::Array(items) = doc else {
        return Err(DocError {
            reason: "remoteok: expected an array".into(),
        });
    };
    for (i, it) in items.iter().enumerate() {
        if is_notice(it) {
            continue;
        }
        out(item(it, At::Index(i), ctx));
    }
    Ok(())
}

/// The legal notice: `{"legal": …}` with neither an id nor a position.
pub(crate) fn is_notice(v: &Value) -> bool {
    v.get("legal").is_some() && v.get("id").is_none() && v.get("position").is_none()
}

pub(crate) fn item(it: &Value, at: At, ctx: &Context) -> Result<SourcePosting, ItemError> {
    if !it.is_object() {
        return Err(ItemError {
            item: at.to_string(),
            reason: "not an object".into(),
        });
    }
    let title = get_text(it, "position")
        .or_else(|| get_text(it, "title"))
        .ok_or_else(|| ItemError {
            item: item_label(it, "id", at),
            reason: "no title (position)".into(),
        })?;
    let min = get_num(it, "salary_min").filter(|x| *x > 0.0);
    let max = get_num(it, "salary_max").filter(|x| *x > 0.0);
    let salary = (min.is_some() || max.is_some()).then(|| Salary {
        min,
        max,
        currency: Some("USD".into()),
        period: Some(Period::Year),
    });
    let mut locations = Vec::new();
    push_loc(&mut locations, get_str(it, "location"));
    let skills = arr(it, "tags").iter().filter_map(str_of).collect();
    Ok(SourcePosting {
        external_id: get_str(it, "id").or_else(|| get_str(it, "slug")),
        title,
        company: get_str(it, "company").or_else(|| ctx.company.clone()),
        description_html: get_str(it, "description"),
        locations,
        remote: Some(RemotePolicy::Remote),
        salary,
        url: get_str(it, "url"),
        apply_url: get_str(it, "apply_url"),
        posted_at: get_date(it, "epoch").or_else(|| get_date(it, "date")),
        skills,
        raw: it.clone(),
        ..Default::default()
    })
}
