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
        .stdout(predicate::str::is_match(r"^0 findings in [0-9]+ files\n$").unwrap())
        .stderr("");
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
    assert_eq!(text.lines().count(), 16, "{text}");
    assert_eq!(text.lines().last(), Some("15 findings in 1 file"), "{text}");
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
    assert_eq!(findings.len(), 15);
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
    // The crosswalk's coverage: every skill linked exactly is linked.
    let (any, exact) = (
        doc["esco"]["any"].as_u64().unwrap(),
        doc["esco"]["exact"].as_u64().unwrap(),
    );
    assert!(exact > 0 && exact <= any, "{doc}");
    assert!(doc["onet"]["any"].as_u64().unwrap() > 0, "{doc}");
    assert_eq!(doc["folded"], 0);
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
fn lookup_shows_parents_children_and_related_skills() {
    let doc = json_of(&["taxonomy", "lookup", "PostgreSQL", "--format", "json"]);
    let ids = |field: &str| -> Vec<String> {
        doc["matches"][0][field]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(ids("parents").contains(&"sql".to_string()), "{doc}");
    assert!(ids("children").contains(&"postgis".to_string()), "{doc}");
    assert!(ids("related").contains(&"mysql".to_string()), "{doc}");
    // Every child names the skill as a parent.
    let children = json_of(&["taxonomy", "lookup", "PostGIS", "--format", "json"]);
    let parents = children["matches"][0]["parents"].to_string();
    assert!(parents.contains("\"postgresql\""), "{children}");

    let out = skillmatch()
        .args(["taxonomy", "lookup", "PostgreSQL"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let line = |name: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(name))
            .unwrap_or_else(|| panic!("no {name} line: {text}"))
            .to_string()
    };
    assert!(line("parents:").contains("SQL"), "{text}");
    assert!(line("children:").contains("PostGIS"), "{text}");
    assert!(line("related:").contains("MySQL"), "{text}");
}

#[test]
fn a_long_list_of_children_is_counted_after_the_first_few() {
    let doc = json_of(&[
        "taxonomy",
        "lookup",
        "programming languages",
        "--format",
        "json",
    ]);
    let children = doc["matches"][0]["children"].as_array().unwrap().len();
    assert!(children > 8, "{doc}");
    let out = skillmatch()
        .args(["taxonomy", "lookup", "programming languages"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("children:"))
        .unwrap();
    assert_eq!(line.matches(", ").count(), 8, "{line}");
    assert!(
        line.ends_with(&format!("and {} more", children - 8)),
        "{line}"
    );
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

/// An ESCO-like import beside the default: the skill the default links to
/// exactly is folded into the default's Java, whose mentions then carry
/// the ESCO URI and find the imported wording.
#[test]
fn an_esco_extra_folds_into_the_default_skill_that_links_it() {
    let dir = tempfile::tempdir().unwrap();
    let uri = "http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389";
    fs::write(
        dir.path().join("esco-skills.toml"),
        format!(
            "category = \"esco-skills\"\n[[skill]]\nid = \"esco-java\"\nlabel = \"Java (computer programming)\"\naliases = [\"Java SE development\"]\nsource_id = \"{uri}\"\n"
        ),
    )
    .unwrap();
    let doc = json_of(&[
        "taxonomy",
        "lookup",
        "Java SE development",
        "--format",
        "json",
        "--taxonomy-extra",
        dir.path().to_str().unwrap(),
    ]);
    let java = &doc["matches"][0];
    assert_eq!(java["id"], "java");
    assert_eq!(java["links"][0]["scheme"], "esco");
    assert_eq!(java["links"][0]["relation"], "exact");
    assert_eq!(java["links"][0]["code"], uri);
    assert_eq!(java["merged_forms"][1], "Java SE development");
    let stats = json_of(&[
        "taxonomy",
        "stats",
        "--format",
        "json",
        "--taxonomy-extra",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(stats["folded"], 1);
}

#[test]
fn a_crosswalk_row_naming_no_skill_is_a_lint_finding_and_a_load_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("skills.toml"),
        "[[skill]]\nid = \"java\"\nlabel = \"Java\"\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("crosswalk.tsv"),
        "skill\tscheme\tcode\trelation\tlabel\njavva\tonet\t43232405\tbroader\tObject software\n",
    )
    .unwrap();
    skillmatch()
        .args(["taxonomy", "lint"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "crosswalk.tsv:2:1: L015 unknown-link-skill",
        ));
    skillmatch()
        .args(["--taxonomy"])
        .arg(dir.path())
        .args(["taxonomy", "stats"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("crosswalk.tsv:2:1"))
        .stderr(predicate::str::contains("unknown skill \"javva\""));
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

#[test]
fn a_prepared_taxonomy_is_kept_and_read_back_with_the_same_results() {
    let cache = tempfile::tempdir().unwrap();
    let extra = tempfile::tempdir().unwrap();
    fs::write(
        extra.path().join("extra.toml"),
        "category = \"ops\"\n[[skill]]\nid = \"frobops\"\nlabel = \"FrobOps\"\naliases = [\"frobops monitoring\"]\n",
    )
    .unwrap();
    let posting = extra.path().join("posting.txt");
    fs::write(
        &posting,
        "Requirements:\n- FrobOps monitoring\n- 3+ years of PostgreSQL\n",
    )
    .unwrap();
    let run = |no_cache: bool| {
        let mut cmd = skillmatch();
        cmd.env("SKILLMATCH_CACHE_DIR", cache.path());
        if no_cache {
            cmd.arg("--no-cache");
        }
        let out = cmd
            .args(["extract", "--format", "json", "--taxonomy-extra"])
            .arg(extra.path().join("extra.toml"))
            .arg(&posting)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        out.stdout
    };
    let files = || -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(cache.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let built = run(true);
    assert!(
        files().is_empty(),
        "--no-cache writes nothing: {:?}",
        files()
    );
    let saved = run(false);
    let kept = files();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(kept[0].starts_with("taxonomy-") && kept[0].ends_with(".bin"));
    let read = run(false);
    assert_eq!(files(), kept, "read back, not written again");
    assert_eq!(saved, built);
    assert_eq!(read, built);
    let text = String::from_utf8(read).unwrap();
    assert!(text.contains("\"frobops\""), "{text}");

    // A damaged file is prepared again, with the same results.
    let path = cache.path().join(&kept[0]);
    let mut bytes = fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    fs::write(&path, &bytes).unwrap();
    assert_eq!(run(false), built);
    assert_ne!(fs::read(&path).unwrap(), bytes, "replaced");
}
