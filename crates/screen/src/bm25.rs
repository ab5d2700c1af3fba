//! BM25 of each resume against the job, with IDF computed over the batch being ranked, so
//! scores compare candidates of one ranking (k1 = 1.2, b = 0.75).

use crate::text::{for_each_token, term_key, STOPWORDS};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Keys are already xxh3 hashes: hash them as themselves.
#[derive(Default)]
pub struct IdHasher(u64);
impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

fn stop_keys() -> &'static IdMap<()> {
    static S: OnceLock<IdMap<()>> = OnceLock::new();
    S.get_or_init(|| {
        STOPWORDS
            .iter()
            .map(|w| (term_key(w.as_bytes()), ()))
            .collect()
    })
}

/// The job as a weighted bag of terms.
pub struct Query {
    index: IdMap<usize>,
    weights: Vec<f32>,
}

impl Query {
    /// `texts`: (text, weight per occurrence before saturation). Repeated terms saturate as
    /// 1 + ln(count) so a long job description does not drown the criteria.
    pub fn build(texts: &[(&str, f32)]) -> Query {
        let stops = stop_keys();
        let mut raw: IdMap<f32> = IdMap::default();
        for (t, w) in texts {
            let lower = t.to_ascii_lowercase();
            let mut counts: IdMap<f32> = IdMap::default();
            for_each_token(lower.as_bytes(), |s, e| {
                let tok = &lower.as_bytes()[s..e];
                // Lone digits and one-letter words say little ("5 years", "a").
                if tok.len() < 2 && !tok[0].is_ascii_alphabetic() {
                    return;
                }
                let k = term_key(tok);
                if !stops.contains_key(&k) {
                    *counts.entry(k).or_default() += 1.0;
                }
            });
            for (k, c) in counts {
                *raw.entry(k).or_default() += w * (1.0 + c.ln());
            }
        }
        let mut index = IdMap::default();
        let mut weights = Vec::with_capacity(raw.len());
        let mut keys: Vec<_> = raw.into_iter().collect();
        keys.sort_by_key(|(k, _)| *k); // deterministic order
        for (k, w) in keys {
            index.insert(k, weights.len());
            weights.push(w);
        }
        Query { index, weights }
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

/// One document's counts of the query's terms.
pub struct DocStats {
    /// (query term index, count), sorted by index.
    counts: Vec<(u32, u32)>,
    len: u32,
}

pub fn doc_stats(q: &Query, lower: &str) -> DocStats {
    let mut counts: Vec<(u32, u32)> = Vec::new();
    let mut len = 0u32;
    let b = lower.as_bytes();
    for_each_token(b, |s, e| {
        len += 1;
        if let Some(&i) = q.index.get(&term_key(&b[s..e])) {
            counts.push((i as u32, 1));
        }
    });
    counts.sort_unstable_by_key(|c| c.0);
    counts.dedup_by(|next, prev| {
        if next.0 == prev.0 {
            prev.1 += next.1;
            true
        } else {
            false
        }
    });
    DocStats { counts, len }
}

/// Raw BM25 score of every document (IDF over these documents), and the score of `reference`
/// (the job's own text as a document) with the same statistics, for normalization.
pub fn score_all(q: &Query, docs: &[&DocStats], reference: &DocStats) -> (Vec<f32>, f32) {
    let n = docs.len() as f32;
    if docs.is_empty() {
        return (vec![], 0.0);
    }
    let mut df = vec![0u32; q.weights.len()];
    let mut total_len = 0f64;
    for d in docs {
        total_len += d.len as f64;
        for (i, _) in &d.counts {
            df[*i as usize] += 1;
        }
    }
    let avg = (total_len / docs.len() as f64).max(1.0) as f32;
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| {
            let d = d as f32;
            (1.0 + (n - d + 0.5) / (d + 0.5)).ln()
        })
        .collect();
    let score = |d: &DocStats| -> f32 {
        let norm = K1 * (1.0 - B + B * d.len as f32 / avg);
        d.counts
            .iter()
            .map(|&(i, c)| {
                let tf = c as f32;
                q.weights[i as usize] * idf[i as usize] * tf * (K1 + 1.0) / (tf + norm)
            })
            .sum()
    };
    (docs.iter().map(|d| score(d)).collect(), score(reference))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matching_document_scores_higher() {
        let q = Query::build(&[("Rust developer with Kafka", 1.0)]);
        let docs: Vec<DocStats> = [
            "rust and kafka at scale, rust services",
            "java developer, spring",
            "gardening and cooking",
        ]
        .iter()
        .map(|t| doc_stats(&q, t))
        .collect();
        let refs: Vec<&DocStats> = docs.iter().collect();
        let (s, _) = score_all(&q, &refs, &doc_stats(&q, "rust developer with kafka"));
        assert!(s[0] > s[1] && s[1] > s[2], "{s:?}");
        assert_eq!(s[2], 0.0);
    }
}
