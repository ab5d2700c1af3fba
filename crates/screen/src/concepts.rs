//! A requirement phrase ("SQL database", "a JVM language", "Kafka") → what satisfies it:
//! a set of canonical taxonomy skills, plus literal keywords searched in the text when the
//! phrase names nothing in the taxonomy.
//!
//! Parents come from two places: a hand-written table of generic phrases (below) whose
//! members are canonical skill names or whole taxonomy categories, and a few general rules
//! (a cloud vendor is satisfied by its services: "AWS" ← "Amazon S3", "AWS Lambda").

use hirekit_model::skills::{all_skills, canonical_skill, extract_skills};
use std::sync::OnceLock;

/// What satisfies one requirement alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct Concept {
    /// The phrase as the recruiter wrote it.
    pub label: String,
    /// Canonical skills that satisfy it; the first ones are the phrase itself.
    pub skills: Vec<&'static str>,
    /// Lowercase literal phrases searched word-bounded in the resume text.
    pub keywords: Vec<String>,
}

impl Concept {
    /// A short description of what was looked for, for "missed" evidence.
    pub fn looked_for(&self) -> String {
        let mut parts: Vec<String> = self.skills.iter().take(8).map(|s| s.to_string()).collect();
        if self.skills.len() > 8 {
            parts.push(format!("… ({} skills)", self.skills.len()));
        }
        for k in &self.keywords {
            if !parts.iter().any(|p| p.eq_ignore_ascii_case(k)) {
                parts.push(format!("\"{k}\""));
            }
        }
        parts.join(", ")
    }
}

/// Member of a generic phrase: one skill, or every skill of a taxonomy category.
enum M {
    S(&'static str),
    Cat(&'static str),
}
use M::{Cat, S};

const RELATIONAL: &[M] = &[
    S("SQL"),
    S("PostgreSQL"),
    S("MySQL"),
    S("MariaDB"),
    S("SQLite"),
    S("SQL Server"),
    S("Oracle Database"),
    S("IBM Db2"),
    S("Teradata"),
    S("Sybase"),
    S("CockroachDB"),
    S("TimescaleDB"),
    S("Amazon RDS"),
    S("Amazon Aurora"),
    S("Cloud Spanner"),
    S("PL/SQL"),
    S("T-SQL"),
    S("Supabase"),
];
const NOSQL: &[M] = &[
    S("NoSQL"),
    S("MongoDB"),
    S("Redis"),
    S("Cassandra"),
    S("ScyllaDB"),
    S("CouchDB"),
    S("Couchbase"),
    S("DynamoDB"),
    S("Neo4j"),
    S("Firestore"),
    S("Cosmos DB"),
    S("HBase"),
    S("Bigtable"),
    S("Elasticsearch"),
    S("Memcached"),
];
const JVM: &[M] = &[
    S("Java"),
    S("Kotlin"),
    S("Scala"),
    S("Clojure"),
    S("Groovy"),
];
const DOTNET_LANG: &[M] = &[S("C#"), S("F#"), S("Visual Basic")];
const SCRIPTING: &[M] = &[
    S("Python"),
    S("Ruby"),
    S("Perl"),
    S("Bash"),
    S("Shell scripting"),
    S("PowerShell"),
    S("Lua"),
    S("JavaScript"),
    S("PHP"),
    S("Groovy"),
    S("Tcl"),
];
const FUNCTIONAL: &[M] = &[
    S("Functional programming"),
    S("Haskell"),
    S("Scala"),
    S("Clojure"),
    S("Elixir"),
    S("Erlang"),
    S("F#"),
    S("OCaml"),
    S("Elm"),
    S("Lisp"),
    S("Racket"),
    S("Scheme"),
];
const SYSTEMS: &[M] = &[
    S("C"),
    S("C++"),
    S("Rust"),
    S("Go"),
    S("Zig"),
    S("Assembly"),
];
const FRONTEND_FW: &[M] = &[
    S("React"),
    S("Angular"),
    S("Vue.js"),
    S("Svelte"),
    S("Ember.js"),
    S("Backbone.js"),
    S("Next.js"),
    S("Nuxt"),
    S("Aurelia"),
    S("Remix"),
    S("Gatsby"),
];
const BACKEND_FW: &[M] = &[
    S("Django"),
    S("Flask"),
    S("FastAPI"),
    S("Spring"),
    S("Spring Boot"),
    S("Ruby on Rails"),
    S("Laravel"),
    S("Symfony"),
    S("Express"),
    S("NestJS"),
    S("ASP.NET"),
    S("Phoenix"),
    S("Gin"),
    S("Actix"),
    S("Axum"),
    S("Quarkus"),
    S("Micronaut"),
    S("Node.js"),
    S("Koa"),
    S("Fastify"),
];
const MESSAGING: &[M] = &[
    S("Message queues"),
    S("Kafka"),
    S("RabbitMQ"),
    S("ActiveMQ"),
    S("NATS"),
    S("Amazon SQS"),
    S("Amazon SNS"),
    S("Amazon Kinesis"),
    S("Pub/Sub"),
];
const CONTAINERS: &[M] = &[
    S("Containerization"),
    S("Docker"),
    S("Kubernetes"),
    S("OpenShift"),
    S("Amazon ECS"),
    S("Amazon EKS"),
    S("AWS Fargate"),
];
const ORCHESTRATION: &[M] = &[
    S("Kubernetes"),
    S("OpenShift"),
    S("Nomad"),
    S("Amazon ECS"),
    S("Amazon EKS"),
    S("Azure Kubernetes Service"),
    S("Google Kubernetes Engine"),
    S("Rancher"),
];
const CICD: &[M] = &[
    S("CI/CD"),
    S("Jenkins"),
    S("GitHub Actions"),
    S("GitLab CI"),
    S("CircleCI"),
    S("Travis CI"),
    S("TeamCity"),
    S("Bamboo"),
    S("Argo CD"),
    S("Flux CD"),
    S("Azure DevOps"),
    S("Spinnaker"),
    S("Octopus Deploy"),
];
const IAC: &[M] = &[
    S("Infrastructure as Code"),
    S("Terraform"),
    S("Pulumi"),
    S("AWS CloudFormation"),
    S("AWS CDK"),
    S("Ansible"),
    S("Chef"),
    S("Puppet"),
    S("SaltStack"),
];
const VCS: &[M] = &[
    S("Git"),
    S("GitHub"),
    S("GitLab"),
    S("Bitbucket"),
    S("Subversion"),
    S("Mercurial"),
];
const MONITORING: &[M] = &[
    S("Observability"),
    S("Prometheus"),
    S("Grafana"),
    S("Datadog"),
    S("New Relic"),
    S("Splunk"),
    S("OpenTelemetry"),
    S("Jaeger"),
    S("Sentry"),
    S("Kibana"),
    S("Nagios"),
    S("Zabbix"),
    S("Dynatrace"),
    S("AppDynamics"),
    S("Amazon CloudWatch"),
];
const DL_FW: &[M] = &[
    S("Deep learning"),
    S("TensorFlow"),
    S("PyTorch"),
    S("Keras"),
    S("JAX"),
];
const BI: &[M] = &[
    S("Data visualization"),
    S("Tableau"),
    S("Power BI"),
    S("Looker"),
    S("Qlik"),
    S("Metabase"),
    S("Apache Superset"),
    S("Cognos"),
    S("MicroStrategy"),
    S("SSRS"),
];
const BIG_DATA: &[M] = &[
    S("Big data"),
    S("Apache Spark"),
    S("PySpark"),
    S("Hadoop"),
    S("Apache Hive"),
    S("Apache Flink"),
    S("Databricks"),
    S("Apache Beam"),
    S("Amazon EMR"),
    S("Google Cloud Dataproc"),
];
const ETL: &[M] = &[
    S("ETL"),
    S("Apache Airflow"),
    S("dbt"),
    S("SSIS"),
    S("Informatica"),
    S("Talend"),
    S("AWS Glue"),
    S("Azure Data Factory"),
    S("Dagster"),
    S("Prefect"),
    S("Luigi"),
    S("Fivetran"),
    S("Airbyte"),
];
const DWH: &[M] = &[
    S("Data warehousing"),
    S("Snowflake"),
    S("Amazon Redshift"),
    S("BigQuery"),
    S("Teradata"),
    S("Azure Synapse"),
    S("ClickHouse"),
];
const LINUX: &[M] = &[
    S("Linux"),
    S("Unix"),
    S("Ubuntu"),
    S("Debian"),
    S("CentOS"),
    S("Red Hat Enterprise Linux"),
    S("Embedded Linux"),
];
const AGILE: &[M] = &[S("Agile"), S("Scrum"), S("Kanban"), S("SAFe")];
const APIS: &[M] = &[
    S("REST"),
    S("GraphQL"),
    S("gRPC"),
    S("SOAP"),
    S("API design"),
];
const MS_STACK: &[M] = &[
    S(".NET"),
    S("ASP.NET"),
    S("C#"),
    S("SQL Server"),
    S("Entity Framework"),
    S("Microsoft Azure"),
    S("Blazor"),
    S("WPF"),
];
const OOP: &[M] = &[
    S("Object-oriented programming"),
    S("Java"),
    S("C#"),
    S("C++"),
    S("Python"),
    S("Ruby"),
    S("Kotlin"),
    S("Scala"),
    S("Swift"),
    S("Objective-C"),
];
const IOS: &[M] = &[
    S("iOS"),
    S("Swift"),
    S("Objective-C"),
    S("SwiftUI"),
    S("UIKit"),
];
const ANDROID: &[M] = &[S("Android"), S("Jetpack Compose")];
const MOBILE: &[M] = &[Cat("mobile"), S("Swift"), S("Objective-C")];
const WEB_FRONT: &[M] = &[
    S("HTML"),
    S("CSS"),
    S("JavaScript"),
    S("TypeScript"),
    S("React"),
    S("Angular"),
    S("Vue.js"),
    S("Svelte"),
    Cat("frontend"),
];
const LANGS: &[M] = &[Cat("language")];
const CLOUD: &[M] = &[Cat("cloud"), S("Cloud computing")];
const DATABASES: &[M] = &[Cat("database"), S("SQL")];
const ML: &[M] = &[Cat("ml")];
const TESTING: &[M] = &[Cat("testing"), S("TDD"), S("BDD")];
const SECURITY: &[M] = &[Cat("security")];

/// Generic requirement phrases (lowercase, filler words removed) → what satisfies them.
const GENERIC: &[(&[&str], &[M])] = &[
    (
        &[
            "sql database",
            "relational database",
            "rdbms",
            "relational databases",
            "sql databases",
            "relational db",
            "sql db",
        ],
        RELATIONAL,
    ),
    (
        &[
            "nosql database",
            "nosql databases",
            "document database",
            "document store",
            "key-value store",
            "non-relational database",
        ],
        NOSQL,
    ),
    (
        &[
            "database",
            "databases",
            "db",
            "data storage",
            "datastore",
            "data store",
        ],
        DATABASES,
    ),
    (
        &[
            "cloud",
            "cloud platform",
            "cloud platforms",
            "public cloud",
            "cloud provider",
            "cloud providers",
            "cloud services",
            "cloud infrastructure",
            "cloud environment",
            "cloud environments",
        ],
        CLOUD,
    ),
    (
        &["jvm language", "jvm", "jvm languages", "jvm-based language"],
        JVM,
    ),
    (&[".net language", ".net languages"], DOTNET_LANG),
    (
        &["scripting language", "scripting languages", "scripting"],
        SCRIPTING,
    ),
    (
        &[
            "programming language",
            "programming languages",
            "general purpose language",
            "general-purpose programming language",
            "modern programming language",
        ],
        LANGS,
    ),
    (
        &[
            "functional language",
            "functional languages",
            "functional programming language",
        ],
        FUNCTIONAL,
    ),
    (
        &[
            "systems language",
            "systems programming",
            "systems programming language",
            "low-level language",
        ],
        SYSTEMS,
    ),
    (
        &[
            "frontend framework",
            "front-end framework",
            "front end framework",
            "javascript framework",
            "javascript frameworks",
            "js framework",
            "spa framework",
            "modern javascript framework",
            "frontend frameworks",
            "front-end frameworks",
        ],
        FRONTEND_FW,
    ),
    (
        &[
            "backend framework",
            "back-end framework",
            "web framework",
            "web frameworks",
            "server-side framework",
        ],
        BACKEND_FW,
    ),
    (
        &[
            "message broker",
            "message brokers",
            "message queue",
            "messaging",
            "messaging system",
            "messaging systems",
            "event streaming",
            "streaming platform",
            "pub/sub messaging",
            "queueing",
            "queues",
        ],
        MESSAGING,
    ),
    (&["containers", "container", "containerisation"], CONTAINERS),
    (&["container orchestration", "orchestration"], ORCHESTRATION),
    (
        &[
            "continuous integration",
            "continuous delivery",
            "continuous deployment",
            "ci/cd pipelines",
            "ci/cd pipeline",
            "ci",
            "build pipelines",
        ],
        CICD,
    ),
    (&["iac", "infrastructure-as-code"], IAC),
    (
        &[
            "version control",
            "source control",
            "vcs",
            "version control system",
        ],
        VCS,
    ),
    (
        &["monitoring", "observability", "logging and monitoring"],
        MONITORING,
    ),
    (
        &[
            "deep learning framework",
            "deep learning frameworks",
            "dl framework",
        ],
        DL_FW,
    ),
    (
        &[
            "bi tool",
            "bi tools",
            "business intelligence",
            "data visualization tool",
            "data visualization tools",
            "reporting tools",
            "dashboards",
        ],
        BI,
    ),
    (&["big data technologies", "big data tools"], BIG_DATA),
    (
        &[
            "data pipeline",
            "data pipelines",
            "etl tool",
            "etl tools",
            "elt",
        ],
        ETL,
    ),
    (
        &[
            "data warehouse",
            "data warehouses",
            "dwh",
            "cloud data warehouse",
        ],
        DWH,
    ),
    (&["linux/unix", "unix/linux", "*nix"], LINUX),
    (
        &["agile methodologies", "agile methodology", "agile/scrum"],
        AGILE,
    ),
    (
        &[
            "api",
            "apis",
            "web services",
            "web service",
            "restful apis",
            "restful api",
            "restful services",
            "rest apis",
            "api development",
        ],
        APIS,
    ),
    (
        &[
            "microsoft stack",
            ".net stack",
            "microsoft technology stack",
            "microsoft technologies",
        ],
        MS_STACK,
    ),
    (
        &[
            "oop",
            "object oriented programming",
            "object-oriented language",
            "object oriented language",
            "object-oriented design",
            "object oriented design",
            "ood",
        ],
        OOP,
    ),
    (&["ios development"], IOS),
    (&["android development"], ANDROID),
    (
        &[
            "mobile development",
            "mobile",
            "mobile apps",
            "mobile applications",
        ],
        MOBILE,
    ),
    (
        &[
            "frontend",
            "front-end",
            "front end",
            "frontend development",
            "front-end development",
            "web development",
        ],
        WEB_FRONT,
    ),
    (&["ml", "machine learning frameworks", "ai/ml", "ml/ai"], ML),
    (
        &[
            "testing",
            "automated testing",
            "testing frameworks",
            "testing framework",
            "test frameworks",
            "automated tests",
        ],
        TESTING,
    ),
    (
        &["security", "information security", "cybersecurity"],
        SECURITY,
    ),
];

/// Canonical skills that also satisfy a more general canonical skill.
const CHILDREN: &[(&str, &[M])] = &[
    ("SQL", RELATIONAL),
    ("NoSQL", NOSQL),
    ("Cloud computing", CLOUD),
    ("Machine learning", ML),
    ("Deep learning", DL_FW),
    ("Message queues", MESSAGING),
    ("CI/CD", CICD),
    ("Containerization", CONTAINERS),
    ("Infrastructure as Code", IAC),
    ("Observability", MONITORING),
    ("Data visualization", BI),
    ("Big data", BIG_DATA),
    ("ETL", ETL),
    ("Data warehousing", DWH),
    ("Linux", LINUX),
    ("Unix", LINUX),
    ("Agile", AGILE),
    ("Object-oriented programming", OOP),
    ("iOS", IOS),
    ("Android", ANDROID),
    ("Functional programming", FUNCTIONAL),
    ("JavaScript", &[S("TypeScript")]),
    ("Spring", &[S("Spring Boot")]),
    ("Apache Spark", &[S("PySpark")]),
    (
        ".NET",
        &[
            S("ASP.NET"),
            S("C#"),
            S("F#"),
            S("Entity Framework"),
            S("Blazor"),
            S("WPF"),
        ],
    ),
    (
        "Unit testing",
        &[
            S("JUnit"),
            S("TestNG"),
            S("pytest"),
            S("unittest"),
            S("Jest"),
            S("Mocha"),
            S("Vitest"),
            S("RSpec"),
            S("XCTest"),
            S("Jasmine"),
            S("TDD"),
        ],
    ),
    (
        "Test automation",
        &[
            S("Selenium"),
            S("Cypress"),
            S("Playwright"),
            S("Puppeteer"),
            S("Appium"),
            S("Robot Framework"),
            S("Cucumber"),
            S("Selenium Grid"),
        ],
    ),
    (
        "Kubernetes",
        &[
            S("OpenShift"),
            S("Amazon EKS"),
            S("Azure Kubernetes Service"),
            S("Google Kubernetes Engine"),
            S("Rancher"),
        ],
    ),
    ("Elasticsearch", &[S("OpenSearch")]),
    ("Microservices", &[S("Service-oriented architecture")]),
];

/// Filler around the thing asked for: "experience with X", "strong X skills".
const FILLER_PREFIX: &[&str] = &[
    "experience with ",
    "experience in ",
    "experience of ",
    "experienced in ",
    "experienced with ",
    "hands-on experience with ",
    "hands on experience with ",
    "knowledge of ",
    "working knowledge of ",
    "familiarity with ",
    "familiar with ",
    "proficiency in ",
    "proficiency with ",
    "proficient in ",
    "proficient with ",
    "expertise in ",
    "expert in ",
    "understanding of ",
    "background in ",
    "skills in ",
    "at least one ",
    "any ",
    "a ",
    "an ",
    "one ",
    "some ",
    "modern ",
    "strong ",
    "solid ",
    "good ",
    "deep ",
    "major ",
];
const FILLER_SUFFIX: &[&str] = &[
    " experience",
    " skills",
    " knowledge",
    " proficiency",
    " expertise",
    " background",
    " technologies",
    " technology",
    " tools",
    " tooling",
    " platform",
    " development",
    " programming",
];

fn core_phrase(s: &str) -> String {
    let mut p = s
        .trim()
        .trim_matches(|c: char| c == '.' || c == ',' || c == ';' || c == ':' || c == '"')
        .to_lowercase();
    p = p.split_whitespace().collect::<Vec<_>>().join(" ");
    loop {
        let before = p.len();
        for f in FILLER_PREFIX {
            if let Some(rest) = p.strip_prefix(f) {
                p = rest.to_string();
            }
        }
        if p.len() == before {
            break;
        }
    }
    p
}

fn expand(members: &[M], out: &mut Vec<&'static str>) {
    for m in members {
        match m {
            S(name) => push_skill(out, name),
            Cat(cat) => {
                for s in all_skills() {
                    if s.category == *cat {
                        push_unique(out, s.name);
                    }
                }
            }
        }
    }
}

fn push_unique(out: &mut Vec<&'static str>, s: &'static str) {
    if !out.contains(&s) {
        out.push(s);
    }
}

/// Pushes a canonical skill (checked against the taxonomy, so a typo in the tables above
/// cannot silently match nothing) and what it covers.
fn push_skill(out: &mut Vec<&'static str>, name: &str) {
    if let Some(c) = canonical_skill(name) {
        push_unique(out, c);
    }
}

/// Services of a cloud vendor satisfy the vendor: "AWS" ← "Amazon S3", "AWS Lambda".
fn vendor_children(canonical: &str) -> &'static [&'static str] {
    static TABLE: OnceLock<Vec<(&'static str, Vec<&'static str>)>> = OnceLock::new();
    let t = TABLE.get_or_init(|| {
        let prefixes: [(&str, &[&str]); 3] = [
            ("AWS", &["Amazon ", "AWS "]),
            ("Microsoft Azure", &["Azure "]),
            (
                "Google Cloud",
                &[
                    "Google ",
                    "BigQuery",
                    "Bigtable",
                    "Cloud Spanner",
                    "Firestore",
                    "Vertex AI",
                    "Pub/Sub",
                ],
            ),
        ];
        prefixes
            .iter()
            .map(|(vendor, pre)| {
                let kids = all_skills()
                    .iter()
                    .filter(|s| {
                        s.name != *vendor
                            && pre.iter().any(|p| s.name.starts_with(p))
                            && !s.name.starts_with("Google Analytics")
                            && !s.name.starts_with("Google Workspace")
                    })
                    .map(|s| s.name)
                    .collect();
                (*vendor, kids)
            })
            .collect()
    });
    t.iter()
        .find(|(v, _)| *v == canonical)
        .map(|(_, k)| k.as_slice())
        .unwrap_or(&[])
}

fn add_with_children(out: &mut Vec<&'static str>, canonical: &'static str) {
    push_unique(out, canonical);
    if let Some((_, kids)) = CHILDREN.iter().find(|(p, _)| *p == canonical) {
        expand(kids, out);
    }
    for k in vendor_children(canonical) {
        push_unique(out, k);
    }
}

fn strip_suffixes(p: &str) -> Option<String> {
    for f in FILLER_SUFFIX {
        if let Some(rest) = p.strip_suffix(f) {
            if !rest.trim().is_empty() {
                return Some(rest.trim().to_string());
            }
        }
    }
    None
}

fn generic(p: &str) -> Option<&'static [M]> {
    GENERIC
        .iter()
        .find(|(names, _)| names.contains(&p))
        .map(|(_, m)| *m)
}

/// Generic requirement phrases of two or more words ("SQL database", "cloud platform"), for
/// spotting them in job descriptions. Longest first, so "cloud data warehouse" wins over
/// "data warehouse".
pub fn generic_phrases() -> &'static [&'static str] {
    static P: OnceLock<Vec<&'static str>> = OnceLock::new();
    P.get_or_init(|| {
        let mut v: Vec<&'static str> = GENERIC
            .iter()
            .flat_map(|(names, _)| names.iter().copied())
            .filter(|n| n.contains(' ') && n.len() >= 6)
            .collect();
        v.sort_by_key(|n| std::cmp::Reverse(n.len()));
        v
    })
}

/// Resolves one alternative ("SQL database", "Kafka", "distributed tracing").
pub fn resolve(phrase: &str) -> Concept {
    let label = phrase.trim().to_string();
    let p = core_phrase(phrase);
    let mut skills = Vec::new();
    let mut keywords = Vec::new();
    if p.is_empty() || p.len() > 200 {
        return Concept {
            label,
            skills,
            keywords,
        };
    }
    let candidates = std::iter::once(p.clone()).chain(strip_suffixes(&p));
    for c in candidates {
        if let Some(canon) = canonical_skill(&c) {
            add_with_children(&mut skills, canon);
            break;
        }
        if let Some(m) = generic(&c) {
            expand(m, &mut skills);
            break;
        }
    }
    if skills.is_empty() {
        // A longer phrase naming skills ("PostgreSQL 12 in production"): those skills, all
        // acceptable (the recruiter can split it into alternatives if they meant "and").
        for m in extract_skills(phrase) {
            add_with_children(&mut skills, m.skill);
        }
    }
    if skills.is_empty() {
        keywords.push(p.clone());
        if let Some(s) = strip_suffixes(&p) {
            if s.len() >= 3 {
                keywords.push(s);
            }
        }
    }
    Concept {
        label,
        skills,
        keywords,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_name_is_in_the_taxonomy() {
        let all = GENERIC
            .iter()
            .map(|(_, m)| *m)
            .chain(CHILDREN.iter().map(|(_, m)| *m));
        for ms in all {
            for m in ms {
                if let S(n) = m {
                    assert!(canonical_skill(n).is_some(), "{n} not in taxonomy");
                }
            }
        }
        for (p, _) in CHILDREN {
            assert_eq!(canonical_skill(p), Some(*p), "{p} not canonical");
        }
    }

    #[test]
    fn parents() {
        assert!(resolve("SQL database").skills.contains(&"PostgreSQL"));
        assert!(resolve("relational databases").skills.contains(&"MySQL"));
        assert!(resolve("cloud").skills.contains(&"AWS"));
        assert!(resolve("a JVM language").skills.contains(&"Kotlin"));
        assert!(resolve("AWS").skills.contains(&"Amazon S3"));
        assert!(resolve("experience with Kafka").skills == vec!["Kafka"]);
        let k = resolve("distributed tracing");
        assert!(k.skills.is_empty());
        assert_eq!(k.keywords, vec!["distributed tracing"]);
    }
}
