//! Text → profile on the hand-written fixtures (English, German, French, Spanish).

mod common;

use hirekit_model::posting::Seniority;
use hirekit_model::profile::{SectionKind, YearMonth};
use hirekit_resume::{parse_bytes, parse_profile, parse_profile_at, Limits};
use proptest::prelude::*;

const TODAY: YearMonth = YearMonth { year: 2024, month: 6 };

fn parsed(name: &str) -> (String, hirekit_resume::Profile) {
    let doc = hirekit_resume::extract(&common::fixture(name), name, &Limits::default()).expect("extract");
    let p = parse_profile_at(&doc.text, TODAY);
    (doc.text, p)
}

#[test]
fn english_text_resume() {
    let (text, p) = parsed("jane_doe.txt");
    let c = &p.contact;
    assert_eq!(c.name.as_deref(), Some("Jane Doe"));
    assert_eq!(c.email.as_deref(), Some("jane.doe@example.org"));
    assert_eq!(c.phone.as_deref(), Some("+49 30 1234 5678"));
    assert_eq!(c.location.as_deref(), Some("Berlin, Germany"));
    assert_eq!(c.links, vec!["https://linkedin.com/in/janedoe-dev", "https://github.com/janedoe"]);

    assert_eq!(p.experience.len(), 3, "{:#?}", p.experience);
    let e = &p.experience[0];
    assert_eq!(e.title.as_deref(), Some("Senior Backend Engineer"));
    assert_eq!(e.company.as_deref(), Some("Acme Cloud GmbH"));
    assert_eq!(e.location.as_deref(), Some("Berlin"));
    assert_eq!(e.start, Some(YearMonth { year: 2019, month: 1 }));
    assert!(e.current && e.end.is_none());
    assert_eq!(e.seniority, Some(Seniority::Senior));
    assert!(e.description.contains("Kafka"));
    let e = &p.experience[1];
    assert_eq!(e.title.as_deref(), Some("Software Engineer"));
    assert_eq!(e.company.as_deref(), Some("Example Systems Inc."));
    assert_eq!((e.start, e.end), (Some(YearMonth { year: 2016, month: 3 }), Some(YearMonth { year: 2018, month: 12 })));
    // Merged: 2015-01..2016-01 (a year-only end counts from its January) and
    // 2016-03..2024-06 inclusive: 112 months; the summary's "8 years" is lower, so dates win.
    assert!((p.total_years - 9.3).abs() < 0.11, "{}", p.total_years);
    assert_eq!(p.seniority, Some(Seniority::Senior));

    let kafka = p.skills.iter().find(|s| s.name == "Kafka").expect("kafka");
    assert!(kafka.evidence.iter().all(|s| &text[s.start..s.end] == "Kafka"));
    // Kafka is only in the current job: 2019-01..2024-06.
    assert!((kafka.years.unwrap_or(0.0) - 5.5).abs() < 0.11, "{:?}", kafka.years);
    let python = p.skills.iter().find(|s| s.name == "Python").expect("python");
    assert!(python.years.is_some());

    assert_eq!(p.education.len(), 1, "{:#?}", p.education);
    let ed = &p.education[0];
    assert_eq!(ed.level.as_deref(), Some("master"));
    assert_eq!(ed.field.as_deref(), Some("Computer Science"));
    assert_eq!(ed.institution.as_deref(), Some("Technical University of Munich"));
    assert_eq!(ed.end_year, Some(2015));
    assert_eq!(p.certifications.len(), 2);
    assert_eq!(p.languages, vec!["English (fluent)", "German (native)", "French (basic)"]);
    assert!(p.summary.as_deref().unwrap_or("").starts_with("Backend engineer"));
    let kinds: Vec<SectionKind> = p.sections.iter().map(|s| s.kind).collect();
    assert!(kinds.contains(&SectionKind::Experience) && kinds.contains(&SectionKind::Skills));
}

#[test]
fn german_markdown_resume() {
    let (_, p) = parsed("max_mustermann.md");
    assert_eq!(p.contact.name.as_deref(), Some("Max Mustermann"));
    assert_eq!(p.contact.email.as_deref(), Some("max.mustermann@example.de"));
    assert_eq!(p.contact.links, vec!["https://github.com/maxm"]);
    assert_eq!(p.experience.len(), 2, "{:#?}", p.experience);
    assert_eq!(p.experience[0].start, Some(YearMonth { year: 2020, month: 3 }));
    assert!(p.experience[0].current);
    assert_eq!(p.experience[1].end, Some(YearMonth { year: 2020, month: 2 }));
    assert!((p.total_years - 8.5).abs() < 0.11, "{}", p.total_years);
    assert_eq!(p.education.first().and_then(|e| e.level.as_deref()), Some("master"));
    assert!(p.skills.iter().any(|s| s.name == "Spring Boot"));
    assert_eq!(p.languages.len(), 2);
}

#[test]
fn french_html_resume() {
    let (_, p) = parsed("marie_dupont.html");
    assert_eq!(p.contact.name.as_deref(), Some("Marie Dupont"));
    assert_eq!(p.contact.email.as_deref(), Some("marie.dupont@example.fr"));
    assert_eq!(p.experience.len(), 2, "{:#?}", p.experience);
    assert_eq!(p.experience[0].title.as_deref(), Some("Data Scientist"));
    assert!(p.experience[0].current);
    assert_eq!(p.experience[1].start, Some(YearMonth { year: 2015, month: 9 }));
    assert_eq!(p.education.first().and_then(|e| e.level.as_deref()), Some("master"));
    assert!(p.skills.iter().any(|s| s.name == "Apache Spark" || s.name == "Spark"));
    assert_eq!(p.languages.len(), 3);
}

#[test]
fn spanish_rtf_resume() {
    let (_, p) = parsed("carlos_garcia.rtf");
    assert_eq!(p.contact.name.as_deref(), Some("Carlos García López"));
    assert_eq!(p.contact.phone.as_deref(), Some("+34 612 345 678"));
    assert_eq!(p.experience.len(), 1, "{:#?}", p.experience);
    assert_eq!(p.experience[0].title.as_deref(), Some("Ingeniero de Software"));
    assert_eq!(p.experience[0].start, Some(YearMonth { year: 2017, month: 1 }));
    assert!(p.experience[0].current);
    assert_eq!(p.education.first().and_then(|e| e.level.as_deref()), Some("bachelor"));
    assert!(p.skills.iter().any(|s| s.name == "MongoDB"));
}

#[test]
fn parse_bytes_gives_document_and_profile() {
    let r = parse_bytes(&common::fixture("jane_doe.txt"), "jane.txt", &Limits::default()).expect("parse");
    assert_eq!(r.profile.contact.email.as_deref(), Some("jane.doe@example.org"));
    assert!(r.document.text.contains("Acme Cloud"));
}

#[test]
fn empty_and_junk_text_give_empty_profiles() {
    let p = parse_profile("");
    assert!(p.experience.is_empty() && p.contact.name.is_none() && p.total_years == 0.0);
    let p = parse_profile("lorem ipsum dolor sit amet 12345");
    assert!(p.experience.is_empty() && p.contact.email.is_none());
}

const WORDS: &[&str] = &[
    "Experience", "EDUCATION", "Skills:", "Jan 2019", "–", "Present", "03/2017", "-", "2015", "to", "since", "Python",
    "Kafka", "Senior", "Engineer", "Acme Inc.", "\n", "\n\n", "•", "@", "x@y.io", "+1 (555) 123-4567", "Berlin, Germany",
    "März", "à", "heute", "Bachelor", "University", "Languages", "English", "ﬁ", "é", "\t", "|", ":", "https://",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_text(s in "\\PC{0,400}") {
        let _ = parse_profile(&s);
    }

    #[test]
    fn never_panics_on_resume_like_text(idx in proptest::collection::vec(0usize..WORDS.len(), 0..120)) {
        let s: Vec<&str> = idx.iter().map(|&i| WORDS[i]).collect();
        let text = s.join(" ");
        let p = parse_profile_at(&text, TODAY);
        // Every span lies on character boundaries inside the text.
        for sk in &p.skills {
            for e in &sk.evidence {
                prop_assert!(text.get(e.start..e.end).is_some());
            }
        }
        for e in &p.experience {
            prop_assert!(text.get(e.span.start..e.span.end).is_some());
        }
        prop_assert!(p.total_years >= 0.0 && p.total_years <= 60.0);
    }
}
