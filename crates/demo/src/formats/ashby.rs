//! Ashby posting API (`/posting-api/job-board/<board>?includeCompensation=true`).

use super::{create, json, rfc3339_ms, Num, Rec, Sink};
use crate::pay::{Emp, Pay};
use crate::rng::Rng;
use hirekit_model::posting::{Period, RemotePolicy};
use serde::Serialize;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

#[derive(Serialize)]
struct Secondary {
    location: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Component {
    compensation_type: &'static str,
    interval: &'static str,
    currency_code: Option<&'static str>,
    min_value: Option<Num>,
    max_value: Option<Num>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Compensation {
    compensation_tier_summary: String,
    scrapeable_compensation_salary_summary: String,
    summary_components: Vec<Component>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PostalAddress<'a> {
    address_locality: &'a str,
    address_region: &'a str,
    address_country: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Address<'a> {
    postal_address: PostalAddress<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Job<'a> {
    id: String,
    title: &'a str,
    department: &'a str,
    team: &'a str,
    employment_type: &'static str,
    location: &'a str,
    secondary_locations: Vec<Secondary>,
    published_at: String,
    is_listed: bool,
    is_remote: bool,
    workplace_type: &'static str,
    address: Address<'a>,
    job_url: String,
    apply_url: String,
    description_html: String,
    description_plain: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    compensation: Option<Compensation>,
}

pub struct Ashby {
    w: BufWriter<File>,
    board: String,
    n: u64,
}

impl Ashby {
    pub fn open(path: &Path, board: &str) -> io::Result<Ashby> {
        let mut w = create(path)?;
        w.write_all(b"{\"apiVersion\":\"1\",\"jobs\":[")?;
        Ok(Ashby {
            w,
            board: board.to_string(),
            n: 0,
        })
    }
}

fn sym(cur: &str) -> String {
    match cur {
        "USD" => "$".into(),
        "EUR" => "€".into(),
        "GBP" => "£".into(),
        "CAD" => "CA$".into(),
        "AUD" => "A$".into(),
        "INR" => "₹".into(),
        "BRL" => "R$".into(),
        other => format!("{other} "),
    }
}

/// Ashby's own summary style: "$150K – $225K", "€60 – €75 per hour".
fn summary(p: &Pay, lo: f64, hi: f64) -> String {
    let s = sym(p.currency);
    let a = |x: f64| {
        if p.period == Period::Year {
            format!("{s}{}K", (x / 1000.0).round())
        } else {
            format!("{s}{x}")
        }
    };
    let range = if lo == hi {
        a(lo)
    } else {
        format!("{} – {}", a(lo), a(hi))
    };
    match p.period {
        Period::Hour => format!("{range} per hour"),
        Period::Month => format!("{range} per month"),
        _ => range,
    }
}

impl Sink for Ashby {
    fn put(&mut self, r: &Rec) -> io::Result<()> {
        let j = r.job;
        let mut rng = Rng::new(r.key);
        let id = rng.uuid();
        let job_url = format!("https://jobs.ashbyhq.com/{}/{id}", self.board);
        let comp = j.pay.as_ref().filter(|_| j.pay_structured).and_then(|p| {
            let interval = match p.period {
                Period::Year => "1 YEAR",
                Period::Hour => "1 HOUR",
                Period::Month => "1 MONTH",
                _ => return None,
            };
            let (lo, hi) = (p.min?, p.max?);
            let mut comps = vec![Component {
                compensation_type: "Salary",
                interval,
                currency_code: Some(p.currency),
                min_value: Some(Num(lo)),
                max_value: Some(Num(hi)),
            }];
            let base = summary(p, lo, hi);
            let mut tier = base.clone();
            if r.company.equity && j.emp == Emp::FullTime {
                let e = [0.01, 0.02, 0.05, 0.1, 0.15, 0.25][rng.below(6) as usize];
                comps.push(Component {
                    compensation_type: "EquityPercentage",
                    interval: "NONE",
                    currency_code: None,
                    min_value: Some(Num(e)),
                    max_value: Some(Num(e * 2.0)),
                });
                tier.push_str(" • Offers Equity");
            }
            if rng.chance(20.0) {
                tier.push_str(" • Offers Bonus");
            }
            Some(Compensation {
                compensation_tier_summary: tier,
                scrapeable_compensation_salary_summary: base.replace(" – ", " - "),
                summary_components: comps,
            })
        });
        let no_field = comp.is_none();
        let first = &j.places[0];
        let job = Job {
            title: &j.title,
            department: j.department,
            team: j.team,
            employment_type: match j.emp {
                Emp::FullTime => "FullTime",
                Emp::PartTime => "PartTime",
                Emp::Intern => "Intern",
                Emp::Contract => "Contract",
                Emp::Temporary => "Temporary",
            },
            location: &j.location,
            secondary_locations: j.places[1..]
                .iter()
                .map(|p| Secondary {
                    location: p.label(0),
                })
                .collect(),
            published_at: rfc3339_ms(j.posted),
            is_listed: true,
            is_remote: j.is_remote(),
            workplace_type: match j.remote {
                RemotePolicy::Remote => "Remote",
                RemotePolicy::Hybrid => "Hybrid",
                RemotePolicy::Onsite => "OnSite",
            },
            address: Address {
                postal_address: PostalAddress {
                    address_locality: if j.is_remote() { "" } else { first.city.name },
                    address_region: if j.is_remote() { "" } else { first.city.region },
                    address_country: first.country.name,
                },
            },
            apply_url: format!("{job_url}/application"),
            job_url,
            description_html: j.html(no_field),
            description_plain: j.plain(no_field),
            compensation: comp,
            id,
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
