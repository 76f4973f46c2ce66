//! posting_text: any UTF-8 text extracted as a Posting.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillmatch::document::DocumentKind;

fuzz_target!(|text: &str| {
    skillmatch_fuzz::extract_as(text, DocumentKind::Posting);
});
