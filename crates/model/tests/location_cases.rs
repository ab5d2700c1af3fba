use hirekit_model::location::{
    country_code, country_currency, country_name, country_region, normalize_location,
    region_contains, TzWindow,
};
use hirekit_model::RemotePolicy::{self, *};
use proptest::prelude::*;

fn check(text: &str, remote: Option<RemotePolicy>, countries: &[&str], regions: &[&str]) {
    let got = normalize_location(text);
    assert_eq!(got.remote, remote, "remote for {text:?}");
    assert_eq!(got.countries, countries, "countries for {text:?}");
    assert_eq!(got.regions, regions, "regions for {text:?}");
}

#[test]
fn brief_examples() {
    check("Remote (US only)", Some(Remote), &["US"], &[]);
    check("EMEA", None, &[], &["emea"]);
    check("Anywhere", Some(Remote), &[], &["anywhere"]);
    check("Berlin or remote (CET ±2h)", Some(Remote), &["DE"], &[]);
    check("San Francisco, CA", None, &["US"], &[]);
    check("New York, NY (Hybrid)", Some(Hybrid), &["US"], &[]);
    check("London, UK", None, &["GB"], &[]);
    check("Remote - Europe", Some(Remote), &[], &["europe"]);
    check("US-Remote", Some(Remote), &["US"], &[]);
    check("Remote, Canada", Some(Remote), &["CA"], &[]);
    check("Bengaluru, Karnataka, India", None, &["IN"], &[]);
    check("Toronto, ON / Remote", Some(Remote), &["CA"], &[]);
    check("Hybrid - Paris", Some(Hybrid), &["FR"], &[]);
    check("On-site", Some(Onsite), &[], &[]);
    check("In office", Some(Onsite), &[], &[]);
    check("Office-based", Some(Onsite), &[], &[]);
    check("Multiple locations", None, &[], &[]);
    check("Zürich", None, &["CH"], &[]);
    check("München", None, &["DE"], &[]);
    check("São Paulo", None, &["BR"], &[]);
    check("LATAM", None, &[], &["latam"]);
    check("APAC", None, &[], &["apac"]);
    check("Worldwide", Some(Remote), &[], &["anywhere"]);
    check("North America", None, &[], &["north-america"]);
    check("Europe", None, &[], &["europe"]);
    check("EU", None, &[], &["europe"]);
    check(
        "Remote - DACH",
        Some(Remote),
        &["DE", "AT", "CH"],
        &["europe"],
    );
}

#[test]
fn state_codes_versus_countries_and_words() {
    check("Austin, TX", None, &["US"], &[]);
    check("Muncie, IN", None, &["US"], &[]);
    check("Portland, OR", None, &["US"], &[]);
    check("Portland OR", None, &["US"], &[]);
    check("Portland, ME", None, &["US"], &[]);
    check("Wilmington, DE", None, &["US"], &[]);
    check("Berlin, DE", None, &["DE"], &[]);
    check("Montreal, CA", None, &["CA"], &[]);
    check("Lima, OH", None, &["US"], &[]);
    check("Lima, Peru", None, &["PE"], &[]);
    check("London, Ontario", None, &["CA"], &[]);
    check("Victoria, BC", None, &["CA"], &[]);
    check("Perth, WA", None, &["AU"], &[]);
    check("Vancouver, WA", None, &["US"], &[]);
    check("Bondi, NSW", None, &["AU"], &[]);
    check("Quebec City, QC", None, &["CA"], &[]);
    check("New Mexico", None, &["US"], &[]);
    check("Mexico City", None, &["MX"], &[]);
    check("Atlanta, Georgia", None, &["US"], &[]);
    check("Indiana", None, &["US"], &[]);
    check("India", None, &["IN"], &[]);
    check("Seattle, Vancouver", None, &["US", "CA"], &[]);
    check("Milwaukee or Los Angeles", None, &["US"], &[]);
    check(
        "Remote in the US or Canada",
        Some(Remote),
        &["US", "CA"],
        &[],
    );
}

#[test]
fn country_aliases() {
    for s in ["UK", "GB", "United Kingdom", "England", "Scotland, UK"] {
        check(s, None, &["GB"], &[]);
    }
    for s in [
        "USA",
        "United States",
        "U.S.",
        "US",
        "U.S.A.",
        "United States of America",
    ] {
        check(s, None, &["US"], &[]);
    }
    check("Deutschland", None, &["DE"], &[]);
    check("España", None, &["ES"], &[]);
    check("Österreich", None, &["AT"], &[]);
}

#[test]
fn remote_policy_needs_words() {
    check("Paris", None, &["FR"], &[]);
    check("Remote or Hybrid", Some(Remote), &[], &[]);
    check("Hybrid remote, Berlin", Some(Hybrid), &["DE"], &[]);
    check("No remote - Munich office", Some(Onsite), &["DE"], &[]);
    check("Work from home (UK)", Some(Remote), &["GB"], &[]);
}

#[test]
fn timezones() {
    let tz = |s: &str| normalize_location(s).timezones;
    assert_eq!(
        tz("Berlin or remote (CET ±2h)"),
        Some(TzWindow {
            min: -1.0,
            max: 3.0
        })
    );
    assert_eq!(
        tz("Remote, US time zones"),
        Some(TzWindow {
            min: -10.0,
            max: -4.0
        })
    );
    assert_eq!(
        tz("Remote (EST/PST overlap)"),
        Some(TzWindow {
            min: -8.0,
            max: -5.0
        })
    );
    assert_eq!(
        tz("Remote, UTC-5 to UTC+1"),
        Some(TzWindow {
            min: -5.0,
            max: 1.0
        })
    );
    assert_eq!(tz("Remote GMT+1"), Some(TzWindow { min: 1.0, max: 1.0 }));
    assert_eq!(
        tz("Remote (UTC+05:30)"),
        Some(TzWindow { min: 5.5, max: 5.5 })
    );
    assert_eq!(
        tz("Remote, CET +/- 3 hours"),
        Some(TzWindow {
            min: -2.0,
            max: 4.0
        })
    );
    assert_eq!(tz("Norwalk, CT"), None);
    assert_eq!(tz("San Francisco"), None);
}

#[test]
fn country_facts() {
    assert_eq!(country_currency("DE"), Some("EUR"));
    assert_eq!(country_currency("gb"), Some("GBP"));
    assert_eq!(country_currency("CH"), Some("CHF"));
    assert_eq!(country_currency("IN"), Some("INR"));
    assert_eq!(country_currency("XX"), None);
    assert_eq!(country_name("US"), Some("United States"));
    assert_eq!(country_name("CI"), Some("Côte d'Ivoire"));
    assert_eq!(country_region("BR"), Some("latam"));
    assert_eq!(country_code("Deutschland"), Some("DE"));
    assert_eq!(country_code("GBR"), Some("GB"));
    assert!(region_contains("emea", "AE"));
    assert!(region_contains("apac", "AU"));
    assert!(!region_contains("europe", "US"));
    assert!(region_contains("anywhere", "FJ"));
}

proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,200}") {
        let info = normalize_location(&s);
        for c in &info.countries {
            prop_assert!(country_name(c).is_some(), "unknown code {}", c);
        }
    }

    #[test]
    fn never_panics_on_place_soup(parts in proptest::collection::vec(prop_oneof![
        Just("Remote"), Just(", "), Just(" / "), Just("CA"), Just("OR"), Just("or"), Just("New"),
        Just("York"), Just("UTC"), Just("+"), Just("-"), Just("±"), Just("99"), Just("CET"), Just("(")
        , Just("São"), Just("Paulo"), Just("Georgia"), Just("EU"), Just("time zones"), Just("US"),
    ], 0..30)) {
        let s: String = parts.concat();
        let _ = normalize_location(&s);
    }
}
