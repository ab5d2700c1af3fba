//! Location text → remote policy, countries, regions, time zones.
//!
//! The text is split into words with their separators; names from the curated tables in
//! `data/` (countries, subdivisions, cities) and region names are matched longest-first.
//! Matches are then grouped into places, narrow to broad ("Austin, TX, USA"): a broader
//! match refines or overrides the narrower one before it ("Lima, OH" is in the US), while
//! two names of the same rank ("Seattle, Vancouver") are two places.
//! Region codes are documented in [`regions`].
mod gazetteer;
pub mod regions;
mod remote;
mod timezone;
mod tokens;

use crate::posting::RemotePolicy;
use gazetteer::{gazetteer, Gazetteer, Place};
use serde::{Deserialize, Serialize};
use tokens::{tokenize, Sep, Tok};

pub use gazetteer::fold;
pub use regions::REGION_CODES;
pub use timezone::tz_window;

/// A window of UTC offsets, in hours, that candidates must work within.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TzWindow {
    pub min: f32,
    pub max: f32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LocationInfo {
    pub remote: Option<RemotePolicy>,
    /// ISO 3166-1 alpha-2 codes.
    pub countries: Vec<String>,
    /// Region codes: "north-america", "emea", "europe", "latam", "apac", "anywhere"…
    pub regions: Vec<String>,
    pub timezones: Option<TzWindow>,
}

/// Longest input considered; location fields are short, and this bounds the work.
const MAX_LEN: usize = 2000;

/// Rank of a match: broader places refine narrower ones before them.
const CITY: u8 = 1;
const SUBDIVISION: u8 = 2;
const COUNTRY: u8 = 3;

/// Two-letter codes that are too often plain words or acronyms to read as countries when
/// they stand alone ("IT", "HR", "ME"). After a city ("Portland, ME") they are still read.
const LONE_CODE_STOP: &[&str] = &[
    "IT", "IS", "AS", "BE", "NO", "TO", "AM", "PM", "ME", "OR", "IN", "ID", "HR", "PR", "AT", "AN",
    "ON", "GO", "DO", "SO", "MY", "BY", "TV", "AI", "ML", "QA", "US", "UK", "OK", "HI", "LA", "MA",
    "PA", "CO", "SA", "NA", "ST", "SE", "MT", "CT", "ET", "PT", "IL", "AL", "DE", "CA", "GA", "MD",
    "SC", "NE", "VA", "WA", "BC", "NS", "QC", "AB", "MB", "SK", "PE", "NL", "NB", "NT", "NU", "YT",
];

/// Three-letter all-caps words that are not ISO 3166 alpha-3 codes in location text.
const ISO3_STOP: &[&str] = &[
    "AND", "ARE", "CAN", "PER", "FIN", "DOM", "MAR", "BEL", "GIN", "COM", "TON", "EST", "PRT",
    "TUN", "IND", "MLI", "ITA", "CHE", "POL", "LIE", "MAC", "SUR", "BEN", "GAB", "NER", "PAN",
];

/// What a matched name denotes.
enum Named<'a> {
    Places(&'a [Place]),
    Region(&'static regions::RegionName),
}

/// One matched name.
#[derive(Debug, Clone)]
struct Hit {
    /// Candidate countries with the rank of the place each reading names.
    cands: Vec<(&'static str, u8)>,
    group: usize,
}

/// One place: the countries it may be in (first = chosen) and its rank.
struct Unit {
    cands: Vec<(&'static str, u8)>,
    group: usize,
}

impl Unit {
    fn level(&self) -> u8 {
        self.cands.iter().map(|c| c.1).max().unwrap_or(0)
    }
    fn has(&self, cc: &str) -> bool {
        self.cands.iter().any(|c| c.0 == cc)
    }
}

fn place_cands(p: &Place) -> Vec<(&'static str, u8)> {
    match p {
        Place::Country(c) => vec![(c, COUNTRY)],
        Place::Subdivision { country, .. } => vec![(country, SUBDIVISION)],
        Place::City(cs) => cs.iter().map(|c| (*c, CITY)).collect(),
    }
}

/// Words that say how or where to work, not which place: they do not make a following
/// code "the state of the city before it".
fn is_policy_word(w: &str) -> bool {
    matches!(
        w,
        "remote"
            | "hybrid"
            | "onsite"
            | "on"
            | "site"
            | "office"
            | "in"
            | "based"
            | "only"
            | "fully"
            | "full"
            | "time"
            | "home"
            | "work"
            | "from"
            | "anywhere"
            | "worldwide"
            | "of"
            | "the"
            | "a"
            | "within"
            | "must"
            | "be"
            | "located"
            | "candidates"
            | "first"
            | "friendly"
            | "multiple"
            | "locations"
            | "location"
            | "hq"
            | "headquarters"
    )
}

/// What a short all-caps token (a code like "TX", "CA", "DE", "UK") names, given the
/// countries of the place just before it.
fn resolve_code(
    g: &Gazetteer,
    t: &Tok,
    prev: &[(&'static str, u8)],
    after_place: bool,
) -> Option<Vec<(&'static str, u8)>> {
    let code = t.orig.trim_end_matches('.');
    if !(2..=3).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let as_country = match code.len() {
        2 => g.country(code).map(|c| c.iso2),
        _ if after_place && !ISO3_STOP.contains(&code) => {
            g.countries.iter().find(|c| c.iso3 == code).map(|c| c.iso2)
        }
        _ => None,
    };
    let subs = g.subdivision_code(code);
    if after_place {
        if let Some(cc) = as_country {
            if prev.iter().any(|p| p.0 == cc) {
                return Some(vec![(cc, COUNTRY)]);
            }
        }
        if !subs.is_empty() {
            let pick = subs
                .iter()
                .find(|s| prev.iter().any(|p| p.0 == **s))
                .unwrap_or(&subs[0]);
            return Some(vec![(pick, SUBDIVISION)]);
        }
        if let Some(cc) = as_country {
            return Some(vec![(cc, COUNTRY)]);
        }
        return None;
    }
    match as_country {
        Some(cc) if !LONE_CODE_STOP.contains(&code) => Some(vec![(cc, COUNTRY)]),
        _ => None,
    }
}

/// Common words that are also place names: only read as places when capitalized.
fn needs_capital(folded: &str) -> bool {
    folded.len() <= 3
        || matches!(
            folded,
            "reading"
                | "nice"
                | "bath"
                | "mobile"
                | "split"
                | "sandy"
                | "normal"
                | "orange"
                | "mesa"
                | "lane"
                | "chad"
                | "jordan"
                | "guinea"
                | "georgia"
                | "victoria"
                | "jersey"
                | "wayne"
                | "concord"
                | "columbia"
                | "holland"
                | "independence"
                | "commerce"
                | "paradise"
                | "surprise"
                | "clayton"
                | "murray"
                | "allen"
                | "troy"
                | "warren"
                | "mason"
                | "franklin"
                | "bend"
                | "golden"
                | "sterling"
                | "laurel"
                | "union"
                | "mentor"
                | "canton"
                | "auburn"
                | "salem"
                | "rogers"
                | "sparks"
                | "conway"
                | "davis"
                | "lincoln"
                | "plymouth"
                | "america"
                | "clark"
                | "sunrise"
                | "plantation"
                | "spring"
                | "allentown"
                | "gilbert"
                | "melville"
                | "beverly"
                | "newton"
                | "chelsea"
                | "acton"
                | "wellington"
                | "hamilton"
                | "kent"
                | "essex"
                | "devon"
                | "angus"
                | "highlands"
                | "stage"
                | "global"
                | "bali"
                | "venice"
                | "clear"
                | "dover"
                | "cork"
                | "lima"
                | "nelson"
                | "napier"
                | "darwin"
                | "perth"
        )
}

/// Normalize a location string.
pub fn normalize_location(text: &str) -> LocationInfo {
    let mut cut = text.len().min(MAX_LEN);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let text = crate::text::fix_mojibake(&text[..cut]);
    let text: &str = &text;
    let g = gazetteer();
    let toks = tokenize(text);
    let all_caps = !text.chars().any(|c| c.is_lowercase());
    // Folded words with list separators kept, so "Remote / Hybrid" is two options while
    // "Hybrid remote" is one arrangement.
    let mut folded_all = String::with_capacity(text.len());
    for t in &toks {
        if !folded_all.is_empty() {
            folded_all.push_str(if t.sep >= Sep::Comma { " , " } else { " " });
        }
        folded_all.push_str(&t.folded);
    }

    let mut hits: Vec<Hit> = Vec::new();
    let mut regions: Vec<String> = Vec::new();
    let mut extra_countries: Vec<&'static str> = Vec::new();
    let mut group = 0usize;
    // Whether a non-policy word came earlier in this group (makes a code a "state of" it).
    let mut placey = false;
    let mut address = false;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.sep == Sep::Break {
            group += 1;
            placey = false;
        }
        // "OR" after a city is Oregon, not "or".
        if t.sep != Sep::Space || i == 0 {
            // "10 Holland, Irvine, CA": a part starting with a house number is a street.
            address = t.folded.bytes().next().is_some_and(|b| b.is_ascii_digit())
                && toks.get(i + 1).is_some_and(|n| {
                    n.sep == Sep::Space && !n.folded.bytes().all(|b| b.is_ascii_digit())
                });
        }
        if address {
            i += 1;
            continue;
        }
        if t.is_connector() && (all_caps || !t.is_upper()) {
            // "Milwaukee or Los Angeles": a new place follows.
            group += 1;
            placey = false;
            i += 1;
            continue;
        }
        // Longest name starting here that stays inside one comma part.
        let mut best: Option<(usize, Named)> = None;
        let mut key = String::new();
        let limit = g.max_tokens.max(5);
        for n in 1..=limit {
            let j = i + n - 1;
            if j >= toks.len() || (n > 1 && toks[j].sep != Sep::Space) {
                break;
            }
            if n > 1 {
                key.push(' ');
            }
            key.push_str(&toks[j].folded);
            if n > 1 && toks[j].is_connector() {
                continue;
            }
            let cap_ok = |k: &str| !needs_capital(k) || all_caps || t.is_capitalized();
            if let Some(r) = regions::REGION_NAMES.iter().find(|r| r.phrase == key) {
                if !r.upper || t.is_upper() {
                    best = Some((n, Named::Region(r)));
                    continue;
                }
            }
            if let Some(places) = g.lookup(&key) {
                if cap_ok(&key) {
                    best = Some((n, Named::Places(places)));
                }
            }
        }
        let prev: Vec<(&'static str, u8)> = hits
            .last()
            .filter(|h| h.group == group)
            .map(|h| h.cands.clone())
            .unwrap_or_default();
        let code_ok = t.folded.len() <= 3 && (!all_caps || t.sep == Sep::Comma);
        let after_place = placey && t.sep != Sep::Break;
        // Short all-caps codes: context decides between state and country ("Portland, ME").
        if code_ok && best.as_ref().is_none_or(|b| b.0 == 1) {
            if let Some(cands) = resolve_code(g, t, &prev, after_place) {
                hits.push(Hit { cands, group });
                placey = true;
                i += 1;
                continue;
            }
        }
        match best {
            Some((n, Named::Places(places))) => {
                let mut cands: Vec<(&'static str, u8)> = Vec::new();
                for p in places {
                    for c in place_cands(p) {
                        if !cands.iter().any(|x| x.0 == c.0) {
                            cands.push(c);
                        } else if let Some(x) = cands.iter_mut().find(|x| x.0 == c.0) {
                            x.1 = x.1.max(c.1);
                        }
                    }
                }
                hits.push(Hit { cands, group });
                placey = true;
                i += n;
            }
            Some((n, Named::Region(r))) => {
                for reg in r.regions {
                    if !regions.iter().any(|x| x == reg) {
                        regions.push(reg.to_string());
                    }
                }
                extra_countries.extend_from_slice(r.countries);
                i += n;
            }
            _ => {
                // A misspelt long name ("Lymington, Hamphire").
                let near = if t.is_capitalized() && !address {
                    g.near_miss(&t.folded)
                } else {
                    None
                };
                if let Some(places) = near {
                    let mut cands: Vec<(&'static str, u8)> = Vec::new();
                    for c in places.iter().flat_map(place_cands) {
                        if !cands.iter().any(|x| x.0 == c.0) {
                            cands.push(c);
                        }
                    }
                    hits.push(Hit { cands, group });
                    placey = true;
                } else if !is_policy_word(&t.folded) && t.is_capitalized() {
                    placey = true;
                }
                i += 1;
            }
        }
    }

    let mut countries: Vec<String> = Vec::new();
    for u in group_hits(hits) {
        if let Some(&(cc, _)) = u.cands.first() {
            if !countries.iter().any(|x| x == cc) {
                countries.push(cc.to_string());
            }
        }
    }
    for cc in extra_countries {
        if !countries.iter().any(|x| x == cc) {
            countries.push(cc.to_string());
        }
    }
    LocationInfo {
        remote: remote::remote_policy(&folded_all),
        countries,
        regions,
        timezones: if timezone::may_have_tz(&toks) {
            timezone::tz_window(text)
        } else {
            None
        },
    }
}

/// Merge consecutive hits into places: a broader hit refines the place before it.
fn group_hits(hits: Vec<Hit>) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    for h in hits {
        let level = h.cands.iter().map(|c| c.1).max().unwrap_or(0);
        if let Some(u) = units.last_mut().filter(|u| u.group == h.group) {
            let shared: Vec<(&'static str, u8)> =
                h.cands.iter().filter(|c| u.has(c.0)).copied().collect();
            let ul = u.level();
            // Rank of the unit's readings in the shared countries ("Holland, MI": the US city).
            let shared_level = u
                .cands
                .iter()
                .filter(|c| shared.iter().any(|s| s.0 == c.0))
                .map(|c| c.1)
                .min()
                .unwrap_or(0);
            if !shared.is_empty()
                && (level > shared_level || level == shared_level && level >= SUBDIVISION)
            {
                u.cands = shared.into_iter().map(|(c, _)| (c, level)).collect();
                continue;
            }
            if shared.is_empty() && level > ul {
                // "Lima, OH": the state is authoritative.
                u.cands = h.cands;
                continue;
            }
        }
        units.push(Unit {
            cands: h.cands,
            group: h.group,
        });
    }
    units
}

/// The currency a country pays in (ISO 4217), for salaries that name none.
pub fn country_currency(iso2: &str) -> Option<&'static str> {
    let iso2 = iso2.trim().to_ascii_uppercase();
    gazetteer()
        .country(&iso2)
        .map(|c| c.currency)
        .filter(|c| !c.is_empty())
}

/// English short name of a country ("DE" → "Germany").
pub fn country_name(iso2: &str) -> Option<&'static str> {
    gazetteer()
        .country(&iso2.trim().to_ascii_uppercase())
        .map(|c| c.name)
}

/// The continent-level region of a country: "north-america", "latam", "europe",
/// "middle-east", "africa", "asia" or "oceania".
pub fn country_region(iso2: &str) -> Option<&'static str> {
    gazetteer()
        .country(&iso2.trim().to_ascii_uppercase())
        .map(|c| c.region)
}

/// ISO 3166-1 alpha-3 code ("DE" → "DEU").
pub fn country_iso3(iso2: &str) -> Option<&'static str> {
    gazetteer()
        .country(&iso2.trim().to_ascii_uppercase())
        .map(|c| c.iso3)
}

/// Country code for a country name, alias or code ("Deutschland", "USA", "GBR" → "DE", "US", "GB").
pub fn country_code(name: &str) -> Option<&'static str> {
    let g = gazetteer();
    let t = name.trim();
    if t.len() == 2 {
        if let Some(c) = g.country(&t.to_ascii_uppercase()) {
            return Some(c.iso2);
        }
    }
    if t.len() == 3 {
        let up = t.to_ascii_uppercase();
        if let Some(c) = g.countries.iter().find(|c| c.iso3 == up) {
            return Some(c.iso2);
        }
    }
    g.lookup(&fold(t))?.iter().find_map(|p| match p {
        Place::Country(c) => Some(*c),
        _ => None,
    })
}

/// Whether a region code (see [`regions`]) includes a country.
pub fn region_contains(region: &str, iso2: &str) -> bool {
    match country_region(iso2) {
        Some(own) => regions::contains(region, &iso2.trim().to_ascii_uppercase(), own),
        None => region == "anywhere",
    }
}
