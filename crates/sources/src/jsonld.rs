//! HTML pages carrying schema.org JobPosting in `<script type="application/ld+json">`.
//! Real pages are sloppy: several scripts, arrays, `@graph`, HTML comments or CDATA around
//! the JSON, trailing commas, raw newlines inside strings. Each script is cleaned and, if
//! strict parsing fails, repaired once; a script that still fails is one bad item.

use crate::jobposting;
use crate::{Context, DocError, ItemError};
use hirekit_model::posting::SourcePosting;
use serde_json::Value;

const MAX_WALK_DEPTH: usize = 32;

pub fn parse(
    bytes: &[u8],
    ctx: &Context,
    out: &mut dyn FnMut(Result<SourcePosting, ItemError>),
) -> Result<(), DocError> {
    let text = String::from_utf8_lossy(crate::util::strip_bom(bytes));
    let trimmed = text.trim_start();
    // A bare JSON-LD document (not wrapped in HTML) is accepted as one script.
    let scripts: Vec<&str> = if trimmed.starts_with('{') || trimmed.starts_with('[') {
        vec![trimmed]
    } else {
        ld_scripts(&text)
    };
    if scripts.is_empty() {
        return Err(DocError {
            reason: "no <script type=\"application/ld+json\"> in the page".into(),
        });
    }
    for (si, body) in scripts.iter().enumerate() {
        let label = format!("script {}", si + 1);
        let v = match parse_lenient(body) {
            Ok(v) => v,
            Err(e) => {
                out(Err(ItemError {
                    item: label,
                    reason: format!("invalid JSON-LD: {e}"),
                }));
                continue;
            }
        };
        let mut found = Vec::new();
        collect(&v, 0, &mut found);
        let many = found.len() > 1;
        for (i, jp) in found.into_iter().enumerate() {
            let l = if many {
                format!("{label} item {}", i + 1)
            } else {
                label.clone()
            };
            let mut raw = jp.clone();
            jobposting::keep_page_url(&mut raw, ctx);
            out(jobposting::map(jp, raw, ctx, &l));
        }
    }
    Ok(())
}

/// The JobPosting objects inside a JSON-LD value: top level, arrays, @graph, and nested
/// under other nodes (e.g. a WebPage's mainEntity).
fn collect<'a>(v: &'a Value, depth: usize, found: &mut Vec<&'a Value>) {
    if depth > MAX_WALK_DEPTH {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect(x, depth + 1, found)),
        Value::Object(o) => {
            if jobposting::is_job_posting(v) {
                found.push(v);
                return;
            }
            for x in o.values() {
                if x.is_object() || x.is_array() {
                    collect(x, depth + 1, found);
                }
            }
        }
        _ => {}
    }
}

/// Bodies of `<script … type="application/ld+json" …>` elements (case-insensitive).
fn ld_scripts(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase(); // same byte offsets as `html`
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = lower[at..].find("<script") {
        let open = at + i;
        let Some(gt) = lower[open..].find('>') else {
            break;
        };
        let tag = &lower[open..open + gt];
        let body_start = open + gt + 1;
        let body_end = lower[body_start..]
            .find("</script")
            .map_or(lower.len(), |j| body_start + j);
        if tag.contains("ld+json") {
            out.push(&html[body_start..body_end]);
        }
        at = body_end.max(body_start);
        if at >= lower.len() {
            break;
        }
    }
    out
}

/// Strip wrappers, try strict JSON, then one repair pass.
fn parse_lenient(body: &str) -> Result<Value, String> {
    let s = unwrap_markers(body);
    match serde_json::from_str::<Value>(s) {
        Ok(v) => Ok(v),
        Err(first) => serde_json::from_str::<Value>(&repair(s)).map_err(|_| first.to_string()),
    }
}

fn unwrap_markers(s: &str) -> &str {
    let mut s = s.trim();
    loop {
        let before = s.len();
        for p in ["<!--", "//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["] {
            s = s.strip_prefix(p).unwrap_or(s).trim_start();
        }
        for p in ["-->", "//]]>", "/*]]>*/", "]]>", ";"] {
            s = s.strip_suffix(p).unwrap_or(s).trim_end();
        }
        if s.len() == before {
            return s;
        }
    }
}

/// Drop trailing commas before `}`/`]` and escape raw control characters inside strings.
fn repair(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let mut in_str = false;
    let mut escaped = false;
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if in_str {
            match c {
                _ if escaped => {
                    escaped = false;
                    out.push(c);
                }
                '\\' => {
                    escaped = true;
                    out.push(c);
                }
                '"' => {
                    in_str = false;
                    out.push(c);
                }
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if (c as u32) < 0x20 => out.push(' '),
                c => out.push(c),
            }
        } else {
            match c {
                '"' => {
                    in_str = true;
                    out.push(c);
                }
                ',' => {
                    let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
                    if !matches!(next, Some('}') | Some(']')) {
                        out.push(c);
                    }
                }
                c => out.push(c),
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn repairs() {
        let v = parse_lenient("<!-- {\"a\": [1,2,], \"b\": \"x\ny\",} -->").unwrap();
        assert_eq!(v["b"], "x\ny");
        assert_eq!(v["a"].as_array().map(Vec::len), Some(2));
    }

    #[test]
    fn finds_scripts() {
        let h =
            "<html><SCRIPT type='application/ld+json'>{\"x\":1}</SCRIPT><script>var a;</script>\
                 <script type=\"application/ld+json\">[2]</script>";
        assert_eq!(ld_scripts(h), vec!["{\"x\":1}", "[2]"]);
    }
}
