//! Money: a dated exchange-rate table and annualized pay, shared by the search index (salary
//! filters and sort) and salary insight.
//!
//! Assumptions, stated once (docs/SALARIES.md repeats them for users):
//! * A work year is 2,080 hours (40 h × 52 weeks), 260 days, 52 weeks or 12 months.
//! * A pay range without a period is taken as yearly; salary insight flags figures that are
//!   implausible as yearly pay instead of averaging them in.
//! * Exchange rates are reference rates of one date (`Rates::builtin().date`); the operator can
//!   override them with a TOML file (`date = "…"` and `[per_usd] EUR = 0.86 …`).

use std::collections::HashMap;

use serde::Deserialize;

use crate::posting::{Period, Salary};

/// Hours, days, weeks and months in a work year.
pub const HOURS_PER_YEAR: f64 = 2080.0;
pub const DAYS_PER_YEAR: f64 = 260.0;
pub const WEEKS_PER_YEAR: f64 = 52.0;
pub const MONTHS_PER_YEAR: f64 = 12.0;

/// How many of `period` make a year.
pub fn periods_per_year(period: Period) -> f64 {
    match period {
        Period::Hour => HOURS_PER_YEAR,
        Period::Day => DAYS_PER_YEAR,
        Period::Week => WEEKS_PER_YEAR,
        Period::Month => MONTHS_PER_YEAR,
        Period::Year => 1.0,
    }
}

/// Units of each currency per US dollar, reference rates of 2026-11-02 (rounded).
/// Kept in the repo so results are reproducible; operators override with `Rates::from_toml`.
const BUILTIN_DATE: &str = "2026-11-02";
const BUILTIN: &[(&str, f64)] = &[
    ("USD", 1.0),
    ("EUR", 0.866),
    ("GBP", 0.761),
    ("CHF", 0.805),
    ("CAD", 1.401),
    ("AUD", 1.527),
    ("NZD", 1.748),
    ("JPY", 153.9),
    ("CNY", 7.12),
    ("HKD", 7.77),
    ("SGD", 1.302),
    ("INR", 88.7),
    ("KRW", 1431.0),
    ("TWD", 30.7),
    ("SEK", 9.51),
    ("NOK", 10.09),
    ("DKK", 6.47),
    ("PLN", 3.68),
    ("CZK", 21.1),
    ("HUF", 335.0),
    ("RON", 4.41),
    ("BGN", 1.694),
    ("ILS", 3.26),
    ("TRY", 42.1),
    ("AED", 3.6725),
    ("SAR", 3.75),
    ("ZAR", 17.3),
    ("NGN", 1440.0),
    ("KES", 129.2),
    ("EGP", 47.4),
    ("BRL", 5.37),
    ("MXN", 18.5),
    ("ARS", 1450.0),
    ("CLP", 940.0),
    ("COP", 3880.0),
    ("PEN", 3.38),
    ("UAH", 42.0),
    ("PHP", 58.9),
    ("IDR", 16650.0),
    ("MYR", 4.19),
    ("THB", 32.4),
    ("VND", 26300.0),
    ("PKR", 281.0),
    ("BDT", 122.0),
    ("LKR", 302.0),
    ("ISK", 126.0),
    ("RSD", 101.5),
];

/// A dated table of exchange rates (units per US dollar).
#[derive(Debug, Clone, PartialEq)]
pub struct Rates {
    pub date: String,
    per_usd: HashMap<String, f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RatesFile {
    date: String,
    per_usd: HashMap<String, f64>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum RatesError {
    #[error("rate file: {0}")]
    Syntax(String),
    #[error("rate file: {currency}: rate must be a positive number, got {rate}")]
    BadRate { currency: String, rate: f64 },
    #[error("rate file: {0:?} is not a three-letter ISO 4217 code")]
    BadCode(String),
}

impl Rates {
    /// The table shipped with hirekit.
    pub fn builtin() -> Rates {
        Rates {
            date: BUILTIN_DATE.to_string(),
            per_usd: BUILTIN.iter().map(|(c, r)| (c.to_string(), *r)).collect(),
        }
    }

    /// The built-in table with the operator's rates laid over it.
    pub fn from_toml(text: &str) -> Result<Rates, RatesError> {
        let file: RatesFile =
            toml::from_str(text).map_err(|e| RatesError::Syntax(e.to_string()))?;
        let mut rates = Rates::builtin();
        rates.date = file.date;
        for (code, rate) in file.per_usd {
            let code = code.trim().to_ascii_uppercase();
            if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
                return Err(RatesError::BadCode(code));
            }
            if !(rate.is_finite() && rate > 0.0) {
                return Err(RatesError::BadRate {
                    currency: code,
                    rate,
                });
            }
            rates.per_usd.insert(code, rate);
        }
        Ok(rates)
    }

    pub fn knows(&self, currency: &str) -> bool {
        self.per_usd.contains_key(&currency.to_ascii_uppercase())
    }

    /// Currencies in the table, sorted.
    pub fn currencies(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.per_usd.keys().map(String::as_str).collect();
        v.sort_unstable();
        v
    }

    /// `amount` of `from` expressed in `to`; None when either currency is unknown.
    pub fn convert(&self, amount: f64, from: &str, to: &str) -> Option<f64> {
        if from.eq_ignore_ascii_case(to) {
            return Some(amount);
        }
        let f = self.per_usd.get(&from.to_ascii_uppercase())?;
        let t = self.per_usd.get(&to.to_ascii_uppercase())?;
        Some(amount / f * t)
    }
}

/// A salary as a yearly range in `currency`: `(low, high)`, a one-sided range taking the
/// stated side for both. None without any amount or with an unknown currency. A salary without
/// a currency is taken to be in `default_currency` (the caller knows the country, if anyone).
pub fn annual_range(
    s: &Salary,
    rates: &Rates,
    currency: &str,
    default_currency: Option<&str>,
) -> Option<(f64, f64)> {
    let (lo, hi) = match (s.min, s.max) {
        (Some(a), Some(b)) => (a.min(b), a.max(b)),
        (Some(a), None) | (None, Some(a)) => (a, a),
        (None, None) => return None,
    };
    if !(lo.is_finite() && hi.is_finite()) || hi <= 0.0 {
        return None;
    }
    let from = s.currency.as_deref().or(default_currency)?;
    let k = periods_per_year(s.period.unwrap_or(Period::Year));
    Some((
        rates.convert(lo * k, from, currency)?,
        rates.convert(hi * k, from, currency)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sal(min: Option<f64>, max: Option<f64>, cur: &str, period: Option<Period>) -> Salary {
        Salary {
            min,
            max,
            currency: Some(cur.into()),
            period,
        }
    }

    #[test]
    fn annualizes_with_stated_assumptions() {
        let r = Rates::builtin();
        assert_eq!(
            annual_range(
                &sal(Some(50.0), Some(60.0), "USD", Some(Period::Hour)),
                &r,
                "USD",
                None
            ),
            Some((104_000.0, 124_800.0))
        );
        assert_eq!(
            annual_range(
                &sal(Some(500.0), None, "USD", Some(Period::Day)),
                &r,
                "USD",
                None
            ),
            Some((130_000.0, 130_000.0))
        );
        assert_eq!(
            annual_range(
                &sal(None, Some(10_000.0), "USD", Some(Period::Month)),
                &r,
                "USD",
                None
            ),
            Some((120_000.0, 120_000.0))
        );
        assert_eq!(
            annual_range(
                &sal(Some(90_000.0), Some(80_000.0), "USD", None),
                &r,
                "USD",
                None
            ),
            Some((80_000.0, 90_000.0))
        );
        assert_eq!(
            annual_range(&sal(None, None, "USD", None), &r, "USD", None),
            None
        );
    }

    #[test]
    fn converts_through_the_dollar() {
        let r = Rates::builtin();
        let eur = r.convert(100.0, "USD", "EUR").expect("known");
        assert!((eur - 86.6).abs() < 1e-9);
        let back = r.convert(eur, "eur", "usd").expect("known");
        assert!((back - 100.0).abs() < 1e-9);
        assert_eq!(r.convert(1.0, "XXX", "USD"), None);
        let no_currency = Salary {
            min: Some(1.0),
            max: None,
            currency: None,
            period: None,
        };
        assert_eq!(annual_range(&no_currency, &r, "USD", None), None);
        assert_eq!(
            annual_range(&no_currency, &r, "USD", Some("USD")),
            Some((1.0, 1.0))
        );
    }

    #[test]
    fn operator_rates_override_and_are_checked() {
        let r = Rates::from_toml("date = \"2027-01-01\"\n[per_usd]\neur = 0.9\nXAU = 0.0004\n")
            .expect("valid");
        assert_eq!(r.date, "2027-01-01");
        assert!((r.convert(1.0, "USD", "EUR").expect("eur") - 0.9).abs() < 1e-12);
        assert!(r.knows("XAU") && r.knows("GBP"));
        assert!(matches!(
            Rates::from_toml("date = \"x\"\n[per_usd]\nEUR = -1\n"),
            Err(RatesError::BadRate { .. })
        ));
        assert!(matches!(
            Rates::from_toml("date = \"x\"\n[per_usd]\nEURO = 1\n"),
            Err(RatesError::BadCode(_))
        ));
        assert!(matches!(
            Rates::from_toml("nonsense"),
            Err(RatesError::Syntax(_))
        ));
    }
}
