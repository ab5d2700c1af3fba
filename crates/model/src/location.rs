//! Location text → remote policy, countries, regions, time zones.
use crate::posting::RemotePolicy;
use serde::{Deserialize, Serialize};

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

pub fn normalize_location(_text: &str) -> LocationInfo {
    LocationInfo::default()
}

/// The currency a country pays in (ISO 4217), for salaries that name none.
pub fn country_currency(_iso2: &str) -> Option<&'static str> {
    None
}
