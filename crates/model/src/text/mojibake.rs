//! Repair UTF-8 text that was once decoded as Windows-1252/Latin-1 ("â€™" → "’", "Ã©" → "é").
//!
//! Each suspicious character is mapped back to the byte it came from; when that byte starts
//! a UTF-8 sequence and the following characters map to continuation bytes, the sequence is
//! decoded. Legitimate text almost never has a lead-byte letter (Ã, Â, â, Å…) directly
//! followed by one or more characters from the 0x80–0xBF range (€, ™, ©, ¶…).
use super::entities::CP1252_HIGH;
use std::borrow::Cow;

/// The single byte a character had in Windows-1252 (C1 controls map to themselves, as
/// Latin-1 decoders produce them), or None when it has no one-byte form.
fn cp1252_byte(c: char) -> Option<u8> {
    let v = c as u32;
    if v < 0x80 || (0xa0..0x100).contains(&v) || (0x80..0xa0).contains(&v) {
        return Some(v as u8);
    }
    CP1252_HIGH
        .iter()
        .position(|&h| h == c)
        .map(|p| 0x80 + p as u8)
}

fn is_lead(c: char) -> bool {
    matches!(c as u32, 0xc2..=0xf4)
}

/// Fix double-decoded UTF-8. Borrowed when nothing looks broken.
pub fn fix_mojibake(s: &str) -> Cow<'_, str> {
    // Fast exit: every mojibake sequence starts with a char in U+00C2..U+00F4, which UTF-8
    // writes as 0xC3 followed by 0x82..=0xB4.
    let b = s.as_bytes();
    if !memchr::memchr_iter(0xC3, b)
        .any(|i| b.get(i + 1).is_some_and(|n| (0x82..=0xB4).contains(n)))
    {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_lead(c) {
            out.push(c);
            continue;
        }
        let lead = c as u32 as u8;
        let need = match lead {
            0xc2..=0xdf => 1,
            0xe0..=0xef => 2,
            _ => 3,
        };
        let mut bytes = [lead, 0, 0, 0];
        let mut end = i + c.len_utf8();
        let mut ok = true;
        let mut look = s[end..].chars();
        for slot in bytes.iter_mut().skip(1).take(need) {
            match look.next().and_then(|n| cp1252_byte(n).map(|b| (n, b))) {
                Some((n, b)) if (0x80..0xc0).contains(&b) => {
                    *slot = b;
                    end += n.len_utf8();
                }
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        // "Â" + plain space: the no-break space lost its second byte to a space.
        if !ok && lead == 0xc2 && s[i + c.len_utf8()..].starts_with(' ') {
            out.push(' ');
            it.next();
            changed = true;
            continue;
        }
        let decoded = if ok {
            std::str::from_utf8(&bytes[..=need]).ok()
        } else {
            None
        };
        match decoded.and_then(|d| d.chars().next()) {
            Some(fixed) => {
                // A repaired no-break space reads better as a plain one.
                out.push(if fixed == '\u{a0}' { ' ' } else { fixed });
                while let Some(&(j, _)) = it.peek() {
                    if j >= end {
                        break;
                    }
                    it.next();
                }
                changed = true;
            }
            None => out.push(c),
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}
