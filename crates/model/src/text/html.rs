//! A small single-pass HTML → text scanner. Not a parser: it only needs to know where
//! tags, comments, script/style bodies and character references are.
use super::entities::{decode_at, decode_entities, Decoded};
use super::mojibake::fix_mojibake;

/// How a tag affects the text flow.
enum Flow {
    /// Inline tag (span, a, strong…): nothing.
    Inline,
    /// Ends the current line.
    Line,
    /// Ends the paragraph (one blank line).
    Para,
    /// Starts a list item.
    Item,
    /// Table cell: a space-like separator.
    Cell,
    /// Contents are not text (script, style…): skip to the closing tag.
    Skip,
}

/// A tag name (up to 8 bytes) packed into an integer, lowercased, for a cheap `match`.
const fn key(name: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < name.len() && i < 8 {
        k = k << 8 | name[i].to_ascii_lowercase() as u64;
        i += 1;
    }
    k
}

/// Flow of a tag name of at most 8 bytes.
fn flow_of(name: &[u8]) -> Flow {
    const PARA: [u64; 16] = [
        key(b"p"),
        key(b"h1"),
        key(b"h2"),
        key(b"h3"),
        key(b"h4"),
        key(b"h5"),
        key(b"h6"),
        key(b"ul"),
        key(b"ol"),
        key(b"table"),
        key(b"pre"),
        key(b"section"),
        key(b"article"),
        key(b"dl"),
        key(b"hr"),
        key(b"figure"),
    ];
    const LINE: [u64; 18] = [
        key(b"div"),
        key(b"br"),
        key(b"tr"),
        key(b"header"),
        key(b"footer"),
        key(b"nav"),
        key(b"aside"),
        key(b"main"),
        key(b"dt"),
        key(b"dd"),
        key(b"form"),
        key(b"address"),
        key(b"caption"),
        key(b"tbody"),
        key(b"thead"),
        key(b"center"),
        key(b"details"),
        key(b"summary"),
    ];
    const SKIP: [u64; 9] = [
        key(b"script"),
        key(b"style"),
        key(b"head"),
        key(b"title"),
        key(b"noscript"),
        key(b"template"),
        key(b"svg"),
        key(b"iframe"),
        key(b"object"),
    ];
    let k = key(name);
    if k == key(b"li") {
        Flow::Item
    } else if k == key(b"td") || k == key(b"th") {
        Flow::Cell
    } else if PARA.contains(&k) {
        Flow::Para
    } else if LINE.contains(&k) {
        Flow::Line
    } else if SKIP.contains(&k) {
        Flow::Skip
    } else {
        Flow::Inline
    }
}

/// Tags longer than 8 bytes that still break lines.
fn long_flow(name: &[u8]) -> Flow {
    if name.eq_ignore_ascii_case(b"blockquote") {
        Flow::Para
    } else if name.eq_ignore_ascii_case(b"figcaption") {
        Flow::Line
    } else {
        Flow::Inline
    }
}

/// Output builder: collapses whitespace and defers line breaks until text follows, so
/// there is never leading/trailing blank space or more than one blank line.
struct Out {
    s: String,
    space: bool,
    newlines: u8,
    bullet: bool,
}

impl Out {
    fn ws(&mut self) {
        self.space = true;
    }
    fn breaks(&mut self, n: u8) {
        self.newlines = self.newlines.max(n);
    }
    fn br(&mut self) {
        self.newlines = (self.newlines + 1).min(2);
    }
    /// Emit pending separators before visible text.
    fn flush(&mut self) {
        if !self.s.is_empty() {
            if self.newlines > 0 {
                while self.s.ends_with(' ') {
                    self.s.pop();
                }
                for _ in 0..self.newlines {
                    self.s.push('\n');
                }
            } else if self.space {
                self.s.push(' ');
            }
        }
        if self.bullet {
            self.s.push_str("- ");
            self.bullet = false;
        }
        self.newlines = 0;
        self.space = false;
    }
    /// A run of visible ASCII (no space, '<' or '&'): the common case, copied at once.
    fn run(&mut self, r: &str) {
        self.flush();
        self.s.push_str(r);
    }
    fn text_char(&mut self, c: char) {
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
            self.ws();
            return;
        }
        if c.is_control()
            || matches!(
                c,
                '\u{ad}' | '\u{200c}' | '\u{200d}' | '\u{200e}' | '\u{200f}'
            )
        {
            return;
        }
        self.flush();
        self.s.push(c);
    }
}

/// Visible ASCII that needs no attention: not space/control, '<', '&' or non-ASCII.
static PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = b'!';
    while c < 0x7f {
        t[c as usize] = c != b'<' && c != b'&';
        c += 1;
    }
    t
};

/// Whether the text has at least one real tag (`<p`, `</div`, `<!--`…).
fn has_tags(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b'<', b).any(|i| match b.get(i + 1) {
        Some(c) if c.is_ascii_alphabetic() || *c == b'!' => true,
        Some(b'/') => b.get(i + 2).is_some_and(|c| c.is_ascii_alphabetic()),
        _ => false,
    })
}

/// Readable plain text from an HTML fragment (entities decoded, blocks as lines).
pub fn html_to_text(html: &str) -> String {
    // Greenhouse's API double-escapes: the whole body arrives as "&lt;p&gt;…".
    let once;
    let src: &str = if !has_tags(html) && (html.contains("&lt;") || html.contains("&LT;")) {
        once = decode_entities(html);
        &once
    } else {
        html
    };
    let fixed = fix_mojibake(src);
    scan(&fixed)
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    let first = needle[0];
    let mut from = 0;
    while let Some(p) = memchr::memchr2(first, first.to_ascii_uppercase(), &hay[from..]) {
        let at = from + p;
        if hay.len() - at >= needle.len() && hay[at..at + needle.len()].eq_ignore_ascii_case(needle)
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// End of a tag starting at `b[i] == '<'` (index after '>'), skipping quoted attribute values.
fn tag_end(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    loop {
        let p = j + memchr::memchr3(b'>', b'"', b'\'', &b[j..])?;
        let c = b[p];
        if c == b'>' {
            return Some(p + 1);
        }
        // Quotes only open inside attributes (after '=' or a space); a stray quote
        // elsewhere must not swallow the rest of the document.
        if matches!(b[p - 1], b'=' | b' ' | b'\t' | b'\n' | b'\r') {
            j = p + 1 + memchr::memchr(c, &b[p + 1..])? + 1;
        } else {
            j = p + 1;
        }
    }
}

fn scan(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Out {
        s: String::with_capacity(s.len() / 2 + 16),
        space: false,
        newlines: 0,
        bullet: false,
    };
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'<' {
            if b[i..].starts_with(b"<!--") {
                i = match find_ci(&b[i + 4..], b"-->") {
                    Some(p) => i + 4 + p + 3,
                    None => b.len(),
                };
                continue;
            }
            let closing = b.get(i + 1) == Some(&b'/');
            let name_start = i + 1 + closing as usize;
            let mut name_end = name_start;
            while name_end < b.len() && (b[name_end].is_ascii_alphanumeric()) {
                name_end += 1;
            }
            let is_tag = name_end > name_start && b[name_start].is_ascii_alphabetic()
                || (!closing && matches!(b.get(i + 1), Some(b'!') | Some(b'?')));
            if is_tag {
                if let Some(end) = tag_end(b, i) {
                    let name = &b[name_start..name_end];
                    let flow = if name.len() > 8 {
                        long_flow(name)
                    } else {
                        flow_of(name)
                    };
                    match flow {
                        Flow::Inline => {
                            // Inline tags still separate words when the source had space.
                        }
                        Flow::Line => {
                            if name.eq_ignore_ascii_case(b"br") {
                                out.br();
                            } else {
                                out.breaks(1);
                            }
                        }
                        Flow::Para => out.breaks(2),
                        Flow::Item => {
                            out.breaks(1);
                            out.bullet = !closing;
                        }
                        Flow::Cell => out.ws(),
                        Flow::Skip => {
                            let self_closing = b[end.saturating_sub(2)] == b'/';
                            if !closing && !self_closing {
                                let mut close = Vec::with_capacity(name.len() + 2);
                                close.extend_from_slice(b"</");
                                close.extend_from_slice(name);
                                i = match find_ci(&b[end..], &close) {
                                    Some(p) => match tag_end(b, end + p) {
                                        Some(e) => e,
                                        None => b.len(),
                                    },
                                    None => b.len(),
                                };
                                continue;
                            }
                        }
                    }
                    i = end;
                    continue;
                }
            }
            out.text_char('<');
            i += 1;
            continue;
        }
        if c == b'&' {
            if let Some((d, len)) = decode_at(&s[i..]) {
                match d {
                    Decoded::Char(ch) => out.text_char(ch),
                    Decoded::Str(v) => v.chars().for_each(|ch| out.text_char(ch)),
                }
                i += len;
                continue;
            }
        }
        if matches!(c, b' ' | b'\n' | b'\t' | b'\r') {
            out.ws();
            i += 1;
            continue;
        }
        if PLAIN[c as usize] {
            let mut j = i + 1;
            while j < b.len() && PLAIN[b[j] as usize] {
                j += 1;
            }
            out.run(&s[i..j]);
            i = j;
            continue;
        }
        // Copy one UTF-8 character. `i` is always on a char boundary: tags and entities
        // end on ASCII bytes.
        let ch = s[i..].chars().next().unwrap_or('\u{fffd}');
        out.text_char(ch);
        i += ch.len_utf8();
    }
    out.s
}
