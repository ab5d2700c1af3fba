//! Remote OK API (`https://remoteok.com/api`): a legal notice, then remote jobs.

use super::{create, json, rfc3339, slugify, Rec, Sink};
use serde::Serialize;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

#[derive(Serialize)]
struct Item<'a> {
    slug: String,
    id: String,
    epoch: i64,
    date: String,
    company: &'a str,
    company_logo: &'static str,
    position: &'a str,
    tags: Vec<String>,
    logo: &'static str,
    description: String,
    location: &'a str,
    salary_min: u64,
    salary_max: u64,
    apply_url: String,
    url: String,
}

pub struct RemoteOk {
    w: BufWriter<File>,
    n: u64,
}

impl RemoteOk {
    pub fn open(path: &Path, last_updated: i64) -> io::Result<RemoteOk> {
        let mut w = create(path)?;
        write!(
            w,
            "[{{\"last_updated\":{last_updated},\"legal\":\"API Terms of Service: Please link back to the URL on Remote OK and mention Remote OK as a source, so we get traffic back from your site. If you do not we'll have to suspend API access.\"}}"
        )?;
        Ok(RemoteOk { w, n: 0 })
    }
}

impl Sink for RemoteOk {
    fn put(&mut self, r: &Rec) -> io::Result<()> {
        let j = r.job;
        let id = (1_090_000 + r.seq).to_string();
        let slug = format!("remote-{}-{}-{id}", slugify(&j.title), r.company.slug);
        let url = format!("https://remoteok.com/remote-jobs/{slug}");
        // Remote OK only knows USD per year; other periods are converted, as the site does.
        let (smin, smax) = j
            .pay
            .as_ref()
            .filter(|_| j.pay_structured)
            .map(|p| {
                p.usd_per_year(if p.currency == "USD" {
                    1.0
                } else {
                    j.country().fx
                })
            })
            .unwrap_or((0, 0));
        let mut tags: Vec<String> = vec![j.family.kind.as_str().to_string()];
        tags.extend(j.skills.iter().take(5).map(|s| s.to_lowercase()));
        tags.push(
            if j.family.kind == hirekit_model::posting::RoleFamily::Other {
                "non tech".into()
            } else {
                "dev".into()
            },
        );
        let item = Item {
            slug,
            epoch: j.posted,
            date: rfc3339(j.posted).replace('Z', "+00:00"),
            company: &r.company.name,
            company_logo: "",
            position: &j.title,
            tags,
            logo: "",
            description: j.html(smax == 0),
            location: &j.location,
            salary_min: smin,
            salary_max: smax,
            apply_url: format!("https://remoteok.com/remote-jobs/{id}/apply"),
            url,
            id,
        };
        self.w.write_all(b",")?;
        json(&mut self.w, &item)?;
        self.n += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> io::Result<u64> {
        self.w.write_all(b"]")?;
        self.w.flush()?;
        Ok(self.n)
    }
}
