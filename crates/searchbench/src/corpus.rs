//! The corpus: one schema.org JobPosting per line, read exactly as `hirekit ingest` reads it
//! (hirekit-sources' JSONL connector, then `hirekit_model::normalize`), so both engines see the
//! same title, description text, country, remote flag and salary.
//!
//! Ids: a posting's id is its 1-based line number in the file. Every engine must return these
//! ids (hirekit's side maps its own ids back to line numbers), so results can be compared and
//! judged by id.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use hirekit_model::money::{annual_range, Rates};
use hirekit_model::normalize::normalize;
use hirekit_model::RemotePolicy;
use rayon::prelude::*;

/// The fields the benchmark indexes, filters and judges on.
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusDoc {
    /// 1-based line number.
    pub id: i64,
    pub title: String,
    pub company: Option<String>,
    /// Plain text (HTML already turned into text by the normalizer).
    pub description: String,
    /// Canonical skills hirekit found in the title and description.
    pub skills: Vec<String>,
    /// Primary country (the first one hirekit resolved), ISO alpha-2.
    pub country: Option<String>,
    /// Remote only when the posting is fully remote (hybrid is not).
    pub remote: bool,
    /// Pay range annualized and converted to USD (hirekit_model::money, built-in rates).
    pub salary_min_usd: Option<f64>,
    pub salary_max_usd: Option<f64>,
    pub posted: Option<DateTime<Utc>>,
}

fn rates() -> &'static Rates {
    static R: OnceLock<Rates> = OnceLock::new();
    R.get_or_init(Rates::builtin)
}

/// Parse and normalize one line. None for blank or unreadable lines (they keep their number).
pub fn doc_from_line(line: &[u8], id: i64) -> Option<CorpusDoc> {
    let ctx = hirekit_sources::Context::default();
    let sp = hirekit_sources::parse_jsonl_line(line, id as usize, &ctx).ok()??;
    let p = normalize(&sp);
    let (lo, hi) = match p
        .salary
        .as_ref()
        .and_then(|s| annual_range(s, rates(), "USD", None))
    {
        Some((lo, hi)) => (Some(lo), Some(hi)),
        None => (None, None),
    };
    Some(CorpusDoc {
        id,
        title: p.title,
        company: p.company,
        description: p.description,
        skills: p.skills,
        country: p.countries.into_iter().next(),
        remote: p.remote == Some(RemotePolicy::Remote),
        salary_min_usd: lo,
        salary_max_usd: hi,
        posted: p.posted_at,
    })
}

/// What a pass over the corpus saw.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ScanStats {
    pub lines: u64,
    pub docs: u64,
    pub skipped: u64,
}

/// Stream every posting of `path` to `f`, in line order. Lines are parsed and normalized in
/// parallel batches (rayon); `f` runs on the calling thread.
pub fn for_each_doc(
    path: &Path,
    mut f: impl FnMut(CorpusDoc) -> anyhow::Result<()>,
) -> anyhow::Result<ScanStats> {
    const BATCH: usize = 2048;
    let file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut r = BufReader::with_capacity(1 << 20, file);
    let mut stats = ScanStats::default();
    let mut batch: Vec<(i64, Vec<u8>)> = Vec::with_capacity(BATCH);
    loop {
        batch.clear();
        while batch.len() < BATCH {
            let mut line = Vec::new();
            if r.read_until(b'\n', &mut line)? == 0 {
                break;
            }
            stats.lines += 1;
            batch.push((stats.lines as i64, line));
        }
        if batch.is_empty() {
            break;
        }
        let docs: Vec<Option<CorpusDoc>> = batch
            .par_iter()
            .map(|(id, line)| doc_from_line(line, *id))
            .collect();
        for (d, (_, line)) in docs.into_iter().zip(&batch) {
            match d {
                Some(d) => {
                    stats.docs += 1;
                    f(d)?;
                }
                None if line.iter().all(u8::is_ascii_whitespace) => {}
                None => stats.skipped += 1,
            }
        }
    }
    Ok(stats)
}

/// Random access to postings by id (line offsets kept in memory: 8 bytes a line).
pub struct Corpus {
    path: PathBuf,
    /// offsets[i] = byte offset of line i + 1; one extra entry for the end of the file.
    offsets: Vec<u64>,
}

impl Corpus {
    pub fn open(path: &Path) -> anyhow::Result<Corpus> {
        let file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
        let mut r = BufReader::with_capacity(1 << 20, file);
        let mut offsets = vec![0u64];
        let mut pos = 0u64;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            let n = r.read_until(b'\n', &mut buf)?;
            if n == 0 {
                break;
            }
            pos += n as u64;
            offsets.push(pos);
        }
        Ok(Corpus {
            path: path.to_path_buf(),
            offsets,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Number of lines (the largest id).
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The posting with this id, None when out of range or unreadable.
    pub fn get(&self, id: i64) -> anyhow::Result<Option<CorpusDoc>> {
        if id < 1 || id as usize > self.len() {
            return Ok(None);
        }
        let (start, end) = (self.offsets[id as usize - 1], self.offsets[id as usize]);
        let mut f = File::open(&self.path)?;
        f.seek(SeekFrom::Start(start))?;
        let mut line = vec![0u8; (end - start) as usize];
        f.read_exact(&mut line)?;
        Ok(doc_from_line(&line, id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    pub(crate) const SAMPLE: &str = concat!(
        r#"{"@type":"JobPosting","title":"Senior Rust Developer","description":"<p>Build <b>Rust</b> services.</p>","hiringOrganization":{"name":"Acme"},"jobLocationType":"TELECOMMUTE","jobLocation":{"address":{"addressLocality":"Berlin, Germany"}},"baseSalary":{"currency":"EUR","value":{"minValue":5000,"maxValue":6000,"unitText":"MONTH"}}}"#,
        "\n\n",
        "not json\n",
        r#"{"@type":"JobPosting","title":"Nurse","description":"Care for patients.","hiringOrganization":{"name":"Mercy"},"jobLocation":{"address":{"addressCountry":"US"}},"datePosted":"2024-01-05"}"#,
        "\n"
    );

    #[test]
    fn numbers_postings_by_line_and_normalizes_fields() {
        let mut f = tempfile::NamedTempFile::new().expect("tmp");
        f.write_all(SAMPLE.as_bytes()).expect("write");
        let mut docs = Vec::new();
        let st = for_each_doc(f.path(), |d| {
            docs.push(d);
            Ok(())
        })
        .expect("scan");
        assert_eq!(
            st,
            ScanStats {
                lines: 4,
                docs: 2,
                skipped: 1
            }
        );
        assert_eq!(docs[0].id, 1);
        assert_eq!(docs[0].description, "Build Rust services.");
        assert!(docs[0].remote);
        assert_eq!(docs[0].country.as_deref(), Some("DE"));
        // 5,000 EUR a month → 60,000 EUR a year → USD at the built-in rate.
        let lo = docs[0].salary_min_usd.expect("salary");
        assert!((lo - 60_000.0 / 0.866).abs() < 1.0, "{lo}");
        assert_eq!(docs[1].id, 4);
        assert_eq!(docs[1].country.as_deref(), Some("US"));
        assert!(!docs[1].remote && docs[1].salary_min_usd.is_none());

        let c = Corpus::open(f.path()).expect("open");
        assert_eq!(c.len(), 4);
        assert_eq!(
            c.get(4).expect("read").map(|d| d.title),
            Some("Nurse".to_string())
        );
        assert_eq!(c.get(1).expect("read"), Some(docs[0].clone()));
        assert_eq!(c.get(3).expect("read"), None);
        assert_eq!(c.get(5).expect("read"), None);
        assert_eq!(c.get(0).expect("read"), None);
    }
}
