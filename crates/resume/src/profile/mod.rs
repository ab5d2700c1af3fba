//! Text → [`Profile`]. Pure and total: any string gives a profile (possibly empty).

mod contact;
pub mod dates;
mod education;
mod experience;
mod sections;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::Datelike;
use hirekit_model::posting::Seniority;
use hirekit_model::profile::{Profile, ProfileSkill, Section, SectionKind, Span, YearMonth};
use hirekit_model::skills::{extract_skills, skill_category};
use regex::Regex;

/// Longest text considered: resumes are a few pages; this bounds the work on junk input.
const MAX_TEXT: usize = 400_000;

/// One line of the text with its byte offsets.
pub struct Line {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let body = piece.trim_end_matches(['\n', '\r']);
        out.push(Line {
            start,
            end: start + body.len(),
            text: body.to_string(),
        });
        start += piece.len();
    }
    out
}

/// Parses with today's date as the end of current positions.
pub fn parse_profile(text: &str) -> Profile {
    let now = chrono::Utc::now();
    parse_profile_at(
        text,
        YearMonth {
            year: now.year().clamp(1970, 9999) as u16,
            month: now.month() as u8,
        },
    )
}

/// Parses with `today` as the end of current ("present") positions, for reproducible
/// results.
pub fn parse_profile_at(text: &str, today: YearMonth) -> Profile {
    let mut cut = text.len().min(MAX_TEXT);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let text = &text[..cut];
    let lines = split_lines(text);

    // Sections: each heading opens one that runs to the next heading.
    let heads: Vec<sections::Heading> = (0..lines.len())
        .filter_map(|i| sections::heading(&lines, i))
        .collect();
    let mut secs: Vec<(Section, usize, usize)> = Vec::new(); // section, first content line, end line
    for (k, h) in heads.iter().enumerate() {
        let next_line = heads.get(k + 1).map_or(lines.len(), |n| n.line);
        let end = heads.get(k + 1).map_or(text.len(), |n| lines[n.line].start);
        let first = if h.content_start < lines[h.line].end {
            h.line
        } else {
            h.line + 1
        };
        secs.push((
            Section {
                kind: h.kind,
                heading: h.text.clone(),
                span: Span {
                    start: h.content_start.min(end),
                    end,
                },
            },
            first,
            next_line,
        ));
    }
    let default_header = floor_boundary(text, 600);
    let header_end = heads
        .first()
        .map_or(default_header, |h| lines[h.line].start);
    let header_end = if header_end < 20 {
        default_header
    } else {
        header_end
    };

    let mut p = Profile {
        contact: contact::extract(text, &lines, header_end),
        ..Profile::default()
    };

    // Experience: in experience sections, or (without any) everywhere but education.
    let exp_secs: Vec<&(Section, usize, usize)> = secs
        .iter()
        .filter(|s| s.0.kind == SectionKind::Experience)
        .collect();
    if exp_secs.is_empty() {
        let mut from = 0;
        let mut blocks: Vec<(usize, usize)> = Vec::new();
        for s in &secs {
            if matches!(
                s.0.kind,
                SectionKind::Education
                    | SectionKind::Certifications
                    | SectionKind::Projects
                    | SectionKind::Languages
            ) {
                let hl = s.1.saturating_sub(1).max(from);
                blocks.push((from, hl));
                from = s.2;
            }
        }
        blocks.push((from, lines.len()));
        for (a, b) in blocks {
            if a < b {
                p.experience.extend(experience::entries(text, &lines, a, b));
            }
        }
    } else {
        for s in exp_secs {
            p.experience
                .extend(experience::entries(text, &lines, s.1, s.2));
        }
    }

    // Education.
    for s in secs.iter().filter(|s| s.0.kind == SectionKind::Education) {
        p.education.extend(education::entries(
            &lines,
            s.1,
            s.2,
            today.year.saturating_add(6),
        ));
    }

    // Summary, certifications, languages.
    p.summary = secs
        .iter()
        .find(|s| s.0.kind == SectionKind::Summary)
        .map(|s| text[s.0.span.start..s.0.span.end].trim())
        .filter(|s| !s.is_empty())
        .map(|s| s.chars().take(1500).collect());
    for s in secs
        .iter()
        .filter(|s| s.0.kind == SectionKind::Certifications)
    {
        for l in list_items(&text[s.0.span.start..s.0.span.end]) {
            if l.len() <= 150 && !p.certifications.contains(&l) {
                p.certifications.push(l);
            }
        }
    }
    for s in secs.iter().filter(|s| s.0.kind == SectionKind::Languages) {
        for item in list_items(&text[s.0.span.start..s.0.span.end]) {
            for piece in item.split([',', ';', '/']) {
                let piece = piece.trim();
                if is_language(piece) && !p.languages.iter().any(|l| l == piece) {
                    p.languages.push(piece.to_string());
                }
            }
        }
    }

    // Experience totals.
    let intervals: Vec<(i32, i32)> = p
        .experience
        .iter()
        .filter_map(|e| dates::interval(e.start?, e.end, today))
        .collect();
    let months = dates::merged_months(intervals);
    let dated = months as f32 / 12.0;
    let stated = stated_years(
        text,
        header_end.max(
            secs.iter()
                .find(|s| s.0.kind == SectionKind::Summary)
                .map_or(0, |s| s.0.span.end),
        ),
    );
    p.total_years = round1(match stated {
        Some(s) if s > dated => s,
        _ => dated,
    });

    p.skills = skills(text, &p, today);
    p.seniority = seniority(&p);
    p.sections = secs.into_iter().map(|s| s.0).collect();
    p
}

/// Adds a document's hyperlink targets ([`crate::Document::links`]) to the profile's contact:
/// profile pages and the candidate's own site to the links, a `mailto:` address when the text
/// gave none (see `contact::add_hyperlinks` for the rule).
pub fn add_hyperlinks(p: &mut Profile, targets: &[String]) {
    contact::add_hyperlinks(&mut p.contact, targets);
}

/// The largest char boundary at or below `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn round1(x: f32) -> f32 {
    (x * 10.0).round() / 10.0
}

/// "5+ years of experience", "3.2 years of experience", "over 10 years in": a statement in
/// the header or summary (`upto` bytes).
fn stated_years(text: &str, upto: usize) -> Option<f32> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)\b(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:years?|yrs?)\.?(?:\s+and\s+\d{1,2}\s+months?)?\s+(?:of\s+)?(?:\w+\s+){0,3}?(?:experience|exp\b|in\b)|(?:jahre|ans|años)\s+(?:\w+\s+)?(?:berufserfahrung|erfahrung|d'expérience|de experiencia)").expect("stated years")
    });
    let mut cut = upto.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let y: f32 = re.captures(&text[..cut])?.get(1)?.as_str().parse().ok()?;
    (y > 0.0 && y <= 50.0).then_some(y)
}

/// Non-empty lines of a list section, bullets stripped.
fn list_items(s: &str) -> Vec<String> {
    s.lines()
        .map(|l| {
            l.trim()
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .trim()
                .to_string()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

const LANGUAGES: &[&str] = &[
    "english",
    "german",
    "french",
    "spanish",
    "italian",
    "portuguese",
    "dutch",
    "russian",
    "chinese",
    "mandarin",
    "cantonese",
    "japanese",
    "korean",
    "arabic",
    "hindi",
    "urdu",
    "bengali",
    "bangla",
    "punjabi",
    "tamil",
    "telugu",
    "marathi",
    "gujarati",
    "kannada",
    "malayalam",
    "turkish",
    "polish",
    "swedish",
    "norwegian",
    "danish",
    "finnish",
    "greek",
    "hebrew",
    "persian",
    "farsi",
    "ukrainian",
    "czech",
    "hungarian",
    "romanian",
    "vietnamese",
    "thai",
    "indonesian",
    "malay",
    "tagalog",
    "filipino",
    "swahili",
    "catalan",
    "croatian",
    "serbian",
    "bulgarian",
    "slovak",
    "slovenian",
    "latin",
    "deutsch",
    "englisch",
    "franzosisch",
    "spanisch",
    "italienisch",
    "russisch",
    "anglais",
    "allemand",
    "francais",
    "espagnol",
    "italien",
    "ingles",
    "aleman",
    "frances",
    "espanol",
    "italiano",
    "portugues",
    "odia",
    "oriya",
    "sanskrit",
];

fn is_language(piece: &str) -> bool {
    if piece.is_empty() || piece.len() > 60 {
        return false;
    }
    let f = hirekit_model::location::fold(piece);
    f.split(' ').take(2).any(|w| LANGUAGES.contains(&w))
}

fn skills(text: &str, p: &Profile, today: YearMonth) -> Vec<ProfileSkill> {
    // The model's extractor reports each skill once (its first mention), with context
    // rules applied over the whole text. Every mention is wanted here (evidence, years per
    // entry), so paragraphs are scanned one by one too, keeping skills the whole-text pass
    // accepted.
    let mut by: BTreeMap<&'static str, Vec<Span>> = BTreeMap::new();
    for m in extract_skills(text) {
        by.entry(m.skill).or_default().push(Span {
            start: m.start,
            end: m.end,
        });
    }
    let mut off = 0;
    for para in text.split_inclusive("\n\n") {
        for m in extract_skills(para) {
            if let Some(v) = by.get_mut(m.skill) {
                let span = Span {
                    start: off + m.start,
                    end: off + m.end,
                };
                if !v.contains(&span) {
                    v.push(span);
                }
            }
        }
        off += para.len();
    }
    for v in by.values_mut() {
        v.sort_by_key(|s| s.start);
    }
    let mut out: Vec<ProfileSkill> = by
        .into_iter()
        .map(|(name, evidence)| {
            let iv: Vec<(i32, i32)> = p
                .experience
                .iter()
                .filter(|e| {
                    evidence
                        .iter()
                        .any(|s| s.start >= e.span.start && s.end <= e.span.end)
                })
                .filter_map(|e| dates::interval(e.start?, e.end, today))
                .collect();
            let years = (!iv.is_empty()).then(|| round1(dates::merged_months(iv) as f32 / 12.0));
            ProfileSkill {
                name: name.to_string(),
                category: skill_category(name).map(str::to_string),
                years,
                evidence,
            }
        })
        .collect();
    // Most-evidenced first, then by name for a stable order.
    out.sort_by(|a, b| {
        b.evidence
            .len()
            .cmp(&a.evidence.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// From the latest title when it says, else from total years.
fn seniority(p: &Profile) -> Option<Seniority> {
    let latest = p
        .experience
        .iter()
        .filter(|e| e.start.is_some())
        .max_by_key(|e| (e.current, e.end.or(e.start)));
    let years = p.total_years;
    if let Some(s) = latest.and_then(|e| e.seniority) {
        // An internship long ago says little about someone with years of work since.
        if !(s == Seniority::Intern && years >= 2.0) {
            return Some(s);
        }
    }
    if years <= 0.0 {
        return None;
    }
    Some(if years < 2.0 {
        Seniority::Junior
    } else if years < 5.0 {
        Seniority::Mid
    } else {
        Seniority::Senior
    })
}
