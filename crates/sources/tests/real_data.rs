//! The CSV connector over real CSV exports in shared/data (read in place, never copied).
//! Expected counts were computed independently with Python's csv module (DictReader,
//! rows with a non-blank title column). Skips when the data is absent.
#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use hirekit_model::posting::{Period, RemotePolicy};
use hirekit_sources::SourceKind;
use std::path::PathBuf;

fn data_dir() -> Option<PathBuf> {
    let dir = std::env::var("HIREKIT_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    if dir.join("jobs").is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipping real-data test: {} not found (set HIREKIT_SHARED_DATA)",
            dir.display()
        );
        None
    }
}

fn csv_file(
    name: &str,
) -> Option<(
    Vec<hirekit_sources::SourcePosting>,
    Vec<hirekit_sources::ItemError>,
)> {
    let path = data_dir()?.join("jobs").join(name);
    let f = std::fs::File::open(&path).ok()?;
    let mut r = std::io::BufReader::new(f);
    let (mut ok, mut bad) = (Vec::new(), Vec::new());
    hirekit_sources::parse_reader(
        SourceKind::Csv,
        &mut r,
        &ctx(name, None),
        &mut |x| match x {
            Ok(p) => ok.push(p),
            Err(e) => bad.push(e),
        },
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"));
    Some((ok, bad))
}

#[test]
fn linkedin_sample() {
    let Some((ok, bad)) = csv_file("linkedin_2023_2024_sample_1000.csv") else {
        return;
    };
    assert_eq!((ok.len(), bad.len()), (1000, 0));
    assert_eq!(ok.iter().filter(|p| p.salary.is_some()).count(), 338);
    assert_eq!(
        ok.iter()
            .filter(|p| p.salary.as_ref().and_then(|s| s.period) == Some(Period::Year))
            .count(),
        221
    );
    assert_eq!(
        ok.iter()
            .filter(|p| p.remote == Some(RemotePolicy::Remote))
            .count(),
        184
    );
    assert_eq!(
        ok.iter().filter(|p| p.posted_at.is_some()).count(),
        1000,
        "listed_time epoch ms floats"
    );
    assert_eq!(ok.iter().filter(|p| p.apply_url.is_some()).count(), 221);
    assert!(ok.iter().all(|p| p
        .url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://www.linkedin.com/"))));
}

#[test]
fn other_csv_exports() {
    let cases = [
        ("adzuna_uk_2013_sample_2499.csv", 2498, 1),
        ("ats_startup_jobs_ashby_greenhouse_2025_08.csv", 932, 0),
        ("glassdoor_ds_jobs_2020_956.csv", 956, 0),
        ("nofluffjobs_pl_2022_1108.csv", 1108, 0),
        ("nyc_jobs_career_level_5198.csv", 5198, 0),
        // Its 4 title-less rows are entirely empty: skipped silently, not errors.
        ("linkedin_data_analyst_seniority_975.csv", 971, 0),
    ];
    for (name, want_ok, want_bad) in cases {
        let Some((ok, bad)) = csv_file(name) else {
            return;
        };
        assert_eq!((ok.len(), bad.len()), (want_ok, want_bad), "{name}");
        match name {
            "adzuna_uk_2013_sample_2499.csv" => {
                assert_eq!(ok.iter().filter(|p| p.salary_text.is_some()).count(), 2498);
                assert!(ok
                    .iter()
                    .all(|p| p.description_text.is_some() && !p.locations.is_empty()));
            }
            "ats_startup_jobs_ashby_greenhouse_2025_08.csv" => {
                assert_eq!(ok.iter().filter(|p| p.url.is_some()).count(), 932);
                assert_eq!(ok.iter().filter(|p| p.salary_text.is_some()).count(), 720);
            }
            "nofluffjobs_pl_2022_1108.csv" => {
                assert_eq!(ok.iter().filter(|p| p.salary.is_some()).count(), 1105);
                assert!(ok.iter().all(|p| p.seniority.is_some()));
            }
            "nyc_jobs_career_level_5198.csv" => {
                assert!(ok
                    .iter()
                    .all(|p| p.salary.as_ref().is_some_and(|s| s.period.is_some())));
            }
            _ => {}
        }
    }
}

/// Real Greenhouse `content` strings (entity-encoded HTML as the API returns it), wrapped
/// in the board API's shape: one decode must give real markup, never double-decoded text.
#[test]
fn greenhouse_real_content_decoded_once() {
    let Some(dir) = data_dir() else { return };
    let path = dir.join("jobs/greenhouse_lever_board_jobs_2025_11_480.json");
    let Ok(bytes) = std::fs::read(&path) else {
        return;
    };
    let all: Vec<serde_json::Value> = serde_json::from_slice(&bytes).unwrap();
    let jobs: Vec<serde_json::Value> = all
        .iter()
        .filter(|j| j["source"] == "greenhouse")
        .map(|j| {
            serde_json::json!({"id": j["id"], "title": j["title"], "content": j["description"],
                "absolute_url": j["url"], "location": {"name": j["locationName"]}})
        })
        .collect();
    let doc = serde_json::to_vec(&serde_json::json!({"jobs": jobs, "meta": {"total": jobs.len()}}))
        .unwrap();
    assert_eq!(
        hirekit_sources::detect(&doc, None),
        Some(SourceKind::Greenhouse)
    );
    let (ok, bad) = run(SourceKind::Greenhouse, &doc, &ctx("greenhouse:real", None)).unwrap();
    assert_eq!((ok.len(), bad.len()), (242, 0));
    for p in &ok {
        let h = p.description_html.as_deref().unwrap();
        assert!(
            h.trim_start().starts_with('<'),
            "{}: {}",
            p.title,
            &h[..h.len().min(80)]
        );
        assert!(
            !h.contains("&lt;p&gt;") && !h.contains("&lt;div"),
            "still encoded: {}",
            p.title
        );
    }
    // 137 of them contain "&amp;amp;" upstream: after one decode the HTML keeps "&amp;".
    let keeps_amp = ok
        .iter()
        .filter(|p| p.description_html.as_deref().unwrap().contains("&amp;"))
        .count();
    assert!(keeps_amp >= 137, "{keeps_amp}");
}
