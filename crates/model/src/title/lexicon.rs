//! Keyword tables: phrases (lowercase, accents folded, one space between tokens) and what
//! they tell about a title. Matching is longest-phrase-first, so "data entry" wins over "data"
//! and "product security" over "product".

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// FxHash: the keys are short ASCII words from our own table, so a fast non-keyed hash
/// is safe (an attacker cannot grow our buckets) and much quicker than SipHash.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// The head noun of a role: what kind of job it is, before the specialty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    /// developer, programmer, Entwickler… — always software.
    Eng,
    /// engineer, Ingenieur, engineering — software only with software cues.
    EngAmbig,
    Sci,
    Analyst,
    Architect,
    /// manager, Leiter, gerente, supervisor… (manager track unless an IC kind of manager).
    Mgr,
    /// director, VP, head of, CxO: manager track and `head` level.
    Head,
    Designer,
    Admin,
    Tester,
    /// specialist, consultant, coordinator… — family from the specialty, else other.
    Generic,
    /// technician, clerk, nurse… — other whatever the specialty.
    Other,
}

/// Specialty words. The order of variants is not used; `rank` decides precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dom {
    Ml,
    Security,
    Qa,
    DataSci,
    Analytics,
    Data,
    Embedded,
    DevOps,
    /// "systems", "network": infrastructure only right before engineer/administrator.
    DevOpsAdj,
    Mobile,
    Frontend,
    Backend,
    /// "search", "storage": backend only as the area of an engineer.
    BackendArea,
    Fullstack,
    Design,
    /// the bare word "design": a design role for managers, an engineering discipline for engineers.
    DesignWord,
    /// research, applied: ML for engineers and scientists.
    Research,
    /// "quality": QA for engineers only.
    QaWeak,
    Web,
    LangFe,
    LangBe,
    Software,
    /// application, app, desktop, SAP…: software only as the kind of an engineer.
    SoftwareAdj,
    Product,
    /// engineering / technology as the area a manager runs.
    EngMgmt,
    /// business, systems analysis: analysts that are not data analysts.
    Business,
    /// project, program, account, client…: managers of these are individual contributors.
    IcArea,
    /// electrical, civil, sales, support…: non-software engineering and trades.
    NonTech,
}

impl Dom {
    /// Precedence when several specialties compete for one role.
    pub fn rank(self) -> u8 {
        match self {
            Dom::Ml => 100,
            Dom::Security => 95,
            Dom::Qa => 90,
            Dom::DataSci => 86,
            Dom::Analytics => 85,
            Dom::Data => 84,
            Dom::Embedded => 80,
            Dom::DevOps | Dom::DevOpsAdj => 75,
            Dom::Mobile => 70,
            Dom::Frontend | Dom::Backend | Dom::Fullstack => 60,
            Dom::Design => 58,
            Dom::Research => 56,
            Dom::BackendArea => 55,
            Dom::DesignWord => 52,
            Dom::QaWeak => 50,
            Dom::Web => 45,
            Dom::LangFe | Dom::LangBe => 40,
            Dom::Software | Dom::SoftwareAdj => 30,
            Dom::Product => 28,
            Dom::EngMgmt => 25,
            Dom::Business => 20,
            Dom::IcArea => 18,
            Dom::NonTech => 10,
        }
    }
    /// Strong specialties decide a family on their own; weak ones (languages, "web",
    /// "software") only when nothing stronger is said.
    pub fn strong(self) -> bool {
        self.rank() >= 50
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lvl {
    Intern,
    Junior,
    Mid,
    Senior,
    /// "staff": a level only for technical roles.
    Staff,
    /// lead, tech lead, team lead → staff.
    Lead,
    Principal,
    Distinguished,
    Fellow,
    Head,
    /// "chief": C-level, or just part of a name ("Office of the Chief …").
    Chief,
    /// "associate": a level before a role ("Associate Engineer"), a role noun after one.
    Associate,
    /// "level", "niveau", "nivel": a number after it is a level.
    LevelWord,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    N(Noun),
    D(Dom),
    L(Lvl),
    /// Known words that neither add nor block anything (founding, remote, new…).
    Neutral,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Cue {
    pub noun: Option<Noun>,
    pub dom: Option<Dom>,
    pub lvl: Option<Lvl>,
    pub neutral: bool,
}

use Dom as D;
use Lvl as L;
use Noun as N;
use Tag::{Neutral as X, D as d, L as l, N as n};

#[rustfmt::skip]
const ENTRIES: &[(&str, Tag)] = &[
    // ---- nouns: software engineering -------------------------------------------------
    ("developer", n(N::Eng)), ("developers", n(N::Eng)), ("dev", n(N::Eng)), ("devs", n(N::Eng)),
    ("programmer", n(N::Eng)), ("programmers", n(N::Eng)), ("coder", n(N::Eng)),
    ("programmer analyst", n(N::Eng)), ("swe", n(N::Eng)), ("sde", n(N::Eng)),
    ("software development engineer", n(N::Eng)), ("software development engineer", d(D::Software)),
    ("member of technical staff", n(N::Eng)), ("mts", n(N::Eng)),
    ("computer scientist", n(N::Eng)),
    ("entwickler", n(N::Eng)), ("entwicklerin", n(N::Eng)), ("entwicklung", n(N::Eng)),
    ("informatiker", n(N::Eng)), ("informatikerin", n(N::Eng)), ("programmierer", n(N::Eng)),
    ("developpeur", n(N::Eng)), ("developpeuse", n(N::Eng)), ("developpement", n(N::Eng)),
    ("desarrollador", n(N::Eng)), ("desarrolladora", n(N::Eng)), ("desarrollo", n(N::Eng)),
    ("programador", n(N::Eng)), ("programadora", n(N::Eng)),
    ("desenvolvedor", n(N::Eng)), ("desenvolvedora", n(N::Eng)), ("desenvolvimento", n(N::Eng)),
    ("programista", n(N::Eng)), ("sviluppatore", n(N::Eng)),
    ("engineer", n(N::EngAmbig)), ("engineers", n(N::EngAmbig)), ("eng", n(N::EngAmbig)),
    ("engineering", n(N::EngAmbig)), ("ingenieur", n(N::EngAmbig)), ("ingenieurin", n(N::EngAmbig)),
    ("ingeniero", n(N::EngAmbig)), ("ingeniera", n(N::EngAmbig)), ("ingenieria", n(N::EngAmbig)),
    ("engenheiro", n(N::EngAmbig)), ("engenheira", n(N::EngAmbig)), ("engenharia", n(N::EngAmbig)),
    ("ingegnere", n(N::EngAmbig)), ("inzynier", n(N::EngAmbig)), ("modeler", n(N::EngAmbig)),
    ("modeller", n(N::EngAmbig)), ("development", X),
    ("webmaster", n(N::Eng)), ("webmaster", d(D::Web)),
    ("devops", d(D::DevOps)), ("dev ops", d(D::DevOps)), ("devsecops", d(D::DevOps)),
    ("sre", d(D::DevOps)), ("sres", d(D::DevOps)),
    ("sdet", n(N::Tester)), ("sdet", d(D::Qa)), ("tester", n(N::Tester)), ("testerin", n(N::Tester)),
    ("qa", n(N::Tester)), ("qa", d(D::Qa)), ("qe", d(D::Qa)),
    ("manual tester", n(N::Tester)), ("manual tester", d(D::Qa)), ("manual testing", d(D::Qa)),
    ("pentester", n(N::Tester)), ("pentester", d(D::Security)),
    ("penetration tester", n(N::Tester)), ("penetration tester", d(D::Security)),
    ("scientist", n(N::Sci)), ("scientists", n(N::Sci)), ("researcher", n(N::Sci)),
    ("cientifico", n(N::Sci)), ("cientifica", n(N::Sci)), ("cientista", n(N::Sci)),
    ("wissenschaftler", n(N::Sci)), ("wissenschaftlerin", n(N::Sci)), ("chercheur", n(N::Sci)),
    ("analyst", n(N::Analyst)), ("analysts", n(N::Analyst)), ("analysis", n(N::Analyst)),
    ("analista", n(N::Analyst)), ("analityk", n(N::Analyst)), ("analystin", n(N::Analyst)),
    ("analytiker", n(N::Analyst)), ("analyste", n(N::Analyst)),
    ("architect", n(N::Architect)), ("architects", n(N::Architect)), ("architekt", n(N::Architect)),
    ("architektin", n(N::Architect)), ("architecte", n(N::Architect)), ("arquitecto", n(N::Architect)),
    ("arquiteto", n(N::Architect)), ("arquitecta", n(N::Architect)),
    ("designer", n(N::Designer)), ("designers", n(N::Designer)), ("designerin", n(N::Designer)),
    ("disenador", n(N::Designer)), ("disenadora", n(N::Designer)),
    ("administrator", n(N::Admin)), ("admin", n(N::Admin)), ("administratorin", n(N::Admin)),
    ("administrador", n(N::Admin)), ("administrateur", n(N::Admin)), ("sysadmin", n(N::Admin)),
    ("sysadmin", d(D::DevOps)), ("dba", n(N::Admin)), ("dba", d(D::Data)),
    // ---- nouns: management ------------------------------------------------------------
    ("manager", n(N::Mgr)), ("managers", n(N::Mgr)), ("mgr", n(N::Mgr)), ("managerin", n(N::Mgr)),
    ("supervisor", n(N::Mgr)), ("supervising", n(N::Mgr)), ("superintendent", n(N::Mgr)),
    ("leiter", n(N::Head)), ("leiterin", n(N::Head)), ("leitung", n(N::Head)),
    ("gerente", n(N::Mgr)), ("jefe", n(N::Mgr)), ("jefa", n(N::Mgr)), ("responsable", n(N::Mgr)),
    ("chef de", n(N::Mgr)), ("chef d", n(N::Mgr)), ("coordenador", n(N::Mgr)),
    ("coordenadora", n(N::Mgr)), ("coordinador", n(N::Mgr)), ("coordinadora", n(N::Mgr)),
    ("gestor", n(N::Mgr)), ("gestora", n(N::Mgr)), ("kierownik", n(N::Mgr)),
    ("director", n(N::Head)), ("directors", n(N::Head)), ("directeur", n(N::Head)),
    ("directrice", n(N::Head)), ("directora", n(N::Head)), ("diretor", n(N::Head)),
    ("diretora", n(N::Head)), ("direktor", n(N::Head)), ("dyrektor", n(N::Head)),
    ("vp", n(N::Head)), ("svp", n(N::Head)), ("evp", n(N::Head)), ("avp", n(N::Head)),
    ("vice president", n(N::Head)), ("vice presidente", n(N::Head)),
    ("head of", n(N::Head)), ("cto", n(N::Head)), ("cto", d(D::EngMgmt)),
    ("chief technology officer", n(N::Head)), ("chief technology officer", d(D::EngMgmt)),
    ("chief technical officer", n(N::Head)), ("chief technical officer", d(D::EngMgmt)),
    ("chief information officer", n(N::Head)), ("chief information officer", d(D::EngMgmt)),
    ("chief data officer", n(N::Head)), ("chief data officer", d(D::Data)),
    ("cio", n(N::Head)), ("cio", d(D::EngMgmt)), ("ciso", n(N::Head)), ("ciso", d(D::Security)),
    ("ceo", n(N::Head)), ("cfo", n(N::Head)), ("coo", n(N::Head)), ("cmo", n(N::Head)),
    ("cpo", n(N::Head)), ("cro", n(N::Head)), ("cdo", n(N::Head)),
    ("president", n(N::Head)),
    // ---- nouns: generic and other -------------------------------------------------------
    ("specialist", n(N::Generic)), ("specialists", n(N::Generic)), ("consultant", n(N::Generic)),
    ("consultants", n(N::Generic)), ("coordinator", n(N::Generic)), ("co ordinator", n(N::Generic)),
    ("officer", n(N::Generic)), ("expert", n(N::Generic)), ("strategist", n(N::Generic)),
    ("practitioner", n(N::Generic)), ("professional", n(N::Generic)), ("advisor", n(N::Generic)),
    ("adviser", n(N::Generic)), ("berater", n(N::Generic)), ("beraterin", n(N::Generic)),
    ("spezialist", n(N::Generic)), ("spezialistin", n(N::Generic)), ("especialista", n(N::Generic)),
    ("consultor", n(N::Generic)), ("consultora", n(N::Generic)), ("consultant e", n(N::Generic)),
    ("owner", n(N::Generic)), ("steward", n(N::Generic)), ("evangelist", n(N::Generic)),
    ("technician", n(N::Other)), ("tech", d(D::EngMgmt)), ("technicians", n(N::Other)),
    ("clerk", n(N::Other)), ("operator", n(N::Other)), ("annotator", n(N::Other)),
    ("labeler", n(N::Other)), ("driver", n(N::Other)),
    ("nurse", n(N::Other)), ("writer", n(N::Other)), ("editor", n(N::Other)),
    ("recruiter", n(N::Other)), ("teacher", n(N::Other)), ("instructor", n(N::Other)),
    ("trainer", n(N::Other)), ("tutor", n(N::Other)), ("mentor", n(N::Other)),
    ("mentors", n(N::Other)), ("reviewer", n(N::Other)), ("representative", n(N::Other)),
    ("assistant", n(N::Other)), ("receptionist", n(N::Other)), ("mechanic", n(N::Other)),
    ("installer", n(N::Other)), ("accountant", n(N::Other)), ("attorney", n(N::Other)),
    ("lawyer", n(N::Other)), ("paralegal", n(N::Other)), ("agent", n(N::Other)),
    ("courier", n(N::Other)), ("inspector", n(N::Other)), ("auditor", n(N::Other)),
    ("investigator", n(N::Other)), ("trader", n(N::Other)), ("buyer", n(N::Other)),
    ("planner", n(N::Other)), ("estimator", n(N::Other)), ("professor", n(N::Other)),
    ("lecturer", n(N::Other)), ("physician", n(N::Other)), ("therapist", n(N::Other)),
    ("pharmacist", n(N::Other)), ("counselor", n(N::Other)),
    ("guard", n(N::Other)), ("cashier", n(N::Other)), ("electrician", n(N::Other)),
    ("enfermero", n(N::Other)), ("enfermera", n(N::Other)), ("infirmier", n(N::Other)),
    ("infirmiere", n(N::Other)), ("krankenpfleger", n(N::Other)), ("motorista", n(N::Other)),
    ("fahrer", n(N::Other)), ("buchhalter", n(N::Other)), ("contable", n(N::Other)),
    ("comptable", n(N::Other)), ("contador", n(N::Other)), ("vendedor", n(N::Other)),
    ("scrum master", n(N::Other)), ("agile coach", n(N::Other)), ("coach", n(N::Other)),
    // ---- specialties -------------------------------------------------------------------
    ("machine learning", d(D::Ml)), ("ml", d(D::Ml)), ("ai", d(D::Ml)), ("a i", d(D::Ml)),
    ("artificial intelligence", d(D::Ml)), ("deep learning", d(D::Ml)), ("computer vision", d(D::Ml)),
    ("nlp", d(D::Ml)), ("natural language processing", d(D::Ml)), ("llm", d(D::Ml)),
    ("llms", d(D::Ml)), ("genai", d(D::Ml)), ("gen ai", d(D::Ml)), ("generative ai", d(D::Ml)),
    ("mlops", d(D::Ml)), ("ml ops", d(D::Ml)), ("inference", d(D::Ml)), ("pretraining", d(D::Ml)),
    ("pre training", d(D::Ml)), ("post training", d(D::Ml)), ("reinforcement learning", d(D::Ml)),
    ("perception", d(D::Ml)), ("speech recognition", d(D::Ml)), ("kunstliche intelligenz", d(D::Ml)),
    ("ki", d(D::Ml)), ("ia", d(D::Ml)), ("aprendizaje automatico", d(D::Ml)),
    ("apprentissage automatique", d(D::Ml)), ("pytorch", d(D::Ml)), ("tensorflow", d(D::Ml)),
    ("security", d(D::Security)), ("cybersecurity", d(D::Security)), ("cyber", d(D::Security)),
    ("infosec", d(D::Security)), ("information security", d(D::Security)), ("appsec", d(D::Security)),
    ("application security", d(D::Security)), ("product security", d(D::Security)),
    ("incident response", d(D::Security)), ("soc", d(D::Security)), ("penetration", d(D::Security)),
    ("threat", d(D::Security)), ("siem", d(D::Security)), ("iam", d(D::Security)),
    ("vulnerability", d(D::Security)), ("privacy", d(D::Security)), ("sicherheit", d(D::Security)), ("sicherheits", d(D::Security)),
    ("it sicherheit", d(D::Security)), ("securite", d(D::Security)), ("seguridad", d(D::Security)),
    ("seguranca", d(D::Security)), ("ciberseguridad", d(D::Security)), ("ciberseguranca", d(D::Security)),
    ("cybersecurite", d(D::Security)),
    ("security guard", n(N::Other)), ("security officer", n(N::Other)),
    ("quality assurance", d(D::Qa)), ("test", d(D::Qa)), ("testing", d(D::Qa)), ("tests", d(D::Qa)),
    ("test automation", d(D::Qa)), ("automation test", d(D::Qa)), ("qa automation", d(D::Qa)),
    ("software quality", d(D::Qa)), ("qualitatssicherung", d(D::Qa)), ("quality", d(D::QaWeak)),
    ("calidad", d(D::QaWeak)), ("qualite", d(D::QaWeak)), ("qualidade", d(D::QaWeak)),
    ("quality control", d(D::NonTech)),
    ("data science", d(D::DataSci)), ("decision science", d(D::DataSci)), ("decision", d(D::DataSci)),
    ("statistics", d(D::DataSci)), ("statistical", d(D::DataSci)), ("statistician", n(N::Analyst)),
    ("statistician", d(D::DataSci)), ("ciencia de datos", d(D::DataSci)),
    ("ciencia de dados", d(D::DataSci)), ("data sciences", d(D::DataSci)),
    ("analytics", d(D::Analytics)), ("analytic", d(D::Analytics)), ("business intelligence", d(D::Analytics)),
    ("bi", d(D::Analytics)), ("power bi", d(D::Analytics)), ("powerbi", d(D::Analytics)), ("operations research", d(D::DataSci)), ("tableau", d(D::Analytics)),
    ("insights", d(D::Analytics)), ("insight", d(D::Analytics)), ("reporting", d(D::Analytics)),
    ("visualization", d(D::Analytics)), ("visualisation", d(D::Analytics)), ("product analytics", d(D::Analytics)),
    ("marketing analytics", d(D::Analytics)),
    ("data", d(D::Data)), ("big data", d(D::Data)), ("etl", d(D::Data)), ("elt", d(D::Data)),
    ("database", d(D::Data)), ("databases", d(D::Data)), ("sql", d(D::Data)), ("hadoop", d(D::Data)),
    ("spark", d(D::Data)), ("data platform", d(D::Data)), ("data infrastructure", d(D::Data)),
    ("data warehouse", d(D::Data)), ("dwh", d(D::Data)), ("datawarehouse", d(D::Data)),
    ("snowflake", d(D::Data)), ("databricks", d(D::Data)), ("dbt", d(D::Data)),
    ("informatica", d(D::Data)), ("datos", d(D::Data)), ("dados", d(D::Data)), ("daten", d(D::Data)),
    ("donnees", d(D::Data)), ("datenbank", d(D::Data)), ("base de datos", d(D::Data)),
    ("data quality", d(D::Data)), ("data center", d(D::NonTech)), ("datacenter", d(D::NonTech)),
    ("data entry", n(N::Other)), ("market data", d(D::NonTech)),
    ("embedded", d(D::Embedded)), ("firmware", d(D::Embedded)), ("robotics", d(D::Embedded)),
    ("robotic", d(D::Embedded)), ("fpga", d(D::Embedded)), ("rtos", d(D::Embedded)),
    ("flight software", d(D::Embedded)), ("avionics", d(D::Embedded)), ("radar", d(D::Embedded)),
    ("embarque", d(D::Embedded)), ("embarquee", d(D::Embedded)), ("embebido", d(D::Embedded)),
    ("embarcado", d(D::Embedded)), ("eingebettete", d(D::Embedded)), ("iot", d(D::Embedded)),
    ("microcontroller", d(D::Embedded)), ("autosar", d(D::Embedded)),
    ("platform", d(D::DevOps)), ("platforms", d(D::DevOps)), ("infrastructure", d(D::DevOps)),
    ("infra", d(D::DevOps)), ("cloud", d(D::DevOpsAdj)), ("aws", d(D::DevOpsAdj)), ("azure", d(D::DevOpsAdj)),
    ("gcp", d(D::DevOpsAdj)), ("kubernetes", d(D::DevOps)), ("k8s", d(D::DevOps)),
    ("observability", d(D::DevOps)), ("site reliability", d(D::DevOps)), ("reliability", d(D::DevOps)),
    ("production engineering", d(D::DevOps)), ("build", d(D::DevOps)), ("release", d(D::DevOps)),
    ("linux", d(D::DevOps)), ("infrastruktur", d(D::DevOps)), ("infraestructura", d(D::DevOps)),
    ("infraestrutura", d(D::DevOps)), ("plataforma", d(D::DevOps)), ("plateforme", d(D::DevOps)),
    ("systems", d(D::DevOpsAdj)), ("it", d(D::DevOpsAdj)), ("quality systems", d(D::QaWeak)), ("system", d(D::DevOpsAdj)), ("network", d(D::DevOpsAdj)),
    ("networking", d(D::DevOpsAdj)), ("systeme", d(D::DevOpsAdj)), ("sistemas", d(D::DevOpsAdj)),
    ("systemes", d(D::DevOpsAdj)), ("netzwerk", d(D::DevOpsAdj)), ("redes", d(D::DevOpsAdj)),
    ("power platform", d(D::SoftwareAdj)), ("distributed systems", d(D::Backend)),
    ("mobile", d(D::Mobile)), ("ios", d(D::Mobile)), ("android", d(D::Mobile)),
    ("react native", d(D::Mobile)), ("flutter", d(D::Mobile)), ("swift", d(D::Mobile)),
    ("xamarin", d(D::Mobile)), ("movil", d(D::Mobile)), ("mobil", d(D::Mobile)),
    ("frontend", d(D::Frontend)), ("front end", d(D::Frontend)), ("ui", d(D::Frontend)),
    ("gui", d(D::Frontend)),
    ("javascript", d(D::LangFe)), ("typescript", d(D::LangFe)), ("react", d(D::LangFe)),
    ("reactjs", d(D::LangFe)), ("react js", d(D::LangFe)), ("angular", d(D::LangFe)),
    ("angularjs", d(D::LangFe)), ("vue", d(D::LangFe)), ("vuejs", d(D::LangFe)),
    ("vue js", d(D::LangFe)), ("svelte", d(D::LangFe)), ("next js", d(D::LangFe)),
    ("nextjs", d(D::LangFe)), ("css", d(D::LangFe)), ("html", d(D::LangFe)), ("js", d(D::LangFe)),
    ("backend", d(D::Backend)), ("back end", d(D::Backend)), ("server side", d(D::Backend)),
    ("api", d(D::Backend)), ("apis", d(D::Backend)), ("microservices", d(D::Backend)),
    ("search", d(D::BackendArea)), ("search engine optimization", d(D::NonTech)), ("seo", d(D::NonTech)), ("storage", d(D::BackendArea)),
    ("java", d(D::LangBe)), ("python", d(D::LangBe)), ("dotnet", d(D::LangBe)), ("net", d(D::LangBe)),
    ("c#", d(D::LangBe)), ("php", d(D::LangBe)), ("golang", d(D::LangBe)), ("go", d(D::LangBe)),
    ("ruby", d(D::LangBe)), ("rails", d(D::LangBe)), ("ruby on rails", d(D::LangBe)),
    ("node", d(D::LangBe)), ("nodejs", d(D::LangBe)), ("node js", d(D::LangBe)),
    ("scala", d(D::LangBe)), ("elixir", d(D::LangBe)), ("rust", d(D::LangBe)),
    ("django", d(D::LangBe)), ("spring boot", d(D::LangBe)), ("go to market", X), ("laravel", d(D::LangBe)),
    ("symfony", d(D::LangBe)), ("kotlin", d(D::LangBe)), ("j2ee", d(D::LangBe)),
    ("fullstack", d(D::Fullstack)), ("full stack", d(D::Fullstack)), ("web", d(D::Web)),
    ("ux", d(D::Design)), ("user experience", d(D::Design)), ("user interface", d(D::Design)),
    ("product design", d(D::DesignWord)), ("ux ui", d(D::Design)),
    ("interaction design", d(D::Design)), ("graphic", d(D::DesignWord)), ("art", d(D::DesignWord)), ("graphics", d(D::DesignWord)), ("visual", d(D::DesignWord)),
    ("motion", d(D::DesignWord)), ("digital", X), ("creative", X),
    ("ui ux", d(D::Design)), ("design", d(D::DesignWord)), ("diseno", d(D::DesignWord)),
    ("research", d(D::Research)), ("applied", d(D::Research)),
    ("software", d(D::Software)), ("application", d(D::SoftwareAdj)), ("applications", d(D::SoftwareAdj)),
    ("app", d(D::SoftwareAdj)), ("apps", d(D::SoftwareAdj)), ("logiciel", d(D::Software)),
    ("logiciels", d(D::Software)), ("forward deployed", d(D::SoftwareAdj)), ("founding", X),
    ("anwendungs", d(D::SoftwareAdj)), ("anwendung", d(D::SoftwareAdj)), ("c++", d(D::Software)),
    ("salesforce", d(D::SoftwareAdj)), ("servicenow", d(D::SoftwareAdj)), ("sharepoint", d(D::SoftwareAdj)),
    ("sap", d(D::SoftwareAdj)), ("dynamics", d(D::SoftwareAdj)), ("desktop", d(D::SoftwareAdj)),
    ("product", d(D::Product)), ("produkt", d(D::Product)), ("producto", d(D::Product)),
    ("produto", d(D::Product)), ("produit", d(D::Product)), ("product owner", n(N::Generic)),
    ("product owner", d(D::Product)),
    ("technology", d(D::EngMgmt)), ("technical", d(D::EngMgmt)), ("technologies", d(D::EngMgmt)),
    ("tecnologia", d(D::EngMgmt)), ("technologie", d(D::EngMgmt)), ("informatique", d(D::EngMgmt)),
    ("software engineering", d(D::Software)), ("software engineering", n(N::Eng)), ("software development", d(D::Software)),
    ("software development", n(N::Eng)), ("programming", n(N::Eng)),
    ("computer science", d(D::Software)), ("game", d(D::SoftwareAdj)), ("games", d(D::SoftwareAdj)),
    ("gameplay", d(D::SoftwareAdj)), ("research and development", d(D::NonTech)),
    ("air quality", d(D::NonTech)), ("water quality", d(D::NonTech)),
    ("it operations", d(D::DevOpsAdj)), ("noc", d(D::DevOps)), ("network operations", d(D::DevOps)),
    ("campaign", d(D::IcArea)), ("advocacy", d(D::IcArea)),
    ("r&d", d(D::EngMgmt)),
    ("business", d(D::Business)), ("financial", d(D::Business)), ("finance", d(D::Business)),
    ("biznesowy", d(D::Business)), ("negocio", d(D::Business)), ("negocios", d(D::Business)),
    ("functional", d(D::Business)), ("crm", d(D::Business)), ("erp", d(D::Business)),
    ("project", d(D::IcArea)), ("projects", d(D::IcArea)), ("program", d(D::IcArea)),
    ("programme", d(D::IcArea)), ("account", d(D::IcArea)), ("accounts", d(D::IcArea)),
    ("client", d(D::IcArea)), ("customer success", d(D::IcArea)), ("partner", d(D::IcArea)),
    ("community", d(D::IcArea)), ("social media", d(D::IcArea)), ("content", d(D::IcArea)),
    ("brand", d(D::IcArea)), ("business development", d(D::IcArea)), ("implementation", d(D::IcArea)),
    ("engagement", d(D::IcArea)), ("relationship", d(D::IcArea)), ("asset", d(D::IcArea)),
    ("case", d(D::IcArea)), ("property", d(D::IcArea)), ("delivery", d(D::IcArea)),
    ("success", d(D::IcArea)), ("proyecto", d(D::IcArea)), ("proyectos", d(D::IcArea)),
    ("projet", d(D::IcArea)), ("projets", d(D::IcArea)), ("projeto", d(D::IcArea)),
    ("projetos", d(D::IcArea)), ("projekt", d(D::IcArea)), ("projekte", d(D::IcArea)),
    ("electrical", d(D::NonTech)), ("electronics", d(D::NonTech)), ("electronic", d(D::NonTech)),
    ("mechanical", d(D::NonTech)), ("civil", d(D::NonTech)), ("structural", d(D::NonTech)),
    ("chemical", d(D::NonTech)), ("process", d(D::NonTech)), ("manufacturing", d(D::NonTech)),
    ("industrial", d(D::NonTech)), ("facility", d(D::NonTech)), ("facilities", d(D::NonTech)),
    ("field", d(D::NonTech)), ("sales", d(D::NonTech)), ("presales", d(D::NonTech)),
    ("pre sales", d(D::NonTech)), ("solution", d(D::NonTech)), ("solutions", d(D::NonTech)),
    ("customer", d(D::NonTech)), ("support", d(D::NonTech)), ("helpdesk", d(D::NonTech)),
    ("help desk", d(D::NonTech)), ("desktop support", d(D::NonTech)), ("service desk", d(D::NonTech)), ("stationary", d(D::NonTech)),
    ("environmental", d(D::NonTech)), ("conservation", d(D::NonTech)), ("solar", d(D::NonTech)),
    ("hvac", d(D::NonTech)), ("maintenance", d(D::NonTech)), ("biomedical", d(D::NonTech)),
    ("aerospace", d(D::NonTech)), ("materials", d(D::NonTech)), ("hardware", d(D::NonTech)),
    ("rf", d(D::NonTech)), ("optical", d(D::NonTech)), ("mining", d(D::NonTech)),
    ("petroleum", d(D::NonTech)), ("nuclear", d(D::NonTech)), ("validation", d(D::NonTech)),
    ("physical design", d(D::NonTech)), ("asic", d(D::NonTech)), ("cpu", d(D::NonTech)),
    ("silicon", d(D::NonTech)), ("plant", d(D::NonTech)), ("water", d(D::NonTech)),
    ("construction", d(D::NonTech)), ("traffic", d(D::NonTech)), ("transportation", d(D::NonTech)),
    ("geotechnical", d(D::NonTech)), ("agricultural", d(D::NonTech)), ("marine", d(D::NonTech)),
    ("safety", d(D::NonTech)), ("automotive", d(D::NonTech)), ("architectural", d(D::NonTech)),
    ("landscape", d(D::NonTech)), ("interior", d(D::NonTech)), ("fashion", d(D::NonTech)),
    ("cad", d(D::NonTech)), ("audio", d(D::NonTech)), ("sound", d(D::NonTech)),
    ("elektrotechnik", d(D::NonTech)), ("maschinenbau", d(D::NonTech)), ("bauingenieur", d(D::NonTech)),
    ("electrique", d(D::NonTech)), ("mecanique", d(D::NonTech)), ("electrica", d(D::NonTech)),
    ("mecanica", d(D::NonTech)), ("eletrica", d(D::NonTech)), ("civil", d(D::NonTech)),
    ("produccion", d(D::NonTech)), ("producao", d(D::NonTech)), ("production", d(D::NonTech)),
    ("marketing", d(D::NonTech)), ("operations", d(D::NonTech)), ("service", d(D::NonTech)),
    ("services", d(D::NonTech)), ("training", d(D::NonTech)), ("legal", d(D::NonTech)),
    ("medical", d(D::NonTech)), ("clinical", d(D::NonTech)), ("biology", d(D::NonTech)),
    ("chemistry", d(D::NonTech)), ("laboratory", d(D::NonTech)), ("store", d(D::NonTech)),
    ("retail", d(D::NonTech)), ("restaurant", d(D::NonTech)), ("warehouse", d(D::NonTech)),
    ("accounting", d(D::NonTech)), ("hr", d(D::NonTech)), ("human resources", d(D::NonTech)),
    ("people", d(D::NonTech)), ("talent", d(D::NonTech)), ("procurement", d(D::NonTech)),
    // ---- levels ------------------------------------------------------------------------
    ("intern", l(L::Intern)), ("interns", l(L::Intern)), ("internship", l(L::Intern)),
    ("internships", l(L::Intern)), ("externship", l(L::Intern)), ("co op", l(L::Intern)), ("coop", l(L::Intern)),
    ("trainee", l(L::Intern)), ("apprentice", l(L::Intern)), ("apprenticeship", l(L::Intern)),
    ("werkstudent", l(L::Intern)), ("werkstudentin", l(L::Intern)), ("working student", l(L::Intern)),
    ("praktikant", l(L::Intern)), ("praktikantin", l(L::Intern)), ("praktikum", l(L::Intern)),
    ("pflichtpraktikum", l(L::Intern)), ("auszubildender", l(L::Intern)), ("auszubildende", l(L::Intern)),
    ("azubi", l(L::Intern)), ("ausbildung", l(L::Intern)), ("stagiaire", l(L::Intern)),
    ("stage", l(L::Intern)), ("alternance", l(L::Intern)), ("alternant", l(L::Intern)),
    ("alternante", l(L::Intern)), ("apprenti", l(L::Intern)), ("apprentie", l(L::Intern)),
    ("becario", l(L::Intern)), ("becaria", l(L::Intern)), ("practicas", l(L::Intern)),
    ("practicante", l(L::Intern)), ("pasante", l(L::Intern)), ("pasantia", l(L::Intern)),
    ("estagiario", l(L::Intern)), ("estagiaria", l(L::Intern)), ("estagio", l(L::Intern)),
    ("aprendiz", l(L::Intern)), ("stazysta", l(L::Intern)), ("praktykant", l(L::Intern)),
    ("tirocinante", l(L::Intern)), ("stagista", l(L::Intern)), ("student", l(L::Intern)),
    ("undergraduate", l(L::Intern)), ("undergrad", l(L::Intern)),
    ("junior", l(L::Junior)), ("jr", l(L::Junior)), ("jnr", l(L::Junior)), ("juniors", l(L::Junior)),
    ("entry level", l(L::Junior)), ("entry", X), ("graduate", l(L::Junior)), ("graduates", l(L::Junior)),
    ("new grad", l(L::Junior)), ("new grads", l(L::Junior)), ("grad", l(L::Junior)),
    ("grads", l(L::Junior)), ("new graduate", l(L::Junior)), ("recent graduate", l(L::Junior)),
    ("early career", l(L::Junior)), ("early in career", l(L::Junior)), ("debutant", l(L::Junior)),
    ("debutante", l(L::Junior)), ("principiante", l(L::Junior)), ("associate", l(L::Associate)),
    ("graduate assistant", l(L::Intern)), ("graduate research", l(L::Intern)),
    ("graduate teaching", l(L::Intern)),
    ("mid", l(L::Mid)), ("mid level", l(L::Mid)), ("midlevel", l(L::Mid)), ("middle", l(L::Mid)),
    ("intermediate", l(L::Mid)), ("regular", l(L::Mid)), ("reg", l(L::Mid)), ("pleno", l(L::Mid)),
    ("plena", l(L::Mid)), ("semi senior", l(L::Mid)), ("semisenior", l(L::Mid)), ("ssr", l(L::Mid)),
    ("confirme", l(L::Mid)), ("confirmee", l(L::Mid)), ("medior", l(L::Mid)),
    ("middle school", X), ("mid market", X), ("mid size", X),
    ("senior", l(L::Senior)), ("sr", l(L::Senior)), ("snr", l(L::Senior)), ("seniors", l(L::Senior)),
    ("senor", l(L::Senior)), ("experimente", l(L::Senior)), ("experimentee", l(L::Senior)),
    ("senior citizen", X), ("senior living", X), ("seniors center", X),
    ("staff", l(L::Staff)), ("lead", l(L::Lead)), ("leads", l(L::Lead)), ("tech lead", l(L::Lead)),
    ("team lead", l(L::Lead)), ("teamlead", l(L::Lead)), ("techlead", l(L::Lead)),
    ("team leader", l(L::Lead)), ("tech leader", l(L::Lead)), ("technical leader", l(L::Lead)),
    ("team leiter", l(L::Lead)), ("team leiterin", l(L::Lead)), ("teamleiter", l(L::Lead)),
    ("teamleiterin", l(L::Lead)), ("lider tecnico", l(L::Lead)), ("lider tecnica", l(L::Lead)),
    ("tech lider", l(L::Lead)), ("lider", l(L::Lead)), ("chef d equipe", l(L::Lead)),
    ("jefe de equipo", l(L::Lead)), ("lead generation", X), ("lead gen", X),
    ("principal", l(L::Principal)), ("distinguished", l(L::Distinguished)), ("fellow", l(L::Fellow)),
    ("chief", l(L::Chief)), ("head", l(L::Head)),
    ("level", l(L::LevelWord)), ("lvl", l(L::LevelWord)), ("niveau", l(L::LevelWord)),
    ("nivel", l(L::LevelWord)),
    // ---- neutral fillers (known words that do not make an engineer "non-software") -----
    ("remote", X), ("hybrid", X), ("onsite", X), ("new", X), ("the", X), ("and", X), ("of", X),
    ("for", X), ("with", X), ("a", X), ("an", X), ("in", X), ("at", X), ("or", X), ("to", X),
    ("de", X), ("des", X), ("du", X), ("da", X), ("do", X), ("em", X), ("en", X), ("el", X),
    ("la", X), ("le", X), ("und", X), ("fur", X), ("im", X), ("summer", X), ("fall", X),
    ("winter", X), ("spring", X), ("autumn", X), ("contract", X), ("freelance", X), ("temp", X),
    ("temporary", X), ("part time", X), ("full time", X), ("permanent", X), ("us", X), ("usa", X),
    ("uk", X), ("eu", X), ("emea", X), ("apac", X), ("latam", X), ("ii", X), ("iii", X),
    ("iv", X), ("team", X), ("member", X), ("generalist", X), ("general", X), ("m", X), ("w", X),
    ("urgent", X), ("hiring", X), ("immediate", X), ("office", X), ("based", X),
];

pub type Phrase = (Vec<&'static str>, Cue);

/// First token → phrases starting with it, longest first.
pub static LEXICON: LazyLock<FxMap<&'static str, Vec<Phrase>>> = LazyLock::new(|| {
    let mut merged: FxMap<&'static str, Cue> = FxMap::default();
    for (p, tag) in ENTRIES {
        let c = merged.entry(p).or_default();
        match *tag {
            Tag::N(x) => c.noun = Some(x),
            Tag::D(x) => c.dom = Some(x),
            Tag::L(x) => c.lvl = Some(x),
            Tag::Neutral => c.neutral = true,
        }
    }
    let mut map: FxMap<&'static str, Vec<Phrase>> = FxMap::default();
    for (p, cue) in merged {
        let words: Vec<&'static str> = p.split(' ').collect();
        map.entry(words[0]).or_default().push((words, cue));
    }
    for v in map.values_mut() {
        v.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
    }
    map
});
