//! Working-hours time-zone windows: "CET ±2h", "UTC-5 to UTC+1", "EST/PST overlap",
//! "US time zones". The result is the range of UTC offsets (hours) named or implied.
use super::TzWindow;
use regex::Regex;
use std::sync::OnceLock;

/// Zone abbreviations (standard-time offsets; summer variants listed separately).
/// Two-letter ones (ET, PT…) only count next to another zone or the words time/zone/hours.
const ZONES: &[(&str, f32)] = &[
    ("UTC", 0.0),
    ("GMT", 0.0),
    ("WET", 0.0),
    ("WEST", 1.0),
    ("BST", 1.0),
    ("CET", 1.0),
    ("CEST", 2.0),
    ("MEZ", 1.0),
    ("MESZ", 2.0),
    ("EET", 2.0),
    ("EEST", 3.0),
    ("MSK", 3.0),
    ("GST", 4.0),
    ("PKT", 5.0),
    ("IST", 5.5),
    ("NPT", 5.75),
    ("ICT", 7.0),
    ("WIB", 7.0),
    ("SGT", 8.0),
    ("HKT", 8.0),
    ("AWST", 8.0),
    ("PHT", 8.0),
    ("JST", 9.0),
    ("KST", 9.0),
    ("ACST", 9.5),
    ("AEST", 10.0),
    ("AEDT", 11.0),
    ("NZST", 12.0),
    ("NZDT", 13.0),
    ("BRT", -3.0),
    ("ART", -3.0),
    ("AST", -4.0),
    ("ADT", -3.0),
    ("EST", -5.0),
    ("EDT", -4.0),
    ("CST", -6.0),
    ("CDT", -5.0),
    ("MST", -7.0),
    ("MDT", -6.0),
    ("PST", -8.0),
    ("PDT", -7.0),
    ("AKST", -9.0),
    ("AKDT", -8.0),
    ("HST", -10.0),
    ("NST", -3.5),
    ("ET", -5.0),
    ("CT", -6.0),
    ("MT", -7.0),
    ("PT", -8.0),
];

/// Named windows ("US time zones").
const NAMED: &[(&str, f32, f32)] = &[
    ("us", -10.0, -4.0),
    ("u s", -10.0, -4.0),
    ("usa", -10.0, -4.0),
    ("american", -10.0, -4.0),
    ("north american", -10.0, -4.0),
    ("north america", -10.0, -4.0),
    ("americas", -10.0, -3.0),
    ("canadian", -8.0, -3.5),
    ("european", 0.0, 3.0),
    ("europe", 0.0, 3.0),
    ("eu", 0.0, 3.0),
    ("emea", 0.0, 4.0),
    ("apac", 5.5, 12.0),
    ("australian", 8.0, 11.0),
    ("latam", -6.0, -3.0),
    ("eastern", -5.0, -5.0),
    ("central", -6.0, -6.0),
    ("mountain", -7.0, -7.0),
    ("pacific", -8.0, -8.0),
];

fn re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let zones: Vec<&str> = ZONES.iter().map(|(z, _)| *z).collect();
        let pat = format!(
            r"\b({})\b(?:\s*([+\-−–])\s*(\d{{1,2}})(?::?(\d{{2}}))?(?:\s*h(?:ours?|rs?)?)?)?(?:\s*(?:±|\+/-|\+-|\+/−|plus\s*/?\s*minus|plus or minus)\s*(\d{{1,2}}(?:\.\d)?)\s*(?:h|hours?|hrs?)?\b)?",
            zones.join("|")
        );
        Regex::new(&pat).expect("valid tz regex")
    })
}

fn named_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(u\.?s\.?a?|american|north america(?:n)?|americas|canadian|europe(?:an)?|eu|emea|apac|australian|latam|eastern|central|mountain|pacific)\s+(?:standard\s+)?time\s*-?\s*zones?\b")
            .expect("valid tz regex")
    })
}

fn context_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)time|zone|\btz\b|hours|overlap|\bGMT|\bUTC").expect("valid regex")
    })
}

/// Cheap pre-check on the words of a location string: any zone abbreviation, or the
/// words time/zone/timezone(s). Saves running the regexes on the common "City, ST".
pub(crate) fn may_have_tz(toks: &[super::tokens::Tok]) -> bool {
    toks.iter().any(|t| {
        matches!(
            t.folded.as_str(),
            "time" | "zone" | "zones" | "timezone" | "timezones" | "tz"
        ) || t.orig.len() <= 4 && ZONES.iter().any(|(z, _)| *z == t.orig)
            || t.folded.starts_with("utc")
            || t.folded.starts_with("gmt")
    })
}

/// The UTC-offset window the text asks candidates to work in, if it names one.
pub fn tz_window(text: &str) -> Option<TzWindow> {
    let mut lo = f32::INFINITY;
    let mut hi = f32::NEG_INFINITY;
    let mut add = |a: f32, b: f32| {
        lo = lo.min(a);
        hi = hi.max(b);
    };
    for c in named_re().captures_iter(text) {
        let name = c[1].to_lowercase().replace('.', " ").trim().to_string();
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some((_, a, b)) = NAMED.iter().find(|(n, _, _)| *n == name) {
            add(*a, *b);
        }
    }
    let has_context = context_re().is_match(text);
    let matches: Vec<_> = re().captures_iter(text).collect();
    let several = matches.len() > 1;
    for c in &matches {
        let zone = &c[1];
        if zone.len() == 2 && !(has_context || several) {
            continue;
        }
        let Some(&(_, base)) = ZONES.iter().find(|(z, _)| *z == zone) else {
            continue;
        };
        let mut off = base;
        if let (Some(sign), Some(h)) = (c.get(2), c.get(3)) {
            let h: f32 = h.as_str().parse().unwrap_or(0.0);
            let m: f32 = c
                .get(4)
                .and_then(|m| m.as_str().parse().ok())
                .unwrap_or(0.0);
            let v = h + m / 60.0;
            if v > 14.0 {
                continue;
            }
            off += if sign.as_str() == "+" { v } else { -v };
        }
        let spread: f32 = c
            .get(5)
            .and_then(|s| s.as_str().parse().ok())
            .unwrap_or(0.0);
        add(off - spread, off + spread);
    }
    (lo <= hi).then_some(TzWindow { min: lo, max: hi })
}
