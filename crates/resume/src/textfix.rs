//! Clean-up shared by every format: ligatures, end-of-line hyphenation, stray control
//! characters, line endings, runs of blank lines.

/// Typographic ligatures as extracted from PDFs, spelled out.
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        _ => return None,
    })
}

pub fn tidy(text: &str) -> String {
    // Text that went through a wrong decoding upstream ("â€™", "Â ") is common in
    // converted resumes; repair it before anything else.
    let text = hirekit_model::text::fix_mojibake(text);
    // Leftovers of the same accident that fix_mojibake leaves alone: a no-break space read
    // as "Â " and a full-width comma whose last byte was lost ("ï¼").
    let text = text.replace("Â\u{a0}", " ").replace("Â\n", "\n").replace("Â ", " ").replace("ï¼Œ", ",").replace("ï¼", ",");
    let text = text.strip_suffix('Â').unwrap_or(&text);
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        if let Some(l) = ligature(c) {
            s.push_str(l);
            continue;
        }
        match c {
            '\r' => {}
            '，' => s.push(','),
            '\t' => s.push_str("  "),
            '\u{A0}' | '\u{2007}' | '\u{202F}' => s.push(' '),
            // Soft hyphen and zero-width characters carry nothing.
            '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => {}
            '\u{0C}' | '\u{0B}' | '\u{2028}' | '\u{2029}' => s.push('\n'),
            c if c.is_control() && c != '\n' => {}
            c => s.push(c),
        }
    }
    let lines: Vec<&str> = s.lines().map(|l| l.trim_end()).collect();
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.trim().is_empty() {
            blank += 1;
            i += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        // "manage-\nment" → "management": a hyphen after a lowercase letter at the end of a
        // line, followed by a line that starts with a lowercase letter.
        let mut cur = line.to_string();
        while let Some(next) = lines.get(i + 1) {
            if !joins_hyphen(&cur, next) {
                break;
            }
            cur.pop();
            cur.push_str(next.trim_start());
            i += 1;
        }
        out.push_str(&cur);
        i += 1;
    }
    out
}

fn joins_hyphen(line: &str, next: &str) -> bool {
    let mut rev = line.chars().rev();
    if rev.next() != Some('-') {
        return false;
    }
    let before = rev.next();
    let before2 = rev.next();
    let first = next.trim_start().chars().next();
    matches!(before, Some(c) if c.is_lowercase())
        && matches!(before2, Some(c) if c.is_alphabetic())
        && matches!(first, Some(c) if c.is_lowercase())
        && next.len() == next.trim_start().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_and_hyphens() {
        assert_eq!(tidy("ﬁnance and ﬂow"), "finance and flow");
        assert_eq!(tidy("project manage-\nment tools"), "project management tools");
        // A real dash between words stays.
        assert_eq!(tidy("Java -\nSpring"), "Java -\nSpring");
        assert_eq!(tidy("a\r\n\r\n\r\n\r\nb"), "a\n\nb");
    }
}
