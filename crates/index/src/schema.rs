//! The index schema and how a stored posting becomes an index document.

use chrono::{DateTime, Utc};
use hirekit_model::money::{annual_range, Rates};
use hirekit_model::{EmploymentType, Period, RemotePolicy, RoleFamily, Salary, Seniority};
use hirekit_store::StoredPosting;
use serde::{Deserialize, Serialize};
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST,
    INDEXED, STORED, STRING,
};
use tantivy::TantivyDocument;

use crate::tokenizer;

/// Bump when the schema or what goes into a field changes: old indexes are wiped and rebuilt.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Copy)]
pub struct Fields {
    pub id: Field,
    pub title: Field,
    pub company_text: Field,
    pub skills_text: Field,
    pub description: Field,
    /// Company as stated, for facets (fast column, not searched).
    pub company: Field,
    /// Lowercased company, for exact and prefix filters.
    pub company_lc: Field,
    pub country: Field,
    pub region: Field,
    /// Skills as stated, for facets.
    pub skill: Field,
    /// Lowercased skills, for filters.
    pub skill_lc: Field,
    pub source: Field,
    pub role: Field,
    pub seniority: Field,
    pub remote: Field,
    pub employment: Field,
    pub period: Field,
    pub closed: Field,
    pub posted: Field,
    pub sal_lo: Field,
    pub sal_hi: Field,
    pub doc: Field,
}

pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer::NAME)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let facet_str = TextOptions::default().set_fast("raw");
    let u8_fast = NumericOptions::default().set_fast();
    let fields = Fields {
        id: b.add_i64_field("id", INDEXED | FAST),
        title: b.add_text_field("title", text.clone()),
        company_text: b.add_text_field("company_text", text.clone()),
        skills_text: b.add_text_field("skills_text", text.clone()),
        description: b.add_text_field("description", text),
        company: b.add_text_field("company", facet_str.clone()),
        company_lc: b.add_text_field("company_lc", STRING),
        country: b.add_text_field("country", STRING | FAST),
        region: b.add_text_field("region", STRING | FAST),
        skill: b.add_text_field("skill", facet_str),
        skill_lc: b.add_text_field("skill_lc", STRING),
        source: b.add_text_field("source", STRING),
        role: b.add_u64_field("role", INDEXED | FAST),
        seniority: b.add_u64_field("seniority", u8_fast.clone()),
        remote: b.add_u64_field("remote", u8_fast.clone()),
        employment: b.add_u64_field("employment", u8_fast.clone()),
        period: b.add_u64_field("period", u8_fast.clone()),
        closed: b.add_u64_field("closed", u8_fast),
        posted: b.add_i64_field("posted", FAST),
        sal_lo: b.add_u64_field("sal_lo", FAST),
        sal_hi: b.add_u64_field("sal_hi", FAST),
        // JSON as stored text: strings load in one copy, bytes one byte at a time
        doc: b.add_text_field("doc", STORED),
    };
    (b.build(), fields)
}

/// Codes for enum columns: 0 means "not stated", so every code is its position + 1.
pub fn code<T: PartialEq + Copy>(all: &[T], v: Option<T>) -> u64 {
    v.and_then(|v| all.iter().position(|x| *x == v))
        .map_or(0, |i| i as u64 + 1)
}

pub fn decode<T: Copy>(all: &[T], c: u64) -> Option<T> {
    (c as usize)
        .checked_sub(1)
        .and_then(|i| all.get(i).copied())
}

pub const REMOTE: [RemotePolicy; 3] = [
    RemotePolicy::Remote,
    RemotePolicy::Hybrid,
    RemotePolicy::Onsite,
];
pub const PERIODS: [Period; 5] = [
    Period::Hour,
    Period::Day,
    Period::Week,
    Period::Month,
    Period::Year,
];

/// What a hit shows, kept with the document so results need no store round trip.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredDoc {
    pub id: i64,
    pub title: String,
    pub company: Option<String>,
    pub apply_url: Option<String>,
    pub url: Option<String>,
    pub salary: Option<Salary>,
    pub role_family: RoleFamily,
    pub seniority: Option<Seniority>,
    pub remote: Option<RemotePolicy>,
    pub countries: Vec<String>,
    pub regions: Vec<String>,
    pub locations: Vec<String>,
    pub skills: Vec<String>,
    pub employment_type: Option<EmploymentType>,
    pub posted_at: Option<DateTime<Utc>>,
    pub sources: Vec<String>,
    pub closed: bool,
    pub description: String,
}

/// Regions a posting is in: those its text names plus those its countries belong to
/// ("Berlin" names no region, but a Europe filter should find it).
pub fn regions_of(p: &hirekit_model::Posting) -> Vec<&'static str> {
    use hirekit_model::location::{region_contains, REGION_CODES};
    REGION_CODES
        .iter()
        .copied()
        .filter(|code| {
            p.regions.iter().any(|r| r.eq_ignore_ascii_case(code))
                || (*code != "anywhere" && p.countries.iter().any(|c| region_contains(code, c)))
        })
        .collect()
}

/// The currency a salary without one is in: the posting's first country's.
pub fn default_currency(p: &hirekit_model::Posting) -> Option<&'static str> {
    p.countries
        .iter()
        .find_map(|c| hirekit_model::location::country_currency(c))
}

/// Annual pay range in whole US dollars.
pub fn annual_usd(p: &hirekit_model::Posting, rates: &Rates) -> Option<(u64, u64)> {
    let s = p.salary.as_ref()?;
    let (lo, hi) = annual_range(s, rates, "USD", default_currency(p))?;
    // u64 columns: clamp absurd figures instead of wrapping
    let clamp = |x: f64| x.round().clamp(0.0, 1e12) as u64;
    Some((clamp(lo), clamp(hi)))
}

pub fn to_document(sp: &StoredPosting, f: &Fields, rates: &Rates) -> TantivyDocument {
    let p = &sp.posting;
    let mut d = TantivyDocument::new();
    d.add_i64(f.id, sp.id);
    d.add_text(f.title, &p.title);
    if let Some(c) = &p.company {
        d.add_text(f.company_text, c);
        d.add_text(f.company, c);
        d.add_text(f.company_lc, c.to_lowercase());
    }
    for s in &p.skills {
        d.add_text(f.skills_text, s);
        d.add_text(f.skill, s);
        d.add_text(f.skill_lc, s.to_lowercase());
    }
    d.add_text(f.description, &p.description);
    for c in &p.countries {
        d.add_text(f.country, c.to_ascii_uppercase());
    }
    for r in regions_of(p) {
        d.add_text(f.region, r);
    }
    let mut kinds: Vec<String> = sp.sources.iter().filter_map(|s| s.kind.clone()).collect();
    kinds.sort();
    kinds.dedup();
    for k in &kinds {
        d.add_text(f.source, k);
    }
    d.add_u64(f.role, code(&RoleFamily::ALL, Some(p.role_family)));
    d.add_u64(f.seniority, code(&Seniority::ALL, p.seniority));
    d.add_u64(f.remote, code(&REMOTE, p.remote));
    d.add_u64(f.employment, code(&EmploymentType::ALL, p.employment_type));
    d.add_u64(
        f.period,
        code(&PERIODS, p.salary.as_ref().and_then(|s| s.period)),
    );
    d.add_u64(f.closed, u64::from(sp.closed_at.is_some()));
    d.add_i64(
        f.posted,
        p.posted_at.map_or(sp.first_seen, |t| t.timestamp()),
    );
    if let Some((lo, hi)) = annual_usd(p, rates) {
        d.add_u64(f.sal_lo, lo);
        d.add_u64(f.sal_hi, hi);
    }
    let stored = StoredDoc {
        id: sp.id,
        title: p.title.clone(),
        company: p.company.clone(),
        apply_url: p.apply_url.clone(),
        url: p.url.clone(),
        salary: p.salary.clone(),
        role_family: p.role_family,
        seniority: p.seniority,
        remote: p.remote,
        countries: p.countries.clone(),
        regions: p.regions.clone(),
        locations: p.locations.clone(),
        skills: p.skills.clone(),
        employment_type: p.employment_type,
        posted_at: p.posted_at,
        sources: kinds,
        closed: sp.closed_at.is_some(),
        description: p.description.clone(),
    };
    if let Ok(json) = serde_json::to_string(&stored) {
        d.add_text(f.doc, json);
    }
    d
}
