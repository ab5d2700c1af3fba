//! A small RTF reader: drops control words and non-text destinations (font and colour
//! tables, style sheets, pictures, field instructions…), decodes `\uN` and `\'hh`.

/// Destinations whose content is never text for the reader.
const SKIP: &[&str] = &[
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "themedata", "colorschememapping",
    "latentstyles", "datastore", "xmlnstbl", "listtable", "listoverridetable", "rsidtbl", "generator",
    "fldinst", "mmathPr", "filetbl", "revtbl", "bkmkstart", "bkmkend", "shppict", "nonshppict",
    "blipuid", "pgdsctbl", "listtext", "wgrffmtfilter", "objdata", "result_",
];

#[derive(Clone, Copy)]
struct State {
    skip: bool,
    /// Fallback characters after `\uN` (`\ucN`).
    uc: usize,
}

pub fn to_text(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(b.len() / 2);
    let mut st = State { skip: false, uc: 1 };
    let mut stack: Vec<State> = Vec::new();
    // Fallback characters still to drop after a `\uN`.
    let mut pending_skip = 0usize;
    // Set after `{`: the first control word decides whether the group is a destination.
    let mut group_start = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'{' => {
                stack.push(st);
                group_start = true;
                pending_skip = 0;
                i += 1;
            }
            b'}' => {
                st = stack.pop().unwrap_or(State { skip: false, uc: 1 });
                group_start = false;
                pending_skip = 0;
                i += 1;
            }
            b'\\' => {
                let first_in_group = group_start;
                group_start = false;
                i += 1;
                let Some(&n) = b.get(i) else { break };
                if n.is_ascii_alphabetic() {
                    let ws = i;
                    while i < b.len() && b[i].is_ascii_alphabetic() && i - ws < 32 {
                        i += 1;
                    }
                    let word = &src[ws..i];
                    let ps = i;
                    if i < b.len() && b[i] == b'-' {
                        i += 1;
                    }
                    while i < b.len() && b[i].is_ascii_digit() && i - ps < 10 {
                        i += 1;
                    }
                    let param: Option<i64> = src[ps..i].parse().ok();
                    if i < b.len() && b[i] == b' ' {
                        i += 1;
                    }
                    if first_in_group && SKIP.contains(&word) {
                        st.skip = true;
                    }
                    if st.skip {
                        continue;
                    }
                    match word {
                        "par" | "line" | "row" | "sect" | "page" => out.push('\n'),
                        "tab" | "cell" => out.push('\t'),
                        "emdash" => out.push('—'),
                        "endash" => out.push('–'),
                        "bullet" => out.push('•'),
                        "lquote" => out.push('‘'),
                        "rquote" => out.push('’'),
                        "ldblquote" => out.push('“'),
                        "rdblquote" => out.push('”'),
                        "uc" => st.uc = param.unwrap_or(1).clamp(0, 8) as usize,
                        "u" => {
                            if let Some(p) = param {
                                let cp = if p < 0 { p + 65536 } else { p };
                                if let Some(ch) = u32::try_from(cp).ok().and_then(char::from_u32) {
                                    out.push(ch);
                                }
                                pending_skip = st.uc;
                            }
                        }
                        _ => {}
                    }
                    continue;
                }
                // Control symbols. A backslash before a non-ASCII character is a typo:
                // leave the character to the text run.
                if n >= 0x80 {
                    continue;
                }
                i += 1;
                match n {
                    b'*' => {
                        // An ignorable destination: skip unless we know it (we know none).
                        if first_in_group {
                            st.skip = true;
                        }
                    }
                    b'\'' => {
                        let hex = src.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok());
                        if hex.is_some() {
                            i += 2;
                        }
                        if pending_skip > 0 {
                            pending_skip -= 1;
                        } else if let (Some(h), false) = (hex, st.skip) {
                            out.push(cp1252(h));
                        }
                    }
                    b'\\' | b'{' | b'}' if !st.skip => out.push(n as char),
                    b'~' if !st.skip => out.push(' '),
                    b'_' if !st.skip => out.push('-'),
                    b'\n' | b'\r' if !st.skip => out.push('\n'),
                    _ => {}
                }
            }
            b'\r' | b'\n' => i += 1,
            _ => {
                group_start = false;
                // Copy a run of plain text (may be multi-byte UTF-8 in sloppy files).
                let s = i;
                while i < b.len() && !matches!(b[i], b'\\' | b'{' | b'}' | b'\r' | b'\n') {
                    i += 1;
                }
                if st.skip {
                    continue;
                }
                let mut run = &src[s..i];
                while pending_skip > 0 && !run.is_empty() {
                    let mut chars = run.chars();
                    chars.next();
                    run = chars.as_str();
                    pending_skip -= 1;
                }
                out.push_str(run);
            }
        }
    }
    out
}

/// Windows-1252, the usual RTF code page (`\ansicpg1252`).
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–',
        '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    if (0x80..0xA0).contains(&b) {
        HIGH[(b - 0x80) as usize]
    } else {
        b as char
    }
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn strips_tables_and_decodes() {
        let rtf = r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}{\colortbl;\red0\green0\blue0;}{\*\generator Foo;}\f0 Jos\'e9 M\u252?ller\par Caf\u233\'65 \{x\}\par}";
        assert_eq!(to_text(rtf), "José Müller\nCafé {x}\n");
    }
}
