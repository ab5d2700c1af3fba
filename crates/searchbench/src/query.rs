//! The workload's queries: `{"id": 0, "q": "intern", "filters": {"country": "US", "remote": true}}`.

use std::path::Path;

use anyhow::Context as _;
use serde::{Deserialize, Serialize};

/// 0–2 filters. Semantics (shared by every engine):
/// * `remote: Some(true)` → remote postings only (`Some(false)` → non-remote only);
/// * `salary_min_gte` → USD per year, see [`crate::SalaryRule`] for which bound is compared;
/// * `company_prefix` → the company name starts with it, case-insensitively;
/// * `country` → ISO 3166 alpha-2, the posting's primary (first) country.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filters {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salary_min_gte: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self == &Filters::default()
    }
}

/// One search: `q` is free text whose words are all required.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Query {
    pub id: u32,
    pub q: String,
    #[serde(default)]
    pub filters: Filters,
}

/// Read a queries JSONL file (blank lines ignored). Errors name the line.
pub fn load_queries(path: &Path) -> anyhow::Result<Vec<Query>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    parse_queries(&text).with_context(|| format!("in {}", path.display()))
}

pub fn parse_queries(text: &str) -> anyhow::Result<Vec<Query>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let q: Query =
            serde_json::from_str(line).with_context(|| format!("line {}: bad query", i + 1))?;
        if q.q.trim().is_empty() {
            anyhow::bail!("line {}: empty q", i + 1);
        }
        out.push(q);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_workload_lines() {
        let qs = parse_queries(
            "{\"id\": 0, \"q\": \"intern\", \"filters\": {\"country\": \"US\", \"remote\": true}}\n\n\
             {\"id\": 2, \"q\": \"data engineer\", \"filters\": {\"salary_min_gte\": 100000, \"company_prefix\": \"Lyft\"}}\n\
             {\"id\": 3, \"q\": \"cto\", \"filters\": {}}\n",
        )
        .expect("valid");
        assert_eq!(qs.len(), 3);
        assert_eq!(qs[0].filters.country.as_deref(), Some("US"));
        assert_eq!(qs[0].filters.remote, Some(true));
        assert_eq!(qs[1].filters.salary_min_gte, Some(100_000.0));
        assert_eq!(qs[1].filters.company_prefix.as_deref(), Some("Lyft"));
        assert!(qs[2].filters.is_empty());
    }

    #[test]
    fn rejects_bad_lines_with_their_number() {
        let e = parse_queries(
            "{\"id\":1,\"q\":\"a\"}\n{\"id\":2,\"q\":\"b\",\"filters\":{\"colour\":\"red\"}}",
        )
        .expect_err("unknown filter");
        assert!(format!("{e:#}").contains("line 2"), "{e:#}");
        assert!(parse_queries("{\"id\":1,\"q\":\"  \"}").is_err());
    }

    #[test]
    fn reads_the_shared_workload_when_present() {
        let path = std::env::var("HIREKIT_SHARED_DATA")
            .map(|d| std::path::PathBuf::from(d).join("../bench/queries_1000.jsonl"))
            .unwrap_or_else(|_| {
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../../../shared/bench/queries_1000.jsonl")
            });
        if !path.exists() {
            eprintln!("note: {} absent; skipped", path.display());
            return;
        }
        let qs = load_queries(&path).expect("workload parses");
        assert_eq!(qs.len(), 1000);
        assert!(qs.iter().all(|q| q.q.split_whitespace().count() <= 3));
    }
}
