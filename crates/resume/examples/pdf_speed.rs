//! PDF resumes per second over the PDFs in ../shared/data/resumes/pdf (recursively):
//! `CARGO_TARGET_DIR=target-release cargo run --release -p hirekit-resume --example pdf_speed [DIR] [ROUNDS]`
//! Single-threaded: one file at a time, text extraction and profile parsing.
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
    let (mut ok, mut failed) = (0, 0);
    let t = Instant::now();
    for _ in 0..rounds {
        for (name, bytes) in &data {
            match hirekit_resume::parse_bytes(bytes, name, &limits) {
                Ok(_) => ok += 1,
                Err(_) => failed += 1,
            }
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let n = data.len() * rounds;
    println!(
        "{} PDFs × {rounds} rounds: {:.1} resumes/s (extract + profile, 1 thread), {:.1} ms each; {ok} ok, {failed} failed",
        data.len(),
        n as f64 / secs,
        1000.0 * secs / n as f64
    );
}
