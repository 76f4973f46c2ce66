//! Hostile and broken input: a file built to crash, hang or exhaust the
//! reader is that file's error, named, and never takes a batch down with
//! it. Every input here once crashed, hung or misread the tool.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::skillmatch;

/// A résumé every batch below holds next to the hostile file, so a run
/// that survives still ranks someone.
const ANA: &str = "Ana Silva\nSkills: Java, PostgreSQL, Docker\n";

/// A PDF holding the objects `objects` (numbered from 1, object 1 the
/// catalog), with a cross-reference table and trailer.
fn pdf_with_objects(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer << /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A stream object whose dictionary holds `entries`.
fn stream(entries: &str, data: &[u8]) -> Vec<u8> {
    let mut object = format!("<< {entries} /Length {} >>\nstream\n", data.len()).into_bytes();
    object.extend_from_slice(data);
    object.extend_from_slice(b"\nendstream");
    object
}

/// A one-page PDF saying "Jane Doe, Python developer", whose page also
/// draws the form `/Fm1` (object 5), a form that draws `/Fm1` from its own
/// resources, where `/Fm1` is `form_draws`.
fn pdf_with_form(form_draws: &str) -> Vec<u8> {
    let page_content = b"BT /F1 12 Tf 72 700 Td (Jane Doe, Python developer) Tj ET /Fm1 Do";
    pdf_with_objects(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
           /Resources << /Font << /F1 6 0 R >> /XObject << /Fm1 5 0 R >> >> >>"
            .to_vec(),
        stream("", page_content),
        stream(
            &format!(
                "/Type /XObject /Subtype /Form /BBox [0 0 10 10] \
                 /Resources << /XObject << /Fm1 {form_draws} >> >>"
            ),
            b"/Fm1 Do",
        ),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        // A form that draws nothing, for a form to draw instead of itself.
        stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10]", b""),
    ])
}

/// `data` compressed with zlib.
fn deflate(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

/// Writes `files` into a new folder next to Ana's résumé and ranks the
/// folder against the example postings; returns (exit code, stdout,
/// stderr).
fn rank_folder_with(files: &[(&str, Vec<u8>)], extra: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ana.txt"), ANA).unwrap();
    for (name, bytes) in files {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    run_rank(dir.path(), extra)
}

/// Ranks the résumés in `dir` against the example postings.
fn run_rank(dir: &Path, extra: &[&str]) -> (i32, String, String) {
    let out = skillmatch()
        .args(["rank", "--postings", "examples/postings", "--candidates"])
        .arg(dir)
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_hostile_pdf_is_skipped_and_the_batch_goes_on() {
    let nested = format!(
        "%PDF-1.4\n1 0 obj\n{}{}\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    // Just over the per-stream cap of 16 MiB once inflated.
    let bomb = pdf_with_objects(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        stream(
            "/Filter /FlateDecode",
            &deflate(&vec![b' '; (16 << 20) + 1]),
        ),
    ]);
    // A page that is its own parent: the reader climbed /Parent for
    // minutes (found by the pdf fuzz target).
    let looping = pdf_with_objects(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_vec(),
        stream("", b"BT /F1 12 Tf 72 720 Td (Python) Tj ET"),
    ]);
    let cases: [(&str, Vec<u8>, &str); 4] = [
        (
            "nested.pdf",
            nested.into_bytes(),
            "nest more than 100 levels",
        ),
        ("bomb.pdf", bomb, "unpacks to more than 16 MiB"),
        // The reader follows a drawing into itself until the stack is gone.
        ("drawing.pdf", pdf_with_form("5 0 R"), "draw themselves"),
        ("looping.pdf", looping, "page tree loops"),
    ];
    for (name, bytes, why) in cases {
        let (code, stdout, stderr) = rank_folder_with(&[(name, bytes.clone())], &[]);
        assert_eq!(code, 0, "{name}: {stderr}");
        assert!(stdout.contains("Ana Silva"), "{name}: {stdout}");
        assert!(
            stderr.contains(&format!("{name}: cannot read this PDF: ")) && stderr.contains(why),
            "{name}: {stderr}"
        );
        let (code, stdout, stderr) = rank_folder_with(&[(name, bytes)], &["--strict"]);
        assert_eq!((code, stdout.as_str()), (2, ""), "{name}: {stderr}");
    }
}

#[test]
fn a_form_drawing_a_form_is_read_and_one_drawing_itself_is_refused() {
    let (code, stdout, stderr) = rank_folder_with(&[("jane.pdf", pdf_with_form("7 0 R"))], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Jane Doe"), "{stdout}");
}

#[test]
fn an_encrypted_pdf_without_text_says_it_is_encrypted() {
    // An /Encrypt entry whose handler the reader cannot open with the
    // empty password: the page gives no text, and the error says why.
    let mut pdf = pdf_with_form("7 0 R");
    let trailer = b"trailer << /Size";
    let at = pdf
        .windows(trailer.len())
        .position(|w| w == trailer)
        .unwrap();
    pdf.splice(
        at + 10..at + 10,
        b" /Encrypt << /Filter /Unknown /V 9 >>".iter().copied(),
    );
    let (code, _, stderr) = rank_folder_with(&[("locked.pdf", pdf)], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("locked.pdf: this PDF is encrypted")
            || stderr.contains("locked.pdf: this PDF is password-protected"),
        "{stderr}"
    );
}

#[test]
fn deeply_nested_html_is_read_in_linear_time_with_its_text() {
    // Two hundred thousand nested <div>s once took minutes in the HTML
    // parser; forty thousand nested list items asked for gigabytes.
    let dir = tempfile::tempdir().unwrap();
    let divs = dir.path().join("divs.html");
    fs::write(
        &divs,
        format!(
            "{}<p>Requirements: Python and PostgreSQL</p>{}",
            "<div>".repeat(200_000),
            "</div>".repeat(200_000)
        ),
    )
    .unwrap();
    let lists = dir.path().join("lists.html");
    fs::write(&lists, "<ul><li>Kubernetes ".repeat(40_000)).unwrap();
    for (path, skills) in [
        (&divs, &["Python", "PostgreSQL"][..]),
        (&lists, &["Kubernetes"][..]),
    ] {
        let out = skillmatch()
            .args(["extract", "--as", "posting", "--format", "json"])
            .arg(path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        for skill in skills {
            assert!(
                stdout.contains(&format!("\"{skill}\"")),
                "{}: {skill} missing",
                path.display()
            );
        }
    }
}

/// Makes a FIFO at `path` (Unix only).
#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn pipes_and_devices_are_refused_not_read() {
    // A FIFO named like a résumé once hung the whole run, --strict too.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ana.txt"), ANA).unwrap();
    mkfifo(&dir.path().join("waiting.txt"));
    let (code, stdout, stderr) = run_rank(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Ana Silva"), "{stdout}");
    assert!(
        stderr.contains("waiting.txt: not a regular file"),
        "{stderr}"
    );
    let (code, _, stderr) = run_rank(dir.path(), &["--strict"]);
    assert_eq!(code, 2, "{stderr}");
    // /dev/zero never ends: refused, not read until memory runs out.
    let out = skillmatch()
        .args(["extract", "--as", "posting", "/dev/zero"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("/dev/zero: not a regular file"), "{stderr}");
}

#[test]
fn one_bad_byte_in_utf8_damages_only_itself() {
    // Decoding the whole file as Windows-1252 turned "5–7 years" into
    // "7+ years" and mangled the name.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("posting.txt");
    let mut bytes = "Backend Engineer\nRequirements:\n- 5–7 years of Java (José Müller's team)\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"- Docker \xff\n");
    fs::write(&path, bytes).unwrap();
    let out = skillmatch()
        .args(["extract", "--as", "posting", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("1 invalid UTF-8 sequence (the first at byte"),
        "{stderr}"
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let java = doc["postings"][0]["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["any_of"][0]["label"] == "Java")
        .cloned()
        .unwrap();
    assert_eq!(java["min_years"], 5.0, "{java}");
    assert!(
        java["text"].as_str().unwrap().contains("José Müller"),
        "{java}"
    );
}

/// Runs `score` of Ana's résumé against the example postings with
/// `-o target`; returns (exit code, stderr).
fn score_to(dir: &Path, target: &Path) -> (i32, String) {
    let resume = dir.join("ana.txt");
    if !resume.exists() {
        fs::write(&resume, ANA).unwrap();
    }
    let out = skillmatch()
        .args([
            "score",
            "--postings",
            "examples/postings",
            "--format",
            "csv",
            "-o",
        ])
        .arg(target)
        .arg(&resume)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[cfg(unix)]
#[test]
fn output_goes_to_regular_files_only_and_never_over_an_input() {
    let dir = tempfile::tempdir().unwrap();
    // A pipe at the path is refused, and stays a pipe.
    let fifo = dir.path().join("out.fifo");
    mkfifo(&fifo);
    let (code, stderr) = score_to(dir.path(), &fifo);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("is not a regular file"), "{stderr}");
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    // The résumé itself is refused as the output, and left as it was.
    let resume = dir.path().join("ana.txt");
    let (code, stderr) = score_to(dir.path(), &resume);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("is the input"), "{stderr}");
    assert_eq!(fs::read_to_string(&resume).unwrap(), ANA);
    // A link is written through: the link stays, its target gets the rows.
    let target = dir.path().join("scores.csv");
    let link = dir.path().join("latest.csv");
    std::os::unix::fs::symlink("scores.csv", &link).unwrap();
    let (code, stderr) = score_to(dir.path(), &link);
    assert_eq!(code, 0, "{stderr}");
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(fs::read_to_string(&target)
        .unwrap()
        .starts_with("candidate_id,posting_id,"));
}

#[cfg(unix)]
use std::os::unix::fs::FileTypeExt as _;

#[cfg(unix)]
#[test]
fn a_run_stopped_by_sigterm_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("id,name,text\n");
    for i in 0..3000 {
        csv.push_str(&format!(
            "c{i},Candidate {i},\"Java, PostgreSQL, Docker and Kubernetes for {i} years\"\n"
        ));
    }
    let candidates = dir.path().join("candidates.csv");
    fs::write(&candidates, csv).unwrap();
    let out_dir = dir.path().join("out");
    fs::create_dir(&out_dir).unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("skillmatch"))
        .env("SKILLMATCH_CACHE_DIR", crate::test_cache())
        .args(["rank", "--postings", "examples/postings", "--candidates"])
        .arg(&candidates)
        .arg("-o")
        .arg(out_dir.join("ranking.csv"))
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait for the temporary output to appear, then stop the run.
    let appeared = (0..2000).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(10));
        fs::read_dir(&out_dir).unwrap().next().is_some()
    });
    let status = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = child.wait().unwrap();
    assert!(appeared, "the run wrote no temporary file to stop it on");
    assert!(!exit.success(), "the run finished before it was stopped");
    let left: Vec<_> = fs::read_dir(&out_dir).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn csv_paths_stay_in_the_csv_folder_unless_allowed() {
    // A batch file could quote any readable file (../../etc/passwd) as
    // evidence through its `path` column.
    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("batch");
    fs::create_dir(&batch).unwrap();
    fs::write(batch.join("ana.txt"), ANA).unwrap();
    fs::write(
        dir.path().join("secret.txt"),
        "Bo Secret\nSkills: Kubernetes, Go\n",
    )
    .unwrap();
    let csv = batch.join("candidates.csv");
    fs::write(
        &csv,
        format!(
            "id,name,path\nana,Ana Silva,ana.txt\nup,Up,../secret.txt\nabs,Abs,{}\n",
            dir.path().join("secret.txt").display()
        ),
    )
    .unwrap();
    let (code, stdout, stderr) = run_rank(&csv, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Ana Silva"), "{stdout}");
    let ranked = |stdout: &str, id: &str| stdout.lines().any(|l| l.starts_with(&format!("{id},")));
    assert!(
        !ranked(&stdout, "up") && !ranked(&stdout, "abs"),
        "{stdout}"
    );
    for row in ["row 3", "row 4"] {
        assert!(
            stderr.contains(&format!("{row}: the file in `path`"))
                && stderr.contains("is outside the CSV's folder"),
            "{row}: {stderr}"
        );
    }
    let (code, stdout, stderr) = run_rank(&csv, &["--paths-outside-csv"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(ranked(&stdout, "up") && ranked(&stdout, "abs"), "{stdout}");
    assert!(!stderr.contains("outside"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn an_unreadable_subfolder_is_skipped_not_fatal() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ana.txt"), ANA).unwrap();
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    fs::write(locked.join("bo.txt"), "Bo\nSkills: Go\n").unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read_dir(&locked).is_ok() {
        // Superusers read any folder: there is nothing to refuse here.
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: running as a user who can read a mode-000 folder");
        return;
    }
    let (code, stdout, stderr) = run_rank(dir.path(), &[]);
    let (strict_code, _, _) = run_rank(dir.path(), &["--strict"]);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Ana Silva"), "{stdout}");
    assert!(stderr.contains("locked"), "{stderr}");
    assert_eq!(strict_code, 2);
}
