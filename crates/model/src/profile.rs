//! A candidate profile parsed from a resume: the contract between `hirekit-resume` (document →
//! profile) and `hirekit-screen` (criteria × profile → explained score).
//!
//! Every extracted fact that a score may rest on carries its evidence as byte offsets into the
//! resume's extracted text (`Span`), so a recruiter can be shown exactly where it came from.

use serde::{Deserialize, Serialize};

use crate::posting::{RoleFamily, Seniority};

/// Byte offsets `[start, end)` into the extracted resume text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A month of a year; `month` is 1–12, or 0 when only the year is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct YearMonth {
    pub year: u16,
    pub month: u8,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// LinkedIn, GitHub, personal site… as found (normalized to absolute URLs).
    pub links: Vec<String>,
    pub location: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Contact,
    Summary,
    Experience,
    Education,
    Skills,
    Projects,
    Certifications,
    Languages,
    Other,
}

/// A section of the resume as found under its heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub kind: SectionKind,
    /// The heading as written ("Berufserfahrung", "Work history").
    pub heading: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Experience {
    pub title: Option<String>,
    pub company: Option<String>,
    pub start: Option<YearMonth>,
    /// `None` with `current == true` means "present".
    pub end: Option<YearMonth>,
    pub current: bool,
    pub location: Option<String>,
    pub description: String,
    /// Title run through the title normalizer.
    pub role_family: Option<RoleFamily>,
    pub seniority: Option<Seniority>,
    /// Where the whole entry sits in the text.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Education {
    pub degree: Option<String>,
    /// "bachelor", "master", "phd", "associate", "diploma", "certificate", … when recognisable.
    pub level: Option<String>,
    pub field: Option<String>,
    pub institution: Option<String>,
    pub end_year: Option<u16>,
    pub span: Span,
}

/// A skill found in the resume, canonical per the skills taxonomy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileSkill {
    /// Canonical taxonomy name ("Kubernetes").
    pub name: String,
    /// Taxonomy category ("devops").
    pub category: Option<String>,
    /// Years of use, from the experience entries that mention the skill (overlaps merged).
    pub years: Option<f32>,
    /// Every place the skill is mentioned.
    pub evidence: Vec<Span>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub contact: Contact,
    pub summary: Option<String>,
    pub sections: Vec<Section>,
    pub experience: Vec<Experience>,
    /// Total years of professional experience, overlapping entries merged.
    pub total_years: f32,
    /// Estimated from the latest titles and total years.
    pub seniority: Option<Seniority>,
    pub skills: Vec<ProfileSkill>,
    pub education: Vec<Education>,
    pub certifications: Vec<String>,
    /// Spoken languages ("German (native)").
    pub languages: Vec<String>,
}
