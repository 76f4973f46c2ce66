//! Reading one text file: size limit, UTF-8 check, byte-order mark.

use std::path::Path;

use crate::error::line_column;
use crate::{Error, Location, Result};

/// Input files larger than this are refused: postings and résumés are
/// small, and a mistaken argument (a disk image, a log) should fail fast.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a text file as UTF-8, naming the file (and the line of the first
/// bad byte) on error. Empty and whitespace-only files are errors: there is
/// nothing to extract. A byte-order mark becomes three spaces, so offsets
/// stay offsets into the file as read and no line starts with an invisible
/// character.
pub fn read_text(path: &Path) -> Result<String> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    let name = path.display().to_string();
    if meta.len() > MAX_INPUT_BYTES {
        return Err(Error::input(
            Location::file(name),
            format!(
                "file is {} bytes, over the {MAX_INPUT_BYTES} byte limit for one posting or résumé",
                meta.len()
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    decode(&name, bytes)
}

/// The text of `bytes` read from the file `name` (see [`read_text`]).
pub(crate) fn decode(name: &str, bytes: Vec<u8>) -> Result<String> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let (line, column) = line_column(&String::from_utf8_lossy(&e.as_bytes()[..valid]), valid);
        Error::input(
            Location::at(name, line, column),
            "not valid UTF-8 text: save the file as UTF-8",
        )
    })?;
    if text.trim().is_empty() {
        return Err(Error::input(
            Location::file(name),
            "the file is empty: nothing to extract",
        ));
    }
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => format!("   {rest}"),
        None => text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_checks_and_names_the_place() {
        let cases: [(&[u8], Result<&str, &str>); 5] = [
            (b"Java\n", Ok("Java\n")),
            (b"\xef\xbb\xbfJava", Ok("   Java")),
            (b" \n\t", Err("f.txt: the file is empty")),
            (b"ok\nab\xff", Err("f.txt:2:3: not valid UTF-8")),
            (b"", Err("f.txt: the file is empty")),
        ];
        for (bytes, expected) in cases {
            let got = decode("f.txt", bytes.to_vec()).map_err(|e| e.to_string());
            match (got, expected) {
                (Ok(text), Ok(want)) => assert_eq!(text, want),
                (Err(msg), Err(want)) => assert!(msg.starts_with(want), "{msg}"),
                (got, want) => panic!("{bytes:?}: {got:?}, expected {want:?}"),
            }
        }
    }
}
