//! The query language: words (all required), "quoted phrases", -exclusions.
//! Parsing is separate from building tantivy queries so it can be tested (and fuzzed) alone.

use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, FuzzyTermQuery, Occur, PhraseQuery, Query,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use crate::request::SearchError;
use crate::schema::Fields;
use crate::tokenizer::tokens;

/// Longest query accepted, and most terms: beyond that a query is an accident or an attack.
pub const MAX_QUERY_BYTES: usize = 1000;
pub const MAX_TERMS: usize = 32;

/// Shortest last word that also matches as a prefix (shorter prefixes match half the index).
pub const MIN_PREFIX_CHARS: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub enum Clause {
    /// One token; `prefix` when it is the last word being typed.
    Word { token: String, prefix: bool },
    /// Several tokens in order ("node.js" is a phrase of two tokens too).
    Phrase(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    pub must: Vec<Clause>,
    pub must_not: Vec<Clause>,
}

impl Parsed {
    pub fn is_empty(&self) -> bool {
        self.must.is_empty() && self.must_not.is_empty()
    }
    /// Every token the user asked for (for snippets).
    pub fn positive_tokens(&self) -> Vec<(String, bool)> {
        let mut v = Vec::new();
        for c in &self.must {
            match c {
                Clause::Word { token, prefix } => v.push((token.clone(), *prefix)),
                Clause::Phrase(ts) => v.extend(ts.iter().map(|t| (t.clone(), false))),
            }
        }
        v
    }
}

fn syntax(message: impl Into<String>, position: usize) -> SearchError {
    SearchError::Syntax {
        message: message.into(),
        position,
    }
}

/// Parse a query string. Errors carry the byte position of the offending character.
pub fn parse(q: &str) -> Result<Parsed, SearchError> {
    if q.len() > MAX_QUERY_BYTES {
        return Err(syntax(
            format!("query longer than {MAX_QUERY_BYTES} bytes"),
            MAX_QUERY_BYTES,
        ));
    }
    let ends_open = !q.ends_with(|c: char| c.is_whitespace() || c == '"');
    let mut out = Parsed::default();
    let mut nterms = 0usize;
    let bytes = q.as_bytes();
    let mut i = 0;
    // (negated, tokens, is_phrase, start) in order, to decide which is the last word
    let mut items: Vec<(bool, Vec<String>, bool, usize)> = Vec::new();
    while i < bytes.len() {
        let c = q[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut neg = false;
        if c == '-' {
            neg = true;
            i += 1;
            match q[i..].chars().next() {
                None => {
                    return Err(syntax(
                        "'-' must be followed by a word or phrase to exclude",
                        start,
                    ))
                }
                Some(n) if n.is_whitespace() => {
                    return Err(syntax(
                        "'-' must be followed by a word or phrase to exclude",
                        start,
                    ))
                }
                _ => {}
            }
        }
        if q[i..].starts_with('"') {
            let open = i;
            let Some(len) = q[i + 1..].find('"') else {
                return Err(syntax("unclosed quote", open));
            };
            let inner = &q[i + 1..i + 1 + len];
            i = i + 1 + len + 1;
            let ts: Vec<String> = tokens(inner).into_iter().map(|t| t.0).collect();
            if !ts.is_empty() {
                items.push((neg, ts, true, start));
            }
            continue;
        }
        let end = q[i..]
            .find(|c: char| c.is_whitespace() || c == '"')
            .map_or(q.len(), |e| i + e);
        let word = &q[i..end];
        i = end;
        let ts: Vec<String> = tokens(word).into_iter().map(|t| t.0).collect();
        if !ts.is_empty() {
            items.push((neg, ts, false, start));
        }
    }
    let last = items.len().wrapping_sub(1);
    for (n, (neg, ts, quoted, start)) in items.into_iter().enumerate() {
        nterms += ts.len();
        if nterms > MAX_TERMS {
            return Err(syntax(format!("more than {MAX_TERMS} search terms"), start));
        }
        let clause = if ts.len() == 1 && !quoted {
            let token = ts.into_iter().next().unwrap_or_default();
            let prefix =
                n == last && ends_open && !neg && token.chars().count() >= MIN_PREFIX_CHARS;
            Clause::Word { token, prefix }
        } else if ts.len() == 1 {
            Clause::Word {
                token: ts.into_iter().next().unwrap_or_default(),
                prefix: false,
            }
        } else {
            Clause::Phrase(ts)
        };
        if neg {
            out.must_not.push(clause);
        } else {
            out.must.push(clause);
        }
    }
    Ok(out)
}

/// Allowed typos for a word: none below 5 letters, 1 from 5, 2 from 8.
pub fn typo_distance(token: &str) -> u8 {
    let n = token.chars().count();
    if !token.chars().all(char::is_alphabetic) {
        0 // numbers, versions, "c++": a typo there is a different thing
    } else if n >= 8 {
        2
    } else if n >= 5 {
        1
    } else {
        0
    }
}

/// Field weights: title counts most, then company, skills, description.
pub fn weighted_fields(f: &Fields) -> [(Field, f32); 4] {
    [
        (f.title, 3.0),
        (f.company_text, 2.0),
        (f.skills_text, 1.5),
        (f.description, 1.0),
    ]
}

/// Typo and prefix matches score a flat fraction of a field's weight: below any exact match.
const LOOSE_SCORE: f32 = 0.25;

/// A word found in at least this share of postings (and at least `COMMON_MIN` of them) is
/// taken as spelled right: looking for its look-alikes would cost a walk of the term
/// dictionary per field for matches the user did not ask for. Typos are rare as typed.
const COMMON_SHARE: f64 = 0.001;
const COMMON_MIN: u64 = 50;

fn is_common(token: &str, f: &Fields, searcher: &Searcher) -> bool {
    let threshold = ((searcher.num_docs() as f64 * COMMON_SHARE) as u64).max(COMMON_MIN);
    let mut df = 0;
    for (field, _) in weighted_fields(f) {
        df += searcher
            .doc_freq(&Term::from_field_text(field, token))
            .unwrap_or(0);
        if df >= threshold {
            return true;
        }
    }
    false
}

/// Words that match across fields count by their best field (plus a little of the others),
/// not the sum: a posting whose company field repeats its title must not outrank one whose
/// title says what was asked (Elasticsearch's `best_fields` / dis_max).
const TIE_BREAKER: f32 = 0.2;

fn clause_query(c: &Clause, f: &Fields, loose: bool, searcher: &Searcher) -> Box<dyn Query> {
    // A word common as typed is taken as complete and spelled right: no completions, no
    // look-alikes. Those would walk the dictionary and add posting lists that dwarf the word's
    // own on broad queries ("engineer" → "engineering", "engineers"…), for matches nobody
    // asked for. A rare or partial word ("engin", "kuberntes") gets both.
    let (typos, prefix) = match c {
        Clause::Word { token, prefix } if loose => {
            let wants_loose = *prefix || typo_distance(token) > 0;
            if wants_loose && is_common(token, f, searcher) {
                (0, false)
            } else {
                (typo_distance(token), *prefix)
            }
        }
        _ => (0, false),
    };
    let mut per_field: Vec<Box<dyn Query>> = Vec::new();
    for (field, w) in weighted_fields(f) {
        match c {
            Clause::Word { token, .. } => {
                let term = Term::from_field_text(field, token);
                let exact: Box<dyn Query> =
                    Box::new(TermQuery::new(term.clone(), IndexRecordOption::WithFreqs));
                let exact: Box<dyn Query> = Box::new(BoostQuery::new(exact, w));
                if !loose || (!prefix && typos == 0) {
                    per_field.push(exact);
                    continue;
                }
                let mut should: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, exact)];
                // the word being typed: any completion (a plain walk down the dictionary)
                if prefix {
                    let q = FuzzyTermQuery::new_prefix(term.clone(), 0, true);
                    should.push((
                        Occur::Should,
                        Box::new(BoostQuery::new(Box::new(q), w * LOOSE_SCORE)),
                    ));
                }
                if typos > 0 {
                    let q = FuzzyTermQuery::new(term, typos, true);
                    should.push((
                        Occur::Should,
                        Box::new(BoostQuery::new(Box::new(q), w * LOOSE_SCORE)),
                    ));
                }
                per_field.push(Box::new(BooleanQuery::new(should)));
            }
            Clause::Phrase(ts) => {
                let terms: Vec<Term> = ts.iter().map(|t| Term::from_field_text(field, t)).collect();
                let q: Box<dyn Query> = Box::new(PhraseQuery::new(terms));
                per_field.push(Box::new(BoostQuery::new(q, w)));
            }
        }
    }
    let best: Box<dyn Query> = Box::new(DisjunctionMaxQuery::with_tie_breaker(per_field, TIE_BREAKER));
    match c {
        // A word matched as typed outranks any typo or completion of it, whatever the fields:
        // "intern" in a title beats "international" in a description next to a stronger title.
        Clause::Word { token, .. } if loose && (prefix || typos > 0) => {
            let exact: Vec<(Occur, Box<dyn Query>)> = weighted_fields(f)
                .iter()
                .map(|(field, _)| {
                    let t = Term::from_field_text(*field, token);
                    (Occur::Should, Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>)
                })
                .collect();
            let bonus: Box<dyn Query> = Box::new(ConstScoreQuery::new(Box::new(BooleanQuery::new(exact)), EXACT_WORD_BONUS));
            Box::new(BooleanQuery::new(vec![(Occur::Should, best), (Occur::Should, bonus)]))
        }
        _ => best,
    }
}

/// Above any BM25 sum a posting reaches here (title ×3 over a handful of words stays < 100),
/// so the number of words matched as typed orders results first and BM25 within.
const EXACT_WORD_BONUS: f32 = 100.0;

/// Extra score for a title holding two query words side by side ("data engineer" in
/// "Senior Data Engineer", not in "Data Scientist, Platform Engineer"): word order is how a
/// title says what the job is.
const TITLE_PAIR_BOOST: f32 = 3.0;

fn title_pairs(p: &Parsed, f: &Fields) -> Vec<(Occur, Box<dyn Query>)> {
    let words: Vec<&str> = p
        .must
        .iter()
        .map(|c| match c {
            Clause::Word { token, .. } => Some(token.as_str()),
            Clause::Phrase(_) => None,
        })
        .collect::<Option<Vec<_>>>()
        .unwrap_or_default();
    words
        .windows(2)
        .map(|w| {
            let terms = vec![Term::from_field_text(f.title, w[0]), Term::from_field_text(f.title, w[1])];
            let q: Box<dyn Query> = Box::new(PhraseQuery::new(terms));
            (Occur::Should, Box::new(BoostQuery::new(q, TITLE_PAIR_BOOST)) as Box<dyn Query>)
        })
        .collect()
}

/// The text part of a search, or None for "match everything".
pub fn text_query(p: &Parsed, f: &Fields, searcher: &Searcher) -> Option<Box<dyn Query>> {
    if p.is_empty() {
        return None;
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for c in &p.must {
        clauses.push((Occur::Must, clause_query(c, f, true, searcher)));
    }
    clauses.extend(title_pairs(p, f));
    if p.must.is_empty() {
        clauses.push((Occur::Must, Box::new(tantivy::query::AllQuery)));
    }
    for c in &p.must_not {
        // exclusions are exact: excluding look-alikes would surprise
        clauses.push((Occur::MustNot, clause_query(c, f, false, searcher)));
    }
    Some(Box::new(BooleanQuery::new(clauses)))
}

/// Whether two words are within `max` edits (Levenshtein, with an early exit). Used to
/// highlight typo matches in snippets, so it must be cheap: no allocation for ASCII words.
pub fn within_distance(a: &str, b: &str, max: usize) -> bool {
    if a.len().abs_diff(b.len()) > max * 4 {
        return false; // even counting multi-byte letters, too far apart
    }
    if a.is_ascii() && b.is_ascii() && a.len() < 64 && b.len() < 64 {
        return lev(a.as_bytes(), b.as_bytes(), max);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    lev(&a, &b, max)
}

fn lev<T: PartialEq>(a: &[T], b: &[T], max: usize) -> bool {
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    if b.len() >= 64 {
        return false;
    }
    let mut prev = [0usize; 64];
    let mut cur = [0usize; 64];
    for (j, p) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *p = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return false;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] <= max
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(t: &str, prefix: bool) -> Clause {
        Clause::Word {
            token: t.into(),
            prefix,
        }
    }

    #[test]
    fn words_phrases_exclusions_prefix() {
        let p = parse("Senior \"data engineer\" -intern kube").expect("ok");
        assert_eq!(
            p.must,
            [
                w("senior", false),
                Clause::Phrase(vec!["data".into(), "engineer".into()]),
                w("kube", true)
            ]
        );
        assert_eq!(p.must_not, [w("intern", false)]);
        let p = parse("kube ").expect("ok");
        assert_eq!(p.must, [w("kube", false)]);
        let p = parse("node.js").expect("ok");
        assert_eq!(p.must, [Clause::Phrase(vec!["node".into(), "js".into()])]);
        assert!(parse("  ").expect("ok").is_empty());
    }

    #[test]
    fn syntax_errors_point_at_the_problem() {
        assert_eq!(
            parse("rust \"data eng"),
            Err(SearchError::Syntax {
                message: "unclosed quote".into(),
                position: 5
            })
        );
        assert!(matches!(
            parse("rust - go"),
            Err(SearchError::Syntax { position: 5, .. })
        ));
        assert!(matches!(
            parse("rust -"),
            Err(SearchError::Syntax { position: 5, .. })
        ));
        let long = "a ".repeat(40);
        assert!(matches!(parse(&long), Err(SearchError::Syntax { .. })));
    }

    #[test]
    fn edit_distance() {
        assert!(within_distance("kuberntes", "kubernetes", 2));
        assert!(within_distance("pyhton", "python", 2));
        assert!(!within_distance("java", "rust", 2));
    }
}
