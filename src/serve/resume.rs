//! Reading an uploaded résumé: a named upload as the command line reads
//! a file of that name (its extension, else its content: a PDF named
//! `.txt` is a PDF), an unnamed one by its `Content-Type`, else its
//! content. The bytes go
//! through the same reader as a file, so an empty, damaged or binary
//! upload gets the message `skillmatch score` would print for that file.

use axum::http::StatusCode;

use crate::document::{Document, DocumentKind};
use crate::extract::resume::{Candidate, ResumeOptions};
use crate::extract::{self, Matcher};
use crate::input::{self, Format};

use super::catalog::Catalog;
use super::problem::Problem;

/// The largest upload read: 10 MiB. A résumé is rarely over 1 MB, even
/// as a PDF with a photo.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;

/// The name an upload is known by when it comes without one.
pub const UNNAMED: &str = "resume";

/// The format a `Content-Type` names (its parameters ignored): `Ok(None)`
/// for none or a generic one, which leaves it to the content; an error
/// for a type no résumé comes in.
pub fn format_of_content_type(content_type: Option<&str>) -> Result<Option<Format>, Problem> {
    let Some(full) = content_type else {
        return Ok(None);
    };
    let essence = full
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    Ok(match essence.as_str() {
        "" | "application/octet-stream" | "application/x-www-form-urlencoded" => None,
        "text/plain" | "text/markdown" | "text/x-markdown" => Some(Format::Text),
        "application/pdf" => Some(Format::Pdf),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
            Some(Format::Docx)
        }
        "text/html" | "application/xhtml+xml" => Some(Format::Html),
        "application/json" => Some(Format::Json),
        other => {
            return Err(Problem::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!(
                    "Content-Type {other} is not a résumé format: send text, Markdown, PDF, DOCX, HTML or a JSON Resume (or name the file with ?filename=)"
                ),
            ))
        }
    })
}

/// Reads the résumé in `bytes`, named `filename` when the client named
/// it, of `content_type` when it said: the document and its candidate,
/// extracted with the catalog's matcher.
pub fn read_resume(
    catalog: &Catalog<'_>,
    filename: Option<&str>,
    content_type: Option<&str>,
    bytes: Vec<u8>,
) -> Result<(Candidate, Document), Problem> {
    read_resume_with(
        catalog.matcher(),
        &catalog.resume_options(),
        filename,
        content_type,
        bytes,
    )
}

/// [`read_resume`] with any matcher and options (the Python package reads
/// résumés this way too).
pub fn read_resume_with(
    matcher: &Matcher<'_>,
    options: &ResumeOptions,
    filename: Option<&str>,
    content_type: Option<&str>,
    bytes: Vec<u8>,
) -> Result<(Candidate, Document), Problem> {
    // Only the last part of a path a browser might send is kept.
    let name = filename
        .map(|f| f.rsplit(['/', '\\']).next().unwrap_or(f).trim())
        .filter(|f| !f.is_empty())
        .unwrap_or(UNNAMED)
        .to_string();
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(too_large(&name, bytes.len()));
    }
    // A file name decides as on the command line (its extension, else
    // the content); only an unnamed upload is read by its Content-Type.
    let by_name = if filename.is_some() {
        Format::of_extension(std::path::Path::new(&name))
    } else {
        format_of_content_type(content_type)?
    };
    let format = Format::of_named_bytes(by_name, &bytes);
    let id = std::path::Path::new(&name)
        .with_extension("")
        .to_string_lossy()
        .into_owned();
    let mut loaded = input::read_document(&name, &id, bytes, format, DocumentKind::Resume)
        .map_err(|e| Problem::unreadable(e.to_string()))?;
    if loaded.documents.len() > 1 {
        return Err(Problem::unreadable(format!(
            "{name}: holds {} résumés; upload one résumé, or rank them all with `skillmatch rank --candidates {name}`",
            loaded.documents.len()
        )));
    }
    let Some(document) = loaded.documents.pop() else {
        return Err(Problem::unreadable(match loaded.skipped.first() {
            Some(e) => e.to_string(),
            None => format!("{name}: no résumé could be read"),
        }));
    };
    let candidate = extract::candidate_of(matcher, &document, options);
    Ok((candidate, document))
}

/// 413 for an upload of `len` bytes named `name`.
pub fn too_large(name: &str, len: usize) -> Problem {
    Problem::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        format!(
            "{name}: file is {len} bytes, over the {MAX_UPLOAD_BYTES} byte limit for an upload"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_name_formats_or_leave_it_to_the_content() {
        let cases = [
            (None, Some(None)),
            (Some("application/octet-stream"), Some(None)),
            (Some("text/plain; charset=utf-8"), Some(Some(Format::Text))),
            (Some("Text/Markdown"), Some(Some(Format::Text))),
            (Some("application/pdf"), Some(Some(Format::Pdf))),
            (
                Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                Some(Some(Format::Docx)),
            ),
            (Some("text/html"), Some(Some(Format::Html))),
            (Some("application/json"), Some(Some(Format::Json))),
            (Some("image/png"), None),
            (Some("application/zip"), None),
        ];
        for (given, expected) in cases {
            let got = format_of_content_type(given);
            match expected {
                Some(format) => assert_eq!(got, Ok(format), "{given:?}"),
                None => {
                    let problem = got.expect_err("refused");
                    assert_eq!(problem.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
                    assert!(problem.message.contains("résumé format"), "{given:?}");
                }
            }
        }
    }
}
