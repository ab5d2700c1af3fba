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

#[cfg(test)]
mod tests {
    use super::*;
    use hirekit_sources::Context;

    fn parse(line: &str, source: &str) -> Incoming {
        let ctx = Context { source: source.into(), company: None };
        let sp = hirekit_sources::parse_jsonl_line(line.as_bytes(), 1, &ctx).expect("parses").expect("an item");
        let fast = jsonl_incoming(&sp, line.as_bytes());
        let slow = to_incoming(SourceKind::Jsonl, &sp);
        // Either way the raw item reads back as the same JSON, and the posting is the same.
        let a: serde_json::Value = serde_json::from_str(&fast.raw).expect("raw is JSON");
        let b: serde_json::Value = serde_json::from_str(&slow.raw).expect("raw is JSON");
        assert_eq!(a, b);
        assert_eq!(fast.posting, slow.posting);
        assert_eq!(fast.external_id, slow.external_id);
        fast
    }

    #[test]
    fn jsonl_line_is_kept_as_raw() {
        let line = "\u{feff}  {\"@type\":\"JobPosting\", \"title\":\"Rust Engineer\",\"url\":\"https://x.test/1\"}\r\n";
        let it = parse(line, "/tmp/jobs.jsonl");
        assert_eq!(it.raw, line.trim_start_matches('\u{feff}').trim());
    }

    #[test]
    fn item_given_the_page_url_is_serialized() {
        let line = r#"{"@type":"JobPosting","title":"Rust Engineer"}"#;
        let it = parse(line, "jsonl:https://feeds.example.test/jobs.jsonl");
        assert!(it.raw.contains("\"_url\""), "{}", it.raw);
    }
}
