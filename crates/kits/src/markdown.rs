//! A kit as Markdown (CommonMark with a pipe table), for pasting into docs or an ATS.

use std::fmt::Write;

use crate::{Kit, Question};

/// Escape text that comes from users or role data (titles, ids, skill names): every
/// character CommonMark gives meaning inline is backslash-escaped, and raw HTML is
/// impossible because `<` and `>` are escaped too.
pub fn md_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '!' | '&' => {
                o.push('\\');
                o.push(c);
            }
            // A line break inside a field would end a table cell or a list item.
            '\n' | '\r' => o.push(' '),
            _ => o.push(c),
        }
    }
    o
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn question(out: &mut String, n: usize, label: Option<String>, q: &Question) {
    let label = label.map(|l| format!("{l} — ")).unwrap_or_default();
    let _ = writeln!(out, "### {n}. {label}{}\n", md_escape(&q.text));
    let _ = writeln!(out, "**Strong answer:** {}\n", md_escape(&q.strong_answer));
    let _ = writeln!(out, "**Red flags:**\n");
    for f in &q.red_flags {
        let _ = writeln!(out, "- {}", md_escape(f));
    }
    out.push('\n');
}

/// The kit as one Markdown document.
pub fn to_markdown(kit: &Kit) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# Interview kit: {} ({})\n",
        md_escape(&kit.role_title),
        kit.seniority.as_str()
    );
    let _ = writeln!(
        o,
        "Role {} · family {} · seniority {}. Score every competency 1–4 on the scorecard \
         before discussing the candidate with other interviewers.\n",
        md_escape(&kit.role_id),
        kit.role_family.as_str(),
        kit.seniority.as_str()
    );

    let _ = writeln!(o, "## Screening ({})\n", kit.screening.len());
    for (i, q) in kit.screening.iter().enumerate() {
        let topic = q.topic.as_deref().map(|t| cap(&t.replace('-', " ")));
        question(&mut o, i + 1, topic, q);
    }

    let _ = writeln!(o, "## Technical ({})\n", kit.technical.len());
    for (i, q) in kit.technical.iter().enumerate() {
        let label = format!(
            "{} · {}",
            md_escape(q.skill.as_deref().unwrap_or("general")),
            q.level.as_str()
        );
        question(&mut o, i + 1, Some(label), q);
    }

    if !kit.system_design.is_empty() {
        let _ = writeln!(o, "## System design ({})\n", kit.system_design.len());
        for (i, p) in kit.system_design.iter().enumerate() {
            let _ = writeln!(o, "### {}. {}\n", i + 1, md_escape(&p.title));
            let _ = writeln!(o, "> {}\n", md_escape(&p.prompt));
            let _ = writeln!(o, "**Scale:** {}\n", md_escape(&p.scale));
            for (head, items) in [
                ("Cover", &p.cover),
                ("Strong signals", &p.strong_signals),
                ("Red flags", &p.red_flags),
            ] {
                let _ = writeln!(o, "**{head}:**\n");
                for it in items {
                    let _ = writeln!(o, "- {}", md_escape(it));
                }
                o.push('\n');
            }
        }
    }

    let _ = writeln!(o, "## Behavioural ({})\n", kit.behavioural.len());
    let _ = writeln!(o, "Ask for one specific situation; probe for the candidate's own actions and the result (STAR).\n");
    for (i, q) in kit.behavioural.iter().enumerate() {
        let name = q.competency.as_deref().map(|c| {
            kit.scorecard
                .iter()
                .find(|k| k.id == c)
                .map(|k| k.name.clone())
                .unwrap_or_else(|| c.to_string())
        });
        question(&mut o, i + 1, name.map(|n| md_escape(&n)), q);
    }

    let _ = writeln!(o, "## Scorecard\n");
    let _ = writeln!(
        o,
        "| Competency | 1 — strong no | 2 — no | 3 — yes | 4 — strong yes | Score |"
    );
    let _ = writeln!(o, "|---|---|---|---|---|---|");
    for c in &kit.scorecard {
        let _ = writeln!(
            o,
            "| **{}** — {} | {} | {} | {} | {} |   |",
            md_escape(&c.name),
            md_escape(&c.description),
            md_escape(&c.rubric[0]),
            md_escape(&c.rubric[1]),
            md_escape(&c.rubric[2]),
            md_escape(&c.rubric[3])
        );
    }
    o
}
