//! What a ranking returns for each candidate.

use crate::text::Snippet;
use serde::Serialize;

/// How the score was made.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breakdown {
    /// Weighted share of the criteria met (0–1; partial credit for years and seniority).
    pub coverage: f32,
    /// BM25 of the resume against the job, relative to the job text's own BM25 (0–1).
    pub lexical: f32,
    /// Cosine similarity of sentence embeddings, rescaled to 0–1; `None` without a model.
    pub semantic: Option<f32>,
    /// The weights applied to the three signals (they sum to 1).
    pub weights: Weights,
    /// Raw BM25 score before normalization.
    pub bm25: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Weights {
    pub coverage: f32,
    pub lexical: f32,
    pub semantic: f32,
}

/// One criterion, met or missed, with where in the resume it was (or was not) found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// "must have: Kafka or RabbitMQ", "min total years: 5"…
    pub criterion: String,
    pub met: bool,
    /// Share of the criterion met (1 met, 0 missed, in between for partial credit).
    pub credit: f32,
    /// Weight of the criterion in the coverage signal (0 = shown but not scored).
    pub weight: f32,
    pub snippets: Vec<Snippet>,
    /// What matched, or for a missed criterion, what was looked for.
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scored {
    /// The candidate's id as given (usually the file name).
    pub id: String,
    /// 0–100.
    pub score: f32,
    /// A must-have is missing: ranked after every candidate that has them all.
    pub knocked_out: bool,
    /// Why ("missing must-have: Kafka or RabbitMQ").
    pub knockouts: Vec<String>,
    pub breakdown: Breakdown,
    pub evidence: Vec<Evidence>,
    /// Which signals made the score: "coverage", "lexical", "semantic".
    pub signals: Vec<&'static str>,
    /// Another candidate of this batch that is the same person (the better-ranked one).
    pub duplicate_of: Option<String>,
}

/// One row of a ranking as `hirekit screen --json` and `POST /api/v1/screen` show it:
/// `rank` (1-based), `file`, then every field of [`Scored`].
#[derive(Serialize)]
struct Row<'a> {
    rank: usize,
    file: &'a str,
    #[serde(flatten)]
    scored: &'a Scored,
}

impl Scored {
    /// This result as one row of a ranking (`rank` is its 1-based position). The CLI and
    /// the API serialize these so both print the same shape, fields in this order.
    pub fn to_row(&self, rank: usize) -> impl Serialize + '_ {
        Row {
            rank,
            file: &self.id,
            scored: self,
        }
    }
}
