//! The library's one error type.
//!
//! Every error that comes from user input carries a [`Location`]: the file,
//! and where known the line and column (for TOML and text) or the row (for
//! CSV). The binary prints errors as `file:line:col: message` and exits 2.

use std::fmt;
use std::path::PathBuf;

/// Where in the user's input something happened.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Location {
    /// Display name of the file (a path, or `<embedded>/name.toml` for the built-in taxonomy).
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column in characters, when known.
    pub column: Option<usize>,
}

impl Location {
    /// A location naming only a file.
    pub fn file(file: impl Into<String>) -> Self {
        Location {
            file: file.into(),
            line: None,
            column: None,
        }
    }

    /// A location at `line:column` (both 1-based) of `file`.
    pub fn at(file: impl Into<String>, line: usize, column: usize) -> Self {
        Location {
            file: file.into(),
            line: Some(line),
            column: Some(column),
        }
    }

    /// Where a file's bytes stop being UTF-8: the line the first invalid
    /// byte is on, column 1.
    pub fn of_invalid_utf8(file: impl Into<String>, error: &std::string::FromUtf8Error) -> Self {
        let valid = error.utf8_error().valid_up_to();
        let line = error.as_bytes()[..valid]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Location::at(file, line, 1)
    }

    /// The location of byte `offset` in `text`, which is the content of `file`.
    pub fn of_offset(file: impl Into<String>, text: &str, offset: usize) -> Self {
        let (line, column) = line_column(text, offset);
        Location::at(file, line, column)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
///
/// Offsets past the end, or inside a character, are clamped to the nearest
/// character boundary before it.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

/// Errors of the skillmatch library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{}: {cause}", path.display())]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// What the operating system said (part of the message, so it is not
        /// repeated as a separate cause).
        cause: std::io::Error,
    },
    /// A taxonomy file is malformed or inconsistent (bad TOML, duplicate id,
    /// unknown parent, cycle, ...).
    #[error("{location}: {message}")]
    Taxonomy {
        /// Where the problem is.
        location: Location,
        /// What is wrong and what to do about it.
        message: String,
    },
    /// A posting or résumé could not be read as the expected format.
    #[error("{location}: {message}")]
    Input {
        /// Where the problem is.
        location: Location,
        /// What is wrong and what to do about it.
        message: String,
    },
}

impl Error {
    /// A taxonomy error at `location`.
    pub fn taxonomy(location: Location, message: impl Into<String>) -> Self {
        Error::Taxonomy {
            location,
            message: message.into(),
        }
    }

    /// An input error at `location`.
    pub fn input(location: Location, message: impl Into<String>) -> Self {
        Error::Input {
            location,
            message: message.into(),
        }
    }

    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            cause: source,
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_lines_and_characters() {
        let cases = [
            ("abc", 0, (1, 1)),
            ("abc", 2, (1, 3)),
            ("a\nbc", 2, (2, 1)),
            ("a\nbc", 3, (2, 2)),
            ("é\né x", 5, (2, 2)),
            ("ab", 99, (1, 3)),
        ];
        for (text, offset, expected) in cases {
            assert_eq!(line_column(text, offset), expected, "{text:?} @ {offset}");
        }
    }

    #[test]
    fn location_displays_as_file_line_column() {
        assert_eq!(Location::at("a.toml", 3, 7).to_string(), "a.toml:3:7");
        assert_eq!(Location::file("a.toml").to_string(), "a.toml");
    }
}
