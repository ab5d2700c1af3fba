use hirekit_model::profile::{Contact, Experience, Profile, ProfileSkill, Span};
use hirekit_model::skills::{extract_skills, skill_category};
use hirekit_model::Seniority;
use hirekit_screen::*;
use proptest::prelude::*;

/// A profile built from text the simple way: skills from the taxonomy, years given.
fn profile(text: &str, years: f32) -> Profile {
    let skills = extract_skills(text)
        .into_iter()
        .map(|m| ProfileSkill {
            name: m.skill.to_string(),
            category: skill_category(m.skill).map(str::to_string),
            years: None,
            evidence: vec![Span {
                start: m.start,
                end: m.end,
            }],
        })
        .collect();
    Profile {
        total_years: years,
        skills,
        ..Profile::default()
    }
}

fn cand<'a>(id: &str, text: &'a str, p: &'a Profile) -> Candidate<'a> {
    Candidate {
        id: id.to_string(),
        text,
        profile: p,
    }
}

#[test]
fn toml_and_json_round_trip() {
    let src = r#"
must_have = ["Rust", "Kafka or RabbitMQ", ["AWS", "GCP"]]
nice_to_have = ["Kubernetes", { skill = "Terraform", weight = 2.0 }]
min_total_years = 5
min_years_with = [["Rust", 2], { skill = "Python", years = 3 }]
seniority = ["senior", "mid"]
title_keywords = ["backend"]
education = "bachelor"
ideal_candidate = "Builds reliable streaming systems."
[location]
countries = ["DE", "Poland"]
remote_ok = true
timezones = ["UTC-1 to UTC+3"]
[salary_ceiling]
amount = 90000
currency = "EUR"
"#;
    let c = Criteria::from_toml(src).unwrap();
    assert_eq!(c.must_have.len(), 3);
    assert_eq!(c.must_have[1].alternatives, vec!["Kafka", "RabbitMQ"]);
    assert_eq!(c.must_have[2].alternatives, vec!["AWS", "GCP"]);
    assert_eq!(c.nice_to_have[1].weight, 2.0);
    assert_eq!(c.nice_to_have[0].weight, 1.0);
    assert_eq!(
        c.min_years_with,
        vec![("Rust".to_string(), 2.0), ("Python".to_string(), 3.0)]
    );
    assert_eq!(c.seniority, Some((Seniority::Mid, Seniority::Senior)));
    assert_eq!(c.location.as_ref().unwrap().countries, vec!["DE", "Poland"]);
    let again = Criteria::from_toml(&c.to_toml()).unwrap();
    assert_eq!(again, c, "{}", c.to_toml());
    let j = Criteria::from_json(&c.to_json()).unwrap();
    assert_eq!(j, c);
    assert!(Criteria::from_toml("min_total_years = -3").is_err());
    assert!(Criteria::from_toml("seniority = \"wizard\"").is_err());
    assert!(Criteria::from_json("{\"must_have\": 5}").is_err());
}

#[test]
fn derive_from_jd_text() {
    let jd = "Senior Backend Engineer\n\
        We build payments infrastructure.\n\
        Requirements:\n\
        - 5+ years of Python\n\
        - 3+ years of professional experience building services\n\
        - Kafka or RabbitMQ\n\
        - A SQL database (PostgreSQL, MySQL)\n\
        - Bachelor's degree in Computer Science\n\
        Nice to have:\n\
        - Kubernetes\n\
        - Terraform\n\
        Benefits:\n\
        - Free lunch and a Docker sticker\n";
    let c = Criteria::derive_from_text(jd);
    assert!(
        c.min_years_with.contains(&("Python".to_string(), 5.0)),
        "{c:?}"
    );
    assert_eq!(c.min_total_years, Some(3.0));
    let musts: Vec<Vec<String>> = c.must_have.iter().map(|r| r.alternatives.clone()).collect();
    assert!(
        musts.contains(&vec!["Kafka".to_string(), "RabbitMQ".to_string()]),
        "{musts:?}"
    );
    assert!(
        musts
            .iter()
            .any(|m| m.contains(&"sql database".to_string())
                && m.contains(&"PostgreSQL".to_string())),
        "{musts:?}"
    );
    assert!(
        musts.iter().any(|m| m == &vec!["Python".to_string()]),
        "{musts:?}"
    );
    let nice: Vec<(&str, f32)> = c
        .nice_to_have
        .iter()
        .map(|w| (w.skill.as_str(), w.weight))
        .collect();
    assert!(
        nice.contains(&("Kubernetes", 1.0)) && nice.contains(&("Terraform", 1.0)),
        "{nice:?}"
    );
    assert!(nice.contains(&("Docker", 0.5)), "{nice:?}");
    assert_eq!(c.education.as_deref(), Some("bachelor"));
    assert_eq!(c.seniority, Some((Seniority::Senior, Seniority::Senior)));
    assert_eq!(c.title_keywords, vec!["backend"]);
    assert!(c.job_text.is_some());

    let list = Criteria::derive_from_text("Requirements:\n- 3 years building APIs using PHP, Python or Go\n- Docker, Kubernetes");
    let l: Vec<String> = list.must_have.iter().map(|r| r.label()).collect();
    assert_eq!(l, vec!["PHP or Python or Go", "Docker", "Kubernetes"]);

    // A keyword list is as long as its elements, recognized or not: six is a wish list.
    let keywords =
        Criteria::derive_from_text("Minimum Required Skills: Java, C#, SQL, HTTPS, Apache, Eclipse");
    assert!(keywords.must_have.is_empty(), "{:?}", keywords.must_have);
    assert!(
        keywords
            .nice_to_have
            .iter()
            .any(|w| w.skill == "Java" && w.weight == 1.5),
        "{:?}",
        keywords.nice_to_have
    );
    // Prominence: the title's skill weighs like a must-have; repeated skills weigh more than
    // one named once.
    let core = Criteria::derive_from_text(
        "Java Developer\nYou will write Java services. Our stack: Java 21, Spring, Kafka.\n\
         Kafka runs our events; Docker is used in CI.",
    );
    let w = |s: &str| {
        core.nice_to_have
            .iter()
            .find(|w| w.skill == s)
            .map(|w| w.weight)
            .unwrap_or(0.0)
    };
    assert!(w("Java") >= 2.0 && w("Kafka") > w("Docker") && w("Docker") > 0.0, "{:?}", core.nice_to_have);
    // Examples illustrate one requirement: any of them meets it.
    let examples = Criteria::derive_from_text(
        "Must have:\n- Experience with messaging frameworks such as RabbitMQ, Redis\n- Docker",
    );
    let e: Vec<String> = examples.must_have.iter().map(|r| r.label()).collect();
    assert_eq!(e, vec!["RabbitMQ or Redis", "Docker"]);

    let inline = Criteria::derive_from_text("Must have: Go, Kubernetes. Nice to have: Terraform");
    let m: Vec<String> = inline.must_have.iter().map(|r| r.label()).collect();
    assert_eq!(m, vec!["Go", "Kubernetes"]);
    assert_eq!(inline.nice_to_have[0].skill, "Terraform");
}

#[test]
fn derive_from_posting_uses_structured_fields() {
    let p: hirekit_model::Posting = serde_json::from_value(serde_json::json!({
        "title": "Senior Data Engineer", "company": "Acme", "role_family": "data-engineering",
        "seniority": "senior", "track": "ic", "remote": "remote", "countries": ["DE"],
        "regions": [], "locations": ["Berlin"], "employment_type": null,
        "salary": {"min": 70000, "max": 90000, "currency": "EUR", "period": "year"},
        "salary_text": null, "skills": ["Snowflake"], "description": "Requirements:\n- Apache Spark\n- dbt",
        "url": null, "apply_url": null, "posted_at": null, "valid_through": null, "department": null
    }))
    .unwrap();
    let c = Criteria::derive_from_posting(&p);
    assert_eq!(c.must_have.len(), 2);
    assert!(c.nice_to_have.iter().any(|w| w.skill == "Snowflake"));
    assert_eq!(c.salary_ceiling.as_ref().unwrap().amount, 90000.0);
    let loc = c.location.unwrap();
    assert!(loc.remote_ok && loc.countries == vec!["DE"]);
    assert_eq!(c.title_keywords, vec!["data"]);
}

#[test]
fn knockouts_and_parents() {
    let c = Criteria::from_toml("must_have = [\"SQL database\", \"Kafka or RabbitMQ\", \"cloud\"]")
        .unwrap();
    let t1 = "Backend developer. PostgreSQL, RabbitMQ, AWS Lambda.";
    let t2 = "Backend developer. PostgreSQL and AWS.";
    let (p1, p2) = (profile(t1, 4.0), profile(t2, 4.0));
    let r = rank(
        &c,
        &[cand("b", t2, &p2), cand("a", t1, &p1)],
        &Options::default(),
    );
    assert_eq!(r[0].id, "a");
    assert!(!r[0].knocked_out, "{:?}", r[0].evidence);
    assert!(r[1].knocked_out);
    assert_eq!(r[1].knockouts, vec!["missing must-have: Kafka or RabbitMQ"]);
    let missed = r[1].evidence.iter().find(|e| !e.met).unwrap();
    assert!(missed.note.contains("Kafka") && missed.snippets.is_empty());
    // Evidence points at the right text.
    let sql = r[0]
        .evidence
        .iter()
        .find(|e| e.criterion.contains("SQL database"))
        .unwrap();
    assert!(sql.met);
    assert_eq!(
        &t1[sql.snippets[0].start..sql.snippets[0].end],
        "PostgreSQL"
    );
    assert!(sql.snippets[0].text.contains("PostgreSQL"));
    let cloud = r[0]
        .evidence
        .iter()
        .find(|e| e.criterion.contains("cloud"))
        .unwrap();
    assert_eq!(
        &t1[cloud.snippets[0].start..cloud.snippets[0].end],
        "AWS Lambda"
    );
    assert_eq!(r[0].signals, vec!["coverage", "lexical"]);
    assert!(r[0].breakdown.semantic.is_none());
    assert!(r.iter().all(|s| (0.0..=100.0).contains(&s.score)));
}

#[test]
fn missing_must_haves_within_the_tolerance_do_not_knock_out() {
    // Written criteria knock out on the first missing must-have unless told otherwise.
    let strict = Criteria::from_toml("must_have = [\"Go\", \"Kafka\", \"Docker\", \"Kubernetes\"]").unwrap();
    assert_eq!(strict.max_missing_must_haves, 0);
    let tolerant = Criteria::from_toml(
        "must_have = [\"Go\", \"Kafka\", \"Docker\", \"Kubernetes\"]\nmax_missing_must_haves = 1",
    )
    .unwrap();
    assert!(tolerant.to_toml().contains("max_missing_must_haves = 1"));
    assert!(!strict.to_toml().contains("max_missing_must_haves"));
    let one = "Go developer: Kafka, Docker.";
    let two = "Go developer: Kafka.";
    let (p1, p2) = (profile(one, 4.0), profile(two, 4.0));
    let cands = [cand("two", two, &p2), cand("one", one, &p1)];
    let r = rank(&strict, &cands, &Options::default());
    assert!(r.iter().all(|s| s.knocked_out));
    let r = rank(&tolerant, &cands, &Options::default());
    assert_eq!(r[0].id, "one");
    assert!(!r[0].knocked_out && r[0].knockouts.is_empty(), "{:?}", r[0].knockouts);
    let miss = r[0].evidence.iter().find(|e| e.criterion == "must have: Kubernetes").unwrap();
    assert!(!miss.met && miss.note.contains("tolerated"), "{}", miss.note);
    // A tolerated miss still costs its weight.
    assert!(r[0].breakdown.coverage < 1.0);
    assert!(r[1].knocked_out);
    assert_eq!(
        r[1].knockouts,
        vec!["missing must-have: Docker", "missing must-have: Kubernetes"]
    );

    // Derived criteria tolerate one miss per four must-haves.
    let four = Criteria::derive_from_text(
        "Backend Engineer\nMust have:\n- PostgreSQL\n- Kafka\n- Docker\n- Kubernetes\n",
    );
    assert_eq!(four.must_have.len(), 4, "{:?}", four.must_have);
    assert_eq!(four.max_missing_must_haves, 1);
    let three = Criteria::derive_from_text("Backend Engineer\nMust have:\n- PostgreSQL\n- Kafka\n- Docker\n");
    assert_eq!(three.must_have.len(), 3, "{:?}", three.must_have);
    assert_eq!(three.max_missing_must_haves, 0);
}

#[test]
fn years_and_seniority() {
    let c = Criteria::from_toml(
        "min_total_years = 6\nmin_years_with = [[\"Rust\", 4]]\nseniority = \"senior\"",
    )
    .unwrap();
    let t = "Rust engineer";
    let mut p = profile(t, 3.0);
    p.skills[0].years = Some(2.0);
    p.seniority = Some(Seniority::Mid);
    let r = &rank(&c, &[cand("x", t, &p)], &Options::default())[0];
    let credit = |k: &str| {
        r.evidence
            .iter()
            .find(|e| e.criterion.starts_with(k))
            .unwrap()
            .credit
    };
    assert!((credit("min total years") - 0.5).abs() < 1e-6);
    assert!((credit("min years with Rust") - 0.5).abs() < 1e-6);
    assert!((credit("seniority") - 0.5).abs() < 1e-6);
    assert!(!r.knocked_out);
}

fn famous(name: &str) -> (String, Profile) {
    let text = format!(
        "{name}\n{email} | +44 20 7946 0958\nDate of birth: 12.03.1988\nNationality: British\n\n\
         Summary: {first} is a backend engineer. He has built Kafka pipelines in Rust and Go.\n\
         Experience: Acme 2016 - 2024, senior engineer, PostgreSQL and Kubernetes.",
        email = format!("{}@mail.example", name.to_lowercase().replace(' ', ".")),
        first = name.split(' ').next().unwrap()
    );
    let mut p = profile(&text, 8.0);
    p.contact = Contact {
        name: Some(name.to_string()),
        email: Some(format!(
            "{}@mail.example",
            name.to_lowercase().replace(' ', ".")
        )),
        phone: Some("+44 20 7946 0958".into()),
        links: vec![],
        location: None,
    };
    (text, p)
}

#[test]
fn blind_mode_hides_identity_and_does_not_change_the_score() {
    let c = Criteria::derive_from_text(
        "Backend engineer\nRequirements:\n- Rust\n- Kafka\n- PostgreSQL",
    );
    let (t1, p1) = famous("Jo Bloggs");
    let (t2, p2) = famous("Barack Hussein Obama");
    let other = "Frontend developer with React and CSS";
    let po = profile(other, 2.0);
    let opts = Options {
        blind: true,
        ..Options::default()
    };
    let a = rank(&c, &[cand("a", &t1, &p1), cand("o", other, &po)], &opts);
    let b = rank(&c, &[cand("a", &t2, &p2), cand("o", other, &po)], &opts);
    assert_eq!(a[0].id, "a");
    assert_eq!(a[0].score, b[0].score);
    assert_eq!(a[0].breakdown, b[0].breakdown);
    // Nothing identifying in what is shown.
    let shown = serde_json::to_string(&b).unwrap();
    for gone in [
        "Obama", "Barack", "obama", "7946", "1988", "British", "He has",
    ] {
        assert!(!shown.contains(gone), "{gone} shown: {shown}");
    }
    let (bt, bp) = blind(&t2, &p2);
    assert_eq!(bt.len(), t2.len());
    assert!(bp.contact.name.is_none() && bp.contact.email.is_none() && bp.contact.phone.is_none());
    // Evidence spans still point at the skill in the blinded text.
    let k = bp.skills.iter().find(|s| s.name == "Kafka").unwrap();
    assert_eq!(&bt[k.evidence[0].start..k.evidence[0].end], "Kafka");
    // Without blind mode, the name is in the text (so the test above tests something).
    let plain = rank(&c, &[cand("a", &t2, &p2)], &Options::default());
    assert!(serde_json::to_string(&plain).unwrap().contains("Obama") || t2.contains("Obama"));
}

/// A DOCX whose contact links exist only as hyperlinks behind the words "LinkedIn" and
/// "Email".
fn docx_with_hidden_links() -> Vec<u8> {
    use std::io::Write;
    let doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body><w:p><w:r><w:t>Jo Bloggs</w:t></w:r></w:p><w:p><w:hyperlink r:id=\"rId1\"><w:r><w:t>LinkedIn</w:t></w:r></w:hyperlink><w:r><w:t xml:space=\"preserve\"> | </w:t></w:r><w:hyperlink r:id=\"rId2\"><w:r><w:t>Email</w:t></w:r></w:hyperlink></w:p><w:p><w:r><w:t>Experience</w:t></w:r></w:p><w:p><w:r><w:t>Backend engineer, Acme, 2018 - 2023: Rust, Kafka, PostgreSQL.</w:t></w:r></w:p></w:body></w:document>";
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://www.linkedin.com/in/jo-bloggs-4711\" TargetMode=\"External\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"mailto:jo.bloggs@example.org\" TargetMode=\"External\"/></Relationships>";
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in [
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"),
        ("word/document.xml", doc),
        ("word/_rels/document.xml.rels", rels),
    ] {
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(data.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn blind_mode_hides_links_and_emails_found_only_in_hyperlinks() {
    let parsed =
        hirekit_resume::parse_bytes(&docx_with_hidden_links(), "cv.docx", &Default::default())
            .unwrap();
    let (text, p) = (parsed.document.text, parsed.profile);
    // The hyperlinks reach the profile (so the checks below test something)…
    assert_eq!(p.contact.links, vec!["https://www.linkedin.com/in/jo-bloggs-4711"]);
    assert_eq!(p.contact.email.as_deref(), Some("jo.bloggs@example.org"));
    assert!(!text.contains("jo-bloggs-4711") && !text.contains("example.org"));
    // …and blind mode drops them with the rest of the contact.
    let (bt, bp) = blind(&text, &p);
    assert!(bp.contact.links.is_empty() && bp.contact.email.is_none());
    let shown = format!("{bt}\n{}", serde_json::to_string(&bp).unwrap());
    for gone in ["jo-bloggs-4711", "jo.bloggs", "Bloggs"] {
        assert!(!shown.contains(gone), "{gone} shown: {shown}");
    }
    let c = Criteria::derive_from_text("Backend engineer\nRequirements:\n- Rust\n- Kafka");
    let r = rank(
        &c,
        &[cand("a", &text, &p)],
        &Options {
            blind: true,
            ..Options::default()
        },
    );
    let shown = serde_json::to_string(&r).unwrap();
    assert!(!shown.contains("jo-bloggs-4711") && !shown.contains("jo.bloggs"), "{shown}");
}

#[test]
fn duplicates_are_recognized() {
    let c = Criteria::from_toml("must_have = [\"Rust\"]").unwrap();
    let (t1, p1) = famous("Jo Bloggs");
    // Same person, resume lightly edited, new e-mail and phone.
    let t2 = t1
        .replace("2016 - 2024", "2016 - 2025")
        .replace("Go.", "Go!");
    let mut p2 = profile(&t2, 9.0);
    p2.contact.name = Some("Bloggs, Jo".into());
    // Same e-mail, different name and text.
    let t3 = "Someone else entirely. Rust and C++.";
    let mut p3 = profile(t3, 2.0);
    p3.contact.email = Some("JO.BLOGGS@mail.example".into());
    // Different person.
    let t4 = "Rust developer, embedded systems, no relation.";
    let p4 = profile(t4, 2.0);
    let r = rank(
        &c,
        &[
            cand("1", &t1, &p1),
            cand("2", &t2, &p2),
            cand("3", t3, &p3),
            cand("4", t4, &p4),
        ],
        &Options::default(),
    );
    let dup = |id: &str| r.iter().find(|s| s.id == id).unwrap().duplicate_of.clone();
    // 1, 2 and 3 are one person: the best-ranked of them is the original, the others point to it.
    let best = r
        .iter()
        .find(|s| ["1", "2", "3"].contains(&s.id.as_str()))
        .unwrap()
        .id
        .clone();
    for id in ["1", "2", "3"] {
        let want = if id == best { None } else { Some(best.clone()) };
        assert_eq!(dup(id), want, "{id}");
    }
    assert_eq!(dup("4"), None);
}

#[test]
fn nice_to_have_weights_and_keywords() {
    let c = Criteria::from_toml(
        "nice_to_have = [{ skill = \"Kubernetes\", weight = 3 }, \"distributed tracing\"]\njob_text = \"Kubernetes distributed tracing\"",
    )
    .unwrap();
    let t1 = "Ran Kubernetes clusters.";
    let t2 = "Built distributed tracing for a bank.";
    let (p1, p2) = (profile(t1, 1.0), profile(t2, 1.0));
    let r = rank(
        &c,
        &[cand("2", t2, &p2), cand("1", t1, &p1)],
        &Options::default(),
    );
    assert!((r.iter().find(|s| s.id == "1").unwrap().breakdown.coverage - 0.75).abs() < 1e-6);
    let e = &r.iter().find(|s| s.id == "2").unwrap().evidence[1];
    assert!(e.met);
    assert_eq!(
        &t2[e.snippets[0].start..e.snippets[0].end],
        "distributed tracing"
    );
}

#[test]
fn lexical_only_without_criteria_and_empty_batch() {
    let c = Criteria {
        job_text: Some("rust kafka streaming".into()),
        ..Criteria::default()
    };
    let (a, b) = ("kafka streaming in rust", "baking bread");
    let (pa, pb) = (Profile::default(), Profile::default());
    let r = rank(
        &c,
        &[cand("b", b, &pb), cand("a", a, &pa)],
        &Options::default(),
    );
    assert_eq!(r[0].id, "a");
    assert_eq!(r[0].signals, vec!["lexical"]);
    assert!(r[0].score > 0.0);
    assert_eq!(r[1].score, 0.0);
    assert!(rank(&c, &[], &Options::default()).is_empty());
}

struct Fake;
impl Embedder for Fake {
    fn embed(&self, texts: &[&str]) -> anyhow::Result<Vec<Vec<f32>>> {
        // Two dimensions: how much the text talks about rust vs baking.
        Ok(texts
            .iter()
            .map(|t| {
                let l = t.to_lowercase();
                vec![
                    l.matches("rust").count() as f32 + 0.01,
                    l.matches("bread").count() as f32,
                ]
            })
            .collect())
    }
    fn name(&self) -> &str {
        "fake"
    }
}

#[test]
fn semantic_signal_with_an_embedder_and_cache() {
    let c = Criteria {
        ideal_candidate: Some("A Rust systems programmer, lots of Rust".into()),
        ..Criteria::default()
    };
    let a = "I have written Rust for years, Rust services and Rust tools in production at scale.";
    let b = "I bake bread. Sourdough bread, rye bread and more bread every single morning.";
    let (pa, pb) = (Profile::default(), Profile::default());
    let dir = std::env::temp_dir().join(format!("hirekit-screen-cache-{}", std::process::id()));
    let e = std::sync::Arc::new(Cached::new(std::sync::Arc::new(Fake), Some(dir.clone())));
    let opts = Options {
        embedder: Some(e.clone()),
        ..Options::default()
    };
    let r = rank(&c, &[cand("b", b, &pb), cand("a", a, &pa)], &opts);
    assert_eq!(r[0].id, "a");
    assert!(r[0].signals.contains(&"semantic"));
    assert!(r[0].breakdown.semantic.unwrap() > r[1].breakdown.semantic.unwrap());
    assert!(std::fs::read_dir(&dir).unwrap().count() >= 3);
    let again = rank(&c, &[cand("b", b, &pb), cand("a", a, &pa)], &opts);
    assert_eq!(r, again);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn embedding_reports_progress_slice_by_slice() {
    // 150 resumes of one chunk each: more than two slices of EMBED_SLICE.
    let c = Criteria {
        ideal_candidate: Some("A Rust systems programmer".into()),
        ..Criteria::default()
    };
    let texts: Vec<String> = (0..150)
        .map(|i| format!("Resume {i}: {} years of Rust and {} of bread baking, told at length.", i % 7, i % 5))
        .collect();
    let p = Profile::default();
    let cands: Vec<Candidate> = texts.iter().enumerate().map(|(i, t)| cand(&i.to_string(), t, &p)).collect();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = seen.clone();
    let opts = Options {
        embedder: Some(std::sync::Arc::new(Fake)),
        on_embed: Some(std::sync::Arc::new(move |done, total| log.lock().unwrap().push((done, total)))),
        ..Options::default()
    };
    let with = rank(&c, &cands, &opts);
    let calls = seen.lock().unwrap().clone();
    assert_eq!(calls.len(), 150usize.div_ceil(hirekit_screen::EMBED_SLICE));
    assert!(calls.windows(2).all(|w| w[0].0 < w[1].0), "{calls:?}");
    assert_eq!(calls.last(), Some(&(150, 150)));
    // Slicing changes nothing in the scores: same as one call per resume set.
    let plain = Options { embedder: Some(std::sync::Arc::new(Fake)), ..Options::default() };
    assert_eq!(with, rank(&c, &cands, &plain));
    assert!(with[0].breakdown.semantic.is_some());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn derive_and_parse_never_panic(s in "\\PC{0,400}") {
        let c = Criteria::derive_from_text(&s);
        let _ = Criteria::from_toml(&c.to_toml());
        let _ = Criteria::from_toml(&s);
        let _ = Criteria::from_json(&s);
        let _ = resolve(&s);
    }

    #[test]
    fn derive_from_jd_like_text_never_panics(
        lines in prop::collection::vec(prop_oneof![
            Just("Requirements:".to_string()), Just("Nice to have:".to_string()),
            Just("- 5+ years of Python".to_string()), Just("Kafka or RabbitMQ, e.g. (".to_string()),
            Just("Must have: Go/Rust".to_string()), "\\PC{0,60}",
        ], 0..12)
    ) {
        let jd = lines.join("\n");
        let c = Criteria::derive_from_text(&jd);
        let back = Criteria::from_toml(&c.to_toml());
        prop_assert!(back.is_ok(), "{:?}", back.err());
    }

    #[test]
    fn rank_and_blind_never_panic(text in "\\PC{0,300}", name in "\\PC{0,20}") {
        let mut p = profile(&text, 3.0);
        p.contact.name = Some(name);
        // Spans that point nowhere must not break evidence.
        p.skills.push(ProfileSkill { name: "Rust".into(), category: None, years: Some(1.0), evidence: vec![Span { start: 5000, end: 3 }] });
        p.experience.push(Experience { title: Some("Engineer".into()), company: None, start: None, end: None, current: false, location: None, description: String::new(), role_family: None, seniority: None, span: Span { start: 7, end: 99999 } });
        let c = Criteria::from_toml("must_have = [\"Rust\"]\nmin_total_years = 2\ntitle_keywords = [\"engineer\"]\neducation = \"master\"\n[salary_ceiling]\namount = 5").unwrap();
        let (b, _) = blind(&text, &p);
        prop_assert_eq!(b.len(), text.len());
        for blind_mode in [false, true] {
            let r = rank(&c, &[cand("x", &text, &p)], &Options { blind: blind_mode, ..Options::default() });
            prop_assert!(r[0].score.is_finite());
        }
    }
}
