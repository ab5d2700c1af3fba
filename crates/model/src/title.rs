//! Job title → role family, seniority, track.
//!
//! Conventions (the contract of `hirekit normalize title`):
//! - Seniority comes only from the title. No cue → `None` (never a default "mid").
//!   Sr./Senior/Sênior → senior; Jr./Junior/Júnior, entry level, graduate, new grad,
//!   associate (as a level) → junior; intern, co-op, trainee, apprentice, Werkstudent,
//!   Praktikant, stagiaire, alternance, becario, estagiário → intern; mid-level,
//!   intermediate, Pleno, semi senior → mid; I/II/III/IV (and 1–4) → junior/mid/senior/staff;
//!   L3–L7 → junior…principal; lead, tech lead, team lead, Staff, Staff+, Senior Staff → staff;
//!   Principal, Distinguished, Fellow → principal; director, head of, VP, C-level, Leiter → head.
//! - Ranges ("Senior/Lead", "Mid-Senior") take the lower level.
//! - Managers carry seniority only from explicit cues: "Engineering Manager" → `None`,
//!   "Senior Engineering Manager" → senior; director/head/VP/CxO → head.
//! - "Staff" and "Fellow" are levels only in technical families ("Staff Accountant" is not).
//! - Track: manager for people managers (engineering managers, directors, heads, VPs, CxOs,
//!   supervisors, Leiter, gerente, jefe, responsable); product, project, program, account and
//!   similar managers are individual contributors; leads are individual contributors (staff).
//! - A manager's family is the area managed: "Data Science Manager" → data-science,
//!   "Engineering Manager"/"Director of Engineering"/CTO → engineering-management.
//! - Noise (gender markers "(m/w/d)", "(H/F)", requisition ids, "#LI-…" tags, locations after
//!   " - " / " | ") carries no role or level words, so it is skipped rather than parsed.

mod family;
mod level;
mod lex;
mod lexicon;
mod scan;

use crate::posting::{RoleFamily, Seniority, Track};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TitleInfo {
    pub role_family: RoleFamily,
    pub seniority: Option<Seniority>,
    pub track: Track,
}

/// Classifies a job title. Pure and total: any string gives an answer.
pub fn normalize_title(title: &str) -> TitleInfo {
    let sc = scan::scan(title);
    let role_family = family::family(&sc);
    let seniority = level::seniority(&sc, role_family);
    let track = family::track(&sc);
    TitleInfo {
        role_family,
        seniority,
        track,
    }
}
