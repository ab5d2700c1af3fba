//! One invented job: who hires, what role, where, how remote, what it pays, and its text.
//! Writers turn a `Job` into each source format.

use crate::pay::{self, Emp, Pay};
use crate::rng::Rng;
use crate::text::{self, Doc, DocInput};
use crate::titles;
use crate::world::{
    City, Company, Country, Family, Lang, Region, World, COUNTRIES, FAMILIES, INDUSTRIES,
};
use hirekit_model::posting::{RemotePolicy, Seniority};

/// 2026-11-01T00:00:00Z: every date is relative to this, never to now(), so output is stable.
pub const REFERENCE_EPOCH: i64 = 1_793_491_200;
const DAY: i64 = 86_400;

#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub country: &'static Country,
    pub city: &'static City,
}

impl Place {
    /// "San Francisco, CA", "London, UK", "Berlin, Germany", "Singapore".
    pub fn label(&self, style: u8) -> String {
        let c = self.country;
        let city = self.city.name;
        match c.code {
            "SG" => city.to_string(),
            "US" | "CA" | "AU" | "BR" => format!("{city}, {}", self.city.region),
            "GB" => match style % 3 {
                0 => format!("{city}, UK"),
                1 => format!("{city}, {}, United Kingdom", self.city.region),
                _ => city.to_string(),
            },
            _ => match style % 3 {
                0 | 1 => format!("{city}, {}", c.name),
                _ => city.to_string(),
            },
        }
    }
}

/// Where a remote job may be done from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Country,
    Emea,
    Europe,
    Americas,
    Apac,
    Anywhere,
    Unstated,
}

pub struct Job {
    pub company: usize,
    pub family: &'static Family,
    pub seniority: Seniority,
    pub title: String,
    /// The title without brackets and suffixes, for prose ("We are looking for a …").
    pub role: String,
    pub department: &'static str,
    pub team: &'static str,
    /// At least one; the first is the main location (for remote jobs: the hiring country).
    pub places: Vec<Place>,
    pub remote: RemotePolicy,
    pub scope: Option<Scope>,
    /// The main location as the posting writes it ("Remote (US only)", "Hybrid - London, UK").
    pub location: String,
    pub emp: Emp,
    pub pay: Option<Pay>,
    /// Pay goes into structured fields where the format has them.
    pub pay_structured: bool,
    /// Pay is (also) written in the description text.
    pub pay_in_text: bool,
    pub skills: Vec<&'static str>,
    pub years: u64,
    pub posted: i64,
    pub updated: i64,
    pub doc: Doc,
}

impl Job {
    pub fn country(&self) -> &'static Country {
        self.places[0].country
    }
    /// True when the location has no city (fully remote).
    pub fn is_remote(&self) -> bool {
        self.remote == RemotePolicy::Remote
    }
    /// Every location label: the main one, then the other offices.
    pub fn all_locations(&self) -> Vec<String> {
        let mut v = vec![self.location.clone()];
        for p in &self.places[1..] {
            v.push(p.label(0));
        }
        v
    }
    pub fn scope_name(&self) -> Option<&'static str> {
        Some(match self.scope? {
            Scope::Country => self.country().name,
            Scope::Emea => "EMEA",
            Scope::Europe => "Europe",
            Scope::Americas => "Americas",
            Scope::Apac => "APAC",
            Scope::Anywhere | Scope::Unstated => return None,
        })
    }
    pub fn valid_through(&self) -> i64 {
        self.posted + 60 * DAY
    }
}

fn seniority(rng: &mut Rng, fam: &Family) -> Seniority {
    Seniority::ALL[rng.weighted(&titles::seniority_weights(fam.kind))]
}

fn scope(rng: &mut Rng, region: Region) -> Scope {
    use Scope::*;
    let (opts, w): (&[Scope], &[f64]) = match region {
        Region::NorthAmerica => (
            &[Country, Americas, Anywhere, Unstated],
            &[60.0, 12.0, 10.0, 18.0],
        ),
        Region::Emea => (
            &[Country, Emea, Europe, Anywhere, Unstated],
            &[40.0, 20.0, 22.0, 8.0, 10.0],
        ),
        Region::Apac => (
            &[Country, Apac, Anywhere, Unstated],
            &[55.0, 25.0, 12.0, 8.0],
        ),
        Region::Latam => (
            &[Country, Americas, Anywhere, Unstated],
            &[60.0, 20.0, 12.0, 8.0],
        ),
    };
    opts[rng.weighted(w)]
}

fn remote_label(rng: &mut Rng, sc: Scope, c: &Country) -> String {
    match sc {
        Scope::Country => match rng.below(5) {
            0 => format!("Remote ({} only)", c.code),
            1 => format!("Remote - {}", c.name),
            2 => format!("{} (Remote)", c.name),
            3 => format!("Remote, {}", if c.code == "US" { "US" } else { c.name }),
            _ => format!("Remote in {}", c.name),
        },
        Scope::Emea => {
            (rng.pick_str(&["Remote - EMEA", "Remote (EMEA)", "EMEA - Remote"])).to_string()
        }
        Scope::Europe => (rng.pick_str(&[
            "Remote (Europe)",
            "Remote - Europe",
            "Europe (Remote)",
            "Remote, EU",
        ]))
        .to_string(),
        Scope::Americas => (*rng.pick(
            &[
                "Remote - Americas",
                "Remote (North America)",
                "Remote - LATAM",
            ][..if c.region == Region::Latam { 3 } else { 2 }],
        ))
        .to_string(),
        Scope::Apac => {
            (rng.pick_str(&["Remote - APAC", "Remote (APAC)", "APAC Remote"])).to_string()
        }
        Scope::Anywhere => (rng.pick_str(&[
            "Anywhere",
            "Remote (Worldwide)",
            "Remote - Anywhere",
            "Worldwide",
        ]))
        .to_string(),
        Scope::Unstated => "Remote".to_string(),
    }
}

fn place_line(rng: &mut Rng, job_remote: RemotePolicy, sc: Option<Scope>, p: &Place) -> String {
    let city = p.city.name;
    match (job_remote, sc) {
        (RemotePolicy::Remote, Some(Scope::Country)) => format!(
            "This is a fully remote role open to candidates based in {}.",
            p.country.name
        ),
        (RemotePolicy::Remote, Some(Scope::Emea)) => {
            "This role is fully remote; we can hire anywhere in Europe, the Middle East and Africa."
                .to_string()
        }
        (RemotePolicy::Remote, Some(Scope::Europe)) => {
            "You can work remotely from anywhere in Europe (CET ± 3 hours).".to_string()
        }
        (RemotePolicy::Remote, Some(Scope::Americas)) => {
            "Remote within the Americas (UTC-3 to UTC-8).".to_string()
        }
        (RemotePolicy::Remote, Some(Scope::Apac)) => "Remote within APAC time zones.".to_string(),
        (RemotePolicy::Remote, Some(Scope::Anywhere)) => {
            "We are remote-first: work from anywhere in the world.".to_string()
        }
        (RemotePolicy::Remote, _) => "This position is remote.".to_string(),
        (RemotePolicy::Hybrid, _) => match rng.below(3) {
            0 => format!(
                "This is a hybrid role: we meet in our {city} office {} days a week.",
                rng.range(2, 3)
            ),
            1 => format!(
                "Hybrid working: {} days per week in {city}, the rest from home.",
                rng.range(1, 3)
            ),
            _ => format!("You will be based in {city} with a flexible hybrid setup."),
        },
        (RemotePolicy::Onsite, _) => match rng.below(2) {
            0 => format!("This role is based in our {city} office, five days a week."),
            _ => format!("This position is on-site in {city}, {}.", p.country.name),
        },
    }
}

/// Invent a job at company `ci`. `force_remote` for sources that list only remote jobs.
pub fn make(rng: &mut Rng, world: &World, ci: usize, force_remote: bool) -> Job {
    let company: &Company = &world.companies[ci];
    let fam = &FAMILIES[rng.weighted(&FAMILY_WEIGHTS)];
    let sen = seniority(rng, fam);
    let emp = if sen == Seniority::Intern {
        Emp::Intern
    } else {
        [Emp::FullTime, Emp::Contract, Emp::PartTime, Emp::Temporary]
            [rng.weighted(&[88.0, 7.0, 3.0, 2.0])]
    };
    let ci_country = if company.countries.len() == 1 || rng.chance(70.0) {
        company.countries[0]
    } else {
        company.countries[1 + rng.below(company.countries.len() as u64 - 1) as usize]
    };
    let country = &COUNTRIES[ci_country];
    let main = Place {
        country,
        city: rng.pick(country.cities),
    };
    let remote_w = if fam.kind == hirekit_model::posting::RoleFamily::Embedded {
        8.0
    } else {
        28.0
    };
    let remote = if force_remote {
        RemotePolicy::Remote
    } else {
        [
            RemotePolicy::Remote,
            RemotePolicy::Hybrid,
            RemotePolicy::Onsite,
        ][rng.weighted(&[remote_w, 37.0, 35.0])]
    };
    let mut places = vec![main];
    if remote != RemotePolicy::Remote && rng.chance(12.0) {
        for _ in 0..rng.range(1, 2) {
            let p = Place {
                country,
                city: rng.pick(country.cities),
            };
            if !places.iter().any(|q| std::ptr::eq(q.city, p.city)) {
                places.push(p);
            }
        }
    }
    let sc = (remote == RemotePolicy::Remote).then(|| scope(rng, country.region));
    let style = rng.below(3) as u8;
    let location = match remote {
        RemotePolicy::Remote => remote_label(rng, sc.unwrap_or(Scope::Unstated), country),
        RemotePolicy::Hybrid => {
            let l = main.label(style);
            match rng.below(4) {
                0 => format!("Hybrid - {l}"),
                1 => format!("{l} (Hybrid)"),
                2 => format!("{l} - Hybrid"),
                _ => l,
            }
        }
        RemotePolicy::Onsite => {
            let l = main.label(style);
            if rng.chance(10.0) {
                format!("On-site - {l}")
            } else {
                l
            }
        }
    };
    let ind = &INDUSTRIES[company.industry];
    let team = *rng.pick(ind.teams);
    let department = *rng.pick(fam.departments);
    let t = titles::make(
        rng,
        fam,
        sen,
        country.lang,
        emp,
        team,
        department,
        remote == RemotePolicy::Remote,
    );
    let (title, stack, localized) = (t.full, t.stack, t.local);
    let mut skills: Vec<&'static str> = Vec::with_capacity(8);
    if let Some(s) = stack.and_then(|s| {
        fam.skills
            .iter()
            .copied()
            .find(|k| *k == s || s.starts_with(*k))
    }) {
        skills.push(s);
    }
    let k = rng.range(5, 7) as usize;
    for s in rng.sample(fam.skills, k) {
        if !skills.contains(&s) {
            skills.push(s);
        }
    }
    let pay_chance = match country.code {
        "US" | "CA" => 72.0,
        "IN" | "BR" | "SG" => 48.0,
        _ => 58.0,
    };
    let remote_usd = matches!(sc, Some(Scope::Anywhere | Scope::Americas));
    let pay = rng
        .chance(pay_chance)
        .then(|| pay::make(rng, fam, sen, emp, country, remote_usd));
    let mode = rng.below(100);
    let (pay_structured, pay_in_text) = (mode < 65, mode >= 35);
    let age = rng.below(60 * DAY as u64) as i64;
    let posted = (REFERENCE_EPOCH - age) / 60 * 60;
    let updated = posted + rng.below((age.min(7 * DAY) + 1) as u64) as i64 / 60 * 60;
    let years = text::years(sen, rng);
    let pay_line = pay.as_ref().map(|p| {
        pay::sentence(
            rng,
            &p.text,
            if localized { country.lang } else { Lang::En },
        )
    });
    let pl = place_line(rng, remote, sc, &main);
    // The description is built after the rest, from the finished job, so titles and places agree.
    let mut job = Job {
        company: ci,
        family: fam,
        seniority: sen,
        title,
        role: t.base,
        department,
        team,
        places,
        remote,
        scope: sc,
        location,
        emp,
        pay,
        pay_structured,
        pay_in_text,
        skills,
        years,
        posted,
        updated,
        doc: Doc {
            headings: &EMPTY_HEADINGS,
            about: String::new(),
            intro: String::new(),
            duties: vec![],
            reqs: vec![],
            nice: vec![],
            benefits: vec![],
            extras: vec![],
            place_line: String::new(),
            pay_line: None,
        },
    };
    let doc = text::build(
        rng,
        &job,
        DocInput {
            company,
            fam,
            lang: country.lang,
            localized,
            region: country.region,
            team,
            skills: &job.skills,
            place_line: pl,
            pay_line,
        },
    );
    job.doc = doc;
    job
}

impl Job {
    /// Whether the description should carry the pay sentence: when the job states pay in
    /// text, or the format has no structured pay field (`no_field`).
    pub fn pay_text(&self, no_field: bool) -> bool {
        self.pay.is_some() && (self.pay_in_text || no_field)
    }
    pub fn html(&self, no_field: bool) -> String {
        self.doc.html(self.pay_text(no_field))
    }
    pub fn plain(&self, no_field: bool) -> String {
        self.doc.plain(self.pay_text(no_field))
    }
}

static EMPTY_HEADINGS: text::Headings = text::Headings {
    about: "",
    role: "",
    duties: "",
    reqs: "",
    nice: "",
    benefits: "",
};

static FAMILY_WEIGHTS: std::sync::LazyLock<Vec<f64>> =
    std::sync::LazyLock::new(|| FAMILIES.iter().map(|f| f.weight).collect());
