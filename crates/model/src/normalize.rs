//! `SourcePosting` → `Posting`: every normalizer applied to one item.

use crate::employment::normalize_employment_type;
use crate::location::{country_currency, normalize_location};
use crate::posting::{Posting, Seniority, SourcePosting};
use crate::salary::{parse_salary_with, SalaryOptions};
use crate::skills::{canonical_skill, extract_skills};
use crate::text::html_to_text;
use crate::title::normalize_title;

/// Structured seniority fields (SmartRecruiters experienceLevel, Personio seniority, …).
/// Only unambiguous values count: LinkedIn-style "mid_senior_level" says nothing.
fn structured_seniority(s: &str) -> Option<Seniority> {
    let s = s.to_ascii_lowercase().replace(['-', ' '], "_");
    Some(match s.as_str() {
        "internship" | "intern" | "student" | "trainee" => Seniority::Intern,
        "entry_level" | "entry" | "junior" | "associate" | "graduate" => Seniority::Junior,
        "mid_level" | "mid" | "intermediate" => Seniority::Mid,
        "senior" | "senior_level" => Seniority::Senior,
        "director" | "executive" | "head" | "vp" => Seniority::Head,
        _ => return None,
    })
}

fn squash_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Normalize one item. Pure: the same input always gives the same posting.
pub fn normalize(sp: &SourcePosting) -> Posting {
    let title = squash_spaces(&sp.title);
    let info = normalize_title(&title);
    let seniority = info
        .seniority
        .or_else(|| sp.seniority.as_deref().and_then(structured_seniority));

    let description = match (&sp.description_html, &sp.description_text) {
        (Some(h), _) if !h.trim().is_empty() => html_to_text(h),
        (_, Some(t)) => t.trim().to_string(),
        _ => String::new(),
    };

    let locations: Vec<String> = sp
        .locations
        .iter()
        .map(|l| squash_spaces(l))
        .filter(|l| !l.is_empty())
        .collect();
    let loc = normalize_location(&locations.join("; "));
    let mut countries = loc.countries.clone();
    if let Some(c) = &sp.country {
        let c = c.to_ascii_uppercase();
        if c.len() == 2 && !countries.contains(&c) {
            countries.insert(0, c);
        }
    }
    let remote = sp.remote.or(loc.remote);

    let employment_type = sp
        .employment_type
        .as_deref()
        .and_then(normalize_employment_type);

    let default_currency = countries
        .first()
        .and_then(|c| country_currency(c))
        .map(str::to_string);
    let opts = SalaryOptions {
        default_currency: default_currency.clone(),
    };
    let salary = match &sp.salary {
        Some(s) if s.min.is_some() || s.max.is_some() => {
            let mut s = s.clone();
            if s.currency.is_none() {
                s.currency = default_currency;
            }
            Some(s)
        }
        _ => sp
            .salary_text
            .as_deref()
            .and_then(|t| parse_salary_with(t, &opts))
            .or_else(|| parse_salary_with(&description, &opts)),
    };

    let mut skills: Vec<String> = Vec::new();
    for s in &sp.skills {
        if let Some(c) = canonical_skill(s) {
            if !skills.iter().any(|x| x == c) {
                skills.push(c.to_string());
            }
        }
    }
    for m in extract_skills(&title)
        .into_iter()
        .chain(extract_skills(&description))
    {
        if !skills.iter().any(|x| x == m.skill) {
            skills.push(m.skill.to_string());
        }
    }

    Posting {
        title,
        company: sp
            .company
            .as_deref()
            .map(squash_spaces)
            .filter(|c| !c.is_empty()),
        role_family: info.role_family,
        seniority,
        track: info.track,
        remote,
        countries,
        regions: loc.regions,
        locations,
        employment_type,
        salary,
        salary_text: sp.salary_text.clone(),
        skills,
        description,
        url: sp.url.clone(),
        apply_url: sp.apply_url.clone().or_else(|| sp.url.clone()),
        posted_at: sp.posted_at,
        valid_through: sp.valid_through,
        department: sp.department.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::{Period, RemotePolicy, Salary};

    #[test]
    fn structured_fields_win_and_fill_gaps() {
        let sp = SourcePosting {
            title: "  Backend   Engineer ".into(),
            company: Some("Acme".into()),
            description_text: Some("Build things.".into()),
            remote: Some(RemotePolicy::Remote),
            seniority: Some("entry_level".into()),
            salary: Some(Salary {
                min: Some(100.0),
                max: Some(120.0),
                currency: Some("USD".into()),
                period: Some(Period::Hour),
            }),
            url: Some("https://x/1".into()),
            ..Default::default()
        };
        let p = normalize(&sp);
        assert_eq!(p.title, "Backend Engineer");
        assert_eq!(p.remote, Some(RemotePolicy::Remote));
        assert_eq!(p.salary.as_ref().and_then(|s| s.period), Some(Period::Hour));
        assert_eq!(p.apply_url.as_deref(), Some("https://x/1"));
        assert_eq!(p.description, "Build things.");
        assert_eq!(structured_seniority("mid_senior_level"), None);
        assert_eq!(structured_seniority("Entry level"), Some(Seniority::Junior));
    }
}
