//! hirekit-demo
