//! Connectors (placeholder API while the parsers are written on the `sources` branch).
use hirekit_model::{SourceKind, SourcePosting};

pub struct Context {
    pub source: String,
    pub company: Option<String>,
}
#[derive(Debug, Clone)]
pub struct ItemError {
    pub item: String,
    pub reason: String,
}
#[derive(Debug)]
pub struct DocError {
    pub reason: String,
}
pub fn split_prefix(spec: &str) -> (Option<SourceKind>, &str) {
    match spec.split_once(':') {
        Some((k, rest)) => match SourceKind::parse(k) {
            Some(kind) => (Some(kind), rest),
            None => (None, spec),
        },
        None => (None, spec),
    }
}
pub fn detect(_prefix: &[u8], _name_hint: Option<&str>) -> Option<SourceKind> {
    None
}
pub fn company_hint(_location: &str) -> Option<String> {
    None
}
pub fn parse_document(
    _kind: SourceKind,
    _bytes: &[u8],
    _ctx: &Context,
    _out: &mut dyn FnMut(Result<SourcePosting, ItemError>),
) -> Result<(), DocError> {
    Err(DocError { reason: "not implemented".into() })
}
pub fn parse_reader(
    _kind: SourceKind,
    _reader: &mut dyn std::io::BufRead,
    _ctx: &Context,
    _out: &mut dyn FnMut(Result<SourcePosting, ItemError>),
) -> Result<(), DocError> {
    Err(DocError { reason: "not implemented".into() })
}
pub fn parse_jsonl_line(_line: &[u8], _line_no: usize, _ctx: &Context) -> Result<Option<SourcePosting>, ItemError> {
    Ok(None)
}
pub fn parse_item(_kind: SourceKind, _raw: &serde_json::Value, _ctx: &Context) -> Result<SourcePosting, ItemError> {
    Err(ItemError { item: String::new(), reason: "not implemented".into() })
}
