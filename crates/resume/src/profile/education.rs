//! Education entries: degree (with its level), field, institution, end year.

use std::sync::OnceLock;

use hirekit_model::location::fold;
use hirekit_model::profile::{Education, Span};
use regex::Regex;

use super::Line;

/// Folded degree words → level. Multi-word keys are matched as phrases.
const LEVELS: &[(&str, &[&str])] = &[
    ("phd", &["phd", "ph d", "doctorate", "doctor of", "doctoral", "dphil", "promotion", "doktor", "doctorat", "doctorado"]),
    (
        "master",
        &[
            "master", "masters", "msc", "m sc", "ms", "m s", "mba", "m tech", "mtech", "mca", "m e", "ma", "m a",
            "meng", "m eng", "magister", "mastere", "maestria", "master s", "pgdm", "pg dac", "pg", "post graduate",
            "postgraduate", "m com", "mcom", "llm", "diplom",
        ],
    ),
    (
        "bachelor",
        &[
            "bachelor", "bachelors", "bachelor s", "bsc", "b sc", "bs", "b s", "btech", "b tech", "be", "b e", "bca",
            "ba", "b a", "b com", "bcom", "bba", "beng", "b eng", "llb", "licence", "licenciatura", "grado",
            "undergraduate", "bachillerato universitario", "b pharm", "bba", "bfa",
        ],
    ),
    ("associate", &["associate", "associates", "associate s", "aas", "a a"]),
    ("diploma", &["diploma", "hnd", "ausbildung", "dut", "bts", "tecnico superior"]),
    (
        "high_school",
        &["high school", "hsc", "ssc", "12th", "10th", "secondary school", "abitur", "baccalaureat", "bachillerato", "ged", "intermediate", "matriculation"],
    ),
    ("certificate", &["certificate", "certification"]),
];

const INSTITUTION: &[&str] = &[
    "university", "college", "institute", "school", "academy", "universitat", "hochschule", "fachhochschule",
    "universite", "ecole", "universidad", "instituto", "escuela", "polytechnic", "iit", "nit", "iiit", "cdac",
    "acts", "campus", "conservatory", "seminary",
];

fn year_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"\b(?:19[5-9]\d|20\d{2})\b").expect("year pattern"))
}

fn has_phrase(folded: &str, phrase: &str) -> bool {
    let padded = format!(" {folded} ");
    padded.contains(&format!(" {phrase} "))
}

pub fn level_of(s: &str) -> Option<&'static str> {
    let f = fold(s);
    // Short codes like "ms", "be", "ba" only count in a line of a few words, or written in
    // capitals ("B.E.", "MS").
    let short_ok = f.split(' ').count() <= 6 || s.contains('.');
    LEVELS.iter().find_map(|(level, words)| {
        words
            .iter()
            .any(|w| (w.len() > 3 || short_ok) && has_phrase(&f, w) && (w.len() > 3 || upper_form(s, w)))
            .then_some(*level)
    })
}

/// A short degree code must appear capitalised in the original ("MS", "B.E.", "M.Tech").
fn upper_form(s: &str, code: &str) -> bool {
    let first = code.chars().next().unwrap_or(' ');
    s.char_indices().any(|(i, c)| {
        c.to_ascii_lowercase() == first
            && c.is_uppercase()
            && (i == 0 || !s[..i].chars().next_back().is_some_and(char::is_alphanumeric))
    })
}

fn institution_like(s: &str) -> bool {
    let f = fold(s);
    INSTITUTION.iter().any(|w| has_phrase(&f, w))
}

pub fn entries(lines: &[Line], from: usize, to: usize, max_year: u16) -> Vec<Education> {
    let mut out: Vec<Education> = Vec::new();
    // Start a new entry at each degree line; institution and year lines attach to the
    // nearest degree (before or after).
    let mut cur: Option<Education> = None;
    let mut pending_inst: Option<(String, usize)> = None;
    let mut pending_year: Option<u16> = None;
    for (i, l) in lines.iter().enumerate().take(to).skip(from) {
        let t = l.text.trim();
        if t.is_empty() {
            continue;
        }
        let year = year_re()
            .find_iter(t)
            .filter_map(|m| m.as_str().parse::<u16>().ok())
            .filter(|&y| y <= max_year)
            .max();
        let level = if t.len() <= 200 { level_of(t) } else { None };
        if let Some(level) = level {
            if let Some(e) = cur.take() {
                out.push(e);
            }
            let (degree, field, inst) = split_degree(t);
            let mut e = Education {
                degree: Some(degree),
                level: Some(level.to_string()),
                field,
                institution: inst,
                end_year: year.or(pending_year.take()),
                span: Span { start: l.start, end: l.end },
            };
            if e.institution.is_none() {
                if let Some((name, start)) = pending_inst.take() {
                    e.institution = Some(name);
                    e.span.start = start;
                }
            }
            pending_inst = None;
            cur = Some(e);
            continue;
        }
        let inst = institution_like(t).then(|| clean_institution(t));
        match cur.as_mut() {
            Some(e) if (e.institution.is_none() && inst.is_some()) || (e.end_year.is_none() && year.is_some()) => {
                if e.institution.is_none() {
                    e.institution = inst;
                }
                if e.end_year.is_none() {
                    e.end_year = year;
                }
                e.span.end = l.end;
            }
            _ => {
                if let Some(name) = inst {
                    // An institution with no degree seen yet: remember it for the next degree.
                    if cur.is_some() {
                        if let Some(e) = cur.take() {
                            out.push(e);
                        }
                    }
                    pending_inst = Some((name, l.start));
                    pending_year = year;
                } else if cur.is_none() && year.is_some() {
                    pending_year = year;
                }
            }
        }
        let _ = i;
    }
    if let Some(e) = cur {
        out.push(e);
    }
    if let Some((name, start)) = pending_inst {
        out.push(Education {
            degree: None,
            level: None,
            field: None,
            institution: Some(name),
            end_year: pending_year,
            span: Span { start, end: start + 1 },
        });
    }
    out
}

fn clean_institution(t: &str) -> String {
    let t = t.split(" - ").next().unwrap_or(t);
    let t = t.split("  ").next().unwrap_or(t);
    let t = year_re().replace_all(t, "");
    t.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '|' | '(' | ')' | '–')).to_string()
}

/// "Bachelor of Engineering in Computer Science, MIT, 2016" → degree, field, institution.
fn split_degree(t: &str) -> (String, Option<String>, Option<String>) {
    let t = year_re().replace_all(t, "");
    let t = t.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '|' | '(' | ')' | '–'));
    let mut parts: Vec<&str> = t
        .split([',', '|', '–', '—', '\t', '(', ')'])
        .flat_map(|p| p.split("  "))
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // A field right after the degree ("Masters, Accounting"), unless it is a place.
    let field_next = parts
        .get(1)
        .filter(|p| !institution_like(p) && p.len() <= 60 && !placeholder_place(p) && hirekit_model::location::normalize_location(p).countries.is_empty())
        .map(|p| p.to_string());
    let inst_idx = parts.iter().position(|p| institution_like(p));
    let institution = inst_idx.map(|i| parts.remove(i).to_string());
    let degree_part = parts.first().copied().unwrap_or(t);
    let mut field = None;
    let mut degree = degree_part.to_string();
    for sep in [" in ", " of Science in ", " en ", " im Fach ", " de "] {
        if let Some((d, f)) = degree_part.split_once(sep) {
            degree = d.trim().to_string();
            field = Some(f.trim().to_string());
            break;
        }
    }
    if field.is_none() {
        field = field_next;
    }
    (degree, field, institution)
}

/// Anonymised resumes write "City", "State" in place of places.
fn placeholder_place(p: &str) -> bool {
    matches!(fold(p).as_str(), "city" | "state" | "country" | "city state")
}
