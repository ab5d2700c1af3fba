//! `fingerprint` never panics, is deterministic and always has three `|`-separated parts.

use hirekit_model::dedupe::{company_key, fingerprint, title_key};
use hirekit_model::normalize::normalize;
use hirekit_model::SourcePosting;
use proptest::prelude::*;

fn item(company: String, title: String, locations: Vec<String>) -> SourcePosting {
    SourcePosting {
        title,
        company: Some(company),
        locations,
        ..Default::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_text_gives_three_parts(company in "\\PC{0,40}", title in "\\PC{0,80}", locs in prop::collection::vec("\\PC{0,40}", 0..4)) {
        let p = normalize(&item(company, title, locs));
        let f = fingerprint(&p);
        prop_assert_eq!(f.split('|').count(), 3, "{:?}", f);
        prop_assert_eq!(f.clone(), fingerprint(&p));
    }

    #[test]
    fn location_like_text_never_panics(
        title in "(Sr\\. |Intern – )?(Software|Data) (Engineer|Analyst)( II)?( - (Summer|Fall) 20[0-9]{2})?( \\(m/w/d\\))?",
        locs in prop::collection::vec("(Remote( in (USA|Canada))?|NYC|SF|[A-Z][a-z]{2,9}(, [A-Z]{2})?(, USA)?|\\(|\\)|;|, |&| or )+", 0..4),
    ) {
        let p = normalize(&item("Acme, Inc.".into(), title, locs));
        let _ = fingerprint(&p);
    }

    #[test]
    fn case_and_spacing_do_not_count(company in "[A-Za-z]{1,10}( [A-Za-z]{1,10}){0,2}", title in "[A-Za-z]{1,10}( [A-Za-z]{1,10}){0,3}") {
        prop_assert_eq!(company_key(&company), company_key(&company.to_uppercase()));
        prop_assert_eq!(title_key(&title), title_key(&format!("  {}  ", title.to_lowercase())));
    }
}
