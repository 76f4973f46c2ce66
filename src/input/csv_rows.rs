//! CSV batches: postings as `id,title,company,location,text`, résumés as
//! `id,name,text` or `id,name,path` (a path relative to the CSV's folder).
//!
//! Rows are counted the way a spreadsheet shows them: the header is row 1,
//! the first posting row 2. Errors name the row and the file line it starts
//! on (they differ when a quoted text spans lines).

use std::path::Path;

use super::batch::Loaded;
use super::text::read_batch_text;
use crate::document::{Document, DocumentKind, Fields};
use crate::{Error, Location, Result};

/// Reads the text of a file a résumé row names (a `path` column), whatever
/// its format: one document's text, and a note when it was not read as
/// written. The dispatcher in [`crate::input`] supplies it, so this reader
/// needs no knowledge of the other formats.
pub(super) type ReadFile<'a> = dyn Fn(&Path) -> Result<(String, Option<String>)> + 'a;

/// Column names read from a CSV header (matched without regard to case or
/// surrounding spaces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// The row's id. When the column is absent, ids are `row-N`.
    pub id: String,
    /// The posting or résumé text.
    pub text: String,
    /// A path to the text (résumés), relative to the CSV file's folder.
    pub path: String,
    /// Posting title.
    pub title: String,
    /// Posting company.
    pub company: String,
    /// Posting location.
    pub location: String,
    /// Candidate name.
    pub name: String,
}

impl Default for Columns {
    fn default() -> Self {
        Columns {
            id: "id".into(),
            text: "text".into(),
            path: "path".into(),
            title: "title".into(),
            company: "company".into(),
            location: "location".into(),
            name: "name".into(),
        }
    }
}

/// Positions of the columns present in a header.
struct Header {
    id: Option<usize>,
    text: Option<usize>,
    path: Option<usize>,
    title: Option<usize>,
    company: Option<usize>,
    location: Option<usize>,
    name: Option<usize>,
}

impl Header {
    fn new(names: &csv::StringRecord, columns: &Columns) -> Header {
        let find = |want: &str| {
            names.iter().position(|h| {
                h.trim()
                    .trim_start_matches('\u{feff}')
                    .eq_ignore_ascii_case(want)
            })
        };
        Header {
            id: find(&columns.id),
            text: find(&columns.text),
            path: find(&columns.path),
            title: find(&columns.title),
            company: find(&columns.company),
            location: find(&columns.location),
            name: find(&columns.name),
        }
    }
}

/// A non-empty, trimmed field.
fn field(record: &csv::StringRecord, at: Option<usize>) -> Option<String> {
    at.and_then(|i| record.get(i))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The rows of the CSV file at `path`, read as documents of `kind`; files
/// named in a `path` column are read with `read_file`.
pub(super) fn load(
    path: &Path,
    kind: DocumentKind,
    columns: &Columns,
    paths_outside: bool,
    read_file: &ReadFile<'_>,
) -> Result<Loaded> {
    let name = path.display().to_string();
    let decoded = read_batch_text(path)?;
    let content = decoded.text.as_str();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(content.as_bytes());
    let header_record = reader
        .headers()
        .map_err(|e| {
            Error::input(
                Location::file(&name),
                format!("cannot read the header row: {e}"),
            )
        })?
        .clone();
    let header = Header::new(&header_record, columns);
    let has_source = match kind {
        DocumentKind::Posting => header.text.is_some(),
        DocumentKind::Resume => header.text.is_some() || header.path.is_some(),
    };
    if !has_source {
        let wanted = match kind {
            DocumentKind::Posting => format!("no `{}` column", columns.text),
            DocumentKind::Resume => format!(
                "neither a `{}` nor a `{}` column",
                columns.text, columns.path
            ),
        };
        return Err(Error::input(
            Location::at(&name, 1, 1),
            format!(
                "the header ({}) has {wanted}: name the column that holds the text",
                header_record.iter().collect::<Vec<_>>().join(",")
            ),
        ));
    }
    let base = path.parent().unwrap_or(Path::new(""));
    // Where quoting goes wrong, found once; each record is checked against
    // the next of these offsets as it is read.
    let broken = broken_quotes(content);
    let mut next_broken = 0;
    let mut lines = LineCounter::new(content);
    let mut loaded = Loaded::default();
    loaded.notes.extend(decoded.note(&name));
    let mut seen = std::collections::HashSet::new();
    for i in 0.. {
        let row = i + 2;
        let mut record = csv::StringRecord::new();
        let read = reader.read_record(&mut record);
        let record = match read {
            Ok(true) => record,
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(row, |p| lines.line_of(p));
                let what = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => {
                        let advice = if *len > *expected_len {
                            "quote fields that contain commas"
                        } else {
                            "a field is missing, or a quoted text was closed too early"
                        };
                        format!(
                            "row {row} has {len} fields, the header has {expected_len}: {advice}"
                        )
                    }
                    _ => format!("row {row}: {e}"),
                };
                loaded
                    .skipped
                    .push(Error::input(at_line(&name, line), what));
                continue;
            }
        };
        let line = record.position().map_or(row, |p| lines.line_of(p));
        let location = at_line(&name, line);
        // A quoted field that is not closed where it should be has taken in
        // the lines after it (the rows they held are part of this one):
        // the record cannot be trusted.
        let end = usize::try_from(reader.position().byte()).unwrap_or(usize::MAX);
        if next_broken < broken.len() && broken[next_broken].0 < end {
            let (at, to_the_end) = broken[next_broken];
            while next_broken < broken.len() && broken[next_broken].0 < end {
                next_broken += 1;
            }
            let last = line_at(content, end.min(content.len()).saturating_sub(1));
            let what = if to_the_end {
                format!(
                    "a quoted field opened on line {} is never closed",
                    line_at(content, at)
                )
            } else {
                format!(
                    "a quoted field closes on line {} with text right after the quote",
                    line_at(content, at)
                )
            };
            let taken = if last > line + 1 {
                format!(
                    ": it took in lines {}–{last}, which may have held rows of their own",
                    line + 1
                )
            } else if last == line + 1 {
                format!(": it took in line {last}, which may have held a row of its own")
            } else {
                String::new()
            };
            loaded.skipped.push(Error::input(
                at_line(&name, line),
                format!(
                    "row {row}: {what}{taken}; close the quote, and double any quote inside the text (\"\")"
                ),
            ));
            continue;
        }
        let id = field(&record, header.id).unwrap_or_else(|| format!("row-{row}"));
        if !seen.insert(id.clone()) {
            loaded.skipped.push(Error::input(
                location,
                format!("row {row}: the id `{id}` is used by an earlier row: ids must be unique"),
            ));
            continue;
        }
        let text = match (field(&record, header.text), field(&record, header.path)) {
            (Some(text), _) => text,
            (None, Some(rel)) if kind == DocumentKind::Resume => {
                if !paths_outside && !is_inside(base, &base.join(&rel)) {
                    loaded.skipped.push(Error::input(
                        location,
                        format!(
                            "row {row}: the file in `{}` ({rel}) is outside the CSV's folder: \
                             move it there, or pass --paths-outside-csv to read it",
                            columns.path
                        ),
                    ));
                    continue;
                }
                match read_file(&base.join(&rel)) {
                    Ok((text, note)) => {
                        loaded.notes.extend(note);
                        text
                    }
                    Err(e) => {
                        loaded.skipped.push(Error::input(
                            location,
                            format!(
                                "row {row}: the file in `{}` cannot be used: {e}",
                                columns.path
                            ),
                        ));
                        continue;
                    }
                }
            }
            _ => {
                loaded.skipped.push(Error::input(
                    location,
                    format!("row {row}: the text is empty: nothing to extract"),
                ));
                continue;
            }
        };
        let source = match (kind, field(&record, header.path)) {
            (DocumentKind::Resume, Some(rel)) if field(&record, header.text).is_none() => {
                base.join(rel).display().to_string()
            }
            _ => format!("{name}:row {row}"),
        };
        loaded.documents.push(Document {
            id,
            source,
            text,
            fields: Fields {
                title: field(&record, header.title),
                company: field(&record, header.company),
                location: field(&record, header.location),
                name: field(&record, header.name),
            },
            kind: Some(match kind {
                DocumentKind::Posting => DocumentKind::Posting,
                DocumentKind::Resume => DocumentKind::Resume,
            }),
        });
    }
    Ok(loaded)
}

/// Lines of a CSV text, counted forward: records come in order, so each
/// lookup only scans the bytes since the last one (a 50 MB file is read
/// once, not once per row).
struct LineCounter<'t> {
    bytes: &'t [u8],
    at: usize,
    line: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        LineCounter {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The 1-based line a record at `position` starts on. The reader's own
    /// count is off by one with CRLF line endings, so lines are counted
    /// from the byte offset; with CRLF the reader may place a record at the
    /// "\n" ending the line before, which is skipped.
    fn line_of(&mut self, position: &csv::Position) -> usize {
        let mut target = usize::try_from(position.byte())
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while target < self.bytes.len() && matches!(self.bytes[target], b'\r' | b'\n') {
            target += 1;
        }
        if target < self.at {
            // Never expected (records come in order): count from the start.
            self.at = 0;
            self.line = 1;
        }
        self.line += self.bytes[self.at..target]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.at = target;
        self.line
    }
}

/// Is `path` inside the folder `base`, once links and `..` are resolved?
/// A path that does not resolve (a missing file) is judged by its words:
/// no `..` and not absolute.
fn is_inside(base: &Path, path: &Path) -> bool {
    let base = if base.as_os_str().is_empty() {
        Path::new(".")
    } else {
        base
    };
    match (std::fs::canonicalize(base), std::fs::canonicalize(path)) {
        (Ok(base), Ok(path)) => path.starts_with(base),
        _ => path.strip_prefix(base).is_ok_and(|rest| {
            rest.components()
                .all(|c| matches!(c, std::path::Component::Normal(_)))
        }),
    }
}

/// The 1-based line of byte `at` of `text`.
fn line_at(text: &str, at: usize) -> usize {
    1 + text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Byte offsets in a CSV `text` where a quoted field goes wrong, in order,
/// each with whether the text ended inside the quotes:
/// a closing quote followed by something other than a comma, a line end,
/// another quote or the end (`"unterminated` … `,"Go"` reads as one field
/// closed at the quote before `Go`), or the end of the text inside quotes
/// (the opening quote's offset). The CSV reader accepts both silently, and
/// the rows the field ran over are lost. Linear in the text; read the way
/// the reader reads it, so that the offsets fall in the record they spoil.
fn broken_quotes(text: &str) -> Vec<(usize, bool)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut field_start = true;
    while i < b.len() {
        if field_start && b[i] == b'"' {
            let open = i;
            i += 1;
            loop {
                let Some(q) = b[i..].iter().position(|&c| c == b'"').map(|q| q + i) else {
                    out.push((open, true));
                    return out;
                };
                match b.get(q + 1) {
                    Some(b'"') => i = q + 2,
                    None | Some(b',' | b'\n' | b'\r') => {
                        i = q + 1;
                        break;
                    }
                    Some(_) => {
                        out.push((q, false));
                        i = q + 1;
                        break;
                    }
                }
            }
            field_start = false;
            continue;
        }
        field_start = matches!(b[i], b',' | b'\n') || (b[i] == b'\r' && field_start);
        i += 1;
    }
    out
}

/// A location naming a file line but no column.
fn at_line(file: &str, line: usize) -> Location {
    Location {
        file: file.to_string(),
        line: Some(line),
        column: None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{load as load_any, LoadOptions};
    use crate::document::DocumentKind;

    fn load_csv(body: &str, kind: DocumentKind) -> crate::Result<super::Loaded> {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join("cv.txt"),
            "Jane Doe\nSkills\nGo, Kubernetes\n",
        )
        .expect("write");
        let path = dir.path().join("batch.csv");
        std::fs::write(&path, body).expect("write");
        load_any(&path, kind, &LoadOptions::default())
    }

    #[test]
    fn posting_rows_become_documents_with_their_fields() {
        let body = "id,title,company,location,text\n\
                    p1,SRE,Acme,Berlin,\"Requirements\n- Go\n- Kubernetes\"\n\
                    p2,,,,\"- Java\"\n";
        let loaded = load_csv(body, DocumentKind::Posting).expect("loads");
        assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
        let docs = &loaded.documents;
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id, "p1");
        assert_eq!(docs[0].fields.title.as_deref(), Some("SRE"));
        assert_eq!(docs[0].text, "Requirements\n- Go\n- Kubernetes");
        assert!(
            docs[0].source.ends_with("batch.csv:row 2"),
            "{}",
            docs[0].source
        );
        assert_eq!(docs[1].fields.title, None);
        assert!(
            docs[1].source.ends_with("batch.csv:row 3"),
            "{}",
            docs[1].source
        );
    }

    #[test]
    fn bad_rows_are_skipped_with_row_and_line() {
        // Row 2 spans lines 2-3; row 3 has too many fields; row 4 has no
        // text; row 5 repeats an id; row 6 is good.
        let body = "id,title,text\n\
                    a,A,\"Java\nGo\"\n\
                    b,B,Java,extra\n\
                    c,C,\n\
                    a,A again,Rust\n\
                    d,D,Python\n";
        let loaded = load_csv(body, DocumentKind::Posting).expect("loads");
        let ids: Vec<&str> = loaded.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "d"]);
        let messages: Vec<String> = loaded.skipped.iter().map(|e| e.to_string()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(
            messages[0].contains("batch.csv:4: row 3 has 4 fields, the header has 3"),
            "{}",
            messages[0]
        );
        assert!(
            messages[1].contains("batch.csv:5: row 4: the text is empty"),
            "{}",
            messages[1]
        );
        assert!(
            messages[2].contains("batch.csv:6: row 5: the id `a` is used"),
            "{}",
            messages[2]
        );
    }

    #[test]
    fn crlf_files_report_the_right_line() {
        let body = "id,title,text\r\na,A,Java\r\nb,B\r\nc,C,Go,extra\r\n";
        let loaded = load_csv(body, DocumentKind::Posting).expect("loads");
        let messages: Vec<String> = loaded.skipped.iter().map(|e| e.to_string()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages[0]
                .contains("batch.csv:3: row 3 has 2 fields, the header has 3: a field is missing"),
            "{}",
            messages[0]
        );
        assert!(
            messages[1].contains("batch.csv:4: row 4 has 4 fields, the header has 3: quote fields"),
            "{}",
            messages[1]
        );
    }

    #[test]
    fn broken_quotes_table() {
        let cases: [(&str, &[(usize, bool)]); 7] = [
            ("id,text\n1,\"Go, Rust\"\n", &[]),
            ("id,text\n1,\"say \"\"hi\"\"\"\n", &[]),
            ("id,text\r\n1,\"Go\"\r\n2,Rust\r\n", &[]),
            ("id,text\n1,5\" screen\n", &[]),
            // Never closed: the opening quote, to the end of the text.
            ("id,text\n1,\"Go\n2,Rust\n", &[(10, true)]),
            // Closed early, by the quote that opens the next row's field.
            ("id,text\n1,\"Go\n2,\"Rust\"\n", &[(16, false)]),
            ("id,text\n1,\"Go\"x\n", &[(13, false)]),
        ];
        for (text, want) in cases {
            assert_eq!(
                super::super::csv_rows::broken_quotes(text),
                want,
                "{text:?}"
            );
        }
    }

    #[test]
    fn resume_rows_read_text_or_a_relative_path() {
        let body = "id,name,path\njane,Jane Doe,cv.txt\nmissing,Nobody,nope.txt\n";
        let loaded = load_csv(body, DocumentKind::Resume).expect("loads");
        assert_eq!(loaded.documents.len(), 1);
        assert_eq!(loaded.documents[0].fields.name.as_deref(), Some("Jane Doe"));
        assert!(loaded.documents[0].text.contains("Kubernetes"));
        assert!(loaded.documents[0].source.ends_with("cv.txt"));
        assert_eq!(loaded.skipped.len(), 1);
        assert!(loaded.skipped[0]
            .to_string()
            .contains("row 3: the file in `path`"));
    }

    #[test]
    fn a_header_without_text_is_an_error() {
        let err = load_csv("id,title\na,b\n", DocumentKind::Posting).expect_err("no text column");
        assert!(
            err.to_string()
                .contains("batch.csv:1:1: the header (id,title) has no `text` column"),
            "{err}"
        );
        let err = load_csv("id,name\na,b\n", DocumentKind::Resume).expect_err("no text or path");
        assert!(
            err.to_string()
                .contains("has neither a `text` nor a `path` column"),
            "{err}"
        );
    }
}
