//! schema.org JobPosting JSON-LD: the builder's output and a validator for Google's
//! required and recommended properties
//! (<https://developers.google.com/search/docs/appearance/structured-data/job-posting>).
use chrono::NaiveDate;
use hirekit_model::location::country_name;
use hirekit_model::{EmploymentType, Period, RemotePolicy};
use serde_json::{json, Map, Value};

use crate::spec::Spec;
use crate::{Finding, Severity};

const EMPLOYMENT_TYPES: &[&str] = &[
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
];
const UNITS: &[&str] = &["HOUR", "DAY", "WEEK", "MONTH", "YEAR"];

fn employment(t: EmploymentType) -> &'static str {
    match t {
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

fn unit(p: Period) -> &'static str {
    match p {
        Period::Hour => "HOUR",
        Period::Day => "DAY",
        Period::Week => "WEEK",
        Period::Month => "MONTH",
        Period::Year => "YEAR",
    }
}

/// The JobPosting for a validated spec; `description` is the built HTML.
pub fn jobposting(spec: &Spec, title: &str, html: &str) -> Value {
    let mut org = Map::new();
    org.insert("@type".into(), json!("Organization"));
    org.insert("name".into(), json!(spec.company.name));
    if let Some(site) = &spec.company.site {
        org.insert("sameAs".into(), json!(site));
    }
    if let Some(logo) = &spec.company.logo {
        org.insert("logo".into(), json!(logo));
    }
    let mut v = json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": title,
        "description": html,
        "datePosted": spec.date_posted.format("%Y-%m-%d").to_string(),
        "validThrough": format!("{}T23:59:59Z", spec.valid_through.format("%Y-%m-%d")),
        "employmentType": employment(spec.employment_type),
        "hiringOrganization": Value::Object(org),
        "identifier": {"@type": "PropertyValue", "name": spec.company.name, "value": spec.identifier},
        "directApply": spec.direct_apply,
        "url": spec.apply_url,
    });
    let l = &spec.location;
    let place = |locality: Option<&str>, country: &str| {
        let mut a = json!({"@type": "PostalAddress", "addressCountry": country});
        if let Some(city) = locality {
            a["addressLocality"] = json!(city);
        }
        json!({"@type": "Place", "address": a})
    };
    let places: Vec<Value> = match &l.city {
        Some(city) => l
            .countries
            .first()
            .map(|c| place(Some(city), c))
            .into_iter()
            .collect(),
        None => l.countries.iter().map(|c| place(None, c)).collect(),
    };
    if l.remote == RemotePolicy::Remote {
        v["jobLocationType"] = json!("TELECOMMUTE");
        let mut req: Vec<Value> = l
            .countries
            .iter()
            .map(|c| json!({"@type": "Country", "name": country_name(c).unwrap_or(c)}))
            .collect();
        req.extend(
            l.regions
                .iter()
                .map(|r| json!({"@type": "State", "name": r})),
        );
        v["applicantLocationRequirements"] = Value::Array(req);
        if l.city.is_some() {
            v["jobLocation"] = Value::Array(places);
        }
    } else {
        v["jobLocation"] = Value::Array(places);
    }
    if let Some(p) = &spec.pay {
        let mut q = json!({"@type": "QuantitativeValue", "unitText": unit(p.period)});
        match (p.min, p.max) {
            (Some(a), Some(b)) if a == b => q["value"] = num(a),
            (a, b) => {
                if let Some(a) = a {
                    q["minValue"] = num(a);
                }
                if let Some(b) = b {
                    q["maxValue"] = num(b);
                }
            }
        }
        v["baseSalary"] = json!({"@type": "MonetaryAmount", "currency": p.currency, "value": q});
    }
    v
}

/// Whole amounts as JSON integers.
fn num(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        json!(x as i64)
    } else {
        json!(x)
    }
}

/// Check a JobPosting: errors for missing required properties, wrong types, bad dates,
/// minValue > maxValue, unknown unitText or employmentType; warnings for missing recommended
/// properties. Messages name the JSON path.
pub fn validate_jobposting(v: &Value) -> Vec<Finding> {
    let mut c = Check { out: Vec::new() };
    let Some(o) = v.as_object() else {
        c.err(
            "jsonld-type",
            "$: a JobPosting must be a JSON object".into(),
        );
        return c.out;
    };
    if o.get("@type").and_then(Value::as_str) != Some("JobPosting") {
        c.err("jsonld-type", "$.@type: must be \"JobPosting\"".into());
    }
    match o.get("@context") {
        Some(Value::String(s)) if s.contains("schema.org") => {}
        _ => c.err(
            "jsonld-type",
            "$.@context: must be \"https://schema.org/\"".into(),
        ),
    }
    match o.get("title") {
        None => c.missing("title"),
        Some(Value::String(s)) if s.trim().is_empty() => {
            c.err("jsonld-required", "$.title: is empty".into())
        }
        Some(Value::String(s)) if s.contains('<') => c.err(
            "jsonld-type",
            "$.title: must be plain text, not HTML".into(),
        ),
        Some(Value::String(_)) => {}
        Some(_) => c.wrong("title", "a string"),
    }
    match o.get("description") {
        None => c.missing("description"),
        Some(Value::String(s)) if s.trim().is_empty() => {
            c.err("jsonld-required", "$.description: is empty".into())
        }
        Some(Value::String(_)) => {}
        Some(_) => c.wrong("description", "an HTML string"),
    }
    let posted = match o.get("datePosted") {
        None => {
            c.missing("datePosted");
            None
        }
        Some(d) => c.date("datePosted", d),
    };
    match o.get("validThrough") {
        None => c.recommend("validThrough"),
        Some(d) => {
            if let (Some(p), Some(t)) = (posted, c.date("validThrough", d)) {
                if t < p {
                    c.err(
                        "jsonld-date",
                        format!("$.validThrough: {t} is before datePosted {p}"),
                    );
                }
            }
        }
    }
    match o.get("employmentType") {
        None => c.recommend("employmentType"),
        Some(Value::String(s)) => c.employment(s),
        Some(Value::Array(a)) if !a.is_empty() => {
            for e in a {
                match e.as_str() {
                    Some(s) => c.employment(s),
                    None => c.wrong("employmentType[]", "a string"),
                }
            }
        }
        Some(_) => c.wrong("employmentType", "a string or an array of strings"),
    }
    c.organization(o.get("hiringOrganization"));
    c.location(o);
    match o.get("baseSalary") {
        None => c.recommend("baseSalary"),
        Some(s) => c.salary(s),
    }
    match o.get("identifier") {
        None => c.recommend("identifier"),
        Some(Value::Object(i)) => {
            if i.get("@type").and_then(Value::as_str) != Some("PropertyValue") {
                c.err(
                    "jsonld-type",
                    "$.identifier.@type: must be \"PropertyValue\"".into(),
                );
            }
            if !i
                .get("value")
                .is_some_and(|x| x.is_string() || x.is_number())
            {
                c.err(
                    "jsonld-type",
                    "$.identifier.value: must be a string or number".into(),
                );
            }
            if !i.get("name").is_some_and(Value::is_string) {
                c.warn("$.identifier.name: recommended (the organization issuing the id)".into());
            }
        }
        Some(Value::String(_)) => {}
        Some(_) => c.wrong("identifier", "a PropertyValue"),
    }
    match o.get("directApply") {
        None => c.recommend("directApply"),
        Some(Value::Bool(_)) => {}
        Some(_) => c.wrong("directApply", "true or false"),
    }
    c.out
}

struct Check {
    out: Vec<Finding>,
}

impl Check {
    fn push(&mut self, rule: &'static str, severity: Severity, message: String) {
        self.out.push(Finding {
            rule,
            severity,
            message,
            start: 0,
            end: 0,
            suggestion: None,
        });
    }
    fn err(&mut self, rule: &'static str, m: String) {
        self.push(rule, Severity::Error, m);
    }
    fn warn(&mut self, m: String) {
        self.push("jsonld-recommended", Severity::Warning, m);
    }
    fn missing(&mut self, p: &str) {
        self.err(
            "jsonld-required",
            format!("$.{p}: required property is missing"),
        );
    }
    fn recommend(&mut self, p: &str) {
        self.warn(format!("$.{p}: recommended property is missing"));
    }
    fn wrong(&mut self, p: &str, want: &str) {
        self.err("jsonld-type", format!("$.{p}: must be {want}"));
    }

    /// ISO 8601 date or date-time; returns the date part.
    fn date(&mut self, p: &str, v: &Value) -> Option<NaiveDate> {
        let Some(s) = v.as_str() else {
            self.wrong(p, "an ISO 8601 date string");
            return None;
        };
        let d = if s.len() == 10 {
            NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
        } else {
            chrono::DateTime::parse_from_rfc3339(s)
                .map(|d| d.date_naive())
                .ok()
                .or_else(|| {
                    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
                        .map(|d| d.date())
                        .ok()
                })
        };
        if d.is_none() {
            self.err(
                "jsonld-date",
                format!("$.{p}: {s:?} is not an ISO 8601 date"),
            );
        }
        d
    }

    fn employment(&mut self, s: &str) {
        if !EMPLOYMENT_TYPES.contains(&s) {
            self.err(
                "jsonld-enum",
                format!(
                    "$.employmentType: {s:?} is not one of {}",
                    EMPLOYMENT_TYPES.join(", ")
                ),
            );
        }
    }

    fn organization(&mut self, v: Option<&Value>) {
        let Some(v) = v else {
            return self.missing("hiringOrganization");
        };
        let Some(org) = v.as_object() else {
            return self.wrong("hiringOrganization", "an Organization object");
        };
        if org.get("@type").and_then(Value::as_str) != Some("Organization") {
            self.err(
                "jsonld-type",
                "$.hiringOrganization.@type: must be \"Organization\"".into(),
            );
        }
        match org.get("name").and_then(Value::as_str) {
            Some(n) if !n.trim().is_empty() => {}
            _ => self.missing("hiringOrganization.name"),
        }
        for p in ["sameAs", "logo"] {
            match org.get(p) {
                None => self.recommend(&format!("hiringOrganization.{p}")),
                Some(Value::String(u)) if crate::spec::check_url(u).is_ok() => {}
                Some(_) => self.err(
                    "jsonld-type",
                    format!("$.hiringOrganization.{p}: must be an http(s) URL"),
                ),
            }
        }
    }

    fn location(&mut self, o: &Map<String, Value>) {
        let remote = match o.get("jobLocationType") {
            None => false,
            Some(Value::String(s)) if s == "TELECOMMUTE" => true,
            Some(_) => {
                self.err(
                    "jsonld-enum",
                    "$.jobLocationType: the only allowed value is \"TELECOMMUTE\"".into(),
                );
                false
            }
        };
        if remote {
            match o.get("applicantLocationRequirements") {
                None => self.err(
                    "jsonld-required",
                    "$.applicantLocationRequirements: required for TELECOMMUTE jobs (the countries or states applicants may live in)"
                        .into(),
                ),
                Some(v) => {
                    let items: Vec<&Value> = match v {
                        Value::Array(a) => a.iter().collect(),
                        x => vec![x],
                    };
                    if items.is_empty() {
                        self.err("jsonld-required", "$.applicantLocationRequirements: is empty".into());
                    }
                    for (i, it) in items.iter().enumerate() {
                        let ty = it.get("@type").and_then(Value::as_str);
                        if !matches!(ty, Some("Country" | "State" | "AdministrativeArea" | "City")) {
                            self.err(
                                "jsonld-type",
                                format!("$.applicantLocationRequirements[{i}].@type: must be Country, State or AdministrativeArea"),
                            );
                        }
                        if it.get("name").and_then(Value::as_str).is_none_or(|n| n.trim().is_empty()) {
                            self.missing(&format!("applicantLocationRequirements[{i}].name"));
                        }
                    }
                }
            }
        }
        match o.get("jobLocation") {
            None if remote => {}
            None => self.err(
                "jsonld-required",
                "$.jobLocation: required unless jobLocationType is TELECOMMUTE".into(),
            ),
            Some(v) => {
                let items: Vec<&Value> = match v {
                    Value::Array(a) => a.iter().collect(),
                    x => vec![x],
                };
                if items.is_empty() && !remote {
                    self.err("jsonld-required", "$.jobLocation: is empty".into());
                }
                for (i, p) in items.iter().enumerate() {
                    if p.get("@type").and_then(Value::as_str) != Some("Place") {
                        self.err(
                            "jsonld-type",
                            format!("$.jobLocation[{i}].@type: must be \"Place\""),
                        );
                    }
                    match p.get("address") {
                        Some(Value::Object(a)) => {
                            if a.get("@type").and_then(Value::as_str) != Some("PostalAddress") {
                                self.err("jsonld-type", format!("$.jobLocation[{i}].address.@type: must be \"PostalAddress\""));
                            }
                            match a.get("addressCountry").and_then(Value::as_str) {
                                None => self.recommend(&format!("jobLocation[{i}].address.addressCountry")),
                                Some(c) if c.len() == 2 && country_name(c).is_none() => self.err(
                                    "jsonld-type",
                                    format!("$.jobLocation[{i}].address.addressCountry: {c:?} is not an ISO 3166-1 code"),
                                ),
                                Some(_) => {}
                            }
                            if a.get("addressLocality").is_none() {
                                self.recommend(&format!(
                                    "jobLocation[{i}].address.addressLocality"
                                ));
                            }
                        }
                        Some(Value::String(_)) => {
                            self.warn(format!("$.jobLocation[{i}].address: use a PostalAddress object, not a string"));
                        }
                        _ => self.missing(&format!("jobLocation[{i}].address")),
                    }
                }
            }
        }
    }

    fn salary(&mut self, v: &Value) {
        let Some(s) = v.as_object() else {
            return self.wrong("baseSalary", "a MonetaryAmount object");
        };
        if s.get("@type").and_then(Value::as_str) != Some("MonetaryAmount") {
            self.err(
                "jsonld-type",
                "$.baseSalary.@type: must be \"MonetaryAmount\"".into(),
            );
        }
        match s.get("currency").and_then(Value::as_str) {
            Some(c) if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) => {}
            Some(c) => self.err(
                "jsonld-type",
                format!("$.baseSalary.currency: {c:?} is not an ISO 4217 code"),
            ),
            None => self.missing("baseSalary.currency"),
        }
        let q = match s.get("value") {
            Some(Value::Object(q)) => q,
            Some(Value::Number(_)) => {
                return self.warn(
                    "$.baseSalary.value: a bare number has no unitText; use a QuantitativeValue"
                        .into(),
                );
            }
            _ => return self.missing("baseSalary.value"),
        };
        if q.get("@type").and_then(Value::as_str) != Some("QuantitativeValue") {
            self.err(
                "jsonld-type",
                "$.baseSalary.value.@type: must be \"QuantitativeValue\"".into(),
            );
        }
        let mut nums = [None, None, None];
        for (k, slot) in ["value", "minValue", "maxValue"]
            .iter()
            .zip(nums.iter_mut())
        {
            match q.get(*k) {
                None => {}
                Some(Value::Number(n)) => *slot = n.as_f64(),
                Some(_) => self.wrong(&format!("baseSalary.value.{k}"), "a number"),
            }
        }
        if nums.iter().all(Option::is_none) {
            self.missing("baseSalary.value.minValue");
        }
        if let (Some(lo), Some(hi)) = (nums[1], nums[2]) {
            if lo > hi {
                self.err(
                    "jsonld-salary",
                    format!("$.baseSalary.value: minValue {lo} is greater than maxValue {hi}"),
                );
            }
        }
        if nums.iter().flatten().any(|x| *x < 0.0) {
            self.err(
                "jsonld-salary",
                "$.baseSalary.value: amounts must not be negative".into(),
            );
        }
        match q.get("unitText").and_then(Value::as_str) {
            None => self.missing("baseSalary.value.unitText"),
            Some(u) if UNITS.contains(&u) => {}
            Some(u) => self.err(
                "jsonld-enum",
                format!(
                    "$.baseSalary.value.unitText: {u:?} is not one of {}",
                    UNITS.join(", ")
                ),
            ),
        }
    }
}
