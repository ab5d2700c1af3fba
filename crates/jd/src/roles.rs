//! Role facts the builder needs, resolved through [`role_info`].
//!
//! NOTE: the table below is a stand-in. On merge, `role_info` is replaced by a lookup in
//! `hirekit-roles` (`hirekit_roles::get(id)`), mapping `Role` onto [`RoleInfo`]; the
//! builder only ever calls `role_info`.
use hirekit_model::RoleFamily;

use crate::spec::FieldError;
use crate::JdError;

/// What the builder takes from the role library.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleInfo {
    /// Slug, e.g. `backend-engineer`.
    pub id: String,
    pub title: String,
    pub summary: String,
    pub responsibilities: Vec<String>,
    /// Pre-fills `must_have` when the spec gives none.
    pub hard_skills: Vec<String>,
    /// Pre-fills `nice_to_have` when the spec gives none.
    pub nice_skills: Vec<String>,
    pub role_family: RoleFamily,
}

struct Fallback {
    id: &'static str,
    title: &'static str,
    family: RoleFamily,
    summary: &'static str,
    resp: &'static [&'static str],
    hard: &'static [&'static str],
    nice: &'static [&'static str],
}

// Fallback table: replaced by hirekit-roles on merge.
const FALLBACK: &[Fallback] = &[
    Fallback {
        id: "backend-engineer",
        title: "Backend Engineer",
        family: RoleFamily::Backend,
        summary: "Designs, builds and runs the services and APIs behind the product.",
        resp: &[
            "Design and build reliable APIs and services",
            "Model data and own the storage layer of your services",
            "Keep services observable, tested and easy to operate",
            "Review code and share knowledge with the team",
        ],
        hard: &[
            "Production experience with a backend language such as Go, Java, Python or Rust",
            "SQL and relational database design",
            "Designing HTTP/JSON or gRPC APIs",
            "Automated testing and continuous integration",
        ],
        nice: &[
            "Kubernetes and containers",
            "Message queues such as Kafka",
            "Cloud platforms (AWS, GCP or Azure)",
        ],
    },
    Fallback {
        id: "frontend-engineer",
        title: "Frontend Engineer",
        family: RoleFamily::Frontend,
        summary: "Builds the fast, accessible interfaces people use every day.",
        resp: &[
            "Build user interfaces with designers and backend engineers",
            "Keep pages fast and accessible",
            "Write tests for components and user flows",
        ],
        hard: &[
            "TypeScript and modern JavaScript",
            "React or a similar component framework",
            "HTML, CSS and web accessibility",
        ],
        nice: &[
            "Design systems",
            "Web performance tooling",
            "Server-side rendering",
        ],
    },
    Fallback {
        id: "data-engineer",
        title: "Data Engineer",
        family: RoleFamily::DataEngineering,
        summary: "Builds the pipelines and models that turn raw data into trusted datasets.",
        resp: &[
            "Build and operate batch and streaming pipelines",
            "Model data for analytics and machine learning",
            "Monitor data quality and fix problems at the source",
        ],
        hard: &[
            "SQL",
            "Python",
            "A workflow scheduler such as Airflow",
            "Data warehouses such as Snowflake or BigQuery",
        ],
        nice: &["Spark", "Kafka", "dbt"],
    },
    Fallback {
        id: "site-reliability-engineer",
        title: "Site Reliability Engineer",
        family: RoleFamily::Devops,
        summary: "Keeps production reliable, observable and cheap to run.",
        resp: &[
            "Define and track service level objectives",
            "Automate infrastructure and deployments",
            "Lead incident response and blameless reviews",
        ],
        hard: &[
            "Linux",
            "Kubernetes",
            "Terraform or another infrastructure-as-code tool",
            "Monitoring with Prometheus or similar",
        ],
        nice: &[
            "A cloud platform (AWS, GCP or Azure)",
            "Go or Python for tooling",
        ],
    },
    Fallback {
        id: "engineering-manager",
        title: "Engineering Manager",
        family: RoleFamily::EngineeringManagement,
        summary: "Leads a team of engineers to deliver, grow and stay healthy.",
        resp: &[
            "Hire, coach and grow engineers",
            "Plan and deliver the team's roadmap with product partners",
            "Keep the team's delivery and on-call sustainable",
        ],
        hard: &[
            "Experience leading software engineers",
            "A background as a software engineer",
            "Running hiring and performance processes",
        ],
        nice: &["Managing managers", "Distributed teams"],
    },
];

/// The role ids known to [`role_info`].
pub fn role_ids() -> Vec<&'static str> {
    FALLBACK.iter().map(|r| r.id).collect()
}

/// Look a role up by id; an unknown id is a `role` field error listing close matches.
pub fn role_info(id: &str) -> Result<RoleInfo, JdError> {
    let key = id.trim().to_ascii_lowercase();
    match FALLBACK.iter().find(|r| r.id == key) {
        Some(r) => Ok(RoleInfo {
            id: r.id.into(),
            title: r.title.into(),
            summary: r.summary.into(),
            responsibilities: r.resp.iter().map(|s| s.to_string()).collect(),
            hard_skills: r.hard.iter().map(|s| s.to_string()).collect(),
            nice_skills: r.nice.iter().map(|s| s.to_string()).collect(),
            role_family: r.family,
        }),
        None => {
            let close = close_matches(&key, &role_ids());
            let hint = if close.is_empty() {
                format!("known roles: {}", role_ids().join(", "))
            } else {
                format!("did you mean {}?", close.join(", "))
            };
            Err(JdError::Invalid(vec![FieldError::new(
                "role",
                format!("unknown role {id:?}; {hint}"),
            )]))
        }
    }
}

/// Ids within a small edit distance of `key`, or sharing a word with it; best first.
pub(crate) fn close_matches(key: &str, ids: &[&'static str]) -> Vec<&'static str> {
    let mut scored: Vec<(usize, &'static str)> = ids
        .iter()
        .filter_map(|&id| {
            let d = edit_distance(key, id);
            let shares = key
                .split(['-', ' ', '_'])
                .any(|w| w.len() >= 3 && id.split('-').any(|p| p == w || p.starts_with(w)));
            (d <= 3 + id.len() / 6 || shares).then_some((d, id))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, id)| id).collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_role_lists_close_matches() {
        let e = role_info("backend-enginer").unwrap_err();
        assert_eq!(e.fields(), vec!["role"]);
        assert!(e.to_string().contains("backend-engineer"), "{e}");
        let e = role_info("backend").unwrap_err();
        assert!(e.to_string().contains("backend-engineer"), "{e}");
    }

    #[test]
    fn known_role_resolves() {
        let r = role_info("Data-Engineer").unwrap();
        assert_eq!(r.title, "Data Engineer");
        assert!(!r.hard_skills.is_empty());
    }
}
