//! A CSV export (`postings.csv`): every field quoted, descriptions as multi-line plain text.

use super::{create, ymd, Rec, Sink};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

pub struct Csv {
    w: BufWriter<File>,
    n: u64,
}

impl Csv {
    pub fn open(path: &Path) -> io::Result<Csv> {
        let mut w = create(path)?;
        w.write_all(
            b"title,company,location,description,url,salary,employment_type,date_posted,id\n",
        )?;
        Ok(Csv { w, n: 0 })
    }
}

fn field(out: &mut String, s: &str, last: bool) {
    out.push('"');
    for ch in s.chars() {
        if ch == '"' {
            out.push('"');
        }
        out.push(ch);
    }
    out.push('"');
    out.push(if last { '\n' } else { ',' });
}

impl Sink for Csv {
    fn put(&mut self, r: &Rec) -> io::Result<()> {
        let j = r.job;
        let id = format!("csv-{}", 20_000_000 + r.seq);
        let salary = j
            .pay
            .as_ref()
            .filter(|_| j.pay_structured)
            .map(|p| p.text.as_str())
            .unwrap_or("");
        let mut x = String::with_capacity(3000);
        field(&mut x, &j.title, false);
        field(&mut x, &r.company.name, false);
        field(&mut x, &j.all_locations().join(" / "), false);
        field(&mut x, &j.plain(salary.is_empty()), false);
        field(
            &mut x,
            &format!("https://jobs.talentgrid.io/view/{id}"),
            false,
        );
        field(&mut x, salary, false);
        field(&mut x, super::lever::commitment(j.emp), false);
        field(&mut x, &ymd(j.posted), false);
        field(&mut x, &id, true);
        self.w.write_all(x.as_bytes())?;
        self.n += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> io::Result<u64> {
        self.w.flush()?;
        Ok(self.n)
    }
}
