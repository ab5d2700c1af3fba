//! Byte-level tokens around a figure: words (ASCII lowercased into a stack buffer), and the
//! punctuation that matters (/, +, %, sentence breaks). No allocation.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Letter,
    Digit,
    Space,
    /// Ends a phrase: newline, |, ;, •, !, ?, CJK punctuation.
    Break,
    Slash,
    Plus,
    Percent,
    Dot,
    Dash,
    Apos,
    Comma,
    Other,
}

/// Class and byte length of the char starting at `i`.
pub(crate) fn class_at(b: &[u8], i: usize) -> (Class, usize) {
    let c = b[i];
    if c < 0x80 {
        let k = match c {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b' ' | b'\t' | b'\r' => Class::Space,
            b'\n' | b'|' | b';' | b'!' | b'?' => Class::Break,
            b'/' => Class::Slash,
            b'+' => Class::Plus,
            b'%' => Class::Percent,
            b'.' => Class::Dot,
            b'-' => Class::Dash,
            b'\'' => Class::Apos,
            b',' => Class::Comma,
            _ => Class::Other,
        };
        return (k, 1);
    }
    let len = match c {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    };
    let len = len.min(b.len() - i);
    let c1 = b.get(i + 1).copied().unwrap_or(0);
    let c2 = b.get(i + 2).copied().unwrap_or(0);
    let k = match (c, c1) {
        (0xC2, 0xA0) => Class::Space,
        (0xC2, 0xB7) => Class::Break,
        (0xC2, _) => Class::Other,
        (0xE2, 0x80) => match c2 {
            0x80..=0x8F | 0xAF => Class::Space,
            0x90..=0x95 => Class::Dash,
            0x98 | 0x99 => Class::Apos,
            0xA2 => Class::Break,
            _ => Class::Other,
        },
        (0xE2, 0x88) if c2 == 0x92 => Class::Dash,
        (0xE2, _) => Class::Other,
        (0xE3, 0x80) => Class::Break,
        (0xEF, 0xBC) | (0xEF, 0xBD) => Class::Other,
        _ if len == 1 => Class::Other,
        _ => Class::Letter,
    };
    (k, len)
}

/// Start of the char that ends at `i` (exclusive).
pub(crate) fn char_start_before(b: &[u8], i: usize) -> usize {
    let mut s = i - 1;
    while s > 0 && i - s < 4 && (b[s] & 0xC0) == 0x80 {
        s -= 1;
    }
    s
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tok {
    Word { start: usize, end: usize },
    Class(Class),
}

fn is_letter(b: &[u8], i: usize) -> bool {
    i < b.len() && class_at(b, i).0 == Class::Letter
}

/// The token at or after `i` (spaces skipped), and where it ends. None at the end.
pub(crate) fn next_tok(b: &[u8], mut i: usize) -> Option<(Tok, usize)> {
    while i < b.len() {
        let (k, len) = class_at(b, i);
        if k == Class::Space {
            i += len;
            continue;
        }
        if k == Class::Letter {
            let start = i;
            let mut has_dot = false;
            i += len;
            while i < b.len() {
                let (k2, l2) = class_at(b, i);
                match k2 {
                    // text glued by HTML stripping: "a yearA signing…", "ManagementJob"
                    Class::Letter if b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase() => {
                        break
                    }
                    Class::Letter => i += l2,
                    Class::Dot | Class::Dash | Class::Apos if is_letter(b, i + l2) => {
                        has_dot |= k2 == Class::Dot;
                        i += l2;
                    }
                    _ => break,
                }
            }
            // keep the closing dot of an abbreviation ("p.a.")
            if has_dot && b.get(i) == Some(&b'.') {
                i += 1;
            }
            return Some((Tok::Word { start, end: i }, i));
        }
        // a dot followed by a space or the end ends a sentence
        if k == Class::Dot && !b.get(i + 1).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return Some((Tok::Class(Class::Break), i + 1));
        }
        return Some((Tok::Class(k), i + len));
    }
    None
}

/// The token ending at or before `i` (spaces skipped), and where it starts.
pub(crate) fn prev_tok(b: &[u8], mut i: usize) -> Option<(Tok, usize)> {
    while i > 0 {
        let s = char_start_before(b, i);
        let (k, _) = class_at(b, s);
        if k == Class::Space {
            i = s;
            continue;
        }
        if k == Class::Letter {
            let end = i;
            let mut start = s;
            while start > 0 {
                let p = char_start_before(b, start);
                let (k2, _) = class_at(b, p);
                match k2 {
                    Class::Letter if b[start].is_ascii_uppercase() && b[p].is_ascii_lowercase() => {
                        break
                    }
                    Class::Letter => start = p,
                    Class::Dot | Class::Dash | Class::Apos
                        if p > 0 && is_letter(b, char_start_before(b, p)) =>
                    {
                        start = p
                    }
                    _ => break,
                }
            }
            return Some((Tok::Word { start, end }, start));
        }
        if k == Class::Dot && i < b.len() && !b[i].is_ascii_alphanumeric() {
            return Some((Tok::Class(Class::Break), s));
        }
        return Some((Tok::Class(k), s));
    }
    None
}

/// A word lowercased (ASCII only) into `buf`, without a trailing dot. None if too long.
pub(crate) fn lower<'a>(
    b: &[u8],
    start: usize,
    end: usize,
    buf: &'a mut [u8; 32],
) -> Option<&'a str> {
    let mut w = &b[start..end];
    if let Some(x) = w.strip_suffix(b".") {
        w = x;
    }
    if w.len() > buf.len() {
        return None;
    }
    for (d, c) in buf.iter_mut().zip(w) {
        *d = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..w.len()]).ok()
}
