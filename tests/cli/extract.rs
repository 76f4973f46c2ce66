//! `skillmatch extract`.

use std::fs;

use predicates::prelude::*;
use serde_json::Value;

use crate::{json_of, skillmatch};

const POSTING: &str = "\
Backend Engineer

About Acme:
Acme builds tools.

Requirements
- Bachelor's degree in Computer Science or equivalent experience
- 3+ years of experience with Java or C++
- Experience with storage, caching and data processing
- Python, Java, C++, or Go

Nice to have
- Kubernetes

Benefits
- Go to the gym on us
";

fn any_of(req: &Value) -> Vec<String> {
    req["any_of"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn extract_json_follows_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("posting.txt");
    fs::write(&path, POSTING).unwrap();
    let doc = json_of(&["extract", "--format", "json", path.to_str().unwrap()]);
    let posting = &doc["postings"][0];
    assert_eq!(posting["title"], "Backend Engineer");
    assert_eq!(posting["company"], "Acme");
    let reqs = posting["requirements"].as_array().unwrap();
    let summary: Vec<(String, String, Vec<String>, Value)> = reqs
        .iter()
        .map(|r| {
            (
                r["section"].as_str().unwrap().to_string(),
                r["kind"].as_str().unwrap().to_string(),
                any_of(r),
                r["min_years"].clone(),
            )
        })
        .collect();
    let s = |x: &str| x.to_string();
    let expected = vec![
        (s("required"), s("education"), vec![], Value::Null),
        (
            s("required"),
            s("skill"),
            vec![s("java"), s("cpp")],
            serde_json::json!(3.0),
        ),
        (
            s("required"),
            s("skill"),
            vec![s("data-storage")],
            Value::Null,
        ),
        (s("required"), s("skill"), vec![s("caching")], Value::Null),
        (
            s("required"),
            s("skill"),
            vec![s("data-processing")],
            Value::Null,
        ),
        (
            s("required"),
            s("skill"),
            vec![s("python"), s("java"), s("cpp"), s("go")],
            Value::Null,
        ),
        (
            s("preferred"),
            s("skill"),
            vec![s("kubernetes")],
            Value::Null,
        ),
    ];
    assert_eq!(summary, expected);
    let education = &reqs[0]["education"];
    assert_eq!(education["level"], "bachelor");
    assert_eq!(education["or_equivalent"], true);
    assert_eq!(education["fields"][0]["id"], "computer-science");
    // Mentions carry byte spans into the file as read.
    let java = posting["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "java")
        .unwrap();
    let (start, end) = (
        java["start"].as_u64().unwrap() as usize,
        java["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&POSTING[start..end], "Java");
    assert_eq!(java["line"], 8);
}

#[test]
fn several_postings_in_one_page_are_split() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.txt");
    fs::write(
        &path,
        "Data Analyst\nRequirements\n- SQL\n- Tableau\nSenior Software Engineer - Platform\nBuild services in Go and Kubernetes.\n",
    )
    .unwrap();
    let doc = json_of(&["extract", "--format", "json", path.to_str().unwrap()]);
    let postings = doc["postings"].as_array().unwrap();
    assert_eq!(postings.len(), 2, "{doc}");
    let first: Vec<String> = postings[0]["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(any_of)
        .collect();
    assert_eq!(first, ["sql", "tableau"]);
    assert_eq!(postings[1]["title"], "Senior Software Engineer - Platform");
}

#[test]
fn text_output_groups_requirements_by_section() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("posting.txt");
    fs::write(&path, POSTING).unwrap();
    skillmatch()
        .args(["extract", "--as", "posting"])
        .arg(&path)
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("REQUIRED (6)")
                .and(predicate::str::contains("PREFERRED (1)"))
                .and(predicate::str::contains("Java | C++, 3+ years")),
        );
}

#[test]
fn unreadable_input_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    skillmatch()
        .arg("extract")
        .arg(&missing)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.txt"));
    let binary = dir.path().join("program.txt");
    fs::write(&binary, b"\x7fELF\x02\x01\x01\x00\x00\x00").unwrap();
    skillmatch()
        .arg("extract")
        .arg(&binary)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "program.txt: a binary file, not text",
        ));
}

#[test]
fn latin1_and_utf16_files_are_read_and_latin1_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.txt");
    fs::write(
        &latin1,
        b"Backend Engineer\n\nRequirements\n- Java and Kubernetes, caf\xe9 included\n",
    )
    .unwrap();
    let utf16 = dir.path().join("utf16.txt");
    let text = "Backend Engineer\n\nRequirements\n- Java and Kubernetes, café included\n";
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    fs::write(&utf16, bytes).unwrap();
    for (path, note) in [(&latin1, true), (&utf16, false)] {
        let out = skillmatch()
            .args(["extract", "--as", "posting", "--format", "json"])
            .arg(path)
            .assert()
            .success();
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert_eq!(
            stderr.contains("not UTF-8; read as Windows-1252"),
            note,
            "{stderr}"
        );
        let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        let ids: Vec<&str> = doc["postings"][0]["requirements"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r["any_of"].as_array().unwrap().iter())
            .map(|a| a["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["java", "kubernetes"], "{}", path.display());
    }
}

#[test]
fn resume_json_has_skills_with_years_and_evidence() {
    let path = "examples/resumes/java-backend.txt";
    let text = fs::read_to_string(path).unwrap();
    // The kind is guessed: no --as.
    let doc = json_of(&["extract", "--format", "json", "--as-of", "2026-11-01", path]);
    assert_eq!(doc["postings"].as_array().unwrap().len(), 0);
    let candidate = &doc["candidates"][0];
    assert_eq!(candidate["name"], "Maria Keller");
    assert_eq!(candidate["education"], "bachelor");
    // Jan 2018 – Nov 2026 (as of), months counted inclusively.
    assert_eq!(candidate["total_years"], 8.9);
    let skills = candidate["skills"].as_array().unwrap();
    let skill = |id: &str| {
        skills
            .iter()
            .find(|s| s["id"] == id)
            .unwrap_or_else(|| panic!("{id}: {candidate}"))
    };
    assert_eq!(skill("java")["years"], 8.9);
    // Kafka only in the current role: Mar 2021 – Nov 2026.
    assert_eq!(skill("apache-kafka")["years"], 5.8);
    assert_eq!(skill("kotlin")["skills_section_only"], true);
    assert_eq!(skill("kotlin")["years"], Value::Null);
    for evidence in skill("java")["evidence"].as_array().unwrap() {
        let (start, end) = (
            evidence["start"].as_u64().unwrap() as usize,
            evidence["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], "Java");
        assert!(evidence["text"].as_str().unwrap().contains("Java"));
    }
}

#[test]
fn as_of_must_be_a_date() {
    skillmatch()
        .args([
            "extract",
            "--as-of",
            "yesterday",
            "examples/resumes/java-backend.txt",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--as-of"));
}

fn extract_json(name: &str, content: &[u8], extra: &[&str]) -> (Value, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, content).unwrap();
    let mut args = vec!["extract", "--format", "json"];
    args.extend_from_slice(extra);
    args.push(path.to_str().unwrap());
    (json_of(&args), dir)
}

#[test]
fn offsets_point_into_the_file_as_read_with_a_bom_and_crlf() {
    let text = "\u{feff}Backend Engineer\r\n\r\nRequirements\r\n- Python and Java\r\n";
    let (doc, _dir) = extract_json("bom.txt", text.as_bytes(), &["--as", "posting"]);
    let posting = &doc["postings"][0];
    assert_eq!(posting["title"], "Backend Engineer");
    let quoted: Vec<(String, &str)> = posting["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            (m["id"].as_str().unwrap().to_string(), &text[s..e])
        })
        .collect();
    let find = |id: &str| quoted.iter().find(|(i, _)| i == id).map(|(_, t)| *t);
    assert_eq!(find("python"), Some("Python"));
    assert_eq!(find("java"), Some("Java"));
    assert_eq!(posting["lines"], serde_json::json!([1, 4]));
}

#[test]
fn an_empty_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.txt");
    fs::write(&path, "  \n").unwrap();
    skillmatch()
        .arg("extract")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty.txt").and(predicate::str::contains("empty")));
}

#[test]
fn requirement_lines_table() {
    // (requirement line under "Requirements", expected alternatives per requirement)
    let cases: &[(&str, &[&[&str]])] = &[
        ("Experience with Jenkins", &[&["jenkins"]]),
        ("Strong Go skills", &[&["go"]]),
        ("Write tooling in Go or Rust", &[&["go", "rust"]]),
        ("Kafka **or** NATS", &[&["apache-kafka", "nats"]]),
        (
            "Java or Kotlin, and Spring Boot",
            &[&["java", "kotlin"], &["spring-boot"]],
        ),
        (
            "storage, caching and data processing",
            &[&["data-storage"], &["caching"], &["data-processing"]],
        ),
        (
            "Spark/Flink/Big Data technologies",
            &[&["apache-spark", "apache-flink", "big-data"]],
        ),
        ("You will go to the office", &[&[]]),
        (
            "Use [Kubernetes](https://kubernetes.io) daily",
            &[&["kubernetes"]],
        ),
        // Elaborations: details of a head are not requirements of their own;
        // kinds of the head are its examples.
        (
            "Terraform (modules, state management, code review)",
            &[&["terraform"]],
        ),
        (
            "Strong Linux fundamentals: networking, processes, file systems, debugging",
            &[&["linux"]],
        ),
        ("Good CSS skills: layout, responsive design", &[&["css"]]),
        (
            "Relational databases (PostgreSQL, MySQL)",
            &[&["relational-databases", "postgresql", "mysql"]],
        ),
        (
            "Cloud data platforms (AWS, GCP or Azure)",
            &[&["cloud-computing", "aws", "gcp", "azure"]],
        ),
        ("Kotlin (or Java)", &[&["kotlin", "java"]]),
        ("Kubernetes (and Helm)", &[&["kubernetes"], &["helm"]]),
    ];
    for (line, expected) in cases {
        let text = format!("Platform Engineer\n\nRequirements\n- {line}\n");
        let (doc, _dir) = extract_json("p.txt", text.as_bytes(), &["--as", "posting"]);
        let got: Vec<Vec<String>> = doc["postings"][0]["requirements"]
            .as_array()
            .unwrap()
            .iter()
            .map(any_of)
            .collect();
        let want: Vec<Vec<String>> = expected
            .iter()
            .map(|alts| alts.iter().map(|s| s.to_string()).collect())
            .collect();
        assert_eq!(got, want, "{line}");
    }
}

#[test]
fn a_lead_in_marker_makes_only_what_follows_preferred() {
    let text = "Platform Engineer\n\nRequirements\n- SQL, ideally PostgreSQL or Oracle\n- Docker; Kubernetes is a plus\n";
    let (doc, _dir) = extract_json("p.txt", text.as_bytes(), &["--as", "posting"]);
    let reqs = doc["postings"][0]["requirements"].as_array().unwrap();
    let summary: Vec<(String, Vec<String>)> = reqs
        .iter()
        .map(|r| (r["section"].as_str().unwrap().to_string(), any_of(r)))
        .collect();
    let s = |x: &str| x.to_string();
    assert_eq!(
        summary,
        vec![
            (s("required"), vec![s("sql")]),
            (s("preferred"), vec![s("postgresql"), s("oracle-database")]),
            // "is a plus" closes the line: the whole line is preferred.
            (s("preferred"), vec![s("docker")]),
            (s("preferred"), vec![s("kubernetes")]),
        ]
    );
}

#[test]
fn inline_header_content_is_read() {
    let text =
        "Platform Engineer\n\nRequirements: Python, Docker and Terraform.\nNice to have: Go\n";
    let (doc, _dir) = extract_json("p.txt", text.as_bytes(), &["--as", "posting"]);
    let reqs = doc["postings"][0]["requirements"].as_array().unwrap();
    let summary: Vec<(String, Vec<String>)> = reqs
        .iter()
        .map(|r| (r["section"].as_str().unwrap().to_string(), any_of(r)))
        .collect();
    let s = |x: &str| x.to_string();
    assert_eq!(
        summary,
        vec![
            (s("required"), vec![s("python")]),
            (s("required"), vec![s("docker")]),
            (s("required"), vec![s("terraform")]),
            (s("preferred"), vec![s("go")]),
        ]
    );
}
