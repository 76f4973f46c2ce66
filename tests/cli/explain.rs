//! `skillmatch explain`: one résumé against one posting, requirement by
//! requirement, and the JSON contract of PRODUCT.md.

use std::collections::BTreeSet;
use std::fs;

use predicates::prelude::*;
use serde_json::Value;

use crate::score::{csv_rows, posting_files, AS_OF, MARIA, POSTINGS_CSV, POSTINGS_DIR};
use crate::{json_of, skillmatch};

const DANIEL: &str = "examples/resumes/go-kubernetes-sre.txt";
const SRE_POSTING: &str = "examples/postings/site-reliability-engineer.txt";
const STATUSES: [&str; 4] = ["met", "partial", "missing", "not_assessed"];
const HOWS: [&str; 4] = ["same", "more_specific", "more_general", "related"];

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

/// `explain --format json` with `extra` options.
fn explain_json(resume: &str, posting: &str, extra: &[&str]) -> Value {
    let mut args = vec!["explain", "--as-of", AS_OF, "--format", "json"];
    args.extend_from_slice(extra);
    args.extend_from_slice(&[resume, posting]);
    json_of(&args)
}

/// Runs `explain` with `args` after the subcommand and returns stdout.
fn explain_text(args: &[&str]) -> String {
    let out = skillmatch()
        .args(["explain", "--as-of", AS_OF])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The score the contract says the records add up to:
/// 100 × Σ weight·credit / Σ weight, and 0 when nothing has weight.
pub fn recomputed_score(requirements: &[Value], role: &Value) -> f64 {
    // Role fit, when assessed, is one more weighted part.
    let (role_weight, role_credit) = if role.is_null() {
        (0.0, 0.0)
    } else {
        (f(&role["weight"]), f(&role["credit"]))
    };
    let possible: f64 = requirements.iter().map(|a| f(&a["weight"])).sum::<f64>() + role_weight;
    let earned: f64 = requirements
        .iter()
        .map(|a| f(&a["weight"]) * f(&a["credit"]))
        .sum::<f64>()
        + role_weight * role_credit;
    // An entry-level ceiling weighs nothing; its credit scales the score.
    let ceiling: f64 = requirements
        .iter()
        .filter(|a| a["part"] == "ceiling" && a["status"] != "not_assessed")
        .map(|a| f(&a["credit"]))
        .product();
    if possible == 0.0 {
        0.0
    } else {
        100.0 * earned / possible * ceiling
    }
}

/// The fit recomputed from a document's `score` and `assessed`: the score
/// shrunk by the evidence against the prior.
pub fn recomputed_fit(doc: &Value) -> f64 {
    let evidence = f(&doc["assessed"]["evidence"]);
    let prior = f(&doc["assessed"]["prior"]);
    if evidence <= 0.0 {
        0.0
    } else {
        f(&doc["score"]) * evidence / (evidence + prior)
    }
}

/// Checks every per-requirement record against the contract and against
/// the résumé at `resume` (evidence quotes its lines). Returns how many
/// evidence quotes were checked.
pub fn check_records(requirements: &[Value], resume: &str, ctx: &str) -> usize {
    let text = fs::read_to_string(resume).unwrap();
    // Byte range and text of each line, numbered from 1.
    let mut lines = Vec::new();
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        let body = raw.trim_end_matches(['\n', '\r']);
        lines.push((at, at + body.len(), body));
        at += raw.len();
    }
    let mut quotes = 0;
    for a in requirements {
        let ctx = format!("{ctx}: {a}");
        for key in [
            "text", "line", "section", "kind", "asked", "weight", "status", "credit", "matched",
            "evidence", "years",
        ] {
            assert!(a.get(key).is_some(), "{ctx}: no `{key}`");
        }
        assert!(
            a["years"].get("have").is_some() && a["years"].get("need").is_some(),
            "{ctx}"
        );
        assert!(a["text"].as_str().is_some_and(|t| !t.is_empty()), "{ctx}");
        assert!(a["line"].as_u64().is_some_and(|l| l >= 1), "{ctx}");
        assert!(
            ["required", "preferred", "responsibility"].contains(&a["section"].as_str().unwrap()),
            "{ctx}"
        );
        assert!(a["kind"].is_string(), "{ctx}");
        let status = a["status"].as_str().unwrap();
        assert!(STATUSES.contains(&status), "{ctx}");
        let (weight, credit) = (f(&a["weight"]), f(&a["credit"]));
        assert!(weight >= 0.0, "{ctx}");
        assert!((0.0..=1.0).contains(&credit), "{ctx}");
        match status {
            "not_assessed" => {
                assert_eq!(weight, 0.0, "{ctx}");
                assert_eq!(credit, 0.0, "{ctx}");
            }
            "met" => assert_eq!(credit, 1.0, "{ctx}"),
            "missing" => assert_eq!(credit, 0.0, "{ctx}"),
            _ => assert!(credit > 0.0 && credit < 1.0, "{ctx}"),
        }
        match &a["matched"] {
            Value::Null => {}
            m => {
                assert!(m["id"].is_string() && m["label"].is_string(), "{ctx}");
                assert!(HOWS.contains(&m["how"].as_str().unwrap()), "{ctx}");
                assert_ne!(status, "missing", "{ctx}");
            }
        }
        for key in ["have", "need"] {
            let y = &a["years"][key];
            assert!(y.is_null() || f(y) >= 0.0, "{ctx}");
        }
        for ev in a["evidence"].as_array().unwrap() {
            let n = ev["line"].as_u64().unwrap() as usize;
            assert!(n >= 1 && n <= lines.len(), "{ctx}: line {n} of {resume}");
            let (start, end, line) = lines[n - 1];
            let quoted = ev["text"].as_str().unwrap().trim();
            assert!(!quoted.is_empty(), "{ctx}");
            assert!(
                line.contains(quoted),
                "{ctx}: {resume} line {n} is {line:?}, evidence quotes {quoted:?}"
            );
            // Where byte offsets are given, they fall on that line.
            if let (Some(s), Some(e)) = (ev["start"].as_u64(), ev["end"].as_u64()) {
                let (s, e) = (s as usize, e as usize);
                assert!(
                    start <= s && s < e && e <= end,
                    "{ctx}: {s}..{e} not on line {n}"
                );
            }
            quotes += 1;
        }
    }
    quotes
}

#[test]
fn explain_json_follows_the_contract() {
    let doc = explain_json(DANIEL, SRE_POSTING, &[]);
    for key in ["score", "posting", "candidate", "requirements"] {
        assert!(doc.get(key).is_some(), "no `{key}`: {doc}");
    }
    assert_eq!(doc["posting"]["id"], "site-reliability-engineer");
    assert_eq!(doc["posting"]["source"], SRE_POSTING);
    assert_eq!(doc["candidate"]["source"], DANIEL);
    let score = f(&doc["score"]);
    assert!((0.0..=100.0).contains(&score), "{score}");
    let reqs = doc["requirements"].as_array().unwrap();
    let quotes = check_records(reqs, DANIEL, "site-reliability-engineer");
    assert!(quotes > 0, "no evidence quoted: {doc}");
    let statuses: BTreeSet<&str> = reqs.iter().map(|a| a["status"].as_str().unwrap()).collect();
    // This pair has something of each of these.
    for status in ["met", "missing", "not_assessed"] {
        assert!(statuses.contains(status), "no {status}: {statuses:?}");
    }
    // An Go/Kubernetes SRE against an SRE posting: Kubernetes is met by
    // the same skill, with the résumé lines that show it.
    let kubernetes = reqs
        .iter()
        .find(|a| a["section"] == "required" && a["matched"]["id"] == "kubernetes")
        .unwrap_or_else(|| panic!("Kubernetes not matched: {doc}"));
    assert_eq!(kubernetes["status"], "met");
    assert_eq!(kubernetes["matched"]["how"], "same");
    assert!(!kubernetes["evidence"].as_array().unwrap().is_empty());
    // The counts come from the records.
    let required: Vec<&Value> = reqs
        .iter()
        .filter(|a| a["section"] == "required" && a["part"] != "ceiling")
        .collect();
    let count = |s: &str| required.iter().filter(|a| a["status"] == s).count() as u64;
    assert_eq!(doc["required_met"], count("met"));
    assert_eq!(
        doc["required_total"],
        required.len() as u64 - count("not_assessed")
    );
}

#[test]
fn every_score_adds_up_from_its_records() {
    let resumes = [
        MARIA,
        DANIEL,
        "examples/resumes/python-data-engineer.md",
        "examples/resumes/react-frontend.txt",
        "examples/resumes/new-graduate.txt",
    ];
    let mut quotes = 0;
    for resume in resumes {
        for file in posting_files() {
            let posting = format!("{POSTINGS_DIR}/{file}");
            let ctx = format!("{resume} × {posting}");
            let doc = explain_json(resume, &posting, &[]);
            let reqs = doc["requirements"].as_array().unwrap();
            quotes += check_records(reqs, resume, &ctx);
            let score = f(&doc["score"]);
            let recomputed = recomputed_score(reqs, &doc["role"]);
            assert!(
                (recomputed - score).abs() <= 0.01,
                "{ctx}: score {score}, records add up to {recomputed}"
            );
            let fit = f(&doc["fit"]);
            assert!(
                (recomputed_fit(&doc) - fit).abs() <= 0.05 && fit <= score + 0.01,
                "{ctx}: fit {fit} from score {score} and {}",
                doc["assessed"]
            );
            let assessed = reqs
                .iter()
                .filter(|a| a["status"] != "not_assessed")
                .count();
            assert_eq!(doc["assessed"]["requirements"], assessed as u64, "{ctx}");
        }
    }
    assert!(quotes > 100, "{quotes}");
}

#[test]
fn a_posting_with_nothing_to_assess_scores_zero() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("office.txt");
    fs::write(
        &path,
        "Office Manager\n\nRequirements\n- A friendly manner with visitors\n- Lives within walking distance of the office\n",
    )
    .unwrap();
    let doc = explain_json(MARIA, path.to_str().unwrap(), &[]);
    let reqs = doc["requirements"].as_array().unwrap();
    assert!(!reqs.is_empty(), "{doc}");
    check_records(reqs, MARIA, "office");
    assert!(reqs.iter().all(|a| a["status"] == "not_assessed"), "{doc}");
    assert_eq!(f(&doc["score"]), 0.0);
    assert_eq!(doc["required_total"], 0);
}

#[test]
fn weights_follow_the_section_and_the_weights_file() {
    let doc = explain_json(
        MARIA,
        "examples/postings/platform-backend-engineer.txt",
        &[],
    );
    let reqs = doc["requirements"].as_array().unwrap();
    let assessed = |section: &str| -> Vec<f64> {
        reqs.iter()
            .filter(|a| a["section"] == section && a["status"] != "not_assessed")
            .map(|a| f(&a["weight"]))
            .collect()
    };
    // Defaults: required 1, preferred 0.5, responsibility 0.25 (a soft
    // skill may count for less, never for more).
    for (section, weight) in [
        ("required", 1.0),
        ("preferred", 0.5),
        ("responsibility", 0.25),
    ] {
        let weights = assessed(section);
        assert!(!weights.is_empty(), "no {section} records: {doc}");
        assert!(weights.contains(&weight), "{section}: {weights:?}");
        assert!(
            weights.iter().all(|&w| w > 0.0 && w <= weight),
            "{section}: {weights:?}"
        );
    }
    // A weights file scales each section.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("weights.toml");
    fs::write(
        &path,
        "required = 2.0\npreferred = 0.0\nresponsibility = 1.0\n",
    )
    .unwrap();
    let weighted = explain_json(
        MARIA,
        "examples/postings/platform-backend-engineer.txt",
        &["--weights", path.to_str().unwrap()],
    );
    let changed = weighted["requirements"].as_array().unwrap();
    assert_eq!(changed.len(), reqs.len());
    for (a, b) in reqs.iter().zip(changed) {
        assert_eq!(a["text"], b["text"]);
        let factor = match a["section"].as_str().unwrap() {
            "required" => 2.0,
            "preferred" => 0.0,
            _ => 4.0,
        };
        assert!(
            (f(&b["weight"]) - factor * f(&a["weight"])).abs() < 1e-9,
            "{a} → {b}"
        );
        assert_eq!(a["credit"], b["credit"]);
    }
    let score = f(&weighted["score"]);
    assert!(
        (recomputed_score(changed, &weighted["role"]) - score).abs() <= 0.01,
        "{score}"
    );
}

#[test]
fn html_is_one_self_contained_page() {
    for (resume, posting) in [
        (DANIEL, SRE_POSTING),
        (MARIA, "examples/postings/platform-backend-engineer.txt"),
    ] {
        let name = explain_json(resume, posting, &[])["candidate"]["name"]
            .as_str()
            .unwrap()
            .to_string();
        let html = explain_text(&["--format", "html", resume, posting]);
        assert!(html.starts_with("<!DOCTYPE html>"), "{resume}");
        assert!(html.ends_with("</html>\n"), "{resume}");
        for banned in ["http://", "https://", "<script", "<link", "src="] {
            assert!(!html.contains(banned), "{resume}: {banned} in the page");
        }
        assert!(html.contains(&name), "{resume}: no {name}");
        // Every line of the résumé is on the page.
        let text = fs::read_to_string(resume).unwrap();
        let lines = text.lines().count();
        assert!(html.contains(&format!("id=\"R{lines}\"")), "{resume}");
    }
}

/// The text between the first `start` after `from` and the next `end`.
fn between<'h>(html: &'h str, from: &str, start: &str, end: &str) -> &'h str {
    let at = html.find(from).unwrap_or_else(|| panic!("no {from}"));
    let rest = &html[at..];
    let open = rest.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
    let close = rest[open..].find(end).unwrap_or_else(|| panic!("no {end}"));
    &rest[open..open + close]
}

#[test]
fn html_groups_requirements_by_section_and_lists_what_is_missing() {
    let resume = "tests/data/resumes/recruiter/backend-no-bullets.txt";
    let posting = "examples/postings/platform-backend-engineer.txt";
    let json = explain_json(resume, posting, &[]);
    let html = explain_text(&["--format", "html", resume, posting]);
    let records = json["requirements"].as_array().unwrap();
    // One table per section, in posting order within it, one row per
    // record.
    for section in ["required", "preferred", "responsibility"] {
        let of_section: Vec<&Value> = records.iter().filter(|r| r["section"] == section).collect();
        assert!(!of_section.is_empty(), "the fixture has {section} records");
        let table = between(
            &html,
            &format!("<h2 id=\"{section}\">"),
            "<tbody>",
            "</tbody>",
        );
        let rows: Vec<&str> = table.split("<tr>").skip(1).collect();
        assert_eq!(rows.len(), of_section.len(), "{section}: {table}");
        for (row, record) in rows.iter().zip(&of_section) {
            let status = record["status"].as_str().unwrap();
            assert!(row.contains(&format!("badge {status}")), "{section}: {row}");
            let line = format!("href=\"#L{}\"", record["line"]);
            assert!(row.contains(&line), "{section}: {row}");
            for asked in record["asked"].as_array().unwrap() {
                let label = asked["label"].as_str().unwrap().replace('&', "&amp;");
                assert!(row.contains(&label), "{section}: {label} not in {row}");
            }
        }
    }
    // The Missing section names what each missing record asks for, and
    // nothing else.
    let missing: Vec<&Value> = records
        .iter()
        .filter(|r| r["status"] == "missing")
        .collect();
    assert!(!missing.is_empty());
    assert!(
        html.contains(&format!("Missing ({})", missing.len())),
        "{html}"
    );
    let list = between(
        &html,
        "<h2 id=\"missing\">",
        "<ul class=\"missing-list\">",
        "</ul>",
    );
    assert_eq!(list.matches("<li>").count(), missing.len(), "{list}");
    for record in &missing {
        for asked in record["asked"].as_array().unwrap() {
            let label = asked["label"].as_str().unwrap().replace('&', "&amp;");
            assert!(list.contains(&label), "{label} not in {list}");
        }
    }
    // The legend explains every badge the tables use.
    let legend = between(&html, "<section class=\"legend\">", "<ul>", "</ul>");
    for status in STATUSES {
        assert!(
            legend.contains(&format!("badge {status}")),
            "{status}: {legend}"
        );
    }
}

#[test]
fn html_escapes_the_resume_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("eve.txt");
    fs::write(
        &path,
        "Eve Example <script>alert(1)</script>\n\nSkills\nJava, Kotlin, <b>Go</b> & \"Docker\"\n",
    )
    .unwrap();
    let html = explain_text(&[
        "--format",
        "html",
        path.to_str().unwrap(),
        "examples/postings/platform-backend-engineer.txt",
    ]);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(html.contains("&amp;"), "{html}");
}

/// The cells of a Markdown table row, splitting on `|` not escaped as `\|`.
fn cells(row: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = row.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.last_mut().unwrap().push(c);
                if let Some(n) = chars.next() {
                    out.last_mut().unwrap().push(n);
                }
            }
            '|' => out.push(String::new()),
            _ => out.last_mut().unwrap().push(c),
        }
    }
    out
}

#[test]
fn markdown_has_one_table_row_per_requirement() {
    let dir = tempfile::tempdir().unwrap();
    let resume = dir.path().join("pipes.txt");
    // A `|` in an evidence line must not break the table.
    fs::write(
        &resume,
        "Pat Pipe\n\nSkills\nJava | Kotlin | Spring Boot | PostgreSQL\n",
    )
    .unwrap();
    let resume = resume.to_str().unwrap();
    for (resume, posting) in [
        (DANIEL, SRE_POSTING),
        (resume, "examples/postings/platform-backend-engineer.txt"),
    ] {
        let md = explain_text(&["--format", "markdown", resume, posting]);
        let lines: Vec<&str> = md.lines().collect();
        let header = lines
            .iter()
            .position(|l| l.starts_with("| Line |"))
            .unwrap_or_else(|| panic!("no `| Line |` header:\n{md}"));
        let width = cells(lines[header]).len();
        assert!(lines[header + 1].starts_with("|---"), "{md}");
        let rows: Vec<&str> = lines[header + 2..]
            .iter()
            .take_while(|l| l.starts_with('|'))
            .copied()
            .collect();
        let doc = explain_json(resume, posting, &[]);
        let reqs = doc["requirements"].as_array().unwrap();
        assert_eq!(rows.len(), reqs.len(), "{md}");
        for (row, a) in rows.iter().zip(reqs) {
            assert_eq!(cells(row).len(), width, "{row}");
            assert_eq!(cells(row)[1].trim(), a["line"].to_string(), "{row}");
            assert_eq!(cells(row)[5].trim(), a["status"].as_str().unwrap(), "{row}");
            // What a skill requirement asks for is named in its row, in
            // the JSON's `asked`, whatever its status.
            if a["kind"] == "skill" {
                let asked: Vec<&str> = a["asked"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s["label"].as_str().unwrap())
                    .collect();
                assert!(!asked.is_empty(), "{row}");
                assert_eq!(
                    cells(row)[4].trim().replace("\\|", "|"),
                    asked.join(" | "),
                    "{row}"
                );
            }
        }
    }
}

#[test]
fn text_and_markdown_show_the_json_score() {
    let doc = explain_json(DANIEL, SRE_POSTING, &[]);
    let score = format!("{:.1}", f(&doc["score"]));
    let text = explain_text(&[DANIEL, SRE_POSTING]);
    assert!(text.contains(&format!("Score {score} of 100")), "{text}");
    let md = explain_text(&["--format", "markdown", DANIEL, SRE_POSTING]);
    assert!(md.contains(&format!("**Score {score} of 100**")), "{md}");
}

#[test]
fn posting_picks_one_from_a_csv() {
    let rows = csv_rows(&fs::read(POSTINGS_CSV).unwrap());
    assert!(rows.len() > 2);
    for row in &rows[1..] {
        let doc = explain_json(MARIA, POSTINGS_CSV, &["--posting", &row[0]]);
        assert_eq!(doc["posting"]["id"], row[0].as_str(), "{}", doc["posting"]);
        assert_eq!(
            doc["posting"]["title"],
            row[1].as_str(),
            "{}",
            doc["posting"]
        );
        check_records(doc["requirements"].as_array().unwrap(), MARIA, &row[0]);
    }
}

#[test]
fn an_unknown_posting_id_names_the_ids() {
    let rows = csv_rows(&fs::read(POSTINGS_CSV).unwrap());
    let mut stderr = predicate::str::contains("nope")
        .and(predicate::str::contains(POSTINGS_CSV))
        .boxed();
    for row in &rows[1..] {
        stderr = stderr.and(predicate::str::contains(row[0].clone())).boxed();
    }
    skillmatch()
        .args([
            "explain",
            "--as-of",
            AS_OF,
            "--posting",
            "nope",
            MARIA,
            POSTINGS_CSV,
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(stderr);
}

#[test]
fn a_batch_without_posting_explains_the_best_match_and_says_so() {
    let best = crate::score::score_json(MARIA, POSTINGS_DIR, &["--top", "1"]);
    let best_id = best["results"][0]["posting"]["id"].as_str().unwrap();
    let out = skillmatch()
        .args([
            "explain",
            "--as-of",
            AS_OF,
            "--format",
            "json",
            MARIA,
            POSTINGS_DIR,
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["posting"]["id"], best_id);
    assert_eq!(doc["score"], best["results"][0]["score"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(best_id) && stderr.contains("--posting"),
        "{stderr}"
    );
    // --quiet keeps the note to itself.
    skillmatch()
        .args(["explain", "--quiet", "--as-of", AS_OF, MARIA, POSTINGS_DIR])
        .assert()
        .code(0)
        .stderr("");
}

#[test]
fn missing_inputs_are_errors_naming_them() {
    let cases: &[(&[&str], &str)] = &[
        (&["examples/resumes/nobody.txt", SRE_POSTING], "nobody.txt"),
        (&[DANIEL, "examples/postings/nothing.txt"], "nothing.txt"),
    ];
    for (args, named) in cases {
        skillmatch()
            .args(["explain", "--as-of", AS_OF])
            .args(*args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(*named));
    }
}
