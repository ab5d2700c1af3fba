//! Ranking quality on the livecareer resumes: real job postings from ../shared/data/jobs
//! (LinkedIn 2023–24 sample, Greenhouse/Lever boards 2025, Adzuna UK 2013) against a fixed,
//! seeded sample of `resumes/livecareer_resumes_text.csv` (2,484 real multi-section resumes,
//! pdftotext output, 24 categories such as ACCOUNTANT, CHEF, HR). A posting is matched to a
//! category by its title (the patterns below, written from the category names); the resumes
//! of that category are the relevant ones. Per posting: NDCG@10, precision@10 and average
//! precision, for hirekit (criteria derived from the posting, ranked as `rank` orders them:
//! knocked-out last) and a TF-IDF cosine baseline in the same run, with a paired bootstrap
//! interval over postings.
//!
//! A second, independent check beside `category_eval` (short flattened resumes, mostly IT):
//! long resumes as `hirekit_resume::parse_bytes` sees them in production, and mostly non-IT
//! jobs. Neither hirekit nor these patterns were tuned on it. Labels are coarse and noisy:
//! a livecareer category is the section the resume was filed under, and some categories
//! (AGRICULTURE, AUTOMOBILE, BPO, ARTS) hold many resumes of unrelated work; the first line
//! of a resume is its writer's own headline, often the category's job title.
//!
//! Run: `cargo test -p hirekit-screen --test livecareer_eval -- --nocapture`
//! (HIREKIT_EVAL_DEBUG=1 adds one line per posting: AP of each system, knock-outs among all /
//! relevant resumes, derived must-haves). With MiniLM:
//! `HIREKIT_EMBEDDING_MODEL=/root/.cache/hirekit-model/all-minilm-l6-v2 cargo test -p
//! hirekit-screen --features embeddings --test livecareer_eval -- --nocapture`.
//!
//! Measured 2026-11-24 (360 resumes, 15 per category, seed 20261124; 84 postings in 23
//! categories; no-embedding run 11–17 s in debug, 30,240 pairs):
//! ```text
//! system                        NDCG@10     P@10      MAP
//! tf-idf cosine                   0.290    0.262    0.225
//! hirekit (no emb)                0.315    0.301    0.277
//! hirekit score, no knock-out     0.315    0.301    0.277
//! hirekit (+emb)                  0.342    0.327    0.315   (--features embeddings, MiniLM)
//! random (expected)                        0.042    0.042
//! hirekit − tf-idf NDCG@10  +0.025  95% CI [-0.025, +0.074]  better on 46, worse on 33 of 84
//! hirekit − tf-idf P@10     +0.039  95% CI [-0.006, +0.086]  better on 32, worse on 28 of 84
//! hirekit − tf-idf MAP      +0.052  95% CI [+0.015, +0.092]  better on 47, worse on 37 of 84
//! hirekit (+emb) − tf-idf NDCG@10  +0.052  95% CI [+0.002, +0.104]  better on 47, worse on 33
//! hirekit (+emb) − tf-idf P@10     +0.065  95% CI [+0.017, +0.117]  better on 40, worse on 26
//! hirekit (+emb) − tf-idf MAP      +0.090  95% CI [+0.051, +0.132]  better on 54, worse on 30
//! ```
//! Postings per category: 4 each, except ADVOCATE 2, APPAREL 2, ARTS 2, AVIATION 2; none
//! for AGRICULTURE (no title in the three files names farm work). Every matched title was
//! read (HIREKIT_EVAL_DEBUG=1 prints them); loose but kept: "Operational Buyer, Vehicle
//! Aftermarket" (AUTOMOBILE), "Customer Advocacy Manager" (ADVOCATE), the Oracle/accounting
//! technology consultants (CONSULTANT), "Credit Controller" (FINANCE).
//! Knock-outs: 12 of the 84 postings derive must-haves, and those knock out 263–360 of the 360
//! resumes, so the knock-out barely reorders anything (the no-knock-out score ties it).

use hirekit_resume::{parse_bytes, Limits};
use hirekit_screen::{rank, Candidate, Criteria, Options};
use std::collections::{BTreeMap, HashSet};

mod common;
use common::{
    bootstrap_mean_ci, cos, csv_rows, data_dir, embedder, job_postings, mean, order_by, Rng,
    Scores, Tfidf,
};

/// Category → (title pattern, title exclusions), case-insensitive regexes over the posting
/// title. The exclusions drop other trades that share a word (a UK "bank nurse" is relief
/// staff, a "recruitment consultant" a recruiter, a UK "consultant" also a senior doctor,
/// a "care consultant" sells home care, a "software engineer" is IT, a "financial navigator"
/// helps patients pay for drugs, a "hospital contracts manager" sells them).
const CATEGORIES: &[(&str, &str, &str)] = &[
    (
        "ACCOUNTANT",
        r"\baccountant|\baccounting\b|bookkeep",
        r"success",
    ),
    ("ADVOCATE", r"\badvoca(te|cy)\b", ""),
    (
        "AGRICULTURE",
        r"agricultur|\bfarm|agronom|horticultur|livestock|\bcrops?\b",
        "",
    ),
    ("APPAREL", r"apparel|fashion|garment|clothing|textile", ""),
    ("ARTS", r"\bartist|\barts?\b|curator|museum", ""),
    (
        "AUTOMOBILE",
        r"automotive|automobile|\bvehicle|\b(auto|car|diesel|truck|hgv) (mechanic|technician)|\bmotor (vehicle|technician|trade)",
        r"aircraft|aviation",
    ),
    (
        "AVIATION",
        r"aviation|aircraft|airline|avionics|airframe|pilot in command|\b(airline|commercial|helicopter|corporate) pilot|flight (attendant|instructor|dispatcher|test)",
        r"software",
    ),
    (
        "BANKING",
        r"\bbanking\b|\bbanker|\bteller\b|loan officer|mortgage",
        r"engineer|developer|software",
    ),
    (
        "BPO",
        r"\bbpo\b|call cent(er|re)|contact cent(er|re)|customer service|customer support",
        "",
    ),
    ("BUSINESS-DEVELOPMENT", r"business development", ""),
    ("CHEF", r"\bchef|\bcook\b", ""),
    (
        "CONSTRUCTION",
        r"construction|site manager|foreman|quantity surveyor|carpenter|bricklayer|labou?rer",
        r"recruit",
    ),
    (
        "CONSULTANT",
        r"\bconsultant\b",
        r"recruit|sales|medical|clinical|psycholog|psychiatr|physician|surgeon|emergency|department|homecare|reservations|travel|consultant relations|\bcare\b",
    ),
    ("DESIGNER", r"\bdesigner\b", ""),
    (
        "DIGITAL-MEDIA",
        r"digital media|digital marketing|social media|multimedia|\bmedia\b",
        r"sales",
    ),
    (
        "ENGINEERING",
        r"\bengineer",
        r"software|data|devops|cloud|security|network|machine learning|\bml\b|\bai\b|computer vision|sales|support|solutions|platform|front.?end|back.?end|full.?stack|reliability|\bqa\b|test|infrastructure|systems|applications?|web|mobile|ios|android|recruit",
    ),
    (
        "FINANCE",
        r"\bfinanc|treasury|fp&a|\binvestment (analyst|banking|manager|associate)|controller",
        r"\bsales|navigator",
    ),
    (
        "FITNESS",
        r"fitness|personal trainer|\bgym\b|yoga|pilates",
        "",
    ),
    (
        "HEALTHCARE",
        r"\bnurse|nursing|health ?care|medical|clinical|care assistant|\bcarer\b|physician|therapist|pharmac|hospital|patient",
        r"engineer|recruit|sales|contracts",
    ),
    (
        "HR",
        r"human resources|\bhr\b|recruiter|talent acquisition|\bpeople (partner|operations)",
        "",
    ),
    (
        "INFORMATION-TECHNOLOGY",
        r"(?-i:\bIT\b)|information technology|help ?desk|technical support|systems administrator|network (engineer|administrator)|desktop support",
        r"recruit|telesales|sales",
    ),
    (
        "PUBLIC-RELATIONS",
        r"public relations|\bpr\b|communications|media relations|\bpress\b",
        "",
    ),
    ("SALES", r"\bsales\b", ""),
    (
        "TEACHER",
        r"teacher|teaching|tutor|lecturer|educator",
        r"yoga|fitness",
    ),
];
/// Resumes drawn per category (seeded), and postings kept per category.
const RESUMES_PER_CATEGORY: usize = 15;
const POSTINGS_PER_CATEGORY: usize = 4;

/// Up to `cap` matching postings, taken in turn from each source (first ones in file order),
/// so one big source (Adzuna is 80% nursing) does not fill a category alone.
fn pick<'a>(
    all: &'a [(&'static str, String, String)],
    inc: &regex::Regex,
    exc: Option<&regex::Regex>,
    cap: usize,
) -> Vec<&'a (&'static str, String, String)> {
    let mut by_src: BTreeMap<usize, Vec<&(&str, String, String)>> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    let mut seen = HashSet::new();
    for p in all {
        let (src, t, d) = p;
        let ok = inc.is_match(t)
            && !exc.is_some_and(|e| e.is_match(t))
            && d.len() >= 300
            && seen.insert((t.trim().to_lowercase(), d.len()));
        if ok {
            let k = order.iter().position(|s| s == src).unwrap_or_else(|| {
                order.push(src);
                order.len() - 1
            });
            by_src.entry(k).or_default().push(p);
        }
    }
    let mut out = Vec::new();
    for round in 0.. {
        let before = out.len();
        for v in by_src.values() {
            if let Some(p) = v.get(round) {
                if out.len() < cap {
                    out.push(*p);
                }
            }
        }
        if out.len() == before || out.len() >= cap {
            break;
        }
    }
    out
}

/// Runs with the suite (no embeddings: about 20 s in debug; skipped when ../shared/data is
/// absent). It asserts only sanity — every system ranks well above random — not that hirekit
/// beats the baseline: this is a measurement.
#[test]
fn livecareer_ranking_quality() {
    let dir = data_dir();
    let resumes_csv = dir.join("resumes/livecareer_resumes_text.csv");
    if !resumes_csv.exists() {
        eprintln!(
            "skipping: {} not found (set HIREKIT_SHARED_DATA)",
            resumes_csv.display()
        );
        return;
    }
    let debug = std::env::var("HIREKIT_EVAL_DEBUG").is_ok();
    let t_all = std::time::Instant::now();

    // A seeded sample per category (a partial Fisher–Yates over the category's rows).
    let rows = csv_rows(&std::fs::read_to_string(&resumes_csv).unwrap());
    let mut by_cat: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in rows.iter().skip(1).filter(|r| r.len() >= 3) {
        if r[2].trim().len() >= 200 {
            by_cat.entry(r[1].clone()).or_default().push(r[2].clone());
        }
    }
    let mut rng = Rng::new(20261124);
    let (mut texts, mut cats): (Vec<String>, Vec<String>) = (vec![], vec![]);
    for (cat, mut v) in by_cat {
        let k = RESUMES_PER_CATEGORY.min(v.len());
        for i in 0..k {
            let j = i + rng.below(v.len() - i);
            v.swap(i, j);
        }
        for t in v.into_iter().take(k) {
            texts.push(t);
            cats.push(cat.clone());
        }
    }
    // As production sees an uploaded text file: extraction, then the profile.
    let parsed: Vec<hirekit_resume::Parsed> = texts
        .iter()
        .map(|t| parse_bytes(t.as_bytes(), "cv.txt", &Limits::default()).expect("text resume"))
        .collect();
    let cands: Vec<Candidate> = parsed
        .iter()
        .enumerate()
        .map(|(i, p)| Candidate {
            id: i.to_string(),
            text: &p.document.text,
            profile: &p.profile,
        })
        .collect();

    let all = job_postings(&dir);
    let mut jobs: Vec<(&str, String)> = Vec::new(); // (category, title + description)
    let mut per_cat: Vec<(&str, usize)> = Vec::new();
    for (cat, inc, exc) in CATEGORIES {
        if !cats.iter().any(|c| c == cat) {
            continue;
        }
        let inc = regex::Regex::new(&format!("(?i){inc}")).unwrap();
        let exc = (!exc.is_empty()).then(|| regex::Regex::new(&format!("(?i){exc}")).unwrap());
        let picked = pick(&all, &inc, exc.as_ref(), POSTINGS_PER_CATEGORY);
        per_cat.push((cat, picked.len()));
        for (src, t, d) in picked {
            if debug {
                println!("match {cat:<22} [{src:<10}] {t}");
            }
            jobs.push((cat, format!("{t}\n{d}")));
        }
    }
    assert!(!jobs.is_empty(), "no posting matched a category");

    let mut corpus: Vec<&str> = cands.iter().map(|c| c.text).collect();
    corpus.extend(jobs.iter().map(|(_, j)| j.as_str()));
    let tf = Tfidf::fit(&corpus);
    let rv: Vec<_> = cands.iter().map(|c| tf.vec(c.text)).collect();

    // With `--features embeddings` and HIREKIT_EMBEDDING_MODEL: hirekit with MiniLM too.
    let emb_opts = embedder().map(|e| Options {
        embedder: Some(e),
        ..Options::default()
    });
    let n = cands.len();
    let mut hk_emb = Scores::default();
    let (mut base, mut hk, mut hk_score) =
        (Scores::default(), Scores::default(), Scores::default());
    let (mut knocked, mut knocked_rel) = (0usize, 0usize);
    let t0 = std::time::Instant::now();
    for (cat, jd) in &jobs {
        let rel: Vec<bool> = cats.iter().map(|c| c == cat).collect();
        let jv = tf.vec(jd);
        let tk: Vec<f32> = rv.iter().map(|v| cos(v, &jv)).collect();
        base.push(&tk, &rel);
        let crit = Criteria::derive_from_text(jd);
        let (mut key, mut plain) = (vec![0f32; n], vec![0f32; n]);
        let (mut ko, mut ko_rel) = (0usize, 0usize);
        for s in rank(&crit, &cands, &Options::default()) {
            let i: usize = s.id.parse().unwrap();
            key[i] = s.score - if s.knocked_out { 1000.0 } else { 0.0 };
            plain[i] = s.score;
            ko += s.knocked_out as usize;
            ko_rel += (s.knocked_out && rel[i]) as usize;
        }
        knocked += ko;
        knocked_rel += ko_rel;
        hk.push(&key, &rel);
        hk_score.push(&plain, &rel);
        if let Some(o) = &emb_opts {
            let mut k = vec![0f32; n];
            for s in rank(&crit, &cands, o) {
                let i: usize = s.id.parse().unwrap();
                k[i] = s.score - if s.knocked_out { 1000.0 } else { 0.0 };
            }
            hk_emb.push(&k, &rel);
        }
        if debug {
            let title = jd.lines().next().unwrap_or_default();
            println!(
                "{cat:<22} tfidf {:.3} hk {:.3} nko {:.3} ko {ko:>3}/{ko_rel:>2}  {title:.45}  must: {}",
                base.ap.last().unwrap_or(&0.0),
                hk.ap.last().unwrap_or(&0.0),
                hk_score.ap.last().unwrap_or(&0.0),
                crit.must_have.iter().map(|r| r.label()).collect::<Vec<_>>().join("; ")
            );
            // What each system puts first: category (6 letters) and the resume's headline.
            let top = |k: &[f32]| {
                order_by(k)
                    .iter()
                    .take(3)
                    .map(|&i| {
                        let head = cands[i].text.lines().find(|l| !l.trim().is_empty());
                        let head: String =
                            head.unwrap_or_default().trim().chars().take(28).collect();
                        format!("{}:{head}", cats[i].get(..6).unwrap_or(&cats[i]))
                    })
                    .collect::<Vec<_>>()
                    .join(" | ")
            };
            println!("    tfidf top3: {}", top(&tk));
            println!("    hirekit top3: {}", top(&key));
        }
    }
    let took = t0.elapsed();

    let none: Vec<&str> = per_cat
        .iter()
        .filter(|(_, k)| *k == 0)
        .map(|(c, _)| *c)
        .collect();
    println!(
        "\n{n} resumes ({RESUMES_PER_CATEGORY} per category, seeded) in {} categories; {} postings in {} categories (none for: {}); hirekit ranked {} pairs in {took:.2?}, {knocked} knocked out ({knocked_rel} of them relevant); whole run {:.1?}",
        cats.iter().collect::<HashSet<_>>().len(),
        jobs.len(),
        per_cat.len() - none.len(),
        if none.is_empty() { "-".to_string() } else { none.join(", ") },
        jobs.len() * n,
        t_all.elapsed()
    );
    println!(
        "postings per category: {}",
        per_cat
            .iter()
            .filter(|(_, k)| *k > 0)
            .map(|(c, k)| format!("{c} {k}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "{:<28} {:>8} {:>8} {:>8}",
        "system", "NDCG@10", "P@10", "MAP"
    );
    let mut systems = vec![
        ("tf-idf cosine", &base),
        ("hirekit (no emb)", &hk),
        ("hirekit score, no knock-out", &hk_score),
    ];
    if emb_opts.is_some() {
        systems.push(("hirekit (+emb)", &hk_emb));
    }
    for (name, s) in &systems {
        println!(
            "{name:<28} {:>8.3} {:>8.3} {:>8.3}",
            mean(&s.ndcg),
            mean(&s.p10),
            mean(&s.ap)
        );
    }
    let prevalence: Vec<f32> = jobs
        .iter()
        .map(|(c, _)| cats.iter().filter(|x| x == c).count() as f32 / n as f32)
        .collect();
    let random = mean(&prevalence);
    println!(
        "{:<28} {:>8} {:>8.3} {:>8.3}",
        "random (expected)", "", random, random
    );
    let paired = |name: &str, a: &Scores, seed: u64| {
        for (metric, x, y) in [
            ("NDCG@10", &a.ndcg, &base.ndcg),
            ("P@10", &a.p10, &base.p10),
            ("MAP", &a.ap, &base.ap),
        ] {
            let d: Vec<f32> = x.iter().zip(y.iter()).map(|(p, q)| p - q).collect();
            let (m, lo, hi) = bootstrap_mean_ci(&d, seed);
            let wins = d.iter().filter(|&&v| v > 0.0).count();
            let losses = d.iter().filter(|&&v| v < 0.0).count();
            println!(
                "{name} − tf-idf {metric:<8} {m:+.3}  95% CI [{lo:+.3}, {hi:+.3}]  better on {wins}, worse on {losses} of {} postings",
                d.len()
            );
        }
    };
    paired("hirekit", &hk, 3);
    if emb_opts.is_some() {
        paired("hirekit (+emb)", &hk_emb, 5);
    }
    // Sanity only: each system finds the category far better than chance.
    for (name, s) in &systems {
        assert!(
            mean(&s.ap) > 2.0 * random,
            "{name} MAP {:.3} not above twice random {random:.3}",
            mean(&s.ap)
        );
    }
}
