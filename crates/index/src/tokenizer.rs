//! The one analyzer used for every text field and for query words, so both sides agree.
//!
//! Tokens are runs of letters and digits, lowercased and folded to ASCII where a letter has a
//! plain form ("Zürich" → "zurich"). Trailing `+` and `#` stay attached, because "C++", "C#"
//! and "F#" are skills, not the letters c and f.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

pub const NAME: &str = "hk";

/// Longest token kept: longer runs are hashes, URLs or base64, never search words.
const MAX_TOKEN_BYTES: usize = 40;

#[derive(Clone, Default)]
pub struct HkTokenizer;

pub struct HkStream<'a> {
    text: &'a str,
    pos: usize,
    token: Token,
}

impl Tokenizer for HkTokenizer {
    type TokenStream<'a> = HkStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> HkStream<'a> {
        HkStream {
            text,
            pos: 0,
            token: Token::default(),
        }
    }
}

impl TokenStream for HkStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            let Some((start, end)) = next_span(self.text, self.pos) else {
                return false;
            };
            self.pos = end;
            let word = &self.text[start..end];
            if word.len() > MAX_TOKEN_BYTES {
                continue;
            }
            self.token.text.clear();
            fold_into(word, &mut self.token.text);
            self.token.offset_from = start;
            self.token.offset_to = end;
            self.token.position = self.token.position.wrapping_add(1);
            self.token.position_length = 1;
            return true;
        }
    }
    fn token(&self) -> &Token {
        &self.token
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The next token's byte span at or after `from`.
pub fn next_span(text: &str, from: usize) -> Option<(usize, usize)> {
    let rest = text.get(from..)?;
    let mut start = None;
    let mut end = from;
    for (i, c) in rest.char_indices() {
        let at = from + i;
        match start {
            None => {
                if c.is_alphanumeric() {
                    start = Some(at);
                    end = at + c.len_utf8();
                }
            }
            Some(_) => {
                if c.is_alphanumeric() {
                    end = at + c.len_utf8();
                } else if (c == '+' || c == '#') && end == at {
                    // attach only a run of +/# right after the word ("c++", not "c + d")
                    let tail = &text[at..];
                    let run = tail
                        .bytes()
                        .take_while(|b| *b == b'+' || *b == b'#')
                        .count();
                    let after = tail[run..].chars().next();
                    if after.is_none_or(|n| !n.is_alphanumeric()) {
                        end = at + run;
                    }
                    break;
                } else {
                    break;
                }
            }
        }
    }
    start.map(|s| (s, end))
}

/// Lowercase and strip diacritics from common Latin letters.
pub fn fold_into(word: &str, out: &mut String) {
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for l in c.to_lowercase() {
            match fold_char(l) {
                Some(s) => out.push_str(s),
                None => out.push(l),
            }
        }
    }
}

fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' | 'ĺ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' | 'ŕ' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Tokens of `text` with their byte spans.
pub fn tokens(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut tk = HkTokenizer;
    let mut s = tk.token_stream(text);
    while s.advance() {
        let t = s.token();
        out.push((t.text.clone(), t.offset_from, t.offset_to));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        tokens(s).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn splits_folds_and_keeps_language_names() {
        assert_eq!(
            words("Senior C++/C# Engineer, Zürich (Node.js)"),
            ["senior", "c++", "c#", "engineer", "zurich", "node", "js"]
        );
        assert_eq!(words("a + b"), ["a", "b"]);
        assert_eq!(words("c++x"), ["c", "x"]);
        assert!(words("  --- ").is_empty());
    }
}
