//! CSV with a header row, streamed record by record. Common column names are recognised
//! case-insensitively ("Job Title", job_title, position…); every column stays in raw:
//! `{header name: cell text}` for every header column (a short row's missing cells are
//! ""), cells past the header as "column N", and a repeated header name (after `norm`)
//! with " (column N)" appended, so that a stored row re-reads the same (`parse_item`).

use crate::util::*;
use crate::{Context, DocError, ItemError};
use hirekit_model::posting::{RemotePolicy, Salary, SourcePosting};
use serde_json::{Map, Value};
use std::io::BufRead;

/// Which column feeds which field; names are compared after `norm`.
const TITLE: &[&str] = &[
    "title",
    "job_title",
    "jobtitle",
    "position",
    "position_title",
    "role",
    "business_title",
];
const COMPANY: &[&str] = &[
    "company",
    "company_name",
    "companyname",
    "employer",
    "organization",
    "hiring_organization",
];
const LOCATION: &[&str] = &[
    "location",
    "locations",
    "job_location",
    "location_raw",
    "locationraw",
    "location_name",
];
const DESCRIPTION: &[&str] = &[
    "description",
    "job_description",
    "full_description",
    "fulldescription",
    "body",
];
const URL: &[&str] = &[
    "url",
    "job_url",
    "link",
    "posting_url",
    "job_posting_url",
    "job_link",
];
const APPLY_URL: &[&str] = &["apply_url", "application_url", "apply_link"];
const SALARY_TEXT: &[&str] = &[
    "salary",
    "salary_raw",
    "salaryraw",
    "compensation",
    "compensation_raw",
    "pay",
    "salary_estimate",
    "salary_offered",
];
const SALARY_MIN: &[&str] = &[
    "salary_min",
    "min_salary",
    "salary_from",
    "salary_lower",
    "salary_range_from",
];
const SALARY_MAX: &[&str] = &[
    "salary_max",
    "max_salary",
    "salary_to",
    "salary_upper",
    "salary_range_to",
];
const CURRENCY: &[&str] = &["currency", "salary_currency"];
const PERIOD: &[&str] = &[
    "pay_period",
    "salary_period",
    "salary_frequency",
    "period",
    "salary_interval",
];
const EMPLOYMENT: &[&str] = &[
    "employment_type",
    "type",
    "job_type",
    "work_type",
    "formatted_work_type",
    "contract_time",
    "contracttime",
    "contract_type",
    "contracttype",
    "schedule",
];
const POSTED: &[&str] = &[
    "posted",
    "date_posted",
    "posted_date",
    "published_date",
    "posted_at",
    "published_at",
    "published",
    "date",
    "created_at",
    "listed_time",
    "original_listed_time",
];
const VALID: &[&str] = &[
    "valid_through",
    "expires",
    "expiry",
    "expiry_date",
    "closing_date",
    "deadline",
];
const ID: &[&str] = &["id", "job_id", "external_id", "posting_id", "jobid"];
const REMOTE: &[&str] = &[
    "remote",
    "remote_allowed",
    "is_remote",
    "workplace_type",
    "remote_policy",
];
const COUNTRY: &[&str] = &["country_code", "country"];
const CITY: &[&str] = &["city"];
const REGION: &[&str] = &["state", "region"];
const DEPARTMENT: &[&str] = &["department", "team"];
const SENIORITY: &[&str] = &[
    "seniority",
    "seniority_level",
    "experience_level",
    "formatted_experience_level",
    "career_level",
];
const SKILLS: &[&str] = &["skills", "tags", "keywords"];

fn norm(h: &str) -> String {
    h.trim().to_ascii_lowercase().replace([' ', '-', '.'], "_")
}

struct Columns {
    normed: Vec<String>,
    /// The keys of the columns in raw: unique, see [`raw_keys`].
    keys: Vec<String>,
}

impl Columns {
    fn new(names: &[String]) -> Columns {
        Columns {
            normed: names.iter().map(|n| norm(n)).collect(),
            keys: raw_keys(names),
        }
    }

    fn find(&self, wanted: &[&str]) -> Option<usize> {
        wanted
            .iter()
            .find_map(|w| self.normed.iter().position(|n| n == w))
    }
}

pub fn parse(
    reader: &mut dyn BufRead,
    ctx: &Context,
    out: &mut dyn FnMut(Result<SourcePosting, ItemError>),
) -> Result<(), DocError> {
    let delimiter = sniff_delimiter(reader);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(reader);
    let mut rec = csv::ByteRecord::new();
    let read = |rdr: &mut csv::Reader<&mut dyn BufRead>, rec: &mut csv::ByteRecord| {
        rdr.read_byte_record(rec).map_err(|e| DocError {
            reason: format!("CSV read error: {e}"),
        })
    };
    if !read(&mut rdr, &mut rec)? {
        return Err(DocError {
            reason: "empty CSV (no header row)".into(),
        });
    }
    let names: Vec<String> = rec
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let f = if i == 0 { strip_bom(f) } else { f };
            text_of(f).trim().to_string()
        })
        .collect();
    let cols = Columns::new(&names);
    if cols.find(TITLE).is_none() {
        return Err(DocError {
            reason: format!(
                "CSV has no title column (expected one of: {})",
                TITLE.join(", ")
            ),
        });
    }
    let map = Mapping::new(&cols);
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => return Ok(()),
            // The reader cannot resync after an I/O error; report what was read so far.
            Err(e) => {
                return Err(DocError {
                    reason: format!("CSV read error: {e}"),
                })
            }
        }
        let line = rec.position().map_or(0, |p| p.line());
        if rec.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        out(map.row(&cols, &rec, line, ctx));
    }
}

/// The delimiter that occurs most in the first line: comma, semicolon or tab.
fn sniff_delimiter(reader: &mut dyn BufRead) -> u8 {
    let Ok(buf) = reader.fill_buf() else {
        return b',';
    };
    let first = buf.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let count = |d: u8| first.iter().filter(|&&b| b == d).count();
    let (c, s, t) = (count(b','), count(b';'), count(b'\t'));
    if s > c && s >= t {
        b';'
    } else if t > c && t > s {
        b'\t'
    } else {
        b','
    }
}

struct Mapping {
    title: Option<usize>,
    company: Option<usize>,
    location: Option<usize>,
    description: Option<usize>,
    url: Option<usize>,
    apply_url: Option<usize>,
    salary_text: Option<usize>,
    salary_min: Option<usize>,
    salary_max: Option<usize>,
    currency: Option<usize>,
    period: Option<usize>,
    employment: Option<usize>,
    posted: Option<usize>,
    valid: Option<usize>,
    id: Option<usize>,
    remote: Option<usize>,
    country: Option<usize>,
    city: Option<usize>,
    region: Option<usize>,
    department: Option<usize>,
    seniority: Option<usize>,
    skills: Option<usize>,
}

impl Mapping {
    fn new(c: &Columns) -> Mapping {
        Mapping {
            title: c.find(TITLE),
            company: c.find(COMPANY),
            location: c.find(LOCATION),
            description: c.find(DESCRIPTION),
            url: c.find(URL),
            apply_url: c.find(APPLY_URL),
            salary_text: c.find(SALARY_TEXT),
            salary_min: c.find(SALARY_MIN),
            salary_max: c.find(SALARY_MAX),
            currency: c.find(CURRENCY),
            period: c.find(PERIOD),
            employment: c.find(EMPLOYMENT),
            posted: c.find(POSTED),
            valid: c.find(VALID),
            id: c.find(ID),
            remote: c.find(REMOTE),
            country: c.find(COUNTRY),
            city: c.find(CITY),
            region: c.find(REGION),
            department: c.find(DEPARTMENT),
            seniority: c.find(SENIORITY),
            skills: c.find(SKILLS),
        }
    }

    fn row(
        &self,
        cols: &Columns,
        rec: &csv::ByteRecord,
        line: u64,
        ctx: &Context,
    ) -> Result<SourcePosting, ItemError> {
        let get = |i: Option<usize>| -> Option<String> {
            let t = text_of(rec.get(i?)?);
            let t = t.trim();
            (!t.is_empty()).then(|| t.to_string())
        };
        let mut raw = Map::new();
        for (i, key) in cols.keys.iter().enumerate() {
            // A short row's missing cells are empty: raw names every header column.
            let v = rec
                .get(i)
                .map_or_else(String::new, |f| text_of(f).into_owned());
            raw.insert(key.clone(), Value::String(v));
        }
        for (i, f) in rec.iter().enumerate().skip(cols.keys.len()) {
            let key = free_key(&raw, &format!("column {}", i + 1), i);
            raw.insert(key, Value::String(text_of(f).into_owned()));
        }
        self.posting(&get, Value::Object(raw), ctx, || format!("line {line}"))
    }

    /// The fields of one row; `get(column)` is the trimmed, non-empty cell.
    fn posting(
        &self,
        get: &dyn Fn(Option<usize>) -> Option<String>,
        raw: Value,
        ctx: &Context,
        label: impl Fn() -> String,
    ) -> Result<SourcePosting, ItemError> {
        let title = get(self.title).ok_or_else(|| ItemError {
            item: label(),
            reason: "no title".into(),
        })?;

        let mut locations = Vec::new();
        push_loc(&mut locations, get(self.location));
        let country_field = get(self.country);
        if locations.is_empty() {
            push_loc(
                &mut locations,
                join_parts(&[get(self.city), get(self.region), country_field.clone()]),
            );
        }
        let (html, text) = match get(self.description) {
            Some(d) if looks_like_html(&d) => (Some(d), None),
            d => (None, d),
        };
        let num = |i| {
            get(i)
                .and_then(|s| num_of(&Value::String(s)))
                .filter(|x| *x > 0.0)
        };
        let (min, max) = (num(self.salary_min), num(self.salary_max));
        let salary = (min.is_some() || max.is_some()).then(|| Salary {
            min,
            max,
            currency: get(self.currency).map(|c| c.to_ascii_uppercase()),
            period: get(self.period).and_then(|p| period_word(&p)),
        });
        let remote = get(self.remote).and_then(|r| match bool_of(&Value::String(r.clone())) {
            Some(true) => Some(RemotePolicy::Remote),
            Some(false) => None,
            None if r == "1.0" => Some(RemotePolicy::Remote),
            None => remote_word(&r),
        });
        let url = get(self.url);
        let apply_url = get(self.apply_url);
        let skills = get(self.skills)
            .map(|s| {
                s.split([',', ';', '|'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        Ok(SourcePosting {
            external_id: get(self.id),
            title,
            company: get(self.company).or_else(|| ctx.company.clone()),
            description_html: html,
            description_text: text,
            locations,
            country: country_field.and_then(|c| iso2(&c)),
            remote,
            employment_type: get(self.employment),
            salary,
            salary_text: get(self.salary_text),
            url: url.clone().or_else(|| apply_url.clone()),
            apply_url: if url.is_some() { apply_url } else { None },
            posted_at: get(self.posted).and_then(|d| parse_date(&d)),
            valid_through: get(self.valid).and_then(|d| parse_date(&d)),
            department: get(self.department),
            seniority: get(self.seniority),
            skills,
            raw,
            ..Default::default()
        })
    }
}

/// Raw keys for the header: the names as written, made unique so that a stored row maps
/// to the same columns. A later column whose name equals an earlier one after `norm`
/// ("Title" then "title") gets " (column N)" appended: the first one is the one read.
fn raw_keys(names: &[String]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::with_capacity(names.len());
    let mut seen = std::collections::HashSet::new();
    for (i, name) in names.iter().enumerate() {
        let mut key = name.clone();
        // Equal keys have equal `norm`s, so this also keeps keys unique.
        while seen.contains(&norm(&key)) {
            key = format!("{key} (column {})", i + 1);
        }
        seen.insert(norm(&key));
        keys.push(key);
    }
    keys
}

/// `key`, or `key (column N)` while that is taken in `raw`.
fn free_key(raw: &Map<String, Value>, key: &str, i: usize) -> String {
    let mut key = key.to_string();
    while raw.contains_key(&key) {
        key = format!("{key} (column {})", i + 1);
    }
    key
}

/// One stored row (`raw` as built by `parse`: column name → cell text).
pub(crate) fn item(raw: &Value, ctx: &Context) -> Result<SourcePosting, ItemError> {
    let Value::Object(m) = raw else {
        return Err(ItemError {
            item: "item".into(),
            reason: "not a JSON object of columns".into(),
        });
    };
    let names: Vec<String> = m.keys().cloned().collect();
    let cells: Vec<Option<String>> = m
        .values()
        .map(|v| match v {
            Value::String(s) => Some(s.trim().to_string()),
            Value::Number(_) | Value::Bool(_) => Some(v.to_string()),
            _ => None,
        })
        .map(|c| c.filter(|t| !t.is_empty()))
        .collect();
    let cols = Columns::new(&names);
    let get = |i: Option<usize>| cells.get(i?).cloned().flatten();
    Mapping::new(&cols).posting(&get, raw.clone(), ctx, || "item".to_string())
}
