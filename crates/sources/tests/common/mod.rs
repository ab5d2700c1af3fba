#![allow(dead_code)]

use hirekit_sources::{
    parse_document, parse_reader, Context, DocError, ItemError, SourceKind, SourcePosting,
};

pub fn fixture(name: &str) -> Vec<u8> {
    let p = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

pub fn ctx(source: &str, company: Option<&str>) -> Context {
    Context {
        source: source.into(),
        company: company.map(String::from),
    }
}

pub fn run(
    kind: SourceKind,
    bytes: &[u8],
    ctx: &Context,
) -> Result<(Vec<SourcePosting>, Vec<ItemError>), DocError> {
    let (mut ok, mut bad) = (Vec::new(), Vec::new());
    parse_document(kind, bytes, ctx, &mut |r| match r {
        Ok(p) => ok.push(p),
        Err(e) => bad.push(e),
    })?;
    Ok((ok, bad))
}

pub fn run_reader(
    kind: SourceKind,
    bytes: &[u8],
    ctx: &Context,
) -> Result<(Vec<SourcePosting>, Vec<ItemError>), DocError> {
    let (mut ok, mut bad) = (Vec::new(), Vec::new());
    let mut r = std::io::BufReader::with_capacity(7, bytes); // tiny buffer: exercise refills
    parse_reader(kind, &mut r, ctx, &mut |r| match r {
        Ok(p) => ok.push(p),
        Err(e) => bad.push(e),
    })?;
    Ok((ok, bad))
}

pub fn run_fixture(
    kind: SourceKind,
    name: &str,
    company: Option<&str>,
) -> (Vec<SourcePosting>, Vec<ItemError>) {
    run(kind, &fixture(name), &ctx(name, company)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub fn date(p: &Option<chrono::DateTime<chrono::Utc>>) -> String {
    p.map(|d| d.to_rfc3339()).unwrap_or_default()
}
