//! Title → tokens: lowercase, accents folded, split on punctuation, with the separator kind
//! before each token recorded (segment breaks such as " - ", ",", "(" matter for the rules).

/// What separated a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sep {
    /// First token of the title.
    Start,
    Space,
    /// `a/b`: alternatives ("Senior/Lead", "iOS/Android").
    Slash,
    /// `a-b` without spaces ("Front-end", "Mid-level").
    Hyphen,
    /// A segment break: " - ", ",", "(", "|", ":" …
    Break,
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: u32,
    pub end: u32,
    /// Segment number (0 = the part before the first break).
    pub seg: u16,
    pub sep: Sep,
    /// Every letter of the original token was uppercase ("I", "TL", "IV").
    pub upper: bool,
}

/// Gender and other markers German/French ads put in parentheses: m/w/d, h/f, f/m/x…
fn is_gender_letter(s: &str) -> bool {
    matches!(
        s,
        "m" | "w"
            | "d"
            | "f"
            | "h"
            | "x"
            | "gn"
            | "mwd"
            | "hf"
            | "fh"
            | "wmd"
            | "mfd"
            | "fmx"
            | "div"
    )
}

/// Heads of German compounds ("Softwareentwickler" = software + entwickler).
const COMPOUND_HEADS: &[&str] = &[
    "entwicklerin",
    "entwickler",
    "entwicklung",
    "ingenieurin",
    "ingenieur",
    "informatikerin",
    "informatiker",
    "analystin",
    "analyst",
    "architektin",
    "architekt",
    "leiterin",
    "leiter",
    "leitung",
    "beraterin",
    "berater",
    "managerin",
    "manager",
    "administratorin",
    "administrator",
    "testerin",
    "tester",
    "designerin",
    "designer",
    "developer",
    "engineer",
    "wissenschaftlerin",
    "wissenschaftler",
    "spezialistin",
    "spezialist",
];

pub struct Lexed {
    pub text: String,
    pub toks: Vec<Tok>,
}

impl Lexed {
    pub fn s(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.text[t.start as usize..t.end as usize]
    }
    pub fn len(&self) -> usize {
        self.toks.len()
    }
}

/// Folds one char to lowercase ASCII where a common Latin accent allows it.
fn fold(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let m = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
            'a'
        }
        'ç' | 'ć' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'ń' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ł' | 'Ł' => 'l',
        'ś' | 'Ś' => 's',
        'ż' | 'ź' | 'Ż' | 'Ź' => 'z',
        'ß' => {
            out.push_str("ss");
            return;
        }
        'œ' => {
            out.push_str("oe");
            return;
        }
        'æ' => {
            out.push_str("ae");
            return;
        }
        _ => {
            for l in c.to_lowercase() {
                out.push(l);
            }
            return;
        }
    };
    out.push(m);
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '+' || c == '#'
    } else {
        c.is_alphanumeric()
    }
}

/// Splits a title into tokens. Never fails; very long input is cut at 512 bytes
/// (no real title is longer, and the work stays bounded).
pub fn lex(title: &str) -> Lexed {
    let title = if title.len() > 512 {
        let mut cut = 512;
        while !title.is_char_boundary(cut) {
            cut -= 1;
        }
        &title[..cut]
    } else {
        title
    };
    let mut text = String::with_capacity(title.len() + 8);
    let mut toks: Vec<Tok> = Vec::with_capacity(title.len() / 5 + 4);
    let mut seg: u16 = 0;
    let mut pending = Sep::Start;
    let n = title.len();
    let mut i = 0;
    while i < n {
        let (c, len) = char_at(title, i);
        if is_word_char(c) || (c == '.' && is_dotnet(title, i)) {
            // A word. ".NET" keeps its dot as "dotnet".
            let start = text.len();
            let mut upper = true;
            let mut has_letter = false;
            if c == '.' {
                text.push_str("dotnet");
                i += 4;
                upper = false;
                has_letter = true;
            } else {
                while i < n {
                    let (ch, l) = char_at(title, i);
                    if !is_word_char(ch) {
                        break;
                    }
                    if ch.is_alphabetic() {
                        has_letter = true;
                        if !ch.is_uppercase() {
                            upper = false;
                        }
                    }
                    fold(ch, &mut text);
                    i += l;
                }
            }
            let mut end = text.len();
            // Tags like "#LI-Remote" and ids like "#1": drop the whole token.
            if text[start..end].starts_with('#') {
                text.truncate(start);
                if pending == Sep::Start && !toks.is_empty() {
                    pending = Sep::Space;
                }
                continue;
            }
            // Trailing '+' only belongs to "c++"; "Staff+", "Mid+" lose it.
            while end > start && text.as_bytes()[end - 1] == b'+' && &text[start..end] != "c++" {
                end -= 1;
            }
            text.truncate(end);
            if end == start {
                continue;
            }
            let sep = if toks.is_empty() { Sep::Start } else { pending };
            if sep == Sep::Break {
                seg = seg.saturating_add(1);
            }
            push_token(&text, &mut toks, start, seg, sep, upper && has_letter);
            pending = Sep::Space;
            continue;
        }
        // Separators.
        let sep = match c {
            '/' | '\\' => Sep::Slash,
            '-' | '‐' | '‑' => {
                let spaced_before = i > 0
                    && title[..i]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_whitespace);
                let spaced_after = title[i + len..]
                    .chars()
                    .next()
                    .is_some_and(char::is_whitespace);
                if spaced_before || spaced_after {
                    Sep::Break
                } else {
                    Sep::Hyphen
                }
            }
            '–' | '—' | '|' | ',' | '(' | ')' | '[' | ']' | ':' | ';' | '{' | '}' | '•' | '·'
            | '@' | '!' | '?' => Sep::Break,
            // "Regular & Senior", "Sales & Marketing": alternatives, like a slash.
            '&' => Sep::Slash,
            _ => Sep::Space,
        };
        // The strongest separator between two words wins.
        pending = strongest(pending, sep);
        i += len;
    }
    if toks
        .iter()
        .any(|t| is_gender_letter(&text[t.start as usize..t.end as usize]))
    {
        drop_gender_markers(&text, &mut toks);
    }
    Lexed { text, toks }
}

/// The char starting at byte `i` and its length (ASCII fast path).
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = s[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

/// ".NET" as a word of its own (not the dot in "node.js" or "asp.net").
fn is_dotnet(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    b.len() >= i + 4
        && b[i + 1..i + 4].eq_ignore_ascii_case(b"net")
        && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
        && b.get(i + 4).is_none_or(|c| !c.is_ascii_alphanumeric())
}

fn strongest(a: Sep, b: Sep) -> Sep {
    fn rank(s: Sep) -> u8 {
        match s {
            Sep::Start => 0,
            Sep::Space => 1,
            Sep::Hyphen => 2,
            Sep::Slash => 3,
            Sep::Break => 4,
        }
    }
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

/// Pushes a token, splitting German compounds ("softwareentwickler") into prefix + head.
fn push_token(text: &str, toks: &mut Vec<Tok>, start: usize, seg: u16, sep: Sep, upper: bool) {
    let end = text.len();
    let word = &text[start..end];
    if word.len() >= 9 && word.is_ascii() && !super::lexicon::LEXICON.contains_key(word) {
        for head in COMPOUND_HEADS {
            if word.len() > head.len() + 1 && word.ends_with(head) {
                let mid = end - head.len();
                toks.push(Tok {
                    start: start as u32,
                    end: mid as u32,
                    seg,
                    sep,
                    upper,
                });
                toks.push(Tok {
                    start: mid as u32,
                    end: end as u32,
                    seg,
                    sep: Sep::Space,
                    upper,
                });
                return;
            }
        }
    }
    toks.push(Tok {
        start: start as u32,
        end: end as u32,
        seg,
        sep,
        upper,
    });
}

/// Removes runs like "m/w/d", "h/f", "f/m/x" (two or more gender letters joined by slashes),
/// and "(gn)", "(all genders)".
fn drop_gender_markers(text: &str, toks: &mut Vec<Tok>) {
    let s = |t: &Tok| &text[t.start as usize..t.end as usize];
    let mut keep = vec![true; toks.len()];
    let mut i = 0;
    while i < toks.len() {
        if is_gender_letter(s(&toks[i])) {
            let mut j = i + 1;
            while j < toks.len() && toks[j].sep == Sep::Slash && is_gender_letter(s(&toks[j])) {
                j += 1;
            }
            let single_marker = matches!(s(&toks[i]), "gn" | "mwd" | "wmd" | "mfd" | "fmx")
                && (toks[i].sep == Sep::Break || j == toks.len() || toks[j].sep == Sep::Break);
            if j - i >= 2 || single_marker {
                for k in keep.iter_mut().take(j).skip(i) {
                    *k = false;
                }
            }
            i = j;
        } else {
            if s(&toks[i]) == "all" && toks.get(i + 1).is_some_and(|t| s(t) == "genders") {
                keep[i] = false;
                keep[i + 1] = false;
            }
            i += 1;
        }
    }
    if keep.iter().all(|k| *k) {
        return;
    }
    // The markers sit in their own parenthesised segment, so the next token already
    // starts with a break: no separator needs carrying over.
    let mut idx = 0;
    toks.retain(|_| {
        idx += 1;
        keep[idx - 1]
    });
}
