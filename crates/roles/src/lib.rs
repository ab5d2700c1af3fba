//! The role library: technical roles written as TOML files in `roles/`, embedded in the
//! binary and parsed once. Each role reads like a career guide (what they do, skills, tools,
//! seniority ladder, career path, FAQs) and lists the job titles that map to it, so postings
//! can be matched to a role (`match_title`).

mod matching;
mod suggest;

use std::sync::OnceLock;

use hirekit_model::RoleFamily;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use matching::match_title;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/role_files.rs"));
}

/// One role of the library. `id` is the slug and the file name (`backend-architect`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Role {
    pub id: String,
    pub title: String,
    /// One line.
    pub summary: String,
    /// A paragraph.
    pub what_they_do: String,
    pub responsibilities: Vec<String>,
    /// Canonical skill names of the taxonomy where one exists.
    pub hard_skills: Vec<String>,
    pub soft_skills: Vec<String>,
    /// Tools by category (version control, CI/CD, monitoring…), in the file's order.
    pub tools: Vec<ToolGroup>,
    /// From the most junior level up.
    pub seniority: Vec<Level>,
    pub career_path: CareerPath,
    /// Slugs of related roles.
    pub related: Vec<String>,
    pub faqs: Vec<Faq>,
    /// Job titles that map to this role (used to match postings).
    pub titles: Vec<String>,
    #[schema(value_type = String, example = "backend")]
    pub role_family: RoleFamily,
    /// Competencies an interview for this role should cover.
    pub interview_focus: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ToolGroup {
    pub category: String,
    pub items: Vec<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Level {
    /// junior, mid, senior, staff, principal… as fits the role.
    pub name: String,
    /// Typical years of experience: from, and to (`None` = open-ended, "10+").
    #[schema(value_type = Vec<Option<u8>>, example = json!([3, 6]))]
    pub years: (u8, Option<u8>),
    pub expectations: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
pub struct CareerPath {
    /// Slugs of roles people commonly come from.
    #[serde(default)]
    pub from: Vec<String>,
    /// Slugs of roles people commonly move on to.
    #[serde(default)]
    pub to: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Faq {
    pub q: String,
    pub a: String,
}

/// The role id is not in the library; `close_matches` are the nearest ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnknownRole {
    pub id: String,
    pub close_matches: Vec<String>,
}

impl std::fmt::Display for UnknownRole {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown role {:?}", self.id)?;
        if self.close_matches.is_empty() {
            write!(f, "; no role has a similar id")
        } else {
            write!(f, "; did you mean: {}", self.close_matches.join(", "))
        }
    }
}

impl std::error::Error for UnknownRole {}

/// A role file could not be read: the file name and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleFileError {
    pub file: String,
    pub message: String,
}

impl std::fmt::Display for RoleFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "roles/{}.toml: {}", self.file, self.message)
    }
}

impl std::error::Error for RoleFileError {}

/// The file as written; `Role` adds the id and turns `years` into a range.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleFile {
    title: String,
    summary: String,
    what_they_do: String,
    role_family: RoleFamily,
    responsibilities: Vec<String>,
    hard_skills: Vec<String>,
    soft_skills: Vec<String>,
    tools: Vec<ToolGroup>,
    titles: Vec<String>,
    related: Vec<String>,
    #[serde(default)]
    interview_focus: Vec<String>,
    career_path: CareerPath,
    seniority: Vec<LevelFile>,
    faqs: Vec<Faq>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LevelFile {
    name: String,
    /// `[from, to]`, or `[from]` for open-ended.
    years: Vec<u8>,
    expectations: String,
}

/// Parses one role file (`id` is its file name without `.toml`).
pub fn parse_role(id: &str, text: &str) -> Result<Role, RoleFileError> {
    let err = |message: String| RoleFileError {
        file: id.to_string(),
        message,
    };
    let f: RoleFile = toml::from_str(text).map_err(|e| err(e.to_string()))?;
    let mut seniority = Vec::with_capacity(f.seniority.len());
    for l in f.seniority {
        let years = match l.years.as_slice() {
            [a] => (*a, None),
            [a, b] if a <= b => (*a, Some(*b)),
            _ => {
                return Err(err(format!(
                    "level {:?}: years must be [from] or [from, to] with from <= to",
                    l.name
                )))
            }
        };
        seniority.push(Level {
            name: l.name,
            years,
            expectations: clean(&l.expectations),
        });
    }
    Ok(Role {
        id: id.to_string(),
        title: f.title,
        summary: clean(&f.summary),
        what_they_do: clean(&f.what_they_do),
        responsibilities: f.responsibilities,
        hard_skills: f.hard_skills,
        soft_skills: f.soft_skills,
        tools: f.tools,
        seniority,
        career_path: f.career_path,
        related: f.related,
        faqs: f
            .faqs
            .into_iter()
            .map(|x| Faq {
                q: clean(&x.q),
                a: clean(&x.a),
            })
            .collect(),
        titles: f.titles,
        role_family: f.role_family,
        interview_focus: f.interview_focus,
    })
}

/// Prose in the files may be wrapped over several lines (TOML multi-line strings with `\`
/// or plain newlines): one paragraph reads as one line.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every embedded role file, parsed; errors are reported per file (the tests require none).
pub fn load_all() -> (Vec<Role>, Vec<RoleFileError>) {
    let mut roles = Vec::new();
    let mut errors = Vec::new();
    for (id, text) in embedded::FILES {
        match parse_role(id, text) {
            Ok(r) => roles.push(r),
            Err(e) => errors.push(e),
        }
    }
    roles.sort_by(|a, b| a.id.cmp(&b.id));
    (roles, errors)
}

/// All roles, sorted by id. A file that does not parse is left out (and fails the tests).
pub fn all() -> &'static [Role] {
    static ROLES: OnceLock<Vec<Role>> = OnceLock::new();
    ROLES.get_or_init(|| load_all().0)
}

/// The role with this id (slug). Case and surrounding spaces are forgiven, and
/// `backend_architect` / `Backend Architect` find `backend-architect`.
pub fn get(id: &str) -> Result<&'static Role, UnknownRole> {
    let roles = all();
    let key = slugify(id);
    if let Ok(i) = roles.binary_search_by(|r| r.id.as_str().cmp(key.as_str())) {
        return Ok(&roles[i]);
    }
    Err(UnknownRole {
        id: id.to_string(),
        close_matches: suggest::close_matches(id, roles),
    })
}

/// Lowercase, words joined by `-`.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Roles of a family, in id order.
pub fn by_family(family: RoleFamily) -> impl Iterator<Item = &'static Role> {
    all().iter().filter(move |r| r.role_family == family)
}
