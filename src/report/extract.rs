//! The `extract` report: postings turned into requirements and résumés
//! into evidenced skills, postings first, each in input order.

use crate::extract::posting::Posting;
use crate::extract::resume::Candidate;
use crate::taxonomy::Taxonomy;

use super::json::{CandidateEntry, ExtractDocument, PostingEntry};
use super::render::{unsupported, Format, RenderError, Report};

/// What `extract` read: its postings and its candidates.
#[derive(Debug, Clone, Copy)]
pub struct ExtractReport<'a> {
    /// The taxonomy the skills are ids of.
    pub taxonomy: &'a Taxonomy,
    /// The postings, in input order.
    pub postings: &'a [Posting],
    /// The candidates, in input order.
    pub candidates: &'a [Candidate],
}

impl Report for ExtractReport<'_> {
    fn formats(&self) -> &'static [Format] {
        &[Format::Text, Format::Json]
    }

    fn bytes(&self, format: Format) -> Result<Vec<u8>, RenderError> {
        match format {
            Format::Json => super::json::to_bytes(&ExtractDocument {
                postings: self
                    .postings
                    .iter()
                    .map(|p| PostingEntry::new(self.taxonomy, p))
                    .collect(),
                candidates: self
                    .candidates
                    .iter()
                    .map(|c| CandidateEntry::new(self.taxonomy, c))
                    .collect(),
            }),
            // One entry after another, a blank line between two.
            Format::Text => {
                let entries = self
                    .postings
                    .iter()
                    .map(|p| super::text::posting(self.taxonomy, p))
                    .chain(
                        self.candidates
                            .iter()
                            .map(|c| super::text::candidate(self.taxonomy, c)),
                    );
                Ok(entries.collect::<Vec<_>>().join("\n").into_bytes())
            }
            other => Err(unsupported(self, other)),
        }
    }
}
