//! `skillmatch score`: one résumé against many postings, and the JSON and
//! CSV contracts of PRODUCT.md ("score and explain JSON").

use std::collections::BTreeSet;
use std::fs;

use predicates::prelude::*;
use serde_json::Value;

use crate::explain::{check_records, recomputed_score};
use crate::{json_of, skillmatch};

/// Every command that reads résumés pins "Present" to this day.
pub const AS_OF: &str = "2026-11-01";
/// Maria Keller, a senior Java backend engineer.
pub const MARIA: &str = "examples/resumes/java-backend.txt";
/// A directory of postings, one per file.
pub const POSTINGS_DIR: &str = "examples/postings";
/// The same kind of postings as CSV rows (id,title,company,location,text).
pub const POSTINGS_CSV: &str = "examples/postings.csv";

/// The columns PRODUCT.md promises, in order, at the start of every row.
pub const CONTRACT_COLUMNS: [&str; 8] = [
    "candidate_id",
    "posting_id",
    "rank",
    "score",
    "required_met",
    "required_total",
    "missing_required",
    "top_matches",
];

/// The files of the postings directory that the command reads.
pub fn posting_files() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(POSTINGS_DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt") || n.ends_with(".md"))
        .collect();
    names.sort();
    names
}

/// `score --format json` of `resume` against `postings`, with `extra` options.
pub fn score_json(resume: &str, postings: &str, extra: &[&str]) -> Value {
    let mut args = vec!["score", "--as-of", AS_OF, "--format", "json"];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["--postings", postings, resume]);
    json_of(&args)
}

/// The rows of a CSV document, header first.
pub fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

fn u(v: &Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"))
}

/// Checks a `{"id", "label"}` skill reference.
fn check_skill_ref(v: &Value) {
    assert!(
        v["id"].as_str().is_some_and(|s| !s.is_empty()),
        "skill without an id: {v}"
    );
    assert!(
        v["label"].as_str().is_some_and(|s| !s.is_empty()),
        "skill without a label: {v}"
    );
}

/// Checks everything the contract says about a `score --format json`
/// document, and returns its results.
fn check_score_contract(doc: &Value) -> Vec<Value> {
    let keys: BTreeSet<&str> = doc
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for key in ["candidate", "results", "suggestions"] {
        assert!(keys.contains(key), "no `{key}` in {keys:?}");
    }
    assert!(
        doc["candidate"]["source"].is_string(),
        "{}",
        doc["candidate"]
    );
    assert!(
        doc["candidate"].get("name").is_some(),
        "{}",
        doc["candidate"]
    );
    let results = doc["results"].as_array().unwrap().clone();
    let mut ids = BTreeSet::new();
    for (i, r) in results.iter().enumerate() {
        let ctx = format!("result {i}: {r}");
        assert_eq!(u(&r["rank"]), i as u64 + 1, "{ctx}");
        let score = f(&r["score"]);
        assert!((0.0..=100.0).contains(&score), "{ctx}");
        let posting = &r["posting"];
        let id = posting["id"].as_str().unwrap();
        assert!(!id.is_empty(), "{ctx}");
        assert!(ids.insert(id.to_string()), "posting {id} twice");
        assert!(posting.get("title").is_some(), "{ctx}");
        assert!(
            posting["title"].is_string() || posting["title"].is_null(),
            "{ctx}"
        );
        assert!(posting["source"].is_string(), "{ctx}");
        let (met, total) = (u(&r["required_met"]), u(&r["required_total"]));
        assert!(met <= total, "{ctx}");
        let partial = r["required_partial"].as_u64().unwrap_or(0);
        assert!(met + partial <= total, "{ctx}");
        let missing = r["missing_required"].as_array().unwrap();
        missing.iter().for_each(check_skill_ref);
        // Each missing required skill is a required requirement neither met
        // nor partly met.
        assert!(missing.len() as u64 <= total - met - partial, "{ctx}");
        if score >= 100.0 {
            assert!(missing.is_empty(), "{ctx}");
        }
    }
    // Rankings sort by the fit, the confidence-aware figure.
    for pair in results.windows(2) {
        assert!(
            f(&pair[0]["fit"]) >= f(&pair[1]["fit"]),
            "not sorted by fit: {} then {}",
            pair[0]["fit"],
            pair[1]["fit"]
        );
    }
    results
}

/// Checks the suggestions and returns them.
fn check_suggestions(doc: &Value, postings: usize) -> Vec<Value> {
    let suggestions = doc["suggestions"].as_array().unwrap().clone();
    for s in &suggestions {
        check_skill_ref(s);
        assert!(f(&s["gain"]) > 0.0, "a suggestion that gains nothing: {s}");
        assert!(u(&s["postings"]) as usize <= postings, "{s}");
    }
    for pair in suggestions.windows(2) {
        assert!(
            f(&pair[0]["gain"]) >= f(&pair[1]["gain"]),
            "suggestions not sorted by gain: {} then {}",
            pair[0],
            pair[1]
        );
    }
    let ids: BTreeSet<&str> = suggestions
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), suggestions.len(), "a skill suggested twice");
    suggestions
}

#[test]
fn score_json_follows_the_contract() {
    let doc = score_json(MARIA, POSTINGS_DIR, &["--top", "0"]);
    assert_eq!(doc["candidate"]["name"], "Maria Keller");
    assert_eq!(doc["candidate"]["source"], MARIA);
    let results = check_score_contract(&doc);
    let files = posting_files();
    // --top 0 keeps every posting, one per file.
    assert_eq!(results.len(), files.len(), "{doc}");
    for r in &results {
        let source = r["posting"]["source"].as_str().unwrap();
        let file = source.strip_prefix("examples/postings/").unwrap();
        assert!(files.iter().any(|f| f == file), "{source}");
        // Without --explain there are no per-requirement records.
        assert!(r.get("requirements").is_none(), "{r}");
    }
    let suggestions = check_suggestions(&doc, files.len());
    assert!(!suggestions.is_empty(), "{doc}");
}

#[test]
fn maria_keller_fits_the_senior_backend_posting_best() {
    // A senior Java/Spring/Kafka/PostgreSQL engineer: a recruiter puts the
    // senior payments backend role first, ahead of a graduate intake.
    let doc = score_json(MARIA, POSTINGS_DIR, &[]);
    let results = check_score_contract(&doc);
    assert_eq!(
        results[0]["posting"]["id"], "platform-backend-engineer",
        "{:#}",
        doc["results"]
    );
}

#[test]
fn top_limits_the_results_to_the_best() {
    let all = check_score_contract(&score_json(MARIA, POSTINGS_DIR, &["--top", "0"]));
    let n = all.len();
    assert!(n >= 3, "{n}");
    for (top, expected) in [("1", 1), ("2", 2), ("10", n), ("0", n)] {
        let doc = score_json(MARIA, POSTINGS_DIR, &["--top", top]);
        let results = check_score_contract(&doc);
        assert_eq!(results.len(), expected, "--top {top}");
        // The best N of the full ranking, in the same order.
        for (r, a) in results.iter().zip(&all) {
            assert_eq!(r["posting"]["id"], a["posting"]["id"], "--top {top}");
            assert_eq!(r["score"], a["score"], "--top {top}");
        }
    }
}

#[test]
fn explain_adds_the_records_each_score_is_made_of() {
    let doc = score_json(MARIA, POSTINGS_DIR, &["--top", "0", "--explain"]);
    let results = check_score_contract(&doc);
    for r in &results {
        let id = &r["posting"]["id"];
        let reqs = r["requirements"]
            .as_array()
            .unwrap_or_else(|| panic!("{id}: no requirements"));
        assert!(!reqs.is_empty(), "{id}");
        check_records(reqs, MARIA, &format!("{id}"));
        let score = f(&r["score"]);
        let recomputed = recomputed_score(reqs, &r["role"]);
        assert!(
            (recomputed - score).abs() <= 0.01,
            "{id}: score {score}, records add up to {recomputed}"
        );
        // An entry-level ceiling is not a requirement anyone meets: it
        // scales the score and is not counted.
        let required: Vec<&Value> = reqs
            .iter()
            .filter(|a| a["section"] == "required" && a["part"] != "ceiling")
            .collect();
        let count = |status: &str| required.iter().filter(|a| a["status"] == status).count();
        assert_eq!(u(&r["required_met"]) as usize, count("met"), "{id}");
        assert_eq!(
            u(&r["required_total"]) as usize,
            required.len() - count("not_assessed"),
            "{id}"
        );
    }
    // --top still applies.
    let doc = score_json(MARIA, POSTINGS_DIR, &["--top", "2", "--explain"]);
    let results = check_score_contract(&doc);
    assert_eq!(results.len(), 2);
    assert!(results.iter().all(|r| r["requirements"].is_array()));
}

#[test]
fn suggestions_are_missing_skills_sorted_by_gain() {
    let doc = score_json(MARIA, POSTINGS_DIR, &["--top", "0", "--suggest", "0"]);
    assert_eq!(doc["suggestions"], serde_json::json!([]));

    let n = posting_files().len();
    let doc = score_json(MARIA, POSTINGS_DIR, &["--suggest", "10"]);
    let all = check_suggestions(&doc, n);
    assert!(all.len() >= 2, "{doc}");
    let doc = score_json(MARIA, POSTINGS_DIR, &["--suggest", "2"]);
    let two = check_suggestions(&doc, n);
    assert_eq!(two, all[..2].to_vec());

    // Nothing the candidate already has is suggested.
    let extracted = json_of(&["extract", "--format", "json", "--as-of", AS_OF, MARIA]);
    let has: BTreeSet<&str> = extracted["candidates"][0]["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert!(has.contains("java"), "{has:?}");
    for s in &all {
        let id = s["id"].as_str().unwrap();
        assert!(!has.contains(id), "suggests {id}, which the résumé has");
    }
}

#[test]
fn adding_a_suggested_skill_raises_the_scores_by_its_gain() {
    // The gain is "points in total" across all postings: list the skill in
    // the résumé and the fits (what the ranking sorts by) together rise by
    // that much. Role fit weighs nothing here: the gain holds the résumé's
    // occupation reading fixed, and a new word in the text can move it a
    // little.
    let total = |doc: &Value| -> f64 {
        doc["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| f(&r["fit"]))
            .sum()
    };
    let dir = tempfile::tempdir().unwrap();
    let weights = dir.path().join("no-role.toml");
    fs::write(&weights, "role = 0\n").unwrap();
    let weights = weights.to_str().unwrap();
    let doc = score_json(
        MARIA,
        POSTINGS_DIR,
        &["--top", "0", "--suggest", "3", "--weights", weights],
    );
    let before = total(&doc);
    let text = fs::read_to_string(MARIA).unwrap();
    let skills_line = "Java, Kotlin, Spring Boot, PostgreSQL, Kafka, Docker, Kubernetes, Git, AWS";
    assert!(text.contains(skills_line));
    for s in doc["suggestions"].as_array().unwrap() {
        let label = s["label"].as_str().unwrap();
        let path = dir.path().join("resume.txt");
        fs::write(
            &path,
            text.replace(skills_line, &format!("{skills_line}, {label}")),
        )
        .unwrap();
        let after = score_json(
            path.to_str().unwrap(),
            POSTINGS_DIR,
            &["--top", "0", "--weights", weights],
        );
        let gained = total(&after) - before;
        assert!(
            (gained - f(&s["gain"])).abs() <= 0.05,
            "{label}: suggested for +{}, adding it gains {gained:.2}",
            s["gain"]
        );
    }
}

#[test]
fn csv_rows_carry_the_contract_columns_and_the_json_numbers() {
    let out = skillmatch()
        .args(["score", "--as-of", AS_OF, "--format", "csv", "--top", "0"])
        .args(["--postings", POSTINGS_DIR, MARIA])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        text.starts_with(
            "candidate_id,posting_id,rank,score,required_met,required_total,missing_required,top_matches"
        ),
        "{text}"
    );
    let rows = csv_rows(&out.stdout);
    assert_eq!(rows[0][..8], CONTRACT_COLUMNS);
    let doc = score_json(MARIA, POSTINGS_DIR, &["--top", "0"]);
    let results = check_score_contract(&doc);
    assert_eq!(rows.len() - 1, results.len(), "{text}");
    for (row, r) in rows[1..].iter().zip(&results) {
        assert_eq!(row.len(), rows[0].len(), "{row:?}");
        assert_eq!(row[0], doc["candidate"]["id"].as_str().unwrap());
        assert_eq!(row[1], r["posting"]["id"].as_str().unwrap());
        assert_eq!(row[2], r["rank"].to_string());
        let score: f64 = row[3].parse().unwrap();
        assert!((score - f(&r["score"])).abs() <= 0.051, "{row:?} vs {r}");
        assert_eq!(row[4], r["required_met"].to_string());
        assert_eq!(row[5], r["required_total"].to_string());
        let missing: Vec<&str> = r["missing_required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["label"].as_str().unwrap())
            .collect();
        assert_eq!(row[6], missing.join(";"));
    }
}

#[test]
fn csv_cannot_hold_explanations() {
    skillmatch()
        .args(["score", "--as-of", AS_OF, "--format", "csv", "--explain"])
        .args(["--postings", POSTINGS_DIR, MARIA])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--explain").and(predicate::str::contains("json")));
}

#[test]
fn postings_from_a_csv_keep_their_ids_and_titles() {
    let rows = csv_rows(&fs::read(POSTINGS_CSV).unwrap());
    assert_eq!(rows[0][..2], ["id", "title"]);
    let doc = score_json(MARIA, POSTINGS_CSV, &["--top", "0"]);
    let results = check_score_contract(&doc);
    assert_eq!(results.len(), rows.len() - 1, "{doc}");
    for row in &rows[1..] {
        let r = results
            .iter()
            .find(|r| r["posting"]["id"] == row[0].as_str())
            .unwrap_or_else(|| panic!("no result for the CSV id {}", row[0]));
        assert_eq!(r["posting"]["title"], row[1].as_str(), "{r}");
        assert_eq!(r["posting"]["company"], row[2].as_str(), "{r}");
        let source = r["posting"]["source"].as_str().unwrap();
        assert!(source.contains("postings.csv"), "{source}");
    }
}

#[test]
fn score_and_explain_agree_on_every_posting() {
    let doc = score_json(MARIA, POSTINGS_DIR, &["--top", "0"]);
    for r in check_score_contract(&doc) {
        let source = r["posting"]["source"].as_str().unwrap();
        let e = json_of(&[
            "explain", "--as-of", AS_OF, "--format", "json", MARIA, source,
        ]);
        for key in [
            "score",
            "required_met",
            "required_total",
            "missing_required",
        ] {
            assert_eq!(e[key], r[key], "{source}: {key}");
        }
        assert_eq!(e["posting"]["id"], r["posting"]["id"]);
    }
}

#[test]
fn table_and_markdown_list_the_postings_in_rank_order() {
    let doc = score_json(MARIA, POSTINGS_DIR, &["--top", "0"]);
    let ids: Vec<&str> = doc["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["posting"]["id"].as_str().unwrap())
        .collect();
    for format in ["table", "markdown"] {
        let out = skillmatch()
            .args(["score", "--as-of", AS_OF, "--top", "0", "--format", format])
            .args(["--postings", POSTINGS_DIR, MARIA])
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Maria Keller"), "{format}: {text}");
        let mut at = 0;
        for id in &ids {
            let found = text[at..]
                .find(id)
                .unwrap_or_else(|| panic!("{format}: {id} missing or out of order:\n{text}"));
            at += found + id.len();
        }
    }
}

#[test]
fn output_file_holds_what_stdout_would() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("score.json");
    let args = [
        "score",
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "--postings",
        POSTINGS_DIR,
        MARIA,
    ];
    let stdout = skillmatch().args(args).output().unwrap().stdout;
    skillmatch()
        .args(args)
        .arg("-o")
        .arg(&path)
        .assert()
        .code(0)
        .stdout("");
    assert_eq!(fs::read(&path).unwrap(), stdout);
}

#[test]
fn a_csv_of_several_resumes_points_to_rank() {
    skillmatch()
        .args(["score", "--as-of", AS_OF, "--postings", POSTINGS_DIR])
        .arg("examples/candidates.csv")
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("examples/candidates.csv")
                .and(predicate::str::contains("skillmatch rank --candidates")),
        );
}
