//! The place tables in `data/` (countries, subdivisions, cities), loaded once into lookup maps
//! keyed by folded names ("münchen" → "munchen", "U.S.A." → "usa").
use std::collections::HashMap;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

const COUNTRIES: &str = include_str!("../../data/countries.tsv");
const SUBDIVISIONS: &str = include_str!("../../data/subdivisions.tsv");
const CITIES: &str = include_str!("../../data/cities.tsv");

pub struct Country {
    pub iso2: &'static str,
    pub iso3: &'static str,
    pub currency: &'static str,
    pub region: &'static str,
    pub name: &'static str,
}

/// What a name can refer to.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    Country(&'static str),
    /// A state/province/county of a country; `code` is its abbreviation (may be empty).
    Subdivision {
        country: &'static str,
        code: &'static str,
    },
    /// A city; the first country is the usual one, the rest are other cities of that name.
    City(Vec<&'static str>),
}

pub struct Gazetteer {
    pub countries: Vec<Country>,
    by_iso2: HashMap<&'static str, usize>,
    /// Folded name → places it may name.
    names: HashMap<String, Vec<Place>>,
    /// Subdivision abbreviation ("TX", "ON", "NSW") → country, in table order (US first).
    sub_codes: HashMap<&'static str, Vec<&'static str>>,
    /// Longest name, in tokens.
    pub max_tokens: usize,
    /// One-word names of 8+ letters by length, for matching misspellings ("Hamphire").
    long_names: Vec<Vec<String>>,
}

/// Fold for matching: lowercase, accents removed, ß → ss, dots and apostrophes dropped,
/// every other non-alphanumeric run becomes one space.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            '.' | '\'' | '’' | '`' => continue,
            'ß' => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push_str("ss");
            }
            c if c.is_alphanumeric() => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                for l in c.to_lowercase() {
                    // Letters with no decomposition that still read as ASCII.
                    match l {
                        'ø' => out.push('o'),
                        'æ' => out.push_str("ae"),
                        'œ' => out.push_str("oe"),
                        'ł' => out.push('l'),
                        'đ' | 'ð' => out.push('d'),
                        'ı' => out.push('i'),
                        'þ' => out.push_str("th"),
                        l => out.push(l),
                    }
                }
            }
            _ => space = true,
        }
    }
    out
}

fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut g = Gazetteer {
            countries: Vec::new(),
            by_iso2: HashMap::new(),
            names: HashMap::new(),
            sub_codes: HashMap::new(),
            max_tokens: 1,
            long_names: Vec::new(),
        };
        for r in rows(COUNTRIES) {
            if r.len() < 5 {
                continue;
            }
            let names: Vec<&'static str> = r[4].split('|').collect();
            g.by_iso2.insert(r[0], g.countries.len());
            g.countries.push(Country {
                iso2: r[0],
                iso3: r[1],
                currency: r[2],
                region: r[3],
                name: names[0],
            });
            for n in names {
                g.add(n, Place::Country(r[0]));
            }
        }
        for r in rows(SUBDIVISIONS) {
            if r.len() < 2 {
                continue;
            }
            let (country, code) = (r[0], r[1]);
            if !code.is_empty() {
                g.sub_codes.entry(code).or_default().push(country);
            }
            for n in r
                .get(2)
                .copied()
                .unwrap_or("")
                .split('|')
                .filter(|n| !n.is_empty())
            {
                g.add(n, Place::Subdivision { country, code });
            }
        }
        for r in rows(CITIES) {
            if r.len() < 2 {
                continue;
            }
            let countries: Vec<&'static str> = r[0].split('|').collect();
            for n in r[1].split('|').filter(|n| !n.is_empty()) {
                g.add(n, Place::City(countries.clone()));
            }
        }
        let mut long: Vec<Vec<String>> = vec![Vec::new(); 41];
        for k in g.names.keys() {
            if (8..=40).contains(&k.len()) && !k.contains(' ') && k.is_ascii() {
                long[k.len()].push(k.clone());
            }
        }
        g.long_names = long;
        g
    }

    /// A one-word name at edit distance 1 from `word` (a folded, unmatched word of 8+
    /// letters): "hamphire" → "hampshire". Only unambiguous corrections are returned.
    pub fn near_miss(&self, word: &str) -> Option<&[Place]> {
        let n = word.len();
        if !(8..=40).contains(&n) || !word.is_ascii() {
            return None;
        }
        let mut found: Option<&String> = None;
        for len in [n - 1, n, n + 1] {
            for k in self.long_names.get(len).into_iter().flatten() {
                if edit1(word.as_bytes(), k.as_bytes()) {
                    if found.is_some_and(|f| f != k) {
                        return None;
                    }
                    found = Some(k);
                }
            }
        }
        found.and_then(|k| self.lookup(k))
    }

    fn add(&mut self, name: &str, place: Place) {
        let key = fold(name);
        if key.is_empty() {
            return;
        }
        self.max_tokens = self.max_tokens.max(key.split(' ').count());
        let v = self.names.entry(key).or_default();
        if !v.contains(&place) {
            v.push(place);
        }
    }

    pub fn lookup(&self, folded: &str) -> Option<&[Place]> {
        self.names.get(folded).map(|v| v.as_slice())
    }

    pub fn country(&self, iso2: &str) -> Option<&Country> {
        self.by_iso2.get(iso2).map(|&i| &self.countries[i])
    }

    /// Countries in which `code` abbreviates a subdivision ("WA" → US, AU).
    pub fn subdivision_code(&self, code: &str) -> &[&'static str] {
        self.sub_codes
            .get(code)
            .map(|v| v.as_slice())
            .unwrap_or(&[])
    }
}

/// Whether `a` and `b` differ by exactly one inserted, deleted or substituted byte, or by
/// two adjacent bytes swapped.
fn edit1(a: &[u8], b: &[u8]) -> bool {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if p == a.len() {
        return b.len() == a.len() + 1;
    }
    match b.len() - a.len() {
        0 => {
            a[p + 1..] == b[p + 1..]
                || (p + 1 < a.len()
                    && a[p] == b[p + 1]
                    && a[p + 1] == b[p]
                    && a[p + 2..] == b[p + 2..])
        }
        1 => a[p..] == b[p + 1..],
        _ => false,
    }
}

pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::load)
}
