//! Overlap resolution and the context rules for ambiguous skill names.
//!
//! An alias marked "needs context" ("Go", "R", "C", "Chef", "Spring", "Ruby"…) counts only if
//! - it sits in a list next to another accepted skill ("Go, Python", "C/C++", "Ansible or Chef"),
//! - or the next word is technical ("Go developer", "R programming", "Ruby experience"),
//! - or it follows "in/with/using…" and ends the phrase ("written in Go.", "fluent in R,"),
//! - or a nearby word says languages/frameworks are being listed ("languages such as Go"),
//! - or it is an item of a line list ("- Go" under "- PostgreSQL"; see `lines`),
//!
//! and it is not a known non-technical use ("go to market", "Series C", "R&D", "C-level").

#[derive(Debug, Clone)]
pub struct Cand {
    pub start: usize,
    pub end: usize,
    pub skill: u16,
    pub ctx: bool,
    pub ok: bool,
}

/// Words after a name that make it technical.
const TECH_NEXT: &[&str] = &[
    "developer",
    "developers",
    "engineer",
    "engineers",
    "engineering",
    "programming",
    "programmer",
    "programmers",
    "language",
    "languages",
    "lang",
    "code",
    "coding",
    "codebase",
    "development",
    "experience",
    "services",
    "microservices",
    "backend",
    "frontend",
    "stack",
    "framework",
    "frameworks",
    "sdk",
    "api",
    "apis",
    "applications",
    "application",
    "app",
    "apps",
    "modules",
    "module",
    "libraries",
    "library",
    "scripts",
    "scripting",
    "expertise",
    "knowledge",
    "skills",
    "proficiency",
    "ecosystem",
    "runtime",
    "projects",
    "tooling",
    "tools",
    "web",
    "server",
    "servers",
    "cookbooks",
    "recipes",
    "manifests",
    "playbooks",
    "packages",
    "package",
    "shiny",
    "studio",
    "markdown",
    "boot",
    "mvc",
    "cloud",
    "data",
    "gems",
    "gem",
    "toolchain",
    "compiler",
    "concurrency",
    "routines",
    "goroutines",
    "generics",
    "modules",
    "notebooks",
    "cluster",
    "clusters",
    "jobs",
    "pipelines",
    "tests",
    "testing",
    "suite",
    "specs",
    "charts",
    "chart",
    "templates",
    "files",
    "components",
    "middleware",
    "routes",
    "instance",
    "instances",
    "ide",
    "dev",
    "devs",
    "workloads",
    "queries",
    "environment",
    "environments",
    "preferred",
    "required",
    "desired",
];

/// Words before a name after which a phrase-final name is technical ("written in Go.").
const TECH_PREV: &[&str] = &[
    "in",
    "with",
    "using",
    "use",
    "uses",
    "used",
    "know",
    "knows",
    "knowing",
    "learn",
    "learning",
    "written",
    "write",
    "writing",
    "like",
    "including",
    "includes",
    "include",
    "as",
    "either",
    "proficient",
    "proficiency",
    "fluent",
    "fluency",
    "expert",
    "expertise",
    "advanced",
    "strong",
    "experienced",
    "modern",
    "idiomatic",
];

/// Words after a name that show it is ordinary English ("go to market", "go live").
const STOP_NEXT: &[&str] = &[
    "to",
    "live",
    "ahead",
    "beyond",
    "above",
    "through",
    "back",
    "forward",
    "out",
    "into",
    "the",
    "a",
    "an",
    "on",
    "away",
    "further",
    "getter",
    "getters",
    "level",
    "suite",
    "round",
    "series",
    "corp",
    "corporation",
    "inc",
    "bank",
    "semester",
    "term",
    "break",
    "season",
    "quarter",
    "intern",
    "internship",
    "internships",
    "cohort",
    "street",
    "st",
    "avenue",
    "road",
    "grade",
    "class",
    "vitamin",
    "de",
    "la",
    "le",
    "du",
    "restaurant",
    "kitchen",
    "cook",
    "cooks",
    "hat",
    "show",
    "shows",
    "removal",
    "belt",
    "colour",
    "color",
    "tasting",
    "team",
    "teams",
];

/// Words before a name that show it is not the language ("Series C", "Vitamin C").
const STOP_PREV: &[&str] = &[
    "series",
    "vitamin",
    "grade",
    "class",
    "type",
    "section",
    "level",
    "tier",
    "plan",
    "option",
    "round",
    "category",
    "phase",
    "part",
    "block",
    "wing",
    "building",
    "unit",
    "room",
    "suite",
    "american",
    "sous",
    "head",
    "executive",
    "pastry",
    "line",
    "taylor",
    "let's",
    "lets",
    "early",
    "late",
    "this",
    "next",
    "last",
    "every",
    "each",
    "hepatitis",
    "plan",
    "medicare",
    "schedule",
    "form",
    "exhibit",
    "appendix",
    "item",
    "floor",
];

/// Words nearby (before) that announce a list of technologies.
const LIST_CUES: &[&str] = &[
    "language",
    "languages",
    "programming",
    "stack",
    "framework",
    "frameworks",
    "technologies",
    "tech",
    "skills",
    "tools",
    "tooling",
    "proficient",
    "proficiency",
    "experience with",
    "knowledge of",
    "familiarity with",
    "such as",
    "e.g",
];

fn word_at(text: &str, from: usize, forward: bool) -> (&str, usize) {
    let b = text.as_bytes();
    if forward {
        let mut i = from;
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        let s = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'\'') {
            i += 1;
        }
        (&text[s..i], s)
    } else {
        let mut i = from;
        while i > 0 && b[i - 1] == b' ' {
            i -= 1;
        }
        let e = i;
        while i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'\'') {
            i -= 1;
        }
        (&text[i..e], i)
    }
}

/// Word lists, lowercased and sorted once for binary search.
struct Lists {
    tech_next: Vec<u128>,
    tech_prev: Vec<u128>,
    stop_next: Vec<u128>,
    stop_prev: Vec<u128>,
    list_words: Vec<u128>,
}

/// A word of up to 16 bytes, ASCII-lowercased, packed into an integer (None if longer):
/// list look-ups are then integer binary searches.
fn pack(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 16 {
        return None;
    }
    Some(
        b.iter()
            .fold(0u128, |k, c| k << 8 | c.to_ascii_lowercase() as u128)
            | (b.len() as u128) << 124,
    )
}

fn lists() -> &'static Lists {
    static L: std::sync::OnceLock<Lists> = std::sync::OnceLock::new();
    L.get_or_init(|| {
        let sorted = |l: &[&str]| {
            let mut v: Vec<u128> = l.iter().filter_map(|w| pack(w)).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        Lists {
            tech_next: sorted(TECH_NEXT),
            tech_prev: sorted(TECH_PREV),
            stop_next: sorted(STOP_NEXT),
            stop_prev: sorted(STOP_PREV),
            list_words: sorted(&[
                "also", "and", "as", "e.g", "eg", "etc", "nor", "or", "plus", "well",
            ]),
        }
    })
}

fn in_list(w: &str, list: &[u128]) -> bool {
    pack(w).is_some_and(|k| list.binary_search(&k).is_ok())
}

/// Clear non-technical use: "go-to-market", "R&D", "C-suite", "Series C", "go to".
fn rejected(text: &str, c: &Cand) -> bool {
    let b = text.as_bytes();
    if let Some(&n) = b.get(c.end) {
        if n == b'&' || n == b'\'' || n == b'*' {
            return true;
        }
        if n == b'-' && b.get(c.end + 1).is_some_and(|x| x.is_ascii_alphabetic()) {
            return true;
        }
    }
    if c.start > 0 && matches!(b[c.start - 1], b'-' | b'&' | b'\'') {
        return true;
    }
    let (next, _) = word_at(text, c.end, true);
    let (prev, _) = word_at(text, c.start, false);
    let glued_next = b.get(c.end) == Some(&b' ');
    let glued_prev = c.start > 0 && b[c.start - 1] == b' ';
    (glued_next && in_list(next, &lists().stop_next))
        || (glued_prev && in_list(prev, &lists().stop_prev))
}

/// Only separators and list words between two matches: "Go, Python", "C/C++", "Chef or Puppet".
/// Across a line break only a wrapped list links here ("Python, Java,\nGo"); items one per
/// line ("- Go\n- Python") are judged as line items (`lines`), which checks that each is
/// an item and not a sentence ("- Go where the data leads").
pub(super) fn list_gap(gap: &str) -> bool {
    if gap.len() > 24 {
        return false;
    }
    let words_ok = gap
        .split(|c: char| " ,/&|;+()[]:•·\t\n\r-".contains(c))
        .filter(|w| !w.is_empty())
        .all(|w| in_list(w, &lists().list_words));
    let Some(first_break) = gap.find('\n') else {
        return words_ok;
    };
    let last_break = gap.rfind('\n').unwrap_or(first_break);
    let tail = &gap[..first_break];
    let head = gap[last_break + 1..].trim_start();
    let sep = |s: &str| {
        s.contains([',', '/', '&', '|', ';', '+', '•', '·'])
            || s
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| in_list(w, &lists().list_words))
    };
    words_ok && (sep(tail) || sep(head) && !head.starts_with(['•', '·', '|', '+']))
}

fn phrase_final(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches(' ');
    match rest.bytes().next() {
        None => true,
        Some(c) => matches!(
            c,
            b',' | b'.' | b';' | b')' | b'/' | b'\n' | b'\r' | b':' | b'!' | b'?' | b'|' | b'-'
        ),
    }
}

fn list_cue_before(text: &str, start: usize) -> bool {
    let from = start.saturating_sub(60);
    let mut buf = [0u8; 60];
    let window = &mut buf[..start - from];
    window.copy_from_slice(&text.as_bytes()[from..start]);
    window.make_ascii_lowercase();
    LIST_CUES
        .iter()
        .any(|c| memchr::memmem::find(window, c.as_bytes()).is_some())
}

/// Keep the longest of overlapping candidates, then decide the context-dependent ones.
/// `cands` must be sorted by start.
pub fn resolve(text: &str, cands: Vec<Cand>) -> Vec<Cand> {
    let mut kept: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        match kept.last_mut() {
            Some(k) if c.start < k.end => {
                if c.end - c.start > k.end - k.start {
                    *k = c;
                }
            }
            _ => kept.push(c),
        }
    }
    for c in kept.iter_mut().filter(|c| c.ctx) {
        if rejected(text, c) {
            c.ctx = false;
            c.ok = false;
            continue;
        }
        let (next, _) = word_at(text, c.end, true);
        let (prev, _) = word_at(text, c.start, false);
        if in_list(next, &lists().tech_next)
            || (in_list(prev, &lists().tech_prev) && phrase_final(text, c.end))
            || phrase_final(text, c.end) && list_cue_before(text, c.start)
        {
            c.ok = true;
        }
    }
    // List neighbours: repeat so a chain ("Python, Go, Rust") is accepted link by link.
    // Passes alternate direction, so a chain is accepted in two passes whichever end its
    // accepted skill is at (one pass per link would be quadratic on long lists).
    let mut forward = true;
    loop {
        let mut changed = false;
        let n = kept.len();
        for k in 0..n {
            let i = if forward { k } else { n - 1 - k };
            if kept[i].ok || !kept[i].ctx {
                continue;
            }
            let left = i > 0 && kept[i - 1].ok && list_gap(&text[kept[i - 1].end..kept[i].start]);
            let right = i + 1 < kept.len()
                && kept[i + 1].ok
                && list_gap(&text[kept[i].end..kept[i + 1].start]);
            if left
                || right
                || super::lines::edge_link_ok(text, &kept, i)
                || super::lines::line_item_ok(text, &kept, i)
            {
                kept[i].ok = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
        forward = !forward;
    }
    kept.retain(|c| c.ok);
    kept
}
