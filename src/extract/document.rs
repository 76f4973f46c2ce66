//! Documents into postings and candidates: the step after reading.
//!
//! [`crate::input`] hands over [`Document`]s (text and the fields the
//! source states); here they become [`Posting`]s and [`Candidate`]s, with
//! the document's id and its stated fields taken in by the parsers rather
//! than patched on afterwards.

use rayon::prelude::*;

use super::posting::{parse_with_fields, Posting};
use super::resume::{parse_resume, Candidate, ResumeOptions};
use super::Matcher;
use crate::document::Document;

/// The postings of one document: parsed, given the document's id (with
/// `#n` when it holds several) and the fields it states.
pub fn postings_of(matcher: &Matcher<'_>, doc: &Document) -> Vec<Posting> {
    parse_with_fields(matcher, &doc.source, &doc.id, &doc.text, &doc.fields)
}

/// The candidate of one document: parsed, given the document's id and the
/// name it states.
pub fn candidate_of(matcher: &Matcher<'_>, doc: &Document, options: &ResumeOptions) -> Candidate {
    let mut c = parse_resume(matcher, &doc.source, &doc.text, options);
    c.id.clone_from(&doc.id);
    if let Some(name) = &doc.fields.name {
        c.name = Some(name.clone());
    }
    c
}

/// Every posting of `documents`, extracted in parallel, in document order,
/// without each posting's `mentions`: what scoring and ranking keep.
/// Mentions are most of an extracted posting's memory and only `extract`
/// and the HTML explanation show them.
pub fn extract_postings_for_scoring(matcher: &Matcher<'_>, documents: &[Document]) -> Vec<Posting> {
    let per_doc: Vec<Vec<Posting>> = documents
        .par_iter()
        .map(|d| {
            let mut postings = postings_of(matcher, d);
            for p in &mut postings {
                p.mentions = Vec::new();
                p.requirements.shrink_to_fit();
            }
            postings
        })
        .collect();
    per_doc.into_iter().flatten().collect()
}
