//! Ranking a batch: evaluate each candidate (in parallel), BM25 over the batch, optional
//! embeddings, combine, sort, mark duplicates.

use crate::blind::blind;
use crate::bm25::{doc_stats, score_all, DocStats, Query};
use crate::criteria::Criteria;
use crate::dupes::{duplicates, norm_email, norm_name, norm_phone, shared_names, Ident};
use crate::embed::{chunks, cosine, rescale, resume_similarity, Embedder};
use crate::evaluate::{evaluate, Outcome, Plan, Subject};
use crate::result::{Breakdown, Scored, Weights};
use crate::text::{lower, shingles};
use hirekit_model::profile::{Profile, ProfileSkill, Span};
use hirekit_model::skills::{extract_skills, skill_category};
use rayon::prelude::*;
use std::borrow::Cow;
use std::sync::Arc;

/// One resume to rank: its extracted text and the profile parsed from it (evidence spans
/// are byte offsets into `text`).
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    /// Usually the file name.
    pub id: String,
    pub text: &'a str,
    pub profile: &'a Profile,
}

#[derive(Clone, Default)]
pub struct Options {
    /// Mask identity and protected characteristics before scoring and in the evidence shown.
    pub blind: bool,
    /// Sentence embedder for the semantic signal; `None` scores with coverage + lexical.
    pub embedder: Option<Arc<dyn Embedder>>,
    /// Override the signal weights (normalized to sum 1 over the signals available).
    pub weights: Option<Weights>,
    /// Skip duplicate detection (it is on by default).
    pub no_dedupe: bool,
    /// Called as resume chunks are embedded: (chunks done, chunks in all). Embedding a
    /// batch from cold takes minutes on CPU, so callers show it.
    pub on_embed: Option<Arc<dyn Fn(usize, usize) + Send + Sync>>,
    /// Stop embedding resumes once this much time has passed since it began, and rank
    /// without the semantic signal (for a request that must answer in time); the vectors
    /// done so far stay in the embedder's cache.
    pub embed_budget: Option<std::time::Duration>,
}

/// Resume chunks embedded per call: the cache on disk fills as it goes, so an interrupted
/// run keeps what it did, and progress can be reported.
pub const EMBED_SLICE: usize = 64;

/// Weights without embeddings: the criteria a recruiter wrote count most; BM25 over the
/// whole job text catches what the criteria leave out.
pub const WEIGHTS_NO_EMBED: Weights = Weights {
    coverage: 0.6,
    lexical: 0.4,
    semantic: 0.0,
};
/// Weights with embeddings.
pub const WEIGHTS_EMBED: Weights = Weights {
    coverage: 0.5,
    lexical: 0.2,
    semantic: 0.3,
};

/// Batches at least this large are centered on their mean resume vector (see
/// `semantic_scores`).
pub const CENTER_MIN: usize = 10;

struct Work<'a> {
    text: Cow<'a, str>,
    outcome: Outcome,
    stats: DocStats,
    ident: Ident,
}

/// Skills from the text when the profile carries none (a profile built elsewhere or empty).
fn skills_from_text(text: &str) -> Vec<ProfileSkill> {
    extract_skills(text)
        .into_iter()
        .map(|m| ProfileSkill {
            name: m.skill.to_string(),
            category: skill_category(m.skill).map(str::to_string),
            years: None,
            evidence: vec![Span {
                start: m.start,
                end: m.end,
            }],
        })
        .collect()
}

/// The text the job is represented by for BM25 and embeddings.
fn job_texts<'a>(c: &'a Criteria, plan_terms: &'a [(String, f32)]) -> Vec<(&'a str, f32)> {
    let mut v: Vec<(&str, f32)> = Vec::new();
    if let Some(j) = &c.job_text {
        v.push((j.as_str(), 1.0));
    }
    if let Some(i) = &c.ideal_candidate {
        v.push((i.as_str(), 1.5));
    }
    for (t, w) in plan_terms {
        v.push((t.as_str(), *w));
    }
    v
}

/// Ranks candidates against the criteria, best first. Candidates missing a must-have come
/// after all others (each group by score). Deterministic for a given input.
pub fn rank(criteria: &Criteria, candidates: &[Candidate], opts: &Options) -> Vec<Scored> {
    let plan = Plan::new(criteria);
    let terms = plan.query_terms();
    let jt = job_texts(criteria, &terms);
    let query = Query::build(&jt);
    // The job as a document: BM25 is reported relative to how well the job matches itself.
    let job_doc: String = jt
        .iter()
        .map(|(t, _)| t.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("\n");
    let job_stats = doc_stats(&query, &job_doc);
    let names: Vec<Option<String>> = candidates.iter().map(|c| norm_name(c.profile)).collect();
    let need_shingles = shared_names(&names);

    let work: Vec<Work> = candidates
        .par_iter()
        .zip(names.into_par_iter())
        .zip(need_shingles.into_par_iter())
        .map(|((c, name), shingle)| {
            let (text, profile): (Cow<str>, Cow<Profile>) = if opts.blind {
                let (t, p) = blind(c.text, c.profile);
                (Cow::Owned(t), Cow::Owned(p))
            } else {
                (Cow::Borrowed(c.text), Cow::Borrowed(c.profile))
            };
            let low = lower(&text);
            let own;
            let skills: &[ProfileSkill] = if profile.skills.is_empty() {
                own = skills_from_text(&text);
                &own
            } else {
                &profile.skills
            };
            let outcome = evaluate(
                &plan,
                &Subject {
                    text: &text,
                    lower: &low,
                    profile: &profile,
                    skills,
                },
            );
            let stats = doc_stats(&query, &low);
            let ident = Ident {
                // Identity comes from the original: blind mode hides it, it does not forget it.
                email: norm_email(c.profile, c.text),
                phone: norm_phone(c.profile),
                name,
                text_hash: xxhash_rust::xxh3::xxh3_64(low.as_bytes()),
                shingles: if shingle { shingles(&low) } else { vec![] },
            };
            Work {
                text,
                outcome,
                stats,
                ident,
            }
        })
        .collect();

    let (bm, reference) = {
        let refs: Vec<&DocStats> = work.iter().map(|w| &w.stats).collect();
        score_all(&query, &refs, &job_stats)
    };

    let semantic = opts
        .embedder
        .as_ref()
        .and_then(|e| semantic_scores(e.as_ref(), criteria, &terms, &work, opts));

    let has_cov = work.first().is_some_and(|w| w.outcome.total > 0.0);
    let has_lex = !query.is_empty();
    let base = opts.weights.unwrap_or(if semantic.is_some() {
        WEIGHTS_EMBED
    } else {
        WEIGHTS_NO_EMBED
    });
    let mut w = Weights {
        coverage: if has_cov { base.coverage } else { 0.0 },
        lexical: if has_lex { base.lexical } else { 0.0 },
        semantic: if semantic.is_some() {
            base.semantic
        } else {
            0.0
        },
    };
    let sum = w.coverage + w.lexical + w.semantic;
    if sum > 0.0 {
        w.coverage /= sum;
        w.lexical /= sum;
        w.semantic /= sum;
    }
    let mut signals: Vec<&'static str> = Vec::new();
    if w.coverage > 0.0 {
        signals.push("coverage");
    }
    if w.lexical > 0.0 {
        signals.push("lexical");
    }
    if w.semantic > 0.0 {
        signals.push("semantic");
    }

    let mut scored: Vec<(Scored, usize)> = Vec::with_capacity(work.len());
    let mut idents = Vec::with_capacity(work.len());
    for (i, (wk, c)) in work.into_iter().zip(candidates).enumerate() {
        let o = wk.outcome;
        let coverage = if o.total > 0.0 { o.met / o.total } else { 0.0 };
        // Relative to the job's own text scored as a resume: absolute, so one resume alone
        // or a batch of weak ones is not inflated to 1.
        let lexical = if reference > 0.0 {
            (bm[i] / reference).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let sem = semantic.as_ref().map(|s| s[i]);
        let score =
            100.0 * (w.coverage * coverage + w.lexical * lexical + w.semantic * sem.unwrap_or(0.0));
        let mut evidence = o.evidence;
        if criteria.ideal_candidate.is_some() {
            // Free text has no single place to point at: it is scored as text.
            evidence.push(crate::result::Evidence {
                criterion: "ideal candidate".into(),
                met: false,
                credit: 0.0,
                weight: 0.0,
                snippets: vec![],
                note: match sem {
                    Some(x) => format!("compared as text: lexical {lexical:.2}, semantic {x:.2}"),
                    None => format!("compared as text: lexical {lexical:.2}"),
                },
            });
        }
        idents.push(wk.ident);
        drop(wk.text);
        scored.push((
            Scored {
                id: c.id.clone(),
                score: (score * 10.0).round() / 10.0,
                knocked_out: !o.knockouts.is_empty(),
                knockouts: o.knockouts,
                breakdown: Breakdown {
                    coverage,
                    lexical,
                    semantic: sem,
                    weights: w,
                    bm25: bm[i],
                },
                evidence,
                signals: signals.clone(),
                duplicate_of: None,
            },
            i,
        ));
    }
    scored.sort_by(|(a, ia), (b, ib)| {
        a.knocked_out
            .cmp(&b.knocked_out)
            .then(b.score.total_cmp(&a.score))
            .then(b.breakdown.coverage.total_cmp(&a.breakdown.coverage))
            .then(ia.cmp(ib))
    });
    if !opts.no_dedupe {
        let order: Vec<usize> = scored.iter().map(|(_, i)| *i).collect();
        let dup = duplicates(&idents, &order);
        for (s, i) in &mut scored {
            s.duplicate_of = dup[*i].map(|j| candidates[j].id.clone());
        }
    }
    scored.into_iter().map(|(s, _)| s).collect()
}

/// Semantic similarity of each resume to the job, or `None` when the model fails or the
/// embedding budget runs out (the ranking then says it used no semantic signal rather than
/// failing).
///
/// In a batch of at least [`CENTER_MIN`] resumes, every vector is first centered on the
/// mean of the batch's resume chunks — the embedding analogue of IDF: what all these
/// resumes share ("a software developer") stops counting, what sets one apart stays — and
/// each job chunk is matched with its best resume chunk, averaged over the job's chunks
/// (how much of the job the resume speaks to). Centered cosines (−1…1) map to 0…1.
/// Smaller batches have no reliable mean: the job's mean vector against the resume's best
/// three chunks, raw cosine rescaled.
fn semantic_scores(
    e: &dyn Embedder,
    criteria: &Criteria,
    terms: &[(String, f32)],
    work: &[Work],
    opts: &Options,
) -> Option<Vec<f32>> {
    let mut job = String::new();
    if let Some(i) = &criteria.ideal_candidate {
        job.push_str(i);
        job.push('\n');
    }
    if let Some(j) = &criteria.job_text {
        job.push_str(j);
    } else {
        let t: Vec<&str> = terms.iter().map(|(t, _)| t.as_str()).collect();
        job.push_str(&t.join(", "));
    }
    if job.trim().is_empty() {
        return None;
    }
    let job_chunks = chunks(&job);
    let job_chunks: Vec<&str> = if job_chunks.is_empty() {
        vec![job.as_str()]
    } else {
        job_chunks
    };
    let mut jv = e.embed(&job_chunks).ok()?;
    let dim = jv.first()?.len();
    let per: Vec<Vec<&str>> = work.iter().map(|w| chunks(&w.text)).collect();
    let flat: Vec<&str> = per.iter().flatten().copied().collect();
    let mut vecs = Vec::with_capacity(flat.len());
    let started = std::time::Instant::now();
    for slice in flat.chunks(EMBED_SLICE) {
        if opts.embed_budget.is_some_and(|b| started.elapsed() >= b) {
            return None;
        }
        vecs.extend(e.embed(slice).ok()?);
        if let Some(f) = &opts.on_embed {
            f(vecs.len(), flat.len());
        }
    }
    let centered = per.len() >= CENTER_MIN && !vecs.is_empty();
    if centered {
        let mut mu = vec![0f32; dim];
        for v in &vecs {
            for (a, b) in mu.iter_mut().zip(v) {
                *a += b;
            }
        }
        mu.iter_mut().for_each(|a| *a /= vecs.len() as f32);
        for v in vecs.iter_mut().chain(jv.iter_mut()) {
            for (a, b) in v.iter_mut().zip(&mu) {
                *a -= b;
            }
        }
    }
    let mut jmean = vec![0f32; dim];
    for v in &jv {
        for (a, b) in jmean.iter_mut().zip(v) {
            *a += b;
        }
    }
    let mut it = vecs.into_iter();
    Some(
        per.iter()
            .map(|c| {
                let mine: Vec<Vec<f32>> = it.by_ref().take(c.len()).collect();
                if mine.is_empty() {
                    return 0.0;
                }
                if centered {
                    let best: f32 = jv
                        .iter()
                        .map(|j| mine.iter().map(|c| cosine(j, c)).fold(-1f32, f32::max))
                        .sum();
                    ((best / jv.len() as f32 + 1.0) / 2.0).clamp(0.0, 1.0)
                } else {
                    rescale(resume_similarity(&jmean, &mine))
                }
            })
            .collect(),
    )
}
