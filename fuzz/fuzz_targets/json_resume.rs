//! The json_resume reader: `cv.json` read as Format::Json, then extracted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillmatch::document::DocumentKind;
use skillmatch::input::Format;

fuzz_target!(|data: &[u8]| {
    skillmatch_fuzz::read_as(data, "cv.json", Format::Json, DocumentKind::Resume);
});
