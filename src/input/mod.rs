//! Reading postings and résumés from what users hold: one text file, a
//! directory of them, a CSV export, or JSON Lines.
//!
//! Everything here turns bytes into [`Document`]s (an id, where it came
//! from, its text and any fields the source states outright, such as a CSV
//! `title` column) and stops there: [`crate::extract`] turns documents into
//! postings and candidates, and nothing here depends on it. Errors carry
//! the file and the line or row.
//!
//! A batch source (a directory, a CSV, JSON Lines) can hold bad entries
//! next to good ones. Those are not fatal: [`Loaded::skipped`] lists each
//! with its location, the good ones load, and the caller decides whether a
//! skip fails the run (`--strict`) or is reported and counted.

mod batch;
mod csv_rows;
mod docx;
mod html;
mod job_posting;
mod json_lines;
mod json_resume;
mod pdf;
mod text;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::document::{Document, DocumentKind, Fields};
use crate::{Error, Location, Result};
use text::decode;

pub use batch::Loaded;
pub use csv_rows::Columns;
pub use text::{
    read_batch_text, read_bytes, read_text, Decoded, Encoding, MAX_BATCH_BYTES, MAX_INPUT_BYTES,
};

/// How a source is read: the CSV column names, and the format when the
/// user names it (`--format-in`) rather than leaving it to the extension
/// and the content.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// CSV column names.
    pub columns: Columns,
    /// The format of every file, when given.
    pub format: Option<Format>,
    /// Read files a CSV `path` column names outside the CSV's folder. Off
    /// by default: a batch file from elsewhere must not be able to quote
    /// any file the user can read (`../../etc/passwd`) as evidence.
    pub paths_outside: bool,
}

/// File extensions read when a directory is walked.
pub const DOCUMENT_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "pdf", "docx", "html", "htm", "json",
];

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A directory: every document in it, recursively, in path order.
    Directory,
    /// A CSV file with a header row.
    Csv,
    /// JSON Lines, one object per line.
    JsonLines,
    /// One JSON document: a JSON Resume, a schema.org JobPosting, or an
    /// array of postings or résumés.
    Json,
    /// An HTML page (its JobPosting JSON-LD when it has one).
    Html,
    /// A PDF with a text layer.
    Pdf,
    /// A Word document (.docx).
    Docx,
    /// Plain text or Markdown.
    Text,
}

impl Format {
    /// The format an extension names, if any.
    pub fn of_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "csv" => Format::Csv,
            "jsonl" | "ndjson" => Format::JsonLines,
            "json" => Format::Json,
            "html" | "htm" | "xhtml" => Format::Html,
            "pdf" => Format::Pdf,
            "docx" => Format::Docx,
            "txt" | "text" | "md" | "markdown" => Format::Text,
            _ => return None,
        })
    }

    /// The format the first bytes of a file show: the PDF and ZIP
    /// signatures, a JSON opening, HTML markup; else text.
    pub fn sniff(bytes: &[u8]) -> Format {
        let start = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        let start = &start[start.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
        if start.starts_with(b"%PDF-") {
            Format::Pdf
        } else if start.starts_with(b"PK\x03\x04") {
            Format::Docx
        } else if start.starts_with(b"{") || start.starts_with(b"[") {
            Format::Json
        } else if html::looks_like_html(&String::from_utf8_lossy(&start[..start.len().min(1024)])) {
            Format::Html
        } else {
            Format::Text
        }
    }

    /// The format of `path`: a directory, the format given, the one the
    /// extension names (but a `.txt` holding a PDF or a DOCX is that), else
    /// the one the content shows.
    pub fn of(path: &Path, given: Option<Format>) -> Result<Format> {
        if path.is_dir() {
            return Ok(Format::Directory);
        }
        if let Some(f) = given {
            return Ok(f);
        }
        let by_extension = Format::of_extension(path);
        if let Some(f) = by_extension.filter(|&f| f != Format::Text) {
            return Ok(f);
        }
        // A pipe or device is not opened to look (a FIFO would wait for a
        // writer): reading it is refused with the file named.
        if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
            return Ok(by_extension.unwrap_or(Format::Text));
        }
        let mut head = [0u8; 1024];
        let n = std::fs::File::open(path)
            .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
            .map_err(|e| Error::io(path, e))?;
        Ok(Format::of_named_bytes(by_extension, &head[..n]))
    }

    /// The format of a document whose name gives `by_name` (its
    /// extension's format, if any) and whose content starts with `head`:
    /// the named one, except that no name or a text one lets the content
    /// decide, so a PDF or a DOCX saved as ".txt" is still read as what it
    /// is. How [`Format::of`] decides for a file, and how an upload is read.
    pub fn of_named_bytes(by_name: Option<Format>, head: &[u8]) -> Format {
        if let Some(f) = by_name.filter(|&f| f != Format::Text) {
            return f;
        }
        let sniffed = Format::sniff(&head[..head.len().min(1024)]);
        match by_name {
            Some(text) if !matches!(sniffed, Format::Pdf | Format::Docx) => text,
            _ => sniffed,
        }
    }
}

/// Installs a panic hook that keeps the default report for every panic
/// except those inside a third-party reader that the library catches and
/// turns into an error naming the file (pdf-extract panics on some
/// malformed PDFs): the user sees that error, not a panic message. Call it
/// once, at the start of a program, before threads start.
pub fn install_quiet_reader_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !pdf::in_guarded_reader() {
            default(info);
        }
    }));
}

/// Reads every document at `path` (see [`Format::of`]), expected to be of
/// `kind`: that decides the fields read from a CSV row or a JSON object (a
/// posting's `title`, a résumé's `name` or `path`).
///
/// Fails only when the source as a whole cannot be read (missing file, a
/// CSV without the needed columns, a directory with no documents); bad
/// entries of a batch are listed in [`Loaded::skipped`].
pub fn load(path: &Path, kind: DocumentKind, options: &LoadOptions) -> Result<Loaded> {
    match Format::of(path, options.format)? {
        Format::Directory => load_directory(path, kind, options),
        format => load_file(
            path,
            format,
            kind,
            options,
            path.parent().unwrap_or(Path::new("")),
        ),
    }
}

/// Reads one file of a known format; ids are relative to `base`.
fn load_file(
    path: &Path,
    format: Format,
    kind: DocumentKind,
    options: &LoadOptions,
    base: &Path,
) -> Result<Loaded> {
    let name = path.display().to_string();
    match format {
        Format::Directory => load_directory(path, kind, options),
        Format::Csv => {
            // Files named in a `path` column are read whatever their format.
            let file_options = LoadOptions {
                columns: options.columns.clone(),
                format: None,
                paths_outside: options.paths_outside,
            };
            csv_rows::load(
                path,
                kind,
                &options.columns,
                options.paths_outside,
                &|file| file_text(file, &file_options, kind),
            )
        }
        Format::JsonLines => {
            let decoded = read_batch_text(path)?;
            let mut loaded =
                json_lines::load(&name, &decoded.text, false, kind, &file_id(path, base))?;
            loaded.notes.extend(decoded.note(&name));
            Ok(loaded)
        }
        single => read_document(&name, &file_id(path, base), read_bytes(path)?, single, kind),
    }
}

/// Reads one document of `format` (text, PDF, DOCX, HTML, one JSON
/// document) from `bytes`, named `name` in messages, with the id `id`;
/// an HTML page with several JobPostings gives one document each. A batch
/// format (directory, CSV, JSON Lines) is refused: those name other files
/// or hold many documents. This is how one uploaded file is read, and
/// how [`load`] reads one file once it holds its bytes.
pub fn read_document(
    name: &str,
    id: &str,
    bytes: Vec<u8>,
    format: Format,
    kind: DocumentKind,
) -> Result<Loaded> {
    let one = |text: String, note: Option<String>| Loaded {
        documents: vec![Document {
            id: id.to_string(),
            source: name.to_string(),
            text,
            fields: Fields::default(),
            kind: None,
        }],
        skipped: Vec::new(),
        notes: note.into_iter().collect(),
    };
    match format {
        Format::Directory | Format::Csv | Format::JsonLines => Err(Error::input(
            Location::file(name),
            "a batch (directory, CSV or JSON Lines) where one document was expected",
        )),
        Format::Json => {
            let decoded = decode(name, bytes)?;
            let mut loaded = json_lines::load(name, &decoded.text, true, kind, id)?;
            loaded.notes.extend(decoded.note(name));
            Ok(loaded)
        }
        Format::Text => {
            let decoded = decode(name, bytes)?;
            let note = decoded.note(name);
            Ok(one(decoded.text, note))
        }
        Format::Pdf => Ok(one(pdf::pdf_text(name, &bytes)?, None)),
        Format::Docx => Ok(one(docx::docx_text(name, &bytes)?, None)),
        Format::Html => {
            let decoded = decode(name, bytes)?;
            let note = decoded.note(name);
            let postings = job_posting::json_ld_postings(&decoded.text);
            if postings.is_empty() {
                return Ok(one(html::html_to_text(&decoded.text), note));
            }
            // The page's structured postings, one document each.
            let several = postings.len() > 1;
            let mut loaded = Loaded {
                notes: note.into_iter().collect(),
                ..Loaded::default()
            };
            for (n, value) in postings.iter().enumerate() {
                let jp = job_posting::job_posting_text(value);
                loaded.documents.push(Document {
                    id: jp.id.clone().unwrap_or_else(|| {
                        if several {
                            format!("{id}#{}", n + 1)
                        } else {
                            id.to_string()
                        }
                    }),
                    source: name.to_string(),
                    text: jp.text,
                    fields: Fields {
                        title: jp.title,
                        company: jp.company,
                        location: jp.location,
                        name: None,
                    },
                    kind: Some(DocumentKind::Posting),
                });
            }
            Ok(loaded)
        }
    }
}

/// The text of one file of a batch (a CSV `path` column): whatever its
/// format, one document's text, and a note when it was not read as written.
fn file_text(
    path: &Path,
    options: &LoadOptions,
    kind: DocumentKind,
) -> Result<(String, Option<String>)> {
    let format = match Format::of(path, options.format)? {
        Format::Directory | Format::Csv | Format::JsonLines => {
            return Err(Error::input(
                Location::file(path.display().to_string()),
                "a batch (directory, CSV or JSON Lines) where one document was expected",
            ))
        }
        f => f,
    };
    let mut loaded = load_file(
        path,
        format,
        kind,
        options,
        path.parent().unwrap_or(Path::new("")),
    )?;
    if let Some(e) = loaded.skipped.into_iter().next() {
        return Err(e);
    }
    if loaded.documents.len() != 1 {
        return Err(Error::input(
            Location::file(path.display().to_string()),
            format!(
                "holds {} documents where one was expected",
                loaded.documents.len()
            ),
        ));
    }
    Ok((
        loaded.documents.remove(0).text,
        loaded.notes.into_iter().next(),
    ))
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

/// Every document under `dir` (by [`DOCUMENT_EXTENSIONS`]), recursively,
/// sorted by path; hidden files and directories are left out.
/// The document files under `dir` (see [`DOCUMENT_EXTENSIONS`]), sorted,
/// and the subfolders that could not be read: those are skipped like a bad
/// file (an error under `--strict`), where the folder itself failing to
/// read is an error.
fn document_files(dir: &Path) -> Result<(Vec<PathBuf>, Vec<Error>)> {
    let mut out = Vec::new();
    let mut unreadable = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(entries) => entries,
            Err(e) if d != dir => {
                unreadable.push(Error::io(&d, e));
                continue;
            }
            Err(e) => return Err(Error::io(&d, e)),
        };
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&d, e))?;
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            // Links to directories are not followed (a link to "." would
            // loop); links to files are read.
            let kind = entry.file_type().map_err(|e| Error::io(&path, e))?;
            if kind.is_dir() {
                pending.push(path);
            } else if kind.is_symlink() && path.is_dir() {
                continue;
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| DOCUMENT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok((out, unreadable))
}

fn load_directory(dir: &Path, kind: DocumentKind, options: &LoadOptions) -> Result<Loaded> {
    let (files, unreadable) = document_files(dir)?;
    if files.is_empty() && unreadable.is_empty() {
        return Err(Error::input(
            Location::file(dir.display().to_string()),
            format!(
                "no postings or résumés ({}) in this directory",
                DOCUMENT_EXTENSIONS
                    .iter()
                    .map(|e| format!(".{e}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    let read: Vec<Result<Loaded>> = files
        .par_iter()
        .map(|path| {
            let format = match options.format {
                Some(f) => f,
                None => Format::of(path, None)?,
            };
            load_file(path, format, kind, options, dir)
        })
        .collect();
    let mut loaded = Loaded::default();
    loaded.skipped.extend(unreadable);
    for r in read {
        match r {
            Ok(one) => loaded.append(one),
            Err(e) => loaded.skipped.push(e),
        }
    }
    // "sre.txt" and "sre.md" would both be "sre": such ids keep their
    // extension, so every id names one file.
    let mut count: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for d in &loaded.documents {
        *count.entry(d.id.clone()).or_default() += 1;
    }
    for d in &mut loaded.documents {
        if count.get(&d.id).is_some_and(|&n| n > 1) {
            let path = Path::new(&d.source);
            let relative = path.strip_prefix(dir).unwrap_or(path);
            d.id = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
        }
    }
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_is_chosen_by_extension_then_content() {
        let cases = [
            ("a.csv", Some(Format::Csv)),
            ("a.CSV", Some(Format::Csv)),
            ("a.jsonl", Some(Format::JsonLines)),
            ("a.ndjson", Some(Format::JsonLines)),
            ("a.json", Some(Format::Json)),
            ("a.htm", Some(Format::Html)),
            ("a.pdf", Some(Format::Pdf)),
            ("a.DOCX", Some(Format::Docx)),
            ("a.txt", Some(Format::Text)),
            ("a.md", Some(Format::Text)),
            ("a", None),
            ("a.doc", None),
        ];
        for (path, expected) in cases {
            assert_eq!(Format::of_extension(Path::new(path)), expected, "{path}");
        }
        let sniffed: [(&[u8], Format); 7] = [
            (b"%PDF-1.7\n", Format::Pdf),
            (b"PK\x03\x04rest", Format::Docx),
            (b"  {\"basics\": {}}", Format::Json),
            (b"\xef\xbb\xbf[{}]", Format::Json),
            (b"<!DOCTYPE html><html>", Format::Html),
            (b"Backend Engineer\nRequirements", Format::Text),
            (b"", Format::Text),
        ];
        for (bytes, expected) in sniffed {
            assert_eq!(Format::sniff(bytes), expected, "{bytes:?}");
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
        write("b.md", b"Backend Engineer (Markdown)\n- Go\n");
        write("notes.pdf", b"%PDF");
        write("notes.xlsx", b"PK");
        write(".hidden.txt", b"hidden");
        let loaded =
            load(dir.path(), DocumentKind::Posting, &LoadOptions::default()).expect("loads");
        let ids: Vec<&str> = loaded.documents.iter().map(|d| d.id.as_str()).collect();
        // b.txt and b.md would share "b": both keep their extension.
        assert_eq!(ids, ["a", "b.md", "b.txt", "sub/c"]);
        let skipped: Vec<String> = loaded.skipped.iter().map(|e| e.to_string()).collect();
        assert_eq!(skipped.len(), 2, "{skipped:?}");
        assert!(
            skipped.iter().any(|e| e.contains("empty.txt")),
            "{skipped:?}"
        );
        assert!(
            skipped.iter().any(|e| e.contains("notes.pdf")),
            "{skipped:?}"
        );
    }

    #[test]
    fn a_directory_without_documents_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("x.xlsx"), b"PK").expect("write");
        let err =
            load(dir.path(), DocumentKind::Resume, &LoadOptions::default()).expect_err("no files");
        assert!(err.to_string().contains("no postings or résumés"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn links_to_directories_are_not_followed() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("a.txt"), b"SRE\n- Go\n").expect("write");
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).expect("symlink");
        let loaded =
            load(dir.path(), DocumentKind::Posting, &LoadOptions::default()).expect("loads");
        let ids: Vec<&str> = loaded.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a"]);
    }
}
