//! A stored posting as schema.org JobPosting (what `hirekit export` writes and what posting pages
//! embed as JSON-LD for search engines).

use hirekit_model::{EmploymentType, RemotePolicy};
use serde_json::{json, Map, Value};

use crate::StoredPosting;

fn employment(e: EmploymentType) -> &'static str {
    match e {
        EmploymentType::FullTime => "FULL_TIME",
        EmploymentType::PartTime => "PART_TIME",
        EmploymentType::Contract => "CONTRACTOR",
        EmploymentType::Temporary => "TEMPORARY",
        EmploymentType::Internship => "INTERN",
        EmploymentType::Volunteer => "VOLUNTEER",
        EmploymentType::PerDiem => "PER_DIEM",
        EmploymentType::Other => "OTHER",
    }
}

pub fn ts(t: i64) -> Value {
    chrono::DateTime::from_timestamp(t, 0)
        .map(|d| Value::String(d.to_rfc3339()))
        .unwrap_or(Value::Null)
}

/// The schema.org JobPosting properties of a stored posting.
pub fn job_posting(sp: &StoredPosting) -> Map<String, Value> {
    let p = &sp.posting;
    let mut o = Map::new();
    o.insert("@context".into(), json!("https://schema.org"));
    o.insert("@type".into(), json!("JobPosting"));
    o.insert(
        "identifier".into(),
        json!({"@type": "PropertyValue", "name": "hirekit", "value": format!("hirekit-{}", sp.id)}),
    );
    o.insert("title".into(), json!(p.title));
    o.insert("description".into(), json!(p.description));
    if let Some(t) = p.posted_at {
        o.insert("datePosted".into(), json!(t.to_rfc3339()));
    }
    if let Some(t) = p.valid_through {
        o.insert("validThrough".into(), json!(t.to_rfc3339()));
    }
    if let Some(e) = p.employment_type {
        o.insert("employmentType".into(), json!(employment(e)));
    }
    if let Some(c) = &p.company {
        o.insert(
            "hiringOrganization".into(),
            json!({"@type": "Organization", "name": c}),
        );
    }
    let places: Vec<Value> = p
        .locations
        .iter()
        .map(|l| json!({"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": l}}))
        .collect();
    if !places.is_empty() {
        o.insert("jobLocation".into(), Value::Array(places));
    }
    if p.remote == Some(RemotePolicy::Remote) {
        o.insert("jobLocationType".into(), json!("TELECOMMUTE"));
        if !p.countries.is_empty() {
            let req: Vec<Value> = p
                .countries
                .iter()
                .map(|c| json!({"@type": "Country", "name": c}))
                .collect();
            o.insert("applicantLocationRequirements".into(), Value::Array(req));
        }
    }
    if let Some(s) = &p.salary {
        let mut v = Map::new();
        v.insert("@type".into(), json!("QuantitativeValue"));
        if let Some(x) = s.min {
            v.insert("minValue".into(), json!(x));
        }
        if let Some(x) = s.max {
            v.insert("maxValue".into(), json!(x));
        }
        if let Some(per) = s.period {
            v.insert("unitText".into(), json!(per.as_str().to_ascii_uppercase()));
        }
        let mut m = Map::new();
        m.insert("@type".into(), json!("MonetaryAmount"));
        if let Some(c) = &s.currency {
            m.insert("currency".into(), json!(c));
        }
        m.insert("value".into(), Value::Object(v));
        o.insert("baseSalary".into(), Value::Object(m));
    }
    if let Some(u) = p.apply_url.as_ref().or(p.url.as_ref()) {
        o.insert("url".into(), json!(u));
    }
    if !p.skills.is_empty() {
        o.insert("skills".into(), json!(p.skills));
    }
    o
}
