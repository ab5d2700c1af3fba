//! Where lint time goes on real JDs: `cargo run --release -p hirekit-jd --example lint_profile`.
#![allow(clippy::unwrap_used)]
use std::time::Instant;

/// CPU seconds this process has used (user + system), from /proc: wall time is meaningless
/// on a machine shared with other builds.
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    (tick(11) + tick(12)) / 100.0
}

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");
    let mut docs = Vec::new();
    if let Ok(mut r) =
        csv::Reader::from_path(format!("{dir}/jobs/linkedin_2023_2024_sample_1000.csv"))
    {
        let h = r.headers().cloned().unwrap();
        let d = h.iter().position(|x| x == "description").unwrap();
        for rec in r.records().flatten() {
            docs.push(rec.get(d).unwrap_or("").to_string());
        }
    }
    if let Ok(body) = std::fs::read_to_string(format!(
        "{dir}/jobs/greenhouse_lever_board_jobs_2025_11_480.json"
    )) {
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        for j in v.as_array().unwrap() {
            docs.push(
                hirekit_model::text::decode_entities(j["description"].as_str().unwrap_or(""))
                    .into_owned(),
            );
        }
    }
    docs.retain(|d| !d.trim().is_empty());
    let opts = hirekit_jd::LintOptions::default();
    let fix = |p: &str| {
        p.replace(r"\b", r"(?-u:\b)")
            .replace(r"\w", "[0-9A-Za-z_]")
            .replace(r"\d", "[0-9]")
    };
    let pats = [
        (
            "he",
            r"(?i)\b(?:the|our|this|an?) (?:ideal |successful |right |selected |qualified )?(?:candidate|applicant|person|individual|incumbent|hire|employee|engineer|developer|professional)\b[^.\n]{0,80}?\b(he|his|him|himself)\b",
        ),
        (
            "us",
            r"(?i)\b(?:remote|work from home|wfh)\b[^\n.]{0,60}?(?:\bunited states\b|(?-i:\bUSA?\b|\bU\.S\.))|(?:\bunited states|(?-i:\bUSA?|\bU\.S\.))[- ](?:based )?remote\b",
        ),
        (
            "workplace",
            r"(?i)\b(?:at|in|from) our (?:[\w,.'-]+ ){0,4}?(?:location|office|offices|facility|store|clinic|hospital|plant|warehouse|site|campus|headquarters|hq)\b|\b(?:role|position|job) (?:is|will be) (?:based|located) (?:in|at)\b",
        ),
        (
            "years",
            r"(?i)\b(\d{1,2})\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?)(?:['’]s?)?\b",
        ),
    ];
    for (name, p) in pats {
        let re = regex::Regex::new(&fix(p)).unwrap();
        let t = Instant::now();
        let n: usize = docs.iter().map(|d| re.captures_iter(d).count()).sum();
        eprintln!("{name}: {:?} ({n} matches)", t.elapsed());
    }
    let (html, plain): (Vec<&String>, Vec<&String>) = docs.iter().partition(|d| d.contains("</"));
    for (name, set) in [("html", &html), ("plain", &plain)] {
        let t = Instant::now();
        for d in set.iter() {
            let _ = hirekit_jd::lint(d, &opts);
        }
        let e = t.elapsed();
        let bytes: usize = set.iter().map(|d| d.len()).sum();
        eprintln!(
            "{name}: {} docs, avg {} B, {:?} ({:.0} µs/doc)",
            set.len(),
            bytes / set.len().max(1),
            e,
            e.as_micros() as f64 / set.len() as f64
        );
    }
    let (c0, t0) = (cpu_secs(), Instant::now());
    let rounds = 5;
    for _ in 0..rounds {
        for d in &docs {
            let _ = hirekit_jd::lint(d, &opts);
        }
    }
    let (cpu, wall) = (cpu_secs() - c0, t0.elapsed().as_secs_f64());
    let n = (docs.len() * rounds) as f64;
    eprintln!(
        "one thread: {:.0} JDs per CPU-second ({:.0} per wall-second)",
        n / cpu,
        n / wall
    );
    for round in 0..2 {
        let t = Instant::now();
        let n: usize = docs
            .iter()
            .map(|d| hirekit_jd::lint(d, &opts).map(|f| f.len()).unwrap_or(0))
            .sum();
        let lint = t.elapsed();
        let t = Instant::now();
        let s = docs
            .iter()
            .filter(|d| hirekit_model::salary::parse_salary(d).is_some())
            .count();
        let sal = t.elapsed();
        eprintln!("round {round}: {} docs: lint {:?} ({:.0}/s, {n} findings); parse_salary alone {:?} ({s} with pay)",
            docs.len(), lint, docs.len() as f64 / lint.as_secs_f64(), sal);
    }
    // The target: 10,000 JDs on 2 cores, as `hirekit jd lint` runs many files (rayon).
    let many: Vec<&String> = docs.iter().cycle().take(10_000).collect();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
    for round in 0..3 {
        let (c0, t0) = (cpu_secs(), Instant::now());
        let n: usize = pool.install(|| hirekit_jd::lint_many(&many, &opts)).iter().map(|r| r.as_ref().map_or(0, Vec::len)).sum();
        let (cpu, wall) = (cpu_secs() - c0, t0.elapsed().as_secs_f64());
        eprintln!("2 threads, round {round}: 10,000 JDs in {wall:.3} s wall = {:.0} JDs/s ({:.0} per CPU-second, {n} findings)", 10_000.0 / wall, 10_000.0 / cpu);
    }
}
