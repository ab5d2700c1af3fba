//! The curated skills table (`data/skills.tsv`) and the matcher built from it.
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../data/skills.tsv");

/// One skill of the taxonomy.
#[derive(Debug, Clone)]
pub struct Skill {
    /// Canonical name ("PostgreSQL").
    pub name: &'static str,
    /// "language", "framework", "database", "cloud", "devops", "data", "ml", "testing",
    /// "mobile", "security", "methodology", "tool", "design", "os", "protocol",
    /// "embedded", "frontend" or "other".
    pub category: &'static str,
    /// Alias spellings as written in the table (without their rule prefixes).
    pub aliases: Vec<&'static str>,
}

/// How the written form of an alias must look.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Case {
    Any,
    /// Exactly as in the table ("Go", "R", "REST").
    Exact,
    /// First letter capital ("Rust", not "rust").
    Capital,
}

#[derive(Debug, Clone)]
pub struct Alias {
    pub skill: u16,
    pub text: &'static str,
    pub case: Case,
    /// Needs technical context around it (see `context`).
    pub ctx: bool,
}

pub struct Taxonomy {
    pub skills: Vec<Skill>,
    pub aliases: Vec<Alias>,
    /// For each automaton pattern, the aliases that share its lowercase form.
    pub by_pattern: Vec<Vec<u32>>,
    pub ac: AhoCorasick,
    /// Lowercase alias or squashed name → skill, for `canonical_skill`.
    pub lookup: HashMap<String, u16>,
    pub by_name: HashMap<&'static str, u16>,
}

/// Letters, digits, '+' and '#' only, lowercased: "Node JS" / "node.js" → "nodejs".
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || *c == '+' || *c == '#')
        .flat_map(char::to_lowercase)
        .collect()
}

fn parse_alias(raw: &'static str) -> (&'static str, Case, bool) {
    let mut s = raw;
    let mut ctx = false;
    let mut case = Case::Any;
    loop {
        if let Some(r) = s.strip_prefix('~') {
            ctx = true;
            s = r;
        } else if let Some(r) = s.strip_prefix('=') {
            case = Case::Exact;
            s = r;
        } else if let Some(r) = s.strip_prefix('^') {
            case = Case::Capital;
            s = r;
        } else {
            break;
        }
    }
    (s, case, ctx)
}

impl Taxonomy {
    fn load() -> Taxonomy {
        let mut skills = Vec::new();
        let mut aliases: Vec<Alias> = Vec::new();
        for line in TABLE.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 2 {
                continue;
            }
            let id = skills.len() as u16;
            let raw: Vec<&'static str> = f.get(2).map(|a| a.split('|').filter(|a| !a.is_empty()).collect()).unwrap_or_default();
            let parsed: Vec<_> = raw.iter().filter(|a| **a != "-").map(|a| parse_alias(a)).collect();
            let no_canonical = raw.contains(&"-") || parsed.iter().any(|(t, _, _)| t.eq_ignore_ascii_case(f[0]));
            let mut names = Vec::new();
            if !no_canonical {
                aliases.push(Alias { skill: id, text: f[0], case: Case::Any, ctx: false });
            }
            for (text, case, ctx) in parsed {
                names.push(text);
                aliases.push(Alias { skill: id, text, case, ctx });
            }
            skills.push(Skill { name: f[0], category: f[1], aliases: names });
        }
        let mut pat_index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut by_pattern: Vec<Vec<u32>> = Vec::new();
        for (i, a) in aliases.iter().enumerate() {
            let p = a.text.to_ascii_lowercase();
            let k = *pat_index.entry(p.clone()).or_insert_with(|| {
                patterns.push(p);
                by_pattern.push(Vec::new());
                by_pattern.len() - 1
            });
            by_pattern[k].push(i as u32);
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("skill patterns build");
        let mut lookup = HashMap::new();
        let mut by_name = HashMap::new();
        for (i, s) in skills.iter().enumerate() {
            by_name.insert(s.name, i as u16);
        }
        // Canonical names first so an alias never shadows another skill's own name.
        for (i, s) in skills.iter().enumerate() {
            lookup.insert(s.name.to_lowercase(), i as u16);
            lookup.entry(squash(s.name)).or_insert(i as u16);
        }
        for a in &aliases {
            lookup.entry(a.text.to_lowercase()).or_insert(a.skill);
            lookup.entry(squash(a.text)).or_insert(a.skill);
        }
        Taxonomy { skills, aliases, by_pattern, ac, lookup, by_name }
    }
}

pub fn taxonomy() -> &'static Taxonomy {
    static T: OnceLock<Taxonomy> = OnceLock::new();
    T.get_or_init(Taxonomy::load)
}
