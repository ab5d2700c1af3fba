//! Store behaviour, run on SQLite and on PostgreSQL.

use hirekit_model::{Period, Posting, RoleFamily, Salary, Track};
use hirekit_store::{Incoming, Store};

fn posting(title: &str, company: &str, city: &str) -> Posting {
    Posting {
        title: title.into(),
        company: Some(company.into()),
        role_family: RoleFamily::Backend,
        seniority: None,
        track: Track::Ic,
        remote: None,
        countries: vec!["DE".into()],
        regions: vec![],
        locations: vec![city.into()],
        employment_type: None,
        salary: None,
        salary_text: None,
        skills: vec!["Rust".into()],
        description: format!("{title} at {company}"),
        url: None,
        apply_url: None,
        posted_at: None,
        valid_through: None,
        department: None,
    }
}

fn item(ext: &str, title: &str, company: &str, city: &str, version: &str) -> Incoming {
    let p = posting(title, company, city);
    Incoming {
        external_id: ext.into(),
        content_hash: format!("{ext}-{version}"),
        raw: format!("{{\"id\":\"{ext}\",\"v\":\"{version}\"}}"),
        url: Some(format!("https://jobs.example/{company}/{ext}")),
        apply_url: Some(format!("https://jobs.example/{company}/{ext}/apply")),
        fingerprint: format!(
            "{}|{}|{}",
            company.to_lowercase(),
            title.to_lowercase(),
            city.to_lowercase()
        ),
        rank: 0,
        posting: p,
    }
}

async fn each_backend<F, Fut>(f: F)
where
    F: Fn(Store) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for db in hirekit_testkit::all().await {
        eprintln!("backend: {}", db.name);
        let store = db.store().await;
        f(store.clone()).await;
        store.close().await;
    }
}

#[tokio::test]
async fn migrations_are_idempotent_and_ping_works() {
    for db in hirekit_testkit::all().await {
        let a = db.store().await;
        a.ping().await.expect("ping");
        a.close().await;
        let b = db.store().await; // migrations run again: no-op
        assert_eq!(b.counts().await.expect("counts").postings, 0);
        b.close().await;
    }
}

#[tokio::test]
async fn insert_unchanged_updated() {
    each_backend(|s| async move {
        let src = s
            .ensure_source(
                "greenhouse:acme",
                Some("greenhouse"),
                "/feeds/acme.json",
                100,
            )
            .await
            .expect("source");
        let run = s.begin_run(100).await.expect("run");
        let batch = vec![
            item("1", "Backend Engineer", "Acme", "Berlin", "a"),
            item("2", "Data Engineer", "Acme", "Berlin", "a"),
        ];
        let out = s
            .upsert_batch(src.id, run, 100, &batch)
            .await
            .expect("upsert");
        assert_eq!(
            (out.new, out.unchanged, out.updated, out.merged),
            (2, 0, 0, 0)
        );

        let run2 = s.begin_run(200).await.expect("run");
        let out = s
            .upsert_batch(src.id, run2, 200, &batch)
            .await
            .expect("upsert");
        assert_eq!(
            (out.new, out.unchanged, out.updated, out.merged),
            (0, 2, 0, 0),
            "same input changes nothing"
        );

        let mut changed = item("2", "Senior Data Engineer", "Acme", "Berlin", "b");
        changed.posting.salary = Some(Salary {
            min: Some(70000.0),
            max: Some(90000.0),
            currency: Some("EUR".into()),
            period: Some(Period::Year),
        });
        let run3 = s.begin_run(300).await.expect("run");
        let out = s
            .upsert_batch(src.id, run3, 300, &[batch[0].clone(), changed])
            .await
            .expect("upsert");
        assert_eq!((out.new, out.unchanged, out.updated), (0, 1, 1));
        let c = s.counts().await.expect("counts");
        assert_eq!((c.postings, c.items), (2, 2));
        let all = s.postings_after(0, 10, true).await.expect("list");
        let p2 = all
            .iter()
            .find(|p| p.posting.title == "Senior Data Engineer")
            .expect("updated title");
        assert_eq!(
            p2.posting.salary.as_ref().and_then(|x| x.max),
            Some(90000.0)
        );
        assert_eq!(p2.first_seen, 100);
        assert_eq!(p2.last_seen, 300);
    })
    .await;
}

#[tokio::test]
async fn duplicates_merge_across_sources_and_within_a_batch() {
    each_backend(|s| async move {
        let a = s
            .ensure_source("greenhouse:acme", Some("greenhouse"), "/feeds/a.json", 1)
            .await
            .expect("source");
        let b = s
            .ensure_source("jsonl:agg", Some("jsonl"), "/feeds/agg.jsonl", 1)
            .await
            .expect("source");
        let run = s.begin_run(10).await.expect("run");
        s.upsert_batch(
            a.id,
            run,
            10,
            &[item("1", "Backend Engineer", "Acme", "Berlin", "a")],
        )
        .await
        .expect("upsert");
        // The aggregator carries the same job (other id, other URL) twice, plus a repost on the board.
        let mut dup = item("x9", "Backend Engineer", "Acme", "Berlin", "a");
        dup.posting.salary = Some(Salary {
            min: Some(1.0),
            max: Some(2.0),
            currency: Some("EUR".into()),
            period: Some(Period::Hour),
        });
        let out = s
            .upsert_batch(b.id, run, 10, &[dup.clone(), dup])
            .await
            .expect("upsert");
        assert_eq!((out.new, out.merged, out.unchanged), (0, 1, 1));
        let repost = item("7", "Backend Engineer", "Acme", "Berlin", "a");
        let out = s
            .upsert_batch(a.id, run, 10, &[repost])
            .await
            .expect("upsert");
        assert_eq!(out.merged, 1);

        let all = s.postings_after(0, 10, true).await.expect("list");
        assert_eq!(all.len(), 1);
        let p = &all[0];
        assert_eq!(p.sources.len(), 3, "one posting keeps every source");
        assert_eq!(p.sources[0].merge_reason, None);
        assert_eq!(
            p.sources[1].merge_reason.as_deref(),
            Some("same company, title and location")
        );
        assert!(p.sources.iter().all(|x| x.apply_url.is_some()));
        assert_eq!(
            p.posting.salary.as_ref().and_then(|x| x.period),
            Some(Period::Hour),
            "merge fills a missing salary"
        );

        // Same URL on another source merges even when the fingerprint differs.
        let mut same_url = item("zz", "Backend Eng. (Rust)", "ACME Corp", "Remote", "q");
        same_url.url = Some("https://jobs.example/Acme/1".into());
        let out = s
            .upsert_batch(b.id, run, 10, &[same_url])
            .await
            .expect("upsert");
        assert_eq!(out.merged, 1);
    })
    .await;
}

#[tokio::test]
async fn vanished_items_close_postings_only_when_every_source_dropped_them() {
    each_backend(|s| async move {
        let a = s
            .ensure_source("lever:acme", Some("lever"), "/feeds/lever.json", 1)
            .await
            .expect("source");
        let b = s
            .ensure_source("ashby:acme", Some("ashby"), "/feeds/ashby.json", 1)
            .await
            .expect("source");
        let r1 = s.begin_run(10).await.expect("run");
        s.upsert_batch(
            a.id,
            r1,
            10,
            &[
                item("1", "SRE", "Acme", "Paris", "a"),
                item("2", "QA Engineer", "Acme", "Paris", "a"),
            ],
        )
        .await
        .expect("upsert");
        s.upsert_batch(b.id, r1, 10, &[item("b1", "SRE", "Acme", "Paris", "a")])
            .await
            .expect("upsert");
        assert_eq!(s.close_missing(a.id, r1, 11).await.expect("close"), 0);

        // Next run: board A lists nothing any more; B still lists the SRE job.
        let r2 = s.begin_run(20).await.expect("run");
        s.upsert_batch(a.id, r2, 20, &[]).await.expect("upsert");
        let closed = s.close_missing(a.id, r2, 21).await.expect("close");
        assert_eq!(closed, 1, "the QA job closes; the SRE job is still on B");
        let all = s.postings_after(0, 10, true).await.expect("list");
        let qa = all
            .iter()
            .find(|p| p.posting.title == "QA Engineer")
            .expect("qa");
        assert_eq!(qa.closed_at, Some(21));
        let sre = all.iter().find(|p| p.posting.title == "SRE").expect("sre");
        assert_eq!(sre.closed_at, None);
        assert_eq!(s.postings_after(0, 10, false).await.expect("open").len(), 1);

        // The QA job comes back: reopened.
        let r3 = s.begin_run(30).await.expect("run");
        let out = s
            .upsert_batch(
                a.id,
                r3,
                30,
                &[item("2", "QA Engineer", "Acme", "Paris", "a")],
            )
            .await
            .expect("upsert");
        assert_eq!(out.updated, 1);
        let qa = s.get_posting(qa.id).await.expect("get").expect("exists");
        assert_eq!(qa.closed_at, None);

        // Removing B: the SRE job is now listed nowhere open (A dropped it), so it closes.
        s.remove_source("ashby:acme", 40)
            .await
            .expect("remove")
            .expect("found");
        let sre = s
            .get_posting(sre.id)
            .await
            .expect("get")
            .expect("kept: A's closed item remains");
        assert_eq!(sre.closed_at, Some(40));
        assert_eq!(sre.sources.len(), 1);
        assert!(s
            .get_posting(qa.id)
            .await
            .expect("get")
            .is_some_and(|p| p.closed_at.is_none()));
        // Removing A deletes what only A had.
        s.remove_source("lever:acme", 50)
            .await
            .expect("remove")
            .expect("found");
        assert_eq!(s.counts().await.expect("counts").postings, 0);
    })
    .await;
}

#[tokio::test]
async fn source_status_and_registration() {
    each_backend(|s| async move {
        let src = s
            .register_source(
                "greenhouse:acme",
                Some("greenhouse"),
                "https://x.test/b",
                600,
                5,
            )
            .await
            .expect("register");
        assert!(src.registered);
        let st = hirekit_store::SourceStatus {
            polled_at: 50,
            status: "failed".into(),
            error: Some("HTTP 500".into()),
            ..Default::default()
        };
        s.record_source_status(src.id, &st).await.expect("status");
        let st = hirekit_store::SourceStatus {
            polled_at: 60,
            status: "ok".into(),
            etag: Some("\"v1\"".into()),
            ..Default::default()
        };
        s.record_source_status(src.id, &st).await.expect("status");
        let list = s.list_sources(true).await.expect("list");
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].etag.as_deref(), Some("\"v1\""));
        assert_eq!(list[0].consecutive_failures, 0);
        assert_eq!(list[0].last_ok_at, Some(60));
    })
    .await;
}

#[tokio::test]
async fn large_batches_page_through() {
    each_backend(|s| async move {
        let src = s
            .ensure_source("jsonl:big", Some("jsonl"), "/big.jsonl", 1)
            .await
            .expect("source");
        let run = s.begin_run(1).await.expect("run");
        let batch: Vec<Incoming> = (0..2500)
            .map(|i| item(&i.to_string(), &format!("Engineer {i}"), "Big", "Oslo", "a"))
            .collect();
        let out = s
            .upsert_batch(src.id, run, 1, &batch)
            .await
            .expect("upsert");
        assert_eq!(out.new, 2500);
        let mut after = 0;
        let mut n = 0;
        loop {
            let page = s.postings_after(after, 1000, false).await.expect("page");
            let Some(last) = page.last() else { break };
            after = last.id;
            n += page.len();
        }
        assert_eq!(n, 2500);
    })
    .await;
}

#[tokio::test]
async fn change_feed_lists_changes_in_commit_order_and_deletions() {
    each_backend(|s| async move {
        assert_eq!(s.last_change_seq().await.expect("seq"), 0);
        let a = s
            .ensure_source("lever:acme", Some("lever"), "/feeds/a.json", 1)
            .await
            .expect("source");
        let b = s
            .ensure_source("ashby:beta", Some("ashby"), "/feeds/b.json", 1)
            .await
            .expect("source");
        let r = s.begin_run(10).await.expect("run");
        s.upsert_batch(
            a.id,
            r,
            10,
            &[
                item("1", "SRE", "Acme", "Paris", "a"),
                item("2", "QA", "Acme", "Paris", "a"),
            ],
        )
        .await
        .expect("upsert");
        let seq1 = s.last_change_seq().await.expect("seq");
        assert!(seq1 > 0);
        s.upsert_batch(b.id, r, 11, &[item("3", "DBA", "Beta", "Rome", "a")])
            .await
            .expect("upsert");
        let all = s.changes_after(0, 0, 100).await.expect("changes");
        assert_eq!(
            all.iter()
                .map(|p| p.posting.title.as_str())
                .collect::<Vec<_>>(),
            ["SRE", "QA", "DBA"]
        );
        // Keyset paging resumes exactly after the last row seen.
        let first = s.changes_after(0, 0, 1).await.expect("page");
        let rest = s
            .changes_after(first[0].change_seq, first[0].id, 100)
            .await
            .expect("page");
        assert_eq!(rest.len(), 2);
        // An update moves the posting to the end of the feed.
        s.upsert_batch(a.id, r, 12, &[item("1", "SRE", "Acme", "Paris", "b")])
            .await
            .expect("upsert");
        let tail = s
            .changes_after(all[2].change_seq, all[2].id, 100)
            .await
            .expect("tail");
        assert_eq!(tail.len(), 1);
        assert_eq!(tail[0].posting.title, "SRE");
        // Deleting a source leaves tombstones at a later sequence.
        let before = s.last_change_seq().await.expect("seq");
        s.remove_source("ashby:beta", 13)
            .await
            .expect("remove")
            .expect("found");
        assert_eq!(
            s.deleted_since(before + 1).await.expect("tombstones"),
            vec![all[2].id]
        );
        assert!(s
            .deleted_since(before + 2)
            .await
            .expect("tombstones")
            .is_empty());
    })
    .await;
}
