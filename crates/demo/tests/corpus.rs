#![allow(clippy::unwrap_used)]
//! End-to-end checks on a small generated corpus: determinism, every format present and
//! well-formed, counts that add up, deliberate duplicates, varied pay strings.

use hirekit_demo::{generate, DemoConfig, DemoReport};
use quick_xml::events::Event;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const N: u64 = 2_000;

fn run(dir: &Path, postings: u64, seed: u64) -> DemoReport {
    let cfg = DemoConfig {
        postings,
        seed,
        out_dir: dir.to_path_buf(),
    };
    let mut last = 0;
    let r = generate(&cfg, &mut |n| {
        assert!(n >= last, "progress goes forward");
        last = n;
    })
    .expect("generate");
    assert_eq!(last, r.postings, "the last progress call reports the total");
    r
}

fn all_files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read_dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(
                    p.strip_prefix(dir).expect("prefix").to_path_buf(),
                    std::fs::read(&p).expect("read"),
                );
            }
        }
    }
    out
}

#[test]
fn same_seed_same_bytes_other_seed_differs() {
    let (a, b, c) = (TempDir::new(), TempDir::new(), TempDir::new());
    let ra = run(a.path(), N, 7);
    let rb = run(b.path(), N, 7);
    run(c.path(), N, 8);
    assert_eq!(ra.postings, rb.postings);
    assert_eq!(ra.duplicates, rb.duplicates);
    let (fa, fb, fc) = (
        all_files(a.path()),
        all_files(b.path()),
        all_files(c.path()),
    );
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (k, v) in &fa {
        assert!(
            v == &fb[k],
            "{} differs between two runs with the same seed",
            k.display()
        );
    }
    let jsonl = Path::new("postings.jsonl");
    assert_ne!(fa[jsonl], fc[jsonl], "another seed gives another corpus");
}

/// One parsed posting: which file, company, title, and its pay text if any.
struct Seen {
    file: PathBuf,
    company: String,
    title: String,
}

fn s(v: &Value, k: &str) -> String {
    v.get(k)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn xml_events(path: &Path) -> Vec<(String, String)> {
    // (element name, its text) for every element, in closing order; panics if the XML is not
    // well formed. Text split around entity references is joined back.
    let text = std::fs::read_to_string(path).expect("read xml");
    let mut r = quick_xml::Reader::from_str(&text);
    let mut stack: Vec<(String, String)> = Vec::new();
    let mut out = Vec::new();
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) => stack.push((
                String::from_utf8_lossy(e.name().as_ref()).into_owned(),
                String::new(),
            )),
            Ok(Event::End(_)) => out.push(stack.pop().expect("balanced")),
            Ok(Event::Text(t)) => {
                let raw = String::from_utf8_lossy(t.as_ref()).into_owned();
                let txt = quick_xml::escape::unescape(&raw)
                    .unwrap_or_else(|e| panic!("{}: bad text: {e}", path.display()))
                    .into_owned();
                if let Some(top) = stack.last_mut() {
                    top.1.push_str(&txt);
                }
            }
            Ok(Event::GeneralRef(g)) => {
                let name = String::from_utf8_lossy(g.as_ref()).into_owned();
                let ch = match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => panic!("{}: unknown entity &{name};", path.display()),
                };
                if let Some(top) = stack.last_mut() {
                    top.1.push_str(ch);
                }
            }
            Ok(Event::CData(c)) => {
                if let Some(top) = stack.last_mut() {
                    top.1.push_str(&String::from_utf8_lossy(c.as_ref()));
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!(
                "{}: XML error at {}: {e}",
                path.display(),
                r.buffer_position()
            ),
        }
    }
    assert!(stack.is_empty(), "{}: unclosed elements", path.display());
    out
}

/// A temporary directory removed on drop (no tempfile dependency needed).
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let p = std::env::temp_dir().join(format!("hirekit-demo-test-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("temp dir");
        TempDir(p)
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Minimal RFC 4180 reader: quoted fields, doubled quotes, newlines inside quotes.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "CSV ends inside a quoted field");
    rows
}

/// Parse every file of the corpus by its format; returns what was seen, per file counts checked.
fn parse_corpus(r: &DemoReport) -> (Vec<Seen>, Vec<String>) {
    let mut seen = Vec::new();
    let mut pay_texts = Vec::new();
    for f in &r.files {
        let name = f.path.file_name().unwrap().to_string_lossy().into_owned();
        let mut local: Vec<Seen> = Vec::new();
        let mut push = |company: String, title: String| {
            local.push(Seen {
                file: f.path.clone(),
                company,
                title,
            })
        };
        let text = || std::fs::read_to_string(&f.path).expect("read");
        let json = || -> Value {
            serde_json::from_str(&text()).unwrap_or_else(|e| panic!("{name}: invalid JSON: {e}"))
        };
        match f.kind {
            "greenhouse" => {
                let v = json();
                let jobs = v["jobs"].as_array().expect("jobs");
                assert_eq!(v["meta"]["total"].as_u64(), Some(jobs.len() as u64));
                for j in jobs {
                    assert!(
                        j["id"].is_u64()
                            && s(j, "absolute_url").starts_with("https://boards.greenhouse.io/")
                    );
                    let content = s(j, "content");
                    assert!(
                        content.starts_with("&lt;") && !content.contains('<'),
                        "{name}: content must be entity-encoded"
                    );
                    push(s(j, "company_name"), s(j, "title"));
                }
            }
            "lever" => {
                for j in json().as_array().expect("array") {
                    assert!(
                        s(j, "applyUrl").ends_with("/apply")
                            && s(j, "hostedUrl").starts_with("https://jobs.lever.co/")
                    );
                    assert!(["on-site", "remote", "hybrid", "unspecified"]
                        .contains(&s(j, "workplaceType").as_str()));
                    assert_eq!(j["lists"][1]["text"], "Requirements");
                    if let Some(d) = j.get("salaryDescription").and_then(Value::as_str) {
                        pay_texts.push(d.to_string());
                    }
                    if let Some(sr) = j.get("salaryRange") {
                        assert!(sr["min"].as_f64() <= sr["max"].as_f64());
                        assert!(["per-year-salary", "per-hour-wage", "per-month-salary"]
                            .contains(&s(sr, "interval").as_str()));
                    }
                    let company = name
                        .trim_start_matches("lever-")
                        .trim_end_matches(".json")
                        .to_string();
                    push(company, s(j, "text"));
                }
            }
            "ashby" => {
                for j in json()["jobs"].as_array().expect("jobs") {
                    assert!(
                        ["OnSite", "Remote", "Hybrid"].contains(&s(j, "workplaceType").as_str())
                    );
                    assert!(["FullTime", "PartTime", "Intern", "Contract", "Temporary"]
                        .contains(&s(j, "employmentType").as_str()));
                    if let Some(c) = j.get("compensation") {
                        assert_eq!(c["summaryComponents"][0]["compensationType"], "Salary");
                        pay_texts.push(s(c, "compensationTierSummary"));
                    }
                    let company = name
                        .trim_start_matches("ashby-")
                        .trim_end_matches(".json")
                        .to_string();
                    push(company, s(j, "title"));
                }
            }
            "workable" => {
                let v = json();
                for j in v["jobs"].as_array().expect("jobs") {
                    assert!(s(j, "url").starts_with("https://apply.workable.com/"));
                    assert_eq!(s(j, "published_on").len(), 10);
                    push(s(&v, "name"), s(j, "title"));
                }
            }
            "smartrecruiters" => {
                let v = json();
                let content = v["content"].as_array().expect("content");
                assert_eq!(v["totalFound"].as_u64(), Some(content.len() as u64));
                for j in content {
                    let c = s(&j["location"], "country");
                    assert!(c.len() == 2 && c == c.to_lowercase());
                    assert!(["permanent", "contract", "intern"]
                        .contains(&s(&j["typeOfEmployment"], "id").as_str()));
                    assert!(j["jobAd"]["sections"]["jobDescription"]["text"].is_string());
                    push(s(&j["company"], "name"), s(j, "name"));
                }
            }
            "recruitee" => {
                for j in json()["offers"].as_array().expect("offers") {
                    let sal = &j["salary"];
                    assert!(
                        sal["min"].is_null() || sal["min"].is_string(),
                        "recruitee amounts are strings"
                    );
                    assert!(s(j, "published_at").ends_with(" UTC"));
                    push(s(j, "company_name"), s(j, "title"));
                }
            }
            "personio" => {
                let ev = xml_events(&f.path);
                let subs: Vec<&String> = ev
                    .iter()
                    .filter(|(n, _)| n == "subcompany")
                    .map(|(_, t)| t)
                    .collect();
                let names: Vec<&String> = ev
                    .iter()
                    .filter(|(n, _)| n == "name")
                    .map(|(_, t)| t)
                    .collect();
                // Each position has one title <name> plus one <name> per jobDescription (4).
                assert_eq!(names.len(), subs.len() * 5);
                let positions = ev.iter().filter(|(n, _)| n == "position").count();
                assert_eq!(positions, subs.len());
                assert!(
                    ev.iter()
                        .filter(|(n, _)| n == "value")
                        .all(|(_, v)| v.starts_with('<')),
                    "jobDescription values are HTML"
                );
                for (i, c) in subs.iter().enumerate() {
                    push(c.to_string(), names[i * 5].clone());
                }
            }
            "remoteok" => {
                let v = json();
                let arr = v.as_array().expect("array");
                assert!(arr[0]["legal"]
                    .as_str()
                    .unwrap_or_default()
                    .starts_with("API Terms of Service"));
                for j in &arr[1..] {
                    assert!(
                        j["id"].is_string()
                            && s(j, "url").starts_with("https://remoteok.com/remote-jobs/")
                    );
                    assert!(
                        j["salary_min"].as_u64() <= j["salary_max"].as_u64()
                            || j["salary_max"] == 0
                    );
                    push(s(j, "company"), s(j, "position"));
                }
            }
            "feed" => {
                let ev = xml_events(&f.path);
                let item_titles: Vec<&String> = ev
                    .iter()
                    .filter(|(n, _)| n == "title")
                    .map(|(_, t)| t)
                    .filter(|t| t.contains(" at "))
                    .collect();
                let items = ev
                    .iter()
                    .filter(|(n, _)| n == "item" || n == "entry")
                    .count();
                assert_eq!(
                    items,
                    item_titles.len(),
                    "{name}: every item has '<title> at <company>'"
                );
                for t in item_titles {
                    let (title, company) = t.rsplit_once(" at ").expect("'<title> at <company>'");
                    push(company.to_string(), title.to_string());
                }
            }
            "jsonld" => {
                let html = text();
                let start = html
                    .find("<script type=\"application/ld+json\">")
                    .expect("ld+json script")
                    + 35;
                let end = start + html[start..].find("</script>").expect("script end");
                let v: Value = serde_json::from_str(&html[start..end])
                    .unwrap_or_else(|e| panic!("{name}: bad JSON-LD: {e}"));
                let list = if v.is_array() {
                    v.as_array().unwrap().clone()
                } else {
                    vec![v]
                };
                for p in list {
                    assert_eq!(p["@type"], "JobPosting");
                    assert_eq!(p["identifier"]["@type"], "PropertyValue");
                    push(s(&p["hiringOrganization"], "name"), s(&p, "title"));
                }
            }
            "csv" => {
                let rows = csv_rows(&text());
                assert_eq!(
                    rows[0].join(","),
                    "title,company,location,description,url,salary,employment_type,date_posted,id"
                );
                assert!(
                    rows.iter().skip(1).any(|r| r[3].contains('\n')),
                    "descriptions are multi-line"
                );
                for r in &rows[1..] {
                    assert_eq!(r.len(), 9);
                    if !r[5].is_empty() {
                        pay_texts.push(r[5].clone());
                    }
                    push(r[1].clone(), r[0].clone());
                }
            }
            "jsonl" => {
                for line in text().lines() {
                    let p: Value = serde_json::from_str(line)
                        .unwrap_or_else(|e| panic!("{name}: bad line: {e}"));
                    assert_eq!(p["@type"], "JobPosting");
                    if let Some(b) = p.get("baseSalary") {
                        assert_eq!(b["@type"], "MonetaryAmount");
                        assert!(["HOUR", "DAY", "MONTH", "YEAR"]
                            .contains(&s(&b["value"], "unitText").as_str()));
                    }
                    push(s(&p["hiringOrganization"], "name"), s(&p, "title"));
                }
            }
            other => panic!("unexpected kind {other}"),
        }
        assert_eq!(
            local.len() as u64,
            f.postings,
            "{name}: the report's count matches the file"
        );
        seen.extend(local);
    }
    (seen, pay_texts)
}

#[test]
fn every_format_valid_counts_add_up_duplicates_present() {
    let dir = TempDir::new();
    let r = run(dir.path(), N, 42);
    assert_eq!(r.postings, N);
    assert_eq!(r.files.iter().map(|f| f.postings).sum::<u64>(), N);
    let kinds: BTreeSet<&str> = r.files.iter().map(|f| f.kind).collect();
    for k in [
        "greenhouse",
        "lever",
        "ashby",
        "workable",
        "smartrecruiters",
        "recruitee",
        "personio",
        "remoteok",
        "feed",
        "jsonld",
        "csv",
        "jsonl",
    ] {
        assert!(kinds.contains(k), "no {k} file");
    }
    let (seen, pay_texts) = parse_corpus(&r);
    assert_eq!(seen.len() as u64, N);
    assert!(seen
        .iter()
        .all(|s| !s.title.is_empty() && !s.company.is_empty()));

    // ~5% cross-posted + ~1% reposted.
    assert!(
        r.duplicates > N * 3 / 100 && r.duplicates < N * 9 / 100,
        "duplicates {}",
        r.duplicates
    );
    // A repost shows as the same title twice in one board file.
    let mut per_file: BTreeMap<(&Path, &str), u32> = BTreeMap::new();
    for s in &seen {
        *per_file
            .entry((s.file.as_path(), s.title.as_str()))
            .or_default() += 1;
    }
    assert!(per_file.values().any(|&n| n > 1), "no repost found");
    // A cross-post shows as the same title in a board file and an aggregator file.
    let board: BTreeSet<&str> = seen
        .iter()
        .filter(|s| is_board(&s.file))
        .map(|s| s.title.as_str())
        .collect();
    let crossed = seen
        .iter()
        .filter(|s| !is_board(&s.file) && board.contains(s.title.as_str()))
        .count();
    assert!(crossed > 10, "only {crossed} cross-posted titles");

    // Pay in many conventions.
    let joined = pay_texts.join("\n");
    let markers = [
        "$", "£", "€", "PLN", "K", "k", "per hour", "/hr", "per day", "month", "LPA", "CA$",
        "per year",
    ];
    let hit = markers.iter().filter(|m| joined.contains(*m)).count();
    assert!(
        hit >= 8,
        "pay strings not varied enough: {hit} markers in {} texts",
        pay_texts.len()
    );
    let distinct: BTreeSet<&String> = pay_texts.iter().collect();
    assert!(distinct.len() > pay_texts.len() / 2);
}

fn is_board(p: &Path) -> bool {
    let n = p.file_name().unwrap().to_string_lossy();
    [
        "greenhouse-",
        "lever-",
        "ashby-",
        "workable-",
        "smartrecruiters-",
        "recruitee-",
        "personio-",
    ]
    .iter()
    .any(|b| n.starts_with(b))
}

#[test]
fn descriptions_carry_pay_for_some_and_not_for_about_forty_percent() {
    let dir = TempDir::new();
    run(dir.path(), N, 3);
    let text = std::fs::read_to_string(dir.path().join("postings.jsonl")).unwrap();
    let (mut total, mut structured, mut with_currency) = (0, 0, 0);
    for line in text.lines() {
        let p: Value = serde_json::from_str(line).unwrap();
        total += 1;
        if p.get("baseSalary").is_some() {
            structured += 1;
        }
        let d = s(&p, "description");
        if p.get("baseSalary").is_some()
            || [
                "$", "£", "€", "PLN", "zł", "₹", "LPA", "CHF", "SEK", "R$", "kr",
            ]
            .iter()
            .any(|c| d.contains(c))
        {
            with_currency += 1;
        }
    }
    let none = total - with_currency;
    assert!(structured > 0);
    let share = none as f64 / total as f64;
    assert!((0.25..0.55).contains(&share), "share without pay {share}");
}

#[test]
fn tiny_and_odd_sizes_add_up() {
    for n in [0u64, 1, 5, 39, 40, 123] {
        let dir = TempDir::new();
        let r = run(dir.path(), n, 1);
        assert_eq!(r.postings, n);
        assert_eq!(
            r.files.iter().map(|f| f.postings).sum::<u64>(),
            n,
            "n = {n}"
        );
        parse_corpus(&r);
    }
}

#[test]
fn rerun_into_same_dir_leaves_no_stale_files() {
    let dir = TempDir::new();
    run(dir.path(), 1_500, 1);
    let small = run(dir.path(), 60, 1);
    let on_disk = all_files(dir.path()).len();
    assert_eq!(
        on_disk,
        small.files.len(),
        "files from the bigger run were left behind"
    );
}
