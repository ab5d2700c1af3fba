//! Small helpers shared by the connectors: lenient JSON field access, dates, text bits.
//! Everything here is forgiving on purpose: a field of the wrong type reads as absent.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use hirekit_model::posting::{Period, RemotePolicy};
use serde_json::Value;
use std::borrow::Cow;

/// A non-blank string field; numbers are accepted too (ids are often numbers).
pub fn str_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => {
            let t = s.trim();
            (!t.is_empty()).then(|| t.to_string())
        }
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// `v[key]` as a non-blank string, strings only (for titles: a number is a wrong type).
pub fn get_text(v: &Value, key: &str) -> Option<String> {
    v.get(key).filter(|x| x.is_string()).and_then(str_of)
}

/// `v[key]` as a non-blank string (numbers accepted).
pub fn get_str(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(str_of)
}

/// Follow a path of object keys.
pub fn get_path<'a>(v: &'a Value, path: &[&str]) -> Option<&'a Value> {
    path.iter().try_fold(v, |cur, k| cur.get(*k))
}

pub fn path_str(v: &Value, path: &[&str]) -> Option<String> {
    get_path(v, path).and_then(str_of)
}

/// A number, or a string holding one ("120000", "120,000.50").
pub fn num_of(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64().filter(|x| x.is_finite()),
        Value::String(s) => {
            let t = s.trim();
            // "2.800" / "65.000" in a numeric field are thousands, not decimals: no pay
            // figure has three decimal places.
            let t: String = if dot_thousands(t) {
                t.chars().filter(|c| *c != '.').collect()
            } else {
                t.chars().filter(|c| *c != ',' && *c != '_').collect()
            };
            t.parse::<f64>().ok().filter(|x| x.is_finite())
        }
        _ => None,
    }
}

/// 1-3 digits followed by one or more ".ddd" groups.
fn dot_thousands(t: &str) -> bool {
    let mut groups = t.split('.');
    let head = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    !rest.is_empty()
        && (1..=3).contains(&head.len())
        && head.bytes().all(|b| b.is_ascii_digit())
        && rest
            .iter()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

pub fn get_num(v: &Value, key: &str) -> Option<f64> {
    v.get(key).and_then(num_of)
}

/// A boolean, or "true"/"false"/"1"/"0" as strings.
pub fn bool_of(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => Some(true),
            "false" | "no" | "0" => Some(false),
            _ => None,
        },
        Value::Number(n) => n.as_i64().map(|x| x != 0),
        _ => None,
    }
}

pub fn get_bool(v: &Value, key: &str) -> Option<bool> {
    v.get(key).and_then(bool_of)
}

/// The elements of an array field (empty when absent or not an array).
pub fn arr<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    match v.get(key) {
        Some(Value::Array(a)) => a,
        _ => &[],
    }
}

/// Parse the date formats connectors meet: RFC 3339, RFC 2822, "YYYY-MM-DD",
/// "YYYY-MM-DD HH:MM:SS[ UTC]", and epoch seconds or milliseconds as digits.
pub fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    // Epoch seconds or milliseconds, possibly written as a float ("1713397508000.0").
    let int_part = s.strip_suffix(".0").unwrap_or(s);
    if int_part.len() >= 9 && int_part.bytes().all(|b| b.is_ascii_digit()) {
        return int_part.parse::<i64>().ok().and_then(epoch);
    }
    // Fast path for the commonest shape, a bare date.
    if s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' {
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return d.and_hms_opt(0, 0, 0).map(|d| Utc.from_utc_datetime(&d));
        }
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.with_timezone(&Utc));
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.with_timezone(&Utc));
    }
    // Offsets without a colon (+0000) and other common shapes.
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f %z",
        "%Y-%m-%d %H:%M:%S%.f%z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(s, f) {
            return Some(d.with_timezone(&Utc));
        }
    }
    let naive = s
        .strip_suffix(" UTC")
        .or_else(|| s.strip_suffix('Z'))
        .unwrap_or(s);
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(naive, f) {
            return Some(Utc.from_utc_datetime(&d));
        }
    }
    let day = s.get(..10).unwrap_or(s);
    for f in ["%Y-%m-%d", "%Y/%m/%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(day, f) {
            return d.and_hms_opt(0, 0, 0).map(|d| Utc.from_utc_datetime(&d));
        }
    }
    None
}

/// Epoch seconds or milliseconds (values above 10^11 are taken as milliseconds).
pub fn epoch(n: i64) -> Option<DateTime<Utc>> {
    if n <= 0 {
        return None;
    }
    if n > 100_000_000_000 {
        DateTime::from_timestamp_millis(n)
    } else {
        DateTime::from_timestamp(n, 0)
    }
}

pub fn date_of(v: &Value) -> Option<DateTime<Utc>> {
    match v {
        Value::String(s) => parse_date(s),
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().map(|f| f as i64))
            .and_then(epoch),
        _ => None,
    }
}

pub fn get_date(v: &Value, key: &str) -> Option<DateTime<Utc>> {
    v.get(key).and_then(date_of)
}

/// Map a pay-period word used by ATS APIs and schema.org unitText.
pub fn period_word(s: &str) -> Option<Period> {
    let s = s.trim().to_ascii_lowercase();
    let s = s.strip_prefix("1 ").unwrap_or(&s);
    let s = s
        .strip_prefix("per-")
        .or_else(|| s.strip_prefix("per "))
        .unwrap_or(s);
    let head = s.split(['-', '_', ' ']).next().unwrap_or("");
    Some(match head {
        "hour" | "hourly" | "hr" => Period::Hour,
        "day" | "daily" => Period::Day,
        "week" | "weekly" => Period::Week,
        "month" | "monthly" => Period::Month,
        "year" | "yearly" | "annual" | "annually" | "annum" => Period::Year,
        _ => return None,
    })
}

/// A workplace-type word from a structured field (on-site, OnSite, remote, hybrid…).
pub fn remote_word(s: &str) -> Option<RemotePolicy> {
    let k: String = s
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    match k.as_str() {
        "remote" | "fullyremote" | "telecommute" => Some(RemotePolicy::Remote),
        "hybrid" => Some(RemotePolicy::Hybrid),
        "onsite" | "inoffice" | "office" => Some(RemotePolicy::Onsite),
        _ => None,
    }
}

/// Two ASCII letters → uppercase ISO 3166 alpha-2 code; anything else → None.
pub fn iso2(s: &str) -> Option<String> {
    let t = s.trim();
    (t.len() == 2 && t.bytes().all(|b| b.is_ascii_alphabetic())).then(|| t.to_ascii_uppercase())
}

/// Whether text carries HTML markup (so it goes to description_html, not _text).
/// One memchr pass over '<' looking at what follows.
pub fn looks_like_html(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b'<', b).any(|i| {
        let mut lower = [0u8; 4];
        for (d, c) in lower.iter_mut().zip(&b[i + 1..]) {
            *d = c.to_ascii_lowercase();
        }
        lower.starts_with(b"/")
            || lower.starts_with(b"br")
            || lower.starts_with(b"p>")
            || lower.starts_with(b"p ")
            || lower.starts_with(b"li")
            || lower.starts_with(b"ul")
            || lower.starts_with(b"div")
            || lower.starts_with(b"h1")
            || lower.starts_with(b"h2")
            || lower.starts_with(b"h3")
            || lower.starts_with(b"stro")
            || lower.starts_with(b"b>")
    })
}

/// Escape text for embedding in HTML we compose (section headings).
pub fn esc(s: &str) -> Cow<'_, str> {
    html_escape::encode_text(s)
}

/// Join non-empty location parts with ", ", skipping repeats ("Berlin, Berlin").
pub fn join_parts(parts: &[Option<String>]) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    for p in parts.iter().flatten() {
        let t = p.trim();
        if !t.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(t)) {
            out.push(t);
        }
    }
    (!out.is_empty()).then(|| out.join(", "))
}

/// Push a location unless blank or already present.
pub fn push_loc(locs: &mut Vec<String>, s: Option<String>) {
    if let Some(s) = s {
        let t = s.trim();
        if !t.is_empty() && !locs.iter().any(|l| l == t) {
            locs.push(t.to_string());
        }
    }
}

/// Bytes as text: borrowed when valid UTF-8, lossily decoded otherwise.
pub fn text_of(bytes: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// Parse a JSON document leniently about encoding: invalid UTF-8 is replaced, not fatal.
pub fn json_doc(bytes: &[u8]) -> Result<Value, crate::DocError> {
    let bytes = strip_bom(bytes);
    let r = match std::str::from_utf8(bytes) {
        Ok(s) => serde_json::from_str(s),
        Err(_) => serde_json::from_str(&String::from_utf8_lossy(bytes)),
    };
    r.map_err(|e| crate::DocError {
        reason: format!("not valid JSON: {e}"),
    })
}

pub fn strip_bom(b: &[u8]) -> &[u8] {
    b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b)
}

/// Where an item sits, for error labels: its place in a document, or a stored raw item
/// re-read on its own (`parse_item`), which has no place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    /// 0-based index in a JSON array: "index 3".
    Index(usize),
    /// 1-based position of an XML element: "position 2".
    Position(usize),
    /// A stored item: "item".
    Stored,
}

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            At::Index(i) => write!(f, "index {i}"),
            At::Position(p) => write!(f, "position {p}"),
            At::Stored => f.write_str("item"),
        }
    }
}

/// The label naming an item in errors: its id when known, else where it sits.
pub fn item_label(v: &Value, id_key: &str, at: At) -> String {
    match v.get(id_key).and_then(str_of) {
        Some(id) => format!("id {id}"),
        None => at.to_string(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = |s| parse_date(s).map(|d| d.to_rfc3339());
        assert_eq!(
            d("2024-03-05T10:00:00-05:00").as_deref(),
            Some("2024-03-05T15:00:00+00:00")
        );
        assert_eq!(
            d("Tue, 05 Mar 2024 10:00:00 GMT").as_deref(),
            Some("2024-03-05T10:00:00+00:00")
        );
        assert_eq!(
            d("2024-03-05").as_deref(),
            Some("2024-03-05T00:00:00+00:00")
        );
        assert_eq!(
            d("2024-03-05 10:30:00 UTC").as_deref(),
            Some("2024-03-05T10:30:00+00:00")
        );
        assert_eq!(
            d("1709632800000").as_deref(),
            Some("2024-03-05T10:00:00+00:00")
        );
        assert_eq!(
            d("1709632800").as_deref(),
            Some("2024-03-05T10:00:00+00:00")
        );
        assert_eq!(
            d("2024-03-05T10:00:00.123+0100").as_deref(),
            Some("2024-03-05T09:00:00.123+00:00")
        );
        assert_eq!(d("soon"), None);
    }

    #[test]
    fn numbers() {
        let n = |s: &str| num_of(&Value::String(s.into()));
        assert_eq!(n("2.800"), Some(2800.0));
        assert_eq!(n("1.250.000"), Some(1_250_000.0));
        assert_eq!(n("120,000"), Some(120_000.0));
        assert_eq!(n("18.50"), Some(18.5));
        assert_eq!(n("4000"), Some(4000.0));
        assert_eq!(n("n/a"), None);
    }

    #[test]
    fn periods() {
        assert_eq!(period_word("per-year-salary"), Some(Period::Year));
        assert_eq!(period_word("per-hour-wage"), Some(Period::Hour));
        assert_eq!(period_word("1 YEAR"), Some(Period::Year));
        assert_eq!(period_word("MONTH"), Some(Period::Month));
        assert_eq!(period_word("one-time"), None);
    }
}
