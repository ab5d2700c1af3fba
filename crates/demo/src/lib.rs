//! Demo corpus generator (placeholder API while the generator is written on the `demo` branch).
use std::path::PathBuf;

pub struct DemoConfig {
    pub postings: u64,
    pub seed: u64,
    pub out_dir: PathBuf,
}
pub struct DemoFile {
    pub path: PathBuf,
    pub kind: &'static str,
    pub postings: u64,
}
pub struct DemoReport {
    pub files: Vec<DemoFile>,
    pub postings: u64,
    pub duplicates: u64,
}
pub fn generate(_cfg: &DemoConfig, _progress: &mut dyn FnMut(u64)) -> std::io::Result<DemoReport> {
    Err(std::io::Error::other("not implemented"))
}
