//! Recruitee careers-site API (`https://<company>.recruitee.com/api/offers/`).

use super::{create, json, slugify, ymd_hms_utc, Rec, Sink};
use crate::pay::Emp;
use crate::world::Company;
use hirekit_model::posting::{Period, RemotePolicy};
use serde::Serialize;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

#[derive(Serialize)]
struct Salary {
    min: Option<String>,
    max: Option<String>,
    period: Option<&'static str>,
    currency: Option<&'static str>,
}

#[derive(Serialize)]
struct Offer<'a> {
    id: u64,
    slug: String,
    title: &'a str,
    careers_url: String,
    careers_apply_url: String,
    location: &'a str,
    city: &'a str,
    country: &'a str,
    country_code: &'a str,
    state_name: &'a str,
    remote: bool,
    hybrid: bool,
    on_site: bool,
    employment_type_code: &'static str,
    description: String,
    requirements: String,
    salary: Salary,
    department: &'a str,
    tags: &'a [&'static str],
    published_at: String,
    created_at: String,
    company_name: &'a str,
}

pub struct Recruitee {
    w: BufWriter<File>,
    sub: String,
    n: u64,
}

impl Recruitee {
    pub fn open(path: &Path, c: &Company) -> io::Result<Recruitee> {
        let mut w = create(path)?;
        w.write_all(b"{\"offers\":[")?;
        Ok(Recruitee {
            w,
            sub: c.token.clone(),
            n: 0,
        })
    }
}

impl Sink for Recruitee {
    fn put(&mut self, r: &Rec) -> io::Result<()> {
        let j = r.job;
        let slug = format!(
            "{}-{}",
            slugify(&j.title),
            super::base36(r.seq, 5).to_lowercase()
        );
        let url = format!("https://{}.recruitee.com/o/{slug}", self.sub);
        let p = &j.places[0];
        let salary = j.pay.as_ref().filter(|_| j.pay_structured).and_then(|p| {
            let period = match p.period {
                Period::Year => "year",
                Period::Month => "month",
                Period::Hour => "hour",
                _ => return None,
            };
            // Recruitee returns amounts as strings.
            Some(Salary {
                min: p.min.map(|x| format!("{x}")),
                max: p.max.map(|x| format!("{x}")),
                period: Some(period),
                currency: Some(p.currency),
            })
        });
        let no_field = salary.is_none();
        let d = &j.doc;
        let mut description = d.about_html();
        description.push_str(&d.role_html(false, false));
        description.push_str(&d.benefits_html(true, j.pay_text(no_field)));
        let offer = Offer {
            id: 900_000 + r.seq,
            title: &j.title,
            careers_apply_url: format!("{url}/c/new"),
            careers_url: url,
            slug,
            location: &j.location,
            city: if j.is_remote() { "" } else { p.city.name },
            country: p.country.name,
            country_code: p.country.code,
            state_name: if j.is_remote() { "" } else { p.city.region },
            remote: j.is_remote(),
            hybrid: j.remote == RemotePolicy::Hybrid,
            on_site: j.remote == RemotePolicy::Onsite,
            employment_type_code: match j.emp {
                Emp::FullTime => "fulltime_permanent",
                Emp::PartTime => "parttime",
                Emp::Contract | Emp::Temporary => "contract",
                Emp::Intern => "internship",
            },
            description,
            requirements: d.reqs_html(),
            salary: salary.unwrap_or(Salary {
                min: None,
                max: None,
                period: None,
                currency: None,
            }),
            department: j.department,
            tags: &j.skills,
            published_at: ymd_hms_utc(j.posted),
            created_at: ymd_hms_utc(j.posted - 3600),
            company_name: &r.company.name,
        };
        if self.n > 0 {
            self.w.write_all(b",")?;
        }
        json(&mut self.w, &offer)?;
        self.n += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> io::Result<u64> {
        self.w.write_all(b"]}")?;
        self.w.flush()?;
        Ok(self.n)
    }
}
