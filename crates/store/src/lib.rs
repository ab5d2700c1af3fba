//! hirekit-store
