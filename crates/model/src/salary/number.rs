//! Reading one figure: digits with thousands separators or a decimal part, then an
//! optional multiplier word (k, M, lakh, crore, 万…).

/// A figure as written, before any multiplier.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Num {
    pub value: f64,
    pub end: usize,
    /// Written as bare digits (no separator, no decimals): "2023", "401".
    pub plain: bool,
    pub digits: usize,
    pub leading_zero: bool,
}

/// Byte length of a separator that may sit between digit groups at `i`, and its kind.
fn sep_at(b: &[u8], i: usize) -> Option<(u8, usize)> {
    match b.get(i)? {
        b',' => Some((b',', 1)),
        b'.' => Some((b'.', 1)),
        b'\'' => Some((b'\'', 1)),
        b' ' => Some((b' ', 1)),
        0xC2 if b.get(i + 1) == Some(&0xA0) => Some((b' ', 2)),
        // narrow no-break space, thin space, right single quote (Swiss 100’000)
        0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2)? {
            0xAF | 0x89 => Some((b' ', 3)),
            0x99 => Some((b'\'', 3)),
            _ => None,
        },
        _ => None,
    }
}

fn digits_at(b: &[u8], i: usize) -> usize {
    b[i.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count()
}

fn group_value(b: &[u8]) -> f64 {
    b.iter()
        .fold(0.0, |acc, d| acc * 10.0 + f64::from(d - b'0'))
}

/// True when a k/M style multiplier follows `i` (so "1.125M" reads the dot as decimal).
fn multiplier_follows(b: &[u8], i: usize) -> bool {
    let j = if b.get(i) == Some(&b' ') { i + 1 } else { i };
    matches!(b.get(j), Some(b'k' | b'K' | b'm' | b'M'))
        && !b.get(j + 1).is_some_and(|c| c.is_ascii_alphabetic())
}

/// Read the figure starting at `start` (an ASCII digit).
///
/// `,` `.` `'` and spaces followed by exactly three digits are thousands separators
/// (€110.000, 1 200 000, 100'000; Indian 12,00,000 too); `.` or `,` followed by one or two
/// digits, or a separator other than the thousands one, is a decimal point ($20.50, 20,50 €,
/// 1.234,56).
pub(crate) fn parse_number(b: &[u8], start: usize) -> Option<Num> {
    let g0 = digits_at(b, start);
    if g0 == 0 || g0 > 12 {
        return None;
    }
    let mut value = group_value(&b[start..start + g0]);
    let mut i = start + g0;
    let mut thousands: Option<u8> = None;
    let mut plain = true;
    let mut total = g0;
    let first_small = g0 <= 3;
    while let Some((sep, len)) = sep_at(b, i) {
        let j = i + len;
        let d = digits_at(b, j);
        if d == 0 || total + d > 15 {
            break;
        }
        let after = j + d;
        let group = &b[j..after];
        let same_sep = thousands.is_none_or(|t| t == sep);
        if d == 3 && first_small && same_sep {
            if sep == b'.' && thousands.is_none() && multiplier_follows(b, after) {
                value += group_value(group) / 1000.0;
                i = after;
                plain = false;
                break;
            }
            value = value * 1000.0 + group_value(group);
            thousands = Some(sep);
            plain = false;
            total += d;
            i = after;
            continue;
        }
        // Indian grouping: 12,00,000
        if sep == b','
            && d == 2
            && first_small
            && same_sep
            && b.get(after) == Some(&b',')
            && digits_at(b, after + 1) >= 2
        {
            value = value * 100.0 + group_value(group);
            thousands = Some(sep);
            plain = false;
            total += d;
            i = after;
            continue;
        }
        if (sep == b'.' || sep == b',') && thousands != Some(sep) && d <= 9 {
            // a decimal part: only 1-2 digits unless it can't be a thousands group
            if d <= 2 || !first_small || thousands.is_some() {
                value += group_value(group) / 10f64.powi(d as i32);
                plain = false;
                i = after;
            }
        }
        break;
    }
    Some(Num {
        value,
        end: i,
        plain,
        digits: total,
        leading_zero: b[start] == b'0' && g0 > 1,
    })
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Mult {
    None,
    Thousand,
    Million,
    Billion,
    Lakh,
    /// "LPA": lakhs per annum.
    LakhPerAnnum,
    Crore,
    /// 万 (ten thousand)
    Wan,
}

impl Mult {
    pub fn factor(self) -> f64 {
        match self {
            Mult::None => 1.0,
            Mult::Thousand => 1e3,
            Mult::Million => 1e6,
            Mult::Billion => 1e9,
            Mult::Lakh | Mult::LakhPerAnnum => 1e5,
            Mult::Crore => 1e7,
            Mult::Wan => 1e4,
        }
    }
}

fn word_end(b: &[u8], i: usize) -> usize {
    i + b[i.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count()
}

/// A multiplier right after a figure (one optional space), and where it ends.
pub(crate) fn parse_mult(b: &[u8], i: usize) -> (Mult, usize) {
    let j = match b.get(i) {
        Some(b' ') => i + 1,
        Some(0xC2) if b.get(i + 1) == Some(&0xA0) => i + 2,
        _ => i,
    };
    if b.get(j..j + 3) == Some("万".as_bytes()) {
        return (Mult::Wan, j + 3);
    }
    if b.get(j..j + 3) == Some("千".as_bytes()) {
        return (Mult::Thousand, j + 3);
    }
    let we = word_end(b, j);
    if we == j {
        return (Mult::None, i);
    }
    let w = &b[j..we];
    // "Kč" (Czech koruna) and "kr" are currencies, not thousands
    if we < b.len() && b[we] == 0xC4 {
        return (Mult::None, i);
    }
    let m = match w {
        b"k" | b"K" | b"thousand" | b"Thousand" | b"grand" => Mult::Thousand,
        b"M" | b"m" | b"MM" | b"mm" | b"mn" | b"mil" | b"mill" | b"million" | b"Million"
        | b"millions" | b"Mio" | b"mio" => Mult::Million,
        b"B" | b"b" | b"bn" | b"billion" | b"Billion" | b"Mrd" | b"bln" => Mult::Billion,
        b"L" | b"lakh" | b"lakhs" | b"Lakh" | b"Lakhs" | b"lac" | b"lacs" | b"Lac" | b"Lacs"
        | b"LAKH" | b"LAKHS" | b"LAC" | b"LACS" => Mult::Lakh,
        b"LPA" | b"lpa" | b"Lpa" => Mult::LakhPerAnnum,
        b"cr" | b"Cr" | b"crore" | b"crores" | b"Crore" | b"Crores" | b"CR" => Mult::Crore,
        _ => return (Mult::None, i),
    };
    // a space before a bare one-letter multiplier is only allowed for k ("45 k€")
    if j != i && w.len() == 1 && !matches!(w, b"k" | b"K") {
        return (Mult::None, i);
    }
    let mut end = we;
    if b.get(end) == Some(&b'.') && matches!(w, b"Mio" | b"mio" | b"Mrd") {
        end += 1;
    }
    (m, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> f64 {
        parse_number(s.as_bytes(), 0)
            .map(|n| n.value)
            .unwrap_or(-1.0)
    }

    #[test]
    fn separators() {
        assert_eq!(num("110.000"), 110000.0);
        assert_eq!(num("120,000"), 120000.0);
        assert_eq!(num("1 200 000"), 1200000.0);
        assert_eq!(num("1\u{a0}200"), 1200.0);
        assert_eq!(num("20.50"), 20.5);
        assert_eq!(num("20,5 "), 20.5);
        assert_eq!(num("1.234,56"), 1234.56);
        assert_eq!(num("120,000.00"), 120000.0);
        assert_eq!(num("12,00,000"), 1200000.0);
        assert_eq!(num("100'000"), 100000.0);
        assert_eq!(num("192.5K"), 192.5);
        assert_eq!(num("1.125M"), 1.125);
        assert_eq!(num("25000.00"), 25000.0);
        assert_eq!(num("2023"), 2023.0);
    }
}
