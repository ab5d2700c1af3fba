//! Lint real JDs from shared/data: findings per rule, a spot-check sample to read by hand,
//! and the precision of the hand-labelled findings in tests/data/lint_spotcheck.tsv.
//!
//! Each document is the posting as a reader sees it: title, "Location: …" line, description
//! (Greenhouse HTML is entity-decoded once, as ingestion does). The reference date is the
//! posting's own date, so laws and technology ages are those of that day.
//! `cargo test -p hirekit-jd --test eval_real -- --nocapture`
#![allow(clippy::unwrap_used)] // tests fail loudly

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use hirekit_jd::{lint, LintOptions};

struct Doc {
    key: String,
    text: String,
    date: NaiveDate,
}

fn data_dir() -> Option<PathBuf> {
    let p = std::env::var("HIREKIT_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"))
        });
    p.join("jobs").is_dir().then_some(p)
}

fn load(dir: &std::path::Path) -> Vec<Doc> {
    let mut docs = Vec::new();
    let li = dir.join("jobs/linkedin_2023_2024_sample_1000.csv");
    if let Ok(mut r) = csv::Reader::from_path(&li) {
        let h = r.headers().cloned().unwrap_or_default();
        let col = |n: &str| h.iter().position(|x| x == n);
        let (id, title, desc, loc, t) = (
            col("job_id"),
            col("title"),
            col("description"),
            col("location"),
            col("listed_time"),
        );
        for rec in r.records().flatten() {
            let get = |c: Option<usize>| c.and_then(|i| rec.get(i)).unwrap_or("").to_string();
            let ms: f64 = get(t).parse().unwrap_or(0.0);
            let date = chrono::DateTime::from_timestamp_millis(ms as i64)
                .map(|d| d.date_naive())
                .unwrap_or_default();
            let d = get(desc);
            if d.trim().is_empty() {
                continue;
            }
            docs.push(Doc {
                key: format!("linkedin:{}", get(id)),
                text: format!("{}\nLocation: {}\n\n{}", get(title), get(loc), d),
                date,
            });
        }
    }
    let gl = dir.join("jobs/greenhouse_lever_board_jobs_2025_11_480.json");
    if let Ok(body) = std::fs::read_to_string(&gl) {
        let v: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
        for j in v.as_array().into_iter().flatten() {
            let s = |k: &str| j.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
            let desc = hirekit_model::text::decode_entities(&s("description")).into_owned();
            if desc.trim().is_empty() {
                continue;
            }
            let date = s("timestamp")
                .get(..10)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .unwrap_or_default();
            let sep = if desc.contains('<') { "<br>" } else { "\n" };
            let id = match j.get("id") {
                Some(serde_json::Value::String(x)) => x.clone(),
                Some(x) => x.to_string(),
                None => String::new(),
            };
            docs.push(Doc {
                key: format!("{}:{id}", s("source")),
                text: format!(
                    "{}{sep}Location: {}{sep}{sep}{desc}",
                    s("title"),
                    s("locationName")
                ),
                date,
            });
        }
    }
    docs
}

/// One line of context around a span, tabs and newlines escaped.
fn snippet(text: &str, s: usize, e: usize) -> String {
    let mut a = s.saturating_sub(70);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (e + 70).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    let mark = if e > s {
        format!("[[{}]]", &text[s..e])
    } else {
        "[[]]".into()
    };
    let doc_level = s == 0 && e == 0;
    let raw = if doc_level {
        text.chars().take(200).collect::<String>()
    } else {
        format!("{}{}{}", &text[a..s], mark, &text[e..b])
    };
    raw.replace(['\t', '\n', '\r'], " ")
}

#[test]
fn lint_real_jds() {
    let Some(dir) = data_dir() else {
        eprintln!("skipping: shared data not found (set HIREKIT_SHARED_DATA)");
        return;
    };
    let docs = load(&dir);
    if docs.len() < 50 {
        eprintln!(
            "skipping: only {} JDs found under {}",
            docs.len(),
            dir.display()
        );
        return;
    }
    let mut per_rule: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut all = Vec::new(); // (doc index, finding)
    let start = std::time::Instant::now();
    for (i, d) in docs.iter().enumerate() {
        let opts = LintOptions {
            reference_date: d.date,
            ..LintOptions::default()
        };
        let f = lint(&d.text, &opts).expect("real JDs are text");
        for x in f {
            assert!(
                d.text.get(x.start..x.end).is_some(),
                "bad span {x:?} in {}",
                d.key
            );
            *per_rule.entry((x.rule, x.severity.as_str())).or_default() += 1;
            all.push((i, x));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "{} JDs, {} findings ({:.0} JDs/s in this debug build, one thread)",
        docs.len(),
        all.len(),
        docs.len() as f64 / secs
    );
    for ((rule, sev), n) in &per_rule {
        eprintln!("  {rule:32} {sev:8} {n:6}");
    }

    // spot-check sample: up to 8 findings per (rule, severity), spread over the corpus
    let mut groups: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (k, (_, f)) in all.iter().enumerate() {
        groups
            .entry((f.rule, f.severity.as_str()))
            .or_default()
            .push(k);
    }
    let mut out = String::from("id\trule\tseverity\tmessage\tsnippet\n");
    for ks in groups.values() {
        let step = (ks.len() / 8).max(1);
        for &k in ks.iter().step_by(step).take(8) {
            let (i, f) = &all[k];
            let d = &docs[*i];
            out.push_str(&format!(
                "{}#{}@{}\t{}\t{}\t{}\t{}\n",
                d.key,
                f.rule,
                f.start,
                f.rule,
                f.severity.as_str(),
                f.message.replace('\t', " "),
                snippet(&d.text, f.start, f.end)
            ));
        }
    }
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| std::env::temp_dir());
    let path = target.join("jd_lint_spotcheck_sample.tsv");
    std::fs::write(&path, out).expect("write sample");
    eprintln!("spot-check sample: {}", path.display());

    // precision over the hand-labelled findings that the linter still produces
    let labels = include_str!("data/lint_spotcheck.tsv");
    let produced: std::collections::HashSet<String> = all
        .iter()
        .map(|(i, f)| format!("{}#{}@{}", docs[*i].key, f.rule, f.start))
        .collect();
    let (mut right, mut total, mut gone) = (0, 0, 0);
    let mut by_rule: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for line in labels.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(id), Some(verdict)) = (cols.first(), cols.last()) else {
            continue;
        };
        if !produced.contains(*id) {
            gone += 1;
            continue;
        }
        total += 1;
        let ok = verdict.trim() == "right";
        right += usize::from(ok);
        let e = by_rule
            .entry(cols.get(1).unwrap_or(&"?").to_string())
            .or_default();
        e.0 += usize::from(ok);
        e.1 += 1;
    }
    if total > 0 {
        let p = right as f64 / total as f64;
        eprintln!("hand-labelled precision: {right}/{total} = {:.1}% ({gone} labelled findings no longer produced)", p * 100.0);
        for (r, (ok, n)) in &by_rule {
            eprintln!("  {r:32} {ok}/{n}");
        }
        assert!(p >= 0.9, "precision {p:.3} below 0.9");
    }
}
