use hirekit_model::Posting;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceInfo {
    pub id: i64,
    pub name: String,
    pub kind: Option<String>,
    pub location: String,
    pub registered: bool,
    pub interval_secs: i64,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub last_polled_at: Option<i64>,
    pub last_ok_at: Option<i64>,
    pub last_status: Option<String>,
    pub last_error: Option<String>,
    pub consecutive_failures: i64,
    pub created_at: i64,
}

/// The outcome of one poll of a source, as kept on the source.
#[derive(Debug, Clone, Default)]
pub struct SourceStatus {
    pub polled_at: i64,
    /// "ok", "not_modified" or "failed".
    pub status: String,
    pub error: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// One item of a source, parsed and normalized, ready to store.
#[derive(Debug, Clone)]
pub struct Incoming {
    /// The item's id at its source (or a stable hash when the source has none).
    pub external_id: String,
    /// Hash of the raw item: equal hash = unchanged.
    pub content_hash: String,
    /// The raw item as JSON text.
    pub raw: String,
    pub url: Option<String>,
    pub apply_url: Option<String>,
    /// Cross-source identity: normalized company + title + location.
    pub fingerprint: String,
    /// How much this source's copy is preferred: an employer's own ATS board (2) over its
    /// career page (1) over an aggregator (0). The best copy supplies the fields and apply link.
    pub rank: i64,
    pub posting: Posting,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct BatchOutcome {
    pub new: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub merged: u64,
}

impl std::ops::AddAssign for BatchOutcome {
    fn add_assign(&mut self, o: BatchOutcome) {
        self.new += o.new;
        self.updated += o.updated;
        self.unchanged += o.unchanged;
        self.merged += o.merged;
    }
}

/// Where a posting was seen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostingSource {
    pub source_id: i64,
    pub source: String,
    pub kind: Option<String>,
    pub external_id: String,
    pub url: Option<String>,
    pub apply_url: Option<String>,
    /// Why this item was merged into an existing posting (None for the item that created it).
    pub merge_reason: Option<String>,
    pub first_seen: i64,
    pub last_seen: i64,
    pub closed_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredPosting {
    pub id: i64,
    pub fingerprint: String,
    #[serde(flatten)]
    pub posting: Posting,
    pub first_seen: i64,
    pub last_seen: i64,
    pub closed_at: Option<i64>,
    pub updated_at: i64,
    pub change_seq: i64,
    pub sources: Vec<PostingSource>,
}

/// A stored raw item with what is needed to parse it again.
#[derive(Debug, Clone)]
pub struct StoredItem {
    pub id: i64,
    pub posting_id: i64,
    pub source_kind: Option<String>,
    pub source_name: String,
    pub source_location: String,
    pub raw: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub postings: i64,
    pub open_postings: i64,
    pub items: i64,
    pub sources: i64,
}
