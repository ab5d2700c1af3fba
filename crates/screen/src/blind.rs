//! Blind screening: the resume with the things that must not sway a decision masked out.
//!
//! Masked: the candidate's name (the full name and each capitalized part of it), e-mail
//! addresses, phone numbers, links, photo references, age and birth date, gender cues
//! (pronouns, Mr/Ms…, "Gender: …", male/female) and nationality / citizenship / marital
//! status / religion lines. Each masked byte becomes `*`, so the text keeps its length and
//! every evidence span of the profile stays valid. `*` is not a word character, so what is
//! scored does not depend on the masked content (or its length).
//! The profile loses name, e-mail, phone and links; its location is kept because location
//! criteria need it.

use hirekit_model::profile::Profile;
use regex::Regex;
use std::sync::OnceLock;

fn patterns() -> &'static [Regex] {
    static RE: OnceLock<Vec<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        [
            // e-mail
            r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}",
            // links
            r"(?i)(?-u:\b)(?:https?://|www\.)[^\s<>()]+",
            r"(?i)(?-u:\b)(?:linkedin\.com|github\.com|gitlab\.com|twitter\.com|x\.com|facebook\.com|instagram\.com|t\.me|behance\.net|dribbble\.com|stackoverflow\.com)/[^\s<>()]*",
            // photo references
            r"(?i)(?-u:\b)[\w\-]+\.(?:jpe?g|png|gif|bmp|heic|webp)(?-u:\b)",
            r"(?i)(?-u:\b)(?:photo(?:graph)?|picture|headshot)\s*[:\-]?[^\n]{0,40}",
            // age and birth date: the rest of the line after the label
            r"(?i)(?-u:\b)(?:date\s+of\s+birth|birth\s*date|birthday|d\.?o\.?b\.?|born(?:\s+on|\s+in)?|place\s+of\s+birth|geburtsdatum|date\s+de\s+naissance|fecha\s+de\s+nacimiento)(?-u:\b)\s*[:\-]?[^\n]{0,40}",
            r"(?i)(?-u:\b)age\s*[:\-]\s*\d{1,2}(?-u:\b)[^\n]{0,10}",
            r"(?i)(?-u:\b)\d{2}\s*(?:years?\s+old|y/o|yrs?\s+old|ans|jahre\s+alt)(?-u:\b)",
            // nationality, citizenship, marital status, religion, gender: rest of the line
            r"(?i)(?-u:\b)(?:nationality|citizenship|marital\s+status|civil\s+status|family\s+status|religion|gender|sex|visa\s+status|staatsangehörigkeit|familienstand|nationalité|nacionalidad|estado\s+civil)\s*[:\-][^\n]{0,40}",
            // gender cues
            r"(?i)(?-u:\b)(?:he|she|him|her|his|hers|himself|herself|male|female|husband|wife|mother|father)(?-u:\b)",
            // honorifics, case-sensitive: "MS" is Microsoft or a degree, not "Ms"
            r"(?-u:\b)(?:Mr|MR|Mrs|MRS|Ms|Miss|Mx|Sir|Madam|Herr|Frau|Mme|Mlle)(?-u:\b)\.?",
            // phone numbers: at least 9 digits with the usual separators (a date range has 8)
            r"(?:\+|(?-u:\b))\d[\d\s().\-/]{7,18}\d(?-u:\b)",
        ]
        .iter()
        // ASCII word boundaries: Unicode `\b` keeps the regex engine off its fast DFA on
        // non-ASCII text, which made blind mode ~25× slower than scoring.
        .map(|p| Regex::new(p).expect("valid blind regex"))
        .collect()
    })
}

/// "01/2015 - 03/2019": two years in a digit run are dates, not a phone number.
fn looks_like_dates(s: &str) -> bool {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|g| g.len() == 4 && matches!(g.parse::<u32>(), Ok(1950..=2039)))
        .count()
        >= 2
}

fn mask(buf: &mut [u8], a: usize, b: usize) {
    let b = b.min(buf.len());
    for x in &mut buf[a.min(b)..b] {
        *x = b'*';
    }
}

/// Masks in place every range to hide; ranges are on char boundaries (regex matches and
/// name occurrences), so the result stays valid UTF-8.
fn mask_text(text: &str, name: Option<&str>) -> String {
    let mut buf = text.as_bytes().to_vec();
    for (i, re) in patterns().iter().enumerate() {
        let is_phone = i == patterns().len() - 1;
        for m in re.find_iter(text) {
            if is_phone {
                let digits = m.as_str().bytes().filter(u8::is_ascii_digit).count();
                if !(9..=15).contains(&digits) || looks_like_dates(m.as_str()) {
                    continue;
                }
            }
            mask(&mut buf, m.start(), m.end());
        }
    }
    if let Some(name) = name {
        let full = name.trim();
        if full.len() >= 2 {
            let lower = text.to_lowercase();
            // Offsets carry over only if every char keeps its byte length ("ȺΩ" with the
            // Ohm sign grows one char and shrinks the other: same total, shifted offsets).
            let same_offsets = text
                .chars()
                .all(|c| c.to_lowercase().map(char::len_utf8).sum::<usize>() == c.len_utf8());
            if same_offsets {
                let fl = full.to_lowercase();
                for (s, _) in lower.match_indices(&fl) {
                    mask(&mut buf, s, s + fl.len());
                }
            }
            // Each capitalized part of the name, as a whole word ("Smith" alone, "J. Smith").
            for part in full.split(|c: char| c.is_whitespace() || c == ',') {
                let part = part.trim_matches('.');
                if part.chars().count() < 2 || !part.chars().next().is_some_and(char::is_uppercase)
                {
                    continue;
                }
                for (s, _) in text.match_indices(part) {
                    let e = s + part.len();
                    let before = text[..s].chars().next_back();
                    let after = text[e..].chars().next();
                    if !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                    {
                        mask(&mut buf, s, e);
                    }
                }
            }
        }
    }
    // Only ASCII '*' replaced whole chars, so this cannot fail; fall back to lossy anyway.
    String::from_utf8(buf).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The resume text and profile with identity and protected characteristics masked.
/// Byte offsets are unchanged (same-length masks).
pub fn blind(text: &str, profile: &Profile) -> (String, Profile) {
    let name = profile.contact.name.as_deref();
    let text_out = mask_text(text, name);
    let mut p = profile.clone();
    p.contact.name = None;
    p.contact.email = None;
    p.contact.phone = None;
    p.contact.links.clear();
    if let Some(s) = &p.summary {
        p.summary = Some(mask_text(s, name));
    }
    for e in &mut p.experience {
        e.description = mask_text(&e.description, name);
    }
    p.languages
        .retain(|l| !l.to_lowercase().contains("nationality"));
    (text_out, p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_keep_length_and_hide_identity() {
        let text = "Jane Q. Doe\njane.doe@example.com | +1 (555) 123-4567 | https://linkedin.com/in/jdoe\nDate of birth: 01.02.1990\nNationality: French\nMarital status: married\nShe led a team of 5 engineers at Acme (2015 - 2019). Doe wrote Rust.";
        let mut p = Profile::default();
        p.contact.name = Some("Jane Q. Doe".into());
        let (b, bp) = blind(text, &p);
        assert_eq!(b.len(), text.len());
        for gone in [
            "Jane", "Doe", "jane.doe", "555", "linkedin", "1990", "French", "married", "She ",
        ] {
            assert!(!b.contains(gone), "{gone} still in {b}");
        }
        for kept in ["led a team of 5 engineers", "Acme", "2015 - 2019", "Rust"] {
            assert!(b.contains(kept), "{kept} lost in {b}");
        }
        assert!(bp.contact.name.is_none());
    }
}
