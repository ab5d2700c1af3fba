//! PDF resumes per second over the PDFs in ../shared/data/resumes/pdf (recursively):
//! `CARGO_TARGET_DIR=target-release cargo run --release -p hirekit-resume --example pdf_speed [DIR] [ROUNDS]`
//! Text extraction and profile parsing per file; `HIREKIT_THREADS` workers (default: all cores)
//! take files in turn, as a batch would.
use std::path::{Path, PathBuf};
use std::time::Instant;

fn pdfs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            pdfs(&p, out);
        } else if p.extension().is_some_and(|e| e == "pdf") {
            out.push(p);
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().map(PathBuf::from).unwrap_or_else(|| {
        let root = std::env::var_os("HIREKIT_SHARED_DATA")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
            });
        root.join("resumes/pdf")
    });
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let mut files = Vec::new();
    pdfs(&dir, &mut files);
    files.sort();
    if files.is_empty() {
        eprintln!("no PDFs under {}", dir.display());
        return;
    }
    let data: Vec<(String, Vec<u8>)> = files
        .iter()
        .filter_map(|p| Some((p.to_string_lossy().into_owned(), std::fs::read(p).ok()?)))
        .collect();
    let limits = hirekit_resume::Limits::default();
    let threads: usize = std::env::var("HIREKIT_THREADS")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let ok = std::sync::atomic::AtomicUsize::new(0);
    let total = data.len() * rounds;
    let t = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= total {
                    break;
                }
                let (name, bytes) = &data[i % data.len()];
                if hirekit_resume::parse_bytes(bytes, name, &limits).is_ok() {
                    ok.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
            });
        }
    });
    let ok = ok.into_inner();
    let failed = total - ok;
    let secs = t.elapsed().as_secs_f64();
    let n = data.len() * rounds;
    println!(
        "{} PDFs × {rounds} rounds, {threads} threads: {:.1} resumes/s (extract + profile), {:.1} ms wall each; {ok} ok, {failed} failed",
        data.len(),
        n as f64 / secs,
        1000.0 * secs / n as f64
    );
}
