//! Job descriptions: a builder (TOML/JSON spec → Markdown, HTML and schema.org JobPosting
//! JSON-LD), a JSON-LD validator, and a linter for any JD text.
//!
//! ```no_run
//! let spec = hirekit_jd::parse_spec(&std::fs::read_to_string("backend.toml").unwrap()).unwrap();
//! let jd = hirekit_jd::build(&spec).unwrap();
//! assert!(hirekit_jd::validate_jobposting(&jd.jsonld).iter().all(|f| f.severity != hirekit_jd::Severity::Error));
//! let findings = hirekit_jd::lint(&jd.markdown, &hirekit_jd::LintOptions::default()).unwrap();
//! ```

mod build;
mod jsonld;
pub mod lint;
mod roles;
mod spec;

pub use build::{build, to_posting, Jd};
pub use jsonld::{jobposting, validate_jobposting};
pub use lint::{lint, lint_bytes, lint_many, LintOptions};
pub use roles::{role_ids, role_info, RoleInfo};
pub use spec::{parse_spec, parse_spec_value, Company, FieldError, Location, Pay, Spec};

use serde::Serialize;

/// How bad a finding is. `Error` findings make `hirekit jd lint` exit non-zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One problem found by the linter or the JSON-LD validator.
///
/// `start..end` are byte offsets into the text given to [`lint`] (always on char boundaries);
/// a finding about the whole document (a missing pay range, the length…) has an empty span
/// at the place it refers to, or `0..0`. Validator findings have `0..0` and name the JSON path
/// in the message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable kebab-case rule id, e.g. `missing-pay-range`.
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub start: usize,
    pub end: usize,
    pub suggestion: Option<String>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum JdError {
    /// The spec is not valid TOML/JSON, or has fields of the wrong type.
    #[error("spec: {0}")]
    Syntax(String),
    /// One or more fields failed validation; each names its field.
    #[error("{}", join_fields(.0))]
    Invalid(Vec<FieldError>),
    /// Lint input that is empty or not text.
    #[error("{0}")]
    BadInput(String),
}

impl JdError {
    /// The fields named by a validation error (empty for other errors).
    pub fn fields(&self) -> Vec<&str> {
        match self {
            JdError::Invalid(v) => v.iter().map(|f| f.field.as_str()).collect(),
            _ => Vec::new(),
        }
    }
}

fn join_fields(v: &[FieldError]) -> String {
    v.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}
