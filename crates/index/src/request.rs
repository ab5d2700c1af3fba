//! What a search asks for, parsed from HTTP-style parameters, and the errors a caller can fix.

use std::time::Duration;

use base64::Engine;
use hirekit_model::{EmploymentType, RemotePolicy, RoleFamily, Seniority};
use serde::Deserialize;

/// Deepest result reachable by paging: beyond it, narrowing the query is the answer.
pub const MAX_OFFSET: usize = 10_000;
pub const MAX_LIMIT: usize = 100;
pub const DEFAULT_LIMIT: usize = 20;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SkillMatch {
    #[default]
    All,
    Any,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best match first; with an empty query every posting matches equally, so newest first.
    #[default]
    Relevance,
    Newest,
    /// Highest annual pay (top of the range) first; postings without a salary last.
    Salary,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default)]
pub struct SearchRequest {
    pub q: String,
    pub role_family: Vec<RoleFamily>,
    pub seniority: Vec<Seniority>,
    pub remote: Vec<RemotePolicy>,
    /// ISO 3166 alpha-2 codes.
    pub country: Vec<String>,
    pub region: Vec<String>,
    /// Annual pay in `currency`; a posting matches when its range overlaps [min, max].
    pub salary_min: Option<f64>,
    pub salary_max: Option<f64>,
    pub currency: String,
    pub skill: Vec<String>,
    pub skill_match: SkillMatch,
    /// Case-insensitive exact company names.
    pub company: Vec<String>,
    /// Case-insensitive prefix of the company name.
    pub company_prefix: Option<String>,
    /// Source kinds (greenhouse, lever, …).
    pub source: Vec<String>,
    pub employment_type: Vec<EmploymentType>,
    /// Posted (or first seen) within this many days of `now`.
    pub posted_within: Option<u32>,
    pub include_closed: bool,
    pub sort: Sort,
    /// Opaque, from a previous response's `next_cursor`.
    pub cursor: Option<String>,
    pub limit: usize,
    pub facets: bool,
    #[serde(skip)]
    pub budget: Option<Duration>,
    /// "Now" in unix seconds for `posted_within` (tests pin it); None = the clock.
    #[serde(skip)]
    pub now: Option<i64>,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            q: String::new(),
            role_family: vec![],
            seniority: vec![],
            remote: vec![],
            country: vec![],
            region: vec![],
            salary_min: None,
            salary_max: None,
            currency: "USD".into(),
            skill: vec![],
            skill_match: SkillMatch::All,
            company: vec![],
            company_prefix: None,
            source: vec![],
            employment_type: vec![],
            posted_within: None,
            include_closed: false,
            sort: Sort::Relevance,
            cursor: None,
            limit: DEFAULT_LIMIT,
            facets: true,
            budget: None,
            now: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SearchError {
    #[error("query syntax: {message} (at byte {position})")]
    Syntax { message: String, position: usize },
    #[error("unknown parameter {name:?}; valid parameters: {}", valid.join(", "))]
    UnknownParam {
        name: String,
        valid: Vec<&'static str>,
    },
    #[error("bad value for {param}: {message}")]
    BadValue { param: String, message: String },
    #[error("search failed: {0}")]
    Internal(String),
}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> Self {
        SearchError::Internal(e.to_string())
    }
}

pub const PARAMS: &[&str] = &[
    "q",
    "role_family",
    "seniority",
    "remote",
    "country",
    "region",
    "salary_min",
    "salary_max",
    "currency",
    "skill",
    "skill_match",
    "company",
    "company_prefix",
    "source",
    "employment_type",
    "posted_within",
    "sort",
    "cursor",
    "limit",
    "include_closed",
];

fn bad(param: &str, message: impl Into<String>) -> SearchError {
    SearchError::BadValue {
        param: param.into(),
        message: message.into(),
    }
}

/// Parse one enum value, naming the valid ones when it is not one of them.
fn one_of<T: Copy>(
    param: &str,
    v: &str,
    all: &[T],
    name: fn(T) -> String,
) -> Result<T, SearchError> {
    let want = v.trim().to_ascii_lowercase().replace('_', "-");
    all.iter()
        .copied()
        .find(|x| name(*x) == want || name(*x).replace('-', "") == want)
        .ok_or_else(|| {
            let valid: Vec<String> = all.iter().map(|x| name(*x)).collect();
            bad(param, format!("{v:?} is not one of {}", valid.join(", ")))
        })
}

pub fn employment_name(e: EmploymentType) -> String {
    // Facets and filters use the hyphenated form ("full-time"); serde's "fulltime" and the
    // model's "full_time" are accepted on input too.
    e.as_str().replace('_', "-")
}

const REMOTE_ALL: [RemotePolicy; 3] = [
    RemotePolicy::Remote,
    RemotePolicy::Hybrid,
    RemotePolicy::Onsite,
];

/// Values may be repeated (`skill=a&skill=b`) or comma-separated (`skill=a,b`).
fn split(v: &str) -> impl Iterator<Item = &str> {
    v.split(',').map(str::trim).filter(|s| !s.is_empty())
}

fn number(param: &str, v: &str) -> Result<f64, SearchError> {
    let t = v.trim().replace(['_', ','], "");
    let (t, k) = match t.strip_suffix(['k', 'K']) {
        Some(s) => (s.to_string(), 1000.0),
        None => (t, 1.0),
    };
    match t.parse::<f64>() {
        Ok(x) if x.is_finite() && x >= 0.0 => Ok(x * k),
        _ => Err(bad(
            param,
            format!("{v:?} is not a non-negative number (e.g. 120000 or 120k)"),
        )),
    }
}

fn boolean(param: &str, v: &str) -> Result<bool, SearchError> {
    match v.trim().to_ascii_lowercase().as_str() {
        "" | "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(bad(param, format!("{v:?} is not one of true, false"))),
    }
}

impl SearchRequest {
    /// Parse HTTP-style query parameters (names in [`PARAMS`]).
    pub fn from_pairs(pairs: &[(String, String)]) -> Result<SearchRequest, SearchError> {
        let mut r = SearchRequest::default();
        for (name, v) in pairs {
            let p = name.as_str();
            match p {
                "q" => r.q = v.clone(),
                "role_family" => {
                    for x in split(v) {
                        r.role_family
                            .push(one_of(p, x, &RoleFamily::ALL, |x| x.as_str().into())?);
                    }
                }
                "seniority" => {
                    for x in split(v) {
                        r.seniority
                            .push(one_of(p, x, &Seniority::ALL, |x| x.as_str().into())?);
                    }
                }
                "remote" => {
                    for x in split(v) {
                        // `remote=true` is what a checkbox sends
                        let x = if x.eq_ignore_ascii_case("true") {
                            "remote"
                        } else {
                            x
                        };
                        r.remote
                            .push(one_of(p, x, &REMOTE_ALL, |x| x.as_str().into())?);
                    }
                }
                "country" => {
                    for x in split(v) {
                        if x.len() != 2 || !x.bytes().all(|b| b.is_ascii_alphabetic()) {
                            return Err(bad(
                                p,
                                format!("{x:?} is not an ISO 3166 alpha-2 code (e.g. US, DE)"),
                            ));
                        }
                        r.country.push(x.to_ascii_uppercase());
                    }
                }
                "region" => {
                    use hirekit_model::location::REGION_CODES;
                    for x in split(v) {
                        let x = x.to_ascii_lowercase();
                        if !REGION_CODES.contains(&x.as_str()) {
                            return Err(bad(
                                p,
                                format!("{x:?} is not one of {}", REGION_CODES.join(", ")),
                            ));
                        }
                        r.region.push(x);
                    }
                }
                "salary_min" => r.salary_min = Some(number(p, v)?),
                "salary_max" => r.salary_max = Some(number(p, v)?),
                "currency" => {
                    let c = v.trim();
                    if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_alphabetic()) {
                        return Err(bad(
                            p,
                            format!("{c:?} is not a three-letter ISO 4217 code (e.g. USD, EUR)"),
                        ));
                    }
                    r.currency = c.to_ascii_uppercase();
                }
                "skill" => r.skill.extend(split(v).map(str::to_string)),
                "skill_match" => {
                    r.skill_match = match v.trim().to_ascii_lowercase().as_str() {
                        "all" => SkillMatch::All,
                        "any" => SkillMatch::Any,
                        _ => return Err(bad(p, format!("{v:?} is not one of all, any"))),
                    }
                }
                "company" => r.company.extend(split(v).map(str::to_string)),
                "company_prefix" => {
                    r.company_prefix = Some(v.trim().to_string()).filter(|s| !s.is_empty())
                }
                "source" => {
                    for x in split(v) {
                        let k = x.to_ascii_lowercase();
                        if hirekit_model::SourceKind::parse(&k).is_none() {
                            let valid: Vec<&str> = hirekit_model::SourceKind::ALL
                                .iter()
                                .map(|k| k.as_str())
                                .collect();
                            return Err(bad(
                                p,
                                format!("{x:?} is not one of {}", valid.join(", ")),
                            ));
                        }
                        r.source.push(k);
                    }
                }
                "employment_type" => {
                    for x in split(v) {
                        r.employment_type.push(one_of(
                            p,
                            x,
                            &EmploymentType::ALL,
                            employment_name,
                        )?);
                    }
                }
                "posted_within" => {
                    let t = v.trim().trim_end_matches('d');
                    r.posted_within = Some(t.parse::<u32>().map_err(|_| {
                        bad(p, format!("{v:?} is not a whole number of days (e.g. 7)"))
                    })?);
                }
                "sort" => {
                    r.sort = match v.trim().to_ascii_lowercase().as_str() {
                        "" | "relevance" => Sort::Relevance,
                        "newest" | "date" => Sort::Newest,
                        "salary" => Sort::Salary,
                        _ => {
                            return Err(bad(
                                p,
                                format!("{v:?} is not one of relevance, newest, salary"),
                            ))
                        }
                    }
                }
                "cursor" => r.cursor = Some(v.clone()).filter(|s| !s.is_empty()),
                "limit" => {
                    let n: usize = v.trim().parse().map_err(|_| {
                        bad(
                            p,
                            format!("{v:?} is not a whole number between 1 and {MAX_LIMIT}"),
                        )
                    })?;
                    if n == 0 {
                        return Err(bad(p, format!("must be between 1 and {MAX_LIMIT}")));
                    }
                    r.limit = n.min(MAX_LIMIT);
                }
                "include_closed" => r.include_closed = boolean(p, v)?,
                _ => {
                    return Err(SearchError::UnknownParam {
                        name: name.clone(),
                        valid: PARAMS.to_vec(),
                    })
                }
            }
        }
        if let (Some(a), Some(b)) = (r.salary_min, r.salary_max) {
            if a > b {
                return Err(bad("salary_min", format!("{a} is above salary_max {b}")));
            }
        }
        Ok(r)
    }

    pub fn effective_limit(&self) -> usize {
        self.limit.clamp(1, MAX_LIMIT)
    }

    /// Hash of everything that decides the result list (not the page): a cursor carries it, so
    /// a cursor from another query is refused rather than silently paging something else.
    pub fn fingerprint(&self) -> u64 {
        let mut s = String::new();
        use std::fmt::Write;
        let _ = write!(
            s,
            "{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{}|{:?}",
            self.q.trim_end(),
            self.role_family,
            self.seniority,
            self.remote,
            self.country,
            self.region,
            self.salary_min.map(f64::to_bits),
            self.salary_max.map(f64::to_bits),
            self.currency.to_ascii_uppercase(),
            self.skill,
            self.skill_match,
            self.company,
            self.company_prefix,
            self.source,
            self.employment_type,
            self.posted_within,
            self.include_closed,
            self.sort,
        );
        xxhash_rust::xxh3::xxh3_64(s.as_bytes())
    }

    /// Where this page starts.
    pub fn offset(&self) -> Result<usize, SearchError> {
        let Some(c) = &self.cursor else { return Ok(0) };
        let (offset, hash) = decode_cursor(c)?;
        if hash != self.fingerprint() {
            return Err(bad(
                "cursor",
                "this cursor belongs to a different query; start again without it",
            ));
        }
        if offset > MAX_OFFSET {
            return Err(bad(
                "cursor",
                format!("paging is limited to the first {MAX_OFFSET} results; narrow the query"),
            ));
        }
        Ok(offset)
    }
}

pub fn encode_cursor(offset: usize, hash: u64) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("{offset}.{hash:016x}"))
}

fn decode_cursor(c: &str) -> Result<(usize, u64), SearchError> {
    let invalid = || bad("cursor", "not a cursor from a previous response");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(c.trim())
        .map_err(|_| invalid())?;
    let s = String::from_utf8(bytes).map_err(|_| invalid())?;
    let (o, h) = s.split_once('.').ok_or_else(invalid)?;
    let offset = o.parse().map_err(|_| invalid())?;
    let hash = u64::from_str_radix(h, 16).map_err(|_| invalid())?;
    Ok((offset, hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn parses_every_parameter() {
        let r = SearchRequest::from_pairs(&pairs(&[
            ("q", "rust"),
            ("role_family", "data-engineering,backend"),
            ("seniority", "senior"),
            ("remote", "remote"),
            ("country", "de"),
            ("region", "Europe"),
            ("salary_min", "100k"),
            ("salary_max", "200000"),
            ("currency", "eur"),
            ("skill", "Rust"),
            ("skill", "Kafka"),
            ("skill_match", "any"),
            ("company", "Acme"),
            ("company_prefix", "Ac"),
            ("source", "greenhouse"),
            ("employment_type", "full-time"),
            ("employment_type", "fulltime"),
            ("employment_type", "part_time"),
            ("posted_within", "7"),
            ("sort", "newest"),
            ("limit", "500"),
            ("include_closed", "true"),
        ]))
        .expect("valid");
        assert_eq!(
            r.role_family,
            [RoleFamily::DataEngineering, RoleFamily::Backend]
        );
        assert_eq!(r.country, ["DE"]);
        assert_eq!(r.salary_min, Some(100_000.0));
        assert_eq!(r.currency, "EUR");
        assert_eq!(r.skill, ["Rust", "Kafka"]);
        assert_eq!(
            r.employment_type,
            [
                EmploymentType::FullTime,
                EmploymentType::FullTime,
                EmploymentType::PartTime
            ]
        );
        assert_eq!(r.limit, MAX_LIMIT);
        assert_eq!(r.sort, Sort::Newest);
        assert!(r.include_closed);
    }

    #[test]
    fn rejects_unknown_parameters_and_bad_values() {
        match SearchRequest::from_pairs(&pairs(&[("colour", "red")])) {
            Err(SearchError::UnknownParam { name, valid }) => {
                assert_eq!(name, "colour");
                assert!(valid.contains(&"role_family"));
            }
            other => panic!("{other:?}"),
        }
        let e = SearchRequest::from_pairs(&pairs(&[("seniority", "guru")])).expect_err("bad");
        assert!(e.to_string().contains("senior"), "{e}");
        let e = SearchRequest::from_pairs(&pairs(&[("remote", "sometimes")])).expect_err("bad");
        assert!(e.to_string().contains("hybrid"), "{e}");
        assert!(SearchRequest::from_pairs(&pairs(&[("salary_min", "lots")])).is_err());
        assert!(SearchRequest::from_pairs(&pairs(&[("country", "Germany")])).is_err());
        assert!(SearchRequest::from_pairs(&pairs(&[("limit", "0")])).is_err());
    }

    #[test]
    fn cursors_belong_to_their_query() {
        let a = SearchRequest {
            q: "rust".into(),
            ..Default::default()
        };
        let c = encode_cursor(20, a.fingerprint());
        let page2 = SearchRequest {
            cursor: Some(c.clone()),
            ..a.clone()
        };
        assert_eq!(page2.offset(), Ok(20));
        let other = SearchRequest {
            q: "go".into(),
            cursor: Some(c),
            ..Default::default()
        };
        assert!(matches!(other.offset(), Err(SearchError::BadValue { .. })));
        let junk = SearchRequest {
            cursor: Some("%%%".into()),
            ..Default::default()
        };
        assert!(junk.offset().is_err());
        let deep = SearchRequest {
            cursor: Some(encode_cursor(50_000, a.fingerprint())),
            ..a
        };
        assert!(deep.offset().is_err());
    }
}
