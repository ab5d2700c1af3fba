//! Greenhouse job board API (`/v1/boards/<token>/jobs?content=true`): one file per board.

use super::{create, entity_encode, json, name_id, rfc3339, Rec, Sink};
use crate::world::Company;
use serde::Serialize;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

#[derive(Serialize)]
struct Loc<'a> {
    name: &'a str,
}

#[derive(Serialize)]
struct Dept<'a> {
    id: u64,
    name: &'a str,
    child_ids: [u64; 0],
    parent_id: Option<u64>,
}

#[derive(Serialize)]
struct Office {
    id: u64,
    name: String,
    location: String,
    child_ids: [u64; 0],
    parent_id: Option<u64>,
}

#[derive(Serialize)]
struct Job<'a> {
    absolute_url: String,
    data_compliance: [(); 0],
    internal_job_id: u64,
    location: Loc<'a>,
    metadata: [(); 0],
    id: u64,
    updated_at: String,
    requisition_id: String,
    title: &'a str,
    company_name: &'a str,
    first_published: String,
    content: String,
    departments: Vec<Dept<'a>>,
    offices: Vec<Office>,
}

pub struct Greenhouse {
    w: BufWriter<File>,
    token: String,
    n: u64,
}

impl Greenhouse {
    pub fn open(path: &Path, c: &Company, total: u64) -> io::Result<Greenhouse> {
        let mut w = create(path)?;
        let _ = total;
        w.write_all(b"{\"jobs\":[")?;
        Ok(Greenhouse {
            w,
            token: c.token.clone(),
            n: 0,
        })
    }
}

/// 10-digit ids like real Greenhouse ones, unique per record.
pub fn gh_id(seq: u64) -> u64 {
    (4_000_000 + seq) * 1000 + 2 + seq % 7
}

impl Sink for Greenhouse {
    fn put(&mut self, r: &Rec) -> io::Result<()> {
        let j = r.job;
        let id = gh_id(r.seq);
        let loc = j.all_locations().join("; ");
        let offices = if j.is_remote() {
            vec![Office {
                id: name_id("Remote"),
                name: "Remote".into(),
                location: j.location.clone(),
                child_ids: [],
                parent_id: None,
            }]
        } else {
            j.places
                .iter()
                .map(|p| Office {
                    id: name_id(p.city.name),
                    name: p.city.name.to_string(),
                    location: format!("{}, {}, {}", p.city.name, p.city.region, p.country.name),
                    child_ids: [],
                    parent_id: None,
                })
                .collect()
        };
        let job = Job {
            absolute_url: format!("https://boards.greenhouse.io/{}/jobs/{id}", self.token),
            data_compliance: [],
            internal_job_id: 2_000_000 + r.seq,
            location: Loc { name: &loc },
            metadata: [],
            id,
            updated_at: rfc3339(j.updated),
            requisition_id: format!(
                "{}-{:04}",
                &j.department[..3.min(j.department.len())].to_uppercase(),
                r.seq % 10_000
            ),
            title: &j.title,
            company_name: &r.company.name,
            first_published: rfc3339(j.posted),
            // Greenhouse has no structured pay: pay transparency text lives in the content.
            content: entity_encode(&j.html(true)),
            departments: vec![Dept {
                id: name_id(j.department),
                name: j.department,
                child_ids: [],
                parent_id: None,
            }],
            offices,
        };
        if self.n > 0 {
            self.w.write_all(b",")?;
        }
        json(&mut self.w, &job)?;
        self.n += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> io::Result<u64> {
        write!(self.w, "],\"meta\":{{\"total\":{}}}}}", self.n)?;
        self.w.flush()?;
        Ok(self.n)
    }
}
