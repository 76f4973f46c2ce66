//! The docx reader: `cv.docx` read as Format::Docx, then extracted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillmatch::document::DocumentKind;
use skillmatch::input::Format;

fuzz_target!(|data: &[u8]| {
    skillmatch_fuzz::read_as(data, "cv.docx", Format::Docx, DocumentKind::Resume);
});
