//! The PostgreSQL baseline against a real server: needs `HIREKIT_TEST_PG_URL` (an admin URL;
//! scripts/test.sh sets it). A fresh database is created for the test.

use std::io::Write;

use hirekit_searchbench::{pg, Engine, Filters, PgFts, Query, SalaryRule};
use sqlx::Connection;

fn fresh_database() -> Option<String> {
    let Ok(admin) = std::env::var("HIREKIT_TEST_PG_URL") else {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!(
                "HIREKIT_TEST_PG_URL is not set under CI: run the tests through scripts/test.sh"
            );
        }
        eprintln!("note: HIREKIT_TEST_PG_URL not set; PostgreSQL baseline test skipped (scripts/test.sh sets it)");
        return None;
    };
    let name = format!("hk_searchbench_{}", std::process::id());
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let mut c = sqlx::PgConnection::connect(&admin)
            .await
            .expect("connect to the admin URL");
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE IF EXISTS {name}"
        )))
        .execute(&mut c)
        .await
        .expect("drop");
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut c)
            .await
            .expect("create");
        let _ = c.close().await;
    });
    let base = admin
        .rsplit_once('/')
        .map(|(b, _)| b.to_string())
        .unwrap_or(admin);
    Some(format!("{base}/{name}"))
}

fn posting(
    title: &str,
    company: &str,
    desc: &str,
    place: &str,
    remote: bool,
    salary: Option<(f64, f64, &str)>,
) -> String {
    let mut v = serde_json::json!({
        "@type": "JobPosting", "title": title, "description": desc,
        "hiringOrganization": {"name": company},
        "jobLocation": {"address": {"addressLocality": place}},
    });
    if remote {
        v["jobLocationType"] = "TELECOMMUTE".into();
    }
    if let Some((lo, hi, unit)) = salary {
        v["baseSalary"] = serde_json::json!({"currency": "USD", "value": {"minValue": lo, "maxValue": hi, "unitText": unit}});
    }
    format!("{v}\n")
}

fn q(text: &str, filters: Filters) -> Query {
    Query {
        id: 1,
        q: text.into(),
        filters,
    }
}

#[test]
fn loads_searches_filters_and_counts_facets() {
    let Some(url) = fresh_database() else { return };
    let mut f = tempfile::NamedTempFile::new().expect("tmp");
    let lines = [
        // 1: title match, remote, 150k
        posting(
            "Senior Rust Engineer",
            "Acme_Corp",
            "<p>Build <b>services</b>.</p>",
            "Berlin, Germany",
            true,
            Some((150_000.0, 180_000.0, "YEAR")),
        ),
        // 2: description-only match
        posting(
            "Backend Engineer",
            "Acme Labs",
            "We use Rust and Go for services.",
            "Austin, TX",
            false,
            Some((60.0, 70.0, "HOUR")),
        ),
        // 3: unrelated
        posting(
            "Registered Nurse",
            "Mercy Hospital",
            "Patient care. Rust-free zone? no",
            "Paris, France",
            false,
            None,
        ),
        // 4: needs both words for "rust developer"
        posting(
            "Rust Developer",
            "Zed",
            "Tooling.\tTabs\\and backslashes.",
            "London, United Kingdom",
            true,
            Some((90_000.0, 120_000.0, "YEAR")),
        ),
        String::from("not json\n"),
        posting(
            "Accountant",
            "acme_corp",
            "Ledgers.",
            "New York, NY",
            false,
            None,
        ),
    ];
    for l in &lines {
        f.write_all(l.as_bytes()).expect("write");
    }
    let stats = pg::load(&url, f.path()).expect("load");
    assert_eq!(stats.rows, 5);
    assert_eq!(stats.skipped_lines, 1);
    assert!(stats.table_bytes > 0 && stats.index_bytes > 0);

    let mut e = PgFts::connect(&url, SalaryRule::MinGte).expect("connect");
    assert_eq!(e.count().expect("count"), 5);

    // Title (weight A) ranks above description (weight C); ids are line numbers.
    let r = e.search(&q("rust", Filters::default())).expect("search");
    assert_eq!(r.total, 4, "{r:?}"); // 1, 2, 3 (Rust-free), 4
    assert_eq!(r.ids.len(), 4);
    assert!(
        r.ids[..2].contains(&1) && r.ids[..2].contains(&4),
        "{:?}",
        r.ids
    );
    assert_eq!(r.facets.remote, (2, 2));
    assert!(
        r.facets.countries.contains(&("DE".to_string(), 1)),
        "{:?}",
        r.facets.countries
    );
    assert_eq!(r.facets.companies.len(), 4);

    // All words required.
    assert_eq!(
        e.search(&q("rust developer", Filters::default()))
            .expect("search")
            .ids,
        vec![4]
    );

    let only = |e: &mut PgFts, f: Filters| e.search(&q("rust", f)).expect("search").ids;
    assert_eq!(
        only(
            &mut e,
            Filters {
                remote: Some(true),
                ..Filters::default()
            }
        )
        .len(),
        2
    );
    // Hourly 60–70 USD → 124,800–145,600 a year: below 130k by minimum, above by maximum.
    let sal = Filters {
        salary_min_gte: Some(130_000.0),
        ..Filters::default()
    };
    assert_eq!(only(&mut e, sal.clone()), vec![1]);
    let mut overlap = PgFts::connect(&url, SalaryRule::Overlap).expect("connect");
    let mut ids = only(&mut overlap, sal);
    ids.sort();
    assert_eq!(ids, vec![1, 2]);
    // Company prefix: case-insensitive, "_" is literal.
    assert_eq!(
        only(
            &mut e,
            Filters {
                company_prefix: Some("ACME_".into()),
                ..Filters::default()
            }
        ),
        vec![1]
    );
    assert_eq!(
        only(
            &mut e,
            Filters {
                company_prefix: Some("acme".into()),
                ..Filters::default()
            }
        )
        .len(),
        2
    );
    assert_eq!(
        only(
            &mut e,
            Filters {
                country: Some("GB".into()),
                ..Filters::default()
            }
        ),
        vec![4]
    );
    assert_eq!(
        only(
            &mut e,
            Filters {
                country: Some("US".into()),
                remote: Some(true),
                ..Filters::default()
            }
        ),
        Vec::<i64>::new()
    );

    // Nothing matches: zero counts, empty facets.
    let none = e
        .search(&q("astronaut", Filters::default()))
        .expect("search");
    assert_eq!(
        (none.total, none.ids.len(), none.facets.remote),
        (0, 0, (0, 0))
    );
    assert!(none.facets.countries.is_empty() && none.facets.companies.is_empty());

    // Reloading replaces the table.
    assert_eq!(pg::load(&url, f.path()).expect("reload").rows, 5);
}
