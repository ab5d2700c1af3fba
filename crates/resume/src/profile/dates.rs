//! Dates and date ranges as written in resumes: "Jan 2019 – Present", "03/2017 - 11/2019",
//! "2015–2018", "Since 2020", "seit März 2018", "janvier 2016 à juin 2019", "desde 2020".

use std::sync::OnceLock;

use hirekit_model::location::fold;
use hirekit_model::profile::YearMonth;
use regex::Regex;

/// Month names and abbreviations (folded: lowercase, no accents), English, German, French,
/// Spanish.
const MONTHS: &[(&str, u8)] = &[
    ("january", 1), ("jan", 1), ("januar", 1), ("janner", 1), ("janvier", 1), ("janv", 1), ("enero", 1), ("ene", 1),
    ("february", 2), ("feb", 2), ("februar", 2), ("fevrier", 2), ("fevr", 2), ("fev", 2), ("febrero", 2),
    ("march", 3), ("mar", 3), ("marz", 3), ("maerz", 3), ("mars", 3), ("marzo", 3),
    ("april", 4), ("apr", 4), ("avril", 4), ("avr", 4), ("abril", 4), ("abr", 4),
    ("may", 5), ("mai", 5), ("mayo", 5),
    ("june", 6), ("jun", 6), ("juni", 6), ("juin", 6), ("junio", 6),
    ("july", 7), ("jul", 7), ("juli", 7), ("juillet", 7), ("juil", 7), ("julio", 7),
    ("august", 8), ("aug", 8), ("aout", 8), ("agosto", 8), ("ago", 8),
    ("september", 9), ("sept", 9), ("sep", 9), ("septembre", 9), ("septiembre", 9), ("setiembre", 9),
    ("october", 10), ("oct", 10), ("oktober", 10), ("okt", 10), ("octobre", 10), ("octubre", 10),
    ("november", 11), ("nov", 11), ("novembre", 11), ("noviembre", 11),
    ("december", 12), ("dec", 12), ("dezember", 12), ("dez", 12), ("decembre", 12), ("diciembre", 12), ("dic", 12),
];

/// Month-name pattern as written (with accents), longest first so "june" wins over "jun".
fn month_pattern() -> String {
    let mut names: Vec<String> = MONTHS.iter().map(|(n, _)| n.to_string()).collect();
    // Accented spellings fold to the names above.
    names.extend(
        ["jänner", "février", "févr", "fév", "märz", "août", "décembre", "déc"]
            .iter()
            .map(|s| s.to_string()),
    );
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.join("|")
}

const PRESENT: &str = r"present|current|currently|now|today|date|ongoing|till date|to date|heute|bis heute|aktuell|jetzt|laufend|present|aujourd'hui|aujourd’hui|ce jour|actuel|actuellement|en cours|actualidad|presente|la fecha|hoy|actual";

fn token_pattern() -> String {
    let m = month_pattern();
    // Order matters: the regex takes the first alternative that matches at a position.
    format!(
        r"(?:(?:{m})\.?,?\s*(?:\d{{1,2}},\s*)?(?:19|20)\d{{2}}|(?:{m})\.?\s*['’]\d{{2}}|(?:0?[1-9]|1[0-2])\s*[/.\-]\s*(?:19|20)\d{{2}}|(?:19|20)\d{{2}}\s*[/.\-]\s*(?:0[1-9]|1[0-2])\b|(?:19|20)\d{{2}})"
    )
}

pub fn range_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let t = token_pattern();
        let sep = r"\s*(?:[-–—‒−~]+|to|till|until|thru|through|bis|au|à|a|hasta|al)\s*(?:the\s+)?";
        let pat = format!(r"(?i)\b(?P<a>{t})\b{sep}(?P<b>(?:{t})\b|(?:{PRESENT})\b)");
        Regex::new(&pat).expect("date range pattern")
    })
}

pub fn since_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let t = token_pattern();
        let pat = format!(r"(?i)\b(?:since|seit|depuis|desde|from)\s+(?:(?:le|el|dem)\s+)?(?P<a>{t})\b(?:\s*(?:[-–—]|to|bis)\s*(?:{PRESENT})?)?");
        Regex::new(&pat).expect("since pattern")
    })
}

/// Parses one date token ("Jan 2019", "03/2017", "2017-03", "2015", "Mar '19").
pub fn parse_token(s: &str) -> Option<YearMonth> {
    let f = fold(s);
    let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    let month_of = |w: &str| MONTHS.iter().find(|(n, _)| *n == w).map(|(_, m)| *m);
    let year_of = |w: &str| -> Option<u16> {
        let y: u16 = w.parse().ok()?;
        match w.len() {
            4 if (1950..=2100).contains(&y) => Some(y),
            2 => Some(if y > 50 { 1900 + y } else { 2000 + y }),
            _ => None,
        }
    };
    match words.as_slice() {
        [m, y] if month_of(m).is_some() => Some(YearMonth { year: year_of(y)?, month: month_of(m)? }),
        [m, _day, y] if month_of(m).is_some() => Some(YearMonth { year: year_of(y)?, month: month_of(m)? }),
        [y] if y.len() == 4 => Some(YearMonth { year: year_of(y)?, month: 0 }),
        [a, b] => {
            // Numeric: "03 2017" (fold turned "/" into a space) or "2017 03".
            let (a_n, b_n): (u16, u16) = (a.parse().ok()?, b.parse().ok()?);
            if a.len() == 4 && (1..=12).contains(&b_n) {
                Some(YearMonth { year: year_of(a)?, month: b_n as u8 })
            } else if b.len() == 4 && (1..=12).contains(&a_n) {
                Some(YearMonth { year: year_of(b)?, month: a_n as u8 })
            } else {
                None
            }
        }
        _ => None,
    }
}

/// A date range found in a line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub start: YearMonth,
    pub end: Option<YearMonth>,
    pub current: bool,
    /// Byte offsets within the line.
    pub at: (usize, usize),
}

pub fn find_range(line: &str) -> Option<Range> {
    if let Some(c) = range_re().captures(line) {
        let a = c.name("a")?;
        let b = c.name("b")?;
        let start = parse_token(a.as_str());
        let end = parse_token(b.as_str());
        let m = c.get(0)?;
        if let Some(start) = start {
            if let Some(end) = end {
                if end >= start || (end.year == start.year) {
                    return Some(Range { start, end: Some(end), current: false, at: (m.start(), m.end()) });
                }
            } else {
                return Some(Range { start, end: None, current: true, at: (m.start(), m.end()) });
            }
        }
    }
    let c = since_re().captures(line)?;
    let start = parse_token(c.name("a")?.as_str())?;
    let m = c.get(0)?;
    Some(Range { start, end: None, current: true, at: (m.start(), m.end()) })
}

/// Months between two dates as an interval `[from, to)` in month indices; year-only dates
/// count from January, and a month-precise end includes its month.
pub fn interval(start: YearMonth, end: Option<YearMonth>, today: YearMonth) -> Option<(i32, i32)> {
    let idx = |ym: YearMonth, is_end: bool| -> i32 {
        let m = if ym.month == 0 { 1 } else { ym.month as i32 };
        ym.year as i32 * 12 + (m - 1) + i32::from(is_end && ym.month != 0)
    };
    let from = idx(start, false);
    let to = match end {
        Some(e) => idx(e, true),
        None => idx(today, true),
    };
    let to = to.min(idx(today, true));
    (to > from && to - from <= 12 * 60).then_some((from, to))
}

/// Total length of intervals, overlaps merged, in months.
pub fn merged_months(mut iv: Vec<(i32, i32)>) -> i32 {
    iv.sort_unstable();
    let mut total = 0;
    let mut cur: Option<(i32, i32)> = None;
    for (a, b) in iv {
        match cur {
            Some((ca, cb)) if a <= cb => cur = Some((ca, cb.max(b))),
            Some((ca, cb)) => {
                total += cb - ca;
                cur = Some((a, b));
            }
            None => cur = Some((a, b)),
        }
    }
    if let Some((a, b)) = cur {
        total += b - a;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(year: u16, month: u8) -> YearMonth {
        YearMonth { year, month }
    }

    #[test]
    fn ranges() {
        let r = find_range("Software Engineer  Jan 2019 – Present").unwrap();
        assert_eq!((r.start, r.end, r.current), (ym(2019, 1), None, true));
        let r = find_range("03/2017 - 11/2019").unwrap();
        assert_eq!((r.start, r.end), (ym(2017, 3), Some(ym(2019, 11))));
        let r = find_range("2015–2018").unwrap();
        assert_eq!((r.start, r.end), (ym(2015, 0), Some(ym(2018, 0))));
        let r = find_range("Since 2020").unwrap();
        assert_eq!((r.start, r.current), (ym(2020, 0), true));
        let r = find_range("März 2018 – heute").unwrap();
        assert_eq!((r.start, r.current), (ym(2018, 3), true));
        let r = find_range("janvier 2016 à juin 2019").unwrap();
        assert_eq!((r.start, r.end), (ym(2016, 1), Some(ym(2019, 6))));
        let r = find_range("enero 2015 - diciembre 2017").unwrap();
        assert_eq!((r.start, r.end), (ym(2015, 1), Some(ym(2017, 12))));
        let r = find_range("Accountant Apr 2012 to Current").unwrap();
        assert_eq!((r.start, r.current), (ym(2012, 4), true));
        let r = find_range("January 2015 to Present").unwrap();
        assert_eq!(r.start, ym(2015, 1));
        let r = find_range("( 1/1999 to 1/2006)").unwrap();
        assert_eq!((r.start, r.end), (ym(1999, 1), Some(ym(2006, 1))));
        assert!(find_range("Phone 555 1234").is_none());
    }

    #[test]
    fn merging() {
        let t = ym(2024, 6);
        let a = interval(ym(2019, 1), Some(ym(2020, 12)), t).unwrap();
        let b = interval(ym(2020, 1), None, t).unwrap();
        assert_eq!(merged_months(vec![a, b]), 66);
    }
}
