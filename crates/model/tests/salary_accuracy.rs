//! Exact accuracy of the salary parser over hand-labelled real strings.
//!
//! Files (tab-separated, header row): `text, min, max, currency, period, default_currency,
//! source`. Empty = null; `null` in `min` means the text states no pay. `default_currency`
//! is what ingestion would pass as `SalaryOptions::default_currency` (the posting country's
//! currency, e.g. CNY for Lagou, PLN for NoFluffJobs, GBP for Adzuna UK). In `text`, `\n`
//! stands for a line break. `salary_labelled.tsv` was used while developing;
//! `salary_labelled_holdout.tsv` was kept aside and only checked at the end.
use hirekit_model::salary::{parse_salary_with, SalaryOptions};

/// min, max, currency, period
type Expected = (Option<f64>, Option<f64>, Option<String>, Option<String>);

struct Row {
    text: String,
    expected: Option<Expected>,
    default: Option<String>,
}

fn load(name: &str) -> Vec<Row> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let body = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let num = |s: &str| (!s.is_empty()).then(|| s.parse::<f64>().unwrap_or(f64::NAN));
    body.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert!(c.len() >= 5, "bad row in {name}: {l}");
            let expected = (c[1] != "null").then(|| (num(c[1]), num(c[2]), opt(c[3]), opt(c[4])));
            Row {
                text: c[0].replace("\\n", "\n"),
                expected,
                default: c.get(5).and_then(|s| opt(s)),
            }
        })
        .collect()
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() < 0.005,
        _ => false,
    }
}

/// (correct, total), printing every mismatch.
fn score(name: &str) -> (usize, usize) {
    let rows = load(name);
    let mut ok = 0;
    for r in &rows {
        let opts = SalaryOptions {
            default_currency: r.default.clone(),
        };
        let got = parse_salary_with(&r.text, &opts).map(|s| {
            (
                s.min,
                s.max,
                s.currency,
                s.period.map(|p| p.as_str().to_string()),
            )
        });
        let good = match (&got, &r.expected) {
            (None, None) => true,
            (Some(g), Some(e)) => same(g.0, e.0) && same(g.1, e.1) && g.2 == e.2 && g.3 == e.3,
            _ => false,
        };
        if good {
            ok += 1;
        } else {
            let t: String = r.text.chars().take(160).collect();
            println!(
                "MISMATCH [{name}] {t:?}\n    expected {:?}\n    got      {:?}",
                r.expected, got
            );
        }
    }
    let pct = 100.0 * ok as f64 / rows.len() as f64;
    println!("{name}: {ok}/{} exact = {pct:.2}%", rows.len());
    (ok, rows.len())
}

#[test]
fn labelled_accuracy() {
    // SALARY_SPLIT=dev checks only the development file.
    let split = std::env::var("SALARY_SPLIT").unwrap_or_default();
    let mut files = vec!["salary_labelled.tsv"];
    if split != "dev" {
        files.push("salary_labelled_holdout.tsv");
    }
    let (mut ok, mut n) = (0, 0);
    for f in files {
        let (a, b) = score(f);
        ok += a;
        n += b;
    }
    let acc = ok as f64 / n as f64;
    println!("overall: {ok}/{n} exact = {:.2}%", 100.0 * acc);
    assert!(n >= 500, "labelled set too small: {n}");
    assert!(acc >= 0.98, "exact accuracy {acc:.4} < 0.98");
}
