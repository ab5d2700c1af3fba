//! Each lint rule: a positive and a negative case; spans slice the flagged words.
#![allow(clippy::unwrap_used)] // tests fail loudly

use chrono::NaiveDate;
use hirekit_jd::{lint, Finding, LintOptions, Severity};

fn opts() -> LintOptions {
    LintOptions {
        reference_date: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        ..LintOptions::default()
    }
}

/// A clean, complete JD of ~200 words; tests splice text into it.
fn clean(extra: &str) -> String {
    format!(
        "Senior Backend Engineer\n\nLocation: Austin, TX (hybrid, two days a week in the office). Full-time.\nPay: $150,000 - $180,000 per year.\n\n\
About the role\n\
You will build the services that move money for our customers. You will work with product managers and designers. \
You will review code, write tests, and help run what we ship. {extra}\n\n\
What you need:\n- Five years building backend services\n- SQL and relational data modelling\n- Go, Java or Rust\n- Experience with HTTP APIs\n\n\
Nice to have:\n- Kubernetes\n- Kafka\n\n\
Benefits\nWe offer health, dental and vision insurance for you and your family. We match retirement savings up to five percent. \
You get thirty days of paid leave and a yearly learning budget. We support parents with sixteen weeks of paid leave. \
We will help you set up a good desk at home. Our team meets in person twice a year. We hire people from many backgrounds \
and we welcome applicants who meet most, not all, of these points. Tell us in your application what you would like to learn here. \
We read every application and reply within two weeks. Interviews are a short call, a practical exercise, and a conversation with the team."
    )
}

fn rules(text: &str) -> Vec<Finding> {
    lint(text, &opts()).unwrap()
}

fn of<'a>(f: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    f.iter().filter(|x| x.rule == rule).collect()
}

fn slice<'a>(text: &'a str, f: &Finding) -> &'a str {
    &text[f.start..f.end]
}

#[test]
fn clean_text_has_no_findings() {
    let t = clean("");
    let f = rules(&t);
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn missing_pay_range() {
    let t = clean("").replace("Pay: $150,000 - $180,000 per year.", "");
    let f = rules(&t);
    let p = of(&f, "missing-pay-range");
    assert_eq!(p.len(), 1, "{f:?}");
    assert_eq!(p[0].severity, Severity::Warning); // Texas: no law
    let t2 = t.replace("Austin, TX", "Brooklyn, New York");
    let f = rules(&t2);
    let p = of(&f, "missing-pay-range");
    assert_eq!(p[0].severity, Severity::Error);
    assert_eq!(slice(&t2, p[0]), "Brooklyn");
    let t3 = t.replace("Austin, TX", "Denver, CO");
    let p = rules(&t3);
    assert_eq!(of(&p, "missing-pay-range")[0].severity, Severity::Error);
    let t4 = t.replace(
        "Austin, TX (hybrid, two days a week in the office)",
        "Remote (US)",
    );
    assert_eq!(
        of(&rules(&t4), "missing-pay-range")[0].severity,
        Severity::Error
    );
    let t5 = t.replace("Austin, TX", "Berlin, Germany");
    assert_eq!(
        of(&rules(&t5), "missing-pay-range")[0].severity,
        Severity::Error
    );
    // before the EU directive applied, a warning
    let old = LintOptions {
        reference_date: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        ..opts()
    };
    assert_eq!(
        of(&lint(&t5, &old).unwrap(), "missing-pay-range")[0].severity,
        Severity::Warning
    );
    // pay present → nothing, even in New York
    let t6 = clean("").replace("Austin, TX", "New York, NY");
    assert!(of(&rules(&t6), "missing-pay-range").is_empty());
}

#[test]
fn gendered_language() {
    let t = clean("We want a rockstar who will dominate the market. The ideal candidate knows his tools. Hey guys!");
    let f = rules(&t);
    let g: Vec<&str> = of(&f, "gendered-language")
        .iter()
        .map(|x| slice(&t, x))
        .collect();
    assert_eq!(g, vec!["rockstar", "dominate", "his", "guys"]);
    assert!(of(&f, "gendered-language")
        .iter()
        .all(|x| x.suggestion.is_some()));
    // the pair is one (info) finding, not also "he" for the candidate
    let t = clean("The successful candidate knows that he/she will lead.");
    let f = rules(&t);
    let g = of(&f, "gendered-language");
    assert_eq!(g.len(), 1, "{g:?}");
    assert_eq!((slice(&t, g[0]), g[0].severity), ("he/she", Severity::Info));
    // near misses: "rocks", "guyser", "manpowered" are not words on the list; "his" not about the candidate
    let t = clean("Our history rocks. The founder built his first company in 2010.");
    assert!(
        of(&rules(&t), "gendered-language").is_empty(),
        "{:?}",
        rules(&t)
    );
}

#[test]
fn exclusionary_language() {
    let t = clean("Join our young and energetic team of digital natives. Native English speaker required. No more than 3 years of experience.");
    let f = rules(&t);
    let x: Vec<&str> = of(&f, "exclusionary-language")
        .iter()
        .map(|x| slice(&t, x))
        .collect();
    assert_eq!(
        x,
        vec![
            "young and energetic",
            "digital natives",
            "Native English speaker",
            "No more than 3 years of experience"
        ]
    );
    let f = rules(&clean("You must be able to lift 30 pounds."));
    assert_eq!(of(&f, "exclusionary-language").len(), 1);
    // physical job: lifting is essential, not flagged
    let f = rules(&clean(
        "Warehouse shifts: you must be able to lift 30 pounds.",
    ));
    assert!(of(&f, "exclusionary-language").is_empty());
    let f = rules(&clean(
        "Fluent English required; we are a young company founded in 2020.",
    ));
    assert!(of(&f, "exclusionary-language").is_empty(), "{f:?}");
}

#[test]
fn too_many_requirements() {
    let list: String = (1..=12)
        .map(|i| format!("- Requirement number {i}\n"))
        .collect();
    let t = clean("").replace(
        "What you need:\n- Five years building backend services\n- SQL and relational data modelling\n- Go, Java or Rust\n- Experience with HTTP APIs\n",
        &format!("Requirements:\n{list}"),
    );
    let f = rules(&t);
    let r = of(&f, "too-many-requirements");
    assert_eq!(r.len(), 1, "{f:?}");
    assert_eq!(slice(&t, r[0]), "Requirements:");
    assert!(r[0].message.starts_with("12 "));
    // the same bullets under "Nice to have" are fine
    let t = t.replace("Requirements:", "Nice to have:");
    assert!(of(&rules(&t), "too-many-requirements").is_empty());
    // HTML lists count too
    let items: String = (1..=11).map(|i| format!("<li>Skill {i}</li>")).collect();
    let html = format!(
        "<p>{}</p><h3>Qualifications</h3><ul>{items}</ul>",
        clean("").replace('\n', "<br>")
    );
    let f = rules(&html);
    let r = of(&f, "too-many-requirements");
    assert_eq!(r.len(), 1, "{f:?}");
    assert_eq!(slice(&html, r[0]), "Qualifications");
}

#[test]
fn years_exceed_technology_age() {
    let t =
        clean("You have 15+ years of experience with Kubernetes and Docker, and 8 years of Rust.");
    let f = rules(&t);
    let y: Vec<&str> = of(&f, "years-exceed-technology-age")
        .iter()
        .map(|x| slice(&t, x))
        .collect();
    assert_eq!(
        y,
        vec![
            "15+ years of experience with Kubernetes",
            "15+ years of experience with Kubernetes and Docker"
        ]
    );
    assert!(of(&f, "years-exceed-technology-age")[0]
        .message
        .contains("2014"));
    let t = clean("Swift (15+ years) is a must. Also 10 years of SWIFT payments messaging, 10+ years of Java.");
    let f = rules(&t);
    let y: Vec<&str> = of(&f, "years-exceed-technology-age")
        .iter()
        .map(|x| slice(&t, x))
        .collect();
    assert_eq!(y, vec!["15+ years"]);
    let f = rules(&clean(
        "10+ years of software engineering, including 3 years with Kubernetes.",
    ));
    assert!(of(&f, "years-exceed-technology-age").is_empty());
}

#[test]
fn unclear_location_and_employment_type() {
    let t = clean("")
        .replace(
            "Location: Austin, TX (hybrid, two days a week in the office). Full-time.",
            "",
        )
        .replace("Our team meets in person twice a year. ", "");
    let f = rules(&t);
    assert_eq!(of(&f, "unclear-location").len(), 1, "{f:?}");
    assert!(of(&f, "unclear-location")[0].message.contains("neither"));
    assert_eq!(of(&f, "missing-employment-type").len(), 1);
    assert!(of(&rules(&clean("")), "unclear-location").is_empty());
    assert!(of(&rules(&clean("")), "missing-employment-type").is_empty());
}

#[test]
fn length() {
    let f = rules("Backend engineer, remote (US), full-time, $100k-$120k per year. Send your CV.");
    assert_eq!(of(&f, "length").len(), 1);
    assert!(of(&f, "length")[0].message.contains("only"));
    let long = clean(&"We build useful things for people every day. ".repeat(150));
    assert!(of(&rules(&long), "length")[0].message.contains("words"));
    assert!(of(&rules(&clean("")), "length").is_empty());
}

#[test]
fn readability() {
    let run_on = "you will collaborate with stakeholders across the organization to identify opportunities for leveraging company data to drive business solutions and you will also develop and maintain scalable data pipelines and build out new integrations to support continuing increases in data volume and complexity while ensuring quality";
    let t = clean(&format!("In this role {run_on}."));
    let f = rules(&t);
    let r = of(&f, "readability");
    assert_eq!(r.len(), 1, "{f:?}");
    assert!(slice(&t, r[0]).starts_with("In this role you will collaborate"));
    let dense = "Comprehensive organizational infrastructure modernization necessitates interdisciplinary collaboration, continuous operational optimization, and institutional accountability. ".repeat(12);
    let f = rules(&clean(&dense));
    assert!(
        of(&f, "readability")
            .iter()
            .any(|x| x.message.contains("Flesch")),
        "{f:?}"
    );
}

#[test]
fn all_caps_and_jargon() {
    let t = clean("APPLICANTS MUST SUBMIT THEIR PORTFOLIO BEFORE APPLYING. We love synergy.");
    let f = rules(&t);
    let c = of(&f, "all-caps-shouting");
    assert_eq!(c.len(), 1);
    assert_eq!(
        slice(&t, c[0]),
        "APPLICANTS MUST SUBMIT THEIR PORTFOLIO BEFORE APPLYING"
    );
    assert_eq!(slice(&t, of(&f, "jargon")[0]), "synergy");
    // headings and acronyms are not shouting
    let t =
        clean("").replace("About the role", "ABOUT THE ROLE") + "\nWe use AWS, GCP, SQL and ETL.";
    assert!(of(&rules(&t), "all-caps-shouting").is_empty());
}

#[test]
fn html_offsets_point_into_input() {
    let html = format!(
        "<div><p>We need a <strong>Ninja</strong> engineer &amp; a guru.</p>{}</div>",
        clean("").replace('\n', "<br/>")
    );
    let f = rules(&html);
    let g: Vec<&str> = of(&f, "gendered-language")
        .iter()
        .map(|x| slice(&html, x))
        .collect();
    assert_eq!(g, vec!["Ninja", "guru"]);
}

#[test]
fn bad_input() {
    assert!(lint("", &opts()).unwrap_err().to_string().contains("empty"));
    assert!(lint("   \n\t", &opts()).is_err());
    assert!(lint("abc\0def", &opts())
        .unwrap_err()
        .to_string()
        .contains("binary"));
    let bin: Vec<u8> = (0..2000u32)
        .map(|i| (i * 7919 % 251) as u8 | 0x80)
        .collect();
    assert!(hirekit_jd::lint::lint_bytes(&bin, &opts())
        .unwrap_err()
        .to_string()
        .contains("binary"));
}
