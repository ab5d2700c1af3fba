//! Criteria derived from a job ad whose requirements are bullet items, one skill per line:
//! ambiguous names ("Go", "R") count when their neighbouring items hold skills.
use hirekit_screen::Criteria;

fn named(c: &Criteria, skill: &str) -> bool {
    c.must_have
        .iter()
        .any(|r| r.alternatives.iter().any(|a| a == skill))
        || c.nice_to_have.iter().any(|w| w.skill == skill)
}

fn must(c: &Criteria, skill: &str) -> bool {
    c.must_have
        .iter()
        .any(|r| r.alternatives.iter().any(|a| a == skill))
}

#[test]
fn bullet_list_requirements_keep_ambiguous_names() {
    let jd = "Backend Engineer\n\nRequirements:\n- Go\n- PostgreSQL\n- Kubernetes\n\nNice to have:\n* R\n* Tableau\n\nBenefits:\n- Go to market bonus\n";
    let c = Criteria::derive_from_text(jd);
    assert!(named(&c, "Go"), "{c:?}");
    assert!(named(&c, "PostgreSQL"), "{c:?}");
    assert!(named(&c, "R"), "{c:?}");
    let nice_r = c.nice_to_have.iter().any(|w| w.skill == "R");
    assert!(nice_r && !must(&c, "R"), "R is a nice-to-have: {c:?}");
}

#[test]
fn numbered_and_annotated_items() {
    let jd = "Qualifications\n1. Go (3+ years)\n2. gRPC\n3. Redis\n";
    let c = Criteria::derive_from_text(jd);
    assert!(named(&c, "Go"), "{c:?}");
}

#[test]
fn sentence_bullets_stay_out() {
    let jd = "Requirements:\n- Kubernetes\n- Go above and beyond for our customers\n- Spring cleaning of the backlog every quarter\n";
    let c = Criteria::derive_from_text(jd);
    assert!(!named(&c, "Go"), "{c:?}");
    assert!(!named(&c, "Spring"), "{c:?}");
}
