//! schema.org JobPosting → SourcePosting. Shared by JSON-LD pages and JSONL files.
//! schema.org lets most properties be a string, an object or an array of either; every
//! accessor here accepts all three.

use crate::util::*;
use crate::{Context, ItemError};
use hirekit_model::posting::{RemotePolicy, Salary, SourcePosting};
use serde_json::Value;

/// Whether `v` is an object whose @type is (or includes) JobPosting.
pub fn is_job_posting(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => type_is(t),
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str().is_some_and(type_is)),
        _ => false,
    }
}

fn type_is(t: &str) -> bool {
    let t = t.rsplit(['/', ':']).next().unwrap_or(t);
    t.eq_ignore_ascii_case("JobPosting")
}

/// The values of a property that may be single or an array (no allocation).
fn many<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    match v.get(key) {
        Some(Value::Array(a)) => a,
        Some(Value::Null) | None => &[],
        Some(x) => std::slice::from_ref(x),
    }
}

/// A name-ish string: a plain string, or an object's name / @value / value.
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::Object(_) => get_str(v, "name")
            .or_else(|| get_str(v, "@value"))
            .or_else(|| get_str(v, "value")),
        other => str_of(other),
    }
}

/// Map one JobPosting object. `label` names it in errors ("line 3", "script 1").
/// `raw` is moved in so callers that own the value avoid a copy.
pub fn map(v: &Value, raw: Value, ctx: &Context, label: &str) -> Result<SourcePosting, ItemError> {
    if !v.is_object() {
        return Err(ItemError {
            item: label.to_string(),
            reason: "not a JSON object".into(),
        });
    }
    let title = get_text(v, "title")
        .or_else(|| get_text(v, "name"))
        .ok_or_else(|| ItemError {
            item: label.to_string(),
            reason: "no title".into(),
        })?;

    let (description_html, description_text) = match get_str(v, "description") {
        Some(d) if looks_like_html(&d) => (Some(d), None),
        d => (None, d),
    };

    let mut locations = Vec::new();
    let mut country = None;
    for place in many(v, "jobLocation") {
        let (loc, c) = place_location(place);
        push_loc(&mut locations, loc);
        country = country.or(c);
    }
    for req in many(v, "applicantLocationRequirements") {
        push_loc(&mut locations, name_of(req));
    }

    let remote = many(v, "jobLocationType")
        .iter()
        .filter_map(str_of)
        .any(|t| t.eq_ignore_ascii_case("TELECOMMUTE"))
        .then_some(RemotePolicy::Remote);

    let employment_type = {
        let parts: Vec<String> = many(v, "employmentType")
            .iter()
            .filter_map(str_of)
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    };

    let (salary, salary_text) = base_salary(v.get("baseSalary"));

    let company = match v.get("hiringOrganization") {
        Some(Value::Array(a)) => a.iter().find_map(name_of),
        Some(o) => name_of(o),
        None => None,
    }
    .or_else(|| ctx.company.clone());

    let url = get_str(v, "url")
        .or_else(|| get_str(v, PAGE_URL_KEY))
        .or_else(|| source_url(ctx));

    let skills = many(v, "skills")
        .iter()
        .flat_map(|s| match name_of(s) {
            // A single string is usually a comma-separated list.
            Some(t) if s.is_string() => t
                .split([',', ';', '\n'])
                .map(|x| x.trim().to_string())
                .collect(),
            Some(t) => vec![t],
            None => vec![],
        })
        .filter(|s| !s.is_empty())
        .collect();

    // A short experienceRequirements string is a level label ("Mid-Senior level");
    // longer ones are prose about requirements and stay in raw.
    let seniority = v
        .get("experienceRequirements")
        .and_then(|e| if e.is_string() { str_of(e) } else { None })
        .filter(|s| s.chars().count() <= 40);

    Ok(SourcePosting {
        external_id: identifier(v.get("identifier")),
        title,
        company,
        description_html,
        description_text,
        locations,
        country,
        remote,
        employment_type,
        salary,
        salary_text,
        url,
        apply_url: None,
        posted_at: get_date(v, "datePosted"),
        updated_at: get_date(v, "dateModified"),
        valid_through: get_date(v, "validThrough"),
        department: many(v, "occupationalCategory").iter().find_map(name_of),
        seniority,
        skills,
        raw,
    })
}

/// Raw key holding the address of the document an item without its own `url` was read
/// from (the page's URL is that posting's page), so that a stored item keeps it.
pub const PAGE_URL_KEY: &str = "_url";

/// The source's address when it is a web URL ("jsonld:https://…" counts too).
fn source_url(ctx: &Context) -> Option<String> {
    let (_, s) = crate::detect::split_prefix(ctx.source.trim());
    let s = s.trim();
    (s.starts_with("https://") || s.starts_with("http://")).then(|| s.to_string())
}

/// Add the source's URL under [`PAGE_URL_KEY`] to an item whose url would come from it.
pub fn keep_page_url(raw: &mut Value, ctx: &Context) {
    if get_str(raw, "url").is_some() || get_str(raw, PAGE_URL_KEY).is_some() {
        return;
    }
    if let (Some(u), Value::Object(o)) = (source_url(ctx), raw) {
        o.insert(PAGE_URL_KEY.into(), Value::String(u));
    }
}

/// identifier: a string/number, a PropertyValue {value}, or an array of those.
fn identifier(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Array(a) => a.iter().find_map(|x| identifier(Some(x))),
        o @ Value::Object(_) => get_str(o, "value")
            .or_else(|| get_str(o, "@value"))
            .or_else(|| get_str(o, "@id")),
        other => str_of(other),
    }
}

/// A Place (or plain string) → ("Locality, Region, Country", ISO country code if stated).
fn place_location(place: &Value) -> (Option<String>, Option<String>) {
    let addr = match place {
        Value::String(_) => return (str_of(place), None),
        _ => place.get("address").unwrap_or(&Value::Null),
    };
    if addr.is_string() {
        return (str_of(addr), None);
    }
    let country_name = addr.get("addressCountry").and_then(name_of);
    let iso = country_name.as_deref().and_then(iso2);
    let loc = join_parts(&[
        get_str(addr, "addressLocality"),
        get_str(addr, "addressRegion"),
        country_name,
    ])
    .or_else(|| get_str(place, "name"));
    (loc, iso)
}

/// baseSalary: MonetaryAmount {currency, value: QuantitativeValue | number} or a number;
/// a string becomes salary_text.
fn base_salary(v: Option<&Value>) -> (Option<Salary>, Option<String>) {
    let Some(v) = v else { return (None, None) };
    let v = match v {
        Value::Array(a) => match a.first() {
            Some(x) => x,
            None => return (None, None),
        },
        x => x,
    };
    match v {
        Value::Number(_) => {
            let x = num_of(v);
            (
                Some(Salary {
                    min: x,
                    max: x,
                    currency: None,
                    period: None,
                }),
                None,
            )
        }
        Value::String(s) => match num_of(v) {
            Some(x) => (
                Some(Salary {
                    min: Some(x),
                    max: Some(x),
                    currency: None,
                    period: None,
                }),
                None,
            ),
            None => (None, str_of(&Value::String(s.clone()))),
        },
        Value::Object(_) => {
            let currency = get_str(v, "currency").map(|c| c.to_ascii_uppercase());
            let q = v.get("value").unwrap_or(&Value::Null);
            // Some sites put minValue/maxValue/unitText on the MonetaryAmount itself.
            let src = if q.is_object() { q } else { v };
            let single = if q.is_object() {
                get_num(q, "value")
            } else {
                num_of(q)
            };
            let mut min = get_num(src, "minValue");
            let mut max = get_num(src, "maxValue");
            if min.is_none() && max.is_none() {
                min = single;
                max = single;
            }
            let period = get_str(src, "unitText")
                .or_else(|| get_str(v, "unitText"))
                .and_then(|u| period_word(&u));
            if min.is_none() && max.is_none() {
                let text = match q {
                    Value::String(_) => str_of(q),
                    _ => None,
                };
                return (None, text);
            }
            (
                Some(Salary {
                    min,
                    max,
                    currency,
                    period,
                }),
                None,
            )
        }
        _ => (None, None),
    }
}
