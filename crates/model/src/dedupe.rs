//! Keys that decide when two items are the same job.
//!
//! Two items are one posting when their company, title and place agree after normalization:
//! - company: legal suffixes (many languages), board-name noise ("Careers"), bracketed
//!   abbreviations, punctuation, spaces and case do not count;
//! - title: gender markers, punctuation, case, word order, common abbreviations, the hiring
//!   term ("Summer 2024") and the posting's own city do not count; the level ("II", "Senior"),
//!   the team and intern vs co-op vs full-time do;
//! - place: the alphabetically first city named (so list order and extra cities listed after it
//!   do not count), with aliases ("NYC" = "New York"); with no city, the countries; else nothing.
//!
//! Measured on tests/data/dedupe_pairs.tsv (see tests/dedupe_eval.rs).

use crate::posting::{Posting, RemotePolicy};

/// Trailing words that name the legal form, not the company.
const LEGAL_SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "llc",
    "llp",
    "lp",
    "ltd",
    "limited",
    "gmbh",
    "mbh",
    "ag",
    "sa",
    "sas",
    "sarl",
    "bv",
    "nv",
    "plc",
    "corp",
    "corporation",
    "co",
    "company",
    "oy",
    "oyj",
    "ab",
    "as",
    "asa",
    "aps",
    "srl",
    "spa",
    "pty",
    "pte",
    "kg",
    "kgaa",
    "se",
    "ug",
    "ev",
    "ltda",
    "sl",
    "slu",
    "kk",
    "kft",
    "zrt",
    "sro",
    "doo",
    "bhd",
    "sdn",
    "pvt",
    "private",
    "holdings",
    "holding",
    "group",
    "technologies",
    "careers",
    "jobs",
    "recruiting",
];

/// Multi-word legal forms, matched on the trailing words ("S.A. de C.V.", "Sp. z o.o.").
const LEGAL_PHRASES: &[&[&str]] = &[
    &["sa", "de", "cv"],
    &["s", "a", "de", "c", "v"],
    &["sp", "z", "o", "o"],
    &["s", "a"],
    &["s", "r", "l"],
    &["b", "v"],
    &["n", "v"],
    &["early", "career", "programs"],
    &["early", "career", "program"],
    &["early", "careers"],
    &["university", "recruiting"],
];

/// Lowercase ASCII-folded words of `s` (letters and digits only; '+' and '#' kept for C++/C#).
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for ch in s.chars() {
        if ch.is_alphanumeric() || ch == '+' || ch == '#' {
            for l in ch.to_lowercase() {
                cur.push(fold(l));
            }
        } else if ch == '\'' || ch == '’' {
            // "Master's" and "Master’s" are one word either way.
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Fold common accented letters so "Zürich" and "Zurich" agree.
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ű' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'ł' => 'l',
        'ś' | 'š' | 'ß' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ř' => 'r',
        _ => c,
    }
}

/// `s` without bracketed parts: "Hudson River Trading (HRT)" → "Hudson River Trading ".
fn without_brackets(s: &str) -> String {
    let mut t = String::with_capacity(s.len());
    let mut depth = 0usize;
    for ch in s.chars() {
        match ch {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => t.push(ch),
            _ => {}
        }
    }
    t
}

/// "Acme, Inc." → "acme"; "ACME GmbH" → "acme"; "Palantir Technologies" → "palantir".
/// Spaces and hyphens are dropped so "Bristol-Myers Squibb" and "Bristol Myers Squibb" agree.
pub fn company_key(company: &str) -> String {
    let mut w = words(&without_brackets(company));
    if w.is_empty() {
        w = words(company);
    }
    loop {
        if w.len() > 1
            && w.last()
                .is_some_and(|x| LEGAL_SUFFIXES.contains(&x.as_str()))
        {
            w.pop();
            continue;
        }
        let phrase = LEGAL_PHRASES
            .iter()
            .find(|p| w.len() > p.len() && w.ends_with_strs(p));
        match phrase {
            Some(p) => w.truncate(w.len() - p.len()),
            None => break,
        }
    }
    if w.len() > 1 && w[0] == "the" {
        w.remove(0);
    }
    w.concat()
}

trait EndsWithStrs {
    fn ends_with_strs(&self, tail: &[&str]) -> bool;
}

impl EndsWithStrs for Vec<String> {
    fn ends_with_strs(&self, tail: &[&str]) -> bool {
        self.len() >= tail.len()
            && self[self.len() - tail.len()..]
                .iter()
                .zip(tail)
                .all(|(a, b)| a == b)
    }
}

/// Words that say when the job starts but not which job it is: the year ("2024"), and "Summer",
/// the default internship term that aggregators add to or drop from titles at will.
/// Off-cycle terms (Fall, Winter, Spring) are kept: companies open them in parallel as separate
/// postings of the same role ("Co-op - Winter 2024" and "Co-op - Spring 2024").
fn is_term_word(w: &str) -> bool {
    w == "summer"
        || (w.len() == 4
            && (w.starts_with("19") || w.starts_with("20"))
            && w.bytes().all(|b| b.is_ascii_digit()))
}

/// Title words that carry no identity: gender markers, work mode, recruiting-channel labels.
fn is_noise_word(w: &str) -> bool {
    matches!(
        w,
        "m" | "w"
            | "d"
            | "f"
            | "x"
            | "h"
            | "remote"
            | "hybrid"
            | "campus"
            | "program"
            | "programme"
    )
}

/// Canonical spelling of one title word.
fn canon_word(w: &str) -> &str {
    match w {
        "sr" | "snr" => "senior",
        "jr" | "jnr" => "junior",
        "eng" | "engr" | "engineering" => "engineer",
        "dev" | "development" => "developer",
        "mgr" | "management" => "manager",
        "internship" | "interns" => "intern",
        "apprenticeship" => "apprentice",
        "quant" => "quantitative",
        "ml" => "machine learning",
        "swe" => "software engineer",
        "sde" => "software developer engineer",
        "coop" => "co op",
        _ => w,
    }
}

/// "Sr. Backend Engineer (m/w/d) - Remote" → "backend engineer senior".
///
/// The key is the sorted set of canonical words, so "Intern – Software Engineer" and
/// "Software Engineer Intern" agree.
pub fn title_key(title: &str) -> String {
    title_key_without(title, &[])
}

/// Like [`title_key`], also dropping the phrases in `places` (the posting's own cities).
fn title_key_without(title: &str, places: &[Vec<String>]) -> String {
    let lowered = title.to_lowercase();
    let cut = [" | ", " – remote", " - remote"]
        .iter()
        .filter_map(|sep| lowered.find(sep))
        .min()
        .unwrap_or(lowered.len());
    let mut w = words(&lowered[..cut]);
    for place in places {
        remove_phrase(&mut w, place);
    }
    let mut out: Vec<&str> = Vec::with_capacity(w.len() + 2);
    for (i, x) in w.iter().enumerate() {
        // "2024/25": the academic-year tail goes with the year.
        let year_tail = x.len() == 2
            && x.bytes().all(|b| b.is_ascii_digit())
            && i > 0
            && is_term_word(&w[i - 1])
            && w[i - 1].len() == 4;
        if is_noise_word(x) || is_term_word(x) || year_tail {
            continue;
        }
        out.extend(canon_word(x).split(' '));
    }
    out.sort_unstable();
    out.dedup();
    out.join(" ")
}

fn remove_phrase(w: &mut Vec<String>, phrase: &[String]) {
    if phrase.is_empty() || w.len() <= phrase.len() {
        return;
    }
    if let Some(i) = (0..=w.len() - phrase.len()).find(|&i| w[i..i + phrase.len()] == *phrase) {
        w.drain(i..i + phrase.len());
    }
}

/// Country names and codes that may stand alone in a location ("Remote in USA", "Canada").
fn country_code(words: &[String]) -> Option<&'static str> {
    let s = words.join(" ");
    Some(match s.as_str() {
        "us"
        | "usa"
        | "u s"
        | "u s a"
        | "united states"
        | "united states of america"
        | "america" => "US",
        "canada" => "CA",
        "uk" | "u k" | "united kingdom" | "great britain" | "england" | "scotland" | "wales"
        | "gb" => "GB",
        "germany" | "deutschland" => "DE",
        "france" => "FR",
        "spain" | "espana" => "ES",
        "italy" | "italia" => "IT",
        "netherlands" | "the netherlands" | "nederland" => "NL",
        "ireland" => "IE",
        "india" => "IN",
        "poland" | "polska" => "PL",
        "switzerland" | "schweiz" | "suisse" => "CH",
        "austria" | "osterreich" => "AT",
        "sweden" => "SE",
        "portugal" => "PT",
        "mexico" => "MX",
        "brazil" | "brasil" => "BR",
        "australia" => "AU",
        "singapore" => "SG",
        "japan" => "JP",
        "israel" => "IL",
        _ => return None,
    })
}

/// Two-letter US state and Canadian province codes, dropped after a city ("Detroit MI").
const REGION_CODES: &[&str] = &[
    "al", "ak", "az", "ar", "ca", "co", "ct", "de", "fl", "ga", "hi", "id", "il", "in", "ia", "ks",
    "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny",
    "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv",
    "wi", "wy", "dc", "on", "qc", "bc", "ab", "mb", "sk", "ns",
];

/// Words that say how or where in general, not which city.
fn is_place_noise(w: &str) -> bool {
    matches!(
        w,
        "remote"
            | "hybrid"
            | "onsite"
            | "on"
            | "site"
            | "in"
            | "only"
            | "based"
            | "metro"
            | "area"
            | "bay"
            | "greater"
            | "multiple"
            | "locations"
            | "location"
            | "various"
            | "anywhere"
            | "worldwide"
            | "flexible"
    )
}

/// One city name in canonical form.
fn city_alias(city: &str) -> &str {
    match city {
        "nyc" | "new york city" | "ny" | "manhattan" => "new york",
        "sf" | "san fran" | "sfo" => "san francisco",
        "la" => "los angeles",
        "dc" | "d c" | "washington dc" | "washington d c" => "washington",
        "montréal" => "montreal",
        "munchen" => "munich",
        "koln" => "cologne",
        "wien" => "vienna",
        "zurich" => "zurich",
        _ => city,
    }
}

/// What one location string names: a city key (with a site qualifier from brackets) and countries.
fn read_location(loc: &str, cities: &mut Vec<String>, countries: &mut Vec<&'static str>) {
    // A site in brackets ("New York NY (Upper East Side)") tells stores apart; "(Remote)" does not.
    let qualifier: Vec<String> = match (loc.find('('), loc.rfind(')')) {
        (Some(a), Some(b)) if b > a => {
            let q = words(&loc[a + 1..b]);
            if country_code(&q).is_some() || q.iter().all(|w| is_place_noise(w)) {
                Vec::new()
            } else {
                q
            }
        }
        _ => Vec::new(),
    };
    let plain = without_brackets(loc);
    let mut city: Option<String> = None;
    for part in plain.split(',') {
        let mut w: Vec<String> = words(part)
            .into_iter()
            .filter(|w| !is_place_noise(w))
            .collect();
        if w.is_empty() {
            continue;
        }
        if let Some(c) = country_code(&w) {
            if !countries.contains(&c) {
                countries.push(c);
            }
            continue;
        }
        if city.is_some() {
            continue;
        }
        if w.len() == 1
            && REGION_CODES.contains(&w[0].as_str())
            && w[0] != "ny"
            && w[0] != "dc"
            && w[0] != "la"
        {
            continue; // "USA, WA, Seattle": skip the state code.
        }
        if w.len() > 1 && w.last().is_some_and(|x| REGION_CODES.contains(&x.as_str())) {
            let last = w.pop().unwrap_or_default();
            // "Washington DC", "New York City NY": the code is part of the name only for DC.
            if last == "dc" {
                w.push(last);
            }
        }
        if let Some(c) = w.last().and_then(|x| country_code(std::slice::from_ref(x))) {
            // "Remote in USA" read as words "usa".
            if w.len() == 1 {
                if !countries.contains(&c) {
                    countries.push(c);
                }
                continue;
            }
        }
        let joined = w.join(" ");
        city = Some(city_alias(&joined).to_string());
    }
    if let Some(mut c) = city {
        if !qualifier.is_empty() {
            c.push(' ');
            c.push_str(&qualifier.join(" "));
        }
        cities.push(c);
    }
}

/// Cities and countries named by the posting's location strings.
fn places(p: &Posting) -> (Vec<String>, Vec<&'static str>) {
    let mut cities = Vec::new();
    let mut countries = Vec::new();
    for loc in &p.locations {
        for piece in loc
            .split([';', '|', '/', '•'])
            .flat_map(|s| s.split(" & "))
            .flat_map(|s| s.split(" or "))
        {
            read_location(piece, &mut cities, &mut countries);
        }
    }
    (cities, countries)
}

/// The place part of the identity: the alphabetically first city, else the countries.
pub fn place_key(p: &Posting) -> String {
    let (cities, countries) = places(p);
    place_from(p, &cities, &countries)
}

fn place_from(p: &Posting, cities: &[String], countries: &[&'static str]) -> String {
    if let Some(first) = cities.iter().min() {
        return first.clone();
    }
    let mut c: Vec<String> = countries.iter().map(|c| c.to_string()).collect();
    c.extend(p.countries.iter().map(|c| c.to_ascii_uppercase()));
    c.sort();
    c.dedup();
    if c.is_empty() && p.remote == Some(RemotePolicy::Remote) {
        return "remote".to_string();
    }
    c.join(",")
}

/// The cross-source identity of a posting: `company|title|place`.
pub fn fingerprint(p: &Posting) -> String {
    let (cities, countries) = places(p);
    let city_words: Vec<Vec<String>> = cities
        .iter()
        .flat_map(|c| {
            let w = words(c);
            // Also drop the usual short forms of the city from the title ("NYC Summer Internship").
            let short: &[&str] = match c.as_str() {
                "new york" => &["nyc"],
                "san francisco" => &["sf"],
                _ => &[],
            };
            std::iter::once(w).chain(short.iter().map(|s| vec![s.to_string()]))
        })
        .collect();
    format!(
        "{}|{}|{}",
        company_key(p.company.as_deref().unwrap_or("")),
        title_key_without(&p.title, &city_words),
        place_from(p, &cities, &countries)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;
    use crate::posting::SourcePosting;

    fn fp(company: &str, title: &str, locations: &[&str]) -> String {
        fingerprint(&normalize(&SourcePosting {
            title: title.into(),
            company: Some(company.into()),
            locations: locations.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        }))
    }

    #[test]
    fn company_suffixes_and_case() {
        assert_eq!(company_key("Acme, Inc."), "acme");
        assert_eq!(company_key("ACME GmbH"), "acme");
        assert_eq!(company_key("Foo Bar Co."), "foobar");
        assert_eq!(company_key("Company"), "company");
        assert_eq!(
            company_key("Hudson River Trading (HRT)"),
            company_key("Hudson River Trading")
        );
        assert_eq!(company_key("Grupo Bimbo S.A. de C.V."), "grupobimbo");
        assert_eq!(
            company_key("Bristol-Myers Squibb"),
            company_key("Bristol Myers Squibb")
        );
        assert_ne!(company_key("Acme"), company_key("Acme Robotics"));
    }

    #[test]
    fn title_noise() {
        assert_eq!(
            title_key("Sr. Backend Engineer (m/w/d)"),
            "backend engineer senior"
        );
        assert_eq!(
            title_key("Senior Backend Engineer - Remote"),
            "backend engineer senior"
        );
        assert_eq!(
            title_key("Senior Backend Engineer | Berlin"),
            "backend engineer senior"
        );
        assert_ne!(
            title_key("Backend Engineer II"),
            title_key("Backend Engineer III")
        );
        assert_eq!(
            title_key("Intern – Software Engineer"),
            title_key("Software Engineer Internship - Summer 2024")
        );
        assert_ne!(
            title_key("Software Engineer Intern"),
            title_key("Software Engineer Co-op")
        );
        assert_ne!(
            title_key("Software Engineer Intern"),
            title_key("Software Engineer")
        );
        assert_ne!(
            title_key("Frontend Engineer"),
            title_key("Junior Frontend Engineer")
        );
    }

    #[test]
    fn places_and_aliases() {
        assert_eq!(
            fp("Acme", "Engineer", &["NYC"]),
            fp("Acme", "Engineer", &["New York, NY, USA"])
        );
        assert_eq!(
            fp("Acme", "Engineer", &["SF", "Austin, TX"]),
            fp("Acme", "Engineer", &["Austin, TX", "San Francisco, CA"])
        );
        assert_eq!(
            fp("Acme", "Engineer", &["Remote in USA"]),
            fp("Acme", "Engineer", &["United States"])
        );
        assert_ne!(
            fp("Acme", "Engineer", &["Remote in USA"]),
            fp("Acme", "Engineer", &["Remote in Canada"])
        );
        assert_ne!(
            fp("Acme", "Engineer", &["Austin, TX"]),
            fp("Acme", "Engineer", &["Boston, MA"])
        );
        assert_eq!(
            fp("Acme", "NYC Engineer", &["New York"]),
            fp("Acme", "Engineer", &["NYC"])
        );
    }
}
