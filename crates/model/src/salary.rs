//! Salary text → [`Salary`]: reads pay from a salary field ("£18,000 - £22,000 per annum")
//! or finds it inside a whole (HTML-stripped) job description.
//!
//! # Conventions
//!
//! * Amounts are in the stated unit and period, never annualized: "$20-$23 per hour" is
//!   `{min: 20, max: 23, period: hour}`.
//! * A single figure gives `min = max`. "up to X" (also "max", "bis zu", "jusqu'à") gives
//!   `min = None`; "from X", "starting at X", "X+", "at least X", "ab X", "20k以上" give
//!   `max = None`. A bound written as a word ("£30,000 to Competitive") is `None`.
//! * Multipliers: k/K = 1,000, M/mn/million = 1,000,000, lakh/lac/L = 100,000,
//!   crore = 10,000,000, 万 = 10,000; "LPA" is lakhs per annum (₹ 12 LPA → 1,200,000 INR/year).
//!   A multiplier on the upper bound also scales a bare lower bound below 1,000:
//!   "€40 - €60k" = 40,000–60,000, "$120-150k" = 120,000–150,000.
//! * Separators: `,` `.` `'` and (no-break) spaces before exactly three digits group
//!   thousands (€110.000, 1 200 000, 100'000, Indian 12,00,000); `.` or `,` before one or two
//!   digits is a decimal point ($20.50/hr, 20,50 €); in "1.234,56" the last one is.
//! * Currency: symbols ($, £, €, ₹, ¥, 元, zł, kr, ₩, ₽…), prefixed dollars (US$, C$, CA$,
//!   A$, AU$, NZ$, HK$, S$, R$), ISO 4217 codes (USD, CHF, PLN…; a few that are everyday
//!   words such as ALL or TOP are not read as codes) and RMB/Rs. An explicit code beats a
//!   symbol ("$145,000 CAD" is CAD). `$` is USD unless the default currency is another
//!   dollar (CAD, AUD…); `¥` is JPY unless the default is CNY; `kr` is SEK unless the default
//!   is NOK/DKK/ISK. With no currency in the text the currency is
//!   [`SalaryOptions::default_currency`] (ingestion passes the posting country's currency),
//!   else `None`. Mojibake `Â£`, `â‚¬`, `‚¬` and the entities `&pound;`, `&euro;`, `&nbsp;`
//!   are read as the symbols.
//! * Period: from words after the figure (/hr, /h, p.h., ph, per hour, hourly, /day, per
//!   diem, p.d., /wk, weekly, /mo, /month, p.m., monthly, pa, p.a., per annum, /yr, annually,
//!   yearly, LPA, pro Jahr, par an, brut annuel, al mes, /月, /年…) or before it ("hourly
//!   rate", "annual salary", "day rate"). "p.m." after a bare time ("5 p.m.") is not pay.
//!   With no period word: a figure ≥ 10,000 is yearly and one < 200 hourly; in between the
//!   period is `None`. Exception: in currencies whose ads quote monthly pay by convention
//!   (CNY, PLN, RUB, UAH, BRL, CZK, HUF, RON, TRY, ARS), figures from 1,000 up to 100,000
//!   with no period word are monthly (Lagou "15k-30k" with default CNY is monthly; PLN
//!   "12 800 – 17 600 PLN" is monthly).
//! * Several figures: the first base pay wins; a figure tied to a salary or period word
//!   beats a bare one. Equity ranges never count. OTE, bonus, commission and total
//!   compensation count only when no base pay is stated. Funding ("raised $20M"), revenue,
//!   valuations, benefits budgets and stipends, company size, years ("2023"), phone numbers,
//!   401(k), percentages, times and dates are not pay.
//! * Comparison signs bound a figure: "> $90K", "≥ 50 000 €" give `max = None`; "< £30k"
//!   gives `min = None`. "to £60k" at the start of a field or after a salary word
//!   ("Basic to 115,000") is an upper bound.
//! * lakh/crore figures with no currency are INR (Indian numbering).
//! * Text glued together by HTML stripping ("$100,000 a yearA signing bonus…",
//!   "$20,000Other rewards") is split where a capital letter follows a lowercase one.
//! * Text with no digit, or only words ("Competitive", "DOE", "negotiable"), gives `None`.
//! * Bare figures with no currency count only in short texts (a salary field, ≤ 100 bytes)
//!   or next to a salary word, and only with a period word, a multiplier or a value ≥ 1,000.
use crate::posting::{Period, Salary};
use memchr::memmem;
use std::borrow::Cow;
use std::sync::LazyLock;

mod cues;
mod currency;
mod number;
mod scan;
mod words;

use scan::{Bound, Kind, Mention};

#[derive(Debug, Clone, Default)]
pub struct SalaryOptions {
    /// ISO 4217 code used when the text names no currency.
    pub default_currency: Option<String>,
}

/// Parse pay from a salary string or a whole description. `None` when no pay is stated.
pub fn parse_salary(text: &str) -> Option<Salary> {
    parse_salary_with(text, &SalaryOptions::default())
}

/// Like [`parse_salary`], with a default currency for texts that name none.
pub fn parse_salary_with(text: &str, opts: &SalaryOptions) -> Option<Salary> {
    if !text.bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let text = fix_encoding(text);
    let b = text.as_bytes();
    let short = text.trim().len() <= 100;
    let default = opts
        .default_currency
        .as_deref()
        .and_then(currency::known_code);
    let m = pick(b, short)?;
    build(&m, default)
}

/// Mis-decoded £/€ ("Â£", "â‚¬", "‚¬") and the HTML entities worth undoing.
static MOJIBAKE: LazyLock<[memmem::Finder<'static>; 2]> =
    LazyLock::new(|| [memmem::Finder::new("Â"), memmem::Finder::new("‚¬")]);
const ENTITIES: &[(&str, &str)] = &[
    ("&pound;", "£"),
    ("&euro;", "€"),
    ("&#163;", "£"),
    ("&#8364;", "€"),
    ("&#36;", "$"),
    ("&nbsp;", " "),
    ("&amp;", "&"),
    ("&#x2F;", "/"),
    ("&ndash;", "–"),
    ("&mdash;", "—"),
];

/// Undo the usual mis-decodings of £ and €, and a few HTML entities; borrows unless needed.
fn fix_encoding(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let moji = MOJIBAKE.iter().any(|f| f.find(b).is_some());
    let entity = memchr::memchr_iter(b'&', b).any(|p| {
        ENTITIES
            .iter()
            .any(|(e, _)| b[p..].starts_with(e.as_bytes()))
    });
    if !moji && !entity {
        return Cow::Borrowed(text);
    }
    let mut s = text.to_string();
    if moji {
        s = s
            .replace("â‚¬", "€")
            .replace("‚¬", "€")
            .replace("Â£", "£")
            .replace("Â\u{a0}", " ");
    }
    if entity {
        for (e, r) in ENTITIES {
            if s.contains(e) {
                s = s.replace(e, r);
            }
        }
    }
    Cow::Owned(s)
}

/// Walk the figures in order and keep the best pay mention.
fn pick(b: &[u8], short: bool) -> Option<Mention> {
    let mut weak_base: Option<Mention> = None;
    let mut extra: Option<Mention> = None;
    let mut i = 0;
    while i < b.len() {
        // jump to the next digit that starts a number
        match b[i..].iter().position(u8::is_ascii_digit) {
            Some(p) => i += p,
            None => break,
        }
        let m = match scan::mention_at(b, i, !short) {
            Ok(m) => m,
            Err(skip) => {
                i = skip;
                continue;
            }
        };
        i = m.end;
        let Some(level) = accept(&m, short) else {
            continue;
        };
        match m.kind {
            Kind::Base if level == Level::Strong => return Some(m),
            Kind::Base => {
                weak_base.get_or_insert(m);
            }
            Kind::Extra => {
                extra.get_or_insert(m);
            }
            Kind::Equity | Kind::NotPay => {}
        }
    }
    weak_base.or(extra)
}

#[derive(PartialEq)]
enum Level {
    Strong,
    Weak,
}

/// Whether a mention is pay at all, and how sure.
fn accept(m: &Mention, short: bool) -> Option<Level> {
    if m.kind == Kind::NotPay
        || m.kind == Kind::Equity
        || m.lo.is_nan()
        || m.lo <= 0.0
        || !m.lo.is_finite()
    {
        return None;
    }
    let top = m.hi.unwrap_or(m.lo);
    let cur_code = m.cur.map(|c| c.resolve(None));
    // huge sums are company money, unless in a currency of small units
    let limit = match cur_code {
        Some(c) if small_unit(c) => 1e11,
        _ => 2e6,
    };
    if m.lo >= limit || top >= limit * 5.0 {
        return None;
    }
    if m.cur.is_none() {
        let sizeable = m.period.is_some() || m.scaled || top >= 1000.0;
        return (sizeable && (short || (m.salary_cue && m.bare_ok))).then_some(Level::Strong);
    }
    if m.strong || short {
        return Some(Level::Strong);
    }
    if (top >= 10_000.0 || m.scaled) && m.lo < 1e6 {
        return Some(Level::Weak);
    }
    None
}

/// Currencies where pay runs to millions of units.
fn small_unit(code: &str) -> bool {
    matches!(
        code,
        "JPY"
            | "KRW"
            | "INR"
            | "IDR"
            | "VND"
            | "HUF"
            | "CLP"
            | "COP"
            | "IRR"
            | "PKR"
            | "LKR"
            | "NGN"
            | "UGX"
            | "TZS"
            | "KZT"
            | "ARS"
            | "MMK"
            | "LAK"
            | "KHR"
            | "MNT"
            | "PYG"
            | "ISK"
            | "RSD"
            | "AMD"
            | "UZS"
            | "RWF"
            | "XAF"
            | "XOF"
            | "PHP"
            | "TWD"
            | "RUB"
            | "KES"
            | "DZD"
            | "IQD"
            | "BDT"
            | "NPR"
            | "CRC"
    )
}

/// Currencies whose job ads quote monthly pay by convention.
fn monthly_by_convention(code: &str) -> bool {
    matches!(
        code,
        "CNY" | "PLN" | "RUB" | "UAH" | "BRL" | "CZK" | "HUF" | "RON" | "TRY" | "ARS"
    )
}

fn build(m: &Mention, default: Option<&'static str>) -> Option<Salary> {
    let currency = m.cur.map(|c| c.resolve(default)).or(default);
    let (mut min, mut max) = match m.hi {
        Some(hi) => (Some(m.lo), Some(hi)),
        None => match m.bound {
            Bound::Exact => (Some(m.lo), Some(m.lo)),
            Bound::UpTo => (None, Some(m.lo)),
            Bound::From => (Some(m.lo), None),
        },
    };
    if m.open_upper {
        max = None;
    }
    if let (Some(a), Some(b)) = (min, max) {
        if a > b {
            (min, max) = (Some(b), Some(a));
        }
    }
    let figure = max.or(min)?;
    let period = m.period.or_else(|| default_period(figure, currency));
    Some(Salary {
        min: min.map(round_cents),
        max: max.map(round_cents),
        currency: currency.map(str::to_string),
        period,
    })
}

/// The period when no word states it; see the module docs.
fn default_period(figure: f64, currency: Option<&str>) -> Option<Period> {
    if currency.is_some_and(monthly_by_convention) && (1000.0..100_000.0).contains(&figure) {
        return Some(Period::Month);
    }
    if figure >= 10_000.0 {
        Some(Period::Year)
    } else if figure < 200.0 {
        Some(Period::Hour)
    } else {
        None
    }
}

/// Multipliers on decimals leave float noise (192.5 * 1000); keep cents.
fn round_cents(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// min, max, currency, period
    type Row = (
        Option<f64>,
        Option<f64>,
        Option<String>,
        Option<&'static str>,
    );

    fn p(s: &str) -> Option<Row> {
        parse_salary(s).map(|x| (x.min, x.max, x.currency, x.period.map(|p| p.as_str())))
    }

    fn ok(s: &str, min: Option<f64>, max: Option<f64>, cur: &str, per: &str) {
        let cur = (!cur.is_empty()).then(|| cur.to_string());
        let per = (!per.is_empty()).then_some(per);
        let per = per.and_then(|x| Period::parse(x).map(|p| p.as_str()));
        assert_eq!(p(s), Some((min, max, cur, per)), "{s}");
    }

    #[test]
    fn basics() {
        ok(
            "$53K-$91K (Glassdoor est.)",
            Some(53000.0),
            Some(91000.0),
            "USD",
            "year",
        );
        ok(
            "$17-$24 Per Hour(Glassdoor est.)",
            Some(17.0),
            Some(24.0),
            "USD",
            "hour",
        );
        ok(
            "Employer Provided Salary:$150K-$160K",
            Some(150000.0),
            Some(160000.0),
            "USD",
            "year",
        );
        ok(
            "$150K – $225K • $400K – $600K Equity • Offers Bonus",
            Some(150000.0),
            Some(225000.0),
            "USD",
            "year",
        );
        ok(
            "£18,000 - £22,000 per annum, pro-rata",
            Some(18000.0),
            Some(22000.0),
            "GBP",
            "year",
        );
        ok(
            "£100 - £120 per day",
            Some(100.0),
            Some(120.0),
            "GBP",
            "day",
        );
        ok(
            "Salary: $20-$23 per hour",
            Some(20.0),
            Some(23.0),
            "USD",
            "hour",
        );
        ok(
            "$145,000—$175,000 USD",
            Some(145000.0),
            Some(175000.0),
            "USD",
            "year",
        );
        ok("€40 - €60k", Some(40000.0), Some(60000.0), "EUR", "year");
        ok("$120-150k", Some(120000.0), Some(150000.0), "USD", "year");
        ok("₹ 12 LPA", Some(1200000.0), Some(1200000.0), "INR", "year");
        ok(
            "60.000 € – 75.000 € pro Jahr",
            Some(60000.0),
            Some(75000.0),
            "EUR",
            "year",
        );
        ok("up to £30k", None, Some(30000.0), "GBP", "year");
        ok("from $80,000", Some(80000.0), None, "USD", "year");
        ok("$120k+", Some(120000.0), None, "USD", "year");
        ok("£30,000 to Competitive", Some(30000.0), None, "GBP", "year");
        ok("$20.50/hr", Some(20.5), Some(20.5), "USD", "hour");
        ok(
            "Â£25,000 per annum",
            Some(25000.0),
            Some(25000.0),
            "GBP",
            "year",
        );
        ok(
            "45 000 € brut annuel",
            Some(45000.0),
            Some(45000.0),
            "EUR",
            "year",
        );
        ok(
            "Rs. 50,000 per month",
            Some(50000.0),
            Some(50000.0),
            "INR",
            "month",
        );
        ok(
            "CTC: 1.2 crore",
            Some(12000000.0),
            Some(12000000.0),
            "INR",
            "year",
        );
        ok(
            "C$85,000 - C$95,000",
            Some(85000.0),
            Some(95000.0),
            "CAD",
            "year",
        );
        ok(
            "40 000 kr/mån",
            Some(40000.0),
            Some(40000.0),
            "SEK",
            "month",
        );
        ok("15000元/月", Some(15000.0), Some(15000.0), "CNY", "month");
        ok("£2,000 p.m.", Some(2000.0), Some(2000.0), "GBP", "month");
        ok("$44/hr to $46/hr", Some(44.0), Some(46.0), "USD", "hour");
        ok(
            "Base salary $100k; OTE $150k",
            Some(100000.0),
            Some(100000.0),
            "USD",
            "year",
        );
        ok("OTE £60,000", Some(60000.0), Some(60000.0), "GBP", "year");
        ok("£100 per diem", Some(100.0), Some(100.0), "GBP", "day");
        assert_eq!(p("Competitive"), None);
        assert_eq!(p("Call 555-123-4567"), None);
        assert_eq!(p("401(k) match up to 4%"), None);
        assert_eq!(p("founded in 2023 with 50 employees"), None);
        assert_eq!(p("We raised $20M from top investors."), None);
        assert_eq!(p("Meet us at 5 p.m. on Friday"), None);
    }

    #[test]
    fn default_currency() {
        let o = SalaryOptions {
            default_currency: Some("CNY".into()),
        };
        let s = parse_salary_with("15k-30k", &o).expect("pay");
        assert_eq!(
            (s.min, s.max, s.currency.as_deref(), s.period),
            (
                Some(15000.0),
                Some(30000.0),
                Some("CNY"),
                Some(Period::Month)
            )
        );
        let o = SalaryOptions {
            default_currency: Some("CAD".into()),
        };
        assert_eq!(
            parse_salary_with("$90,000", &o)
                .and_then(|s| s.currency)
                .as_deref(),
            Some("CAD")
        );
    }
}
