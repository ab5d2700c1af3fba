//! Job board feeds: RSS 2.0 and Atom, descriptions as escaped HTML.

use super::{create, rfc2822, rfc3339, slugify, xml_esc, xml_text, Rec, Sink};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

pub struct Rss {
    w: BufWriter<File>,
    host: String,
    n: u64,
}

impl Rss {
    pub fn open(path: &Path, title: &str, host: &str, built: i64) -> io::Result<Rss> {
        let mut w = create(path)?;
        write!(
            w,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n<title>{}</title>\n<link>https://{host}/</link>\n<atom:link href=\"https://{host}/feed.xml\" rel=\"self\" type=\"application/rss+xml\"/>\n<description>The latest tech jobs, every day.</description>\n<language>en</language>\n<lastBuildDate>{}</lastBuildDate>\n",
            xml_text(title),
            rfc2822(built)
        )?;
        Ok(Rss {
            w,
            host: host.to_string(),
            n: 0,
        })
    }
}

fn feed_html(r: &Rec) -> String {
    let j = r.job;
    let mut h = String::with_capacity(3000);
    h.push_str("<p><strong>Company:</strong> ");
    crate::text::esc(&r.company.name, &mut h);
    h.push_str("</p><p><strong>Location:</strong> ");
    crate::text::esc(&j.location, &mut h);
    h.push_str("</p>");
    // Feeds have no pay field: pay, when stated, is in the text.
    h.push_str(&j.html(true));
    h
}

impl Sink for Rss {
    fn put(&mut self, r: &Rec) -> io::Result<()> {
        let j = r.job;
        let link = format!(
            "https://{}/jobs/{}-{}",
            self.host,
            300_000 + r.seq,
            slugify(&j.title)
        );
        let mut x = String::with_capacity(4000);
        x.push_str("<item>\n<title>");
        xml_esc(&format!("{} at {}", j.title, r.company.name), &mut x);
        x.push_str("</title>\n<link>");
        xml_esc(&link, &mut x);
        x.push_str("</link>\n<guid isPermaLink=\"false\">");
        x.push_str(&format!("{}-job-{}", self.host, 300_000 + r.seq));
        x.push_str("</guid>\n<pubDate>");
        x.push_str(&rfc2822(j.posted));
        x.push_str("</pubDate>\n<category>");
        xml_esc(j.family.area, &mut x);
        x.push_str("</category>\n<description>");
        xml_esc(&feed_html(r), &mut x);
        x.push_str("</description>\n</item>\n");
        self.w.write_all(x.as_bytes())?;
        self.n += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> io::Result<u64> {
        self.w.write_all(b"</channel>\n</rss>\n")?;
        self.w.flush()?;
        Ok(self.n)
    }
}

pub struct Atom {
    w: BufWriter<File>,
    host: String,
    n: u64,
}

impl Atom {
    pub fn open(path: &Path, title: &str, host: &str, built: i64) -> io::Result<Atom> {
        let mut w = create(path)?;
        write!(
            w,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>{}</title>\n<id>https://{host}/</id>\n<link href=\"https://{host}/\"/>\n<link rel=\"self\" href=\"https://{host}/jobs.atom\"/>\n<updated>{}</updated>\n",
            xml_text(title),
            rfc3339(built)
        )?;
        Ok(Atom {
            w,
            host: host.to_string(),
            n: 0,
        })
    }
}

impl Sink for Atom {
    fn put(&mut self, r: &Rec) -> io::Result<()> {
        let j = r.job;
        let n = 700_000 + r.seq;
        let link = format!("https://{}/job/{n}", self.host);
        let mut x = String::with_capacity(4000);
        x.push_str("<entry>\n<title>");
        xml_esc(&format!("{} at {}", j.title, r.company.name), &mut x);
        x.push_str("</title>\n<link href=\"");
        xml_esc(&link, &mut x);
        x.push_str(&format!(
            "\"/>\n<id>tag:{},2026:job-{n}</id>\n<published>",
            self.host
        ));
        x.push_str(&rfc3339(j.posted));
        x.push_str("</published>\n<updated>");
        x.push_str(&rfc3339(j.updated));
        x.push_str("</updated>\n<author><name>");
        xml_esc(&r.company.name, &mut x);
        x.push_str("</name></author>\n<category term=\"");
        xml_esc(j.family.area, &mut x);
        x.push_str("\"/>\n<content type=\"html\">");
        xml_esc(&feed_html(r), &mut x);
        x.push_str("</content>\n</entry>\n");
        self.w.write_all(x.as_bytes())?;
        self.n += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> io::Result<u64> {
        self.w.write_all(b"</feed>\n")?;
        self.w.flush()?;
        Ok(self.n)
    }
}
