//! hirekit-sources
