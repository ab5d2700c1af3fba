//! Bad input never panics: parameter parsing, the query parser, and a whole search.

use std::sync::OnceLock;

use hirekit_index::{parse_query, SearchIndex, SearchRequest, PARAMS};
use hirekit_model::money::Rates;
use hirekit_model::{Posting, RoleFamily, Track};
use hirekit_store::StoredPosting;
use proptest::prelude::*;

fn index() -> &'static SearchIndex {
    static IX: OnceLock<SearchIndex> = OnceLock::new();
    IX.get_or_init(|| {
        let ix = SearchIndex::in_memory(Rates::builtin()).expect("index");
        let docs: Vec<StoredPosting> = [
            "Senior Rust Engineer",
            "Data Engineer (Spark)",
            "C++ Développeur",
            "Kubernetes SRE",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| StoredPosting {
            id: i as i64 + 1,
            fingerprint: format!("f{i}"),
            posting: Posting {
                title: t.to_string(),
                company: Some("Acme".into()),
                role_family: RoleFamily::Backend,
                seniority: None,
                track: Track::Ic,
                remote: None,
                countries: vec!["DE".into()],
                regions: vec![],
                locations: vec![],
                employment_type: None,
                salary: None,
                salary_text: None,
                skills: vec!["Rust".into()],
                description: format!("{t}: <b>build</b> things & ship \"fast\" — naïve café"),
                url: None,
                apply_url: None,
                posted_at: None,
                valid_through: None,
                department: None,
            },
            first_seen: 1,
            last_seen: 1,
            closed_at: None,
            updated_at: 1,
            change_seq: 1,
            sources: vec![],
        })
        .collect();
        ix.apply(&docs, &[], hirekit_index::Cursor { seq: 1, id: 4 })
            .expect("apply");
        ix
    })
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(PARAMS.to_vec()).prop_map(str::to_string),
        "[a-z_]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn from_pairs_never_panics(pairs in proptest::collection::vec((name(), "\\PC{0,24}"), 0..6)) {
        let _ = SearchRequest::from_pairs(&pairs);
    }

    #[test]
    fn the_query_parser_never_panics(q in "\\PC{0,60}|[\"\\- a-zA-Z+#é]{0,40}") {
        if let Ok(p) = parse_query(&q) {
            prop_assert!(p.must.len() + p.must_not.len() <= hirekit_index::MAX_LIMIT);
        }
    }

    #[test]
    fn search_never_panics(q in "[\"\\- a-zA-Z+#éü.]{0,30}", cursor in proptest::option::of("\\PC{0,20}")) {
        let r = SearchRequest { q, cursor, ..Default::default() };
        if let Ok(res) = index().search(&r) {
            prop_assert!(res.hits.len() <= 20);
            for h in &res.hits {
                if let Some(s) = &h.snippet {
                    // escaped: only our own tags
                    let stripped = s.replace("<mark>", "").replace("</mark>", "");
                    prop_assert!(!stripped.contains('<'), "{}", s);
                }
            }
        }
    }
}
