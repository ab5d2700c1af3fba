//! The text the rules read: HTML tags dropped (block tags become line breaks, `<li>` a
//! "- " bullet) and character references decoded, with a map from every byte of that text
//! back to the input, so findings report offsets into what the caller gave.
use std::borrow::Cow;

pub struct View<'a> {
    pub text: Cow<'a, str>,
    /// For each byte of `text`: (start, end) of the input bytes it came from. None = identity.
    map: Option<Vec<(u32, u32)>>,
    input_len: usize,
}

impl<'a> View<'a> {
    pub fn new(input: &'a str) -> View<'a> {
        let has_tag = looks_like_html(input);
        let has_ref = input.contains('&');
        if !has_tag && !has_ref {
            return View {
                text: Cow::Borrowed(input),
                map: None,
                input_len: input.len(),
            };
        }
        let mut b = Builder {
            out: String::with_capacity(input.len()),
            map: Vec::with_capacity(input.len()),
        };
        let bytes = input.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            if c == b'<' && has_tag {
                if let Some((end, kind)) = tag_at(input, i) {
                    match kind {
                        Tag::Block => b.push_break("\n", i, end),
                        Tag::Item => b.push_break("\n- ", i, end),
                        Tag::Inline => {}
                        Tag::Skip(name) => {
                            // <script>/<style>: drop through the closing tag
                            let close = format!("</{name}");
                            let rest = &input[end..];
                            let stop = find_ci(rest, &close)
                                .map(|p| end + p)
                                .unwrap_or(input.len());
                            i = input[stop..]
                                .find('>')
                                .map(|p| stop + p + 1)
                                .unwrap_or(input.len());
                            continue;
                        }
                    }
                    i = end;
                    continue;
                }
            }
            if c == b'&' {
                if let Some((len, s)) = char_ref(&input[i..]) {
                    b.push(&s, i, i + len);
                    i += len;
                    continue;
                }
            }
            let ch_len = utf8_len(c);
            let end = (i + ch_len).min(bytes.len());
            b.push(&input[i..end], i, end);
            i = end;
        }
        View {
            text: Cow::Owned(b.out),
            map: Some(b.map),
            input_len: input.len(),
        }
    }

    /// Input offsets for a span of `text` (char-boundary aligned).
    pub fn orig(&self, start: usize, end: usize) -> (usize, usize) {
        match &self.map {
            None => (start, end),
            Some(m) => {
                if m.is_empty() {
                    return (0, 0);
                }
                let s = m.get(start).map(|x| x.0 as usize).unwrap_or(self.input_len);
                let e = if end > start {
                    m.get(end - 1)
                        .map(|x| x.1 as usize)
                        .unwrap_or(self.input_len)
                } else {
                    s
                };
                (s, e.max(s))
            }
        }
    }
}

struct Builder {
    out: String,
    map: Vec<(u32, u32)>,
}

impl Builder {
    fn push(&mut self, s: &str, from: usize, to: usize) {
        self.out.push_str(s);
        for _ in 0..s.len() {
            self.map.push((from as u32, to as u32));
        }
    }
    /// A line break for a block tag, not doubled.
    fn push_break(&mut self, s: &str, from: usize, to: usize) {
        if s == "\n" && self.out.ends_with('\n') {
            return;
        }
        self.push(s, from, to);
    }
}

fn utf8_len(first: u8) -> usize {
    match first {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xff => 4,
        _ => 1, // continuation byte: cannot start a char in a &str; keep moving
    }
}

fn looks_like_html(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b'<', b)
        .take(200)
        .any(|i| tag_at(s, i).is_some())
}

enum Tag {
    Block,
    Item,
    Inline,
    Skip(&'static str),
}

const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "hr",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "dl",
    "dt",
    "dd",
    "tbody",
    "thead",
];
const INLINE: &[&str] = &[
    "span", "b", "strong", "i", "em", "u", "a", "font", "small", "sup", "sub", "td", "th", "img",
    "code", "mark", "abbr", "s", "label",
];

/// A recognised tag starting at `i`: (end offset, kind).
fn tag_at(s: &str, i: usize) -> Option<(usize, Tag)> {
    let b = s.as_bytes();
    let mut j = i + 1;
    if b.get(j) == Some(&b'!') {
        // comment or doctype
        if s[j..].starts_with("!--") {
            let end = s[j..].find("-->").map(|p| j + p + 3)?;
            return Some((end, Tag::Inline));
        }
        let end = s[j..].find('>').map(|p| j + p + 1)?;
        return Some((end, Tag::Inline));
    }
    if b.get(j) == Some(&b'/') {
        j += 1;
    }
    let name_start = j;
    while j < b.len() && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    if j == name_start || j - name_start > 10 {
        return None;
    }
    let name = s[name_start..j].to_ascii_lowercase();
    match b.get(j) {
        Some(b'>' | b' ' | b'/' | b'\t' | b'\n' | b'\r') => {}
        _ => return None,
    }
    // the tag ends at the next '>' (attributes with '>' inside quotes are rare enough)
    let rel = s[j..].find('>')?;
    if rel > 2000 {
        return None;
    }
    let end = j + rel + 1;
    let closing = b[i + 1] == b'/';
    let kind = if name == "li" {
        if closing {
            Tag::Block
        } else {
            Tag::Item
        }
    } else if name == "script" || name == "style" {
        if closing {
            Tag::Inline
        } else {
            Tag::Skip(if name == "script" { "script" } else { "style" })
        }
    } else if BLOCK.contains(&name.as_str()) {
        Tag::Block
    } else if INLINE.contains(&name.as_str()) {
        Tag::Inline
    } else {
        return None;
    };
    Some((end, kind))
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// A character reference at the start of `s`: (length, decoded text).
fn char_ref(s: &str) -> Option<(usize, String)> {
    let semi = s.as_bytes().iter().take(12).position(|&c| c == b';')?;
    let body = &s[1..semi];
    let text = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        let c = char::from_u32(code).filter(|c| *c != '\0')?;
        c.to_string()
    } else {
        let c = match body {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            "nbsp" => " ",
            "rsquo" | "lsquo" => "'",
            "ldquo" | "rdquo" => "\"",
            "ndash" => "–",
            "mdash" => "—",
            "hellip" => "…",
            "bull" | "middot" => "•",
            "euro" => "€",
            "pound" => "£",
            "copy" => "©",
            "reg" => "®",
            "trade" => "™",
            _ => return None,
        };
        c.to_string()
    };
    Some((semi + 1, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_maps_back() {
        let input = "<p>We want a <b>rockstar</b> &amp; more</p><ul><li>Go</li></ul>";
        let v = View::new(input);
        assert!(v.text.contains("We want a rockstar & more"), "{}", v.text);
        assert!(v.text.contains("\n- Go"), "{}", v.text);
        let s = v.text.find("rockstar").unwrap();
        let (a, b) = v.orig(s, s + 8);
        assert_eq!(&input[a..b], "rockstar");
        let s = v.text.find('&').unwrap();
        let (a, b) = v.orig(s, s + 1);
        assert_eq!(&input[a..b], "&amp;");
    }

    #[test]
    fn plain_is_borrowed() {
        let v = View::new("a < b and c > d");
        assert!(matches!(v.text, Cow::Borrowed(_)));
    }
}
