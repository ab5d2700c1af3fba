//! schema.org JobPosting objects: one per line in `postings.jsonl` (the bulk format), and
//! the same shape inside JSON-LD pages.

use super::{create, json, period_word, rfc3339, ymd, Num, Rec, Sink};
use crate::job::Scope;
use crate::pay::Emp;
use serde::Serialize;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

#[derive(Serialize)]
pub struct PropertyValue<'a> {
    #[serde(rename = "@type")]
    t: &'static str,
    name: &'a str,
    value: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Organization<'a> {
    #[serde(rename = "@type")]
    t: &'static str,
    name: &'a str,
    same_as: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PostalAddress<'a> {
    #[serde(rename = "@type")]
    t: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    address_locality: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    address_region: Option<&'a str>,
    address_country: &'a str,
}

#[derive(Serialize)]
pub struct Place<'a> {
    #[serde(rename = "@type")]
    t: &'static str,
    address: PostalAddress<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
pub enum Places<'a> {
    One(Place<'a>),
    Many(Vec<Place<'a>>),
}

#[derive(Serialize)]
pub struct NamedThing<'a> {
    #[serde(rename = "@type")]
    t: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuantitativeValue {
    #[serde(rename = "@type")]
    t: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_value: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_value: Option<Num>,
    unit_text: &'static str,
}

#[derive(Serialize)]
pub struct MonetaryAmount {
    #[serde(rename = "@type")]
    t: &'static str,
    currency: &'static str,
    value: QuantitativeValue,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JobPosting<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    t: &'static str,
    title: &'a str,
    description: String,
    identifier: PropertyValue<'a>,
    date_posted: String,
    valid_through: String,
    employment_type: &'static str,
    hiring_organization: Organization<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    job_location: Option<Places<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    job_location_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    applicant_location_requirements: Option<NamedThing<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    base_salary: Option<MonetaryAmount>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    skills: Vec<&'static str>,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    direct_apply: Option<bool>,
}

pub fn employment_type(e: Emp) -> &'static str {
    match e {
        Emp::FullTime => "FULL_TIME",
        Emp::PartTime => "PART_TIME",
        Emp::Contract => "CONTRACTOR",
        Emp::Temporary => "TEMPORARY",
        Emp::Intern => "INTERN",
    }
}

/// The JobPosting for one record. `source` names the identifier's system; `url` is this copy's page.
pub fn job_posting<'a>(
    r: &Rec<'a>,
    source: &'a str,
    id: String,
    url: String,
    date_time: bool,
) -> JobPosting<'a> {
    let j = r.job;
    let base_salary = j.pay.as_ref().filter(|_| j.pay_structured).map(|p| {
        let (value, min_value, max_value) = match (p.min, p.max) {
            (Some(a), Some(b)) if a == b => (Some(Num(a)), None, None),
            (a, b) => (None, a.map(Num), b.map(Num)),
        };
        MonetaryAmount {
            t: "MonetaryAmount",
            currency: p.currency,
            value: QuantitativeValue {
                t: "QuantitativeValue",
                value,
                min_value,
                max_value,
                unit_text: period_word(p.period),
            },
        }
    });
    let no_field = base_salary.is_none();
    let place = |p: &crate::job::Place| Place {
        t: "Place",
        address: PostalAddress {
            t: "PostalAddress",
            address_locality: Some(p.city.name),
            address_region: Some(p.city.region).filter(|s| !s.is_empty()),
            address_country: p.country.code,
        },
    };
    let (job_location, jlt, alr) = if j.is_remote() {
        let alr = match j.scope {
            Some(Scope::Country) => Some(NamedThing {
                t: "Country",
                name: j.country().name,
            }),
            Some(Scope::Emea | Scope::Europe | Scope::Americas | Scope::Apac) => Some(NamedThing {
                t: "AdministrativeArea",
                name: j.scope_name().unwrap_or(""),
            }),
            _ => None,
        };
        (None, Some("TELECOMMUTE"), alr)
    } else if j.places.len() > 1 {
        (
            Some(Places::Many(j.places.iter().map(place).collect())),
            None,
            None,
        )
    } else {
        (Some(Places::One(place(&j.places[0]))), None, None)
    };
    JobPosting {
        context: "https://schema.org",
        t: "JobPosting",
        title: &j.title,
        description: j.html(no_field),
        identifier: PropertyValue {
            t: "PropertyValue",
            name: source,
            value: id,
        },
        date_posted: if date_time {
            rfc3339(j.posted)
        } else {
            ymd(j.posted)
        },
        valid_through: rfc3339(j.valid_through()),
        employment_type: employment_type(j.emp),
        hiring_organization: Organization {
            t: "Organization",
            name: &r.company.name,
            same_as: format!("https://{}", r.company.domain),
        },
        job_location,
        job_location_type: jlt,
        applicant_location_requirements: alr,
        base_salary,
        skills: if r.key.is_multiple_of(4) {
            j.skills.clone()
        } else {
            Vec::new()
        },
        url,
        direct_apply: r.key.is_multiple_of(5).then_some(true),
    }
}

pub struct Jsonl {
    w: BufWriter<File>,
    n: u64,
}

/// The invented aggregator the JSONL export comes from.
pub const SOURCE: &str = "jobharbor";

impl Jsonl {
    pub fn open(path: &Path) -> io::Result<Jsonl> {
        Ok(Jsonl {
            w: create(path)?,
            n: 0,
        })
    }
}

impl Sink for Jsonl {
    fn put(&mut self, r: &Rec) -> io::Result<()> {
        let id = format!("jh-{}", 10_000_000 + r.seq);
        let url = format!("https://www.jobharbor.net/jobs/{id}");
        let p = job_posting(r, SOURCE, id, url, r.key.is_multiple_of(2));
        json(&mut self.w, &p)?;
        self.w.write_all(b"\n")?;
        self.n += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> io::Result<u64> {
        self.w.flush()?;
        Ok(self.n)
    }
}
