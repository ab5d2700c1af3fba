//! Job title → role family, seniority, track.
use crate::posting::{RoleFamily, Seniority, Track};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TitleInfo {
    pub role_family: RoleFamily,
    pub seniority: Option<Seniority>,
    pub track: Track,
}

pub fn normalize_title(_title: &str) -> TitleInfo {
    TitleInfo { role_family: RoleFamily::Other, seniority: None, track: Track::Ic }
}
