//! Role resolution for the CLI and the server: kits are built for the roles of the role
//! library (`hirekit-roles`); `role_input` is the one function both call.

use crate::KitInput;

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
    hirekit_roles::all().iter().map(|r| r.id.as_str()).collect()
}

/// The kit input for a role of the library (case-insensitive id).
pub fn role_input(id: &str) -> Result<KitInput, UnknownRole> {
    match hirekit_roles::get(id) {
        Ok(r) => Ok(KitInput {
            role_id: r.id.clone(),
            role_title: r.title.clone(),
            role_family: r.role_family,
            hard_skills: r.hard_skills.clone(),
            soft_skills: r.soft_skills.clone(),
            focus: r.interview_focus.clone(),
        }),
        Err(e) => Err(UnknownRole { id: id.to_string(), suggestions: e.close_matches }),
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
