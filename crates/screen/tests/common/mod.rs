//! Helpers shared by the evaluations: a minimal CSV reader, the TF-IDF cosine baseline,
//! ranking metrics, a seeded random-ranking baseline and a paired bootstrap.
#![allow(dead_code)]

use std::collections::HashMap;
#[cfg(feature = "embeddings")]
use std::path::PathBuf;

/// The MiniLM model when built with `--features embeddings` and HIREKIT_EMBEDDING_MODEL
/// names its folder (see `find_model_dir`); otherwise none, and only the no-embedding
/// ranking is evaluated.
#[cfg(feature = "embeddings")]
pub fn embedder() -> Option<std::sync::Arc<dyn hirekit_screen::Embedder>> {
    let Ok(dir) = std::env::var("HIREKIT_EMBEDDING_MODEL") else {
        eprintln!("no HIREKIT_EMBEDDING_MODEL: evaluating without embeddings only");
        return None;
    };
    match hirekit_screen::MiniLm::load(std::path::Path::new(&dir)) {
        // HIREKIT_EVAL_CACHE: a folder to keep the vectors in between runs.
        Ok(m) => Some(std::sync::Arc::new(hirekit_screen::Cached::new(
            std::sync::Arc::new(m),
            std::env::var("HIREKIT_EVAL_CACHE").ok().map(PathBuf::from),
        ))),
        Err(e) => {
            eprintln!("model not loaded from {dir}: {e:#}");
            None
        }
    }
}
#[cfg(not(feature = "embeddings"))]
pub fn embedder() -> Option<std::sync::Arc<dyn hirekit_screen::Embedder>> {
    eprintln!("built without the `embeddings` feature: evaluating without embeddings only");
    None
}

/// Minimal CSV (quoted fields, doubled quotes, newlines inside quotes).
pub fn csv_rows(s: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field, mut q) = (vec![], vec![], String::new(), false);
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match (c, q) {
            ('"', true) if it.peek() == Some(&'"') => {
                field.push('"');
                it.next();
            }
            ('"', _) => q = !q,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// TF-IDF (sklearn defaults: tokens of 2+ word chars, smooth idf, l2) cosine.
pub struct Tfidf {
    idf: HashMap<String, f32>,
}
pub fn toks(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_string)
        .collect()
}
impl Tfidf {
    pub fn fit(docs: &[&str]) -> Self {
        let mut df: HashMap<String, f32> = HashMap::new();
        for d in docs {
            let mut t = toks(d);
            t.sort();
            t.dedup();
            for w in t {
                *df.entry(w).or_default() += 1.0;
            }
        }
        let n = docs.len() as f32;
        Tfidf {
            idf: df
                .into_iter()
                .map(|(w, d)| (w, ((1.0 + n) / (1.0 + d)).ln() + 1.0))
                .collect(),
        }
    }
    pub fn vec(&self, s: &str) -> HashMap<String, f32> {
        let mut v: HashMap<String, f32> = HashMap::new();
        for w in toks(s) {
            *v.entry(w).or_default() += 1.0;
        }
        for (w, x) in v.iter_mut() {
            *x *= self.idf.get(w).copied().unwrap_or(0.0);
        }
        let n = v.values().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
        v.values_mut().for_each(|x| *x /= n);
        v
    }
}
pub fn cos(a: &HashMap<String, f32>, b: &HashMap<String, f32>) -> f32 {
    a.iter()
        .map(|(w, x)| x * b.get(w).copied().unwrap_or(0.0))
        .sum()
}

pub fn ndcg(order: &[usize], rel: &[f32], k: usize) -> f32 {
    let dcg = |o: &mut dyn Iterator<Item = f32>| -> f32 {
        o.take(k)
            .enumerate()
            .map(|(i, r)| r / ((i + 2) as f32).log2())
            .sum()
    };
    let mut ideal: Vec<f32> = rel.to_vec();
    ideal.sort_by(|a, b| b.total_cmp(a));
    let idcg = dcg(&mut ideal.into_iter());
    if idcg == 0.0 {
        return 0.0;
    }
    dcg(&mut order.iter().map(|&i| rel[i])) / idcg
}

/// Kendall τ-b between two score vectors (ties handled).
pub fn kendall(a: &[f32], b: &[f32]) -> f32 {
    let (mut c, mut d, mut ta, mut tb) = (0f32, 0f32, 0f32, 0f32);
    for i in 0..a.len() {
        for j in i + 1..a.len() {
            let x = (a[i] - a[j]).signum();
            let y = (b[i] - b[j]).signum();
            if x == 0.0 && y == 0.0 {
            } else if x == 0.0 {
                ta += 1.0;
            } else if y == 0.0 {
                tb += 1.0;
            } else if x == y {
                c += 1.0;
            } else {
                d += 1.0;
            }
        }
    }
    let den = ((c + d + ta) * (c + d + tb)).sqrt();
    if den == 0.0 {
        0.0
    } else {
        (c - d) / den
    }
}

pub fn order_by(key: &[f32]) -> Vec<usize> {
    let mut o: Vec<usize> = (0..key.len()).collect();
    o.sort_by(|&i, &j| key[j].total_cmp(&key[i]).then(i.cmp(&j)));
    o
}

/// A small seeded generator (xorshift64*), so the random baseline is the same every run.
pub struct Rng(u64);
impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn unit(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// Mean and 95% interval of the mean of paired differences `d` (bootstrap over the items,
/// 2,000 resamples): an interval that contains 0 means the two systems are not told apart.
pub fn bootstrap_mean_ci(d: &[f32], seed: u64) -> (f32, f32, f32) {
    let n = d.len();
    let mean = d.iter().sum::<f32>() / n.max(1) as f32;
    if n == 0 {
        return (0.0, 0.0, 0.0);
    }
    let mut rng = Rng::new(seed);
    let mut means: Vec<f32> = (0..2000)
        .map(|_| (0..n).map(|_| d[rng.below(n)]).sum::<f32>() / n as f32)
        .collect();
    means.sort_by(f32::total_cmp);
    (mean, means[50], means[1949])
}

/// ../shared/data (relative to the workspace root), or HIREKIT_SHARED_DATA.
pub fn data_dir() -> std::path::PathBuf {
    std::env::var("HIREKIT_SHARED_DATA")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| {
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
        })
}

/// Real postings with a description, per source in a fixed order: (source, title, plain-text
/// description) from the LinkedIn 2023–24 sample, the Greenhouse/Lever boards 2025 and the
/// Adzuna UK 2013 sample. A missing file gives no rows.
pub fn job_postings(dir: &std::path::Path) -> Vec<(&'static str, String, String)> {
    use hirekit_model::text::{decode_entities, html_to_text};
    let read = |p: std::path::PathBuf| {
        std::fs::read_to_string(p)
            .map(|s| s.trim_start_matches('\u{feff}').to_string())
            .unwrap_or_default()
    };
    let table = |src: &'static str, s: &str, title: &str, desc: &str| {
        let rows = csv_rows(s);
        let Some(head) = rows.first() else {
            return vec![];
        };
        let (Some(t), Some(d)) = (
            head.iter().position(|h| h == title),
            head.iter().position(|h| h == desc),
        ) else {
            return vec![];
        };
        rows[1..]
            .iter()
            .filter(|r| r.len() > t.max(d))
            .map(|r| (src, r[t].clone(), r[d].clone()))
            .collect::<Vec<_>>()
    };
    let mut out = table(
        "linkedin",
        &read(dir.join("jobs/linkedin_2023_2024_sample_1000.csv")),
        "title",
        "description",
    );
    let gh = read(dir.join("jobs/greenhouse_lever_board_jobs_2025_11_480.json"));
    if let Ok(serde_json::Value::Array(a)) = serde_json::from_str::<serde_json::Value>(&gh) {
        for j in a {
            let t = j["title"].as_str().unwrap_or_default().to_string();
            // Greenhouse HTML arrives entity-encoded twice.
            let d = html_to_text(&decode_entities(
                j["description"].as_str().unwrap_or_default(),
            ));
            out.push(("greenhouse", t, d));
        }
    }
    out.extend(table(
        "adzuna",
        &read(dir.join("jobs/adzuna_uk_2013_sample_2499.csv")),
        "Title",
        "FullDescription",
    ));
    out
}

/// Average precision of a ranking (`order`: item indices, best first) for binary relevance.
pub fn ap(order: &[usize], rel: &[bool]) -> f32 {
    let (mut hits, mut sum) = (0f32, 0f32);
    for (i, &d) in order.iter().enumerate() {
        if rel[d] {
            hits += 1.0;
            sum += hits / (i + 1) as f32;
        }
    }
    let n = rel.iter().filter(|&&r| r).count() as f32;
    if n == 0.0 {
        0.0
    } else {
        sum / n
    }
}

/// Per-query NDCG@10, precision@10 and average precision of one system.
#[derive(Default)]
pub struct Scores {
    pub ndcg: Vec<f32>,
    pub p10: Vec<f32>,
    pub ap: Vec<f32>,
}
impl Scores {
    /// One query: `key` is the system's score per item (higher first).
    pub fn push(&mut self, key: &[f32], rel: &[bool]) {
        let o = order_by(key);
        let g: Vec<f32> = rel.iter().map(|&r| r as u8 as f32).collect();
        self.ndcg.push(ndcg(&o, &g, 10));
        self.p10
            .push(o.iter().take(10).filter(|&&i| rel[i]).count() as f32 / 10.0);
        self.ap.push(ap(&o, rel));
    }
}
pub fn mean(v: &[f32]) -> f32 {
    v.iter().sum::<f32>() / v.len().max(1) as f32
}
