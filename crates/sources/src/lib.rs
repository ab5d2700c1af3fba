//! hirekit-sources: the connectors of `hirekit ingest SOURCE…`.
//!
//! Each connector turns the bytes of one source document into [`SourcePosting`]s: it fills
//! what the format states and leaves interpretation (titles, pay, places) to the normalizers.
//! No HTTP here; callers hand in bytes or a reader. One bad item never stops the rest, and
//! no input makes a parser panic.

pub use hirekit_model::posting::{SourceKind, SourcePosting};
use std::io::{BufRead, Read};

mod ashby;
mod csv_src;
mod detect;
mod feed;
mod greenhouse;
mod jobposting;
mod jsonl;
mod jsonld;
mod lever;
mod personio;
mod recruitee;
mod remoteok;
mod salvage;
mod smartrecruiters;
mod util;
mod workable;
mod xml;

pub use detect::{company_display_name, company_hint, detect, split_prefix};
pub use util::parse_date;

/// What a connector knows about where a document came from.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// e.g. "greenhouse:acme" or a file path; used in errors and as a fallback URL (JSON-LD).
    pub source: String,
    /// Company hint, e.g. board token "acme" → "Acme"; used when items do not name a company.
    pub company: Option<String>,
}

/// One item that could not be read; the others still are.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemError {
    /// "line 12", "index 3", "id 4711", "position 2"
    pub item: String,
    pub reason: String,
}

impl std::fmt::Display for ItemError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.item, self.reason)
    }
}

impl std::error::Error for ItemError {}

/// The whole document is unusable (not JSON, XML with a DTD, too large…).
#[derive(Debug, Clone, PartialEq)]
pub struct DocError {
    pub reason: String,
}

impl std::fmt::Display for DocError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for DocError {}

/// Inputs of kinds that are not streamed are read whole, up to this size.
pub const MAX_DOCUMENT_BYTES: u64 = 256 * 1024 * 1024;
/// A single JSONL line longer than this is reported as a bad item and skipped.
pub const MAX_LINE_BYTES: usize = 64 * 1024 * 1024;

/// Parse a whole in-memory document of `kind`. Calls `out` once per item (Ok or Err);
/// one bad item never stops the rest.
pub fn parse_document(
    kind: SourceKind,
    bytes: &[u8],
    ctx: &Context,
    out: &mut dyn FnMut(Result<SourcePosting, ItemError>),
) -> Result<(), DocError> {
    match kind {
        SourceKind::Greenhouse => json_api(greenhouse::parse, Some("jobs"), bytes, ctx, out),
        SourceKind::Lever => json_api(lever::parse, None, bytes, ctx, out),
        SourceKind::Ashby => json_api(ashby::parse, Some("jobs"), bytes, ctx, out),
        SourceKind::Workable => {
            // The widget lists under "jobs", the v3 careers API under "results".
            let key = if bytes.windows(9).any(|w| w == b"\"results\"") {
                "results"
            } else {
                "jobs"
            };
            json_api(workable::parse, Some(key), bytes, ctx, out)
        }
        SourceKind::SmartRecruiters => {
            json_api(smartrecruiters::parse, Some("content"), bytes, ctx, out)
        }
        SourceKind::Recruitee => json_api(recruitee::parse, Some("offers"), bytes, ctx, out),
        SourceKind::RemoteOk => json_api(remoteok::parse, None, bytes, ctx, out),
        SourceKind::Personio => personio::parse(bytes, ctx, out),
        SourceKind::Feed => feed::parse(bytes, ctx, out),
        SourceKind::JsonLd => jsonld::parse(bytes, ctx, out),
        SourceKind::Jsonl => {
            jsonl::parse_slice(bytes, ctx, out);
            Ok(())
        }
        SourceKind::Csv => csv_src::parse(&mut &bytes[..], ctx, out),
    }
}

/// A JSON API connector: maps a parsed document to items.
type JsonParser = fn(
    &serde_json::Value,
    &Context,
    &mut dyn FnMut(Result<SourcePosting, ItemError>),
) -> Result<(), DocError>;

/// JSON API documents are parsed whole; a truncated one still yields its complete items
/// (the items array is found by `key`; None: the document is the array).
fn json_api(
    parse: JsonParser,
    key: Option<&str>,
    bytes: &[u8],
    ctx: &Context,
    out: &mut dyn FnMut(Result<SourcePosting, ItemError>),
) -> Result<(), DocError> {
    let (doc, stop) = salvage::json_or_salvage(bytes, key)?;
    parse(&doc, ctx, out)?;
    if let Some(e) = stop {
        out(Err(e));
    }
    Ok(())
}

/// Stream a document from a reader in bounded memory. Jsonl and Csv are read record by
/// record; other kinds are read whole, up to [`MAX_DOCUMENT_BYTES`].
pub fn parse_reader(
    kind: SourceKind,
    reader: &mut dyn BufRead,
    ctx: &Context,
    out: &mut dyn FnMut(Result<SourcePosting, ItemError>),
) -> Result<(), DocError> {
    match kind {
        SourceKind::Jsonl => jsonl::parse_reader(reader, ctx, out),
        SourceKind::Csv => csv_src::parse(reader, ctx, out),
        _ => {
            let mut buf = Vec::new();
            reader
                .take(MAX_DOCUMENT_BYTES + 1)
                .read_to_end(&mut buf)
                .map_err(|e| DocError {
                    reason: format!("read error: {e}"),
                })?;
            if buf.len() as u64 > MAX_DOCUMENT_BYTES {
                return Err(DocError {
                    reason: format!("document larger than {} MiB", MAX_DOCUMENT_BYTES >> 20),
                });
            }
            parse_document(kind, &buf, ctx, out)
        }
    }
}

/// One JSONL line (1-based line number), for parallel parsing by the caller.
/// Ok(None) for blank lines.
pub fn parse_jsonl_line(
    line: &[u8],
    line_no: usize,
    ctx: &Context,
) -> Result<Option<SourcePosting>, ItemError> {
    jsonl::parse_line(line, line_no, ctx)
}

/// Re-read one stored raw item (`SourcePosting.raw` as produced by this crate) of `kind`.
/// Round trip: for every item a connector yields, `parse_item(kind, &sp.raw, ctx) == Ok(sp)`
/// (same ctx). This is how `hirekit renormalize` redoes postings without fetching again.
///
/// Where an item's fields depend on its document rather than the item itself, the connector
/// keeps the needed value in raw under an extra `_`-prefixed key, only when used:
/// Workable `_company` (the account `name` at the top of the document, for items without
/// their own `company`), Personio `_base_url` (the board's address, from which the job URL
/// is built), JSON-LD/JSONL `_url` (the page's address, for postings without a `url`).
/// Values from `ctx.company` (Greenhouse, Lever, …) are not copied: `ctx` is given again.
/// Errors name the item "item" (or "id …" when it has one).
pub fn parse_item(
    kind: SourceKind,
    raw: &serde_json::Value,
    ctx: &Context,
) -> Result<SourcePosting, ItemError> {
    use util::At;
    if !raw.is_object() {
        return Err(ItemError {
            item: At::Stored.to_string(),
            reason: format!(
                "stored {kind} item is not a JSON object (found {})",
                json_type(raw)
            ),
        });
    }
    let at = At::Stored;
    match kind {
        SourceKind::Greenhouse => greenhouse::item(raw, at, ctx),
        SourceKind::Lever => lever::item(raw, at, ctx),
        SourceKind::Ashby => ashby::item(raw, at, ctx),
        SourceKind::Workable => workable::item(raw, at, ctx),
        SourceKind::SmartRecruiters => smartrecruiters::item(raw, at, ctx),
        SourceKind::Recruitee => recruitee::item(raw, at, ctx),
        SourceKind::RemoteOk if remoteok::is_notice(raw) => Err(ItemError {
            item: at.to_string(),
            reason: "RemoteOK's legal notice, not a job".into(),
        }),
        SourceKind::RemoteOk => remoteok::item(raw, at, ctx),
        SourceKind::Personio => personio::item(raw.clone(), at, ctx),
        SourceKind::Feed => feed::item(raw.clone(), at, ctx),
        SourceKind::JsonLd | SourceKind::Jsonl => {
            jobposting::map(raw, raw.clone(), ctx, &at.to_string())
        }
        SourceKind::Csv => csv_src::item(raw, ctx),
    }
}

fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}
