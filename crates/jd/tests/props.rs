//! lint and parse_spec never panic, and spans are always valid slices.
#![allow(clippy::unwrap_used)] // tests fail loudly

use proptest::prelude::*;

fn jd_like() -> impl Strategy<Value = String> {
    let parts = prop::sample::select(vec![
        "<p>",
        "</p>",
        "<li>",
        "&amp;",
        "&#x41;",
        "&bogus;",
        "10+ years of Kubernetes",
        "rockstar",
        "New York, NY",
        "$120k-$150k",
        "Requirements:\n",
        "- item\n",
        "REMOTE ROLE FOR ALL APPLICANTS HERE",
        "é",
        "x, ",
        "a, é",
        ", N",
        "ab, NY",
        "日本",
        "\n",
        ". ",
        "<script>x</script>",
        "<!-- c -->",
        "Swift (",
        "years",
        "&",
        "<",
        ">",
        " ",
        "he/she",
        "Kraków",
    ]);
    prop::collection::vec(parts, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn lint_never_panics(s in "\\PC{0,400}") {
        if let Ok(f) = hirekit_jd::lint(&s, &hirekit_jd::LintOptions::default()) {
            for x in f {
                prop_assert!(x.start <= x.end && x.end <= s.len());
                prop_assert!(s.get(x.start..x.end).is_some());
            }
        }
    }

    #[test]
    fn lint_jd_like_never_panics(s in jd_like()) {
        if let Ok(f) = hirekit_jd::lint(&s, &hirekit_jd::LintOptions::default()) {
            for x in f {
                prop_assert!(s.get(x.start..x.end).is_some(), "{:?} in {:?}", x, s);
            }
        }
    }

    #[test]
    fn lint_bytes_never_panics(b in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = hirekit_jd::lint::lint_bytes(&b, &hirekit_jd::LintOptions::default());
    }

    #[test]
    fn parse_spec_never_panics(s in "\\PC{0,300}") {
        let _ = hirekit_jd::parse_spec(&s);
    }

    #[test]
    fn parse_spec_fields_never_panic(
        role in "[a-z-]{0,20}", min in any::<f64>(), max in any::<f64>(), cur in "[A-Za-z]{0,4}",
        period in "[a-z]{0,6}", remote in "[a-z-]{0,8}", country in "[A-Za-z]{0,3}", url in "\\PC{0,30}",
    ) {
        let spec = serde_json::json!({
            "role": role, "employment_type": "full-time", "apply_url": url,
            "company": {"name": "X", "site": url},
            "location": {"remote": remote, "countries": [country], "city": "Y"},
            "pay": {"min": min, "max": max, "currency": cur, "period": period},
        });
        if let Ok(spec) = hirekit_jd::parse_spec_value(spec) {
            let _ = hirekit_jd::build(&spec);
        }
    }
}
