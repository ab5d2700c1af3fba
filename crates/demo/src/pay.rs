//! Pay: how much a job pays (scaled by role, seniority and country) and how the posting
//! writes it down, in the local conventions ("$145K–$175K", "60.000 € – 75.000 € pro Jahr",
//! "₹18 - 25 LPA", "15 000 - 20 000 PLN / mies.", "£450 per day").

use crate::rng::Rng;
use crate::world::{Country, Family, Lang};
use hirekit_model::posting::{Period, Seniority};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emp {
    FullTime,
    PartTime,
    Contract,
    Temporary,
    Intern,
}

#[derive(Debug, Clone)]
pub struct Pay {
    /// None for "up to X".
    pub min: Option<f64>,
    /// None for "from X".
    pub max: Option<f64>,
    pub currency: &'static str,
    pub period: Period,
    /// As the posting writes it.
    pub text: String,
}

impl Pay {
    /// The amounts converted to USD per year, for sources that only carry that (Remote OK).
    pub fn usd_per_year(&self, fx: f64) -> (u64, u64) {
        let per_year = match self.period {
            Period::Hour => 2080.0,
            Period::Day => 220.0,
            Period::Week => 52.0,
            Period::Month => 12.0,
            Period::Year => 1.0,
        };
        let conv = |x: Option<f64>| {
            x.map(|v| ((v * per_year / fx) / 1000.0).round() as u64 * 1000)
                .unwrap_or(0)
        };
        (conv(self.min), conv(self.max))
    }
}

pub fn seniority_factor(s: Seniority) -> f64 {
    match s {
        Seniority::Intern => 0.4,
        Seniority::Junior => 0.7,
        Seniority::Mid => 1.0,
        Seniority::Senior => 1.3,
        Seniority::Staff => 1.58,
        Seniority::Principal => 1.85,
        Seniority::Head => 1.8,
    }
}

fn round_to(x: f64, step: f64) -> f64 {
    ((x / step).round() * step).max(step)
}

/// Decide the pay of a job (amounts + period), then write it as text.
pub fn make(
    rng: &mut Rng,
    fam: &Family,
    sen: Seniority,
    emp: Emp,
    c: &Country,
    remote_usd: bool,
) -> Pay {
    let (currency, fx, factor) = if remote_usd {
        ("USD", 1.0, 0.9)
    } else {
        (c.currency, c.fx, c.pay_factor)
    };
    let annual = fam.base_usd * seniority_factor(sen) * factor * fx * rng.float(0.85, 1.18);
    let code = if remote_usd { "US" } else { c.code };
    let english = matches!(code, "US" | "CA" | "AU" | "SG" | "GB" | "IE" | "IN");
    let period = match emp {
        Emp::Intern => {
            if matches!(code, "US" | "CA" | "AU") {
                Period::Hour
            } else {
                Period::Month
            }
        }
        Emp::Contract => match code {
            "US" | "CA" => Period::Hour,
            "GB" | "IE" | "DE" | "AT" | "CH" | "FR" | "NL" | "AU" => Period::Day,
            "PL" | "BR" | "IN" | "SG" => Period::Month,
            _ => Period::Hour,
        },
        Emp::PartTime if english => Period::Hour,
        Emp::PartTime => Period::Month,
        _ => {
            let monthly = match code {
                "PL" => 85.0,
                "BR" => 85.0,
                "SE" | "DK" => 65.0,
                "SG" => 45.0,
                "NL" | "PT" => 20.0,
                _ => 0.0,
            };
            if rng.chance(monthly) {
                Period::Month
            } else {
                Period::Year
            }
        }
    };
    let (mid, step) = match period {
        Period::Hour => {
            let h = annual / 2080.0 * if emp == Emp::Contract { 1.3 } else { 1.0 };
            (h, if h > 40.0 { 5.0 } else { 1.0 })
        }
        Period::Day => (annual / 220.0 * 1.35, 25.0),
        Period::Month => {
            let m = annual / if code == "BR" { 13.3 } else { 12.0 }
                * if emp == Emp::Contract { 1.3 } else { 1.0 };
            (m, if m > 5000.0 { 500.0 } else { 100.0 })
        }
        Period::Week => (annual / 52.0, 50.0),
        Period::Year => (
            annual,
            if code == "IN" {
                50_000.0
            } else if annual > 50_000.0 {
                5_000.0
            } else {
                1_000.0
            },
        ),
    };
    let lo = round_to(mid * rng.float(0.86, 0.95), step);
    let hi = round_to(lo * rng.float(1.12, 1.4), step).max(lo + step);
    let (min, max) = match rng.weighted(&[80.0, 6.0, 8.0, 6.0]) {
        0 => (Some(lo), Some(hi)),
        1 => (Some(lo), Some(lo)),
        2 => (None, Some(hi)),
        _ => (Some(lo), None),
    };
    let mut pay = Pay {
        min,
        max,
        currency,
        period,
        text: String::new(),
    };
    pay.text = write(rng, &pay, code, if remote_usd { Lang::En } else { c.lang });
    pay
}

#[derive(Clone, Copy, PartialEq)]
enum Group {
    Comma,
    Dot,
    Space,
    Nbsp,
    Apos,
    Indian,
}

/// One way of writing amounts: "$120,000", "60.000 €", "PLN 15k", "45 k€", "₹18 LPA".
#[derive(Clone, Copy)]
struct Fmt {
    sym: &'static str,
    after: bool,
    space: bool,
    /// Repeat the symbol on both ends of a range.
    repeat: bool,
    group: Group,
    /// 1, 1000 (K) or 100000 (lakh).
    div: f64,
    unit: &'static str,
    dash: &'static str,
    /// None: use the usual period words for the language.
    suffix: Option<&'static str>,
}

#[allow(clippy::too_many_arguments)]
const fn f(
    sym: &'static str,
    after: bool,
    space: bool,
    repeat: bool,
    group: Group,
    div: f64,
    unit: &'static str,
    dash: &'static str,
    suffix: Option<&'static str>,
) -> Fmt {
    Fmt {
        sym,
        after,
        space,
        repeat,
        group,
        div,
        unit,
        dash,
        suffix,
    }
}

fn group_digits(n: u64, g: Group) -> String {
    let s = n.to_string();
    let sep = match g {
        Group::Comma | Group::Indian => ",",
        Group::Dot => ".",
        Group::Space => " ",
        Group::Nbsp => "\u{a0}",
        Group::Apos => "'",
    };
    if s.len() <= 3 {
        return s;
    }
    if g == Group::Indian {
        // 18,00,000: last three digits, then groups of two.
        let (head, tail) = s.split_at(s.len() - 3);
        let mut parts: Vec<&str> = Vec::new();
        let mut h = head;
        while h.len() > 2 {
            let (a, b) = h.split_at(h.len() - 2);
            parts.push(b);
            h = a;
        }
        parts.push(h);
        parts.reverse();
        return format!("{},{}", parts.join(","), tail);
    }
    // Four-digit numbers are often written without a separator in space-grouped locales.
    if s.len() == 4 && matches!(g, Group::Space | Group::Nbsp) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 4);
    let first = s.len() % 3;
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (i + 3 - first).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

impl Fmt {
    fn num(&self, x: f64) -> String {
        let v = x / self.div;
        let body = if self.div > 1.0 && v.fract().abs() > 1e-9 {
            let t = format!("{v:.1}");
            if self.group == Group::Dot || self.group == Group::Space {
                t.replace('.', ",")
            } else {
                t
            }
        } else {
            group_digits(v.round() as u64, self.group)
        };
        format!("{body}{}", self.unit)
    }
    fn with_sym(&self, n: String) -> String {
        let sp = if self.space { " " } else { "" };
        if self.sym.is_empty() {
            n
        } else if self.after {
            format!("{n}{sp}{}", self.sym)
        } else {
            format!("{}{sp}{n}", self.sym)
        }
    }
    fn one(&self, x: f64) -> String {
        self.with_sym(self.num(x))
    }
    fn range(&self, lo: f64, hi: f64) -> String {
        if self.repeat {
            format!("{}{}{}", self.one(lo), self.dash, self.one(hi))
        } else {
            self.with_sym(format!("{}{}{}", self.num(lo), self.dash, self.num(hi)))
        }
    }
}

use Group::*;

/// Styles by country for yearly amounts; other periods use the first "full number" styles.
fn styles(code: &str, period: Period) -> &'static [Fmt] {
    let yearly = period == Period::Year;
    match code {
        "US" if yearly => {
            const {
                &[
                    f("$", false, false, true, Comma, 1.0, "", " - ", None),
                    f("$", false, false, true, Comma, 1000.0, "K", "–", Some("")),
                    f(
                        "$",
                        false,
                        false,
                        true,
                        Comma,
                        1000.0,
                        "k",
                        "-",
                        Some("/yr"),
                    ),
                    f("USD", false, true, false, Comma, 1.0, "", "–", None),
                    f(
                        "$",
                        false,
                        false,
                        true,
                        Comma,
                        1.0,
                        "",
                        " to ",
                        Some(" annually"),
                    ),
                    f("$", false, false, true, Comma, 1.0, "", " - ", Some(" USD")),
                ]
            }
        }
        "US" => {
            const {
                &[
                    f("$", false, false, true, Comma, 1.0, "", " - ", None),
                    f("$", false, false, true, Comma, 1.0, "", "–", None),
                    f("USD", false, true, false, Comma, 1.0, "", " - ", None),
                ]
            }
        }
        "CA" => {
            const {
                &[
                    f("CA$", false, false, true, Comma, 1.0, "", " - ", None),
                    f("$", false, false, true, Comma, 1.0, "", " – ", Some(" CAD")),
                    f("C$", false, false, true, Comma, 1000.0, "K", "-", Some("")),
                ]
            }
        }
        "GB" if period == Period::Day => {
            const {
                &[
                    f("£", false, false, true, Comma, 1.0, "", " - ", None),
                    f(
                        "£",
                        false,
                        false,
                        true,
                        Comma,
                        1.0,
                        "",
                        " - ",
                        Some("/day Outside IR35"),
                    ),
                    f("£", false, false, true, Comma, 1.0, "", "-", Some(" p/d")),
                ]
            }
        }
        "GB" => {
            const {
                &[
                    f("£", false, false, true, Comma, 1.0, "", " - ", None),
                    f("£", false, false, true, Comma, 1000.0, "k", "-", Some("")),
                    f(
                        "£",
                        false,
                        false,
                        true,
                        Comma,
                        1.0,
                        "",
                        " – ",
                        Some(" + benefits"),
                    ),
                    f("GBP", false, true, false, Comma, 1.0, "", " - ", None),
                ]
            }
        }
        "IE" => {
            const {
                &[
                    f("€", false, false, true, Comma, 1.0, "", " - ", None),
                    f("€", false, false, true, Comma, 1000.0, "k", " - ", None),
                    f("EUR", false, true, false, Comma, 1.0, "", " - ", None),
                ]
            }
        }
        "DE" | "AT" => {
            const {
                &[
                    f("€", true, true, true, Dot, 1.0, "", " – ", None),
                    f(
                        "EUR",
                        true,
                        true,
                        false,
                        Dot,
                        1.0,
                        "",
                        "–",
                        Some(" brutto/Jahr"),
                    ),
                    f("€", false, false, true, Comma, 1000.0, "k", "–", Some("")),
                    f(
                        "EUR",
                        false,
                        true,
                        false,
                        Comma,
                        1.0,
                        "",
                        " - ",
                        Some(" per year"),
                    ),
                    f("€", true, true, false, Dot, 1.0, "", " - ", Some(" p.a.")),
                ]
            }
        }
        "CH" => {
            const {
                &[
                    f(
                        "CHF",
                        false,
                        true,
                        false,
                        Apos,
                        1.0,
                        "",
                        " - ",
                        Some(" per year"),
                    ),
                    f("CHF", false, true, false, Comma, 1000.0, "k", "–", Some("")),
                    f(
                        "CHF",
                        true,
                        true,
                        false,
                        Apos,
                        1.0,
                        "",
                        " – ",
                        Some(" brutto/Jahr"),
                    ),
                ]
            }
        }
        "FR" => {
            const {
                &[
                    f("€", true, true, true, Space, 1.0, "", " - ", None),
                    f(
                        "k€",
                        true,
                        false,
                        false,
                        Space,
                        1000.0,
                        "",
                        "-",
                        Some(" brut annuel"),
                    ),
                    f(
                        "€",
                        true,
                        true,
                        false,
                        Nbsp,
                        1.0,
                        "",
                        " – ",
                        Some(" bruts annuels"),
                    ),
                    f(
                        "€",
                        false,
                        false,
                        true,
                        Comma,
                        1.0,
                        "",
                        " - ",
                        Some(" per year"),
                    ),
                ]
            }
        }
        "NL" => {
            const {
                &[
                    f("€", false, false, true, Dot, 1.0, "", " - ", None),
                    f("€", false, true, true, Dot, 1.0, "", " - ", Some(" bruto")),
                    f("EUR", false, true, false, Comma, 1000.0, "k", " - ", None),
                    f(
                        "€",
                        false,
                        false,
                        true,
                        Comma,
                        1.0,
                        "",
                        " - ",
                        Some(" per year"),
                    ),
                ]
            }
        }
        "ES" => {
            const {
                &[
                    f(
                        "€",
                        true,
                        true,
                        true,
                        Dot,
                        1.0,
                        "",
                        " - ",
                        Some(" brutos anuales"),
                    ),
                    f(
                        "k €",
                        true,
                        false,
                        false,
                        Dot,
                        1000.0,
                        "",
                        "-",
                        Some("/año"),
                    ),
                    f(
                        "€",
                        false,
                        false,
                        true,
                        Comma,
                        1.0,
                        "",
                        " - ",
                        Some(" per year"),
                    ),
                    f("EUR", true, true, false, Dot, 1.0, "", " – ", None),
                ]
            }
        }
        "PT" => {
            const {
                &[
                    f("€", true, true, true, Dot, 1.0, "", " - ", None),
                    f(
                        "€",
                        false,
                        false,
                        true,
                        Comma,
                        1.0,
                        "",
                        " - ",
                        Some(" per year"),
                    ),
                ]
            }
        }
        "PL" => {
            const {
                &[
                    f(
                        "PLN",
                        true,
                        true,
                        false,
                        Space,
                        1.0,
                        "",
                        " - ",
                        Some(" / mies."),
                    ),
                    f(
                        "PLN",
                        false,
                        true,
                        false,
                        Comma,
                        1000.0,
                        "k",
                        "–",
                        Some(" per month"),
                    ),
                    f(
                        "zł",
                        true,
                        true,
                        false,
                        Nbsp,
                        1.0,
                        "",
                        "–",
                        Some(" brutto (UoP)"),
                    ),
                    f(
                        "PLN",
                        true,
                        true,
                        false,
                        Space,
                        1.0,
                        "",
                        " - ",
                        Some("/month"),
                    ),
                ]
            }
        }
        "SE" => {
            const {
                &[
                    f("SEK", true, true, false, Space, 1.0, "", " - ", None),
                    f("SEK", false, true, false, Comma, 1.0, "", " - ", None),
                    f("kr", true, true, false, Nbsp, 1.0, "", "–", Some("/mån")),
                ]
            }
        }
        "DK" => {
            const {
                &[
                    f("DKK", false, true, false, Comma, 1.0, "", " - ", None),
                    f("kr.", true, true, false, Dot, 1.0, "", " - ", None),
                ]
            }
        }
        "IN" if yearly => {
            const {
                &[
                    f(
                        "₹",
                        false,
                        false,
                        false,
                        Comma,
                        100_000.0,
                        "",
                        " - ",
                        Some(" LPA"),
                    ),
                    f(
                        "INR",
                        false,
                        true,
                        false,
                        Indian,
                        1.0,
                        "",
                        " - ",
                        Some(" per annum"),
                    ),
                    f(
                        "",
                        false,
                        false,
                        false,
                        Comma,
                        100_000.0,
                        "",
                        "-",
                        Some(" LPA"),
                    ),
                    f(
                        "₹",
                        false,
                        false,
                        true,
                        Comma,
                        100_000.0,
                        "L",
                        " – ",
                        Some(" per year"),
                    ),
                    f(
                        "Rs.",
                        false,
                        true,
                        false,
                        Indian,
                        1.0,
                        "",
                        " - ",
                        Some(" p.a."),
                    ),
                ]
            }
        }
        "IN" => {
            const {
                &[
                    f("₹", false, false, true, Indian, 1.0, "", " - ", None),
                    f("INR", false, true, false, Indian, 1.0, "", " - ", None),
                ]
            }
        }
        "BR" => {
            const {
                &[
                    f("R$", false, true, true, Dot, 1.0, "", " - ", None),
                    f(
                        "R$",
                        false,
                        false,
                        true,
                        Comma,
                        1000.0,
                        "k",
                        "–",
                        Some("/mês"),
                    ),
                    f("BRL", false, true, false, Comma, 1.0, "", " - ", None),
                ]
            }
        }
        "AU" => {
            const {
                &[
                    f(
                        "A$",
                        false,
                        false,
                        true,
                        Comma,
                        1.0,
                        "",
                        " - ",
                        Some(" + super"),
                    ),
                    f("AUD", false, true, false, Comma, 1000.0, "k", "-", None),
                    f("$", false, false, true, Comma, 1.0, "", " - ", None),
                ]
            }
        }
        "SG" => {
            const {
                &[
                    f("S$", false, false, true, Comma, 1.0, "", " - ", None),
                    f("SGD", false, true, false, Comma, 1.0, "", " - ", None),
                    f("SGD", false, true, false, Comma, 1000.0, "k", " - ", None),
                ]
            }
        }
        _ => const { &[f("USD", false, true, false, Comma, 1.0, "", " - ", None)] },
    }
}

/// The usual period words, by language.
fn period_words(lang: Lang, code: &str, p: Period, rng: &mut Rng) -> &'static str {
    match (lang, p) {
        (_, Period::Year) if code == "GB" => rng.pick_str(&[" per annum", " a year", " per year"]),
        (_, Period::Year) if code == "IN" => " per annum",
        (Lang::De, Period::Year) => rng.pick_str(&[" pro Jahr", " brutto jährlich", " p.a."]),
        (Lang::De, Period::Month) => rng.pick_str(&[" pro Monat", " brutto im Monat", " / Monat"]),
        (Lang::De, Period::Day) => rng.pick_str(&[" / Tag", " pro Tag (Tagessatz)"]),
        (Lang::De, Period::Hour) => " pro Stunde",
        (Lang::Fr, Period::Year) => rng.pick_str(&[" par an", " brut annuel"]),
        (Lang::Fr, Period::Month) => " / mois",
        (Lang::Fr, Period::Day) => rng.pick_str(&[" / jour", " par jour (TJM)"]),
        (Lang::Fr, Period::Hour) => " de l'heure",
        (Lang::Es, Period::Year) => " brutos anuales",
        (Lang::Es, Period::Month) => " al mes",
        (Lang::Es, _) => " por hora",
        (Lang::Pl, Period::Month) => {
            rng.pick_str(&[" / mies.", " miesięcznie", " netto + VAT (B2B)"])
        }
        (Lang::Pl, Period::Year) => " rocznie",
        (Lang::Pl, _) => " / h",
        (Lang::Pt, Period::Month) => rng.pick_str(&[" por mês", " /mês", " (CLT)"]),
        (Lang::Pt, Period::Year) => " por ano",
        (Lang::Pt, _) => " por hora",
        (Lang::Nl, Period::Month) => rng.pick_str(&[" per maand", " bruto per maand"]),
        (Lang::Nl, Period::Year) => rng.pick_str(&[" per jaar", " bruto per jaar"]),
        (Lang::Sv, Period::Month) => rng.pick_str(&[" per månad", " i månaden"]),
        (Lang::Sv, Period::Year) => " per år",
        (_, Period::Year) => {
            rng.pick_str(&[" per year", " per year", " annually", "/year", " a year"])
        }
        (_, Period::Month) => rng.pick_str(&[" per month", "/month", " monthly"]),
        (_, Period::Day) => rng.pick_str(&[" per day", "/day", " a day"]),
        (_, Period::Hour) => rng.pick_str(&["/hr", " per hour", "/hour", " an hour"]),
        (_, Period::Week) => " per week",
    }
}

fn open_words(lang: Lang, up_to: bool) -> &'static str {
    match (lang, up_to) {
        (Lang::De, true) => "bis zu ",
        (Lang::De, false) => "ab ",
        (Lang::Fr, true) => "jusqu'à ",
        (Lang::Fr, false) => "à partir de ",
        (Lang::Es, true) => "hasta ",
        (Lang::Es, false) => "desde ",
        (Lang::Pl, true) => "do ",
        (Lang::Pl, false) => "od ",
        (Lang::Pt, true) => "até ",
        (Lang::Pt, false) => "a partir de ",
        (Lang::Nl, true) => "tot ",
        (Lang::Nl, false) => "vanaf ",
        (_, true) => "Up to ",
        (_, false) => "From ",
    }
}

fn write(rng: &mut Rng, pay: &Pay, code: &str, lang: Lang) -> String {
    let all = styles(code, pay.period);
    // K-style and lakh styles make no sense for small amounts (hourly, daily, most monthly).
    let usable: Vec<&Fmt> = all
        .iter()
        .filter(|s| {
            pay.period == Period::Year
                || s.div == 1.0
                || (pay.period == Period::Month
                    && s.div == 1000.0
                    && pay.min.or(pay.max).unwrap_or(0.0) >= 5000.0)
        })
        .collect();
    let st: Fmt = if usable.is_empty() {
        all[0]
    } else {
        **rng.pick(&usable)
    };
    let suffix = match st.suffix {
        Some(s) => match suffix_period(s) {
            Some(p) if p == pay.period => s.to_string(),
            Some(_) => period_words(lang, code, pay.period, rng).to_string(),
            // A neutral suffix (" CAD", " + benefits") implies a year; other periods need words.
            None if pay.period == Period::Year => s.to_string(),
            // "£2,900 – £3,300/month + benefits": the period before the extra words.
            None => format!("{}{s}", period_words(lang, code, pay.period, rng)),
        },
        None => period_words(lang, code, pay.period, rng).to_string(),
    };
    // "Up to"/"bis zu" follow the style: English-looking styles get English words.
    let words = if matches!(st.group, Comma | Indian) {
        Lang::En
    } else {
        lang
    };
    let body = match (pay.min, pay.max) {
        (Some(a), Some(b)) if a == b => st.one(a),
        (Some(a), Some(b)) => st.range(a, b),
        (None, Some(b)) => format!("{}{}", open_words(words, true), st.one(b)),
        (Some(a), None) => format!("{}{}", open_words(words, false), st.one(a)),
        (None, None) => String::new(),
    };
    format!("{body}{suffix}")
}

/// Which period a style's fixed suffix names, if any.
fn suffix_period(s: &str) -> Option<Period> {
    const MONTH: [&str; 8] = [
        "mies", "month", "mån", "mês", "maand", "Monat", "mois", "UoP",
    ];
    const YEAR: [&str; 9] = [
        "yr", "year", "annu", "Jahr", "p.a.", "LPA", "año", "super", "anual",
    ];
    const DAY: [&str; 4] = ["day", "p/d", "Tag", "jour"];
    if MONTH.iter().any(|m| s.contains(m)) {
        Some(Period::Month)
    } else if YEAR.iter().any(|m| s.contains(m)) {
        Some(Period::Year)
    } else if DAY.iter().any(|m| s.contains(m)) {
        Some(Period::Day)
    } else {
        None
    }
}

/// The sentence a description uses to state pay.
pub fn sentence(rng: &mut Rng, text: &str, lang: Lang) -> String {
    let english = [
        "Salary: {}",
        "The base salary range for this role is {}. Final offers depend on location and experience.",
        "Compensation: {}",
        "Pay range: {}",
        "We offer {} depending on experience.",
        "💰 {}",
        "The expected salary for this position is {}, plus benefits.",
    ];
    let local: &[&str] = match lang {
        Lang::De => &[
            "Gehalt: {}",
            "Vergütung: {}",
            "Gehaltsspanne: {}",
            "Wir bieten ein Jahresgehalt von {}.",
        ],
        Lang::Fr => &["Salaire : {}", "Rémunération : {}", "Package : {}"],
        Lang::Es => &["Salario: {}", "Rango salarial: {}"],
        Lang::Pl => &["Wynagrodzenie: {}", "Widełki: {}"],
        Lang::Pt => &["Salário: {}", "Remuneração: {}"],
        Lang::Nl => &["Salaris: {}", "Salarisindicatie: {}"],
        Lang::Sv => &["Lön: {}"],
        Lang::En => &english,
    };
    let t = if lang != Lang::En && rng.chance(60.0) {
        rng.pick(local)
    } else {
        rng.pick(&english)
    };
    t.replace("{}", text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_grouping() {
        assert_eq!(group_digits(120000, Comma), "120,000");
        assert_eq!(group_digits(60000, Dot), "60.000");
        assert_eq!(group_digits(1800000, Indian), "18,00,000");
        assert_eq!(group_digits(12500000, Indian), "1,25,00,000");
        assert_eq!(group_digits(15000, Space), "15 000");
        assert_eq!(group_digits(4500, Space), "4500");
        assert_eq!(group_digits(450, Comma), "450");
    }

    #[test]
    fn styles_render() {
        let us = f("$", false, false, true, Comma, 1000.0, "K", "–", Some(""));
        assert_eq!(us.range(145000.0, 175000.0), "$145K–$175K");
        let de = f("€", true, true, true, Dot, 1.0, "", " – ", None);
        assert_eq!(de.range(60000.0, 75000.0), "60.000 € – 75.000 €");
        let inr = f(
            "₹",
            false,
            false,
            false,
            Comma,
            100_000.0,
            "",
            " - ",
            Some(" LPA"),
        );
        assert_eq!(inr.range(1_800_000.0, 2_500_000.0), "₹18 - 25");
    }
}
