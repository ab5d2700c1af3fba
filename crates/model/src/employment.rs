//! Employment type text → `EmploymentType`.
use crate::posting::EmploymentType;

pub fn normalize_employment_type(_text: &str) -> Option<EmploymentType> {
    None
}
