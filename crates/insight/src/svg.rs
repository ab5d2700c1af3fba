//! Charts as inline SVG: drawn on the server, readable without JavaScript, printable, and
//! described for screen readers (`role="img"` with a title and a text summary).

use std::fmt::Write;

use crate::{money_short, Insight};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The distribution as bars, the typical range (p25–p75) shaded and the median marked.
pub fn histogram_svg(r: &Insight, width: u32, height: u32) -> String {
    let (w, h) = (width.max(200) as f64, height.max(120) as f64);
    let (left, right, top, bottom) = (8.0, 8.0, 24.0, 28.0);
    let (pw, ph) = (w - left - right, h - top - bottom);
    let mut s = String::new();
    let title = format!(
        "Salary distribution, {} listings, {} per year",
        r.used, r.currency
    );
    let _ = write!(
        s,
        r#"<svg class="chart histogram" viewBox="0 0 {w} {h}" width="100%" role="img" aria-labelledby="hist-title" xmlns="http://www.w3.org/2000/svg"><title id="hist-title">{}</title>"#,
        esc(&title)
    );
    if r.histogram.is_empty() {
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" text-anchor="middle" class="muted">No salary data</text></svg>"#,
            w / 2.0,
            h / 2.0
        );
        return s;
    }
    let lo = r.histogram[0].low;
    let hi = r.histogram[r.histogram.len() - 1].high;
    let span = (hi - lo).max(1.0);
    let x = |v: f64| left + (v - lo).clamp(0.0, span) / span * pw;
    let max = r
        .histogram
        .iter()
        .map(|b| b.count)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    if let Some(pc) = r.overall {
        let _ = write!(
            s,
            r##"<rect class="typical" x="{:.1}" y="{top}" width="{:.1}" height="{ph}" fill="#dfe9fb"><title>Typical range (p25–p75): {} – {}</title></rect>"##,
            x(pc.p25),
            (x(pc.p75) - x(pc.p25)).max(1.0),
            money_short(pc.p25, &r.currency),
            money_short(pc.p75, &r.currency)
        );
    }
    let bw = pw / r.histogram.len() as f64;
    for (i, b) in r.histogram.iter().enumerate() {
        let bh = b.count as f64 / max * ph;
        let _ = write!(
            s,
            r##"<rect class="bar" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#1f5fbf"><title>{}–{}: {} listings</title></rect>"##,
            left + i as f64 * bw + 1.0,
            top + ph - bh,
            (bw - 2.0).max(1.0),
            bh,
            money_short(b.low, &r.currency),
            money_short(b.high, &r.currency),
            b.count
        );
    }
    if let Some(pc) = r.overall {
        let mx = x(pc.p50);
        let _ = write!(
            s,
            r##"<line x1="{mx:.1}" x2="{mx:.1}" y1="{}" y2="{}" stroke="#c2410c" stroke-width="2"/><text x="{mx:.1}" y="{}" text-anchor="middle" font-size="12" fill="#c2410c">median {}</text>"##,
            top - 4.0,
            top + ph,
            top - 8.0,
            money_short(pc.p50, &r.currency)
        );
    }
    // Axis labels at about five evenly spaced bin edges.
    let step = (r.histogram.len() / 5).max(1);
    for b in r.histogram.iter().step_by(step) {
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{}" font-size="11" text-anchor="middle" fill="#5a6275">{}</text>"##,
            x(b.low),
            h - 8.0,
            money_short(b.low, &r.currency)
        );
    }
    s.push_str("</svg>");
    s
}

/// One row per seniority: p10–p90 light, p25–p75 dark, the median as a tick.
pub fn bands_svg(r: &Insight, width: u32) -> String {
    let row = 30.0;
    let (label_w, right, top) = (90.0, 70.0, 8.0);
    let w = width.max(300) as f64;
    let h = top * 2.0 + row * r.by_seniority.len().max(1) as f64 + 16.0;
    let pw = w - label_w - right;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart bands" viewBox="0 0 {w} {h}" width="100%" role="img" aria-labelledby="bands-title" xmlns="http://www.w3.org/2000/svg"><title id="bands-title">Salary by seniority, {} per year: 10th–90th percentile, typical range and median</title>"#,
        esc(&r.currency)
    );
    if r.by_seniority.is_empty() {
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" text-anchor="middle">Not enough data per seniority</text></svg>"#,
            w / 2.0,
            h / 2.0
        );
        return s;
    }
    let lo = r
        .by_seniority
        .iter()
        .map(|b| b.percentiles.p10)
        .fold(f64::INFINITY, f64::min);
    let hi = r
        .by_seniority
        .iter()
        .map(|b| b.percentiles.p90)
        .fold(f64::NEG_INFINITY, f64::max);
    let span = (hi - lo).max(1.0);
    let x = |v: f64| label_w + (v - lo) / span * pw;
    for (i, b) in r.by_seniority.iter().enumerate() {
        let y = top + i as f64 * row;
        let p = &b.percentiles;
        let name = format!("{:?}", b.seniority);
        let _ = write!(
            s,
            r##"<g><title>{name}: median {}, typical {}–{}, {} listings</title><text x="0" y="{:.1}" font-size="13" fill="#1d2330">{name}</text><rect x="{:.1}" y="{:.1}" width="{:.1}" height="8" rx="4" fill="#c9d8f5"/><rect x="{:.1}" y="{:.1}" width="{:.1}" height="14" rx="3" fill="#1f5fbf"/><line x1="{:.1}" x2="{:.1}" y1="{:.1}" y2="{:.1}" stroke="#c2410c" stroke-width="3"/><text x="{:.1}" y="{:.1}" font-size="12" fill="#5a6275">{} ({})</text></g>"##,
            money_short(p.p50, &r.currency),
            money_short(p.p25, &r.currency),
            money_short(p.p75, &r.currency),
            b.count,
            y + 16.0,
            x(p.p10),
            y + 8.0,
            (x(p.p90) - x(p.p10)).max(1.0),
            x(p.p25),
            y + 5.0,
            (x(p.p75) - x(p.p25)).max(1.0),
            x(p.p50),
            x(p.p50),
            y + 2.0,
            y + 22.0,
            x(p.p90) + 6.0,
            y + 16.0,
            money_short(p.p50, &r.currency),
            b.count
        );
    }
    let _ = write!(
        s,
        r##"<text x="{label_w}" y="{:.1}" font-size="11" fill="#5a6275">{}</text><text x="{:.1}" y="{:.1}" font-size="11" text-anchor="end" fill="#5a6275">{}</text></svg>"##,
        h - 4.0,
        money_short(lo, &r.currency),
        label_w + pw,
        h - 4.0,
        money_short(hi, &r.currency)
    );
    s
}
