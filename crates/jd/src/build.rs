//! Spec → Markdown, HTML and JSON-LD; and a built JD → board `Posting`.
use chrono::{TimeZone, Utc};
use hirekit_model::location::country_name;
use hirekit_model::{
    EmploymentType, Period, Posting, RemotePolicy, RoleFamily, Salary, Seniority, Track,
};

use crate::spec::{Pay, Spec};
use crate::JdError;

/// A built job description.
#[derive(Debug, Clone, PartialEq)]
pub struct Jd {
    pub title: String,
    pub markdown: String,
    pub html: String,
    /// schema.org JobPosting.
    pub jsonld: serde_json::Value,
}

/// Build the JD. The spec is already validated, so this only fails if the JSON-LD it made
/// does not pass [`crate::validate_jobposting`] (a bug, reported rather than published).
pub fn build(spec: &Spec) -> Result<Jd, JdError> {
    let title = title(spec);
    let sections = sections(spec);
    let markdown = markdown(&title, spec, &sections);
    let html = html(&title, spec, &sections);
    let jsonld = crate::jsonld::jobposting(spec, &title, &html);
    let errors: Vec<String> = crate::validate_jobposting(&jsonld)
        .into_iter()
        .filter(|f| f.severity == crate::Severity::Error)
        .map(|f| f.message)
        .collect();
    if !errors.is_empty() {
        return Err(JdError::BadInput(format!(
            "built JSON-LD does not validate: {}",
            errors.join("; ")
        )));
    }
    Ok(Jd {
        title,
        markdown,
        html,
        jsonld,
    })
}

/// The built JD as a board posting (to publish it next to ingested ones).
pub fn to_posting(jd: &Jd, spec: &Spec) -> Posting {
    let mut skills: Vec<String> = Vec::new();
    for s in spec.must_have.iter().chain(&spec.nice_to_have) {
        for m in hirekit_model::skills::extract_skills(s) {
            if !skills.iter().any(|k| k == m.skill) {
                skills.push(m.skill.to_string());
            }
        }
    }
    let manager = spec.role.role_family == RoleFamily::EngineeringManagement;
    let midnight =
        |d: chrono::NaiveDate| Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).unwrap_or_default());
    Posting {
        title: jd.title.clone(),
        company: Some(spec.company.name.clone()),
        role_family: spec.role.role_family,
        seniority: Some(spec.seniority),
        track: if manager { Track::Manager } else { Track::Ic },
        remote: Some(spec.location.remote),
        countries: spec.location.countries.clone(),
        regions: spec.location.regions.clone(),
        locations: spec.location.city.iter().cloned().collect(),
        employment_type: Some(spec.employment_type),
        salary: spec.pay.as_ref().map(|p| Salary {
            min: p.min,
            max: p.max,
            currency: Some(p.currency.clone()),
            period: Some(p.period),
        }),
        salary_text: spec.pay.as_ref().map(pay_text),
        skills,
        description: jd.markdown.clone(),
        url: None,
        apply_url: Some(spec.apply_url.clone()),
        posted_at: Some(midnight(spec.date_posted)),
        valid_through: Some(midnight(spec.valid_through)),
        department: None,
    }
}

fn title(spec: &Spec) -> String {
    if let Some(t) = &spec.title {
        return t.clone();
    }
    let t = &spec.role.title;
    match spec.seniority {
        Seniority::Intern => format!("{t} Intern"),
        Seniority::Junior => format!("Junior {t}"),
        Seniority::Mid => t.clone(),
        Seniority::Senior => format!("Senior {t}"),
        Seniority::Staff => format!("Staff {t}"),
        Seniority::Principal => format!("Principal {t}"),
        Seniority::Head => {
            // "Backend Engineer" → "Head of Backend Engineering"
            let field = [
                ("Engineer", "Engineering"),
                ("Scientist", "Science"),
                ("Designer", "Design"),
                ("Manager", "Management"),
            ]
            .iter()
            .find_map(|(a, b)| t.strip_suffix(a).map(|s| format!("{s}{b}")))
            .unwrap_or_else(|| t.clone());
            format!("Head of {field}")
        }
    }
}

pub(crate) fn employment_words(t: EmploymentType) -> &'static str {
    match t {
        EmploymentType::FullTime => "Full-time",
        EmploymentType::PartTime => "Part-time",
        EmploymentType::Contract => "Contract",
        EmploymentType::Internship => "Internship",
        EmploymentType::Temporary => "Temporary",
        EmploymentType::Volunteer => "Volunteer",
        EmploymentType::PerDiem => "Per diem",
        EmploymentType::Other => "Other",
    }
}

fn amount(x: f64) -> String {
    let whole = x.round() as i64;
    if (x - whole as f64).abs() > 0.004 {
        return format!("{x:.2}");
    }
    let s = whole.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn pay_text(p: &Pay) -> String {
    let per = match p.period {
        Period::Hour => "per hour",
        Period::Day => "per day",
        Period::Week => "per week",
        Period::Month => "per month",
        Period::Year => "per year",
    };
    let c = &p.currency;
    match (p.min, p.max) {
        (Some(a), Some(b)) if a == b => format!("{} {c} {per}", amount(a)),
        (Some(a), Some(b)) => format!("{} – {} {c} {per}", amount(a), amount(b)),
        (Some(a), None) => format!("from {} {c} {per}", amount(a)),
        (None, Some(b)) => format!("up to {} {c} {per}", amount(b)),
        (None, None) => String::new(),
    }
}

fn location_text(spec: &Spec) -> String {
    let l = &spec.location;
    let names: Vec<String> = l
        .countries
        .iter()
        .map(|c| {
            country_name(c)
                .map(str::to_string)
                .unwrap_or_else(|| c.clone())
        })
        .collect();
    let mut places = names.join(", ");
    if !l.regions.is_empty() {
        places = format!("{} ({})", places, l.regions.join(", "));
    }
    let mut s = match (l.remote, &l.city) {
        (RemotePolicy::Remote, _) => format!("Remote, from {places}"),
        (RemotePolicy::Hybrid, Some(city)) => format!("Hybrid, {city}, {places}"),
        (RemotePolicy::Onsite, Some(city)) => format!("On-site in {city}, {places}"),
        (RemotePolicy::Hybrid, None) => format!("Hybrid, {places}"),
        (RemotePolicy::Onsite, None) => format!("On-site, {places}"),
    };
    if !l.timezones.is_empty() {
        s.push_str(&format!(
            "; working hours overlapping {}",
            l.timezones.join(", ")
        ));
    }
    s
}

/// Body sections shared by the Markdown and HTML renderings: (heading, paragraphs, bullets).
struct Section {
    heading: String,
    text: Vec<String>,
    bullets: Vec<String>,
}

fn sections(spec: &Spec) -> Vec<Section> {
    let mut v = Vec::new();
    let c = &spec.company;
    if let Some(about) = &c.about {
        v.push(Section {
            heading: format!("About {}", c.name),
            text: vec![about.clone()],
            bullets: vec![],
        });
    }
    let mut about_role = vec![spec.role.summary.clone()];
    about_role.extend(spec.intro.clone());
    v.push(Section {
        heading: "About the role".into(),
        text: about_role,
        bullets: vec![],
    });
    v.push(Section {
        heading: "What you will do".into(),
        text: vec![],
        bullets: spec.role.responsibilities.clone(),
    });
    if !spec.must_have.is_empty() {
        v.push(Section {
            heading: "What you need".into(),
            text: vec![],
            bullets: spec.must_have.clone(),
        });
    }
    if !spec.nice_to_have.is_empty() {
        v.push(Section {
            heading: "Nice to have".into(),
            text: vec![],
            bullets: spec.nice_to_have.clone(),
        });
    }
    let mut terms = vec![
        format!(
            "Employment type: {}",
            employment_words(spec.employment_type)
        ),
        format!("Location: {}", location_text(spec)),
    ];
    match &spec.pay {
        Some(p) => terms.push(format!("Pay: {}", pay_text(p))),
        None => terms.push("Pay: to be discussed".into()),
    }
    v.push(Section {
        heading: "Terms".into(),
        text: vec![],
        bullets: terms,
    });
    if !spec.benefits.is_empty() {
        v.push(Section {
            heading: "Benefits".into(),
            text: vec![],
            bullets: spec.benefits.clone(),
        });
    }
    v
}

fn markdown(title: &str, spec: &Spec, sections: &[Section]) -> String {
    let mut s = format!("# {title}\n\n**{}**", md_esc(&spec.company.name));
    s.push_str(&format!(
        " · {} · {}",
        location_text(spec),
        employment_words(spec.employment_type)
    ));
    if let Some(p) = &spec.pay {
        s.push_str(&format!(" · {}", pay_text(p)));
    }
    s.push_str("\n\n");
    for sec in sections {
        s.push_str(&format!("## {}\n\n", sec.heading));
        for t in &sec.text {
            s.push_str(t.trim());
            s.push_str("\n\n");
        }
        for b in &sec.bullets {
            s.push_str(&format!("- {}\n", b.trim()));
        }
        if !sec.bullets.is_empty() {
            s.push('\n');
        }
    }
    s.push_str(&format!(
        "## How to apply\n\nApply at <{}>.\n",
        spec.apply_url
    ));
    s
}

/// Markdown emphasis characters in a company name would break the bold line.
fn md_esc(s: &str) -> String {
    s.replace('*', "\\*").replace('_', "\\_")
}

pub(crate) fn esc(s: &str) -> String {
    hirekit_model::text::escape_html(s)
}

fn html(title: &str, spec: &Spec, sections: &[Section]) -> String {
    let mut s = format!(
        "<h1>{}</h1>\n<p><strong>{}</strong>",
        esc(title),
        esc(&spec.company.name)
    );
    s.push_str(&format!(
        " · {} · {}",
        esc(&location_text(spec)),
        employment_words(spec.employment_type)
    ));
    if let Some(p) = &spec.pay {
        s.push_str(&format!(" · {}", esc(&pay_text(p))));
    }
    s.push_str("</p>\n");
    for sec in sections {
        s.push_str(&format!("<h2>{}</h2>\n", esc(&sec.heading)));
        for t in &sec.text {
            s.push_str(&format!("<p>{}</p>\n", esc(t.trim())));
        }
        if !sec.bullets.is_empty() {
            s.push_str("<ul>\n");
            for b in &sec.bullets {
                s.push_str(&format!("<li>{}</li>\n", esc(b.trim())));
            }
            s.push_str("</ul>\n");
        }
    }
    let u = esc(&spec.apply_url);
    s.push_str(&format!(
        "<h2>How to apply</h2>\n<p>Apply at <a href=\"{u}\">{u}</a>.</p>\n"
    ));
    s
}
