//! Workable widget API (`/api/v1/widget/accounts/<account>?details=true`).

use super::{base36, create, json, lever::commitment, rfc3339, xml_text, ymd, Rec, Sink};
use crate::world::Company;
use serde::Serialize;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    country: &'a str,
    country_code: &'a str,
    city: &'a str,
    region: &'a str,
    hidden: bool,
}

#[derive(Serialize)]
struct Job<'a> {
    title: &'a str,
    shortcode: String,
    code: String,
    employment_type: &'static str,
    telecommuting: bool,
    department: &'a str,
    url: String,
    shortlink: String,
    application_url: String,
    published_on: String,
    created_at: String,
    country: &'a str,
    city: &'a str,
    state: &'a str,
    education: &'static str,
    experience: &'static str,
    function: &'static str,
    industry: &'static str,
    locations: Vec<Location<'a>>,
    description: String,
}

pub struct Workable {
    w: BufWriter<File>,
    account: String,
    n: u64,
}

impl Workable {
    pub fn open(path: &Path, c: &Company) -> io::Result<Workable> {
        let mut w = create(path)?;
        // The account header comes before the jobs, as in the real widget response.
        write!(
            w,
            "{{\"name\":{},\"description\":{},\"jobs\":[",
            serde_json::to_string(&c.name).unwrap_or_default(),
            serde_json::to_string(&format!(
                "<p>{} {}.</p>",
                xml_text(&c.name),
                crate::world::INDUSTRIES[c.industry].what
            ))
            .unwrap_or_default()
        )?;
        Ok(Workable {
            w,
            account: c.slug.clone(),
            n: 0,
        })
    }
}

impl Sink for Workable {
    fn put(&mut self, r: &Rec) -> io::Result<()> {
        let j = r.job;
        let shortcode = base36(r.key % 36u64.pow(10), 10);
        let url = format!("https://apply.workable.com/{}/j/{shortcode}/", self.account);
        let p = &j.places[0];
        let (city, state) = if j.is_remote() {
            ("", "")
        } else {
            (p.city.name, p.city.region)
        };
        let job = Job {
            title: &j.title,
            shortlink: format!("https://apply.workable.com/j/{shortcode}"),
            application_url: format!("{url}apply/"),
            url,
            shortcode,
            code: if r.key.is_multiple_of(3) {
                format!("REQ-{}", r.seq % 100_000)
            } else {
                String::new()
            },
            employment_type: commitment(j.emp),
            telecommuting: j.is_remote(),
            department: j.department,
            published_on: ymd(j.posted),
            created_at: rfc3339(j.posted)[..10].to_string(),
            country: p.country.name,
            city,
            state,
            education: "",
            experience: match j.seniority {
                hirekit_model::posting::Seniority::Intern => "Internship",
                hirekit_model::posting::Seniority::Junior => "Entry level",
                hirekit_model::posting::Seniority::Mid => "Associate",
                hirekit_model::posting::Seniority::Head => "Director",
                _ => "Mid-Senior level",
            },
            function: j.family.area,
            industry: "Computer Software",
            locations: j
                .places
                .iter()
                .map(|q| Location {
                    country: q.country.name,
                    country_code: q.country.code,
                    city: if j.is_remote() { "" } else { q.city.name },
                    region: if j.is_remote() { "" } else { q.city.region },
                    hidden: false,
                })
                .collect(),
            description: j.html(true),
        };
        if self.n > 0 {
            self.w.write_all(b",")?;
        }
        json(&mut self.w, &job)?;
        self.n += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> io::Result<u64> {
        self.w.write_all(b"]}")?;
        self.w.flush()?;
        Ok(self.n)
    }
}
