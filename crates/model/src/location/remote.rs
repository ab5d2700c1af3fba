//! Work-arrangement words in location text. Only explicit words count: a bare city says
//! nothing about remote work.
use crate::posting::RemotePolicy;

/// Phrases over folded text (lowercase, accents and dots removed, single spaces).
const REMOTE: &[&str] = &[
    "remote",
    "remotely",
    "fully remote",
    "100 remote",
    "remote first",
    "wfh",
    "work from home",
    "working from home",
    "work from anywhere",
    "home based",
    "homebased",
    "home office",
    "homeoffice",
    "telecommute",
    "telecommuting",
    "telework",
    "teleworking",
    "distributed",
    "anywhere",
    "worldwide",
    "world wide",
    "a distance",
    "teletravail",
    "fernarbeit",
    "remoto",
    "remota",
    "trabajo remoto",
    "en remoto",
    "mobiles arbeiten",
    "virtual",
    "work from anywhere",
];
const HYBRID: &[&str] = &[
    "hybrid",
    "hybride",
    "hibrido",
    "hybrid remote",
    "remote hybrid",
    "partially remote",
    "partly remote",
    "part remote",
    "flexible remote",
    "semi remote",
    "ibrido",
];
const ONSITE: &[&str] = &[
    "onsite",
    "on site",
    "on premise",
    "on premises",
    "in office",
    "in the office",
    "office based",
    "office only",
    "in person",
    "on location",
    "presencial",
    "sur site",
    "vor ort",
    "no remote",
    "not remote",
    "non remote",
    "remote not available",
    "remote not possible",
    "office first",
    "fully in office",
    "100 in office",
    "5 days in office",
    "work from office",
    "wfo",
];

/// Whether the folded text contains `phrase` as whole words.
pub(crate) fn has_phrase(folded: &str, phrase: &str) -> bool {
    let b = folded.as_bytes();
    let mut from = 0;
    while let Some(p) = folded[from..].find(phrase) {
        let s = from + p;
        let e = s + phrase.len();
        let left = s == 0 || b[s - 1] == b' ';
        let right = e == b.len() || b[e] == b' ';
        if left && right {
            return true;
        }
        from = s + 1;
        while !folded.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

/// Remote policy from folded text. When several are named ("Toronto / Remote",
/// "Remote or Hybrid"), the most permissive option wins, except that "hybrid remote"
/// (and "remote (hybrid)") describe one hybrid arrangement.
pub fn remote_policy(folded: &str) -> Option<RemotePolicy> {
    let any = |list: &[&str]| list.iter().any(|p| has_phrase(folded, p));
    let negated = [
        "no remote",
        "not remote",
        "non remote",
        "remote not available",
        "remote not possible",
    ]
    .iter()
    .any(|p| has_phrase(folded, p));
    let hybrid = any(HYBRID);
    let remote = !negated && any(REMOTE);
    let onsite = any(ONSITE);
    let hybrid_remote = [
        "hybrid remote",
        "remote hybrid",
        "partially remote",
        "partly remote",
        "part remote",
        "semi remote",
    ]
    .iter()
    .any(|p| has_phrase(folded, p));
    if hybrid_remote {
        return Some(RemotePolicy::Hybrid);
    }
    if remote {
        Some(RemotePolicy::Remote)
    } else if hybrid {
        Some(RemotePolicy::Hybrid)
    } else if onsite {
        Some(RemotePolicy::Onsite)
    } else {
        None
    }
}
