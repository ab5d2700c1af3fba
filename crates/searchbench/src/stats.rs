//! Latency summaries. Percentiles use the nearest-rank method: the p-th percentile of n sorted
//! samples is the ⌈p/100 · n⌉-th smallest — always an observed value, never interpolated, so
//! p99 of 1,000 queries is the 990th fastest.

use std::fmt;
use std::time::Duration;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Latencies {
    pub count: usize,
    #[serde(serialize_with = "ser_ms")]
    pub p50: Duration,
    #[serde(serialize_with = "ser_ms")]
    pub p90: Duration,
    #[serde(serialize_with = "ser_ms")]
    pub p99: Duration,
    #[serde(serialize_with = "ser_ms")]
    pub mean: Duration,
    #[serde(serialize_with = "ser_ms")]
    pub max: Duration,
}

/// Durations serialize as milliseconds (f64), which is what the docs tables use.
pub fn ser_ms<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(ms(*d))
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Nearest-rank percentile of sorted samples; zero for no samples.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

impl Latencies {
    pub fn from_samples(samples: &[Duration]) -> Latencies {
        let mut v = samples.to_vec();
        v.sort_unstable();
        let total: Duration = v.iter().sum();
        let mean = if v.is_empty() {
            Duration::ZERO
        } else {
            total / v.len() as u32
        };
        Latencies {
            count: v.len(),
            p50: percentile(&v, 50.0),
            p90: percentile(&v, 90.0),
            p99: percentile(&v, 99.0),
            mean,
            max: v.last().copied().unwrap_or_default(),
        }
    }

    /// Header matching the [`Display`](fmt::Display) row.
    pub fn header() -> &'static str {
        "| engine | queries | p50 | p90 | p99 | mean | max |\n|---|---|---|---|---|---|---|"
    }

    /// A markdown table row with the engine's name in front.
    pub fn row(&self, name: &str) -> String {
        format!("| {name} | {self} |")
    }
}

/// Human-readable duration: "0.42 ms", "13.3 ms", "2,353 ms".
pub fn fmt_ms(d: Duration) -> String {
    let m = ms(d);
    if m < 10.0 {
        format!("{m:.2} ms")
    } else if m < 1000.0 {
        format!("{m:.1} ms")
    } else {
        let whole = m.round() as u64;
        format!("{},{:03} ms", whole / 1000, whole % 1000)
    }
}

/// `count | p50 | p90 | p99 | mean | max` (the cells of a table row).
impl fmt::Display for Latencies {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} | {} | {} | {} | {} | {}",
            self.count,
            fmt_ms(self.p50),
            fmt_ms(self.p90),
            fmt_ms(self.p99),
            fmt_ms(self.mean),
            fmt_ms(self.max)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms_list(v: &[u64]) -> Vec<Duration> {
        v.iter().map(|&m| Duration::from_millis(m)).collect()
    }

    #[test]
    fn nearest_rank_percentiles() {
        // 1..=100 ms: p50 = 50th value, p90 = 90th, p99 = 99th.
        let v: Vec<u64> = (1..=100).rev().collect();
        let l = Latencies::from_samples(&ms_list(&v));
        assert_eq!(l.count, 100);
        assert_eq!(l.p50, Duration::from_millis(50));
        assert_eq!(l.p90, Duration::from_millis(90));
        assert_eq!(l.p99, Duration::from_millis(99));
        assert_eq!(l.max, Duration::from_millis(100));
        assert_eq!(l.mean, Duration::from_micros(50_500));
    }

    #[test]
    fn small_and_empty_samples() {
        let l = Latencies::from_samples(&ms_list(&[7]));
        assert_eq!(
            (l.p50, l.p99, l.max),
            (
                Duration::from_millis(7),
                Duration::from_millis(7),
                Duration::from_millis(7)
            )
        );
        // Three samples: p50 is the 2nd (⌈1.5⌉), p90/p99 the 3rd.
        let l = Latencies::from_samples(&ms_list(&[30, 10, 20]));
        assert_eq!(l.p50, Duration::from_millis(20));
        assert_eq!(l.p90, Duration::from_millis(30));
        assert_eq!(l.mean, Duration::from_millis(20));
        let e = Latencies::from_samples(&[]);
        assert_eq!(
            (e.count, e.p99, e.mean),
            (0, Duration::ZERO, Duration::ZERO)
        );
        // 1,000 samples: p99 is the 990th smallest.
        let v: Vec<u64> = (1..=1000).collect();
        assert_eq!(percentile(&ms_list(&v), 99.0), Duration::from_millis(990));
    }

    #[test]
    fn displays_as_a_table_row() {
        let l =
            Latencies::from_samples(&[Duration::from_micros(4_600), Duration::from_millis(2353)]);
        assert_eq!(
            l.row("pg"),
            "| pg | 2 | 4.60 ms | 2,353 ms | 2,353 ms | 1,179 ms | 2,353 ms |"
        );
        assert_eq!(fmt_ms(Duration::from_micros(13_300)), "13.3 ms");
    }
}
