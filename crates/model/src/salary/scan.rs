//! One pay mention: a figure or range with its currency, period, bound and what kind of
//! money it is, read from the words around it.
use super::cues::*;
use super::currency::{self, Cur};
use super::number::{parse_mult, parse_number, Mult};
use super::words::{lower, next_tok, prev_tok, Class, Tok};
use crate::posting::Period;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Base,
    /// OTE, bonus, commission, total compensation: used only when nothing else is stated.
    Extra,
    Equity,
    /// Funding, revenue, benefits budgets, percentages, times, years: never pay.
    NotPay,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bound {
    Exact,
    UpTo,
    From,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Mention {
    pub end: usize,
    pub lo: f64,
    /// Upper figure of a range; None for a single figure.
    pub hi: Option<f64>,
    /// "£30,000 to Competitive": the upper bound is a word.
    pub open_upper: bool,
    pub cur: Option<Cur>,
    pub period: Option<Period>,
    pub kind: Kind,
    pub bound: Bound,
    /// A salary word or a period word is attached: this is pay, not some other sum.
    pub strong: bool,
    /// A salary word is near ("salary", "pay", "compensation"…).
    pub salary_cue: bool,
    /// For a figure with no currency: close enough to pay words to count in running text.
    pub bare_ok: bool,
    /// Has a k/M/lakh multiplier.
    pub scaled: bool,
}

const SEPARATOR_WORDS: &[&str] = &[
    "to", "bis", "and", "till", "until", "à", "a", "et", "und", "y", "e", "tot", "do",
];

/// Words that stand for an unstated upper bound.
fn is_open_word(w: &str) -> bool {
    matches!(
        w,
        "competitive"
            | "negotiable"
            | "neg"
            | "doe"
            | "tbc"
            | "tbd"
            | "open"
            | "attractive"
            | "depending"
            | "dependent"
            | "market"
            | "excellent"
            | "plus"
            | "dog"
    )
}

/// A range separator at `i` ("-", "–", "to", "bis"…). Returns where the upper bound starts.
fn range_sep(b: &[u8], i: usize, between: bool) -> Option<usize> {
    let (tok, next) = next_tok(b, i)?;
    match tok {
        Tok::Class(Class::Dash) => match next_tok(b, next) {
            // "$80000 -- $100000"
            Some((Tok::Class(Class::Dash), n2)) => Some(n2),
            _ => Some(next),
        },
        Tok::Class(Class::Other) if b[next - 1] == b'~' => Some(next),
        Tok::Word { start, end } => {
            let mut buf = [0u8; 32];
            let w = lower(b, start, end, &mut buf)?;
            if matches!(w, "and" | "et" | "und" | "y" | "e") && !between {
                return None;
            }
            if w == "a" && !(between || b[start] == b'a') {
                return None;
            }
            if SEPARATOR_WORDS.contains(&w) {
                // "up to" as a separator: "£25k up to £30k"
                return Some(next);
            }
            if w == "up" {
                let (t2, n2) = next_tok(b, next)?;
                if let Tok::Word { start, end } = t2 {
                    if &b[start..end] == b"to" {
                        return Some(n2);
                    }
                }
            }
            None
        }
        _ => None,
    }
}

/// End of a unit suffix right after a figure ("/hr", "p/hr", " per hour"), so a range can
/// continue after it: "$44/hr to $46/hr".
fn unit_suffix_end(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    if b.get(j) == Some(&b'p') && b.get(j + 1) == Some(&b'/') {
        j += 1;
    }
    let (tok, next) = next_tok(b, j)?;
    let after_slash = match tok {
        Tok::Class(Class::Slash) => next,
        Tok::Word { start, end } => {
            let mut buf = [0u8; 32];
            if lower(b, start, end, &mut buf)? != "per" {
                return None;
            }
            end
        }
        _ => return None,
    };
    let (tok, next) = next_tok(b, after_slash)?;
    let Tok::Word { start, end } = tok else {
        return None;
    };
    let mut buf = [0u8; 32];
    period_word(lower(b, start, end, &mut buf)?)?;
    Some(next)
}

struct Fig {
    value: f64,
    mult: Mult,
    num_end: usize,
    end: usize,
    plain: bool,
    digits: usize,
    leading_zero: bool,
}

fn figure(b: &[u8], i: usize) -> Option<Fig> {
    let n = parse_number(b, i)?;
    let (mult, end) = parse_mult(b, n.end);
    Some(Fig {
        value: n.value,
        mult,
        num_end: n.end,
        end,
        plain: n.plain,
        digits: n.digits,
        leading_zero: n.leading_zero,
    })
}

fn percent_after(b: &[u8], i: usize) -> bool {
    let j = if b.get(i) == Some(&b' ') { i + 1 } else { i };
    b.get(j) == Some(&b'%')
}

/// What the words after a mention say.
#[derive(Default)]
struct Tail {
    period: Option<Period>,
    kind: Option<Kind>,
    from: bool,
    upto: bool,
    salary: bool,
    time: bool,
    cur: Option<Cur>,
}

fn read_tail(b: &[u8], start: usize, bare: bool) -> Tail {
    let mut t = Tail::default();
    let mut i = start;
    let mut connector = false;
    let mut first = true;
    // still in the words that describe the figure itself ("in", "of", "worth", "annual"…)
    let mut lead = true;
    let mut addon = false;
    let mut comma = false;
    let mut stray = false;
    let mut words = 0;
    let mut prev_or = false;
    // a "+" touching the figure: "$120k+"
    if b.get(i) == Some(&b'+') && !b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        t.from = true;
        i += 1;
    }
    // text glued by HTML stripping: "$20,000Other rewards…" starts a new sentence
    if b.get(i).is_some_and(u8::is_ascii_uppercase)
        && b.get(i + 1).is_some_and(u8::is_ascii_lowercase)
    {
        return t;
    }
    let mut buf = [0u8; 32];
    while let Some((tok, next)) = next_tok(b, i) {
        if next - start > 70 || words >= 8 {
            break;
        }
        i = next;
        match tok {
            Tok::Class(Class::Digit | Class::Break) => break,
            Tok::Class(Class::Slash) => connector = true,
            Tok::Class(Class::Plus) => addon = true,
            Tok::Class(Class::Comma) => comma = true,
            Tok::Class(Class::Other) if b[i - 1] == b'$' => break,
            Tok::Class(Class::Other) if b[i - 1] == b'&' => addon = true,
            Tok::Class(Class::Other) => {
                if i >= 2 && b.get(i - 2..i) == Some("£".as_bytes()) {
                    break;
                }
                if i >= 3 && b.get(i - 3..i) == Some("€".as_bytes()) {
                    break;
                }
            }
            Tok::Class(_) => {}
            Tok::Word { start: ws, end: we } => {
                // "a yearA signing bonus…": a sentence glued on by HTML stripping
                if ws > 0 && b[ws].is_ascii_uppercase() && b[ws - 1].is_ascii_lowercase() {
                    break;
                }
                words += 1;
                let Some(w) = lower(b, ws, we, &mut buf) else {
                    first = false;
                    lead = false;
                    stray = true;
                    continue;
                };
                let after_or = prev_or;
                prev_or = matches!(w, "or" | "and");
                if bare
                    && first
                    && matches!(
                        w,
                        "am" | "pm" | "a.m" | "p.m" | "uhr" | "o'clock" | "h" | "hrs" | "hours"
                    )
                {
                    // "9 am", "5 p.m.", "8 hours"
                    t.time = true;
                    break;
                }
                if t.cur.is_none() && !comma && we - ws <= 3 {
                    if let Some((c @ Cur::Code(_), _)) = currency::after(b, ws) {
                        t.cur = Some(c);
                        first = false;
                        continue;
                    }
                }
                if matches!(w, "以上" | "起")
                    || (matches!(w, "more" | "above" | "higher" | "up") && after_or)
                {
                    t.from = true;
                    continue;
                }
                if w == "以下" {
                    t.upto = true;
                    continue;
                }
                if t.period.is_none() && !stray {
                    if let Some((p, u)) = period_word(w) {
                        let ok = match u {
                            PeriodUse::Free => true,
                            PeriodUse::Tight => first || connector,
                            PeriodUse::Noun => connector,
                        };
                        if ok {
                            t.period = Some(p);
                            connector = false;
                            first = false;
                            continue;
                        }
                    }
                }
                if is_connector(w) || (w == "p" && b.get(we) == Some(&b'/')) {
                    // "p/h", "p/a": the "p" of "per"
                    connector = true;
                    continue;
                }
                connector = false;
                if matches!(
                    w,
                    "plus"
                        | "and"
                        | "with"
                        | "w"
                        | "incl"
                        | "inc"
                        | "including"
                        | "excl"
                        | "excluding"
                        | "or"
                        | "benefits"
                        | "zzgl"
                        | "y"
                        | "et"
                        | "und"
                ) {
                    addon = true;
                    lead = false;
                    continue;
                }
                if is_salary_word(w) {
                    t.salary |= words <= 2 && !stray;
                } else if matches!(w, "ote" | "o.t.e") && !addon {
                    t.kind.get_or_insert(Kind::Extra);
                } else if is_negative_word(w) && !addon && !t.salary && words <= 5 {
                    t.kind.get_or_insert(Kind::NotPay);
                } else if lead && !addon && !comma && !t.salary && is_equity_word(w) {
                    t.kind.get_or_insert(Kind::Equity);
                } else if lead && !addon && !comma && !t.salary && is_bonus_word(w) {
                    t.kind.get_or_insert(Kind::Extra);
                } else if lead && !addon && is_count_word(w) {
                    t.kind.get_or_insert(Kind::NotPay);
                } else if !matches!(
                    w,
                    "in" | "of"
                        | "worth"
                        | "from"
                        | "the"
                        | "our"
                        | "total"
                        | "on"
                        | "target"
                        | "earnings"
                        | "annual"
                        | "a"
                ) {
                    lead = false;
                    if !is_filler(w) {
                        // an unrelated word: what follows is about something else
                        stray = true;
                        if words > 4 {
                            break;
                        }
                    }
                }
                first = false;
            }
        }
    }
    t
}

/// What the words before a mention say.
#[derive(Default)]
struct Head {
    kind: Option<Kind>,
    salary: bool,
    bound: Option<Bound>,
    period: Option<Period>,
    between: bool,
    /// How many words back the salary word is.
    salary_dist: usize,
}

fn read_head(b: &[u8], start: usize) -> Head {
    let mut h = Head::default();
    // "> $90K", ">= 50 000 €", "< £30k": a comparison sign right before the figure
    let mut k = start;
    while k > 0 && b[k - 1] == b' ' {
        k -= 1;
    }
    if k > 0 {
        let sign = match b[k - 1] {
            b'>' => Some(Bound::From),
            b'=' if k > 1 && b[k - 2] == b'>' => Some(Bound::From),
            b'<' => Some(Bound::UpTo),
            b'=' if k > 1 && b[k - 2] == b'<' => Some(Bound::UpTo),
            0xA5 if k > 2 && b[k - 3] == 0xE2 && b[k - 2] == 0x89 => Some(Bound::From), // ≥
            0xA4 if k > 2 && b[k - 3] == 0xE2 && b[k - 2] == 0x89 => Some(Bound::UpTo), // ≤
            _ => None,
        };
        h.bound = sign;
    }
    let mut words = 0;
    let mut crossed_break = false;
    let mut buf = [0u8; 32];
    let mut later = [0u8; 32]; // the word after the current one (nearer the figure)
    let mut later_len = 0usize;
    let mut pbuf = [0u8; 32];
    let mut cur = prev_tok(b, start);
    while let Some((tok, s)) = cur {
        if start - s > 120 || words >= 14 {
            break;
        }
        // the token before this one, read once and reused on the next turn
        let before = prev_tok(b, s);
        cur = before;
        let (ws, we) = match tok {
            Tok::Word { start, end } => (start, end),
            Tok::Class(Class::Break) => {
                crossed_break = true;
                later_len = 0;
                continue;
            }
            Tok::Class(Class::Digit) => {
                // another figure in between: bounds and near cues belong to it
                if words < 2 {
                    crossed_break = true;
                }
                later_len = 0;
                continue;
            }
            _ => continue,
        };
        words += 1;
        let Some(w) = lower(b, ws, we, &mut buf) else {
            continue;
        };
        let lat: &str = std::str::from_utf8(&later[..later_len]).unwrap_or("");
        // the word before this one, for two-word cues
        let prev = match before {
            Some((Tok::Word { start, end }, _)) => lower(b, start, end, &mut pbuf).unwrap_or(""),
            _ => "",
        };
        let near = words <= 2 && !crossed_break;
        if words <= 3 && !crossed_break && h.bound.is_none() && h.kind.is_none() && !h.salary {
            let to_alone = w == "to" && words == 1 && (prev.is_empty() || is_salary_word(prev));
            if is_upto_word(w, prev) || (w == "up" && lat == "to") || to_alone {
                h.bound = Some(Bound::UpTo);
            } else if is_from_word(w, prev) {
                h.bound = Some(Bound::From);
            } else if w == "between" || w == "entre" || w == "zwischen" {
                h.between = true;
            }
        }
        if h.period.is_none() && words <= 6 {
            if let Some((p, u)) = period_word(w) {
                if (u == PeriodUse::Free || (u == PeriodUse::Noun && prev == "per"))
                    && !matches!(lat, "bonus" | "revenue" | "budget")
                {
                    h.period = Some(p);
                }
            }
            if w == "day" && lat == "rate" {
                h.period = Some(Period::Day);
            }
        }
        if h.kind.is_some() || h.salary {
            // nearest cue already found; keep looking only for a bound/period
            if words > 6 {
                break;
            }
        } else if is_salary_word(w) {
            if matches!(w, "compensation" | "comp" | "earnings" | "package") && prev == "total" {
                if near {
                    h.kind = Some(Kind::Extra);
                }
            } else if matches!(w, "range" | "ranges" | "rate" | "package") && is_equity_word(prev) {
                if near {
                    h.kind = Some(Kind::Equity);
                }
            } else if matches!(w, "range" | "ranges" | "rate" | "package")
                && (is_bonus_word(prev) || is_negative_word(prev))
            {
                if near {
                    h.kind = Some(if is_bonus_word(prev) {
                        Kind::Extra
                    } else {
                        Kind::NotPay
                    });
                }
            } else if matches!(w, "base" | "basic" | "range" | "rate" | "package")
                && !(lat.is_empty()
                    || is_salary_word(lat)
                    || matches!(lat, "is" | "of" | "from" | "between" | "at"))
            {
                // "client base across…", "rate of growth": not about pay
            } else {
                h.salary = true;
                h.salary_dist = words;
            }
        } else if near && is_equity_word(w) {
            h.kind = Some(Kind::Equity);
        } else if near
            && (matches!(w, "ote" | "o.t.e" | "on-target")
                || (is_bonus_word(w) && !matches!(lat, "and" | "plus")))
        {
            h.kind = Some(Kind::Extra);
        } else if words <= 4 && !crossed_break && is_negative_word(w) {
            h.kind = Some(Kind::NotPay);
        }
        let n = w.len().min(32);
        later[..n].copy_from_slice(&w.as_bytes()[..n]);
        later_len = n;
    }
    h
}

/// Read the mention whose first digit is at `i`. `Err(skip)` gives where scanning resumes.
pub(crate) fn mention_at(b: &[u8], i: usize, long: bool) -> Result<Mention, usize> {
    let f1 = figure(b, i).ok_or(i + 1)?;
    let skip = f1.end.max(i + 1);
    if i > 0 {
        let p = b[i - 1];
        if (p.is_ascii_alphabetic() && currency::before(b, i).is_none_or(|(_, s)| s >= i))
            || p == b'_'
            || p == b'#'
            || ((p == b'.' || p == b',') && i >= 2 && b[i - 2].is_ascii_digit())
        {
            return Err(skip);
        }
    }
    if percent_after(b, f1.num_end)
        || b.get(f1.num_end) == Some(&b':') && b.get(f1.num_end + 1).is_some_and(u8::is_ascii_digit)
    {
        return Err(skip);
    }
    let pre1 = currency::before(b, i);
    let post1 = currency::after(b, f1.end);
    // Fast path for running text: a plain figure with no currency, multiplier or range
    // ("5 years", "2023", "401") is pay only with a period or salary word right after it.
    if long && pre1.is_none() && post1.is_none() && f1.plain && f1.mult == Mult::None {
        let continues = matches!(next_tok(b, f1.end), Some((Tok::Class(Class::Dash), _)))
            || range_sep(b, f1.end, true).is_some();
        if !continues {
            let t = read_tail(b, f1.end, true);
            if t.period.is_none() && !t.salary && t.cur.is_none() {
                return Err(skip);
            }
        }
    }
    let mut end = post1.map_or(f1.end, |(_, e)| e);
    let head = read_head(b, pre1.map_or(i, |(_, s)| s));

    // an upper bound
    let mut hi: Option<Fig> = None;
    let mut pre2 = None;
    let mut post2 = None;
    let mut open_upper = false;
    let mut sep = range_sep(b, end, head.between);
    if sep.is_none() {
        if let Some(k) = unit_suffix_end(b, end) {
            sep = range_sep(b, k, head.between).filter(|&j| {
                let j2 = currency::after(b, j).map_or(j, |(_, e)| e);
                let j2 = if b.get(j2) == Some(&b' ') { j2 + 1 } else { j2 };
                b.get(j2).is_some_and(u8::is_ascii_digit)
            });
        }
    }
    if let Some(j) = sep {
        let (cur2, k) = match currency::after(b, j) {
            Some((c, e)) => (Some(c), e),
            None => (None, j),
        };
        let k2 = if b.get(k) == Some(&b' ') { k + 1 } else { k };
        if b.get(k2).is_some_and(u8::is_ascii_digit) {
            if let Some(f2) = figure(b, k2) {
                if !percent_after(b, f2.num_end) {
                    pre2 = cur2;
                    post2 = currency::after(b, f2.end);
                    hi = Some(f2);
                }
            }
        } else if cur2.is_none() {
            if let Some((Tok::Word { start, end: we }, _)) = next_tok(b, j) {
                let mut buf = [0u8; 32];
                if lower(b, start, we, &mut buf).is_some_and(is_open_word) {
                    open_upper = true;
                    end = we;
                }
            }
        }
    }

    let mut lo = f1.value * f1.mult.factor();
    let mut scaled = f1.mult != Mult::None;
    let mut mult = f1.mult;
    let mut hi_v = None;
    if let Some(f2) = &hi {
        let mut v2 = f2.value * f2.mult.factor();
        // "$120-150k": the upper bound's multiplier also scales a bare lower bound
        if f1.mult == Mult::None
            && f2.mult != Mult::None
            && f1.value < 1000.0
            && f1.value * f2.mult.factor() <= v2
        {
            lo = f1.value * f2.mult.factor();
            mult = f2.mult;
            scaled = true;
        } else if f2.mult == Mult::None
            && f1.mult != Mult::None
            && f2.value < 1000.0
            && f2.value * f1.mult.factor() >= lo
        {
            v2 = f2.value * f1.mult.factor();
        }
        if v2 >= lo
            && v2 <= lo * 50.0
            && !(f2.plain
                && f2.digits == 4
                && f1.plain
                && f1.digits == 4
                && is_year(f1.value)
                && is_year(f2.value))
        {
            hi_v = Some(v2);
            scaled |= f2.mult != Mult::None;
            if f2.mult == Mult::LakhPerAnnum {
                mult = Mult::LakhPerAnnum;
            }
            end = post2.map_or(f2.end, |(_, e): (Cur, usize)| e);
        } else {
            pre2 = None;
            post2 = None;
        }
    }

    // the currency: an explicit code beats an ambiguous symbol
    let marks = [
        pre1.map(|c| c.0),
        pre2,
        post2.map(|c| c.0),
        post1.map(|c| c.0),
    ];
    let mut cur = marks
        .iter()
        .flatten()
        .copied()
        .find(|c| matches!(c, Cur::Code(_)));
    let first_mark = marks.iter().flatten().copied().next();
    let tail = read_tail(b, end, first_mark.is_none());
    if cur.is_none() {
        cur = tail.cur.or(first_mark);
    }
    // lakh and crore are Indian numbering: rupees unless stated otherwise
    if cur.is_none() && matches!(mult, Mult::Lakh | Mult::LakhPerAnnum | Mult::Crore) {
        cur = Some(Cur::Code("INR"));
    }
    let bare = cur.is_none();

    let mut kind = tail.kind.or(head.kind).unwrap_or(Kind::Base);
    if f1.mult == Mult::Billion || (bare && (tail.time || f1.leading_zero)) {
        kind = Kind::NotPay;
    }
    // 401(k), years, bare small counts
    if bare
        && f1.mult == Mult::None
        && hi_v.is_none()
        && f1.plain
        && f1.digits == 4
        && is_year(f1.value)
    {
        kind = Kind::NotPay;
    }
    // URL paths and dates: "jobs/286145", "12/05"
    if bare && i > 0 && matches!(b[i - 1], b'/' | b'=' | b'-' | b'.') {
        kind = Kind::NotPay;
    }
    if bare && f1.value == 401.0 && f1.mult == Mult::Thousand {
        kind = Kind::NotPay;
    }
    let period = tail
        .period
        .or((mult == Mult::LakhPerAnnum).then_some(Period::Year))
        .or(head.period);
    let strong =
        head.salary || tail.salary || tail.period.is_some() || (head.period.is_some() && !bare);
    let bound = if hi_v.is_some() {
        Bound::Exact
    } else if tail.from || head.bound == Some(Bound::From) {
        Bound::From
    } else if tail.upto || head.bound == Some(Bound::UpTo) {
        Bound::UpTo
    } else {
        Bound::Exact
    };
    Ok(Mention {
        end: end.max(skip),
        lo,
        hi: hi_v,
        open_upper,
        cur,
        period,
        kind,
        bound,
        strong,
        salary_cue: head.salary || tail.salary,
        bare_ok: tail.salary
            || tail.period.is_some()
            || (head.salary && head.salary_dist <= 6 && (scaled || !f1.plain)),
        scaled,
    })
}

fn is_year(v: f64) -> bool {
    (1900.0..=2100.0).contains(&v)
}
