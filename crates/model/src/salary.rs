//! Salary text → `Salary`. (Being written: see the salary normalizer work.)
use crate::posting::Salary;

#[derive(Debug, Clone, Default)]
pub struct SalaryOptions {
    /// ISO 4217 code used when the text names no currency.
    pub default_currency: Option<String>,
}

/// Parse pay from a salary string or a whole description. `None` when no pay is stated.
pub fn parse_salary(text: &str) -> Option<Salary> {
    parse_salary_with(text, &SalaryOptions::default())
}

pub fn parse_salary_with(_text: &str, _opts: &SalaryOptions) -> Option<Salary> {
    None
}
