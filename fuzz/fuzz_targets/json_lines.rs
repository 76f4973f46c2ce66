//! The json_lines reader: `batch.jsonl` read as Format::JsonLines, then extracted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillmatch::document::DocumentKind;
use skillmatch::input::Format;

fuzz_target!(|data: &[u8]| {
    skillmatch_fuzz::read_as(data, "batch.jsonl", Format::JsonLines, DocumentKind::Posting);
});
