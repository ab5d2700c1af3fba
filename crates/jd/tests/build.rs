//! Spec parsing (errors name their fields) and built JSON-LD (validates with zero errors).
#![allow(clippy::unwrap_used)] // tests fail loudly

use hirekit_jd::{build, parse_spec, to_posting, validate_jobposting, Severity};

const BASE: &str = r#"
role = "backend-engineer"
seniority = "senior"
employment_type = "full-time"
apply_url = "https://jobs.example.com/1"
date_posted = "2026-01-10"
[company]
name = "Acme"
site = "https://acme.example.com"
logo = "https://acme.example.com/logo.png"
[location]
remote = "remote"
countries = ["DE", "PL"]
[pay]
min = 80000
max = 100000
currency = "EUR"
period = "year"
"#;

fn fields_of(toml: &str) -> Vec<String> {
    match parse_spec(toml) {
        Ok(_) => panic!("expected an error for:\n{toml}"),
        Err(e) => {
            let f: Vec<String> = e.fields().into_iter().map(String::from).collect();
            assert!(!e.to_string().is_empty());
            f
        }
    }
}

fn with(replace: &str, by: &str) -> String {
    assert!(BASE.contains(replace), "{replace}");
    BASE.replacen(replace, by, 1)
}

#[test]
fn example_spec_builds_and_validates() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/backend.toml"
    ))
    .unwrap();
    let spec = parse_spec(&text).unwrap();
    let jd = build(&spec).unwrap();
    assert_eq!(jd.title, "Senior Backend Engineer");
    assert!(
        jd.markdown.contains("85,000 – 110,000 EUR per year"),
        "{}",
        jd.markdown
    );
    assert!(jd.html.contains("<h2>What you need</h2>"));
    assert_eq!(jd.jsonld["jobLocationType"], "TELECOMMUTE");
    assert_eq!(
        jd.jsonld["applicantLocationRequirements"][0]["name"],
        "Germany"
    );
    assert_eq!(jd.jsonld["baseSalary"]["value"]["unitText"], "YEAR");
    assert_eq!(jd.jsonld["validThrough"], "2027-01-19T23:59:59Z");
    let f = validate_jobposting(&jd.jsonld);
    assert!(f.is_empty(), "{f:?}");
    let p = to_posting(&jd, &spec);
    assert_eq!(p.title, "Senior Backend Engineer");
    assert_eq!(p.countries, vec!["DE", "NL", "PL"]);
    assert_eq!(p.salary.as_ref().and_then(|s| s.max), Some(110000.0));
    assert!(p.skills.iter().any(|s| s == "Go"), "{:?}", p.skills);
}

#[test]
fn matrix_of_specs_validates() {
    let remotes = [
        ("remote", ""),
        ("hybrid", "city = \"Berlin\"\n"),
        ("onsite", "city = \"New York\"\n"),
    ];
    let types = [
        "full-time",
        "part-time",
        "contract",
        "internship",
        "temporary",
    ];
    let seniorities = [
        "intern",
        "junior",
        "mid",
        "senior",
        "staff",
        "principal",
        "head",
    ];
    let roles = hirekit_jd::role_ids();
    let pays = [
        "[pay]\nmin = 50\nmax = 80\ncurrency = \"USD\"\nperiod = \"hour\"\n",
        "[pay]\nmax = 9000\ncurrency = \"PLN\"\nperiod = \"month\"\n",
        "[pay]\nmin = 600\ncurrency = \"GBP\"\nperiod = \"day\"\n",
        "[pay]\nmin = 120000\nmax = 120000\ncurrency = \"USD\"\nperiod = \"year\"\n",
        "",
    ];
    let mut n = 0;
    for (i, (remote, city)) in remotes.iter().enumerate() {
        for (j, ty) in types.iter().enumerate() {
            for (k, sen) in seniorities.iter().enumerate() {
                let role = roles[(i + j + k) % roles.len()];
                let pay = pays[(i + j * 2 + k) % pays.len()];
                let spec = format!(
                    "role = \"{role}\"\nseniority = \"{sen}\"\nemployment_type = \"{ty}\"\napply_url = \"https://x.example.org/a?b=1\"\ndirect_apply = {}\nbenefits = [\"Health\"]\n[company]\nname = \"Co {n}\"\n[location]\nremote = \"{remote}\"\ncountries = [\"US\", \"CA\"]\nregions = [\"California\"]\n{city}{pay}",
                    n % 2 == 0
                );
                let spec = parse_spec(&spec).unwrap_or_else(|e| panic!("{e}\n{spec}"));
                let jd = build(&spec).unwrap();
                let errs: Vec<_> = validate_jobposting(&jd.jsonld)
                    .into_iter()
                    .filter(|f| f.severity == Severity::Error)
                    .collect();
                assert!(errs.is_empty(), "{errs:?}");
                assert!(!jd.markdown.is_empty() && jd.html.starts_with("<h1>"));
                n += 1;
            }
        }
    }
    assert_eq!(n, 105);
}

#[test]
fn errors_name_fields() {
    assert_eq!(
        fields_of(&with("max = 100000", "max = 70000")),
        vec!["pay.max"]
    );
    assert_eq!(
        fields_of(&with("currency = \"EUR\"", "currency = \"EUX\"")),
        vec!["pay.currency"]
    );
    assert_eq!(
        fields_of(&with("period = \"year\"", "period = \"fortnight\"")),
        vec!["pay.period"]
    );
    assert_eq!(
        fields_of(&with("period = \"year\"", "period = \"hour\"")),
        vec!["pay.period"]
    );
    assert_eq!(
        fields_of(&with("remote = \"remote\"", "remote = \"sometimes\"")),
        vec!["location.remote"]
    );
    assert_eq!(
        fields_of(&with("remote = \"remote\"", "remote = \"onsite\"")),
        vec!["location.city"]
    );
    assert_eq!(
        fields_of(&with(
            "countries = [\"DE\", \"PL\"]",
            "countries = [\"Germany\"]"
        )),
        vec!["location.countries"]
    );
    assert_eq!(
        fields_of(&with("\"full-time\"", "\"gig\"")),
        vec!["employment_type"]
    );
    assert_eq!(
        fields_of(&with(
            "\"https://jobs.example.com/1\"",
            "\"jobs.example.com/1\""
        )),
        vec!["apply_url"]
    );
    assert_eq!(
        fields_of(&with(
            "\"https://acme.example.com\"",
            "\"https://acme example.com\""
        )),
        vec!["company.site"]
    );
    assert_eq!(
        fields_of(&with("\"senior\"", "\"wizard\"")),
        vec!["seniority"]
    );
    assert_eq!(
        fields_of(&with("name = \"Acme\"", "")),
        vec!["company.name"]
    );
    assert_eq!(
        fields_of(&with(
            "date_posted = \"2026-01-10\"",
            "date_posted = \"10/01/2026\""
        )),
        vec!["date_posted"]
    );
    assert_eq!(
        fields_of(&with(
            "date_posted = \"2026-01-10\"",
            "date_posted = 2026-01-10\nvalid_through = 2026-01-01"
        )),
        vec!["valid_through"]
    );
    let e = parse_spec(&with("\"backend-engineer\"", "\"backend-enginer\"")).unwrap_err();
    assert_eq!(e.fields(), vec!["role"]);
    assert!(
        e.to_string().contains("did you mean backend-engineer"),
        "{e}"
    );
    // several at once
    let f = fields_of("role = \"x\"\n[location]\nremote = \"remote\"\n");
    for want in [
        "role",
        "company.name",
        "location.countries",
        "employment_type",
        "apply_url",
    ] {
        assert!(f.iter().any(|x| x == want), "{want} in {f:?}");
    }
    // syntax and unknown fields
    let e = parse_spec(&with("[pay]", "[pya]")).unwrap_err();
    assert!(e.to_string().contains("pya"), "{e}");
    let e = parse_spec(&with("min = 80000", "min = \"lots\"")).unwrap_err();
    assert!(e.to_string().contains("min"), "{e}");
}

#[test]
fn defaults_fill_from_role() {
    let spec = parse_spec(BASE).unwrap();
    assert_eq!(spec.must_have, spec.role.hard_skills);
    assert_eq!(spec.valid_through.to_string(), "2026-03-11");
    assert!(spec.identifier.starts_with("backend-engineer-senior-"));
}

#[test]
fn validator_catches_broken_postings() {
    let jd = build(&parse_spec(BASE).unwrap()).unwrap();
    let rules = |v: &serde_json::Value| -> Vec<&'static str> {
        validate_jobposting(v)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.rule)
            .collect()
    };
    let mut v = jd.jsonld.clone();
    v.as_object_mut().unwrap().remove("title");
    assert_eq!(rules(&v), vec!["jsonld-required"]);
    let mut v = jd.jsonld.clone();
    v["baseSalary"]["value"]["minValue"] = serde_json::json!(200000);
    assert_eq!(rules(&v), vec!["jsonld-salary"]);
    let mut v = jd.jsonld.clone();
    v["baseSalary"]["value"]["unitText"] = serde_json::json!("FORTNIGHT");
    assert_eq!(rules(&v), vec!["jsonld-enum"]);
    let mut v = jd.jsonld.clone();
    v["employmentType"] = serde_json::json!("FULLTIME");
    assert_eq!(rules(&v), vec!["jsonld-enum"]);
    let mut v = jd.jsonld.clone();
    v["datePosted"] = serde_json::json!("yesterday");
    assert_eq!(rules(&v), vec!["jsonld-date"]);
    let mut v = jd.jsonld.clone();
    v["validThrough"] = serde_json::json!("2020-01-01");
    assert_eq!(rules(&v), vec!["jsonld-date"]);
    let mut v = jd.jsonld.clone();
    v.as_object_mut()
        .unwrap()
        .remove("applicantLocationRequirements");
    assert_eq!(rules(&v), vec!["jsonld-required"]);
    let mut v = jd.jsonld.clone();
    v["title"] = serde_json::json!(42);
    assert_eq!(rules(&v), vec!["jsonld-type"]);
    // recommended only → warnings
    let mut v = jd.jsonld.clone();
    let o = v.as_object_mut().unwrap();
    o.remove("baseSalary");
    o.remove("directApply");
    let f = validate_jobposting(&v);
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(f
        .iter()
        .all(|x| x.severity == Severity::Warning && x.rule == "jsonld-recommended"));
    assert!(!validate_jobposting(&serde_json::json!([])).is_empty());
}
