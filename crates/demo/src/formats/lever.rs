//! Lever postings API (`/v0/postings/<site>?mode=json`): a JSON array per site.

use super::{create, json, Num, Rec, Sink};
use crate::pay::Emp;
use crate::rng::Rng;
use crate::text::Doc;
use hirekit_model::posting::{Period, RemotePolicy};
use serde::Serialize;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Categories<'a> {
    commitment: &'static str,
    department: &'a str,
    location: &'a str,
    team: &'a str,
    all_locations: Vec<String>,
}

#[derive(Serialize)]
struct List {
    text: &'static str,
    content: String,
}

#[derive(Serialize)]
struct SalaryRange {
    currency: &'static str,
    interval: &'static str,
    min: Num,
    max: Num,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Posting<'a> {
    additional: String,
    additional_plain: String,
    categories: Categories<'a>,
    created_at: i64,
    description_plain: String,
    description: String,
    id: String,
    lists: Vec<List>,
    text: &'a str,
    country: &'static str,
    workplace_type: &'static str,
    opening: String,
    opening_plain: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    salary_range: Option<SalaryRange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    salary_description: Option<String>,
    hosted_url: String,
    apply_url: String,
}

pub struct Lever {
    w: BufWriter<File>,
    site: String,
    n: u64,
}

impl Lever {
    pub fn open(path: &Path, site: &str) -> io::Result<Lever> {
        let mut w = create(path)?;
        w.write_all(b"[")?;
        Ok(Lever {
            w,
            site: site.to_string(),
            n: 0,
        })
    }
}

pub fn commitment(e: Emp) -> &'static str {
    match e {
        Emp::FullTime => "Full-time",
        Emp::PartTime => "Part-time",
        Emp::Contract => "Contract",
        Emp::Temporary => "Temporary",
        Emp::Intern => "Internship",
    }
}

impl Sink for Lever {
    fn put(&mut self, r: &Rec) -> io::Result<()> {
        let j = r.job;
        let mut rng = Rng::new(r.key);
        let id = rng.uuid();
        let hosted = format!("https://jobs.lever.co/{}/{id}", self.site);
        // Lever's salaryRange has only these intervals and needs both ends.
        let range = j.pay.as_ref().filter(|_| j.pay_structured).and_then(|p| {
            let interval = match p.period {
                Period::Year => "per-year-salary",
                Period::Hour => "per-hour-wage",
                Period::Month => "per-month-salary",
                _ => return None,
            };
            Some(SalaryRange {
                currency: p.currency,
                interval,
                min: Num(p.min?),
                max: Num(p.max?),
            })
        });
        let has_range = range.is_some();
        let salary_description = j
            .pay
            .as_ref()
            .filter(|_| !has_range && (j.pay_structured || rng.chance(50.0)))
            .map(|p| p.text.clone());
        let pay_in_body = j.pay_text(!has_range && salary_description.is_none());
        let d = &j.doc;
        let mut additional = Doc::list_html(&d.benefits);
        additional.push_str("<p>");
        crate::text::esc(&d.place_line, &mut additional);
        additional.push_str("</p>");
        let mut additional_plain = d
            .benefits
            .iter()
            .map(|b| format!("- {b}"))
            .collect::<Vec<_>>()
            .join("\n");
        additional_plain.push_str("\n\n");
        additional_plain.push_str(&d.place_line);
        if let Some(p) = d.pay_line.as_ref().filter(|_| pay_in_body) {
            additional.push_str("<p>");
            crate::text::esc(p, &mut additional);
            additional.push_str("</p>");
            additional_plain.push_str("\n\n");
            additional_plain.push_str(p);
        }
        let mut description = d.about_html();
        description.push_str(&d.role_html(false, false));
        let opening = d.about_html();
        let workplace = if rng.chance(5.0) {
            "unspecified"
        } else {
            match j.remote {
                RemotePolicy::Remote => "remote",
                RemotePolicy::Hybrid => "hybrid",
                RemotePolicy::Onsite => "on-site",
            }
        };
        let p = Posting {
            additional,
            additional_plain,
            categories: Categories {
                commitment: commitment(j.emp),
                department: j.department,
                location: &j.location,
                team: j.team,
                all_locations: j.all_locations(),
            },
            created_at: j.posted * 1000,
            description_plain: d.intro_plain(),
            description,
            id,
            lists: vec![
                List {
                    text: d.headings.duties,
                    content: Doc::items_html(&d.duties),
                },
                List {
                    text: "Requirements",
                    content: Doc::items_html(&d.reqs),
                },
                List {
                    text: d.headings.nice,
                    content: Doc::items_html(&d.nice),
                },
            ],
            text: &j.title,
            country: j.country().code,
            workplace_type: workplace,
            opening_plain: d.about.clone(),
            opening,
            salary_range: range,
            salary_description,
            apply_url: format!("{hosted}/apply"),
            hosted_url: hosted,
        };
        if self.n > 0 {
            self.w.write_all(b",")?;
        }
        json(&mut self.w, &p)?;
        self.n += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> io::Result<u64> {
        self.w.write_all(b"]")?;
        self.w.flush()?;
        Ok(self.n)
    }
}
