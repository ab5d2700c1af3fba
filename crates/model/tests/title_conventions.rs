//! One test per convention of the `hirekit normalize title` contract.

use hirekit_model::title::normalize_title;
use hirekit_model::{RoleFamily as F, Seniority as S, Track as T};

fn sen(t: &str) -> Option<S> {
    normalize_title(t).seniority
}
fn fam(t: &str) -> F {
    normalize_title(t).role_family
}
fn track(t: &str) -> T {
    normalize_title(t).track
}

#[track_caller]
fn check_sen(cases: &[(&str, Option<S>)]) {
    for (t, want) in cases {
        assert_eq!(sen(t), *want, "seniority of {t:?}");
    }
}

#[track_caller]
fn check_fam(cases: &[(&str, F)]) {
    for (t, want) in cases {
        assert_eq!(fam(t), *want, "family of {t:?}");
    }
}

#[test]
fn senior_and_junior_abbreviations() {
    check_sen(&[
        ("Sr. Software Engineer", Some(S::Senior)),
        ("Sr Data Analyst", Some(S::Senior)),
        ("Senior Backend Engineer", Some(S::Senior)),
        ("Jr. Data Analyst", Some(S::Junior)),
        ("Junior PHP Developer", Some(S::Junior)),
        ("Engenheiro de Software Sênior", Some(S::Senior)),
        ("Desenvolvedor Mobile Júnior", Some(S::Junior)),
    ]);
}

#[test]
fn roman_and_arabic_numerals() {
    check_sen(&[
        ("Software Engineer I", Some(S::Junior)),
        ("Data Engineer II", Some(S::Mid)),
        ("Software Engineer III, Infrastructure", Some(S::Senior)),
        ("Systems Engineer IV", Some(S::Staff)),
        ("Agency Attorney 2", Some(S::Mid)),
        ("Help Desk Level 1 Representative", Some(S::Junior)),
        ("SOFTWARE ENGINEER II", Some(S::Mid)),
        // Numbers that are not levels.
        ("Title IV Coordinator", None),
        ("Warehouse Associate - 2nd Shift", None),
        ("NAI / NAII - 2 South Medical-Surgical", None),
    ]);
}

#[test]
fn google_style_levels() {
    check_sen(&[
        ("Software Engineer L3", Some(S::Junior)),
        ("Software Engineer, L4", Some(S::Mid)),
        ("Backend Engineer (L5)", Some(S::Senior)),
        ("Staff Engineer L6", Some(S::Staff)),
        ("Software Engineer - L7", Some(S::Principal)),
    ]);
}

#[test]
fn lead_forms_are_staff_and_ic() {
    for t in [
        "Lead Data Engineer",
        "Tech Lead, Payments",
        "Team Lead Backend",
        "Data Scientist Lead",
        "Teamleiter IT (m/w/d)",
    ] {
        assert_eq!(sen(t), Some(S::Staff), "{t}");
        assert_eq!(track(t), T::Ic, "{t}");
    }
    check_sen(&[("Software Engineer, Inference - TL", Some(S::Staff))]);
}

#[test]
fn staff_plus_levels() {
    check_sen(&[
        ("Staff Software Engineer", Some(S::Staff)),
        ("Staff+ Engineer, Platform", Some(S::Staff)),
        ("Senior Staff Software Engineer", Some(S::Staff)),
        ("Principal Data Engineer", Some(S::Principal)),
        ("Distinguished Engineer", Some(S::Principal)),
        ("Fellow, Machine Learning", Some(S::Principal)),
        // "Staff" outside technical roles is not a level.
        ("Staff Accountant", None),
        ("Staff Nurse", None),
    ]);
}

#[test]
fn associate_entry_graduate_are_junior() {
    check_sen(&[
        ("Associate Software Engineer", Some(S::Junior)),
        ("Entry Level SQL Developer", Some(S::Junior)),
        ("Graduate Software Engineer", Some(S::Junior)),
        ("Software Engineer - New Grad 2025", Some(S::Junior)),
        ("Software Engineer – University Graduate", Some(S::Junior)),
        // "Associate" as a role noun is no level.
        ("Sales Associate", None),
        ("Real Estate Broker Associate", None),
    ]);
}

#[test]
fn internship_forms() {
    for t in [
        "Software Engineering Intern",
        "Software Developer Co-op - 4 months",
        "Graduate Trainee Data Analyst",
        "Apprentice Electrician",
        "Werkstudent Softwareentwicklung (m/w/d)",
        "Praktikant Data Science (m/w/d)",
        "Stagiaire Data Analyst (H/F)",
        "Alternance - Développeur Web (H/F)",
        "Becario/Prácticas Desarrollo de Software",
        "Estagiário em Desenvolvimento de Software",
        "Summer 2025 Internship - Trading",
    ] {
        assert_eq!(sen(t), Some(S::Intern), "{t}");
    }
}

#[test]
fn mid_cues_and_no_default_mid() {
    check_sen(&[
        ("Mid-Level Backend Developer", Some(S::Mid)),
        ("Intermediate Data Analyst", Some(S::Mid)),
        ("Desenvolvedor Full Stack Pleno", Some(S::Mid)),
        ("Middle Frontend Developer", Some(S::Mid)),
        ("Analista de Datos Semi Senior", Some(S::Mid)),
        // No cue in the title → None, never mid.
        ("Data Scientist", None),
        ("Software Engineer", None),
        ("Middle School Teacher", None),
    ]);
}

#[test]
fn ranges_take_the_lower_level() {
    check_sen(&[
        ("Mid/Senior PHP Developer", Some(S::Mid)),
        ("iOS Senior/Lead Developer", Some(S::Senior)),
        ("Principal/Lead Java Developer", Some(S::Staff)),
        ("Android Developer (mid / senior)", Some(S::Mid)),
    ]);
}

#[test]
fn heads_directors_vps_cxos() {
    for t in [
        "Director of Engineering",
        "Head of Data Science",
        "VP, Engineering",
        "Vice President of Product",
        "Chief Technology Officer",
        "CTO",
        "Senior Director, Software Engineering",
        "Associate Director of IT",
        "Leiter Softwareentwicklung (m/w/d)",
    ] {
        assert_eq!(sen(t), Some(S::Head), "{t}");
        assert_eq!(track(t), T::Manager, "{t}");
    }
}

#[test]
fn managers_have_seniority_only_from_explicit_cues() {
    check_sen(&[
        ("Engineering Manager", None),
        ("Senior Engineering Manager", Some(S::Senior)),
        ("Senior Manager, Engineering", Some(S::Senior)),
        ("Gerente de Ingeniería de Software", None),
    ]);
    for t in [
        "Engineering Manager",
        "Senior Manager, Engineering",
        "Software Engineering Manager",
        "Gerente de Ingeniería de Software",
    ] {
        assert_eq!(fam(t), F::EngineeringManagement, "{t}");
        assert_eq!(track(t), T::Manager, "{t}");
    }
}

#[test]
fn product_project_account_managers_are_ic() {
    for (t, f) in [
        ("Senior Product Manager", F::ProductManagement),
        ("Product Owner", F::ProductManagement),
        ("Gerente de Produto", F::ProductManagement),
        ("Project Manager", F::Other),
        ("Technical Program Manager", F::Other),
        ("Key Account Manager", F::Other),
        ("Chef de projet informatique (H/F)", F::Other),
        ("Jefe de Proyecto IT", F::Other),
    ] {
        assert_eq!(track(t), T::Ic, "{t}");
        assert_eq!(fam(t), f, "{t}");
    }
    for t in [
        "Operations Manager",
        "Store Manager",
        "Data Science Manager",
        "Restaurant Supervisor",
    ] {
        assert_eq!(track(t), T::Manager, "{t}");
    }
}

#[test]
fn member_of_technical_staff_and_requisition_ids_are_no_level() {
    check_sen(&[
        ("Member of Technical Staff", None),
        ("Member of Technical Staff, Data Platform", None),
        ("Senior Member of Technical Staff", Some(S::Senior)),
        ("Software Engineer - R12345", None),
        ("Data Engineer (REQ-2024-0042)", None),
        (
            "Sr. Big Data Developer- Copy #1 of 2018-4506",
            Some(S::Senior),
        ),
    ]);
}

#[test]
fn noise_is_ignored() {
    let base = normalize_title("Softwareentwickler");
    for t in [
        "Softwareentwickler (m/w/d)",
        "Softwareentwickler (w/m/d) - Remote",
        "Softwareentwickler (f/m/x) | Berlin",
        "Softwareentwickler #LI-Remote",
        "Softwareentwickler (gn)",
    ] {
        assert_eq!(normalize_title(t), base, "{t}");
    }
    assert_eq!(fam("Développeur Full Stack (H/F)"), F::Fullstack);
    assert_eq!(fam("Data Scientist - San Francisco, CA"), F::DataScience);
}

#[test]
fn analysts() {
    check_fam(&[
        ("Data Analyst", F::DataScience),
        ("BI Analyst", F::DataScience),
        ("Product Analyst", F::DataScience),
        ("Senior Analyst, Data Science", F::DataScience),
        ("Business Analyst", F::Other),
        ("Business Systems Analyst", F::Other),
        ("Systems Analyst", F::Other),
        ("Financial Analyst", F::Other),
        ("Security Analyst", F::Security),
        ("Datenanalyst (m/w/d)", F::DataScience),
    ]);
}

#[test]
fn data_roles() {
    check_fam(&[
        ("Data Engineer", F::DataEngineering),
        ("Ingeniero de datos", F::DataEngineering),
        ("Database Administrator", F::DataEngineering),
        ("DBA", F::DataEngineering),
        ("ETL Developer", F::DataEngineering),
        ("Data Scientist", F::DataScience),
        ("Científico de Datos", F::DataScience),
        ("Machine Learning Engineer", F::MachineLearning),
        ("Applied Scientist", F::MachineLearning),
        ("Data Entry Clerk", F::Other),
    ]);
}

#[test]
fn web_developer_is_fullstack() {
    check_fam(&[
        ("Web Developer", F::Fullstack),
        ("Full Stack Engineer", F::Fullstack),
        ("Frontend Developer", F::Frontend),
        ("React Developer", F::Frontend),
        ("Backend Engineer", F::Backend),
        ("Java Developer", F::Backend),
        ("Web Designer", F::Design),
    ]);
}

#[test]
fn generic_software_and_specialties() {
    check_fam(&[
        ("Software Engineer", F::Software),
        ("Softwareentwickler (m/w/d)", F::Software),
        ("Ingénieur logiciel", F::Software),
        ("Desarrollador", F::Software),
        ("Software Engineer, Platform", F::Devops),
        ("Site Reliability Engineer", F::Devops),
        ("Cloud Infrastructure Engineer", F::Devops),
        ("iOS Engineer", F::Mobile),
        ("Embedded Software Engineer", F::Embedded),
        ("Firmware Engineer", F::Embedded),
        ("QA Engineer", F::Qa),
        ("SDET", F::Qa),
        ("Security Engineer", F::Security),
        ("Penetration Tester", F::Security),
        ("UX Designer", F::Design),
    ]);
}

#[test]
fn architects() {
    check_fam(&[
        ("Solutions Architect", F::Architecture),
        ("Enterprise Architect", F::Architecture),
        ("Data Architect", F::Architecture),
        ("Cloud Architect", F::Architecture),
        ("Landscape Architect", F::Other),
    ]);
}

#[test]
fn non_software_jobs_are_other() {
    check_fam(&[
        ("Registered Nurse", F::Other),
        ("Truck Driver", F::Other),
        ("Staff Accountant", F::Other),
        ("Sales Representative", F::Other),
        ("Electrical Engineer", F::Other),
        ("Civil Engineer", F::Other),
        ("Customer Success Engineer", F::Other),
        ("Krankenpfleger (m/w/d)", F::Other),
        ("Infirmier (H/F)", F::Other),
        ("Ingenieur Elektrotechnik (m/w/d)", F::Other),
        ("Motorista de Caminhão", F::Other),
    ]);
}

#[test]
fn manager_family_is_the_area_managed() {
    check_fam(&[
        ("Data Science Manager", F::DataScience),
        ("Director of Data Science", F::DataScience),
        ("Information Security Manager", F::Security),
        ("Director of Engineering", F::EngineeringManagement),
        ("CTO", F::EngineeringManagement),
        ("Head of Product", F::ProductManagement),
        ("Head of Design", F::Design),
        ("Director of Sales", F::Other),
        (
            "Responsable Sécurité des Systèmes d'Information (H/F)",
            F::Security,
        ),
    ]);
}

#[test]
fn position_dependent_words() {
    // "Student" is a level before a role, not in "Student Services".
    check_sen(&[
        ("Student Developer", Some(S::Intern)),
        ("Working Student Data Engineering", Some(S::Intern)),
        ("Student Services Coordinator", None),
        // A trailing "Staff" is a noun; "Fellow" after a programme name is a fellowship.
        ("Design Support Staff", None),
        ("Technical Fellow", Some(S::Principal)),
        ("Software Engineer - Grade I", Some(S::Junior)),
        ("Teacher for grades K-3", None),
    ]);
    check_fam(&[
        ("Systems Engineer", F::Devops),
        ("System Software Engineer", F::Software),
        ("Mechanical Systems Design Engineer", F::Other),
        ("Fruit Tester", F::Other),
        ("Software Tester", F::Qa),
        ("Mobile Plant Operators", F::Other),
        ("Clinical Research Scientist", F::Other),
        ("Research Scientist", F::MachineLearning),
        ("Engineering Project Manager", F::Other),
    ]);
}
