//! Role family and track from the scanned title.
//!
//! The first role noun decides what kind of job it is (engineer, analyst, manager…); the
//! specialty words right before it ("Data Engineer", "Security Analyst") decide the family,
//! then specialty words elsewhere ("Software Engineer, Platform"), then weak hints such as
//! languages ("Java Developer").

use super::lexicon::{Dom, Noun};
use super::scan::{Hit, Scan};
use crate::posting::{RoleFamily as F, Track};

/// Engineer-type nouns.
fn is_eng(n: Option<Noun>) -> bool {
    matches!(n, Some(Noun::Eng | Noun::EngAmbig))
}
fn is_mgr(n: Option<Noun>) -> bool {
    matches!(n, Some(Noun::Mgr | Noun::Head))
}

fn eng_map(d: Dom) -> F {
    match d {
        Dom::Ml | Dom::Research => F::MachineLearning,
        Dom::Security => F::Security,
        Dom::Qa | Dom::QaWeak => F::Qa,
        Dom::DataSci => F::DataScience,
        Dom::Analytics | Dom::Data => F::DataEngineering,
        Dom::Embedded => F::Embedded,
        Dom::DevOps | Dom::DevOpsAdj => F::Devops,
        Dom::Mobile => F::Mobile,
        Dom::Frontend | Dom::LangFe | Dom::Design => F::Frontend,
        Dom::Backend | Dom::BackendArea | Dom::LangBe => F::Backend,
        Dom::Fullstack | Dom::Web => F::Fullstack,
        Dom::Software | Dom::SoftwareAdj | Dom::Product | Dom::EngMgmt => F::Software,
        Dom::DesignWord | Dom::Business | Dom::IcArea | Dom::NonTech => F::Other,
    }
}

fn mgr_map(d: Dom) -> F {
    match d {
        Dom::Ml => F::MachineLearning,
        Dom::Security => F::Security,
        Dom::Qa => F::Qa,
        Dom::DataSci | Dom::Analytics | Dom::Data => F::DataScience,
        Dom::DevOps => F::Devops,
        Dom::Embedded
        | Dom::Mobile
        | Dom::Frontend
        | Dom::Backend
        | Dom::Fullstack
        | Dom::Web
        | Dom::LangFe
        | Dom::LangBe
        | Dom::Software
        | Dom::SoftwareAdj
        | Dom::EngMgmt => F::EngineeringManagement,
        Dom::Design | Dom::DesignWord => F::Design,
        Dom::Product => F::ProductManagement,
        // "Water and Sewer Systems Supervisor": "systems" alone says nothing about IT.
        Dom::DevOpsAdj
        | Dom::BackendArea
        | Dom::QaWeak
        | Dom::Research
        | Dom::Business
        | Dom::IcArea
        | Dom::NonTech => F::Other,
    }
}

/// Scientists, analysts and other non-engineer roles with a data/ML/security specialty.
fn analytic_map(noun: Noun, d: Dom) -> F {
    match (noun, d) {
        (_, Dom::Ml) => {
            if noun == Noun::Analyst {
                F::DataScience
            } else {
                F::MachineLearning
            }
        }
        (Noun::Sci, Dom::Research) => F::MachineLearning,
        (_, Dom::DataSci | Dom::Analytics | Dom::Data) => F::DataScience,
        (_, Dom::Security) => F::Security,
        (_, Dom::Qa) => F::Qa,
        (Noun::Analyst, Dom::Product) => F::DataScience,
        // "Product Owner" (the noun's own specialty).
        (Noun::Generic, Dom::Product) => F::ProductManagement,
        (Noun::Sci | Noun::Generic, Dom::Design) => F::Design,
        (Noun::Generic, Dom::DevOps) => F::Devops,
        (Noun::Generic, Dom::Embedded) => F::Embedded,
        (Noun::Generic, Dom::Mobile) => F::Mobile,
        (Noun::Generic, Dom::Frontend) => F::Frontend,
        (Noun::Generic, Dom::Backend) => F::Backend,
        (Noun::Generic, Dom::Fullstack) => F::Fullstack,
        _ => F::Other,
    }
}

fn nonoun_map(d: Dom) -> F {
    match d {
        Dom::Ml => F::MachineLearning,
        Dom::Security => F::Security,
        Dom::Qa => F::Qa,
        Dom::DataSci | Dom::Analytics | Dom::Data => F::DataScience,
        Dom::Embedded => F::Embedded,
        Dom::DevOps => F::Devops,
        Dom::Mobile => F::Mobile,
        Dom::Frontend | Dom::LangFe => F::Frontend,
        Dom::Backend | Dom::LangBe => F::Backend,
        Dom::Fullstack | Dom::Web => F::Fullstack,
        Dom::Design | Dom::DesignWord => F::Design,
        Dom::Software => F::Software,
        Dom::Product => F::ProductManagement,
        _ => F::Other,
    }
}

/// Specialty words that say nothing positive about software work.
fn is_negative(d: Dom) -> bool {
    matches!(
        d,
        Dom::NonTech | Dom::IcArea | Dom::Business | Dom::DesignWord
    )
}

/// Best domain by rank (ties: earliest), among hits passing `keep`.
fn best<'a>(hits: impl Iterator<Item = &'a Hit>, keep: impl Fn(Dom) -> bool) -> Option<Dom> {
    let mut out: Option<Dom> = None;
    for h in hits {
        if let Some(d) = h.cue.dom {
            if keep(d) && out.is_none_or(|o| d.rank() > o.rank()) {
                out = Some(d);
            }
        }
    }
    out
}

/// Hits before noun `i` in its segment, back to the previous role noun.
fn run_before(sc: &Scan, i: usize) -> &[Hit] {
    let seg = sc.hits[i].seg;
    let mut s = i;
    while s > 0 && sc.hits[s - 1].seg == seg && sc.hits[s - 1].cue.noun.is_none() {
        s -= 1;
    }
    &sc.hits[s..i]
}

/// Every hit outside the noun and its run (later words, other segments).
fn elsewhere(sc: &Scan, i: usize) -> impl Iterator<Item = &Hit> {
    let run_start = i - run_before(sc, i).len();
    // "Python Developer with Data Science Experience": what follows "with" is a requirement.
    let seg = sc.hits[i].seg;
    let with_at = sc.hits[i + 1..]
        .iter()
        .position(|p| p.seg == seg && sc.word(p) == "with")
        .map(|k| (k + i + 1, seg));
    sc.hits
        .iter()
        .enumerate()
        .filter(move |(k, h)| {
            (*k < run_start || *k > i) && with_at.is_none_or(|(w, s)| *k < w || h.seg != s)
        })
        .map(|(_, h)| h)
}

struct RunInfo {
    unknown: bool,
    negative: bool,
    /// "software", "application", "product"…: the engineer builds software.
    soft: bool,
}

fn run_info(run: &[Hit]) -> RunInfo {
    RunInfo {
        unknown: run.iter().any(|h| h.unknown),
        negative: run.iter().any(|h| h.cue.dom.is_some_and(is_negative)),
        // "software" vouches for software work; "application", "product" only when no
        // discipline word is there ("Product Engineer" yes, "Sales and Application Engineer" no).
        soft: run.iter().any(|h| h.cue.dom == Some(Dom::Software))
            || (run
                .iter()
                .any(|h| matches!(h.cue.dom, Some(Dom::Product | Dom::SoftwareAdj)))
                && !run.iter().any(|h| h.cue.dom.is_some_and(is_negative))),
    }
}

fn eng_family(sc: &Scan, i: usize) -> F {
    let h = &sc.hits[i];
    let strong = |d: Dom| d.strong() && d != Dom::DesignWord;
    // The noun's own specialty ("webmaster", "sdet") — unless it is just "software".
    if let Some(d) = h.cue.dom.filter(|d| strong(*d) || *d == Dom::Web) {
        return eng_map(d);
    }
    let run = run_before(sc, i);
    let mut info = run_info(run);
    info.soft |= h.cue.dom.is_some();
    // "AI Support Engineer", "Cloud Solutions Engineer": support and pre-sales roles.
    let role_word = run.last().is_some_and(|p| {
        matches!(
            sc.word(p),
            "support"
                | "sales"
                | "presales"
                | "pre"
                | "solution"
                | "solutions"
                | "customer"
                | "helpdesk"
                | "help"
                | "service"
                | "field"
        )
    });
    if h.cue.noun == Some(Noun::EngAmbig)
        && role_word
        && !run.iter().any(|p| p.cue.dom == Some(Dom::Software))
    {
        return F::Other;
    }
    // "Systems Engineer" is infrastructure; "System Software Engineer" is not.
    let adjacent = |k: usize| {
        run[k + 1..]
            .iter()
            .all(|p| p.cue.dom == Some(Dom::DevOpsAdj))
    };
    let pick = run
        .iter()
        .enumerate()
        .filter_map(|(k, p)| {
            p.cue
                .dom
                .filter(|d| strong(*d) && (*d != Dom::DevOpsAdj || adjacent(k)))
        })
        .fold(None::<Dom>, |acc, d| {
            if acc.is_none_or(|a| d.rank() > a.rank()) {
                Some(d)
            } else {
                acc
            }
        });
    if let Some(d) = pick {
        // "Materials Research Engineer", "Mechanical Systems Design Engineer": the
        // discipline word beats a word that only hints at software.
        if matches!(d, Dom::Research | Dom::DevOpsAdj | Dom::QaWeak) && info.negative && !info.soft
        {
            return F::Other;
        }
        return eng_map(d);
    }
    let ambiguous = h.cue.noun == Some(Noun::EngAmbig);
    if ambiguous && !info.soft && (info.negative || info.unknown) {
        return F::Other;
    }
    // Words right after the noun act like words before it in DE/FR/ES/PT
    // ("Ingénieur Cloud", "Ingeniero de Sistemas").
    if let Some(d) = after_noun(sc, i)
        .find_map(|p| p.cue.dom)
        .filter(|d| *d == Dom::DevOpsAdj)
    {
        return eng_map(d);
    }
    // Elsewhere in the title, the first specialty named wins ("…, Backend & Data").
    let positive = |d: Dom| strong(d) && !matches!(d, Dom::DevOpsAdj);
    if let Some(d) = elsewhere(sc, i)
        .filter_map(|p| p.cue.dom)
        .find(|d| positive(*d))
    {
        return eng_map(d);
    }
    // A foreign "Ingenieur Elektrotechnik": the discipline comes after the noun.
    if ambiguous
        && !info.soft
        && best(elsewhere(sc, i), |d| d == Dom::NonTech).is_some()
        && best(elsewhere(sc, i), |d| {
            matches!(d, Dom::Software | Dom::SoftwareAdj)
        })
        .is_none()
    {
        return F::Other;
    }
    let weak = |d: Dom| matches!(d, Dom::LangFe | Dom::LangBe | Dom::Web);
    if let Some(d) = best(run.iter(), weak).or_else(|| best(elsewhere(sc, i), weak)) {
        return eng_map(d);
    }
    F::Software
}

/// The first word after noun `i` in its segment, past a connector ("de", "em", "of").
fn after_noun(sc: &Scan, i: usize) -> impl Iterator<Item = &Hit> {
    let seg = sc.hits[i].seg;
    sc.hits[i + 1..]
        .iter()
        .take_while(move |p| p.seg == seg && p.cue.noun.is_none())
        .filter(|p| {
            !matches!(
                sc.word(p),
                "de" | "des" | "du" | "da" | "do" | "em" | "en" | "of" | "d"
            )
        })
        .take(1)
}

/// Family of a non-engineer, non-manager role noun (scientist, analyst, specialist…).
fn analytic_family(sc: &Scan, i: usize, noun: Noun) -> F {
    let h = &sc.hits[i];
    if let Some(d) = h.cue.dom {
        return analytic_map(noun, d);
    }
    let run = run_before(sc, i);
    let usable = |d: Dom| {
        (d.strong() && d != Dom::DevOpsAdj) || (noun == Noun::Analyst && d == Dom::Product)
    };
    let info = run_info(run);
    // "NLP Senior Data Scientist" is a data scientist: "data" right before the noun.
    let next_to = run
        .last()
        .and_then(|p| p.cue.dom)
        .filter(|d| matches!(d, Dom::Data | Dom::DataSci | Dom::Analytics));
    if let Some(d) = next_to.or_else(|| best(run.iter(), usable)) {
        // "Clinical Research Scientist", "City Research Scientist" are no ML scientists.
        if d == Dom::Research && (info.negative || info.unknown) {
            return F::Other;
        }
        return analytic_map(noun, d);
    }
    // A specialty the role cannot take ("Product Specialist", "Systems Analyst") or an
    // unknown one: the words elsewhere in the title are about something else.
    if info.unknown || info.negative || run.iter().any(|h| h.cue.dom.is_some()) {
        return F::Other;
    }
    if let Some(d) = best(elsewhere(sc, i), |d| {
        d.strong() && d != Dom::DevOpsAdj && d != Dom::DesignWord
    }) {
        return analytic_map(noun, d);
    }
    F::Other
}

/// The area a manager runs, and whether this kind of manager is an individual contributor
/// (product, project, account… managers).
pub fn mgr_area(sc: &Scan, i: usize) -> (F, bool) {
    let h = &sc.hits[i];
    // Supervisors always supervise people; a "program manager" may not.
    let ic_kind = h.cue.noun == Some(Noun::Mgr)
        && !matches!(sc.word(h), "supervisor" | "supervising" | "superintendent");
    let verdict = |d: Dom| {
        (
            mgr_map(d),
            ic_kind && matches!(d, Dom::Product | Dom::IcArea),
        )
    };
    if let Some(d) = h.cue.dom {
        return verdict(d);
    }
    // "Engineering Manager", "Data Engineering Manager": manager of that engineering.
    if i > 0 && is_eng(sc.noun(i - 1)) && sc.hits[i - 1].seg == h.seg {
        let f = match eng_family(sc, i - 1) {
            F::Software | F::Frontend | F::Backend | F::Fullstack | F::Mobile | F::Embedded => {
                F::EngineeringManagement
            }
            F::DataEngineering => F::DataEngineering,
            other => other,
        };
        return (f, false);
    }
    // Nearest specialty before the noun: "Technical Program Manager" is a program manager.
    // Generic business words ("operations", "sales") yield to a real specialty:
    // "Data Operations Manager" runs data work.
    let run = run_before(sc, i);
    if let Some(d) = run
        .iter()
        .rev()
        .filter_map(|p| p.cue.dom)
        .find(|d| *d != Dom::NonTech)
    {
        return verdict(d);
    }
    if run.iter().any(|p| p.cue.dom == Some(Dom::NonTech)) {
        return verdict(Dom::NonTech);
    }
    // "Head of Data Science", "Manager, Engineering", "Gerente de Ingeniería".
    // A real specialty anywhere after the noun wins ("Senior Manager of Marketing Data");
    // plain engineering loses to a business word before it ("Director, Field Engineering").
    let mut business: Option<Dom> = None;
    for p in sc.hits[i + 1..].iter() {
        let d = match (p.cue.dom, is_eng(p.cue.noun)) {
            (Some(d), _) => d,
            (None, true) => Dom::EngMgmt,
            _ => continue,
        };
        if matches!(
            d,
            Dom::NonTech | Dom::IcArea | Dom::Business | Dom::DevOpsAdj
        ) {
            business = business.or(Some(d));
            continue;
        }
        let generic_eng = matches!(d, Dom::EngMgmt | Dom::Software | Dom::SoftwareAdj);
        // "Manager of Design & Construction": building design, not product design.
        if d == Dom::DesignWord
            && sc.hits[i + 1..]
                .iter()
                .any(|p| p.cue.dom == Some(Dom::NonTech))
        {
            return verdict(Dom::NonTech);
        }
        match business {
            Some(b) if generic_eng => return verdict(b),
            _ => return verdict(d),
        }
    }
    business.map_or((F::Other, false), verdict)
}

/// Names of a field rather than of a person ("engineering", "Entwicklung").
fn is_field(w: &str) -> bool {
    matches!(
        w,
        "engineering"
            | "ingenieria"
            | "engenharia"
            | "entwicklung"
            | "desarrollo"
            | "desenvolvimento"
            | "developpement"
    )
}

/// Index of the role noun that defines the job.
fn primary(sc: &Scan) -> Option<usize> {
    let n = sc.hits.len();
    let usable = |k: usize| {
        let h = &sc.hits[k];
        h.cue.noun.is_some()
            && !h.dependent
            // "Engineering Manager", "Engineering Technician": the second noun is the role.
            && !(is_eng(h.cue.noun)
                && k + 1 < n
                && sc.hits[k + 1].seg == h.seg
                && (is_mgr(sc.noun(k + 1)) || (sc.noun(k + 1).is_some() && is_field(sc.word(h)))))
            // "Engineering Project Manager": a field word before a later role noun.
            && !(is_field(sc.word(h))
                && sc.hits[k + 1..].iter().take_while(|p| p.seg == h.seg).any(|p| p.cue.noun.is_some()))
    };
    let first = (0..n).find(|&k| usable(k))?;
    let h = sc.hits[first];
    // "Member of Technical Staff: Data Researcher" and "Consultant Data Engineer":
    // a more specific role noun later in the title wins.
    let generic = h.cue.noun == Some(Noun::Generic) || sc.word(&h) == "member";
    if generic {
        let same_seg_only = h.cue.noun == Some(Noun::Generic);
        if let Some(k) = (first + 1..n).find(|&k| {
            usable(k)
                && (!same_seg_only || sc.hits[k].seg == h.seg)
                && matches!(
                    sc.noun(k),
                    Some(
                        Noun::Eng
                            | Noun::EngAmbig
                            | Noun::Sci
                            | Noun::Analyst
                            | Noun::Architect
                            | Noun::Designer
                            | Noun::Tester
                            | Noun::Admin
                            | Noun::Mgr
                            | Noun::Head
                    )
                )
        }) {
            return Some(k);
        }
    }
    Some(first)
}

pub fn family(sc: &Scan) -> F {
    let Some(i) = primary(sc) else {
        // No role noun: "Data Intern", "DevOps", "Full-stack Co-op". The first specialty
        // named wins ("Data Science/Machine Learning Intern").
        let strong = |d: Dom| {
            d.strong()
                && !matches!(
                    d,
                    Dom::DevOpsAdj
                        | Dom::QaWeak
                        | Dom::Research
                        | Dom::BackendArea
                        | Dom::DesignWord
                )
        };
        if let Some(d) = sc
            .hits
            .iter()
            .filter_map(|h| h.cue.dom)
            .find(|d| strong(*d))
        {
            return nonoun_map(d);
        }
        let has = |d: Dom| sc.hits.iter().any(|h| h.cue.dom == Some(d));
        if has(Dom::Software) {
            return F::Software;
        }
        if has(Dom::DesignWord) {
            return F::Design;
        }
        if sc.hits.iter().any(|h| h.cue.dom.is_some_and(is_negative)) {
            return F::Other;
        }
        return best(sc.hits.iter(), |d| {
            matches!(d, Dom::LangFe | Dom::LangBe | Dom::Web | Dom::Product)
        })
        .map_or(F::Other, nonoun_map);
    };
    let noun = sc.noun(i).unwrap_or(Noun::Other);
    match noun {
        Noun::Eng | Noun::EngAmbig => eng_family(sc, i),
        Noun::Mgr | Noun::Head => mgr_area(sc, i).0,
        Noun::Architect => {
            let building = run_before(sc, i).iter().any(|h| {
                matches!(
                    sc.word(h),
                    "landscape" | "architectural" | "building" | "naval" | "interior"
                )
            });
            if building {
                F::Other
            } else {
                F::Architecture
            }
        }
        Noun::Designer => {
            let run = run_before(sc, i);
            let design = run.iter().any(|h| {
                matches!(
                    h.cue.dom,
                    Some(Dom::Design | Dom::Frontend | Dom::Web | Dom::Product | Dom::Mobile)
                )
            });
            let design = design
                || run
                    .iter()
                    .any(|h| matches!(h.cue.dom, Some(Dom::DesignWord | Dom::SoftwareAdj)));
            let info = run_info(run);
            // "Fire Sprinkler Designer", "Urban Designer": a designer of something else.
            if (info.negative || info.unknown) && !design {
                F::Other
            } else {
                F::Design
            }
        }
        Noun::Admin => {
            let d = sc.hits[i]
                .cue
                .dom
                .or_else(|| best(run_before(sc, i).iter(), |d| d.strong()));
            match d {
                Some(Dom::Data | Dom::DataSci | Dom::Analytics) => F::DataEngineering,
                Some(Dom::DevOps | Dom::DevOpsAdj) => F::Devops,
                Some(Dom::Security) => F::Security,
                _ => F::Other,
            }
        }
        Noun::Tester => {
            let run = run_before(sc, i);
            let own = sc.hits[i].cue.dom;
            let sec =
                own == Some(Dom::Security) || run.iter().any(|h| h.cue.dom == Some(Dom::Security));
            let info = run_info(run);
            let qa = own.is_some() || run.iter().any(|h| matches!(h.cue.dom, Some(Dom::Qa)));
            if sec {
                F::Security
            } else if !qa && !info.soft && (info.unknown || info.negative) {
                // "Fruit Tester", "Controller Repairer and Tester".
                F::Other
            } else {
                F::Qa
            }
        }
        Noun::Sci | Noun::Analyst | Noun::Generic => analytic_family(sc, i, noun),
        Noun::Other => F::Other,
    }
}

/// Manager when some manager-type noun in the title is a people manager.
pub fn track(sc: &Scan) -> Track {
    for (i, h) in sc.hits.iter().enumerate() {
        if h.dependent || !is_mgr(h.cue.noun) {
            continue;
        }
        if h.cue.noun == Some(Noun::Head) || !mgr_area(sc, i).1 {
            return Track::Manager;
        }
    }
    Track::Ic
}
