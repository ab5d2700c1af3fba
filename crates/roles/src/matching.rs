//! Posting title → role. Each role lists the titles that map to it; a posting title matches
//! a listed title when the listed words appear in it in order (at most one other word between
//! two of them, never across a `-`, `,`, `|` or `(` segment break). Rarer words weigh more
//! (inverse document frequency over the roles), so "Backend Software Engineer" goes to the
//! backend engineer rather than the generic software engineer. Level words weigh half: a
//! "Staff Data Engineer" is a data engineer at staff level, not the staff engineer role.
//! When the title normalizer finds no technical family, a listed title must be the whole title
//! ("Business Development Manager" is not an engineering manager). With no listed title found,
//! the normalizer's family picks the family's default role.

use std::collections::HashMap;
use std::sync::OnceLock;

use hirekit_model::title::normalize_title;
use hirekit_model::{RoleFamily, Seniority};

use crate::{all, Role};

/// Marks a segment break in a tokenized title.
const BREAK: &str = "|";

/// Words that say nothing about the role on their own.
const GENERIC: &[&str] = &[
    "engineer",
    "manager",
    "senior",
    "junior",
    "staff",
    "principal",
    "lead",
    "head",
];

const LEVEL_WORDS: &[&str] = &[
    "senior",
    "junior",
    "staff",
    "principal",
    "lead",
    "distinguished",
    "i",
    "ii",
    "iii",
    "iv",
    "1",
    "2",
    "3",
    "4",
];

struct Index {
    /// (role index in `all()`, words of one listed title)
    phrases: Vec<(usize, Vec<String>)>,
    idf: HashMap<String, f64>,
}

fn index() -> &'static Index {
    static I: OnceLock<Index> = OnceLock::new();
    I.get_or_init(|| {
        let roles = all();
        let mut phrases = Vec::new();
        let mut df: HashMap<String, usize> = HashMap::new();
        for (i, r) in roles.iter().enumerate() {
            let mut seen: Vec<String> = Vec::new();
            for t in r.titles.iter().chain(std::iter::once(&r.title)) {
                let words: Vec<String> = tokens(t).into_iter().filter(|w| w != BREAK).collect();
                // A listed title of only generic words would match nearly any posting.
                if words.iter().all(|w| GENERIC.contains(&w.as_str())) {
                    continue;
                }
                for w in &words {
                    if !seen.contains(w) {
                        seen.push(w.clone());
                    }
                }
                phrases.push((i, words));
            }
            for w in seen {
                *df.entry(w).or_default() += 1;
            }
        }
        let n = roles.len().max(1) as f64;
        let idf = df
            .into_iter()
            .map(|(w, d)| (w, (1.0 + n / d as f64).ln()))
            .collect();
        Index { phrases, idf }
    })
}

/// Lowercased words with spelling variants folded ("front-end" → frontend, "Sr." → senior,
/// "developer" → engineer) and `|` where the title changes segment.
pub(crate) fn tokens(title: &str) -> Vec<String> {
    let lower = title.to_lowercase();
    let mut raw: Vec<&str> = Vec::new();
    let mut start = None;
    for (i, c) in lower.char_indices() {
        let word_char = c.is_alphanumeric() || c == '+' || c == '#';
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                raw.push(&lower[s..i]);
                start = None;
            }
            _ => {}
        }
        if matches!(c, ',' | '|' | '(' | ')' | '–' | '—' | ':' | ';') {
            raw.push(BREAK);
        }
        // " - " (spaced dash) separates segments; "front-end" does not.
        if c == '-' && lower[..i].ends_with(' ') {
            raw.push(BREAK);
        }
    }
    if let Some(s) = start {
        raw.push(&lower[s..]);
    }
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let w = raw[i];
        let next = raw.get(i + 1).copied().unwrap_or("");
        let joined = match (w, next) {
            ("front", "end") => Some("frontend"),
            ("back", "end") => Some("backend"),
            ("full", "stack") => Some("fullstack"),
            ("dev", "ops") => Some("devops"),
            ("sec", "ops") => Some("secops"),
            ("dev", "sec") if raw.get(i + 2) == Some(&"ops") => {
                out.push("devsecops".into());
                i += 3;
                continue;
            }
            ("data", "base") => Some("database"),
            ("fire", "ware") => Some("firmware"),
            ("block", "chain") => Some("blockchain"),
            _ => None,
        };
        if let Some(j) = joined {
            out.push(j.into());
            i += 2;
            continue;
        }
        match w {
            "sr" | "snr" => out.push("senior".into()),
            "jr" | "jnr" => out.push("junior".into()),
            "eng" | "engr" | "developer" | "dev" | "programmer" | "engineers" | "developers" => {
                out.push("engineer".into())
            }
            "mgr" => out.push("manager".into()),
            "ml" => out.extend(["machine".into(), "learning".into()]),
            "swe" => out.extend(["software".into(), "engineer".into()]),
            "sre" => out.extend(["site".into(), "reliability".into(), "engineer".into()]),
            "dba" => out.extend(["database".into(), "administrator".into()]),
            "tech" => out.push("technical".into()),
            "&" | "and" | "of" | "the" | "a" | "for" | "in" | "m" | "f" | "w" | "d" | "h" | "x" => {
            }
            _ => out.push(w.to_string()),
        }
        i += 1;
    }
    out
}

/// How well title word `t` stands for listed word `w`: 1 for the same word, less for
/// "engineering" standing for "engineer" ("Site Reliability Engineering" is the SRE role).
fn word_match(w: &str, t: &str) -> Option<f64> {
    if w == t {
        Some(1.0)
    } else if w == "engineer" && t == "engineering" {
        Some(0.85)
    } else {
        None
    }
}

/// Score of a listed title's words found in order in the posting's words, or None.
fn phrase_score(phrase: &[String], title: &[String], idf: &HashMap<String, f64>) -> Option<f64> {
    let mut best: Option<f64> = None;
    // Try each place the first word occurs.
    for start in 0..title.len() {
        let Some(first) = word_match(&phrase[0], &title[start]) else {
            continue;
        };
        let mut pos = start;
        let mut factor = first;
        let mut ok = true;
        for w in &phrase[1..] {
            let mut found = None;
            for (k, t) in title.iter().enumerate().skip(pos + 1).take(2) {
                if t == BREAK {
                    break;
                }
                if let Some(f) = word_match(w, t) {
                    found = Some((k, f));
                    break;
                }
            }
            match found {
                Some((k, f)) => {
                    // One word between two listed words costs a little.
                    factor *= f * 0.9f64.powi((k - pos - 1) as i32);
                    pos = k;
                }
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            let weight: f64 = phrase
                .iter()
                .map(|w| {
                    let x = idf.get(w).copied().unwrap_or(1.0);
                    if LEVEL_WORDS.contains(&w.as_str()) {
                        x * 0.5
                    } else {
                        x
                    }
                })
                .sum();
            let s = weight * factor;
            best = Some(best.map_or(s, |b: f64| b.max(s)));
        }
    }
    best
}

/// Whether the listed title is the whole first segment of the posting title, level words
/// aside ("Senior Sales Engineer - Remote" is exactly "Sales Engineer").
fn whole_title(phrase: &[String], title: &[String]) -> bool {
    let not_level = |w: &&String| !LEVEL_WORDS.contains(&w.as_str());
    let mut seg: Vec<&String> = title
        .iter()
        .take_while(|w| *w != BREAK)
        .filter(not_level)
        .collect();
    let mut p: Vec<&String> = phrase.iter().filter(not_level).collect();
    seg.sort();
    p.sort();
    seg == p
}

/// The role a posting title belongs to, or None when it is not a role of the library
/// (e.g. "Account Executive").
pub fn match_title(title: &str) -> Option<&'static Role> {
    if title.len() > 500 {
        return match_title(&title[..title.floor_char_boundary(500)]);
    }
    let roles = all();
    let ix = index();
    let words = tokens(title);
    let info = normalize_title(title);
    let mut best: Option<(f64, usize)> = None;
    for (i, phrase) in &ix.phrases {
        if let Some(mut s) = phrase_score(phrase, &words, &ix.idf) {
            let family = roles[*i].role_family;
            // The normalizer sees no technical role here ("Business Development Manager"):
            // only a listed title that is the whole title counts ("Solutions Engineer").
            if info.role_family == RoleFamily::Other
                && family != RoleFamily::Other
                && !whole_title(phrase, &words)
            {
                continue;
            }
            if family == info.role_family {
                s *= 1.15;
            }
            if best.is_none_or(|(b, _)| s > b) {
                best = Some((s, *i));
            }
        }
    }
    if let Some((_, i)) = best {
        // "Software Engineer - Backend": the generic role yields to the specific family the
        // normalizer read from the rest of the title.
        if roles[i].id == "software-engineer" && SPECIFIC.contains(&info.role_family) {
            if let Some(r) =
                family_default(info.role_family, info.seniority).and_then(|id| crate::get(id).ok())
            {
                return Some(r);
            }
        }
        return Some(&roles[i]);
    }
    let analyst = words.iter().any(|w| w == "analyst" || w == "analytics");
    let id = match info.role_family {
        // Analysts and analytics specialists outnumber scientists among data-science titles.
        RoleFamily::DataScience if analyst && !words.iter().any(|w| w == "scientist") => {
            Some("data-analyst")
        }
        f => family_default(f, info.seniority),
    };
    id.and_then(|id| crate::get(id).ok())
}

/// Families precise enough to override a match on the generic "Software Engineer" (not
/// devops: "Software Engineer, Platform" is as often product work as infrastructure).
const SPECIFIC: &[RoleFamily] = &[
    RoleFamily::Backend,
    RoleFamily::Frontend,
    RoleFamily::Fullstack,
    RoleFamily::Mobile,
    RoleFamily::DataEngineering,
    RoleFamily::MachineLearning,
    RoleFamily::Security,
    RoleFamily::Qa,
    RoleFamily::Embedded,
];

/// The role that stands for a whole family when no listed title matched.
fn family_default(f: RoleFamily, level: Option<Seniority>) -> Option<&'static str> {
    Some(match f {
        RoleFamily::Backend => "backend-engineer",
        RoleFamily::Frontend => "frontend-engineer",
        RoleFamily::Fullstack => "full-stack-engineer",
        RoleFamily::Software => match level {
            Some(Seniority::Staff) => "staff-engineer",
            Some(Seniority::Principal) => "principal-engineer",
            _ => "software-engineer",
        },
        RoleFamily::Mobile => "mobile-engineer",
        RoleFamily::Devops => "devops-engineer",
        RoleFamily::DataEngineering => "data-engineer",
        RoleFamily::DataScience => "data-scientist",
        RoleFamily::MachineLearning => "machine-learning-engineer",
        RoleFamily::Security => "security-engineer",
        RoleFamily::Qa => "qa-engineer",
        RoleFamily::Embedded => "embedded-engineer",
        RoleFamily::Architecture => "solutions-architect",
        RoleFamily::EngineeringManagement => match level {
            Some(Seniority::Head) => "director-of-engineering",
            _ => "engineering-manager",
        },
        RoleFamily::ProductManagement => "technical-product-manager",
        RoleFamily::Design => "product-designer",
        RoleFamily::Other => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::tokens;

    #[test]
    fn folds_spellings_and_marks_segments() {
        assert_eq!(
            tokens("Sr. Front-End Developer"),
            ["senior", "frontend", "engineer"]
        );
        assert_eq!(
            tokens("Software Engineer - Backend"),
            ["software", "engineer", "|", "backend"]
        );
        assert_eq!(
            tokens("SRE (m/w/d)"),
            ["site", "reliability", "engineer", "|", "|"]
        );
    }
}
