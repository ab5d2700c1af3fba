//! Criteria derived from a job description or a stored posting.
//!
//! Rules (general, English):
//! - Sections are found by their headings ("Requirements", "Must have", "Qualifications",
//!   "What you bring" → required; "Nice to have", "Preferred", "Bonus", "Pluses" → nice;
//!   other headings such as "Responsibilities" or "Benefits" end them). "Must have: A, B"
//!   on one line works too, and so does a heading inside a run-on paragraph ("…
//!   Requirements: …").
//! - In run-on text a cue ("must", "required", "nice to have", inline " - " bullets) governs
//!   the clause that follows it, not the whole paragraph.
//! - Items of a required clause that form a short list (at most 4 elements, counting the
//!   ones no skill was recognized in; items at most 40 bytes apart) are must-haves; longer
//!   lists are wish lists and give nice-to-haves of weight 1.5 (knocking out on a guess is
//!   worse than ranking on it). At most 8 derived must-haves; of n, n/4 may be missing
//!   before a knock-out (`max_missing_must_haves`).
//! - Alternatives: "Kafka or RabbitMQ", "Kafka/RabbitMQ", "one of Java, Kotlin, Scala",
//!   and examples ("a SQL database (PostgreSQL, MySQL)", "messaging such as RabbitMQ,
//!   Redis") make one requirement.
//! - Other skills anywhere in the text are nice-to-haves of weight 0.5; items under "nice to
//!   have" weigh 1. Each weight grows with the sentences that mention the skill
//!   (× 1 + ½ ln n), and a skill in the title weighs 2, as a must-have does.
//! - "5+ years of Python" → minimum years with Python; "3+ years of (professional)
//!   experience" → minimum total years (the largest required figure; a range gives its low end).
//! - Education: "Bachelor's/Master's/PhD" in a required sentence that does not accept
//!   "equivalent" experience.
//! - Title (first short line, or the posting's title): seniority and title keywords.

use crate::concepts::generic_phrases;
use crate::criteria::{Criteria, LocationRule, Requirement, SalaryCeiling, Weighted};
use crate::evaluate::edu_rank;
use hirekit_model::skills::{extract_skills, skill_mentions, SkillMatch};
use hirekit_model::title::normalize_title;
use hirekit_model::Posting;
use regex::Regex;
use std::sync::OnceLock;

/// Longest text read; longer inputs are cut (at a char boundary).
const MAX_TEXT: usize = 200_000;
const MAX_DERIVED_MUST: usize = 8;
/// One missing derived must-have is tolerated per this many (none below it). Each must-have
/// is found in a resume with imperfect recall (synonyms, skills shown but not named), so the
/// chance that a qualified candidate shows all n falls fast with n (0.85ⁿ: 0.52 for four,
/// 0.27 for eight); tolerating n/4 misses keeps it near 0.9 while one must-have of three
/// still decides.
const MUST_PER_TOLERATED_MISS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    None,
    Must,
    Nice,
}

const MUST_CUES: &[&str] = &[
    "requirements",
    "required",
    "must have",
    "must-have",
    "must haves",
    "must-haves",
    "qualifications",
    "minimum qualifications",
    "basic qualifications",
    "required qualifications",
    "required skills",
    "what you bring",
    "what you'll bring",
    "what we're looking for",
    "what you need for this position",
    "what you need",
    "what we are looking for",
    "who you are",
    "you have",
    "you should have",
    "skills and experience",
    "skills & experience",
    "experience and skills",
    "minimum skills and competencies",
    "minimum skills",
    "essential skills",
    "mandatory",
    "key skills",
    "technical skills",
    "your profile",
    "your skills",
    "about you",
];
const NICE_CUES: &[&str] = &[
    "nice to have",
    "nice-to-have",
    "nice to haves",
    "nice-to-haves",
    "preferred",
    "preferred qualifications",
    "preferred skills",
    "bonus",
    "bonus points",
    "pluses",
    "plus",
    "a plus",
    "desirable",
    "desired skills",
    "good to have",
    "extra credit",
    "it would be great if",
    "ideally",
    "not required",
    "optional",
];
const OTHER_CUES: &[&str] = &[
    "responsibilities",
    "what you'll do",
    "what you will do",
    "the role",
    "about us",
    "about the role",
    "about the company",
    "benefits",
    "perks",
    "we offer",
    "what we offer",
    "compensation",
    "salary",
    "duties",
    "essential duties and responsibilities",
    "how to apply",
    "what you will be doing",
    "what you'll be doing",
    "what's in it for you",
    "why join us",
    "top reasons to work with us",
    "primary purpose",
    "summary",
    "overview",
];

fn norm_heading(s: &str) -> String {
    s.trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(|c: char| c == ':' || c == '-' || c.is_whitespace())
        .to_lowercase()
}

fn heading_mode(h: &str) -> Option<Mode> {
    let h = norm_heading(h);
    if h.is_empty() || h.len() > 60 {
        return None;
    }
    // Nice first: "preferred qualifications" is nice, not required.
    if NICE_CUES.iter().any(|c| {
        h == *c
            || h.starts_with(&format!("{c} "))
            || h.ends_with(&format!(" {c}"))
            || h.contains(&format!("{c} ("))
    }) || h.contains("nice to have")
        || h.contains("preferred")
    {
        return Some(Mode::Nice);
    }
    if MUST_CUES
        .iter()
        .any(|c| h == *c || h.starts_with(&format!("{c} ")) || h.ends_with(&format!(" {c}")))
    {
        return Some(Mode::Must);
    }
    if OTHER_CUES.iter().any(|c| h == *c || h.starts_with(c)) {
        return Some(Mode::None);
    }
    None
}

/// Inline cues within a line: "Cue:" for any cue ("Must have: Rust, Kafka"), and without
/// the colon for cues of three or more words or "nice to have"/"must have" (run-on text
/// keeps its headings but loses their punctuation: "… What You Will Be Doing We …").
fn inline_cue_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let mut cues: Vec<&str> = MUST_CUES
            .iter()
            .chain(NICE_CUES)
            .chain(OTHER_CUES)
            .copied()
            .collect();
        cues.sort_by_key(|c| std::cmp::Reverse(c.len()));
        let esc = |c: &&str| regex::escape(c);
        let colon = cues.iter().map(esc).collect::<Vec<_>>().join("|");
        let bare = cues
            .iter()
            .filter(|c| {
                c.split(' ').count() >= 3
                    || c.contains("nice to have")
                    || c.contains("nice-to-have")
                    || c.starts_with("must have")
            })
            .map(esc)
            .collect::<Vec<_>>()
            .join("|");
        Regex::new(&format!(r"(?i)\b(?:({colon})\)?\s*:|({bare})\b\s*[-:]?)"))
            .expect("valid cue regex")
    })
}

fn years_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(\d{1,2})(?:\.\d)?\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?)\b")
            .expect("valid regex")
    })
}

fn must_word_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(must|required|requires|mandatory)\b").expect("valid regex")
    })
}

fn nice_word_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(nice to have|nice-to-have|preferred|a plus|is a plus|bonus|desirable|ideally|advantage|not required|optional)\b")
            .expect("valid regex")
    })
}

fn edu_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(ph\.?d|doctorate|master'?s|bachelor'?s|b\.?s\.?/m\.?s|bs/ms|b\.?sc|m\.?sc|associate'?s) (?:degree)?").expect("valid regex")
    })
}

/// The whole text and the skill mentions accepted in it. Lines are read one at a time, but a
/// line alone loses the context that makes an ambiguous name a skill: "- Go" is the language
/// because the bullets around it name PostgreSQL and Kubernetes.
struct Doc<'a> {
    text: &'a str,
    mentions: Vec<SkillMatch>,
}

impl<'a> Doc<'a> {
    fn new(text: &'a str) -> Self {
        Doc {
            text,
            mentions: skill_mentions(text),
        }
    }

    /// Mentions inside `seg` (a slice of the text), with offsets relative to `seg`.
    fn mentions_in(&self, seg: &str) -> Vec<(usize, usize, &'static str)> {
        let base = self.text.as_ptr() as usize;
        let Some(off) = (seg.as_ptr() as usize).checked_sub(base) else {
            return vec![];
        };
        if off + seg.len() > self.text.len() {
            return vec![];
        }
        let from = self.mentions.partition_point(|m| m.start < off);
        self.mentions[from..]
            .iter()
            .take_while(|m| m.start < off + seg.len())
            .filter(|m| m.end <= off + seg.len())
            .map(|m| (m.start - off, m.end - off, m.skill))
            .collect()
    }
}

/// An item found in a requirement line: a skill or a generic phrase.
struct Item {
    start: usize,
    end: usize,
    label: String,
}

fn items(seg: &str, doc: &Doc) -> Vec<Item> {
    // Generic phrases first: "SQL database" is one item, not the skill "SQL".
    let lower = seg.to_ascii_lowercase();
    let mut v: Vec<Item> = Vec::new();
    for p in generic_phrases() {
        for (s, e) in crate::text::find_word_all(&lower, p, 4) {
            if !v.iter().any(|it| it.start < e && s < it.end) {
                v.push(Item {
                    start: s,
                    end: e,
                    label: (*p).to_string(),
                });
            }
        }
    }
    for m in extract_skills(seg) {
        if !v.iter().any(|it| it.start < m.end && m.start < it.end) {
            v.push(Item {
                start: m.start,
                end: m.end,
                label: m.skill.to_string(),
            });
        }
    }
    // Names the segment alone gives no context for ("- Go"), accepted in the whole text.
    for (s, e, skill) in doc.mentions_in(seg) {
        if !v.iter().any(|it| it.label == skill || it.start < e && s < it.end) {
            v.push(Item {
                start: s,
                end: e,
                label: skill.to_string(),
            });
        }
    }
    v.sort_by_key(|i| i.start);
    v
}

fn one_of_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(one of|any of|either|at least one of|one or more of)\b")
            .expect("valid regex")
    })
}

fn example_cue_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(such as|e\.g\.?|for example|for instance|like|including)[\s:,(]*$")
            .expect("valid regex")
    })
}

/// A requirement and where its items sit in the clause.
struct Group {
    req: Requirement,
    start: usize,
    end: usize,
}

/// Groups the items of one clause into requirements (alternatives together).
fn group(seg: &str, its: &[Item]) -> Vec<Group> {
    if its.is_empty() {
        return vec![];
    }
    let lower = seg.to_ascii_lowercase();
    let mut groups: Vec<Vec<&Item>> = vec![vec![&its[0]]];
    // For each group after the first: whether a bare comma separates it from the one before.
    let mut comma_before: Vec<bool> = Vec::new();
    let lead_from = its[0].start.saturating_sub(30);
    let lead = lower.get(lead_from..its[0].start).unwrap_or("");
    // "one of: Python, Perl, PHP": items close together after the cue are alternatives.
    let mut one_of = one_of_re().is_match(lead);
    // Open "(e.g. …" / "such as …" after a generic phrase: following items join it. A clause
    // whose first items are examples ("messaging frameworks such as RabbitMQ, Redis") starts
    // open: examples illustrate one requirement, any of them meets it.
    let mut examples_open = example_cue_re().is_match(lead);
    for w in its.windows(2) {
        let gap = lower.get(w[0].end..w[1].start).unwrap_or("").trim();
        let gap_words = gap.trim_matches(|c: char| c == ',' || c.is_whitespace());
        let joins_or = matches!(
            gap_words,
            "or" | "/" | "and/or" | "|" | "or a" | "or an" | "or other"
        ) || gap == "/"
            || gap == ", or";
        let opens = gap.starts_with('(')
            || gap.contains("e.g")
            || gap.contains("such as")
            || gap.contains("like")
            || gap.contains("including");
        if opens && generic_phrases().contains(&w[0].label.as_str()) {
            examples_open = true;
        }
        let continues_examples = examples_open && !gap.contains(')') && gap.len() <= 6;
        let starts_one_of = one_of_re().is_match(gap);
        let join = joins_or
            || (examples_open && (opens || continues_examples))
            || (one_of && !starts_one_of && gap.len() <= 6);
        if !(opens || continues_examples) {
            examples_open = false;
        }
        if starts_one_of {
            one_of = true;
        } else if gap.len() > 6 {
            one_of = false;
        }
        if join {
            if let Some(g) = groups.last_mut() {
                g.push(&w[1]);
            }
            // "PHP, Python or Go": the comma-linked items before an "or" are alternatives too.
            if joins_or {
                while groups.len() >= 2 && comma_before.last() == Some(&true) {
                    comma_before.pop();
                    if let Some(last) = groups.pop() {
                        if let Some(prev) = groups.last_mut() {
                            prev.extend(last);
                        }
                    }
                }
            }
        } else {
            groups.push(vec![&w[1]]);
            comma_before.push(gap == ",");
        }
    }
    groups
        .into_iter()
        .map(|g| {
            let mut alts: Vec<String> = Vec::new();
            for i in &g {
                if !alts.contains(&i.label) {
                    alts.push(i.label.clone());
                }
            }
            Group {
                start: g.first().map_or(0, |i| i.start),
                end: g.last().map_or(0, |i| i.end),
                req: Requirement { alternatives: alts },
            }
        })
        .collect()
}

fn push_nice(c: &mut Criteria, label: &str, weight: f32) {
    if c.must_have
        .iter()
        .any(|r| r.alternatives.iter().any(|a| a == label))
    {
        return;
    }
    match c.nice_to_have.iter_mut().find(|w| w.skill == label) {
        Some(w) => w.weight = w.weight.max(weight),
        None => c.nice_to_have.push(Weighted {
            skill: label.to_string(),
            weight,
        }),
    }
}

/// Sentences of a segment (". ", "; ", "? ", "! " and bullet characters end one).
fn sentences(seg: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let b = seg.as_bytes();
    let mut start = 0;
    for i in 0..b.len() {
        let end_here = matches!(b[i], b'.' | b';' | b'?' | b'!') && b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace())
            // "Node.js" and "e.g." stay inside.
            && !(b[i] == b'.' && i >= 2 && seg[..i].ends_with("e.g"));
        let bullet = seg.is_char_boundary(i) && seg[i..].starts_with('•');
        if end_here || bullet {
            let e = if bullet { i } else { i + 1 };
            if e > start {
                out.push(&seg[start..e]);
            }
            start = if bullet { i + '•'.len_utf8() } else { i + 1 };
        }
    }
    if start < seg.len() {
        out.push(&seg[start..]);
    }
    out
}

fn years_from(sentence: &str, mode: Mode, c: &mut Criteria, doc: &Doc) {
    if mode == Mode::Nice || nice_word_re().is_match(sentence) {
        return;
    }
    let ms: Vec<_> = years_re().captures_iter(sentence).collect();
    for (k, cap) in ms.iter().enumerate() {
        let Some(whole) = cap.get(0) else { continue };
        let Ok(n) = cap[1].parse::<f32>() else {
            continue;
        };
        if !(1.0..=20.0).contains(&n) {
            continue;
        }
        // Context: up to the next figure of years, 100 bytes at most.
        let mut end = ms
            .get(k + 1)
            .and_then(|m| m.get(0))
            .map(|m| m.start())
            .unwrap_or(sentence.len());
        end = end.min(whole.end() + 100);
        while !sentence.is_char_boundary(end) {
            end -= 1;
        }
        let ctx = &sentence[whole.end()..end];
        let ctx_l = ctx.to_ascii_lowercase();
        // "5 years of Python", "5+ years experience with Java": skills right after.
        let lead = ctx_l.trim_start();
        let skills: Vec<String> = items(ctx, doc).into_iter().take(3).map(|i| i.label).collect();
        let about_skill = !skills.is_empty()
            && (lead.starts_with("of")
                || lead.starts_with("in")
                || lead.starts_with("with")
                || lead.starts_with("using")
                || lead.starts_with("experience")
                || lead.starts_with("hands")
                || lead.starts_with("professional")
                || lead.starts_with("'")
                || lead.starts_with("’")
                || lead.starts_with("working"));
        if about_skill {
            for s in skills {
                if !c.min_years_with.iter().any(|(k, _)| *k == s) {
                    c.min_years_with.push((s, n));
                }
            }
        } else if ctx_l.contains("experience")
            || sentence.to_ascii_lowercase().contains("experience")
        {
            c.min_total_years = Some(c.min_total_years.map_or(n, |y| y.max(n)));
        }
    }
}

/// Longest list (in requirements) still read as must-haves; longer ones are wish lists.
const MAX_MUST_LIST: usize = 4;
/// Bytes of other text between two items that still make them one list.
const LIST_GAP: usize = 40;

/// How many elements a list of requirements has, counting those no skill was recognized in:
/// "Java, C#, SQL, HTTPS, Apache, Eclipse" is a list of six (a keyword wish list), not of
/// the three skills found in it.
fn list_elements(clause: &str, run: &[&Group]) -> usize {
    let seps = |gap: &str| gap.matches([',', ';']).count();
    let mut n = run.len();
    for w in run.windows(2) {
        // ", HTTPS, " between two recognized items: one element more.
        n += seps(clause.get(w[0].end..w[1].start).unwrap_or("")).saturating_sub(1);
    }
    // Elements after the last recognized one, up to the end of the sentence.
    let rest = run
        .last()
        .and_then(|g| clause.get(g.end..))
        .unwrap_or("");
    let b = rest.as_bytes();
    let stop = (0..b.len())
        .find(|&i| {
            matches!(b[i], b'(' | b':' | b'\n' | b'!' | b'?')
                || (b[i] == b'.' && b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace()))
        })
        .unwrap_or(b.len());
    let mut parts = rest[..stop].split([',', ';']);
    if parts.next().is_some_and(|first| first.trim().is_empty()) {
        for p in parts {
            let p = p.trim();
            let p = p
                .strip_prefix("and ")
                .or_else(|| p.strip_prefix("or "))
                .unwrap_or(p);
            let words = p.split_whitespace().count();
            if words == 0 || words > 3 || p.len() > 30 {
                break;
            }
            n += 1;
        }
    }
    n
}

fn leading_nice_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(nice to have|nice-to-have|bonus|desirable|ideally)\b")
            .expect("valid regex")
    })
}

/// Clauses of a sentence: cut before each must cue, each leading nice cue and at inline
/// bullets (" - ", " * "), so in run-on text a cue governs what follows it, not the whole text.
fn clauses(sent: &str) -> Vec<&str> {
    let mut cuts = vec![0, sent.len()];
    // "(not required)" is a nice cue: no cut before its "required".
    let lower = sent.to_ascii_lowercase();
    cuts.extend(
        must_word_re()
            .find_iter(sent)
            .filter(|m| {
                !lower[..m.start()]
                    .trim_end()
                    .trim_end_matches('(')
                    .ends_with("not")
            })
            .map(|m| m.start()),
    );
    cuts.extend(leading_nice_re().find_iter(sent).map(|m| m.start()));
    cuts.extend(sent.match_indices(" - ").map(|(i, _)| i));
    cuts.extend(sent.match_indices(" * ").map(|(i, _)| i));
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| &sent[w[0]..w[1]])
        .filter(|c| !c.trim().is_empty())
        .collect()
}

fn education_from(clause: &str, c: &mut Criteria) {
    let lower = clause.to_ascii_lowercase();
    if lower.contains("equivalent") || lower.contains("or related experience") {
        return;
    }
    if let Some(m) = edu_re().find(clause) {
        let level = edu_rank(&m.as_str().replace(['.', '\'', '’'], "")).unwrap_or(3);
        let name = match level {
            5 => "phd",
            4 => "master",
            3 => "bachelor",
            2 => "associate",
            _ => "diploma",
        };
        if c.education
            .as_deref()
            .and_then(edu_rank)
            .is_none_or(|l| level < l)
        {
            c.education = Some(name.to_string());
        }
    }
}

fn apply_segment(seg: &str, mode: Mode, c: &mut Criteria, must_count: &mut usize, doc: &Doc) {
    for sent in sentences(seg) {
        for clause in clauses(sent) {
            let effective = if nice_word_re().is_match(clause) {
                Mode::Nice
            } else if must_word_re().is_match(clause) {
                Mode::Must
            } else {
                mode
            };
            years_from(clause, effective, c, doc);
            if effective == Mode::Must {
                education_from(clause, c);
            }
            let groups = group(clause, &items(clause, doc));
            // Lists: groups close together. A short list under "required" is must-haves.
            let mut runs: Vec<Vec<&Group>> = Vec::new();
            for g in &groups {
                match runs.last_mut() {
                    Some(r)
                        if r.last()
                            .is_some_and(|p| g.start.saturating_sub(p.end) <= LIST_GAP) =>
                    {
                        r.push(g)
                    }
                    _ => runs.push(vec![g]),
                }
            }
            for run in runs {
                let must_list =
                    effective == Mode::Must && list_elements(clause, &run) <= MAX_MUST_LIST;
                for g in run {
                    let req = &g.req;
                    if must_list && *must_count < MAX_DERIVED_MUST {
                        if !c.must_have.contains(req) {
                            for a in &req.alternatives {
                                c.nice_to_have.retain(|w| w.skill != *a);
                            }
                            c.must_have.push(req.clone());
                            *must_count += 1;
                        }
                        continue;
                    }
                    let w = match effective {
                        Mode::Must => 1.5,
                        Mode::Nice => 1.0,
                        Mode::None => 0.5,
                    };
                    req.alternatives.iter().for_each(|a| push_nice(c, a, w));
                }
            }
        }
    }
}

/// Role words of a title that say what the job is (not its level or place).
fn title_keywords(title: &str) -> Vec<String> {
    const SKIP: &[&str] = &[
        "senior",
        "junior",
        "sr",
        "jr",
        "lead",
        "principal",
        "staff",
        "level",
        "entry",
        "mid",
        "remote",
        "hybrid",
        "developer",
        "engineer",
        // "Software Developer" says no more than "Developer".
        "software",
        "programmer",
        "specialist",
        "consultant",
        "i",
        "ii",
        "iii",
        "iv",
        "the",
        "a",
        "an",
        "of",
        "and",
        "for",
        "in",
        "with",
        "to",
        "at",
        "m",
        "w",
        "d",
        "f",
        "h",
        "years",
        "year",
        "experience",
        "intern",
        "internship",
        "associate",
        "contract",
        "full",
        "time",
        "part",
    ];
    // The role part: before " - ", " | ", " (" and ",".
    let mut t = title;
    for sep in [" - ", " | ", " – ", " (", ", ", " @ "] {
        if let Some(i) = t.find(sep) {
            t = &t[..i];
        }
    }
    let mut out = Vec::new();
    for w in t.split(|c: char| !(c.is_alphanumeric() || c == '+' || c == '#' || c == '.')) {
        let w = w.trim_matches('.').to_lowercase();
        if w.len() < 2 && w != "c"
            || SKIP.contains(&w.as_str())
            || w.chars().all(|c| c.is_ascii_digit())
        {
            continue;
        }
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out.truncate(3);
    out
}

/// A skill the job keeps coming back to is its core; one named once in passing is not.
/// Nice-to-haves weigh more with each mention (× 1 + ½ ln mentions), and a skill in the
/// title ("Java Developer") weighs at least as much as a must-have.
fn weigh_by_prominence(c: &mut Criteria, doc: &Doc, title: Option<&str>) {
    let mut mentions: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    // Sentences that mention the skill (extract_skills reports each skill once per text),
    // with the names only the whole text gives context for ("- Go" in a list of bullets).
    for line in doc.text.lines() {
        for sent in line.split(". ") {
            let mut names: Vec<&'static str> = extract_skills(sent).iter().map(|m| m.skill).collect();
            for (_, _, skill) in doc.mentions_in(sent) {
                if !names.contains(&skill) {
                    names.push(skill);
                }
            }
            for name in names {
                *mentions.entry(name).or_default() += 1;
            }
        }
    }
    for w in &mut c.nice_to_have {
        let n = mentions.get(w.skill.as_str()).copied().unwrap_or(1).max(1);
        w.weight *= 1.0 + 0.5 * (n as f32).ln();
    }
    // A title is short and is not a "Label: list" line.
    if let Some(t) = title.filter(|t| t.len() <= 100 && !t.contains(':') && !t.contains(". ")) {
        for m in extract_skills(t) {
            push_nice(c, m.skill, crate::evaluate::W_MUST);
        }
    }
}

fn cut(text: &str) -> &str {
    let mut e = text.len().min(MAX_TEXT);
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    &text[..e]
}

impl Criteria {
    /// Criteria from a job description's text. Never fails; an empty text gives criteria
    /// with only `job_text` set.
    pub fn derive_from_text(jd_text: &str) -> Criteria {
        let text = cut(jd_text);
        let doc = Doc::new(text);
        let mut c = Criteria::default();
        let mut mode = Mode::None;
        let mut must_count = 0usize;
        let mut first_line: Option<&str> = None;
        for line in text.lines() {
            let l = line.trim();
            if l.is_empty() {
                continue;
            }
            if first_line.is_none() {
                first_line = Some(l);
            }
            // A heading line on its own.
            if let Some(m) = heading_mode(l) {
                if l.len() <= 60 && !l.contains(". ") {
                    mode = m;
                    continue;
                }
            }
            // Inline cues split the line; the part before the first cue keeps the mode.
            let mut cuts: Vec<(usize, usize, Mode)> = Vec::new();
            for cap in inline_cue_re().captures_iter(l) {
                if let (Some(all), Some(name)) = (cap.get(0), cap.get(1).or(cap.get(2))) {
                    if let Some(m) = heading_mode(name.as_str()) {
                        cuts.push((all.start(), all.end(), m));
                    }
                }
            }
            let mut pos = 0;
            let mut seg_mode = mode;
            for (s, e, m) in cuts {
                apply_segment(&l[pos..s], seg_mode, &mut c, &mut must_count, &doc);
                pos = e;
                seg_mode = m;
            }
            apply_segment(&l[pos..], seg_mode, &mut c, &mut must_count, &doc);
            // A bullet list keeps the heading's mode; a cue inside a run-on line holds
            // for the rest of that line only when the line was a paragraph.
            if pos > 0 && l.len() <= 200 {
                mode = seg_mode;
            }
        }
        if let Some(t) = first_line.filter(|t| t.len() <= 100 && !t.contains(". ")) {
            let info = normalize_title(t);
            if let Some(s) = info.seniority {
                c.seniority = Some((s, s));
            }
            let kws = title_keywords(t);
            if !kws.is_empty() {
                c.title_keywords = kws;
            }
        }
        weigh_by_prominence(&mut c, &doc, first_line);
        c.max_missing_must_haves = (c.must_have.len() / MUST_PER_TOLERATED_MISS) as u32;
        if !text.trim().is_empty() {
            c.job_text = Some(text.to_string());
        }
        c
    }

    /// Criteria from a stored posting: its description as above, plus its title, structured
    /// skills, seniority, countries/remote policy and salary maximum (as the ceiling).
    pub fn derive_from_posting(p: &Posting) -> Criteria {
        let body = format!("{}\n{}", p.title, p.description);
        let mut c = Criteria::derive_from_text(&body);
        if let Some(s) = p.seniority {
            c.seniority = Some((s, s));
        }
        let kws = title_keywords(&p.title);
        if !kws.is_empty() {
            c.title_keywords = kws;
        }
        for s in &p.skills {
            push_nice(&mut c, s, 1.0);
        }
        let remote = p.remote == Some(hirekit_model::RemotePolicy::Remote);
        if !p.countries.is_empty() || remote {
            c.location = Some(LocationRule {
                countries: p.countries.clone(),
                remote_ok: remote,
                timezones: vec![],
            });
        }
        if let Some(sal) = &p.salary {
            if let Some(max) = sal.max.filter(|m| m.is_finite() && *m > 0.0) {
                c.salary_ceiling = Some(SalaryCeiling {
                    amount: max,
                    currency: sal.currency.clone(),
                    period: sal.period.map(|x| x.as_str().to_string()),
                });
            }
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_words() {
        assert_eq!(
            title_keywords("Senior Backend Engineer - Berlin"),
            vec!["backend"]
        );
        assert!(title_keywords("Software Developer - .Net").is_empty());
        assert_eq!(
            title_keywords("Senior Software Engineer, Payments"),
            Vec::<String>::new()
        );
        assert_eq!(title_keywords("Embedded Software Engineer"), vec!["embedded"]);
    }
}
