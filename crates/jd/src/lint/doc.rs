//! Whole-document rules: requirement count, location and employment type statements,
//! length, readability, all-caps shouting.
use std::sync::LazyLock;

use regex::Regex;

/// Byte spans of the lines of `t` (without the newline).
fn lines(t: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    t.split('\n').map(move |l| {
        let s = pos;
        pos += l.len() + 1;
        (s, l)
    })
}

fn is_bullet(l: &str) -> bool {
    let t = l.trim_start();
    let mut ch = t.chars();
    match ch.next() {
        Some('-' | '*' | '•' | '·' | '◦' | '▪' | '●' | '–' | '○' | '■' | '✓' | '✔' | '➢' | '►') =>
        {
            // "**Heading**" is bold, not a bullet
            !t.starts_with("**")
        }
        Some(c) if c.is_ascii_digit() => {
            let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

/// Words with a letter or digit (bytes ≥ 0x80 count as letters: fast and close enough).
fn word_count(s: &str) -> usize {
    word_count_upto(s, usize::MAX)
}

/// As `word_count`, but stops counting past `limit` (callers only compare with small
/// limits, and most lines are prose far longer than a heading).
fn word_count_upto(s: &str, limit: usize) -> usize {
    let mut n = 0;
    let mut has = false;
    for &b in s.as_bytes() {
        if b.is_ascii_whitespace() {
            n += usize::from(has);
            if n > limit {
                return n;
            }
            has = false;
        } else if b.is_ascii_alphanumeric() || b >= 0x80 {
            has = true;
        }
    }
    n + usize::from(has)
}

/// A heading: a short non-bullet line ending in ':' or marked as a heading.
fn heading(l: &str) -> bool {
    let t = l.trim();
    if t.is_empty() || is_bullet(t) {
        return false;
    }
    let wc = word_count_upto(t, 12);
    if t.starts_with('#') || (t.starts_with("**") && t.ends_with("**")) {
        return wc <= 12;
    }
    wc <= 10
        && (t.ends_with(':')
            || (!t.ends_with('.') && !t.ends_with(',') && wc <= 6 && starts_upper(t)))
}

fn starts_upper(t: &str) -> bool {
    t.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

const MUST: &[&str] = &[
    "requirement",
    "qualification",
    "must have",
    "must-have",
    "what you need",
    "what you'll need",
    "what you will need",
    "what you bring",
    "what you'll bring",
    "what we're looking for",
    "what we are looking for",
    "who you are",
    "about you",
    "you have",
    "you will have",
    "you'll have",
    "ideal candidate",
    "you should have",
    "we expect",
    "skills",
    "experience",
    "your profile",
    "your background",
    "what we need",
];
const NICE: &[&str] = &[
    "prefer",
    "nice",
    "bonus",
    "plus",
    "desired",
    "desirable",
    "optional",
    "additional",
    "extra",
    "not required",
    "ideally",
    "great to have",
    "good to have",
    "benefit",
    "perks",
    "offer",
];

const OPTIONAL: &[&str] = &[
    "preferred",
    "a plus",
    "is a plus",
    "bonus",
    "nice to have",
    "desired",
    "desirable",
    "ideally",
    "advantage",
];

/// The must-have section with the most bullets: (heading start, heading end, bullets).
pub fn must_haves(t: &str) -> Option<(usize, usize, usize)> {
    let all: Vec<(usize, &str)> = lines(t).collect();
    let mut best: Option<(usize, usize, usize)> = None;
    let mut i = 0;
    while i < all.len() {
        let (s, l) = all[i];
        i += 1;
        if !heading(l) {
            continue;
        }
        let low = l.to_lowercase();
        if !MUST.iter().any(|k| low.contains(k)) || NICE.iter().any(|k| low.contains(k)) {
            continue;
        }
        let mut n = 0;
        let mut j = i;
        while j < all.len() {
            let l2 = all[j].1;
            if is_bullet(l2) {
                let item = l2
                    .trim()
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .trim_end();
                // "- Skills:" is a sub-heading inside the list: the must-haves end there
                if item.ends_with(':') && word_count(item) <= 6 {
                    break;
                }
                // items that say they are optional are not must-haves
                let low = item.to_lowercase();
                if !OPTIONAL.iter().any(|k| low.contains(k)) {
                    n += 1;
                }
            } else if heading(l2) {
                break;
            }
            j += 1;
        }
        let lead = l.len() - l.trim_start().len();
        let hs = s + lead;
        let he = s + l.trim_end().len();
        if best.is_none_or(|b| n > b.2) {
            best = Some((hs, he, n));
        }
    }
    best
}

static POLICY: LazyLock<Regex> = LazyLock::new(|| {
    crate::lint::ascii_regex(
        r"(?i)\b(?:remote|remotely|hybrid|on-?site|on site|in-office|in office|in-person|in person|office-based|work from home|work-from-home|wfh|telecommut\w*|telework\w*|days (?:a|per) week (?:in|at)|from (?:our|the) office|at our office|in our office)\b",
    )
    .expect("regex")
});
static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    crate::lint::ascii_regex(
        r"(?i)\blocation\b|\blocated (?:in|at)\b|\bbased (?:in|out of)\b|\boffices? in\b|(?-i:[a-z], (?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])\b)|\b(?:united states|usa|canada|united kingdom|uk|germany|france|india|remote)\b",
    )
    .expect("regex")
});

/// Capitalised policy words glued to the previous word by lost line breaks ("matchHybrid work").
static POLICY_GLUED: LazyLock<Regex> = LazyLock::new(|| {
    crate::lint::ascii_regex(r"(?:Remote|Hybrid|On-?[Ss]ite|In-[Oo]ffice|In-[Pp]erson)\b")
        .expect("regex")
});
/// "at our Las Cruces location", "this role is based in Austin": the workplace is stated.
static WORKPLACE: LazyLock<Regex> = LazyLock::new(|| {
    crate::lint::ascii_regex(r"(?i)\b(?:at|in|from) our (?:[\w,.'-]+ ){0,4}?(?:location|office|offices|facility|store|clinic|hospital|plant|warehouse|site|campus|headquarters|hq)\b|\b(?:role|position|job) (?:is|will be) (?:based|located) (?:in|at)\b")
        .expect("regex")
});

pub fn states_policy(t: &str) -> bool {
    POLICY.is_match(t) || POLICY_GLUED.is_match(t) || WORKPLACE.is_match(t)
}

pub fn states_place(t: &str) -> bool {
    PLACE.is_match(t)
}

static EMPLOYMENT: LazyLock<Regex> = LazyLock::new(|| {
    crate::lint::ascii_regex(
        r"(?i)\b(?:full[- ]?time|part[- ]?time|contract|contractor|contract-to-hire|permanent|temporary|temp|internship|intern|co-op|seasonal|per diem|prn|freelance|fixed[- ]term|w-?2|1099|hours per week|hours/week|hrs/week|employment type|job type|vollzeit|teilzeit)\b",
    )
    .expect("regex")
});

pub fn states_employment(t: &str) -> bool {
    EMPLOYMENT.is_match(t)
}

pub fn words(t: &str) -> usize {
    word_count(t)
}

/// Sentences as byte spans. Splits at . ! ? followed by space or a capital, at line breaks,
/// at ':' glued to a word, and where HTML stripping glued two bullets ("degreeMasters").
pub fn sentences(t: &str) -> Vec<(usize, usize)> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied().unwrap_or(b' ');
        let cut = match c {
            b'\n' => Some(i),
            b'.' | b'!' | b'?' => {
                let ws = t[i + 1..].chars().next().is_none_or(char::is_whitespace);
                (ws || next.is_ascii_uppercase()).then_some(i + 1)
            }
            // "Branding- Managing": list items glued by a lost line break
            b'-' if i > 0
                && b[i - 1].is_ascii_alphabetic()
                && next == b' '
                && b.get(i + 2).is_some_and(u8::is_ascii_uppercase) =>
            {
                Some(i + 1)
            }
            0xe2 if t[i..].starts_with('•') => Some(i),
            0xc2 if t[i..].starts_with('·') => Some(i),
            b';' => Some(i + 1),
            b':' => (next.is_ascii_alphabetic()).then_some(i + 1),
            c if c.is_ascii_lowercase()
                && next.is_ascii_uppercase()
                && i > 0
                && b[i - 1].is_ascii_lowercase() =>
            {
                Some(i + 1)
            }
            // "LLCAspen", "(10%)Regularly": a heading or label glued to the next sentence
            c if c.is_ascii_uppercase()
                && next.is_ascii_uppercase()
                && i > 0
                && b[i - 1].is_ascii_uppercase()
                && b.get(i + 2).is_some_and(u8::is_ascii_lowercase) =>
            {
                Some(i + 1)
            }
            b')' if next.is_ascii_uppercase() => Some(i + 1),
            // emoji and symbol bullets (arrows, dingbats, pictographs)
            c if c >= 0xe2
                && t.is_char_boundary(i)
                && t[i..]
                    .chars()
                    .next()
                    .is_some_and(|ch| (ch as u32) >= 0x2190 && !ch.is_alphanumeric()) =>
            {
                Some(i)
            }
            _ => None,
        };
        if let Some(e) = cut {
            if e > start {
                out.push((start, e));
            }
            start = e;
        }
        i += 1;
    }
    if start < b.len() {
        out.push((start, b.len()));
    }
    out.retain(|&(s, e)| has_letter(&t[s..e]));
    out
}

/// Any alphabetic character; ASCII bytes are checked without decoding.
fn has_letter(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_alphabetic()) || (!s.is_ascii() && s.chars().any(char::is_alphabetic))
}

/// Syllables in an English word, by vowel groups (the usual Flesch approximation).
fn syllables(w: &str) -> usize {
    syllables_bytes(w.as_bytes())
}

/// Only ASCII letters count, so bytes serve as well as chars.
fn syllables_bytes(w: &[u8]) -> usize {
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let (mut n, mut len) = (0usize, 0usize);
    let (mut prev, mut last, mut before) = (false, 0u8, 0u8);
    for c in w
        .iter()
        .copied()
        .filter(u8::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
    {
        let v = vowel(c);
        if v && !prev {
            n += 1;
        }
        prev = v;
        before = last;
        last = c;
        len += 1;
    }
    if len == 0 {
        return 0;
    }
    if len > 2 && last == b'e' && before != b'l' && n > 1 {
        n -= 1;
    }
    n.max(1)
}

/// Flesch reading ease over the given sentences (None for too little text).
pub fn flesch(t: &str, sents: &[(usize, usize)]) -> Option<f64> {
    let mut words = 0usize;
    let mut syl = 0usize;
    let mut n_sent = 0usize;
    for &(s, e) in sents {
        let mut any = false;
        let seg = &t[s..e];
        if seg.is_ascii() {
            // most sentences: split on the ASCII White_Space bytes (what split_whitespace
            // does there) without decoding chars; every letter is ASCII
            for w in seg.as_bytes().split(|&b| matches!(b, b'\t'..=b'\r' | b' ')) {
                let n = syllables_bytes(w);
                if n > 0 {
                    words += 1;
                    syl += n;
                    any = true;
                }
            }
            n_sent += usize::from(any);
            continue;
        }
        for w in seg.split_whitespace() {
            // syllables() is at least 1 for a word with an ASCII letter, so only words
            // without one need the Unicode check
            let n = syllables(w);
            if n > 0 || (!w.is_ascii() && w.chars().any(char::is_alphabetic)) {
                words += 1;
                syl += n;
                any = true;
            }
        }
        n_sent += usize::from(any);
    }
    if words < 100 || n_sent == 0 {
        return None;
    }
    Some(206.835 - 1.015 * (words as f64 / n_sent as f64) - 84.6 * (syl as f64 / words as f64))
}

/// Runs of 5+ all-caps words (with 3+ long ones) outside short heading lines.
pub fn shouting(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (ls, line) in lines(t) {
        // A finding needs five capitalised words of two or more letters, so at least ten
        // capitals; a non-ASCII capital has a lead byte ≥ 0xC0. Lines with fewer such bytes
        // (most lines) skip the word scan.
        if line.bytes().filter(|&b| b.is_ascii_uppercase() || b >= 0xC0).count() < 10 {
            continue;
        }
        let trimmed = line.trim();
        let caps_line =
            trimmed.chars().any(char::is_alphabetic) && !trimmed.chars().any(char::is_lowercase);
        if caps_line && word_count(trimmed) <= 8 {
            continue;
        }
        let mut run: Option<(usize, usize, usize, usize)> = None; // (start, end, words, long words)
        let mut flush = |run: &mut Option<(usize, usize, usize, usize)>| {
            if let Some((s, e, n, long)) = run.take() {
                // a heading glued to its text: "PERKS:" or "DIRECTOR Appalachian…"
                let after = line[e..].trim_start();
                let mut ch = after.chars();
                let label = after.starts_with(':')
                    || (ch.next().is_some_and(char::is_uppercase)
                        && ch.next().is_some_and(char::is_lowercase));
                // pipes mark structured metadata (addresses, tables), not prose
                let piped = line[s..e].contains('|');
                // company names in capitals ("ABHI IT SYSTEMS INC") are not shouting
                let named = line[s..e]
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| matches!(w, "INC" | "LLC" | "LTD" | "CORP" | "GMBH" | "PLC"));
                let piped = piped || named;
                if n >= 5 && long >= 3 && !label && !piped {
                    out.push((ls + s, ls + e));
                }
            }
        };
        let mut pos = 0;
        for w in line.split(' ') {
            let ws = pos;
            pos += w.len() + 1;
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            if letters == 0 {
                continue; // numbers and punctuation neither break nor extend a run
            }
            let upper = !w.chars().any(char::is_lowercase);
            if upper && letters >= 2 {
                let we = ws + w.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
                let long = usize::from(letters >= 5);
                run = Some(match run {
                    Some((s, _, n, l)) => (s, we, n + 1, l + long),
                    None => (
                        ws + (w.len() - w.trim_start_matches(|c: char| !c.is_alphanumeric()).len()),
                        we,
                        1,
                        long,
                    ),
                });
            } else if w.contains(':') {
                run = None; // "…DESCRIBE YOU:You" — a heading glued to its text
            } else {
                flush(&mut run);
            }
        }
        flush(&mut run);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The readability count without the ASCII fast path: the fast path must agree.
    fn flesch_slow(t: &str, sents: &[(usize, usize)]) -> Option<f64> {
        let (mut words, mut syl, mut n_sent) = (0usize, 0usize, 0usize);
        for &(s, e) in sents {
            let mut any = false;
            for w in t[s..e].split_whitespace() {
                if w.chars().any(char::is_alphabetic) {
                    words += 1;
                    syl += syllables(w);
                    any = true;
                }
            }
            n_sent += usize::from(any);
        }
        if words < 100 || n_sent == 0 {
            return None;
        }
        Some(206.835 - 1.015 * (words as f64 / n_sent as f64) - 84.6 * (syl as f64 / words as f64))
    }

    proptest! {
        #[test]
        fn fast_paths_agree(words in proptest::collection::vec("[a-zA-Z]{1,9}|[A-Z]{2,6}|[0-9]{1,3}|[.,:;!?]|\u{0b}|\t|\n|é|Ü|’|日本", 0..400)) {
            let t = words.join(" ");
            let sents = sentences(&t);
            prop_assert_eq!(flesch(&t, &sents), flesch_slow(&t, &sents));
            prop_assert!(sents.iter().all(|&(s, e)| t[s..e].chars().any(char::is_alphabetic)));
        }
    }

    #[test]
    fn shouting_still_found_after_the_skip() {
        let t = "Intro line.\nWE ARE LOOKING FOR AMAZING PEOPLE TO JOIN OUR GROWING TEAM today and more\nÉÉÉ ÜBERALL ÉCOLES ÉTUDES ÉLÈVES ÉCRIRE and then prose";
        let found = shouting(t);
        assert_eq!(found.len(), 2, "{found:?}");
    }
}
