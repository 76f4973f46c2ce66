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
    let cases: [(&str, Vec<u8>, &str); 3] = [
        (
            "nested.pdf",
            nested.into_bytes(),
            "nest more than 100 levels",
        ),
        ("bomb.pdf", bomb, "unpacks to more than 16 MiB"),
        // The reader follows a drawing into itself until the stack is gone.
        ("drawing.pdf", pdf_with_form("5 0 R"), "draw themselves"),
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
