//! Accuracy of `normalize_location` on hand-labelled real location strings.
use hirekit_model::location::normalize_location;

#[test]
fn labelled_location_accuracy() {
    let data = include_str!("data/location_labelled.tsv");
    let (mut n, mut ok_countries, mut ok_remote) = (0usize, 0usize, 0usize);
    // Rows whose source starts with "ho-" were labelled after the rules and tables were
    // written and were not used to tune them: reported separately.
    let (mut hn, mut hc, mut hr) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        assert!(f.len() >= 3, "bad line {line:?}");
        let (text, remote, countries) = (f[0], f[1], f[2]);
        let want_remote = if remote == "-" { None } else { Some(remote) };
        let mut want: Vec<&str> = countries.split(',').filter(|c| !c.is_empty()).collect();
        want.sort_unstable();
        let got = normalize_location(text);
        let mut got_c: Vec<&str> = got.countries.iter().map(String::as_str).collect();
        got_c.sort_unstable();
        got_c.dedup();
        n += 1;
        let c_ok = got_c == want;
        let r_ok = got.remote.map(|r| r.as_str()) == want_remote;
        ok_countries += c_ok as usize;
        ok_remote += r_ok as usize;
        if f.get(3).is_some_and(|s| s.starts_with("ho-")) {
            hn += 1;
            hc += c_ok as usize;
            hr += r_ok as usize;
        }
        if !c_ok || !r_ok {
            misses.push(format!(
                "{text:?}: want {want_remote:?} {want:?}, got {:?} {got_c:?}",
                got.remote
            ));
        }
    }
    let acc_c = ok_countries as f64 / n as f64;
    let acc_r = ok_remote as f64 / n as f64;
    eprintln!("location eval: {n} strings; countries exact {acc_c:.3}; remote exact {acc_r:.3}");
    eprintln!(
        "  of which held-out: {hn} strings; countries {:.3}; remote {:.3}",
        hc as f64 / hn.max(1) as f64,
        hr as f64 / hn.max(1) as f64
    );
    for m in &misses {
        eprintln!("  miss {m}");
    }
    assert!(n >= 300);
    assert!(acc_c >= 0.95, "countries accuracy {acc_c:.3}");
    assert!(acc_r >= 0.95, "remote accuracy {acc_r:.3}");
}
