//! Word lists for `gendered-language`, `exclusionary-language` and `jargon`, each entry with
//! a neutral suggestion. Sources: Gaucher, Friesen & Kay (2011) masculine-coded words, the
//! usual gender-neutral job-title replacements, and common age/ability/culture exclusions.
//! Entries are matched case-insensitively on whole words.
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::Severity;

pub struct Entry {
    pub phrase: &'static str,
    pub rule: &'static str,
    pub severity: Severity,
    pub why: &'static str,
    pub suggestion: &'static str,
}

const G: &str = "gendered-language";
const X: &str = "exclusionary-language";
const J: &str = "jargon";
use Severity::{Info, Warning};

macro_rules! e {
    ($p:expr, $r:expr, $s:expr, $w:expr, $sug:expr) => {
        Entry {
            phrase: $p,
            rule: $r,
            severity: $s,
            why: $w,
            suggestion: $sug,
        }
    };
}

const SLANG: &str = "masculine-coded slang; it puts off many qualified applicants";
const TITLE: &str = "gendered job word";
const CODED: &str = "masculine-coded word (Gaucher et al. 2011)";

pub const ENTRIES: &[Entry] = &[
    // gendered: slang
    e!("rockstar", G, Warning, SLANG, "skilled / expert"),
    e!("rockstars", G, Warning, SLANG, "skilled engineers"),
    e!("rock star", G, Warning, SLANG, "skilled / expert"),
    e!("rock stars", G, Warning, SLANG, "skilled people"),
    e!("ninja", G, Warning, SLANG, "expert"),
    e!("ninjas", G, Warning, SLANG, "experts"),
    e!("guru", G, Warning, SLANG, "expert"),
    e!("gurus", G, Warning, SLANG, "experts"),
    e!("jedi", G, Warning, SLANG, "expert"),
    e!("superhero", G, Warning, SLANG, "expert"),
    e!("superheroes", G, Warning, SLANG, "experts"),
    e!("brogrammer", G, Warning, SLANG, "programmer"),
    e!("crush it", G, Warning, SLANG, "do excellent work"),
    e!("crushing it", G, Warning, SLANG, "doing excellent work"),
    e!("kick ass", G, Warning, SLANG, "excellent"),
    e!("kick-ass", G, Warning, SLANG, "excellent"),
    e!("badass", G, Warning, SLANG, "excellent"),
    e!("killer instinct", G, Warning, SLANG, "drive"),
    e!("man up", G, Warning, SLANG, "step up"),
    // gendered: words and titles
    e!(
        "guys",
        G,
        Warning,
        "gendered way to address a group",
        "everyone / folks / team"
    ),
    e!("manpower", G, Warning, TITLE, "workforce / staff"),
    e!("man-hours", G, Warning, TITLE, "person-hours"),
    e!("man hours", G, Warning, TITLE, "person-hours"),
    e!("manhours", G, Warning, TITLE, "person-hours"),
    e!("man-days", G, Warning, TITLE, "person-days"),
    e!("mankind", G, Warning, TITLE, "humankind"),
    e!("chairman", G, Warning, TITLE, "chair / chairperson"),
    e!("chairmen", G, Warning, TITLE, "chairs"),
    e!("salesman", G, Warning, TITLE, "salesperson"),
    e!("salesmen", G, Warning, TITLE, "salespeople"),
    e!("foreman", G, Warning, TITLE, "supervisor / crew lead"),
    e!("foremen", G, Warning, TITLE, "supervisors"),
    e!(
        "craftsman",
        G,
        Warning,
        TITLE,
        "craftsperson / skilled tradesperson"
    ),
    e!("craftsmen", G, Warning, TITLE, "skilled tradespeople"),
    e!("workmanship", G, Warning, TITLE, "quality of work"),
    e!("middleman", G, Warning, TITLE, "intermediary"),
    e!("spokesman", G, Warning, TITLE, "spokesperson"),
    e!("businessman", G, Warning, TITLE, "businessperson"),
    e!("businessmen", G, Warning, TITLE, "businesspeople"),
    e!("repairman", G, Warning, TITLE, "repair technician"),
    e!("handyman", G, Warning, TITLE, "maintenance technician"),
    e!("cameraman", G, Warning, TITLE, "camera operator"),
    e!("fireman", G, Warning, TITLE, "firefighter"),
    e!("policeman", G, Warning, TITLE, "police officer"),
    e!("draftsman", G, Warning, TITLE, "drafter"),
    e!("journeyman", G, Warning, TITLE, "journey-level worker"),
    e!("lineman", G, Warning, TITLE, "line worker"),
    e!("linemen", G, Warning, TITLE, "line workers"),
    e!("deliveryman", G, Warning, TITLE, "delivery driver"),
    e!("workman", G, Warning, TITLE, "worker"),
    e!("workmen", G, Warning, TITLE, "workers"),
    e!("postman", G, Warning, TITLE, "mail carrier"),
    e!("waitress", G, Warning, TITLE, "server"),
    e!("waitresses", G, Warning, TITLE, "servers"),
    e!("hostess", G, Warning, TITLE, "host"),
    e!("stewardess", G, Warning, TITLE, "flight attendant"),
    e!("headmaster", G, Warning, TITLE, "head teacher"),
    e!("cleaning lady", G, Warning, TITLE, "cleaner"),
    e!("girl friday", G, Warning, TITLE, "office assistant"),
    e!("gal friday", G, Warning, TITLE, "office assistant"),
    // gendered: pronoun pairs exclude non-binary applicants (the candidate pronoun "he" is a regex)
    e!("he or she", G, Info, "binary pronoun pair", "they"),
    e!("he/she", G, Info, "binary pronoun pair", "they"),
    e!("s/he", G, Info, "binary pronoun pair", "they"),
    e!("(s)he", G, Info, "binary pronoun pair", "they"),
    e!("she/he", G, Info, "binary pronoun pair", "they"),
    e!("his or her", G, Info, "binary pronoun pair", "their"),
    e!("his/her", G, Info, "binary pronoun pair", "their"),
    e!("her/his", G, Info, "binary pronoun pair", "their"),
    e!("him or her", G, Info, "binary pronoun pair", "them"),
    e!("him/her", G, Info, "binary pronoun pair", "them"),
    e!(
        "himself or herself",
        G,
        Info,
        "binary pronoun pair",
        "themselves"
    ),
    // gendered: masculine-coded wording
    e!("aggressive", G, Warning, CODED, "ambitious / bold"),
    e!("aggressively", G, Warning, CODED, "boldly / decisively"),
    e!("dominant", G, Warning, CODED, "leading"),
    e!("dominate", G, Warning, CODED, "lead"),
    e!("dominating", G, Warning, CODED, "leading"),
    e!("fearless", G, Warning, CODED, "bold"),
    e!("ruthless", G, Warning, CODED, "determined"),
    e!("ruthlessly", G, Warning, CODED, "decisively"),
    // exclusionary: age
    e!(
        "digital native",
        X,
        Warning,
        "age-coded: excludes older applicants",
        "comfortable with digital tools"
    ),
    e!(
        "digital natives",
        X,
        Warning,
        "age-coded: excludes older applicants",
        "people comfortable with digital tools"
    ),
    e!("young and energetic", X, Warning, "age-coded", "energetic"),
    e!("young, energetic", X, Warning, "age-coded", "energetic"),
    e!("young & energetic", X, Warning, "age-coded", "energetic"),
    e!("young and dynamic", X, Warning, "age-coded", "dynamic"),
    e!("young, dynamic", X, Warning, "age-coded", "dynamic"),
    e!("young and vibrant", X, Warning, "age-coded", "vibrant"),
    e!("young team", X, Warning, "age-coded", "energetic team"),
    e!("young blood", X, Warning, "age-coded", "new perspectives"),
    e!(
        "young professionals",
        X,
        Warning,
        "age-coded",
        "early-career professionals"
    ),
    e!(
        "young professional",
        X,
        Warning,
        "age-coded",
        "early-career professional"
    ),
    e!(
        "recent graduates only",
        X,
        Warning,
        "age proxy",
        "early-career applicants welcome"
    ),
    e!(
        "recent graduate only",
        X,
        Warning,
        "age proxy",
        "early-career applicants welcome"
    ),
    e!(
        "recent grads only",
        X,
        Warning,
        "age proxy",
        "early-career applicants welcome"
    ),
    e!(
        "recent college graduates only",
        X,
        Warning,
        "age proxy",
        "early-career applicants welcome"
    ),
    // exclusionary: language and origin
    e!(
        "native english speaker",
        X,
        Warning,
        "excludes fluent non-native speakers (origin)",
        "fluent in English"
    ),
    e!(
        "native english speakers",
        X,
        Warning,
        "excludes fluent non-native speakers (origin)",
        "fluent in English"
    ),
    e!(
        "native speaker",
        X,
        Warning,
        "excludes fluent non-native speakers (origin)",
        "fluent in …"
    ),
    e!(
        "native english",
        X,
        Warning,
        "excludes fluent non-native speakers (origin)",
        "fluent English"
    ),
    e!(
        "native-level english",
        X,
        Warning,
        "excludes fluent non-native speakers (origin)",
        "fluent English (C2)"
    ),
    e!(
        "native level english",
        X,
        Warning,
        "excludes fluent non-native speakers (origin)",
        "fluent English (C2)"
    ),
    e!(
        "english as a first language",
        X,
        Warning,
        "excludes fluent non-native speakers (origin)",
        "fluent in English"
    ),
    e!(
        "english as your first language",
        X,
        Warning,
        "excludes fluent non-native speakers (origin)",
        "fluent in English"
    ),
    e!(
        "mother tongue",
        X,
        Warning,
        "excludes fluent non-native speakers (origin)",
        "fluent in …"
    ),
    // exclusionary: ability
    e!(
        "able-bodied",
        X,
        Warning,
        "excludes people with disabilities",
        "able to perform the essential functions, with or without accommodation"
    ),
    e!(
        "able bodied",
        X,
        Warning,
        "excludes people with disabilities",
        "able to perform the essential functions, with or without accommodation"
    ),
    e!("sanity check", X, Info, "ableist idiom", "quick check"),
    e!("sanity checks", X, Info, "ableist idiom", "quick checks"),
    // exclusionary: other
    e!(
        "culture fit",
        X,
        Info,
        "often used to exclude people unlike the current team",
        "values alignment / culture add"
    ),
    e!(
        "ivy league",
        X,
        Info,
        "elite-school filter excludes equally able applicants",
        "relevant degree or equivalent experience"
    ),
    e!(
        "top-tier university",
        X,
        Info,
        "elite-school filter excludes equally able applicants",
        "relevant degree or equivalent experience"
    ),
    e!(
        "top tier university",
        X,
        Info,
        "elite-school filter excludes equally able applicants",
        "relevant degree or equivalent experience"
    ),
    e!(
        "blacklist",
        X,
        Info,
        "racially loaded term",
        "blocklist / denylist"
    ),
    e!("whitelist", X, Info, "racially loaded term", "allowlist"),
    e!(
        "grandfathered",
        X,
        Info,
        "term with a discriminatory history",
        "legacy / exempted"
    ),
    // jargon
    e!(
        "synergy",
        J,
        Info,
        "jargon",
        "say what working together achieves"
    ),
    e!(
        "synergies",
        J,
        Info,
        "jargon",
        "say what working together achieves"
    ),
    e!(
        "work hard, play hard",
        J,
        Info,
        "signals long hours",
        "describe working hours and culture plainly"
    ),
    e!(
        "work hard play hard",
        J,
        Info,
        "signals long hours",
        "describe working hours and culture plainly"
    ),
    e!(
        "work hard and play hard",
        J,
        Info,
        "signals long hours",
        "describe working hours and culture plainly"
    ),
    e!(
        "hit the ground running",
        J,
        Info,
        "jargon",
        "be productive early, with onboarding support"
    ),
    e!(
        "think outside the box",
        J,
        Info,
        "jargon",
        "find new approaches"
    ),
    e!(
        "move the needle",
        J,
        Info,
        "jargon",
        "make a measurable difference"
    ),
    e!(
        "wear many hats",
        J,
        Info,
        "jargon (often hides an unclear scope)",
        "list the responsibilities"
    ),
    e!(
        "wearing many hats",
        J,
        Info,
        "jargon (often hides an unclear scope)",
        "list the responsibilities"
    ),
    e!(
        "drink from a fire hose",
        J,
        Info,
        "jargon",
        "learn a lot quickly, with support"
    ),
    e!(
        "drink from the firehose",
        J,
        Info,
        "jargon",
        "learn a lot quickly, with support"
    ),
    e!("low-hanging fruit", J, Info, "jargon", "quick wins"),
    e!("paradigm shift", J, Info, "jargon", "major change"),
    e!(
        "10x engineer",
        J,
        Info,
        "jargon",
        "highly effective engineer"
    ),
    e!(
        "10x developer",
        J,
        Info,
        "jargon",
        "highly effective developer"
    ),
    e!(
        "we're a family",
        J,
        Info,
        "often used to justify unpaid overtime",
        "describe the team culture plainly"
    ),
    e!(
        "we are a family",
        J,
        Info,
        "often used to justify unpaid overtime",
        "describe the team culture plainly"
    ),
    e!(
        "like a family",
        J,
        Info,
        "often used to justify unpaid overtime",
        "describe the team culture plainly"
    ),
];

pub static MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(ENTRIES.iter().map(|e| e.phrase))
        .expect("word list builds")
});
