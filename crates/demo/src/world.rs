//! The fixed world the demo corpus lives in: countries with their cities and pay levels,
//! role families with titles and skills, and ~120 invented companies.

use crate::rng::Rng;
use hirekit_model::posting::RoleFamily;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    De,
    Fr,
    Es,
    Pl,
    Pt,
    Nl,
    Sv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    NorthAmerica,
    Emea,
    Latam,
    Apac,
}

#[derive(Debug)]
pub struct City {
    pub name: &'static str,
    /// State / province / region as written in addresses ("CA", "Bavaria", "").
    pub region: &'static str,
}

#[derive(Debug)]
pub struct Country {
    pub code: &'static str,
    pub name: &'static str,
    pub currency: &'static str,
    pub lang: Lang,
    pub region: Region,
    /// Local pay level relative to the US, in USD terms.
    pub pay_factor: f64,
    /// Local currency units per USD (approximate, fixed).
    pub fx: f64,
    /// Share of jobs hired here.
    pub weight: f64,
    pub cities: &'static [City],
}

macro_rules! cities {
    ($(($n:expr, $r:expr)),* $(,)?) => { &[$(City { name: $n, region: $r }),*] };
}

pub static COUNTRIES: &[Country] = &[
    Country {
        code: "US",
        name: "United States",
        currency: "USD",
        lang: Lang::En,
        region: Region::NorthAmerica,
        pay_factor: 1.0,
        fx: 1.0,
        weight: 34.0,
        cities: cities![
            ("San Francisco", "CA"),
            ("New York", "NY"),
            ("Seattle", "WA"),
            ("Austin", "TX"),
            ("Boston", "MA"),
            ("Chicago", "IL"),
            ("Denver", "CO"),
            ("Los Angeles", "CA"),
            ("Atlanta", "GA"),
            ("Raleigh", "NC"),
            ("San Jose", "CA"),
            ("Portland", "OR"),
            ("Miami", "FL"),
            ("Washington", "DC"),
            ("Salt Lake City", "UT"),
            ("Pittsburgh", "PA")
        ],
    },
    Country {
        code: "CA",
        name: "Canada",
        currency: "CAD",
        lang: Lang::En,
        region: Region::NorthAmerica,
        pay_factor: 0.72,
        fx: 1.37,
        weight: 5.0,
        cities: cities![
            ("Toronto", "ON"),
            ("Vancouver", "BC"),
            ("Montreal", "QC"),
            ("Ottawa", "ON"),
            ("Calgary", "AB"),
            ("Waterloo", "ON")
        ],
    },
    Country {
        code: "GB",
        name: "United Kingdom",
        currency: "GBP",
        lang: Lang::En,
        region: Region::Emea,
        pay_factor: 0.72,
        fx: 0.79,
        weight: 10.0,
        cities: cities![
            ("London", "England"),
            ("Manchester", "England"),
            ("Edinburgh", "Scotland"),
            ("Bristol", "England"),
            ("Cambridge", "England"),
            ("Leeds", "England"),
            ("Belfast", "Northern Ireland")
        ],
    },
    Country {
        code: "IE",
        name: "Ireland",
        currency: "EUR",
        lang: Lang::En,
        region: Region::Emea,
        pay_factor: 0.7,
        fx: 0.92,
        weight: 2.0,
        cities: cities![
            ("Dublin", "Leinster"),
            ("Cork", "Munster"),
            ("Galway", "Connacht")
        ],
    },
    Country {
        code: "DE",
        name: "Germany",
        currency: "EUR",
        lang: Lang::De,
        region: Region::Emea,
        pay_factor: 0.62,
        fx: 0.92,
        weight: 10.0,
        cities: cities![
            ("Berlin", "Berlin"),
            ("Munich", "Bavaria"),
            ("Hamburg", "Hamburg"),
            ("Frankfurt am Main", "Hesse"),
            ("Cologne", "North Rhine-Westphalia"),
            ("Stuttgart", "Baden-Württemberg"),
            ("Düsseldorf", "North Rhine-Westphalia"),
            ("Leipzig", "Saxony"),
            ("Karlsruhe", "Baden-Württemberg")
        ],
    },
    Country {
        code: "AT",
        name: "Austria",
        currency: "EUR",
        lang: Lang::De,
        region: Region::Emea,
        pay_factor: 0.55,
        fx: 0.92,
        weight: 1.5,
        cities: cities![
            ("Vienna", "Vienna"),
            ("Graz", "Styria"),
            ("Linz", "Upper Austria")
        ],
    },
    Country {
        code: "CH",
        name: "Switzerland",
        currency: "CHF",
        lang: Lang::De,
        region: Region::Emea,
        pay_factor: 1.0,
        fx: 0.88,
        weight: 1.5,
        cities: cities![
            ("Zurich", "ZH"),
            ("Geneva", "GE"),
            ("Basel", "BS"),
            ("Lausanne", "VD")
        ],
    },
    Country {
        code: "FR",
        name: "France",
        currency: "EUR",
        lang: Lang::Fr,
        region: Region::Emea,
        pay_factor: 0.52,
        fx: 0.92,
        weight: 6.0,
        cities: cities![
            ("Paris", "Île-de-France"),
            ("Lyon", "Auvergne-Rhône-Alpes"),
            ("Toulouse", "Occitanie"),
            ("Nantes", "Pays de la Loire"),
            ("Bordeaux", "Nouvelle-Aquitaine"),
            ("Lille", "Hauts-de-France"),
            ("Montpellier", "Occitanie")
        ],
    },
    Country {
        code: "NL",
        name: "Netherlands",
        currency: "EUR",
        lang: Lang::Nl,
        region: Region::Emea,
        pay_factor: 0.6,
        fx: 0.92,
        weight: 5.0,
        cities: cities![
            ("Amsterdam", "North Holland"),
            ("Rotterdam", "South Holland"),
            ("Utrecht", "Utrecht"),
            ("Eindhoven", "North Brabant"),
            ("The Hague", "South Holland")
        ],
    },
    Country {
        code: "ES",
        name: "Spain",
        currency: "EUR",
        lang: Lang::Es,
        region: Region::Emea,
        pay_factor: 0.42,
        fx: 0.92,
        weight: 4.0,
        cities: cities![
            ("Madrid", "Community of Madrid"),
            ("Barcelona", "Catalonia"),
            ("Valencia", "Valencian Community"),
            ("Málaga", "Andalusia"),
            ("Seville", "Andalusia"),
            ("Bilbao", "Basque Country")
        ],
    },
    Country {
        code: "PT",
        name: "Portugal",
        currency: "EUR",
        lang: Lang::Pt,
        region: Region::Emea,
        pay_factor: 0.35,
        fx: 0.92,
        weight: 1.5,
        cities: cities![("Lisbon", "Lisbon"), ("Porto", "Porto"), ("Braga", "Braga")],
    },
    Country {
        code: "PL",
        name: "Poland",
        currency: "PLN",
        lang: Lang::Pl,
        region: Region::Emea,
        pay_factor: 0.42,
        fx: 4.0,
        weight: 5.0,
        cities: cities![
            ("Warsaw", "Masovian"),
            ("Kraków", "Lesser Poland"),
            ("Wrocław", "Lower Silesian"),
            ("Gdańsk", "Pomeranian"),
            ("Poznań", "Greater Poland"),
            ("Łódź", "Łódź")
        ],
    },
    Country {
        code: "SE",
        name: "Sweden",
        currency: "SEK",
        lang: Lang::Sv,
        region: Region::Emea,
        pay_factor: 0.55,
        fx: 10.5,
        weight: 3.0,
        cities: cities![
            ("Stockholm", "Stockholm County"),
            ("Gothenburg", "Västra Götaland"),
            ("Malmö", "Skåne"),
            ("Uppsala", "Uppsala County")
        ],
    },
    Country {
        code: "DK",
        name: "Denmark",
        currency: "DKK",
        lang: Lang::En,
        region: Region::Emea,
        pay_factor: 0.68,
        fx: 6.9,
        weight: 1.5,
        cities: cities![
            ("Copenhagen", "Capital Region"),
            ("Aarhus", "Central Denmark")
        ],
    },
    Country {
        code: "IN",
        name: "India",
        currency: "INR",
        lang: Lang::En,
        region: Region::Apac,
        pay_factor: 0.2,
        fx: 83.0,
        weight: 6.0,
        cities: cities![
            ("Bengaluru", "Karnataka"),
            ("Hyderabad", "Telangana"),
            ("Pune", "Maharashtra"),
            ("Chennai", "Tamil Nadu"),
            ("Gurugram", "Haryana"),
            ("Noida", "Uttar Pradesh"),
            ("Mumbai", "Maharashtra")
        ],
    },
    Country {
        code: "BR",
        name: "Brazil",
        currency: "BRL",
        lang: Lang::Pt,
        region: Region::Latam,
        pay_factor: 0.27,
        fx: 5.0,
        weight: 4.0,
        cities: cities![
            ("São Paulo", "SP"),
            ("Rio de Janeiro", "RJ"),
            ("Belo Horizonte", "MG"),
            ("Florianópolis", "SC"),
            ("Curitiba", "PR"),
            ("Porto Alegre", "RS")
        ],
    },
    Country {
        code: "AU",
        name: "Australia",
        currency: "AUD",
        lang: Lang::En,
        region: Region::Apac,
        pay_factor: 0.7,
        fx: 1.5,
        weight: 3.0,
        cities: cities![
            ("Sydney", "NSW"),
            ("Melbourne", "VIC"),
            ("Brisbane", "QLD"),
            ("Perth", "WA")
        ],
    },
    Country {
        code: "SG",
        name: "Singapore",
        currency: "SGD",
        lang: Lang::En,
        region: Region::Apac,
        pay_factor: 0.7,
        fx: 1.35,
        weight: 2.0,
        cities: cities![("Singapore", "")],
    },
];

#[derive(Debug)]
pub struct Family {
    pub kind: RoleFamily,
    pub weight: f64,
    /// Mid-level annual base in the US, USD.
    pub base_usd: f64,
    /// English core titles, without seniority words.
    pub titles: &'static [&'static str],
    /// What a "Head of …" / "Director of …" title names.
    pub area: &'static str,
    /// Languages that may decorate a title: "Backend Engineer (Go)".
    pub title_langs: &'static [&'static str],
    pub skills: &'static [&'static str],
    pub departments: &'static [&'static str],
    pub duties: &'static [&'static str],
}

pub static FAMILIES: &[Family] = &[
    Family {
        kind: RoleFamily::Backend,
        weight: 14.0,
        base_usd: 145_000.0,
        titles: &[
            "Backend Engineer",
            "Backend Developer",
            "Back-End Software Engineer",
            "Software Engineer, Backend",
            "Server-Side Engineer",
            "Backend Software Engineer",
            "API Engineer",
        ],
        area: "Backend Engineering",
        title_langs: &[
            "Go", "Rust", "Java", "Python", "Kotlin", "Node.js", "Ruby", "Elixir", "Scala", "C#",
        ],
        skills: &[
            "Go",
            "Rust",
            "Java",
            "Python",
            "Kotlin",
            "PostgreSQL",
            "MySQL",
            "Redis",
            "Kafka",
            "gRPC",
            "REST APIs",
            "Docker",
            "Kubernetes",
            "AWS",
            "GCP",
            "Spring Boot",
            "Django",
            "microservices",
            "RabbitMQ",
            "GraphQL",
        ],
        departments: &[
            "Engineering",
            "Platform Engineering",
            "Product Engineering",
            "R&D",
        ],
        duties: &[
            "design, build and operate the services behind our public API",
            "own a set of backend services end to end, from design doc to on-call",
            "scale our data model and storage layer as traffic grows",
            "improve the latency and reliability of our core transaction path",
            "work with product managers to shape requirements into robust, well-tested services",
            "review code and mentor other engineers on the team",
            "break down a legacy monolith into well-defined services",
            "build internal tooling that makes every engineer faster",
        ],
    },
    Family {
        kind: RoleFamily::Frontend,
        weight: 8.0,
        base_usd: 135_000.0,
        titles: &[
            "Frontend Engineer",
            "Front-End Developer",
            "Frontend Developer",
            "Software Engineer, Frontend",
            "UI Engineer",
            "Web Developer",
            "React Developer",
        ],
        area: "Frontend Engineering",
        title_langs: &["React", "TypeScript", "Vue", "Angular", "Svelte"],
        skills: &[
            "React",
            "TypeScript",
            "JavaScript",
            "Vue.js",
            "Angular",
            "Next.js",
            "CSS",
            "HTML",
            "Redux",
            "GraphQL",
            "Webpack",
            "Vite",
            "Jest",
            "Playwright",
            "accessibility (WCAG)",
            "Storybook",
        ],
        departments: &["Engineering", "Product Engineering", "Web"],
        duties: &[
            "build fast, accessible interfaces used by thousands of customers every day",
            "own our design system together with the design team",
            "turn Figma designs into polished, production-ready components",
            "improve Core Web Vitals across our web app",
            "write thorough tests for complex UI state",
            "collaborate closely with backend engineers on API contracts",
        ],
    },
    Family {
        kind: RoleFamily::Fullstack,
        weight: 8.0,
        base_usd: 138_000.0,
        titles: &[
            "Full Stack Engineer",
            "Full-Stack Developer",
            "Fullstack Developer",
            "Software Engineer, Full Stack",
            "Full Stack Software Engineer",
        ],
        area: "Engineering",
        title_langs: &[
            "React/Node",
            "TypeScript",
            "Python/React",
            "Ruby on Rails",
            "Next.js",
        ],
        skills: &[
            "TypeScript",
            "React",
            "Node.js",
            "Python",
            "Ruby on Rails",
            "PostgreSQL",
            "GraphQL",
            "AWS",
            "Docker",
            "Next.js",
            "Tailwind CSS",
            "REST APIs",
        ],
        departments: &["Engineering", "Product Engineering"],
        duties: &[
            "ship features across the whole stack, from database migrations to pixel-perfect UI",
            "own product areas end to end with a small cross-functional team",
            "talk to customers to understand what to build next",
            "keep our codebase healthy with pragmatic refactoring",
            "improve our CI pipeline and developer experience",
        ],
    },
    Family {
        kind: RoleFamily::Software,
        weight: 14.0,
        base_usd: 142_000.0,
        titles: &[
            "Software Engineer",
            "Software Developer",
            "Software Development Engineer",
            "Developer",
            "Programmer",
            "Application Developer",
            "Engineer",
        ],
        area: "Software Engineering",
        title_langs: &["Java", "C++", "Python", "Go", "Rust", ".NET", "C#", "Scala"],
        skills: &[
            "Java",
            "C++",
            "Python",
            "Go",
            "Rust",
            "C#",
            ".NET",
            "SQL",
            "Git",
            "Linux",
            "AWS",
            "Azure",
            "Docker",
            "CI/CD",
            "unit testing",
            "distributed systems",
        ],
        departments: &["Engineering", "Technology", "R&D", "Software Development"],
        duties: &[
            "write clean, maintainable code and review that of your peers",
            "contribute to architecture discussions and design reviews",
            "debug production issues and make sure they do not happen again",
            "deliver features in small, safe increments",
            "work with QA and product to define acceptance criteria",
            "help us grow a culture of ownership and continuous improvement",
        ],
    },
    Family {
        kind: RoleFamily::Mobile,
        weight: 4.0,
        base_usd: 140_000.0,
        titles: &[
            "iOS Engineer",
            "Android Engineer",
            "Mobile Engineer",
            "Mobile Developer",
            "iOS Developer",
            "Android Developer",
            "React Native Developer",
            "Flutter Developer",
        ],
        area: "Mobile Engineering",
        title_langs: &["Swift", "Kotlin", "React Native", "Flutter"],
        skills: &[
            "Swift",
            "SwiftUI",
            "Kotlin",
            "Jetpack Compose",
            "React Native",
            "Flutter",
            "Dart",
            "Objective-C",
            "Xcode",
            "Firebase",
            "mobile CI/CD",
            "App Store release process",
        ],
        departments: &["Engineering", "Mobile", "Product Engineering"],
        duties: &[
            "build and ship features in our iOS and Android apps",
            "keep crash rates low and app start times fast",
            "own the release train for our mobile apps",
            "work with designers on smooth, native-feeling interactions",
            "share code sensibly between platforms",
        ],
    },
    Family {
        kind: RoleFamily::Devops,
        weight: 8.0,
        base_usd: 148_000.0,
        titles: &[
            "DevOps Engineer",
            "Site Reliability Engineer",
            "Platform Engineer",
            "Cloud Engineer",
            "Infrastructure Engineer",
            "SRE",
            "Cloud Infrastructure Engineer",
            "Production Engineer",
        ],
        area: "Platform",
        title_langs: &["AWS", "Kubernetes", "GCP", "Azure", "Terraform"],
        skills: &[
            "Kubernetes",
            "Terraform",
            "AWS",
            "GCP",
            "Azure",
            "Docker",
            "Helm",
            "Prometheus",
            "Grafana",
            "Linux",
            "Ansible",
            "ArgoCD",
            "GitHub Actions",
            "Go",
            "Python",
            "Bash",
            "observability",
            "incident management",
        ],
        departments: &[
            "Infrastructure",
            "Platform",
            "Engineering",
            "Site Reliability",
        ],
        duties: &[
            "run and evolve our Kubernetes platform across several regions",
            "manage infrastructure as code with Terraform",
            "define SLOs and build the observability to track them",
            "lead incident response and blameless postmortems",
            "reduce cloud costs without hurting reliability",
            "build the golden paths that let product teams ship safely",
        ],
    },
    Family {
        kind: RoleFamily::DataEngineering,
        weight: 6.0,
        base_usd: 145_000.0,
        titles: &[
            "Data Engineer",
            "Analytics Engineer",
            "Big Data Engineer",
            "Data Platform Engineer",
            "ETL Developer",
            "Data Infrastructure Engineer",
        ],
        area: "Data Engineering",
        title_langs: &["Spark", "Python", "Scala", "dbt", "Snowflake"],
        skills: &[
            "Python",
            "SQL",
            "Spark",
            "Airflow",
            "dbt",
            "Kafka",
            "Snowflake",
            "BigQuery",
            "Databricks",
            "Scala",
            "Flink",
            "Redshift",
            "data modeling",
            "Delta Lake",
        ],
        departments: &["Data", "Data Platform", "Engineering", "Analytics"],
        duties: &[
            "build reliable batch and streaming pipelines",
            "model our warehouse so analysts can answer questions themselves",
            "own data quality checks and lineage",
            "migrate legacy ETL jobs to a modern stack",
            "work with data scientists to productionize features",
        ],
    },
    Family {
        kind: RoleFamily::DataScience,
        weight: 6.0,
        base_usd: 135_000.0,
        titles: &[
            "Data Scientist",
            "Data Analyst",
            "Product Analyst",
            "Business Intelligence Analyst",
            "Decision Scientist",
            "Quantitative Analyst",
            "Analytics Lead",
        ],
        area: "Data Science",
        title_langs: &["Python", "SQL", "R"],
        skills: &[
            "Python",
            "SQL",
            "R",
            "pandas",
            "scikit-learn",
            "statistics",
            "A/B testing",
            "Tableau",
            "Looker",
            "Power BI",
            "causal inference",
            "forecasting",
            "dbt",
        ],
        departments: &["Data", "Analytics", "Data Science", "Business Intelligence"],
        duties: &[
            "design and analyse experiments that shape our roadmap",
            "build dashboards and metrics the whole company relies on",
            "develop forecasting and pricing models",
            "turn messy questions into clear analyses and recommendations",
            "partner with product and marketing on growth opportunities",
        ],
    },
    Family {
        kind: RoleFamily::MachineLearning,
        weight: 5.0,
        base_usd: 170_000.0,
        titles: &[
            "Machine Learning Engineer",
            "ML Engineer",
            "AI Engineer",
            "Applied Scientist",
            "Research Scientist, Machine Learning",
            "MLOps Engineer",
            "Computer Vision Engineer",
            "NLP Engineer",
        ],
        area: "Machine Learning",
        title_langs: &["PyTorch", "LLMs", "Computer Vision", "NLP"],
        skills: &[
            "Python",
            "PyTorch",
            "TensorFlow",
            "JAX",
            "LLMs",
            "transformers",
            "MLflow",
            "Kubeflow",
            "CUDA",
            "computer vision",
            "NLP",
            "Ray",
            "vector databases",
            "feature stores",
        ],
        departments: &["Machine Learning", "AI", "Research", "Engineering"],
        duties: &[
            "train, evaluate and ship models that run in production",
            "build the training and serving infrastructure for our ML platform",
            "fine-tune and evaluate large language models for our product",
            "own model monitoring, drift detection and retraining",
            "collaborate with researchers to turn prototypes into products",
        ],
    },
    Family {
        kind: RoleFamily::Security,
        weight: 4.0,
        base_usd: 150_000.0,
        titles: &[
            "Security Engineer",
            "Application Security Engineer",
            "Cloud Security Engineer",
            "Security Analyst",
            "Penetration Tester",
            "Detection Engineer",
            "Information Security Engineer",
        ],
        area: "Security",
        title_langs: &["AppSec", "Cloud", "SOC"],
        skills: &[
            "threat modeling",
            "SIEM",
            "AWS security",
            "penetration testing",
            "OWASP",
            "Python",
            "Go",
            "IAM",
            "SOC 2",
            "ISO 27001",
            "incident response",
            "Burp Suite",
            "zero trust",
            "vulnerability management",
        ],
        departments: &["Security", "Information Security", "Engineering"],
        duties: &[
            "run threat modeling sessions with product teams",
            "build detection rules and respond to security incidents",
            "harden our cloud environment and identity setup",
            "lead our SOC 2 and ISO 27001 audits from the technical side",
            "run our bug bounty programme",
        ],
    },
    Family {
        kind: RoleFamily::Qa,
        weight: 4.0,
        base_usd: 105_000.0,
        titles: &[
            "QA Engineer",
            "Software Engineer in Test",
            "Test Automation Engineer",
            "Quality Assurance Analyst",
            "SDET",
            "QA Automation Engineer",
            "QA Analyst",
        ],
        area: "Quality Engineering",
        title_langs: &["Automation", "Selenium", "Cypress", "Mobile"],
        skills: &[
            "Selenium",
            "Cypress",
            "Playwright",
            "Java",
            "Python",
            "TypeScript",
            "Postman",
            "JMeter",
            "test automation",
            "CI/CD",
            "Appium",
            "BDD",
        ],
        departments: &["Quality Assurance", "Engineering", "QA"],
        duties: &[
            "build and maintain our end-to-end test automation suites",
            "define test strategies with developers and product managers",
            "run exploratory testing on new features",
            "track quality metrics and drive improvements",
            "own performance and load testing before big launches",
        ],
    },
    Family {
        kind: RoleFamily::Embedded,
        weight: 3.0,
        base_usd: 132_000.0,
        titles: &[
            "Embedded Software Engineer",
            "Firmware Engineer",
            "Embedded Systems Engineer",
            "Embedded Developer",
            "Embedded Linux Engineer",
        ],
        area: "Embedded Systems",
        title_langs: &["C/C++", "Rust", "Linux", "RTOS"],
        skills: &[
            "C",
            "C++",
            "Rust",
            "RTOS",
            "FreeRTOS",
            "Zephyr",
            "ARM Cortex-M",
            "embedded Linux",
            "Yocto",
            "CAN bus",
            "SPI/I2C",
            "oscilloscopes",
            "AUTOSAR",
        ],
        departments: &["Hardware", "Firmware", "Engineering", "R&D"],
        duties: &[
            "write firmware for our next generation of devices",
            "bring up new boards with the hardware team",
            "optimize code for power, memory and real-time constraints",
            "build hardware-in-the-loop test setups",
            "support manufacturing with diagnostics tooling",
        ],
    },
    Family {
        kind: RoleFamily::Architecture,
        weight: 2.0,
        base_usd: 180_000.0,
        titles: &[
            "Software Architect",
            "Solutions Architect",
            "Cloud Architect",
            "Enterprise Architect",
            "Technical Architect",
            "Data Architect",
        ],
        area: "Architecture",
        title_langs: &["AWS", "Azure", "Java", "Cloud"],
        skills: &[
            "system design",
            "AWS",
            "Azure",
            "microservices",
            "event-driven architecture",
            "Kubernetes",
            "Java",
            "domain-driven design",
            "TOGAF",
            "API design",
            "security architecture",
        ],
        departments: &["Architecture", "Engineering", "Technology Office"],
        duties: &[
            "define the target architecture for our platform",
            "guide teams through design reviews and architecture decision records",
            "work with customers on complex integrations",
            "balance long-term technical health with delivery pressure",
        ],
    },
    Family {
        kind: RoleFamily::EngineeringManagement,
        weight: 4.0,
        base_usd: 175_000.0,
        titles: &[
            "Engineering Manager",
            "Software Engineering Manager",
            "Software Development Manager",
            "Team Lead, Engineering",
            "Manager, Software Engineering",
        ],
        area: "Engineering",
        title_langs: &[],
        skills: &[
            "people management",
            "hiring",
            "agile delivery",
            "system design",
            "stakeholder management",
            "coaching",
            "roadmap planning",
            "OKRs",
        ],
        departments: &["Engineering", "Technology"],
        duties: &[
            "lead a team of six to ten engineers",
            "hire, coach and grow engineers through regular 1:1s and feedback",
            "own delivery for your team's roadmap",
            "partner with product and design on planning",
            "keep the team healthy: sustainable pace, clear priorities, good on-call",
        ],
    },
    Family {
        kind: RoleFamily::ProductManagement,
        weight: 4.0,
        base_usd: 160_000.0,
        titles: &[
            "Product Manager",
            "Technical Product Manager",
            "Product Owner",
            "Group Product Manager",
            "Product Lead",
        ],
        area: "Product",
        title_langs: &[],
        skills: &[
            "product discovery",
            "roadmapping",
            "user research",
            "SQL",
            "analytics",
            "A/B testing",
            "Jira",
            "stakeholder management",
            "B2B SaaS",
            "API products",
        ],
        departments: &["Product", "Product Management"],
        duties: &[
            "own the roadmap for a product area",
            "run discovery with customers and turn insights into bets",
            "write crisp specs and define success metrics",
            "work daily with engineering and design to ship",
            "communicate progress to leadership and customers",
        ],
    },
    Family {
        kind: RoleFamily::Design,
        weight: 3.0,
        base_usd: 125_000.0,
        titles: &[
            "Product Designer",
            "UX Designer",
            "UI/UX Designer",
            "UX Researcher",
            "Visual Designer",
            "Interaction Designer",
            "Content Designer",
        ],
        area: "Design",
        title_langs: &[],
        skills: &[
            "Figma",
            "prototyping",
            "user research",
            "design systems",
            "interaction design",
            "usability testing",
            "accessibility",
            "visual design",
        ],
        departments: &["Design", "Product"],
        duties: &[
            "design end-to-end experiences from research to final UI",
            "run usability tests and turn findings into improvements",
            "contribute to and evolve our design system",
            "work closely with engineers during implementation",
        ],
    },
    Family {
        kind: RoleFamily::Other,
        weight: 8.0,
        base_usd: 85_000.0,
        titles: &[
            "Account Executive",
            "Customer Success Manager",
            "Technical Recruiter",
            "Marketing Manager",
            "Sales Development Representative",
            "Financial Analyst",
            "Office Manager",
            "People Partner",
            "Content Marketing Manager",
            "Operations Manager",
            "Legal Counsel",
            "Support Specialist",
        ],
        area: "Operations",
        title_langs: &[],
        skills: &[
            "Salesforce",
            "HubSpot",
            "Excel",
            "communication",
            "negotiation",
            "Google Workspace",
            "Notion",
            "CRM",
            "presentation skills",
        ],
        departments: &[
            "Sales",
            "Marketing",
            "People",
            "Finance",
            "Operations",
            "Customer Success",
            "Legal",
        ],
        duties: &[
            "build strong relationships with customers and internal teams",
            "own your numbers and report on them weekly",
            "improve our processes as the company scales",
            "work with colleagues across functions and time zones",
        ],
    },
];

pub struct Industry {
    pub noun: &'static str,
    pub what: &'static str,
    pub teams: &'static [&'static str],
}

pub static INDUSTRIES: &[Industry] = &[
    Industry {
        noun: "fintech",
        what: "builds payment and banking infrastructure for small businesses",
        teams: &["Payments", "Ledger", "Risk", "Card Issuing", "Onboarding"],
    },
    Industry {
        noun: "health-tech",
        what: "helps clinics and patients manage care online",
        teams: &[
            "Patient Experience",
            "Clinical Data",
            "Scheduling",
            "Billing",
            "Integrations",
        ],
    },
    Industry {
        noun: "logistics",
        what: "makes freight and last-mile delivery predictable",
        teams: &[
            "Routing",
            "Fleet",
            "Warehouse Systems",
            "Tracking",
            "Pricing",
        ],
    },
    Industry {
        noun: "e-commerce",
        what: "powers online stores for independent brands",
        teams: &["Checkout", "Search", "Catalog", "Growth", "Merchant Tools"],
    },
    Industry {
        noun: "developer tools",
        what: "builds tools that help engineering teams ship faster",
        teams: &[
            "Developer Experience",
            "CI",
            "Core Platform",
            "Integrations",
            "Editor",
        ],
    },
    Industry {
        noun: "cybersecurity",
        what: "protects companies from account takeover and fraud",
        teams: &["Detection", "Identity", "Threat Intel", "Agent", "Console"],
    },
    Industry {
        noun: "climate-tech",
        what: "helps utilities and households use cleaner energy",
        teams: &[
            "Grid",
            "Forecasting",
            "Devices",
            "Energy Trading",
            "Customer App",
        ],
    },
    Industry {
        noun: "gaming",
        what: "makes multiplayer games played by millions",
        teams: &[
            "Game Services",
            "Matchmaking",
            "Live Ops",
            "Anti-Cheat",
            "Economy",
        ],
    },
    Industry {
        noun: "mobility",
        what: "runs shared e-bikes and scooters in dozens of cities",
        teams: &["Fleet Ops", "Rider App", "IoT", "Pricing", "Maps"],
    },
    Industry {
        noun: "HR-tech",
        what: "builds payroll and HR software for growing teams",
        teams: &[
            "Payroll",
            "Time Tracking",
            "Benefits",
            "Compliance",
            "Reporting",
        ],
    },
    Industry {
        noun: "insurance",
        what: "offers simple, digital insurance for renters and small businesses",
        teams: &["Claims", "Underwriting", "Policy", "Pricing", "Partner API"],
    },
    Industry {
        noun: "AI",
        what: "builds AI assistants for customer support teams",
        teams: &[
            "Model Platform",
            "Inference",
            "Evaluation",
            "Agent",
            "Knowledge",
        ],
    },
    Industry {
        noun: "travel",
        what: "makes booking trips for companies painless",
        teams: &["Booking", "Supply", "Expenses", "Search", "Mobile"],
    },
    Industry {
        noun: "edtech",
        what: "helps millions of people learn languages and coding",
        teams: &[
            "Learning Experience",
            "Content Platform",
            "Growth",
            "Assessments",
            "Mobile",
        ],
    },
    Industry {
        noun: "proptech",
        what: "digitizes how buildings are rented and managed",
        teams: &[
            "Leasing",
            "Payments",
            "Smart Building",
            "Marketplace",
            "Data",
        ],
    },
    Industry {
        noun: "media",
        what: "streams podcasts and audiobooks to listeners worldwide",
        teams: &[
            "Playback",
            "Recommendations",
            "Creator Tools",
            "Ads",
            "Content Ingestion",
        ],
    },
];

/// Where a company's jobs are published: its ATS board, or none (its jobs reach us only
/// through aggregators).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ats {
    Greenhouse,
    Lever,
    Ashby,
    Workable,
    SmartRecruiters,
    Recruitee,
    Personio,
    None,
}

impl Ats {
    pub const BOARDS: [Ats; 7] = [
        Ats::Greenhouse,
        Ats::Lever,
        Ats::Ashby,
        Ats::Workable,
        Ats::SmartRecruiters,
        Ats::Recruitee,
        Ats::Personio,
    ];

    pub fn kind(self) -> &'static str {
        match self {
            Ats::Greenhouse => "greenhouse",
            Ats::Lever => "lever",
            Ats::Ashby => "ashby",
            Ats::Workable => "workable",
            Ats::SmartRecruiters => "smartrecruiters",
            Ats::Recruitee => "recruitee",
            Ats::Personio => "personio",
            Ats::None => "none",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Company {
    pub name: String,
    /// "brightpath-labs"
    pub slug: String,
    /// "brightpathlabs"
    pub token: String,
    /// "BrightpathLabs"
    pub camel: String,
    pub domain: String,
    pub industry: usize,
    pub home: usize,
    /// Countries it hires in (home first).
    pub countries: Vec<usize>,
    pub ats: Ats,
    /// Relative number of open jobs.
    pub weight: f64,
    pub founded: u32,
    pub employees: u32,
    pub equity: bool,
}

const STEMS_A: &[&str] = &[
    "Quor", "Zen", "Lum", "Vel", "Orb", "Trel", "Pal", "Sky", "Fern", "Brisk", "Cin", "Moss",
    "Hal", "Kest", "Amber", "Tide", "Cop", "Lark", "Nim", "Ves", "Wren", "Ard", "Bel", "Dov",
    "Elm", "Fal", "Gal", "Hex", "Ivo", "Jas", "Kor", "Lin", "Mar", "Nor", "Oak", "Pel", "Quin",
    "Ros", "Sol", "Tor", "Ul", "Var", "Wil", "Yar", "Zor", "Bram", "Cress", "Dune", "Ember",
    "Flint",
];
const STEMS_B: &[&str] = &[
    "ora", "ex", "ify", "ly", "wick", "field", "line", "stack", "loop", "gate", "works", "hub",
    "io", "bit", "mint", "nest", "path", "wave", "grid", "forge", "ara", "enza", "ovo", "etta",
    "ium", "ark", "vale", "crest", "leaf", "stone",
];
const SUFFIXES: &[(&str, Option<usize>)] = &[
    ("Labs", None),
    ("Systems", None),
    ("Technologies", None),
    ("Health", Some(1)),
    ("Analytics", None),
    ("Robotics", Some(6)),
    ("Pay", Some(0)),
    ("AI", Some(11)),
    ("Logistics", Some(2)),
    ("Energy", Some(6)),
    ("Bank", Some(0)),
    ("Cloud", Some(4)),
    ("Security", Some(5)),
    ("Games", Some(7)),
    ("Mobility", Some(8)),
    ("Software", None),
    ("Commerce", Some(3)),
    ("Learning", Some(13)),
    ("Insurance", Some(10)),
    ("Travel", Some(12)),
];

/// ATS weights by home region, in `Ats::BOARDS` order then `None`.
fn ats_weights(region: Region, code: &str) -> [f64; 8] {
    match (region, code) {
        (_, "DE" | "AT" | "CH") => [10.0, 4.0, 4.0, 8.0, 10.0, 12.0, 35.0, 17.0],
        (_, "NL" | "BE") => [10.0, 6.0, 6.0, 10.0, 8.0, 35.0, 8.0, 17.0],
        (Region::Emea, _) => [16.0, 10.0, 10.0, 16.0, 14.0, 12.0, 8.0, 14.0],
        (Region::NorthAmerica, _) => [34.0, 20.0, 20.0, 5.0, 8.0, 0.0, 0.0, 13.0],
        (Region::Apac | Region::Latam, _) => [14.0, 10.0, 6.0, 14.0, 22.0, 4.0, 0.0, 30.0],
    }
}

pub struct World {
    pub companies: Vec<Company>,
}

pub const COMPANY_COUNT: usize = 120;

impl World {
    /// The companies are the same for every seed, so docs and demos can name them.
    pub fn new() -> World {
        let mut rng = Rng::new(0xC0_FFEE);
        let weights: Vec<f64> = COUNTRIES.iter().map(|c| c.weight).collect();
        let mut names: Vec<String> = Vec::new();
        let mut companies = Vec::with_capacity(COMPANY_COUNT);
        while companies.len() < COMPANY_COUNT {
            let stem = format!("{}{}", rng.pick(STEMS_A), rng.pick(STEMS_B));
            if names.iter().any(|n| n.starts_with(&stem)) {
                continue;
            }
            let home = rng.weighted(&weights);
            let hc = &COUNTRIES[home];
            let (suffix, forced_industry) = if rng.chance(55.0) {
                let (s, i) = *rng.pick(SUFFIXES);
                (Some(s), i)
            } else {
                (None, None)
            };
            let industry =
                forced_industry.unwrap_or_else(|| rng.below(INDUSTRIES.len() as u64) as usize);
            let mut name = match suffix {
                Some(s) => format!("{stem} {s}"),
                None => stem.clone(),
            };
            // Some companies carry their legal form, as real boards often do.
            if rng.chance(12.0) {
                let form = match hc.code {
                    "DE" | "AT" | "CH" => " GmbH",
                    "FR" => " SAS",
                    "NL" => " B.V.",
                    "PL" => " sp. z o.o.",
                    "GB" => " Ltd",
                    "US" => ", Inc.",
                    _ => "",
                };
                name.push_str(form);
            }
            let words: Vec<&str> = name
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| {
                    !w.is_empty()
                        && !matches!(
                            *w,
                            "GmbH" | "SAS" | "B" | "V" | "sp" | "z" | "o" | "Ltd" | "Inc"
                        )
                })
                .collect();
            let slug = words
                .iter()
                .map(|w| w.to_lowercase())
                .collect::<Vec<_>>()
                .join("-");
            let token = slug.replace('-', "");
            let camel = words.concat();
            let tld = match hc.code {
                "US" | "CA" => rng.pick_str(&["com", "io", "ai", "co"]),
                "GB" => "co.uk",
                "DE" | "AT" | "CH" => rng.pick_str(&["de", "com", "io"]),
                "FR" => "fr",
                "NL" => "nl",
                _ => rng.pick_str(&["com", "io"]),
            };
            let domain = format!("{token}.{tld}");
            let ats = if companies.len() < Ats::BOARDS.len() {
                // Every board format appears at least once, whatever the weights say.
                Ats::BOARDS[companies.len()]
            } else {
                let w = ats_weights(hc.region, hc.code);
                if let Some(i) = Some(rng.weighted(&w)).filter(|&i| i < 7) {
                    Ats::BOARDS[i]
                } else {
                    Ats::None
                }
            };
            let mut countries = vec![home];
            let extra = rng.weighted(&[55.0, 25.0, 12.0, 8.0]);
            for _ in 0..extra {
                let c = rng.weighted(&weights);
                if !countries.contains(&c) {
                    countries.push(c);
                }
            }
            // Heavy-tailed job counts: a few large employers, many small ones.
            let weight = (1.0 / (1.0 - rng.unit() * 0.97)).powf(1.3);
            let employees = (30.0 * weight * rng.float(1.0, 8.0)) as u32 + 12;
            companies.push(Company {
                name: name.clone(),
                slug,
                token,
                camel,
                domain,
                industry,
                home,
                countries,
                ats,
                weight,
                founded: rng.range(1998, 2023) as u32,
                employees,
                equity: hc.region == Region::NorthAmerica && rng.chance(70.0) || rng.chance(25.0),
            });
            names.push(name);
        }
        World { companies }
    }
}

impl Default for World {
    fn default() -> Self {
        World::new()
    }
}
