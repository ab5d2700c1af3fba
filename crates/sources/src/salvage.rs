//! Recover the complete items of a truncated or partly corrupt JSON API document.
//!
//! A board export cut off mid-way (a dropped connection, a full disk) still holds many
//! whole postings. When strict parsing fails, the items array is found by its key and read
//! one element at a time; reading stops at the first element that does not parse, and
//! that point is reported as one bad item.

use crate::{DocError, ItemError};
use serde_json::Value;

/// Parse `bytes` strictly, or salvage the elements of the array under `key`
/// (`None`: the top level is the array). Returns the document and, after a salvage,
/// the error describing where reading stopped.
pub fn json_or_salvage(
    bytes: &[u8],
    key: Option<&str>,
) -> Result<(Value, Option<ItemError>), DocError> {
    let strict_err = match crate::util::json_doc(bytes) {
        Ok(v) => return Ok((v, None)),
        Err(e) => e,
    };
    let text = String::from_utf8_lossy(crate::util::strip_bom(bytes));
    let Some(start) = array_start(&text, key) else {
        return Err(strict_err);
    };
    let mut items = Vec::new();
    let mut pos = start;
    let stop = loop {
        pos += skip_ws(&text[pos..]);
        match text.as_bytes().get(pos) {
            Some(b']') => break None, // the array itself is complete
            Some(b',') if !items.is_empty() => {
                pos += 1;
                continue;
            }
            None => break Some("document ends inside the list".to_string()),
            _ => {}
        }
        let mut stream = serde_json::Deserializer::from_str(&text[pos..]).into_iter::<Value>();
        match stream.next() {
            Some(Ok(v)) => {
                items.push(v);
                pos += stream.byte_offset();
            }
            Some(Err(e)) => break Some(format!("invalid or truncated JSON: {e}")),
            None => break Some("document ends inside the list".to_string()),
        }
    };
    if items.is_empty() {
        return Err(strict_err);
    }
    let n = items.len();
    let doc = match key {
        Some(k) => serde_json::json!({ k: items }),
        None => Value::Array(items),
    };
    // The array closed but the document around it is broken: report that too.
    let reason =
        stop.unwrap_or_else(|| format!("document invalid after the list: {}", strict_err.reason));
    Ok((
        doc,
        Some(ItemError {
            item: format!("index {n}"),
            reason,
        }),
    ))
}

fn skip_ws(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// Byte offset just after the `[` that opens the items array.
fn array_start(text: &str, key: Option<&str>) -> Option<usize> {
    match key {
        None => {
            let p = skip_ws(text);
            (text.as_bytes().get(p) == Some(&b'[')).then_some(p + 1)
        }
        Some(k) => {
            let pat = format!("\"{k}\"");
            let mut from = 0;
            while let Some(i) = text[from..].find(&pat) {
                let mut p = from + i + pat.len();
                p += skip_ws(&text[p..]);
                if text.as_bytes().get(p) == Some(&b':') {
                    p += 1;
                    p += skip_ws(&text[p..]);
                    if text.as_bytes().get(p) == Some(&b'[') {
                        return Some(p + 1);
                    }
                }
                from += i + pat.len();
            }
            None
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn salvages_prefix() {
        let t = br#"{"jobs": [{"a":1}, {"a":2}, {"a":"#;
        let (v, e) = json_or_salvage(t, Some("jobs")).unwrap();
        assert_eq!(v["jobs"].as_array().map(Vec::len), Some(2));
        assert_eq!(e.unwrap().item, "index 2");
        let (v, e) = json_or_salvage(b"[1, 2 ,3", None).unwrap();
        assert_eq!(v.as_array().map(Vec::len), Some(3));
        assert!(e.is_some());
        assert!(json_or_salvage(b"{\"jobs\": [", Some("jobs")).is_err());
        assert!(json_or_salvage(b"garbage", None).is_err());
    }
}
