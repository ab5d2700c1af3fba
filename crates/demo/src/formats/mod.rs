//! Writers for every source format. Board formats (one file per company) and aggregator
//! formats (one file, many companies) share the `Sink` trait: `put` one record, `finish`.

pub mod ashby;
pub mod csv;
pub mod feed;
pub mod greenhouse;
pub mod jsonl;
pub mod jsonld;
pub mod lever;
pub mod personio;
pub mod recruitee;
pub mod remoteok;
pub mod smartrecruiters;
pub mod workable;

use crate::job::Job;
use crate::world::Company;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Serialize, Serializer};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// One posting record to write: the job plus what makes this copy distinct (ids, urls).
pub struct Rec<'a> {
    pub job: &'a Job,
    pub company: &'a Company,
    /// Unique across the whole corpus; ids are derived from it so they never collide.
    pub seq: u64,
    /// Random bits for this copy (uuid-like ids, small per-format choices).
    pub key: u64,
}

pub trait Sink {
    fn put(&mut self, r: &Rec) -> io::Result<()>;
    /// Close the file; returns how many records it holds.
    fn finish(self: Box<Self>) -> io::Result<u64>;
}

pub fn create(path: &Path) -> io::Result<BufWriter<File>> {
    Ok(BufWriter::with_capacity(1 << 18, File::create(path)?))
}

pub fn json<W: Write, T: Serialize>(w: &mut W, v: &T) -> io::Result<()> {
    serde_json::to_writer(w, v).map_err(io::Error::other)
}

fn dt(ts: i64) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(ts, 0).unwrap_or_default()
}

/// "2026-10-12T14:03:00Z"
pub fn rfc3339(ts: i64) -> String {
    dt(ts).to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// "2026-10-12T14:03:00.000Z"
pub fn rfc3339_ms(ts: i64) -> String {
    dt(ts).to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// "Mon, 12 Oct 2026 14:03:00 +0000"
pub fn rfc2822(ts: i64) -> String {
    // Zero-padded day, as most feeds write it ("Sun, 01 Nov 2026").
    dt(ts).format("%a, %d %b %Y %H:%M:%S +0000").to_string()
}

/// "2026-10-12"
pub fn ymd(ts: i64) -> String {
    dt(ts).format("%Y-%m-%d").to_string()
}

/// "2026-10-12 14:03:00 UTC"
pub fn ymd_hms_utc(ts: i64) -> String {
    dt(ts).format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

/// A number that prints as an integer when whole (`120000`, not `120000.0`).
#[derive(Clone, Copy)]
pub struct Num(pub f64);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.fract() == 0.0 && self.0.abs() < 9.0e15 {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

/// Escape text for XML element content and attribute values.
pub fn xml_esc(s: &str, out: &mut String) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(ch),
        }
    }
}

pub fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    xml_esc(s, &mut out);
    out
}

/// A CDATA section; "]]>" inside is split across two sections.
pub fn cdata(s: &str) -> String {
    format!("<![CDATA[{}]]>", s.replace("]]>", "]]]]><![CDATA[>"))
}

/// Entity-encode HTML the way Greenhouse's API returns `content`.
pub fn entity_encode(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 4);
    for ch in html.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// "Senior Backend Engineer (Go)" → "senior-backend-engineer-go"; non-ASCII letters are folded.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        let c = fold(ch);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ą' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ę' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' | 'ć' => 'c',
        'ñ' | 'ń' => 'n',
        'ł' => 'l',
        'ś' => 's',
        'ż' | 'ź' => 'z',
        'É' => 'E',
        'Ł' => 'L',
        'Ż' => 'Z',
        _ => c,
    }
}

/// A short base-36 code (Workable shortcodes, ref numbers).
pub fn base36(mut n: u64, len: usize) -> String {
    const D: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut v = vec![b'0'; len];
    for i in (0..len).rev() {
        v[i] = D[(n % 36) as usize];
        n /= 36;
    }
    String::from_utf8(v).unwrap_or_default()
}

/// A stable small id for a name (department / office ids).
pub fn name_id(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    4_000_000 + h % 1_000_000
}

pub fn period_word(p: hirekit_model::posting::Period) -> &'static str {
    use hirekit_model::posting::Period::*;
    match p {
        Hour => "HOUR",
        Day => "DAY",
        Week => "WEEK",
        Month => "MONTH",
        Year => "YEAR",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert_eq!(
            slugify("Sr. Backend Engineer (Go)"),
            "sr-backend-engineer-go"
        );
        assert_eq!(
            slugify("Développeur Backend Sénior (H/F)"),
            "developpeur-backend-senior-h-f"
        );
        assert_eq!(rfc3339(1_793_491_200), "2026-11-01T00:00:00Z");
        assert_eq!(rfc2822(1_793_491_200), "Sun, 01 Nov 2026 00:00:00 +0000");
        assert_eq!(ymd_hms_utc(1_793_491_200), "2026-11-01 00:00:00 UTC");
        assert_eq!(cdata("a]]>b"), "<![CDATA[a]]]]><![CDATA[>b]]>");
        assert_eq!(base36(35, 3), "00Z");
        assert_eq!(
            serde_json::to_string(&Num(120000.0)).unwrap_or_default(),
            "120000"
        );
        assert_eq!(serde_json::to_string(&Num(0.5)).unwrap_or_default(), "0.5");
    }
}
