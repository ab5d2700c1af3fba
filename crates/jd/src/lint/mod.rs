//! The JD linter. Input may be plain text, Markdown or HTML: rules read the text with tags
//! dropped and character references decoded, and every finding's `start..end` is a byte
//! range of the input as given.
//!
//! Rules (stable ids): `missing-pay-range`, `gendered-language`, `exclusionary-language`,
//! `too-many-requirements`, `years-exceed-technology-age`, `unclear-location`,
//! `missing-employment-type`, `length`, `readability`, `all-caps-shouting`, `jargon`.
mod doc;
mod pay;
mod tech;
mod view;
mod words;

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use regex::Regex;

use crate::{Finding, JdError, Severity};
use view::View;

pub use tech::TECH;
pub use words::ENTRIES as WORD_LIST;

#[derive(Debug, Clone)]
pub struct LintOptions {
    /// Date the JD is judged on: which pay-transparency laws are in force, how old each
    /// technology is. Default: today.
    pub reference_date: NaiveDate,
    /// Fewer words than this: `length` warning.
    pub min_words: usize,
    /// More words than this: `length` warning.
    pub max_words: usize,
    /// More must-have bullets than this: `too-many-requirements`.
    pub max_requirements: usize,
    /// Sentences longer than this (in words) are flagged by `readability`.
    pub max_sentence_words: usize,
    /// Flesch reading ease below this is flagged by `readability`.
    pub min_flesch: f64,
}

impl Default for LintOptions {
    fn default() -> Self {
        LintOptions {
            reference_date: chrono::Utc::now().date_naive(),
            min_words: 150,
            max_words: 1200,
            max_requirements: 10,
            max_sentence_words: 45,
            min_flesch: 20.0,
        }
    }
}

/// Lint one JD. Empty or binary input is an error, not a finding.
pub fn lint(text: &str, opts: &LintOptions) -> Result<Vec<Finding>, JdError> {
    check_input(text.as_bytes())?;
    Ok(lint_text(text, opts))
}

/// Lint raw bytes (a file's content): invalid UTF-8 or NUL bytes mean binary.
pub fn lint_bytes(bytes: &[u8], opts: &LintOptions) -> Result<Vec<Finding>, JdError> {
    check_input(bytes)?;
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok(lint_text(t, opts)),
        Err(_) => {
            // a few stray bytes (Latin-1 quotes) are tolerated; offsets then refer to the lossy text
            let t = String::from_utf8_lossy(bytes);
            Ok(lint_text(&t, opts))
        }
    }
}

/// Lint many JDs in parallel (rayon), results in input order.
pub fn lint_many<S: AsRef<str> + Sync>(
    texts: &[S],
    opts: &LintOptions,
) -> Vec<Result<Vec<Finding>, JdError>> {
    texts.par_iter().map(|t| lint(t.as_ref(), opts)).collect()
}

fn check_input(b: &[u8]) -> Result<(), JdError> {
    if b.iter().all(u8::is_ascii_whitespace) {
        return Err(JdError::BadInput("empty input: nothing to lint".into()));
    }
    if memchr::memchr(0, b).is_some() {
        return Err(JdError::BadInput(
            "binary input (contains NUL bytes): lint takes text, Markdown or HTML".into(),
        ));
    }
    if std::str::from_utf8(b).is_err() {
        let bad = String::from_utf8_lossy(b).matches('\u{FFFD}').count();
        let chars = b.len().max(1);
        if bad * 20 > chars || bad > 64 {
            return Err(JdError::BadInput(format!(
                "binary input ({bad} invalid UTF-8 sequences): lint takes text, Markdown or HTML"
            )));
        }
    }
    let controls = b
        .iter()
        .filter(|&&c| c < 0x20 && !matches!(c, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if controls * 20 > b.len() {
        return Err(JdError::BadInput(
            "binary input (control characters): lint takes text, Markdown or HTML".into(),
        ));
    }
    Ok(())
}

struct Out<'v, 'a> {
    view: &'v View<'a>,
    findings: Vec<Finding>,
}

impl Out<'_, '_> {
    /// Add a finding with a span in view coordinates.
    fn add(
        &mut self,
        rule: &'static str,
        severity: Severity,
        span: (usize, usize),
        message: String,
        suggestion: Option<String>,
    ) {
        let (start, end) = self.view.orig(span.0, span.1);
        self.findings.push(Finding {
            rule,
            severity,
            message,
            start,
            end,
            suggestion,
        });
    }
}

static CANDIDATE_HE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)\b(?:the|our|this|an?) (?:ideal |successful |right |selected |qualified )?(?:candidate|applicant|person|individual|incumbent|hire|employee|engineer|developer|professional)\b[^.\n]{0,80}?\b(he|his|him|himself)\b")
        .expect("regex")
});
static YEARS_CAP: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)\b(?:no more than|not more than|maximum of|max(?:imum)?\.?|at most|up to a maximum of) \d{1,2} years?(?: of)? (?:experience|work experience)\b|\bgraduated (?:with)?in the (?:last|past) \d{1,2} years\b")
        .expect("regex")
});
static LIFT: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)\bmust be able to (?:lift|carry|stand|walk)\b").expect("regex")
});
static PHYSICAL: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)\b(?:warehouse|construction|nurs(?:e|es|ing)|patients?|caregiv\w*|technicians?|mechanics?|drivers?|delivery|retail|restaurant|kitchen|cook|chef|manufacturing|production floor|forklift|loading dock|stocking|janitor\w*|custodi\w*|fitness|security (?:guard|officer)s?|landscap\w*|farm\w*|clinic\w*|hospital|hvac|electricians?|plumb\w*|carpent\w*|weld\w*|assembly line|shipping and receiving|housekeep\w*|hotel|bartend\w*|barista|childcare|classroom|veterinar\w*|animals?|on your feet|site visits?|job ?site|movers?|stock room|physical(?:ly)? demanding|in-store|store (?:manager|associate|team|staff|employee)s?|(?:our|the|retail) stores?)\b")
        .expect("regex")
});

/// Compile a rule pattern with ASCII `\b`, `\w`, `\d`. Unicode word boundaries stop the
/// regex crate's fast DFA at the first non-ASCII byte (every "’" or "•" in a JD), which made
/// linting several times slower; the rule words are ASCII anyway.
pub(crate) fn ascii_regex(p: &str) -> Result<Regex, regex::Error> {
    let p = p
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\w", "[0-9A-Za-z_]")
        .replace(r"\d", "[0-9]");
    // Case-insensitive Unicode alternations also spill the lazy DFA's cache; patterns that
    // cannot match invalid UTF-8 without Unicode mode compile ASCII-only.
    if let Some(rest) = p.strip_prefix("(?i)") {
        if let Ok(re) = Regex::new(&format!("(?i-u){rest}")) {
            return Ok(re);
        }
    }
    Regex::new(&p)
}

fn lint_text(input: &str, opts: &LintOptions) -> Vec<Finding> {
    let view = View::new(input);
    let t: &str = &view.text;
    let lower = t.as_bytes().to_ascii_lowercase();
    let mut out = Out {
        view: &view,
        findings: Vec::new(),
    };

    pay_rule(t, &lower, opts, &mut out);
    word_rules(t, &lower, &mut out);
    pattern_rules(t, &mut out);
    if let Some((s, e, n)) = doc::must_haves(t) {
        if n > opts.max_requirements {
            out.add(
                "too-many-requirements",
                Severity::Warning,
                (s, e),
                format!("{n} must-have requirements (more than {}): long lists deter qualified applicants, women most of all", opts.max_requirements),
                Some("keep the 5–8 that are truly required; move the rest to \"nice to have\"".into()),
            );
        }
    }
    let year = opts.reference_date.year();
    for h in tech::check(t, &lower, year) {
        out.add(
            "years-exceed-technology-age",
            Severity::Warning,
            (h.start, h.end),
            format!(
                "asks for {} years of {}, which was first released in {} ({} years before {year})",
                h.years,
                h.tech,
                h.since,
                year - h.since
            ),
            Some(format!(
                "ask for at most {} years, or for years of related experience",
                (year - h.since).max(1)
            )),
        );
    }
    // restaurant, warehouse, clinic work: on-site goes without saying
    let policy = doc::states_policy(t) || PHYSICAL.is_match(t);
    if !policy {
        let place = doc::states_place(t);
        let msg = if place {
            "does not say whether the role is remote, hybrid or on-site"
        } else {
            "states neither where the job is nor whether it is remote, hybrid or on-site"
        };
        out.add("unclear-location", Severity::Warning, (0, 0), msg.into(), Some("add a line such as \"Location: Berlin, Germany (hybrid, 2 days a week in the office)\"".into()));
    }
    if !doc::states_employment(t) {
        out.add(
            "missing-employment-type",
            Severity::Warning,
            (0, 0),
            "does not state the employment type".into(),
            Some("say full-time, part-time, contract, temporary or internship".into()),
        );
    }
    let n = doc::words(t);
    if n < opts.min_words {
        out.add(
            "length",
            Severity::Warning,
            (0, 0),
            format!("only {n} words: too short to describe the role (aim for 300–700)"),
            Some("add responsibilities, requirements, pay and benefits".into()),
        );
    } else if n > opts.max_words {
        out.add(
            "length",
            Severity::Warning,
            (0, 0),
            format!("{n} words: long descriptions lose readers (aim for 300–700)"),
            Some("cut boilerplate and repeated points".into()),
        );
    }
    readability(t, opts, &mut out);
    for (s, e) in doc::shouting(t) {
        out.add(
            "all-caps-shouting",
            Severity::Info,
            (s, e),
            "long run of capital letters reads as shouting".into(),
            Some("use sentence case; bold for emphasis".into()),
        );
    }
    out.findings.sort_by_key(|f| (f.start, f.end));
    out.findings
}

fn pay_rule(t: &str, lower: &[u8], opts: &LintOptions, out: &mut Out) {
    if hirekit_model::salary::parse_salary(t).is_some() {
        return;
    }
    let on = opts.reference_date;
    let sugg = Some("state the pay range, e.g. \"$120,000 – $150,000 per year\"".to_string());
    if let Some((s, e, place)) = pay::transparency_place(t, lower, on) {
        out.add(
            "missing-pay-range",
            Severity::Error,
            (s, e),
            format!("no pay range found, but the job is in {place}, where job ads must state pay"),
            sugg,
        );
    } else if let Some((s, e)) = pay::remote_us(t, on) {
        out.add(
            "missing-pay-range",
            Severity::Error,
            (s, e),
            "no pay range found for a remote US role (pay-transparency laws in CO, CA, WA, NY and others cover remote jobs)".into(),
            sugg,
        );
    } else {
        out.add(
            "missing-pay-range",
            Severity::Warning,
            (0, 0),
            "no pay range found: ads with pay get more applicants".into(),
            sugg,
        );
    }
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

fn word_rules(t: &str, lower: &[u8], out: &mut Out) {
    for m in words::MATCHER.find_iter(lower) {
        let (s, e) = (m.start(), m.end());
        let first_word = lower[s].is_ascii_alphanumeric();
        let last_word = lower[e - 1].is_ascii_alphanumeric();
        if (first_word && s > 0 && is_word(lower[s - 1]))
            || (last_word && lower.get(e).is_some_and(|&b| is_word(b)))
        {
            continue;
        }
        let w = &words::ENTRIES[m.pattern().as_usize()];
        let found = &t[s..e];
        let rest = &t[e..];
        // "he/she/they" already includes everyone
        if w.why.starts_with("binary")
            && (rest.starts_with("/they")
                || rest.starts_with("/them")
                || rest.starts_with("/their"))
        {
            continue;
        }
        // "Synergy Consultants", "Rockstar Games": a capitalised name, not wording
        if (w.rule == "jargon" || w.why.contains("slang"))
            && found.starts_with(|c: char| c.is_ascii_uppercase())
        {
            let next = rest.trim_start_matches([' ', ',']);
            if rest.starts_with(' ') && next.starts_with(|c: char| c.is_ascii_uppercase()) {
                continue;
            }
        }
        out.add(
            w.rule,
            w.severity,
            (s, e),
            format!("\"{found}\": {}", w.why),
            Some(w.suggestion.to_string()),
        );
    }
}

fn pattern_rules(t: &str, out: &mut Out) {
    for c in CANDIDATE_HE.captures_iter(t) {
        if let Some(p) = c.get(1) {
            // "he/she", "his or her" are the binary-pair entries of the word list
            let rest = &t[p.end()..];
            if rest.starts_with('/') || rest.starts_with(" or ") {
                continue;
            }
            let sug = match p.as_str().to_ascii_lowercase().as_str() {
                "he" => "they",
                "his" => "their",
                "him" => "them",
                _ => "themselves",
            };
            out.add(
                "gendered-language",
                Severity::Warning,
                (p.start(), p.end()),
                format!("\"{}\" assumes the candidate is a man", p.as_str()),
                Some(sug.into()),
            );
        }
    }
    for m in YEARS_CAP.find_iter(t) {
        out.add(
            "exclusionary-language",
            Severity::Warning,
            (m.start(), m.end()),
            format!("\"{}\": a cap on experience is an age proxy", m.as_str()),
            Some("describe the level of the role instead".into()),
        );
    }
    if let Some(m) = LIFT.find(t) {
        if !PHYSICAL.is_match(t) {
            out.add(
                "exclusionary-language",
                Severity::Info,
                (m.start(), m.end()),
                format!("\"{}\" in what reads as a desk job: physical requirements that are not essential exclude people with disabilities", m.as_str()),
                Some("state physical demands only if essential, \"with or without reasonable accommodation\"".into()),
            );
        }
    }
}

fn readability(t: &str, opts: &LintOptions, out: &mut Out) {
    let sents = doc::sentences(t);
    let mut flagged = 0;
    for &(s, e) in &sents {
        let n = doc::words(&t[s..e]);
        if n > opts.max_sentence_words && flagged < 3 {
            let s2 = s + (t[s..e].len() - t[s..e].trim_start().len());
            out.add(
                "readability",
                Severity::Info,
                (s2, e),
                format!("sentence of {n} words: hard to follow"),
                Some("split it into shorter sentences or a list".into()),
            );
            flagged += 1;
        }
    }
    if let Some(score) = doc::flesch(t, &sents) {
        if score < opts.min_flesch {
            out.add(
                "readability",
                Severity::Info,
                (0, 0),
                format!(
                    "Flesch reading ease {score:.0} (below {:.0}): very hard to read",
                    opts.min_flesch
                ),
                Some("use shorter sentences and plainer words".into()),
            );
        }
    }
}
