//! Contact-field accuracy (name, email, phone, links, location) on real resume documents in
//! ../shared/data/resumes, against the hand-labelled gold set in tests/gold/contacts.tsv.
//! Skipped when the shared data is absent. See the figures with
//! `cargo test -p hirekit-resume --test contacts_eval -- --nocapture`.


mod common;

use hirekit_resume::{parse_file, Limits};


// ---- normalization (the gold file's header describes the same rules) ----

fn norm_email(s: &str) -> String {
    s.trim().to_lowercase()
}

fn norm_phone(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

fn norm_name(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn norm_link(s: &str) -> String {
    let s = s.trim().to_lowercase();
    let s = s.split(['?', '#']).next().unwrap_or("");
    let s = s
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.");
    s.trim_end_matches('/').to_string()
}

/// Lowercase words of letters and digits: "Tel-Aviv, Israel" → "tel aviv israel".
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A gold value matches a normalized prediction either in clear or as `sha256:<hex>`.
fn same(gold: &str, pred_norm: &str) -> bool {
    match gold.strip_prefix("sha256:") {
        Some(hex) => sha256_hex(pred_norm.as_bytes()) == hex,
        None => gold == pred_norm,
    }
}

// ---- scoring ----

#[derive(Default)]
struct Score {
    correct: usize,
    wrong: usize,
    missed: usize,
    false_pos: usize,
    true_neg: usize,
}

impl Score {
    fn add(
        &mut self,
        gold: Option<&str>,
        pred: Option<&str>,
        ok: impl Fn(&str, &str) -> bool,
    ) -> bool {
        match (gold, pred) {
            (Some(g), Some(p)) if ok(g, p) => self.correct += 1,
            (Some(_), Some(_)) => self.wrong += 1,
            (Some(_), None) => self.missed += 1,
            (None, Some(_)) => self.false_pos += 1,
            (None, None) => self.true_neg += 1,
        }
        match (gold, pred) {
            (Some(g), Some(p)) => ok(g, p),
            (None, None) => true,
            _ => false,
        }
    }
    fn n(&self) -> usize {
        self.correct + self.wrong + self.missed + self.false_pos + self.true_neg
    }
    /// Share of documents where the field is right, absent fields included.
    fn accuracy(&self) -> f64 {
        (self.correct + self.true_neg) as f64 / self.n().max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.correct as f64 / (self.correct + self.wrong + self.false_pos).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.correct as f64 / (self.correct + self.wrong + self.missed).max(1) as f64
    }
    fn print(&self, field: &str) {
        eprintln!(
            "{field:9} n={:3} correct={:3} wrong={:2} missed={:2} false_pos={:2} absent_ok={:3}  accuracy={:5.1}%  precision={:5.1}%  recall={:5.1}%",
            self.n(),
            self.correct,
            self.wrong,
            self.missed,
            self.false_pos,
            self.true_neg,
            100.0 * self.accuracy(),
            100.0 * self.precision(),
            100.0 * self.recall()
        );
    }
}

struct Gold {
    path: String,
    name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    links: Vec<String>,
    location: Option<String>,
}

fn read_gold() -> Vec<Gold> {
    let text = include_str!("gold/contacts.tsv");
    let cell = |s: Option<&str>| s.map(str::trim).filter(|s| !s.is_empty()).map(String::from);
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("path\t") && !l.trim().is_empty())
        .map(|l| {
            let mut c = l.split('\t');
            Gold {
                path: c.next().unwrap_or("").to_string(),
                name: cell(c.next()),
                email: cell(c.next()),
                phone: cell(c.next()),
                links: c
                    .next()
                    .unwrap_or("")
                    .split_whitespace()
                    .map(String::from)
                    .collect(),
                location: cell(c.next()),
            }
        })
        .collect()
}

/// Shows a prediction in failure lines unless its gold is hashed (real personal data).
fn show(gold: Option<&str>, pred: Option<&str>) -> String {
    if gold.is_some_and(|g| g.starts_with("sha256:")) {
        return format!("<hashed gold> vs {} chars", pred.map_or(0, str::len));
    }
    format!("{gold:?} vs {pred:?}")
}

#[test]
fn contact_fields_on_real_documents() {
    let Some(root) = common::shared_data() else { return };
    let gold = read_gold();
    assert!(gold.len() >= 70, "gold set truncated: {} rows", gold.len());
    let limits = Limits::default();
    let (mut name, mut email, mut phone, mut location) = (
        Score::default(),
        Score::default(),
        Score::default(),
        Score::default(),
    );
    let (mut link_tp, mut link_fp, mut link_missed, mut link_docs_ok) = (0, 0, 0, 0);
    let mut skipped = 0;
    for g in &gold {
        let path = root.join("resumes").join(&g.path);
        if !path.is_file() {
            eprintln!("missing {}", path.display());
            skipped += 1;
            continue;
        }
        let c = match parse_file(&path, &limits) {
            Ok(p) => p.profile.contact,
            Err(e) => {
                eprintln!("{}: parse error {e}", g.path);
                Default::default()
            }
        };
        let mut fails: Vec<String> = Vec::new();
        let pn = c.name.as_deref().map(norm_name);
        if !name.add(g.name.as_deref(), pn.as_deref(), |g, p| {
            same(
                &if g.starts_with("sha256:") {
                    g.to_string()
                } else {
                    norm_name(g)
                },
                p,
            )
        }) {
            fails.push(format!(
                "name {}",
                show(g.name.as_deref(), c.name.as_deref())
            ));
        }
        let pe = c.email.as_deref().map(norm_email);
        if !email.add(g.email.as_deref(), pe.as_deref(), |g, p| {
            same(
                &if g.starts_with("sha256:") {
                    g.to_string()
                } else {
                    norm_email(g)
                },
                p,
            )
        }) {
            fails.push(format!(
                "email {}",
                show(g.email.as_deref(), c.email.as_deref())
            ));
        }
        let pp = c.phone.as_deref().map(norm_phone);
        if !phone.add(g.phone.as_deref(), pp.as_deref(), |g, p| {
            same(
                &if g.starts_with("sha256:") {
                    g.to_string()
                } else {
                    norm_phone(g)
                },
                p,
            )
        }) {
            fails.push(format!(
                "phone {}",
                show(g.phone.as_deref(), c.phone.as_deref())
            ));
        }
        // The gold's first comma-separated part (the city) must appear in the prediction.
        if !location.add(g.location.as_deref(), c.location.as_deref(), |g, p| {
            let city = fold(g.split(',').next().unwrap_or(g));
            !city.is_empty() && format!(" {} ", fold(p)).contains(&format!(" {city} "))
        }) {
            fails.push(format!(
                "location {}",
                show(g.location.as_deref(), c.location.as_deref())
            ));
        }
        // Links: each predicted link is right or a false positive; each gold link found or missed.
        let pred: Vec<String> = c.links.iter().map(|l| norm_link(l)).collect();
        let hit = |gl: &str| pred.iter().any(|p| same(gl, p));
        let found = g.links.iter().filter(|gl| hit(gl)).count();
        let extra: Vec<&String> = pred
            .iter()
            .filter(|p| !g.links.iter().any(|gl| same(gl, p)))
            .collect();
        link_tp += found;
        link_missed += g.links.len() - found;
        link_fp += extra.len();
        if found == g.links.len() && extra.is_empty() {
            link_docs_ok += 1;
        } else {
            let hashed = g.links.iter().any(|l| l.starts_with("sha256:"));
            fails.push(format!(
                "links missed {} extra {}",
                g.links.len() - found,
                if hashed {
                    format!("{} (hashed gold)", extra.len())
                } else {
                    format!("{extra:?}")
                }
            ));
        }
        if !fails.is_empty() {
            eprintln!("  {}: {}", g.path, fails.join("; "));
        }
    }
    let docs = gold.len() - skipped;
    if docs == 0 {
        eprintln!("skipping contacts_eval: none of the gold documents is present");
        return;
    }
    eprintln!("contact fields on {docs} real documents (tests/gold/contacts.tsv):");
    name.print("name");
    email.print("email");
    phone.print("phone");
    location.print("location");
    let lp = link_tp as f64 / (link_tp + link_fp).max(1) as f64;
    let lr = link_tp as f64 / (link_tp + link_missed).max(1) as f64;
    eprintln!(
        "links     found={link_tp} missed={link_missed} false_pos={link_fp}  documents all right={link_docs_ok}/{docs}  precision={:5.1}%  recall={:5.1}%",
        100.0 * lp,
        100.0 * lr
    );
    if skipped > 0 {
        eprintln!("({skipped} gold documents missing: floors not checked)");
        return;
    }
    // Floors the parser meets today; a drop below them is a regression.
    assert!(
        email.accuracy() >= FLOOR_EMAIL,
        "email accuracy {:.3}",
        email.accuracy()
    );
    assert!(
        phone.accuracy() >= FLOOR_PHONE,
        "phone accuracy {:.3}",
        phone.accuracy()
    );
    assert!(
        name.accuracy() >= FLOOR_NAME,
        "name accuracy {:.3}",
        name.accuracy()
    );
    assert!(
        location.accuracy() >= FLOOR_LOCATION,
        "location accuracy {:.3}",
        location.accuracy()
    );
    assert!(lp >= FLOOR_LINK_PRECISION, "link precision {lp:.3}");
    assert!(lr >= FLOOR_LINK_RECALL, "link recall {lr:.3}");
}

// Floors a little under today's figures (73 documents: one document is 1.4 points). Today:
// name 95.9%, email 100%, phone 100%, location 89.0%, links precision 94.1% / recall 84.2%
// (hyperlink targets included).
const FLOOR_EMAIL: f64 = 0.95;
const FLOOR_PHONE: f64 = 0.95;
const FLOOR_NAME: f64 = 0.90;
const FLOOR_LOCATION: f64 = 0.85;
const FLOOR_LINK_PRECISION: f64 = 0.88;
const FLOOR_LINK_RECALL: f64 = 0.75;

fn sha256_hex(data: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(data).iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn sha256_known_vector() {
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}
