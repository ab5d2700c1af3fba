//! What a recruiter asks for: the `Criteria` and their TOML/JSON form.
//!
//! The file form is meant to be written by hand, so several spellings are accepted:
//! ```toml
//! must_have = ["Rust", "Kafka or RabbitMQ", ["AWS", "GCP"]]
//! max_missing_must_haves = 0           # knock out on the first missing one (the default)
//! nice_to_have = ["Kubernetes", { skill = "Terraform", weight = 2.0 }]
//! min_total_years = 5
//! min_years_with = [["Rust", 2], { skill = "Python", years = 3 }]
//! seniority = ["mid", "senior"]          # or "senior"
//! title_keywords = ["backend"]
//! education = "bachelor"
//! [location]
//! countries = ["DE", "Poland"]
//! remote_ok = true
//! timezones = ["UTC-1 to UTC+3"]
//! [salary_ceiling]
//! amount = 90000
//! currency = "EUR"
//! ```

use hirekit_model::Seniority;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One must-have: satisfied when any alternative is ("Kafka or RabbitMQ").
#[derive(Debug, Clone, PartialEq)]
pub struct Requirement {
    pub alternatives: Vec<String>,
}

impl Requirement {
    pub fn new<S: Into<String>>(alts: impl IntoIterator<Item = S>) -> Self {
        Requirement {
            alternatives: alts.into_iter().map(Into::into).collect(),
        }
    }

    /// "Kafka or RabbitMQ" / "Kafka | RabbitMQ" → two alternatives. A slash is not split:
    /// "CI/CD", "TCP/IP" and "Pub/Sub" are names.
    pub fn parse(s: &str) -> Self {
        let alts: Vec<String> = split_alternatives(s);
        Requirement { alternatives: alts }
    }

    /// "Kafka or RabbitMQ".
    pub fn label(&self) -> String {
        self.alternatives.join(" or ")
    }
}

pub(crate) fn split_alternatives(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in s.split('|') {
        let mut rest = part;
        loop {
            let lower = rest.to_ascii_lowercase();
            match lower.find(" or ") {
                Some(i) => {
                    push_alt(&mut out, &rest[..i]);
                    rest = &rest[i + 4..];
                }
                None => {
                    push_alt(&mut out, rest);
                    break;
                }
            }
        }
    }
    out
}

fn push_alt(out: &mut Vec<String>, s: &str) {
    let t = s
        .trim()
        .trim_matches(|c: char| c == ',' || c == ';' || c == '.');
    let t = t.trim();
    if !t.is_empty() && !out.iter().any(|o: &String| o.eq_ignore_ascii_case(t)) {
        out.push(t.to_string());
    }
}

impl Serialize for Requirement {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // One alternative → a plain string; several → a list (unambiguous, unlike " or ").
        if self.alternatives.len() == 1 {
            s.serialize_str(&self.alternatives[0])
        } else {
            self.alternatives.serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for Requirement {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            One(String),
            Many(Vec<String>),
            Table { alternatives: Vec<String> },
        }
        Ok(match Raw::deserialize(d)? {
            Raw::One(s) => Requirement::parse(&s),
            Raw::Many(v) | Raw::Table { alternatives: v } => {
                let mut out = Vec::new();
                for s in &v {
                    push_alt(&mut out, s);
                }
                Requirement { alternatives: out }
            }
        })
    }
}

/// A nice-to-have skill or keyword with its weight (default 1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Weighted {
    pub skill: String,
    pub weight: f32,
}

impl<'de> Deserialize<'de> for Weighted {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            One(String),
            Table {
                #[serde(alias = "keyword", alias = "name")]
                skill: String,
                #[serde(default = "one")]
                weight: f32,
            },
        }
        Ok(match Raw::deserialize(d)? {
            Raw::One(s) => Weighted {
                skill: s,
                weight: 1.0,
            },
            Raw::Table { skill, weight } => Weighted {
                skill,
                weight: if weight.is_finite() && weight >= 0.0 {
                    weight
                } else {
                    1.0
                },
            },
        })
    }
}

fn one() -> f32 {
    1.0
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(n: &u32) -> bool {
    *n == 0
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LocationRule {
    /// Countries as ISO codes or names ("DE", "Germany").
    #[serde(default)]
    pub countries: Vec<String>,
    /// Candidates elsewhere are fine if they work remotely (within `timezones`, if given).
    #[serde(default)]
    pub remote_ok: bool,
    /// UTC-offset windows as text ("CET", "UTC-5 to UTC+2").
    #[serde(default)]
    pub timezones: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SalaryCeiling {
    pub amount: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// "year" (default), "month", "hour"…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Criteria {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub must_have: Vec<Requirement>,
    /// How many must-haves a candidate may miss and still not be knocked out (default 0).
    /// Criteria derived from a long requirements list set it (see `derive`): a written
    /// "must have" list is partly wish, and each must-have is found with imperfect recall.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub max_missing_must_haves: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nice_to_have: Vec<Weighted>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_total_years: Option<f32>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "de_years_with"
    )]
    pub min_years_with: Vec<(String, f32)>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "ser_seniority",
        deserialize_with = "de_seniority"
    )]
    pub seniority: Option<(Seniority, Seniority)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub title_keywords: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ideal_candidate: Option<String>,
    /// The job description itself: the query for lexical and semantic relevance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<LocationRule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salary_ceiling: Option<SalaryCeiling>,
}

#[derive(Debug, thiserror::Error)]
pub enum CriteriaError {
    #[error("criteria TOML: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("criteria JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("criteria: {0}")]
    Invalid(String),
}

impl Criteria {
    pub fn from_toml(s: &str) -> Result<Self, CriteriaError> {
        let c: Criteria = toml::from_str(s)?;
        c.validated()
    }

    pub fn from_json(s: &str) -> Result<Self, CriteriaError> {
        let c: Criteria = serde_json::from_str(s)?;
        c.validated()
    }

    pub fn to_toml(&self) -> String {
        // Serializing plain data to TOML cannot fail except for NaN keys, which we never have.
        toml::to_string_pretty(self).unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Whether nothing at all is asked for.
    pub fn is_empty(&self) -> bool {
        *self == Criteria::default()
    }

    fn validated(mut self) -> Result<Self, CriteriaError> {
        self.must_have.retain(|r| !r.alternatives.is_empty());
        self.nice_to_have.retain(|w| !w.skill.trim().is_empty());
        for (what, v) in [("min_total_years", self.min_total_years)]
            .into_iter()
            .chain(
                self.min_years_with
                    .iter()
                    .map(|(_, y)| ("min_years_with", Some(*y))),
            )
        {
            if let Some(y) = v {
                if !y.is_finite() || !(0.0..=80.0).contains(&y) {
                    return Err(CriteriaError::Invalid(format!(
                        "{what}: {y} years is out of range"
                    )));
                }
            }
        }
        if let Some(s) = &self.salary_ceiling {
            if !s.amount.is_finite() || s.amount < 0.0 {
                return Err(CriteriaError::Invalid("salary_ceiling.amount".into()));
            }
        }
        Ok(self)
    }
}

fn de_years_with<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, f32)>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Pair(String, f32),
        Table {
            #[serde(alias = "keyword", alias = "name")]
            skill: String,
            years: f32,
        },
    }
    let v: Vec<Raw> = Vec::deserialize(d)?;
    Ok(v.into_iter()
        .map(|r| match r {
            Raw::Pair(s, y) | Raw::Table { skill: s, years: y } => (s, y),
        })
        .collect())
}

#[allow(clippy::ref_option)]
fn ser_seniority<S: Serializer>(
    v: &Option<(Seniority, Seniority)>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match v {
        Some((a, b)) => [a.as_str(), b.as_str()].serialize(s),
        None => s.serialize_none(),
    }
}

fn de_seniority<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<(Seniority, Seniority)>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        One(String),
        Two(Vec<String>),
    }
    let parse = |s: &str| {
        Seniority::parse(&s.trim().to_ascii_lowercase())
            .ok_or_else(|| serde::de::Error::custom(format!("unknown seniority {s:?}")))
    };
    Ok(match Raw::deserialize(d)? {
        Raw::One(s) => {
            let l = parse(&s)?;
            Some((l, l))
        }
        Raw::Two(v) => match v.as_slice() {
            [] => None,
            [a] => {
                let l = parse(a)?;
                Some((l, l))
            }
            [a, b, ..] => {
                let (a, b) = (parse(a)?, parse(b)?);
                Some((a.min(b), a.max(b)))
            }
        },
    })
}
