//! What a recruiter reading `explain` found wrong (issue 15), each on a
//! realistic résumé in `tests/data/resumes/recruiter/`: the years a
//! résumé earns, where they come from, and what is not a skill.

use serde_json::Value;

use super::json_of;

const AS_OF: &str = "2026-11-01";

/// The candidate `extract --format json` reads from `file`.
fn candidate(file: &str) -> Value {
    let path = format!("tests/data/resumes/recruiter/{file}");
    let doc = json_of(&[
        "extract", "--as", "resume", "--format", "json", "--as-of", AS_OF, &path,
    ]);
    doc["candidates"][0].clone()
}

/// `explain --format json` of `resume` against `posting`.
fn explained(resume: &str, posting: &str) -> Value {
    json_of(&[
        "explain", "--format", "json", "--as-of", AS_OF, resume, posting,
    ])
}

/// The candidate's record of skill `id`, if any.
fn skill<'v>(c: &'v Value, id: &str) -> Option<&'v Value> {
    c["skills"]
        .as_array()
        .expect("skills")
        .iter()
        .find(|s| s["id"] == id)
}

/// The years of skill `id` (null when unknown or absent).
fn years(c: &Value, id: &str) -> Value {
    skill(c, id).map_or(Value::Null, |s| s["years"].clone())
}

#[test]
fn a_skills_degree_and_licence_line_after_the_last_job_earn_no_years() {
    let sre = candidate("sre-trailing-blocks.txt");
    // Kubernetes and Go are used in the Tidewater job (Mar 2021 to now),
    // not in all three jobs because the trailing Skills line repeats them.
    assert_eq!(years(&sre, "kubernetes"), 5.8); // 69 months
    assert_eq!(years(&sre, "go"), 5.8);
    for listed in ["terraform", "helm", "microsoft-office", "bachelors-degree"] {
        assert_eq!(years(&sre, listed), Value::Null, "{listed}");
    }
    let section = |id: &str| skill(&sre, id).expect("found")["evidence"][0]["section"].clone();
    assert_eq!(section("bachelors-degree"), "education");
    assert_eq!(section("kubernetes-certification"), "certifications");

    let nurse = candidate("nurse-trailing-blocks.txt");
    // The degree's dates are not a third job.
    assert_eq!(nurse["roles"].as_array().expect("roles").len(), 2);
    assert_eq!(nurse["total_years"], 6.9); // Jan 2020 to Nov 2026
    assert_eq!(years(&nurse, "bachelors-degree"), Value::Null);
    assert_eq!(years(&nurse, "microsoft-office"), Value::Null);
}

#[test]
fn an_unbulleted_job_keeps_its_last_line() {
    let c = candidate("backend-no-bullets.txt");
    // "Mentoring three junior engineers" closes the Fennick Pay job
    // (Mar 2022 to now), not the Oberon job below it.
    assert_eq!(years(&c, "mentoring"), 4.8); // 57 months
    assert_eq!(years(&c, "aws"), 2.2);
    let from = &skill(&c, "mentoring").expect("found")["years_from"];
    assert_eq!(from["stated_line"], Value::Null);
    assert_eq!(from["roles"][0]["line"], 5);
    assert_eq!(from["roles"].as_array().expect("roles").len(), 1);
}

#[test]
fn stated_years_count_and_say_so() {
    let c = candidate("backend-no-bullets.txt");
    // "Backend engineer with six years of building …" beats the one
    // backend job's 4.8 years, and the record names the line.
    assert_eq!(years(&c, "backend-development"), 6.0);
    let from = &skill(&c, "backend-development").expect("found")["years_from"];
    assert_eq!(from["stated_line"], 2);

    // explain quotes the statement for a "5+ years" requirement.
    let path = "tests/data/resumes/recruiter/backend-no-bullets.txt";
    let posting_file = std::env::temp_dir().join(format!(
        "skillmatch-recruiter-{}-backend.txt",
        std::process::id()
    ));
    std::fs::write(
        &posting_file,
        "Senior Backend Engineer\n\nRequirements\n- 5+ years of backend development experience\n- Java\n",
    )
    .expect("writes");
    let doc = explained(path, posting_file.to_str().expect("utf-8 path"));
    let _ = std::fs::remove_file(&posting_file);
    let backend = &doc["requirements"][0];
    assert_eq!(backend["status"], "met");
    assert_eq!(backend["years"]["have"], 6.0);
    assert_eq!(backend["years_from"]["stated_line"], 2);
    let java = &doc["requirements"][1];
    assert_eq!(
        java["years_from"]["roles"][0]["title"],
        "Senior Backend Engineer, Fennick Pay, Warsaw"
    );
}

#[test]
fn an_employer_is_not_a_skill() {
    let data = candidate("data-engineer-education.txt");
    assert!(skill(&data, "data-analytics").is_none(), "Loop Analytics");
    let sre = candidate("sre-trailing-blocks.txt");
    assert!(skill(&sre, "logistics").is_none(), "Tidewater Logistics");
}

#[test]
fn the_degree_credit_quotes_the_degree_line() {
    let doc = explained(
        "tests/data/resumes/recruiter/data-engineer-education.txt",
        "tests/data/postings/ml-data-engineer.txt",
    );
    let degree = doc["requirements"]
        .as_array()
        .expect("records")
        .iter()
        .find(|r| r["kind"] == "education")
        .expect("a degree record");
    assert_eq!(degree["status"], "met");
    let asked: Vec<&str> = degree["asked"]
        .as_array()
        .expect("asked")
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    assert_eq!(asked, ["data-science", "statistics"]);
    assert_eq!(
        degree["evidence"][0]["text"],
        "MSc Data Science, University of Leeds, 2020 - 2021"
    );
}

#[test]
fn what_a_posting_rules_out_is_not_asked_for() {
    let doc = json_of(&[
        "extract",
        "--format",
        "json",
        "tests/data/postings/analytics-engineer-not-ml.txt",
    ]);
    let records = doc["postings"][0]["requirements"]
        .as_array()
        .expect("requirements");
    let asked = |line: u64| -> Vec<&str> {
        records
            .iter()
            .filter(|r| r["line"] == line)
            .flat_map(|r| r["any_of"].as_array().expect("any_of"))
            .filter_map(|a| a["id"].as_str())
            .collect()
    };
    // "Experience with A/B testing (this is not a machine learning role)":
    // A/B testing is asked for, machine learning is not.
    assert_eq!(asked(12), ["a-b-testing"]);
    // "No prior Kubernetes experience needed; …" and "Experience with
    // Apache Kafka is not required" ask for nothing, and stay on record as
    // not assessed.
    for line in [13, 14] {
        assert_eq!(asked(line), Vec::<&str>::new(), "line {line}");
        let kinds: Vec<&Value> = records
            .iter()
            .filter(|r| r["line"] == line)
            .map(|r| &r["kind"])
            .collect();
        assert_eq!(kinds, [&Value::from("other")], "line {line}");
    }
    // What the lines around them ask for is untouched.
    assert_eq!(asked(9), ["sql"]);
    assert_eq!(asked(11), ["python"]);
}

/// Seed 003 of the shared set: a senior backend posting.
const SEED_003: &str = "../shared/seeds/003_be179d0e789d9c72.txt";

#[test]
fn on_a_backend_posting_the_nurse_ranks_last() {
    if !std::path::Path::new(SEED_003).is_file() {
        eprintln!("skipped: {SEED_003} is not there (the shared seed postings are absent)");
        return;
    }
    let resumes = [
        "tests/data/resumes/recruiter/backend-no-bullets.txt",
        "tests/data/resumes/recruiter/data-engineer-education.txt",
        "tests/data/resumes/recruiter/sre-trailing-blocks.txt",
        "examples/resumes/go-kubernetes-sre.txt",
        "examples/resumes/java-backend.txt",
        "examples/resumes/new-graduate.txt",
        "examples/resumes/python-data-engineer.md",
        "examples/resumes/react-frontend.txt",
    ];
    let fit = |resume: &str| {
        let doc = explained(resume, SEED_003);
        doc["fit"].as_f64().expect("fit")
    };
    let nurse = fit("tests/data/resumes/recruiter/nurse-trailing-blocks.txt");
    for resume in resumes {
        let other = fit(resume);
        assert!(other > nurse, "{resume}: fit {other}, the nurse's {nurse}");
    }
}

#[test]
fn years_count_toward_experience_only_in_the_postings_field() {
    // "2 years of experience in the job or related field" on a backend
    // posting: a nurse's seven years do not meet it, a backend
    // developer's do.
    let experience = |resume: &str| -> Value {
        let doc = explained(
            resume,
            "tests/data/postings/backend-developer-related-field.txt",
        );
        let records = doc["requirements"].as_array().expect("records");
        let found: Vec<&Value> = records
            .iter()
            .filter(|r| r["kind"] == "experience")
            .collect();
        assert_eq!(found.len(), 1, "{doc}");
        found[0].clone()
    };
    let nurse = experience("tests/data/resumes/recruiter/nurse-trailing-blocks.txt");
    assert!(
        nurse["years"]["have"].as_f64().expect("years") > 2.0,
        "{nurse}"
    );
    assert_eq!(nurse["in_field"], 0.0, "{nurse}");
    assert_eq!(nurse["credit"], 0.0, "{nurse}");
    assert_eq!(nurse["status"], "missing", "{nurse}");
    let backend = experience("tests/data/resumes/recruiter/backend-no-bullets.txt");
    assert_eq!(backend["in_field"], 1.0, "{backend}");
    assert_eq!(backend["status"], "met", "{backend}");

    // The text explanation says why the nurse's years do not count.
    let out = super::skillmatch()
        .args(["explain", "--as-of", AS_OF])
        .args([
            "tests/data/resumes/recruiter/nurse-trailing-blocks.txt",
            "tests/data/postings/backend-developer-related-field.txt",
        ])
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains("in another field: the years do not count (role fit)"),
        "{text}"
    );
}
