//! Job descriptions: varied templated paragraphs and lists, rendered as HTML or plain text.

use crate::job::Job;
use crate::rng::Rng;
use crate::world::{Company, Family, Lang, Region, COUNTRIES, INDUSTRIES};
use hirekit_model::posting::{RoleFamily, Seniority};

/// "a" or "an" before `word` (by sound, for the words we generate).
pub fn a(word: &str) -> &'static str {
    let w = word.trim_start();
    let vowel = w.starts_with(|c: char| "AEIOUaeiouÉé".contains(c))
        && !w.starts_with("Uni")
        && !w.starts_with("UX")
        && !w.starts_with("User");
    if vowel
        || w.starts_with("HR")
        || w.starts_with("SDET")
        || w.starts_with("SRE")
        || w.starts_with("MLOps")
        || w.starts_with("ML ")
        || w.starts_with("NLP")
        || w.starts_with("SDE")
    {
        "an"
    } else {
        "a"
    }
}

pub struct Headings {
    pub about: &'static str,
    pub role: &'static str,
    pub duties: &'static str,
    pub reqs: &'static str,
    pub nice: &'static str,
    pub benefits: &'static str,
}

const EN: [Headings; 3] = [
    Headings {
        about: "About us",
        role: "About the role",
        duties: "What you'll do",
        reqs: "What we're looking for",
        nice: "Nice to have",
        benefits: "What we offer",
    },
    Headings {
        about: "Who we are",
        role: "The role",
        duties: "Responsibilities",
        reqs: "Requirements",
        nice: "Bonus points",
        benefits: "Benefits",
    },
    Headings {
        about: "About the company",
        role: "The opportunity",
        duties: "In this role you will",
        reqs: "You have",
        nice: "Even better if you have",
        benefits: "Perks & benefits",
    },
];
const DE: Headings = Headings {
    about: "Über uns",
    role: "Die Rolle",
    duties: "Deine Aufgaben",
    reqs: "Dein Profil",
    nice: "Schön wäre",
    benefits: "Wir bieten",
};
const FR: Headings = Headings {
    about: "Qui sommes-nous ?",
    role: "Le poste",
    duties: "Vos missions",
    reqs: "Votre profil",
    nice: "Les plus",
    benefits: "Ce que nous offrons",
};
const ES: Headings = Headings {
    about: "Sobre nosotros",
    role: "El puesto",
    duties: "Tus responsabilidades",
    reqs: "Requisitos",
    nice: "Valoramos",
    benefits: "Qué ofrecemos",
};
const PT: Headings = Headings {
    about: "Sobre nós",
    role: "A vaga",
    duties: "Responsabilidades",
    reqs: "Requisitos",
    nice: "Diferenciais",
    benefits: "Benefícios",
};
const PL: Headings = Headings {
    about: "O nas",
    role: "O roli",
    duties: "Twoje zadania",
    reqs: "Nasze wymagania",
    nice: "Mile widziane",
    benefits: "Oferujemy",
};

/// The parts of a description; formats that split descriptions into sections use them apart.
pub struct Doc {
    pub headings: &'static Headings,
    pub about: String,
    pub intro: String,
    pub duties: Vec<String>,
    pub reqs: Vec<String>,
    pub nice: Vec<String>,
    pub benefits: Vec<String>,
    /// Optional closing paragraphs (stack, hiring process, equal opportunity).
    pub extras: Vec<String>,
    pub place_line: String,
    /// The pay sentence, when the job states pay in its text.
    pub pay_line: Option<String>,
}

pub fn esc(s: &str, out: &mut String) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(ch),
        }
    }
}

fn list_html(items: &[String], out: &mut String) {
    out.push_str("<ul>");
    for it in items {
        out.push_str("<li>");
        esc(it, out);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

fn para(s: &str, out: &mut String) {
    out.push_str("<p>");
    esc(s, out);
    out.push_str("</p>");
}

fn h3(s: &str, out: &mut String) {
    out.push_str("<h3>");
    esc(s, out);
    out.push_str("</h3>");
}

impl Doc {
    /// `<li>…</li>` items only (Lever lists).
    pub fn items_html(items: &[String]) -> String {
        let mut out = String::new();
        for it in items {
            out.push_str("<li>");
            esc(it, &mut out);
            out.push_str("</li>");
        }
        out
    }

    pub fn list_html(items: &[String]) -> String {
        let mut out = String::new();
        list_html(items, &mut out);
        out
    }

    pub fn about_html(&self) -> String {
        let mut out = String::new();
        para(&self.about, &mut out);
        out
    }

    /// Role intro + duties (+ the pay and place lines when `tail`).
    pub fn role_html(&self, tail: bool, pay: bool) -> String {
        let mut out = String::with_capacity(1024);
        para(&self.intro, &mut out);
        h3(self.headings.duties, &mut out);
        list_html(&self.duties, &mut out);
        if tail {
            self.tail_html(&mut out, pay);
        }
        out
    }

    pub fn reqs_html(&self) -> String {
        let mut out = String::with_capacity(512);
        list_html(&self.reqs, &mut out);
        h3(self.headings.nice, &mut out);
        list_html(&self.nice, &mut out);
        out
    }

    pub fn benefits_html(&self, tail: bool, pay: bool) -> String {
        let mut out = String::with_capacity(512);
        list_html(&self.benefits, &mut out);
        if tail {
            self.tail_html(&mut out, pay);
        }
        out
    }

    fn tail_html(&self, out: &mut String, pay: bool) {
        for e in &self.extras {
            para(e, out);
        }
        para(&self.place_line, out);
        if let Some(p) = self.pay_line.as_ref().filter(|_| pay) {
            para(p, out);
        }
    }

    /// The whole description as one HTML fragment.
    pub fn html(&self, pay: bool) -> String {
        let mut out = String::with_capacity(2600);
        h3(self.headings.about, &mut out);
        para(&self.about, &mut out);
        h3(self.headings.role, &mut out);
        out.push_str(&self.role_html(false, false));
        h3(self.headings.reqs, &mut out);
        out.push_str(&self.reqs_html());
        h3(self.headings.benefits, &mut out);
        list_html(&self.benefits, &mut out);
        self.tail_html(&mut out, pay);
        out
    }

    /// The whole description as plain text with line breaks and "- " bullets.
    pub fn plain(&self, pay: bool) -> String {
        let mut out = String::with_capacity(2200);
        let h = self.headings;
        let mut section = |title: &str, body: &str, items: &[String]| {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(title);
            out.push('\n');
            out.push_str(body);
            for it in items {
                if !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str("- ");
                out.push_str(it);
            }
        };
        section(h.about, &self.about, &[]);
        section(h.role, &self.intro, &[]);
        section(h.duties, "", &self.duties);
        section(h.reqs, "", &self.reqs);
        section(h.nice, "", &self.nice);
        section(h.benefits, "", &self.benefits);
        for e in &self.extras {
            out.push_str("\n\n");
            out.push_str(e);
        }
        out.push_str("\n\n");
        out.push_str(&self.place_line);
        if let Some(p) = self.pay_line.as_ref().filter(|_| pay) {
            out.push_str("\n\n");
            out.push_str(p);
        }
        out
    }

    /// Plain text of the role part only (Lever descriptionPlain is the opening text).
    pub fn intro_plain(&self) -> String {
        format!("{}\n\n{}", self.about, self.intro)
    }
}

fn about(rng: &mut Rng, c: &Company) -> String {
    let ind = &INDUSTRIES[c.industry];
    let home = &COUNTRIES[c.home];
    let city = home.cities
        [c.home.wrapping_mul(7).wrapping_add(c.founded as usize) % home.cities.len()]
    .name;
    let mut s = match rng.below(4) {
        0 => format!("{} {}. Founded in {} and headquartered in {}, we are a team of {} people across {} countries.", c.name, ind.what, c.founded, city, c.employees, c.countries.len().max(2)),
        1 => format!("At {}, we believe great software changes how whole industries work. We are {} {} company that {}, with offices in {} and beyond.", c.name, a(ind.noun), ind.noun, ind.what, city),
        2 => format!("{} is a fast-growing {} company. Since {} we have grown to {} employees, and our product {}.", c.name, ind.noun, c.founded, c.employees, ind.what.replacen("builds", "helps teams by building", 1)),
        _ => format!("We are {}: {} {} business that {}. Our team of {}+ people is spread between {} and remote hubs in {} countries.", c.name, a(ind.noun), ind.noun, ind.what, c.employees - c.employees % 10, city, c.countries.len() + 1),
    };
    if rng.chance(50.0) {
        s.push(' ');
        s.push_str(rng.pick_str(&[
            "We are profitable and backed by leading investors.",
            "Last year we closed our Series B and tripled revenue.",
            "Our customers include thousands of businesses in more than 30 countries.",
            "We value clear writing, small teams and shipping often.",
            "We are an equal opportunity employer and welcome applicants from all backgrounds.",
        ]));
    }
    s
}

pub fn years(sen: Seniority, rng: &mut Rng) -> u64 {
    match sen {
        Seniority::Intern => 0,
        Seniority::Junior => rng.range(0, 2),
        Seniority::Mid => rng.range(2, 4),
        Seniority::Senior => rng.range(5, 7),
        Seniority::Staff => rng.range(8, 10),
        Seniority::Principal => rng.range(10, 12),
        Seniority::Head => rng.range(8, 12),
    }
}

pub struct DocInput<'a> {
    pub company: &'a Company,
    pub fam: &'a Family,
    pub lang: Lang,
    pub localized: bool,
    pub region: Region,
    pub team: &'a str,
    pub skills: &'a [&'static str],
    pub place_line: String,
    pub pay_line: Option<String>,
}

pub fn build(rng: &mut Rng, job: &Job, inp: DocInput) -> Doc {
    let headings: &'static Headings = match (inp.localized, inp.lang) {
        (true, Lang::De) => &DE,
        (true, Lang::Fr) => &FR,
        (true, Lang::Es) => &ES,
        (true, Lang::Pt) => &PT,
        (true, Lang::Pl) => &PL,
        _ => &EN[rng.below(3) as usize],
    };
    let fam = inp.fam;
    let ind = &INDUSTRIES[inp.company.industry];
    let intro = match rng.below(4) {
        0 => format!("We are looking for {} {} to join our {} team. You will work on problems that matter to our customers and help shape how we build {} products.", a(&job.role), job.role, inp.team, ind.noun),
        1 => format!("As {} {} in the {} team, you will have real ownership from day one. The team is small, senior and pragmatic, and it ships to production several times a day.", a(&job.role), job.role, inp.team),
        2 => format!("The {} team is growing and we need {} {} who enjoys both building and improving things. You will report to the {} lead and work closely with product and design.", inp.team, a(&job.role), job.role, fam.area),
        _ => format!("Join {} as {} {}. This is a chance to have a big impact at a company that {}.", inp.company.name, a(&job.role), job.role, ind.what),
    };
    let n_duties = rng.range(4, 6) as usize;
    let mut duties: Vec<String> = rng
        .sample(fam.duties, n_duties)
        .into_iter()
        .map(cap)
        .collect();
    if rng.chance(50.0) {
        duties.push(format!(
            "Work with the {} team on {}",
            inp.team,
            rng.pick(&[
                "our quarterly roadmap",
                "hard technical problems",
                "customer-facing launches",
                "reliability and quality goals"
            ])
        ));
    }
    let y = job.years;
    let mut reqs = Vec::with_capacity(7);
    if y > 0 {
        reqs.push(match rng.below(3) {
            0 => format!("{y}+ years of professional experience in a similar role"),
            1 if y == 1 => {
                "At least one year of experience building production systems".to_string()
            }
            1 => format!("At least {y} years of experience building production systems"),
            _ => format!("{y}+ years of relevant industry experience"),
        });
    } else {
        reqs.push(
            "Currently studying Computer Science or a related field, or a recent graduate"
                .to_string(),
        );
    }
    let sk = inp.skills;
    let soft = matches!(
        fam.kind,
        RoleFamily::EngineeringManagement
            | RoleFamily::ProductManagement
            | RoleFamily::Design
            | RoleFamily::Other
    );
    let templates = if soft {
        [
            "Proven experience in {a} and {b}",
            "Strong {a} skills",
            "A track record of success in {a}",
            "Confident with {a}",
            "Experience with {b}",
            "You are comfortable with {a} and {b}",
        ]
    } else {
        [
            "Strong experience with {a} and {b}",
            "Hands-on experience with {a}",
            "Solid understanding of {a}",
            "You have shipped production code using {a}",
            "Experience running {a} in production",
            "Familiarity with {b} or similar tools",
        ]
    };
    // Each skill is named once: requirements take them in order, nice-to-haves get the rest.
    let mut next_skill = 0;
    let mut take = || {
        let s = sk.get(next_skill).copied().unwrap_or("modern tooling");
        next_skill += 1;
        s
    };
    for t in rng.sample(&templates, 3) {
        let mut line = t.to_string();
        if line.contains("{a}") {
            line = line.replace("{a}", take());
        }
        if line.contains("{b}") {
            line = line.replace("{b}", take());
        }
        reqs.push(line);
    }
    reqs.push(
        (rng.pick_str(&[
            "Excellent written and verbal communication skills in English",
            "A degree in Computer Science or equivalent practical experience",
            "Comfortable working in a fast-paced, changing environment",
            "A product mindset: you care about why, not only how",
        ]))
        .to_string(),
    );
    if inp.localized {
        let extra = match inp.lang {
            Lang::De => Some("Sehr gute Deutsch- und gute Englischkenntnisse"),
            Lang::Fr => Some("Français courant et bon niveau d'anglais"),
            Lang::Es => Some("Español nativo y buen nivel de inglés"),
            Lang::Pl => Some("Bardzo dobra znajomość języka angielskiego"),
            Lang::Pt => Some("Inglês intermediário ou avançado"),
            _ => None,
        };
        if let Some(e) = extra {
            reqs.push(e.to_string());
        }
    }
    let mut nice = Vec::with_capacity(3);
    let n_nice = rng.range(1, 2) as usize;
    for s in sk.iter().skip(next_skill).take(n_nice) {
        nice.push(format!("Experience with {s}"));
    }
    nice.push(
        (rng.pick_str(&[
            "Contributions to open-source projects",
            "Experience in a high-growth startup",
            "Experience mentoring others",
        ]))
        .to_string(),
    );
    if rng.chance(50.0) {
        nice.push(format!("Background in {}", ind.noun));
    }
    let mut extras = Vec::new();
    if !soft && rng.chance(40.0) {
        let stack: Vec<&str> = sk.iter().take(4).copied().collect();
        extras.push(format!(
            "{} {}.",
            rng.pick_str(&[
                "Our stack:",
                "Tech stack:",
                "You will work with",
                "Tools we use:"
            ]),
            stack.join(", ")
        ));
    }
    if rng.chance(30.0) {
        extras.push(
            rng.pick_str(&[
                "Our process: a 30-minute intro call, a technical conversation with two engineers, and a final round with the team. We aim to give you an answer within two weeks.",
                "Interview process: recruiter screen, take-home exercise (max. 3 hours) or live pairing, system design, and a values interview.",
                "We review every application and reply to everyone, usually within five working days.",
            ])
            .to_string(),
        );
    }
    if rng.chance(35.0) {
        extras.push(
            rng.pick_str(&[
                "We are an equal opportunity employer. We do not discriminate on the basis of race, religion, colour, national origin, gender, sexual orientation, age, marital status, veteran status or disability.",
                "Even if you do not meet every requirement, we encourage you to apply: we care more about what you can learn than about a checklist.",
                "Please send your CV in English. We do not accept applications from agencies.",
            ])
            .to_string(),
        );
    }
    let benefits = benefits(rng, inp.lang, inp.localized, inp.region, inp.company.equity);
    Doc {
        headings,
        about: about(rng, inp.company),
        intro,
        duties,
        reqs,
        nice,
        benefits,
        extras,
        place_line: inp.place_line,
        pay_line: inp.pay_line,
    }
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn benefits(
    rng: &mut Rng,
    lang: Lang,
    localized: bool,
    region: Region,
    equity: bool,
) -> Vec<String> {
    let pool: &[&str] = match (localized, lang, region) {
        (true, Lang::De, _) => &[
            "30 Tage Urlaub",
            "Betriebliche Altersvorsorge",
            "Flexible Arbeitszeiten und Homeoffice",
            "Jährliches Weiterbildungsbudget von 1.500 €",
            "Jobticket",
            "Moderne Hardware nach Wahl",
            "Regelmäßige Team-Events",
        ],
        (true, Lang::Fr, _) => &[
            "Télétravail jusqu'à 3 jours par semaine",
            "Tickets restaurant",
            "Mutuelle prise en charge à 100 %",
            "RTT",
            "Budget formation annuel",
            "Locaux au cœur de la ville",
        ],
        (true, Lang::Pt, _) => &[
            "Vale-refeição",
            "Plano de saúde e odontológico",
            "Auxílio home office",
            "Participação nos lucros",
            "Horário flexível",
        ],
        (true, Lang::Es, _) => &[
            "Retribución flexible",
            "Seguro médico privado",
            "Horario flexible y jornada intensiva en verano",
            "Presupuesto de formación",
        ],
        (true, Lang::Pl, _) => &[
            "Prywatna opieka medyczna",
            "Karta sportowa",
            "Elastyczne godziny pracy",
            "Budżet szkoleniowy",
        ],
        (_, _, Region::NorthAmerica) => &[
            "Medical, dental and vision insurance",
            "401(k) with a 4% company match",
            "Flexible PTO",
            "$1,500 annual learning budget",
            "Home office stipend",
            "16 weeks of paid parental leave",
            "Wellness stipend",
        ],
        (_, _, Region::Emea) => &[
            "25-30 days of paid holiday",
            "Company pension scheme",
            "Private health insurance",
            "Learning and conference budget",
            "Flexible working hours",
            "Hybrid setup with a modern office",
            "Cycle to work scheme",
            "Paid parental leave",
        ],
        _ => &[
            "Health insurance for you and your family",
            "Flexible working hours",
            "Annual learning budget",
            "Home office setup allowance",
            "Performance bonus",
        ],
    };
    let k = rng.range(3, 5) as usize;
    let mut out: Vec<String> = rng
        .sample(pool, k)
        .into_iter()
        .map(str::to_string)
        .collect();
    if equity && rng.chance(70.0) {
        out.push(if localized && lang == Lang::De {
            "Virtuelle Mitarbeiterbeteiligung (VSOP)".to_string()
        } else {
            "Meaningful equity in a growing company".to_string()
        });
    }
    out
}
