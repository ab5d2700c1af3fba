use hirekit_model::skills::{all_skills, canonical_skill, extract_skills, skill_category};
use proptest::prelude::*;

fn skills(text: &str) -> Vec<&'static str> {
    extract_skills(text).iter().map(|m| m.skill).collect()
}

#[test]
fn aliases_to_canonical() {
    let cases = [
        ("k8s", "Kubernetes"),
        ("Postgres", "PostgreSQL"),
        ("psql", "PostgreSQL"),
        ("golang", "Go"),
        ("JS", "JavaScript"),
        ("TS", "TypeScript"),
        ("ReactJS", "React"),
        ("React.js", "React"),
        ("node", "Node.js"),
        ("nodejs", "Node.js"),
        ("Node JS", "Node.js"),
        (".NET", ".NET"),
        ("dotnet", ".NET"),
        ("c#", "C#"),
        ("C++", "C++"),
        ("gcp", "Google Cloud"),
        ("AWS", "AWS"),
        ("sklearn", "scikit-learn"),
        ("scikit-learn", "scikit-learn"),
        ("go", "Go"),
        ("r", "R"),
        ("Spring Boot", "Spring Boot"),
        ("  mongo  ", "MongoDB"),
        ("Amazon Web Services", "AWS"),
    ];
    for (alias, want) in cases {
        assert_eq!(canonical_skill(alias), Some(want), "{alias}");
    }
    assert_eq!(canonical_skill("underwater basket weaving"), None);
    assert_eq!(canonical_skill(""), None);
}

#[test]
fn taxonomy_shape() {
    let all = all_skills();
    assert!(all.len() >= 400, "{} skills", all.len());
    for s in all {
        assert_eq!(skill_category(s.name), Some(s.category));
        assert_eq!(
            canonical_skill(s.name),
            Some(s.name),
            "canonical {} must map to itself",
            s.name
        );
    }
    assert_eq!(skill_category("Kubernetes"), Some("devops"));
    assert_eq!(skill_category("Python"), Some("language"));
    assert_eq!(skill_category("nope"), None);
}

#[test]
fn offsets_order_and_dedupe() {
    let text = "Ünïcode ok: k8s, Python, then python again and Kubernetes.";
    let m = extract_skills(text);
    let names: Vec<_> = m.iter().map(|m| m.skill).collect();
    assert_eq!(names, ["Kubernetes", "Python"]);
    assert_eq!(&text[m[0].start..m[0].end], "k8s");
    assert_eq!(&text[m[1].start..m[1].end], "Python");
}

#[test]
fn go_language_only_in_tech_context() {
    assert_eq!(skills("Go developer wanted"), ["Go"]);
    assert_eq!(
        skills("We use Go, Python and Postgres"),
        ["Go", "Python", "PostgreSQL"]
    );
    assert_eq!(skills("Services written in Go."), ["Go"]);
    assert_eq!(skills("Golang microservices"), ["Go", "Microservices"]);
    assert!(skills("Own our go to market plan").is_empty());
    assert!(skills("Lead the Go-To-Market launch").is_empty());
    assert!(skills("You are ready to go and good to go").is_empty());
    assert!(skills("Go ahead and apply!").is_empty());
}

#[test]
fn r_and_c_only_as_languages() {
    assert_eq!(skills("Python, R, SQL"), ["Python", "R", "SQL"]);
    assert_eq!(skills("Strong R programming skills"), ["R"]);
    assert_eq!(
        skills("Statistical analysis in R."),
        ["Statistical modeling", "R"]
    );
    assert!(skills("Our R&D team and the R.C. car club").is_empty());
    assert_eq!(
        skills("Firmware in C, C++ and Rust"),
        ["Embedded systems", "C", "C++", "Rust"]
    );
    assert_eq!(skills("C programming on Linux"), ["C", "Linux"]);
    assert_eq!(skills("Experience in C."), ["C"]);
    assert!(skills("We raised a Series C and report to C-level and C-suite leaders").is_empty());
    assert!(skills("Patients with Hepatitis C or Vitamin C deficiency").is_empty());
}

#[test]
fn word_like_names() {
    assert!(skills("rust removal and surface treatment").is_empty());
    assert_eq!(skills("Rust developer"), ["Rust"]);
    assert!(skills("SWIFT payments and wire transfers").is_empty());
    assert_eq!(
        skills("iOS apps in Swift and SwiftUI"),
        ["iOS", "Swift", "SwiftUI"]
    );
    assert_eq!(skills("Java and JavaScript"), ["Java", "JavaScript"]);
    assert!(skills("Spring 2025 internship starting this Spring").is_empty());
    assert_eq!(
        skills("Java, Spring, Hibernate"),
        ["Java", "Spring", "Hibernate"]
    );
    assert_eq!(skills("Spring Boot services"), ["Spring Boot"]);
    assert!(skills("Express delivery and American Express cards").is_empty());
    assert_eq!(
        skills("Node.js with Express and MongoDB"),
        ["Node.js", "Express", "MongoDB"]
    );
    assert!(skills("Sous Chef needed; Head Chef experience; puppet show").is_empty());
    assert_eq!(
        skills("Config management with Ansible, Chef or Puppet"),
        ["Ansible", "Chef", "Puppet"]
    );
    assert!(skills("Ruby Tuesday restaurant host").is_empty());
    assert_eq!(
        skills("Ruby on Rails and Ruby developers"),
        ["Ruby on Rails", "Ruby"]
    );
    assert!(skills("If you excel at sales and react quickly").is_empty());
    assert_eq!(skills("Advanced Excel and React"), ["Excel", "React"]);
}

#[test]
fn no_matches_inside_words_or_urls() {
    assert!(skills("javascripts goers scalar perlite").is_empty());
    assert!(skills("see https://example.com/devops-engineer/python for details").is_empty());
    assert_eq!(skills("Speedtest.net uses Node.js"), ["Node.js"]);
    assert!(skills("Special Access Programs (SAP) clearance").is_empty());
}

proptest! {
    #[test]
    fn never_panics_and_offsets_valid(s in "\\PC{0,300}") {
        for m in extract_skills(&s) {
            prop_assert!(m.start < m.end && m.end <= s.len());
            prop_assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
        }
        let _ = canonical_skill(&s);
    }

    #[test]
    fn tech_soup(parts in proptest::collection::vec(prop_oneof![
        Just("Go"), Just(" "), Just(", "), Just("C"), Just("C++"), Just("R"), Just("&"), Just("-"),
        Just(".js"), Just("node"), Just("Java"), Just("Script"), Just("é"), Just("("), Just(")"),
        Just("in"), Just("developer"), Just("https://"), Just("."), Just("Spring"), Just("k8s"),
    ], 0..40)) {
        let s: String = parts.concat();
        let m = extract_skills(&s);
        let mut names: Vec<_> = m.iter().map(|m| m.skill).collect();
        let n = names.len();
        names.dedup();
        prop_assert_eq!(n, names.len());
        for w in m.windows(2) {
            prop_assert!(w[0].start < w[1].start);
        }
    }
}
