//! Property tests: `normalize_title` never panics and is deterministic.

use hirekit_model::title::normalize_title;
use proptest::prelude::*;

/// Words the rules react to, so generated titles reach the interesting paths.
const WORDS: &[&str] = &[
    "Senior",
    "Sr.",
    "Jr",
    "II",
    "I",
    "IV",
    "L5",
    "Lead",
    "Staff",
    "Principal",
    "Head",
    "of",
    "Director",
    "Chief",
    "Officer",
    "Manager",
    "Engineer",
    "Engineering",
    "Developer",
    "Data",
    "Scientist",
    "Analyst",
    "Associate",
    "Intern",
    "Co-op",
    "Level",
    "2",
    "/",
    "-",
    " - ",
    ",",
    "(m/w/d)",
    "(H/F)",
    "#LI-Remote",
    ".NET",
    "C++",
    "Softwareentwickler",
    "Ingénieur",
    "Pleno",
    "Sênior",
    "Member",
    "Technical",
    "for",
    "Product",
    "Platform",
    "Security",
    "QA",
    "Architect",
    "R12345",
    "Teamleiter",
    "|",
    "(",
    ")",
    "Mid-Senior",
    "Ａ",
    "ß",
    "é",
    "🚀",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_any_string(s in any::<String>()) {
        let _ = normalize_title(&s);
    }

    #[test]
    fn deterministic(s in any::<String>()) {
        prop_assert_eq!(normalize_title(&s), normalize_title(&s));
    }

    #[test]
    fn never_panics_on_keyword_soup(parts in prop::collection::vec(prop::sample::select(WORDS), 0..14), seps in prop::collection::vec(prop::sample::select(&[" ", "", "/", "-", " - ", ", "][..]), 14)) {
        let mut s = String::new();
        for (i, p) in parts.iter().enumerate() {
            s.push_str(p);
            s.push_str(seps[i]);
        }
        let a = normalize_title(&s);
        prop_assert_eq!(a, normalize_title(&s));
    }
}

#[test]
fn long_and_odd_inputs() {
    let long = "Senior Software Engineer ".repeat(2000);
    assert_eq!(
        normalize_title(&long).role_family,
        hirekit_model::RoleFamily::Software
    );
    for s in [
        "",
        " ",
        "-",
        "/",
        "(((",
        "I",
        "II",
        "#",
        "é".repeat(600).as_str(),
        "\u{0}\u{feff}",
        "ＳＥＮＩＯＲ",
    ] {
        let _ = normalize_title(s);
    }
    // Cut inside a multi-byte character at the length limit.
    let s = format!("{}é", "a".repeat(511));
    let _ = normalize_title(&s);
}
