//! `hirekit kit ROLE --seniority LEVEL [--format md|html|json]`: an interview kit.

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use hirekit_kits::KitInput;
use hirekit_model::Seniority;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KitFormat {
    /// Markdown document
    Md,
    /// Standalone printable HTML page
    Html,
    /// The kit as one JSON object
    Json,
}

#[derive(Args, Debug)]
pub struct KitArgs {
    /// Role id, e.g. backend-engineer
    #[arg(value_name = "ROLE")]
    pub role: String,
    /// intern, junior, mid, senior, staff, principal or head
    #[arg(long, default_value = "mid", value_name = "LEVEL", value_parser = parse_level)]
    pub seniority: Seniority,
    /// Output format
    #[arg(long, value_enum, default_value = "md")]
    pub format: KitFormat,
    /// Same as --format json
    #[arg(long)]
    pub json: bool,
}

fn parse_level(s: &str) -> Result<Seniority, String> {
    hirekit_kits::parse_seniority(s).ok_or_else(|| {
        format!(
            "unknown seniority {s:?}; use one of {}",
            hirekit_kits::seniority_names().join(", ")
        )
    })
}

/// The kit input for a role id. The one place the CLI resolves roles (replaced by
/// hirekit-roles on merge, through `hirekit_kits::role_input`).
fn role_input(id: &str) -> anyhow::Result<KitInput> {
    hirekit_kits::role_input(id).map_err(|e| {
        if e.suggestions.is_empty() {
            anyhow::anyhow!("{e}; known roles: {}", hirekit_kits::role_ids().join(", "))
        } else {
            anyhow::anyhow!("{e}")
        }
    })
}

pub fn run(a: &KitArgs) -> anyhow::Result<ExitCode> {
    let input = role_input(&a.role)?;
    let kit = hirekit_kits::build(&input, a.seniority);
    let format = if a.json { KitFormat::Json } else { a.format };
    let out = match format {
        KitFormat::Md => hirekit_kits::to_markdown(&kit),
        KitFormat::Json => serde_json::to_string_pretty(&kit)? + "\n",
        KitFormat::Html => format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Interview kit · {}</title>\
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.45}}</style>\
</head><body>{}</body></html>\n",
            hirekit_kits::html::esc(&kit.role_title),
            hirekit_kits::to_html(&kit)
        ),
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}
