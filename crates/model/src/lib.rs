//! Domain types and pure normalizers. No I/O here: everything is a function of its input,
//! so the same code serves ingestion, `hirekit renormalize` and `hirekit normalize …`.

pub mod dedupe;
pub mod employment;
pub mod location;
pub mod money;
pub mod normalize;
pub mod posting;
pub mod profile;
pub mod salary;
pub mod skills;
pub mod text;
pub mod title;

pub use posting::{
    EmploymentType, Period, Posting, RemotePolicy, RoleFamily, Salary, Seniority, SourceKind,
    SourcePosting, Track,
};
