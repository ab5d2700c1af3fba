//! Contact details: name, email, phone, links, location.

use std::sync::OnceLock;

use hirekit_model::location::normalize_location;
use hirekit_model::profile::{Contact, SectionKind};
use hirekit_model::title::normalize_title;
use hirekit_model::RoleFamily;
use regex::Regex;

use super::{sections, Line};

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).expect("contact pattern"))
}

fn email_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)\b[a-z0-9][a-z0-9._%+\-]{0,63}@[a-z0-9](?:[a-z0-9\-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]{0,62}[a-z0-9])?)*\.[a-z]{2,24}\b",
    )
}

fn phone_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"(?:\+|\b00)?\(?\d[\d\s().\-/]{6,22}\d\b")
}

fn url_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)\b(?:https?://[^\s<>()\[\]{}|]+|www\.[^\s<>()\[\]{}|]+|(?:linkedin\.com|github\.com|indeed\.com|gitlab\.com|bitbucket\.org|stackoverflow\.com|twitter\.com|x\.com|behance\.net|dribbble\.com|medium\.com|kaggle\.com)/[^\s<>()\[\]{}|]+|[a-z0-9\-]+\.(?:github\.io|dev|me|io)\b(?:/[^\s<>()\[\]{}|]*)?)",
    )
}

/// Profile hosts worth keeping wherever they appear; other URLs only count in the header.
const PROFILE_HOSTS: &[&str] = &[
    "linkedin.com",
    "github.com",
    "gitlab.com",
    "bitbucket.org",
    "stackoverflow.com",
    "twitter.com",
    "x.com",
    "behance.net",
    "dribbble.com",
    "medium.com",
    "kaggle.com",
    "github.io",
    "indeed.com",
];

/// Words that mark a line as a role, a document title or an address rather than a name.
const NOT_NAME: &[&str] = &[
    "resume",
    "curriculum",
    "vitae",
    "cv",
    "lebenslauf",
    "profile",
    "engineer",
    "developer",
    "manager",
    "accountant",
    "consultant",
    "analyst",
    "designer",
    "specialist",
    "director",
    "officer",
    "assistant",
    "architect",
    "administrator",
    "coordinator",
    "technician",
    "teacher",
    "nurse",
    "scientist",
    "executive",
    "representative",
    "supervisor",
    "intern",
    "student",
    "street",
    "road",
    "avenue",
    "city",
    "state",
    "page",
    "email",
    "phone",
    "address",
    "summary",
    "objective",
    "university",
    "college",
    "company",
    "name",
    "professional",
    "experience",
    "skills",
    "advocate",
    "chef",
    "agent",
    "lead",
    "contact",
    "contacts",
    "description",
    "work",
    "details",
    "information",
    "overview",
];

pub fn extract(text: &str, lines: &[Line], header_end: usize) -> Contact {
    let mut c = Contact::default();
    let head = &text[..header_end.min(text.len())];
    c.email = email_re()
        .find(head)
        .or_else(|| email_re().find(text))
        .map(|m| m.as_str().trim_end_matches('.').to_string());
    c.phone = find_phone(head).or_else(|| find_labelled_phone(text));
    c.links = links(text, header_end);
    // The name and location are looked for in the first lines of the header.
    let top: Vec<&Line> = lines
        .iter()
        .filter(|l| l.start < header_end.max(1) && !l.text.trim().is_empty())
        .take(12)
        .collect();
    c.name = top.iter().find_map(|l| name_in(&l.text));
    let zone = contact_zone(lines, header_end.max(1));
    c.links.extend(
        zone.iter()
            .flat_map(|l| labelled_handles(&l.text))
            .filter(|h| !c.links.iter().any(|u| u.eq_ignore_ascii_case(h)))
            .collect::<Vec<_>>(),
    );
    // A labelled residence ("Residence: Holon") beats a place guessed from an unlabelled line.
    c.location = zone
        .iter()
        .find_map(|l| labelled_location(&l.text))
        .or_else(|| {
            top.iter()
                .find_map(|l| location_in(&l.text, c.name.as_deref()))
        });
    c
}

/// Lines where contact fields are written: the opening block, including "Label: value" lines
/// the section finder reads as headings ("Languages: English, Hebrew"), and any contact or
/// personal-details section further down.
fn contact_zone(lines: &[Line], header_end: usize) -> Vec<&Line> {
    let mut out = Vec::new();
    let (mut top, mut in_contact, mut seen_heading) = (true, false, false);
    for (i, l) in lines.iter().enumerate() {
        if let Some(h) = sections::heading(lines, i) {
            seen_heading = true;
            let inline = h.content_start < l.end;
            in_contact = h.kind == SectionKind::Contact;
            if !(in_contact || inline) {
                top = false;
            }
        }
        // Without headings the opening block is the header's first bytes.
        if !seen_heading && l.start >= header_end {
            top = false;
        }
        if (top || in_contact) && !l.text.trim().is_empty() {
            out.push(l);
            if out.len() >= 40 {
                break;
            }
        }
    }
    out
}

/// "GitHub: @jdoe", "LinkedIn: /in/jane-doe", "Github: jdoe": a profile given by its handle.
fn labelled_handles(line: &str) -> Vec<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"(?:^|[^\p{L}])((?i:github|gitlab|linkedin|twitter))\s*:\s*@?(/in/)?([a-z0-9][a-z0-9_.\-]{1,38})/?(?:\s*$|\s*\||\s{2,}|\t)",
    );
    r.captures_iter(line)
        .filter_map(|c| {
            let handle = c.get(3)?.as_str().trim_end_matches('.');
            let url = match c.get(1)?.as_str().to_ascii_lowercase().as_str() {
                "github" => format!("https://github.com/{handle}"),
                "gitlab" => format!("https://gitlab.com/{handle}"),
                "linkedin" => format!("https://www.linkedin.com/in/{handle}"),
                _ => format!("https://twitter.com/{handle}"),
            };
            Some(url)
        })
        .collect()
}

fn digits(s: &str) -> usize {
    s.bytes().filter(u8::is_ascii_digit).count()
}

/// A phone number: 8–15 digits, not a date range or a year list.
fn phone_ok(s: &str) -> bool {
    let n = digits(s);
    if !(8..=15).contains(&n) {
        return false;
    }
    static YEARS: OnceLock<Regex> = OnceLock::new();
    let years = re(
        &YEARS,
        r"^\(?(?:19|20)\d{2}\s*[\-–/]\s*(?:19|20)?\d{2}\)?$|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$",
    );
    if years.is_match(s.trim()) || only_dates(s) {
        return false;
    }
    // A plain run of digits without any separator or "+" is more likely an id.
    let plain = s.chars().all(|c| c.is_ascii_digit());
    !(plain && n != 10)
}

/// "2015 2017", "04/2022 07/2022": every group of digits is a year or a month, so the
/// candidate is a date range whose dash was lost, not a phone number.
fn only_dates(s: &str) -> bool {
    let groups: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let year = |g: &&str| g.len() == 4 && (g.starts_with("19") || g.starts_with("20"));
    let month = |g: &&str| g.len() <= 2 && g.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m));
    groups.len() >= 2 && groups.iter().any(year) && groups.iter().all(|g| year(g) || month(g))
}

/// Pieces of text a phone number cannot span: line breaks, tabs and runs of spaces separate
/// columns ("Columbus, Ohio 44444  614-555-5555"), while a number uses single separators.
fn phone_segments(s: &str) -> impl Iterator<Item = &str> {
    s.split(['\n', '\r', '\t'])
        .flat_map(|l| l.split("  "))
        .filter(|p| p.bytes().any(|b| b.is_ascii_digit()))
}

fn find_phone(s: &str) -> Option<String> {
    phone_segments(s).find_map(|seg| {
        phone_re()
            .find_iter(seg)
            .find(|m| phone_ok(m.as_str().trim()))
            .map(|m| {
                let p = m.as_str().trim().trim_end_matches(['.', '-', '/']);
                // "(+82) 10-…": the opening parenthesis sits just before the match.
                if p.starts_with('+') && p.contains(')') && seg[..m.start()].ends_with('(') {
                    format!("({p}")
                } else {
                    p.to_string()
                }
            })
    })
}

fn find_labelled_phone(text: &str) -> Option<String> {
    static LABEL: OnceLock<Regex> = OnceLock::new();
    let label = re(
        &LABEL,
        r"(?i)\b(?:phone|mobile|mob|cell|tel|telephone|telefon|handy|téléphone|portable|teléfono|móvil|contact(?: no)?)\b\.?\s*(?:no\.?|number|#)?\s*[:.\-]?\s*",
    );
    for m in label.find_iter(text) {
        let rest = &text[m.end()..];
        let window = &rest[..rest.char_indices().nth(30).map_or(rest.len(), |(i, _)| i)];
        // The number must follow the label: "Tel Aviv, 2016 – 2020" has words in between.
        let gap = window.find(|c: char| c.is_ascii_digit() || c == '+' || c == '(');
        if gap.is_some_and(|i| window[..i].chars().any(char::is_alphabetic)) {
            continue;
        }
        if let Some(p) = find_phone(window) {
            return Some(p);
        }
    }
    None
}

fn links(text: &str, header_end: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in url_re().find_iter(text) {
        let raw = m
            .as_str()
            .trim_end_matches(['.', ',', ';', ':', ')', '\'', '"', '’']);
        if raw.contains('@') {
            continue;
        }
        let lower = raw.to_ascii_lowercase();
        let url = if lower.starts_with("http://") || lower.starts_with("https://") {
            raw.to_string()
        } else {
            format!("https://{raw}")
        };
        // By host, not substring: "dropbox.com" is not "x.com".
        let profile = split_url(&url)
            .is_some_and(|(host, _)| PROFILE_HOSTS.iter().any(|h| on_host(&host, h)));
        if !profile && m.start() >= header_end {
            continue;
        }
        // The same profile linked twice (with and without tracking parameters).
        let key = link_key(&url);
        if !out.iter().any(|u| link_key(u) == key) {
            out.push(url);
        }
        if out.len() >= MAX_LINKS {
            break;
        }
    }
    out
}

/// Most links kept in a contact.
const MAX_LINKS: usize = 10;

/// The form links are compared in: lowercase, without scheme, "www.", query, fragment or
/// trailing "/".
fn link_key(url: &str) -> String {
    let k = url
        .split(['?', '#'])
        .next()
        .unwrap_or(url)
        .trim_end_matches('/')
        .to_ascii_lowercase();
    k.trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
        .to_string()
}

/// Path words of profile sites that are pages of the site, not someone's handle.
const NOT_HANDLES: &[&str] = &[
    "about", "blog", "company", "competitions", "datasets", "discussions", "explore",
    "features", "feed", "hashtag", "help", "home", "intent", "jobs", "join", "learn", "login",
    "marketplace", "orgs", "pricing", "questions", "search", "settings", "share", "signup",
    "site", "sponsors", "tag", "tags", "topics", "users",
];

/// Lowercased host (userinfo, port and a leading "www." removed) and the non-empty path
/// segments of an http(s) URL.
fn split_url(url: &str) -> Option<(String, Vec<&str>)> {
    let (scheme, rest) = url.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("").to_ascii_lowercase();
    let host = host.trim_end_matches('.');
    let host = host.strip_prefix("www.").unwrap_or(host).to_string();
    let ok = host.contains('.')
        && !host.starts_with(['.', '-'])
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    ok.then(|| (host, path.split('/').filter(|s| !s.is_empty()).collect()))
}

fn on_host(host: &str, site: &str) -> bool {
    host == site
        || host
            .strip_suffix(site)
            .is_some_and(|sub| sub.ends_with('.'))
}

fn handle_ok(h: &str) -> bool {
    (2..=60).contains(&h.len())
        && !NOT_HANDLES.contains(&h.to_ascii_lowercase().as_str())
        && h
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '@' | '%'))
}

/// A hyperlink target that is someone's page on a profile site ([`PROFILE_HOSTS`]), as the
/// profile URL (query and fragment dropped; a LinkedIn deep link cut to the profile), or
/// `None` for other pages of those sites (a repository, a company page, a share button).
fn profile_url(url: &str) -> Option<String> {
    let (host, segs) = split_url(url)?;
    let site = PROFILE_HOSTS.iter().find(|h| on_host(&host, h))?;
    match (*site, segs.as_slice()) {
        // "/in/<handle>" is always a person; deeper pages ("/detail/skills") are theirs too.
        ("linkedin.com", ["in", h, ..]) if handle_ok(h) => {
            Some(format!("https://www.linkedin.com/in/{h}"))
        }
        ("stackoverflow.com", ["users", id, rest @ ..]) if id.bytes().all(|b| b.is_ascii_digit()) => {
            let name = rest.first().map_or(String::new(), |n| format!("/{n}"));
            Some(format!("https://stackoverflow.com/users/{id}{name}"))
        }
        // A personal GitHub Pages site, any page of it.
        ("github.io", _) if host.len() > "github.io".len() => {
            let path = segs.join("/");
            Some(format!("https://{host}/{path}").trim_end_matches('/').to_string())
        }
        ("indeed.com", ["r" | "me", ..]) => Some(format!("https://{host}/{}", segs.join("/"))),
        // One path segment: the user's page ("github.com/jdoe", "medium.com/@jdoe").
        ("linkedin.com" | "stackoverflow.com" | "github.io" | "indeed.com", _) => None,
        (_, [h]) if handle_ok(h) => Some(format!("https://{host}/{h}")),
        _ => None,
    }
}

/// The user name a profile URL shows ("github.com/jdoe" → "jdoe"), lowercase letters and
/// digits only.
fn handle_of(url: &str) -> Option<String> {
    let (host, segs) = split_url(url)?;
    let raw = if let Some(user) = host.strip_suffix(".github.io") {
        user
    } else {
        match segs.as_slice() {
            ["in", h, ..] if on_host(&host, "linkedin.com") => h,
            [h] if PROFILE_HOSTS.iter().any(|p| on_host(&host, p)) => h,
            _ => return None,
        }
    };
    let h: String = raw
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    (h.len() >= 4).then_some(h)
}

/// A hyperlink to a site of the candidate's own: a label of its host holds one of their
/// profile handles ("posquit0.com" next to "github.com/posquit0") or their whole name
/// ("janedoe.dev" for Jane Doe). Any other site (an employer, a school, a tool) is not a
/// contact link.
fn personal_site(url: &str, name: Option<&str>, handles: &[String]) -> Option<String> {
    let (host, _) = split_url(url)?;
    let mut labels: Vec<String> = host
        .split('.')
        .map(|l| l.chars().filter(char::is_ascii_alphanumeric).collect::<String>())
        .collect();
    labels.pop(); // the top-level domain
    let mut keys: Vec<String> = handles.to_vec();
    if let Some(n) = name {
        let words: Vec<String> = n
            .split_whitespace()
            .map(|w| hirekit_model::location::fold(w).replace(' ', ""))
            .filter(|w| !w.is_empty())
            .collect();
        if let (Some(first), Some(last)) = (words.first(), words.last()) {
            if words.len() >= 2 {
                keys.push(format!("{first}{last}"));
                keys.push(format!("{last}{first}"));
            }
        }
    }
    // A short handle ("john") inside a longer label ("johnsoncontrols") is a coincidence.
    let own = labels.iter().any(|l| {
        keys.iter()
            .any(|k| k.len() >= 4 && (l == k || (k.len() >= 6 && l.contains(k.as_str()))))
    });
    own.then(|| {
        url.split(['?', '#'])
            .next()
            .unwrap_or(url)
            .trim_end_matches('/')
            .to_string()
    })
}

/// The address of a `mailto:` target when it is one well-formed e-mail address.
fn mailto_address(target: &str) -> Option<String> {
    let rest = target.get(..7)?.eq_ignore_ascii_case("mailto:").then(|| &target[7..])?;
    let addr = rest.split(['?', ',', ';']).next()?.replace("%40", "@");
    let addr = addr.trim();
    let m = email_re().find(addr)?;
    (m.start() == 0 && m.end() == addr.len()).then(|| addr.to_string())
}

fn add_link(links: &mut Vec<String>, url: String) {
    let key = link_key(&url);
    if links.len() < MAX_LINKS && !links.iter().any(|l| link_key(l) == key) {
        links.push(url);
    }
}

/// Adds what a document's hyperlinks say (targets often hidden behind an icon, a handle or a
/// word like "LinkedIn") to a contact read from its text. Nothing in the text vouches for a
/// hidden target, so the rule is stricter than for written URLs:
/// - someone's page on a profile site (LinkedIn `/in/…`, GitHub/GitLab/… user pages, Stack
///   Overflow users, GitHub Pages) is added unless the text already gave it;
/// - other sites (employers, schools, tools, repositories) are left out, except one site whose
///   host carries the candidate's handle or full name (their own site);
/// - a `mailto:` target fills the e-mail only when the text had none;
/// - anything else (tel:, tracking links) is ignored.
pub fn add_hyperlinks(c: &mut Contact, targets: &[String]) {
    let mut others = Vec::new();
    for t in targets {
        if t.get(..7).is_some_and(|p| p.eq_ignore_ascii_case("mailto:")) {
            if c.email.is_none() {
                c.email = mailto_address(t);
            }
        } else if let Some(u) = profile_url(t) {
            add_link(&mut c.links, u);
        } else {
            others.push(t);
        }
    }
    let handles: Vec<String> = c.links.iter().filter_map(|l| handle_of(l)).collect();
    if let Some(site) = others
        .iter()
        .find_map(|t| personal_site(t, c.name.as_deref(), &handles))
    {
        add_link(&mut c.links, site);
    }
}

/// Splits a header line into its parts ("Jane Doe | jane@x.org | Berlin, Germany").
fn parts(line: &str) -> impl Iterator<Item = &str> {
    line.split(['|', '•', '·', '●', '◆', '▪', '\t'])
        .flat_map(|p| p.split("  "))
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" – "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

fn name_in(line: &str) -> Option<String> {
    let line = line.trim();
    let line = strip_label(line, &["name", "nom", "nombre"]).unwrap_or(line);
    let first = parts(line).next()?;
    // Markdown headings and emphasis around the name.
    let first = first.trim_matches(|c: char| matches!(c, '#' | '*' | '_' | ' '));
    name_words(first)
}

/// The whole text is a person's name: 2–4 capitalised words, none of them a role, heading or
/// place word.
fn name_words(first: &str) -> Option<String> {
    let words: Vec<&str> = first.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) || first.len() > 50 {
        return None;
    }
    let ok_word = |w: &str| {
        let letters = w.trim_end_matches([',', '.']);
        // "Numpy- Experience": a word cut by a hyphen is not part of a name.
        if letters.ends_with('-') {
            return false;
        }
        let mut cs = letters.chars();
        matches!(cs.next(), Some(c) if c.is_uppercase())
            && letters
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
    };
    if !words.iter().all(|w| ok_word(w)) {
        return None;
    }
    let folded = hirekit_model::location::fold(first);
    if folded.split(' ').any(|w| NOT_NAME.contains(&w)) || sections::kind_of(&folded).is_some() {
        return None;
    }
    let t = normalize_title(first);
    if t.role_family != RoleFamily::Other || t.seniority.is_some() {
        return None;
    }
    // A place ("San Francisco, CA", "Tel Aviv") is not a name.
    if first.contains(',') || whole_place(first) {
        return None;
    }
    Some(first.to_string())
}

/// Every word is needed for the gazetteer to read the text as a place: "Tel Aviv" is a
/// place, while "Jordan Smith" is a name that merely contains one ("Jordan").
fn whole_place(s: &str) -> bool {
    if normalize_location(s).countries.is_empty() {
        return false;
    }
    // Dashes and bullets are not words ("- Israel").
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    (0..words.len()).all(|skip| {
        let rest: Vec<&str> = words
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, w)| *w)
            .collect();
        rest.is_empty() || normalize_location(&rest.join(" ")).countries.is_empty()
    })
}

fn strip_label<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    let (head, rest) = line.split_once(':')?;
    let h = head.trim().to_lowercase();
    labels.iter().any(|l| h == *l).then_some(rest.trim())
}

/// Labels of the other fields of a contact block, which end a location value written on the
/// same line ("Residence: Holon Languages: Hebrew", "Tel Aviv Cell: …").
const OTHER_LABELS: &[&str] = &[
    "date of birth",
    "birth date",
    "birthday",
    "birth year",
    "dob",
    "age",
    "born",
    "languages",
    "language",
    "phone",
    "tel",
    "cell",
    "mobile",
    "email",
    "e-mail",
    "linkedin",
    "github",
    "telegram",
    "whatsapp",
    "skype",
    "citizenship",
    "nationality",
    "portfolio",
    "website",
    "status",
    "marital status",
    "gender",
];

/// Words that make a place someone's citizenship or origin rather than where they live.
const NOT_RESIDENCE: &[&str] = &[
    "citizen",
    "citizenship",
    "nationality",
    "national",
    "born",
    "birth",
    "native",
    "visa",
    "permit",
];

fn location_label_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?:^|[^\p{L}])(?:(?:city|place|country)\s+of\s+residence|residence|location|address|adresse|wohnort|ort|dirección|direccion|ubicación|city|region)\s*:\s*|(?:📍|⌂|🏠)\s*:?\s*",
    )
}

/// Drops a trailing label of another field: "Holon Languages" → "Holon".
fn strip_other_label(s: &str) -> (&str, bool) {
    let mut s = s.trim_end();
    let mut stripped = false;
    'again: loop {
        for l in OTHER_LABELS {
            let n = s.len();
            if n >= l.len()
                && s.is_char_boundary(n - l.len())
                && s[n - l.len()..].eq_ignore_ascii_case(l)
                && (n == l.len() || s[..n - l.len()].ends_with(char::is_whitespace))
            {
                s = s[..n - l.len()].trim_end();
                stripped = true;
                continue 'again;
            }
        }
        return (s, stripped);
    }
}

/// A place given with a label anywhere on the line: "Phone: …  Residence: Hod-Hasharon",
/// "City of Residence: Ashdod Date of birth:", "📍 San Francisco, CA", "location Bat Yam".
fn labelled_location(line: &str) -> Option<String> {
    for m in location_label_re().find_iter(line) {
        // "Preferred work location:" is a wish, not where the person lives.
        let before = line[..m.start()].to_lowercase();
        let last = before.split_whitespace().last().unwrap_or("");
        if ["preferred", "work", "job", "desired"].contains(&last) {
            continue;
        }
        let street = m.as_str().to_lowercase().contains("addr")
            || m.as_str().to_lowercase().contains("direcci");
        let rest = &line[m.end()..];
        // The value runs to the next column or field separator, then to the next label.
        // (Two spaces may sit inside a place, "Petah  Tikva"; wider gaps separate columns.)
        let end = rest
            .find(['|', '\t', '•', '·'])
            .into_iter()
            .chain(rest.find("   "))
            .min()
            .unwrap_or(rest.len());
        let mut v = &rest[..end];
        if let Some(i) = v.find(':') {
            v = strip_other_label(&v[..i]).0;
        }
        let v = v.trim().trim_end_matches(['.', ',', ';', '-']).trim();
        // An address often starts with a house or a street on its own line ("Karatt House"):
        // take it only when it names a place.
        if street && normalize_location(v).countries.is_empty() {
            continue;
        }
        if v.chars().any(char::is_alphabetic) && v.len() <= 80 && !v.contains('@') {
            return Some(v.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    // "location Bat Yam": the label without a colon, then only capitalised words.
    for p in parts(line) {
        let Some((head, v)) = p.split_once(' ') else {
            continue;
        };
        let v = v.trim();
        let words: Vec<&str> = v.split_whitespace().collect();
        if ["location", "residence"].contains(&head.to_lowercase().as_str())
            && (1..=4).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            return Some(v.to_string());
        }
    }
    None
}

fn location_in(line: &str, name: Option<&str>) -> Option<String> {
    let line = line.trim();
    for p in parts(line) {
        if Some(p) == name
            || p.contains('@')
            || p.contains("://")
            || p.contains("www.")
            || p.len() > 60
        {
            continue;
        }
        // A fragment cut from a sentence (", Jerusalem, Israel").
        if p.starts_with(',') {
            continue;
        }
        // Icons before the place ("📍 San Francisco, CA"); an ASCII bullet ("* City Court,
        // Chennai") marks a list item instead.
        let p = p.trim_start_matches(|c: char| !c.is_alphanumeric() && !c.is_ascii());
        let p = p.trim_start();
        // "Tel Aviv Cell:": the place, then the label of the next field.
        let p = match p.split_once(':') {
            Some((before, _)) => match strip_other_label(before) {
                (place, true) => place,
                _ => continue,
            },
            None => p,
        };
        // A remark in parentheses after the place ("Karmiel, Israel (able to relocate)"); a
        // part with parentheses inside ("ACME (acme.com), Russia") is not a place.
        let p = match p.split_once('(') {
            Some((before, after))
                if !before.contains(',')
                    || !after.trim_end().ends_with(')')
                    || after.contains('(') =>
            {
                continue
            }
            Some((before, _)) => before.trim_end(),
            None => p,
        };
        if digits(p) > 5 || p.contains(')') || Some(p) == name {
            continue;
        }
        let words = p.split_whitespace().count();
        if words == 0 || words > 6 {
            continue;
        }
        let folded = hirekit_model::location::fold(p);
        if folded.split(' ').any(|w| NOT_RESIDENCE.contains(&w)) {
            continue;
        }
        // "City, Region" or a name the gazetteer knows.
        let info = normalize_location(p);
        let city_region = p.contains(',')
            && p.split(',')
                .all(|s| s.trim().chars().next().is_some_and(char::is_uppercase));
        // Without a comma every word must belong to the place: "MS Office" only contains one.
        if !info.countries.is_empty() && (city_region || (words <= 3 && whole_place(p))) {
            let p = p.trim_start_matches(|c: char| !c.is_alphanumeric());
            return Some(p.trim_end_matches([',', '.']).to_string());
        }
    }
    None
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn profile_sites_by_host_not_substring() {
        let header = "Jo Bloggs\nlinkedin.com/in/jobloggs\n";
        let text = format!("{header}Experience\nShared the specs on dropbox.com/s/abc and box.com/x\nAlso github.com/jobloggs\n");
        let l = links(&text, header.len());
        assert!(l.iter().any(|u| u.contains("linkedin.com/in/jobloggs")), "{l:?}");
        assert!(l.iter().any(|u| u.contains("github.com/jobloggs")), "{l:?}");
        assert!(!l.iter().any(|u| u.contains("dropbox") || u.contains("box.com")), "{l:?}");
    }

    #[test]
    fn phones() {
        assert_eq!(
            find_phone("Call +49 30 1234567 today").as_deref(),
            Some("+49 30 1234567")
        );
        assert_eq!(
            find_phone("(555) 123-4567").as_deref(),
            Some("(555) 123-4567")
        );
        assert_eq!(
            find_phone("📱(+82) 10-5550-0123 |").as_deref(),
            Some("(+82) 10-5550-0123")
        );
        assert_eq!(find_phone("2015 - 2018"), None);
        assert_eq!(find_phone("Jan 2015 - 2018"), None);
        // Date ranges whose dash was lost, and numbers split over columns or lines.
        assert_eq!(find_phone("Senior Engineer  2021  2022"), None);
        assert_eq!(find_phone("04/2022  07/2022"), None);
        assert_eq!(find_phone("(2015  2017"), None);
        assert_eq!(find_phone("2016 .\n 2020"), None);
        assert_eq!(
            find_phone("2222 Oak Road  Columbus, Ohio 44444  614-555-0123  x@y.edu").as_deref(),
            Some("614-555-0123")
        );
        assert!(phone_ok("+1 (555) 867-5309"));
    }

    #[test]
    fn labelled_phones() {
        // "Tel" in "Tel Aviv" is not a phone label for a year range later on.
        assert_eq!(
            find_labelled_phone("Ulpan Alef, Tel Aviv.\n 2016 .\n 2020 courses"),
            None
        );
        assert_eq!(
            find_labelled_phone("Telephone: (555) 274-0100.").as_deref(),
            Some("(555) 274-0100")
        );
        assert_eq!(
            find_labelled_phone("Mobile No: +91 98765 43210").as_deref(),
            Some("+91 98765 43210")
        );
    }

    #[test]
    fn labelled_locations() {
        let l = |s: &str| labelled_location(s);
        assert_eq!(
            l("Phone:**********  Residence: Hod-Hasharon").as_deref(),
            Some("Hod-Hasharon")
        );
        assert_eq!(
            l("Residence: Holon Languages: Hebrew, English").as_deref(),
            Some("Holon")
        );
        assert_eq!(
            l("Tel:  Email:  City of Residence: Ashdod Date of birth: ").as_deref(),
            Some("Ashdod")
        );
        assert_eq!(
            l("Birth year: 1990 | City: Kiriat Yam, Israel | LinkedIn").as_deref(),
            Some("Kiriat Yam, Israel")
        );
        assert_eq!(l("⌂: Rishon LeZion").as_deref(), Some("Rishon LeZion"));
        assert_eq!(
            l("location Bat Yam         email").as_deref(),
            Some("Bat Yam")
        );
        assert_eq!(
            l("Location: Petah  Tikva, Israel").as_deref(),
            Some("Petah Tikva, Israel")
        );
        // A house name alone is not a place; a wish is not a residence.
        assert_eq!(l("Permanent Address: Karatt House"), None);
        assert_eq!(l("Preferred Work Location : Selangor"), None);
        assert_eq!(l("Languages: English, Hebrew"), None);
    }

    #[test]
    fn unlabelled_locations() {
        let l = |s: &str| location_in(s, None);
        assert_eq!(
            l("📧 a@b.com  |  📍 San Francisco, CA").as_deref(),
            Some("San Francisco, CA")
        );
        assert_eq!(l("Tel Aviv Cell:   LinkedIn").as_deref(), Some("Tel Aviv"));
        assert_eq!(
            l("KarmiEl, Israel (Able to relocate)").as_deref(),
            Some("KarmiEl, Israel")
        );
        assert_eq!(l("Citizen of Israel"), None);
        assert_eq!(l("TINKOFF BANK (tinkoff.ru), Russia"), None);
        assert_eq!(l("Birth year: 1990"), None);
    }

    #[test]
    fn handles() {
        assert_eq!(
            labelled_handles("Github: jdoe-dev"),
            vec!["https://github.com/jdoe-dev".to_string()]
        );
        assert_eq!(
            labelled_handles("GitHub: @jdoe | LinkedIn: /in/jane-doe"),
            vec![
                "https://github.com/jdoe".to_string(),
                "https://www.linkedin.com/in/jane-doe".to_string()
            ]
        );
        // A display name is not a handle.
        assert!(labelled_handles("Linkedin: Jane Doe Languages: English").is_empty());
    }

    #[test]
    fn profile_pages() {
        let p = |s: &str| profile_url(s);
        assert_eq!(
            p("https://uk.linkedin.com/in/jane-doe/detail/skills/?x=1").as_deref(),
            Some("https://www.linkedin.com/in/jane-doe")
        );
        assert_eq!(p("https://www.linkedin.com/company/acme"), None);
        assert_eq!(
            p("http://www.github.com/jdoe#readme").as_deref(),
            Some("https://github.com/jdoe")
        );
        // A repository may be anyone's; a site page is nobody's.
        assert_eq!(p("https://github.com/rust-lang/rust"), None);
        assert_eq!(p("https://github.com/features"), None);
        assert_eq!(p("https://twitter.com/intent/tweet?text=hi"), None);
        assert_eq!(
            p("https://stackoverflow.com/users/123/jdoe?tab=profile").as_deref(),
            Some("https://stackoverflow.com/users/123/jdoe")
        );
        assert_eq!(
            p("https://jdoe.github.io/blog/").as_deref(),
            Some("https://jdoe.github.io/blog")
        );
        assert_eq!(
            p("https://medium.com/@jdoe").as_deref(),
            Some("https://medium.com/@jdoe")
        );
        // Look-alike hosts are not the profile sites.
        assert_eq!(p("https://dropbox.com/jdoe"), None);
        assert_eq!(p("https://notgithub.com/jdoe"), None);
        assert_eq!(p("mailto:jdoe@github.com"), None);
    }

    #[test]
    fn own_sites() {
        let handles = vec!["posquit0".to_string()];
        let s = |u: &str, name: Option<&str>| personal_site(u, name, &handles);
        assert_eq!(
            s("https://www.posquit0.com/", None).as_deref(),
            Some("https://www.posquit0.com")
        );
        assert_eq!(
            s("https://jane-doe.dev/about?ref=cv", Some("Jane Doe")).as_deref(),
            Some("https://jane-doe.dev/about")
        );
        assert_eq!(s("https://acme.com/", Some("Jane Doe")), None);
        // A short name inside a longer label is a coincidence.
        assert_eq!(
            personal_site("https://johnsoncontrols.com", None, &["john".into()]),
            None
        );
    }

    #[test]
    fn mailto_addresses() {
        assert_eq!(
            mailto_address("MAILTO:Jane.Doe%40example.org?subject=CV").as_deref(),
            Some("Jane.Doe@example.org")
        );
        assert_eq!(mailto_address("mailto:"), None);
        assert_eq!(mailto_address("mailto:not an address"), None);
    }

    #[test]
    fn hyperlinks_merge() {
        let mut c = Contact {
            email: Some("jane@example.com".into()),
            links: vec!["https://linkedin.com/in/jane-doe/".into()],
            ..Contact::default()
        };
        add_hyperlinks(
            &mut c,
            &[
                "mailto:other@example.net".into(),
                "https://www.linkedin.com/in/jane-doe?trk=x".into(),
                "https://github.com/jdoe-dev".into(),
                "tel:+15550100".into(),
                "https://github.com/jdoe-dev/".into(),
            ],
        );
        assert_eq!(c.email.as_deref(), Some("jane@example.com"));
        assert_eq!(
            c.links,
            vec![
                "https://linkedin.com/in/jane-doe/".to_string(),
                "https://github.com/jdoe-dev".to_string()
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn hyperlinks_never_panic(
            targets in proptest::collection::vec("(https?://|mailto:|)\\PC{0,60}", 0..6),
            name in proptest::option::of("\\PC{0,20}"),
        ) {
            let mut c = Contact { name, ..Contact::default() };
            add_hyperlinks(&mut c, &targets);
            proptest::prop_assert!(c.links.len() <= MAX_LINKS);
        }

        #[test]
        fn never_panics(s in "\\PC{0,200}") {
            let _ = find_phone(&s);
            let _ = find_labelled_phone(&s);
            let _ = labelled_location(&s);
            let _ = location_in(&s, None);
            let _ = labelled_handles(&s);
            let _ = name_in(&s);
        }

        #[test]
        fn contact_lines_never_panic(
            label in "(Residence|City|Location|Address|Phone|Tel|GitHub|LinkedIn|📍|⌂)",
            sep in "(: |:|  | )",
            value in "[A-Za-z0-9 ,.()\\-:|@/]{0,40}",
        ) {
            let line = format!("{label}{sep}{value}");
            let _ = labelled_location(&line);
            let _ = location_in(&line, None);
            let _ = find_labelled_phone(&line);
            let _ = labelled_handles(&line);
        }
    }

    #[test]
    fn names() {
        assert_eq!(name_in("Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(name_in("JANE DOE | Berlin").as_deref(), Some("JANE DOE"));
        assert_eq!(name_in("Senior Software Engineer"), None);
        assert_eq!(name_in("Professional Summary"), None);
        assert_eq!(name_in("San Francisco, CA"), None);
        // A city on its own line is not a name; a name holding a place word still is.
        assert_eq!(name_in("Tel Aviv"), None);
        assert_eq!(name_in("Jordan Smith").as_deref(), Some("Jordan Smith"));
        assert_eq!(name_in("DESCRIPTION WORK EXPIRIENCE"), None);
        assert_eq!(name_in("Numpy- Exprience"), None);
    }
}
