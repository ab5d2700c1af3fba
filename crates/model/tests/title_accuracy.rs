//! Accuracy of `normalize_title` on hand-labelled real titles
//! (tests/data/title_labelled.tsv: title, role_family, seniority (empty = none), track).
//!
//! The file has three parts, each opened by a comment line:
//! - dev: read while the rules were written;
//! - held-out A (`# held-out A`): labelled after the first rules, evaluated once, then used
//!   to find general bugs — so no longer unseen;
//! - held-out B (`# held-out B`): labelled after that, evaluated once; its mismatches were seen;
//! - held-out C (`# held-out C`): likewise, evaluated once, its mismatches seen;
//! - held-out D (`# held-out D`): labelled after the rules were frozen, never used for tuning.
//!
//! Accuracy is printed per part and for the whole set; the thresholds apply to the whole set
//! and, separately, to held-out D (the only part no rule was written against).
//! Run with `cargo test -p hirekit-model --test title_accuracy -- --nocapture`;
//! set TITLE_MISMATCHES=1 to print every mismatch.

use hirekit_model::title::normalize_title;
use hirekit_model::{RoleFamily, Seniority, Track};

struct Row {
    title: String,
    family: RoleFamily,
    seniority: Option<Seniority>,
    track: Track,
    /// 0 = dev, 1..=4 = held-out A..D.
    part: usize,
}

fn rows() -> Vec<Row> {
    let text = include_str!("data/title_labelled.tsv");
    let mut out = Vec::new();
    let mut part = 0;
    for (n, line) in text.lines().enumerate() {
        if let Some(rest) = line.strip_prefix("# held-out ") {
            part = match rest.as_bytes().first() {
                Some(b'A') => 1,
                Some(b'B') => 2,
                Some(b'C') => 3,
                Some(b'D') => 4,
                _ => panic!("line {}: unknown part {line:?}", n + 1),
            };
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "line {}: {line:?}", n + 1);
        let family = RoleFamily::parse(cols[1])
            .unwrap_or_else(|| panic!("line {}: family {:?}", n + 1, cols[1]));
        let seniority = if cols[2].is_empty() {
            None
        } else {
            Some(
                Seniority::parse(cols[2])
                    .unwrap_or_else(|| panic!("line {}: seniority {:?}", n + 1, cols[2])),
            )
        };
        let track =
            Track::parse(cols[3]).unwrap_or_else(|| panic!("line {}: track {:?}", n + 1, cols[3]));
        out.push(Row {
            title: cols[0].to_string(),
            family,
            seniority,
            track,
            part,
        });
    }
    out
}

#[derive(Default)]
struct Score {
    n: usize,
    family: usize,
    seniority: usize,
    track: usize,
}

impl Score {
    fn pct(x: usize, n: usize) -> f64 {
        if n == 0 {
            0.0
        } else {
            x as f64 / n as f64
        }
    }
    fn print(&self, name: &str) {
        println!(
            "{name:<9} n={:<4} role_family={:.3} seniority={:.3} track={:.3}",
            self.n,
            Self::pct(self.family, self.n),
            Self::pct(self.seniority, self.n),
            Self::pct(self.track, self.n)
        );
    }
}

fn sen(s: Option<Seniority>) -> &'static str {
    s.map_or("-", |s| s.as_str())
}

#[test]
fn title_accuracy() {
    let rows = rows();
    assert!(rows.len() >= 700, "labelled set too small: {}", rows.len());
    assert!(
        rows.iter().filter(|r| r.part > 0).count() >= 300,
        "held-out parts missing"
    );
    let show_all = std::env::var_os("TITLE_MISMATCHES").is_some();
    let mut parts: [Score; 5] = Default::default();
    let mut all = Score::default();
    for r in &rows {
        let got = normalize_title(&r.title);
        let ok_f = got.role_family == r.family;
        let ok_s = got.seniority == r.seniority;
        let ok_t = got.track == r.track;
        for s in [&mut parts[r.part], &mut all] {
            s.n += 1;
            s.family += ok_f as usize;
            s.seniority += ok_s as usize;
            s.track += ok_t as usize;
        }
        if !(ok_f && ok_s && ok_t) && (show_all || r.part == 0) {
            println!(
                "MISMATCH{} {:?}: want {}/{}/{} got {}/{}/{}",
                [
                    "",
                    "(held-out A)",
                    "(held-out B)",
                    "(held-out C)",
                    "(held-out D)"
                ][r.part],
                r.title,
                r.family.as_str(),
                sen(r.seniority),
                r.track.as_str(),
                got.role_family.as_str(),
                sen(got.seniority),
                got.track.as_str()
            );
        }
    }
    parts[0].print("dev");
    parts[1].print("held-A");
    parts[2].print("held-B");
    parts[3].print("held-C");
    parts[4].print("held-D");
    all.print("all");
    let f = Score::pct(all.family, all.n);
    let s = Score::pct(all.seniority, all.n);
    assert!(s >= 0.95, "seniority accuracy {s:.3} < 0.95");
    assert!(f >= 0.90, "role_family accuracy {f:.3} < 0.90");
    let d = &parts[4];
    assert!(d.n >= 200, "held-out D missing");
    let (fd, sd) = (Score::pct(d.family, d.n), Score::pct(d.seniority, d.n));
    assert!(sd >= 0.95, "held-out D seniority accuracy {sd:.3} < 0.95");
    assert!(fd >= 0.90, "held-out D role_family accuracy {fd:.3} < 0.90");
}
