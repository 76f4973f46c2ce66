//! What the server holds for its whole life, read once at start: the
//! taxonomy and its matcher, the postings with their scoring index, the
//! text of each posting when the server read the postings itself, and,
//! with `--candidates`, every candidate extracted once.
//!
//! Everything a request computes comes from here and the résumé it
//! brings, through the same library calls the command line makes, so the
//! JSON the server returns is the JSON `skillmatch score` and `skillmatch
//! explain` print for the same inputs.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::document::Document;
use crate::explain::{explain, Explanation};
use crate::extract::dates::YearMonth;
use crate::extract::posting::Posting;
use crate::extract::resume::{Candidate, ResumeOptions};
use crate::extract::{self, Matcher};
use crate::index_file::IndexFile;
use crate::rank::{best_candidates_for, PostingStore, Ranker};
use crate::report::csv::Positions;
use crate::report::{ExplainReport, Format, RenderError, ScoreReport};
use crate::score::{CandidateProfile, Weights};
use crate::taxonomy::Taxonomy;
use crate::Result;

/// One posting as lists show it, decoded once at start.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PostingSummary {
    /// The posting's id.
    pub id: String,
    /// Its title, when found.
    pub title: Option<String>,
    /// Its company, when found.
    pub company: Option<String>,
    /// Its location, when stated.
    pub location: Option<String>,
}

/// One candidate of `--candidates`, extracted at start.
#[derive(Debug, Clone)]
pub struct KnownCandidate {
    /// The candidate.
    pub candidate: Candidate,
    /// The document it was read from (its text is quoted in explanations).
    pub document: Document,
}

/// Everything the server answers from (see the module documentation).
pub struct Catalog<'a> {
    taxonomy: &'a Taxonomy,
    matcher: Matcher<'a>,
    ranker: Ranker<'a, IndexFile>,
    summaries: Vec<PostingSummary>,
    by_id: HashMap<String, usize>,
    /// The posting documents, when the server read them (not from an
    /// index file, which keeps no text), and each document's position by
    /// id.
    documents: Vec<Document>,
    document_by_id: HashMap<String, usize>,
    candidates: Vec<KnownCandidate>,
    profiles: Vec<CandidateProfile>,
    candidate_by_id: HashMap<String, usize>,
    as_of: Option<YearMonth>,
}

/// What [`Catalog::new`] is given.
pub struct CatalogParts<'a> {
    /// The taxonomy.
    pub taxonomy: &'a Taxonomy,
    /// Its matcher.
    pub matcher: Matcher<'a>,
    /// The postings, extracted (read from an index file or built).
    pub postings: &'a IndexFile,
    /// The scoring weights.
    pub weights: Weights,
    /// The documents the postings were extracted from, when at hand
    /// (empty for an index file).
    pub documents: Vec<Document>,
    /// The candidates' documents (`--candidates`), extracted here.
    pub candidates: Vec<Document>,
    /// The month "Present" means in résumés; `None` for the current month
    /// at each request.
    pub as_of: Option<YearMonth>,
}

impl<'a> Catalog<'a> {
    /// Decodes every posting once for its summary, and extracts the
    /// candidates.
    pub fn new(parts: CatalogParts<'a>) -> Result<Catalog<'a>> {
        let CatalogParts {
            taxonomy,
            matcher,
            postings,
            weights,
            documents,
            candidates,
            as_of,
        } = parts;
        let ranker = Ranker::new(taxonomy, postings, &weights);
        let mut summaries = Vec::with_capacity(postings.len());
        for p in 0..postings.len() {
            let posting = postings.get(p)?;
            summaries.push(PostingSummary {
                id: posting.id.clone(),
                title: posting.title.clone(),
                company: posting.company.clone(),
                location: posting.location.clone(),
            });
        }
        // The first posting of an id wins, as `explain --posting ID` does.
        let mut by_id = HashMap::with_capacity(summaries.len());
        for (p, s) in summaries.iter().enumerate() {
            by_id.entry(s.id.clone()).or_insert(p);
        }
        let mut document_by_id = HashMap::with_capacity(documents.len());
        for (d, doc) in documents.iter().enumerate() {
            document_by_id.entry(doc.id.clone()).or_insert(d);
        }
        let options = ResumeOptions {
            as_of: as_of.unwrap_or_else(YearMonth::today),
        };
        let candidates: Vec<KnownCandidate> = {
            use rayon::prelude::*;
            candidates
                .into_par_iter()
                .map(|document| KnownCandidate {
                    candidate: extract::candidate_of(&matcher, &document, &options),
                    document,
                })
                .collect()
        };
        let profiles = candidates
            .iter()
            .map(|k| ranker.profile(&k.candidate))
            .collect();
        let mut candidate_by_id = HashMap::with_capacity(candidates.len());
        for (i, k) in candidates.iter().enumerate() {
            candidate_by_id.entry(k.candidate.id.clone()).or_insert(i);
        }
        Ok(Catalog {
            taxonomy,
            matcher,
            ranker,
            summaries,
            by_id,
            documents,
            document_by_id,
            candidates,
            profiles,
            candidate_by_id,
            as_of,
        })
    }

    /// The taxonomy.
    pub fn taxonomy(&self) -> &'a Taxonomy {
        self.taxonomy
    }

    /// The matcher.
    pub fn matcher(&self) -> &Matcher<'a> {
        &self.matcher
    }

    /// The ranker of the postings.
    pub fn ranker(&self) -> &Ranker<'a, IndexFile> {
        &self.ranker
    }

    /// How résumés are read now: `--as-of`, else this month.
    pub fn resume_options(&self) -> ResumeOptions {
        ResumeOptions {
            as_of: self.as_of.unwrap_or_else(YearMonth::today),
        }
    }

    /// Every posting's summary, in posting order.
    pub fn postings(&self) -> &[PostingSummary] {
        &self.summaries
    }

    /// The position of the posting `id`.
    pub fn posting_position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The candidates of `--candidates`, in input order.
    pub fn candidates(&self) -> &[KnownCandidate] {
        &self.candidates
    }

    /// The position of the candidate `id`.
    pub fn candidate_position(&self, id: &str) -> Option<usize> {
        self.candidate_by_id.get(id).copied()
    }

    /// The score report of `candidate` against every posting, in
    /// `format`: what `skillmatch score RESUME --top TOP --suggest SUGGEST
    /// --format FORMAT` writes (`top` 0 shows all).
    pub fn score(
        &self,
        candidate: &Candidate,
        top: usize,
        suggest: usize,
        format: Format,
    ) -> std::result::Result<Vec<u8>, ServeError> {
        let shortlist = self.ranker.rank(candidate, (top > 0).then_some(top))?;
        let ranked = shortlist.explain(self.taxonomy, candidate, self.ranker.weights());
        let suggestions = self.ranker.best_suggestions(candidate, suggest);
        let report = ScoreReport {
            taxonomy: self.taxonomy,
            candidate,
            ranked: &ranked,
            suggestions: &suggestions,
            total: self.summaries.len(),
            with_requirements: false,
        };
        Ok(crate::report::render(&report, format)?)
    }

    /// The shortlist of `candidate`, explained, for a page to lay out,
    /// with the skills that would help most.
    pub fn ranking(&self, candidate: &Candidate, top: usize, suggest: usize) -> Result<Ranking> {
        let shortlist = self.ranker.rank(candidate, (top > 0).then_some(top))?;
        let owned: Vec<(usize, usize, Posting)> = shortlist
            .entries
            .into_iter()
            .map(|e| (e.rank, e.index, e.posting.into_owned()))
            .collect();
        let suggestions = self.ranker.best_suggestions(candidate, suggest);
        Ok(Ranking {
            entries: owned,
            suggestions,
        })
    }

    /// The posting at `p` as `explain` reads it: extracted again from its
    /// document when the server holds the text (so it has its mentions
    /// and lines, as `explain` shows them), else decoded from the index;
    /// and the text, empty without one.
    pub fn posting(&self, p: usize) -> Result<(Cow<'_, Posting>, &str)> {
        let stored = self.ranker.postings().get(p)?;
        let id = &stored.id;
        // A document holding several postings gives them ids `doc#n`.
        let doc = self.document_by_id.get(id.as_str()).or_else(|| {
            id.rsplit_once('#')
                .and_then(|(doc_id, _)| self.document_by_id.get(doc_id))
        });
        if let Some(&d) = doc {
            let document = &self.documents[d];
            if let Some(posting) = extract::postings_of(&self.matcher, document)
                .into_iter()
                .find(|posting| &posting.id == id)
            {
                return Ok((Cow::Owned(posting), document.text.as_str()));
            }
        }
        Ok((stored, ""))
    }

    /// The explanation of `candidate` against `posting`.
    pub fn explain<'p>(
        &'p self,
        posting: &'p Posting,
        candidate: &'p Candidate,
    ) -> Explanation<'p> {
        explain(self.taxonomy, posting, candidate, self.ranker.weights())
    }

    /// The explain report of `candidate` (read from `resume_text`)
    /// against the posting at `p`, in `format`: what `skillmatch explain
    /// RESUME POSTINGS --posting ID --format FORMAT` writes.
    pub fn explain_report(
        &self,
        p: usize,
        candidate: &Candidate,
        resume_text: &str,
        format: Format,
    ) -> std::result::Result<Vec<u8>, ServeError> {
        let (posting, posting_text) = self.posting(p)?;
        let explanation = self.explain(&posting, candidate);
        let report = ExplainReport {
            taxonomy: self.taxonomy,
            posting: &posting,
            posting_text,
            candidate,
            resume_text,
            explanation: &explanation,
        };
        Ok(crate::report::render(&report, format)?)
    }

    /// The best `top` (0: all) candidates of `--candidates` for the
    /// posting at `p`, best first: their positions and fits, in the
    /// order `rank --per posting` gives.
    pub fn best_candidates(&self, p: usize, top: usize) -> Vec<(usize, f64)> {
        best_candidates_for(&self.ranker, &self.profiles, p, (top > 0).then_some(top))
    }

    /// The rows `rank --per posting` writes for the posting at `p`: its
    /// best `top` candidates (0: all), with their ranks, explained.
    pub fn candidate_rows(&self, p: usize, top: usize) -> Result<Vec<Vec<String>>> {
        let posting = self.ranker.postings().get(p)?;
        Ok(self
            .best_candidates(p, top)
            .into_iter()
            .enumerate()
            .map(|(i, (c, _))| {
                let candidate = &self.candidates[c].candidate;
                let e = self.explain(&posting, candidate);
                let at = Positions {
                    candidate: c,
                    posting: p,
                };
                crate::report::csv::rank_row(self.taxonomy, candidate, &posting, i + 1, &e, at)
            })
            .collect())
    }
}

/// A candidate's shortlist, for a page: (rank, position, posting) best
/// first, and the skills that would help most.
pub struct Ranking {
    /// The postings shown: rank, position, posting.
    pub entries: Vec<(usize, usize, Posting)>,
    /// The skills that would raise the scores most.
    pub suggestions: Vec<crate::rank::Suggestion>,
}

/// What can go wrong while answering from the catalog: the library's
/// error (a damaged index entry) or a report that cannot be rendered.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// A library error.
    #[error(transparent)]
    Library(#[from] crate::Error),
    /// A report that cannot be rendered.
    #[error(transparent)]
    Render(#[from] RenderError),
}
