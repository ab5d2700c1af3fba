//! The engine interface and the one-client measured run.

use std::time::{Duration, Instant};

use anyhow::Context as _;
use serde::{Deserialize, Serialize};

use crate::query::Query;
use crate::stats::Latencies;

/// Facet counts over the whole match (not just the top 20).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Facets {
    /// (remote, not remote)
    pub remote: (u64, u64),
    /// Top 10 countries by count, largest first.
    pub countries: Vec<(String, u64)>,
    /// Top 10 companies by count, largest first.
    pub companies: Vec<(String, u64)>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EngineResult {
    /// Top 20 posting ids (corpus line numbers), best first.
    pub ids: Vec<i64>,
    /// Number of postings matching the query and filters.
    pub total: u64,
    pub facets: Facets,
}

/// A search engine under test. `&mut self`: engines hold one connection and reuse it.
pub trait Engine {
    fn name(&self) -> String;
    fn search(&mut self, q: &Query) -> anyhow::Result<EngineResult>;
}

impl<E: Engine + ?Sized> Engine for Box<E> {
    fn name(&self) -> String {
        (**self).name()
    }
    fn search(&mut self, q: &Query) -> anyhow::Result<EngineResult> {
        (**self).search(q)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub engine: String,
    pub latencies: Latencies,
    /// (query id, latency, total matches), in workload order.
    pub per_query: Vec<(u32, Duration, u64)>,
}

impl Report {
    /// The `n` slowest queries, slowest first.
    pub fn slowest(&self, n: usize) -> Vec<(u32, Duration, u64)> {
        let mut v = self.per_query.clone();
        v.sort_by_key(|p| std::cmp::Reverse(p.1));
        v.truncate(n);
        v
    }
}

/// Run every query once, one after another (one client). With `warmup`, the whole workload is
/// run once unmeasured first, so caches are warm as in the README's figures. Any error stops
/// the run: a benchmark with failed queries would flatter the engine.
pub fn run(engine: &mut dyn Engine, queries: &[Query], warmup: bool) -> anyhow::Result<Report> {
    if warmup {
        for q in queries {
            engine
                .search(q)
                .with_context(|| format!("warm-up, query {} {:?}", q.id, q.q))?;
        }
    }
    let mut per_query = Vec::with_capacity(queries.len());
    for q in queries {
        let t = Instant::now();
        let r = engine
            .search(q)
            .with_context(|| format!("query {} {:?}", q.id, q.q))?;
        per_query.push((q.id, t.elapsed(), r.total));
    }
    let samples: Vec<Duration> = per_query.iter().map(|p| p.1).collect();
    Ok(Report {
        engine: engine.name(),
        latencies: Latencies::from_samples(&samples),
        per_query,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Filters;

    /// Sleeps a little longer for each query and counts calls.
    struct Fake {
        calls: usize,
    }
    impl Engine for Fake {
        fn name(&self) -> String {
            "fake".into()
        }
        fn search(&mut self, q: &Query) -> anyhow::Result<EngineResult> {
            self.calls += 1;
            if q.q == "boom" {
                anyhow::bail!("broken");
            }
            // 25 ms steps: far above scheduling noise on a busy machine, so "slowest" is
            // decided by the query, not by a hiccup.
            std::thread::sleep(Duration::from_millis(25 * u64::from(q.id)));
            Ok(EngineResult {
                ids: vec![1],
                total: u64::from(q.id) * 10,
                facets: Facets::default(),
            })
        }
    }

    fn q(id: u32, text: &str) -> Query {
        Query {
            id,
            q: text.into(),
            filters: Filters::default(),
        }
    }

    #[test]
    fn measures_each_query_after_warmup() {
        let qs = [q(1, "a"), q(3, "b"), q(2, "c")];
        let mut e = Fake { calls: 0 };
        let r = run(&mut e, &qs, true).expect("runs");
        assert_eq!(e.calls, 6);
        assert_eq!(r.engine, "fake");
        assert_eq!(
            r.per_query.iter().map(|p| (p.0, p.2)).collect::<Vec<_>>(),
            vec![(1, 10), (3, 30), (2, 20)]
        );
        assert!(r.latencies.max >= Duration::from_millis(75));
        assert_eq!(r.slowest(1)[0].0, 3);
    }

    #[test]
    fn an_error_names_the_query() {
        let mut e = Fake { calls: 0 };
        let err = run(&mut e, &[q(0, "ok"), q(7, "boom")], false).expect_err("fails");
        assert!(format!("{err:#}").contains("query 7"), "{err:#}");
    }
}
