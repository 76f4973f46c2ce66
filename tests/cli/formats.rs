//! Real-world input formats: a résumé as DOCX, PDF or JSON Resume, and a
//! posting as an HTML page, schema.org JobPosting JSON-LD or JSON Lines,
//! give the results their plain-text equivalents give; formats are found
//! by content when the name does not say; renamed CSV columns; and every
//! kind of bad input is refused (or skipped) with the file and the place.
//!
//! The DOCX and PDF files are built by the tests from
//! examples/resumes/java-backend.txt, so no binary file is committed.

use std::collections::BTreeSet;
use std::fs;
use std::io::{Cursor, Write};
use std::path::Path;

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Object, StringFormat};
use serde_json::Value;

use crate::score::{score_json, AS_OF, MARIA, POSTINGS_DIR};
use crate::{json_of, skillmatch};

/// Maria Keller's résumé (examples/resumes/java-backend.txt) as a JSON Resume.
const JSON_RESUME: &str = "tests/data/formats/maria.resume.json";
/// The platform backend posting as plain text.
const PLATFORM: &str = "examples/postings/platform-backend-engineer.txt";
/// The same posting as a careers page, without structured data.
const PAGE: &str = "tests/data/formats/platform-backend.html";
/// The same job as a page whose JobPosting JSON-LD describes it.
const PAGE_JSON_LD: &str = "tests/data/formats/platform-backend-jsonld.html";
/// Two schema.org JobPostings, one per line: the platform backend job
/// (`nwp-backend`) and a site reliability job (`larkspur-sre`).
const POSTINGS_JSONL: &str = "tests/data/formats/postings.jsonl";

// --- Building DOCX and PDF files ---------------------------------------

/// The lines of Maria Keller's plain-text résumé.
fn maria_lines() -> Vec<String> {
    fs::read_to_string(MARIA)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// How a DOCX writes the résumé's "- " bullet lines.
#[derive(Debug, Clone, Copy)]
enum Bullets {
    /// As list paragraphs (numbering in the paragraph properties), as
    /// Word writes a bulleted list; the "- " is not in the text.
    ListParagraphs,
    /// As plain paragraphs whose text starts with "- ".
    Dashes,
}

/// `text` escaped for XML character data.
fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A minimal DOCX: `[Content_Types].xml` and `word/document.xml` with one
/// paragraph per line (an empty paragraph for a blank line).
fn docx_of(lines: &[String], bullets: Bullets) -> Vec<u8> {
    const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"#;
    let mut body = String::new();
    for line in lines {
        let paragraph = match (line.strip_prefix("- "), bullets) {
            _ if line.trim().is_empty() => "<w:p/>".to_string(),
            (Some(item), Bullets::ListParagraphs) => format!(
                r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>"#,
                xml_escape(item)
            ),
            _ => format!(
                r#"<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
                xml_escape(line)
            ),
        };
        body.push_str(&paragraph);
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("word/document.xml", document.as_str()),
    ] {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Points between two lines of text in the test PDFs (12 pt type).
const LEADING: i64 = 18;

/// Text operators writing `lines` top-down in 12 pt Helvetica, one `Tj`
/// per line; a blank line is one more line's move down. The strings are
/// WinAnsi (Windows-1252) bytes, the font's encoding, so "·" and "–"
/// survive.
fn text_operations(lines: &[String]) -> Vec<Operation> {
    let mut ops = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 12.into()]),
        Operation::new("Td", vec![56.into(), 800.into()]),
    ];
    let mut down = 0;
    for line in lines {
        if line.trim().is_empty() {
            down += LEADING;
            continue;
        }
        if down > 0 || ops.len() > 3 {
            ops.push(Operation::new(
                "Td",
                vec![0.into(), (-(down + LEADING)).into()],
            ));
        }
        down = 0;
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(line);
        assert!(!unmappable, "{line:?} is not WinAnsi text");
        ops.push(Operation::new(
            "Tj",
            vec![Object::String(bytes.into_owned(), StringFormat::Literal)],
        ));
    }
    ops.push(Operation::new("ET", vec![]));
    ops
}

/// A one-page A4 PDF whose content stream is `operations`, with
/// Helvetica (WinAnsiEncoding) as font `F1`.
fn pdf_document(operations: Vec<Operation>) -> lopdf::Document {
    let mut doc = lopdf::Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let content = Content { operations }.encode().unwrap();
    let content_id = doc.add_object(lopdf::Stream::new(dictionary! {}, content));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    doc.trailer.set("Root", catalog_id);
    doc
}

/// The bytes of `doc`.
fn pdf_bytes(mut doc: lopdf::Document) -> Vec<u8> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// A one-page PDF of `operations` (see [`pdf_document`]).
fn pdf_page(operations: Vec<Operation>) -> Vec<u8> {
    pdf_bytes(pdf_document(operations))
}

/// A PDF of `lines` with a text layer.
fn pdf_of(lines: &[String]) -> Vec<u8> {
    pdf_page(text_operations(lines))
}

/// A PDF of `lines` with a classic cross-reference table instead of a
/// (binary) cross-reference stream: apart from its binary-mark comment
/// and the "·" and "–" of the text, it is ASCII, without a single NUL byte.
fn pdf_without_nul_bytes(lines: &[String]) -> Vec<u8> {
    let mut doc = pdf_document(text_operations(lines));
    doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
    let bytes = pdf_bytes(doc);
    assert!(!bytes.contains(&0), "a NUL byte");
    bytes
}

/// A PDF of `lines` whose page tree has no media box: malformed, and a
/// page pdf-extract panics on.
fn pdf_without_media_box(lines: &[String]) -> Vec<u8> {
    let mut doc = pdf_document(text_operations(lines));
    for object in doc.objects.values_mut() {
        if let Object::Dictionary(dict) = object {
            dict.remove(b"MediaBox");
        }
    }
    pdf_bytes(doc)
}

/// A PDF whose page is a filled rectangle and no text: a scan, as far as
/// a text reader can tell.
fn pdf_without_text() -> Vec<u8> {
    pdf_page(vec![
        Operation::new("q", vec![]),
        Operation::new("re", vec![56.into(), 56.into(), 480.into(), 720.into()]),
        Operation::new("f", vec![]),
        Operation::new("Q", vec![]),
    ])
}

// --- Comparing results --------------------------------------------------

/// Writes `bytes` to `dir/name`; returns the path as an argument.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

/// What a `score` result is compared on.
#[derive(Debug, Clone, PartialEq)]
struct Ranked {
    posting: String,
    score: f64,
    required_met: u64,
    required_total: u64,
    missing_required: Vec<String>,
}

/// The results of a `score --format json` document, in rank order.
fn ranking(doc: &Value) -> Vec<Ranked> {
    doc["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| Ranked {
            posting: r["posting"]["id"].as_str().unwrap().to_string(),
            score: r["score"].as_f64().unwrap(),
            required_met: r["required_met"].as_u64().unwrap(),
            required_total: r["required_total"].as_u64().unwrap(),
            missing_required: r["missing_required"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["id"].as_str().unwrap().to_string())
                .collect(),
        })
        .collect()
}

/// Maria's ranking of every example posting, from the plain text.
fn text_ranking() -> Vec<Ranked> {
    ranking(&score_json(MARIA, POSTINGS_DIR, &["--top", "0"]))
}

/// Asserts `resume` ranks the example postings exactly as the plain-text
/// résumé does: same order, ids, scores, required counts, missing skills.
fn assert_scores_like_text(resume: &str, what: &str) {
    let doc = score_json(resume, POSTINGS_DIR, &["--top", "0"]);
    assert_eq!(doc["candidate"]["name"], "Maria Keller", "{what}");
    let expected = text_ranking();
    assert_eq!(expected.len(), 5);
    assert_eq!(ranking(&doc), expected, "{what}");
}

/// One extracted candidate: each skill id with its years, total years and
/// education level.
type Profile = (Vec<(String, Value)>, Value, Value);

/// `extract --as resume --format json` of `path`, and `options` before it.
fn profile(path: &str, options: &[&str]) -> Profile {
    let mut args = vec![
        "extract", "--as", "resume", "--format", "json", "--as-of", AS_OF,
    ];
    args.extend_from_slice(options);
    args.push(path);
    let doc = json_of(&args);
    let candidates = doc["candidates"].as_array().unwrap();
    assert_eq!(candidates.len(), 1, "{doc}");
    let c = &candidates[0];
    let mut skills: Vec<(String, Value)> = c["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["id"].as_str().unwrap().to_string(), s["years"].clone()))
        .collect();
    skills.sort_by(|a, b| a.0.cmp(&b.0));
    (skills, c["total_years"].clone(), c["education"].clone())
}

/// A posting's requirements as extracted: section, kind, the skills any
/// of which meets it, years and education asked; in posting order.
fn requirements(posting: &Value) -> Vec<(String, String, Vec<String>, Value, Value)> {
    posting["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["section"].as_str().unwrap().to_string(),
                r["kind"].as_str().unwrap().to_string(),
                r["any_of"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s["id"].as_str().unwrap().to_string())
                    .collect(),
                r["min_years"].clone(),
                r["education"].clone(),
            )
        })
        .collect()
}

/// The postings `extract --format json` finds in `path`.
fn extracted_postings(path: &str, options: &[&str]) -> Vec<Value> {
    let mut args = vec!["extract", "--as", "posting", "--format", "json"];
    args.extend_from_slice(options);
    args.push(path);
    json_of(&args)["postings"].as_array().unwrap().clone()
}

/// The skill ids of the requirements in `section`.
fn section_skills(posting: &Value, section: &str) -> BTreeSet<String> {
    requirements(posting)
        .into_iter()
        .filter(|r| r.0 == section)
        .flat_map(|r| r.2)
        .collect()
}

/// `explain --format json` of `resume` against `posting`, with `extra`
/// options.
fn explain_json(resume: &str, posting: &str, extra: &[&str]) -> Value {
    let mut args = vec!["explain", "--as-of", AS_OF, "--format", "json"];
    args.extend_from_slice(extra);
    args.extend_from_slice(&[resume, posting]);
    json_of(&args)
}

/// `explain --format json` of Maria's text résumé against `posting`.
fn explain_maria(posting: &str, extra: &[&str]) -> Value {
    explain_json(MARIA, posting, extra)
}

/// Each requirement record of an `explain` document without its evidence
/// (whose line numbers depend on the résumé's layout): what is asked, the
/// status, credit and weight, and the skill that met it.
fn records(doc: &Value) -> Vec<Value> {
    doc["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            serde_json::json!({
                "text": r["text"],
                "section": r["section"],
                "status": r["status"],
                "credit": r["credit"],
                "weight": r["weight"],
                "matched": r["matched"],
                "years": r["years"],
            })
        })
        .collect()
}

/// Each evidence quote of a candidate in `extract --format json`: skill,
/// line and text.
fn evidence(path: &str) -> Vec<(String, Value, Value)> {
    let doc = json_of(&[
        "extract", "--as", "resume", "--format", "json", "--as-of", AS_OF, path,
    ]);
    let mut out = Vec::new();
    for skill in doc["candidates"][0]["skills"].as_array().unwrap() {
        for e in skill["evidence"].as_array().unwrap() {
            out.push((
                skill["id"].as_str().unwrap().to_string(),
                e["line"].clone(),
                e["text"].clone(),
            ));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.as_u64().cmp(&b.1.as_u64())));
    out
}

/// The fields two `explain` documents must share to be the same result.
fn verdict(doc: &Value) -> Value {
    serde_json::json!({
        "requirements_score": requirements_score(doc),
        "required_met": doc["required_met"],
        "required_partial": doc["required_partial"],
        "required_total": doc["required_total"],
        "missing_required": doc["missing_required"],
        "reads_as": doc["role"]["asked"]["isco"],
        "candidate_reads_as": doc["role"]["held"]["isco"],
    })
}

/// The score the requirement records give without role fit, to two
/// decimals: what must not depend on the file format. Role fit reads the
/// posting's words, and a page or a CSV row holds a few more or fewer
/// (a menu item, a shorter stated title) than the text file; `verdict`
/// checks that it reads the same occupation.
fn requirements_score(doc: &Value) -> f64 {
    let (mut earned, mut possible) = (0.0, 0.0);
    for r in doc["requirements"].as_array().unwrap() {
        if r["status"] != "not_assessed" {
            let w = r["weight"].as_f64().unwrap();
            earned += w * r["credit"].as_f64().unwrap();
            possible += w;
        }
    }
    assert!(possible > 0.0, "nothing assessed");
    (10_000.0 * earned / possible).round() / 100.0
}

/// Runs `args`, asserts exit 2 and nothing on stdout; returns stderr.
/// `RUST_BACKTRACE` is unset, so stderr is what users see by default.
fn fails(args: &[&str]) -> String {
    let out = skillmatch()
        .env_remove("RUST_BACKTRACE")
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?}: stdout not empty");
    stderr
}

/// Runs `args`, asserts exit 0; returns stdout and stderr.
fn succeeds(args: &[&str]) -> (Vec<u8>, String) {
    let out = skillmatch()
        .env_remove("RUST_BACKTRACE")
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{args:?}: {stderr}");
    (out.stdout, stderr)
}

// --- Résumés: the same results as text ---------------------------------

#[test]
fn resume_formats_score_and_explain_like_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let lines = maria_lines();
    let cases = [
        (
            "DOCX, list paragraphs",
            write(
                dir.path(),
                "maria-list.docx",
                &docx_of(&lines, Bullets::ListParagraphs),
            ),
        ),
        (
            "DOCX, dashes",
            write(
                dir.path(),
                "maria-dashes.docx",
                &docx_of(&lines, Bullets::Dashes),
            ),
        ),
        ("PDF", write(dir.path(), "maria.pdf", &pdf_of(&lines))),
        ("JSON Resume", JSON_RESUME.to_string()),
    ];
    let text = explain_maria(PLATFORM, &[]);
    for (what, path) in &cases {
        assert_scores_like_text(path, what);
        let doc = explain_json(path, PLATFORM, &[]);
        assert_eq!(doc["candidate"]["name"], "Maria Keller", "{what}");
        assert_eq!(verdict(&doc), verdict(&text), "{what}");
        assert_eq!(records(&doc), records(&text), "{what}");
    }
}

#[test]
fn docx_and_pdf_keep_the_lines_of_the_text() {
    // One paragraph (or one line of the page) per line of the text: the
    // evidence quotes the same lines, at the same line numbers.
    let dir = tempfile::tempdir().unwrap();
    let lines = maria_lines();
    let expected = evidence(MARIA);
    assert!(expected.len() > 20, "{expected:?}");
    let cases = [
        (
            "DOCX",
            write(
                dir.path(),
                "maria.docx",
                &docx_of(&lines, Bullets::ListParagraphs),
            ),
        ),
        ("PDF", write(dir.path(), "maria.pdf", &pdf_of(&lines))),
    ];
    for (what, path) in &cases {
        assert_eq!(evidence(path), expected, "{what}");
    }
}

#[test]
fn resume_formats_extract_the_skills_of_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let lines = maria_lines();
    let expected = profile(MARIA, &[]);
    let ids: BTreeSet<&str> = expected.0.iter().map(|(id, _)| id.as_str()).collect();
    for id in [
        "java",
        "kotlin",
        "spring-boot",
        "postgresql",
        "apache-kafka",
    ] {
        assert!(ids.contains(id), "{ids:?}");
    }
    let cases = [
        (
            "DOCX",
            write(
                dir.path(),
                "maria.docx",
                &docx_of(&lines, Bullets::ListParagraphs),
            ),
        ),
        ("PDF", write(dir.path(), "maria.pdf", &pdf_of(&lines))),
        ("JSON Resume", JSON_RESUME.to_string()),
    ];
    for (what, path) in &cases {
        // Same skill ids with the same years, same total years, same degree.
        assert_eq!(profile(path, &[]), expected, "{what}");
    }
}

// --- Postings: the same results as text --------------------------------

#[test]
fn an_html_page_gives_the_requirements_of_the_text() {
    let text = &extracted_postings(PLATFORM, &[])[0];
    let pages = extracted_postings(PAGE, &[]);
    assert_eq!(pages.len(), 1, "{pages:?}");
    let page = &pages[0];
    assert_eq!(page["id"], "platform-backend");
    // (The location: see `the_line_under_a_heading_title_gives_the_location`.)
    for key in ["title", "company", "salary"] {
        assert_eq!(page[key], text[key], "{key}");
    }
    // Requirement by requirement: nothing from the menu, the footer or
    // the script (which names Python and React) becomes one.
    assert_eq!(requirements(page), requirements(text));
    for section in ["required", "preferred", "responsibility"] {
        assert!(!section_skills(text, section).is_empty(), "{section}");
        assert_eq!(
            section_skills(page, section),
            section_skills(text, section),
            "{section}"
        );
    }
    let from_page = explain_maria(PAGE, &[]);
    assert_eq!(from_page["posting"]["id"], "platform-backend");
    assert_eq!(from_page["posting"]["source"], PAGE);
    assert_eq!(verdict(&from_page), verdict(&explain_maria(PLATFORM, &[])));
}

#[test]
fn json_ld_states_the_title_company_and_required_skills() {
    let doc = explain_maria(PAGE_JSON_LD, &[]);
    let posting = &doc["posting"];
    // The JSON-LD `identifier`, not the file name.
    assert_eq!(posting["id"], "nwp-4711");
    assert_eq!(
        posting["title"],
        "Senior Backend Engineer, Payments Platform"
    );
    assert_eq!(posting["company"], "Northwind Pay");
    let postings = extracted_postings(PAGE_JSON_LD, &[]);
    assert_eq!(postings.len(), 1, "the page body is not a second posting");
    let p = &postings[0];
    assert_eq!(p["location"], "Berlin, DE");
    assert_eq!(p["salary"]["min"], 85000.0);
    assert_eq!(p["salary"]["max"], 105000.0);
    assert_eq!(p["salary"]["currency"], "EUR");
    let required = section_skills(p, "required");
    for id in [
        "java",
        "kotlin",
        "spring-boot",
        "postgresql",
        "apache-kafka",
        "docker",
        "kubernetes",
    ] {
        assert!(required.contains(id), "{id} not required: {required:?}");
    }
    let preferred = section_skills(p, "preferred");
    for id in ["go", "terraform", "aws"] {
        assert!(preferred.contains(id), "{id} not preferred: {preferred:?}");
        assert!(!required.contains(id), "{id} required: {required:?}");
    }
    // monthsOfExperience 60 is five years; "bachelor degree" a bachelor's.
    let reqs = requirements(p);
    assert!(
        reqs.iter()
            .any(|r| r.0 == "required" && r.3.as_f64() == Some(5.0)),
        "{reqs:?}"
    );
    assert!(
        reqs.iter()
            .any(|r| r.0 == "required" && r.1 == "education" && r.4["level"] == "bachelor"),
        "{reqs:?}"
    );
    // The structured posting states what the text states, so Maria meets
    // and misses the same required skills.
    let text = explain_maria(PLATFORM, &[]);
    for key in ["required_met", "required_total", "missing_required"] {
        assert_eq!(doc[key], text[key], "{key}");
    }
}

#[test]
fn the_line_under_a_heading_title_gives_the_location() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(PLATFORM).unwrap();
    let title = "Senior Backend Engineer, Payments Platform";
    assert!(text.starts_with(&format!("{title}\n\nNorthwind Pay · Berlin, DE · Hybrid\n")));
    let markdown = write(dir.path(), "platform.md", format!("# {text}").as_bytes());
    // (what, path): the .txt, the same text with a Markdown title, the page.
    let cases = [
        ("text", PLATFORM),
        ("Markdown", markdown.as_str()),
        ("HTML", PAGE),
    ];
    for (what, path) in cases {
        let postings = extracted_postings(path, &[]);
        let p = &postings[0];
        assert_eq!(p["title"], title, "{what}");
        assert_eq!(p["location"], "Berlin, DE", "{what}");
    }
}

#[test]
fn json_lines_hold_one_job_posting_per_line() {
    let doc = score_json(MARIA, POSTINGS_JSONL, &["--top", "0"]);
    let results = doc["results"].as_array().unwrap();
    let seen: Vec<(&str, &str, &str, &str)> = results
        .iter()
        .map(|r| {
            let p = &r["posting"];
            (
                p["id"].as_str().unwrap(),
                p["title"].as_str().unwrap(),
                p["company"].as_str().unwrap(),
                p["source"].as_str().unwrap(),
            )
        })
        .collect();
    let line = |n: u32| format!("{POSTINGS_JSONL}:line {n}");
    let (one, two) = (line(1), line(2));
    assert_eq!(
        seen,
        [
            (
                "nwp-backend",
                "Senior Backend Engineer, Payments Platform",
                "Northwind Pay",
                one.as_str()
            ),
            (
                "larkspur-sre",
                "Site Reliability Engineer (Platform)",
                "Larkspur Health",
                two.as_str()
            ),
        ]
    );
    // Without --posting, explain takes the best match and says so.
    let out = skillmatch()
        .args(["explain", "--as-of", AS_OF, "--format", "json"])
        .args([MARIA, POSTINGS_JSONL])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("holds 2 postings") && stderr.contains("`nwp-backend`"),
        "{stderr}"
    );
    let best: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(best["posting"]["id"], "nwp-backend");
    // The backend posting, stated as a JobPosting, is met and missed like
    // the text.
    let text = explain_maria(PLATFORM, &[]);
    for key in ["required_met", "required_total", "missing_required"] {
        assert_eq!(best[key], text[key], "{key}");
    }
    let sre = explain_maria(POSTINGS_JSONL, &["--posting", "larkspur-sre"]);
    assert_eq!(sre["posting"]["id"], "larkspur-sre");
    assert_eq!(sre["score"], results[1]["score"]);
    let missing: BTreeSet<&str> = sre["missing_required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    for id in ["go", "terraform", "prometheus", "linux"] {
        assert!(missing.contains(id), "{id}: {missing:?}");
    }
}

// --- Format detection ---------------------------------------------------

#[test]
fn files_without_an_extension_are_read_by_their_content() {
    let dir = tempfile::tempdir().unwrap();
    let resume = write(
        dir.path(),
        "maria-resume",
        fs::read(JSON_RESUME).unwrap().as_slice(),
    );
    assert_scores_like_text(&resume, "JSON Resume without an extension");
    let page = write(
        dir.path(),
        "platform-backend-page",
        fs::read(PAGE).unwrap().as_slice(),
    );
    let postings = extracted_postings(&page, &[]);
    assert_eq!(postings.len(), 1);
    assert_eq!(
        requirements(&postings[0]),
        requirements(&extracted_postings(PLATFORM, &[])[0]),
        "HTML without an extension"
    );
    let pdf = write(dir.path(), "maria-scan", &pdf_of(&maria_lines()));
    assert_scores_like_text(&pdf, "PDF without an extension");
}

#[test]
fn a_pdf_named_txt_is_read_as_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let lines = maria_lines();
    // (what, bytes): a PDF as lopdf writes it (a binary cross-reference
    // stream), and one with a cross-reference table and no NUL byte.
    let cases = [
        ("xref stream", pdf_of(&lines)),
        ("xref table", pdf_without_nul_bytes(&lines)),
    ];
    for (what, bytes) in &cases {
        assert!(bytes.starts_with(b"%PDF-"));
        let path = write(dir.path(), "maria.txt", bytes);
        assert_scores_like_text(&path, &format!("PDF named .txt ({what})"));
    }
}

#[test]
fn format_in_text_reads_an_html_page_as_text() {
    let tags = |postings: &[Value]| -> usize {
        postings
            .iter()
            .flat_map(|p| p["requirements"].as_array().unwrap().clone())
            .filter(|r| r["text"].as_str().unwrap().contains("<li>"))
            .count()
    };
    assert_eq!(tags(&extracted_postings(PAGE, &[])), 0);
    let as_text = extracted_postings(PAGE, &["--format-in", "text"]);
    assert!(!as_text.is_empty());
    // The markup stays in the text: requirements quote "<li>…</li>".
    assert!(tags(&as_text) > 0, "{as_text:?}");
}

#[test]
fn a_directory_of_mixed_formats_ranks_every_candidate() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let lines = maria_lines();
    fs::copy(MARIA, d.join("maria-text.txt")).unwrap();
    fs::copy(
        "examples/resumes/python-data-engineer.md",
        d.join("python.md"),
    )
    .unwrap();
    write(
        d,
        "maria-word.docx",
        &docx_of(&lines, Bullets::ListParagraphs),
    );
    write(d, "maria-pdf.pdf", &pdf_of(&lines));
    fs::copy(JSON_RESUME, d.join("maria-json.json")).unwrap();
    let out = skillmatch()
        .args(["rank", "--as-of", AS_OF, "--top", "0", "--candidates"])
        .arg(d)
        .args(["--postings", POSTINGS_DIR])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("skipped"), "{stderr}");
    let rows = crate::score::csv_rows(&out.stdout);
    // candidate -> [(posting, score)] in rank order
    let mut by_candidate: std::collections::BTreeMap<String, Vec<(String, String)>> =
        Default::default();
    for row in &rows[1..] {
        by_candidate
            .entry(row[0].clone())
            .or_default()
            .push((row[1].clone(), row[3].clone()));
    }
    let ids: Vec<&str> = by_candidate.keys().map(String::as_str).collect();
    assert_eq!(
        ids,
        [
            "maria-json",
            "maria-pdf",
            "maria-text",
            "maria-word",
            "python"
        ]
    );
    let text = &by_candidate["maria-text"];
    assert_eq!(text.len(), 5);
    for id in ["maria-json", "maria-pdf", "maria-word"] {
        assert_eq!(&by_candidate[id], text, "{id}");
    }
    assert_ne!(&by_candidate["python"], text);
}

// --- CSV columns --------------------------------------------------------

#[test]
fn renamed_csv_columns_are_read_with_the_column_flags() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(PLATFORM).unwrap();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["id", "title", "company", "location", "text"])
        .unwrap();
    w.write_record(["nwp", "Backend Engineer", "Northwind Pay", "Berlin", &text])
        .unwrap();
    let default_csv = write(dir.path(), "default.csv", &w.into_inner().unwrap());
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["job_id", "job_title", "employer", "body"])
        .unwrap();
    w.write_record(["nwp", "Backend Engineer", "Northwind Pay", &text])
        .unwrap();
    let renamed = write(dir.path(), "renamed.csv", &w.into_inner().unwrap());

    let expected = score_json(MARIA, &default_csv, &[]);
    let flags = [
        "--id-column",
        "job_id",
        "--title-column",
        "job_title",
        "--company-column",
        "employer",
        "--text-column",
        "body",
    ];
    let doc = score_json(MARIA, &renamed, &flags);
    let posting = &doc["results"][0]["posting"];
    assert_eq!(posting["id"], "nwp");
    assert_eq!(posting["title"], "Backend Engineer");
    assert_eq!(posting["company"], "Northwind Pay");
    assert_eq!(ranking(&doc), ranking(&expected));
    // The same text as the posting file, so the same requirements and
    // verdict; the stated title is shorter, so role fit reads fewer words.
    let from_file = explain_maria(PLATFORM, &[]);
    let row = &doc["results"][0];
    assert_eq!(row["required_met"], from_file["required_met"]);
    assert_eq!(row["missing_required"], from_file["missing_required"]);

    // Without the flags there is no `text` column: the header is named.
    let stderr = fails(&["score", "--as-of", AS_OF, "--postings", &renamed, MARIA]);
    assert!(stderr.contains("renamed.csv:1"), "{stderr}");
    assert!(
        stderr.contains("job_id,job_title,employer,body"),
        "{stderr}"
    );
    assert!(stderr.contains("`text`"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

// --- Bad input ----------------------------------------------------------

#[test]
fn unreadable_resumes_are_refused_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let good_pdf = pdf_of(&maria_lines());
    let mut not_a_zip = b"PK\x03\x04".to_vec();
    not_a_zip.extend_from_slice(b"this was never a zip archive, only its first four bytes");
    // (file name, content, what stderr must say)
    let cases: Vec<(&str, Vec<u8>, Vec<&str>)> = vec![
        ("scan.pdf", pdf_without_text(), vec!["no text layer", "OCR"]),
        (
            "cut.pdf",
            good_pdf[..good_pdf.len() / 3].to_vec(),
            vec!["cannot read this PDF"],
        ),
        (
            "notes.docx",
            b"Maria Keller\nSkills\nJava, Kotlin\n".to_vec(),
            vec!["not a DOCX file"],
        ),
        ("broken.docx", not_a_zip, vec!["not a DOCX file"]),
        (
            "photo.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec(),
            vec!["a binary file", "NUL byte"],
        ),
        ("empty.txt", Vec::new(), vec!["the file is empty"]),
        (
            "blank.md",
            b"  \n\n\t\n".to_vec(),
            vec!["the file is empty"],
        ),
    ];
    for (name, bytes, says) in &cases {
        let path = write(dir.path(), name, bytes);
        for command in ["score", "explain"] {
            let mut args = vec![command, "--as-of", AS_OF, path.as_str()];
            if command == "score" {
                args.extend_from_slice(&["--postings", POSTINGS_DIR]);
            } else {
                args.push(PLATFORM);
            }
            let stderr = fails(&args);
            assert!(
                stderr.contains(&format!("{path}: ")),
                "{name}: the file is not named: {stderr}"
            );
            for s in says {
                assert!(stderr.contains(s), "{name}: no {s:?} in {stderr}");
            }
            assert!(!stderr.contains("RUST_BACKTRACE"), "{name}: {stderr}");
            assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        }
    }
}

#[test]
fn a_pdf_the_reader_panics_on_is_an_error_naming_the_file() {
    // pdf-extract panics on a page without a media box; the panic is
    // caught and becomes an input error.
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "no-media-box.pdf",
        &pdf_without_media_box(&maria_lines()),
    );
    let stderr = fails(&["score", "--as-of", AS_OF, "--postings", POSTINGS_DIR, &path]);
    // The one line on stderr is the error naming the file: no panic text.
    let error = format!("skillmatch: error: {path}: cannot read this PDF (the PDF reader failed: ");
    assert!(stderr.lines().any(|l| l.starts_with(&error)), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn utf16_and_windows_1252_resumes_read_like_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(MARIA).unwrap();
    // The résumé has "·" and "–", which both encodings hold.
    assert!(text.contains('·') && text.contains('–'));
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let (latin, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&latin).is_err(), "not UTF-8");
    // (file, content, whether a warning names the file)
    let cases = [
        ("utf16.txt", utf16, false),
        ("latin.txt", latin.into_owned(), true),
    ];
    for (name, bytes, warned) in &cases {
        let path = write(dir.path(), name, bytes);
        assert_scores_like_text(&path, name);
        let (_, stderr) = succeeds(&["score", "--as-of", AS_OF, "--postings", POSTINGS_DIR, &path]);
        let warning = format!("warning: {path}: not UTF-8; read as Windows-1252");
        assert_eq!(stderr.contains(&warning), *warned, "{name}: {stderr}");
        if !warned {
            assert!(!stderr.contains("warning"), "{name}: {stderr}");
        }
    }
}

/// A postings CSV whose third row (file line 4) has a field too many.
const CSV_ONE_BAD_ROW: &str = "id,title,company,location,text\n\
    java,Backend Developer,Fjordline,Oslo,\"Requirements\n- Java\n- Spring Boot\"\n\
    bad,Data Engineer,Acme,Berlin,Python,SQL\n\
    go,SRE,Larkspur,Amsterdam,\"Requirements\n- Go\n- Kubernetes\"\n";

#[test]
fn a_broken_csv_row_is_skipped_and_counted_unless_strict() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "postings.csv", CSV_ONE_BAD_ROW.as_bytes());
    let args = ["score", "--as-of", AS_OF, "--postings", &path, MARIA];
    let out = skillmatch()
        .args(args)
        .args(["--format", "json", "--top", "0"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!("{path}:5: row 3 has 6 fields, the header has 5")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{path}: skipped 1 of 3 postings")),
        "{stderr}"
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: BTreeSet<&str> = doc["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["posting"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, BTreeSet::from(["java", "go"]));

    let mut strict = args.to_vec();
    strict.push("--strict");
    let stderr = fails(&strict);
    assert!(stderr.contains(&format!("{path}:5: row 3")), "{stderr}");
    assert!(stderr.contains("--strict"), "{stderr}");
}

#[test]
fn a_bad_item_of_a_json_array_is_named_by_its_number() {
    let dir = tempfile::tempdir().unwrap();
    let body = r#"[
  {"id": "java", "title": "Backend Developer", "text": "Requirements\n- Java\n- Spring Boot"},
  {"id": "nothing", "title": "A posting without text"},
  "not an object",
  {"id": "go", "title": "SRE", "text": "Requirements\n- Go\n- Kubernetes"}
]
"#;
    let path = write(dir.path(), "postings.json", body.as_bytes());
    let args = ["score", "--as-of", AS_OF, "--postings", &path, MARIA];
    let (stdout, stderr) = succeeds(&[&args[..], &["--format", "json"]].concat());
    assert!(
        stderr.contains(&format!("{path}: item 2: no `text`")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{path}: item 3: expected a JSON object")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{path}: skipped 2 of 4 postings")),
        "{stderr}"
    );
    let doc: Value = serde_json::from_slice(&stdout).unwrap();
    assert_eq!(doc["results"].as_array().unwrap().len(), 2);

    let mut strict = args.to_vec();
    strict.push("--strict");
    let stderr = fails(&strict);
    assert!(stderr.contains(&format!("{path}: item 2")), "{stderr}");
}

// A file over the 64 MiB input limit (MAX_INPUT_BYTES) is refused before
// it is read; that is not tested here, because a test would have to write
// 64 MiB. src/input/docx.rs tests the same check with a small limit.

#[test]
fn bad_files_in_a_postings_directory_are_skipped_unless_strict() {
    // In a batch (a directory) a bad file is skipped with its name and
    // counted, and --strict fails on it.
    let dir = tempfile::tempdir().unwrap();
    fs::copy(PLATFORM, dir.path().join("platform.txt")).unwrap();
    write(dir.path(), "broken.docx", b"not a zip archive at all");
    write(dir.path(), "scan.pdf", &pdf_without_text());
    let d = dir.path().to_str().unwrap();
    let args = ["score", "--as-of", AS_OF, "--postings", d, MARIA];
    let (_, stderr) = succeeds(&args);
    assert!(stderr.contains("broken.docx: not a DOCX file"), "{stderr}");
    assert!(
        stderr.contains("scan.pdf: this PDF has no text layer"),
        "{stderr}"
    );
    assert!(stderr.contains("skipped 2 of 3 postings"), "{stderr}");
    let mut strict = args.to_vec();
    strict.push("--strict");
    let stderr = fails(&strict);
    assert!(stderr.contains("--strict"), "{stderr}");
}

#[test]
fn files_over_the_size_limit_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    // A sparse file: its length is over the limit, its disk use nothing.
    for (name, len, what) in [
        (
            "huge.txt",
            64 * 1024 * 1024 + 1,
            "for one posting or résumé",
        ),
        (
            "huge.pdf",
            64 * 1024 * 1024 + 1,
            "for one posting or résumé",
        ),
        ("huge.csv", 2 * 1024 * 1024 * 1024 + 1, "for a batch file"),
    ] {
        let path = dir.path().join(name);
        fs::File::create(&path).unwrap().set_len(len).unwrap();
        let path = path.to_str().unwrap().to_string();
        let stderr = fails(&["extract", "--as", "posting", &path]);
        assert!(
            stderr.contains(name) && stderr.contains("byte limit") && stderr.contains(what),
            "{stderr}"
        );
    }
}
