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

// `score`: Maria Keller's résumé against the directory of sample postings,
// in each format.

const MARIA: &str = "examples/resumes/java-backend.txt";
const POSTINGS: &str = "examples/postings";

fn score(format: &str) -> String {
    run(&[
        "score",
        "--as-of",
        "2026-11-01",
        "--format",
        format,
        "--postings",
        POSTINGS,
        MARIA,
    ])
}

#[test]
fn score_table_java_backend_vs_postings_dir() {
    insta::assert_snapshot!(score("table"));
}

#[test]
fn score_json_java_backend_vs_postings_dir() {
    insta::assert_snapshot!(score("json"));
}

#[test]
fn score_csv_java_backend_vs_postings_dir() {
    insta::assert_snapshot!(score("csv"));
}

#[test]
fn score_markdown_java_backend_vs_postings_dir() {
    insta::assert_snapshot!(score("markdown"));
}

// `explain`: the SRE résumé against the SRE posting, in each format.

fn explain(format: &str) -> String {
    run(&[
        "explain",
        "--as-of",
        "2026-11-01",
        "--format",
        format,
        "examples/resumes/go-kubernetes-sre.txt",
        "examples/postings/site-reliability-engineer.txt",
    ])
}

#[test]
fn explain_text_sre_vs_sre_posting() {
    insta::assert_snapshot!(explain("text"));
}

#[test]
fn explain_markdown_sre_vs_sre_posting() {
    insta::assert_snapshot!(explain("markdown"));
}

#[test]
fn explain_json_sre_vs_sre_posting() {
    insta::assert_snapshot!(explain("json"));
}

#[test]
fn explain_html_sre_vs_sre_posting() {
    insta::assert_snapshot!(explain("html"));
}

// `rank`: the sample candidates against the postings CSV.

#[test]
fn rank_csv_candidates_vs_postings_csv_top_2() {
    insta::assert_snapshot!(run(&[
        "rank",
        "--as-of",
        "2026-11-01",
        "--candidates",
        "examples/candidates.csv",
        "--postings",
        "examples/postings.csv",
        "--top",
        "2",
    ]));
}
