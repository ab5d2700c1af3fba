//! Seniority from level words, numerals (I–V, 1–5, "Level 2", L3–L7) and role nouns
//! (director, VP, head of, CxO → head).
//!
//! Alternatives joined by "/" or "-" ("Senior/Lead", "Mid-Senior") are a range: the posting
//! accepts the lower level, so the range counts as its minimum. Otherwise the highest cue
//! wins ("Senior Staff" → staff), except that an internship is always an internship and a
//! director is always head.

use super::lex::Sep;
use super::lexicon::{Lvl, Noun};
use super::scan::{Hit, Scan};
use crate::posting::{RoleFamily, Seniority as S};

fn numeral(n: u8) -> Option<S> {
    Some(match n {
        1 => S::Junior,
        2 => S::Mid,
        3 => S::Senior,
        4 => S::Staff,
        5 => S::Principal,
        _ => return None,
    })
}

/// Roman or Arabic level number in a token: "ii" → 2, "3" → 3.
fn number(sc: &Scan, h: &Hit) -> Option<u8> {
    let w = sc.word(h);
    let n = match w {
        "1" => 1,
        "2" | "ii" => 2,
        "3" | "iii" => 3,
        "4" | "iv" => 4,
        "5" => 5,
        // A lone lowercase "i"/"v" is more often a word than a numeral.
        "i" if sc.upper(h) => 1,
        "v" if sc.upper(h) => 5,
        _ => return None,
    };
    Some(n)
}

/// Words after which a number is not a level ("Title IV", "Tier 2", "Part 1").
fn blocks_number(w: &str) -> bool {
    matches!(
        w,
        "title"
            | "part"
            | "phase"
            | "section"
            | "chapter"
            | "class"
            | "tier"
            | "type"
            | "no"
            | "number"
            | "x"
            | "shift"
            | "block"
            | "unit"
            | "floor"
            | "day"
            | "week"
            | "year"
    )
}

/// Seniority cue of hit `i`, if it has one.
fn cue(sc: &Scan, i: usize, family: RoleFamily) -> Option<S> {
    let h = &sc.hits[i];
    let weak_ok = !h.dependent;
    if matches!(h.cue.noun, Some(Noun::Head)) && weak_ok {
        return Some(S::Head);
    }
    if let Some(l) = h.cue.lvl {
        let tech = family != RoleFamily::Other;
        let next_same_seg = sc.hits.get(i + 1).is_some_and(|n| n.seg == h.seg);
        let first_in_seg = i == 0 || sc.hits[i - 1].seg != h.seg;
        return match l {
            Lvl::Intern if weak_ok => Some(S::Intern),
            Lvl::Junior => Some(S::Junior),
            Lvl::Mid => Some(S::Mid),
            Lvl::Senior => Some(S::Senior),
            // "Staff Engineer", "Engineer, Staff" — not "Design Support Staff".
            Lvl::Staff if weak_ok && tech && (next_same_seg || first_in_seg) => Some(S::Staff),
            Lvl::Lead if weak_ok => Some(S::Staff),
            // "Principal Engineer", not a school's "Assistant Principal".
            Lvl::Principal if weak_ok && next_same_seg => Some(S::Principal),
            Lvl::Distinguished if weak_ok => Some(S::Principal),
            // "Technical Fellow", "Fellow, ML" — not a "Design Fellow" fellowship programme.
            Lvl::Fellow if weak_ok => {
                let prev = (i > 0).then(|| sc.word(&sc.hits[i - 1]));
                let titled = matches!(prev, Some("technical" | "distinguished" | "engineering"));
                let leads = i == 0 || matches!(prev, Some("senior" | "corporate"));
                (titled || (tech && leads)).then_some(S::Principal)
            }
            Lvl::Associate if weak_ok => Some(S::Junior),
            Lvl::LevelWord => sc
                .hits
                .get(i + 1)
                .and_then(|n| number(sc, n))
                .and_then(numeral),
            _ => None,
        };
    }
    if h.cue.dom.is_none() && h.cue.noun.is_none() {
        // Numerals: only right after the role, closing its segment ("Engineer II", "Attorney 2").
        if let Some(n) = number(sc, h) {
            if i == 0 {
                return None;
            }
            let prev = &sc.hits[i - 1];
            if blocks_number(sc.word(prev)) || prev.cue.lvl == Some(Lvl::LevelWord) {
                return None;
            }
            let closes = sc
                .hits
                .get(i + 1)
                .is_none_or(|n| n.seg != h.seg || sc.sep(n) == Sep::Slash);
            let digit = sc.word(h).as_bytes()[0].is_ascii_digit();
            // "K-3", "M-3", "SPS-02": codes, not levels.
            if digit && sc.sep(h) == Sep::Hyphen {
                return None;
            }
            let attached = prev.seg == h.seg;
            if closes && (attached || !digit) {
                return numeral(n);
            }
            return None;
        }
        let w = sc.word(h);
        // Google-style L3–L7.
        if let Some(d) = w.strip_prefix('l') {
            return match d {
                "3" => Some(S::Junior),
                "4" => Some(S::Mid),
                "5" => Some(S::Senior),
                "6" => Some(S::Staff),
                "7" => Some(S::Principal),
                _ => None,
            };
        }
        if w == "tl" && sc.upper(h) {
            return Some(S::Staff);
        }
    }
    None
}

pub fn seniority(sc: &Scan, family: RoleFamily) -> Option<S> {
    let mut result: Option<S> = None;
    let mut group: Option<S> = None;
    let mut intern = false;
    let mut head = false;
    let mut last_end: Option<usize> = None;
    for i in 0..sc.hits.len() {
        let Some(s) = cue(sc, i, family) else {
            continue;
        };
        match s {
            S::Intern => intern = true,
            S::Head => head = true,
            _ => {}
        }
        let h = &sc.hits[i];
        // "Senior/Lead", "Mid-Senior", "Senior or Staff": one range.
        let joined = (last_end == Some(i) && matches!(sc.sep(h), Sep::Slash | Sep::Hyphen))
            || (i >= 1
                && last_end == Some(i - 1)
                && sc.hits[i - 1].seg == h.seg
                && matches!(
                    sc.word(&sc.hits[i - 1]),
                    "or" | "to" | "and" | "und" | "ou" | "o" | "y" | "e" | "et"
                ));
        if joined {
            group = group.map(|g| g.min(s));
        } else {
            if let Some(g) = group {
                result = result.max(Some(g));
            }
            group = Some(s);
        }
        last_end = Some(i + 1);
    }
    if let Some(g) = group {
        result = result.max(Some(g));
    }
    if intern {
        return Some(S::Intern);
    }
    if head {
        return Some(S::Head);
    }
    result
}
