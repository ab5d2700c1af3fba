//! HTML character references: named (a curated table of the ones job ads use),
//! decimal and hex.
use std::borrow::Cow;
use std::sync::OnceLock;

/// The named table keyed by packed name (all names are at most 8 bytes), sorted for
/// binary search on integers.
fn named() -> &'static [(u64, &'static str)] {
    static M: OnceLock<Vec<(u64, &'static str)>> = OnceLock::new();
    M.get_or_init(|| {
        let mut v: Vec<(u64, &'static str)> = NAMED
            .iter()
            .map(|(n, v)| (pack(n.as_bytes()), *v))
            .collect();
        v.sort_unstable_by_key(|e| e.0);
        v
    })
}

/// Named entities seen in ATS payloads and feeds. The full HTML5 table has 2,000+ names;
/// these cover what real descriptions contain, and anything else is left as written.
const NAMED: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("ensp", "\u{2002}"),
    ("emsp", "\u{2003}"),
    ("thinsp", "\u{2009}"),
    ("zwnj", "\u{200c}"),
    ("zwj", "\u{200d}"),
    ("lrm", "\u{200e}"),
    ("rlm", "\u{200f}"),
    ("shy", "\u{ad}"),
    ("rsquo", "’"),
    ("lsquo", "‘"),
    ("sbquo", "‚"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("bdquo", "„"),
    ("ndash", "–"),
    ("mdash", "—"),
    ("minus", "−"),
    ("hellip", "…"),
    ("bull", "•"),
    ("middot", "·"),
    ("prime", "′"),
    ("Prime", "″"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("lsaquo", "‹"),
    ("rsaquo", "›"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("euro", "€"),
    ("pound", "£"),
    ("yen", "¥"),
    ("cent", "¢"),
    ("curren", "¤"),
    ("sect", "§"),
    ("para", "¶"),
    ("deg", "°"),
    ("plusmn", "±"),
    ("times", "×"),
    ("divide", "÷"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("sup1", "¹"),
    ("sup2", "²"),
    ("sup3", "³"),
    ("micro", "µ"),
    ("iexcl", "¡"),
    ("iquest", "¿"),
    ("ordf", "ª"),
    ("ordm", "º"),
    ("larr", "←"),
    ("rarr", "→"),
    ("uarr", "↑"),
    ("darr", "↓"),
    ("harr", "↔"),
    ("check", "✓"),
    ("star", "☆"),
    ("hearts", "♥"),
    ("dagger", "†"),
    ("Dagger", "‡"),
    ("permil", "‰"),
    ("le", "≤"),
    ("ge", "≥"),
    ("ne", "≠"),
    ("asymp", "≈"),
    ("infin", "∞"),
    ("colon", ":"),
    ("comma", ","),
    ("period", "."),
    ("excl", "!"),
    ("quest", "?"),
    ("num", "#"),
    ("dollar", "$"),
    ("percnt", "%"),
    ("lpar", "("),
    ("rpar", ")"),
    ("ast", "*"),
    ("plus", "+"),
    ("sol", "/"),
    ("bsol", "\\"),
    ("semi", ";"),
    ("equals", "="),
    ("commat", "@"),
    ("lsqb", "["),
    ("rsqb", "]"),
    ("lowbar", "_"),
    ("grave", "`"),
    ("lcub", "{"),
    ("rcub", "}"),
    ("verbar", "|"),
    ("vert", "|"),
    ("tilde", "˜"),
    ("circ", "ˆ"),
    ("NewLine", "\n"),
    ("Tab", "\t"),
    ("aacute", "á"),
    ("Aacute", "Á"),
    ("agrave", "à"),
    ("Agrave", "À"),
    ("acirc", "â"),
    ("Acirc", "Â"),
    ("auml", "ä"),
    ("Auml", "Ä"),
    ("atilde", "ã"),
    ("Atilde", "Ã"),
    ("aring", "å"),
    ("Aring", "Å"),
    ("aelig", "æ"),
    ("AElig", "Æ"),
    ("ccedil", "ç"),
    ("Ccedil", "Ç"),
    ("eacute", "é"),
    ("Eacute", "É"),
    ("egrave", "è"),
    ("Egrave", "È"),
    ("ecirc", "ê"),
    ("Ecirc", "Ê"),
    ("euml", "ë"),
    ("Euml", "Ë"),
    ("iacute", "í"),
    ("Iacute", "Í"),
    ("igrave", "ì"),
    ("Igrave", "Ì"),
    ("icirc", "î"),
    ("Icirc", "Î"),
    ("iuml", "ï"),
    ("Iuml", "Ï"),
    ("ntilde", "ñ"),
    ("Ntilde", "Ñ"),
    ("oacute", "ó"),
    ("Oacute", "Ó"),
    ("ograve", "ò"),
    ("Ograve", "Ò"),
    ("ocirc", "ô"),
    ("Ocirc", "Ô"),
    ("ouml", "ö"),
    ("Ouml", "Ö"),
    ("otilde", "õ"),
    ("Otilde", "Õ"),
    ("oslash", "ø"),
    ("Oslash", "Ø"),
    ("oelig", "œ"),
    ("OElig", "Œ"),
    ("scaron", "š"),
    ("Scaron", "Š"),
    ("szlig", "ß"),
    ("uacute", "ú"),
    ("Uacute", "Ú"),
    ("ugrave", "ù"),
    ("Ugrave", "Ù"),
    ("ucirc", "û"),
    ("Ucirc", "Û"),
    ("uuml", "ü"),
    ("Uuml", "Ü"),
    ("yacute", "ý"),
    ("Yacute", "Ý"),
    ("yuml", "ÿ"),
    ("Yuml", "Ÿ"),
    ("eth", "ð"),
    ("thorn", "þ"),
    ("alpha", "α"),
    ("beta", "β"),
    ("gamma", "γ"),
    ("delta", "δ"),
    ("lambda", "λ"),
    ("mu", "μ"),
    ("pi", "π"),
    ("sigma", "σ"),
    ("Omega", "Ω"),
];

/// Entities that browsers also accept without the closing ';' (legacy), limited to the
/// ones that appear in sloppy feeds.
const LEGACY_NO_SEMI: &[&str] = &["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"];

/// Windows-1252 meanings of bytes 0x80–0x9F: `&#146;` means ’ in every browser.
pub(crate) const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Up to 8 bytes packed into an integer (longer names never equal the short constants).
const fn pack(b: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < b.len() && i < 8 {
        k = k << 8 | b[i] as u64;
        i += 1;
    }
    k | (b.len() as u64) << 60
}
const LT: u64 = pack(b"lt");
const GT: u64 = pack(b"gt");
const AMP: u64 = pack(b"amp");
const QUOT: u64 = pack(b"quot");
const NBSP: u64 = pack(b"nbsp");

/// What a character reference starting at `s[0] == '&'` decodes to, and its length in bytes.
pub(crate) enum Decoded {
    Char(char),
    Str(&'static str),
}

pub(crate) fn decode_at(s: &str) -> Option<(Decoded, usize)> {
    let b = s.as_bytes();
    if b.len() < 3 || b[0] != b'&' {
        return None;
    }
    if b[1] == b'#' {
        let (hex, start) = if b.len() > 2 && (b[2] == b'x' || b[2] == b'X') {
            (true, 3)
        } else {
            (false, 2)
        };
        let mut i = start;
        let mut v: u32 = 0;
        while i < b.len() && i - start < 8 {
            let d = match (hex, b[i]) {
                (_, c @ b'0'..=b'9') => (c - b'0') as u32,
                (true, c @ b'a'..=b'f') => (c - b'a' + 10) as u32,
                (true, c @ b'A'..=b'F') => (c - b'A' + 10) as u32,
                _ => break,
            };
            v = v
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(d);
            i += 1;
        }
        if i == start {
            return None;
        }
        if i < b.len() && b[i] == b';' {
            i += 1;
        }
        let c = match v {
            0x80..=0x9f => CP1252_HIGH[(v - 0x80) as usize],
            0 => '\u{fffd}',
            _ => char::from_u32(v).unwrap_or('\u{fffd}'),
        };
        return Some((Decoded::Char(c), i));
    }
    // Named: letters and digits up to 10 chars, then ';'.
    let mut i = 1;
    while i < b.len() && i <= 10 && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i == 1 {
        return None;
    }
    let name = &s[1..i];
    let with_semi = i < b.len() && b[i] == b';';
    if !with_semi && !LEGACY_NO_SEMI.contains(&name) {
        return None;
    }
    // The few that make up nearly all references in real payloads, compared as integers.
    let packed = pack(name.as_bytes());
    let value = match packed {
        LT => "<",
        GT => ">",
        AMP => "&",
        QUOT => "\"",
        NBSP => "\u{a0}",
        _ => {
            let table = named();
            table
                .binary_search_by_key(&packed, |e| e.0)
                .ok()
                .map(|k| table[k].1)?
        }
    };
    Some((Decoded::Str(value), if with_semi { i + 1 } else { i }))
}

/// Decode character references once. Borrowed when there is nothing to decode.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    let Some(first) = memchr::memchr(b'&', s.as_bytes()) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    let mut rest = &s[first..];
    let mut changed = false;
    while !rest.is_empty() {
        match memchr::memchr(b'&', rest.as_bytes()) {
            None => {
                out.push_str(rest);
                break;
            }
            Some(p) => {
                out.push_str(&rest[..p]);
                rest = &rest[p..];
                match decode_at(rest) {
                    Some((d, len)) => {
                        match d {
                            Decoded::Char(c) => out.push(c),
                            Decoded::Str(v) => out.push_str(v),
                        }
                        rest = &rest[len..];
                        changed = true;
                    }
                    None => {
                        out.push('&');
                        rest = &rest[1..];
                    }
                }
            }
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}

/// Escape text for HTML element content and attribute values (`&`, `<`, `>`, `"`, `'`): the
/// one escaper the HTML writers (server pages, JD builder, interview kits) share.
pub fn escape_html(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}
