//! The index follows the store: new, updated, closed and deleted postings; restarts; loss.

mod common;

use std::time::Duration;

use common::*;
use hirekit_index::{Cursor, SearchIndex};
use hirekit_model::money::Rates;

#[tokio::test]
async fn catch_up_indexes_new_updated_closed_and_deleted_postings() {
    let db = hirekit_testkit::sqlite();
    let fx = fill(db.store().await).await;
    let ix = SearchIndex::in_memory(Rates::builtin()).expect("index");
    let n = ix.catch_up(&fx.store).await.expect("catch up");
    assert_eq!(n, corpus().len());
    assert_eq!(ix.num_docs(), corpus().len() as u64);
    assert_eq!(
        ix.catch_up(&fx.store).await.expect("again"),
        0,
        "nothing new"
    );
    let c = ix.cursor();
    assert!(c.seq > 0 && c.id > 0, "{c:?}");

    // updated: the new title is found, the old one is not
    let run = fx.store.begin_run(20).await.expect("run");
    let mut p = corpus()
        .into_iter()
        .find(|(e, _)| e == "de1")
        .expect("de1")
        .1;
    p.title = "Analytics Engineer".into();
    fx.store
        .upsert_batch(fx.acme.id, run, 20, &[incoming("de1", p)])
        .await
        .expect("upsert");
    assert_eq!(ix.catch_up(&fx.store).await.expect("catch up"), 1);
    assert_eq!(
        titles(&ix.search(&req("analytics engineer")).expect("search")),
        ["Analytics Engineer"]
    );
    assert_eq!(
        ix.search(&req("\"data engineer\"")).expect("search").total,
        0
    );
    assert_eq!(ix.num_docs(), corpus().len() as u64);

    // closed: Beta's board no longer lists the frontend job
    let run = fx.store.begin_run(30).await.expect("run");
    let pm = corpus()
        .into_iter()
        .find(|(e, _)| e == "pm1")
        .expect("pm1")
        .1;
    fx.store
        .upsert_batch(fx.beta.id, run, 30, &[incoming("pm1", pm)])
        .await
        .expect("upsert");
    assert_eq!(
        fx.store
            .close_missing(fx.beta.id, run, 30)
            .await
            .expect("close"),
        1
    );
    assert!(ix.catch_up(&fx.store).await.expect("catch up") >= 1);
    assert_eq!(
        ix.search(&req("frontend")).expect("search").total,
        0,
        "closed leaves default results"
    );
    let mut r = req("frontend");
    r.include_closed = true;
    let res = ix.search(&r).expect("search");
    assert_eq!(res.total, 1);
    assert!(res.hits[0].closed);

    // deleted: removing Beta's source deletes its postings
    fx.store
        .remove_source("lever:beta", 40)
        .await
        .expect("remove");
    ix.catch_up(&fx.store).await.expect("catch up");
    let mut r = req("product manager");
    r.include_closed = true;
    assert_eq!(ix.search(&r).expect("search").total, 0);
    assert_eq!(ix.num_docs(), corpus().len() as u64 - 2);
    assert_eq!(ix.catch_up(&fx.store).await.expect("idle"), 0);
}

#[tokio::test]
async fn reopening_resumes_from_the_persisted_cursor() {
    let db = hirekit_testkit::sqlite();
    let fx = fill(db.store().await).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let cursor = {
        let ix = SearchIndex::open(dir.path(), Rates::builtin()).expect("open");
        ix.catch_up(&fx.store).await.expect("catch up");
        ix.cursor()
    };
    let run = fx.store.begin_run(50).await.expect("run");
    let extra = posting("Embedded Firmware Engineer", "Omega");
    fx.store
        .upsert_batch(fx.acme.id, run, 50, &[incoming("emb1", extra)])
        .await
        .expect("upsert");

    let ix = SearchIndex::open(dir.path(), Rates::builtin()).expect("reopen");
    assert_eq!(ix.cursor(), cursor);
    assert_eq!(ix.num_docs(), corpus().len() as u64);
    assert_eq!(
        ix.catch_up(&fx.store).await.expect("catch up"),
        1,
        "only the new posting"
    );
    assert_eq!(ix.search(&req("firmware")).expect("search").total, 1);
    assert!(ix.cursor().seq > cursor.seq);
}

#[tokio::test]
async fn a_lost_or_damaged_index_is_rebuilt_from_the_store() {
    let db = hirekit_testkit::sqlite();
    let fx = fill(db.store().await).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("index");
    {
        let ix = SearchIndex::open(&path, Rates::builtin()).expect("open");
        ix.catch_up(&fx.store).await.expect("catch up");
    }
    std::fs::remove_dir_all(&path).expect("delete index");
    {
        let ix = SearchIndex::open(&path, Rates::builtin()).expect("open");
        assert_eq!(ix.cursor(), Cursor::default());
        assert_eq!(
            ix.catch_up(&fx.store).await.expect("catch up"),
            corpus().len()
        );
        assert_eq!(ix.search(&req("kubernetes")).expect("search").total, 2);
    }
    // garbage in meta.json: wiped and recreated, not an error
    std::fs::write(path.join("meta.json"), b"{ not json").expect("corrupt");
    {
        let ix = SearchIndex::open(&path, Rates::builtin()).expect("open damaged");
        assert_eq!(ix.num_docs(), 0);
        ix.catch_up(&fx.store).await.expect("catch up");
        assert_eq!(ix.num_docs(), corpus().len() as u64);
    }
    // another rate table: salaries are indexed in USD with it, so the index starts over
    let rates = Rates::from_toml("date = \"2027-01-01\"\n[per_usd]\nEUR = 0.5\n").expect("rates");
    let ix = SearchIndex::open(&path, rates).expect("open with other rates");
    assert_eq!(ix.num_docs(), 0);
    ix.catch_up(&fx.store).await.expect("catch up");
    let mut r = req("");
    r.salary_min = Some(200_000.0);
    // 90–110k EUR at 0.5 EUR/USD is 180–220k USD
    assert!(
        titles(&ix.search(&r).expect("search")).contains(&"Senior Backend Engineer".to_string())
    );
}

#[tokio::test]
async fn rebuild_recreates_everything() {
    let db = hirekit_testkit::sqlite();
    let fx = fill(db.store().await).await;
    let ix = SearchIndex::in_memory(Rates::builtin()).expect("index");
    ix.catch_up(&fx.store).await.expect("catch up");
    let seen = std::sync::Mutex::new(0u64);
    let n = ix
        .rebuild(&fx.store, &|k| *seen.lock().expect("lock") = k)
        .await
        .expect("rebuild");
    assert_eq!(n, corpus().len());
    assert_eq!(*seen.lock().expect("lock"), corpus().len() as u64);
    assert_eq!(ix.num_docs(), corpus().len() as u64);
    // more segments (one per commit), then one per search thread
    let titles = ["Site Reliability Engineer", "Payroll Clerk", "Data Steward", "Ward Nurse", "Tax Advisor"];
    for (k, t) in titles.iter().enumerate() {
        let run = fx.store.begin_run(70 + k as i64).await.expect("run");
        fx.store
            .upsert_batch(fx.acme.id, run, 70, &[incoming(&format!("x{k}"), posting(t, "Acme"))])
            .await
            .expect("upsert");
        ix.catch_up(&fx.store).await.expect("catch up");
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    assert!(ix.segments() > threads.min(5), "{} segments before", ix.segments());
    ix.optimize().expect("optimize");
    assert!(ix.segments() <= threads, "{} segments after, {threads} threads", ix.segments());
    assert_eq!(ix.num_docs(), corpus().len() as u64 + titles.len() as u64);
    assert_eq!(ix.search(&req("reliability")).expect("search").total, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn follow_keeps_every_backend_in_step() {
    for db in hirekit_testkit::all().await {
        eprintln!("backend: {}", db.name);
        let fx = fill(db.store().await).await;
        let ix = SearchIndex::in_memory(Rates::builtin()).expect("index");
        let (tx, rx) = tokio::sync::watch::channel(false);
        let task = ix.follow(fx.store.clone(), Duration::from_millis(50), rx);
        let found = |q: &str| ix.search(&req(q)).map(|r| r.total).unwrap_or(0);
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while found("kubernetes") < 2 && std::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert_eq!(found("kubernetes"), 2);
        let run = fx.store.begin_run(60).await.expect("run");
        fx.store
            .upsert_batch(
                fx.acme.id,
                run,
                60,
                &[incoming(
                    "qa1",
                    posting("Quality Assurance Analyst", "Acme"),
                )],
            )
            .await
            .expect("upsert");
        while found("quality assurance") == 0 && std::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert_eq!(
            found("quality assurance"),
            1,
            "a new posting becomes searchable within seconds"
        );
        tx.send(true).expect("stop");
        tokio::time::timeout(Duration::from_secs(5), task)
            .await
            .expect("stops")
            .expect("joins");
        fx.store.close().await;
    }
}
