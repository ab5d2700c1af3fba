//! Search behaviour on a small real store: query language, filters, facets, order, paging.

mod common;

use std::collections::HashSet;
use std::time::Duration;

use common::*;
use hirekit_index::{SearchError, SearchIndex, SearchRequest, SkillMatch, Sort};
use hirekit_model::money::Rates;
use hirekit_model::{EmploymentType, Period, RemotePolicy, RoleFamily, Seniority};
use tokio::sync::OnceCell;

/// One index for all tests of this file (the store behind it is only read).
async fn index() -> &'static SearchIndex {
    static IX: OnceCell<(SearchIndex, hirekit_testkit::TestDb)> = OnceCell::const_new();
    let (ix, _) = IX
        .get_or_init(|| async {
            let db = hirekit_testkit::sqlite();
            let fx = fill(db.store().await).await;
            let ix = SearchIndex::in_memory(Rates::builtin()).expect("index");
            ix.catch_up(&fx.store).await.expect("catch up");
            fx.store.close().await;
            (ix, db)
        })
        .await;
    ix
}

fn set(v: Vec<String>) -> HashSet<String> {
    v.into_iter().collect()
}

fn s(v: &[&str]) -> HashSet<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[tokio::test]
async fn words_are_all_required_and_title_ranks_first() {
    let ix = index().await;
    let r = ix.search(&req("kubernetes engineer ")).expect("search");
    assert_eq!(
        set(titles(&r)),
        s(&["Senior Backend Engineer", "Staff DevOps Engineer"])
    );
    // "payments" is in pm1's description only; "payment" in be1's: exact before typo
    let r = ix.search(&req("machine learning")).expect("search");
    assert_eq!(
        r.hits[0].title, "Machine Learning Engineer",
        "title match first"
    );
    assert!(
        titles(&r).contains(&"Frontend Developer".to_string()),
        "description matches too"
    );
}

#[tokio::test]
async fn typos_prefixes_phrases_exclusions() {
    let ix = index().await;
    let r = ix.search(&req("kuberntes ")).expect("typo");
    assert_eq!(r.total, 2, "kuberntes finds Kubernetes");
    let r = ix.search(&req("kube")).expect("prefix");
    assert_eq!(r.total, 2, "the last word matches as a prefix");
    assert_eq!(
        ix.search(&req("kube ")).expect("no prefix").total,
        0,
        "finished words are whole words"
    );
    assert_eq!(
        ix.search(&req("rsut ")).expect("short").total,
        0,
        "no typos below five letters"
    );
    let r = ix.search(&req("\"machine learning\"")).expect("phrase");
    assert_eq!(r.total, 2);
    let r = ix
        .search(&req("\"learning machine\""))
        .expect("phrase order");
    assert_eq!(r.total, 0);
    let r = ix
        .search(&req("\"machine learning\" -react"))
        .expect("exclusion");
    assert_eq!(titles(&r), ["Machine Learning Engineer"]);
    let r = ix.search(&req("-filler")).expect("only exclusions");
    assert_eq!(r.total, 8);
    // snippets mark the matched words and are escaped
    let r = ix.search(&req("kuberntes clusters")).expect("snippet");
    let sn = r.hits[0].snippet.as_deref().expect("snippet");
    assert!(
        sn.contains("<mark>Kubernetes</mark>") && sn.contains("<mark>clusters</mark>"),
        "{sn}"
    );
}

#[tokio::test]
async fn syntax_errors_carry_the_position() {
    let ix = index().await;
    match ix.search(&req("rust \"data eng")) {
        Err(SearchError::Syntax { position, message }) => {
            assert_eq!(position, 5);
            assert!(message.contains("quote"));
        }
        other => panic!("{other:?}"),
    }
    let e = ix.search(&req("rust - go")).expect_err("lone minus");
    assert!(e.to_string().contains("byte 5"), "{e}");
}

#[tokio::test]
async fn every_filter() {
    let ix = index().await;
    let with = |f: &dyn Fn(&mut SearchRequest)| {
        let mut r = req("");
        r.limit = 100;
        f(&mut r);
        set(titles(&ix.search(&r).expect("search")))
    };
    assert_eq!(
        with(&|r| r.role_family = vec![RoleFamily::Backend]),
        s(&["Senior Backend Engineer", "Backend Developer"])
    );
    assert_eq!(
        with(&|r| r.seniority = vec![Seniority::Senior, Seniority::Staff]),
        s(&[
            "Senior Backend Engineer",
            "Staff DevOps Engineer",
            "Security Engineer"
        ])
    );
    assert_eq!(
        with(&|r| r.remote = vec![RemotePolicy::Hybrid]),
        s(&["Data Engineer", "Product Manager"])
    );
    assert_eq!(
        with(&|r| r.country = vec!["GB".into(), "FR".into()]),
        s(&["Frontend Developer", "Product Manager"])
    );
    // region: named in text ("anywhere") or implied by the country (DE, GB, FR, PL are in Europe)
    assert_eq!(
        with(&|r| r.region = vec!["anywhere".into()]),
        s(&["Backend Developer"])
    );
    assert_eq!(with(&|r| r.region = vec!["europe".into()]).len(), 4 + 25);
    assert_eq!(
        with(&|r| r.skill = vec!["python".into(), "Spark".into()]),
        s(&["Data Engineer"]),
        "all skills by default, case-insensitive"
    );
    assert_eq!(
        with(&|r| {
            r.skill = vec!["Spark".into(), "Terraform".into()];
            r.skill_match = SkillMatch::Any;
        }),
        s(&["Data Engineer", "Staff DevOps Engineer"])
    );
    assert_eq!(
        with(&|r| r.company = vec!["acme security".into()]),
        s(&["Security Engineer"])
    );
    assert_eq!(
        with(&|r| r.company_prefix = Some("ACME".into())).len(),
        4,
        "Acme and Acme Security"
    );
    assert_eq!(
        with(&|r| r.source = vec!["lever".into()]),
        s(&["Frontend Developer", "Product Manager"])
    );
    assert_eq!(
        with(&|r| r.employment_type = vec![EmploymentType::Contract, EmploymentType::PartTime]),
        s(&["Frontend Developer", "Backend Developer"])
    );
    assert_eq!(
        with(&|r| r.posted_within = Some(2)).len(),
        2,
        "be1 (1 day) and ops1 (2 days)"
    );
    // salary ranges overlap [min, max] in the chosen currency; no salary = no match
    assert_eq!(
        with(&|r| r.salary_min = Some(150_000.0)),
        s(&["Data Engineer", "Security Engineer", "Staff DevOps Engineer", "Frontend Developer"]),
        "USD: be1 tops out near 127k; ops1 is 108-132k EUR a year (up to 152k USD); fe1 50-60 GBP/hour up to 164k"
    );
    assert_eq!(
        with(&|r| {
            r.salary_min = Some(100_000.0);
            r.salary_max = Some(120_000.0);
            r.currency = "EUR".into();
        }),
        s(&[
            "Senior Backend Engineer",
            "Staff DevOps Engineer",
            "Data Engineer",
            "Frontend Developer"
        ])
    );
    let mut bad = req("");
    bad.currency = "XYZ".into();
    bad.salary_min = Some(1.0);
    assert!(matches!(ix.search(&bad), Err(SearchError::BadValue { .. })));
}

#[tokio::test]
async fn facets_count_every_match_of_the_query() {
    let ix = index().await;
    let mut r = req("engineer");
    r.limit = 1;
    let res = ix.search(&r).expect("search");
    assert_eq!(res.hits.len(), 1);
    let f = &res.facets;
    assert_eq!(
        res.total,
        6 + 25,
        "all engineers, incl. 'engineering' by prefix and 'engineers' in text"
    );
    assert_eq!(f.company.get("Filler Co"), Some(25));
    assert_eq!(f.company.0[0].0, "Filler Co", "descending counts");
    assert_eq!(f.remote.get("remote"), Some(4));
    assert_eq!(f.country.get("DE"), Some(2));
    assert_eq!(f.skills.get("Kubernetes"), Some(2));
    assert_eq!(f.seniority.get("senior"), Some(2));
    assert_eq!(f.role_family.get("software"), Some(25));
    assert_eq!(f.region.get("europe"), Some(27));
    let json = serde_json::to_value(&res).expect("json");
    assert_eq!(json["facets"]["company"]["Filler Co"], 25);
    // salary bands in USD: be1 ~104-127k, de1 120-150k, ops1 ~125-152k, sec1 180-220k
    assert_eq!(f.salary_band.get("100k-150k"), Some(3));
    assert_eq!(f.salary_band.get("150k-200k"), None);
    assert_eq!(f.salary_band.get("200k-300k"), Some(1));
    r.facets = false;
    assert!(ix.search(&r).expect("search").facets.company.0.is_empty());
}

#[tokio::test]
async fn sort_orders() {
    let ix = index().await;
    let mut r = req("");
    r.limit = 3;
    let newest = ix.search(&r).expect("newest by default without words");
    assert_eq!(
        titles(&newest),
        [
            "Senior Backend Engineer",
            "Staff DevOps Engineer",
            "Data Engineer"
        ]
    );
    r.sort = Sort::Salary;
    r.limit = 100;
    let by_pay = ix.search(&r).expect("salary");
    let t = titles(&by_pay);
    assert_eq!(t[0], "Security Engineer");
    assert_eq!(
        t[1], "Frontend Developer",
        "50-60 GBP/hour is about 137-164k USD a year"
    );
    let paid = by_pay
        .hits
        .iter()
        .take_while(|h| h.salary.is_some())
        .count();
    assert_eq!(paid, 5);
    assert!(
        by_pay.hits[paid..].iter().all(|h| h.salary.is_none()),
        "no salary sorts last"
    );
    let annual = by_pay.hits[0].salary_annual.as_ref().expect("annual");
    assert_eq!(
        (annual.min, annual.max, annual.currency.as_str()),
        (180_000.0, 220_000.0, "USD")
    );
    r.sort = Sort::Newest;
    let res = ix.search(&r).expect("newest");
    let dates: Vec<_> = res.hits.iter().map(|h| h.posted_at).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]));
}

#[tokio::test]
async fn cursor_pages_do_not_overlap() {
    let ix = index().await;
    for sort in [Sort::Relevance, Sort::Newest, Sort::Salary] {
        let mut r = req("software engineer");
        r.sort = sort;
        r.limit = 7;
        let mut seen = HashSet::new();
        let mut pages = 0;
        loop {
            let res = ix.search(&r).expect("page");
            for h in &res.hits {
                assert!(seen.insert(h.id), "{sort:?}: {} twice", h.id);
            }
            pages += 1;
            match res.next_cursor {
                Some(c) => r.cursor = Some(c),
                None => break,
            }
        }
        assert_eq!(seen.len(), 25, "{sort:?}");
        assert_eq!(pages, 4);
    }
    let first = ix.search(&req("software")).expect("search");
    let mut other = req("engineer");
    other.cursor = first.next_cursor;
    assert!(
        matches!(ix.search(&other), Err(SearchError::BadValue { ref param, .. }) if param == "cursor")
    );
}

#[tokio::test]
async fn budget_cuts_the_search_with_a_flag() {
    let ix = index().await;
    let mut r = req("engineer");
    r.budget = Some(Duration::ZERO);
    let res = ix.search(&r).expect("search");
    assert!(res.partial);
    r.budget = Some(Duration::from_secs(10));
    assert!(!ix.search(&r).expect("search").partial);
}

#[tokio::test]
async fn from_pairs_feeds_search() {
    let ix = index().await;
    let pairs = |v: &[(&str, &str)]| {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect::<Vec<_>>()
    };
    let mut r = SearchRequest::from_pairs(&pairs(&[
        ("q", "engineer"),
        ("remote", "remote"),
        ("country", "de"),
    ]))
    .expect("parse");
    r.now = Some(NOW);
    assert_eq!(ix.search(&r).expect("search").total, 2);
    match SearchRequest::from_pairs(&pairs(&[("q", "x"), ("title", "y")])) {
        Err(e @ SearchError::UnknownParam { .. }) => {
            assert!(e.to_string().contains("company_prefix"), "{e}")
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn salary_sample_for_insight() {
    let ix = index().await;
    let mut r = req("");
    r.currency = "EUR".into();
    let s = ix.salaries(&r).expect("salaries");
    assert_eq!(s.matched, 33);
    assert_eq!(s.points.len(), 5);
    assert_eq!(s.currency, "EUR");
    // per-role counts from the same scan agree with a search filtered by that role
    assert_eq!(s.matched_by_role.iter().map(|(_, n)| n).sum::<u64>(), 33);
    for (f, n) in &s.matched_by_role {
        let mut one = req("");
        one.role_family = vec![*f];
        let by_search = ix.salaries(&one).expect("salaries");
        assert_eq!(by_search.matched, *n, "{f:?}");
        let pts = s.points.iter().filter(|p| p.role_family == Some(*f)).count();
        assert_eq!(by_search.points.len(), pts, "{f:?}");
    }
    let monthly = s
        .points
        .iter()
        .find(|p| p.period == Some(Period::Month))
        .expect("monthly");
    assert!(
        (monthly.lo - 108_000.0).abs() < 2.0 && (monthly.hi - 132_000.0).abs() < 2.0,
        "{monthly:?}"
    );
    r.seniority = vec![Seniority::Senior];
    let s = ix.salaries(&r).expect("salaries");
    assert_eq!((s.matched, s.points.len()), (2, 2));
    assert!(s
        .points
        .iter()
        .all(|p| p.seniority == Some(Seniority::Senior)));
}

#[tokio::test]
async fn similar_postings() {
    let ix = index().await;
    let me = ix
        .search(&req("\"senior backend engineer\""))
        .expect("search")
        .hits[0]
        .id;
    let sim = ix.similar(me, 5).expect("similar");
    assert!(!sim.is_empty() && sim.len() <= 5);
    assert!(sim.iter().all(|h| h.id != me));
    let t: Vec<&str> = sim.iter().map(|h| h.title.as_str()).collect();
    assert!(
        t[..2].contains(&"Backend Developer") && t[..2].contains(&"Staff DevOps Engineer"),
        "{t:?}"
    );
    assert!(ix.similar(999_999, 5).expect("unknown").is_empty());
}

/// A title that says what was asked beats a company field that repeats the words (board ads
/// whose "company" is a sentence), and words side by side in the title beat words apart.
#[tokio::test]
async fn best_field_and_title_word_order_rank() {
    let db = hirekit_testkit::sqlite();
    let store = db.store().await;
    let src = store
        .ensure_source("jsonl:ads", Some("jsonl"), "jsonl:ads", 1)
        .await
        .expect("source");
    let run = store.begin_run(10).await.expect("run");
    let mut ad = posting("Senior Data Scientist", "Senior Data Engineer wanted by a startup");
    ad.description = "We need a senior data engineer. Data engineer with Spark.".into();
    let exact = posting("Senior Data Engineer", "Acme");
    let apart = posting("Senior Engineer, Data Platform", "Initech");
    let items: Vec<_> = [("ad", ad), ("exact", exact), ("apart", apart)]
        .into_iter()
        .map(|(e, p)| incoming(e, p))
        .collect();
    store.upsert_batch(src.id, run, 10, &items).await.expect("upsert");
    let ix = SearchIndex::in_memory(Rates::builtin()).expect("index");
    ix.catch_up(&store).await.expect("catch up");
    let r = ix.search(&req("senior data engineer")).expect("search");
    assert_eq!(titles(&r)[0], "Senior Data Engineer", "{:?}", titles(&r));
    let r = ix.search(&req("data engineer")).expect("search");
    let t = titles(&r);
    let pos = |x: &str| t.iter().position(|y| y == x).expect("found");
    assert!(pos("Senior Data Engineer") < pos("Senior Engineer, Data Platform"), "{t:?}");
    store.close().await;
}
