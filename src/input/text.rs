//! Reading one text file: size limit, binary check, encodings.
//!
//! UTF-8 is the norm; a UTF-8 byte-order mark becomes three spaces so byte
//! offsets stay offsets into the file as read. UTF-16 with a byte-order
//! mark (what some Windows editors save) is decoded. Text that is not
//! valid UTF-8 is one of two things. A UTF-8 file with a few damaged bytes
//! (more valid multi-byte characters than invalid sequences) keeps its
//! characters, and only the invalid sequences become U+FFFD: decoding it
//! all as Windows-1252 would turn "5–7 years" into mojibake and lose every
//! accented name. Anything else is a legacy file, read as Windows-1252, the
//! superset of Latin-1 that Western résumés come in. Both are read with a
//! note saying so (exit 0); for these and UTF-16 the offsets in reports
//! refer to the decoded text. A NUL byte without a UTF-16 mark means a
//! binary file: an error, not garbage.
//!
//! Only regular files are read: a FIFO waits forever for a writer, and a
//! device such as `/dev/zero` never ends, so both are refused before
//! opening; and a file is never read past its size limit, even if it grows
//! while being read.

use std::path::Path;

use crate::{Error, Location, Result};

/// Input files larger than this are refused: postings and résumés are
/// small, and a mistaken argument (a disk image, a log) should fail fast.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Batch files (CSV, JSON Lines) larger than this are refused: a batch is
/// read whole, and 100,000 postings take about 200 MB.
pub const MAX_BATCH_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// Bytes looked at for a NUL when deciding that a file is binary.
pub const BINARY_SNIFF_BYTES: usize = 8192;

/// How a text was decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little-endian, with a byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, with a byte-order mark.
    Utf16Be,
    /// Not UTF-8: read as Windows-1252 (Latin-1).
    Windows1252,
    /// UTF-8 with invalid sequences, each read as U+FFFD.
    Utf8Repaired {
        /// How many invalid sequences there were.
        invalid: usize,
        /// Byte offset of the first one in the file.
        first_at: usize,
    },
}

/// A decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// How it was decoded.
    pub encoding: Encoding,
}

impl Decoded {
    /// A warning to show the user, when the file was not UTF-8.
    pub fn note(&self, name: &str) -> Option<String> {
        match self.encoding {
            Encoding::Utf8 | Encoding::Utf16Le | Encoding::Utf16Be => None,
            Encoding::Windows1252 => Some(format!(
                "{name}: not UTF-8; read as Windows-1252 (Latin-1), so offsets refer to the decoded text: save the file as UTF-8 to be sure of its characters"
            )),
            Encoding::Utf8Repaired { invalid, first_at } => Some(format!(
                "{name}: {invalid} invalid UTF-8 sequence{} (the first at byte {first_at}) read as U+FFFD, the rest as UTF-8; offsets after it refer to the decoded text: save the file as UTF-8 to keep every character",
                if invalid == 1 { "" } else { "s" }
            )),
        }
    }
}

/// Reads the bytes of one posting or résumé, refusing files over
/// [`MAX_INPUT_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    read_limited(path, MAX_INPUT_BYTES, "one posting or résumé")
}

/// Reads a regular file of at most `limit` bytes.
fn read_limited(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        let kind = if meta.is_dir() {
            "a directory"
        } else {
            "not a regular file (a pipe, socket or device)"
        };
        return Err(Error::input(
            Location::file(path.display().to_string()),
            format!("{kind}: give a file, or a directory of files where a batch is expected"),
        ));
    }
    let too_big = |len: u64| {
        Error::input(
            Location::file(path.display().to_string()),
            format!("file is {len} bytes, over the {limit} byte limit for {what}"),
        )
    };
    if meta.len() > limit {
        return Err(too_big(meta.len()));
    }
    // Read at most one byte past the limit: a file that grew since it was
    // measured is still refused, never read without end.
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads a batch file (CSV, JSON Lines) as text, refusing files over
/// [`MAX_BATCH_BYTES`].
pub fn read_batch_text(path: &Path) -> Result<Decoded> {
    let bytes = read_limited(path, MAX_BATCH_BYTES, "a batch file")?;
    decode(&path.display().to_string(), bytes)
}

/// Reads a text file (see the module documentation), naming the file on
/// error. Empty and whitespace-only files are errors: there is nothing to
/// extract.
pub fn read_text(path: &Path) -> Result<Decoded> {
    let bytes = read_bytes(path)?;
    decode(&path.display().to_string(), bytes)
}

/// The text of `bytes` read from the file `name` (see [`read_text`]).
pub(crate) fn decode(name: &str, bytes: Vec<u8>) -> Result<Decoded> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        (utf16(name, rest, u16::from_le_bytes)?, Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        (utf16(name, rest, u16::from_be_bytes)?, Encoding::Utf16Be)
    } else {
        if let Some(at) = bytes.iter().take(BINARY_SNIFF_BYTES).position(|&b| b == 0) {
            return Err(Error::input(
                Location::file(name),
                format!(
                    "a binary file, not text (a NUL byte at offset {at}): give the posting or résumé as .txt, .md, .pdf, .docx, .html, .json or .csv"
                ),
            ));
        }
        match String::from_utf8(bytes) {
            Ok(text) => (text, Encoding::Utf8),
            Err(e) => {
                let bytes = e.into_bytes();
                let census = utf8_census(&bytes);
                if census.valid_multibyte > census.invalid {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    let encoding = Encoding::Utf8Repaired {
                        invalid: census.invalid,
                        first_at: census.first_invalid,
                    };
                    (text, encoding)
                } else {
                    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
                    (text.into_owned(), Encoding::Windows1252)
                }
            }
        }
    };
    if text.trim().is_empty() {
        return Err(Error::input(
            Location::file(name),
            "the file is empty: nothing to extract",
        ));
    }
    let text = match text.strip_prefix('\u{feff}') {
        // UTF-8: three spaces keep offsets into the file; UTF-16 offsets
        // are into the decoded text, where the mark is simply dropped.
        Some(rest) if encoding == Encoding::Utf8 => format!("   {rest}"),
        Some(rest) => rest.to_string(),
        None => text,
    };
    Ok(Decoded { text, encoding })
}

/// What a walk over bytes that are not all valid UTF-8 finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Utf8Census {
    /// Valid characters of two to four bytes.
    valid_multibyte: usize,
    /// Invalid sequences (as `from_utf8_lossy` replaces them).
    invalid: usize,
    /// Offset of the first invalid sequence.
    first_invalid: usize,
}

/// Counts valid multi-byte characters and invalid sequences in `bytes`.
fn utf8_census(bytes: &[u8]) -> Utf8Census {
    let mut census = Utf8Census {
        valid_multibyte: 0,
        invalid: 0,
        first_invalid: 0,
    };
    let mut at = 0;
    for chunk in bytes.utf8_chunks() {
        census.valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            if census.invalid == 0 {
                census.first_invalid = at;
            }
            census.invalid += 1;
            at += chunk.invalid().len();
        }
    }
    census
}

/// Decodes UTF-16 code units (after the byte-order mark).
fn utf16(name: &str, bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String> {
    if !bytes.len().is_multiple_of(2) {
        return Err(Error::input(
            Location::file(name),
            "UTF-16 text with an odd number of bytes: the file is cut short; save it again as UTF-8",
        ));
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .enumerate()
        .map(|(i, c)| {
            c.map_err(|_| {
                Error::input(
                    Location::file(name),
                    format!(
                        "invalid UTF-16 at byte {}: save the file as UTF-8",
                        2 + 2 * i
                    ),
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_checks_and_names_the_place() {
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Go, SQL".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Größe".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        type Expected<'a> = Result<(&'a str, Encoding), &'a str>;
        let cases: Vec<(&str, Vec<u8>, Expected<'_>)> = vec![
            ("utf-8", b"Java\n".to_vec(), Ok(("Java\n", Encoding::Utf8))),
            (
                "utf-8 bom",
                b"\xef\xbb\xbfJava".to_vec(),
                Ok(("   Java", Encoding::Utf8)),
            ),
            ("utf-16le", utf16le, Ok(("Go, SQL", Encoding::Utf16Le))),
            ("utf-16be", utf16be, Ok(("Größe", Encoding::Utf16Be))),
            (
                "latin-1",
                b"Jos\xe9 M\xfcller \x96 C\x23".to_vec(),
                Ok(("José Müller – C#", Encoding::Windows1252)),
            ),
            (
                "utf-8 with one bad byte keeps its characters",
                b"5\xe2\x80\x937 years, Jos\xc3\xa9 M\xc3\xbcller \xff.".to_vec(),
                Ok((
                    "5–7 years, José Müller \u{fffd}.",
                    Encoding::Utf8Repaired {
                        invalid: 1,
                        first_at: 27,
                    },
                )),
            ),
            (
                "more bad bytes than good characters is a legacy file",
                b"Jos\xe9 M\xfcller \xe2\x80\x93".to_vec(),
                Ok(("José Müller â€“", Encoding::Windows1252)),
            ),
            ("blank", b" \n\t".to_vec(), Err("f.txt: the file is empty")),
            ("empty", b"".to_vec(), Err("f.txt: the file is empty")),
            (
                "binary",
                b"\x7fELF\x02\x01\x00\x00".to_vec(),
                Err("f.txt: a binary file, not text (a NUL byte at offset 6)"),
            ),
            (
                "odd utf-16",
                vec![0xFF, 0xFE, 0x41],
                Err("f.txt: UTF-16 text with an odd number of bytes"),
            ),
            (
                "lone surrogate",
                vec![0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8],
                Err("f.txt: invalid UTF-16 at byte 4"),
            ),
        ];
        for (what, bytes, expected) in cases {
            let got = decode("f.txt", bytes).map_err(|e| e.to_string());
            match (got, expected) {
                (Ok(d), Ok((text, encoding))) => {
                    assert_eq!((d.text.as_str(), d.encoding), (text, encoding), "{what}");
                }
                (Err(msg), Err(want)) => assert!(msg.starts_with(want), "{what}: {msg}"),
                (got, want) => panic!("{what}: {got:?}, expected {want:?}"),
            }
        }
    }

    #[test]
    fn only_a_fallback_decoding_gets_a_note() {
        let latin = decode("cv.txt", b"Jos\xe9".to_vec()).expect("decodes");
        assert!(latin
            .note("cv.txt")
            .is_some_and(|n| n.starts_with("cv.txt: not UTF-8")));
        let utf8 = decode("cv.txt", b"Jose".to_vec()).expect("decodes");
        assert_eq!(utf8.note("cv.txt"), None);
        let repaired =
            decode("cv.txt", b"Jos\xc3\xa9 M\xc3\xbcller \xff".to_vec()).expect("decodes");
        assert_eq!(
            repaired.note("cv.txt").as_deref(),
            Some(
                "cv.txt: 1 invalid UTF-8 sequence (the first at byte 14) read as U+FFFD, \
                 the rest as UTF-8; offsets after it refer to the decoded text: save the \
                 file as UTF-8 to keep every character"
            )
        );
    }
}
