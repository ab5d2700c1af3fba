//! hirekit-demo: writes a realistic, deterministic corpus of job postings as real feed files
//! in every format hirekit reads (Greenhouse, Lever, Ashby, Workable, SmartRecruiters,
//! Recruitee, Personio, Remote OK, RSS/Atom, JSON-LD pages, CSV, JSONL). `hirekit demo`
//! then ingests the folder through the real connectors.
//!
//! Same `seed` and `postings` → byte-identical files. The companies are the same for every
//! seed (so docs can name them); everything about the jobs depends on the seed.
//!
//! What the corpus holds:
//! - 120 invented companies, each with a home country, industry, size and an ATS (Greenhouse,
//!   Lever, Ashby, Workable, SmartRecruiters, Recruitee, Personio, or none: those reach us only
//!   through aggregators). Each board company's jobs are in its own board file.
//! - 17 role families with English and local-language titles (seniority words, "II"/"III",
//!   "(Go)", ", Payments", "(m/w/d)", "(H/F)"), seniorities intern → head, 18 countries with
//!   their cities, currencies and pay conventions; remote (with region limits), hybrid, on-site.
//! - Pay on ~57% of jobs, scaled by family × seniority × country, written the local way and
//!   placed in structured fields, in the text, or both, depending on what the format offers.
//! - Dates in the 60 days before [`REFERENCE_EPOCH`] (2026-11-01T00:00:00Z), never `now()`.
//! - Deliberate duplicates, counted in [`DemoReport::duplicates`]: ~5% cross-posted to a second
//!   source with another id/url, ~1% of board jobs reposted on the same board with a new id.
//! - Split: 55% boards (≤150k), 10% CSV (≤100k), 3% RSS, 2% Atom, 3% Remote OK, 2% JSON-LD
//!   pages (≤600), the rest JSONL, so millions of postings stay fast to write and ingest.

mod formats;
mod job;
mod pay;
mod rng;
mod text;
mod titles;
mod world;

use formats::{Rec, Sink};
use rng::Rng;
use std::io;
use std::path::{Path, PathBuf};
use world::{Ats, World};

pub use job::REFERENCE_EPOCH;

/// Default corpus size for `hirekit demo`.
pub const DEFAULT_POSTINGS: u64 = 20_000;

#[derive(Debug, Clone)]
pub struct DemoConfig {
    /// Total posting records to write, duplicates included.
    pub postings: u64,
    pub seed: u64,
    pub out_dir: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoFile {
    pub path: PathBuf,
    /// The `kind:` prefix of the connector that reads it: "greenhouse", "lever", "feed", …
    pub kind: &'static str,
    pub postings: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoReport {
    pub files: Vec<DemoFile>,
    /// Posting records written over all files (= `DemoConfig::postings`).
    pub postings: u64,
    /// Records that repeat a job already written: cross-posts (same job on a second source,
    /// different id/url) and reposts (same board, new id). Distinct jobs = postings − duplicates.
    pub duplicates: u64,
}

/// Share of jobs also posted on a second source, and reposted on the same board (percent).
const CROSS_POST_PCT: f64 = 5.0;
const REPOST_PCT: f64 = 1.0;

/// How many records each destination gets. Boards and small sources are capped so that very
/// large corpora go mostly to JSONL, which is the fastest to write and ingest.
#[derive(Debug, Clone, Copy)]
struct Quotas {
    boards: u64,
    /// Jsonl, Csv, Rss, Atom, RemoteOk, JsonLd.
    aggs: [u64; 6],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Agg {
    Jsonl,
    Csv,
    Rss,
    Atom,
    RemoteOk,
    JsonLd,
}

const AGGS: [Agg; 6] = [
    Agg::Jsonl,
    Agg::Csv,
    Agg::Rss,
    Agg::Atom,
    Agg::RemoteOk,
    Agg::JsonLd,
];

fn quotas(n: u64) -> Quotas {
    if n < 40 {
        // Too small to spread over every format: half on boards, half in JSONL.
        return Quotas {
            boards: n / 2,
            aggs: [n - n / 2, 0, 0, 0, 0, 0],
        };
    }
    let share = |pct: f64, cap: u64| ((n as f64 * pct / 100.0).round() as u64).clamp(1, cap);
    let boards = share(55.0, 150_000);
    let csv = share(10.0, 100_000);
    let rss = share(3.0, 5_000);
    let atom = share(2.0, 3_000);
    let remoteok = share(3.0, 3_000);
    let jsonld = share(2.0, 600);
    let jsonl = n - boards - csv - rss - atom - remoteok - jsonld;
    Quotas {
        boards,
        aggs: [jsonl, csv, rss, atom, remoteok, jsonld],
    }
}

/// Split the board records over companies with a board, by company weight (largest
/// remainder), with at least one record for the first company of each ATS.
fn board_counts(world: &World, total: u64) -> Vec<u64> {
    let mut counts = vec![0u64; world.companies.len()];
    let with_board: Vec<usize> = (0..world.companies.len())
        .filter(|&i| world.companies[i].ats != Ats::None)
        .collect();
    let mut left = total;
    for &i in with_board.iter().take(Ats::BOARDS.len()) {
        if left > 0 {
            counts[i] += 1;
            left -= 1;
        }
    }
    let wsum: f64 = with_board.iter().map(|&i| world.companies[i].weight).sum();
    let mut fracs: Vec<(f64, usize)> = Vec::with_capacity(with_board.len());
    let mut given = 0;
    for &i in &with_board {
        let exact = left as f64 * world.companies[i].weight / wsum;
        let whole = exact.floor() as u64;
        counts[i] += whole;
        given += whole;
        fracs.push((exact - whole as f64, i));
    }
    fracs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in fracs.into_iter().take((left - given) as usize) {
        counts[i] += 1;
    }
    counts
}

fn board_path(dir: &Path, c: &world::Company) -> PathBuf {
    let name = match c.ats {
        Ats::Greenhouse => format!("greenhouse-{}.json", c.token),
        Ats::Lever => format!("lever-{}.json", c.slug),
        Ats::Ashby => format!("ashby-{}.json", c.slug),
        Ats::Workable => format!("workable-{}.json", c.slug),
        Ats::SmartRecruiters => format!("smartrecruiters-{}.json", c.camel),
        Ats::Recruitee => format!("recruitee-{}.json", c.token),
        Ats::Personio => format!("personio-{}.xml", c.slug),
        Ats::None => format!("none-{}.json", c.slug),
    };
    dir.join(name)
}

fn open_board(path: &Path, c: &world::Company, total: u64) -> io::Result<Box<dyn Sink>> {
    use formats::*;
    Ok(match c.ats {
        Ats::Greenhouse => Box::new(greenhouse::Greenhouse::open(path, c, total)?),
        Ats::Lever => Box::new(lever::Lever::open(path, &c.slug)?),
        Ats::Ashby => Box::new(ashby::Ashby::open(path, &c.slug)?),
        Ats::Workable => Box::new(workable::Workable::open(path, c)?),
        Ats::SmartRecruiters => Box::new(smartrecruiters::SmartRecruiters::open(path, c, total)?),
        Ats::Recruitee => Box::new(recruitee::Recruitee::open(path, c)?),
        Ats::Personio => Box::new(personio::Personio::open(path, c)?),
        Ats::None => return Err(io::Error::other("company has no board")),
    })
}

/// Remove files an earlier demo run left in `dir` (only our own name patterns), so a
/// smaller corpus does not leave stale boards or pages behind.
fn clear_previous(dir: &Path) -> io::Result<()> {
    let ours = |name: &str| {
        let prefixed = [
            "greenhouse-",
            "lever-",
            "ashby-",
            "workable-",
            "smartrecruiters-",
            "recruitee-",
            "personio-",
            "rss-",
            "atom-",
        ]
        .iter()
        .any(|p| name.starts_with(p));
        (prefixed && (name.ends_with(".json") || name.ends_with(".xml")))
            || matches!(name, "remoteok.json" | "postings.csv" | "postings.jsonl")
    };
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        let name = e.file_name().to_string_lossy().into_owned();
        if e.file_type()?.is_file() && ours(&name) {
            std::fs::remove_file(e.path())?;
        }
    }
    let pages = dir.join("jsonld");
    if pages.is_dir() {
        for e in std::fs::read_dir(&pages)? {
            let e = e?;
            if e.file_type()?.is_file() && e.file_name().to_string_lossy().ends_with(".html") {
                std::fs::remove_file(e.path())?;
            }
        }
    }
    Ok(())
}

/// The open aggregator files and what is left to write to each.
struct Aggs {
    sinks: Vec<Option<Box<dyn Sink>>>,
    paths: Vec<PathBuf>,
    left: [u64; 6],
    /// Cross-posts each aggregator may still take: at most a third of it, so small sources
    /// keep mostly their own jobs (and JSON-LD its multi-posting pages).
    cross_left: [u64; 6],
    pages_dir: PathBuf,
    page_no: Vec<u32>,
    pages: Vec<DemoFile>,
}

impl Aggs {
    fn open(dir: &Path, q: &Quotas, companies: usize) -> io::Result<Aggs> {
        use formats::*;
        let built = REFERENCE_EPOCH;
        let paths = vec![
            dir.join("postings.jsonl"),
            dir.join("postings.csv"),
            dir.join("rss-hiredigest.xml"),
            dir.join("atom-devroles.xml"),
            dir.join("remoteok.json"),
            dir.join("jsonld"),
        ];
        let mut sinks: Vec<Option<Box<dyn Sink>>> = Vec::new();
        for (i, a) in AGGS.iter().enumerate() {
            if q.aggs[i] == 0 {
                sinks.push(None);
                continue;
            }
            let s: Box<dyn Sink> = match a {
                Agg::Jsonl => Box::new(jsonl::Jsonl::open(&paths[i])?),
                Agg::Csv => Box::new(csv::Csv::open(&paths[i])?),
                Agg::Rss => Box::new(feed::Rss::open(
                    &paths[i],
                    "HireDigest – Tech Jobs",
                    "hiredigest.net",
                    built,
                )?),
                Agg::Atom => Box::new(feed::Atom::open(
                    &paths[i],
                    "DevRoles: new engineering jobs",
                    "devroles.org",
                    built,
                )?),
                Agg::RemoteOk => Box::new(remoteok::RemoteOk::open(&paths[i], built)?),
                Agg::JsonLd => {
                    std::fs::create_dir_all(&paths[i])?;
                    sinks.push(None);
                    continue;
                }
            };
            sinks.push(Some(s));
        }
        Ok(Aggs {
            sinks,
            paths,
            left: q.aggs,
            cross_left: q.aggs.map(|n| n.div_ceil(3)),
            pages_dir: dir.join("jsonld"),
            page_no: vec![0; companies],
            pages: Vec::new(),
        })
    }

    fn total_left(&self) -> u64 {
        self.left.iter().sum()
    }

    /// Write `recs` (one record, or several of one company for a JSON-LD page) to `a`.
    fn put(&mut self, a: Agg, recs: &[Rec]) -> io::Result<()> {
        let i = a as usize;
        if a == Agg::JsonLd {
            let c = recs[0].company;
            let ci = recs[0].job.company;
            self.page_no[ci] += 1;
            let path = self
                .pages_dir
                .join(format!("{}-{}.html", c.slug, self.page_no[ci]));
            let n = formats::jsonld::write_page(&path, recs)?;
            self.pages.push(DemoFile {
                path,
                kind: "jsonld",
                postings: n,
            });
        } else if let Some(s) = self.sinks[i].as_mut() {
            for r in recs {
                s.put(r)?;
            }
        }
        self.left[i] -= recs.len() as u64;
        Ok(())
    }

    /// A second source for a job already written to `except`, or None when all are full.
    fn cross_target(&self, rng: &mut Rng, except: Option<Agg>, remote: bool) -> Option<Agg> {
        let options: Vec<Agg> = AGGS
            .iter()
            .copied()
            .filter(|&a| {
                Some(a) != except
                    && self.left[a as usize] > 0
                    && self.cross_left[a as usize] > 0
                    && (a != Agg::RemoteOk || remote)
            })
            .collect();
        (!options.is_empty()).then(|| *rng.pick(&options))
    }

    fn finish(self, files: &mut Vec<DemoFile>) -> io::Result<()> {
        for (i, s) in self.sinks.into_iter().enumerate() {
            if let Some(s) = s {
                let n = s.finish()?;
                let kind = match AGGS[i] {
                    Agg::Jsonl => "jsonl",
                    Agg::Csv => "csv",
                    Agg::Rss | Agg::Atom => "feed",
                    Agg::RemoteOk => "remoteok",
                    Agg::JsonLd => "jsonld",
                };
                files.push(DemoFile {
                    path: self.paths[i].clone(),
                    kind,
                    postings: n,
                });
            }
        }
        files.extend(self.pages);
        Ok(())
    }
}

/// Counts records and reports progress now and then.
struct Progress<'a> {
    done: u64,
    last: u64,
    f: &'a mut dyn FnMut(u64),
}

impl Progress<'_> {
    fn add(&mut self, n: u64) {
        self.done += n;
        if self.done - self.last >= 1000 {
            self.last = self.done;
            (self.f)(self.done);
        }
    }
}

/// Write the corpus; `progress(done_postings)` is called now and then for a progress bar.
pub fn generate(cfg: &DemoConfig, progress: &mut dyn FnMut(u64)) -> io::Result<DemoReport> {
    let world = World::new();
    let dir = cfg.out_dir.as_path();
    std::fs::create_dir_all(dir)?;
    clear_previous(dir)?;
    let q = quotas(cfg.postings);
    let mut rng = Rng::new(cfg.seed);
    let mut aggs = Aggs::open(dir, &q, world.companies.len())?;
    let mut files: Vec<DemoFile> = Vec::new();
    let mut prog = Progress {
        done: 0,
        last: 0,
        f: progress,
    };
    let mut seq: u64 = 0;
    let mut duplicates: u64 = 0;
    let mut next = |rng: &mut Rng| {
        seq += 1;
        (seq, rng.next_u64())
    };

    // Boards: one company at a time, so only one board file is open.
    for (ci, &count) in board_counts(&world, q.boards).iter().enumerate() {
        if count == 0 {
            continue;
        }
        let c = &world.companies[ci];
        let path = board_path(dir, c);
        let mut sink = open_board(&path, c, count)?;
        let mut left = count;
        while left > 0 {
            let mut job = job::make(&mut rng, &world, ci, false);
            let (s, k) = next(&mut rng);
            sink.put(&Rec {
                job: &job,
                company: c,
                seq: s,
                key: k,
            })?;
            left -= 1;
            prog.add(1);
            if rng.chance(CROSS_POST_PCT) {
                if let Some(a) = aggs.cross_target(&mut rng, None, job.is_remote()) {
                    aggs.cross_left[a as usize] -= 1;
                    let (s, k) = next(&mut rng);
                    aggs.put(
                        a,
                        &[Rec {
                            job: &job,
                            company: c,
                            seq: s,
                            key: k,
                        }],
                    )?;
                    duplicates += 1;
                    prog.add(1);
                }
            }
            if left > 0 && rng.chance(REPOST_PCT) {
                // Reposted a week or two later with a new id; the old one is still listed.
                job.posted =
                    (job.posted + rng.range(5, 20) as i64 * 86_400).min(REFERENCE_EPOCH - 3_600);
                job.updated = job.posted;
                let (s, k) = next(&mut rng);
                sink.put(&Rec {
                    job: &job,
                    company: c,
                    seq: s,
                    key: k,
                })?;
                left -= 1;
                duplicates += 1;
                prog.add(1);
            }
        }
        let n = sink.finish()?;
        files.push(DemoFile {
            path,
            kind: c.ats.kind(),
            postings: n,
        });
    }

    // Aggregators: companies without a board are three times as likely to appear here.
    let agg_weights: Vec<f64> = world
        .companies
        .iter()
        .map(|c| c.weight * if c.ats == Ats::None { 3.0 } else { 1.0 })
        .collect();
    while aggs.total_left() > 0 {
        let left: Vec<f64> = aggs.left.iter().map(|&x| x as f64).collect();
        let target = AGGS[rng.weighted(&left)];
        let ci = rng.weighted(&agg_weights);
        let c = &world.companies[ci];
        let mut jobs = vec![job::make(&mut rng, &world, ci, target == Agg::RemoteOk)];
        let room = aggs.left[target as usize];
        if target == Agg::JsonLd && room >= 2 && rng.chance(25.0) {
            // A careers page listing several openings at once.
            for _ in 0..rng.range(1, (room - 1).min(3)) {
                jobs.push(job::make(&mut rng, &world, ci, false));
            }
        }
        let recs: Vec<Rec> = jobs
            .iter()
            .map(|j| {
                let (s, k) = next(&mut rng);
                Rec {
                    job: j,
                    company: c,
                    seq: s,
                    key: k,
                }
            })
            .collect();
        aggs.put(target, &recs)?;
        prog.add(recs.len() as u64);
        if rng.chance(CROSS_POST_PCT) {
            if let Some(a) = aggs.cross_target(&mut rng, Some(target), jobs[0].is_remote()) {
                aggs.cross_left[a as usize] -= 1;
                let (s, k) = next(&mut rng);
                aggs.put(
                    a,
                    &[Rec {
                        job: &jobs[0],
                        company: c,
                        seq: s,
                        key: k,
                    }],
                )?;
                duplicates += 1;
                prog.add(1);
            }
        }
    }
    aggs.finish(&mut files)?;
    (prog.f)(prog.done);
    Ok(DemoReport {
        postings: prog.done,
        files,
        duplicates,
    })
}
