//! Ambiguous skill names ("Go", "R", "Chef", "Spring") as items of a line list: bullets,
//! numbered items, short lines. Each is one list item; an adjacent item holding an accepted
//! skill is its list neighbour. Sentence bullets ("- Go above and beyond") are not items.
use hirekit_model::skills::extract_skills;
use proptest::prelude::*;

fn skills(text: &str) -> Vec<&'static str> {
    extract_skills(text).iter().map(|m| m.skill).collect()
}

fn has(text: &str, skill: &str) -> bool {
    skills(text).contains(&skill)
}

#[test]
fn bullet_items_are_list_neighbours() {
    assert_eq!(
        skills("Requirements:\n- Go\n- PostgreSQL\n- Kubernetes"),
        ["Go", "PostgreSQL", "Kubernetes"]
    );
    for marker in ["-", "*", "•", "·", "–", "1.", "2)", "a)", "o", "▪", "●"] {
        let t = format!("Requirements\n{marker} Go\n{marker} PostgreSQL\n");
        assert!(has(&t, "Go"), "{t:?}");
    }
    // Numbered items and CRLF line ends.
    assert!(has("1. Go\n2. PostgreSQL\n3. Redis", "Go"));
    assert!(has("- Rust\r\n- gRPC\r\n", "Rust"));
    // Blank lines between items.
    assert!(has("• Spring\n\n• Hibernate\n\n• Maven", "Spring"));
    // The neighbour item may be a longer requirement.
    assert!(has("- Go\n- Experience with Kubernetes and Docker", "Go"));
    assert!(has("- Strong SQL skills\n- R\n", "R"));
}

#[test]
fn item_head_with_a_note() {
    assert!(has("- Go (2+ years)\n- PostgreSQL", "Go"));
    assert!(has("- PostgreSQL\n- Go (Golang), 3 years\n", "Go"));
    assert!(has("- Chef;\n- Terraform;\n", "Chef"));
    assert!(has("* Rails 4\n* PostgreSQL 9.6\n", "Ruby on Rails"));
    assert!(!has("- Spring 2025\n- PostgreSQL\n", "Spring"));
    // Chains of ambiguous items reach an accepted one.
    assert!(has("- Rust\n- Go\n- C\n- Python", "Rust"));
}

#[test]
fn short_lines_and_cells() {
    // Resume skill blocks without bullet characters (HTML <li> text, pdftotext).
    assert!(has("Skills\nPython\nR\nTableau\n", "R"));
    assert!(has("| Go | PostgreSQL |", "Go"));
    assert!(has("Backend:\tGo\nDatabase:\tPostgreSQL", "Go") || has("Go\tPostgreSQL", "Go"));
}

#[test]
fn sentence_bullets_are_not_items() {
    for t in [
        "- Kubernetes\n- Go above and beyond for customers",
        "- Docker\n- Go to market with the sales team",
        "- Python\n- Go where the data leads you",
        "- AWS\n- Ruby red lipstick and a smile",
        "- Jira\n- Spring cleaning of the backlog every quarter",
        "* Chef de partie wanted\n* Python",
        "- We raised our Series C\n- Kubernetes",
        "1. Ruby Tuesday host\n2. Excel",
        "- Kubernetes\n- Go-getter attitude",
    ] {
        for bad in ["Go", "Spring", "Chef", "C", "Ruby"] {
            assert!(!has(t, bad), "{bad} in {t:?}");
        }
    }
    // A lone word with no skill in the neighbouring items is not enough.
    assert!(!has("Seasons:\n- Spring\n- Summer\n- Autumn", "Spring"));
    assert!(!has("Grades\n- A\n- B\n- C\n", "C"));
    // A paragraph after a lone line is not a list.
    assert!(!has(
        "Go\nWe run everything on Kubernetes and want you to own it.",
        "Go"
    ));
}

proptest! {
    #[test]
    fn bullets_never_panic(parts in proptest::collection::vec(prop_oneof![
        Just("Go"), Just("\n"), Just("\r\n"), Just("- "), Just("* "), Just("• "), Just("· "),
        Just("– "), Just("1. "), Just("2) "), Just("a) "), Just(" "), Just("PostgreSQL"),
        Just("R"), Just("C"), Just("Swift"), Just("("), Just(")"), Just("2+ years"), Just(","),
        Just("|"), Just("\t"), Just("é"), Just("Skills:"), Just("above and beyond"), Just(";"),
        Just("Spring"), Just("k8s"), Just("."), Just("\u{a0}"), Just("▪"),
    ], 0..60), tail in "\\PC{0,40}") {
        let s: String = parts.concat() + &tail;
        let m = extract_skills(&s);
        for x in &m {
            prop_assert!(x.start < x.end && x.end <= s.len());
            prop_assert!(s.is_char_boundary(x.start) && s.is_char_boundary(x.end));
        }
        for w in m.windows(2) {
            prop_assert!(w[0].start < w[1].start);
        }
    }
}

#[test]
fn long_line_lists_stay_fast() {
    // A chain of ambiguous items whose only accepted neighbour is at one end.
    let items = "- Go\n".repeat(20_000);
    let t = std::time::Instant::now();
    assert_eq!(skills(&format!("{items}- PostgreSQL\n")), ["Go", "PostgreSQL"]);
    assert_eq!(skills(&format!("- PostgreSQL\n{items}")), ["PostgreSQL", "Go"]);
    assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
}
