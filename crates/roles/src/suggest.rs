//! "Did you mean": the role ids nearest to an unknown id, by edit distance on the slug and
//! title and by (fuzzy) word overlap, so `backnd-engineer`, `sre` and `ml-eng` all get help.

use crate::{slugify, Role};

const MAX: usize = 5;

/// Words nearly every role has: they count for little on their own.
const GENERIC: &[&str] = &[
    "engineer",
    "engineering",
    "developer",
    "manager",
    "of",
    "and",
];

pub fn close_matches(query: &str, roles: &[Role]) -> Vec<String> {
    let q = slugify(query);
    if q.is_empty() || q.len() > 200 {
        return Vec::new();
    }
    let q_words: Vec<&str> = q.split('-').collect();
    let mut scored: Vec<(f64, &str)> = Vec::new();
    for r in roles {
        let title = slugify(&r.title);
        let sim = similarity(&q, &r.id).max(similarity(&q, &title));
        let mut words: Vec<String> = r.id.split('-').map(str::to_string).collect();
        words.extend(title.split('-').map(str::to_string));
        // Short forms people type: "sre", "ml", "qa" are the initials of the slug.
        let initials: String = r.id.split('-').filter_map(|w| w.chars().next()).collect();
        words.push(initials);
        let overlap = word_overlap(&q_words, &words);
        let score = sim.max(overlap * 0.9);
        if sim >= 0.75 || overlap >= 0.5 {
            scored.push((score, r.id.as_str()));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(MAX)
        .map(|(_, id)| id.to_string())
        .collect()
}

fn weight(w: &str) -> f64 {
    if GENERIC.contains(&w) {
        0.3
    } else {
        1.0
    }
}

/// Weighted share of the query's words found (fuzzily) among the role's words.
fn word_overlap(query: &[&str], role: &[String]) -> f64 {
    let total: f64 = query.iter().map(|w| weight(w)).sum();
    if total == 0.0 {
        return 0.0;
    }
    let found: f64 = query
        .iter()
        .filter(|w| role.iter().any(|r| word_like(w, r)))
        .map(|w| weight(w))
        .sum();
    found / total
}

/// Same word, a prefix of at least 3 letters ("eng" → "engineer"), or one typo in a longer word.
fn word_like(q: &str, r: &str) -> bool {
    if q == r {
        return true;
    }
    if q.len() >= 3 && r.starts_with(q) {
        return true;
    }
    q.chars().count() >= 4 && levenshtein(q, r) <= 1
}

fn similarity(a: &str, b: &str) -> f64 {
    let n = a.chars().count().max(b.chars().count());
    if n == 0 {
        return 0.0;
    }
    1.0 - levenshtein(a, b) as f64 / n as f64
}

pub fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::levenshtein;

    #[test]
    fn edit_distance() {
        assert_eq!(levenshtein("backnd", "backend"), 1);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
    }
}
