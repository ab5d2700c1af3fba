//! `hirekit jd build SPEC.toml --format md|html|jsonld`, `hirekit jd publish SPEC.toml [--json]`
//! and `hirekit jd lint FILE… [--json]`.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use hirekit_jd::{Finding, LintOptions, Severity};
use rayon::prelude::*;

#[derive(Subcommand, Debug)]
pub enum JdCmd {
    /// Build a job description (Markdown, HTML or schema.org JSON-LD) from a TOML spec
    #[command(
        after_help = "Spec fields: see crates/jd/README.md; example: crates/jd/examples/backend.toml.\n\
Exit status: 0 built, 2 invalid spec (the message names the field) or unreadable file."
    )]
    Build(BuildArgs),
    /// Build a job description from a TOML spec and publish it as a posting of the board
    #[command(
        after_help = "The posting belongs to the default organisation (source hirekit:jd); publishing a spec with the same\n\
company and `identifier` again updates it. A running `hirekit serve` makes it searchable within a second.\n\
Prints the posting id (with --json: {id, url, external_id, status, title, criteria}).\n\
Exit status: 0 published, 2 invalid spec or unreadable file."
    )]
    Publish(PublishArgs),
    /// Lint job descriptions (text, Markdown or HTML); exits 1 when any finding is an error
    #[command(
        after_help = "Exit status: 0 no error findings, 1 some error finding, 2 a file could not be read or is not text.\n\
Use - to read stdin."
    )]
    Lint(LintArgs),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Md,
    Html,
    Jsonld,
}

#[derive(Args, Debug)]
pub struct BuildArgs {
    /// Spec file (TOML)
    pub spec: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
}

#[derive(Args, Debug)]
pub struct PublishArgs {
    /// Spec file (TOML)
    pub spec: PathBuf,
    /// Print the result, with the derived screening criteria, as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct LintArgs {
    /// Files to lint (- for stdin)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Print a JSON array of {file, findings} / {file, error}
    #[arg(long)]
    pub json: bool,
    /// Judge as of this date (YYYY-MM-DD): pay-transparency laws in force, technology ages [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<chrono::NaiveDate>,
}

pub async fn run(settings: &crate::config::Settings, cmd: JdCmd) -> anyhow::Result<ExitCode> {
    match cmd {
        JdCmd::Build(a) => build(&a),
        JdCmd::Publish(a) => publish(settings, &a).await,
        JdCmd::Lint(a) => lint(&a),
    }
}

/// Reads and validates a spec file; errors are printed (naming the field) and give exit 2.
fn read_spec(path: &PathBuf) -> Result<hirekit_jd::Spec, ExitCode> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", path.display());
            return Err(ExitCode::from(2));
        }
    };
    match hirekit_jd::parse_spec(&text) {
        Ok(s) => Ok(s),
        Err(hirekit_jd::JdError::Invalid(fields)) => {
            for f in fields {
                eprintln!("error: {}: {f}", path.display());
            }
            Err(ExitCode::from(2))
        }
        Err(e) => {
            eprintln!("error: {}: {e}", path.display());
            Err(ExitCode::from(2))
        }
    }
}

async fn publish(settings: &crate::config::Settings, a: &PublishArgs) -> anyhow::Result<ExitCode> {
    let spec = match read_spec(&a.spec) {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let store = settings.open_store().await?;
    let result = hirekit_server::publish_jd(&store, &spec).await;
    store.close().await;
    match result {
        Ok(p) if a.json => println!("{}", serde_json::to_string(&p)?),
        Ok(p) => println!("{}", p.id),
        Err(hirekit_server::PublishError::Spec(e)) => {
            eprintln!("error: {}: {e}", a.spec.display());
            return Ok(ExitCode::from(2));
        }
        Err(e) => return Err(e.into()),
    }
    Ok(ExitCode::SUCCESS)
}

fn build(a: &BuildArgs) -> anyhow::Result<ExitCode> {
    let spec = match read_spec(&a.spec) {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let jd = match hirekit_jd::build(&spec) {
        Ok(jd) => jd,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let out = match a.format {
        Format::Md => jd.markdown,
        Format::Html => jd.html,
        Format::Jsonld => serde_json::to_string_pretty(&jd.jsonld)? + "\n",
    };
    std::io::stdout().write_all(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

enum Outcome {
    Findings(String, Vec<Finding>),
    Failed(String),
}

fn read(path: &PathBuf) -> std::io::Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b)?;
        Ok(b)
    } else {
        std::fs::read(path)
    }
}

fn lint_one(path: &PathBuf, opts: &LintOptions) -> Outcome {
    match read(path) {
        Err(e) => Outcome::Failed(format!("cannot read: {e}")),
        Ok(bytes) => match hirekit_jd::lint::lint_bytes(&bytes, opts) {
            Ok(f) => Outcome::Findings(String::from_utf8_lossy(&bytes).into_owned(), f),
            Err(e) => Outcome::Failed(e.to_string()),
        },
    }
}

fn lint(a: &LintArgs) -> anyhow::Result<ExitCode> {
    let mut opts = LintOptions::default();
    if let Some(d) = a.date {
        opts.reference_date = d;
    }
    // parallel over files when there are many; rayon keeps input order
    let results: Vec<Outcome> = if a.files.len() > 4 {
        a.files.par_iter().map(|p| lint_one(p, &opts)).collect()
    } else {
        a.files.iter().map(|p| lint_one(p, &opts)).collect()
    };
    let failed = results.iter().any(|r| matches!(r, Outcome::Failed(_)));
    let errors = results.iter().any(|r| match r {
        Outcome::Findings(_, f) => f.iter().any(|x| x.severity == Severity::Error),
        Outcome::Failed(_) => false,
    });
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    if a.json {
        // typed rows keep the documented key order (file, findings: rule, severity, message, …)
        #[derive(serde::Serialize)]
        #[serde(untagged)]
        enum Row<'a> {
            Ok {
                file: String,
                findings: &'a [Finding],
            },
            Err {
                file: String,
                error: &'a str,
            },
        }
        let arr: Vec<Row> = a
            .files
            .iter()
            .zip(&results)
            .map(|(p, r)| match r {
                Outcome::Findings(_, f) => Row::Ok {
                    file: p.display().to_string(),
                    findings: f,
                },
                Outcome::Failed(e) => Row::Err {
                    file: p.display().to_string(),
                    error: e,
                },
            })
            .collect();
        serde_json::to_writer(&mut w, &arr)?;
        writeln!(w)?;
    } else {
        let (mut n_err, mut n_warn, mut n_info) = (0, 0, 0);
        for (p, r) in a.files.iter().zip(&results) {
            match r {
                Outcome::Failed(e) => {
                    eprintln!("{}: error: {e}", p.display());
                }
                Outcome::Findings(text, f) => {
                    for x in f {
                        let (line, col) = line_col(text, x.start);
                        match x.severity {
                            Severity::Error => n_err += 1,
                            Severity::Warning => n_warn += 1,
                            Severity::Info => n_info += 1,
                        }
                        write!(
                            w,
                            "{}:{line}:{col}: {}[{}]: {}",
                            p.display(),
                            x.severity.as_str(),
                            x.rule,
                            x.message
                        )?;
                        if let Some(s) = &x.suggestion {
                            write!(w, " (suggestion: {s})")?;
                        }
                        writeln!(w)?;
                    }
                }
            }
        }
        writeln!(
            w,
            "{} file(s): {n_err} error(s), {n_warn} warning(s), {n_info} note(s)",
            a.files.len()
        )?;
    }
    w.flush()?;
    Ok(if failed {
        ExitCode::from(2)
    } else if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let mut at2 = at;
    while !text.is_char_boundary(at2) {
        at2 -= 1;
    }
    let before = &text[..at2];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}
