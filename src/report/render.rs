//! The one way a report becomes bytes. A report is a value built from
//! library results ([`super::ScoreReport`], [`super::ExplainReport`], …);
//! it says which [`Format`]s it can be written in, and [`render`] writes it
//! in one of them or refuses with the report's own reason. The binary
//! chooses the format and the destination; it formats nothing itself.

use std::fmt;

/// An output format. Which ones a command offers is up to its report
/// ([`Report::formats`]); the names a user types for them (`score` calls
/// [`Format::Text`] `table`) are the binary's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text for a terminal: aligned columns where the report is a
    /// ranking, quoted lines where it is an explanation.
    Text,
    /// Markdown, for a ticket, a pull request or a wiki.
    Markdown,
    /// One pretty-printed JSON document and a newline; the shapes are a
    /// contract ([`super::json`]).
    Json,
    /// One self-contained HTML page.
    Html,
    /// CSV with a header row (the `rank` columns, [`super::csv`]).
    Csv,
}

impl Format {
    /// The format's usual name: `text`, `markdown`, `json`, `html`, `csv`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Html => "html",
            Format::Csv => "csv",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a report could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The report cannot be written in the format asked for; the message
    /// is the report's [`Report::refusal`], which says what to use instead.
    #[error("{message}")]
    Unsupported {
        /// The format refused.
        format: Format,
        /// Why, and what to use instead.
        message: String,
    },
    /// A JSON document could not be serialized. The contract types hold
    /// only strings, numbers and lists, so this is a bug, not bad input.
    #[error("cannot write the JSON report: {0}")]
    Json(#[from] serde_json::Error),
    /// CSV rows could not be written. Rows are written to memory and all
    /// have the header's length, so this too is a bug.
    #[error("cannot write the CSV report: {0}")]
    Csv(#[from] csv::Error),
}

/// A value that can be written as a report: the formats it supports, and
/// its bytes in each. Implementations turn records into bytes and decide
/// nothing; every number shown comes from the records they hold.
pub trait Report {
    /// The formats this report can be written in, in the order a user is
    /// offered them.
    fn formats(&self) -> &'static [Format];

    /// Why `format`, which is not one of [`Report::formats`], is refused,
    /// in words that say what to use instead.
    fn refusal(&self, format: Format) -> String {
        let names: Vec<&str> = self.formats().iter().map(|f| f.name()).collect();
        format!(
            "this report cannot be written as {format}: use {}",
            names.join(", ")
        )
    }

    /// The report in `format`. [`render`] calls it only with one of
    /// [`Report::formats`]; another format gives
    /// [`RenderError::Unsupported`].
    fn bytes(&self, format: Format) -> Result<Vec<u8>, RenderError>;
}

/// The bytes of `report` in `format`, or [`RenderError::Unsupported`] with
/// the report's reason when it cannot be written that way. The whole report
/// is rendered before anything is written, so an output is never left
/// half-written by a rendering error.
pub fn render(report: &dyn Report, format: Format) -> Result<Vec<u8>, RenderError> {
    if !report.formats().contains(&format) {
        return Err(unsupported(report, format));
    }
    report.bytes(format)
}

/// The error refusing `format` for `report`, for [`Report::bytes`]
/// implementations to return from the formats they do not write.
pub fn unsupported(report: &(impl Report + ?Sized), format: Format) -> RenderError {
    RenderError::Unsupported {
        format,
        message: report.refusal(format),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A report that is only text.
    struct Plain;

    impl Report for Plain {
        fn formats(&self) -> &'static [Format] {
            &[Format::Text, Format::Json]
        }

        fn bytes(&self, format: Format) -> Result<Vec<u8>, RenderError> {
            match format {
                Format::Text => Ok(b"plain\n".to_vec()),
                Format::Json => Ok(b"{}\n".to_vec()),
                other => Err(unsupported(self, other)),
            }
        }
    }

    #[test]
    fn render_writes_the_supported_formats_and_refuses_the_others() {
        let cases = [
            (Format::Text, Ok("plain\n")),
            (Format::Json, Ok("{}\n")),
            (
                Format::Csv,
                Err("this report cannot be written as csv: use text, json"),
            ),
            (
                Format::Html,
                Err("this report cannot be written as html: use text, json"),
            ),
        ];
        for (format, expected) in cases {
            let got = render(&Plain, format)
                .map(|b| String::from_utf8(b).unwrap_or_default())
                .map_err(|e| e.to_string());
            assert_eq!(
                got,
                expected.map(str::to_string).map_err(str::to_string),
                "{format}"
            );
        }
    }

    #[test]
    fn format_names_are_the_usual_ones() {
        let cases = [
            (Format::Text, "text"),
            (Format::Markdown, "markdown"),
            (Format::Json, "json"),
            (Format::Html, "html"),
            (Format::Csv, "csv"),
        ];
        for (format, name) in cases {
            assert_eq!(format.name(), name);
            assert_eq!(format.to_string(), name);
        }
    }
}
