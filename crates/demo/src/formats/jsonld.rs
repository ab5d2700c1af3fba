//! Company job pages carrying schema.org JobPosting as JSON-LD, some with several postings.

use super::jsonl::job_posting;
use super::{create, slugify, xml_text, Rec};
use std::io::{self, Write};
use std::path::Path;

/// Write one HTML page holding `recs` (all from one company). Returns the number written.
pub fn write_page(path: &Path, recs: &[Rec]) -> io::Result<u64> {
    let Some(first) = recs.first() else {
        return Ok(0);
    };
    let c = first.company;
    let postings: Vec<_> = recs
        .iter()
        .map(|r| {
            let id = format!("{}-{}", c.token, 50_000 + r.seq);
            let url = format!(
                "https://careers.{}/jobs/{}-{}",
                c.domain,
                50_000 + r.seq,
                slugify(&r.job.title)
            );
            job_posting(r, "careers", id, url, true)
        })
        .collect();
    let data = if postings.len() == 1 {
        serde_json::to_string_pretty(&postings[0])
    } else {
        serde_json::to_string_pretty(&postings)
    }
    .map_err(io::Error::other)?;
    // "</" inside a script element would end it early; "<\/" is the same JSON string.
    let data = data.replace("</", "<\\/");
    let title = if recs.len() == 1 {
        format!("{} – {}", first.job.title, c.name)
    } else {
        format!("Open positions – {}", c.name)
    };
    let mut w = create(path)?;
    write!(
        w,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{t}</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta property=\"og:site_name\" content=\"{n} Careers\">\n<link rel=\"stylesheet\" href=\"/assets/careers.css\">\n<script type=\"application/ld+json\">\n{data}\n</script>\n</head>\n<body>\n<header class=\"site-header\"><a href=\"https://{d}\">{n}</a> <nav><a href=\"/jobs\">All jobs</a></nav></header>\n<main>\n",
        t = xml_text(&title),
        n = xml_text(&c.name),
        d = c.domain,
    )?;
    for r in recs {
        let j = r.job;
        let pay = j.pay_text(!j.pay_structured);
        write!(
            w,
            "<article class=\"job\">\n<h1>{}</h1>\n<p class=\"meta\"><span class=\"location\">{}</span> · <span class=\"type\">{}</span></p>\n<div class=\"description\">{}</div>\n<a class=\"apply\" href=\"https://careers.{}/jobs/{}/apply\">Apply now</a>\n</article>\n",
            xml_text(&j.title),
            xml_text(&j.location),
            super::lever::commitment(j.emp),
            j.doc.html(pay),
            c.domain,
            50_000 + r.seq
        )?;
    }
    w.write_all(b"</main>\n<footer>&copy; 2026 ")?;
    w.write_all(xml_text(&c.name).as_bytes())?;
    w.write_all(b"</footer>\n</body>\n</html>\n")?;
    w.flush()?;
    Ok(recs.len() as u64)
}
