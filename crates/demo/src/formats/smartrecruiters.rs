//! SmartRecruiters posting API (`/v1/companies/<company>/postings`), with the job ad inline.

use super::{create, json, rfc3339_ms, slugify, Rec, Sink};
use crate::pay::Emp;
use crate::rng::Rng;
use crate::world::Company;
use hirekit_model::posting::{RemotePolicy, Seniority};
use serde::Serialize;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

#[derive(Serialize)]
struct IdName<'a> {
    identifier: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct IdLabel<'a> {
    id: &'a str,
    label: &'a str,
}

#[derive(Serialize)]
struct Label<'a> {
    label: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    city: &'a str,
    region: &'a str,
    country: String,
    remote: bool,
    hybrid: bool,
    full_location: String,
}

#[derive(Serialize)]
struct Section<'a> {
    title: &'a str,
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Sections<'a> {
    company_description: Section<'a>,
    job_description: Section<'a>,
    qualifications: Section<'a>,
    additional_information: Section<'a>,
}

#[derive(Serialize)]
struct JobAd<'a> {
    sections: Sections<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Posting<'a> {
    id: String,
    name: &'a str,
    uuid: String,
    ref_number: String,
    company: IdName<'a>,
    released_date: String,
    location: Location<'a>,
    industry: IdLabel<'a>,
    department: Label<'a>,
    function: IdLabel<'a>,
    type_of_employment: IdLabel<'a>,
    experience_level: IdLabel<'a>,
    custom_field: [(); 0],
    #[serde(rename = "ref")]
    reference: String,
    language: IdLabel<'a>,
    posting_url: String,
    apply_url: String,
    job_ad: JobAd<'a>,
}

pub struct SmartRecruiters {
    w: BufWriter<File>,
    ident: String,
    n: u64,
}

impl SmartRecruiters {
    pub fn open(path: &Path, c: &Company, total: u64) -> io::Result<SmartRecruiters> {
        let mut w = create(path)?;
        write!(
            w,
            "{{\"offset\":0,\"limit\":{},\"totalFound\":{total},\"content\":[",
            total.max(1)
        )?;
        Ok(SmartRecruiters {
            w,
            ident: c.camel.clone(),
            n: 0,
        })
    }
}

impl Sink for SmartRecruiters {
    fn put(&mut self, r: &Rec) -> io::Result<()> {
        let j = r.job;
        let mut rng = Rng::new(r.key);
        let id = format!("744000{:09}", 10_000_000 + r.seq);
        let p = &j.places[0];
        let remote = j.is_remote();
        let city = if remote { "" } else { p.city.name };
        let region = if remote { "" } else { p.city.region };
        let full = if remote {
            format!("Remote, {}", p.country.name)
        } else if region.is_empty() {
            format!("{city}, {}", p.country.name)
        } else {
            format!("{city}, {region}, {}", p.country.name)
        };
        let (toe_id, toe_label) = match j.emp {
            Emp::FullTime => ("permanent", "Full-time"),
            Emp::PartTime => ("permanent", "Part-time"),
            Emp::Contract => ("contract", "Contract"),
            Emp::Temporary => ("contract", "Temporary"),
            Emp::Intern => ("intern", "Internship"),
        };
        let (xl_id, xl_label) = match j.seniority {
            Seniority::Intern => ("internship", "Internship"),
            Seniority::Junior => ("entry_level", "Entry Level"),
            Seniority::Mid => ("associate", "Associate"),
            Seniority::Senior | Seniority::Staff | Seniority::Principal => {
                ("mid_senior_level", "Mid-Senior Level")
            }
            Seniority::Head if j.title.starts_with("VP") => ("executive", "Executive"),
            Seniority::Head => ("director", "Director"),
        };
        let d = &j.doc;
        let posting_url = format!(
            "https://jobs.smartrecruiters.com/{}/{id}-{}",
            self.ident,
            slugify(&j.title)
        );
        let post = Posting {
            name: &j.title,
            uuid: rng.uuid(),
            ref_number: format!(
                "REF{}{}",
                r.seq % 10_000,
                (b'A' + (r.key % 26) as u8) as char
            ),
            company: IdName {
                identifier: &self.ident,
                name: &r.company.name,
            },
            released_date: rfc3339_ms(j.posted),
            location: Location {
                city,
                region,
                country: p.country.code.to_ascii_lowercase(),
                remote,
                hybrid: j.remote == RemotePolicy::Hybrid,
                full_location: full,
            },
            industry: IdLabel {
                id: "computer_software",
                label: "Computer Software",
            },
            department: Label {
                label: j.department,
            },
            function: IdLabel {
                id: "information_technology",
                label: "Information Technology",
            },
            type_of_employment: IdLabel {
                id: toe_id,
                label: toe_label,
            },
            experience_level: IdLabel {
                id: xl_id,
                label: xl_label,
            },
            custom_field: [],
            reference: format!(
                "https://api.smartrecruiters.com/v1/companies/{}/postings/{id}",
                self.ident
            ),
            language: IdLabel {
                id: "en",
                label: "English",
            },
            apply_url: format!("{posting_url}?oga=true"),
            posting_url,
            job_ad: JobAd {
                sections: Sections {
                    company_description: Section {
                        title: d.headings.about,
                        text: d.about_html(),
                    },
                    // No structured pay here: the salary sentence goes into the job description.
                    job_description: Section {
                        title: d.headings.role,
                        text: d.role_html(true, j.pay_text(true)),
                    },
                    qualifications: Section {
                        title: d.headings.reqs,
                        text: d.reqs_html(),
                    },
                    additional_information: Section {
                        title: d.headings.benefits,
                        text: d.benefits_html(false, false),
                    },
                },
            },
            id,
        };
        if self.n > 0 {
            self.w.write_all(b",")?;
        }
        json(&mut self.w, &post)?;
        self.n += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> io::Result<u64> {
        self.w.write_all(b"]}")?;
        self.w.flush()?;
        Ok(self.n)
    }
}
