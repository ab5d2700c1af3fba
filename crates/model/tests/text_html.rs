use hirekit_model::text::{decode_entities, fix_mojibake, html_to_text};
use proptest::prelude::*;
use std::path::PathBuf;

fn shared_data() -> PathBuf {
    match std::env::var("HIREKIT_SHARED_DATA") {
        Ok(p) => PathBuf::from(p),
        Err(_) => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
    }
}

#[test]
fn blocks_lists_and_entities() {
    let html = "<h2>About&nbsp;us</h2><p>We build   tools.<br>Fast &amp; safe.</p>\
                <ul><li>Rust</li><li>Go &#x2F; C&#43;&#43;</li></ul><p>Apply&hellip;</p>";
    assert_eq!(
        html_to_text(html),
        "About us\n\nWe build tools.\nFast & safe.\n\n- Rust\n- Go / C++\n\nApply…"
    );
}

#[test]
fn script_style_and_comments_are_dropped() {
    let html = "<style>p{color:red}</style><p>Hi<!-- hidden --> there</p><script>var a='<p>';</script><div>bye</div>";
    assert_eq!(html_to_text(html), "Hi there\n\nbye");
}

#[test]
fn at_most_one_blank_line() {
    let html = "<p>a</p><p></p><p></p><br><br><br><div><div>b</div></div>";
    assert_eq!(html_to_text(html), "a\n\nb");
}

#[test]
fn greenhouse_double_escaped() {
    let html = "&lt;div class=&quot;content&quot;&gt;&lt;p&gt;Salary: $20&amp;nbsp;&amp;ndash; $23&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Dental&lt;/li&gt;&lt;/ul&gt;&lt;/div&gt;";
    assert_eq!(html_to_text(html), "Salary: $20 – $23\n\n- Dental");
}

#[test]
fn plain_text_with_literal_lt_is_kept() {
    assert_eq!(html_to_text("a < b and c > d"), "a < b and c > d");
    assert_eq!(html_to_text("x <3 y"), "x <3 y");
}

#[test]
fn decode_entities_variants() {
    assert_eq!(
        decode_entities("a &amp; b &#39;c&#39; &#x2F; &eacute; &#146;"),
        "a & b 'c' / é ’"
    );
    assert_eq!(decode_entities("AT&T &unknown; &"), "AT&T &unknown; &");
    assert!(matches!(
        decode_entities("plain"),
        std::borrow::Cow::Borrowed(_)
    ));
}

#[test]
fn mojibake_is_repaired() {
    assert_eq!(
        fix_mojibake("Weâ€™re hiring â€“ cafÃ© MÃ¼nchen"),
        "We’re hiring – café München"
    );
    assert_eq!(fix_mojibake("50Â\u{a0}000"), "50 000");
    assert_eq!(
        fix_mojibake("SÃ£o Paulo, ZÃ¼rich â€œquotedâ€\u{9d}"),
        "São Paulo, Zürich “quoted”"
    );
    // Correct text is left alone.
    for ok in [
        "São Paulo",
        "Zürich",
        "naïve café",
        "Ãrea",
        "â la carte",
        "Â",
    ] {
        assert_eq!(fix_mojibake(ok), ok);
    }
    assert_eq!(html_to_text("<p>Itâ€™s</p>"), "It’s");
}

#[test]
fn real_greenhouse_lever_descriptions_are_clean() {
    let path = shared_data().join("jobs/greenhouse_lever_board_jobs_2025_11_480.json");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        eprintln!(
            "skipping: {} not found (set HIREKIT_SHARED_DATA)",
            path.display()
        );
        return;
    };
    let jobs: Vec<serde_json::Value> = serde_json::from_str(&raw).expect("valid json");
    let tag = regex::Regex::new(r"</?[a-zA-Z][a-zA-Z0-9]*[\s/>]").expect("regex");
    let entity = regex::Regex::new(r"&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});").expect("regex");
    let mut n = 0;
    for j in &jobs {
        let Some(d) = j["description"].as_str() else {
            continue;
        };
        let t = html_to_text(d);
        n += 1;
        assert!(
            !tag.is_match(&t),
            "tag left in {}: {:?}",
            j["id"],
            tag.find(&t)
        );
        assert!(
            !entity.is_match(&t),
            "entity left in {}: {:?}",
            j["id"],
            entity.find(&t)
        );
        assert!(!t.contains("\n\n\n"), "two blank lines in {}", j["id"]);
        assert!(!t.contains("â€"), "mojibake in {}", j["id"]);
        assert!(t.len() <= d.len() + 16);
        if !d.trim().is_empty() {
            assert!(!t.is_empty(), "empty output for {}", j["id"]);
        }
    }
    assert!(n > 400, "read {n} descriptions");
}

proptest! {
    #[test]
    fn never_panics_and_bounded(s in "\\PC{0,400}") {
        let t = html_to_text(&s);
        prop_assert!(t.len() <= s.len() * 3 + 8);
        let _ = decode_entities(&s);
        let _ = fix_mojibake(&s);
    }

    #[test]
    fn html_soup_never_panics(parts in proptest::collection::vec(prop_oneof![
        Just("<p>"), Just("</p>"), Just("<li>"), Just("<br/>"), Just("<script>"), Just("</script"),
        Just("<!--"), Just("-->"), Just("&amp;"), Just("&#x"), Just("&#99999999;"), Just("&lt;p&gt;"),
        Just("Ã"), Just("â€"), Just("Â"), Just("é"), Just("\""), Just("<a href=\"x>"), Just("text "),
        Just("<"), Just(">"), Just("&"), Just("\u{a0}"), Just("<style"),
    ], 0..60)) {
        let s: String = parts.concat();
        let t = html_to_text(&s);
        prop_assert!(!t.contains("\n\n\n"));
        prop_assert!(!t.starts_with(char::is_whitespace) && !t.ends_with(char::is_whitespace));
    }
}
