//! Keys that decide when two items are the same job.
//!
//! Two items are one posting when their company, title and place agree after normalization:
//! legal suffixes, gender markers, punctuation, abbreviations and case do not count; the place is
//! "remote" plus its countries for remote jobs, else the first city named.

use crate::posting::{Posting, RemotePolicy};

const LEGAL_SUFFIXES: &[&str] = &[
    "inc", "incorporated", "llc", "ltd", "limited", "gmbh", "ag", "sa", "sas", "sarl", "bv", "nv", "plc", "corp",
    "corporation", "co", "company", "oy", "ab", "as", "aps", "srl", "spa", "pty", "pte", "kg", "se", "ug",
];

/// Lowercase ASCII-folded words of `s` (letters and digits only).
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for ch in s.chars() {
        if ch.is_alphanumeric() || ch == '+' || ch == '#' {
            for l in ch.to_lowercase() {
                cur.push(fold(l));
            }
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Fold common accented letters so "Zürich" and "Zurich" agree.
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

/// "Acme, Inc." → "acme"; "ACME GmbH" → "acme".
pub fn company_key(company: &str) -> String {
    let mut w = words(company);
    while w.len() > 1 && w.last().is_some_and(|x| LEGAL_SUFFIXES.contains(&x.as_str())) {
        w.pop();
    }
    w.join(" ")
}

/// "Sr. Backend Engineer (m/w/d) - Remote" → "senior backend engineer".
pub fn title_key(title: &str) -> String {
    // Drop bracketed noise such as (m/w/d), (H/F), [Remote], and a trailing " - Remote"/" | City".
    let mut t = String::with_capacity(title.len());
    let mut depth = 0usize;
    for ch in title.chars() {
        match ch {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => t.push(ch),
            _ => {}
        }
    }
    let lowered = t.to_lowercase();
    let cut = [" - remote", " | ", " – remote", " - hybrid"]
        .iter()
        .filter_map(|sep| lowered.find(sep))
        .min()
        .unwrap_or(lowered.len());
    words(&lowered[..cut])
        .into_iter()
        .filter(|w| !matches!(w.as_str(), "m" | "w" | "d" | "f" | "x" | "h" | "remote" | "hybrid"))
        .map(|w| match w.as_str() {
            "sr" | "snr" => "senior".to_string(),
            "jr" | "jnr" => "junior".to_string(),
            "eng" | "engr" => "engineer".to_string(),
            "dev" => "developer".to_string(),
            "mgr" => "manager".to_string(),
            _ => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The place part of the identity.
pub fn place_key(p: &Posting) -> String {
    if p.remote == Some(RemotePolicy::Remote) {
        let mut c = p.countries.clone();
        c.sort();
        return format!("remote:{}", c.join(","));
    }
    let first = p.locations.first().map(String::as_str).unwrap_or("");
    let city = first.split([',', '/', '|', ';', '(']).next().unwrap_or("");
    let city = words(city).join(" ");
    if city.is_empty() || city == "remote" {
        let mut c = p.countries.clone();
        c.sort();
        c.join(",")
    } else {
        city
    }
}

/// The cross-source identity of a posting.
pub fn fingerprint(p: &Posting) -> String {
    format!(
        "{}|{}|{}",
        company_key(p.company.as_deref().unwrap_or("")),
        title_key(&p.title),
        place_key(p)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_suffixes_and_case() {
        assert_eq!(company_key("Acme, Inc."), "acme");
        assert_eq!(company_key("ACME GmbH"), "acme");
        assert_eq!(company_key("Foo Bar Co."), "foo bar");
        assert_eq!(company_key("Company"), "company");
    }

    #[test]
    fn title_noise() {
        assert_eq!(title_key("Sr. Backend Engineer (m/w/d)"), "senior backend engineer");
        assert_eq!(title_key("Senior Backend Engineer - Remote"), "senior backend engineer");
        assert_eq!(title_key("Senior Backend Engineer | Berlin"), "senior backend engineer");
        assert_ne!(title_key("Backend Engineer II"), title_key("Backend Engineer III"));
    }
}
