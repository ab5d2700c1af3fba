//! Region names in location text, and region membership of countries.
//!
//! Region codes (lowercase):
//! - `north-america`: US, CA (+ BM, GL, PM); `region_contains` also counts MX.
//! - `latam`: Mexico, Central and South America, the Caribbean.
//! - `europe`: all of Europe incl. UK, Switzerland, Norway, Turkey, Ukraine.
//! - `middle-east`: Gulf states, Israel, Jordan, Lebanon, Iraq, Iran…
//! - `africa`
//! - `apac`: Asia (incl. India, Central Asia) and Oceania.
//! - `oceania`: Australia, New Zealand and the Pacific islands.
//! - `emea`: europe ∪ middle-east ∪ africa.
//! - `anywhere`: "Worldwide", "Anywhere", "Global".
//!
//! Only regions the text names are reported ("Berlin" gives country DE, no region);
//! use [`country_region`](super::country_region) / [`region_contains`](super::region_contains)
//! to relate countries to regions.

pub const REGION_CODES: &[&str] = &[
    "north-america",
    "latam",
    "europe",
    "middle-east",
    "africa",
    "apac",
    "oceania",
    "emea",
    "anywhere",
];

pub struct RegionName {
    /// Folded phrase, tokens separated by one space.
    pub phrase: &'static str,
    pub regions: &'static [&'static str],
    /// Countries the name denotes exactly (DACH → DE, AT, CH).
    pub countries: &'static [&'static str],
    /// Must be written in capitals ("EU", not "eu").
    pub upper: bool,
}

const fn r(phrase: &'static str, regions: &'static [&'static str]) -> RegionName {
    RegionName {
        phrase,
        regions,
        countries: &[],
        upper: false,
    }
}
const fn rc(
    phrase: &'static str,
    regions: &'static [&'static str],
    countries: &'static [&'static str],
) -> RegionName {
    RegionName {
        phrase,
        regions,
        countries,
        upper: false,
    }
}
const fn ru(
    phrase: &'static str,
    regions: &'static [&'static str],
    countries: &'static [&'static str],
) -> RegionName {
    RegionName {
        phrase,
        regions,
        countries,
        upper: true,
    }
}

const NA: &[&str] = &["north-america"];
const LATAM: &[&str] = &["latam"];
const EU: &[&str] = &["europe"];
const APAC: &[&str] = &["apac"];
const ME: &[&str] = &["middle-east"];
const AF: &[&str] = &["africa"];
const OC: &[&str] = &["oceania"];
const ANY: &[&str] = &["anywhere"];

pub const REGION_NAMES: &[RegionName] = &[
    r("emea", &["emea"]),
    r("europe middle east and africa", &["emea"]),
    r("europe middle east africa", &["emea"]),
    r("apac", APAC),
    r("apj", APAC),
    r("asia pacific", APAC),
    r("asiapacific", APAC),
    r("asia pac", APAC),
    r("asia", APAC),
    r("southeast asia", APAC),
    r("south east asia", APAC),
    ru("sea", APAC, &[]),
    r("east asia", APAC),
    r("south asia", APAC),
    r("central asia", APAC),
    r("latam", LATAM),
    r("lat am", LATAM),
    r("latin america", LATAM),
    r("latinoamerica", LATAM),
    r("south america", LATAM),
    r("central america", LATAM),
    r("caribbean", LATAM),
    r("north america", NA),
    r("northern america", NA),
    r("americas", &["north-america", "latam"]),
    r("the americas", &["north-america", "latam"]),
    r("amer", &["north-america", "latam"]),
    r("noram", NA),
    r("europe", EU),
    r("european union", EU),
    r("european economic area", EU),
    r("eea", EU),
    r("eastern europe", EU),
    r("western europe", EU),
    r("central europe", EU),
    r("northern europe", EU),
    r("southern europe", EU),
    r("central and eastern europe", EU),
    r("cee", EU),
    r("europa", EU),
    ru("eu", EU, &[]),
    rc("dach", EU, &["DE", "AT", "CH"]),
    rc("benelux", EU, &["BE", "NL", "LU"]),
    rc("nordics", EU, &["DK", "FI", "IS", "NO", "SE"]),
    rc("nordic countries", EU, &["DK", "FI", "IS", "NO", "SE"]),
    rc("nordic", EU, &["DK", "FI", "IS", "NO", "SE"]),
    rc("scandinavia", EU, &["DK", "NO", "SE"]),
    rc("baltics", EU, &["EE", "LV", "LT"]),
    rc("baltic states", EU, &["EE", "LV", "LT"]),
    rc("iberia", EU, &["ES", "PT"]),
    rc("iberian peninsula", EU, &["ES", "PT"]),
    rc("balkans", EU, &[]),
    r("middle east", ME),
    r("mideast", ME),
    r("mena", &["middle-east", "africa"]),
    r("gcc", ME),
    r("africa", AF),
    r("sub saharan africa", AF),
    r("north africa", AF),
    r("east africa", AF),
    r("west africa", AF),
    r("oceania", OC),
    rc("anz", OC, &["AU", "NZ"]),
    rc("australia and new zealand", OC, &["AU", "NZ"]),
    r("pacific islands", OC),
    r("worldwide", ANY),
    r("world wide", ANY),
    r("anywhere", ANY),
    r("global", ANY),
    r("globally", ANY),
    r("international", ANY),
    r("any location", ANY),
    r("all locations", ANY),
    r("everywhere", ANY),
];

/// Countries counted in `north-america` by `region_contains` besides their own region.
const NORTH_AMERICA_EXTRA: &[&str] = &["MX"];

/// Whether `region` (a code above) includes the country `iso2`, given that country's own region.
pub fn contains(region: &str, iso2: &str, own: &str) -> bool {
    match region {
        "anywhere" => true,
        "emea" => matches!(own, "europe" | "middle-east" | "africa"),
        "apac" => matches!(own, "asia" | "oceania"),
        "north-america" => own == "north-america" || NORTH_AMERICA_EXTRA.contains(&iso2),
        r => r == own,
    }
}
