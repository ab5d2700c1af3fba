//! Tokens → hits: each token is covered by exactly one hit, either a lexicon phrase
//! (longest match, never across a segment break) or a single unknown token.

use super::lex::{lex, Lexed, Sep};
use super::lexicon::{Cue, Lvl, Noun, LEXICON};

#[derive(Debug, Clone, Copy)]
pub struct Hit {
    /// First token of the hit.
    pub start: usize,
    pub seg: u16,
    pub cue: Cue,
    /// In the same segment after "of", "for" or "to": the part names a department or a
    /// subject ("Office of the Chief …", "Member of Technical Staff"), not this job's level.
    pub dependent: bool,
    /// Not in the lexicon, and not a number, id or single letter.
    pub unknown: bool,
}

pub struct Scan {
    pub lx: Lexed,
    pub hits: Vec<Hit>,
}

impl Scan {
    pub fn word(&self, h: &Hit) -> &str {
        self.lx.s(h.start)
    }
    /// Original token was all caps ("I", "TL").
    pub fn upper(&self, h: &Hit) -> bool {
        self.lx.toks[h.start].upper
    }
    pub fn sep(&self, h: &Hit) -> Sep {
        self.lx.toks[h.start].sep
    }
    pub fn noun(&self, i: usize) -> Option<Noun> {
        self.hits[i].cue.noun
    }
}

fn is_filler(w: &str) -> bool {
    w.len() <= 1 || w.bytes().any(|b| b.is_ascii_digit())
}

pub fn scan(title: &str) -> Scan {
    let lx = lex(title);
    let mut hits = Vec::with_capacity(lx.len());
    let mut i = 0;
    let mut dependent_seg: Option<u16> = None;
    while i < lx.len() {
        let seg = lx.toks[i].seg;
        if dependent_seg.is_some_and(|s| s != seg) {
            dependent_seg = None;
        }
        let w = lx.s(i);
        let mut matched: Option<(usize, Cue)> = None;
        // Plurals of single words ("Operators", "Testers") read as the singular.
        let cands = LEXICON.get(w).or_else(|| {
            w.strip_suffix('s')
                .filter(|s| s.len() >= 3)
                .and_then(|s| LEXICON.get(s))
                .filter(|c| c.iter().any(|(p, _)| p.len() == 1))
        });
        if let Some(cands) = cands {
            'outer: for (words, cue) in cands {
                let n = words.len();
                if i + n > lx.len() {
                    continue;
                }
                for (k, want) in words.iter().enumerate().skip(1) {
                    let t = &lx.toks[i + k];
                    if t.sep == Sep::Break || lx.s(i + k) != *want {
                        continue 'outer;
                    }
                }
                matched = Some((n, *cue));
                break;
            }
        }
        let dependent = dependent_seg == Some(seg);
        match matched {
            Some((n, cue)) => {
                hits.push(Hit {
                    start: i,
                    seg,
                    cue,
                    dependent,
                    unknown: false,
                });
                // "head of" and "member of technical staff" contain their own "of".
                let ends_with_of = matches!(lx.s(i + n - 1), "of" | "for" | "to");
                if n == 1 && ends_with_of && i > 0 {
                    dependent_seg = Some(seg);
                }
                i += n;
            }
            None => {
                let unknown = !is_filler(w);
                hits.push(Hit {
                    start: i,
                    seg,
                    cue: Cue::default(),
                    dependent,
                    unknown,
                });
                i += 1;
            }
        }
    }
    let mut sc = Scan { lx, hits };
    settle_ambiguous(&mut sc);
    sc
}

/// Decides words whose role depends on where they stand: "head", "chief", "associate".
fn settle_ambiguous(sc: &mut Scan) {
    for i in 0..sc.hits.len() {
        let h = sc.hits[i];
        let next_same_seg = sc.hits.get(i + 1).filter(|n| n.seg == h.seg);
        let first_in_seg = i == 0 || sc.hits[i - 1].seg != h.seg;
        match h.cue.lvl {
            // "Head Chef", "Unit Head", "Head of …" (the phrase) — not a trailing "head".
            Some(Lvl::Head) if h.cue.noun.is_none() => {
                let unit_head = !first_in_seg
                    && matches!(
                        sc.lx.s(sc.hits[i - 1].start),
                        "unit"
                            | "department"
                            | "section"
                            | "division"
                            | "group"
                            | "practice"
                            | "area"
                            | "region"
                            | "country"
                            | "business"
                            | "team"
                            | "office"
                    );
                if (first_in_seg && next_same_seg.is_some()) || unit_head {
                    sc.hits[i].cue.noun = Some(Noun::Head);
                } else {
                    sc.hits[i].cue.lvl = None;
                }
            }
            // C-level when "officer"/"executive" follows, "Chief of …", or it opens the title.
            Some(Lvl::Chief) => {
                let officer = sc.hits[i + 1..]
                    .iter()
                    .take_while(|n| n.seg == h.seg)
                    .take(5)
                    .any(|n| matches!(sc.lx.s(n.start), "officer" | "executive" | "of"));
                if officer || h.seg == 0 {
                    sc.hits[i].cue.noun = Some(Noun::Head);
                    sc.hits[i].cue.lvl = Some(Lvl::Head);
                } else {
                    sc.hits[i].cue.lvl = None;
                }
            }
            // "Student Developer", "Working Student" — not "Student Services Coordinator".
            Some(Lvl::Intern) if sc.lx.s(h.start) == "student" => {
                let before_noun = next_same_seg
                    .is_some_and(|n| n.cue.noun.is_some() || n.cue.lvl == Some(Lvl::Intern));
                if !(before_noun || next_same_seg.is_none()) {
                    sc.hits[i].cue.lvl = None;
                }
            }
            // "Associate Engineer" is a level; "Sales Associate" is a role.
            Some(Lvl::Associate) => {
                let after_word = !first_in_seg && {
                    let p = &sc.hits[i - 1];
                    p.cue.lvl.is_none()
                        && (p.unknown || p.cue.dom.is_some() || p.cue.noun.is_some())
                };
                if after_word {
                    sc.hits[i].cue.lvl = None;
                    sc.hits[i].cue.noun = Some(Noun::Generic);
                }
            }
            _ => {}
        }
        // Chief nouns in "chief … officer": the officer is part of the same title.
        if h.cue.noun == Some(Noun::Generic)
            && sc.lx.s(h.start) == "officer"
            && sc.hits[..i]
                .iter()
                .rev()
                .take_while(|p| p.seg == h.seg)
                .any(|p| p.cue.lvl == Some(Lvl::Head))
        {
            sc.hits[i].cue.noun = None;
        }
    }
}
