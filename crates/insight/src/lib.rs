//! Salary insight: what a set of postings pays, in one currency, per year.
//!
//! Input is one [`Point`] per posting with a salary, already annualized and converted by the
//! caller (`hirekit_model::money::annual_range` states the assumptions: 2,080 hours, 260 days,
//! 52 weeks, 12 months a year). This crate only does statistics, so it is pure and fast.
//!
//! * A range counts by its midpoint unless [`Basis`] says otherwise.
//! * Percentiles interpolate linearly between order statistics (the "type 7" definition used by
//!   spreadsheets and NumPy).
//! * Outliers are flagged, not averaged in: a figure outside the plausible yearly bounds the caller
//!   gives (e.g. "5,000 a year", usually a monthly figure labelled yearly), or far outside the
//!   middle of the distribution on a log scale (more than 3 interquartile ranges beyond the
//!   quartiles). Flagged points are listed with the reason and left out of every statistic.

mod format;
mod svg;

use hirekit_model::{Period, Seniority};
use serde::Serialize;

pub use format::{money_short, symbol};
pub use svg::{bands_svg, histogram_svg};

/// One posting's pay, annualized, in the currency of the analysis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub id: i64,
    pub low: f64,
    pub high: f64,
    /// The period as stated in the posting (hourly pay annualized is marked as such in reports).
    pub period: Option<Period>,
    pub seniority: Option<Seniority>,
}

/// Which value of a range counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    #[default]
    Midpoint,
    Low,
    High,
}

impl Basis {
    pub fn parse(s: &str) -> Option<Basis> {
        match s {
            "midpoint" | "mid" => Some(Basis::Midpoint),
            "low" | "min" => Some(Basis::Low),
            "high" | "max" => Some(Basis::High),
            _ => None,
        }
    }

    fn value(self, p: &Point) -> f64 {
        match self {
            Basis::Midpoint => (p.low + p.high) / 2.0,
            Basis::Low => p.low,
            Basis::High => p.high,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options<'a> {
    pub currency: &'a str,
    pub basis: Basis,
    /// Yearly pay outside `[min, max]` (in the analysis currency) is implausible as stated.
    pub plausible: (f64, f64),
    /// Target number of histogram bins.
    pub bins: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Percentiles {
    pub p10: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p90: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Band {
    pub seniority: Seniority,
    pub count: usize,
    pub percentiles: Percentiles,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Bin {
    pub low: f64,
    pub high: f64,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outlier {
    pub id: i64,
    pub value: f64,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Insight {
    pub currency: String,
    pub basis: Basis,
    /// Postings matching the filters, with or without salary data.
    pub postings: u64,
    /// Postings with salary data (before outliers are set aside).
    pub with_salary: usize,
    /// Postings the statistics rest on.
    pub used: usize,
    /// How many of the used figures were stated per hour, day, week or month and annualized.
    pub annualized: usize,
    pub overall: Option<Percentiles>,
    pub by_seniority: Vec<Band>,
    pub histogram: Vec<Bin>,
    pub outliers: Vec<Outlier>,
    /// "Typical salary: $191k–$278k · 401 listings with salary data" (p25–p75), or a sentence
    /// saying there is not enough data.
    pub headline: String,
}

/// Fewer figures than this give no percentiles: five numbers do not make a distribution.
pub const MIN_SAMPLE: usize = 5;

/// Statistics over `points` (one per posting with salary data) out of `postings` matched.
pub fn summarize(points: &[Point], postings: u64, opts: &Options) -> Insight {
    let (kept, outliers) = split_outliers(points, opts);
    let mut values: Vec<f64> = kept.iter().map(|p| opts.basis.value(p)).collect();
    values.sort_by(f64::total_cmp);
    let overall = percentiles(&values);
    let mut by_seniority = Vec::new();
    for s in Seniority::ALL {
        let mut v: Vec<f64> = kept
            .iter()
            .filter(|p| p.seniority == Some(s))
            .map(|p| opts.basis.value(p))
            .collect();
        v.sort_by(f64::total_cmp);
        if let Some(pc) = percentiles(&v) {
            by_seniority.push(Band {
                seniority: s,
                count: v.len(),
                percentiles: pc,
            });
        }
    }
    let annualized = kept
        .iter()
        .filter(|p| !matches!(p.period, None | Some(Period::Year)))
        .count();
    let headline = match overall {
        Some(pc) => format!(
            "Typical salary: {}–{} · {} listings with salary data",
            money_short(pc.p25, opts.currency),
            money_short(pc.p75, opts.currency),
            group_digits(values.len() as u64)
        ),
        None if values.is_empty() => "No salary data for these filters yet".to_string(),
        None => format!(
            "Only {} listings with salary data: too few for a typical range",
            values.len()
        ),
    };
    Insight {
        currency: opts.currency.to_string(),
        basis: opts.basis,
        postings,
        with_salary: points.len(),
        used: values.len(),
        annualized,
        overall,
        by_seniority,
        histogram: histogram(&values, opts.bins),
        outliers,
        headline,
    }
}

/// Sets aside implausible and extreme figures, saying why.
fn split_outliers<'a>(points: &'a [Point], opts: &Options) -> (Vec<&'a Point>, Vec<Outlier>) {
    let (lo_ok, hi_ok) = opts.plausible;
    let mut kept = Vec::with_capacity(points.len());
    let mut out = Vec::new();
    for p in points {
        let v = opts.basis.value(p);
        if !v.is_finite() || v <= 0.0 {
            out.push(Outlier {
                id: p.id,
                value: v,
                reason: "not a positive amount".into(),
            });
        } else if v < lo_ok {
            let hint = match p.period {
                None | Some(Period::Year) if v * 12.0 >= lo_ok => {
                    "; looks like a monthly figure labelled yearly"
                }
                _ => "",
            };
            out.push(Outlier {
                id: p.id,
                value: v,
                reason: format!(
                    "below {} a year, implausible as stated{hint}",
                    money_short(lo_ok, opts.currency)
                ),
            });
        } else if v > hi_ok {
            out.push(Outlier {
                id: p.id,
                value: v,
                reason: format!(
                    "above {} a year, implausible as stated",
                    money_short(hi_ok, opts.currency)
                ),
            });
        } else {
            kept.push(p);
        }
    }
    // Tukey fences on a log scale: pay is roughly log-normal, so fences in log space treat a
    // figure ten times the median like one a tenth of it.
    if kept.len() >= 20 {
        let mut logs: Vec<f64> = kept.iter().map(|p| opts.basis.value(p).ln()).collect();
        logs.sort_by(f64::total_cmp);
        let q1 = quantile(&logs, 0.25);
        let q3 = quantile(&logs, 0.75);
        let iqr = (q3 - q1).max(0.05);
        let (lo, hi) = (q1 - 3.0 * iqr, q3 + 3.0 * iqr);
        let mut still = Vec::with_capacity(kept.len());
        for p in kept {
            let v = opts.basis.value(p);
            let l = v.ln();
            if l < lo || l > hi {
                let side = if l < lo { "far below" } else { "far above" };
                out.push(Outlier {
                    id: p.id,
                    value: v,
                    reason: format!("{side} the rest of the distribution"),
                });
            } else {
                still.push(p);
            }
        }
        kept = still;
    }
    (kept, out)
}

/// Linear interpolation between order statistics of sorted `v` (type 7).
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let h = (sorted.len() - 1) as f64 * q.clamp(0.0, 1.0);
    let i = h.floor() as usize;
    let j = (i + 1).min(sorted.len() - 1);
    sorted[i] + (h - i as f64) * (sorted[j] - sorted[i])
}

fn percentiles(sorted: &[f64]) -> Option<Percentiles> {
    (sorted.len() >= MIN_SAMPLE).then(|| Percentiles {
        p10: quantile(sorted, 0.10),
        p25: quantile(sorted, 0.25),
        p50: quantile(sorted, 0.50),
        p75: quantile(sorted, 0.75),
        p90: quantile(sorted, 0.90),
    })
}

/// Bins of a "nice" width (1, 2, 2.5 or 5 × a power of ten) over the 1st–99th percentile, the
/// ends open so every value is counted.
fn histogram(sorted: &[f64], target: usize) -> Vec<Bin> {
    if sorted.is_empty() {
        return Vec::new();
    }
    let lo = quantile(sorted, 0.01);
    let hi = quantile(sorted, 0.99);
    let width = nice_width((hi - lo).max(1.0) / target.max(1) as f64);
    let start = (lo / width).floor() * width;
    let n = (((hi - start) / width).floor() as usize + 1).clamp(1, 200);
    let mut bins: Vec<Bin> = (0..n)
        .map(|i| Bin {
            low: start + i as f64 * width,
            high: start + (i + 1) as f64 * width,
            count: 0,
        })
        .collect();
    for &v in sorted {
        let i = (((v - start) / width).floor().max(0.0) as usize).min(n - 1);
        bins[i].count += 1;
    }
    bins
}

fn nice_width(raw: f64) -> f64 {
    let exp = raw.log10().floor();
    let base = 10f64.powf(exp);
    let f = raw / base;
    let step = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 2.5 {
        2.5
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    step * base
}

/// `1234567` → "1,234,567".
pub fn group_digits(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> Options<'static> {
        Options {
            currency: "USD",
            basis: Basis::Midpoint,
            plausible: (8_000.0, 2_000_000.0),
            bins: 12,
        }
    }

    fn pt(id: i64, low: f64, high: f64, s: Option<Seniority>) -> Point {
        Point {
            id,
            low,
            high,
            period: Some(Period::Year),
            seniority: s,
        }
    }

    #[test]
    fn quantiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(quantile(&v, 0.5), 3.0);
        assert_eq!(quantile(&v, 0.25), 2.0);
        assert_eq!(quantile(&v, 0.1), 1.4);
        assert_eq!(quantile(&[7.0], 0.9), 7.0);
    }

    #[test]
    fn headline_uses_p25_to_p75_of_midpoints() {
        // Midpoints 100k, 150k, …, 300k.
        let pts: Vec<Point> = (0..5)
            .map(|i| {
                pt(
                    i,
                    90_000.0 + 50_000.0 * i as f64,
                    110_000.0 + 50_000.0 * i as f64,
                    None,
                )
            })
            .collect();
        let r = summarize(&pts, 9, &opts());
        let pc = r.overall.expect("enough data");
        assert_eq!((pc.p25, pc.p50, pc.p75), (150_000.0, 200_000.0, 250_000.0));
        assert_eq!(
            r.headline,
            "Typical salary: $150k–$250k · 5 listings with salary data"
        );
        assert_eq!((r.postings, r.with_salary, r.used), (9, 5, 5));
        let low = summarize(
            &pts,
            9,
            &Options {
                basis: Basis::Low,
                ..opts()
            },
        );
        assert_eq!(low.overall.expect("data").p50, 190_000.0);
    }

    #[test]
    fn mislabelled_monthly_figures_are_flagged_not_averaged() {
        let mut pts: Vec<Point> = (0..30)
            .map(|i| {
                pt(
                    i,
                    100_000.0 + 1_000.0 * i as f64,
                    120_000.0 + 1_000.0 * i as f64,
                    None,
                )
            })
            .collect();
        pts.push(pt(99, 6_000.0, 7_000.0, None));
        pts.push(pt(100, 40_000_000.0, 40_000_000.0, None));
        let r = summarize(&pts, 32, &opts());
        assert_eq!(r.used, 30);
        let ids: Vec<i64> = r.outliers.iter().map(|o| o.id).collect();
        assert_eq!(ids, [99, 100]);
        assert!(
            r.outliers[0].reason.contains("monthly"),
            "{}",
            r.outliers[0].reason
        );
        assert!(r.overall.expect("data").p10 > 100_000.0);
    }

    #[test]
    fn log_scale_fences_catch_extremes_inside_plausible_bounds() {
        let mut pts: Vec<Point> = (0..40)
            .map(|i| {
                pt(
                    i,
                    95_000.0 + 500.0 * i as f64,
                    105_000.0 + 500.0 * i as f64,
                    None,
                )
            })
            .collect();
        pts.push(pt(77, 1_500_000.0, 1_500_000.0, None));
        let r = summarize(&pts, 41, &opts());
        assert_eq!(r.outliers.len(), 1);
        assert_eq!(r.outliers[0].id, 77);
        assert!(r.outliers[0].reason.contains("far above"));
    }

    #[test]
    fn per_seniority_bands_and_small_samples() {
        let mut pts = Vec::new();
        for i in 0..6 {
            pts.push(pt(
                i,
                80_000.0 + 1_000.0 * i as f64,
                90_000.0 + 1_000.0 * i as f64,
                Some(Seniority::Junior),
            ));
            pts.push(pt(
                100 + i,
                180_000.0 + 1_000.0 * i as f64,
                200_000.0 + 1_000.0 * i as f64,
                Some(Seniority::Senior),
            ));
        }
        pts.push(pt(200, 300_000.0, 320_000.0, Some(Seniority::Staff)));
        let r = summarize(&pts, 13, &opts());
        let seniorities: Vec<Seniority> = r.by_seniority.iter().map(|b| b.seniority).collect();
        assert_eq!(
            seniorities,
            [Seniority::Junior, Seniority::Senior],
            "one staff figure makes no band"
        );
        assert!(r.by_seniority[0].percentiles.p50 < r.by_seniority[1].percentiles.p50);
        let few = summarize(&pts[..3], 3, &opts());
        assert!(few.overall.is_none());
        assert!(few.headline.contains("too few"));
        assert_eq!(
            summarize(&[], 0, &opts()).headline,
            "No salary data for these filters yet"
        );
    }

    #[test]
    fn histogram_counts_everything_in_nice_bins() {
        let pts: Vec<Point> = (0..200)
            .map(|i| {
                pt(
                    i,
                    50_000.0 + 1_000.0 * i as f64,
                    50_000.0 + 1_000.0 * i as f64,
                    None,
                )
            })
            .collect();
        let r = summarize(&pts, 200, &opts());
        let total: usize = r.histogram.iter().map(|b| b.count).sum();
        assert_eq!(total, r.used);
        let w = r.histogram[0].high - r.histogram[0].low;
        assert!([10_000.0, 20_000.0, 25_000.0].contains(&w), "width {w}");
        assert!(r.histogram.windows(2).all(|p| p[0].high == p[1].low));
    }

    #[test]
    fn annualized_figures_are_counted() {
        let mut pts: Vec<Point> = (0..5).map(|i| pt(i, 100_000.0, 120_000.0, None)).collect();
        pts[0].period = Some(Period::Hour);
        pts[1].period = None;
        assert_eq!(summarize(&pts, 5, &opts()).annualized, 1);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(v in proptest::collection::vec((-1e9f64..1e12, 0f64..1e6), 0..300)) {
            let pts: Vec<Point> = v.iter().enumerate().map(|(i, (a, b))| pt(i as i64, *a, a + b, None)).collect();
            let r = summarize(&pts, pts.len() as u64, &opts());
            proptest::prop_assert_eq!(r.used + r.outliers.len(), pts.len());
            let _ = histogram_svg(&r, 640, 220);
            let _ = bands_svg(&r, 640);
        }
    }
}
