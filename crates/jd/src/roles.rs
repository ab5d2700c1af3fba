//! Role facts the builder needs, from the role library (`hirekit-roles`), resolved through
//! [`role_info`]; the builder only ever calls `role_info`.
use hirekit_model::RoleFamily;

use crate::spec::FieldError;
use crate::JdError;

/// What the builder takes from the role library.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleInfo {
    /// Slug, e.g. `backend-engineer`.
    pub id: String,
    pub title: String,
    pub summary: String,
    pub responsibilities: Vec<String>,
    /// Pre-fills `must_have` when the spec gives none.
    pub hard_skills: Vec<String>,
    /// Pre-fills `nice_to_have` when the spec gives none.
    pub nice_skills: Vec<String>,
    pub role_family: RoleFamily,
}

/// How many of a role's hard skills pre-fill the must-haves; the next few become nice-to-haves.
/// A long must-have list hurts a posting (the linter's `too-many-requirements`).
const MUST: usize = 6;
const NICE: usize = 4;

/// Ids of the roles in the library.
pub fn role_ids() -> Vec<&'static str> {
    hirekit_roles::all().iter().map(|r| r.id.as_str()).collect()
}

/// The builder's view of a library role (case-insensitive id).
pub fn role_info(id: &str) -> Result<RoleInfo, JdError> {
    match hirekit_roles::get(id) {
        Ok(r) => Ok(RoleInfo {
            id: r.id.clone(),
            title: r.title.clone(),
            summary: r.summary.clone(),
            responsibilities: r.responsibilities.clone(),
            hard_skills: r.hard_skills.iter().take(MUST).cloned().collect(),
            nice_skills: r.hard_skills.iter().skip(MUST).take(NICE).cloned().collect(),
            role_family: r.role_family,
        }),
        Err(e) => {
            let hint = if e.close_matches.is_empty() {
                format!("known roles: {}", role_ids().join(", "))
            } else {
                format!("did you mean {}?", e.close_matches.join(", "))
            };
            Err(JdError::Invalid(vec![FieldError::new("role", format!("unknown role {id:?}; {hint}"))]))
        }
    }
}
