//! `hirekit role list|show`: the role library on the command line.

use std::process::ExitCode;

use clap::Subcommand;
use hirekit_roles::Role;

#[derive(Subcommand, Debug)]
pub enum RoleCmd {
    /// List the roles of the library (id, title, family, summary)
    List {
        /// Print JSON (every role in full)
        #[arg(long)]
        json: bool,
    },
    /// Show one role as a career guide: what they do, skills, tools, seniority, FAQs
    #[command(after_help = "Examples:\n  hirekit role show backend-architect\n  hirekit role show site-reliability-engineer --json | jq .hard_skills")]
    Show {
        /// Role id (slug), e.g. backend-architect; `hirekit role list` shows them all
        id: String,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
}

/// Exit code for an unknown role id (a usage error, as clap uses).
const UNKNOWN: u8 = 2;

pub fn run(cmd: RoleCmd) -> anyhow::Result<ExitCode> {
    match cmd {
        RoleCmd::List { json } => {
            let roles = hirekit_roles::all();
            if json {
                println!("{}", serde_json::to_string_pretty(roles)?);
            } else {
                print!("{}", table(roles));
            }
        }
        RoleCmd::Show { id, json } => match hirekit_roles::get(&id) {
            Ok(r) if json => println!("{}", serde_json::to_string_pretty(r)?),
            Ok(r) => print!("{}", guide(r)),
            Err(e) => {
                eprintln!("error: {e}");
                if e.close_matches.is_empty() {
                    eprintln!("`hirekit role list` shows every role id");
                }
                return Ok(ExitCode::from(UNKNOWN));
            }
        },
    }
    Ok(ExitCode::SUCCESS)
}

fn table(roles: &[Role]) -> String {
    let w_id = roles.iter().map(|r| r.id.len()).max().unwrap_or(2).max(2);
    let w_title = roles.iter().map(|r| r.title.chars().count()).max().unwrap_or(5).max(5);
    let w_fam = roles.iter().map(|r| r.role_family.as_str().len()).max().unwrap_or(6).max(6);
    let mut out = format!("{:w_id$}  {:w_title$}  {:w_fam$}  SUMMARY\n", "ID", "TITLE", "FAMILY");
    for r in roles {
        out.push_str(&format!(
            "{:w_id$}  {:w_title$}  {:w_fam$}  {}\n",
            r.id,
            r.title,
            r.role_family.as_str(),
            clip(&r.summary, 70)
        ));
    }
    out.push_str(&format!("{} roles; `hirekit role show ID` for one\n", roles.len()));
    out
}

/// Shortens to `n` characters with an ellipsis.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut t: String = s.chars().take(n - 1).collect();
    t.push('…');
    t
}

/// Wraps a paragraph at `width` columns with `indent` before each line.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for w in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + w.chars().count() > width {
            out.push_str(indent);
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(w);
    }
    if !line.is_empty() {
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn bullets(out: &mut String, items: &[String]) {
    for i in items {
        let w = wrap(i, 84, "    ");
        out.push_str("  - ");
        out.push_str(w.trim_start());
    }
}

fn guide(r: &Role) -> String {
    const W: usize = 88;
    let mut o = format!("{} ({})\n{}\n", r.title, r.id, "=".repeat(r.title.chars().count() + r.id.len() + 3));
    o.push_str(&wrap(&r.summary, W, ""));
    o.push_str(&format!("Family: {}\n\nWHAT THEY DO\n", r.role_family.as_str()));
    o.push_str(&wrap(&r.what_they_do, W, "  "));
    o.push_str("\nRESPONSIBILITIES\n");
    bullets(&mut o, &r.responsibilities);
    o.push_str("\nHARD SKILLS\n");
    o.push_str(&wrap(&r.hard_skills.join(", "), W, "  "));
    o.push_str("\nSOFT SKILLS\n");
    bullets(&mut o, &r.soft_skills);
    o.push_str("\nTOOLS\n");
    for t in &r.tools {
        o.push_str(&wrap(&format!("{}: {}", t.category, t.items.join(", ")), W, "  "));
    }
    o.push_str("\nSENIORITY\n");
    for l in &r.seniority {
        let years = match l.years {
            (a, Some(b)) => format!("{a}–{b} years"),
            (a, None) => format!("{a}+ years"),
        };
        o.push_str(&format!("  {} ({years})\n", l.name));
        o.push_str(&wrap(&l.expectations, W - 4, "      "));
    }
    o.push_str("\nCAREER PATH\n");
    if !r.career_path.from.is_empty() {
        o.push_str(&wrap(&format!("from: {}", r.career_path.from.join(", ")), W, "  "));
    }
    if !r.career_path.to.is_empty() {
        o.push_str(&wrap(&format!("to: {}", r.career_path.to.join(", ")), W, "  "));
    }
    o.push_str(&wrap(&format!("related: {}", r.related.join(", ")), W, "  "));
    if !r.interview_focus.is_empty() {
        o.push_str("\nINTERVIEW FOCUS\n");
        bullets(&mut o, &r.interview_focus);
        o.push_str(&format!("  (kit: hirekit kit {} --seniority …)\n", r.id));
    }
    o.push_str("\nTITLES\n");
    o.push_str(&wrap(&r.titles.join(" · "), W, "  "));
    o.push_str("\nFAQ\n");
    for f in &r.faqs {
        o.push_str(&wrap(&format!("Q: {}", f.q), W, "  "));
        o.push_str(&wrap(&f.a, W - 2, "     "));
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guide_has_every_section_and_wraps() {
        let r = hirekit_roles::get("backend-architect").expect("role");
        let g = guide(r);
        for s in ["WHAT THEY DO", "RESPONSIBILITIES", "HARD SKILLS", "TOOLS", "SENIORITY", "CAREER PATH", "TITLES", "FAQ"] {
            assert!(g.contains(s), "{s}");
        }
        assert!(g.lines().all(|l| l.chars().count() <= 100), "long line");
        let t = table(hirekit_roles::all());
        assert!(t.lines().any(|l| l.starts_with("backend-architect ")));
    }

    #[test]
    fn wrap_and_clip() {
        assert_eq!(wrap("a b c", 3, "> "), "> a b\n> c\n");
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abc", 4), "abc");
    }
}
