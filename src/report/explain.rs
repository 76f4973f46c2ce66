//! The `explain` report: one candidate against one posting, requirement by
//! requirement, with the texts both were read from (the HTML page quotes
//! them side by side).

use crate::explain::Explanation;
use crate::extract::posting::Posting;
use crate::extract::resume::Candidate;
use crate::taxonomy::Taxonomy;

use super::json::ExplainDocument;
use super::render::{unsupported, Format, RenderError, Report};

/// One explanation and what it explains.
#[derive(Debug, Clone, Copy)]
pub struct ExplainReport<'a> {
    /// The taxonomy the skills are ids of.
    pub taxonomy: &'a Taxonomy,
    /// The posting.
    pub posting: &'a Posting,
    /// The text the posting was extracted from.
    pub posting_text: &'a str,
    /// The candidate.
    pub candidate: &'a Candidate,
    /// The text the candidate was extracted from.
    pub resume_text: &'a str,
    /// The candidate's explanation against the posting.
    pub explanation: &'a Explanation<'a>,
}

impl Report for ExplainReport<'_> {
    fn formats(&self) -> &'static [Format] {
        &[Format::Text, Format::Markdown, Format::Json, Format::Html]
    }

    fn bytes(&self, format: Format) -> Result<Vec<u8>, RenderError> {
        let (taxonomy, posting, candidate, e) = (
            self.taxonomy,
            self.posting,
            self.candidate,
            self.explanation,
        );
        match format {
            Format::Text => {
                Ok(super::text::explanation(taxonomy, posting, candidate, e).into_bytes())
            }
            // The top heading: the explanation is the whole document.
            Format::Markdown => {
                Ok(super::markdown::explanation(taxonomy, posting, candidate, e, 1).into_bytes())
            }
            Format::Json => {
                super::json::to_bytes(&ExplainDocument::new(taxonomy, posting, candidate, e))
            }
            Format::Html => Ok(super::html::explanation(
                taxonomy,
                posting,
                self.posting_text,
                candidate,
                self.resume_text,
                e,
            )
            .into_bytes()),
            other => Err(unsupported(self, other)),
        }
    }
}
