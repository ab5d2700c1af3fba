//! One parsed item → what the store keeps.

use hirekit_model::{dedupe, normalize::normalize, SourceKind, SourcePosting};
use hirekit_store::Incoming;
use xxhash_rust::xxh3::xxh3_128;

/// How much a kind of source is preferred as the posting's defining copy: the employer's own
/// ATS board, then a career page with JSON-LD, then aggregators (feeds, files, job boards).
pub fn rank(kind: SourceKind) -> i64 {
    match kind {
        SourceKind::Greenhouse
        | SourceKind::Lever
        | SourceKind::Ashby
        | SourceKind::Workable
        | SourceKind::SmartRecruiters
        | SourceKind::Recruitee
        | SourceKind::Personio => 2,
        SourceKind::JsonLd => 1,
        SourceKind::RemoteOk | SourceKind::Feed | SourceKind::Csv | SourceKind::Jsonl => 0,
    }
}

/// Normalize an item and compute its identity: external id, content hash and fingerprint.
pub fn to_incoming(kind: SourceKind, sp: &SourcePosting) -> Incoming {
    incoming(kind, sp, None)
}

/// As `to_incoming` for a JSONL line: the line itself is the stored raw item when it is the
/// same JSON as `sp.raw`, which saves serializing every item again (the parser only adds a
/// `_url` key for items without a URL; then, or for a line that is not UTF-8, `sp.raw` is
/// serialized as usual).
pub fn jsonl_incoming(sp: &SourcePosting, line: &[u8]) -> Incoming {
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line).trim_ascii();
    let same = sp.raw.get("_url").is_none();
    incoming(SourceKind::Jsonl, sp, std::str::from_utf8(line).ok().filter(|_| same))
}

fn incoming(kind: SourceKind, sp: &SourcePosting, raw_text: Option<&str>) -> Incoming {
    let raw = match raw_text {
        Some(t) => t.to_string(),
        None => serde_json::to_string(&sp.raw).unwrap_or_else(|_| "null".into()),
    };
    let content_hash = format!("{:032x}", xxh3_128(raw.as_bytes()));
    let posting = normalize(sp);
    let fingerprint = dedupe::fingerprint(&posting);
    let external_id = sp
        .external_id
        .clone()
        .filter(|s| !s.trim().is_empty())
        .or_else(|| sp.url.clone())
        .or_else(|| sp.apply_url.clone())
        // No id at all: the job's identity is what it is, so a re-ingest finds it again.
        .unwrap_or_else(|| format!("fp:{:032x}", xxh3_128(fingerprint.as_bytes())));
    Incoming {
        external_id,
        content_hash,
        raw,
        url: sp.url.clone(),
        apply_url: sp.apply_url.clone(),
        fingerprint,
        rank: rank(kind),
        posting,
    }
}
