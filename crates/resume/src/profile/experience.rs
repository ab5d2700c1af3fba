//! Experience entries: each is anchored on a line holding a date range; the title, company
//! and location come from the short lines around that anchor.

use hirekit_model::location::{fold, normalize_location};
use hirekit_model::profile::{Experience, Span};
use hirekit_model::title::normalize_title;
use hirekit_model::RoleFamily;

use super::dates::{find_range, Range};
use super::Line;

/// Words that mark a job title in any family the title normalizer does not cover.
const TITLE_WORDS: &[&str] = &[
    "engineer", "developer", "manager", "analyst", "consultant", "intern", "accountant", "specialist",
    "designer", "director", "officer", "assistant", "lead", "architect", "administrator", "coordinator",
    "technician", "teacher", "nurse", "scientist", "associate", "executive", "representative", "supervisor",
    "clerk", "advisor", "adviser", "agent", "chef", "editor", "writer", "trainee", "programmer", "tester",
    "head", "president", "founder", "cofounder", "co founder", "owner", "partner", "bookkeeper", "auditor",
    "cashier", "driver", "instructor", "lecturer", "professor", "researcher", "attorney", "lawyer",
    "advocate", "paralegal", "secretary", "receptionist", "operator", "mechanic", "electrician", "worker",
    "member", "volunteer", "fellow", "apprentice", "entwickler", "ingenieur", "berater", "leiter",
    "werkstudent", "praktikant", "sachbearbeiter", "developpeur", "ingenieur", "chef de projet",
    "stagiaire", "responsable", "desarrollador", "ingeniero", "gerente", "jefe", "analista", "becario",
    "therapist", "pharmacist", "physician", "doctor", "teller", "buyer", "planner", "recruiter",
    "generalist", "controller", "strategist", "marketer", "sales", "product owner", "scrum master",
];

/// Legal-form suffixes: a piece with one of these is an organisation, whatever else it says.
const ORG_SUFFIXES: &[&str] = &[
    "inc", "ltd", "llc", "llp", "gmbh", "ag", "sa", "sas", "sarl", "srl", "sl", "slu", "bv", "nv", "plc",
    "corp", "corporation", "limited", "pvt", "kg", "ug", "se", "oy", "ab", "as", "spa", "pty",
];

/// Words that usually mark an organisation.
const ORG_WORDS: &[&str] = &[
    "company", "co", "technologies", "solutions", "services", "group", "bank", "university", "college",
    "institute", "labs", "consulting", "private", "hospital", "school", "agency", "studio", "foundation",
    "partners", "holdings", "infosys", "tcs", "wipro", "accenture", "cognizant", "capgemini", "ibm",
    "google", "microsoft", "amazon", "oracle", "deloitte", "kpmg", "pwc", "ey",
];

fn has_word(folded: &str, words: &[&str]) -> bool {
    let padded = format!(" {folded} ");
    words.iter().any(|w| padded.contains(&format!(" {w} ")))
}

fn title_like(s: &str) -> bool {
    let f = fold(s);
    if f.is_empty() {
        return false;
    }
    let t = normalize_title(s);
    t.role_family != RoleFamily::Other || t.seniority.is_some() || has_word(&f, TITLE_WORDS)
}

fn org_like(s: &str) -> bool {
    let f = fold(s);
    has_word(&f, ORG_SUFFIXES) || has_word(&f, ORG_WORDS)
}

fn strong_org(s: &str) -> bool {
    has_word(&fold(s), ORG_SUFFIXES)
}

fn location_like(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.split_whitespace().count() > 6 {
        return false;
    }
    let f = fold(s);
    if f == "city state" || f.starts_with("city ") || f == "remote" {
        return true;
    }
    !normalize_location(s).countries.is_empty() && !org_like(s)
}

/// A short line that can be part of an entry's header (not a sentence, not a bullet).
fn header_like(s: &str) -> bool {
    let t = s.trim();
    if t.is_empty() || t.len() > 100 {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    // "**Title**" (Markdown emphasis) is not a bullet; "* item" is.
    let emphasis = t.starts_with("**") || t.starts_with("__");
    if !emphasis && matches!(first, '•' | '●' | '▪' | '◦' | '-' | '*' | '–' | '·' | '\u{f0b7}' | '\u{f0a7}' | '➢' | '✓') {
        return false;
    }
    if t.ends_with('.') && t.split_whitespace().count() > 4 {
        return false;
    }
    t.split_whitespace().count() <= 12
}

/// Splits a header line into title / company / location pieces.
fn pieces(s: &str) -> Vec<String> {
    let mut out = vec![s.to_string()];
    for sep in ["  ", " | ", " — ", " – ", " - ", " at ", " @ ", ", ", " · ", " • ", "ï¼", "\u{ff0c}"] {
        out = out
            .into_iter()
            .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    out.into_iter()
        .map(|p| {
            p.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '|' | '\u{200b}' | '–' | '—' | '*' | '_' | '#'))
                .to_string()
        })
        .filter(|p| !p.is_empty() && p.chars().any(char::is_alphabetic))
        .collect()
}

struct Anchor {
    line: usize,
    range: Range,
}

/// Entries in the lines `from..to` (one experience section, or the whole text).
pub fn entries(text: &str, lines: &[Line], from: usize, to: usize) -> Vec<Experience> {
    let anchors: Vec<Anchor> = (from..to)
        .filter_map(|i| {
            let l = &lines[i];
            // A date inside a long sentence is not an entry's date line.
            if l.text.len() > 160 {
                return None;
            }
            find_range(&l.text).map(|range| Anchor { line: i, range })
        })
        .collect();
    if anchors.is_empty() {
        return Vec::new();
    }
    // How many header lines sit above the date line: learned from the first entry (the
    // lines between the section start and its date), applied to the others.
    let above = (from..anchors[0].line)
        .rev()
        .filter(|&i| !lines[i].text.trim().is_empty())
        .take(2)
        .take_while(|&i| header_like(&lines[i].text))
        .count();
    let mut starts: Vec<usize> = anchors
        .iter()
        .map(|a| {
            let mut s = a.line;
            let mut n = 0;
            let mut i = a.line;
            while n < above && i > from {
                i -= 1;
                if lines[i].text.trim().is_empty() {
                    continue;
                }
                if !header_like(&lines[i].text) {
                    break;
                }
                s = i;
                n += 1;
            }
            s
        })
        .collect();
    // Keep starts increasing (two dates on adjacent lines).
    for k in 1..starts.len() {
        if starts[k] <= starts[k - 1] {
            starts[k] = anchors[k].line.max(starts[k - 1] + 1);
        }
    }
    let mut out = Vec::new();
    for (k, a) in anchors.iter().enumerate() {
        let start = starts[k];
        let end = starts.get(k + 1).copied().unwrap_or(to).max(a.line + 1);
        // Header: lines above the anchor, the anchor's own text without the date, and up to
        // two short lines below it when the header is not complete yet.
        let mut head: Vec<String> = Vec::new();
        for i in start..a.line {
            if !lines[i].text.trim().is_empty() {
                head.push(lines[i].text.trim().to_string());
            }
        }
        let own = &lines[a.line].text;
        let rest = format!("{}  {}", &own[..a.range.at.0], &own[a.range.at.1..]);
        if rest.chars().any(char::is_alphabetic) {
            head.push(rest.trim().to_string());
        }
        let mut body_from = a.line + 1;
        let mut i = a.line + 1;
        while i < end && head.len() < 3 {
            let t = lines[i].text.trim();
            if t.is_empty() {
                i += 1;
                continue;
            }
            if !header_like(t) || t.split_whitespace().count() > 8 {
                break;
            }
            // Stop at a line that reads as a sentence start of the description.
            if head.len() >= 2 && !org_like(t) && !location_like(t) {
                break;
            }
            head.push(t.to_string());
            i += 1;
            body_from = i;
        }
        let (title, company, location) = assign(&head);
        let desc: Vec<&str> = (body_from..end).map(|i| lines[i].text.trim()).filter(|t| !t.is_empty()).collect();
        let span_end = lines[end - 1].end.min(text.len());
        let info = title.as_deref().map(normalize_title);
        out.push(Experience {
            role_family: info.as_ref().map(|t| t.role_family),
            seniority: info.and_then(|t| t.seniority),
            title,
            company,
            start: Some(a.range.start),
            end: a.range.end,
            current: a.range.current,
            location,
            description: desc.join("\n"),
            span: Span { start: lines[start].start, end: span_end.max(lines[start].start) },
        });
    }
    out
}

/// Title, company, location from the header pieces.
fn assign(head: &[String]) -> (Option<String>, Option<String>, Option<String>) {
    let mut title = None;
    let mut company = None;
    let mut location = None;
    let mut rest: Vec<String> = Vec::new();
    for line in head {
        for p in pieces(line) {
            let generic_company = fold(&p) == "company name";
            if title.is_none() && title_like(&p) && !strong_org(&p) && !generic_company {
                title = Some(p);
            } else if company.is_none() && (org_like(&p) || generic_company) {
                company = Some(p);
            } else if location.is_none() && (title.is_some() || company.is_some()) && location_like(&p) {
                location = Some(p);
            } else {
                rest.push(p);
            }
        }
    }
    // Unclassified pieces fill the gaps in reading order: title first, then company.
    let mut rest = rest.into_iter().filter(|p| !location_like(p) || p.split_whitespace().count() > 3);
    if title.is_none() {
        title = rest.next();
    }
    if company.is_none() {
        company = rest.next();
    }
    (title, company, location)
}
