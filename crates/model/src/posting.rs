//! The shapes a job posting takes on its way through hirekit:
//! `SourcePosting` (what a connector read, not yet interpreted) → `Posting` (normalized).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The kinds of source hirekit reads. The lowercase name is the `kind:` prefix on the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Greenhouse,
    Lever,
    Ashby,
    Workable,
    SmartRecruiters,
    Recruitee,
    Personio,
    RemoteOk,
    Feed,
    JsonLd,
    Csv,
    Jsonl,
}

impl SourceKind {
    pub const ALL: [SourceKind; 12] = [
        SourceKind::Greenhouse,
        SourceKind::Lever,
        SourceKind::Ashby,
        SourceKind::Workable,
        SourceKind::SmartRecruiters,
        SourceKind::Recruitee,
        SourceKind::Personio,
        SourceKind::RemoteOk,
        SourceKind::Feed,
        SourceKind::JsonLd,
        SourceKind::Csv,
        SourceKind::Jsonl,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Greenhouse => "greenhouse",
            SourceKind::Lever => "lever",
            SourceKind::Ashby => "ashby",
            SourceKind::Workable => "workable",
            SourceKind::SmartRecruiters => "smartrecruiters",
            SourceKind::Recruitee => "recruitee",
            SourceKind::Personio => "personio",
            SourceKind::RemoteOk => "remoteok",
            SourceKind::Feed => "feed",
            SourceKind::JsonLd => "jsonld",
            SourceKind::Csv => "csv",
            SourceKind::Jsonl => "jsonl",
        }
    }

    pub fn parse(s: &str) -> Option<SourceKind> {
        SourceKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether one fetch of this kind lists the whole board, so a posting missing from it
    /// has been taken down (and is closed) rather than merely not included.
    pub fn lists_whole_board(self) -> bool {
        !matches!(
            self,
            SourceKind::Feed | SourceKind::Csv | SourceKind::Jsonl | SourceKind::JsonLd
        )
    }
}

impl std::fmt::Display for SourceKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Pay period. Amounts are kept in the stated period, never annualized at parse time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl Period {
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Hour => "hour",
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Year => "year",
        }
    }
    pub fn parse(s: &str) -> Option<Period> {
        Some(match s {
            "hour" => Period::Hour,
            "day" => Period::Day,
            "week" => Period::Week,
            "month" => Period::Month,
            "year" => Period::Year,
            _ => return None,
        })
    }
}

/// A pay range as stated. `min`/`max` are `None` when the text gives only one side
/// ("up to X" → min None; "from X" → max None); a single figure gives min = max.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Salary {
    #[serde(serialize_with = "crate::posting::ser_amount")]
    pub min: Option<f64>,
    #[serde(serialize_with = "crate::posting::ser_amount")]
    pub max: Option<f64>,
    /// ISO 4217 code, or None when the text names no currency.
    pub currency: Option<String>,
    pub period: Option<Period>,
}

/// Whole amounts print as integers (`120000`, not `120000.0`): that is what people and
/// scripts comparing with `jq` expect.
pub fn ser_amount<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        None => s.serialize_none(),
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => s.serialize_i64(*x as i64),
        Some(x) => s.serialize_f64(*x),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoleFamily {
    Backend,
    Frontend,
    Fullstack,
    Software,
    Mobile,
    Devops,
    DataEngineering,
    DataScience,
    MachineLearning,
    Security,
    Qa,
    Embedded,
    Architecture,
    EngineeringManagement,
    ProductManagement,
    Design,
    Other,
}

impl RoleFamily {
    pub const ALL: [RoleFamily; 17] = [
        RoleFamily::Backend,
        RoleFamily::Frontend,
        RoleFamily::Fullstack,
        RoleFamily::Software,
        RoleFamily::Mobile,
        RoleFamily::Devops,
        RoleFamily::DataEngineering,
        RoleFamily::DataScience,
        RoleFamily::MachineLearning,
        RoleFamily::Security,
        RoleFamily::Qa,
        RoleFamily::Embedded,
        RoleFamily::Architecture,
        RoleFamily::EngineeringManagement,
        RoleFamily::ProductManagement,
        RoleFamily::Design,
        RoleFamily::Other,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            RoleFamily::Backend => "backend",
            RoleFamily::Frontend => "frontend",
            RoleFamily::Fullstack => "fullstack",
            RoleFamily::Software => "software",
            RoleFamily::Mobile => "mobile",
            RoleFamily::Devops => "devops",
            RoleFamily::DataEngineering => "data-engineering",
            RoleFamily::DataScience => "data-science",
            RoleFamily::MachineLearning => "machine-learning",
            RoleFamily::Security => "security",
            RoleFamily::Qa => "qa",
            RoleFamily::Embedded => "embedded",
            RoleFamily::Architecture => "architecture",
            RoleFamily::EngineeringManagement => "engineering-management",
            RoleFamily::ProductManagement => "product-management",
            RoleFamily::Design => "design",
            RoleFamily::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<RoleFamily> {
        RoleFamily::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Seniority {
    Intern,
    Junior,
    Mid,
    Senior,
    Staff,
    Principal,
    /// director, head of, VP, C-level
    Head,
}

impl Seniority {
    pub const ALL: [Seniority; 7] = [
        Seniority::Intern,
        Seniority::Junior,
        Seniority::Mid,
        Seniority::Senior,
        Seniority::Staff,
        Seniority::Principal,
        Seniority::Head,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Seniority::Intern => "intern",
            Seniority::Junior => "junior",
            Seniority::Mid => "mid",
            Seniority::Senior => "senior",
            Seniority::Staff => "staff",
            Seniority::Principal => "principal",
            Seniority::Head => "head",
        }
    }
    pub fn parse(s: &str) -> Option<Seniority> {
        Seniority::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Track {
    Ic,
    Manager,
}

impl Track {
    pub fn as_str(self) -> &'static str {
        match self {
            Track::Ic => "ic",
            Track::Manager => "manager",
        }
    }
    pub fn parse(s: &str) -> Option<Track> {
        match s {
            "ic" => Some(Track::Ic),
            "manager" => Some(Track::Manager),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RemotePolicy {
    Remote,
    Hybrid,
    Onsite,
}

impl RemotePolicy {
    pub fn as_str(self) -> &'static str {
        match self {
            RemotePolicy::Remote => "remote",
            RemotePolicy::Hybrid => "hybrid",
            RemotePolicy::Onsite => "onsite",
        }
    }
    pub fn parse(s: &str) -> Option<RemotePolicy> {
        match s {
            "remote" => Some(RemotePolicy::Remote),
            "hybrid" => Some(RemotePolicy::Hybrid),
            "onsite" => Some(RemotePolicy::Onsite),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EmploymentType {
    FullTime,
    PartTime,
    Contract,
    Temporary,
    Internship,
    Volunteer,
    PerDiem,
    Other,
}

impl EmploymentType {
    pub const ALL: [EmploymentType; 8] = [
        EmploymentType::FullTime,
        EmploymentType::PartTime,
        EmploymentType::Contract,
        EmploymentType::Temporary,
        EmploymentType::Internship,
        EmploymentType::Volunteer,
        EmploymentType::PerDiem,
        EmploymentType::Other,
    ];
    /// schema.org-style lowercase names: full_time, part_time, …
    pub fn as_str(self) -> &'static str {
        match self {
            EmploymentType::FullTime => "full_time",
            EmploymentType::PartTime => "part_time",
            EmploymentType::Contract => "contract",
            EmploymentType::Temporary => "temporary",
            EmploymentType::Internship => "internship",
            EmploymentType::Volunteer => "volunteer",
            EmploymentType::PerDiem => "per_diem",
            EmploymentType::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<EmploymentType> {
        EmploymentType::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// What a connector read from one item of a source, before interpretation.
/// Connectors fill what their format states and leave the rest `None`; the
/// normalizers decide what text means. `raw` keeps the item exactly as the source gave it
/// (so `hirekit renormalize` can redo everything without fetching again).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourcePosting {
    /// The item's id at the source (Greenhouse id, Lever id, URL for feeds…), if any.
    pub external_id: Option<String>,
    pub title: String,
    pub company: Option<String>,
    /// Description as HTML, when the source gives HTML (entity-decoded once if the API double-encodes).
    pub description_html: Option<String>,
    /// Description as plain text, when the source gives it.
    pub description_text: Option<String>,
    /// Location strings as stated (one per location).
    pub locations: Vec<String>,
    /// ISO 3166 alpha-2 country code when the source states one in a structured field.
    pub country: Option<String>,
    /// Workplace type when the source states it in a structured field.
    pub remote: Option<RemotePolicy>,
    /// Employment type as the source wrote it ("FullTime", "Full-time", "FULL_TIME"…).
    pub employment_type: Option<String>,
    /// Structured salary when the source has one (Lever salaryRange, schema.org baseSalary…).
    pub salary: Option<Salary>,
    /// Pay as free text (Lever salaryDescription, Ashby compensation summary…).
    pub salary_text: Option<String>,
    /// The posting's page at the source.
    pub url: Option<String>,
    /// Where to apply, if different from `url`.
    pub apply_url: Option<String>,
    pub posted_at: Option<DateTime<Utc>>,
    pub updated_at: Option<DateTime<Utc>>,
    pub valid_through: Option<DateTime<Utc>>,
    pub department: Option<String>,
    /// Seniority as a structured field states it (SmartRecruiters experienceLevel…).
    pub seniority: Option<String>,
    /// Skills the source lists in a structured field.
    pub skills: Vec<String>,
    /// The item as the source gave it.
    pub raw: serde_json::Value,
}

/// A normalized posting, as stored and indexed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Posting {
    pub title: String,
    pub company: Option<String>,
    pub role_family: RoleFamily,
    pub seniority: Option<Seniority>,
    pub track: Track,
    pub remote: Option<RemotePolicy>,
    pub countries: Vec<String>,
    pub regions: Vec<String>,
    pub locations: Vec<String>,
    pub employment_type: Option<EmploymentType>,
    pub salary: Option<Salary>,
    pub salary_text: Option<String>,
    pub skills: Vec<String>,
    pub description: String,
    pub url: Option<String>,
    pub apply_url: Option<String>,
    pub posted_at: Option<DateTime<Utc>>,
    pub valid_through: Option<DateTime<Utc>>,
    pub department: Option<String>,
}
