//! Keys that decide when two items are the same job.
//!
//! Two items are one posting when their company, title and place agree after normalization:
//! - company: legal suffixes (many languages), board-name noise ("Careers"), bracketed
//!   abbreviations, punctuation, spaces and case do not count;
//! - title: gender markers, punctuation, case, word order, plurals, common abbreviations,
//!   work-mode words, years, "Summer" and the posting's own city do not count; the level
//!   ("II", "Senior"), the team, off-cycle terms (Fall/Winter/Spring) and intern vs co-op vs
//!   full-time do;
//! - place: the alphabetically first city named (so list order and extra cities listed after it
//!   do not count), with aliases ("NYC" = "New York"); with no city, the countries; else nothing.
//!
//! Measured on tests/data/dedupe_pairs.tsv (see tests/dedupe_eval.rs).

use crate::posting::Posting;

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

/// Appends the lowercase, accent-folded words of `s` to `out`, one space between words
/// (letters and digits only; '+' and '#' kept for C++/C#). With `skip_brackets`, text in
/// round or square brackets is left out.
fn norm_into(s: &str, skip_brackets: bool, out: &mut String) {
    let mut depth = 0usize;
    let mut gap = !out.is_empty();
    for ch in s.chars() {
        if skip_brackets {
            match ch {
                '(' | '[' => {
                    depth += 1;
                    gap = !out.is_empty();
                    continue;
                }
                ')' | ']' => {
                    depth = depth.saturating_sub(1);
                    gap = !out.is_empty();
                    continue;
                }
                _ if depth > 0 => continue,
                _ => {}
            }
        }
        if ch.is_ascii_alphanumeric() || ch == '+' || ch == '#' {
            if gap {
                out.push(' ');
                gap = false;
            }
            out.push(ch.to_ascii_lowercase());
        } else if ch == '\'' || ch == '’' {
            // "Master's" and "Master’s" are one word either way.
        } else if ch.is_alphanumeric() {
            if gap {
                out.push(' ');
                gap = false;
            }
            for l in ch.to_lowercase() {
                out.push(fold(l));
            }
        } else if !out.is_empty() {
            gap = true;
        }
    }
}

fn norm(s: &str, skip_brackets: bool) -> String {
    let mut out = String::with_capacity(s.len());
    norm_into(s, skip_brackets, &mut out);
    out
}

/// The words of a normalized string.
fn split_words(n: &str) -> Vec<&str> {
    if n.is_empty() {
        Vec::new()
    } else {
        n.split(' ').collect()
    }
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

/// "Acme, Inc." → "acme"; "ACME GmbH" → "acme"; "Palantir Technologies" → "palantir".
/// Bracketed parts ("(HRT)") are dropped, and so are spaces and hyphens, so
/// "Bristol-Myers Squibb" and "Bristol Myers Squibb" agree.
pub fn company_key(company: &str) -> String {
    let mut n = norm(company, true);
    if n.is_empty() {
        n = norm(company, false);
    }
    let mut w = split_words(&n);
    loop {
        if w.len() > 1 && w.last().is_some_and(|x| LEGAL_SUFFIXES.contains(x)) {
            w.pop();
            continue;
        }
        match LEGAL_PHRASES
            .iter()
            .find(|p| w.len() > p.len() && w.ends_with(p))
        {
            Some(p) => w.truncate(w.len() - p.len()),
            None => break,
        }
    }
    if w.len() > 1 && w[0] == "the" {
        w.remove(0);
    }
    w.concat()
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

/// Words that state the work mode or schedule rather than the job ("On-site", "Full-time").
fn is_work_mode(w: &str) -> bool {
    matches!(
        w,
        "onsite" | "offsite" | "fulltime" | "possible" | "ok" | "optional"
    )
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
/// "Software Engineer Internship - Summer 2024" agree.
pub fn title_key(title: &str) -> String {
    title_key_without(title, &[])
}

/// Where a trailing " | Berlin" or " - Remote" starts, if anywhere.
fn title_tail(title: &str) -> usize {
    let mut cut = title.find(" | ").unwrap_or(title.len());
    for sep in [" - ", " – "] {
        for (i, _) in title.match_indices(sep) {
            let rest = &title[i + sep.len()..];
            if i < cut
                && rest.len() >= 6
                && rest.is_char_boundary(6)
                && rest[..6].eq_ignore_ascii_case("remote")
            {
                cut = i;
            }
        }
    }
    cut
}

/// Like [`title_key`], also dropping the phrases in `places` (the posting's own cities, as
/// normalized words).
fn title_key_without(title: &str, places: &[&str]) -> String {
    let n = norm(&title[..title_tail(title)], false);
    let mut w = split_words(&n);
    for place in places.iter().filter(|place| n.contains(**place)) {
        remove_phrase(&mut w, place);
    }
    let mut out: Vec<&str> = Vec::with_capacity(w.len() + 2);
    for (i, x) in w.iter().enumerate() {
        // "2024/25": the academic-year tail goes with the year.
        let year_tail = x.len() == 2
            && x.bytes().all(|b| b.is_ascii_digit())
            && i > 0
            && w[i - 1].len() == 4
            && is_term_word(w[i - 1]);
        // "On-site", "Full-time" say how, not what ("Ruby on Rails" keeps its "on").
        let next = w.get(i + 1).copied().unwrap_or("");
        let prev = if i > 0 { w[i - 1] } else { "" };
        let mode_pair = matches!((*x, next), ("on", "site") | ("full", "time"))
            || matches!((prev, *x), ("on", "site") | ("full", "time"));
        if is_noise_word(x) || is_term_word(x) || is_work_mode(x) || year_tail || mode_pair {
            continue;
        }
        out.extend(canon_word(x).split(' ').map(singular));
    }
    out.sort_unstable();
    out.dedup();
    out.join(" ")
}

/// "Engineers" → "engineer": role nouns in the plural name the same opening.
fn singular(w: &str) -> &str {
    let plural = w.len() > 4
        && ["ers", "ors", "ists", "ysts", "ians", "ants", "ents"]
            .iter()
            .any(|s| w.ends_with(s));
    if plural {
        &w[..w.len() - 1]
    } else {
        w
    }
}

/// Removes the first run of words equal to `phrase` (space-separated), unless that is all there is.
fn remove_phrase(w: &mut Vec<&str>, phrase: &str) {
    let k = phrase.split(' ').count();
    if phrase.is_empty() || w.len() <= k {
        return;
    }
    let hit = (0..=w.len() - k).find(|&i| w[i..i + k].iter().copied().eq(phrase.split(' ')));
    if let Some(i) = hit {
        w.drain(i..i + k);
    }
}

/// Country names and codes that may stand alone in a location ("Remote in USA", "Canada").
fn country_code(s: &str) -> Option<&'static str> {
    Some(match s {
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
        "munchen" => "munich",
        "koln" => "cologne",
        "wien" => "vienna",
        _ => city,
    }
}

fn add_country(countries: &mut Vec<&'static str>, c: &'static str) {
    if !countries.contains(&c) {
        countries.push(c);
    }
}

/// What one location string names: a city (with a site qualifier from brackets) and countries.
fn read_location(
    loc: &str,
    buf: &mut String,
    cities: &mut Vec<String>,
    countries: &mut Vec<&'static str>,
) {
    let mut city: Option<String> = None;
    let mut kept = String::new();
    for part in loc.split(',') {
        buf.clear();
        norm_into(part, true, buf);
        // The part's words without noise, space-separated (no Vec: this runs per location).
        kept.clear();
        for w in buf
            .split(' ')
            .filter(|w| !w.is_empty() && !is_place_noise(w))
        {
            if !kept.is_empty() {
                kept.push(' ');
            }
            kept.push_str(w);
        }
        if kept.is_empty() {
            continue;
        }
        if let Some(c) = country_code(&kept) {
            add_country(countries, c);
            continue;
        }
        if city.is_some() {
            continue;
        }
        // "London UK", "Berlin Germany": a trailing country is not part of the name.
        if let Some((head, last)) = kept.rsplit_once(' ') {
            if let Some(c) = country_code(last) {
                add_country(countries, c);
                let n = head.len();
                kept.truncate(n);
            }
        }
        let name = match kept.rsplit_once(' ') {
            // "Detroit MI", "New York City NY": a trailing code is not part of the name (but "Washington DC").
            Some((head, last)) if last != "dc" && REGION_CODES.contains(&last) => head,
            Some(_) => kept.as_str(),
            // "USA, WA, Seattle": skip the lone state code.
            None if REGION_CODES.contains(&kept.as_str())
                && !matches!(kept.as_str(), "ny" | "dc" | "la") =>
            {
                continue
            }
            None => kept.as_str(),
        };
        city = Some(city_alias(name).to_string());
    }
    let Some(mut city) = city else { return };
    // A site in brackets ("New York NY (Upper East Side)") tells stores apart; "(Remote)" does not.
    if let (Some(a), Some(b)) = (loc.find('('), loc.rfind(')')) {
        if b > a {
            let q = norm(&loc[a + 1..b], false);
            // Skip notes ("(remote possible)"), countries and the city's own short form ("(NYC)").
            let note = q.split(' ').any(|w| is_place_noise(w) || is_work_mode(w));
            if !q.is_empty()
                && !note
                && country_code(&q).is_none()
                && city_alias(&q) == q.as_str()
                && q != city
            {
                city.push(' ');
                city.push_str(&q);
            }
        }
    }
    cities.push(city);
}

/// Pieces of a location list ("NYC; London / Paris"), not splitting inside brackets
/// ("Remote (w/experience)").
fn split_outside_brackets(loc: &str) -> impl Iterator<Item = &str> {
    let mut depth = 0usize;
    let mut start = 0;
    let mut out = Vec::new();
    for (i, ch) in loc.char_indices() {
        match ch {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ';' | '|' | '/' | '•' if depth == 0 => {
                out.push(&loc[start..i]);
                start = i + ch.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&loc[start..]);
    out.into_iter()
}

/// Cities and countries named by the posting's location strings.
fn places(p: &Posting) -> (Vec<String>, Vec<&'static str>) {
    let mut cities = Vec::new();
    let mut countries = Vec::new();
    let mut buf = String::new();
    for loc in &p.locations {
        for piece in split_outside_brackets(loc)
            .flat_map(|s| s.split(" & "))
            .flat_map(|s| s.split(" or "))
            .flat_map(|s| s.split(" and "))
        {
            read_location(piece, &mut buf, &mut cities, &mut countries);
        }
    }
    (cities, countries)
}

/// The place part of the identity: the alphabetically first city (so the order of a list, and
/// cities added after the first, do not count), else the countries, else nothing.
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
    // The remote flag is left out on purpose: one source states it in a field, another only in
    // the location text ("Remote"), and the same job must get the same key from both.
    c.join(",")
}

/// The cross-source identity of a posting: `company|title|place`.
pub fn fingerprint(p: &Posting) -> String {
    let (cities, countries) = places(p);
    // The posting's own cities, and their usual short forms, are dropped from the title
    // ("NYC Summer Data Science Internship" at New York).
    let mut city_words: Vec<&str> = Vec::with_capacity(cities.len() + 1);
    for c in &cities {
        city_words.push(c.as_str());
        match c.as_str() {
            "new york" => city_words.push("nyc"),
            "san francisco" => city_words.push("sf"),
            _ => {}
        }
    }
    let mut out = company_key(p.company.as_deref().unwrap_or(""));
    out.push('|');
    out.push_str(&title_key_without(&p.title, &city_words));
    out.push('|');
    out.push_str(&place_from(p, &cities, &countries));
    out
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
        assert_eq!(
            fp("Acme", "Backend Engineers", &["London UK"]),
            fp("Acme", "Backend Engineer", &["London, UK"])
        );
        assert_eq!(
            fp("Acme", "Engineer", &["San Francisco"]),
            fp("Acme", "Engineer", &["San Francisco and Seattle"])
        );
        assert_eq!(
            fp(
                "Acme",
                "Engineer",
                &["San Francisco or Remote (w/experience)"]
            ),
            fp("Acme", "Engineer", &["SF"])
        );
        assert_ne!(
            fp("Acme", "Courier", &["New York NY (Upper East Side)"]),
            fp("Acme", "Courier", &["New York NY (Midtown)"])
        );
        assert_eq!(
            fp("Acme", "Ruby on Rails Engineer - On-site", &["Austin"]),
            fp("Acme", "Ruby on Rails Engineer", &["Austin"])
        );
    }
}
