//! The curated skills table (`data/skills.tsv`) and the matcher built from it.
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};
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
    /// Leftmost-longest automaton over all patterns (contiguous NFA: ~120 KB, stays in
    /// cache, unlike the 2 MB DFA), walked by hand, anchored, at word starts
    /// (the `AhoCorasick` wrapper's per-search setup dominated at ~100 searches per text).
    dfa: NFA,
    /// Lowercase alias or squashed name → skill, for `canonical_skill`.
    pub lookup: HashMap<String, u16>,
    pub by_name: HashMap<&'static str, u16>,
    /// Aliases one character long (matched by `single_letter_hits`).
    pub single: Vec<u32>,
    /// Bit set (hashed) of the first words of all patterns: a word of the text that is
    /// not the first word of some alias cannot start a match, so the automaton is only
    /// run where one might.
    first_words: Vec<u64>,
}

/// Hash of a word for the first-word filter: its first 8 bytes and its length.
fn word_key(w: &[u8]) -> usize {
    let head = match w.get(..8) {
        Some(h) => u64::from_le_bytes([h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]]),
        None => w.iter().rev().fold(0u64, |k, &c| k << 8 | c as u64),
    };
    let x = (head ^ ((w.len() as u64) << 56)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (x >> 48) as usize
}

/// End of the haystack word starting at `i`, and its `word_key`.
#[inline]
pub fn scan_word(hay: &[u8], i: usize) -> (usize, usize) {
    let j = hay[i..]
        .iter()
        .position(|&c| c == b' ')
        .map_or(hay.len(), |p| i + p);
    (j, word_key(&hay[i..j]))
}

impl Taxonomy {
    /// The longest pattern starting exactly at `start` (a space in the haystack):
    /// (pattern index, end offset).
    #[inline]
    pub fn longest_at(&self, hay: &[u8], start: usize) -> Option<(usize, usize)> {
        let d = &self.dfa;
        let mut sid = d.start_state(Anchored::Yes).ok()?;
        let mut found = None;
        for (at, &b) in hay.iter().enumerate().skip(start) {
            sid = d.next_state(Anchored::Yes, sid, b);
            if d.is_special(sid) {
                if d.is_dead(sid) {
                    break;
                }
                if d.is_match(sid) {
                    found = Some((d.match_pattern(sid, 0).as_usize(), at + 1));
                }
            }
        }
        found
    }

    fn has_key(&self, k: usize) -> bool {
        self.first_words[k >> 6] & (1 << (k & 63)) != 0
    }

    /// Whether some alias may start with the haystack word `w` (bytes up to the next
    /// space; `key` is its `word_key`). Sentence dots and possessives are not part of the
    /// name: "Python." and "Django's" are looked up as "python" and "django", and
    /// "Go.Professional" (a missing space) as "go".
    #[inline]
    pub fn may_start(&self, w: &[u8], key: usize) -> bool {
        if self.has_key(key) {
            return true;
        }
        let mut v = w;
        if let [.., b'\'', b's'] = v {
            v = &v[..v.len() - 2];
        }
        while let [rest @ .., b'.' | b'\''] = v {
            v = rest;
        }
        if !v.is_empty() && v.len() < w.len() && self.has_key(word_key(v)) {
            return true;
        }
        v.iter()
            .position(|&c| c == b'.')
            .is_some_and(|p| p > 0 && self.has_key(word_key(&v[..p])))
    }
}

/// The haystack form of text: ASCII lowercase, and every byte that cannot be part of an
/// alias (space, punctuation other than `+ # . & ' _ @`) becomes a space. A leading space
/// is added, so a pattern " go" matches only at a word start. Byte offsets stay aligned
/// (haystack index = text index + 1).
pub fn haystack(text: &str) -> Vec<u8> {
    let mut h = Vec::with_capacity(text.len() + 1);
    h.push(b' ');
    h.extend(text.bytes().map(norm_byte));
    h
}

fn norm_byte(b: u8) -> u8 {
    match b {
        b'A'..=b'Z' => b + 32,
        b'a'..=b'z'
        | b'0'..=b'9'
        | b'+'
        | b'#'
        | b'.'
        | b'&'
        | b'\''
        | b'_'
        | b'@'
        | 0x80..=0xff => b,
        _ => b' ',
    }
}

/// An alias as an automaton pattern: haystack-normalized, with a leading space (the
/// automaton is only started at word starts).
fn pattern_form(alias: &str) -> String {
    let body: String = alias.bytes().map(|b| norm_byte(b) as char).collect();
    format!(" {body}")
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
        for line in TABLE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 2 {
                continue;
            }
            let id = skills.len() as u16;
            let raw: Vec<&'static str> = f
                .get(2)
                .map(|a| a.split('|').filter(|a| !a.is_empty()).collect())
                .unwrap_or_default();
            let parsed: Vec<_> = raw
                .iter()
                .filter(|a| **a != "-")
                .map(|a| parse_alias(a))
                .collect();
            let no_canonical =
                raw.contains(&"-") || parsed.iter().any(|(t, _, _)| t.eq_ignore_ascii_case(f[0]));
            let mut names = Vec::new();
            if !no_canonical {
                aliases.push(Alias {
                    skill: id,
                    text: f[0],
                    case: Case::Any,
                    ctx: false,
                });
            }
            for (text, case, ctx) in parsed {
                names.push(text);
                aliases.push(Alias {
                    skill: id,
                    text,
                    case,
                    ctx,
                });
            }
            skills.push(Skill {
                name: f[0],
                category: f[1],
                aliases: names,
            });
        }
        let mut pat_index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut by_pattern: Vec<Vec<u32>> = Vec::new();
        let mut single = Vec::new();
        for (i, a) in aliases.iter().enumerate() {
            // One-letter names ("C", "R") are found by a byte scan instead: as patterns they
            // would hit every word starting with that letter.
            if a.text.len() == 1 {
                single.push(i as u32);
                continue;
            }
            let p = pattern_form(a.text);
            let k = *pat_index.entry(p.clone()).or_insert_with(|| {
                patterns.push(p);
                by_pattern.push(Vec::new());
                by_pattern.len() - 1
            });
            by_pattern[k].push(i as u32);
        }
        let dfa = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("skill patterns build");
        let mut first_words = vec![0u64; 1024];
        for p in &patterns {
            let body = &p.as_bytes()[1..];
            let w = body.split(|&c| c == b' ').next().unwrap_or(body);
            let k = word_key(w);
            first_words[k >> 6] |= 1 << (k & 63);
        }
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
        Taxonomy {
            skills,
            aliases,
            by_pattern,
            dfa,
            lookup,
            by_name,
            single,
            first_words,
        }
    }
}

pub fn taxonomy() -> &'static Taxonomy {
    static T: OnceLock<Taxonomy> = OnceLock::new();
    T.get_or_init(Taxonomy::load)
}
