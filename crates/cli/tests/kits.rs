//! `hirekit kit`: formats, seniority, and the unknown-role error.

use std::process::Command;

fn hirekit(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_hirekit")).args(args).output().expect("run hirekit")
}

#[test]
fn kit_formats() {
    let out = hirekit(&["kit", "data-engineer", "--seniority", "senior"]);
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).expect("utf8");
    assert!(md.starts_with("# Interview kit: Data Engineer (senior)"));
    for section in ["## Screening", "## Technical", "## System design", "## Behavioural", "## Scorecard"] {
        assert!(md.contains(section), "missing {section}");
    }

    let out = hirekit(&["kit", "data-engineer", "--seniority", "junior", "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(v["seniority"], "junior");
    assert_eq!(v["system_design"].as_array().map(Vec::len), Some(0));

    let out = hirekit(&["kit", "backend-architect", "--format", "html"]);
    let html = String::from_utf8(out.stdout).expect("utf8");
    assert!(html.starts_with("<!doctype html>") && html.contains("id=\"scorecard\""));
}

#[test]
fn unknown_role_and_seniority_fail_clearly() {
    let out = hirekit(&["kit", "data-enginer"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean data-engineer"), "{err}");

    let out = hirekit(&["kit", "data-engineer", "--seniority", "wizard"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown seniority"));
}
