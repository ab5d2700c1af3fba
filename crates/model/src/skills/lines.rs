//! Line lists: skills written one per line, as bullets ("- Go"), numbered items ("1. Go"),
//! table cells ("| Go |") or short bare lines (a resume's skills block, HTML `<li>` text).
//!
//! Across a line break, an ambiguous name links to an accepted skill right on the other side
//! when it stands as a list element on its line (separators or the line's edge around it):
//! "Git, Maven, Jenkins\n• Python" links, "Kubernetes\nGo where the data leads" does not.
//!
//! An ambiguous name counts as a list item only when it is the whole item or its head with
//! a note ("Go", "Go (3+ years)", "Go;", "Go, Rust"): a sentence bullet ("- Go above and
//! beyond") is not an item. Such an item is technical when
//! - an adjacent item of the same list (the previous or next line, blank lines skipped)
//!   holds an accepted skill, or
//! - the list sits under a heading that names technologies ("Technical skills:",
//!   "Tech stack", "Languages") — only for names of two or more letters: a stray "C" or
//!   "R" line in converted PDFs is often an initial or a column letter.

use super::context::{list_gap, Cand};

/// Longest prefix before an item's name: spaces plus a marker ("  12) ", "• ").
const MAX_PREFIX: usize = 16;
/// Longest item line looked at (an item with its note; a neighbour item).
const MAX_LINE: usize = 300;
/// A bare line (no marker) is a list item only when this short.
const MAX_BARE: usize = 60;
const MAX_BARE_WORDS: usize = 6;
/// How far up a list is walked to find its heading.
const MAX_WALK_LINES: usize = 15;

/// Symbols used as bullets, besides ASCII "-", "*", "+", ">", "o" (Word bullets in pdftotext).
const BULLETS: &[char] = &[
    '•', '·', '–', '—', '▪', '▫', '●', '○', '◦', '■', '□', '►', '▸', '▶', '➢', '➤', '→', '✓', '✔',
    '★', '♦', '◆', '|',
    // Private-use bullets of the Symbol and Wingdings fonts, as PDF and Word text keeps them.
    '\u{f0b7}', '\u{f0a7}', '\u{f0d8}', '\u{f076}',
];

/// The rest of a line after a bullet or number marker and its spaces, if it has one.
fn strip_marker(s: &str) -> Option<&str> {
    let s = s.trim_start();
    let mut chars = s.chars();
    let first = chars.next()?;
    if BULLETS.contains(&first) {
        return Some(chars.as_str().trim_start());
    }
    // ASCII markers must be followed by a space ("-Go" is not an item, "o" is a word).
    fn spaced(rest: &str) -> Option<&str> {
        rest.starts_with([' ', '\t', '\u{a0}'])
            .then(|| rest.trim_start_matches([' ', '\t', '\u{a0}']))
    }
    if matches!(first, '-' | '*' | '+' | '>') {
        // Doubled for a sub-list: "-- Go", "** Go".
        return spaced(chars.as_str().trim_start_matches(first));
    }
    if first == 'o' {
        return spaced(chars.as_str());
    }
    // "1.", "12)", "a)", "(3)".
    let body = s.strip_prefix('(').unwrap_or(s);
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let n = if digits > 0 {
        digits
    } else if body.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        1
    } else {
        0
    };
    if n == 0 || n > 3 {
        return None;
    }
    let rest = &body[n..];
    let rest = if digits > 0 {
        rest.strip_prefix(['.', ')'])?
    } else {
        rest.strip_prefix(')')?
    };
    spaced(rest)
}

/// Bounds of the line around `pos` (without its line break), if the line start is at
/// most `back` bytes before `pos` and its end at most `fwd` bytes after.
fn line_around(text: &str, pos: usize, back: usize, fwd: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let lo = pos.saturating_sub(back + 1);
    let start = match memchr::memrchr(b'\n', &b[lo..pos]) {
        Some(i) => lo + i + 1,
        None if lo == 0 => 0,
        None => return None,
    };
    let hi = (pos + fwd + 1).min(b.len());
    let end = match memchr::memchr(b'\n', &b[pos..hi]) {
        Some(i) => pos + i,
        None if hi == b.len() => b.len(),
        None => return None,
    };
    Some((start, end))
}

/// The non-blank line above (`up`) or below the line `start..end`, blank lines skipped
/// (two at most), if it is at most `MAX_LINE` bytes long.
fn next_line(text: &str, start: usize, end: usize, up: bool) -> Option<(usize, usize)> {
    let (mut s, mut e) = (start, end);
    for _ in 0..3 {
        if up {
            if s == 0 {
                return None;
            }
            (s, e) = line_around(text, s - 1, MAX_LINE, 0)?;
        } else {
            if e >= text.len() {
                return None;
            }
            (s, e) = line_around(text, e + 1, 0, MAX_LINE)?;
        }
        if !text[s..e].trim().is_empty() {
            return Some((s, e));
        }
    }
    None
}

/// Whether a line is an item of a list of the given kind (bulleted, or bare and short).
fn is_item(line: &str, bulleted: bool) -> bool {
    let line = line.trim();
    match strip_marker(line) {
        Some(rest) => bulleted && !rest.is_empty(),
        None => {
            !bulleted && line.len() <= MAX_BARE && line.split_whitespace().count() <= MAX_BARE_WORDS
        }
    }
}

/// Words that make a line the heading of a list of technologies.
const HEADING_CUES: &[&str] = &[
    "skills",
    "technologies",
    "technology",
    "technical",
    "tech stack",
    "stack",
    "tools",
    "tooling",
    "software",
    "languages",
    "programming",
    "frameworks",
    "libraries",
    "databases",
    "platforms",
];

fn is_heading(line: &str) -> bool {
    let l = line.trim();
    if l.is_empty() || l.len() > MAX_BARE {
        return false;
    }
    let lower = l.to_ascii_lowercase();
    HEADING_CUES.iter().any(|c| {
        lower.match_indices(c).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + c.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// Whether the text between two candidates is only a line break: trailing punctuation, blank
/// lines, then spaces and a marker ("Jenkins\n• Python", "Go;\n\n- Rust").
fn break_gap(gap: &str) -> bool {
    let (Some(first), Some(last)) = (gap.find('\n'), gap.rfind('\n')) else {
        return false;
    };
    gap.len() <= 40
        && gap[..first].trim().chars().all(|ch| ",;:|)".contains(ch))
        && gap[first..last].trim().is_empty()
        && {
            let head = gap[last + 1..].trim_start();
            head.is_empty() || strip_marker(head).is_some_and(str::is_empty)
        }
}

/// Whether the name stands as a list element on its line: separators, a marker or the line's
/// edge on both sides ("Office Specialist - Word", "Sonar, Jenkins", "Asana and Basecamp").
fn delimited(text: &str, c: &Cand, ls: usize, le: usize) -> bool {
    let mut before = text[ls..c.start].trim_end_matches([' ', '\t', '\u{a0}']);
    // One capitalised word may come between: the vendor ("Cloudera Impala", "MS Word").
    let vendor = before.rsplit([' ', '\t']).next().unwrap_or("");
    if vendor.len() < before.len() && vendor.starts_with(|c: char| c.is_ascii_uppercase()) {
        before = before[..before.len() - vendor.len()].trim_end_matches([' ', '\t', '\u{a0}']);
    }
    let left = before.trim_start().is_empty()
        || strip_marker(before).is_some_and(str::is_empty)
        || before.ends_with([',', ';', '/', '(', '&', '|', ':', '-', '–', '•', '·'])
        || ends_with_word(before, &["and", "or", "plus"]);
    let after = text[c.end..le].trim_start_matches([' ', '\t', '\u{a0}', '\r']);
    let right = after.is_empty()
        || after.starts_with([',', ';', '/', '(', ')', '&', '|', ':', '•', '·'])
        // "Go." ends the line; "C. Skills" is an enumeration, not a list element.
        || after.starts_with('.') && after[1..].trim().is_empty()
        || ["and ", "or ", "- ", "– "].iter().any(|w| after.starts_with(w));
    left && right
}

/// A version number after a name ("Rails 4", "Python 3.11", "Angular 2.x", "Java 8+"); a
/// year ("Spring 2025") is not one.
fn version(tail: &str) -> bool {
    let t = tail.trim_end_matches(['.', ',', ';', '+']);
    let t = t.strip_prefix(['v', 'V']).unwrap_or(t);
    let major = t.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&major)
        && t[major..]
            .split('.')
            .skip(1)
            .all(|p| p == "x" || !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
        && (t.len() == major || t[major..].starts_with('.'))
}

fn ends_with_word(s: &str, words: &[&str]) -> bool {
    let w = s
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let glued = s.len() > w.len() && !s[..s.len() - w.len()].ends_with([' ', '\t', '(']);
    !glued && words.iter().any(|x| w.eq_ignore_ascii_case(x))
}

/// An accepted candidate right across a line break, the name being a list element on its own
/// line: "…, Sonar, Jenkins\n• Python", "Microsoft Office Specialist - Word\nExcel".
pub fn edge_link_ok(text: &str, kept: &[Cand], i: usize) -> bool {
    let c = &kept[i];
    let Some((ls, le)) = line_around(text, c.start, MAX_LINE, MAX_LINE) else {
        return false;
    };
    if le < c.end || !delimited(text, c, ls, le) {
        return false;
    }
    let left = i > 0 && kept[i - 1].ok && break_gap(&text[kept[i - 1].end..c.start]);
    let right = i + 1 < kept.len() && kept[i + 1].ok && break_gap(&text[c.end..kept[i + 1].start]);
    left || right
}

/// Whether candidate `i` is a line item whose list makes it technical (see the module doc).
/// `kept` is sorted by start; `ok` marks the candidates accepted so far.
pub fn line_item_ok(text: &str, kept: &[Cand], i: usize) -> bool {
    let c = &kept[i];
    let Some((ls, le)) = line_around(text, c.start, MAX_PREFIX, MAX_LINE) else {
        return false;
    };
    if le < c.end {
        return false;
    }
    // The name heads its item: only spaces and a marker before it.
    let prefix = text[ls..c.start].trim_start_matches([' ', '\t', '\u{a0}']);
    let bulleted = if prefix.is_empty() {
        false
    } else if strip_marker(prefix).is_some_and(str::is_empty) {
        true
    } else {
        return false;
    };
    // After it: nothing, punctuation, a note in brackets, or more list items on the line.
    let tail = text[c.end..le].trim();
    let continued = kept
        .get(i + 1)
        .is_some_and(|n| n.start < le && list_gap(&text[c.end..n.start]));
    // A bulleted item may be a list headed by the name ("- Spark, pg, redis").
    let tail_ok = tail.chars().all(|ch| ",.;:|".contains(ch))
        || version(tail)
        || tail.starts_with('(') && tail.len() <= 60
        || continued
        || bulleted && tail.starts_with([',', ';', '/', '&', '+', '|']);
    if !tail_ok {
        return false;
    }
    // A neighbouring item that holds an accepted skill. Bullets make a list plain; bare
    // short lines are often other things (titles, dates, places), so there the neighbour
    // must itself be nothing but skills ("PostgreSQL", "Excel, Access").
    for up in [true, false] {
        if let Some((s, e)) = next_line(text, ls, le, up) {
            let neighbour = if bulleted {
                holds_accepted(kept, s, e)
            } else {
                only_skills(text, kept, s, e)
            };
            if neighbour && is_item(&text[s..e], bulleted) {
                return true;
            }
        }
    }
    // Or a heading naming technologies above the list (names of two letters or more).
    if c.end - c.start < 2 {
        return false;
    }
    let (mut s, mut e) = (ls, le);
    for _ in 0..MAX_WALK_LINES {
        let Some((ps, pe)) = next_line(text, s, e, true) else {
            return false;
        };
        let line = &text[ps..pe];
        if is_heading(line) && (!bulleted || strip_marker(line).is_none()) {
            return true;
        }
        if !is_item(line, bulleted) {
            return false;
        }
        (s, e) = (ps, pe);
    }
    false
}

/// Whether the line `s..e` is accepted skills and list separators only.
fn only_skills(text: &str, kept: &[Cand], s: usize, e: usize) -> bool {
    let from = kept.partition_point(|k| k.start < s);
    let mut pos = s;
    let mut any = false;
    for k in kept[from..].iter().take_while(|k| k.start < e) {
        if !k.ok
            || !(pos == s && text[s..k.start].trim().is_empty() || list_gap(&text[pos..k.start]))
        {
            return false;
        }
        pos = k.end;
        any = true;
    }
    any && text[pos.min(e)..e]
        .trim()
        .chars()
        .all(|ch| ",.;:|".contains(ch))
}

fn holds_accepted(kept: &[Cand], s: usize, e: usize) -> bool {
    let from = kept.partition_point(|k| k.start < s);
    kept[from..]
        .iter()
        .take_while(|k| k.start < e)
        .any(|k| k.ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        assert_eq!(strip_marker("- Go"), Some("Go"));
        assert_eq!(strip_marker("  • Go"), Some("Go"));
        assert_eq!(strip_marker("•Go"), Some("Go"));
        assert_eq!(strip_marker("12) Go"), Some("Go"));
        assert_eq!(strip_marker("3. Go"), Some("Go"));
        assert_eq!(strip_marker("(a) Go"), Some("Go"));
        assert_eq!(strip_marker("-- Go"), Some("Go"));
        assert_eq!(strip_marker("-Go"), None);
        assert_eq!(strip_marker("--Go"), None);
        assert_eq!(strip_marker("Go"), None);
        assert_eq!(strip_marker("or Go"), None);
        assert_eq!(strip_marker("2024. Go"), None);
        assert_eq!(strip_marker("-"), None);
        assert_eq!(strip_marker("- "), Some(""));
    }

    #[test]
    fn breaks() {
        assert!(break_gap("\n- "));
        assert!(break_gap(",\n\n  • "));
        assert!(break_gap("\r\n12) "));
        assert!(!break_gap(" "));
        assert!(!break_gap("\nand "));
        assert!(!break_gap(" years\n- "));
    }

    #[test]
    fn versions() {
        for v in ["4", "3.2", "2.x", "8+", "v1.21", "11."] {
            assert!(version(v), "{v}");
        }
        for v in ["2025", "", "x", "4 years", "1.2a", "3 .5"] {
            assert!(!version(v), "{v}");
        }
    }

    #[test]
    fn headings() {
        assert!(is_heading("Technical Skills:"));
        assert!(is_heading("Our tech stack"));
        assert!(!is_heading("Toolset"));
        assert!(!is_heading("Requirements"));
    }
}
