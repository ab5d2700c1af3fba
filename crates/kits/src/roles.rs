//! Role resolution for the CLI and the server.
//!
//! TEMPORARY: replaced by hirekit-roles on merge. Until the role library lands, a few roles
//! from `data/fallback_roles.toml` stand in; `role_input` is the one function both the CLI
//! and the server call, so the swap happens here only.

use std::sync::OnceLock;

use hirekit_model::RoleFamily;
use serde::Deserialize;

use crate::KitInput;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FallbackRole {
    id: String,
    title: String,
    family: RoleFamily,
    hard_skills: Vec<String>,
    soft_skills: Vec<String>,
    focus: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FallbackFile {
    role: Vec<FallbackRole>,
}

fn fallback() -> &'static [FallbackRole] {
    static ROLES: OnceLock<Vec<FallbackRole>> = OnceLock::new();
    ROLES.get_or_init(|| {
        match toml::from_str::<FallbackFile>(include_str!("../data/fallback_roles.toml")) {
            Ok(f) => f.role,
            Err(e) => panic!("crates/kits/data/fallback_roles.toml is malformed: {e}"),
        }
    })
}

/// A role id that names no role, with the closest known ids.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("unknown role {id:?}{}", suggest(.suggestions))]
pub struct UnknownRole {
    pub id: String,
    pub suggestions: Vec<String>,
}

fn suggest(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", s.join(", "))
    }
}

/// Ids of the roles `role_input` knows.
pub fn role_ids() -> Vec<&'static str> {
    fallback().iter().map(|r| r.id.as_str()).collect()
}

/// The kit input for a role id (case-insensitive). TEMPORARY: replaced by hirekit-roles on merge.
pub fn role_input(id: &str) -> Result<KitInput, UnknownRole> {
    let want = id.trim().to_lowercase();
    match fallback().iter().find(|r| r.id == want) {
        Some(r) => Ok(KitInput {
            role_id: r.id.clone(),
            role_title: r.title.clone(),
            role_family: r.family,
            hard_skills: r.hard_skills.clone(),
            soft_skills: r.soft_skills.clone(),
            focus: r.focus.clone(),
        }),
        None => Err(UnknownRole {
            id: id.to_string(),
            suggestions: close_matches(&want, &role_ids()),
        }),
    }
}

/// Known ids within a small edit distance of `want`, or sharing a word with it; best first, at most 3.
pub fn close_matches(want: &str, known: &[&str]) -> Vec<String> {
    let words: Vec<&str> = want
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3)
        .collect();
    let mut scored: Vec<(usize, &str)> = known
        .iter()
        .filter_map(|k| {
            let d = edit_distance(want, k);
            let shared = words.iter().any(|w| {
                k.split('-')
                    .any(|p| p == *w || (w.len() >= 4 && p.starts_with(w)))
            });
            let close = d <= (k.len() / 3).max(2);
            (close || shared).then_some((if close { d } else { 100 + d }, *k))
        })
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(3)
        .map(|(_, k)| k.to_string())
        .collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().take(200).enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}
