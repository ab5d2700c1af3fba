//! `years-exceed-technology-age`: "10+ years of Kubernetes" when Kubernetes is younger than
//! that. Years are the first public release (the earliest date anyone could have started),
//! so the rule errs towards silence.
use std::sync::LazyLock;

use regex::Regex;

/// (name as matched, lower case; canonical name; first public release year)
pub const TECH: &[(&str, &str, i32)] = &[
    ("kubernetes", "Kubernetes", 2014),
    ("k8s", "Kubernetes", 2014),
    ("docker", "Docker", 2013),
    ("openshift", "OpenShift", 2011),
    ("terraform", "Terraform", 2014),
    ("pulumi", "Pulumi", 2018),
    ("ansible", "Ansible", 2012),
    ("helm", "Helm", 2016),
    ("istio", "Istio", 2017),
    ("argo cd", "Argo CD", 2018),
    ("argocd", "Argo CD", 2018),
    ("prometheus", "Prometheus", 2012),
    ("grafana", "Grafana", 2014),
    ("datadog", "Datadog", 2010),
    ("elasticsearch", "Elasticsearch", 2010),
    ("mongodb", "MongoDB", 2009),
    ("cassandra", "Cassandra", 2008),
    ("redis", "Redis", 2009),
    ("dynamodb", "DynamoDB", 2012),
    ("cosmos db", "Cosmos DB", 2017),
    ("cosmosdb", "Cosmos DB", 2017),
    ("cockroachdb", "CockroachDB", 2015),
    ("snowflake", "Snowflake", 2014),
    ("databricks", "Databricks", 2013),
    ("bigquery", "BigQuery", 2010),
    ("redshift", "Redshift", 2012),
    ("apache spark", "Spark", 2010),
    ("spark", "Spark", 2010),
    ("pyspark", "Spark", 2010),
    ("hadoop", "Hadoop", 2006),
    ("kafka", "Kafka", 2011),
    ("apache kafka", "Kafka", 2011),
    ("flink", "Flink", 2011),
    ("airflow", "Airflow", 2015),
    ("apache airflow", "Airflow", 2015),
    ("dbt", "dbt", 2016),
    ("delta lake", "Delta Lake", 2019),
    ("iceberg", "Apache Iceberg", 2017),
    ("dagster", "Dagster", 2018),
    ("fivetran", "Fivetran", 2012),
    ("tensorflow", "TensorFlow", 2015),
    ("pytorch", "PyTorch", 2016),
    ("keras", "Keras", 2015),
    ("scikit-learn", "scikit-learn", 2007),
    ("jax", "JAX", 2018),
    ("hugging face", "Hugging Face", 2016),
    ("langchain", "LangChain", 2022),
    ("llms", "LLMs", 2018),
    ("llm", "LLMs", 2018),
    ("large language models", "LLMs", 2018),
    ("chatgpt", "ChatGPT", 2022),
    ("mlflow", "MLflow", 2018),
    ("kubeflow", "Kubeflow", 2018),
    ("sagemaker", "SageMaker", 2017),
    ("vertex ai", "Vertex AI", 2021),
    ("aws", "AWS", 2006),
    ("amazon web services", "AWS", 2006),
    ("azure", "Azure", 2010),
    ("microsoft azure", "Azure", 2010),
    ("gcp", "Google Cloud", 2008),
    ("google cloud", "Google Cloud", 2008),
    ("google cloud platform", "Google Cloud", 2008),
    ("aws lambda", "AWS Lambda", 2014),
    ("eks", "Amazon EKS", 2018),
    ("gke", "GKE", 2015),
    ("aks", "AKS", 2018),
    ("fargate", "Fargate", 2017),
    ("cloudformation", "CloudFormation", 2011),
    ("github actions", "GitHub Actions", 2018),
    ("gitlab", "GitLab", 2011),
    ("gitlab ci", "GitLab CI", 2012),
    ("circleci", "CircleCI", 2011),
    ("jenkins", "Jenkins", 2011),
    ("git", "Git", 2005),
    ("github", "GitHub", 2008),
    ("swiftui", "SwiftUI", 2019),
    ("jetpack compose", "Jetpack Compose", 2019),
    ("android", "Android", 2008),
    ("ios", "iOS", 2007),
    ("xamarin", "Xamarin", 2011),
    ("flutter", "Flutter", 2017),
    ("dart", "Dart", 2011),
    ("kotlin", "Kotlin", 2011),
    ("react native", "React Native", 2015),
    ("scala", "Scala", 2004),
    ("clojure", "Clojure", 2007),
    ("elixir", "Elixir", 2012),
    ("julia", "Julia", 2012),
    ("golang", "Go", 2009),
    ("go", "Go", 2009),
    ("rust", "Rust", 2010),
    ("zig", "Zig", 2016),
    ("webassembly", "WebAssembly", 2017),
    ("typescript", "TypeScript", 2012),
    ("node.js", "Node.js", 2009),
    ("nodejs", "Node.js", 2009),
    ("node", "Node.js", 2009),
    ("react", "React", 2013),
    ("react.js", "React", 2013),
    ("reactjs", "React", 2013),
    ("redux", "Redux", 2015),
    ("angular", "Angular", 2010),
    ("angularjs", "AngularJS", 2010),
    ("vue", "Vue.js", 2014),
    ("vue.js", "Vue.js", 2014),
    ("vuejs", "Vue.js", 2014),
    ("next.js", "Next.js", 2016),
    ("nextjs", "Next.js", 2016),
    ("nuxt", "Nuxt", 2016),
    ("svelte", "Svelte", 2016),
    ("graphql", "GraphQL", 2015),
    ("grpc", "gRPC", 2016),
    (".net core", ".NET Core", 2016),
    ("asp.net core", "ASP.NET Core", 2016),
    ("blazor", "Blazor", 2018),
    ("c#", "C#", 2000),
    (".net", ".NET", 2002),
    ("spring boot", "Spring Boot", 2014),
    ("django", "Django", 2005),
    ("flask", "Flask", 2010),
    ("fastapi", "FastAPI", 2018),
    ("ruby on rails", "Ruby on Rails", 2004),
    ("rails", "Ruby on Rails", 2004),
    ("laravel", "Laravel", 2011),
    ("express.js", "Express", 2010),
    ("nestjs", "NestJS", 2017),
    ("vite", "Vite", 2020),
    ("webpack", "webpack", 2012),
    ("tailwind", "Tailwind CSS", 2017),
    ("tailwind css", "Tailwind CSS", 2017),
    ("jquery", "jQuery", 2006),
    ("html5", "HTML5", 2008),
    ("power bi", "Power BI", 2013),
    ("powerbi", "Power BI", 2013),
    ("tableau", "Tableau", 2003),
    ("looker", "Looker", 2012),
    ("figma", "Figma", 2016),
    ("adobe xd", "Adobe XD", 2016),
    ("power apps", "Power Apps", 2016),
    ("powerapps", "Power Apps", 2016),
    ("power automate", "Power Automate", 2016),
    ("dynamics 365", "Dynamics 365", 2016),
    ("office 365", "Office 365", 2011),
    ("microsoft 365", "Microsoft 365", 2011),
    ("sharepoint", "SharePoint", 2001),
    ("s/4hana", "SAP S/4HANA", 2015),
    ("sap hana", "SAP HANA", 2010),
    ("ga4", "Google Analytics 4", 2020),
    ("google analytics 4", "Google Analytics 4", 2020),
    ("servicenow", "ServiceNow", 2004),
    ("workday", "Workday", 2006),
    ("salesforce", "Salesforce", 1999),
    ("hubspot", "HubSpot", 2006),
    ("shopify", "Shopify", 2006),
    ("jira", "Jira", 2002),
    ("confluence", "Confluence", 2004),
    ("solidity", "Solidity", 2014),
    ("ethereum", "Ethereum", 2015),
    ("bitcoin", "Bitcoin", 2009),
    ("blockchain", "blockchain", 2008),
    ("unity", "Unity", 2005),
    ("tiktok", "TikTok", 2016),
    ("instagram", "Instagram", 2010),
    ("snapchat", "Snapchat", 2011),
    ("github copilot", "GitHub Copilot", 2021),
];

/// Swift (2014) is matched only as written "Swift": "SWIFT" is the 1973 banking network.
const SWIFT: (&str, &str, i32) = ("swift", "Swift", 2014);

/// "5+ years", "10 yrs", "3-5 years", "five years" is not read (digits only).
static YEARS: LazyLock<Regex> = LazyLock::new(|| {
    crate::lint::ascii_regex(r"(?i)\b(\d{1,2})\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?)(?:['’]s?)?\b")
        .expect("regex")
});

/// Words that may sit between "N years" and the technology: "of professional experience with".
const FILLER: &[&str] = &[
    "of",
    "experience",
    "exp",
    "professional",
    "hands-on",
    "hands",
    "on",
    "commercial",
    "production",
    "industry",
    "relevant",
    "working",
    "work",
    "with",
    "in",
    "using",
    "developing",
    "building",
    "programming",
    "coding",
    "solid",
    "strong",
    "proven",
    "demonstrable",
    "demonstrated",
    "practical",
    "direct",
    "recent",
    "minimum",
    "at",
    "least",
    "the",
    "a",
    "an",
    "experienced",
    "expertise",
    "background",
    "of:",
    "in:",
    "with:",
    "-",
    "designing",
    "deploying",
    "managing",
    "administering",
    "administration",
    "software",
    "engineering",
];

pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub years: u32,
    pub tech: &'static str,
    pub since: i32,
}

/// Every "N years of TECH" whose N exceeds the technology's age in `year`.
pub fn check(text: &str, lower: &[u8], year: i32) -> Vec<Hit> {
    let mut out = Vec::new();
    for c in YEARS.captures_iter(text) {
        let (Some(whole), Some(n)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let Ok(n) = n.as_str().parse::<u32>() else {
            continue;
        };
        if n == 0 || n > 40 {
            continue;
        }
        for (s, e, (_, name, since)) in techs_after(text, lower, whole.end()) {
            if n as i32 > year - since && year >= since {
                out.push(Hit {
                    start: whole.start().min(s),
                    end: e,
                    years: n,
                    tech: name,
                    since,
                });
            }
        }
        if let Some((_, (_, name, since))) = tech_before(text, lower, whole.start()) {
            if n as i32 > year - since && year >= since {
                out.push(Hit {
                    start: whole.start(),
                    end: whole.end(),
                    years: n,
                    tech: name,
                    since,
                });
            }
        }
    }
    out
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// The longest technology name starting at `i` (whole word).
fn tech_at(
    text: &str,
    lower: &[u8],
    i: usize,
) -> Option<(usize, (&'static str, &'static str, i32))> {
    let mut best: Option<(usize, (&'static str, &'static str, i32))> = None;
    for t in TECH.iter().chain(std::iter::once(&SWIFT)) {
        let n = t.0.len();
        if i + n > lower.len() || &lower[i..i + n] != t.0.as_bytes() {
            continue;
        }
        if t.0 == "swift" && &text.as_bytes()[i..i + n] != b"Swift" {
            continue;
        }
        let last_word = lower[i + n - 1].is_ascii_alphanumeric();
        if last_word && lower.get(i + n).is_some_and(|&b| is_word(b)) {
            continue;
        }
        // "node" and "go" need their exact case-insensitive word, nothing glued with '.'/'-'
        if lower.get(i + n) == Some(&b'-') {
            continue;
        }
        if best.is_none_or(|(l, _)| n > l) {
            best = Some((n, *t));
        }
    }
    best
}

/// Technologies listed right after the years phrase, through fillers and list separators.
fn techs_after(
    text: &str,
    lower: &[u8],
    mut i: usize,
) -> Vec<(usize, usize, (&'static str, &'static str, i32))> {
    let mut out = Vec::new();
    let mut fillers = 0;
    let mut in_list = false;
    loop {
        while i < lower.len() && matches!(lower[i], b' ' | b'\t' | b'(' | b':') {
            i += 1;
        }
        if i >= lower.len() {
            break;
        }
        if let Some((n, t)) = tech_at(text, lower, i) {
            out.push((i, i + n, t));
            i += n;
            in_list = true;
            // separators: ", " "and" "or" "/" "&"
            let mut j = i;
            while j < lower.len() && matches!(lower[j], b' ' | b',' | b'/' | b'&' | b')') {
                j += 1;
            }
            for w in ["and ", "or "] {
                if lower[j..].starts_with(w.as_bytes()) {
                    j += w.len();
                }
            }
            if j == i {
                break;
            }
            i = j;
            continue;
        }
        if in_list || fillers >= 6 {
            break;
        }
        // a filler word?
        let end = lower[i..]
            .iter()
            .position(|&b| b == b' ' || b == b'\n' || b == b',' || b == b'.')
            .map_or(lower.len(), |p| i + p);
        let w = std::str::from_utf8(&lower[i..end]).unwrap_or("");
        if end == i || !FILLER.contains(&w) {
            break;
        }
        fillers += 1;
        i = end;
    }
    out
}

/// "Kubernetes (5+ years)", "Kubernetes: 5 years", "Kubernetes - 5 years".
fn tech_before(
    text: &str,
    lower: &[u8],
    start: usize,
) -> Option<(usize, (&'static str, &'static str, i32))> {
    let trim = |mut j: usize| {
        while j > 0 && lower[j - 1] == b' ' {
            j -= 1;
        }
        j
    };
    let mut j = trim(start);
    if j > 0 && matches!(lower[j - 1], b'(' | b':' | b'-') {
        j -= 1;
    } else if text[..j].ends_with('–') {
        j -= '–'.len_utf8();
    } else {
        return None;
    }
    let j = trim(j);
    // find a name ending at j
    let mut best = None;
    for t in TECH.iter().chain(std::iter::once(&SWIFT)) {
        let n = t.0.len();
        if n > j {
            continue;
        }
        let s = j - n;
        if s > 0 && is_word(lower[s - 1]) {
            continue;
        }
        if let Some((m, found)) = tech_at(text, lower, s) {
            if m == n && best.is_none_or(|(l, _)| n > l) {
                best = Some((m, found));
            }
        }
    }
    best
}
