//! hirekit-fetch
