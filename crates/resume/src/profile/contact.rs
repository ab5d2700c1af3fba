//! Contact details: name, email, phone, links, location.

use std::sync::OnceLock;

use hirekit_model::location::normalize_location;
use hirekit_model::profile::Contact;
use hirekit_model::title::normalize_title;
use hirekit_model::RoleFamily;
use regex::Regex;

use super::{sections, Line};

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).expect("contact pattern"))
}

fn email_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"(?i)\b[a-z0-9][a-z0-9._%+\-]{0,63}@[a-z0-9](?:[a-z0-9\-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]{0,62}[a-z0-9])?)*\.[a-z]{2,24}\b")
}

fn phone_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"(?:\+|\b00)?\(?\d[\d\s().\-/]{6,22}\d\b")
}

fn url_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)\b(?:https?://[^\s<>()\[\]{}|]+|www\.[^\s<>()\[\]{}|]+|(?:linkedin\.com|github\.com|gitlab\.com|bitbucket\.org|stackoverflow\.com|twitter\.com|x\.com|behance\.net|dribbble\.com|medium\.com|kaggle\.com)/[^\s<>()\[\]{}|]+|[a-z0-9\-]+\.(?:github\.io|dev|me|io)\b(?:/[^\s<>()\[\]{}|]*)?)",
    )
}

/// Profile hosts worth keeping wherever they appear; other URLs only count in the header.
const PROFILE_HOSTS: &[&str] = &[
    "linkedin.com", "github.com", "gitlab.com", "bitbucket.org", "stackoverflow.com", "twitter.com", "x.com",
    "behance.net", "dribbble.com", "medium.com", "kaggle.com", "github.io", "indeed.com",
];

/// Words that mark a line as a role, a document title or an address rather than a name.
const NOT_NAME: &[&str] = &[
    "resume", "curriculum", "vitae", "cv", "lebenslauf", "profile", "engineer", "developer", "manager",
    "accountant", "consultant", "analyst", "designer", "specialist", "director", "officer", "assistant",
    "architect", "administrator", "coordinator", "technician", "teacher", "nurse", "scientist",
    "executive", "representative", "supervisor", "intern", "student", "street", "road", "avenue", "city",
    "state", "page", "email", "phone", "address", "summary", "objective", "university", "college",
    "company", "name", "professional", "experience", "skills", "advocate", "chef", "agent", "lead",
];

pub fn extract(text: &str, lines: &[Line], header_end: usize) -> Contact {
    let mut c = Contact::default();
    let head = &text[..header_end.min(text.len())];
    c.email = email_re()
        .find(head)
        .or_else(|| email_re().find(text))
        .map(|m| m.as_str().trim_end_matches('.').to_string());
    c.phone = find_phone(head).or_else(|| find_labelled_phone(text));
    c.links = links(text, header_end);
    // The name and location are looked for in the first lines of the header.
    let top: Vec<&Line> = lines
        .iter()
        .filter(|l| l.start < header_end.max(1) && !l.text.trim().is_empty())
        .take(12)
        .collect();
    c.name = top.iter().find_map(|l| name_in(&l.text));
    c.location = top.iter().find_map(|l| location_in(&l.text, c.name.as_deref()));
    c
}

fn digits(s: &str) -> usize {
    s.bytes().filter(u8::is_ascii_digit).count()
}

/// A phone number: 8–15 digits, not a date range or a year list.
fn phone_ok(s: &str) -> bool {
    let n = digits(s);
    if !(8..=15).contains(&n) {
        return false;
    }
    static YEARS: OnceLock<Regex> = OnceLock::new();
    let years = re(&YEARS, r"^\(?(?:19|20)\d{2}\s*[\-–/]\s*(?:19|20)?\d{2}\)?$|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$");
    if years.is_match(s.trim()) {
        return false;
    }
    // A plain run of digits without any separator or "+" is more likely an id.
    let plain = s.chars().all(|c| c.is_ascii_digit());
    !(plain && n != 10)
}

fn find_phone(s: &str) -> Option<String> {
    phone_re()
        .find_iter(s)
        .map(|m| m.as_str().trim())
        .find(|p| phone_ok(p))
        .map(|p| p.trim_end_matches(['.', '-', '/']).to_string())
}

fn find_labelled_phone(text: &str) -> Option<String> {
    static LABEL: OnceLock<Regex> = OnceLock::new();
    let label = re(&LABEL, r"(?i)\b(?:phone|mobile|mob|cell|tel|telephone|telefon|handy|téléphone|portable|teléfono|móvil|contact(?: no)?)\.?\s*(?:no\.?|number|#)?\s*[:.\-]?\s*");
    for m in label.find_iter(text) {
        let rest = &text[m.end()..];
        let window = &rest[..rest.char_indices().nth(30).map_or(rest.len(), |(i, _)| i)];
        if let Some(p) = find_phone(window) {
            return Some(p);
        }
    }
    None
}

fn links(text: &str, header_end: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in url_re().find_iter(text) {
        let raw = m.as_str().trim_end_matches(['.', ',', ';', ':', ')', '\'', '"', '’']);
        if raw.contains('@') {
            continue;
        }
        let lower = raw.to_ascii_lowercase();
        let profile = PROFILE_HOSTS.iter().any(|h| lower.contains(h));
        if !profile && m.start() >= header_end {
            continue;
        }
        let url = if lower.starts_with("http://") || lower.starts_with("https://") {
            raw.to_string()
        } else {
            format!("https://{raw}")
        };
        // The same profile linked twice (with and without tracking parameters).
        let key = url.split(['?', '#']).next().unwrap_or(&url).trim_end_matches('/').to_ascii_lowercase();
        let key = key.trim_start_matches("https://").trim_start_matches("http://").trim_start_matches("www.").to_string();
        if !out.iter().any(|u| {
            let k = u.split(['?', '#']).next().unwrap_or(u).trim_end_matches('/').to_ascii_lowercase();
            k.trim_start_matches("https://").trim_start_matches("http://").trim_start_matches("www.") == key
        }) {
            out.push(url);
        }
        if out.len() >= 10 {
            break;
        }
    }
    out
}

/// Splits a header line into its parts ("Jane Doe | jane@x.org | Berlin, Germany").
fn parts(line: &str) -> impl Iterator<Item = &str> {
    line.split(['|', '•', '·', '●', '◆', '▪', '\t'])
        .flat_map(|p| p.split("  "))
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" – "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

fn name_in(line: &str) -> Option<String> {
    let line = line.trim();
    let line = strip_label(line, &["name", "nom", "nombre"]).unwrap_or(line);
    let first = parts(line).next()?;
    // Markdown headings and emphasis around the name.
    let first = first.trim_matches(|c: char| matches!(c, '#' | '*' | '_' | ' '));
    let words: Vec<&str> = first.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) || first.len() > 50 {
        return None;
    }
    let ok_word = |w: &str| {
        let letters = w.trim_end_matches([',', '.']);
        let mut cs = letters.chars();
        matches!(cs.next(), Some(c) if c.is_uppercase())
            && letters.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
    };
    if !words.iter().all(|w| ok_word(w)) {
        return None;
    }
    let folded = hirekit_model::location::fold(first);
    if folded.split(' ').any(|w| NOT_NAME.contains(&w)) || sections::kind_of(&folded).is_some() {
        return None;
    }
    let t = normalize_title(first);
    if t.role_family != RoleFamily::Other || t.seniority.is_some() {
        return None;
    }
    // A place ("San Francisco, CA") is not a name.
    if first.contains(',') {
        return None;
    }
    Some(first.to_string())
}

fn strip_label<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    let (head, rest) = line.split_once(':')?;
    let h = head.trim().to_lowercase();
    labels.iter().any(|l| h == *l).then_some(rest.trim())
}

fn location_in(line: &str, name: Option<&str>) -> Option<String> {
    let line = line.trim();
    if let Some(v) = strip_label(line, &["address", "location", "adresse", "wohnort", "ort", "dirección", "direccion", "ubicación", "city"]) {
        if !v.is_empty() && v.len() <= 80 {
            return Some(v.to_string());
        }
    }
    for p in parts(line) {
        if Some(p) == name || p.contains('@') || p.contains("://") || p.contains("www.") || p.len() > 60 {
            continue;
        }
        if digits(p) > 5 || p.contains(':') {
            continue;
        }
        let words = p.split_whitespace().count();
        if words == 0 || words > 6 {
            continue;
        }
        // "City, Region" or a name the gazetteer knows.
        let info = normalize_location(p);
        let city_region = p.contains(',') && p.split(',').all(|s| s.trim().chars().next().is_some_and(char::is_uppercase));
        if !info.countries.is_empty() && (city_region || words <= 3) {
            return Some(p.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        assert_eq!(find_phone("Call +49 30 1234567 today").as_deref(), Some("+49 30 1234567"));
        assert_eq!(find_phone("(555) 123-4567").as_deref(), Some("(555) 123-4567"));
        assert_eq!(find_phone("2015 - 2018"), None);
        assert_eq!(find_phone("Jan 2015 - 2018"), None);
    }

    #[test]
    fn names() {
        assert_eq!(name_in("Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(name_in("JANE DOE | Berlin").as_deref(), Some("JANE DOE"));
        assert_eq!(name_in("Senior Software Engineer"), None);
        assert_eq!(name_in("Professional Summary"), None);
        assert_eq!(name_in("San Francisco, CA"), None);
    }
}
