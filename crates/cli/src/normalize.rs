//! `hirekit normalize salary|title|location|skills|employment|text`: stdin lines → JSON lines.

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use hirekit_model::{employment, location, salary, skills, text, title};
use serde_json::json;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum What {
    /// Pay text → {"min","max","currency","period"} or null
    Salary,
    /// Job title → {"role_family","seniority","track"}
    Title,
    /// Location text → {"remote","countries","regions","timezones"}
    Location,
    /// Free text → {"skills":[…], "matches":[…]}
    Skills,
    /// Employment type text → {"employment_type"}
    Employment,
    /// HTML → {"text"}
    Text,
}

#[derive(Args, Debug)]
pub struct NormalizeArgs {
    /// Which normalizer to run
    pub what: What,
    /// Currency for salaries that name none (ISO 4217, e.g. USD)
    #[arg(long, value_name = "CODE")]
    pub default_currency: Option<String>,
}

/// One input → one JSON line. Typed structs are written directly so fields keep their
/// documented order (`{"min","max","currency","period"}`), which a detour through
/// `serde_json::Value` would sort alphabetically.
pub fn one(what: What, line: &str, opts: &salary::SalaryOptions) -> serde_json::Result<String> {
    match what {
        What::Salary => serde_json::to_string(&salary::parse_salary_with(line, opts)),
        What::Title => serde_json::to_string(&title::normalize_title(line)),
        What::Location => serde_json::to_string(&location::normalize_location(line)),
        What::Skills => {
            #[derive(serde::Serialize)]
            struct Skills {
                skills: Vec<&'static str>,
                matches: Vec<skills::SkillMatch>,
            }
            let matches = skills::extract_skills(line);
            serde_json::to_string(&Skills { skills: matches.iter().map(|x| x.skill).collect(), matches })
        }
        What::Employment => serde_json::to_string(
            &json!({"employment_type": employment::normalize_employment_type(line).map(|e| e.as_str())}),
        ),
        What::Text => serde_json::to_string(&json!({"text": text::html_to_text(line)})),
    }
}

pub fn run(a: &NormalizeArgs) -> anyhow::Result<ExitCode> {
    let opts = salary::SalaryOptions { default_currency: a.default_currency.as_ref().map(|c| c.to_ascii_uppercase()) };
    let stdin = std::io::stdin().lock();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in stdin.split(b'\n') {
        let bytes = line?;
        let s = String::from_utf8_lossy(&bytes);
        let s = s.strip_suffix('\r').unwrap_or(&s);
        out.write_all(one(a.what, s, &opts)?.as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
