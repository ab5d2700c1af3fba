//! Choosing and ordering a kit's questions for one role and seniority.
//!
//! Everything here is deterministic: ties are broken by the order of the data files, so the
//! same input always gives the same kit (hiring teams compare candidates on the same kit).

use std::collections::HashSet;

use hirekit_model::skills::{canonical_skill, skill_category};
use hirekit_model::{RoleFamily, Seniority};

use crate::bank::{bank, Bank, CompetencyDef};
use crate::{Competency, DesignPrompt, Kit, KitInput, Level, Question};

/// Screening topics, in interview order; one question each.
const SCREENING_TOPICS: [&str; 6] = [
    "motivation",
    "role-fit",
    "compensation",
    "work-authorization",
    "notice-period",
    "working-setup",
];

/// Compose the kit for `input` at `seniority`.
pub fn build(input: &KitInput, seniority: Seniority) -> Kit {
    let b = bank();
    let level = Level::of(seniority);
    let system_design = system_design(b, input, seniority);
    let behaviour_ids = behavioural_competencies(b, input, seniority);
    let behavioural = behaviour_ids
        .iter()
        .filter_map(|id| behavioural_question(b, id, level))
        .collect::<Vec<_>>();
    let skills = role_skills(input);
    let technical = technical(b, &skills, input.role_family, level);

    let mut scorecard = Vec::new();
    if let Some(def) = b.competency("technical-depth") {
        let top: Vec<&str> = skills.iter().take(5).map(String::as_str).collect();
        let mut c = competency(def);
        if !top.is_empty() {
            c.description = format!(
                "{} Core skills for this role: {}.",
                c.description,
                top.join(", ")
            );
        }
        scorecard.push(c);
    }
    if !system_design.is_empty() {
        scorecard.extend(b.competency("system-design").map(competency));
    }
    scorecard.extend(
        behaviour_ids
            .iter()
            .filter_map(|id| b.competency(id))
            .map(competency),
    );

    Kit {
        role_id: input.role_id.clone(),
        role_title: input.role_title.clone(),
        role_family: input.role_family,
        seniority,
        screening: screening(b, input.role_family, level),
        technical,
        system_design,
        behavioural,
        scorecard,
    }
}

fn competency(d: &CompetencyDef) -> Competency {
    Competency {
        id: d.id.clone(),
        name: d.name.clone(),
        description: d.description.clone(),
        rubric: d.rubric.clone(),
    }
}

/// How well a question written for `q` suits a candidate interviewed at `want`
/// (0 = exact; None = not asked: no senior+ questions for juniors and no junior trivia for seniors).
fn level_rank(q: Level, want: Level) -> Option<usize> {
    use Level::*;
    match (want, q) {
        (Junior, Junior) | (Mid, Mid) | (SeniorPlus, SeniorPlus) => Some(0),
        (Junior, Mid) | (Mid, Junior) | (SeniorPlus, Mid) => Some(1),
        (Mid, SeniorPlus) => Some(2),
        (Junior, SeniorPlus) | (SeniorPlus, Junior) => None,
    }
}

/// The role's skills in priority order: hard skills, then focus items that name a skill;
/// canonical names where the taxonomy knows them, duplicates removed.
pub(crate) fn role_skills(input: &KitInput) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let hard = input.hard_skills.iter().map(|s| (s, true));
    let focus = input.focus.iter().map(|s| (s, false));
    for (raw, is_hard) in hard.chain(focus) {
        let name = match canonical_skill(raw) {
            Some(c) => c.to_string(),
            // Focus items that are not skills ("scalability") are themes, not question topics.
            None if is_hard => raw.split_whitespace().collect::<Vec<_>>().join(" "),
            None => continue,
        };
        if !name.is_empty() && name.chars().count() <= 80 && seen.insert(name.to_lowercase()) {
            out.push(name);
        }
    }
    out
}

/// Candidate questions for one skill, best first: the skill's own questions, else its
/// category's (with `{skill}` filled in), else the general ones.
fn skill_candidates(b: &Bank, skill: &str, level: Level) -> Vec<Question> {
    let mut own: Vec<(usize, Question)> = b
        .technical
        .iter()
        .filter(|q| q.skill == skill)
        .filter_map(|q| {
            let r = level_rank(q.level, level)?;
            Some((
                r,
                tech_q(
                    skill,
                    q.level,
                    q.text.clone(),
                    &q.strong_answer,
                    &q.red_flags,
                ),
            ))
        })
        .collect();
    if own.is_empty() {
        let cat = skill_category(skill).unwrap_or("general");
        for cat in [cat, "general"] {
            own = b
                .categories
                .iter()
                .filter(|q| q.category == cat)
                .filter_map(|q| {
                    let r = level_rank(q.level, level)?;
                    let fill = |s: &str| s.replace("{skill}", skill);
                    let flags: Vec<String> = q.red_flags.iter().map(|f| fill(f)).collect();
                    Some((
                        r,
                        tech_q(
                            skill,
                            q.level,
                            fill(&q.text),
                            &fill(&q.strong_answer),
                            &flags,
                        ),
                    ))
                })
                .collect();
            if !own.is_empty() {
                break;
            }
        }
    }
    own.sort_by_key(|(r, _)| *r); // stable: file order within a level
    own.into_iter().map(|(_, q)| q).collect()
}

fn tech_q(skill: &str, level: Level, text: String, strong: &str, flags: &[String]) -> Question {
    Question {
        text,
        skill: Some(skill.to_string()),
        competency: Some("technical-depth".into()),
        topic: None,
        level,
        strong_answer: strong.to_string(),
        red_flags: flags.to_vec(),
    }
}

/// 8–12 technical questions: round-robin over the role's skills in priority order (each
/// skill's best question first), then over the family's baseline skills if still short.
fn technical(b: &Bank, skills: &[String], family: RoleFamily, level: Level) -> Vec<Question> {
    let target = skills.len().clamp(8, 12);
    let mut out: Vec<Question> = Vec::new();
    let mut seen_text = HashSet::new();
    // The family's baseline, then the general baseline: every role gets enough questions.
    let extra: Vec<String> = [family.as_str(), "other"]
        .iter()
        .filter_map(|f| b.family_skills.get(*f))
        .flatten()
        .filter(|s| !skills.iter().any(|k| k.eq_ignore_ascii_case(s)))
        .fold(Vec::new(), |mut v: Vec<String>, s| {
            if !v.contains(s) {
                v.push(s.clone());
            }
            v
        });
    for group in [skills, extra.as_slice()] {
        let cands: Vec<Vec<Question>> = group
            .iter()
            .map(|s| skill_candidates(b, s, level))
            .collect();
        let rounds = cands.iter().map(Vec::len).max().unwrap_or(0);
        for round in 0..rounds {
            for c in &cands {
                if out.len() >= target {
                    return out;
                }
                // Later candidates stand in for a duplicate text (two skills of one category).
                if let Some(q) = c.iter().skip(round).find(|q| !seen_text.contains(&q.text)) {
                    seen_text.insert(q.text.clone());
                    out.push(q.clone());
                }
            }
        }
    }
    out
}

/// Whether any of the role's terms mentions `tag`.
fn mentions(terms: &[String], tag: &str) -> bool {
    let tag = tag.to_lowercase();
    terms
        .iter()
        .any(|t| *t == tag || (tag.len() >= 3 && t.contains(&tag)))
}

/// 1–3 prompts for mid and above where the family fits; architecture roles always get them.
fn system_design(b: &Bank, input: &KitInput, seniority: Seniority) -> Vec<DesignPrompt> {
    let family = input.role_family.as_str();
    let arch = input.role_family == RoleFamily::Architecture;
    let n = match (arch, seniority) {
        (true, s) if s >= Seniority::Senior => 3,
        (true, _) => 2,
        (false, Seniority::Intern | Seniority::Junior) => 0,
        (false, Seniority::Mid) => 1,
        (false, Seniority::Senior) => 2,
        (false, _) => 3,
    };
    let mut terms: Vec<String> = role_skills(input)
        .iter()
        .map(|s| s.to_lowercase())
        .collect();
    terms.extend(input.focus.iter().map(|s| s.to_lowercase()));
    terms.push(input.role_title.to_lowercase());
    let mut ranked: Vec<(i32, i64, usize, &crate::bank::Prompt)> = b
        .prompts
        .iter()
        .enumerate()
        .filter(|(_, p)| p.families.iter().any(|f| f == family))
        .filter(|(_, p)| arch || p.min_seniority <= seniority)
        .map(|(i, p)| {
            let hits = p.tags.iter().filter(|t| mentions(&terms, t)).count() as i64;
            let primary = p.families.first().is_some_and(|f| f == family) as i64;
            // Seniors get the prompts written for seniors before the mid-level classics.
            let pitched = if seniority >= Seniority::Senior {
                p.min_seniority >= Seniority::Senior
            } else {
                p.min_seniority == seniority
            } as i64;
            // Architects below a prompt's level still get it, nearest level first.
            let above = (p.min_seniority as i32 - seniority as i32).max(0);
            (above, -(hits * 2 + pitched * 2 + primary), i, p)
        })
        .collect();
    ranked.sort_by_key(|(above, score, i, _)| (*above, *score, *i));
    ranked
        .into_iter()
        .take(n)
        .map(|(_, _, _, p)| DesignPrompt {
            id: p.id.clone(),
            title: p.title.clone(),
            prompt: p.prompt.clone(),
            scale: p.scale.clone(),
            cover: p.cover.clone(),
            strong_signals: p.strong_signals.clone(),
            red_flags: p.red_flags.clone(),
            families: p.families.clone(),
            min_seniority: p.min_seniority,
        })
        .collect()
}

/// Competencies for the behavioural interview, in priority order for the profile; soft
/// skills the role names pull their competency in (replacing the lowest priorities).
fn behavioural_competencies(b: &Bank, input: &KitInput, seniority: Seniority) -> Vec<String> {
    let family = input.role_family;
    let manager = family == RoleFamily::EngineeringManagement || seniority == Seniority::Head;
    let order: &[&str] = if manager {
        &[
            "people-management",
            "stakeholder-management",
            "delivery-under-pressure",
            "conflict",
            "mentoring",
            "ambiguity",
            "ownership",
            "learning-from-failure",
            "communication",
        ]
    } else if family == RoleFamily::ProductManagement {
        &[
            "stakeholder-management",
            "ambiguity",
            "communication",
            "conflict",
            "ownership",
            "learning-from-failure",
            "leading-without-authority",
            "collaboration",
        ]
    } else {
        match seniority {
            Seniority::Intern | Seniority::Junior => &[
                "collaboration",
                "learning-from-failure",
                "communication",
                "ownership",
                "ambiguity",
                "delivery-under-pressure",
                "conflict",
            ],
            Seniority::Mid => &[
                "ownership",
                "collaboration",
                "conflict",
                "delivery-under-pressure",
                "learning-from-failure",
                "ambiguity",
                "communication",
                "mentoring",
            ],
            Seniority::Senior => &[
                "ownership",
                "mentoring",
                "leading-without-authority",
                "conflict",
                "ambiguity",
                "delivery-under-pressure",
                "learning-from-failure",
                "communication",
            ],
            _ => &[
                "technical-strategy",
                "leading-without-authority",
                "mentoring",
                "ambiguity",
                "conflict",
                "ownership",
                "learning-from-failure",
                "stakeholder-management",
            ],
        }
    };
    let n = if Level::of(seniority) == Level::Junior {
        5
    } else {
        6
    };
    let level = Level::of(seniority);
    // Only competencies the bank can ask about at this level.
    let order: Vec<&str> = order
        .iter()
        .copied()
        .filter(|id| b.competency(id).is_some() && behavioural_question(b, id, level).is_some())
        .collect();
    let mut chosen: Vec<&str> = order.iter().copied().take(n).collect();
    // Soft-skill pulls: only competencies already suitable for this profile.
    let soft: Vec<String> = input.soft_skills.iter().map(|s| s.to_lowercase()).collect();
    let mut replace_at = chosen.len();
    for id in order.iter().skip(n) {
        let Some(def) = b.competency(id) else {
            continue;
        };
        let wanted = def
            .soft_skill_words
            .iter()
            .any(|w| soft.iter().any(|s| s.contains(&w.to_lowercase())));
        if wanted && replace_at > 3 {
            replace_at -= 1;
            chosen[replace_at] = id;
        }
    }
    // Keep the profile's priority order after replacements.
    chosen.sort_by_key(|id| order.iter().position(|o| o == id));
    chosen.into_iter().map(String::from).collect()
}

fn behavioural_question(b: &Bank, competency: &str, level: Level) -> Option<Question> {
    b.behavioural
        .iter()
        .filter(|q| q.competency == competency)
        .filter_map(|q| Some((level_rank(q.level, level)?, q)))
        .min_by_key(|(r, _)| *r)
        .map(|(_, q)| Question {
            text: q.text.clone(),
            skill: None,
            competency: Some(q.competency.clone()),
            topic: None,
            level: q.level,
            strong_answer: q.strong_answer.clone(),
            red_flags: q.red_flags.clone(),
        })
}

/// One question per screening topic: the family's own version if there is one, then the
/// version for the level, then the general one.
fn screening(b: &Bank, family: RoleFamily, level: Level) -> Vec<Question> {
    let fam = family.as_str();
    SCREENING_TOPICS
        .iter()
        .filter_map(|topic| {
            b.screening
                .iter()
                .enumerate()
                .filter(|(_, q)| q.topic == *topic)
                .filter(|(_, q)| q.families.is_empty() || q.families.iter().any(|f| f == fam))
                .filter(|(_, q)| q.levels.is_empty() || q.levels.contains(&level))
                .min_by_key(|(i, q)| (q.families.is_empty(), q.levels.is_empty(), *i))
                .map(|(_, q)| Question {
                    text: q.text.clone(),
                    skill: None,
                    competency: None,
                    topic: Some(q.topic.clone()),
                    level,
                    strong_answer: q.strong_answer.clone(),
                    red_flags: q.red_flags.clone(),
                })
        })
        .collect()
}
