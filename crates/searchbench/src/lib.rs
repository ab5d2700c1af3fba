//! hirekit-searchbench: the search benchmark of issue 3 (`hirekit bench search`).
//!
//! * the workload: [`load_queries`] reads `../shared/bench/queries_1000.jsonl`; [`corpus`] reads
//!   the JobPosting JSONL corpus the way hirekit ingests it (same parser, same normalizer), and
//!   numbers postings by their 1-based line number — the id both engines must return;
//! * [`run`] measures one engine query by query ([`Latencies`]: p50/p90/p99/mean/max);
//! * [`http`]: [`HttpEngine`] and [`run_concurrent_http`] drive hirekit's `GET /api/v1/jobs`;
//! * [`pg`]: the PostgreSQL full-text-search baseline ([`PgFts`]);
//! * [`judge`]: graded relevance (precision@10, NDCG@10) on a small judged query set.

pub mod corpus;
pub mod engine;
pub mod http;
pub mod judge;
pub mod pg;
pub mod query;
pub mod stats;

pub use corpus::{Corpus, CorpusDoc};
pub use engine::{run, Engine, EngineResult, Facets, Report};
pub use http::{run_concurrent_http, HttpEngine, Throughput};
pub use judge::{judge, JudgeReport, JudgedSet};
pub use pg::{LoadStats, PgFts, SalaryRule};
pub use query::{load_queries, Filters, Query};
pub use stats::Latencies;
