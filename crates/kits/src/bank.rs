//! The question banks as written in `crates/kits/data/*.toml`, parsed once.
//!
//! The files are embedded with `include_str!`, so a malformed file is a build defect: the
//! crate's tests parse every file, and loading panics with the file name if one is broken.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use hirekit_model::Seniority;
use serde::Deserialize;

use crate::Level;

/// A technical question about one skill (`skill` is a canonical taxonomy name).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillQuestion {
    pub skill: String,
    pub level: Level,
    pub text: String,
    pub strong_answer: String,
    pub red_flags: Vec<String>,
}

/// A fallback question for a skill category; `{skill}` in the text is replaced by the skill.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryQuestion {
    pub category: String,
    pub level: Level,
    pub text: String,
    pub strong_answer: String,
    pub red_flags: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    pub id: String,
    pub title: String,
    pub families: Vec<String>,
    pub min_seniority: Seniority,
    /// Words matched against the role's skills and focus to rank prompts.
    pub tags: Vec<String>,
    pub prompt: String,
    pub scale: String,
    pub cover: Vec<String>,
    pub strong_signals: Vec<String>,
    pub red_flags: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreeningQuestion {
    pub topic: String,
    /// Families this version is written for; empty = any family.
    #[serde(default)]
    pub families: Vec<String>,
    /// Levels this version is written for; empty = any level.
    #[serde(default)]
    pub levels: Vec<Level>,
    pub text: String,
    pub strong_answer: String,
    pub red_flags: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompetencyDef {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Scores 1 (strong no) to 4 (strong yes).
    pub rubric: [String; 4],
    /// Words in a role's soft skills that make this competency a priority.
    #[serde(default)]
    pub soft_skill_words: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BehaviouralQuestion {
    pub competency: String,
    pub level: Level,
    pub text: String,
    pub strong_answer: String,
    pub red_flags: Vec<String>,
}

/// Everything the kits are composed from.
#[derive(Debug)]
pub struct Bank {
    pub technical: Vec<SkillQuestion>,
    pub categories: Vec<CategoryQuestion>,
    /// Skills every role of a family is asked about after its own skills (kebab-case family name).
    pub family_skills: BTreeMap<String, Vec<String>>,
    pub prompts: Vec<Prompt>,
    pub screening: Vec<ScreeningQuestion>,
    pub competencies: Vec<CompetencyDef>,
    pub behavioural: Vec<BehaviouralQuestion>,
}

pub const TECHNICAL_TOML: &str = include_str!("../data/technical.toml");
pub const CATEGORIES_TOML: &str = include_str!("../data/categories.toml");
pub const SYSTEM_DESIGN_TOML: &str = include_str!("../data/system_design.toml");
pub const SCREENING_TOML: &str = include_str!("../data/screening.toml");
pub const BEHAVIOURAL_TOML: &str = include_str!("../data/behavioural.toml");
pub const COMPETENCIES_TOML: &str = include_str!("../data/competencies.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TechnicalFile {
    q: Vec<SkillQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoriesFile {
    family_skills: BTreeMap<String, Vec<String>>,
    q: Vec<CategoryQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PromptsFile {
    prompt: Vec<Prompt>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScreeningFile {
    q: Vec<ScreeningQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BehaviouralFile {
    q: Vec<BehaviouralQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CompetenciesFile {
    competency: Vec<CompetencyDef>,
}

fn parse<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> T {
    match toml::from_str(text) {
        Ok(v) => v,
        Err(e) => panic!("crates/kits/data/{name} is malformed: {e}"),
    }
}

/// The parsed banks (parsed on first use).
pub fn bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| {
        let t: TechnicalFile = parse("technical.toml", TECHNICAL_TOML);
        let c: CategoriesFile = parse("categories.toml", CATEGORIES_TOML);
        let p: PromptsFile = parse("system_design.toml", SYSTEM_DESIGN_TOML);
        let s: ScreeningFile = parse("screening.toml", SCREENING_TOML);
        let b: BehaviouralFile = parse("behavioural.toml", BEHAVIOURAL_TOML);
        let k: CompetenciesFile = parse("competencies.toml", COMPETENCIES_TOML);
        Bank {
            technical: t.q,
            categories: c.q,
            family_skills: c.family_skills,
            prompts: p.prompt,
            screening: s.q,
            competencies: k.competency,
            behavioural: b.q,
        }
    })
}

impl Bank {
    pub fn competency(&self, id: &str) -> Option<&CompetencyDef> {
        self.competencies.iter().find(|c| c.id == id)
    }
}
