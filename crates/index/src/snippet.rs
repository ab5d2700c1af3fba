//! Highlighted description excerpts. Matching mirrors the query: exact words, typos within
//! the same distance, and the last word as a prefix.

use crate::query::{typo_distance, within_distance};
use crate::tokenizer::{fold_into, next_span};

/// Excerpt length in bytes (about two lines).
const WINDOW: usize = 220;
/// Context kept before the first highlighted word.
const LEAD: usize = 50;
/// Only the start of very long descriptions is scanned.
const SCAN: usize = 12_000;

fn matches(tok: &str, q: &str, prefix: bool) -> bool {
    if tok == q || (prefix && tok.starts_with(q)) {
        return true;
    }
    let d = typo_distance(q) as usize;
    d > 0 && tok.len().abs_diff(q.len()) <= d && within_distance(tok, q, d)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

pub fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
}

/// An escaped excerpt of `text` around the densest cluster of query words, each in `<mark>`.
/// Without matches, the beginning of the text. None for an empty text.
pub fn snippet(text: &str, query: &[(String, bool)]) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let scan = &text[..floor_boundary(text, SCAN)];
    let mut hits: Vec<(usize, usize, usize)> = Vec::new(); // (from, to, which query word)
    if !query.is_empty() {
        // Folded words reuse one buffer; scanning stops once a window holds every word.
        let mut folded = String::new();
        let mut at = 0;
        let mut last_seen = vec![usize::MAX; query.len()];
        while let Some((a, b)) = next_span(scan, at) {
            at = b;
            let word = &scan[a..b];
            if word.len() > 40 {
                continue;
            }
            folded.clear();
            fold_into(word, &mut folded);
            if let Some(w) = query.iter().position(|(q, p)| matches(&folded, q, *p)) {
                hits.push((a, b, w));
                last_seen[w] = a;
                let all_near = last_seen
                    .iter()
                    .all(|&s| s != usize::MAX && s + WINDOW - LEAD >= a);
                if all_near {
                    break;
                }
            }
        }
    }
    // the window start covering the most distinct words
    let mut best: Option<(usize, usize)> = None; // (distinct, start)
    for (i, &(a, _, _)) in hits.iter().enumerate() {
        let mut seen = vec![false; query.len()];
        for &(b, e, w) in &hits[i..] {
            if e > a + WINDOW - LEAD || b < a {
                break;
            }
            seen[w] = true;
        }
        let n = seen.iter().filter(|x| **x).count();
        if best.is_none_or(|(m, _)| n > m) {
            best = Some((n, a));
        }
    }
    let start = match best {
        Some((_, a)) if a > LEAD => {
            // begin at a word boundary before the first match
            let s = floor_boundary(scan, a - LEAD);
            scan[s..a].find(' ').map_or(s, |sp| s + sp + 1)
        }
        _ => 0,
    };
    let end = {
        let e = floor_boundary(text, start + WINDOW);
        if e < text.len() {
            text[start..e]
                .rfind(' ')
                .map_or(e, |sp| start + sp)
                .max(start + 1)
        } else {
            e
        }
    };
    let end = floor_boundary(text, end.max(start));
    let mut out = String::with_capacity(WINDOW + 64);
    if start > 0 {
        out.push('…');
    }
    let mut at = start;
    for &(a, b, _) in hits.iter().filter(|(a, b, _)| *a >= start && *b <= end) {
        escape_into(&text[at..a], &mut out);
        out.push_str("<mark>");
        escape_into(&text[a..b], &mut out);
        out.push_str("</mark>");
        at = b;
    }
    escape_into(&text[at..end], &mut out);
    if end < text.len() {
        out.push('…');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_matches_and_escapes() {
        let q = vec![
            ("kubernetes".to_string(), false),
            ("rust".to_string(), false),
        ];
        let s = snippet("We run <b>Kubernetes</b> & write Rust daily.", &q).expect("some");
        assert_eq!(s, "We run &lt;b&gt;<mark>Kubernetes</mark>&lt;/b&gt; &amp; write <mark>Rust</mark> daily.");
        let long = format!(
            "{} the Kuberntes cluster {}",
            "intro ".repeat(100),
            "tail ".repeat(100)
        );
        let s = snippet(&long, &q).expect("some");
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("<mark>Kuberntes</mark>"), "{s}");
        let s = snippet("Kubectl and more", &[("kube".to_string(), true)]).expect("some");
        assert!(s.contains("<mark>Kubectl</mark>"));
        assert_eq!(snippet("  ", &q), None);
    }
}
