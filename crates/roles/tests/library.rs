//! The role files: every one parses, is complete, and points only at roles and skills that exist.

use std::collections::HashSet;

use hirekit_model::skills::canonical_skill;
use hirekit_roles::{all, get, load_all, match_title, slugify};

/// Hard skills that are real requirements but not technologies, so the skills taxonomy has no
/// entry for them. Keep this list short and explicit.
const NOT_IN_TAXONOMY: &[&str] = &[
    "Capacity planning",
    "Technical roadmapping",
    "Budgeting",
    "Hiring and interviewing",
    "Product discovery",
    "User interviews",
    "Information architecture",
    "Design systems",
    "Statistics",
    "Experiment design",
    "Linear algebra",
    "Game engines",
    "Game physics",
    "Backup and recovery",
    "Query tuning",
    "Developer relations",
    "Public speaking",
    "Docs-as-code",
    "Roadmapping",
    "Vendor management",
    "Risk management",
    "Test planning",
    "Exploratory testing",
    "Schematic reading",
    "Oscilloscopes and logic analyzers",
    "Secure coding",
    "Technical strategy",
    "Organizational design",
    "Enterprise architecture frameworks",
    "Cost optimization",
    "API documentation",
    "Metrics and KPIs",
    "Performance management",
    "Mobile performance",
    "App Store distribution",
    "Google Play distribution",
    "Survey design",
    "Qualitative analysis",
    "Evaluation of LLM systems",
    "Salesforce Lightning",
    "Visualforce",
    "Shaders",
];

#[test]
fn every_file_parses() {
    let (roles, errors) = load_all();
    assert!(
        errors.is_empty(),
        "role files that do not parse:\n{}",
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert_eq!(roles.len(), all().len());
}

#[test]
fn at_least_forty_roles_with_slug_ids() {
    let roles = all();
    assert!(roles.len() >= 40, "only {} roles", roles.len());
    let mut seen = HashSet::new();
    for r in roles {
        assert_eq!(slugify(&r.id), r.id, "id {:?} is not a slug", r.id);
        assert!(seen.insert(r.id.clone()), "duplicate id {}", r.id);
    }
    assert!(
        roles.windows(2).all(|w| w[0].id < w[1].id),
        "all() is sorted by id"
    );
}

#[test]
fn references_point_at_existing_roles() {
    let ids: HashSet<&str> = all().iter().map(|r| r.id.as_str()).collect();
    for r in all() {
        for x in r
            .related
            .iter()
            .chain(&r.career_path.from)
            .chain(&r.career_path.to)
        {
            assert!(
                ids.contains(x.as_str()),
                "{}: refers to unknown role {x:?}",
                r.id
            );
            assert_ne!(x, &r.id, "{}: refers to itself", r.id);
        }
        assert!(!r.related.is_empty(), "{}: no related roles", r.id);
        assert!(
            !r.career_path.from.is_empty() || !r.career_path.to.is_empty(),
            "{}: empty career path",
            r.id
        );
    }
}

#[test]
fn hard_skills_resolve_in_the_taxonomy() {
    let mut missing = Vec::new();
    for r in all() {
        for s in &r.hard_skills {
            match canonical_skill(s) {
                // The file should use the canonical spelling so skills join with postings'.
                Some(c) if c == s => {}
                Some(c) => missing.push(format!("{}: {s:?} should be written {c:?}", r.id)),
                None if NOT_IN_TAXONOMY.contains(&s.as_str()) => {}
                None => missing.push(format!("{}: {s:?} is not in the skills taxonomy", r.id)),
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    // The exception list stays honest: each entry is used and really absent from the taxonomy.
    for s in NOT_IN_TAXONOMY {
        assert!(
            canonical_skill(s).is_none(),
            "{s:?} is in the taxonomy now: drop it from NOT_IN_TAXONOMY"
        );
        assert!(
            all().iter().any(|r| r.hard_skills.iter().any(|h| h == s)),
            "{s:?} is unused: drop it"
        );
    }
}

#[test]
fn sections_are_complete_and_sized() {
    for r in all() {
        let id = &r.id;
        assert!(!r.title.trim().is_empty(), "{id}: title");
        assert!(
            r.summary.len() > 40 && r.summary.len() < 260,
            "{id}: summary should be one line ({} chars)",
            r.summary.len()
        );
        assert!(
            r.what_they_do.len() > 300,
            "{id}: what_they_do should be a paragraph"
        );
        assert!(
            (8..=12).contains(&r.responsibilities.len()),
            "{id}: {} responsibilities",
            r.responsibilities.len()
        );
        assert!(
            (10..=20).contains(&r.hard_skills.len()),
            "{id}: {} hard skills",
            r.hard_skills.len()
        );
        assert!(r.soft_skills.len() >= 3, "{id}: soft skills");
        assert!(r.tools.len() >= 4, "{id}: tool categories");
        assert!(r.titles.len() >= 3, "{id}: titles");
        assert!(
            (4..=6).contains(&r.faqs.len()),
            "{id}: {} FAQs",
            r.faqs.len()
        );
        assert!(r.seniority.len() >= 2, "{id}: seniority ladder");
        let lists = [
            &r.responsibilities,
            &r.hard_skills,
            &r.soft_skills,
            &r.titles,
            &r.interview_focus,
        ];
        for l in lists {
            assert!(
                l.iter().all(|x| !x.trim().is_empty()),
                "{id}: empty list entry"
            );
            let uniq: HashSet<&String> = l.iter().collect();
            assert_eq!(uniq.len(), l.len(), "{id}: duplicate list entry");
        }
        for t in &r.tools {
            assert!(
                !t.category.trim().is_empty() && !t.items.is_empty(),
                "{id}: tool group {:?}",
                t.category
            );
        }
        for f in &r.faqs {
            assert!(f.q.ends_with('?') && f.a.len() > 40, "{id}: FAQ {:?}", f.q);
        }
        // The pay FAQ answers qualitatively and points at the live figures.
        let pay = r
            .faqs
            .iter()
            .find(|f| f.q.ends_with(" earn?"))
            .unwrap_or_else(|| panic!("{id}: no pay FAQ"));
        assert!(
            pay.a.contains("live"),
            "{id}: pay FAQ should point at the live figures"
        );
        assert!(
            !pay.a.contains('$') && !pay.a.contains('€') && !pay.a.contains('£'),
            "{id}: pay FAQ quotes figures"
        );
    }
}

#[test]
fn ladders_have_increasing_years() {
    for r in all() {
        for l in &r.seniority {
            assert!(
                !l.name.trim().is_empty() && l.expectations.len() > 60,
                "{}: level {:?}",
                r.id,
                l.name
            );
            if let (from, Some(to)) = l.years {
                assert!(from <= to, "{}: {:?} years {from}..{to}", r.id, l.name);
            }
        }
        for w in r.seniority.windows(2) {
            assert!(
                w[0].years.0 < w[1].years.0,
                "{}: {:?} starts no earlier than {:?}",
                r.id,
                w[1].name,
                w[0].name
            );
            assert!(
                w[0].years.1.is_some(),
                "{}: only the top level may be open-ended ({:?})",
                r.id,
                w[0].name
            );
        }
    }
}

#[test]
fn titles_do_not_collide_across_roles() {
    let mut owner = std::collections::HashMap::new();
    for r in all() {
        for t in &r.titles {
            if let Some(prev) = owner.insert(t.to_lowercase(), r.id.clone()) {
                assert_eq!(
                    prev, r.id,
                    "title {t:?} is listed by both {prev} and {}",
                    r.id
                );
            }
        }
    }
}

#[test]
fn get_finds_ids_and_suggests_close_ones() {
    assert_eq!(
        get("backend-architect").map(|r| r.title.as_str()),
        Ok("Backend Architect")
    );
    assert_eq!(
        get(" Backend_Architect ").map(|r| r.id.as_str()),
        Ok("backend-architect")
    );
    let e = get("backnd-engineer").expect_err("typo");
    assert_eq!(
        e.close_matches.first().map(String::as_str),
        Some("backend-engineer")
    );
    let msg = e.to_string();
    assert!(
        msg.starts_with("unknown role \"backnd-engineer\"; did you mean: backend-engineer"),
        "{msg}"
    );
    let e = get("sre").expect_err("short form");
    assert!(
        e.close_matches
            .contains(&"site-reliability-engineer".to_string()),
        "{:?}",
        e.close_matches
    );
    let e = get("data").expect_err("one word");
    assert!(
        e.close_matches.iter().all(|m| m.contains("data")) && !e.close_matches.is_empty(),
        "{:?}",
        e.close_matches
    );
    assert!(get("zzzz")
        .expect_err("nothing close")
        .close_matches
        .is_empty());
    assert!(get("").is_err());
}

#[test]
fn match_title_on_real_titles() {
    let cases = [
        ("Senior Backend Engineer", "backend-engineer"),
        ("Sr. Back-End Developer (m/w/d)", "backend-engineer"),
        ("Backend Software Engineer", "backend-engineer"),
        ("Staff Software Engineer", "staff-engineer"),
        ("Principal Software Engineer", "principal-engineer"),
        ("Software Engineer II", "software-engineer"),
        ("Frontend Developer - React", "frontend-engineer"),
        ("Full Stack Engineer", "full-stack-engineer"),
        ("Site Reliability Engineer", "site-reliability-engineer"),
        ("SRE, Infrastructure", "site-reliability-engineer"),
        ("DevOps Engineer", "devops-engineer"),
        ("Senior Data Engineer", "data-engineer"),
        ("Analytics Engineer", "analytics-engineer"),
        ("Data Scientist, Growth", "data-scientist"),
        ("Machine Learning Engineer", "machine-learning-engineer"),
        ("Sr. ML Engineer", "machine-learning-engineer"),
        ("Engineering Manager, Payments", "engineering-manager"),
        ("Director of Engineering", "director-of-engineering"),
        ("iOS Developer", "ios-engineer"),
        ("Android Engineer", "android-engineer"),
        ("QA Automation Engineer", "sdet"),
        ("Product Designer", "product-designer"),
        ("Technical Writer", "technical-writer"),
        ("Security Engineer", "security-engineer"),
        ("Embedded Software Engineer", "embedded-engineer"),
        ("Chief Technology Officer", "cto"),
        ("Salesforce Developer", "salesforce-developer"),
        ("Solutions Architect", "solutions-architect"),
    ];
    let mut wrong = Vec::new();
    for (title, want) in cases {
        let got = match_title(title).map(|r| r.id.as_str());
        if got != Some(want) {
            wrong.push(format!("{title:?}: got {got:?}, want {want}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(match_title("Account Executive").is_none());
    assert!(match_title("").is_none());
}

#[test]
fn roles_serialize_to_json() {
    let r = get("backend-architect").expect("role");
    let v = serde_json::to_value(r).expect("serialize");
    assert_eq!(v["id"], "backend-architect");
    assert_eq!(v["role_family"], "architecture");
    assert!(v["seniority"][0]["years"].is_array());
}

mod props {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn lookups_never_panic(s in "\\PC{0,80}") {
            let _ = hirekit_roles::get(&s);
            let _ = hirekit_roles::match_title(&s);
        }
    }
}

/// Accuracy of `match_title` on 160 real titles labelled by hand (tests/data/titles_labelled.tsv).
#[test]
fn match_title_accuracy_on_labelled_titles() {
    let data = include_str!("data/titles_labelled.tsv");
    let (mut n, mut right) = (0, 0);
    let mut wrong = Vec::new();
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (title, want) = line.split_once('\t').expect("title<TAB>label");
        let got = match_title(title).map(|r| r.id.as_str()).unwrap_or("-");
        n += 1;
        if want.split('|').any(|w| w == got) {
            right += 1;
        } else {
            wrong.push(format!("{title:?}: got {got}, want {want}"));
        }
    }
    let acc = right as f64 / n as f64;
    eprintln!(
        "match_title: {right}/{n} = {:.1}% right\n{}",
        acc * 100.0,
        wrong.join("\n")
    );
    assert!(
        acc >= 0.9,
        "accuracy {acc:.3} below 0.9:\n{}",
        wrong.join("\n")
    );
}
