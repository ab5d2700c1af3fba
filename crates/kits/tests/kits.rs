//! The question banks are complete and well-formed, and kits have the promised shape for
//! every library role at every seniority.

use std::collections::{BTreeMap, HashSet};

use hirekit_kits::bank::bank;
use hirekit_kits::{build, role_ids, role_input, to_html, to_markdown, Kit, KitInput, Level};
use hirekit_model::skills::{all_skills, canonical_skill};
use hirekit_model::{RoleFamily, Seniority};
use proptest::prelude::*;

fn complete(what: &str, text: &str, strong: &str, flags: &[String]) {
    assert!(
        text.trim().len() > 15,
        "{what}: question text too short: {text:?}"
    );
    assert!(
        strong.trim().len() > 20,
        "{what}: strong answer missing or too short for {text:?}"
    );
    assert!(!flags.is_empty(), "{what}: no red flags for {text:?}");
    assert!(
        flags.iter().all(|f| f.trim().len() > 5),
        "{what}: empty red flag for {text:?}"
    );
}

#[test]
fn every_bank_entry_has_strong_answer_and_red_flags() {
    let b = bank();
    for q in &b.technical {
        complete(
            &format!("technical/{}", q.skill),
            &q.text,
            &q.strong_answer,
            &q.red_flags,
        );
    }
    for q in &b.categories {
        complete(
            &format!("category/{}", q.category),
            &q.text,
            &q.strong_answer,
            &q.red_flags,
        );
    }
    for q in &b.screening {
        complete(
            &format!("screening/{}", q.topic),
            &q.text,
            &q.strong_answer,
            &q.red_flags,
        );
    }
    for q in &b.behavioural {
        complete(
            &format!("behavioural/{}", q.competency),
            &q.text,
            &q.strong_answer,
            &q.red_flags,
        );
        assert!(
            b.competency(&q.competency).is_some(),
            "unknown competency {}",
            q.competency
        );
    }
    for p in &b.prompts {
        assert!(!p.prompt.is_empty() && !p.scale.is_empty(), "{}", p.id);
        assert!(p.cover.len() >= 3, "{}: cover too thin", p.id);
        assert!(
            !p.strong_signals.is_empty() && !p.red_flags.is_empty(),
            "{}",
            p.id
        );
        assert!(!p.families.is_empty(), "{}", p.id);
        for f in &p.families {
            assert!(
                RoleFamily::parse(f).is_some(),
                "{}: unknown family {f}",
                p.id
            );
        }
    }
}

#[test]
fn bank_sizes_and_keys() {
    let b = bank();
    // ≥ 60 skills with 2–4 questions each, every key a canonical taxonomy name.
    let mut per_skill: BTreeMap<&str, usize> = BTreeMap::new();
    for q in &b.technical {
        assert_eq!(
            canonical_skill(&q.skill),
            Some(q.skill.as_str()),
            "{:?} is not a canonical skill name",
            q.skill
        );
        *per_skill.entry(&q.skill).or_default() += 1;
    }
    let full = per_skill
        .values()
        .filter(|&&n| (2..=4).contains(&n))
        .count();
    assert!(full >= 60, "only {full} skills have 2–4 questions");
    assert!(
        per_skill.values().all(|&n| n <= 4),
        "a skill has more than 4 questions"
    );
    assert!(
        b.prompts.len() >= 15,
        "{} system-design prompts",
        b.prompts.len()
    );

    // Unique question texts and prompt ids.
    let mut texts = HashSet::new();
    for t in b
        .technical
        .iter()
        .map(|q| &q.text)
        .chain(b.behavioural.iter().map(|q| &q.text))
    {
        assert!(texts.insert(t), "duplicate question {t:?}");
    }
    let ids: HashSet<_> = b.prompts.iter().map(|p| &p.id).collect();
    assert_eq!(ids.len(), b.prompts.len(), "duplicate prompt id");

    // Every taxonomy category has fallback questions at each level band.
    let cats: HashSet<&str> = all_skills()
        .iter()
        .map(|s| s.category)
        .chain(["general"])
        .collect();
    for cat in cats {
        for want in [Level::Junior, Level::SeniorPlus] {
            let ok = b
                .categories
                .iter()
                .any(|q| q.category == cat && (q.level == want || q.level == Level::Mid));
            assert!(
                ok,
                "category {cat} has no fallback question usable at {want:?}"
            );
        }
    }
    for (fam, skills) in &b.family_skills {
        assert!(
            fam == "other" || RoleFamily::parse(fam).is_some(),
            "unknown family {fam}"
        );
        for s in skills {
            assert_eq!(
                canonical_skill(s),
                Some(s.as_str()),
                "family_skills.{fam}: {s:?} is not canonical"
            );
        }
    }
    for f in RoleFamily::ALL {
        assert!(
            b.family_skills.contains_key(f.as_str()),
            "family_skills lacks {}",
            f.as_str()
        );
    }
}

#[test]
fn rubric_has_four_distinct_levels() {
    for c in &bank().competencies {
        assert_eq!(c.rubric.len(), 4);
        let distinct: HashSet<_> = c.rubric.iter().collect();
        assert_eq!(distinct.len(), 4, "{}: repeated descriptor", c.id);
        assert!(
            c.rubric.iter().all(|r| r.len() > 30),
            "{}: descriptor too thin",
            c.id
        );
    }
}

fn check_shape(kit: &Kit, input: &KitInput) {
    let who = format!("{} @ {}", kit.role_id, kit.seniority.as_str());
    assert!(
        (5..=6).contains(&kit.screening.len()),
        "{who}: {} screening",
        kit.screening.len()
    );
    assert!(
        (8..=12).contains(&kit.technical.len()),
        "{who}: {} technical",
        kit.technical.len()
    );
    assert!(
        (5..=7).contains(&kit.behavioural.len()),
        "{who}: {} behavioural",
        kit.behavioural.len()
    );
    assert!(
        (5..=8).contains(&kit.scorecard.len()),
        "{who}: {} scorecard rows",
        kit.scorecard.len()
    );
    assert!(kit.system_design.len() <= 3, "{who}");
    for q in &kit.technical {
        assert!(q.skill.is_some(), "{who}: technical question without skill");
        // No senior+ questions for juniors, no junior questions for seniors.
        let band = Level::of(kit.seniority);
        assert!(
            !(band == Level::Junior && q.level == Level::SeniorPlus),
            "{who}: {:?}",
            q.text
        );
        assert!(
            !(band == Level::SeniorPlus && q.level == Level::Junior),
            "{who}: {:?}",
            q.text
        );
    }
    for q in &kit.behavioural {
        let c = q.competency.as_deref().expect("behavioural competency");
        assert!(
            kit.scorecard.iter().any(|k| k.id == c),
            "{who}: {c} not on the scorecard"
        );
    }
    let mut texts = HashSet::new();
    for q in kit
        .screening
        .iter()
        .chain(&kit.technical)
        .chain(&kit.behavioural)
    {
        assert!(
            texts.insert(&q.text),
            "{who}: repeated question {:?}",
            q.text
        );
        assert!(
            !q.text.contains("{skill}") && !q.strong_answer.contains("{skill}"),
            "{who}: unfilled template"
        );
    }
    // The role's top skills are each asked about.
    let skills: Vec<String> = input
        .hard_skills
        .iter()
        .map(|s| canonical_skill(s).unwrap_or(s).to_string())
        .collect();
    for s in skills.iter().take(8) {
        assert!(
            kit.technical
                .iter()
                .any(|q| q.skill.as_deref() == Some(s.as_str())),
            "{who}: no question on {s}"
        );
    }
}

/// Whether some design prompt fits the family at this level.
fn design_fits(f: RoleFamily, s: Seniority) -> bool {
    hirekit_kits::bank::bank()
        .prompts
        .iter()
        .any(|p| p.min_seniority <= s && p.families.iter().any(|x| x == f.as_str()))
}

#[test]
fn every_library_role_and_seniority_gives_a_complete_kit() {
    assert!(role_ids().len() >= 40, "kits cover the whole role library");
    for id in role_ids() {
        let input = role_input(id).expect("library role");
        for s in Seniority::ALL {
            let kit = build(&input, s);
            check_shape(&kit, &input);
            assert_eq!(kit, build(&input, s), "build is not deterministic");
            let arch = input.role_family == RoleFamily::Architecture;
            match s {
                Seniority::Intern | Seniority::Junior if !arch => {
                    assert!(
                        kit.system_design.is_empty(),
                        "{id} {s:?}: system design for a junior"
                    )
                }
                // Roles whose family no design prompt fits (design, product, executive
                // roles) get none; every other role gets at least one from mid-level up.
                _ if !design_fits(input.role_family, s) => {}
                _ => assert!(
                    !kit.system_design.is_empty(),
                    "{id} {s:?}: no system design"
                ),
            }
            if arch {
                assert!(
                    kit.system_design.len() >= 2,
                    "{id} {s:?}: architects get at least two prompts"
                );
            }
            for p in &kit.system_design {
                assert!(
                    p.families.iter().any(|f| f == input.role_family.as_str()),
                    "{id}: prompt {} does not fit",
                    p.id
                );
                assert!(
                    arch || p.min_seniority <= s,
                    "{id} {s:?}: prompt {} above level",
                    p.id
                );
            }
        }
    }
}

fn input(family: RoleFamily, skills: &[&str], soft: &[&str]) -> KitInput {
    KitInput {
        role_id: "test-role".into(),
        role_title: "Test Role".into(),
        role_family: family,
        hard_skills: skills.iter().map(|s| s.to_string()).collect(),
        soft_skills: soft.iter().map(|s| s.to_string()).collect(),
        focus: vec![],
    }
}

#[test]
fn every_family_and_seniority_gets_technical_questions() {
    for f in RoleFamily::ALL {
        for s in Seniority::ALL {
            let i = input(f, &[], &[]);
            let kit = build(&i, s);
            check_shape(&kit, &i);
        }
    }
}

#[test]
fn any_taxonomy_skill_gets_a_question_about_it() {
    for skill in all_skills() {
        for s in [Seniority::Junior, Seniority::Mid, Seniority::Principal] {
            let kit = build(&input(RoleFamily::Software, &[skill.name], &[]), s);
            assert_eq!(
                kit.technical[0].skill.as_deref(),
                Some(skill.name),
                "{} at {s:?}",
                skill.name
            );
        }
    }
    // A skill the taxonomy does not know still gets a (general) question about it.
    let kit = build(
        &input(RoleFamily::Other, &["Widget Wrangling"], &[]),
        Seniority::Mid,
    );
    assert_eq!(kit.technical[0].skill.as_deref(), Some("Widget Wrangling"));
    assert!(kit.technical[0].text.contains("Widget Wrangling"));
}

#[test]
fn behavioural_follows_seniority_and_track() {
    let ids = |k: &Kit| {
        k.behavioural
            .iter()
            .filter_map(|q| q.competency.clone())
            .collect::<Vec<_>>()
    };
    let junior = build(&input(RoleFamily::Backend, &["Go"], &[]), Seniority::Junior);
    assert!(!ids(&junior)
        .iter()
        .any(|c| c == "people-management" || c == "technical-strategy" || c == "mentoring"));
    let senior = build(&input(RoleFamily::Backend, &["Go"], &[]), Seniority::Senior);
    assert!(ids(&senior).iter().any(|c| c == "mentoring"));
    let staff = build(&input(RoleFamily::Backend, &["Go"], &[]), Seniority::Staff);
    assert!(ids(&staff).iter().any(|c| c == "technical-strategy"));
    assert!(ids(&staff).iter().any(|c| c == "leading-without-authority"));
    let manager = build(
        &input(RoleFamily::EngineeringManagement, &["Go"], &[]),
        Seniority::Senior,
    );
    assert!(ids(&manager).iter().any(|c| c == "people-management"));
    assert!(ids(&manager).iter().any(|c| c == "stakeholder-management"));
    // A soft skill the role names pulls its competency in.
    let plain = build(&input(RoleFamily::Backend, &["Go"], &[]), Seniority::Mid);
    let mentoring = build(
        &input(RoleFamily::Backend, &["Go"], &["Mentoring juniors"]),
        Seniority::Mid,
    );
    assert!(!ids(&plain).iter().any(|c| c == "mentoring"));
    assert!(ids(&mentoring).iter().any(|c| c == "mentoring"));
}

#[test]
fn screening_is_family_aware_and_legal() {
    let data = build(&role_input("data-engineer").expect("role"), Seniority::Mid);
    let fit = data
        .screening
        .iter()
        .find(|q| q.topic.as_deref() == Some("role-fit"))
        .expect("role-fit");
    assert!(fit.text.contains("pipeline"), "{}", fit.text);
    let auth = data
        .screening
        .iter()
        .find(|q| q.topic.as_deref() == Some("work-authorization"))
        .expect("auth");
    assert!(auth.text.contains("authorized to work") && auth.text.contains("sponsorship"));
    let pay = data
        .screening
        .iter()
        .find(|q| q.topic.as_deref() == Some("compensation"))
        .expect("pay");
    assert!(pay.text.contains("never for current or past pay"));
}

#[test]
fn unknown_role_suggests_close_matches() {
    let e = role_input("backend-enginer").expect_err("unknown");
    assert_eq!(
        e.suggestions.first().map(String::as_str),
        Some("backend-engineer")
    );
    assert!(
        e.to_string().contains("did you mean backend-engineer"),
        "{e}"
    );
    let e = role_input("architect").expect_err("unknown");
    assert!(
        e.suggestions.iter().any(|s| s == "backend-architect"),
        "{:?}",
        e.suggestions
    );
    assert!(
        role_input("Backend-Engineer").is_ok(),
        "ids are case-insensitive"
    );
}

/// Every `<` in the Markdown is backslash-escaped, so no raw HTML can reach a renderer.
fn all_lt_escaped(md: &str) -> bool {
    md.match_indices('<').all(|(i, _)| md[..i].ends_with('\\'))
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn hostile() -> KitInput {
    KitInput {
        role_id: "x`<b>".into(),
        role_title: "<script>alert(1)</script> *Lead* | [x](javascript:alert(1))".into(),
        role_family: RoleFamily::Backend,
        hard_skills: vec![
            "<img src=x onerror=alert(1)>".into(),
            "Python".into(),
            "a|b".into(),
        ],
        soft_skills: vec![],
        focus: vec![],
    }
}

#[test]
fn markdown_escapes_user_text() {
    let md = to_markdown(&build(&hostile(), Seniority::Senior));
    assert!(all_lt_escaped(&md), "raw HTML in Markdown");
    assert!(
        md.contains(
            "\\<script\\>alert(1)\\</script\\> \\*Lead\\* \\| \\[x\\](javascript:alert(1))"
        ),
        "{}",
        &md[..300]
    );
    assert!(
        md.contains("a\\|b"),
        "pipe in a skill name must not split a table or label"
    );
    for section in [
        "## Screening",
        "## Technical",
        "## System design",
        "## Behavioural",
        "## Scorecard",
        "| Competency |",
    ] {
        assert!(md.contains(section), "missing {section}");
    }
}

#[test]
fn html_escapes_user_text() {
    let html = to_html(&build(&hostile(), Seniority::Senior));
    assert!(
        !html.contains("<script") && !html.contains("<img") && !html.contains("<b>"),
        "unescaped user text"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    for id in [
        "id=\"screening\"",
        "id=\"technical\"",
        "id=\"system-design\"",
        "id=\"behavioural\"",
        "id=\"scorecard\"",
        "@media print",
    ] {
        assert!(html.contains(id), "missing {id}");
    }
}

#[test]
fn kit_serializes_with_documented_fields() {
    let kit = build(
        &role_input("backend-engineer").expect("role"),
        Seniority::Senior,
    );
    let v = serde_json::to_value(&kit).expect("json");
    for k in [
        "role_id",
        "role_title",
        "role_family",
        "seniority",
        "screening",
        "technical",
        "system_design",
        "behavioural",
        "scorecard",
    ] {
        assert!(v.get(k).is_some(), "missing {k}");
    }
    assert_eq!(v["seniority"], "senior");
    assert_eq!(v["role_family"], "backend");
    assert_eq!(
        v["technical"][0]["level"]
            .as_str()
            .map(|l| ["mid", "senior+"].contains(&l)),
        Some(true)
    );
    assert_eq!(
        v["scorecard"][0]["rubric"].as_array().map(Vec::len),
        Some(4)
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn build_and_render_never_panic(
        title in ".{0,60}",
        skills in proptest::collection::vec(".{0,40}", 0..15),
        soft in proptest::collection::vec(".{0,20}", 0..4),
        fam in 0usize..17,
        sen in 0usize..7,
    ) {
        let i = KitInput {
            role_id: "p".into(),
            role_title: title.clone(),
            role_family: RoleFamily::ALL[fam],
            hard_skills: skills,
            soft_skills: soft,
            focus: vec![],
        };
        let kit = build(&i, Seniority::ALL[sen]);
        prop_assert!((8..=12).contains(&kit.technical.len()));
        let html = to_html(&kit);
        let md = to_markdown(&kit);
        let heading = format!("Interview kit: {} <small>", esc(&title));
        prop_assert!(html.contains(&heading));
        prop_assert!(all_lt_escaped(&md));
    }
}
