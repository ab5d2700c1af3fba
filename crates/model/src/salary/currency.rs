//! Currency marks next to a figure: symbols ($ £ € ₹ ¥ zł kr…), prefixed dollars
//! (US$, C$, A$…) and ISO 4217 codes.

/// A currency as written. `$`, `¥` and `kr` name several currencies; the caller settles
/// them with the default currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cur {
    Code(&'static str),
    Dollar,
    Yen,
    Krone,
}

impl Cur {
    /// The ISO code, using `default` to settle `$`, `¥` and `kr`.
    pub fn resolve(self, default: Option<&str>) -> &'static str {
        match self {
            Cur::Code(c) => c,
            Cur::Dollar => match default.and_then(known_code) {
                Some(
                    c @ ("CAD" | "AUD" | "NZD" | "SGD" | "HKD" | "TWD" | "MXN" | "ARS" | "CLP"
                    | "COP" | "JMD" | "TTD" | "BSD" | "BBD" | "FJD" | "LRD"),
                ) => c,
                _ => "USD",
            },
            Cur::Yen => match default.and_then(known_code) {
                Some("CNY") => "CNY",
                _ => "JPY",
            },
            Cur::Krone => match default.and_then(known_code) {
                Some(c @ ("NOK" | "DKK" | "ISK")) => c,
                _ => "SEK",
            },
        }
    }
}

/// Active ISO 4217 codes, minus those that are everyday capitalised words (ALL, TOP, TRY,
/// CUP, MAD, PEN, GEL, SOS…) and funds/metals.
const CODES: &[&str] = &[
    "AED", "AFN", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BBD", "BDT", "BGN", "BHD", "BIF",
    "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP",
    "CNY", "COP", "CRC", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR",
    "FJD", "FKP", "GBP", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HRK", "HTG",
    "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR",
    "KMF", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MDL", "MGA",
    "MKD", "MMK", "MNT", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO",
    "NOK", "NPR", "NZD", "OMR", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB",
    "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SRD", "SSP", "STN", "SVC",
    "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU",
    "UZS", "VES", "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW",
];

pub(crate) fn known_code(s: &str) -> Option<&'static str> {
    let up = s.trim();
    if up.len() != 3 {
        return None;
    }
    let mut buf = [0u8; 3];
    for (d, c) in buf.iter_mut().zip(up.bytes()) {
        *d = c.to_ascii_uppercase();
    }
    let key = std::str::from_utf8(&buf).ok()?;
    CODES.binary_search(&key).ok().map(|i| CODES[i])
}

/// Codes written as words other than the ISO form.
fn alias(w: &[u8]) -> Option<Cur> {
    Some(Cur::Code(match w {
        b"RMB" | b"rmb" => "CNY",
        b"Rs" | b"INR" | b"Rs." => "INR",
        b"zl" => "PLN",
        b"Fr" | b"SFr" | b"CHF" => "CHF",
        b"Euro" | b"Euros" | b"euro" | b"euros" | b"EURO" | b"EUROS" => "EUR",
        b"zloty" | b"zlotych" | b"PLZ" => "PLN",
        b"yuan" | b"Yuan" => "CNY",
        b"rupees" | b"Rupees" | b"lakhs" => "INR",
        b"dollars" | b"Dollars" | b"dollar" => return Some(Cur::Dollar),
        b"Kc" => "CZK",
        b"Ft" => "HUF",
        b"kr" | b"Kr" | b"SEK" => {
            return if w == b"SEK" {
                Some(Cur::Code("SEK"))
            } else {
                Some(Cur::Krone)
            }
        }
        _ => return None,
    }))
}

fn is_upper_code(w: &[u8]) -> Option<&'static str> {
    if w.len() == 3 && w.iter().all(u8::is_ascii_uppercase) {
        let s = std::str::from_utf8(w).ok()?;
        return CODES.binary_search(&s).ok().map(|i| CODES[i]);
    }
    None
}

/// Multi-byte symbols, as (bytes, currency).
const SYMBOLS: &[(&str, Cur)] = &[
    ("£", Cur::Code("GBP")),
    ("€", Cur::Code("EUR")),
    ("₹", Cur::Code("INR")),
    ("¥", Cur::Yen),
    ("￥", Cur::Yen),
    ("元", Cur::Code("CNY")),
    ("zł", Cur::Code("PLN")),
    ("Kč", Cur::Code("CZK")),
    ("₩", Cur::Code("KRW")),
    ("₽", Cur::Code("RUB")),
    ("₴", Cur::Code("UAH")),
    ("₺", Cur::Code("TRY")),
    ("₪", Cur::Code("ILS")),
    ("₱", Cur::Code("PHP")),
    ("₦", Cur::Code("NGN")),
    ("฿", Cur::Code("THB")),
    ("₫", Cur::Code("VND")),
];

fn skip_space_back(b: &[u8], mut i: usize) -> usize {
    for _ in 0..2 {
        if i >= 1 && b[i - 1] == b' ' {
            i -= 1;
        } else if i >= 2 && b[i - 2] == 0xC2 && b[i - 1] == 0xA0 {
            i -= 2;
        } else {
            break;
        }
    }
    i
}

fn skip_space_fwd(b: &[u8], mut i: usize) -> usize {
    for _ in 0..2 {
        if b.get(i) == Some(&b' ') {
            i += 1;
        } else if b.get(i) == Some(&0xC2) && b.get(i + 1) == Some(&0xA0) {
            i += 2;
        } else {
            break;
        }
    }
    i
}

/// The ASCII word ending at `end` (letters and dots), as its start.
fn word_before(b: &[u8], end: usize) -> usize {
    let mut s = end;
    while s > 0 && (b[s - 1].is_ascii_alphabetic() || (b[s - 1] == b'.' && s != end)) {
        s -= 1;
    }
    s
}

/// The currency of a dollar sign written with a country prefix ("C$", "AU$"…).
fn prefixed_dollar(w: &[u8]) -> Option<Cur> {
    Some(match w {
        b"" | b"U.S." => Cur::Dollar,
        b"US" | b"USD" => Cur::Code("USD"),
        b"C" | b"CA" | b"CAD" | b"Can" => Cur::Code("CAD"),
        b"A" | b"AU" | b"AUD" => Cur::Code("AUD"),
        b"NZ" | b"NZD" => Cur::Code("NZD"),
        b"HK" | b"HKD" => Cur::Code("HKD"),
        b"S" | b"SG" | b"SGD" => Cur::Code("SGD"),
        b"R" => Cur::Code("BRL"),
        b"MX" | b"Mex" => Cur::Code("MXN"),
        b"NT" => Cur::Code("TWD"),
        _ => return None,
    })
}

/// A currency mark ending just before `i` (up to two spaces between), and where it starts.
pub(crate) fn before(b: &[u8], i: usize) -> Option<(Cur, usize)> {
    let e = skip_space_back(b, i);
    if e == 0 {
        return None;
    }
    if b[e - 1] == b'$' {
        let ws = word_before(b, e - 1);
        return Some(match prefixed_dollar(&b[ws..e - 1]) {
            Some(cur) => (cur, ws),
            None => (Cur::Dollar, e - 1),
        });
    }
    for (sym, cur) in SYMBOLS {
        let s = sym.as_bytes();
        if e >= s.len() && &b[e - s.len()..e] == s {
            return Some((*cur, e - s.len()));
        }
    }
    if b[e - 1].is_ascii_alphabetic() || b[e - 1] == b'.' {
        let e = if b[e - 1] == b'.' { e - 1 } else { e };
        let ws = word_before(b, e);
        if ws > 0 && b[ws - 1].is_ascii_alphanumeric() {
            return None;
        }
        let w = &b[ws..e];
        if let Some(c) = is_upper_code(w) {
            return Some((Cur::Code(c), ws));
        }
        if let Some(c) = alias(w) {
            return Some((c, ws));
        }
    }
    None
}

/// A currency mark starting at `i` (up to two spaces before it), and where it ends.
pub(crate) fn after(b: &[u8], i: usize) -> Option<(Cur, usize)> {
    let s = skip_space_fwd(b, i);
    let rest = b.get(s..)?;
    if rest.first() == Some(&b'$') {
        return Some((Cur::Dollar, s + 1));
    }
    for (sym, cur) in SYMBOLS {
        let sb = sym.as_bytes();
        if rest.starts_with(sb) {
            return Some((*cur, s + sb.len()));
        }
    }
    let we = s + rest.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if we == s
        || b.get(we)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80)
    {
        return None;
    }
    let w = &b[s..we];
    if b.get(we) == Some(&b'$') {
        return prefixed_dollar(w).map(|c| (c, we + 1));
    }
    if let Some(c) = is_upper_code(w) {
        return Some((Cur::Code(c), we));
    }
    let end = if b.get(we) == Some(&b'.') { we + 1 } else { we };
    alias(w).map(|c| (c, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks() {
        let t = b"CA$120";
        assert_eq!(before(t, 3), Some((Cur::Code("CAD"), 0)));
        let t = "€ 45".as_bytes();
        assert_eq!(before(t, 4), Some((Cur::Code("EUR"), 0)));
        let t = b"USD 100";
        assert_eq!(before(t, 4), Some((Cur::Code("USD"), 0)));
        assert_eq!(after(b"100 PLN net", 3), Some((Cur::Code("PLN"), 7)));
        assert_eq!(after(b"100 PLNX", 3), None);
        assert_eq!(Cur::Dollar.resolve(Some("CAD")), "CAD");
        assert_eq!(Cur::Dollar.resolve(Some("EUR")), "USD");
    }
}
