//! Small text helpers shared by matching, BM25 and evidence: tokens, word-bounded search,
//! snippets. All offsets are byte offsets into the original text; the lowercase copies used
//! for matching are ASCII-lowercased, so they keep the same offsets.

use serde::Serialize;

/// ASCII-lowercased copy: same length and offsets as the input.
pub fn lower(text: &str) -> String {
    text.to_ascii_lowercase()
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Calls `f(start, end)` for each token of an ASCII-lowercased text: runs of letters/digits
/// (non-ASCII bytes count as letters), with trailing `+`/`#` kept ("c++", "c#").
pub fn for_each_token(lower: &[u8], mut f: impl FnMut(usize, usize)) {
    let n = lower.len();
    let mut i = 0;
    while i < n {
        if !is_word(lower[i]) {
            i += 1;
            continue;
        }
        let s = i;
        while i < n && is_word(lower[i]) {
            i += 1;
        }
        while i < n && (lower[i] == b'+' || lower[i] == b'#') && i - s < 40 {
            i += 1;
        }
        f(s, i);
    }
}

/// Hash of a token after a light English stem (plural "s"/"ies" only): enough to make
/// "databases" meet "database" without the surprises of a full stemmer.
pub fn term_key(tok: &[u8]) -> u64 {
    let n = tok.len();
    if n > 4 && tok.ends_with(b"ies") {
        let mut buf = [0u8; 64];
        if n - 2 <= buf.len() {
            buf[..n - 3].copy_from_slice(&tok[..n - 3]);
            buf[n - 3] = b'y';
            return xxhash_rust::xxh3::xxh3_64(&buf[..n - 2]);
        }
    }
    if n > 3
        && tok[n - 1] == b's'
        && !matches!(tok[n - 2], b's' | b'u' | b'i')
        && tok[n - 2].is_ascii_alphabetic()
    {
        return xxhash_rust::xxh3::xxh3_64(&tok[..n - 1]);
    }
    xxhash_rust::xxh3::xxh3_64(tok)
}

/// Common English words that carry no signal about fit.
pub const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "being",
    "both",
    "but",
    "by",
    "can",
    "could",
    "do",
    "does",
    "each",
    "etc",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "may",
    "more",
    "most",
    "must",
    "my",
    "no",
    "not",
    "of",
    "on",
    "or",
    "other",
    "our",
    "out",
    "over",
    "per",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "under",
    "up",
    "us",
    "very",
    "was",
    "we",
    "well",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "will",
    "with",
    "within",
    "would",
    "you",
    "your",
    "able",
    "ability",
    "including",
    "work",
    "working",
    "job",
    "role",
    "position",
    "candidate",
    "company",
    "team",
    "year",
    "years",
    "experience",
    "strong",
    "good",
    "excellent",
    "knowledge",
    "skills",
    "skill",
    "responsibilities",
    "requirements",
    "required",
    "preferred",
    "plus",
    "new",
    "using",
    "use",
    "based",
    "across",
];

/// Word-bounded occurrences of `needle` (already lowercase) in `hay` (ASCII-lowercased).
pub fn find_word_all(hay: &str, needle: &str, limit: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if needle.is_empty() || needle.len() > hay.len() {
        return out;
    }
    let h = hay.as_bytes();
    let nb = needle.as_bytes();
    let first_wordish = is_word(nb[0]);
    let last_wordish = is_word(nb[nb.len() - 1]);
    for s in memchr::memmem::find_iter(h, nb) {
        let e = s + nb.len();
        let left_ok = s == 0 || !first_wordish || !is_word(h[s - 1]);
        let right_ok = e >= h.len()
            || !last_wordish
            || !(is_word(h[e]) || h[e] == b'+' || h[e] == b'#')
            // plural "apis", "microservices": accept a trailing s
            || (h[e] == b's' && (e + 1 >= h.len() || !is_word(h[e + 1])));
        if left_ok && right_ok {
            let e = if e < h.len() && h[e] == b's' && last_wordish {
                e + 1
            } else {
                e
            };
            out.push((s, e));
            if out.len() >= limit {
                break;
            }
        }
    }
    out
}

/// A piece of resume text shown as evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snippet {
    /// The matched text with up to ~60 characters of context each side ("…" where cut).
    pub text: String,
    /// Byte offsets of the match itself in the resume text (`text[start..end]`).
    pub start: usize,
    pub end: usize,
}

/// How much context each side of a match a snippet shows, in characters.
pub const CONTEXT_CHARS: usize = 60;

pub fn snippet(text: &str, start: usize, end: usize) -> Option<Snippet> {
    if start > end
        || end > text.len()
        || !text.is_char_boundary(start)
        || !text.is_char_boundary(end)
    {
        return None;
    }
    let mut a = start;
    for _ in 0..CONTEXT_CHARS {
        match text[..a].chars().next_back() {
            Some(c) => a -= c.len_utf8(),
            None => break,
        }
    }
    let mut b = end;
    for _ in 0..CONTEXT_CHARS {
        match text[b..].chars().next() {
            Some(c) => b += c.len_utf8(),
            None => break,
        }
    }
    let body: String = text[a..b]
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let mut shown = String::with_capacity(body.len() + 8);
    if a > 0 {
        shown.push('…');
    }
    shown.push_str(body.trim());
    if b < text.len() {
        shown.push('…');
    }
    Some(Snippet {
        text: shown,
        start,
        end,
    })
}

/// Shingles (hashed word 5-grams) of a text, for near-duplicate detection.
pub fn shingles(lower: &str) -> Vec<u64> {
    let mut toks: Vec<u64> = Vec::new();
    for_each_token(lower.as_bytes(), |s, e| {
        toks.push(xxhash_rust::xxh3::xxh3_64(&lower.as_bytes()[s..e]));
    });
    let mut out: Vec<u64> = if toks.len() < 5 {
        toks
    } else {
        toks.windows(5)
            .map(|w| {
                w.iter().fold(0u64, |h, t| {
                    h.rotate_left(13) ^ t.wrapping_mul(0x9e37_79b9_7f4a_7c15)
                })
            })
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// Jaccard similarity of two sorted, deduplicated sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    inter as f32 / (a.len() + b.len() - inter) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_cpp_and_csharp() {
        let t = lower("Used C++, C# and Node.js.");
        let mut v = Vec::new();
        for_each_token(t.as_bytes(), |s, e| v.push(t[s..e].to_string()));
        assert_eq!(v, ["used", "c++", "c#", "and", "node", "js"]);
    }

    #[test]
    fn plural_and_singular_share_a_key() {
        assert_eq!(term_key(b"databases"), term_key(b"database"));
        assert_eq!(term_key(b"technologies"), term_key(b"technology"));
        assert_ne!(term_key(b"class"), term_key(b"clas"));
    }

    #[test]
    fn word_search_respects_boundaries() {
        let h = lower("Java and JavaScript; javas");
        assert_eq!(find_word_all(&h, "java", 10), vec![(0, 4), (21, 26)]);
    }

    #[test]
    fn snippet_points_at_match() {
        let t = "x".repeat(100) + "Kafka" + &"y".repeat(100);
        let s = snippet(&t, 100, 105).unwrap();
        assert_eq!(&t[s.start..s.end], "Kafka");
        assert!(s.text.starts_with('…') && s.text.ends_with('…'));
        assert!(s.text.contains("Kafka"));
    }
}
