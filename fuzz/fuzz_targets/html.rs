//! The html reader: `job.html` read as Format::Html, then extracted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillmatch::document::DocumentKind;
use skillmatch::input::Format;

fuzz_target!(|data: &[u8]| {
    skillmatch_fuzz::read_as(data, "job.html", Format::Html, DocumentKind::Posting);
});
