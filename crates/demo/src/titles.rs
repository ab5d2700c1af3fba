//! Job titles the way real boards write them: seniority words, level numbers, languages in
//! brackets, team suffixes, gender tags and local-language titles.

use crate::pay::Emp;
use crate::rng::Rng;
use crate::world::{Family, Lang};
use hirekit_model::posting::{RoleFamily, Seniority};

/// Seniority shares by family (intern, junior, mid, senior, staff, principal, head).
pub fn seniority_weights(kind: RoleFamily) -> [f64; 7] {
    match kind {
        RoleFamily::EngineeringManagement => [0.0, 0.0, 45.0, 28.0, 0.0, 0.0, 27.0],
        RoleFamily::Architecture => [0.0, 0.0, 30.0, 40.0, 12.0, 13.0, 5.0],
        RoleFamily::ProductManagement | RoleFamily::Design => {
            [2.0, 10.0, 42.0, 30.0, 6.0, 4.0, 6.0]
        }
        RoleFamily::Other => [4.0, 20.0, 45.0, 22.0, 0.0, 0.0, 9.0],
        _ => [3.0, 12.0, 35.0, 33.0, 8.0, 3.0, 6.0],
    }
}

fn local_core(kind: RoleFamily, lang: Lang) -> Option<&'static str> {
    use RoleFamily::*;
    let row: [&str; 5] = match kind {
        Backend => [
            "Backend-Entwickler",
            "Développeur Backend",
            "Desarrollador/a Backend",
            "Programista Backend",
            "Desenvolvedor Backend",
        ],
        Frontend => [
            "Frontend-Entwickler",
            "Développeur Front-End",
            "Desarrollador/a Frontend",
            "Programista Frontend",
            "Desenvolvedor Front-end",
        ],
        Fullstack => [
            "Fullstack-Entwickler",
            "Développeur Full Stack",
            "Desarrollador/a Full Stack",
            "Programista Full Stack",
            "Desenvolvedor Full Stack",
        ],
        Software => [
            "Softwareentwickler",
            "Ingénieur Logiciel",
            "Ingeniero/a de Software",
            "Inżynier Oprogramowania",
            "Engenheiro de Software",
        ],
        Mobile => [
            "App-Entwickler (iOS/Android)",
            "Développeur Mobile",
            "Desarrollador/a Mobile",
            "Programista Aplikacji Mobilnych",
            "Desenvolvedor Mobile",
        ],
        Devops => [
            "DevOps Engineer",
            "Ingénieur DevOps",
            "Ingeniero/a DevOps",
            "Inżynier DevOps",
            "Engenheiro DevOps",
        ],
        DataEngineering => [
            "Data Engineer",
            "Ingénieur Data",
            "Ingeniero/a de Datos",
            "Inżynier Danych",
            "Engenheiro de Dados",
        ],
        DataScience => [
            "Datenanalyst",
            "Data Analyst",
            "Analista de Datos",
            "Analityk Danych",
            "Cientista de Dados",
        ],
        MachineLearning => [
            "Machine Learning Engineer",
            "Ingénieur Machine Learning",
            "Ingeniero/a de Machine Learning",
            "Inżynier Uczenia Maszynowego",
            "Engenheiro de Machine Learning",
        ],
        Security => [
            "IT-Sicherheitsingenieur",
            "Ingénieur Sécurité",
            "Ingeniero/a de Ciberseguridad",
            "Specjalista ds. Bezpieczeństwa IT",
            "Analista de Segurança da Informação",
        ],
        Qa => [
            "Softwaretester",
            "Ingénieur QA",
            "Ingeniero/a QA",
            "Tester Oprogramowania",
            "Analista de Testes",
        ],
        Embedded => [
            "Embedded-Softwareentwickler",
            "Ingénieur Systèmes Embarqués",
            "Ingeniero/a de Sistemas Embebidos",
            "Programista Systemów Wbudowanych",
            "Engenheiro de Sistemas Embarcados",
        ],
        Architecture => [
            "Softwarearchitekt",
            "Architecte Logiciel",
            "Arquitecto/a de Software",
            "Architekt Oprogramowania",
            "Arquiteto de Software",
        ],
        EngineeringManagement => [
            "Teamleiter Softwareentwicklung",
            "Responsable d'Équipe Technique",
            "Responsable de Ingeniería",
            "Kierownik Zespołu Programistów",
            "Gerente de Engenharia",
        ],
        ProductManagement => [
            "Produktmanager",
            "Chef de Produit",
            "Product Manager",
            "Product Manager",
            "Gerente de Produto",
        ],
        Design => [
            "UX-Designer",
            "Designer UX/UI",
            "Diseñador/a UX/UI",
            "Projektant UX",
            "Designer de Produto",
        ],
        Other => [
            "Vertriebsmitarbeiter",
            "Chargé de Clientèle",
            "Ejecutivo/a de Cuentas",
            "Specjalista ds. Sprzedaży",
            "Executivo de Vendas",
        ],
    };
    let i = match lang {
        Lang::De => 0,
        Lang::Fr => 1,
        Lang::Es => 2,
        Lang::Pl => 3,
        Lang::Pt => 4,
        _ => return None,
    };
    Some(row[i])
}

fn local_title(rng: &mut Rng, core: &str, lang: Lang, sen: Seniority) -> (String, String) {
    use Seniority::*;
    let pat: &[&str] = match (lang, sen) {
        (Lang::De, Intern) => &["Werkstudent {}", "Praktikum {}", "Werkstudent*in {}"],
        (Lang::De, Junior) => &["Junior {}"],
        (Lang::De, Senior) => &["Senior {}"],
        (Lang::De, Staff) => &["Lead {}"],
        (Lang::De, Principal) => &["Principal {}"],
        (Lang::Fr, Intern) => &["Stagiaire {}", "Stage - {}", "Alternance - {}"],
        (Lang::Fr, Junior) => &["{} Junior"],
        (Lang::Fr, Senior) => &["{} Senior", "{} Confirmé"],
        (Lang::Fr, Staff) => &["Lead {}", "{} Lead"],
        (Lang::Fr, Principal) => &["{} Expert"],
        (Lang::Es, Intern) => &["Becario/a {}", "Prácticas - {}"],
        (Lang::Es, Junior) => &["{} Junior"],
        (Lang::Es, Senior) => &["{} Senior", "{} Sénior"],
        (Lang::Es, Staff) => &["Lead {}"],
        (Lang::Es, Principal) => &["{} Principal"],
        (Lang::Pl, Intern) => &["Stażysta - {}", "Praktykant - {}"],
        (Lang::Pl, Junior) => &["Młodszy {}", "Junior {}"],
        (Lang::Pl, Mid) => &["{}", "Mid {}", "Regular {}"],
        (Lang::Pl, Senior) => &["Starszy {}", "Senior {}"],
        (Lang::Pl, Staff) => &["Lead {}"],
        (Lang::Pl, Principal) => &["Principal {}"],
        (Lang::Pt, Intern) => &["Estágio - {}", "Estagiário {}"],
        (Lang::Pt, Junior) => &["{} Júnior", "{} Jr"],
        (Lang::Pt, Mid) => &["{} Pleno", "{}"],
        (Lang::Pt, Senior) => &["{} Sênior", "{} Sr"],
        (Lang::Pt, Staff) => &["{} Especialista", "Tech Lead {}"],
        (Lang::Pt, Principal) => &["{} Principal"],
        _ => &["{}"],
    };
    let mut t = rng.pick(pat).replace("{}", core);
    let base = t.clone();
    match lang {
        Lang::De if rng.chance(80.0) => t.push_str(rng.pick_str(&[
            " (m/w/d)",
            " (m/w/d)",
            " (w/m/d)",
            " (all genders)",
            " (m/f/d)",
        ])),
        Lang::Fr if rng.chance(60.0) => t.push_str(rng.pick_str(&[" (H/F)", " (F/H)", " H/F"])),
        _ => {}
    }
    (t, base)
}

fn is_engineer(core: &str) -> bool {
    core.ends_with("Engineer") || core.ends_with("Developer")
}

fn english_title(
    rng: &mut Rng,
    fam: &Family,
    core: &str,
    sen: Seniority,
    lang: Lang,
    department: &str,
) -> String {
    use Seniority::*;
    if sen == Head {
        let area = if fam.kind == RoleFamily::Other {
            department
        } else {
            fam.area
        };
        let pat = rng.pick(&[
            "Head of {}",
            "Director of {}",
            "VP of {}",
            "Director, {}",
            "Senior Director of {}",
            "VP, {}",
            "Head of {}",
        ]);
        return pat.replace("{}", area);
    }
    let eng = is_engineer(core);
    let pats: &[&str] = match sen {
        Intern => &[
            "{} Intern",
            "Intern, {}",
            "{} Internship",
            "Summer 2027 Intern - {}",
            "{} Co-op",
            "Working Student – {}",
        ],
        Junior if eng => &[
            "Junior {}",
            "Jr. {}",
            "Associate {}",
            "Graduate {}",
            "Entry-Level {}",
            "{} I",
            "Junior {}",
        ],
        Junior => &["Junior {}", "Jr. {}", "Associate {}", "Entry-Level {}"],
        Mid if eng => &["{}", "{}", "{}", "{} II", "Mid-Level {}", "{} (Mid)"],
        Mid if lang == Lang::Nl => &["Medior {}", "{}"],
        Mid => &["{}"],
        Senior if eng => &[
            "Senior {}",
            "Senior {}",
            "Sr. {}",
            "{} III",
            "Sr {}",
            "{} - Senior",
            "Senior {}",
        ],
        Senior => &["Senior {}", "Senior {}", "Sr. {}"],
        Staff => &["Staff {}", "Lead {}", "Staff {}"],
        Principal => &[
            "Principal {}",
            "Senior Staff {}",
            "Principal {}",
            "Distinguished {}",
        ],
        Head => &["{}"],
    };
    rng.pick(pats).replace("{}", core)
}

pub struct Title {
    /// As posted: "Sr. Backend Engineer (Go) (m/w/d)".
    pub full: String,
    /// Without brackets and suffixes, for use in prose: "Sr. Backend Engineer".
    pub base: String,
    /// The language/stack the title names, if any (then a required skill).
    pub stack: Option<&'static str>,
    /// Whether the title is in the local language rather than English.
    pub local: bool,
}

/// A title for a job of `fam` at `sen`; `lang` is the hiring country's language.
#[allow(clippy::too_many_arguments)]
pub fn make(
    rng: &mut Rng,
    fam: &Family,
    sen: Seniority,
    lang: Lang,
    emp: Emp,
    team: &str,
    department: &str,
    remote: bool,
) -> Title {
    if sen != Seniority::Head && rng.chance(35.0) {
        if let Some(core) = local_core(fam.kind, lang) {
            let (full, base) = local_title(rng, core, lang, sen);
            return Title {
                full,
                base,
                stack: None,
                local: true,
            };
        }
    }
    let core = rng.pick_str(fam.titles);
    let mut t = english_title(rng, fam, core, sen, lang, department);
    let base = t.clone();
    let mut stack = None;
    if sen != Seniority::Head {
        if !fam.title_langs.is_empty() && rng.chance(18.0) {
            let l = *rng.pick(fam.title_langs);
            if !t.contains(l) && !t.ends_with(')') {
                t.push_str(&format!(" ({l})"));
                stack = Some(l);
            }
        } else if rng.chance(12.0) && fam.kind != RoleFamily::Other && !t.contains(",") {
            t.push_str(rng.pick_str(&[", ", " - ", ", "]));
            t.push_str(team);
        }
    }
    match lang {
        Lang::De if rng.chance(55.0) => {
            t.push_str(rng.pick_str(&[" (m/w/d)", " (w/m/d)", " (all genders)", " (f/m/x)"]))
        }
        Lang::Fr if rng.chance(35.0) => t.push_str(rng.pick_str(&[" (H/F)", " (F/H)"])),
        _ => {}
    }
    if emp == Emp::Contract && rng.chance(35.0) {
        t.push_str(rng.pick_str(&[
            " - Contract",
            " (Contract)",
            " (12-month contract)",
            " (Freelance)",
            " - 6 Month Contract",
        ]));
    } else if remote && rng.chance(12.0) {
        t.push_str(rng.pick_str(if t.ends_with(')') {
            &[" - Remote", " | Remote"]
        } else {
            &[" - Remote", " (Remote)", " | Remote"]
        }));
    }
    Title {
        full: t,
        base,
        stack,
        local: false,
    }
}
