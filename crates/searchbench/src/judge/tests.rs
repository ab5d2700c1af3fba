use super::*;
use crate::engine::{EngineResult, Facets};

fn doc(id: i64, title: &str, description: &str, remote: bool) -> CorpusDoc {
    CorpusDoc {
        id,
        title: title.into(),
        company: Some("Acme".into()),
        description: description.into(),
        skills: vec![],
        country: Some("US".into()),
        remote,
        salary_min_usd: Some(90_000.0),
        salary_max_usd: Some(130_000.0),
        posted: None,
    }
}

const RULES: &str = r#"
[[query]]
q = "rust developer"
title = [["rust"]]
text = [["rust"], ["develop*", "engineer*"]]
not_title = ["recruit*"]

[[query]]
q = "intern"
filters = { remote = true }
title = [["intern", "internship"]]
text = [["intern", "internship"]]
"#;

#[test]
fn grades_follow_the_rules() {
    let set = JudgedSet::parse(RULES).expect("rules");
    let rust = &set.queries[0];
    let r = SalaryRule::MinGte;
    assert_eq!(
        rust.grade(
            &doc(1, "Senior Rust Engineer", "Engineering with Rust.", false),
            r
        ),
        2
    );
    assert_eq!(
        rust.grade(
            &doc(2, "Backend Engineer", "We write Rust and Go.", false),
            r
        ),
        1
    );
    assert_eq!(
        rust.grade(
            &doc(
                3,
                "Technical Recruiter (Rust)",
                "Recruit Rust engineers.",
                false
            ),
            r
        ),
        0
    );
    // Word boundaries: "trust" is not "rust".
    assert_eq!(
        rust.grade(
            &doc(4, "Backend Engineer", "A trusted developer.", false),
            r
        ),
        0
    );
    let intern = &set.queries[1];
    // "internal" is not "intern"; the remote filter must hold.
    assert_eq!(
        intern.grade(&doc(5, "Internal Auditor", "internal", true), r),
        0
    );
    assert_eq!(intern.grade(&doc(6, "Summer Intern", "", false), r), 0);
    assert_eq!(intern.grade(&doc(7, "Summer Intern", "", true), r), 2);
}

#[test]
fn terms_handle_prefixes_phrases_and_symbols() {
    let re = terms_regex(&["front end".into(), "c++".into(), "engineer*".into()]).expect("re");
    assert!(re.is_match("Front-End Developer"));
    assert!(re.is_match("C++ dev"));
    assert!(re.is_match("Software Engineering"));
    assert!(!re.is_match("frontend"));
    assert!(!re.is_match("reengineer"));
    assert!(terms_regex(&[]).is_err());
}

#[test]
fn filters_follow_the_salary_rule() {
    let d = doc(1, "x", "", false);
    let f = Filters {
        salary_min_gte: Some(100_000.0),
        ..Filters::default()
    };
    assert!(!filters_hold(&f, &d, SalaryRule::MinGte));
    assert!(filters_hold(&f, &d, SalaryRule::Overlap));
    let f = Filters {
        company_prefix: Some("ac".into()),
        country: Some("us".into()),
        ..Filters::default()
    };
    assert!(filters_hold(&f, &d, SalaryRule::MinGte));
}

#[test]
fn metrics_on_toy_grades() {
    // Ideal: 10 twos available. Perfect ranking → 1.
    let all2 = IdealCount { twos: 10, ones: 0 };
    assert!((ndcg(&[2; 10], all2).expect("judgeable") - 1.0).abs() < 1e-12);
    assert_eq!(precision(&[2, 0, 1, 0, 0, 0, 0, 0, 0, 0], all2), Some(0.2));
    // Hand-computed: grades [1, 2] against an ideal of one 2 and one 1:
    // DCG = 1/log2(2) + 3/log2(3) = 1 + 1.8928; IDCG = 3 + 1/log2(3) = 3.6309.
    let id = IdealCount { twos: 1, ones: 1 };
    let v = ndcg(&[1, 2], id).expect("judgeable");
    assert!(
        (v - (1.0 + 3.0 / 3f64.log2()) / (3.0 + 1.0 / 3f64.log2())).abs() < 1e-12,
        "{v}"
    );
    // Only two relevant postings exist: finding both is precision 1.
    assert_eq!(precision(&[1, 2, 0], id), Some(1.0));
    // Nothing relevant in the corpus: not judgeable.
    assert_eq!(ndcg(&[0, 0], IdealCount::default()), None);
    assert_eq!(precision(&[], IdealCount::default()), None);
    // Only the top K count.
    let mut long = vec![0u8; 10];
    long.push(2);
    assert_eq!(ndcg(&long, all2), Some(0.0));
}

struct Fixed(Vec<i64>);
impl Engine for Fixed {
    fn name(&self) -> String {
        "fixed".into()
    }
    fn search(&mut self, _q: &Query) -> anyhow::Result<EngineResult> {
        Ok(EngineResult {
            ids: self.0.clone(),
            total: self.0.len() as u64,
            facets: Facets::default(),
        })
    }
}

#[test]
fn judges_an_engine_against_the_corpus() {
    use std::io::Write;
    let line = |t: &str, d: &str| {
        format!("{{\"@type\":\"JobPosting\",\"title\":\"{t}\",\"description\":\"{d}\",\"hiringOrganization\":{{\"name\":\"Acme\"}}}}\n")
    };
    let mut f = tempfile::NamedTempFile::new().expect("tmp");
    for (t, d) in [
        ("Rust Developer", "Rust all day."),
        ("Backend Engineer", "Rust and Go services."),
        ("Nurse", "Patients."),
        ("Rust Recruiter", "Hiring Rust developers."),
    ] {
        f.write_all(line(t, d).as_bytes()).expect("write");
    }
    let set = JudgedSet::parse(&RULES.replace("filters = { remote = true }", "")).expect("rules");
    let ideal = IdealCounter::from_corpus(&set, f.path(), SalaryRule::MinGte).expect("ideal");
    assert_eq!(ideal[0], IdealCount { twos: 1, ones: 1 });
    assert_eq!(ideal[1], IdealCount::default());
    let corpus = Corpus::open(f.path()).expect("corpus");
    // Ranking the 1 above the 2, plus a non-relevant posting and an unknown id.
    let rep = judge(
        &set,
        &ideal,
        &corpus,
        &mut Fixed(vec![2, 1, 4, 99]),
        SalaryRule::MinGte,
    )
    .expect("judge");
    assert_eq!(rep.per_query[0].grades, vec![1, 2, 0, 0]);
    assert_eq!(rep.per_query[0].precision, Some(1.0));
    assert!(rep.per_query[0].ndcg.expect("judged") < 1.0);
    assert_eq!(rep.per_query[1].ndcg, None, "nothing relevant: not judged");
    assert!((rep.mean_ndcg - rep.per_query[0].ndcg.expect("judged")).abs() < 1e-12);
    let table = side_by_side(&[rep.clone(), rep], &ideal);
    assert!(
        table.contains("| rust developer |  | 1/1 | 1.00 |"),
        "{table}"
    );
}

#[test]
fn the_shipped_set_parses() {
    let set = JudgedSet::builtin();
    assert!(set.queries.len() >= 25);
}
