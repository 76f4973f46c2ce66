//! `skillmatch index build` and `--index`: an index gives `score` and
//! `rank` the same output as the postings it was built from, and is refused
//! with a clear message when it cannot be trusted.

use std::fs;

use predicates::prelude::*;

use crate::score::{AS_OF, MARIA, POSTINGS_CSV, POSTINGS_DIR};
use crate::skillmatch;

const CANDIDATES: &str = "examples/candidates.csv";

/// Builds an index of `postings` into `dir`, asserting success and the
/// number of postings indexed.
fn build(dir: &std::path::Path, postings: &str, count: usize, extra: &[&str]) -> String {
    let idx = dir.join("postings.idx").display().to_string();
    skillmatch()
        .args(extra)
        .args(["index", "build", "--postings", postings, "-o", &idx])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "indexed {count} postings into"
        )));
    idx
}

/// stdout of a successful run.
fn stdout(args: &[&str]) -> Vec<u8> {
    let out = skillmatch().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn rank_and_score_give_the_same_output_from_an_index() {
    let dir = tempfile::tempdir().unwrap();
    for (postings, count) in [(POSTINGS_DIR, 5), (POSTINGS_CSV, 4)] {
        let idx = build(dir.path(), postings, count, &[]);
        assert!(fs::read(&idx)
            .unwrap()
            .starts_with(b"skillmatch postings index\n"));
        for (per, top) in [
            ("candidate", "3"),
            ("posting", "3"),
            ("candidate", "0"),
            ("posting", "0"),
        ] {
            let base = [
                "rank",
                "--as-of",
                AS_OF,
                "--candidates",
                CANDIDATES,
                "--per",
                per,
                "--top",
                top,
            ];
            let from_text = stdout(&[&base[..], &["--postings", postings]].concat());
            let from_index = stdout(&[&base[..], &["--index", &idx]].concat());
            assert!(
                from_text.len() > 200,
                "{per}: {}",
                String::from_utf8_lossy(&from_text)
            );
            assert_eq!(
                String::from_utf8_lossy(&from_index),
                String::from_utf8_lossy(&from_text),
                "{postings} --per {per} --top {top}"
            );
        }
        for (suggest, top) in [("0", "10"), ("5", "10"), ("5", "0")] {
            let base = [
                "score",
                MARIA,
                "--as-of",
                AS_OF,
                "--format",
                "json",
                "--explain",
                "--suggest",
                suggest,
                "--top",
                top,
            ];
            let from_text = stdout(&[&base[..], &["--postings", postings]].concat());
            let from_index = stdout(&[&base[..], &["--index", &idx]].concat());
            assert_eq!(
                String::from_utf8_lossy(&from_index),
                String::from_utf8_lossy(&from_text),
                "{postings} --suggest {suggest} --top {top}"
            );
        }
    }
}

#[test]
fn an_index_from_another_taxonomy_is_refused_with_the_remedy() {
    let dir = tempfile::tempdir().unwrap();
    let extra = dir.path().join("extra.toml");
    fs::write(
        &extra,
        "category = \"tech\"\n[[skill]]\nid = \"zig-lang\"\nlabel = \"Zig\"\n",
    )
    .unwrap();
    let extra = extra.display().to_string();
    let idx = build(dir.path(), POSTINGS_DIR, 5, &["--taxonomy-extra", &extra]);
    // With the same taxonomy it is used …
    stdout(&["--taxonomy-extra", &extra, "score", MARIA, "--index", &idx]);
    // … without it, refused, naming the file and what to do.
    skillmatch()
        .args(["score", MARIA, "--index", &idx])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "{idx}: built with another taxonomy"
        )))
        .stderr(predicate::str::contains("--taxonomy-extra"));
    skillmatch()
        .args(["index", "info", &idx])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("postings: 5"))
        .stdout(predicate::str::contains(
            "usable with this run's taxonomy and version: no",
        ));
    skillmatch()
        .args(["--taxonomy-extra", &extra, "index", "info", &idx])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "usable with this run's taxonomy and version: yes",
        ));
}

#[test]
fn files_that_are_not_an_index_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let idx = build(dir.path(), POSTINGS_DIR, 5, &[]);
    let bytes = fs::read(&idx).unwrap();
    let truncated = dir.path().join("truncated.idx");
    fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let cases = [
        (
            POSTINGS_CSV.to_string(),
            "not a readable skillmatch postings index",
        ),
        (
            truncated.display().to_string(),
            "damaged or truncated index",
        ),
        (
            dir.path().join("missing.idx").display().to_string(),
            "missing.idx",
        ),
    ];
    for (file, message) in cases {
        skillmatch()
            .args(["rank", "--candidates", CANDIDATES, "--index", &file])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(message))
            .stderr(predicate::str::contains("panicked").not());
    }
}

#[test]
fn postings_and_index_are_one_or_the_other() {
    skillmatch()
        .args(["rank", "--candidates", CANDIDATES])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--postings"));
    skillmatch()
        .args([
            "score",
            MARIA,
            "--postings",
            POSTINGS_DIR,
            "--index",
            "x.idx",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
}

#[test]
fn a_failed_build_writes_nothing_and_keeps_an_existing_index() {
    let dir = tempfile::tempdir().unwrap();
    let idx = build(dir.path(), POSTINGS_DIR, 5, &[]);
    let before = fs::read(&idx).unwrap();
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    skillmatch()
        .args([
            "index",
            "build",
            "--postings",
            &empty.display().to_string(),
            "-o",
            &idx,
        ])
        .assert()
        .code(2);
    assert_eq!(fs::read(&idx).unwrap(), before);
    let listing: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(listing.len(), 2, "only the index and the empty folder");
}
