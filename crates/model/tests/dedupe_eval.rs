//! Precision and recall of `dedupe::fingerprint` on hand-labelled pairs of real postings
//! (tests/data/dedupe_pairs.tsv).
//!
//! Each row is two items read from the real job lists (Simplify intern/new-grad lists,
//! Greenhouse/Lever boards, the Ashby/Greenhouse startup export) and a label saying whether they
//! are the same job: `same` pairs mostly share an ATS job id (or are the same listing in the
//! same term with cosmetic differences); `different` pairs are same-company near misses
//! (other city, level, team, term, intern vs full-time). Labels were given by reading each pair,
//! never from the fingerprint.
//!
//! Columns: label, company_a, title_a, location_a, company_b, title_b, location_b, note.
//! Locations hold one or more location strings joined by " | ". Parts, each opened by a comment:
//! - dev (Simplify/ATS pairs) — the rules were written against it;
//! - `# held-out A`: split off at random before any rule was tuned, but its mismatches were
//!   printed while choosing between rules;
//! - `# held-out B`: reposts in HN "Who is hiring" threads (another source and era), labelled
//!   after the rules were frozen and evaluated once.
//!
//! Figures are printed per part; the thresholds apply to the whole set.
//!
//! Run: `cargo test -p hirekit-model --test dedupe_eval -- --nocapture`
//! (DEDUPE_MISMATCHES=1 prints every mismatch with both fingerprints).

use hirekit_model::dedupe::fingerprint;
use hirekit_model::normalize::normalize;
use hirekit_model::SourcePosting;

struct Pair {
    same: bool,
    a: SourcePosting,
    b: SourcePosting,
    note: String,
    /// 0 = dev, 1 = held-out A, 2 = held-out B.
    part: usize,
    line: usize,
}

fn item(company: &str, title: &str, locations: &str) -> SourcePosting {
    SourcePosting {
        title: title.to_string(),
        company: Some(company.to_string()),
        locations: locations
            .split(" | ")
            .map(str::to_string)
            .filter(|l| !l.trim().is_empty())
            .collect(),
        ..Default::default()
    }
}

fn pairs() -> Vec<Pair> {
    let text = include_str!("data/dedupe_pairs.tsv");
    let mut out = Vec::new();
    let mut part = 0;
    for (n, line) in text.lines().enumerate().skip(1) {
        if let Some(rest) = line.strip_prefix("# held-out ") {
            part = match rest.as_bytes().first() {
                Some(b'A') => 1,
                Some(b'B') => 2,
                _ => panic!("line {}: unknown part {line:?}", n + 1),
            };
            continue;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 8, "line {}: expected 8 columns", n + 1);
        let same = match f[0] {
            "same" => true,
            "different" => false,
            other => panic!("line {}: bad label {other:?}", n + 1),
        };
        out.push(Pair {
            same,
            a: item(f[1], f[2], f[3]),
            b: item(f[4], f[5], f[6]),
            note: f[7].to_string(),
            part,
            line: n + 1,
        });
    }
    out
}

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn show(&self, name: &str) {
        println!(
            "{name:>10}: precision {:.3} recall {:.3}  (tp {} fp {} fn {} tn {})",
            self.precision(),
            self.recall(),
            self.tp,
            self.fp,
            self.fn_,
            self.tn
        );
    }
}

#[test]
fn dedupe_precision_and_recall() {
    let pairs = pairs();
    assert!(
        pairs.len() >= 300,
        "need at least 300 labelled pairs, have {}",
        pairs.len()
    );
    let verbose = std::env::var_os("DEDUPE_MISMATCHES").is_some();
    let mut all = Counts::default();
    let mut parts = [Counts::default(), Counts::default(), Counts::default()];
    let mut fps = Vec::new();
    let mut fns = Vec::new();
    for p in &pairs {
        let fa = fingerprint(&normalize(&p.a));
        let fb = fingerprint(&normalize(&p.b));
        let predicted = fa == fb;
        for c in [&mut all, &mut parts[p.part]] {
            match (p.same, predicted) {
                (true, true) => c.tp += 1,
                (false, true) => c.fp += 1,
                (true, false) => c.fn_ += 1,
                (false, false) => c.tn += 1,
            }
        }
        if predicted != p.same {
            let msg = format!("  line {} [{}]\n    a: {fa}\n    b: {fb}", p.line, p.note);
            if p.same {
                fns.push(msg)
            } else {
                fps.push(msg)
            }
        }
    }
    println!("dedupe eval: {} pairs", pairs.len());
    for (c, name) in parts.iter().zip(["dev", "held-out A", "held-out B"]) {
        c.show(name);
    }
    all.show("all");
    println!("false merges ({}):", fps.len());
    for m in &fps {
        println!("{m}");
    }
    println!("missed merges ({}):", fns.len());
    for m in fns.iter().take(if verbose { usize::MAX } else { 40 }) {
        println!("{m}");
    }
    // Precision is the target (a false merge hides a job). Recall is held at what the rules
    // reach on the whole set (0.836 when written, below the 0.85 aimed for; misses listed above).
    assert!(
        all.precision() >= 0.95,
        "precision {:.3} < 0.95",
        all.precision()
    );
    assert!(all.recall() >= 0.80, "recall {:.3} < 0.80", all.recall());
}
