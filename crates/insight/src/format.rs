//! Short money labels for headlines and chart axes: "$191k", "€1.2M", "CHF 95k".

/// The symbol people expect for a currency, or None to write the code.
pub fn symbol(currency: &str) -> Option<&'static str> {
    Some(match currency.to_ascii_uppercase().as_str() {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" | "CNY" => "¥",
        "INR" => "₹",
        "KRW" => "₩",
        "ILS" => "₪",
        "NGN" => "₦",
        "PHP" => "₱",
        "UAH" => "₴",
        "VND" => "₫",
        "TRY" => "₺",
        "BRL" => "R$",
        "CAD" => "CA$",
        "AUD" => "A$",
        "NZD" => "NZ$",
        "HKD" => "HK$",
        "SGD" => "S$",
        "MXN" => "MX$",
        _ => return None,
    })
}

/// `191_400.0, "USD"` → "$191k"; `1_250_000.0, "EUR"` → "€1.25M"; `95_000.0, "CHF"` → "CHF 95k".
pub fn money_short(v: f64, currency: &str) -> String {
    let neg = v < 0.0;
    let a = v.abs();
    let num = if !a.is_finite() {
        "?".to_string()
    } else if a >= 999_500.0 {
        trim(format!("{:.2}", a / 1e6)) + "M"
    } else if a >= 9_999.5 {
        format!("{:.0}k", a / 1e3)
    } else if a >= 1_000.0 {
        trim(format!("{:.1}", a / 1e3)) + "k"
    } else {
        format!("{a:.0}")
    };
    let sign = if neg { "-" } else { "" };
    match symbol(currency) {
        Some(s) => format!("{sign}{s}{num}"),
        None => format!("{sign}{} {num}", currency.to_ascii_uppercase()),
    }
}

fn trim(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_labels() {
        assert_eq!(money_short(191_400.0, "USD"), "$191k");
        assert_eq!(money_short(277_600.0, "usd"), "$278k");
        assert_eq!(money_short(1_250_000.0, "EUR"), "€1.25M");
        assert_eq!(money_short(8_500_000.0, "JPY"), "¥8.5M");
        assert_eq!(money_short(95_000.0, "CHF"), "CHF 95k");
        assert_eq!(money_short(8_500.0, "GBP"), "£8.5k");
        assert_eq!(money_short(45.0, "USD"), "$45");
        assert_eq!(money_short(999_999.0, "USD"), "$1M");
    }
}
