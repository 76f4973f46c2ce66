//! `skillmatch taxonomy lint|stats|lookup`.

use std::fs;

use predicates::prelude::*;

use crate::{json_of, skillmatch};

#[test]
fn lint_is_clean_on_the_default_taxonomy() {
    skillmatch()
        .args(["taxonomy", "lint"])
        .assert()
        .code(0)
        .stdout("")
        .stderr(predicate::str::contains("0 findings"));
}

/// A temporary directory holding the lint fixture as `broken.toml`.
fn broken_taxonomy_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        "tests/data/broken-taxonomy.toml",
        dir.path().join("broken.toml"),
    )
    .unwrap();
    dir
}

#[test]
fn lint_reports_findings_with_file_and_line_and_exits_1() {
    let dir = broken_taxonomy_dir();
    let out = skillmatch()
        .args(["taxonomy", "lint"])
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("broken.toml:16:6: L001 duplicate-id"),
        "{text}"
    );
    assert!(text.contains("L005 cycle"), "{text}");
    assert_eq!(text.lines().count(), 14, "{text}");
}

#[test]
fn lint_json_lists_findings() {
    let dir = broken_taxonomy_dir();
    let out = skillmatch()
        .args(["taxonomy", "lint", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 14);
    assert_eq!(findings[0]["code"], "L001");
    assert_eq!(findings[0]["line"], 16);
}

#[test]
fn stats_json_has_the_contract_fields() {
    let doc = json_of(&["taxonomy", "stats", "--format", "json"]);
    assert!(doc["skills"].as_u64().unwrap() >= 800);
    assert!(doc["aliases"].as_u64().unwrap() >= 2500);
    assert!(doc["categories"].as_u64().unwrap() >= 10);
    assert!(doc["max_depth"].as_u64().unwrap() >= 2);
}

#[test]
fn lookup_table() {
    let cases = [
        ("golang", "go", "alias", 0),
        ("Go", "go", "ambiguous", 0),
        ("PostgreSQL", "postgresql", "exact", 0),
        ("Kubernets", "kubernetes", "fuzzy", 1),
    ];
    for (phrase, id, how, distance) in cases {
        let doc = json_of(&["taxonomy", "lookup", phrase, "--format", "json"]);
        let first = &doc["matches"][0];
        assert_eq!(first["id"], id, "{phrase}: {doc}");
        assert_eq!(first["match"], how, "{phrase}: {doc}");
        assert_eq!(first["distance"], distance, "{phrase}: {doc}");
    }
}

#[test]
fn lookup_of_nothing_offers_nearest_and_exits_1() {
    skillmatch()
        .args(["taxonomy", "lookup", "Kuberxyzzy"])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("no skill matches").and(predicate::str::contains("nearest")),
        );
}

#[test]
fn taxonomy_extra_adds_skills() {
    let dir = tempfile::tempdir().unwrap();
    let extra = dir.path().join("extra.toml");
    fs::write(
        &extra,
        "[[skill]]\nid = \"frobnicator\"\nlabel = \"Frobnicator\"\nparents = [\"python\"]\n",
    )
    .unwrap();
    let doc = json_of(&[
        "taxonomy",
        "lookup",
        "frobnicator",
        "--format",
        "json",
        "--taxonomy-extra",
        extra.to_str().unwrap(),
    ]);
    assert_eq!(doc["matches"][0]["id"], "frobnicator");
}

#[test]
fn a_broken_taxonomy_is_an_error_naming_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bad.toml"),
        "[[skill]]\nid = \"a\"\nlabel = \"A\"\nparents = [\"missing\"]\n",
    )
    .unwrap();
    skillmatch()
        .args(["taxonomy", "stats", "--taxonomy"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("bad.toml:4:12")
                .and(predicate::str::contains("unknown parent")),
        );
}
