//! Skills taxonomy with aliases, and skill extraction from text.
//!
//! Extraction runs one Aho-Corasick pass over an ASCII-lowercased copy of the text (same
//! byte offsets as the original), then checks each hit against the original: word
//! boundaries, the alias's case rule, and for ambiguous names ("Go", "R", "C", "Chef",
//! "Spring") a technical context.
mod context;
mod taxonomy;

use serde::Serialize;
pub use taxonomy::Skill;
use taxonomy::{squash, taxonomy, Case};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillMatch {
    /// Canonical skill name ("Kubernetes").
    pub skill: &'static str,
    /// Byte offsets of the matched text.
    pub start: usize,
    pub end: usize,
}

/// Canonical name for a skill or alias ("k8s" → "Kubernetes"). Case rules of the text
/// matcher do not apply here: the input is taken to name a skill.
pub fn canonical_skill(name: &str) -> Option<&'static str> {
    let t = taxonomy();
    let trimmed = name.trim();
    if trimmed.is_empty() || trimmed.len() > 100 {
        return None;
    }
    let lower = trimmed.to_lowercase();
    let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    let id = t.lookup.get(&lower).or_else(|| {
        let sq = squash(&lower);
        if sq.is_empty() {
            None
        } else {
            t.lookup.get(&sq)
        }
    })?;
    Some(t.skills[*id as usize].name)
}

/// Category of a canonical skill name ("Kubernetes" → "devops").
pub fn skill_category(canonical: &str) -> Option<&'static str> {
    let t = taxonomy();
    t.by_name.get(canonical).map(|&i| t.skills[i as usize].category)
}

/// The whole taxonomy, in table order.
pub fn all_skills() -> &'static [Skill] {
    &taxonomy().skills
}

/// Whether byte `b` continues a word (so a match next to it is part of a longer word).
fn wordish(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

fn boundary_ok(text: &[u8], start: usize, end: usize) -> bool {
    let first = text[start];
    let last = text[end - 1];
    if start > 0 {
        let p = text[start - 1];
        if first.is_ascii_alphanumeric() {
            if wordish(p) || p == b'@' || p == b'$' {
                return false;
            }
            // "www.python.org", "foo.js": a dot glued to a word before.
            if p == b'.' && start >= 2 && text[start - 2].is_ascii_alphanumeric() {
                return false;
            }
        } else if wordish(p) {
            return false;
        }
    }
    if end < text.len() {
        let n = text[end];
        if wordish(n) || n == b'+' || n == b'#' || n == b'@' {
            return false;
        }
        // "node.js" must not yield "node"; "Python." at a sentence end is fine.
        if last.is_ascii_alphanumeric() && n == b'.' && text.get(end + 1).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return false;
        }
    }
    true
}

fn case_ok(orig: &str, alias: &str, case: Case) -> bool {
    match case {
        Case::Any => true,
        Case::Exact => orig == alias,
        Case::Capital => orig.chars().next().is_some_and(|c| c.is_uppercase()),
    }
}

/// Longest text scanned; longer inputs are cut (at a char boundary) to bound the work.
const MAX_TEXT: usize = 1 << 20;

/// Skills mentioned in free text, in order of first mention, each once.
pub fn extract_skills(text: &str) -> Vec<SkillMatch> {
    let mut cut = text.len().min(MAX_TEXT);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let text = &text[..cut];
    let t = taxonomy();
    let lower = text.to_ascii_lowercase();
    let bytes = text.as_bytes();
    let mut cands: Vec<context::Cand> = Vec::new();
    for m in t.ac.find_overlapping_iter(&lower) {
        let (s, e) = (m.start(), m.end());
        if !text.is_char_boundary(s) || !text.is_char_boundary(e) || !boundary_ok(bytes, s, e) {
            continue;
        }
        let orig = &text[s..e];
        for &ai in &t.by_pattern[m.pattern().as_usize()] {
            let a = &t.aliases[ai as usize];
            if case_ok(orig, a.text, a.case) {
                cands.push(context::Cand { start: s, end: e, skill: a.skill, ctx: a.ctx, ok: !a.ctx });
                break;
            }
        }
    }
    let kept = context::resolve(text, cands);
    let mut seen: Vec<u16> = Vec::new();
    let mut out = Vec::new();
    for c in kept {
        if seen.contains(&c.skill) {
            continue;
        }
        seen.push(c.skill);
        out.push(SkillMatch { skill: t.skills[c.skill as usize].name, start: c.start, end: c.end });
    }
    out
}
