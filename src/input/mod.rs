//! Reading postings and résumés from what users hold: one text file, a
//! directory of them, a CSV export, or JSON Lines.
//!
//! Everything here turns bytes into [`Document`]s (an id, where it came
//! from, its text and any fields the source states outright, such as a CSV
//! `title` column); [`crate::extract`] turns documents into postings and
//! candidates. Errors carry the file and the line or row.
//!
//! A batch source (a directory, a CSV, JSON Lines) can hold bad entries
//! next to good ones. Those are not fatal: [`Loaded::skipped`] lists each
//! with its location, the good ones load, and the caller decides whether a
//! skip fails the run (`--strict`) or is reported and counted.

mod csv_rows;
mod json_lines;
mod text;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::extract::posting::{parse_postings, set_ids, Posting};
use crate::extract::resume::{parse_resume, Candidate, ResumeOptions};
use crate::extract::Matcher;
use crate::{Error, Location, Result};

pub use csv_rows::Columns;
pub use text::{read_text, MAX_INPUT_BYTES};

/// What a document is expected to be; decides the CSV and JSON fields read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Job postings: `id, title, company, location, text`.
    Postings,
    /// Résumés: `id, name, text` or `id, name, path`.
    Resumes,
}

/// One posting or résumé as read, before extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Stable id: a CSV or JSON `id`, else the file's path relative to the
    /// directory given (or its name, for a single file) without extension.
    pub id: String,
    /// Where it came from: a path, or `path:row N` for a CSV row, or
    /// `path:line N` for a JSON line. Reports show it.
    pub source: String,
    /// The text.
    pub text: String,
    /// Fields the source states outright (a CSV `title` column, a JSON
    /// `company`); they take precedence over what extraction guesses.
    pub fields: Fields,
}

/// Fields a batch source can state next to the text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fields {
    /// Posting title.
    pub title: Option<String>,
    /// Posting company.
    pub company: Option<String>,
    /// Posting location.
    pub location: Option<String>,
    /// Candidate name.
    pub name: Option<String>,
}

/// The documents of one source, and the entries that could not be read.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Documents in source order (sorted paths for a directory, row order
    /// for CSV and JSON Lines).
    pub documents: Vec<Document>,
    /// Entries skipped, each with its location and what to do.
    pub skipped: Vec<Error>,
}

/// File extensions read as plain text when a directory is walked.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];

/// How a path is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A directory: every text file in it, recursively, in path order.
    Directory,
    /// A CSV file with a header row.
    Csv,
    /// JSON Lines, one object per line (or one JSON array of objects).
    JsonLines,
    /// One text file.
    Text,
}

impl Format {
    /// The format of `path`: a directory, else by extension (`.csv`,
    /// `.jsonl`/`.ndjson`/`.json`), else text.
    pub fn of(path: &Path) -> Format {
        if path.is_dir() {
            return Format::Directory;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("csv") => Format::Csv,
            Some("jsonl" | "ndjson" | "json") => Format::JsonLines,
            _ => Format::Text,
        }
    }
}

/// Reads every document at `path` (see [`Format::of`]).
///
/// Fails only when the source as a whole cannot be read (missing file, a
/// CSV without the needed columns, a directory with no text files); bad
/// entries are listed in [`Loaded::skipped`].
pub fn load(path: &Path, role: Role, columns: &Columns) -> Result<Loaded> {
    match Format::of(path) {
        Format::Directory => load_directory(path),
        Format::Csv => csv_rows::load(path, role, columns),
        Format::JsonLines => json_lines::load(path, role),
        Format::Text => {
            let text = read_text(path)?;
            Ok(Loaded {
                documents: vec![Document {
                    id: file_id(path, path.parent().unwrap_or(Path::new(""))),
                    source: path.display().to_string(),
                    text,
                    fields: Fields::default(),
                }],
                skipped: Vec::new(),
            })
        }
    }
}

/// The id of a file found under `base`: its relative path, `/`-separated,
/// without the extension.
fn file_id(path: &Path, base: &Path) -> String {
    let relative = path.strip_prefix(base).unwrap_or(path);
    let without = relative.with_extension("");
    without
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Every text file under `dir`, recursively, sorted by path; hidden files
/// and directories are left out.
fn text_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| Error::io(&d, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&d, e))?;
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                pending.push(path);
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| TEXT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn load_directory(dir: &Path) -> Result<Loaded> {
    let files = text_files(dir)?;
    if files.is_empty() {
        return Err(Error::input(
            Location::file(dir.display().to_string()),
            format!(
                "no text files ({}) in this directory",
                TEXT_EXTENSIONS
                    .iter()
                    .map(|e| format!(".{e}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    let read: Vec<Result<Document>> = files
        .par_iter()
        .map(|path| {
            Ok(Document {
                id: file_id(path, dir),
                source: path.display().to_string(),
                text: read_text(path)?,
                fields: Fields::default(),
            })
        })
        .collect();
    let mut loaded = Loaded::default();
    for r in read {
        match r {
            Ok(doc) => loaded.documents.push(doc),
            Err(e) => loaded.skipped.push(e),
        }
    }
    Ok(loaded)
}

/// The postings of one document: parsed, given the document's id (with
/// `#n` when it holds several) and the fields it states.
pub fn postings_of(matcher: &Matcher<'_>, doc: &Document) -> Vec<Posting> {
    let mut postings = parse_postings(matcher, &doc.source, &doc.text);
    set_ids(&mut postings, &doc.id);
    for p in &mut postings {
        let f = &doc.fields;
        p.title = f.title.clone().or(p.title.take());
        p.company = f.company.clone().or(p.company.take());
        p.location = f.location.clone().or(p.location.take());
    }
    postings
}

/// The candidate of one document: parsed, given the document's id and the
/// name it states.
pub fn candidate_of(matcher: &Matcher<'_>, doc: &Document, options: &ResumeOptions) -> Candidate {
    let mut c = parse_resume(matcher, &doc.source, &doc.text, options);
    c.id.clone_from(&doc.id);
    if let Some(name) = &doc.fields.name {
        c.name = Some(name.clone());
    }
    c
}

/// Every posting of `documents`, extracted in parallel, in document order.
pub fn extract_postings(matcher: &Matcher<'_>, documents: &[Document]) -> Vec<Posting> {
    let per_doc: Vec<Vec<Posting>> = documents
        .par_iter()
        .map(|d| postings_of(matcher, d))
        .collect();
    per_doc.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_is_chosen_by_extension() {
        let cases = [
            ("a.csv", Format::Csv),
            ("a.CSV", Format::Csv),
            ("a.jsonl", Format::JsonLines),
            ("a.ndjson", Format::JsonLines),
            ("a.json", Format::JsonLines),
            ("a.txt", Format::Text),
            ("a.md", Format::Text),
            ("a", Format::Text),
        ];
        for (path, expected) in cases {
            assert_eq!(Format::of(Path::new(path)), expected, "{path}");
        }
    }

    #[test]
    fn file_ids_are_relative_paths_without_extension() {
        let cases = [
            ("jobs/sre.txt", "jobs", "sre"),
            ("jobs/eu/sre.v2.md", "jobs", "eu/sre.v2"),
            ("sre.txt", "", "sre"),
        ];
        for (path, base, expected) in cases {
            assert_eq!(file_id(Path::new(path), Path::new(base)), expected);
        }
    }

    #[test]
    fn directories_load_sorted_text_files_and_skip_bad_ones() {
        let dir = tempfile::tempdir().expect("temp dir");
        let write = |name: &str, body: &[u8]| {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, body).expect("write");
        };
        write("b.txt", b"Backend Engineer\nRequirements\n- Java\n");
        write("a.md", b"# Frontend\n- React\n");
        write("sub/c.txt", b"SRE\n- Go\n");
        write("empty.txt", b"  \n");
        write("notes.pdf", b"%PDF");
        write(".hidden.txt", b"hidden");
        let loaded = load(dir.path(), Role::Postings, &Columns::default()).expect("loads");
        let ids: Vec<&str> = loaded.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "sub/c"]);
        assert_eq!(loaded.skipped.len(), 1);
        assert!(
            loaded.skipped[0].to_string().contains("empty.txt"),
            "{}",
            loaded.skipped[0]
        );
    }

    #[test]
    fn a_directory_without_text_files_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("x.pdf"), b"%PDF").expect("write");
        let err = load(dir.path(), Role::Resumes, &Columns::default()).expect_err("no files");
        assert!(err.to_string().contains("no text files"), "{err}");
    }
}
