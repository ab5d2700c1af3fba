//! `missing-pay-range`: places whose law requires pay in job ads, with the date each rule
//! took effect, so a JD is judged by the rules in force on the reference date.
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use chrono::NaiveDate;

/// (name as matched, lower case; jurisdiction shown in the message; in force from)
const PLACES: &[(&str, &str, (i32, u32, u32))] = &[
    ("new york", "New York", NY),
    ("nyc", "New York", NY),
    ("manhattan", "New York", NY),
    ("brooklyn", "New York", NY),
    ("albany", "New York", NY),
    ("buffalo, ny", "New York", NY),
    ("ithaca", "New York", NY),
    ("california", "California", CA),
    ("san francisco", "California", CA),
    ("los angeles", "California", CA),
    ("san diego", "California", CA),
    ("san jose", "California", CA),
    ("sacramento", "California", CA),
    ("oakland", "California", CA),
    ("palo alto", "California", CA),
    ("mountain view", "California", CA),
    ("sunnyvale", "California", CA),
    ("santa clara", "California", CA),
    ("menlo park", "California", CA),
    ("irvine", "California", CA),
    ("silicon valley", "California", CA),
    ("bay area", "California", CA),
    ("colorado", "Colorado", CO),
    ("denver", "Colorado", CO),
    ("boulder", "Colorado", CO),
    ("fort collins", "Colorado", CO),
    ("colorado springs", "Colorado", CO),
    ("washington state", "Washington", WA),
    ("seattle", "Washington", WA),
    ("bellevue, wa", "Washington", WA),
    ("redmond", "Washington", WA),
    ("tacoma", "Washington", WA),
    ("spokane", "Washington", WA),
    ("washington, dc", "Washington, DC", DC),
    ("washington dc", "Washington, DC", DC),
    ("washington, d.c.", "Washington, DC", DC),
    ("washington d.c.", "Washington, DC", DC),
    ("district of columbia", "Washington, DC", DC),
    ("illinois", "Illinois", IL),
    ("chicago", "Illinois", IL),
    ("maryland", "Maryland", MD),
    ("baltimore", "Maryland", MD),
    ("hawaii", "Hawaii", HI),
    ("honolulu", "Hawaii", HI),
    ("massachusetts", "Massachusetts", MA),
    ("boston", "Massachusetts", MA),
    ("minnesota", "Minnesota", MN),
    ("minneapolis", "Minnesota", MN),
    ("vermont", "Vermont", VT),
    ("new jersey", "New Jersey", NJ),
    ("jersey city", "New Jersey", NJ),
    ("hoboken", "New Jersey", NJ),
    ("princeton", "New Jersey", NJ),
    ("cleveland", "Cleveland", (2024, 10, 27)),
    ("toledo", "Toledo", (2024, 6, 25)),
    // EU pay-transparency directive (2023/970): transposition deadline 7 June 2026
    ("european union", "the EU", EU),
    ("austria", "the EU", EU),
    ("vienna", "the EU", EU),
    ("belgium", "the EU", EU),
    ("brussels", "the EU", EU),
    ("bulgaria", "the EU", EU),
    ("croatia", "the EU", EU),
    ("cyprus", "the EU", EU),
    ("czech republic", "the EU", EU),
    ("czechia", "the EU", EU),
    ("prague", "the EU", EU),
    ("denmark", "the EU", EU),
    ("copenhagen", "the EU", EU),
    ("estonia", "the EU", EU),
    ("tallinn", "the EU", EU),
    ("finland", "the EU", EU),
    ("helsinki", "the EU", EU),
    ("france", "the EU", EU),
    ("paris", "the EU", EU),
    ("lyon", "the EU", EU),
    ("germany", "the EU", EU),
    ("berlin", "the EU", EU),
    ("munich", "the EU", EU),
    ("hamburg", "the EU", EU),
    ("frankfurt", "the EU", EU),
    ("cologne", "the EU", EU),
    ("greece", "the EU", EU),
    ("athens", "the EU", EU),
    ("hungary", "the EU", EU),
    ("budapest", "the EU", EU),
    ("ireland", "the EU", EU),
    ("dublin", "the EU", EU),
    ("italy", "the EU", EU),
    ("milan", "the EU", EU),
    ("rome", "the EU", EU),
    ("latvia", "the EU", EU),
    ("riga", "the EU", EU),
    ("lithuania", "the EU", EU),
    ("vilnius", "the EU", EU),
    ("luxembourg", "the EU", EU),
    ("malta", "the EU", EU),
    ("netherlands", "the EU", EU),
    ("amsterdam", "the EU", EU),
    ("rotterdam", "the EU", EU),
    ("eindhoven", "the EU", EU),
    ("utrecht", "the EU", EU),
    ("poland", "the EU", EU),
    ("warsaw", "the EU", EU),
    ("krakow", "the EU", EU),
    ("kraków", "the EU", EU),
    ("wroclaw", "the EU", EU),
    ("wrocław", "the EU", EU),
    ("portugal", "the EU", EU),
    ("lisbon", "the EU", EU),
    ("romania", "the EU", EU),
    ("bucharest", "the EU", EU),
    ("slovakia", "the EU", EU),
    ("bratislava", "the EU", EU),
    ("slovenia", "the EU", EU),
    ("ljubljana", "the EU", EU),
    ("spain", "the EU", EU),
    ("madrid", "the EU", EU),
    ("barcelona", "the EU", EU),
    ("sweden", "the EU", EU),
    ("stockholm", "the EU", EU),
];

const NY: (i32, u32, u32) = (2023, 9, 17);
const CA: (i32, u32, u32) = (2023, 1, 1);
const CO: (i32, u32, u32) = (2021, 1, 1);
const WA: (i32, u32, u32) = (2023, 1, 1);
const DC: (i32, u32, u32) = (2024, 6, 30);
const IL: (i32, u32, u32) = (2025, 1, 1);
const MD: (i32, u32, u32) = (2024, 10, 1);
const HI: (i32, u32, u32) = (2024, 1, 1);
const MA: (i32, u32, u32) = (2025, 10, 29);
const MN: (i32, u32, u32) = (2025, 1, 1);
const VT: (i32, u32, u32) = (2025, 7, 1);
const NJ: (i32, u32, u32) = (2025, 6, 1);
const EU: (i32, u32, u32) = (2026, 6, 7);

/// US state codes written after a city ("Austin, TX"), case-sensitive.
const STATE_CODES: &[(&str, &str, (i32, u32, u32))] = &[
    ("NY", "New York", NY),
    ("CA", "California", CA),
    ("CO", "Colorado", CO),
    ("WA", "Washington", WA),
    ("DC", "Washington, DC", DC),
    ("IL", "Illinois", IL),
    ("MD", "Maryland", MD),
    ("HI", "Hawaii", HI),
    ("MA", "Massachusetts", MA),
    ("MN", "Minnesota", MN),
    ("VT", "Vermont", VT),
    ("NJ", "New Jersey", NJ),
];

static MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(PLACES.iter().map(|p| p.0))
        .expect("places build")
});

fn date((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// The first mention of a place with pay-transparency rules in force on `on`:
/// (start, end, jurisdiction). Place names count only where they read as the job's place —
/// in the first lines, or after a location cue ("Location:", "based in", "office in"…) —
/// because a company blurb may name many places.
pub fn transparency_place(
    text: &str,
    lower: &[u8],
    on: NaiveDate,
) -> Option<(usize, usize, &'static str)> {
    let mut best: Option<(usize, usize, &'static str)> = None;
    for m in MATCHER.find_iter(lower) {
        let (s, e) = (m.start(), m.end());
        if (s > 0 && is_word(lower[s - 1])) || lower.get(e).is_some_and(|&b| is_word(b)) {
            continue;
        }
        let (_, name, from) = PLACES[m.pattern().as_usize()];
        if on < date(from) || !placed(lower, s) {
            continue;
        }
        // "Washington" alone is ambiguous (DC, the state, a street); only the forms above count
        best = Some((s, e, name));
        break;
    }
    // ", NY" state codes after a capitalised word
    let b = text.as_bytes();
    for p in memchr::memmem::find_iter(b, ", ") {
        let c = p + 2;
        if c + 2 > b.len() || best.is_some_and(|(s, _, _)| s < c) {
            break;
        }
        if b.get(c + 2).is_some_and(|&x| x.is_ascii_alphanumeric()) {
            continue;
        }
        if p == 0 || !b[p - 1].is_ascii_lowercase() {
            continue;
        }
        let code = &b[c..c + 2];
        if let Some((_, name, from)) = STATE_CODES.iter().find(|x| x.0.as_bytes() == code) {
            if on >= date(*from) {
                best = Some((c, c + 2, name));
                break;
            }
        }
    }
    best
}

const CUES: &[&str] = &[
    "location",
    "located",
    "based in",
    "based out of",
    "office in",
    "offices in",
    "office is in",
    "in-office",
    "onsite",
    "on-site",
    "hybrid",
    "remote",
    "work from",
    "working from",
    "relocate",
    "relocation",
    "commute",
    "headquarters",
    "hq",
    "position in",
    "role in",
    "job in",
    "city",
    "work in",
    "workplace",
];

/// Whether a place mention at `s` reads as the job's place.
fn placed(lower: &[u8], s: usize) -> bool {
    if s < 400 {
        return true;
    }
    let from = s.saturating_sub(80);
    let window = &lower[from..s];
    // the cue must be in the same line
    let line_start = window
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let window = &window[line_start..];
    CUES.iter()
        .any(|c| memchr::memmem::find(window, c.as_bytes()).is_some())
}

static US: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::lint::ascii_regex(
        r"(?i)\b(?:remote|work from home|wfh)\b[^\n.]{0,60}?(?:\bunited states\b|(?-i:\bUSA?\b|\bU\.S\.))|(?:\bunited states|(?-i:\bUSA?|\bU\.S\.))[- ](?:based )?remote\b",
    )
    .expect("regex")
});

/// A remote role open in the US (where the laws of the states above reach remote jobs).
pub fn remote_us(text: &str, on: NaiveDate) -> Option<(usize, usize)> {
    if on < date(CO) {
        return None;
    }
    US.find(text).map(|m| (m.start(), m.end()))
}
