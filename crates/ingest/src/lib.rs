//! hirekit-ingest
