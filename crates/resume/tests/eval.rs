//! Accuracy against the labelled data in ../shared/data (skipped when it is absent).
//! Run with `cargo test -p hirekit-resume --test eval -- --nocapture` to see the figures.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

mod common;

use hirekit_model::profile::YearMonth;
use hirekit_model::skills::canonical_skill;
use hirekit_resume::{extract, parse_profile_at, Limits};


/// "6.5 years", "5 Years 11 Months", "6 months", "4yrs.", "10years" → years; a bare year
/// ("2004") is not a duration.
fn gold_years(s: &str) -> Option<f32> {
    let s = s.to_lowercase();
    let re = regex::Regex::new(r"(\d+(?:\.\d+)?)\s*\+?\s*(years?|yrs?|months?)").ok()?;
    let mut total = 0.0;
    let mut any = false;
    for c in re.captures_iter(&s) {
        let n: f32 = c[1].parse().ok()?;
        total += if c[2].starts_with('m') { n / 12.0 } else { n };
        any = true;
    }
    any.then_some(total)
}

#[test]
fn dataturks_fields() {
    let Some(root) = common::shared_data() else { return };
    let path = root.join("resumes/dataturks_resume_entities_220.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} missing", path.display());
        return;
    };
    // The set was exported from indeed.com around 2018–2019: "Present" ends there, not today.
    let today = YearMonth {
        year: 2019,
        month: 1,
    };
    let (mut n, mut email_n, mut email_ok, mut name_n, mut name_ok, mut phone_found) =
        (0, 0, 0, 0, 0, 0);
    let (mut years_n, mut years_ok) = (0, 0);
    let (mut link_n, mut link_ok) = (0, 0);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for line in data.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(content) = v["content"].as_str() else {
            continue;
        };
        n += 1;
        let p = parse_profile_at(content, today);
        let mut labels: HashMap<String, Vec<String>> = HashMap::new();
        for a in v["annotation"].as_array().into_iter().flatten() {
            for l in a["label"].as_array().into_iter().flatten() {
                for pt in a["points"].as_array().into_iter().flatten() {
                    if let (Some(l), Some(t)) = (l.as_str(), pt["text"].as_str()) {
                        labels
                            .entry(l.to_string())
                            .or_default()
                            .push(t.trim().to_string());
                    }
                }
            }
        }
        if p.contact.phone.is_some() {
            phone_found += 1;
        }
        // Email: only where the label is an address (many are indeed.com profile URLs).
        if let Some(gold) = labels
            .get("Email Address")
            .and_then(|v| v.iter().find(|e| e.contains('@')))
        {
            email_n += 1;
            let gold = gold.to_lowercase().replace(' ', "");
            if p.contact
                .email
                .as_deref()
                .map(str::to_lowercase)
                .is_some_and(|e| gold.contains(&e) && e.len() * 10 >= gold.len() * 8)
            {
                email_ok += 1;
            }
        }
        // Most "Email Address" labels are the indeed.com profile URL: score it as a link.
        if let Some(gold) = labels
            .get("Email Address")
            .and_then(|v| v.iter().find(|e| e.contains("indeed.com/r/")))
        {
            link_n += 1;
            let key = gold
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .trim_end_matches('/')
                .to_lowercase();
            if p.contact
                .links
                .iter()
                .any(|l| l.to_lowercase().contains(&key))
            {
                link_ok += 1;
            }
        }
        if let Some(gold) = labels.get("Name").and_then(|v| v.first()) {
            name_n += 1;
            let norm = |s: &str| {
                s.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            };
            if p.contact.name.as_deref().map(norm) == Some(norm(gold)) {
                name_ok += 1;
            }
        }
        if let Some(gold) = labels
            .get("Years of Experience")
            .and_then(|v| v.iter().find_map(|s| gold_years(s)))
        {
            years_n += 1;
            if (p.total_years - gold).abs() <= 1.0 {
                years_ok += 1;
            }
        }
        // Skills: the labels are free text ("Database (Less than 1 year), HTML …"); the gold
        // set is what the taxonomy recognises among its comma/line separated items.
        if let Some(spans) = labels.get("Skills") {
            let gold: BTreeSet<&str> = spans
                .iter()
                .flat_map(|s| s.split([',', '\n', ';', '•', '(', ')', ':', '|', '/']))
                .filter_map(|item| canonical_skill(item.trim().trim_end_matches('.')))
                .collect();
            if gold.is_empty() {
                continue;
            }
            let ours: BTreeSet<&str> = p.skills.iter().map(|s| s.name.as_str()).collect();
            let hit = ours.iter().filter(|s| gold.contains(*s)).count();
            tp += hit;
            fp += ours.len() - hit;
            fn_ += gold.len() - hit;
        }
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    let precision = pct(tp, tp + fp);
    let recall = pct(tp, tp + fn_);
    eprintln!("dataturks: {n} resumes");
    eprintln!(
        "  email accuracy   {:.1}% ({email_ok}/{email_n} with an address label)",
        pct(email_ok, email_n)
    );
    eprintln!("  profile link     {:.1}% ({link_ok}/{link_n} indeed.com URLs labelled as \"Email Address\")", pct(link_ok, link_n));
    eprintln!(
        "  name accuracy    {:.1}% ({name_ok}/{name_n})",
        pct(name_ok, name_n)
    );
    eprintln!("  phone found      {phone_found}/{n} (no phone labels in this set)");
    eprintln!(
        "  total years ±1   {:.1}% ({years_ok}/{years_n} labelled)",
        pct(years_ok, years_n)
    );
    eprintln!("  skills           precision {precision:.1}%  recall {recall:.1}%  (whole profile vs taxonomy skills in the labelled Skills spans)");
    if n == 0 {
        return;
    }
    if email_n > 0 {
        assert!(pct(email_ok, email_n) >= 90.0);
    }
    assert!(pct(link_ok, link_n) >= 85.0);
    assert!(pct(name_ok, name_n) >= 75.0);
    assert!(pct(years_ok, years_n) >= 40.0);
    assert!(recall >= 80.0);
    assert!(precision >= 25.0);
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Dice coefficient of two multisets.
fn dice<T: std::hash::Hash + Eq + Clone>(a: &[T], b: &[T]) -> f64 {
    let mut m: HashMap<T, i64> = HashMap::new();
    for x in a {
        *m.entry(x.clone()).or_default() += 1;
    }
    let mut common = 0;
    for x in b {
        if let Some(c) = m.get_mut(x) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    if a.is_empty() && b.is_empty() {
        1.0
    } else {
        2.0 * common as f64 / (a.len() + b.len()) as f64
    }
}

#[test]
fn pdf_text_vs_pdftotext() {
    let Some(root) = common::shared_data() else { return };
    let dir = root.join("resumes/pdf/livecareer");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: {} missing", dir.display());
        return;
    };
    let mut pdfs: Vec<PathBuf> = rd
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    pdfs.sort();
    let (mut n, mut failed, mut word_sum, mut bigram_sum, mut worst) =
        (0, 0, 0.0, 0.0, (1.0f64, String::new()));
    for pdf in &pdfs {
        let reference = pdf.with_extension("pdftotext.txt");
        let Ok(reference) = std::fs::read_to_string(&reference) else {
            continue;
        };
        let Ok(bytes) = std::fs::read(pdf) else {
            continue;
        };
        n += 1;
        let Ok(doc) = extract(&bytes, &pdf.to_string_lossy(), &Limits::default()) else {
            failed += 1;
            continue;
        };
        // The same clean-up on both sides (mojibake repair, ligatures), so the comparison
        // measures words and order.
        let ours = words(&doc.text);
        let theirs = words(&hirekit_model::text::fix_mojibake(&reference));
        let w = dice(&ours, &theirs);
        let bi = |v: &[String]| {
            v.windows(2)
                .map(|p| (p[0].clone(), p[1].clone()))
                .collect::<Vec<_>>()
        };
        let b = dice(&bi(&ours), &bi(&theirs));
        word_sum += w;
        bigram_sum += b;
        if b < worst.0 {
            worst = (
                b,
                pdf.file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            );
        }
    }
    if n == 0 {
        eprintln!("skipping: no PDFs with references");
        return;
    }
    let ok = (n - failed) as f64;
    eprintln!("livecareer PDFs vs pdftotext: {n} files, {failed} failed");
    eprintln!("  word Dice   {:.3}", word_sum / ok);
    eprintln!(
        "  bigram Dice {:.3} (reading order)  worst {:.3} {}",
        bigram_sum / ok,
        worst.0,
        worst.1
    );
    assert_eq!(failed, 0);
    assert!(word_sum / ok >= 0.95);
    assert!(bigram_sum / ok >= 0.85);
}
