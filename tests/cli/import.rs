//! `skillmatch taxonomy import --from esco|onet`: small files in the official
//! formats under tests/data/import/, and the full published files from
//! ../shared/data when they are present.

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::skillmatch;

const ESCO: &str = "tests/data/import/esco";
const ONET: &str = "tests/data/import/onet/technology_skills.tsv";

fn esco_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(ESCO)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// Imports `files` into a fresh directory; returns it with stderr.
fn import(from: &str, files: &[PathBuf]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = skillmatch()
        .args(["taxonomy", "import", "--from", from, "-o"])
        .arg(dir.path())
        .args(files)
        .assert()
        .code(0)
        .get_output()
        .clone();
    (dir, String::from_utf8(out.stderr).unwrap())
}

fn lookup(dir: &Path, phrase: &str) -> serde_json::Value {
    let out = skillmatch()
        .arg("--taxonomy")
        .arg(dir)
        .args(["taxonomy", "lookup", phrase, "--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn first_match(dir: &Path, phrase: &str) -> (String, String) {
    let doc = lookup(dir, phrase);
    let m = &doc["matches"][0];
    (
        m["id"].as_str().unwrap_or("").to_string(),
        m["match"].as_str().unwrap_or("").to_string(),
    )
}

#[test]
fn esco_import_keeps_uris_hierarchy_relations_and_is_lint_clean() {
    let (dir, stderr) = import("esco", &esco_files());
    assert!(stderr.contains("lint: 0 findings"), "{stderr}");
    let knowledge = fs::read_to_string(dir.path().join("esco-knowledge.toml")).unwrap();
    // Source ids are the ESCO URIs; the official label beats the older table's,
    // and the aliases of both are merged.
    let java = knowledge
        .split("[[skill]]")
        .find(|s| s.contains("id = \"esco-java-computer-programming\""))
        .expect("Java is imported");
    for want in [
        "label = \"Java (computer programming)\"",
        "\"J2EE\"",
        "\"Java programming\"",
        "parents = [\"esco-computer-programming\"]",
        "related = [\"esco-python-computer-programming\"]",
        "source_id = \"http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389\"",
        "\"collection-digital\"",
    ] {
        assert!(java.contains(want), "{want} missing in {java}");
    }
    skillmatch()
        .args(["taxonomy", "lint"])
        .arg(dir.path())
        .assert()
        .code(0);
    // The hierarchy climbs through the ISCED-F groups to the pillar, and the
    // long table's skill sits under its S5.1 group.
    let skills = fs::read_to_string(dir.path().join("esco-skills.toml")).unwrap();
    assert!(
        skills.contains("parents = [\"esco-programming-computer-systems\"]"),
        "{skills}"
    );
    assert!(
        knowledge.contains("source_id = \"http://data.europa.eu/esco/isced-f/0613\""),
        "{knowledge}"
    );
    // Lookups through --taxonomy DIR.
    assert_eq!(
        first_match(dir.path(), "J2EE").0,
        "esco-java-computer-programming"
    );
    assert_eq!(
        first_match(dir.path(), "R"),
        ("esco-r".to_string(), "ambiguous".to_string())
    );
    assert_eq!(
        first_match(dir.path(), "Canvas"),
        (
            "esco-canvas-learning-management-systems".to_string(),
            "ambiguous".to_string()
        )
    );
}

#[test]
fn esco_import_is_deterministic_and_loads_as_an_extra() {
    let (a, _) = import("esco", &[PathBuf::from(ESCO)]);
    let mut reversed = esco_files();
    reversed.reverse();
    let (b, _) = import("esco", &reversed);
    for name in ["esco-knowledge.toml", "esco-skills.toml"] {
        assert_eq!(
            fs::read(a.path().join(name)).unwrap(),
            fs::read(b.path().join(name)).unwrap(),
            "{name} differs with the files in another order"
        );
    }
    // As an extra, the default taxonomy keeps the forms it owns ("Java"),
    // and the import adds what it lacks.
    let posting = a.path().join("posting.txt");
    fs::write(&posting, "Requirements\n- Java and debug software\n").unwrap();
    let out = skillmatch()
        .arg("--taxonomy-extra")
        .arg(a.path())
        .args(["extract", "--format", "json"])
        .arg(&posting)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("\"java\""), "{text}");
    assert!(text.contains("esco-debug-software"), "{text}");
}

#[test]
fn lint_lists_the_forms_that_need_evidence_with_their_rule() {
    let (dir, _) = import("esco", &esco_files());
    skillmatch()
        .args(["taxonomy", "lint", "--ambiguous"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "ambiguous form \"R\" of \"esco-r\": ambiguity (1 qualifiers, 1 context skills); rule: short",
        ))
        .stdout(predicate::str::contains(
            "ambiguous form \"coding\" of \"esco-computer-programming\"",
        ))
        .stdout(predicate::str::contains("rule: loose-synonym"))
        .stdout(predicate::str::contains("rule: qualified"));
}

#[test]
fn onet_import_keeps_flags_commodities_and_the_forms_text_uses() {
    let (dir, stderr) = import("onet", &[PathBuf::from(ONET)]);
    assert!(stderr.contains("lint: 0 findings"), "{stderr}");
    let text = fs::read_to_string(dir.path().join("onet-technology.toml")).unwrap();
    let excel = text
        .split("[[skill]]")
        .find(|s| s.contains("id = \"onet-microsoft-excel\""))
        .expect("Excel is imported");
    for want in [
        "aliases = [\"Excel\"]",
        "parents = [\"onet-spreadsheet-software\"]",
        "source_id = \"43232110\"",
        "tags = [\"hot-technology\", \"in-demand\", \"occupations-2\"]",
        "forms = [\"Excel\"]",
    ] {
        assert!(excel.contains(want), "{want} missing in {excel}");
    }
    // An example named as its own class is the class.
    assert_eq!(text.matches("label = \"Accounting software").count(), 1);
    assert_eq!(
        first_match(dir.path(), "HTML").0,
        "onet-hypertext-markup-language-html"
    );
    assert_eq!(
        first_match(dir.path(), "Ansible").0,
        "onet-ansible-software"
    );
    assert_eq!(
        first_match(dir.path(), "Word").1,
        "ambiguous",
        "\"Word\" needs evidence"
    );
}

#[test]
fn bad_import_files_name_file_and_line_exit_2_and_write_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("out");
    let unknown = tmp.path().join("people.csv");
    fs::write(&unknown, "name,text\nAda,hello\n").unwrap();
    let bad_levels = tmp.path().join("labels.csv");
    fs::write(
        &bad_levels,
        "id,description,hierarchy_levels,type\nabc,Java,\"[['S', 'S1']]\",preferredLabel\nabc,Jav,\"[['S', 'S1'\",altLabels\n",
    )
    .unwrap();
    let bad_onet = tmp.path().join("tech.tsv");
    fs::write(
        &bad_onet,
        "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\n11-1011.00\tExcel\t4323\tSpreadsheets\tmaybe\tN\n",
    )
    .unwrap();
    let empty_title = tmp.path().join("tech2.tsv");
    fs::write(
        &empty_title,
        "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\n11-1011.00\tExcel\t4323\t\tY\tN\n",
    )
    .unwrap();
    let cases: [(&str, &Path, String); 4] = [
        (
            "esco",
            &unknown,
            format!("{}:1:1: not an ESCO file", unknown.display()),
        ),
        (
            "esco",
            &bad_levels,
            format!("{}:3:1: hierarchy_levels of \"abc\"", bad_levels.display()),
        ),
        (
            "onet",
            &bad_onet,
            format!("{}:2:1: Hot Technology is \"maybe\"", bad_onet.display()),
        ),
        (
            "onet",
            &empty_title,
            format!(
                "{}:2:1: empty Example, Commodity Code or Commodity Title",
                empty_title.display()
            ),
        ),
    ];
    for (from, file, want) in cases {
        skillmatch()
            .args(["taxonomy", "import", "--from", from, "-o"])
            .arg(&out_dir)
            .arg(file)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(want));
        assert!(!out_dir.exists(), "nothing is written on error");
    }
}

/// Writes `files` (name, content) into a fresh directory.
fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in files {
        fs::write(dir.path().join(name), content).unwrap();
    }
    dir
}

const COLLECTION_HEADER: &str = "conceptType,conceptUri,preferredLabel,status,skillType,reuseLevel,altLabels,description,broaderConceptUri,broaderConceptPT";

#[test]
fn malformed_esco_input_is_refused_with_its_line_and_nothing_is_written() {
    let u = "http://data.europa.eu/esco/skill/";
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "unterminated.csv",
            format!("{COLLECTION_HEADER}\nKnowledgeSkillCompetence,{u}1,\"Java,released,knowledge,x,,d,,\nKnowledgeSkillCompetence,{u}2,Python,released,knowledge,x,,d,,\n"),
            ":2:1: 3 fields, the header has 10",
        ),
        (
            "empty-label.csv",
            format!("{COLLECTION_HEADER}\nKnowledgeSkillCompetence,{u}1,,released,knowledge,x,,d,,\n"),
            ":2:1: empty label",
        ),
        (
            "zero-width.csv",
            "id,description,hierarchy_levels,type\nabc,\u{200b},\"[['S']]\",preferredLabel\n".to_string(),
            ":2:1: empty label",
        ),
        (
            "latin1.csv",
            String::new(), // written as bytes below
            ":2:1: not UTF-8 text",
        ),
    ];
    for (name, content, want) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join(name);
        if name == "latin1.csv" {
            fs::write(
                &file,
                b"id,description,hierarchy_levels,type\nabc,caf\xe9,\"[['S']]\",preferredLabel\n",
            )
            .unwrap();
        } else {
            fs::write(&file, content).unwrap();
        }
        let out = tmp.path().join("out");
        skillmatch()
            .args(["taxonomy", "import", "--from", "esco", "-o"])
            .arg(&out)
            .arg(&file)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!(
                "{}{want}",
                file.display()
            )));
        assert!(!out.exists(), "{name}: nothing is written on error");
    }
}

#[test]
fn non_ascii_group_codes_do_not_panic() {
    let dir = dir_with(&[(
        "labels.csv",
        "id,description,hierarchy_levels,type\nabc,Foo,\"[['\u{c9}1']]\",preferredLabel\n\u{c9}1,Group E,,level_2\n",
    )]);
    let out = dir.path().join("out");
    skillmatch()
        .args(["taxonomy", "import", "--from", "esco", "-o"])
        .arg(&out)
        .arg(dir.path().join("labels.csv"))
        .assert()
        .code(0);
    let text = fs::read_dir(&out)
        .unwrap()
        .map(|e| fs::read_to_string(e.unwrap().path()).unwrap())
        .collect::<String>();
    assert!(text.contains("label = \"Group E\""), "{text}");
}

#[test]
fn a_failed_write_replaces_no_existing_file() {
    let out = tempfile::tempdir().unwrap();
    fs::create_dir(out.path().join("esco-skills.toml")).unwrap();
    fs::write(out.path().join("esco-knowledge.toml"), "old\n").unwrap();
    skillmatch()
        .args(["taxonomy", "import", "--from", "esco", "-o"])
        .arg(out.path())
        .args(esco_files())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a file"));
    assert_eq!(
        fs::read_to_string(out.path().join("esco-knowledge.toml")).unwrap(),
        "old\n"
    );
}

#[test]
fn collections_merge_whatever_the_order_of_the_files() {
    let u = "http://data.europa.eu/esco/skill/";
    let row = |id: &str, label: &str, broader: &str| {
        format!("KnowledgeSkillCompetence,{u}{id},{label},released,knowledge,x,,d,{broader},\n")
    };
    let digital = format!(
        "{COLLECTION_HEADER}\n{}{}{}",
        row("1", "alpha", ""),
        row("2", "beta", ""),
        row("3", "gamma", &format!("{u}1"))
    );
    let green = format!(
        "{COLLECTION_HEADER}\n{}",
        row("3", "gamma", &format!("{u}2"))
    );
    let dir = dir_with(&[
        ("digitalSkillsCollection_en.csv", &digital),
        ("greenSkillsCollection_en.csv", &green),
    ]);
    let a = dir.path().join("digitalSkillsCollection_en.csv");
    let b = dir.path().join("greenSkillsCollection_en.csv");
    let (one, _) = import("esco", &[a.clone(), b.clone()]);
    let (two, _) = import("esco", &[b, a]);
    let read = |d: &Path| fs::read_to_string(d.join("esco-knowledge.toml")).unwrap();
    assert_eq!(read(one.path()), read(two.path()));
    let gamma = read(one.path());
    assert!(
        gamma.contains("parents = [\"esco-alpha\", \"esco-beta\"]"),
        "both collections' broader concepts: {gamma}"
    );
}

#[test]
fn other_tables_in_a_folder_are_skipped_but_refused_when_named() {
    let dir = tempfile::tempdir().unwrap();
    for f in esco_files() {
        fs::copy(&f, dir.path().join(f.file_name().unwrap())).unwrap();
    }
    let isco = dir.path().join("ISCOGroups_en.csv");
    fs::write(
        &isco,
        "conceptType,conceptUri,code,preferredLabel,altLabels\nISCOGroup,http://data.europa.eu/esco/isco/C0110,0110,commissioned armed forces officers,\n",
    )
    .unwrap();
    let (out, stderr) = import("esco", &[dir.path().to_path_buf()]);
    assert!(
        stderr.contains("ISCOGroups_en.csv: not an ESCO skills file this importer knows: skipped"),
        "{stderr}"
    );
    let all: String = fs::read_dir(out.path())
        .unwrap()
        .map(|e| fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(!all.contains("armed forces"), "{all}");
    skillmatch()
        .args(["taxonomy", "import", "--from", "esco", "-o"])
        .arg(dir.path().join("out"))
        .arg(&isco)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "not an ESCO file this importer knows",
        ));
}

/// The full published files, when the shared data folder is present.
#[test]
fn full_esco_and_onet_imports_are_lint_clean() {
    let data = Path::new("../shared/data");
    if !data.join("esco").is_dir() || !data.join("onet").is_dir() {
        eprintln!("skipped: ../shared/data/esco and ../shared/data/onet are not present");
        return;
    }
    let mut files: Vec<PathBuf> = fs::read_dir(data.join("esco"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv" || x == "json"))
        .collect();
    files.sort();
    let (dir, stderr) = import("esco", &files);
    assert!(stderr.contains("lint: 0 findings"), "{stderr}");
    let stats = crate::json_of(&[
        "--taxonomy",
        dir.path().to_str().unwrap(),
        "taxonomy",
        "stats",
        "--format",
        "json",
    ]);
    let skills = stats["skills"].as_u64().unwrap();
    let aliases = stats["aliases"].as_u64().unwrap();
    // 13,412 labelled skills in the long table, more in the v1.2.0
    // collections, plus the skill groups in use.
    assert!(skills > 13_412, "{stats}");
    assert!(aliases > 80_000, "{stats}");
    assert_eq!(
        first_match(dir.path(), "Java programming").0,
        "esco-java-computer-programming"
    );

    let (dir, stderr) = import("onet", &[data.join("onet/technology_skills.tsv")]);
    assert!(stderr.contains("lint: 0 findings"), "{stderr}");
    let text = fs::read_to_string(dir.path().join("onet-technology.toml")).unwrap();
    assert!(
        text.matches("\"hot-technology\"").count() >= 150,
        "hot flags kept"
    );
    assert_eq!(first_match(dir.path(), "Excel").1, "ambiguous");
    assert_eq!(
        first_match(dir.path(), "Atlassian JIRA").0,
        "onet-atlassian-jira"
    );
}
