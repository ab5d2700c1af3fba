//! `html_to_text` on a ~3 KB HTML description, plain and Greenhouse double-escaped.
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use hirekit_model::text::html_to_text;

const BLOCK: &str = "<div class=\"content-intro\"><h2>About the role</h2><p>We&rsquo;re hiring a <strong>Senior \
Engineer</strong> to build reliable, fast services&nbsp;&mdash; from design to production.</p><ul><li>Design \
APIs &amp; data models</li><li>Own services on Kubernetes &#x2F; AWS</li><li>Mentor engineers</li></ul>\
<p>Salary: $150,000&ndash;$180,000 per year.<br>Benefits: health, dental &amp; vision.</p></div>";

fn bench(c: &mut Criterion) {
    let html: String = BLOCK.repeat(3_000 / BLOCK.len() + 1);
    let escaped = html
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    c.bench_function("html_to_text_3kb", |b| {
        b.iter(|| html_to_text(black_box(&html)))
    });
    c.bench_function("html_to_text_3kb_double_escaped", |b| {
        b.iter(|| html_to_text(black_box(&escaped)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
