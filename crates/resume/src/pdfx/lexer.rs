//! A streaming tokenizer for page content streams.
//!
//! lopdf's `Content::decode` builds every operation of a page up front (an allocated
//! operator name and operand list each) and gives up on the whole page at the first
//! malformed token. Resumes made by wkhtmltopdf draw each glyph with its own `Td`/`Tj`
//! pair, so a page is ~10,000 operations and decoding dominated the run time. This lexer
//! hands out one operator at a time, borrowing its name from the input and reusing one
//! operand buffer; numbers do not allocate. A malformed token is skipped, not fatal.

use lopdf::{Dictionary, Object, StringFormat};

/// Operands kept per operator; more (only in broken streams) are dropped.
const MAX_OPERANDS: usize = 64;
/// Nesting of arrays and dictionaries inside one operand.
const MAX_DEPTH: usize = 32;

pub(crate) struct Lexer<'a> {
    s: &'a [u8],
    i: usize,
}

fn is_ws(b: u8) -> bool {
    matches!(b, 0 | b'\t' | b'\n' | 0x0c | b'\r' | b' ')
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_ws(b) && !is_delim(b)
}

enum Tok<'a> {
    Obj(Object),
    Op(&'a [u8]),
    /// A stray delimiter (`]`, `>>`, `)`, `{`…) outside any object.
    Skip,
}

impl<'a> Lexer<'a> {
    pub(crate) fn new(s: &'a [u8]) -> Self {
        Lexer { s, i: 0 }
    }

    /// The next operator, with its operands in `ops` (cleared first); `None` at the end.
    pub(crate) fn next_op(&mut self, ops: &mut Vec<Object>) -> Option<&'a [u8]> {
        ops.clear();
        loop {
            self.skip_ws();
            if self.i >= self.s.len() {
                return None;
            }
            match self.token(0) {
                Tok::Obj(o) => {
                    if ops.len() < MAX_OPERANDS {
                        ops.push(o);
                    }
                }
                Tok::Op(b"BI") => {
                    // Inline images carry no text: skip the whole BI … ID <data> EI.
                    self.skip_inline_image();
                    ops.clear();
                }
                Tok::Op(name) => return Some(name),
                Tok::Skip => {}
            }
        }
    }

    fn skip_ws(&mut self) {
        while let Some(&b) = self.s.get(self.i) {
            if is_ws(b) {
                self.i += 1;
            } else if b == b'%' {
                while let Some(&c) = self.s.get(self.i) {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.i += 1;
                }
            } else {
                break;
            }
        }
    }

    fn token(&mut self, depth: usize) -> Tok<'a> {
        let s = self.s;
        let b = s[self.i];
        match b {
            b'/' => {
                self.i += 1;
                Tok::Obj(Object::Name(self.name()))
            }
            b'(' => {
                self.i += 1;
                Tok::Obj(Object::String(self.literal(), StringFormat::Literal))
            }
            b'<' if s.get(self.i + 1) == Some(&b'<') => {
                self.i += 2;
                if depth >= MAX_DEPTH {
                    return Tok::Skip;
                }
                Tok::Obj(Object::Dictionary(self.dict(depth + 1)))
            }
            b'<' => {
                self.i += 1;
                Tok::Obj(Object::String(self.hex(), StringFormat::Hexadecimal))
            }
            b'[' => {
                self.i += 1;
                if depth >= MAX_DEPTH {
                    return Tok::Skip;
                }
                Tok::Obj(Object::Array(self.array(depth + 1)))
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => match self.number() {
                Some(o) => Tok::Obj(o),
                None => Tok::Skip,
            },
            _ if is_delim(b) => {
                self.i += 1;
                Tok::Skip
            }
            _ => {
                let start = self.i;
                while self.i < s.len() && is_regular(s[self.i]) {
                    self.i += 1;
                }
                match &s[start..self.i] {
                    b"true" => Tok::Obj(Object::Boolean(true)),
                    b"false" => Tok::Obj(Object::Boolean(false)),
                    b"null" => Tok::Obj(Object::Null),
                    w => Tok::Op(w),
                }
            }
        }
    }

    fn name(&mut self) -> Vec<u8> {
        let s = self.s;
        let mut out = Vec::new();
        while self.i < s.len() && is_regular(s[self.i]) {
            let b = s[self.i];
            if b == b'#' {
                if let (Some(h), Some(l)) = (
                    s.get(self.i + 1).and_then(|c| hex_val(*c)),
                    s.get(self.i + 2).and_then(|c| hex_val(*c)),
                ) {
                    out.push(h << 4 | l);
                    self.i += 3;
                    continue;
                }
            }
            out.push(b);
            self.i += 1;
        }
        out
    }

    /// After `(`: up to the matching `)`, escapes decoded.
    fn literal(&mut self) -> Vec<u8> {
        let s = self.s;
        let mut out = Vec::new();
        let mut depth = 1usize;
        while self.i < s.len() {
            let b = s[self.i];
            self.i += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(b);
                }
                b'\\' => {
                    let Some(&e) = s.get(self.i) else { break };
                    self.i += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match s.get(self.i) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.i += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xff) as u8);
                        }
                        // A backslash at the end of a line continues the string.
                        b'\r' => {
                            if s.get(self.i) == Some(&b'\n') {
                                self.i += 1;
                            }
                        }
                        b'\n' => {}
                        other => out.push(other),
                    }
                }
                _ => out.push(b),
            }
        }
        out
    }

    /// After `<`: hex digits up to `>` (whitespace ignored, an odd last digit padded with 0).
    fn hex(&mut self) -> Vec<u8> {
        let s = self.s;
        let mut out = Vec::new();
        let mut hi: Option<u8> = None;
        while self.i < s.len() {
            let b = s[self.i];
            self.i += 1;
            if b == b'>' {
                break;
            }
            if let Some(v) = hex_val(b) {
                match hi.take() {
                    Some(h) => out.push(h << 4 | v),
                    None => hi = Some(v),
                }
            }
        }
        if let Some(h) = hi {
            out.push(h << 4);
        }
        out
    }

    fn array(&mut self, depth: usize) -> Vec<Object> {
        let mut out = Vec::new();
        loop {
            self.skip_ws();
            match self.s.get(self.i) {
                None => break,
                Some(b']') => {
                    self.i += 1;
                    break;
                }
                Some(_) => {}
            }
            match self.token(depth) {
                Tok::Obj(o) => out.push(o),
                // A keyword inside an array is malformed; keep the rest of the array.
                Tok::Op(_) | Tok::Skip => {}
            }
        }
        out
    }

    fn dict(&mut self, depth: usize) -> Dictionary {
        let mut d = Dictionary::new();
        let mut key: Option<Vec<u8>> = None;
        loop {
            self.skip_ws();
            match self.s.get(self.i) {
                None => break,
                Some(b'>') => {
                    self.i += 1;
                    if self.s.get(self.i) == Some(&b'>') {
                        self.i += 1;
                    }
                    break;
                }
                Some(_) => {}
            }
            match (self.token(depth), key.take()) {
                (Tok::Obj(o), Some(k)) => d.set(k, o),
                (Tok::Obj(Object::Name(n)), None) => key = Some(n),
                _ => {}
            }
        }
        d
    }

    fn number(&mut self) -> Option<Object> {
        let s = self.s;
        let start = self.i;
        self.i += 1;
        while self.i < s.len() && matches!(s[self.i], b'0'..=b'9' | b'.') {
            self.i += 1;
        }
        let t = std::str::from_utf8(&s[start..self.i]).ok()?;
        if !t.contains('.') {
            if let Ok(v) = t.parse::<i64>() {
                return Some(Object::Integer(v));
            }
        }
        // "4." and "-.5" are valid PDF reals; a lone sign or dot is not a number.
        let t = t.strip_prefix('+').unwrap_or(t);
        let v: f32 = if t.ends_with('.') {
            t[..t.len() - 1].parse().ok()?
        } else {
            t.parse().ok()?
        };
        v.is_finite().then_some(Object::Real(v))
    }

    /// After `BI`: skip the image dictionary, `ID`, the binary data and `EI`.
    fn skip_inline_image(&mut self) {
        let s = self.s;
        // The dictionary: tokens up to the `ID` keyword.
        loop {
            self.skip_ws();
            if self.i >= s.len() {
                return;
            }
            if let Tok::Op(b"ID") = self.token(0) {
                break;
            }
        }
        // One whitespace byte, then data up to whitespace + `EI` + whitespace or the end.
        self.i += 1;
        while self.i + 1 < s.len() {
            if s[self.i] == b'E'
                && s[self.i + 1] == b'I'
                && self.i > 0
                && is_ws(s[self.i - 1])
                && s.get(self.i + 2).is_none_or(|&b| is_ws(b) || is_delim(b))
            {
                self.i += 2;
                return;
            }
            self.i += 1;
        }
        self.i = s.len();
    }
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(s: &[u8]) -> Vec<(String, Vec<Object>)> {
        let mut lx = Lexer::new(s);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        while let Some(op) = lx.next_op(&mut buf) {
            out.push((String::from_utf8_lossy(op).into_owned(), buf.clone()));
        }
        out
    }

    #[test]
    fn tokens_like_lopdf() {
        let src: &[u8] = b"BT /F6 19 Tf 1 0 0 -1 0 0 Tm\n48 -1323.5 Td <000F> Tj\n[(A\\)b) -250 <0041 42>] TJ\n(x\\101\\\ny) Tj ET % comment\n/P <</MCID 3>> BDC EMC";
        let got = ops(src);
        let lopdf = lopdf::content::Content::decode(src).expect("lopdf");
        assert_eq!(got.len(), lopdf.operations.len());
        for ((op, args), l) in got.iter().zip(&lopdf.operations) {
            assert_eq!(op, &l.operator);
            assert_eq!(args, &l.operands, "{op}");
        }
    }

    #[test]
    fn skips_inline_images_and_junk() {
        let got = ops(b"q BI /W 2 /H 2 ID \x00EI\xff\x01 EI Q ] ) 3 Tz .5. -. Tc");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["q", "Q", "Tz", "Tc"]);
        assert_eq!(got[2].1, vec![Object::Integer(3)]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let mut s = vec![b'['; 100_000];
        s.extend(vec![b']'; 100_000]);
        s.extend_from_slice(b" Tj");
        let got = ops(&s);
        assert_eq!(got.last().map(|(o, _)| o.as_str()), Some("Tj"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_always_advances(src in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            let mut lx = Lexer::new(&src);
            let mut buf = Vec::new();
            let mut n = 0;
            while lx.next_op(&mut buf).is_some() {
                n += 1;
                proptest::prop_assert!(n <= src.len());
            }
        }

        #[test]
        fn content_like_input_never_panics(src in "[ \\n0-9.+\\-/()<>\\[\\]a-zA-Z%#\\\\]{0,300}") {
            let mut lx = Lexer::new(src.as_bytes());
            let mut buf = Vec::new();
            while lx.next_op(&mut buf).is_some() {}
        }
    }
}
