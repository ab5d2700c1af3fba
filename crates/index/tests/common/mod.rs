//! A small store of postings with varied fields, and helpers to grow and change it.
#![allow(dead_code)]

use chrono::{TimeZone, Utc};
use hirekit_model::{
    EmploymentType, Period, Posting, RemotePolicy, RoleFamily, Salary, Seniority, Track,
};
use hirekit_store::{Incoming, SourceInfo, Store};

/// "Now" for every test: 2026-11-20 00:00 UTC.
pub const NOW: i64 = 1_795_132_800;

pub fn days_ago(d: i64) -> chrono::DateTime<Utc> {
    Utc.timestamp_opt(NOW - d * 86_400, 0)
        .single()
        .expect("valid time")
}

pub fn posting(title: &str, company: &str) -> Posting {
    Posting {
        title: title.into(),
        company: Some(company.into()),
        role_family: RoleFamily::Software,
        seniority: None,
        track: Track::Ic,
        remote: None,
        countries: vec![],
        regions: vec![],
        locations: vec![],
        employment_type: None,
        salary: None,
        salary_text: None,
        skills: vec![],
        description: format!("{title} at {company}."),
        url: None,
        apply_url: None,
        posted_at: Some(days_ago(10)),
        valid_through: None,
        department: None,
    }
}

pub fn salary(min: f64, max: f64, cur: &str, period: Period) -> Option<Salary> {
    Some(Salary {
        min: Some(min),
        max: Some(max),
        currency: Some(cur.into()),
        period: Some(period),
    })
}

pub fn incoming(ext: &str, p: Posting) -> Incoming {
    let company = p.company.clone().unwrap_or_default();
    Incoming {
        external_id: ext.into(),
        content_hash: format!("{ext}-{}-{}", p.title, p.description.len()),
        raw: format!("{{\"id\":\"{ext}\"}}"),
        url: Some(format!("https://jobs.example/{ext}")),
        apply_url: Some(format!("https://jobs.example/{ext}/apply")),
        fingerprint: format!(
            "{}|{}|{ext}",
            company.to_lowercase(),
            p.title.to_lowercase()
        ),
        rank: 2,
        posting: Posting {
            url: Some(format!("https://jobs.example/{ext}")),
            apply_url: Some(format!("https://jobs.example/{ext}/apply")),
            ..p
        },
    }
}

/// The fixed corpus: (external id, posting).
pub fn corpus() -> Vec<(String, Posting)> {
    let mut v = Vec::new();
    let mut add = |ext: &str, p: Posting| v.push((ext.to_string(), p));
    add("be1", Posting {
        role_family: RoleFamily::Backend,
        seniority: Some(Seniority::Senior),
        remote: Some(RemotePolicy::Remote),
        countries: vec!["DE".into()],
        locations: vec!["Berlin".into()],
        employment_type: Some(EmploymentType::FullTime),
        salary: salary(90_000.0, 110_000.0, "EUR", Period::Year),
        skills: vec!["Rust".into(), "Kubernetes".into()],
        description: "Build payment services in Rust. You will run our Kubernetes clusters and own on-call.".into(),
        posted_at: Some(days_ago(1)),
        ..posting("Senior Backend Engineer", "Acme")
    });
    add(
        "de1",
        Posting {
            role_family: RoleFamily::DataEngineering,
            seniority: Some(Seniority::Mid),
            remote: Some(RemotePolicy::Hybrid),
            countries: vec!["US".into()],
            employment_type: Some(EmploymentType::FullTime),
            salary: salary(120_000.0, 150_000.0, "USD", Period::Year),
            skills: vec!["Python".into(), "Spark".into()],
            description: "Design data pipelines with Spark and Python for the analytics team."
                .into(),
            posted_at: Some(days_ago(3)),
            ..posting("Data Engineer", "Acme")
        },
    );
    add(
        "fe1",
        Posting {
            role_family: RoleFamily::Frontend,
            seniority: Some(Seniority::Junior),
            remote: Some(RemotePolicy::Onsite),
            countries: vec!["GB".into()],
            employment_type: Some(EmploymentType::Contract),
            salary: salary(50.0, 60.0, "GBP", Period::Hour),
            skills: vec!["React".into(), "TypeScript".into()],
            description:
                "Ship accessible React interfaces. Machine learning experience is not needed."
                    .into(),
            posted_at: Some(days_ago(5)),
            ..posting("Frontend Developer", "Beta")
        },
    );
    add(
        "ml1",
        Posting {
            role_family: RoleFamily::MachineLearning,
            remote: Some(RemotePolicy::Remote),
            countries: vec!["US".into()],
            skills: vec!["Python".into(), "PyTorch".into()],
            description: "Train and deploy machine learning models at scale.".into(),
            posted_at: Some(days_ago(60)),
            ..posting("Machine Learning Engineer", "Gamma Labs")
        },
    );
    add(
        "ops1",
        Posting {
            role_family: RoleFamily::Devops,
            seniority: Some(Seniority::Staff),
            remote: Some(RemotePolicy::Remote),
            countries: vec!["DE".into()],
            salary: salary(9_000.0, 11_000.0, "EUR", Period::Month),
            skills: vec!["Kubernetes".into(), "Terraform".into()],
            description: "Operate Kubernetes and Terraform for 40 teams.".into(),
            posted_at: Some(days_ago(2)),
            ..posting("Staff DevOps Engineer", "Acme")
        },
    );
    add(
        "pm1",
        Posting {
            role_family: RoleFamily::ProductManagement,
            remote: Some(RemotePolicy::Hybrid),
            countries: vec!["FR".into()],
            regions: vec![],
            description: "Own the roadmap for our payments product.".into(),
            posted_at: Some(days_ago(20)),
            ..posting("Product Manager", "Beta")
        },
    );
    add(
        "sec1",
        Posting {
            role_family: RoleFamily::Security,
            seniority: Some(Seniority::Senior),
            countries: vec!["US".into()],
            salary: salary(180_000.0, 220_000.0, "USD", Period::Year),
            skills: vec!["Go".into()],
            description: "Threat modelling and incident response for the platform.".into(),
            posted_at: Some(days_ago(4)),
            ..posting("Security Engineer", "Acme Security")
        },
    );
    add(
        "go1",
        Posting {
            role_family: RoleFamily::Backend,
            remote: Some(RemotePolicy::Remote),
            countries: vec![],
            regions: vec!["anywhere".into()],
            employment_type: Some(EmploymentType::PartTime),
            skills: vec!["Go".into(), "PostgreSQL".into()],
            description: "Write Go services on PostgreSQL. Senior engineers welcome.".into(),
            posted_at: Some(days_ago(7)),
            ..posting("Backend Developer", "Delta")
        },
    );
    // filler for paging: same words, different dates
    for i in 0..25 {
        add(
            &format!("sw{i}"),
            Posting {
                description: format!(
                    "General software engineering role number {i} on a product team."
                ),
                countries: vec!["PL".into()],
                posted_at: Some(days_ago(30 + i)),
                ..posting(&format!("Software Engineer {i}"), "Filler Co")
            },
        );
    }
    v
}

pub struct Fixture {
    pub store: Store,
    pub acme: SourceInfo,
    pub beta: SourceInfo,
}

/// Corpus items come from two sources: Beta's postings from a lever board, the rest from a
/// greenhouse board.
pub async fn fill(store: Store) -> Fixture {
    let acme = store
        .ensure_source("greenhouse:acme", Some("greenhouse"), "greenhouse:acme", 1)
        .await
        .expect("source");
    let beta = store
        .ensure_source("lever:beta", Some("lever"), "lever:beta", 1)
        .await
        .expect("source");
    let run = store.begin_run(10).await.expect("run");
    let (b, a): (Vec<_>, Vec<_>) = corpus()
        .into_iter()
        .partition(|(_, p)| p.company.as_deref() == Some("Beta"));
    let a: Vec<Incoming> = a.into_iter().map(|(e, p)| incoming(&e, p)).collect();
    let b: Vec<Incoming> = b.into_iter().map(|(e, p)| incoming(&e, p)).collect();
    store
        .upsert_batch(acme.id, run, 10, &a)
        .await
        .expect("upsert");
    store
        .upsert_batch(beta.id, run, 10, &b)
        .await
        .expect("upsert");
    Fixture { store, acme, beta }
}

pub fn req(q: &str) -> hirekit_index::SearchRequest {
    hirekit_index::SearchRequest {
        q: q.into(),
        now: Some(NOW),
        ..Default::default()
    }
}

pub fn titles(r: &hirekit_index::SearchResponse) -> Vec<String> {
    r.hits.iter().map(|h| h.title.clone()).collect()
}
