//! Splitting a location string into words, remembering what separated them: a comma
//! ("Austin, TX": narrower → broader place), a break ("NYC / SF", "A; B", "(Remote)"),
//! or a dash with spaces ("Remote - Europe").
use super::gazetteer::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Sep {
    /// Start of text, or plain space / joining hyphen ("Winston-Salem").
    Space,
    Comma,
    Dash,
    Break,
}

#[derive(Debug, Clone)]
pub struct Tok<'a> {
    /// Folded form ("munchen", "us").
    pub folded: String,
    /// The word as written ("München", "U.S.").
    pub orig: &'a str,
    pub sep: Sep,
}

impl Tok<'_> {
    pub fn is_upper(&self) -> bool {
        let mut letters = self.orig.chars().filter(|c| c.is_alphabetic()).peekable();
        letters.peek().is_some() && letters.all(|c| c.is_uppercase())
    }
    pub fn is_capitalized(&self) -> bool {
        self.orig
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    }
    /// "or", "and", "und", "ou"…: list connectors, which separate places like a comma list.
    pub fn is_connector(&self) -> bool {
        matches!(
            self.folded.as_str(),
            "or" | "and" | "und" | "oder" | "ou" | "et" | "o" | "y" | "e"
        )
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

pub fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let mut sep = Sep::Space;
    let mut chars = s.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if is_word_char(c) {
            let start = i;
            let mut end = i;
            while let Some(&(j, d)) = chars.peek() {
                // A dot inside or right after a word belongs to it ("U.S.", "St.").
                if is_word_char(d) || d == '.' && j > start {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let orig = &s[start..end];
            let folded = fold(orig);
            if !folded.is_empty() {
                toks.push(Tok { folded, orig, sep });
            }
            sep = Sep::Space;
        } else {
            let before_space = i > 0 && s[..i].ends_with(char::is_whitespace);
            chars.next();
            let after_space = chars.peek().is_some_and(|&(_, d)| d.is_whitespace());
            let this = match c {
                ';' | '|' | '/' | '\\' | '(' | ')' | '[' | ']' | '{' | '}' | '&' | '+' | '\n'
                | '•' | '·' | '>' | '<' | '*' => Sep::Break,
                ',' => Sep::Comma,
                '-' | '–' | '—' | ':' | '~' => {
                    if before_space || after_space || c != '-' {
                        Sep::Dash
                    } else {
                        Sep::Space
                    }
                }
                _ => Sep::Space,
            };
            sep = sep.max(this);
        }
    }
    toks
}
