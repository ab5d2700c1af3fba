//! Skills taxonomy with aliases, and skill extraction from text.
//!
//! Extraction runs one Aho-Corasick pass over an ASCII-lowercased copy of the text (same
//! byte offsets as the original), then checks each hit against the original: word
//! boundaries, the alias's case rule, and for ambiguous names ("Go", "R", "C", "Chef",
//! "Spring") a technical context.
mod context;
mod lines;
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
    t.by_name
        .get(canonical)
        .map(|&i| t.skills[i as usize].category)
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
        // "node.js" must not yield "node"; "Python." at a sentence end (even with a
        // missing space: "Go.Professional") is fine.
        if last.is_ascii_alphanumeric()
            && n == b'.'
            && text
                .get(end + 1)
                .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        {
            return false;
        }
    }
    true
}

/// Whether the written form fits the alias's case rule: Some(true) fits, Some(false) fits
/// only with technical context (a lowercase "spring" in "Java, spring, Hibernate"), None never.
fn case_ok(orig: &str, alias: &str, case: Case) -> Option<bool> {
    match case {
        Case::Any => Some(true),
        Case::Exact => (orig == alias).then_some(true),
        Case::Capital => Some(orig.chars().next().is_some_and(|c| c.is_uppercase())),
    }
}

/// Inside a URL or e-mail-like token ("https://x.com/devops-engineer", "www.python.org").
fn in_url(text: &[u8], start: usize, end: usize) -> bool {
    let mut s = start;
    while s > 0 && !text[s - 1].is_ascii_whitespace() && start - s < 200 {
        s -= 1;
    }
    let mut e = end;
    while e < text.len() && !text[e].is_ascii_whitespace() && e - end < 200 {
        e += 1;
    }
    let tok = &text[s..e];
    let url =
        memchr::memchr_iter(b':', tok).any(|p| tok.get(p + 1..p + 3) == Some(b"//".as_slice()));
    url || tok
        .get(..4)
        .is_some_and(|h| h.eq_ignore_ascii_case(b"www."))
        || tok
            .get(..5)
            .is_some_and(|h| h.eq_ignore_ascii_case(b"(www."))
}

/// "Special Access Programs (SAP)": an acronym being defined, not the product.
fn acronym_definition(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    if start == 0 || b[start - 1] != b'(' || b.get(end) != Some(&b')') {
        return false;
    }
    let acro: Vec<u8> = text[start..end]
        .bytes()
        .filter(|c| c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let words: Vec<&str> = text[..start - 1]
        .split_whitespace()
        .rev()
        .take(acro.len())
        .collect();
    if words.len() < acro.len() || acro.len() < 2 {
        return false;
    }
    words.iter().rev().zip(&acro).all(|(w, a)| {
        w.bytes()
            .find(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            == Some(*a)
    })
}

/// Longest text scanned; longer inputs are cut (at a char boundary) to bound the work.
const MAX_TEXT: usize = 1 << 20;

/// Skills mentioned in free text, in order of first mention, each once.
pub fn extract_skills(text: &str) -> Vec<SkillMatch> {
    let mut seen: Vec<&'static str> = Vec::new();
    let mut out = skill_mentions(text);
    out.retain(|m| {
        let new = !seen.contains(&m.skill);
        if new {
            seen.push(m.skill);
        }
        new
    });
    out
}

/// Every accepted mention of a skill, in text order (a skill named twice appears twice).
/// Context rules see the whole text, so a caller that reads a text piece by piece (line by
/// line, as criteria derivation does) can take the mentions of the whole text and map them
/// to its pieces: a bullet "- Go" alone has no context, under "- PostgreSQL" it has.
pub fn skill_mentions(text: &str) -> Vec<SkillMatch> {
    let mut cut = text.len().min(MAX_TEXT);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let text = &text[..cut];
    let t = taxonomy();
    let hay = taxonomy::haystack(text);
    let bytes = text.as_bytes();
    let mut hits: Vec<(usize, usize, &[u32])> = Vec::with_capacity(128);
    // Run the automaton, anchored, only at word starts whose word can begin an alias.
    let n = hay.len();
    let mut i = 1;
    while i < n {
        if hay[i] == b' ' {
            i += 1;
            continue;
        }
        let ws = i - 1;
        let (word_end, hash) = taxonomy::scan_word(&hay, i);
        // One-letter word ("C", or "R." ending a sentence).
        if word_end == i + 1 || word_end == i + 2 && hay[i + 1] == b'.' {
            // Only exact-case one-letter aliases ("C", "R") can match.
            for ai in &t.single {
                if t.aliases[*ai as usize].text.as_bytes() == [bytes[i - 1]]
                    && boundary_ok(bytes, i - 1, i)
                {
                    hits.push((i - 1, i, std::slice::from_ref(ai)));
                }
            }
        }
        if !t.may_start(&hay[i..word_end], hash) {
            i = word_end;
            continue;
        }
        i = word_end;
        let Some((pattern, m_end)) = t.longest_at(&hay, ws) else {
            continue;
        };
        // Haystack offsets are text offsets + 1; the pattern's leading space stands for
        // the character before the word.
        let (s, e) = (ws, m_end - 1);
        if s < e && text.is_char_boundary(s) && text.is_char_boundary(e) && boundary_ok(bytes, s, e)
        {
            hits.push((s, e, &t.by_pattern[pattern]));
            i = i.max(m_end);
        }
    }
    let mut cands: Vec<context::Cand> = Vec::with_capacity(hits.len());
    for (s, e, alias_ids) in hits {
        let orig = &text[s..e];
        for &ai in alias_ids {
            let a = &t.aliases[ai as usize];
            if let Some(fits) = case_ok(orig, a.text, a.case) {
                if in_url(bytes, s, e) || a.case == Case::Exact && acronym_definition(text, s, e) {
                    break;
                }
                let ctx = a.ctx || !fits;
                cands.push(context::Cand {
                    start: s,
                    end: e,
                    skill: a.skill,
                    ctx,
                    ok: !ctx,
                });
                break;
            }
        }
    }
    context::resolve(text, cands)
        .into_iter()
        .map(|c| SkillMatch {
            skill: t.skills[c.skill as usize].name,
            start: c.start,
            end: c.end,
        })
        .collect()
}
