//! Word lists: what a word near a figure says about it.
use crate::posting::Period;

/// How a period word may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PeriodUse {
    /// "hourly", "p.a.", "annually": stands alone anywhere in the tail.
    Free,
    /// "ph", "pa", "pm", "hr", "yr": only right after the figure or after "/".
    Tight,
    /// "hour", "year", "jour": only after "per", "a", "/", "par", "pro"…
    Noun,
}

pub(crate) fn period_word(w: &str) -> Option<(Period, PeriodUse)> {
    use Period::*;
    use PeriodUse::*;
    Some(match w {
        "hourly" | "p.h" | "stundenlohn" | "stündlich" | "horaire" => (Hour, Free),
        "ph" | "hr" | "hrs" | "p/h" => (Hour, Tight),
        "hour" | "h" | "std" | "stunde" | "heure" | "hora" | "godz" | "godzinę" | "godzina"
        | "uur" | "timme" | "time" | "小时" | "时" => (Hour, Noun),
        "daily" | "p.d" | "täglich" | "tagessatz" => (Day, Free),
        "pd" => (Day, Tight),
        "day" | "d" | "diem" | "tag" | "jour" | "día" | "dia" | "dzień" | "dag" | "天" | "日"
        | "giorno" => (Day, Noun),
        "weekly" | "p.w" | "wöchentlich" => (Week, Free),
        "pw" | "wk" => (Week, Tight),
        "week" | "woche" | "semaine" | "semana" | "tydzień" | "vecka" | "uke" | "周" => {
            (Week, Noun)
        }
        "monthly" | "p.m" | "monatlich" | "mensuel" | "mensuelle" | "mensuels" | "mensual"
        | "mensuales" | "miesięcznie" | "mensile" | "maandelijks" | "månadslön" | "月薪" => {
            (Month, Free)
        }
        "pm" | "mo" | "mth" | "mthly" | "mos" | "mån" | "mnd" => (Month, Tight),
        "month" | "monat" | "mois" | "mes" | "mese" | "miesiąc" | "mies" | "mc" | "maand"
        | "månad" | "månaden" | "måned" | "måneden" | "月" => (Month, Noun),
        "yearly" | "annually" | "annual" | "p.a" | "annum" | "lpa" | "jährlich" | "annuel"
        | "annuelle" | "annuels" | "anual" | "anuales" | "rocznie" | "annuale" | "annui"
        | "jaarlijks" | "årlig" | "årligt" | "årslön" | "年薪" => (Year, Free),
        "pa" | "yr" | "yrs" => (Year, Tight),
        "year" | "jahr" | "an" | "année" | "año" | "anno" | "rok" | "jaar" | "år" | "året"
        | "年" => (Year, Noun),
        _ => return None,
    })
}

/// Words that let a period noun follow: "per hour", "a year", "pro Jahr", "par an".
pub(crate) fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "per"
            | "a"
            | "an"
            | "each"
            | "every"
            | "par"
            | "pro"
            | "im"
            | "al"
            | "por"
            | "za"
            | "na"
            | "le"
            | "by"
            | "the"
            | "i"
            | "om"
            | "en"
            | "brutto"
            | "netto"
            | "gross"
            | "net"
            | "brut"
            | "bruto"
            | "brutos"
            | "bruts"
            | "netti"
            | "lordi"
    )
}

/// Words between a figure and its period word that change nothing.
pub(crate) fn is_filler(w: &str) -> bool {
    matches!(
        w,
        "gross"
            | "net"
            | "brutto"
            | "netto"
            | "brut"
            | "bruto"
            | "base"
            | "basic"
            | "salary"
            | "pay"
            | "rate"
            | "plus"
            | "vat"
            | "b2b"
            | "uop"
            | "fte"
            | "usd"
            | "eur"
            | "gbp"
            | "pln"
            | "chf"
            | "cad"
            | "aud"
            | "inr"
            | "approx"
            | "approximately"
            | "depending"
            | "doe"
            | "negotiable"
            | "neg"
            | "starting"
            | "before"
            | "tax"
            | "taxes"
            | "pre-tax"
            | "ctc"
            | "total"
            | "in"
            | "est"
            | "glassdoor"
            | "employer"
            | "provided"
            | "range"
            | "k"
    )
}

/// Words that make nearby figures pay: salary, compensation, wage…
pub(crate) fn is_salary_word(w: &str) -> bool {
    matches!(
        w,
        "salary"
            | "salaries"
            | "pay"
            | "compensation"
            | "comp"
            | "base"
            | "basic"
            | "wage"
            | "wages"
            | "rate"
            | "rates"
            | "range"
            | "ranges"
            | "earn"
            | "earning"
            | "earnings"
            | "remuneration"
            | "package"
            | "ctc"
            | "tc"
            | "income"
            | "payrate"
            | "pay-rate"
            | "gehalt"
            | "jahresgehalt"
            | "bruttojahresgehalt"
            | "vergütung"
            | "verdienst"
            | "lohn"
            | "salaire"
            | "rémunération"
            | "sueldo"
            | "salario"
            | "retribución"
            | "wynagrodzenie"
            | "stawka"
            | "widełki"
            | "pensja"
            | "stipendio"
            | "retribuzione"
            | "brutto"
            | "gross"
            | "salaris"
            | "lön"
            | "lønn"
            | "løn"
            | "薪资"
            | "薪酬"
            | "工资"
            | "月薪"
            | "年薪"
    )
}

pub(crate) fn is_equity_word(w: &str) -> bool {
    matches!(
        w,
        "equity"
            | "stock"
            | "stocks"
            | "rsu"
            | "rsus"
            | "options"
            | "shares"
            | "esop"
            | "token"
            | "tokens"
            | "vesting"
    )
}

pub(crate) fn is_bonus_word(w: &str) -> bool {
    matches!(
        w,
        "bonus"
            | "bonuses"
            | "commission"
            | "commissions"
            | "incentive"
            | "incentives"
            | "variable"
            | "ote"
            | "o.t.e"
            | "on-target"
            | "tips"
            | "overtime"
    )
}

/// Words saying a sum is not pay: funding, revenue, prices, benefits budgets.
pub(crate) fn is_negative_word(w: &str) -> bool {
    matches!(
        w,
        "raised"
            | "fundraising"
            | "raise"
            | "raising"
            | "funding"
            | "funded"
            | "fund"
            | "funds"
            | "valuation"
            | "valued"
            | "revenue"
            | "revenues"
            | "arr"
            | "mrr"
            | "series"
            | "seed"
            | "round"
            | "investment"
            | "investments"
            | "invested"
            | "investors"
            | "investor"
            | "backed"
            | "grant"
            | "grants"
            | "budget"
            | "budgets"
            | "assets"
            | "aum"
            | "worth"
            | "gmv"
            | "cap"
            | "price"
            | "prices"
            | "pricing"
            | "cost"
            | "costs"
            | "fee"
            | "fees"
            | "tuition"
            | "loan"
            | "donation"
            | "donations"
            | "prize"
            | "award"
            | "spend"
            | "spent"
            | "saved"
            | "savings"
            | "generated"
            | "processed"
            | "volume"
            | "acquired"
            | "acquisition"
            | "profit"
            | "profits"
            | "ebitda"
            | "allowance"
            | "allowances"
            | "reimbursement"
            | "reimbursed"
            | "reimburse"
            | "stipend"
            | "stipends"
            | "credit"
            | "credits"
            | "relocation"
            | "referral"
            | "referrals"
            | "signing"
            | "sign-on"
            | "insurance"
            | "coverage"
            | "match"
            | "matching"
            | "bank"
            | "made"
            | "charge"
            | "charges"
            | "charged"
            | "sold"
            | "houses"
            | "homes"
            | "rent"
            | "financing"
            | "debt"
            | "deal"
            | "deals"
            | "turnover"
            | "billion"
            | "trillion"
            | "payments"
            | "bookings"
            | "run-rate"
            | "vc"
            | "venture"
            | "capital"
            | "deductible"
            | "gift"
            | "discount"
            | "scholarship"
            | "scholarships"
            | "reward"
            | "rewards"
            | "bounty"
            | "bounties"
            | "perks"
            | "perk"
            | "wellness"
            | "learning"
            | "education"
            | "equipment"
            | "commuter"
            | "parking"
            | "gym"
    )
}

/// "up to", "max": only an upper bound stated.
pub(crate) fn is_upto_word(w: &str, prev: &str) -> bool {
    matches!(
        w,
        "upto" | "max" | "maximum" | "hasta" | "jusqu'à" | "jusqu’à" | "maks"
    ) || (w == "to" && prev == "up")
        || (w == "zu" && prev == "bis")
        || (w == "à" && matches!(prev, "jusqu'" | "jusqu"))
}

/// "from", "starting at", "at least": only a lower bound stated.
pub(crate) fn is_from_word(w: &str, prev: &str) -> bool {
    matches!(
        w,
        "from"
            | "min"
            | "minimum"
            | "ab"
            | "od"
            | "over"
            | "above"
            | "exceeding"
            | "desde"
            | "starting"
            | "starts"
            | "start"
    ) || (matches!(w, "at" | "from") && matches!(prev, "starting" | "starts" | "start"))
        || (w == "least" && prev == "at")
        || (w == "of" && prev == "excess")
        || (w == "de" && prev == "partir")
}

/// Nouns that make a figure a count or a company sum when they follow it directly
/// ("$5M in sales", "50,000 users").
pub(crate) fn is_count_word(w: &str) -> bool {
    matches!(
        w,
        "sales"
            | "customers"
            | "clients"
            | "users"
            | "employees"
            | "people"
            | "companies"
            | "businesses"
            | "downloads"
            | "members"
            | "transactions"
            | "loans"
            | "orders"
            | "visitors"
            | "students"
            | "patients"
            | "games"
            | "products"
            | "stores"
            | "accounts"
    )
}
