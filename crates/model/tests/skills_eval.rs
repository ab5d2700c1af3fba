//! Precision and recall of `extract_skills` on hand-labelled real sentences.
use hirekit_model::skills::{all_skills, extract_skills};

#[test]
fn labelled_skills_precision_recall() {
    let data = include_str!("data/skills_labelled.tsv");
    let known: Vec<&str> = all_skills().iter().map(|s| s.name).collect();
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    // Rows whose source starts with "ho-" were labelled after the rules were written and
    // were not used to tune them: their figures are reported separately.
    let (mut htp, mut hfp, mut hfn) = (0usize, 0usize, 0usize);
    let mut n = 0;
    let mut report = Vec::new();
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        assert!(f.len() >= 2, "bad line {line:?}");
        // "\n" in the data stands for a line break (line lists: bullets, short lines).
        let text = &f[1].replace("\\n", "\n");
        let want: Vec<&str> = f
            .get(2)
            .map(|s| s.split('|').filter(|s| !s.is_empty()).collect())
            .unwrap_or_default();
        for w in &want {
            assert!(known.contains(w), "label {w:?} is not a canonical skill");
        }
        let got: Vec<&str> = extract_skills(text).iter().map(|m| m.skill).collect();
        n += 1;
        let t = got.iter().filter(|g| want.contains(g)).count();
        let missed_n = want.iter().filter(|w| !got.contains(w)).count();
        tp += t;
        fp += got.len() - t;
        fn_ += missed_n;
        if f[0].starts_with("ho-") {
            htp += t;
            hfp += got.len() - t;
            hfn += missed_n;
        }
        let extra: Vec<_> = got.iter().filter(|g| !want.contains(g)).collect();
        let missed: Vec<_> = want.iter().filter(|w| !got.contains(w)).collect();
        if !extra.is_empty() || !missed.is_empty() {
            report.push(format!("{text:.90}… extra {extra:?} missed {missed:?}"));
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    eprintln!("skills eval: {n} snippets, {} labelled skills; precision {precision:.3}, recall {recall:.3}", tp + fn_);
    let hp = htp as f64 / (htp + hfp).max(1) as f64;
    let hr = htp as f64 / (htp + hfn).max(1) as f64;
    eprintln!(
        "  of which held-out rows: {} labelled skills; precision {hp:.3}, recall {hr:.3}",
        htp + hfn
    );
    for r in &report {
        eprintln!("  {r}");
    }
    assert!(n >= 150);
    assert!(precision >= 0.9, "precision {precision:.3}");
    assert!(recall >= 0.85, "recall {recall:.3}");
}
