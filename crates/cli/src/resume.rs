//! `hirekit resume parse FILE|DIR… [--json]`: resume documents → profiles.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Subcommand};
use hirekit_resume::{Limits, Parsed};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

/// Files parsed in parallel before their results are printed.
const PARSE_BLOCK: usize = 64;
use serde::Serialize;

#[derive(Subcommand, Debug)]
pub enum ResumeCmd {
    /// Parse resumes (PDF, DOCX, ODT, RTF, HTML, Markdown, text) into profiles
    #[command(
        after_help = "A DIR stands for every file in it, recursively. One bad file never stops the batch:\n\
it is reported with its reason. Exit status 0 when at least one file parsed.\n\n\
Examples:\n  hirekit resume parse cv.pdf\n  hirekit resume parse ./applicants/ --json > profiles.json"
    )]
    Parse(ParseArgs),
}

#[derive(Args, Debug)]
pub struct ParseArgs {
    /// Files or folders
    #[arg(required = true, value_name = "FILE|DIR")]
    pub paths: Vec<PathBuf>,
    /// Print a JSON array, one object per file
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// The caps on each resume file (`resume parse` and `screen`).
#[derive(Args, Debug, Clone)]
pub struct LimitArgs {
    /// Largest file accepted, in MiB
    #[arg(long, default_value_t = 10, value_name = "MIB")]
    pub max_size_mb: usize,
    /// Most PDF pages accepted
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub max_pages: u32,
    /// Time limit per file, in seconds
    #[arg(long, default_value_t = 10, value_name = "SECS")]
    pub timeout: u64,
    /// Read scanned PDFs (no text layer) with OCR: at most 10 pages, 60 s a file; needs
    /// pdftoppm and tesseract (Debian: poppler-utils tesseract-ocr)
    #[arg(long)]
    pub ocr: bool,
}

impl LimitArgs {
    pub fn limits(&self) -> Limits {
        Limits {
            max_bytes: self.max_size_mb.saturating_mul(1024 * 1024),
            max_pages: self.max_pages,
            timeout: Duration::from_secs(self.timeout.max(1)),
            ocr: self.ocr,
            ..Limits::default()
        }
    }
}

pub fn run(cmd: ResumeCmd) -> anyhow::Result<ExitCode> {
    match cmd {
        ResumeCmd::Parse(a) => parse(&a),
    }
}

/// Every file under the given paths, in a stable order (hidden files skipped).
pub fn files(paths: &[PathBuf]) -> Vec<PathBuf> {
    fn walk(p: &Path, out: &mut Vec<PathBuf>) {
        match std::fs::read_dir(p) {
            Ok(rd) => {
                let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
                entries.sort();
                for e in entries {
                    let hidden = e
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with('.'));
                    if hidden {
                        continue;
                    }
                    if e.is_dir() {
                        walk(&e, out);
                    } else {
                        out.push(e);
                    }
                }
            }
            Err(_) => out.push(p.to_path_buf()),
        }
    }
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Parses the files on all cores, results in input order, ticking `bar` per file.
pub fn parse_all(
    paths: &[PathBuf],
    limits: &Limits,
    bar: Option<&ProgressBar>,
) -> Vec<Result<Parsed, hirekit_resume::DocError>> {
    paths
        .par_iter()
        .map(|path| {
            let r = hirekit_resume::parse_file(path, limits);
            if let Some(pb) = bar {
                pb.inc(1);
            }
            r
        })
        .collect()
}

#[derive(Serialize)]
struct FileResult<'a> {
    file: String,
    format: &'a str,
    pages: Option<u32>,
    warnings: &'a [String],
    #[serde(flatten)]
    profile: &'a hirekit_resume::Profile,
}

#[derive(Serialize)]
struct FileError {
    file: String,
    error: String,
    code: &'static str,
}

fn parse(a: &ParseArgs) -> anyhow::Result<ExitCode> {
    let limits = a.limits.limits();
    let list = files(&a.paths);
    let bar = if list.len() >= 5 {
        let pb = ProgressBar::new(list.len() as u64).with_style(
            ProgressStyle::with_template(
                "{spinner} parsing resumes [{bar:30}] {pos}/{len} ({eta})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        Some(pb)
    } else {
        None
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if a.json {
        out.write_all(b"[")?;
    }
    let (mut ok, mut failed) = (0usize, 0usize);
    // Files are parsed on all cores a block at a time and printed in input order, so output
    // streams and memory stays flat however many files there are.
    let parsed = list
        .chunks(PARSE_BLOCK)
        .flat_map(|block| block.iter().zip(parse_all(block, &limits, bar.as_ref())));
    for (i, (path, r)) in parsed.enumerate() {
        let file = path.display().to_string();
        if a.json {
            if i > 0 {
                out.write_all(b",\n")?;
            }
            match &r {
                Ok(p) => serde_json::to_writer(
                    &mut out,
                    &FileResult {
                        file,
                        format: p.document.format.as_str(),
                        pages: p.document.pages,
                        warnings: &p.document.warnings,
                        profile: &p.profile,
                    },
                )?,
                Err(e) => serde_json::to_writer(
                    &mut out,
                    &FileError {
                        file,
                        error: e.to_string(),
                        code: e.code(),
                    },
                )?,
            }
        } else {
            match &r {
                Ok(p) => summary(&mut out, &file, p)?,
                Err(e) => writeln!(out, "{file}: error: {e}\n")?,
            }
        }
        match r {
            Ok(_) => ok += 1,
            Err(_) => failed += 1,
        }
    }
    if a.json {
        out.write_all(b"]\n")?;
    }
    out.flush()?;
    if let Some(pb) = bar {
        pb.finish_and_clear();
    }
    if !a.json && list.len() > 1 {
        eprintln!("{ok} parsed, {failed} failed");
    }
    Ok(if ok > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn ym(d: Option<hirekit_model::profile::YearMonth>) -> String {
    match d {
        Some(d) if d.month > 0 => format!("{}-{:02}", d.year, d.month),
        Some(d) => d.year.to_string(),
        None => "?".into(),
    }
}

fn summary(out: &mut impl Write, file: &str, p: &Parsed) -> std::io::Result<()> {
    let d = &p.document;
    let pr = &p.profile;
    let pages = d.pages.map(|n| format!(", {n} pages")).unwrap_or_default();
    writeln!(out, "{file} ({}{pages})", d.format)?;
    for w in &d.warnings {
        writeln!(out, "  warning: {w}")?;
    }
    let c = &pr.contact;
    let contact: Vec<&str> = [&c.name, &c.email, &c.phone, &c.location]
        .into_iter()
        .filter_map(|x| x.as_deref())
        .collect();
    if !contact.is_empty() {
        writeln!(out, "  contact: {}", contact.join(" · "))?;
    }
    if !c.links.is_empty() {
        writeln!(out, "  links: {}", c.links.join(" "))?;
    }
    let seniority = pr
        .seniority
        .map(|s| {
            format!(
                ", {}",
                serde_json::to_value(s)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            )
        })
        .unwrap_or_default();
    writeln!(out, "  experience: {:.1} years{seniority}", pr.total_years)?;
    for e in &pr.experience {
        let end = if e.current {
            "present".to_string()
        } else {
            ym(e.end)
        };
        let title = e.title.as_deref().unwrap_or("?");
        let company = e
            .company
            .as_deref()
            .map(|c| format!(" @ {c}"))
            .unwrap_or_default();
        writeln!(out, "    - {title}{company} ({} – {end})", ym(e.start))?;
    }
    if !pr.skills.is_empty() {
        let s: Vec<String> = pr
            .skills
            .iter()
            .take(25)
            .map(|s| match s.years {
                Some(y) => format!("{} ({y:.1}y)", s.name),
                None => s.name.clone(),
            })
            .collect();
        let more = if pr.skills.len() > 25 {
            format!(" … +{}", pr.skills.len() - 25)
        } else {
            String::new()
        };
        writeln!(out, "  skills: {}{more}", s.join(", "))?;
    }
    for e in &pr.education {
        let parts: Vec<String> = [
            e.level.clone(),
            e.degree.clone(),
            e.field.clone(),
            e.institution.clone(),
            e.end_year.map(|y| y.to_string()),
        ]
        .into_iter()
        .flatten()
        .collect();
        writeln!(out, "  education: {}", parts.join(" · "))?;
    }
    if !pr.certifications.is_empty() {
        writeln!(out, "  certifications: {}", pr.certifications.join("; "))?;
    }
    if !pr.languages.is_empty() {
        writeln!(out, "  languages: {}", pr.languages.join(", "))?;
    }
    writeln!(out)
}
