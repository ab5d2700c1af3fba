//! The builder's input: a TOML (or JSON) spec, validated into [`Spec`]. Every validation
//! error names the field it is about (`pay.max`, `location.countries`…).
use std::sync::LazyLock;

use chrono::NaiveDate;
use hirekit_model::money::Rates;
use hirekit_model::{EmploymentType, Period, RemotePolicy, Seniority};
use serde::Deserialize;

use crate::roles::{role_info, RoleInfo};
use crate::JdError;

/// One field that failed validation.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    /// Dotted path as written in the spec, e.g. `pay.currency`.
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> FieldError {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// A validated spec.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    pub role: RoleInfo,
    pub seniority: Seniority,
    pub company: Company,
    pub location: Location,
    pub pay: Option<Pay>,
    pub employment_type: EmploymentType,
    pub benefits: Vec<String>,
    pub apply_url: String,
    pub must_have: Vec<String>,
    pub nice_to_have: Vec<String>,
    /// Title override; otherwise seniority + role title.
    pub title: Option<String>,
    /// Extra prose about the role, shown under "About the role".
    pub intro: Option<String>,
    pub date_posted: NaiveDate,
    pub valid_through: NaiveDate,
    pub identifier: String,
    pub direct_apply: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Company {
    pub name: String,
    pub about: Option<String>,
    pub site: Option<String>,
    pub logo: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    pub remote: RemotePolicy,
    /// ISO 3166-1 alpha-2, upper case.
    pub countries: Vec<String>,
    /// Subdivisions or areas applicants may live in ("California", "US-CA").
    pub regions: Vec<String>,
    /// Free text, e.g. "UTC-5 to UTC+1".
    pub timezones: Vec<String>,
    pub city: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pay {
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// ISO 4217, upper case.
    pub currency: String,
    pub period: Period,
}

// ---- raw, as written ----

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpec {
    role: Option<String>,
    seniority: Option<String>,
    #[serde(default)]
    company: RawCompany,
    #[serde(default)]
    location: RawLocation,
    pay: Option<RawPay>,
    employment_type: Option<String>,
    #[serde(default)]
    benefits: Vec<String>,
    apply_url: Option<String>,
    must_have: Option<Vec<String>>,
    nice_to_have: Option<Vec<String>>,
    title: Option<String>,
    intro: Option<String>,
    date_posted: Option<DateIn>,
    valid_through: Option<DateIn>,
    identifier: Option<String>,
    #[serde(default)]
    direct_apply: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCompany {
    name: Option<String>,
    about: Option<String>,
    site: Option<String>,
    logo: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLocation {
    remote: Option<String>,
    #[serde(default)]
    countries: Vec<String>,
    #[serde(default)]
    regions: Vec<String>,
    #[serde(default)]
    timezones: Vec<String>,
    city: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPay {
    min: Option<f64>,
    max: Option<f64>,
    currency: Option<String>,
    period: Option<String>,
}

/// TOML has native dates; JSON and quoted TOML give strings.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum DateIn {
    Text(String),
    Toml(toml::value::Datetime),
}

impl DateIn {
    fn text(&self) -> String {
        match self {
            DateIn::Text(s) => s.trim().to_string(),
            DateIn::Toml(d) => d.to_string(),
        }
    }
}

/// Parse and validate a TOML spec.
pub fn parse_spec(text: &str) -> Result<Spec, JdError> {
    let raw: RawSpec =
        toml::from_str(text).map_err(|e| JdError::Syntax(one_line(&e.to_string())))?;
    validate(raw)
}

/// Parse and validate a spec given as JSON (the HTTP API and the web form).
pub fn parse_spec_value(v: serde_json::Value) -> Result<Spec, JdError> {
    let raw: RawSpec = serde_json::from_value(v).map_err(|e| JdError::Syntax(e.to_string()))?;
    validate(raw)
}

/// toml errors come with a source excerpt over several lines; keep them on one.
fn one_line(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && *l != "|")
        .collect::<Vec<_>>()
        .join(" ")
}

static RATES: LazyLock<Rates> = LazyLock::new(Rates::builtin);

fn validate(raw: RawSpec) -> Result<Spec, JdError> {
    let mut errs: Vec<FieldError> = Vec::new();
    let mut err = |f: &str, m: String| errs.push(FieldError::new(f, m));

    let role = match nonempty(&raw.role) {
        None => {
            err(
                "role",
                format!(
                    "is required (one of: {})",
                    crate::roles::role_ids().join(", ")
                ),
            );
            None
        }
        Some(id) => match role_info(id) {
            Ok(r) => Some(r),
            Err(JdError::Invalid(v)) => {
                for e in v {
                    err(&e.field, e.message);
                }
                None
            }
            Err(e) => {
                err("role", e.to_string());
                None
            }
        },
    };

    let seniority = match nonempty(&raw.seniority) {
        None => Seniority::Mid,
        Some(s) => Seniority::parse(&s.to_ascii_lowercase()).unwrap_or_else(|| {
            err(
                "seniority",
                bad_enum(
                    s,
                    &[
                        "intern",
                        "junior",
                        "mid",
                        "senior",
                        "staff",
                        "principal",
                        "head",
                    ],
                ),
            );
            Seniority::Mid
        }),
    };

    let name = nonempty(&raw.company.name).map(str::to_string);
    if name.is_none() {
        err("company.name", "is required".into());
    }
    for (f, v) in [
        ("company.site", &raw.company.site),
        ("company.logo", &raw.company.logo),
    ] {
        if let Some(u) = nonempty(v) {
            if let Err(m) = check_url(u) {
                err(f, m);
            }
        }
    }

    // None after an error, so the checks that depend on it stay quiet
    let remote_known = match nonempty(&raw.location.remote) {
        None => {
            err(
                "location.remote",
                "is required (remote, hybrid or onsite)".into(),
            );
            None
        }
        Some(s) => {
            let r = parse_remote(s);
            if r.is_none() {
                err(
                    "location.remote",
                    bad_enum(s, &["remote", "hybrid", "onsite"]),
                );
            }
            r
        }
    };
    let remote = remote_known.unwrap_or(RemotePolicy::Onsite);
    let mut countries = Vec::new();
    for c in &raw.location.countries {
        let up = c.trim().to_ascii_uppercase();
        if up.len() == 2 && hirekit_model::location::country_name(&up).is_some() {
            if !countries.contains(&up) {
                countries.push(up);
            }
        } else {
            let hint = hirekit_model::location::country_code(c)
                .map(|code| format!(" (did you mean {code:?}?)"))
                .unwrap_or_default();
            err(
                "location.countries",
                format!("{c:?} is not an ISO 3166-1 alpha-2 country code{hint}"),
            );
        }
    }
    if raw.location.countries.is_empty() {
        let why = if remote == RemotePolicy::Remote {
            "is required: list the countries applicants may work from"
        } else {
            "is required: list the country of the workplace"
        };
        err("location.countries", why.into());
    }
    let city = nonempty(&raw.location.city).map(str::to_string);
    if remote_known.is_some_and(|r| r != RemotePolicy::Remote) && city.is_none() {
        err(
            "location.city",
            format!("is required for {} roles", remote.as_str()),
        );
    }

    let pay = raw.pay.as_ref().and_then(|p| check_pay(p, &mut err));

    let employment_type = match nonempty(&raw.employment_type) {
        None => {
            err(
                "employment_type",
                "is required (full-time, part-time, contract, internship or temporary)".into(),
            );
            EmploymentType::FullTime
        }
        Some(s) => parse_employment(s).unwrap_or_else(|| {
            err(
                "employment_type",
                bad_enum(
                    s,
                    &[
                        "full-time",
                        "part-time",
                        "contract",
                        "internship",
                        "temporary",
                    ],
                ),
            );
            EmploymentType::FullTime
        }),
    };

    let apply_url = match nonempty(&raw.apply_url) {
        None => {
            err("apply_url", "is required".into());
            String::new()
        }
        Some(u) => {
            if let Err(m) = check_url(u) {
                err("apply_url", m);
            }
            u.to_string()
        }
    };

    let date_posted = match &raw.date_posted {
        None => chrono::Utc::now().date_naive(),
        Some(d) => parse_date(&d.text()).unwrap_or_else(|| {
            err(
                "date_posted",
                format!("{:?} is not a date (YYYY-MM-DD)", d.text()),
            );
            chrono::Utc::now().date_naive()
        }),
    };
    let valid_through = match &raw.valid_through {
        None => date_posted + chrono::Days::new(60),
        Some(d) => match parse_date(&d.text()) {
            Some(v) if v <= date_posted => {
                err(
                    "valid_through",
                    format!("{v} is not after date_posted {date_posted}"),
                );
                v
            }
            Some(v) => v,
            None => {
                err(
                    "valid_through",
                    format!("{:?} is not a date (YYYY-MM-DD)", d.text()),
                );
                date_posted
            }
        },
    };

    let clean = |v: &Vec<String>| -> Vec<String> {
        v.iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    if raw
        .title
        .as_deref()
        .is_some_and(|t| t.trim().is_empty() || t.contains('<'))
    {
        err("title", "must be plain text and not empty".into());
    }

    if !errs.is_empty() {
        return Err(JdError::Invalid(errs));
    }
    let Some(role) = role else {
        return Err(JdError::Invalid(vec![FieldError::new(
            "role",
            "is required",
        )]));
    };
    let must_have = raw
        .must_have
        .as_ref()
        .map(clean)
        .unwrap_or_else(|| role.hard_skills.clone());
    let nice_to_have = raw
        .nice_to_have
        .as_ref()
        .map(clean)
        .unwrap_or_else(|| role.nice_skills.clone());
    let identifier = nonempty(&raw.identifier)
        .map(str::to_string)
        .unwrap_or_else(|| {
            format!(
                "{}-{}-{}",
                role.id,
                seniority.as_str(),
                date_posted.format("%Y%m%d")
            )
        });
    Ok(Spec {
        seniority,
        company: Company {
            name: name.unwrap_or_default(),
            about: nonempty(&raw.company.about).map(str::to_string),
            site: nonempty(&raw.company.site).map(str::to_string),
            logo: nonempty(&raw.company.logo).map(str::to_string),
        },
        location: Location {
            remote,
            countries,
            regions: clean(&raw.location.regions),
            timezones: clean(&raw.location.timezones),
            city,
        },
        pay,
        employment_type,
        benefits: clean(&raw.benefits),
        apply_url,
        must_have,
        nice_to_have,
        title: nonempty(&raw.title).map(str::to_string),
        intro: nonempty(&raw.intro).map(str::to_string),
        date_posted,
        valid_through,
        identifier,
        direct_apply: raw.direct_apply,
        role,
    })
}

fn check_pay(p: &RawPay, err: &mut impl FnMut(&str, String)) -> Option<Pay> {
    let before = std::cell::Cell::new(false);
    let mut fail = |f: &str, m: String| {
        before.set(true);
        err(f, m)
    };
    for (f, v) in [("pay.min", p.min), ("pay.max", p.max)] {
        if let Some(x) = v {
            if !(x.is_finite() && x > 0.0) {
                fail(f, format!("must be a positive amount, got {x}"));
            }
        }
    }
    if p.min.is_none() && p.max.is_none() {
        fail("pay.min", "pay needs pay.min, pay.max or both".into());
    }
    if let (Some(lo), Some(hi)) = (p.min, p.max) {
        if lo > hi {
            fail(
                "pay.max",
                format!("must be at least pay.min ({lo}), got {hi}"),
            );
        }
    }
    let currency = match nonempty(&p.currency) {
        None => {
            fail(
                "pay.currency",
                "is required (ISO 4217 code such as USD or EUR)".into(),
            );
            String::new()
        }
        Some(c) => {
            let up = c.to_ascii_uppercase();
            if up.len() != 3 || !RATES.knows(&up) {
                fail(
                    "pay.currency",
                    format!("unknown currency {c:?} (use an ISO 4217 code such as USD, EUR, GBP)"),
                );
            }
            up
        }
    };
    let period = match nonempty(&p.period) {
        None => {
            fail(
                "pay.period",
                "is required (hour, day, week, month or year)".into(),
            );
            Period::Year
        }
        Some(s) => Period::parse(&s.to_ascii_lowercase()).unwrap_or_else(|| {
            fail(
                "pay.period",
                bad_enum(s, &["hour", "day", "week", "month", "year"]),
            );
            Period::Year
        }),
    };
    if before.get() {
        return None;
    }
    // A figure far outside what the period allows is usually the wrong period
    // (150000 per hour, 40 per year): compare in US dollars.
    let (lo_usd, hi_usd) = (
        p.min
            .or(p.max)
            .and_then(|v| RATES.convert(v, &currency, "USD")),
        p.max
            .or(p.min)
            .and_then(|v| RATES.convert(v, &currency, "USD")),
    );
    let (floor, ceil) = match period {
        Period::Hour => (0.5, 2_000.0),
        Period::Day => (5.0, 15_000.0),
        Period::Week => (20.0, 60_000.0),
        Period::Month => (50.0, 250_000.0),
        Period::Year => (500.0, 5_000_000.0),
    };
    if let (Some(lo), Some(hi)) = (lo_usd, hi_usd) {
        if hi > ceil || lo < floor {
            let field = if hi > ceil { "pay.max" } else { "pay.min" };
            err(
                "pay.period",
                format!(
                    "{field} does not look like pay per {} (about {:.0} USD); check pay.period",
                    period.as_str(),
                    if hi > ceil { hi } else { lo }
                ),
            );
            return None;
        }
    }
    Some(Pay {
        min: p.min,
        max: p.max,
        currency,
        period,
    })
}

fn nonempty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn bad_enum(got: &str, allowed: &[&str]) -> String {
    format!("{got:?} is not one of {}", allowed.join(", "))
}

fn parse_remote(s: &str) -> Option<RemotePolicy> {
    match s
        .trim()
        .to_ascii_lowercase()
        .replace(['-', '_', ' '], "")
        .as_str()
    {
        "remote" => Some(RemotePolicy::Remote),
        "hybrid" => Some(RemotePolicy::Hybrid),
        "onsite" => Some(RemotePolicy::Onsite),
        _ => None,
    }
}

fn parse_employment(s: &str) -> Option<EmploymentType> {
    match s
        .trim()
        .to_ascii_lowercase()
        .replace(['_', ' '], "-")
        .as_str()
    {
        "full-time" | "fulltime" => Some(EmploymentType::FullTime),
        "part-time" | "parttime" => Some(EmploymentType::PartTime),
        "contract" => Some(EmploymentType::Contract),
        "internship" => Some(EmploymentType::Internship),
        "temporary" => Some(EmploymentType::Temporary),
        _ => None,
    }
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    let head = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() == 10 || s.as_bytes()[10] == b'T' || s.as_bytes()[10] == b' ')
}

/// http(s) URL with a plausible host and no whitespace.
pub(crate) fn check_url(u: &str) -> Result<(), String> {
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))
        .ok_or_else(|| format!("{u:?} is not an http(s) URL"))?;
    if u.chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
    {
        return Err(format!(
            "{u:?} contains spaces or characters not allowed in a URL"
        ));
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    let ok = host == "localhost"
        || (host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && !host.contains("..")
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.'));
    if ok {
        Ok(())
    } else {
        Err(format!("{u:?} has no valid host name"))
    }
}
