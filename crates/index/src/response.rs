//! What a search returns.

use chrono::{DateTime, Utc};
use hirekit_model::{EmploymentType, Period, RemotePolicy, RoleFamily, Salary, Seniority};
use serde::ser::SerializeMap;
use serde::Serialize;

/// Facet values with counts, serialized as a JSON object in descending count order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacetCounts(pub Vec<(String, u64)>);

impl FacetCounts {
    /// Non-zero counts, most first (ties by name), at most `top`.
    pub fn from_iter(it: impl IntoIterator<Item = (String, u64)>, top: usize) -> FacetCounts {
        let mut v: Vec<(String, u64)> = it.into_iter().filter(|(_, c)| *c > 0).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v.truncate(top);
        FacetCounts(v)
    }
    pub fn get(&self, key: &str) -> Option<u64> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, c)| *c)
    }
}

impl Serialize for FacetCounts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facets {
    pub role_family: FacetCounts,
    pub seniority: FacetCounts,
    pub remote: FacetCounts,
    pub region: FacetCounts,
    pub employment_type: FacetCounts,
    /// Annual pay bands in the request's currency, by the middle of each posting's range.
    pub salary_band: FacetCounts,
    /// Top 20.
    pub skills: FacetCounts,
    /// Top 20.
    pub company: FacetCounts,
    /// Top 10.
    pub country: FacetCounts,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnnualSalary {
    pub min: f64,
    pub max: f64,
    pub currency: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: i64,
    pub title: String,
    pub company: Option<String>,
    pub apply_url: Option<String>,
    pub url: Option<String>,
    /// As stated.
    pub salary: Option<Salary>,
    /// Annualized in the request's currency.
    pub salary_annual: Option<AnnualSalary>,
    pub role_family: RoleFamily,
    pub seniority: Option<Seniority>,
    pub remote: Option<RemotePolicy>,
    pub countries: Vec<String>,
    pub regions: Vec<String>,
    pub locations: Vec<String>,
    pub skills: Vec<String>,
    pub employment_type: Option<EmploymentType>,
    pub posted_at: Option<DateTime<Utc>>,
    /// Source kinds the posting was seen on.
    pub sources: Vec<String>,
    pub closed: bool,
    /// HTML-escaped description excerpt with `<mark>` around matched words.
    pub snippet: Option<String>,
    pub score: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResponse {
    pub total: u64,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    pub next_cursor: Option<String>,
    /// True when the time budget cut the search short: counts cover only part of the index.
    pub partial: bool,
    pub took_ms: f64,
}

/// One posting's pay, for salary insight.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SalaryPoint {
    /// The posting.
    pub id: i64,
    /// Annual range in the sample's currency.
    pub lo: f64,
    pub hi: f64,
    /// The period as stated (None: not stated, taken as yearly).
    pub period: Option<Period>,
    pub seniority: Option<Seniority>,
    pub role_family: Option<RoleFamily>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SalarySample {
    pub currency: String,
    /// Postings matching the filters (with or without salary).
    pub matched: u64,
    /// The same count per role family (families with none left out).
    pub matched_by_role: Vec<(RoleFamily, u64)>,
    /// One per matching posting with a salary.
    pub points: Vec<SalaryPoint>,
    pub partial: bool,
}
