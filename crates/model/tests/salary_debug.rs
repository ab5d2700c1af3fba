//! Manual inspection helpers (no assertions; they do nothing unless asked):
//! `SALARY_DEBUG="text" cargo test --test salary_debug -- --nocapture` prints one parse;
//! `SALARY_DEBUG_FILE=lines.txt …` prints the parse of every line (`\n` = line break).
use hirekit_model::salary::{parse_salary_with, SalaryOptions};

fn opts() -> SalaryOptions {
    SalaryOptions {
        default_currency: std::env::var("SALARY_DEFAULT").ok(),
    }
}

#[test]
fn debug_one() {
    if let Ok(t) = std::env::var("SALARY_DEBUG") {
        println!("{:?}", parse_salary_with(&t, &opts()));
    }
}

#[test]
fn debug_file() {
    let Ok(path) = std::env::var("SALARY_DEBUG_FILE") else {
        return;
    };
    let body = std::fs::read_to_string(path).unwrap_or_default();
    for line in body.lines() {
        let text = line.replace("\\n", "\n");
        let got = parse_salary_with(&text, &opts()).map(|s| {
            format!(
                "{:?} {:?} {:?} {:?}",
                s.min,
                s.max,
                s.currency,
                s.period.map(|p| p.as_str())
            )
        });
        let head: String = line.chars().take(150).collect();
        println!("{got:?}\t{head}");
    }
}
