//! Graded relevance on a small judged query set (`data/judged_queries.toml`).
//!
//! Each judged query states its relevance rules as predicates on the posting's fields:
//! * `text`: groups of terms, each group must match the posting's title + skills + description
//!   (any one term of a group) — the minimum for the posting to be about the query;
//! * `title`: groups that must all match the title — the title shows the intent;
//! * `not_title`: terms that make a posting irrelevant when its title has one (a recruiter
//!   ad that names the technology, a sales role…);
//! * `remote = true`: the posting must be flagged remote; the query's filters must hold too.
//!
//! Grade 2 = title and text groups match, 1 = text groups only (description/skills match),
//! 0 = otherwise. Terms match case-insensitively at word boundaries; a trailing `*` matches
//! any word ending ("engineer*" → engineers, engineering); spaces match spaces or hyphens.
//!
//! Metrics over the top 10: precision@10 = relevant (grade ≥ 1) hits / min(10, relevant
//! postings in the corpus); NDCG@10 with gains 2^grade − 1 and the ideal ranking taken from
//! the whole corpus (every posting graded by the same rules).

use std::path::Path;

use anyhow::Context as _;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::corpus::{for_each_doc, Corpus, CorpusDoc};
use crate::engine::Engine;
use crate::pg::SalaryRule;
use crate::query::{Filters, Query};

pub const K: usize = 10;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    query: Vec<RuleSpec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    q: String,
    #[serde(default)]
    filters: Filters,
    #[serde(default)]
    title: Vec<Vec<String>>,
    text: Vec<Vec<String>>,
    #[serde(default)]
    not_title: Vec<String>,
    #[serde(default)]
    remote: Option<bool>,
}

/// One judged query with its compiled rules.
#[derive(Debug, Clone)]
pub struct Judged {
    pub query: Query,
    title: Vec<Regex>,
    text: Vec<Regex>,
    not_title: Option<Regex>,
    remote: Option<bool>,
}

/// Regex for "any of these terms" at word boundaries.
fn terms_regex(terms: &[String]) -> anyhow::Result<Regex> {
    if terms.is_empty() || terms.iter().any(|t| t.trim().is_empty()) {
        anyhow::bail!("empty term group");
    }
    let alts: Vec<String> = terms
        .iter()
        .map(|t| {
            let t = t.trim().to_lowercase();
            let (stem, prefix) = match t.strip_suffix('*') {
                Some(s) => (s.to_string(), true),
                None => (t, false),
            };
            let words: Vec<String> = stem.split_whitespace().map(regex::escape).collect();
            let mut s = words.join(r"[\s\-/]+");
            if prefix {
                s.push_str(r"[\p{L}\p{N}]*");
            }
            s
        })
        .collect();
    // Consuming boundaries instead of \b so that terms like "c++" or ".net" work.
    let re = format!(
        r"(?i)(?:^|[^\p{{L}}\p{{N}}_])(?:{})(?:$|[^\p{{L}}\p{{N}}_])",
        alts.join("|")
    );
    Ok(Regex::new(&re)?)
}

impl Judged {
    /// Grade a posting: 2, 1 or 0 (see the module docs).
    pub fn grade(&self, d: &CorpusDoc, rule: SalaryRule) -> u8 {
        if !filters_hold(&self.query.filters, d, rule) || self.remote.is_some_and(|r| r != d.remote)
        {
            return 0;
        }
        if self
            .not_title
            .as_ref()
            .is_some_and(|re| re.is_match(&d.title))
        {
            return 0;
        }
        let title_ok = self.title.iter().all(|re| re.is_match(&d.title));
        let text_ok = self.text.iter().all(|re| {
            re.is_match(&d.title)
                || d.skills.iter().any(|s| re.is_match(s))
                || re.is_match(&d.description)
        });
        match (title_ok, text_ok) {
            (true, true) => 2,
            (false, true) => 1,
            _ => 0,
        }
    }
}

/// The workload's filter semantics, as the engines must apply them.
pub fn filters_hold(f: &Filters, d: &CorpusDoc, rule: SalaryRule) -> bool {
    if f.remote.is_some_and(|r| r != d.remote) {
        return false;
    }
    if let Some(min) = f.salary_min_gte {
        let v = match rule {
            SalaryRule::MinGte => d.salary_min_usd,
            SalaryRule::Overlap => d.salary_max_usd,
        };
        if !v.is_some_and(|v| v >= min) {
            return false;
        }
    }
    if let Some(p) = &f.company_prefix {
        if !d
            .company
            .as_deref()
            .is_some_and(|c| c.to_lowercase().starts_with(&p.to_lowercase()))
        {
            return false;
        }
    }
    if let Some(c) = &f.country {
        if !d
            .country
            .as_deref()
            .is_some_and(|x| x.eq_ignore_ascii_case(c))
        {
            return false;
        }
    }
    true
}

/// The judged query set.
#[derive(Debug, Clone)]
pub struct JudgedSet {
    pub queries: Vec<Judged>,
}

impl JudgedSet {
    pub fn load(path: &Path) -> anyhow::Result<JudgedSet> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        JudgedSet::parse(&text).with_context(|| format!("in {}", path.display()))
    }

    /// The set shipped with this crate.
    pub fn builtin() -> JudgedSet {
        #[allow(clippy::expect_used)]
        JudgedSet::parse(include_str!("../data/judged_queries.toml"))
            .expect("shipped judged set parses")
    }

    pub fn parse(text: &str) -> anyhow::Result<JudgedSet> {
        let file: RuleFile = toml::from_str(text)?;
        let mut queries = Vec::new();
        for (i, r) in file.query.into_iter().enumerate() {
            let ctx = || format!("query {} {:?}", i + 1, r.q);
            if r.text.is_empty() {
                anyhow::bail!("{}: needs at least one text group", ctx());
            }
            let compile = |groups: &[Vec<String>]| -> anyhow::Result<Vec<Regex>> {
                groups.iter().map(|g| terms_regex(g)).collect()
            };
            queries.push(Judged {
                query: Query {
                    id: 10_000 + i as u32,
                    q: r.q.clone(),
                    filters: r.filters.clone(),
                },
                title: compile(&r.title).with_context(ctx)?,
                text: compile(&r.text).with_context(ctx)?,
                not_title: if r.not_title.is_empty() {
                    None
                } else {
                    Some(terms_regex(&r.not_title).with_context(ctx)?)
                },
                remote: r.remote,
            });
        }
        Ok(JudgedSet { queries })
    }
}

/// How many postings of each grade the corpus holds for one query, each count capped at K
/// (enough for the ideal top K).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct IdealCount {
    pub twos: usize,
    pub ones: usize,
}

/// Counts grades over a stream of postings (fed by a corpus pass, e.g. during the PG load).
#[derive(Debug, Clone)]
pub struct IdealCounter {
    pub counts: Vec<IdealCount>,
    rule: SalaryRule,
}

impl IdealCounter {
    pub fn new(set: &JudgedSet, rule: SalaryRule) -> IdealCounter {
        IdealCounter {
            counts: vec![IdealCount::default(); set.queries.len()],
            rule,
        }
    }

    pub fn observe(&mut self, set: &JudgedSet, d: &CorpusDoc) {
        for (j, c) in set.queries.iter().zip(self.counts.iter_mut()) {
            // Once K twos are known the ideal top K is settled: skip the grading work.
            if c.twos >= K {
                continue;
            }
            match j.grade(d, self.rule) {
                2 => c.twos += 1,
                1 if c.ones < K => c.ones += 1,
                _ => {}
            }
        }
    }

    /// One pass over a corpus file.
    pub fn from_corpus(
        set: &JudgedSet,
        path: &Path,
        rule: SalaryRule,
    ) -> anyhow::Result<Vec<IdealCount>> {
        let mut c = IdealCounter::new(set, rule);
        for_each_doc(path, |d| {
            c.observe(set, &d);
            Ok(())
        })?;
        Ok(c.counts)
    }
}

fn gain(g: u8) -> f64 {
    f64::from((1u32 << g) - 1)
}

fn discount(rank0: usize) -> f64 {
    1.0 / ((rank0 + 2) as f64).log2()
}

/// DCG of the first K grades.
pub fn dcg(grades: &[u8]) -> f64 {
    grades
        .iter()
        .take(K)
        .enumerate()
        .map(|(i, &g)| gain(g) * discount(i))
        .sum()
}

/// NDCG@K; None when the corpus has nothing relevant (the query cannot be judged).
pub fn ndcg(grades: &[u8], ideal: IdealCount) -> Option<f64> {
    let twos = ideal.twos.min(K);
    let ones = ideal.ones.min(K - twos);
    let best: Vec<u8> = std::iter::repeat_n(2, twos)
        .chain(std::iter::repeat_n(1, ones))
        .collect();
    let idcg = dcg(&best);
    (idcg > 0.0).then(|| dcg(grades) / idcg)
}

/// Relevant hits in the top K over min(K, relevant postings); None when nothing is relevant.
pub fn precision(grades: &[u8], ideal: IdealCount) -> Option<f64> {
    let available = (ideal.twos + ideal.ones).min(K);
    let hits = grades.iter().take(K).filter(|&&g| g > 0).count();
    (available > 0).then(|| hits as f64 / available as f64)
}

#[derive(Debug, Clone, Serialize)]
pub struct QueryJudgement {
    pub q: String,
    pub filters: Filters,
    /// Grades of the returned top K, best first.
    pub grades: Vec<u8>,
    pub total: u64,
    pub precision: Option<f64>,
    pub ndcg: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct JudgeReport {
    pub engine: String,
    pub per_query: Vec<QueryJudgement>,
    /// Means over the judgeable queries.
    pub mean_precision: f64,
    pub mean_ndcg: f64,
}

/// Run every judged query through `engine`, grade its top K from the corpus, score it.
pub fn judge(
    set: &JudgedSet,
    ideal: &[IdealCount],
    corpus: &Corpus,
    engine: &mut dyn Engine,
    rule: SalaryRule,
) -> anyhow::Result<JudgeReport> {
    anyhow::ensure!(
        ideal.len() == set.queries.len(),
        "ideal counts do not match the judged set"
    );
    let mut per_query = Vec::new();
    for (j, &id) in set.queries.iter().zip(ideal) {
        let r = engine
            .search(&j.query)
            .with_context(|| format!("judged query {:?}", j.query.q))?;
        let mut grades = Vec::new();
        for &doc in r.ids.iter().take(K) {
            let g = match corpus.get(doc)? {
                Some(d) => j.grade(&d, rule),
                None => 0,
            };
            grades.push(g);
        }
        per_query.push(QueryJudgement {
            q: j.query.q.clone(),
            filters: j.query.filters.clone(),
            precision: precision(&grades, id),
            ndcg: ndcg(&grades, id),
            grades,
            total: r.total,
        });
    }
    let mean = |f: fn(&QueryJudgement) -> Option<f64>| {
        let v: Vec<f64> = per_query.iter().filter_map(f).collect();
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    Ok(JudgeReport {
        engine: engine.name(),
        mean_precision: mean(|q| q.precision),
        mean_ndcg: mean(|q| q.ndcg),
        per_query,
    })
}

fn filters_label(f: &Filters) -> String {
    let mut v = Vec::new();
    if f.remote == Some(true) {
        v.push("remote".to_string());
    }
    if let Some(s) = f.salary_min_gte {
        v.push(format!("≥${}k", (s / 1000.0).round()));
    }
    if let Some(c) = &f.company_prefix {
        v.push(format!("company {c}*"));
    }
    if let Some(c) = &f.country {
        v.push(c.clone());
    }
    v.join(", ")
}

/// A markdown table: one row per judged query, P@10 and NDCG@10 for each engine.
pub fn side_by_side(reports: &[JudgeReport], ideal: &[IdealCount]) -> String {
    let mut s = String::from("| query | filters | relevant in corpus (2/1, capped at 10) |");
    for r in reports {
        s.push_str(&format!(" {} P@10 | {} NDCG@10 |", r.engine, r.engine));
    }
    s.push_str("\n|---|---|---|");
    for _ in reports {
        s.push_str("---|---|");
    }
    s.push('\n');
    let fmt = |x: Option<f64>| x.map_or("n/a".to_string(), |v| format!("{v:.2}"));
    let n = reports.first().map_or(0, |r| r.per_query.len());
    for i in 0..n {
        let q = &reports[0].per_query[i];
        let id = ideal.get(i).copied().unwrap_or_default();
        s.push_str(&format!(
            "| {} | {} | {}/{} |",
            q.q,
            filters_label(&q.filters),
            id.twos,
            id.ones
        ));
        for r in reports {
            let x = &r.per_query[i];
            s.push_str(&format!(" {} | {} |", fmt(x.precision), fmt(x.ndcg)));
        }
        s.push('\n');
    }
    s.push_str("| **mean** | | |");
    for r in reports {
        s.push_str(&format!(
            " **{:.3}** | **{:.3}** |",
            r.mean_precision, r.mean_ndcg
        ));
    }
    s.push('\n');
    s
}

#[cfg(test)]
mod tests;
