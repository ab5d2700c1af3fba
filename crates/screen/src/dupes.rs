//! The same person applying twice in one batch: same e-mail, same phone number, identical
//! text, or the same name with near-identical text (word 5-gram Jaccard ≥ 0.8).

use crate::text::jaccard;
use hirekit_model::profile::Profile;
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Shingle Jaccard above which two resumes under one name are the same application.
pub const NEAR_IDENTICAL: f32 = 0.8;

pub struct Ident {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub name: Option<String>,
    /// xxh3 of the lowercased text.
    pub text_hash: u64,
    /// Filled only for candidates sharing a name with another (see `shared_names`).
    pub shingles: Vec<u64>,
}

fn email_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}").expect("valid regex")
    })
}

pub fn norm_email(p: &Profile, text: &str) -> Option<String> {
    p.contact
        .email
        .clone()
        .or_else(|| email_re().find(text).map(|m| m.as_str().to_string()))
        .map(|e| e.trim().to_lowercase())
        .filter(|e| e.contains('@'))
}

/// Digits of the phone, last 9 of them (so "+49 30 1234567" = "030 1234567").
pub fn norm_phone(p: &Profile) -> Option<String> {
    let d: String = p
        .contact
        .phone
        .as_deref()?
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    (d.len() >= 9).then(|| d[d.len() - 9..].to_string())
}

/// Name words, lowercased and sorted ("Smith, John" = "John Smith").
pub fn norm_name(p: &Profile) -> Option<String> {
    let n = p.contact.name.as_deref()?;
    let mut w: Vec<String> = n
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .map(str::to_lowercase)
        .collect();
    if w.len() < 2 {
        return None;
    }
    w.sort();
    Some(w.join(" "))
}

/// Names that occur more than once (only those candidates need shingles).
pub fn shared_names(names: &[Option<String>]) -> Vec<bool> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for n in names.iter().flatten() {
        *count.entry(n).or_default() += 1;
    }
    names
        .iter()
        .map(|n| n.as_deref().is_some_and(|n| count[n] > 1))
        .collect()
}

/// For each candidate (in `order`, best first), the index of a better-ranked candidate that
/// is the same person.
pub fn duplicates(ids: &[Ident], order: &[usize]) -> Vec<Option<usize>> {
    let mut out = vec![None; ids.len()];
    let mut by_email: HashMap<&str, usize> = HashMap::new();
    let mut by_phone: HashMap<&str, usize> = HashMap::new();
    let mut by_text: HashMap<u64, usize> = HashMap::new();
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in order {
        let id = &ids[i];
        let mut first = None;
        if let Some(e) = id.email.as_deref() {
            first = first.or(by_email.get(e).copied());
        }
        if let Some(p) = id.phone.as_deref() {
            first = first.or(by_phone.get(p).copied());
        }
        first = first.or(by_text.get(&id.text_hash).copied());
        if first.is_none() {
            if let Some(n) = id.name.as_deref() {
                first = by_name.get(n).and_then(|v| {
                    v.iter()
                        .copied()
                        .find(|&j| jaccard(&ids[j].shingles, &id.shingles) >= NEAR_IDENTICAL)
                });
            }
        }
        // Point at the group's best-ranked member.
        let root = first.map(|j| out[j].unwrap_or(j));
        out[i] = root;
        if let Some(e) = id.email.as_deref() {
            by_email.entry(e).or_insert(root.unwrap_or(i));
        }
        if let Some(p) = id.phone.as_deref() {
            by_phone.entry(p).or_insert(root.unwrap_or(i));
        }
        by_text.entry(id.text_hash).or_insert(root.unwrap_or(i));
        if let Some(n) = id.name.as_deref() {
            by_name.entry(n).or_default().push(i);
        }
    }
    out
}
