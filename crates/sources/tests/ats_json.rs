//! The JSON ATS connectors on hand-written fixtures shaped like the real APIs.
#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use hirekit_model::posting::{Period, RemotePolicy};
use hirekit_sources::SourceKind;

#[test]
fn greenhouse() {
    let (ok, bad) = run_fixture(SourceKind::Greenhouse, "greenhouse_acme.json", Some("Acme"));
    assert_eq!(ok.len(), 2);
    assert_eq!(bad.len(), 2);
    assert_eq!(bad[0].item, "id 4033333005");
    assert_eq!(bad[0].reason, "no title");
    assert_eq!(bad[1].item, "index 3");

    let p = &ok[0];
    assert_eq!(p.external_id.as_deref(), Some("4011234005"));
    assert_eq!(p.title, "Senior Backend Engineer (Payments)");
    assert_eq!(p.company.as_deref(), Some("Acme Robotics"));
    let html = p.description_html.as_deref().unwrap();
    // Decoded exactly once: markup is real, a doubly encoded "&amp;amp;" stays "&amp;".
    assert!(
        html.starts_with("<div class=\"content-intro\"><p>Acme builds robots &amp; the software"),
        "{html}"
    );
    assert!(html.contains("<h3>What you'll do</h3><ul><li>Design APIs in Go &amp; Rust</li>"));
    assert!(html.contains("$150,000&nbsp;&ndash; $190,000"));
    assert_eq!(p.locations, vec!["New York, NY; San Francisco, CA"]);
    assert_eq!(
        p.url.as_deref(),
        Some("https://boards.greenhouse.io/acme/jobs/4011234005")
    );
    assert_eq!(date(&p.posted_at), "2024-02-20T14:00:00+00:00");
    assert_eq!(date(&p.updated_at), "2024-03-05T15:12:44+00:00");
    assert_eq!(p.department.as_deref(), Some("Engineering"));
    assert_eq!(p.raw["requisition_id"], "ENG-112");

    let p = &ok[1];
    assert_eq!(p.title, "Office Coordinator – Berlin");
    assert_eq!(
        p.company.as_deref(),
        Some("Acme"),
        "falls back to the context's company"
    );
    assert_eq!(
        p.locations,
        vec!["Berlin"],
        "office name when location is null"
    );
    assert_eq!(
        p.description_html.as_deref(),
        Some("<p>Part-time, 20h/week. Müller &amp; Söhne building.</p>")
    );
    assert_eq!(p.department, None);
}

#[test]
fn lever() {
    let (ok, bad) = run_fixture(SourceKind::Lever, "lever_acme.json", Some("Acme"));
    assert_eq!(ok.len(), 3);
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].item, "id d000");

    let p = &ok[0];
    assert_eq!(p.title, "Staff Platform Engineer");
    assert_eq!(
        p.external_id.as_deref(),
        Some("5ac21346-8e0c-4494-8e7a-3eb92ff77902")
    );
    assert_eq!(p.company.as_deref(), Some("Acme"));
    assert_eq!(p.locations, vec!["Toronto, ON", "Montréal, QC"]);
    assert_eq!(p.country.as_deref(), Some("CA"));
    assert_eq!(p.remote, Some(RemotePolicy::Hybrid));
    assert_eq!(p.employment_type.as_deref(), Some("Full-time"));
    let s = p.salary.as_ref().unwrap();
    assert_eq!(
        (s.min, s.max, s.currency.as_deref(), s.period),
        (
            Some(185000.0),
            Some(225000.0),
            Some("CAD"),
            Some(Period::Year)
        )
    );
    assert_eq!(
        p.salary_text.as_deref(),
        Some("Base salary CA$185,000–225,000 plus equity.")
    );
    assert_eq!(
        p.url.as_deref(),
        Some("https://jobs.lever.co/acme/5ac21346-8e0c-4494-8e7a-3eb92ff77902")
    );
    assert!(p.apply_url.as_deref().unwrap().ends_with("/apply"));
    assert_eq!(date(&p.posted_at), "2024-03-05T10:00:00+00:00");
    assert_eq!(p.department.as_deref(), Some("Engineering"));
    assert_eq!(
        p.description_text.as_deref(),
        Some("We are hiring a Staff Platform Engineer.")
    );
    let html = p.description_html.as_deref().unwrap();
    assert_eq!(
        html,
        "<div>We are hiring a <b>Staff Platform Engineer</b>.</div>\
         <h3>What you'll do</h3><ul><li>Run Kubernetes at scale</li><li>Mentor engineers</li></ul>\
         <h3>You have</h3><ul><li>8+ years &amp; Go</li></ul>\
         <div><b>Benefits:</b> 401(k), health, dental.</div>"
    );

    let p = &ok[1];
    assert_eq!(p.remote, Some(RemotePolicy::Onsite));
    let s = p.salary.as_ref().unwrap();
    assert_eq!(
        (s.min, s.max, s.period),
        (Some(18.5), Some(22.0), Some(Period::Hour))
    );
    assert_eq!(
        p.department.as_deref(),
        Some("Retail"),
        "team when no department"
    );
    assert_eq!(p.locations, vec!["Boston, MA"]);

    let p = &ok[2];
    assert_eq!(p.remote, None, "unspecified is not a policy");
    assert_eq!(p.salary, None, "null min and max");
    assert_eq!(p.posted_at, None);
    assert_eq!(p.locations, vec!["Remote"]);
}

#[test]
fn ashby() {
    let (ok, bad) = run_fixture(SourceKind::Ashby, "ashby_acme.json", Some("Acme"));
    assert_eq!((ok.len(), bad.len()), (3, 0));
    let p = &ok[0];
    assert_eq!(p.title, "Machine Learning Engineer, Search");
    assert_eq!(
        p.locations,
        vec!["San Francisco", "New York", "Remote (US)"]
    );
    assert_eq!(p.country.as_deref(), Some("US"));
    assert_eq!(p.remote, Some(RemotePolicy::Hybrid));
    assert_eq!(p.employment_type.as_deref(), Some("FullTime"));
    let s = p.salary.as_ref().unwrap();
    assert_eq!(
        (s.min, s.max, s.currency.as_deref(), s.period),
        (
            Some(180000.0),
            Some(240000.0),
            Some("USD"),
            Some(Period::Year)
        ),
        "the Salary component, not the equity one"
    );
    assert_eq!(p.salary_text.as_deref(), Some("$180K - $240K"));
    assert_eq!(date(&p.posted_at), "2024-03-02T17:45:12.345+00:00");
    assert_eq!(p.department.as_deref(), Some("Engineering"));
    assert_eq!(
        p.description_text.as_deref(),
        Some("Build retrieval models.")
    );
    assert!(p.apply_url.as_deref().unwrap().ends_with("/application"));

    let p = &ok[1];
    assert_eq!(
        p.remote,
        Some(RemotePolicy::Remote),
        "isRemote without workplaceType"
    );
    let s = p.salary.as_ref().unwrap();
    assert_eq!(
        (s.min, s.max, s.currency.as_deref(), s.period),
        (Some(25.0), Some(30.0), Some("EUR"), Some(Period::Hour))
    );
    assert_eq!(
        p.salary_text.as_deref(),
        Some("€25 – €30 per hour"),
        "tier summary when no scrapeable summary"
    );

    let p = &ok[2];
    assert_eq!(p.remote, Some(RemotePolicy::Onsite));
    assert_eq!((p.salary.clone(), p.salary_text.clone()), (None, None));
    assert_eq!(p.employment_type.as_deref(), Some("Intern"));
}

#[test]
fn workable() {
    let (ok, bad) = run_fixture(SourceKind::Workable, "workable_acme.json", None);
    assert_eq!((ok.len(), bad.len()), (2, 1));
    assert_eq!(bad[0].item, "id ZZZZZZZZZZ");
    let p = &ok[0];
    assert_eq!(
        p.company.as_deref(),
        Some("Acme Analytics"),
        "the account name"
    );
    assert_eq!(p.external_id.as_deref(), Some("8F2A1C3D4E"));
    assert_eq!(p.locations, vec!["Berlin, Germany"]);
    assert_eq!(p.country.as_deref(), Some("DE"));
    assert_eq!(p.remote, Some(RemotePolicy::Remote));
    assert_eq!(p.employment_type.as_deref(), Some("Full-time"));
    assert_eq!(date(&p.posted_at), "2024-02-26T00:00:00+00:00");
    assert_eq!(p.department.as_deref(), Some("Data"));
    assert_eq!(p.seniority.as_deref(), Some("Mid-Senior level"));
    assert_eq!(
        p.apply_url.as_deref(),
        Some("https://apply.workable.com/j/8F2A1C3D4E/apply")
    );
    assert!(p
        .description_html
        .as_deref()
        .unwrap()
        .contains("<strong>Spark</strong>"));

    let p = &ok[1];
    assert_eq!(p.title, "Account Executive (m/w/d)");
    assert_eq!(p.remote, None);
    assert_eq!(p.locations, vec!["Wien, Austria"]);
    assert_eq!(p.country, None, "a country name is not a code");
    assert_eq!(p.department, None);
    assert_eq!(p.description_html, None);
    assert_eq!(
        p.description_text.as_deref(),
        Some("Plain text description, no markup.")
    );
}

#[test]
fn smartrecruiters_list_and_detail() {
    let (ok, bad) = run_fixture(
        SourceKind::SmartRecruiters,
        "smartrecruiters_list.json",
        None,
    );
    assert_eq!((ok.len(), bad.len()), (3, 0));
    let p = &ok[0];
    assert_eq!(p.title, "Senior Java Developer (f/m/d)");
    assert_eq!(p.company.as_deref(), Some("Acme GmbH"));
    assert_eq!(p.locations, vec!["München, Bavaria, Germany"]);
    assert_eq!(p.country.as_deref(), Some("DE"));
    assert_eq!(p.remote, Some(RemotePolicy::Hybrid));
    assert_eq!(p.employment_type.as_deref(), Some("Full-time"));
    assert_eq!(p.seniority.as_deref(), Some("mid_senior_level"));
    assert_eq!(p.department.as_deref(), Some("IT Development"));
    assert_eq!(
        p.url.as_deref(),
        Some("https://jobs.smartrecruiters.com/AcmeGmbH/744000012345678")
    );
    assert_eq!(date(&p.posted_at), "2024-03-04T09:15:31+00:00");
    assert_eq!(
        ok[1].remote,
        Some(RemotePolicy::Onsite),
        "remote and hybrid both false"
    );
    assert_eq!(ok[1].locations, vec!["Hamburg, DE"]);
    assert_eq!(ok[1].department, None);
    assert_eq!(ok[2].remote, Some(RemotePolicy::Remote));
    assert_eq!(
        ok[2].url.as_deref(),
        Some("https://jobs.smartrecruiters.com/AcmeGmbH/744000012346000-remote-support-agent")
    );

    let (ok, _) = run_fixture(
        SourceKind::SmartRecruiters,
        "smartrecruiters_detail.json",
        None,
    );
    assert_eq!(ok.len(), 1);
    let html = ok[0].description_html.as_deref().unwrap();
    assert!(html.starts_with(
        "<h3>Company Description</h3><p>Acme GmbH makes sensors.</p><h3>Job Description</h3>"
    ));
    assert!(
        html.ends_with("<h3>Additional Information</h3><p>Salary: 70.000 € – 85.000 € p.a.</p>")
    );
    assert!(ok[0].apply_url.as_deref().unwrap().ends_with("?oga=true"));
}

#[test]
fn recruitee() {
    let (ok, bad) = run_fixture(SourceKind::Recruitee, "recruitee_acme.json", Some("Acme"));
    assert_eq!((ok.len(), bad.len()), (2, 1));
    assert_eq!(bad[0].item, "id 1456791");
    let p = &ok[0];
    assert_eq!(p.external_id.as_deref(), Some("1456789"));
    assert_eq!(p.company.as_deref(), Some("Acme B.V."));
    let s = p.salary.as_ref().unwrap();
    assert_eq!(
        (s.min, s.max, s.currency.as_deref(), s.period),
        (Some(4000.0), Some(5500.0), Some("EUR"), Some(Period::Month))
    );
    assert_eq!(p.remote, Some(RemotePolicy::Hybrid));
    assert_eq!(p.country.as_deref(), Some("NL"));
    assert_eq!(p.locations, vec!["Amsterdam, Netherlands"]);
    assert_eq!(
        p.description_html.as_deref(),
        Some("<p>Design our app.</p><ul><li>Figma</li></ul>")
    );
    assert_eq!(date(&p.posted_at), "2024-03-01T09:30:00+00:00");
    assert_eq!(
        p.apply_url.as_deref(),
        Some("https://acme.recruitee.com/o/product-designer/c/new")
    );
    let p = &ok[1];
    assert_eq!(p.remote, Some(RemotePolicy::Remote));
    assert_eq!(p.salary, None, "null min/max");
    assert!(p.locations.is_empty());
    assert_eq!(p.country, None);
}

#[test]
fn remoteok_skips_legal_notice() {
    let (ok, bad) = run_fixture(SourceKind::RemoteOk, "remoteok.json", None);
    assert_eq!((ok.len(), bad.len()), (2, 1));
    assert_eq!(bad[0].item, "id 1090003");
    let p = &ok[0];
    assert_eq!(p.title, "Senior Rust Engineer");
    assert_eq!(p.company.as_deref(), Some("Ferrous Labs"));
    assert_eq!(p.remote, Some(RemotePolicy::Remote));
    let s = p.salary.as_ref().unwrap();
    assert_eq!(
        (s.min, s.max, s.currency.as_deref(), s.period),
        (
            Some(120000.0),
            Some(160000.0),
            Some("USD"),
            Some(Period::Year)
        )
    );
    assert_eq!(p.skills, vec!["rust", "backend", "senior", "engineer"]);
    assert_eq!(date(&p.posted_at), "2024-03-04T11:00:00+00:00");
    assert_eq!(p.locations, vec!["Worldwide"]);
    assert_eq!(ok[1].salary, None, "zero salary means none");
    assert_eq!(ok[1].external_id.as_deref(), Some("1090002"));
}

#[test]
fn workable_v3_careers_api() {
    let (ok, bad) = run_fixture(SourceKind::Workable, "workable_v3.json", Some("Acme"));
    assert_eq!((ok.len(), bad.len()), (2, 0));
    let p = &ok[0];
    assert_eq!(p.external_id.as_deref(), Some("C7D8E9F0A1"));
    assert_eq!(p.company.as_deref(), Some("Acme"));
    assert_eq!(p.locations, vec!["London, England, United Kingdom"]);
    assert_eq!(p.country.as_deref(), Some("GB"));
    assert_eq!(p.remote, Some(RemotePolicy::Hybrid));
    assert_eq!(p.employment_type.as_deref(), Some("full"));
    assert_eq!(p.department.as_deref(), Some("Customer Engineering"));
    assert_eq!(date(&p.posted_at), "2024-03-02T12:00:00+00:00");
    let p = &ok[1];
    assert_eq!(p.remote, Some(RemotePolicy::Remote));
    assert_eq!(p.locations, vec!["Spain"]);
    assert_eq!(p.country.as_deref(), Some("ES"));
    assert_eq!(p.department, None);
}
