//! Skills taxonomy with aliases, and skill extraction from text.
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillMatch {
    /// Canonical skill name ("Kubernetes").
    pub skill: &'static str,
    /// Byte offsets of the matched text.
    pub start: usize,
    pub end: usize,
}

/// Canonical name for a skill or alias ("k8s" → "Kubernetes").
pub fn canonical_skill(_name: &str) -> Option<&'static str> {
    None
}

/// Skills mentioned in free text, in order of first mention, each once.
pub fn extract_skills(_text: &str) -> Vec<SkillMatch> {
    Vec::new()
}
