//! The csv reader: `batch.csv` read as Format::Csv, then extracted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillmatch::document::DocumentKind;
use skillmatch::input::Format;

fuzz_target!(|data: &[u8]| {
    skillmatch_fuzz::read_as(data, "batch.csv", Format::Csv, DocumentKind::Resume);
});
