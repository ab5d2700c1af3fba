//! Personio XML feed (`https://<company>.jobs.personio.de/xml`).

use super::{cdata, create, rfc3339, xml_text, Rec, Sink};
use crate::pay::Emp;
use crate::text::Doc;
use crate::world::Company;
use hirekit_model::posting::{RoleFamily, Seniority};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

pub struct Personio {
    w: BufWriter<File>,
    n: u64,
}

impl Personio {
    pub fn open(path: &Path, _c: &Company) -> io::Result<Personio> {
        let mut w = create(path)?;
        w.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workzag-jobs>\n")?;
        Ok(Personio { w, n: 0 })
    }
}

fn el(out: &mut String, name: &str, text: &str) {
    out.push('<');
    out.push_str(name);
    out.push('>');
    out.push_str(&xml_text(text));
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

fn occupation(f: RoleFamily) -> (&'static str, &'static str) {
    match f {
        RoleFamily::DataScience | RoleFamily::DataEngineering | RoleFamily::MachineLearning => {
            ("data_science_and_analytics", "it_software")
        }
        RoleFamily::Design => ("ux_ui_design", "design"),
        RoleFamily::ProductManagement => ("product_management", "it_software"),
        RoleFamily::Devops | RoleFamily::Security => ("it_operations_and_helpdesk", "it_software"),
        RoleFamily::Other => ("sales", "sales_and_business_development"),
        _ => ("software_and_web_development", "it_software"),
    }
}

impl Sink for Personio {
    fn put(&mut self, r: &Rec) -> io::Result<()> {
        let j = r.job;
        let d = &j.doc;
        let mut x = String::with_capacity(3500);
        x.push_str("  <position>\n");
        el(&mut x, "id", &(1_200_000 + r.seq).to_string());
        el(&mut x, "subcompany", &r.company.name);
        el(
            &mut x,
            "office",
            if j.is_remote() {
                &j.location
            } else {
                j.places[0].city.name
            },
        );
        if j.places.len() > 1 {
            x.push_str("<additionalOffices>");
            for p in &j.places[1..] {
                el(&mut x, "office", p.city.name);
            }
            x.push_str("</additionalOffices>\n");
        }
        el(&mut x, "department", j.department);
        el(&mut x, "recruitingCategory", j.family.area);
        el(&mut x, "name", &j.title);
        x.push_str("<jobDescriptions>\n");
        let pay = j.pay_text(true);
        let mut why = Doc::list_html(&d.benefits);
        why.push_str("<p>");
        crate::text::esc(&d.place_line, &mut why);
        why.push_str("</p>");
        if let Some(p) = d.pay_line.as_ref().filter(|_| pay) {
            why.push_str("<p>");
            crate::text::esc(p, &mut why);
            why.push_str("</p>");
        }
        let mut about = d.about_html();
        about.push_str("<p>");
        crate::text::esc(&d.intro, &mut about);
        about.push_str("</p>");
        for (name, value) in [
            (d.headings.about, about),
            (d.headings.duties, Doc::list_html(&d.duties)),
            (d.headings.reqs, d.reqs_html()),
            (d.headings.benefits, why),
        ] {
            x.push_str("<jobDescription>\n");
            el(&mut x, "name", name);
            x.push_str("<value>");
            x.push_str(&cdata(&value));
            x.push_str("</value>\n</jobDescription>\n");
        }
        x.push_str("</jobDescriptions>\n");
        el(
            &mut x,
            "employmentType",
            match j.emp {
                Emp::FullTime | Emp::PartTime => "permanent",
                Emp::Intern => "intern",
                Emp::Contract => "freelance",
                Emp::Temporary => "temporary",
            },
        );
        el(
            &mut x,
            "seniority",
            match j.seniority {
                Seniority::Intern => "student",
                Seniority::Junior => "entry-level",
                Seniority::Mid => "experienced",
                Seniority::Senior | Seniority::Staff | Seniority::Principal => "senior",
                Seniority::Head => "executive",
            },
        );
        el(
            &mut x,
            "schedule",
            if j.emp == Emp::PartTime {
                "part-time"
            } else {
                "full-time"
            },
        );
        el(
            &mut x,
            "yearsOfExperience",
            match j.years {
                0 => "lt-1",
                1..=2 => "1-2",
                3..=5 => "2-5",
                6..=7 => "5-7",
                8..=10 => "7-10",
                _ => "10-15",
            },
        );
        el(&mut x, "keywords", &j.skills.join(","));
        let (occ, cat) = occupation(j.family.kind);
        el(&mut x, "occupation", occ);
        el(&mut x, "occupationCategory", cat);
        el(
            &mut x,
            "createdAt",
            &rfc3339(j.posted).replace('Z', "+00:00"),
        );
        x.push_str("  </position>\n");
        self.w.write_all(x.as_bytes())?;
        self.n += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> io::Result<u64> {
        self.w.write_all(b"</workzag-jobs>\n")?;
        self.w.flush()?;
        Ok(self.n)
    }
}
