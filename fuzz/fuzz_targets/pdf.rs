//! The pdf reader: `cv.pdf` read as Format::Pdf, then extracted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillmatch::document::DocumentKind;
use skillmatch::input::Format;

fuzz_target!(|data: &[u8]| {
    skillmatch_fuzz::read_as(data, "cv.pdf", Format::Pdf, DocumentKind::Resume);
});
