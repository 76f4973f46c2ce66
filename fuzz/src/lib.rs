//! Shared set-up of the fuzz targets: each reader is driven through the
//! library's public entry point, on a file written to a private folder,
//! exactly as the binary reads a user's file.

use std::path::PathBuf;
use std::sync::OnceLock;

use skillmatch::document::DocumentKind;
use skillmatch::extract::Matcher;
use skillmatch::input::{load, Format, LoadOptions};
use skillmatch::taxonomy::Taxonomy;

/// The embedded taxonomy, loaded once per process.
pub fn taxonomy() -> &'static Taxonomy {
    static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
    TAXONOMY.get_or_init(|| Taxonomy::embedded().expect("embedded taxonomy"))
}

/// The matcher over [`taxonomy`], built once per process.
pub fn matcher() -> &'static Matcher<'static> {
    static MATCHER: OnceLock<Matcher<'static>> = OnceLock::new();
    MATCHER.get_or_init(|| Matcher::new(taxonomy()).expect("matcher"))
}

/// The fuzzer aborts on every panic, including the PDF library's, which
/// the reader catches and reports as the file's error. The library's quiet
/// hook, installed over the fuzzer's, passes every other panic on to it.
fn quiet_caught_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(skillmatch::input::install_quiet_reader_panics);
}

/// A private folder for the files the targets write.
fn folder() -> &'static PathBuf {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        DIR.get_or_init(|| tempfile::tempdir().expect("temporary folder"))
            .path()
            .to_path_buf()
    })
}

/// Writes `data` as `name` and reads it as `format` the way the binary
/// does, then extracts every document it gave as `kind`. Errors are fine;
/// a panic, an abort, a hang or runaway memory is a finding.
pub fn read_as(data: &[u8], name: &str, format: Format, kind: DocumentKind) {
    quiet_caught_panics();
    let path = folder().join(name);
    std::fs::write(&path, data).expect("write the input");
    let options = LoadOptions {
        format: Some(format),
        ..LoadOptions::default()
    };
    if let Ok(loaded) = load(&path, kind, &options) {
        for doc in &loaded.documents {
            extract_as(&doc.text, kind);
        }
    }
}

/// Extracts `text` as a posting or a résumé.
pub fn extract_as(text: &str, kind: DocumentKind) {
    match kind {
        DocumentKind::Posting => {
            let _ = skillmatch::extract::posting::parse_postings(matcher(), "fuzz.txt", text);
        }
        DocumentKind::Resume => {
            let options = skillmatch::extract::resume::ResumeOptions {
                as_of: skillmatch::extract::dates::YearMonth::new(2026, 1).expect("valid month"),
            };
            let _ = skillmatch::extract::resume::parse_resume(matcher(), "fuzz.txt", text, &options);
        }
    }
}
