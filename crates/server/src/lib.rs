//! hirekit-server
