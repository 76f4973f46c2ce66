//! `skillmatch rank`: the batch CSV, its determinism, and what happens to
//! bad input and to the output file when a run fails.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use predicates::prelude::*;

use crate::score::{csv_rows, posting_files, AS_OF, CONTRACT_COLUMNS, POSTINGS_CSV, POSTINGS_DIR};
use crate::skillmatch;

const CANDIDATES: &str = "examples/candidates.csv";

/// `rank` with `args` after the subcommand; asserts success, returns stdout.
fn rank(args: &[&str]) -> Vec<u8> {
    rank_with_threads(args, None)
}

fn rank_with_threads(args: &[&str], threads: Option<usize>) -> Vec<u8> {
    let mut cmd = skillmatch();
    cmd.args(["rank", "--as-of", AS_OF]).args(args);
    if let Some(n) = threads {
        cmd.env("RAYON_NUM_THREADS", n.to_string());
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The candidate ids of examples/candidates.csv, in row order.
fn candidate_ids() -> Vec<String> {
    csv_rows(&fs::read(CANDIDATES).unwrap())[1..]
        .iter()
        .map(|r| r[0].clone())
        .collect()
}

/// A row of the rank CSV, by column name.
struct Row {
    candidate: String,
    posting: String,
    rank: usize,
    score: f64,
    /// The figure rankings sort by.
    fit: f64,
}

/// Parses a rank CSV, checking the header starts with the contract columns
/// and every row has as many fields as the header.
fn parse(bytes: &[u8]) -> Vec<Row> {
    let rows = csv_rows(bytes);
    assert!(!rows.is_empty(), "no header");
    assert_eq!(rows[0][..CONTRACT_COLUMNS.len()], CONTRACT_COLUMNS);
    let fit = rows[0]
        .iter()
        .position(|c| c == "fit")
        .expect("a fit column");
    rows[1..]
        .iter()
        .map(|r| {
            assert_eq!(r.len(), rows[0].len(), "{r:?}");
            Row {
                candidate: r[0].clone(),
                posting: r[1].clone(),
                rank: r[2].parse().unwrap(),
                score: r[3].parse().unwrap(),
                fit: r[fit].parse().unwrap(),
            }
        })
        .collect()
}

/// Splits rows into runs of the same key, in order; asserts each key forms
/// one run (rows are grouped).
fn groups(rows: &[Row], key: impl Fn(&Row) -> &str) -> Vec<(String, Vec<&Row>)> {
    let mut out: Vec<(String, Vec<&Row>)> = Vec::new();
    for r in rows {
        match out.last_mut() {
            Some((k, list)) if k == key(r) => list.push(r),
            _ => {
                let k = key(r).to_string();
                assert!(
                    out.iter().all(|(seen, _)| *seen != k),
                    "rows of {k} are not together"
                );
                out.push((k, vec![r]));
            }
        }
    }
    out
}

/// Ranks 1..n and fits (what rankings sort by) that never rise, within
/// one group.
fn check_ranking(key: &str, rows: &[&Row]) {
    let ranks: Vec<usize> = rows.iter().map(|r| r.rank).collect();
    let expected: Vec<usize> = (1..=rows.len()).collect();
    assert_eq!(ranks, expected, "{key}");
    for pair in rows.windows(2) {
        assert!(pair[0].fit >= pair[1].fit, "{key}: fits rise");
    }
}

#[test]
fn per_candidate_keeps_the_top_postings_in_candidate_order() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ranked.csv");
    let stdout = rank(&[
        "--candidates",
        CANDIDATES,
        "--postings",
        POSTINGS_DIR,
        "--top",
        "2",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(stdout.is_empty(), "{}", String::from_utf8_lossy(&stdout));
    let rows = parse(&fs::read(&out).unwrap());
    let by_candidate = groups(&rows, |r| &r.candidate);
    let order: Vec<&str> = by_candidate.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(order, candidate_ids());
    for (candidate, list) in &by_candidate {
        assert_eq!(list.len(), 2, "{candidate}");
        check_ranking(candidate, list);
        assert_ne!(list[0].posting, list[1].posting);
    }
    assert_eq!(rows.len(), 2 * candidate_ids().len());
}

#[test]
fn per_posting_keeps_the_top_candidates_for_each_posting() {
    let stdout = rank(&[
        "--candidates",
        CANDIDATES,
        "--postings",
        POSTINGS_DIR,
        "--per",
        "posting",
        "--top",
        "3",
    ]);
    let rows = parse(&stdout);
    let by_posting = groups(&rows, |r| &r.posting);
    let postings: Vec<String> = posting_files()
        .iter()
        .map(|f| f.rsplit_once('.').unwrap().0.to_string())
        .collect();
    let mut seen: Vec<String> = by_posting.iter().map(|(k, _)| k.clone()).collect();
    seen.sort();
    assert_eq!(seen, postings);
    for (posting, list) in &by_posting {
        assert_eq!(list.len(), 3, "{posting}");
        check_ranking(posting, list);
    }
}

#[test]
fn both_views_hold_the_same_pairs_and_scores() {
    let args = [
        "--candidates",
        CANDIDATES,
        "--postings",
        POSTINGS_DIR,
        "--top",
        "0",
    ];
    let per_candidate = parse(&rank(&args));
    let mut args_posting = args.to_vec();
    args_posting.extend_from_slice(&["--per", "posting"]);
    let per_posting = parse(&rank(&args_posting));
    let pairs = |rows: &[Row]| -> BTreeMap<(String, String), f64> {
        rows.iter()
            .map(|r| ((r.candidate.clone(), r.posting.clone()), r.score))
            .collect()
    };
    let n = candidate_ids().len() * posting_files().len();
    assert_eq!(per_candidate.len(), n);
    assert_eq!(pairs(&per_candidate), pairs(&per_posting));
    // Each view ranks within its groups.
    for (k, list) in groups(&per_candidate, |r| &r.candidate) {
        check_ranking(&k, &list);
    }
    for (k, list) in groups(&per_posting, |r| &r.posting) {
        check_ranking(&k, &list);
    }
}

#[test]
fn rank_scores_are_the_scores_of_score() {
    let rows = parse(&rank(&[
        "--candidates",
        CANDIDATES,
        "--postings",
        POSTINGS_CSV,
        "--top",
        "0",
    ]));
    let out = skillmatch()
        .args(["score", "--as-of", AS_OF, "--format", "csv", "--top", "0"])
        .args([
            "--postings",
            POSTINGS_CSV,
            "examples/resumes/java-backend.txt",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let single = parse(&out.stdout);
    let batch: Vec<&Row> = rows
        .iter()
        .filter(|r| r.candidate == "maria-keller")
        .collect();
    assert_eq!(batch.len(), single.len());
    for (b, s) in batch.iter().zip(&single) {
        assert_eq!((&b.posting, b.rank, b.score), (&s.posting, s.rank, s.score));
    }
}

/// A candidates CSV of `n` rows (id,name,text) cycling through the sample
/// résumés, so many candidates tie and the batch spans several chunks.
fn many_candidates(dir: &Path, n: usize) -> String {
    let mut files: Vec<_> = fs::read_dir("examples/resumes")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let path = dir.join("many.csv");
    let mut w = csv::Writer::from_path(&path).unwrap();
    w.write_record(["id", "name", "text"]).unwrap();
    for i in 0..n {
        let text = fs::read_to_string(&files[(i * 3) % files.len()]).unwrap();
        w.write_record([format!("c{i:03}"), format!("Candidate {i}"), text])
            .unwrap();
    }
    w.flush().unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let many = many_candidates(dir.path(), 150);
    for candidates in [CANDIDATES, many.as_str()] {
        for (per, top) in [("candidate", "3"), ("posting", "4"), ("posting", "0")] {
            let args = [
                "--candidates",
                candidates,
                "--postings",
                POSTINGS_DIR,
                "--per",
                per,
                "--top",
                top,
            ];
            let one = rank_with_threads(&args, Some(1));
            let four = rank_with_threads(&args, Some(4));
            assert!(!one.is_empty());
            assert!(
                one == four,
                "{candidates} --per {per} --top {top}: 1 and 4 threads differ"
            );
        }
    }
}

#[test]
fn equal_scores_keep_the_candidates_input_order() {
    // Every fifth candidate has the same résumé: for each posting, those
    // tie, and the earlier row ranks first, across chunk boundaries.
    let dir = tempfile::tempdir().unwrap();
    let many = many_candidates(dir.path(), 150);
    let full = parse(&rank(&[
        "--candidates",
        &many,
        "--postings",
        POSTINGS_DIR,
        "--top",
        "0",
    ]));
    let top = parse(&rank(&[
        "--candidates",
        &many,
        "--postings",
        POSTINGS_DIR,
        "--per",
        "posting",
        "--top",
        "7",
    ]));
    let index = |c: &str| c[1..].parse::<usize>().unwrap();
    for (posting, list) in groups(&top, |r| &r.posting) {
        let mut expected: Vec<&Row> = full.iter().filter(|r| r.posting == posting).collect();
        expected.sort_by(|a, b| {
            b.fit
                .total_cmp(&a.fit)
                .then(index(&a.candidate).cmp(&index(&b.candidate)))
        });
        let want: Vec<&str> = expected[..7].iter().map(|r| r.candidate.as_str()).collect();
        let got: Vec<&str> = list.iter().map(|r| r.candidate.as_str()).collect();
        assert_eq!(got, want, "{posting}");
    }
}

#[test]
fn stdout_gets_the_csv_when_no_output_file_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ranked.csv");
    let args = [
        "--candidates",
        CANDIDATES,
        "--postings",
        POSTINGS_DIR,
        "--top",
        "2",
    ];
    let stdout = rank(&args);
    let mut with_file = args.to_vec();
    with_file.extend_from_slice(&["-o", out.to_str().unwrap()]);
    assert!(rank(&with_file).is_empty());
    assert_eq!(fs::read(&out).unwrap(), stdout);
    // `-o -` is stdout too.
    with_file.pop();
    with_file.push("-");
    assert_eq!(rank(&with_file), stdout);
}

#[test]
fn stderr_has_no_progress_bar_when_not_a_terminal() {
    let out = skillmatch()
        .args(["rank", "--as-of", AS_OF, "--candidates", CANDIDATES])
        .args(["--postings", POSTINGS_DIR])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains('\r'), "{stderr:?}");
    assert!(!stderr.contains("\x1b["), "{stderr:?}");
    // The summary line is still there.
    assert!(stderr.contains("ranked 5 candidates"), "{stderr:?}");
}

// --- Bad input ---------------------------------------------------------

/// A candidates CSV whose second data row (file line 3) has two fields.
const ONE_BAD_ROW: &str = "id,name,text\n\
    ann,Ann,\"Ann\n\nSkills\nJava, Spring Boot, PostgreSQL\"\n\
    bob,Bob\n\
    cy,Cy,\"Cy\n\nSkills\nPython, SQL, Apache Spark\"\n";

/// The files in `dir`, by name.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_bad_candidate_row_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let csv_path = dir.path().join("people.csv");
    fs::write(&csv_path, ONE_BAD_ROW).unwrap();
    // Row 3 (bob) starts on file line 6: ann's text spans lines 2–5.
    let out = skillmatch()
        .args(["rank", "--as-of", AS_OF, "--top", "1"])
        .arg("--candidates")
        .arg(&csv_path)
        .args(["--postings", POSTINGS_DIR])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("people.csv:6: row 3"), "{stderr}");
    assert!(stderr.contains("--strict"), "{stderr}");
    let rows = parse(&out.stdout);
    let ids: Vec<&str> = rows.iter().map(|r| r.candidate.as_str()).collect();
    assert_eq!(ids, ["ann", "cy"]);
}

#[test]
fn strict_stops_at_the_bad_row_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv_path = dir.path().join("people.csv");
    fs::write(&csv_path, ONE_BAD_ROW).unwrap();
    let out = dir.path().join("ranked.csv");
    skillmatch()
        .args(["rank", "--strict", "--as-of", AS_OF])
        .arg("--candidates")
        .arg(&csv_path)
        .args(["--postings", POSTINGS_DIR, "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("people.csv:6: row 3"));
    assert_eq!(listing(dir.path()), ["people.csv"]);
}

#[test]
fn a_bad_row_names_its_line_in_a_crlf_csv() {
    let dir = tempfile::tempdir().unwrap();
    let csv_path = dir.path().join("people.csv");
    // Spreadsheets write CRLF: bob's bad row is line 3.
    fs::write(
        &csv_path,
        "id,name,text\r\nann,Ann,\"Java, Spring Boot\"\r\nbob,Bob\r\ncy,Cy,\"Python, SQL\"\r\n",
    )
    .unwrap();
    skillmatch()
        .args(["rank", "--as-of", AS_OF])
        .arg("--candidates")
        .arg(&csv_path)
        .args(["--postings", POSTINGS_DIR])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("people.csv:3: row 3"));
}

#[test]
fn output_into_a_missing_folder_fails_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("no-such-folder").join("ranked.csv");
    skillmatch()
        .args(["rank", "--as-of", AS_OF, "--candidates", CANDIDATES])
        .args(["--postings", POSTINGS_DIR, "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("no-such-folder"));
    assert!(listing(dir.path()).is_empty());
}

#[test]
fn a_failed_run_leaves_no_output_file_and_keeps_an_existing_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("weights.toml"), "required = 1.0\nskills = 2.0\n").unwrap();
    fs::create_dir(d.join("no-postings")).unwrap();
    fs::write(d.join("no-postings").join("notes.pdfx"), "not a posting").unwrap();
    fs::write(
        d.join("no-text.csv"),
        "id,title,company,location,body\np1,Engineer,Acme,Berlin,Java\n",
    )
    .unwrap();
    fs::write(d.join("people.csv"), ONE_BAD_ROW).unwrap();
    let p = |name: &str| d.join(name).to_str().unwrap().to_string();
    // (options, what the error names)
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                "--weights".into(),
                p("weights.toml"),
                "--postings".into(),
                POSTINGS_DIR.into(),
                "--candidates".into(),
                CANDIDATES.into(),
            ],
            "weights.toml:2",
        ),
        (
            vec![
                "--postings".into(),
                p("no-postings"),
                "--candidates".into(),
                CANDIDATES.into(),
            ],
            "no-postings",
        ),
        (
            vec![
                "--postings".into(),
                p("no-text.csv"),
                "--candidates".into(),
                CANDIDATES.into(),
            ],
            "no-text.csv:1",
        ),
        (
            vec![
                "--strict".into(),
                "--postings".into(),
                POSTINGS_DIR.into(),
                "--candidates".into(),
                p("people.csv"),
            ],
            "people.csv:6",
        ),
    ];
    let before = listing(d);
    for (options, named) in &cases {
        let out = d.join("ranked.csv");
        skillmatch()
            .args(["rank", "--as-of", AS_OF])
            .args(options)
            .arg("-o")
            .arg(&out)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(*named));
        assert!(!out.exists(), "{named}: output written");
        assert_eq!(listing(d), before, "{named}: files left behind");

        fs::write(&out, "keep me\n").unwrap();
        skillmatch()
            .args(["rank", "--as-of", AS_OF])
            .args(options)
            .arg("-o")
            .arg(&out)
            .assert()
            .code(2);
        assert_eq!(fs::read_to_string(&out).unwrap(), "keep me\n", "{named}");
        fs::remove_file(&out).unwrap();
    }
}

#[test]
fn a_postings_csv_without_a_text_column_names_its_header() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("postings.csv");
    fs::write(
        &path,
        "id,title,company,location,description\np1,Engineer,Acme,Berlin,Java and Go\n",
    )
    .unwrap();
    for command in [
        vec!["rank", "--candidates", CANDIDATES, "--postings"],
        vec!["score", "examples/resumes/java-backend.txt", "--postings"],
    ] {
        skillmatch()
            .args(&command)
            .arg(&path)
            .args(["--as-of", AS_OF])
            .assert()
            .code(2)
            .stdout("")
            .stderr(
                predicate::str::contains("postings.csv:1")
                    .and(predicate::str::contains(
                        "id,title,company,location,description",
                    ))
                    .and(predicate::str::contains("`text`")),
            );
    }
}

#[test]
fn output_onto_a_folder_fails_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("ranked.csv");
    fs::create_dir(&target).unwrap();
    skillmatch()
        .args(["rank", "--as-of", AS_OF, "--candidates", CANDIDATES])
        .args(["--postings", POSTINGS_DIR, "-o"])
        .arg(&target)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ranked.csv"));
    assert!(target.is_dir());
    assert!(listing(&target).is_empty());
    assert_eq!(listing(dir.path()), ["ranked.csv"]);
}

/// The lines of a rank CSV after its header, sorted.
fn body_lines(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let mut lines: Vec<String> = text.lines().skip(1).map(str::to_string).collect();
    lines.sort();
    lines
}

/// `rank` of `candidates` against the example postings, `--per per
/// --top top`, of one shard when given.
fn rank_shard(candidates: &str, per: &str, top: &str, shard: Option<&str>) -> Vec<u8> {
    let mut args = vec![
        "--candidates",
        candidates,
        "--postings",
        POSTINGS_DIR,
        "--per",
        per,
        "--top",
        top,
    ];
    if let Some(s) = shard {
        args.extend(["--shard", s]);
    }
    rank(&args)
}

#[test]
fn shards_split_the_candidates_and_together_give_the_whole_run() {
    let dir = tempfile::tempdir().unwrap();
    let candidates = many_candidates(dir.path(), 30);
    let run = |shard: Option<&str>| rank_shard(&candidates, "candidate", "3", shard);
    let whole = run(None);
    let mut union = Vec::new();
    let mut sizes = Vec::new();
    for k in ["1/3", "2/3", "3/3"] {
        let lines = body_lines(&run(Some(k)));
        sizes.push(lines.len());
        union.extend(lines);
    }
    union.sort();
    assert_eq!(
        union,
        body_lines(&whole),
        "the shards' rows are the whole run's rows"
    );
    assert!(
        sizes.iter().filter(|&&n| n > 0).count() >= 2,
        "30 candidates spread over at least two of 3 shards: {sizes:?}"
    );
    // The same shard twice is the same output.
    assert_eq!(run(Some("2/3")), run(Some("2/3")));
}

#[test]
fn shards_merge_into_the_whole_ranking_byte_for_byte() {
    if std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: python3 is not available for scripts/merge_shards.py");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let candidates = many_candidates(dir.path(), 30);
    for per in ["candidate", "posting"] {
        let run = |shard: Option<&str>| rank_shard(&candidates, per, "4", shard);
        let whole = run(None);
        let mut files = Vec::new();
        for k in ["1/3", "2/3", "3/3"] {
            let path = dir.path().join(format!("{per}-shard-{}.csv", &k[..1]));
            fs::write(&path, run(Some(k))).unwrap();
            files.push(path);
        }
        let merged = std::process::Command::new("python3")
            .arg("scripts/merge_shards.py")
            .args(["--per", per, "--top", "4"])
            .args(&files)
            .output()
            .unwrap();
        assert!(
            merged.status.success(),
            "{}",
            String::from_utf8_lossy(&merged.stderr)
        );
        // Equal fits are ordered by input position in both: the bytes match.
        assert!(
            merged.stdout == whole,
            "--per {per}: the merge differs from one run:\n{}\n---\n{}",
            String::from_utf8_lossy(&merged.stdout),
            String::from_utf8_lossy(&whole)
        );
    }
}

#[test]
fn a_reader_that_stops_early_is_no_error() {
    // `rank … | head -1`: far more rows than a pipe holds, and a reader
    // that closes after the first line. The run ends quietly with exit 0.
    use std::io::{BufRead as _, BufReader};
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let postings = dir.path().join("postings.csv");
    let mut body = String::from("id,title,text\n");
    for i in 0..400 {
        body.push_str(&format!(
            "p{i},Backend Engineer {i},\"Requirements\n- Java and Spring Boot\n- PostgreSQL\n- Kubernetes\"\n"
        ));
    }
    fs::write(&postings, body).unwrap();
    for per in ["candidate", "posting"] {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("skillmatch"))
            .env("SKILLMATCH_CACHE_DIR", crate::test_cache())
            .args([
                "rank",
                "--as-of",
                AS_OF,
                "--top",
                "0",
                "--per",
                per,
                "--candidates",
            ])
            .arg(CANDIDATES)
            .arg("--postings")
            .arg(&postings)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(first.starts_with("candidate_id,posting_id,rank"), "{first}");
        // The reader is dropped here: the pipe is closed.
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "--per {per}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "--per {per}: {stderr}");
    }
}

#[test]
fn names_and_titles_that_look_like_formulas_are_written_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let candidates = dir.path().join("candidates.csv");
    fs::write(
        &candidates,
        "id,name,text\n\
         c1,\"=HYPERLINK(\"\"http://example.invalid\"\",\"\"CV\"\")\",\"Skills\nJava, PostgreSQL\"\n\
         c2,@Ana Lima,\"Skills\nGo, Kubernetes\"\n",
    )
    .unwrap();
    let postings = dir.path().join("postings.csv");
    fs::write(
        &postings,
        "id,title,company,text\np1,+Backend Engineer,-Acme,\"Requirements\n- Java\n- Go\"\n",
    )
    .unwrap();
    let out = rank(&[
        "--candidates",
        candidates.to_str().unwrap(),
        "--postings",
        postings.to_str().unwrap(),
    ]);
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    let names: Vec<&str> = rows.iter().map(|r| &r[column("candidate_name")]).collect();
    assert!(
        names.contains(&"'=HYPERLINK(\"http://example.invalid\",\"CV\")"),
        "{names:?}"
    );
    assert!(names.contains(&"'@Ana Lima"), "{names:?}");
    for row in &rows {
        assert_eq!(&row[column("posting_title")], "'+Backend Engineer");
        assert_eq!(&row[column("posting_company")], "'-Acme");
        // Numbers stay numbers.
        assert!(row[column("score")].parse::<f64>().is_ok(), "{row:?}");
    }
}

#[test]
fn an_unclosed_quote_drops_its_row_and_says_so() {
    // Bo's text is never closed: the field runs into Cy's row. Bo must not
    // be scored on Cy's skills, and the loss must be said.
    let dir = tempfile::tempdir().unwrap();
    let candidates = dir.path().join("candidates.csv");
    fs::write(
        &candidates,
        "id,name,text\n1,Ana,\"Java and PostgreSQL\"\n2,Bo,\"unterminated\n3,Cy,\"Go and Kubernetes\"\n",
    )
    .unwrap();
    let out = skillmatch()
        .args(["rank", "--as-of", AS_OF, "--candidates"])
        .arg(&candidates)
        .args(["--postings", POSTINGS_CSV])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("candidates.csv:3: row 3: a quoted field closes on line 4"),
        "{stderr}"
    );
    assert!(stderr.contains("skipped 1 of 2"), "{stderr}");
    let rows = csv_rows(&out.stdout);
    assert_eq!(rows[0][0], "candidate_id");
    assert!(rows.len() > 1, "Ana is ranked");
    assert!(rows[1..].iter().all(|r| r[0] == "1"), "{rows:?}");

    // Under --strict the run stops with exit 2 and writes nothing.
    let output = dir.path().join("ranked.csv");
    skillmatch()
        .args(["rank", "--strict", "--as-of", AS_OF, "--candidates"])
        .arg(&candidates)
        .args(["--postings", POSTINGS_CSV, "-o"])
        .arg(&output)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("row 3: a quoted field"));
    assert!(!output.exists());
}

#[test]
fn one_thread_gives_the_same_rows_as_all_cores() {
    let dir = tempfile::tempdir().unwrap();
    let candidates = many_candidates(dir.path(), 12);
    for per in ["candidate", "posting"] {
        let args = [
            "--candidates",
            candidates.as_str(),
            "--postings",
            POSTINGS_DIR,
            "--per",
            per,
        ];
        let all = rank(&args);
        let mut one = vec!["--threads", "1"];
        one.extend(args);
        assert!(rank(&one) == all, "--per {per} with --threads 1");
    }
    let zero = skillmatch()
        .args([
            "--threads",
            "0",
            "rank",
            "--candidates",
            &candidates,
            "--postings",
            POSTINGS_DIR,
        ])
        .output()
        .unwrap();
    assert_eq!(zero.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&zero.stderr).contains("--threads"));
}
