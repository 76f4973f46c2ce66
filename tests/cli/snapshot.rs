//! Snapshots of each `extract` report format on the sample inputs, kept
//! small: one posting and one résumé, text and JSON.

use crate::skillmatch;

fn run(args: &[&str]) -> String {
    let out = skillmatch().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn posting_text_report() {
    insta::assert_snapshot!(run(&["extract", "examples/postings/data-engineer.txt"]));
}

#[test]
fn posting_json_report() {
    insta::assert_snapshot!(run(&[
        "extract",
        "--format",
        "json",
        "examples/postings/data-engineer.txt"
    ]));
}

#[test]
fn resume_text_report() {
    insta::assert_snapshot!(run(&[
        "extract",
        "--as-of",
        "2026-11-01",
        "examples/resumes/java-backend.txt"
    ]));
}

#[test]
fn resume_json_report() {
    insta::assert_snapshot!(run(&[
        "extract",
        "--format",
        "json",
        "--as-of",
        "2026-11-01",
        "examples/resumes/java-backend.txt"
    ]));
}
