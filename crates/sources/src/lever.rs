//! Lever postings API: `GET /v0/postings/{site}?mode=json` → array of postings.

use crate::util::*;
use crate::{Context, DocError, ItemError};
use hirekit_model::posting::{Salary, SourcePosting};
use serde_json::Value;

pub fn parse(
    doc: &Value,
    ctx: &Context,
    out: &mut dyn FnMut(Result<SourcePosting, ItemError>),
) -> Result<(), DocError> {
    let items: Vec<&Value> = match doc {
        Value::Array(a) => a.iter().collect(),
        // A single posting (`/v0/postings/{site}/{id}`) or a wrapped list.
        Value::Object(o) => match o.get("data").or_else(|| o.get("postings")) {
            Some(Value::Array(a)) => a.iter().collect(),
            _ if o.contains_key("text") => vec![doc],
            _ => {
                return Err(DocError {
                    reason: "lever: expected an array of postings".into(),
                })
            }
        },
        _ => {
            return Err(DocError {
                reason: "lever: expected an array of postings".into(),
            })
        }
    };
    for (i, p) in items.into_iter().enumerate() {
        out(item(p, At::Index(i), ctx));
    }
    Ok(())
}

pub(crate) fn item(p: &Value, at: At, ctx: &Context) -> Result<SourcePosting, ItemError> {
    if !p.is_object() {
        return Err(ItemError {
            item: at.to_string(),
            reason: "not an object".into(),
        });
    }
    let title = get_text(p, "text").ok_or_else(|| ItemError {
        item: item_label(p, "id", at),
        reason: "no title (text)".into(),
    })?;
    let cats = p.get("categories").unwrap_or(&Value::Null);
    let mut locations = Vec::new();
    for l in arr(cats, "allLocations") {
        push_loc(&mut locations, str_of(l));
    }
    if locations.is_empty() {
        push_loc(&mut locations, get_str(cats, "location"));
    }
    Ok(SourcePosting {
        external_id: get_str(p, "id"),
        title,
        company: ctx.company.clone(),
        description_html: description_html(p),
        description_text: get_str(p, "descriptionPlain"),
        locations,
        country: get_str(p, "country").and_then(|c| iso2(&c)),
        remote: get_str(p, "workplaceType").and_then(|w| remote_word(&w)),
        employment_type: get_str(cats, "commitment"),
        salary: salary(p.get("salaryRange")),
        salary_text: get_str(p, "salaryDescriptionPlain")
            .or_else(|| get_str(p, "salaryDescription")),
        url: get_str(p, "hostedUrl"),
        apply_url: get_str(p, "applyUrl"),
        posted_at: get_date(p, "createdAt"),
        updated_at: get_date(p, "updatedAt"),
        department: get_str(cats, "department").or_else(|| get_str(cats, "team")),
        raw: p.clone(),
        ..Default::default()
    })
}

/// description + each list as `<h3>text</h3><ul>content</ul>` + additional.
fn description_html(p: &Value) -> Option<String> {
    let mut html = get_str(p, "description").unwrap_or_default();
    for l in arr(p, "lists") {
        let head = get_str(l, "text").unwrap_or_default();
        let body = get_str(l, "content").unwrap_or_default();
        if head.is_empty() && body.is_empty() {
            continue;
        }
        html.push_str(&format!("<h3>{}</h3><ul>{}</ul>", esc(&head), body));
    }
    if let Some(a) = get_str(p, "additional") {
        html.push_str(&a);
    }
    (!html.is_empty()).then_some(html)
}

fn salary(r: Option<&Value>) -> Option<Salary> {
    let r = r?;
    let min = get_num(r, "min");
    let max = get_num(r, "max");
    if min.is_none() && max.is_none() {
        return None;
    }
    Some(Salary {
        min,
        max,
        currency: get_str(r, "currency").map(|c| c.to_ascii_uppercase()),
        period: get_str(r, "interval").and_then(|s| period_word(&s)),
    })
}
