//! Recruitee careers API: `GET https://{company}.recruitee.com/api/offers/` → `{offers:[…]}`.

use crate::util::*;
use crate::{Context, DocError, ItemError};
use hirekit_model::posting::{RemotePolicy, Salary, SourcePosting};
use serde_json::Value;

pub fn parse(
    doc: &Value,
    ctx: &Context,
    out: &mut dyn FnMut(Result<SourcePosting, ItemError>),
) -> Result<(), DocError> {
    match doc.get("offers").or_else(|| doc.get("offer")) {
        Some(Value::Array(a)) => {
            for (i, o) in a.iter().enumerate() {
                out(item(o, At::Index(i), ctx));
            }
        }
        Some(o @ Value::Object(_)) => out(item(o, At::Index(0), ctx)),
        _ => {
            return Err(DocError {
                reason: "recruitee: expected an object with \"offers\"".into(),
            })
        }
    }
    Ok(())
}

pub(crate) fn item(o: &Value, at: At, ctx: &Context) -> Result<SourcePosting, ItemError> {
    if !o.is_object() {
        return Err(ItemError {
            item: at.to_string(),
            reason: "not an object".into(),
        });
    }
    let title = get_text(o, "title").ok_or_else(|| ItemError {
        item: item_label(o, "id", at),
        reason: "no title".into(),
    })?;
    let mut locations = Vec::new();
    for l in arr(o, "locations") {
        push_loc(
            &mut locations,
            get_str(l, "name").or_else(|| join_parts(&[get_str(l, "city"), get_str(l, "country")])),
        );
    }
    if locations.is_empty() {
        push_loc(
            &mut locations,
            get_str(o, "location")
                .or_else(|| join_parts(&[get_str(o, "city"), get_str(o, "country")])),
        );
    }
    let remote = match (
        get_bool(o, "remote"),
        get_bool(o, "hybrid"),
        get_bool(o, "on_site"),
    ) {
        (_, Some(true), _) => Some(RemotePolicy::Hybrid),
        (Some(true), _, Some(true)) => None, // "remote or on site": not one policy
        (Some(true), _, _) => Some(RemotePolicy::Remote),
        (_, _, Some(true)) => Some(RemotePolicy::Onsite),
        _ => None,
    };
    let mut html = get_str(o, "description").unwrap_or_default();
    if let Some(r) = get_str(o, "requirements") {
        html.push_str(&r);
    }
    Ok(SourcePosting {
        external_id: get_str(o, "id").or_else(|| get_str(o, "slug")),
        title,
        company: get_str(o, "company_name").or_else(|| ctx.company.clone()),
        description_html: (!html.is_empty()).then_some(html),
        locations,
        country: get_str(o, "country_code").and_then(|c| iso2(&c)),
        remote,
        employment_type: get_str(o, "employment_type_code"),
        salary: salary(o.get("salary")),
        url: get_str(o, "careers_url"),
        apply_url: get_str(o, "careers_apply_url"),
        posted_at: get_date(o, "published_at").or_else(|| get_date(o, "created_at")),
        updated_at: get_date(o, "updated_at"),
        department: get_str(o, "department"),
        seniority: get_str(o, "experience_code"),
        raw: o.clone(),
        ..Default::default()
    })
}

/// `salary: {min, max, period, currency}`; min/max are strings or null.
fn salary(s: Option<&Value>) -> Option<Salary> {
    let s = s?;
    let min = get_num(s, "min");
    let max = get_num(s, "max");
    if min.is_none() && max.is_none() {
        return None;
    }
    Some(Salary {
        min,
        max,
        currency: get_str(s, "currency").map(|c| c.to_ascii_uppercase()),
        period: get_str(s, "period").and_then(|p| period_word(&p)),
    })
}
