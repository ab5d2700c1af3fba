//! A small, safe XML tree on top of quick-xml, for Personio and feeds.
//!
//! Safety rules: any DTD (`<!DOCTYPE`) is refused, so entity declarations can never be
//! expanded; only the five predefined entities and numeric character references are
//! decoded, other `&name;` references stay as written. Depth is capped so that neither
//! building nor dropping the tree can exhaust the stack.

use crate::DocError;
use quick_xml::events::Event;
use quick_xml::Reader;

const MAX_DEPTH: usize = 200;

#[derive(Debug, Default)]
pub struct Node {
    /// The qualified name as written ("item", "job:company").
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
    /// Direct text and CDATA, concatenated.
    pub text: String,
    /// The end tag was seen (false for elements cut off by an error or truncation).
    pub complete: bool,
}

impl Node {
    /// The name without its namespace prefix.
    pub fn local(&self) -> &str {
        self.name.rsplit(':').next().unwrap_or(&self.name)
    }

    /// Child elements whose qualified or local name equals `name` (ASCII case-insensitive).
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| {
            c.name.eq_ignore_ascii_case(name)
                || (!name.contains(':') && c.local().eq_ignore_ascii_case(name))
        })
    }

    pub fn child<'a>(&'a self, name: &'a str) -> Option<&'a Node> {
        self.children_named(name).next()
    }

    /// Trimmed, non-empty text of the first child named `name`.
    pub fn child_text(&self, name: &str) -> Option<String> {
        self.children_named(name).find_map(|c| c.text_trimmed())
    }

    pub fn text_trimmed(&self) -> Option<String> {
        let t = self.text.trim();
        (!t.is_empty()).then(|| t.to_string())
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The element as a JSON object: attributes as "@name", children by name (repeated
    /// names become arrays), text as "#text" when there are also children or attributes.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::{Map, Value};
        if self.children.is_empty() && self.attrs.is_empty() {
            return Value::String(self.text.trim().to_string());
        }
        let mut m = Map::new();
        for (k, v) in &self.attrs {
            m.insert(format!("@{k}"), Value::String(v.clone()));
        }
        for c in &self.children {
            let v = c.to_json();
            match m.get_mut(&c.name) {
                Some(Value::Array(a)) => a.push(v),
                Some(prev) => {
                    let first = prev.take();
                    *prev = Value::Array(vec![first, v]);
                }
                None => {
                    m.insert(c.name.clone(), v);
                }
            }
        }
        let t = self.text.trim();
        if !t.is_empty() {
            m.insert("#text".into(), Value::String(t.to_string()));
        }
        Value::Object(m)
    }
}

impl Node {
    /// The inverse of [`Node::to_json`], for stored raw items: an object's "@name" keys
    /// become attributes, "#text" the text, other keys children (an array: repeated
    /// children); a string is a text-only element. Any other JSON gives some tree, never a
    /// panic. Children come back grouped by name (JSON objects do not keep the order
    /// between different names); connectors map items from this rebuilt form, so a
    /// document and its stored items read the same.
    pub fn from_json(name: &str, v: &serde_json::Value) -> Node {
        Node::from_json_at(name, v, 0)
    }

    fn from_json_at(name: &str, v: &serde_json::Value, depth: usize) -> Node {
        use serde_json::Value;
        let mut n = Node {
            name: name.to_string(),
            complete: true,
            ..Default::default()
        };
        match v {
            Value::Object(m) if depth < MAX_DEPTH => {
                for (k, v) in m {
                    if let Some(a) = k.strip_prefix('@') {
                        n.attrs.push((a.to_string(), scalar_text(v)));
                    } else if k == "#text" {
                        n.text = scalar_text(v);
                    } else {
                        push_children(&mut n.children, k, v, depth + 1);
                    }
                }
            }
            Value::Object(_) | Value::Array(_) => {}
            other => n.text = scalar_text(other),
        }
        n
    }
}

/// Children named `name` from a JSON value; an array gives one child per element
/// (nested arrays are flattened).
fn push_children(out: &mut Vec<Node>, name: &str, v: &serde_json::Value, depth: usize) {
    match v {
        serde_json::Value::Array(a) if depth < MAX_DEPTH => {
            for x in a {
                push_children(out, name, x, depth + 1);
            }
        }
        serde_json::Value::Array(_) => {}
        x => out.push(Node::from_json_at(name, x, depth)),
    }
}

/// A JSON scalar as element text or attribute value (objects and arrays: empty).
fn scalar_text(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::String(s) => s.clone(),
        Value::Number(x) => x.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

/// The parsed document: a nameless root holding the top-level elements, plus the first
/// syntax error met (parsing stops there; what came before is kept).
pub struct Doc {
    pub root: Node,
    pub error: Option<String>,
}

pub fn parse(bytes: &[u8]) -> Result<Doc, DocError> {
    let text = String::from_utf8_lossy(crate::util::strip_bom(bytes));
    let mut reader = Reader::from_str(&text);
    {
        let c = reader.config_mut();
        c.check_end_names = false;
        c.allow_unmatched_ends = true;
        c.allow_dangling_amp = true;
        c.check_comments = false;
    }
    let mut stack: Vec<Node> = vec![Node {
        complete: true,
        ..Default::default()
    }];
    // Elements deeper than MAX_DEPTH are skipped (their text is dropped too).
    let mut skipped_depth = 0usize;
    let mut error = None;
    loop {
        match reader.read_event() {
            Ok(Event::DocType(_)) => {
                return Err(DocError {
                    reason: "XML with a DTD (<!DOCTYPE …>) is refused".into(),
                });
            }
            Ok(Event::Start(e)) => {
                if skipped_depth > 0 || stack.len() > MAX_DEPTH {
                    skipped_depth += 1;
                    continue;
                }
                stack.push(element(&e));
            }
            Ok(Event::Empty(e)) => {
                if skipped_depth > 0 || stack.len() > MAX_DEPTH {
                    continue;
                }
                let mut n = element(&e);
                n.complete = true;
                if let Some(top) = stack.last_mut() {
                    top.children.push(n);
                }
            }
            Ok(Event::End(e)) => {
                if skipped_depth > 0 {
                    skipped_depth -= 1;
                    continue;
                }
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                // Close up to the matching open element; ignore stray end tags.
                if let Some(pos) = stack.iter().rposition(|n| n.name == name) {
                    if pos == 0 {
                        continue;
                    }
                    while stack.len() > pos {
                        let mut n = stack.pop().unwrap_or_default();
                        n.complete = stack.len() == pos;
                        if let Some(top) = stack.last_mut() {
                            top.children.push(n);
                        }
                    }
                }
            }
            Ok(Event::Text(t)) => {
                if skipped_depth == 0 {
                    if let Some(top) = stack.last_mut() {
                        top.text.push_str(&String::from_utf8_lossy(&t.into_inner()));
                    }
                }
            }
            Ok(Event::CData(t)) => {
                if skipped_depth == 0 {
                    if let Some(top) = stack.last_mut() {
                        top.text.push_str(&String::from_utf8_lossy(&t.into_inner()));
                    }
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if skipped_depth == 0 {
                    let s = resolve_ref(r.as_ref());
                    if let Some(top) = stack.last_mut() {
                        top.text.push_str(&s);
                    }
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                error = Some(format!(
                    "XML error at byte {}: {e}",
                    reader.error_position()
                ));
                break;
            }
        }
    }
    // Close whatever is still open (truncated input): those elements are incomplete.
    while stack.len() > 1 {
        let mut n = stack.pop().unwrap_or_default();
        n.complete = false;
        if let Some(top) = stack.last_mut() {
            top.children.push(n);
        }
    }
    let root = stack.pop().unwrap_or_default();
    Ok(Doc { root, error })
}

fn element(e: &quick_xml::events::BytesStart<'_>) -> Node {
    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
    let attrs = e
        .attributes()
        .with_checks(false)
        .flatten()
        .map(|a| {
            let k = String::from_utf8_lossy(a.key.as_ref()).into_owned();
            let v = decode_predefined(&String::from_utf8_lossy(&a.value));
            (k, v)
        })
        .collect();
    Node {
        name,
        attrs,
        ..Default::default()
    }
}

/// `&name;` with the reference's inner bytes given: predefined or numeric, else kept as written.
fn resolve_ref(name: &[u8]) -> String {
    let n = String::from_utf8_lossy(name);
    match n.as_ref() {
        "lt" => "<".into(),
        "gt" => ">".into(),
        "amp" => "&".into(),
        "apos" => "'".into(),
        "quot" => "\"".into(),
        s => {
            let code = if let Some(h) = s.strip_prefix("#x").or_else(|| s.strip_prefix("#X")) {
                u32::from_str_radix(h, 16).ok()
            } else if let Some(d) = s.strip_prefix('#') {
                d.parse::<u32>().ok()
            } else {
                None
            };
            match code.and_then(char::from_u32) {
                Some(c) if c != '\0' => c.to_string(),
                _ => format!("&{s};"),
            }
        }
    }
}

/// Decode the predefined and numeric references in an attribute value.
pub fn decode_predefined(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find(';').filter(|&j| j <= 12) {
            Some(j) => {
                out.push_str(&resolve_ref(&after.as_bytes()[..j]));
                rest = &after[j + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn refs() {
        assert_eq!(
            decode_predefined("a &amp; b &#x41;&#66; &nbsp; &"),
            "a & b AB &nbsp; &"
        );
    }

    #[test]
    fn tree_and_truncation() {
        let d = parse(b"<r><a x='1'>t &lt;1&gt; <![CDATA[<b>]]></a><a>two</a><c>cut").unwrap();
        let r = &d.root.children[0];
        assert_eq!(r.name, "r");
        assert!(!r.complete);
        let a: Vec<_> = r.children_named("a").collect();
        assert_eq!(a[0].text, "t <1> <b>");
        assert_eq!(a[0].attr("x"), Some("1"));
        assert!(a[1].complete);
        assert!(!r.child("c").unwrap().complete);
    }

    #[test]
    fn dtd_refused() {
        let x = b"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY e 'boom'>]><r>&e;</r>";
        assert!(parse(x).is_err());
    }
}
