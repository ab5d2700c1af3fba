//! JSONL: one schema.org JobPosting per line (hirekit's interchange and export format;
//! an export's extra `"hirekit":{…}` object simply stays in raw).
//!
//! Speed: each line is parsed once into a `serde_json::Value`; fields are copied out of it
//! and then the Value itself is moved into `raw`, so there is one parse and no deep clone.

use crate::jobposting;
use crate::{Context, DocError, ItemError, MAX_LINE_BYTES};
use hirekit_model::posting::SourcePosting;
use serde_json::Value;
use std::io::BufRead;

pub fn parse_line(
    line: &[u8],
    line_no: usize,
    ctx: &Context,
) -> Result<Option<SourcePosting>, ItemError> {
    let line = trim(crate::util::strip_bom(line));
    if line.is_empty() {
        return Ok(None);
    }
    let label = || format!("line {line_no}");
    if line.len() > MAX_LINE_BYTES {
        return Err(ItemError {
            item: label(),
            reason: format!("line longer than {} MiB", MAX_LINE_BYTES >> 20),
        });
    }
    let parsed: Result<Value, _> = match std::str::from_utf8(line) {
        Ok(s) => serde_json::from_str(s),
        Err(_) => serde_json::from_str(&String::from_utf8_lossy(line)),
    };
    let mut v = parsed.map_err(|e| ItemError {
        item: label(),
        reason: format!("not valid JSON: {e}"),
    })?;
    if !v.is_object() {
        return Err(ItemError {
            item: label(),
            reason: "not a JSON object".into(),
        });
    }
    jobposting::keep_page_url(&mut v, ctx);
    // Map from a borrow, then hand the Value over as raw (moved, not cloned).
    let mut p = jobposting::map(&v, Value::Null, ctx, &label())?;
    p.raw = v;
    Ok(Some(p))
}

fn trim(b: &[u8]) -> &[u8] {
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    &b[start..end.max(start)]
}

pub fn parse_slice(
    bytes: &[u8],
    ctx: &Context,
    out: &mut dyn FnMut(Result<SourcePosting, ItemError>),
) {
    let mut line_no = 0;
    for line in bytes.split(|&b| b == b'\n') {
        line_no += 1;
        match parse_line(line, line_no, ctx) {
            Ok(Some(p)) => out(Ok(p)),
            Ok(None) => {}
            Err(e) => out(Err(e)),
        }
    }
}

/// Read line by line with a reused buffer; a line over MAX_LINE_BYTES is skipped (reported)
/// without buffering the rest of it.
pub fn parse_reader(
    reader: &mut dyn BufRead,
    ctx: &Context,
    out: &mut dyn FnMut(Result<SourcePosting, ItemError>),
) -> Result<(), DocError> {
    let mut buf = Vec::with_capacity(16 * 1024);
    let mut line_no = 0usize;
    loop {
        buf.clear();
        let (got_any, too_long) = read_line(reader, &mut buf).map_err(|e| DocError {
            reason: format!("read error after line {line_no}: {e}"),
        })?;
        if !got_any {
            return Ok(());
        }
        line_no += 1;
        if too_long {
            out(Err(ItemError {
                item: format!("line {line_no}"),
                reason: format!("line longer than {} MiB", MAX_LINE_BYTES >> 20),
            }));
            continue;
        }
        match parse_line(&buf, line_no, ctx) {
            Ok(Some(p)) => out(Ok(p)),
            Ok(None) => {}
            Err(e) => out(Err(e)),
        }
    }
}

/// One line into `buf` (without the newline). Returns (read anything, exceeded the cap).
fn read_line(r: &mut dyn BufRead, buf: &mut Vec<u8>) -> std::io::Result<(bool, bool)> {
    let mut any = false;
    let mut too_long = false;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok((any, too_long));
        }
        any = true;
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        if !too_long {
            if buf.len() + take > MAX_LINE_BYTES {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        r.consume(if done { take + 1 } else { take });
        if done {
            return Ok((true, too_long));
        }
    }
}
