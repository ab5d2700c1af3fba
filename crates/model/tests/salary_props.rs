//! Property tests: the salary parser never panics and its output is always well-formed.
use hirekit_model::salary::{parse_salary, parse_salary_with, SalaryOptions};
use proptest::prelude::*;

fn check(text: &str) {
    for opts in [
        SalaryOptions::default(),
        SalaryOptions {
            default_currency: Some("CNY".into()),
        },
    ] {
        if let Some(s) = parse_salary_with(text, &opts) {
            assert!(s.min.is_some() || s.max.is_some(), "{text:?}: no bound");
            for v in [s.min, s.max].into_iter().flatten() {
                assert!(v.is_finite() && v > 0.0, "{text:?}: bad amount {v}");
            }
            if let (Some(a), Some(b)) = (s.min, s.max) {
                assert!(a <= b, "{text:?}: min {a} > max {b}");
            }
            if let Some(c) = &s.currency {
                assert!(
                    c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()),
                    "{text:?}: {c}"
                );
            }
        }
    }
}

/// Pieces that salary text is made of, so random strings hit the interesting paths.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("$".to_string()),
        Just("£".to_string()),
        Just("€".to_string()),
        Just("₹".to_string()),
        Just("¥".to_string()),
        Just("zł".to_string()),
        Just("Â£".to_string()),
        Just("â‚¬".to_string()),
        Just("US$".to_string()),
        Just("CA$".to_string()),
        Just(" USD".to_string()),
        Just(" PLN".to_string()),
        Just("k".to_string()),
        Just("K".to_string()),
        Just("M".to_string()),
        Just(" LPA".to_string()),
        Just(" lakh".to_string()),
        Just("万".to_string()),
        Just("以上".to_string()),
        Just(" - ".to_string()),
        Just("–".to_string()),
        Just("—".to_string()),
        Just(" to ".to_string()),
        Just("+".to_string()),
        Just("%".to_string()),
        Just("/hr".to_string()),
        Just(" per annum".to_string()),
        Just(" p.m.".to_string()),
        Just(" up to ".to_string()),
        Just("from ".to_string()),
        Just(" equity".to_string()),
        Just(" OTE".to_string()),
        Just(" raised ".to_string()),
        Just("salary: ".to_string()),
        Just(",".to_string()),
        Just(".".to_string()),
        Just(" ".to_string()),
        Just("\u{a0}".to_string()),
        Just("'".to_string()),
        Just("\n".to_string()),
        "[0-9]{1,7}".prop_map(|s| s),
        "[0-9]{1,3}([.,' ][0-9]{3}){0,3}([.,][0-9]{1,2})?".prop_map(|s| s),
        "\\PC{0,6}".prop_map(|s| s),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_text(s in "\\PC{0,200}") {
        check(&s);
    }

    #[test]
    fn salary_like(parts in proptest::collection::vec(piece(), 0..16)) {
        check(&parts.concat());
    }

    #[test]
    fn bytes_as_text(v in proptest::collection::vec(any::<u8>(), 0..200)) {
        let s = String::from_utf8_lossy(&v);
        check(&s);
        let _ = parse_salary(&s);
    }
}

#[test]
fn huge_and_odd_inputs() {
    check(&"9".repeat(10_000));
    check(&"$1,".repeat(5_000));
    check(&"€ ".repeat(5_000));
    check(&"1-".repeat(5_000));
    check("$99999999999999999999999999k");
    check("¥");
    check("");
}
