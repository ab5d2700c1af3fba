//! Criteria × one profile → evidence for every criterion, coverage and knock-outs.
//!
//! Coverage weights (share of the criteria met, 0–1):
//! must-have 2 each · nice-to-have its weight · minimum total years 1.5 (partial credit
//! years/required) · minimum years with a skill 1.5 each (partial) · seniority range 1
//! (half credit one level off) · title keywords 1 (share found in job titles) · location 1 ·
//! education 1 · salary ceiling 1 (only when the resume states an expectation).

use crate::concepts::{resolve, Concept};
use crate::criteria::{Criteria, LocationRule, SalaryCeiling};
use crate::result::Evidence;
use crate::text::{find_word_all, snippet, Snippet};
use hirekit_model::location::{country_code, normalize_location};
use hirekit_model::profile::{Profile, ProfileSkill};
use hirekit_model::Seniority;
use regex::Regex;
use std::sync::OnceLock;

pub const W_MUST: f32 = 2.0;
pub const W_TOTAL_YEARS: f32 = 1.5;
pub const W_YEARS_WITH: f32 = 1.5;
pub const W_SENIORITY: f32 = 1.0;
pub const W_TITLE: f32 = 1.0;
pub const W_LOCATION: f32 = 1.0;
pub const W_EDUCATION: f32 = 1.0;
pub const W_SALARY: f32 = 1.0;

/// Snippets shown per criterion.
const MAX_SNIPPETS: usize = 3;

/// Criteria resolved once per ranking.
pub struct Plan {
    pub must: Vec<(String, Vec<Concept>)>,
    /// Missing must-haves tolerated before a knock-out.
    pub max_missing: usize,
    pub nice: Vec<(Concept, f32)>,
    pub years_with: Vec<(Concept, f32)>,
    pub min_total_years: Option<f32>,
    pub seniority: Option<(Seniority, Seniority)>,
    pub title_keywords: Vec<String>,
    pub location: Option<(LocationRule, Vec<String>)>,
    pub education: Option<(String, u8)>,
    pub salary: Option<SalaryCeiling>,
}

impl Plan {
    pub fn new(c: &Criteria) -> Plan {
        Plan {
            must: c
                .must_have
                .iter()
                .map(|r| {
                    (
                        r.label(),
                        r.alternatives.iter().map(|a| resolve(a)).collect(),
                    )
                })
                .collect(),
            max_missing: c.max_missing_must_haves as usize,
            nice: c
                .nice_to_have
                .iter()
                .map(|w| (resolve(&w.skill), w.weight))
                .collect(),
            years_with: c
                .min_years_with
                .iter()
                .map(|(s, y)| (resolve(s), *y))
                .collect(),
            min_total_years: c.min_total_years,
            seniority: c.seniority,
            title_keywords: c
                .title_keywords
                .iter()
                .map(|k| k.trim().to_lowercase())
                .filter(|k| !k.is_empty())
                .collect(),
            location: c.location.as_ref().map(|l| {
                let codes = l
                    .countries
                    .iter()
                    .filter_map(|c| country_iso(c))
                    .collect::<Vec<_>>();
                (l.clone(), codes)
            }),
            education: c
                .education
                .as_ref()
                .and_then(|e| edu_rank(e).map(|r| (e.clone(), r))),
            salary: c.salary_ceiling.clone(),
        }
    }

    /// Lowercase terms the criteria name, for the lexical query.
    pub fn query_terms(&self) -> Vec<(String, f32)> {
        let mut out = Vec::new();
        for (_, alts) in &self.must {
            for c in alts {
                out.push((c.label.to_lowercase(), 2.0));
            }
        }
        for (c, w) in &self.nice {
            out.push((c.label.to_lowercase(), *w));
        }
        for (c, _) in &self.years_with {
            out.push((c.label.to_lowercase(), 1.5));
        }
        for k in &self.title_keywords {
            out.push((k.clone(), 1.0));
        }
        out
    }
}

fn country_iso(s: &str) -> Option<String> {
    let t = s.trim();
    if t.len() == 2 && t.chars().all(|c| c.is_ascii_alphabetic()) {
        return Some(t.to_ascii_uppercase());
    }
    country_code(t).map(str::to_string)
}

/// Ordinal of an education level; `None` for words that name no level.
pub fn edu_rank(level: &str) -> Option<u8> {
    let l = level.to_lowercase();
    let l = l.trim();
    Some(match l {
        _ if l.contains("phd") || l.contains("ph.d") || l.contains("doctor") => 5,
        _ if l.contains("master")
            || l.contains("mba")
            || l == "ms"
            || l == "msc"
            || l == "m.sc" =>
        {
            4
        }
        _ if l.contains("bachelor")
            || matches!(l, "bs" | "ba" | "bsc" | "b.sc" | "beng" | "btech")
            || l.contains("degree") =>
        {
            3
        }
        _ if l.contains("associate") => 2,
        _ if l.contains("diploma")
            || l.contains("certificate")
            || l.contains("high school")
            || l.contains("ged") =>
        {
            1
        }
        _ => return None,
    })
}

fn degree_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)\b(ph\.?\s?d\.?|doctorate|doctor of|master'?s?|m\.?\s?sc\.?|m\.?\s?s\.|mba|m\.?\s?eng|bachelor'?s?|b\.?\s?sc\.?|b\.?\s?s\.|b\.?\s?a\.|b\.?\s?tech|b\.?\s?e\.|associate'?s? degree|diploma|high school|ged)(\b|\s)",
        )
        .expect("valid regex")
    })
}

fn salary_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)(?:expected|desired|target|expectations?)\s+(?:salary|compensation|pay)|salary\s+expectations?",
        )
        .expect("valid regex")
    })
}

fn amount_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(\d{1,3}(?:[,.\s]\d{3})+|\d+(?:\.\d+)?)\s*([kK])?").expect("valid regex")
    })
}

/// The resume's text and profile, prepared for matching.
pub struct Subject<'a> {
    pub text: &'a str,
    pub lower: &'a str,
    pub profile: &'a Profile,
    /// `profile.skills`, or skills extracted from the text when the profile has none.
    pub skills: &'a [ProfileSkill],
}

/// What a concept matched in one resume.
struct Hit {
    what: String,
    spans: Vec<(usize, usize)>,
    years: Option<f32>,
}

fn match_concept(c: &Concept, s: &Subject) -> Option<Hit> {
    // The phrase's own skill first, then its children, in table order.
    let mut best: Option<Hit> = None;
    for want in &c.skills {
        if let Some(ps) = s.skills.iter().find(|p| p.name == *want) {
            let hit = Hit {
                what: ps.name.clone(),
                spans: ps.evidence.iter().map(|sp| (sp.start, sp.end)).collect(),
                years: ps.years,
            };
            match &mut best {
                None => best = Some(hit),
                // Keep the first match for display; take the most years across children.
                Some(b) => {
                    if hit.years.unwrap_or(0.0) > b.years.unwrap_or(0.0) {
                        b.years = hit.years;
                    }
                }
            }
        }
    }
    if best.is_some() {
        return best;
    }
    for k in &c.keywords {
        let spans = find_word_all(s.lower, k, MAX_SNIPPETS);
        if !spans.is_empty() {
            return Some(Hit {
                what: format!("\"{k}\""),
                spans,
                years: None,
            });
        }
    }
    None
}

fn snippets(text: &str, spans: &[(usize, usize)]) -> Vec<Snippet> {
    spans
        .iter()
        .filter_map(|&(a, b)| snippet(text, a, b))
        .take(MAX_SNIPPETS)
        .collect()
}

pub struct Outcome {
    pub evidence: Vec<Evidence>,
    pub knockouts: Vec<String>,
    /// Σ credit·weight and Σ weight.
    pub met: f32,
    pub total: f32,
}

fn ev(criterion: String, credit: f32, weight: f32, snips: Vec<Snippet>, note: String) -> Evidence {
    Evidence {
        criterion,
        met: credit >= 0.999,
        credit,
        weight,
        snippets: snips,
        note,
    }
}

/// Seniority estimated from years when the profile has none (years are what a resume
/// states most reliably).
fn seniority_from_years(y: f32) -> Seniority {
    match y {
        y if y < 2.0 => Seniority::Junior,
        y if y < 5.0 => Seniority::Mid,
        y if y < 9.0 => Seniority::Senior,
        _ => Seniority::Staff,
    }
}

pub fn evaluate(plan: &Plan, s: &Subject) -> Outcome {
    let mut out = Vec::new();
    let mut knockouts = Vec::new();
    let mut missed: Vec<usize> = Vec::new();

    for (label, alts) in &plan.must {
        let crit = format!("must have: {label}");
        match alts.iter().find_map(|c| match_concept(c, s)) {
            Some(h) => out.push(ev(
                crit,
                1.0,
                W_MUST,
                snippets(s.text, &h.spans),
                format!("found {}", h.what),
            )),
            None => {
                let looked: Vec<String> = alts.iter().map(|c| c.looked_for()).collect();
                knockouts.push(format!("missing must-have: {label}"));
                missed.push(out.len());
                out.push(ev(
                    crit,
                    0.0,
                    W_MUST,
                    vec![],
                    format!("not found; looked for {}", looked.join("; ")),
                ));
            }
        }
    }

    if !missed.is_empty() && missed.len() <= plan.max_missing {
        // Within the tolerance: no knock-out, the misses still cost their weight in coverage.
        knockouts.clear();
        for &i in &missed {
            out[i].note.push_str(&format!(
                " (tolerated: {} of {} must-haves may be missing)",
                plan.max_missing,
                plan.must.len()
            ));
        }
    }

    for (c, w) in &plan.nice {
        let crit = format!("nice to have: {}", c.label);
        match match_concept(c, s) {
            Some(h) => out.push(ev(
                crit,
                1.0,
                *w,
                snippets(s.text, &h.spans),
                format!("found {}", h.what),
            )),
            None => out.push(ev(
                crit,
                0.0,
                *w,
                vec![],
                format!("not found; looked for {}", c.looked_for()),
            )),
        }
    }

    if let Some(req) = plan.min_total_years {
        let have = s.profile.total_years;
        let credit = if req <= 0.0 {
            1.0
        } else {
            (have / req).clamp(0.0, 1.0)
        };
        let spans: Vec<(usize, usize)> = s
            .profile
            .experience
            .iter()
            .take(MAX_SNIPPETS)
            .map(|e| {
                (
                    e.span.start,
                    first_line_end(s.text, e.span.start, e.span.end),
                )
            })
            .collect();
        out.push(ev(
            format!("min total years: {req}"),
            credit,
            W_TOTAL_YEARS,
            snippets(s.text, &spans),
            format!("{have:.1} years of experience found (needs {req})"),
        ));
    }

    for (c, req) in &plan.years_with {
        let crit = format!("min years with {}: {req}", c.label);
        match match_concept(c, s) {
            Some(h) => {
                let (credit, note) = match h.years {
                    Some(y) => (
                        (y / req.max(0.01)).clamp(0.0, 1.0),
                        format!("{} for {y:.1} years (needs {req})", h.what),
                    ),
                    None => (
                        0.25,
                        format!("{} mentioned, but no dated experience with it", h.what),
                    ),
                };
                out.push(ev(
                    crit,
                    credit,
                    W_YEARS_WITH,
                    snippets(s.text, &h.spans),
                    note,
                ));
            }
            None => out.push(ev(
                crit,
                0.0,
                W_YEARS_WITH,
                vec![],
                format!("not found; looked for {}", c.looked_for()),
            )),
        }
    }

    if let Some((lo, hi)) = plan.seniority {
        let (level, how) = match s.profile.seniority {
            Some(l) => (l, "from titles"),
            None => (
                seniority_from_years(s.profile.total_years),
                "estimated from years",
            ),
        };
        let idx = |x: Seniority| Seniority::ALL.iter().position(|&y| y == x).unwrap_or(0) as i32;
        let dist = if level < lo {
            idx(lo) - idx(level)
        } else if level > hi {
            idx(level) - idx(hi)
        } else {
            0
        };
        let credit = match dist {
            0 => 1.0,
            1 => 0.5,
            _ => 0.0,
        };
        let range = if lo == hi {
            lo.as_str().to_string()
        } else {
            format!("{}–{}", lo.as_str(), hi.as_str())
        };
        out.push(ev(
            format!("seniority: {range}"),
            credit,
            W_SENIORITY,
            vec![],
            format!("{} ({how})", level.as_str()),
        ));
    }

    if !plan.title_keywords.is_empty() {
        let mut found = 0usize;
        let mut spans = Vec::new();
        let mut missing = Vec::new();
        for k in &plan.title_keywords {
            let hit = s.profile.experience.iter().find_map(|e| {
                let t = e.title.as_deref()?.to_lowercase();
                if !find_word_all(&t, k, 1).is_empty() {
                    // Point at the keyword inside the entry when it is there.
                    let (a, b) = (
                        e.span.start.min(s.lower.len()),
                        e.span.end.min(s.lower.len()),
                    );
                    let inner = s
                        .lower
                        .get(a..b)
                        .map(|seg| find_word_all(seg, k, 1))
                        .unwrap_or_default();
                    Some(
                        inner
                            .first()
                            .map(|&(x, y)| (a + x, a + y))
                            .unwrap_or((a, first_line_end(s.text, a, b))),
                    )
                } else {
                    None
                }
            });
            match hit {
                Some(sp) => {
                    found += 1;
                    spans.push(sp);
                }
                None => missing.push(k.as_str()),
            }
        }
        let mut credit = found as f32 / plan.title_keywords.len() as f32;
        let mut note = if missing.is_empty() {
            "in job titles".to_string()
        } else {
            format!("not in job titles: {}", missing.join(", "))
        };
        // No experience entries parsed: fall back to the text, at half credit.
        if s.profile.experience.is_empty() {
            let hits: Vec<_> = plan
                .title_keywords
                .iter()
                .filter_map(|k| find_word_all(s.lower, k, 1).first().copied())
                .collect();
            credit = 0.5 * hits.len() as f32 / plan.title_keywords.len() as f32;
            spans = hits;
            note = "no job titles parsed; found in text (half credit)".into();
        }
        out.push(ev(
            format!("title keywords: {}", plan.title_keywords.join(", ")),
            credit,
            W_TITLE,
            snippets(s.text, &spans),
            note,
        ));
    }

    if let Some((rule, codes)) = &plan.location {
        out.push(location(rule, codes, s));
    }

    if let Some((label, need)) = &plan.education {
        let best = s
            .profile
            .education
            .iter()
            .filter_map(|e| {
                let r = e
                    .level
                    .as_deref()
                    .and_then(edu_rank)
                    .or_else(|| e.degree.as_deref().and_then(edu_rank))?;
                Some((r, e))
            })
            .max_by_key(|(r, _)| *r);
        let (credit, spans, note) = match best {
            Some((r, e)) => (
                if r >= *need { 1.0 } else { 0.0 },
                vec![(
                    e.span.start,
                    first_line_end(s.text, e.span.start, e.span.end),
                )],
                format!(
                    "{} found",
                    e.degree.clone().or(e.level.clone()).unwrap_or_default()
                ),
            ),
            None => {
                // No parsed education: the highest degree word in the text.
                let found = degree_re()
                    .find_iter(s.text)
                    .take(50)
                    .filter_map(|m| {
                        edu_rank(&m.as_str().replace(['.', ' ', '\''], ""))
                            .map(|r| (r, m.start(), m.end()))
                    })
                    .max_by_key(|x| x.0);
                match found {
                    Some((r, a, b)) => (
                        if r >= *need { 1.0 } else { 0.0 },
                        vec![(a, b)],
                        format!("\"{}\" in text", s.text[a..b].trim()),
                    ),
                    None => (0.0, vec![], "no degree found".to_string()),
                }
            }
        };
        out.push(ev(
            format!("education: {label}"),
            credit,
            W_EDUCATION,
            snippets(s.text, &spans),
            note,
        ));
    }

    if let Some(ceil) = &plan.salary {
        out.push(salary(ceil, s));
    }

    let met = out.iter().map(|e| e.credit * e.weight).sum();
    let total = out.iter().map(|e| e.weight).sum();
    Outcome {
        evidence: out,
        knockouts,
        met,
        total,
    }
}

fn first_line_end(text: &str, start: usize, end: usize) -> usize {
    let end = end.min(text.len()).max(start.min(text.len()));
    let start = start.min(end);
    match text.get(start..end) {
        Some(seg) => start + seg.find('\n').unwrap_or(seg.len()).min(120),
        None => start,
    }
}

fn location(rule: &LocationRule, codes: &[String], s: &Subject) -> Evidence {
    let mut label = Vec::new();
    if !rule.countries.is_empty() {
        label.push(rule.countries.join("/"));
    }
    if rule.remote_ok {
        label.push("remote ok".into());
    }
    if !rule.timezones.is_empty() {
        label.push(rule.timezones.join(", "));
    }
    let crit = format!("location: {}", label.join("; "));
    let loc = s.profile.contact.location.as_deref().unwrap_or("");
    let spans: Vec<(usize, usize)> = if loc.is_empty() {
        vec![]
    } else {
        crate::text::find_word_all(s.lower, &loc.to_ascii_lowercase(), 1)
    };
    let info = normalize_location(loc);
    let inside = !codes.is_empty() && info.countries.iter().any(|c| codes.contains(c));
    let (credit, note) = if codes.is_empty() && rule.remote_ok {
        (1.0, "remote allowed from anywhere".to_string())
    } else if inside {
        (1.0, format!("lives in {loc}"))
    } else if loc.is_empty() {
        (
            if rule.remote_ok { 0.5 } else { 0.0 },
            "no location stated".to_string(),
        )
    } else if rule.remote_ok {
        (
            0.5,
            format!("{loc}: outside the listed countries, remote allowed"),
        )
    } else {
        (0.0, format!("{loc}: outside the listed countries"))
    };
    ev(crit, credit, W_LOCATION, snippets(s.text, &spans), note)
}

fn salary(ceil: &SalaryCeiling, s: &Subject) -> Evidence {
    let crit = format!(
        "salary ceiling: {} {}",
        ceil.amount,
        ceil.currency.as_deref().unwrap_or("")
    )
    .trim()
    .to_string();
    let Some(m) = salary_re().find(s.text) else {
        return ev(
            crit,
            0.0,
            0.0,
            vec![],
            "no salary expectation stated (not scored)".into(),
        );
    };
    let tail_end = (m.end() + 60).min(s.text.len());
    let mut te = tail_end;
    while !s.text.is_char_boundary(te) {
        te -= 1;
    }
    let tail = &s.text[m.end()..te];
    let amount = amount_re().captures(tail).and_then(|c| {
        let digits: String = c[1]
            .chars()
            .filter(|ch| ch.is_ascii_digit() || *ch == '.')
            .collect();
        let v: f64 = digits.parse().ok()?;
        Some(if c.get(2).is_some() { v * 1000.0 } else { v })
    });
    match amount {
        Some(v) => {
            let ok = v <= ceil.amount;
            ev(
                crit,
                if ok { 1.0 } else { 0.0 },
                W_SALARY,
                snippets(s.text, &[(m.start(), m.end())]),
                format!("expects {v}{}", if ok { "" } else { ", above the ceiling" }),
            )
        }
        None => ev(
            crit,
            0.0,
            0.0,
            snippets(s.text, &[(m.start(), m.end())]),
            "salary expectation without an amount (not scored)".into(),
        ),
    }
}
