//! PDF résumés: the text layer, as lines the résumé parser can read.
//!
//! A PDF holds positioned glyphs, not lines. `pdf-extract` walks each
//! page's content stream in the order the producer wrote it and starts a
//! new line when the baseline moves down by more than about one and a half
//! font sizes (or moves left and down); a move to the right on the same
//! baseline becomes a space. Text therefore comes out in content-stream
//! order, which for most producers is reading order, column by column; a
//! producer that writes two columns line by line gives lines that mix both
//! columns.
//!
//! A file built to crash the reader (nesting thousands deep, a drawing
//! that draws itself, a compression bomb) is refused before the reader
//! follows it ([`limits`]), and the reader runs on a thread of its own
//! with a large stack: one bad PDF is that file's error, never the end of
//! a batch.
//!
//! Two things are not text layers and are said so plainly: a file the
//! reader cannot parse (it may also panic on malformed input, so the call
//! runs under [`std::panic::catch_unwind`]), and a PDF whose pages carry
//! only images, a scan, where OCR is the way forward.
//!
//! The extracted text is tidied lightly and deterministically ([`tidy`]):
//! the same file always gives the same text, and evidence offsets are byte
//! offsets into that tidied text.
//!
//! Caught panics still reach the process's panic hook, which by default
//! prints a "thread … panicked" line on stderr before the error is
//! returned. The hook is process-wide; swapping it around each call would
//! race with other threads (résumés are read in parallel), so it is left
//! alone here.

use std::panic::{catch_unwind, AssertUnwindSafe};

mod limits;

use super::MAX_INPUT_BYTES;
use crate::{Error, Location, Result};

/// Most blank lines kept in a row: page breaks and spacing survive as
/// paragraph breaks without pages of emptiness.
pub const MAX_BLANK_LINES: usize = 2;

/// How far into a file the `%PDF-` header may start (readers accept
/// leading junk up to this many bytes, as the PDF specification allows).
const HEADER_SEARCH_BYTES: usize = 1024;

/// What to do when a PDF cannot be read at all.
const UNREADABLE_ADVICE: &str =
    "save it again as PDF (Print → Save as PDF) or export the text as .txt";

/// What to do when a PDF has pages but no usable text on them.
const NO_TEXT_ADVICE: &str = "if it is a scanned image, run it through OCR \
     (ocrmypdf, or your scanner's text recognition), or give the text as .txt";

/// What to do with an encrypted PDF whose text cannot be read.
const ENCRYPTED_ADVICE: &str = "remove the protection (open it with its password \
     and save it again as PDF) or export the text as .txt";

/// Stack for the thread the PDF library runs on. The library recurses
/// through nested objects and drawings; [`limits`] bounds how deep, and a
/// generous stack (reserved, touched only as used) leaves room to spare
/// whatever thread pool the caller runs on.
const READER_STACK_BYTES: usize = 64 << 20;

/// How reading a PDF can end.
enum Outcome {
    /// The text layer, as the library writes it.
    Text(String),
    /// The library's own error.
    Library(pdf_extract::OutputError),
    /// Refused by [`limits`] before the text was read.
    Refused(limits::Refusal),
    /// The library panicked; its message.
    Panicked(String),
}

/// Loads the PDF `bytes` (decrypting with the empty password when it is
/// encrypted), checks what the text reader would unpack and follow
/// ([`limits::check_document`]), and reads its text: all on a thread of
/// its own with a large stack, with the library's panics caught.
fn run_reader(bytes: &[u8]) -> Outcome {
    let read =
        || -> Result<std::result::Result<String, limits::Refusal>, pdf_extract::OutputError> {
            let mut doc = pdf_extract::Document::load_mem(bytes)?;
            if doc.is_encrypted() {
                doc.decrypt("")?;
            }
            if let Err(refusal) = limits::check_document(&doc, limits::Limits::DEFAULT) {
                return Ok(Err(refusal));
            }
            let mut text = String::new();
            pdf_extract::output_doc(&doc, &mut pdf_extract::PlainTextOutput::new(&mut text))?;
            Ok(Ok(text))
        };
    std::thread::scope(|scope| {
        let reader = std::thread::Builder::new()
            .name("pdf reader".to_string())
            .stack_size(READER_STACK_BYTES)
            .spawn_scoped(scope, || {
                let _guard = ReaderGuard::enter();
                catch_unwind(AssertUnwindSafe(read))
            });
        let outcome = match reader {
            Ok(handle) => handle.join().unwrap_or_else(Err),
            Err(e) => return Outcome::Panicked(format!("could not start its thread: {e}")),
        };
        match outcome {
            Ok(Ok(Ok(text))) => Outcome::Text(text),
            Ok(Ok(Err(refusal))) => Outcome::Refused(refusal),
            Ok(Err(e)) => Outcome::Library(e),
            Err(payload) => Outcome::Panicked(
                payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown failure".to_string()),
            ),
        }
    })
}

/// Does the file declare encryption (an `/Encrypt` entry in its trailer)?
fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.windows(8).any(|w| w == b"/Encrypt")
}

/// The text layer of the PDF `bytes`, read from the file `name`, tidied
/// into lines ([`tidy`]).
///
/// Errors (at [`Location::file`]`(name)`): a file over
/// [`MAX_INPUT_BYTES`]; a file without a PDF header; a file the PDF reader
/// rejects (damaged, or password-protected) or panics on; a PDF without
/// text, a scan with no text layer; a PDF whose text has no letters at all.
pub(crate) fn pdf_text(name: &str, bytes: &[u8]) -> Result<String> {
    let fail = |message: String| Err(Error::input(Location::file(name), message));
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return fail(format!(
            "file is {} bytes, over the {MAX_INPUT_BYTES} byte limit for one résumé",
            bytes.len()
        ));
    }
    let head = &bytes[..bytes.len().min(HEADER_SEARCH_BYTES + 5)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return fail(
            "not a PDF file (there is no %PDF header): check that this is the résumé \
             you meant, or give its text as .txt"
                .to_string(),
        );
    }
    if let Err(refusal) = limits::check(bytes) {
        return fail(format!("cannot read this PDF: {refusal}"));
    }
    let raw = match run_reader(bytes) {
        Outcome::Text(text) => text,
        Outcome::Refused(refusal) => return fail(format!("cannot read this PDF: {refusal}")),
        Outcome::Library(e) => {
            let why = e.to_string();
            return fail(if why.to_lowercase().contains("crypt") {
                format!(
                    "this PDF is password-protected ({why}): remove the protection \
                     (open it and save it again as PDF) or export the text as .txt"
                )
            } else {
                format!("cannot read this PDF ({why}): {UNREADABLE_ADVICE}")
            });
        }
        Outcome::Panicked(why) => {
            return fail(format!(
                "cannot read this PDF (the PDF reader failed: {why}): {UNREADABLE_ADVICE}"
            ));
        }
    };
    let text = tidy(&raw);
    if text.is_empty() && is_encrypted(bytes) {
        return fail(format!(
            "this PDF is encrypted and gives no text with an empty password: {ENCRYPTED_ADVICE}"
        ));
    }
    if text.is_empty() {
        return fail(format!("this PDF has no text layer: {NO_TEXT_ADVICE}"));
    }
    // Symbols without a single letter (a page number, bullets, glyphs whose
    // font maps to nothing readable) give a résumé parser nothing to use.
    if !text.chars().any(char::is_alphabetic) {
        return fail(format!(
            "this PDF's text has no letters, only symbols or digits: {NO_TEXT_ADVICE}"
        ));
    }
    Ok(text)
}

/// Lines out of extracted text: form feeds, `\r\n` and lone `\r` become
/// line breaks; trailing whitespace is cut from every line; blank lines at
/// the start are dropped and runs of more than [`MAX_BLANK_LINES`] blank
/// lines shortened to that many; the text ends with one `\n` (or is empty).
///
/// Shared with the DOCX reader, which has the same needs.
pub(super) fn tidy(raw: &str) -> String {
    let unified = raw.replace("\r\n", "\n").replace(['\r', '\u{000C}'], "\n");
    let mut out = String::with_capacity(unified.len());
    let mut blank_run = 0;
    let mut started = false;
    for line in unified.split('\n') {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if started {
            for _ in 0..blank_run.min(MAX_BLANK_LINES) {
                out.push('\n');
            }
        }
        blank_run = 0;
        started = true;
        out.push_str(line);
        out.push('\n');
    }
    out
}

thread_local! {
    /// Set while this thread runs a third-party reader whose panics are
    /// caught and reported as errors.
    static IN_GUARDED_READER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Marks the current thread as inside a guarded reader until dropped.
struct ReaderGuard;

impl ReaderGuard {
    fn enter() -> ReaderGuard {
        IN_GUARDED_READER.with(|f| f.set(true));
        ReaderGuard
    }
}

impl Drop for ReaderGuard {
    fn drop(&mut self) {
        IN_GUARDED_READER.with(|f| f.set(false));
    }
}

/// Is the current thread inside a reader whose panics are caught (the PDF
/// library)? A binary's panic hook uses it to stay quiet about panics that
/// become ordinary errors: see [`crate::input::install_quiet_reader_panics`].
pub(crate) fn in_guarded_reader() -> bool {
    IN_GUARDED_READER.with(|f| f.get())
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream};

    /// Text operators writing `lines` top-down, 18 points apart, in 12 pt
    /// Helvetica.
    fn text_operations(lines: &[&str]) -> Vec<Operation> {
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 12.into()]),
            Operation::new("Td", vec![72.into(), 760.into()]),
        ];
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                ops.push(Operation::new("Td", vec![0.into(), (-18).into()]));
            }
            ops.push(Operation::new("Tj", vec![Object::string_literal(*line)]));
        }
        ops.push(Operation::new("ET", vec![]));
        ops
    }

    /// A one-page PDF (A4) whose content stream is `operations`. Without a
    /// media box the page is malformed.
    fn pdf(operations: Vec<Operation>, media_box: bool) -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let font_id = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => "Helvetica",
        });
        let resources_id = doc.add_object(dictionary! {
            "Font" => dictionary! { "F1" => font_id },
        });
        let content = Content { operations }.encode().expect("content encodes");
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        });
        let mut pages = dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
            "Resources" => resources_id,
        };
        if media_box {
            pages.set("MediaBox", vec![0.into(), 0.into(), 595.into(), 842.into()]);
        }
        doc.objects.insert(pages_id, Object::Dictionary(pages));
        let catalog_id = doc.add_object(dictionary! {
            "Type" => "Catalog",
            "Pages" => pages_id,
        });
        doc.trailer.set("Root", catalog_id);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).expect("PDF saves");
        bytes
    }

    /// The lines of a short résumé, as written to the test PDF.
    const RESUME_LINES: &[&str] = &[
        "Mira Okafor",
        "Experience",
        "Platform Engineer, Lumen Freight",
        "Mar 2020 - Present",
        "Ran Kubernetes clusters on AWS.",
        "Education",
        "BSc Computer Science, 2016",
    ];

    #[test]
    fn the_text_layer_comes_out_as_lines() {
        let bytes = pdf(text_operations(RESUME_LINES), true);
        let text = pdf_text("cv.pdf", &bytes).expect("readable PDF");
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines, RESUME_LINES, "{text:?}");
        assert_eq!(text, tidy(&text), "already tidy");
    }

    #[test]
    fn unreadable_pdfs_are_errors_with_advice() {
        let good = pdf(text_operations(RESUME_LINES), true);
        // A fixed pseudo-random sequence, so the test is reproducible.
        let mut state: u32 = 0x2545_f491;
        let noise: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                state.to_le_bytes()[0]
            })
            .collect();
        let no_text = pdf(
            vec![
                Operation::new("q", vec![]),
                Operation::new("re", vec![72.into(), 72.into(), 200.into(), 100.into()]),
                Operation::new("f", vec![]),
                Operation::new("Q", vec![]),
            ],
            true,
        );
        let cases: [(&str, Vec<u8>, &str); 8] = [
            ("random bytes", noise, "not a PDF file"),
            ("empty file", Vec::new(), "not a PDF file"),
            (
                "header only",
                b"%PDF-1.7\n%%EOF\n".to_vec(),
                "cannot read this PDF",
            ),
            (
                "truncated",
                good[..good.len() / 3].to_vec(),
                "cannot read this PDF",
            ),
            (
                "reader panics (page without a media box)",
                pdf(text_operations(RESUME_LINES), false),
                "the PDF reader failed",
            ),
            ("drawing only", no_text, "no text layer"),
            (
                "blank page",
                pdf(text_operations(&[]), true),
                "no text layer",
            ),
            (
                "page numbers only",
                pdf(text_operations(&["1", "- 2 -"]), true),
                "has no letters",
            ),
        ];
        for (name, bytes, expected) in cases {
            let err = pdf_text("scan.pdf", &bytes).expect_err(name);
            let message = err.to_string();
            assert!(message.starts_with("scan.pdf: "), "{name}: {message}");
            assert!(message.contains(expected), "{name}: {message}");
            let advice = match expected {
                "no text layer" | "has no letters" => "run it through OCR",
                "not a PDF file" => "give its text as .txt",
                _ => "save it again as PDF",
            };
            assert!(message.contains(advice), "{name}: {message}");
        }
    }

    #[test]
    fn tidy_makes_plain_lines() {
        let cases = [
            ("empty", "", ""),
            ("only blanks", " \n\t\n\u{000C}", ""),
            ("leading blanks dropped", "\n\n  \nJane\n", "Jane\n"),
            ("trailing spaces cut", "Jane  \nDoe\t\n", "Jane\nDoe\n"),
            (
                "form feed is a break",
                "page one\u{000C}page two",
                "page one\npage two\n",
            ),
            ("crlf and cr", "a\r\nb\rc", "a\nb\nc\n"),
            ("two blank lines kept", "a\n\n\nb", "a\n\n\nb\n"),
            (
                "more blank lines shortened",
                "a\n\n \n\n\n\nb\n\n\n",
                "a\n\n\nb\n",
            ),
            ("indentation kept", "  - Go\n", "  - Go\n"),
        ];
        for (name, raw, expected) in cases {
            assert_eq!(tidy(raw), expected, "{name}");
        }
    }
}
