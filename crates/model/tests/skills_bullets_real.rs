//! Measurement on real text (skipped when shared/data is absent): lines of job ads and
//! resumes whose item, after a bullet or number, starts with an ambiguous skill name
//! ("- Go", "• R (Shiny)", "* Swift decisions…"). Prints how many of them the extractor
//! accepts, split into lone items (name plus at most a note) and sentence items.
//! `HIREKIT_BULLET_DUMP=path` writes every such line with its verdict for hand checking;
//! `HIREKIT_BULLET_ALL=path` every ambiguous name accepted on any line (to diff two versions).
//! Path: $HIREKIT_SHARED_DATA, else `../shared/data` from the workspace root.
use hirekit_model::skills::extract_skills;
use hirekit_model::text::html_to_text;
use std::io::Write;

mod common;
use common::{read_csv, shared_data};

/// The lines of a text with the byte offset each starts at.
fn lines_at(text: &str) -> Vec<(usize, &str)> {
    text.split('\n')
        .scan(0usize, |pos, l| {
            let s = *pos;
            *pos += l.len() + 1;
            Some((s, l))
        })
        .collect()
}

/// Ambiguous aliases ("~" in the taxonomy table), as written.
fn ambiguous() -> Vec<&'static str> {
    include_str!("../data/skills.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(|l| l.split('\t').nth(2).unwrap_or("").split('|'))
        .filter(|a| a.starts_with('~'))
        .map(|a| a.trim_start_matches(['~', '=', '^']))
        .collect()
}

/// The line's text after leading space and a bullet or number, and whether there was one.
fn strip_marker(line: &str) -> (&str, bool) {
    let t = line.trim_start();
    for m in [
        "- ", "* ", "• ", "· ", "– ", "— ", "▪ ", "● ", "○ ", "◦ ", "■ ", "► ", "➢ ", "o ", "|",
        "•", "▪", "●", "", " ",
    ] {
        if let Some(r) = t.strip_prefix(m) {
            return (r.trim_start(), true);
        }
    }
    let digits = t.bytes().take_while(|c| c.is_ascii_digit()).count();
    if (1..=2).contains(&digits) {
        let r = &t[digits..];
        if let Some(r) = r.strip_prefix(". ").or_else(|| r.strip_prefix(") ")) {
            return (r.trim_start(), true);
        }
    }
    (t, false)
}

struct Doc {
    source: &'static str,
    text: String,
}

fn load(dir: &std::path::Path) -> Vec<Doc> {
    let mut docs = Vec::new();
    let read = |p: &str| std::fs::read_to_string(dir.join(p)).ok();
    if let Some(s) = read("jobs/greenhouse_lever_board_jobs_2025_11_480.json") {
        let v: serde_json::Value = serde_json::from_str(&s).unwrap_or_default();
        for j in v.as_array().into_iter().flatten() {
            if let Some(d) = j["description"].as_str() {
                docs.push(Doc {
                    source: "gh",
                    text: html_to_text(d),
                });
            }
        }
    }
    // Hacker News "Who is hiring" posts: the file is gzipped; point HIREKIT_HN_JSONL at a
    // decompressed copy to include them.
    if let Some(s) =
        std::env::var_os("HIREKIT_HN_JSONL").and_then(|p| std::fs::read_to_string(p).ok())
    {
        for l in s.lines() {
            let v: serde_json::Value = serde_json::from_str(l).unwrap_or_default();
            if let Some(h) = v["html"].as_str() {
                docs.push(Doc {
                    source: "hn",
                    text: html_to_text(h),
                });
            }
        }
    }
    let csvs: [(&'static str, &str, &str); 7] = [
        (
            "li",
            "jobs/linkedin_2023_2024_sample_1000.csv",
            "description",
        ),
        (
            "lda",
            "jobs/linkedin_data_analyst_seniority_975.csv",
            "description",
        ),
        (
            "lds",
            "jobs/linkedin_data_scientist_seniority_975.csv",
            "description",
        ),
        (
            "gd",
            "jobs/glassdoor_ds_jobs_2020_956.csv",
            "Job Description",
        ),
        ("nf", "jobs/nofluffjobs_pl_2022_1108.csv", "description"),
        ("lc", "resumes/livecareer_resumes_text.csv", "text"),
        ("rs", "resumes/updated_resume_dataset_962.csv", "Resume"),
    ];
    for (source, path, col) in csvs {
        let Some(s) = read(path) else { continue };
        let rows = read_csv(&s);
        let Some(k) = rows.first().and_then(|h| h.iter().position(|c| c == col)) else {
            continue;
        };
        for r in rows.iter().skip(1) {
            if let Some(t) = r.get(k) {
                let text = if t.contains("</") {
                    html_to_text(t)
                } else {
                    t.clone()
                };
                docs.push(Doc { source, text });
            }
        }
    }
    docs
}

#[test]
fn bullet_items_in_real_text() {
    let Some(dir) = shared_data() else {
        eprintln!("skipped: shared data not found (set HIREKIT_SHARED_DATA)");
        return;
    };
    let amb = ambiguous();
    assert!(amb.contains(&"Go") && amb.contains(&"R"));
    let docs = load(&dir);
    eprintln!("{} documents", docs.len());
    let mut dump =
        std::env::var_os("HIREKIT_BULLET_DUMP").and_then(|p| std::fs::File::create(p).ok());
    // (lone, lone accepted, sentence, sentence accepted)
    let (mut lone, mut lone_ok, mut sent, mut sent_ok) = (0, 0, 0, 0);
    for (di, d) in docs.iter().enumerate() {
        let lines = lines_at(&d.text);
        for (li, &(start, line)) in lines.iter().enumerate() {
            let (item, bulleted) = strip_marker(line);
            let item = item.trim_end();
            let Some(name) = amb.iter().find(|a| {
                item.starts_with(**a)
                    && !item[a.len()..]
                        .starts_with(|c: char| c.is_alphanumeric() || "+#-&'.".contains(c))
            }) else {
                continue;
            };
            if !bulleted && item.len() > 40 {
                continue;
            }
            let rest = item[name.len()..].trim();
            let is_lone = rest.is_empty()
                || rest.chars().all(|c| ",.;:".contains(c))
                || rest.starts_with('(');
            // Window: two non-blank lines before, one after.
            let mut from = li;
            let mut seen = 0;
            while from > 0 && seen < 2 {
                from -= 1;
                if !lines[from].1.trim().is_empty() {
                    seen += 1;
                }
            }
            let mut to = li + 1;
            while to < lines.len() && lines[to].1.trim().is_empty() {
                to += 1;
            }
            let to = (to + 1).min(lines.len());
            let (ws, we) = (lines[from].0, lines[to - 1].0 + lines[to - 1].1.len());
            let window = &d.text[ws..we];
            let at = start - ws;
            let ms = extract_skills(window);
            let ok = ms.iter().any(|m| {
                assert!(m.end <= window.len());
                m.start >= at && m.start < at + line.len()
            });
            if is_lone {
                lone += 1;
                lone_ok += ok as usize;
            } else {
                sent += 1;
                sent_ok += ok as usize;
            }
            if let Some(f) = dump.as_mut() {
                let ctx: String = window
                    .replace('\t', " ")
                    .replace('\r', "")
                    .replace('\n', " ⏎ ");
                let _ = writeln!(
                    f,
                    "{}\t{}#{}\t{}\t{}\t{}\t{}",
                    if is_lone { "lone" } else { "sentence" },
                    d.source,
                    di,
                    ok as u8,
                    name,
                    line.trim(),
                    ctx
                );
            }
        }
    }
    eprintln!("lone items: {lone}, accepted {lone_ok}; sentence items: {sent}, accepted {sent_ok}");
    all_lines(&docs, &amb);
}

/// Every ambiguous name accepted on any line (judged with two lines of context either
/// side), written to `HIREKIT_BULLET_ALL=path` so two versions of the rules can be diffed.
fn all_lines(docs: &[Doc], amb: &[&str]) {
    let Some(mut f) =
        std::env::var_os("HIREKIT_BULLET_ALL").and_then(|p| std::fs::File::create(p).ok())
    else {
        return;
    };
    let mut n = 0;
    for (di, d) in docs.iter().enumerate() {
        let lines = lines_at(&d.text);
        for (li, &(start, line)) in lines.iter().enumerate() {
            let has_amb = amb.iter().any(|a| line.contains(a));
            if !has_amb {
                continue;
            }
            let (from, to) = (li.saturating_sub(2), (li + 3).min(lines.len()));
            let (ws, we) = (lines[from].0, lines[to - 1].0 + lines[to - 1].1.len());
            let window = &d.text[ws..we];
            let at = start - ws;
            for m in extract_skills(window) {
                let w = &window[m.start..m.end];
                if m.start >= at && m.start < at + line.len() && amb.contains(&w) {
                    n += 1;
                    let ctx = window.replace(['\t', '\r'], " ").replace('\n', " ⏎ ");
                    let _ = writeln!(
                        f,
                        "{}#{}#{}\t{}\t{}\t{}",
                        d.source,
                        di,
                        li,
                        w,
                        line.trim(),
                        ctx
                    );
                }
            }
        }
    }
    eprintln!("{n} ambiguous names accepted on lines");
}
