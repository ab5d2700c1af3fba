//! Interview kits per role × seniority: screening, technical questions mapped to the role's
//! skills, system-design prompts, behavioural questions, and a 1–4 scorecard.
//!
//! All content is data written for hirekit (`crates/kits/data/*.toml`, embedded at build time);
//! `build` only selects and orders it, deterministically, for one role and seniority.

pub mod bank;
mod compose;
pub mod html;
pub mod markdown;
pub mod roles;

use hirekit_model::{RoleFamily, Seniority};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use compose::build;
pub use html::to_html;
pub use markdown::to_markdown;
pub use roles::{role_ids, role_input, UnknownRole};

/// What a kit is composed from. Filled from the role library (`From<&Role>`) or by hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KitInput {
    /// Role slug, e.g. `backend-engineer`.
    pub role_id: String,
    pub role_title: String,
    pub role_family: RoleFamily,
    /// Hard skills, most important first; canonical taxonomy names or aliases.
    pub hard_skills: Vec<String>,
    pub soft_skills: Vec<String>,
    /// What interviews for this role should probe (e.g. "API design", "data modeling").
    pub focus: Vec<String>,
}

/// The level a question is written for. Staff and above use `senior+` questions.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema,
)]
pub enum Level {
    #[serde(rename = "junior")]
    Junior,
    #[serde(rename = "mid")]
    Mid,
    #[serde(rename = "senior+")]
    SeniorPlus,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Junior => "junior",
            Level::Mid => "mid",
            Level::SeniorPlus => "senior+",
        }
    }

    /// The question level a seniority is interviewed at.
    pub fn of(s: Seniority) -> Level {
        match s {
            Seniority::Intern | Seniority::Junior => Level::Junior,
            Seniority::Mid => Level::Mid,
            _ => Level::SeniorPlus,
        }
    }
}

/// One question with what a strong answer shows and the red flags to listen for.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Question {
    pub text: String,
    /// Technical questions: the skill (canonical name) or skill area the question probes.
    pub skill: Option<String>,
    /// Behavioural questions: the competency id the question scores (see `scorecard`).
    pub competency: Option<String>,
    /// Screening questions: the topic (motivation, compensation, work-authorization…).
    pub topic: Option<String>,
    pub level: Level,
    /// What a strong answer shows.
    pub strong_answer: String,
    pub red_flags: Vec<String>,
}

/// A system-design exercise.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct DesignPrompt {
    pub id: String,
    pub title: String,
    /// The prompt as read to the candidate.
    pub prompt: String,
    /// Scale figures to give when asked (or to ask the candidate to estimate).
    pub scale: String,
    /// What a complete answer covers: requirements, data model, key trade-offs.
    pub cover: Vec<String>,
    pub strong_signals: Vec<String>,
    pub red_flags: Vec<String>,
    /// Role families the prompt fits (kebab-case names).
    pub families: Vec<String>,
    /// Lowest seniority the prompt is used for.
    #[schema(value_type = String)]
    pub min_seniority: Seniority,
}

/// A scorecard row: one competency scored 1 (strong no) to 4 (strong yes).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Competency {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Descriptors for scores 1, 2, 3 and 4.
    #[schema(value_type = Vec<String>)]
    pub rubric: [String; 4],
}

/// A complete interview kit for one role at one seniority.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Kit {
    pub role_id: String,
    pub role_title: String,
    #[schema(value_type = String)]
    pub role_family: RoleFamily,
    #[schema(value_type = String)]
    pub seniority: Seniority,
    pub screening: Vec<Question>,
    pub technical: Vec<Question>,
    pub system_design: Vec<DesignPrompt>,
    pub behavioural: Vec<Question>,
    pub scorecard: Vec<Competency>,
}

/// Seniority from a user's word: the model's names plus common synonyms.
pub fn parse_seniority(s: &str) -> Option<Seniority> {
    let s = s.trim().to_ascii_lowercase();
    Seniority::parse(&s).or(match s.as_str() {
        "entry" | "entry-level" | "graduate" | "associate" => Some(Seniority::Junior),
        "middle" | "mid-level" | "intermediate" => Some(Seniority::Mid),
        "sr" | "senior+" => Some(Seniority::Senior),
        "lead" => Some(Seniority::Staff),
        "director" | "vp" => Some(Seniority::Head),
        _ => None,
    })
}

/// The seniority names accepted by `parse_seniority`'s main form, for help texts.
pub fn seniority_names() -> Vec<&'static str> {
    Seniority::ALL.iter().map(|s| s.as_str()).collect()
}
